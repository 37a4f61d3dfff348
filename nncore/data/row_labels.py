"""One identity per example: which row of the person's data a test example is.

Every view (Evaluate's worst examples, Explain's picker, Inside, exports, the report) names a
test example the same way, read from here:

- a CSV file's example is its row in the file as a spreadsheet counts it (the header is row 1,
  so the first data row is row 2), or, if the person chose one, the value of an ID column;
- a built-in dataset's example is its index in the test split ("#0", "#1", ...).

The row number survives dropping rows with gaps and the seeded shuffle into splits: it is
taken from the file before either happens. The engine gives the kind and the value; the
interface words them (`ENGLISH` is the wording for English-only outputs such as the report).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

RowLabelKind = Literal["test_index", "file_row", "id_column"]

# How each kind reads in English; the interface has the same texts in its translation table.
ENGLISH: dict[str, str] = {"test_index": "#{value}", "file_row": "row {value}", "id_column": "{value}"}

# The spreadsheet row of the first data row: the header is row 1.
FIRST_DATA_ROW = 2

_BLANK_LINE = re.compile(r"(^|\n)[ \t]*\r?\n")  # an empty line before the end of the text


@dataclass(frozen=True)
class RowLabels:
    """Where each example came from in the person's file, in the examples' order.

    `file_rows` are spreadsheet row numbers (header = row 1). `ids` are the values of the
    column `id_column` as text, when the person chose to label rows by it.
    """

    file_rows: tuple[int, ...]
    ids: tuple[str, ...] | None = None
    id_column: str | None = None

    def __post_init__(self) -> None:
        if (self.ids is None) != (self.id_column is None):
            raise ValueError(
                "Expected `ids` and `id_column` together. "
                f"Received: ids={'set' if self.ids is not None else None}, id_column={self.id_column!r}"
            )
        if self.ids is not None and len(self.ids) != len(self.file_rows):
            raise ValueError(
                f"Expected one id per row. Received: {len(self.ids)} ids for {len(self.file_rows)} rows"
            )

    def __len__(self) -> int:
        return len(self.file_rows)

    @property
    def kind(self) -> RowLabelKind:
        return "id_column" if self.id_column is not None else "file_row"

    def take(self, indices: Sequence[int] | np.ndarray) -> RowLabels:
        """The labels of the rows at `indices` (e.g. the test split), in that order."""
        picked = [int(i) for i in np.asarray(indices).reshape(-1)]
        return RowLabels(
            file_rows=tuple(self.file_rows[i] for i in picked),
            ids=None if self.ids is None else tuple(self.ids[i] for i in picked),
            id_column=self.id_column,
        )

    def to_dict(self) -> dict[str, Any]:
        return {"file_rows": list(self.file_rows), "ids": None if self.ids is None else list(self.ids),
                "id_column": self.id_column}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RowLabels:
        ids = data.get("ids")
        return cls(
            file_rows=tuple(int(r) for r in data["file_rows"]),
            ids=None if ids is None else tuple(str(i) for i in ids),
            id_column=data.get("id_column"),
        )


@dataclass(frozen=True)
class RowLabel:
    """One example's identity: its kind and its value (a number or an ID, as text)."""

    kind: RowLabelKind
    value: str

    def english(self) -> str:
        return ENGLISH[self.kind].format(value=self.value)


def row_label(dataset: Any, index: int) -> RowLabel:
    """The identity of test example `index` of `dataset` (a position in `x_test`)."""
    index = int(index)
    rows: RowLabels | None = getattr(dataset, "test_rows", None)
    if rows is None or not 0 <= index < len(rows):
        return RowLabel("test_index", str(index))
    if rows.ids is not None:
        return RowLabel("id_column", rows.ids[index])
    return RowLabel("file_row", str(rows.file_rows[index]))


def row_label_kind(dataset: Any) -> RowLabelKind:
    """How `dataset` names its test examples."""
    rows: RowLabels | None = getattr(dataset, "test_rows", None)
    return "test_index" if rows is None else rows.kind


def spreadsheet_rows(text: str, delimiter: str, n_records: int) -> np.ndarray:
    """The spreadsheet row number of each of the `n_records` data records in a CSV `text`.

    Usually record k (from 0) is on row k + 2. A spreadsheet also counts blank lines, which the
    reader skips, so when there are blank lines the records are counted again with them; a
    quoted cell spanning several lines stays one row, as in a spreadsheet.
    """
    plain = np.arange(n_records, dtype=np.int64) + FIRST_DATA_ROW
    if not _BLANK_LINE.search(text):
        return plain
    rows: list[int] = []
    header_seen = False
    for number, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
        if not record or all(not cell.strip() for cell in record) and len(record) == 1:
            continue  # a blank line: counted by the spreadsheet, skipped by the reader
        if not header_seen:
            header_seen = True
            continue
        rows.append(number)
    # The two readers disagreeing (an odd file) must not mislabel rows: fall back to counting.
    return np.asarray(rows, dtype=np.int64) if len(rows) == n_records else plain
