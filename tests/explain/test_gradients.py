"""Gradient methods and occlusion: exact answers on hand-set models, completeness on trained ones."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import (
    ExplainableModel,
    grad_cam,
    gradient_x_input,
    integrated_gradients,
    occlusion,
    saliency,
    smoothgrad,
)
from tests.explain.trained import linear_model, region_image_model, train

WEIGHTS = np.array([2.0, -3.0, 0.5, 0.0], dtype=np.float32)


@pytest.fixture(scope="module")
def linear():
    return linear_model(WEIGHTS, bias=0.7)


@pytest.fixture(scope="module")
def cancer(cancer_mlp_run):
    return ExplainableModel.from_run(cancer_mlp_run)


@pytest.fixture(scope="module")
def digits_cnn():
    return ExplainableModel.from_run(train("digits", "lenet_cnn", 2))


def test_saliency_of_a_linear_model_is_its_weights(linear):
    x = np.array([1.0, 2.0, -1.0, 4.0], dtype=np.float32)
    signed = saliency(linear, x, absolute=False)
    np.testing.assert_allclose(signed.values, WEIGHTS, atol=1e-6)
    np.testing.assert_allclose(saliency(linear, x).values, np.abs(WEIGHTS), atol=1e-6)
    assert signed.output_index is None and signed.predicted_value == pytest.approx(float(x @ WEIGHTS) + 0.7, abs=1e-5)


def test_gradient_x_input_and_integrated_gradients_of_a_linear_model(linear):
    x = np.array([1.0, 2.0, -1.0, 4.0], dtype=np.float32)
    np.testing.assert_allclose(gradient_x_input(linear, x).values, WEIGHTS * x, atol=1e-6)
    ig = integrated_gradients(linear, x, baseline="zeros", steps=4)
    np.testing.assert_allclose(ig.values, WEIGHTS * x, atol=1e-5)
    assert ig.base_value == pytest.approx(0.7, abs=1e-6)


@pytest.mark.parametrize("baseline", ["zeros", "mean"])
def test_integrated_gradients_completeness_on_a_trained_mlp(cancer, baseline):
    for x in cancer.background[:5]:
        for k in (0, 1):
            ig = integrated_gradients(cancer, x, output_index=k, baseline=baseline, steps=128)
            change = ig.predicted_value - ig.base_value
            assert ig.total == pytest.approx(change, abs=0.02 * abs(change) + 2e-3)
            assert ig.values.shape == (30,)


def test_integrated_gradients_completeness_on_a_cnn_with_a_blurred_baseline(digits_cnn):
    x = digits_cnn.background[0]
    ig = integrated_gradients(digits_cnn, x, baseline="blur", steps=128)
    change = ig.predicted_value - ig.base_value
    assert ig.values.shape == (8, 8, 1)
    assert ig.total == pytest.approx(change, abs=0.03 * abs(change) + 2e-3)


def test_single_sigmoid_classes_have_opposite_gradients(cancer):
    x = cancer.background[0]
    g0 = saliency(cancer, x, output_index=0, absolute=False).values
    g1 = saliency(cancer, x, output_index=1, absolute=False).values
    np.testing.assert_allclose(g0, -g1, atol=1e-7)


def test_smoothgrad_is_seeded_and_without_noise_is_saliency(cancer):
    x = cancer.background[1]
    a = smoothgrad(cancer, x, samples=20, seed=3)
    b = smoothgrad(cancer, x, samples=20, seed=3)
    c = smoothgrad(cancer, x, samples=20, seed=4)
    np.testing.assert_array_equal(a.values, b.values)
    assert not np.allclose(a.values, c.values)
    np.testing.assert_allclose(smoothgrad(cancer, x, noise_level=0.0, samples=3).values, saliency(cancer, x).values, rtol=1e-5, atol=1e-8)


def test_grad_cam_has_the_input_spatial_shape_and_is_non_negative(digits_cnn):
    for x in digits_cnn.background[:3]:
        cam = grad_cam(digits_cnn, x)
        assert cam.values.shape == (8, 8, 1)
        assert np.all(cam.values >= 0)
        assert np.all(np.isfinite(cam.values))
        assert cam.params["layer"] == "conv2d_2"


def test_grad_cam_needs_a_conv_layer():
    with pytest.raises(ValueError, match="Conv2D"):
        grad_cam(region_image_model(slice(0, 2), slice(5, 7)), np.ones((8, 8, 1), dtype=np.float32))


def test_occlusion_highlights_the_only_region_the_model_reads():
    model = region_image_model(slice(1, 3), slice(5, 7))
    x = np.full((8, 8, 1), 0.8, dtype=np.float32)
    heat = occlusion(model, x, output_index=1, patch=2, stride=1).values[..., 0]
    region = np.zeros((8, 8), dtype=bool)
    region[1:3, 5:7] = True
    near = np.zeros((8, 8), dtype=bool)
    near[0:4, 4:8] = True  # pixels sharing a 2x2 patch with the region
    assert heat[region].min() > 0
    assert heat[region].min() > heat[~region].max()
    np.testing.assert_allclose(heat[~near], 0.0, atol=1e-7)


def test_integrated_gradients_completeness_within_one_percent_with_enough_steps(cancer):
    from nncore.explain.trust import ig_completeness

    for x in cancer.background[:5]:
        # The probability (a sigmoid's curve along the path) needs the steps; the score before it
        # is nearly straight on this path and is exact to rounding with any number of steps.
        few = ig_completeness(integrated_gradients(cancer, x, baseline="mean", steps=4, target="probability"))
        many = ig_completeness(integrated_gradients(cancer, x, baseline="mean", steps=512, target="probability"))
        assert many.passed and many.relative_error <= 0.01, many
        assert abs(many.error) <= abs(few.error) + 1e-6  # more steps, smaller gap
