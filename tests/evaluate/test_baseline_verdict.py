"""The diagnosis says in words when the network does not beat the simple models, with advice
that follows what its curves showed, in both languages."""

from __future__ import annotations

from nncore.evaluate.baselines import BaselineScores
from nncore.evaluate.diagnosis import compare_with_baselines
from nncore.messages import word

CLASSES = BaselineScores("classification", "accuracy", {"majority": {"accuracy": 0.6}, "logistic": {"accuracy": 0.825}})
ERRORS = BaselineScores("regression", "mae", {"mean": {"mae": 60.0}, "ridge": {"mae": 40.0}})


def test_a_straight_line_does_better_with_advice_from_the_curves():
    verdict = compare_with_baselines(0.675, CLASSES, "overfitting")
    assert verdict.verdict == "linear_wins"
    assert "67.5%" in verdict.message and "82.5%" in verdict.message
    assert "A straight line does better: try early stopping" in verdict.message
    assert "3 to 10 times smaller" in compare_with_baselines(0.675, CLASSES, "oscillating").message
    assert "more epochs" in compare_with_baselines(0.675, CLASSES, "underfitting").message


def test_no_verdict_when_the_network_wins_or_ties():
    assert compare_with_baselines(0.9, CLASSES) is None
    assert compare_with_baselines(0.825, CLASSES) is None
    assert compare_with_baselines(30.0, ERRORS) is None
    assert compare_with_baselines(float("nan"), ERRORS) is None
    assert compare_with_baselines(0.5, None) is None


def test_errors_lower_is_better_and_guessing_is_named():
    assert compare_with_baselines(45.0, ERRORS).verdict == "linear_wins"
    assert compare_with_baselines(61.0, ERRORS).verdict == "no_better_than_guessing"
    assert compare_with_baselines(0.55, CLASSES).verdict == "no_better_than_guessing"


def test_every_verdict_reads_in_chinese_with_its_numbers():
    cases = [(0.675, CLASSES, v) for v in ("overfitting", "oscillating", "underfitting", "too_short", "healthy")]
    cases += [(45.0, ERRORS, ""), (61.0, ERRORS, ""), (0.55, CLASSES, "")]
    for score, baselines, curve in cases:
        verdict = compare_with_baselines(score, baselines, curve)
        for text in (verdict.title, verdict.message):
            chinese = word(text, "zh")
            assert chinese != text and not any(w in chinese for w in ("try", "straight", "network", "guess")), chinese
        numbers = [w for w in ("67.5%", "82.5%", "45", "40", "61", "60", "55.0%") if w in verdict.message]
        assert all(n in word(verdict.message, "zh") for n in numbers)


def test_a_lead_within_chance_on_the_test_set_is_not_called_better():
    # One patient of 114 (the breast-cancer demo: 96.5% against 97.4%) is within one standard
    # error of a difference of two proportions, sqrt(2 p (1 - p) / n) = 2.1 points here.
    close = BaselineScores("classification", "accuracy", {"majority": {"accuracy": 0.63}, "logistic": {"accuracy": 0.974}})
    assert compare_with_baselines(0.965, close, "healthy", n_test=114) is None
    # The same gap on 100,000 examples is real.
    assert compare_with_baselines(0.965, close, "healthy", n_test=100_000).verdict == "linear_wins"
    # 15 points on 40 examples (the small medical table) is more than chance: said.
    assert compare_with_baselines(0.675, CLASSES, "overfitting", n_test=40).verdict == "linear_wins"


def test_a_learning_rate_too_high_gets_the_same_advice_below_the_curves():
    """Issue 15: the breast-cancer MLP with SGD at 5 freezes at guessing; the diagnosis says "more
    epochs or a larger learning rate will not help", so the verdict beneath it must not advise
    them either (it did: "Try more epochs, a learning rate 3 times smaller or larger")."""
    for curve in ("saturated", "diverging", "oscillating"):
        for score, baselines, verdict in ((0.55, CLASSES, "no_better_than_guessing"), (0.675, CLASSES, "linear_wins"),
                                          (61.0, ERRORS, "no_better_than_guessing"), (45.0, ERRORS, "linear_wins")):
            result = compare_with_baselines(score, baselines, curve)
            assert result.verdict == verdict
            english, chinese = str(result.message), word(result.message, "zh")
            assert "smaller" in english and "more epochs" not in english, (curve, english)
            assert "smaller or larger" not in english and "times larger" not in english, (curve, english)
            assert "early stopping" not in english, (curve, english)
            assert "调小" in chinese and "调大" not in chinese and "增加轮数" not in chinese, (curve, chinese)
