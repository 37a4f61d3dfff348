"""Two ways one neuron can learn, on the same inputs: the delta rule and Hebb's rule.

The problem: two-feature inputs drawn from a stretched (correlated) cloud, and a teacher that
gives the target t = w_teacher · x. The neuron is linear (y = w · x) so the rules are easy to
follow.

- Delta rule (gradient descent on the squared error):   w += lr (t - y) x.
  It needs the teacher's answer and ends at the teacher's weights.
- Plain Hebb ("cells that fire together wire together"): w += lr y x.
  No teacher; it strengthens whatever is active together and grows without limit.
- Oja's rule (Hebb with a forgetting term):             w += lr y (x - y w).
  No teacher; stays bounded (|w| -> 1) and ends on the direction along which the inputs vary
  most (their first principal component), whatever the teacher wanted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message

RULES = ("delta", "hebb", "oja")
RULE_LABELS = {"delta": "Delta rule (gradient descent)", "hebb": "Plain Hebb", "oja": "Oja's rule (bounded Hebb)"}
# Plain Hebb's weights grow exponentially; stop recording once they are clearly exploding.
HEBB_BLOW_UP_NORM = 1e3


@dataclass(frozen=True)
class LearningProblem:
    x: np.ndarray  # (n, 2) inputs
    targets: np.ndarray  # (n,) the teacher's answers (used by the delta rule only)
    teacher: np.ndarray  # (2,) weights that produce the targets
    principal: np.ndarray  # (2,) unit vector along which x varies most (sign: first entry >= 0)


def make_problem(n: int = 100, seed: int = 0, teacher: tuple[float, float] = (-0.5, 1.0)) -> LearningProblem:
    """A stretched 2-D cloud (long axis about 27° above the x1 axis) and a linear teacher."""
    if n < 2:
        raise NNExplorerError(Message("msg.neuron.min_examples", n=n))
    rng = np.random.default_rng(seed)
    covariance = np.array([[1.0, 0.45], [0.45, 0.35]])
    x = rng.multivariate_normal([0.0, 0.0], covariance, size=n)
    w_teacher = np.asarray(teacher, dtype=np.float64)
    # The principal direction of the sample itself, so Oja's end point is checked against the
    # data the rule actually saw.
    values, vectors = np.linalg.eigh(x.T @ x / n)
    principal = vectors[:, np.argmax(values)]
    principal = principal if principal[0] >= 0 else -principal
    return LearningProblem(x=x, targets=x @ w_teacher, teacher=w_teacher, principal=principal)


@dataclass(frozen=True)
class LearningHistory:
    rule: str
    weights: np.ndarray  # (n_updates + 1, 2): the weights before each update, then the last
    errors: np.ndarray  # (n_updates + 1,) mean squared error against the teacher's targets
    blew_up_at: int | None  # update at which plain Hebb's weights passed HEBB_BLOW_UP_NORM

    @property
    def final(self) -> np.ndarray:
        return self.weights[-1]


def train_rule(
    rule: str,
    problem: LearningProblem,
    learning_rate: float = 0.02,
    epochs: int = 10,
    initial: tuple[float, float] = (0.3, -0.3),
    seed: int = 0,
) -> LearningHistory:
    """Online learning: one update per example, `epochs` passes in a seeded random order."""
    if rule not in RULES:
        raise NNExplorerError(Message("msg.neuron.rule", allowed=", ".join(RULES), value=repr(rule)))
    if not learning_rate > 0:
        raise NNExplorerError(Message("msg.neuron.positive", name="learning_rate", value=learning_rate))
    if epochs < 1:
        raise NNExplorerError(Message("msg.neuron.epochs", n=epochs))
    rng = np.random.default_rng(seed)
    x, t = problem.x, problem.targets
    w = np.asarray(initial, dtype=np.float64).copy()
    history = [w.copy()]
    blew_up_at = None
    for _ in range(epochs):
        for i in rng.permutation(len(x)):
            y = float(w @ x[i])
            if rule == "delta":
                w = w + learning_rate * (t[i] - y) * x[i]
            elif rule == "hebb":
                w = w + learning_rate * y * x[i]
            else:
                w = w + learning_rate * y * (x[i] - y * w)
            history.append(w.copy())
            if rule == "hebb" and np.linalg.norm(w) > HEBB_BLOW_UP_NORM:
                blew_up_at = len(history) - 1
                break
        if blew_up_at is not None:
            break
    weights = np.asarray(history)
    errors = np.mean((weights @ x.T - t[None, :]) ** 2, axis=1)
    return LearningHistory(rule=rule, weights=weights, errors=errors, blew_up_at=blew_up_at)
