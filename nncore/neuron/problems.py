"""Small two-feature problems for the tiny network: XOR's four corners, or a few points from
the app's 2-D datasets (all splits together: the lab is about how a step works, not about
generalizing)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message

PROBLEMS = {
    "xor4": "XOR, the 4 corners",
    "xor": "XOR cloud",
    "circles": "Circles",
    "moons": "Moons",
    "gaussians": "Two blobs",
}


@dataclass(frozen=True)
class TinyProblem:
    key: str
    title: str
    x: np.ndarray  # (n, 2) float64
    y: np.ndarray  # (n,) 0.0 or 1.0


def xor_corners() -> TinyProblem:
    """The classic: (0,0) and (1,1) are class 0, (0,1) and (1,0) class 1. No straight line
    separates them, so one neuron cannot do it and a hidden layer is needed."""
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return TinyProblem("xor4", PROBLEMS["xor4"], x, np.array([0.0, 1.0, 1.0, 0.0]))


def load_problem(key: str, n_points: int = 60, noise: float = 0.1, seed: int = 0) -> TinyProblem:
    if key not in PROBLEMS:
        raise NNExplorerError(Message("msg.neuron.problem", allowed=", ".join(PROBLEMS), value=repr(key)))
    if key == "xor4":
        return xor_corners()
    from nncore.data import load_dataset

    data = load_dataset(key, n_points=n_points, noise=noise, seed=seed)
    x = np.concatenate([data.x_train, data.x_val, data.x_test]).astype(np.float64)
    y = np.concatenate([data.y_train, data.y_val, data.y_test]).astype(np.float64)
    return TinyProblem(key, PROBLEMS[key], x, y)
