"""Reference: SHAP values of a linear model.

Source: S. M. Lundberg, S.-I. Lee, "A Unified Approach to Interpreting Model Predictions"
(NeurIPS 2017), Corollary 1 (Linear SHAP): for f(x) = sum_j w_j x_j + b with independent
features, phi_j = w_j (x_j - E[x_j]). (Moved from tests/explain/test_shap.py, unchanged.)
"""

from __future__ import annotations

import numpy as np

from nncore.explain import kernel_shap
from tests.explain.trained import linear_model


def test_kernel_shap_of_a_linear_model_is_weight_times_distance_from_the_background_mean():
    weights = np.array([1.5, -2.0, 0.0], dtype=np.float32)
    model = linear_model(weights, bias=0.3, n_background=20)
    x = np.array([1.0, 1.0, 5.0], dtype=np.float32)
    exp = kernel_shap(model, x, background_size=20, summarize="sample", seed=0)
    expected = weights * (x - model.background.mean(axis=0))
    np.testing.assert_allclose(exp.values, expected, atol=1e-3)
