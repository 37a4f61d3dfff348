"""Nothing of a freed run shows for the next one: explanations, the Explain page's "explained"
flag and pinned items hang on `run.run_id`, which (unlike `id(run)`) no later run can inherit."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from nncore.training import TrainingConfig
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TIMEOUT = 180


def _train(at: AppTest) -> None:
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(epochs=3, batch_size=16, learning_rate=0.01, seed=0))
    state.start_training()  # stops and drops the previous job, and with it the previous run
    assert state.job.join(timeout=TIMEOUT)


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _report_help(at: AppTest) -> str:
    (report,) = [b for b in at.get("download_button") if b.proto.label == "Report (.html)"]
    return report.proto.help


def test_a_new_run_inherits_no_explanation_and_no_pin_of_the_freed_one():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    _train(at)
    at.switch_page("app_pages/explain.py").run()
    at.button(key="explain_go").click().run()
    at.button(key="explain_pin_0").click().run()
    _ok(at)
    first_id = at.session_state[STATE_KEY].run.run_id
    assert at.session_state["_explain_cache"] and {key[0] for key in at.session_state["_explain_cache"]} == {first_id}
    assert [run_id for run_id, _ in at.session_state[STATE_KEY].pinned_explanations] == [first_id]
    at.switch_page("app_pages/evaluate.py").run()
    assert "1 explanation you pinned" in _report_help(at)

    _train(at)  # run A is freed; run B takes its place
    state = at.session_state[STATE_KEY]
    second_id = state.run.run_id
    assert second_id != first_id
    # Evaluate: B's report counts none of A's pins (A's pin is still in the session's list).
    at.run()
    _ok(at)
    assert "0 explanations you pinned" in _report_help(at)
    assert len(state.pinned_explanations) == 1
    # Explain: B is not "already explained", and no explanation of A is B's.
    at.switch_page("app_pages/explain.py").run()
    _ok(at)
    assert at.session_state["_explain_model"][0] == second_id
    assert not any(key[0] == second_id for key in at.session_state["_explain_cache"])
    assert any("Press **Explain**" in c.value for c in at.caption)
    assert not [b for b in at.get("button") if (b.key or "").startswith("explain_pin_")]
