"""Import a `.keras` model trained elsewhere and make it the current model (the Runs page's last section)."""

from __future__ import annotations

import streamlit as st

from nncore.data.registry import list_datasets, load_dataset
from nncore.errors import NNExplorerError
from nncore.runs.model_import import MAX_MODEL_MB
from ui.i18n import t
from ui.dataset_names import dataset_title
from ui.render import show_error
from ui.state import SessionState

LOADED = "loaded"


@st.cache_data(show_spinner=False, max_entries=4)
def _builtin(key: str):
    # A pure loader keyed by its argument: safe to share between sessions.
    return load_dataset(key)


def render_import(state: SessionState) -> None:
    st.subheader(t("runs.import"))
    st.markdown(t("runs.import_text", max_mb=MAX_MODEL_MB))
    # No `type=` filter: a wrong file (an .h5, a renamed text file) gets our message saying why.
    upload = st.file_uploader(t("runs.import_file"), key="runs_import_file", max_upload_size=MAX_MODEL_MB,
                              help=t("help.runs.import_file"))
    infos = [info for info in list_datasets() if not info.needs_network]
    choices = [LOADED] + [info.key for info in infos]
    # Option labels are plain text: a built-in dataset's title in the session's language.
    titles = {LOADED: t("runs.import_loaded", title=dataset_title(state.dataset, escaped=False)),
              **{i.key: f"{dataset_title(i)} ({t(f'sidebar.task_{i.task}')})" for i in infos}}
    choice = st.selectbox(
        t("runs.import_on"), choices, format_func=titles.__getitem__, key="runs_import_dataset",
        help=t("runs.import_on_help"),
    )
    if st.button(t("runs.import_go"), key="runs_import_go", icon=":material/upload:", disabled=upload is None,
                 type="primary", help=t("help.runs.import_go")):
        _import(state, upload, choice)


def _import(state: SessionState, upload, choice: str) -> None:
    from nncore.runs.model_import import import_model

    try:
        with st.spinner(t("runs.import_loading")):
            dataset = state.dataset if choice == LOADED else _builtin(choice)
            run = import_model(upload.getvalue(), upload.name, dataset)
    except Exception as error:  # noqa: BLE001 - an untrusted file: every failure is a message, never a traceback
        show_error(error if isinstance(error, NNExplorerError) else RuntimeError(
            t("runs.import_failed", error=f"{type(error).__name__}: {error}")))
        return
    state.open_run(run)
    st.session_state["runs_opened"] = run.extra["name"]
    st.rerun()
