"""Figure texts (titles, axis labels, legends) in the session's language.

nncore/plots draws figures in English (nncore never knows the session); this module translates
a finished figure's visible texts just before the page shows it. The texts are looked up by
their English in the translation table's `fig.` entries (ui/translations_figures.py): exact
texts first, then templates ("class {c}" matches "class 3"), then, for a text of several lines
("a<br>b") or in bold ("<b>a</b>"), each line or the bold text alone. A text the table does not
know stays English: a figure never loses a word, and a new plot string shows up untranslated
rather than breaking the page.

Hover texts are translated line by line with the `fig.hover.` entries as well, leaving Plotly's
%{...} placeholders as they are ("epoch %{x}" -> "轮次 %{x}").
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Any, Callable

import plotly.graph_objects as go

from ui.translations import TEXTS

FIGURE_PREFIX = "fig."
TICK_PREFIX = "fig.tick."  # the only entries applied to category labels (which are mostly data)
HOVER_PREFIX = "fig.hover."  # only for hover texts: they would be too loose for titles
# Other entries whose English figures show as it is: dataset titles ("Circles (2-D): training data").
BORROWED = re.compile(r"^data\.dataset\.[^.]+\.title$")
# Placeholders that only ever hold a number ("1,234", "-0.5", "1e-05", "45%"), so that a template
# such as "class {c}" cannot match "class probabilities".
NUMBER_FIELDS = frozenset({"n", "k", "c", "value", "area", "scale", "seconds", "share"})
_NUMBER = r"[-+−]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?%?"
_LETTERS = re.compile(r"[A-Za-z]")
_BOLD = re.compile(r"^<b>(.*)</b>$", re.DOTALL)
_AXIS = re.compile(r"^[xyz]axis\d*$")


def _current_language() -> str:
    from ui.i18n import current_language  # streamlit: imported only when a page runs

    return current_language()


def localize_figure(fig: go.Figure, language: str | None = None) -> go.Figure:
    """`fig` with its titles, axis labels and legend texts in `language` (default: the session's).

    English returns `fig` itself. Otherwise a translated copy is returned and `fig` is left as it
    was (pages cache figures and redraw them in either language)."""
    language = language or _current_language()
    if language != "zh":
        return fig
    # A copy as plain dicts (cheap to walk and to edit). Not `fig.to_dict()`: it packs numeric
    # arrays as base64 strings, and the page may still read the copy's numbers.
    spec = {"data": [trace.to_plotly_json() for trace in fig.data], "layout": fig.layout.to_plotly_json()}
    if fig.frames:
        spec["frames"] = [frame.to_plotly_json() for frame in fig.frames]
    changed = _localize_spec(spec, _translate, _translate_tick, _translate_hover)
    if not changed:
        return fig
    # The original was validated when it was built; checking the copy again would cost more
    # than building it (hundreds of traces in a network diagram).
    return go.Figure(spec, _validate=False)


# --- the lookup -------------------------------------------------------------------------------


class _Table:
    """Exact texts and compiled templates, English -> Chinese, for one set of keys."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        self.exact: dict[str, str] = {}
        self.templates: list[tuple[re.Pattern[str], str]] = []
        for english, chinese in entries:
            fields = [name for _, name, _, _ in string.Formatter().parse(english) if name]
            if not fields:
                self.exact.setdefault(english, chinese)
                continue
            self.templates.append((_pattern(english), chinese))
        # The template with the most fixed text first: "{title}: example {split} images" before
        # any shorter template that could also match.
        self.templates.sort(key=lambda item: -len(re.sub(r"\(\?P<\w+>[^)]*\)", "", item[0].pattern)))


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>{_NUMBER if name in NUMBER_FIELDS else '.+?'})")
    return re.compile("^" + "".join(parts) + "$", re.DOTALL)


@lru_cache(maxsize=1)
def _tables() -> tuple[_Table, _Table, _Table]:
    """Titles and legends; category labels; hover texts."""
    figure = [(english, chinese) for key, (english, chinese) in TEXTS.items()
              if (key.startswith(FIGURE_PREFIX) and not key.startswith(HOVER_PREFIX)) or BORROWED.match(key)]
    ticks = [(english, chinese) for key, (english, chinese) in TEXTS.items() if key.startswith(TICK_PREFIX)]
    hovers = [(english, chinese) for key, (english, chinese) in TEXTS.items() if key.startswith(HOVER_PREFIX)]
    return _Table(figure), _Table(ticks), _Table(figure + hovers)


def _lookup(text: str, table: _Table, depth: int = 0) -> str:
    if not _LETTERS.search(text) or depth > 4:
        return text
    if text in table.exact:
        return table.exact[text]
    for pattern, chinese in table.templates:
        match = pattern.match(text)
        if match:
            # A caught value may itself be a known text ("{title}: {split} data", split "training").
            values = {name: _lookup(value, table, depth + 1) for name, value in match.groupdict().items()}
            return chinese.format(**values)
    if "<br>" in text:
        return "<br>".join(_lookup(line, table, depth + 1) for line in text.split("<br>"))
    bold = _BOLD.match(text)
    if bold and "<b>" not in bold.group(1):
        return f"<b>{_lookup(bold.group(1), table, depth + 1)}</b>"
    stripped = text.strip()
    if stripped != text and stripped:
        return text.replace(stripped, _lookup(stripped, table, depth + 1))
    return text


@lru_cache(maxsize=4096)
def _translate(text: str) -> str:
    return _lookup(text, _tables()[0])


@lru_cache(maxsize=4096)
def _translate_tick(text: str) -> str:
    return _lookup(text, _tables()[1])


_EXTRA = re.compile(r"^(.*?)<extra>(.*)</extra>$", re.DOTALL)


@lru_cache(maxsize=4096)
def _translate_hover(text: str) -> str:
    """A hover text or template, line by line; its <extra> box (a trace's name) as a legend entry."""
    extra = _EXTRA.match(text)
    body, box = (extra.group(1), extra.group(2)) if extra else (text, None)
    lines = "<br>".join(_lookup(line, _tables()[2]) for line in body.split("<br>"))
    return lines if box is None else f"{lines}<extra>{_translate(box)}</extra>"


# --- the walk over a figure's spec ------------------------------------------------------------


class _Editor:
    """Replaces texts in place and remembers whether any changed."""

    def __init__(self, translate: Callable[[str], str]) -> None:
        self.translate = translate
        self.changed = False

    def text(self, holder: Any, key: str) -> None:
        if isinstance(holder, dict) and isinstance(holder.get(key), str):
            new = self.translate(holder[key])
            if new != holder[key]:
                holder[key] = new
                self.changed = True

    def title(self, holder: Any) -> None:
        """A `title` that is either a string (old style) or {"text": ...}."""
        if not isinstance(holder, dict):
            return
        if isinstance(holder.get("title"), dict):
            self.text(holder["title"], "text")
        else:
            self.text(holder, "title")

    def labels(self, holder: Any, key: str) -> None:
        values = holder.get(key) if isinstance(holder, dict) else None
        if values is None or isinstance(values, str) or not hasattr(values, "__len__") or len(values) > 2000:
            return
        if not all(isinstance(v, str) for v in values):
            return
        new = [self.translate(v) for v in values]
        if new != list(values):
            holder[key] = new
            self.changed = True


def _localize_spec(
    spec: dict, translate: Callable[[str], str], translate_tick: Callable[[str], str], translate_hover: Callable[[str], str]
) -> bool:
    words, ticks, hovers = _Editor(translate), _Editor(translate_tick), _Editor(translate_hover)
    layout = spec.get("layout", {})
    words.title(layout)
    for name, part in layout.items():
        if not isinstance(part, dict):
            continue
        if _AXIS.match(name):
            words.title(part)
            ticks.labels(part, "ticktext")
        elif name.startswith("scene"):
            for axis in ("xaxis", "yaxis", "zaxis"):
                words.title(part.get(axis))
        elif name.startswith("polar"):
            for axis in ("radialaxis", "angularaxis"):
                words.title(part.get(axis))
        elif name.startswith("legend"):
            words.title(part)
        elif name.startswith("coloraxis"):
            _colorbar(part.get("colorbar"), words, ticks)
    for note in layout.get("annotations", ()) or ():
        words.text(note, "text")
    for trace in spec.get("data", ()):
        words.text(trace, "name")
        words.text(trace.get("legendgrouptitle"), "text")
        _colorbar(trace.get("colorbar"), words, ticks)
        _colorbar((trace.get("marker") or {}).get("colorbar"), words, ticks)
        if trace.get("type") in ("bar", "heatmap", "waterfall", "box", "histogram", "funnel"):
            ticks.labels(trace, "x")
            ticks.labels(trace, "y")
        for key in ("hovertemplate", "hovertext"):
            hovers.text(trace, key)
            hovers.labels(trace, key)
        # `text` is shown on the plot unless the mode leaves it to the hover; only then is it a hover.
        if trace.get("hoverinfo") == "text" and "text" not in str(trace.get("mode", "")):
            hovers.text(trace, "text")
            hovers.labels(trace, "text")
    return words.changed or ticks.changed or hovers.changed


def _colorbar(bar: Any, words: _Editor, ticks: _Editor) -> None:
    if isinstance(bar, dict):
        words.title(bar)
        ticks.labels(bar, "ticktext")
