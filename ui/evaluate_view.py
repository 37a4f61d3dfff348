"""The Evaluate page's sections: diagnosis, classification or regression scores.

Predictions are computed once per run and kept in this session's state, so moving a slider
redraws from arrays without calling the model again.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from nncore.evaluate import (
    VIEW_CAP,
    Predictions,
    calibration,
    classification_report,
    diagnose_history,
    pr_curves,
    predict_at_threshold,
    predict_split,
    regression_report,
    roc_curves,
    sample_indices,
)
from nncore.plots import eval_plots
from ui.render import format_loss, format_metric, show_figure

PREDICTIONS_KEY = "evaluate_predictions"
VERDICT_BOX = {"healthy": st.success, "too_short": st.info}
VERDICT_ICON = {"healthy": ":material/check_circle:", "too_short": ":material/info:"}


def cached_predictions(run: Any) -> Predictions:
    """The run's test-set predictions, computed on first use and kept for this run only."""
    cached = st.session_state.get(PREDICTIONS_KEY)
    # Keyed by id(run); the run itself is kept beside it so the id cannot be reused meanwhile.
    if cached is None or cached[0] != id(run) or cached[1] is not run:
        with st.spinner("Running the model on the test set…"):
            cached = (id(run), run, predict_split(run, "test"))
        st.session_state[PREDICTIONS_KEY] = cached
    return cached[2]


def render_diagnosis(run: Any) -> None:
    st.subheader("Learning curves, in plain words")
    if not run.history:  # an imported model: trained elsewhere
        st.info("This model was not trained in the app, so it has no learning curves to read.", icon=":material/info:")
        return
    dataset = run.dataset
    baseline = float(np.var(dataset.y_train)) if dataset.task == "regression" and len(dataset.y_train) else None
    diagnosis = diagnose_history(run.history, dataset.task, dataset.n_classes, baseline_loss=baseline)
    left, right = st.columns([3, 2])
    with left:
        box = VERDICT_BOX.get(diagnosis.verdict, st.warning)
        box(f"**{diagnosis.title}.** {diagnosis.message}", icon=VERDICT_ICON.get(diagnosis.verdict, ":material/warning:"))
        with st.expander("The numbers behind this verdict"):
            st.dataframe(
                {"measure": [k.replace("_", " ") for k in diagnosis.evidence],
                 "value": [f"{v:.4g}" for v in diagnosis.evidence.values()]},
                hide_index=True, width="stretch",
            )
    with right:
        if run.history:
            show_figure(eval_plots.learning_curves_summary(run.history, run.objective.loss_label), key="eval_curves")


def render_classification(run: Any, preds: Predictions) -> None:
    names = preds.class_names or tuple(str(i) for i in range(preds.n_classes))
    st.subheader("Scores on the test set")
    binary = preds.n_classes == 2
    threshold = 0.5
    if binary:
        threshold = st.slider(
            f"Decision threshold for “{names[1]}”", min_value=0.01, max_value=0.99, value=0.5, step=0.01,
            key="eval_threshold",
            help=f"An example is called “{names[1]}” when the model gives it a probability above this. "
            "Raise it to flag fewer examples (fewer false alarms, more misses); lower it to catch more.",
        )
    # At 0.5 use the model's own rule, so the accuracy equals the one reported after training.
    y_pred = predict_at_threshold(preds.probabilities[:, 1], threshold) if binary and threshold != 0.5 else preds.predicted
    report = classification_report(preds.y_true, y_pred, names)

    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Accuracy", format_metric(report.accuracy, "accuracy"),
              help="Share of test examples whose predicted class is the true one.")
    m2.metric("Average F1", f"{report.macro_f1:.3f}",
              help="F1 balances precision and recall for each class (1 is perfect); this is their plain average.")
    m3.metric("Test loss", format_loss(run.test_loss), help=f"{run.objective.loss_label} on the test set.")
    m4.metric("Test examples", f"{preds.n:,}", help="Examples the model never saw while training.")

    left, right = st.columns([1, 1])
    with left:
        view = st.radio(
            "Confusion matrix shows", ["Counts", "Share of each true class"], horizontal=True, key="eval_confusion_view",
            help="Counts: how many test examples fall in each cell. Share: each row divided by its true-class "
            "total, so rows add up to 100% and the diagonal is each class's recall.",
        )
        fig = eval_plots.confusion_matrix_figure(report.confusion, names, normalized=view != "Counts")
        show_figure(fig, key="eval_confusion")
        if binary:
            (tn, fp), (fn, tp) = report.confusion
            st.caption(
                f"At threshold {threshold:.2f}: {tp} true positives, {fp} false positives (false alarms), "
                f"{fn} false negatives (misses), {tn} true negatives. “Positive” means “{names[1]}”."
            )
    with right:
        st.markdown("**Per class**")
        st.dataframe(
            report.table(), hide_index=True, width="stretch", key="eval_class_table",
            column_config={
                "precision": st.column_config.NumberColumn(format="%.3f", help="Of the examples called this class, the share that were."),
                "recall": st.column_config.NumberColumn(format="%.3f", help="Of the examples of this class, the share found."),
                "F1": st.column_config.NumberColumn(format="%.3f", help="Harmonic mean of precision and recall."),
                "support": st.column_config.NumberColumn(help="Test examples of this class."),
            },
        )
        st.caption("Precision: when the model says this class, how often it is right. Recall: of this class's "
                   "examples, how many it finds. F1 combines both.")

    st.subheader("ROC and precision-recall curves")
    roc, pr = roc_curves(preds.y_true, preds.probabilities, names), pr_curves(preds.y_true, preds.probabilities, names)
    if not roc:
        st.info("The test set holds only one class, so these curves cannot be drawn.", icon=":material/info:")
    else:
        c1, c2 = st.columns(2)
        with c1:
            show_figure(eval_plots.roc_figure(roc), key="eval_roc")
        with c2:
            show_figure(eval_plots.pr_figure(pr), key="eval_pr")
        which = f"class “{names[1]}” against the other" if binary else "each class against all the others (one-vs-rest)"
        mean_auc = float(np.mean([c.area for c in roc]))
        st.caption(
            f"Curves for {which}, as the threshold sweeps from 1 down to 0. AUC is the area under the ROC curve: "
            f"1 is perfect, 0.5 is guessing{'' if binary else f' (average over classes: {mean_auc:.3f})'}. "
            "AP (average precision) summarises the precision-recall curve the same way."
        )

    st.subheader("Calibration")
    bins = st.select_slider(
        "Bins", options=[5, 10, 15, 20], value=10, key="eval_calibration_bins",
        help="How many equal slices of probability the test examples are grouped into.",
    )
    cal = calibration(preds.y_true, preds.probabilities, n_bins=int(bins))
    left, right = st.columns([3, 2])
    with left:
        show_figure(eval_plots.calibration_figure(cal), key="eval_calibration")
    with right:
        st.markdown(
            "When a well-calibrated model says **70%**, it is right about 70% of the time: its points sit on "
            "the dotted diagonal. Points below it mean over-confidence, above it under-confidence."
        )
        st.metric("Expected calibration error", f"{cal.ece:.1%}",
                  help="Average gap between stated probability and how often it came true, weighted by bin size.")
        if cal.kind == "top":
            st.caption("With several classes: the top class's probability against how often it was right.")
        if not preds.probabilistic:
            st.warning("This model's output layer gives scores, not probabilities (hinge loss); they were "
                       "squashed into 0–1 for this chart, so read it loosely.", icon=":material/warning:")


def render_regression(run: Any, preds: Predictions) -> None:
    dataset = run.dataset
    target = dataset.target_name
    report = regression_report(preds.y_true, preds.predicted)
    st.subheader("Scores on the test set")
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("Mean absolute error", f"{report.mae:.4g}",
              help=f"Average size of a miss, in the units of {target}.")
    m2.metric("Root mean squared error", f"{report.rmse:.4g}",
              help=f"Like the mean absolute error, in the units of {target}, but large misses count more.")
    m3.metric("R²", f"{report.r2:.3f}",
              help="Share of the target's spread the model explains: 1 is perfect, 0 is no better than "
              "always guessing the average, below 0 is worse.")
    m4.metric("Test examples", f"{preds.n:,}", help="Examples the model never saw while training.")
    st.caption(f"Errors are in the original units of **{target}** (the model trains on standardised values).")

    keep = sample_indices(preds.n, VIEW_CAP)
    y, y_hat, res = preds.y_true[keep], preds.predicted[keep], report.residuals[keep]
    if len(keep) < preds.n:
        st.caption(f"The plots show {len(keep):,} of the {preds.n:,} test examples, picked at random; the scores use all.")
    c1, c2 = st.columns(2)
    with c1:
        show_figure(eval_plots.predicted_vs_true_figure(y, y_hat, target, title="Predicted against true"), key="eval_scatter")
        st.caption("Points on the dotted line are perfect predictions.")
    with c2:
        show_figure(eval_plots.residual_figure(y_hat, res, target, title="Residuals"), key="eval_residuals")
        st.caption("Residual = true − predicted. A pattern (a curve, a funnel) means the model misses something systematic.")
    show_figure(eval_plots.residual_histogram(res, title="How big the misses are"), key="eval_residual_hist")
