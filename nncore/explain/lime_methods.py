"""LIME (Ribeiro et al., 2016) for tables, small images and sequences, seeded.

Each function fits LIME's weighted linear model around one input and returns its weights
aligned with the input. The same `seed` gives the same explanation. `lime` is imported
inside the functions.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from nncore.explain.explanation import Explanation, build_explanation
from nncore.explain.model import ExplainableModel, as_explainable


def _lime_predict(m: ExplainableModel):
    """LIME wants (n, outputs) for classifiers and (n,) for regressors."""
    return lambda z: m.predict_proba(np.asarray(z, dtype=np.float32).reshape(-1, *m.input_shape))


def lime_tabular(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    num_samples: int = 2000,
    discretize_continuous: bool = True,
    seed: int = 0,
) -> Explanation:
    """LimeTabularExplainer on the training data (NumPy arrays), every feature in the model."""
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    if m.input_kind != "tabular":
        raise ValueError(f"Expected a tabular model for tabular LIME. Received: {m.input_kind} data")
    k = m.resolve_output(x, output_index)
    from lime.lime_tabular import LimeTabularExplainer

    mode = "classification" if m.is_classifier else "regression"
    explainer = LimeTabularExplainer(
        np.asarray(m.background, dtype=np.float64),
        mode=mode,
        feature_names=list(m.feature_names),
        class_names=[m.output_label(i) for i in range(m.n_outputs)] if m.is_classifier else None,
        discretize_continuous=discretize_continuous,
        random_state=seed,
    )
    labels = (k,) if k is not None else (0,)
    result = explainer.explain_instance(
        x.astype(np.float64), _lime_predict(m), labels=labels, num_features=x.size, num_samples=num_samples
    )
    # In regression mode LIME keeps the real weights under key 1 and their negation under 0.
    key = k if k is not None else 1
    values = np.zeros(x.size)
    for feature, weight in result.local_exp[key]:
        values[feature] = weight
    base = result.intercept[key] if isinstance(result.intercept, dict) else result.intercept
    params = {"num_samples": int(num_samples), "discretize_continuous": bool(discretize_continuous), "seed": int(seed)}
    return build_explanation(m, x, k, values, float(np.asarray(base).reshape(-1)[0]), "lime_tabular", params, started)


def grid_segments(height: int, width: int, cell: int) -> np.ndarray:
    """Superpixels as a fixed grid of `cell` x `cell` squares (suits 8x8 digits; SLIC does not)."""
    rows = np.arange(height) // cell
    cols = np.arange(width) // cell
    per_row = -(-width // cell)
    return (rows[:, None] * per_row + cols[None, :]).astype(np.int64)


def _spread(weights: dict[int, float], segments: np.ndarray, channels: int) -> np.ndarray:
    """Each superpixel's weight shared evenly by its pixels and channels (sums are preserved)."""
    values = np.zeros(segments.shape)
    for segment, weight in weights.items():
        mask = segments == segment
        values[mask] = weight / (mask.sum() * channels)
    return np.repeat(values[..., None], channels, axis=-1)


def _quiet_image_explainer(base: type) -> type:
    """LimeImageExplainer whose neighbourhood is built in one vectorized step.

    LIME's own `data_labels` copies the image once per sample under a tqdm progress bar
    (printed to the server's stderr); this draws the same random masks from the same
    generator, in the same order, and builds all perturbed images at once.
    """

    class QuietLimeImageExplainer(base):
        def data_labels(self, image, fudged_image, segments, classifier_fn, num_samples, batch_size=10):
            n_features = np.unique(segments).shape[0]
            data = self.random_state.randint(0, 2, num_samples * n_features).reshape((num_samples, n_features))
            data[0, :] = 1
            keep = data[:, segments].astype(bool)[..., None]  # (samples, height, width, 1)
            images = np.where(keep, image[None], fudged_image[None])
            return data, np.asarray(classifier_fn(images))

    return QuietLimeImageExplainer


def lime_image(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    cell: int = 2,
    num_samples: int = 1000,
    hide_value: float = 0.0,
    seed: int = 0,
) -> Explanation:
    """LimeImageExplainer with a grid of `cell` x `cell` superpixels; hidden ones set to `hide_value`.

    LIME's image explainer works on 3-channel images: a grayscale image is repeated into
    three channels and the model sees the first one back.
    """
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    if m.input_kind != "image":
        raise ValueError(f"Expected an image model for image LIME. Received: {m.input_kind} data")
    if cell < 1:
        raise ValueError(f"Expected a positive `cell`. Received: cell={cell}")
    k = m.resolve_output(x, output_index)
    height, width, channels = m.input_shape
    if channels not in (1, 3):
        raise ValueError(f"Expected images with 1 or 3 channels. Received: {channels}")
    from lime.lime_image import LimeImageExplainer

    image = np.repeat(x, 3, axis=-1) if channels == 1 else x
    segments = grid_segments(height, width, cell)
    predict = _lime_predict(m)

    def classifier(images: np.ndarray) -> np.ndarray:
        images = np.asarray(images, dtype=np.float32)
        out = predict(images[..., :1] if channels == 1 else images)
        return out if out.ndim == 2 else out[:, None]

    explainer = _quiet_image_explainer(LimeImageExplainer)(random_state=seed)
    label = k if k is not None else 0
    result = explainer.explain_instance(
        image.astype(np.float64),
        classifier,
        labels=(label,),
        hide_color=hide_value,
        top_labels=None,
        num_features=int(segments.max()) + 1,
        num_samples=num_samples,
        batch_size=max(num_samples, 1),
        segmentation_fn=lambda _: segments,
        random_seed=seed,
    )
    values = _spread(dict(result.local_exp[label]), segments, channels)
    params = {"cell": int(cell), "num_samples": int(num_samples), "hide_value": float(hide_value), "seed": int(seed)}
    return build_explanation(m, x, k, values, float(result.intercept[label]), "lime_image", params, started)


def lime_sequence(
    model: Any,
    x: np.ndarray,
    output_index: int | None = None,
    num_samples: int = 1000,
    fill: str = "mean",
    kernel_width: float = 0.25,
    seed: int = 0,
) -> Explanation:
    """LIME with time steps as features: random subsets of steps are hidden (replaced by the
    training mean for that step, or zeros) and LIME's weighted linear model is fitted to the
    masks. Each step's weight is shared evenly by its features.
    """
    started = time.perf_counter()
    m = as_explainable(model)
    x = m.check_instance(x)
    if m.input_kind != "sequence":
        raise ValueError(f"Expected a sequence model for sequence LIME. Received: {m.input_kind} data")
    if fill not in ("mean", "zeros"):
        raise ValueError(f"Expected fill 'mean' or 'zeros'. Received: {fill!r}")
    k = m.resolve_output(x, output_index)
    from lime.lime_base import LimeBase
    from sklearn.metrics import pairwise_distances

    steps, features = m.input_shape
    replacement = m.background.mean(axis=0) if fill == "mean" else np.zeros_like(x)
    rng = np.random.RandomState(seed)
    masks = rng.randint(0, 2, size=(num_samples, steps))
    masks[0] = 1  # the first row is the instance itself, as in LIME
    keep = masks[:, :, None].astype(bool)
    batch = np.where(keep, x[None], replacement[None]).astype(np.float32)
    out = m.predict_proba(batch)
    labels = out if out.ndim == 2 else out[:, None]
    label = k if k is not None else 0
    distances = pairwise_distances(masks, masks[:1], metric="cosine").ravel()

    def kernel(d: np.ndarray) -> np.ndarray:
        return np.sqrt(np.exp(-(d**2) / kernel_width**2))

    base = LimeBase(kernel, random_state=np.random.RandomState(seed))
    intercept, weights, _, _ = base.explain_instance_with_data(masks, labels, distances, label, steps)
    values = np.zeros((steps, features))
    for step, weight in weights:
        values[step, :] = weight / features
    params = {"num_samples": int(num_samples), "fill": fill, "kernel_width": float(kernel_width), "seed": int(seed)}
    return build_explanation(m, x, k, values, float(intercept), "lime_sequence", params, started)
