"""Region perturbation (Samek et al., 2017, "Evaluating the visualization of what a deep neural
network has learned", IEEE TNNLS 28(11)) for image explanations.

The image is cut into square regions; regions are replaced by uniform noise, most relevant
first (MoRF: by the sum of their attributions), one more at each step. The area over the
perturbation curve,

    AOPC = 1 / (L + 1) * sum_{k=0..L} ( f(x) - f(x after k regions) ),

is large when the regions the map points at are the ones the prediction needs. It is set
against random orders of the same regions and noise: a map whose AOPC does not beat random
shows nothing the model relies on. Noise, unlike a black patch, is not a value the map could
have learned to ignore; it still makes images the model never saw (what ROAD, Rong et al.
2022, corrects with a smarter fill).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from nncore.explain.trust import positions


@dataclass(frozen=True, eq=False)
class RegionPerturbation:
    """`curve[k]` = f(x) - f(x with the k most relevant regions noised), k = 0..L; `random_curve`
    the same for random orders (averaged). `value` = aopc - random_aopc."""

    patch: int
    curve: np.ndarray
    random_curve: np.ndarray
    aopc: float
    random_aopc: float

    @property
    def value(self) -> float:
        return self.aopc - self.random_aopc


def default_patch(height: int, width: int) -> int:
    """About eight regions per side: 2 x 2 on 8 x 8 digits, 3 x 3 on 28 x 28 images."""
    return max(2, min(height, width) // 8)


def region_ids(height: int, width: int, patch: int) -> np.ndarray:
    """(height, width) region number of each pixel: a grid of `patch` x `patch` squares."""
    per_row = -(-width // patch)
    return (np.arange(height)[:, None] // patch) * per_row + (np.arange(width)[None, :] // patch)


def _curve(x: np.ndarray, noise: np.ndarray, ids: np.ndarray, order: np.ndarray) -> np.ndarray:
    """(L + 1, *x.shape) images: the first k regions of `order` noised, k = 0..L."""
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    pixel_rank = rank[ids]  # (height, width)
    masks = pixel_rank[None] < np.arange(len(order) + 1)[:, None, None]
    return np.where(masks[..., None], noise[None], x[None])


def region_perturbation(
    exp: Any,
    predict: Callable[[np.ndarray], np.ndarray],
    low: float,
    high: float,
    patch: int | None = None,
    repeats: int = 5,
    seed: int = 0,
) -> RegionPerturbation:
    """MoRF region perturbation of one image explanation, against `repeats` random orders.

    Noise is uniform in [low, high] (the training data's range), drawn once (seeded) and the
    same for every order, so only the order differs. `predict` maps a batch of images to the
    explained output and is called once.
    """
    if exp.input_kind != "image" or exp.instance is None:
        raise ValueError(f"Expected an image explanation that carries its input. Received: {exp.input_kind} data")
    x = np.asarray(exp.instance, dtype=np.float32)
    height, width = x.shape[:2]
    patch = int(patch or default_patch(height, width))
    if patch < 1:
        raise ValueError(f"Expected a positive `patch`. Received: patch={patch}")
    ids = region_ids(height, width, patch)
    n_regions = int(ids.max()) + 1
    relevance = np.bincount(ids.reshape(-1), weights=positions(exp).reshape(height, width).reshape(-1), minlength=n_regions)
    rng = np.random.default_rng(seed)
    noise = rng.uniform(low, high, size=x.shape).astype(np.float32)
    orders = [np.argsort(-relevance, kind="stable")] + [rng.permutation(n_regions) for _ in range(max(1, repeats))]
    batch = np.concatenate([_curve(x, noise, ids, order) for order in orders])
    scores = np.asarray(predict(batch.astype(np.float32)), dtype=np.float64).reshape(len(orders), n_regions + 1)
    drops = scores[:, :1] - scores
    curve, random_curve = drops[0], drops[1:].mean(axis=0)
    return RegionPerturbation(patch, curve, random_curve, float(curve.mean()), float(random_curve.mean()))
