"""Step in a real browser: after a training, Step trains one more epoch of the same run
(the session's state starts it: `SessionState.step_one_epoch`), and the page shows the
longer run."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser_helpers import (
    alert_texts,
    assert_no_exception,
    click_button,
    goto_page,
    set_number,
    sidebar_text,
    wait_until,
)

pytestmark = pytest.mark.e2e


def _finished(page) -> str | None:
    assert_no_exception(page, "Train")
    return next((text for text in alert_texts(page, "success") if "Finished" in text), None)


def test_step_trains_one_more_epoch_of_the_same_run(page):
    goto_page(page, "Train")
    set_number(page, "Epochs", 5)
    click_button(page, "Train", wait=False)
    outcome = wait_until(lambda: _finished(page), 300, "the 5-epoch training to finish")
    assert "Finished 5 epochs" in outcome, outcome
    wait_until(lambda: "epoch 5/5" in sidebar_text(page), 10, "the sidebar to say epoch 5/5")

    click_button(page, "Step: one more epoch", wait=False)
    wait_until(lambda: re.search(r"epoch 6/6", sidebar_text(page)), 300, "the sidebar to show the stepped run's 6 epochs")
    outcome = wait_until(lambda: _finished(page), 60, "the Step to finish")
    assert "Finished 6 epochs" in outcome, outcome  # the same run, one epoch longer
    assert_no_exception(page, "Train after Step")
