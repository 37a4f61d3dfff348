"""Runs page: every saved training run (any session's, or with sign-in this user's; after any
restart), compare, reopen, share, import."""

from __future__ import annotations

import streamlit as st

from nncore.runs import RunDatabaseError, RunStoreError
from ui.i18n import t
from ui.render import show_error
from ui.run_access import open_store
from ui.runs_compare import render_compare
from ui.runs_current import render_current, render_saving_notice
from ui.runs_import import render_import
from ui.runs_links import render_linked_run
from ui.runs_sharing import render_access_caption, show_revoked_flash
from ui.runs_table import render_actions, render_table, show_flash_messages
from ui.state import get_state


def runs_page() -> None:
    state = get_state()
    st.title(t("runs.title"))
    try:
        store = open_store()
    except RunStoreError as error:
        show_error(error, t("srv.database_hint") if isinstance(error, RunDatabaseError) else t("runs.workspace_hint"))
        return
    # The workspace's path is not shown: the page cannot tell a laptop from a server (the address
    # it sees comes from the visitor or a proxy), and a server's folders are none of a visitor's business.
    render_access_caption(store)
    render_current(state)
    render_saving_notice(state)
    show_flash_messages()
    show_revoked_flash()
    linked = render_linked_run(state, store)
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
        if len(selected) == 1 and not linked:  # one run's actions at a time: the linked one first
            render_actions(state, store, selected[0])
        elif len(selected) > 1:
            render_compare(selected)
    st.divider()
    render_import(state)


runs_page()
