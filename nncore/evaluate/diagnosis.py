"""Learning-curve diagnosis: what a training history says, in plain words.

The rules are deliberately simple and their numbers are returned as evidence, so a learner
can check the verdict against the curves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from nncore.training.history import EpochRecord

MIN_EPOCHS = 5
# Overfitting: the best validation epoch is in the first OVERFIT_BEST_SHARE of training and
# validation loss has since risen by at least OVERFIT_RISE of its best value.
OVERFIT_BEST_SHARE = 0.8
OVERFIT_RISE = 0.10
# Oscillation: the epoch-to-epoch change of the training loss flips sign at least this often,
# with a typical jump of at least this share of the typical loss.
OSCILLATION_FLIPS = 0.5
OSCILLATION_AMPLITUDE = 0.10
# Underfitting: loss barely fell, or the training score stayed this close to guessing.
FLAT_RATIO = 0.9
UNDERFIT_ACCURACY_SHARE = 0.5  # below chance + half the way from chance to perfect
UNDERFIT_REGRESSION_SHARE = 0.5  # training MSE above half of what predicting the mean gets

VERDICTS = ("too_short", "oscillating", "overfitting", "underfitting", "healthy")


@dataclass(frozen=True)
class Diagnosis:
    verdict: str  # one of VERDICTS
    title: str
    message: str
    evidence: dict[str, float] = field(default_factory=dict)


def _sign_flip_rate(values: np.ndarray) -> tuple[float, float]:
    """(share of sign flips between successive changes, median |change| / median value)."""
    diffs = np.diff(values)
    signs = np.sign(diffs[diffs != 0])
    flips = float(np.mean(signs[1:] != signs[:-1])) if len(signs) > 1 else 0.0
    level = float(np.median(np.abs(values)))
    amplitude = float(np.median(np.abs(diffs))) / level if level > 0 else 0.0
    return flips, amplitude


def _running_median(values: np.ndarray) -> np.ndarray:
    """Median of each value and its two neighbours (the ends use the neighbour they have)."""
    return np.array([np.median(values[max(0, i - 1) : i + 2]) for i in range(len(values))])


def diagnose_history(
    history: Sequence[EpochRecord], task: str = "classification", n_classes: int = 2,
    baseline_loss: float | None = None,
) -> Diagnosis:
    """Overfitting, underfitting, a too-high learning rate, or healthy, from the epoch records.

    `baseline_loss` (regression): the loss of always predicting the training mean (the
    target's variance); without it underfitting is judged from how much the loss fell.
    """
    records = [r for r in history if math.isfinite(r.loss)]
    n = len(records)
    if n < MIN_EPOCHS:
        return Diagnosis(
            "too_short", "Too few epochs to judge",
            f"Only {n} epoch{'s' if n != 1 else ''} recorded; train for at least {MIN_EPOCHS} to see a trend.",
            {"epochs": float(n)},
        )
    loss = np.array([r.loss for r in records])
    val_loss = np.array([r.val_loss for r in records])
    metric = np.array([r.metric for r in records])
    has_val = bool(np.all(np.isfinite(val_loss)))

    flips, amplitude = _sign_flip_rate(loss)
    evidence = {"epochs": float(n), "training_loss_first": float(loss[0]), "training_loss_last": float(loss[-1]),
                "sign_flip_share": flips, "relative_jump": amplitude}
    if n >= 6 and flips >= OSCILLATION_FLIPS and amplitude >= OSCILLATION_AMPLITUDE:
        return Diagnosis(
            "oscillating", "The training loss jumps up and down",
            f"From one epoch to the next the training loss went up, then down, then up again "
            f"({flips:.0%} of the changes flip direction), by about {amplitude:.0%} of its size each time. "
            "That is the sign of a learning rate that is too high: each update overshoots the "
            "minimum. Try a learning rate 3 to 10 times smaller.",
            evidence,
        )

    if has_val:
        # A 3-epoch running median, so one lucky or unlucky epoch of a noisy validation loss
        # neither makes the "best" epoch nor the "rise" after it.
        smooth = _running_median(val_loss)
        best = int(np.argmin(smooth))
        best_val, last_val = float(smooth[best]), float(smooth[-1])
        rise = (last_val - best_val) / abs(best_val) if best_val != 0 else 0.0
        evidence.update({"best_validation_epoch": float(records[best].epoch), "best_validation_loss": best_val,
                         "validation_loss_last": last_val, "validation_rise": rise,
                         "gap_last": last_val - float(_running_median(loss)[-1])})
        # Smoothed like the validation loss, so one noisy last epoch cannot hide the trend.
        smooth_loss = _running_median(loss)
        training_fell = smooth_loss[-1] < smooth_loss[best]
        # Memorising shows as validation loss above training loss; a validation loss still
        # below it (tiny, easy validation sets) is noise, not overfitting.
        gap = evidence["gap_last"] > 0
        if best + 1 <= OVERFIT_BEST_SHARE * n and n - 1 - best >= 3 and rise >= OVERFIT_RISE and training_fell and gap:
            return Diagnosis(
                "overfitting", "Overfitting: the model started memorising the training data",
                f"The validation loss was lowest around epoch {records[best].epoch} ({best_val:.4g}) and has since "
                f"risen by {rise:.0%} to {last_val:.4g}, while the training loss kept falling "
                f"({smooth_loss[best]:.4g} → {smooth_loss[-1]:.4g}). The network is learning details of the training "
                "examples that do not carry over to new data. Try early stopping, fewer epochs, a smaller "
                "network, dropout or L2 regularization, or more training data.",
                evidence,
            )

    flat = loss[-1] >= FLAT_RATIO * loss[0]
    evidence["loss_ratio_last_to_first"] = float(loss[-1] / loss[0]) if loss[0] else float("nan")
    if task == "classification":
        chance = 1.0 / max(2, n_classes)
        bar = chance + UNDERFIT_ACCURACY_SHARE * (1.0 - chance)
        evidence.update({"training_accuracy_last": float(metric[-1]), "chance_accuracy": chance})
        weak = metric[-1] < bar or (flat and metric[-1] < 0.9)
        score_words = f"training accuracy is only {metric[-1]:.0%} (guessing gets about {chance:.0%})"
    else:
        weak = flat
        if baseline_loss is not None and baseline_loss > 0:
            evidence["baseline_loss"] = float(baseline_loss)
            weak = weak or loss[-1] > UNDERFIT_REGRESSION_SHARE * baseline_loss
        score_words = (
            f"the training loss went from {loss[0]:.4g} to {loss[-1]:.4g}"
            + (f" (always guessing the average scores {baseline_loss:.4g})" if baseline_loss else "")
        )
    if weak:
        return Diagnosis(
            "underfitting", "Underfitting: the model has not learned the pattern",
            f"Both losses stay high: {score_words}. The model is too simple for the data, or it has not "
            "trained long enough, or the learning rate is too small. Try more epochs, a larger learning "
            "rate, or more or wider layers.",
            evidence,
        )

    # Still improving: validation loss over the last fifth of training is lower than over the
    # fifth before it by at least a tenth of its whole fall (noise on a flat tail does not count).
    still_falling = False
    if has_val and n >= 10:
        a, b = int(0.6 * n), int(0.8 * n)
        total_fall = float(val_loss[0] - val_loss.min())
        still_falling = total_fall > 0 and float(val_loss[a:b].mean() - val_loss[b:].mean()) >= 0.1 * total_fall
    return Diagnosis(
        "healthy", "The learning curves look healthy",
        "Training and validation loss both came down and validation loss is at or near its best at the end."
        + (" It was still falling at the end: more epochs may help a little." if still_falling else ""),
        evidence,
    )


# --- the network against the baselines (nncore.evaluate.baselines) ---------------------------
# Concrete advice for a network that a straight line beats, after what its curves showed.
_LINEAR_ADVICE = {
    "overfitting": "early stopping (it keeps the best epoch's weights), dropout or L2 regularization, "
                   "or a smaller network",
    "oscillating": "a learning rate 3 to 10 times smaller, or larger batches",
    "underfitting": "more epochs, or a learning rate 3 times larger",
    "too_short": "more epochs",
}
_LINEAR_ADVICE_DEFAULT = ("early stopping, a learning rate 3 times smaller, dropout or L2 regularization, or the "
                          "Logistic regression preset (on this data a simple model may be all there is to learn)")


def _score_text(value: float, metric_name: str) -> str:
    return f"{value:.1%}" if metric_name == "accuracy" else f"{value:.4g}"


def compare_with_baselines(network_score: float, baselines: object, curve_verdict: str = "") -> Diagnosis | None:
    """A plain-words verdict when the network does no better than the simple models fitted on
    the same split (`baselines`: a BaselineScores); None when it beats them both.

    `network_score` is the run's test metric (accuracy, or MAE in the target's units), the
    metric the baselines' headline uses; `curve_verdict` (from `diagnose_history`) picks the
    advice.
    """
    if baselines is None or network_score is None or not math.isfinite(float(network_score)):
        return None
    metric = baselines.metric_name
    net = float(network_score)
    trivial, linear = baselines.headline(baselines.trivial_key), baselines.headline(baselines.linear_key)
    worse = (lambda base: base > net + 1e-9) if baselines.higher_is_better else (lambda base: base < net - 1e-9)
    not_better = (lambda base: base >= net - 1e-9) if baselines.higher_is_better else (lambda base: base <= net + 1e-9)
    evidence = {"network": net, baselines.trivial_key: trivial, baselines.linear_key: linear}
    what = "accuracy" if metric == "accuracy" else "mean absolute error"
    if not_better(trivial):
        guess = "always answering the most common class" if metric == "accuracy" else "always guessing the average"
        return Diagnosis(
            "no_better_than_guessing", "The network does no better than guessing",
            f"On the test set the network's {what} is {_score_text(net, metric)}, and {guess} scores "
            f"{_score_text(trivial, metric)}: it has learned nothing useful yet. Try more epochs, a learning "
            "rate 3 times smaller or larger, or check that the features can predict the target.",
            evidence,
        )
    if worse(linear):
        model = "a logistic regression" if metric == "accuracy" else "a linear regression (ridge)"
        advice = _LINEAR_ADVICE.get(curve_verdict, _LINEAR_ADVICE_DEFAULT)
        return Diagnosis(
            "linear_wins", "A straight line does better",
            f"On the test set the network's {what} is {_score_text(net, metric)}, while {model} on the same "
            f"inputs scores {_score_text(linear, metric)}. A straight line does better: try {advice}.",
            evidence,
        )
    return None
