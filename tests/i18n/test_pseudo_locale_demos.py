"""Every guided demo, step by step, in the pseudo-locale: only catalogue text and data on screen.

Issue 16 asks the pseudo-locale test to pass "on every page and demo step": the pages are
walked by tests/i18n/test_pseudo_locale_pages.py, the demos here, with the tour's banner, the
page each step opens, its training and (on an explanation step) its explanations.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.i18n.pseudo_check import WORD, stray_chinese, stray_words
from tests.i18n.test_pseudo_locale_pages import _picker_texts, _visible_texts
from ui.demos import DEMOS
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _data_words(state) -> set[str]:
    """The loaded data's own names and the model's layer names and kinds (the model's own, as
    Keras names them: data, not interface),
    and the explanation methods' names (as the literature writes them)."""
    from nncore.explain.methods import METHODS

    data = state.dataset
    names = [*(data.feature_names or ()), *(data.class_names or ()), data.title]
    names += [str(getattr(layer, attr, "")) for layer in state.model_spec.layers for attr in ("name", "kind", "activation")]
    if state.run is not None:  # layers the builder adds (a Flatten before the dense part) are named by Keras
        names += [layer.name for layer in state.run.model.layers]
    names += ["output", "dense"] + [m.title for m in METHODS] + [m.key.replace("_", " ") for m in METHODS]
    return {word for name in names for word in WORD.findall(str(name))}


def _strays(at) -> dict[str, list[str]]:
    assert not at.exception, [e.message for e in at.exception]
    state = at.session_state[STATE_KEY]
    data, picker = _data_words(state), _picker_texts()
    return {text[:120]: words for text in _visible_texts(at)
            if text not in picker and (words := stray_words(text, data) + [f"(中){w}" for w in stray_chinese(text)])}


@pytest.mark.parametrize("demo", DEMOS, ids=[d.key for d in DEMOS])
def test_every_demo_step_speaks_only_catalogue_text_in_the_pseudo_locale(demo, monkeypatch):
    monkeypatch.setenv("NNX_PSEUDO_LOCALE", "1")
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["language"] = "qps"
    at.run()
    state = at.session_state[STATE_KEY]
    next(b for b in at.button if b.key == f"demo_{demo.key}").click().run()
    strays: dict[str, list[str]] = {}
    for step in range(len(demo.steps)):
        if state.job is not None:
            assert state.job.join(timeout=300), "a demo's training did not end within 5 minutes"
        at.run()
        strays |= {f"step {step + 1}: {text}": words for text, words in _strays(at).items()}
        if step < len(demo.steps) - 1:
            next(b for b in at.button if b.key == "tour_next").click().run()
    assert not strays, strays
