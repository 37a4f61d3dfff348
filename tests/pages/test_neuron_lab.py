"""AppTest checks of the Neuron lab page: controls change the numbers shown, and a training
step changes the weights by exactly the amounts the page displays."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

TIMEOUT = 120
APP = str(Path(__file__).resolve().parents[2] / "app.py")
LAB = "neuron_lab_backprop"


def open_lab(section: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("app_pages/neuron_lab.py").run()
    if section:
        # The tabs run only the open one; AppTest opens a tab through its session-state key.
        at.session_state["neuron_lab_section"] = section
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def latex(at: AppTest) -> str:
    return "\n".join(item.value for item in at.latex)


def frame(at: AppTest, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_one_neuron_slider_changes_the_weighted_sum_and_outputs():
    at = open_lab()
    assert at.title[0].value == "Neuron lab"
    # Defaults: x = (1.0, 0.5), w = (0.8, -0.4), b = 0 -> z = 0.6.
    assert r"\mathbf{0.600}" in latex(at)
    table = frame(at, "output a = f(z)").set_index("activation")
    assert table.loc["ReLU", "output a = f(z)"] == pytest.approx(0.6)

    at.slider(key="neuron_lab_w1").set_value(2.0).run()
    # z = 2.0 * 1.0 + (-0.4) * 0.5 + 0 = 1.8
    assert r"\mathbf{1.800}" in latex(at) and r"\mathbf{0.600}" not in latex(at)
    table = frame(at, "output a = f(z)").set_index("activation")
    assert table.loc["ReLU", "output a = f(z)"] == pytest.approx(1.8)
    assert table.loc["Sigmoid", "output a = f(z)"] == pytest.approx(1 / (1 + np.exp(-1.8)), abs=1e-4)

    at.selectbox(key="neuron_lab_activation").set_value("tanh").run()
    assert rf"\mathbf{{{np.tanh(1.8):.4f}}}" in latex(at)


def _activation_panels(at: AppTest) -> list[str]:
    """The panel titles of the activation figure, as the browser gets them."""
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if any(trace.get("name") == "f(z): output" for trace in spec["data"]):
            return [note["text"] for note in spec["layout"]["annotations"]]
    raise AssertionError("no activation figure on the page")


def test_the_chosen_activation_is_drawn_and_every_one_on_request():
    at = open_lab()
    assert _activation_panels(at) == ["Sigmoid"]
    at.selectbox(key="neuron_lab_activation").set_value("relu").run()
    assert _activation_panels(at) == ["ReLU"]
    at.toggle(key="neuron_lab_draw_every").set_value(True).run()
    assert _activation_panels(at) == ["Sigmoid", "tanh", "ReLU", "Leaky ReLU", "ELU", "Softplus"]


def test_brain_cell_fires_only_above_threshold_and_faster_with_more_current():
    at = open_lab("Brain cell")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Threshold current"] == "1.50 nA"
    assert metrics["Spikes"] == "10" and metrics["Firing rate"] == "53 /s"  # 2 nA for 200 ms
    at.slider(key="neuron_lab_current").set_value(1.4).run()
    assert {m.label: m.value for m in at.metric}["Spikes"] == "0"
    at.slider(key="neuron_lab_current").set_value(6.0).run()
    assert int({m.label: m.value for m in at.metric}["Spikes"]) > 10
    # The value survives a visit to another tab (only the open tab runs).
    at.session_state["neuron_lab_section"] = "One neuron"
    at.run()
    at.session_state["neuron_lab_section"] = "Brain cell"
    at.run()
    assert at.slider(key="neuron_lab_current").value == 6.0


def test_learning_rules_table_shows_delta_rule_reaching_the_teacher():
    at = open_lab("Learning rules")
    table = frame(at, "final w1").set_index("rule")
    assert table.loc["Delta rule (gradient descent)", "final w1"] == pytest.approx(-0.5, abs=0.01)
    assert table.loc["Delta rule (gradient descent)", "final w2"] == pytest.approx(1.0, abs=0.01)
    assert table.loc["Oja's rule (bounded Hebb)", "length |w|"] == pytest.approx(1.0, abs=0.02)


def test_backprop_step_updates_weights_by_the_displayed_amounts():
    at = open_lab("Backpropagation step by step")
    text = " ".join(s.value for s in at.success)
    difference = float(re.search(r"Largest difference: \*\*([0-9.e+-]+)\*\*", text).group(1))
    assert "agree" in text and difference < 1e-6

    before = at.session_state[LAB].params
    for expected in ("Next: backward pass", "Next: update the weights", "Apply the update, start the next step"):
        at.button(key="neuron_lab_bp_next").click().run()
        assert at.button(key="neuron_lab_bp_next").label == expected
    assert at.session_state[LAB].params is before  # nothing applied yet: only shown
    shown = frame(at, "change −η·∂L/∂θ").set_index("parameter")
    # What is displayed is what will happen: change = -η × gradient, new = value + change.
    np.testing.assert_allclose(shown["change −η·∂L/∂θ"], -2.0 * shown["gradient ∂L/∂θ"], atol=1e-7)
    np.testing.assert_allclose(shown["new value"], shown["value"] + shown["change −η·∂L/∂θ"], atol=1e-7)
    assert shown.loc["w11", "value"] == pytest.approx(before.w1[0, 0], abs=1e-8)

    at.button(key="neuron_lab_bp_next").click().run()  # apply
    after = at.session_state[LAB].params
    assert at.session_state[LAB].steps_done == 1
    assert after.w1[0, 0] == pytest.approx(shown.loc["w11", "new value"], abs=1e-8)
    assert after.w2[1] == pytest.approx(shown.loc["v2", "value"] + shown.loc["v2", "change −η·∂L/∂θ"], abs=1e-7)
    assert after.b2 == pytest.approx(shown.loc["c", "new value"], abs=1e-8)
    assert frame(at, "value").set_index("parameter").loc["w11", "value"] == pytest.approx(after.w1[0, 0], abs=1e-8)


def test_backprop_run_solves_xor_with_two_hidden_units_but_not_one():
    at = open_lab("Backpropagation step by step")
    at.button(key="neuron_lab_bp_run").click().run()  # 500 steps, learning rate 2, seed 0
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Points right"] == "100%" and metrics["Steps done"] == "500"
    assert any("Solved" in s.value and "step 196" in s.value for s in at.success)

    at.slider(key="neuron_lab_bp_hidden").set_value(1).run()  # new network: new weights
    assert at.session_state[LAB].steps_done == 0
    at.select_slider(key="neuron_lab_bp_run_length").set_value(2000).run()
    at.button(key="neuron_lab_bp_run").click().run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Steps done"] == "2,000" and metrics["Points right"] != "100%"
    assert any("cannot be solved" in w.value for w in at.warning)


def test_formulas_put_the_steps_own_numbers_into_the_latex():
    from nncore.neuron.backprop import TinyMLP
    from nncore.neuron.problems import xor_corners
    from ui.neuron_lab_formulas import backward_latex, forward_latex, loss_latex, update_latex

    data = xor_corners()
    model = TinyMLP("sigmoid", "mse")
    r = model.step(model.init(3, seed=1), data.x, data.y, 0.5)
    k = 2
    forward = forward_latex(model, r, k)
    assert f"{r.forward.a2[k]:.3f}" in forward and forward.count("z_") >= 4
    assert f"{r.loss:.4f}" in loss_latex(model, r, k)
    assert f"{abs(r.backward.delta2[k]):.4f}" in backward_latex(model, r, k)
    assert f"{abs(r.after.w1[0, 0]):.4f}" in update_latex(r)
    for text in (forward, loss_latex(model, r, k), backward_latex(model, r, k), update_latex(r)):
        assert text.count("{") == text.count("}")


def test_output_ranges_are_translated_and_match_the_engine():
    from nncore.neuron.activations import ACTIVATIONS
    from ui.translations import TEXTS

    for key, activation in ACTIVATIONS.items():
        english, chinese = TEXTS[f"lab.range.{key}"]
        assert english == activation.output_range, key  # reworded in nncore: update the table
        assert chinese != english
    at = open_lab()
    at.session_state["language"] = "zh"
    at.run()
    ranges = frame(at, "output range")["output range"]  # the header is relabelled by column_config
    assert list(ranges) == [TEXTS[f"lab.range.{key}"][1] for key in ACTIVATIONS]


def test_the_activation_table_writes_every_number_with_four_decimals():
    """The table mixed "0.6" (ReLU at z = 0.6) and "0.6457" (sigmoid's output): one format for all."""
    import json

    at = open_lab()
    [node] = [df for df in at.dataframe if "slope f′(z)" in df.value.columns]
    columns = json.loads(node.proto.columns)
    for name in ("output a = f(z)", "slope f′(z)"):
        assert columns[name]["type_config"] == {"type": "number", "format": "%.4f"}, name
