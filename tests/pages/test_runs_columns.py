"""The Runs table leaves out columns no run has a value in, so the rest fit a laptop screen."""

import pandas as pd

from ui.runs_table import shown_columns


def test_columns_without_any_value_are_left_out():
    nan = float("nan")
    frame = pd.DataFrame({
        "name": ["a", "b"], "status": ["finished", "finished"], "dataset": ["Iris", "Iris"], "model": ["MLP", "MLP"],
        "epochs": [3, 4], "test accuracy": [0.9, nan], "test MAE": [nan, nan], "unit": ["", ""],
        "linear accuracy": [nan, nan], "linear MAE": [nan, nan], "saved": ["2026-12-06 10:00", "2026-12-06 10:01"],
    })
    assert shown_columns(frame) == ["name", "status", "dataset", "model", "epochs", "test accuracy", "saved"]


def test_a_regression_run_keeps_its_error_and_unit():
    frame = pd.DataFrame({"name": ["r"], "status": ["finished"], "test accuracy": [float("nan")], "test MAE": [2.5],
                          "unit": ["kPa"], "saved": ["2026-12-06 10:00"]})
    assert shown_columns(frame) == ["name", "status", "test MAE", "unit", "saved"]


def test_the_linear_baseline_is_in_the_unit_of_the_score_beside_it(monkeypatch):
    """A classification run's baseline is a share shown as a percentage next to test accuracy; a
    regression run's an error next to test MAE (issue 14: numbers never in two units)."""
    from types import SimpleNamespace

    from ui.runs_table import runs_frame

    def record(metric_name, score, baseline, task):
        baselines = SimpleNamespace(linear_key="linear", headline=lambda key: baseline)
        return SimpleNamespace(
            name="run", complete=True, test_metric=score, metric_name=metric_name, standardized_errors=False,
            baselines=baselines, dataset_key="iris", dataset_title="Iris", spec=None, model_summary="MLP", epochs=3,
            unit="kPa" if task == "regression" else "", created=0.0, state="finished", message="",
        )

    monkeypatch.setattr("ui.runs_table.status_text", lambda record: "finished")
    frame = runs_frame([record("accuracy", 0.9649, 0.9737, "classification"), record("mae", 2.5, 3.1, "regression")])
    assert frame.loc[0, "linear accuracy"] == 0.9737 and pd.isna(frame.loc[0, "linear MAE"])
    assert frame.loc[1, "linear MAE"] == 3.1 and pd.isna(frame.loc[1, "linear accuracy"])
