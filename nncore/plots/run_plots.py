"""Saved runs side by side: their learning curves overlaid in one figure."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from nncore.plots.style import TRAIN_DASH, VALIDATION_DASH, apply_layout, color, legend_below
from nncore.plots.words import Words, english
from nncore.plots.training_plots import loss_title, style_curve_axes
from nncore.training.history import EpochRecord, history_columns


def compare_learning_curves(
    runs: Sequence[tuple[str, Sequence[EpochRecord]]],
    loss_label: str = "",
    metric_label: str | None = None,
    title: str | None = None,
    log_loss: bool = False,
    *,
    words: Words = english,
) -> go.Figure:
    """Loss (left) and metric (right) per epoch for each named run: one colour per run,
    training solid and validation dashed (as in the Train page's curves). `loss_label` is the
    loss formula's name (the subplot says "Loss (<formula>)")."""
    metric_label = metric_label or words("fig.accuracy_title")
    fig = make_subplots(rows=1, cols=2, subplot_titles=(loss_title(loss_label, words), metric_label), horizontal_spacing=0.1)
    for index, (name, history) in enumerate(runs):
        columns = history_columns(list(history))
        for col, key, what in ((1, "loss", words("fig.loss")), (2, "metric", metric_label.lower())):
            for split, prefix, dash in (("training", "", TRAIN_DASH), ("validation", "val_", VALIDATION_DASH)):
                fig.add_trace(
                    go.Scatter(
                        x=columns["epoch"],
                        y=columns[prefix + key],
                        mode="lines",
                        name=name,
                        legendgroup=f"run{index}",
                        # One legend entry per run (its colour); the line style is explained below.
                        showlegend=col == 1 and split == "training",
                        line=dict(color=color(index), dash=dash, width=2),
                        hovertemplate=f"{name}<br>" + words(f"fig.hover.{split}_what", what=what, v="%{y:.4f}")
                        + "<br>" + words("fig.hover.epoch", v="%{x}") + "<extra></extra>",
                    ),
                    row=1,
                    col=col,
                )
    # Two grey entries that say which line style is which split.
    for split, dash in ((words("fig.training_solid"), TRAIN_DASH), (words("fig.validation_dashed"), VALIDATION_DASH)):
        fig.add_trace(
            go.Scatter(x=[None], y=[None], mode="lines", name=split, line=dict(color="#777777", dash=dash, width=2),
                       hoverinfo="skip", legendgroup="style"),
            row=1, col=1,
        )
    style_curve_axes(fig, log_loss, metric_label, words)
    fig = apply_layout(fig, title, height=400)
    legend_below(fig, -0.2, 90)
    return fig
