"""The Evaluate page offers the run's four downloads (beside the worst-errors table's own
predictions CSV); the files are built once, on demand."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

from streamlit.testing.v1 import AppTest

from nncore.training.config import TrainingConfig
from ui.run_downloads import _lazy, pinned_for
from ui.state import STATE_KEY

TIMEOUT = 180
APP = str(Path(__file__).resolve().parents[2] / "app.py")
LABELS = ["Model (.keras)", "History (.csv)", "Python script (.py)", "Report (.html)"]
PREDICTIONS = "Test predictions (CSV)"  # the error browser's download, tested in test_predictions_csv


def _run_downloads(at: AppTest) -> list:
    return [b for b in at.get("download_button") if b.proto.label != PREDICTIONS]


def _trained_evaluate_page() -> tuple[AppTest, object]:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("app_pages/evaluate.py").run()
    assert not at.get("download_button")  # nothing to download before a training
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(learning_rate=0.03, batch_size=10, epochs=3, seed=0))
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at, state


def test_evaluate_page_shows_four_download_buttons_after_training():
    at, state = _trained_evaluate_page()
    assert PREDICTIONS in [b.proto.label for b in at.get("download_button")]
    buttons = _run_downloads(at)
    assert [b.proto.label for b in buttons] == LABELS
    assert not any(b.proto.disabled for b in buttons)
    # Made on click (deferred), and a click does not rerun the page.
    assert all(b.proto.deferred_file_id and b.proto.ignore_rerun for b in buttons)
    assert "same final validation loss" in buttons[2].proto.help
    assert "0 explanations you pinned" in buttons[3].proto.help
    assert "Take it with you" in [h.value for h in at.subheader]

    # A pinned explanation of this run is announced in the report's help.
    state.pin_explanation(state.run.run_id, object())
    state.pin_explanation("another run", object())  # another run's pin is not counted
    at.run()
    assert "1 explanation you pinned" in _run_downloads(at)[3].proto.help

    # A model that was not trained in the app (no settings, no history) cannot become a script.
    state.open_run(replace(state.run, spec=None, config=None, history=(), extra={"imported": True, "name": "mine"}))
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    buttons = _run_downloads(at)
    disabled = {b.proto.label: b.proto.disabled for b in buttons}
    assert disabled == {"Model (.keras)": False, "History (.csv)": True, "Python script (.py)": True, "Report (.html)": False}
    assert "not trained in the app" in buttons[2].proto.help


def test_lazy_files_are_built_once_even_for_two_quick_clicks():
    calls = []
    entry = {"files": {}, "lock": threading.Lock()}

    def make():
        calls.append(1)
        return "text é"

    build = _lazy(entry, "script", make)
    threads = [threading.Thread(target=build) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert build() == "text é".encode("utf-8") and len(calls) == 1
    # A report for another set of pins replaces the old report.
    _lazy(entry, "report-1", lambda: b"old")()
    _lazy(entry, "report-1-2", lambda: b"new")()
    assert sorted(entry["files"]) == ["report-1-2", "script"]


def test_pinned_for_keeps_only_this_runs_explanations():
    run, other = SimpleNamespace(run_id="a1"), SimpleNamespace(run_id="b2")
    a, b, c = object(), object(), object()
    assert pinned_for(run, [(run.run_id, a), (other.run_id, b), (run.run_id, c)]) == [a, c]
