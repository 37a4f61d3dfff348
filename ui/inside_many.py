"""The Inside page's "Over many inputs" tab: activation statistics, dead or saturated units,
and how the classes separate layer by layer (PCA)."""

from __future__ import annotations

import streamlit as st

from nncore.inspect.unit_stats import layer_unit_stats, pca_2d
from nncore.plots import inside_plots
from ui.inside_cache import InsideData
from ui.render import show_figure


def render_many_inputs(inside: InsideData) -> None:
    data = inside.run.dataset
    hidden = [info for info in inside.probe.layers if info.kind in ("dense", "conv", "recurrent")]
    st.caption(f"Over {len(inside.sample):,} test examples.")
    if not hidden:
        st.info("This model has no hidden layer: its inputs go straight to the output.", icon=":material/info:")
        return
    stats = inside.lazy("unit_stats", lambda: [layer_unit_stats(info, inside.values[info.name]) for info in hidden])
    warnings = [s.warning for s in stats if s.warning]
    for warning in warnings:
        st.warning(warning, icon=":material/warning:")
    if not warnings:
        st.success("No layer has many dead or saturated units: every layer's units still respond to the inputs.",
                   icon=":material/check_circle:")
    left, right = st.columns(2)
    with left:
        show_figure(inside_plots.unit_health(stats, title="Dead and saturated units per layer"), key="inside_health")
    with right:
        show_figure(inside_plots.activation_histograms(stats, title="How often each activation value occurs"), key="inside_hist")

    st.subheader("Do the classes separate, layer by layer?")
    st.caption(
        "Each dot is a test example, placed by the two directions in which the layer's outputs vary most "
        "(principal component analysis). Layer after layer, a good network pulls the classes apart."
    )
    names = [info.name for info in inside.probe.layers if info.kind in ("dense", "conv", "recurrent", "output", "pool", "flatten")]
    default = names.index(hidden[-1].name)
    layer = st.selectbox("Layer", names, index=default, format_func=lambda n: inside.probe.layer(n).title, key="inside_pca_layer")
    projection = inside.lazy(("pca", layer), lambda: pca_2d(inside.values[layer]))
    if data.task == "classification":
        labels, classes = data.y_test[inside.sample], data.class_names
    else:
        labels, classes = data.preprocessing.inverse_target(data.y_test[inside.sample]), None
    show_figure(inside_plots.pca_scatter(projection.coords, projection.explained, labels, classes,
                                         title=f"{layer}: the test examples in the layer's two main directions"),
                key="inside_pca")
