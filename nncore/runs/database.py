"""Where the run store keeps its metadata: an embedded SQLite file, or a PostgreSQL server.

The store (nncore/runs/store.py) writes its SQL once, with `?` placeholders and standard types;
each database here runs it. SQLite is the embedded default (one machine, nothing to set up);
PostgreSQL is for several app replicas that share one set of runs (`NNX_DATABASE_URL`), with
the model files in a folder every replica mounts (`NNX_WORKSPACE`).

Both open a connection per call: SQLite connections must not cross threads, and a PostgreSQL
connection that died with its server is never reused. Driver errors leave here as
`RunDatabaseError`, whose message names the kind of failure but never the URL, host or path
(the full error goes to the log for the server's owner).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from nncore.messages import Message
from nncore.runs.errors import RunDatabaseError

LOG = logging.getLogger(__name__)

DATABASE_FILE = "runs.sqlite"
# 2: the `baselines` and `units` columns; 3: the `owner` column and the `shares` table (older
# workspaces get them added on opening).
SCHEMA_VERSION = 3
BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_SECONDS = 5  # a database that went away fails a save in seconds, not minutes
_SET_UP_LOCK = threading.Lock()  # sessions of one server setting up a new workspace take turns
# Any fixed number: PostgreSQL's lock that makes replicas creating the tables take turns.
_SET_UP_ADVISORY_LOCK = 7_104_211
# PostgreSQL databases this process has set up: pages open a store on every render, and the
# set-up's ALTER TABLE takes a lock that would make 30 sessions' renders queue behind each other.
_READY_URLS: set[str] = set()

COLUMNS = (
    "id", "name", "created", "status", "dataset_key", "dataset_title", "task", "dataset_params",
    "dataset_archived", "dataset_fingerprint", "model_name", "model_summary", "n_params", "spec", "config",
    "history", "state", "message", "test_loss", "test_metric", "metric_name", "loss_label", "seconds",
    "baselines", "units", "owner",
)
# `owner`: who saved the run when sign-in is on (the provider's stable user id); NULL for a run
# saved without sign-in, which every visitor of that server sees.
_ADDED_COLUMNS = {"baselines": "TEXT", "units": "TEXT", "owner": "TEXT"}  # columns schema 1 lacked


def _schema(real: str) -> str:
    return f"""
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created {real} NOT NULL,
    status TEXT NOT NULL,
    dataset_key TEXT, dataset_title TEXT, task TEXT, dataset_params TEXT,
    dataset_archived INTEGER, dataset_fingerprint TEXT,
    model_name TEXT, model_summary TEXT, n_params BIGINT,
    spec TEXT, config TEXT, history TEXT,
    state TEXT, message TEXT,
    test_loss {real}, test_metric {real}, metric_name TEXT, loss_label TEXT, seconds {real},
    baselines TEXT, units TEXT, owner TEXT
);
CREATE TABLE IF NOT EXISTS shares (
    token TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    created {real} NOT NULL
);
CREATE INDEX IF NOT EXISTS shares_by_run ON shares (run_id);
"""


Row = Mapping[str, Any]


class RunDatabase(Protocol):
    """What the run store needs from a database."""

    kind: str  # "sqlite" or "postgresql"

    def write(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement in its own transaction; return the number of rows it changed."""

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Rows as mappings from column name to value."""


def _failure(action: str, error: BaseException) -> RunDatabaseError:
    LOG.warning("run database: %s failed: %r", action, error)
    return RunDatabaseError(Message("msg.server.no_answer", kind=type(error).__name__))


class SqliteDatabase:
    """`runs.sqlite` in the workspace folder, in WAL mode so readers never wait for a writer."""

    kind = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.file = folder / DATABASE_FILE
        try:
            self._set_up()
        except sqlite3.Error as error:
            raise _failure("setting up", error) from None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # autocommit mode: every write opens its own short BEGIN IMMEDIATE transaction.
        db = sqlite3.connect(self.file, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.row_factory = sqlite3.Row
            yield db
        finally:
            db.close()

    def _set_up(self) -> None:
        """Create a new database's tables and switch it to WAL mode (once; both persist).

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
                            db.executescript(_schema("REAL"))
                            have = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
                            for column, kind in _ADDED_COLUMNS.items():
                                if column not in have:
                                    db.execute(f"ALTER TABLE runs ADD COLUMN {column} {kind}")
                            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    return
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)

    def write(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            with self._connect() as db:
                db.execute("BEGIN IMMEDIATE")  # take the write lock now: no upgrade deadlocks
                try:
                    changed = db.execute(sql, tuple(params)).rowcount
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as error:
            raise _failure("writing", error) from None
        return changed

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            with self._connect() as db:
                return [dict(row) for row in db.execute(sql, tuple(params)).fetchall()]
        except sqlite3.Error as error:
            raise _failure("reading", error) from None


class PostgresDatabase:
    """The `runs` and `shares` tables in a PostgreSQL database that several replicas share."""

    kind = "postgresql"

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            import psycopg  # noqa: F401 - only servers configured for PostgreSQL need it
        except ImportError:
            raise RunDatabaseError(Message("msg.server.no_psycopg")) from None
        self._set_up()

    @contextmanager
    def _connect(self, action: str) -> Iterator[Any]:
        import psycopg
        from psycopg.rows import dict_row

        try:
            with psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT_SECONDS, row_factory=dict_row) as db:
                yield db  # committed when the block ends without an error, rolled back otherwise
        except psycopg.Error as error:
            raise _failure(action, error) from None

    def _set_up(self) -> None:
        """Create the tables, once per process (replicas starting together take turns on an advisory lock)."""
        if self.url in _READY_URLS:
            return
        with self._connect("setting up") as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_SET_UP_ADVISORY_LOCK,))
            db.execute(_schema("DOUBLE PRECISION"))
            for column, kind in _ADDED_COLUMNS.items():
                db.execute(f"ALTER TABLE runs ADD COLUMN IF NOT EXISTS {column} {kind}")
        _READY_URLS.add(self.url)

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")  # the store's SQL holds no other question mark or percent sign

    def write(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._connect("writing") as db:
            return db.execute(self._sql(sql), tuple(params)).rowcount

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._connect("reading") as db:
            return list(db.execute(self._sql(sql), tuple(params)).fetchall())


def open_database(folder: Path, url: str | None) -> RunDatabase:
    """PostgreSQL when a `postgresql://` URL is given, else the workspace's SQLite file."""
    if url:
        if not url.startswith(("postgresql://", "postgres://")):
            raise RunDatabaseError(Message("msg.server.bad_url"))
        return PostgresDatabase(url)
    return SqliteDatabase(folder)
