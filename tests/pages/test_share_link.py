"""Share links: a setup written into the URL reopens identically; a bad link never crashes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from nncore.data import load_dataset
from nncore.models import LayerSpec, ModelSpec, preset_spec
from nncore.training import TrainingConfig
from ui.share_link import MAX_LINK_CHARS, decode_setup, encode_setup
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _round_trip(dataset, spec, preset_key, config):
    query = encode_setup(dataset, spec, preset_key, config)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in query.items())
    return query, decode_setup(query)


def test_a_preset_setup_round_trips_with_dataset_params_and_settings():
    dataset = load_dataset("spiral", n_points=300, noise=0.25, seed=7)
    config = TrainingConfig(optimizer="sgd", learning_rate=0.003, momentum=0.5, batch_size=17, epochs=42,
                            early_stopping=True, patience=4, seed=11)
    query, setup = _round_trip(dataset, preset_spec("small_mlp", dataset), "small_mlp", config)
    assert query["preset"] == "small_mlp" and "model" not in query
    assert not setup.problems
    assert setup.dataset.params == dataset.params
    np.testing.assert_array_equal(setup.dataset.x_train, dataset.x_train)
    assert setup.preset_key == "small_mlp"
    assert setup.model_spec == preset_spec("small_mlp", dataset)
    assert setup.training_config == config


def test_an_edited_model_travels_as_its_spec():
    dataset = load_dataset("iris")
    spec = ModelSpec(layers=(LayerSpec("dense", 13, "tanh", dropout=0.2), LayerSpec("dense", 5, "relu", l2=0.01)))
    query, setup = _round_trip(dataset, spec, None, TrainingConfig())
    assert "model" in query and "preset" not in query
    assert not setup.problems
    assert setup.model_spec == spec and setup.preset_key is None


def test_an_uploaded_csv_cannot_be_shared():
    dataset = load_dataset("iris")
    from dataclasses import replace

    csv = replace(dataset, key="csv", params={"key": "csv"})
    assert encode_setup(csv, preset_spec("small_mlp", dataset), "small_mlp", TrainingConfig()) is None


@pytest.mark.parametrize(
    "query, problem",
    [
        ({"data": "no_such_data"}, "the dataset"),
        ({"data": "spiral", "d.noise": "loud"}, "the dataset"),
        ({"data": "spiral", "d.noise": "7"}, "the dataset"),  # out of range
        ({"data": "spiral", "d.n_points": "nan"}, "the dataset"),
        ({"data": "mnist"}, "the dataset"),  # would need a download
        ({"data": "spiral", "model": "!!not base64!!"}, "the model"),
        ({"data": "spiral", "model": "eyJsYXllcnMiOiBbXX0"}, ""),  # {"layers": []}: a valid logistic model
        ({"data": "spiral", "model": "eyJsYXllcnMiOiA1fQ"}, "the model"),  # {"layers": 5}
        ({"data": "spiral", "preset": "lenet_cnn"}, "the model"),  # a CNN cannot take 2-D points
        ({"data": "spiral", "preset": "__import__('os')"}, "the model"),
        ({"lr": "-1"}, "the training settings"),
        ({"epochs": "1e99"}, "the training settings"),
        ({"early_stop": "maybe"}, "the training settings"),
        ({"opt": "<script>"}, "the training settings"),
        ({"junk": "1"}, "unknown settings junk"),
        ({"data": "x" * (MAX_LINK_CHARS + 1)}, "longer than"),
    ],
)
def test_a_bad_link_falls_back_and_says_what_was_wrong(query, problem):
    setup = decode_setup(query)
    if problem:
        assert any(problem in p for p in setup.problems), setup.problems
    else:
        assert not setup.problems
    if problem == "the dataset":
        assert setup.dataset is None and setup.model_spec is None
    if problem == "the training settings":
        assert setup.training_config is None


def test_random_garbage_never_raises():
    rng = np.random.default_rng(0)
    alphabet = list("abcdefghijklmnopqrstuvwxyz0123456789.=-_~%!'\"<>{}[]:, ") + ["\u00e9", "\u4e2d", "\x00"]
    keys = ["data", "preset", "model", "lr", "batch", "epochs", "opt", "d.noise", "d.seed", "seed", "zz"]
    for _ in range(300):
        query = {
            str(rng.choice(keys)): "".join(rng.choice(alphabet, size=int(rng.integers(0, 30))))
            for _ in range(int(rng.integers(1, 5)))
        }
        decode_setup(query)  # must not raise


def test_the_app_opens_the_setup_in_its_link():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"data": "moons", "d.n_points": "200", "d.noise": "0.3", "d.seed": "3",
                            "preset": "deep_mlp", "lr": "0.005", "epochs": "7", "batch": "8"})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    state = at.session_state[STATE_KEY]
    assert state.dataset.params == {"key": "moons", "n_points": 200, "noise": 0.3, "seed": 3}
    assert state.preset_key == "deep_mlp"
    assert (state.training_config.learning_rate, state.training_config.epochs, state.training_config.batch_size) == (0.005, 7, 8)
    assert any("Opened the setup from the link" in t.body for t in at.toast)


def test_the_app_survives_a_hostile_link_with_defaults_and_a_notice():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"data": "spiral", "d.noise": "1e308", "model": "e30", "lr": "NaN", "x": "<script>"})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    state = at.session_state[STATE_KEY]
    assert state.dataset.key == "circles"  # the default data stayed
    assert state.training_config.learning_rate == 0.03
    assert any("could not be used" in t.body for t in at.toast)


def test_the_address_bar_follows_the_setup():
    at = AppTest.from_file(APP, default_timeout=120).run()
    state = at.session_state[STATE_KEY]
    assert at.query_params["data"] == ["circles"] or at.query_params["data"] == "circles"
    state.set_training_config(TrainingConfig(epochs=33))
    at.run()
    assert at.query_params["epochs"] in ("33", ["33"])
