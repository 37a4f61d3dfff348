"""Which run store a session uses, and as whom: this server's database, and the signed-in owner.

Two ways to run the app:

- **Embedded (the default)**: no `[auth]` in `.streamlit/secrets.toml`. Nobody signs in, every
  visitor sees every run (the Runs page says so): one person on a laptop, or a server whose
  runs are meant to be shared.
- **Sign-in**: `[auth]` configures an OpenID Connect provider, Streamlit's convention for
  `st.login`. Every visitor signs in before any page; runs are saved as the user's and the run
  store answers each user for their own runs only (nncore/runs/store.py checks the owner on
  every call, so a run id typed into a link is no way round it).

The metadata database: `$NNX_DATABASE_URL`, else `database_url` under `[runs]` in the secrets;
neither means the workspace's SQLite file. A broken secrets file stops the app (Streamlit's
error) instead of quietly running without sign-in, which would show everyone's runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from nncore.runs import RunStore, database_url
from nncore.runs.store import saver

AUTH_SECTION = "auth"
RUNS_SECTION = "runs"


def _section(name: str) -> Mapping[str, Any]:
    try:
        value = st.secrets.get(name)
    except StreamlitSecretNotFoundError as error:
        if "pars" in str(error).lower():  # a secrets file that exists but cannot be read: fail closed
            raise
        return {}
    return value if isinstance(value, Mapping) else {}


def sign_in_configured() -> bool:
    """True when the server's secrets configure sign-in (`[auth]`)."""
    return bool(_section(AUTH_SECTION))


def providers() -> list[str | None]:
    """The providers to offer: None for a single provider configured directly under `[auth]`,
    else the names of `[auth.<name>]` sections."""
    auth = _section(AUTH_SECTION)
    if "client_id" in auth:
        return [None]
    return [name for name, value in auth.items() if isinstance(value, Mapping)]


def signed_in() -> bool:
    return bool(st.user.get("is_logged_in", False))


def owner_id() -> str | None:
    """The signed-in user's stable id (issuer and subject), or None without sign-in.

    The issuer is part of it so two providers' users with the same subject stay apart.
    """
    if not sign_in_configured():
        return None
    if not signed_in():
        raise PermissionError("sign-in is configured but this session is not signed in")
    subject = str(st.user.get("sub") or st.user.get("email") or "")
    if not subject:
        raise PermissionError("the provider gave no subject for this user")
    issuer = str(st.user.get("iss") or "")
    return f"{issuer}|{subject}" if issuer else subject


def display_name() -> str:
    """How the signed-in user is greeted: name, else e-mail, else subject."""
    return str(st.user.get("name") or st.user.get("email") or st.user.get("sub") or "")


def configured_database_url() -> str | None:
    url = database_url()
    if url:
        return url
    return str(_section(RUNS_SECTION).get("database_url") or "").strip() or None


def open_store() -> RunStore:
    """The run store this session may use (raises RunStoreError when it cannot be opened)."""
    return RunStore(database_url=configured_database_url(), owner=owner_id())


def run_saver() -> Any:
    """The `on_finish` callback of a training this session starts: saved as this session's owner,
    decided now (the job's thread has no session)."""
    return saver(database_url=configured_database_url(), owner=owner_id())
