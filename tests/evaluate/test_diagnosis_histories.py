"""The learning-curve diagnosis names real training histories by how they were trained.

Labelled set: tests/evaluate/data/learning_histories.json, trained by
tests/evaluate/learning_histories.py (regenerate: `python -m tests.evaluate.learning_histories`);
a few recipes are also trained live here so the stored set cannot drift from what training does.
"""

from __future__ import annotations

import math

import pytest

from nncore.evaluate import diagnose_history
from nncore.evaluate.diagnosis import LEARNING_RATE_TOO_HIGH
from tests.evaluate.learning_histories import RECIPES, load_store, records, train_recipe

# What each label must be called, and the advice it must carry.
EXPECTED = {
    "too_high_lr": (set(LEARNING_RATE_TOO_HIGH), ("smaller",)),
    "overfitting": ({"overfitting"}, ("early stopping",)),
    "underfitting": ({"underfitting"}, ("larger learning rate", "more epochs")),
    "healthy": ({"healthy"}, ()),
    "too_short": ({"too_short"}, ("train for at least",)),
}
STORED = load_store()


def _check(entry) -> None:
    diagnosis = diagnose_history(records(entry), entry["task"], entry["n_classes"])
    verdicts, advice = EXPECTED[entry["label"]]
    assert diagnosis.verdict in verdicts, (entry["name"], diagnosis.verdict, diagnosis.message)
    for words in advice:
        assert words in diagnosis.message, (entry["name"], diagnosis.message)
    if entry["label"] == "too_high_lr":  # never the opposite advice (underfitting's)
        assert "Try more epochs, a larger learning rate" not in diagnosis.message


def test_the_labelled_set_is_large_and_covers_every_case():
    assert len(STORED) >= 30
    assert {e["name"] for e in STORED} == {r.name for r in RECIPES}
    labels = [e["label"] for e in STORED]
    assert {label: labels.count(label) for label in EXPECTED} == {
        "too_high_lr": 16, "overfitting": 7, "underfitting": 5, "healthy": 8, "too_short": 3}


@pytest.mark.parametrize("entry", STORED, ids=[e["name"] for e in STORED])
def test_each_stored_history_gets_its_diagnosis(entry):
    _check(entry)


def test_too_high_learning_rates_show_all_three_shapes():
    shapes = {diagnose_history(records(e), e["task"], e["n_classes"]).verdict for e in STORED if e["label"] == "too_high_lr"}
    assert shapes == {"saturated", "diverging", "oscillating"}


@pytest.fixture(scope="session")
def live_histories():
    """A few recipes trained now, the quick ones: a too-high rate, underfitting, too short."""
    names = ("cancer_sgd5_s0", "circles_linear_s0", "cancer_2epochs")
    return [train_recipe(r) for r in RECIPES if r.name in names]


def test_histories_trained_now_get_their_diagnosis(live_histories):
    assert len(live_histories) == 3
    for entry in live_histories:
        _check(entry)


def test_a_loss_growing_a_quarter_per_epoch_is_divergence():
    from nncore.training.history import EpochRecord

    loss = [0.4 * 1.25**i for i in range(12)]
    history = [EpochRecord(i + 1, v, 0.6, v * 1.1, 0.6, 0.1) for i, v in enumerate(loss)]
    diagnosis = diagnose_history(history)
    assert diagnosis.verdict == "diverging"
    assert diagnosis.evidence["growth_per_epoch"] == pytest.approx(0.25, abs=0.01)
    assert "25%" in diagnosis.message and "smaller" in diagnosis.message


def test_a_loss_that_becomes_nan_is_divergence():
    from nncore.training.history import EpochRecord

    history = [EpochRecord(i + 1, v, 0.5, v, 0.5, 0.1) for i, v in enumerate([0.7, 3.0, 50.0, math.nan, math.nan, math.nan])]
    assert diagnose_history(history).verdict == "diverging"


def test_every_stored_diagnosis_is_translated():
    from tests.pages.test_engine_messages import _check as check_chinese

    for entry in STORED:
        diagnosis = diagnose_history(records(entry), entry["task"], entry["n_classes"])
        check_chinese(diagnosis.title)
        check_chinese(diagnosis.message)
