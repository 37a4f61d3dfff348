"""Guided demos for people who have never trained a network: what each loads, trains and shows.

A demo is a short tour: a list of steps, each naming a page, a caption that explains what to
look at there, and what to set up or train on arriving (data, model, settings). Every demo's
training takes a few seconds on a 2-core CPU. The tour itself is drawn by ui/tour.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from nncore.training.config import TrainingConfig


@dataclass(frozen=True)
class TourStep:
    page: str  # the page script, e.g. "app_pages/train.py"
    caption: str  # markdown shown above the page
    setup: Callable[[Any], None] | None = None  # run on arriving: loads data, sets the model, trains


@dataclass(frozen=True)
class Demo:
    key: str
    title: str
    blurb: str
    icon: str
    steps: tuple[TourStep, ...]


def _load(state: Any, key: str, **params: Any) -> None:
    from nncore.data import load_dataset

    if state.dataset.key != key or any(state.dataset.params.get(k) != v for k, v in params.items()):
        state.set_dataset(load_dataset(key, **params))
    state.notices.clear()  # the tour's caption says what changed


def _train(state: Any, preset: str, config: TrainingConfig, layer_changes: dict[str, Any] | None = None) -> None:
    state.set_preset(preset)
    if layer_changes:
        spec = state.model_spec
        state.model_spec = replace(spec, layers=tuple(replace(layer, **layer_changes) for layer in spec.layers))
        state.preset_key = None  # edited: no longer the preset as it comes
        state.editor_version += 1
    state.training_config = config
    state.start_training()


def _wide_mlp(state: Any, config: TrainingConfig, **layer_changes: Any) -> None:
    """Three hidden layers of 64 ReLU units: far more than 60 noisy points need."""
    from nncore.models import LayerSpec, ModelSpec

    state.model_spec = ModelSpec(layers=tuple(LayerSpec("dense", 64, "relu", **layer_changes) for _ in range(3)))
    state.preset_key = None
    state.editor_version += 1
    state.training_config = config
    state.start_training()


_FAST = dict(optimizer="adam", learning_rate=0.03, batch_size=10, seed=0)

DEMOS: tuple[Demo, ...] = (
    Demo(
        "hidden_layers",
        "Why hidden layers matter",
        "A straight line cannot separate XOR. One hidden layer can. Watch the boundary bend.",
        ":material/device_hub:",
        (
            TourStep(
                "app_pages/train.py",
                "**Step 1: no hidden layer.** The data is XOR: one class in two opposite corners, "
                "the other class in the other two. A *logistic regression* (one neuron, no hidden layer) can "
                "only draw one straight line. Watch the **decision boundary** below the curves: no "
                "line separates the corners, so the accuracy stays near 50%, a coin toss.",
                lambda s: (_load(s, "xor", n_points=400, noise=0.1, seed=0), _train(s, "logistic", TrainingConfig(epochs=60, **_FAST))),
            ),
            TourStep(
                "app_pages/train.py",
                "**Step 2: with hidden layers.** Same data, now a small network with two *hidden "
                "layers* of neurons. Each hidden neuron draws its own line; the next layer combines "
                "them into a bent boundary. The loss falls and the accuracy climbs towards 100%.",
                lambda s: _train(s, "small_mlp", TrainingConfig(epochs=80, **_FAST)),
            ),
            TourStep(
                "app_pages/inside.py",
                "**Step 3: inside the network.** Here you can see what each layer does to one input, "
                "and the weights the network learned. Hidden layers turn a problem a line cannot "
                "solve into one it can.",
            ),
        ),
    ),
    Demo(
        "breast_cancer",
        "Diagnose breast cancer, and see why",
        "A network reads 30 measurements of a tumour. How often is it right, and what did it look at?",
        ":material/health_and_safety:",
        (
            TourStep(
                "app_pages/train.py",
                "**Step 1: learn from 341 patients.** Each row holds 30 measurements of a breast "
                "tumour's cells; the answer is *malignant* or *benign*. The network trains on 60% "
                "of the patients and checks itself on 20% it does not learn from (*validation*).",
                lambda s: (_load(s, "breast_cancer"), _train(s, "small_mlp", TrainingConfig(epochs=30, optimizer="adam", learning_rate=0.003, batch_size=16))),
            ),
            TourStep(
                "app_pages/evaluate.py",
                "**Step 2: how good is it?** Judged on the last 20%, patients it never saw. The "
                "*confusion matrix* shows which mistakes it makes: calling a malignant tumour benign "
                "is the dangerous kind.",
            ),
            TourStep(
                "app_pages/explain.py",
                "**Step 3: why this diagnosis?** Press **Explain**. SHAP and LIME each score how much "
                "every measurement pushed this patient's prediction up or down. When methods agree, "
                "the explanation deserves more trust.",
            ),
        ),
    ),
    Demo(
        "cnn",
        "What does a CNN see?",
        "A convolutional network learns to read handwritten digits. See its feature maps and what it looks at.",
        ":material/image_search:",
        (
            TourStep(
                "app_pages/train.py",
                "**Step 1: learn to read digits.** 1,797 small 8x8 images of handwritten digits. A "
                "*convolutional network* (CNN) slides small filters over the image, as cells in the "
                "visual cortex respond to edges in one spot of what we see.",
                lambda s: (_load(s, "digits"), _train(s, "lenet_cnn", TrainingConfig(epochs=8, optimizer="adam", learning_rate=0.003, batch_size=32))),
            ),
            TourStep(
                "app_pages/inside.py",
                "**Step 2: feature maps.** Pick a digit: each small picture is one filter's answer "
                "to it. Early filters find strokes and edges; later layers combine them into parts "
                "of digits.",
            ),
            TourStep(
                "app_pages/explain.py",
                "**Step 3: where did it look?** Press **Explain**. The heatmaps over the digit show "
                "which pixels moved the answer (saliency, integrated gradients, Grad-CAM).",
            ),
        ),
    ),
    Demo(
        "overfitting",
        "Overfitting, live",
        "A big network memorises 60 noisy points. Watch training and validation part ways, then fix it.",
        ":material/trending_down:",
        (
            TourStep(
                "app_pages/train.py",
                "**Step 1: memorising.** Only 60 noisy points and a big network (3 x 64 neurons). "
                "The *training* loss keeps falling, but after a while the *validation* loss (points "
                "it does not learn from) turns up: the network is learning the noise by heart. "
                "That is **overfitting**.",
                lambda s: (_load(s, "xor", n_points=100, noise=0.6, seed=1),
                           _wide_mlp(s, TrainingConfig(epochs=300, optimizer="adam", learning_rate=0.01, batch_size=10))),
            ),
            TourStep(
                "app_pages/train.py",
                "**Step 2: the fix.** The same network with *dropout* (each step, 30% of neurons "
                "are switched off at random, so none can memorise alone) and *early stopping* "
                "(training ends when the validation loss stops improving, and the best weights are "
                "kept). The two curves now stay together.",
                lambda s: _wide_mlp(
                    s, TrainingConfig(epochs=300, optimizer="adam", learning_rate=0.01, batch_size=10, early_stopping=True, patience=20),
                    dropout=0.3,
                ),
            ),
        ),
    ),
    Demo(
        "neuron",
        "A neuron and a brain cell",
        "How an artificial neuron compares with a real one, with sliders to play with.",
        ":material/neurology:",
        (
            TourStep(
                "app_pages/neuron_lab.py",
                "**The neuron lab.** The first tab is an artificial neuron: a weighted sum and an "
                "activation function. The *Brain cell* tab shows a real neuron's voltage, which "
                "spikes when its input crosses a threshold. Move the sliders and compare.",
            ),
        ),
    ),
)

DEMOS_BY_KEY = {demo.key: demo for demo in DEMOS}
