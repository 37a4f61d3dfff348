"""The report card's figure: Adebayo et al.'s cascading randomisation, one line per method.

Texts are passed in (the page words them); the figure draws numbers only.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
import plotly.graph_objects as go

from nncore.plots.style import PALETTE, apply_layout
from nncore.plots.words import Words, english, worded

FAIL_ABOVE = 0.8


def cascade_figure(
    card: Any, title: str, x_label: str, y_label: str, line_label: str, *, words: Words = english
) -> go.Figure:
    """Rank correlation with the original map after randomising 1, 2, ... layers from the top.

    Each method's line, with markers (so it reads without colour), and a dashed line at the
    0.8 fail mark. Methods whose randomisation could not be measured are left out.
    """
    fig = go.Figure()
    for i, method in enumerate(card.methods):
        grade = card.grade(method, "randomisation")
        layers, values = grade.detail.get("layers"), grade.detail.get("correlations")
        if not layers:
            continue
        # Layer names come from the model (maybe an uploaded one): text, never markup.
        steps = [f"{n}. {html.escape(str(name), quote=False)}" for n, name in enumerate(layers, start=1)]
        name = worded(method, words)  # a method's title from the catalogue, when it carries its key
        fig.add_trace(go.Scatter(
            x=steps, y=np.asarray(values, dtype=float), mode="lines+markers", name=name,
            line=dict(color=PALETTE[i % len(PALETTE)], width=2), marker=dict(size=8, symbol=i % 8),
            hovertemplate="%{x}: %{y:.2f}<extra>" + name + "</extra>",
        ))
    fig.add_hline(y=FAIL_ABOVE, line=dict(color="grey", dash="dash"), annotation_text=line_label,
                  annotation_position="top left")
    fig.update_yaxes(title_text=y_label, range=[-1.05, 1.05])
    fig.update_xaxes(title_text=x_label, type="category")
    return apply_layout(fig, title, height=360)
