"""MNIST-sized data in the app (issue 7 §4): a user loads 70,000 28x28 digits, trains the CNN
the app proposes with the settings it proposes, and every page stays usable. No page sends
the data set to the browser: the test set alone is 14,000 x 784 values (11 MB as bytes)."""

from __future__ import annotations

import pytest

from tests.e2e.browser_helpers import (
    assert_no_exception,
    click_button,
    goto_page,
    main_text,
    metric_values,
    parse_number,
    run_and_wait,
    select_option,
    set_number,
    sidebar_text,
    wait_for_app_idle,
    wait_for_outcome,
    wait_until,
)

pytestmark = pytest.mark.e2e

DIGITS28 = "Images · Digits 28x28 (MNIST-sized, offline)"
PAGES = ("Data", "Model", "Train", "Evaluate", "Explain", "Inside", "Runs")
MAX_PAGE_BYTES = 2_000_000  # about 0.5 MB at most is sent today (Inside); the test set is 11 MB


def _bytes_received(page) -> int:
    return page.evaluate("() => window.__nnx.bytes")


def test_mnist_sized_data_trains_and_every_page_stays_light(page, snap):
    goto_page(page, "Data")
    select_option(page, "Dataset", DIGITS28)
    set_number(page, "Images", 70_000)
    run_and_wait(page, page.get_by_role("button", name="Load dataset", exact=True).click, timeout_ms=180_000,
                 what="loading 70,000 images")
    wait_until(lambda: "70,000 examples" in sidebar_text(page), 180, "the sidebar to show 70,000 examples")
    sidebar = sidebar_text(page)
    assert "Digits 28x28" in sidebar and "LeNet-style CNN" in sidebar, sidebar  # images: the CNN preset

    goto_page(page, "Train")
    assert "42,000 training" in main_text(page)
    # The settings came with the switch to images (a playground step made this CNN collapse).
    assert page.get_by_role("spinbutton", name="Learning rate", exact=True).input_value() == "0.003"
    assert page.get_by_role("spinbutton", name="Batch size", exact=True).input_value() == "32"
    set_number(page, "Epochs", 1)
    click_button(page, "Train", wait=False)
    outcome = wait_for_outcome(page, timeout_s=240)
    assert "Finished 1 epoch." in outcome, outcome
    accuracy = parse_number(metric_values(page)["Validation accuracy"])
    assert accuracy > 0.5, accuracy  # ten classes: chance is 0.1

    sent_by_page = {}
    for title in PAGES:
        before = _bytes_received(page)
        goto_page(page, title)
        wait_for_app_idle(page)
        assert_no_exception(page, title)
        sent = sent_by_page[title] = _bytes_received(page) - before
        assert sent < MAX_PAGE_BYTES, f"{title} sent {sent:,} bytes to the browser"
        snap(page, title)
    print("bytes sent per page at 70,000 images:", sent_by_page)
