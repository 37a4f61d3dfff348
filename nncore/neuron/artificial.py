"""What one artificial neuron computes: a weighted sum, then an activation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message
from nncore.neuron.activations import ACTIVATIONS, activate, slope


@dataclass(frozen=True)
class NeuronOutput:
    inputs: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    products: tuple[float, ...]  # w_i * x_i, each input's share of the sum
    z: float  # weighted sum plus bias
    outputs: dict[str, float]  # activation key -> f(z)
    slopes: dict[str, float]  # activation key -> f'(z)


def neuron_output(inputs: Sequence[float], weights: Sequence[float], bias: float) -> NeuronOutput:
    """z = sum_i w_i x_i + b, and f(z) and f'(z) for every activation in ACTIVATIONS."""
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if x.ndim != 1 or x.size == 0 or x.shape != w.shape:
        raise NNExplorerError(Message("msg.neuron.weights_inputs", inputs=int(x.size), weights=int(w.size)))
    products = w * x
    z = float(products.sum() + float(bias))
    return NeuronOutput(
        inputs=tuple(float(v) for v in x),
        weights=tuple(float(v) for v in w),
        bias=float(bias),
        products=tuple(float(v) for v in products),
        z=z,
        outputs={key: float(activate(key, z)) for key in ACTIVATIONS},
        slopes={key: float(slope(key, z)) for key in ACTIVATIONS},
    )
