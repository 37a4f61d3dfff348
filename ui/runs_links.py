"""A run opened from a link on the Runs page: `?run=<id>` (the owner's own run) or `?share=<token>`
(a run someone shared read-only).

The link is read once and kept in the session (the address bar is rewritten with the current
setup after every page run), and taken out of the URL so Close really closes it. What the
link names is asked of the run store as this session's user, so another user's run id reads
as "no such run", exactly as an id that never existed.
"""

from __future__ import annotations

import streamlit as st

from nncore.runs import RunStore, RunStoreError
from ui.i18n import say, t
from ui.render import show_error
from ui.runs_sharing import RUN_PARAM, SHARE_PARAM
from ui.runs_table import render_actions
from ui.runs_text import markdown_text
from ui.state import SessionState

LINK_KEY = "runs_link"
MAX_LINK_VALUE = 200  # a run id is 32 characters, a token 32: anything far longer is not one


def take_link() -> tuple[str, str] | None:
    """The run link this session is showing: read from the URL once, then kept until closed."""
    for kind in (RUN_PARAM, SHARE_PARAM):
        if kind in st.query_params:
            st.session_state[LINK_KEY] = (kind, str(st.query_params[kind])[:MAX_LINK_VALUE])
            del st.query_params[kind]
    return st.session_state.get(LINK_KEY)


def render_linked_run(state: SessionState, store: RunStore) -> bool:
    """Show the run a link names; True when a link is shown (the table's own actions then wait)."""
    link = take_link()
    if link is None:
        return False
    kind, value = link
    with st.container(border=True):
        try:
            if kind == RUN_PARAM:
                render_actions(state, store, store.get(value))
            else:
                _render_shared(state, store, value)
        except RunStoreError as error:
            show_error(error)
        if st.button(t("srv.close_link"), key="runs_link_close", icon=":material/close:", help=t("srv.close_link_help")):
            st.session_state.pop(LINK_KEY, None)
            st.rerun()
    return True


def _render_shared(state: SessionState, store: RunStore, token: str) -> None:
    record = store.get_shared(token)
    st.subheader(t("srv.shared_title", name=markdown_text(say(record.name))))
    st.caption(t("srv.shared_caption"))
    if st.button(t("runs.reopen"), key="runs_shared_reopen", icon=":material/open_in_new:", type="primary",
                 disabled=not record.complete, help=t("runs.reopen_help")):
        try:
            with st.spinner(t("runs.loading", name=markdown_text(say(record.name)))):
                run = store.load_shared(token)
        except Exception as error:  # noqa: BLE001 - store and dataset errors carry their own message
            show_error(error)
            return
        state.open_run(run)
        st.session_state["runs_opened"] = say(record.name)
        st.rerun()
