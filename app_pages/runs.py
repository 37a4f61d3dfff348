"""Runs page: every saved training run (any session's, after any restart), compare, reopen, import."""

from __future__ import annotations

import streamlit as st

from nncore.runs import RunStore, RunStoreError
from ui.render import show_error
from ui.runs_compare import render_compare
from ui.runs_current import render_current, render_saving_notice
from ui.runs_import import render_import
from ui.runs_table import render_actions, render_table, show_flash_messages
from ui.state import get_state


def runs_page() -> None:
    state = get_state()
    st.title("Runs")
    try:
        store = RunStore()
    except RunStoreError as error:
        show_error(error, "Set the NNX_WORKSPACE environment variable to a folder this server can write to.")
        return
    st.caption(
        f"Every training is saved here when it ends (finished, stopped or diverged), in the workspace "
        f"`{store.path}`. The list is shared by everyone using this server and survives refreshes and restarts."
    )
    render_current(state)
    render_saving_notice(state)
    show_flash_messages()
    try:
        records = store.list()
    except RunStoreError as error:
        show_error(error)
        records = []
    if not records:
        st.info("No saved runs yet: train a model on the Train page and it appears here when training ends.",
                icon=":material/info:")
    else:
        st.markdown("Select one run to reopen, rename or delete it; select two or more to compare them. "
                    "Click a column's header to sort by it.")
        selected = render_table(records)
        if len(selected) == 1:
            render_actions(state, store, selected[0])
        elif len(selected) > 1:
            render_compare(selected)
    st.divider()
    render_import(state)


runs_page()
