"""Figures for the neuron lab: one neuron, activation curves, spiking cells, learning rules and
the tiny network's backpropagation. Pure functions: numbers in, plotly Figure out.

Meaning never rests on colour alone: a curve and its slope differ by dash, classes by marker
symbol, negative weights are dashed edges.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from nncore.neuron.activations import ACTIVATIONS, activate, flat_regions, slope
from nncore.neuron.artificial import NeuronOutput
from nncore.neuron.backprop import BackwardPass, ForwardPass, TinyMLP, TinyMLPParams
from nncore.neuron.learning_rules import RULE_LABELS, LearningHistory, LearningProblem
from nncore.neuron.problems import TinyProblem
from nncore.neuron.rate_coding import RateFit
from nncore.neuron.spiking import SPIKE_PEAK_MV, FICurve, SpikeTrace, lif_rate_theory
from nncore.plots.style import NEUTRAL, apply_layout, color, legend_below, symbol
from nncore.plots.words import Words, english

POSITIVE, NEGATIVE = color(0), color(5)  # blue / vermillion, as the app's other weight plots
NODE_FILL, NODE_LINE = "#F4F4F4", "#444444"
LABEL_BG = "rgba(255,255,255,0.85)"
LABEL_COLOR = "#1F1F1F"
PHASES = ("forward", "loss", "backward", "update")


def _num(value: float, digits: int = 3) -> str:
    """Short, fixed-looking numbers for labels: 0.123, -1.5e-05."""
    value = float(value)
    if value != 0 and (abs(value) < 10 ** -digits or abs(value) >= 1e4):
        return f"{value:.{max(digits - 1, 1)}e}"
    return f"{value:.{digits}f}"


def _hide_axes(fig: go.Figure, x_range: Sequence[float], y_range: Sequence[float]) -> None:
    fig.update_xaxes(visible=False, range=list(x_range), fixedrange=True)
    fig.update_yaxes(visible=False, range=list(y_range), fixedrange=True)


def _edge(fig: go.Figure, x0: float, y0: float, x1: float, y1: float, weight: float, hover: str) -> None:
    width = float(np.clip(1.0 + 2.0 * abs(weight), 1.0, 7.0))
    fig.add_trace(
        go.Scatter(
            x=[x0, x1], y=[y0, y1], mode="lines", showlegend=False, hoverinfo="text", hovertext=hover,
            line=dict(color=POSITIVE if weight >= 0 else NEGATIVE, width=width, dash="solid" if weight >= 0 else "dash"),
        )
    )


def _label(fig: go.Figure, x: float, y: float, text: str, size: int = 12, **kwargs) -> None:
    fig.add_annotation(
        x=x, y=y, text=text, showarrow=False, font=dict(size=size, color=LABEL_COLOR), bgcolor=LABEL_BG, borderpad=2,
        **kwargs,
    )


def _nodes(fig: go.Figure, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str], size: int = 34) -> None:
    fig.add_trace(
        go.Scatter(
            x=list(xs), y=list(ys), mode="markers+text", text=list(texts), textfont=dict(size=12),
            marker=dict(size=size, color=NODE_FILL, line=dict(color=NODE_LINE, width=2)),
            hoverinfo="skip", showlegend=False,
        )
    )


def _rule(rule: str, words: Words) -> str:
    """A learning rule's name (nncore.neuron.learning_rules.RULE_LABELS in English)."""
    return words(f"fig.rule.{rule}") if rule in RULE_LABELS else rule


def _legend_under_diagram(fig: go.Figure) -> go.Figure:
    """The weight legend under a diagram: at the top right, Plotly's toolbar covered it."""
    return legend_below(fig, offset=-0.02, bottom_margin=40)


def _weight_legend(fig: go.Figure, words: Words) -> None:
    """Two legend-only entries explaining edge style (they draw nothing)."""
    for name, col, dash in ((words("fig.positive_weight"), POSITIVE, "solid"), (words("fig.negative_weight"), NEGATIVE, "dash")):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=name, line=dict(color=col, dash=dash, width=3)))


# ---------------------------------------------------------------- one artificial neuron


def single_neuron_diagram(output: NeuronOutput, activation: str, title: str | None = None, *, words: Words = english) -> go.Figure:
    """Inputs -> weights -> sum node -> activation -> output, every number written on it."""
    n = len(output.inputs)
    ys = np.linspace(1.0, -1.0, n) if n > 1 else np.array([0.0])
    x_sum, x_act, x_end = 2.0, 3.2, 4.0
    fig = go.Figure()
    for i, (w, y) in enumerate(zip(output.weights, ys)):
        _edge(fig, 0.0, y, x_sum, 0.0, w, f"w{i + 1} = {w:.2f}")
        _label(fig, 0.5 * x_sum, 0.5 * y, f"× w{i + 1} = {_num(w, 2)}")
    _edge(fig, x_sum, 0.0, x_act, 0.0, 1.0, words("fig.hover.weighted_sum"))
    _edge(fig, x_act, 0.0, x_end, 0.0, 1.0, words("fig.output"))
    _nodes(fig, [0.0] * n, ys, [f"x{i + 1}" for i in range(n)])
    _nodes(fig, [x_sum, x_act], [0.0, 0.0], ["Σ", "f"], size=44)
    for i, (x, y) in enumerate(zip(output.inputs, ys)):
        _label(fig, -0.2, y, f"x{i + 1} = {_num(x, 2)}", xanchor="right")
    _label(fig, 0.5 * (x_sum + x_act), 0.22, f"z = {_num(output.z)}", yanchor="bottom")
    # Below and right of Σ: straight below it, the label crossed the bottom input's edge.
    _label(fig, x_sum - 0.1, -0.42, words("fig.plus_bias", value=_num(output.bias, 2)), xanchor="left", yanchor="top")
    _label(fig, x_act, -0.3, f"{ACTIVATIONS[activation].label}(z)", yanchor="top")
    _label(fig, x_end + 0.05, 0.0, f"<b>a = {_num(output.outputs[activation])}</b>", size=14, xanchor="left")
    _weight_legend(fig, words)
    _hide_axes(fig, (-1.0, 5.0), (-1.3, 1.3))
    return _legend_under_diagram(apply_layout(fig, title, height=300))


def activation_grid(
    z: float, fraction: float = 0.05, z_span: float = 6.0, title: str | None = None,
    keys: Sequence[str] | None = None, *, words: Words = english,
) -> go.Figure:
    """Each activation's curve (solid) and slope (dashed) with the current z marked, one panel
    per activation in `keys` (default: every one, three to a row); the shaded bands are where
    the slope is below `fraction` of its largest value (flat)."""
    keys = list(keys) if keys is not None else list(ACTIVATIONS)
    cols = min(3, len(keys))
    rows = -(-len(keys) // cols)
    fig = make_subplots(
        rows=rows, cols=cols, subplot_titles=[ACTIVATIONS[k].label for k in keys],
        horizontal_spacing=0.06, vertical_spacing=0.16,
    )
    lo, hi = min(-z_span, z - 1.0), max(z_span, z + 1.0)
    grid = np.linspace(lo, hi, 400)
    traces, rows_of, cols_of, shapes = [], [], [], []
    for index, key in enumerate(keys):
        first = index == 0
        f, d = activate(key, grid), slope(key, grid)
        fz, dz = float(activate(key, z)), float(slope(key, z))
        traces += [
            go.Scatter(x=grid, y=f, mode="lines", name=words("fig.f_output"), legendgroup="f", showlegend=first,
                       line=dict(color=color(0), width=2.5)),
            go.Scatter(x=grid, y=d, mode="lines", name=words("fig.f_slope"), legendgroup="d", showlegend=first,
                       line=dict(color=color(1), width=2.5, dash="dash")),
            go.Scatter(x=[z], y=[fz], mode="markers", name=words("fig.your_z_output"), legendgroup="pf", showlegend=first,
                       marker=dict(color=color(0), size=11, symbol="circle", line=dict(color="black", width=1)),
                       hovertemplate=f"z = {z:.3f}<br>f(z) = {fz:.4f}<extra></extra>"),
            go.Scatter(x=[z], y=[dz], mode="markers", name=words("fig.your_z_slope"), legendgroup="pd", showlegend=first,
                       marker=dict(color=color(1), size=11, symbol="square", line=dict(color="black", width=1)),
                       hovertemplate=f"z = {z:.3f}<br>f′(z) = {dz:.4f}<extra></extra>"),
        ]
        rows_of += [index // cols + 1] * 4
        cols_of += [index % cols + 1] * 4
        # Shapes written directly against the subplot's axes: Plotly's add_vrect/add_vline with
        # row/col search every subplot per call, which made this figure cost 150 ms to build.
        axis = "" if index == 0 else str(index + 1)
        on_subplot = dict(xref=f"x{axis}", yref=f"y{axis} domain", y0=0, y1=1)
        flat = flat_regions(key, fraction)
        for x0, x1 in ((lo, flat.left), (flat.right, hi)):
            if x0 is not None and x1 is not None and x1 > x0:
                shapes.append(dict(type="rect", x0=x0, x1=x1, fillcolor="#999999", opacity=0.18, line_width=0,
                                   layer="below", **on_subplot))
        shapes.append(dict(type="line", x0=z, x1=z, line=dict(color="#777777", width=1, dash="dot"), **on_subplot))
    fig.add_traces(traces, rows=rows_of, cols=cols_of)
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=words("fig.grey_band"),
                             marker=dict(color="#BBBBBB", size=12, symbol="square")))
    fig.update_layout(shapes=shapes)
    fig.update_xaxes(zeroline=True, zerolinecolor="#CCCCCC")
    fig.update_yaxes(zeroline=True, zerolinecolor="#CCCCCC")
    fig = apply_layout(fig, title, height=560 if rows > 1 else 360)
    legend_below(fig, -0.06 if rows > 1 else -0.14, 70)
    return fig


# ---------------------------------------------------------------- spiking cells


def membrane_trace(
    trace: SpikeTrace, threshold_mv: float | None, current_unit: str = "nA", title: str | None = None, *, words: Words = english
) -> go.Figure:
    """Spike train (ticks), membrane potential (spikes drawn as lines up to a peak) and the
    input current, over the same time axis."""
    fig = make_subplots(
        rows=3, cols=1, shared_xaxes=True, row_heights=[0.12, 0.6, 0.28], vertical_spacing=0.05,
        subplot_titles=(words("fig.spike_train"), words("fig.membrane_mv"), words("fig.input_current_unit", unit=current_unit)),
    )
    spikes = np.asarray(trace.spike_times)
    fig.add_trace(go.Scatter(
        x=spikes, y=np.zeros_like(spikes), mode="markers", name=words("fig.spike"),
        marker=dict(symbol="line-ns-open", size=18, line=dict(width=2, color=NEUTRAL)),
        hovertemplate=words("fig.hover.spike_at", v="%{x:.1f}") + "<extra></extra>",
    ), row=1, col=1)
    fig.add_trace(go.Scatter(x=trace.t, y=trace.v, mode="lines", name=words("fig.membrane"),
                             line=dict(color=color(0), width=1.8),
                             hovertemplate="%{x:.1f} ms: %{y:.1f} mV<extra></extra>"), row=2, col=1)
    if threshold_mv is not None:
        if len(spikes):
            # A LIF spike is an event, not part of V: draw it as a stroke from threshold to a peak.
            xs = np.repeat(spikes, 3)
            ys = np.tile([threshold_mv, SPIKE_PEAK_MV, np.nan], len(spikes))
            xs[2::3] = np.nan
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=words("fig.spike_drawn"), showlegend=False,
                                     line=dict(color=color(0), width=1.8), hoverinfo="skip"), row=2, col=1)
        fig.add_trace(go.Scatter(x=[trace.t[0], trace.t[-1]], y=[threshold_mv] * 2, mode="lines", name=words("fig.threshold"),
                                 line=dict(color=color(5), dash="dash", width=1.5)), row=2, col=1)
    fig.add_trace(go.Scatter(x=trace.t[:-1], y=trace.current, mode="lines", name=words("fig.input_current"),
                             line=dict(color=color(2), width=2, shape="hv"),
                             hovertemplate="%{x:.1f} ms: %{y:.2f}<extra></extra>"), row=3, col=1)
    fig.update_yaxes(visible=False, range=[-1, 1], row=1, col=1)
    fig.update_xaxes(title_text=words("fig.time_ms"), row=3, col=1)
    fig = apply_layout(fig, title, height=480)
    legend_below(fig, -0.12, 80)
    return fig


def fi_curve_plot(
    fi: FICurve, fits: Sequence[RateFit], current_now: float | None = None, title: str | None = None, *, words: Words = english
) -> go.Figure:
    """Firing rate against current: simulated cells (markers), the textbook formula (line),
    ReLU and softplus fitted to the same points, the threshold and the rate ceiling."""
    fig = go.Figure()
    dense = np.linspace(fi.currents.min(), fi.currents.max(), 400)
    fig.add_trace(go.Scatter(x=dense, y=lif_rate_theory(dense, fi.params), mode="lines", name=words("fig.lif_formula"),
                             line=dict(color=color(0), width=2.5)))
    fig.add_trace(go.Scatter(x=fi.currents, y=fi.rates, mode="markers", name=words("fig.simulated_lif"),
                             marker=dict(color=color(0), symbol="circle", size=7, line=dict(color="white", width=1)),
                             hovertemplate=words("fig.hover.rate", i="%{x:.2f}", v="%{y:.1f}") + "<extra></extra>"))
    styles = {"ReLU": (color(1), "dash"), "softplus": (color(2), "dot")}
    for fit in fits:
        col, dash = styles.get(fit.name, (color(3), "dashdot"))
        fig.add_trace(go.Scatter(x=dense, y=fit.predict(dense), mode="lines", line=dict(color=col, dash=dash, width=2.5),
                                 name=words("fig.fit_off_by", name=fit.name, value=f"{fit.rmse:.0f}")))
    ceiling = fi.params.max_rate_hz
    if np.isfinite(ceiling):
        fig.add_hline(y=ceiling, line=dict(color="#555555", dash="dashdot", width=1.5),
                      annotation_text=words("fig.ceiling", value=f"{ceiling:.0f}"), annotation_position="top")
    fig.add_vline(x=fi.params.threshold_current, line=dict(color=color(5), dash="dot", width=1.5),
                  annotation_text=words("fig.threshold_na", value=f"{fi.params.threshold_current:.2f}"), annotation_position="top right")
    if current_now is not None:
        rate_now = float(lif_rate_theory(current_now, fi.params))
        fig.add_trace(go.Scatter(x=[current_now], y=[rate_now], mode="markers", name=words("fig.your_current"),
                                 marker=dict(color=color(7), symbol="star", size=16)))
    top = max(float(np.nanmax(fi.rates)) if fi.rates.size else 0.0, ceiling if np.isfinite(ceiling) else 0.0)
    fig.update_yaxes(title_text=words("fig.firing_rate"), range=[-0.04 * top, 1.15 * top])
    fig.update_xaxes(title_text=words("fig.input_current_na"))
    fig = apply_layout(fig, title, height=440)
    legend_below(fig, -0.18, 110)
    return fig


# ---------------------------------------------------------------- learning rules


def learning_rule_histories(
    histories: Sequence[LearningHistory], problem: LearningProblem, title: str | None = None, *, words: Words = english
) -> go.Figure:
    """Each rule's two weights over the updates; dotted lines where they should end up."""
    titles = [
        _rule(h.rule, words) + ("<br>" + words("fig.stopped_at", n=h.blew_up_at) if h.blew_up_at else "")
        for h in histories
    ]
    fig = make_subplots(rows=1, cols=len(histories), horizontal_spacing=0.07, subplot_titles=titles)
    for col, history in enumerate(histories, start=1):
        steps = np.arange(len(history.weights))
        reference = {"delta": (words("fig.teachers_weights"), problem.teacher), "oja": (words("fig.main_direction"), problem.principal)}
        for i in range(2):
            fig.add_trace(go.Scatter(
                x=steps, y=history.weights[:, i], mode="lines", name=f"w{i + 1}", legendgroup=f"w{i + 1}",
                showlegend=col == 1, line=dict(color=color(i), width=2, dash="solid" if i == 0 else "dash"),
                hovertemplate=words("fig.hover.update", u="%{x}", v=f"w{i + 1} = %{{y:.3f}}") + "<extra></extra>",
            ), row=1, col=col)
        if history.rule in reference:
            label, target = reference[history.rule]
            if history.rule == "oja" and history.final @ target < 0:
                target = -target  # Oja may land on either end of the same direction
            for i in range(2):
                fig.add_trace(go.Scatter(
                    x=[steps[0], steps[-1]], y=[target[i]] * 2, mode="lines", name=words("fig.end_point", label=label),
                    legendgroup=f"t{history.rule}", showlegend=i == 0,
                    line=dict(color=NEUTRAL, width=1.5, dash="dot"), hoverinfo="skip",
                ), row=1, col=col)
        fig.update_xaxes(title_text=words("fig.update"), row=1, col=col)
    fig = apply_layout(fig, title, height=380)
    legend_below(fig, -0.2, 90)
    return fig


def learning_rule_directions(
    histories: Sequence[LearningHistory], problem: LearningProblem, title: str | None = None, *, words: Words = english
) -> go.Figure:
    """The inputs as a cloud and where each rule's weight vector points at the end."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=problem.x[:, 0], y=problem.x[:, 1], mode="markers", name=words("fig.inputs"),
                             marker=dict(color="#AAAAAA", size=6, symbol="circle")))
    arrows = []
    styles = {"delta": (color(1), "solid"), "oja": (color(2), "dash"), "hebb": (color(3), "dashdot")}
    for history in histories:
        w = history.final
        if history.rule == "hebb":
            # Only its direction means anything once it has exploded; drawn longer than Oja's
            # (length 1) so both show when they point the same way.
            w = 1.6 * w / (np.linalg.norm(w) or 1.0)
        name = _rule(history.rule, words)
        arrows.append((words("fig.direction_only", rule=name) if history.rule == "hebb" else name, w, *styles[history.rule]))
    arrows.append((words("fig.teachers_weights"), problem.teacher, NEUTRAL, "dot"))  # last: on top of the delta rule's
    for name, w, col, dash in arrows:
        fig.add_trace(go.Scatter(x=[0, w[0]], y=[0, w[1]], mode="lines+markers", name=name,
                                 line=dict(color=col, width=3, dash=dash),
                                 marker=dict(symbol=["circle", "arrow"], angleref="previous", size=[4, 14], color=col)))
    lim = float(max(np.abs(problem.x).max(), 1.3)) * 1.05
    # Equal scales so the arrows' angles are true; "domain" shrinks the plot, not the range.
    fig.update_xaxes(title_text=words("fig.x1_w1"), range=[-lim, lim], zeroline=True, constrain="domain")
    fig.update_yaxes(title_text=words("fig.x2_w2"), range=[-lim, lim], zeroline=True, scaleanchor="x", scaleratio=1, constrain="domain")
    fig = apply_layout(fig, title, height=480)
    legend_below(fig, -0.15, 110)
    return fig


# ---------------------------------------------------------------- the tiny network


def _layout_positions(n_inputs: int, n_hidden: int) -> tuple[np.ndarray, np.ndarray]:
    hidden = np.linspace((n_hidden - 1) / 2, -(n_hidden - 1) / 2, n_hidden) * 1.1
    inputs = np.linspace(0.75, -0.75, n_inputs) if n_inputs > 1 else np.array([0.0])
    return inputs, hidden


def network_diagram(
    params: TinyMLPParams,
    forward: ForwardPass,
    example: int,
    phase: str,
    target: float,
    loss: float | None = None,
    backward: BackwardPass | None = None,
    after: TinyMLPParams | None = None,
    hidden_label: str = "f",
    title: str | None = None,
    *,
    words: Words = english,
) -> go.Figure:
    """The 2-H-1 network with the numbers of one training phase written on it.

    Nodes show one example's weighted sum z and activation a (and its delta once the backward
    pass has run); edges show the weights, then their gradients, then old -> new weights.
    Gradients and updates are for the whole batch; node numbers for example `example`.
    """
    if phase not in PHASES:
        raise ValueError(f"Expected a phase among: {', '.join(PHASES)}. Received: {phase!r}")
    n_in, n_hidden = params.n_inputs, params.n_hidden
    y_in, y_hid = _layout_positions(n_in, n_hidden)
    x_in, x_hid, x_out = 0.0, 2.2, 4.6
    fig = go.Figure()
    show_grad = phase in ("backward", "update") and backward is not None
    show_new = phase == "update" and after is not None

    def edge_text(old: float, grad: float, new: float) -> str:
        if show_new:
            return f"{_num(old, 2)} → <b>{_num(new, 2)}</b>"
        if show_grad:
            return f"∂L/∂w = {_num(grad)}"
        return f"w = {_num(old, 2)}"

    # Stagger labels along the edges (input 1's near its node, input 2's further on) so the
    # labels of edges that meet at a node do not sit on top of each other.
    for i in range(n_in):
        t = 0.22 if i == 0 else 0.62
        for j in range(n_hidden):
            w = params.w1[i, j]
            _edge(fig, x_in, y_in[i], x_hid, y_hid[j], w, words("fig.hover.input_hidden", a=i + 1, b=j + 1, v=f"{w:.4f}"))
            g = backward.grads.w1[i, j] if show_grad else 0.0
            new = after.w1[i, j] if show_new else w
            _label(fig, x_in + t * (x_hid - x_in), y_in[i] + t * (y_hid[j] - y_in[i]), edge_text(w, g, new))
    for j in range(n_hidden):
        w = params.w2[j]
        _edge(fig, x_hid, y_hid[j], x_out, 0.0, w, words("fig.hover.hidden_output", a=j + 1, v=f"{w:.4f}"))
        g = backward.grads.w2[j] if show_grad else 0.0
        new = after.w2[j] if show_new else w
        t = 0.72  # past the hidden nodes' own labels, short of the output node
        _label(fig, x_hid + t * (x_out - x_hid), y_hid[j] + t * (0.0 - y_hid[j]), edge_text(w, g, new))

    k = example
    _nodes(fig, [x_in] * n_in, y_in, [f"x{i + 1}" for i in range(n_in)])
    _nodes(fig, [x_hid] * n_hidden, y_hid, [f"h{j + 1}" for j in range(n_hidden)])
    _nodes(fig, [x_out], [0.0], ["ŷ"])
    for i in range(n_in):
        _label(fig, x_in - 0.22, y_in[i], f"x{i + 1} = {_num(forward.x[k, i], 2)}", xanchor="right")

    def bias_text(old: float, grad: float, new: float) -> str:
        if show_new:
            return f"b: {_num(old, 2)} → <b>{_num(new, 2)}</b>"
        if show_grad:
            return f"∂L/∂b = {_num(grad)}"
        return f"b = {_num(old, 2)}"

    for j in range(n_hidden):
        lines = [f"z = {_num(forward.z1[k, j])}", f"a = {hidden_label}(z) = {_num(forward.a1[k, j])}"]
        if show_grad:
            lines.append(f"δ = {_num(backward.delta1[k, j])}")
        lines.append(bias_text(params.b1[j], backward.grads.b1[j] if show_grad else 0.0, after.b1[j] if show_new else 0.0))
        # On the side away from the centre line, where this node's edge to the output is not.
        above = y_hid[j] >= 0
        _label(fig, x_hid + 0.12, y_hid[j] + (0.12 if above else -0.12), "<br>".join(lines), xanchor="left",
               yanchor="bottom" if above else "top", align="left")
    out_lines = [f"z = {_num(forward.z2[k])}", f"ŷ = σ(z) = <b>{_num(forward.a2[k])}</b>", words("fig.target_y", value=f"{target:g}")]
    if phase != "forward" and loss is not None:
        out_lines.append(words("fig.loss_all", value=_num(loss, 4)))
    if show_grad:
        out_lines.append(f"δ = ∂L/∂z = {_num(backward.delta2[k])}")
    out_lines.append(bias_text(params.b2, backward.grads.b2 if show_grad else 0.0, after.b2 if show_new else 0.0))
    _label(fig, x_out + 0.25, 0.0, "<br>".join(out_lines), size=12, xanchor="left", align="left")
    _weight_legend(fig, words)
    top = max(y_hid.max(), y_in.max())
    _hide_axes(fig, (-1.3, 6.9), (-top - 0.75, top + 0.75))
    return _legend_under_diagram(apply_layout(fig, title, height=max(460, 200 + 120 * n_hidden)))


def loss_curve(losses: Sequence[float], accuracies: Sequence[float], title: str | None = None, *, words: Words = english) -> go.Figure:
    """Loss (solid, left) and accuracy (dashed, right) per step."""
    steps = np.arange(len(losses))
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(go.Scatter(x=steps, y=list(losses), mode="lines", name=words("fig.loss"), line=dict(color=color(0), width=2.5)),
                  secondary_y=False)
    fig.add_trace(go.Scatter(x=steps, y=list(accuracies), mode="lines", name=words("fig.accuracy"),
                             line=dict(color=color(1), width=2, dash="dash")), secondary_y=True)
    fig.update_xaxes(title_text=words("fig.training_step"), rangemode="tozero")
    fig.update_yaxes(title_text=words("fig.loss"), rangemode="tozero", secondary_y=False)
    fig.update_yaxes(title_text=words("fig.accuracy"), range=[0, 1.05], dtick=0.25, tickformat=".0%", secondary_y=True, showgrid=False)
    fig = apply_layout(fig, title, height=440)
    legend_below(fig, -0.22, 100)
    return fig


def decision_boundary(
    model: TinyMLP, params: TinyMLPParams, problem: TinyProblem, highlight: int | None = None,
    resolution: int = 120, title: str | None = None, *, words: Words = english,
) -> go.Figure:
    """The network's probability of class 1 over the plane, its 0.5 line and the points."""
    lo, hi = problem.x.min(axis=0), problem.x.max(axis=0)
    pad = 0.25 * np.maximum(hi - lo, 1.0)
    g1 = np.linspace(lo[0] - pad[0], hi[0] + pad[0], resolution)
    g2 = np.linspace(lo[1] - pad[1], hi[1] + pad[1], resolution)
    mesh = np.stack(np.meshgrid(g1, g2), axis=-1).reshape(-1, 2)
    prob = model.predict(params, mesh).reshape(resolution, resolution)
    fig = go.Figure()
    fig.add_trace(go.Heatmap(x=g1, y=g2, z=prob, zmin=0, zmax=1, colorscale=[[0, "#FBE3C2"], [0.5, "#FFFFFF"], [1, "#D6E9F8"]],
                             colorbar=dict(title=words("fig.p_class_1"), thickness=12),
                             hovertemplate=words("fig.hover.p_class_1", v="%{z:.2f}") + "<extra></extra>"))
    if prob.min() < 0.5 < prob.max():
        fig.add_trace(go.Contour(x=g1, y=g2, z=prob, contours=dict(start=0.5, end=0.5, size=1, coloring="none"),
                                 line=dict(color="black", width=2.5), showscale=False, name=words("fig.boundary_p"),
                                 showlegend=True, hoverinfo="skip"))
    for cls in (0, 1):
        mask = problem.y == cls
        fig.add_trace(go.Scatter(x=problem.x[mask, 0], y=problem.x[mask, 1], mode="markers", name=words("fig.tick.class_n", c=cls),
                                 marker=dict(color=color(1 if cls == 0 else 0), symbol=symbol(cls), size=12 if len(problem.y) <= 8 else 8,
                                             line=dict(color="black", width=1))))
    if highlight is not None:
        fig.add_trace(go.Scatter(x=[problem.x[highlight, 0]], y=[problem.x[highlight, 1]], mode="markers",
                                 name=words("fig.followed_example"), marker=dict(symbol="circle-open", size=24, color="black", line=dict(width=3))))
    fig.update_xaxes(title_text="x1", range=[g1[0], g1[-1]])
    fig.update_yaxes(title_text="x2", range=[g2[0], g2[-1]], scaleanchor="x", scaleratio=1, constrain="domain")
    fig.update_xaxes(constrain="domain")
    fig = apply_layout(fig, title, height=460)
    legend_below(fig, -0.2, 110)
    return fig
