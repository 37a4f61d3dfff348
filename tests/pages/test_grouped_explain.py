"""One feature, one bar (issue 14, item 8) on the pages: a table with a text column gets one bar
per column on Explain (this example and the whole model) and in Inside's input chart, and the
one-hot parts on request."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from nncore.data.csv_import import dataset_from_csv, inspect_csv
from nncore.training import TrainingConfig
from tests.pages.test_row_identity import _clinic_csv
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")
COLUMNS = 3  # age, sex (female/male: two one-hot inputs), cholesterol
INPUTS = 4


def _bar_labels(at: AppTest, key: str) -> list[list[str]]:
    """The y labels of every bar trace of the chart whose id holds `key`."""
    chart = next(c for c in at.get("plotly_chart") if key in c.proto.id)
    return [list(trace["y"]) for trace in json.loads(chart.proto.spec)["data"] if trace.get("type") == "bar"]


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_a_text_column_is_one_bar_with_its_parts_on_request():
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    state.set_dataset(dataset_from_csv(inspect_csv(_clinic_csv(), "clinic.csv"), "diagnosis", missing="drop",
                                       features=["age", "sex", "cholesterol"]))
    assert len(state.dataset.feature_names) == INPUTS
    state.set_training_config(TrainingConfig(epochs=2, batch_size=16, learning_rate=0.01, seed=0))
    state.start_training()
    assert state.job.join(timeout=120)
    at.switch_page("app_pages/explain.py").run()
    at.button(key="explain_go").click().run()
    _ok(at)
    panels = _bar_labels(at, "explain_compare")
    assert len(panels) == 3 and all(len(labels) == COLUMNS for labels in panels)  # three methods, one bar per column
    assert sum(label.startswith("sex = ") for label in panels[0]) == 1
    assert not any("sex=" in label for label in panels[0])
    at.toggle(key="explain_show_parts").set_value(True).run()
    _ok(at)
    panels = _bar_labels(at, "explain_compare")
    assert all(len(labels) == INPUTS for labels in panels)
    assert {"sex=female", "sex=male"} <= set(panels[0])

    # The whole model: mean |SHAP| and permutation importance, one bar per column, parts on request.
    at.select_slider(key="explain_global_rows").set_value(20)
    at.button(key="explain_global_go").click().run()
    _ok(at)
    assert sorted(_bar_labels(at, "explain_global_shap")[0]) == ["age", "cholesterol", "sex"]
    assert sorted(_bar_labels(at, "explain_global_permutation")[0]) == ["age", "cholesterol", "sex"]
    at.toggle(key="explain_global_show_parts").set_value(True).run()
    _ok(at)
    assert len(_bar_labels(at, "explain_global_shap")[0]) == INPUTS
    assert len(_bar_labels(at, "explain_global_permutation")[0]) == INPUTS

    # Inside: the input drawn as one bar per column, parts on request.
    at.switch_page("app_pages/inside.py").run()
    _ok(at)
    (labels,) = _bar_labels(at, "inside_input")
    assert len(labels) == COLUMNS and any(label.startswith("sex = ") for label in labels)
    at.toggle(key="inside_show_parts").set_value(True).run()
    _ok(at)
    (labels,) = _bar_labels(at, "inside_input")
    assert len(labels) == INPUTS
