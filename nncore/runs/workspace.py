"""Where saved runs live: one folder per user account, or the one `NNX_WORKSPACE` names.

The workspace is shared by everyone using one server, like a project folder: a run saved in
one browser session is listed in every other.
"""

from __future__ import annotations

import os
from pathlib import Path

WORKSPACE_ENV = "NNX_WORKSPACE"
DEFAULT_FOLDER = ".nn_explorer"


def workspace_path() -> Path:
    """`$NNX_WORKSPACE` if set (and not blank), else `~/.nn_explorer`."""
    configured = os.environ.get(WORKSPACE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path.home() / DEFAULT_FOLDER
