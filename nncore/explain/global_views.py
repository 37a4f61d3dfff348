"""Whole-model views built from many explanations or from predictions alone (pure functions).

Compute once (`shap_sample`, `permutation_importance`), then derive cheap views for drawing:
mean |SHAP| importance, beeswarm rows, one feature's dependence.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Callable, Literal

import numpy as np

from nncore.explain.model import ExplainableModel, as_explainable


def flat_feature_names(m: ExplainableModel) -> tuple[str, ...]:
    """One name per input value: the feature names for tables, 'row r, col c' for images,
    'step s: feature' for sequences."""
    shape = m.input_shape
    if m.input_kind == "tabular":
        return tuple(m.feature_names)
    if m.input_kind == "image":
        height, width, channels = shape
        suffix = (lambda c: "") if channels == 1 else (lambda c: f", ch {c}")
        return tuple(f"row {r}, col {c}{suffix(ch)}" for r in range(height) for c in range(width) for ch in range(channels))
    steps, features = shape
    names = m.feature_names if len(m.feature_names) == features else tuple(f"f{i}" for i in range(features))
    return tuple(f"step {s + 1}: {name}" for s in range(steps) for name in names)


@dataclass(frozen=True, eq=False)
class ShapSample:
    """SHAP values for many inputs, flattened to (n, features), with the inputs' values."""

    values: np.ndarray  # (n, features)
    feature_values: np.ndarray  # (n, features)
    feature_names: tuple[str, ...]
    base_value: float
    output_index: int | None
    method: str
    seconds: float


def shap_sample(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    method: Literal["kernel", "permutation"] = "permutation",
    n: int = 50,
    seed: int = 0,
    on_progress: Callable[[int, int], None] | None = None,
    **method_params: Any,
) -> ShapSample:
    """SHAP values for up to `n` rows of `x` (a seeded sample, e.g. of the test set).

    `output_index` None explains each row's predicted class (classification) or the prediction.
    `on_progress(done, total)` is called after each row, so a caller can show progress (and,
    in Streamlit, be interrupted there: nothing is returned until every row is done).
    """
    from nncore.explain.shap_methods import kernel_shap, permutation_shap

    started = time.perf_counter()
    m = as_explainable(model)
    x = np.asarray(x, dtype=np.float32)
    if len(x) > n:
        x = x[np.sort(np.random.default_rng(seed).choice(len(x), size=n, replace=False))]
    explain = {"kernel": kernel_shap, "permutation": permutation_shap}.get(method)
    if explain is None:
        raise ValueError(f"Expected method 'kernel' or 'permutation'. Received: {method!r}")
    if output_index is None and m.is_classifier:
        # One class for the whole sample, so values are comparable: the most predicted one.
        output_index = int(np.bincount(m.predict_proba(x).argmax(axis=1)).argmax())
    results = []
    for row in x:
        results.append(explain(m, row, output_index, seed=seed, **method_params))
        if on_progress is not None:
            on_progress(len(results), len(x))
    return ShapSample(
        values=np.stack([r.values.reshape(-1) for r in results]),
        feature_values=x.reshape(len(x), -1).astype(np.float64),
        feature_names=flat_feature_names(m),
        base_value=float(np.mean([r.base_value for r in results])),
        output_index=output_index,
        method=results[0].method if results else method,
        seconds=time.perf_counter() - started,
    )


@dataclass(frozen=True, eq=False)
class Importance:
    """One importance score per feature (with a spread), most important first."""

    feature_names: tuple[str, ...]
    scores: np.ndarray
    spread: np.ndarray  # standard deviation over repeats or rows
    method: str
    params: dict[str, Any]
    seconds: float = 0.0

    def top(self, count: int) -> "Importance":
        return Importance(self.feature_names[:count], self.scores[:count], self.spread[:count], self.method, self.params, self.seconds)


def _sorted(names: tuple[str, ...], scores: np.ndarray, spread: np.ndarray, method: str, params: dict, seconds: float) -> Importance:
    order = np.argsort(-scores, kind="stable")
    return Importance(tuple(names[i] for i in order), scores[order], spread[order], method, params, seconds)


def mean_abs_shap(sample: ShapSample) -> Importance:
    """Global importance: the mean |SHAP value| of each feature over the sample."""
    magnitude = np.abs(sample.values)
    return _sorted(sample.feature_names, magnitude.mean(axis=0), magnitude.std(axis=0), "Mean |SHAP|", {"rows": len(sample.values)}, sample.seconds)


@dataclass(frozen=True, eq=False)
class SummaryRows:
    """Beeswarm data: one row per (example, feature), features ordered by importance."""

    feature: tuple[str, ...]
    shap_value: np.ndarray
    feature_value: np.ndarray
    scaled_value: np.ndarray  # feature value mapped to [0, 1] within its feature (for colour)
    order: tuple[str, ...]  # features, most important first


def summary_data(sample: ShapSample, max_features: int = 15) -> SummaryRows:
    importance = mean_abs_shap(sample)
    order = importance.feature_names[:max_features]
    index = {name: i for i, name in enumerate(sample.feature_names)}
    features, shap_values, feature_values, scaled = [], [], [], []
    for name in order:
        column = index[name]
        values = sample.feature_values[:, column]
        low, high = values.min(), values.max()
        features.extend([name] * len(values))
        shap_values.append(sample.values[:, column])
        feature_values.append(values)
        scaled.append((values - low) / (high - low) if high > low else np.full_like(values, 0.5))
    join = lambda parts: np.concatenate(parts) if parts else np.zeros(0)
    return SummaryRows(tuple(features), join(shap_values), join(feature_values), join(scaled), tuple(order))


@dataclass(frozen=True, eq=False)
class Dependence:
    feature: str
    feature_value: np.ndarray
    shap_value: np.ndarray


def dependence_data(sample: ShapSample, feature: str | int) -> Dependence:
    """One feature's SHAP value against its value, over the sample."""
    column = sample.feature_names.index(feature) if isinstance(feature, str) else int(feature)
    if not 0 <= column < len(sample.feature_names):
        raise ValueError(f"Expected a feature index in [0, {len(sample.feature_names)}). Received: {feature!r}")
    return Dependence(sample.feature_names[column], sample.feature_values[:, column].copy(), sample.values[:, column].copy())


def _score_function(m: ExplainableModel, metric: str) -> tuple[str, Callable[[np.ndarray, np.ndarray], float]]:
    """The metric's name and a (predictions, truth) -> score function."""
    if metric == "auto":
        metric = "accuracy" if m.is_classifier else "mse"
    if metric == "accuracy":
        if not m.is_classifier:
            raise ValueError("Expected metric 'mse' for a regression model. Received: metric='accuracy'")
        return metric, lambda pred, y: float(np.mean(pred.argmax(axis=1) == y))
    if metric == "mse":
        if m.is_classifier:
            raise ValueError("Expected metric 'accuracy' for a classifier. Received: metric='mse'")
        return metric, lambda pred, y: float(np.mean((pred - y) ** 2))
    raise ValueError(f"Expected metric 'auto', 'accuracy' or 'mse'. Received: {metric!r}")


def permutation_importance(
    model: Any,
    x: np.ndarray,
    y: np.ndarray,
    metric: str = "auto",
    n_repeats: int = 5,
    seed: int = 0,
    on_progress: Callable[[int, int], None] | None = None,
    groups: Sequence[Any] | None = None,
) -> Importance:
    """How much the score worsens when one feature's column is shuffled (Breiman, 2001).

    With `groups` (FeatureGroup, see nncore/data/table_encoding.py) a table column's inputs
    (e.g. its one-hot parts) are shuffled together, rows kept whole: one score per column.

    Features are the flattened input values (columns for tables, pixels for images, step x
    feature for sequences). Scores are in the metric's units: accuracy lost, or MSE gained.
    All shuffled copies of one feature go to the compiled predict in one batch.
    `on_progress(done, total)` is called after each feature.
    """
    if n_repeats < 1:
        raise ValueError(f"Expected a positive `n_repeats`. Received: n_repeats={n_repeats}")
    started = time.perf_counter()
    m = as_explainable(model)
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y)
    metric, score = _score_function(m, metric)
    flat = x.reshape(len(x), -1)
    baseline = score(m.predict_proba(x), y)
    rng = np.random.default_rng(seed)
    means, stds = [], []
    blocks = [list(g.inputs) for g in groups] if groups is not None else [[c] for c in range(flat.shape[1])]
    for column, block in enumerate(blocks):
        copies = np.repeat(flat[None], n_repeats, axis=0)
        for r in range(n_repeats):
            shuffled = rng.permutation(len(flat))
            copies[r][:, block] = flat[np.ix_(shuffled, block)]
        predictions = m.predict_proba(copies.reshape(-1, *m.input_shape))
        drops = []
        for r in range(n_repeats):
            shuffled = score(predictions[r * len(x) : (r + 1) * len(x)], y)
            drops.append(baseline - shuffled if metric == "accuracy" else shuffled - baseline)
        means.append(np.mean(drops))
        stds.append(np.std(drops))
        if on_progress is not None:
            on_progress(column + 1, len(blocks))
    params = {"metric": metric, "n_repeats": int(n_repeats), "seed": int(seed), "baseline_score": baseline, "rows": len(x)}
    names = tuple(g.name for g in groups) if groups is not None else flat_feature_names(m)
    if groups is not None:
        params["grouped"] = True
    return _sorted(names, np.array(means), np.array(stds), "Permutation importance", params, time.perf_counter() - started)


def sample_rows(x: np.ndarray, y: np.ndarray, rows: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Up to `rows` examples of (x, y), a seeded sample kept in the data's order."""
    if len(x) > rows:
        chosen = np.sort(np.random.default_rng(seed).choice(len(x), size=rows, replace=False))
        return x[chosen], y[chosen]
    return x, y


def importance_is_empty(importance: Importance) -> bool:
    """True when every score and spread is zero: no shuffle changed the score at all, so the
    chart cannot tell the inputs apart (typical of accuracy on a few rows of a good model,
    where a shuffle must flip a whole prediction to count)."""
    return bool(np.all(importance.scores == 0) and np.all(importance.spread == 0))


def rows_that_show(
    model: Any, x: np.ndarray, y: np.ndarray, sizes: tuple[int, ...], *, seed: int = 0, n_repeats: int = 5,
    metric: str = "auto",
) -> int | None:
    """The smallest sample size in `sizes` (each sampled as `sample_rows` does) whose
    permutation importance is not all zero; the whole of `x` is tried last. None when even
    that shows nothing (no single input matters on its own)."""
    candidates = sorted({int(size) for size in sizes if int(size) < len(x)} | {len(x)})
    for size in candidates:
        xs, ys = sample_rows(x, y, size, seed)
        if not importance_is_empty(permutation_importance(model, xs, ys, metric=metric, n_repeats=n_repeats, seed=seed)):
            return size
    return None


def importance_map(importance: Importance, model: Any) -> np.ndarray:
    """Scores put back in the input's layout, for drawing over an image: (height, width)
    for images (channels summed), (steps, features) for sequences, (features,) for tables.

    Inputs missing from `importance` (e.g. cut with `top`) score 0.
    """
    m = as_explainable(model)
    names = flat_feature_names(m)
    score = dict(zip(importance.feature_names, importance.scores))
    flat = np.array([float(score.get(name, 0.0)) for name in names])
    grid = flat.reshape(m.input_shape)
    return grid.sum(axis=-1) if m.input_kind == "image" else grid
