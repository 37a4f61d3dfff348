"""Each layer's weights as the views need them."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.data import load_dataset
from nncore.inspect.weights import conv_kernel_images, dense_chain, layer_weights
from nncore.models import preset_spec
from nncore.models.build import build_model


def test_dense_and_conv_weights_are_the_models_own():
    data = load_dataset("digits")
    model = build_model(preset_spec("lenet_cnn", data), data, seed=1)
    weights = {w.name: w for w in layer_weights(model)}
    assert list(weights) == ["conv2d_1", "conv2d_2", "dense_1", "output"]  # pooling has none
    conv = weights["conv2d_1"]
    np.testing.assert_array_equal(conv.kernel, model.get_layer("conv2d_1").get_weights()[0])
    images = conv_kernel_images(conv.kernel)
    assert images.shape == (8, 3, 3)
    np.testing.assert_allclose(images[5], conv.kernel[:, :, 0, 5])  # one input channel
    assert weights["output"].count == 32 * 10 + 10
    assert dense_chain(model) is None  # not a plain MLP
    with pytest.raises(ValueError, match="Expected a conv kernel of shape"):
        conv_kernel_images(weights["dense_1"].kernel)


def test_an_mlp_gives_a_chain_for_the_neuron_diagram():
    data = load_dataset("circles")
    model = build_model(preset_spec("small_mlp", data), data, seed=0)
    sizes, names, kernels = dense_chain(model)
    assert sizes == [2, 8, 8, 1]
    assert names == ["input", "dense_1", "dense_2", "output"]
    assert [k.shape for k in kernels] == [(2, 8), (8, 8), (8, 1)]
