"""In a real browser: a table with an ID column, its rows in no order and a few gaps. Rows are
labelled by the ID on the Data page; after training, Evaluate's "Explain <ID>" opens the
Explain page on that very row, named the same there."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.e2e.browser_helpers import (
    assert_no_exception,
    click_button,
    goto_page,
    main_text,
    run_and_wait,
    select_option,
    set_number,
    sidebar_text,
    wait_for_outcome,
    wait_until,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def clinic_csv(tmp_path):
    rng = np.random.default_rng(1)
    n = 160
    ids = rng.permutation(np.arange(5000, 5000 + n))
    lines = ["patient_id,age,sex,cholesterol,diagnosis"]
    for k in range(n):
        age = rng.normal(55, 12)
        chol = "" if k in (4, 90) else f"{rng.normal(200, 30):.1f}"
        sick = "disease" if age + rng.normal(0, 8) > 55 else "healthy"
        lines.append(f"P-{ids[k]},{age:.0f},{['female', 'male'][k % 2]},{chol},{sick}")
    path = tmp_path / "clinic.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def _choose_in_form(page, label: str, option: str) -> None:
    """Pick `option` in a form's selectbox; a first click that lands while the form is still
    settling after the upload opens nothing, so the list is opened again until it shows."""
    box = page.get_by_role("combobox", name=label, exact=True)
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(5):
        box.click()
        try:
            choice.wait_for(timeout=2_000)
            break
        except Exception:  # noqa: BLE001 - Playwright's timeout: close and open the list again
            page.keyboard.press("Escape")
    choice.click()
    assert box.input_value() == option


def test_explain_from_evaluate_opens_the_same_row_by_its_id(page, clinic_csv, snap):
    goto_page(page, "Data")
    page.get_by_role("tab", name="Upload a CSV", exact=True).click()
    file_input = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    run_and_wait(page, lambda: file_input.set_input_files(str(clinic_csv)), what="uploading clinic.csv")
    wait_until(lambda: "clinic.csv: 160 rows" in main_text(page), 15, "the file's summary")
    select_option(page, "Target column", "diagnosis", in_form=True)
    _choose_in_form(page, "Label rows by", "patient_id")
    snap(page, "data")
    click_button(page, "Use this data")
    wait_until(lambda: "clinic" in sidebar_text(page).split("Model:")[0], 15, "the sidebar to show the CSV's data")
    assert_no_exception(page, "Data after loading the CSV")

    goto_page(page, "Train")
    set_number(page, "Epochs", 10)
    click_button(page, "Train", wait=False)
    assert "Finished 10 epochs" in wait_for_outcome(page, timeout_s=90)

    goto_page(page, "Evaluate")
    buttons = page.get_by_role("button", name="Explain P-", exact=False)
    wait_until(lambda: buttons.count() >= 6, 30, "the Explain buttons")
    label = buttons.nth(2).inner_text().rsplit("Explain", 1)[1].strip()  # after the icon's name
    assert label.startswith("P-5"), label
    snap(page, "evaluate")
    buttons.nth(2).click()  # the Explain page explains at once: SHAP's first run may take a while
    wait_until(lambda: f"Explaining {label}." in main_text(page), 60, f"the Explain page on {label}")
    wait_until(lambda: page.locator('[data-testid="stPlotlyChart"]').count() > 0, 180, "the explanations")
    wait_until(lambda: "Running" not in main_text(page), 180, "every method to finish")
    assert page.get_by_role("combobox", name=re.compile(r"^Example \(")).input_value() == label  # the picker names it too
    assert_no_exception(page, "Explain")
    snap(page, "explain")
