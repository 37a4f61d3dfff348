"""Streamlit's Keras reset after each run must not reach our training threads."""

from __future__ import annotations

import pytest

from pathlib import Path

from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from ui.keras_guard import keep_keras_state
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def test_the_guard_finds_and_replaces_streamlits_hook():
    assert keep_keras_state(), "Streamlit no longer has _clean_problem_modules: review ui/keras_guard.py"
    assert getattr(script_runner._clean_problem_modules, "nnexplorer_guard", False)


def test_training_is_unaffected_by_page_reruns_while_it_runs():
    from keras.src.backend.common import global_state

    from nncore.training import TrainingJob

    at = AppTest.from_file(APP, default_timeout=120).run()
    state = at.session_state[STATE_KEY]
    alone = TrainingJob(state.dataset, state.model_spec, state.training_config).start()
    assert alone.join(timeout=120)

    tracker = global_state.GLOBAL_STATE_TRACKER
    at.switch_page("app_pages/train.py").run()
    at.button[0].click().run()  # Train
    job = at.session_state[STATE_KEY].job
    while not job.snapshot().state.is_done:
        at.run()  # what a live page does twice a second
    assert global_state.GLOBAL_STATE_TRACKER is tracker, "Keras state was reset by a rerun"
    # Equal to float32 rounding (how epochs are grouped into compiled calls depends on timing,
    # and changes only the order of float32 sums); a reset Keras state would change far more.
    assert [r.val_loss for r in job.result.history] == pytest.approx([r.val_loss for r in alone.result.history], rel=1e-6)
