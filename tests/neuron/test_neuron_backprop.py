"""The teaching NumPy backpropagation solves XOR with two hidden units but not with one (its
checks against TensorFlow and finite differences are in tests/reference/test_backprop_tape.py)."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.errors import NNExplorerError
from nncore.neuron.backprop import TinyMLP, TinyMLPParams, accuracy
from nncore.neuron.problems import load_problem, xor_corners

TOLERANCE = 1e-6


def random_case(seed: int, n: int = 9, n_hidden: int = 3):
    rng = np.random.default_rng(seed)
    params = TinyMLPParams(
        w1=rng.normal(size=(2, n_hidden)), b1=rng.normal(size=n_hidden), w2=rng.normal(size=n_hidden), b2=rng.normal()
    )
    x = rng.normal(size=(n, 2)) * 1.5
    y = (rng.random(n) > 0.5).astype(float)
    return params, x, y


def test_step_update_is_minus_learning_rate_times_gradient_and_loss_falls():
    model = TinyMLP("tanh", "mse")
    params, x, y = random_case(3)
    result = model.step(params, x, y, learning_rate=0.1)
    g, change, after = result.backward.grads.arrays(), result.change.arrays(), result.after.arrays()
    for name, before in params.arrays().items():
        np.testing.assert_allclose(change[name], -0.1 * g[name])
        np.testing.assert_allclose(after[name], before + change[name])
    new_loss = model.loss_value(model.forward(result.after, x), y)
    assert new_loss < result.loss


def test_cross_entropy_is_finite_when_the_output_saturates():
    model = TinyMLP("relu", "cross_entropy")
    params = TinyMLPParams(w1=[[50.0], [0.0]], b1=[0.0], w2=[40.0], b2=0.0)
    x, y = np.array([[1.0, 0.0]]), np.array([0.0])  # z_out = 2000: sigmoid rounds to exactly 1
    result = model.step(params, x, y, 0.1)
    assert result.loss == pytest.approx(2000.0)
    assert result.backward.delta2[0] == pytest.approx(1.0)


def test_two_hidden_sigmoid_units_solve_xor_from_seed_0():
    data = xor_corners()
    model = TinyMLP("sigmoid", "cross_entropy")
    params = model.init(n_hidden=2, seed=0)
    # Stepping one full step at a time is the same as training in one go.
    stepped = params
    for _ in range(500):
        stepped = model.step(stepped, data.x, data.y, 2.0).after
    trained = model.train(params, data.x, data.y, learning_rate=2.0, n_steps=500)
    assert stepped.max_abs_difference(trained.params) < 1e-12
    final = model.forward(trained.params, data.x)
    assert accuracy(final, data.y) == 1.0
    assert model.loss_value(final, data.y) < 0.05
    assert trained.losses[0] > 0.69  # started as a coin flip
    first_solved = int(np.argmax(trained.accuracies == 1.0))
    assert 100 < first_solved < 300  # measured: step 196


@pytest.mark.parametrize("seed", range(6))
def test_one_hidden_unit_cannot_solve_xor(seed):
    # One hidden unit means the output depends on the inputs only through one weighted sum:
    # a single straight line, and no line separates XOR's classes. Best possible: 3 of 4.
    data = xor_corners()
    model = TinyMLP("sigmoid", "cross_entropy")
    trained = model.train(model.init(n_hidden=1, seed=seed), data.x, data.y, learning_rate=2.0, n_steps=2000)
    assert trained.accuracies.max() <= 0.75
    assert model.loss_value(model.forward(trained.params, data.x), data.y) > 0.3


def test_problems_from_the_dataset_registry_are_small_and_labelled():
    circles = load_problem("circles", n_points=60)
    assert circles.x.shape == (60, 2) and set(np.unique(circles.y)) == {0.0, 1.0}
    model = TinyMLP("tanh", "cross_entropy")
    trained = model.train(model.init(4, seed=0), circles.x, circles.y, learning_rate=1.0, n_steps=1500)
    assert trained.accuracies[-1] > 0.9


def test_bad_inputs_say_what_was_expected():
    with pytest.raises(NNExplorerError, match=r"Expected `b1` of shape \(2,\)"):
        TinyMLPParams(w1=np.zeros((2, 2)), b1=np.zeros(3), w2=np.zeros(2), b2=0.0)
    with pytest.raises(NNExplorerError, match="Expected 1 to 8 hidden units"):
        TinyMLP().init(0, seed=0)
    with pytest.raises(NNExplorerError, match="positive `learning_rate`"):
        TinyMLP().step(TinyMLP().init(2, 0), np.zeros((1, 2)), [0.0], 0.0)
    params = TinyMLP().init(2, 0)
    assert not params.w1.flags.writeable  # frozen: the lab's history can't be changed behind its back
