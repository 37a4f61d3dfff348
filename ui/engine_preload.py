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
`nncore.explain.warm_up`), which made the first explanation on a server take 7-10 s against 0.02 s the second time. Nothing a user
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
_training_warm = threading.Event()  # set when the training part of the warm-up has ended (done or failed)


def training_warming() -> bool:
    """True while this server's one-time warm-up of training (engine import, a tiny training) is under way."""
    return _started and not _training_warm.is_set() and not _explainers_warm.is_set()


def explainers_warming() -> bool:
    """True while this server's one-time warm-up of the explanation libraries is under way."""
    return _started and not _explainers_warm.is_set()


def wait_for_explainers(timeout_s: float) -> None:
    """Wait (at most `timeout_s`) for the warm-up: computing at the same time would pay the
    same compilation twice over, on a machine that is already busy with it."""
    if _started:
        _explainers_warm.wait(timeout_s)


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
        _explainers_warm.set()


def _warm_up() -> None:
    time.sleep(PRELOAD_DELAY_S)
    try:
        from nncore.backend import configure_devices

        configure_devices()
    except Exception:  # nothing to show here: the first training reports the same problem
        return
    try:  # first what the first click (Train, a demo's Start) needs: AutoGraph's conversions
        from nncore.training.warm_up import warm_up_training

        warm_up_training()
    except Exception:  # a warm-up only saves time: the first training reports any real problem
        pass
    finally:
        _training_warm.set()
    try:
        from nncore.explain.warm_up import warm_up_explainers

        warm_up_explainers()
    except Exception:  # a warm-up only saves time: the first explanation reports any real problem
        pass
