"""What kind of values a table column holds: numbers, text categories, junk, or nothing.

Shared by CSV import (columns arrive as text) and tables handed over as DataFrames.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from pandas.api.types import is_bool_dtype, is_numeric_dtype

from nncore.data.dataset import Task

ColumnKind = Literal["numeric", "categorical", "mixed", "empty"]

# Cell texts read as "no value" (compared after stripping spaces, ignoring case). "None" and
# "-" are deliberately absent: they are real categories in many files ("complications: none").
MISSING_MARKERS = frozenset({"", "na", "n/a", "nan", "null", "?", "#n/a"})

# A numeric target with at most this many distinct whole-number values is taken for class
# labels (e.g. 0/1, ratings 1-5); anything else numeric is a quantity to predict.
MAX_AUTO_CLASSES = 20


@dataclass(frozen=True)
class ColumnInfo:
    """Summary of one column.

    kind: "numeric" (every value is a finite number), "categorical" (mostly text),
    "mixed" (mostly numbers but some text: almost always a data error, `example_bad` shows
    one offending value), "empty" (every value missing).
    """

    name: str
    kind: ColumnKind
    n_missing: int
    n_distinct: int
    example_bad: str | None = None
    integer_valued: bool = False  # numeric and every value is a whole number
    n_bad: int = 0  # "mixed": how many present values are not finite numbers

    @property
    def usable(self) -> bool:
        return self.kind in ("numeric", "categorical")


def analyse_column(name: str, raw: pd.Series) -> tuple[pd.Series, ColumnInfo]:
    """Typed values (float64 for numeric, text otherwise; missing = NaN) and their summary."""
    if is_numeric_dtype(raw) and not is_bool_dtype(raw):
        values = raw.astype("float64")
        missing = values.isna()
        infinite = np.isinf(values.to_numpy())
        if infinite.any():
            # inf is not a usable measurement; flag it the way stray text is flagged.
            example = str(values[infinite].iloc[0])
            n_present = int((~missing).sum())
            kind: ColumnKind = "mixed" if n_present else "empty"
            return values, ColumnInfo(
                name, kind, int(missing.sum()), 0, example, n_bad=int(infinite.sum())
            )
        return values, _numeric_info(name, values, missing)

    text = raw.astype("str").str.strip()  # missing stays NaN; other values become text
    missing = raw.isna() | text.str.lower().isin(MISSING_MARKERS)
    present = text[~missing]
    if present.empty:
        values = pd.Series(np.nan, index=raw.index, dtype="float64")
        return values, ColumnInfo(name, "empty", len(raw), 0)
    numbers = pd.to_numeric(present, errors="coerce").astype("float64")
    finite = np.isfinite(numbers.to_numpy())
    n_numbers = int(finite.sum())
    if n_numbers == len(present):
        values = pd.Series(np.nan, index=raw.index, dtype="float64")
        values[~missing] = numbers.to_numpy()
        return values, _numeric_info(name, values, missing)
    typed = text.where(~missing)
    n_missing = int(missing.sum())
    if 2 * n_numbers > len(present):
        example = str(present[~finite].iloc[0])
        return typed, ColumnInfo(
            name,
            "mixed",
            n_missing,
            int(present.nunique()),
            example,
            n_bad=len(present) - n_numbers,
        )
    return typed, ColumnInfo(name, "categorical", n_missing, int(present.nunique()))


def _numeric_info(name: str, values: pd.Series, missing: pd.Series) -> ColumnInfo:
    present = values[~missing]
    if present.empty:
        return ColumnInfo(name, "empty", len(values), 0)
    integer_valued = bool(np.all(np.mod(present.to_numpy(), 1.0) == 0.0))
    return ColumnInfo(
        name,
        "numeric",
        int(missing.sum()),
        int(present.nunique()),
        integer_valued=integer_valued,
    )


def infer_task(info: ColumnInfo) -> Task:
    """Classification for text labels or a few whole-number codes; regression otherwise."""
    if info.kind == "numeric":
        if info.integer_valued and info.n_distinct <= MAX_AUTO_CLASSES:
            return "classification"
        return "regression"
    return "classification"


def label_text(value: object) -> str:
    """How a class label is shown: 1.0 -> "1", 0.25 -> "0.25", text as is."""
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value)
