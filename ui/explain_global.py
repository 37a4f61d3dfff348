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

from ui.safe_text import markdown_text
from ui.i18n import t
from ui.runs_text import markdown_text
from ui.render import show_error, show_figure

_STORE_KEY = "_explain_global"  # {(run.run_id, rows, seed): (ShapSample | None, Importance)}
# The same sample's permutation importance with a text column's one-hot parts shuffled together.
_GROUPED_KEY = "_explain_global_grouped"  # {(run.run_id, rows, seed): Importance}
SAMPLE_SIZES = (20, 50, 100, 200)
MAX_SHAP_FEATURES = 100  # above this (e.g. 28x28 images) one row of SHAP takes too long


def _sample(data: Any, rows: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from nncore.explain import sample_rows

    return sample_rows(data.x_test, _test_targets(data), rows, seed)


def _test_targets(data: Any) -> np.ndarray:
    """The test set's targets as the explained model's outputs are: in the target's units."""
    if data.task == "regression":
        return data.preprocessing.inverse_target(data.y_test)
    return data.y_test


def _explained_class(run: Any, model: Any) -> int | None:
    """The class whose probability the whole-model views explain: fixed, whatever the sample.

    Two classes: the positive one (Data page). More: the person's choice (the first class
    until then). Left to the sample, it was the most predicted class, which changed with the
    sample size (benign at 50 rows, malignant at 20 for breast cancer).
    """
    from nncore.data.positive_class import positive_index

    if not model.is_classifier:
        return None
    names = [str(n) for n in (model.class_names or range(model.n_outputs))]
    if model.n_outputs == 2:
        index = positive_index(run.dataset)
        st.caption(t("pos.global.class_positive", name=markdown_text(names[index])))
        return index
    choice = st.selectbox(t("pos.global.class_choice"), range(len(names)), format_func=lambda i: names[i],
                          key="explain_global_class", help=t("pos.global.class_choice_help"))
    st.caption(t("pos.global.class", name=markdown_text(names[int(choice)])))
    return int(choice)


def _compute(run: Any, model: Any, rows: int, seed: int, with_shap: bool, output_index: int | None = None) -> tuple[Any, Any, Any]:
    from nncore.explain import permutation_importance, shap_sample

    data = run.dataset
    x, y = _sample(data, rows, seed)
    bar = st.progress(0.0, text=t("explain.g_shap_start", n=len(x)) if with_shap else t("explain.g_perm_start"))
    sample = None
    if with_shap:
        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=t("explain.g_shap_progress", done=done, total=total))

        sample = shap_sample(model, x, output_index=output_index, n=len(x), method="permutation", seed=seed,
                             on_progress=progress)
    step = max(1, int(np.prod(model.input_shape)) // 50)  # about 50 updates, even for 784 pixels

    def permutation_progress(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            bar.progress(done / total, text=t("explain.g_perm_progress", done=done, total=total))

    importance = permutation_importance(model, x, y, n_repeats=5, seed=seed, on_progress=permutation_progress)
    by_column = None
    groups = _groups(data)
    if groups is not None:
        by_column = permutation_importance(model, x, y, n_repeats=5, seed=seed, groups=groups)
    bar.empty()
    return sample, importance, by_column


def _groups(data: Any) -> Any:
    """The table's columns when one of them was one-hot encoded (None: nothing to group)."""
    from nncore.data.table_encoding import feature_groups

    return feature_groups(data) if data.input_kind == "tabular" else None


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
    explained = _explained_class(run, model)
    store = st.session_state.setdefault(_STORE_KEY, {})
    key = (run.run_id, int(rows), 0, explained)
    if middle_cancel:
        st.info(t("explain.g_cancelled"), icon=":material/cancel:")
    if start and key not in store:
        try:
            sample, importance, by_column = _compute(run, model, int(rows), 0, with_shap, explained)
            store[key] = (sample, importance)
            st.session_state.setdefault(_GROUPED_KEY, {})[key] = by_column
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
        _say_if_too_small(run, model, importance, n, int(np.prod(model.input_shape)) <= MAX_SHAP_FEATURES)
        return
    groups = _groups(data)
    by_column = st.session_state.get(_GROUPED_KEY, {}).get(key)
    if groups is not None and not st.toggle(t("rowid.show_parts"), key="explain_global_show_parts",
                                            help=t("rowid.show_parts_help")):
        from nncore.explain import grouped_sample

        # One bar per column: SHAP parts summed per row, the parts shuffled together.
        sample = None if sample is None else grouped_sample(sample, groups)
        importance = by_column if by_column is not None else importance
    if sample is not None:
        shap_importance = mean_abs_shap(sample)
        show_figure(importance_bars(shap_importance, title=t("explain.g_shap_title", n=n), words=t),
                    key="explain_global_shap")
        show_figure(summary_beeswarm(summary_data(sample), title=t("explain.g_beeswarm_title"), words=t),
                    key="explain_global_beeswarm")
        st.caption(t("explain.g_beeswarm_caption", output=markdown_text(model.output_label(sample.output_index))))
        if st.session_state.get("explain_global_feature") not in shap_importance.feature_names:
            st.session_state.pop("explain_global_feature", None)  # parts shown or hidden: names changed
        feature = st.selectbox(t("explain.g_dependence"), shap_importance.feature_names, key="explain_global_feature",
                               help=t("help.explain.dependence"))
        show_figure(dependence_scatter(dependence_data(sample, feature), words=t), key="explain_global_dependence")
        st.caption(t("explain.g_dependence_caption"))
    show_figure(importance_bars(importance, title=t("explain.g_perm_title", n=n), words=t), key="explain_global_permutation")
    st.caption(t("explain.g_perm_caption"))
    _say_if_too_small(run, model, importance, n, with_shap)


_PROBE_KEY = "_explain_global_probe"  # {(run.run_id, rows): the smallest size that shows, or None}


def _say_if_too_small(run: Any, model: Any, importance: Any, n: int, can_probe: bool) -> None:
    """All-zero bars say nothing by themselves: say why, and which sample size would show more.

    For small inputs (tables) the sizes offered are tried, quickly (predictions only); for big
    ones (images) the next size is suggested without trying it.
    """
    from nncore.explain import importance_is_empty, rows_that_show

    if not importance_is_empty(importance):
        return
    data = run.dataset
    total = len(data.x_test)
    larger = [size for size in SAMPLE_SIZES if size > n and size <= total]
    if can_probe:
        probes = st.session_state.setdefault(_PROBE_KEY, {})
        key = (run.run_id, n)
        if key not in probes:
            with st.spinner(t("explain.g_perm_start")):
                probes[key] = rows_that_show(model, data.x_test, _test_targets(data), tuple(larger), seed=0)
        size = probes[key]
        if size is not None:  # the whole test set may fall between two offered sizes
            size = next((option for option in SAMPLE_SIZES if option >= size), size)
        if size is not None and size <= n:
            size = None  # the whole set was already used: no larger sample to offer
        suggestion = t("pos.global.try_rows", rows=size) if size is not None else t("pos.global.no_size", total=total)
    else:
        suggestion = t("pos.global.try_rows", rows=larger[0]) if larger else t("pos.global.no_size", total=total)
    metric = importance.params.get("metric", "accuracy")
    st.info(t("pos.global.too_small", n=n, metric=t(f"pos.global.metric.{metric}"), suggestion=suggestion),
            icon=":material/info:")


def _image_maps(model: Any, sample: Any, importance: Any, n: int) -> None:
    """For images: the scores drawn where the pixels are, which a list of 'row r, col c' is not."""
    from nncore.explain import importance_map, mean_abs_shap
    from nncore.plots.explain_plots import importance_heatmap

    left, right = st.columns(2)
    if sample is not None:
        with left:
            show_figure(importance_heatmap(importance_map(mean_abs_shap(sample), model), title=t("explain.g_shap_pixels", n=n),
                                           units=t("explain.g_mean_shap"), words=t), key="explain_global_shap")
    with right if sample is not None else left:
        units = t("explain.g_accuracy_lost") if importance.params.get("metric") == "accuracy" else t("explain.g_error_added")
        show_figure(importance_heatmap(importance_map(importance, model), title=t("explain.g_perm_pixels", n=n),
                                       units=units, words=t), key="explain_global_permutation")
    st.caption(t("explain.g_pixels_caption"))
