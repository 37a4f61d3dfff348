"""Runs page: every saved training run (any session's, after any restart), compare, reopen, import."""

from __future__ import annotations

import streamlit as st

from nncore.runs import RunStore, RunStoreError
from ui.i18n import t
from ui.render import show_error
from ui.runs_compare import render_compare
from ui.runs_current import render_current, render_saving_notice
from ui.runs_import import render_import
from ui.runs_table import render_actions, render_table, show_flash_messages
from ui.state import get_state


def runs_page() -> None:
    state = get_state()
    st.title(t("runs.title"))
    try:
        store = RunStore()
    except RunStoreError as error:
        show_error(error, t("runs.workspace_hint"))
        return
    st.caption(t("runs.caption", path=store.path))
    render_current(state)
    render_saving_notice(state)
    show_flash_messages()
    try:
        records = store.list()
    except RunStoreError as error:
        show_error(error)
        records = []
    if not records:
        st.info(t("runs.none"), icon=":material/info:")
    else:
        st.markdown(t("runs.select_hint"))
        selected = render_table(records)
        if len(selected) == 1:
            render_actions(state, store, selected[0])
        elif len(selected) > 1:
            render_compare(selected)
    st.divider()
    render_import(state)


runs_page()
