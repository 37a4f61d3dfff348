"""The HTML report shows the baselines beside the network, and regression errors with their unit."""

from __future__ import annotations

import html

from nncore.data import load_dataset
from nncore.exchange.report import html_report
from nncore.models import preset_spec
from nncore.training import TrainingConfig
from tests.exchange.runs import train_run


def test_the_report_shows_the_baselines_and_says_when_a_straight_line_does_better():
    dataset = load_dataset("diabetes", seed=0)
    run = train_run(dataset, preset_spec("small_mlp", dataset), TrainingConfig(epochs=2, batch_size=32, seed=0))
    page = html_report(run)
    assert "Baselines to beat" in page and "Ridge regression (a straight line)" in page
    assert "test MAE (progression)" in page and "Test mean absolute error (progression)" in page
    ridge = run.baselines.headline("ridge")
    assert f"{ridge:.4g}" in page
    if run.test_metric > ridge:  # two epochs: usually behind the straight line, and it says so
        assert html.escape("A straight line does better", quote=True) in page
