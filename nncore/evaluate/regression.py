"""Regression scores on arrays, in whatever units the arrays are in (the page passes originals)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class RegressionReport:
    mae: float
    rmse: float
    r2: float
    residuals: np.ndarray  # true - predicted: positive where the model guessed too low

    @property
    def n(self) -> int:
        return len(self.residuals)


def regression_report(y_true: np.ndarray, y_pred: np.ndarray) -> RegressionReport:
    from sklearn.metrics import mean_absolute_error, r2_score, root_mean_squared_error

    y_true = np.asarray(y_true, dtype=np.float64).reshape(-1)
    y_pred = np.asarray(y_pred, dtype=np.float64).reshape(-1)
    if len(y_true) != len(y_pred):
        raise ValueError(f"Expected as many predictions as targets. Received: {len(y_pred)} and {len(y_true)}")
    if len(y_true) == 0:
        nan = float("nan")
        return RegressionReport(nan, nan, nan, y_true)
    r2 = float(r2_score(y_true, y_pred)) if len(y_true) > 1 else float("nan")
    return RegressionReport(
        float(mean_absolute_error(y_true, y_pred)), float(root_mean_squared_error(y_true, y_pred)), r2, y_true - y_pred
    )
