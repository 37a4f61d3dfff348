"""What the loaded dataset looks like: sizes, preprocessing, a table and the right pictures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from nncore.data.dataset import Dataset
from nncore.plots import data_plots
from ui.render import show_figure

PREVIEW_ROWS = 8


def _preview_table(dataset: Dataset) -> pd.DataFrame:
    """First training rows in the data's own units (what the user recognises)."""
    x = dataset.preprocessing.inverse_features(dataset.x_train[:PREVIEW_ROWS])
    if dataset.input_kind == "tabular":
        table = pd.DataFrame(x, columns=list(dataset.feature_names))
    else:
        table = pd.DataFrame({"shape": [" x ".join(map(str, dataset.input_shape))] * len(x)})
    y = dataset.y_train[:PREVIEW_ROWS]
    if dataset.class_names:
        table[dataset.target_name] = [dataset.class_names[int(label)] for label in y]
    else:
        table[dataset.target_name] = np.round(dataset.preprocessing.inverse_target(y), 4)
    return table


def render_preview(dataset: Dataset) -> None:
    st.subheader(f"Loaded: {dataset.title}")
    if dataset.description:
        st.caption(dataset.description)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Training examples", f"{len(dataset.x_train):,}", help="Used to fit the weights.")
    c2.metric("Validation examples", f"{len(dataset.x_val):,}", help="Checked after every epoch to spot overfitting.")
    c3.metric("Test examples", f"{len(dataset.x_test):,}", help="Kept aside until the end for an honest score.")
    if dataset.task == "classification":
        c4.metric("Classes", dataset.n_classes, help=", ".join(dataset.class_names or ()))
    else:
        c4.metric("Task", "regression", help=f"Predict the number '{dataset.target_name}'.")

    balance = data_plots.dataset_class_balance(dataset)
    if dataset.is_2d:
        # Equal axes make the plane square: share the row with the class balance.
        left, right = st.columns([3, 2])
        with left:
            show_figure(data_plots.dataset_scatter(dataset), key="data_scatter")
        with right:
            show_figure(balance, key="data_balance")
    else:
        if dataset.input_kind == "image":
            show_figure(data_plots.dataset_images(dataset), key="data_images")
        elif dataset.input_kind == "sequence":
            show_figure(data_plots.dataset_sequences(dataset), key="data_sequences")
        else:
            # Standardized, as the model sees them: in original units one wide feature would
            # flatten all others (and one-hot columns) on the shared axis.
            show_figure(data_plots.dataset_feature_distributions(dataset, original_units=False), key="data_features")
        show_figure(balance, key="data_balance")

    left, right = st.columns([3, 2])
    with left:
        st.markdown("**First training examples**")
        st.dataframe(_preview_table(dataset), hide_index=True, width="stretch")
    with right:
        if dataset.preprocessing.steps:
            st.markdown("**Preprocessing**")
            st.markdown("\n".join(f"- {step}" for step in dataset.preprocessing.steps))
