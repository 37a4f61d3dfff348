"""Engine texts (names and sentences nncore defines, in English) shown in the session's language.

The table may hold a translation of such a text under a key; it is used only while its English
is still the engine's word for word, so an engine text that changed shows in English rather
than as an outdated translation.
"""

from __future__ import annotations

from ui.i18n import t
from ui.translations import TEXTS


def engine_text(prefix: str, english: str) -> str:
    """`english` translated by the entry `prefix` or `prefix.<anything>` whose English it is."""
    if prefix in TEXTS and TEXTS[prefix][0] == english:
        return t(prefix)
    for key, (known, _) in TEXTS.items():
        if known == english and key.startswith(prefix + "."):
            return t(key)
    return english


def dataset_title(key: str, title: str) -> str:
    """A built-in dataset's title in the session's language; an uploaded file's name as typed.

    Every caller shows it as Markdown: a title the table does not know (a file's name) is
    escaped, so a name never acts as a link, an image or formatting.
    """
    return _known_or_escaped(f"data.dataset.{key}.title", title)


def dataset_description(key: str, description: str) -> str:
    return _known_or_escaped(f"data.dataset.{key}.description", description)


def _known_or_escaped(prefix: str, english: str) -> str:
    from ui.safe_text import markdown_text

    text = engine_text(prefix, english)
    return markdown_text(text) if text == english and prefix not in TEXTS else text
