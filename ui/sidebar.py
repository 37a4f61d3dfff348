"""The sidebar every page shares: what is loaded, what is training, which device is used."""

from __future__ import annotations

import sys

import streamlit as st

from nncore.models import PRESETS
from ui.i18n import language_picker, t
from ui.render import format_metric
from ui.runs_text import markdown_text
from ui.state import SessionState

_STATE_LABELS = {
    "pending": "starting…",
    "running": "training…",
    "finished": "finished",
    "stopped": "stopped (model kept)",
    "diverged": "diverged (loss became NaN)",
    "failed": "failed",
}


def device_label() -> str:
    # Naming the device needs TensorFlow; the home page must render before it is imported,
    # so until something else imported it we say when it will be known.
    if "tensorflow" not in sys.modules:
        return "detected when you build or train a model"
    from nncore.backend import device_info

    return device_info().label


def render_sidebar(state: SessionState) -> None:
    with st.sidebar:
        st.markdown("### Loaded")
        data = state.dataset
        st.markdown(
            f"**Data:** {data.title}  \n"
            f"{data.task} · {data.input_kind} · {data.n_examples:,} examples"
        )
        model_title = PRESETS[state.preset_key].title if state.preset_key else "custom"
        n_layers = len(state.model_spec.layers)
        st.markdown(f"**Model:** {model_title} · {n_layers} hidden layer{'' if n_layers == 1 else 's'}")
        training_status(state)
        st.caption(f"Device: {device_label()}")
        st.caption(t("sidebar.share"))
        language_picker()


@st.fragment(run_every=1.0)
def _live_status(state: SessionState) -> None:
    if not state.is_training:
        st.rerun()  # the job ended: refresh once, which also stops this polling
    _status_line(state)


def training_status(state: SessionState) -> None:
    if state.is_training:
        _live_status(state)
    else:
        _status_line(state)


def _status_line(state: SessionState) -> None:
    opened = state.opened_run
    if opened is not None:  # reopened or imported on the Runs page
        how = "imported" if opened.extra.get("imported") else "reopened"
        name = opened.objective.metric_name
        st.markdown(
            f"**Current model:** {markdown_text(opened.extra.get('name', 'a saved run'))} ({how})  \n"
            f"Test {name}: {format_metric(opened.test_metric, name)}"
        )
        return
    if state.job is None:
        st.markdown("**Training:** not started")
        return
    snap = state.job.snapshot()
    text = f"**Training:** {_STATE_LABELS[snap.state.value]}, epoch {snap.epoch}/{snap.total_epochs}"
    if state.job.dataset is not state.dataset:
        text += f" (on {state.job.dataset.title})"
    run = state.run
    if run is not None and run.history:
        name = run.objective.metric_name
        text += f"  \nTest {name}: {format_metric(run.test_metric, name)}"
    st.markdown(text)
