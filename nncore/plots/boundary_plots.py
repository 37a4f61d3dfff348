"""The decision boundary (or regression surface) under the data points."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from nncore.inspect.boundary import PlaneGrid
from nncore.plots.style import PALETTE, apply_layout, color, symbol
from nncore.plots.words import Words, english


def decision_boundary(grid: PlaneGrid, dataset, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Shaded model output with the test points on top; the 50% line drawn for two classes."""
    fig = go.Figure()
    if grid.kind == "probability":
        # Class 0's colour to class 1's, through white where the model is unsure.
        scale = [[0.0, PALETTE[0]], [0.5, "#FFFFFF"], [1.0, PALETTE[1]]]
        fig.add_trace(go.Heatmap(
            x=grid.xs, y=grid.ys, z=grid.value, zmin=0, zmax=1, colorscale=scale, opacity=0.55,
            colorbar=dict(title=f"P({dataset.class_names[1]})", thickness=12),
            hovertemplate="x1 %{x:.2f}, x2 %{y:.2f}<br>P = %{z:.2f}<extra></extra>",
        ))
        fig.add_trace(go.Contour(
            x=grid.xs, y=grid.ys, z=grid.value, contours=dict(start=0.5, end=0.5, coloring="none"),
            line=dict(color="#333333", width=2), showscale=False, hoverinfo="skip", name=words("fig.boundary_50"),
        ))
    elif grid.kind == "class":
        n = dataset.n_classes
        scale = []
        for k in range(n):
            scale += [[k / n, color(k)], [(k + 1) / n, color(k)]]
        fig.add_trace(go.Heatmap(
            x=grid.xs, y=grid.ys, z=grid.value, zmin=-0.5, zmax=n - 0.5, colorscale=scale, opacity=0.45,
            showscale=False, hovertemplate="x1 %{x:.2f}, x2 %{y:.2f}<br>" + words("fig.hover.class", v="%{z}") + "<extra></extra>",
        ))
    else:
        fig.add_trace(go.Heatmap(
            x=grid.xs, y=grid.ys, z=grid.value, colorscale="Cividis", opacity=0.8,
            colorbar=dict(title=dataset.target_name, thickness=12),
            hovertemplate="x1 %{x:.2f}, x2 %{y:.2f}<br>" + words("fig.hover.prediction", v="%{z:.3g}") + "<extra></extra>",
        ))
    x, y = dataset.x_test, dataset.y_test
    if dataset.task == "classification":
        for k, name in enumerate(dataset.class_names):
            mask = y == k
            fig.add_trace(go.Scatter(
                x=x[mask, 0], y=x[mask, 1], mode="markers", name=words("fig.name_test", name=name),
                marker=dict(color=color(k), symbol=symbol(k), size=7, line=dict(color="white", width=1)),
            ))
    else:
        fig.add_trace(go.Scatter(
            x=x[:, 0], y=x[:, 1], mode="markers", name=words("fig.test_points"),
            marker=dict(color=np.asarray(dataset.preprocessing.inverse_target(y)), colorscale="Cividis",
                        size=7, line=dict(color="white", width=1)),
        ))
    fig.update_xaxes(title_text=dataset.feature_names[0], range=[grid.xs[0], grid.xs[-1]], constrain="domain")
    fig.update_yaxes(title_text=dataset.feature_names[1], range=[grid.ys[0], grid.ys[-1]],
                     scaleanchor="x", scaleratio=1, constrain="domain")
    return apply_layout(fig, title, height=420)
