"""Run store: how long saving, listing, reopening and importing take, and saving from 8 threads at once.

Saving runs in the training job's thread after training ends, so its time is never training
time; listing happens on every render of the Runs page, so it must stay fast with many runs.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time

from bench.table import Row


def _trained(key: str, preset: str, epochs: int):
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig, TrainingJob

    dataset = load_dataset(key)
    job = TrainingJob(dataset, preset_spec(preset, dataset), TrainingConfig(epochs=epochs, batch_size=32, seed=0)).start()
    job.join()
    return job.result


def _median(make, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        make()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def run(quick: bool = False) -> list[Row]:
    from nncore.runs import RunStore
    from nncore.runs.model_import import import_model

    repeats = 1 if quick else 5
    rows = []
    for key, preset, epochs in (("breast_cancer", "small_mlp", 30), ("digits", "lenet_cnn", 3)):
        run = _trained(key, preset, epochs)
        name = f"run store: {preset} on {key}"
        with tempfile.TemporaryDirectory() as folder:
            store = RunStore(folder)
            store.save(run)  # warm
            seconds = _median(lambda: store.save(run), repeats)
            rows.append(Row(f"{name}: save", f"{seconds * 1000:.0f} ms", "<= 1 s", f"{seconds:.2f}", seconds <= 1))
            run_id = store.list()[0].run_id
            store.load(run_id)  # warm
            seconds = _median(lambda: store.load(run_id), repeats)
            rows.append(Row(f"{name}: reopen", f"{seconds * 1000:.0f} ms", "<= 2 s", f"{seconds / 2:.2f}", seconds <= 2))
            with open(store.folder(run_id) / "model.keras", "rb") as handle:
                data = handle.read()
            seconds = _median(lambda: import_model(data, "model.keras", run.dataset), repeats)
            rows.append(Row(f"{name}: import (checks, safe load, test score)", f"{seconds * 1000:.0f} ms",
                            "<= 2 s", f"{seconds / 2:.2f}", seconds <= 2))

    run = _trained("circles", "small_mlp", 100)  # a 100-epoch history in every row
    with tempfile.TemporaryDirectory() as folder:
        store = RunStore(folder)
        count = 50 if quick else 200
        for _ in range(count):
            store.save(run)
        seconds = _median(store.list, repeats)
        rows.append(Row(f"run store: list {count} runs (100 epochs each)", f"{seconds * 1000:.0f} ms", "<= 0.5 s",
                        f"{seconds / 0.5:.2f}", seconds <= 0.5))

        ids: list[str] = []
        threads = [threading.Thread(target=lambda: ids.append(RunStore(folder).save(run))) for _ in range(8)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - began
        listed = {record.run_id for record in store.list()}
        kept = sum(run_id in listed for run_id in ids)
        rows.append(Row("run store: 8 threads save at once", f"{seconds * 1000:.0f} ms, {kept}/8 listed",
                        "8/8 listed", "", kept == 8))
    return rows
