"""Which explanation to trust: agreement between methods, faithfulness curves, sanity checks.

Pure NumPy on `Explanation` objects (plus a prediction function for faithfulness); no
TensorFlow here. Everything works on one value per *position*: a feature for tables, a
pixel for images (channels summed), a time step for sequences (features summed), so that
methods reporting per channel (Integrated gradients) and per pixel (Grad-CAM) compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message

# Tolerances by Explanation.method_key (never by title). Methods whose values add up, by
# construction, to the output minus the base value.
ADDITIVE_METHODS = {"kernel_shap": 1e-3, "permutation_shap": 1e-3}
# Approximately additive: expected gradients average over a sampled background.
APPROXIMATE_METHODS = {"gradient_shap": 0.1}
COMPLETE_METHODS = {"integrated_gradients": 0.01}  # relative tolerance on completeness


def positions(exp: Any) -> np.ndarray:
    """One attribution per position (feature, pixel or time step), flattened."""
    return np.asarray(exp.per_feature(), dtype=np.float64).reshape(-1)


def _ranks(values: np.ndarray) -> np.ndarray:
    from scipy.stats import rankdata

    return rankdata(values, method="average")


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman rank correlation of two attribution vectors (ties share their mean rank).

    NaN when either is constant (e.g. all zeros): a ranking with no order agrees with nothing.
    """
    a, b = np.asarray(a, dtype=np.float64).reshape(-1), np.asarray(b, dtype=np.float64).reshape(-1)
    if a.shape != b.shape:
        raise NNExplorerError(Message("msg.trust.same_length", a=int(a.size), b=int(b.size)))
    ra, rb = _ranks(a), _ranks(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    denominator = float(np.sqrt((ra**2).sum() * (rb**2).sum()))
    if denominator == 0.0:
        return float("nan")
    return float((ra * rb).sum() / denominator)


def top_k(values: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest |values| (ties broken by position, so results are stable)."""
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    return np.argsort(-np.abs(values), kind="stable")[: max(0, int(k))]


def top_k_overlap(a: np.ndarray, b: np.ndarray, k: int) -> float:
    """Share of the k most important positions (by |value|) that two explanations have in common."""
    a, b = np.asarray(a).reshape(-1), np.asarray(b).reshape(-1)
    if a.shape != b.shape:
        raise NNExplorerError(Message("msg.trust.same_length", a=int(a.size), b=int(b.size)))
    if not 1 <= k <= a.size:
        raise NNExplorerError(Message("msg.trust.k_range", most=int(a.size), k=k))
    return len(set(top_k(a, k).tolist()) & set(top_k(b, k).tolist())) / k


@dataclass(frozen=True, eq=False)
class Agreement:
    """Pairwise agreement between methods; matrices are symmetric with 1 on the diagonal."""

    methods: tuple[str, ...]
    spearman: np.ndarray  # (n, n)
    overlap: np.ndarray  # (n, n), top-k overlap in [0, 1]
    k: int


def agreement(explanations: Sequence[Any], k: int = 5) -> Agreement:
    """Spearman rank correlation and top-k overlap between every pair of explanations."""
    if not explanations:
        raise NNExplorerError(Message("msg.trust.no_explanations"))
    vectors = [positions(e) for e in explanations]
    sizes = {v.size for v in vectors}
    if len(sizes) != 1:
        raise NNExplorerError(Message("msg.trust.same_input", sizes=str(sorted(sizes))))
    k = max(1, min(int(k), sizes.pop()))
    n = len(vectors)
    rho, overlap = np.ones((n, n)), np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            rho[i, j] = rho[j, i] = spearman(vectors[i], vectors[j])
            overlap[i, j] = overlap[j, i] = top_k_overlap(vectors[i], vectors[j], k)
    return Agreement(tuple(e.method for e in explanations), rho, overlap, k)


# --- faithfulness -------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Faithfulness:
    """Deletion and insertion curves for one ranking of the positions.

    `fractions[i]` is the share of positions removed (deletion) or added (insertion) at
    step i. Areas are taken over fractions in [0, 1], so they are the curve's average
    output: comparable across inputs of any size. Deletion: lower is better (the top-ranked
    positions carry the prediction). Insertion: higher is better.
    """

    method: str
    fractions: np.ndarray
    deletion: np.ndarray
    insertion: np.ndarray
    deletion_area: float
    insertion_area: float


def _area(fractions: np.ndarray, curve: np.ndarray) -> float:
    return float(np.sum((curve[1:] + curve[:-1]) * np.diff(fractions)) / 2.0)


def _mask_for(order: np.ndarray, counts: np.ndarray, size: int) -> np.ndarray:
    """(steps, size) booleans: row s marks the first counts[s] positions of `order`."""
    rank = np.empty(size, dtype=np.int64)
    rank[order] = np.arange(size)
    return rank[None, :] < counts[:, None]


def checked_input(exp: Any, baseline: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The explained input and `baseline` as float32 arrays of one shape; ValueError otherwise."""
    if exp.instance is None:
        raise NNExplorerError(Message("msg.trust.no_instance"))
    x = np.asarray(exp.instance, dtype=np.float32)
    baseline = np.asarray(baseline, dtype=np.float32)
    if baseline.shape != x.shape:
        raise NNExplorerError(Message("msg.trust.baseline_shape", expected=str(x.shape), shape=str(baseline.shape)))
    return x, baseline


def expand_positions(mask: np.ndarray, shape: tuple[int, ...], input_kind: str) -> np.ndarray:
    """Position masks (steps, positions) -> input-shaped masks (steps, *shape)."""
    if input_kind == "tabular":
        return mask.reshape(len(mask), *shape)
    # Images: a pixel covers all its channels; sequences: a step covers all its features.
    return np.broadcast_to(mask.reshape(len(mask), *shape[:-1], 1), (len(mask), *shape))


def faithfulness_curves(
    exp: Any,
    predict: Callable[[np.ndarray], np.ndarray],
    baseline: np.ndarray,
    steps: int = 20,
    order: np.ndarray | None = None,
    method: str | None = None,
) -> Faithfulness:
    """Deletion and insertion curves (Petsiuk et al., 2018) for one explanation.

    Positions are taken in the explanation's order (largest attribution first; pass `order`
    to use another ranking, e.g. a random one). Deletion replaces them one share at a time
    by `baseline` (same shape as the input: the training mean, or zeros); insertion starts
    from the baseline and puts them back. `predict` maps a batch of inputs to the explained
    output (one number per row); it is called once, on all the steps together.
    """
    if exp.instance is None:
        raise NNExplorerError(Message("msg.trust.no_instance"))
    if steps < 1:
        raise NNExplorerError(Message("msg.trust.steps", steps=steps))
    x, baseline = checked_input(exp, baseline)
    ranked = positions(exp)
    size = ranked.size
    if order is None:
        order = np.argsort(-ranked, kind="stable")
    order = np.asarray(order, dtype=np.int64)
    if sorted(order.tolist()) != list(range(size)):
        raise NNExplorerError(Message("msg.trust.order", size=int(size), n=int(order.size)))
    counts = np.unique(np.round(np.linspace(0, size, min(steps, size) + 1)).astype(np.int64))
    hidden = expand_positions(_mask_for(order, counts, size), x.shape, exp.input_kind)
    deleted = np.where(hidden, baseline[None], x[None])
    inserted = np.where(hidden, x[None], baseline[None])
    scores = np.asarray(predict(np.concatenate([deleted, inserted]).astype(np.float32)), dtype=np.float64).reshape(-1)
    if scores.size != 2 * len(counts):
        raise NNExplorerError(Message("msg.trust.predict_rows", expected=2 * len(counts), n=int(scores.size)))
    deletion, insertion = scores[: len(counts)], scores[len(counts) :]
    fractions = counts / size
    return Faithfulness(
        method=method or exp.method,
        fractions=fractions,
        deletion=deletion,
        insertion=insertion,
        deletion_area=_area(fractions, deletion),
        insertion_area=_area(fractions, insertion),
    )


def random_faithfulness(
    exp: Any,
    predict: Callable[[np.ndarray], np.ndarray],
    baseline: np.ndarray,
    steps: int = 20,
    repeats: int = 5,
    seed: int = 0,
) -> Faithfulness:
    """The curves of random rankings, averaged over `repeats` seeded orders: the reference a
    faithful method must beat."""
    rng = np.random.default_rng(seed)
    size = positions(exp).size
    runs = [faithfulness_curves(exp, predict, baseline, steps, order=rng.permutation(size)) for _ in range(max(1, repeats))]
    fractions = runs[0].fractions
    deletion = np.mean([r.deletion for r in runs], axis=0)
    insertion = np.mean([r.insertion for r in runs], axis=0)
    return Faithfulness("random order", fractions, deletion, insertion, _area(fractions, deletion), _area(fractions, insertion))


# --- sanity checks ------------------------------------------------------------------------


@dataclass(frozen=True)
class SanityCheck:
    """A property a method promises, measured on this explanation.

    `expected` is what the attributions should sum to, `received` what they sum to; `error`
    is received - expected and `relative_error` is |error| / |expected| (or |error| when
    expected is 0). `passed` compares against the method's tolerance.
    """

    method: str
    check: Message  # the promise, keyed ("msg.trust.additivity"); str() is the English
    expected: float
    received: float
    error: float
    relative_error: float
    tolerance: float
    passed: bool
    note: Message | str  # the promise (`check`) and the note are Messages: str() is the English


def shap_additivity(exp: Any, tolerance: float | None = None) -> SanityCheck:
    """SHAP: base value + sum of values should equal the model's output.

    Reported as error = base + sum - output, in the output's units.
    """
    if exp.base_value is None:
        raise NNExplorerError(Message("msg.trust.no_base", method=str(exp.method)))
    tol = tolerance if tolerance is not None else {**ADDITIVE_METHODS, **APPROXIMATE_METHODS}.get(exp.method_key, 1e-3)
    expected = float(exp.predicted_value - exp.base_value)
    received = float(exp.values.sum())
    error = float(exp.base_value + received - exp.predicted_value)
    relative = abs(error) / abs(expected) if expected else abs(error)
    note = Message("msg.trust.note_exact" if exp.method_key in ADDITIVE_METHODS else "msg.trust.note_sampled")
    return SanityCheck(exp.method, Message("msg.trust.additivity"), expected, received, error, relative, tol, abs(error) <= tol, note)


def ig_completeness(exp: Any, tolerance: float = COMPLETE_METHODS["integrated_gradients"]) -> SanityCheck:
    """Integrated gradients: values should sum to f(x) - f(baseline) (its `base_value`).

    The gap shrinks as the number of steps grows; `tolerance` is relative to f(x) - f(baseline).
    """
    if exp.base_value is None:
        raise NNExplorerError(Message("msg.trust.ig_base", method=str(exp.method)))
    expected = float(exp.predicted_value - exp.base_value)
    received = float(exp.values.sum())
    error = received - expected
    relative = abs(error) / abs(expected) if expected else abs(error)
    steps = exp.params.get("steps")
    note = Message("msg.trust.note_steps", steps=steps) if steps else ""
    return SanityCheck(exp.method, Message("msg.trust.completeness"), expected, received, error, relative, tolerance, relative <= tolerance, note)


def sanity_checks(explanations: Sequence[Any]) -> list[SanityCheck]:
    """The checks that apply to these explanations (SHAP additivity, IG completeness)."""
    checks = []
    for exp in explanations:
        if exp.method_key in ADDITIVE_METHODS or exp.method_key in APPROXIMATE_METHODS:
            checks.append(shap_additivity(exp))
        elif exp.method_key in COMPLETE_METHODS:
            checks.append(ig_completeness(exp))
    return checks
