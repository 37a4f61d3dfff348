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
# Streamlit's Markdown is GitHub's: it also links a bare "https://...", "www.x" or "a@b.c" in
# the text, and it finds them after reading the escapes, so backslashes cannot stop it (a
# label "[Click here](https://evil.example)" with its brackets escaped still linked its URL).
# An invisible WORD JOINER (U+2060: no width, no line break) inside the scheme, after "www" and
# before "@" breaks those patterns and leaves the characters as typed.
_WORD_JOINER = "\u2060"
_AUTOLINK_STARTS = re.compile(r"(?i)(?<=h)(?=ttps?:)|(?<=www)(?=\.)|(?=@)")


def markdown_text(text: object) -> str:
    """`text` with every Markdown-active character backslash-escaped (and no line breaks), and
    no address Markdown would turn into a link."""
    flat = " ".join(str(text).split("\n"))
    return _MARKDOWN_SPECIALS.sub(r"\\\1", _AUTOLINK_STARTS.sub(_WORD_JOINER, flat))
