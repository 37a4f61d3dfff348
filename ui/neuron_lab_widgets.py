"""The neuron lab's widget defaults, and keeping widget values while a tab or page is closed.

Streamlit forgets a widget's value in any run where the widget is not drawn: switching to another
tab of the lab (only the open tab runs) or to another page would reset every slider. So the
values live in st.session_state, seeded from DEFAULTS and re-stored at the start of each run
(Streamlit's documented way to keep widget state), with a copy that survives other pages.
Widgets are then created without their own `value=`: the session state is the one source.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
SAVED_KEY = "neuron_lab_saved_widgets"

DEFAULTS: dict[str, Any] = {
    # One neuron
    "neuron_lab_n_inputs": 2,
    "neuron_lab_x1": 1.0,
    "neuron_lab_x2": 0.5,
    "neuron_lab_x3": -0.5,
    "neuron_lab_w1": 0.8,
    "neuron_lab_w2": -0.4,
    "neuron_lab_w3": 0.3,
    "neuron_lab_bias": 0.0,
    "neuron_lab_activation": "sigmoid",
    "neuron_lab_draw_every": False,
    # Brain cell
    "neuron_lab_current": 2.0,
    "neuron_lab_refractory": 5.0,
    "neuron_lab_tau": 10.0,
    "neuron_lab_fi_max": 20.0,
    "neuron_lab_izh_preset": "regular spiking",
    "neuron_lab_izh_current": 10.0,
    # Learning rules
    "neuron_lab_rule_lr": 0.05,
    "neuron_lab_rule_epochs": 10,
    "neuron_lab_rule_seed": 0,
    # Backpropagation
    "neuron_lab_bp_problem": "xor4",
    "neuron_lab_bp_hidden": 2,
    "neuron_lab_bp_activation": "sigmoid",
    "neuron_lab_bp_loss": "cross_entropy",
    "neuron_lab_bp_lr": 2.0,
    "neuron_lab_bp_seed": 0,
    "neuron_lab_bp_example": 0,
    "neuron_lab_bp_run_length": 500,
}


def remember_widgets() -> None:
    """Call once at the top of the page, before any lab widget is created."""
    saved: dict[str, Any] = st.session_state.setdefault(SAVED_KEY, {})
    for key, default in DEFAULTS.items():
        if key in st.session_state:
            saved[key] = st.session_state[key]
        # Re-storing the value marks it as set by the script, which stops Streamlit from
        # dropping it in a run where its widget is not drawn.
        st.session_state[key] = saved.get(key, default)
