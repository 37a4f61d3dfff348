"""Each guided demo runs end to end: it loads its data and model, trains, and walks the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.demos import DEMOS
from ui.translations import TEXTS
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")

# What each demo leaves loaded at the end: (dataset key, preset or None for an edited model,
# whether a trained run must exist).
EXPECTED = {
    "hidden_layers": ("xor", "small_mlp", True),
    "breast_cancer": ("breast_cancer", "small_mlp", True),
    "cnn": ("digits", "lenet_cnn", True),
    "overfitting": ("xor", None, True),
    "neuron": ("circles", "small_mlp", False),
}


def _button(at, key):
    return next(b for b in at.button if b.key == key)


def _settle(at, state):
    if state.job is not None:
        assert state.job.join(timeout=120), "a demo's training did not end within 2 minutes"
    at.run()
    assert not at.exception, [e.message for e in at.exception]


def test_every_demo_has_an_expectation():
    assert set(EXPECTED) == {demo.key for demo in DEMOS}


@pytest.mark.parametrize("demo", DEMOS, ids=[d.key for d in DEMOS])
def test_demo_runs_end_to_end(demo):
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    _button(at, f"demo_{demo.key}").click().run()
    assert not at.exception, [e.message for e in at.exception]
    for step in range(len(demo.steps)):
        _settle(at, state)
        banner = " ".join(m.value for m in at.markdown)
        assert f"step {step + 1} of {len(demo.steps)}" in banner
        assert TEXTS[demo.caption_key(step)][0][:40] in banner
        if step < len(demo.steps) - 1:
            _button(at, "tour_next").click().run()
            assert not at.exception, [e.message for e in at.exception]
    dataset_key, preset, trained = EXPECTED[demo.key]
    assert state.dataset.key == dataset_key
    assert state.preset_key == preset
    if trained:
        assert state.run is not None and state.run.usable, state.job.snapshot().message
        assert state.run.dataset is state.dataset
    _button(at, "tour_finish").click().run()
    assert not any(b.key == "tour_next" for b in at.button)  # the tour is over, the work stays
    assert state.dataset.key == dataset_key


def test_the_xor_demo_shows_why_hidden_layers_matter():
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    _button(at, "demo_hidden_layers").click().run()
    _settle(at, state)
    logistic = state.run.test_metric
    _button(at, "tour_next").click().run()
    _settle(at, state)
    mlp = state.run.test_metric
    assert logistic < 0.7 < 0.9 < mlp, (logistic, mlp)


def test_the_overfitting_demo_shows_curves_parting_then_the_fix():
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    _button(at, "demo_overfitting").click().run()
    _settle(at, state)
    overfit = state.run
    best = min(r.val_loss for r in overfit.history)
    assert overfit.history[-1].val_loss > 3 * best  # validation loss turned up: overfitting
    assert overfit.history[-1].loss < overfit.history[-1].val_loss / 10  # training loss kept falling
    _button(at, "tour_next").click().run()
    _settle(at, state)
    fixed = state.run
    assert "Early stopping" in fixed.message
    assert all(layer.dropout == 0.3 for layer in state.model_spec.layers)
    assert fixed.test_loss < overfit.test_loss / 2  # the fix generalises better to unseen points


def test_leaving_the_tour_keeps_what_it_loaded():
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    _button(at, "demo_breast_cancer").click().run()
    _settle(at, state)
    _button(at, "tour_leave").click().run()
    assert not any(b.key == "tour_next" for b in at.button)
    assert state.dataset.key == "breast_cancer" and state.run is not None


def test_the_train_form_shows_settings_a_demo_changed():
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    at.switch_page("app_pages/train.py").run()
    assert at.number_input(key="train_epochs").value == 100  # the default settings
    at.switch_page("app_pages/home.py").run()
    _button(at, "demo_hidden_layers").click().run()
    _settle(at, state)
    at.switch_page("app_pages/train.py").run()
    assert at.number_input(key="train_epochs").value == 60
    _button(at, "tour_next").click().run()
    _settle(at, state)
    at.switch_page("app_pages/train.py").run()
    assert at.number_input(key="train_epochs").value == 80
