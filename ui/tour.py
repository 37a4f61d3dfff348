"""The guided tour: a demo's caption above the page, with Next and Leave buttons.

The tour's position lives in `st.session_state` (per session). Leaving the tour keeps
whatever the demo loaded and trained; the user simply carries on from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from nncore.errors import NNExplorerError
from ui.demos import DEMOS_BY_KEY, Demo
from ui.i18n import t
from ui.render import show_error

_TOUR_KEY = "_tour"


@dataclass(frozen=True)
class TourPosition:
    demo_key: str
    step: int


def current_tour() -> TourPosition | None:
    return st.session_state.get(_TOUR_KEY)


def _enter(state: Any, demo: Demo, step: int) -> None:
    """Do the step's setup and move to its page. The page switch ends this script run."""
    st.session_state[_TOUR_KEY] = TourPosition(demo.key, step)
    target = demo.steps[step]
    if target.setup is not None:
        try:
            target.setup(state)
        except NNExplorerError as error:  # e.g. a dataset that cannot load: say so, stay put
            show_error(error, t("tour.setup_failed"))
            return
    if target.show is not None:
        target.show()
    st.switch_page(target.page)


def start_demo(state: Any, key: str) -> None:
    _enter(state, DEMOS_BY_KEY[key], 0)


def leave_tour() -> None:
    st.session_state.pop(_TOUR_KEY, None)


def render_tour(state: Any) -> None:
    """Above the page: where the tour is, what to look at, and the way on (or out)."""
    position = current_tour()
    if position is None:
        return
    demo = DEMOS_BY_KEY[position.demo_key]
    last = position.step == len(demo.steps) - 1
    with st.container(border=True, key="tour_banner"):
        header = t("tour.header", title=t(demo.text_key("title")), step=position.step + 1, steps=len(demo.steps))
        st.markdown(f":material/school: {header}")
        st.markdown(t(demo.caption_key(position.step)))
        left, right, _ = st.columns([1, 1, 3])
        # Next and Finish carry no help tooltip on purpose: the mouse is still on the button when
        # the next step's caption appears, and the tooltip would stay up over that caption
        # (seen in Chromium, issue 18). Their labels say what they do.
        if last:
            if left.button(t("tour.finish"), key="tour_finish", type="primary", icon=":material/check:"):
                leave_tour()
                st.rerun()
        elif left.button(t("tour.next"), key="tour_next", type="primary", icon=":material/arrow_forward:"):
            _enter(state, demo, position.step + 1)
        if right.button(t("tour.leave"), key="tour_leave", icon=":material/close:", help=t("tour.leave_help")):
            leave_tour()
            st.rerun()
