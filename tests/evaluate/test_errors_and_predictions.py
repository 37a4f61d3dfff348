"""Predictions follow the output layer; the error browser returns the truly worst examples."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from nncore.data.dataset import Dataset, Preprocessing
from nncore.evaluate import error_table, outputs_to_predictions, sample_indices, worst_examples
from nncore.models.objective import objective_for

BINARY = objective_for("classification", 2)
MULTI = objective_for("classification", 3)
REGRESSION = objective_for("regression", 0)


def test_sigmoid_output_becomes_two_column_probabilities():
    preds = outputs_to_predictions(np.array([[0.2], [0.7], [0.5]]), np.array([0, 1, 1]), BINARY)
    np.testing.assert_allclose(preds.probabilities, [[0.8, 0.2], [0.3, 0.7], [0.5, 0.5]])
    assert preds.predicted.tolist() == [0, 1, 0]  # 0.5 is not above the threshold, as in training
    assert preds.probabilistic


def test_hinge_scores_are_squashed_but_keep_the_models_decisions():
    hinge = objective_for("classification", 2, loss="hinge")
    preds = outputs_to_predictions(np.array([[-2.0], [0.1]]), np.array([0, 1]), hinge)
    assert preds.predicted.tolist() == [0, 1] and not preds.probabilistic
    assert preds.probabilities[1, 1] > 0.5 > preds.probabilities[0, 1]


def test_regression_predictions_are_mapped_back_to_original_units():
    prep = Preprocessing(target_mean=100.0, target_scale=10.0)
    preds = outputs_to_predictions(np.array([[0.5], [-1.0]]), np.array([0.0, -1.0]), REGRESSION,
                                   inverse_target=prep.inverse_target)
    np.testing.assert_allclose(preds.predicted, [105.0, 90.0])
    np.testing.assert_allclose(preds.y_true, [100.0, 90.0])


def test_worst_by_loss_is_the_least_probability_on_the_true_class():
    p = np.array([[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.5, 0.3, 0.2], [0.05, 0.9, 0.05]])
    y = np.array([0, 0, 2, 2, 1])  # true-class probabilities: 0.9, 0.2, 0.8, 0.2, 0.9
    preds = outputs_to_predictions(p, y, MULTI)
    worst = worst_examples(preds, k=3, ranking="loss")
    assert worst.indices.tolist() == [1, 3, 2]  # ties (0.2, 0.2) keep the split's order
    np.testing.assert_allclose(worst.scores, -np.log([0.2, 0.2, 0.8]))
    assert worst.predicted.tolist() == [1, 0, 2]
    np.testing.assert_allclose(worst.confidence, [0.7, 0.5, 0.8])


def test_worst_by_confidence_lists_only_mistakes_surest_first():
    p = np.array([[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.5, 0.3, 0.2], [0.05, 0.9, 0.05]])
    y = np.array([0, 0, 2, 2, 0])
    worst = worst_examples(outputs_to_predictions(p, y, MULTI), k=10, ranking="confidence")
    assert worst.indices.tolist() == [4, 1, 3]  # wrong with 0.9, 0.7, 0.5
    np.testing.assert_allclose(worst.scores, [0.9, 0.7, 0.5])


def test_worst_regression_examples_by_absolute_error():
    preds = outputs_to_predictions(np.array([1.0, 5.0, 2.0, -3.0]), np.array([1.0, 2.0, 2.5, 0.0]), REGRESSION)
    worst = worst_examples(preds, k=2)
    assert worst.ranking == "abs_error" and worst.indices.tolist() == [1, 3]
    np.testing.assert_allclose(worst.scores, [3.0, 3.0])
    with pytest.raises(ValueError, match="abs_error"):
        worst_examples(preds, ranking="loss")


def test_error_table_shows_inputs_in_original_units():
    prep = Preprocessing(feature_mean=np.array([10.0, 0.0]), feature_scale=np.array([2.0, 1.0]))
    x = np.array([[0.0, 1.0], [1.0, -1.0], [-1.0, 0.0]], dtype=np.float32)
    y = np.array([0, 1, 1])
    dataset = Dataset("t", "T", "classification", "tabular", x, y, x, y, x, y, ("height", "weight"),
                      ("small", "big"), prep, target_name="size")
    preds = outputs_to_predictions(np.array([[0.3], [0.9], [0.1]]), y, BINARY)
    table = error_table(dataset, worst_examples(preds, k=2))
    assert table["example"] == [2, 0]
    assert table["true size"] == ["big", "small"] and table["predicted"] == ["small", "small"]
    assert table["height"] == [8.0, 10.0] and table["weight"] == [0.0, 1.0]
    assert table["loss"] == pytest.approx((-np.log([0.1, 0.7])).tolist(), rel=1e-6)


def test_sample_indices_caps_and_is_reproducible():
    assert sample_indices(10, cap=20).tolist() == list(range(10))
    a, b = sample_indices(10_000, cap=500, seed=3), sample_indices(10_000, cap=500, seed=3)
    assert len(a) == 500 and len(set(a.tolist())) == 500 and a.tolist() == b.tolist() and (np.diff(a) > 0).all()


def test_predict_split_runs_the_model_on_the_runs_own_test_set():
    import keras

    from tests.helpers import make_dataset

    dataset = make_dataset(n_classes=3, n=60)
    inputs = keras.Input((2,))
    model = keras.Model(inputs, keras.layers.Dense(3, activation="softmax")(inputs))
    from nncore.evaluate import predict_split

    run = SimpleNamespace(model=model, dataset=dataset, objective=MULTI)
    preds = predict_split(run, "test")
    expected = np.asarray(model(dataset.x_test, training=False))
    np.testing.assert_allclose(preds.probabilities, expected, rtol=1e-5, atol=1e-6)
    assert preds.y_true.tolist() == dataset.y_test.tolist() and preds.n == 12
    with pytest.raises(ValueError, match="split"):
        predict_split(run, "holdout")
