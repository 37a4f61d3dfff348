"""LIME: the same seed gives the same explanation, another seed a different one."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import ExplainableModel, grid_segments, lime_image, lime_sequence, lime_tabular
from tests.explain.trained import region_image_model, train


@pytest.fixture(scope="module")
def cancer(cancer_mlp_run):
    return ExplainableModel.from_run(cancer_mlp_run)


@pytest.fixture(scope="module")
def lstm():
    return ExplainableModel.from_run(train("digit_rows", "lstm", 1))


def _check_seeding(explain, model, x, **params):
    a = explain(model, x, seed=7, **params)
    b = explain(model, x, seed=7, **params)
    c = explain(model, x, seed=8, **params)
    assert a.values.shape == x.shape
    np.testing.assert_array_equal(a.values, b.values)
    assert a.base_value == b.base_value
    assert not np.allclose(a.values, c.values)
    return a


def test_lime_tabular_is_reproducible(cancer):
    exp = _check_seeding(lime_tabular, cancer, cancer.background[0], num_samples=500)
    assert np.count_nonzero(exp.values) == 30  # every feature gets a weight


def test_lime_image_is_reproducible_and_finds_the_region_the_model_reads():
    model = region_image_model(slice(2, 4), slice(2, 4))
    x = np.full((8, 8, 1), 0.9, dtype=np.float32)
    exp = _check_seeding(lime_image, model, x, output_index=1, num_samples=300)
    per_cell = exp.values[..., 0]
    assert per_cell[2:4, 2:4].min() > 0
    assert per_cell[2:4, 2:4].min() > np.abs(np.delete(per_cell.reshape(-1), [18, 19, 26, 27])).max()


def test_grid_segments_are_square_cells():
    segments = grid_segments(8, 8, 2)
    assert segments.shape == (8, 8) and len(np.unique(segments)) == 16
    assert np.all(segments[:2, :2] == segments[0, 0]) and segments[0, 2] != segments[0, 0]


def test_lime_sequence_is_reproducible(lstm):
    _check_seeding(lime_sequence, lstm, lstm.background[0], num_samples=300)


def test_lime_tabular_on_a_linear_regression_gives_weight_signs():
    from tests.explain.trained import linear_model

    model = linear_model(np.array([2.0, -1.0, 0.0], dtype=np.float32), n_background=200)
    exp = lime_tabular(model, np.array([1.5, 1.5, 0.3], dtype=np.float32), num_samples=1000, seed=0)
    assert exp.output_index is None
    # x0 and x1 sit in their top quartile: being there raises (x0) or lowers (x1) the output.
    assert exp.values[0] > 0.5 and exp.values[1] < -0.2 and abs(exp.values[2]) < 0.1 * abs(exp.values[0])
