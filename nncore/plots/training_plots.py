"""Learning curves from a training history."""

from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from nncore.plots.words import Words, english
from nncore.plots.style import TRAIN_DASH, VALIDATION_DASH, apply_layout, color, legend_below, log_axis
from nncore.training.history import EpochRecord, history_columns


def loss_title(formula: str = "", words: Words = english) -> str:
    """What a person reads above a loss curve: "Loss (binary cross-entropy)".

    The word is "Loss" whatever the formula; the formula's name (an objective's `loss_label`,
    worded by the caller) follows in parentheses, lower case, so a reader who does not know the
    formula still knows what the curve is."""
    formula = formula.strip()
    if not formula or formula.lower() == "loss":
        return words("fig.loss_title")
    return words("fig.plain.loss_title", formula=f"{formula[0].lower()}{formula[1:]}")


def learning_curves(
    history: Sequence[EpochRecord],
    loss_label: str = "",
    metric_label: str | None = None,
    title: str | None = None,
    log_loss: bool = False,
    *,
    words: Words = english,
) -> go.Figure:
    """Loss and metric per epoch, training (solid) beside validation (dashed). `loss_label` is
    the loss formula's name; the subplot says "Loss (<formula>)". `metric_label` defaults to
    accuracy, in `words`."""
    metric_label = metric_label or words("fig.accuracy_title")
    columns = history_columns(list(history))
    fig = make_subplots(rows=1, cols=2, subplot_titles=(loss_title(loss_label, words), metric_label), horizontal_spacing=0.1)
    for col, (key, label) in enumerate((("loss", words("fig.loss")), ("metric", metric_label.lower())), start=1):
        for split, prefix, dash, index in (("training", "", TRAIN_DASH, 0), ("validation", "val_", VALIDATION_DASH, 1)):
            name = words(f"fig.{split}")
            hover = words(f"fig.hover.{split}_what", what=label, v="%{y:.4f}") + "<br>" + words("fig.hover.epoch", v="%{x}")
            fig.add_trace(
                go.Scatter(
                    x=columns["epoch"],
                    y=columns[prefix + key],
                    mode="lines+markers" if len(columns["epoch"]) <= 30 else "lines",
                    name=name,
                    legendgroup=name,
                    showlegend=col == 1,
                    line=dict(color=color(index), dash=dash, width=2),
                    marker=dict(symbol="circle" if index == 0 else "square", size=5),
                    hovertemplate=hover + "<extra></extra>",
                ),
                row=1,
                col=col,
            )
    style_curve_axes(fig, log_loss, metric_label, words)
    fig = apply_layout(fig, title, height=360)
    # Below the plots: above them it would collide with the subplot titles.
    legend_below(fig, -0.2, 70)
    return fig


def style_curve_axes(fig: go.Figure, log_loss: bool, metric_label: str, words: Words = english) -> None:
    """Axes of a loss (left) and metric (right) pair of subplots over epochs."""
    for col in (1, 2):
        fig.update_xaxes(title_text=words("fig.epoch"), row=1, col=col, rangemode="tozero")
    if log_loss:  # every tick written out in full, "(log scale)" on the axis
        losses = [trace.y for trace in fig.data if trace.yaxis in (None, "y") and trace.y is not None]
        fig.update_yaxes(**log_axis(np.concatenate([np.asarray(y, dtype=np.float64) for y in losses]) if losses else [], words("fig.loss"), words),
                         row=1, col=1)
    else:
        fig.update_yaxes(type="linear", row=1, col=1)
    if metric_label.lower() in ("accuracy", words("fig.accuracy_title").lower()):
        fig.update_yaxes(range=[0, 1.02], tickformat=".0%", row=1, col=2)
