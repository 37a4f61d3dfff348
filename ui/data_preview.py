"""What the loaded dataset looks like: sizes, preprocessing, a table and the right pictures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from nncore.data.dataset import Dataset
from nncore.plots import data_plots
from ui.engine_messages import localize_message
from ui.i18n import t
from ui.render import show_figure
from ui.translations_engine import dataset_description, dataset_title

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
    st.subheader(t("data.loaded", title=dataset_title(dataset.key, dataset.title)))
    if dataset.description:
        st.caption(dataset_description(dataset.key, dataset.description))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("data.n_train"), f"{len(dataset.x_train):,}", help=t("data.n_train_help"))
    c2.metric(t("data.n_val"), f"{len(dataset.x_val):,}", help=t("data.n_val_help"))
    c3.metric(t("data.n_test"), f"{len(dataset.x_test):,}", help=t("data.n_test_help"))
    if dataset.task == "classification":
        c4.metric(t("data.classes"), dataset.n_classes, help=", ".join(dataset.class_names or ()))
    else:
        c4.metric(t("data.task"), t("data.regression"), help=t("data.regression_help", target=dataset.target_name))

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
        st.markdown(t("data.first_examples"))
        st.dataframe(_preview_table(dataset), hide_index=True, width="stretch")
    with right:
        if dataset.preprocessing.steps:
            st.markdown(t("data.preprocessing"))
            st.markdown("\n".join(f"- {localize_message(step)}" for step in dataset.preprocessing.steps))
