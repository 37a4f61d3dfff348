"""What a run is called in exported files and their names."""

from __future__ import annotations

import re
from typing import Any


def run_title(run: Any) -> str:
    """The run's name if the run store gave it one, else "<model> on <dataset>"."""
    extra = getattr(run, "extra", None) or {}
    name = extra.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    from nncore.runs.record import model_title

    model = model_title(run.spec) if getattr(run, "spec", None) is not None else "model"
    return f"{model} on {run.dataset.title}"


def file_stem(run: Any) -> str:
    """A safe file name stem for the run's downloads ("small_mlp-circles")."""
    extra = getattr(run, "extra", None) or {}
    name = extra.get("name")
    model = run.spec.name if getattr(run, "spec", None) is not None else "model"
    text = name if isinstance(name, str) and name.strip() else f"{model}-{run.dataset.key}"
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._-")
    return stem[:80] or "run"
