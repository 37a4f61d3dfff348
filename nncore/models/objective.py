"""The output layer, loss and metric that follow from a task (and a spec's overrides).

Classification with two classes uses one sigmoid unit; with more, one softmax unit per class.
Regression uses one linear unit. Overrides let a learner compare losses (MSE, cross-entropy,
hinge) on the same task; combinations that cannot work are refused with a reason.
Loss and metric functions use `keras.ops` only, so they run on any Keras backend.
"""

from __future__ import annotations

from dataclasses import dataclass

from nncore.errors import ArchitectureError
from nncore.messages import Message


@dataclass(frozen=True)
class Objective:
    task: str
    n_classes: int  # 0 for regression
    output_units: int
    output_activation: str  # a Keras activation name
    loss_name: str  # "crossentropy" | "mse" | "hinge"

    @property
    def metric_name(self) -> str:
        return "accuracy" if self.task == "classification" else "mae"

    @property
    def metric_label(self) -> str:
        return "Accuracy" if self.task == "classification" else "Mean absolute error"

    @property
    def higher_is_better(self) -> bool:
        return self.task == "classification"

    @property
    def loss_label(self) -> str:
        labels = {
            ("crossentropy", 2): "Binary cross-entropy",
            ("hinge", 2): "Hinge",
        }
        if self.loss_name == "crossentropy":
            return labels[("crossentropy", 2)] if self.output_units == 1 else "Categorical cross-entropy"
        if self.loss_name == "hinge":
            return "Hinge" if self.output_units == 1 else "Categorical hinge"
        return "Mean squared error"

    # --- per-example losses and metrics (keras.ops, any backend) -------------------------
    def per_example_loss(self, y_true, y_pred):
        from keras import ops

        eps = 1e-7
        if self.task == "regression":
            y = ops.reshape(ops.cast(y_true, y_pred.dtype), ops.shape(y_pred))
            return ops.mean(ops.square(y_pred - y), axis=-1)
        if self.output_units == 1:
            p = ops.reshape(y_pred, (-1,))
            y = ops.cast(ops.reshape(y_true, (-1,)), p.dtype)
            if self.loss_name == "crossentropy":
                p = ops.clip(p, eps, 1.0 - eps)
                return -(y * ops.log(p) + (1.0 - y) * ops.log(1.0 - p))
            if self.loss_name == "mse":
                return ops.square(p - y)
            signed = 2.0 * y - 1.0  # hinge wants labels in {-1, +1}
            return ops.relu(1.0 - signed * p)
        onehot = ops.one_hot(ops.cast(ops.reshape(y_true, (-1,)), "int32"), self.output_units, dtype=y_pred.dtype)
        if self.loss_name == "crossentropy":
            return -ops.sum(onehot * ops.log(ops.clip(y_pred, eps, 1.0)), axis=-1)
        if self.loss_name == "mse":
            return ops.mean(ops.square(y_pred - onehot), axis=-1)
        # Crammer-Singer hinge: the true class must beat the best wrong class by a margin of 1.
        positive = ops.sum(onehot * y_pred, axis=-1)
        negative = ops.max((1.0 - onehot) * y_pred - onehot * 1e9, axis=-1)
        return ops.relu(1.0 + negative - positive)

    def per_example_metric(self, y_true, y_pred):
        """1.0/0.0 correctness for classification; absolute error for regression."""
        from keras import ops

        if self.task == "regression":
            y = ops.reshape(ops.cast(y_true, y_pred.dtype), ops.shape(y_pred))
            return ops.mean(ops.abs(y_pred - y), axis=-1)
        predicted = self.predicted_class(y_pred)
        truth = ops.cast(ops.reshape(y_true, (-1,)), "int32")
        return ops.cast(ops.equal(predicted, truth), y_pred.dtype)

    def predicted_class(self, y_pred):
        from keras import ops

        if self.output_units == 1:
            threshold = 0.0 if self.output_activation in ("linear", "tanh") else 0.5
            return ops.cast(ops.reshape(y_pred, (-1,)) > threshold, "int32")
        return ops.cast(ops.argmax(y_pred, axis=-1), "int32")


def objective_for(task: str, n_classes: int, output_activation: str = "auto", loss: str = "auto", n_targets: int = 1) -> Objective:
    """Pick the output layer and loss for a task, honouring valid overrides."""
    if task == "regression":
        if loss not in ("auto", "mse"):
            raise ArchitectureError(Message("msg.model.regression_loss", loss=repr(loss)))
        if output_activation not in ("auto", "linear"):
            raise ArchitectureError(Message("msg.model.regression_output", activation=repr(output_activation)))
        return Objective(task, 0, n_targets, "linear", "mse")
    if task != "classification":
        raise ArchitectureError(f"Expected task 'classification' or 'regression'. Received: task={task!r}")
    if n_classes < 2:
        raise ArchitectureError(f"Expected at least 2 classes. Received: n_classes={n_classes}")

    loss_name = "crossentropy" if loss == "auto" else loss
    binary = n_classes == 2
    if output_activation == "auto":
        if loss_name == "hinge":
            activation = "linear"
        else:
            activation = "sigmoid" if binary else "softmax"
    else:
        activation = output_activation
    if binary and activation == "softmax":
        return Objective(task, n_classes, 2, "softmax", loss_name)
    if not binary and activation == "sigmoid":
        raise ArchitectureError(Message("msg.model.softmax_needed", n=n_classes))
    if loss_name == "crossentropy" and activation == "linear":
        raise ArchitectureError(Message("msg.model.probabilities_needed"))
    units = 1 if binary else n_classes
    return Objective(task, n_classes, units, activation, loss_name)
