"""Many trainings in one process: does memory come back, do threads end?

Issue target: resident memory after the last training at most 150 MB above what it was after
the third, and the thread count back at its baseline. Runs in a fresh subprocess so earlier
benchmarks do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from bench.table import Row

_PROBE = textwrap.dedent(
    """
    import gc, json, sys, threading, resource
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig, TrainingJob

    def rss_mb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2**20

    count = int(sys.argv[1])
    cases = [("moons", "small_mlp"), ("digits", "lenet_cnn"), ("iris", "deep_mlp"), ("digit_rows", "lstm")]
    data = {key: load_dataset(key) for key, _ in cases}
    threads_before = threading.active_count()
    rss = []
    for i in range(count):
        key, preset = cases[i % len(cases)]
        job = TrainingJob(data[key], preset_spec(preset, data[key]), TrainingConfig(epochs=3, batch_size=32)).start()
        job.join()
        assert job.snapshot().state.value == "finished", job.snapshot().message
        del job
        gc.collect()
        rss.append(rss_mb())
    print(json.dumps({"rss": rss, "threads_before": threads_before, "threads_after": threading.active_count()}))
    """
)


def run(quick: bool = False) -> list[Row]:
    count = 10 if quick else 30
    out = subprocess.run([sys.executable, "-c", _PROBE, str(count)], capture_output=True, text=True, check=True)
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    rss = probe["rss"]
    growth = rss[-1] - rss[2]
    threads_ok = probe["threads_after"] <= probe["threads_before"]
    return [
        Row(f"soak: {count} trainings, memory after last minus after 3rd",
            f"{growth:.0f} MB ({rss[2]:.0f} -> {rss[-1]:.0f} MB)", "<= 150 MB" if count == 30 else "",
            f"{growth / 150:.2f}" if count == 30 else "", growth <= 150 if count == 30 else None),
        Row(f"soak: threads after {count} trainings", f"{probe['threads_after']} (baseline {probe['threads_before']})",
            "= baseline", "", threads_ok),
    ]
