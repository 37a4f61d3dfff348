"""Evaluate page: how good the last trained model is on test data it never saw, and where it fails."""

from __future__ import annotations

import streamlit as st

from ui.baselines_view import render_baselines
from ui.evaluate_errors import render_error_browser
from ui.evaluate_view import cached_predictions, render_classification, render_diagnosis, render_regression
from ui.i18n import say, t
from ui.render import format_duration
from ui.run_downloads import render_downloads
from ui.runs_text import markdown_text
from ui.state import get_state
from ui.dataset_names import dataset_title

state = get_state()
run = state.run

st.title(t("evaluate.title"))
if run is None or not run.usable:
    if state.is_training:
        st.info(t("evaluate.training_running"), icon=":material/hourglass_top:")

        @st.fragment(run_every=1.0)
        def _wait_for_training() -> None:
            if not state.is_training:
                st.rerun()  # the whole page, now with a run to show

        _wait_for_training()
    elif run is None:
        st.info(t("evaluate.nothing_yet"), icon=":material/info:")
    else:
        st.info(t("evaluate.not_usable", message=say(run.message)), icon=":material/info:")
    st.page_link("app_pages/train.py", label=t("evaluate.go_train"), icon=":material/model_training:",
                 help=t("help.link.train"))
else:
    dataset = run.dataset
    # A reopened or imported run (Runs page) is named; an imported one has no training time.
    subject = (
        t("evaluate.subject_last") if state.opened_run is None
        else t("evaluate.subject_named", name=markdown_text(say(run.extra.get("name", t("evaluate.opened_model")))))
    )
    trained = t("evaluate.trained_in", duration=format_duration(run.seconds)) if run.history else ""
    st.caption(t(
        "evaluate.caption", subject=subject, title=dataset_title(dataset), n=f"{len(dataset.x_test):,}",
        message=say(run.message), trained=trained,
    ))
    if dataset is not state.dataset:
        st.info(
            t("evaluate.other_data", loaded=dataset_title(state.dataset),
              trained=dataset_title(dataset)),
            icon=":material/history:",
        )
    predictions = cached_predictions(run)
    render_diagnosis(run)
    if predictions.task == "classification":
        render_classification(run, predictions)
    else:
        render_regression(run, predictions)
    render_baselines(run, predictions)
    render_error_browser(run, predictions)
    st.subheader(t("evaluate.take_it"))
    st.caption(t("evaluate.take_it_caption"))
    render_downloads(run, key="eval_downloads")
