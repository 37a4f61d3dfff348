"""Fold the legacy translation tables (Python tuples) into the gettext catalogues.

Run from the repository root:

    python -m tools.i18n_fold            # merge every registered tuple table into nncore/locales/*.po
    python -m tools.i18n_fold --delete   # ... then delete the folded ui/translations_<topic>.py
                                         #     modules and their lines in ui/translations.py
    python -m tools.i18n_fold --check    # exit 1 if a fold would change anything (for CI)

What it reads: every `ui/translations_<topic>.py` module registered in ui/translations.py with
`from ui import translations_<topic> as _x` + `_merge(_x.NAME)` (each table a dict
key -> (English, Simplified Chinese)); ui.translations.LEGACY holds their union.

What it does, every time the same way (repeatable, deterministic; never edit the .po by hand for
what this tool does):
- the catalogues' entries are flattened back to keys (a plural entry gives its singular and its
  plural key), the tables' entries are laid over them (new keys added, changed texts updated);
- a key with a `_one` part ("msg.job.finished_one", "loose.right_one_unsure") whose sibling
  exists with that part removed or as `_many` ("msg.job.finished", "loose.right_many_unsure"),
  and whose sibling has a placeholder (the count), becomes one gettext plural entry: msgid the
  `_one` key, msgid_plural the sibling. English keeps both forms; a language with one plural
  form (Chinese) keeps the sibling's text. NOT_PLURAL lists pairs that only look alike;
- en.po and zh.po are written sorted by key, with Babel's Plural-Forms for each locale and the
  `python-brace-format` flag on texts with placeholders. Other languages' catalogues are left
  as they are (a translator updates them; tests/i18n reports their missing keys).
"""

from __future__ import annotations

import argparse
import importlib
import io
import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "nncore" / "locales"
REGISTRY = ROOT / "ui" / "translations.py"
TABLE_LANGUAGES = ("en", "zh")  # the order of a legacy tuple's texts
NOT_PLURAL = {"inside.tab_one"}  # "One input" / "Over many inputs": two tabs, not a count
_ONE = re.compile(r"_one(?=_|$)")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def legacy_tables() -> dict[str, tuple[str, str]]:
    """The union of the tuple tables registered in ui/translations.py, as it is now on disk."""
    sys.path.insert(0, str(ROOT))
    for name in [m for m in sys.modules if m == "ui.translations" or m.startswith("ui.translations_")]:
        del sys.modules[name]  # read the files as they are, not as first imported
    registry = importlib.import_module("ui.translations")
    return dict(registry.LEGACY)


def _read(language: str):
    from babel.messages.pofile import read_po

    path = LOCALES / f"{language}.po"
    if not path.exists():
        return None
    with open(path, "rb") as handle:
        return read_po(handle)


def flatten(po) -> dict[str, str]:
    """key -> text, a plural entry split back into its singular and plural keys."""
    flat: dict[str, str] = {}
    if po is None:
        return flat
    for message in po:
        if not message.id:
            continue
        if isinstance(message.id, (tuple, list)):
            forms = list(message.string)
            flat[message.id[0]] = forms[0]
            flat[message.id[1]] = forms[-1] if len(forms) > 1 else forms[0]
        else:
            flat[message.id] = message.string
    return flat


def plural_pairs(texts: dict[str, str]) -> dict[str, str]:
    """Singular key -> plural key, for every `_one` key with a counting sibling."""
    pairs = {}
    for key in texts:
        if key in NOT_PLURAL or not _ONE.search(key):
            continue
        for sibling in (_ONE.sub("", key, count=1), _ONE.sub("_many", key, count=1)):
            if sibling in texts and _fields(texts[sibling]):
                pairs[key] = sibling
                break
    return pairs


def build_catalogue(language: str, texts: dict[str, str], pairs: dict[str, str], previous=None):
    from babel.messages.catalog import Catalog

    catalogue = Catalog(locale=language, project="NN Explorer", version="1", fuzzy=False,
                        header_comment=f"# NN Explorer interface texts: {language}.\n"
                                       "# Keys are msgids; generated and updated by python -m tools.i18n_fold.")
    if previous is not None:  # keep the dates of the last real change: a repeat run is a no-op
        catalogue.creation_date = previous.creation_date
        catalogue.revision_date = previous.revision_date
    else:
        import datetime

        catalogue.creation_date = catalogue.revision_date = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    n_forms = catalogue.num_plurals
    in_pair = set(pairs) | set(pairs.values())
    for key in sorted(texts):
        if key in in_pair and key not in pairs:
            continue  # written with its singular key
        if key in pairs:
            one, many = texts[key], texts[pairs[key]]
            forms = (one, many) if n_forms == 2 else (many,) * n_forms if n_forms == 1 else (one,) + (many,) * (n_forms - 1)
            flags = ["python-brace-format"] if _fields(one) | _fields(many) else []
            catalogue.add((key, pairs[key]), forms, flags=flags)
        else:
            flags = ["python-brace-format"] if _fields(texts[key]) else []
            catalogue.add(key, texts[key], flags=flags)
    return catalogue


def render(catalogue) -> bytes:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=76, omit_header=False, sort_output=False, no_location=True)
    return buffer.getvalue()


def fold() -> dict[str, bytes]:
    """The new contents of en.po and zh.po."""
    legacy = legacy_tables()
    previous = {language: _read(language) for language in TABLE_LANGUAGES}
    texts = {language: flatten(previous[language]) for language in TABLE_LANGUAGES}
    for key, pair in legacy.items():
        for language, text in zip(TABLE_LANGUAGES, pair):
            texts[language][key] = text
    pairs = plural_pairs(texts["en"])
    out = {}
    for language in TABLE_LANGUAGES:
        catalogue = build_catalogue(language, texts[language], pairs, previous[language])
        out[language] = render(catalogue)
    return out


def delete_legacy_modules() -> list[str]:
    """Delete every ui/translations_<topic>.py registered in ui/translations.py, and its lines."""
    source = REGISTRY.read_text()
    modules = re.findall(r"^from ui import (translations_\w+) as (_\w+)\n", source, flags=re.M)
    for module, alias in modules:
        source = re.sub(rf"^from ui import {module} as {alias}\n", "", source, flags=re.M)
        source = re.sub(rf"^_merge\({alias}\.\w+(?:, {alias}\.\w+)*\)[^\n]*\n", "", source, flags=re.M)
        (ROOT / "ui" / f"{module}.py").unlink(missing_ok=True)
    REGISTRY.write_text(source)
    return [module for module, _ in modules]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a fold would change a catalogue")
    parser.add_argument("--delete", action="store_true", help="delete the folded tuple modules afterwards")
    args = parser.parse_args(argv)
    LOCALES.mkdir(parents=True, exist_ok=True)
    changed = []
    for language, content in fold().items():
        path = LOCALES / f"{language}.po"
        if not path.exists() or path.read_bytes() != content:
            changed.append(path.name)
            if not args.check:
                path.write_bytes(content)
    print(("would change: " if args.check else "changed: ") + (", ".join(changed) or "nothing"))
    if args.check:
        return 1 if changed else 0
    if args.delete:
        print("deleted: " + (", ".join(delete_legacy_modules()) or "nothing"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
