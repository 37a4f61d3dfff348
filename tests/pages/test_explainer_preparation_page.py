"""Explainers prepared when a training ends stay in their own session, and the Explain page uses them."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from nncore.training import TrainingConfig
from ui.explainer_preparation import PREPARED_KEY
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _trained_session() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(epochs=2, batch_size=16, learning_rate=0.01, seed=0))
    at.switch_page("app_pages/train.py").run()
    at.button[0].click().run()  # the Train form's button: the page starts the training, in its session
    assert state.job.join(timeout=180)  # the job's thread saves the run, then starts preparing its explainer
    return at


def test_each_session_finds_its_own_prepared_explainer_and_never_the_others():
    one, two = _trained_session(), _trained_session()
    runs = [at.session_state[STATE_KEY].run for at in (one, two)]
    prepared = []
    for at, run, other in ((one, runs[0], runs[1]), (two, runs[1], runs[0])):
        cache = at.session_state[PREPARED_KEY]
        assert list(cache) == [run.run_id] and other.run_id not in cache
        prepared.append(cache[run.run_id].get()[0])  # waits for the background preparation
        assert cache[run.run_id].ready
    assert prepared[0] is not prepared[1] and prepared[0].model is runs[0].model and prepared[1].model is runs[1].model

    for at, run, mine, theirs in ((one, runs[0], prepared[0], prepared[1]), (two, runs[1], prepared[1], prepared[0])):
        at.switch_page("app_pages/explain.py").run()
        assert not at.exception, [e.message for e in at.exception]
        run_id, model, _ = at.session_state["_explain_model"]
        assert run_id == run.run_id and model is mine and model is not theirs  # taken ready, not rebuilt
        assert run.run_id not in at.session_state[PREPARED_KEY]  # handed over to the page's cache
        at.button(key="explain_go").click().run()
        assert not at.exception, [e.message for e in at.exception]
        assert at.session_state["_explain_cache"]
