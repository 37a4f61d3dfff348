"""Class weights checked against their sources: scikit-learn's "balanced" rule and Keras'
`fit(class_weight=...)`.

Sources: scikit-learn, `sklearn.utils.class_weight.compute_class_weight` ("balanced": weights
n_samples / (n_classes * np.bincount(y))), https://scikit-learn.org/stable/modules/generated/
sklearn.utils.class_weight.compute_class_weight.html; Keras, `Model.fit(class_weight=...)`
("a dictionary mapping class indices to a weight ... used for weighting the loss function during
training only"), https://keras.io/api/models/model_training_apis/#fit-method.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.utils.class_weight import compute_class_weight

from nncore.training.class_weights import as_keras_class_weight, balanced_class_weights


def _imbalanced(n: int = 120, share: float = 0.1, seed: int = 0):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < share).astype(np.int64)
    x = (rng.normal(size=(n, 3)) + y[:, None] * 0.8).astype(np.float32)
    return x, y


def test_balanced_weights_equal_scikit_learns():
    _, y = _imbalanced()
    expected = compute_class_weight("balanced", classes=np.array([0, 1]), y=y)
    np.testing.assert_allclose(balanced_class_weights(y, 2), expected, rtol=1e-6)
    y3 = np.array([0] * 50 + [1] * 7 + [2] * 13)
    np.testing.assert_allclose(balanced_class_weights(y3, 3), compute_class_weight("balanced", classes=np.arange(3), y=y3), rtol=1e-6)


@pytest.mark.parametrize("units", [1, 3])  # a sigmoid unit (two classes) and a softmax (three)
def test_a_weighted_training_step_equals_keras_fit_with_class_weight(units):
    """One step of our compiled trainer with class weights moves the weights exactly as one
    `fit` step with `class_weight` does (same loss function, same start, SGD, one full batch)."""
    from nncore.backend import CompiledTrainer, load_keras
    from nncore.models.objective import objective_for

    load_keras()
    import keras

    x, y = _imbalanced()
    n_classes = 2 if units == 1 else 3
    if n_classes == 3:
        y = np.where(x[:, 0] > 1.0, 2, y)
    objective = objective_for("classification", n_classes)
    weights = balanced_class_weights(y, n_classes)

    keras.utils.set_random_seed(0)
    inputs = keras.Input(shape=(3,))
    hidden = keras.layers.Dense(4, activation="tanh")(inputs)
    outputs = keras.layers.Dense(units, activation="sigmoid" if units == 1 else "softmax")(hidden)
    ours = keras.Model(inputs, outputs)
    theirs = keras.models.clone_model(ours)
    theirs.set_weights(ours.get_weights())
    unweighted = keras.models.clone_model(ours)
    unweighted.set_weights(ours.get_weights())

    trainer = CompiledTrainer(ours, keras.optimizers.SGD(learning_rate=0.5), objective, x, y, batch_size=len(x),
                              class_weight=weights)
    trainer.train_chunk(trainer.to_device(x), trainer.to_device(y), np.arange(len(x), dtype=np.int32)[None, :])

    theirs.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss=objective.per_example_loss)
    theirs.fit(x, y, batch_size=len(x), epochs=1, shuffle=False, verbose=0, class_weight=as_keras_class_weight(weights))
    for mine, reference in zip(ours.get_weights(), theirs.get_weights()):
        np.testing.assert_allclose(mine, reference, rtol=1e-5, atol=1e-6)
    # And the weights did something: the same step without them lands elsewhere.
    unweighted.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss=objective.per_example_loss)
    unweighted.fit(x, y, batch_size=len(x), epochs=1, shuffle=False, verbose=0)
    assert not np.allclose(ours.get_weights()[-2], unweighted.get_weights()[-2], rtol=1e-3, atol=1e-4)
