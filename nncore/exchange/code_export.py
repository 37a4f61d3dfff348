"""Export a run as a standalone Python script that trains the same model the same way.

The script needs NumPy, Keras 3 with TensorFlow and (for data it rebuilds) scikit-learn; it
never imports nncore. It is written out plainly so a reader can learn from it: the data, the
model layer by layer, the loss, the optimizer and a small training loop.

Shape. The script is the template templates/train_script.py, plain Python that linters and
tests read, with its __PLACEHOLDERS__ filled in: one small generator per section below (the
settings, the model, the loss and metric) and the data section from script_data.py.

Exactness. The app trains with its own compiled loop (`nncore.backend.CompiledTrainer`): each
epoch draws a shuffle order from `numpy.random.default_rng(seed)`, cuts it into batches (the
last one smaller) and runs one optimizer step per batch inside a `tf.function`. The script
does the same steps in the same order with the same compiled structure (a graph loop over the
batches of an epoch), so on the same machine it reaches the same numbers. Writing the loop as
eager Python steps instead would let TensorFlow fuse and order floating-point work
differently, and tiny rounding gaps grow over hundreds of steps; the compiled loop is the
smallest honest way to match. Whether the app ran one epoch per call, several, or an epoch
in parts does not change the result: every form runs the same step on the same batches.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from nncore.exchange.naming import run_title
from nncore.exchange.script_data import (
    data_code,
    data_fingerprint,
    embedded_size_problem,
    rebuilt,
    safe_text,
    splits,
    split_and_scale_lines as _split_and_scale_lines,  # noqa: F401  (the name tests and older callers use)
)
from nncore.exchange.script_template import render, template_function


def data_section(dataset: Any) -> str:
    """The script's data part alone (the fingerprint function and `load_data`), for checks."""
    return template_function("fingerprint") + "\n\n" + data_code(dataset)


# --- the model section ---------------------------------------------------------------------


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
    return embedded_size_problem(run.dataset)


def _header_values(run: Any) -> dict[str, str]:
    """The docstring's and the imports' placeholders."""
    dataset, spec = run.dataset, run.spec
    needs_sklearn = rebuilt(dataset)
    modules = ["hashlib", "math", "os"] if needs_sklearn else ["base64", "hashlib", "io", "math", "os"]
    layers = "; ".join(f"{layer.kind} {layer.units if layer.has_units else ''}".strip() for layer in spec.layers)
    return {
        "TITLE": safe_text(run_title(run)),
        "STAMP": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "REQUIREMENTS": "numpy, keras (3.x) with tensorflow" + (", scikit-learn" if needs_sklearn else ""),
        "DATA_SUMMARY": f"{safe_text(dataset.title)} ({dataset.task}, {dataset.input_kind} input of shape {tuple(dataset.input_shape)})",
        "MODEL_SUMMARY": f"{safe_text(spec.name)} ({layers or 'no hidden layers'}), {run.objective.loss_label} loss",
        "IMPORTS": "\n".join(f"import {name}" for name in modules),
    }


def _settings_values(run: Any) -> dict[str, str]:
    """The training settings' placeholders, each a Python literal (with a comment where useful)."""
    from nncore.training.job import target_units

    dataset, config = run.dataset, run.config
    epochs, epochs_note = _epochs_note(run)
    app_note = " ".join(line.strip(" #") for line in epochs_note.splitlines()).strip()
    error_scale, loss_scale = target_units(dataset)
    return {
        "SEED": str(int(config.seed)),
        "EPOCHS": f"{epochs}{epochs_note}",
        "BATCH_SIZE": str(int(config.batch_size)),
        "EARLY_STOPPING": str(bool(config.early_stopping)),
        "PATIENCE": str(int(config.patience)),
        "CLASS_WEIGHT": _class_weight_code(config, dataset),
        "METRIC_NAME": repr(run.objective.metric_name),
        "ERROR_SCALE": repr(error_scale),
        "LOSS_SCALE": repr(loss_scale),
        "APP_FINAL_VAL_LOSS": repr(float(run.history[-1].val_loss) if run.history else float("nan")),
        "APP_NOTE": repr(f"Note: {app_note}." if app_note else ""),
        "APP_DATA_FINGERPRINT": repr(data_fingerprint(splits(dataset))),
        "OPTIMIZER": _optimizer_code(config),
    }


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
    return render(
        {
            **_header_values(run),
            **_settings_values(run),
            "DATA_SECTION": data_code(run.dataset),
            "MODEL_SECTION": _model_code(run.spec, run.dataset, run.objective, int(run.config.seed)),
            "LOSS_SECTION": _loss_code(run.objective),
        }
    )
