"""Classification scores behave as a person expects (the checks against scikit-learn are in
tests/reference/test_metrics_sklearn.py)."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.evaluate import (
    calibration,
    classification_report,
    normalize_by_true_class,
    pr_curves,
    predict_at_threshold,
    roc_curves,
)

NAMES3 = ("cat", "dog", "bird")


def _three_class_case(seed: int = 0, n: int = 300):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, size=n)
    logits = rng.normal(size=(n, 3)) + 2.0 * np.eye(3)[y]
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return y, p


def test_confusion_matrix_counts_on_a_hand_made_example():
    y_true = [0, 0, 0, 1, 1, 2, 2, 2, 2]
    y_pred = [0, 1, 0, 1, 1, 2, 0, 2, 1]
    report = classification_report(y_true, y_pred, NAMES3)
    assert report.confusion.tolist() == [[2, 1, 0], [0, 2, 0], [1, 1, 2]]
    assert report.accuracy == pytest.approx(6 / 9)
    assert report.support.tolist() == [3, 2, 4]
    # Precision of "dog": 2 of the 4 called dog were dogs; recall of "bird": 2 of 4.
    assert report.precision[1] == pytest.approx(0.5)
    assert report.recall[2] == pytest.approx(0.5)
    assert normalize_by_true_class(report.confusion)[2].tolist() == [0.25, 0.25, 0.5]


def test_absent_class_gets_zero_scores_not_an_error():
    report = classification_report([0, 0, 1], [0, 1, 1], NAMES3)
    assert report.support.tolist() == [2, 1, 0]
    assert report.confusion.shape == (3, 3) and report.f1[2] == 0.0
    assert np.isfinite(report.macro_f1)  # the average is over the classes that are present


def test_raising_the_threshold_flags_fewer_positives():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, size=400)
    p = np.clip(0.5 + 0.35 * (2 * y - 1) + rng.normal(scale=0.25, size=400), 0, 1)
    low = classification_report(y, predict_at_threshold(p, 0.5), ("no", "yes")).confusion
    high = classification_report(y, predict_at_threshold(p, 0.9), ("no", "yes")).confusion
    (tn_lo, fp_lo), (fn_lo, tp_lo) = low
    (tn_hi, fp_hi), (fn_hi, tp_hi) = high
    assert fp_hi < fp_lo and tp_hi < tp_lo  # fewer flags: fewer false alarms, fewer hits
    assert fn_hi > fn_lo and tn_hi > tn_lo
    assert low.sum() == high.sum() == 400
    assert low[1].sum() == high[1].sum()  # true-class totals do not depend on the threshold
    assert predict_at_threshold(np.array([0.5, 0.51]), 0.5).tolist() == [0, 1]
    with pytest.raises(ValueError, match="between 0 and 1"):
        predict_at_threshold(p, 1.5)


def test_auc_is_one_for_a_perfect_classifier_and_about_a_half_for_random_scores():
    y = np.array([0] * 50 + [1] * 50)
    perfect = np.column_stack([1 - y * 0.9 - 0.05, y * 0.9 + 0.05])
    (roc,) = roc_curves(y, perfect, ("a", "b"))
    (pr,) = pr_curves(y, perfect, ("a", "b"))
    assert roc.area == pytest.approx(1.0) and pr.area == pytest.approx(1.0)
    rng = np.random.default_rng(0)
    y_big = rng.integers(0, 2, size=20_000)
    scores = rng.random(20_000)
    (random_roc,) = roc_curves(y_big, np.column_stack([1 - scores, scores]), ("a", "b"))
    assert random_roc.area == pytest.approx(0.5, abs=0.02)
    assert random_roc.label == "b"  # two classes: one curve, for the positive class


def test_a_class_missing_from_the_test_set_has_no_curve():
    y = np.array([0, 1, 0, 1])
    p = np.full((4, 3), 1 / 3)
    assert [c.label for c in roc_curves(y, p, NAMES3)] == ["cat", "dog"]


def test_multiclass_calibration_uses_top_class_confidence():
    y = np.array([0, 1, 2, 2])
    p = np.array([[0.9, 0.05, 0.05], [0.1, 0.85, 0.05], [0.65, 0.2, 0.15], [0.1, 0.1, 0.8]])
    cal = calibration(y, p, n_bins=5)
    assert cal.kind == "top"
    # Bin 0.8-1.0 holds the three right answers; 0.6-0.8 the wrong one (said 65%, right 0%).
    assert cal.counts.tolist() == [0, 0, 0, 1, 3]
    assert cal.observed[3] == 0.0 and cal.observed[4] == 1.0
    assert cal.ece == pytest.approx((0.65 + 3 * (1 - (0.9 + 0.85 + 0.8) / 3)) / 4)
