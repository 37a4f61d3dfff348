"""Inside page: what each layer does to an input, statistics over many inputs, the weights,
how training changed them, and what a neuron wants to see."""

from __future__ import annotations

import streamlit as st

from ui.state import get_state

TABS = ["One input", "Over many inputs", "Weights", "Training dynamics", "What a neuron wants"]

state = get_state()
run = state.run

st.title("Inside the network")
st.caption(
    "Open the model up: follow one input through every layer, see which neurons are dead or stuck, "
    "how the classes separate from layer to layer, the weights, and how training changed them."
)


def inside_page(run) -> None:
    from ui.inside_cache import inside_data
    from ui.inside_dynamics import render_dynamics
    from ui.inside_features import render_features
    from ui.inside_many import render_many_inputs
    from ui.inside_one import render_one_input
    from ui.inside_weights import render_weights

    if run.dataset is not state.dataset:
        st.info(f"This is the model trained on **{run.dataset.title}**, the data it shows.", icon=":material/history:")
    inside = inside_data(run)
    # Lazy tabs: only the open tab runs, so changing the input re-renders one tab, not five.
    tabs = st.tabs(TABS, key="inside_tab", on_change="rerun")
    views = (render_one_input, render_many_inputs, render_weights, lambda inside: render_dynamics(inside.run), render_features)
    for tab, view in zip(tabs, views):
        if tab.open:
            with tab:
                view(inside)

if run is None:
    st.info("Train a model first (or open a saved one); its insides appear here.", icon=":material/info:")
else:
    if not run.usable:
        st.warning("This training diverged: the weights shown are broken, which can itself be instructive.",
                   icon=":material/warning:")
    inside_page(run)
