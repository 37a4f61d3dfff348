"""The HTML report: one self-contained file, user text escaped, figures and pinned explanations."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from nncore.exchange.report import html_report, html_report_bytes

from tests.exchange.runs import circles_mlp, train_run


def _plot_divs(page: str) -> int:
    return len(re.findall(r'class="plotly-graph-div"', page))


def test_report_embeds_plotlyjs_once_and_works_offline():
    run = circles_mlp()
    page = html_report(run)
    assert page.startswith("<!DOCTYPE html>")
    # plotly.js itself (several MB) is in the file exactly once; nothing is fetched from a network.
    from plotly.offline import get_plotlyjs

    js = get_plotlyjs()
    assert "</script" not in js.lower()
    assert page.count(js[:200]) == 1 and len(page) > len(js)
    assert not re.search(r'<script[^>]+src=', page)
    # (plotly.js itself names a CDN for geographic maps, which no figure here uses.)
    assert "cdn.plot.ly" not in page.replace(js, "")
    # Learning curves, 2 confusion matrices, ROC, PR and calibration.
    assert _plot_divs(page) == 6
    assert "Learning curves" in page and "Confusion matrix (counts)" in page
    # Specs and settings are in tables.
    assert "<th>Batch size</th><td>10</td>" in page and "<th>Seed</th><td>2</td>" in page
    assert "<th>Name</th><td>Circles" in page
    assert f"<th>Test examples</th><td>{len(run.dataset.x_test)}</td>" in page


def test_every_user_text_is_escaped():
    import pandas as pd

    from nncore.data import dataset_from_csv
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig

    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"<script>alert(1)</script>": rng.normal(size=60), "b&c": rng.normal(size=60)})
    frame["<img src=x onerror=alert(2)>"] = np.where(frame.iloc[:, 0] > 0, "<b>yes</b>", "no")
    dataset = dataset_from_csv(frame, "<img src=x onerror=alert(2)>", name="<script>evil()</script>.csv")
    run = train_run(dataset, preset_spec("small_mlp", dataset), TrainingConfig(epochs=2, batch_size=8, seed=0))
    run = replace(run, extra={"name": '"><script>alert(3)</script>'})
    page = html_report(run)
    outside_scripts = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert "<script>alert" not in outside_scripts and "<img src=x" not in outside_scripts
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the feature name, shown as text
    assert "&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in page  # the run name
    assert "b&amp;c" in page
    # The only script tags are plotly.js and the figures' own (one per figure).
    assert len(re.findall(r"<script", page)) == 1 + _plot_divs(page)


def test_regression_report_and_pinned_explanations():
    from nncore.data import load_dataset
    from nncore.explain import integrated_gradients
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig

    dataset = load_dataset("diabetes", seed=0)
    run = train_run(dataset, preset_spec("small_mlp", dataset), TrainingConfig(epochs=3, batch_size=32, seed=0))
    pinned = [integrated_gradients(run, dataset.x_test[i]) for i in range(2)]
    page = html_report(run, pinned)
    assert "Pinned explanations" in page and page.count("<h3>") == 2
    assert "Predicted against true" in page and "R²" in page
    # Learning curves, scatter, residuals, histogram, and one figure per explanation.
    assert _plot_divs(page) == 4 + 2
    without = html_report(run)
    assert "Pinned explanations" not in without and _plot_divs(without) == 4
    assert html_report_bytes(run).decode("utf-8").startswith("<!DOCTYPE html>")


def test_report_refuses_a_run_without_a_model():
    with pytest.raises(ValueError, match="Expected a run with a model and its dataset"):
        html_report(replace(circles_mlp(), model=None))


def test_imported_model_report_has_no_training_section():
    run = replace(circles_mlp(), spec=None, config=None, history=(), extra={"imported": True, "name": "<b>mine</b>", "source_file": "<b>mine</b>.keras"})
    page = html_report(run)
    assert "<h1>&lt;b&gt;mine&lt;/b&gt;</h1>" in page
    assert "Model (imported from the file &lt;b&gt;mine&lt;/b&gt;.keras)" in page
    assert "<h2>Training</h2>" not in page and "Epochs trained" not in page
    assert "<td>dense_1</td>" in page  # the Keras layers are still listed
    assert _plot_divs(page) == 5  # evaluation only: 2 confusion matrices, ROC, PR, calibration


def test_the_report_names_a_preset_model_by_its_title_not_its_key():
    run = circles_mlp()
    page = html_report(run)
    assert "<h2>Model: Small MLP</h2>" in page
    assert "small_mlp" not in re.sub(r"<script.*?</script>", "", page, flags=re.S).split("<h2>Model")[1][:200]
    assert "<h1>Small MLP on Circles" in page  # an unsaved run's title
