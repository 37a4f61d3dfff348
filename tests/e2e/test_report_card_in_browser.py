"""The report card in a real browser: the breast-cancer demo's Explain step, the "Which to
trust?" tab, a verdict per method and check, in English and in Chinese. Screenshots:
artifacts/e2e/report_card_<lang>.png (copies in docs/screenshots/, refreshed by hand)."""

from __future__ import annotations

import pytest

from tests.e2e.browser_helpers import assert_no_exception, assert_no_page_errors, main_text, wait_until
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_guided_demos import LANGUAGES, _text, walk_to_the_explain_step

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_report_card_shows_verdicts_on_which_to_trust(open_app, language):
    page = walk_to_the_explain_step(open_app, "breast_cancer", language)
    # Tabs switch in the browser, without a rerun: the card was drawn with the explanations.
    page.get_by_role("tab", name=_text("explain.tab_trust", language)).click()
    wait_until(lambda: page.locator(".st-key-card_on").is_visible(), 60, "the report card")
    card = main_text(page)
    assert _text("card.title", language) in card
    for verdict in ("pass", "fail", "caution"):
        if _text(f"card.verdict.{verdict}", language) in card:
            break
    else:
        raise AssertionError("no verdict on the report card")
    assert "Adebayo" in card
    assert_no_exception(page, f"report card ({language})")
    assert_no_page_errors(page)
    # The shot: the card from its title down to the cascade figure, on a tall laptop window.
    page.set_viewport_size({"width": 1366, "height": 1250})
    page.mouse.move(5, 1240)
    page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]');
        document.querySelector('.st-key-card_on').scrollIntoView({block: 'start'});
        main.scrollBy(0, -110);
    }""")
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / f"report_card_{language}.png"))
