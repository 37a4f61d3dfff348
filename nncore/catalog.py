"""TEMPORARY message catalogue: texts by key, in a language, with no Streamlit.

Stands in for the gettext catalogue loader (nncore/locales/<lang>.po) that replaces it at merge;
same interface. Until then it reads the legacy table in ui/translations.py, lazily (the table is
plain data, but ui/ must not load when nncore is imported): English is [0], Chinese is [1].
"""

from __future__ import annotations

_COLUMNS = {"en": 0, "zh": 1}


def _table() -> dict[str, tuple[str, str]]:
    from ui.translations import TEXTS  # plain data; imported on first use, never at import time

    return TEXTS


def languages() -> tuple[str, ...]:
    return tuple(_COLUMNS)


def translate(key: str, language: str = "en", /, **values: object) -> str:
    """The text of `key` in `language` (English where the language is unknown), with `values`."""
    text = _table()[key][_COLUMNS.get(language, 0)]
    return text.format(**values) if values else text


def translate_plural(key: str, n: int, language: str = "en", /, **values: object) -> str:
    """`key`'s text for a count of `n`: the `<key>_one` entry when n is 1 and the table has it."""
    singular = f"{key}_one"
    chosen = singular if n == 1 and singular in _table() else key
    return translate(chosen, language, **values)
