"""The engine speaks in keys: a Message is a catalogue key with values, its str() the English,
every key nncore can emit is in the catalogue with the same placeholders, and no module in ui/
reads the engine's English back (the reverse translators are gone)."""

from __future__ import annotations

import ast
import copy
import pickle
import re
import string
from pathlib import Path

import pytest

from nncore.catalog import translate
from nncore.errors import DatasetError
from nncore.messages import Message, from_text, join, to_text, word
from ui.translations import TEXTS

ROOT = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_str_of_a_message_is_the_english_and_its_values_stay_apart():
    finished = Message.plural("msg.job.finished", "n", n=3)
    assert str(finished) == "Finished 3 epochs." and finished == "Finished 3 epochs."
    assert finished.key == "msg.job.finished" and finished.values == {"n": 3}
    assert str(Message.plural("msg.job.finished", "n", n=1)) == "Finished 1 epoch."
    assert finished.word("zh") == TEXTS["msg.job.finished"][1].format(n=3)
    with pytest.raises(AttributeError):
        finished.key = "other"


def test_a_nested_message_is_worded_in_the_language_of_the_whole():
    stopped = Message("msg.job.stopped", during=Message("msg.frag.after_epoch", n=4))
    assert str(stopped) == "Stopped by you after epoch 4."
    assert stopped.word("zh") == TEXTS["msg.job.stopped"][1].format(during=TEXTS["msg.frag.after_epoch"][1].format(n=4))
    both = join(Message.plural("msg.job.finished", "n", n=2), Message("msg.job.not_saved", kind="OSError", error="disk full"))
    assert str(both) == "Finished 2 epochs. The run was not saved: OSError: disk full"
    assert HAN.search(both.word("zh")) and "disk full" in both.word("zh")


def test_a_message_survives_saving_pickling_and_copying():
    message = Message("msg.job.abandoned", during=Message("msg.frag.during_epoch", n=2), minutes="30")
    for again in (from_text(to_text(message)), pickle.loads(pickle.dumps(message)), copy.deepcopy(message)):
        assert isinstance(again, Message) and again == message and again.word("zh") == message.word("zh")
    assert from_text("Finished 3 epochs.") == "Finished 3 epochs."  # saved before keys: stays a plain text
    assert word("plain", "zh") == "plain"


def test_an_error_keeps_its_message_and_reads_english():
    error = DatasetError(Message("msg.csv.empty", name="x.csv"))
    assert str(error) == str(error.message) == translate("msg.csv.empty", "en", name="x.csv")
    assert HAN.search(error.message.word("zh")) and "x.csv" in error.message.word("zh")


# --- every key the engine can say is in the catalogue, with the same placeholders ---------------

def _message_calls() -> list[tuple[str, int, str, set[str] | None, str | None]]:
    """(file, line, key or key prefix, keyword names (None with **values), count) of every
    Message(...) and Message.plural(...) in nncore."""
    found = []
    for path in sorted((ROOT / "nncore").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            plural = isinstance(func, ast.Attribute) and func.attr == "plural" and getattr(func.value, "id", "") == "Message"
            if not (plural or (isinstance(func, ast.Name) and func.id == "Message")) or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                key = first.value
            elif isinstance(first, ast.JoinedStr):  # f"msg.frag.{kind}": its fixed start, a prefix
                key = (first.values[0].value if isinstance(first.values[0], ast.Constant) else "") + "*"
            else:
                continue
            names = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
            count = node.args[1].value if plural and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) else None
            found.append((str(path.relative_to(ROOT)), node.lineno, key, names, count))
    return found


CALLS = _message_calls()


def test_the_scan_finds_the_engine_messages():
    keys = {key for _, _, key, _, _ in CALLS}
    assert len(CALLS) >= 150
    assert {"msg.job.finished", "msg.csv.utf16", "msg.diag.underfitting", "msg.prep.read_csv"} <= keys


@pytest.mark.parametrize("where, line, key, names, count", CALLS, ids=[f"{f}:{n}" for f, n, *_ in CALLS])
def test_every_engine_message_key_is_in_the_catalogue_with_its_placeholders(where, line, key, names, count):
    if key.endswith("*"):  # a key built from a value: at least one entry under that prefix
        assert any(k.startswith(key[:-1]) for k in TEXTS), (where, line, key)
        return
    assert key in TEXTS, (where, line, key)
    variants = [key] + ([f"{key}_one"] if f"{key}_one" in TEXTS else [])
    for variant in variants:
        english, chinese = TEXTS[variant]
        assert _placeholders(english) == _placeholders(chinese), variant
        if names is not None:
            assert _placeholders(english) == names, (where, line, variant, names)
    if count is not None:
        assert count in names


# --- the reverse translators are gone -------------------------------------------------------

GONE = ("ui/engine_messages.py",)


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_the_regex_parser_of_engine_english_is_gone_and_nothing_imports_it():
    for path in GONE:
        assert not (ROOT / path).exists(), path
    gone = {module.removesuffix(".py").replace("/", ".") for module in GONE}
    for path in [*(ROOT / "ui").rglob("*.py"), *(ROOT / "app_pages").rglob("*.py"), *(ROOT / "tests").rglob("*.py"),
                 ROOT / "app.py"]:
        imported = _imported(path)
        assert not {name for name in imported if name.split(".localize_message")[0] in gone}, path


# --- explanation methods: stable keys, titles from the catalogue -----------------------------

def test_method_keys_are_stable_and_distinct_even_where_titles_are_equal():
    from nncore.explain.methods import METHODS, method_title

    keys = [m.key for m in METHODS]
    assert len(set(keys)) == len(keys)
    assert {"saliency", "lime_tabular", "lime_image", "lime_sequence", "permutation_shap"} <= set(keys)
    lime = [m for m in METHODS if m.key.startswith("lime_")]
    assert len({str(m.title) for m in lime}) == 1  # all titled "LIME", told apart by key
    for m in METHODS:
        assert m.title == method_title(m.key) and m.title.key == f"explain.method.{m.key}.title"
        assert HAN.search(m.description.word("zh")) and HAN.search(m.caveat.word("zh"))


def test_trust_tolerances_follow_the_key_not_the_title():
    import numpy as np

    from nncore.explain import Explanation
    from nncore.explain.trust import sanity_checks, shap_additivity

    def shap(title, key):
        return Explanation(np.array([0.1, 0.2]), 0.5, None, 0.85, title, method_key=key)

    # A title changed by a translator (or a typo) must not change the check.
    renamed = shap("Gradient-SHAP (renamed)", "gradient_shap")
    assert shap_additivity(renamed).tolerance == 0.1
    assert [c.method for c in sanity_checks([renamed, shap("Kernel SHAP", "saliency")])] == ["Gradient-SHAP (renamed)"]
