"""Which explanation methods suit which model: one table a page can offer choices from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from nncore.explain import gradients, lime_methods, shap_methods
from nncore.messages import Message


# The explanations that are Shapley values (additive: base value + values = the answer).
SHAP_METHODS = ("kernel_shap", "permutation_shap", "gradient_shap")


def method_title(key: str) -> Message:
    """A method's name, from the catalogue (`explain.method.<key>.title`); str() is the English."""
    return Message(f"explain.method.{key}.title")


@dataclass(frozen=True)
class MethodInfo:
    """One explanation method as a page offers it, named by its stable `key`; its title, its
    `description` (what it shows, in plain words) and its `caveat` (when it misleads) come
    from the catalogue, written for people who are not programmers."""

    key: str
    input_kinds: tuple[str, ...]
    function: Callable[..., Any]
    needs_conv: bool = False
    slow: bool = False  # takes more than a moment: shown with progress
    # What the values explain for a classifier: "score" (the class score before softmax or
    # sigmoid, by default; `target="probability"` switches) or "probability" (by definition:
    # SHAP, LIME and occlusion compare the model's answers, which are probabilities).
    explains: str = "probability"

    @property
    def title(self) -> Message:
        return method_title(self.key)

    @property
    def description(self) -> Message:
        return Message(f"explain.method.{self.key}.desc")

    @property
    def caveat(self) -> Message:
        return Message(f"explain.method.{self.key}.caveat")


ALL_KINDS = ("tabular", "image", "sequence")

METHODS: tuple[MethodInfo, ...] = (
    MethodInfo("saliency", ALL_KINDS, gradients.saliency, explains="score"),
    MethodInfo("gradient_x_input", ALL_KINDS, gradients.gradient_x_input, explains="score"),
    MethodInfo("integrated_gradients", ALL_KINDS, gradients.integrated_gradients, explains="score"),
    MethodInfo("smoothgrad", ALL_KINDS, gradients.smoothgrad, explains="score"),
    MethodInfo("grad_cam", ("image",), gradients.grad_cam, needs_conv=True, explains="score"),
    MethodInfo("occlusion", ("image",), gradients.occlusion),
    MethodInfo("kernel_shap", ALL_KINDS, shap_methods.kernel_shap, slow=True),
    MethodInfo("permutation_shap", ALL_KINDS, shap_methods.permutation_shap, slow=True),
    MethodInfo("gradient_shap", ("image", "sequence"), shap_methods.gradient_shap, slow=True, explains="score"),
    MethodInfo("lime_tabular", ("tabular",), lime_methods.lime_tabular, slow=True),
    MethodInfo("lime_image", ("image",), lime_methods.lime_image, slow=True),
    MethodInfo("lime_sequence", ("sequence",), lime_methods.lime_sequence, slow=True),
)


def methods_for(model: Any) -> list[MethodInfo]:
    """The methods that apply to an ExplainableModel (Grad-CAM only with a Conv2D layer;
    Gradient SHAP only on TensorFlow: shap's GradientExplainer cannot differentiate a JAX model)."""
    from nncore.backend import keras_backend

    has_conv = gradients.last_conv_layer(model.model) is not None
    on_tensorflow = keras_backend() == "tensorflow"
    return [
        m for m in METHODS
        if model.input_kind in m.input_kinds and (has_conv or not m.needs_conv) and (on_tensorflow or m.key != "gradient_shap")
    ]
