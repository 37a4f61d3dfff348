"""Two people sign in through a real OpenID Connect provider and neither sees, opens or deletes the
other's runs, also by typing the other's run id into a link.

The provider is `oidc-provider-mock` (requirements-dev.txt), run on 127.0.0.1 in this process;
the app is a real `streamlit run` whose secrets file configures `[auth]` for it, so the sign-in
goes through Streamlit's own `st.login`: the provider's authorization page, its redirect back,
the ID token and Streamlit's identity cookie. Each user trains through the browser, so their
run is saved as theirs by the app itself.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from bench.app_server import INIT_SCRIPT, ServerFailed, serving_app
from nncore.runs import RunStore
from tests.e2e.browser_helpers import (
    alert_texts,
    assert_no_exception,
    click_button,
    goto_page,
    main_text,
    set_number,
    sidebar_text,
    wait_for_app_idle,
    wait_for_outcome,
)
from tests.e2e.conftest import ARTIFACTS, DEFAULT_TIMEOUT_MS, VIEWPORT, _artifact_name
from tests.ports import free_port_in

pytestmark = pytest.mark.e2e

APP_PORTS = range(8670, 8675)
PROVIDER_PORTS = range(8675, 8680)
USERS = ("alice", "bob")


@pytest.fixture(scope="module")
def provider_url():
    try:
        from oidc_provider_mock import run_server_in_thread
    except ImportError:
        pytest.fail("oidc-provider-mock is not installed (pip install -r requirements-dev.txt)", pytrace=False)
    port = free_port_in(PROVIDER_PORTS)
    with run_server_in_thread(port=port):
        yield f"http://localhost:{port}"


@contextlib.contextmanager
def signed_in_server(provider_url: str, ports: range, log_name: str, env: dict[str, str] | None = None):
    """Yield (app URL, workspace folder): `streamlit run` on a free port of `ports`, with sign-in
    configured for the provider (a secrets file with [auth]) and `env`; stop it after."""
    folder = Path(tempfile.mkdtemp(prefix="nnx-e2e-sign-in-"))
    workspace = folder / "workspace"
    port = free_port_in(ports)
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "an-e2e-cookie-secret-that-is-long-enough"\n'
        'client_id = "nn-explorer"\n'
        'client_secret = "nn-explorer-secret"\n'
        f'server_metadata_url = "{provider_url}/.well-known/openid-configuration"\n'
    )
    try:
        with serving_app(ARTIFACTS / log_name, env={"NNX_WORKSPACE": str(workspace), **(env or {})}, port=port,
                         args=("--secrets.files", str(secrets))) as (url, _process):
            yield url, workspace
    except ServerFailed as failure:
        pytest.fail(str(failure), pytrace=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def signed_app(provider_url):
    """(app URL, workspace folder): the app with sign-in configured for the provider."""
    with signed_in_server(provider_url, APP_PORTS, "sign_in_server.log") as served:
        yield served


@pytest.fixture
def browse(request, browser, signed_app):
    """`browse(user)`: a fresh browser (context) for one person, on the app, not signed in."""
    url, _ = signed_app
    opened = []

    def _open(user: str):
        context = browser.new_context(viewport=VIEWPORT)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        page.page_errors = []
        page.on("pageerror", lambda exc: page.page_errors.append(str(exc)))
        opened.append((page, context, user))
        page.goto(url)
        wait_for_app_idle(page)
        return page

    yield _open
    name = _artifact_name(request.node.name)
    for page, context, user in opened:
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}-{user}.png"), full_page=True)
        except Exception:  # noqa: BLE001 - a screenshot must not hide the test's own result
            pass
        context.close()


def _sign_in(page, user: str) -> None:
    assert page.get_by_role("heading", name="Sign in").count(), main_text(page)
    page.get_by_role("button", name="Sign in").click()
    # The provider's own authorization page: type the user's subject and authorize.
    page.wait_for_selector("input[name=sub]", timeout=DEFAULT_TIMEOUT_MS)
    page.fill("input[name=sub]", user)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(r"http://127\.0\.0\.1:\d+/"), timeout=DEFAULT_TIMEOUT_MS)
    wait_for_app_idle(page)
    assert f"Signed in as {user}" in sidebar_text(page), sidebar_text(page)


def _open_link(page, url: str, run_id: str) -> str:
    """Open the Runs page at `?run=<id>`; return its error boxes' text."""
    page.goto(f"{url}/runs?run={run_id}")
    # A new page is a new session: wait for its first run to draw the link's box (Close in both cases).
    page.get_by_role("button", name="Close").wait_for(timeout=DEFAULT_TIMEOUT_MS)
    wait_for_app_idle(page)
    return " ".join(alert_texts(page, "error"))


def test_two_signed_in_users_never_see_open_or_delete_each_others_runs(browse, signed_app):
    url, workspace = signed_app
    pages = {user: browse(user) for user in USERS}
    for user, page in pages.items():
        _sign_in(page, user)
        goto_page(page, "Train")
        set_number(page, "Epochs", 1)
    for page in pages.values():
        click_button(page, "Train", wait=False)
    for user, page in pages.items():
        outcome = wait_for_outcome(page, timeout_s=360)  # a busy machine: TensorFlow starts cold
        assert "Finished 1 epoch" in outcome, (user, outcome)

    # Each run was saved as its trainer's (read here without an owner: the whole store).
    every = RunStore(workspace, database_url=None).list()
    owners = {record.owner.rsplit("|", 1)[-1]: record for record in every}
    assert sorted(owners) == sorted(USERS), [r.owner for r in every]
    ids = {user: owners[user].run_id for user in USERS}

    for user, page in pages.items():
        other = next(u for u in USERS if u != user)
        goto_page(page, "Runs")
        text = main_text(page)
        assert "Only you see, open, rename and delete your runs" in text
        assert "Runs on this server are shared" not in text
        # Their own run opens from its link, with its actions...
        own = _open_link(page, url, ids[user])
        assert own == "" and page.get_by_role("button", name="Delete").count() == 1, own
        # ...the other's run id, typed into the same link, is no such run and offers nothing to delete.
        guessed = _open_link(page, url, ids[other])
        assert "no such run" in guessed, guessed
        assert page.get_by_role("button", name="Delete").count() == 0
        assert page.get_by_role("button", name="Reopen").count() == 0
        assert_no_exception(page, f"{user}'s Runs page")
        assert "/nnx-e2e-sign-in-" not in main_text(page)  # no server path anywhere on the page

    # Nothing was deleted, and each owner still has exactly their own run.
    for user in USERS:
        owner = owners[user].owner
        assert [r.run_id for r in RunStore(workspace, database_url=None, owner=owner).list()] == [ids[user]]
