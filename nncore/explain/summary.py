"""The facts behind an explanation in sentences: what the model answered and how sure it is,
the few inputs that pushed it most and which way, whether the other methods agree, and what
the report card says about trusting the method.

Facts only, as keys and numbers: the interface words them (ui/explain_sentences.py) in the
person's language. Every fact is read off the numbers the page shows, so a sentence can be
checked against them (tests/explain/test_summary.py):

- the inputs named are the largest |attribution| of one method (an additive SHAP method when
  one was run, as its amounts add up to the prediction; else the first method chosen);
- their direction is the attribution's sign (towards the explained class, or up for a
  regression);
- a value's place in the data is its percentile among the training rows, in original units
  (nncore.data.feature_ranges.percentile_rank);
- images are summed over a 3 x 3 grid of regions (a pixel is too small to name), sequences
  name time steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from nncore.data.feature_ranges import level, percentile_rank
from nncore.explain.trust import ADDITIVE_METHODS, agreement, positions

TOP_INPUTS = 3
# How far down another method's ranking an input may sit and still "agree" that it matters.
CONFIRM_K = 5
# Mean pairwise Spearman rank correlation: from here on the methods "agree" / "partly agree".
AGREE_FROM, PARTLY_FROM = 0.6, 0.3
SURE_FROM = 0.95  # a stated probability this high earns a word on calibration
GRID = 3  # images: a 3 x 3 grid of regions
REGIONS = tuple(f"{row}_{col}" for row in ("top", "middle", "bottom") for col in ("left", "centre", "right"))


@dataclass(frozen=True)
class InputFact:
    """One input that pushed the answer: a table column, an image region or a time step."""

    position: int  # column index, region index (REGIONS) or time step
    name: str  # the column's name (data: escape it); "" for regions and steps
    region: str  # an image region key from REGIONS; "" otherwise
    attribution: float
    direction: str  # "up" (towards the explained class / a higher prediction), "down" or "none"
    value: float  # in the data's units; NaN where there is no single number (a category, a region)
    percentile: float  # the value's place among the training rows, 0-100; NaN when unknown
    level: str  # nncore.data.feature_ranges.level of the percentile
    confirmed_by: tuple[str, ...]  # other methods ranking it in their top CONFIRM_K, same sign
    contradicted_by: tuple[str, ...]  # other methods ranking it in their top CONFIRM_K, opposite sign


@dataclass(frozen=True)
class ExplanationSummary:
    method: str  # the method the inputs are read from
    input_kind: str
    output_index: int | None
    output_label: str
    target: str  # "output" or "score" (Explanation.target)
    inputs: tuple[InputFact, ...]
    others: tuple[str, ...]  # the other methods run
    agreement: str  # "single" (one method), "agree", "partly", "disagree" or "unknown"
    mean_spearman: float  # NaN with one method


@dataclass(frozen=True)
class AnswerFacts:
    """The answer and how sure it is; for a very sure answer, how such answers fared on the test set."""

    task: str
    predicted: int | None  # class index; None for regression
    confidence: float  # the predicted class's probability; NaN for regression
    value: float  # the prediction (regression, target units); NaN otherwise
    sure_from: float  # the threshold the test-set record below is for; NaN when not asked
    sure_right: int  # test examples at least that sure and right
    sure_total: int  # test examples at least that sure
    typical_error: float  # regression: mean absolute test error in target units; NaN otherwise
    ece: float  # classification: Evaluate's expected calibration error (10 bins) on the test set; NaN otherwise


@dataclass(frozen=True)
class TrustFacts:
    """The report card's verdicts for one method, as lists of check names."""

    method: str
    passed: tuple[str, ...]
    caution: tuple[str, ...]
    failed: tuple[str, ...]
    not_measured: tuple[str, ...]


def primary(explanations: Sequence[Any]) -> Any:
    """The explanation the sentences read: an additive SHAP one if run, else the first."""
    for exp in explanations:
        if exp.method_key in ADDITIVE_METHODS:
            return exp
    return explanations[0]


def _direction(value: float) -> str:
    return "up" if value > 0 else "down" if value < 0 else "none"


def _per_position(exp: Any) -> np.ndarray:
    """One value per thing a sentence can name: column, time step, or image region (summed)."""
    values = np.asarray(exp.per_feature(), dtype=np.float64)
    if exp.input_kind != "image":
        return values.reshape(-1)
    height, width = values.shape[:2]
    rows = np.array_split(np.arange(height), GRID)
    cols = np.array_split(np.arange(width), GRID)
    return np.array([values[np.ix_(r, c)].sum() for r in rows for c in cols])


def _top(values: np.ndarray, k: int) -> list[int]:
    # Largest |value| first; ties by position, as nncore.explain.trust.top_k. Zeros say nothing.
    order = np.argsort(-np.abs(values), kind="stable")
    return [int(i) for i in order[:k] if values[i] != 0 and np.isfinite(values[i])]


def summarise(
    explanations: Sequence[Any],
    shown: np.ndarray | None = None,
    training: np.ndarray | None = None,
    top: int = TOP_INPUTS,
) -> ExplanationSummary:
    """The facts for explanations of one input.

    `shown` holds the explained input in the data's own units, one number per column (NaN for
    a category); `training` the training rows the same way, (n, columns). Both are for tables
    only; without them values and percentiles are NaN.
    """
    if not explanations:
        raise ValueError("Expected at least one explanation. Received: none")
    main = primary(explanations)
    values = _per_position(main)
    others = [e for e in explanations if e is not main]
    other_values = [(e.method, _per_position(e)) for e in others]
    confirm_k = min(CONFIRM_K, values.size)
    facts = []
    for i in _top(values, top):
        confirmed, contradicted = [], []
        for method, theirs in other_values:
            if theirs.shape != values.shape or i not in _top(theirs, confirm_k):
                continue
            (confirmed if np.sign(theirs[i]) == np.sign(values[i]) else contradicted).append(method)
        value = percentile = float("nan")
        if main.input_kind == "tabular" and shown is not None:
            value = float(np.asarray(shown, dtype=np.float64).reshape(-1)[i])
            if training is not None:
                percentile = percentile_rank(np.asarray(training, dtype=np.float64)[:, i], value)
        names = main.feature_names
        facts.append(InputFact(
            position=i,
            name=str(names[i]) if main.input_kind == "tabular" and i < len(names) else "",
            region=REGIONS[i] if main.input_kind == "image" else "",
            attribution=float(values[i]),
            direction=_direction(float(values[i])),
            value=value,
            percentile=percentile,
            level=level(percentile),
            confirmed_by=tuple(confirmed),
            contradicted_by=tuple(contradicted),
        ))
    mean_rho, verdict = float("nan"), "single"
    if others:
        try:
            rho = agreement(explanations).spearman
            off = rho[~np.eye(len(rho), dtype=bool)]
            off = off[np.isfinite(off)]
            mean_rho = float(off.mean()) if off.size else float("nan")
        except ValueError:  # explanations of different sizes: nothing to compare
            mean_rho = float("nan")
        verdict = ("unknown" if not np.isfinite(mean_rho) else "agree" if mean_rho >= AGREE_FROM
                   else "partly" if mean_rho >= PARTLY_FROM else "disagree")
    return ExplanationSummary(
        method=main.method, input_kind=main.input_kind, output_index=main.output_index,
        output_label=main.output_label, target=main.target, inputs=tuple(facts),
        others=tuple(e.method for e in others), agreement=verdict, mean_spearman=mean_rho,
    )


def answer_facts(
    output: np.ndarray,
    test_outputs: np.ndarray | None = None,
    test_truth: np.ndarray | None = None,
    task: str = "classification",
    positive: int = 1,
) -> AnswerFacts:
    """What the model answered for one input (`output`: its probabilities, or its prediction).

    With the test set's outputs and true answers: for a classification at least SURE_FROM
    sure, how many test answers at least as sure (rounded down to a whole percent) were right;
    for a regression, the mean absolute test error (both in the units of `output`).
    """
    output = np.atleast_1d(np.asarray(output, dtype=np.float64))
    nan = float("nan")
    if task != "classification":
        error = nan
        if test_outputs is not None and test_truth is not None and len(test_truth):
            predicted = np.asarray(test_outputs, dtype=np.float64).reshape(len(test_truth), -1)[:, 0]
            error = float(np.mean(np.abs(predicted - np.asarray(test_truth, dtype=np.float64).reshape(-1))))
        return AnswerFacts(task, None, nan, float(output[0]), nan, 0, 0, error, nan)
    predicted = int(np.argmax(output))
    confidence = float(output[predicted])
    sure_from, right, total, ece = nan, 0, 0, nan
    if confidence >= SURE_FROM and test_outputs is not None and test_truth is not None and len(test_truth):
        from nncore.evaluate.classification import calibration  # the measure Evaluate shows

        ece = calibration(test_truth, test_outputs, n_bins=10, positive=positive).ece
        sure_from = np.floor(confidence * 100) / 100  # "at least 99% sure", as the page rounds
        probabilities = np.asarray(test_outputs, dtype=np.float64)
        sure = probabilities.max(axis=1) >= sure_from
        total = int(sure.sum())
        right = int((probabilities.argmax(axis=1)[sure] == np.asarray(test_truth).astype(int)[sure]).sum())
    return AnswerFacts(task, predicted, confidence, nan, float(sure_from), right, total, nan, ece)


def trust_facts(card: Any, method: str) -> TrustFacts | None:
    """The report card's verdicts for `method`; None when the card did not grade it."""
    grades = [g for g in getattr(card, "grades", ()) if g.method == method]
    if not grades:
        return None
    by = {v: tuple(g.check for g in grades if g.verdict == v) for v in ("pass", "caution", "fail", "n/a")}
    return TrustFacts(method, by["pass"], by["caution"], by["fail"], by["n/a"])
