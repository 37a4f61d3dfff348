"""Real-browser end-to-end set-up: one `streamlit run app.py` per test session, Debian's
Chromium driven by Playwright, a fresh browser context (= a fresh Streamlit session) per page.

Everything a person would see is checked through the DOM the Streamlit frontend renders;
screenshots of every page a test opened are written to artifacts/e2e/ when the test ends
(pass or fail), and the server's log to artifacts/e2e/server.log.

Locally a missing /usr/bin/chromium skips these tests; with NNX_REQUIRE_BROWSER=1 (CI) it
fails them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from bench.app_server import INIT_SCRIPT, ServerFailed, serving_app
from tests.e2e.browser_helpers import save_screenshot, wait_for_app_idle

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "artifacts" / "e2e"
CHROMIUM = os.environ.get("NNX_CHROMIUM", "/usr/bin/chromium")  # override only to test the skip path
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1366, "height": 768}
DEFAULT_TIMEOUT_MS = 30_000


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


def _unavailable(reason: str):
    if os.environ.get("NNX_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (NNX_REQUIRE_BROWSER=1, so this is an error here)", pytrace=False)
    pytest.skip(reason)


# --- the server -------------------------------------------------------------------------------

@contextlib.contextmanager
def running_app(log_name: str = "server.log"):
    """Start `streamlit run app.py` on a free 127.0.0.1 port; yield its base URL; stop it."""
    # Runs the app saves go to a throwaway workspace, never the real ~/.nn_explorer.
    workspace = tempfile.mkdtemp(prefix="nnx-e2e-workspace-")
    try:
        with serving_app(ARTIFACTS / log_name, env={"NNX_WORKSPACE": workspace}) as (url, _process):
            yield url
    except ServerFailed as failure:
        pytest.fail(str(failure), pytrace=False)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


@pytest.fixture(scope="session")
def app_url():
    """One server for the whole e2e session; each test gets a fresh browser context."""
    with running_app() as url:
        yield url






# --- the browser ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} not found: install Debian's chromium to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _artifact_name(nodeid_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid_name).strip("_")


@pytest.fixture
def open_app(request, browser, app_url):
    """Factory: open the app in a fresh browser context (a new Streamlit session).

    `open_app()` returns a Page on the Home page, already idle; `open_app(tag="B")` for a
    second user. Every page opened is screenshotted (full page) to
    artifacts/e2e/<test>[-tag].png when the test ends, pass or fail; a training job still
    running is stopped through its Stop button so it does not load the next test.
    """
    opened = []

    def _open(path: str = "/", tag: str | None = None):
        context = browser.new_context(viewport=VIEWPORT)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.page_errors = errors  # uncaught JavaScript exceptions in the page
        opened.append((page, context, tag))
        page.goto(app_url + path)
        wait_for_app_idle(page)
        return page

    yield _open

    name = _artifact_name(request.node.name)
    for page, context, tag in opened:
        try:
            if not page.is_closed():
                save_screenshot(page, str(ARTIFACTS / f"{name}{'-' + tag if tag else ''}.png"))
                stop = page.get_by_role("button", name="Stop", exact=True)
                if stop.count() and stop.first.is_visible():
                    stop.first.click(timeout=2_000)
                    page.wait_for_timeout(500)
        except Exception as error:  # a teardown problem must not hide the test's own result
            print(f"e2e teardown for {name}: {error}", file=sys.stderr)
        finally:
            context.close()


@pytest.fixture
def snap(request):
    """`snap(page, "step")` saves artifacts/e2e/<test>-step.png (whole app) mid-test."""

    def _snap(page, suffix: str) -> None:
        save_screenshot(page, str(ARTIFACTS / f"{_artifact_name(request.node.name)}-{suffix}.png"))

    return _snap


@pytest.fixture
def page(open_app):
    """One user: a fresh session on the Home page."""
    return open_app()
