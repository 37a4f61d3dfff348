"""The Data page's "positive class" choice (two classes): which class is the finding to catch.

Evaluate's words (missed case, false alarm), its threshold and curves, and the whole-model
explanations follow it. It is a reading of the data, not a training setting, so changing it
keeps the model and the current run (see `SessionState.set_positive_class`).
"""

from __future__ import annotations

import streamlit as st

from nncore.data.positive_class import REASON_RARER, class_counts, positive_class
from ui.i18n import t
from ui.runs_text import markdown_text
from ui.state import SessionState

CHOICE_KEY = "data_positive_class"


def reason_text(dataset) -> str:
    """Why the dataset's positive class is the one it is, in words (empty without one)."""
    chosen = positive_class(dataset)
    if chosen is None:
        return ""
    names = [markdown_text(n) for n in dataset.class_names]  # data is never markup
    counts = class_counts(dataset)
    share = f"{counts[chosen.index] / max(1, counts.sum()):.0%}" if chosen.reason == REASON_RARER else ""
    return t(f"pos.reason.{chosen.reason}", name=names[chosen.index], other=names[1 - chosen.index], share=share)


def render_positive_choice(state: SessionState) -> None:
    dataset = state.dataset
    chosen = positive_class(dataset)
    if chosen is None:
        return
    names = [str(n) for n in dataset.class_names]

    def changed() -> None:
        state.set_positive_class(st.session_state[CHOICE_KEY])
        st.toast(t("pos.data.changed_toast", name=st.session_state[CHOICE_KEY]), icon=":material/check:")

    # The widget follows the dataset (a new dataset, a share link), not only the person's clicks.
    if st.session_state.get(CHOICE_KEY) != names[chosen.index]:
        st.session_state[CHOICE_KEY] = names[chosen.index]
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    left.selectbox(t("pos.data.choice"), names, key=CHOICE_KEY, on_change=changed, help=t("pos.data.choice_help"))
    right.caption(reason_text(dataset) + "  \n" + t("pos.data.how"))
