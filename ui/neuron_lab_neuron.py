"""Neuron lab, section 1: what one artificial neuron computes, and how each activation bends."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.neuron.activations import ACTIVATIONS, flat_regions
from nncore.neuron.artificial import neuron_output
from nncore.plots.neuron_plots import activation_grid, single_neuron_diagram
from ui.i18n import t, t_latex
from ui.render import show_figure
from ui.shared_figures import shared_figure

FLAT_FRACTION = 0.05  # "flat" = slope under 5% of the curve's steepest slope


def latex_number(value: float, digits: int = 2) -> str:
    """A number for a LaTeX formula, negative ones in brackets so signs read clearly."""
    text = f"{value:.{digits}f}"
    return f"({text})" if value < 0 else text


def _flat_text(key: str) -> str:
    flat = flat_regions(key, FLAT_FRACTION)
    parts = []
    if flat.left is not None:
        parts.append(f"z < {flat.left:.1f}")
    if flat.right is not None:
        parts.append(f"z > {flat.right:.1f}")
    return t("lab.and").join(parts) if parts else t("lab.never")


def render_one_neuron() -> None:
    st.markdown(t("lab.neuron_intro"))
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        n_inputs = st.radio(
            t("lab.n_inputs"), (2, 3), horizontal=True, key="neuron_lab_n_inputs",
            help=t("lab.n_inputs_help"),
        )
        inputs, weights = [], []
        for i in range(n_inputs):
            c1, c2 = st.columns(2)
            inputs.append(c1.slider(
                t("lab.input", i=i + 1), -2.0, 2.0, step=0.1, key=f"neuron_lab_x{i + 1}",
                help=t("lab.input_help"),
            ))
            weights.append(c2.slider(
                t("lab.weight", i=i + 1), -3.0, 3.0, step=0.1, key=f"neuron_lab_w{i + 1}",
                help=t("lab.weight_help"),
            ))
        bias = st.slider(
            t("lab.bias"), -3.0, 3.0, step=0.1, key="neuron_lab_bias",
            help=t("lab.bias_help"),
        )
        activation = st.selectbox(
            t("lab.activation"), list(ACTIVATIONS), format_func=lambda k: ACTIVATIONS[k].label,
            key="neuron_lab_activation", help=t("lab.activation_help"),
        )
    out = neuron_output(inputs, weights, bias)
    act = ACTIVATIONS[activation]
    with picture:
        # Shared by every session at the same settings (ui/shared_figures.py): the starting
        # values are everyone's first view of this page.
        diagram = shared_figure("neuron_diagram", (out.inputs, out.weights, out.bias, activation),
                                lambda: single_neuron_diagram(out, activation, words=t))
        show_figure(diagram, key="neuron_lab_neuron_diagram")
        terms = " + ".join(f"w_{i + 1}x_{i + 1}" for i in range(n_inputs))
        numbers = " + ".join(f"{latex_number(w)} \\cdot {latex_number(x)}" for w, x in zip(weights, inputs))
        st.markdown(t("lab.weighted_sum"))
        st.latex(
            rf"\begin{{aligned}} z &= {terms} + b \\ &= {numbers} + {latex_number(bias)}"
            rf" \\ &= \mathbf{{{out.z:.3f}}} \end{{aligned}}"
        )
        st.markdown(t("lab.activation_step", name=act.label))
        st.latex(rf"{act.formula}")
        st.latex(
            rf"a = \mathrm{{{act.label.replace(' ', '')}}}({out.z:.3f}) = \mathbf{{{out.outputs[activation]:.4f}}}"
            rf"\qquad \text{{{t_latex('lab.tex.slope')} }} f'(z) = {out.slopes[activation]:.4f}"
        )

    st.subheader(t("lab.every_activation"))
    st.caption(t("lab.every_activation_caption", z=f"{out.z:.3f}"))
    table = pd.DataFrame(
        {
            "activation": [a.label for a in ACTIVATIONS.values()],
            "output a = f(z)": [round(out.outputs[k], 4) for k in ACTIVATIONS],
            "slope f′(z)": [round(out.slopes[k], 4) for k in ACTIVATIONS],
            "output range": [t(f"lab.range.{k}") for k in ACTIVATIONS],
            "flat (slope < 5% of its max) where": [_flat_text(k) for k in ACTIVATIONS],
        }
    )
    st.dataframe(
        table, hide_index=True, width="stretch", key="neuron_lab_activation_table",
        column_config={
            "activation": st.column_config.Column(t("lab.col.activation")),
            # Four decimals in every row ("0.6000" beside "0.6457", not "0.6"), as in the formula above.
            "output a = f(z)": st.column_config.NumberColumn(t("lab.col.output"), format="%.4f"),
            "slope f′(z)": st.column_config.NumberColumn(t("lab.col.slope"), format="%.4f"),
            "output range": st.column_config.Column(t("lab.col.range")),
            "flat (slope < 5% of its max) where": st.column_config.Column(t("lab.col.flat")),
        },
    )
    # The six-panel grid costs the browser more than the rest of the page together (opening
    # the page took 0.40 s with it, 0.14 s without), so it is drawn on request; the table
    # above already compares every activation's numbers.
    every = st.toggle(t("lab.draw_every"), key="neuron_lab_draw_every", help=t("lab.draw_every_help"))
    shown = None if every else [activation]
    grid = shared_figure("activation_grid", (out.z, FLAT_FRACTION, None if shown is None else tuple(shown)),
                         lambda: activation_grid(out.z, FLAT_FRACTION, keys=shown, words=t))
    show_figure(grid, key="neuron_lab_activation_grid")
    st.info(f"**{act.label}**: {t(f'lab.act_note.{activation}')}", icon=":material/info:")
    with st.expander(t("lab.vanishing"), expanded=False):
        st.markdown(t("lab.vanishing_text"))
        st.latex(r"0.25^{10} \approx 9.5 \times 10^{-7}")
        st.markdown(t("lab.vanishing_relu"))
