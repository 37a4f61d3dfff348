"""Load the training engine (TensorFlow and Keras) in the background, before anyone trains.

Why: importing TensorFlow takes seconds and holds Python's GIL for most of them, so every
session on the server stalls while it runs. Done by the first training, it froze the other
sessions' pages for 3-4 s in the middle of their work (load benchmark), and the first demo
waited for it. So the server's first page run starts it, a moment after that page is on
screen (Home renders without TensorFlow, for a fast first page): by the time the first person
has read Home and clicked, the engine is usually ready.

Then, in the same thread, it trains a throw-away tiny model for a few epochs, so the first
training's first epoch does not pay AutoGraph's one-time conversion of the training loop, the
layers and the optimizer (`nncore.training.warm_up`), and it pays the explanation libraries'
one-time costs (shap's numba compilation, lime's imports, TensorFlow's first gradient:
`nncore.explain.warm_up`), which made the first explanation on a server take 7-10 s against 0.02 s the second time.
The parts run in the order the first demo needs them (a table's training, then permutation SHAP
on a dataset row, then the rest), and shap's compiled code is kept on disk
(`nncore.explain.compiled_cache`), so only the first start after an install compiles it. Nothing a user
loaded or trained is touched: only process-wide library state is warmed.
"""

from __future__ import annotations

import os
import threading
import time

PRELOAD_ENV = "NNX_PRELOAD_ENGINE"  # "0" turns the preload off
PRELOAD_DELAY_S = 2.0  # lets the first page finish drawing before the import takes the GIL
_lock = threading.Lock()
_started = False
_explainers_warm = threading.Event()  # set when the warm-up has ended (done or failed)
_first_explanation_warm = threading.Event()  # set when what a first explanation needs is warm (or the warm-up has ended)
_training_warm = threading.Event()  # set when the training part of the warm-up has ended (done or failed)


def training_warming() -> bool:
    """True while this server's one-time warm-up of training (engine import, a tiny training) is under way."""
    return _started and not _training_warm.is_set() and not _explainers_warm.is_set()


def explainers_warming() -> bool:
    """True while this server's one-time warm-up of the explanation libraries is under way."""
    return _started and not _explainers_warm.is_set()


def wait_for_explainers(timeout_s: float) -> None:
    """Wait (at most `timeout_s`) for the whole warm-up to end."""
    if _started:
        _explainers_warm.wait(timeout_s)


def first_explanation_warming() -> bool:
    """True while the part of the warm-up that a first explanation needs (shap) is under way."""
    return _started and not _first_explanation_warm.is_set() and not _explainers_warm.is_set()


def wait_for_first_explanation(timeout_s: float) -> None:
    """Wait (at most `timeout_s`) for the part of the warm-up that a first explanation needs:
    computing at the same time would share the CPU with the same compilation, on a machine
    already busy with it. The rest of the warm-up (other layouts, LIME) is not waited for."""
    if _started:
        _first_explanation_warm.wait(timeout_s)  # also set when the warm-up ends, however it ends


def preload_engine() -> None:
    """Start importing the engine in a background thread, once per server process."""
    global _started
    if os.environ.get(PRELOAD_ENV, "1") == "0":
        return
    with _lock:
        if _started:
            return
        _started = True
    threading.Thread(target=_load, name="nnx-engine-preload", daemon=True).start()


def _load() -> None:
    try:
        _warm_up()
    finally:
        _first_explanation_warm.set()
        _explainers_warm.set()


def _warm_up() -> None:
    """In the order the first person needs it (a demo's Start trains a table, its third step
    explains a row with permutation SHAP), so the first click competes with as little as possible."""
    time.sleep(PRELOAD_DELAY_S)
    try:
        from nncore.backend import configure_devices

        configure_devices()
    except Exception:  # nothing to show here: the first training reports the same problem
        return
    from nncore.explain import warm_up as explain_warm_up
    from nncore.training import warm_up as training_warm_up

    try:  # AutoGraph's conversions for a table's training
        _quietly(lambda: training_warm_up.warm_up_training(training_warm_up.FIRST_DATASETS))
    finally:
        _training_warm.set()
    try:
        _quietly(explain_warm_up.warm_up_first_explanation)
    finally:
        _first_explanation_warm.set()
    _quietly(lambda: training_warm_up.warm_up_training(training_warm_up.LATER_DATASETS))
    _quietly(explain_warm_up.warm_up_explainers)


def _quietly(part) -> None:
    """Run one part of the warm-up: a warm-up only saves time, so a failure is left to the
    person's own training or explanation to report, with its own words."""
    try:
        part()
    except Exception:
        pass
