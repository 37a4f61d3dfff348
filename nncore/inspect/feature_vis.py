"""Feature visualization: the input an image model's class or unit responds to most.

Gradient ascent on the input (nncore.backend.input_ascent) from a grey image, with an L2
penalty, jitter and a periodic blur so the result stays readable instead of turning into
high-frequency noise. A class is maximised through its logit (the output before softmax):
pushing a softmax probability instead mostly pushes the other classes down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nncore.errors import NNExplorerError
from nncore.inspect.activations import layer_infos


@dataclass(frozen=True)
class FeatureVisualization:
    image: np.ndarray  # (H, W, C) in [0, 1]
    layer: str
    unit: int
    score: float  # the maximised quantity (logit or mean activation) on the image
    blank_score: float  # the same on a blank (all-zero) image
    probability: float | None  # for a class: its predicted probability on the image
    blank_probability: float | None


def _score_model(model: Any, layer_name: str):
    """A model from the input to the scores to maximise, shape (n, units): the output
    layer's logits, a dense layer's units, or a conv layer's channels averaged over space."""
    from nncore.backend import load_keras

    load_keras()
    import keras

    layer = model.get_layer(layer_name)
    infos = {info.name: info for info in layer_infos(model)}
    info = infos.get(layer_name)
    if info is None or info.kind not in ("dense", "conv", "output"):
        raise NNExplorerError(
            "Expected a dense, convolution or output layer to visualise. "
            f"Received: {layer_name!r} ({info.kind if info else 'not a layer of this model'})"
        )
    if info.kind == "output":
        config = layer.get_config()
        config.update(activation="linear", name=f"{layer.name}_logits")
        twin = type(layer).from_config(config)
        scores = twin(layer.input)
        twin.set_weights(layer.get_weights())
    elif info.kind == "conv":
        scores = keras.layers.GlobalAveragePooling2D()(layer.output)
    else:
        scores = layer.output
    inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs  # a single input: no structure warning
    return keras.Model(inputs, scores), info


def visualize_unit(
    model: Any,
    layer_name: str,
    unit: int,
    *,
    steps: int = 150,
    learning_rate: float = 0.05,
    l2: float = 0.0005,
    blur_every: int = 8,
    jitter: int = 1,
    seed: int = 0,
) -> FeatureVisualization:
    """The image (pixels in [0, 1], as the bundled image datasets) that maximises one unit."""
    from nncore.backend import input_ascent

    shape = tuple(int(d) for d in model.inputs[0].shape[1:])
    if len(shape) != 3:
        raise NNExplorerError(f"Expected an image model with inputs (height, width, channels). Received: input shape {shape}")
    scorer, info = _score_model(model, layer_name)
    units = int(scorer.outputs[0].shape[-1])
    if not 0 <= int(unit) < units:
        raise NNExplorerError(f"Expected a unit between 0 and {units - 1} in {layer_name}. Received: unit={unit}")
    image = input_ascent(scorer, shape, int(unit), steps, learning_rate, l2, blur_every, jitter, seed)
    batch = np.stack([image, np.zeros(shape, dtype=np.float32)])
    scores = np.asarray(scorer(batch, training=False))[:, int(unit)]
    probability = blank_probability = None
    if info.kind == "output" and units > 1:
        probs = np.asarray(model(batch, training=False))[:, int(unit)]
        probability, blank_probability = float(probs[0]), float(probs[1])
    return FeatureVisualization(image, layer_name, int(unit), float(scores[0]), float(scores[1]), probability, blank_probability)
