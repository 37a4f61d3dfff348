"""Explain page pieces: the per-run explainable model, picking an example, running methods.

Everything expensive is cached per session and per run: the explainable model and its test
predictions by run, and each explanation by (run, example, method), so returning to the page
or adding a method only computes what is new.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

_MODEL_KEY = "_explain_model"  # (id(run), ExplainableModel, test probabilities)
_CACHE_KEY = "_explain_cache"  # {(id(run), index, method key): Explanation}

DEFAULT_METHODS = {
    "tabular": ("permutation_shap", "lime_tabular", "integrated_gradients"),
    "image": ("integrated_gradients", "grad_cam", "occlusion"),
    "sequence": ("integrated_gradients", "lime_sequence"),
}


def explainable(run: Any) -> tuple[Any, np.ndarray]:
    """The run's ExplainableModel and its outputs on the test set, built once per run."""
    cached = st.session_state.get(_MODEL_KEY)
    if cached and cached[0] == id(run):
        return cached[1], cached[2]
    from nncore.explain import ExplainableModel

    with st.spinner("Preparing the model for explanations…"):
        model = ExplainableModel.from_run(run)
        outputs = model.predict_proba(run.dataset.x_test)
    st.session_state[_MODEL_KEY] = (id(run), model, outputs)
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


def explain(run: Any, model: Any, index: int, method: Any) -> Any:
    cache = st.session_state.setdefault(_CACHE_KEY, {})
    key = (id(run), int(index), method.key)
    if key not in cache:
        cache[key] = method.function(model, run.dataset.x_test[index])
    return cache[key]
