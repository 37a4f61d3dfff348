"""The Inside page's "Weights" tab: a network diagram for small MLPs, weight heatmaps,
conv kernels and histograms of every layer's weights."""

from __future__ import annotations

import streamlit as st

from nncore.inspect.weights import conv_kernel_images, dense_chain, layer_weights
from nncore.plots import inside_plots
from nncore.plots.model_plots import can_draw_neurons, neuron_graph
from ui.i18n import t
from ui.inside_cache import InsideData
from ui.render import show_figure


def render_weights(inside: InsideData) -> None:
    model, data = inside.run.model, inside.run.dataset
    weights = inside.lazy("weights", lambda: layer_weights(model))
    if not weights:
        st.info(t("inside.no_weights"), icon=":material/info:")
        return
    chain = inside.lazy("chain", lambda: dense_chain(model))
    if chain is not None and can_draw_neurons(chain[0]):
        sizes, names, kernels = chain
        st.caption(t("inside.graph_caption"))
        show_figure(neuron_graph(sizes, names, kernels, title=t("inside.graph_title"), words=t), key="inside_graph")
    show_figure(inside_plots.weight_histograms(weights, title=t("inside.weight_hist_title"), words=t), key="inside_weight_hist")
    names = [w.name for w in weights if w.kernel is not None]
    if not names:
        return
    chosen = st.selectbox(t("inside.layer"), names, key="inside_weight_layer", help=t("help.inside.layer"))
    layer = next(w for w in weights if w.name == chosen)
    if layer.kind == "conv":
        st.caption(t("inside.filters_caption"))
        show_figure(inside_plots.kernel_images(conv_kernel_images(layer.kernel), title=t("inside.filters_title", layer=chosen), words=t), key="inside_kernels")
    elif layer.kernel.ndim == 2:
        first = weights[0].name == chosen and data.input_kind == "tabular"
        rows = list(data.feature_names) if first else None
        st.caption(t("inside.rows_features") if first else t("inside.rows_previous"))
        show_figure(inside_plots.weight_heatmap(layer.kernel, layer.bias, rows, title=t("inside.heatmap_title", layer=chosen), words=t),
                    key="inside_weight_map")
