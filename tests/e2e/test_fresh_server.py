"""The very first visit to a fresh server, straight to a deep link, gets the whole app.

This is what a bookmarked page or a tab reconnecting after a server restart does. With the
pages in a folder named pages/, Streamlit ran such a first visit in its legacy multipage mode:
the page alone, with no sidebar status and file names for navigation.
"""

from __future__ import annotations

import pytest

from tests.e2e.browser_helpers import (
    INIT_SCRIPT,
    assert_no_exception,
    main_text,
    save_screenshot,
    sidebar_text,
    wait_for_app_idle,
)
from tests.e2e.conftest import ARTIFACTS, VIEWPORT, running_app

pytestmark = pytest.mark.e2e


def test_first_visit_to_a_deep_link_on_a_fresh_server_gets_the_whole_app(browser):
    with running_app("server-fresh.log") as url:
        context = browser.new_context(viewport=VIEWPORT)
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        try:
            page.goto(url + "/train")
            wait_for_app_idle(page)
            save_screenshot(page, str(ARTIFACTS / "test_fresh_server_deep_link.png"))
            assert_no_exception(page, "Train page opened directly")
            nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
            assert "Neuron lab" in nav and "neuron_lab" not in nav and "app" not in nav.split(), nav
            assert "Loaded" in sidebar_text(page)  # the shared sidebar ran: app.py ran
            assert "Train the model on" in main_text(page)
        finally:
            context.close()
