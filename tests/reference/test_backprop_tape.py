"""Reference: the Neuron lab's hand-written NumPy backpropagation against TensorFlow and calculus.

Sources: TensorFlow's automatic differentiation (tf.GradientTape,
https://www.tensorflow.org/guide/autodiff) and its gradient-descent update, run on the same
tiny network in float64 (`nncore.neuron.autodiff_check.framework_step`, TensorFlow by default);
and central finite differences (f(w + h) - f(w - h)) / 2h, the definition of the derivative.
(Moved from tests/neuron/test_neuron_backprop.py, unchanged.)
"""

from __future__ import annotations

import numpy as np
import pytest

from nncore.neuron.activations import ACTIVATIONS
from nncore.neuron.backprop import LOSSES, TinyMLP, TinyMLPParams, compare_with_tensorflow
from tests.neuron.test_neuron_backprop import TOLERANCE, random_case


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_numpy_step_equals_tensorflow(activation, loss):
    model = TinyMLP(activation, loss)
    for seed in (1, 2):
        params, x, y = random_case(seed)
        result = model.step(params, x, y, learning_rate=0.7)
        check = compare_with_tensorflow(model, result)
        assert set(check.differences) == {"forward", "loss", "gradients", "update"}
        assert check.max_abs_difference < TOLERANCE, check.differences
        # The gradients are not trivially small, so agreeing within 1e-6 means something.
        assert np.abs(result.backward.grads.w1).max() > 1e-3


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_gradients_match_finite_differences(activation, loss):
    model = TinyMLP(activation, loss)
    params, x, y = random_case(7, n=5, n_hidden=2)
    grads = model.backward(params, model.forward(params, x), y).grads.arrays()
    base = params.arrays()
    h = 1e-6
    for name, value in base.items():
        flat = np.atleast_1d(value).astype(float).ravel()
        for index in range(flat.size):
            plus, minus = flat.copy(), flat.copy()
            plus[index] += h
            minus[index] -= h

            def loss_at(vector):
                changed = dict(base)
                changed[name] = vector.reshape(np.shape(value)) if np.ndim(value) else vector[0]
                p = TinyMLPParams(**changed)
                return model.loss_value(model.forward(p, x), y)

            numeric = (loss_at(plus) - loss_at(minus)) / (2 * h)
            assert np.atleast_1d(grads[name]).ravel()[index] == pytest.approx(numeric, abs=1e-6)
