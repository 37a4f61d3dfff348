"""The Explain page: one test example explained by several methods (cached), a what-if edit,
a gallery for images, the trust checks and the whole-model views."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from nncore.training import TrainingConfig
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _trained(dataset: str | None = None, preset: str | None = None, epochs: int = 5) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    state = at.session_state[STATE_KEY]
    if dataset:
        from nncore.data import load_dataset

        state.set_dataset(load_dataset(dataset))
    if preset:
        state.set_preset(preset)
    state.set_training_config(TrainingConfig(epochs=epochs, batch_size=16, learning_rate=0.01, seed=0))
    state.start_training()
    assert state.job.join(timeout=120)
    at.switch_page("app_pages/explain.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _chart_titles(at: AppTest) -> list[str]:
    titles = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        titles.append(str(spec["layout"].get("title", {}).get("text", "")))
        titles.extend(a.get("text", "") for a in spec["layout"].get("annotations", []))
    return titles


def test_explain_page_asks_for_a_trained_model_first():
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("app_pages/explain.py").run()
    assert not at.exception
    assert any("Train a model first" in i.value for i in at.info)


def test_explain_page_shows_methods_side_by_side_for_one_example():
    at = _trained()
    at.button(key="explain_go").click().run()
    _ok(at)
    cache = at.session_state["_explain_cache"]
    assert {key[2] for key in cache} == {"permutation_shap", "lime_tabular", "integrated_gradients"}
    methods = {explanation.method for explanation in cache.values()}
    assert len(methods) == 3
    # SHAP's additivity holds for the example shown: base value + sum = the model's output.
    shap = next(e for e in cache.values() if e.base_value is not None and "SHAP" in e.method)
    assert abs(shap.base_value + float(shap.values.sum()) - shap.predicted_value) < 1e-3
    # Which to trust?: the agreement matrix, deletion/insertion curves and the sanity table.
    titles = " ".join(_chart_titles(at))
    assert "Rank correlation (Spearman" in titles and "Deletion: top features removed first" in titles
    sanity = next(d.value for d in at.dataframe if "promise" in d.value.columns)
    assert list(sanity["method"]) == ["Permutation SHAP", "Integrated gradients"]
    assert abs(sanity["error"].iloc[0]) < 1e-3
    # Pin to report.
    at.button(key="explain_pin_0").click().run()
    _ok(at)
    pinned = at.session_state[STATE_KEY].pinned_explanations
    assert len(pinned) == 1 and pinned[0][0] == at.session_state[STATE_KEY].run.run_id
    assert pinned[0][1].method == shap.method


def test_what_if_edit_changes_the_prediction_and_recomputes_the_explanations():
    at = _trained("iris", "small_mlp", epochs=20)
    at.button(key="explain_go").click().run()
    _ok(at)
    state = at.session_state[STATE_KEY]
    data = state.run.dataset
    index = 0
    before = {key: e for key, e in at.session_state["_explain_cache"].items() if key[1] == index}
    original = next(iter(before.values())).predicted_value
    raw = data.preprocessing.inverse_features(data.x_test[index : index + 1])[0]
    petal = data.feature_names.index(next(n for n in data.feature_names if "petal length" in n))
    new_value = 1.0 if raw[petal] > 3 else 6.5  # flip the flower's petal length across the classes
    at.number_input(key=f"explain_whatif_{index}_0_{petal}").set_value(new_value)
    at.button(key="explain_whatif_apply").click().run()
    _ok(at)
    assert any("Prediction for the edited row" in m.value for m in at.markdown)
    cache = at.session_state["_explain_cache"]
    edited = {key: e for key, e in cache.items() if key[1] == ("what-if", index, ((petal, new_value),))}
    assert {key[2] for key in edited} == {key[2] for key in before}  # every method recomputed
    expected = data.preprocessing.transform_features(np.array([[*raw[:petal], new_value, *raw[petal + 1 :]]]))[0]
    for exp in edited.values():
        np.testing.assert_allclose(exp.instance, expected, atol=1e-5)
    assert any(abs(e.predicted_value - original) > 0.05 or e.output_index != before[k[:1] + (index,) + k[2:]].output_index
               for k, e in edited.items())
    # Back to the test values: the cached, unedited explanations are shown again.
    at.button(key="explain_whatif_reset").click().run()
    _ok(at)
    assert not any("edited row" in m.value for m in at.markdown)


def test_image_model_gallery_pick_and_explanations():
    at = _trained("digits", "lenet_cnn", epochs=1)
    picks = [b for b in at.button if (b.key or "").startswith("explain_pick_")]
    assert len(picks) == 24  # one page of the gallery, a Pick button under each thumbnail
    at.button(key="explain_pick_3").click().run()
    _ok(at)
    assert at.session_state["explain_example"] == 3  # the pool is every test image, in order
    assert at.button(key="explain_pick_3").label == "✓"  # the picked one (short: columns are narrow)
    at.button(key="explain_go").click().run()
    _ok(at)
    cache = at.session_state["_explain_cache"]
    assert {key[1] for key in cache} == {3}
    assert {key[2] for key in cache} == {"integrated_gradients", "grad_cam", "occlusion"}
    assert all(e.values.shape == (8, 8, 1) for e in cache.values())
    assert at.toggle(key="explain_scale_image").value is True  # Grad-CAM is not blank next to the others
    assert any("(÷" in t for t in _chart_titles(at))


def test_whole_model_views_show_their_sample_size():
    at = _trained("iris", "small_mlp", epochs=5)
    at.select_slider(key="explain_global_rows").set_value(20)
    at.button(key="explain_global_go").click().run()
    _ok(at)
    assert any("**20 test rows**" in m.value for m in at.markdown)
    titles = " ".join(_chart_titles(at))
    assert "Mean |SHAP| over 20 rows" in titles and "Permutation importance over 20 rows" in titles
    (key,) = at.session_state["_explain_global"].keys()
    sample, importance = at.session_state["_explain_global"][key]
    assert sample.values.shape == (20, 4) and importance.params["rows"] == 20


def test_whole_model_views_for_images_are_drawn_as_pixel_maps():
    at = _trained("digits", "lenet_cnn", epochs=1)
    at.select_slider(key="explain_global_rows").set_value(20)
    at.button(key="explain_global_go").click().run()
    _ok(at)
    titles = " ".join(_chart_titles(at))
    assert "Mean |SHAP| per pixel over 20 images" in titles and "Permutation importance per pixel over 20 images" in titles
    maps = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    heat = next(s for s in maps if "Permutation importance per pixel" in str(s["layout"].get("title", {}).get("text")))
    z = heat["data"][0]["z"]  # Plotly sends arrays typed: {"dtype", "bdata", "shape"}
    assert (z["shape"].replace(" ", "") if isinstance(z, dict) else f"{len(z)},{len(z[0])}") == "8,8"
