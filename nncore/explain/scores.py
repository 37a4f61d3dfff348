"""The class score before the output's softmax or sigmoid: what gradient methods differentiate.

Saliency, gradient x input, SmoothGrad, integrated gradients, Grad-CAM and Gradient SHAP
differentiate the output layer's *pre-activation* score (the logit) by default, as Simonyan
et al. (2013), Selvaraju et al. (2017, Grad-CAM) and the keras.io Grad-CAM recipe do. The
probability saturates: where a sigmoid output rounds to 1.0 in float32 its gradient is exactly
zero, and a confident softmax squeezes every gradient toward zero, so maps of the probability
go blank or change shape on the inputs the model is surest about.
"""

from __future__ import annotations

from typing import Any

# What a gradient method explains: the score before softmax/sigmoid, or the probability.
TARGETS = ("score", "probability")
_SCORE_LAYER_CLASS: list[Any] = []  # built on first use: defining a Layer imports Keras


def _score_layer_class() -> Any:
    if not _SCORE_LAYER_CLASS:
        import keras

        class DenseScore(keras.layers.Layer):
            """A Dense layer's x W + b without its activation, sharing that layer's weights
            (so the score model follows the model if it is trained further)."""

            def __init__(self, dense: Any, **kwargs: Any) -> None:
                super().__init__(name=f"{dense.name}_score", **kwargs)
                self.dense = dense

            def call(self, inputs: Any) -> Any:
                out = keras.ops.matmul(inputs, self.dense.kernel)
                return out + self.dense.bias if self.dense.use_bias else out

            def compute_output_shape(self, input_shape: Any) -> Any:
                return (*input_shape[:-1], self.dense.units)

        _SCORE_LAYER_CLASS.append(DenseScore)
    return _SCORE_LAYER_CLASS[0]


def _is_linear(activation: Any) -> bool:
    return activation is None or getattr(activation, "__name__", "") == "linear"


def pre_activation_model(keras_model: Any) -> Any | None:
    """A Keras model with the same layers and weights returning the output layer's score
    before its activation; None when the output is already linear or the activation cannot
    be separated (then the output itself is the score)."""
    import keras

    last = keras_model.layers[-1]
    kind = type(last).__name__
    try:
        if kind in ("Activation", "Softmax") and not _is_linear(getattr(last, "activation", "softmax")):
            return keras.Model(keras_model.inputs, last.input)
        if kind == "Dense" and not _is_linear(last.activation):
            return keras.Model(keras_model.inputs, _score_layer_class()(last)(last.input))
    except (AttributeError, ValueError, TypeError):  # a model whose graph cannot be cut there
        return None
    return None


def check_target(target: str) -> str:
    if target not in TARGETS:
        raise ValueError(f"Expected a target among {', '.join(map(repr, TARGETS))}. Received: {target!r}")
    return target
