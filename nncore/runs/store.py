"""`RunStore`: saved training runs, metadata in a database and files in one folder per run.

Layout of a workspace:

    runs.sqlite              one row per run (the embedded default; WAL mode, so readers never
                             wait for a writer). With NNX_DATABASE_URL the rows live in PostgreSQL
                             instead (nncore/runs/database.py) and this folder is shared by replicas.
    runs/<run id>/model.keras
    runs/<run id>/dataset.npz, dataset.json   only for data that cannot be reloaded (CSV)
    runs/<run id>/dynamics.json               the training dynamics, when they were recorded

Crash safety: a save first records the row as "writing", then writes the files (the model
under a temporary name, renamed into place), then marks the row complete in one short
transaction. A crash at any point leaves a row that is not complete; `list()` reports it as
incomplete and `load()` refuses it. A complete row whose model file has gone is reported as
"missing files". Nothing a damaged row holds can make `list()` fail. A database that goes away
during a save (PostgreSQL) costs nothing: the run is kept on this machine's own disk
(`pending_path()`), the saver says so, and it joins the shared runs when the database answers.

Owners: a store opened for an `owner` (a signed-in user's id) saves runs as theirs and sees,
reopens, renames, shares and deletes only those; another owner's run id is answered as "no
such run", exactly as an id that never existed, so guessing ids in links reveals nothing. A
store opened without an owner (no sign-in configured: one person, or a server whose runs are
shared) sees every run. A run is shown to anyone holding its share token, read-only, until its
owner revokes the token.

What is saved: every run a training job ends with (`TrainingJob(on_finish=saver())`):
finished, stopped and diverged runs alike, each with its state, so a diverged run is listed
as such (and reopens as not usable). A training that failed with an error leaves no model,
so there is nothing to save.

Each call opens its own connection, so one store object can be shared by threads and sessions.
"""

from __future__ import annotations

import json
import logging
import math
import os
import secrets
import shutil
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from nncore.messages import Message, from_text, join, to_text
from nncore.runs import dataset_archive
from nncore.runs.database import COLUMNS, DATABASE_FILE, SCHEMA_VERSION, RunDatabase, Row, open_database
from nncore.runs.errors import RunDatabaseError, RunKeptLocallyError, RunQuotaError, RunStoreError
from nncore.runs.record import (
    COMPLETE,
    INCOMPLETE,
    MISSING_FILES,
    SAVING,
    RunRecord,
    default_name,
    model_summary,
)
from nncore.runs.workspace import database_url, pending_path, quota_mb, workspace_path

__all__ = ["DATABASE_FILE", "SCHEMA_VERSION", "RunStore", "RunStoreError", "saver"]

LOG = logging.getLogger(__name__)

RUNS_FOLDER = "runs"
MODEL_FILE = "model.keras"
DYNAMICS_FILE = "dynamics.json"  # weight, gradient and activation statistics over training
# `units`: the unit a run's errors are in: for regression the target's name (test loss, MAE and
# history are in the target's units), "" for classification. Rows saved before errors were
# converted have NULL and hold standardized numbers until the run is reopened.
MAX_NAME_LENGTH = 120
# A row still "writing" after this long belongs to a save that was interrupted.
STALE_AFTER_SECONDS = 300.0
SHARE_TOKEN_BYTES = 24  # 192 random bits: a share link cannot be guessed
_FROM_ENVIRONMENT: Any = object()

_WRITING = "writing"


def _no_such_run(run_id: str) -> RunStoreError:
    return RunStoreError(Message("msg.runs.no_such_run", run_id=repr(run_id)))


class RunStore:
    """Saved runs in the workspace folder `path` (default: `workspace_path()`).

    `database_url`: a `postgresql://` URL for the metadata (default: `$NNX_DATABASE_URL`; an
    empty string or None means the workspace's own SQLite file). `owner`: the signed-in user
    this store acts for (None: no sign-in, every run is visible).
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        database_url: str | None = _FROM_ENVIRONMENT,
        owner: str | None = None,
        stale_after: float = STALE_AFTER_SECONDS,
    ) -> None:
        self.path = Path(path) if path is not None else workspace_path()
        self.stale_after = stale_after
        self.owner = owner or None
        url = _environment_url() if database_url is _FROM_ENVIRONMENT else database_url
        try:
            (self.path / RUNS_FOLDER).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            LOG.warning("run store: cannot use workspace %s: %r", self.path, error)
            raise RunStoreError(Message("msg.server.workspace", error=error.strerror or type(error).__name__)) from None
        self.db: RunDatabase = open_database(self.path, url)
        if self.db.kind != "sqlite":
            self._deliver_pending()

    @property
    def database(self) -> Path:
        """The SQLite file (the embedded default; unused when the metadata is in PostgreSQL)."""
        return self.path / DATABASE_FILE

    @property
    def shared_database(self) -> bool:
        """True when the metadata is in a database several replicas share (PostgreSQL)."""
        return self.db.kind != "sqlite"

    def folder(self, run_id: str) -> Path:
        return self.path / RUNS_FOLDER / run_id

    # --- owners ------------------------------------------------------------------------------
    def _mine(self) -> tuple[str, tuple[Any, ...]]:
        """The SQL condition (and its value) that limits a query to this store's owner."""
        if self.owner is None:
            return "", ()
        return " AND owner = ?", (self.owner,)

    def _write(self, sql: str, params: tuple[Any, ...]) -> int:
        return self.db.write(sql, params)

    # --- saving ----------------------------------------------------------------------------
    def save(self, run: Any, name: str | None = None) -> str:
        """Save a TrainedRun (model file, spec, config, data reference, history, metrics); return its id.

        On an error the half-saved run is removed and the error raised. When a shared database
        goes away during the save, the run is saved on this machine's own disk instead and
        `RunKeptLocallyError` says so (it joins the shared runs once the database answers).
        """
        if run.spec is None:
            raise RunStoreError(Message("msg.runs.no_spec"))
        self._check_quota()
        row = self._row_for(run, name)
        try:
            return self._save_row(run, row)
        except RunDatabaseError as error:
            if not self.shared_database:
                raise
            # The same id: a row the failed save left "writing" is replaced when the run is delivered.
            raise _kept_locally(run, {**row, "created": time.time()}, error) from None

    def used_mb(self) -> float:
        """Disk used by the saved runs this store sees (its owner's; all of them without sign-in)."""
        used = 0
        for record in self.list():
            if record.folder.is_dir():
                used += sum(f.stat().st_size for f in record.folder.rglob("*") if f.is_file())
        return used / 2**20

    def _check_quota(self) -> None:
        """Refuse a save once the person's runs use the server's quota (NNX_WORKSPACE_QUOTA_MB).

        Checked before a save, so one run may go past the line; a visitor can still not fill the
        disk, since every later save is refused until runs are deleted."""
        quota = quota_mb()
        if quota is None:
            return
        used = self.used_mb()
        if used >= quota:
            raise RunQuotaError(Message("msg.runs.quota", used=f"{used:.0f}", quota=quota))

    def _row_for(self, run: Any, name: str | None) -> dict[str, Any]:
        dataset, spec, objective = run.dataset, run.spec, run.objective
        return {
            "id": uuid.uuid4().hex,
            # A default name is saved as keys (JSON), a name the user typed as it is.
            "name": _clean_name(name) if name is not None else to_text(default_name(spec, dataset)),
            "created": time.time(),
            "status": _WRITING,
            "dataset_key": dataset.key,
            "dataset_title": dataset.title,
            "task": dataset.task,
            "dataset_params": json.dumps(dataset_archive.jsonable(dataset.params)),
            "dataset_archived": int(dataset_archive.needs_archive(dataset)),
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
            "owner": self.owner,
        }

    def _insert(self, row: Row) -> None:
        placeholders = ", ".join("?" for _ in COLUMNS)
        self._write(f"INSERT INTO runs ({', '.join(COLUMNS)}) VALUES ({placeholders})", tuple(row[c] for c in COLUMNS))

    def _save_row(self, run: Any, row: dict[str, Any]) -> str:
        run_id = row["id"]
        folder = self.folder(run_id)
        self._insert(row)
        try:
            folder.mkdir(parents=True)
            partial = folder / ("partial-" + MODEL_FILE)
            run.model.save(partial)
            os.replace(partial, folder / MODEL_FILE)  # the model file appears whole or not at all
            if row["dataset_archived"]:
                dataset_archive.write_archive(run.dataset, folder)
            if run.extra.get("dynamics") is not None:  # optional: runs without it reopen without it
                from nncore.training.recorder import dynamics_to_json

                (folder / DYNAMICS_FILE).write_text(dynamics_to_json(run.extra["dynamics"]))
            self._mark_complete(run_id)
        except RunStoreError:
            # The database failed (or the row was deleted meanwhile): the files go; a row the
            # database could not delete stays "writing" and reads as incomplete.
            shutil.rmtree(folder, ignore_errors=True)
            raise
        except Exception:
            self._discard(run_id)
            raise
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

    def _deliver_pending(self) -> None:
        """Move runs saved while the database was away (on this machine) into the shared store.

        Each run's files are copied into the shared folder first, then its row is inserted
        complete (a row left "writing" by the interrupted save is replaced), then the local copy
        goes: a crash in between leaves a copy in both places, never none.
        """
        local = pending_path()
        if not (local / DATABASE_FILE).is_file():
            return
        try:
            pending = RunStore(local, database_url=None)
            rows = pending.db.read("SELECT * FROM runs WHERE status = ?", (COMPLETE,))
            for row in rows:
                run_id = str(row["id"])
                target = self.folder(run_id)
                if not target.exists():
                    partial = self.path / RUNS_FOLDER / ("partial-" + run_id)
                    shutil.rmtree(partial, ignore_errors=True)
                    shutil.copytree(pending.folder(run_id), partial)
                    os.replace(partial, target)
                self._write("DELETE FROM runs WHERE id = ? AND status <> ?", (run_id, COMPLETE))
                self._write(
                    f"INSERT INTO runs ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)}) "
                    "ON CONFLICT (id) DO NOTHING",
                    tuple(row.get(c) for c in COLUMNS),
                )
                pending._discard(run_id)
                LOG.info("run store: delivered run %s saved while the database was away", run_id)
        except (RunStoreError, OSError) as error:  # tried again on the next opening
            LOG.warning("run store: could not deliver the runs kept locally: %r", error)

    # --- reading ---------------------------------------------------------------------------
    def list(self) -> list[RunRecord]:
        """Every saved run this store may see, newest first; runs that cannot be reopened carry their reason."""
        mine, values = self._mine()
        rows = self.db.read(f"SELECT * FROM runs WHERE 1 = 1{mine} ORDER BY created DESC", values)
        return [self._record(row) for row in rows]

    def _row(self, run_id: str) -> Row:
        mine, values = self._mine()
        rows = self.db.read(f"SELECT * FROM runs WHERE id = ?{mine}", (str(run_id), *values))
        if not rows:  # another owner's run reads exactly as one that never existed
            raise _no_such_run(run_id)
        return rows[0]

    def get(self, run_id: str) -> RunRecord:
        return self._record(self._row(run_id))

    def _record(self, row: Row) -> RunRecord:
        run_id = str(row["id"])
        base = RunRecord(
            run_id=run_id, name=from_text(str(row["name"])), created=float(row["created"] or 0.0),
            status=COMPLETE, problem="", folder=self.folder(run_id), owner=row.get("owner") or "",
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
            # The folder is not named: visitors are never shown the server's paths.
            return replace(
                record, status=MISSING_FILES,
                problem=Message("msg.server.missing_files", files=", ".join(missing)),
            )
        return record

    @staticmethod
    def _needed_files(archived: bool) -> tuple[str, ...]:
        return (MODEL_FILE, dataset_archive.ARRAYS_FILE, dataset_archive.META_FILE) if archived else (MODEL_FILE,)

    def load(self, run_id: str) -> Any:
        """Reopen a complete run as a TrainedRun: its model (loaded in safe mode), its data, its history.

        `extra` holds "run_id", "name" and "created". Raises RunStoreError when the run is not
        complete (or not this store's owner's), and DatasetError when its data can no longer be loaded.
        """
        return self._load(self._row(run_id))

    def _load(self, row: Row, *, shared: bool = False) -> Any:
        record = self._record(row)
        if not record.complete:
            raise RunStoreError(Message("msg.runs.cannot_reopen", name=record.name, problem=record.problem))
        from nncore.backend import load_keras
        from nncore.data.registry import reload_dataset
        from nncore.models.build import validate_for_data
        from nncore.training.config import TrainingConfig
        from nncore.training.job import JobState, TrainedRun

        archived, stored_fingerprint = row["dataset_archived"], row["dataset_fingerprint"]
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
            LOG.warning("run store: model file of %s unreadable: %r", record.run_id, error)
            detail = str(error).replace(str(record.folder), "…").replace(str(self.path), "…")  # no server paths
            raise RunStoreError(
                Message("msg.runs.model_unreadable", name=record.name, kind=type(error).__name__, error=detail)
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
        extra: dict[str, Any] = {"run_id": record.run_id, "name": record.name, "created": record.created}
        if shared:
            extra["shared_read_only"] = True  # opened through a share link: not the viewer's to change
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

    # --- share links -------------------------------------------------------------------------
    def share(self, run_id: str) -> str:
        """The read-only share token of one of this store's runs (made on the first call)."""
        self._row(run_id)  # only the owner shares
        existing = self.share_token(run_id)
        if existing is not None:
            return existing
        token = secrets.token_urlsafe(SHARE_TOKEN_BYTES)
        self._write("INSERT INTO shares (token, run_id, created) VALUES (?, ?, ?)", (token, str(run_id), time.time()))
        return token

    def share_token(self, run_id: str) -> str | None:
        """The run's live share token, or None when it is not shared."""
        self._row(run_id)
        rows = self.db.read("SELECT token FROM shares WHERE run_id = ? ORDER BY created", (str(run_id),))
        return str(rows[0]["token"]) if rows else None

    def revoke_share(self, run_id: str) -> None:
        """Stop every share link of the run: they read as unknown from now on."""
        self._row(run_id)
        self._write("DELETE FROM shares WHERE run_id = ?", (str(run_id),))

    def _shared_row(self, token: str) -> Row:
        rows = self.db.read(
            "SELECT runs.* FROM shares JOIN runs ON runs.id = shares.run_id WHERE shares.token = ?", (str(token),)
        )
        if not rows:
            raise RunStoreError(Message("msg.server.bad_share"))
        return rows[0]

    def get_shared(self, token: str) -> RunRecord:
        """The record of the run a share token points at (any owner's): to read, never to change."""
        return self._record(self._shared_row(token))

    def load_shared(self, token: str) -> Any:
        """Reopen the run a share token points at; its `extra["shared_read_only"]` is True."""
        return self._load(self._shared_row(token), shared=True)

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
        mine, values = self._mine()
        if not self._write(f"UPDATE runs SET name = ? WHERE id = ?{mine}", (_clean_name(name), str(run_id), *values)):
            raise _no_such_run(run_id)

    def delete(self, run_id: str) -> None:
        """Remove the run's row and share links, then its folder (a crash in between leaves only an unlisted folder)."""
        mine, values = self._mine()
        if not self._write(f"DELETE FROM runs WHERE id = ?{mine}", (str(run_id), *values)):
            raise _no_such_run(run_id)
        self._write("DELETE FROM shares WHERE run_id = ?", (str(run_id),))
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


def _environment_url() -> str | None:
    return database_url()


def saver(
    path: str | os.PathLike[str] | None = None,
    *,
    database_url: str | None = _FROM_ENVIRONMENT,
    owner: str | None = None,
) -> Any:
    """A `TrainingJob(on_finish=...)` callback that saves each finished run to the store at `path`
    (default: the workspace), as `owner`'s when given, and notes its id and name in `run.extra`.

    The owner is fixed when the training starts: the job's thread knows no session.
    """
    folder = Path(path) if path is not None else workspace_path()

    def save_run(run: Any) -> None:
        try:
            store = RunStore(folder, database_url=database_url, owner=owner)
        except RunDatabaseError as error:  # the database is away since before this save began
            url = _environment_url() if database_url is _FROM_ENVIRONMENT else database_url
            if not url or run.spec is None:
                raise
            kept = RunStore(pending_path(), database_url=None, owner=owner)
            raise _kept_locally(run, kept._row_for(run, None), error) from None
        run_id = store.save(run)
        run.extra.update(run_id=run_id, name=store.get(run_id).name)

    return save_run


def _kept_locally(run: Any, row: dict[str, Any], error: Exception) -> RunKeptLocallyError:
    """Save `run` (as `row`) in this machine's pending store; return the error that tells the user."""
    kept = RunStore(pending_path(), database_url=None)
    kept._save_row(run, row)
    LOG.warning("run store: database away during a save (%s); run %s kept in %s", error, row["id"], kept.path)
    return RunKeptLocallyError(Message("msg.server.kept_locally"))
