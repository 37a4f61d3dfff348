"""Class weights for imbalanced classification: each training example counts in inverse
proportion to its class's size, so a rare class is not ignored.

"balanced" is scikit-learn's rule (`compute_class_weight("balanced")`: n / (k * count)); the
weights are applied the way Keras applies `fit(class_weight=...)`: each example's training
loss times its class's weight, then the batch mean (validation and test stay unweighted).
"""

from __future__ import annotations

from typing import Any

import numpy as np

CLASS_WEIGHT_CHOICES = ("none", "balanced")
# The option is offered when the rarest class is less than this share of the training split.
OFFER_BELOW_SHARE = 0.2


def balanced_class_weights(y: np.ndarray, n_classes: int) -> np.ndarray:
    """n / (n_classes * count) per class; a class absent from `y` gets weight 1 (it never counts)."""
    counts = np.bincount(np.asarray(y, dtype=np.int64).reshape(-1), minlength=n_classes).astype(np.float64)
    weights = np.ones(n_classes, dtype=np.float64)
    present = counts > 0
    weights[present] = counts.sum() / (n_classes * counts[present])
    return weights.astype(np.float32)


def rarest_class(dataset: Any) -> tuple[int, float] | None:
    """(index, share of the training split) of the rarest class; None for regression."""
    if dataset.task != "classification" or not dataset.n_classes or not len(dataset.y_train):
        return None
    counts = np.bincount(np.asarray(dataset.y_train, dtype=np.int64), minlength=dataset.n_classes)
    index = int(np.argmin(counts))
    return index, float(counts[index] / counts.sum())


def offer_class_weights(dataset: Any) -> bool:
    """True when the rarest class is under `OFFER_BELOW_SHARE` of the training examples."""
    rarest = rarest_class(dataset)
    return rarest is not None and rarest[1] < OFFER_BELOW_SHARE


def training_class_weights(config: Any, dataset: Any) -> np.ndarray | None:
    """The per-class weights a training uses, or None (no weighting, or not classification)."""
    if getattr(config, "class_weights", "none") != "balanced" or dataset.task != "classification":
        return None
    return balanced_class_weights(dataset.y_train, dataset.n_classes)


def as_keras_class_weight(weights: np.ndarray) -> dict[int, float]:
    """The same weights in the form `keras.Model.fit(class_weight=...)` takes."""
    return {index: float(weight) for index, weight in enumerate(weights)}
