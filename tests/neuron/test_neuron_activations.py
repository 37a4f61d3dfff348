"""Activations: values, slopes that match finite differences, and computed flat regions."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.errors import NNExplorerError
from nncore.neuron.activations import ACTIVATIONS, LEAKY_SLOPE, activate, flat_regions, slope
from nncore.neuron.artificial import neuron_output


@pytest.mark.parametrize("key", list(ACTIVATIONS))
def test_slope_matches_a_finite_difference(key):
    z = np.array([-6.0, -2.5, -0.7, 0.3, 1.9, 5.5])  # away from the kinks at 0
    h = 1e-6
    numeric = (activate(key, z + h) - activate(key, z - h)) / (2 * h)
    np.testing.assert_allclose(slope(key, z), numeric, atol=1e-7)


def test_known_values():
    assert activate("sigmoid", 0.0) == 0.5
    assert slope("sigmoid", 0.0) == 0.25
    assert slope("tanh", 0.0) == 1.0
    np.testing.assert_allclose(activate("relu", [-2.0, 3.0]), [0.0, 3.0])
    np.testing.assert_allclose(activate("leaky_relu", [-2.0, 3.0]), [-2.0 * LEAKY_SLOPE, 3.0])
    np.testing.assert_allclose(activate("elu", [-50.0]), [-1.0])
    np.testing.assert_allclose(activate("softplus", [0.0]), [np.log(2.0)])
    # No overflow warnings or infinities far out.
    assert activate("sigmoid", [-800.0, 800.0]).tolist() == [0.0, 1.0]
    assert activate("softplus", [800.0]).item() == 800.0


def test_flat_regions_are_found_from_the_slope():
    sig = flat_regions("sigmoid", 0.05)
    # sigmoid'(z) = 0.05 * 0.25 where s(1-s) = 0.0125: |z| = ln((1+sqrt(0.95))/(1-sqrt(0.95))) ≈ 4.36
    expected = np.log((1 + np.sqrt(0.95)) / (1 - np.sqrt(0.95)))
    assert sig.left == pytest.approx(-expected, abs=0.01) and sig.right == pytest.approx(expected, abs=0.01)
    assert flat_regions("relu").left == pytest.approx(0.0) and flat_regions("relu").right is None
    assert flat_regions("leaky_relu") == flat_regions("leaky_relu").__class__(None, None, 0.05)
    assert flat_regions("elu").left == pytest.approx(np.log(0.05), abs=0.01) and flat_regions("elu").right is None


def test_one_neuron_sums_weighted_inputs_and_applies_every_activation():
    out = neuron_output([1.0, 0.5, -0.5], [0.8, -0.4, 0.3], bias=0.2)
    assert out.products == pytest.approx((0.8, -0.2, -0.15))
    assert out.z == pytest.approx(0.65)
    assert out.outputs["relu"] == pytest.approx(0.65)
    assert out.outputs["sigmoid"] == pytest.approx(1 / (1 + np.exp(-0.65)))
    assert out.slopes["tanh"] == pytest.approx(1 - np.tanh(0.65) ** 2)
    with pytest.raises(NNExplorerError, match="Expected as many weights as inputs"):
        neuron_output([1.0, 2.0], [1.0], 0.0)
    with pytest.raises(NNExplorerError, match="Received: 'swish'"):
        activate("swish", 0.0)
