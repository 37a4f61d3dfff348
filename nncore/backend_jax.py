"""nncore's backend under JAX (`KERAS_BACKEND=jax`): the same functions as `backend_tf`.

`nncore.backend` picks this module when Keras runs on JAX; callers never import it directly.
It imports no TensorFlow, so the core trains, evaluates and explains where only JAX is
installed.

JAX has no mutable variables inside compiled code, so everything compiled here goes through
Keras 3's stateless API: `model.stateless_call(trainable, non_trainable, x)` and
`optimizer.stateless_apply(optimizer_vars, grads, trainable)` take the variables' values as
arguments and return new ones. Each call reads the values from the model at call time (so a
model changed elsewhere, for example by early stopping's `set_weights`, is seen) and training
writes them back after each call (so `get_weights`, live views and saving see the result).

`jax.jit` compiles once per input shape, where `tf.function` with a `None` dimension traces
once, and XLA's compilations cost seconds on a CPU. So shapes are kept few: a chunk's rows are
padded to an epoch's number of batches, epochs run in blocks of EPOCH_BLOCK, an epoch's last,
smaller batch is padded to a full one and masked (unless batch normalization mixes examples),
and the examples an explainer sends are padded to a power of two; padding is masked or
dropped. Compiled programs are kept in JAX's compilation cache, so a job that repeats an
architecture on the same data shapes does not compile again.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
import threading
from typing import Any, Callable

import numpy as np

from nncore.backend_env import EVAL_BATCH, DeviceInfo

# Where compiled programs are cached (default: a folder in the system's temporary directory).
JAX_CACHE_ENV = "NNX_JAX_CACHE_DIR"

# Epochs per compiled call of `train_epochs` (short epochs only reach it; see EpochLoop).
EPOCH_BLOCK = 16

_setup_lock = threading.Lock()
_devices_ready = False


def load_keras() -> None:
    """Import Keras on JAX. Fails with a clear message if Keras was set up for another backend."""
    # JAX otherwise takes 75% of a GPU's memory at its first allocation; several sessions of
    # the app share one GPU (TensorFlow's memory growth, in backend_tf, is the same idea).
    os.environ.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")
    import keras

    if keras.backend.backend() != "jax":
        raise RuntimeError(
            f"Expected Keras to run on JAX (KERAS_BACKEND=jax set before Keras is first imported). "
            f"Received: Keras backend {keras.backend.backend()!r}"
        )


def devices_ready() -> bool:
    """True once `configure_devices` has finished (the framework is loaded and set up)."""
    return _devices_ready


def configure_devices() -> None:
    """Import Keras on JAX and turn on JAX's compilation cache, once per process.

    XLA compiles each training job's step functions (about 1-4 s on a CPU, several per job),
    and every job builds new ones; the same architecture on the same data shapes compiles to
    the same program, which the cache (keyed by the program, kept on disk) then skips.
    """
    global _devices_ready
    with _setup_lock:
        if _devices_ready:
            return
        load_keras()
        import jax

        if not jax.config.jax_compilation_cache_dir:  # a cache the user set up wins
            folder = os.environ.get(JAX_CACHE_ENV) or os.path.join(tempfile.gettempdir(), "nnexplorer-jax-cache")
            jax.config.update("jax_compilation_cache_dir", folder)
            jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.2)
            if importlib.util.find_spec("filelock") is not None:  # JAX needs it to enforce a size
                # Least recently used programs go first past this size (a few hundred kB each).
                jax.config.update("jax_compilation_cache_max_size", 256 * 2**20)
        _devices_ready = True


def distribution_strategy() -> Any:
    """Always None under JAX: `tf.distribute` is TensorFlow's; multi-device JAX training (Keras'
    `keras.distribution` data parallelism) is not wired in, so training uses one device."""
    return None


def device_info() -> DeviceInfo:
    configure_devices()
    import jax

    gpus = [d for d in jax.devices() if d.platform == "gpu"]
    if not gpus:
        return DeviceInfo("CPU", "CPU", 1)
    return DeviceInfo("GPU", gpus[0].device_kind, len(gpus))


def _bucket(count: int, floor: int = 1) -> int:
    """The next power of two at or above `count` (at least `floor`)."""
    return max(floor, 1 << max(0, int(count) - 1).bit_length())


def _pad_rows(array: Any, rows: int) -> Any:
    """`array` with zero rows appended up to `rows` (a device array stays on the device)."""
    if len(array) == rows:
        return array
    if isinstance(array, np.ndarray):
        return np.concatenate([array, np.zeros((rows - len(array), *array.shape[1:]), dtype=array.dtype)])
    import jax.numpy as jnp

    return jnp.concatenate([array, jnp.zeros((rows - len(array), *array.shape[1:]), dtype=array.dtype)])


def _layers(parent: Any):
    for layer in getattr(parent, "layers", ()):
        yield layer
        yield from _layers(layer)


def _rows_independent(model: Any) -> bool:
    """True when no layer mixes the examples of a batch in training (batch normalization does)."""
    return not any("BatchNorm" in type(layer).__name__ for layer in _layers(model))


def _steps_one_call_each(model: Any) -> bool:
    """True where a loop of compiled steps inside one call is slower than a call per step.

    XLA on CPU runs convolutions inside a compiled loop about 3x slower than the same step
    compiled alone (LeNet on 28x28 digits: 100 steps in 1.10 s in a loop, 0.35 s one call
    each), so convolutional models on CPU take one compiled call per step, as `fit` does.
    Dense models gain from the loop (fewer calls), and GPUs run loops well.
    """
    import jax

    return jax.default_backend() == "cpu" and any("Conv" in type(layer).__name__ for layer in _layers(model))


def _values(variables: list[Any]) -> list[Any]:
    return [v.value for v in variables]


def _assign(variables: list[Any], values: list[Any]) -> None:
    for variable, value in zip(variables, values):
        variable.assign(value)


def _forward(model: Any, trainable: list[Any], non_trainable: list[Any], x: Any) -> Any:
    return model.stateless_call(trainable, non_trainable, x, training=False)[0]


class CompiledTrainer:
    """Compiled training and evaluation for one model, optimizer, objective and batch size.

    The contract of `backend_tf.CompiledTrainer`: `train_chunk(x, y, rows)` runs one optimizer
    step per row of `rows` and returns the sums of batch-size-weighted losses (regularization
    penalty included) and per-example metrics; `train_epochs(x, y, x_val, y_val, orders)` runs
    one epoch per row of `orders` and returns (loss, metric, val_loss, val_metric) per epoch.
    Each is one compiled call: the steps run in a `jax.lax.fori_loop`.
    """

    def __init__(
        self, model: Any, optimizer: Any, objective: Any, x_spec: Any, y_spec: Any, batch_size: int = 32,
        strategy: Any = None, class_weight: np.ndarray | None = None,
    ) -> None:
        if strategy is not None:
            raise ValueError(f"Expected strategy=None under JAX (see distribution_strategy). Received: {strategy!r}")
        configure_devices()
        self.replicas = 1
        self.model = model
        self.optimizer = optimizer
        optimizer.build(model.trainable_variables)
        n_train = int(x_spec.shape[0])
        self._batch = max(1, min(int(batch_size), n_train))
        self._chunk_rows = _bucket(n_train // self._batch)
        # The last, smaller batch of an epoch padded to a full one and masked: one compiled
        # step instead of two. Only where examples do not interact in training (batch
        # normalization's batch statistics would see the padding).
        self._pad_last_batch = _rows_independent(model)
        self._step_by_step = _steps_one_call_each(model)
        self._compile(model, optimizer, objective, n_train, batch_size, class_weight)

    def _compile(self, model, optimizer, objective, n_train, batch_size, class_weight=None) -> None:
        import jax
        import jax.numpy as jnp

        # Class weights as Keras applies `class_weight` (see backend_tf); validation unweighted.
        weights = None if class_weight is None else jnp.asarray(np.asarray(class_weight, dtype=np.float32))

        batch = max(1, min(int(batch_size), n_train))
        full_batches = n_train // batch

        def loss_and_aux(trainable, non_trainable, xb, yb, mask, size):
            pred, non_trainable, losses = model.stateless_call(
                trainable, non_trainable, xb, training=True, return_losses=True
            )
            penalty = sum(losses) if losses else 0.0
            weighted = mask if weights is None else mask * jnp.take(weights, jnp.reshape(yb, (-1,)).astype(jnp.int32))
            loss = jnp.sum(objective.per_example_loss(yb, pred) * weighted) / size + penalty
            return loss, (non_trainable, jnp.sum(objective.per_example_metric(yb, pred) * mask))

        value_and_grad = jax.value_and_grad(loss_and_aux, has_aux=True)

        def step(state, x, y, index, size):
            """One optimizer step on the first `size` examples of `index` (the rest is padding)."""
            trainable, non_trainable, opt_vars = state
            xb, yb = jnp.take(x, index, axis=0), jnp.take(y, index, axis=0)
            mask = (jnp.arange(index.shape[0]) < size).astype(jnp.float32)
            size = size.astype(jnp.float32)
            (loss, (non_trainable, metric)), grads = value_and_grad(trainable, non_trainable, xb, yb, mask, size)
            trainable, opt_vars = optimizer.stateless_apply(opt_vars, grads, trainable)
            return (trainable, non_trainable, opt_vars), loss * size, metric

        def run_rows(state, x, y, rows, sizes, count, loss_sum, metric_sum):
            """One optimizer step for each of the first `count` rows of `rows`."""

            def body(i, carry):
                state, loss_sum, metric_sum = carry
                state, loss, metric = step(state, x, y, rows[i], sizes[i])
                return state, loss_sum + loss, metric_sum + metric

            return jax.lax.fori_loop(0, count, body, (state, loss_sum, metric_sum))

        def sums(trainable, non_trainable, x, y, mask):
            """Masked sums of loss and metric over `x`, and the regularization penalty."""
            pred, _, losses = model.stateless_call(trainable, non_trainable, x, training=False, return_losses=True)
            penalty = sum(losses) if losses else jnp.float32(0.0)
            return (
                jnp.sum(objective.per_example_loss(y, pred) * mask),
                jnp.sum(objective.per_example_metric(y, pred) * mask),
                jnp.asarray(penalty, jnp.float32),
            )

        zero = jnp.float32(0.0)

        @jax.jit
        def train_chunk(state, x, y, rows, sizes, count):
            return run_rows(state, x, y, rows, sizes, count, zero, zero)

        rest = n_train % batch
        pad_last = self._pad_last_batch

        @jax.jit
        def train_epochs(state, x, y, x_val, y_val, orders, count):
            n_val = x_val.shape[0]
            val_mask = jnp.ones((n_val,), jnp.float32)

            def epoch(e, carry):
                state, results = carry
                order = orders[e]
                if pad_last and rest:  # one loop; the last row padded up to a full batch
                    rows = jnp.concatenate([order, jnp.zeros((batch - rest,), order.dtype)]).reshape(full_batches + 1, batch)
                    sizes = jnp.full((full_batches + 1,), batch, jnp.int32).at[-1].set(rest)
                    state, loss_sum, metric_sum = run_rows(state, x, y, rows, sizes, full_batches + 1, zero, zero)
                else:
                    rows = order[: full_batches * batch].reshape(full_batches, batch)
                    sizes = jnp.full((full_batches,), batch, jnp.int32)
                    state, loss_sum, metric_sum = run_rows(state, x, y, rows, sizes, full_batches, zero, zero)
                    if rest:  # the last, smaller batch at its own size (a trace-time constant)
                        last = order[full_batches * batch :][None, :]
                        state, loss_sum, metric_sum = run_rows(
                            state, x, y, last, jnp.full((1,), rest, jnp.int32), 1, loss_sum, metric_sum
                        )
                val_loss, val_metric, penalty = sums(state[0], state[1], x_val, y_val, val_mask)
                row = jnp.stack([loss_sum / n_train, metric_sum / n_train, val_loss / n_val + penalty, val_metric / n_val])
                return state, results.at[e].set(row)

            results = jnp.zeros((orders.shape[0], 4), jnp.float32)
            return jax.lax.fori_loop(0, count, epoch, (state, results))

        self._train_chunk = train_chunk
        self._train_epochs = train_epochs
        self._sums = jax.jit(sums)
        def step_adding(state, loss_sum, metric_sum, x, y, index, size):
            state, loss, metric = step(state, x, y, index, size)
            return state, loss_sum + loss, metric_sum + metric

        self._step_adding = jax.jit(step_adding)
        self._n_train = n_train

    # --- the model's variables in and out of the compiled calls --------------------------
    def _state(self) -> tuple[list[Any], list[Any], list[Any]]:
        return (
            _values(self.model.trainable_variables),
            _values(self.model.non_trainable_variables),
            _values(self.optimizer.variables),
        )

    def _write_back(self, state) -> None:
        trainable, non_trainable, opt_vars = state
        _assign(self.model.trainable_variables, trainable)
        _assign(self.model.non_trainable_variables, non_trainable)
        _assign(self.optimizer.variables, opt_vars)

    def to_device(self, array: np.ndarray):
        import jax.numpy as jnp

        return jnp.asarray(array)

    def _run_rows_step_by_step(self, state, x, y, rows: np.ndarray, size: int):
        """One compiled call per optimizer step (see `_steps_one_call_each`); the sums stay on
        the device, so nothing waits for a step to finish before the next is queued."""
        import jax.numpy as jnp

        loss_sum = metric_sum = jnp.float32(0.0)
        if size < self._batch and self._pad_last_batch:  # one compiled shape for every step
            rows = np.pad(rows, ((0, 0), (0, self._batch - size)))
        size = np.int32(size)
        for index in rows:
            state, loss_sum, metric_sum = self._step_adding(state, loss_sum, metric_sum, x, y, index, size)
        return state, loss_sum, metric_sum

    def _epochs_step_by_step(self, x, y, x_val, y_val, orders: np.ndarray) -> np.ndarray:
        n_train, batch = self._n_train, self._batch
        full = n_train // batch
        val_mask = np.ones(len(x_val), dtype=np.float32)
        state, results = self._state(), []
        for order in orders:
            state, loss_sum, metric_sum = self._run_rows_step_by_step(state, x, y, order[: full * batch].reshape(full, batch), batch)
            if n_train % batch:
                state, loss, metric = self._run_rows_step_by_step(state, x, y, order[full * batch :][None, :], n_train % batch)
                loss_sum, metric_sum = loss_sum + loss, metric_sum + metric
            val_loss, val_metric, penalty = self._sums(state[0], state[1], x_val, y_val, val_mask)
            n_val = len(x_val)
            results.append([loss_sum / n_train, metric_sum / n_train, val_loss / n_val + penalty, val_metric / n_val])
        self._write_back(state)
        return np.asarray([[float(v) for v in row] for row in results], dtype=np.float32).reshape(-1, 4)

    def train_chunk(self, x, y, rows: np.ndarray) -> tuple[float, float]:
        rows = np.asarray(rows, dtype=np.int32)
        if self._step_by_step:
            state, loss_sum, metric_sum = self._run_rows_step_by_step(self._state(), x, y, rows, rows.shape[1])
            self._write_back(state)
            return float(loss_sum), float(metric_sum)
        count, size = rows.shape
        sizes = np.full(count, size, dtype=np.int32)
        if size < self._batch and self._pad_last_batch:
            rows = np.pad(rows, ((0, 0), (0, self._batch - size)))
        # Always as many rows as an epoch has batches: the chunk size changes from call to
        # call (it follows the measured speed) and each new shape would compile again.
        padded = _pad_rows(rows, max(self._chunk_rows, _bucket(count)))
        sizes = _pad_rows(sizes, len(padded))
        state, loss_sum, metric_sum = self._train_chunk(self._state(), x, y, padded, sizes, np.int32(count))
        self._write_back(state)
        return float(loss_sum), float(metric_sum)

    def train_epochs(self, x, y, x_val, y_val, orders: np.ndarray) -> np.ndarray:
        """Rows of (loss, metric, val_loss, val_metric), one per epoch in `orders`."""
        orders = np.asarray(orders, dtype=np.int32)
        if self._step_by_step:
            return self._epochs_step_by_step(x, y, x_val, y_val, orders)
        state, results = self._state(), []
        # Blocks of EPOCH_BLOCK epochs (the last one padded): one shape, so one compilation
        # per job however many epochs each call asks for.
        for start in range(0, len(orders), EPOCH_BLOCK):
            block = orders[start : start + EPOCH_BLOCK]
            state, rows = self._train_epochs(state, x, y, x_val, y_val, _pad_rows(block, EPOCH_BLOCK), np.int32(len(block)))
            results.append(np.asarray(rows)[: len(block)])
        self._write_back(state)
        return np.concatenate(results) if results else np.zeros((0, 4), dtype=np.float32)

    def evaluate(self, x, y) -> tuple[float, float]:
        """Mean loss (with the regularization penalty, as during training) and mean metric."""
        n = len(x)
        if n == 0:
            return float("nan"), float("nan")
        trainable, non_trainable, _ = self._state()
        loss_sum = metric_sum = penalty = 0.0
        for start in range(0, n, EVAL_BATCH):
            xb, yb = x[start : start + EVAL_BATCH], y[start : start + EVAL_BATCH]
            rows = _bucket(len(xb), 8)
            mask = (np.arange(rows) < len(xb)).astype(np.float32)
            loss, metric, penalty = self._sums(trainable, non_trainable, _pad_rows(xb, rows), _pad_rows(yb, rows), mask)
            loss_sum += float(loss)
            metric_sum += float(metric)
        return loss_sum / n + float(penalty), metric_sum / n


def _batched(call: Callable[[np.ndarray], Any], x: np.ndarray) -> list[Any]:
    """`call` on padded slices of at most EVAL_BATCH rows; each result cut back to its rows."""
    parts = []
    for start in range(0, len(x), EVAL_BATCH):
        part = x[start : start + EVAL_BATCH]
        out = call(_pad_rows(part, _bucket(len(part), 8)))
        parts.append([np.asarray(o)[: len(part)] for o in out] if isinstance(out, (list, tuple)) else np.asarray(out)[: len(part)])
    return parts


def compiled_predict(model: Any) -> Callable[[np.ndarray], np.ndarray]:
    """A fast, batched `x -> model(x)` for code that calls the model many times (explainers).

    One compiled function per model; it takes the model's current weights as arguments.
    """
    configure_devices()
    import jax

    forward = jax.jit(lambda trainable, non_trainable, x: _forward(model, trainable, non_trainable, x))

    def predict(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32)
        trainable, non_trainable = _values(model.trainable_variables), _values(model.non_trainable_variables)
        outputs = _batched(lambda part: forward(trainable, non_trainable, part), x)
        return np.concatenate(outputs) if outputs else np.zeros((0,), dtype=np.float32)

    return predict


# --- gradients for explanations (nncore.explain.gradients wraps these) ---------------------


def compiled_output_gradients(model: Any) -> Callable[[np.ndarray, int], np.ndarray]:
    """A fast, batched `(x, output_index) -> d model(x)[:, output_index] / d x`.

    One compiled function per model and padded batch size (the output index is an argument,
    so changing it does not recompile).
    """
    configure_devices()
    import jax
    import jax.numpy as jnp

    def chosen(x, trainable, non_trainable, index):
        out = _forward(model, trainable, non_trainable, x)
        out = out.reshape(out.shape[0], -1)
        # Rows are independent, so the gradient of the sum is each row's own gradient.
        return jnp.sum(jnp.take(out, index, axis=1))

    gradients = jax.jit(jax.grad(chosen))

    def call(x: np.ndarray, output_index: int) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32)
        trainable, non_trainable = _values(model.trainable_variables), _values(model.non_trainable_variables)
        index = np.int32(output_index)
        parts = _batched(lambda part: gradients(part, trainable, non_trainable, index), x)
        return np.concatenate(parts) if parts else np.zeros_like(x)

    return call


def conv_activations_and_gradients(model: Any, x: np.ndarray, layer_name: str, output_index: int) -> tuple[np.ndarray, np.ndarray]:
    """The named layer's activations for `x` and the gradient of output `output_index` w.r.t. them.

    JAX differentiates functions, not recorded tapes, so the model is cut in two at the layer:
    a functional model from the input to the layer and one from the layer's output on (Keras
    3 builds a model from an intermediate tensor), and the second is differentiated.
    """
    configure_devices()
    import jax
    import jax.numpy as jnp
    import keras

    layer = model.get_layer(layer_name)
    inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs  # a single input: no structure warning
    head = keras.Model(inputs, layer.output)
    tail = keras.Model(layer.output, model.outputs[0])
    activations = np.asarray(head(np.asarray(x, dtype=np.float32), training=False))
    trainable, non_trainable = _values(tail.trainable_variables), _values(tail.non_trainable_variables)

    def chosen(a):
        out = _forward(tail, trainable, non_trainable, a)
        return jnp.sum(out.reshape(out.shape[0], -1)[:, int(output_index)])

    return activations, np.asarray(jax.grad(chosen)(jnp.asarray(activations)))


# --- inside the network (inspect) ----------------------------------------------------------


def compiled_multi_output(model: Any) -> Callable[[np.ndarray], list[np.ndarray]]:
    """A fast, batched `x -> [each output of model(x)]` for a model with several outputs."""
    configure_devices()
    import jax

    def forward(trainable, non_trainable, x):
        out = _forward(model, trainable, non_trainable, x)
        return list(out) if isinstance(out, (list, tuple)) else [out]

    forward = jax.jit(forward)

    def call(x: np.ndarray) -> list[np.ndarray]:
        x = np.asarray(x, dtype=np.float32)
        trainable, non_trainable = _values(model.trainable_variables), _values(model.non_trainable_variables)
        parts = _batched(lambda part: forward(trainable, non_trainable, part), x)
        return [np.concatenate(column) for column in zip(*parts)]

    return call


def compiled_outputs_and_gradient_norms(
    probe: Any, variables: list[Any], output_index: int, per_example_loss: Callable[[Any, Any], Any], compile: bool = True
) -> Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, list[np.ndarray]]]:
    """`(x, y) -> (gradient norms, probe outputs)`: the L2 norm of d mean loss / d v for each of
    `variables` and every output of the multi-output `probe` (see backend_tf's version).

    `variables` are the model's trainable variables, which the probe shares; their values are
    put in place with a `keras.StatelessScope` so `jax.grad` can differentiate with respect to
    them.
    """
    configure_devices()
    import jax
    import jax.numpy as jnp
    import keras

    ids = {id(v) for v in variables}
    others = [v for v in probe.variables if id(v) not in ids]

    def loss_and_outputs(values, other_values, x, y):
        with keras.StatelessScope(state_mapping=list(zip(variables, values)) + list(zip(others, other_values))):
            outputs = probe(x, training=False)
        outputs = list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]
        return jnp.mean(per_example_loss(y, outputs[output_index])), outputs

    def run(values, other_values, x, y):
        grads, outputs = jax.grad(loss_and_outputs, has_aux=True)(values, other_values, x, y)
        norms = jnp.stack([jnp.linalg.norm(g) for g in grads]) if grads else jnp.zeros((0,))
        return norms, outputs

    # Always compiled: `compile=False` is TensorFlow's trade-off (eager: no trace to pay for).
    # Eager JAX differentiation dispatches op by op and costs more than compiling (measured:
    # 1.3 s against 0.8 s for the first record of a small MLP), so `compile` is ignored here.
    run = jax.jit(run)

    def call(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
        norms, outputs = run(_values(variables), _values(others), x, y)
        return np.asarray(norms), [np.asarray(o) for o in outputs]

    return call


def input_ascent(
    model: Any, shape: tuple[int, ...], unit: int, steps: int, learning_rate: float, l2: float, blur_every: int, jitter: int, seed: int
) -> np.ndarray:
    """Gradient ascent on one input (shape (H, W, C)) to maximise `model(x)[0, unit]`; the
    same regularised ascent as backend_tf's (L2 pull, jitter, a 3x3 blur every few steps)."""
    configure_devices()
    import jax
    import jax.numpy as jnp

    rng = np.random.default_rng(seed)
    x = jnp.asarray(0.5 + 0.01 * rng.standard_normal((1, *shape)).astype(np.float32))
    channels = shape[-1]
    blur = np.outer([1, 2, 1], [1, 2, 1]).astype(np.float32) / 16.0
    kernel = jnp.asarray(np.tile(blur[:, :, None, None], (1, 1, 1, channels)))  # HWIO, one group per channel
    trainable, non_trainable = _values(model.trainable_variables), _values(model.non_trainable_variables)

    def objective(x, shift_y, shift_x, trainable, non_trainable):
        shifted = jnp.roll(x, (shift_y, shift_x), axis=(1, 2))
        score = _forward(model, trainable, non_trainable, shifted).reshape(-1)[unit]
        return score - l2 * jnp.sum(jnp.square(x - 0.5))

    @jax.jit
    def step(x, shift_y, shift_x, trainable, non_trainable):
        grad = jax.grad(objective)(x, shift_y, shift_x, trainable, non_trainable)
        grad = grad / (jnp.sqrt(jnp.mean(jnp.square(grad))) + 1e-8)
        return jnp.clip(x + learning_rate * grad, 0.0, 1.0)

    @jax.jit
    def smooth(x):
        return jax.lax.conv_general_dilated(
            x, kernel, (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"), feature_group_count=channels
        )

    for i in range(steps):
        dy, dx = rng.integers(-jitter, jitter + 1, size=2) if jitter else (0, 0)
        x = step(x, np.int32(dy), np.int32(dx), trainable, non_trainable)
        if blur_every and (i + 1) % blur_every == 0 and i + 1 < steps:
            x = smooth(x)
    return np.asarray(x)[0]
