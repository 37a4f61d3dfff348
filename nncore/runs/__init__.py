"""Saved runs: a run store (SQLite or PostgreSQL + `.keras` files), comparisons, and safe model import.

Importing this package imports neither TensorFlow nor Streamlit; loading a model does.
"""

from nncore.runs.record import COMPLETE, INCOMPLETE, MISSING_FILES, SAVING, RunRecord
from nncore.runs.errors import RunDatabaseError, RunKeptLocallyError, RunStoreError
from nncore.runs.store import RunStore
from nncore.runs.workspace import DATABASE_URL_ENV, WORKSPACE_ENV, database_url, workspace_path

__all__ = [
    "COMPLETE",
    "INCOMPLETE",
    "MISSING_FILES",
    "SAVING",
    "DATABASE_URL_ENV",
    "WORKSPACE_ENV",
    "RunDatabaseError",
    "RunKeptLocallyError",
    "RunRecord",
    "RunStore",
    "RunStoreError",
    "database_url",
    "workspace_path",
]
