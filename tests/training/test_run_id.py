"""A TrainedRun has an identity of its own (`run_id`), set once at creation, that the session's
caches and pins use: unlike `id(run)`, it is never handed on to the next run once one is freed."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from nncore.training.job import JobState, TrainedRun


def _run() -> TrainedRun:
    return TrainedRun(
        model=None, dataset=None, spec=None, config=None, objective=None, history=(), state=JobState.FINISHED,
        message="", test_loss=math.nan, test_metric=math.nan, seconds=0.0,
    )


def test_runs_made_one_after_another_differ_even_where_python_reuses_the_id():
    seen_ids: set[str] = set()
    freed_addresses: set[int] = set()
    reused = 0
    for _ in range(50):
        run = _run()
        reused += id(run) in freed_addresses  # the very case that made id(run) unsafe as a cache key
        assert run.run_id not in seen_ids
        seen_ids.add(run.run_id)
        freed_addresses.add(id(run))
        del run  # create, free, create: CPython hands the freed memory (and so the id) on
    # Were no id ever reused, this test would prove nothing.
    assert reused > 0
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in seen_ids)  # uuid4 hex


def test_a_copy_is_another_run_and_the_id_cannot_be_rewritten():
    run = _run()
    copy = replace(run, message="copied")
    assert copy.run_id != run.run_id
    with pytest.raises(AttributeError):
        run.run_id = copy.run_id
    with pytest.raises(TypeError):
        TrainedRun(model=None, dataset=None, spec=None, config=None, objective=None, history=(),
                   state=JobState.FINISHED, message="", test_loss=0.0, test_metric=0.0, seconds=0.0, run_id="x")
