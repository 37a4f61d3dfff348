"""Links to runs on the Runs page: the run's own address, and the read-only share link its owner
creates and revokes (only with sign-in: without it every visitor sees every run anyway).

A link holds a run id (`?run=`, useful only to the run's owner: the store answers anyone else
"no such run") or a share token (`?share=`, 192 random bits, any signed-in user may read the
run until its owner revokes it). The address is built from the page's own URL, as the browser
sees it behind any proxy; the server's folders are never part of it.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from nncore.runs import RunRecord, RunStore, RunStoreError
from ui.i18n import say, t
from ui.render import show_error
from ui.runs_text import markdown_text

RUN_PARAM = "run"
SHARE_PARAM = "share"


def link_to(**params: str) -> str:
    """This page's address with `params` as its only query."""
    url = str(st.context.url or "")
    base = url.split("?", 1)[0].split("#", 1)[0]
    return f"{base}?{urlencode(params)}"


def render_access_caption(store: RunStore) -> None:
    """What the list holds and who sees it; never where the server keeps it."""
    st.caption(t("srv.caption"))
    if store.owner is None:
        st.info(t("srv.shared_notice"), icon=":material/group:")
    else:
        st.caption(t("srv.private_notice"))


def render_run_links(store: RunStore, record: RunRecord) -> None:
    """The run's own link, and (signed in) its share link with Share / Stop sharing."""
    st.caption(t("srv.run_link"))
    st.code(link_to(**{RUN_PARAM: record.run_id}), language=None)
    if store.owner is None:
        return
    try:
        token = store.share_token(record.run_id)
    except RunStoreError as error:
        show_error(error)
        return
    if token is None:
        if st.button(t("srv.share"), key=f"runs_share_{record.run_id}", icon=":material/share:",
                     help=t("srv.share_help")):
            if _act(lambda: store.share(record.run_id)):
                st.rerun()
        return
    st.markdown(t("srv.share_link", name=markdown_text(say(record.name))))
    st.code(link_to(**{SHARE_PARAM: token}), language=None)
    if st.button(t("srv.revoke"), key=f"runs_revoke_{record.run_id}", icon=":material/link_off:",
                 help=t("srv.revoke_help")):
        if _act(lambda: store.revoke_share(record.run_id)):
            st.session_state["runs_revoked"] = say(record.name)
            st.rerun()


def _act(action) -> bool:
    try:
        action()
    except RunStoreError as error:
        show_error(error)
        return False
    return True


def show_revoked_flash() -> None:
    revoked = st.session_state.pop("runs_revoked", None)
    if revoked:
        st.success(t("srv.revoked", name=markdown_text(revoked)), icon=":material/link_off:")
