"""Data figures: the right traces, points and labels, in a colour-blind-safe style."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from nncore.data import load_dataset
from nncore.errors import DatasetError
from nncore.plots import data_plots
from nncore.plots.style import PALETTE


def test_class_scatter_has_one_trace_per_class_with_distinct_markers():
    ds = load_dataset("spiral", n_points=200)
    fig = data_plots.dataset_scatter(ds)
    assert isinstance(fig, go.Figure)
    assert [t.name for t in fig.data] == ["class 0", "class 1"]
    assert sum(len(t.x) for t in fig.data) == len(ds.x_train) == 120
    assert len(fig.data[0].x) == int((ds.y_train == 0).sum())
    assert fig.data[0].marker.symbol != fig.data[1].marker.symbol
    assert fig.data[0].marker.color != fig.data[1].marker.color
    assert fig.data[0].marker.color in PALETTE
    assert fig.layout.xaxis.title.text == "x1" and fig.layout.yaxis.title.text == "x2"
    assert "Spiral" in fig.layout.title.text


def test_regression_scatter_colours_by_original_target():
    ds = load_dataset("plane", n_points=100)
    fig = data_plots.dataset_scatter(ds, split="test", original_units=True)
    assert len(fig.data) == 1 and len(fig.data[0].x) == 20
    colours = np.asarray(fig.data[0].marker.color)
    np.testing.assert_allclose(colours, ds.preprocessing.inverse_target(ds.y_test), rtol=1e-5)
    np.testing.assert_allclose(
        fig.data[0].x, ds.preprocessing.inverse_features(ds.x_test)[:, 0], rtol=1e-5
    )


def test_markers_stay_unique_beyond_the_palette():
    pairs = {(PALETTE[i % len(PALETTE)], data_plots.class_symbol(i)) for i in range(16)}
    assert len(pairs) == 16


def test_scatter_refuses_data_that_is_not_2d():
    with pytest.raises(DatasetError, match="Expected a tabular dataset with 2 features"):
        data_plots.dataset_scatter(load_dataset("iris"))


def test_image_grid_shows_each_image_with_its_label():
    ds = load_dataset("digits")
    fig = data_plots.dataset_images(ds, n=10)
    assert len(fig.data) == 10
    assert np.asarray(fig.data[0].z).shape == (8, 8)
    titles = [a.text for a in fig.layout.annotations]
    assert titles == [ds.class_names[int(y)] for y in ds.y_train[:10]]
    assert fig.layout.yaxis.autorange == "reversed"


def test_feature_distributions_box_and_histogram():
    ds = load_dataset("iris")
    box = data_plots.dataset_feature_distributions(ds)
    assert [t.name for t in box.data] == ["setosa", "versicolor", "virginica"]
    assert sum(len(t.y) for t in box.data) == 4 * len(ds.x_train)
    # Original units: petal length in cm stays within its real range.
    assert max(max(t.y) for t in box.data) <= 8.0
    hist = data_plots.dataset_feature_distributions(ds, kind="histogram")
    assert len(hist.data) == 4 * 3
    single = data_plots.feature_distributions(np.zeros((5, 3)), ("a", "b", "c"), kind="histogram")
    assert len(single.data) == 3
    capped = data_plots.dataset_feature_distributions(load_dataset("breast_cancer"), max_features=5)
    assert set(capped.data[0].x) == set(load_dataset("breast_cancer").feature_names[:5])


def test_sequence_examples():
    trend = load_dataset("trend")
    fig = data_plots.dataset_sequences(trend, n=6)
    assert len(fig.data) == 6 and len(fig.data[0].x) == 30
    names = {t.name for t in fig.data}
    assert names <= {"down", "up"}
    dashes = {t.name: t.line.dash for t in fig.data}
    if len(names) == 2:
        assert dashes["down"] != dashes["up"]
    sine = load_dataset("sine")
    fig = data_plots.dataset_sequences(sine, n=4)
    assert len(fig.data) == 5  # 4 series and one trace with the 4 values to predict
    np.testing.assert_allclose(
        fig.data[-1].y, sine.preprocessing.inverse_target(sine.y_train[:4]), rtol=1e-5
    )
    assert fig.layout.xaxis.title.text == "step"


def test_class_balance_counts_every_split():
    ds = load_dataset("wine")
    fig = data_plots.dataset_class_balance(ds)
    assert [t.name for t in fig.data] == ["training", "validation", "test"]
    assert list(fig.data[0].x) == list(ds.class_names)
    assert list(fig.data[0].y) == np.bincount(ds.y_train).tolist()
    assert sum(sum(t.y) for t in fig.data) == 178


def test_regression_balance_shows_target_histograms():
    ds = load_dataset("diabetes")
    fig = data_plots.dataset_class_balance(ds)
    assert len(fig.data) == 3 and all(isinstance(t, go.Histogram) for t in fig.data)
    assert sum(len(t.x) for t in fig.data) == 442
    assert fig.layout.xaxis.title.text == "progression"
