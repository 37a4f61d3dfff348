"""Global views: permutation importance and mean |SHAP| rank an informative feature above noise."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import (
    ExplainableModel,
    dependence_data,
    mean_abs_shap,
    permutation_importance,
    shap_sample,
    summary_data,
)
from tests.explain.trained import linear_model, train
from tests.helpers import make_dataset


@pytest.fixture(scope="module")
def signal_and_noise():
    # Class = whether feature f0 is above its median; f1 is pure noise.
    data = make_dataset(shape=(2,), n=400, seed=1)
    return data, ExplainableModel.from_run(train("", "logistic", 30, dataset=data, learning_rate=0.1))


def test_permutation_importance_ranks_the_informative_feature_above_noise(signal_and_noise):
    data, model = signal_and_noise
    result = permutation_importance(model, data.x_test, data.y_test, n_repeats=5, seed=0)
    scores = dict(zip(result.feature_names, result.scores))
    assert result.feature_names[0] == "f0"
    assert scores["f0"] > 0.2 and scores["f0"] > scores["f1"] + 0.15
    assert result.params["metric"] == "accuracy" and result.params["baseline_score"] > 0.8
    again = permutation_importance(model, data.x_test, data.y_test, n_repeats=5, seed=0)
    np.testing.assert_array_equal(result.scores, again.scores)


def test_permutation_importance_with_mse_on_a_linear_model():
    model = linear_model(np.array([3.0, 0.0], dtype=np.float32), n_background=200)
    x = model.background
    y = model.predict_proba(x)
    result = permutation_importance(model, x, y, n_repeats=3)
    assert result.params["metric"] == "mse"
    assert result.feature_names == ("x0", "x1")
    assert result.scores[0] > 1.0 and result.scores[1] == pytest.approx(0.0, abs=1e-9)


def test_shap_sample_views(signal_and_noise):
    data, model = signal_and_noise
    sample = shap_sample(model, data.x_test, n=12, method="permutation", seed=0, permutations=4)
    assert sample.values.shape == (12, 2) and sample.feature_values.shape == (12, 2)
    importance = mean_abs_shap(sample)
    assert importance.feature_names[0] == "f0" and importance.scores[0] > 3 * importance.scores[1]
    rows = summary_data(sample)
    assert len(rows.feature) == 24 and rows.order == ("f0", "f1")
    assert rows.scaled_value.min() >= 0 and rows.scaled_value.max() <= 1
    dep = dependence_data(sample, "f0")
    np.testing.assert_array_equal(dep.feature_value, sample.feature_values[:, 0])
    # For a logistic model, the f0 SHAP value rises (or falls) with f0: a strong rank correlation.
    ranks = lambda v: np.argsort(np.argsort(v))
    assert abs(np.corrcoef(ranks(dep.feature_value), ranks(dep.shap_value))[0, 1]) > 0.8


def test_shap_sample_reports_progress_after_every_row_and_an_interruption_returns_nothing(signal_and_noise):
    data, model = signal_and_noise
    calls = []
    shap_sample(model, data.x_test, n=5, method="permutation", permutations=2, on_progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]

    class Cancelled(Exception):
        pass

    def cancel_at_three(done, total):
        if done == 3:
            raise Cancelled  # what Streamlit does at an st.* call when the user clicks Cancel

    with pytest.raises(Cancelled):
        shap_sample(model, data.x_test, n=5, method="permutation", permutations=2, on_progress=cancel_at_three)


def test_permutation_importance_reports_progress_per_feature(signal_and_noise):
    data, model = signal_and_noise
    calls = []
    permutation_importance(model, data.x_test, data.y_test, n_repeats=2, on_progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2), (2, 2)]


def test_importance_map_puts_scores_back_where_the_pixels_are():
    from nncore.explain import Importance, importance_map
    from tests.explain.trained import region_image_model

    model = region_image_model(slice(0, 2), slice(0, 2))
    importance = Importance(("row 1, col 6", "row 0, col 0"), np.array([0.5, 0.2]), np.zeros(2), "test", {})
    grid = importance_map(importance, model)
    assert grid.shape == (8, 8)
    assert grid[1, 6] == 0.5 and grid[0, 0] == 0.2 and grid.sum() == pytest.approx(0.7)
