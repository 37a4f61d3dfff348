"""Evaluate page: how good the last trained model is on test data it never saw, and where it fails."""

from __future__ import annotations

import streamlit as st

from ui.evaluate_errors import render_error_browser
from ui.evaluate_view import cached_predictions, render_classification, render_diagnosis, render_regression
from ui.render import format_duration
from ui.run_downloads import render_downloads
from ui.runs_text import markdown_text
from ui.state import get_state

state = get_state()
run = state.run

st.title("Evaluate")
if run is None or not run.usable:
    if state.is_training:
        st.info("Training is running. When it ends, this page shows how good the model is.", icon=":material/hourglass_top:")

        @st.fragment(run_every=1.0)
        def _wait_for_training() -> None:
            if not state.is_training:
                st.rerun()  # the whole page, now with a run to show

        _wait_for_training()
    elif run is None:
        st.info("Nothing to evaluate yet: train a model first, then come back here.", icon=":material/info:")
    else:
        st.info(f"The last training did not produce a usable model. {run.message} Train again first.", icon=":material/info:")
    st.page_link("app_pages/train.py", label="Go to Train", icon=":material/model_training:")
else:
    dataset = run.dataset
    # A reopened or imported run (Runs page) is named; an imported one has no training time.
    subject = "The model trained last" if state.opened_run is None else f"“{markdown_text(run.extra.get('name', 'The opened model'))}”"
    trained = f" Trained in {format_duration(run.seconds)}." if run.history else ""
    st.caption(
        f"{subject}, on **{dataset.title}**, judged on its {len(dataset.x_test):,} test examples "
        f"(never used in training). {run.message}{trained}"
    )
    if dataset is not state.dataset:
        st.info(
            f"The loaded data is now **{state.dataset.title}**, but this model was trained on **{dataset.title}**; "
            "it is evaluated on its own data. Train again to evaluate a model on the loaded data.",
            icon=":material/history:",
        )
    predictions = cached_predictions(run)
    render_diagnosis(run)
    if predictions.task == "classification":
        render_classification(run, predictions)
    else:
        render_regression(run, predictions)
    render_error_browser(run, predictions)
    st.subheader("Take it with you")
    st.caption("Download this model, its training history, a Python script that trains it again, or a report to share.")
    render_downloads(run, key="eval_downloads")
