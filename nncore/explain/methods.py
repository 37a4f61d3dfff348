"""Which explanation methods suit which model: one table a page can offer choices from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from nncore.explain import gradients, lime_methods, shap_methods


@dataclass(frozen=True)
class MethodInfo:
    key: str
    title: str
    input_kinds: tuple[str, ...]
    function: Callable[..., Any]
    description: str
    needs_conv: bool = False


ALL_KINDS = ("tabular", "image", "sequence")

METHODS: tuple[MethodInfo, ...] = (
    MethodInfo("saliency", "Saliency", ALL_KINDS, gradients.saliency, "How fast the output changes when each input changes."),
    MethodInfo("gradient_x_input", "Gradient x input", ALL_KINDS, gradients.gradient_x_input, "Gradient times the input's value."),
    MethodInfo(
        "integrated_gradients", "Integrated gradients", ALL_KINDS, gradients.integrated_gradients,
        "Gradients summed along a path from a baseline; adds up to the change in output.",
    ),
    MethodInfo("smoothgrad", "SmoothGrad", ALL_KINDS, gradients.smoothgrad, "Gradients averaged over noisy copies: less speckle."),
    MethodInfo("grad_cam", "Grad-CAM", ("image",), gradients.grad_cam, "Where the last convolution layer found evidence.", needs_conv=True),
    MethodInfo("occlusion", "Occlusion", ("image",), gradients.occlusion, "How much the output drops when a patch is hidden."),
    MethodInfo("kernel_shap", "Kernel SHAP", ALL_KINDS, shap_methods.kernel_shap, "Shapley values estimated by weighted regression."),
    MethodInfo(
        "permutation_shap", "Permutation SHAP", ALL_KINDS, shap_methods.permutation_shap,
        "Shapley values from random feature orders; adds up exactly.",
    ),
    MethodInfo(
        "gradient_shap", "Gradient SHAP", ("image", "sequence"), shap_methods.gradient_shap,
        "Expected gradients against training examples (SHAP's GradientExplainer).",
    ),
    MethodInfo("lime_tabular", "LIME", ("tabular",), lime_methods.lime_tabular, "A simple local model fitted to perturbed rows."),
    MethodInfo("lime_image", "LIME", ("image",), lime_methods.lime_image, "A simple local model over squares of pixels switched off."),
    MethodInfo("lime_sequence", "LIME", ("sequence",), lime_methods.lime_sequence, "A simple local model over time steps hidden."),
)


def methods_for(model: Any) -> list[MethodInfo]:
    """The methods that apply to an ExplainableModel (Grad-CAM only with a Conv2D layer)."""
    has_conv = gradients.last_conv_layer(model.model) is not None
    return [m for m in METHODS if model.input_kind in m.input_kinds and (has_conv or not m.needs_conv)]
