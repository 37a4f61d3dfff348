"""The report card's engine: verdicts, re-running a method with its own settings, the user's
model left untouched, and a clear "n/a" (never an exception) when a check cannot run."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import integrated_gradients, occlusion, saliency
from nncore.explain.report_card import CHECKS, CardSettings, grade_explanation, reexplainer, report_card, verdict
from tests.explain.trained import linear_model, region_image_model


def test_verdicts_follow_the_stated_thresholds():
    assert [verdict("randomisation", v) for v in (0.2, 0.5, 0.7, 0.81)] == ["pass", "pass", "caution", "fail"]
    assert [verdict("robustness", v) for v in (0.0, 0.3, 2.0)] == ["pass", "caution", "fail"]
    assert [verdict("faithfulness", v) for v in (0.9, 0.3, -0.5)] == ["pass", "caution", "fail"]
    assert [verdict("sparseness", v) for v in (0.7, 0.1, 0.0)] == ["pass", "caution", "caution"]  # never "fail"
    assert verdict("faithfulness", float("nan")) == "n/a"


def test_settings_are_validated():
    with pytest.raises(ValueError, match="Expected samples >= 1"):
        CardSettings(samples=0)


def test_card_grades_every_method_and_leaves_the_model_untouched():
    m = linear_model(np.array([1.5, -2.0, 0.5, 3.0, -1.0]))
    weights = [w.copy() for w in m.model.get_weights()]
    x = np.array([0.2, -1.0, 0.7, 0.1, 2.0], dtype=np.float32)
    exps = [saliency(m, x, absolute=False), integrated_gradients(m, x, baseline="mean", steps=16)]
    card = report_card(m, exps, m.background.mean(axis=0), CardSettings(samples=3, runs=20))
    assert card.methods == ("Saliency", "Integrated gradients")
    assert {(g.method, g.check) for g in card.grades} == {(e.method, c) for e in exps for c in CHECKS}
    assert all(np.array_equal(a, b) for a, b in zip(weights, m.model.get_weights()))
    # A linear model's gradient does not move under noise; IG from the mean is its exact SHAP,
    # whose amounts are the output drops (faithfulness correlation 1).
    assert card.grade("Saliency", "robustness").value == pytest.approx(0.0, abs=1e-6)
    assert card.grade("Integrated gradients", "faithfulness").value == pytest.approx(1.0, abs=1e-4)
    assert card.grade("Integrated gradients", "faithfulness").verdict == "pass"
    # One Dense layer: a one-step cascade.
    assert card.grade("Saliency", "randomisation").detail["layers"] == (m.model.layers[-1].name,)


def test_reexplainer_repeats_a_method_with_its_settings():
    m = region_image_model(slice(2, 5), slice(2, 5))
    x = np.random.default_rng(0).uniform(size=(8, 8, 1)).astype(np.float32)
    exp = occlusion(m, x, patch=3, fill=None)  # recorded as fill="mean"
    again = reexplainer(m, exp)(m, x)
    np.testing.assert_allclose(again.values, exp.values)
    assert again.params == exp.params and again.output_index == exp.output_index


def test_a_check_that_cannot_run_says_why_instead_of_raising():
    m = linear_model(np.array([1.0, 2.0, 3.0]))
    x = np.array([0.5, 0.5, 0.5], dtype=np.float32)
    custom = integrated_gradients(m, x, baseline=np.ones(3, dtype=np.float32), steps=8)
    grades = {g.check: g for g in grade_explanation(m, custom, np.zeros(3, dtype=np.float32), CardSettings(samples=2, runs=10))}
    assert grades["randomisation"].verdict == "n/a" and grades["randomisation"].reason == "custom_baseline"
    assert grades["sparseness"].verdict in ("pass", "caution")  # needs no re-run
    broken = grade_explanation(m, custom, np.zeros(2, dtype=np.float32), CardSettings(samples=2, runs=10), checks=["faithfulness"])
    assert broken[0].verdict == "n/a" and broken[0].reason == "error" and "baseline" in broken[0].message
    with pytest.raises(ValueError, match="Expected checks among"):
        grade_explanation(m, custom, np.zeros(3), checks=["nonsense"])


def test_an_image_card_adds_region_perturbation():
    m = region_image_model(slice(2, 4), slice(2, 4), gain=1.0)
    x = np.zeros((8, 8, 1), dtype=np.float32)
    x[2:4, 2:4] = 1.0  # bright where the model looks: noise (mean 0.5) there lowers class 1
    card = report_card(m, [occlusion(m, x, output_index=1)], np.zeros_like(x), CardSettings(samples=2, runs=20))
    grade = card.grade("Occlusion", "region")
    # Occlusion finds the model's region, so noising it first beats random orders.
    assert grade.verdict in ("pass", "caution") and grade.value > 0 and grade.detail["patch"] == 2
