"""Turn table columns into model inputs: fill missing values, one-hot encode text columns.

Fitted on the training rows only (medians, most frequent values and the list of categories),
then applied unchanged to validation, test and any rows a user types in later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from nncore.errors import DatasetError


@dataclass(frozen=True)
class FeatureGroup:
    """One column of the table and the model inputs it became.

    A number column is one input; a text column is one 0/1 input per value it had in training
    (`categories`, in input order), so explaining "the column" means its inputs together.
    """

    name: str
    indices: tuple[int, ...]
    categories: tuple[str, ...] = ()

    @property
    def one_hot(self) -> bool:
        return bool(self.categories)

    def value_text(self, x_inputs: np.ndarray) -> str | None:
        """A one-hot column's value in the model inputs `x_inputs` (one row): the category
        whose input is on, "" when none is (a value not seen in training); None for numbers."""
        if not self.one_hot:
            return None
        parts = np.asarray(x_inputs, dtype=np.float64).reshape(-1)[list(self.indices)]
        return self.categories[int(np.argmax(parts))] if parts.max(initial=0.0) > 0.5 else ""


def feature_groups(dataset: Any) -> tuple[FeatureGroup, ...] | None:
    """The columns of a table dataset made from a CSV, when one of them was one-hot encoded.

    None when every input is its own column (built-in tables, images, a CSV of numbers only):
    there is nothing to group.
    """
    stored = getattr(getattr(dataset, "preprocessing", None), "extra", {}).get("encoding")
    if not stored:
        return None
    groups = TableEncoding.from_dict(stored).groups
    if not any(g.one_hot for g in groups) or sum(len(g.indices) for g in groups) != len(dataset.feature_names):
        return None
    return groups


@dataclass(frozen=True)
class TableEncoding:
    """How each feature column becomes one (numeric) or several 0/1 (text) model inputs."""

    columns: tuple[str, ...]  # feature columns, in file order
    categories: Mapping[str, tuple[str, ...]]  # text column -> its values seen in training
    fill_values: Mapping[str, Any]  # column -> value used where a cell is missing

    def __post_init__(self) -> None:
        unknown = sorted(set(self.categories) - set(self.columns))
        if unknown:
            raise ValueError(
                f"Expected categories only for feature columns. Received: {unknown}"
            )

    @classmethod
    def fit(cls, train: pd.DataFrame, text_columns: set[str]) -> TableEncoding:
        """Medians, most frequent values and categories from the training rows."""
        categories: dict[str, tuple[str, ...]] = {}
        fill_values: dict[str, Any] = {}
        for column in train.columns:
            present = train[column].dropna()
            if column in text_columns:
                categories[column] = tuple(sorted(present.astype(str).unique()))
                # Most frequent, ties broken alphabetically so the result is reproducible.
                counts = present.astype(str).value_counts()
                top = sorted(counts[counts == counts.max()].index) if len(counts) else []
                fill_values[column] = top[0] if top else None
            else:
                # A column with no training values falls back to 0 (its standardized mean).
                fill_values[column] = float(present.median()) if len(present) else 0.0
        return cls(tuple(train.columns), categories, fill_values)

    @property
    def feature_names(self) -> tuple[str, ...]:
        names: list[str] = []
        for column in self.columns:
            if column in self.categories:
                names.extend(f"{column}={value}" for value in self.categories[column])
            else:
                names.append(column)
        return tuple(names)

    @property
    def groups(self) -> tuple[FeatureGroup, ...]:
        """Each column with the model inputs it became, in input order (one, or one per value)."""
        groups: list[FeatureGroup] = []
        start = 0
        for column in self.columns:
            values = self.categories.get(column)
            width = len(values) if values is not None else 1
            groups.append(FeatureGroup(column, tuple(range(start, start + width)), tuple(values or ())))
            start += width
        return tuple(groups)

    @property
    def one_hot_mask(self) -> np.ndarray:
        """True for inputs that are 0/1 indicators (left unscaled by standardization)."""
        mask: list[bool] = []
        for column in self.columns:
            if column in self.categories:
                mask.extend([True] * len(self.categories[column]))
            else:
                mask.append(False)
        return np.array(mask, dtype=bool)

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        """Raw rows (numbers as numbers, text as text) -> float32 (n, len(feature_names)).

        Missing cells take the fitted fill value; a text value never seen in training gets
        all-zero indicators.
        """
        absent = [c for c in self.columns if c not in frame.columns]
        if absent:
            raise DatasetError(
                f"Expected the columns {', '.join(self.columns)}. "
                f"Received: no column {', '.join(repr(c) for c in absent)}"
            )
        blocks: list[np.ndarray] = []
        for column in self.columns:
            values = frame[column]
            fill = self.fill_values.get(column)
            if column in self.categories:
                text = values.astype("str").str.strip()
                if fill is not None:
                    text = text.fillna(fill)
                cats = self.categories[column]
                blocks.append(
                    np.column_stack([(text == c).to_numpy(dtype=bool) for c in cats])
                    if cats
                    else np.zeros((len(frame), 0))
                )
            else:
                try:
                    numbers = pd.to_numeric(values, errors="raise").astype("float64")
                except (ValueError, TypeError) as err:
                    raise DatasetError(
                        f"Expected numbers in column '{column}'. Received: {err}"
                    ) from err
                blocks.append(numbers.fillna(fill).to_numpy()[:, np.newaxis])
        if not blocks:
            return np.zeros((len(frame), 0), dtype=np.float32)
        return np.hstack(blocks).astype(np.float32)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (lists, strings, floats) for storing alongside a run."""
        return {
            "columns": list(self.columns),
            "categories": {k: list(v) for k, v in self.categories.items()},
            "fill_values": dict(self.fill_values),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TableEncoding:
        return cls(
            columns=tuple(data["columns"]),
            categories={k: tuple(v) for k, v in data["categories"].items()},
            fill_values=dict(data["fill_values"]),
        )
