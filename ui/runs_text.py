"""Run names as safe text: the workspace is shared, so a name one user typed is shown to others.

Streamlit renders Markdown (links, images) in most elements and Plotly renders a few HTML tags
in legends, so a name like `![](http://tracker/x.png)` or `<a href=...>` would act, not read.
These helpers make a name display as the characters typed.
"""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_text(text: str) -> str:
    """`text` with every Markdown-active character backslash-escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


def plotly_text(text: str) -> str:
    """`text` with HTML special characters escaped, for Plotly trace names and hover text."""
    return html.escape(str(text), quote=False)
