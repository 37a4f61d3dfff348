"""Engine messages (outcomes, diagnoses, errors nncore writes in English) in the session's language.

nncore never knows the session, so it writes English; the table (`msg.*` in
ui/translations_messages.py) holds each message as a template, "Finished {n} epochs.". A
template becomes an anchored pattern whose placeholders capture the values; the values go into
the Chinese. A message the table does not know as a whole is read sentence by sentence (the
engine joins outcome and note, "Finished 5 epochs. The run was not saved: ..."), and what no
template matches stays English: a message is never lost, only left untranslated.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

from ui.translations import TEXTS

_MESSAGE_PREFIX = "msg."
_FRAGMENT_PREFIX = "msg.frag."  # parts of a message, never a whole one: tried only on captured values
# Engine names that may stand in a message as a value (a preset's or dataset's title), under
# these placeholders only: elsewhere "LSTM" is a layer kind or a file name, and stays as it is.
_NAME_PREFIXES = ("model.preset.", "data.dataset.")
_NAME_FIELDS = ("preset", "title")
# A sentence ends at . ! or ? followed by space; a split inside a value ("e.g. x") is harmless,
# since runs of sentences are tried together before one alone.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CHINESE_STOPS = "。！？；：）”"


@dataclass(frozen=True)
class _Template:
    key: str
    pattern: re.Pattern[str]
    chinese: str
    fixed: int  # characters of fixed text: more specific templates are tried first


def _pattern(english: str) -> re.Pattern[str]:
    parts, seen = [], set()
    for literal, field, _, _ in string.Formatter().parse(english):
        parts.append(re.escape(literal))
        if field is None:
            continue
        # A value named twice ("at most {most} rows ... more than {most}") must be the same both times.
        parts.append(f"(?P={field})" if field in seen else f"(?P<{field}>.+?)")
        seen.add(field)
    return re.compile("".join(parts), re.DOTALL)


@lru_cache(maxsize=1)
def _templates() -> tuple[tuple[_Template, ...], tuple[_Template, ...]]:
    """(whole-message templates, fragment templates), the most specific first."""
    built = [
        _Template(key, _pattern(english), chinese, len(re.sub(r"\{[^{}]*\}", "", english)))
        for key, (english, chinese) in TEXTS.items()
        if key.startswith(_MESSAGE_PREFIX)
    ]
    built.sort(key=lambda template: -template.fixed)
    return (
        tuple(x for x in built if not x.key.startswith(_FRAGMENT_PREFIX)),
        tuple(x for x in built if x.key.startswith(_FRAGMENT_PREFIX)),
    )


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {english: chinese for key, (english, chinese) in TEXTS.items() if key.startswith(_NAME_PREFIXES)}


def _match(text: str, templates: tuple[_Template, ...]) -> str | None:
    for template in templates:
        found = template.pattern.fullmatch(text)
        if found:
            values = {name: _value(name, value) for name, value in found.groupdict().items()}
            return template.chinese.format(**values)
    return None


def _value(field: str, text: str) -> str:
    """A captured value: a known name, fragment or message is translated, anything else kept."""
    if field in _NAME_FIELDS and text in _names():
        return _names()[text]
    fragment = _match(text, _templates()[1])
    return fragment if fragment is not None else _chinese(text)


def _join(pieces: list[str]) -> str:
    text = ""
    for piece in pieces:
        text += piece if not text or text[-1] in _CHINESE_STOPS else " " + piece
    return text


@lru_cache(maxsize=1024)
def _chinese(text: str) -> str:
    whole = _match(text, _templates()[0])
    if whole is not None:
        return whole
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    ends = [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    if len(bounds) == 1:
        return text
    pieces, i = [], 0
    while i < len(bounds):
        for j in range(len(bounds) - 1, i - 1, -1):  # the longest run of sentences a template knows
            translated = _match(text[bounds[i] : ends[j]], _templates()[0])
            if translated is not None:
                pieces.append(translated)
                i = j + 1
                break
        else:
            pieces.append(text[bounds[i] : ends[i]])
            i += 1
    return _join(pieces)


def localize_message(text: str, language: str | None = None) -> str:
    """`text` in `language` (default: the session's) where the table knows it, else unchanged."""
    if language is None:
        from ui.i18n import current_language  # the session's language needs streamlit

        language = current_language()
    if language == "en" or not text:
        return text
    return _chinese(text)
