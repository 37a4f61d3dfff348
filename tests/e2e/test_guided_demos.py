"""A newcomer clicks a demo card: the tour's first caption and a trained model appear (both languages)."""

from __future__ import annotations

import pytest

from tests.e2e.browser_helpers import (
    assert_no_exception,
    assert_no_page_errors,
    main_text,
    run_and_wait,
    sidebar_text,
    wait_until,
)
from ui.demos import DEMOS
from ui.translations import TEXTS

pytestmark = pytest.mark.e2e

# A sentence from each demo's first caption, as it shows on screen (markdown rendered).
FIRST_WORDS = {demo.key: TEXTS[demo.caption_key(0)] for demo in DEMOS}


def _plain(markdown: str) -> str:
    return markdown.replace("**", "").replace("*", "")


def _start(page, demo_key: str, start_label: str) -> None:
    # Each card is a keyed container, which Streamlit marks with the class st-key-<key>.
    button = page.locator(f".st-key-demo_card_{demo_key}").get_by_role("button", name=start_label, exact=True)
    run_and_wait(page, button.click, what=f"starting demo {demo_key}")


@pytest.mark.parametrize("index", range(len(DEMOS)), ids=[d.key for d in DEMOS])
def test_each_demo_card_starts_its_tour_and_trains(open_app, snap, index):
    demo = DEMOS[index]
    page = open_app()
    _start(page, demo.key, "Start")
    caption = _plain(FIRST_WORDS[demo.key][0])[:60]
    wait_until(lambda: caption in main_text(page), 30, f"the first caption of {demo.key}")
    assert "step 1 of" in main_text(page)
    if demo.steps[0].setup is not None:  # it trains: the sidebar reports a finished run with a score
        wait_until(lambda: "Training: finished" in sidebar_text(page), 60, "the demo's training to finish")
        assert "Test " in sidebar_text(page)
    assert_no_exception(page, demo.key)
    snap(page, "first-step")
    assert_no_page_errors(page)


def test_a_demo_in_chinese(open_app, snap):
    page = open_app()
    sidebar = page.locator('[data-testid="stSidebar"]')
    run_and_wait(page, sidebar.get_by_text("中文", exact=True).click, what="switching to Chinese")
    assert TEXTS["home.demos"][1] in main_text(page)
    snap(page, "home-zh")
    _start(page, "hidden_layers", TEXTS["home.start"][1])
    caption = _plain(FIRST_WORDS["hidden_layers"][1])[:30]
    wait_until(lambda: caption in main_text(page), 30, "the first caption in Chinese")
    finished = TEXTS["sidebar.state.finished"][1]  # the sidebar speaks Chinese too
    wait_until(lambda: finished in sidebar_text(page), 60, "the demo's training to finish")
    run_and_wait(page, page.get_by_role("button", name=TEXTS["tour.next"][1], exact=True).click, what="Next")
    wait_until(lambda: _plain(TEXTS["demo.hidden_layers.step2"][1])[:30] in main_text(page), 30, "step 2 in Chinese")
    assert_no_exception(page, "Chinese tour")
    snap(page, "tour-zh")
