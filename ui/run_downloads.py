"""Download buttons for a run: the model (.keras), its history (.csv), a script (.py), a report (.html).

The files are made only when the user clicks (Streamlit calls the `data` callable then, on
another thread), and kept per run in `st.session_state`, so a second click or a rerun does
not rebuild a report or re-save a model. The callables capture this session's cache dict
at render time: they must not touch `st.session_state` themselves, as they run outside the
script thread.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

import streamlit as st

from nncore.exchange.code_export import script_unavailable_reason
from nncore.exchange.naming import file_stem
from ui.i18n import t, tn

CACHE_KEY = "nn_export_cache"
# A report embeds plotly.js (about 5 MB): keep the files of a few runs only.
MAX_CACHED_RUNS = 3


def _run_cache(run: Any) -> dict[str, Any]:
    """This session's cached files for `run`, found by its `run_id` (never `id(run)`, which
    Python gives the next object once a run is freed)."""
    caches: list[dict[str, Any]] = st.session_state.setdefault(CACHE_KEY, [])
    for entry in caches:
        if entry["run_id"] == run.run_id:
            return entry
    entry = {"run_id": run.run_id, "files": {}, "lock": threading.Lock()}
    caches.append(entry)
    del caches[:-MAX_CACHED_RUNS]
    return entry


def _lazy(entry: dict[str, Any], name: str, make: Callable[[], bytes | str]) -> Callable[[], bytes]:
    def build() -> bytes:
        with entry["lock"]:  # two quick clicks build once
            if name not in entry["files"]:
                data = make()
                # A report with other pins is out of date: keep one report per run.
                for old in [k for k in entry["files"] if k.startswith("report-") and name.startswith("report-")]:
                    del entry["files"][old]
                entry["files"][name] = data.encode("utf-8") if isinstance(data, str) else data
            return entry["files"][name]

    return build


def pinned_for(run: Any, pinned: list[Any]) -> list[Any]:
    """The pinned explanations that belong to `run` (pins are `(run.run_id, Explanation)`)."""
    return [explanation for run_id, explanation in pinned if run_id == run.run_id]


def render_downloads(run: Any, key: str = "downloads", pinned: list[Any] | None = None) -> None:
    """Four download buttons side by side, with help text; `key` keeps widget keys unique per page."""
    from nncore.exchange.code_export import training_script
    from nncore.exchange.history_csv import history_csv
    from nncore.exchange.model_file import model_bytes
    from nncore.exchange.report import html_report

    if pinned is None:
        from ui.state import get_state

        pinned = get_state().pinned_explanations
    explanations = pinned_for(run, pinned)
    entry = _run_cache(run)
    stem = file_stem(run)
    no_script = script_unavailable_reason(run)
    report_name = "report-" + "-".join(str(id(e)) for e in explanations)  # a new pin, a new report

    model_col, history_col, script_col, report_col = st.columns(4)
    with model_col:
        st.download_button(
            t("runs.dl_model"), _lazy(entry, "model", lambda: model_bytes(run.model)), file_name=f"{stem}.keras",
            mime="application/octet-stream", key=f"{key}_model", icon=":material/neurology:", on_click="ignore",
            width="stretch",
            help=t("runs.dl_model_help"),
        )
    with history_col:
        st.download_button(
            t("runs.dl_history"), _lazy(entry, "history", lambda: history_csv(run)), file_name=f"{stem}-history.csv",
            mime="text/csv", key=f"{key}_history", icon=":material/table_chart:", on_click="ignore", width="stretch",
            disabled=not run.history,
            help=t("runs.dl_history_help") if run.history else t("runs.dl_no_history"),
        )
    with script_col:
        st.download_button(
            t("runs.dl_script"), _lazy(entry, "script", lambda: training_script(run)), file_name=f"{stem}-train.py",
            mime="text/x-python", key=f"{key}_script", icon=":material/code:", on_click="ignore", width="stretch",
            disabled=no_script is not None,
            help=no_script
            or t("runs.dl_script_help"),
        )
    with report_col:
        st.download_button(
            t("runs.dl_report"), _lazy(entry, report_name, lambda: html_report(run, explanations)),
            file_name=f"{stem}-report.html", mime="text/html", key=f"{key}_report", icon=":material/description:",
            on_click="ignore", width="stretch",
            help=tn("runs.dl_report_help", len(explanations)),
        )
