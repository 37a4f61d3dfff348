"""Train page: settings, a Train button, and live curves of a job running in the background."""

from __future__ import annotations

import streamlit as st

from nncore.errors import NNExplorerError
from nncore.training.config import OPTIMIZERS, TrainingConfig
from ui.class_weight_option import render_class_weight_option, seed_class_weight_widget
from ui.i18n import t
from ui.render import show_error
from ui.state import get_state
from ui.dataset_names import dataset_title
from ui.training_view import render_step_button, render_training

state = get_state()
data = state.dataset
config = state.training_config
# The form's widgets take their values from session state, seeded from the settings whenever
# those changed elsewhere (a demo, a shared link, a reopened run) or the widgets were forgotten
# (Streamlit drops a widget's value after a run on another page). Setting them through session
# state, not `value=`, is what makes the browser show the new values.
FORM_FIELDS = ("optimizer", "learning_rate", "momentum", "batch_size", "epochs", "seed", "early_stopping", "patience")
if st.session_state.get("_train_form_config") != config or "train_epochs" not in st.session_state:
    for name in FORM_FIELDS:
        st.session_state[f"train_{name}"] = getattr(config, name)
    seed_class_weight_widget(config)
    st.session_state["_train_form_config"] = config

st.title(t("train.title"))
st.caption(t("train.caption", title=dataset_title(data), n_train=f"{len(data.x_train):,}", n_val=f"{len(data.x_val):,}"))

with st.form("train_form", border=True):
    c1, c2, c3 = st.columns(3)
    optimizer = c1.selectbox(
        t("train.optimizer"), OPTIMIZERS, format_func={k: t(f"train.opt.{k}") for k in OPTIMIZERS}.get,
        key="train_optimizer", help=t("train.optimizer_help"),
    )
    learning_rate = c2.number_input(
        t("train.learning_rate"), min_value=1e-6, max_value=10.0, format="%g",
        step=0.001, key="train_learning_rate", help=t("train.learning_rate_help"),
    )
    momentum = c3.number_input(
        t("train.momentum"), min_value=0.0, max_value=0.99, step=0.05,
        key="train_momentum", help=t("train.momentum_help"),
    )
    c4, c5, c6 = st.columns(3)
    batch_size = c4.number_input(
        t("train.batch_size"), min_value=1, max_value=65536, step=1, key="train_batch_size",
        help=t("train.batch_size_help"),
    )
    epochs = c5.number_input(
        t("train.epochs"), min_value=1, max_value=100_000, step=10, key="train_epochs",
        help=t("train.epochs_help"),
    )
    seed = c6.number_input(
        t("train.seed"), min_value=0, max_value=2**31 - 1, step=1, key="train_seed",
        help=t("train.seed_help"),
    )
    c7, c8 = st.columns(2)
    early_stopping = c7.checkbox(
        t("train.early_stopping"), key="train_early_stopping",
        help=t("train.early_stopping_help"),
    )
    patience = c8.number_input(
        t("train.patience"), min_value=1, max_value=10_000, key="train_patience",
        help=t("train.patience_help"),
    )
    class_weights = render_class_weight_option(data)
    start = st.form_submit_button(t("train.train"), type="primary", icon=":material/play_arrow:", disabled=state.is_training,
                                  help=t("help.train.train"))

if start:
    try:
        state.set_training_config(TrainingConfig(
            optimizer=optimizer,
            learning_rate=float(learning_rate),
            momentum=float(momentum),
            batch_size=int(batch_size),
            epochs=int(epochs),
            early_stopping=bool(early_stopping),
            patience=int(patience),
            seed=int(seed),
            class_weights=class_weights,
        ))
        state.start_training()
    except NNExplorerError as error:
        show_error(error, t("train.fix_hint"))

render_step_button(state)
if state.job is None:
    st.info(t("train.no_job"), icon=":material/info:")
else:
    if state.job.dataset is not data or state.job.spec != state.model_spec:
        st.info(
            t("train.stale_other_model" if state.job.spec != state.model_spec else "train.stale",
              title=dataset_title(state.job.dataset)),
            icon=":material/history:",
        )
    render_training(state)
