"""SHAP values through the `shap` library: model-agnostic Kernel/Permutation SHAP for any
model, and GradientExplainer (expected gradients) for image and sequence models.

DeepExplainer is deliberately not offered: it patches TensorFlow's gradient registry
process-wide and leaves it patched when it fails, which breaks later training in the server.
`shap` is imported inside each function (it is slow to import).

Kernel and Permutation SHAP draw from NumPy's global random generator; we seed it for the
call and restore it afterwards, under a lock so two sessions do not interleave.
"""

from __future__ import annotations

import contextlib
import threading
import time
import warnings
from typing import Any, Iterator

import numpy as np

from nncore.explain import compiled_cache
from nncore.explain.explanation import Explanation, build_explanation
from nncore.explain.model import ExplainableModel, as_explainable

_global_rng_lock = threading.Lock()


@contextlib.contextmanager
def seeded_global_numpy(seed: int) -> Iterator[None]:
    """Seed NumPy's global generator for a block, then put its previous state back."""
    with _global_rng_lock:
        state = np.random.get_state()
        np.random.seed(seed)
        try:
            yield
        finally:
            np.random.set_state(state)


def _quiet_shap():
    """Import shap with its import-time warnings silenced, its compiled helpers cached on disk
    (nncore.explain.compiled_cache: a restarted server loads them instead of compiling)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import shap
    compiled_cache.install()
    return shap


def sample_background(m: ExplainableModel, size: int, seed: int) -> np.ndarray:
    """`size` training inputs drawn without replacement (all of them when there are fewer)."""
    data = m.background
    if size >= len(data):
        return data
    rng = np.random.default_rng(seed)
    return data[np.sort(rng.choice(len(data), size=size, replace=False))]


def kmeans_background(m: ExplainableModel, background_size: int, seed: int) -> Any:
    """Kernel SHAP's background: k-means centres of sampled training inputs, weighted by size.

    k-means costs more than the explanation itself (~0.3 s); it depends only on the model's
    training data, so it is computed once per model, size and seed (and may be computed ahead:
    nncore.explain.prepare).
    """
    memo_key = ("kmeans", int(background_size), int(seed))
    if memo_key not in m.memo:
        flat_bg = sample_background(m, max(background_size * 20, 200), seed).reshape(-1, int(np.prod(m.input_shape)))
        m.memo[memo_key] = _quiet_shap().kmeans(flat_bg, min(background_size, len(flat_bg)))
    return m.memo[memo_key]


def _flat_function(m: ExplainableModel, output_index: int | None):
    f = m.output_function(output_index)
    return lambda z: f(np.asarray(z, dtype=np.float32).reshape(-1, *m.input_shape))


def kernel_shap(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    background_size: int = 20,
    nsamples: int | str = "auto",
    summarize: str = "kmeans",
    seed: int = 0,
) -> Explanation:
    """Kernel SHAP on a background summarised by k-means (`summarize="kmeans"`) or sampled.

    Values sum to the prediction minus `base_value` (the expected output over the background).
    """
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    shap = _quiet_shap()
    if summarize == "kmeans":
        background = kmeans_background(m, background_size, seed)
    elif summarize == "sample":
        background = sample_background(m, background_size, seed).reshape(-1, x.size)
    else:
        raise ValueError(f"Expected summarize 'kmeans' or 'sample'. Received: {summarize!r}")
    with seeded_global_numpy(seed):
        explainer = shap.KernelExplainer(_flat_function(m, k), background)
        values = explainer.shap_values(x.reshape(1, -1), nsamples=nsamples, silent=True)
    base = float(np.asarray(explainer.expected_value).reshape(-1)[0])
    params = {"background_size": int(background_size), "nsamples": nsamples, "summarize": summarize, "seed": int(seed)}
    return build_explanation(m, x, k, np.asarray(values).reshape(x.shape), base, "kernel_shap", params, started)


def permutation_shap(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    background_size: int = 50,
    permutations: int = 10,
    seed: int = 0,
) -> Explanation:
    """Permutation SHAP: exact additivity by construction (antithetic permutations).

    Cost: about `permutations` x 2 x features model calls on `background_size` rows each.
    """
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    shap = _quiet_shap()
    background = sample_background(m, background_size, seed).reshape(-1, x.size)
    masker = shap.maskers.Independent(background, max_samples=len(background))
    with seeded_global_numpy(seed):
        explainer = shap.PermutationExplainer(_flat_function(m, k), masker, seed=seed)
        result = explainer(x.reshape(1, -1), max_evals=permutations * (2 * x.size + 1), silent=True)
    base = float(np.asarray(result.base_values).reshape(-1)[0])
    params = {"background_size": int(background_size), "permutations": int(permutations), "seed": int(seed)}
    return build_explanation(m, x, k, np.asarray(result.values).reshape(x.shape), base, "permutation_shap", params, started)


def _one_output_model(m: ExplainableModel, unit: int, use_score: bool = False) -> Any:
    """A Keras model with the same layers and weights that returns only output `unit`
    (its score before softmax/sigmoid with `use_score`)."""
    key = ("one_output", int(unit), bool(use_score))
    if key not in m.memo:
        source = m.score_model if use_score else m.model
        if not m.is_classifier and (m.target_scale != 1.0 or m.target_mean != 0.0):
            import keras

            # Regression: the output in the target's units, as every other method explains it.
            inputs = keras.Input(shape=m.input_shape)
            to_units = keras.layers.Rescaling(m.target_scale, offset=m.target_mean, name="target_units")
            m.memo[key] = keras.Model(inputs, to_units(source(inputs)))
        elif m.output_units == 1:
            m.memo[key] = source
        else:
            import keras

            # A layer, not a bare slice: shap reads the model's output from its last layer.
            pick = keras.layers.Lambda(lambda t: t[:, unit : unit + 1], name=f"output_{unit}")
            inputs = keras.Input(shape=m.input_shape)
            m.memo[key] = keras.Model(inputs, pick(source(inputs)))
    return m.memo[key]


def gradient_shap(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    background_size: int = 50,
    nsamples: int = 200,
    seed: int = 0,
    target: str = "score",
) -> Explanation:
    """shap.GradientExplainer (expected gradients) for image and sequence models.

    Like the other gradient methods it explains the class score before softmax/sigmoid by
    default (`target="probability"`: the probability). Values sum approximately (not
    exactly) to that score minus its mean over the background, reported as `base_value`.
    """
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    shap = _quiet_shap()
    from nncore.backend import configure_devices

    configure_devices()
    background = sample_background(m, background_size, seed)
    unit = 0 if k is None or m.single_sigmoid else k
    with warnings.catch_warnings():
        # Keras warns that shap passes the input as a list; the call is still correct.
        warnings.simplefilter("ignore")
        # Only the explained output, in one batch: shap would otherwise differentiate every
        # class (10 for digits) in batches of 50.
        explainer = shap.GradientExplainer(_one_output_model(m, unit, m.uses_score(target)), background,
                                           batch_size=max(int(nsamples), 1))
        raw = explainer.shap_values(x[None], nsamples=nsamples, rseed=seed)
    if isinstance(raw, list):  # one array per model output (older shap)
        raw = np.stack([np.asarray(part)[0] for part in raw], axis=-1)
    else:  # (1, *input shape, model outputs)
        raw = np.asarray(raw)[0]
    values = raw.reshape(*x.shape, -1)[..., 0]
    if m.single_sigmoid and k == 0:
        values = -values  # d(1 - p) = -dp; d(-z) = -dz
    base = float(np.mean(m.target_function(k, target)(background)))
    params = {"background_size": int(background_size), "nsamples": int(nsamples), "seed": int(seed), "target": target}
    return build_explanation(m, x, k, values, base, "gradient_shap", params, started, target)
