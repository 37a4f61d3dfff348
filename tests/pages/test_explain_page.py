"""The Explain page explains one test example with several methods, and caches them."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from nncore.training import TrainingConfig
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def test_explain_page_asks_for_a_trained_model_first():
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("app_pages/explain.py").run()
    assert not at.exception
    assert any("Train a model first" in i.value for i in at.info)


def test_explain_page_shows_methods_side_by_side_for_one_example():
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    state.training_config = TrainingConfig(epochs=5, batch_size=16)
    state.start_training()
    assert state.job.join(timeout=120)
    at.switch_page("app_pages/explain.py").run()
    assert not at.exception, [e.message for e in at.exception]
    at.button[0].click().run()  # "Explain", the form's submit button
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    cache = at.session_state["_explain_cache"]
    assert {key[2] for key in cache} == {"permutation_shap", "lime_tabular", "integrated_gradients"}
    methods = {explanation.method for explanation in cache.values()}
    assert len(methods) == 3
    # SHAP's additivity holds for the example shown: base value + sum = the model's output.
    shap = next(e for e in cache.values() if e.base_value is not None and "SHAP" in e.method)
    assert abs(shap.base_value + float(shap.values.sum()) - shap.predicted_value) < 1e-3
