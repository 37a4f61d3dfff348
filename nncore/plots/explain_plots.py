"""Figures for explanations; each takes `Explanation` objects (or a global `Importance`).

Colours: blue pushes the explained output up, vermillion pushes it down (Okabe-Ito, as
`DIVERGING_SCALE` "RdBu": red negative, blue positive), and every bar's label carries its
sign too, so nothing depends on colour alone.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from nncore.plots.data_text import FIGURE_LABEL_CHARS, plotly_text, short_label
from nncore.plots.style import DIVERGING_SCALE, PALETTE, apply_layout
from nncore.plots.words import Words, english, worded

POSITIVE, NEGATIVE = PALETTE[0], PALETTE[5]
MAX_BARS = 20
# Global importance methods (nncore.explain.global_views names them) and their figure keys.
IMPORTANCE_KEYS = {"Mean |SHAP|": "fig.mean_shap", "Permutation importance": "fig.permutation_importance"}


def _signed(value: float) -> str:
    return f"{value:+.3g}"


def _target(exp: Any, words: Words) -> str:
    """What was explained: a class's name (data), or "prediction" for a regression."""
    label = exp.output_label
    return words("fig.tick.prediction") if not label or label == "prediction" else worded(label, words)


def _method(exp: Any, words: Words) -> str:
    scaled = exp.params.get("scaled_by") if isinstance(exp.params, dict) else None
    name = worded(exp.method, words)
    return words("fig.method_scaled", method=name, scale=f"{scaled:.2g}") if scaled is not None else name


def _subtitle(exp: Any, words: Words) -> str:
    return words("fig.subtitle", method=worded(exp.method, words), target=_target(exp, words),
                 value=f"{exp.predicted_value:.3g}", seconds=f"{exp.seconds:.2f}")


def _feature_labels(exp: Any, words: Words) -> list[str]:
    names = list(exp.feature_names)
    if len(names) == exp.values.size:
        return names
    return [words("fig.tick.feature_n", n=i) for i in range(exp.values.size)]


def _with_value(name: str, exp: Any, index: int, shown: np.ndarray | None = None) -> str:
    """'name = value', with the value the user knows (`shown`, e.g. original units) when given."""
    source = exp.instance if shown is None else shown
    if source is None:
        return name
    value = float(np.ravel(source)[index])
    # NaN: a grouped one-hot column, whose value (a category) is already in its name.
    return f"{name} = {value:.4g}" if np.isfinite(value) else name


def _fitted(name: str) -> str:
    """A feature name fit for a label: cut to FIGURE_LABEL_CHARS (and then escaped) when longer."""
    return name if len(name) <= FIGURE_LABEL_CHARS else plotly_text(short_label(name))


def _check_kind(exp: Any, kind: str, what: str) -> None:
    if exp.input_kind != kind:
        raise ValueError(f"Expected a {kind} explanation for {what}. Received: a {exp.input_kind} one")


def attribution_bars(
    exp: Any, max_features: int = MAX_BARS, title: str | None = None, shown: np.ndarray | None = None, *, words: Words = english
) -> go.Figure:
    """Tabular: one horizontal bar per feature, largest |value| at the top, signed labels.

    `shown`: the input's values to write beside the names (e.g. in original units); default
    the explained model input."""
    _check_kind(exp, "tabular", "a bar chart")
    values = exp.values.reshape(-1)
    names = _feature_labels(exp, words)
    order = np.argsort(-np.abs(values), kind="stable")[:max_features][::-1]
    fig = go.Figure(
        go.Bar(
            x=values[order],
            y=[_with_value(names[i], exp, i, shown) for i in order],
            orientation="h",
            marker_color=[POSITIVE if values[i] >= 0 else NEGATIVE for i in order],
            text=[_signed(values[i]) for i in order],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>" + words("fig.hover.attribution", v="%{x:+.4g}") + "<extra></extra>",
        )
    )
    fig.update_xaxes(title=words("fig.attribution_axis"), zeroline=True, zerolinecolor="#888888")
    return apply_layout(fig, title or _subtitle(exp, words), height=max(300, 24 * len(order) + 120))


def waterfall(
    exp: Any, max_features: int = 12, title: str | None = None, shown: np.ndarray | None = None, *, words: Words = english
) -> go.Figure:
    """From the base value to the prediction, one step per feature (the rest grouped).

    `shown`: the input's values to write beside the names (e.g. in original units)."""
    _check_kind(exp, "tabular", "a waterfall")
    if exp.base_value is None:
        raise ValueError(f"Expected an explanation with a base value for a waterfall. Received: {exp.method} has none")
    values = exp.values.reshape(-1)
    names = _feature_labels(exp, words)
    order = np.argsort(-np.abs(values), kind="stable")
    top, rest = order[:max_features], order[max_features:]
    # A long column name is cut (whole names squeezed the bars into a sliver: a 300-character
    # name took the figure's width); cut here, as 'name = value' is no data text for show_figure.
    labels = [_with_value(_fitted(names[i]), exp, i, shown) for i in top]
    steps = [float(values[i]) for i in top]
    if len(rest):
        labels.append(words("fig.tick.other_features", n=len(rest)))
        steps.append(float(values[rest].sum()))
    end = exp.base_value + sum(steps)
    # Bars start at E[f(x)] (`base`), not at 0: each feature moves the output from the base
    # value, and the last row (a "total" drawn from the base) ends at the prediction f(x).
    # The base value's row is a zero-length "absolute" bar: a label and a connector, no bar.
    fig = go.Figure(
        go.Waterfall(
            orientation="h",
            base=float(exp.base_value),
            y=[words("fig.tick.base_value"), *labels, words("fig.tick.prediction")][::-1],
            x=[0.0, *steps, 0.0][::-1],
            measure=(["absolute"] + ["relative"] * len(steps) + ["total"])[::-1],
            text=[f"{exp.base_value:.3g}", *(_signed(s) for s in steps), f"{end:.3g}"][::-1],
            textposition="outside",
            cliponaxis=False,  # the outermost value label may stick out past the last bar
            increasing=dict(marker=dict(color=POSITIVE)),
            decreasing=dict(marker=dict(color=NEGATIVE)),
            totals=dict(marker=dict(color="#777777")),
            connector=dict(line=dict(color="#BBBBBB")),
        )
    )
    fig.update_xaxes(title=words("fig.output_for", target=worded(exp.output_label, words)) if exp.output_label and exp.output_label != "prediction"
                     else words("fig.output_for_prediction"))
    return apply_layout(fig, title or _subtitle(exp, words), height=max(320, 26 * (len(labels) + 2) + 120))


def _symmetric_limit(values: Sequence[np.ndarray]) -> float:
    limit = max((float(np.abs(v).max()) for v in values if np.size(v)), default=0.0)
    return limit or 1.0


def _image_values(exp: Any) -> np.ndarray:
    return exp.values.sum(axis=-1) if exp.values.ndim == 3 else exp.values


def _add_image_overlay(
    fig: go.Figure, exp: Any, limit: float, words: Words, row: int | None = None, col: int | None = None, showscale: bool = True
) -> None:
    where = dict(row=row, col=col) if row else {}
    if exp.instance is not None:
        image = exp.instance.mean(axis=-1) if exp.instance.ndim == 3 else exp.instance
        fig.add_trace(go.Heatmap(z=image, colorscale="Greys", showscale=False, hoverinfo="skip"), **where)
    heat = _image_values(exp)
    fig.add_trace(
        go.Heatmap(
            z=heat,
            colorscale=DIVERGING_SCALE,
            zmin=-limit,
            zmax=limit,
            zmid=0,
            opacity=0.6 if exp.instance is not None else 1.0,
            showscale=showscale,
            colorbar=dict(title=words("fig.attribution")),
            hovertemplate=words("fig.hover.row_col", row="%{y}", col="%{x}") + "<br>" + words("fig.hover.attribution", v="%{z:+.4g}")
            + "<extra></extra>",
        ),
        **where,
    )


def image_overlay(exp: Any, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Image: the attributions as a translucent diverging heatmap over the (grey) image.

    The colour range is symmetric around zero, so white means no effect.
    """
    _check_kind(exp, "image", "an image overlay")
    fig = go.Figure()
    _add_image_overlay(fig, exp, _symmetric_limit([_image_values(exp)]), words)
    fig.update_yaxes(autorange="reversed", scaleanchor="x", showticklabels=False)
    fig.update_xaxes(showticklabels=False)
    return apply_layout(fig, title or _subtitle(exp, words), height=420)


def sequence_bars(exp: Any, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Sequence: one bar per time step (summed over the step's features), signed colours."""
    _check_kind(exp, "sequence", "per-step bars")
    per_step = exp.values.sum(axis=-1)
    steps = np.arange(1, len(per_step) + 1)
    fig = go.Figure(
        go.Bar(
            x=steps,
            y=per_step,
            marker_color=[POSITIVE if v >= 0 else NEGATIVE for v in per_step],
            text=[_signed(v) for v in per_step],
            textposition="outside",
            cliponaxis=False,
            hovertemplate=words("fig.hover.step", v="%{x}") + "<br>" + words("fig.hover.attribution", v="%{y:+.4g}") + "<extra></extra>",
        )
    )
    fig.update_xaxes(title=words("fig.time_step"), dtick=1)
    fig.update_yaxes(title=words("fig.attribution"), zeroline=True, zerolinecolor="#888888")
    return apply_layout(fig, title or _subtitle(exp, words))


def explanation_figure(exp: Any, title: str | None = None, *, words: Words = english) -> go.Figure:
    """The default picture for an explanation of any kind of input."""
    drawers = {"tabular": attribution_bars, "image": image_overlay, "sequence": sequence_bars}
    return drawers[exp.input_kind](exp, title=title, words=words)


def scale_to_largest(exp: Any) -> Any:
    """A copy of the explanation divided by its largest |value| (so it spans [-1, 1]).

    Methods measure in different units (a probability change, a gradient, a Grad-CAM
    activation); scaling each to its own largest value compares where they look, not how
    loud they are. An all-zero explanation is returned unchanged.
    """
    from dataclasses import replace

    largest = float(np.abs(exp.values).max()) if exp.values.size else 0.0
    if largest == 0.0:
        return exp
    return replace(exp, values=exp.values / largest, params={**exp.params, "scaled_by": largest})


def compare_explanations(
    explanations: Sequence[Any], max_features: int = 15, title: str | None = None, scale_each: bool = False, *, words: Words = english
) -> go.Figure:
    """Several explanations of the same input side by side, on one shared, symmetric scale.

    By default each method's values are shown as they are, so a method with larger
    attributions looks larger; with `scale_each` every method is divided by its own largest
    |value| first (see `scale_to_largest`), which keeps small-valued methods such as Grad-CAM
    from looking blank. Tabular panels keep one feature order (by the first explanation's
    |value|).
    """
    if not explanations:
        raise ValueError("Expected at least one explanation to compare. Received: none")
    if scale_each:
        explanations = [scale_to_largest(e) for e in explanations]
    kinds = {e.input_kind for e in explanations}
    shapes = {e.values.shape for e in explanations}
    if len(kinds) != 1 or len(shapes) != 1:
        raise ValueError(f"Expected explanations of the same input. Received: kinds {sorted(kinds)}, shapes {sorted(shapes)}")
    kind = kinds.pop()
    n = len(explanations)
    titles = [_method(e, words) for e in explanations]
    fig = make_subplots(rows=1, cols=n, subplot_titles=titles, shared_yaxes=kind != "image", horizontal_spacing=0.04)
    if kind == "image":
        limit = _symmetric_limit([_image_values(e) for e in explanations])
        for i, exp in enumerate(explanations, start=1):
            _add_image_overlay(fig, exp, limit, words, row=1, col=i, showscale=i == n)
            fig.update_yaxes(autorange="reversed", scaleanchor=f"x{i if i > 1 else ''}", showticklabels=False, row=1, col=i)
            fig.update_xaxes(showticklabels=False, row=1, col=i)
        default = words("fig.scaled_each" if scale_each else "fig.comparison_colour")
        return apply_layout(fig, title or default, height=360)
    if kind == "sequence":
        return _compare_sequences(explanations, title or words("fig.scaled_each" if scale_each else "fig.comparison"), words)
    else:
        series = [e.values.reshape(-1) for e in explanations]
        labels = _feature_labels(explanations[0], words)
    limit = _symmetric_limit(series) * 1.15
    order = np.argsort(-np.abs(series[0]), kind="stable")[:max_features][::-1] if kind == "tabular" else np.arange(len(labels))[::-1]
    for i, values in enumerate(series, start=1):
        fig.add_trace(
            go.Bar(
                x=values[order],
                y=[labels[j] for j in order],
                orientation="h",
                marker_color=[POSITIVE if values[j] >= 0 else NEGATIVE for j in order],
                text=[_signed(values[j]) for j in order],
                textposition="auto",
                showlegend=False,
                hovertemplate="%{y}<br>" + words("fig.hover.attribution", v="%{x:+.4g}") + "<extra></extra>",
            ),
            row=1,
            col=i,
        )
        fig.update_xaxes(range=[-limit, limit], zeroline=True, zerolinecolor="#888888", row=1, col=i)
    default = words("fig.scaled_each" if scale_each else "fig.comparison")
    return apply_layout(fig, title or default, height=max(320, 22 * len(order) + 140))


def _compare_sequences(explanations: Sequence[Any], title: str, words: Words) -> go.Figure:
    """The series on top, then one row of per-step bars per method under it, on one x axis
    (the time step) and one shared, symmetric y range."""
    n = len(explanations)
    series = [e.values.sum(axis=-1) for e in explanations]
    steps = np.arange(1, len(series[0]) + 1)
    titles = [words("fig.input_series")] + [_method(e, words) for e in explanations]
    fig = make_subplots(rows=n + 1, cols=1, shared_xaxes=True, subplot_titles=titles, vertical_spacing=0.06)
    instance = explanations[0].instance
    if instance is not None:
        names = list(explanations[0].feature_names)
        for f in range(instance.shape[-1]):
            name = names[f] if f < len(names) else words("fig.tick.feature_n", n=f)
            fig.add_trace(go.Scatter(x=steps, y=instance[:, f], mode="lines+markers", marker=dict(size=4),
                                     line=dict(color=PALETTE[(f + 2) % len(PALETTE)]), name=name, showlegend=False,
                                     hovertemplate=words("fig.hover.step", v="%{x}") + f"<br>{name} %{{y:.3g}}<extra></extra>"),
                          row=1, col=1)
    limit = _symmetric_limit(series) * 1.1
    for i, values in enumerate(series, start=2):
        fig.add_trace(
            go.Bar(x=steps, y=values, marker_color=[POSITIVE if v >= 0 else NEGATIVE for v in values], showlegend=False,
                   hovertemplate=words("fig.hover.step", v="%{x}") + "<br>" + words("fig.hover.attribution", v="%{y:+.4g}")
                   + "<extra></extra>"),
            row=i, col=1,
        )
        fig.update_yaxes(range=[-limit, limit], zeroline=True, zerolinecolor="#888888", row=i, col=1)
    fig.update_xaxes(title=words("fig.time_step"), row=n + 1, col=1)
    return apply_layout(fig, title, height=170 * (n + 1) + 120)


def importance_bars(importance: Any, max_features: int = MAX_BARS, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Global importance (mean |SHAP| or permutation), most important at the top, with spread."""
    shown = importance.top(max_features)
    names = list(shown.feature_names)[::-1]
    spread = np.asarray(shown.spread, dtype=np.float64)[::-1]
    scores = np.asarray(shown.scores, dtype=np.float64)[::-1]
    # A magnitude (mean |SHAP|) cannot be negative, so its whisker stops at zero; a permutation
    # importance can (shuffling a useless feature may help by chance), so its whisker may not.
    below = np.minimum(spread, np.maximum(scores, 0.0)) if importance.method == "Mean |SHAP|" else spread
    fig = go.Figure(
        go.Bar(
            x=scores,
            y=names,
            orientation="h",
            marker_color=PALETTE[0],
            error_x=dict(type="data", symmetric=False, array=spread, arrayminus=below, color="#555555", thickness=1),
            hovertemplate="%{y}<br>%{x:.4g}<extra></extra>",
        )
    )
    method = words(IMPORTANCE_KEYS[importance.method]) if importance.method in IMPORTANCE_KEYS else worded(importance.method, words)
    units = {"accuracy": "fig.accuracy_lost", "mse": "fig.mse_added"}
    metric = importance.params.get("metric")
    fig.update_xaxes(title=words(units[metric]) if metric in units else method)
    return apply_layout(fig, title or method, height=max(300, 24 * len(names) + 120))


def importance_heatmap(grid: np.ndarray, title: str | None = None, units: str | None = None, *, words: Words = english) -> go.Figure:
    """Global importance of each pixel, drawn as the image it belongs to (darker = more)."""
    units = units or words("fig.importance")
    grid = np.asarray(grid, dtype=float)
    if grid.ndim != 2:
        raise ValueError(f"Expected a (height, width) grid of scores. Received: shape {grid.shape}")
    fig = go.Figure(
        go.Heatmap(
            z=grid, colorscale="Blues", colorbar=dict(title=units),
            hovertemplate=words("fig.hover.row_col", row="%{y}", col="%{x}") + f"<br>{units} %{{z:.4g}}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", scaleanchor="x", showticklabels=False)
    fig.update_xaxes(showticklabels=False)
    return apply_layout(fig, title or words("fig.importance_per_pixel"), height=420)


def summary_beeswarm(rows: Any, title: str | None = None, *, words: Words = english) -> go.Figure:
    """SHAP summary: one dot per (example, feature), coloured by the feature's value (low to high)."""
    order = list(rows.order)
    position = {name: len(order) - 1 - i for i, name in enumerate(order)}
    rng = np.random.default_rng(0)  # vertical jitter only, so dots do not hide each other
    y = np.array([position[f] for f in rows.feature], dtype=float) + rng.uniform(-0.3, 0.3, len(rows.feature))
    fig = go.Figure(
        go.Scatter(
            x=rows.shap_value,
            y=y,
            mode="markers",
            marker=dict(color=rows.scaled_value, colorscale="Viridis", cmin=0, cmax=1, size=6, colorbar=dict(title=words("fig.feature_value"), tickvals=[0, 1], ticktext=[words("fig.tick.low"), words("fig.tick.high")])),
            customdata=np.stack([np.array(rows.feature, dtype=object), rows.feature_value], axis=1) if len(rows.feature) else None,
            hovertemplate="%{customdata[0]} = %{customdata[1]:.3g}<br>SHAP %{x:+.4g}<extra></extra>",
        )
    )
    fig.update_yaxes(tickvals=list(range(len(order))), ticktext=order[::-1])
    fig.update_xaxes(title=words("fig.shap_axis"), zeroline=True, zerolinecolor="#888888")
    return apply_layout(fig, title or words("fig.shap_summary"), height=max(320, 28 * len(order) + 120))


def dependence_scatter(dependence: Any, title: str | None = None, *, words: Words = english) -> go.Figure:
    """One feature's SHAP value against its value."""
    fig = go.Figure(go.Scatter(x=dependence.feature_value, y=dependence.shap_value, mode="markers", marker=dict(color=PALETTE[0], size=7)))
    fig.update_xaxes(title=dependence.feature)
    fig.update_yaxes(title=words("fig.shap_value"), zeroline=True, zerolinecolor="#888888")
    return apply_layout(fig, title or words("fig.dependence_on", feature=dependence.feature))


# --- which explanation to trust -------------------------------------------------------------


def agreement_heatmap(agreement: Any, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Two small matrices side by side: Spearman rank correlation and top-k overlap, with the
    number written in every cell (colour alone is not enough on a projector)."""
    names = [worded(name, words) for name in agreement.methods]
    fig = make_subplots(
        rows=1, cols=2, horizontal_spacing=0.18,
        subplot_titles=[words("fig.rank_correlation"), words("fig.top_k_overlap", k=agreement.k)],
    )
    panels = ((agreement.spearman, -1.0, 1.0, DIVERGING_SCALE, 1), (agreement.overlap, 0.0, 1.0, "Blues", 2))
    for matrix, low, high, scale, col in panels:
        text = [["–" if np.isnan(v) else f"{v:.2f}" for v in row] for row in matrix]
        fig.add_trace(
            go.Heatmap(
                z=np.nan_to_num(matrix, nan=0.0), x=names, y=names, zmin=low, zmax=high, colorscale=scale,
                text=text, texttemplate="%{text}", textfont=dict(size=13), showscale=False,
                hovertemplate=words("fig.hover.versus", a="%{y}", b="%{x}", v="%{text}") + "<extra></extra>",
            ),
            row=1, col=col,
        )
        fig.update_yaxes(autorange="reversed", row=1, col=col)
    size = len(names)
    return apply_layout(fig, title, height=max(260, 60 * size + 150))


def faithfulness_figure(
    curves: Sequence[Any], reference: Any | None = None, output_label: str | None = None, title: str | None = None,
    unit: str | None = None, *, words: Words = english,
) -> go.Figure:
    """Deletion (left) and insertion (right) curves, one line per method, area in the legend.

    `reference` (a random ranking's curves) is drawn dashed grey: a faithful method's deletion
    curve lies below it and its insertion curve above it.
    """
    output_label = output_label or words("fig.output")
    unit = unit or words("fig.unit_features")
    fig = make_subplots(
        rows=1, cols=2, horizontal_spacing=0.1,
        subplot_titles=[words("fig.deletion", unit=unit), words("fig.insertion", unit=unit)],
    )
    lines = [(c, PALETTE[i % len(PALETTE)], "solid") for i, c in enumerate(curves)]
    if reference is not None:
        lines.append((reference, "#888888", "dash"))
    for curve, colour, dash in lines:
        # The random ranking's curves are named "random order" by nncore.explain.trust.
        method = words("fig.random_order") if str(curve.method) == "random order" else worded(curve.method, words)
        for col, values, area in ((1, curve.deletion, curve.deletion_area), (2, curve.insertion, curve.insertion_area)):
            fig.add_trace(
                go.Scatter(
                    x=curve.fractions * 100, y=values, mode="lines+markers", marker=dict(size=4),
                    line=dict(color=colour, dash=dash), name=words("fig.method_area", method=method, area=f"{area:.3f}"),
                    legendgroup=f"{method}-{col}", legend="legend" if col == 1 else "legend2",
                    hovertemplate=f"{method}<br>" + words("fig.hover.share_of", v="%{x:.0f}", unit=unit)
                    + f"<br>{output_label} %{{y:.3g}}<extra></extra>",
                ),
                row=1, col=col,
            )
    fig.update_xaxes(title=words("fig.share_removed", unit=unit), row=1, col=1)
    fig.update_xaxes(title=words("fig.share_added", unit=unit), row=1, col=2)
    fig.update_yaxes(title=output_label, row=1, col=1)
    apply_layout(fig, title, height=430 + 22 * len(lines))
    fig.update_layout(
        # No fixed legend colour (#333333 was 1.5:1 on the dark theme): the app draws legend text
        # in the theme's text colour (ui/contrast_css.py), the second legend included.
        legend=dict(orientation="v", yanchor="top", y=-0.2, xanchor="left", x=0.0),
        legend2=dict(orientation="v", yanchor="top", y=-0.2, xanchor="left", x=0.55),
        margin=dict(b=60 + 22 * len(lines)),
    )
    return fig
