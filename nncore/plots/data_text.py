"""Data-derived text in figures: shown as the characters typed, never as markup.

Class labels, column, feature and file names come from files people bring. Plotly renders a
few HTML tags in figure texts (`<a href>` makes a live link, `<b>` bold), so such a name must be
HTML-escaped before a figure shows it, and a 300-character name must not squash the plot.
`safe_figure` does both for a finished figure, touching only the texts it is given, so the
figure's own markup (<br>, <b>) keeps working. The pages (through ui/render.py) and the HTML
report use it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import numpy as np
import plotly.graph_objects as go

# A figure label longer than this is cut (the full text stays in the hover).
FIGURE_LABEL_CHARS = 40


def plotly_text(text: object) -> str:
    """`text` with HTML special characters escaped, for Plotly trace names and hover text."""
    return html.escape(str(text), quote=False)


def short_label(text: object, limit: int = FIGURE_LABEL_CHARS) -> str:
    """`text` cut to `limit` characters with an ellipsis (for axis ticks and legends)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def needs_care(text: str) -> bool:
    """True for a text a figure would not show as typed, or that is too long for a label."""
    return len(text) > FIGURE_LABEL_CHARS or bool(re.search(r"[<>&]", text))


def safe_figure(fig: go.Figure, data_texts: Iterable[str]) -> go.Figure:
    """`fig` with every occurrence of a data text HTML-escaped; long ones cut in labels.

    nncore/plots writes data texts (class, feature, column and file names) straight into titles,
    legends, ticks and hovers, next to its own markup (<br>, <b>). Only the texts in `data_texts`
    are touched, so the figure's own markup keeps working. A category axis keeps the full,
    escaped names as its values (so hovers show them) and shows cut ones as tick labels.
    Returns `fig` itself when no data text needs care, else a changed copy.
    """
    risky = sorted({str(x) for x in data_texts if x and needs_care(str(x))}, key=len, reverse=True)
    if not risky:
        return fig
    full = {text: plotly_text(text) for text in risky}
    cut = {text: plotly_text(short_label(text)) for text in risky}
    spec = fig.to_plotly_json()

    def replace(value: str, table: dict[str, str]) -> str:
        if not isinstance(value, str) or not any(text in value for text in risky):
            return value
        # One pass over all texts at once, longest first, so escaping one never re-escapes another.
        pattern = re.compile("|".join(re.escape(text) for text in risky))
        return pattern.sub(lambda m: table[m.group(0)], value)

    def walk(node, key: str = ""):
        if isinstance(node, dict):
            return {k: walk(v, k) for k, v in node.items()}
        if isinstance(node, np.ndarray) and node.dtype.kind in "OUS":
            node = node.tolist()  # category names: numbers stay arrays, untouched
        if isinstance(node, (list, tuple)):
            return [walk(v, key) for v in node]
        if isinstance(node, str):
            # Hovers and category values keep the whole text; what is drawn as a label is cut.
            hover = key in ("hovertemplate", "hovertext", "customdata", "x", "y", "z", "labels", "ids",
                            "categoryarray", "tickvals")
            return replace(node, full if hover else cut)
        return node

    spec = walk(spec)
    _cut_category_ticks(spec, cut, full)
    return go.Figure(spec, skip_invalid=True)


def _cut_category_ticks(spec: dict, cut: dict[str, str], full: dict[str, str]) -> None:
    """Category axes whose values are long names: ticks show the cut names."""
    long_full = {full[text]: cut[text] for text in full if full[text] != cut[text]}
    if not long_full:
        return
    layout = spec.setdefault("layout", {})
    for trace in spec.get("data", []):
        for axis_letter in ("x", "y"):
            values = trace.get(axis_letter)
            if not isinstance(values, list) or not any(isinstance(v, str) and v in long_full for v in values):
                continue
            anchor = trace.get(f"{axis_letter}axis", axis_letter)  # "x", "x2", ...
            name = f"{axis_letter}axis{anchor[1:]}"
            axis = layout.setdefault(name, {})
            if axis.get("tickmode") == "array":
                continue
            categories = list(dict.fromkeys(v for v in values if isinstance(v, str)))
            axis.update(tickmode="array", tickvals=categories, ticktext=[long_full.get(v, v) for v in categories])


def dataset_texts(dataset) -> set[str]:
    """Every text a dataset brought with it: its title, column, feature, class and category names."""
    texts = {dataset.title, dataset.target_name, *dataset.feature_names, *(dataset.class_names or ())}
    extra = dataset.preprocessing.extra
    encoding = extra.get("encoding") or {}
    texts.update(encoding.get("columns", ()))
    for values in (encoding.get("categories") or {}).values():
        texts.update(values)
    texts.add(str(extra.get("filename", dataset.params.get("filename", ""))))
    return {str(text) for text in texts if text}
