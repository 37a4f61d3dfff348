"""The Runs page's header: which model is current, its downloads, and a run still being saved."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.dataset_names import dataset_title
from ui.i18n import say, t
from ui.run_downloads import render_downloads
from ui.runs_text import markdown_text
from ui.state import SessionState


def current_label(run: Any) -> str:
    """How the current model is called: its saved name, or where it came from."""
    extra = run.extra or {}
    name = markdown_text(say(extra.get("name", "")))
    if extra.get("imported"):
        return t("runs.label_imported", name=name, file=markdown_text(extra.get("source_file", t("runs.a_file"))))
    if extra.get("run_id"):
        return t("runs.label_saved", name=name)
    return t("runs.label_latest", title=dataset_title(run.dataset))


def render_current(state: SessionState) -> None:
    opened = st.session_state.pop("runs_opened", None)
    if opened:
        st.success(
            t("runs.opened", name=markdown_text(opened)), icon=":material/check_circle:"
        )
        links = st.columns(3)
        links[0].page_link("app_pages/evaluate.py", label=t("runs.evaluate_it"), icon=":material/analytics:",
                            help=t("help.link.evaluate"))
        links[1].page_link("app_pages/explain.py", label=t("runs.explain_it"), icon=":material/psychology:",
                            help=t("help.link.explain"))
        links[2].page_link("app_pages/inside.py", label=t("runs.look_inside"), icon=":material/layers:",
                            help=t("help.link.inside"))
    run = state.run
    if run is None:
        return
    st.markdown(t("runs.current", label=current_label(run), title=dataset_title(run.dataset)))
    with st.expander(t("runs.downloads"), icon=":material/download:"):
        render_downloads(run, key="runs_downloads")


def is_saving(state: SessionState) -> bool:
    """True while the session's last training has ended but its save has not (it runs after training)."""
    job = state.job
    # A job without a saver (one started outside the app's pages) is never saved.
    if job is None or state.opened_run is not None or getattr(job, "on_finish", None) is None:
        return False
    result = job.result
    if result is None or not job.snapshot().state.is_done:
        return False
    return "run_id" not in result.extra and "was not saved" not in result.message


def render_saving_notice(state: SessionState) -> None:
    if not is_saving(state):
        return

    @st.fragment(run_every=0.5)
    def _wait() -> None:
        if not is_saving(state):
            st.rerun()  # the whole page, with the new run in the table
        st.caption(":material/hourglass_top: " + t("runs.saving"))

    _wait()
