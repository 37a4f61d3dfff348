"""The Data page's roles table and the engine make one decision: what the page says the network
will learn from is what `dataset_from_csv` trains on, for every target (the page once left the
last column out after another target was picked); the gaps are told per column, in both
languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nncore.data import dataset_from_csv, inspect_csv
from nncore.data.column_roles import default_features
from tests.data.tables import hospital_csv
from nncore.messages import word
from ui.state import STATE_KEY
from ui.translations import TEXTS

APP = str(Path(__file__).resolve().parents[2] / "app.py")
HAN = re.compile(r"[\u4e00-\u9fff]")


def _uploaded(language: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["language"] = language
    at.run()
    at.switch_page("app_pages/data.py").run()
    at.file_uploader(key="csv_file").upload("clinic.csv", hospital_csv(), "text/csv").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _use_this_data(at: AppTest) -> None:
    label = TEXTS["csv.use"][0 if at.session_state["language"] == "en" else 1]
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("target", ["ward", "outcome"])
def test_page_and_engine_train_on_the_same_columns(target):
    at = _uploaded()
    at.selectbox(key="csv_target").set_value(target).run()
    preview = inspect_csv(hospital_csv(), "clinic.csv")
    expected = default_features(preview.roles(target))
    assert "outcome" in expected or target == "outcome"  # the last column is kept when it is no target
    shown = next(c.value for c in at.caption if c.value.startswith("The network will learn from"))
    assert shown.endswith(", ".join(f"“{c}”" for c in expected).replace(" ", " "))
    _use_this_data(at)
    loaded = at.session_state[STATE_KEY].dataset
    engine = dataset_from_csv(preview, target)
    assert loaded.params["features"] == expected == engine.params["features"]
    assert loaded.feature_names == engine.feature_names


def test_after_loading_the_gaps_are_told_per_column_and_filled_cells_marked():
    at = _uploaded()
    _use_this_data(at)
    captions = " ".join(c.value for c in at.caption)
    assert "of 150 rows had a gap; they were kept and the gaps filled in" in captions
    assert TEXTS["roles.filled_legend"][0] in captions
    gaps = next(d.value for d in at.dataframe if "what was done" in d.value.columns)
    assert list(gaps["column"]) == ["age", "blood pressure", "smoker"]
    assert gaps["what was done"].iloc[2] == "filled with the most frequent value, no"


def test_roles_page_and_steps_in_chinese():
    at = _uploaded("zh")
    assert any(TEXTS["roles.how_title"][1] == e.label for e in at.expander)
    _use_this_data(at)
    dataset = at.session_state[STATE_KEY].dataset
    for step in dataset.preprocessing.steps:
        if step.startswith("Turned text columns"):
            continue  # its list "'ward' (3 values)" stays English (an older step, left as it was)
        chinese = word(step, "zh")
        assert HAN.search(chinese), step
        # Nothing English is left but the names and values from the file.
        leftover = re.sub(r"'[^']*'|“[^”]*”|[\d.,%/()\-> ]", "", chinese)
        assert not re.search(r"[A-Za-z]{4,}", leftover), (step, chinese)
