"""The one door to the framework under Keras: names forwarded to the backend Keras runs on.

Everything else in nncore speaks Keras 3 and imports its few framework-level functions from
here (`from nncore.backend import CompiledTrainer`). Keras runs on one backend per process,
fixed when it is first imported (`KERAS_BACKEND`; TensorFlow unless set). Each name below is
looked up in the implementation for that backend, which are the only modules that touch a
framework directly:
- `nncore.backend_tf`: TensorFlow (`tf.function`, `GradientTape`, `tf.distribute`);
- `nncore.backend_jax`: JAX (`jax.jit`, `jax.grad`, Keras' stateless API), so the core also
  runs where TensorFlow is not installed.
Both have the same functions with the same contracts: `load_keras`, `configure_devices`,
`distribution_strategy`, `device_info`, `CompiledTrainer`, `compiled_predict`,
`tape_gradients_tiny_mlp`, the gradient functions for explanations and the inspect helpers.

Importing this module imports no framework: the home page renders before one loads.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# TensorFlow reads these when it is first imported, and Keras reads KERAS_BACKEND when it is;
# set them before anything imports either.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("ABSL_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

# Rows per compiled call when evaluating or predicting: bounded memory on big inputs.
EVAL_BATCH = 2048

IMPLEMENTATIONS = {"tensorflow": "nncore.backend_tf", "jax": "nncore.backend_jax"}

# The names each implementation provides (forwarded by `__getattr__` below).
FORWARDED = (
    "configure_devices",
    "devices_ready",
    "distribution_strategy",
    "device_info",
    "CompiledTrainer",
    "compiled_predict",
    "tape_gradients_tiny_mlp",
    "compiled_output_gradients",
    "conv_activations_and_gradients",
    "compiled_multi_output",
    "compiled_outputs_and_gradient_norms",
    "input_ascent",
)

if TYPE_CHECKING:  # for readers and type checkers: the names as the TensorFlow module has them
    from nncore.backend_tf import (  # noqa: F401
        CompiledTrainer,
        compiled_multi_output,
        compiled_output_gradients,
        compiled_outputs_and_gradient_norms,
        compiled_predict,
        configure_devices,
        conv_activations_and_gradients,
        devices_ready,
        device_info,
        distribution_strategy,
        input_ascent,
        tape_gradients_tiny_mlp,
    )


__all__ = [
    "EVAL_BATCH", "DeviceInfo", "keras_backend", "implementation", "load_keras", "load_tensorflow",
    "configure_devices", "devices_ready", "distribution_strategy", "device_info", "CompiledTrainer", "compiled_predict",
    "tape_gradients_tiny_mlp", "compiled_output_gradients", "conv_activations_and_gradients",
    "compiled_multi_output", "compiled_outputs_and_gradient_norms", "input_ascent",
]


@dataclass(frozen=True)
class DeviceInfo:
    kind: str  # "GPU" or "CPU"
    name: str  # e.g. "NVIDIA H100 80GB HBM3" or "CPU"
    count: int

    @property
    def label(self) -> str:
        if self.kind == "GPU":
            suffix = f" x{self.count}" if self.count > 1 else ""
            return f"GPU: {self.name}{suffix}"
        return "CPU (no GPU found)"


def keras_backend() -> str:
    """The backend Keras runs on in this process ("tensorflow" or "jax").

    Keras' own answer once it is imported; before that, the one it will pick up.
    """
    keras = sys.modules.get("keras")
    backend = getattr(keras, "backend", None)
    if backend is not None and hasattr(backend, "backend"):
        return backend.backend()
    return os.environ.get("KERAS_BACKEND", "tensorflow")


def implementation() -> Any:
    """The module implementing this backend (imported on first use; it imports no framework
    until one of its functions runs)."""
    name = keras_backend()
    if name not in IMPLEMENTATIONS:
        raise RuntimeError(f"Expected KERAS_BACKEND to be one of {sorted(IMPLEMENTATIONS)}. Received: {name!r}")
    return importlib.import_module(IMPLEMENTATIONS[name])


def load_keras() -> None:
    """Import Keras once per process on the configured backend, quietly: what code that uses
    `keras` directly (model building, run files, inspection) calls first."""
    implementation().load_keras()


def load_tensorflow() -> None:
    """Import TensorFlow and Keras once per process, quietly (TensorFlow-only code and tests;
    code meant for any backend calls `load_keras`)."""
    from nncore.backend_tf import load_tensorflow as load

    load()


def __getattr__(name: str) -> Any:
    # PEP 562: `from nncore.backend import CompiledTrainer` lands here and gets the backend's own.
    if name in FORWARDED:
        return getattr(implementation(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
