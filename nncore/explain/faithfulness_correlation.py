"""Faithfulness correlation (Bhatt et al., 2020, "Evaluating and aggregating feature-based
model explanations", IJCAI).

Pick a random subset S of the positions, set them to a baseline, and measure how much the
explained output drops; do it `runs` times. A faithful explanation's attributions summed
over S should track the drop:

    mu_F = Pearson over runs of ( sum_{i in S} e_i ,  f(x) - f(x with S set to the baseline) )

It checks the *amounts* an explanation hands out, not only their order (deletion curves
check the order). It cannot tell why a method fails, and it depends on the baseline: an
explanation measured from the training mean should be checked with the mean as baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from nncore.explain.trust import checked_input, expand_positions, positions


@dataclass(frozen=True, eq=False)
class FaithfulnessCorrelation:
    """`value` is the Pearson correlation of `attribution_sums` and `drops` (one per run)."""

    value: float
    attribution_sums: np.ndarray
    drops: np.ndarray
    subset_size: int


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation; NaN when either side is constant."""
    a = np.asarray(a, dtype=np.float64) - np.mean(a)
    b = np.asarray(b, dtype=np.float64) - np.mean(b)
    denominator = float(np.sqrt((a**2).sum() * (b**2).sum()))
    return float((a * b).sum() / denominator) if denominator > 0 else float("nan")


def random_subsets(size: int, subset_size: int, runs: int, seed: int = 0) -> np.ndarray:
    """(runs, subset_size) position indices, each row drawn without replacement, seeded."""
    if not 1 <= subset_size <= size or runs < 2:
        raise ValueError(f"Expected 1 <= subset_size <= {size} and runs >= 2. Received: subset_size={subset_size}, runs={runs}")
    rng = np.random.default_rng(seed)
    return np.stack([rng.choice(size, subset_size, replace=False) for _ in range(runs)])


def faithfulness_correlation(
    exp: Any,
    predict: Callable[[np.ndarray], np.ndarray],
    baseline: np.ndarray,
    subset_size: int | None = None,
    runs: int = 50,
    seed: int = 0,
    subsets: np.ndarray | None = None,
) -> FaithfulnessCorrelation:
    """Faithfulness correlation of one explanation (which must carry its input).

    Positions are features (tables), pixels with all their channels (images) or time steps
    with all their features (sequences). `subset_size` defaults to a quarter of the
    positions; pass `subsets` (runs, subset_size) to use given draws. `predict` maps a batch
    to the explained output (one number per row) and is called once.
    """
    x, baseline = checked_input(exp, baseline)
    attributions = positions(exp)
    size = attributions.size
    if subsets is None:
        subsets = random_subsets(size, subset_size or max(1, size // 4), runs, seed)
    subsets = np.asarray(subsets, dtype=np.int64)
    hidden = np.zeros((len(subsets), size), dtype=bool)
    hidden[np.arange(len(subsets))[:, None], subsets] = True
    hidden = expand_positions(hidden, x.shape, exp.input_kind)  # a pixel's channels, a step's features
    perturbed = np.where(hidden, baseline[None], x[None])
    scores = np.asarray(predict(np.concatenate([x[None], perturbed]).astype(np.float32)), dtype=np.float64).reshape(-1)
    if scores.size != len(subsets) + 1:
        raise ValueError(f"Expected `predict` to return one number per row ({len(subsets) + 1}). Received: {scores.size}")
    drops = scores[0] - scores[1:]
    sums = attributions[subsets].sum(axis=1)
    return FaithfulnessCorrelation(pearson(sums, drops), sums, drops, int(subsets.shape[1]))
