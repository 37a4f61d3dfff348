"""The Inside page's "Training dynamics" tab: weights, gradients and activations over epochs,
as recorded by the training job (nncore.training.recorder)."""

from __future__ import annotations

import streamlit as st

from nncore.plots import inside_plots
from ui.render import format_duration, show_figure


def render_dynamics(run) -> None:
    dynamics = run.extra.get("dynamics") if run.extra else None
    if dynamics is None or not dynamics.records:
        st.info("There is no record of how this model was trained (it was imported or reopened from an older "
                "run). Train a model on the Train page to see its weights and gradients evolve.", icon=":material/info:")
        return
    epochs = [r.epoch for r in dynamics.records]
    st.caption(
        f"{len(epochs)} snapshots between epoch {epochs[0]} and epoch {epochs[-1]} "
        f"(every {dynamics.interval} epoch{'s' if dynamics.interval > 1 else ''}); recording took "
        f"{format_duration(dynamics.seconds)} in all. Gradients and activations are measured on a fixed batch of "
        "training examples."
    )
    st.subheader("Gradients per layer")
    show_figure(inside_plots.gradient_norms_over_time(dynamics, title="How strongly each layer is pushed to change"),
                key="inside_grad_norms")
    st.caption(
        "The gradient tells each layer how to change. When the lines of the first layers sit far below the "
        "last ones (each step on the log scale is 10 times), those layers barely learn: *vanishing gradients*, "
        "typical of deep sigmoid or tanh networks. Lines shooting up mean *exploding gradients* (lower the "
        "learning rate)."
    )
    st.subheader("Weights over time")
    layer = st.selectbox("Layer", dynamics.layer_names, index=0, key="inside_dyn_layer")
    show_figure(inside_plots.weight_distribution_over_time(dynamics, layer, title=f"{layer}: distribution of its weights"),
                key="inside_weight_dist")
    left, right = st.columns(2)
    with left:
        show_figure(inside_plots.activation_stats_over_time(dynamics, "dead_share", "dead units (ReLU)",
                                                            title="Share of dead units"), key="inside_dead_time")
    with right:
        show_figure(inside_plots.activation_stats_over_time(dynamics, "saturated_share", "saturated units",
                                                            title="Share of saturated units"), key="inside_sat_time")
