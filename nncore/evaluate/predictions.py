"""A model's outputs on one split, turned into what every evaluation view needs.

The model is called once per run and split (the page caches the result), through
`backend.compiled_predict`, never `model.predict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

SPLITS = ("train", "val", "test")
VIEW_CAP = 5_000  # scatter-style views draw at most this many points


@dataclass(frozen=True, eq=False)
class Predictions:
    """What a model said about every example of one split.

    Classification: `y_true` holds class indices, `probabilities` is (n, n_classes) and
    `predicted` the class the model picks (its own rule, so accuracy matches training's).
    `probabilistic` is False when the output layer gives scores, not probabilities (a hinge
    loss with a linear output); `probabilities` are then a squashing of those scores.
    Regression: `y_true` and `predicted` are in the target's original units and
    `probabilities` is None.
    """

    split: str
    task: str
    y_true: np.ndarray
    predicted: np.ndarray
    probabilities: np.ndarray | None
    probabilistic: bool
    class_names: tuple[str, ...] | None

    @property
    def n(self) -> int:
        return len(self.y_true)

    @property
    def n_classes(self) -> int:
        return 0 if self.probabilities is None else self.probabilities.shape[1]


def outputs_to_predictions(
    outputs: np.ndarray, y_true: np.ndarray, objective: Any, *, split: str = "test",
    class_names: tuple[str, ...] | None = None, inverse_target: Any = None,
) -> Predictions:
    """Raw model outputs -> Predictions, following the objective's output layer."""
    outputs = np.asarray(outputs, dtype=np.float64)
    if outputs.ndim == 1:
        outputs = outputs[:, None]
    if objective.task == "regression":
        if outputs.shape[1] != 1:
            raise ValueError(f"Expected one output per example for regression. Received: shape={outputs.shape}")
        predicted, truth = outputs[:, 0], np.asarray(y_true, dtype=np.float64).reshape(-1)
        if inverse_target is not None:
            predicted = np.asarray(inverse_target(predicted), dtype=np.float64)
            truth = np.asarray(inverse_target(truth), dtype=np.float64)
        return Predictions(split, "regression", truth, predicted, None, True, None)

    activation = objective.output_activation
    truth = np.asarray(y_true).reshape(-1).astype(np.int64)
    if outputs.shape[1] == 1:
        score = outputs[:, 0]
        threshold = 0.0 if activation in ("linear", "tanh") else 0.5
        predicted = (score > threshold).astype(np.int64)
        if activation == "sigmoid":
            positive = score
        elif activation == "tanh":
            positive = (score + 1.0) / 2.0
        else:
            positive = 1.0 / (1.0 + np.exp(-score))
        positive = np.clip(positive, 0.0, 1.0)
        probabilities = np.column_stack([1.0 - positive, positive])
    else:
        predicted = np.argmax(outputs, axis=1).astype(np.int64)
        if activation == "softmax":
            probabilities = outputs
        else:  # scores: a softmax keeps the ranking and gives something to threshold
            shifted = np.exp(outputs - outputs.max(axis=1, keepdims=True))
            probabilities = shifted / shifted.sum(axis=1, keepdims=True)
    return Predictions(
        split, "classification", truth, predicted, probabilities,
        activation in ("sigmoid", "softmax"), tuple(class_names) if class_names else None,
    )


def predict_split(run: Any, split: str = "test") -> Predictions:
    """Run `run.model` on one split of `run.dataset` (its own data, whatever is loaded now)."""
    from nncore.backend import compiled_predict

    if split not in SPLITS:
        raise ValueError(f"Expected a split among {SPLITS}. Received: split={split!r}")
    dataset = run.dataset
    x, y = getattr(dataset, f"x_{split}"), getattr(dataset, f"y_{split}")
    outputs = compiled_predict(run.model)(x) if len(x) else np.zeros((0, run.objective.output_units))
    return outputs_to_predictions(
        outputs, y, run.objective, split=split, class_names=dataset.class_names,
        inverse_target=dataset.preprocessing.inverse_target if dataset.task == "regression" else None,
    )


def sample_indices(n: int, cap: int = VIEW_CAP, seed: int = 0) -> np.ndarray:
    """All of range(n), or `cap` of them picked at random (seeded, in order)."""
    if n <= cap:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=cap, replace=False))
