"""The message catalogues (nncore/locales/*.po): they parse, every language has every key with
the same placeholders, plural entries have the forms their locale's rules ask for, the list of
languages is the files present, and the fold from the old Python tables is a repeatable no-op."""

from __future__ import annotations

import shutil
import string

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

import tools.i18n_fold as fold
from nncore import catalog
from nncore.catalog import LOCALES, SOURCE_LANGUAGE, languages, read_catalogue, translate, translate_plural

FILES = sorted(LOCALES.glob("*.po"))
LANGUAGE_CODES = [path.stem for path in FILES]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _po(language: str):
    with open(LOCALES / f"{language}.po", "rb") as handle:
        return read_po(handle, abort_invalid=True)  # a syntax error raises instead of being skipped


def test_english_and_chinese_catalogues_are_present():
    assert {"en", "zh"} <= set(LANGUAGE_CODES)
    assert len(list(_po("en"))) > 1000


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_catalogue_parses_and_names_its_language(language):
    po = _po(language)
    assert str(po.locale) == language
    assert all(message.id for message in list(po)[1:])


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE])
def test_every_english_key_is_in_every_catalogue_and_nothing_else(language):
    english, other = read_catalogue(LOCALES / "en.po"), read_catalogue(LOCALES / f"{language}.po")
    missing = sorted(key for key, entry in english.entries.items() if key not in other.entries or not any(other.entries[key].forms))
    assert not missing, f"{language}.po lacks {len(missing)} keys (shown in English): {missing[:20]}"
    assert not sorted(set(other.entries) - set(english.entries)), "keys English does not have"


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE])
def test_every_translation_has_the_english_placeholders(language):
    english, other = read_catalogue(LOCALES / "en.po"), read_catalogue(LOCALES / f"{language}.po")
    wrong = []
    for key, entry in english.entries.items():
        theirs = other.entries.get(key)
        if theirs is None:
            continue
        if entry.plural:
            # A form may leave the count out ("This one is a mistake."); all forms together name
            # what English names, and no form names what English never fills in.
            ours = set().union(*map(_fields, entry.forms))
            if set().union(*map(_fields, theirs.forms)) - ours or not all(_fields(f) <= ours for f in theirs.forms):
                wrong.append(key)
        elif _fields(theirs.forms[0]) != _fields(entry.forms[0]):
            wrong.append(key)
    assert not wrong, wrong


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_plural_entries_have_the_forms_of_the_locales_rules(language):
    po = _po(language)
    rule = get_plural(language)
    assert po.num_plurals == rule.num_plurals
    assert po.plural_expr.replace(" ", "") == rule.plural_expr.replace(" ", "")
    plurals = [message for message in po if isinstance(message.id, (tuple, list))]
    assert len(plurals) >= 10  # the former `_one` pairs
    for message in plurals:
        assert len(message.string) == rule.num_plurals and all(message.string), message.id


def test_plural_forms_follow_the_count():
    assert translate_plural("msg.job.finished", 1, "en") == "Finished 1 epoch."
    assert translate_plural("msg.job.finished", 3, "en") == "Finished 3 epochs."
    assert translate_plural("msg.job.finished_one", 3, "en") == "Finished 3 epochs."  # either key
    assert translate_plural("msg.job.finished", 1, "zh") == translate_plural("msg.job.finished", 3, "zh").replace("3", "1")
    # The count and a placeholder called n can differ: "1 of these 5 is a mistake".
    assert translate_plural("loose.mistakes_many", 1, "en", wrong=1, n=5) == "1 of these 5 is a mistake"
    assert translate_plural("loose.mistakes_many", 2, "en", wrong=2, n=5) == "2 of these 5 are mistakes"
    assert translate_plural("loose.mistakes_all", 1, "en") == "This one is a mistake."


def test_a_key_missing_in_english_raises_and_the_one_table_view_is_unchanged():
    with pytest.raises(KeyError):
        translate("no.such.key")
    assert translate("nav.home", "zh") == "首页"
    assert translate("nav.home", "xx") == "Home"  # an unknown language speaks English


def test_languages_are_the_catalogues_present_and_a_new_file_adds_one(tmp_path):
    assert list(languages()) == ["en", "zh"]
    assert languages()["zh"] == "中文" and languages()["en"] == "English"
    for path in FILES:
        shutil.copy(path, tmp_path / path.name)
    # A third language is one file: a French catalogue with a single translated entry.
    (tmp_path / "fr.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n'
        '"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "nav.home"\nmsgstr "Accueil"\n\n'
        'msgid "msg.job.finished_one"\nmsgid_plural "msg.job.finished"\n'
        'msgstr[0] "{n} époque terminée."\nmsgstr[1] "{n} époques terminées."\n',
        encoding="utf-8",
    )
    found = languages(tmp_path)
    assert list(found) == ["en", "fr", "zh"] and found["fr"] == "français"
    assert catalog._lookup("nav.home", None, "fr", tmp_path) == "Accueil"
    assert catalog._lookup("nav.data", None, "fr", tmp_path) == "Data"  # missing: English
    assert catalog._lookup("msg.job.finished", 0, "fr", tmp_path) == "{n} époque terminée."  # French: 0 is singular
    assert catalog._lookup("msg.job.finished", 2, "fr", tmp_path) == "{n} époques terminées."


def test_no_legacy_table_waits_to_be_folded_and_a_fold_changes_nothing():
    from ui.translations import LEGACY

    assert not LEGACY, "run: python -m tools.i18n_fold --delete"
    assert fold.main(["--check"]) == 0


def test_the_fold_adds_updates_and_pairs_plurals_the_same_way_every_time(tmp_path, monkeypatch):
    for path in FILES:
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(fold, "LOCALES", tmp_path)
    table = {
        "nav.home": ("Start page", "起始页"),  # a changed text
        "cat.test.apples_one": ("{n} apple", "{n} 个苹果"),  # a new plural pair
        "cat.test.apples": ("{n} apples", "{n} 个苹果"),
        "cat.test.tab_one": ("One", "一个"),  # looks like a pair, but no count: two keys
        "cat.test.tab": ("Many", "多个"),
    }
    monkeypatch.setattr(fold, "legacy_tables", lambda: dict(table))
    first = fold.fold()
    for language, content in first.items():
        (tmp_path / f"{language}.po").write_bytes(content)
    assert fold.fold() == first  # repeatable: folding again changes nothing
    monkeypatch.setattr(fold, "legacy_tables", dict)
    assert fold.fold() == first  # the texts now live in the catalogues alone
    en, zh = read_catalogue(tmp_path / "en.po"), read_catalogue(tmp_path / "zh.po")
    assert en.form("nav.home", 1) == "Start page" and zh.form("nav.home", 1) == "起始页"
    assert en.entries["cat.test.apples"].plural and en.form("cat.test.apples", 1) == "{n} apple"
    assert en.form("cat.test.apples", 7) == "{n} apples" and zh.entries["cat.test.apples"].forms == ("{n} 个苹果",)
    assert not en.entries["cat.test.tab_one"].plural and en.form("cat.test.tab", 1) == "Many"


def test_texts_copied_from_the_engine_still_match_it():
    """The Neuron lab's activation notes and the optimizers' names are worded from the catalogue;
    their English must still be the engine's, or the translation describes something else."""
    from nncore.neuron.activations import ACTIVATIONS
    from nncore.training.config import OPTIMIZER_TITLES

    for key, activation in ACTIVATIONS.items():
        assert translate(f"lab.act_note.{key}") == activation.note, key
    for key, title in OPTIMIZER_TITLES.items():
        assert translate(f"train.opt.{key}") == title, key
