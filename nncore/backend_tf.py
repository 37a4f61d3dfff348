"""nncore's backend under TensorFlow (`KERAS_BACKEND=tensorflow`, the default).

`nncore.backend` picks this module when Keras runs on TensorFlow; callers never import it
directly (`backend_jax` has the same functions for JAX). With `backend_jax`, the only modules
that touch a framework directly; everything else speaks Keras 3. What lives here: quieting
TensorFlow's start-up logs, GPU set-up (memory growth so several sessions can share a GPU),
naming the device in use, and the compiled training/evaluation functions the training job
calls.

Why our own compiled loop instead of `model.fit`: on small data (a playground's 1,000 points,
batch 10) `fit` spends most of its time in per-epoch and per-step host work; running whole
chunks of steps inside one `tf.function` is about 10x faster there and never slower on big data.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from typing import Any, Callable

import numpy as np

# Importing backend_env sets TensorFlow's environment defaults before anything imports it.
from nncore.backend_env import EVAL_BATCH, DeviceInfo

_setup_lock = threading.Lock()
_import_lock = threading.Lock()
_devices_ready = False
# Held while a training function is traced; see `_trace_forgetting_custom_gradients`.
_trace_lock = threading.Lock()

# Lines TensorFlow's C++ core prints while it loads, before its logging honours
# TF_CPP_MIN_LOG_LEVEL; on a machine without a GPU they read like errors to a user.
_STARTUP_NOISE = re.compile(
    r"oneDNN custom operations|cuda drivers|cudart_stub|absl::InitializeLog|computation_placer|"
    r"cuda_(dnn|fft|blas)|Unable to register cu|TF-TRT|rebuild TensorFlow with the appropriate compiler|"
    r"This TensorFlow binary is optimized"
)


def load_tensorflow() -> None:
    """Import TensorFlow and Keras once per process, without their start-up noise.

    The noise is written straight to file descriptor 2 by C++, so it is captured there; every
    captured line that is not known noise (an error, or another thread's log) is written back.
    """
    if "tensorflow" in sys.modules:
        return
    with _import_lock:
        if "tensorflow" in sys.modules:
            return
        sys.stderr.flush()
        saved = os.dup(2)
        with tempfile.TemporaryFile() as capture:
            os.dup2(capture.fileno(), 2)
            try:
                import keras  # noqa: F401  (imports TensorFlow, the configured backend)
                import tensorflow  # noqa: F401
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
                os.close(saved)
                capture.seek(0)
                kept = [
                    line
                    for line in capture.read().decode("utf-8", "replace").splitlines(keepends=True)
                    if not _STARTUP_NOISE.search(line)
                ]
                sys.stderr.write("".join(kept))


def load_keras() -> None:
    """Import Keras on TensorFlow once per process, quietly (see `load_tensorflow`)."""
    load_tensorflow()


def devices_ready() -> bool:
    """True once `configure_devices` has finished (the framework is loaded and set up)."""
    return _devices_ready


def configure_devices() -> None:
    """Turn on GPU memory growth once per process, before TensorFlow allocates anything."""
    global _devices_ready
    with _setup_lock:
        if _devices_ready:
            return
        load_tensorflow()
        import tensorflow as tf

        # Each training job compiles its own functions by design; TensorFlow's "retracing"
        # heuristic would warn about that on every job.
        tf.get_logger().setLevel("ERROR")
        for gpu in tf.config.list_physical_devices("GPU"):
            try:
                tf.config.experimental.set_memory_growth(gpu, True)
            except RuntimeError:
                # Already initialized by an earlier caller in this process: nothing to change.
                pass
        cpu_replicas = int(os.environ.get(CPU_REPLICAS_ENV, "1") or 1)
        if cpu_replicas > 1:
            # Tests of multi-device training on a machine without GPUs: one CPU as N devices.
            cpu = tf.config.list_physical_devices("CPU")[0]
            tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * cpu_replicas)
        _devices_ready = True


# Split the CPU into this many logical devices (tests of multi-device training without GPUs).
CPU_REPLICAS_ENV = "NNX_CPU_REPLICAS"
_strategy: Any = None


def distribution_strategy() -> Any:
    """A `tf.distribute.MirroredStrategy` when there is more than one device to train on, else None.

    More than one GPU: mirror over the GPUs. No GPU but the CPU split on purpose (NNX_CPU_REPLICAS):
    mirror over the CPU's logical devices. One strategy per process, shared by all jobs.
    """
    global _strategy
    configure_devices()
    import tensorflow as tf

    with _setup_lock:
        if _strategy is None:
            devices = tf.config.list_logical_devices("GPU") or tf.config.list_logical_devices("CPU")
            _strategy = tf.distribute.MirroredStrategy([d.name for d in devices]) if len(devices) > 1 else False
    return _strategy or None


def device_info() -> DeviceInfo:
    configure_devices()
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if not gpus:
        return DeviceInfo("CPU", "CPU", 1)
    details = tf.config.experimental.get_device_details(gpus[0])
    return DeviceInfo("GPU", details.get("device_name", gpus[0].name), len(gpus))


class CompiledTrainer:
    """Compiled training and evaluation for one model, optimizer, objective and batch size.

    Two ways to train, both compiled into single calls so the host (and Python's GIL) is
    touched rarely:
    - `train_chunk(x, y, rows)`: one optimizer step per row of `rows` (an int32 matrix of
      example indices, one row per batch), for long epochs reported in parts;
    - `train_epochs(x, y, x_val, y_val, orders)`: whole epochs, one per row of `orders`
      (a shuffled order of the training examples), each followed by validation; for short
      epochs, where per-call overhead would otherwise dominate.
    Both return sums of batch-size-weighted losses and per-example metrics, so they give the
    same numbers for the same orders.

    With a `strategy` (see `distribution_strategy`), build the model inside `strategy.scope()`:
    each step then splits its batch across the replicas and the optimizer sums their gradients.
    """

    def __init__(
        self, model: Any, optimizer: Any, objective: Any, x_spec: Any, y_spec: Any, batch_size: int = 32,
        strategy: Any = None, class_weight: np.ndarray | None = None,
    ) -> None:
        import contextlib

        import tensorflow as tf

        configure_devices()
        self.replicas = strategy.num_replicas_in_sync if strategy is not None else 1
        with strategy.scope() if strategy is not None else contextlib.nullcontext():
            self._compile(tf, model, optimizer, objective, x_spec, y_spec, batch_size, strategy, class_weight)

    def _compile(self, tf, model, optimizer, objective, x_spec, y_spec, batch_size, strategy, class_weight=None) -> None:
        # Fixed signatures (any number of examples or steps) so each job traces once.
        x_sig = tf.TensorSpec((None, *x_spec.shape[1:]), tf.as_dtype(x_spec.dtype))
        y_sig = tf.TensorSpec((None, *y_spec.shape[1:]), tf.as_dtype(y_spec.dtype))
        index_sig = tf.TensorSpec((None, None), tf.int32)
        n_train = int(x_spec.shape[0])
        batch = max(1, min(int(batch_size), n_train))
        full_batches = n_train // batch
        optimizer.build(model.trainable_variables)
        variables = model.trainable_variables

        def penalty():
            losses = model.losses
            return tf.add_n(losses) if losses else tf.constant(0.0)

        replicas = self.replicas
        # Class weights (one per class), applied as Keras applies `class_weight`: each example's
        # training loss times its class's weight, then the batch mean. Validation is unweighted.
        # Without weights the graph is the one it always was (exported scripts match it exactly).
        weights = None if class_weight is None else tf.constant(np.asarray(class_weight, dtype=np.float32))

        def training_losses(yb, pred):
            losses = objective.per_example_loss(yb, pred)
            if weights is None:
                return losses
            return losses * tf.gather(weights, tf.cast(tf.reshape(yb, (-1,)), tf.int32))

        def replica_step(x, y, index):
            """This replica's share of one batch (every `replicas`-th example); the optimizer
            sums the replicas' gradients, so each scales its loss by the whole batch's size."""
            context = tf.distribute.get_replica_context()
            mine = index[context.replica_id_in_sync_group :: replicas]
            xb, yb = tf.gather(x, mine), tf.gather(y, mine)
            size = tf.cast(tf.shape(index)[0], tf.float32)
            with tf.GradientTape() as tape:
                pred = model(xb, training=True)
                part = tf.reduce_sum(training_losses(yb, pred))
                reg = penalty()
                loss = part / size + reg / replicas
            optimizer.apply(tape.gradient(loss, variables), variables)
            return part + reg * size / replicas, tf.reduce_sum(objective.per_example_metric(yb, pred))

        def run_rows(x, y, rows, loss_sum, metric_sum):
            """One optimizer step per row of `rows`, inside a graph loop."""

            def body(i, loss_sum, metric_sum):
                index = rows[i]
                if strategy is not None:
                    per_replica = strategy.run(replica_step, args=(x, y, index))
                    loss, metric = (strategy.reduce("SUM", value, axis=None) for value in per_replica)
                    return i + 1, loss_sum + loss, metric_sum + metric
                xb = tf.gather(x, index)
                yb = tf.gather(y, index)
                with tf.GradientTape() as tape:
                    pred = model(xb, training=True)
                    loss = tf.reduce_mean(training_losses(yb, pred)) + penalty()
                optimizer.apply(tape.gradient(loss, variables), variables)
                size = tf.cast(tf.shape(index)[0], tf.float32)
                metric = tf.reduce_sum(objective.per_example_metric(yb, pred))
                return i + 1, loss_sum + loss * size, metric_sum + metric

            _, loss_sum, metric_sum = tf.while_loop(
                lambda i, *_: i < tf.shape(rows)[0], body, (tf.constant(0), loss_sum, metric_sum)
            )
            return loss_sum, metric_sum

        def sums(x, y):
            pred = model(x, training=False)
            return (
                tf.reduce_sum(objective.per_example_loss(y, pred)),
                tf.reduce_sum(objective.per_example_metric(y, pred)),
            )

        @tf.function(input_signature=(x_sig, y_sig, index_sig))
        def train_chunk(x, y, rows):
            return run_rows(x, y, rows, tf.constant(0.0), tf.constant(0.0))

        @tf.function(input_signature=(x_sig, y_sig, x_sig, y_sig, index_sig))
        def train_epochs(x, y, x_val, y_val, orders):
            n_val = tf.cast(tf.shape(x_val)[0], tf.float32)
            results = tf.TensorArray(tf.float32, size=tf.shape(orders)[0])
            for e in tf.range(tf.shape(orders)[0]):
                order = orders[e]
                zero = tf.constant(0.0)
                rows = tf.reshape(order[: full_batches * batch], (full_batches, batch))
                loss_sum, metric_sum = run_rows(x, y, rows, zero, zero)
                if n_train % batch:  # the last, smaller batch (a trace-time constant)
                    loss_sum, metric_sum = run_rows(x, y, order[full_batches * batch :][None, :], loss_sum, metric_sum)
                val_loss, val_metric = sums(x_val, y_val)
                results = results.write(
                    e,
                    tf.stack([loss_sum / n_train, metric_sum / n_train, val_loss / n_val + penalty(), val_metric / n_val]),
                )
            return results.stack()

        self._train_chunk = train_chunk
        self._train_epochs = train_epochs
        self._evaluate_batch = tf.function(sums, input_signature=(x_sig, y_sig))
        self._penalty = tf.function(penalty)

    def to_device(self, array: np.ndarray):
        import tensorflow as tf

        return tf.convert_to_tensor(array)

    def train_chunk(self, x, y, rows: np.ndarray) -> tuple[float, float]:
        _trace_forgetting_custom_gradients(self._train_chunk)
        loss_sum, metric_sum = self._train_chunk(x, y, np.asarray(rows, dtype=np.int32))
        return float(loss_sum), float(metric_sum)

    def train_epochs(self, x, y, x_val, y_val, orders: np.ndarray) -> np.ndarray:
        """Rows of (loss, metric, val_loss, val_metric), one per epoch in `orders`."""
        _trace_forgetting_custom_gradients(self._train_epochs)
        return self._train_epochs(x, y, x_val, y_val, np.asarray(orders, dtype=np.int32)).numpy()

    def evaluate(self, x, y) -> tuple[float, float]:
        """Mean loss (with the regularization penalty, as during training) and mean metric."""
        n = len(x)
        if n == 0:
            return float("nan"), float("nan")
        loss_sum = metric_sum = 0.0
        for start in range(0, n, EVAL_BATCH):
            loss, metric = self._evaluate_batch(x[start : start + EVAL_BATCH], y[start : start + EVAL_BATCH])
            loss_sum += float(loss)
            metric_sum += float(metric)
        return loss_sum / n + float(self._penalty()), metric_sum / n


def _trace_forgetting_custom_gradients(function: Any) -> None:
    """Trace `function` (a `tf.function` with an input signature) once, then drop the gradient
    functions its trace registered globally.

    Why: the optimizer sums gradients across replicas with `all_reduce`, even with one replica,
    and that is a `tf.custom_gradient`; in a graph, each use registers its gradient function in
    TensorFlow's process-wide gradient registry and never removes it. The entry holds the
    traced graphs, so every training job kept about 10 graphs alive (+15 MB a job, +447 MB over
    30 jobs). The entries are only read while the trace computes its gradients, so once the
    trace is done they can go. Training traces take turns (a lock) so a trace never loses the
    entries of another one still running; nothing else in nncore traces custom gradients.
    """
    if function.experimental_get_tracing_count() > 0:
        return
    from tensorflow.python.framework import ops  # the registry has no public API

    registry = getattr(getattr(ops, "_gradient_registry", None), "_registry", None)
    with _trace_lock:
        before = set(registry) if isinstance(registry, dict) else set()
        function.get_concrete_function()
        if isinstance(registry, dict):
            for name in [name for name in registry if name not in before and name.startswith("CustomGradient-")]:
                del registry[name]


def compiled_predict(model: Any) -> Callable[[np.ndarray], np.ndarray]:
    """A fast, batched `x -> model(x)` for code that calls the model many times (explainers).

    `model.predict` sets up a data pipeline per call, which is 17x-300x slower for the small
    batches explanation libraries send.
    """
    import tensorflow as tf

    @tf.function(reduce_retracing=True)
    def forward(x):
        return model(x, training=False)

    def predict(x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32)
        outputs = [forward(x[start : start + EVAL_BATCH]).numpy() for start in range(0, len(x), EVAL_BATCH)]
        return np.concatenate(outputs) if outputs else np.zeros((0,), dtype=np.float32)

    return predict


# --- gradients for explanations (nncore.explain.gradients wraps these) ---------------------


def compiled_output_gradients(model: Any) -> Callable[[np.ndarray, int], np.ndarray]:
    """A fast, batched `(x, output_index) -> d model(x)[:, output_index] / d x`.

    One `tf.function` per model (the output index is a tensor, so changing it does not
    retrace); inputs are sent in batches of EVAL_BATCH rows, so integrated gradients' or
    SmoothGrad's hundreds of perturbed copies cost one or two calls.
    """
    configure_devices()
    import tensorflow as tf

    @tf.function(reduce_retracing=True)
    def gradients(x, index):
        with tf.GradientTape() as tape:
            tape.watch(x)
            out = model(x, training=False)
            out = tf.reshape(out, (tf.shape(out)[0], -1))
            chosen = tf.gather(out, index, axis=1)
        return tape.gradient(chosen, x)

    def call(x: np.ndarray, output_index: int) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32)
        index = tf.constant(int(output_index), dtype=tf.int32)
        parts = [gradients(tf.constant(x[start : start + EVAL_BATCH]), index).numpy() for start in range(0, len(x), EVAL_BATCH)]
        return np.concatenate(parts) if parts else np.zeros_like(x)

    return call


def conv_activations_and_gradients(model: Any, x: np.ndarray, layer_name: str, output_index: int) -> tuple[np.ndarray, np.ndarray]:
    """The named layer's activations for `x` and the gradient of output `output_index` w.r.t. them.

    What Grad-CAM needs; works for functional Keras models (the layer's output is a graph
    node), which is what `nncore.models.build_model` makes.
    """
    configure_devices()
    import keras
    import tensorflow as tf

    layer = model.get_layer(layer_name)
    probe = keras.Model(model.inputs, [layer.output, model.outputs[0]])
    xt = tf.constant(np.asarray(x, dtype=np.float32))
    with tf.GradientTape() as tape:
        activations, out = probe(xt, training=False)
        out = tf.reshape(out, (tf.shape(out)[0], -1))
        chosen = out[:, int(output_index)]
    grads = tape.gradient(chosen, activations)
    return activations.numpy(), grads.numpy()


# --- inside the network (inspect) ----------------------------------------------------------


def compiled_multi_output(model: Any) -> Callable[[np.ndarray], list[np.ndarray]]:
    """A fast, batched `x -> [each output of model(x)]` for a model with several outputs.

    The activation probe (one output per layer) is called on every click of the Inside page;
    an eager call of a small CNN costs ~30 ms, the compiled one ~2 ms. One trace per model.
    """
    configure_devices()
    import tensorflow as tf

    @tf.function(reduce_retracing=True)
    def forward(x):
        out = model(x, training=False)
        return list(out) if isinstance(out, (list, tuple)) else [out]

    def call(x: np.ndarray) -> list[np.ndarray]:
        x = np.asarray(x, dtype=np.float32)
        parts = [[o.numpy() for o in forward(tf.constant(x[start : start + EVAL_BATCH]))] for start in range(0, len(x), EVAL_BATCH)]
        return [np.concatenate(column) for column in zip(*parts)]

    return call


def compiled_outputs_and_gradient_norms(
    probe: Any, variables: list[Any], output_index: int, per_example_loss: Callable[[Any, Any], Any], compile: bool = True
) -> Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, list[np.ndarray]]]:
    """`(x, y) -> (gradient norms, probe outputs)` in one compiled call (eager with
    `compile=False`: ~3x slower per call but no ~75 ms trace, the better deal for a few calls).

    `probe` is a multi-output model (every layer's output, as the activation probe builds);
    its output `output_index` is the model's prediction. Returns the L2 norm of
    d mean loss / d v for each of `variables` (the model's trainable variables) and every
    probe output. The training recorder calls it on a fixed batch at its record points only,
    so the compiled training step stays untouched; one trace serves both, which halves the
    fixed cost of recording.
    """
    configure_devices()
    import tensorflow as tf

    def run(x, y):
        with tf.GradientTape() as tape:
            outputs = probe(x, training=False)
            outputs = list(outputs) if isinstance(outputs, (list, tuple)) else [outputs]
            loss = tf.reduce_mean(per_example_loss(y, outputs[output_index]))
        grads = tape.gradient(loss, variables)
        norms = tf.stack([tf.norm(g) if g is not None else tf.constant(0.0) for g in grads]) if grads else tf.zeros((0,))
        return norms, outputs

    if compile:
        run = tf.function(run, reduce_retracing=True)

    def call(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
        norms, outputs = run(tf.constant(x), tf.constant(y))
        return norms.numpy(), [o.numpy() for o in outputs]

    return call


def input_ascent(
    model: Any, shape: tuple[int, ...], unit: int, steps: int, learning_rate: float, l2: float, blur_every: int, jitter: int, seed: int
) -> np.ndarray:
    """Gradient ascent on one input (shape (H, W, C)) to maximise `model(x)[0, unit]`.

    Regularised so the result stays readable: an L2 penalty keeps pixels small, a random
    jitter (shift of up to `jitter` pixels) each step and a 3x3 blur every `blur_every` steps
    suppress the high-frequency noise pure ascent produces. `model` returns a (1, units)
    tensor (the caller builds a sub-model for a hidden unit). Pixels are kept in [0, 1].
    """
    configure_devices()
    import tensorflow as tf

    rng = np.random.default_rng(seed)
    x = tf.Variable(0.5 + 0.01 * rng.standard_normal((1, *shape)).astype(np.float32))
    blur = tf.constant(np.outer([1, 2, 1], [1, 2, 1]).astype(np.float32)[:, :, None, None] / 16.0)
    channels = shape[-1]
    kernel = tf.tile(blur, (1, 1, channels, 1))

    @tf.function
    def step(shift_y, shift_x):
        with tf.GradientTape() as tape:
            shifted = tf.roll(x, shift=[shift_y, shift_x], axis=[1, 2])
            score = tf.reshape(model(shifted, training=False), (-1,))[unit]
            objective = score - l2 * tf.reduce_sum(tf.square(x - 0.5))
        grad = tape.gradient(objective, x)
        grad = grad / (tf.sqrt(tf.reduce_mean(tf.square(grad))) + 1e-8)
        x.assign(tf.clip_by_value(x + learning_rate * grad, 0.0, 1.0))
        return score

    @tf.function
    def smooth():
        x.assign(tf.nn.depthwise_conv2d(x, kernel, strides=[1, 1, 1, 1], padding="SAME"))

    for i in range(steps):
        dy, dx = rng.integers(-jitter, jitter + 1, size=2) if jitter else (0, 0)
        step(tf.constant(int(dy)), tf.constant(int(dx)))
        if blur_every and (i + 1) % blur_every == 0 and i + 1 < steps:
            smooth()
    return x.numpy()[0]
