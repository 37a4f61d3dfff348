"""One feature, one bar, checked against outside references.

For a model linear in its inputs, f(x) = w.x + b, with background data B and features
independent ("interventional" SHAP), the SHAP value of input j is w_j (x_j - E_B[x_j])
(Lundberg & Lee 2017, "A Unified Approach to Interpreting Model Predictions", NeurIPS,
Corollary 1, Linear SHAP; shap's LinearExplainer computes exactly this). A text column turned
into one-hot inputs, taken as ONE player, then has the Shapley value sum_j w_j (x_j - E_B[x_j])
over its inputs: the sum of its parts' values (Shapley additivity). We check that

- our grouped Permutation SHAP equals shap's LinearExplainer values summed over each column's
  one-hot inputs, and
- it equals shap's ExactExplainer run on a function of the COLUMNS (the text column as one
  category code, one player), i.e. grouped SHAP as the published definition has it,

and that the grouped values keep SHAP's additivity (they sum to prediction minus base value).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nncore.data.csv_import import dataset_from_csv
from nncore.data.table_encoding import feature_groups
from nncore.explain import ExplainableModel, grouped, permutation_shap


def _table(n: int = 60, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "age": rng.normal(50, 10, n).round(1),
        "colour": rng.choice(["red", "green", "blue"], n),
        "dose": rng.normal(3, 1, n).round(2),
        "y": rng.normal(0, 1, n),
    })


@pytest.fixture(scope="module")
def linear_setup():
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    data = dataset_from_csv(_table(), "y", task="regression")
    groups = feature_groups(data)
    assert [g.name for g in groups] == ["age", "colour", "dose"]
    assert [len(g.indices) for g in groups] == [1, 3, 1] and groups[1].one_hot
    weights = np.array([0.8, 1.5, -0.7, 0.3, -1.2], dtype=np.float32)  # age, colour=blue/green/red, dose
    bias = 0.25
    inputs = keras.Input(shape=(5,))
    model = keras.Model(inputs, keras.layers.Dense(1)(inputs))
    model.layers[-1].set_weights([weights.reshape(-1, 1), np.array([bias], dtype=np.float32)])
    m = ExplainableModel.from_model(model, data)
    # Explanations of a regression are in the target's units: the network's standardized output
    # times the target's scale plus its mean, still linear, with these weights and bias.
    scale, mean = float(data.preprocessing.target_scale), float(data.preprocessing.target_mean)
    return data, groups, m, weights.astype(np.float64) * scale, bias * scale + mean


def _column_codes(x_inputs: np.ndarray, groups) -> np.ndarray:
    """Model inputs -> one value per column: numbers as they are, a one-hot column as its code."""
    out = []
    for g in groups:
        part = x_inputs[:, list(g.indices)]
        out.append(part.argmax(axis=1).astype(np.float64) if g.one_hot else part[:, 0])
    return np.column_stack(out)


def _inputs_from_codes(codes: np.ndarray, groups) -> np.ndarray:
    blocks = []
    for k, g in enumerate(groups):
        if g.one_hot:
            blocks.append(np.eye(len(g.indices))[codes[:, k].astype(int)])
        else:
            blocks.append(codes[:, k : k + 1])
    return np.hstack(blocks)


@pytest.mark.parametrize("row", [0, 3, 7])
def test_grouped_shap_of_a_one_hot_column_is_the_sum_of_its_parts_exact_shap(linear_setup, row):
    import shap

    data, groups, m, weights, bias = linear_setup
    background = np.asarray(data.x_train, dtype=np.float64)
    x = np.asarray(data.x_test[row], dtype=np.float64)

    ours = grouped(permutation_shap(m, data.x_test[row], background_size=len(background), permutations=4), groups)

    # Reference 1: shap's LinearExplainer (Linear SHAP, Lundberg & Lee 2017), parts summed.
    linear = shap.LinearExplainer((weights, bias), shap.maskers.Independent(background, max_samples=len(background)))
    parts = np.asarray(linear(x[None]).values)[0]
    by_column = np.array([parts[list(g.indices)].sum() for g in groups])
    np.testing.assert_allclose(ours.values, by_column, atol=1e-4)
    # The textbook formula for the colour column: sum_j w_j (x_j - E_B[x_j]) over its inputs.
    colour = list(groups[1].indices)
    np.testing.assert_allclose(ours.values[1], float(weights[colour] @ (x[colour] - background[:, colour].mean(axis=0))), atol=1e-4)

    # Reference 2: shap's ExactExplainer with the colour column as ONE player (a category code).
    def f_columns(codes: np.ndarray) -> np.ndarray:
        return _inputs_from_codes(codes, groups) @ weights + bias

    exact = shap.ExactExplainer(f_columns, shap.maskers.Independent(_column_codes(background, groups), max_samples=len(background)))
    one_player = np.asarray(exact(_column_codes(x[None], groups)).values)[0]
    np.testing.assert_allclose(ours.values, one_player, atol=1e-4)

    # Additivity survives grouping: base value + sum of the bars = the model's output.
    assert ours.base_value + ours.values.sum() == pytest.approx(ours.predicted_value, abs=1e-4)
    assert ours.feature_names[1].startswith("colour = ")
    assert ours.feature_names[1] == f"colour = {groups[1].value_text(x)}"
