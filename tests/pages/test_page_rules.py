"""Rules every page script follows, because app.py relies on them."""

from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parents[2] / "app_pages").glob("*.py"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_pages_never_call_st_stop(page):
    # app.py draws the shared sidebar after the page runs; st.stop() would skip it.
    assert "st.stop(" not in page.read_text(), f"{page.name} calls st.stop(): return from a function instead"
