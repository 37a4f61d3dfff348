"""Which explanation methods suit which model: one table a page can offer choices from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from nncore.explain import gradients, lime_methods, shap_methods


@dataclass(frozen=True)
class MethodInfo:
    """One explanation method as a page offers it: `description` says in plain words what it
    shows, `caveat` when it misleads (both written for people who are not programmers)."""

    key: str
    title: str
    input_kinds: tuple[str, ...]
    function: Callable[..., Any]
    description: str
    needs_conv: bool = False
    caveat: str = ""
    slow: bool = False  # takes more than a moment: shown with progress
    # What the values explain for a classifier: "score" (the class score before softmax or
    # sigmoid, by default; `target="probability"` switches) or "probability" (by definition:
    # SHAP, LIME and occlusion compare the model's answers, which are probabilities).
    explains: str = "probability"


ALL_KINDS = ("tabular", "image", "sequence")

METHODS: tuple[MethodInfo, ...] = (
    MethodInfo(
        "saliency", "Saliency", ALL_KINDS, gradients.saliency,
        "How strongly the answer would react to a tiny nudge of each input: big means sensitive.",
        caveat="Shows sensitivity, not contribution: an input can matter a lot and still have a small "
        "gradient (a saturated neuron), and the sign is dropped. Often noisy for images.",
        explains="score",
    ),
    MethodInfo(
        "gradient_x_input", "Gradient x input", ALL_KINDS, gradients.gradient_x_input,
        "Sensitivity times the input's value: a quick estimate of each input's share, measured from zero.",
        caveat="An input equal to zero always gets zero, even if it matters; only exact for straight-line models.",
        explains="score",
    ),
    MethodInfo(
        "integrated_gradients", "Integrated gradients", ALL_KINDS, gradients.integrated_gradients,
        "Walks from a neutral reference input (the baseline) to this one and adds up the gradients on "
        "the way; the shares add up to the change in the answer.",
        caveat="The answer depends on the baseline you choose (all zeros, the average, a blurred image): "
        "it explains the difference from that reference, nothing else. Too few steps break the sum.",
        explains="score",
    ),
    MethodInfo(
        "smoothgrad", "SmoothGrad", ALL_KINDS, gradients.smoothgrad,
        "Saliency averaged over many slightly noisy copies of the input: less speckle, same idea.",
        caveat="Like saliency it shows sensitivity without sign; the noise level changes the picture.",
        explains="score",
    ),
    MethodInfo(
        "grad_cam", "Grad-CAM", ("image",), gradients.grad_cam,
        "Where the last convolution layer found evidence for the answer, as a coarse heat map.",
        needs_conv=True,
        caveat="Coarse: its resolution is that of the last convolution layer, and it only shows evidence for "
        "the class, never against it. Its numbers are in other units than the other methods'.",
        explains="score",
    ),
    MethodInfo(
        "occlusion", "Occlusion", ("image",), gradients.occlusion,
        "Hides a small square at every position and measures how much the answer drops.",
        caveat="Hiding a patch makes an unnatural image the model never saw; the patch size decides what "
        "can be found (a thin stroke under a big patch is blurred together with its neighbours).",
    ),
    MethodInfo(
        "kernel_shap", "Kernel SHAP", ALL_KINDS, shap_methods.kernel_shap,
        "Shapley values: each input's fair share of the difference between this answer and the "
        "average answer, estimated by trying many subsets of inputs.",
        slow=True,
        caveat="An estimate from random subsets; inputs that move together (correlated features) share "
        "credit in ways that can surprise, because SHAP replaces them independently.",
    ),
    MethodInfo(
        "permutation_shap", "Permutation SHAP", ALL_KINDS, shap_methods.permutation_shap,
        "Shapley values from adding the inputs one by one in random orders; the shares add up exactly "
        "to this answer minus the average answer.",
        slow=True,
        caveat="Measured against a sample of training rows (the background): a different background "
        "gives different values. Same caution as Kernel SHAP for correlated features.",
    ),
    MethodInfo(
        "gradient_shap", "Gradient SHAP", ("image", "sequence"), shap_methods.gradient_shap,
        "Integrated gradients averaged over many training examples as references "
        "(SHAP's GradientExplainer).",
        slow=True,
        caveat="Random: shares add up only roughly, and a small sample gives grainy maps.",
        explains="score",
    ),
    MethodInfo(
        "lime_tabular", "LIME", ("tabular",), lime_methods.lime_tabular,
        "Fits a simple straight-line model to the network's answers on many random variations of this row.",
        slow=True,
        caveat="Values describe the simple model, not the network, and only near this row; they change "
        "with the random seed and the number of samples. Check that methods agree before trusting it.",
    ),
    MethodInfo(
        "lime_image", "LIME", ("image",), lime_methods.lime_image,
        "Fits a simple model to the answers when random squares of the image are switched off.",
        slow=True,
        caveat="Only as fine as the squares it switches off; blacked-out images are unlike real ones.",
    ),
    MethodInfo(
        "lime_sequence", "LIME", ("sequence",), lime_methods.lime_sequence,
        "Fits a simple model to the answers when random time steps are hidden.",
        slow=True,
        caveat="Hidden steps are replaced by the average series, which may not be a realistic series.",
    ),
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
