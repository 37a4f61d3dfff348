"""Import a `.keras` model trained elsewhere and make it the current model (the Runs page's last section)."""

from __future__ import annotations

import streamlit as st

from nncore.data.registry import list_datasets, load_dataset
from nncore.errors import NNExplorerError
from nncore.runs.model_import import MAX_MODEL_MB
from ui.render import show_error
from ui.state import SessionState

LOADED = "loaded"


@st.cache_data(show_spinner=False, max_entries=4)
def _builtin(key: str):
    # A pure loader keyed by its argument: safe to share between sessions.
    return load_dataset(key)


def render_import(state: SessionState) -> None:
    st.subheader("Import a model trained elsewhere")
    st.markdown(
        f"Upload a Keras 3 model saved with `model.save(\"model.keras\")` (at most {MAX_MODEL_MB} MB). For safety "
        "it is loaded in Keras's safe mode: models with Lambda layers or custom code are refused and their code "
        "never runs. It must take the chosen data's inputs and give one output per class (or one number)."
    )
    # No `type=` filter: a wrong file (an .h5, a renamed text file) gets our message saying why.
    upload = st.file_uploader("Model file (.keras)", key="runs_import_file", max_upload_size=MAX_MODEL_MB)
    infos = [info for info in list_datasets() if not info.needs_network]
    choices = [LOADED] + [info.key for info in infos]
    titles = {LOADED: f"The loaded data: {state.dataset.title}", **{i.key: f"{i.title} ({i.task})" for i in infos}}
    choice = st.selectbox(
        "Evaluate it on", choices, format_func=titles.__getitem__, key="runs_import_dataset",
        help="The model sees this data as the app prepares it: tabular features standardised with the training "
        "split's mean and spread, images scaled to 0–1. A model trained on differently prepared data will score badly.",
    )
    if st.button("Import and open", key="runs_import_go", icon=":material/upload:", disabled=upload is None,
                 type="primary"):
        _import(state, upload, choice)


def _import(state: SessionState, upload, choice: str) -> None:
    from nncore.runs.model_import import import_model

    try:
        with st.spinner("Checking and loading the model…"):
            dataset = state.dataset if choice == LOADED else _builtin(choice)
            run = import_model(upload.getvalue(), upload.name, dataset)
    except Exception as error:  # noqa: BLE001 - an untrusted file: every failure is a message, never a traceback
        show_error(error if isinstance(error, NNExplorerError) else RuntimeError(
            f"The model could not be imported ({type(error).__name__}: {error})."))
        return
    state.open_run(run)
    st.session_state["runs_opened"] = run.extra["name"]
    st.rerun()
