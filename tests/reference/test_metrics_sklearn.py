"""Reference: classification and regression scores equal scikit-learn's.

Source: scikit-learn (https://scikit-learn.org/stable/modules/model_evaluation.html):
`sklearn.metrics` (precision_recall_fscore_support, roc_curve, precision_recall_curve,
roc_auc_score, mean_squared_error, mean_absolute_error, r2_score) and
`sklearn.calibration.calibration_curve`; the regression case `test_known_values` is the
example in scikit-learn's r2_score documentation. (Moved from tests/evaluate/test_classification.py
and tests/evaluate/test_regression.py, unchanged.)
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics
from sklearn.calibration import calibration_curve

from nncore.evaluate import calibration, classification_report, pr_curves, regression_report, roc_curves
from tests.evaluate.test_classification import NAMES3, _three_class_case


def test_per_class_scores_equal_sklearn():
    y, p = _three_class_case()
    pred = p.argmax(axis=1)
    report = classification_report(y, pred, NAMES3)
    precision, recall, f1, support = metrics.precision_recall_fscore_support(y, pred)
    np.testing.assert_allclose(report.precision, precision)
    np.testing.assert_allclose(report.recall, recall)
    np.testing.assert_allclose(report.f1, f1)
    assert report.support.tolist() == support.tolist()
    assert report.accuracy == pytest.approx(metrics.accuracy_score(y, pred))
    assert report.macro_f1 == pytest.approx(metrics.f1_score(y, pred, average="macro"))
    np.testing.assert_array_equal(report.confusion, metrics.confusion_matrix(y, pred))
    assert report.table()["support"] == support.tolist()


def test_one_vs_rest_curves_equal_sklearn():
    y, p = _three_class_case(seed=3)
    rocs, prs = roc_curves(y, p, NAMES3), pr_curves(y, p, NAMES3)
    assert [c.label for c in rocs] == list(NAMES3)
    for k in range(3):
        assert rocs[k].area == pytest.approx(metrics.roc_auc_score(y == k, p[:, k]))
        assert prs[k].area == pytest.approx(metrics.average_precision_score(y == k, p[:, k]))
        assert prs[k].baseline == pytest.approx(np.mean(y == k))
    macro = metrics.roc_auc_score(y, p, multi_class="ovr", average="macro")
    assert np.mean([c.area for c in rocs]) == pytest.approx(macro)


def test_calibration_bins_equal_sklearn_and_count_every_example():
    rng = np.random.default_rng(2)
    p1 = rng.random(1000)
    y = (rng.random(1000) < p1 ** 2).astype(int)  # over-confident in the middle
    cal = calibration(y, np.column_stack([1 - p1, p1]), n_bins=10)
    observed, stated = calibration_curve(y, p1, n_bins=10, strategy="uniform")
    filled = cal.counts > 0
    np.testing.assert_allclose(cal.observed[filled], observed)
    np.testing.assert_allclose(cal.confidence[filled], stated)
    assert cal.counts.sum() == 1000 and cal.kind == "positive"
    assert 0.05 < cal.ece < 0.3
    # A perfectly calibrated stated probability has an ECE near zero.
    y_ok = (rng.random(200_000) < (p := rng.random(200_000))).astype(int)
    assert calibration(y_ok, np.column_stack([1 - p, p])).ece < 0.01


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
