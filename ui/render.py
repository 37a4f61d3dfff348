"""Small rendering helpers so every page shows figures and errors the same way."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from ui.engine_messages import localize_message
from ui.figure_text import localize_figure

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def show_figure(fig: go.Figure, key: str) -> None:
    st.plotly_chart(localize_figure(fig), width="stretch", key=key, config=PLOTLY_CONFIG)


def show_error(error: Exception, hint: str | None = None) -> None:
    """A user-facing error: the message only, never a traceback."""
    st.error(localize_message(str(error)) + (f"\n\n{hint}" if hint else ""), icon=":material/error:")


def format_duration(seconds: float) -> str:
    seconds = max(0.0, float(seconds))
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def format_loss(value: float) -> str:
    """Four significant digits, so a tiny loss does not read as 0.0000."""
    return f"{value:.4g}" if value == value else "–"


def format_metric(value: float, name: str) -> str:
    if value != value:  # NaN
        return "–"
    return f"{value:.1%}" if name == "accuracy" else f"{value:.4g}"
