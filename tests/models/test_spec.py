import pytest

from nncore.errors import ArchitectureError
from nncore.models import LayerSpec, ModelSpec


def test_model_spec_round_trips_json_exactly():
    spec = ModelSpec(
        layers=(
            LayerSpec("conv2d", 8, "relu", kernel_size=5, batch_norm=True, l2=0.001, initializer="he_normal"),
            LayerSpec("maxpool2d", pool_size=3),
            LayerSpec("dense", 16, "leaky_relu", dropout=0.25, l1=0.01),
        ),
        name="my_cnn",
        output_activation="softmax",
        loss="hinge",
    )
    text = spec.to_json()
    again = ModelSpec.from_json(text)
    assert again == spec
    assert again.to_json() == text


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(kind="dense", units=0), "Expected a positive `units` of at most 4096 for a dense layer. Received: units=0"),
        (dict(kind="dense", units=-3), "Received: units=-3"),
        (dict(kind="conv3d"), "Expected a layer kind in"),
        (dict(activation="swishy"), "Received: activation='swishy'"),
        (dict(dropout=1.0), "Expected `dropout` in [0, 1). Received: dropout=1.0"),
        (dict(l2=-0.1), "Expected `l2` between 0 and 1. Received: l2=-0.1"),
        (dict(kind="conv2d", kernel_size=0), "Expected a `kernel_size` between 1 and 11"),
        (dict(initializer="zeros"), "Expected an initializer in"),
    ],
)
def test_bad_layer_values_are_rejected_with_a_clear_message(kwargs, message):
    with pytest.raises(ArchitectureError) as info:
        LayerSpec(**kwargs)
    assert message in str(info.value)


def test_from_json_rejects_unknown_fields_and_non_json():
    with pytest.raises(ArchitectureError, match="unknown"):
        ModelSpec.from_json('{"layers": [], "colour": "red"}')
    with pytest.raises(ArchitectureError, match="not JSON"):
        ModelSpec.from_json("layers: [dense]")
    with pytest.raises(ArchitectureError, match="Received unknown: \\['neurons'\\]"):
        ModelSpec.from_json('{"layers": [{"kind": "dense", "neurons": 3}]}')
