"""The learning-curve diagnosis names what synthetic histories show."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.evaluate import diagnose_history
from nncore.training.history import EpochRecord


def history(loss, val_loss, metric=None, val_metric=None):
    n = len(loss)
    metric = metric if metric is not None else [0.95] * n
    val_metric = val_metric if val_metric is not None else metric
    return [
        EpochRecord(i + 1, float(loss[i]), float(metric[i]), float(val_loss[i]), float(val_metric[i]), 0.1 * (i + 1))
        for i in range(n)
    ]


EPOCHS = np.arange(40)


def test_healthy_curves():
    loss = 0.7 * np.exp(-EPOCHS / 8) + 0.05
    val = loss + 0.02
    result = diagnose_history(history(loss, val, metric=np.linspace(0.6, 0.97, 40)))
    assert result.verdict == "healthy"
    assert "healthy" in result.title


def test_overfitting_validation_rises_while_training_falls():
    loss = 0.7 * np.exp(-EPOCHS / 6) + 0.01  # keeps falling
    val = 0.3 + 0.002 * (EPOCHS - 12) ** 2 / 2  # lowest at epoch 13, then climbs
    result = diagnose_history(history(loss, val))
    assert result.verdict == "overfitting"
    assert result.evidence["best_validation_epoch"] in (12, 13, 14)
    assert result.evidence["validation_rise"] > 0.5
    assert f"epoch {result.evidence['best_validation_epoch']:.0f}" in result.message


def test_a_small_late_rise_is_not_overfitting():
    loss = 0.7 * np.exp(-EPOCHS / 8) + 0.05
    val = loss + 0.02
    val[-4:] += 0.005  # noise, a few percent
    assert diagnose_history(history(loss, val)).verdict == "healthy"


def test_oscillating_training_loss_means_a_learning_rate_too_high():
    rng = np.random.default_rng(0)
    loss = 0.6 + 0.25 * (-1.0) ** EPOCHS + rng.normal(0, 0.02, 40)
    result = diagnose_history(history(loss, loss + 0.05, metric=np.full(40, 0.7)))
    assert result.verdict == "oscillating"
    assert "learning rate" in result.message
    assert result.evidence["sign_flip_share"] > 0.9


def test_small_jitter_on_a_falling_loss_is_not_oscillation():
    rng = np.random.default_rng(0)
    loss = 0.7 * np.exp(-EPOCHS / 8) + 0.1 + rng.normal(0, 0.002, 40)
    assert diagnose_history(history(loss, loss + 0.01)).verdict == "healthy"


def test_underfitting_flat_losses_and_low_accuracy():
    loss = 0.69 - 0.001 * EPOCHS
    result = diagnose_history(history(loss, loss + 0.005, metric=np.full(40, 0.55)), "classification", 2)
    assert result.verdict == "underfitting"
    assert result.evidence["training_accuracy_last"] == 0.55 and result.evidence["chance_accuracy"] == 0.5


def test_underfitting_for_regression_against_the_mean_baseline():
    loss = 0.9 * np.exp(-EPOCHS / 5) + 0.7  # falls, but stays close to guessing the mean (1.0)
    result = diagnose_history(history(loss, loss + 0.05, metric=loss), "regression", 0, baseline_loss=1.0)
    assert result.verdict == "underfitting"
    good = 0.9 * np.exp(-EPOCHS / 5) + 0.05
    assert diagnose_history(history(good, good + 0.02, metric=good), "regression", 0, baseline_loss=1.0).verdict == "healthy"


def test_too_few_epochs_to_judge():
    result = diagnose_history(history([0.7, 0.6, 0.5], [0.7, 0.6, 0.5]))
    assert result.verdict == "too_short" and result.evidence["epochs"] == 3


def test_healthy_says_when_validation_loss_is_still_falling_and_not_when_it_is_flat():
    falling = 0.7 * np.exp(-EPOCHS / 30) + 0.05
    assert "still falling" in diagnose_history(history(falling, falling + 0.02)).message
    rng = np.random.default_rng(1)
    flat = 0.7 * np.exp(-EPOCHS / 3) + 0.05
    noisy_val = flat + 0.02 + rng.normal(0, 0.004, 40)
    assert "still falling" not in diagnose_history(history(flat, noisy_val)).message


def test_one_noisy_validation_epoch_is_not_overfitting():
    # A real history (sine forecast, LSTM): the loss floor is noisy, the best epoch a lucky one.
    loss = [0.537, 0.054, 0.042, 0.047, 0.043, 0.039, 0.036, 0.033, 0.035, 0.031, 0.028, 0.025, 0.028, 0.03,
            0.03, 0.027, 0.027, 0.024, 0.022, 0.023]
    val = [0.047, 0.039, 0.047, 0.081, 0.045, 0.036, 0.046, 0.036, 0.035, 0.038, 0.03, 0.025, 0.03, 0.04,
           0.035, 0.032, 0.031, 0.029, 0.029, 0.029]
    assert diagnose_history(history(loss, val, metric=loss), "regression", 0, baseline_loss=1.0).verdict == "healthy"


def test_validation_loss_below_training_loss_is_not_overfitting():
    # A real history (iris, 30 validation examples): a tiny validation loss wobbles, far below training's.
    loss = [0.709, 0.338, 0.268, 0.159, 0.129, 0.121, 0.11, 0.101, 0.065, 0.101, 0.05, 0.1, 0.122, 0.09,
            0.071, 0.054, 0.059, 0.076, 0.072, 0.035]
    val = [0.245, 0.15, 0.101, 0.078, 0.077, 0.124, 0.042, 0.03, 0.047, 0.038, 0.017, 0.09, 0.026, 0.025,
           0.037, 0.013, 0.014, 0.025, 0.026, 0.018]
    assert diagnose_history(history(loss, val, metric=[0.97] * 20), "classification", 3).verdict != "overfitting"


def test_overfitting_is_seen_through_a_noisy_last_training_epoch():
    # Diabetes-like run: validation loss climbs from about 0.63 to 0.8 while training loss
    # falls, and the very last training epoch happens to spike.
    train = [1.0, .48, .42, .40, .39, .40, .38, .37, .36, .35, .33, .33, .32, .30, .31, .28, .27, .28, .26, .40]
    val = [.68, .58, .65, .66, .64, .66, .63, .65, .66, .64, .67, .70, .72, .68, .85, .70, .68, .72, .82, .77]
    history = [EpochRecord(i + 1, a, 0.0, b, 0.0, float(i)) for i, (a, b) in enumerate(zip(train, val))]
    diagnosis = diagnose_history(history, task="regression")
    assert diagnosis.verdict == "overfitting"
    assert "while the training loss kept falling" in diagnosis.message


# --- issue 15: the overfitting warning weighs the rise against noise and the validation score --


def test_a_rising_validation_loss_with_a_perfect_validation_score_is_not_overfitting():
    """The default circles run: 100% validation accuracy, validation loss 0.009 → 0.03."""
    loss = 0.6 * np.exp(-EPOCHS / 5) + 0.002
    val = 0.009 + 0.021 * np.clip((EPOCHS - 15) / 24, 0, 1)
    result = diagnose_history(history(loss, val, metric=np.full(40, 1.0), val_metric=np.full(40, 1.0)))
    assert result.verdict == "healthy", result.message


def test_a_ten_percent_rise_with_a_steady_validation_score_is_not_overfitting():
    """The breast-cancer demo: validation loss 0.080 → 0.090, validation accuracy unchanged."""
    loss = 0.5 * np.exp(-EPOCHS / 6) + 0.03
    val = 0.08 + 0.010 * np.clip((EPOCHS - 15) / 24, 0, 1)
    result = diagnose_history(history(loss, val, metric=np.full(40, 0.98), val_metric=np.full(40, 0.97)))
    assert result.verdict == "healthy", result.message


def test_a_rise_inside_the_curves_own_noise_is_not_overfitting():
    rng = np.random.default_rng(0)
    loss = 0.5 * np.exp(-EPOCHS / 6) + 0.05
    val = 0.3 + 0.004 * np.clip(EPOCHS - 10, 0, None) / 30 + rng.normal(0, 0.05, 40)
    accuracy = 0.9 + rng.normal(0, 0.01, 40)
    assert diagnose_history(history(loss, val, val_metric=accuracy)).verdict != "overfitting"


def test_overfitting_says_how_big_the_rise_is_and_what_the_validation_score_did():
    loss = 0.7 * np.exp(-EPOCHS / 6) + 0.01
    val = 0.3 + 0.0004 * (EPOCHS - 12) ** 2 * (EPOCHS > 12)
    val_accuracy = 0.93 - 0.002 * np.clip(EPOCHS - 12, 0, None)
    result = diagnose_history(history(loss, val, metric=np.full(40, 0.99), val_metric=val_accuracy))
    assert result.verdict == "overfitting"
    rise = result.evidence["validation_rise_absolute"]
    assert rise == pytest.approx(0.0004 * 26**2, rel=0.1)  # smoothed last value, epoch 39-40
    assert f"risen by {rise:.3g} (" in result.message and "against epoch-to-epoch noise of about ±" in result.message
    assert "Validation accuracy went from 93.0% to 87.7%" in result.message
