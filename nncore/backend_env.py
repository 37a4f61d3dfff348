"""What the backend door (`nncore.backend`) and its two implementations (`backend_tf`,
`backend_jax`) share, in a module that imports nothing of ours.

The implementations import these names from here, not from the door that forwards to them:
the door importing an implementation and the implementation importing the door was a cycle
that held only while neither imported the other at the top.

Also the environment defaults the frameworks read once, when they are first imported, so every
entry point (app.py, the backend modules, tests/conftest.py, bench) sets the same ones by
calling `set_environment_defaults()` before anything imports TensorFlow, JAX or Keras.
Importing this module sets them too, so a backend module that imports it is covered.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

# Read by TensorFlow (and absl) when first imported, by Keras when it is: quiet C++ start-up
# logs (CUDA probing on machines without a GPU), and TensorFlow unless the user chose JAX.
ENVIRONMENT_DEFAULTS = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "ABSL_MIN_LOG_LEVEL": "3",
    "KERAS_BACKEND": "tensorflow",
}

# Rows per compiled call when evaluating or predicting: bounded memory on big inputs.
EVAL_BATCH = 2048


def set_environment_defaults() -> None:
    """Set each of ENVIRONMENT_DEFAULTS that the environment does not set already."""
    for name, value in ENVIRONMENT_DEFAULTS.items():
        os.environ.setdefault(name, value)


@dataclass(frozen=True)
class DeviceInfo:
    """The device a backend trains on, as the sidebar names it."""

    kind: str  # "GPU" or "CPU"
    name: str  # e.g. "NVIDIA H100 80GB HBM3" or "CPU"
    count: int

    @property
    def label(self) -> str:
        if self.kind == "GPU":
            suffix = f" x{self.count}" if self.count > 1 else ""
            return f"GPU: {self.name}{suffix}"
        return "CPU (no GPU found)"


set_environment_defaults()
