"""Delta rule finds the teacher; plain Hebb explodes; Oja's rule finds the main direction."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.errors import NNExplorerError
from nncore.neuron.learning_rules import HEBB_BLOW_UP_NORM, make_problem, train_rule


@pytest.fixture(scope="module")
def problem():
    return make_problem(n=100, seed=0)


def test_delta_rule_ends_at_the_teachers_weights(problem):
    history = train_rule("delta", problem, learning_rate=0.1, epochs=10)
    np.testing.assert_allclose(history.final, problem.teacher, atol=1e-3)
    assert history.errors[-1] < 1e-6 < history.errors[0]
    assert history.weights.shape == (1 + 10 * 100, 2)


def test_oja_stays_bounded_on_the_principal_direction(problem):
    history = train_rule("oja", problem, learning_rate=0.02, epochs=20)
    assert np.linalg.norm(history.final) == pytest.approx(1.0, abs=0.02)
    assert abs(history.final @ problem.principal) > 0.99  # |cos| of the angle between them
    assert np.abs(history.weights).max() < 1.5


def test_plain_hebb_grows_without_bound(problem):
    history = train_rule("hebb", problem, learning_rate=0.02, epochs=20)
    assert history.blew_up_at is not None
    assert np.linalg.norm(history.final) > HEBB_BLOW_UP_NORM
    norms = np.linalg.norm(history.weights, axis=1)
    assert norms[-1] > 1000 * norms[0]


def test_unknown_rule_is_refused(problem):
    with pytest.raises(NNExplorerError, match="Expected a rule among"):
        train_rule("perceptron", problem)
