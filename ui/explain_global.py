"""Explain page, "Whole model": mean |SHAP| importance, a beeswarm summary, one feature's
dependence, and permutation importance, over a seeded sample of the test set.

SHAP over many rows is slow, so it runs with a progress bar updated after every row, and a
Cancel button: a click reruns the script, which Streamlit stops at the next progress update.
The result is stored only when every row is done, so a cancelled run leaves nothing behind.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from ui.i18n import t
from ui.render import show_error, show_figure

_STORE_KEY = "_explain_global"  # {(id(run), rows, seed): (ShapSample | None, Importance)}
SAMPLE_SIZES = (20, 50, 100, 200)
MAX_SHAP_FEATURES = 100  # above this (e.g. 28x28 images) one row of SHAP takes too long


def _sample(data: Any, rows: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    x, y = data.x_test, data.y_test
    if data.task == "regression":  # compared with the model's outputs, which are in the target's units
        y = data.preprocessing.inverse_target(y)
    if len(x) > rows:
        chosen = np.sort(np.random.default_rng(seed).choice(len(x), size=rows, replace=False))
        x, y = x[chosen], y[chosen]
    return x, y


def _compute(run: Any, model: Any, rows: int, seed: int, with_shap: bool) -> tuple[Any, Any]:
    from nncore.explain import permutation_importance, shap_sample

    data = run.dataset
    x, y = _sample(data, rows, seed)
    bar = st.progress(0.0, text=t("explain.g_shap_start", n=len(x)) if with_shap else t("explain.g_perm_start"))
    sample = None
    if with_shap:
        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=t("explain.g_shap_progress", done=done, total=total))

        sample = shap_sample(model, x, n=len(x), method="permutation", seed=seed, on_progress=progress)
    step = max(1, int(np.prod(model.input_shape)) // 50)  # about 50 updates, even for 784 pixels

    def permutation_progress(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            bar.progress(done / total, text=t("explain.g_perm_progress", done=done, total=total))

    importance = permutation_importance(model, x, y, n_repeats=5, seed=seed, on_progress=permutation_progress)
    bar.empty()
    return sample, importance


def render_global(run: Any, model: Any) -> None:
    from nncore.explain import dependence_data, mean_abs_shap, summary_data
    from nncore.plots.explain_plots import dependence_scatter, importance_bars, summary_beeswarm

    data = run.dataset
    features = int(np.prod(model.input_shape))
    with_shap = features <= MAX_SHAP_FEATURES
    st.caption(t("explain.g_caption") + ("" if with_shap else " " + t("explain.g_no_shap", n=features)))
    left, middle, right = st.columns([2, 1, 1], vertical_alignment="bottom")
    rows = left.select_slider(t("explain.g_rows"), SAMPLE_SIZES, value=50, key="explain_global_rows",
                              help=t("explain.g_rows_help"))
    start = middle.button(t("explain.g_compute"), type="primary", icon=":material/play_arrow:", key="explain_global_go",
                          help=t("help.explain.global"))
    middle_cancel = right.button(t("explain.cancel"), icon=":material/cancel:", key="explain_global_cancel",
                                 help=t("explain.g_cancel_help"))
    store = st.session_state.setdefault(_STORE_KEY, {})
    key = (id(run), int(rows), 0)
    if middle_cancel:
        st.info(t("explain.g_cancelled"), icon=":material/cancel:")
    if start and key not in store:
        try:
            store[key] = _compute(run, model, int(rows), 0, with_shap)
        except Exception as error:  # noqa: BLE001 - a failing explainer must not break the page
            show_error(error, t("explain.g_failed"))
            return
    if key not in store:
        if not middle_cancel:
            st.caption(t("explain.g_press"))
        return
    sample, importance = store[key]
    n = len(sample.values) if sample is not None else int(importance.params["rows"])
    st.markdown(t("explain.g_sample", n=n, total=len(data.x_test)))
    if data.input_kind == "image":
        _image_maps(model, sample, importance, n)
        return
    if sample is not None:
        shap_importance = mean_abs_shap(sample)
        show_figure(importance_bars(shap_importance, title=t("explain.g_shap_title", n=n)),
                    key="explain_global_shap")
        show_figure(summary_beeswarm(summary_data(sample), title=t("explain.g_beeswarm_title")),
                    key="explain_global_beeswarm")
        st.caption(t("explain.g_beeswarm_caption", output=model.output_label(sample.output_index)))
        feature = st.selectbox(t("explain.g_dependence"), shap_importance.feature_names, key="explain_global_feature",
                               help=t("help.explain.dependence"))
        show_figure(dependence_scatter(dependence_data(sample, feature)), key="explain_global_dependence")
        st.caption(t("explain.g_dependence_caption"))
    show_figure(importance_bars(importance, title=t("explain.g_perm_title", n=n)), key="explain_global_permutation")
    st.caption(t("explain.g_perm_caption"))


def _image_maps(model: Any, sample: Any, importance: Any, n: int) -> None:
    """For images: the scores drawn where the pixels are, which a list of 'row r, col c' is not."""
    from nncore.explain import importance_map, mean_abs_shap
    from nncore.plots.explain_plots import importance_heatmap

    left, right = st.columns(2)
    if sample is not None:
        with left:
            show_figure(importance_heatmap(importance_map(mean_abs_shap(sample), model), title=t("explain.g_shap_pixels", n=n),
                                           units=t("explain.g_mean_shap")), key="explain_global_shap")
    with right if sample is not None else left:
        units = t("explain.g_accuracy_lost") if importance.params.get("metric") == "accuracy" else t("explain.g_error_added")
        show_figure(importance_heatmap(importance_map(importance, model), title=t("explain.g_perm_pixels", n=n),
                                       units=units), key="explain_global_permutation")
    st.caption(t("explain.g_pixels_caption"))
