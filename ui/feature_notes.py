"""What each input of a table means: the bundled tables' descriptions (ui/translations_words.py),
or the person's own for a CSV (kept by `SessionState.describe_features`), with the typical
range computed from the training rows (nncore/data/feature_ranges.py).

Shown on Data (a table; an editable one for a CSV), in Explain's hovers and in its sentences.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd
import streamlit as st

from ui.feature_keys import PLANE, feature_key
from ui.i18n import t
from ui.safe_text import markdown_text
from ui.translations import TEXTS


def describe(dataset: Any, name: str) -> str | None:
    """What the column `name` measures, in the session's language; None when nobody said.

    Returns text to show as text (the person's own words are data: escape them in Markdown)."""
    from ui.state import get_state

    own = get_state().feature_notes.get((dataset.key, dataset.title), {}).get(str(name))
    if own:
        return own
    for key in (feature_key(dataset.key, name), feature_key(PLANE, name) if dataset.is_2d else ""):
        if key in TEXTS:
            return t(key)
    return None


def _number(value: float, scale: float = 0.0) -> str:
    """Four significant digits; a value within float32 rounding of zero, next to a column of
    `scale`, is 0 (standardising and back turns a 0 into 7e-09)."""
    if pd.isna(value):
        return "–"
    return "0" if abs(value) <= 1e-6 * scale else f"{value:.4g}"


def _range(low: float, high: float, scale: float) -> str:
    return f"{_number(low, scale)} – {_number(high, scale)}"


def _rows(dataset: Any) -> list[dict[str, str]]:
    from nncore.data.feature_ranges import feature_ranges

    return [
        {
            "feature": r.name,
            "meaning": describe(dataset, r.name) or t("words.no_meaning"),
            "typical": _range(r.low, r.high, _scale(r)),
            "extremes": _range(r.minimum, r.maximum, _scale(r)),
        }
        for r in feature_ranges(dataset)
    ]


def _scale(r: Any) -> float:
    return max(abs(r.minimum), abs(r.maximum)) if pd.notna(r.minimum) else 0.0


def _columns(editable: bool) -> dict[str, Any]:
    return {
        "feature": st.column_config.TextColumn(t("words.col.feature"), disabled=True),
        "meaning": st.column_config.TextColumn(t("words.col.meaning"), disabled=not editable, width="large"),
        "typical": st.column_config.TextColumn(t("words.col.typical"), disabled=True),
        "extremes": st.column_config.TextColumn(t("words.col.extremes"), disabled=True),
    }


def render_feature_notes(state: Any) -> None:
    """Data page: what the inputs mean (tables only); a CSV's descriptions can be written here."""
    dataset = state.dataset
    if dataset.input_kind != "tabular":
        return
    csv = dataset.key == "csv"
    with st.expander(t("words.own_title") if csv else t("words.inputs_title"), icon=":material/menu_book:",
                     expanded=csv):
        st.caption(t("words.own_caption") if csv else t("words.inputs_caption"))
        rows = pd.DataFrame(_rows(dataset))
        if not csv:
            # A static table: its cells wrap, so a long description is read whole at any width.
            st.table(rows.rename(columns={c: t(f"words.col.{c}") for c in rows.columns}).set_index(t("words.col.feature")))
            if not dataset.is_2d:
                st.caption(t("words.source_breast_cancer" if dataset.key == "breast_cancer" else "words.source_builtin"))
            return
        own = state.feature_notes.get((dataset.key, dataset.title), {})
        rows["meaning"] = [own.get(name, "") for name in rows["feature"]]
        edited = st.data_editor(rows, hide_index=True, width="stretch", column_config=_columns(True),
                                num_rows="fixed", key=f"words_own_{dataset.title}")
        notes = dict(zip(edited["feature"], edited["meaning"].fillna("")))
        if {k: v for k, v in notes.items() if str(v).strip()} != own:
            state.describe_features(dataset, notes)
            st.caption(t("words.own_saved"))


def column_help(dataset: Any) -> dict[str, Any]:
    """Column settings for a table of the inputs: each header's hover says what it measures
    and its typical range here."""
    from nncore.data.feature_ranges import feature_ranges

    config = {}
    for r in feature_ranges(dataset):
        meaning = describe(dataset, r.name)
        typical = f"{t('words.col.typical')}: {_range(r.low, r.high, _scale(r))}"
        config[r.name] = st.column_config.NumberColumn(help=f"{markdown_text(meaning)}  \n{typical}" if meaning else typical)
    return config


def add_meanings_to_hovers(fig: Any, dataset: Any) -> Any:
    """Explain's bars: each bar's hover says what its input measures (a line under its name).

    The bars are labelled by the inputs' names; a bar whose name has no description keeps
    an empty line. Descriptions are the session's language already, so the figure's
    figure writes that line as it is."""
    from ui.safe_text import plotly_text

    for trace in fig.data:
        if getattr(trace, "type", "") != "bar" or trace.y is None:
            continue
        meanings = [describe(dataset, name) or "" for name in trace.y]
        if not any(meanings):
            continue
        # Wrapped: a hover box does not wrap lines itself.
        trace.customdata = ["<br>".join(textwrap.wrap(plotly_text(m), 70)) for m in meanings]
        head, _, rest = (trace.hovertemplate or "%{y}").partition("<br>")
        trace.hovertemplate = f"{head}<br>%{{customdata}}<br>{rest}" if rest else f"{head}<br>%{{customdata}}"
    return fig
