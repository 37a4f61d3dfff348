"""Without a mouse: every control a newcomer needs is reached with Tab and worked with Enter or
Space, in the order it is on the screen, and shows where the focus is. One guided demo is
driven from the Home page to its last step by the keyboard alone (Tab, Enter and Space; no
click); the Train form is filled in, submitted and stopped from the keyboard.
"""

from __future__ import annotations

import re
from typing import Callable

import pytest

from tests.e2e.browser_helpers import (
    alert_texts,
    assert_no_exception,
    assert_no_page_errors,
    main_text,
    run_and_wait,
    sidebar_text,
    wait_for_app_idle,
    wait_until,
)
from ui.demos import DEMOS
from ui.translations import TEXTS

pytestmark = pytest.mark.e2e

MAX_TABS = 250  # more than any page has focusable things before the control we look for

# What has the keyboard focus: its role, name, the keyed container it is in (st-key-<key>)
# and whether the browser shows a focus indicator for it (:focus-visible).
FOCUSED = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return {tag: 'BODY', name: '', key: '', visible: false, sidebar: false};
    const keyed = [];
    for (let p = e; p; p = p.parentElement) {
        const key = p.classList && [...p.classList].find(c => c.startsWith('st-key-'));
        if (key) keyed.push(key.slice(7));
    }
    return {
        tag: e.tagName, role: e.getAttribute('role') || '', type: e.getAttribute('type') || '',
        name: (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().split('\\n').pop().slice(0, 60),
        keys: keyed, visible: e.matches(':focus-visible'),
        sidebar: !!e.closest('[data-testid="stSidebar"]'),
        nav: !!e.closest('[data-testid="stSidebarNav"]'),
    };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, wanted: Callable[[dict], bool], what: str, key: str = "Tab") -> list[dict]:
    """Press Tab until the focused element is `wanted`; return every element the focus went
    through on the way (the last one is the wanted one)."""
    path = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        now = focused(page)
        path.append(now)
        if wanted(now):
            assert now["visible"], f"{what} has the focus but no visible focus indicator"
            return path
    names = " > ".join(f"{p['tag']}:{p['name']}" for p in path[-40:])
    raise AssertionError(f"{what} was not reached with {MAX_TABS} presses of Tab; the focus went through ... {names}")


def in_key(key: str, name: str | None = None) -> Callable[[dict], bool]:
    """The focused element is inside the keyed container `key` (and named `name`)."""
    return lambda f: key in f.get("keys", []) and (name is None or f["name"] == name)


def press(page, key: str, what: str, timeout_ms: int = 30_000) -> None:
    """Press Enter or Space on the focused control and wait for the app's rerun."""
    run_and_wait(page, lambda: page.keyboard.press(key), timeout_ms=timeout_ms, what=what)


def _text(key: str, **values) -> str:
    text = TEXTS[key][0]
    return text.format(**values) if values else text


def test_tab_order_on_home_goes_sidebar_then_every_demo_card(page):
    """From the top of Home, Tab goes through the navigation, the sidebar, then each demo card's
    Start button in the order the cards are shown."""
    path = tab_to(page, in_key(f"demo_card_{DEMOS[-1].key}", _text("home.start")), "the last demo card's Start button")
    nav = [p["name"] for p in path if p.get("nav")]
    assert nav[:4] == ["Home", "Data", "Model", "Train"], nav  # the pages, in the order of the menu
    starts = [next(k for k in p["keys"] if k.startswith("demo_card_"))[len("demo_card_"):]
              for p in path if p["name"] == _text("home.start") and any(k.startswith("demo_card_") for k in p["keys"])]
    assert starts == [d.key for d in DEMOS], starts
    first_main = next(i for i, p in enumerate(path) if not p["sidebar"] and p["tag"] != "A")
    assert all(p["sidebar"] or p["tag"] == "A" for p in path[:first_main])  # the sidebar comes first


def test_a_guided_demo_by_keyboard_alone(page):
    """'Why hidden layers matter', from its card to Finish, with Tab, Enter and Space only."""
    demo = next(d for d in DEMOS if d.key == "hidden_layers")
    tab_to(page, in_key(f"demo_card_{demo.key}", _text("home.start")), "the demo card's Start button")
    press(page, "Enter", "starting the demo")
    for step in range(len(demo.steps)):
        caption = _text(demo.caption_key(step)).replace("**", "").replace("*", "")[:60]
        wait_until(lambda: caption in main_text(page), 30, f"step {step + 1}'s caption")
        if demo.steps[step].setup is not None:
            # The sidebar is drawn after the page, on the rerun that follows the training's end:
            # on a shared 2-core machine that came after 90 s (the page already said Finished).
            wait_until(lambda: _text("sidebar.state.finished") in sidebar_text(page), 240, f"step {step + 1}'s training")
            wait_for_app_idle(page)
        assert_no_exception(page, f"step {step + 1}")
        last = step + 1 == len(demo.steps)
        button = "tour_finish" if last else "tour_next"
        tab_to(page, in_key(button), f"the tour's {'Finish' if last else 'Next'} button")
        # Space on the last step: both keys must work on a button.
        press(page, "Space" if last else "Enter", f"{'Finish' if last else 'Next'} on step {step + 1}")
    wait_until(lambda: page.locator(".st-key-tour_next, .st-key-tour_finish").count() == 0, 15, "the tour to close")
    assert_no_page_errors(page)


def test_train_form_and_stop_by_keyboard(page):
    """On the Train page: Tab to Epochs, type a number, Tab to Train and press Space; Tab to
    Stop while it trains and press Enter: training stops and the model is kept."""
    tab_to(page, lambda f: f.get("nav") and f["name"] == "Train", "the Train page's link")
    press(page, "Enter", "opening Train")
    page.get_by_role("heading", name="Train", exact=True).wait_for()
    tab_to(page, lambda f: _is_field(page, "Epochs"), "the Epochs field")
    page.keyboard.press("Control+A")
    page.keyboard.type("5000")
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["name"] == "Train", "the Train button")
    page.keyboard.press("Space")
    wait_until(lambda: re.search(r"Epoch \d+ of 5000", main_text(page)), 60, "training to start")
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["name"] == "Stop", "the Stop button")
    page.keyboard.press("Enter")
    outcome = wait_until(lambda: next((t for t in alert_texts(page, "warning") if "Stopped by you" in t), None),
                         30, "the 'Stopped by you' warning")
    assert "model trained so far is kept" in outcome
    assert_no_exception(page, "Train")


def _is_field(page, label: str) -> bool:
    """The focused element is the input labelled `label` (its <label> or aria-labelledby)."""
    return page.evaluate(
        """(label) => { const e = document.activeElement;
            return !!e && (e.labels ? [...e.labels].some(l => l.innerText.trim() === label) : false)
                || (e.getAttribute && e.getAttribute('aria-label') === label); }""",
        label,
    )
