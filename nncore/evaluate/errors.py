"""The error browser's data: which test examples the model gets most wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nncore.evaluate.predictions import Predictions

RANKINGS = ("loss", "confidence", "abs_error")
RANKING_TITLES = {
    "loss": "Highest loss (least probability on the true class)",
    "confidence": "Most confident mistakes",
    "abs_error": "Largest absolute error",
}
_EPS = 1e-7


@dataclass(frozen=True, eq=False)
class WorstExamples:
    """The `k` worst examples, worst first. `indices` point into the split's arrays.

    `scores` is what they were ranked by: cross-entropy of the true class ("loss"), the
    probability given to the wrong predicted class ("confidence", mistakes only) or the
    absolute error in original units ("abs_error").
    """

    ranking: str
    indices: np.ndarray
    scores: np.ndarray
    y_true: np.ndarray
    predicted: np.ndarray
    confidence: np.ndarray | None  # probability of the predicted class (classification)


def worst_examples(predictions: Predictions, k: int = 12, ranking: str | None = None) -> WorstExamples:
    if k < 1:
        raise ValueError(f"Expected a positive number of examples. Received: k={k}")
    if predictions.task == "regression":
        ranking = ranking or "abs_error"
        if ranking != "abs_error":
            raise ValueError(f"Expected ranking 'abs_error' for regression. Received: ranking={ranking!r}")
        scores = np.abs(predictions.y_true - predictions.predicted)
        candidates = np.arange(predictions.n)
        confidence = None
    else:
        ranking = ranking or "loss"
        if ranking not in ("loss", "confidence"):
            raise ValueError(f"Expected ranking 'loss' or 'confidence' for classification. Received: ranking={ranking!r}")
        probabilities = predictions.probabilities
        rows = np.arange(predictions.n)
        confidence_all = probabilities[rows, predictions.predicted]
        if ranking == "loss":
            scores = -np.log(np.clip(probabilities[rows, predictions.y_true], _EPS, 1.0))
            candidates = rows
        else:
            scores = confidence_all
            candidates = rows[predictions.predicted != predictions.y_true]
        confidence = confidence_all
    # Stable sort on the negated score: ties keep the split's order, so the list is reproducible.
    order = candidates[np.argsort(-scores[candidates], kind="stable")][:k]
    return WorstExamples(
        ranking, order, scores[order], predictions.y_true[order], predictions.predicted[order],
        None if confidence is None else confidence[order],
    )


def example_label(value: Any, class_names: tuple[str, ...] | None) -> str:
    if class_names:
        return str(class_names[int(value)])
    return f"{float(value):.4g}"


def error_table(dataset: Any, worst: WorstExamples, split: str = "test") -> dict[str, list]:
    """Tabular worst examples as columns in original units: inputs, truth, prediction, score."""
    x = dataset.preprocessing.inverse_features(getattr(dataset, f"x_{split}")[worst.indices])
    x = x.reshape(len(worst.indices), -1)
    names = dataset.class_names
    columns: dict[str, list] = {"example": [int(i) for i in worst.indices]}
    if names:
        columns[f"true {dataset.target_name}"] = [example_label(v, names) for v in worst.y_true]
        columns["predicted"] = [example_label(v, names) for v in worst.predicted]
    else:  # numbers stay numbers, so the table aligns and sorts them as such
        columns[f"true {dataset.target_name}"] = [float(v) for v in worst.y_true]
        columns["predicted"] = [float(v) for v in worst.predicted]
    if worst.confidence is not None:
        columns["confidence"] = [float(v) for v in worst.confidence]
    columns[{"loss": "loss", "confidence": "confidence in mistake", "abs_error": "absolute error"}[worst.ranking]] = [
        float(v) for v in worst.scores
    ]
    feature_names = dataset.feature_names if len(dataset.feature_names) == x.shape[1] else [f"x{i + 1}" for i in range(x.shape[1])]
    for j, name in enumerate(feature_names):
        key = name if name not in columns else f"{name} (input)"
        columns[key] = [float(v) for v in x[:, j]]
    return columns
