"""A newcomer clicks a demo card: the tour's captions and a trained model appear, in English and
in Chinese. Each demo is screenshotted in both languages (artifacts/e2e/demo_<key>_<lang>.png,
what a 1366x768 laptop shows at the demo's most telling step).

Both languages walk every step of every tour; where a step is on the Explain page, its
explanation must appear without pressing Explain (the module takes about 2.5 minutes on a 2-core
machine). After each Next no help tooltip is left over the caption, and the top of every step
(its caption) is kept as demo_<key>_step<n>_<lang>.png.
"""

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
from tests.e2e.conftest import ARTIFACTS
from ui.demos import DEMOS
from ui.translations import TEXTS

pytestmark = pytest.mark.e2e

LANGUAGES = {"en": 0, "zh": 1}
# The step (counting from 1) whose screen says most about the demo, and the figure (its key) the
# screenshot demo_<key>_<lang>.png is scrolled to, with how many pixels above it to keep in view
# (the metrics over the curves); None keeps the top of the page (the caption).
BEST_SHOT = {
    "hidden_layers": (2, "train_boundary", 10),
    "breast_cancer": (3, "explain_compare", 56),
    "cnn": (3, "explain_compare", 56),
    "overfitting": (1, "train_curves", 120),
    "neuron": (3, "neuron_lab_fi_curve", 120),
}


def _text(key: str, language: str, **values: object) -> str:
    text = TEXTS[key][LANGUAGES[language]]
    return text.format(**values) if values else text


def _plain(markdown: str) -> str:
    return markdown.replace("**", "").replace("*", "")


def _start(page, demo_key: str, start_label: str) -> None:
    # Each card is a keyed container, which Streamlit marks with the class st-key-<key>.
    button = page.locator(f".st-key-demo_card_{demo_key}").get_by_role("button", name=start_label, exact=True)
    run_and_wait(page, button.click, what=f"starting demo {demo_key}")


def _switch_to_chinese(page) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    run_and_wait(page, sidebar.get_by_text("中文", exact=True).click, what="switching to Chinese")
    assert TEXTS["home.demos"][1] in main_text(page)


def _check_step(page, demo, step: int, language: str) -> None:
    """The step's caption is shown in `language`; a step that trains ends with a tested model."""
    caption = _plain(_text(demo.caption_key(step), language))[:30 if language == "zh" else 60]
    wait_until(lambda: caption in main_text(page), 30, f"the caption of {demo.key} step {step + 1} ({language})")
    header = _plain(_text("tour.header", language, title=_text(demo.text_key("title"), language),
                          step=step + 1, steps=len(demo.steps)))
    assert header in main_text(page)
    if demo.steps[step].setup is not None:  # it trains: the sidebar reports a finished run with a score
        done = _text("sidebar.state.finished", language)
        wait_until(lambda: done in sidebar_text(page), 90, f"the training of {demo.key} step {step + 1} to finish")
        tested = _text("sidebar.test_metric", language, metric="", value="").strip(" :：")
        wait_until(lambda: tested in sidebar_text(page), 15, "the test score in the sidebar")
        page.wait_for_timeout(1200)  # the live status polls once a second: let the page redraw finished
    assert_no_exception(page, f"{demo.key} step {step + 1} ({language})")


def _explanation_shown_without_a_press(page, demo, step: int, language: str) -> None:
    """A step on the Explain page opens with its explanation computed: the maps appear while
    nobody presses Explain."""
    if not demo.steps[step].page.endswith("explain.py"):
        return
    wait_until(lambda: page.locator(".st-key-explain_compare .js-plotly-plot").count(), 120,
               f"the explanation maps of {demo.key} without pressing Explain ({language})")
    assert _plain(_text("explain.press_explain", language)) not in main_text(page)
    assert_no_exception(page, f"{demo.key} explanations ({language})")


def walk_to_the_explain_step(open_app, demo_key: str, language: str):
    """Open the app, start demo `demo_key` in `language` and click Next up to its first step on
    the Explain page, checking each step on the way; returns the page there, its explanation shown."""
    demo = next(d for d in DEMOS if d.key == demo_key)
    page = open_app()
    if language == "zh":
        _switch_to_chinese(page)
    _start(page, demo.key, _text("home.start", language))
    for step in range(len(demo.steps)):
        if step:
            run_and_wait(page, page.get_by_role("button", name=_text("tour.next", language), exact=True).click,
                         what=f"Next ({language})")
        _check_step(page, demo, step, language)
        if demo.steps[step].page.endswith("explain.py"):
            _explanation_shown_without_a_press(page, demo, step, language)
            return page
    raise AssertionError(f"the {demo_key} demo has no step on the Explain page")


def _no_tooltip_over_the_caption(page, where: str) -> None:
    """After Next the mouse is still where the button was; no help tooltip may stay up over the
    new step's caption."""
    page.wait_for_timeout(600)  # a tooltip opens after a short delay
    tooltips = page.locator('[data-testid="stTooltipContent"]')
    visible = [i for i in range(tooltips.count()) if tooltips.nth(i).is_visible()]
    assert not visible, f"{where}: a tooltip is still open: {tooltips.nth(visible[0]).inner_text()!r}"


def _viewport_shot(page, name: str, figure: str | None, above: int = 0) -> None:
    """What a 1366x768 screen shows: scrolled to `figure` (a chart's key), else to the top."""
    page.mouse.move(5, 760)  # no tooltip left over the page from the last click
    page.evaluate("""([key, above]) => {
        const main = document.querySelector('[data-testid="stMain"]');
        const target = key && document.querySelector('.st-key-' + key);
        if (target) { target.scrollIntoView({block: 'start'}); main.scrollBy(0, -above); } else { main.scrollTo(0, 0); }
        document.querySelector('[data-testid="stSidebarContent"]')?.scrollTo(0, 0);
    }""", [figure, above])
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / name))


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("index", range(len(DEMOS)), ids=[d.key for d in DEMOS])
def test_each_demo_runs_its_tour_and_trains(open_app, index, language):
    demo = DEMOS[index]
    page = open_app()
    if language == "zh":
        _switch_to_chinese(page)
    _start(page, demo.key, _text("home.start", language))
    best, figure, above = BEST_SHOT[demo.key]
    for step in range(len(demo.steps)):
        if step:
            run_and_wait(page, page.get_by_role("button", name=_text("tour.next", language), exact=True).click,
                         what=f"Next ({demo.key}, {language})")
        _check_step(page, demo, step, language)
        if step:
            _no_tooltip_over_the_caption(page, f"{demo.key} step {step + 1} ({language})")
        _explanation_shown_without_a_press(page, demo, step, language)
        _viewport_shot(page, f"demo_{demo.key}_step{step + 1}_{language}.png", None)
        if step + 1 == best:
            _viewport_shot(page, f"demo_{demo.key}_{language}.png", figure, above)
    assert page.get_by_role("button", name=_text("tour.finish", language), exact=True).is_visible()
    assert_no_page_errors(page)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_home_page_fits_a_laptop_screen(open_app, language):
    """At 1366x768 every demo card shows its title and Start button whole, side by side, and the
    first row of cards is on the first screen (screenshot: home_<lang>.png)."""
    page = open_app()
    if language == "zh":
        _switch_to_chinese(page)
    width = page.viewport_size["width"]
    for index, demo in enumerate(DEMOS):
        card = page.locator(f".st-key-demo_card_{demo.key}")
        assert _plain(_text(demo.text_key("title"), language)) in card.inner_text()
        box = card.get_by_role("button", name=_text("home.start", language), exact=True).bounding_box()
        card_box = card.bounding_box()
        assert box and card_box and 0 <= card_box["x"] and card_box["x"] + card_box["width"] <= width, demo.key
        assert card_box["x"] <= box["x"] and box["x"] + box["width"] <= card_box["x"] + card_box["width"], demo.key
        if index < 3:
            assert card_box["y"] < page.viewport_size["height"], f"{demo.key}: the first row of cards is below the fold"
    _viewport_shot(page, f"home_{language}.png", None)
