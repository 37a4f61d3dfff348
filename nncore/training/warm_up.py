"""Pay training's one-time costs before anyone presses Train.

The first training in a process spends most of its first epoch not training but converting
Python to TensorFlow graphs: AutoGraph rewrites (parses and transforms the source of) every
function the compiled training loop calls, Keras' layers, losses, metrics and the optimizer's
update included. AutoGraph keeps those conversions for the whole process, so a second training,
even of another model on other data, skips them (measured: the first epoch's time was mostly
`autograph.pyct.transpiler.transform_function`). So the server trains a throw-away tiny model
on a bundled synthetic dataset once, in the background, after its first page
(ui/engine_preload.py). What is left for the person's first training is tracing its own
model's graph, which depends on that model and cannot be done ahead.

Nothing of anyone's data or model is touched or kept: the dataset is built in, the model is
dropped, and the job is not saved.
"""

from __future__ import annotations

import time
from dataclasses import replace

from nncore.data import load_dataset
from nncore.models import default_preset_for, preset_spec
from nncore.training.config import TrainingConfig, suited_config_for
from nncore.training.job import JobState, TrainingJob

# Built-in and small: a table's settings first (early stopping, class weights: the breast-cancer
# demo, usually the first click), then the playground's (run later, after the first explanation's
# warm-up: ui/engine_preload.py).
FIRST_DATASETS = (("breast_cancer", 2),)
LATER_DATASETS = (("circles", 3),)
WARM_UP_DATASETS = FIRST_DATASETS + LATER_DATASETS
WARM_UP_TIMEOUT_S = 300.0


def warm_up_training(datasets: tuple[tuple[str, int], ...] = WARM_UP_DATASETS) -> float:
    """Train tiny models for a few epochs on each of `datasets` ((key, epochs) pairs), as the
    Train page would; returns seconds taken."""
    started = time.perf_counter()
    for key, epochs in datasets:
        data = load_dataset(key)
        config = replace(suited_config_for(TrainingConfig(), data), epochs=epochs, seed=0)
        job = TrainingJob(data, preset_spec(default_preset_for(data), data), config)
        job.start().join(WARM_UP_TIMEOUT_S)
        if job.snapshot().state == JobState.FAILED:  # a warm-up only saves time: the person's training reports it
            break
    return time.perf_counter() - started

