"""Neuron lab: one artificial neuron beside a spiking brain cell, two learning rules, and
backpropagation step by step. Each section lives in ui/neuron_lab_*.py; the numbers come from
nncore.neuron."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t
from nncore.catalog import texts_in_every_language
from ui.neuron_lab_backprop import render_backprop
from ui.neuron_lab_brain import render_brain_cell
from ui.neuron_lab_neuron import render_one_neuron
from ui.neuron_lab_rules import render_learning_rules
from ui.neuron_lab_widgets import remember_widgets

remember_widgets()

SECTIONS = ("One neuron", "Brain cell", "Learning rules", "Backpropagation step by step")
SECTION_KEYS = ("lab.tab_neuron", "lab.tab_brain", "lab.tab_rules", "lab.tab_backprop")

st.title(t("lab.title"))
st.caption(t("lab.caption"))
# A tab's state is its label, so a section chosen in one language (or set by name, in English)
# is re-labelled in the current one; otherwise switching language would jump to the first tab.
labels = [t(key) for key in SECTION_KEYS]
chosen = st.session_state.get("neuron_lab_section")
for index, key in enumerate(SECTION_KEYS):
    if chosen in (SECTIONS[index], *texts_in_every_language(key)):
        st.session_state["neuron_lab_section"] = labels[index]
# on_change="rerun" runs only the open tab, so TensorFlow (used by the last tab's check) loads
# only when someone opens it.
tabs = st.tabs(labels, key="neuron_lab_section", on_change="rerun")
renderers = (render_one_neuron, render_brain_cell, render_learning_rules, render_backprop)
for tab, render in zip(tabs, renderers):
    if tab.open:
        with tab:
            render()
