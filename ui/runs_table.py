"""The Runs page's table of saved runs and what can be done with one: reopen, rename, delete.

The table is read from the run store on every render, so it shows every run saved by any
session (with sign-in: every run of this user), after a refresh or a server restart alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from nncore.models import PRESETS
from nncore.runs import RunRecord, RunStore, RunStoreError
from nncore.runs.record import layers_summary
from ui.dataset_names import title_by_key
from ui.i18n import say, t
from ui.render import show_error
from ui.runs_sharing import render_run_links
from ui.runs_text import markdown_text
from ui.state import SessionState

PENDING_DELETE_KEY = "runs_pending_delete"
GREY = "color: #9aa0a6"
STATE_TEXT = {"finished": "runs.state_finished", "stopped": "runs.state_stopped", "diverged": "runs.state_diverged"}


def status_text(record: RunRecord) -> str:
    """How training ended for a readable run; what is wrong for one that cannot be read."""
    if not record.complete:
        return record.status
    return t(STATE_TEXT[record.state]) if record.state in STATE_TEXT else (record.state or "–")


def model_text(record: RunRecord) -> str:
    """"Small MLP: dense 8 tanh → dense 8 tanh" with the preset's title in the session's language
    (from the saved spec); a record without a spec shows its saved summary."""
    spec = record.spec
    if spec is None:
        return record.model_summary
    title = t(f"model.preset.{spec.name}") if spec.name in PRESETS else spec.name
    layers = layers_summary(spec)
    return f"{title}: {layers}" if layers else title


def runs_frame(records: list[RunRecord]) -> pd.DataFrame:
    """One row per run, with numbers left as numbers (NaN where unknown) so the columns sort correctly."""
    nan = float("nan")
    rows = []
    for record in records:
        metric = nan if record.test_metric is None or not record.complete else record.test_metric
        if record.standardized_errors:  # saved in standardized units: shown once reopened
            metric = nan
        baselines = record.baselines
        linear = baselines.headline(baselines.linear_key) if baselines is not None and record.complete else nan
        rows.append({
            "name": say(record.name),
            "status": status_text(record),
            "dataset": title_by_key(record.dataset_key, record.dataset_title, escaped=False) or "–",
            "model": model_text(record) or "–",
            "epochs": record.epochs if record.complete else None,
            "test accuracy": metric if record.metric_name == "accuracy" else nan,
            "test MAE": metric if record.metric_name == "mae" else nan,
            "unit": record.unit if record.metric_name == "mae" else "",
            # The baseline in the same unit as the network's score beside it: a share shown as a
            # percentage next to test accuracy, an error in the target's units next to test MAE.
            "linear accuracy": linear if record.metric_name == "accuracy" else nan,
            "linear MAE": linear if record.metric_name == "mae" else nan,
            # ISO order: sorting the text sorts by time.
            "saved": dt.datetime.fromtimestamp(record.created).strftime("%Y-%m-%d %H:%M"),
        })
    frame = pd.DataFrame(rows, columns=["name", "status", "dataset", "model", "epochs", "test accuracy", "linear accuracy",
                                       "test MAE", "linear MAE", "unit", "saved"])
    frame["epochs"] = frame["epochs"].astype("Int64")
    return frame


# Column widths in pixels, so the runs of one kind (classification or regression) fit a
# 1366x768 screen (tests/e2e/test_tables_fit.py): a longer name or model is cut with "…" and
# shown whole on hover. A list that mixes both kinds has every column and may scroll.
WIDTHS = {"name": 130, "status": 80, "dataset": 110, "model": 110, "epochs": 55, "test accuracy": 95,
          "linear accuracy": 95,
          "test MAE": 85, "linear MAE": 95, "unit": 55, "saved": 125}


def shown_columns(frame: pd.DataFrame) -> list[str]:
    """The columns worth a place: a column no run has a value in (test MAE when every run is a
    classification, say) is left out so the others fit the screen."""
    def empty(column: pd.Series) -> bool:
        return bool(column.isna().all() or (column.astype(str).str.strip() == "").all())

    return [name for name in frame.columns if name in ("name", "status", "saved") or not empty(frame[name])]


def _grey_unusable(row: pd.Series, usable: list[bool]) -> list[str]:
    return [""] * len(row) if usable[row.name] else [GREY] * len(row)


def render_table(records: list[RunRecord]) -> list[RunRecord]:
    """Draw the table; return the runs the user selected (in table order)."""
    frame = runs_frame(records)
    usable = [record.complete for record in records]
    styled = frame.style.apply(_grey_unusable, axis=1, usable=usable)
    # The key changes with the set of runs, so a selection never points at a row that moved.
    ids = ",".join(record.run_id for record in records)
    key = "runs_table_" + hashlib.sha1(ids.encode()).hexdigest()[:12]
    event = st.dataframe(
        styled, key=key, on_select="rerun", selection_mode="multi-row", hide_index=True, width="stretch", placeholder="–",
        column_order=shown_columns(frame),
        column_config={
            "name": st.column_config.TextColumn(t("runs.col.name"), width=WIDTHS["name"], help=t("runs.col.name_help")),
            "status": st.column_config.TextColumn(t("runs.col.status"), width=WIDTHS["status"], help=t("runs.col.status_help")),
            "dataset": st.column_config.TextColumn(t("runs.col.dataset"), width=WIDTHS["dataset"]),
            "model": st.column_config.TextColumn(t("runs.col.model"), width=WIDTHS["model"]),
            "epochs": st.column_config.NumberColumn(t("runs.col.epochs"), format="%d", width=WIDTHS["epochs"]),
            "test accuracy": st.column_config.NumberColumn(
                t("runs.col.test_accuracy"), format="percent", width=WIDTHS["test accuracy"], help=t("runs.col.test_accuracy_help")
            ),
            "test MAE": st.column_config.NumberColumn(
                t("runs.col.test_mae"), format="%.4g", width=WIDTHS["test MAE"], help=t("runs.col.test_mae_help")
            ),
            "unit": st.column_config.TextColumn(t("base.col.unit"), width=WIDTHS["unit"], help=t("base.col.unit_help")),
            "linear accuracy": st.column_config.NumberColumn(
                t("base.col.linear"), format="percent", width=WIDTHS["linear accuracy"], help=t("base.col.linear_accuracy_help")
            ),
            "linear MAE": st.column_config.NumberColumn(
                t("base.col.linear"), format="%.4g", width=WIDTHS["linear MAE"], help=t("base.col.linear_mae_help")
            ),
            "saved": st.column_config.TextColumn(t("runs.col.saved"), width=WIDTHS["saved"], help=t("runs.col.saved_help")),
        },
    )
    if any(record.standardized_errors for record in records):
        st.caption(t("base.col.units_old"))
    broken = [record for record in records if not record.complete]
    if broken:
        st.caption(t("runs.grey") + " ".join(
            f"**{markdown_text(say(r.name))}**: {markdown_text(say(r.problem))}" for r in broken
        ))
    return [records[i] for i in sorted(event.selection.rows) if 0 <= i < len(records)]


def render_actions(state: SessionState, store: RunStore, record: RunRecord) -> None:
    """Reopen, rename or delete the one selected run."""
    st.subheader(f"“{markdown_text(say(record.name))}”")
    if not record.complete:
        st.warning(t("runs.cannot_reopen", problem=markdown_text(say(record.problem))), icon=":material/warning:")
    else:
        dataset = title_by_key(record.dataset_key, record.dataset_title, escaped=False)
        st.caption(markdown_text(f"{model_text(record)} · {dataset} · {say(record.message)}"))
    reopen_col, delete_col, _ = st.columns([2, 2, 3])
    with reopen_col:
        help_text = t("runs.reopen_help")
        if state.is_training:
            help_text += " " + t("runs.reopen_stops")
        if st.button(t("runs.reopen"), key="runs_reopen", icon=":material/open_in_new:", type="primary",
                     disabled=not record.complete, help=help_text, width="stretch"):
            _reopen(state, store, record)
    with delete_col:
        if st.button(t("runs.delete"), key="runs_delete", icon=":material/delete:", width="stretch",
                     help=t("runs.delete_help")):
            st.session_state[PENDING_DELETE_KEY] = record.run_id
    # Keyed by run: the box starts from the selected run's name, not the last one typed.
    with st.form(f"runs_rename_form_{record.run_id}", border=False):
        name_col, button_col = st.columns([5, 1], vertical_alignment="bottom")
        name = name_col.text_input(t("runs.new_name"), value=say(record.name), key=f"runs_new_name_{record.run_id}", max_chars=120,
                                   help=t("help.runs.new_name"))
        if button_col.form_submit_button(t("runs.rename"), icon=":material/edit:", width="stretch",
                                             help=t("help.runs.rename")):
            try:
                store.rename(record.run_id, name)
                current = state.run
                if current is not None and current.extra.get("run_id") == record.run_id:
                    current.extra["name"] = store.get(record.run_id).name  # the sidebar and downloads follow
                st.session_state["runs_renamed"] = name
                st.rerun()
            except RunStoreError as error:
                show_error(error)
    if st.session_state.get(PENDING_DELETE_KEY) == record.run_id:
        _confirm_delete(store, record)
    renamed = st.session_state.pop("runs_renamed", None)
    if renamed:
        st.success(t("runs.renamed", name=markdown_text(renamed)), icon=":material/check:")
    render_run_links(store, record)


def _confirm_delete(store: RunStore, record: RunRecord) -> None:
    with st.container(border=True):
        st.warning(
            t("runs.confirm_delete", name=markdown_text(say(record.name))),
            icon=":material/delete_forever:",
        )
        yes, no, _ = st.columns([2, 1, 3])
        if yes.button(t("runs.yes_delete"), key="runs_delete_confirm", type="primary", help=t("help.runs.yes_delete")):
            st.session_state.pop(PENDING_DELETE_KEY, None)
            try:
                store.delete(record.run_id)
            except Exception as error:  # noqa: BLE001
                show_error(error)
                return
            st.session_state["runs_deleted"] = say(record.name)
            st.rerun()
        if no.button(t("explain.cancel"), key="runs_delete_cancel", help=t("help.runs.cancel_delete")):
            st.session_state.pop(PENDING_DELETE_KEY, None)
            st.rerun()


def _reopen(state: SessionState, store: RunStore, record: RunRecord) -> None:
    try:
        with st.spinner(t("runs.loading", name=markdown_text(say(record.name)))):
            run = store.load(record.run_id)
    except Exception as error:  # noqa: BLE001 - store and dataset errors carry their own message
        show_error(error)
        return
    state.open_run(run)
    st.session_state["runs_opened"] = say(record.name)
    st.rerun()  # redraw the page and the sidebar with the new current model


def show_flash_messages() -> None:
    """What the last click did, shown once after the rerun it caused."""
    deleted = st.session_state.pop("runs_deleted", None)
    if deleted:
        st.success(t("runs.deleted", name=markdown_text(deleted)), icon=":material/check:")
