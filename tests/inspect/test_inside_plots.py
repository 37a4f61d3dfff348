"""The Inside page's figures show the numbers they are given."""

from __future__ import annotations

import numpy as np

from nncore.plots import inside_plots


def test_tiles_put_every_image_in_its_place_with_gaps_between():
    images = np.arange(3 * 2 * 2, dtype=float).reshape(3, 2, 2)
    tiled, index = inside_plots._tile(images, columns=2, gap=1)
    assert tiled.shape == (5, 5)
    np.testing.assert_array_equal(tiled[0:2, 0:2], images[0])
    np.testing.assert_array_equal(tiled[0:2, 3:5], images[1])
    np.testing.assert_array_equal(tiled[3:5, 0:2], images[2])
    assert np.isnan(tiled[2]).all() and np.isnan(tiled[3:5, 3:5]).all()
    assert index[4, 1] == 2 and index[2, 0] == -1


def test_feature_maps_and_bars_carry_the_values():
    maps = np.random.default_rng(0).random((4, 4, 3))
    fig = inside_plots.feature_map_grid(maps, "conv")
    z = np.asarray(fig.data[0].z, dtype=float)
    np.testing.assert_array_equal(z[0:4, 5:9], maps[:, :, 1])
    bars = inside_plots.unit_bars(np.array([0.5, -1.0, 2.0]), "dense", highlight=2)
    assert list(bars.data[0].y) == [0.5, -1.0, 2.0]
    assert list(bars.data[0].marker.line.width) == [0, 0, 3]


def test_neuron_maps_one_tile_per_unit_each_layer_on_its_own_row():
    xs = ys = np.linspace(-1, 1, 8)
    ramp = np.linspace(-2, 4, 8)[None, :].repeat(8, axis=0)  # rises left to right
    maps = {"dense_1": np.stack([ramp, -ramp, np.zeros((8, 8))], axis=-1), "dense_2": np.full((8, 8, 2), 3.0)}
    fig = inside_plots.neuron_maps(xs, ys, maps)
    assert len(fig.data) == 1  # one tiled trace
    assert [a.text for a in fig.layout.annotations] == ["dense_1 · 0", "dense_1 · 1", "dense_1 · 2", "dense_2 · 0", "dense_2 · 1"]
    z = np.asarray(fig.data[0].z, dtype=float)
    raw = np.asarray(fig.data[0].customdata, dtype=float)
    gap = 2
    # dense_1 unit 0, scaled by its largest magnitude (4); the hover keeps the real value.
    np.testing.assert_allclose(z[0:8, 0:8], ramp[::-1] / 4, atol=1e-3)
    np.testing.assert_allclose(raw[0:8, 0:8], ramp[::-1], atol=1e-4)
    np.testing.assert_allclose(z[0:8, 10:18], -ramp[::-1] / 4, atol=1e-3)
    # dense_2 starts the second row of tiles.
    np.testing.assert_allclose(z[8 + gap : 16 + gap, 0:8], 1.0)
    assert np.isnan(z[8 + gap :, 20:]).all()  # the padded third column of row two
    light = inside_plots.neuron_maps(xs, ys, maps, hover_values=False)  # the live version
    assert light.data[0].customdata is None and light.data[0].hoverinfo == "skip"
    np.testing.assert_allclose(np.asarray(light.data[0].z, dtype=float), z, equal_nan=True)


def test_unit_health_threshold_label_sits_beside_the_plot_not_on_a_bar():
    from types import SimpleNamespace

    stats = [SimpleNamespace(layer=SimpleNamespace(name=f"dense_{i}"), dead_share=0.4, saturated_share=0.35) for i in (1, 2)]
    fig = inside_plots.unit_health(stats)
    [label] = [a for a in fig.layout.annotations if a.text == "problem above 30%"]
    # Right of the plot area (paper x > 1, anchored on its left edge), at the line's height.
    assert label.xref == "paper" and label.x > 1 and label.xanchor == "left"
    assert label.yref == "y" and label.y == 0.3
    assert fig.layout.margin.r >= 120  # room for it
