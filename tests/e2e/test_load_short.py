"""The load benchmark's short version, on every CI run (issue 7 §2).

Four browser sessions on one server: one trains the digits CNN while three switch pages and
pick datasets for 15 s, as `bench/load.py` does with eight for 90 s. Every click must complete
and no page may show an exception. Click latencies are printed, never asserted: a shared CI
machine's timings are not the app's, and `python -m bench --only load` measures them.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor

from bench import load
from bench.app_server import serving_app
from tests.e2e.conftest import ARTIFACTS, CHROMIUM, _unavailable


def test_several_sessions_with_one_training_all_complete_their_clicks(monkeypatch):
    if not os.path.exists(CHROMIUM):
        _unavailable(f"no Chromium at {CHROMIUM}")
    monkeypatch.setattr(load, "CHROMIUM", CHROMIUM)
    with tempfile.TemporaryDirectory() as workspace:
        with serving_app(ARTIFACTS / "load-server.log", env={"NNX_WORKSPACE": workspace}) as (url, process):
            # A thread of its own: the other e2e tests' Playwright (sync API) keeps an event
            # loop running in this one, and asyncio.run refuses to start a second.
            with ThreadPoolExecutor(1) as pool:
                result = pool.submit(asyncio.run, load._load(url, process.pid, 15.0, alone_first=False, sessions=4)).result()
    assert result["errors"] == []
    clicks = [took for _, took in result["latencies"]]
    assert len(clicks) >= 3 * 3  # each of the 3 clicking sessions got through several clicks
    print(f"4 sessions, 1 training: {len(clicks)} clicks, slowest {max(clicks):.2f} s, "
          f"server peak {result['rss']:.0f} MB / {result['threads']} threads")
