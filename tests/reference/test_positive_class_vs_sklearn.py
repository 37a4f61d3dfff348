"""Scores read with a chosen positive class, checked against scikit-learn's own `pos_label`.

Sources: scikit-learn's documentation of `precision_score` / `recall_score` (`pos_label`: "The
class to report if average='binary'"), `roc_auc_score` (for binary y_true, "y_score is supposed
to be the score of the class with greater label", so the score of the chosen class is passed
with labels made 1 for it) and `roc_curve` / `precision_recall_curve` / `average_precision_score`
(`pos_label`), https://scikit-learn.org/stable/modules/model_evaluation.html
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import (
    average_precision_score,
    confusion_matrix,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)

from nncore.evaluate import binary_counts, classification_report, pr_curves, predict_at_threshold, roc_curves


def _scores(seed: int = 0, n: int = 300):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(np.int64)  # class 1 rare
    p1 = np.clip(0.5 + 0.35 * (2 * y - 1) + rng.normal(0, 0.25, n), 0.001, 0.999)
    return y, np.column_stack([1 - p1, p1])


@pytest.mark.parametrize("positive", [0, 1])
@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_precision_recall_at_threshold_match_sklearn_pos_label(positive, threshold):
    y, probabilities = _scores()
    y_pred = predict_at_threshold(probabilities[:, positive], threshold, positive)
    report = classification_report(y, y_pred, ("a", "b"))
    assert report.precision[positive] == pytest.approx(precision_score(y, y_pred, pos_label=positive))
    assert report.recall[positive] == pytest.approx(recall_score(y, y_pred, pos_label=positive))
    counts = binary_counts(report.confusion, positive)
    # sklearn's confusion_matrix with labels=[negative, positive] lays out tn, fp, fn, tp.
    tn, fp, fn, tp = confusion_matrix(y, y_pred, labels=[1 - positive, positive]).ravel()
    assert (counts.true_negatives, counts.false_alarms, counts.missed_cases, counts.true_positives) == (tn, fp, fn, tp)
    # A missed case is a positive example called negative: recall = tp / (tp + missed).
    assert report.recall[positive] == pytest.approx(tp / (tp + counts.missed_cases))


@pytest.mark.parametrize("positive", [0, 1])
def test_roc_and_pr_curves_follow_the_positive_class(positive):
    y, probabilities = _scores(seed=1)
    (roc,) = roc_curves(y, probabilities, ("a", "b"), positive)
    (pr,) = pr_curves(y, probabilities, ("a", "b"), positive)
    assert roc.label == ("a", "b")[positive]
    is_positive = (y == positive).astype(int)
    assert roc.area == pytest.approx(roc_auc_score(is_positive, probabilities[:, positive]))
    fpr, tpr, _ = roc_curve(y, probabilities[:, positive], pos_label=positive)
    np.testing.assert_allclose(roc.x, fpr)
    np.testing.assert_allclose(roc.y, tpr)
    assert pr.area == pytest.approx(average_precision_score(y, probabilities[:, positive], pos_label=positive))
    assert pr.baseline == pytest.approx(is_positive.mean())
