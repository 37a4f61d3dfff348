"""Small rendering helpers so every page shows figures and errors the same way."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from ui.safe_text import dataset_texts, markdown_text, safe_figure
from ui.i18n import say

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def show_figure(fig: go.Figure, key: str) -> None:
    fig = safe_figure(fig, session_data_texts())
    st.plotly_chart(fig, width="stretch", key=key, config=PLOTLY_CONFIG)


def session_data_texts() -> set[str]:
    """The data texts of the session's loaded dataset and of its current model's dataset."""
    from ui.state import STATE_KEY  # the state module imports the engine: only when a page runs

    state = st.session_state.get(STATE_KEY)
    if state is None:
        return set()
    texts = dataset_texts(state.dataset)
    run = state.run
    if run is not None and getattr(run, "dataset", None) is not None and run.dataset is not state.dataset:
        texts |= dataset_texts(run.dataset)
    return texts


def show_error(error: Exception, hint: str | None = None) -> None:
    """A user-facing error: the message only, never a traceback."""
    # Engine messages quote file, column and class names: shown as typed, never as Markdown.
    st.error(markdown_text(say(error)) + (f"\n\n{hint}" if hint else ""), icon=":material/error:")


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
