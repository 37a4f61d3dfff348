"""Neuron lab, section 3: a single neuron learning by the delta rule and by Hebb's rule."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from nncore.neuron.learning_rules import RULES, make_problem, train_rule
from nncore.plots.neuron_plots import learning_rule_directions, learning_rule_histories
from ui.i18n import t
from ui.render import show_figure


def render_learning_rules() -> None:
    st.markdown(t("lab.rules_intro"))
    c1, c2, c3 = st.columns(3)
    learning_rate = c1.select_slider(
        t("lab.rule_lr"), options=[0.005, 0.01, 0.02, 0.05, 0.1, 0.2], key="neuron_lab_rule_lr",
        help=t("lab.rule_lr_help"),
    )
    epochs = c2.slider(
        t("lab.rule_epochs"), 1, 40, key="neuron_lab_rule_epochs",
        help=t("lab.rule_epochs_help"),
    )
    seed = c3.number_input(
        t("lab.rule_seed"), 0, 999, key="neuron_lab_rule_seed",
        help=t("lab.rule_seed_help"),
    )
    problem = make_problem(seed=int(seed))
    histories = [train_rule(rule, problem, float(learning_rate), int(epochs), seed=int(seed)) for rule in RULES]

    f1, f2, f3 = st.columns(3)
    with f1:
        st.markdown(t("lab.delta_rule"))
        st.latex(r"w \leftarrow w + \eta\,(t - y)\,x")
    with f2:
        st.markdown(t("lab.hebb_rule"))
        st.latex(r"w \leftarrow w + \eta\,y\,x")
    with f3:
        st.markdown(t("lab.oja_rule"))
        st.latex(r"w \leftarrow w + \eta\,y\,(x - y\,w)")
    st.caption(t("lab.rule_symbols"))
    show_figure(learning_rule_histories(histories, problem, words=t), key="neuron_lab_rule_histories")

    rows = []
    for h in histories:
        rows.append({
            "rule": t(f"lab.rule.{h.rule}"),
            "uses the teacher?": t("explain.yes") if h.rule == "delta" else t("explain.no"),
            "final w1": round(float(h.final[0]), 3),
            "final w2": round(float(h.final[1]), 3),
            "length |w|": round(float(np.linalg.norm(h.final)), 3),
            "error vs teacher": round(float(h.errors[-1]), 4),
        })
    st.dataframe(
        pd.DataFrame(rows), hide_index=True, width="stretch", key="neuron_lab_rule_table",
        column_config={
            "rule": st.column_config.Column(t("lab.col.rule")),
            "uses the teacher?": st.column_config.Column(t("lab.col.teacher")),
            "final w1": st.column_config.Column(t("lab.col.final", i=1)),
            "final w2": st.column_config.Column(t("lab.col.final", i=2)),
            "length |w|": st.column_config.Column(t("lab.col.length")),
            "error vs teacher": st.column_config.Column(t("lab.col.error")),
        },
    )
    hebb = next(h for h in histories if h.rule == "hebb")
    if hebb.blew_up_at:
        st.caption(t("lab.hebb_stopped", n=hebb.blew_up_at))
    left, right = st.columns([1, 1], gap="large")
    with left:
        show_figure(learning_rule_directions(histories, problem, words=t), key="neuron_lab_rule_directions")
    with right:
        pc = problem.principal
        st.markdown(t("lab.rules_outcome", pc1=f"{pc[0]:.2f}", pc2=f"{pc[1]:.2f}"))
