"""The "Upload a CSV" tab: parse with limits, show each column's role, build a Dataset.

An uploaded file is untrusted: every problem becomes one clear message and the dataset that
was loaded before stays in use. The roles table shows `CsvPreview.roles(target)` (the engine's
one decision, which `dataset_from_csv` makes again from the same choices), so what the page
shows is what training uses.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.data import MAX_UPLOAD_MB, dataset_from_csv, inspect_csv
from nncore.data.info import split_param
from nncore.data.column_roles import ColumnRole
from nncore.data.csv_import import DROP_LIMIT, CsvPreview
from nncore.errors import DatasetError
from ui.dataset_controls import param_widget
from ui.i18n import t
from ui.render import show_error
from ui.safe_text import markdown_text
from ui.row_label import plain
from ui.state import SessionState
from ui.dataset_names import dataset_title

_PREVIEW_KEY = "_csv_preview"  # (file_id, CsvPreview | DatasetError), per session
_CHOICES_KEY = "_csv_role_choices"  # (file_id, target, {column: role}) from the roles table
_EDITABLE = ("feature", "left_out", "date_numbers")


def _parsed(uploaded):
    """Parse each uploaded file once per session, not on every rerun."""
    cached = st.session_state.get(_PREVIEW_KEY)
    if cached and cached[0] == uploaded.file_id:
        return cached[1]
    try:
        with st.spinner(t("csv.reading", name=markdown_text(uploaded.name))):
            result = inspect_csv(uploaded.getvalue(), uploaded.name)
    except DatasetError as error:
        result = error
    st.session_state[_PREVIEW_KEY] = (uploaded.file_id, result)
    return result


def _example(values: pd.Series) -> str:
    present = values.dropna()
    if present.empty:
        return ""
    value = present.iloc[0]
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _why(role: ColumnRole, suggested_reason: str | None) -> str:
    if role.role == "target":
        return t("roles.reason.target")
    if suggested_reason and role.role != "left_out":
        # The person uses a column the rules left out: keep the warning in view.
        return t("roles.overridden", reason=t(f"roles.reason.{suggested_reason}"), role=t(f"roles.role.{role.role}"))
    if role.role == "left_out":
        return t(f"roles.reason.{role.reason or 'chosen'}")
    return t("roles.reason.feature")


def roles_table(preview: CsvPreview, roles: tuple[ColumnRole, ...], suggested: tuple[ColumnRole, ...]) -> pd.DataFrame:
    """One row per column: name, role (words), why (words), kind of values, gaps, an example."""
    reasons = {r.name: r.reason for r in suggested}
    rows = []
    for role in roles:
        info = preview.info(role.name)
        kind = "date" if role.is_date else info.kind
        rows.append({
            "column": role.name,
            "role": t(f"roles.role.{role.role}"),
            "why": _why(role, reasons.get(role.name)),
            "kind": t(f"roles.kind.{kind}"),
            "missing": info.n_missing,
            "distinct": info.n_distinct,
            "example": _example(preview.frame[role.name]),
        })
    return pd.DataFrame(rows)


def _role_editor(preview: CsvPreview, target: str, file_id: str) -> dict[str, str]:
    """The one roles table; returns the person's changes {column: role key}."""
    stored = st.session_state.get(_CHOICES_KEY)
    choices: dict[str, str] = dict(stored[2]) if stored and stored[:2] == (file_id, target) else {}
    suggested = preview.roles(target)
    roles = preview.roles(target, choices)
    words = {t(f"roles.role.{r}"): r for r in ("target", *_EDITABLE)}
    st.markdown(t("roles.title"))
    st.caption(t("roles.caption"))
    table = roles_table(preview, roles, suggested)
    edited = st.data_editor(
        table,
        key=f"csv_roles_{file_id}_{target}",  # a new target starts from the new suggestions
        hide_index=True,
        width="stretch",
        height=35 * (min(len(table), 20) + 1) + 3,  # every row in view, up to 20
        disabled=["column", "why", "kind", "missing", "distinct", "example"],
        column_config={
            "column": st.column_config.TextColumn(t("roles.col_column")),
            "role": st.column_config.SelectboxColumn(
                t("roles.col_role"), options=list(words), required=True, help=t("roles.col_role_help")
            ),
            "why": st.column_config.TextColumn(t("roles.col_why"), width="large", help=t("roles.col_why_help")),
            "kind": st.column_config.TextColumn(t("roles.col_kind")),
            "missing": st.column_config.NumberColumn(t("roles.col_missing")),
            "distinct": st.column_config.NumberColumn(t("roles.col_distinct")),
            "example": st.column_config.TextColumn(t("roles.col_example")),
        },
    )
    by_name = {r.name: r for r in suggested}
    new_choices: dict[str, str] = {}
    for name, word in zip(edited["column"], edited["role"]):
        role = words.get(word, "feature")
        rule = by_name[name]
        if name == target and role != "target" or name != target and role == "target":
            st.warning(t("roles.target_fixed", column=markdown_text(name)), icon=":material/info:")
            continue
        if role == "date_numbers" and not rule.is_date:
            st.warning(t("roles.not_a_date", column=markdown_text(name)), icon=":material/info:")
            continue
        if name != target and role != rule.role:
            new_choices[name] = role
    if new_choices != choices:
        st.session_state[_CHOICES_KEY] = (file_id, target, new_choices)
        st.rerun()  # the "why" column follows the choices
    used = [r.name for r in roles if r.used]
    if used:
        st.caption(t("roles.used", n=len(used), columns=", ".join(f"“{markdown_text(c)}”" for c in used)))
    else:
        st.warning(t("roles.none_used"), icon=":material/warning:")
    return new_choices


def _drop_share(preview: CsvPreview, target: str, features: list[str]) -> tuple[int, int]:
    frame = preview.frame
    labelled = frame[target].notna()
    incomplete = labelled & frame[features].isna().any(axis=1) if features else labelled & False
    return int(incomplete.sum()), int(labelled.sum())
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

    st.markdown(t("csv.summary", filename=markdown_text(preview.filename), rows=f"{preview.n_rows:,}",
                  columns=len(preview.columns)))
    st.dataframe(preview.frame.head(10), width="stretch", hide_index=True)

    # Target and task outside the form: the roles are worked out again as soon as the target changes.
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
    choices = _role_editor(preview, target, uploaded.file_id)
    with st.expander(t("roles.how_title"), icon=":material/help:"):
        st.markdown(t("roles.how_text"))

    features = [r.name for r in preview.roles(target, choices) if r.used]
    n_incomplete, n_rows = _drop_share(preview, target, features)
    with st.form("csv_form", border=True):
        c3, c4 = st.columns(2)
        missing = c3.radio(
            t("roles.missing"), ["auto", "drop", "impute"], key="csv_missing", horizontal=True,
            format_func={m: t(f"roles.missing_{m}") for m in ("auto", "drop", "impute")}.get,
            help=t("roles.missing_help", n=f"{preview.n_missing:,}"),
        )
        if n_incomplete:
            share = n_incomplete / max(n_rows, 1)
            (c3.warning if share > DROP_LIMIT else c3.caption)(
                t("roles.drop_share", n=f"{n_incomplete:,}", rows=f"{n_rows:,}", share=f"{share:.0%}")
            )
        seed = c4.number_input(t("csv.seed"), min_value=0, max_value=2**31 - 1, value=0, step=1, key="csv_seed",
                               help=t("csv.seed_help"))
        split = param_widget(split_param(), None, key="csv_split")  # training/validation/test shares
        label_by = _label_by(preview)
        submitted = st.form_submit_button(t("csv.use"), type="primary", icon=":material/check:", help=t("help.csv.use"))
    if submitted:
        try:
            # A column that names the rows is never an input as well (the importer leaves it out).
            dataset = dataset_from_csv(
                preview, target=target, task=task, missing=missing, seed=int(seed), roles=choices, split=split,
                label_by=label_by,
            )
        except DatasetError as error:
            show_error(error, t("data.keep_previous"))
            return
        state.set_dataset(dataset)
        if label_by is not None and label_by in features:
            state.add_notice(t("rowid.id_not_feature", column=plain(label_by)))
        st.toast(t("data.loaded_toast", title=dataset_title(dataset)), icon=":material/check:")
        st.rerun()
