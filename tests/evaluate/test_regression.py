"""Regression scores equal scikit-learn's on known arrays."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics

from nncore.evaluate import regression_report


def test_known_values():
    y = np.array([3.0, -0.5, 2.0, 7.0])
    y_hat = np.array([2.5, 0.0, 2.0, 8.0])
    report = regression_report(y, y_hat)
    assert report.mae == pytest.approx(0.5)
    assert report.rmse == pytest.approx(np.sqrt(0.375))
    assert report.r2 == pytest.approx(0.9486081370449679)  # sklearn's documented example
    assert report.residuals.tolist() == [0.5, -0.5, 0.0, -1.0]  # true - predicted


def test_equal_to_sklearn_on_random_arrays():
    rng = np.random.default_rng(0)
    y = rng.normal(100, 20, size=500)
    y_hat = y + rng.normal(0, 5, size=500)
    report = regression_report(y, y_hat)
    assert report.mae == pytest.approx(metrics.mean_absolute_error(y, y_hat))
    assert report.rmse == pytest.approx(metrics.root_mean_squared_error(y, y_hat))
    assert report.r2 == pytest.approx(metrics.r2_score(y, y_hat))
    assert report.n == 500


def test_predicting_the_mean_scores_r2_zero_and_perfect_scores_one():
    y = np.array([1.0, 2.0, 3.0, 4.0])
    assert regression_report(y, np.full(4, 2.5)).r2 == pytest.approx(0.0)
    perfect = regression_report(y, y)
    assert perfect.r2 == 1.0 and perfect.mae == 0.0 and perfect.rmse == 0.0


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="as many predictions"):
        regression_report([1.0, 2.0], [1.0])
