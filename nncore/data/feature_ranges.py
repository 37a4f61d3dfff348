"""Where a table's values usually lie: each column's typical range and a value's percentile,
in the data's own units, computed from the training rows.

The descriptions of what a column measures are words, so they live with the interface's
translations (ui/translations_features.py); the numbers that go with them are computed here,
from the data the model learned from, so they are never copied by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

# The middle 90% of the training rows: wide enough to be "usual", narrow enough that one
# outlier does not stretch it (the minimum and maximum are given beside it).
TYPICAL_LOW, TYPICAL_HIGH = 5.0, 95.0


@dataclass(frozen=True)
class FeatureRange:
    """One column of the training rows, in original units; NaNs are left out."""

    name: str
    low: float  # 5th percentile
    high: float  # 95th percentile
    minimum: float
    maximum: float
    median: float


def training_values(dataset: Any) -> np.ndarray:
    """The training rows in the data's own units (the model sees them standardised), (n, features)."""
    x = np.asarray(dataset.x_train, dtype=np.float32)
    return np.asarray(dataset.preprocessing.inverse_features(x), dtype=np.float64).reshape(len(x), -1)


def feature_ranges(dataset: Any) -> list[FeatureRange]:
    """One range per model input of a table dataset (empty for images and sequences)."""
    if dataset.input_kind != "tabular" or len(dataset.x_train) == 0:
        return []
    values = training_values(dataset)
    ranges = []
    for name, column in zip(dataset.feature_names, values.T):
        column = column[np.isfinite(column)]
        if column.size == 0:
            ranges.append(FeatureRange(name, *([float("nan")] * 5)))
            continue
        low, median, high = np.percentile(column, [TYPICAL_LOW, 50.0, TYPICAL_HIGH])
        ranges.append(FeatureRange(name, float(low), float(high), float(column.min()), float(column.max()), float(median)))
    return ranges


def percentile_rank(column: np.ndarray, value: float) -> float:
    """The share of `column` below `value`, ties counted half, in percent (0-100).

    The same definition as scipy.stats.percentileofscore(kind="mean"): a value equal to
    the median of distinct values sits at 50. NaN for a NaN value or an empty column.
    """
    column = np.asarray(column, dtype=np.float64).reshape(-1)
    column = column[np.isfinite(column)]
    if column.size == 0 or not np.isfinite(value):
        return float("nan")
    below = np.count_nonzero(column < value)
    equal = np.count_nonzero(column == value)
    return float(100.0 * (below + 0.5 * equal) / column.size)


def level(percentile: float) -> str:
    """A word-key for where a percentile lies: "very_low", "low", "typical", "high", "very_high"
    (outer tenths and quarters), or "unknown" for NaN."""
    if not np.isfinite(percentile):
        return "unknown"
    if percentile >= 90:
        return "very_high"
    if percentile >= 75:
        return "high"
    if percentile <= 10:
        return "very_low"
    if percentile <= 25:
        return "low"
    return "typical"
