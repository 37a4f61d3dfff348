"""Neuron lab, section 3: a single neuron learning by the delta rule and by Hebb's rule."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from nncore.neuron.learning_rules import RULE_LABELS, RULES, make_problem, train_rule
from nncore.plots.neuron_plots import learning_rule_directions, learning_rule_histories
from ui.render import show_figure


def render_learning_rules() -> None:
    st.markdown(
        "How should a neuron change its weights? Two very different answers, tried on the **same** "
        "inputs: 100 points from a stretched cloud, and a *teacher* who says what the output should "
        "be for each (its own weights are −0.5 and 1.0). The neuron here simply outputs its weighted "
        "sum, y = w₁x₁ + w₂x₂, and sees the points one at a time."
    )
    c1, c2, c3 = st.columns(3)
    learning_rate = c1.select_slider(
        "Learning rate", options=[0.005, 0.01, 0.02, 0.05, 0.1, 0.2], key="neuron_lab_rule_lr",
        help="How big each adjustment is. Too small: slow. Too big: the weights overshoot and swing.",
    )
    epochs = c2.slider(
        "Passes over the data", 1, 40, key="neuron_lab_rule_epochs",
        help="How many times the neuron sees all 100 points.",
    )
    seed = c3.number_input(
        "Random seed", 0, 999, key="neuron_lab_rule_seed",
        help="Picks a different random cloud and order of points; the same number gives the same result.",
    )
    problem = make_problem(seed=int(seed))
    histories = [train_rule(rule, problem, float(learning_rate), int(epochs), seed=int(seed)) for rule in RULES]

    f1, f2, f3 = st.columns(3)
    with f1:
        st.markdown("**Delta rule** (gradient descent): move the weights to shrink the error.")
        st.latex(r"w \leftarrow w + \eta\,(t - y)\,x")
    with f2:
        st.markdown("**Plain Hebb**: strengthen a weight when input and output are active together.")
        st.latex(r"w \leftarrow w + \eta\,y\,x")
    with f3:
        st.markdown("**Oja's rule**: Hebb, plus a term that makes weights fade as they grow.")
        st.latex(r"w \leftarrow w + \eta\,y\,(x - y\,w)")
    st.caption("η is the learning rate, x the input, y the neuron's output, t the teacher's answer.")
    show_figure(learning_rule_histories(histories, problem), key="neuron_lab_rule_histories")

    rows = []
    for h in histories:
        rows.append({
            "rule": RULE_LABELS[h.rule],
            "uses the teacher?": "yes" if h.rule == "delta" else "no",
            "final w1": round(float(h.final[0]), 3),
            "final w2": round(float(h.final[1]), 3),
            "length |w|": round(float(np.linalg.norm(h.final)), 3),
            "error vs teacher": round(float(h.errors[-1]), 4),
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="neuron_lab_rule_table")
    hebb = next(h for h in histories if h.rule == "hebb")
    if hebb.blew_up_at:
        st.caption(f"Plain Hebb was stopped after {hebb.blew_up_at} updates, when its weights passed length 1,000.")
    left, right = st.columns([1, 1], gap="large")
    with left:
        show_figure(learning_rule_directions(histories, problem), key="neuron_lab_rule_directions")
    with right:
        pc = problem.principal
        st.markdown(
            "**What happened**\n\n"
            f"- The **delta rule** ends near the teacher's weights (−0.5, 1.0): it is told the right "
            "answer and corrects its error, the same idea that trains deep networks.\n"
            "- **Plain Hebb** has no teacher and no brake: every update makes the output bigger, which "
            "makes the next update bigger, until the weights explode.\n"
            f"- **Oja's rule** also has no teacher, but stays bounded (length about 1). It ends pointing "
            f"along the direction in which the inputs vary most, ({pc[0]:.2f}, {pc[1]:.2f}): it found a "
            "pattern in the data, not the teacher's answer.\n\n"
            "Hebbian learning is thought to be close to what synapses really do; error-driven learning "
            "is what makes artificial networks accurate."
        )
