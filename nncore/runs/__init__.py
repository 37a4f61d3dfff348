"""Saved runs: a run store (SQLite + `.keras` files), comparisons, and safe model import.

Importing this package imports neither TensorFlow nor Streamlit; loading a model does.
"""

from nncore.runs.record import COMPLETE, INCOMPLETE, MISSING_FILES, SAVING, RunRecord
from nncore.runs.store import RunStore, RunStoreError
from nncore.runs.workspace import WORKSPACE_ENV, workspace_path

__all__ = [
    "COMPLETE",
    "INCOMPLETE",
    "MISSING_FILES",
    "SAVING",
    "WORKSPACE_ENV",
    "RunRecord",
    "RunStore",
    "RunStoreError",
    "workspace_path",
]
