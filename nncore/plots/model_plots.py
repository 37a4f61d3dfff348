"""Pictures of an architecture: layers as boxes, or neurons and edges for small MLPs."""

from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from nncore.plots.style import apply_layout, color
from nncore.plots.words import Words, english

MAX_DRAWN_NEURONS = 16  # per layer; larger layers are drawn as a box
MAX_DRAWN_EDGES = 600
EDGE_WIDTHS = (0.5, 1.4, 2.3, 3.2, 4.1, 5.0)  # line widths for |weight| from 0 to the largest


def layer_boxes(rows: Sequence[dict], input_label: str, title: str | None = None, *, words: Words = english) -> go.Figure:
    """One box per layer, left to right: name, type, output shape and parameter count.

    `rows` are `parameter_table(model)` rows (keys: layer, type, output shape, parameters).
    """
    labels = [f"<b>{words('fig.input')}</b><br>{input_label}"] + [
        f"<b>{row['layer']}</b><br>{row['type']}<br>{row['output shape']}<br>" + words("fig.params_n", n=f"{row['parameters']:,}")
        for row in rows
    ]
    fig = go.Figure()
    width, gap = 1.0, 0.45
    for index, label in enumerate(labels):
        x0 = index * (width + gap)
        kind = "input" if index == 0 else rows[index - 1]["type"]
        fill = {"input": "#EEEEEE", "Dense": "#D6E9F8", "Conv2D": "#FBE3C2", "Flatten": "#F2F2F2"}.get(kind, "#DDF2EA")
        fig.add_shape(type="rect", x0=x0, x1=x0 + width, y0=0, y1=1, line=dict(color="#555555"), fillcolor=fill)
        fig.add_annotation(x=x0 + width / 2, y=0.5, text=label, showarrow=False, font=dict(size=11))
        if index:
            fig.add_annotation(
                x=x0, y=0.5, ax=x0 - gap, ay=0.5, xref="x", yref="y", axref="x", ayref="y",
                showarrow=True, arrowhead=2, arrowwidth=1.5, arrowcolor="#555555", text="",
            )
    fig.update_xaxes(visible=False, range=[-0.1, len(labels) * (width + gap)])
    fig.update_yaxes(visible=False, range=[-0.1, 1.1])
    return apply_layout(fig, title, height=200)


def can_draw_neurons(layer_sizes: Sequence[int]) -> bool:
    edges = sum(a * b for a, b in zip(layer_sizes, layer_sizes[1:]))
    return max(layer_sizes) <= MAX_DRAWN_NEURONS and edges <= MAX_DRAWN_EDGES


def neuron_graph(
    layer_sizes: Sequence[int],
    layer_names: Sequence[str],
    weights: Sequence[np.ndarray] | None = None,
    title: str | None = None,
    *,
    words: Words = english,
) -> go.Figure:
    """Neurons as circles and connections as lines, as in TensorFlow Playground.

    With `weights` (one kernel matrix per connection, shape (inputs, outputs)) an edge's colour
    shows the weight's sign (blue positive, orange negative) and its thickness the magnitude,
    in EDGE_WIDTHS steps; hovering the middle of an edge shows its weight. Without weights every
    edge is drawn thin and grey.

    Edges of one colour and thickness share one trace (None between them): a trace per edge
    (up to 600) made the browser take a few hundred milliseconds to draw the chart.
    """
    positions = []
    for column, size in enumerate(layer_sizes):
        ys = np.linspace(0, 1, size) if size > 1 else np.array([0.5])
        positions.append([(float(column), float(y)) for y in ys])
    fig = go.Figure()
    largest = max((float(np.max(np.abs(w))) for w in weights), default=1.0) if weights else 1.0
    groups: dict[tuple[bool, int], tuple[list, list]] = {}  # (positive, width step) -> (xs, ys)
    middles: tuple[list, list, list] = ([], [], [])  # x, y, hover text of each edge's midpoint
    for column in range(len(layer_sizes) - 1):
        kernel = weights[column] if weights else None
        for i, (x0, y0) in enumerate(positions[column]):
            for j, (x1, y1) in enumerate(positions[column + 1]):
                if kernel is None:
                    key = (True, -1)
                else:
                    w = float(kernel[i, j])
                    key = (w >= 0, int(round(abs(w) / (largest or 1.0) * (len(EDGE_WIDTHS) - 1))))
                    for part, value in zip(middles, ((x0 + x1) / 2, (y0 + y1) / 2, words("fig.hover.weight", v=f"{w:+.3f}"))):
                        part.append(value)
                xs, ys = groups.setdefault(key, ([], []))
                xs += [x0, x1, None]
                ys += [y0, y1, None]
    for (positive, step), (xs, ys) in sorted(groups.items(), key=lambda item: item[0][1]):  # thin under thick
        line = (dict(color="#BBBBBB", width=1) if step < 0
                else dict(color=color(0) if positive else color(1), width=EDGE_WIDTHS[step]))
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=line, showlegend=False, hoverinfo="skip"))
    if middles[0]:
        fig.add_trace(go.Scatter(
            x=middles[0], y=middles[1], mode="markers", marker=dict(size=10, opacity=0), showlegend=False,
            hovertext=middles[2], hoverinfo="text",
        ))
    for column, (points, name) in enumerate(zip(positions, layer_names)):
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in points],
                y=[p[1] for p in points],
                mode="markers",
                marker=dict(size=18, color="white", line=dict(color="#333333", width=2)),
                name=name,
                showlegend=False,
                hovertext=[words("fig.hover.neuron", name=name, i=k + 1) for k in range(len(points))],
                hoverinfo="text",
            )
        )
        fig.add_annotation(x=column, y=1.12, text=f"<b>{name}</b><br>{len(points)}", showarrow=False, font=dict(size=11))
    fig.update_xaxes(visible=False, range=[-0.4, len(layer_sizes) - 0.6])
    fig.update_yaxes(visible=False, range=[-0.1, 1.25])
    return apply_layout(fig, title, height=360)
