"""Train page: settings, a Train button, and live curves of a job running in the background."""

from __future__ import annotations

import streamlit as st

from nncore.errors import NNExplorerError
from nncore.training.config import OPTIMIZER_TITLES, OPTIMIZERS, TrainingConfig
from ui.render import show_error
from ui.state import get_state
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
    st.session_state["_train_form_config"] = config

st.title("Train")
st.caption(
    f"Train the model on **{data.title}** ({len(data.x_train):,} training and {len(data.x_val):,} "
    "validation examples). Curves update live; you can stop at any time and keep the model."
)

with st.form("train_form", border=True):
    c1, c2, c3 = st.columns(3)
    optimizer = c1.selectbox(
        "Optimizer", OPTIMIZERS, format_func=OPTIMIZER_TITLES.get,
        key="train_optimizer",
        help="How the weights are nudged after each batch. Adam adapts its step size per weight and "
        "is a safe default; SGD with momentum is the classic rule.",
    )
    learning_rate = c2.number_input(
        "Learning rate", min_value=1e-6, max_value=10.0, format="%g",
        step=0.001, key="train_learning_rate",
        help="How big each update step is. Too small: slow learning. Too large: the loss jumps "
        "around or blows up.",
    )
    momentum = c3.number_input(
        "Momentum (SGD only)", min_value=0.0, max_value=0.99, step=0.05,
        key="train_momentum",
        help="SGD keeps this share of its previous step, which smooths and speeds up descent.",
    )
    c4, c5, c6 = st.columns(3)
    batch_size = c4.number_input(
        "Batch size", min_value=1, max_value=65536, step=1, key="train_batch_size",
        help="Examples looked at before each weight update. Small batches: noisier but more updates.",
    )
    epochs = c5.number_input(
        "Epochs", min_value=1, max_value=100_000, step=10, key="train_epochs",
        help="How many times training goes through the whole training set.",
    )
    seed = c6.number_input(
        "Seed", min_value=0, max_value=2**31 - 1, step=1, key="train_seed",
        help="Same seed, same starting weights and batch order: the same curves on the same machine.",
    )
    c7, c8 = st.columns(2)
    early_stopping = c7.checkbox(
        "Early stopping", key="train_early_stopping",
        help="Stop when the validation loss has not improved for a while, and keep the best weights.",
    )
    patience = c8.number_input(
        "Patience (epochs)", min_value=1, max_value=10_000, key="train_patience",
        help="With early stopping: how many epochs without improvement to wait.",
    )
    start = st.form_submit_button("Train", type="primary", icon=":material/play_arrow:", disabled=state.is_training)

if start:
    try:
        state.training_config = TrainingConfig(
            optimizer=optimizer,
            learning_rate=float(learning_rate),
            momentum=float(momentum),
            batch_size=int(batch_size),
            epochs=int(epochs),
            early_stopping=bool(early_stopping),
            patience=int(patience),
            seed=int(seed),
        )
        state.start_training()
    except NNExplorerError as error:
        show_error(error, "Fix this on the Model page or in the settings above, then train again.")

render_step_button(state)
if state.job is None:
    st.info("Choose settings and press **Train**. The defaults suit the loaded data.", icon=":material/info:")
else:
    if state.job.dataset is not data or state.job.spec != state.model_spec:
        st.info(
            f"The results below are from your last training, on **{state.job.dataset.title}**"
            + (" with a different model" if state.job.spec != state.model_spec else "")
            + ". Press **Train** to train the current model on the current data.",
            icon=":material/history:",
        )
    render_training(state)
