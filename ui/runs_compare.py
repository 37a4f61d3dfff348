"""Two or more saved runs side by side: overlaid learning curves, a metrics table, what differs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.plots.run_plots import compare_learning_curves
from nncore.runs import RunRecord
from nncore.runs.compare import metrics_rows, setting_differences
from ui.i18n import say, t
from ui.loss_words import loss_formula
from ui.render import show_figure
from ui.runs_text import markdown_text, plotly_text

METRIC_LABELS = {"accuracy": "fig.accuracy_title", "mae": "fig.obj.mae"}  # the curves' subplot titles


def unique_labels(records: list[RunRecord]) -> list[str]:
    """Run names, with "(2)", "(3)" added where two runs share one, so columns stay apart."""
    seen: dict[str, int] = {}
    labels = []
    for record in records:
        name = say(record.name)
        seen[name] = seen.get(name, 0) + 1
        labels.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return labels




def render_compare(records: list[RunRecord]) -> None:
    usable = [r for r in records if r.complete]
    skipped = [say(r.name) for r in records if not r.complete]
    st.subheader(t("runs.comparing", n=len(usable)))
    if skipped:
        st.caption(t("runs.left_out") + ", ".join(f"“{markdown_text(name)}”" for name in skipped))
    if len(usable) < 2:
        st.info(t("runs.select_two"), icon=":material/info:")
        return
    labels = unique_labels(usable)

    loss_labels = {r.loss_label for r in usable}
    metric_names = {r.metric_name for r in usable}
    # The formula's name (the figure titles it "Loss (...)" and translates it) or a warning.
    loss_label = loss_formula(loss_labels.pop()) if len(loss_labels) == 1 else t("fig.plain.loss_mixed")
    metric_label = (t(METRIC_LABELS.get(next(iter(metric_names)), "runs.metric")) if len(metric_names) == 1
                    else t("runs.metric_mixed"))
    log_loss = st.toggle(t("runs.log_axis"), key="runs_compare_log", help=t("runs.log_axis_help"))
    fig = compare_learning_curves(
        [(plotly_text(label), r.history) for label, r in zip(labels, usable)], loss_label, metric_label, log_loss=log_loss, words=t
    )
    show_figure(fig, key="runs_compare_curves")
    st.caption(t("runs.curves_caption"))

    st.markdown(t("runs.scores"))
    frame = pd.DataFrame(metrics_rows(usable))
    frame["run"] = labels
    st.dataframe(
        frame, hide_index=True, width="stretch", key="runs_compare_metrics",
        column_order=["run", "epochs", "training loss", "validation loss", "best validation loss", "best epoch",
                      "test loss", "test metric", "metric", "parameters", "seconds"],
        column_config={
            **{name: st.column_config.Column(t(f"runs.col.{name.replace(' ', '_')}"))
               for name in ("run", "epochs", "best epoch", "metric", "parameters")},
            "training loss": st.column_config.NumberColumn(t("runs.col.training_loss"), format="%.4g", help=t("runs.last_epoch")),
            "validation loss": st.column_config.NumberColumn(t("runs.col.validation_loss"), format="%.4g",
                                                             help=t("runs.last_epoch")),
            "best validation loss": st.column_config.NumberColumn(t("runs.col.best_validation_loss"), format="%.4g"),
            "test loss": st.column_config.NumberColumn(t("runs.col.test_loss"), format="%.4g"),
            "test metric": st.column_config.NumberColumn(t("runs.col.test_metric"), format="%.4g",
                                                         help=t("runs.test_metric_help")),
            "seconds": st.column_config.NumberColumn(t("runs.col.seconds"), format="%.1f"),
        },
    )

    st.markdown(t("runs.different"))
    differences = setting_differences(usable)
    if not differences:
        st.info(t("runs.same_settings"), icon=":material/info:")
        return
    table = pd.DataFrame({"setting": [d.setting for d in differences]})
    for index, label in enumerate(labels):
        table[label] = [d.values[index] for d in differences]
    # Tall enough for every row (about 35 px each), up to a screenful.
    st.dataframe(table, hide_index=True, width="stretch", key="runs_compare_settings",
                 height=min(38 + 35 * len(table), 600),
                 column_config={"setting": st.column_config.Column(t("runs.col.setting"))})
    st.caption(t("runs.different_caption"))
