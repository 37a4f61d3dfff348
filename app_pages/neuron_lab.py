"""Neuron lab: one artificial neuron beside a spiking brain cell, two learning rules, and
backpropagation step by step. Each section lives in ui/neuron_lab_*.py; the numbers come from
nncore.neuron."""

from __future__ import annotations

import streamlit as st

from ui.neuron_lab_backprop import render_backprop
from ui.neuron_lab_brain import render_brain_cell
from ui.neuron_lab_neuron import render_one_neuron
from ui.neuron_lab_rules import render_learning_rules
from ui.neuron_lab_widgets import remember_widgets

remember_widgets()

SECTIONS = ("One neuron", "Brain cell", "Learning rules", "Backpropagation step by step")

st.title("Neuron lab")
st.caption(
    "What one artificial neuron computes, how it compares with a real (spiking) brain cell, how a "
    "neuron can learn, and what every step of backpropagation does, with the numbers."
)
# on_change="rerun" runs only the open tab, so TensorFlow (used by the last tab's check) loads
# only when someone opens it.
tabs = st.tabs(SECTIONS, key="neuron_lab_section", on_change="rerun")
renderers = (render_one_neuron, render_brain_cell, render_learning_rules, render_backprop)
for tab, render in zip(tabs, renderers):
    if tab.open:
        with tab:
            render()
