"""The facts behind Explain's sentences (nncore.explain.summary): the inputs named are the largest
|attribution| ones, their directions are the signs, values sit at the percentile scipy gives, the
sure-answer record and calibration error are those of the test set, the report card's verdicts
are passed on as they are."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import percentileofscore

from nncore.data.feature_ranges import feature_ranges, level, percentile_rank, training_values
from nncore.explain import Explanation
from nncore.explain.report_card import CardSettings, Grade, ReportCard
from nncore.explain.summary import REGIONS, answer_facts, primary, summarise, trust_facts
from nncore.evaluate.classification import calibration

NAMES = tuple(f"f{i}" for i in range(6))


KEYS = {"LIME": "lime_tabular", "Permutation SHAP": "permutation_shap"}  # the engine names methods by key


def _exp(values, method="LIME", kind="tabular", output_index=1, target="output") -> Explanation:
    values = np.asarray(values, dtype=np.float64)
    return Explanation(values=values, base_value=None, output_index=output_index, predicted_value=0.9, method=method,
                       method_key=KEYS.get(method, ""),
                       feature_names=NAMES if kind == "tabular" else (), instance=np.zeros_like(values),
                       input_kind=kind, output_label="b", target=target)


def test_the_inputs_named_are_the_largest_attributions_with_their_signs():
    values = [0.05, -0.4, 0.2, 0.0, -0.1, 0.3]
    summary = summarise([_exp(values)])
    assert [f.name for f in summary.inputs] == ["f1", "f5", "f2"]  # |-0.4| > 0.3 > 0.2
    order = np.argsort(-np.abs(values), kind="stable")[:3]
    assert [f.position for f in summary.inputs] == order.tolist()
    assert [f.direction for f in summary.inputs] == ["down", "up", "up"]
    assert [f.attribution for f in summary.inputs] == [values[i] for i in order]
    assert summary.agreement == "single" and summary.others == ()


def test_an_additive_shap_method_is_read_first_and_others_confirm_or_contradict():
    shap = _exp([0.5, -0.4, 0.3, 0.0, 0.0, 0.0], method="Permutation SHAP")
    lime = _exp([0.6, 0.5, 0.2, 0.0, 0.0, 0.0], method="LIME")  # same order, f1 the other way
    assert primary([lime, shap]) is shap
    summary = summarise([lime, shap])
    assert summary.method == "Permutation SHAP" and summary.others == ("LIME",)
    by_name = {f.name: f for f in summary.inputs}
    assert by_name["f0"].confirmed_by == ("LIME",) and by_name["f0"].contradicted_by == ()
    assert by_name["f1"].contradicted_by == ("LIME",) and by_name["f1"].confirmed_by == ()
    assert np.isfinite(summary.mean_spearman) and summary.agreement in ("agree", "partly", "disagree")


def test_zero_attributions_name_nothing():
    assert summarise([_exp(np.zeros(6))]).inputs == ()


def test_values_and_percentiles_are_in_the_training_rows_units():
    rng = np.random.default_rng(0)
    training = rng.normal(10, 3, size=(200, 6))
    shown = training[17] + np.array([0, 5, 0, 0, 0, 0])
    summary = summarise([_exp([0.1, 0.9, 0, 0, 0, 0])], shown=shown, training=training)
    first = summary.inputs[0]
    assert first.name == "f1" and first.value == pytest.approx(shown[1])
    # An outside reference: scipy's percentile of a score, ties counted half.
    assert first.percentile == pytest.approx(percentileofscore(training[:, 1], shown[1], kind="mean"))
    assert first.level == level(first.percentile)


@pytest.mark.parametrize("value", [-5.0, 0.0, 2.0, 2.5, 9.0])
def test_percentile_rank_matches_scipy(value):
    column = np.array([0, 1, 2, 2, 2, 3, 4, 5, 6, 9], dtype=float)
    assert percentile_rank(column, value) == pytest.approx(percentileofscore(column, value, kind="mean"))
    assert np.isnan(percentile_rank(column, np.nan))


def test_levels():
    assert [level(p) for p in (95, 80, 50, 20, 5)] == ["very_high", "high", "typical", "low", "very_low"]
    assert level(float("nan")) == "unknown"


def test_images_name_regions_of_a_three_by_three_grid():
    values = np.zeros((9, 9, 1))
    values[7, 8, 0] = 2.0  # bottom right
    values[0, 0, 0] = -1.0  # top left
    summary = summarise([_exp(values, kind="image")])
    assert [f.region for f in summary.inputs] == ["bottom_right", "top_left"]
    assert [f.direction for f in summary.inputs] == ["up", "down"]
    assert summary.inputs[0].name == "" and np.isnan(summary.inputs[0].value)
    assert len(REGIONS) == 9


def test_sequences_name_time_steps():
    values = np.zeros((10, 2))
    values[6] = [0.5, 0.2]
    summary = summarise([_exp(values, kind="sequence")])
    assert [f.position for f in summary.inputs] == [6]


def test_a_very_sure_answer_comes_with_the_test_sets_record():
    test = np.array([[0.995, 0.005], [0.999, 0.001], [0.2, 0.8], [0.993, 0.007], [0.5, 0.5]])
    truth = np.array([0, 1, 1, 0, 0])
    facts = answer_facts(np.array([0.998, 0.002]), test, truth)
    assert facts.predicted == 0 and facts.confidence == pytest.approx(0.998)
    assert facts.sure_from == pytest.approx(0.99)
    assert (facts.sure_total, facts.sure_right) == (3, 2)  # rows 0, 1, 3; row 1 was wrong
    assert facts.ece == pytest.approx(calibration(truth, test, n_bins=10, positive=1).ece)
    unsure = answer_facts(np.array([0.7, 0.3]), test, truth)
    assert np.isnan(unsure.sure_from) and unsure.sure_total == 0


def test_a_regression_answer_with_its_mean_absolute_test_error():
    facts = answer_facts(np.array([12.0]), np.array([[1.0], [5.0]]), np.array([2.0, 2.0]), task="regression")
    assert facts.value == 12.0 and facts.predicted is None
    assert facts.typical_error == pytest.approx(2.0)


def test_the_report_cards_verdicts_are_passed_on():
    grades = tuple(Grade("LIME", check, 0.5, verdict, 0.0) for check, verdict in
                   (("randomisation", "fail"), ("robustness", "caution"), ("faithfulness", "pass"), ("sparseness", "n/a")))
    card = ReportCard(grades, CardSettings(), 0.0)
    facts = trust_facts(card, "LIME")
    assert facts.failed == ("randomisation",) and facts.caution == ("robustness",)
    assert facts.passed == ("faithfulness",) and facts.not_measured == ("sparseness",)
    assert trust_facts(card, "Integrated gradients") is None


def test_feature_ranges_are_the_training_rows_percentiles():
    from nncore.data import load_dataset

    data = load_dataset("breast_cancer")
    raw = training_values(data)
    # Back in original units: the training rows are a subset of scikit-learn's table.
    from sklearn.datasets import load_breast_cancer

    table = load_breast_cancer().data
    assert np.isin(np.round(raw[:, 0], 3), np.round(table[:, 0], 3)).all()
    ranges = feature_ranges(data)
    assert [r.name for r in ranges] == list(data.feature_names)
    low, high = np.percentile(raw[:, 20], [5, 95])
    assert ranges[20].name == "worst radius"
    assert (ranges[20].low, ranges[20].high) == pytest.approx((low, high))
    assert ranges[20].minimum == pytest.approx(raw[:, 20].min())
