"""The Inside page's "Training dynamics" tab: weights, gradients and activations over epochs,
as recorded by the training job (nncore.training.recorder)."""

from __future__ import annotations

import streamlit as st

from nncore.plots import inside_plots
from ui.i18n import t, tn
from ui.render import format_duration, show_figure


MAX_LISTED_EPOCHS = 12


def epoch_list(epochs: list[int]) -> str:
    """"0, 2, 8 and 10"; a long list keeps its first and last few around an ellipsis."""
    words = [str(e) for e in epochs]
    if len(words) > MAX_LISTED_EPOCHS:
        words = words[:6] + ["…"] + words[-3:]
    if len(words) == 1:
        return words[0]
    return t("loose.dyn_list", most=t("loose.list_separator").join(words[:-1]), last=words[-1])


def recorded_caption(dynamics) -> str:
    """Which epochs were recorded, and whether that is the plan (records are skipped while
    recording would take more than its share of the training time, so gaps happen)."""
    epochs = [r.epoch for r in dynamics.records]
    every = t("inside.every_epochs", k=dynamics.interval) if dynamics.interval > 1 else t("inside.every_epoch")
    # As planned: every multiple of the interval from the first record to the last, plus the
    # final epoch (always recorded, even off the interval).
    planned = [e for e in range(epochs[0], epochs[-1] + 1) if e % dynamics.interval == 0]
    if planned[-1:] != [epochs[-1]]:
        planned.append(epochs[-1])
    plan = t("loose.dyn_every", every=every) if epochs == planned else t("loose.dyn_skipped", every=every)
    return tn("loose.dyn_recorded", len(epochs), epochs=epoch_list(epochs), plan=plan, duration=format_duration(dynamics.seconds))


def render_dynamics(run) -> None:
    dynamics = run.extra.get("dynamics") if run.extra else None
    if dynamics is None or not dynamics.records:
        st.info(t("inside.no_record"), icon=":material/info:")
        return
    st.caption(recorded_caption(dynamics))
    st.subheader(t("inside.gradients"))
    show_figure(inside_plots.gradient_norms_over_time(dynamics, title=t("inside.gradients_title"), words=t),
                key="inside_grad_norms")
    st.caption(t("inside.gradients_caption"))
    st.subheader(t("inside.weights_over_time"))
    layer = st.selectbox(t("inside.layer"), dynamics.layer_names, index=0, key="inside_dyn_layer",
                         help=t("help.inside.layer"))
    show_figure(inside_plots.weight_distribution_over_time(dynamics, layer, title=t("inside.weight_dist_title", layer=layer), words=t),
                key="inside_weight_dist")
    left, right = st.columns(2)
    with left:
        show_figure(inside_plots.activation_stats_over_time(dynamics, "dead_share", t("inside.dead_axis"),
                                                            title=t("inside.dead_title"), words=t), key="inside_dead_time")
    with right:
        show_figure(inside_plots.activation_stats_over_time(dynamics, "saturated_share", t("inside.sat_axis"),
                                                            title=t("inside.sat_title"), words=t), key="inside_sat_time")
