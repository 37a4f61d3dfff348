"""Shared look for every figure: a colour-blind-safe palette and a common layout."""

from __future__ import annotations

import plotly.graph_objects as go

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
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
    fig.update_layout(
        title=title,
        height=height,
        margin=dict(l=50, r=20, t=50 if title else 20, b=45),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="right", x=1),
        template="plotly_white",
    )
    return fig
