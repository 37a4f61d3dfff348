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


def _assert_explanation_shown(at):
    """The Explain page opened with its default methods already computed (nobody pressed Explain)."""
    assert not at.error, [e.value for e in at.error]
    assert TEXTS["explain.press_explain"][0] not in [c.value for c in at.caption]
    [table] = [d for d in at.dataframe if "sum of attributions" in d.value.columns]
    assert len(table.value) == 3  # the three default methods, one row each
    assert any(c.key == "explain_compare" for c in at.get("plotly_chart"))


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
        if demo.steps[step].page.endswith("explain.py"):
            _assert_explanation_shown(at)
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


def test_the_breast_cancer_demo_explains_a_patient_without_a_press():
    """Issue 18: the step that points at an explanation shows it when it opens, and its caption
    names the methods on screen."""
    from ui.demos import DEMOS_BY_KEY

    demo = DEMOS_BY_KEY["breast_cancer"]
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    _button(at, "demo_breast_cancer").click().run()
    _settle(at, state)
    _button(at, "tour_next").click().run()
    _button(at, "tour_next").click().run()
    assert not at.exception, [e.message for e in at.exception]
    _assert_explanation_shown(at)
    [table] = [d for d in at.dataframe if "sum of attributions" in d.value.columns]
    caption = TEXTS[demo.caption_key(2)][0]
    assert all(method.lower() in caption.lower() for method in table.value["method"]), list(table.value["method"])
    assert "Press **Explain**" not in caption


def test_the_cnn_demo_caption_names_the_methods_it_shows():
    from ui.demos import DEMOS_BY_KEY
    from ui.explain_view import DEFAULT_METHODS

    caption = TEXTS[DEMOS_BY_KEY["cnn"].caption_key(2)][0].lower()
    assert "saliency" not in caption
    assert all(key.replace("_", " ").replace("grad cam", "grad-cam") in caption for key in DEFAULT_METHODS["image"])


def test_the_neuron_demo_walks_through_the_brain_cell_tab_and_the_firing_rate():
    at = AppTest.from_file(APP, default_timeout=180).run()
    _button(at, "demo_neuron").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["neuron_lab_section"] == TEXTS["lab.tab_neuron"][0]
    markdown = [m.value for m in at.markdown]
    assert TEXTS["lab.neuron_intro"][0] in markdown
    _button(at, "tour_next").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["neuron_lab_section"] == TEXTS["lab.tab_brain"][0]
    assert TEXTS["lab.brain_intro"][0] in [m.value for m in at.markdown]
    assert at.slider(key="neuron_lab_current").value == 3.0  # above the threshold: the cell fires
    assert TEXTS["demo.neuron.step2"][0][:40] in " ".join(m.value for m in at.markdown)
    _button(at, "tour_next").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["neuron_lab_section"] == TEXTS["lab.tab_brain"][0]
    assert TEXTS["lab.rate_coding"][0] in [h.value for h in at.subheader]  # the firing-rate curve is there
    assert any(c.key == "neuron_lab_fi_curve" for c in at.get("plotly_chart"))
    assert "tour_finish" in [b.key for b in at.button]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_neuron_demo_opens_the_tab_in_the_session_language(language):
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["language"] = language
    at.run()
    _button(at, "demo_neuron").click().run()
    _button(at, "tour_next").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["neuron_lab_section"] == TEXTS["lab.tab_brain"][0 if language == "en" else 1]
