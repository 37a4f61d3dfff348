"""The six activation functions the neuron lab teaches, their slopes, and where they go flat.

Each `Activation` carries the function, its derivative (the slope backpropagation multiplies
by), a LaTeX formula and a plain-language note on saturation. Where a curve is "flat" is
computed from the derivative (`flat_regions`), not written down by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message

# Leaky ReLU's slope for negative inputs. 0.1 (not the common 0.01) so the leak is visible on
# a plot; the TensorFlow cross-check passes the same value.
LEAKY_SLOPE = 0.1
# ELU's floor is -ELU_ALPHA. 1.0 is the usual choice and what tf.nn.elu computes.
ELU_ALPHA = 1.0

ArrayFn = Callable[[np.ndarray], np.ndarray]


def sigmoid(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    # Two branches so exp never overflows for large |z|.
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def _sigmoid_slope(z: np.ndarray) -> np.ndarray:
    s = sigmoid(z)
    return s * (1.0 - s)


def _tanh(z: np.ndarray) -> np.ndarray:
    return np.tanh(np.asarray(z, dtype=np.float64))


def _tanh_slope(z: np.ndarray) -> np.ndarray:
    return 1.0 - np.tanh(np.asarray(z, dtype=np.float64)) ** 2


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def _relu_slope(z: np.ndarray) -> np.ndarray:
    # Slope 0 at exactly z = 0, as TensorFlow's gradient of relu.
    return (np.asarray(z, dtype=np.float64) > 0).astype(np.float64)


def _leaky_relu(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def _leaky_relu_slope(z: np.ndarray) -> np.ndarray:
    return np.where(np.asarray(z, dtype=np.float64) > 0, 1.0, LEAKY_SLOPE)


def _elu(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0.0)))


def _elu_slope(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    # At z = 0 both sides give 1 when alpha = 1; TensorFlow uses the left formula there too.
    return np.where(z > 0, 1.0, ELU_ALPHA * np.exp(np.minimum(z, 0.0)))


def softplus(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    # log(1 + e^z) without overflow: max(z, 0) + log1p(e^-|z|).
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


@dataclass(frozen=True)
class Activation:
    key: str
    label: str
    function: ArrayFn
    derivative: ArrayFn
    formula: str  # LaTeX for a = f(z)
    derivative_formula: str  # LaTeX for f'(z)
    output_range: str
    note: str  # where it saturates and what that does to learning, in plain words


ACTIVATIONS: dict[str, Activation] = {
    a.key: a
    for a in (
        Activation(
            "sigmoid", "Sigmoid", sigmoid, _sigmoid_slope,
            r"\sigma(z) = \frac{1}{1 + e^{-z}}", r"\sigma'(z) = \sigma(z)\,(1 - \sigma(z))", "0 to 1",
            "Squashes everything into 0..1. Far from zero (a few units either way) the curve is almost "
            "flat on both sides, and even at its steepest (z = 0) the slope is only 0.25. Learning multiplies by this "
            "slope, so a saturated sigmoid neuron hardly learns, and stacking sigmoid layers "
            "shrinks the learning signal at every layer (vanishing gradients).",
        ),
        Activation(
            "tanh", "tanh", _tanh, _tanh_slope,
            r"\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}", r"\tanh'(z) = 1 - \tanh^2(z)", "-1 to 1",
            "Like sigmoid but centred on zero and twice as steep (slope 1 at z = 0). It still goes flat "
            "a little way from zero (about ±2), where its slope, and so its learning, nearly vanishes.",
        ),
        Activation(
            "relu", "ReLU", _relu, _relu_slope,
            r"\mathrm{ReLU}(z) = \max(0, z)", r"\mathrm{ReLU}'(z) = \begin{cases}1 & z > 0\\ 0 & z \le 0\end{cases}",
            "0 and up",
            "Never saturates for positive sums (slope always 1), which is why deep networks train well "
            "with it. For negative sums the output and the slope are exactly 0: a neuron stuck there "
            "gets no learning signal at all (a \"dead\" ReLU).",
        ),
        Activation(
            "leaky_relu", "Leaky ReLU", _leaky_relu, _leaky_relu_slope,
            rf"\mathrm{{LeakyReLU}}(z) = \begin{{cases}}z & z > 0\\ {LEAKY_SLOPE:g}\,z & z \le 0\end{{cases}}",
            rf"\mathrm{{LeakyReLU}}'(z) = \begin{{cases}}1 & z > 0\\ {LEAKY_SLOPE:g} & z \le 0\end{{cases}}",
            "any value",
            f"ReLU with a small slope ({LEAKY_SLOPE:g}) for negative sums, so it never goes completely "
            "flat: a neuron on the negative side still learns, slowly.",
        ),
        Activation(
            "elu", "ELU", _elu, _elu_slope,
            rf"\mathrm{{ELU}}(z) = \begin{{cases}}z & z > 0\\ {ELU_ALPHA:g}\,(e^{{z}} - 1) & z \le 0\end{{cases}}",
            rf"\mathrm{{ELU}}'(z) = \begin{{cases}}1 & z > 0\\ {ELU_ALPHA:g}\,e^{{z}} & z \le 0\end{{cases}}",
            f"-{ELU_ALPHA:g} and up",
            f"Linear for positive sums; for negative sums it curves smoothly down to -{ELU_ALPHA:g} and "
            "flattens out there (below about -3), so very negative neurons learn slowly.",
        ),
        Activation(
            "softplus", "Softplus", softplus, sigmoid,
            r"\mathrm{softplus}(z) = \ln(1 + e^{z})", r"\mathrm{softplus}'(z) = \sigma(z)", "0 and up",
            "A smooth ReLU: for large sums it is almost z, for very negative sums almost 0 and almost "
            "flat (below about -3), so those neurons learn slowly.",
        ),
    )
}


def get_activation(key: str) -> Activation:
    if key not in ACTIVATIONS:
        raise NNExplorerError(Message("msg.neuron.activation", allowed=", ".join(ACTIVATIONS), value=repr(key)))
    return ACTIVATIONS[key]


def activate(key: str, z: np.ndarray | float) -> np.ndarray:
    return get_activation(key).function(np.asarray(z, dtype=np.float64))


def slope(key: str, z: np.ndarray | float) -> np.ndarray:
    return get_activation(key).derivative(np.asarray(z, dtype=np.float64))


@dataclass(frozen=True)
class FlatRegions:
    """Where the slope is below `fraction` of its largest value on the searched range.

    `left` is the z below which the curve is flat (None if it never is on the left); `right`
    the z above which it is flat (None if it never is on the right).
    """

    left: float | None
    right: float | None
    fraction: float


def flat_regions(key: str, fraction: float = 0.05, z_min: float = -10.0, z_max: float = 10.0) -> FlatRegions:
    """Find the saturated tails from the derivative itself, on a fine grid."""
    if not 0.0 < fraction < 1.0:
        raise NNExplorerError(Message("msg.neuron.fraction", value=fraction))
    z = np.linspace(z_min, z_max, 4001)
    d = np.abs(slope(key, z))
    flat = d < fraction * d.max()
    left = right = None
    if flat[0]:
        # The last grid point of the flat run that starts at the left edge.
        left = float(z[np.argmin(flat) - 1] if not flat.all() else z[-1])
    if flat[-1]:
        right = float(z[len(z) - np.argmin(flat[::-1])] if not flat.all() else z[0])
    return FlatRegions(left, right, fraction)
