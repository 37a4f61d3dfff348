"""Stop latency: how long from pressing Stop until training has stopped, and until the page says so.

Two measures, each over repeated stops, alone and with 4 other trainings busy at the same time:

- engine: `TrainingJob.stop()` until the job's outcome is known (the model kept), in one process,
  the 4 others being jobs training in the same process, as other sessions do on a server;
- page: a click on Stop in Chromium until the "Stopped by you" warning is on screen, the 4 others
  being browser sessions training on the same server.

The end-to-end test (tests/e2e/test_training.py) checks that Stop stops and keeps the model;
the time it takes is measured here, never asserted in a test: a busy machine would fail it.
Target: at most 2 s from the press to the page showing it, p95, with nothing else busy.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.app_server import INIT_SCRIPT, serving_app
from bench.load import _do, _percentile, _settled
from bench.table import Row

CHROMIUM = "/usr/bin/chromium"
TARGET_S = 2.0
OTHERS = 4


def _spread(values: list[float]) -> str:
    return f"{_percentile(values, 50):.2f} / {_percentile(values, 95):.2f} s"


# --- engine ---------------------------------------------------------------------------------
def _long_job(dataset, spec):
    from nncore.training import TrainingConfig, TrainingJob

    return TrainingJob(dataset, spec, TrainingConfig(epochs=5000, batch_size=32, seed=0), record_dynamics=False).start()


def _engine_stops(stops: int, busy: int) -> list[float]:
    from nncore.data import load_dataset
    from nncore.models import LayerSpec, ModelSpec

    dataset = load_dataset("digits")
    spec = ModelSpec(layers=(LayerSpec("dense", 64, "relu"), LayerSpec("dense", 32, "relu")))
    others = [_long_job(dataset, spec) for _ in range(busy)]
    seconds = []
    try:
        for _ in range(stops):
            job = _long_job(dataset, spec)
            while job.snapshot().epoch < 1:  # training under way, not its set-up
                time.sleep(0.02)
            pressed = time.perf_counter()
            job.stop()
            job.wait_for_outcome(60)
            seconds.append(time.perf_counter() - pressed)
    finally:
        for other in others:
            other.stop()
        for other in others:
            other.join(60)
    return seconds


# --- page -----------------------------------------------------------------------------------
async def _start_long_training(page) -> None:
    await _do(page, ("page", "Train"))
    field = page.get_by_role("spinbutton", name="Epochs", exact=True)
    await field.fill("5000")
    await field.press("Tab")
    await page.get_by_role("button", name="Train", exact=True).click()
    await page.get_by_role("button", name="Stop", exact=True).wait_for(timeout=120_000)


async def _page_stops(url: str, stops: int, busy: int) -> list[float]:
    from playwright.async_api import async_playwright

    seconds = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        others = []
        for _ in range(busy):
            context = await browser.new_context(viewport={"width": 1366, "height": 900})
            await context.add_init_script(INIT_SCRIPT)
            other = await context.new_page()
            await other.goto(url)
            await _settled(other)
            await _start_long_training(other)
            others.append(other)
        context = await browser.new_context(viewport={"width": 1366, "height": 900})
        await context.add_init_script(INIT_SCRIPT)
        page = await context.new_page()
        await page.goto(url)
        await _settled(page)
        for _ in range(stops):
            await _start_long_training(page)
            await page.get_by_text(re.compile(r"Epoch ([2-9]|\d\d+) of 5000")).wait_for(timeout=120_000)
            stop = page.get_by_role("button", name="Stop", exact=True)
            await stop.click()
            pressed = await page.evaluate("() => window.__nnx.lastPress")
            await page.get_by_text("Stopped by you").first.wait_for(timeout=60_000)
            shown = await page.evaluate("() => performance.now()")
            seconds.append((shown - pressed) / 1000)
            await _settled(page)
        for other in others:
            await other.get_by_role("button", name="Stop", exact=True).click()
        await browser.close()
    return seconds


def _page_measure(stops: int) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory() as workspace:
        log = Path(tempfile.gettempdir()) / "nnx-bench-stop-server.log"
        # Slots for every training: this measures Stop beside 4 trainings that run, not 4 that
        # wait in the server's line (a 2-core server admits 2 at a time by default).
        env = {"NNX_WORKSPACE": workspace, "NNX_TRAINING_SLOTS": str(OTHERS + 1)}
        with serving_app(log, env=env) as (url, _process):
            alone = asyncio.run(_page_stops(url, stops, 0))
            busy = asyncio.run(_page_stops(url, stops, OTHERS))
    return alone, busy


class _Rows(list):
    """The rows, each also written to stderr as soon as it is measured (a long run that is cut
    short still shows what it measured)."""

    def append(self, row: Row) -> None:
        print(f"{row.name}: {row.figure}", file=sys.stderr, flush=True)
        super().append(row)


def run(quick: bool = False) -> list[Row]:
    from nncore.backend import configure_devices

    configure_devices()
    stops = 5 if quick else 20
    rows = _Rows()
    for busy in (0, OTHERS):
        seconds = _engine_stops(stops, busy)
        others = f", {busy} other trainings busy" if busy else ", alone"
        rows.append(Row(f"stop: engine, press to stopped (model kept), p50 / p95{others}", f"{_spread(seconds)} ({stops} stops)",
                        "", "", None))
    if not os.path.exists(CHROMIUM):
        rows.append(Row("stop: page", f"skipped: {CHROMIUM} not found", "", "", None))
        return list(rows)
    alone, busy = _page_measure(stops)
    p95 = _percentile(alone, 95)
    rows.append(Row("stop: page, press to 'Stopped by you' on screen, p50 / p95, alone", f"{_spread(alone)} ({stops} stops)",
                    f"p95 <= {TARGET_S:g} s", f"{p95 / TARGET_S:.2f}", p95 <= TARGET_S))
    rows.append(Row(f"stop: page, the same with {OTHERS} other sessions training", f"{_spread(busy)} ({stops} stops)",
                    "", "", None))
    rows.append(Row("stop: page, busy / alone (median)", f"{statistics.median(busy) / statistics.median(alone):.2f}", "", "", None))
    return list(rows)
