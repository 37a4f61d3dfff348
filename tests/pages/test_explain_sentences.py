"""Issue 18, item 1: Explain's sentences match the attributions they describe. The inputs named
are the largest |attribution| ones of the method read (Permutation SHAP by default), the
directions are their signs, the percentiles are those numpy gives on the training rows; in
English and in Chinese, for two classes, three classes and a regression."""

from __future__ import annotations

import re

import numpy as np
import pytest

from nncore.data.feature_ranges import training_values
from tests.helpers import app_on_page, trained_job
from ui.safe_text import markdown_text

# Per language: the list's title, then the words around a direction and a place.
WORDS = {
    "en": {"title": "What pushed it most, according to Permutation SHAP:", "towards": "towards **{}**",
           "away": "away from **{}**", "above": "higher than {}", "below": "lower than {}",
           "raised": "raised the prediction", "lowered": "lowered the prediction", "heading": "In words"},
    "zh": {"title": "根据 Permutation SHAP（置换法），影响最大的输入是：",  # the method by its Chinese title
           "towards": "推向 **{}**", "away": "推离 **{}**",
           "above": "高于 {}", "below": "低于 {}", "raised": "预测值升高", "lowered": "预测值降低", "heading": "用文字说"},
}


@pytest.fixture(scope="module")
def cancer_job():
    return trained_job("breast_cancer", "small_mlp", epochs=5, batch_size=32)


def _explained(job, language):
    at = app_on_page("explain", language, job)
    at.button(key="explain_go").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _shap(at):
    found = [e for e in at.session_state["_explain_cache"].values() if e.method == "Permutation SHAP"]
    assert len(found) == 1
    return found[0]


def _items(at, language) -> list[str]:
    """The sentences' list items, one per input named."""
    block = next(m.value for m in at.markdown if m.value.startswith(WORDS[language]["title"]))
    return [line[2:] for line in block.splitlines() if line.startswith("- ")]


def _check_names_and_directions(at, language, job) -> tuple[list[str], object]:
    words = WORDS[language]
    assert any(m.value == f"**{words['heading']}**" for m in at.markdown)
    exp = _shap(at)
    values = exp.per_feature()
    top = np.argsort(-np.abs(values), kind="stable")[:3]
    items = _items(at, language)
    names = [re.match(r"\*\*(.+?)\*\*", item).group(1) for item in items]
    data = job.dataset
    assert names == [markdown_text(data.feature_names[i]) for i in top]  # the largest, in order (escaped: data)
    for item, i in zip(items, top):
        if data.task != "classification":
            assert (words["raised"] if values[i] > 0 else words["lowered"]) in item
            continue
        label = data.class_names[exp.output_index]
        if values[i] > 0:
            assert words["towards"].format(markdown_text(label)) in item
        elif len(data.class_names) == 2:
            assert words["towards"].format(markdown_text(data.class_names[1 - exp.output_index])) in item
        else:
            assert words["away"].format(markdown_text(label)) in item
    return items, exp


@pytest.mark.parametrize("language", ["en", "zh"])
def test_breast_cancer_sentences_name_the_largest_inputs_their_signs_and_percentiles(cancer_job, language):
    at = _explained(cancer_job, language)
    items, exp = _check_names_and_directions(at, language, cancer_job)
    data = cancer_job.dataset
    shown = data.preprocessing.inverse_features(exp.instance[None].astype(np.float32))[0]
    training = training_values(data)
    top = np.argsort(-np.abs(exp.per_feature()), kind="stable")[:3]
    for item, i in zip(items, top):
        column, value = training[:, i], shown[i]
        pct = 100.0 * (np.sum(column < value) + 0.5 * np.sum(column == value)) / len(column)
        place = WORDS[language]["above"].format(f"{pct:.0f}%") if pct >= 50 else WORDS[language]["below"].format(f"{100 - pct:.0f}%")
        assert place in item, (place, item)
        assert f"{value:.4g}" in item
    # The answer, and the report card's word about the method read.
    predicted = data.class_names[int(np.argmax(at.session_state["_explain_model"][2][0]))]
    assert any(f"**{predicted}**" in m.value and "%" in m.value for m in at.markdown)
    # The bars' hovers say what each input measures.
    import json

    bars = [t for chart in at.get("plotly_chart") for t in json.loads(chart.proto.spec)["data"] if t.get("type") == "bar"]
    hovers = [t for t in bars if "%{customdata}" in t.get("hovertemplate", "")]
    assert hovers and {"en": "nucleus", "zh": "细胞核"}[language] in " ".join(hovers[0]["customdata"])
    card_word = {"en": "The report card", "zh": "报告卡"}[language]
    method = {"en": "Permutation SHAP", "zh": "Permutation SHAP（置换法）"}[language]  # as the page's tables name it
    assert any(card_word in m.value and method in m.value for m in at.markdown)


def test_three_classes_say_towards_or_away_from_the_explained_class():
    job = trained_job("wine", "small_mlp", epochs=5, batch_size=32)
    _check_names_and_directions(_explained(job, "en"), "en", job)


def test_a_regression_says_raised_or_lowered_in_the_targets_units():
    job = trained_job("diabetes", "small_mlp", epochs=5, batch_size=32)
    at = _explained(job, "zh")
    _check_names_and_directions(at, "zh", job)
    assert any(m.value.startswith("模型的预测是") for m in at.markdown)


def test_an_image_names_regions_of_the_picture():
    from nncore.explain.summary import REGIONS, _per_position
    from ui.translations import TEXTS

    job = trained_job("digits", "lenet_cnn", epochs=1, batch_size=32)
    at = _explained(job, "en")
    found = [e for e in at.session_state["_explain_cache"].values() if e.method == "Integrated gradients"]
    assert len(found) == 1  # the first method chosen for images: no SHAP among the defaults
    regions = _per_position(found[0])
    top = [i for i in np.argsort(-np.abs(regions), kind="stable")[:3] if regions[i] != 0]
    block = next(m.value for m in at.markdown if m.value.startswith("What pushed it most, according to Integrated gradients:"))
    named = re.findall(r"\*\*The (.+?) of the image\*\*", block)
    assert named == [TEXTS[f"sent.region.{REGIONS[i]}"][0] for i in top]


@pytest.mark.parametrize(("language", "record"), [
    ("en", "at least 99% sure 3 times and right 2 of them"),
    ("zh", "有 3 次的把握至少为 99%，其中 2 次回答正确"),
])
def test_a_100_percent_answer_comes_with_a_word_on_calibration(monkeypatch, language, record):
    """Said at 99.8%: the page shows "100% sure", then how such sure answers fared on the test
    set and Evaluate's calibration error, so "100%" is not read as "certain"."""
    from nncore.evaluate.classification import calibration
    from nncore.explain.summary import answer_facts
    from ui import i18n
    from ui.explain_sentences import answer_lines

    monkeypatch.setattr(i18n, "current_language", lambda: language)

    class Data:
        task, class_names = "classification", ("malignant", "benign")

    test = np.array([[0.995, 0.005], [0.999, 0.001], [0.2, 0.8], [0.993, 0.007]])
    truth = np.array([0, 1, 1, 0])
    lines = answer_lines(Data, answer_facts(np.array([0.998, 0.002]), test, truth), 0, edited=False)
    assert "**malignant**" in lines[0] and "100%" in lines[0]
    assert record in lines[1]
    assert f"{calibration(truth, test, n_bins=10).ece:.1%}" in lines[1]
    unsure = answer_lines(Data, answer_facts(np.array([0.7, 0.3]), test, truth), 0, edited=False)
    assert len(unsure) == 1  # no word on calibration below 95%
