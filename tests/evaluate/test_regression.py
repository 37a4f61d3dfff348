"""Regression scores on edge cases (the checks against scikit-learn are in tests/reference/test_metrics_sklearn.py)."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.evaluate import regression_report


def test_predicting_the_mean_scores_r2_zero_and_perfect_scores_one():
    y = np.array([1.0, 2.0, 3.0, 4.0])
    assert regression_report(y, np.full(4, 2.5)).r2 == pytest.approx(0.0)
    perfect = regression_report(y, y)
    assert perfect.r2 == 1.0 and perfect.mae == 0.0 and perfect.rmse == 0.0


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="as many predictions"):
        regression_report([1.0, 2.0], [1.0])
