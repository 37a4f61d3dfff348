"""Explain page pieces: the per-run explainable model, picking an example, running methods.

Everything expensive is cached per session and per run: the explainable model and its test
predictions by run, and each explanation by (run, instance, method, parameters), so
returning to the page, stepping back to an example or adding a method only computes what is
new. An entry is written only once its method has finished: a run interrupted by a click
(Streamlit stops the script at its next st.* call) leaves no half-made entry.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Hashable

import numpy as np
import streamlit as st

from ui.i18n import say, t

_MODEL_KEY = "_explain_model"  # (run.run_id, ExplainableModel, test probabilities)
_CACHE_KEY = "_explain_cache"  # {(run.run_id, instance key, method key, params): Explanation}
ACTIVE_KEY = "_explain_active"  # run.run_id once the user asked for explanations; None after Cancel
# Another page (Evaluate's error browser) sets this to a test index to open the page on it.
REQUEST_KEY = "explain_request"

DEFAULT_METHODS = {
    "tabular": ("permutation_shap", "lime_tabular", "integrated_gradients"),
    "image": ("integrated_gradients", "grad_cam", "occlusion"),
    "sequence": ("integrated_gradients", "lime_sequence"),
}

# "auto": integrated gradients doubles its steps until completeness holds within 1%.
DEFAULT_SETTINGS = {"ig_steps": "auto", "ig_baseline": "zeros", "lime_samples": 1000, "seed": 0, "target": "score"}
GRADIENT_METHODS = ("saliency", "gradient_x_input", "integrated_gradients", "smoothgrad", "grad_cam", "gradient_shap")


def warm_up_explainers() -> None:
    """Make sure this server's one-time warm-up (framework import, then shap's compilation, lime's
    imports, the first gradient) has started: the first page usually started it already."""
    from ui.engine_preload import preload_engine

    preload_engine()


def explainable(run: Any) -> tuple[Any, np.ndarray]:
    """The run's ExplainableModel and its outputs on the test set, built once per run."""
    cached = st.session_state.get(_MODEL_KEY)
    if cached and cached[0] == run.run_id:
        return cached[1], cached[2]
    from ui.explainer_preparation import being_prepared, take_preparation

    # Usually prepared when the training ended (ui/explainer_preparation.py): then this is
    # immediate, or waits for the preparation under way rather than doing it a second time.
    words = "cold.preparing_model" if being_prepared(run) else "explain.preparing"
    with st.spinner(t(words)):
        model, outputs = take_preparation(run).get()
    st.session_state[_MODEL_KEY] = (run.run_id, model, outputs)
    st.session_state[_CACHE_KEY] = {}
    return model, outputs


def candidates(run: Any, outputs: np.ndarray, which: str, wanted_class: int | None) -> np.ndarray:
    """Test-example indices matching the filter: all, misclassified, or one true class."""
    data = run.dataset
    indices = np.arange(len(data.x_test))
    if data.task != "classification":
        return indices
    predicted = outputs.argmax(axis=1)
    if which == "misclassified":
        return indices[predicted != data.y_test]
    if which == "class" and wanted_class is not None:
        return indices[data.y_test == wanted_class]
    return indices


def method_params(key: str, settings: dict[str, Any]) -> dict[str, Any]:
    """The parameters the page's settings give one method (others keep their defaults)."""
    seed = int(settings["seed"])
    steps = settings.get("ig_steps", "auto")
    # Only a non-default target is passed, so cache keys of the default stay as they were.
    target = {} if settings.get("target", "score") == "score" else {"target": settings["target"]}
    params = {
        "integrated_gradients": {"steps": None if steps == "auto" else int(steps), "baseline": settings["ig_baseline"]},
        "smoothgrad": {"seed": seed},
        "kernel_shap": {"seed": seed},
        "permutation_shap": {"seed": seed},
        "gradient_shap": {"seed": seed},
        "lime_tabular": {"seed": seed, "num_samples": int(settings["lime_samples"])},
        "lime_image": {"seed": seed, "num_samples": int(settings["lime_samples"])},
        "lime_sequence": {"seed": seed, "num_samples": int(settings["lime_samples"])},
    }.get(key, {})
    return {**params, **target} if key in GRADIENT_METHODS else params


def cache_key(run: Any, instance: Hashable, method_key: str, params: dict[str, Any]) -> tuple:
    return (run.run_id, instance, method_key, tuple(sorted(params.items())))


def cached(run: Any, instance: Hashable, method: Any, params: dict[str, Any]) -> Any | None:
    return st.session_state.setdefault(_CACHE_KEY, {}).get(cache_key(run, instance, method.key, params))


def explain(run: Any, model: Any, x: np.ndarray, instance: Hashable, method: Any, params: dict[str, Any]) -> Any:
    """One method's explanation of input `x`, known to the cache as `instance` (a test index,
    or a what-if key built from the edited values)."""
    cache = st.session_state.setdefault(_CACHE_KEY, {})
    key = cache_key(run, instance, method.key, params)
    if key not in cache:
        result = method.function(model, np.asarray(x, dtype=np.float32), **params)
        cache[key] = replace(result, example=example_name(run.dataset, instance))  # only after the method finished
    return cache[key]


def example_name(dataset: Any, instance: Hashable) -> str:
    """The explained example as the report names it: "row 17", an ID or "#3" (", edited" for a what-if)."""
    from nncore.data.row_labels import row_label

    if isinstance(instance, (int, np.integer)):
        return row_label(dataset, int(instance)).english()
    if isinstance(instance, tuple) and len(instance) > 1 and isinstance(instance[1], (int, np.integer)):
        return row_label(dataset, int(instance[1])).english() + ", edited"
    return ""


def pin(run: Any, explanation: Any) -> None:
    """Add an explanation to the session's report list (once)."""
    from ui.state import get_state

    state = get_state()
    if state.pin_explanation(run.run_id, explanation):
        state.add_notice(t("explain.pinned", method=say(explanation.method)))
