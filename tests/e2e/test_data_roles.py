"""A clinic's own table in a real browser: an unnamed index column, an ID, patients' names, a
date, comments, a constant column and gaps in a third of the rows. The Data page shows each
column's role with its reason, training uses exactly the columns marked as features, and the
gaps are filled in (not dropped) and told per column. Screenshots: docs/screenshots/data_roles.png
(English) and data_roles_zh.png (Chinese), copied by hand from artifacts/e2e/."""

from __future__ import annotations

import pytest

from tests.data.tables import hospital_csv
from tests.e2e.browser_helpers import (
    assert_no_exception,
    click_button,
    goto_page,
    main_text,
    run_and_wait,
    set_number,
    sidebar_text,
    wait_for_outcome,
    wait_until,
)
from tests.e2e.conftest import ARTIFACTS
from ui.translations import TEXTS

pytestmark = pytest.mark.e2e

NAME = "clinic.csv"
LANGUAGES = {"en": 0, "zh": 1}


def _text(key: str, language: str, **values) -> str:
    text = TEXTS[key][LANGUAGES[language]]
    return text.format(**values) if values else text


@pytest.fixture
def clinic_file(tmp_path):
    path = tmp_path / NAME
    path.write_bytes(hospital_csv(150))
    return path


def _upload(page, path, language: str) -> None:
    goto_page(page, _text("nav.data", language))
    page.get_by_role("tab", name=_text("data.csv_tab", language), exact=True).click()
    uploader = page.locator('[data-testid="stFileUploader"]')
    uploader.wait_for()
    file_input = uploader.locator('[data-testid="stFileUploaderDropzoneInput"]')
    run_and_wait(page, lambda: file_input.set_input_files(str(path)), what=f"uploading {path.name}")
    summary = _text("csv.summary", language, filename=NAME, rows="150", columns=11).replace("**", "")
    wait_until(lambda: summary in main_text(page), 20, "the file's summary")  # not "Reading clinic.csv…"


def _roles_shot(page, name: str) -> None:
    """What a 1366x768 screen shows, scrolled to the roles table."""
    page.mouse.move(5, 760)
    page.evaluate("""() => {
        const table = document.querySelector('[class*="st-key-csv_roles_"]');
        const main = document.querySelector('[data-testid="stMain"]');
        if (table) { table.scrollIntoView({block: 'start'}); main.scrollBy(0, -190); }
    }""")
    page.wait_for_timeout(600)
    page.screenshot(path=str(ARTIFACTS / name))


def test_a_clinic_table_gets_roles_gaps_filled_and_trains(page, clinic_file, snap):
    _upload(page, clinic_file, "en")
    # The columns left out are not among those the network will learn from.
    used = _text("roles.used", "en", n=4, columns="“age”, “blood pressure”, “smoker”, “ward”")
    wait_until(lambda: used in main_text(page), 15, "the list of columns the network learns from")
    grid = page.locator('[class*="st-key-csv_roles_"]')
    assert grid.count() == 1 and grid.is_visible()
    assert_no_exception(page, "Data after uploading the clinic table")
    _roles_shot(page, "data_roles.png")

    click_button(page, "Use this data")
    wait_until(lambda: "clinic" in sidebar_text(page).split("Model:")[0], 20, "the sidebar to show the clinic data")
    text = main_text(page)
    assert "Left out 'column 1': a row number" in text
    assert "Left out 'ID', 'name': an identifier (a different value in every row)" in text
    assert "Left out 'admitted': a date" in text and "Left out 'hospital': the same value in every row" in text
    assert "Left out 'comments': free text" in text
    assert "Kept every row" in text and "Filled in" in text and "'age (missing)'" in text
    assert "150 examples" in sidebar_text(page)  # no row dropped
    assert_no_exception(page, "Data after loading the clinic table")
    snap(page, "loaded")
    # The first examples with their filled-in cells highlighted (docs/screenshots/data_gaps.png).
    page.get_by_text("First training examples", exact=True).evaluate("e => e.scrollIntoView({block: 'start'})")
    page.mouse.move(5, 760)
    page.wait_for_timeout(600)
    page.screenshot(path=str(ARTIFACTS / "data_gaps.png"))

    goto_page(page, "Train")
    set_number(page, "Epochs", 20)
    click_button(page, "Train", wait=False)
    outcome = wait_for_outcome(page, timeout_s=90)
    assert "Finished" in outcome, outcome
    assert_no_exception(page, "Train on the clinic table")


def test_the_roles_table_in_chinese(page, clinic_file):
    sidebar = page.locator('[data-testid="stSidebar"]')
    run_and_wait(page, sidebar.get_by_text("中文", exact=True).click, what="switching to Chinese")
    _upload(page, clinic_file, "zh")
    used = _text("roles.used", "zh", n=4, columns="“age”, “blood pressure”, “smoker”, “ward”")
    wait_until(lambda: used in main_text(page), 15, "the list of columns, in Chinese")
    assert _text("roles.how_title", "zh") in main_text(page)
    assert_no_exception(page, "Data in Chinese")
    _roles_shot(page, "data_roles_zh.png")
