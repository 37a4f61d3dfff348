"""Classification scores on arrays: per-class report, confusion matrix, ROC / PR, calibration.

Every function takes true class indices and predictions or probabilities and returns a frozen
dataclass; drawing lives in nncore.plots.eval_plots.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True, eq=False)
class ClassificationReport:
    class_names: tuple[str, ...]
    accuracy: float
    precision: np.ndarray  # per class
    recall: np.ndarray
    f1: np.ndarray
    support: np.ndarray  # true examples per class
    confusion: np.ndarray  # counts, rows = true class, columns = predicted class

    @property
    def n(self) -> int:
        return int(self.confusion.sum())

    @property
    def macro_f1(self) -> float:
        present = self.support > 0
        return float(self.f1[present].mean()) if present.any() else float("nan")

    @property
    def confusion_normalized(self) -> np.ndarray:
        """Each row divided by its true-class count: row i says where class i's examples went."""
        return normalize_by_true_class(self.confusion)

    def table(self) -> dict[str, list]:
        """Per-class rows, as a table wants them."""
        return {
            "class": list(self.class_names),
            "precision": [float(v) for v in self.precision],
            "recall": [float(v) for v in self.recall],
            "F1": [float(v) for v in self.f1],
            "support": [int(v) for v in self.support],
        }


def normalize_by_true_class(confusion: np.ndarray) -> np.ndarray:
    confusion = np.asarray(confusion, dtype=np.float64)
    totals = confusion.sum(axis=1, keepdims=True)
    return np.divide(confusion, totals, out=np.zeros_like(confusion), where=totals > 0)


def classification_report(
    y_true: np.ndarray, y_pred: np.ndarray, class_names: Sequence[str]
) -> ClassificationReport:
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    labels = list(range(len(class_names)))
    y_true, y_pred = np.asarray(y_true).astype(int), np.asarray(y_pred).astype(int)
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0
    )
    confusion = confusion_matrix(y_true, y_pred, labels=labels)
    accuracy = float(np.mean(y_true == y_pred)) if len(y_true) else float("nan")
    return ClassificationReport(tuple(class_names), accuracy, precision, recall, f1, support, confusion)


def predict_at_threshold(positive_probability: np.ndarray, threshold: float, positive: int = 1) -> np.ndarray:
    """Two classes: class indices, calling an example the `positive` class when its probability
    of being that class is above `threshold`, and the other class otherwise."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"Expected a threshold between 0 and 1. Received: threshold={threshold}")
    if positive not in (0, 1):
        raise ValueError(f"Expected the positive class to be 0 or 1. Received: positive={positive}")
    called = np.asarray(positive_probability) > threshold
    return np.where(called, positive, 1 - positive).astype(np.int64)


@dataclass(frozen=True)
class BinaryCounts:
    """The four cells of a two-class confusion matrix, read with one class as positive.

    A false alarm is a negative example called positive; a missed case is a positive example
    called negative."""

    true_positives: int
    false_alarms: int
    missed_cases: int
    true_negatives: int


def binary_counts(confusion: np.ndarray, positive: int = 1) -> BinaryCounts:
    """Read a 2x2 confusion matrix (rows = true class) with class `positive` as the positive one."""
    confusion = np.asarray(confusion)
    if confusion.shape != (2, 2) or positive not in (0, 1):
        raise ValueError(
            f"Expected a 2x2 confusion matrix and a positive class 0 or 1. Received: shape={confusion.shape}, positive={positive}"
        )
    negative = 1 - positive
    return BinaryCounts(
        int(confusion[positive, positive]), int(confusion[negative, positive]),
        int(confusion[positive, negative]), int(confusion[negative, negative]),
    )


def mistake_kind(truth: int, predicted: int, positive: int) -> str | None:
    """Two classes: "missed_case" (a positive example called negative), "false_alarm" (the
    reverse), or None for a right answer."""
    if int(truth) == int(predicted):
        return None
    return "missed_case" if int(truth) == positive else "false_alarm"


@dataclass(frozen=True, eq=False)
class Curve:
    """One ROC or precision-recall curve; `area` is the ROC AUC or the average precision."""

    label: str
    x: np.ndarray
    y: np.ndarray
    thresholds: np.ndarray
    area: float
    baseline: float  # what guessing scores: 0.5 AUC for ROC, the class's share for PR


def _one_vs_rest(y_true: np.ndarray, probabilities: np.ndarray, class_names: Sequence[str], positive: int = 1):
    """(label, is_this_class, score) per class; two classes give one curve, for the positive class."""
    y_true = np.asarray(y_true).astype(int)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    classes = [positive] if probabilities.shape[1] == 2 else range(probabilities.shape[1])
    for k in classes:
        hits = y_true == k
        if hits.all() or not hits.any():
            continue  # a curve needs both positives and negatives
        yield str(class_names[k]), hits.astype(int), probabilities[:, k]


def roc_curves(
    y_true: np.ndarray, probabilities: np.ndarray, class_names: Sequence[str], positive: int = 1
) -> tuple[Curve, ...]:
    """False-positive rate (x) against true-positive rate (y), one-vs-rest per class."""
    from sklearn.metrics import auc, roc_curve

    curves = []
    for label, hits, score in _one_vs_rest(y_true, probabilities, class_names, positive):
        fpr, tpr, thresholds = roc_curve(hits, score)
        curves.append(Curve(label, fpr, tpr, thresholds, float(auc(fpr, tpr)), 0.5))
    return tuple(curves)


def pr_curves(
    y_true: np.ndarray, probabilities: np.ndarray, class_names: Sequence[str], positive: int = 1
) -> tuple[Curve, ...]:
    """Recall (x) against precision (y), one-vs-rest per class; area = average precision."""
    from sklearn.metrics import average_precision_score, precision_recall_curve

    curves = []
    for label, hits, score in _one_vs_rest(y_true, probabilities, class_names, positive):
        precision, recall, thresholds = precision_recall_curve(hits, score)
        ap = float(average_precision_score(hits, score))
        curves.append(Curve(label, recall, precision, thresholds, ap, float(hits.mean())))
    return tuple(curves)


@dataclass(frozen=True, eq=False)
class Calibration:
    """A reliability diagram: in each bin of stated confidence, how often the model was right.

    `kind` is "positive" (two classes: P(positive class) against the share of that class) or
    "top" (several classes: the top class's probability against how often it was correct).
    Empty bins hold NaN. `ece` is the expected calibration error: the count-weighted mean gap.
    """

    kind: str
    edges: np.ndarray
    confidence: np.ndarray  # mean stated probability per bin
    observed: np.ndarray  # observed frequency per bin
    counts: np.ndarray
    ece: float


def calibration(y_true: np.ndarray, probabilities: np.ndarray, n_bins: int = 10, positive: int = 1) -> Calibration:
    if n_bins < 1:
        raise ValueError(f"Expected a positive number of bins. Received: n_bins={n_bins}")
    y_true = np.asarray(y_true).astype(int)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    if probabilities.shape[1] == 2:
        kind, stated, happened = "positive", probabilities[:, positive], (y_true == positive).astype(float)
    else:
        kind = "top"
        stated = probabilities.max(axis=1)
        happened = (probabilities.argmax(axis=1) == y_true).astype(float)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # Same binning as sklearn's calibration_curve: right-open bins, 1.0 in the last one.
    which = np.clip(np.searchsorted(edges[1:-1], stated, side="right"), 0, n_bins - 1)
    counts = np.bincount(which, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        confidence = np.bincount(which, weights=stated, minlength=n_bins) / counts
        observed = np.bincount(which, weights=happened, minlength=n_bins) / counts
    filled = counts > 0
    ece = float(np.sum(counts[filled] * np.abs(confidence[filled] - observed[filled])) / max(1, counts.sum()))
    return Calibration(kind, edges, confidence, observed, counts, ece)
