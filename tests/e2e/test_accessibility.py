"""Accessibility, checked in a real browser: every page, in the light and the dark theme, in
English and in Chinese, after one training, with each tab and expander open, passes Deque's
axe-core WCAG 2.0/2.1 A and AA rules; every Plotly figure says what it shows and every image
has a text alternative; and the text colours Streamlit derives from the theme (captions,
sidebar, labels, help tooltips, chart axes and legends), measured with getComputedStyle,
reach WCAG AA's 4.5:1 (3:1 for large text).

A guided tour (the CNN demo) is checked the same way at each of its steps, with the tour's
banner over the page and, on its last step, the draw-a-digit canvas (labelled, skipped by the
keyboard, its Clear button reached and used by it). What only a server with sign-in and a
training line shows is in test_accessibility_signed_in.py.

One session trains a small digits CNN (two epochs), so images, feature maps and every trained
view are on the pages; the theme is switched by emulating the system setting, which the app
follows, so one session serves all four combinations. Failures are collected over the whole
walk and reported together.
"""

from __future__ import annotations

import time

import pytest

from tests.e2e.accessibility_helpers import (
    AXE_INSTALL,
    AXE_JS,
    AXE_SECONDS,
    MEASURED,
    REPO_ROOT,
    axe_source,
    check_view,
    low_contrast,
    settle,
    switch_language,
    use_theme,
)
from tests.e2e.browser_helpers import (
    assert_no_exception,
    click_button,
    goto_page,
    main_text,
    run_and_wait,
    select_option,
    set_number,
    sidebar_text,
    wait_for_app_idle,
    wait_for_outcome,
    wait_until,
)
from tests.e2e.conftest import _unavailable
from tests.e2e.test_guided_demos import _plain, _start, _text
from tests.e2e.test_keyboard import in_key, tab_to
from ui.demos import DEMOS_BY_KEY
from ui.translations import TEXTS

pytestmark = pytest.mark.e2e

NAV_LINKS = '[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]'
MAIN_TABS = '[data-testid="stMain"] [role="tab"]'

@pytest.fixture(scope="module")
def axe():
    source = axe_source()
    if source is None:
        _unavailable(f"axe-core not found at {AXE_JS}: install it with `{AXE_INSTALL}`")
    return source


def _train_small_digits_cnn(page) -> None:
    goto_page(page, "Data")
    select_option(page, "Dataset", "Images · Handwritten digits (8x8)")
    click_button(page, "Load dataset")
    goto_page(page, "Train")
    set_number(page, "Epochs", 2)
    click_button(page, "Train", wait=False)
    outcome = wait_for_outcome(page, 120)
    assert "Finished 2 epochs" in outcome, outcome
    goto_page(page, "Explain")  # explanations drawn once stay on the page in both languages
    # The first explanation sets up the explanation libraries (once per server): on a busy
    # machine longer than a rerun's usual 30 s, so wait for the maps themselves.
    click_button(page, "Explain", wait=False)
    wait_until(lambda: page.locator(".st-key-explain_compare .js-plotly-plot").count(), 240, "the explanation maps")
    wait_for_app_idle(page, timeout_ms=120_000)
    assert_no_exception(page, "Explain")


# Every page the app has (app.py's st.navigation list): the walk must visit each one.
APP_PAGES = (REPO_ROOT / "app.py").read_text().count("st.Page(")
# Pieces added since the first audit that the walk must have checked (seen in English, on the
# view they are on): Explain's sentences, its report card, the draw-a-digit switch.
PIECES = {
    "Explain's sentences": lambda page: TEXTS["sent.title"][0] in main_text(page),
    "the report card": lambda page: TEXTS["card.title"][0] in main_text(page),
    "the draw-a-digit switch": lambda page: page.locator(".st-key-explain_draw").count() > 0,
}


def _pieces_on(page, seen: set[str]) -> None:
    seen.update(name for name, shown in PIECES.items() if name not in seen and shown(page))


def test_every_page_theme_and_language_passes_axe(axe, open_app):
    began = time.monotonic()
    page = open_app()
    _train_small_digits_cnn(page)
    print(f"accessibility: trained and explained in {time.monotonic() - began:.0f} s")
    problems: list[str] = []
    visited = []
    seen: set[str] = set()
    for language in ("en", "zh"):
        switch_language(page, language)
        links = page.locator(NAV_LINKS)
        assert links.count() == APP_PAGES, f"{links.count()} pages in the menu, {APP_PAGES} in app.py"
        for index in range(links.count()):  # pages added later are visited too
            link = page.locator(NAV_LINKS).nth(index)
            title = link.inner_text().split("\n")[-1].strip()
            if link.get_attribute("aria-current") != "page":
                run_and_wait(page, link.click, timeout_ms=60_000, what=f"opening {title}")
            settle(page)
            assert_no_exception(page, title)
            # Colours do not depend on the language: they are measured in English only.
            check_view(page, axe, f"{title} ({language})", problems, measure=language == "en")
            if language == "en":
                _pieces_on(page, seen)
            tabs = page.locator(MAIN_TABS)
            for tab_index in range(1, tabs.count()):
                tab = page.locator(MAIN_TABS).nth(tab_index)
                name = tab.inner_text().strip()
                tab.click()
                page.wait_for_function("(t) => t.getAttribute('aria-selected') === 'true'", arg=tab.element_handle())
                settle(page)
                assert_no_exception(page, f"{title} / {name}")
                check_view(page, axe, f"{title} / {name} ({language})", problems, measure=language == "en")
                if language == "en":
                    _pieces_on(page, seen)
                visited.append(f"{title} / {name}")
            if tabs.count() > 1:  # leave the page as a user finds it
                page.locator(MAIN_TABS).first.click()
                settle(page)
            visited.append(title)
    print(f"accessibility: {len(visited)} views x 2 themes checked in {time.monotonic() - began:.0f} s, "
          f"of which {len(AXE_SECONDS)} axe runs {sum(AXE_SECONDS):.0f} s")
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)
    assert len(visited) >= 20, visited
    assert seen == set(PIECES), f"not on any page checked: {set(PIECES) - seen}"


# The demo whose tour shows most: a CNN trained, Inside, Explain's sentences and report card on
# a test digit, then the draw-a-digit canvas with a seven drawn.
TOUR_DEMO = "cnn"
CANVAS = "canvas.nnx-draw-canvas"


def _wait_for_step(page, demo, step: int) -> None:
    """The step's caption is shown and, where it trains, its training has ended (the guided-demo
    tests' own check, with the patience of a busy 2-core machine)."""
    caption = _plain(_text(demo.caption_key(step), "en"))[:60]
    wait_until(lambda: caption in main_text(page), 60, f"the caption of step {step + 1}")
    if demo.steps[step].setup is not None:
        finished = _text("sidebar.state.finished", "en")
        wait_until(lambda: finished in sidebar_text(page), 300, f"the training of step {step + 1}")
    settle(page)
    assert_no_exception(page, f"{demo.key} step {step + 1}")


def test_a_guided_tour_passes_axe_at_every_step(axe, open_app):
    """The tour's banner (header, caption, Next / Finish, Leave) over every step of the CNN
    demo, in both themes and both languages, passes axe; its last step's drawing canvas is
    labelled in the session's language (role img with an aria-label), as is its Clear button."""
    demo = DEMOS_BY_KEY[TOUR_DEMO]
    page = open_app()
    _start(page, demo.key, _text("home.start", "en"))
    problems: list[str] = []
    for step in range(len(demo.steps)):
        if step:
            next_button = page.locator(".st-key-tour_next").get_by_role("button")
            # Explaining a step takes minutes on a busy 2-core machine (the first time per server).
            run_and_wait(page, next_button.click, timeout_ms=240_000, what=f"Next to step {step + 1}")
        _wait_for_step(page, demo, step)
        if demo.steps[step].page.endswith("explain.py"):  # shown without a press
            wait_until(lambda: page.locator(".st-key-explain_compare .js-plotly-plot").count(), 240,
                       f"the explanation maps of step {step + 1}")
        last = step + 1 == len(demo.steps)
        if last:
            wait_until(lambda: page.locator(CANVAS).count(), 60, "the drawing canvas")
        for language in ("en", "zh"):
            if language != "en":
                switch_language(page, language)
                settle(page)
            assert page.locator(".st-key-tour_banner").count(), f"no tour banner on step {step + 1}"
            where = f"{demo.key} tour step {step + 1} ({language})"
            if demo.steps[step].page.endswith("explain.py"):  # the language switch kept the methods
                wait_until(lambda: page.locator(".st-key-explain_compare .js-plotly-plot").count(), 120,
                           f"the explanation maps on {where}")
            check_view(page, axe, where, problems, measure=language == "en")
            if last:
                canvas = page.locator(CANVAS)
                assert canvas.get_attribute("role") == "img", where
                assert canvas.get_attribute("aria-label") == _text("draw.canvas_label", language), where
                assert page.locator(".nnx-draw-clear").inner_text() == _text("draw.clear", language), where
        switch_language(page, "en")
        settle(page)
    assert page.locator(".st-key-tour_finish").count(), "the last step has no Finish button"
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)
    _canvas_is_skipped_and_cleared_by_keyboard(page)


# The focused element, looking into shadow roots (a components-v2 canvas may sit in one).
FOCUSED_CLEAR = """() => { let e = document.activeElement;
    while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
    return !!e && e.classList.contains('nnx-draw-clear') && e.matches(':focus-visible'); }"""


def _canvas_is_skipped_and_cleared_by_keyboard(page) -> None:
    """Without a pointer the canvas is skipped (it takes no focus: the toggle's help offers the
    test examples instead), and its Clear button is reached with Tab and works with Enter."""
    path = tab_to(page, in_key("explain_draw"), "the draw-a-digit switch")
    assert path[-1]["role"] == "switch" or path[-1]["type"] == "checkbox", path[-1]
    for _ in range(5):  # the next stops after the switch: its help icon, then Clear
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_CLEAR):
            break
    else:
        raise AssertionError("Tab from the draw switch did not reach the canvas's Clear button (with a focus ring)")
    run_and_wait(page, lambda: page.keyboard.press("Enter"), what="Clear by keyboard")
    wait_until(lambda: _text("draw.empty", "en") in main_text(page), 30, "the empty canvas's prompt")
    page.keyboard.press("Tab")  # on, out of the canvas's controls (past the page's last control: the browser's)
    assert not page.evaluate(FOCUSED_CLEAR), "the focus stayed on Clear"


def test_help_tooltips_are_readable_in_both_themes(open_app):
    """A help tooltip (hover the (?) beside a control) reaches 4.5:1 in both themes."""
    page = open_app()
    goto_page(page, "Data")
    problems = []
    for mode in ("light", "dark"):
        use_theme(page, mode)
        icon = page.locator('[data-testid="stMain"] [data-testid="stTooltipHoverTarget"]').first
        icon.hover()
        page.locator('[data-testid="stTooltipContent"]').first.wait_for(timeout=5_000)
        # Measured once it has faded in (an opacity transition).
        page.wait_for_function("""() => { let o = 1; for (let e = document.querySelector('[data-testid="stTooltipContent"]');
            e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity); return o > 0.99; }""", timeout=5_000)
        problems += [f"[{mode}] {p}" for p in low_contrast(page, "help tooltip", MEASURED["help tooltip"])]
        assert page.evaluate(
            "(s) => document.querySelectorAll(s).length", MEASURED["help tooltip"]
        ), "the tooltip's text was not found"
        page.mouse.move(5, 760)
        page.wait_for_timeout(300)
    assert not problems, "\n".join(problems)


def test_ci_installs_the_pinned_axe_core():
    """.ci/run installs the axe-core version this test expects, where this test looks for it."""
    from tests.e2e.accessibility_helpers import AXE_VERSION

    assert f"--prefix tests/e2e/.axe axe-core@{AXE_VERSION}" in (REPO_ROOT / ".ci" / "run").read_text()
