"""What a person does in the app, expressed through Playwright: go to a page, pick an option,
press a button, read what is shown. Selectors are the `data-testid`s Streamlit 1.67's frontend
renders, plus accessible names (labels, button texts) so the tests read like the UI.
"""

from __future__ import annotations

import re
import time
from typing import Callable

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # the fixtures skip (or fail in CI) with a clear reason instead

    class PlaywrightError(Exception):
        pass

# The page-side probe (INIT_SCRIPT, installed in every context) is shared with bench/load.py.
from bench.app_server import IDLE_PREDICATE, IDLE_STATES, INIT_SCRIPT  # noqa: E402,F401  (re-exported)

DEFAULT_TIMEOUT_MS = 30_000

APP = '[data-testid="stApp"]'
SIDEBAR = '[data-testid="stSidebar"]'
MAIN = '[data-testid="stMain"]'
EXCEPTION = '[data-testid="stException"]'
ALERT = '[data-testid="stAlert"]'
PROGRESS = '[data-testid="stProgress"]'


def wait_for_app_idle(page, timeout_ms: int = DEFAULT_TIMEOUT_MS, quiet_ms: int = 300) -> None:
    """Wait until the app is connected and no script is running, as Streamlit's own e2e tests
    do: the frontend marks `[data-testid=stApp]` with data-test-connection-state
    ("CONNECTED") and data-test-script-state ("initial", "running", "notRunning",
    "rerunRequested", ...). We also require `quiet_ms` without a state change or a message
    from the server.
    """
    page.wait_for_selector(f'{APP}[data-test-connection-state="CONNECTED"]', state="attached", timeout=timeout_ms)
    page.wait_for_function(
        IDLE_PREDICATE,
        arg=[list(IDLE_STATES), quiet_ms],
        timeout=timeout_ms,
        polling=50,
    )


def messages_received(page) -> int:
    return page.evaluate("() => window.__nnx ? window.__nnx.frames : 0")


def run_and_wait(page, action: Callable[[], None], timeout_ms: int = DEFAULT_TIMEOUT_MS, what: str = "") -> None:
    """Do `action` (a click, a keypress) that makes Streamlit rerun; wait until the server has
    answered and the app is idle again."""
    before = messages_received(page)
    action()
    try:
        page.wait_for_function("(n) => window.__nnx && window.__nnx.frames > n", arg=before, timeout=15_000, polling=20)
    except PlaywrightError:
        raise AssertionError(f"{what or 'the action'}: the app did not answer within 15 s") from None
    wait_for_app_idle(page, timeout_ms)


def wait_until(condition: Callable[[], object], timeout_s: float, what: str, interval_s: float = 0.1):
    """Poll `condition` until it returns something truthy; fail saying what we waited for."""
    deadline = time.monotonic() + timeout_s
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except PlaywrightError as error:  # an element re-rendered under us: try again
            last_error = error
        time.sleep(interval_s)
    raise AssertionError(f"Timed out after {timeout_s:.0f} s waiting for {what}" + (f" (last error: {last_error})" if last_error else ""))


# --- navigation and controls ----------------------------------------------------------------

def goto_page(page, title: str) -> None:
    """Click the page's link in the sidebar navigation (st.navigation) and wait for it."""
    nav = page.locator('[data-testid="stSidebarNav"]')
    run_and_wait(page, nav.get_by_role("link", name=title, exact=True).click, what=f"opening page {title!r}")
    page.wait_for_function(
        """(title) => [...document.querySelectorAll('[data-testid="stSidebarNavLink"]')]
            .some(a => a.getAttribute('aria-current') === 'page' && a.innerText.trim().endsWith(title))""",
        arg=title,
    )


def click_button(page, text: str, wait: bool = True) -> None:
    """Press the button whose visible text is exactly `text` (icons are not part of the name)
    and, with `wait`, wait for the rerun it causes to finish."""
    button = page.get_by_role("button", name=text, exact=True)
    if wait:
        run_and_wait(page, button.click, what=f"pressing {text!r}")
    else:
        button.click()


def load_builtin(page, option: str, title: str) -> None:
    """On the Data page, pick a built-in dataset by its option text and press Load dataset;
    wait until the sidebar shows `title` as the loaded data."""
    goto_page(page, "Data")
    select_option(page, "Dataset", option)
    click_button(page, "Load dataset")
    wait_until(lambda: f"Data: {title}" in sidebar_text(page), 15, f"the sidebar to show {title!r}")
    assert_no_exception(page, "Data")


def select_option(page, label: str, option: str, in_form: bool = False) -> None:
    """Open the st.selectbox labelled `label` (a react-aria combobox in Streamlit 1.67) and
    choose the option whose text is exactly `option`. Outside a form that reruns the app."""
    box = page.get_by_role("combobox", name=label, exact=True)
    if box.input_value() == option:
        return
    box.click()
    choose = page.get_by_role("option", name=option, exact=True).click
    if in_form:
        choose()
    else:
        run_and_wait(page, choose, what=f"choosing {option!r} in {label!r}")
    assert box.input_value() == option


def selected_option(page, label: str) -> str:
    return page.get_by_role("combobox", name=label, exact=True).input_value()


def set_number(page, label: str, value: float) -> None:
    """Type a value into the st.number_input labelled `label` and leave the field (Tab), which
    commits it without pressing Enter (Enter would submit an enclosing form)."""
    field = page.get_by_role("spinbutton", name=label, exact=True)
    field.fill(str(value))
    field.press("Tab")


# --- what is shown --------------------------------------------------------------------------

def sidebar_text(page) -> str:
    return page.locator(SIDEBAR).inner_text()


def main_text(page) -> str:
    return page.locator(MAIN).inner_text()


def exceptions(page) -> list[str]:
    return page.locator(EXCEPTION).all_inner_texts()


def assert_no_exception(page, where: str = "") -> None:
    found = exceptions(page)
    assert not found, f"Exception box shown{' on ' + where if where else ''}:\n" + "\n---\n".join(found)


def assert_no_page_errors(page) -> None:
    """No uncaught JavaScript exception in the page (collected by the open_app fixture)."""
    errors = getattr(page, "page_errors", [])
    assert not errors, "JavaScript errors in the page:\n" + "\n".join(errors)


def alert_texts(page, kind: str | None = None) -> list[str]:
    """Texts of st.success/info/warning/error boxes; `kind` filters by Streamlit's
    stAlertContentSuccess / Info / Warning / Error container."""
    if kind is None:
        return page.locator(ALERT).all_inner_texts()
    return page.locator(f'{ALERT}:has([data-testid="stAlertContent{kind.capitalize()}"])').all_inner_texts()


def metric_values(page) -> dict[str, str]:
    """st.metric label -> displayed value, for every metric on the page."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[data-testid="stMetric"]')].map(m => [
            (m.querySelector('[data-testid="stMetricLabel"]')?.innerText || '').trim(),
            (m.querySelector('[data-testid="stMetricValue"]')?.innerText || '').trim(),
        ]))"""
    )


def parse_number(text: str) -> float:
    """'0.1234' -> 0.1234, '97.5%' -> 0.975, '1,234' -> 1234."""
    text = text.strip().replace(",", "")
    if text.endswith("%"):
        return float(text[:-1]) / 100
    return float(text)


def plotly_traces(page, index: int = 0) -> list[dict]:
    """The traces of the index-th plotly chart on the page: name and y values."""
    return page.evaluate(
        """(i) => {
            const plot = document.querySelectorAll('.js-plotly-plot')[i];
            if (!plot || !plot.data) return null;
            return plot.data.map(t => ({name: t.name, y: Array.from(t.y || [])}));
        }""",
        index,
    )


def progress_text(page) -> str:
    bars = page.locator(PROGRESS).all_inner_texts()
    return bars[0] if bars else ""


def epoch_in_progress(page) -> int:
    """The N of the progress text 'Epoch N of M · …', or 0."""
    match = re.search(r"Epoch (\d+) of (\d+)", progress_text(page))
    return int(match.group(1)) if match else 0


def wait_for_outcome(page, timeout_s: float, forbidden: Callable[[], None] | None = None) -> str:
    """Wait until the Train page shows how training ended (a success, warning or error box
    from the training view) and return its text. `forbidden` runs on every poll, for checks
    that must hold all the way through."""

    def outcome():
        if forbidden is not None:
            forbidden()
        assert_no_exception(page, "the Train page while training")
        for text in alert_texts(page):
            if re.search(r"Finished|Early stopping|Stopped by you|Training failed|diverged|NaN", text):
                return text
        return None

    return wait_until(outcome, timeout_s, "training to finish (a 'Finished' / 'Stopped' / error box)", interval_s=0.2)


def save_screenshot(page, path: str, max_height: int = 8000) -> None:
    """A screenshot of the whole app, not only the viewport: Streamlit scrolls inside its main
    container, so Playwright's full_page alone stops at the window; we grow the viewport to
    the content's height for the shot and put it back."""
    size = page.viewport_size
    height = page.evaluate(
        """() => Math.max(
            document.documentElement.scrollHeight,
            ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"], '
                + '[data-testid="stSidebarContent"]')].map(e => e.scrollHeight))"""
    )
    tall = min(max(int(height), size["height"]), max_height)
    try:
        if tall > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": tall})
            page.wait_for_timeout(300)  # let plotly and the data grid redraw at the new size
        page.screenshot(path=path, full_page=True)
    finally:
        if tall > size["height"]:
            page.set_viewport_size(size)
