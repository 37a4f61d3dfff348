"""The texts a reader sees in a Plotly figure, read from its JSON (as a page sends it).

Titles (figure, axes, legends, colour bars), annotations, legend entries, category tick labels,
bar and heat map categories, and hovers (hover templates without Plotly's %{...} placeholders,
hover texts). Shared by the tests that check figures speak the page's language
(tests/pages/test_figure_words.py, tests/i18n/test_pseudo_locale_pages.py).
"""

from __future__ import annotations

import json
import re
from typing import Any

PLACEHOLDER = re.compile(r"%\{[^}]*\}")
# Traces whose x / y hold categories a reader sees as tick labels.
CATEGORY_TRACES = {"bar", "heatmap", "waterfall", "box", "histogram"}
TITLED = re.compile(r"^(?:[xyz]axis\d*|legend\d*|coloraxis\d*|scene\d*|polar\d*)$")


def _title(holder: Any) -> list[str]:
    if not isinstance(holder, dict):
        return []
    title = holder.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    return [title] if isinstance(title, str) else []


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str)]
    return []


def _colorbar(bar: Any) -> list[str]:
    return _title(bar) + _strings(bar.get("ticktext")) if isinstance(bar, dict) else []


def figure_texts(spec: dict | str) -> list[str]:
    """Every text of figure `spec` (a dict, or its JSON) that a reader can see, hovers included."""
    if isinstance(spec, str):
        spec = json.loads(spec)
    layout = spec.get("layout", {}) or {}
    texts = _title(layout)
    for name, part in layout.items():
        if not isinstance(part, dict) or not TITLED.match(name):
            continue
        texts += _title(part) + _strings(part.get("ticktext")) + _colorbar(part.get("colorbar"))
        for axis in ("xaxis", "yaxis", "zaxis", "radialaxis", "angularaxis"):
            texts += _title(part.get(axis))
    texts += [note.get("text") for note in layout.get("annotations", ()) or () if isinstance(note.get("text"), str)]
    for trace in spec.get("data", ()):
        texts += _strings(trace.get("name"))
        texts += _colorbar(trace.get("colorbar")) + _colorbar((trace.get("marker") or {}).get("colorbar"))
        if trace.get("type") in CATEGORY_TRACES:
            texts += _strings(trace.get("x")) + _strings(trace.get("y"))
        texts += _strings(trace.get("hovertemplate")) + _strings(trace.get("hovertext"))
        mode = str(trace.get("mode", ""))
        if "text" in mode or trace.get("hoverinfo") == "text" or trace.get("texttemplate"):
            texts += _strings(trace.get("text"))
    return [PLACEHOLDER.sub(" ", text) for text in texts if text]
