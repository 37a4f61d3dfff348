"""The run store: save, list, reopen, rename and delete; crash safety; threads; CSV data.

Every test that takes `make_store` runs twice: on the embedded SQLite file and on a real
PostgreSQL server (tests/runs/postgres_server.py), the store several replicas share.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from nncore.runs import COMPLETE, INCOMPLETE, MISSING_FILES, SAVING, RunStore, RunStoreError, workspace_path
from nncore.runs.store import MODEL_FILE, SCHEMA_VERSION
from nncore.training import JobState
from tests.explain.trained import train


def _outputs(run) -> np.ndarray:
    from nncore.backend import compiled_predict

    return compiled_predict(run.model)(run.dataset.x_test)


def test_the_workspace_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NNX_WORKSPACE", str(tmp_path / "ws"))
    assert workspace_path() == tmp_path / "ws"
    assert RunStore().path == tmp_path / "ws"
    assert (tmp_path / "ws" / "runs.sqlite").is_file()
    monkeypatch.delenv("NNX_WORKSPACE")
    assert workspace_path().name == ".nn_explorer"


def test_save_list_reopen_rename_delete_round_trip(tmp_path, circles_run, make_store):
    store = make_store(tmp_path)
    run_id = store.save(circles_run)
    [record] = store.list()
    assert record.run_id == run_id and record.status == COMPLETE and record.problem == ""
    assert record.name == "Small MLP on Circles (2-D)"
    assert record.model_summary == "Small MLP: dense 8 tanh → dense 8 tanh"
    assert record.epochs == 3 and record.history == circles_run.history
    assert record.test_metric == pytest.approx(circles_run.test_metric)
    assert record.spec == circles_run.spec
    assert record.config == circles_run.config.to_dict()
    assert record.n_params == circles_run.model.count_params()

    reopened = make_store(tmp_path).load(run_id)  # a new store object: as after a server restart
    assert reopened.extra["run_id"] == run_id and reopened.extra["name"] == record.name
    assert reopened.state == JobState.FINISHED and reopened.usable
    assert reopened.config == circles_run.config and reopened.spec == circles_run.spec
    assert reopened.objective == circles_run.objective
    np.testing.assert_array_equal(reopened.dataset.x_test, circles_run.dataset.x_test)
    np.testing.assert_array_equal(_outputs(reopened), _outputs(circles_run))  # identical predictions
    # The training dynamics (weights, gradients, activations over epochs) come back too.
    saved, back = circles_run.extra["dynamics"], reopened.extra["dynamics"]
    assert back.layer_names == saved.layer_names and back.interval == saved.interval
    assert [r.epoch for r in back.records] == [r.epoch for r in saved.records]
    layer = saved.layer_names[0]
    np.testing.assert_array_equal(back.series(layer, "gradient_norm")[1], saved.series(layer, "gradient_norm")[1])

    store.rename(run_id, "  my   best run ")
    assert store.get(run_id).name == "my best run"
    assert store.load(run_id).extra["name"] == "my best run"
    with pytest.raises(RunStoreError, match="Expected a name with at least one visible character"):
        store.rename(run_id, "   ")

    store.delete(run_id)
    assert store.list() == []
    assert not (tmp_path / "runs" / run_id).exists()
    with pytest.raises(RunStoreError, match="no such run"):
        store.load(run_id)
    with pytest.raises(RunStoreError, match="no such run"):
        store.delete(run_id)


def test_a_run_whose_model_file_is_missing_is_reported_not_crashed_on(tmp_path, circles_run, make_store):
    store = make_store(tmp_path)
    good, gone = store.save(circles_run, name="good"), store.save(circles_run, name="gone")
    (store.folder(gone) / MODEL_FILE).unlink()
    by_id = {r.run_id: r for r in store.list()}
    assert by_id[good].status == COMPLETE
    assert by_id[gone].status == MISSING_FILES
    assert "model.keras" in by_id[gone].problem
    with pytest.raises(RunStoreError, match="Cannot reopen 'gone': Files missing"):
        store.load(gone)


class _Crash(BaseException):
    """Stands for the process dying: no clean-up code runs after it."""


def test_a_half_written_run_is_never_listed_as_complete(tmp_path, circles_run, monkeypatch, make_store):
    store = make_store(tmp_path, stale_after=0.0)

    def crash(run_id):
        raise _Crash

    monkeypatch.setattr(store, "_mark_complete", crash)
    with pytest.raises(_Crash):
        store.save(circles_run, name="crashed")
    [record] = store.list()
    # The files were written but the row was never marked complete.
    assert (record.folder / MODEL_FILE).is_file()
    assert record.status == INCOMPLETE and "never finished" in record.problem
    with pytest.raises(RunStoreError, match="Cannot reopen 'crashed'"):
        store.load(record.run_id)
    # Moments after, the same row reads as a save in progress, still not complete.
    assert make_store(tmp_path).get(record.run_id).status == SAVING


def test_a_failed_save_leaves_nothing_behind(tmp_path, circles_run, make_store):
    class Unsaveable:
        def count_params(self):
            return 1

        def save(self, path):
            raise OSError("No space left on device")

    store = make_store(tmp_path)
    with pytest.raises(OSError, match="No space left"):
        store.save(replace(circles_run, model=Unsaveable()))
    assert store.list() == []
    assert list((tmp_path / "runs").iterdir()) == []


def test_a_damaged_row_is_reported_and_the_others_still_list(tmp_path, circles_run, make_store):
    store = make_store(tmp_path)
    good, bad = store.save(circles_run, name="good"), store.save(circles_run, name="bad")
    store.db.write("UPDATE runs SET spec = ? WHERE id = ?", ("{not json", bad))
    by_id = {r.run_id: r for r in store.list()}
    assert by_id[good].status == COMPLETE
    assert by_id[bad].status == INCOMPLETE and "damaged" in by_id[bad].problem


def test_eight_threads_saving_at_once_lose_none(tmp_path, circles_run, make_store):
    store = make_store(tmp_path)
    ids, errors = [], []
    start = threading.Barrier(8)

    def save(index):
        try:
            start.wait()
            # Each thread its own store object, as two sessions of one server would have.
            ids.append(make_store(tmp_path).save(circles_run, name=f"run {index}"))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    records = store.list()
    assert sorted(r.name for r in records) == [f"run {i}" for i in range(8)]
    assert {r.run_id for r in records} == set(ids)
    assert all(r.status == COMPLETE for r in records)
    if not store.shared_database:
        with sqlite3.connect(store.database) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_diverged_run_is_saved_with_its_state(tmp_path, circles_run, make_store):
    diverged = replace(circles_run, state=JobState.DIVERGED, message="Training stopped: the loss became NaN.",
                       test_loss=float("nan"))
    store = make_store(tmp_path)
    run_id = store.save(diverged)
    record = store.get(run_id)
    assert record.state == "diverged" and record.test_loss is None
    reopened = store.load(run_id)
    assert reopened.state == JobState.DIVERGED and not reopened.usable
    assert np.isnan(reopened.test_loss)


def test_a_run_on_an_uploaded_csv_reopens_with_its_data(tmp_path, make_store):
    from nncore.data.csv_import import dataset_from_csv, inspect_csv

    rng = np.random.default_rng(0)
    frame = pd.DataFrame({
        "height": rng.normal(170, 10, 120).round(1),
        "colour": rng.choice(["red", "green", "blue"], 120),
        "label": np.where(rng.normal(size=120) > 0, "yes", "no"),
    })
    data = dataset_from_csv(inspect_csv(frame.to_csv(index=False).encode(), "people.csv"), "label")
    run = train("", "small_mlp", 2, dataset=data)
    store = make_store(tmp_path)
    run_id = store.save(run)
    assert store.get(run_id).dataset_title == data.title
    reopened = store.load(run_id)
    got = reopened.dataset
    assert got.key == "csv" and got.feature_names == data.feature_names and got.class_names == data.class_names
    for name in ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test"):
        np.testing.assert_array_equal(getattr(got, name), getattr(data, name))
    np.testing.assert_array_equal(got.preprocessing.feature_mean, data.preprocessing.feature_mean)
    assert got.preprocessing.steps == data.preprocessing.steps
    assert got.params == data.params
    np.testing.assert_array_equal(_outputs(reopened), _outputs(run))
    assert "differs" not in reopened.message


def test_reloaded_data_that_changed_is_flagged(tmp_path, circles_run, make_store):
    store = make_store(tmp_path)
    run_id = store.save(circles_run)
    store.db.write("UPDATE runs SET dataset_fingerprint = '0000' WHERE id = ?", (run_id,))
    assert "the data reloaded today differs" in store.load(run_id).message


def test_eight_sessions_opening_a_new_workspace_at_once_all_work(tmp_path, make_store):
    errors = []
    start = threading.Barrier(8)

    def open_store():
        try:
            start.wait()
            make_store(tmp_path / "fresh").list()
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    if make_store(tmp_path / "fresh").shared_database:
        return
    with sqlite3.connect(tmp_path / "fresh" / "runs.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_run_deleted_while_it_is_being_saved_leaves_nothing(tmp_path, circles_run, monkeypatch, make_store):
    store = make_store(tmp_path)
    original = RunStore._mark_complete

    def delete_then_complete(self, run_id):
        self.delete(run_id)  # another session deletes the half-saved row ("saving" in its table)
        original(self, run_id)

    monkeypatch.setattr(RunStore, "_mark_complete", delete_then_complete)
    with pytest.raises(RunStoreError, match="it was deleted while being saved"):
        store.save(circles_run)
    assert store.list() == []
    assert list((tmp_path / "runs").iterdir()) == []
