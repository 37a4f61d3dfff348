"""Explain's sentences in a real browser: the breast-cancer demo's Explain step shows, above the
charts, the answer, the inputs that pushed it most in the data's terms, whether the methods
agree and the report card's word, in English and in Chinese. Screenshots:
artifacts/e2e/explain-sentences-<lang>.png (copies in docs/screenshots/, refreshed by hand)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser_helpers import assert_no_exception, assert_no_page_errors, main_text, wait_until
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_guided_demos import LANGUAGES, _text, walk_to_the_explain_step

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_explanation_reads_in_sentences_above_the_charts(open_app, language):
    page = walk_to_the_explain_step(open_app, "breast_cancer", language)
    title = page.get_by_text(_text("sent.title", language), exact=True)
    wait_until(lambda: title.is_visible(), 120, "the sentences")
    text = main_text(page)
    # The method by its title in the page's language ("Permutation SHAP（置换法）" in Chinese).
    pushed = _text("sent.pushed_title", language, method=_text("explain.method.permutation_shap.title", language))
    assert pushed in text
    # Each input named comes with where its value lies among the training examples.
    places = [re.escape(_text(f"sent.place_{side}", language, share="@")).replace("@", r"\d+%") for side in ("above", "below")]
    assert len(re.findall("|".join(places), text)) >= 3, text
    assert _text("explain.tab_trust", language) in text
    # Above the charts: the sentences come before the side-by-side figure.
    sentences_top = title.bounding_box()["y"]
    chart_top = page.locator(".stPlotlyChart").first.bounding_box()["y"]
    assert sentences_top < chart_top
    assert_no_exception(page, f"sentences ({language})")
    assert_no_page_errors(page)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.mouse.move(5, 890)
    title.evaluate("""(element) => {
        element.scrollIntoView({block: 'start'});
        document.querySelector('[data-testid="stMain"]').scrollBy(0, -40);
    }""")
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / f"explain-sentences-{language}.png"))


def test_the_data_page_says_what_the_breast_cancer_inputs_mean(open_app):
    from tests.e2e.browser_helpers import load_builtin

    page = open_app()
    load_builtin(page, "Tables · Breast cancer diagnosis", "Breast cancer diagnosis")
    expander = page.get_by_text(_text("words.inputs_title", "en"), exact=True)
    expander.click()
    wait_until(lambda: _text("words.col.typical", "en") in main_text(page), 30, "the inputs' meanings")
    assert "DESCR" in main_text(page)
    assert_no_exception(page, "Data")
    page.set_viewport_size({"width": 1366, "height": 900})
    # The shot without the "training settings" toast over the table's corner.
    wait_until(lambda: page.locator('[data-testid="stToast"]').count() == 0, 30, "the toast to go")
    expander.evaluate("""(element) => {
        element.scrollIntoView({block: 'start'});
        document.querySelector('[data-testid="stMain"]').scrollBy(0, -40);
    }""")
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / "data-inputs-meaning-en.png"))
