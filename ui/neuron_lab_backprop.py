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
from ui.i18n import t
from ui.render import show_figure

LAB_KEY = "neuron_lab_backprop"
TOLERANCE = 1e-6
MAX_HISTORY = 50_000  # steps kept for the loss curve; far more than anyone clicks through
LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 1.0, 2.0, 5.0, 10.0, 30.0]
RUN_LENGTHS = [1, 10, 100, 500, 2000]
SHORT_NAMES = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "LReLU", "elu": "ELU", "softplus": "softplus"}
# Per phase, the table's keys: "lab.bp.<phase>.title", ".next" (the Next button) and ".text".


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
    lab.message = t("lab.bp_ran", n=n_steps, before=f"{trained.losses[0]:.4f}", after=f"{final:.4f}")


def render_backprop() -> None:
    st.markdown(t("lab.bp_intro"))
    c1, c2, c3 = st.columns(3)
    problem_key = c1.selectbox(
        t("lab.bp_data"), list(PROBLEMS), key="neuron_lab_bp_problem",
        format_func={k: t(f"lab.problem.{k}") for k in PROBLEMS}.get,
        help=t("lab.bp_data_help"),
    )
    n_hidden = c2.slider(
        t("lab.bp_hidden"), 1, 4, key="neuron_lab_bp_hidden",
        help=t("lab.bp_hidden_help"),
    )
    activation = c3.selectbox(
        t("lab.bp_activation"), list(ACTIVATIONS), format_func=lambda k: ACTIVATIONS[k].label,
        key="neuron_lab_bp_activation", help=t("lab.bp_activation_help"),
    )
    c4, c5, c6 = st.columns(3)
    loss = c4.selectbox(
        t("lab.bp_loss"), list(LOSSES), key="neuron_lab_bp_loss",
        format_func={k: t(f"lab.loss.{k}") for k in LOSS_LABELS}.get,
        help=t("lab.bp_loss_help"),
    )
    learning_rate = c5.select_slider(
        t("lab.bp_lr"), LEARNING_RATES, key="neuron_lab_bp_lr",
        help=t("lab.bp_lr_help"),
    )
    seed = c6.number_input(
        t("lab.bp_seed"), 0, 999, key="neuron_lab_bp_seed",
        help=t("lab.bp_seed_help"),
    )
    config = LabConfig(problem_key, int(n_hidden), activation, loss, int(seed))
    lab = get_backprop_lab(config)
    problem = _problem(problem_key)
    model = TinyMLP(activation, loss)

    # Buttons act in on_click callbacks, which run before the page is drawn again, so every
    # label and number on the page (the "Next" button's label included) shows the new state.
    b1, b2, b3 = st.columns([2, 1, 1])
    b1.button(
        t(f"lab.bp.{lab.phase_name}.next"), type="primary", key="neuron_lab_bp_next", width="stretch",
        icon=":material/skip_next:", help=t("lab.bp_next_help"),
        on_click=_next_phase, args=(config, learning_rate),
    )
    b2.button(
        t("lab.bp_whole"), key="neuron_lab_bp_whole", width="stretch",
        help=t("lab.bp_whole_help"),
        on_click=_whole_step, args=(config, learning_rate),
    )
    b3.button(
        t("lab.bp_reset"), key="neuron_lab_bp_reset", width="stretch",
        help=t("lab.bp_reset_help"),
        on_click=_reset, args=(config,),
    )
    r1, r2 = st.columns([2, 1], vertical_alignment="bottom")
    run_length = r1.select_slider(
        t("lab.bp_run_length"), RUN_LENGTHS, key="neuron_lab_bp_run_length",
        help=t("lab.bp_run_length_help"),
    )
    r2.button(
        t("lab.bp_run", n=run_length), key="neuron_lab_bp_run", width="stretch", icon=":material/fast_forward:",
        help=t("lab.bp_run_help"),
        on_click=_run_steps, args=(config, learning_rate, int(run_length)),
    )

    result = model.step(lab.params, problem.x, problem.y, learning_rate)
    _render_step(model, lab, problem, result)
    _render_progress(model, lab, problem, result)


def _render_step(model: TinyMLP, lab: BackpropLab, problem: TinyProblem, result: StepResult) -> None:
    phase = lab.phase_name
    titles = {p: t(f"lab.bp.{p}.title") for p in PHASES}
    trail = "  →  ".join(f"**{title}**" if p == phase else title for p, title in titles.items())
    st.markdown(t("lab.bp_step", n=lab.steps_done + 1, trail=trail))
    if lab.message:
        st.success(lab.message, icon=":material/check_circle:")
        lab.message = None
    st.info(t(f"lab.bp.{phase}.text"), icon=":material/school:")

    if st.session_state.get("neuron_lab_bp_example", 0) >= len(problem.y):
        st.session_state["neuron_lab_bp_example"] = 0  # the data changed to fewer points
    k = st.selectbox(
        t("lab.bp_follow"), range(len(problem.y)),
        format_func={i: t("lab.bp_example", i=i + 1, x1=f"{problem.x[i, 0]:.2f}", x2=f"{problem.x[i, 1]:.2f}",
                          y=f"{problem.y[i]:g}") for i in range(len(problem.y))}.get,
        key="neuron_lab_bp_example", help=t("lab.bp_follow_help"),
    )
    show_figure(
        network_diagram(
            result.before, result.forward, k, phase, float(result.targets[k]), loss=result.loss,
            backward=result.backward, after=result.after, hidden_label=SHORT_NAMES[model.hidden_activation], words=t
        ),
        key="neuron_lab_bp_diagram",
    )
    _render_tensorflow_check(model, result)
    st.markdown(t("lab.bp_forward", i=k + 1))
    st.latex(forward_latex(model, result, k))
    if lab.phase >= 1:
        st.markdown(t("lab.bp_loss_heading"))
        st.latex(loss_latex(model, result, k))
    if lab.phase >= 2:
        st.markdown(t("lab.bp_backward", i=k + 1))
        st.latex(backward_latex(model, result, k))
    if lab.phase >= 3:
        st.markdown(t("lab.bp_update", lr=f"{result.learning_rate:g}"))
        st.latex(update_latex(result))
    st.markdown(t("lab.bp_every_example_delta" if lab.phase >= 2 else "lab.bp_every_example"))
    st.dataframe(_examples_table(result, lab.phase), hide_index=True, width="stretch", key="neuron_lab_bp_examples",
                 column_config={"target y": st.column_config.Column(t("lab.col.target"))})
    st.markdown(t("lab.bp_every_weight_update" if lab.phase >= 3 else "lab.bp_every_weight"))
    st.dataframe(
        _weights_table(result, lab.phase), hide_index=True, width="stretch", key="neuron_lab_bp_weights",
        column_config={name: st.column_config.Column(t(key)) for name, key in (
            ("parameter", "lab.col.parameter"), ("connects", "lab.col.connects"), ("value", "lab.col.value"),
            ("gradient ∂L/∂θ", "lab.col.gradient"), ("change −η·∂L/∂θ", "lab.col.change"), ("new value", "lab.col.new"),
        )},
    )


def _render_tensorflow_check(model: TinyMLP, result: StepResult) -> None:
    with st.spinner(t("lab.bp_tf_spinner")):
        check = compare_with_tensorflow(model, result)
    # The parts are named by nncore ("forward", "loss", "gradients", "update"); the page words them.
    parts = t("lab.bp_part_sep").join(f"{t(f'lab.bp_part.{name}')} {value:.1e}" for name, value in check.differences.items())
    message = t(
        "lab.bp_tf_agree" if check.agrees(TOLERANCE) else "lab.bp_tf_disagree",
        difference=f"{check.max_abs_difference:.1e}", allowed=f"{TOLERANCE:g}", parts=parts,
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
        add(f"b{j + 1}", t("lab.bias_of", unit=f"h{j + 1}"), p.b1[j], g.b1[j], change.b1[j], new.b1[j])
    for j in range(p.n_hidden):
        add(f"v{j + 1}", f"h{j + 1} → ŷ", p.w2[j], g.w2[j], change.w2[j], new.w2[j])
    add("c", t("lab.bias_of", unit="ŷ"), p.b2, g.b2, change.b2, new.b2)
    return pd.DataFrame(rows).round(8)


def _render_progress(model: TinyMLP, lab: BackpropLab, problem: TinyProblem, result: StepResult) -> None:
    st.subheader(t("lab.bp_progress"))
    acc_now = accuracy(result.forward, result.targets)
    losses = lab.losses + [result.loss]
    accuracies = lab.accuracies + [acc_now]
    m1, m2, m3 = st.columns(3)
    m1.metric(t("lab.bp_steps_done"), f"{lab.steps_done:,}", help=t("lab.bp_steps_done_help"))
    m2.metric(t("lab.bp_loss_now"), f"{result.loss:.4f}", help=t("lab.bp_loss_now_help"))
    m3.metric(t("lab.bp_points_right"), f"{acc_now:.0%}", help=t("lab.bp_points_right_help"))
    if acc_now == 1.0:
        first = next(i for i, a in enumerate(accuracies) if a == 1.0)
        st.success(t("lab.bp_solved", step=first), icon=":material/task_alt:")
    elif lab.steps_done >= 500 and problem.key == "xor4":
        st.warning(t("lab.bp_not_solved"), icon=":material/warning:",
        )
    left, right = st.columns(2)
    with left:
        show_figure(loss_curve(losses, accuracies, title=t("lab.bp_curve_title"), words=t), key="neuron_lab_bp_loss_curve")
    with right:
        k = st.session_state.get("neuron_lab_bp_example", 0)
        show_figure(decision_boundary(model, lab.params, problem, highlight=k, title=t("lab.bp_boundary_title"), words=t),
                    key="neuron_lab_bp_boundary")
    st.caption(t("lab.bp_boundary_caption"))
