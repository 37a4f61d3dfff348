"""Message catalogues: the interface's texts, one gettext `.po` file per language.

The files live in `nncore/locales/<language>.po` (the engine ships them, so a notebook can word
the engine's messages too). Each entry's msgid is a stable key ("train.button"), its msgstr the
text, with `{name}` placeholders filled by `str.format`. English (`en.po`) is the source and
the fallback: a key missing from another catalogue is worded in English.

Plurals are gettext plural entries: msgid is the singular key ("msg.job.finished_one"),
msgid_plural the plural key ("msg.job.finished"), and each catalogue's Plural-Forms header
(written by Babel for its locale) picks the form for a count. `translate_plural` takes either key.

The languages offered are the catalogues present: adding a language is adding one file.
`NNX_PSEUDO_LOCALE=1` adds the pseudo-locale `qps` (nncore.pseudo_locale), for tests only.

No streamlit here; ui/i18n.py picks the session's language and calls `translate`.
"""

from __future__ import annotations

import hashlib
import io
import os
import json
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LOCALES = Path(__file__).resolve().parent / "locales"
SOURCE_LANGUAGE = "en"
PSEUDO_LANGUAGE = "qps"
PSEUDO_ENV = "NNX_PSEUDO_LOCALE"


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: `forms` has one text, or one per plural form of the language."""

    forms: tuple[str, ...]
    plural: bool = False


@dataclass(frozen=True)
class Catalogue:
    language: str
    display_name: str
    entries: dict[str, Entry]  # by msgid and, for a plural entry, also by msgid_plural
    plural_keys: frozenset[str]  # the msgid_plural keys: translate() gives their plural form
    plural_index: object  # n -> index into an entry's forms

    def form(self, key: str, n: int) -> str | None:
        entry = self.entries.get(key)
        if entry is None or not any(entry.forms):
            return None
        if not entry.plural:
            return entry.forms[0]
        index = min(self.plural_index(n), len(entry.forms) - 1)
        return entry.forms[index] or None


def _plural_function(expression: str):
    """The Plural-Forms header's C expression ("(n != 1)") as a Python function."""
    from gettext import c2py  # the standard library's own translation of gettext plural rules

    return c2py(expression)


def read_catalogue(path: Path) -> Catalogue:
    """A `.po` file as a Catalogue: parsed with Babel once, then read from a compiled cache.

    Babel's parser takes about 0.3 s per catalogue, which every first page would wait for; the
    parsed entries are kept in the temp folder under the hash of the file's bytes (so an edited
    catalogue is parsed again) and load in milliseconds.
    """
    data = path.read_bytes()
    # JSON, not pickle: the temp folder is shared, and reading JSON runs no one's code.
    cache = Path(tempfile.gettempdir()) / f"nnx-catalogue-{path.stem}-{hashlib.sha256(data).hexdigest()[:20]}.json"
    try:
        language, display, forms, plural_keys, rule = json.loads(cache.read_text(encoding="utf-8"))
    except Exception:  # no cache yet, or an unreadable one: parse the file
        language, display, forms, plural_keys, rule = _parse(path, data)
        try:
            partial = cache.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps([language, display, forms, sorted(plural_keys), rule], ensure_ascii=False), encoding="utf-8")
            partial.replace(cache)  # atomic: a parallel reader never sees half a file
        except OSError:
            pass  # a read-only temp folder: parse every time
    entries = {key: Entry(tuple(texts), plural) for key, (texts, plural) in forms.items()}
    return Catalogue(language, display, entries, frozenset(plural_keys), _plural_function(rule))


def _parse(path: Path, data: bytes):
    from babel import Locale
    from babel.messages.pofile import read_po

    po = read_po(io.BytesIO(data))
    language = path.stem
    entries: dict[str, tuple[list[str], bool]] = {}
    plural_keys = set()
    for message in po:
        if not message.id:
            continue  # the header
        if isinstance(message.id, (tuple, list)):
            singular, plural = message.id[0], message.id[1]
            forms = tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)
            entries[singular] = entries[plural] = (list(forms), True)
            plural_keys.add(plural)
        else:
            entries[message.id] = ([message.string], False)
    try:
        display = Locale.parse(language).get_display_name(language) or language
    except Exception:  # a code Babel does not know (a made-up or pseudo language): its code
        display = language
    return language, display, entries, plural_keys, po.plural_expr or "0"


@lru_cache(maxsize=None)
def _catalogues(directory: str, pseudo: bool) -> dict[str, Catalogue]:
    found = {path.stem: read_catalogue(path) for path in sorted(Path(directory).glob("*.po"))}
    if pseudo and SOURCE_LANGUAGE in found:
        from nncore.pseudo_locale import pseudo_catalogue

        found[PSEUDO_LANGUAGE] = pseudo_catalogue(found[SOURCE_LANGUAGE])
    return found


def catalogues(directory: Path | str | None = None) -> dict[str, Catalogue]:
    """Every catalogue in `directory` (default: nncore/locales), parsed once per process."""
    pseudo = os.environ.get(PSEUDO_ENV, "") not in ("", "0")
    return _catalogues(str(directory or LOCALES), pseudo)


def languages(directory: Path | str | None = None) -> dict[str, str]:
    """Language code -> its name in that language ("zh" -> "中文"), English first."""
    found = catalogues(directory)
    order = sorted(found, key=lambda code: (code != SOURCE_LANGUAGE, code))
    return {code: found[code].display_name for code in order}


def _lookup(key: str, n: int | None, language: str, directory=None) -> str:
    found = catalogues(directory)
    for code in (language, SOURCE_LANGUAGE):
        catalogue = found.get(code)
        if catalogue is None:
            continue
        count = n if n is not None else (2 if key in catalogue.plural_keys else 1)
        text = catalogue.form(key, count)
        if text is not None:
            return text
    raise KeyError(key)


def _format(text: str, values: dict) -> str:
    return text.format(**values) if values else text


def translate(key: str, language: str = SOURCE_LANGUAGE, /, **values: object) -> str:
    """The text of `key` in `language` (English where that catalogue lacks it), formatted.

    A plural entry's keys still work here: its singular key gives the form for 1, its plural key
    the form for many. An unknown key raises KeyError.
    """
    return _format(_lookup(key, None, language), values)


def translate_plural(key: str, n: int, language: str = SOURCE_LANGUAGE, /, **values: object) -> str:
    """The form of plural entry `key` (either of its keys) for the count `n`, formatted with
    `values`; `n` is also offered as the `{n}` placeholder unless `values` names its own `n`."""
    values.setdefault("n", n)
    return _format(_lookup(key, n, language), values)


def texts_in_every_language(key: str) -> tuple[str, ...]:
    """`key`'s unformatted text in every catalogue (to recognise a label in any language)."""
    return tuple(dict.fromkeys(_lookup(key, None, code) for code in catalogues()))
