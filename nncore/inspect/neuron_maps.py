"""What each hidden unit of a 2-D model responds to over the plane (TensorFlow Playground's
small per-neuron pictures): every dense layer's units evaluated on one grid."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nncore.inspect.boundary import plane_points

MAP_STEPS = 40  # small pictures: 1,600 points each, one forward pass for all of them


@dataclass(frozen=True)
class NeuronMaps:
    xs: np.ndarray
    ys: np.ndarray
    maps: dict[str, np.ndarray]  # hidden dense layer -> (steps, steps, units)


def neuron_maps(probe: Any, dataset: Any, steps: int = MAP_STEPS, margin: float = 0.15) -> NeuronMaps:
    """Evaluate every hidden dense unit of `probe` (an ActivationProbe) over a grid covering
    the 2-D dataset's points (the same extent as the decision boundary's grid)."""
    xs, ys, points = plane_points(dataset, steps, margin)
    values = probe(points)
    maps = {
        info.name: values[info.name].reshape(steps, steps, -1)
        for info in probe.layers
        if info.kind == "dense"
    }
    return NeuronMaps(xs, ys, maps)
