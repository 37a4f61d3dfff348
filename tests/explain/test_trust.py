"""Which explanation to trust: agreement, faithfulness curves and sanity checks.

A model trained on data where only feature 0 matters must be explained by every method as
"feature 0 first", and each method's own ranking must move the model faster than chance.
"""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import Explanation, ExplainableModel, methods_for
from nncore.explain.trust import (
    agreement,
    faithfulness_curves,
    ig_completeness,
    random_faithfulness,
    sanity_checks,
    shap_additivity,
    spearman,
    top_k_overlap,
)
from tests.explain.trained import feature0_dataset, train


def _exp(values, method="m", base=None, predicted=0.0, instance=None, kind="tabular", params=None):
    values = np.asarray(values, dtype=np.float64)
    key = method.lower().replace(" ", "_")  # "Kernel SHAP" -> "kernel_shap", as the methods name themselves
    return Explanation(values, base, None, predicted, method, params or {}, instance=instance, input_kind=kind,
                       method_key=key)


def test_spearman_of_an_explanation_with_itself_is_one_and_with_its_negation_minus_one():
    v = np.array([0.3, -1.2, 2.0, 0.05, -0.4])
    assert spearman(v, v) == pytest.approx(1.0)
    assert spearman(v, -v) == pytest.approx(-1.0)
    assert spearman(v, v**3) == pytest.approx(1.0)  # ranks, not values
    # Hand-computed: ranks (1,2,3,4) vs (2,1,4,3): d² = 1+1+1+1 = 4, rho = 1 - 6*4/(4*15) = 0.6
    assert spearman([1, 2, 3, 4], [2, 1, 4, 3]) == pytest.approx(0.6)
    assert np.isnan(spearman(np.zeros(4), v[:4]))


def test_top_k_overlap_by_hand():
    a = np.array([5.0, -4.0, 3.0, 0.1, 0.2])  # top-2 by |value|: {0, 1}; top-3: {0, 1, 2}
    b = np.array([0.0, 4.5, 0.1, -6.0, 1.0])  # top-2: {3, 1}; top-3: {3, 1, 4}
    assert top_k_overlap(a, b, 1) == 0.0
    assert top_k_overlap(a, b, 2) == 0.5
    assert top_k_overlap(a, b, 3) == pytest.approx(1 / 3)
    assert top_k_overlap(a, b, 5) == 1.0
    with pytest.raises(ValueError, match=r"Expected k in \[1, 5\]. Received: k=0"):
        top_k_overlap(a, b, 0)


def test_agreement_matrix_is_symmetric_with_ones_on_the_diagonal():
    a, b, c = _exp([1, 2, 3, 4], "a"), _exp([4, 3, 2, 1], "b"), _exp([1, 2, 4, 3], "c")
    result = agreement([a, b, c], k=2)
    assert result.methods == ("a", "b", "c")
    np.testing.assert_allclose(np.diag(result.spearman), 1.0)
    np.testing.assert_allclose(result.spearman, result.spearman.T)
    assert result.spearman[0, 1] == pytest.approx(-1.0)
    assert result.spearman[0, 2] == pytest.approx(0.8)
    assert result.overlap[0, 1] == 0.0 and result.overlap[0, 2] == 1.0  # top-2 of a: {3, 2}; of c: {2, 3}


def test_deletion_curve_of_a_linear_model_by_hand():
    w = np.array([3.0, 1.0, 0.0, -1.0])
    x = np.ones(4, dtype=np.float32)
    exp = _exp(w * x, instance=x)  # order by value: 0, 1, 2, 3
    predict = lambda batch: batch.reshape(len(batch), -1) @ w
    curve = faithfulness_curves(exp, predict, baseline=np.zeros(4), steps=4)
    np.testing.assert_allclose(curve.fractions, [0, 0.25, 0.5, 0.75, 1.0])
    np.testing.assert_allclose(curve.deletion, [3, 0, -1, -1, 0])
    np.testing.assert_allclose(curve.insertion, [0, 3, 4, 4, 3])
    assert curve.deletion_area == pytest.approx(0.25 * (1.5 + (-0.5) + (-1) + (-0.5)))
    assert curve.insertion_area == pytest.approx(0.25 * (1.5 + 3.5 + 4 + 3.5))


def test_image_deletion_hides_whole_pixels_over_all_channels():
    x = np.ones((2, 2, 3), dtype=np.float32)
    values = np.zeros((2, 2, 3))
    values[1, 1] = 1.0  # pixel (1, 1) first
    seen = []
    def predict(batch):
        seen.append(batch.copy())
        return batch.sum(axis=(1, 2, 3))
    curve = faithfulness_curves(_exp(values, instance=x, kind="image"), predict, baseline=np.zeros_like(x), steps=4)
    np.testing.assert_allclose(curve.deletion, [12, 9, 6, 3, 0])
    assert np.all(seen[0][1][1, 1] == 0) and np.all(seen[0][1][0, 0] == 1)


def test_sanity_checks_report_their_errors():
    shap = _exp([0.1, 0.2], "Permutation SHAP", base=0.5, predicted=0.8)
    check = shap_additivity(shap)
    assert check.error == pytest.approx(0.0, abs=1e-12) and check.passed
    off = shap_additivity(_exp([0.1, 0.2], "Kernel SHAP", base=0.5, predicted=0.9))
    assert off.error == pytest.approx(-0.1) and not off.passed and off.relative_error == pytest.approx(0.25)
    ig = ig_completeness(_exp([0.2, 0.19], "Integrated gradients", base=0.1, predicted=0.5, params={"steps": 8}))
    assert ig.error == pytest.approx(-0.01) and ig.relative_error == pytest.approx(0.025) and not ig.passed
    checks = sanity_checks([shap, _exp([1.0, 0.0], "Saliency"), _exp([0.2, 0.2], "Integrated gradients", base=0.1, predicted=0.5)])
    assert [c.method for c in checks] == ["Permutation SHAP", "Integrated gradients"]
    with pytest.raises(ValueError, match="Expected an explanation with a base value"):
        shap_additivity(_exp([1.0], "Saliency"))


def test_sanity_checks_speak_in_keys_the_page_words_in_each_language():
    """The engine says which promise and what note as keyed messages: the Chinese page showed
    "additivity: base + sum = output" and "32 steps; more steps shrink the gap" in English."""
    from nncore.messages import word

    shap = shap_additivity(_exp([0.1, 0.2], "Permutation SHAP", base=0.5, predicted=0.8))
    ig = ig_completeness(_exp([0.2, 0.19], "Integrated gradients", base=0.1, predicted=0.5, params={"steps": 32}))
    for text in (shap.check, shap.note, ig.check, ig.note):
        assert text.key.startswith("msg.trust."), text
        assert word(text, "zh") != str(text)
    assert str(ig.note).startswith("32 steps") and "32" in word(ig.note, "zh")
    assert str(shap.check) == "additivity: base + sum = output"


@pytest.fixture(scope="module")
def feature0_model():
    run = train("feature0", "small_mlp", 30, dataset=feature0_dataset(), learning_rate=0.02)
    assert run.test_metric > 0.9
    return ExplainableModel.from_run(run)


def _instances(model):
    # Rows whose feature 0 is clearly away from the boundary: every method has signal there.
    x = model.background
    return x[np.abs(x[:, 0] - 0.5) > 0.7][:4]


def test_every_method_ranks_the_only_feature_that_matters_first(feature0_model):
    methods = methods_for(feature0_model)
    assert {m.key for m in methods} >= {"saliency", "integrated_gradients", "kernel_shap", "permutation_shap", "lime_tabular"}
    for x in _instances(feature0_model):
        for method in methods:
            exp = method.function(feature0_model, x)
            assert int(np.argmax(np.abs(exp.values))) == 0, (method.key, exp.values)


def test_a_methods_ranking_deletes_faster_than_a_random_one(feature0_model):
    from nncore.explain import integrated_gradients, permutation_shap

    baseline = feature0_model.background.mean(axis=0)
    x_all = feature0_model.background
    # Positive rows: removing feature 0 (to its mean, well below the threshold) flips them.
    for x in x_all[x_all[:, 0] > 1.4][:3]:
        for explain in (integrated_gradients, permutation_shap):
            exp = explain(feature0_model, x)
            predict = feature0_model.output_function(exp.output_index)
            own = faithfulness_curves(exp, predict, baseline, steps=5)
            chance = random_faithfulness(exp, predict, baseline, steps=5, repeats=10, seed=1)
            assert own.deletion_area < chance.deletion_area - 0.05
            assert own.insertion_area > chance.insertion_area + 0.05
            # The curves start at the model's output (gradient methods' predicted_value is the score).
            assert own.deletion[0] == pytest.approx(float(predict(x[None])[0]), abs=1e-5)
