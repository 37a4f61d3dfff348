"""A run shared by link is named in the reader's language, as the owner's own list names it (run
names are keyed: the model on the data), in the share link's line and in the shared run's title."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from nncore.runs import RunStore
from tests.pages.test_private_runs_page import APP, AUTH, PAGE, TIMEOUT, _signed_in, small_run  # noqa: F401 - a fixture
from ui.i18n import say


def _open_in(language: str, user: dict, query: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets["auth"] = AUTH
    at.user = user
    at.session_state["language"] = language
    at.run()
    for name, value in query.items():
        at.query_params[name] = value
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_a_shared_run_is_named_in_the_readers_language(small_run):
    store = RunStore(owner="alice")
    run_id = store.save(small_run)  # the default name: keyed, worded per language
    token = store.share(run_id)
    name = store.get(run_id).name
    chinese, english = say(name, "zh"), say(name, "en")
    assert chinese != english, (chinese, english)

    owner = _open_in("zh", _signed_in("alice"), {"run": run_id})
    assert any(chinese in m.value for m in owner.markdown), [m.value for m in owner.markdown]
    reader = _open_in("zh", _signed_in("bob"), {"share": token})
    titles = [s.value for s in reader.subheader]
    assert any(chinese in title for title in titles) and not any(english in title for title in titles), titles
