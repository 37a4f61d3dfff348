"""A run's history as CSV that spreadsheets open safely and that reads back to the same values.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or carriage
return) as a formula, so a run or dataset name like `=HYPERLINK(...)` could act when the file
is opened. Text cells that start with one of those characters get a leading single quote,
the usual CSV-injection defence. A text cell that already starts with a quote gets one too,
so reading back (drop one leading quote) is exact for every string.

Numbers are written as numbers and never quoted: a spreadsheet reads `-0.25` as the number
minus a quarter, not a formula, and only text cells can carry a payload. Numbers use Python's
shortest round-trip form, so they read back bit for bit (`nan` and `inf` included).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from typing import Any

from nncore.exchange.naming import run_title
from nncore.training.history import EpochRecord

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
NUMBER_COLUMNS = ("epoch", "loss", "metric", "val_loss", "val_metric", "seconds")
# Repeated on every row (not header lines), so the file stays one plain table.
TEXT_COLUMNS = ("metric_name", "run", "dataset", "model")
COLUMNS = NUMBER_COLUMNS + TEXT_COLUMNS


def escape_cell(text: str) -> str:
    """Prefix a quote to text a spreadsheet would run as a formula (or that starts with a quote)."""
    if text.startswith(FORMULA_STARTS) or text.startswith(ESCAPE):
        return ESCAPE + text
    return text


def unescape_cell(text: str) -> str:
    """Undo `escape_cell`."""
    return text[1:] if text.startswith(ESCAPE) else text


@dataclass(frozen=True)
class HistoryTable:
    """What a history CSV holds: the per-epoch records and what they describe."""

    records: tuple[EpochRecord, ...]
    metric_name: str
    run: str
    dataset: str
    model: str


def history_table(run: Any) -> HistoryTable:
    return HistoryTable(
        records=tuple(run.history),
        metric_name=run.objective.metric_name if run.objective is not None else "metric",
        run=run_title(run),
        dataset=run.dataset.title,
        model=run.spec.name if run.spec is not None else str(run.extra.get("name", "imported model")),
    )


def _number(value: float) -> str:
    return repr(float(value)) if not isinstance(value, int) else str(value)


def table_csv(table: HistoryTable) -> bytes:
    """The table as UTF-8 CSV bytes (with a byte-order mark, so spreadsheets detect UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    texts = [escape_cell(getattr(table, name)) for name in TEXT_COLUMNS]
    for record in table.records:
        writer.writerow([_number(getattr(record, name)) for name in NUMBER_COLUMNS] + texts)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def history_csv(run: Any) -> bytes:
    """The run's history (one row per epoch) as CSV bytes; see the module notes on escaping."""
    return table_csv(history_table(run))


def read_history_csv(data: bytes) -> HistoryTable:
    """Read what `history_csv` wrote back into a `HistoryTable` (quotes removed, numbers parsed)."""
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or tuple(rows[0]) != COLUMNS:
        received = rows[0] if rows else "an empty file"
        raise ValueError(f"Expected a history CSV with the columns {list(COLUMNS)}. Received: {received}")
    records = []
    texts = {name: "" for name in TEXT_COLUMNS}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLUMNS):
            raise ValueError(f"Expected {len(COLUMNS)} cells in line {line}. Received: {len(row)}")
        values = dict(zip(COLUMNS, row))
        numbers = {name: float(values[name]) for name in NUMBER_COLUMNS}
        epoch = numbers.pop("epoch")
        if not (math.isfinite(epoch) and epoch == int(epoch)):
            raise ValueError(f"Expected a whole epoch number in line {line}. Received: {values['epoch']!r}")
        records.append(EpochRecord(epoch=int(epoch), **numbers))
        texts = {name: unescape_cell(values[name]) for name in TEXT_COLUMNS}
    return HistoryTable(records=tuple(records), **texts)
