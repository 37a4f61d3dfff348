"""Neuron lab, section 1: what one artificial neuron computes, and how each activation bends."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.neuron.activations import ACTIVATIONS, flat_regions
from nncore.neuron.artificial import neuron_output
from nncore.plots.neuron_plots import activation_grid, single_neuron_diagram
from ui.render import show_figure

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
    return " and ".join(parts) if parts else "never"


def render_one_neuron() -> None:
    st.markdown(
        "An artificial neuron does two small things. It **adds up its inputs, each multiplied by a "
        "weight** (how much that input matters, and whether it pushes up or down), plus a **bias** "
        "(its own starting level). Then it passes that sum through an **activation function** that "
        "decides how strongly it responds. Move the sliders and watch every number change."
    )
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        n_inputs = st.radio(
            "Number of inputs", (2, 3), horizontal=True, key="neuron_lab_n_inputs",
            help="How many signals come into the neuron.",
        )
        inputs, weights = [], []
        for i in range(n_inputs):
            c1, c2 = st.columns(2)
            inputs.append(c1.slider(
                f"Input x{i + 1}", -2.0, 2.0, step=0.1, key=f"neuron_lab_x{i + 1}",
                help="A signal arriving at the neuron, for example a measurement or another neuron's output.",
            ))
            weights.append(c2.slider(
                f"Weight w{i + 1}", -3.0, 3.0, step=0.1, key=f"neuron_lab_w{i + 1}",
                help="How much this input counts. Negative: the input pushes the neuron down instead of up. "
                "Learning means adjusting these numbers.",
            ))
        bias = st.slider(
            "Bias b", -3.0, 3.0, step=0.1, key="neuron_lab_bias",
            help="The neuron's own starting level, added to the sum: it makes the neuron easier or "
            "harder to switch on.",
        )
        activation = st.selectbox(
            "Activation function", list(ACTIVATIONS), format_func=lambda k: ACTIVATIONS[k].label,
            key="neuron_lab_activation",
            help="The rule that turns the sum into the neuron's output. All six are drawn below; "
            "this one is used in the picture and the formulas.",
        )
    out = neuron_output(inputs, weights, bias)
    act = ACTIVATIONS[activation]
    with picture:
        show_figure(single_neuron_diagram(out, activation), key="neuron_lab_neuron_diagram")
        terms = " + ".join(f"w_{i + 1}x_{i + 1}" for i in range(n_inputs))
        numbers = " + ".join(f"{latex_number(w)} \\cdot {latex_number(x)}" for w, x in zip(weights, inputs))
        st.markdown("**1. Weighted sum** — multiply each input by its weight, add them up, add the bias:")
        st.latex(
            rf"\begin{{aligned}} z &= {terms} + b \\ &= {numbers} + {latex_number(bias)}"
            rf" \\ &= \mathbf{{{out.z:.3f}}} \end{{aligned}}"
        )
        st.markdown(f"**2. Activation** — pass the sum through {act.label}:")
        st.latex(rf"{act.formula}")
        st.latex(
            rf"a = \mathrm{{{act.label.replace(' ', '')}}}({out.z:.3f}) = \mathbf{{{out.outputs[activation]:.4f}}}"
            rf"\qquad \text{{slope }} f'(z) = {out.slopes[activation]:.4f}"
        )

    st.subheader("The same sum through every activation")
    st.caption(
        f"Your weighted sum is z = {out.z:.3f}. Each activation turns it into a different output. "
        "The slope is how much the output moves when z moves a little; learning is driven by it."
    )
    table = pd.DataFrame(
        {
            "activation": [a.label for a in ACTIVATIONS.values()],
            "output a = f(z)": [round(out.outputs[k], 4) for k in ACTIVATIONS],
            "slope f′(z)": [round(out.slopes[k], 4) for k in ACTIVATIONS],
            "output range": [a.output_range for a in ACTIVATIONS.values()],
            "flat (slope < 5% of its max) where": [_flat_text(k) for k in ACTIVATIONS],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", key="neuron_lab_activation_table")
    show_figure(activation_grid(out.z, FLAT_FRACTION), key="neuron_lab_activation_grid")
    st.info(f"**{act.label}:** {act.note}", icon=":material/info:")
    with st.expander("Why flat curves slow learning (vanishing gradients)", expanded=False):
        st.markdown(
            "A network learns by asking, for each weight, *if I nudge this a little, how much does the "
            "error change?* The answer is a chain of slopes multiplied together, one per layer the "
            "signal passed through (the chain rule). Where an activation is flat its slope is close to "
            "zero, so the product, and with it the weight's update, is close to zero: the neuron "
            "barely learns. Across many layers it gets worse: the sigmoid's slope is at most 0.25, so "
            "ten sigmoid layers shrink the signal by at least"
        )
        st.latex(r"0.25^{10} \approx 9.5 \times 10^{-7}")
        st.markdown(
            "This is why modern networks mostly use ReLU-like activations in hidden layers: their "
            "slope is exactly 1 for positive sums."
        )
