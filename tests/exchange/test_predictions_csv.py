"""Exports name each example as the pages do: the predictions CSV, the HTML report's worst
examples and a saved run's archive keep the row in the file (or the ID) of every test example."""

from __future__ import annotations

import csv
import io
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest

from nncore.data.csv_import import dataset_from_csv
from nncore.data.row_labels import row_label
from nncore.exchange.history_csv import unescape_cell
from nncore.exchange.predictions_csv import predictions_csv
from nncore.exchange.report import html_report
from nncore.models import preset_spec
from nncore.runs.dataset_archive import read_archive, write_archive
from nncore.training import TrainingConfig
from tests.exchange.runs import iris_mlp, train_run


def _table() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    n = 60
    ids = [f"=cmd|{k}" if k == 7 else f"S{k:03d}" for k in rng.permutation(n)]  # one hostile ID
    x = rng.normal(size=n)
    return pd.DataFrame({"sample": ids, "x": x, "kind": np.where(x + rng.normal(0, 0.3, n) > 0, "a", "b")})


@lru_cache(maxsize=None)
def _csv_run():
    data = dataset_from_csv(_table(), "kind", label_by="sample")
    return train_run(data, preset_spec("small_mlp", data), TrainingConfig(epochs=2, batch_size=16, learning_rate=0.01, seed=0))


def _read(text: str) -> list[dict[str, str]]:
    return [{unescape_cell(k): unescape_cell(v) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))]


def test_predictions_csv_names_every_test_example_as_the_pages_do():
    run = _csv_run()
    data = run.dataset
    rows = _read(predictions_csv(run))
    assert len(rows) == len(data.x_test)
    assert [r["example"] for r in rows] == [row_label(data, k).english() for k in range(len(rows))]
    assert [r["sample"] for r in rows] == list(data.test_rows.ids)
    assert [int(r["row in file"]) for r in rows] == list(data.test_rows.file_rows)
    frame = _table()
    for r in rows:  # the file row really holds that ID (file rows: header = 1, first data row = 2)
        assert frame["sample"].iloc[int(r["row in file"]) - 2] == r["sample"]
        assert float(r["probability of a"]) + float(r["probability of b"]) == pytest.approx(1.0, abs=1e-5)
    # No cell a spreadsheet would run as a formula (the ID "=cmd|7" is written as "'=cmd|7").
    raw = list(csv.reader(io.StringIO(predictions_csv(run))))
    assert not any(cell.startswith("=") for row in raw for cell in row)


def test_builtin_data_is_named_by_test_index_in_the_csv_and_the_report():
    run = iris_mlp()
    rows = _read(predictions_csv(run))
    assert [r["example"] for r in rows] == [f"#{k}" for k in range(len(run.dataset.x_test))]
    page = html_report(run)
    assert "test examples it gets most wrong" in page


def test_the_report_names_worst_examples_by_their_id_escaped():
    run = _csv_run()
    page = html_report(run)
    table = page.split("test examples it gets most wrong", 1)[1].split("</table>", 1)[0]
    assert any(f"<td>{ident}</td>" in table for ident in run.dataset.test_rows.ids if ident.startswith("S"))


def test_a_saved_run_keeps_its_row_labels(tmp_path):
    data = _csv_run().dataset
    write_archive(data, tmp_path)
    again = read_archive(tmp_path)
    assert again.test_rows == data.test_rows
    assert row_label(again, 0) == row_label(data, 0)
