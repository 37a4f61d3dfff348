"""The "Upload a CSV" tab: parse with limits, let the user pick the target, build a Dataset.

An uploaded file is untrusted: every problem becomes one clear message and the dataset that
was loaded before stays in use.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.data import MAX_UPLOAD_MB, dataset_from_csv, inspect_csv
from nncore.errors import DatasetError
from ui.render import show_error
from ui.state import SessionState

_KEEP = "The dataset that was loaded before is still in use."
_PREVIEW_KEY = "_csv_preview"  # (file_id, CsvPreview | DatasetError), per session


def _parsed(uploaded):
    """Parse each uploaded file once per session, not on every rerun."""
    cached = st.session_state.get(_PREVIEW_KEY)
    if cached and cached[0] == uploaded.file_id:
        return cached[1]
    try:
        with st.spinner(f"Reading {uploaded.name}…"):
            result = inspect_csv(uploaded.getvalue(), uploaded.name)
    except DatasetError as error:
        result = error
    st.session_state[_PREVIEW_KEY] = (uploaded.file_id, result)
    return result


def render_csv_upload(state: SessionState) -> None:
    st.caption(
        f"A comma-separated file with a header row, UTF-8 encoded, up to {MAX_UPLOAD_MB} MB. "
        "Numeric columns are standardized and text columns one-hot encoded for you."
    )
    uploaded = st.file_uploader(
        "CSV file", type=["csv"], key="csv_file",
        help="One row per example, one column per feature, and one column with the answer to predict (the target).",
    )
    if uploaded is None:
        return
    preview = _parsed(uploaded)
    if isinstance(preview, DatasetError):
        show_error(preview, _KEEP)
        return

    st.markdown(f"**{preview.filename}**: {preview.n_rows:,} rows, {len(preview.columns)} columns")
    st.dataframe(preview.frame.head(10), width="stretch", hide_index=True)
    with st.expander("Columns"):
        st.dataframe(
            pd.DataFrame(
                [
                    {"column": c.name, "kind": c.kind, "missing": c.n_missing, "distinct values": c.n_distinct}
                    for c in preview.column_info
                ]
            ),
            hide_index=True,
            width="stretch",
        )

    with st.form("csv_form", border=True):
        c1, c2 = st.columns(2)
        target = c1.selectbox(
            "Target column", preview.columns, index=preview.columns.index(preview.suggested_target),
            key="csv_target", help="The column the network should learn to predict.",
        )
        task = c2.selectbox(
            "Task", ["auto", "classification", "regression"], key="csv_task",
            format_func=lambda t: {"auto": "Decide for me", "classification": "Classification (categories)",
                                   "regression": "Regression (a number)"}[t],
            help="Classification predicts a category (text labels or a few whole numbers); "
            "regression predicts a quantity. 'Decide for me' looks at the target's values.",
        )
        features = st.multiselect(
            "Feature columns", preview.columns,
            default=[c.name for c in preview.column_info if c.name != preview.suggested_target and c.kind != "empty"],
            key="csv_features",
            help="The columns the network may use to make its prediction. Leave out IDs, names and "
            "anything that gives the answer away. The target is never used as a feature.",
        )
        c3, c4 = st.columns(2)
        missing = c3.radio(
            "Missing values", ["drop", "impute"], key="csv_missing", horizontal=True,
            format_func=lambda m: {"drop": "Drop rows with gaps", "impute": "Fill gaps in"}[m],
            help="Fill in uses the median of a numeric column and the most common value of a text column "
            f"(this file has {preview.n_missing:,} missing values).",
        )
        seed = c4.number_input("Seed", min_value=0, max_value=2**31 - 1, value=0, step=1, key="csv_seed",
                               help="Controls how rows are split into training, validation and test sets.")
        submitted = st.form_submit_button("Use this data", type="primary", icon=":material/check:")
    if submitted:
        try:
            chosen = [c for c in features if c != target]
            everything = [c.name for c in preview.column_info if c.name != target and c.kind != "empty"]
            # All usable columns: let the importer choose, so it can also note what it left out.
            dataset = dataset_from_csv(
                preview, target=target, task=task, missing=missing, seed=int(seed),
                features=None if set(chosen) == set(everything) else chosen,
            )
        except DatasetError as error:
            show_error(error, _KEEP)
            return
        state.set_dataset(dataset)
        st.toast(f"Loaded {dataset.title}.", icon=":material/check:")
        st.rerun()
