"""Which columns of a table a network should learn from: each column's role, decided once.

A table a clinic or a class brings usually holds more than measurements: the row number a
spreadsheet wrote as an unnamed first column, an ID, the patients' names, a date, a comments
column, a column with one value. Used as inputs they teach the network nothing true (an ID
or a row number only lets it memorise rows), one-hot encoding a name column makes dozens of
inputs that are all zero for every new row, and they get attribution bars on Explain as if
they mattered. `column_roles` gives every column a role (target, feature, or left out with a
reason key) from its name and values; the Data page shows the result as one editable table
and `dataset_from_csv` uses the very same function, so the two cannot disagree.

The reasons are keys ("row_number", "identifier", ...); the UI words them in each language.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from nncore.data.columns import ColumnInfo

Role = Literal["target", "feature", "date_numbers", "left_out"]
# Why a column is left out (keys the UI words); "chosen" is a person's own decision.
Reason = Literal[
    "row_number", "identifier", "constant", "free_text", "date", "mostly_empty", "empty", "chosen"
]
ROLES: tuple[Role, ...] = ("target", "feature", "date_numbers", "left_out")
REASONS: tuple[Reason, ...] = (
    "row_number", "identifier", "constant", "free_text", "date", "mostly_empty", "empty", "chosen"
)

# More missing than present: the few values left say little, and filling in the rest would
# invent most of the column.
MOSTLY_EMPTY_SHARE = 0.5
# A text column whose distinct values are more than half of its values reads as free text
# (comments, names): one-hot inputs for it would each be 1 for a row or two. Only judged on
# enough rows, since in a 10-row table a category column can be mostly distinct by chance.
FREE_TEXT_SHARE = 0.5
MIN_ROWS_TO_JUDGE = 20
# Values of at least this many words (median) are sentences: comments, notes.
PROSE_WORDS = 4
# A text column where this share of values reads as a calendar date is a date column.
DATE_SHARE = 0.9
# Parts a date column becomes when offered as numbers.
DATE_PARTS = ("year", "month", "day of year")

# Headers a spreadsheet or pandas writes for an index it saved: none at all (the CSV reader
# names such a column "column N"), or pandas' "Unnamed: 0".
_BLANK_HEADER = re.compile(r"^(|column \d+|unnamed(: ?\d+)?|index|row|row ?(no|number|#|nr)\.?)$", re.I)
# Names that say "identifier": id, ID, patient_id, PatientID, record-id, uuid, ...
_ID_NAME = re.compile(r"(^|[\s_\-.])(id|uuid|guid)$|^(id|uuid)([\s_\-.]|$)|^identifier$", re.I)
_ID_NAME_CASED = re.compile(r"[a-z](ID|Id)$")
# Something that looks like a date: digits with -, / or . between them, or a month name.
_DATE_LIKE = re.compile(
    r"^\s*(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?)?|"
    r"\d{1,2} [A-Za-z]{3,9} \d{4}|[A-Za-z]{3,9} \d{1,2},? \d{4})\s*$"
)


@dataclass(frozen=True)
class ColumnRole:
    """One column's role. `reason` is set when the column is left out (a key in REASONS);
    `suggested` is the role the rules gave before any person's choice."""

    name: str
    role: Role
    reason: Reason | None
    suggested: Role
    is_date: bool = False  # the values read as dates: "date_numbers" is on offer

    @property
    def used(self) -> bool:
        """True when the column becomes model inputs."""
        return self.role in ("feature", "date_numbers")


def column_roles(
    frame: pd.DataFrame,
    target: str,
    infos: Sequence[ColumnInfo],
    max_categories: int = 50,
    choices: Mapping[str, Role] | None = None,
) -> tuple[ColumnRole, ...]:
    """The role of every column of `frame` (typed values, as `CsvPreview.frame`) for `target`.

    `infos` are the columns' summaries (`analyse_column`), in the frame's order. `choices`
    are a person's changes ({column: role}); a choice of "target" is ignored (the target is
    chosen on its own) and "date_numbers" is only honoured for a column whose values are dates.
    """
    choices = dict(choices or {})
    roles = []
    for info in infos:
        values = frame[info.name]
        is_date = info.kind == "categorical" and _is_date(values)
        if info.name == target:
            roles.append(ColumnRole(info.name, "target", None, "target", is_date))
            continue
        reason = _left_out_reason(info, values, len(frame), max_categories, is_date)
        suggested: Role = "left_out" if reason else "feature"
        role, why = suggested, reason
        chosen = choices.get(info.name)
        if chosen in ("feature", "left_out") or (chosen == "date_numbers" and is_date):
            role = chosen
            why = None if chosen != "left_out" else (reason or "chosen")
        roles.append(ColumnRole(info.name, role, why, suggested, is_date))
    return tuple(roles)


def default_features(roles: Sequence[ColumnRole]) -> list[str]:
    """Every column not left out (and not the target), in the table's order."""
    return [r.name for r in roles if r.used]


def date_parts(values: pd.Series) -> pd.DataFrame:
    """A date column as numbers: year, month and day of the year (NaN where not a date)."""
    dates = parse_dates(values)
    return pd.DataFrame(
        {
            "year": dates.dt.year.astype("float64"),
            "month": dates.dt.month.astype("float64"),
            "day of year": dates.dt.day_of_year.astype("float64"),
        },
        index=values.index,
    )


def parse_dates(values: pd.Series) -> pd.Series:
    """Text -> datetime (NaT where a value is not a date). ISO first, then pandas' guess."""
    text = values.astype("string").str.strip()
    parsed = pd.to_datetime(text, errors="coerce", format="ISO8601")
    if parsed.notna().sum() < text.notna().sum() * DATE_SHARE:
        with warnings.catch_warnings():  # pandas warns that it guesses the format per value
            warnings.simplefilter("ignore")
            parsed = pd.to_datetime(text, errors="coerce", format="mixed")
    return parsed


# --- the rules ---------------------------------------------------------------------------------


def _left_out_reason(
    info: ColumnInfo, values: pd.Series, n_rows: int, max_categories: int, is_date: bool
) -> Reason | None:
    if info.kind == "empty":
        return "empty"
    n_present = n_rows - info.n_missing
    if info.n_missing > MOSTLY_EMPTY_SHARE * n_rows:
        return "mostly_empty"
    if _is_row_number(info, values):
        return "row_number"
    if (
        info.kind == "categorical"
        and n_present >= MIN_ROWS_TO_JUDGE // 2
        and info.n_distinct > FREE_TEXT_SHARE * n_present
        and _is_prose(values)
    ):
        return "free_text"  # comments differ row by row too, but they are not identifiers
    if is_date:
        return "date"  # before identifiers: a date column often differs in every row
    if _is_identifier(info, n_present):
        return "identifier"
    if info.n_distinct <= 1:
        return "constant"
    if info.kind == "categorical" and (
        info.n_distinct > max_categories
        or (n_present >= MIN_ROWS_TO_JUDGE and info.n_distinct > FREE_TEXT_SHARE * n_present)
    ):
        return "free_text"
    return None


def _is_row_number(info: ColumnInfo, values: pd.Series) -> bool:
    """Whole numbers, one per row: with a blank or "Unnamed" header, or counting 0,1,2... / 1,2,3..."""
    if info.kind != "numeric" or not info.integer_valued or info.n_missing:
        return False
    numbers = values.to_numpy(dtype=np.float64)
    if len(numbers) < 3 or info.n_distinct != len(numbers):
        return False
    if _BLANK_HEADER.match(info.name.strip()):
        return True
    steps = np.diff(numbers)
    return bool(numbers[0] in (0.0, 1.0) and np.all(steps == 1.0))


def _is_identifier(info: ColumnInfo, n_present: int) -> bool:
    """Named like an ID, or text with a different value in every row (names, codes)."""
    name = info.name.strip()
    if _ID_NAME.search(name) or _ID_NAME_CASED.search(name):
        # An "id" column of a few repeated codes would be a category, not an identifier.
        return info.n_distinct > 0.5 * max(n_present, 1)
    return (
        info.kind == "categorical"
        and n_present >= MIN_ROWS_TO_JUDGE // 2
        and info.n_distinct == n_present
    )


def _is_prose(values: pd.Series) -> bool:
    """Sentences rather than labels: most values have several words."""
    words = values.dropna().astype(str).head(500).str.split().str.len()
    return bool(len(words) and words.median() >= PROSE_WORDS)


def _is_date(values: pd.Series) -> bool:
    present = values.dropna()
    if present.empty:
        return False
    sample = present.astype(str).head(200)
    if sample.str.match(_DATE_LIKE).mean() < DATE_SHARE:
        return False
    return bool(parse_dates(sample).notna().mean() >= DATE_SHARE)
