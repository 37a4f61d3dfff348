"""The Inside page's "What a neuron wants" tab: feature visualization for image models."""

from __future__ import annotations

import streamlit as st

from nncore.errors import NNExplorerError
from nncore.inspect.activations import top_examples, unit_values
from nncore.plots import inside_plots
from ui.safe_text import markdown_text
from ui.layer_label import layer_labels
from ui.i18n import t
from ui.row_label import row_label
from ui.inside_cache import InsideData
from ui.render import show_error, show_figure


def render_features(inside: InsideData) -> None:
    data = inside.run.dataset
    if data.input_kind != "image":
        st.info(t("inside.fv_images_only"), icon=":material/info:")
        return
    st.caption(t("inside.fv_caption"))
    layers = [info for info in inside.probe.layers if info.kind in ("conv", "dense", "output")]
    with st.form("inside_features_form", border=True):
        left, right = st.columns(2)
        names = [info.name for info in layers]
        layer = left.selectbox(t("inside.layer"), names, index=len(names) - 1, format_func=layer_labels(inside.probe, names).get,
                               key="inside_fv_layer", help=t("help.inside.layer"))
        unit = int(right.number_input(t("inside.fv_unit"), min_value=0, value=0, step=1,
                                      key="inside_fv_unit", help=t("help.inside.fv_unit")))
        go = st.form_submit_button(t("inside.fv_generate"), type="primary", icon=":material/auto_awesome:",
                                   help=t("help.inside.fv_generate"))
    key = ("feature_vis", layer, unit)
    if go and key not in inside.extras:
        try:
            from nncore.inspect.feature_vis import visualize_unit

            with st.spinner(t("inside.fv_generating")):
                inside.extras[key] = visualize_unit(inside.run.model, layer, unit)
        except NNExplorerError as error:
            show_error(error)
            return
    vis = inside.extras.get(key)
    if vis is None:
        st.info(t("inside.fv_choose"), icon=":material/info:")
        return
    info = inside.probe.layer(layer)
    is_class = info.kind == "output" and data.class_names and unit < len(data.class_names)
    what = t("inside.fv_class", name=data.class_names[unit]) if is_class else t("inside.fv_unit_of", unit=unit, layer=layer)
    left, right = st.columns([1, 2])
    with left:
        show_figure(inside_plots.input_picture(vis.image, "image", title=t("inside.fv_wants", what=what), words=t), key="inside_fv_image")
        if vis.probability is not None:
            st.caption(t("inside.fv_probability", p=f"{vis.probability:.0%}", what=markdown_text(what), blank=f"{vis.blank_probability:.0%}"))
        else:
            st.caption(t("inside.fv_score", score=f"{vis.score:.3g}", blank=f"{vis.blank_score:.3g}"))
    with right:
        per_unit = inside.lazy(("unit_values", layer), lambda: unit_values(inside.values[layer]))
        strongest = top_examples(per_unit[:, unit], 8)
        rows = inside.sample[strongest]
        show_figure(inside_plots.image_tiles(data.x_test[rows], [row_label(data, r) for r in rows], columns=4,
                               title=t("inside.fv_top"), words=t), key="inside_fv_top")
