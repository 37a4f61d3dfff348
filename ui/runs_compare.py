"""Two or more saved runs side by side: overlaid learning curves, a metrics table, what differs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.plots.run_plots import compare_learning_curves
from nncore.runs import RunRecord
from nncore.runs.compare import metrics_rows, setting_differences
from ui.render import show_figure
from ui.runs_text import markdown_text, plotly_text

METRIC_LABELS = {"accuracy": "Accuracy", "mae": "Mean absolute error"}


def unique_labels(records: list[RunRecord]) -> list[str]:
    """Run names, with "(2)", "(3)" added where two runs share one, so columns stay apart."""
    seen: dict[str, int] = {}
    labels = []
    for record in records:
        seen[record.name] = seen.get(record.name, 0) + 1
        labels.append(record.name if seen[record.name] == 1 else f"{record.name} ({seen[record.name]})")
    return labels


def render_compare(records: list[RunRecord]) -> None:
    usable = [r for r in records if r.complete]
    skipped = [r.name for r in records if not r.complete]
    st.subheader(f"Comparing {len(usable)} runs")
    if skipped:
        st.caption("Left out (cannot be read): " + ", ".join(f"“{markdown_text(name)}”" for name in skipped))
    if len(usable) < 2:
        st.info("Select at least two runs that are not greyed out to compare them.", icon=":material/info:")
        return
    labels = unique_labels(usable)

    loss_labels = {r.loss_label for r in usable}
    metric_names = {r.metric_name for r in usable}
    loss_label = loss_labels.pop() if len(loss_labels) == 1 else "Loss (different losses: compare with care)"
    metric_label = METRIC_LABELS.get(next(iter(metric_names)), "Metric") if len(metric_names) == 1 else "Metric (accuracy or MAE)"
    log_loss = st.toggle("Logarithmic loss axis", key="runs_compare_log",
                         help="Spreads out small losses, so late-training differences are visible.")
    fig = compare_learning_curves(
        [(plotly_text(label), r.history) for label, r in zip(labels, usable)], loss_label, metric_label, log_loss=log_loss,
    )
    show_figure(fig, key="runs_compare_curves")
    st.caption("One colour per run; solid lines are training data, dashed lines validation data. "
               "Where a dashed line rises while its solid line keeps falling, that run overfits.")

    st.markdown("**Scores**")
    frame = pd.DataFrame(metrics_rows(usable))
    frame["run"] = labels
    st.dataframe(
        frame, hide_index=True, width="stretch", key="runs_compare_metrics",
        column_order=["run", "epochs", "training loss", "validation loss", "best validation loss", "best epoch",
                      "test loss", "test metric", "metric", "parameters", "seconds"],
        column_config={
            "training loss": st.column_config.NumberColumn(format="%.4g", help="At the last epoch."),
            "validation loss": st.column_config.NumberColumn(format="%.4g", help="At the last epoch."),
            "best validation loss": st.column_config.NumberColumn(format="%.4g"),
            "test loss": st.column_config.NumberColumn(format="%.4g"),
            "test metric": st.column_config.NumberColumn(
                format="%.4g", help="Accuracy (share correct) for classification, mean absolute error for regression."
            ),
            "seconds": st.column_config.NumberColumn("training time (s)", format="%.1f"),
        },
    )

    st.markdown("**What is different**")
    differences = setting_differences(usable)
    if not differences:
        st.info("These runs have the same data, model and training settings, seed included, so any difference "
                "in their scores comes from where they stopped (or from a GPU's non-deterministic arithmetic).",
                icon=":material/info:")
        return
    table = pd.DataFrame({"setting": [d.setting for d in differences]})
    for index, label in enumerate(labels):
        table[label] = [d.values[index] for d in differences]
    # Tall enough for every row (about 35 px each), up to a screenful.
    st.dataframe(table, hide_index=True, width="stretch", key="runs_compare_settings",
                 height=min(38 + 35 * len(table), 600))
    st.caption("Only the settings that are not the same in every run; “—” marks a layer a run does not have.")
