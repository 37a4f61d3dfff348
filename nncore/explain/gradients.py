"""Gradient methods (TensorFlow's GradientTape, via `nncore.backend`) and occlusion (NumPy).

Every function takes an `ExplainableModel` (or a TrainedRun), one input `x` of the model's
input shape, and the class to explain (default: the predicted class; ignored for
regression), and returns an `Explanation`. What is differentiated is what the model reports:
a class's probability (after softmax/sigmoid), or the predicted number.
"""

from __future__ import annotations

import time
from typing import Any, Literal

import numpy as np

from nncore.explain.explanation import Explanation, build_explanation
from nncore.explain.model import as_explainable

Baseline = Literal["zeros", "mean", "blur"]


def saliency(model: Any, x: np.ndarray, output_index: int | None = None, absolute: bool = True) -> Explanation:
    """The gradient of the output w.r.t. the input: how fast the output moves per unit of input."""
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    grad = m.gradients(x[None], k)[0]
    values = np.abs(grad) if absolute else grad
    return build_explanation(m, x, k, values, None, "Saliency", {"absolute": bool(absolute)}, started)


def gradient_x_input(model: Any, x: np.ndarray, output_index: int | None = None) -> Explanation:
    """Gradient times input: a first-order estimate of each input's contribution relative to zero."""
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    values = m.gradients(x[None], k)[0] * x
    return build_explanation(m, x, k, values, None, "Gradient x input", {}, started)


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
    steps: int = 64,
) -> Explanation:
    """Integrated gradients (Sundararajan et al., 2017), trapezoid rule over `steps` intervals.

    Completeness: the values sum to f(x) - f(baseline), up to the integration error, which
    shrinks as `steps` grows; `params["completeness_gap"]` records it for this input.
    """
    if steps < 1:
        raise ValueError(f"Expected a positive `steps`. Received: steps={steps}")
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    k = m.resolve_output(x, output_index)
    base = np.asarray(baseline, dtype=np.float32) if isinstance(baseline, np.ndarray) else make_baseline(m, x, baseline)
    alphas = np.linspace(0.0, 1.0, steps + 1, dtype=np.float32).reshape(-1, *([1] * x.ndim))
    path = base[None] + alphas * (x - base)[None]
    grads = m.gradients(path, k)
    avg = (grads[:-1] + grads[1:]).mean(axis=0) / 2.0
    values = avg * (x - base)
    f = m.output_function(k)
    f_x, f_base = (float(v) for v in f(np.stack([x, base])))
    gap = float(values.sum() - (f_x - f_base))
    params = {"baseline": baseline if isinstance(baseline, str) else "custom", "steps": int(steps), "completeness_gap": gap}
    return build_explanation(m, x, k, values, f_base, "Integrated gradients", params, started)


def smoothgrad(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    noise_level: float = 0.1,
    samples: int = 50,
    seed: int = 0,
    absolute: bool = True,
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
    grads = m.gradients(noisy, k)
    values = np.abs(grads).mean(axis=0) if absolute else grads.mean(axis=0)
    params = {"noise_level": float(noise_level), "samples": int(samples), "seed": int(seed), "absolute": bool(absolute)}
    return build_explanation(m, x, k, values, None, "SmoothGrad", params, started)


def last_conv_layer(keras_model: Any) -> str | None:
    """The name of the model's last Conv2D layer, or None when it has none."""
    names = [layer.name for layer in keras_model.layers if type(layer).__name__ == "Conv2D"]
    return names[-1] if names else None


def _resize(image: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    from scipy.ndimage import zoom

    factors = (shape[0] / image.shape[0], shape[1] / image.shape[1])
    out = zoom(image, factors, order=1, mode="nearest", grid_mode=True)
    return out[: shape[0], : shape[1]]


def grad_cam(model: Any, x: np.ndarray, output_index: int | None = None, layer_name: str | None = None) -> Explanation:
    """Grad-CAM (Selvaraju et al., 2017) on the last Conv2D layer, upsampled to the input's size.

    Channel weights are the spatially averaged gradients; the map is ReLU(sum of weighted
    channels), so it is non-negative and shows where evidence *for* the output is.
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
    acts, grads = _conv_maps(m, x, layer, index)
    if m.single_sigmoid and k == 0:
        grads = -grads
    weights = grads.mean(axis=(0, 1))
    cam = np.maximum((acts * weights).sum(axis=-1), 0.0)
    cam = np.maximum(_resize(cam, m.input_shape[:2]), 0.0)
    values = np.zeros(m.input_shape, dtype=np.float64)
    values[..., 0] = cam  # one map; spread over the first channel so values keep the input's shape
    return build_explanation(m, x, k, values, None, "Grad-CAM", {"layer": layer}, started)


def _conv_maps(m: Any, x: np.ndarray, layer: str, index: int) -> tuple[np.ndarray, np.ndarray]:
    from nncore.backend import conv_activations_and_gradients

    acts, grads = conv_activations_and_gradients(m.model, x[None], layer, index)
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
    return build_explanation(m, x, k, values, None, "Occlusion", params, started)
