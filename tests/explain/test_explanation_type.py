"""The Explanation type and the model wrapper's checks and outputs."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import Explanation, ExplainableModel, methods_for
from tests.explain.trained import linear_model, region_image_model
from tests.helpers import make_dataset


def test_values_must_match_the_instance_shape():
    with pytest.raises(ValueError, match="instance's shape"):
        Explanation(np.zeros(3), None, None, 0.0, "Saliency", instance=np.zeros(4))


def test_per_feature_sums_channels_and_step_features():
    image = Explanation(np.ones((2, 2, 3)), None, 0, 1.0, "x", input_kind="image")
    sequence = Explanation(np.ones((4, 2)), None, 0, 1.0, "x", input_kind="sequence")
    np.testing.assert_array_equal(image.per_feature(), np.full((2, 2), 3.0))
    np.testing.assert_array_equal(sequence.per_feature(), np.full(4, 2.0))
    assert sequence.total == 8.0


def test_predict_proba_gives_two_columns_for_a_sigmoid_and_numbers_for_regression():
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    inputs = keras.Input(shape=(2,))
    model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(inputs))
    model.layers[-1].set_weights([np.array([[1.0], [0.0]], dtype=np.float32), np.zeros(1, dtype=np.float32)])
    wrapped = ExplainableModel.from_model(model, make_dataset())
    proba = wrapped.predict_proba(np.array([[0.0, 5.0], [2.0, 0.0]], dtype=np.float32))
    np.testing.assert_allclose(proba, [[0.5, 0.5], [1 - 1 / (1 + np.exp(-2)), 1 / (1 + np.exp(-2))]], rtol=1e-5)
    assert wrapped.resolve_output(np.array([2.0, 0.0], dtype=np.float32), None) == 1
    with pytest.raises(ValueError, match="class index"):
        wrapped.resolve_output(np.zeros(2, dtype=np.float32), 2)
    regression = linear_model(np.array([1.0, 2.0], dtype=np.float32), bias=0.5)
    np.testing.assert_allclose(regression.predict_proba(np.array([[1.0, 1.0]], dtype=np.float32)), [3.5])


def test_wrapping_a_model_for_other_data_is_refused():
    regression = linear_model(np.array([1.0, 2.0], dtype=np.float32))
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        ExplainableModel.from_model(regression.model, make_dataset(shape=(3,)))
    with pytest.raises(ValueError, match="one input of shape"):
        regression.check_instance(np.zeros((1, 2)))


def test_methods_offered_follow_the_model():
    tabular = {m.key for m in methods_for(linear_model(np.ones(2, dtype=np.float32)))}
    image = {m.key for m in methods_for(region_image_model(slice(0, 2), slice(0, 2)))}
    assert "lime_tabular" in tabular and "grad_cam" not in tabular and "gradient_shap" not in tabular
    assert "occlusion" in image and "grad_cam" not in image  # no Conv2D layer
