"""The trained model as the bytes of a `.keras` file."""

from __future__ import annotations

import os
import tempfile
from typing import Any


def model_bytes(model: Any) -> bytes:
    """Save `model` in Keras's `.keras` format and return the file's bytes.

    Keras saves to a path only, so the file goes through a private temporary folder that is
    removed afterwards (two sessions exporting at once never share a file).
    """
    if not hasattr(model, "save"):
        raise TypeError(f"Expected a Keras model to save. Received: {type(model).__name__}")
    with tempfile.TemporaryDirectory(prefix="nnexplorer-export-") as folder:
        path = os.path.join(folder, "model.keras")
        model.save(path)
        with open(path, "rb") as handle:
            return handle.read()
