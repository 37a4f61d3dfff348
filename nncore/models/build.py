"""Turn a `ModelSpec` into a `keras.Model` with readable, stable layer names.

Layer names come from our own counters (dense_1, conv2d_1, ..., output), not Keras's global
ones, so the same spec always gives the same names. Every random initializer and dropout
layer gets an explicit seed derived from the build seed: Keras's global seed is shared by
every session in the server, so we never rely on it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from nncore.models.compatibility import check_compatible
from nncore.models.objective import Objective, objective_for
from nncore.models.spec import CONV_KINDS, DENSE_KINDS, POOL_KINDS, RNN_KINDS, LayerSpec, ModelSpec


def objective_for_data(spec: ModelSpec, dataset: Any) -> Objective:
    """The objective a spec gets on a dataset (output units, activation, loss)."""
    return objective_for(dataset.task, dataset.n_classes, spec.output_activation, spec.loss)


def validate_for_data(spec: ModelSpec, dataset: Any) -> Objective:
    """Raise ArchitectureError if the spec cannot work on this dataset; else its objective."""
    check_compatible(spec, dataset.input_kind, dataset.input_shape)
    return objective_for_data(spec, dataset)


def _initializer(name: str, seed: int):
    import keras

    if name == "he_normal":
        return keras.initializers.HeNormal(seed=seed)
    if name == "random_normal":
        return keras.initializers.RandomNormal(stddev=0.05, seed=seed)
    return keras.initializers.GlorotUniform(seed=seed)


def _regularizer(layer: LayerSpec):
    import keras

    if layer.l1 == 0 and layer.l2 == 0:
        return None
    return keras.regularizers.L1L2(l1=float(layer.l1), l2=float(layer.l2))


def _activation(name: str):
    """Keras activation for a spec name ('leaky_relu' with Keras's default slope of 0.2)."""
    return None if name == "linear" else name


def build_model(spec: ModelSpec, dataset: Any, seed: int = 0):
    """Build (but do not compile) the Keras model for `spec` on `dataset`'s input and task."""
    from nncore.backend import load_keras

    load_keras()
    import keras

    objective = validate_for_data(spec, dataset)
    counts: Counter[str] = Counter()

    def name_for(kind: str) -> str:
        counts[kind] += 1
        return f"{kind}_{counts[kind]}"

    layers = list(spec.layers)
    inputs = keras.Input(shape=dataset.input_shape, name="input")
    x = inputs
    is_flat = dataset.input_kind == "tabular"
    for index, layer in enumerate(layers):
        layer_seed = seed * 1000 + index
        common = dict(
            kernel_initializer=_initializer(layer.initializer, layer_seed),
            kernel_regularizer=_regularizer(layer),
        )
        if layer.kind in DENSE_KINDS:
            if not is_flat:
                x = keras.layers.Flatten(name=name_for("flatten"))(x)
                is_flat = True
            x = keras.layers.Dense(layer.units, activation=_activation(layer.activation), name=name_for("dense"), **common)(x)
        elif layer.kind in CONV_KINDS:
            x = keras.layers.Conv2D(
                layer.units,
                layer.kernel_size,
                padding="same",
                activation=_activation(layer.activation),
                name=name_for("conv2d"),
                **common,
            )(x)
        elif layer.kind in POOL_KINDS:
            pool = keras.layers.MaxPooling2D if layer.kind == "maxpool2d" else keras.layers.AveragePooling2D
            x = pool(layer.pool_size, name=name_for(layer.kind))(x)
        elif layer.kind == "flatten":
            if not is_flat:
                x = keras.layers.Flatten(name=name_for("flatten"))(x)
                is_flat = True
        elif layer.kind in RNN_KINDS:
            rnn = {"simple_rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM, "gru": keras.layers.GRU}[layer.kind]
            later = layers[index + 1 :]
            # A recurrent layer hands the whole sequence on only when another one follows.
            more_rnn = any(other.kind in RNN_KINDS for other in later)
            x = rnn(
                layer.units,
                activation=_activation(layer.activation),
                return_sequences=more_rnn,
                recurrent_initializer=keras.initializers.Orthogonal(seed=layer_seed + 500),
                name=name_for(layer.kind),
                **common,
            )(x)
            is_flat = not more_rnn
        if layer.batch_norm and layer.has_units:
            x = keras.layers.BatchNormalization(name=name_for("batch_norm"))(x)
        if layer.dropout > 0:
            x = keras.layers.Dropout(float(layer.dropout), seed=layer_seed + 700, name=name_for("dropout"))(x)

    if not is_flat:
        x = keras.layers.Flatten(name=name_for("flatten"))(x)
    outputs = keras.layers.Dense(
        objective.output_units,
        activation=_activation(objective.output_activation),
        kernel_initializer=keras.initializers.GlorotUniform(seed=seed * 1000 + 999),
        name="output",
    )(x)
    return keras.Model(inputs, outputs, name=_safe_model_name(spec.name))


def _safe_model_name(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in name.strip().lower())
    return cleaned or "model"


def parameter_table(model) -> list[dict[str, Any]]:
    """Per-layer rows: name, type, output shape, trainable and total parameter counts."""
    rows = []
    for layer in model.layers[1:]:
        trainable = sum(int(w.numpy().size) for w in layer.trainable_weights)
        total = sum(int(w.numpy().size) for w in layer.weights)
        shape = tuple(layer.output.shape[1:])
        rows.append(
            {
                "layer": layer.name,
                "type": type(layer).__name__,
                "output shape": " x ".join(str(d) for d in shape),
                "parameters": total,
                "trainable": trainable,
            }
        )
    return rows
