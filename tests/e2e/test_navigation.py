"""A new user opens the app and looks around every page."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser_helpers import (
    assert_no_exception,
    assert_no_page_errors,
    goto_page,
    main_text,
    sidebar_text,
)

pytestmark = pytest.mark.e2e

# Pages every build must have, nav title -> the page's own st.title (which proves the page
# itself rendered). Pages added later are visited too and must render without an exception.
REQUIRED_PAGES = {"Home": "NN Explorer", "Data": "Data", "Model": "Model", "Train": "Train"}


def nav_titles(page) -> list[str]:
    links = page.locator('[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]').all_inner_texts()
    return [text.split("\n")[-1].strip() for text in links]  # drop the icon's ligature text


def test_new_user_sees_home_and_every_page(page, snap):
    heading = page.locator('[data-testid="stMain"] h1').first
    assert heading.inner_text().strip() == "NN Explorer"
    assert page.title() == "NN Explorer"
    sidebar = sidebar_text(page)
    assert "Data:" in sidebar and "Circles (2-D)" in sidebar, sidebar  # the data loaded at start
    assert "Model:" in sidebar and "Training: not started" in sidebar, sidebar
    assert "Train the loaded network" in main_text(page)
    assert_no_exception(page, "Home")

    titles = nav_titles(page)
    assert titles[: len(REQUIRED_PAGES)] == list(REQUIRED_PAGES), titles

    for title in [*titles[1:], "Home"]:
        goto_page(page, title)
        expected = REQUIRED_PAGES.get(title)
        h1 = page.locator('[data-testid="stMain"] h1')
        if expected:
            h1.filter(has_text=re.compile(rf"^\s*{re.escape(expected)}\s*$")).first.wait_for()
        else:
            h1.first.wait_for()
        assert_no_exception(page, title)
        assert "Circles (2-D)" in sidebar_text(page), f"sidebar lost the loaded data on {title}"
        if title != "Home":
            snap(page, re.sub(r"\W+", "_", title))
    assert_no_page_errors(page)
