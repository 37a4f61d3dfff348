"""Two people use one server at the same time: each sees only their own data and results."""

from __future__ import annotations

import pytest

from tests.e2e.browser_helpers import (
    alert_texts,
    assert_no_exception,
    click_button,
    goto_page,
    load_builtin,
    main_text,
    metric_values,
    parse_number,
    set_number,
    sidebar_text,
    wait_for_outcome,
)

pytestmark = pytest.mark.e2e

EPOCHS = 40


def test_two_users_train_at_once_without_seeing_each_other(open_app):
    a = open_app(tag="A")
    b = open_app(tag="B")
    users = {
        "A": dict(page=a, option="2-D classification · Moons (2-D)", title="Moons (2-D)", other="Iris",
                  metric="Training accuracy"),
        "B": dict(page=b, option="Tables · Iris flowers", title="Iris flowers", other="Moons",
                  metric="Training accuracy"),
    }
    for user in users.values():
        load_builtin(user["page"], user["option"], user["title"])
    for user in users.values():
        goto_page(user["page"], "Train")
        set_number(user["page"], "Epochs", EPOCHS)

    def only_own(user):
        def check():
            seen = sidebar_text(user["page"]) + main_text(user["page"])
            assert user["other"] not in seen, f"{user['title']} user sees the other user's {user['other']}"
            assert f"Data: {user['title']}" in sidebar_text(user["page"])
        return check

    # Press Train in both sessions back to back, so the two jobs run at the same time.
    click_button(a, "Train", wait=False)
    click_button(b, "Train", wait=False)
    outcomes = {name: wait_for_outcome(user["page"], timeout_s=90, forbidden=only_own(user))
                for name, user in users.items()}

    results = {}
    for name, user in users.items():
        page = user["page"]
        assert f"Finished {EPOCHS} epochs" in outcomes[name], (name, outcomes[name])
        assert alert_texts(page, "success") == [outcomes[name]]
        only_own(user)()
        assert user["title"] in main_text(page)
        metrics = metric_values(page)
        assert {"Training loss", "Validation loss", user["metric"]} <= set(metrics), (name, metrics)
        results[name] = metrics
        sidebar = sidebar_text(page)
        assert f"finished, epoch {EPOCHS}/{EPOCHS}" in sidebar, (name, sidebar)
        assert_no_exception(page, f"user {name}'s Train page")
    # Each got its own model: the two runs on different data do not report the same numbers.
    assert results["A"]["Training loss"] != results["B"]["Training loss"], results
    for metrics in results.values():
        assert parse_number(metrics["Training accuracy"]) > 0.7, results
