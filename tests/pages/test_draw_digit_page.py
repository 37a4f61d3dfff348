"""Draw a digit on Explain and Inside (ui/draw_digit.py): offered for digit data only, an empty
canvas says what to do, and a drawing goes through the network on both pages.

The canvas itself (mouse strokes) is driven in a real browser: tests/e2e/test_draw_digit.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nncore.data import load_dataset
from nncore.training import TrainingConfig
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _trained(dataset_key: str, preset: str, page: str, language: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=240)
    at.session_state["language"] = language
    at.run()
    state = at.session_state[STATE_KEY]
    data = load_dataset(dataset_key)
    state.set_dataset(data)
    state.set_preset(preset)
    state.set_training_config(TrainingConfig(epochs=2, batch_size=32))
    state.start_training()
    assert state.job.join(timeout=180)
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _toggle_labels(at: AppTest) -> list[str]:
    return [toggle.label for toggle in at.toggle]


@pytest.mark.parametrize("page,key", [("app_pages/explain.py", "explain_draw"), ("app_pages/inside.py", "inside_draw")])
def test_digits_offer_a_canvas_that_asks_for_a_drawing(page, key):
    at = _trained("digits", "lenet_cnn", page)
    at.toggle(key=key).set_value(True).run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Nothing drawn yet" in info.value for info in at.info)
    assert any("4x4 block" in caption.value for caption in at.caption)  # how the drawing is prepared


def test_the_canvas_speaks_chinese():
    at = _trained("digits", "lenet_cnn", "app_pages/explain.py", language="zh")
    at.toggle(key="explain_draw").set_value(True).run()
    assert "自己画一个数字" in _toggle_labels(at)
    assert any("还没有画" in info.value for info in at.info)


def test_tables_get_no_canvas():
    at = _trained("breast_cancer", "small_mlp", "app_pages/explain.py")
    assert "Draw a digit yourself" not in _toggle_labels(at)
