"""Sign-in with Streamlit's own authentication, when the server configures it (ui/run_access.py).

A visitor who is not signed in sees only the sign-in screen: no page runs, so no training can
be saved without an owner and no run can be listed for someone the server does not know.
"""

from __future__ import annotations

import streamlit as st

from ui.i18n import t
from ui.run_access import display_name, providers, sign_in_configured, signed_in
from ui.runs_text import markdown_text


def require_sign_in() -> None:
    """Stop the script with the sign-in screen unless sign-in is off or the visitor is signed in."""
    if not sign_in_configured() or signed_in():
        return
    st.title(t("srv.sign_in_title"))
    st.markdown(t("srv.sign_in_text"))
    for provider in providers():
        label = t("srv.sign_in") if provider is None else t("srv.sign_in_with", provider=provider)
        st.button(label, key=f"sign_in_{provider or 'default'}", icon=":material/login:", type="primary",
                  on_click=st.login, args=(provider,) if provider else (), help=t("srv.sign_in_help"))
    st.stop()


def render_account() -> None:
    """Who is signed in, and a way out (in the sidebar, on every page)."""
    if not sign_in_configured() or not signed_in():
        return
    with st.sidebar:
        st.caption(t("srv.signed_in_as", name=markdown_text(display_name())))
        st.button(t("srv.sign_out"), key="sign_out", icon=":material/logout:", on_click=st.logout,
                  help=t("srv.sign_out_help"))
