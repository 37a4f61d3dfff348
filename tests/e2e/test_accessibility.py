"""Accessibility, checked in a real browser: every page, in the light and the dark theme, in
English and in Chinese, after one training, with each tab and expander open, passes Deque's
axe-core WCAG 2.0/2.1 A and AA rules; every Plotly figure says what it shows and every image
has a text alternative; and the text colours Streamlit derives from the theme (captions,
sidebar, labels, help tooltips, chart axes and legends), measured with getComputedStyle,
reach WCAG AA's 4.5:1 (3:1 for large text).

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
    UNLABELLED,
    axe_source,
    low_contrast,
    low_contrast_all,
    run_axe,
    use_theme,
)
from tests.e2e.browser_helpers import (
    assert_no_exception,
    click_button,
    goto_page,
    run_and_wait,
    select_option,
    set_number,
    wait_for_app_idle,
    wait_for_outcome,
    wait_until,
)
from tests.e2e.conftest import _unavailable

pytestmark = pytest.mark.e2e

LANGUAGE_LABELS = {"en": "English", "zh": "中文"}
NAV_LINKS = '[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]'
MAIN_TABS = '[data-testid="stMain"] [role="tab"]'
AXE_SECONDS: list[float] = []  # how long each axe run took, for the printed summary

# Text whose colour Streamlit derives from the theme, by what it is.
MEASURED = {
    "caption": '[data-testid="stCaptionContainer"] p',
    "caption code": '[data-testid="stCaptionContainer"] code',
    "sidebar text": '[data-testid="stSidebarContent"] p',
    "widget label": '[data-testid="stWidgetLabel"] p',
    "metric label": '[data-testid="stMetricLabel"] p',
    "tab label": '[data-testid="stMain"] [role="tab"] p',
    "help tooltip": '[data-testid="stTooltipContent"] p',
    "chart axis label": ".stPlotlyChart .xtick text, .stPlotlyChart .ytick text, "
                        ".stPlotlyChart .g-xtitle text, .stPlotlyChart .g-ytitle text, .stPlotlyChart .cbaxis text",
    "chart legend": ".stPlotlyChart .legendtext",
    "chart title": ".stPlotlyChart .gtitle",
}


@pytest.fixture(scope="module")
def axe():
    source = axe_source()
    if source is None:
        _unavailable(f"axe-core not found at {AXE_JS}: install it with `{AXE_INSTALL}`")
    return source


def _switch_language(page, language: str) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    run_and_wait(page, sidebar.get_by_text(LANGUAGE_LABELS[language], exact=True).click,
                 what=f"switching to {language}")


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
    click_button(page, "Explain")
    wait_until(lambda: page.locator(".st-key-explain_compare .js-plotly-plot").count(), 90, "the explanation maps")
    assert_no_exception(page, "Explain")


def _settle(page) -> None:
    page.wait_for_timeout(150)
    wait_for_app_idle(page, timeout_ms=60_000, quiet_ms=400)


def _open_expanders(page) -> None:
    """Open every closed expander in the main area that is on screen (client-side: no rerun);
    those inside a tab not shown are opened when the test visits that tab."""
    closed = page.locator('[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary:visible')
    for _ in range(closed.count()):
        if not closed.count():
            break
        closed.first.click()
    page.wait_for_timeout(200)


def _check_view(page, axe_js: str, where: str, problems: list[str], measure: bool) -> None:
    """axe, figure and image labels, and (with `measure`) measured colours, in both themes."""
    _open_expanders(page)
    for mode in ("light", "dark"):
        use_theme(page, mode)
        started = time.monotonic()
        violations = run_axe(page, axe_js)
        AXE_SECONDS.append(time.monotonic() - started)
        for violation in violations:
            for node in violation["nodes"]:
                problems.append(f"[{where}, {mode}] axe {violation['id']} ({violation['help']}): "
                                f"{node['summary']} at {node['target']}  {node['html']}")
        if mode == "light":  # text alternatives do not depend on the theme
            problems.extend(f"[{where}] {problem}" for problem in page.evaluate(UNLABELLED))
        if measure:
            problems.extend(f"[{where}, {mode}] {problem}" for problem in low_contrast_all(page, MEASURED))
    use_theme(page, "light")


def test_every_page_theme_and_language_passes_axe(axe, open_app):
    began = time.monotonic()
    page = open_app()
    _train_small_digits_cnn(page)
    print(f"accessibility: trained and explained in {time.monotonic() - began:.0f} s")
    problems: list[str] = []
    visited = []
    for language in ("en", "zh"):
        _switch_language(page, language)
        links = page.locator(NAV_LINKS)
        for index in range(links.count()):  # pages added later are visited too
            link = page.locator(NAV_LINKS).nth(index)
            title = link.inner_text().split("\n")[-1].strip()
            if link.get_attribute("aria-current") != "page":
                run_and_wait(page, link.click, timeout_ms=60_000, what=f"opening {title}")
            _settle(page)
            assert_no_exception(page, title)
            # Colours do not depend on the language: they are measured in English only.
            _check_view(page, axe, f"{title} ({language})", problems, measure=language == "en")
            tabs = page.locator(MAIN_TABS)
            for tab_index in range(1, tabs.count()):
                tab = page.locator(MAIN_TABS).nth(tab_index)
                name = tab.inner_text().strip()
                tab.click()
                page.wait_for_function("(t) => t.getAttribute('aria-selected') === 'true'", arg=tab.element_handle())
                _settle(page)
                assert_no_exception(page, f"{title} / {name}")
                _check_view(page, axe, f"{title} / {name} ({language})", problems, measure=language == "en")
                visited.append(f"{title} / {name}")
            if tabs.count() > 1:  # leave the page as a user finds it
                page.locator(MAIN_TABS).first.click()
                _settle(page)
            visited.append(title)
    print(f"accessibility: {len(visited)} views x 2 themes checked in {time.monotonic() - began:.0f} s, "
          f"of which {len(AXE_SECONDS)} axe runs {sum(AXE_SECONDS):.0f} s")
    assert len(visited) >= 20, visited
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)


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
    from tests.e2e.accessibility_helpers import AXE_VERSION, REPO_ROOT

    assert f"--prefix tests/e2e/.axe axe-core@{AXE_VERSION}" in (REPO_ROOT / ".ci" / "run").read_text()
