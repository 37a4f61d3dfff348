"""Draw a digit with the mouse on the digits CNN (issue 18 item 3).

The CNN demo trains a LeNet-style CNN on the 8x8 digits in this test, and its fourth step opens
Explain's canvas with a seven drawn. We clear it, draw a "1" and then a "0" with the mouse
(Playwright's mouse.down / move / up on the canvas) and read the network's answer and its
probabilities after each; the explanation maps follow the drawing. Screenshots:
artifacts/e2e/test_draw_a_one_and_a_zero-<step>.png, and docs-sized draw_digit_<lang>.png.
"""

from __future__ import annotations

import json
import math
import re

import pytest

from tests.e2e.browser_helpers import assert_no_exception, assert_no_page_errors, main_text, run_and_wait, wait_until
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

CANVAS = "canvas.nnx-draw-canvas"


def _stroke(page, points: list[tuple[float, float]]) -> None:
    """One stroke with the mouse, points in [0, 1] of the canvas; the app reruns when it ends."""
    box = page.locator(CANVAS).bounding_box()
    to_screen = [(box["x"] + x * box["width"], box["y"] + y * box["height"]) for x, y in points]
    page.mouse.move(*to_screen[0])
    page.mouse.down()
    for x, y in to_screen[1:]:
        page.mouse.move(x, y, steps=4)

    run_and_wait(page, page.mouse.up, what="ending a stroke")


def _clear(page) -> None:
    run_and_wait(page, page.locator(".nnx-draw-clear").click, what="clearing the canvas")
    wait_until(lambda: "Nothing drawn yet" in main_text(page), 20, "the empty canvas's prompt")


def _answer(page) -> int:
    found = re.search(r"The network reads (\d)", main_text(page))
    assert found, "no answer for the drawing"
    return int(found.group(1))


def _probabilities(page) -> list[float]:
    """The bars of the drawing's probability chart (one per digit)."""
    spec = page.evaluate("""() => {
        const plot = document.querySelector('.st-key-explain_drawn_probabilities .js-plotly-plot');
        // _fullData holds the decoded numbers (data may carry them base64-encoded).
        return plot ? JSON.stringify(Array.from(plot._fullData[0].y)) : null;
    }""")
    assert spec, "no probability chart for the drawing"
    return [float(v) for v in json.loads(spec)]


def _maps_shown(page) -> None:
    wait_until(lambda: page.locator(".st-key-explain_compare .js-plotly-plot").count(), 120, "the explanation maps of the drawing")


def _viewport_shot(page, name: str) -> None:
    """What a 1366x768 screen shows from the drawing toggle down (canvas, answer, what it saw)."""
    page.mouse.move(5, 760)
    page.evaluate("""() => document.querySelector('.st-key-explain_draw').scrollIntoView({block: 'start'})""")
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / name))


def _start_cnn_demo_on_its_drawing_step(page) -> None:
    button = page.locator(".st-key-demo_card_cnn").get_by_role("button", name="Start", exact=True)
    run_and_wait(page, button.click, what="starting the CNN demo")
    wait_until(lambda: "Test accuracy" in page.locator('[data-testid="stSidebar"]').inner_text(), 120,
               "the CNN demo's training to finish")
    for _ in range(3):
        run_and_wait(page, page.get_by_role("button", name="Next", exact=True).click, what="Next")
    wait_until(lambda: page.locator(CANVAS).count(), 30, "the canvas")


def test_draw_a_one_and_a_zero(page, snap):
    _start_cnn_demo_on_its_drawing_step(page)
    # The demo's seven is already answered and explained.
    wait_until(lambda: "The network reads" in main_text(page), 30, "the answer to the demo's seven")
    _maps_shown(page)
    snap(page, "seven")

    _clear(page)
    _stroke(page, [(0.5, 0.12), (0.5, 0.5), (0.5, 0.88)])
    wait_until(lambda: "The network reads" in main_text(page), 30, "the answer to the drawn one")
    one = _answer(page), _probabilities(page)
    _maps_shown(page)
    snap(page, "one")

    _clear(page)
    _stroke(page, [(0.5 + 0.25 * math.sin(a / 24 * 2 * math.pi), 0.5 - 0.36 * math.cos(a / 24 * 2 * math.pi))
                   for a in range(25)])
    wait_until(lambda: "The network reads" in main_text(page), 30, "the answer to the drawn zero")
    zero = _answer(page), _probabilities(page)
    _maps_shown(page)
    snap(page, "zero")
    _viewport_shot(page, "draw_digit_en.png")

    # The answer follows the drawing: the "1" is read as 1 and the "0" as 0, or at the least
    # each drawing moves the probability towards its own digit.
    assert one[1][1] > zero[1][1] and zero[1][0] > one[1][0], (one, zero)
    assert one[0] == 1, one
    assert zero[0] == 0, zero
    assert_no_exception(page, "drawing")

    # The same drawing, read in Chinese: the canvas keeps it and the words change.
    sidebar = page.locator('[data-testid="stSidebar"]')
    run_and_wait(page, sidebar.get_by_text("中文", exact=True).click, what="switching to Chinese")
    wait_until(lambda: "网络认为这是 0" in main_text(page), 60, "the answer in Chinese")
    assert page.locator(".nnx-draw-clear").inner_text() == "清除"
    _maps_shown(page)
    _viewport_shot(page, "draw_digit_zh.png")
    assert_no_exception(page, "drawing (Chinese)")

    # Inside: a drawing goes through every layer (its probabilities and the feature maps).
    nav = page.locator('[data-testid="stSidebarNav"]')
    run_and_wait(page, nav.get_by_role("link", name="网络内部", exact=True).click, what="opening Inside")
    run_and_wait(page, page.locator(".st-key-inside_draw").get_by_text("自己画一个数字").click, what="drawing on Inside")
    wait_until(lambda: page.locator(CANVAS).count(), 30, "the canvas on Inside")
    page.locator(CANVAS).scroll_into_view_if_needed()
    _stroke(page, [(0.5, 0.12), (0.5, 0.5), (0.5, 0.88)])
    wait_until(lambda: page.locator(".st-key-inside_canvas_prepared .js-plotly-plot").count(), 30, "the prepared drawing on Inside")
    probabilities = json.loads(page.evaluate("""() => JSON.stringify(Array.from(
        document.querySelector('.st-key-inside_probs .js-plotly-plot')._fullData[0].y))"""))
    assert max(range(10), key=lambda k: probabilities[k]) == 1, probabilities
    assert page.locator(".st-key-inside_layer_fig .js-plotly-plot").count()
    snap(page, "inside")
    assert_no_exception(page, "drawing on Inside")
    assert_no_page_errors(page)
