"""Accessibility of what only a server with sign-in and a training line shows: the sign-in
screen, the signed-in sidebar (who, Sign out), a training waiting in line (its place, Cancel),
and the Runs page's run link and share link (Share, Stop sharing) and a shared run opened from
its link. Each passes Deque's axe-core WCAG 2.0/2.1 A and AA rules in the light and the dark
theme, in English and in Chinese, with measured text colours (tests/e2e/accessibility_helpers.py).

The app runs with sign-in through a real OpenID Connect provider (oidc-provider-mock, as in
test_sign_in.py) and one training slot (NNX_TRAINING_SLOTS=1), so a second person's training
waits in line while the first one's trains.
"""

from __future__ import annotations

import pytest

from bench.app_server import INIT_SCRIPT
from nncore.runs import RunStore
from tests.e2e.accessibility_helpers import AXE_INSTALL, AXE_JS, axe_source, check_view, settle, switch_language
from tests.e2e.browser_helpers import (
    assert_no_exception,
    click_button,
    goto_page,
    main_text,
    set_number,
    sidebar_text,
    wait_for_app_idle,
    wait_for_outcome,
    wait_until,
)
from tests.e2e.conftest import ARTIFACTS, DEFAULT_TIMEOUT_MS, VIEWPORT, _artifact_name, _unavailable
from tests.e2e.test_sign_in import _sign_in, provider_url, signed_in_server  # noqa: F401 - provider_url: a fixture
from ui.translations import TEXTS

pytestmark = pytest.mark.e2e

APP_PORTS = range(8640, 8650)  # this test's own ports (the sign-in test's app uses 8670-8674)
LANGUAGES = {"en": 0, "zh": 1}


def _text(key: str, language: str = "en", **values: object) -> str:
    text = TEXTS[key][LANGUAGES[language]]
    return text.format(**values) if values else text


@pytest.fixture(scope="module")
def axe():
    source = axe_source()
    if source is None:
        _unavailable(f"axe-core not found at {AXE_JS}: install it with `{AXE_INSTALL}`")
    return source


@pytest.fixture(scope="module")
def lined_app(provider_url):
    """(app URL, workspace): sign-in configured for the provider, one training at a time."""
    env = {"NNX_TRAINING_SLOTS": "1", "NNX_TRAINING_QUEUE": "2"}
    with signed_in_server(provider_url, APP_PORTS, "a11y_signed_in_server.log", env) as served:
        yield served


@pytest.fixture
def browse(request, browser, lined_app):
    """`browse(name, locale)`: a fresh browser (context) in `locale`, on the app, not signed in."""
    url, _ = lined_app
    opened = []

    def _open(name: str, locale: str = "en-US"):
        context = browser.new_context(viewport=VIEWPORT, locale=locale)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        opened.append((page, context, name))
        page.goto(url)
        wait_for_app_idle(page)
        return page

    yield _open
    test = _artifact_name(request.node.name)
    for page, context, name in opened:
        try:
            stop = page.locator(".st-key-train_stop").get_by_role("button")
            if stop.count() and stop.first.is_visible():  # leave no training behind for the next test
                stop.first.click(timeout=2_000)
                page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / f"{test}-{name}.png"), full_page=True)
        except Exception:  # noqa: BLE001 - teardown must not hide the test's own result
            pass
        context.close()


def _both_languages(page, axe: str, where: str, problems: list[str]) -> None:
    """Check the view in English, then in Chinese (a screenshot of each, what a 1366x768 screen
    shows: artifacts/e2e/a11y_<where>_<language>.png); leave it in English."""
    for language in LANGUAGES:
        if language != "en":
            switch_language(page, language)
            settle(page)
        assert_no_exception(page, f"{where} ({language})")
        page.screenshot(path=str(ARTIFACTS / f"a11y_{_artifact_name(where)}_{language}.png"))
        check_view(page, axe, f"{where} ({language})", problems, measure=language == "en")
    switch_language(page, "en")
    settle(page)


def test_sign_in_screen_passes_axe(axe, browse):
    """Before signing in (no sidebar, so the browser's language picks the words)."""
    problems: list[str] = []
    for language, locale in (("en", "en-US"), ("zh", "zh-CN")):
        page = browse(f"visitor-{language}", locale)
        assert page.get_by_role("heading", name=_text("srv.sign_in_title", language)).count(), main_text(page)
        check_view(page, axe, f"sign-in screen ({language})", problems, measure=True)
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)


def test_queue_runs_links_and_share_links_pass_axe(axe, browse, lined_app):
    url, workspace = lined_app
    problems: list[str] = []
    first, second = browse("alice"), browse("bob")
    _sign_in(first, "alice")
    _sign_in(second, "bob")
    # Alice's long training holds the server's one slot; Bob's waits in line behind it.
    goto_page(first, "Train")
    set_number(first, "Epochs", 5000)
    click_button(first, "Train", wait=False)
    wait_until(lambda: "Epoch " in main_text(first), 240, "Alice's training to start")
    goto_page(second, "Train")
    set_number(second, "Epochs", 1)
    click_button(second, "Train", wait=False)
    waiting = _text("queue.waiting", position=1, slots=1)[:60]
    wait_until(lambda: waiting in main_text(second), 60, "Bob's place in line")
    settle(second)
    _both_languages(second, axe, "Train, waiting in line", problems)
    assert "Signed in as bob" in sidebar_text(second)  # the sidebar's Sign out was checked too

    # Alice stops; Bob's training leaves the line, trains and is saved as his run.
    stop = first.locator(".st-key-train_stop").get_by_role("button")
    stop.click()
    outcome = wait_for_outcome(second, 240)
    assert "Finished 1 epoch" in outcome, outcome
    runs = [r for r in RunStore(workspace, database_url=None).list() if r.owner.endswith("|bob")]
    assert len(runs) == 1, [r.owner for r in RunStore(workspace, database_url=None).list()]

    # Bob's run from its link: its actions, its own link and Share; then shared, with its link.
    second.goto(f"{url}/runs?run={runs[0].run_id}")
    second.locator(".st-key-runs_link_close").wait_for(timeout=DEFAULT_TIMEOUT_MS)
    settle(second)
    _both_languages(second, axe, "Runs, a run's link", problems)
    click_button(second, _text("srv.share"))
    second.locator(f".st-key-runs_revoke_{runs[0].run_id}").wait_for(timeout=DEFAULT_TIMEOUT_MS)
    settle(second)
    _both_languages(second, axe, "Runs, shared", problems)

    # Alice opens the share link: the shared run, read-only.
    token = RunStore(workspace, database_url=None).share_token(runs[0].run_id)
    first.goto(f"{url}/runs?share={token}")
    first.locator(".st-key-runs_shared_reopen").wait_for(timeout=DEFAULT_TIMEOUT_MS)
    settle(first)
    _both_languages(first, axe, "Runs, a shared run opened from its link", problems)
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)
