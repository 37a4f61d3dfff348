"""A user brings their own CSV: a good one is loaded and trained on; bad ones get a clear
message and leave the loaded data alone."""

from __future__ import annotations

import numpy as np
import pytest

from tests.e2e.browser_helpers import (
    alert_texts,
    assert_no_exception,
    click_button,
    goto_page,
    main_text,
    metric_values,
    run_and_wait,
    select_option,
    set_number,
    sidebar_text,
    wait_for_outcome,
    wait_until,
)

pytestmark = pytest.mark.e2e

GOOD_NAME = "patients.csv"


@pytest.fixture
def csv_files(tmp_path):
    rng = np.random.default_rng(0)
    n = 240
    age = rng.normal(50, 12, n)
    dose = rng.normal(2.0, 0.7, n)
    ward = rng.choice(["north", "south", "east"], n)
    score = (age - 50) / 12 + (dose - 2) / 0.7 + (ward == "north") * 1.0
    outcome = np.where(score > 0.3, "improved", "same")
    rows = [f"{a:.1f},{d:.3f},{w},{o}" for a, d, w, o in zip(age, dose, ward, outcome)]
    files = {
        "good": (GOOD_NAME, ("age,dose,ward,outcome\n" + "\n".join(rows) + "\n").encode()),
        "empty": ("empty.csv", b""),
        "ragged": ("ragged.csv", b"a,b,c\n1,2,3\n4,5,6,7,8\n9,10,11\n"),
        "binary": ("binary.csv", bytes(range(256)) * 16),
    }
    paths = {}
    for key, (name, content) in files.items():
        path = tmp_path / name
        path.write_bytes(content)
        paths[key] = path
    return paths


def open_csv_tab(page):
    goto_page(page, "Data")
    page.get_by_role("tab", name="Upload a CSV", exact=True).click()
    uploader = page.locator('[data-testid="stFileUploader"]')
    uploader.wait_for()
    assert "CSV file" in uploader.inner_text()
    return uploader.locator('[data-testid="stFileUploaderDropzoneInput"]')


def upload(page, file_input, path) -> None:
    run_and_wait(page, lambda: file_input.set_input_files(str(path)), what=f"uploading {path.name}")


def test_upload_a_good_csv_then_bad_ones(page, csv_files, snap):
    file_input = open_csv_tab(page)

    upload(page, file_input, csv_files["good"])
    wait_until(lambda: f"{GOOD_NAME}: 240 rows, 4 columns" in main_text(page), 15, "the file's summary")
    assert alert_texts(page, "error") == []
    select_option(page, "Target column", "outcome", in_form=True)
    click_button(page, "Use this data")
    wait_until(lambda: "patients" in sidebar_text(page).split("Model:")[0], 15, "the sidebar to show the CSV's data")
    loaded = sidebar_text(page).split("Model:")[0]
    assert "classification · tabular · 240 examples" in loaded, loaded
    assert_no_exception(page, "Data after loading a CSV")
    snap(page, "loaded")

    goto_page(page, "Train")
    assert "patients" in main_text(page)
    set_number(page, "Epochs", 30)
    click_button(page, "Train", wait=False)
    outcome = wait_for_outcome(page, timeout_s=60)
    assert "Finished 30 epochs" in outcome, outcome
    metrics = metric_values(page)
    assert {"Training loss", "Validation loss", "Training accuracy", "Validation accuracy"} <= set(metrics), metrics
    snap(page, "trained")

    file_input = open_csv_tab(page)
    expected = {
        "empty": "is empty",
        "ragged": "fields",
        "binary": "binary data",
    }
    for key, words in expected.items():
        upload(page, file_input, csv_files[key])
        errors = wait_until(lambda: alert_texts(page, "error"), 10, f"an error for the {key} file")
        assert len(errors) == 1, errors
        assert csv_files[key].name in errors[0] and words in errors[0], errors[0]
        assert "loaded before is still in use" in errors[0], errors[0]
        assert page.get_by_role("button", name="Use this data", exact=True).count() == 0
        assert_no_exception(page, f"Data after uploading the {key} file")
        loaded_now = sidebar_text(page).split("Model:")[0]
        assert loaded_now == loaded, f"the {key} file changed the loaded data: {loaded_now!r}"
        assert "finished, epoch 30/30" in sidebar_text(page)
        snap(page, key)
