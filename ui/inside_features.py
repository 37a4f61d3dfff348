"""The Inside page's "What a neuron wants" tab: feature visualization for image models."""

from __future__ import annotations

import streamlit as st

from nncore.errors import NNExplorerError
from nncore.inspect.activations import top_examples, unit_values
from nncore.plots import inside_plots
from ui.inside_cache import InsideData
from ui.render import show_error, show_figure


def render_features(inside: InsideData) -> None:
    data = inside.run.dataset
    if data.input_kind != "image":
        st.info("Feature visualization draws the image a neuron responds to most, so it is for image models. "
                "Load an image dataset (say Digits) and train a CNN to try it.", icon=":material/info:")
        return
    st.caption(
        "Starting from a grey image, the computer changes the pixels step by step to make the chosen class or "
        "unit respond as strongly as it can (gradient ascent), while keeping the image smooth so it stays "
        "readable. It shows what the unit has learned to look for: the network's own 'art'."
    )
    layers = [info for info in inside.probe.layers if info.kind in ("conv", "dense", "output")]
    with st.form("inside_features_form", border=True):
        left, right = st.columns(2)
        names = [info.name for info in layers]
        layer = left.selectbox("Layer", names, index=len(names) - 1, format_func=lambda n: inside.probe.layer(n).title,
                               key="inside_fv_layer")
        unit = int(right.number_input("Unit (for the output layer: the class number)", min_value=0, value=0, step=1,
                                      key="inside_fv_unit"))
        go = st.form_submit_button("Generate", type="primary", icon=":material/auto_awesome:")
    key = ("feature_vis", layer, unit)
    if go and key not in inside.extras:
        try:
            from nncore.inspect.feature_vis import visualize_unit

            with st.spinner("Generating (a few seconds)…"):
                inside.extras[key] = visualize_unit(inside.run.model, layer, unit)
        except NNExplorerError as error:
            show_error(error)
            return
    vis = inside.extras.get(key)
    if vis is None:
        st.info("Choose a layer and a unit, then press **Generate**.", icon=":material/info:")
        return
    info = inside.probe.layer(layer)
    what = f"class {data.class_names[unit]}" if info.kind == "output" and data.class_names and unit < len(data.class_names) else f"unit {unit} of {layer}"
    left, right = st.columns([1, 2])
    with left:
        show_figure(inside_plots.input_picture(vis.image, "image", title=f"What {what} wants to see"), key="inside_fv_image")
        if vis.probability is not None:
            st.caption(f"The network gives this image {vis.probability:.0%} for {what} (a blank image: {vis.blank_probability:.0%}).")
        else:
            st.caption(f"Unit response {vis.score:.3g} (a blank image: {vis.blank_score:.3g}).")
    with right:
        per_unit = inside.lazy(("unit_values", layer), lambda: unit_values(inside.values[layer]))
        strongest = top_examples(per_unit[:, unit], 8)
        rows = inside.sample[strongest]
        show_figure(inside_plots.image_tiles(data.x_test[rows], [f"#{r}" for r in rows], columns=4,
                               title="Real test images that activate it most"), key="inside_fv_top")
