"""NN Explorer: pick data, build a network, train it in the page and look inside.

Run with `streamlit run app.py`. This file only sets up the page and navigation; each page
lives in app_pages/, the shared sidebar and session state in ui/, the engine in nncore/.

Why app_pages/ and not pages/: a folder named pages/ beside the entry script switches
Streamlit into its legacy multipage mode until this script first calls st.navigation, so after
every server start the first visit to a deep link (or a tab reconnecting after a restart) ran
the page alone: no sidebar, no layout, no Keras guard.
"""

from nncore.backend_env import set_environment_defaults

# Quiet TensorFlow's C++ start-up logs (CUDA probing on machines without a GPU) before any
# page imports it.
set_environment_defaults()

import streamlit as st  # noqa: E402

from ui.contrast_css import apply_contrast_css  # noqa: E402
from ui.engine_preload import preload_engine  # noqa: E402
from ui.i18n import t  # noqa: E402
from ui.keras_guard import keep_keras_state  # noqa: E402
from ui.run_timing import record_run, run_started  # noqa: E402
from ui.share_link import apply_link_once, write_link  # noqa: E402
from ui.sidebar import render_sidebar  # noqa: E402
from ui.sign_in import render_account, require_sign_in  # noqa: E402
from ui.state import get_state  # noqa: E402
from ui.tour import render_tour  # noqa: E402

run_began = run_started()
st.set_page_config(page_title="NN Explorer", page_icon=":material/neurology:", layout="wide")
keep_keras_state()  # Streamlit would otherwise reset Keras under our training threads
apply_contrast_css()  # chart text Streamlit draws in a fixed grey: the theme's text colour
require_sign_in()  # with sign-in configured, nothing below runs for a visitor who has not signed in

PAGES = [
    st.Page("app_pages/home.py", title=t("nav.home"), icon=":material/home:", default=True),
    st.Page("app_pages/data.py", title=t("nav.data"), icon=":material/dataset:"),
    st.Page("app_pages/model.py", title=t("nav.model"), icon=":material/account_tree:"),
    st.Page("app_pages/train.py", title=t("nav.train"), icon=":material/model_training:"),
    st.Page("app_pages/evaluate.py", title=t("nav.evaluate"), icon=":material/analytics:"),
    st.Page("app_pages/explain.py", title=t("nav.explain"), icon=":material/psychology:"),
    st.Page("app_pages/inside.py", title=t("nav.inside"), icon=":material/layers:"),
    st.Page("app_pages/runs.py", title=t("nav.runs"), icon=":material/history:"),
    st.Page("app_pages/neuron_lab.py", title=t("nav.neuron_lab"), icon=":material/neurology:"),
    st.Page("app_pages/glossary.py", title=t("nav.glossary"), icon=":material/menu_book:"),
]

navigation = st.navigation(PAGES)
state = get_state()
apply_link_once(state)  # a shared link's setup, on the session's first run
render_tour(state)  # a guided demo's caption and Next button, above the page
navigation.run()
# After the page: what the page just did (loaded data, started training) shows at once.
render_sidebar(state)
render_account()  # who is signed in, and Sign out (only with sign-in configured)
write_link(state)  # the address bar always holds the current setup, ready to share
for notice in state.take_notices():
    st.toast(notice, icon=":material/info:")
record_run(run_began, navigation.url_path or "home")
preload_engine()  # once per server, in the background, a moment after this first page is shown
