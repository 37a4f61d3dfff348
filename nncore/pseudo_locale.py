"""The pseudo-locale `qps`: English made visibly foreign, to find text that skips the catalogue.

Each line of every English text becomes "⟦Ŧŕàîñ ţĥé ñéţŵöŕķ ·····⟧": letters accented, about a
third longer (translations run longer than English; fixed-width places must cope), and wrapped
in ⟦ ⟧ so a test can tell catalogue text from hard-coded text on a rendered page. Placeholders
({name}, %{x}), Markdown structure (headings, list marks, **, links' targets), HTML tags,
Streamlit icons (:material/...:) and URLs stay intact so the page still works.

Generated from the English catalogue when NNX_PSEUDO_LOCALE=1 (nncore.catalog); never a file.
"""

from __future__ import annotations

import math
import re

OPEN, CLOSE = "⟦", "⟧"
LONGER = 0.35  # how much longer than English, roughly what German or Finnish adds
PAD = "·"
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Parts of a text that must survive as they are: placeholders, Plotly's %{...}, HTML tags,
# icons, URLs and a link's target.
_KEEP = re.compile(r"%?\{[^{}]*\}|<[^<>]+>|:material/[a-z_]+:|https?://[^\s)]+|\]\([^)]*\)")
# A line's leading Markdown: headings, list items, quotes, and the space before them.
_LEAD = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)*)")


def _accent(text: str) -> str:
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out += [text[last:match.start()].translate(_ACCENTS), match.group()]
        last = match.end()
    out.append(text[last:].translate(_ACCENTS))
    return "".join(out)


def pseudo_line(line: str) -> str:
    if not line.strip():
        return line
    lead = _LEAD.match(line).group(1)
    body = line[len(lead):]
    if not body.strip():
        return line
    pad = PAD * math.ceil(len(body) * LONGER)
    return f"{lead}{OPEN}{_accent(body)}{pad}{CLOSE}"


def pseudo_text(text: str) -> str:
    """`text` in the pseudo-locale, line by line (a Markdown paragraph is bracketed on its own)."""
    return "\n".join(pseudo_line(line) for line in text.split("\n"))


def pseudo_catalogue(english):
    """A nncore.catalog.Catalogue in `qps`, made from the English one."""
    from nncore.catalog import Catalogue, Entry

    entries = {key: Entry(tuple(pseudo_text(form) for form in entry.forms), entry.plural)
               for key, entry in english.entries.items()}
    return Catalogue("qps", "Pseudo", entries, english.plural_keys, english.plural_index)
