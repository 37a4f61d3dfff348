"""Issue 18, item 5, the places a loss value is read outside the charts: the sidebar and the HTML
report say "Test loss" with the formula's name beside it (the charts: test_loss_titles.py)."""

from __future__ import annotations

import pytest

from tests.exchange.runs import circles_mlp


def test_the_report_names_the_test_loss_with_its_formula():
    from nncore.exchange.report import html_report

    assert "Test loss (binary cross-entropy)" in html_report(circles_mlp())


@pytest.fixture(scope="module")
def circles_job():
    from tests.helpers import trained_job

    return trained_job("circles", "small_mlp", epochs=2, batch_size=64)


@pytest.mark.parametrize(("language", "line"), [("en", "Test loss: {} (binary cross-entropy)"), ("zh", "测试集损失：{}（二元交叉熵）")])
def test_the_sidebar_names_the_test_loss_with_its_formula(circles_job, language, line):
    from tests.helpers import app_on_page

    at = app_on_page("home", language, circles_job)
    assert not at.exception, [e.message for e in at.exception]
    expected = line.format(f"{circles_job.result.test_loss:.4g}")
    assert any(expected in m.value for m in at.sidebar.markdown), [m.value for m in at.sidebar.markdown]
