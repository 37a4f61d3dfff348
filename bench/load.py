"""Load: 8 browser sessions on one server, one training, the others clicking around.

One session loads the digits, keeps the LeNet-style CNN the app proposes and trains it for
longer than the benchmark lasts, with its Train page (live curves) open. The seven others
switch pages and change a widget over and over, pausing 1-2 s between clicks as a person does
to look at what changed. For each of their clicks we measure the time from the page receiving
the press until it has settled: the last message from the server or the last change of the
script-run state, read in the browser. The CPU the server used, as a share of all the machine's
busy CPU, shows how much of the wait is the server's (the rest is mostly the eight browser
tabs). Before the load, one session clicks the same round alone, to show what one click costs
the browser and the server in CPU time. Targets (issue 7): no session errors, idle sessions'
p95 at most 1 s. The server's memory and thread count are read from /proc.

Needs Debian's Chromium at /usr/bin/chromium (Playwright's own browser download is not used).
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from bench.app_server import IDLE_PREDICATE, IDLE_STATES, INIT_SCRIPT, cpu_seconds, process_memory_and_threads, serving_app
from bench.table import Row
from ui.run_timing import RUN_TIMES_ENV

CHROMIUM = "/usr/bin/chromium"
SESSIONS = 8
FEWER_SESSIONS = 4  # a second, full-run-only pass on the same rig
TARGET_P95_S = 1.0
THINK_S = (1.0, 2.0)  # a person's pause between clicks, drawn uniformly
QUIET_ROUNDS = 2  # rounds one session clicks alone, before the load, to measure what a click costs
QUIET_SETTLE_S = 1.0
# What an idle session does, in a loop: ("page", title) opens a page from the sidebar;
# ("pick", label, option) chooses an option in a selectbox (which reruns the page).
ROUND = (
    ("page", "Data"),
    ("pick", "Dataset", "2-D classification · Moons (2-D)"),
    ("pick", "Dataset", "2-D classification · Spiral (2-D)"),
    ("page", "Model"),
    ("page", "Evaluate"),
    ("page", "Neuron lab"),
    ("page", "Home"),
)


async def _settled(page, timeout_ms: int = 60_000, quiet_ms: int = 300) -> None:
    await page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', state="attached", timeout=timeout_ms)
    await page.wait_for_function(IDLE_PREDICATE, arg=[list(IDLE_STATES), quiet_ms], timeout=timeout_ms, polling=50)


async def _timed(page, action) -> float:
    """Seconds from the press `action` makes until the page settled (server quiet, script not
    running)."""
    before = await page.evaluate("() => window.__nnx.frames")
    began = await page.evaluate("() => performance.now()")
    await action()
    await page.wait_for_function("(n) => window.__nnx.frames > n", arg=before, timeout=30_000, polling=20)
    await _settled(page)
    last, pressed = await page.evaluate("() => [Math.max(window.__nnx.lastChange, window.__nnx.lastFrame), window.__nnx.lastPress]")
    # From the moment the page received the press: Playwright's own checks before it clicks
    # (is the target visible, stable over two animation frames...) are the rig's, not the
    # person's, and take 0.2 s (up to 1.7 s) on a loaded machine.
    return (last - max(began, pressed)) / 1000


async def _do(page, step) -> float:
    if step[0] == "page":
        link = page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=step[1], exact=True)
        return await _timed(page, link.click)
    _, label, option = step
    box = page.get_by_role("combobox", name=label, exact=True)
    await box.click()
    return await _timed(page, page.get_by_role("option", name=option, exact=True).click)


async def _errors_on(page) -> int:
    return await page.locator('[data-testid="stException"]').count()


async def _trainer(context, url: str, ready: asyncio.Event, done: asyncio.Event, errors: list[str]) -> None:
    page = await context.new_page()
    await page.goto(url)
    await _settled(page)
    await _do(page, ("page", "Data"))
    await _do(page, ("pick", "Dataset", "Images · Handwritten digits (8x8)"))
    await _timed(page, page.get_by_role("button", name="Load dataset", exact=True).click)
    await _do(page, ("page", "Train"))
    field = page.get_by_role("spinbutton", name="Epochs", exact=True)
    await field.fill("5000")
    await field.press("Tab")
    await page.get_by_role("button", name="Train", exact=True).click()
    await page.get_by_role("button", name="Stop", exact=True).wait_for(timeout=60_000)
    # Measure the steady state: training under way (its first epoch done), not its set-up.
    await page.get_by_text(re.compile(r"Epoch ([2-9]|\d\d+) of 5000")).wait_for(timeout=120_000)
    ready.set()
    await done.wait()
    if await _errors_on(page):
        errors.append("the training session shows an exception")
    await page.get_by_role("button", name="Stop", exact=True).click()


async def _open_data_page(page, url: str) -> None:
    """(Re)start a session on the Data page: sessions begin at different steps of the round,
    and a "pick" step needs the Data page's controls."""
    await page.goto(url)
    await _settled(page)
    await _do(page, ("page", "Data"))


async def _clicker(context, url: str, seconds: float, ready: asyncio.Event, latencies: list[float], errors: list[str], index: int) -> None:
    page = await context.new_page()
    await _open_data_page(page, url)
    await ready.wait()
    deadline = time.monotonic() + seconds
    step = index  # sessions start at different points of the round
    pauses = random.Random(index)
    while time.monotonic() < deadline:
        await asyncio.sleep(pauses.uniform(*THINK_S))
        action = ROUND[step % len(ROUND)]
        try:
            latencies.append((action, await _do(page, action)))
        except Exception as error:  # a timeout or a missing control is a session error
            errors.append(f"session {index}, {action}: {type(error).__name__}: {str(error).splitlines()[0]}")
            await _open_data_page(page, url)
        if await _errors_on(page):
            errors.append(f"session {index}, {action}: the page shows an exception")
        step += 1


def _chromium_cpu_seconds() -> float:
    """CPU seconds used so far by every Chromium process on the machine (browser, renderers,
    GPU and utility processes)."""
    total = 0.0
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and "chrom" in Path(f"/proc/{entry}/comm").read_text().lower():
                total += cpu_seconds(int(entry))
        except OSError:  # the process ended meanwhile
            pass
    return total


async def _one_quiet_session(browser, url: str, server_pid: int) -> dict[str, float]:
    """What one click costs when nothing else runs: median latency, and the CPU seconds the
    browser and the server each spend on it (counted until a second after it settled).
    Warms the server up too (TensorFlow loaded, pages imported) before the load begins."""
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    await context.add_init_script(INIT_SCRIPT)
    page = await context.new_page()
    await _open_data_page(page, url)
    for action in ROUND:  # one round to warm up, not counted
        await _do(page, action)
    await asyncio.sleep(QUIET_SETTLE_S)
    latency, browser_cpu, server_cpu = [], [], []
    for action in ROUND * QUIET_ROUNDS:
        chromium, server = _chromium_cpu_seconds(), cpu_seconds(server_pid)
        latency.append(await _do(page, action))
        await asyncio.sleep(QUIET_SETTLE_S)
        browser_cpu.append(_chromium_cpu_seconds() - chromium)
        server_cpu.append(cpu_seconds(server_pid) - server)
    await context.close()
    return {name: statistics.median(values) for name, values in
            (("latency", latency), ("browser_cpu", browser_cpu), ("server_cpu", server_cpu))}


async def _load(url: str, server_pid: int, seconds: float, alone_first: bool = True, sessions: int = SESSIONS) -> dict:
    from playwright.async_api import async_playwright

    latencies: list[tuple[tuple, float]] = []  # (action, seconds)
    errors: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        quiet = await _one_quiet_session(browser, url, server_pid) if alone_first else None
        contexts = []
        for _ in range(sessions):
            context = await browser.new_context(viewport={"width": 1366, "height": 900})
            await context.add_init_script(INIT_SCRIPT)
            contexts.append(context)
        ready, done = asyncio.Event(), asyncio.Event()
        trainer = asyncio.create_task(_trainer(contexts[0], url, ready, done, errors))
        clickers = [
            asyncio.create_task(_clicker(context, url, seconds, ready, latencies, errors, index))
            for index, context in enumerate(contexts[1:], start=1)
        ]
        peak_rss, peak_threads = 0.0, 0
        await ready.wait()
        server_cpu, machine_cpu, window_began = cpu_seconds(server_pid), cpu_seconds(), time.time()
        while not all(task.done() for task in clickers):
            rss, threads = process_memory_and_threads(server_pid)
            peak_rss, peak_threads = max(peak_rss, rss), max(peak_threads, threads)
            await asyncio.sleep(1.0)
        server_share = (cpu_seconds(server_pid) - server_cpu) / max(1e-9, cpu_seconds() - machine_cpu)
        window = (window_began, time.time())
        for task in clickers:
            task.result()
        done.set()
        await trainer
        await browser.close()
    return {"latencies": latencies, "errors": errors, "rss": peak_rss, "threads": peak_threads, "server_share": server_share,
            "window": window, "quiet": quiet}


def _runs_within(run_times: Path, began: float, ended: float) -> list[float]:
    """Seconds of each page run (ui/run_timing.py's log) that ended within [began, ended]."""
    if not run_times.exists():
        return []
    seconds = []
    for line in run_times.read_text(encoding="utf-8").splitlines():
        at, took, _page = line.split(" ", 2)
        if began <= float(at) <= ended:
            seconds.append(float(took))
    return seconds


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def _measure(sessions: int, seconds: float, alone_first: bool) -> tuple[dict, list[float]]:
    """One load run on a fresh server: `_load`'s result and the server's page-run seconds."""
    with tempfile.TemporaryDirectory() as workspace:
        log = Path(tempfile.gettempdir()) / "nnx-bench-load-server.log"
        run_times = Path(workspace) / "run_times.txt"
        with serving_app(log, env={"NNX_WORKSPACE": workspace, RUN_TIMES_ENV: str(run_times)}) as (url, process):
            result = asyncio.run(_load(url, process.pid, seconds, alone_first, sessions))
        return result, _runs_within(run_times, *result["window"])


def _spread(values: list[float]) -> str:
    return " / ".join(f"{_percentile(values, q):.2f}" for q in (50, 95, 99))


def run(quick: bool = False) -> list[Row]:
    if not os.path.exists(CHROMIUM):
        return [Row(f"load: {SESSIONS} sessions", f"skipped: {CHROMIUM} not found", "", "", None)]
    seconds = 30.0 if quick else 90.0
    result, server_runs = _measure(SESSIONS, seconds, alone_first=True)
    timed, errors, quiet = result["latencies"], result["errors"], result["quiet"]
    latencies = [took for _, took in timed]
    if not latencies:
        return [Row(f"load: {SESSIONS} sessions", "no interaction completed", "", "", False)]
    by_action: dict[str, list[float]] = {}
    for action, took in timed:
        by_action.setdefault(" ".join(action[1:]), []).append(took)
    slowest = max(by_action.items(), key=lambda item: statistics.median(item[1]))
    p95 = _percentile(latencies, 95)
    rows = [
        Row(f"load: {SESSIONS} sessions (1 training a CNN), idle clicks to settled, p50 / p95 / p99",
            f"{_spread(latencies)} s ({len(latencies)} clicks in {seconds:.0f} s, {THINK_S[0]:g}-{THINK_S[1]:g} s pauses)",
            f"p95 <= {TARGET_P95_S:g} s", f"{p95 / TARGET_P95_S:.2f}", p95 <= TARGET_P95_S),
        Row("load: one session alone, per click (median): latency; CPU of the browser / of the server",
            f"{quiet['latency']:.2f} s; {quiet['browser_cpu']:.2f} s / {quiet['server_cpu']:.2f} s", "", "", None),
        Row("load: session errors", f"{len(errors)}" + (f" (first: {errors[0]})" if errors else ""), "0", "", not errors),
        Row("load: server peak memory and threads", f"{result['rss']:.0f} MB, {result['threads']} threads", "", "", None),
        Row("load: the server's part: page runs during the load, p50 / p95 / p99",
            f"{_spread(server_runs)} s ({len(server_runs)} runs)" if server_runs else "none recorded", "", "", None),
        Row("load: server's share of the machine's busy CPU", f"{result['server_share']:.0%}", "", "", None),
        Row("load: mean click-to-settled", f"{statistics.mean(latencies):.2f} s", "", "", None),
        Row("load: slowest action (median)", f"{slowest[0]}: {statistics.median(slowest[1]):.2f} s", "", "", None),
    ]
    if not quick:
        # The same rig with fewer browsers: every tab runs on the server's two cores here, so
        # this shows how much of the wait the extra browsers themselves add.
        fewer, fewer_runs = _measure(FEWER_SESSIONS, seconds, alone_first=False)
        clicks = [took for _, took in fewer["latencies"]]
        rows.append(Row(
            f"load: the same with {FEWER_SESSIONS} sessions: clicks p50 / p95 / p99; the server's part p50 / p95 / p99",
            f"{_spread(clicks)} s; {_spread(fewer_runs)} s" if clicks and fewer_runs else "no interaction completed",
            "", "", None,
        ))
    return rows
