"""Statistics of each layer's units over a sample of inputs: histograms, dead and saturated
units (with plain-words warnings), and a 2-D PCA of the layer's representation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nncore.inspect.activations import LayerInfo
from nncore.messages import Message

# Near-limit bands: a sigmoid within 0.02 of 0 or 1, a tanh within 0.04 of -1 or 1, has a
# slope under ~0.02 (sigmoid) / ~0.08 (tanh): gradients through it nearly vanish.
SIGMOID_BAND = 0.02
TANH_BAND = 0.04
SATURATED_SHARE_OF_SAMPLE = 0.95  # a unit is saturated when this share of inputs hit a limit
PROBLEM_SHARE = 0.3  # a layer is flagged when this share of its units is dead or saturated
RELU_LIKE = ("relu", "relu6")
SATURATING = ("sigmoid", "tanh")


@dataclass(frozen=True)
class LayerUnitStats:
    layer: LayerInfo
    n_examples: int
    mean: np.ndarray  # (units,) mean activation per unit
    dead: np.ndarray  # (units,) bool: ReLU never above 0 on the sample
    saturated: np.ndarray  # (units,) bool: sigmoid/tanh near a limit on almost every input
    histogram_counts: np.ndarray
    histogram_edges: np.ndarray

    @property
    def dead_share(self) -> float:
        return float(self.dead.mean()) if self.dead.size else 0.0

    @property
    def saturated_share(self) -> float:
        return float(self.saturated.mean()) if self.saturated.size else 0.0

    @property
    def warning(self) -> Message | None:
        """A plain-words problem statement when many units are dead or saturated, else None."""
        name = self.layer.name
        if self.dead_share >= PROBLEM_SHARE:
            return Message("msg.inspect.dead", share=f"{self.dead_share:.0%}", layer=name, n=self.n_examples)
        if self.saturated_share >= PROBLEM_SHARE:
            return Message(
                "msg.inspect.saturated", share=f"{self.saturated_share:.0%}", layer=name, activation=self.layer.activation
            )
        return None


def _per_unit(values: np.ndarray) -> np.ndarray:
    """(n, ..., units) -> (n * positions, units): every position of a feature map or a
    sequence counts as one observation of its unit."""
    values = np.asarray(values, dtype=np.float64)
    return values.reshape(-1, values.shape[-1]) if values.ndim > 1 else values[:, None]


def saturation_mask(values: np.ndarray, activation: str | None) -> np.ndarray:
    """(units,) bool: units near their activation's limits on at least 95% of observations."""
    obs = _per_unit(values)
    if activation == "sigmoid":
        near = (obs < SIGMOID_BAND) | (obs > 1 - SIGMOID_BAND)
    elif activation == "tanh":
        near = np.abs(obs) > 1 - TANH_BAND
    else:
        return np.zeros(obs.shape[1], dtype=bool)
    return near.mean(axis=0) >= SATURATED_SHARE_OF_SAMPLE


def dead_mask(values: np.ndarray, activation: str | None) -> np.ndarray:
    """(units,) bool: ReLU units that are 0 for every observation."""
    obs = _per_unit(values)
    if activation not in RELU_LIKE:
        return np.zeros(obs.shape[1], dtype=bool)
    return obs.max(axis=0) <= 0.0


def layer_unit_stats(layer: LayerInfo, values: np.ndarray, bins: int = 40) -> LayerUnitStats:
    """Statistics of one layer's activations over a sample (values: (n, ..., units))."""
    obs = _per_unit(values)
    counts, edges = np.histogram(obs.ravel(), bins=bins)
    return LayerUnitStats(
        layer=layer,
        n_examples=int(np.asarray(values).shape[0]),
        mean=obs.mean(axis=0),
        dead=dead_mask(values, layer.activation),
        saturated=saturation_mask(values, layer.activation),
        histogram_counts=counts,
        histogram_edges=edges,
    )


@dataclass(frozen=True)
class Projection:
    coords: np.ndarray  # (n, 2)
    explained: np.ndarray  # (2,) share of the variance along each axis


def pca_2d(values: np.ndarray) -> Projection:
    """The first two principal components of a layer's representation (NumPy SVD)."""
    flat = np.asarray(values, dtype=np.float64).reshape(len(values), -1)
    centered = flat - flat.mean(axis=0)
    if flat.shape[0] < 2:
        return Projection(np.zeros((flat.shape[0], 2)), np.zeros(2))
    _, singular, vt = np.linalg.svd(centered, full_matrices=False)
    components = vt[:2]
    coords = centered @ components.T
    if coords.shape[1] < 2:  # a one-unit layer: a line
        coords = np.column_stack([coords, np.zeros(len(coords))])
    variance = singular**2
    total = variance.sum()
    explained = variance[:2] / total if total > 0 else np.zeros(min(2, len(variance)))
    return Projection(coords, np.pad(explained, (0, 2 - len(explained))))
