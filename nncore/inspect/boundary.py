"""What a model predicts over the whole plane of a two-feature dataset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nncore.errors import NNExplorerError

GRID_STEPS = 80  # 80 x 80 = 6,400 points: one fast forward pass, smooth enough to read


@dataclass(frozen=True)
class PlaneGrid:
    """Model outputs on a regular grid covering the data (in the model's input units).

    `value` is, per grid point, the probability of the second class (two classes), the index
    of the predicted class (more classes), or the predicted number (regression, original units).
    """

    xs: np.ndarray  # (steps,)
    ys: np.ndarray  # (steps,)
    value: np.ndarray  # (steps, steps), value[j, i] at (xs[i], ys[j])
    kind: str  # "probability" | "class" | "regression"


def plane_points(dataset: Any, steps: int, margin: float = 0.15) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xs, ys, points): a steps x steps grid spanning all of a 2-D dataset's points plus a
    margin, and its points as rows (row j * steps + i is (xs[i], ys[j]))."""
    if not dataset.is_2d:
        raise NNExplorerError(
            f"Expected a dataset with 2 input features. Received: '{dataset.key}' with input shape {dataset.input_shape}"
        )
    points = np.concatenate([dataset.x_train, dataset.x_val, dataset.x_test])
    low, high = points.min(axis=0), points.max(axis=0)
    pad = (high - low) * margin
    xs = np.linspace(low[0] - pad[0], high[0] + pad[0], steps, dtype=np.float32)
    ys = np.linspace(low[1] - pad[1], high[1] + pad[1], steps, dtype=np.float32)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.stack([gx.ravel(), gy.ravel()], axis=1)


def plane_grid(model: Any, dataset: Any, steps: int = GRID_STEPS, margin: float = 0.15) -> PlaneGrid:
    """Evaluate `model` on a grid spanning all of the dataset's points plus a margin."""
    xs, ys, grid = plane_points(dataset, steps, margin)
    out = np.asarray(model(grid, training=False))
    if dataset.task == "regression":
        value = dataset.preprocessing.inverse_target(out[:, 0])
        kind = "regression"
    elif out.shape[1] == 1:
        value = out[:, 0]
        kind = "probability"
    elif dataset.n_classes == 2:
        value = out[:, 1]
        kind = "probability"
    else:
        value = out.argmax(axis=1).astype(np.float32)
        kind = "class"
    return PlaneGrid(xs, ys, value.reshape(steps, steps), kind)
