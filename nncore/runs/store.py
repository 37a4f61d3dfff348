"""`RunStore`: saved training runs, metadata in SQLite and files in one folder per run.

Layout of a workspace:

    runs.sqlite              one row per run (WAL mode, so readers never wait for a writer)
    runs/<run id>/model.keras
    runs/<run id>/dataset.npz, dataset.json   only for data that cannot be reloaded (CSV)
    runs/<run id>/dynamics.json               the training dynamics, when they were recorded

Crash safety: a save first records the row as "writing", then writes the files (the model
under a temporary name, renamed into place), then marks the row complete in one short
transaction. A crash at any point leaves a row that is not complete; `list()` reports it as
incomplete and `load()` refuses it. A complete row whose model file has gone is reported as
"missing files". Nothing a damaged row holds can make `list()` fail.

What is saved: every run a training job ends with (`TrainingJob(on_finish=saver())`):
finished, stopped and diverged runs alike, each with its state, so a diverged run is listed
as such (and reopens as not usable). A training that failed with an error leaves no model,
so there is nothing to save.

Each call opens its own connection (SQLite connections must not cross threads), so one store
object can be shared by threads and by sessions.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from nncore.errors import NNExplorerError
from nncore.messages import Message
from nncore.messages import Message, from_text, join, to_text
from nncore.runs import dataset_archive
from nncore.runs.record import (
    COMPLETE,
    INCOMPLETE,
    MISSING_FILES,
    SAVING,
    RunRecord,
    default_name,
    model_summary,
)
from nncore.runs.workspace import workspace_path

DATABASE_FILE = "runs.sqlite"
RUNS_FOLDER = "runs"
MODEL_FILE = "model.keras"
DYNAMICS_FILE = "dynamics.json"  # weight, gradient and activation statistics over training
# 2: the `baselines` and `units` columns (older workspaces get them added on opening).
SCHEMA_VERSION = 2
# `units`: the unit a run's errors are in: for regression the target's name (test loss, MAE and
# history are in the target's units), "" for classification. Rows saved before errors were
# converted have NULL and hold standardized numbers until the run is reopened.
MAX_NAME_LENGTH = 120
# A row still "writing" after this long belongs to a save that was interrupted.
STALE_AFTER_SECONDS = 300.0
BUSY_TIMEOUT_MS = 30_000
_SET_UP_LOCK = threading.Lock()  # sessions of one server setting up a new workspace take turns

_WRITING = "writing"
_COLUMNS = (
    "id", "name", "created", "status", "dataset_key", "dataset_title", "task", "dataset_params",
    "dataset_archived", "dataset_fingerprint", "model_name", "model_summary", "n_params", "spec", "config",
    "history", "state", "message", "test_loss", "test_metric", "metric_name", "loss_label", "seconds",
    "baselines", "units",
)
_ADDED_COLUMNS = {"baselines": "TEXT", "units": "TEXT"}  # columns schema 1 lacked
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created REAL NOT NULL,
    status TEXT NOT NULL,
    dataset_key TEXT, dataset_title TEXT, task TEXT, dataset_params TEXT,
    dataset_archived INTEGER, dataset_fingerprint TEXT,
    model_name TEXT, model_summary TEXT, n_params INTEGER,
    spec TEXT, config TEXT, history TEXT,
    state TEXT, message TEXT,
    test_loss REAL, test_metric REAL, metric_name TEXT, loss_label TEXT, seconds REAL,
    baselines TEXT, units TEXT
);
PRAGMA user_version = {SCHEMA_VERSION};
"""


class RunStoreError(NNExplorerError):
    """A run could not be saved, found or reopened; the message says which and why."""


class RunStore:
    """Saved runs in the workspace folder `path` (default: `workspace_path()`)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, stale_after: float = STALE_AFTER_SECONDS) -> None:
        self.path = Path(path) if path is not None else workspace_path()
        self.stale_after = stale_after
        try:
            (self.path / RUNS_FOLDER).mkdir(parents=True, exist_ok=True)
            self._set_up()
        except (OSError, sqlite3.Error) as error:
            raise RunStoreError(
                Message("msg.runs.workspace", path=str(self.path), error=f"{type(error).__name__}: {error}")
            ) from None

    def _set_up(self) -> None:
        """Create a new database's table and switch it to WAL mode (once; both persist).

        Pages open a store on every render, so an existing database is only read here. Switching
        the journal mode does not wait for a busy database as other statements do, so sessions
        opening a new workspace together take turns (a lock in this process, retries across
        processes).
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        with _SET_UP_LOCK:
            while True:
                try:
                    with self._connect() as db:
                        if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                            db.execute("PRAGMA journal_mode=WAL")
                            db.executescript(_SCHEMA)
                            have = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
                            for column, kind in _ADDED_COLUMNS.items():
                                if column not in have:
                                    db.execute(f"ALTER TABLE runs ADD COLUMN {column} {kind}")
                    return
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)

    @property
    def database(self) -> Path:
        return self.path / DATABASE_FILE

    def folder(self, run_id: str) -> Path:
        return self.path / RUNS_FOLDER / run_id

    # --- connections -----------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # autocommit mode: every write below opens its own short BEGIN IMMEDIATE transaction.
        db = sqlite3.connect(self.database, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            yield db
        finally:
            db.close()

    def _write(self, sql: str, params: tuple[Any, ...]) -> int:
        """Run one statement in its own transaction; return the number of rows it changed."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")  # take the write lock now: no upgrade deadlocks
            try:
                changed = db.execute(sql, params).rowcount
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return changed

    # --- saving ----------------------------------------------------------------------------
    def save(self, run: Any, name: str | None = None) -> str:
        """Save a TrainedRun (model file, spec, config, data reference, history, metrics); return its id.

        On an error the half-saved run is removed and the error raised.
        """
        if run.spec is None:
            raise RunStoreError(Message("msg.runs.no_spec"))
        dataset, spec = run.dataset, run.spec
        run_id = uuid.uuid4().hex
        folder = self.folder(run_id)
        archived = dataset_archive.needs_archive(dataset)
        objective = run.objective
        row = {
            "id": run_id,
            # A default name is saved as keys (JSON), a name the user typed as it is.
            "name": _clean_name(name) if name is not None else to_text(default_name(spec, dataset)),
            "created": time.time(),
            "status": _WRITING,
            "dataset_key": dataset.key,
            "dataset_title": dataset.title,
            "task": dataset.task,
            "dataset_params": json.dumps(dataset_archive.jsonable(dataset.params)),
            "dataset_archived": int(archived),
            "dataset_fingerprint": dataset_archive.fingerprint(dataset),
            "model_name": spec.name,
            "model_summary": model_summary(spec),
            "n_params": int(run.model.count_params()),
            "spec": spec.to_json(),
            "config": json.dumps(run.config.to_dict()),
            "history": json.dumps([record.to_dict() for record in run.history], allow_nan=True),
            "state": getattr(run.state, "value", str(run.state)),
            "message": to_text(run.message),  # a keyed Message as JSON: reworded in any language
            "test_loss": _finite_or_none(run.test_loss),
            "test_metric": _finite_or_none(run.test_metric),
            "metric_name": objective.metric_name if objective is not None else "",
            "loss_label": objective.loss_label if objective is not None else "",
            "seconds": float(run.seconds),
            "baselines": json.dumps(run.baselines.to_dict()) if getattr(run, "baselines", None) is not None else None,
            "units": dataset.target_name if dataset.task == "regression" else "",
        }
        placeholders = ", ".join("?" for _ in _COLUMNS)
        self._write(f"INSERT INTO runs ({', '.join(_COLUMNS)}) VALUES ({placeholders})", tuple(row[c] for c in _COLUMNS))
        try:
            folder.mkdir(parents=True)
            partial = folder / ("partial-" + MODEL_FILE)
            run.model.save(partial)
            os.replace(partial, folder / MODEL_FILE)  # the model file appears whole or not at all
            if archived:
                dataset_archive.write_archive(dataset, folder)
            if run.extra.get("dynamics") is not None:  # optional: runs without it reopen without it
                from nncore.training.recorder import dynamics_to_json

                (folder / DYNAMICS_FILE).write_text(dynamics_to_json(run.extra["dynamics"]))
        except Exception:
            self._discard(run_id)
            raise
        self._mark_complete(run_id)
        return run_id

    def _mark_complete(self, run_id: str) -> None:
        if not self._write("UPDATE runs SET status = ? WHERE id = ?", (COMPLETE, run_id)):
            # Someone deleted the row while its files were written: drop them too.
            shutil.rmtree(self.folder(run_id), ignore_errors=True)
            raise RunStoreError(Message("msg.runs.deleted_while_saving"))

    def _discard(self, run_id: str) -> None:
        try:
            self._write("DELETE FROM runs WHERE id = ?", (run_id,))
        finally:
            shutil.rmtree(self.folder(run_id), ignore_errors=True)

    # --- reading ---------------------------------------------------------------------------
    def list(self) -> list[RunRecord]:
        """Every saved run, newest first; runs that cannot be reopened carry their reason."""
        try:
            with self._connect() as db:
                db.row_factory = sqlite3.Row
                rows = db.execute("SELECT * FROM runs ORDER BY created DESC").fetchall()
        except sqlite3.Error as error:
            raise RunStoreError(Message("msg.runs.database", path=str(self.database), error=str(error))) from None
        return [self._record(row) for row in rows]

    def get(self, run_id: str) -> RunRecord:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            row = db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise RunStoreError(Message("msg.runs.no_such_run", run_id=repr(run_id)))
        return self._record(row)

    def _record(self, row: sqlite3.Row) -> RunRecord:
        run_id = str(row["id"])
        base = RunRecord(
            run_id=run_id, name=from_text(str(row["name"])), created=float(row["created"] or 0.0),
            status=COMPLETE, problem="", folder=self.folder(run_id),
        )
        if row["status"] != COMPLETE:
            age = time.time() - base.created
            if age < self.stale_after:
                return replace(base, status=SAVING, problem=Message("msg.runs.still_saving"))
            return replace(
                base, status=INCOMPLETE,
                problem=Message("msg.runs.never_finished"),
            )
        try:
            from nncore.models.spec import ModelSpec
            from nncore.training.history import EpochRecord

            record = replace(
                base,
                dataset_key=row["dataset_key"] or "", dataset_title=row["dataset_title"] or "", task=row["task"] or "",
                model_name=row["model_name"] or "", model_summary=row["model_summary"] or "", n_params=row["n_params"],
                state=row["state"] or "", message=from_text(row["message"] or ""),
                test_loss=row["test_loss"], test_metric=row["test_metric"],
                metric_name=row["metric_name"] or "", loss_label=row["loss_label"] or "", seconds=float(row["seconds"] or 0.0),
                spec=ModelSpec.from_json(row["spec"]),
                config=dict(json.loads(row["config"])),
                dataset_params=dict(json.loads(row["dataset_params"])),
                history=tuple(EpochRecord(**item) for item in json.loads(row["history"])),
                baselines=_baselines_from_json(row["baselines"]),
                standardized_errors=row["task"] == "regression" and row["units"] is None,
                unit=row["units"] or "",
            )
        except Exception as error:  # a damaged row is reported, never a failed listing
            return replace(base, status=INCOMPLETE, problem=Message("msg.runs.damaged", error=f"{type(error).__name__}: {error}"))
        missing = [name for name in self._needed_files(bool(row["dataset_archived"])) if not (record.folder / name).is_file()]
        if missing:
            return replace(
                record, status=MISSING_FILES,
                problem=Message("msg.runs.files_missing", folder=str(record.folder), files=", ".join(missing)),
            )
        return record

    @staticmethod
    def _needed_files(archived: bool) -> tuple[str, ...]:
        return (MODEL_FILE, dataset_archive.ARRAYS_FILE, dataset_archive.META_FILE) if archived else (MODEL_FILE,)

    def load(self, run_id: str) -> Any:
        """Reopen a complete run as a TrainedRun: its model (loaded in safe mode), its data, its history.

        `extra` holds "run_id", "name" and "created". Raises RunStoreError when the run is not
        complete, and DatasetError when its data can no longer be loaded.
        """
        record = self.get(run_id)
        if not record.complete:
            raise RunStoreError(Message("msg.runs.cannot_reopen", name=record.name, problem=record.problem))
        from nncore.backend import load_keras
        from nncore.data.registry import reload_dataset
        from nncore.models.build import validate_for_data
        from nncore.training.config import TrainingConfig
        from nncore.training.job import JobState, TrainedRun

        with self._connect() as db:
            archived, stored_fingerprint = db.execute(
                "SELECT dataset_archived, dataset_fingerprint FROM runs WHERE id = ?", (run_id,)
            ).fetchone()
        dataset = dataset_archive.read_archive(record.folder) if archived else reload_dataset(record.dataset_params)
        message = record.message
        if dataset_archive.fingerprint(dataset) != stored_fingerprint:
            message = join(message, Message("msg.runs.data_changed"))
        load_keras()
        import keras

        try:
            # safe_mode: a file edited to hold code (a Lambda layer) is refused, never run.
            model = keras.saving.load_model(record.folder / MODEL_FILE, compile=False, safe_mode=True)
        except Exception as error:
            raise RunStoreError(
                Message("msg.runs.model_unreadable", name=record.name, kind=type(error).__name__, error=str(error))
            ) from None
        history, test_loss, test_metric = record.history, record.test_loss, record.test_metric
        if record.standardized_errors:  # saved before errors were kept in the target's units
            history, test_loss, test_metric = self._convert_to_target_units(record, dataset)
        baselines = record.baselines
        if baselines is None:  # a run saved before baselines were kept: fit them now (cheap)
            from nncore.evaluate.baselines import fit_baselines

            try:
                baselines = fit_baselines(dataset)
            except Exception:
                baselines = None
        extra = {"run_id": record.run_id, "name": record.name, "created": record.created}
        dynamics_file = record.folder / DYNAMICS_FILE
        if dynamics_file.exists():
            from nncore.training.recorder import dynamics_from_json

            try:
                extra["dynamics"] = dynamics_from_json(dynamics_file.read_text())
            except (ValueError, KeyError, TypeError):
                pass  # a damaged record of the training dynamics costs only that view
        return TrainedRun(
            model=model,
            dataset=dataset,
            spec=record.spec,
            config=TrainingConfig.from_dict(record.config),
            objective=validate_for_data(record.spec, dataset),
            history=history,
            state=JobState(record.state),
            message=message,
            test_loss=math.nan if test_loss is None else test_loss,
            test_metric=math.nan if test_metric is None else test_metric,
            seconds=record.seconds,
            extra=extra,
            baselines=baselines,
        )

    def _convert_to_target_units(self, record: RunRecord, dataset: Any) -> tuple[tuple[Any, ...], float | None, float | None]:
        """A regression run saved with standardized errors, in the target's units; the row is
        rewritten so the Runs table shows them too from now on."""
        from nncore.training.job import target_units

        error, squared = target_units(dataset)
        history = tuple(
            replace(r, loss=r.loss * squared, metric=r.metric * error, val_loss=r.val_loss * squared, val_metric=r.val_metric * error)
            for r in record.history
        )
        test_loss = None if record.test_loss is None else record.test_loss * squared
        test_metric = None if record.test_metric is None else record.test_metric * error
        self._write(
            "UPDATE runs SET history = ?, test_loss = ?, test_metric = ?, units = ? WHERE id = ? AND units IS NULL",
            (json.dumps([r.to_dict() for r in history], allow_nan=True), test_loss, test_metric, dataset.target_name,
             record.run_id),
        )
        return history, test_loss, test_metric

    # --- editing ---------------------------------------------------------------------------
    def rename(self, run_id: str, name: str) -> None:
        if not self._write("UPDATE runs SET name = ? WHERE id = ?", (_clean_name(name), run_id)):
            raise RunStoreError(Message("msg.runs.no_such_run", run_id=repr(run_id)))

    def delete(self, run_id: str) -> None:
        """Remove the run's row, then its folder (a crash in between leaves only an unlisted folder)."""
        if not self._write("DELETE FROM runs WHERE id = ?", (run_id,)):
            raise RunStoreError(Message("msg.runs.no_such_run", run_id=repr(run_id)))
        shutil.rmtree(self.folder(run_id), ignore_errors=True)


def _clean_name(name: str) -> str:
    text = " ".join(str(name).split())  # no newlines or tabs in a table cell
    if not text:
        raise RunStoreError(Message("msg.runs.empty_name"))
    if len(text) > MAX_NAME_LENGTH:
        raise RunStoreError(Message("msg.runs.long_name", most=MAX_NAME_LENGTH, n=len(text)))
    return text


def _baselines_from_json(text: str | None) -> Any:
    if not text:
        return None
    from nncore.evaluate.baselines import BaselineScores

    try:
        return BaselineScores.from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError):
        return None  # a damaged baseline record costs only the baselines


def _finite_or_none(value: Any) -> float | None:
    number = float(value)
    return number if math.isfinite(number) else None


def saver(path: str | os.PathLike[str] | None = None) -> Any:
    """A `TrainingJob(on_finish=...)` callback that saves each finished run to the store at `path`
    (default: the workspace) and notes its id and name in `run.extra`."""
    folder = Path(path) if path is not None else workspace_path()

    def save_run(run: Any) -> None:
        store = RunStore(folder)
        run_id = store.save(run)
        run.extra.update(run_id=run_id, name=store.get(run_id).name)

    return save_run
