"""The Evaluate page's sections: diagnosis, classification or regression scores.

Predictions are computed once per run and kept in this session's state, so moving a slider
redraws from arrays without calling the model again.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from nncore.data.positive_class import positive_index
from nncore.evaluate import (
    VIEW_CAP,
    Predictions,
    binary_counts,
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
from nncore.evaluate.baselines import mean_guess_loss
from ui.baselines_view import render_verdict, unit_name
from ui.safe_text import markdown_text
from ui.i18n import current_language, say, t
from ui.loss_words import loss_formula
from ui.render import format_loss, format_metric, show_figure

PREDICTIONS_KEY = "evaluate_predictions"
VERDICT_BOX = {"healthy": st.success, "too_short": st.info}
# The confusion matrix's views: the option values stay English (tests and code use them).
CONFUSION_VIEWS = {"Counts": "evaluate.view_counts", "Share of each true class": "evaluate.view_share"}
VERDICT_ICON = {"healthy": ":material/check_circle:", "too_short": ":material/info:"}


def cached_predictions(run: Any) -> Predictions:
    """The run's test-set predictions, computed on first use and kept for this run only."""
    cached = st.session_state.get(PREDICTIONS_KEY)
    if cached is None or cached[0] != run.run_id:  # run_id, never id(run): Python reuses ids
        with st.spinner(t("evaluate.predicting")):
            cached = (run.run_id, predict_split(run, "test"))
        st.session_state[PREDICTIONS_KEY] = cached
    return cached[1]


def render_diagnosis(run: Any) -> None:
    st.subheader(t("evaluate.diagnosis"))
    if not run.history:  # an imported model: trained elsewhere
        st.info(t("evaluate.no_curves"), icon=":material/info:")
        return
    dataset = run.dataset
    diagnosis = diagnose_history(run.history, dataset.task, dataset.n_classes, baseline_loss=mean_guess_loss(dataset))
    left, right = st.columns([3, 2])
    with left:
        box = VERDICT_BOX.get(diagnosis.verdict, st.warning)
        stop = "。" if current_language() == "zh" else "."
        box(f"**{say(diagnosis.title)}{stop}** {say(diagnosis.message)}", icon=VERDICT_ICON.get(diagnosis.verdict, ":material/warning:"))
        render_verdict(run)  # when a straight line (or a guess) does better than the network
        with st.expander(t("evaluate.evidence")):
            st.dataframe(
                {t("evaluate.measure"): [k.replace("_", " ") for k in diagnosis.evidence],
                 t("evaluate.value"): [f"{v:.4g}" for v in diagnosis.evidence.values()]},
                hide_index=True, width="stretch",
            )
    with right:
        if run.history:
            show_figure(eval_plots.learning_curves_summary(run.history, loss_formula(run.objective.loss_label), words=t), key="eval_curves")


def render_classification(run: Any, preds: Predictions) -> None:
    names = preds.class_names or tuple(str(i) for i in range(preds.n_classes))
    st.subheader(t("evaluate.scores"))
    binary = preds.n_classes == 2
    # Two classes: the one the Data page calls positive (the finding), which the threshold,
    # the words for mistakes and the curves all follow.
    positive = positive_index(run.dataset)
    threshold = 0.5
    if binary:
        threshold = st.slider(
            t("evaluate.threshold", name=markdown_text(names[positive])), min_value=0.01, max_value=0.99, value=0.5,
            step=0.01, key="eval_threshold", help=t("evaluate.threshold_help", name=markdown_text(names[positive])),
        )
    # At 0.5 use the model's own rule, so the accuracy equals the one reported after training.
    y_pred = (
        predict_at_threshold(preds.probabilities[:, positive], threshold, positive)
        if binary and threshold != 0.5 else preds.predicted
    )
    report = classification_report(preds.y_true, y_pred, names)

    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("evaluate.accuracy"), format_metric(report.accuracy, "accuracy"), help=t("evaluate.accuracy_help"))
    m2.metric(t("evaluate.f1"), f"{report.macro_f1:.3f}", help=t("evaluate.f1_help"))
    m3.metric(t("evaluate.test_loss"), format_loss(run.test_loss),
              help=t("plain.loss_help.test", formula=loss_formula(run.objective.loss_label)))
    m4.metric(t("evaluate.test_examples"), f"{preds.n:,}", help=t("evaluate.test_examples_help"))

    left, right = st.columns([1, 1])
    with left:
        view = st.radio(
            t("evaluate.confusion_shows"), ["Counts", "Share of each true class"], horizontal=True,
            key="eval_confusion_view", format_func={view: t(key) for view, key in CONFUSION_VIEWS.items()}.get,
            help=t("evaluate.confusion_help"),
        )
        fig = eval_plots.confusion_matrix_figure(report.confusion, names, normalized=view != "Counts", words=t)
        show_figure(fig, key="eval_confusion")
        if binary:
            counts = binary_counts(report.confusion, positive)
            st.caption(t("pos.evaluate.confusion_counts", threshold=f"{threshold:.2f}", tp=counts.true_positives,
                         fp=counts.false_alarms, fn=counts.missed_cases, tn=counts.true_negatives,
                         name=markdown_text(names[positive]), other=markdown_text(names[1 - positive])))
    with right:
        st.markdown(t("evaluate.per_class"))
        st.dataframe(
            report.table(), hide_index=True, width="stretch", key="eval_class_table",
            column_config={
                "class": st.column_config.TextColumn(t("evaluate.col_class")),
                "precision": st.column_config.NumberColumn(t("evaluate.precision"), format="%.3f", help=t("evaluate.precision_help")),
                "recall": st.column_config.NumberColumn(t("evaluate.recall"), format="%.3f", help=t("evaluate.recall_help")),
                "F1": st.column_config.NumberColumn("F1", format="%.3f", help=t("evaluate.f1_column_help")),
                "support": st.column_config.NumberColumn(t("evaluate.support"), help=t("evaluate.support_help")),
            },
        )
        st.caption(t("evaluate.per_class_caption"))

    st.subheader(t("evaluate.roc_pr"))
    roc = roc_curves(preds.y_true, preds.probabilities, names, positive)
    pr = pr_curves(preds.y_true, preds.probabilities, names, positive)
    if not roc:
        st.info(t("evaluate.one_class"), icon=":material/info:")
    else:
        c1, c2 = st.columns(2)
        with c1:
            show_figure(eval_plots.roc_figure(roc, words=t), key="eval_roc")
        with c2:
            show_figure(eval_plots.pr_figure(pr, words=t), key="eval_pr")
        mean_auc = float(np.mean([c.area for c in roc]))
        st.caption(
            t("evaluate.roc_caption_binary", name=markdown_text(names[positive])) if binary
            else t("evaluate.roc_caption_multi", auc=f"{mean_auc:.3f}")
        )

    st.subheader(t("evaluate.calibration"))
    bins = st.select_slider(
        t("evaluate.bins"), options=[5, 10, 15, 20], value=10, key="eval_calibration_bins",
        help=t("evaluate.bins_help"),
    )
    cal = calibration(preds.y_true, preds.probabilities, n_bins=int(bins), positive=positive)
    left, right = st.columns([3, 2])
    with left:
        show_figure(eval_plots.calibration_figure(cal, words=t), key="eval_calibration")
    with right:
        st.markdown(t("evaluate.calibration_text"))
        st.metric(t("evaluate.ece"), f"{cal.ece:.1%}", help=t("evaluate.ece_help"))
        if cal.kind == "top":
            st.caption(t("evaluate.calibration_top"))
        if not preds.probabilistic:
            st.warning(t("evaluate.not_probabilistic"), icon=":material/warning:")


def render_regression(run: Any, preds: Predictions) -> None:
    dataset = run.dataset
    target = dataset.target_name
    report = regression_report(preds.y_true, preds.predicted)
    st.subheader(t("evaluate.scores"))
    m1, m2, m3, m4 = st.columns(4)
    # The unit in the label, where it has room: the target column's name (escaped: it is data).
    unit = f" ({markdown_text(unit_name(dataset))})"
    m1.metric(t("evaluate.mae") + unit, f"{report.mae:.4g}", help=t("evaluate.mae_help", target=markdown_text(target)))
    m2.metric(t("evaluate.rmse") + unit, f"{report.rmse:.4g}", help=t("evaluate.rmse_help", target=markdown_text(target)))
    m3.metric("R²", f"{report.r2:.3f}", help=t("evaluate.r2_help"))
    m4.metric(t("evaluate.test_examples"), f"{preds.n:,}", help=t("evaluate.test_examples_help"))
    st.caption(t("evaluate.units", target=markdown_text(target)))

    keep = sample_indices(preds.n, VIEW_CAP)
    y, y_hat, res = preds.y_true[keep], preds.predicted[keep], report.residuals[keep]
    if len(keep) < preds.n:
        st.caption(t("evaluate.sampled", shown=f"{len(keep):,}", n=f"{preds.n:,}"))
    c1, c2 = st.columns(2)
    with c1:
        show_figure(eval_plots.predicted_vs_true_figure(y, y_hat, target, title=t("evaluate.plot_predicted"), words=t), key="eval_scatter")
        st.caption(t("evaluate.scatter_caption"))
    with c2:
        show_figure(eval_plots.residual_figure(y_hat, res, target, title=t("evaluate.plot_residuals"), words=t), key="eval_residuals")
        st.caption(t("evaluate.residuals_caption"))
    show_figure(eval_plots.residual_histogram(res, title=t("evaluate.plot_misses"), words=t), key="eval_residual_hist")
