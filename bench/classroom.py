"""Classroom: one server, 1 / 8 / 30 sessions, some of them training, measured at the server.

The browser-driven load bench (bench/load.py) stops at a few sessions on this machine because
its Chromium tabs, not the server, use the CPU. Here each session is a websocket client that
sends the messages a browser sends on a click (bench/streamlit_client.py) and renders nothing,
so thirty of them fit in one process beside the server.

Each level runs for a fixed time on a fresh server:
- the trainers open a share link for the digits CNN (5,000 epochs, longer than the level
  lasts), press Train on the Train page, and answer the page's live-curve reruns (every 0.5 s
  and 1 s, as a tab does) until the level ends;
- the other sessions walk the pages (Home, Data, Model, Train, Evaluate, Explain, Inside, Runs,
  Neuron lab, Glossary) with a 1-2 s pause between clicks, as a person reading does.
For each page open we time press to the end of the last run it caused (the client's
`script_finished`), i.e. the server's answer without any rendering. The server's resident
memory (peak, read from /proc every 0.5 s) and its CPU (cores busy on average) come with it.
Target (issue 19): p95 of the page runs that do not train at most 1 s at 30 sessions with 5
training, on this 2-core machine.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.app_server import cpu_seconds, process_memory_and_threads, serving_app
from bench.streamlit_client import ClientError, StreamlitSession
from bench.table import Row

LEVELS = ((1, 0), (8, 1), (30, 5))  # (sessions, of which training)
TRAINING_AT = dict(LEVELS)
TARGET_P95_S = 1.0
THINK_S = (1.0, 2.0)
JOURNEY = ("Data", "Model", "Train", "Evaluate", "Explain", "Inside", "Runs", "Neuron lab", "Glossary", "Home")
TRAINING_LINK = "data=digits&preset=lenet_cnn&epochs=5000&early_stop=0"
WARM_MIN_S, WARM_MAX_S = 10.0, 120.0  # after the first visit: the server's warm-up
QUIET_CORES = 0.15  # the server's CPU use once its warm-up has ended (an idle server: ~0.02)
START_SPREAD_S = 5.0  # sessions arrive over a few seconds, as a class does


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def _spread(values: list[float]) -> str:
    return " / ".join(f"{_percentile(values, q):.2f}" for q in (50, 95, 99))


async def _trainer(url: str, index: int, until: float, started: list[bool], errors: list[str]) -> None:
    session = StreamlitSession(url)
    try:
        await asyncio.sleep(random.Random(100 + index).uniform(0, START_SPREAD_S))
        await session.open(query_string=TRAINING_LINK)
        await session.open_page("Train")
        await session.press("Train")
        await session.answer_auto_reruns(until)
        started.append(session.fragment_runs)
        if "Stop" in session.buttons():
            await session.press("Stop")
    except ClientError as error:
        errors.append(f"trainer {index}: {error}")
    finally:
        await session.close()


async def _reader(url: str, index: int, until: float, times: list[tuple[str, float]], errors: list[str]) -> None:
    pauses = random.Random(index)
    session = StreamlitSession(url)
    try:
        await asyncio.sleep(pauses.uniform(0, START_SPREAD_S))
        await session.open()
        step = index
        while time.monotonic() < until:
            await asyncio.sleep(pauses.uniform(*THINK_S))
            page = JOURNEY[step % len(JOURNEY)]
            result = await session.open_page(page)
            times.append((page, result.seconds))
            if result.exceptions:
                errors.append(f"session {index}, {page}: {result.exceptions[0][:120]}")
            step += 1
    except ClientError as error:
        errors.append(f"session {index}: {error}")
    finally:
        await session.close()


async def _watch(pid: int, until: float, peak: list[float]) -> None:
    while time.monotonic() < until:
        try:
            peak[0] = max(peak[0], process_memory_and_threads(pid)[0])
        except OSError:
            return
        await asyncio.sleep(0.5)


async def _level(url: str, pid: int, sessions: int, training: int, seconds: float) -> dict:
    times: list[tuple[str, float]] = []
    errors: list[str] = []
    started: list[bool] = []
    peak = [0.0]
    until = time.monotonic() + START_SPREAD_S + seconds
    cpu_before, wall_before = cpu_seconds(pid), time.monotonic()
    tasks = [_trainer(url, i, until, started, errors) for i in range(training)]
    tasks += [_reader(url, i, until, times, errors) for i in range(sessions - training)]
    await asyncio.gather(*tasks, _watch(pid, until, peak))
    cores = (cpu_seconds(pid) - cpu_before) / (time.monotonic() - wall_before)
    return {"times": times, "errors": errors, "trainings": len(started), "live_reruns": sum(started),
            "rss": peak[0], "cores": cores}


def _measure(sessions: int, training: int, seconds: float) -> dict:
    log = Path(tempfile.gettempdir()) / f"nnx-bench-classroom-{sessions}.log"
    with tempfile.TemporaryDirectory() as workspace:
        with serving_app(log, env={"NNX_WORKSPACE": workspace}) as (url, process):
            # The server imports its framework and warms it up (ui/engine_preload.py) after
            # the first page: one visit first, and the level starts once that has ended, so it
            # measures the server at work rather than its start (the cold bench measures that).
            asyncio.run(_warm(url, process.pid))
            return asyncio.run(_level(url, process.pid, sessions, training, seconds))


async def _warm(url: str, pid: int) -> None:
    session = StreamlitSession(url)
    await session.open()
    await asyncio.sleep(WARM_MIN_S)
    # A model preview needs the framework: this page run ends once its import has.
    await session.open_page("Model", timeout_s=WARM_MAX_S)
    # The warm-up keeps a core busy until it ends; an idle server uses next to none. A fixed
    # wait was too short on a busy machine: the level then began in the middle of TensorFlow's
    # import, and pages that build a model waited for it for many seconds.
    # Two quiet windows in a row, so a moment when a busy machine starves the warm-up is not
    # taken for its end.
    deadline, quiet = time.monotonic() + WARM_MAX_S, 0
    while time.monotonic() < deadline and quiet < 2:
        before = cpu_seconds(pid)
        await asyncio.sleep(2.0)
        quiet = quiet + 1 if (cpu_seconds(pid) - before) / 2.0 < QUIET_CORES else 0
    await session.close()


def parse_levels(text: str) -> tuple[tuple[int, int], ...]:
    """"30" or "8,30" or "30:5": the levels to run (sessions, or sessions:training); a bare
    number of sessions takes its training count from LEVELS (else none train)."""
    levels = []
    for part in text.split(","):
        sessions, _, training = part.strip().partition(":")
        count = int(sessions)
        levels.append((count, int(training) if training else TRAINING_AT.get(count, 0)))
    return tuple(levels)


def run(quick: bool = False, levels: tuple[tuple[int, int], ...] = LEVELS) -> list[Row]:
    seconds = 20.0 if quick else 60.0
    rows = []
    for sessions, training in levels:
        result = _measure(sessions, training, seconds)
        latencies = [took for _, took in result["times"]]
        errors = result["errors"]
        label = f"classroom: {sessions} session{'s' if sessions > 1 else ''}, {training} training"
        if not latencies:
            rows.append(Row(label, f"no page run completed ({errors[:1]})", "", "", False))
            continue
        p95 = _percentile(latencies, 95)
        by_page: dict[str, list[float]] = {}
        for page, took in result["times"]:
            by_page.setdefault(page, []).append(took)
        slowest = max(by_page.items(), key=lambda item: _percentile(item[1], 95))
        at_target = (sessions, training) == LEVELS[-1]
        rows.append(Row(
            f"{label}: page runs p50 / p95 / p99; slowest page (p95)",
            f"{_spread(latencies)} s ({len(latencies)} runs in {seconds:.0f} s); "
            f"{slowest[0]} {_percentile(slowest[1], 95):.2f} s",
            f"p95 <= {TARGET_P95_S:g} s" if at_target else "",
            f"{p95 / TARGET_P95_S:.2f}" if at_target else "",
            (p95 <= TARGET_P95_S) if at_target else None,
        ))
        rows.append(Row(
            f"{label}: server peak memory; CPU (cores busy); trainings run (live-curve reruns); session errors",
            f"{result['rss']:.0f} MB; {result['cores']:.2f}; {result['trainings']}/{training} "
            f"({result['live_reruns']}); {len(errors)}"
            + (f" (first: {errors[0]})" if errors else ""),
            "0 errors", "", not errors,
        ))
        rows.append(Row(f"{label}: mean page run", f"{statistics.mean(latencies):.2f} s", "", "", None))
    return rows
