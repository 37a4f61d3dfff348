"""The training job records weight, gradient and activation statistics over epochs."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.data import load_dataset
from nncore.models import ModelSpec
from nncore.models.spec import LayerSpec
from nncore.training import JobState, TrainingConfig, TrainingJob
from nncore.training.recorder import PERCENTILES, default_interval


def _deep_sigmoid_spec(depth: int = 6, units: int = 16) -> ModelSpec:
    layers = tuple(LayerSpec(kind="dense", units=units, activation="sigmoid") for _ in range(depth))
    return ModelSpec(layers=layers, name="deep_sigmoid")


def test_default_interval_gives_about_fifty_records():
    assert default_interval(10) == 1
    assert default_interval(50) == 1
    assert default_interval(100) == 2
    assert default_interval(1000) == 20
    assert 1000 // default_interval(1000) == 50


def test_deep_sigmoid_mlp_shows_vanishing_gradients_and_records_every_epoch():
    data = load_dataset("moons")
    job = TrainingJob(data, _deep_sigmoid_spec(), TrainingConfig(epochs=6, batch_size=32, learning_rate=0.01, seed=0))
    assert job.start().join(timeout=180)
    assert job.snapshot().state == JobState.FINISHED, job.snapshot().message
    dynamics = job.result.extra["dynamics"]
    assert dynamics.interval == 1
    epochs = [r.epoch for r in dynamics.records]
    # The start and the end always; epochs between unless recording ran over its time budget.
    assert epochs[0] == 0 and epochs[-1] == 6 and epochs == sorted(set(epochs))
    assert dynamics.layer_names == tuple(f"dense_{i}" for i in range(1, 7)) + ("output",)
    for record in dynamics.records:
        norms = [record.layers[f"dense_{i}"].gradient_norm for i in range(1, 7)]
        # Each sigmoid (slope at most 1/4) shrinks the gradient on its way down.
        assert norms[0] < norms[2] < norms[5], norms
        assert norms[0] < norms[5] / 10, norms
    first = dynamics.records[0].layers["dense_1"]
    assert len(first.weight_percentiles) == len(PERCENTILES)
    assert list(first.weight_percentiles) == sorted(first.weight_percentiles)
    # The stored weights statistics are those of the model after the last epoch.
    kernel = job.result.model.get_layer("dense_1").get_weights()[0]
    last = dynamics.records[-1].layers["dense_1"]
    assert last.weight_mean == pytest.approx(float(kernel.mean()), abs=1e-6)
    assert last.weight_percentiles[-1] == pytest.approx(float(kernel.max()), abs=1e-6)
    assert 0.0 <= last.activation_mean <= 1.0  # sigmoid outputs
    series_epochs, values = dynamics.series("dense_6", "gradient_norm")
    assert list(series_epochs) == [r.epoch for r in dynamics.records] and np.all(values > 0)


def test_long_runs_record_at_the_interval_and_live_dynamics_are_readable():
    data = load_dataset("circles")
    spec = ModelSpec(layers=(LayerSpec(kind="dense", units=4, activation="relu"),), name="tiny")
    job = TrainingJob(data, spec, TrainingConfig(epochs=120, batch_size=64, seed=1))
    assert job.dynamics() is None  # nothing before the job starts
    assert job.start().join(timeout=180)
    dynamics = job.dynamics()
    epochs = [r.epoch for r in dynamics.records]
    assert dynamics.interval == 3
    assert epochs[0] == 0 and epochs[-1] == 120
    assert all(e % 3 == 0 for e in epochs) and epochs == sorted(set(epochs))
    assert len(epochs) <= 41
    assert dynamics.seconds > 0


def test_recording_can_be_turned_off():
    data = load_dataset("circles")
    spec = ModelSpec(layers=(LayerSpec(kind="dense", units=4, activation="relu"),), name="tiny")
    job = TrainingJob(data, spec, TrainingConfig(epochs=2, batch_size=64), record_dynamics=False)
    assert job.start().join(timeout=120)
    assert job.dynamics() is None and "dynamics" not in job.result.extra


def test_a_continued_run_keeps_its_history_and_weights_and_adds_epochs(monkeypatch):
    import math

    from nncore.training import recorder

    # Which epochs get recorded must not depend on how busy the machine is: no time budget here.
    monkeypatch.setattr(recorder, "BUDGET_SHARE", math.inf)
    data = load_dataset("circles")
    spec = ModelSpec(layers=(LayerSpec(kind="dense", units=4, activation="tanh"),), name="tiny")
    first = TrainingJob(data, spec, TrainingConfig(epochs=3, batch_size=64, seed=2))
    assert first.start().join(timeout=120)
    run = first.result
    before = [w.copy() for w in run.model.get_weights()]
    step = TrainingJob(data, spec, TrainingConfig(epochs=1, batch_size=64, seed=2), continue_from=run)
    assert step.snapshot().total_epochs == 4
    assert step.start().join(timeout=120)
    result = step.result
    assert result.state == JobState.FINISHED, result.message
    assert [h.epoch for h in result.history] == [1, 2, 3, 4]
    assert result.history[:3] == run.history
    assert result.model is run.model
    assert any(np.abs(a - b).max() > 0 for a, b in zip(before, result.model.get_weights()))
    assert [r.epoch for r in result.extra["dynamics"].records] == [0, 1, 2, 3, 4]


def test_records_wait_while_recording_is_over_its_time_budget_and_compile_only_for_long_runs():
    from nncore.models.build import build_model, validate_for_data
    from nncore.training.recorder import COMPILE_AFTER_SECONDS, DynamicsRecorder

    data = load_dataset("circles")
    spec = ModelSpec(layers=(LayerSpec(kind="dense", units=4, activation="relu"),), name="tiny")
    model = build_model(spec, data)
    recorder = DynamicsRecorder(model, data, validate_for_data(spec, data), total_epochs=10, interval=2, budget_share=1.0)
    assert recorder.maybe_record(0, 0.0, force=True) is not None
    spent = recorder.seconds
    assert recorder.maybe_record(1, 1e6) is None  # not a record point
    assert recorder.maybe_record(2, spent * 0.5) is None  # over budget: skipped
    assert recorder.maybe_record(2, spent * 2) is not None  # within budget
    assert not recorder.compiled
    assert recorder.maybe_record(4, COMPILE_AFTER_SECONDS + 1e6) is not None
    assert recorder.compiled
    assert [r.epoch for r in recorder.dynamics().records] == [0, 2, 4]
    # Eager and compiled records agree.
    eager, compiled = recorder.dynamics().records[1], recorder.dynamics().records[2]
    assert eager.layers["dense_1"].gradient_norm == pytest.approx(compiled.layers["dense_1"].gradient_norm, rel=1e-5)
