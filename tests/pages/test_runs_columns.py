"""The Runs table leaves out columns no run has a value in, so the rest fit a laptop screen."""

import pandas as pd

from ui.runs_table import shown_columns


def test_columns_without_any_value_are_left_out():
    nan = float("nan")
    frame = pd.DataFrame({
        "name": ["a", "b"], "status": ["finished", "finished"], "dataset": ["Iris", "Iris"], "model": ["MLP", "MLP"],
        "epochs": [3, 4], "test accuracy": [0.9, nan], "test MAE": [nan, nan], "unit": ["", ""],
        "linear baseline": [nan, nan], "saved": ["2026-12-06 10:00", "2026-12-06 10:01"],
    })
    assert shown_columns(frame) == ["name", "status", "dataset", "model", "epochs", "test accuracy", "saved"]


def test_a_regression_run_keeps_its_error_and_unit():
    frame = pd.DataFrame({"name": ["r"], "status": ["finished"], "test accuracy": [float("nan")], "test MAE": [2.5],
                          "unit": ["kPa"], "saved": ["2026-12-06 10:00"]})
    assert shown_columns(frame) == ["name", "status", "test MAE", "unit", "saved"]
