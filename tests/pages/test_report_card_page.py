"""The report card on Explain's "Which to trust?" tab: breast cancer, the default methods,
a verdict per method and check, in English and in Chinese."""

from __future__ import annotations

import json

import pytest

from nncore.catalog import translate
from tests.helpers import app_on_page, trained_job
from ui.translations import TEXTS

CHECK_COLUMNS = ("randomisation", "robustness", "faithfulness", "sparseness")


@pytest.fixture(scope="module")
def cancer_job():
    return trained_job("breast_cancer", "small_mlp", epochs=5, batch_size=32)


def _card_table(at):
    return next(d.value for d in at.dataframe if set(CHECK_COLUMNS) <= set(d.value.columns))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_report_card_grades_every_method_on_breast_cancer(cancer_job, language):
    at = app_on_page("explain", language, cancer_job)
    at.button(key="explain_go").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    table = _card_table(at)
    # Each method by its title in the page's language (in Chinese too, not the English title).
    names = [translate(f"explain.method.{key}.title", language) for key in ("permutation_shap", "lime_tabular", "integrated_gradients")]
    assert list(table["method"]) == names
    verdicts = {"en": ("pass", "caution", "fail"), "zh": ("通过", "注意", "不通过")}[language]
    for column in CHECK_COLUMNS:
        for cell in table[column]:
            # A verdict word and its number ("✅ pass 0.07"): every check was measured.
            assert any(word in cell for word in verdicts), cell
            float(cell.split()[-1])
    text = " ".join(m.value for m in at.markdown)
    assert ("Adebayo" in text) and ("Gradient x input" in text or "梯度×输入" in text)
    assert all(f"**{name}**" in text for name in names)  # the plain words name them alike
    figures = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    title = TEXTS["card.cascade_title"][0 if language == "en" else 1]
    cascade = next(f for f in figures if title in json.dumps(f.get("layout", {}).get("title"), ensure_ascii=False))
    assert [trace["name"] for trace in cascade["data"] if "name" in trace][:3] == names  # the legend
    card = at.session_state["_explain_card"][-1][2]
    assert {g.check for g in card.grades} == set(CHECK_COLUMNS)
    # The cascade: one randomised layer per weighted layer of the MLP (3 Dense layers).
    assert len(card.grade("Permutation SHAP", "randomisation").detail["layers"]) == 3
    # Switching the card off hides it and keeps the page working.
    at.toggle(key="card_on").set_value(False).run()
    assert not at.exception
    assert not any(set(CHECK_COLUMNS) <= set(d.value.columns) for d in at.dataframe)
