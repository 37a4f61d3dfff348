"""Export a run as a standalone Python script that trains the same model the same way.

The script needs NumPy, Keras 3 with TensorFlow and (for scikit-learn's tables) scikit-learn;
it never imports nncore. It is written out plainly so a reader can learn from it: the data,
the model layer by layer, the loss, the optimizer and a small training loop.

Exactness. The app trains with its own compiled loop (`nncore.backend.CompiledTrainer`): each
epoch draws a shuffle order from `numpy.random.default_rng(seed)`, cuts it into batches (the
last one smaller) and runs one optimizer step per batch inside a `tf.function`. The script
does the same steps in the same order with the same compiled structure (a graph loop over the
batches of an epoch), so on the same machine it reaches the same numbers. Writing the loop as
eager Python steps instead would let TensorFlow fuse and order floating-point work
differently, and tiny rounding gaps grow over hundreds of steps; the compiled loop is the
smallest honest way to match. Whether the app ran one epoch per call, several, or an epoch
in parts does not change the result: every form runs the same step on the same batches.

Data. scikit-learn's bundled tables and the generated 2-D sets (circles, spiral, ...) are
rebuilt in the script, with the app's own generator code and its split and scaling steps.
Other data (images, sequences, an uploaded CSV) is embedded as the app's processed arrays,
compressed and base64-encoded: rebuilding those would copy much of nncore.data, and an
uploaded file cannot be fetched. Either way the script checks a fingerprint of its arrays
against the app's and says if they differ (say, another scikit-learn version).
"""

from __future__ import annotations

import base64
import hashlib
import io
import textwrap
from datetime import datetime, timezone
from typing import Any

import numpy as np

from nncore.exchange.naming import run_title

SKLEARN_TABLES = ("iris", "wine", "breast_cancer", "diabetes")
# A script with more embedded data than this would be unwieldy to open and share.
MAX_EMBEDDED_MB = 40


# --- data ------------------------------------------------------------------------------------


def safe_text(text: str) -> str:
    """User text (run, dataset, model names) made safe inside a docstring or a comment.

    A name could hold a triple quote, a backslash or a line break and so end the docstring
    and inject code; those become harmless look-alikes.
    """
    cleaned = str(text).replace("\\", "/").replace('"""', "'''")
    return "".join(ch if ch.isprintable() else " " for ch in cleaned)


def data_fingerprint(arrays: list[np.ndarray]) -> str:
    """sha256 over the arrays' dtypes, shapes and bytes (what the script recomputes)."""
    digest = hashlib.sha256()
    for array in arrays:
        array = np.ascontiguousarray(array)
        digest.update(f"{array.dtype.str}{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


def _splits(dataset: Any) -> list[np.ndarray]:
    return [dataset.x_train, dataset.y_train, dataset.x_val, dataset.y_val, dataset.x_test, dataset.y_test]


_FINGERPRINT_CODE = '''
def fingerprint(arrays):
    """sha256 over the arrays' dtypes, shapes and bytes, to compare with the app's data."""
    digest = hashlib.sha256()
    for array in arrays:
        array = np.ascontiguousarray(array)
        digest.update(f"{array.dtype.str}{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()
'''


def _split_and_scale_lines(dataset: Any) -> list[str]:
    """The body of `load_data` after `x` and `y` exist: the app's split and scaling (nncore.data.build)."""
    from nncore.data.splits import DEFAULT_SPLIT, split_fractions

    classification = dataset.task == "classification"
    y_dtype = "np.int64" if classification else "np.float32"
    stratify = "y" if classification else "None"
    stratify_rest = "y[rest]" if classification else "None"
    shares = str(dataset.params.get("split", DEFAULT_SPLIT))
    train_pct, val_pct, test_pct = shares.split("/")
    val_fraction, test_fraction = split_fractions(shares)
    lines = [
        "    x = np.asarray(x, dtype=np.float32)",
        f"    y = np.asarray(y, dtype={y_dtype})",
        "",
        f"    # {train_pct}% training, {val_pct}% validation, {test_pct}% test"
        + (", stratified by class" if classification else "") + ".",
        "    indices = np.arange(len(x))",
        f"    rest, test = train_test_split(indices, test_size={test_fraction!r}, random_state=DATA_SEED, shuffle=True, stratify={stratify})",
        "    train, val = train_test_split(",
        f"        rest, test_size={val_fraction!r} / (1.0 - {test_fraction!r}), random_state=DATA_SEED, shuffle=True, stratify={stratify_rest}",
        "    )",
        "",
    ]
    if dataset.preprocessing.feature_mean is not None:
        lines += [
            "    # Standardize each feature with the training split's mean and standard deviation",
            "    # (computed in float64, kept in float32; a constant feature keeps scale 1).",
            "    flat = x[train].astype(np.float64)",
            "    mean = flat.mean(axis=0)",
            "    scale = flat.std(axis=0)",
            "    scale[scale < 1e-12] = 1.0",
            "    mean, scale = mean.astype(np.float32), scale.astype(np.float32)",
            "",
            "    def features(idx):",
            "        return ((x[idx] - mean) / scale).astype(np.float32)",
        ]
    else:
        lines += ["    def features(idx):", "        return x[idx]"]
    lines.append("")
    if classification:
        lines += ["    def targets(idx):", "        return y[idx].astype(np.int64)"]
    else:
        lines += [
            "    # The target is standardized too; multiply predictions by target_scale and add",
            "    # target_mean to get back to the original units.",
            "    target_mean = float(y[train].astype(np.float64).mean())",
            "    target_scale = float(y[train].astype(np.float64).std()) or 1.0",
            "",
            "    def targets(idx):",
            "        return ((y[idx] - target_mean) / target_scale).astype(np.float32)",
        ]
    lines += [
        "",
        "    return (",
        "        features(train), targets(train),",
        "        features(val), targets(val),",
        "        features(test), targets(test),",
        "    )",
    ]
    return lines


def _sklearn_data_code(dataset: Any) -> str:
    key = dataset.key
    seed = int(dataset.params.get("seed", 0))
    load = "bunch = datasets.load_diabetes(scaled=False)" if key == "diabetes" else f"bunch = datasets.load_{key}()"
    lines = [
        f"DATA_SEED = {seed}  # the seed of the train/validation/test split",
        "",
        "",
        "def load_data():",
        f'    """{safe_text(dataset.title)}: rebuilt from scikit-learn with the app\'s split and scaling."""',
        "    from sklearn import datasets",
        "    from sklearn.model_selection import train_test_split",
        "",
        f"    {load}",
        "    x, y = bunch.data, bunch.target",
        *_split_and_scale_lines(dataset),
    ]
    return "\n".join(lines) + "\n"


def _synthetic_generator(dataset: Any) -> Any | None:
    """The generator function of a built-in 2-D dataset, or None for any other data."""
    from nncore.data import synthetic

    generators = {
        "circles": synthetic.circles, "xor": synthetic.xor, "gaussians": synthetic.gaussians, "spiral": synthetic.spiral,
        "moons": synthetic.moons, "plane": synthetic.plane, "gaussian_mix": synthetic.gaussian_mix,
    }
    params = dataset.params
    if dataset.key not in generators or not {"n_points", "noise", "seed"} <= set(params):
        return None
    return generators[dataset.key]


def _synthetic_data_code(dataset: Any, generate: Any) -> str:
    """The app's own generator, copied from nncore.data.synthetic, then the same split and scaling."""
    import inspect

    from nncore.data import synthetic

    params = dataset.params
    helpers = [inspect.getsource(synthetic._class_sizes), inspect.getsource(synthetic._jitter)]
    if generate is synthetic.gaussian_mix:
        helpers.insert(0, f"_BUMPS = {synthetic._BUMPS!r}  # (centre x1, centre x2, sign)\n")
    lines = [
        f"N_POINTS = {int(params['n_points'])}",
        f"NOISE = {float(params['noise'])!r}",
        f"DATA_SEED = {int(params['seed'])}  # the seed of the points and of the train/validation/test split",
        "",
        "",
        "# The generator of this data set, copied from the app's source.",
        "\n\n\n".join(h.rstrip("\n") for h in helpers),
        "",
        "",
        inspect.getsource(generate).rstrip("\n"),
        "",
        "",
        "def load_data():",
        f'    """{safe_text(dataset.title)}: generated from DATA_SEED, split and scaled as in the app."""',
        "    from sklearn.model_selection import train_test_split",
        "",
        f"    x, y = {generate.__name__}(N_POINTS, NOISE, np.random.default_rng(DATA_SEED))",
        *_split_and_scale_lines(dataset),
    ]
    return "\n".join(lines) + "\n"


def _compact(array: np.ndarray) -> tuple[np.ndarray, float | None]:
    """Pixel data that is exactly k/255 or k/16 is stored as bytes k (several times smaller)."""
    if array.dtype != np.float32 or array.size == 0:
        return array, None
    for scale in (255.0, 16.0):
        scaled = np.round(array.astype(np.float64) * scale)
        if scaled.min() < 0 or scaled.max() > 255:
            continue
        packed = scaled.astype(np.uint8)
        if np.array_equal(packed.astype(np.float32) / np.float32(scale), array):
            return packed, scale
    return array, None


def _embedded_data_code(dataset: Any) -> str:
    names = ["x_train", "y_train", "x_val", "y_val", "x_test", "y_test"]
    stored: dict[str, np.ndarray] = {}
    scales: dict[str, float] = {}
    for name, array in zip(names, _splits(dataset)):
        packed, scale = _compact(np.asarray(array))
        stored[name] = packed
        if scale is not None:
            scales[name] = scale
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **stored)
    payload = base64.b64encode(buffer.getvalue()).decode("ascii")
    if len(payload) > MAX_EMBEDDED_MB * 2**20:
        raise ValueError(
            f"Expected data small enough to embed in a script (at most {MAX_EMBEDDED_MB} MB). "
            f"Received: {len(payload) / 2**20:.0f} MB of encoded arrays; train on fewer examples to export code."
        )
    chunks = textwrap.wrap(payload, 100)
    why = (
        "an uploaded CSV file, which the script cannot fetch"
        if dataset.key == "csv"
        else "data the app generates or prepares itself"
    )
    lines = [
        f"# The app's processed arrays for {dataset.title!r} ({why}), embedded here so the script",
        "# trains on exactly the same numbers: a NumPy .npz archive, compressed and base64-encoded.",
        "# Features are already scaled the way the app scaled them"
        + ("; the regression target is standardized." if dataset.task == "regression" else "."),
    ]
    if scales:
        lines.append("# Pixel values are stored as whole numbers k and divided back (k / 255 or k / 16), exactly.")
    lines.append("EMBEDDED_DATA = (")
    lines += [f'    "{chunk}"' for chunk in chunks]
    lines += [")", f"PIXEL_SCALES = {scales!r}", ""]
    lines += [
        "",
        "def load_data():",
        '    """The app\'s train/validation/test arrays, unpacked from EMBEDDED_DATA."""',
        "    archive = np.load(io.BytesIO(base64.b64decode(EMBEDDED_DATA)), allow_pickle=False)",
        "    arrays = []",
        f"    for name in {names!r}:",
        "        array = archive[name]",
        "        if name in PIXEL_SCALES:",
        "            array = array.astype(np.float32) / np.float32(PIXEL_SCALES[name])",
        "        arrays.append(array)",
        "    return tuple(arrays)",
    ]
    return "\n".join(lines) + "\n"


def _regenerated(dataset: Any) -> bool:
    """True when the script rebuilds the data itself (with scikit-learn) instead of embedding it."""
    is_table = dataset.key in SKLEARN_TABLES and dataset.input_kind == "tabular"
    return is_table or _synthetic_generator(dataset) is not None


def _data_code(dataset: Any) -> str:
    if dataset.key in SKLEARN_TABLES and dataset.input_kind == "tabular":
        return _sklearn_data_code(dataset)
    generate = _synthetic_generator(dataset)
    if generate is not None:
        return _synthetic_data_code(dataset, generate)
    return _embedded_data_code(dataset)


# --- model -----------------------------------------------------------------------------------


def _initializer_code(name: str, seed: int) -> str:
    if name == "he_normal":
        return f"keras.initializers.HeNormal(seed={seed})"
    if name == "random_normal":
        return f"keras.initializers.RandomNormal(stddev=0.05, seed={seed})"
    return f"keras.initializers.GlorotUniform(seed={seed})"


def _regularizer_code(layer: Any) -> str:
    if layer.l1 == 0 and layer.l2 == 0:
        return "None"
    return f"keras.regularizers.L1L2(l1={float(layer.l1)!r}, l2={float(layer.l2)!r})"


def _activation_code(name: str) -> str:
    return "None" if name == "linear" else repr(name)


def _model_code(spec: Any, dataset: Any, objective: Any, seed: int) -> str:
    """`build_model(spec, dataset, seed)` written out layer by layer (see nncore.models.build)."""
    from collections import Counter

    from nncore.models.build import _safe_model_name
    from nncore.models.spec import CONV_KINDS, DENSE_KINDS, POOL_KINDS, RNN_KINDS

    counts: Counter[str] = Counter()

    def name_for(kind: str) -> str:
        counts[kind] += 1
        return f"{kind}_{counts[kind]}"

    lines = [
        "def build_model():",
        '    """The network, layer by layer. Every random initializer and dropout layer has its own',
        '    seed (derived from SEED), so the same script always starts from the same weights."""',
        f"    inputs = keras.Input(shape={tuple(dataset.input_shape)!r}, name=\"input\")",
        "    x = inputs",
    ]
    is_flat = dataset.input_kind == "tabular"
    layers = list(spec.layers)

    def flatten() -> None:
        lines.append(f'    x = keras.layers.Flatten(name="{name_for("flatten")}")(x)')

    for index, layer in enumerate(layers):
        layer_seed = seed * 1000 + index
        common = f"kernel_initializer={_initializer_code(layer.initializer, layer_seed)},"
        if layer.l1 or layer.l2:  # a weight penalty, added to the loss (see `penalty` below)
            common += f"\n        kernel_regularizer={_regularizer_code(layer)},"
        if layer.kind in DENSE_KINDS:
            if not is_flat:
                flatten()
                is_flat = True
            lines.append(
                f"    x = keras.layers.Dense(\n        {layer.units},\n        activation={_activation_code(layer.activation)},\n"
                f"        {common}\n        name=\"{name_for('dense')}\",\n    )(x)"
            )
        elif layer.kind in CONV_KINDS:
            lines.append(
                f"    x = keras.layers.Conv2D(\n        {layer.units},\n        {layer.kernel_size},\n        padding=\"same\",\n"
                f"        activation={_activation_code(layer.activation)},\n        {common}\n"
                f"        name=\"{name_for('conv2d')}\",\n    )(x)"
            )
        elif layer.kind in POOL_KINDS:
            pool = "MaxPooling2D" if layer.kind == "maxpool2d" else "AveragePooling2D"
            lines.append(f'    x = keras.layers.{pool}({layer.pool_size}, name="{name_for(layer.kind)}")(x)')
        elif layer.kind == "flatten":
            if not is_flat:
                flatten()
                is_flat = True
        elif layer.kind in RNN_KINDS:
            rnn = {"simple_rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}[layer.kind]
            more_rnn = any(other.kind in RNN_KINDS for other in layers[index + 1 :])
            lines.append(
                f"    x = keras.layers.{rnn}(\n        {layer.units},\n        activation={_activation_code(layer.activation)},\n"
                f"        return_sequences={more_rnn},  # the whole sequence only when another recurrent layer follows\n"
                f"        recurrent_initializer=keras.initializers.Orthogonal(seed={layer_seed + 500}),\n"
                f"        {common}\n        name=\"{name_for(layer.kind)}\",\n    )(x)"
            )
            is_flat = not more_rnn
        if layer.batch_norm and layer.has_units:
            lines.append(f'    x = keras.layers.BatchNormalization(name="{name_for("batch_norm")}")(x)')
        if layer.dropout > 0:
            lines.append(
                f'    x = keras.layers.Dropout({float(layer.dropout)!r}, seed={layer_seed + 700}, name="{name_for("dropout")}")(x)'
            )
    if not is_flat:
        flatten()
    lines.append(
        f"    outputs = keras.layers.Dense(\n        {objective.output_units},\n"
        f"        activation={_activation_code(objective.output_activation)},\n"
        f"        kernel_initializer=keras.initializers.GlorotUniform(seed={seed * 1000 + 999}),\n"
        '        name="output",\n    )(x)'
    )
    lines.append(f'    return keras.Model(inputs, outputs, name="{_safe_model_name(spec.name)}")')
    return "\n".join(lines) + "\n"


# --- loss and metric -------------------------------------------------------------------------


def _loss_code(objective: Any) -> str:
    """The objective's per-example loss and metric for this task only (see nncore.models.objective)."""
    if objective.task == "regression":
        loss = [
            '    """Squared error (the target is standardized)."""',
            "    y = ops.reshape(ops.cast(y_true, y_pred.dtype), ops.shape(y_pred))",
            "    return ops.mean(ops.square(y_pred - y), axis=-1)",
        ]
        metric = [
            '    """Absolute error, in standardized units."""',
            "    y = ops.reshape(ops.cast(y_true, y_pred.dtype), ops.shape(y_pred))",
            "    return ops.mean(ops.abs(y_pred - y), axis=-1)",
        ]
    else:
        if objective.output_units == 1:
            body = {
                "crossentropy": [
                    '    """Binary cross-entropy of one sigmoid output (clipped so log never sees 0)."""',
                    "    p = ops.reshape(y_pred, (-1,))",
                    "    y = ops.cast(ops.reshape(y_true, (-1,)), p.dtype)",
                    "    p = ops.clip(p, 1e-7, 1.0 - 1e-7)",
                    "    return -(y * ops.log(p) + (1.0 - y) * ops.log(1.0 - p))",
                ],
                "mse": [
                    '    """Squared error between the one output and the 0/1 label."""',
                    "    p = ops.reshape(y_pred, (-1,))",
                    "    y = ops.cast(ops.reshape(y_true, (-1,)), p.dtype)",
                    "    return ops.square(p - y)",
                ],
                "hinge": [
                    '    """Hinge loss with labels mapped to -1/+1."""',
                    "    p = ops.reshape(y_pred, (-1,))",
                    "    y = ops.cast(ops.reshape(y_true, (-1,)), p.dtype)",
                    "    signed = 2.0 * y - 1.0",
                    "    return ops.relu(1.0 - signed * p)",
                ],
            }[objective.loss_name]
            threshold = 0.0 if objective.output_activation in ("linear", "tanh") else 0.5
            predicted = f"ops.cast(ops.reshape(y_pred, (-1,)) > {threshold!r}, \"int32\")"
        else:
            onehot = (
                f"    onehot = ops.one_hot(ops.cast(ops.reshape(y_true, (-1,)), \"int32\"), {objective.output_units}, dtype=y_pred.dtype)"
            )
            body = {
                "crossentropy": [
                    '    """Categorical cross-entropy of the softmax outputs (clipped so log never sees 0)."""',
                    onehot,
                    "    return -ops.sum(onehot * ops.log(ops.clip(y_pred, 1e-7, 1.0)), axis=-1)",
                ],
                "mse": [
                    '    """Squared error between the outputs and the one-hot label."""',
                    onehot,
                    "    return ops.mean(ops.square(y_pred - onehot), axis=-1)",
                ],
                "hinge": [
                    '    """Crammer-Singer hinge: the true class must beat the best wrong class by 1."""',
                    onehot,
                    "    positive = ops.sum(onehot * y_pred, axis=-1)",
                    "    negative = ops.max((1.0 - onehot) * y_pred - onehot * 1e9, axis=-1)",
                    "    return ops.relu(1.0 + negative - positive)",
                ],
            }[objective.loss_name]
            predicted = 'ops.cast(ops.argmax(y_pred, axis=-1), "int32")'
        loss = body
        metric = [
            '    """1 for a correct prediction, 0 for a wrong one."""',
            f"    predicted = {predicted}",
            '    truth = ops.cast(ops.reshape(y_true, (-1,)), "int32")',
            "    return ops.cast(ops.equal(predicted, truth), y_pred.dtype)",
        ]
    return (
        "def per_example_loss(y_true, y_pred):\n"
        + "\n".join(loss)
        + "\n\n\ndef per_example_metric(y_true, y_pred):\n"
        + "\n".join(metric)
        + "\n"
    )


def _class_weight_code(config: Any, dataset: Any) -> str:
    """The run's class weights as a Keras-style {class: weight} literal, or None."""
    from nncore.training.class_weights import as_keras_class_weight, training_class_weights

    weights = training_class_weights(config, dataset)
    if weights is None:
        return "None"
    note = "  # each class's training examples weighted inversely to its size (balanced)"
    return repr(as_keras_class_weight(weights)) + note


def _optimizer_code(config: Any) -> str:
    rate = float(config.learning_rate)
    if config.optimizer == "sgd":
        return f"keras.optimizers.SGD(learning_rate={rate!r}, momentum={float(config.momentum)!r})"
    if config.optimizer == "rmsprop":
        return f"keras.optimizers.RMSprop(learning_rate={rate!r})"
    return f"keras.optimizers.Adam(learning_rate={rate!r})"


# --- training --------------------------------------------------------------------------------

_TRAINING_CODE = '''
def make_train_epoch(model, optimizer, x_train, y_train, batch_size):
    """One compiled call per epoch: a graph loop with one optimizer step per batch, then the
    validation loss. Written the way the app compiles its training, so the floating-point
    work (and so every number) is the same."""
    n_train = len(x_train)
    batch = max(1, min(batch_size, n_train))
    full_batches = n_train // batch
    optimizer.build(model.trainable_variables)
    variables = model.trainable_variables
    x_sig = tf.TensorSpec((None, *x_train.shape[1:]), tf.as_dtype(x_train.dtype))
    y_sig = tf.TensorSpec((None, *y_train.shape[1:]), tf.as_dtype(y_train.dtype))

    def penalty():
        # The layers' L1/L2 weight penalties, added to every batch's loss.
        return tf.add_n(model.losses) if model.losses else tf.constant(0.0)

    def training_losses(yb, pred):
        # With CLASS_WEIGHT, each example's loss times its class's weight, as Keras applies
        # `fit(class_weight=...)`; validation stays unweighted.
        losses = per_example_loss(yb, pred)
        if CLASS_WEIGHT is None:
            return losses
        weights = tf.constant([CLASS_WEIGHT[k] for k in sorted(CLASS_WEIGHT)], tf.float32)
        return losses * tf.gather(weights, tf.cast(tf.reshape(yb, (-1,)), tf.int32))

    def run_batches(x, y, rows, loss_sum, metric_sum):
        def step(i, loss_sum, metric_sum):
            index = rows[i]
            xb, yb = tf.gather(x, index), tf.gather(y, index)
            with tf.GradientTape() as tape:
                pred = model(xb, training=True)
                loss = tf.reduce_mean(training_losses(yb, pred)) + penalty()
            optimizer.apply(tape.gradient(loss, variables), variables)
            size = tf.cast(tf.shape(index)[0], tf.float32)
            metric = tf.reduce_sum(per_example_metric(yb, pred))
            return i + 1, loss_sum + loss * size, metric_sum + metric

        _, loss_sum, metric_sum = tf.while_loop(
            lambda i, *_: i < tf.shape(rows)[0], step, (tf.constant(0), loss_sum, metric_sum)
        )
        return loss_sum, metric_sum

    @tf.function(input_signature=(x_sig, y_sig, x_sig, y_sig, tf.TensorSpec((None,), tf.int32)))
    def train_epoch(x, y, x_val, y_val, order):
        zero = tf.constant(0.0)
        # Batches follow the shuffled order; the last, smaller batch comes at the end.
        rows = tf.reshape(order[: full_batches * batch], (full_batches, batch))
        loss_sum, metric_sum = run_batches(x, y, rows, zero, zero)
        if n_train % batch:
            loss_sum, metric_sum = run_batches(x, y, order[full_batches * batch :][None, :], loss_sum, metric_sum)
        pred = model(x_val, training=False)
        n_val = tf.cast(tf.shape(x_val)[0], tf.float32)
        val_loss = tf.reduce_sum(per_example_loss(y_val, pred)) / n_val + penalty()
        val_metric = tf.reduce_sum(per_example_metric(y_val, pred)) / n_val
        return tf.stack([loss_sum / n_train, metric_sum / n_train, val_loss, val_metric])

    return train_epoch


def make_evaluate(model, x_like, y_like):
    """Mean loss (with the weight penalty) and mean metric, in batches of 2048 examples."""
    x_sig = tf.TensorSpec((None, *x_like.shape[1:]), tf.as_dtype(x_like.dtype))
    y_sig = tf.TensorSpec((None, *y_like.shape[1:]), tf.as_dtype(y_like.dtype))

    @tf.function(input_signature=(x_sig, y_sig))
    def sums(x, y):
        pred = model(x, training=False)
        return tf.reduce_sum(per_example_loss(y, pred)), tf.reduce_sum(per_example_metric(y, pred))

    @tf.function
    def penalty():
        return tf.add_n(model.losses) if model.losses else tf.constant(0.0)

    def evaluate(x, y):
        loss_sum = metric_sum = 0.0
        for start in range(0, len(x), 2048):
            loss, metric = sums(x[start : start + 2048], y[start : start + 2048])
            loss_sum += float(loss)
            metric_sum += float(metric)
        return loss_sum / len(x) + float(penalty()), metric_sum / len(x)

    return evaluate


def main():
    x_train, y_train, x_val, y_val, x_test, y_test = load_data()
    got = fingerprint([x_train, y_train, x_val, y_val, x_test, y_test])
    if got != APP_DATA_FINGERPRINT:
        print("Note: the data differs from the app's (another scikit-learn or NumPy version?);")
        print("      the results will differ a little.")
    print(f"Data: {len(x_train)} training, {len(x_val)} validation, {len(x_test)} test examples")

    model = build_model()
    optimizer = make_optimizer()
    train_epoch = make_train_epoch(model, optimizer, x_train, y_train, BATCH_SIZE)
    evaluate = make_evaluate(model, x_train, y_train)
    x, y = tf.convert_to_tensor(x_train), tf.convert_to_tensor(y_train)
    xv, yv = tf.convert_to_tensor(x_val), tf.convert_to_tensor(y_val)

    # One shuffle order per epoch, drawn from this generator in this order, as the app does.
    rng = np.random.default_rng(SEED)
    best_loss, best_weights, since_best = math.inf, None, 0
    history = []
    report_every = max(1, EPOCHS // 20)
    print(f"{'epoch':>6} {'loss':>10} {METRIC_NAME:>10} {'val_loss':>10} {'val_' + METRIC_NAME:>12}")
    for epoch in range(1, EPOCHS + 1):
        order = rng.permutation(len(x_train)).astype(np.int32)
        loss, metric, val_loss, val_metric = (float(v) for v in train_epoch(x, y, xv, yv, order).numpy())
        loss, metric, val_loss, val_metric = loss * LOSS_SCALE, metric * ERROR_SCALE, val_loss * LOSS_SCALE, val_metric * ERROR_SCALE
        if not (math.isfinite(loss) and math.isfinite(val_loss)):
            print(f"The loss became infinite or NaN in epoch {epoch}: the learning rate is too high.")
            break
        history.append((epoch, loss, metric, val_loss, val_metric))
        if epoch % report_every == 0 or epoch == EPOCHS:
            print(f"{epoch:>6} {loss:>10.4f} {metric:>10.4f} {val_loss:>10.4f} {val_metric:>12.4f}")
        if EARLY_STOPPING:
            if val_loss < best_loss - 1e-7:
                best_loss, best_weights, since_best = val_loss, model.get_weights(), 0
            else:
                since_best += 1
                if since_best >= PATIENCE:
                    print(f"Early stopping at epoch {epoch}: keeping the weights of epoch {epoch - since_best}.")
                    break
    if EARLY_STOPPING and best_weights is not None:
        model.set_weights(best_weights)

    test_loss, test_metric = evaluate(x_test, y_test)
    test_loss, test_metric = test_loss * LOSS_SCALE, test_metric * ERROR_SCALE
    final_val_loss = history[-1][3] if history else float("nan")
    print(f"final validation loss: {final_val_loss!r}")
    print(f"final validation {METRIC_NAME}: {history[-1][4] if history else float('nan')!r}")
    print(f"test loss: {test_loss!r}")
    print(f"test {METRIC_NAME}: {test_metric!r}")
    print(f"(the app reached a final validation loss of {APP_FINAL_VAL_LOSS!r})")
    if APP_NOTE:
        print(APP_NOTE)
    return model


if __name__ == "__main__":
    main()
'''


def _epochs_note(run: Any) -> tuple[int, str]:
    """How many epochs the script trains, and a comment on why when it differs from the setting."""
    from nncore.training.job import JobState

    done = len(run.history)
    planned = int(run.config.epochs)
    if run.state == JobState.STOPPED and done < planned:
        return max(done, 1), (
            f"  # the app's run was stopped after {done} of {planned} epochs; a stop in the middle\n"
            "# of an epoch also took some steps of the next one, which this script does not take"
        )
    if run.state == JobState.DIVERGED:
        return planned, "  # the app's run diverged (the loss became infinite or NaN)"
    if done > planned:
        # The Train page's Step button continues a run: each step is a new job with a fresh
        # optimizer and shuffle generator, and the run does not record the earlier steps'
        # settings, so the script cannot replay them one by one.
        return done, (
            f"  # the app trained these {done} epochs in several steps (Step button), each with a\n"
            "# fresh optimizer: trained here in one go, the numbers differ somewhat from the app's"
        )
    return planned, ""


def script_unavailable_reason(run: Any) -> str | None:
    """Why `training_script(run)` cannot be made, in plain words; None when it can (cheap)."""
    if getattr(run, "spec", None) is None or getattr(run, "config", None) is None or getattr(run, "objective", None) is None:
        return "This model was not trained in the app, so there is no training to write out as code."
    dataset = run.dataset
    if _regenerated(dataset):
        return None
    # Pixels pack to one byte each; anything else stays float32 (compression is a bonus).
    size = sum(np.asarray(a).size * (1 if dataset.input_kind == "image" else np.asarray(a).dtype.itemsize) for a in _splits(dataset))
    if size * 4 / 3 > MAX_EMBEDDED_MB * 2**20:
        return (
            f"The data is too big to embed in a script (about {size * 4 / 3 / 2**20:.0f} MB, at most "
            f"{MAX_EMBEDDED_MB} MB): train on fewer examples to export code."
        )
    return None


def training_script(run: Any) -> str:
    """A standalone Python script that rebuilds and trains `run`'s model as the app did.

    Raises ValueError if the run has no training to reproduce (an imported model) or its data
    is too big to embed.
    """
    if run.spec is None or run.config is None or run.objective is None:
        raise ValueError(
            "Expected a run trained in the app (with a model spec and training settings). "
            "Received: a run without them, such as an imported model."
        )
    dataset, config, objective = run.dataset, run.config, run.objective
    seed = int(config.seed)
    epochs, epochs_note = _epochs_note(run)
    app_note = " ".join(line.strip(" #") for line in epochs_note.splitlines()).strip()
    app_note = f"Note: {app_note}." if app_note else ""
    final_val_loss = float(run.history[-1].val_loss) if run.history else float("nan")
    from nncore.training.job import target_units

    error_scale, loss_scale = target_units(dataset)
    title = safe_text(run_title(run))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    needs_sklearn = _regenerated(dataset)
    modules = ["hashlib", "math", "os"] if needs_sklearn else ["base64", "hashlib", "io", "math", "os"]
    imports = "\n".join(f"import {name}" for name in modules)
    requirements = "numpy, keras (3.x) with tensorflow" + (", scikit-learn" if needs_sklearn else "")
    layers = "; ".join(f"{layer.kind} {layer.units if layer.has_units else ''}".strip() for layer in run.spec.layers)
    header = f'''"""{title}: exported from NN Explorer on {stamp}.

Rebuilds the data, the model and the training settings of this run and trains it exactly the
way the app did: the same seeds, the same shuffle order in every epoch, the same batches and
the same loss. On the same machine (CPU) it reaches the same final validation loss.

Needs: {requirements}. Run: python this_file.py

Data:  {safe_text(dataset.title)} ({dataset.task}, {dataset.input_kind} input of shape {tuple(dataset.input_shape)})
Model: {safe_text(run.spec.name)} ({layers or "no hidden layers"}), {objective.loss_label} loss
"""

{imports}

# Quiet TensorFlow's start-up messages and make sure Keras runs on TensorFlow.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import keras
import numpy as np
import tensorflow as tf
from keras import ops

# --- Training settings (from the app) -----------------------------------------------------
SEED = {seed}  # seeds the weights, the dropout masks and the shuffle order
EPOCHS = {epochs}{epochs_note}
BATCH_SIZE = {int(config.batch_size)}
EARLY_STOPPING = {bool(config.early_stopping)}
PATIENCE = {int(config.patience)}  # epochs without a better validation loss before stopping early
CLASS_WEIGHT = {_class_weight_code(config, dataset)}
METRIC_NAME = {objective.metric_name!r}
# Regression trains on the standardized target; errors are reported in the target's own units,
# as the app reports them: an absolute error times ERROR_SCALE, a squared one times LOSS_SCALE.
ERROR_SCALE = {error_scale!r}
LOSS_SCALE = {loss_scale!r}
APP_FINAL_VAL_LOSS = {final_val_loss!r}
APP_NOTE = {app_note!r}
APP_DATA_FINGERPRINT = {data_fingerprint(_splits(dataset))!r}


def make_optimizer():
    return {_optimizer_code(config)}
'''
    def heading(title: str) -> str:
        return f"\n\n# --- {title} " + "-" * (88 - len(title)) + "\n\n"

    sections = [
        header,
        heading("1. Data"),
        _FINGERPRINT_CODE.strip("\n") + "\n\n\n",
        _data_code(dataset),
        heading("2. Model"),
        _model_code(run.spec, dataset, objective, seed),
        heading("3. Loss and metric"),
        _loss_code(objective),
        heading("4. Training"),
        _TRAINING_CODE.strip("\n") + "\n",
    ]
    return "".join(sections)
