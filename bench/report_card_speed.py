"""Report card speed: the whole card (four checks, each default method) for one example.

Targets from issue 15: one breast-cancer row (small MLP; Permutation SHAP, LIME, integrated
gradients, the page's defaults) under 2 s, one digit (LeNet-style CNN; integrated gradients,
Grad-CAM, occlusion) under 5 s. Each timing is the median of its repeats after one warm-up
card (which pays, once per model, for copying the model and compiling the copy); CPU seconds
are shown too, as a shared machine's wall clock also counts other people's work.
"""

from __future__ import annotations

import statistics
import time
import warnings

from bench.table import Row

TARGETS = {"tabular": 2.0, "image": 5.0}


def _card_seconds(model, explanations, repeats: int) -> tuple[float, float, float, dict[str, float]]:
    from nncore.explain.report_card import report_card

    baseline = model.background.mean(axis=0)
    began = time.perf_counter()
    report_card(model, explanations, baseline)  # warm-up: the model's copy, tracing
    first = time.perf_counter() - began
    walls, cpus, per_check = [], [], {}
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        card = report_card(model, explanations, baseline)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        for g in card.grades:
            per_check.setdefault(g.check, []).append(g.seconds)
    per_check = {c: sum(v) / repeats for c, v in per_check.items()}
    return first, statistics.median(walls), statistics.median(cpus), per_check


def page_explanations(model, x) -> list:
    """Explanations of `x` by the Explain page's default methods for its kind of input, each
    with the page's default settings (`ui.explain_view.method_params`: integrated gradients'
    automatic steps, LIME's samples, the seed), so the bench times the card a user gets."""
    from nncore.explain.methods import METHODS
    from ui.explain_view import DEFAULT_METHODS, DEFAULT_SETTINGS, method_params

    functions = {m.key: m.function for m in METHODS if model.input_kind in m.input_kinds}
    return [functions[key](model, x, **method_params(key, DEFAULT_SETTINGS)) for key in DEFAULT_METHODS[model.input_kind]]


def run(quick: bool = False) -> list[Row]:
    from bench.explain_speed import _train
    from nncore.explain import ExplainableModel

    warnings.filterwarnings("ignore")
    repeats = 1 if quick else 5
    cancer_run = _train("breast_cancer", "small_mlp", 5)
    digits_run = _train("digits", "lenet_cnn", 3)
    cancer, digits = ExplainableModel.from_run(cancer_run), ExplainableModel.from_run(digits_run)
    row, digit = cancer_run.dataset.x_test[0], digits_run.dataset.x_test[0]
    cases = {
        "tabular": (cancer, page_explanations(cancer, row), "1 breast-cancer row (MLP; SHAP, LIME, IG)"),
        "image": (digits, page_explanations(digits, digit), "1 digit (CNN; IG, Grad-CAM, occlusion)"),
    }
    rows: list[Row] = []
    for kind, (model, explanations, label) in cases.items():
        first, wall, cpu, per_check = _card_seconds(model, explanations, repeats)
        rows.append(Row(f"Report card, {label}", f"{wall:.2f} s", f"<= {TARGETS[kind]:g} s",
                        ratio=f"{wall / TARGETS[kind]:.2f}x target", ok=wall <= TARGETS[kind]))
        rows.append(Row("  same, CPU time of this process", f"{cpu:.2f} s", "(info)"))
        rows.append(Row("  same, first card for the model (copy + compile)", f"{first:.2f} s", "(info)"))
        rows.append(Row("  same, per check (all methods)", ", ".join(f"{c} {s:.2f} s" for c, s in per_check.items()), "(info)"))
    return rows


if __name__ == "__main__":
    from bench.table import print_table

    print_table(run(quick=True), "Report card speed (quick)")
