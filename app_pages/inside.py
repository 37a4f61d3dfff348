"""Inside page: what each layer does to an input, statistics over many inputs, the weights,
how training changed them, and what a neuron wants to see."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t
from ui.state import get_state
from nncore.catalog import texts_in_every_language
from ui.dataset_names import dataset_title

TABS = ["One input", "Over many inputs", "Weights", "Training dynamics", "What a neuron wants"]
TAB_KEYS = ("inside.tab_one", "inside.tab_many", "inside.tab_weights", "inside.tab_dynamics", "inside.tab_features")

state = get_state()
run = state.run

st.title(t("inside.title"))
st.caption(t("inside.caption"))


def _tab_labels() -> list[str]:
    """The tabs' labels in the session's language. A tab's state is its label, so a tab chosen in
    one language (or set by name, in English) is re-labelled in the current one; otherwise
    switching language would jump back to the first tab."""
    labels = [t(key) for key in TAB_KEYS]
    chosen = st.session_state.get("inside_tab")
    for index, key in enumerate(TAB_KEYS):
        if chosen in (TABS[index], *texts_in_every_language(key)):
            st.session_state["inside_tab"] = labels[index]
    return labels


def inside_page(run) -> None:
    from ui.inside_cache import inside_data
    from ui.inside_dynamics import render_dynamics
    from ui.inside_features import render_features
    from ui.inside_many import render_many_inputs
    from ui.inside_one import render_one_input
    from ui.inside_weights import render_weights

    if run.dataset is not state.dataset:
        st.info(t("inside.other_data", title=dataset_title(run.dataset)), icon=":material/history:")
    inside = inside_data(run)
    # Lazy tabs: only the open tab runs, so changing the input re-renders one tab, not five.
    tabs = st.tabs(_tab_labels(), key="inside_tab", on_change="rerun")
    views = (render_one_input, render_many_inputs, render_weights, lambda inside: render_dynamics(inside.run), render_features)
    for tab, view in zip(tabs, views):
        if tab.open:
            with tab:
                view(inside)

if run is None:
    st.info(t("inside.no_run"), icon=":material/info:")
else:
    if not run.usable:
        st.warning(t("inside.diverged"), icon=":material/warning:")
    inside_page(run)
