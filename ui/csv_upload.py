"""The "Upload a CSV" tab: parse with limits, let the user pick the target, build a Dataset.

An uploaded file is untrusted: every problem becomes one clear message and the dataset that
was loaded before stays in use.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.data import MAX_UPLOAD_MB, dataset_from_csv, inspect_csv
from nncore.errors import DatasetError
from ui.i18n import t
from ui.render import show_error
from ui.row_label import plain
from ui.state import SessionState

_PREVIEW_KEY = "_csv_preview"  # (file_id, CsvPreview | DatasetError), per session


def _parsed(uploaded):
    """Parse each uploaded file once per session, not on every rerun."""
    cached = st.session_state.get(_PREVIEW_KEY)
    if cached and cached[0] == uploaded.file_id:
        return cached[1]
    try:
        with st.spinner(t("csv.reading", name=uploaded.name)):
            result = inspect_csv(uploaded.getvalue(), uploaded.name)
    except DatasetError as error:
        result = error
    st.session_state[_PREVIEW_KEY] = (uploaded.file_id, result)
    return result


def _label_by(preview) -> str | None:
    """How every page will name an example: its row number in the file, or an ID column."""
    options = [None, *preview.id_columns()]
    names = {None: t("rowid.label_by_row"), **{c: c for c in options[1:]}}
    if st.session_state.get("csv_label_by") not in options:
        st.session_state.pop("csv_label_by", None)  # another file: its columns differ
    return st.selectbox(t("rowid.label_by"), options, key="csv_label_by", format_func=names.get,
                        help=t("rowid.label_by_help"))


def render_csv_upload(state: SessionState) -> None:
    st.caption(t("csv.caption", max_mb=MAX_UPLOAD_MB))
    uploaded = st.file_uploader(
        t("csv.file"), type=["csv"], key="csv_file", help=t("csv.file_help"),
    )
    if uploaded is None:
        return
    preview = _parsed(uploaded)
    if isinstance(preview, DatasetError):
        show_error(preview, t("data.keep_previous"))
        return

    st.markdown(t("csv.summary", filename=preview.filename, rows=f"{preview.n_rows:,}", columns=len(preview.columns)))
    st.dataframe(preview.frame.head(10), width="stretch", hide_index=True)
    with st.expander(t("csv.columns")):
        st.dataframe(
            pd.DataFrame(
                [
                    {t("csv.col_name"): c.name, t("csv.col_kind"): c.kind, t("csv.col_missing"): c.n_missing,
                     t("csv.col_distinct"): c.n_distinct}
                    for c in preview.column_info
                ]
            ),
            hide_index=True,
            width="stretch",
        )

    with st.form("csv_form", border=True):
        c1, c2 = st.columns(2)
        target = c1.selectbox(
            t("csv.target"), preview.columns, index=preview.columns.index(preview.suggested_target),
            key="csv_target", help=t("csv.target_help"),
        )
        task = c2.selectbox(
            t("csv.task"), ["auto", "classification", "regression"], key="csv_task",
            format_func={task: t(f"csv.task_{task}") for task in ("auto", "classification", "regression")}.get,
            help=t("csv.task_help"),
        )
        features = st.multiselect(
            t("csv.features"), preview.columns,
            default=[c.name for c in preview.column_info if c.name != preview.suggested_target and c.kind != "empty"],
            key="csv_features",
            help=t("csv.features_help"),
        )
        c3, c4 = st.columns(2)
        missing = c3.radio(
            t("csv.missing"), ["drop", "impute"], key="csv_missing", horizontal=True,
            format_func={m: t(f"csv.missing_{m}") for m in ("drop", "impute")}.get,
            help=t("csv.missing_help", n=f"{preview.n_missing:,}"),
        )
        seed = c4.number_input(t("csv.seed"), min_value=0, max_value=2**31 - 1, value=0, step=1, key="csv_seed",
                               help=t("csv.seed_help"))
        label_by = _label_by(preview)
        submitted = st.form_submit_button(t("csv.use"), type="primary", icon=":material/check:", help=t("help.csv.use"))
    if submitted:
        try:
            # A column that names the rows is never an input as well.
            chosen = [c for c in features if c not in (target, label_by)]
            everything = [c.name for c in preview.column_info if c.name not in (target, label_by) and c.kind != "empty"]
            # All usable columns: let the importer choose, so it can also note what it left out.
            dataset = dataset_from_csv(
                preview, target=target, task=task, missing=missing, seed=int(seed),
                features=None if set(chosen) == set(everything) else chosen, label_by=label_by,
            )
        except DatasetError as error:
            show_error(error, t("data.keep_previous"))
            return
        state.set_dataset(dataset)
        if label_by is not None and label_by in features:
            state.notices.append(t("rowid.id_not_feature", column=plain(label_by)))
        st.toast(t("data.loaded_toast", title=dataset.title), icon=":material/check:")
        st.rerun()
