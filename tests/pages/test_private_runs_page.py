"""The Runs page on a shared server (AppTest): without sign-in it says runs are shared and shows no
server path; with sign-in (Streamlit's `[auth]` secrets, `st.user` seeded by AppTest) each user
lists, opens and deletes only their own runs, also through a guessed `?run=` link, and a share
link opens a run read-only until its owner revokes it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nncore.runs import RunStore
from ui.state import STATE_KEY
from ui.translations import TEXTS

TIMEOUT = 180
APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "app_pages/runs.py"
AUTH = {
    "redirect_uri": "http://localhost:8670/oauth2callback",
    "cookie_secret": "a-test-cookie-secret",
    "client_id": "nnx",
    "client_secret": "nnx-secret",
    "server_metadata_url": "http://127.0.0.1:8675/.well-known/openid-configuration",
}


@pytest.fixture(scope="module")
def small_run():
    from tests.explain.trained import train

    return train("circles", "small_mlp", 1, n_points=200)


def _open(user: dict | None = None, query: dict | None = None, page: bool = True) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if user is not None:
        at.secrets["auth"] = AUTH
        at.user = user
    at.run()
    if page:
        for name, value in (query or {}).items():
            at.query_params[name] = value
        at.switch_page(PAGE).run()
        assert not at.exception, [e.message for e in at.exception]
    return at


def _signed_in(sub: str) -> dict:
    return {"is_logged_in": True, "sub": sub, "name": sub.title(), "email": f"{sub}@example.org"}


def _texts(at: AppTest) -> str:
    parts = [e.value for kind in (at.markdown, at.caption, at.info, at.error, at.success, at.warning) for e in kind]
    return "\n".join(str(p) for p in parts)


def _table_names(at: AppTest) -> list[str]:
    tables = [d for d in at.dataframe if d.key and d.key.startswith("runs_table_")]
    return [] if not tables else list(tables[0].value["name"])


def _labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_without_sign_in_runs_are_shared_and_no_server_path_is_shown(small_run):
    RunStore().save(small_run, name="anyone's run")
    at = _open()
    assert TEXTS["srv.shared_notice"][0] in _texts(at)
    assert _table_names(at) == ["anyone's run"]
    assert os.environ["NNX_WORKSPACE"] not in _texts(at)


def test_with_sign_in_configured_a_visitor_sees_only_the_sign_in_screen():
    at = _open(user={"is_logged_in": False}, page=False)
    assert not at.exception
    assert [t.value for t in at.title] == [TEXTS["srv.sign_in_title"][0]]
    assert TEXTS["srv.sign_in"][0] in _labels(at)
    assert not any(d.key and d.key.startswith("runs_table_") for d in at.dataframe)


def test_each_signed_in_user_lists_and_opens_only_their_own_runs(small_run):
    alice_id = RunStore(owner="alice").save(small_run, name="alice's run")
    bob_id = RunStore(owner="bob").save(small_run, name="bob's run")
    alice = _open(_signed_in("alice"))
    assert _table_names(alice) == ["alice's run"]
    assert TEXTS["srv.private_notice"][0] in _texts(alice)
    assert TEXTS["srv.sign_out"][0] in _labels(alice)
    # Alice guesses Bob's run id into a link: no such run, and nothing to delete.
    guessed = _open(_signed_in("alice"), query={"run": bob_id})
    assert any("no such run" in e.value for e in guessed.error)
    assert TEXTS["runs.delete"][0] not in _labels(guessed) and "bob's run" not in _texts(guessed)
    # Her own run's link opens its actions.
    own = _open(_signed_in("alice"), query={"run": alice_id})
    assert not own.error and TEXTS["runs.delete"][0] in _labels(own)
    assert RunStore(owner="bob").get(bob_id).name == "bob's run"


def test_a_share_link_opens_read_only_until_it_is_revoked(small_run):
    store = RunStore(owner="alice")
    run_id = store.save(small_run, name="alice shares this")
    alice = _open(_signed_in("alice"), query={"run": run_id})
    [share] = [b for b in alice.button if b.label == TEXTS["srv.share"][0]]
    share.click().run()
    token = store.share_token(run_id)
    assert token is not None and any(f"share={token}" in c.value for c in alice.code)

    bob = _open(_signed_in("bob"), query={"share": token})
    assert not bob.error
    assert TEXTS["srv.shared_title"][0].format(name="alice shares this") in [s.value for s in bob.subheader]
    assert TEXTS["runs.delete"][0] not in _labels(bob) and TEXTS["runs.rename"][0] not in _labels(bob)
    [reopen] = [b for b in bob.button if b.key == "runs_shared_reopen"]
    reopen.click().run()
    assert not bob.exception
    opened = bob.session_state[STATE_KEY].run
    assert opened.extra["run_id"] == run_id and opened.extra["shared_read_only"] is True
    assert _table_names(bob) == []  # still not in Bob's own list

    again = _open(_signed_in("alice"), query={"run": run_id})
    [revoke] = [b for b in again.button if b.label == TEXTS["srv.revoke"][0]]
    revoke.click().run()
    assert store.share_token(run_id) is None
    late = _open(_signed_in("bob"), query={"share": token})
    assert any("unknown or revoked link" in e.value for e in late.error)
