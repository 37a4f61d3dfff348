"""Realistic sizes: MNIST-sized training (app versus plain `fit`) and a CSV at the upload limit.

The MNIST-sized data is the offline 'digits28' dataset at full size (70,000 images of 28x28:
42,000 for training), so the figures are the same with or without internet. The CSV is
generated just under the configured upload limit and parsed the way an upload is.
"""

from __future__ import annotations

import io
import time

import numpy as np

from bench.table import Row
from bench.training_speed import app_seconds, backend_tag, plain_fit_seconds

CSV_ROWS = 190_000  # just under the row limit; about 47 MB with the columns below
CSV_NUMERIC_COLUMNS = 27


def _training_rows(quick: bool) -> list[Row]:
    from nncore.backend import configure_devices
    from nncore.data import load_dataset
    from nncore.models import LayerSpec, ModelSpec, preset_spec
    from nncore.training import TrainingConfig

    configure_devices()
    dataset = load_dataset("digits28", examples=70_000)
    cases = (
        ("MLP 128-64", ModelSpec(layers=(LayerSpec("dense", 128, "relu"), LayerSpec("dense", 64, "relu"))), 2),
        ("LeNet-style CNN", preset_spec("lenet_cnn", dataset), 1),
    )
    rows = []
    for title, spec, epochs in cases:
        config = TrainingConfig(optimizer="adam", learning_rate=0.001, batch_size=64, epochs=epochs, seed=0)
        app_seconds(dataset, spec, TrainingConfig(epochs=1, batch_size=64))  # warm up both paths' framework
        repeats = 1 if quick else 2
        plain = min(plain_fit_seconds(dataset, spec, config) for _ in range(repeats))
        app = min(app_seconds(dataset, spec, config, epochs_only=True) for _ in range(repeats))
        ratio = app / plain
        rows.append(Row(
            f"scale{backend_tag()}: 42,000 train 28x28, {title}: epoch time app / plain fit",
            f"{app / epochs:.1f} s vs {plain / epochs:.1f} s per epoch", "<= 1.0", f"{ratio:.2f}", ratio <= 1.0,
        ))
    return rows


def _csv_bytes() -> bytes:
    rng = np.random.default_rng(0)
    numbers = rng.normal(size=(CSV_ROWS, CSV_NUMERIC_COLUMNS)).round(6)
    kinds = rng.choice(["red", "green", "blue", "yellow"], size=CSV_ROWS)
    target = (numbers[:, 0] + numbers[:, 1] > 0).astype(int)
    buffer = io.StringIO()
    buffer.write(",".join([f"x{i}" for i in range(CSV_NUMERIC_COLUMNS)] + ["colour", "label"]) + "\n")
    for row, kind, label in zip(numbers, kinds, target):
        buffer.write(",".join(map(str, row)) + f",{kind},{label}\n")
    return buffer.getvalue().encode()


def _csv_rows() -> list[Row]:
    from nncore.data.csv_import import MAX_UPLOAD_MB, dataset_from_csv, inspect_csv

    data = _csv_bytes()
    began = time.perf_counter()
    preview = inspect_csv(data, "big.csv")
    dataset = dataset_from_csv(preview, target="label")
    seconds = time.perf_counter() - began
    size_mb = len(data) / 2**20
    return [Row(
        f"scale: CSV upload, {size_mb:.0f} MB (limit {MAX_UPLOAD_MB} MB), {CSV_ROWS:,} rows: parse + build",
        f"{seconds:.1f} s ({len(dataset.x_train):,} training rows)", "seconds (<= 10 s)", f"{seconds / 10:.2f}",
        seconds <= 10,
    )]


def run(quick: bool = False) -> list[Row]:
    return _csv_rows() + _training_rows(quick)
