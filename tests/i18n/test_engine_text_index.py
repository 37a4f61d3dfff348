"""engine_text finds a translation through an index of the English texts (issue 19: it used to
scan the whole catalogue on every call); it must answer exactly as that scan did."""

from __future__ import annotations

from ui.i18n import t
from ui.translations import TEXTS
from ui.translations_engine import engine_text


def _scan(prefix: str, english: str) -> str:  # the former implementation, word for word
    if prefix in TEXTS and TEXTS[prefix][0] == english:
        return t(prefix)
    for key, (known, _) in TEXTS.items():
        if known == english and key.startswith(prefix + "."):
            return t(key)
    return english


def test_the_index_answers_as_the_scan_for_every_engine_text():
    keys = [key for key in TEXTS if key.startswith(("model.preset.", "dataset.", "sidebar.device", "engine."))][:400]
    assert keys, "expected engine texts in the catalogue"
    cases = [(key, TEXTS[key][0]) for key in keys]  # the exact key
    cases += [(key.rsplit(".", 1)[0], TEXTS[key][0]) for key in keys]  # a prefix of it
    cases += [("model.preset", "An English text no entry has"), ("no.such.prefix", TEXTS[keys[0]][0])]
    for prefix, english in cases:
        assert engine_text(prefix, english) == _scan(prefix, english), (prefix, english)
