"""What the loaded dataset looks like: sizes, preprocessing, a table and the right pictures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from nncore.data.dataset import Dataset
from nncore.plots import data_plots
from ui.i18n import say, t
from ui.render import show_figure
from ui.safe_text import markdown_text
from ui.dataset_names import dataset_description, dataset_title
from ui.shared_figures import dataset_figure

PREVIEW_ROWS = 8


def _preview_table(dataset: Dataset) -> pd.DataFrame:
    """First training rows in the data's own units (what the user recognises)."""
    x = dataset.preprocessing.inverse_features(dataset.x_train[:PREVIEW_ROWS])
    if dataset.input_kind == "tabular":
        table = pd.DataFrame(x, columns=list(dataset.feature_names))
    else:
        table = pd.DataFrame({t("data.shape"): [" x ".join(map(str, dataset.input_shape))] * len(x)})
    y = dataset.y_train[:PREVIEW_ROWS]
    if dataset.class_names:
        table[dataset.target_name] = [dataset.class_names[int(label)] for label in y]
    else:
        table[dataset.target_name] = np.round(dataset.preprocessing.inverse_target(y), 4)
    return table


def render_preview(dataset: Dataset) -> None:
    st.subheader(t("data.loaded", title=dataset_title(dataset)))
    if dataset.description:
        st.caption(dataset_description(dataset))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("data.n_train"), f"{len(dataset.x_train):,}", help=t("data.n_train_help"))
    c2.metric(t("data.n_val"), f"{len(dataset.x_val):,}", help=t("data.n_val_help"))
    c3.metric(t("data.n_test"), f"{len(dataset.x_test):,}", help=t("data.n_test_help"))
    if dataset.task == "classification":
        c4.metric(t("data.classes"), dataset.n_classes, help=", ".join(markdown_text(c) for c in dataset.class_names or ()))
    else:
        c4.metric(t("data.task"), t("data.regression"),
                  help=t("data.regression_help", target=markdown_text(dataset.target_name)))

    # Built once per server for the same data (ui/shared_figures.py): thirty sessions, one figure.
    balance = dataset_figure("balance", dataset, lambda: data_plots.dataset_class_balance(dataset, words=t))
    if dataset.is_2d:
        # Equal axes make the plane square: share the row with the class balance.
        left, right = st.columns([3, 2])
        with left:
            show_figure(dataset_figure("scatter", dataset, lambda: data_plots.dataset_scatter(dataset, words=t)),
                        key="data_scatter")
        with right:
            show_figure(balance, key="data_balance")
    else:
        if dataset.input_kind == "image":
            show_figure(dataset_figure("images", dataset, lambda: data_plots.dataset_images(dataset, words=t)),
                        key="data_images")
        elif dataset.input_kind == "sequence":
            show_figure(dataset_figure("sequences", dataset, lambda: data_plots.dataset_sequences(dataset, words=t)),
                        key="data_sequences")
        else:
            # Standardized, as the model sees them: in original units one wide feature would
            # flatten all others (and one-hot columns) on the shared axis.
            show_figure(dataset_figure("features", dataset,
                                       lambda: data_plots.dataset_feature_distributions(dataset, original_units=False, words=t)),
                        key="data_features")
        show_figure(balance, key="data_balance")

    left, right = st.columns([3, 2])
    with left:
        st.markdown(t("data.first_examples"))
        table = _preview_table(dataset)
        filled = _filled_cells(dataset, table)
        # Keyed container: one column per column of the data, so it scrolls by nature (tests/e2e/test_tables_fit.py).
        with st.container(key="data_columns_preview"):
            st.dataframe(_highlight(table, filled) if filled.any().any() else table, hide_index=True, width="stretch",
                         key="data_preview")
        if filled.any().any():
            st.caption(t("roles.filled_legend"))
    with right:
        if dataset.preprocessing.steps:
            st.markdown(t("data.preprocessing"))
            # Steps quote column and file names: escaped, so a name never acts as Markdown.
            st.markdown("\n".join(f"- {markdown_text(say(step))}" for step in dataset.preprocessing.steps))
    render_gaps(dataset)


def _filled_cells(dataset: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """True where a shown cell was empty in the file and filled in (a CSV's gaps)."""
    filled = pd.DataFrame(False, index=table.index, columns=table.columns)
    rows_by_column = dataset.preprocessing.extra.get("filled_train_rows") or {}
    for column, rows in rows_by_column.items():
        # A column's inputs: itself, its one-hot parts "column=value", its date parts "column (year)".
        shown = [c for c in table.columns
                 if c == column or str(c).startswith(f"{column}=") or str(c).startswith(f"{column} (")]
        shown = [c for c in shown if c != f"{column} (missing)"]
        for row in rows:
            if row < len(table):
                filled.loc[row, shown] = True
    return filled


def _highlight(table: pd.DataFrame, filled: pd.DataFrame):
    colour = "background-color: rgba(255, 190, 0, 0.35)"
    numbers = [c for c in table.columns if pd.api.types.is_float_dtype(table[c])]
    return (table.style.apply(lambda _: filled.map(lambda f: colour if f else ""), axis=None)
            .format("{:.4g}", subset=numbers))  # a Styler would otherwise show six decimals


def render_gaps(dataset: Dataset) -> None:
    """Per column of a CSV: how many values were missing and what was done about them."""
    gaps = dataset.preprocessing.extra.get("gaps")
    if not gaps or not gaps.get("columns"):
        return
    st.markdown(t("roles.gaps_title"))
    rows = gaps["rows"]
    if gaps["used"] == "drop":
        dropped = gaps["dropped"]
        st.caption(t("roles.gaps_dropped", dropped=f"{dropped:,}", rows=f"{rows:,}", share=f"{dropped / max(rows, 1):.0%}"))
    else:
        st.caption(t("roles.gaps_filled", filled=f"{_rows_with_gaps(dataset):,}", rows=f"{rows:,}"))
    table = []
    for entry in gaps["columns"]:
        if entry["action"] == "dropped":
            action, indicator = t("roles.gap.dropped"), ""
        else:
            value = entry.get("value")
            if value is None:
                action = t("roles.gap.median_date")
            elif entry["fill"] == "median":
                action = t("roles.gap.median", value=f"{value:.4g}")
            else:
                action = t("roles.gap.most_frequent", value=str(value))
            indicator = t("roles.yes") if entry.get("indicator") else t("roles.no")
        table.append({t("roles.gap_col_column"): entry["column"], t("roles.gap_col_missing"): entry["missing"],
                      t("roles.gap_col_action"): action, t("roles.gap_col_indicator"): indicator})
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")


def _rows_with_gaps(dataset: Dataset) -> int:
    gaps = dataset.preprocessing.extra.get("gaps") or {}
    return int(gaps.get("incomplete", max((e["missing"] for e in gaps.get("columns", ())), default=0)))
