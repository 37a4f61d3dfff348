"""Backpropagation written out for teaching: a tiny network, 2 inputs -> H hidden -> 1 output.

Every intermediate number is kept so a page can show it: the weighted sums z and activations a
of the forward pass, the loss, the deltas (dL/dz) of the backward pass, each weight's gradient
and the update. Float64 NumPy; `compare_with_tensorflow` checks it all against TensorFlow's
automatic differentiation on the same weights.

Shapes, for n examples: x (n, 2); z1 = x W1 + b1 and a1 = f(z1), (n, H); z2 = a1 · w2 + b2 and
a2 = sigmoid(z2), (n,). The loss is the mean over the n examples (full batch).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message
from nncore.neuron.activations import ACTIVATIONS, activate, sigmoid, slope, softplus

LOSSES = ("cross_entropy", "mse")
LOSS_LABELS = {"cross_entropy": "Cross-entropy", "mse": "Mean squared error"}
MAX_HIDDEN = 8


def _frozen_array(value, name: str, shape: tuple[int, ...]) -> np.ndarray:
    array = np.array(value, dtype=np.float64)  # a copy, so the caller's array can't change ours
    if array.shape != shape:
        raise NNExplorerError(Message("msg.neuron.array_shape", name=name, expected=str(shape), shape=str(array.shape)))
    array.setflags(write=False)
    return array


@dataclass(frozen=True)
class TinyMLPParams:
    """Weights of the tiny network; also used for their gradients and changes (same shapes)."""

    w1: np.ndarray  # (n_inputs, H): w1[i, j] connects input i to hidden unit j
    b1: np.ndarray  # (H,)
    w2: np.ndarray  # (H,): w2[j] connects hidden unit j to the output
    b2: float

    def __post_init__(self) -> None:
        w1 = np.asarray(self.w1)
        if w1.ndim != 2 or w1.shape[1] < 1:
            raise NNExplorerError(Message("msg.neuron.w1_shape", shape=str(w1.shape)))
        n_in, n_hidden = w1.shape
        object.__setattr__(self, "w1", _frozen_array(w1, "w1", (n_in, n_hidden)))
        object.__setattr__(self, "b1", _frozen_array(self.b1, "b1", (n_hidden,)))
        object.__setattr__(self, "w2", _frozen_array(self.w2, "w2", (n_hidden,)))
        object.__setattr__(self, "b2", float(self.b2))

    @property
    def n_inputs(self) -> int:
        return self.w1.shape[0]

    @property
    def n_hidden(self) -> int:
        return self.w1.shape[1]

    def arrays(self) -> dict[str, np.ndarray]:
        return {f.name: np.asarray(getattr(self, f.name), dtype=np.float64) for f in fields(self)}

    def combine(self, other: TinyMLPParams, scale: float) -> TinyMLPParams:
        """self + scale * other, part by part (an update is params.combine(grads, -lr))."""
        a, b = self.arrays(), other.arrays()
        return TinyMLPParams(**{k: a[k] + scale * b[k] for k in a})

    def scaled(self, factor: float) -> TinyMLPParams:
        return TinyMLPParams(**{k: factor * v for k, v in self.arrays().items()})

    def max_abs_difference(self, other: TinyMLPParams) -> float:
        a, b = self.arrays(), other.arrays()
        return max(float(np.max(np.abs(a[k] - b[k]))) for k in a)


@dataclass(frozen=True)
class ForwardPass:
    x: np.ndarray  # (n, n_inputs)
    z1: np.ndarray  # (n, H) hidden weighted sums
    a1: np.ndarray  # (n, H) hidden activations
    z2: np.ndarray  # (n,) output weighted sums
    a2: np.ndarray  # (n,) outputs: the probability of class 1


@dataclass(frozen=True)
class BackwardPass:
    dloss_da2: np.ndarray  # (n,) how the loss changes with each output
    delta2: np.ndarray  # (n,) dL/dz2 = dL/da2 * sigmoid'(z2)
    delta1: np.ndarray  # (n, H) dL/dz1 = delta2 * w2 * f'(z1)
    grads: TinyMLPParams  # dL/dw for every weight and bias


@dataclass(frozen=True)
class StepResult:
    before: TinyMLPParams
    forward: ForwardPass
    targets: np.ndarray  # (n,) 0 or 1
    loss: float
    backward: BackwardPass
    learning_rate: float
    change: TinyMLPParams  # -learning_rate * gradient
    after: TinyMLPParams


@dataclass(frozen=True)
class TrainResult:
    params: TinyMLPParams
    losses: np.ndarray  # loss before each step
    accuracies: np.ndarray  # accuracy before each step


@dataclass(frozen=True)
class TinyMLP:
    """The network's fixed choices: hidden activation and loss. Weights live in TinyMLPParams."""

    hidden_activation: str = "sigmoid"
    loss: str = "cross_entropy"

    def __post_init__(self) -> None:
        if self.hidden_activation not in ACTIVATIONS:
            raise NNExplorerError(
                Message("msg.neuron.hidden_activation", allowed=", ".join(ACTIVATIONS), value=repr(self.hidden_activation))
            )
        if self.loss not in LOSSES:
            raise NNExplorerError(Message("msg.neuron.loss", allowed=", ".join(LOSSES), value=repr(self.loss)))

    def init(self, n_hidden: int, seed: int, n_inputs: int = 2) -> TinyMLPParams:
        """Glorot-uniform weights, zero biases, from a seed (same seed, same network)."""
        if not 1 <= n_hidden <= MAX_HIDDEN:
            raise NNExplorerError(Message("msg.neuron.hidden_units", most=MAX_HIDDEN, n=n_hidden))
        rng = np.random.default_rng(seed)
        # Glorot's range keeps the first weighted sums near the steep middle of the activation.
        limit1 = np.sqrt(6.0 / (n_inputs + n_hidden))
        limit2 = np.sqrt(6.0 / (n_hidden + 1))
        return TinyMLPParams(
            w1=rng.uniform(-limit1, limit1, size=(n_inputs, n_hidden)),
            b1=np.zeros(n_hidden),
            w2=rng.uniform(-limit2, limit2, size=n_hidden),
            b2=0.0,
        )

    def forward(self, params: TinyMLPParams, x: np.ndarray) -> ForwardPass:
        x = _inputs(x, params.n_inputs)
        z1 = x @ params.w1 + params.b1
        a1 = activate(self.hidden_activation, z1)
        z2 = a1 @ params.w2 + params.b2
        return ForwardPass(x=x, z1=z1, a1=a1, z2=z2, a2=sigmoid(z2))

    def loss_value(self, forward: ForwardPass, y: np.ndarray) -> float:
        y = _targets(y, len(forward.x))
        if self.loss == "mse":
            return float(np.mean((forward.a2 - y) ** 2))
        # -[y ln a + (1-y) ln(1-a)] written through z2 = ln(a / (1-a)): equal, and finite even
        # when a rounds to exactly 0 or 1.
        return float(np.mean(softplus(forward.z2) - y * forward.z2))

    def backward(self, params: TinyMLPParams, forward: ForwardPass, y: np.ndarray) -> BackwardPass:
        y = _targets(y, len(forward.x))
        n = len(y)
        a2 = forward.a2
        if self.loss == "mse":
            dloss_da2 = 2.0 * (a2 - y) / n
            delta2 = dloss_da2 * a2 * (1.0 - a2)
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                dloss_da2 = (a2 - y) / (n * a2 * (1.0 - a2))
            # The sigmoid's slope a(1-a) cancels the denominator: dL/dz2 = (a - y) / n exactly.
            delta2 = (a2 - y) / n
        # Chain rule, one layer back: each hidden unit gets the output's delta times the weight
        # that carried its signal, times its own activation's slope.
        delta1 = delta2[:, None] * params.w2[None, :] * slope(self.hidden_activation, forward.z1)
        grads = TinyMLPParams(
            w1=forward.x.T @ delta1,
            b1=delta1.sum(axis=0),
            w2=forward.a1.T @ delta2,
            b2=float(delta2.sum()),
        )
        return BackwardPass(dloss_da2=dloss_da2, delta2=delta2, delta1=delta1, grads=grads)

    def step(self, params: TinyMLPParams, x: np.ndarray, y: np.ndarray, learning_rate: float) -> StepResult:
        """One full-batch gradient-descent step, with every number along the way."""
        _check_learning_rate(learning_rate)
        fwd = self.forward(params, x)
        loss = self.loss_value(fwd, y)
        bwd = self.backward(params, fwd, y)
        change = bwd.grads.scaled(-learning_rate)
        return StepResult(
            before=params, forward=fwd, targets=_targets(y, len(fwd.x)), loss=loss, backward=bwd,
            learning_rate=float(learning_rate), change=change, after=params.combine(change, 1.0),
        )

    def train(self, params: TinyMLPParams, x: np.ndarray, y: np.ndarray, learning_rate: float, n_steps: int) -> TrainResult:
        """`n_steps` full-batch steps; the loss and accuracy recorded before each."""
        _check_learning_rate(learning_rate)
        if n_steps < 0:
            raise NNExplorerError(Message("msg.neuron.n_steps", n=n_steps))
        y = _targets(y, len(x))
        losses, accuracies = np.empty(n_steps), np.empty(n_steps)
        for k in range(n_steps):
            fwd = self.forward(params, x)
            losses[k] = self.loss_value(fwd, y)
            accuracies[k] = accuracy(fwd, y)
            params = params.combine(self.backward(params, fwd, y).grads, -learning_rate)
        return TrainResult(params=params, losses=losses, accuracies=accuracies)

    def predict(self, params: TinyMLPParams, x: np.ndarray) -> np.ndarray:
        return self.forward(params, x).a2


def accuracy(forward: ForwardPass, y: np.ndarray) -> float:
    """Share of examples on the right side of 0.5."""
    return float(np.mean((forward.a2 >= 0.5) == (np.asarray(y) >= 0.5)))


def _inputs(x: np.ndarray, n_inputs: int) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != n_inputs or len(x) == 0:
        raise NNExplorerError(Message("msg.neuron.inputs_shape", n=n_inputs, shape=str(x.shape)))
    return x


def _targets(y: np.ndarray, n: int) -> np.ndarray:
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    if len(y) != n:
        raise NNExplorerError(Message("msg.neuron.targets", n=n, received=len(y)))
    return y


def _check_learning_rate(learning_rate: float) -> None:
    if not learning_rate > 0:
        raise NNExplorerError(Message("msg.neuron.positive", name="learning_rate", value=learning_rate))


@dataclass(frozen=True)
class TensorFlowCheck:
    """Largest |NumPy - TensorFlow| for each part of one step, on the same weights and data."""

    differences: dict[str, float]  # "forward", "loss", "gradients", "update"

    @property
    def max_abs_difference(self) -> float:
        return max(self.differences.values())

    def agrees(self, tolerance: float = 1e-6) -> bool:
        return self.max_abs_difference <= tolerance


def compare_with_tensorflow(model: TinyMLP, result: StepResult) -> TensorFlowCheck:
    """Redo `result`'s step with TensorFlow (GradientTape and its SGD kernel) and compare."""
    from nncore.neuron.autodiff_check import framework_step  # imports the framework: only when asked

    p = result.before
    fwd = result.forward
    tf_out = framework_step(
        p.w1, p.b1, p.w2, p.b2, fwd.x, result.targets, model.hidden_activation, model.loss, result.learning_rate
    )
    ours_fwd = {"z1": fwd.z1, "a1": fwd.a1, "z2": fwd.z2, "a2": fwd.a2}
    grads, after = result.backward.grads.arrays(), result.after.arrays()

    def gap(ours: dict[str, np.ndarray], prefix: str) -> float:
        return max(float(np.max(np.abs(np.asarray(v) - tf_out[prefix + k]))) for k, v in ours.items())

    return TensorFlowCheck(
        differences={
            "forward": gap(ours_fwd, ""),
            "loss": abs(result.loss - float(tf_out["loss"])),
            "gradients": gap(grads, "grad_"),
            "update": gap(after, "new_"),
        }
    )

