"""A person's saved runs cannot fill a shared server's disk: past the quota a save is refused,
with a message that says what to do, and deleting runs makes room again. Per owner with
sign-in; the whole workspace without it. On SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from nncore.runs.errors import RunQuotaError
from nncore.runs.store import saver
from nncore.runs.workspace import quota_mb


def test_the_quota_setting_is_read_from_the_environment(monkeypatch):
    monkeypatch.delenv("NNX_WORKSPACE_QUOTA_MB", raising=False)
    assert quota_mb() is None  # a laptop: no limit
    monkeypatch.setenv("NNX_WORKSPACE_QUOTA_MB", "500")
    assert quota_mb() == 500
    for unusable in ("0", "-3", "lots"):
        monkeypatch.setenv("NNX_WORKSPACE_QUOTA_MB", unusable)
        assert quota_mb() is None


def test_past_the_quota_saves_are_refused_per_owner_until_runs_are_deleted(tmp_path, circles_run, make_store, monkeypatch):
    alice, bob = make_store(tmp_path, owner="alice"), make_store(tmp_path, owner="bob")
    first = alice.save(circles_run)
    used = alice.used_mb()
    assert used > 0  # the model file and its metadata count
    monkeypatch.setenv("NNX_WORKSPACE_QUOTA_MB", "1")
    if used < 1:  # a tiny model: make the quota one this run already fills
        monkeypatch.setattr("nncore.runs.store.quota_mb", lambda: used / 2)
    with pytest.raises(RunQuotaError) as refused:
        alice.save(circles_run)
    assert refused.value.message.key == "msg.runs.quota"
    assert "Delete runs you no longer need on the Runs page" in str(refused.value)
    assert [r.run_id for r in alice.list()] == [first]  # nothing half-saved

    bob.save(circles_run)  # another person's quota is their own

    alice.delete(first)
    alice.save(circles_run)  # room again


def test_a_training_past_the_quota_ends_normally_and_says_the_run_was_not_saved(tmp_path, circles_run, monkeypatch):
    save = saver(tmp_path, database_url=None)
    save(circles_run)
    monkeypatch.setattr("nncore.runs.store.quota_mb", lambda: 1e-6)
    with pytest.raises(RunQuotaError, match="this run was not saved"):
        save(circles_run)
