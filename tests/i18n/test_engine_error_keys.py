"""The engine's last English-only errors carry catalogue keys (issue 16): an architecture's
field errors, the trust checks' argument errors and the Neuron lab's errors are Messages whose
Chinese has no English sentence left (the values they quote, names and shapes, may be English).
The Model page shows a bad layer's error in Chinese (AppTest)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from nncore.errors import NNExplorerError
from nncore.messages import Message
from ui.translations import TEXTS

APP = str(Path(__file__).resolve().parents[2] / "app.py")
# The keys this change added (its draft, ui/translations_errkeys.py, is folded into the catalogues at merge).
ERROR_KEYS = [key for key in TEXTS if key.startswith(("msg.spec.", "msg.trust.", "msg.neuron."))]
HAN = re.compile(r"[\u4e00-\u9fff]")
# Three English words in a row, outside the quoted values: a sentence left untranslated.
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2}")


def _chinese_without_english(error: BaseException) -> str:
    message = getattr(error, "message", None)
    assert isinstance(message, Message), f"not keyed: {error!r}"
    assert str(error) == str(message)  # the English, for logs and tests, is still the message
    chinese = message.word("zh")
    assert HAN.search(chinese), chinese
    words = chinese
    for value in sorted((str(v) for v in message.values.values()), key=len, reverse=True):
        words = words.replace(value, " ")  # the values (names, shapes, lists of options) are data
    assert not ENGLISH_RUN.search(words), (str(message), chinese)
    return chinese


def _raised(call, *args, **kwargs) -> BaseException:
    with pytest.raises(NNExplorerError) as caught:
        call(*args, **kwargs)
    return caught.value


def test_every_new_key_has_chinese_with_the_same_placeholders():
    fields = lambda text: set(re.findall(r"{(\w+)}", text))  # noqa: E731
    assert len(ERROR_KEYS) >= 50
    for key in ERROR_KEYS:
        english, chinese = TEXTS[key]
        assert HAN.search(chinese) and fields(english) == fields(chinese), key


def test_architecture_field_errors_are_keyed():
    from nncore.models import LayerSpec, ModelSpec

    bad_layers = [{"kind": "bogus"}, {"units": 0}, {"activation": "swish"}, {"kind": "conv2d", "kernel_size": 20},
                  {"kind": "maxpool2d", "pool_size": 1}, {"dropout": 1.5}, {"l2": 3.0}, {"initializer": "zeros"}]
    errors = [_raised(LayerSpec, **values) for values in bad_layers]
    errors += [_raised(LayerSpec.from_dict, [1]), _raised(LayerSpec.from_dict, {"colour": 1}),
               _raised(ModelSpec, layers=("dense",)), _raised(ModelSpec, output_activation="tanh"),
               _raised(ModelSpec, loss="l7"), _raised(ModelSpec.from_dict, []), _raised(ModelSpec.from_dict, {"x": 1}),
               _raised(ModelSpec.from_json, "{not json")]
    keys = {error.message.key for error in errors}
    assert keys == {key for key in ERROR_KEYS if key.startswith("msg.spec.")}
    for error in errors:
        _chinese_without_english(error)
    assert "Expected `dropout` in [0, 1). Received: dropout=1.5" == str(errors[5])  # the English is unchanged


def test_trust_check_errors_are_keyed():
    from nncore.explain import trust

    errors = [_raised(trust.spearman, np.ones(3), np.ones(4)), _raised(trust.top_k_overlap, np.ones(3), np.ones(4), 2),
              _raised(trust.top_k_overlap, np.ones(3), np.ones(3), 0), _raised(trust.agreement, [])]
    for error in errors:
        _chinese_without_english(error)
    assert {e.message.key for e in errors} == {"msg.trust.same_length", "msg.trust.k_range", "msg.trust.no_explanations"}
    assert isinstance(errors[0], ValueError)  # callers that caught ValueError still do


def test_neuron_lab_errors_are_keyed():
    from nncore.neuron.activations import get_activation
    from nncore.neuron.backprop import TinyMLP
    from nncore.neuron.learning_rules import make_problem, train_rule
    from nncore.neuron.problems import load_problem
    from nncore.neuron.spiking import LIFParams, simulate_izhikevich

    errors = [_raised(get_activation, "swish"), _raised(load_problem, "spirals"), _raised(make_problem, n=1),
              _raised(LIFParams, v_threshold=-80.0), _raised(LIFParams, refractory=-1.0), _raised(LIFParams, tau_m=0.0),
              _raised(simulate_izhikevich, 5.0, preset="sleepy"), _raised(TinyMLP, loss="hinge"), _raised(TinyMLP().init, 0, 0)]
    problem = make_problem()
    errors += [_raised(train_rule, "perceptron", problem), _raised(train_rule, "hebb", problem, learning_rate=0.0),
               _raised(train_rule, "hebb", problem, epochs=0)]
    for error in errors:
        _chinese_without_english(error)
    assert len({e.message.key for e in errors}) >= 11


def test_a_bad_layer_on_the_model_page_is_explained_in_chinese():
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["language"] = "zh"
    at.run()
    at.switch_page("app_pages/model.py").run()
    table_key, table = at.session_state["_layers_table"]
    bad = table.copy()
    bad.loc[0, "dropout"] = 1.5  # the editor's own range stops a person; a crafted value is refused
    at.session_state["_layers_table"] = (table_key, bad)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    shown = [box.value.replace("\\", "") for box in at.error]
    assert any("dropout=1.5" in text and "必须不小于 0 且小于 1" in text for text in shown), shown
    assert not any("Expected" in text or "Received" in text for text in shown), shown


def test_sanity_check_promises_and_notes_are_keyed():
    from types import SimpleNamespace

    from nncore.explain.trust import ig_completeness, shap_additivity

    shap = SimpleNamespace(method="Kernel SHAP", method_key="kernel_shap", base_value=0.25, predicted_value=0.75,
                           values=np.array([0.2, 0.3]))
    ig = SimpleNamespace(method="IG", method_key="integrated_gradients", base_value=0.1, predicted_value=0.9,
                         values=np.array([0.5, 0.3]), params={"steps": 32})
    for check in (shap_additivity(shap), ig_completeness(ig)):
        for text in (check.check, check.note):
            assert isinstance(text, Message) and HAN.search(text.word("zh")), text
    assert ig_completeness(ig).note.word("zh").startswith("32 步")


def test_a_message_given_to_t_is_worded_in_the_sessions_language(monkeypatch):
    """A method's title (a Message) inside a sentence: Chinese in a Chinese sentence, not its English."""
    import ui.i18n as i18n
    from nncore.explain.methods import method_title

    monkeypatch.setattr(i18n, "current_language", lambda: "zh")
    said = i18n.t("card.say.all_pass", method=method_title("integrated_gradients"))
    assert TEXTS["explain.method.integrated_gradients.title"][1] in said and "Integrated" not in said, said


def test_a_saved_runs_dataset_and_model_are_worded_by_their_keys(monkeypatch):
    """The Runs page's table: a built-in dataset's title and a preset's title in Chinese, found by
    the record's dataset key and spec, not by its saved English."""
    from types import SimpleNamespace

    import ui.dataset_names as names
    import ui.runs_table as runs_table
    from nncore.models import LayerSpec, ModelSpec

    chinese = lambda key, **values: TEXTS[key][1]  # noqa: E731
    monkeypatch.setattr(names, "t", chinese)
    monkeypatch.setattr(runs_table, "t", chinese)
    spec = ModelSpec(layers=(LayerSpec(units=8, activation="tanh"),), name="small_mlp")
    record = SimpleNamespace(spec=spec, model_summary="Small MLP: dense 8 tanh")
    assert runs_table.model_text(record) == f"{TEXTS['model.preset.small_mlp'][1]}: dense 8 tanh"
    assert names.title_by_key("breast_cancer", "Breast cancer diagnosis", escaped=False) == TEXTS["data.dataset.breast_cancer.title"][1]
    assert names.title_by_key("csv", "my *data*.csv", escaped=False) == "my *data*.csv"
