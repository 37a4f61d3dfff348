"""Issue 21's texts and layout: captions say what happened, words match the numbers."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ui.inside_dynamics import recorded_caption


def _dynamics(epochs, interval=1):
    return SimpleNamespace(records=[SimpleNamespace(epoch=e) for e in epochs], interval=interval, seconds=0.4)


def test_the_dynamics_caption_lists_the_epochs_that_were_recorded():
    caption = recorded_caption(_dynamics([0, 2, 8, 10]))
    assert "4 snapshots, taken at epochs 0, 2, 8 and 10" in caption
    assert "Planned every 1 epoch; the others were skipped" in caption
    assert "between epoch" not in caption
    regular = recorded_caption(_dynamics([0, 5, 10, 12], interval=5))  # the last epoch is always recorded
    assert "taken at epochs 0, 5, 10 and 12" in regular and "That is every 5 epochs, as planned." in regular
    many = recorded_caption(_dynamics(list(range(0, 101, 2)), interval=2))
    assert "taken at epochs 0, 2, 4, 6, 8, 10, …, 96, 98 and 100" in many
    assert "1 snapshot, taken at epoch 3" in recorded_caption(_dynamics([3]))


def test_the_chinese_dynamics_caption_enumerates_epochs_with_the_chinese_comma(monkeypatch):
    monkeypatch.setattr("ui.i18n.current_language", lambda: "zh")
    caption = recorded_caption(_dynamics([0, 1, 8]))
    assert "0、1 和 8" in caption and "0, 1" not in caption, caption


def test_log_axes_write_every_tick_in_full_and_say_they_are_logarithmic():
    from nncore.plots.inside_plots import gradient_norms_over_time
    from nncore.plots.training_plots import learning_curves
    from nncore.training.history import EpochRecord

    class Dyn:
        layer_names = ("dense_1", "output")

        def series(self, name, field):
            return np.arange(4), (np.array([1.2, 0.6, 0.3, 0.15]) if name == "dense_1" else np.array([1.0, 0.8, 0.5, 0.2]))

    axis = gradient_norms_over_time(Dyn()).layout.yaxis
    assert axis.type == "log" and "(log scale)" in axis.title.text
    # Plotly's 1-2-5 ticks wrote "1, 5, 2" from top to bottom for 1, 0.5 and 0.2.
    assert list(axis.ticktext) == ["0.2", "0.5", "1"] and list(axis.tickvals) == [0.2, 0.5, 1.0]

    history = [EpochRecord(e, 10.0 ** -e, 0.5, 10.0 ** -e, 0.5, float(e)) for e in range(1, 6)]
    loss_axis = learning_curves(history, log_loss=True).layout.yaxis
    assert loss_axis.type == "log" and loss_axis.title.text == "loss (log scale)"
    assert list(loss_axis.ticktext) == ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹"]


def test_the_log_scale_axis_title_is_worded_by_the_caller():
    from nncore.catalog import translate
    from nncore.plots.training_plots import learning_curves
    from nncore.training.history import EpochRecord

    history = [EpochRecord(e, 10.0 ** -e, 0.5, 10.0 ** -e, 0.5, float(e)) for e in range(1, 4)]
    fig = learning_curves(history, log_loss=True, words=lambda key, **values: translate(key, "zh", **values))
    assert fig.layout.yaxis.title.text == "损失（对数刻度）"


def _worst(truth, predicted, confidence):
    return SimpleNamespace(indices=np.arange(len(truth)), y_true=np.array(truth), predicted=np.array(predicted),
                           confidence=np.array(confidence, dtype=float))


def test_the_mistakes_caption_matches_the_numbers():
    from ui.evaluate_errors import mistakes_caption

    sure_and_right = mistakes_caption(_worst([1] * 12, [1] * 12, [0.999] * 12))
    assert sure_and_right == "None of these 12 is a mistake: the model got them all right (99.9% confidence)."
    unsure = mistakes_caption(_worst([0, 1, 0], [0, 1, 0], [0.55, 0.62, 0.7]))
    assert unsure == "None of these 3 is a mistake, but the model was unsure of them (55.0%–70.0% confidence)."
    assert mistakes_caption(_worst([1] * 12, [0] * 12, [0.9] * 12)) == "All 12 of these are mistakes."
    some = mistakes_caption(_worst([1, 1, 0, 0], [0, 1, 0, 1], [0.9, 0.51, 0.6, 0.7]))
    assert some == "2 of these 4 are mistakes; the other 2 were right but unsure (51.0%–60.0% confidence)."
    one = mistakes_caption(_worst([1, 1, 0], [0, 1, 0], [0.9, 0.95, 0.99]))
    assert one == "1 of these 3 is a mistake; the other 2 were right (95.0%–99.0% confidence)."
    assert "right but unsure" not in sure_and_right + one


def test_the_explain_prompt_asks_about_a_mistake_only_when_there_is_one():
    from ui.evaluate_errors import explain_prompt

    all_right = explain_prompt(_worst([1, 0], [1, 0], [0.99, 0.98]), "classification")
    assert "wrong" not in all_right and all_right.startswith("What made the model decide")
    assert "get one of these wrong" in explain_prompt(_worst([1, 0], [0, 0], [0.9, 0.98]), "classification")


def test_the_generate_tooltip_and_caption_describe_the_grey_start_the_code_uses():
    """Feature visualization starts from grey (0.5) plus a faint speckle (std 0.01): both texts say grey."""
    import keras

    from nncore.backend import input_ascent
    from ui.translations import TEXTS

    for key in ("help.inside.fv_generate", "inside.fv_caption"):
        english, chinese = TEXTS[key]
        assert "grey image" in english and "noise" not in english, key
        assert "灰色图像" in chinese and "噪声" not in chinese, key
    inputs = keras.Input((4, 4, 1))
    model = keras.Model(inputs, keras.layers.Dense(2)(keras.layers.Flatten()(inputs)))
    start = input_ascent(model, (4, 4, 1), 0, 0, 0.05, 0.0, 0, 0, 0)  # no steps: the starting image
    assert abs(float(start.mean()) - 0.5) < 0.01 and float(start.std()) < 0.02


def _editor_ids(at) -> list[str]:
    found = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            walk(child)
        proto = getattr(node, "proto", None)
        if proto is not None and getattr(proto, "editing_mode", 0):
            found.append(proto.id)

    walk(at.main)
    return found


def test_the_layer_table_keeps_its_place_and_its_edits_across_reruns():
    """The edited-layers line is always one line above the table (it came and went, moving the
    table under the pointer) and says so in the same run as the edit; edits survive reruns,
    further edits and other widgets' changes, with the editor never remounted."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from ui.state import STATE_KEY

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=120).run()
    at.switch_page("app_pages/model.py").run()
    state = at.session_state[STATE_KEY]
    key = f"layers_editor_{state.editor_version}"
    [editor] = _editor_ids(at)
    captions = [c.value for c in at.caption]
    slot = captions.index("*The preset's own layers: edit any cell to make it a custom model.*")

    at.session_state[key] = {"edited_rows": {0: {"units": 17}}, "added_rows": [], "deleted_rows": []}
    at.run()
    captions = [c.value for c in at.caption]
    assert captions[slot] == "*You have edited the layers: this is now a custom model.*"  # at once, same place
    assert state.preset_key is None and state.model_spec.layers[0].units == 17

    at.selectbox(key="model_loss").set_value(at.selectbox(key="model_loss").options[-1]).run()  # another widget
    at.session_state[key] = {"edited_rows": {0: {"units": 17}, 1: {"units": 5}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.run()
    assert not at.exception
    assert [layer.units for layer in state.model_spec.layers] == [17, 5]
    assert _editor_ids(at) == [editor]  # same element: the browser keeps the table and its edits


def test_layer_edits_survive_leaving_the_model_page_and_coming_back():
    """Streamlit forgets a widget's edits once a run leaves it out (another page opened). The
    table came back with its old input and no edits, and the page wrote those old layers over
    the edited model, which the sidebar still called custom: "the old value put back"."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from ui.state import STATE_KEY

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=120).run()
    at.switch_page("app_pages/model.py").run()
    state = at.session_state[STATE_KEY]
    key = f"layers_editor_{state.editor_version}"
    at.session_state[key] = {"edited_rows": {0: {"units": 17}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert [layer.units for layer in state.model_spec.layers] == [17, 8]

    for page in ("app_pages/train.py", "app_pages/data.py"):
        at.switch_page(page).run()
        assert not at.exception
        at.switch_page("app_pages/model.py").run()
        assert not at.exception
        assert [layer.units for layer in state.model_spec.layers] == [17, 8], page
        assert state.preset_key is None
        table = _layer_table(at)
        assert list(table["units"]) == [17, 8], page  # the table shows the model it edits
        assert "*You have edited the layers: this is now a custom model.*" in [c.value for c in at.caption]
        assert at.selectbox(key="model_preset").value == "small_mlp", page  # the preset the edits started from

    # Editing on from there keeps the earlier edit.
    key = f"layers_editor_{state.editor_version}"
    at.session_state[key] = {"edited_rows": {1: {"units": 5}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert [layer.units for layer in state.model_spec.layers] == [17, 5]

    # Another language relabels the columns: a new editor, which forgot the edits the same way.
    from ui import i18n

    at.session_state[i18n._LANGUAGE_KEY] = "zh"
    at.run()
    assert not at.exception
    assert [layer.units for layer in state.model_spec.layers] == [17, 5]
    assert list(_layer_table(at)["units"]) == [17, 5]
    at.run()
    assert [layer.units for layer in state.model_spec.layers] == [17, 5]


def _layer_table(at):
    """The layer editor's input as the page passed it (AppTest has no data_editor element)."""
    return at.session_state["_layers_table"][1]
