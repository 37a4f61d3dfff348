"""Evaluation of a trained run: predictions, scores, curves, errors and a diagnosis.

Pure functions on arrays that return frozen dataclasses; drawing is in
nncore.plots.eval_plots. Importing this package does not import TensorFlow (predict_split
imports it when called) nor scikit-learn (each function imports what it uses).
"""

from nncore.evaluate.classification import (
    BinaryCounts,
    Calibration,
    ClassificationReport,
    Curve,
    binary_counts,
    calibration,
    classification_report,
    mistake_kind,
    normalize_by_true_class,
    pr_curves,
    predict_at_threshold,
    roc_curves,
)
from nncore.evaluate.diagnosis import Diagnosis, diagnose_history
from nncore.evaluate.errors import RANKING_TITLES, WorstExamples, error_table, worst_examples
from nncore.evaluate.predictions import VIEW_CAP, Predictions, outputs_to_predictions, predict_split, sample_indices
from nncore.evaluate.regression import RegressionReport, regression_report

__all__ = [
    "VIEW_CAP",
    "BinaryCounts",
    "binary_counts",
    "mistake_kind",
    "RANKING_TITLES",
    "Calibration",
    "ClassificationReport",
    "Curve",
    "Diagnosis",
    "Predictions",
    "RegressionReport",
    "WorstExamples",
    "calibration",
    "classification_report",
    "diagnose_history",
    "error_table",
    "normalize_by_true_class",
    "outputs_to_predictions",
    "pr_curves",
    "predict_at_threshold",
    "predict_split",
    "regression_report",
    "roc_curves",
    "sample_indices",
    "worst_examples",
]
