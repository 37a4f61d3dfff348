"""The run store on a server: owners, share links, a database restart, a database that goes away
mid-save, and a workspace from before owners. The owner and share tests run on both databases."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from nncore.runs import COMPLETE, RunKeptLocallyError, RunStore, RunStoreError
from nncore.runs.store import MODEL_FILE, SCHEMA_VERSION, saver


def test_each_owner_sees_and_changes_only_their_own_runs(tmp_path, circles_run, make_store):
    alice, bob = make_store(tmp_path, owner="alice-sub"), make_store(tmp_path, owner="bob-sub")
    hers, his = alice.save(circles_run, name="alice's"), bob.save(circles_run, name="bob's")
    assert [r.run_id for r in alice.list()] == [hers]
    assert [r.run_id for r in bob.list()] == [his]
    assert alice.get(hers).owner == "alice-sub"
    # Bob knows (or guesses) Alice's id: every verb answers as for an id that never existed.
    for verb in (bob.get, bob.load, bob.delete, bob.share, bob.share_token, bob.revoke_share):
        with pytest.raises(RunStoreError, match="no such run"):
            verb(hers)
    with pytest.raises(RunStoreError, match="no such run"):
        bob.rename(hers, "mine now")
    assert alice.get(hers).name == "alice's" and (alice.folder(hers) / MODEL_FILE).is_file()
    # A store without sign-in (one person, or a server whose runs are shared) sees every run.
    assert {r.run_id for r in make_store(tmp_path).list()} == {hers, his}
    alice.delete(hers)
    assert alice.list() == [] and [r.run_id for r in bob.list()] == [his]


def test_a_share_link_opens_a_run_read_only_until_its_owner_revokes_it(tmp_path, circles_run, make_store):
    alice, bob = make_store(tmp_path, owner="alice-sub"), make_store(tmp_path, owner="bob-sub")
    run_id = alice.save(circles_run, name="shared one")
    assert alice.share_token(run_id) is None
    token = alice.share(run_id)
    assert alice.share(run_id) == token == alice.share_token(run_id)  # one link per run
    assert len(token) >= 32 and run_id not in token
    assert bob.get_shared(token).name == "shared one"
    opened = bob.load_shared(token)
    assert opened.extra["shared_read_only"] is True and opened.extra["run_id"] == run_id
    assert bob.list() == []  # a shared run is not listed as the viewer's
    with pytest.raises(RunStoreError, match="no such run"):
        bob.rename(run_id, "taken")
    alice.revoke_share(run_id)
    with pytest.raises(RunStoreError, match="unknown or revoked link"):
        bob.get_shared(token)
    with pytest.raises(RunStoreError, match="unknown or revoked link"):
        bob.load_shared("a-guessed-token")
    # A new link after a revoke is a new token; deleting the run ends it too.
    again = alice.share(run_id)
    assert again != token
    alice.delete(run_id)
    with pytest.raises(RunStoreError, match="unknown or revoked link"):
        bob.get_shared(again)


def test_the_saver_saves_as_the_owner_who_started_the_training(tmp_path, circles_run, make_store, database_url):
    run = replace(circles_run, extra=dict(circles_run.extra))
    saver(tmp_path, database_url=database_url, owner="carol-sub")(run)
    assert [r.run_id for r in make_store(tmp_path, owner="carol-sub").list()] == [run.extra["run_id"]]
    assert make_store(tmp_path, owner="dave-sub").list() == []


def test_runs_survive_a_database_server_restart(tmp_path, circles_run, postgres_server):
    url = postgres_server.new_database()
    run_id = RunStore(tmp_path, database_url=url).save(circles_run, name="before the restart")
    postgres_server.stop()
    postgres_server.start()
    store = RunStore(tmp_path, database_url=url)  # as a replica that starts after the restart
    [record] = store.list()
    assert record.run_id == run_id and record.status == COMPLETE and record.name == "before the restart"
    assert store.load(run_id).extra["name"] == "before the restart"


class _StopsTheDatabase:
    """A model whose saving takes the database down half-way through a save (once)."""

    def __init__(self, model, server):
        self.model, self.server, self.stopped = model, server, False

    def count_params(self):
        return self.model.count_params()

    def save(self, path):
        if not self.stopped:
            self.stopped = True
            self.server.stop("immediate")
        self.model.save(path)


def test_a_database_that_goes_away_mid_save_loses_nothing(tmp_path, circles_run, postgres_server):
    url = postgres_server.new_database()
    store = RunStore(tmp_path, database_url=url, owner="alice-sub")
    run = replace(circles_run, model=_StopsTheDatabase(circles_run.model, postgres_server))
    try:
        with pytest.raises(RunKeptLocallyError, match="kept on this server's own disk") as caught:
            store.save(run, name="saved in a storm")
        assert "127.0.0.1" not in str(caught.value) and "postgresql://" not in str(caught.value)
    finally:
        postgres_server.start()
    # The database is back: the next store opened on this machine delivers the kept run.
    reopened = RunStore(tmp_path, database_url=url, owner="alice-sub")
    [record] = reopened.list()
    assert record.name == "saved in a storm" and record.status == COMPLETE and record.owner == "alice-sub"
    assert reopened.load(record.run_id).extra["name"] == "saved in a storm"
    assert RunStore(tmp_path, database_url=url, owner="bob-sub").list() == []
    # Delivered once: the local copy is gone, so the next opening adds nothing.
    assert len(RunStore(tmp_path, database_url=url).list()) == 1


def test_an_unreachable_database_is_named_without_its_address(tmp_path, postgres_server):
    unused = f"postgresql://nnx:secret@127.0.0.1:{postgres_server.port + 100}/runs"
    with pytest.raises(RunStoreError, match="Expected the run database to answer") as caught:
        RunStore(tmp_path, database_url=unused)
    assert "secret" not in str(caught.value) and "127.0.0.1" not in str(caught.value)


def test_a_workspace_from_before_owners_opens_and_lists_its_runs(tmp_path, circles_run):
    store = RunStore(tmp_path, database_url=None)
    run_id = store.save(circles_run, name="old run")
    with sqlite3.connect(store.database) as db:  # back to schema 2: no owner, no share links
        db.execute("DROP TABLE shares")
        db.execute("ALTER TABLE runs DROP COLUMN owner")
        db.execute("PRAGMA user_version = 2")
    reopened = RunStore(tmp_path, database_url=None, owner="alice-sub")
    assert reopened.list() == []  # an unowned run is not a signed-in user's
    [record] = RunStore(tmp_path, database_url=None).list()
    assert record.run_id == run_id and record.owner == "" and record.status == COMPLETE
    with sqlite3.connect(store.database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_training_that_ends_while_the_database_is_away_is_kept_and_delivered(tmp_path, circles_run, postgres_server):
    url = postgres_server.new_database()
    away = f"postgresql://nnx@127.0.0.1:{postgres_server.port + 100}/runs"  # nothing listens there
    run = replace(circles_run, extra=dict(circles_run.extra))
    with pytest.raises(RunKeptLocallyError):
        saver(tmp_path, database_url=away, owner="erin-sub")(run)
    assert "run_id" not in run.extra
    # When the database answers (here: the working one), the kept run joins the shared store.
    [record] = RunStore(tmp_path, database_url=url, owner="erin-sub").list()
    assert record.status == COMPLETE and record.owner == "erin-sub"
