import numpy as np
import pytest

from nncore.models import PRESETS, LayerSpec, ModelSpec, preset_spec, presets_for
from nncore.models.build import build_model, parameter_table
from tests.helpers import make_dataset

DATA = {
    "tabular": make_dataset("tabular", (4,), n_classes=3),
    "image": make_dataset("image", (8, 8, 1), n_classes=10, n=200),
    "sequence": make_dataset("sequence", (8, 8), n_classes=10, n=200),
}


@pytest.mark.parametrize("kind", list(DATA))
def test_every_preset_builds_with_the_right_input_and_output(kind):
    data = DATA[kind]
    for preset in presets_for(kind):
        model = build_model(preset_spec(preset.key, data), data)
        assert tuple(model.input_shape[1:]) == data.input_shape
        assert model.output_shape[-1] == data.n_classes
        assert model.layers[-1].name == "output"


def test_layer_names_are_readable_and_stable():
    data = DATA["image"]
    spec = preset_spec("lenet_cnn", data)
    names = [layer.name for layer in build_model(spec, data).layers]
    assert names == ["input", "conv2d_1", "maxpool2d_1", "conv2d_2", "maxpool2d_2", "flatten_1", "dense_1", "output"]
    assert names == [layer.name for layer in build_model(spec, data).layers]


def test_the_same_seed_gives_the_same_weights_and_another_seed_does_not():
    data = DATA["tabular"]
    spec = preset_spec("small_mlp", data)
    a, b, c = (build_model(spec, data, seed=s).get_weights() for s in (3, 3, 4))
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not all(np.array_equal(x, y) for x, y in zip(a, c))


def test_parameter_counts_per_layer():
    data = DATA["tabular"]  # 4 features, 3 classes
    spec = ModelSpec(layers=(LayerSpec("dense", 5, "tanh", batch_norm=True, dropout=0.5),))
    rows = {row["layer"]: row for row in parameter_table(build_model(spec, data))}
    assert rows["dense_1"]["parameters"] == 4 * 5 + 5
    assert rows["batch_norm_1"]["parameters"] == 4 * 5 and rows["batch_norm_1"]["trainable"] == 2 * 5
    assert rows["dropout_1"]["parameters"] == 0
    assert rows["output"]["parameters"] == 5 * 3 + 3


def test_recurrent_layers_chain_and_regularizers_apply():
    data = DATA["sequence"]
    spec = ModelSpec(layers=(LayerSpec("gru", 6, "tanh"), LayerSpec("simple_rnn", 5, "tanh", l2=0.01)))
    model = build_model(spec, data)
    assert model.get_layer("gru_1").return_sequences is True
    assert model.get_layer("simple_rnn_1").return_sequences is False
    assert len(model.losses) == 1  # the L2 penalty


def test_presets_cover_every_data_kind():
    assert {p.key for p in presets_for("tabular")} == {"logistic", "small_mlp", "deep_mlp"}
    assert "lenet_cnn" in {p.key for p in presets_for("image")}
    assert "lstm" in {p.key for p in presets_for("sequence")}
    assert set(PRESETS) == {"logistic", "small_mlp", "deep_mlp", "lenet_cnn", "lstm"}
