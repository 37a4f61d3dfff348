"""Figures for looking inside a network: one input's path through the layers, statistics over
many inputs, weights, and how weights and gradients evolved during training."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from nncore.plots.style import DIVERGING_SCALE, PALETTE, apply_layout, color, legend_below, log_axis, symbol
from nncore.plots.words import Words, english

ACTIVATION_SCALE = "Viridis"
MAX_BARS = 128  # wider dense layers are drawn as a one-row heatmap


def _tile(images: np.ndarray, columns: int, gap: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """(n, h, w) -> one (rows*(h+gap), columns*(w+gap)) image with NaN gaps, and the index
    of the source image per pixel (-1 in gaps): one heatmap trace draws a whole grid fast."""
    n, h, w = images.shape
    columns = max(1, min(columns, n))
    rows = -(-n // columns)
    tiled = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan)
    index = np.full(tiled.shape, -1)
    for k in range(n):
        r, c = divmod(k, columns)
        tiled[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = images[k]
        index[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = k
    return tiled, index


def _tiled_height(tiled: np.ndarray, minimum: int, maximum: int = 700) -> int:
    """A figure height that shows a tiled image at about the page's width (~1,000 px)."""
    aspect = tiled.shape[0] / max(1, tiled.shape[1])
    return int(min(maximum, max(minimum, 80 + 1000 * aspect)))


def _image_axes(fig: go.Figure) -> None:
    fig.update_xaxes(visible=False, constrain="domain")
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x", constrain="domain")


# --- one input ------------------------------------------------------------------------


def unit_bars(
    values: np.ndarray, title: str, unit_labels: Sequence[str] | None = None, highlight: int | None = None, *, words: Words = english
) -> go.Figure:
    """A dense layer's units for one input: one bar per unit, value on hover."""
    values = np.asarray(values, dtype=float).ravel()
    labels = list(unit_labels) if unit_labels is not None else [words("fig.tick.unit_n", k=k) for k in range(len(values))]
    if len(values) > MAX_BARS:
        fig = go.Figure(go.Heatmap(
            z=values[None, :], x=labels, colorscale=ACTIVATION_SCALE, colorbar=dict(title=words("fig.value"), thickness=12),
            hovertemplate="%{x}: %{z:.4g}<extra></extra>",
        ))
        fig.update_yaxes(visible=False)
        fig.update_xaxes(showticklabels=False, title_text=words("fig.units_n", n=len(values)))
        return apply_layout(fig, title, height=160)
    colors = [color(0) if v >= 0 else color(5) for v in values]
    # The followed unit gets a dark outline, not another colour (colours mean the sign).
    widths = [3 if k == highlight else 0 for k in range(len(values))]
    fig = go.Figure(go.Bar(x=labels, y=values, marker=dict(color=colors, line=dict(color="#222222", width=widths)),
                           hovertemplate="%{x}: %{y:.4g}<extra></extra>"))
    fig.update_xaxes(tickangle=-45 if len(values) > 12 else 0, type="category")
    fig.update_yaxes(title_text=words("fig.activation"))
    return apply_layout(fig, title, height=260)


def feature_map_grid(maps: np.ndarray, title: str, columns: int = 8, *, words: Words = english) -> go.Figure:
    """A conv (or pooling) layer's feature maps (h, w, channels) for one input, one small
    image per channel, all on one colour scale."""
    maps = np.asarray(maps, dtype=float)
    images = np.moveaxis(maps, -1, 0)
    tiled, index = _tile(images, columns)
    fig = go.Figure(go.Heatmap(
        z=tiled, customdata=index, colorscale=ACTIVATION_SCALE, colorbar=dict(title=words("fig.value"), thickness=12),
        hovertemplate=words("fig.hover.channel", v="%{customdata}") + "<br>" + words("fig.hover.value", v="%{z:.4g}") + "<extra></extra>",
        hoverongaps=False,
    ))
    _image_axes(fig)
    rows = tiled.shape[0] / max(tiled.shape[1], 1)
    return apply_layout(fig, title, height=int(min(700, max(220, 80 + 520 * rows))))


def hidden_state_over_time(states: np.ndarray, title: str, *, words: Words = english) -> go.Figure:
    """A recurrent layer's hidden state (steps, units) for one input: units down, time across."""
    states = np.asarray(states, dtype=float)
    limit = float(np.abs(states).max()) or 1.0
    fig = go.Figure(go.Heatmap(
        z=states.T, x=np.arange(1, states.shape[0] + 1), colorscale=DIVERGING_SCALE, zmin=-limit, zmax=limit, zmid=0,
        colorbar=dict(title=words("fig.state"), thickness=12),
        hovertemplate=words("fig.hover.step_unit", s="%{x}", u="%{y}") + "<br>%{z:.4g}<extra></extra>",
    ))
    fig.update_xaxes(title_text=words("fig.time_step_read"))
    fig.update_yaxes(title_text=words("fig.unit"))
    return apply_layout(fig, title, height=320)


def probability_bars(
    probabilities: np.ndarray, class_names: Sequence[str], true_class: int | None = None, title: str | None = None, *, words: Words = english
) -> go.Figure:
    """The final probabilities for one input, the true class marked."""
    p = np.asarray(probabilities, dtype=float).ravel()
    names = [str(n) for n in class_names]
    colors = [color(2) if k == true_class else color(0) for k in range(len(p))]
    fig = go.Figure(go.Bar(x=names, y=p, marker_color=colors, text=[f"{v:.0%}" for v in p], textposition="outside",
                           hovertemplate="%{x}: %{y:.3f}<extra></extra>"))
    fig.update_yaxes(range=[0, 1.15], tickformat=".0%", title_text=words("fig.probability"))
    fig.update_xaxes(type="category")
    return apply_layout(fig, title, height=260)


def input_picture(
    x: np.ndarray, input_kind: str, feature_names: Sequence[str] = (), title: str | None = None, *, words: Words = english
) -> go.Figure:
    """The chosen input as the model sees it: an image, a sequence, or bars per feature."""
    x = np.asarray(x, dtype=float)
    if input_kind == "image":
        image = x.mean(axis=-1) if x.ndim == 3 else x
        fig = go.Figure(go.Heatmap(z=image, colorscale="Greys", zmin=0, zmax=1, showscale=False,
                                   hovertemplate=words("fig.hover.row_col_value", row="%{y}", col="%{x}", v="%{z:.2f}") + "<extra></extra>"))
        _image_axes(fig)
        return apply_layout(fig, title, height=260)
    if input_kind == "sequence":
        seq = x if x.ndim == 2 else x[:, None]
        fig = go.Figure(go.Heatmap(z=seq.T, colorscale="Greys", showscale=False,
                                   hovertemplate=words("fig.hover.step_feature", s="%{x}", f="%{y}", v="%{z:.3g}") + "<extra></extra>"))
        fig.update_xaxes(title_text=words("fig.time_step"))
        return apply_layout(fig, title, height=200)
    names = list(feature_names) or [f"x{k}" for k in range(x.size)]
    fig = go.Figure(go.Bar(x=x.ravel(), y=names, orientation="h", marker_color=color(0),
                           hovertemplate="%{y}: %{x:.3g}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title_text=words("fig.value_scaled"))
    return apply_layout(fig, title, height=max(180, 60 + 22 * len(names)))


# --- many inputs -----------------------------------------------------------------------


def activation_histograms(stats: Sequence[Any], title: str | None = None, *, words: Words = english) -> go.Figure:
    """One histogram of activations per layer (LayerUnitStats), side by side."""
    n = len(stats)
    columns = min(4, max(1, n))
    rows = -(-n // columns)
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=[s.layer.name for s in stats],
                        horizontal_spacing=0.06, vertical_spacing=0.18 if rows > 1 else 0.0)
    for k, s in enumerate(stats):
        centers = (s.histogram_edges[:-1] + s.histogram_edges[1:]) / 2
        share = s.histogram_counts / max(1, s.histogram_counts.sum())
        fig.add_trace(go.Bar(x=centers, y=share, marker_color=color(0), showlegend=False,
                             hovertemplate=words("fig.hover.around", a="%{x:.3g}", v="%{y:.1%}") + "<extra></extra>"),
                      row=k // columns + 1, col=k % columns + 1)
    fig.update_layout(bargap=0)
    fig.update_yaxes(tickformat=".0%")
    return apply_layout(fig, title, height=230 * rows + 40)


def unit_health(stats: Sequence[Any], title: str | None = None, *, words: Words = english) -> go.Figure:
    """Per layer, the share of dead (ReLU) and saturated (sigmoid/tanh) units."""
    names = [s.layer.name for s in stats]
    fig = go.Figure([
        go.Bar(x=names, y=[s.dead_share for s in stats], name=words("fig.dead"), marker_color=color(5),
               hovertemplate=words("fig.hover.dead", a="%{x}", v="%{y:.0%}") + "<extra></extra>"),
        go.Bar(x=names, y=[s.saturated_share for s in stats], name=words("fig.saturated"), marker_color=color(1),
               hovertemplate=words("fig.hover.saturated", a="%{x}", v="%{y:.0%}") + "<extra></extra>"),
    ])
    fig.add_hline(y=0.3, line_dash="dot", line_color="#777777")
    # The label sits in the right margin, beside its line: inside the plot it covered the last bar.
    fig.add_annotation(text=words("fig.problem_above"), x=1.01, xref="paper", xanchor="left", y=0.3, yref="y",
                       showarrow=False, font=dict(color="#555555", size=11))
    fig.update_yaxes(range=[0, 1.05], tickformat=".0%", title_text=words("fig.share_of_units"))
    fig.update_layout(barmode="group")
    fig = apply_layout(fig, title, height=300)
    fig.update_layout(margin=dict(r=125))
    return fig


def pca_scatter(
    coords: np.ndarray, explained: np.ndarray, labels: np.ndarray, class_names: Sequence[str] | None, title: str | None = None,
    *, words: Words = english,
) -> go.Figure:
    """A layer's representation projected on its first two principal components."""
    fig = go.Figure()
    if class_names is not None:
        for k, name in enumerate(class_names):
            mask = labels == k
            if mask.any():
                fig.add_trace(go.Scattergl(
                    x=coords[mask, 0], y=coords[mask, 1], mode="markers", name=str(name),
                    marker=dict(color=color(k), symbol=symbol(k), size=6, opacity=0.8),
                    hovertemplate=f"{name}<extra></extra>",
                ))
    else:
        fig.add_trace(go.Scattergl(x=coords[:, 0], y=coords[:, 1], mode="markers", name=words("fig.examples"),
                                   marker=dict(color=labels, colorscale="Cividis", size=6, colorbar=dict(title=words("fig.target")))))
    fig.update_xaxes(title_text=words("fig.component_1", share=f"{explained[0]:.0%}"))
    fig.update_yaxes(title_text=words("fig.component_2", share=f"{explained[1]:.0%}"))
    return legend_below(apply_layout(fig, title, height=400), offset=-0.18)


# --- weights ---------------------------------------------------------------------------


def weight_heatmap(
    kernel: np.ndarray, bias: np.ndarray | None, row_labels: Sequence[str] | None = None, title: str | None = None, *, words: Words = english
) -> go.Figure:
    """A dense kernel (inputs down, units across) with its bias as an extra bottom row."""
    kernel = np.asarray(kernel, dtype=float)
    rows = list(row_labels) if row_labels is not None and len(row_labels) == kernel.shape[0] else [words("fig.tick.in_n", k=k) for k in range(kernel.shape[0])]
    z = kernel
    if bias is not None:
        z = np.vstack([kernel, np.asarray(bias, dtype=float)[None, :]])
        rows = rows + [words("fig.tick.bias")]
    limit = float(np.abs(z).max()) or 1.0
    fig = go.Figure(go.Heatmap(
        z=z, x=[words("fig.tick.unit_n", k=k) for k in range(z.shape[1])], y=rows, colorscale=DIVERGING_SCALE, zmin=-limit, zmax=limit, zmid=0,
        colorbar=dict(title=words("fig.weight"), thickness=12),
        hovertemplate="%{y} → %{x}<br>" + words("fig.hover.weight", v="%{z:+.4f}") + "<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", showticklabels=len(rows) <= 40, type="category")
    fig.update_xaxes(showticklabels=z.shape[1] <= 40, type="category")
    return apply_layout(fig, title, height=int(min(600, max(220, 80 + 14 * len(rows)))))


def kernel_images(images: np.ndarray, title: str | None = None, columns: int = 8, *, words: Words = english) -> go.Figure:
    """Conv filters (filters, h, w) as small images on one diverging scale."""
    tiled, index = _tile(np.asarray(images, dtype=float), columns)
    limit = float(np.nanmax(np.abs(tiled))) or 1.0
    fig = go.Figure(go.Heatmap(
        z=tiled, customdata=index, colorscale=DIVERGING_SCALE, zmin=-limit, zmax=limit, zmid=0,
        colorbar=dict(title=words("fig.weight"), thickness=12), hoverongaps=False,
        hovertemplate=words("fig.hover.filter", v="%{customdata}") + "<br>" + words("fig.hover.weight", v="%{z:+.4f}") + "<extra></extra>",
    ))
    _image_axes(fig)
    return apply_layout(fig, title, height=_tiled_height(tiled, minimum=220))


def weight_histograms(layers: Sequence[Any], title: str | None = None, *, words: Words = english) -> go.Figure:
    """Every layer's weights (LayerWeights) as one histogram each, side by side."""
    n = len(layers)
    columns = min(4, max(1, n))
    rows = -(-n // columns)
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=[f"{w.name} ({w.count:,})" for w in layers],
                        horizontal_spacing=0.06, vertical_spacing=0.18 if rows > 1 else 0.0)
    for k, w in enumerate(layers):
        fig.add_trace(go.Histogram(x=w.all_values, nbinsx=40, marker_color=color(0), showlegend=False,
                                   hovertemplate=words("fig.hover.weights_n", a="%{x}", v="%{y}") + "<extra></extra>"),
                      row=k // columns + 1, col=k % columns + 1)
    fig.update_layout(bargap=0)
    return apply_layout(fig, title, height=230 * rows + 40)


# --- training dynamics -------------------------------------------------------------------


def weight_distribution_over_time(dynamics: Any, layer: str, title: str | None = None, *, words: Words = english) -> go.Figure:
    """One layer's weights over epochs as nested percentile bands (as TensorBoard's
    distributions): min-max, 5-95 and 25-75 percent, and the median."""
    epochs = np.array([r.epoch for r in dynamics.records if layer in r.layers])
    p = np.array([r.layers[layer].weight_percentiles for r in dynamics.records if layer in r.layers])
    fig = go.Figure()
    bands = [(0, 6, words("fig.min_max"), 0.15), (1, 5, "5% – 95%", 0.3), (2, 4, "25% – 75%", 0.5)]
    for low, high, name, opacity in bands:
        fig.add_trace(go.Scatter(x=epochs, y=p[:, high], mode="lines", line=dict(width=0), showlegend=False, hoverinfo="skip"))
        fig.add_trace(go.Scatter(
            x=epochs, y=p[:, low], mode="lines", line=dict(width=0), fill="tonexty", name=name,
            fillcolor=f"rgba(0,114,178,{opacity})", hoverinfo="skip",
        ))
    fig.add_trace(go.Scatter(x=epochs, y=p[:, 3], mode="lines", name=words("fig.median"), line=dict(color=PALETTE[7], width=2),
                             hovertemplate=words("fig.hover.epoch_median", e="%{x}", v="%{y:.4f}") + "<extra></extra>"))
    fig.update_xaxes(title_text=words("fig.epoch"))
    fig.update_yaxes(title_text=words("fig.weight_value"))
    return legend_below(apply_layout(fig, title, height=340), offset=-0.32, bottom_margin=90)


def gradient_norms_over_time(dynamics: Any, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Each layer's gradient norm over epochs on a log scale: lines far below the others mean
    vanishing gradients (that layer barely learns), lines shooting up mean exploding ones."""
    fig = go.Figure()
    low, high = np.inf, 0.0
    for k, name in enumerate(dynamics.layer_names):
        epochs, norms = dynamics.series(name, "gradient_norm")
        norms = np.maximum(norms, 1e-12)
        if norms.size:
            low, high = min(low, float(norms.min())), max(high, float(norms.max()))
        fig.add_trace(go.Scatter(
            x=epochs, y=norms, mode="lines+markers", name=name, marker=dict(size=4, symbol=symbol(k)),
            line=dict(color=color(k)), hovertemplate=f"{name}<br>" + words("fig.hover.epoch_value", e="%{x}", v="%{y:.3g}") + "<extra></extra>",
        ))
    fig.update_yaxes(**log_axis([low, high] if high > 0 else [], words("fig.gradient_norm"), words))
    fig.update_xaxes(title_text=words("fig.epoch"))
    return legend_below(apply_layout(fig, title, height=360), offset=-0.28, bottom_margin=85)


def activation_stats_over_time(dynamics: Any, field: str, label: str, title: str | None = None, *, words: Words = english) -> go.Figure:
    """One activation statistic (a LayerDynamics field) per layer over epochs."""
    fig = go.Figure()
    for k, name in enumerate(dynamics.layer_names):
        epochs, values = dynamics.series(name, field)
        if not np.isfinite(values).any():  # not measured for this layer (the output layer)
            continue
        fig.add_trace(go.Scatter(x=epochs, y=values, mode="lines", name=name, line=dict(color=color(k)),
                                 hovertemplate=f"{name}<br>" + words("fig.hover.epoch_value", e="%{x}", v="%{y:.3g}") + "<extra></extra>"))
    fig.update_xaxes(title_text=words("fig.epoch"))
    if "share" in field:
        fig.update_yaxes(title_text=label, tickformat=".0%", range=[0, 1.05])
    else:
        fig.update_yaxes(title_text=label)
    return legend_below(apply_layout(fig, title, height=320), offset=-0.35, bottom_margin=90)


# --- 2-D data: what each hidden neuron responds to ---------------------------------------


def neuron_maps(
    xs: np.ndarray, ys: np.ndarray, maps: dict[str, np.ndarray], columns: int = 8, title: str | None = None, hover_values: bool = True,
    *, words: Words = english,
) -> go.Figure:
    """Small maps, one per hidden unit, of its activation over the plane (as in TensorFlow
    Playground): each layer starts a new row, `maps[layer]` is (steps, steps, units).

    Drawn as one tiled heatmap (one trace, not one subplot per unit) so a live refresh of
    dozens of maps costs milliseconds. Each map is scaled by its own largest magnitude: the
    picture shows where a unit is positive or negative, its hover the actual value
    (`hover_values=False` leaves the values out: half the data to send, for live refreshes).
    """
    width = max(1, min(columns, max(m.shape[-1] for m in maps.values())))
    steps = next(iter(maps.values())).shape[0]
    tiles, values, labels = [], [], []
    for name, layer_maps in maps.items():
        units = layer_maps.shape[-1]
        for u in range(units):
            z = layer_maps[:, :, u].astype(float)
            limit = float(np.abs(z).max()) or 1.0
            tiles.append(z[::-1] / limit)  # row 0 at the top: flip so the plane keeps y up
            values.append(z[::-1])
            labels.append(f"{name} · {u}")
        for _ in range(-units % width):  # pad the layer's last row
            tiles.append(np.full((steps, steps), np.nan))
            values.append(np.full((steps, steps), np.nan))
            labels.append("")
    gap = max(2, steps // 3)  # room for the next row's labels
    tiled, _ = _tile(np.stack(tiles), width, gap=gap)
    hover = dict(hoverinfo="skip")
    if hover_values:
        raw, _ = _tile(np.stack(values), width, gap=gap)
        hover = dict(customdata=np.round(raw, 4), hovertemplate=words("fig.hover.output", v="%{customdata:.3f}") + "<extra></extra>")
    fig = go.Figure(go.Heatmap(
        z=np.round(tiled, 3), colorscale=DIVERGING_SCALE, zmin=-1, zmax=1, zmid=0, showscale=False, hoverongaps=False, **hover,
    ))
    # One layout update for all labels: adding annotations one by one is slow in Plotly.
    fig.update_layout(annotations=[
        dict(x=(k % width) * (steps + gap) + (steps - 1) / 2, y=(k // width) * (steps + gap) - 0.5, text=label,
             showarrow=False, yanchor="bottom", font=dict(size=10))
        for k, label in enumerate(labels) if label
    ])
    _image_axes(fig)
    rows = -(-len(tiles) // width)
    fig.update_yaxes(range=[tiled.shape[0] - 0.5, -gap - 2])  # room for the top row's labels
    return apply_layout(fig, title, height=int(min(900, max(180, 60 + rows * 140))))


def image_tiles(images: np.ndarray, labels: Sequence[str], columns: int = 8, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Images (n, h, w[, c]) in [0, 1] as one tiled heatmap with a label under each: one
    trace instead of one subplot per image, so a gallery redraws in milliseconds."""
    images = np.asarray(images, dtype=float)
    if images.ndim == 4:
        images = images.mean(axis=-1)
    n, h, w = images.shape
    gap = max(1, h // 4)
    tiled, index = _tile(images, columns, gap=gap)
    fig = go.Figure(go.Heatmap(
        z=tiled, customdata=index, colorscale="Greys", zmin=0, zmax=1, showscale=False, hoverongaps=False,
        hovertemplate=words("fig.hover.image", i="%{customdata}", v="%{z:.2f}") + "<extra></extra>",
    ))
    columns = max(1, min(columns, n))
    for k, label in enumerate(labels):
        r, c = divmod(k, columns)
        fig.add_annotation(x=c * (w + gap) + (w - 1) / 2, y=r * (h + gap) + h - 0.5, yshift=-2, text=str(label), showarrow=False,
                           yanchor="top", font=dict(size=10))
    _image_axes(fig)
    return apply_layout(fig, title, height=_tiled_height(tiled, minimum=160) + 20)
