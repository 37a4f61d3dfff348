"""Gradient methods (TensorFlow's GradientTape, via `nncore.backend`) and occlusion (NumPy).

Every function takes an `ExplainableModel` (or a TrainedRun), one input `x` of the model's
input shape, and the class to explain (default: the predicted class; ignored for
regression), and returns an `Explanation`. What the gradient methods differentiate is, by
default (`target="score"`), the explained class's score before the output's softmax/sigmoid
(its logit; see `nncore.explain.scores` for why), as the papers and the keras.io Grad-CAM
recipe do; `target="probability"` differentiates the probability instead. For regression it
is the predicted number. Occlusion, which only compares predictions, explains the probability.
"""

from __future__ import annotations

import time
from typing import Any, Literal

import numpy as np

from nncore.explain.explanation import Explanation, build_explanation
from nncore.explain.model import as_explainable

Baseline = Literal["zeros", "mean", "blur"]
Target = Literal["score", "probability"]

# Integrated gradients with `steps=None`: start here and double until completeness holds.
IG_START_STEPS = 32
IG_MAX_STEPS = 4096
IG_TOLERANCE = 0.01  # relative completeness error, as `trust.ig_completeness` checks it
IG_BUDGET_S = 5.0  # stop doubling after this long (then `converged` is False)


def saliency(
    model: Any, x: np.ndarray, output_index: int | None = None, absolute: bool = True, target: Target = "score"
) -> Explanation:
    """The gradient of the class score (or probability) w.r.t. the input: how fast it moves per unit of input."""
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    grad = m.gradients(x[None], k, target)[0]
    values = np.abs(grad) if absolute else grad
    return build_explanation(m, x, k, values, None, "saliency", {"absolute": bool(absolute), "target": target}, started, target)


def gradient_x_input(model: Any, x: np.ndarray, output_index: int | None = None, target: Target = "score") -> Explanation:
    """Gradient times input: a first-order estimate of each input's contribution relative to zero."""
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    values = m.gradients(x[None], k, target)[0] * x
    return build_explanation(m, x, k, values, None, "gradient_x_input", {"target": target}, started, target)


def make_baseline(model: Any, x: np.ndarray, kind: Baseline = "zeros", blur_sigma: float = 1.5) -> np.ndarray:
    """The reference input integrated gradients starts from."""
    m = as_explainable(model)
    x = m.check_instance(x)
    if kind == "zeros":
        return np.zeros_like(x)
    if kind == "mean":
        return m.background.mean(axis=0).astype(np.float32)
    if kind == "blur":
        if m.input_kind != "image":
            raise ValueError(f"Expected an image model for a blurred baseline. Received: {m.input_kind} data")
        from scipy.ndimage import gaussian_filter

        return gaussian_filter(x, sigma=(blur_sigma, blur_sigma, 0)).astype(np.float32)
    raise ValueError(f"Expected a baseline among 'zeros', 'mean', 'blur'. Received: {kind!r}")


def integrated_gradients(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    baseline: Baseline | np.ndarray = "zeros",
    steps: int | None = None,
    target: Target = "score",
    tolerance: float = IG_TOLERANCE,
    max_steps: int = IG_MAX_STEPS,
    budget_s: float = IG_BUDGET_S,
) -> Explanation:
    """Integrated gradients (Sundararajan et al., 2017), trapezoid rule over `steps` intervals.

    Completeness: the values sum to f(x) - f(baseline), up to the integration error, which
    shrinks as `steps` grows. `steps=None` (the default) chooses them: start at
    IG_START_STEPS and double (reusing every gradient already taken: the new points are the
    midpoints) until the relative error |sum - (f(x) - f(baseline))| / |f(x) - f(baseline)|
    is at most `tolerance`, `max_steps` is reached or `budget_s` seconds have passed, as
    Captum reports a convergence delta. `params` records "steps", "completeness_gap" (in f's
    units), "relative_gap", "auto_steps" and "converged" for this input.
    """
    if steps is not None and steps < 1:
        raise ValueError(f"Expected a positive `steps`. Received: steps={steps}")
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    base = np.asarray(baseline, dtype=np.float32) if isinstance(baseline, np.ndarray) else make_baseline(m, x, baseline)
    f = m.target_function(k, target)
    f_x, f_base = (float(v) for v in f(np.stack([x, base])))
    change = f_x - f_base

    def grads_at(alphas: np.ndarray) -> np.ndarray:
        alphas = alphas.astype(np.float32).reshape(-1, *([1] * x.ndim))
        return m.gradients(base[None] + alphas * (x - base)[None], k, target)

    n = int(steps) if steps is not None else IG_START_STEPS
    alphas = np.linspace(0.0, 1.0, n + 1)
    grads = grads_at(alphas)
    while True:
        values = (grads[:-1] + grads[1:]).mean(axis=0) / 2.0 * (x - base)
        gap = float(values.sum() - change)
        relative = abs(gap) / abs(change) if change else abs(gap)
        converged = relative <= tolerance
        if steps is not None or converged or 2 * n > max_steps or time.perf_counter() - started > budget_s:
            break
        middles = (alphas[:-1] + alphas[1:]) / 2.0
        finer = np.empty((2 * n + 1, *grads.shape[1:]), dtype=grads.dtype)
        finer[0::2], finer[1::2] = grads, grads_at(middles)
        grads, n = finer, 2 * n
        alphas = np.linspace(0.0, 1.0, n + 1)
    params = {
        "baseline": baseline if isinstance(baseline, str) else "custom", "steps": int(n), "completeness_gap": gap,
        "relative_gap": float(relative), "auto_steps": steps is None, "converged": bool(converged), "target": target,
    }
    return build_explanation(m, x, k, values, f_base, "integrated_gradients", params, started, target)


def smoothgrad(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    noise_level: float = 0.1,
    samples: int = 50,
    seed: int = 0,
    absolute: bool = True,
    target: Target = "score",
) -> Explanation:
    """SmoothGrad (Smilkov et al., 2017): gradients averaged over noisy copies of the input.

    The noise's standard deviation is `noise_level` times the input's value range.
    """
    if samples < 1 or noise_level < 0:
        raise ValueError(f"Expected samples >= 1 and noise_level >= 0. Received: samples={samples}, noise_level={noise_level}")
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    spread = float(x.max() - x.min()) or 1.0
    rng = np.random.default_rng(seed)
    noisy = x[None] + rng.normal(0.0, noise_level * spread, size=(samples, *x.shape)).astype(np.float32)
    grads = m.gradients(noisy, k, target)
    values = np.abs(grads).mean(axis=0) if absolute else grads.mean(axis=0)
    params = {"noise_level": float(noise_level), "samples": int(samples), "seed": int(seed), "absolute": bool(absolute), "target": target}
    return build_explanation(m, x, k, values, None, "smoothgrad", params, started, target)


def last_conv_layer(keras_model: Any) -> str | None:
    """The name of the model's last Conv2D layer, or None when it has none."""
    names = [layer.name for layer in keras_model.layers if type(layer).__name__ == "Conv2D"]
    return names[-1] if names else None


def _resize(image: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    from scipy.ndimage import zoom

    factors = (shape[0] / image.shape[0], shape[1] / image.shape[1])
    out = zoom(image, factors, order=1, mode="nearest", grid_mode=True)
    return out[: shape[0], : shape[1]]


def grad_cam(
    model: Any, x: np.ndarray, output_index: int | None = None, layer_name: str | None = None, target: Target = "score"
) -> Explanation:
    """Grad-CAM (Selvaraju et al., 2017) on the last Conv2D layer, upsampled to the input's size.

    Channel weights are the spatially averaged gradients of the class score before the
    softmax (as the paper and the keras.io recipe; `target="probability"` uses the
    probability); the map is ReLU(sum of weighted channels), so it is non-negative and
    shows where evidence *for* the output is.
    Values have shape (height, width, 1) whatever the input's channels.
    """
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    if m.input_kind != "image":
        raise ValueError(f"Expected an image model for Grad-CAM. Received: {m.input_kind} data")
    layer = layer_name or last_conv_layer(m.model)
    if layer is None:
        raise ValueError("Expected a model with a Conv2D layer for Grad-CAM. Received: a model without one")
    k = m.resolve_output(x, output_index)
    index = 0 if k is None or m.single_sigmoid else k
    acts, grads = _conv_maps(m.score_model if m.uses_score(target) else m.model, x, layer, index)
    if m.single_sigmoid and k == 0:
        grads = -grads
    weights = grads.mean(axis=(0, 1))
    cam = np.maximum((acts * weights).sum(axis=-1), 0.0)
    cam = np.maximum(_resize(cam, m.input_shape[:2]), 0.0)
    values = np.zeros(m.input_shape, dtype=np.float64)
    values[..., 0] = cam  # one map; spread over the first channel so values keep the input's shape
    return build_explanation(m, x, k, values, None, "grad_cam", {"layer": layer, "target": target}, started, target)


def _conv_maps(keras_model: Any, x: np.ndarray, layer: str, index: int) -> tuple[np.ndarray, np.ndarray]:
    from nncore.backend import conv_activations_and_gradients

    acts, grads = conv_activations_and_gradients(keras_model, x[None], layer, index)
    return acts[0], grads[0]


def occlusion(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    patch: int = 2,
    stride: int = 1,
    fill: float | None = 0.0,
) -> Explanation:
    """Occlusion (Zeiler & Fergus, 2014): slide a patch of `fill` over the image.

    Each pixel's value is the mean drop in the output over the patches covering it (positive:
    hiding it lowers the output). Model-agnostic: only predictions. `fill=None` uses the
    training mean image.
    """
    if patch < 1 or stride < 1:
        raise ValueError(f"Expected a positive `patch` and `stride`. Received: patch={patch}, stride={stride}")
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    if m.input_kind != "image":
        raise ValueError(f"Expected an image model for occlusion. Received: {m.input_kind} data")
    k = m.resolve_output(x, output_index)
    height, width = m.input_shape[:2]
    replacement = m.background.mean(axis=0) if fill is None else np.full_like(x, float(fill))
    rows = list(range(0, max(height - patch, 0) + 1, stride))
    cols = list(range(0, max(width - patch, 0) + 1, stride))
    batch, windows = [], []
    for r in rows:
        for c in cols:
            hidden = x.copy()
            hidden[r : r + patch, c : c + patch] = replacement[r : r + patch, c : c + patch]
            batch.append(hidden)
            windows.append((r, c))
    f = m.output_function(k)
    scores = f(np.stack([x, *batch]))
    drops = scores[0] - scores[1:]
    total = np.zeros((height, width))
    counts = np.zeros((height, width))
    for (r, c), drop in zip(windows, drops):
        total[r : r + patch, c : c + patch] += drop
        counts[r : r + patch, c : c + patch] += 1
    heat = np.divide(total, counts, out=np.zeros_like(total), where=counts > 0)
    values = np.repeat(heat[..., None], m.input_shape[2], axis=-1) / m.input_shape[2]
    params = {"patch": int(patch), "stride": int(stride), "fill": "mean" if fill is None else float(fill)}
    return build_explanation(m, x, k, values, None, "occlusion", params, started)
