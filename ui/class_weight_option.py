"""The Train form's class-weights option, offered when the rarest class is under 20% of the
training examples (nncore.training.class_weights)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from nncore.training.class_weights import OFFER_BELOW_SHARE, balanced_class_weights, offer_class_weights, rarest_class
from ui.i18n import t
from ui.runs_text import markdown_text

WIDGET_KEY = "train_class_weights"


def seed_class_weight_widget(config: Any) -> None:
    """Put the settings' value into the widget (the form's other fields are seeded the same way)."""
    st.session_state[WIDGET_KEY] = config.class_weights == "balanced"


def render_class_weight_option(dataset: Any) -> str:
    """Inside the form: the checkbox when the data is imbalanced; returns "balanced" or "none"."""
    if not offer_class_weights(dataset):
        return "none"  # balanced enough: nothing to offer, and nothing weighted
    index, share = rarest_class(dataset)
    names = [markdown_text(n) for n in (dataset.class_names or range(dataset.n_classes))]  # data is never markup
    st.caption(t("pos.train.class_weights_offer", name=names[index], share=f"{share:.0%}"))
    on = st.checkbox(t("pos.train.class_weights"), key=WIDGET_KEY, help=t("pos.train.class_weights_help"))
    if on:
        weights = balanced_class_weights(dataset.y_train, dataset.n_classes)
        st.caption(t("pos.train.class_weights_on", weights=", ".join(f"{n} × {w:.2f}" for n, w in zip(names, weights))))
    return "balanced" if on else "none"


__all__ = ["OFFER_BELOW_SHARE", "render_class_weight_option", "seed_class_weight_widget"]
