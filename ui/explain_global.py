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

from ui.render import show_error, show_figure

_STORE_KEY = "_explain_global"  # {(id(run), rows, seed): (ShapSample | None, Importance)}
SAMPLE_SIZES = (20, 50, 100, 200)
MAX_SHAP_FEATURES = 100  # above this (e.g. 28x28 images) one row of SHAP takes too long


def _sample(data: Any, rows: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    x, y = data.x_test, data.y_test
    if len(x) > rows:
        chosen = np.sort(np.random.default_rng(seed).choice(len(x), size=rows, replace=False))
        x, y = x[chosen], y[chosen]
    return x, y


def _compute(run: Any, model: Any, rows: int, seed: int, with_shap: bool) -> tuple[Any, Any]:
    from nncore.explain import permutation_importance, shap_sample

    data = run.dataset
    x, y = _sample(data, rows, seed)
    bar = st.progress(0.0, text=f"SHAP for {len(x)} test rows…" if with_shap else "Permutation importance…")
    sample = None
    if with_shap:
        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=f"SHAP: {done} of {total} test rows done")

        sample = shap_sample(model, x, n=len(x), method="permutation", seed=seed, on_progress=progress)
    step = max(1, int(np.prod(model.input_shape)) // 50)  # about 50 updates, even for 784 pixels

    def permutation_progress(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            bar.progress(done / total, text=f"Permutation importance: {done} of {total} inputs shuffled")

    importance = permutation_importance(model, x, y, n_repeats=5, seed=seed, on_progress=permutation_progress)
    bar.empty()
    return sample, importance


def render_global(run: Any, model: Any) -> None:
    from nncore.explain import dependence_data, mean_abs_shap, summary_data
    from nncore.plots.explain_plots import dependence_scatter, importance_bars, summary_beeswarm

    data = run.dataset
    features = int(np.prod(model.input_shape))
    with_shap = features <= MAX_SHAP_FEATURES
    st.caption(
        "Which inputs matter to the model overall, not just for one example: SHAP values of many test "
        "rows summarised, and how much accuracy (or error) suffers when one input is shuffled."
        + ("" if with_shap else f" With {features} inputs per example, SHAP for many rows takes minutes, so only "
           "permutation importance is computed here; explain single examples for SHAP.")
    )
    left, middle, right = st.columns([2, 1, 1], vertical_alignment="bottom")
    rows = left.select_slider("Test rows in the sample", SAMPLE_SIZES, value=50, key="explain_global_rows",
                              help="More rows: steadier averages, longer wait (about 0.05 s per row for a table).")
    start = middle.button("Compute", type="primary", icon=":material/play_arrow:", key="explain_global_go")
    middle_cancel = right.button("Cancel", icon=":material/cancel:", key="explain_global_cancel",
                                 help="Stops the computation; nothing half-done is kept.")
    store = st.session_state.setdefault(_STORE_KEY, {})
    key = (id(run), int(rows), 0)
    if middle_cancel:
        st.info("Cancelled: nothing was kept.", icon=":material/cancel:")
    if start and key not in store:
        try:
            store[key] = _compute(run, model, int(rows), 0, with_shap)
        except Exception as error:  # noqa: BLE001 - a failing explainer must not break the page
            show_error(error, "The whole-model views could not be computed.")
            return
    if key not in store:
        if not middle_cancel:
            st.caption("Press **Compute** to see the whole-model views for this sample size.")
        return
    sample, importance = store[key]
    n = len(sample.values) if sample is not None else int(importance.params["rows"])
    st.markdown(f"Computed on a seeded sample of **{n} test rows** (of {len(data.x_test)}).")
    if data.input_kind == "image":
        _image_maps(model, sample, importance, n)
        return
    if sample is not None:
        shap_importance = mean_abs_shap(sample)
        show_figure(importance_bars(shap_importance, title=f"Mean |SHAP| over {n} rows: how much each input moves the answer"),
                    key="explain_global_shap")
        show_figure(summary_beeswarm(summary_data(sample), title="SHAP summary: one dot per row, coloured by the input's value"),
                    key="explain_global_beeswarm")
        st.caption("Dots to the right pushed the answer up; colour shows whether the input was high or low in that row. "
                   f"All rows explain the same output ({model.output_label(sample.output_index)}).")
        feature = st.selectbox("Dependence plot for", shap_importance.feature_names, key="explain_global_feature")
        show_figure(dependence_scatter(dependence_data(sample, feature)), key="explain_global_dependence")
        st.caption("How this input's SHAP value changes with its value (standardized units): a trend shows its effect, "
                   "a vertical spread shows it interacts with other inputs.")
    show_figure(importance_bars(importance, title=f"Permutation importance over {n} rows"), key="explain_global_permutation")
    st.caption("Shuffling an input's column breaks its link with the answer; the bigger the loss, the more the model "
               "relies on it. Correlated inputs can cover for each other and both look unimportant.")


def _image_maps(model: Any, sample: Any, importance: Any, n: int) -> None:
    """For images: the scores drawn where the pixels are, which a list of 'row r, col c' is not."""
    from nncore.explain import importance_map, mean_abs_shap
    from nncore.plots.explain_plots import importance_heatmap

    left, right = st.columns(2)
    if sample is not None:
        with left:
            show_figure(importance_heatmap(importance_map(mean_abs_shap(sample), model), title=f"Mean |SHAP| per pixel over {n} images",
                                           units="mean |SHAP|"), key="explain_global_shap")
    with right if sample is not None else left:
        units = "accuracy lost" if importance.params.get("metric") == "accuracy" else "error added"
        show_figure(importance_heatmap(importance_map(importance, model), title=f"Permutation importance per pixel over {n} images",
                                       units=units), key="explain_global_permutation")
    st.caption("Darker pixels matter more to the model across many images. Shuffling a pixel across images breaks its "
               "link with the answer; the accuracy lost measures how much the model relies on it.")
