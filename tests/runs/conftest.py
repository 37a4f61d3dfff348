"""Small trained runs shared by the run-store tests (trained once per module, a few epochs)."""

from __future__ import annotations

import pytest

from tests.explain.trained import train


@pytest.fixture(scope="session")
def circles_run():
    return train("circles", "small_mlp", 3, n_points=200)


@pytest.fixture(scope="session")
def iris_run():
    return train("iris", "logistic", 3)
