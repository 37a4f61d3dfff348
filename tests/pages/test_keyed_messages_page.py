"""The pages word the engine's keyed messages in the session's language, values in place: a
file the engine refuses, a training's outcome and the learning-curve diagnosis, in Chinese."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from nncore.training import TrainingConfig
from ui.state import STATE_KEY
from ui.translations import TEXTS

TIMEOUT = 180
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _chinese(key: str, **values: object) -> str:
    return TEXTS[key][1].format(**values)


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


def test_a_refused_csv_is_explained_in_chinese_with_its_file_name():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["language"] = "zh"
    at.run()
    at.switch_page("app_pages/data.py").run()
    at.file_uploader(key="csv_file").upload("表格.csv", "a,b\n1,2\n".encode("utf-16"), "text/csv").run()
    _ok(at)
    errors = [e.value.replace("\\", "") for e in at.error]  # shown as escaped Markdown
    assert any(_chinese("msg.csv.utf16", name="表格.csv") in text for text in errors), errors
    assert not any("Expected a UTF-8" in text for text in errors)


def test_a_training_outcome_and_its_diagnosis_read_in_chinese_with_the_numbers():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["language"] = "zh"
    at.run()
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(learning_rate=0.03, batch_size=10, epochs=3, seed=0))
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)
    at.switch_page("app_pages/train.py").run()
    _ok(at)
    finished = _chinese("msg.job.finished", n=3)
    assert any(finished in s.value for s in at.success), [s.value for s in at.success]
    at.switch_page("app_pages/evaluate.py").run()
    _ok(at)
    shown = " ".join(box.value for box in [*at.warning, *at.info, *at.success, *at.error])
    assert _chinese("msg.diag.too_short.title") in shown and _chinese("msg.diag.too_short", n=3, least=5) in shown, shown
    assert "Too few epochs" not in shown and "Finished 3 epochs" not in shown
    # The run's default name, worded in Chinese too (the model on the data).
    name = state.run.extra.get("name")
    if name is not None:
        assert getattr(name, "key", "") == "msg.runs.default_name"
        assert "上的" in name.word("zh")
