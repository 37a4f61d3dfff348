"""Inside names a layer by its own name, its kind in the page's language and its activation."""

from types import SimpleNamespace

from nncore.catalog import translate
from ui import layer_label as module


def test_a_layer_kind_is_worded_in_the_page_language_and_the_names_stay(monkeypatch):
    monkeypatch.setattr(module, "t", lambda key, **values: translate(key, "zh", **values))
    conv = SimpleNamespace(name="conv2d_1", kind="conv", activation="relu")
    pool = SimpleNamespace(name="maxpool2d_1", kind="pool", activation=None)
    assert module.layer_label(conv) == "conv2d_1 (卷积, relu)"
    assert module.layer_label(pool) == "maxpool2d_1 (池化)"


def test_every_kind_the_engine_names_has_a_word_in_each_language():
    for kind in module.LAYER_KINDS:
        english, chinese = translate(f"inside.layer_kind.{kind}", "en"), translate(f"inside.layer_kind.{kind}", "zh")
        assert english and chinese and english != chinese, kind
