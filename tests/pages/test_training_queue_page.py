"""The Train page on a busy shared server: a training waits in line, says its place, can be
cancelled (no "model kept" for a model that never trained), and a full line is a clear error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nncore.training import admission
from nncore.training.admission import Limits, TrainingLine
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TIMEOUT = 180


@pytest.fixture
def busy_server(monkeypatch):
    """A one-slot server whose slot someone else holds."""
    line = TrainingLine(Limits(slots=1, max_waiting=1))
    monkeypatch.setattr(admission, "_server_line", line)
    held = line.join()
    yield line
    held.leave()


def _train_page(language: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["language"] = language
    at.run()
    at.switch_page("app_pages/train.py").run()
    return at


def _wait_for(condition, seconds=30.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize("language, waiting, cancelled", [
    ("en", "number 1 in line", "Cancelled while waiting for a free slot."),
    ("zh", "排在第 1 位", "在等待空闲名额时已取消。"),
])
def test_a_queued_training_shows_its_place_and_can_be_cancelled(busy_server, language, waiting, cancelled):
    at = _train_page(language)
    state = at.session_state[STATE_KEY]
    at.button[0].click().run()  # the Train form's button
    _wait_for(lambda: state.job.snapshot().queue_position == 1)
    at.run()
    assert any(waiting in p.proto.text for p in at.get("progress")), [p.proto.text for p in at.get("progress")]
    in_line = "waiting in line (number 1)" if language == "en" else "排队中（第 1 位）"
    assert any(in_line in m.value for m in at.sidebar.markdown), [m.value for m in at.sidebar.markdown]
    cancel = at.button(key="train_stop")
    assert cancel.label == ("Cancel" if language == "en" else "取消")
    cancel.click().run()
    assert state.job.join(30) and state.job.result is None
    at.run()
    warnings = [w.value for w in at.warning]
    assert any(cancelled in w for w in warnings), warnings
    kept = "kept" if language == "en" else "保留"
    assert not any(kept in w for w in warnings)  # nothing trained, nothing kept
    assert busy_server.busy() == (1, 0)  # the cancelled training left the line


@pytest.mark.parametrize("language, busy", [("en", "The server is busy"), ("zh", "服务器正忙")])
def test_a_full_line_is_a_clear_error_and_nothing_starts(busy_server, language, busy):
    busy_server.join()  # the one waiting place is taken too
    at = _train_page(language)
    at.button[0].click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(busy in e for e in errors), errors
    assert busy_server.busy() == (1, 1)
    assert at.session_state[STATE_KEY].job is None
