"""Every layer's output for a batch of inputs: what each layer does to an example.

One probe per model: a Keras model from `model.inputs` to every layer's output (in Keras 3
`Sequential.input` fails even when the model starts with `keras.Input`; `model.inputs` works
for Sequential and functional models alike), called through a compiled function.

Recurrent layers that hand on only their final state (`return_sequences=False`, what our
builder makes for the last recurrent layer) also get a twin with the same weights that
returns the hidden state at every time step, so a view can show the state over time; the
layer's own output (the final state) is kept as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nncore.errors import NNExplorerError

RECURRENT_CLASSES = ("LSTM", "GRU", "SimpleRNN")
_KIND_BY_CLASS = {
    "Dense": "dense",
    "Conv2D": "conv",
    "MaxPooling2D": "pool",
    "AveragePooling2D": "pool",
    "Flatten": "flatten",
    "Dropout": "dropout",
    "BatchNormalization": "batch_norm",
    **{name: "recurrent" for name in RECURRENT_CLASSES},
}


@dataclass(frozen=True)
class LayerInfo:
    """One layer as the views need it (kind: dense, conv, pool, flatten, dropout, batch_norm,
    recurrent, output or other; units: neurons, filters or recurrent units; 0 for none)."""

    name: str
    kind: str
    activation: str | None
    output_shape: tuple[int, ...]  # without the batch axis
    units: int

    @property
    def title(self) -> str:
        what = {"dense": "dense", "conv": "convolution", "recurrent": "recurrent", "output": "output"}.get(self.kind, self.kind)
        act = f", {self.activation}" if self.activation and self.activation != "linear" else ""
        return f"{self.name} ({what}{act})"

    @property
    def has_units(self) -> bool:
        return self.kind in ("dense", "conv", "recurrent", "output")


def _activation_name(layer: Any) -> str | None:
    activation = getattr(layer, "activation", None)
    if activation is None:
        return None
    return getattr(activation, "__name__", str(activation))


def layer_infos(model: Any) -> tuple[LayerInfo, ...]:
    """Every layer after the input, in order, with the last one marked as the output."""
    layers = [layer for layer in model.layers if type(layer).__name__ != "InputLayer"]
    if not layers:
        raise NNExplorerError(f"Expected a model with at least one layer. Received: {model.name!r} with none")
    infos = []
    for index, layer in enumerate(layers):
        kind = _KIND_BY_CLASS.get(type(layer).__name__, "other")
        if index == len(layers) - 1 and kind == "dense":
            kind = "output"
        shape = tuple(int(d) for d in layer.output.shape[1:])
        units = int(getattr(layer, "units", 0) or getattr(layer, "filters", 0) or 0)
        infos.append(LayerInfo(layer.name, kind, _activation_name(layer), shape, units))
    return tuple(infos)




class ActivationProbe:
    """`probe(x)` -> {layer name: outputs}, plus `probe.sequences` for recurrent layers.

    Build once per model (a few hundred ms: a Keras model and a compiled trace) and keep it
    with the model's run; each later call is one compiled forward pass.
    """

    def __init__(self, model: Any) -> None:
        from nncore.backend import load_keras

        load_keras()
        import keras

        self.model = model
        self.layers = layer_infos(model)
        outputs = [model.get_layer(info.name).output for info in self.layers]
        self.sequence_layers: list[str] = []
        twins = []
        for info in self.layers:
            layer = model.get_layer(info.name)
            if info.kind == "recurrent" and not getattr(layer, "return_sequences", False):
                config = layer.get_config()
                config.update(return_sequences=True, name=f"{layer.name}_over_time")
                twin = type(layer).from_config(config)
                outputs.append(twin(layer.input))
                twins.append((twin, layer))
                self.sequence_layers.append(info.name)
        for twin, layer in twins:
            twin.set_weights(layer.get_weights())
        inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs  # a single input: no structure warning
        self._probe = keras.Model(inputs, outputs)
        self._compiled = None

    @property
    def keras_model(self) -> Any:
        """The multi-output Keras model behind the probe (layer outputs, then recurrent twins)."""
        return self._probe

    def named(self, values: list[np.ndarray]) -> dict[str, np.ndarray]:
        """The probe model's list of outputs as {layer name: outputs}."""
        result = {info.name: v for info, v in zip(self.layers, values)}
        for name, v in zip(self.sequence_layers, values[len(self.layers) :]):
            result[f"{name}/over time"] = v
        return result

    def __call__(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Each layer's output for `x` (a batch), keyed by layer name; recurrent layers'
        step-by-step hidden states under '<name>/over time'."""
        x = np.asarray(x, dtype=np.float32)
        expected = tuple(int(d) for d in self.model.inputs[0].shape[1:])
        if x.shape[1:] != expected:
            raise NNExplorerError(f"Expected inputs of shape (n, {', '.join(map(str, expected))}). Received: {x.shape}")
        if self._compiled is None:
            from nncore.backend import compiled_multi_output

            self._compiled = compiled_multi_output(self._probe)
        return self.named(self._compiled(x))

    def layer(self, name: str) -> LayerInfo:
        for info in self.layers:
            if info.name == name:
                return info
        raise NNExplorerError(f"Expected a layer among {[i.name for i in self.layers]}. Received: {name!r}")

    def over_time(self, name: str, values: dict[str, np.ndarray]) -> np.ndarray | None:
        """The recurrent layer's hidden state at every step, (n, steps, units), or None."""
        if name in self.sequence_layers:
            return values[f"{name}/over time"]
        info = self.layer(name)
        return values[name] if info.kind == "recurrent" else None


def unit_values(values: np.ndarray) -> np.ndarray:
    """One number per unit per example, (n, units): conv feature maps and recurrent
    sequences are averaged over space / time, the last axis being the unit axis."""
    values = np.asarray(values)
    if values.ndim == 2:
        return values
    return values.reshape(values.shape[0], -1, values.shape[-1]).mean(axis=1)


def top_examples(unit_activations: np.ndarray, count: int = 8) -> np.ndarray:
    """Indices of the examples that activate a unit most, strongest first."""
    order = np.argsort(-np.asarray(unit_activations), kind="stable")
    return order[: max(0, int(count))]
