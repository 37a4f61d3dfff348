"""Feature visualization raises the chosen class's score far above a blank input's."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.errors import NNExplorerError
from nncore.inspect.feature_vis import visualize_unit
from tests.explain.trained import train


@pytest.fixture(scope="module")
def digits_cnn():
    return train("digits", "lenet_cnn", epochs=4)


def test_the_generated_input_raises_the_chosen_class_far_above_a_blank_input(digits_cnn):
    model = digits_cnn.model
    for digit in (3, 7):
        vis = visualize_unit(model, "output", digit, steps=100)
        assert vis.image.shape == (8, 8, 1)
        assert 0.0 <= vis.image.min() and vis.image.max() <= 1.0
        assert vis.score > vis.blank_score + 5.0, (vis.score, vis.blank_score)
        assert vis.probability > 0.9 and vis.probability > vis.blank_probability + 0.5
        assert int(np.argmax(model(vis.image[None], training=False))) == digit


def test_a_conv_channel_can_be_visualised_and_bad_requests_are_refused(digits_cnn):
    model = digits_cnn.model
    vis = visualize_unit(model, "conv2d_1", 2, steps=60)
    assert vis.score > vis.blank_score and vis.probability is None
    with pytest.raises(NNExplorerError, match="Expected a unit between 0 and 9 in output. Received: unit=10"):
        visualize_unit(model, "output", 10)
    with pytest.raises(NNExplorerError, match="Expected a dense, convolution or output layer"):
        visualize_unit(model, "maxpool2d_1", 0)
