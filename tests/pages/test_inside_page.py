"""The Inside page: every tab renders for an MLP on 2-D data and a CNN on digits, and
choosing another input, layer or unit works."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from nncore.data import load_dataset
from nncore.models import preset_spec
from nncore.training import TrainingConfig
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TABS = ["One input", "Over many inputs", "Weights", "Training dynamics", "What a neuron wants"]


def _trained_app(dataset_key: str | None = None, preset: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    if dataset_key:
        data = load_dataset(dataset_key)
        state.apply_setup(dataset=data, model_spec=preset_spec(preset, data), preset_key=preset)
    state.set_training_config(TrainingConfig(epochs=4, batch_size=16))
    state.start_training()
    assert state.job.join(timeout=120)
    at.switch_page("app_pages/inside.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _bars(at: AppTest, key: str) -> np.ndarray:
    """The bar heights of the plotly chart with this key."""
    import json

    chart = next(c for c in at.get("plotly_chart") if key in c.proto.id)
    y = json.loads(chart.proto.spec)["data"][0]["y"]
    if isinstance(y, dict):  # Plotly's typed-array encoding of a NumPy array
        import base64

        return np.frombuffer(base64.b64decode(y["bdata"]), dtype=np.dtype(y["dtype"])).astype(float)
    return np.asarray(y, dtype=float)


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_inside_page_asks_for_a_model_first():
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("app_pages/inside.py").run()
    _ok(at)
    assert any("Train a model first" in i.value for i in at.info)


def test_mlp_on_2d_data_every_tab_and_changing_input_and_layer():
    at = _trained_app()
    state = at.session_state[STATE_KEY]
    run = state.run
    cache = at.session_state["_inside_cache"]
    assert cache.run is run and set(cache.values) == {"dense_1", "dense_2", "output"}
    assert at.selectbox(key="inside_layer").options == ["dense_1 (dense, tanh)", "dense_2 (dense, tanh)", "output (output, sigmoid)"]
    at.selectbox(key="inside_index").set_value(5).run()
    _ok(at)
    at.selectbox(key="inside_layer").set_value("dense_2").run()
    _ok(at)
    at.selectbox(key="inside_unit_dense_2").set_value(3).run()
    _ok(at)
    # The top-examples table lists the test examples that activate unit 3 most, strongest first.
    table = at.dataframe[0].value
    activations = table["activation"].to_numpy()
    assert list(activations) == sorted(activations, reverse=True)
    values = cache.probe(run.dataset.x_test)["dense_2"][:, 3]
    assert table["test example"].iloc[0] == f"#{int(np.argmax(values))}"  # named as on every page
    assert activations[0] == pytest.approx(float(values.max()), rel=1e-5)
    # Editing the input: every layer is recomputed for the user's values.
    at.toggle(key="inside_edit_on").set_value(True)
    at.number_input(key="inside_edit_5_0").set_value(0.0)
    at.number_input(key="inside_edit_5_1").set_value(0.0).run()
    _ok(at)
    centre = run.dataset.preprocessing.transform_features(np.zeros((1, 2), dtype=np.float32))
    expected = cache.probe(centre)["dense_2"][0]
    np.testing.assert_allclose(_bars(at, "inside_bars_dense_2"), expected, rtol=1e-5, atol=1e-6)
    for tab in TABS[1:]:
        at.session_state["inside_tab"] = tab
        at.run()
        _ok(at)
    at.session_state["inside_tab"] = "Over many inputs"
    at.run()
    # Circles' 100 test points are topped up with its 300 training points for the statistics.
    assert any(c.value == "Over 400 examples (100 test, 300 training)." for c in at.caption)
    stats = at.session_state["_inside_cache"].extras["unit_stats"]
    assert [s.n_examples for s in stats] == [400, 400]
    at.session_state["inside_tab"] = "Training dynamics"
    at.run()
    assert [s.value for s in at.subheader] == ["Gradients per layer", "Weights over time"]
    at.session_state["inside_tab"] = "What a neuron wants"
    at.run()
    assert any("for image models" in i.value for i in at.info)


def test_cnn_on_digits_feature_maps_stats_and_feature_visualization():
    at = _trained_app("digits", "lenet_cnn")
    at.selectbox(key="inside_layer").set_value("conv2d_1").run()
    _ok(at)
    at.selectbox(key="inside_index").set_value(17).run()
    _ok(at)
    at.session_state["inside_tab"] = "Over many inputs"
    at.run()
    _ok(at)
    at.selectbox(key="inside_pca_layer").set_value("dense_1").run()
    _ok(at)
    at.session_state["inside_tab"] = "Weights"
    at.run()
    _ok(at)
    at.selectbox(key="inside_weight_layer").set_value("conv2d_2").run()
    _ok(at)
    at.session_state["inside_tab"] = "What a neuron wants"
    at.run()
    at.number_input(key="inside_fv_unit").set_value(4)
    at.button[0].click().run()  # "Generate", the form's submit button
    _ok(at)
    vis = at.session_state["_inside_cache"].extras[("feature_vis", "output", 4)]
    assert vis.probability > vis.blank_probability
    assert any(f"gives this image {vis.probability:.0%} for class 4" in c.value for c in at.caption)


def test_train_page_shows_neuron_maps_and_step_trains_one_more_epoch():
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(epochs=3, batch_size=16))
    state.start_training()
    assert state.job.join(timeout=120)
    at.switch_page("app_pages/train.py").run()
    _ok(at)
    model, probe = at.session_state["_train_neuron_probe"]
    assert model is state.run.model
    assert [e.label for e in at.expander] == ["What each hidden neuron responds to"]
    before = state.run
    at.button(key="train_step").click().run()
    _ok(at)
    assert state.job.join(timeout=120)
    after = state.run
    assert after is not before and after.model is before.model
    assert [h.epoch for h in after.history] == [1, 2, 3, 4]
    assert after.history[:3] == before.history


def test_an_imported_recurrent_model_without_history_or_dynamics():
    """A run opened from a file has no history and no recorded dynamics: every tab still works."""
    from dataclasses import replace

    from nncore.training import TrainingJob

    data = load_dataset("digit_rows")
    job = TrainingJob(data, preset_spec("lstm", data), TrainingConfig(epochs=1, batch_size=64), record_dynamics=False)
    assert job.start().join(timeout=120)
    imported = replace(job.result, history=(), extra={})
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    state.set_dataset(data)
    state.open_run(imported)
    at.switch_page("app_pages/inside.py").run()
    _ok(at)
    at.selectbox(key="inside_layer").set_value("lstm_1").run()
    _ok(at)
    assert any("hidden state" in c.value for c in at.caption)
    for tab in TABS[1:]:
        at.session_state["inside_tab"] = tab
        at.run()
        _ok(at)
        if tab == "Training dynamics":
            assert any("no record of how this model was trained" in i.value for i in at.info)
