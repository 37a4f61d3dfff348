"""Data page: choose a built-in dataset or upload a CSV, and look at what was loaded."""

from __future__ import annotations

import streamlit as st

from nncore.data import list_datasets, load_dataset
from nncore.data.positive_class import carry_positive_class
from nncore.errors import DatasetError
from ui.csv_upload import render_csv_upload
from ui.data_preview import render_preview
from ui.dataset_controls import param_widgets
from ui.feature_notes import render_feature_notes
from ui.i18n import say, t
from ui.positive_class_view import render_positive_choice
from ui.render import show_error
from ui.state import get_state
from ui.dataset_names import dataset_description, dataset_title

state = get_state()


@st.cache_data(show_spinner=False, max_entries=32)
def _load(key: str, params: tuple) -> object:
    # Built-in loaders are pure functions of their arguments, so sharing results between
    # sessions is safe (uploaded files never go through here).
    return load_dataset(key, **dict(params))


st.title(t("data.title"))
builtin_tab, csv_tab = st.tabs([t("data.builtin_tab"), t("data.csv_tab")])

with builtin_tab:
    infos = list_datasets()
    keys = [info.key for info in infos]
    by_key = {info.key: info for info in infos}
    current_key = state.dataset.key if state.dataset.key in by_key else keys[0]
    key = st.selectbox(
        t("data.dataset"),
        keys,
        index=keys.index(current_key),
        format_func={k: f"{say(by_key[k].group)} · {dataset_title(by_key[k])}" for k in keys}.get,
        key="data_choice",
        help=t("data.dataset_help"),
    )
    info = by_key[key]
    st.caption(dataset_description(info) + ("  \n" + t("data.needs_network") if info.needs_network else ""))
    with st.form(f"data_form_{key}", border=True):
        current = state.dataset.params if state.dataset.key == key else {}
        values = param_widgets(info, current)
        submitted = st.form_submit_button(t("data.load"), type="primary", icon=":material/download:",
                                          help=t("help.data.load"))
    if submitted:
        try:
            with st.spinner(t("data.loading", title=dataset_title(info))):
                dataset = _load(key, tuple(sorted(values.items())))
            state.set_dataset(carry_positive_class(dataset, state.dataset))  # a reload keeps the positive class
            st.toast(t("data.loaded_toast", title=dataset_title(dataset)), icon=":material/check:")
            st.rerun()  # so the sidebar and notices reflect the new data
        except DatasetError as error:
            show_error(error, t("data.keep_previous"))

with csv_tab:
    render_csv_upload(state)

st.divider()
render_positive_choice(state)
render_preview(state.dataset)
render_feature_notes(state)
