"""The Train page's live learning curves: redrawn at every refresh early in a run, less often
as it goes on, and never without a new epoch (the browser redraws only a changed figure)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from nncore.training import EpochRecord
from ui import training_view


def _history(n):
    return [EpochRecord(i + 1, 1.0 / (i + 1), 0.5, 1.1 / (i + 1), 0.45, 0.1) for i in range(n)]


@pytest.fixture
def clock(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(training_view.st, "session_state", {})
    monkeypatch.setattr(training_view.time, "monotonic", lambda: now[0])
    return now


def _job():
    return SimpleNamespace(objective=SimpleNamespace(loss_label="Cross-entropy", metric_label="Accuracy", metric_name="accuracy"))


def test_early_in_a_run_every_new_epoch_is_drawn(clock):
    job = _job()
    first = training_view._curves(job, _history(3), elapsed=2.0, live=True)
    clock[0] += training_view.REFRESH_SECONDS
    second = training_view._curves(job, _history(4), elapsed=2.5, live=True)
    assert second is not first
    assert len(second.data[0].x) == 4


def test_no_new_epoch_re_sends_the_same_figure(clock):
    job = _job()
    first = training_view._curves(job, _history(3), elapsed=2.0, live=True)
    clock[0] += 5.0
    assert training_view._curves(job, _history(3), elapsed=7.0, live=True) is first


def test_a_long_run_is_redrawn_less_often(clock):
    job = _job()
    first = training_view._curves(job, _history(300), elapsed=200.0, live=True)
    clock[0] += 1.0  # under the 2 s a run this long waits between redraws
    assert training_view._curves(job, _history(310), elapsed=201.0, live=True) is first
    clock[0] += 1.5
    later = training_view._curves(job, _history(320), elapsed=202.5, live=True)
    assert later is not first and len(later.data[0].x) == 320


def test_the_final_view_and_another_job_always_get_their_own_figure(clock):
    job = _job()
    live = training_view._curves(job, _history(50), elapsed=60.0, live=True)
    assert training_view._curves(job, _history(50), elapsed=60.0, live=False) is not live
    assert training_view._curves(_job(), _history(50), elapsed=60.0, live=True) is not live


def test_redraw_interval_grows_with_the_run():
    seconds = [training_view.curves_redraw_seconds(t) for t in (0, 9, 10, 119, 120, 3600)]
    assert seconds == sorted(seconds)
    assert seconds[0] == training_view.REFRESH_SECONDS and seconds[-1] == 2.0
