"""Every layer's output for a batch: shapes per layer kind, and the last layer is the prediction."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.data import load_dataset
from nncore.errors import NNExplorerError
from nncore.inspect.activations import ActivationProbe, top_examples, unit_values
from nncore.models import preset_spec
from nncore.models.build import build_model


@pytest.mark.parametrize(
    "key, preset, kinds",
    [
        ("circles", "small_mlp", ["dense", "dense", "output"]),
        ("digits", "lenet_cnn", ["conv", "pool", "conv", "pool", "flatten", "dense", "output"]),
        ("digit_rows", "lstm", ["recurrent", "output"]),
    ],
)
def test_shapes_match_each_layer_and_the_last_layer_is_the_prediction(key, preset, kinds):
    data = load_dataset(key)
    model = build_model(preset_spec(preset, data), data, seed=3)
    probe = ActivationProbe(model)
    assert [info.kind for info in probe.layers] == kinds
    x = data.x_test[:7]
    values = probe(x)
    for info in probe.layers:
        expected = tuple(model.get_layer(info.name).output.shape[1:])
        assert values[info.name].shape == (7, *expected)
        assert info.output_shape == expected
    prediction = np.asarray(model(x, training=False))
    np.testing.assert_allclose(values["output"], prediction, rtol=1e-5, atol=1e-6)


def test_recurrent_layer_also_gives_its_hidden_state_at_every_step():
    data = load_dataset("digit_rows")
    model = build_model(preset_spec("lstm", data), data, seed=0)
    probe = ActivationProbe(model)
    values = probe(data.x_test[:3])
    steps, units = data.input_shape[0], model.get_layer("lstm_1").units
    over_time = probe.over_time("lstm_1", values)
    assert over_time.shape == (3, steps, units)
    # The twin shares the weights: its last step is the layer's own (final-state) output.
    np.testing.assert_allclose(over_time[:, -1], values["lstm_1"], rtol=1e-5, atol=1e-6)


def test_inputs_of_the_wrong_shape_are_refused_with_both_shapes():
    data = load_dataset("circles")
    probe = ActivationProbe(build_model(preset_spec("small_mlp", data), data))
    with pytest.raises(NNExplorerError, match=r"Expected inputs of shape \(n, 2\). Received: \(4, 3\)"):
        probe(np.zeros((4, 3), dtype=np.float32))


def test_unit_values_and_top_examples():
    maps = np.zeros((3, 2, 2, 4))
    maps[1, :, :, 2] = 5.0
    maps[2, 0, 0, 2] = 4.0
    per_unit = unit_values(maps)
    assert per_unit.shape == (3, 4)
    assert per_unit[:, 2].tolist() == [0.0, 5.0, 1.0]
    assert top_examples(per_unit[:, 2], 2).tolist() == [1, 2]
