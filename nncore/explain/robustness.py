"""Robustness of an explanation: max-sensitivity (Yeh et al., 2019, "On the (in)fidelity and
sensitivity of explanations", NeurIPS).

    SENS_max(e, x, r) = max over ||d||_inf <= r of ||e(x + d) - e(x)|| / ||e(x)||

estimated, as Quantus's MaxSensitivity does, from `samples` draws of uniform noise in
[-r, r] on every input value, with Frobenius norms over the whole attribution. A small
number means nearby inputs get nearly the same explanation; a large one means the picture
could change with noise too small to change what the input is. It says nothing about whether
the explanation is *right*: a method that returns a constant map is perfectly robust.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True, eq=False)
class Sensitivity:
    """`value` is the largest relative change over the draws (`changes`, one per draw)."""

    value: float
    changes: np.ndarray
    radius: float


def uniform_perturbations(shape: tuple[int, ...], radius: float, samples: int, seed: int = 0) -> np.ndarray:
    """(samples, *shape) draws of uniform noise in [-radius, radius], seeded."""
    if samples < 1 or radius < 0:
        raise ValueError(f"Expected samples >= 1 and radius >= 0. Received: samples={samples}, radius={radius}")
    rng = np.random.default_rng(seed)
    return rng.uniform(-radius, radius, size=(samples, *shape)).astype(np.float32)


def max_sensitivity(
    explain: Callable[[np.ndarray], np.ndarray],
    x: np.ndarray,
    values: np.ndarray,
    radius: float,
    samples: int = 8,
    seed: int = 0,
    perturbations: np.ndarray | None = None,
) -> Sensitivity:
    """Max-sensitivity of the explanation `values` of input `x`.

    `explain(x')` re-explains a perturbed input (same method, same settings, same class) and
    returns its attributions in `values`' shape. Pass `perturbations` (n, *x.shape) to use
    given noise instead of `samples` seeded draws. NaN when `values` are all zero.
    """
    x = np.asarray(x, dtype=np.float32)
    values = np.asarray(values, dtype=np.float64)
    if perturbations is None:
        perturbations = uniform_perturbations(x.shape, radius, samples, seed)
    perturbations = np.asarray(perturbations, dtype=np.float32)
    if perturbations.shape[1:] != x.shape:
        raise ValueError(f"Expected perturbations of shape (n, *{x.shape}). Received: {perturbations.shape}")
    denominator = float(np.linalg.norm(values.reshape(-1)))
    changes = np.array(
        [np.linalg.norm((np.asarray(explain(x + d), dtype=np.float64) - values).reshape(-1)) for d in perturbations]
    )
    value = float(changes.max() / denominator) if denominator > 0 else float("nan")
    ratios = changes / denominator if denominator > 0 else np.full(len(changes), np.nan)
    return Sensitivity(value=value, changes=ratios, radius=float(radius))
