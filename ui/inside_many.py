"""The Inside page's "Over many inputs" tab: activation statistics, dead or saturated units,
and how the classes separate layer by layer (PCA)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from nncore.inspect.unit_stats import layer_unit_stats, pca_2d
from nncore.plots import inside_plots
from ui.layer_label import layer_labels
from ui.i18n import say, t
from ui.inside_cache import InsideData
from ui.render import show_figure


MIN_SAMPLE = 300  # fewer test examples than this: training examples are added


def _sample(inside: InsideData) -> tuple[dict, np.ndarray, int]:
    """Layer outputs and targets for the statistics: the test sample, topped up with training
    examples when the test set is small (30 iris flowers say little about dead units), and how
    many training examples were added."""
    data = inside.run.dataset
    n_test = len(inside.sample)
    if n_test >= MIN_SAMPLE or len(data.x_train) == 0:
        return inside.values, data.y_test[inside.sample], 0
    extra = min(len(data.x_train), MIN_SAMPLE * 3 - n_test)
    train_values = inside.probe(data.x_train[:extra])
    values = {k: np.concatenate([v, train_values[k]]) for k, v in inside.values.items()}
    targets = np.concatenate([data.y_test[inside.sample], data.y_train[:extra]])
    return values, targets, extra


def render_many_inputs(inside: InsideData) -> None:
    data = inside.run.dataset
    hidden = [info for info in inside.probe.layers if info.kind in ("dense", "conv", "recurrent")]
    # The counts are cached, not the sentence: it is written in the language of each run.
    values, targets, extra = inside.lazy("stats_sample", lambda: _sample(inside))
    n_test = len(inside.sample)
    if extra:
        st.caption(t("inside.over_mixed", total=f"{n_test + extra:,}", n_test=f"{n_test:,}", extra=f"{extra:,}"))
    else:
        st.caption(t("inside.over_test", n=f"{n_test:,}"))
    if not hidden:
        st.info(t("inside.no_hidden"), icon=":material/info:")
        return
    stats = inside.lazy("unit_stats", lambda: [layer_unit_stats(info, values[info.name]) for info in hidden])
    warnings = [s.warning for s in stats if s.warning]
    for warning in warnings:
        st.warning(say(warning), icon=":material/warning:")
    if not warnings:
        st.success(t("inside.healthy"), icon=":material/check_circle:")
    left, right = st.columns(2)
    with left:
        show_figure(inside_plots.unit_health(stats, title=t("inside.health_title"), words=t), key="inside_health")
    with right:
        show_figure(inside_plots.activation_histograms(stats, title=t("inside.hist_title"), words=t), key="inside_hist")

    st.subheader(t("inside.separate"))
    st.caption(t("inside.separate_caption"))
    names = [info.name for info in inside.probe.layers if info.kind in ("dense", "conv", "recurrent", "output", "pool", "flatten")]
    default = names.index(hidden[-1].name)
    layer = st.selectbox(t("inside.layer"), names, index=default, format_func=layer_labels(inside.probe, names).get, key="inside_pca_layer",
                         help=t("help.inside.layer"))
    projection = inside.lazy(("pca", layer), lambda: pca_2d(values[layer]))
    if data.task == "classification":
        labels, classes = targets, data.class_names
    else:
        labels, classes = data.preprocessing.inverse_target(targets), None
    show_figure(inside_plots.pca_scatter(projection.coords, projection.explained, labels, classes,
                                         title=t("inside.pca_title", layer=layer), words=t),
                key="inside_pca")
