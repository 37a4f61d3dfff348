"""The server's warm-up of the explanation libraries changes nothing a user sees except time.

It runs once per server process, in a background thread (ui/engine_preload.py), while people use
the app: it must leave every result, NumPy's global random state and the caller's Keras state as
they were, and keep nothing of anyone's model or data.
"""

from __future__ import annotations

import gc
import threading
import weakref

import numpy as np

from nncore.explain import integrated_gradients, kernel_shap, lime_tabular, permutation_shap
from nncore.explain.warm_up import warm_up_explainers
from tests.explain.trained import linear_model


def _explain_all(m, x):
    return [
        permutation_shap(m, x, seed=3).values,
        kernel_shap(m, x, seed=3).values,
        lime_tabular(m, x, num_samples=300, seed=3).values,
        integrated_gradients(m, x).values,
    ]


def _warm_up_in_a_thread() -> None:
    worker = threading.Thread(target=warm_up_explainers)  # as the server does it
    worker.start()
    worker.join(timeout=600)
    assert not worker.is_alive()


def test_results_are_the_same_with_and_without_the_warm_up():
    m = linear_model(np.array([1.0, -2.0, 0.5, 3.0]), bias=0.2)
    x = m.background[5]
    before = _explain_all(m, x)
    _warm_up_in_a_thread()
    after = _explain_all(m, x)
    for one, two in zip(before, after):
        np.testing.assert_array_equal(one, two)


def test_the_warm_up_leaves_numpys_global_random_state_alone():
    np.random.seed(1234)
    state = np.random.get_state()
    _warm_up_in_a_thread()
    now = np.random.get_state()
    assert state[0] == now[0] and np.array_equal(state[1], now[1]) and state[2:] == now[2:]


def test_the_warm_up_keeps_no_model_of_a_user():
    m = linear_model(np.array([1.0, 2.0]))
    permutation_shap(m, m.background[0])
    alive = weakref.ref(m)
    _warm_up_in_a_thread()
    del m
    gc.collect()
    assert alive() is None  # nothing in the warm-up (nor in the libraries it warms) holds the user's model
