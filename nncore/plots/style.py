"""Shared look for every figure: a colour-blind-safe palette and a common layout."""

from __future__ import annotations

import plotly.graph_objects as go

# Okabe-Ito: distinguishable with the common forms of colour blindness. Four of its colours
# are used as they are; orange, sky blue and yellow are darkened and black is a mid grey, so that
# every mark has WCAG's 3:1 for graphics on the light (white) and the dark (#0F1419) theme
# alike: Okabe-Ito's own yellow is 1.3:1 on white, its black 1.1:1 on the dark background
# (tests/test_themes.py checks each colour on both).
PALETTE = ("#0072B2", "#B07D00", "#009E73", "#CC79A7", "#3D8FC7", "#D55E00", "#9A8C00", "#808080")
# Reference lines (a teacher's weights, a threshold): a grey with 3:1 on both backgrounds.
NEUTRAL = "#808080"
# Marker symbols so classes stay apart without colour (print, projectors, colour blindness).
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down")
# Train solid, validation dashed: the difference survives greyscale.
TRAIN_DASH, VALIDATION_DASH = "solid", "dash"
DIVERGING_SCALE = "RdBu"  # weights: red negative, blue positive, white zero


def color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def symbol(index: int) -> str:
    return SYMBOLS[index % len(SYMBOLS)]


def apply_layout(fig: go.Figure, title: str | None = None, height: int = 380) -> go.Figure:
    # The title sits at the very top of the figure and the legend in its own band just above
    # the plot area, so a long title and a wide legend never overlap.
    fig.update_layout(
        title=dict(text=title, y=0.98, yanchor="top", x=0.01, xanchor="left") if title else None,
        height=height,
        margin=dict(l=50, r=20, t=85 if title else 40, b=45),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="right", x=1),
        template="plotly_white",
    )
    return fig


def legend_below(fig: go.Figure, offset: float = -0.2, bottom_margin: int = 70) -> go.Figure:
    """Put the legend centred under the plot area (for figures whose subplot titles or
    annotations would collide with a legend above). `offset` is in plot-height units below
    the x axis, tuned per figure to clear its axis title; the margin makes room for it."""
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=offset, xanchor="center", x=0.5),
        margin=dict(b=bottom_margin),
    )
    return fig
