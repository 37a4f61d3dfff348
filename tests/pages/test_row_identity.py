"""One row identity everywhere (issue 14, item 6): a CSV made here, with an ID column, its rows
in no particular order and a few rows with gaps that are dropped. The same test example is
named the same on Evaluate, Explain and Inside, by its row in the file as a spreadsheet counts
(header = row 1) or by its ID, and Evaluate's "Explain <row>" opens that very row."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from nncore.data.csv_import import dataset_from_csv, inspect_csv
from nncore.data.row_labels import row_label
from nncore.errors import DatasetError
from nncore.training import TrainingConfig
from nncore.messages import word
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")
N_ROWS = 120
GAPS = (5, 40, 77)  # rows (0-based, among the data rows) with a missing cholesterol value


def _clinic_csv() -> bytes:
    """A small clinic table: ID, age, sex (text), cholesterol (a few gaps), diagnosis."""
    rng = np.random.default_rng(3)
    ids = rng.permutation(np.arange(1000, 1000 + N_ROWS))  # IDs in no order, as files come
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["patient_id", "age", "sex", "cholesterol", "diagnosis"])
    for k in range(N_ROWS):
        age = int(rng.integers(20, 80))
        chol = "" if k in GAPS else f"{rng.normal(200, 30):.1f}"
        sick = "disease" if age + rng.normal(0, 10) > 50 else "healthy"
        writer.writerow([f"P-{ids[k]}", age, ["female", "male"][k % 2], chol, sick])
    return out.getvalue().encode()


def _file_rows(data: bytes) -> dict[int, list[str]]:
    """Spreadsheet row number -> the cells on that row (the header is row 1)."""
    return {number: cells for number, cells in enumerate(csv.reader(io.StringIO(data.decode())), start=1)}


@pytest.fixture(scope="module")
def clinic() -> bytes:
    return _clinic_csv()


def test_a_test_example_is_named_by_its_row_in_the_file_after_dropping_and_shuffling(clinic):
    data = dataset_from_csv(inspect_csv(clinic, "clinic.csv"), "diagnosis", missing="drop", features=["age", "sex", "cholesterol"])
    by_row = _file_rows(clinic)
    rows = data.test_rows
    assert rows is not None and len(rows) == len(data.x_test) and rows.ids is None
    dropped = {g + 2 for g in GAPS}
    ages = data.preprocessing.inverse_features(data.x_test)[:, data.feature_names.index("age")]
    for k, number in enumerate(rows.file_rows):
        assert number not in dropped and number >= 2
        cells = by_row[number]
        assert float(cells[1]) == pytest.approx(ages[k])  # the very row of the file
        assert data.class_names[int(data.y_test[k])] == cells[4]
        assert row_label(data, k).english() == f"row {number}"


def test_rows_can_be_labelled_by_an_id_column_which_is_then_no_feature(clinic):
    preview = inspect_csv(clinic, "clinic.csv")
    assert preview.id_columns() == ("patient_id",)
    data = dataset_from_csv(preview, "diagnosis", missing="drop", label_by="patient_id",
                            features=["age", "sex", "cholesterol"])
    assert not any(name.startswith("patient_id") for name in data.feature_names)
    by_row = _file_rows(clinic)
    for k, (number, ident) in enumerate(zip(data.test_rows.file_rows, data.test_rows.ids)):
        assert by_row[number][0] == ident
        assert row_label(data, k).english() == ident
    # Refusals name the problem, in Chinese too (the engine's English read back as a template).
    for kwargs, words in [
        (dict(label_by="patient_id", features=["patient_id", "age"]), "不能同时作为特征"),
        (dict(label_by="sex", features=["age"]), "出现了不止一次"),
        (dict(label_by="cholesterol", features=["age"]), "行没有值"),
        (dict(label_by="diagnosis", features=["age"]), "不能是目标列"),
        (dict(label_by="nope", features=["age"]), "用来给行命名的列必须是"),
    ]:
        with pytest.raises(DatasetError) as refused:
            dataset_from_csv(preview, "diagnosis", **kwargs)
        assert words in word(refused.value.message, "zh"), str(refused.value)


def test_blank_lines_count_as_a_spreadsheet_counts_them():
    text = "a,b,y\n1,2,x\n\n3,4,z\n5,6,x\n"
    assert list(inspect_csv(text.encode(), "t.csv").row_numbers()) == [2, 4, 5]
    # Windows line ends, a line of spaces, and a quoted cell over two lines (one spreadsheet row).
    text = 'a,b,y\r\n1,"two\r\nlines",x\r\n   \r\n3,4,z\r\n'
    assert list(inspect_csv(text.encode(), "t.csv").row_numbers()) == [2, 4]
    assert list(inspect_csv(b"a,b,y\n1,2,x\n3,4,z\n", "t.csv").row_numbers()) == [2, 3]


def _trained(clinic: bytes, label_by: str | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    state.set_dataset(dataset_from_csv(inspect_csv(clinic, "clinic.csv"), "diagnosis", missing="drop",
                                       features=["age", "sex", "cholesterol"], label_by=label_by))
    state.set_training_config(TrainingConfig(epochs=2, batch_size=16, learning_rate=0.01, seed=0))
    state.start_training()
    assert state.job.join(timeout=120)
    at.switch_page("app_pages/evaluate.py").run()
    _ok(at)
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _figure_titles(at: AppTest) -> str:
    return " ".join(str(json.loads(c.proto.spec)["layout"].get("title", {}).get("text", "")) for c in at.get("plotly_chart"))


@pytest.mark.parametrize("label_by", [None, "patient_id"])
def test_the_same_row_has_the_same_name_on_evaluate_explain_and_inside(clinic, label_by):
    at = _trained(clinic, label_by)
    data = at.session_state[STATE_KEY].run.dataset
    expected = {k: row_label(data, k).english() for k in range(len(data.x_test))}

    # Evaluate: the error table's first column and the Explain buttons name the same rows.
    table = at.dataframe[-1].value
    first = table.columns[0]
    assert first == ("patient_id" if label_by else "row in file")
    links = [b for b in at.button if (b.key or "").startswith("eval_explain_")]
    indices = [int(b.key.removeprefix("eval_explain_")) for b in links]
    assert list(table[first]) == [expected[i] for i in indices]
    for button, index in zip(links, indices):
        assert button.label.replace("\\", "") == f"Explain {expected[index]}"

    # Explain #k opens row k: the picker holds that example and names it the same way.
    k = 3
    wanted = indices[k]
    links[k].click().run()
    _ok(at)
    picker = at.selectbox(key="explain_example")
    assert picker.value == wanted
    assert picker.format_func(picker.value) == expected[wanted]
    assert any(m.value.replace("\\", "") == f"Explaining **{expected[wanted]}**." for m in at.markdown)
    cache = at.session_state["_explain_cache"]
    assert {key[1] for key in cache} == {wanted}
    assert {e.example for e in cache.values()} == {expected[wanted]}  # what the report will say

    # Inside: the same example, picked by the same name, titles its input with it.
    at.switch_page("app_pages/inside.py").run()
    _ok(at)
    inside = at.selectbox(key="inside_index")
    assert inside.format_func(wanted) == expected[wanted]
    inside.set_value(wanted).run()
    _ok(at)
    assert f"({expected[wanted]}:" in _figure_titles(at)
