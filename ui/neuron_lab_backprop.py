"""Neuron lab, section 4: one training step of a tiny network, phase by phase, with the numbers.

The network's weights, the phase reached and the loss history are one typed object per
browser session, `BackpropLab`, kept in st.session_state and reached through `get_backprop_lab`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import streamlit as st

from nncore.neuron.activations import ACTIVATIONS
from nncore.neuron.backprop import LOSS_LABELS, LOSSES, StepResult, TinyMLP, TinyMLPParams, accuracy, compare_with_tensorflow
from nncore.neuron.problems import PROBLEMS, TinyProblem, load_problem
from nncore.plots.neuron_plots import PHASES, decision_boundary, loss_curve, network_diagram
from ui.neuron_lab_formulas import backward_latex, forward_latex, loss_latex, update_latex
from ui.render import show_figure

LAB_KEY = "neuron_lab_backprop"
TOLERANCE = 1e-6
MAX_HISTORY = 50_000  # steps kept for the loss curve; far more than anyone clicks through
LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 1.0, 2.0, 5.0, 10.0, 30.0]
RUN_LENGTHS = [1, 10, 100, 500, 2000]
SHORT_NAMES = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "LReLU", "elu": "ELU", "softplus": "softplus"}
PHASE_TITLES = {
    "forward": "① Forward pass",
    "loss": "② Loss",
    "backward": "③ Backward pass",
    "update": "④ Update",
}
NEXT_LABELS = {
    "forward": "Next: measure the loss",
    "loss": "Next: backward pass",
    "backward": "Next: update the weights",
    "update": "Apply the update, start the next step",
}
PHASE_TEXT = {
    "forward": "The inputs flow left to right. Each hidden neuron forms its weighted sum z and "
    "applies its activation to get a; the output neuron does the same with the hidden outputs and "
    "a sigmoid, giving ŷ: the network's probability that the point is class 1.",
    "loss": "The loss is one number that says how wrong the network is, averaged over all the "
    "examples. Zero would be perfect. Training means making this number smaller.",
    "backward": "Now the blame flows right to left. δ (delta) says how much the loss would change "
    "if a neuron's sum z moved a little. The output's δ comes straight from its error; each hidden "
    "neuron's δ is the output's δ, times the weight that carried its signal, times its own slope. "
    "That is the chain rule. A weight's gradient is its input times the δ it feeds, added over "
    "all examples.",
    "update": "Each weight takes a small step downhill: minus the learning rate times its gradient. "
    "A weight whose gradient is positive goes down (increasing it would increase the loss), and "
    "the other way round.",
}


@dataclass(frozen=True)
class LabConfig:
    problem: str
    n_hidden: int
    activation: str
    loss: str
    seed: int


@dataclass
class BackpropLab:
    config: LabConfig
    params: TinyMLPParams
    phase: int = 0  # index into PHASES: how far through the current step the learner has got
    steps_done: int = 0
    losses: list[float] = field(default_factory=list)  # loss before each completed step
    accuracies: list[float] = field(default_factory=list)
    message: str | None = None  # what the last big action did, shown once

    @classmethod
    def fresh(cls, config: LabConfig) -> BackpropLab:
        return cls(config=config, params=TinyMLP(config.activation, config.loss).init(config.n_hidden, config.seed))

    @property
    def phase_name(self) -> str:
        return PHASES[self.phase]

    def record(self, losses: np.ndarray, accuracies: np.ndarray) -> None:
        self.losses = (self.losses + [float(v) for v in losses])[-MAX_HISTORY:]
        self.accuracies = (self.accuracies + [float(v) for v in accuracies])[-MAX_HISTORY:]
        self.steps_done += len(losses)

    def apply(self, result: StepResult) -> None:
        self.record(np.array([result.loss]), np.array([accuracy(result.forward, result.targets)]))
        self.params = result.after
        self.phase = 0


def get_backprop_lab(config: LabConfig) -> BackpropLab:
    """This session's lab; new weights whenever the network or the data changed."""
    lab = st.session_state.get(LAB_KEY)
    if lab is None or lab.config != config:
        lab = BackpropLab.fresh(config)
        st.session_state[LAB_KEY] = lab
    return lab


@st.cache_data(max_entries=16, show_spinner=False)
def _problem(key: str) -> TinyProblem:
    return load_problem(key, n_points=60, noise=0.1, seed=0)


def _setup(config: LabConfig) -> tuple[BackpropLab, TinyMLP, TinyProblem]:
    return get_backprop_lab(config), TinyMLP(config.activation, config.loss), _problem(config.problem)


def _next_phase(config: LabConfig, learning_rate: float) -> None:
    lab, model, problem = _setup(config)
    if lab.phase == len(PHASES) - 1:
        lab.apply(model.step(lab.params, problem.x, problem.y, learning_rate))
    else:
        lab.phase += 1


def _whole_step(config: LabConfig, learning_rate: float) -> None:
    lab, model, problem = _setup(config)
    lab.apply(model.step(lab.params, problem.x, problem.y, learning_rate))


def _reset(config: LabConfig) -> None:
    st.session_state[LAB_KEY] = BackpropLab.fresh(config)


def _run_steps(config: LabConfig, learning_rate: float, n_steps: int) -> None:
    lab, model, problem = _setup(config)
    trained = model.train(lab.params, problem.x, problem.y, learning_rate, n_steps)
    final = model.loss_value(model.forward(trained.params, problem.x), problem.y)
    lab.record(trained.losses, trained.accuracies)
    lab.params, lab.phase = trained.params, 0
    lab.message = f"Ran {n_steps} steps: loss {trained.losses[0]:.4f} → {final:.4f}."


def render_backprop() -> None:
    st.markdown(
        "A tiny network: **2 inputs → a few hidden neurons → 1 output**, learning to sort points "
        "into two classes. The classic puzzle is **XOR**: the output should be 1 when exactly one "
        "input is 1. No single straight line separates those points, so one neuron cannot do it; "
        "a hidden layer can. Step through one round of training and see every number; then let it "
        "run for hundreds of steps."
    )
    c1, c2, c3 = st.columns(3)
    problem_key = c1.selectbox(
        "Data", list(PROBLEMS), format_func=PROBLEMS.get, key="neuron_lab_bp_problem",
        help="The points to learn. 'XOR, the 4 corners' is the classic; the others have 60 points.",
    )
    n_hidden = c2.slider(
        "Hidden neurons", 1, 4, key="neuron_lab_bp_hidden",
        help="Neurons in the middle layer. XOR needs at least 2; with 1 it cannot be solved.",
    )
    activation = c3.selectbox(
        "Hidden activation", list(ACTIVATIONS), format_func=lambda k: ACTIVATIONS[k].label,
        key="neuron_lab_bp_activation", help="The function each hidden neuron applies to its sum.",
    )
    c4, c5, c6 = st.columns(3)
    loss = c4.selectbox(
        "Loss", list(LOSSES), format_func=LOSS_LABELS.get, key="neuron_lab_bp_loss",
        help="How wrongness is measured. Cross-entropy punishes confident mistakes hard; mean squared "
        "error averages the squared gaps.",
    )
    learning_rate = c5.select_slider(
        "Learning rate η", LEARNING_RATES, key="neuron_lab_bp_lr",
        help="How big a step each update takes. Too small: slow. Too large: it overshoots and may never settle.",
    )
    seed = c6.number_input(
        "Seed for the starting weights", 0, 999, key="neuron_lab_bp_seed",
        help="Picks the random starting weights. The same seed always gives the same start; some "
        "starts get stuck.",
    )
    config = LabConfig(problem_key, int(n_hidden), activation, loss, int(seed))
    lab = get_backprop_lab(config)
    problem = _problem(problem_key)
    model = TinyMLP(activation, loss)

    # Buttons act in on_click callbacks, which run before the page is drawn again, so every
    # label and number on the page (the "Next" button's label included) shows the new state.
    b1, b2, b3 = st.columns([2, 1, 1])
    b1.button(
        NEXT_LABELS[lab.phase_name], type="primary", key="neuron_lab_bp_next", width="stretch",
        icon=":material/skip_next:", help="Reveal the next part of this training step.",
        on_click=_next_phase, args=(config, learning_rate),
    )
    b2.button(
        "Do a whole step", key="neuron_lab_bp_whole", width="stretch",
        help="Compute everything and apply the update at once.",
        on_click=_whole_step, args=(config, learning_rate),
    )
    b3.button(
        "New weights", key="neuron_lab_bp_reset", width="stretch",
        help="Start again from the random weights given by the seed.",
        on_click=_reset, args=(config,),
    )
    r1, r2 = st.columns([2, 1], vertical_alignment="bottom")
    run_length = r1.select_slider(
        "Steps to run in one go", RUN_LENGTHS, key="neuron_lab_bp_run_length",
        help="How many full training steps the run button does.",
    )
    r2.button(
        f"Run {run_length} steps", key="neuron_lab_bp_run", width="stretch", icon=":material/fast_forward:",
        help="Train for many steps in one go (each uses all the points) and watch the loss fall.",
        on_click=_run_steps, args=(config, learning_rate, int(run_length)),
    )

    result = model.step(lab.params, problem.x, problem.y, learning_rate)
    _render_step(model, lab, problem, result)
    _render_progress(model, lab, problem, result)


def _render_step(model: TinyMLP, lab: BackpropLab, problem: TinyProblem, result: StepResult) -> None:
    phase = lab.phase_name
    trail = "  →  ".join(f"**{t}**" if p == phase else t for p, t in PHASE_TITLES.items())
    st.markdown(f"**Training step {lab.steps_done + 1}:** {trail}")
    if lab.message:
        st.success(lab.message, icon=":material/check_circle:")
        lab.message = None
    st.info(PHASE_TEXT[phase], icon=":material/school:")

    if st.session_state.get("neuron_lab_bp_example", 0) >= len(problem.y):
        st.session_state["neuron_lab_bp_example"] = 0  # the data changed to fewer points
    k = st.selectbox(
        "Follow example", range(len(problem.y)),
        format_func=lambda i: f"#{i + 1}: x = ({problem.x[i, 0]:.2f}, {problem.x[i, 1]:.2f}), class {problem.y[i]:g}",
        key="neuron_lab_bp_example",
        help="The diagram and formulas show this example's numbers. Gradients and updates use all examples.",
    )
    show_figure(
        network_diagram(
            result.before, result.forward, k, phase, float(result.targets[k]), loss=result.loss,
            backward=result.backward, after=result.after, hidden_label=SHORT_NAMES[model.hidden_activation],
        ),
        key="neuron_lab_bp_diagram",
    )
    _render_tensorflow_check(model, result)
    st.markdown("**Forward pass** (example #%d)" % (k + 1))
    st.latex(forward_latex(model, result, k))
    if lab.phase >= 1:
        st.markdown("**Loss**")
        st.latex(loss_latex(model, result, k))
    if lab.phase >= 2:
        st.markdown("**Backward pass: the chain rule** (δ for example #%d; gradients add over all examples)" % (k + 1))
        st.latex(backward_latex(model, result, k))
    if lab.phase >= 3:
        st.markdown(f"**Update** with learning rate η = {result.learning_rate:g}")
        st.latex(update_latex(result))
    st.markdown("**Every example**" + (" (δ = how much the loss moves with that neuron's sum)" if lab.phase >= 2 else ""))
    st.dataframe(_examples_table(result, lab.phase), hide_index=True, width="stretch", key="neuron_lab_bp_examples")
    st.markdown("**Every weight and bias**" + (" — the update adds the *change* column to the *value* column" if lab.phase >= 3 else ""))
    st.dataframe(_weights_table(result, lab.phase), hide_index=True, width="stretch", key="neuron_lab_bp_weights")


def _render_tensorflow_check(model: TinyMLP, result: StepResult) -> None:
    with st.spinner("Asking TensorFlow to redo this step (the first time takes a few seconds)…"):
        check = compare_with_tensorflow(model, result)
    verdict = "agree" if check.agrees(TOLERANCE) else "DISAGREE"
    parts = ", ".join(f"{name} {value:.1e}" for name, value in check.differences.items())
    message = (
        f"**Checked against TensorFlow:** these NumPy numbers and TensorFlow's automatic "
        f"differentiation (GradientTape, then TensorFlow's SGD update) on the same weights {verdict}. Largest "
        f"difference: **{check.max_abs_difference:.1e}** (allowed: {TOLERANCE:g}; {parts})."
    )
    if check.agrees(TOLERANCE):
        st.success(message, icon=":material/verified:")
    else:
        st.error(message, icon=":material/error:")


def _examples_table(result: StepResult, phase: int) -> pd.DataFrame:
    fw, bw = result.forward, result.backward
    table = {"#": np.arange(1, len(result.targets) + 1), "x1": fw.x[:, 0], "x2": fw.x[:, 1]}
    for j in range(fw.z1.shape[1]):
        table[f"z{j + 1}"] = fw.z1[:, j]
        table[f"a{j + 1}"] = fw.a1[:, j]
    table["z_out"] = fw.z2
    table["ŷ"] = fw.a2
    table["target y"] = result.targets
    if phase >= 2:
        table["δ_out"] = bw.delta2
        for j in range(fw.z1.shape[1]):
            table[f"δ{j + 1}"] = bw.delta1[:, j]
    return pd.DataFrame(table).round(6)


def _weights_table(result: StepResult, phase: int) -> pd.DataFrame:
    p, g, change, new = result.before, result.backward.grads, result.change, result.after
    rows = []

    def add(name: str, link: str, value: float, grad: float, delta: float, after: float) -> None:
        row = {"parameter": name, "connects": link, "value": value}
        if phase >= 2:
            row["gradient ∂L/∂θ"] = grad
        if phase >= 3:
            row["change −η·∂L/∂θ"] = delta
            row["new value"] = after
        rows.append(row)

    for j in range(p.n_hidden):
        for i in range(p.n_inputs):
            add(f"w{i + 1}{j + 1}", f"x{i + 1} → h{j + 1}", p.w1[i, j], g.w1[i, j], change.w1[i, j], new.w1[i, j])
        add(f"b{j + 1}", f"bias of h{j + 1}", p.b1[j], g.b1[j], change.b1[j], new.b1[j])
    for j in range(p.n_hidden):
        add(f"v{j + 1}", f"h{j + 1} → ŷ", p.w2[j], g.w2[j], change.w2[j], new.w2[j])
    add("c", "bias of ŷ", p.b2, g.b2, change.b2, new.b2)
    return pd.DataFrame(rows).round(8)


def _render_progress(model: TinyMLP, lab: BackpropLab, problem: TinyProblem, result: StepResult) -> None:
    st.subheader("Over many steps")
    acc_now = accuracy(result.forward, result.targets)
    losses = lab.losses + [result.loss]
    accuracies = lab.accuracies + [acc_now]
    m1, m2, m3 = st.columns(3)
    m1.metric("Steps done", f"{lab.steps_done:,}", help="Completed training steps since the weights were new.")
    m2.metric("Loss now", f"{result.loss:.4f}", help="How wrong the network is now, over all points. Lower is better.")
    m3.metric("Points right", f"{acc_now:.0%}", help="Share of points on the correct side of the boundary (ŷ above or below 0.5).")
    if acc_now == 1.0:
        first = next(i for i, a in enumerate(accuracies) if a == 1.0)
        st.success(f"Solved: every point is classified correctly (first at step {first}).", icon=":material/task_alt:")
    elif lab.steps_done >= 500 and problem.key == "xor4":
        st.warning(
            "Not solved yet. With 1 hidden neuron XOR cannot be solved at all; with 2 some starting "
            "weights get stuck (try another seed), and a learning rate far too small or too large "
            "also fails.",
            icon=":material/warning:",
        )
    left, right = st.columns(2)
    with left:
        show_figure(loss_curve(losses, accuracies, title="Loss and accuracy"), key="neuron_lab_bp_loss_curve")
    with right:
        k = st.session_state.get("neuron_lab_bp_example", 0)
        show_figure(decision_boundary(model, lab.params, problem, highlight=k, title="What the network answers, everywhere"),
                    key="neuron_lab_bp_boundary")
    st.caption(
        "Right: the shading is the network's answer at every point of the plane (blue: class 1, "
        "orange: class 0); the black line is where it is undecided (ŷ = 0.5)."
    )
