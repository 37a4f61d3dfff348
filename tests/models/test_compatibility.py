import pytest

from nncore.errors import ArchitectureError
from nncore.models import LayerSpec, ModelSpec
from nncore.models.compatibility import check_compatible
from nncore.models.objective import objective_for


def spec(*layers):
    return ModelSpec(layers=tuple(layers))


def test_conv2d_on_tabular_data_is_rejected_before_building():
    with pytest.raises(ArchitectureError) as info:
        check_compatible(spec(LayerSpec("conv2d", 4)), "tabular", (30,))
    assert "Layer 1 (Conv2D) needs images" in str(info.value)
    assert "tabular data with 30 features" in str(info.value)


def test_rnn_on_images_is_rejected_with_a_hint():
    with pytest.raises(ArchitectureError) as info:
        check_compatible(spec(LayerSpec("lstm", 8, "tanh")), "image", (8, 8, 1))
    assert "reads sequences" in str(info.value)
    assert "digit_rows" in str(info.value)


def test_conv_after_dense_and_rnn_after_dense_are_rejected():
    with pytest.raises(ArchitectureError, match="Put convolution and pooling layers first"):
        check_compatible(spec(LayerSpec("dense", 4), LayerSpec("conv2d", 4)), "image", (8, 8, 1))
    with pytest.raises(ArchitectureError, match="Put recurrent layers first"):
        check_compatible(spec(LayerSpec("dense", 4), LayerSpec("gru", 4)), "sequence", (8, 8))


def test_too_many_pooling_layers_are_rejected():
    layers = [LayerSpec("maxpool2d", pool_size=2)] * 4  # 8 -> 4 -> 2 -> 1 -> cannot pool
    with pytest.raises(ArchitectureError) as info:
        check_compatible(spec(*layers), "image", (8, 8, 1))
    assert "Layer 4 (MaxPooling2D) cannot pool 1x1 feature maps" in str(info.value)


def test_valid_architectures_pass():
    check_compatible(spec(LayerSpec("conv2d", 4), LayerSpec("maxpool2d"), LayerSpec("dense", 8)), "image", (8, 8, 1))
    check_compatible(spec(LayerSpec("lstm", 4, "tanh"), LayerSpec("gru", 4, "tanh"), LayerSpec("dense", 4)), "sequence", (8, 8))
    check_compatible(spec(LayerSpec("dense", 4)), "sequence", (8, 8))


def test_objective_follows_the_task():
    binary = objective_for("classification", 2)
    assert (binary.output_units, binary.output_activation, binary.loss_name) == (1, "sigmoid", "crossentropy")
    multi = objective_for("classification", 10)
    assert (multi.output_units, multi.output_activation) == (10, "softmax")
    regression = objective_for("regression", 0)
    assert (regression.output_units, regression.output_activation, regression.loss_name) == (1, "linear", "mse")
    hinge = objective_for("classification", 3, loss="hinge")
    assert (hinge.output_activation, hinge.loss_label) == ("linear", "Categorical hinge")


def test_objective_refuses_combinations_that_cannot_work():
    with pytest.raises(ArchitectureError, match="Expected the loss 'mse' for a regression task"):
        objective_for("regression", 0, loss="crossentropy")
    with pytest.raises(ArchitectureError, match="needs probabilities"):
        objective_for("classification", 3, output_activation="linear", loss="crossentropy")
    with pytest.raises(ArchitectureError, match="Expected a 'softmax' output for 4 classes"):
        objective_for("classification", 4, output_activation="sigmoid")
