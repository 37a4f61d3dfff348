"""Turn table columns into model inputs: fill missing values, one-hot encode text columns.

Fitted on the training rows only (medians, most frequent values and the list of categories),
then applied unchanged to validation, test and any rows a user types in later.
A column whose gaps were filled in may also get a 0/1 "was missing" input (the gap itself can
carry information: a test not done), and a date column may become year, month and day of year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from nncore.data.column_roles import DATE_PARTS, date_parts
from nncore.errors import DatasetError

# The name of a "was missing" input: "age (missing)".
MISSING_SUFFIX = "(missing)"


@dataclass(frozen=True)
class FeatureGroup:
    """One column of the table and the model inputs it became.

    A number column is one input; a text column is one 0/1 input per value it had in training
    (`categories`, in input order), so explaining "the column" means its inputs together.
    """

    name: str
    indices: tuple[int, ...]  # the inputs that hold the value (one, a date's parts, or one per category)
    categories: tuple[str, ...] = ()
    # The column's 0/1 "(missing)" input, when it has one: part of the column's bar (its sum)
    # and moved with it when the column is shuffled, but not of its value.
    indicator: int | None = None

    @property
    def one_hot(self) -> bool:
        return bool(self.categories)

    @property
    def inputs(self) -> tuple[int, ...]:
        """Every model input this column became: its value's inputs, then its indicator."""
        return self.indices + (() if self.indicator is None else (self.indicator,))

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
    if not any(g.one_hot for g in groups) or sum(len(g.inputs) for g in groups) != len(dataset.feature_names):
        return None
    return groups


@dataclass(frozen=True)
class TableEncoding:
    """How each feature column becomes one (numeric) or several 0/1 (text) model inputs."""

    columns: tuple[str, ...]  # feature columns, in file order
    categories: Mapping[str, tuple[str, ...]]  # text column -> its values seen in training
    fill_values: Mapping[str, Any]  # column -> value used where a cell is missing
    indicators: tuple[str, ...] = ()  # columns that also get a 0/1 "was missing" input
    dates: tuple[str, ...] = ()  # date columns, each turned into DATE_PARTS numbers

    def __post_init__(self) -> None:
        unknown = sorted((set(self.categories) | set(self.indicators) | set(self.dates)) - set(self.columns))
        if unknown:
            raise ValueError(
                f"Expected categories, indicators and dates only for feature columns. Received: {unknown}"
            )

    @classmethod
    def fit(
        cls,
        train: pd.DataFrame,
        text_columns: set[str],
        indicators: tuple[str, ...] = (),
        dates: tuple[str, ...] = (),
    ) -> TableEncoding:
        """Medians, most frequent values and categories from the training rows."""
        categories: dict[str, tuple[str, ...]] = {}
        fill_values: dict[str, Any] = {}
        for column in train.columns:
            present = train[column].dropna()
            if column in dates:
                parts = date_parts(present)
                fill_values[column] = [
                    float(parts[p].median()) if parts[p].notna().any() else 0.0 for p in DATE_PARTS
                ]
            elif column in text_columns:
                categories[column] = tuple(sorted(present.astype(str).unique()))
                # Most frequent, ties broken alphabetically so the result is reproducible.
                counts = present.astype(str).value_counts()
                top = sorted(counts[counts == counts.max()].index) if len(counts) else []
                fill_values[column] = top[0] if top else None
            else:
                # A column with no training values falls back to 0 (its standardized mean).
                fill_values[column] = float(present.median()) if len(present) else 0.0
        columns = tuple(train.columns)
        return cls(
            columns,
            categories,
            fill_values,
            tuple(c for c in columns if c in indicators),
            tuple(c for c in columns if c in dates),
        )

    def _inputs(self, column: str) -> list[tuple[str, bool]]:
        """(input name, is 0/1) for each model input `column` becomes, in order."""
        if column in self.categories:
            inputs = [(f"{column}={value}", True) for value in self.categories[column]]
        elif column in self.dates:
            inputs = [(f"{column} ({part})", False) for part in DATE_PARTS]
        else:
            inputs = [(column, False)]
        if column in self.indicators:
            inputs.append((f"{column} {MISSING_SUFFIX}", True))
        return inputs

    @property
    def feature_names(self) -> tuple[str, ...]:
        return tuple(name for column in self.columns for name, _ in self._inputs(column))

    @property
    def groups(self) -> tuple[FeatureGroup, ...]:
        """Each column with the model inputs it became, in input order (one, a date's parts, or
        one per value; and its "(missing)" input). It must follow `_inputs`: a table with filled
        gaps once got no groups at all, so its text columns were explained part by part."""
        groups: list[FeatureGroup] = []
        start = 0
        for column in self.columns:
            width = len(self._inputs(column))
            indicator = start + width - 1 if column in self.indicators else None
            value_width = width - (indicator is not None)
            groups.append(FeatureGroup(
                column, tuple(range(start, start + value_width)), tuple(self.categories.get(column) or ()), indicator
            ))
            start += width
        return tuple(groups)

    @property
    def one_hot_mask(self) -> np.ndarray:
        """True for inputs that are 0/1 indicators (left unscaled by standardization)."""
        return np.array(
            [binary for column in self.columns for _, binary in self._inputs(column)], dtype=bool
        )

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
            if column in self.dates:
                parts = date_parts(values)
                blocks.append(
                    np.column_stack([parts[p].fillna(f).to_numpy() for p, f in zip(DATE_PARTS, fill)])
                )
            elif column in self.categories:
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
            if column in self.indicators:
                blocks.append(missing_cells(values).to_numpy(dtype=np.float64)[:, np.newaxis])
        if not blocks:
            return np.zeros((len(frame), 0), dtype=np.float32)
        return np.hstack(blocks).astype(np.float32)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (lists, strings, floats) for storing alongside a run."""
        return {
            "columns": list(self.columns),
            "categories": {k: list(v) for k, v in self.categories.items()},
            "fill_values": dict(self.fill_values),
            "indicators": list(self.indicators),
            "dates": list(self.dates),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TableEncoding:
        return cls(
            columns=tuple(data["columns"]),
            categories={k: tuple(v) for k, v in data["categories"].items()},
            fill_values=dict(data["fill_values"]),
            # Runs saved before indicators and dates existed have neither.
            indicators=tuple(data.get("indicators", ())),
            dates=tuple(data.get("dates", ())),
        )


def missing_cells(values: pd.Series) -> pd.Series:
    """True where a raw cell holds no value (NaN, or blank text in rows typed in later)."""
    text = values.astype("string").str.strip()
    return values.isna() | text.isna() | (text == "")
