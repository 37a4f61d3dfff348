"""The Inside page's "Training dynamics" tab: weights, gradients and activations over epochs,
as recorded by the training job (nncore.training.recorder)."""

from __future__ import annotations

import streamlit as st

from nncore.plots import inside_plots
from ui.i18n import t
from ui.render import format_duration, show_figure


def render_dynamics(run) -> None:
    dynamics = run.extra.get("dynamics") if run.extra else None
    if dynamics is None or not dynamics.records:
        st.info(t("inside.no_record"), icon=":material/info:")
        return
    epochs = [r.epoch for r in dynamics.records]
    every = t("inside.every_epochs", k=dynamics.interval) if dynamics.interval > 1 else t("inside.every_epoch")
    st.caption(t("inside.snapshots", n=len(epochs), first=epochs[0], last=epochs[-1], every=every,
                 duration=format_duration(dynamics.seconds)))
    st.subheader(t("inside.gradients"))
    show_figure(inside_plots.gradient_norms_over_time(dynamics, title=t("inside.gradients_title")),
                key="inside_grad_norms")
    st.caption(t("inside.gradients_caption"))
    st.subheader(t("inside.weights_over_time"))
    layer = st.selectbox(t("inside.layer"), dynamics.layer_names, index=0, key="inside_dyn_layer",
                         help=t("help.inside.layer"))
    show_figure(inside_plots.weight_distribution_over_time(dynamics, layer, title=t("inside.weight_dist_title", layer=layer)),
                key="inside_weight_dist")
    left, right = st.columns(2)
    with left:
        show_figure(inside_plots.activation_stats_over_time(dynamics, "dead_share", t("inside.dead_axis"),
                                                            title=t("inside.dead_title")), key="inside_dead_time")
    with right:
        show_figure(inside_plots.activation_stats_over_time(dynamics, "saturated_share", t("inside.sat_axis"),
                                                            title=t("inside.sat_title")), key="inside_sat_time")
