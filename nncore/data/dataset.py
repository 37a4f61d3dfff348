"""The one `Dataset` type every view and model works with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from nncore.data.row_labels import RowLabels

Task = Literal["classification", "regression"]
InputKind = Literal["tabular", "image", "sequence"]


@dataclass(frozen=True)
class Preprocessing:
    """What was fitted on the training split, so raw values can be mapped in and out.

    `feature_mean`/`feature_scale` standardize model inputs (None when inputs are used as-is,
    e.g. images already scaled to [0, 1]). `target_mean`/`target_scale` standardize a
    regression target; predictions are mapped back with `inverse_target`.
    `steps` says what was done, as keyed Messages (worded on the Data page in its language).
    """

    feature_mean: np.ndarray | None = None
    feature_scale: np.ndarray | None = None
    target_mean: float | None = None
    target_scale: float | None = None
    steps: tuple[Any, ...] = ()  # nncore.messages.Message (a str: the English)
    extra: dict[str, Any] = field(default_factory=dict)

    def transform_features(self, x_raw: np.ndarray) -> np.ndarray:
        x = np.asarray(x_raw, dtype=np.float32)
        if self.feature_mean is None or self.feature_scale is None:
            return x
        return ((x - self.feature_mean) / self.feature_scale).astype(np.float32)

    def inverse_features(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32)
        if self.feature_mean is None or self.feature_scale is None:
            return x
        return (x * self.feature_scale + self.feature_mean).astype(np.float32)

    def inverse_target(self, y: np.ndarray) -> np.ndarray:
        y = np.asarray(y, dtype=np.float32)
        if self.target_mean is None or self.target_scale is None:
            return y
        return (y * self.target_scale + self.target_mean).astype(np.float32)


@dataclass(frozen=True)
class Dataset:
    """Arrays plus everything a view needs to label them. Treat as immutable.

    Shapes: x_* is (n, d) for tabular, (n, height, width, channels) for images and
    (n, steps, features) for sequences, float32, already preprocessed. For classification
    y_* holds int64 class indices in [0, len(class_names)); for regression float32 of shape
    (n,) (standardized when `preprocessing.target_scale` is set).
    """

    key: str  # registry key, e.g. "spiral", "iris", "csv"
    title: str  # what the user sees, e.g. "Spiral (2-D)"
    task: Task
    input_kind: InputKind
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...] | None
    preprocessing: Preprocessing
    params: dict[str, Any] = field(default_factory=dict)  # what loaded it (for reloading)
    description: str = ""
    target_name: str = "target"
    # Two classes: the index of the "positive" class (the finding; see nncore.data.positive_class).
    positive_class: int | None = None
    # Which row of the person's file each test example is (None: named by its test index).
    test_rows: RowLabels | None = None

    @property
    def input_shape(self) -> tuple[int, ...]:
        return tuple(int(d) for d in self.x_train.shape[1:])

    @property
    def n_classes(self) -> int:
        """Number of classes (0 for regression)."""
        return len(self.class_names) if self.class_names else 0

    @property
    def is_2d(self) -> bool:
        """True for two-feature tabular data, which can be drawn as a plane."""
        return self.input_kind == "tabular" and self.input_shape == (2,)

    @property
    def n_examples(self) -> int:
        return len(self.x_train) + len(self.x_val) + len(self.x_test)
