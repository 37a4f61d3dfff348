"""The sidebar every page shares: what is loaded, what is training, which device is used."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.i18n import language_picker, say, t, tn
from ui.dataset_names import dataset_title
from ui.baselines_view import format_score, sidebar_line
from ui.runs_text import markdown_text
from ui.state import SessionState

# Job states are shown through the table: "sidebar.state.<state>" (pending, running, finished,
# stopped, diverged, failed).


def device_label() -> str:
    # Naming the device needs the framework, loaded in the background (ui/engine_preload.py)
    # or by the first model: until it is ready we say when it will be known, rather than make
    # every page wait for it.
    from nncore.backend import device_info, devices_ready

    if not devices_ready():
        return t("sidebar.device_later")

    info = device_info()
    return info.label if info.kind == "GPU" else t("sidebar.device_cpu")  # a GPU's name stays as it is


def _model_title(preset_key: str | None) -> str:
    if not preset_key:
        return t("sidebar.custom")
    return t(f"model.preset.{preset_key}")


def render_sidebar(state: SessionState) -> None:
    with st.sidebar:
        st.markdown(t("sidebar.loaded"))
        data = state.dataset
        st.markdown(t(
            "sidebar.data", title=dataset_title(data), task=t(f"sidebar.task_{data.task}"),
            kind=t(f"sidebar.kind_{data.input_kind}"), n=f"{data.n_examples:,}",
        ))
        model_title = _model_title(state.preset_key)
        n_layers = len(state.model_spec.layers)
        st.markdown(tn("sidebar.model", n_layers, title=model_title))
        training_status(state)
        st.caption(t("sidebar.device", device=device_label()))
        st.caption(t("sidebar.share"))
        language_picker()


@st.fragment(run_every=1.0)
def _live_status(state: SessionState) -> None:
    if not state.is_training:
        st.rerun()  # the job ended: refresh once, which also stops this polling
    _status_line(state)


@st.fragment(run_every=2.0)
def _queued_status(state: SessionState) -> None:
    """The place in the server's line changes slowly: a slower poll, until the training starts."""
    if not state.is_training or state.job.snapshot().queue_position == 0:
        st.rerun()
    _status_line(state)


def training_status(state: SessionState) -> None:
    if state.is_training:
        (_queued_status if state.job.snapshot().queue_position else _live_status)(state)
    else:
        _status_line(state)


def _status_line(state: SessionState) -> None:
    opened = state.opened_run
    if opened is not None:  # reopened or imported on the Runs page
        how = "sidebar.imported" if opened.extra.get("imported") else "sidebar.reopened"
        name = opened.objective.metric_name
        st.markdown(t(
            how, name=markdown_text(say(opened.extra.get("name", t("sidebar.a_saved_run")))),
            metric=t(f"sidebar.metric_{name}"), value=format_score(opened.test_metric, name, opened.dataset),
        ) + _baseline_suffix(opened))
        return
    if state.job is None:
        st.markdown(t("sidebar.not_started"))
        return
    snap = state.job.snapshot()
    phase = t("sidebar.state.queued", position=snap.queue_position) if snap.queue_position else t(f"sidebar.state.{snap.state.value}")
    text = t("sidebar.training", state=phase, epoch=snap.epoch, epochs=snap.total_epochs)
    if state.job.dataset is not state.dataset:
        text += t("sidebar.on_other_data", title=dataset_title(state.job.dataset))
    run = state.run
    if run is not None and run.history:
        name = run.objective.metric_name
        text += "  \n" + t("sidebar.test_metric", metric=t(f"sidebar.metric_{name}"), value=format_score(run.test_metric, name, run.dataset))
        test_loss = getattr(run, "test_loss", None)
        if test_loss is not None and test_loss == test_loss:  # named "loss", its formula beside it
            from ui.loss_words import loss_formula

            text += "  \n" + t("words.sidebar_loss", value=f"{test_loss:.4g}", formula=loss_formula(run.objective.loss_label))
        text += _baseline_suffix(run)
    st.markdown(text)


def _baseline_suffix(run: Any) -> str:
    """The linear baseline's score on a line of its own, so the run's score has something to beat."""
    line = sidebar_line(run)
    return "  \n" + line if line else ""
