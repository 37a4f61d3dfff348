"""The architecture pictures: edges of the neuron graph show each weight's sign and size, in a
handful of traces however many edges there are."""

from __future__ import annotations

import numpy as np

from nncore.plots.model_plots import EDGE_WIDTHS, neuron_graph
from nncore.plots.style import color


def _edge_traces(fig):
    return [trace for trace in fig.data if trace.mode == "lines"]


def _segments(trace):
    """(x0, y0, x1, y1) of each edge in a lines trace (edges separated by None)."""
    xs, ys = list(trace.x), list(trace.y)
    return [(xs[k], ys[k], xs[k + 1], ys[k + 1]) for k in range(0, len(xs), 3)]


def test_without_weights_every_edge_is_one_grey_trace():
    fig = neuron_graph([4, 8, 8, 2], ["input", "dense", "dense_1", "output"])
    edges = _edge_traces(fig)
    assert len(edges) == 1
    assert edges[0].line.color == "#BBBBBB"
    assert len(_segments(edges[0])) == 4 * 8 + 8 * 8 + 8 * 2
    assert not any(trace.hovertext and "weight" in str(trace.hovertext) for trace in fig.data)


def test_weights_set_colour_by_sign_and_width_by_size():
    kernel = np.array([[2.0, -2.0, 0.0], [-1.0, 0.1, 1.0]])  # 2 inputs -> 3 units
    fig = neuron_graph([2, 3], ["input", "dense"], [kernel])
    by_edge = {}
    for trace in _edge_traces(fig):
        for x0, y0, x1, y1 in _segments(trace):
            i, j = int(round(y0 * 1)), int(round(y1 * 2))  # positions: inputs at y 0, 1; units at 0, .5, 1
            by_edge[(i, j)] = (trace.line.color, trace.line.width)
    assert len(by_edge) == 6
    assert by_edge[(0, 0)] == (color(0), EDGE_WIDTHS[-1])  # the largest positive weight: blue, thickest
    assert by_edge[(0, 1)] == (color(1), EDGE_WIDTHS[-1])  # the largest negative: orange, thickest
    assert by_edge[(0, 2)][1] == EDGE_WIDTHS[0]  # zero: thinnest
    assert by_edge[(1, 0)][0] == color(1) and by_edge[(1, 2)][0] == color(0)
    assert by_edge[(1, 0)][1] < by_edge[(0, 0)][1]  # half the largest: thinner
    hover = [trace for trace in fig.data if trace.hovertext is not None and "weight" in str(trace.hovertext[0])]
    assert len(hover) == 1 and sorted(hover[0].hovertext) == sorted(
        ["weight +2.000", "weight -2.000", "weight +0.000", "weight -1.000", "weight +0.100", "weight +1.000"]
    )


def test_a_large_graph_stays_a_few_traces():
    rng = np.random.default_rng(0)
    sizes = [16, 16, 16, 8]
    kernels = [rng.normal(size=(a, b)) for a, b in zip(sizes, sizes[1:])]
    fig = neuron_graph(sizes, ["input", "d1", "d2", "out"], kernels)
    assert sum(len(_segments(trace)) for trace in _edge_traces(fig)) == 16 * 16 * 2 + 16 * 8
    # at most two colours x the width steps, one hover layer, one marker trace per layer
    assert len(fig.data) <= 2 * len(EDGE_WIDTHS) + 1 + len(sizes)
