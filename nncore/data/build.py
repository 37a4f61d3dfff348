"""Turn full arrays into a `Dataset`: split, fit preprocessing on the training split, freeze.

Every built-in loader ends here, so splits, standardization and dtypes are the same for all.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nncore.data.dataset import Dataset, InputKind, Preprocessing, Task
from nncore.data.positive_class import default_positive_class
from nncore.data.row_labels import RowLabels
from nncore.data.splits import DEFAULT_SPLIT, SplitIndices, split_indices
from nncore.messages import Message

STANDARDIZE_FEATURES_STEP = Message("msg.prep.standardized_features")
STANDARDIZE_TARGET_STEP = Message("msg.prep.standardized_target")


def frozen(array: np.ndarray) -> np.ndarray:
    """A read-only array, so a shared or cached Dataset cannot be changed by accident."""
    array = np.ascontiguousarray(array)
    array.setflags(write=False)
    return array


def fit_standardizer(
    x_train: np.ndarray, keep: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Mean and scale per feature (last axis), fitted on training data only.

    A constant feature gets scale 1 instead of 0 so transforming it never divides by zero.
    Features where `keep` is True get mean 0 and scale 1: they pass through unchanged
    (used for one-hot columns, which are already on a 0/1 scale).
    """
    flat = np.asarray(x_train, dtype=np.float64).reshape(-1, x_train.shape[-1])
    mean = flat.mean(axis=0)
    scale = flat.std(axis=0)
    scale[scale < 1e-12] = 1.0
    if keep is not None:
        mean[keep] = 0.0
        scale[keep] = 1.0
    return frozen(mean.astype(np.float32)), frozen(scale.astype(np.float32))


def build_dataset(
    *,
    key: str,
    title: str,
    task: Task,
    input_kind: InputKind,
    x: np.ndarray,
    y: np.ndarray,
    feature_names: tuple[str, ...],
    class_names: tuple[str, ...] | None,
    params: dict[str, Any],
    description: str,
    seed: int,
    standardize_features: bool = True,
    steps: tuple[Message, ...] = (),
    target_name: str = "target",
    split: SplitIndices | None = None,
    keep_features: np.ndarray | None = None,
    extra: dict[str, Any] | None = None,
    shares: str = DEFAULT_SPLIT,
    rows: RowLabels | None = None,
) -> Dataset:
    """Split `x`/`y` (raw, unscaled) and return a Dataset with preprocessing fitted on train.

    `steps` describes what was already done to the raw data (shown before the split step).
    `shares` is the training/validation/test division ("60/20/20", see nncore.data.splits).
    Regression targets are always standardized; classification labels must be 0..k-1.
    `rows` names every row of `x` (its row in the person's file); the test split keeps its part.
    """
    x = np.asarray(x, dtype=np.float32)
    classification = task == "classification"
    y = np.asarray(y, dtype=np.int64 if classification else np.float32)
    if split is None:
        split = split_indices(
            len(x), seed=seed, stratify=y if classification else None, class_names=class_names, shares=shares
        )
    all_steps = [*steps, split.describe(stratified=classification, seed=seed, shares=shares)]

    feature_mean = feature_scale = None
    if standardize_features:
        feature_mean, feature_scale = fit_standardizer(x[split.train], keep_features)
        all_steps.append(STANDARDIZE_FEATURES_STEP)
    target_mean = target_scale = None
    if not classification:
        y_train = y[split.train].astype(np.float64)
        target_mean = float(y_train.mean())
        target_scale = float(y_train.std()) or 1.0
        all_steps.append(STANDARDIZE_TARGET_STEP)

    preprocessing = Preprocessing(
        feature_mean=feature_mean,
        feature_scale=feature_scale,
        target_mean=target_mean,
        target_scale=target_scale,
        steps=tuple(all_steps),
        extra=dict(extra or {}),
    )

    def features(idx: np.ndarray) -> np.ndarray:
        return frozen(preprocessing.transform_features(x[idx]))

    def targets(idx: np.ndarray) -> np.ndarray:
        if classification:
            return frozen(y[idx].astype(np.int64))
        return frozen(((y[idx] - target_mean) / target_scale).astype(np.float32))

    positive = None
    if classification and class_names is not None and len(class_names) == 2:
        chosen = default_positive_class(class_names, np.bincount(y, minlength=2))
        positive = None if chosen is None else chosen.index
    return Dataset(
        key=key,
        title=title,
        task=task,
        input_kind=input_kind,
        x_train=features(split.train),
        y_train=targets(split.train),
        x_val=features(split.val),
        y_val=targets(split.val),
        x_test=features(split.test),
        y_test=targets(split.test),
        feature_names=tuple(feature_names),
        class_names=None if class_names is None else tuple(class_names),
        preprocessing=preprocessing,
        params=dict(params),
        description=description,
        target_name=target_name,
        positive_class=positive,
        test_rows=None if rows is None else rows.take(split.test),
    )
