"""English and Chinese: one table, every key in both languages, every page renders in both."""

from __future__ import annotations

import re
import string
import unicodedata
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import app_on_page, trained_job
from ui.glossary import GLOSSARY
from ui.state import STATE_KEY
from nncore.catalog import catalogues
from ui.translations import TEXTS

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = sorted((ROOT / "app_pages").glob("*.py"))
HAN = re.compile(r"[\u4e00-\u9fff]")
NOT_YET_TRANSLATED: set[str] = set()  # shrinks as pages are translated


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


_PLURAL_KEYS = {key for key, entry in catalogues()["en"].entries.items() if entry.plural}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    english, chinese = TEXTS[key]
    assert english.strip() and chinese.strip()
    if key not in _PLURAL_KEYS:  # a plural entry's forms may differ (tests/i18n checks them)
        assert _fields(english) == _fields(chinese), key
    # Names such as SHAP stay as they are; everything else must really be translated (a template
    # made only of placeholders and punctuation, such as "{wrong}; {right}.", has no words to).
    words = "".join(literal for literal, _, _, _ in string.Formatter().parse(english))
    if any(c.isalpha() for c in words) and (not key.startswith(("gl.shap", "gl.lime")) or key.endswith(".text")):
        assert HAN.search(chinese), f"{key}: the Chinese text has no Chinese characters"


class _Filled(dict):
    def __missing__(self, key: str) -> str:
        return "X"  # a placeholder is filled with a name or a number: a letter, for Markdown


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _bold_marks_that_do_not_work(text: str) -> list[str]:
    """`**` runs Markdown (CommonMark's flanking rules) will not read as opening/closing bold.

    In Chinese the classic trap is "**标签：**文字": the closing `**` follows a full-width colon
    (punctuation) and precedes a letter, so it is printed as two asterisks.
    """
    filled = string.Formatter().vformat(text, (), _Filled())
    marks = [m.start() for m in re.finditer(r"(?<!\*)\*\*(?!\*)", filled)]
    broken = []
    for n, pos in enumerate(marks):
        before = filled[pos - 1] if pos else " "
        after = filled[pos + 2] if pos + 2 < len(filled) else " "
        if n % 2 == 0:  # opens: not followed by a space, nor by punctuation unless after a space/punctuation
            ok = not after.isspace() and (not _is_punctuation(after) or before.isspace() or _is_punctuation(before))
        else:  # closes: the mirror image
            ok = not before.isspace() and (not _is_punctuation(before) or after.isspace() or _is_punctuation(after))
        if not ok:
            broken.append(filled[max(0, pos - 8) : pos + 10])
    return broken


@pytest.mark.parametrize("language", [0, 1], ids=["en", "zh"])
def test_bold_text_renders_as_bold(language):
    broken = {key: _bold_marks_that_do_not_work(texts[language]) for key, texts in TEXTS.items()}
    assert not {key: marks for key, marks in broken.items() if marks}
    assert _bold_marks_that_do_not_work("**数据：**{title}") and not _bold_marks_that_do_not_work("**数据**：{title}")


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in [ROOT / "app.py", *ROOT.glob("ui/*.py"), *PAGES]:
        used |= set(re.findall(r"""\btn?\(\s*["']([a-z_0-9]+\.[a-z_.0-9]+)["']\s*[,)]""", path.read_text()))
    missing = sorted(used - set(TEXTS))
    assert not missing, f"keys used but not in nncore/locales/en.po: {missing}"


def test_every_key_built_in_the_code_has_entries_under_its_prefix():
    """`t(f"sidebar.state.{state}")` cannot be checked key by key; its fixed part can."""
    prefixes = set()
    code = [p for p in ROOT.glob("ui/*.py") if not p.name.startswith("translations")]  # the table's docs show examples
    for path in [ROOT / "app.py", *code, *PAGES]:
        prefixes |= set(re.findall(r"""\bt\(\s*f["']([a-z_0-9.]+)\{""", path.read_text()))
    assert len(prefixes) >= 10, prefixes  # the pattern still finds them
    unknown = sorted(p for p in prefixes if not any(key.startswith(p) for key in TEXTS))
    assert not unknown, unknown


def test_option_labels_are_translated_while_the_page_runs():
    """A format_func that calls t() later (a lambda) would show English to AppTest's reruns."""
    offenders = []
    for path in [ROOT / "app.py", *ROOT.glob("ui/*.py"), *PAGES]:
        offenders += [f"{path.name}: {m}" for m in re.findall(r"format_func=lambda[^\n]*\bt\(", path.read_text())]
    assert not offenders, offenders


def test_every_glossary_term_has_its_texts():
    for term_id, page in GLOSSARY:
        assert f"gl.{term_id}" in TEXTS and f"gl.{term_id}.text" in TEXTS
        assert (ROOT / page).exists()


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_each_page_renders_in_both_languages(page, language):
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["language"] = language
    at.run()
    at.switch_page(f"app_pages/{page.name}").run()
    assert not at.exception, [e.message for e in at.exception]


@pytest.fixture(scope="module")
def finished_job():
    """One short training on the default data, shared by the renders below (read-only)."""
    return trained_job("circles", "small_mlp", epochs=3, batch_size=32)


def _texts(at: AppTest) -> str:
    """Every text element's value and every widget's label, joined."""
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "success", "warning", "metric"):
        parts += [getattr(e, "label", None) or str(e.value) for e in at.get(kind)]
    for kind in ("button", "selectbox", "slider", "radio", "checkbox", "number_input", "select_slider", "tabs"):
        parts += [str(getattr(e, "label", "")) for e in at.get(kind)]
    return " ".join(parts)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_each_page_renders_with_a_trained_model_in_both_languages(page, language, finished_job):
    at = app_on_page(page.stem, language, finished_job)
    assert not at.exception, [e.message for e in at.exception]
    if language == "zh" and page.stem not in NOT_YET_TRANSLATED:
        # The page's title, else (the home page is titled "NN Explorer" in both) all its texts.
        title = at.title[0].value if at.title else "NN Explorer"
        assert HAN.search(title if title != "NN Explorer" else _texts(at)), page.stem


def test_chinese_evaluate_page_speaks_chinese(finished_job):
    at = app_on_page("evaluate", "zh", finished_job)
    metrics = {m.label for m in at.metric}
    assert {TEXTS["evaluate.accuracy"][1], TEXTS["evaluate.test_examples"][1]} <= metrics
    assert TEXTS["evaluate.scores"][1] in [h.value for h in at.subheader]
    # Option values stay English; only what is shown changes.
    assert at.radio(key="eval_confusion_view").options == [TEXTS["evaluate.view_counts"][1], TEXTS["evaluate.view_share"][1]]
    assert at.radio(key="eval_confusion_view").value == "Counts"


def test_chinese_train_page_shows_the_finished_training_in_chinese(finished_job):
    at = app_on_page("train", "zh", finished_job, make_current=True)  # Step applies
    assert not at.exception, [e.message for e in at.exception]
    assert {"训练损失", "验证损失", "训练准确率", "验证准确率"} <= {m.label for m in at.metric}
    assert any(c.value.startswith("测试集（") for c in at.caption)
    assert at.button(key="train_step").label == TEXTS["train.step"][1]


def test_chinese_explain_page_explains_checks_and_summarises(finished_job):
    at = app_on_page("explain", "zh", finished_job)
    at.button(key="explain_go").click().run()
    assert not at.exception, [e.message for e in at.exception]
    at.button(key="explain_global_go").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.button(key="explain_go").label == TEXTS["explain.explain"][1]
    headings = [h.value for h in at.subheader]
    assert TEXTS["explain.agree"][1] in headings and TEXTS["explain.add_up"][1] in headings
    guide = " ".join(m.value for m in at.markdown)
    assert TEXTS["explain.method.saliency.desc"][1] in guide and TEXTS["explain.method.lime_tabular.caveat"][1] in guide
    assert any(TEXTS["explain.g_sample"][1].format(n=50, total=len(finished_job.dataset.x_test)) == m.value
               or "基于固定种子" in m.value for m in at.markdown)


def test_chinese_runs_page_lists_compares_and_acts_on_runs():
    from nncore.training.config import TrainingConfig

    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["language"] = "zh"
    at.run()
    at.switch_page("app_pages/runs.py").run()
    state = at.session_state[STATE_KEY]
    for learning_rate in (0.03, 0.1):  # two saved runs that differ in one setting
        state.set_training_config(TrainingConfig(learning_rate=learning_rate, batch_size=32, epochs=2, seed=0))
        state.start_training()
        assert state.job.join(timeout=180)
        at.run()
    [table] = [d for d in at.dataframe if d.key and d.key.startswith("runs_table_")]
    # Column names stay as data (tests and code read them); the values shown are translated.
    assert list(table.value["status"]) == [TEXTS["runs.state_finished"][1]] * 2
    at.session_state[table.key] = {"selection": {"rows": [0, 1], "columns": []}}
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert TEXTS["runs.comparing"][1].format(n=2) in [h.value for h in at.subheader]
    at.session_state[table.key] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.button(key="runs_reopen").label == TEXTS["runs.reopen"][1]
    at.button(key="runs_reopen").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(s.value.startswith("已打开") for s in at.success)


def test_chinese_neuron_lab_runs_every_tab_and_keeps_the_tab_when_the_language_changes():
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("app_pages/neuron_lab.py").run()
    at.session_state["neuron_lab_section"] = "Brain cell"  # chosen in English...
    at.run()
    assert "Spikes" in {m.label for m in at.metric}
    at.session_state["language"] = "zh"  # ...then the language changes: same tab, new labels
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert TEXTS["lab.spikes"][1] in {m.label for m in at.metric}
    for key in ("lab.tab_rules", "lab.tab_backprop"):
        at.session_state["neuron_lab_section"] = TEXTS[key][1]
        at.run()
        assert not at.exception, [e.message for e in at.exception]
    for phase in ("loss", "backward", "update"):
        at.button(key="neuron_lab_bp_next").click().run()
        assert at.button(key="neuron_lab_bp_next").label == TEXTS[f"lab.bp.{phase}.next"][1]
    at.button(key="neuron_lab_bp_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(s.value.startswith("运行了") for s in at.success)


def test_dataset_groups_and_parameters_are_keyed_messages():
    """Dataset groups and parameters come from nncore as Messages (catalogue keys), so the page
    words them by key; every catalogue entry under those prefixes is still used by a dataset."""
    from nncore.data import list_datasets
    from nncore.messages import Message

    used = set()
    for info in list_datasets():
        texts = [info.group, *(text for param in info.params for text in (param.label, param.help))]
        assert all(isinstance(text, Message) for text in texts), info.key
        used |= {text.key for text in texts}
    assert used == {key for key in TEXTS if key.startswith(("data.group.", "data.param."))}
    assert all(TEXTS[key][1] and TEXTS[key][1] != TEXTS[key][0] for key in used)

    # The methods' titles, descriptions and caveats live only in the catalogue (the engine names a
    # method by its key): every method has all three, and no entry names a method that is gone.
    from nncore.explain.methods import METHODS

    EXPLAIN_METHODS = {key for key in TEXTS if key.startswith("explain.method.")}
    expected = {f"explain.method.{m.key}.{part}" for m in METHODS for part in ("title", "desc", "caveat")}
    assert EXPLAIN_METHODS == expected


def test_translated_engine_names_still_match_the_engine():
    """Presets, rankings and the lab's names are worded by their key; each has its entry, and
    its English in the catalogue is still the engine's (the engine keeps it for notebooks)."""
    from nncore.evaluate import RANKING_TITLES
    from nncore.models import PRESETS
    from nncore.neuron.backprop import LOSS_LABELS
    from nncore.neuron.learning_rules import RULE_LABELS
    from nncore.neuron.problems import PROBLEMS
    from nncore.neuron.spiking import IZHIKEVICH_PRESETS

    expected = {f"evaluate.ranking_{k}": v for k, v in RANKING_TITLES.items()}
    for key, preset in PRESETS.items():
        expected[f"model.preset.{key}"] = preset.title
        expected[f"model.preset.{key}.desc"] = preset.description
    expected |= {f"lab.rule.{k}": v for k, v in RULE_LABELS.items()}
    expected |= {f"lab.problem.{k}": v for k, v in PROBLEMS.items()}
    expected |= {f"lab.loss.{k}": v for k, v in LOSS_LABELS.items()}
    expected |= {f"lab.izh.{k.replace(' ', '_')}": k for k in IZHIKEVICH_PRESETS}
    assert {key: TEXTS[key][0] for key in expected} == expected  # a missing key raises KeyError
    assert len(expected) >= 25


def test_chinese_data_page_shows_dataset_groups_and_parameters_in_chinese():
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["language"] = "zh"
    at.run()
    at.switch_page("app_pages/data.py").run()
    assert at.number_input(key="data_param_circles_n_points").label == "点的个数"
    assert at.slider(key="data_param_circles_noise").help == TEXTS["data.param.noise.help.shapes"][1]
    assert f"二维分类 · {TEXTS['data.dataset.circles.title'][1]}" in at.selectbox(key="data_choice").options
    assert TEXTS["data.dataset.circles.description"][1] in [c.value for c in at.caption]  # the chosen dataset
    assert at.selectbox(key="data_choice").value == "circles"


def test_chinese_home_page_is_in_chinese():
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["language"] = "zh"
    at.run()
    assert at.subheader[0].value == TEXTS["home.demos"][1]
    assert any(b.label == "开始" for b in at.button)


def test_glossary_search_finds_a_term_in_either_language():
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("app_pages/glossary.py").run()
    at.text_input(key="glossary_search").input("反向传播").run()
    text = " ".join(m.value for m in at.markdown)
    assert "**Backpropagation**" in text and "**Gradient descent" not in text
    at.text_input(key="glossary_search").input("zzzz").run()
    assert any("No term matches" in i.value for i in at.info)


def test_chinese_inside_page_runs_every_tab_and_keeps_the_tab_when_the_language_changes(finished_job):
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.session_state[STATE_KEY].adopt_job(finished_job)
    at.switch_page("app_pages/inside.py").run()
    at.session_state["inside_tab"] = "Over many inputs"  # chosen in English...
    at.run()
    assert "Do the classes separate, layer by layer?" in [h.value for h in at.subheader]
    at.session_state["language"] = "zh"  # ...then the language changes: same tab, new labels
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == TEXTS["inside.title"][1]
    assert TEXTS["inside.separate"][1] in [h.value for h in at.subheader]
    assert TEXTS["inside.over_mixed"][1].format(total="400", n_test="100", extra="300") in [c.value for c in at.caption]
    for key in ("inside.tab_one", "inside.tab_weights", "inside.tab_dynamics", "inside.tab_features"):
        at.session_state["inside_tab"] = TEXTS[key][1]
        at.run()
        assert not at.exception, [e.message for e in at.exception]
    assert TEXTS["inside.fv_images_only"][1] in [i.value for i in at.info]
    at.session_state["inside_tab"] = TEXTS["inside.tab_one"][1]
    at.run()
    assert at.selectbox(key="inside_layer").label == TEXTS["inside.layer"][1]
    [unit] = [s for s in at.selectbox if s.key.startswith("inside_unit_")]
    assert unit.options[:2] == ["单元 0", "单元 1"] and unit.value == 0  # option values stay numbers
