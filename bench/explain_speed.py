"""Explanation speed: our explainers (compiled, batched predict) against the issue's targets,
and the naive way (the shap library's defaults handed `model.predict`) for the SHAP explainers.

Models: the breast-cancer MLP (30 features) and the digits CNN (8x8), each trained a few
epochs. Every timing is the median of its repeats, taken after one warm-up call, so imports
and graph tracing (paid once per server) are not counted.
"""

from __future__ import annotations

import functools
import statistics
import time
import warnings
from typing import Callable

import numpy as np

from bench.table import Row

TARGETS = {  # seconds, from the issue
    "kernel": 0.2, "permutation": 0.1, "lime_tabular": 0.5, "ig": 0.3, "gradient_shap": 0.3,
    "lime_image": 1.5, "global": 15.0,
}
MIN_SPEEDUP = 10.0


def _train(key: str, preset: str, epochs: int):
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig, TrainingJob

    data = load_dataset(key)
    job = TrainingJob(data, preset_spec(preset, data), TrainingConfig(epochs=epochs, batch_size=32, learning_rate=0.01, seed=0))
    job.start().join()
    if job.result is None:
        raise RuntimeError(f"Expected a trained {preset} on {key}. Received: {job.snapshot().message}")
    return job.result


def _median_seconds(call: Callable[[], object], repeats: int) -> float:
    call()  # warm-up: imports, tracing
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _row(name: str, seconds: float, target: float) -> Row:
    return Row(name, f"{seconds:.3f} s", f"<= {target:g} s", ok=seconds <= target)


def _naive_kernel(run, x: np.ndarray, background: np.ndarray, nsamples: int) -> None:
    import shap

    # The library's usual recipe; verbose=0 only so progress bars neither flood nor slow it.
    explainer = shap.KernelExplainer(functools.partial(run.model.predict, verbose=0), background)
    explainer.shap_values(x[None], nsamples=nsamples, silent=True)


def _naive_permutation(run, x: np.ndarray, background: np.ndarray, max_evals: int) -> None:
    import shap

    explainer = shap.PermutationExplainer(functools.partial(run.model.predict, verbose=0), shap.maskers.Independent(background, max_samples=len(background)))
    explainer(x[None], max_evals=max_evals, silent=True)


def run(quick: bool = False) -> list[Row]:
    from nncore.explain import (
        ExplainableModel,
        gradient_shap,
        integrated_gradients,
        kernel_shap,
        lime_image,
        lime_tabular,
        mean_abs_shap,
        permutation_shap,
        shap_sample,
    )
    from nncore.explain.shap_methods import sample_background

    warnings.filterwarnings("ignore")
    repeats = 1 if quick else 5
    cancer_run = _train("breast_cancer", "small_mlp", 5)
    digits_run = _train("digits", "lenet_cnn", 3)
    cancer, digits = ExplainableModel.from_run(cancer_run), ExplainableModel.from_run(digits_run)
    row, digit = cancer_run.dataset.x_test[0], digits_run.dataset.x_test[0]
    rows: list[Row] = []

    kernel = _median_seconds(lambda: kernel_shap(cancer, row, background_size=10), repeats)
    rows.append(_row("KernelSHAP, 1 row, 30 features, 10-point background", kernel, TARGETS["kernel"]))
    permutation = _median_seconds(lambda: permutation_shap(cancer, row), repeats)
    rows.append(_row("Permutation SHAP, 1 row (50 background, 10 permutations)", permutation, TARGETS["permutation"]))
    lime = _median_seconds(lambda: lime_tabular(cancer, row, num_samples=5000), repeats)
    rows.append(_row("LIME tabular, 1 row, 5,000 samples", lime, TARGETS["lime_tabular"]))
    ig = _median_seconds(lambda: integrated_gradients(digits, digit, steps=50), repeats)
    rows.append(_row("Integrated gradients, 50 steps, 1 digit (CNN)", ig, TARGETS["ig"]))
    gshap = _median_seconds(lambda: gradient_shap(digits, digit), repeats)
    rows.append(_row("GradientExplainer, 1 digit (CNN)", gshap, TARGETS["gradient_shap"]))
    limg = _median_seconds(lambda: lime_image(digits, digit), repeats)
    rows.append(_row("LIME image, 1 digit (CNN), 1,000 samples", limg, TARGETS["lime_image"]))

    data = cancer_run.dataset
    x200 = np.concatenate([data.x_test, data.x_val])[:200]  # the test split alone has 114 rows
    began = time.perf_counter()
    mean_abs_shap(shap_sample(cancer, x200, n=200, method="permutation"))
    rows.append(_row(f"Global SHAP importance, {len(x200)} held-out rows (MLP)", time.perf_counter() - began, TARGETS["global"]))

    # The naive way: same background, same budget of evaluations, but `model.predict`.
    background10 = sample_background(cancer, 10, 0).reshape(-1, row.size)
    nsamples = 2 * row.size + 2048  # shap's "auto" for 30 features
    naive_kernel = _median_seconds(lambda: _naive_kernel(cancer_run, row, background10, nsamples), 1)
    ours_kernel = _median_seconds(lambda: kernel_shap(cancer, row, background_size=10, summarize="sample", nsamples=nsamples), repeats)
    rows.append(Row("KernelSHAP with model.predict (naive)", f"{naive_kernel:.3f} s", f">= {MIN_SPEEDUP:g}x slower",
                    ratio=f"{naive_kernel / ours_kernel:.1f}x", ok=naive_kernel / ours_kernel >= MIN_SPEEDUP))
    background50 = sample_background(cancer, 50, 0).reshape(-1, row.size)
    max_evals = 10 * (2 * row.size + 1)
    naive_perm = _median_seconds(lambda: _naive_permutation(cancer_run, row, background50, max_evals), 1)
    rows.append(Row("Permutation SHAP with model.predict (naive)", f"{naive_perm:.3f} s", f">= {MIN_SPEEDUP:g}x slower",
                    ratio=f"{naive_perm / permutation:.1f}x", ok=naive_perm / permutation >= MIN_SPEEDUP))
    return rows


if __name__ == "__main__":
    from bench.table import print_table

    print_table(run(quick=True), "Explanation speed (quick)")
