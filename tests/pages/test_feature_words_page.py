"""Issue 18, item 2: every bundled table says what each input means, with its typical range
computed from the training rows; a CSV's columns can be described by the person; the words
reach Explain's hovers and sentences."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from nncore.data import list_datasets, load_dataset
from nncore.data.feature_ranges import training_values
from ui.feature_keys import PLANE, feature_key
from ui.state import STATE_KEY
from ui.translations import TEXTS

APP = str(Path(__file__).resolve().parents[2] / "app.py")
COLUMNS = {"feature", "meaning", "typical", "extremes"}


def test_every_bundled_table_describes_every_input_in_both_languages():
    tables = [info.key for info in list_datasets() if info.input_kind == "tabular"]
    assert {"breast_cancer", "iris", "wine", "diabetes"} <= set(tables)
    for key in tables:
        data = load_dataset(key)
        for name in data.feature_names:
            found = [k for k in (feature_key(key, name), feature_key(PLANE, name)) if k in TEXTS]
            assert found, (key, name)
            english, chinese = TEXTS[found[0]]
            assert english.strip() and chinese.strip() and english != chinese


def _data_page(language: str, dataset) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["language"] = language
    at.run()
    at.session_state[STATE_KEY].set_dataset(dataset)
    at.switch_page("app_pages/data.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize(("language", "word"), [("en", "radius"), ("zh", "半径")])
def test_the_data_page_shows_what_the_breast_cancer_inputs_mean_and_their_ranges(language, word):
    data = load_dataset("breast_cancer")
    at = _data_page(language, data)
    heads = {c: TEXTS[f"words.col.{c}"][0 if language == "en" else 1] for c in COLUMNS}
    table = next(d.value for d in at.table if heads["meaning"] in d.value.columns)  # a static table: cells wrap
    assert list(table.index) == list(data.feature_names)
    assert word in table.loc["worst radius", heads["meaning"]]
    column = training_values(data)[:, list(data.feature_names).index("worst radius")]
    low, high = np.percentile(column, [5, 95])
    assert table.loc["worst radius", heads["typical"]] == f"{low:.4g} – {high:.4g}"
    # A minimum of 0 reads 0, not the 7e-09 that standardising and back leaves.
    assert table.loc["mean concavity", heads["extremes"]].startswith("0 – ")
    assert any("DESCR" in c.value for c in at.caption)  # where the meanings come from


def test_a_csvs_own_descriptions_are_kept_and_shown():
    from nncore.data import dataset_from_csv

    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"height": rng.normal(170, 10, 60), "weight": rng.normal(70, 8, 60), "label": ["a", "b"] * 30})
    data = dataset_from_csv(frame, "label")
    at = _data_page("en", data)
    state = at.session_state[STATE_KEY]
    state.describe_features(state.dataset, {"height": "Height in cm <b>", "weight": "  "})
    assert state.feature_notes[(data.key, data.title)] == {"height": "Height in cm <b>"}  # blanks dropped
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    # The page's own editable table shows the person's words (as text: a table cell is no Markdown).
    table = next(d.value for d in at.dataframe if COLUMNS <= set(d.value.columns))
    assert table.loc[table["feature"] == "height", "meaning"].iloc[0] == "Height in cm <b>"
