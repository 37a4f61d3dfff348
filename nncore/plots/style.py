"""Shared look for every figure: a colour-blind-safe palette and a common layout."""

from __future__ import annotations

import plotly.graph_objects as go

# Okabe-Ito's eight, then Paul Tol's wine and indigo (from his colour-blind-safe "muted" set):
# ten colours for the ten classes of digits and MNIST. Pairwise CIE 1976 colour differences stay
# at least 16 under simulated protanopia, deuteranopia and tritanopia, as for Okabe-Ito alone
# (tests/reference/test_palette_colour_blind.py).
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#882255", "#332288",
)
# Marker symbols so classes stay apart without colour (print, projectors, colour blindness):
# as many as colours, so class k has the k-th colour and the k-th symbol, both its own.
SYMBOLS = (
    "circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down", "hourglass", "pentagon",
)
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
