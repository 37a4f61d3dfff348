"""Where saved runs live: the workspace folder, and (on a server of several replicas) the database.

Without configuration the workspace is one folder, `~/.nn_explorer` or the one `NNX_WORKSPACE`
names, holding both the runs' metadata (SQLite) and their model files: the embedded default,
for one person on a laptop or one server process. Everyone using that server shares it.

With `NNX_DATABASE_URL=postgresql://...` the metadata lives in PostgreSQL and `NNX_WORKSPACE`
must be a folder every replica mounts (the model files), so replicas behind a proxy share one
run store. A run whose save found the database gone waits in `pending_path()`, on this
machine's own disk, until the database answers again.
"""

from __future__ import annotations

import os
from pathlib import Path

WORKSPACE_ENV = "NNX_WORKSPACE"
DATABASE_URL_ENV = "NNX_DATABASE_URL"
PENDING_ENV = "NNX_PENDING_FOLDER"
QUOTA_ENV = "NNX_WORKSPACE_QUOTA_MB"
DEFAULT_FOLDER = ".nn_explorer"
PENDING_FOLDER = "pending"


def workspace_path() -> Path:
    """`$NNX_WORKSPACE` if set (and not blank), else `~/.nn_explorer`."""
    configured = os.environ.get(WORKSPACE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path.home() / DEFAULT_FOLDER


def database_url() -> str | None:
    """`$NNX_DATABASE_URL` if set (and not blank): the PostgreSQL database for the runs' metadata."""
    return os.environ.get(DATABASE_URL_ENV, "").strip() or None


def pending_path() -> Path:
    """Where runs wait that were saved while the run database was away: `$NNX_PENDING_FOLDER`,
    else `~/.nn_explorer/pending` (this machine's own disk, never the shared folder)."""
    configured = os.environ.get(PENDING_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path.home() / DEFAULT_FOLDER / PENDING_FOLDER


def quota_mb() -> int | None:
    """`$NNX_WORKSPACE_QUOTA_MB`: the most disk one person's saved runs may use (without sign-in,
    all runs of the workspace together); None (no limit) when unset or not a positive number."""
    try:
        value = int(os.environ.get(QUOTA_ENV, "").strip() or 0)
    except ValueError:
        return None
    return value if value > 0 else None
