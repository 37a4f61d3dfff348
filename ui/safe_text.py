"""Data-derived text as safe text: shown as the characters typed, never acted on.

Column names, class labels, file names, category values and run names come from files and
people. Streamlit renders Markdown (links, images, `$...$` maths, `:icon:` codes) in most
elements, so a label `[Click here](https://evil.example)` or `![x](https://evil.example/x.png)`
would act, not read: every page passes such text through `markdown_text` before it joins a
Markdown string (a title, caption, widget label or help text). Figures get the same care from
nncore/plots/data_text.py (re-exported here), applied to every figure by ui/render.show_figure.
"""

from __future__ import annotations

import re

from nncore.plots.data_text import (  # noqa: F401  (re-exported: the one place pages look)
    FIGURE_LABEL_CHARS,
    dataset_texts,
    plotly_text,
    safe_figure,
    short_label,
)

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def markdown_text(text: object) -> str:
    """`text` with every Markdown-active character backslash-escaped (and no line breaks)."""
    flat = " ".join(str(text).split("\n"))
    return _MARKDOWN_SPECIALS.sub(r"\\\1", flat)
