"""Learning-curve diagnosis: what a training history says, in plain words.

The rules are deliberately simple and their numbers are returned as evidence, so a learner
can check the verdict against the curves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from nncore.messages import Message, join
from nncore.training.history import EpochRecord

MIN_EPOCHS = 5
# Overfitting: the best validation epoch is in the first OVERFIT_BEST_SHARE of training and
# validation loss has since risen by at least OVERFIT_RISE of its best value, its level by more
# than OVERFIT_NOISE times the curve's own epoch-to-epoch noise, and either the validation score got
# worse or the rise is large (OVERFIT_STRONG_RISE and OVERFIT_MIN_ABSOLUTE in loss units). A
# perfect validation score (OVERFIT_PERFECT) is never called overfitting: the loss then only
# measures confidence on examples that are all right.
OVERFIT_BEST_SHARE = 0.8
OVERFIT_RISE = 0.10
OVERFIT_NOISE = 2.0
OVERFIT_STRONG_RISE = 0.2
OVERFIT_MIN_ABSOLUTE = 0.05
OVERFIT_METRIC_DROP = 0.01  # accuracy points (or relative MAE rise) that count as worse
OVERFIT_PERFECT = 0.999
# A learning rate too high shows in three shapes: oscillation (below), divergence (the training
# loss grows: after its lowest point it rose at least DIVERGE_RATIO times, mostly epoch after
# epoch, or it became infinite/NaN) and saturation (the loss froze at a high value: at least
# SATURATED_SHARE of the later epochs change it by less than SATURATED_CHANGE of its size,
# while it is above SATURATED_LEVEL of the loss of guessing and no lower than where it started).
DIVERGE_RATIO = 1.5
DIVERGE_RISING_SHARE = 0.6
SATURATED_SHARE = 0.6
SATURATED_CHANGE = 1e-3
SATURATED_LEVEL = 0.5
# Oscillation: the epoch-to-epoch change of the training loss flips sign at least this often,
# with a typical jump of at least this share of the typical loss. In the labelled real histories
# (tests/evaluate/data) the too-high rates that bounce jump by 9.5% to 16%; every other history
# whose changes flip that often moves by under 1% (0.4% at most).
OSCILLATION_FLIPS = 0.5
OSCILLATION_AMPLITUDE = 0.08
# Underfitting: loss barely fell, or the training score stayed this close to guessing.
FLAT_RATIO = 0.9
UNDERFIT_ACCURACY_SHARE = 0.5  # below chance + half the way from chance to perfect
UNDERFIT_REGRESSION_SHARE = 0.5  # training MSE above half of what predicting the mean gets

VERDICTS = ("too_short", "diverging", "saturated", "oscillating", "overfitting", "underfitting", "healthy")
# The verdicts whose cure is a smaller learning rate.
LEARNING_RATE_TOO_HIGH = ("diverging", "saturated", "oscillating")


@dataclass(frozen=True)
class Diagnosis:
    verdict: str  # one of VERDICTS
    title: Message  # keyed, worded by the UI; str() is the English
    message: Message
    evidence: dict[str, float] = field(default_factory=dict)


def _sign_flip_rate(values: np.ndarray) -> tuple[float, float]:
    """(share of sign flips between successive changes, median |change| / median value)."""
    diffs = np.diff(values)
    signs = np.sign(diffs[diffs != 0])
    flips = float(np.mean(signs[1:] != signs[:-1])) if len(signs) > 1 else 0.0
    # Measured against the loss's size, but never against less than a tenth of where it
    # started: a loss trained down to 1e-5 wobbles by 100% of itself without oscillating.
    level = max(float(np.median(np.abs(values))), 0.1 * abs(float(values[0])))
    amplitude = float(np.median(np.abs(diffs))) / level if level > 0 else 0.0
    return flips, amplitude


def _noise(values: np.ndarray) -> float:
    """Robust standard deviation of a curve's epoch-to-epoch noise: for independent noise of
    spread s, second differences have spread s·√6, and 1.4826·median|·| estimates a spread."""
    second = np.diff(values, 2)
    return float(1.4826 * np.median(np.abs(second)) / np.sqrt(6.0)) if len(second) else 0.0


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
    blown = [r for r in history if not math.isfinite(r.loss)]
    records = [r for r in history if math.isfinite(r.loss)]
    n = len(records)
    if blown:
        return Diagnosis(
            "diverging", Message("msg.tfix.diag.diverging.title"),
            Message("msg.tfix.diag.blown", epoch=blown[0].epoch),
            {"epochs": float(len(history)), "first_broken_epoch": float(blown[0].epoch)},
        )
    if n < MIN_EPOCHS:
        return Diagnosis(
            "too_short", Message("msg.diag.too_short.title"),
            Message.plural("msg.diag.too_short", "n", n=n, least=MIN_EPOCHS),
            {"epochs": float(n)},
        )
    loss = np.array([r.loss for r in records])
    val_loss = np.array([r.val_loss for r in records])
    metric = np.array([r.metric for r in records])
    val_metric = np.array([r.val_metric for r in records])
    has_val = bool(np.all(np.isfinite(val_loss)))

    too_high = _learning_rate_too_high(loss, metric, task, n_classes, baseline_loss)
    if too_high is not None:
        return too_high

    flips, amplitude = _sign_flip_rate(loss)
    evidence = {"epochs": float(n), "training_loss_first": float(loss[0]), "training_loss_last": float(loss[-1]),
                "sign_flip_share": flips, "relative_jump": amplitude}
    if n >= 6 and flips >= OSCILLATION_FLIPS and amplitude >= OSCILLATION_AMPLITUDE:
        return Diagnosis(
            "oscillating", Message("msg.diag.oscillating.title"),
            Message("msg.diag.oscillating", flips=f"{flips:.0%}", jump=f"{amplitude:.0%}"),
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
        # How much the validation loss wobbles from epoch to epoch on its own: a robust
        # standard deviation from its second differences (blind to a steady trend, so a rise
        # does not count as its own noise). A rise within a few wobbles is noise.
        noise = _noise(val_loss)
        rise_abs = last_val - best_val
        smooth_metric = _running_median(val_metric) if np.all(np.isfinite(val_metric)) else None
        if smooth_metric is not None:
            metric_best, metric_last = float(smooth_metric[best]), float(smooth_metric[-1])
            if task == "classification":
                worse = metric_last < metric_best - OVERFIT_METRIC_DROP  # accuracy: higher is better
                perfect = metric_last >= OVERFIT_PERFECT
            else:  # mean absolute error: lower is better
                worse = metric_last > metric_best * (1 + OVERFIT_METRIC_DROP) + 1e-12
                perfect = False
            evidence.update({"validation_metric_at_best": metric_best, "validation_metric_last": metric_last})
        else:
            worse, perfect = False, False
        evidence.update({"validation_noise": noise, "validation_rise_absolute": rise_abs})
        shape = best + 1 <= OVERFIT_BEST_SHARE * n and n - 1 - best >= 3 and training_fell and gap
        # The rise in level: the last epochs' mean against the mean of as many epochs around the
        # best one (averages, so one lucky minimum does not make a rise out of noise).
        k = max(3, n // 5)
        start = min(max(0, best - k // 2), n - k)
        level_rise = float(val_loss[-k:].mean() - val_loss[start : start + k].mean())
        evidence["validation_level_rise"] = level_rise
        above_noise = rise >= OVERFIT_RISE and level_rise > OVERFIT_NOISE * noise
        matters = worse or (rise >= OVERFIT_STRONG_RISE and rise_abs >= OVERFIT_MIN_ABSOLUTE)
        if shape and above_noise and matters and not perfect:
            if smooth_metric is None:
                advice = Message("msg.tfix.diag.overfitting_advice")
            elif task == "classification":
                advice = Message("msg.tfix.diag.val_accuracy", before=f"{metric_best:.1%}", after=f"{metric_last:.1%}")
            else:
                advice = Message("msg.tfix.diag.val_mae", before=f"{metric_best:.4g}", after=f"{metric_last:.4g}")
            curves = Message(
                "msg.tfix.diag.overfitting", epoch=records[best].epoch, best=f"{best_val:.4g}", rise_abs=f"{rise_abs:.3g}",
                rise=f"{rise:.0%}", last=f"{last_val:.4g}", noise=f"{noise:.2g}",
                before=f"{smooth_loss[best]:.4g}", after=f"{smooth_loss[-1]:.4g}",
            )
            return Diagnosis(
                "overfitting", Message("msg.diag.overfitting.title"), join(curves, advice), evidence,
            )

    flat = loss[-1] >= FLAT_RATIO * loss[0]
    evidence["loss_ratio_last_to_first"] = float(loss[-1] / loss[0]) if loss[0] else float("nan")
    if task == "classification":
        chance = 1.0 / max(2, n_classes)
        bar = chance + UNDERFIT_ACCURACY_SHARE * (1.0 - chance)
        evidence.update({"training_accuracy_last": float(metric[-1]), "chance_accuracy": chance})
        weak = metric[-1] < bar or (flat and metric[-1] < 0.9)
        score_words = Message("msg.frag.accuracy_only", accuracy=f"{metric[-1]:.0%}", chance=f"{chance:.0%}")
    else:
        weak = flat
        if baseline_loss is not None and baseline_loss > 0:
            evidence["baseline_loss"] = float(baseline_loss)
            weak = weak or loss[-1] > UNDERFIT_REGRESSION_SHARE * baseline_loss
        score_words = (
            Message("msg.frag.loss_went_baseline", first=f"{loss[0]:.4g}", last=f"{loss[-1]:.4g}", baseline=f"{baseline_loss:.4g}")
            if baseline_loss else Message("msg.frag.loss_went", first=f"{loss[0]:.4g}", last=f"{loss[-1]:.4g}")
        )
    if weak:
        return Diagnosis(
            "underfitting", Message("msg.diag.underfitting.title"), Message("msg.diag.underfitting", score=score_words),
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
        "healthy", Message("msg.diag.healthy.title"),
        join(Message("msg.diag.healthy"), Message("msg.diag.still_falling") if still_falling else ""),
        evidence,
    )


# --- the network against the baselines (nncore.evaluate.baselines) ---------------------------
# Concrete advice for a network that a straight line beats, after what its curves showed.
_LINEAR_ADVICE = ("overfitting", "oscillating", "underfitting", "too_short")  # msg.frag.base.advice_<verdict>


def _score_text(value: float, metric_name: str) -> str:
    return f"{value:.1%}" if metric_name == "accuracy" else f"{value:.4g}"


def _accuracy_noise(accuracy: float, n_test: int | None) -> float:
    """How far apart two accuracies on the same `n_test` examples may be by chance: one standard
    error of a difference of two proportions, sqrt(2 p (1 - p) / n), and never less than one
    example's worth (1 / n). 0 when the test size is unknown."""
    if not n_test:
        return 0.0
    p = min(max(accuracy, 0.0), 1.0)
    return max(math.sqrt(2.0 * p * (1.0 - p) / n_test), 1.0 / n_test)


def compare_with_baselines(
    network_score: float, baselines: object, curve_verdict: str = "", n_test: int | None = None
) -> Diagnosis | None:
    """A plain-words verdict when the network does no better than the simple models fitted on
    the same split (`baselines`: a BaselineScores); None when it beats them both.

    `network_score` is the run's test metric (accuracy, or MAE in the target's units), the
    metric the baselines' headline uses; `curve_verdict` (from `diagnose_history`) picks the
    advice. With `n_test` (the test set's size), a logistic regression only "does better" when
    its lead in accuracy is larger than chance on that many examples (96.5% against 97.4% on 114
    breast-cancer patients is one patient: noise, not a lesson).
    """
    if baselines is None or network_score is None or not math.isfinite(float(network_score)):
        return None
    metric = baselines.metric_name
    net = float(network_score)
    trivial, linear = baselines.headline(baselines.trivial_key), baselines.headline(baselines.linear_key)
    worse = (lambda base: base > net + 1e-9) if baselines.higher_is_better else (lambda base: base < net - 1e-9)
    not_better = (lambda base: base >= net - 1e-9) if baselines.higher_is_better else (lambda base: base <= net + 1e-9)
    evidence = {"network": net, baselines.trivial_key: trivial, baselines.linear_key: linear}
    what = Message("msg.frag.base.accuracy") if metric == "accuracy" else Message("msg.frag.base.mae")
    too_high = curve_verdict in LEARNING_RATE_TOO_HIGH
    if not_better(trivial):
        guess = Message("msg.frag.base.guess_class") if metric == "accuracy" else Message("msg.frag.base.guess_mean")
        # After curves that showed a learning rate too high, the advice is theirs (a smaller
        # rate, fresh weights), never "more epochs or a larger rate", which the curves ruled out.
        return Diagnosis(
            "no_better_than_guessing", Message("msg.base.guessing.title"),
            Message("msg.base.guessing_lr_too_high" if too_high else "msg.base.guessing", what=what,
                    net=_score_text(net, metric), guess=guess, trivial=_score_text(trivial, metric)),
            evidence,
        )
    noise = _accuracy_noise(linear, n_test) if metric == "accuracy" else 0.0
    evidence["chance_gap"] = noise
    if worse(linear) and abs(linear - net) > noise:
        model = Message("msg.frag.base.logistic") if metric == "accuracy" else Message("msg.frag.base.ridge")
        advice = Message(f"msg.frag.base.advice_{curve_verdict if curve_verdict in _LINEAR_ADVICE else 'lr_too_high' if too_high else 'default'}")
        return Diagnosis(
            "linear_wins", Message("msg.base.linear_wins.title"),
            Message("msg.base.linear_wins", what=what, net=_score_text(net, metric), model=model,
                    linear=_score_text(linear, metric), advice=advice),
            evidence,
        )
    return None


def _guess_loss(task: str, n_classes: int, baseline_loss: float | None) -> float | None:
    """The loss of a model that knows nothing: cross-entropy of a uniform guess, or the
    regression baseline (predicting the mean) when given."""
    if task == "classification":
        return math.log(max(2, n_classes))
    return baseline_loss if baseline_loss and baseline_loss > 0 else None


def _learning_rate_too_high(
    loss: np.ndarray, metric: np.ndarray, task: str, n_classes: int, baseline_loss: float | None
) -> Diagnosis | None:
    """Divergence or saturation of the training loss, with their evidence; None if neither."""
    n = len(loss)
    smooth = _running_median(loss)
    low = int(np.argmin(smooth))
    evidence = {"epochs": float(n), "training_loss_first": float(loss[0]), "training_loss_last": float(loss[-1]),
                "lowest_training_loss": float(smooth[low])}
    after = np.diff(loss[low:])
    # A material rise: from a loss trained to nearly 0, a tenfold rise of 1e-6 is not divergence.
    material = smooth[-1] - smooth[low] >= 0.1 * abs(float(loss[0]))
    if (low < n - 2 and material and smooth[-1] >= DIVERGE_RATIO * smooth[low]
            and np.mean(after > 0) >= DIVERGE_RISING_SHARE):
        # The typical epoch-on-epoch growth since the lowest point (a median of ratios: one
        # calm epoch does not hide the trend).
        tail = loss[low:]
        growth = float(np.median(tail[1:] / np.maximum(tail[:-1], 1e-12)) - 1.0)
        evidence.update({"rising_epochs_share": float(np.mean(after > 0)), "growth_per_epoch": growth})
        return Diagnosis(
            "diverging", Message("msg.tfix.diag.diverging.title"),
            Message("msg.tfix.diag.diverging", epoch=low + 1, low=f"{smooth[low]:.4g}", last=f"{loss[-1]:.4g}",
                    growth=f"{growth:.0%}"),
            evidence,
        )
    later = loss[n // 3 :]
    change = np.abs(np.diff(later)) / np.maximum(np.abs(later[:-1]), 1e-12)
    frozen = float(np.mean(change < SATURATED_CHANGE)) if len(change) else 0.0
    # A loss that exploded (a hundredfold in one epoch) and then settled: judge its last third,
    # where it froze, not the long fall from the explosion (with L2 the penalty of the huge
    # weights keeps it far above guessing).
    exploded = n > 3 and bool(np.any(loss[1:] >= 100.0 * np.maximum(loss[:-1], 1e-12)))
    if exploded:
        later = loss[-max(3, n // 3):]
        change = np.abs(np.diff(later)) / np.maximum(np.abs(later[:-1]), 1e-12)
        frozen = float(np.mean(change < SATURATED_CHANGE))
    guess = _guess_loss(task, n_classes, baseline_loss)
    # Stuck high: above half the loss of guessing, and no better than where it started (or far
    # above guessing). A straight-line model stuck at the guessing loss after a fall is underfitting.
    high = loss[-1] >= SATURATED_LEVEL * guess if guess else loss[-1] >= FLAT_RATIO * loss[0]
    high = high and (loss[-1] >= loss[0] or (guess is not None and loss[-1] > 2.0 * guess))
    # A tiny learning rate also moves the loss little, but down, epoch after epoch; a stuck
    # network's loss does not move or wanders either way.
    creeping_down = len(later) > 1 and float(np.mean(np.diff(later) < 0)) >= 0.8 and not (exploded and frozen >= SATURATED_SHARE)
    evidence.update({"frozen_epochs_share": frozen, "guessing_loss": float(guess) if guess else float("nan")})
    if frozen >= SATURATED_SHARE and high and not creeping_down:
        froze = (
            Message("msg.tfix.diag.saturated", loss=f"{loss[-1]:.4g}", accuracy=f"{metric[-1]:.0%}", share=f"{frozen:.0%}")
            if task == "classification"
            else Message("msg.tfix.diag.saturated_regression", loss=f"{loss[-1]:.4g}", share=f"{frozen:.0%}")
        )
        return Diagnosis(
            "saturated", Message("msg.tfix.diag.saturated.title"), join(froze, Message("msg.tfix.diag.saturated_advice")),
            evidence,
        )
    return None
