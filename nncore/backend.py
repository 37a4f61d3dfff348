"""The one door to the framework under Keras: names forwarded to the backend Keras runs on.

Everything else in nncore speaks Keras 3 and imports its few framework-level functions from
here (`from nncore.backend import CompiledTrainer`). Keras runs on one backend per process,
fixed when it is first imported (`KERAS_BACKEND`; TensorFlow unless set). Each name below is
looked up in the implementation for that backend, which are the only modules that touch a
framework directly (besides the neuron lab's cross-check, `nncore.neuron.autodiff_check`):
- `nncore.backend_tf`: TensorFlow (`tf.function`, `GradientTape`, `tf.distribute`);
- `nncore.backend_jax`: JAX (`jax.jit`, `jax.grad`, Keras' stateless API), so the core also
  runs where TensorFlow is not installed.
Both have the same functions with the same signatures, stated below as the `Backend`
Protocol: `load_keras`, `configure_devices`, `distribution_strategy`, `device_info`,
`CompiledTrainer` (a `Trainer`), `compiled_predict`, the gradient functions for explanations
and the inspect helpers. What they share (EVAL_BATCH, DeviceInfo, the environment defaults)
lives in `nncore.backend_env`, which imports nothing of ours: the implementations never import
this module back.

Importing this module imports no framework: the home page renders before one loads.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Protocol

# Importing backend_env sets the environment defaults (TensorFlow's log level, KERAS_BACKEND)
# before anything imports a framework; EVAL_BATCH and DeviceInfo live there so that the two
# implementations need not import this module back.
from nncore.backend_env import EVAL_BATCH, DeviceInfo

if TYPE_CHECKING:
    import numpy as np

IMPLEMENTATIONS = {"tensorflow": "nncore.backend_tf", "jax": "nncore.backend_jax"}


class Trainer(Protocol):
    """What a backend's `CompiledTrainer(...)` is: compiled training and evaluation for one
    model, optimizer, objective and batch size (`nncore.training.loop` drives it)."""

    def __init__(
        self, model: Any, optimizer: Any, objective: Any, x_spec: Any, y_spec: Any, batch_size: int = 32,
        strategy: Any = None, class_weight: np.ndarray | None = None,
    ) -> None: ...

    def to_device(self, array: np.ndarray):
        """The array where the compiled functions read it (a device tensor or the array)."""

    def train_chunk(self, x, y, rows: np.ndarray) -> tuple[float, float]:
        """Train on the batches of `rows`, in order; the chunk's mean loss and metric."""

    def train_epochs(self, x, y, x_val, y_val, orders: np.ndarray) -> np.ndarray:
        """Rows of (loss, metric, val_loss, val_metric), one per epoch in `orders`."""

    def evaluate(self, x, y) -> tuple[float, float]:
        """Mean loss (with the regularization penalty, as during training) and mean metric."""


class Backend(Protocol):
    """The contract of `backend_tf` and `backend_jax`: every name the door forwards, with one
    signature (`tests/test_backend_contract.py` checks both modules against it).
    Written as methods for the type checker; the modules have them as plain functions."""

    CompiledTrainer: type[Trainer]

    def load_keras(self) -> None:
        """Import Keras once per process on this backend, quietly."""

    def configure_devices(self) -> None:
        """Load the framework and set up its devices, once per process."""

    def devices_ready(self) -> bool:
        """True once `configure_devices` has finished."""

    def distribution_strategy(self) -> Any:
        """A strategy to mirror training over several devices, or None for one device."""

    def device_info(self) -> DeviceInfo:
        """The device training runs on."""

    def compiled_predict(self, model: Any) -> Callable[[np.ndarray], np.ndarray]:
        """A fast, batched `x -> model(x)` for code that calls the model many times."""

    def compiled_output_gradients(self, model: Any) -> Callable[[np.ndarray, int], np.ndarray]:
        """A fast, batched `(x, output_index) -> d model(x)[:, output_index] / d x`."""

    def conv_activations_and_gradients(
        self, model: Any, x: np.ndarray, layer_name: str, output_index: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """The named layer's activations for `x` and the gradient of an output w.r.t. them."""

    def compiled_multi_output(self, model: Any) -> Callable[[np.ndarray], list[np.ndarray]]:
        """A fast, batched `x -> [each output of model(x)]` for a model with several outputs."""

    def compiled_outputs_and_gradient_norms(
        self, probe: Any, variables: list[Any], output_index: int, per_example_loss: Callable[[Any, Any], Any],
        compile: bool = True,
    ) -> Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, list[np.ndarray]]]:
        """`(x, y) -> (gradient norms, probe outputs)` in one call (the dynamics recorder)."""

    def input_ascent(
        self, model: Any, shape: tuple[int, ...], unit: int, steps: int, learning_rate: float, l2: float,
        blur_every: int, jitter: int, seed: int,
    ) -> np.ndarray:
        """Gradient ascent on one input to maximise `model(x)[0, unit]`."""


# The names each implementation provides and `__getattr__` below forwards: the contract's
# (load_keras has a wrapper of its own below).
FORWARDED = tuple(
    name for name in [*Backend.__annotations__, *vars(Backend)]
    if not name.startswith("_") and name != "load_keras"
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
    )


__all__ = [
    "EVAL_BATCH", "DeviceInfo", "Backend", "Trainer", "keras_backend", "implementation", "load_keras",
    "load_tensorflow", *FORWARDED,
]


def keras_backend() -> str:
    """The backend Keras runs on in this process ("tensorflow" or "jax").

    Keras' own answer once it is imported; before that, the one it will pick up.
    """
    keras = sys.modules.get("keras")
    backend = getattr(keras, "backend", None)
    if backend is not None and hasattr(backend, "backend"):
        return backend.backend()
    return os.environ.get("KERAS_BACKEND", "tensorflow")


def implementation() -> Backend:
    """The module implementing this backend (imported on first use; it imports no framework
    until one of its functions runs)."""
    name = keras_backend()
    if name not in IMPLEMENTATIONS:
        raise RuntimeError(f"Expected KERAS_BACKEND to be one of {sorted(IMPLEMENTATIONS)}. Received: {name!r}")
    return importlib.import_module(IMPLEMENTATIONS[name])  # type: ignore[return-value]


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
