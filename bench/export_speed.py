"""Export: how long the four downloads take to build, how big they are, and whether the
exported script reproduces the app's run (in a subprocess, on this machine's CPU)."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from bench.table import Row


def _trained(key: str, preset: str, epochs: int, **params):
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig, TrainingJob

    dataset = load_dataset(key, **params)
    job = TrainingJob(dataset, preset_spec(preset, dataset), TrainingConfig(epochs=epochs, batch_size=32, seed=0)).start()
    job.join()
    return job.result


def _median_seconds(make, repeats: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeats):
        began = time.perf_counter()
        value = make()
        times.append(time.perf_counter() - began)
    return statistics.median(times), value


def run(quick: bool = False) -> list[Row]:
    from nncore.exchange.code_export import training_script
    from nncore.exchange.history_csv import history_csv
    from nncore.exchange.model_file import model_bytes
    from nncore.exchange.report import html_report

    repeats = 1 if quick else 3
    rows = []
    for key, preset, epochs in (("breast_cancer", "small_mlp", 30), ("digits", "lenet_cnn", 3)):
        run = _trained(key, preset, epochs)
        name = f"export: {preset} on {key}"
        html_report(run)  # warm: the first report also compiles the predict function
        seconds, page = _median_seconds(lambda: html_report(run), repeats)
        rows.append(Row(f"{name}: HTML report", f"{seconds:.2f} s, {len(page) / 2**20:.1f} MB", "<= 5 s", f"{seconds / 5:.2f}", seconds <= 5))
        seconds, data = _median_seconds(lambda: model_bytes(run.model), repeats)
        rows.append(Row(f"{name}: .keras file", f"{seconds * 1000:.0f} ms, {len(data) / 1024:.0f} KB", "<= 1 s", f"{seconds:.2f}", seconds <= 1))
        seconds, data = _median_seconds(lambda: history_csv(run), repeats)
        rows.append(Row(f"{name}: history CSV", f"{seconds * 1000:.1f} ms", "<= 0.1 s", f"{seconds / 0.1:.2f}", seconds <= 0.1))
        seconds, script = _median_seconds(lambda: training_script(run), repeats)
        rows.append(Row(f"{name}: script", f"{seconds * 1000:.0f} ms, {len(script) / 1024:.0f} KB", "<= 1 s", f"{seconds:.2f}", seconds <= 1))
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "train.py")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(script)
            began = time.perf_counter()
            done = subprocess.run([sys.executable, path], cwd=folder, capture_output=True, text=True,
                                  env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}, timeout=600)
            took = time.perf_counter() - began
        found = re.search(r"^final validation loss: (\S+)$", done.stdout, re.M)
        gap = abs(float(found.group(1)) - run.history[-1].val_loss) if found else float("inf")
        rows.append(Row(f"{name}: script reproduces val loss", f"|gap| {gap:.1e} (script ran {took:.1f} s, app trained {run.seconds:.1f} s)",
                        "<= 1e-6", f"{gap / 1e-6:.2f}", gap <= 1e-6))
    return rows


if __name__ == "__main__":
    from bench.table import print_table

    print_table(run(quick="--quick" in sys.argv), "Export")
