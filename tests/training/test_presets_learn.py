"""Every preset trains on bundled data of its kind and clearly beats chance."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.data import load_dataset
from nncore.models import preset_spec
from nncore.training import JobState, TrainingConfig, TrainingJob

# (dataset, params, preset, epochs, batch size, the test score it must beat)
# Chance: 1/2 for two balanced classes, 1/3 for iris, 1/10 for digits.
CASES = [
    ("gaussians", {}, "logistic", 15, 16, 0.80),
    ("moons", {"n_points": 600}, "small_mlp", 40, 16, 0.85),
    ("iris", {}, "deep_mlp", 40, 16, 0.75),
    ("breast_cancer", {}, "small_mlp", 15, 16, 0.90),
    ("digits", {}, "lenet_cnn", 8, 32, 0.80),
    ("digits", {}, "small_mlp", 8, 32, 0.80),
    ("digits28", {"examples": 3000}, "lenet_cnn", 4, 32, 0.60),
    ("digit_rows", {}, "lstm", 8, 32, 0.60),
    ("trend", {}, "lstm", 10, 32, 0.80),
]


@pytest.mark.parametrize("key, params, preset, epochs, batch, floor", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_preset_beats_chance(key, params, preset, epochs, batch, floor):
    data = load_dataset(key, **params)
    job = TrainingJob(data, preset_spec(preset, data), TrainingConfig(epochs=epochs, batch_size=batch, learning_rate=0.01))
    assert job.start().join(timeout=300)
    result = job.result
    assert job.snapshot().state == JobState.FINISHED, job.snapshot().message
    assert result.test_metric > floor, f"test accuracy {result.test_metric:.3f} <= {floor}"


@pytest.mark.parametrize("key, preset", [("diabetes", "small_mlp"), ("sine", "lstm"), ("plane", "small_mlp")])
def test_regression_presets_beat_predicting_the_mean(key, preset):
    data = load_dataset(key)
    job = TrainingJob(data, preset_spec(preset, data), TrainingConfig(epochs=30, batch_size=32, learning_rate=0.01))
    assert job.start().join(timeout=300)
    result = job.result
    # Predicting the training mean gives an MSE near the target's variance; learning beats it.
    # Both in the target's units (squared), as the run reports its loss.
    y_train, y_test = (data.preprocessing.inverse_target(y).astype(np.float64) for y in (data.y_train, data.y_test))
    baseline = float(np.mean((y_test - y_train.mean()) ** 2))
    assert result.test_loss < 0.8 * baseline, f"test MSE {result.test_loss:.3f} vs mean-only {baseline:.3f}"
