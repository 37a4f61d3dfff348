"""A report card for explanations: per method, four checks (five for images) with a verdict each.

- randomisation (Adebayo et al., 2018): does the map change when the model's weights are
  destroyed? (`nncore.explain.randomisation`)
- robustness, max-sensitivity (Yeh et al., 2019): does it stay put under tiny input noise?
  (`nncore.explain.robustness`)
- faithfulness correlation (Bhatt et al., 2020): do the amounts track what removing inputs
  does to the output? (`nncore.explain.faithfulness_correlation`)
- sparseness (Chalasani et al., 2020): how concentrated is it? (`nncore.explain.complexity`)
- for images, region perturbation (Samek et al., 2017): does noising the regions it points at
  first hurt the prediction more than a random order? (`nncore.explain.region_perturbation`)

Verdicts are "pass", "caution", "fail" or "n/a" (could not be measured, with a reason key);
the thresholds below are this tool's conventions, stated so a reader can disagree with
them: the papers define the measures, not pass marks (except Adebayo et al.'s visual
judgement, which the 0.8 rank correlation stands in for). The engine speaks in keys; the UI
words them.
"""

from __future__ import annotations

import inspect
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from nncore.explain.complexity import sparseness
from nncore.explain.faithfulness_correlation import faithfulness_correlation
from nncore.explain.randomisation import Scheme, randomisation_check
from nncore.explain.region_perturbation import region_perturbation
from nncore.explain.robustness import max_sensitivity
from nncore.explain.trust import positions

CHECKS = ("randomisation", "robustness", "faithfulness", "sparseness")
IMAGE_CHECKS = ("region",)  # only where regions of pixels make sense

# (pass up to / from, caution up to / from, lower_is_better). Beyond caution: fail.
THRESHOLDS: dict[str, tuple[float, float, bool]] = {
    # Rank correlation with the map of a randomised model: 0.8 and above = barely changed.
    "randomisation": (0.5, 0.8, True),
    # Largest relative change of the attributions under noise of the chosen radius.
    "robustness": (0.2, 0.5, True),
    # Pearson correlation of attribution sums and output drops over random subsets.
    "faithfulness": (0.5, 0.2, False),
    # Gini index of |attributions|: concentrated (pass) or spread out (caution, never fail).
    "sparseness": (0.5, -np.inf, False),
    # AOPC of the most-relevant-first order minus that of random orders, in output units.
    "region": (0.05, 0.0, False),
}


@dataclass(frozen=True)
class CardSettings:
    """How hard each check looks; defaults sized for a page (about a second per table row).

    `radius` is in training-data standard deviations (of all input values together);
    `subset_fraction` is the share of positions hidden per faithfulness run.
    """

    samples: int = 5
    radius: float = 0.1
    runs: int = 100
    subset_fraction: float = 0.25
    seed: int = 0
    scheme: Scheme = "reinitialise"

    def __post_init__(self) -> None:
        if self.samples < 1 or self.radius <= 0 or self.runs < 2 or not 0 < self.subset_fraction < 1:
            raise ValueError(
                "Expected samples >= 1, radius > 0, runs >= 2 and 0 < subset_fraction < 1. "
                f"Received: samples={self.samples}, radius={self.radius}, runs={self.runs}, "
                f"subset_fraction={self.subset_fraction}"
            )


@dataclass(frozen=True)
class Grade:
    """One check of one method. `reason` says why a verdict is "n/a" ("constant": the map or
    the outputs did not vary, so there is nothing to correlate; "custom_baseline": the
    method's settings cannot be repeated; "error": the check failed, `message` says how)."""

    method: str
    check: str
    value: float
    verdict: str
    seconds: float
    reason: str = ""
    message: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportCard:
    grades: tuple[Grade, ...]
    settings: CardSettings
    seconds: float

    def grade(self, method: str, check: str) -> Grade:
        for g in self.grades:
            if g.method == method and g.check == check:
                return g
        raise KeyError(f"Expected a graded method and check. Received: {method!r}, {check!r}")

    @property
    def methods(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g.method for g in self.grades))


def verdict(check: str, value: float) -> str:
    """"pass", "caution" or "fail" for a measured value; "n/a" for NaN."""
    if not np.isfinite(value):
        return "n/a"
    good, bad, lower_is_better = THRESHOLDS[check]
    if lower_is_better:
        return "pass" if value <= good else "caution" if value <= bad else "fail"
    return "pass" if value >= good else "caution" if value >= bad else "fail"


class CannotRepeat(ValueError):
    """The explanation's method or settings cannot be run again (e.g. a custom baseline)."""


def reexplainer(model: Any, exp: Any) -> Callable[[Any, np.ndarray], Any]:
    """`(model, x) -> Explanation`: the same method with the same settings and class as `exp`,
    for another model (a randomised copy) or another input (a perturbed one)."""
    from nncore.explain.methods import METHODS

    info = next((m for m in METHODS if m.key == exp.method_key and model.input_kind in m.input_kinds), None)
    if info is None:
        raise CannotRepeat(f"Expected a method of this tool. Received: {exp.method!r}")
    accepted = set(inspect.signature(info.function).parameters) - {"model", "x", "output_index"}
    params = {k: v for k, v in exp.params.items() if k in accepted}
    if params.get("baseline") == "custom":
        raise CannotRepeat("Expected a named baseline. Received: a custom baseline array")
    if info.key == "occlusion" and params.get("fill") == "mean":
        params["fill"] = None  # recorded as "mean", passed as None
    function, k = info.function, exp.output_index
    return lambda m, x: function(m, np.asarray(x, dtype=np.float32), output_index=k, **params)


def explained_output(model: Any, exp: Any) -> Callable[[np.ndarray], np.ndarray]:
    """x -> the number `exp` explains, one per row: the class score before softmax/sigmoid when
    a gradient method explained the score (its `target`), else the model's output."""
    if getattr(exp, "target", "output") == "score":
        return model.score_function(exp.output_index)
    return model.output_function(exp.output_index)


def _frozen(x: np.ndarray) -> np.ndarray:
    """A read-only float32 copy: the page's inputs are read-only rows of the test set, and shap's
    numba helpers compile once per array flavour (about 5 s); re-explaining with the same
    flavour reuses the compiled code."""
    x = np.array(x, dtype=np.float32)
    x.setflags(write=False)
    return x


def _timed(method: str, check: str, measure: Callable[[], tuple[float, dict]]) -> Grade:
    started = time.perf_counter()
    try:
        value, detail = measure()
    except CannotRepeat as error:
        return Grade(method, check, float("nan"), "n/a", time.perf_counter() - started, "custom_baseline", str(error))
    except Exception as error:  # noqa: BLE001 - one failing check must not hide the card
        return Grade(method, check, float("nan"), "n/a", time.perf_counter() - started, "error", f"{type(error).__name__}: {error}")
    result = verdict(check, value)
    return Grade(method, check, float(value), result, time.perf_counter() - started, "constant" if result == "n/a" else "", "", detail)


def grade_explanation(
    model: Any,
    exp: Any,
    baseline: np.ndarray,
    settings: CardSettings = CardSettings(),
    predict: Callable[[np.ndarray], np.ndarray] | None = None,
    checks: Sequence[str] | None = None,
) -> list[Grade]:
    """The card's row for one explanation (which must carry its input); `checks` defaults to
    CHECKS, plus IMAGE_CHECKS for images."""
    if checks is None:
        checks = CHECKS + (IMAGE_CHECKS if exp.input_kind == "image" else ())
    unknown = set(checks) - set(CHECKS + IMAGE_CHECKS)
    if unknown:
        raise ValueError(f"Expected checks among {CHECKS + IMAGE_CHECKS}. Received: {sorted(unknown)}")
    x = _frozen(exp.instance)
    # Faithfulness correlation judges the amounts against drops of what the method explained
    # (Bhatt et al.'s f): the class score for gradient methods that explained it, as Quantus
    # reads logits; region perturbation compares probabilities, as Quantus's does (softmax).
    explained = predict or explained_output(model, exp)
    predict = predict or model.output_function(exp.output_index)
    grades = []

    def randomisation() -> tuple[float, dict]:
        again = reexplainer(model, exp)
        result = randomisation_check(lambda twin: positions(again(twin, x)), model, positions(exp),
                                     order="cascade", scheme=settings.scheme, seed=settings.seed)
        return result.value, {"layers": result.layers, "correlations": result.correlations.tolist()}

    def robustness() -> tuple[float, dict]:
        again = reexplainer(model, exp)
        spread = float(np.std(model.background)) or 1.0
        radius = settings.radius * spread
        result = max_sensitivity(lambda xp: again(model, _frozen(xp)).values, x, exp.values, radius,
                                 samples=settings.samples, seed=settings.seed)
        return result.value, {"radius": radius, "changes": result.changes.tolist()}

    def faithfulness() -> tuple[float, dict]:
        size = positions(exp).size
        subset = min(size - 1, max(1, int(round(size * settings.subset_fraction)))) if size > 1 else 1
        result = faithfulness_correlation(exp, explained, baseline, subset_size=subset, runs=settings.runs, seed=settings.seed)
        return result.value, {"subset_size": result.subset_size, "runs": settings.runs}

    def concentration() -> tuple[float, dict]:
        return sparseness(positions(exp)), {}

    def region() -> tuple[float, dict]:
        low, high = float(np.min(model.background)), float(np.max(model.background))
        result = region_perturbation(exp, predict, low, high, seed=settings.seed)
        return result.value, {"patch": result.patch, "aopc": result.aopc, "random_aopc": result.random_aopc}

    measures = {"randomisation": randomisation, "robustness": robustness, "faithfulness": faithfulness,
                "sparseness": concentration, "region": region}
    for check in checks:
        grades.append(_timed(exp.method, check, measures[check]))
    return grades


def report_card(
    model: Any,
    explanations: Sequence[Any],
    baseline: np.ndarray,
    settings: CardSettings = CardSettings(),
    predict_for: Callable[[Any], Callable[[np.ndarray], np.ndarray]] | None = None,
    checks: Sequence[str] | None = None,
) -> ReportCard:
    """Grade every explanation (of the same input) on every check.

    `baseline` is what faithfulness correlation sets hidden positions to (the input's
    shape); `predict_for(exp)` gives the output an explanation explains (default: what it
    explained, `explained_output`, for faithfulness correlation; the model's output for the
    explanation's class, for region perturbation).
    """
    if not explanations:
        raise ValueError("Expected at least one explanation. Received: none")
    started = time.perf_counter()
    grades: list[Grade] = []
    for exp in explanations:
        predict = predict_for(exp) if predict_for else None
        grades.extend(grade_explanation(model, exp, baseline, settings, predict, checks))
    return ReportCard(tuple(grades), settings, time.perf_counter() - started)
