"""Dead ReLU units, saturated sigmoid units and the PCA of a layer's representation."""

from __future__ import annotations

import numpy as np

from nncore.inspect.activations import ActivationProbe
from nncore.inspect.unit_stats import layer_unit_stats, pca_2d


def _mlp(activation: str, units: int = 10, seed: int = 0):
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    inputs = keras.Input(shape=(4,))
    hidden = keras.layers.Dense(units, activation=activation, name="hidden")(inputs)
    outputs = keras.layers.Dense(2, activation="softmax", name="output")(hidden)
    model = keras.Model(inputs, outputs)
    x = np.random.default_rng(seed).normal(size=(300, 4)).astype(np.float32)
    return model, x


def test_units_with_a_large_negative_bias_are_found_dead_exactly():
    model, x = _mlp("relu")
    kernel, bias = model.get_layer("hidden").get_weights()
    kernel = np.random.default_rng(1).normal(size=kernel.shape).astype(np.float32) * 0.5
    bias[:] = 0.1
    killed = [1, 4, 7]
    bias[killed] = -100.0
    model.get_layer("hidden").set_weights([kernel, bias])
    probe = ActivationProbe(model)
    stats = layer_unit_stats(probe.layer("hidden"), probe(x)["hidden"])
    assert np.flatnonzero(stats.dead).tolist() == killed
    assert stats.dead_share == 0.3
    assert "30% of the units in hidden are dead" in stats.warning
    assert not stats.saturated.any()


def test_a_sigmoid_layer_driven_by_large_weights_is_saturated():
    model, x = _mlp("sigmoid")
    rng = np.random.default_rng(2)
    layer = model.get_layer("hidden")
    gentle = [rng.normal(size=(4, 10)).astype(np.float32) * 0.1, np.zeros(10, dtype=np.float32)]
    layer.set_weights(gentle)
    probe = ActivationProbe(model)
    calm = layer_unit_stats(probe.layer("hidden"), probe(x)["hidden"])
    assert calm.saturated_share == 0.0 and calm.warning is None
    layer.set_weights([gentle[0] * 1000.0, gentle[1]])
    driven = layer_unit_stats(probe.layer("hidden"), probe(x)["hidden"])
    assert driven.saturated_share >= 0.9
    assert "saturated" in driven.warning and "sigmoid" in driven.warning
    assert not driven.dead.any()  # dead is a ReLU notion
    assert driven.histogram_counts.sum() == 300 * 10


def test_pca_finds_the_direction_of_largest_spread():
    rng = np.random.default_rng(0)
    t = rng.normal(size=200)
    values = np.column_stack([t * 10, t * 10, rng.normal(size=200) * 0.1, np.zeros(200)])
    projection = pca_2d(values)
    assert projection.coords.shape == (200, 2)
    assert projection.explained[0] > 0.99
    # The first coordinate is the spread along (1, 1, 0, 0): |coord| = |t| * 10 * sqrt(2).
    np.testing.assert_allclose(np.abs(projection.coords[:, 0]), np.abs(t - t.mean()) * 10 * np.sqrt(2), rtol=1e-3)
