"""Our backend-neutral losses must equal Keras's reference implementations."""

import numpy as np
import pytest

keras = pytest.importorskip("keras")

from nncore.models.objective import objective_for  # noqa: E402

rng = np.random.default_rng(0)


def test_binary_crossentropy_matches_keras():
    y = rng.integers(0, 2, 50)
    p = rng.uniform(0.01, 0.99, (50, 1)).astype("float32")
    ours = objective_for("classification", 2).per_example_loss(y, p)
    ref = keras.losses.binary_crossentropy(y[:, None].astype("float32"), p)
    np.testing.assert_allclose(np.asarray(ours), np.asarray(ref), rtol=1e-5, atol=1e-6)


def test_categorical_crossentropy_matches_keras():
    y = rng.integers(0, 4, 50)
    logits = rng.normal(size=(50, 4)).astype("float32")
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    ours = objective_for("classification", 4).per_example_loss(y, p)
    ref = keras.losses.sparse_categorical_crossentropy(y, p)
    np.testing.assert_allclose(np.asarray(ours), np.asarray(ref), rtol=1e-5, atol=1e-6)


def test_mse_and_hinge_match_keras():
    y = rng.normal(size=50).astype("float32")
    p = rng.normal(size=(50, 1)).astype("float32")
    ours = objective_for("regression", 0).per_example_loss(y, p)
    np.testing.assert_allclose(np.asarray(ours), (p[:, 0] - y) ** 2, rtol=1e-5)

    labels = rng.integers(0, 2, 50)
    scores = rng.normal(size=(50, 1)).astype("float32")
    ours = objective_for("classification", 2, loss="hinge").per_example_loss(labels, scores)
    ref = keras.losses.hinge(labels[:, None].astype("float32"), scores)  # maps {0,1} to {-1,1}
    np.testing.assert_allclose(np.asarray(ours), np.asarray(ref), rtol=1e-5, atol=1e-6)

    labels = rng.integers(0, 3, 50)
    scores = rng.normal(size=(50, 3)).astype("float32")
    ours = objective_for("classification", 3, loss="hinge").per_example_loss(labels, scores)
    # Crammer-Singer multi-class hinge: max(0, 1 + best wrong score - true score). (Keras's
    # categorical_hinge also clips the best wrong score at 0, which is not the textbook loss.)
    true_score = scores[np.arange(50), labels]
    wrong = np.where(np.eye(3, dtype=bool)[labels], -np.inf, scores).max(axis=1)
    np.testing.assert_allclose(np.asarray(ours), np.maximum(0, 1 + wrong - true_score), rtol=1e-5, atol=1e-6)


def test_accuracy_metric_counts_correct_predictions():
    objective = objective_for("classification", 3)
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]], dtype="float32")
    correct = objective.per_example_metric(np.array([0, 2, 2]), p)
    np.testing.assert_array_equal(np.asarray(correct), [1.0, 0.0, 1.0])
