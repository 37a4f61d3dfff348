"""Home page: what the app is, guided demos, and how to start. It must render without importing
TensorFlow."""

from __future__ import annotations

import streamlit as st

from nncore.errors import NNExplorerError
from ui.demos import DEMOS
from ui.i18n import t
from ui.render import show_error
from ui.state import get_state
from ui.tour import start_demo
from ui.dataset_names import dataset_title

state = get_state()

st.title("NN Explorer")
st.markdown(t("home.intro"))

st.subheader(t("home.demos"))
st.caption(t("home.demos_caption"))
# Row by row (not column by column), so the cards of a row line up and share one height.
for index, demo in enumerate(DEMOS):
    if index % 3 == 0:
        columns = st.columns(3)
    with columns[index % 3].container(border=True, height="stretch", key=f"demo_card_{demo.key}"):
        st.markdown(f"{demo.icon} **{t(demo.text_key('title'))}**  \n{t(demo.text_key('blurb'))}")
        if st.button(t("home.start"), key=f"demo_{demo.key}", icon=":material/play_circle:", help=t("home.start_help")):
            start_demo(state, demo.key)

st.subheader(t("home.steps"))
c1, c2, c3 = st.columns(3)
with c1.container(border=True, height="stretch"):
    st.markdown(t("home.step_data"))
    st.page_link("app_pages/data.py", label=t("home.step_data_link"), icon=":material/dataset:", help=t("help.link.data"))
with c2.container(border=True, height="stretch"):
    st.markdown(t("home.step_model"))
    st.page_link("app_pages/model.py", label=t("home.step_model_link"), icon=":material/account_tree:",
                 help=t("help.link.model"))
with c3.container(border=True, height="stretch"):
    st.markdown(t("home.step_train"))
    st.page_link("app_pages/train.py", label=t("home.step_train_link"), icon=":material/model_training:",
                 help=t("help.link.train"))

st.subheader(t("home.try_now"))
st.markdown(t("home.try_now_text", title=dataset_title(state.dataset)))
if st.button(t("home.quick_train"), type="primary", icon=":material/play_arrow:", key="home_quick_train",
             disabled=state.is_training, help=t("home.quick_train_help")):
    try:
        state.start_training()
        st.switch_page("app_pages/train.py")
    except NNExplorerError as error:
        show_error(error, t("home.quick_train_error"))

with st.expander(t("home.what_is")):
    st.markdown(t("home.what_is_text"))
