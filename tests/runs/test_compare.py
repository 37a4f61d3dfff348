"""Comparing saved runs: which settings differ, the metrics table and the overlaid curves."""

from __future__ import annotations

import math
from pathlib import Path

from nncore.models.spec import LayerSpec, ModelSpec
from nncore.plots.run_plots import compare_learning_curves
from nncore.runs import COMPLETE, RunRecord
from nncore.runs.compare import ABSENT, metrics_rows, setting_differences
from nncore.training import EpochRecord, TrainingConfig


def _record(name, layers, config=TrainingConfig(), history=(), params=None, **fields):
    return RunRecord(
        run_id=name, name=name, created=0.0, status=COMPLETE, problem="", folder=Path("."),
        dataset_key="circles", dataset_title="Circles", task="classification",
        spec=ModelSpec(layers=tuple(layers), name="custom"), config=config.to_dict(),
        dataset_params=params or {"key": "circles", "noise": 0.2}, history=tuple(history), **fields,
    )


def _history(losses):
    return [EpochRecord(i + 1, loss, 0.5, loss + 0.1, 0.5, float(i)) for i, loss in enumerate(losses)]


def test_only_the_settings_that_differ_are_listed_with_each_runs_value():
    a = _record("a", [LayerSpec(units=8, activation="tanh")], TrainingConfig(learning_rate=0.01))
    b = _record("b", [LayerSpec(units=16, activation="tanh"), LayerSpec(units=4)], TrainingConfig(learning_rate=0.1),
                params={"key": "circles", "noise": 0.3})
    diffs = {d.setting: d.values for d in setting_differences([a, b])}
    assert diffs == {
        "data: noise": ("0.2", "0.3"),
        "hidden layers": ("1", "2"),
        "layer 1 units": ("8", "16"),
        "layer 2 kind": (ABSENT, "dense"),
        "layer 2 units": (ABSENT, "4"),
        "layer 2 activation": (ABSENT, "relu"),
        "layer 2 initializer": (ABSENT, "glorot_uniform"),
        "layer 2 L1": (ABSENT, "0"),
        "layer 2 L2": (ABSENT, "0"),
        "layer 2 dropout": (ABSENT, "0"),
        "layer 2 batch norm": (ABSENT, "no"),
        "learning rate": ("0.01", "0.1"),
    }
    assert setting_differences([a, a]) == []


def test_three_runs_and_an_optimizer_title():
    runs = [_record(n, [], TrainingConfig(optimizer=o)) for n, o in (("x", "adam"), ("y", "sgd"), ("z", "adam"))]
    [diff] = setting_differences(runs)
    assert diff.setting == "optimizer" and diff.values == ("Adam", "SGD with momentum", "Adam")


def test_metrics_rows_take_the_last_and_the_best_epoch():
    record = _record("a", [], history=_history([1.0, 0.5, 0.7]), test_loss=0.6, test_metric=0.8, metric_name="accuracy")
    [row] = metrics_rows([record])
    assert row["epochs"] == 3 and row["training loss"] == 0.7 and math.isclose(row["validation loss"], 0.8)
    assert math.isclose(row["best validation loss"], 0.6) and row["best epoch"] == 2
    assert row["test metric"] == 0.8
    [empty] = metrics_rows([_record("b", [])])
    assert empty["training loss"] is None and empty["best epoch"] is None


def test_the_figure_overlays_training_and_validation_for_each_run():
    fig = compare_learning_curves([("first", _history([1.0, 0.5])), ("second", _history([0.9, 0.4, 0.3]))])
    curves = [t for t in fig.data if t.x and t.x[0] is not None]
    assert len(curves) == 8  # 2 runs x (loss, metric) x (training, validation)
    first_loss = [t for t in curves if t.name == "first" and t.xaxis == "x"]
    assert [list(t.y) for t in first_loss] == [[1.0, 0.5], [1.1, 0.6]]
    assert {t.line.dash for t in first_loss} == {"solid", "dash"}
    assert len({t.line.color for t in curves}) == 2
    assert [t.name for t in fig.data if t.showlegend is not False] == ["first", "second", "training (solid)", "validation (dashed)"]
