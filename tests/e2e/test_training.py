"""A user trains a network in the page, watches it learn, and stops a long run."""

from __future__ import annotations

import re
import time

import pytest

from tests.e2e.browser_helpers import (
    alert_texts,
    assert_no_exception,
    click_button,
    epoch_in_progress,
    goto_page,
    load_builtin,
    main_text,
    metric_values,
    parse_number,
    plotly_traces,
    progress_text,
    select_option,
    selected_option,
    set_number,
    sidebar_text,
    wait_for_outcome,
    wait_until,
)

pytestmark = pytest.mark.e2e

SPIRAL = "2-D classification · Spiral (2-D)"
METRICS = ("Training loss", "Validation loss", "Training accuracy", "Validation accuracy")


def test_train_spiral_and_see_it_learn(page):
    load_builtin(page, SPIRAL, "Spiral (2-D)")
    assert selected_option(page, "Dataset") == SPIRAL
    sidebar = sidebar_text(page)
    assert "Training: not started" in sidebar

    goto_page(page, "Train")
    assert "Spiral (2-D)" in main_text(page)  # the caption names the data it will train on
    set_number(page, "Epochs", 60)
    click_button(page, "Train", wait=False)

    outcome = wait_for_outcome(page, timeout_s=90)
    assert "Finished 60 epochs" in outcome, outcome
    assert alert_texts(page, "success") == [outcome]

    metrics = metric_values(page)
    assert set(METRICS) <= set(metrics), metrics
    train_loss, val_loss = parse_number(metrics["Training loss"]), parse_number(metrics["Validation loss"])
    train_acc, val_acc = parse_number(metrics["Training accuracy"]), parse_number(metrics["Validation accuracy"])
    assert 0 <= train_loss < 0.69 and 0 <= val_loss < 0.8  # below a coin flip's cross-entropy (ln 2)
    assert 0.6 < train_acc <= 1 and 0.5 < val_acc <= 1

    # The chart redraws a moment after the last rerun: wait for all 60 epochs to be drawn.
    traces = wait_until(lambda: (t := plotly_traces(page, 0)) and len(t) >= 3 and len(t[0]["y"]) == 60 and t,
                        10, "the learning-curve chart to show 60 epochs")
    loss, accuracy = traces[0]["y"], traces[2]["y"]
    assert len(accuracy) == 60
    assert loss[-1] < loss[0], f"training loss did not fall: {loss[0]:.4f} -> {loss[-1]:.4f}"
    assert accuracy[-1] > accuracy[0], f"training accuracy did not rise: {accuracy[0]:.3f} -> {accuracy[-1]:.3f}"
    assert abs(loss[-1] - train_loss) < 1e-3  # the metric shows the chart's last epoch

    # The test-set line is written by the rerun that follows the last epoch, like the sidebar's.
    wait_until(lambda: "Test set (" in main_text(page), 10, "the test-set line under the chart")
    wait_until(lambda: "Training: finished, epoch 60/60" in sidebar_text(page), 10, "the sidebar to say finished")
    assert "Test accuracy:" in sidebar_text(page)
    assert_no_exception(page, "Train")


def test_quick_train_from_home(page):
    """The learner's path: one click on Home trains the loaded network with the defaults."""
    click_button(page, "Train the loaded network", wait=False)
    page.get_by_role("heading", name="Train", exact=True).wait_for()  # it switched pages
    assert page.url.split("?")[0].endswith("/train")  # the query holds the shareable setup
    outcome = wait_for_outcome(page, timeout_s=90)
    assert re.search(r"Finished \d+ epochs", outcome), outcome
    metrics = metric_values(page)
    assert parse_number(metrics["Validation accuracy"]) > 0.8, metrics  # circles are easy
    wait_until(lambda: "Training: finished" in sidebar_text(page), 10, "the sidebar to say finished")
    assert_no_exception(page, "Train")


def test_stop_a_long_training_run_keeps_the_model(page, record_property):
    goto_page(page, "Train")
    set_number(page, "Epochs", 5000)
    click_button(page, "Train", wait=False)

    wait_until(lambda: epoch_in_progress(page) >= 4 and metric_values(page), 60,
               "the progress bar to show a few finished epochs")
    assert "of 5000" in progress_text(page)
    stop = page.get_by_role("button", name="Stop", exact=True)
    assert stop.is_visible()

    clicked = time.monotonic()
    stop.click()
    outcome = wait_until(lambda: next((t for t in alert_texts(page, "warning") if "Stopped by you" in t), None),
                         15, "the 'Stopped by you' warning", interval_s=0.02)
    took = time.monotonic() - clicked
    record_property("stop_seconds", round(took, 3))
    # How long it took is recorded, not asserted: a busy machine would fail a wall-clock test.
    # `python -m bench --only stop` measures the latency (p50/p95) side by side with and without load.
    print(f"Stop -> warning on screen: {took:.2f} s")

    assert "model trained so far is kept" in outcome, outcome
    assert page.locator('[data-testid="stProgress"]').count() == 0
    assert page.get_by_role("button", name="Stop", exact=True).count() == 0
    assert page.get_by_role("button", name="Train", exact=True).is_enabled()
    stopped_epoch = int(re.search(r"epoch (\d+)", outcome).group(1))
    assert 1 <= stopped_epoch < 5000
    wait_until(lambda: "stopped (model kept)" in sidebar_text(page), 10, "the sidebar to say the model is kept")
    metrics = metric_values(page)
    assert set(METRICS) <= set(metrics), metrics
    assert_no_exception(page, "Train after Stop")

    # The partly trained model can be explained.
    explain_current_example(page)


def explain_current_example(page) -> None:
    """Open Explain, press Explain, and check that methods ran and were drawn side by side."""
    goto_page(page, "Explain")
    click_button(page, "Explain")
    # The methods' chart, side by side (the report card below it has charts of its own).
    wait_until(lambda: page.locator(".st-key-explain_compare .js-plotly-plot").count() >= 1, 120, "the explanation chart")
    assert_no_exception(page, "Explain")
    assert not alert_texts(page, "error"), alert_texts(page, "error")
    assert "Prediction:" in main_text(page)
    panels = page.evaluate(
        "() => document.querySelector('.st-key-explain_compare .js-plotly-plot')"
        ".layout.annotations.map(a => a.text)"
    )
    assert len(panels) >= 2, panels  # one subplot title per method


def test_digits_cnn_trains_and_one_image_is_explained(page, snap):
    goto_page(page, "Data")
    select_option(page, "Dataset", "Images · Handwritten digits (8x8)")
    click_button(page, "Load dataset")
    assert "Handwritten digits" in sidebar_text(page)
    assert "LeNet-style CNN" in sidebar_text(page)  # images get the CNN preset
    goto_page(page, "Train")
    set_number(page, "Epochs", 8)
    click_button(page, "Train", wait=False)
    outcome = wait_for_outcome(page, 120)
    assert "Finished 8 epochs" in outcome, outcome
    explain_current_example(page)
    assert "Grad-CAM" in main_text(page)
    snap(page, "explained")

    # The activation view of one image: the first layer is a convolution, shown as feature maps.
    goto_page(page, "Inside")
    wait_until(lambda: "feature map" in main_text(page), 60, "the first conv layer's feature maps")
    assert_no_exception(page, "Inside")
    assert len(plotly_traces(page)) >= 1  # the input image and the layer's maps are drawn
    snap(page, "activations")
