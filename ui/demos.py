"""Guided demos for people who have never trained a network: what each loads, trains and shows.

A demo is a short tour: a list of steps, each naming a page, what to set up or train on
arriving (data, model, settings) and what the page should show at once (a tab, an explanation
already computed), so no step opens on an empty page; each step's caption, which says what to
look at there, is in the translation table (ui/translations.py). Every demo's
training takes a few seconds on a 2-core CPU. The tour itself is drawn by ui/tour.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from nncore.training.config import TrainingConfig


@dataclass(frozen=True)
class TourStep:
    page: str  # the page script, e.g. "app_pages/train.py"
    setup: Callable[[Any], None] | None = None  # run on arriving: loads data, sets the model, trains
    # Run on arriving, after `setup`: what the page opens on (a tab, an explanation to compute
    # at once), set in the page's own session keys as the person's click would set them.
    show: Callable[[], None] | None = None


@dataclass(frozen=True)
class Demo:
    """A demo's texts are in ui/translations.py: demo.<key>.title, .blurb and .step1, .step2..."""

    key: str
    icon: str
    steps: tuple[TourStep, ...]

    def text_key(self, part: str) -> str:
        return f"demo.{self.key}.{part}"

    def caption_key(self, step: int) -> str:
        return self.text_key(f"step{step + 1}")


def _load(state: Any, key: str, **params: Any) -> None:
    from nncore.data import load_dataset

    if state.dataset.key != key or any(state.dataset.params.get(k) != v for k, v in params.items()):
        state.set_dataset(load_dataset(key, **params))
    state.drop_notices()  # the tour's caption says what changed


def _train(state: Any, preset: str, config: TrainingConfig, layer_changes: dict[str, Any] | None = None) -> None:
    state.set_preset(preset)
    if layer_changes:
        spec = state.model_spec
        # Edited: no longer the preset as it comes.
        state.replace_model(replace(spec, layers=tuple(replace(layer, **layer_changes) for layer in spec.layers)))
    state.set_training_config(config)
    state.start_training()


def _wide_mlp(state: Any, config: TrainingConfig, **layer_changes: Any) -> None:
    """Three hidden layers of 64 ReLU units: far more than 60 noisy points need."""
    from nncore.models import LayerSpec, ModelSpec

    state.replace_model(ModelSpec(layers=tuple(LayerSpec("dense", 64, "relu", **layer_changes) for _ in range(3))))
    state.set_training_config(config)
    state.start_training()


def _explain_first_example() -> None:
    """Open Explain on the first test example with its explanation computed, as if the person
    had pressed Explain (the page's own request, also used by Evaluate's error browser)."""
    import streamlit as st

    from ui.explain_view import REQUEST_KEY

    st.session_state[REQUEST_KEY] = 0


def _draw_a_seven() -> None:
    """Open Explain's canvas with a seven already drawn, so the step opens on its answer and
    explanation; the caption invites the person to clear it and draw their own."""
    import streamlit as st

    from ui.draw_digit import SEVEN, preset_key

    st.session_state["explain_draw"] = True
    st.session_state[preset_key("explain_canvas")] = SEVEN


def _lab_tab(section: str, **values: Any) -> Callable[[], None]:
    """Open the neuron lab on `section` (its English tab name), with some sliders set."""

    def show() -> None:
        import streamlit as st

        st.session_state["neuron_lab_section"] = section  # the page re-labels it in the session's language
        st.session_state.update(values)

    return show


_FAST = dict(optimizer="adam", learning_rate=0.03, batch_size=10, seed=0)

DEMOS: tuple[Demo, ...] = (
    Demo(
        "hidden_layers",
        ":material/device_hub:",
        (
            TourStep(
                "app_pages/train.py",
                lambda s: (_load(s, "xor", n_points=400, noise=0.1, seed=0), _train(s, "logistic", TrainingConfig(epochs=60, **_FAST))),
            ),
            TourStep(
                "app_pages/train.py",
                lambda s: _train(s, "small_mlp", TrainingConfig(epochs=80, **_FAST)),
            ),
            TourStep("app_pages/inside.py"),
        ),
    ),
    Demo(
        "breast_cancer",
        ":material/health_and_safety:",
        (
            TourStep(
                "app_pages/train.py",
                lambda s: (_load(s, "breast_cancer"), _train(s, "small_mlp", TrainingConfig(epochs=30, optimizer="adam", learning_rate=0.003, batch_size=16))),
            ),
            TourStep("app_pages/evaluate.py"),
            TourStep("app_pages/explain.py", show=_explain_first_example),
        ),
    ),
    Demo(
        "cnn",
        ":material/image_search:",
        (
            TourStep(
                "app_pages/train.py",
                lambda s: (_load(s, "digits"), _train(s, "lenet_cnn", TrainingConfig(epochs=8, optimizer="adam", learning_rate=0.003, batch_size=32))),
            ),
            TourStep("app_pages/inside.py"),
            TourStep("app_pages/explain.py", show=_explain_first_example),
            TourStep("app_pages/explain.py", show=_draw_a_seven),
        ),
    ),
    Demo(
        "overfitting",
        ":material/trending_down:",
        (
            TourStep(
                "app_pages/train.py",
                lambda s: (_load(s, "xor", n_points=100, noise=0.6, seed=1),
                           _wide_mlp(s, TrainingConfig(epochs=300, optimizer="adam", learning_rate=0.01, batch_size=10))),
            ),
            TourStep(
                "app_pages/train.py",
                lambda s: _wide_mlp(
                    s, TrainingConfig(epochs=300, optimizer="adam", learning_rate=0.01, batch_size=10, early_stopping=True, patience=20),
                    dropout=0.3,
                ),
            ),
        ),
    ),
    Demo(
        "neuron",
        ":material/neurology:",
        (
            TourStep("app_pages/neuron_lab.py", show=_lab_tab("One neuron")),
            # 3 nA: above the cell's threshold (1.5 nA), so it fires a steady train of spikes.
            TourStep("app_pages/neuron_lab.py", show=_lab_tab("Brain cell", neuron_lab_current=3.0)),
            TourStep("app_pages/neuron_lab.py", show=_lab_tab("Brain cell")),
        ),
    ),
)

DEMOS_BY_KEY = {demo.key: demo for demo in DEMOS}
