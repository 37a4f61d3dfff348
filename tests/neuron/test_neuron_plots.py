"""Neuron-lab figures carry the numbers they are drawn from."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.neuron.activations import ACTIVATIONS, activate, slope
from nncore.neuron.artificial import neuron_output
from nncore.neuron.backprop import TinyMLP
from nncore.neuron.learning_rules import RULES, make_problem, train_rule
from nncore.neuron.problems import xor_corners
from nncore.neuron.rate_coding import fit_relu, fit_softplus
from nncore.neuron.spiking import LIFParams, fi_curve, simulate_lif
from nncore.plots.neuron_plots import (
    activation_grid,
    decision_boundary,
    fi_curve_plot,
    learning_rule_directions,
    learning_rule_histories,
    loss_curve,
    membrane_trace,
    network_diagram,
    single_neuron_diagram,
)


def texts(fig) -> str:
    return " | ".join(a.text for a in fig.layout.annotations)


def test_single_neuron_diagram_writes_the_sum_and_output():
    out = neuron_output([1.0, 0.5], [0.8, -0.4], 0.0)
    fig = single_neuron_diagram(out, "sigmoid")
    assert "z = 0.600" in texts(fig) and "a = 0.646" in texts(fig)
    negative = [t for t in fig.data if t.line.dash == "dash" and t.x[0] is not None]
    assert len(negative) == 1  # only w2 is negative: drawn dashed


def test_activation_grid_marks_the_current_point_on_every_curve():
    z = 0.75
    fig = activation_grid(z)
    outputs = [t for t in fig.data if t.name == "your z: output"]
    slopes = [t for t in fig.data if t.name == "your z: slope"]
    assert len(outputs) == len(slopes) == len(ACTIVATIONS)
    for key, o, s in zip(ACTIVATIONS, outputs, slopes):
        assert o.x[0] == z and o.y[0] == pytest.approx(float(activate(key, z)))
        assert s.y[0] == pytest.approx(float(slope(key, z)))


def test_activation_grid_draws_the_activations_asked_for():
    one = activation_grid(0.5, keys=["relu"])
    assert [a.text for a in one.layout.annotations] == ["ReLU"]
    assert {t.name for t in one.data if t.x[0] is not None} == {"f(z): output", "f′(z): slope", "your z: output", "your z: slope"}
    assert one.layout.height < activation_grid(0.5).layout.height  # one row, not two


def test_membrane_and_fi_plots_show_the_simulated_numbers():
    params = LIFParams()
    trace = simulate_lif(3.0, 100.0, 0.1, params)
    fig = membrane_trace(trace, params.v_threshold)
    spikes = next(t for t in fig.data if t.name == "spike")
    np.testing.assert_allclose(spikes.x, trace.spike_times)
    fi = fi_curve(np.linspace(0, 10, 11), params, duration_ms=300.0)
    fig = fi_curve_plot(fi, [fit_relu(fi), fit_softplus(fi)], current_now=3.0)
    simulated = next(t for t in fig.data if t.name == "simulated LIF cell")
    np.testing.assert_allclose(simulated.y, fi.rates)
    assert "threshold 1.50 nA" in texts(fig) and "= 200/s" in texts(fig)


def test_learning_rule_figures_name_the_exploded_rule():
    problem = make_problem(seed=0)
    histories = [train_rule(rule, problem, 0.05, 10) for rule in RULES]
    fig = learning_rule_histories(histories, problem)
    assert "stopped at update" in texts(fig)
    w1_delta = next(t for t in fig.data if t.name == "w1")
    np.testing.assert_allclose(w1_delta.y, histories[0].weights[:, 0])
    arrows = learning_rule_directions(histories, problem)
    teacher = next(t for t in arrows.data if t.name == "teacher's weights")
    assert list(teacher.x) == [0, -0.5] and list(teacher.y) == [0, 1.0]


@pytest.mark.parametrize("phase", ["forward", "loss", "backward", "update"])
def test_network_diagram_reveals_numbers_phase_by_phase(phase):
    data = xor_corners()
    model = TinyMLP("sigmoid", "cross_entropy")
    result = model.step(model.init(2, seed=0), data.x, data.y, 2.0)
    fig = network_diagram(result.before, result.forward, 2, phase, 1.0, loss=result.loss,
                          backward=result.backward, after=result.after, hidden_label="σ")
    text = texts(fig)
    assert f"z = {result.forward.z1[2, 0]:.3f}" in text  # example 3's hidden sum
    assert f"ŷ = σ(z) = <b>{result.forward.a2[2]:.3f}</b>" in text
    assert ("L = " in text) == (phase != "forward")
    assert ("δ = " in text) == (phase in ("backward", "update"))
    assert (f"<b>{result.after.w2[0]:.2f}</b>" in text) == (phase == "update")
    edges = [t for t in fig.data if t.mode == "lines" and t.x[0] is not None]
    assert len(edges) == 2 * 2 + 2


def test_progress_figures():
    data = xor_corners()
    model = TinyMLP("sigmoid", "cross_entropy")
    trained = model.train(model.init(2, 0), data.x, data.y, 2.0, 300)
    fig = loss_curve(trained.losses, trained.accuracies)
    np.testing.assert_allclose(fig.data[0].y, trained.losses)
    fig = decision_boundary(model, trained.params, data, highlight=1)
    heat = fig.data[0]
    assert 0.0 <= np.min(heat.z) < 0.5 < np.max(heat.z) <= 1.0
    assert any(t.name == "boundary (P = 0.5)" for t in fig.data)


def test_weight_legends_sit_under_the_diagrams_clear_of_the_toolbar():
    """Plotly's toolbar sits over the figure's top-right corner, where the legend used to be."""
    data = xor_corners()
    model = TinyMLP("sigmoid", "cross_entropy")
    result = model.step(model.init(2, seed=0), data.x, data.y, 2.0)
    figures = [
        single_neuron_diagram(neuron_output(np.array([1.0, 0.5]), np.array([0.8, -0.4]), 0.0), "sigmoid"),
        network_diagram(result.before, result.forward, 0, "forward", 1.0, loss=result.loss,
                        backward=result.backward, after=result.after, hidden_label="σ"),
    ]
    for fig in figures:
        assert "negative weight" in [trace.name for trace in fig.data]
        assert fig.layout.legend.y < 0 and fig.layout.legend.yanchor == "top"
