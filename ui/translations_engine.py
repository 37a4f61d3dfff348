"""Engine texts (names and sentences nncore defines, in English) shown in the session's language.

The table may hold a translation of such a text under a key; it is used only while its English
is still the engine's word for word, so an engine text that changed shows in English rather
than as an outdated translation.
"""

from __future__ import annotations

from nncore.catalog import SOURCE_LANGUAGE, catalogues
from ui.i18n import t
from ui.translations import TEXTS


def engine_text(prefix: str, english: str) -> str:
    """`english` translated by the entry `prefix` or `prefix.<anything>` whose English it is."""
    if prefix in TEXTS and TEXTS[prefix][0] == english:
        return t(prefix)
    for key in _keys_by_english().get(english, ()):
        if key.startswith(prefix + "."):
            return t(key)
    return english


_index: tuple[object, dict[str, list[str]]] | None = None


def _keys_by_english() -> dict[str, list[str]]:
    """English text -> the keys that have it, in catalogue order; built once per catalogue.

    engine_text used to scan every entry of the catalogue (translating each into both
    languages) on every call: the sidebar's dataset and model titles made that a third of a
    Data page run (issue 19)."""
    global _index
    source = catalogues()[SOURCE_LANGUAGE]  # parsed once per process (another object: rebuilt)
    if _index is None or _index[0] is not source:
        by_english: dict[str, list[str]] = {}
        for key in TEXTS:
            by_english.setdefault(TEXTS[key][0], []).append(key)
        _index = (source, by_english)
    return _index[1]


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
