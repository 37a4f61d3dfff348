"""Evaluation figures: confusion matrix, ROC / PR, calibration, regression fits, error galleries.

Each function draws an nncore.evaluate result; nothing is computed here beyond layout.
Curves differ by dash and marker as well as colour, so they read in greyscale too.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from nncore.evaluate.classification import Calibration, Curve
from nncore.plots.style import apply_layout, color, legend_below, symbol
from nncore.plots.words import Words, english

DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
CHANCE_LINE = dict(color="#777777", dash="dot", width=1.5)


def _dash(index: int) -> str:
    return DASHES[index % len(DASHES)]


def confusion_matrix_figure(
    confusion: np.ndarray, class_names: Sequence[str], normalized: bool = False, title: str | None = None, *, words: Words = english
) -> go.Figure:
    """Rows are the true class, columns the predicted one; each cell shows its number."""
    counts = np.asarray(confusion, dtype=np.float64)
    if normalized:
        totals = counts.sum(axis=1, keepdims=True)
        values = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
        text = [[f"{v:.0%}" for v in row] for row in values]
        hover = f"{words('fig.hover.true', v='%{y}')}<br>{words('fig.hover.predicted', v='%{x}')}<br>{words('fig.hover.share_of_class', v='%{z:.1%}')}<extra></extra>"
    else:
        values = counts
        text = [[f"{int(v)}" for v in row] for row in values]
        hover = f"{words('fig.hover.true', v='%{y}')}<br>{words('fig.hover.predicted', v='%{x}')}<br>{words('fig.hover.examples', v='%{z:.0f}')}<extra></extra>"
    names = [str(c) for c in class_names]
    k = len(names)
    fig = go.Figure(
        go.Heatmap(
            z=values, x=names, y=names, text=text, texttemplate="%{text}",
            textfont=dict(size=14 if k <= 5 else 11), colorscale="Blues", showscale=False,
            zmin=0, zmax=1 if normalized else max(1.0, float(values.max())), hovertemplate=hover, xgap=1, ygap=1,
        )
    )
    fig.update_xaxes(title_text=words("fig.predicted_class"), type="category", side="bottom")
    fig.update_yaxes(title_text=words("fig.true_class"), type="category", autorange="reversed")
    return apply_layout(fig, title, height=max(340, min(560, 90 + 42 * k)))


MAX_CURVE_POINTS = 400  # per drawn curve: finer than the chart's pixels


def thinned(x: np.ndarray, y: np.ndarray, max_points: int = MAX_CURVE_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """A curve with at most about `max_points` points that keeps its shape: walking along it,
    a point is kept each time the path (|dx| + |dy|) has grown by another 1/max_points of its
    length, so every dropped point lies within that distance of a kept one.

    A ROC or precision-recall curve has a point per distinct score: 14,000 for the MNIST-sized
    test set, which made ten classes' curves 3.8 MB to send to the browser.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(x) <= max_points:
        return x, y
    path = np.concatenate([[0.0], np.cumsum(np.abs(np.diff(x)) + np.abs(np.diff(y)))])
    step = path[-1] / max_points
    if step == 0:
        return x[[0, -1]], y[[0, -1]]
    bins = np.floor(path / step)
    keep = np.concatenate([[True], bins[1:] != bins[:-1]])
    keep[-1] = True
    return x[keep], y[keep]


def _curves_figure(curves: Sequence[Curve], kind: str, title: str | None, words: Words) -> go.Figure:
    fig = go.Figure()
    if kind == "roc":
        fig.add_trace(go.Scatter(x=[0, 1], y=[0, 1], mode="lines", line=CHANCE_LINE, name=words("fig.guessing_auc")))
    for i, curve in enumerate(curves):
        area_key = "fig.curve_auc" if kind == "roc" else "fig.curve_ap"
        x, y = thinned(curve.x, curve.y)
        fig.add_trace(
            go.Scatter(
                x=x, y=y, mode="lines+markers", name=words(area_key, label=curve.label, area=f"{curve.area:.2f}"),
                line=dict(color=color(i), dash=_dash(i), width=2, shape="hv" if kind == "pr" else "linear"),
                # A few markers per curve tell curves apart without colour, without clutter.
                marker=dict(symbol=symbol(i), size=7, maxdisplayed=10),
                hovertemplate=(
                    (words("fig.hover.fpr", v="%{x:.2f}") + "<br>" + words("fig.hover.tpr", v="%{y:.2f}") if kind == "roc"
                     else words("fig.hover.recall", v="%{x:.2f}") + "<br>" + words("fig.hover.precision", v="%{y:.2f}"))
                    + f"<extra>{curve.label}</extra>"
                ),
            )
        )
    if kind == "roc":
        fig.update_xaxes(title_text=words("fig.fpr"), range=[-0.01, 1.01])
        fig.update_yaxes(title_text=words("fig.tpr"), range=[-0.01, 1.02])
    else:
        if len(curves) == 1:
            fig.add_hline(y=curves[0].baseline, line=CHANCE_LINE,
                          annotation_text=words("fig.guessing_n", value=f"{curves[0].baseline:.2f}"), annotation_position="bottom left")
        fig.update_xaxes(title_text=words("fig.recall"), range=[-0.01, 1.01])
        fig.update_yaxes(title_text=words("fig.precision"), range=[-0.01, 1.02])
    fig = apply_layout(fig, title, height=420)
    # Many classes: the legend goes to the right, where it can grow downwards.
    if len(curves) > 3:
        fig.update_layout(legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.02), margin=dict(r=10))
    return fig


def roc_figure(curves: Sequence[Curve], title: str | None = None, *, words: Words = english) -> go.Figure:
    return _curves_figure(curves, "roc", title, words)


def pr_figure(curves: Sequence[Curve], title: str | None = None, *, words: Words = english) -> go.Figure:
    return _curves_figure(curves, "pr", title, words)


def calibration_figure(cal: Calibration, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Reliability diagram above, how many examples fell in each bin below."""
    centers = (cal.edges[:-1] + cal.edges[1:]) / 2
    widths = np.diff(cal.edges)
    filled = cal.counts > 0
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.72, 0.28], vertical_spacing=0.06)
    fig.add_trace(go.Scatter(x=[0, 1], y=[0, 1], mode="lines", line=CHANCE_LINE, name=words("fig.perfectly_calibrated")), row=1, col=1)
    fig.add_trace(
        go.Scatter(
            x=cal.confidence[filled], y=cal.observed[filled], mode="lines+markers", name=words("fig.this_model"),
            line=dict(color=color(0), width=2), marker=dict(symbol="circle", size=9),
            customdata=cal.counts[filled],
            hovertemplate="<br>".join((words("fig.hover.said", v="%{x:.0%}"), words("fig.hover.was_right", v="%{y:.0%}"),
                                       words("fig.hover.examples", v="%{customdata}"))) + "<extra></extra>",
        ),
        row=1, col=1,
    )
    fig.add_trace(
        go.Bar(x=centers, y=cal.counts, width=widths * 0.9, marker_color=color(4), name=words("fig.examples_per_bin"),
               showlegend=False, hovertemplate=words("fig.hover.examples", v="%{y}") + "<extra></extra>"),
        row=2, col=1,
    )
    said = words("fig.said_positive" if cal.kind == "positive" else "fig.said_confidence")
    got = words("fig.got_positive" if cal.kind == "positive" else "fig.got_correct")
    fig.update_xaxes(range=[0, 1], tickformat=".0%", row=1, col=1)
    fig.update_xaxes(range=[0, 1], tickformat=".0%", title_text=said, row=2, col=1)
    fig.update_yaxes(range=[-0.02, 1.02], tickformat=".0%", title_text=got, row=1, col=1)
    fig.update_yaxes(title_text=words("fig.examples"), row=2, col=1)
    return apply_layout(fig, title, height=460)


def predicted_vs_true_figure(y_true: np.ndarray, y_pred: np.ndarray, units: str = "", title: str | None = None, *, words: Words = english) -> go.Figure:
    lo = float(min(np.min(y_true), np.min(y_pred))) if len(y_true) else 0.0
    hi = float(max(np.max(y_true), np.max(y_pred))) if len(y_true) else 1.0
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=[lo, hi], y=[lo, hi], mode="lines", line=CHANCE_LINE, name=words("fig.perfect")))
    fig.add_trace(
        go.Scatter(x=y_true, y=y_pred, mode="markers", name=words("fig.test_examples"),
                   marker=dict(color=color(0), symbol="circle", size=7, opacity=0.7, line=dict(width=0.5, color="white")),
                   hovertemplate=words("fig.hover.true", v="%{x:.4g}") + "<br>" + words("fig.hover.predicted", v="%{y:.4g}") + "<extra></extra>")
    )
    fig.update_xaxes(title_text=words("fig.true_units", units=units).strip() if units else words("fig.true"))
    fig.update_yaxes(title_text=words("fig.predicted_units", units=units).strip() if units else words("fig.predicted"),
                     scaleanchor="x", scaleratio=1)
    return apply_layout(fig, title, height=420)


def residual_figure(y_pred: np.ndarray, residuals: np.ndarray, units: str = "", title: str | None = None, *, words: Words = english) -> go.Figure:
    fig = go.Figure()
    fig.add_hline(y=0, line=CHANCE_LINE)
    fig.add_trace(
        go.Scatter(x=y_pred, y=residuals, mode="markers", name=words("fig.true_minus_predicted"),
                   marker=dict(color=color(5), symbol="diamond", size=7, opacity=0.7),
                   hovertemplate=words("fig.hover.predicted", v="%{x:.4g}") + "<br>" + words("fig.hover.true_minus_predicted", v="%{y:.4g}")
                   + "<extra></extra>")
    )
    fig.update_xaxes(title_text=words("fig.predicted_units", units=units).strip() if units else words("fig.predicted"))
    fig.update_yaxes(title_text=words("fig.residual_axis"))
    return apply_layout(fig, title, height=420)


def residual_histogram(residuals: np.ndarray, title: str | None = None, *, words: Words = english) -> go.Figure:
    fig = go.Figure(
        go.Histogram(x=residuals, nbinsx=min(40, max(5, len(residuals) // 5)), marker_color=color(2),
                     marker_line=dict(color="white", width=1), name=words("fig.residuals"),
                     hovertemplate="%{x}<br>" + words("fig.hover.examples", v="%{y}") + "<extra></extra>")
    )
    fig.add_vline(x=0, line=CHANCE_LINE)
    fig.update_xaxes(title_text=words("fig.residual_axis"))
    fig.update_yaxes(title_text=words("fig.examples"))
    return apply_layout(fig, title, height=420)


def _grid(n: int, columns: int) -> tuple[int, int]:
    columns = max(1, min(columns, n))
    return (n + columns - 1) // columns, columns


def image_gallery(images: np.ndarray, captions: Sequence[str], columns: int = 6, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Images (n, h, w[, c]) in [0, 1], captioned, drawn as the Data page draws its examples."""
    from nncore.plots.data_plots import image_grid

    fig = image_grid(np.clip(np.asarray(images, dtype=np.float32), 0.0, 1.0), list(captions), columns=columns, title=title, words=words)
    rows = -(-len(captions) // max(1, min(columns, len(captions))))
    fig.update_layout(height=60 + 165 * rows, margin=dict(l=10, r=10, t=70 if title else 40, b=10))
    fig.update_annotations(font_size=12)
    return fig


def sequence_gallery(
    sequences: np.ndarray, captions: Sequence[str], feature_names: Sequence[str] = (), columns: int = 4,
    title: str | None = None, true_next: np.ndarray | None = None, predicted_next: np.ndarray | None = None,
    *, words: Words = english,
) -> go.Figure:
    """Small line plots of (n, steps, features) sequences; many features become a heat map.

    For a forecast, `true_next` and `predicted_next` are drawn one step after each series
    (a star for the truth, an x for the model's guess).
    """
    sequences = np.asarray(sequences, dtype=np.float64)
    n = len(sequences)
    rows, cols = _grid(max(n, 1), columns)
    height = 90 + 170 * rows
    # About 60 px between rows: room for the tick labels above and the caption below.
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=list(captions), horizontal_spacing=0.04,
                        vertical_spacing=min(0.3, 60 / height) if rows > 1 else 0.0)
    n_features = sequences.shape[2] if sequences.ndim == 3 else 1
    for i in range(n):
        r, c = divmod(i, cols)
        seq = sequences[i].reshape(len(sequences[i]), -1)
        if n_features <= 3:
            for j in range(n_features):
                name = feature_names[j] if j < len(feature_names) else words("fig.tick.feature_n", n=j + 1)
                fig.add_trace(
                    go.Scatter(y=seq[:, j], mode="lines", line=dict(color=color(j), dash=_dash(j), width=1.5),
                               name=name, legendgroup=name, showlegend=i == 0 and n_features > 1,
                               hovertemplate=words("fig.hover.step", v="%{x}") + f"<br>{name} %{{y:.3g}}<extra></extra>"),
                    row=r + 1, col=c + 1,
                )
            if true_next is not None and predicted_next is not None:
                after = len(seq)
                for value, key, mark, idx in ((true_next[i], "true_next", "star", 7), (predicted_next[i], "predicted", "x", 5)):
                    name = words(f"fig.{key}")
                    fig.add_trace(
                        go.Scatter(x=[after], y=[value], mode="markers", name=name, legendgroup=name,
                                   showlegend=i == 0, marker=dict(symbol=mark, size=11, color=color(idx)),
                                   hovertemplate=words(f"fig.hover.{key}", v="%{y:.4g}") + "<extra></extra>"),
                        row=r + 1, col=c + 1,
                    )
        else:
            fig.add_trace(go.Heatmap(z=seq, colorscale="Greys", showscale=False,
                                     hovertemplate=words("fig.hover.step", v="%{y}") + "<br>" + words("fig.hover.feature", v="%{x}")
                                     + "<br>%{z:.3g}<extra></extra>"),
                          row=r + 1, col=c + 1)
            fig.update_yaxes(autorange="reversed", row=r + 1, col=c + 1)
    fig.update_xaxes(showticklabels=n_features <= 3)
    fig.update_yaxes(showticklabels=False)
    fig = apply_layout(fig, title, height=height)
    fig.update_annotations(font_size=12)
    # Below the panels: above them the legend would sit on the first row's captions.
    legend_below(fig, -0.06, 60)
    return fig


def learning_curves_summary(history: Any, loss_label: str = "", *, words: Words = english) -> go.Figure:
    """Training and validation loss only, small: the picture behind the diagnosis. `loss_label`
    is the loss formula's name; the axis says "Loss (<formula>)"."""
    from nncore.plots.style import TRAIN_DASH, VALIDATION_DASH
    from nncore.plots.training_plots import loss_title

    epochs = [r.epoch for r in history]
    fig = go.Figure()
    for i, (name, attr, dash, mark) in enumerate(
        ((words("fig.training_loss"), "loss", TRAIN_DASH, "circle"), (words("fig.validation_loss"), "val_loss", VALIDATION_DASH, "square"))
    ):
        fig.add_trace(go.Scatter(x=epochs, y=[getattr(r, attr) for r in history],
                                 mode="lines+markers" if len(epochs) <= 30 else "lines", name=name,
                                 line=dict(color=color(i), dash=dash, width=2), marker=dict(symbol=mark, size=5)))
    fig.update_xaxes(title_text=words("fig.epoch"), dtick=1 if len(epochs) <= 10 else None)  # no "epoch 2.5"
    fig.update_yaxes(title_text=loss_title(loss_label, words))
    return apply_layout(fig, None, height=300)
