"""A run reopened from the store is a new object with a run_id of its own; the store's id stays
in `extra["run_id"]` (two openings must not share caches: their data may diverge)."""

from __future__ import annotations

from nncore.runs.store import RunStore


def test_each_opening_of_a_saved_run_has_its_own_run_id(tmp_path, circles_run):
    store = RunStore(tmp_path)
    saved = store.save(circles_run)
    first, second = store.load(saved), store.load(saved)
    assert first.extra["run_id"] == second.extra["run_id"] == saved
    assert len({circles_run.run_id, first.run_id, second.run_id}) == 3
