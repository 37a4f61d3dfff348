"""Home page: what the app is and how to start. It must render without importing TensorFlow."""

from __future__ import annotations

import streamlit as st

from nncore.errors import NNExplorerError
from ui.demos import DEMOS
from ui.render import show_error
from ui.state import get_state
from ui.tour import start_demo

state = get_state()

st.title("NN Explorer")
st.markdown(
    "Pick a dataset, build a neural network, **train it right here in your browser** and watch it "
    "learn. No programming needed: every control explains itself when you hover over it."
)

st.subheader("Guided demos: one click each")
st.caption("Each demo loads its data and network, trains it in a few seconds and walks you through "
           "what to look at, page by page. Leave the tour whenever you like and keep what it built.")
columns = st.columns(3)
for index, demo in enumerate(DEMOS):
    with columns[index % 3].container(border=True, height="stretch", key=f"demo_card_{demo.key}"):
        st.markdown(f"{demo.icon} **{demo.title}**  \n{demo.blurb}")
        if st.button("Start", key=f"demo_{demo.key}", icon=":material/play_circle:",
                     help="Loads the demo's data and model, trains it, and shows you around."):
            start_demo(state, demo.key)

st.subheader("Start in three steps")
c1, c2, c3 = st.columns(3)
with c1.container(border=True, height="stretch"):
    st.markdown("**1 · Data**  \nTwo-dimensional puzzles (circles, spiral, XOR), medical and botanical "
                "tables, handwritten digits, time series, or your own CSV file.")
    st.page_link("app_pages/data.py", label="Choose data", icon=":material/dataset:")
with c2.container(border=True, height="stretch"):
    st.markdown("**2 · Model**  \nStart from a ready-made network (logistic regression, MLP, CNN, LSTM) "
                "and change its layers, neurons and activations.")
    st.page_link("app_pages/model.py", label="Design the network", icon=":material/account_tree:")
with c3.container(border=True, height="stretch"):
    st.markdown("**3 · Train**  \nWatch the loss fall and the accuracy rise, epoch by epoch. "
                "Stop whenever you like; the model trained so far is kept.")
    st.page_link("app_pages/train.py", label="Train it", icon=":material/model_training:")

st.subheader("Or try it now")
st.markdown(
    f"**{state.dataset.title}** is loaded with a small network. One click trains it with sensible "
    "settings and takes you to the live curves."
)
if st.button("Train the loaded network", type="primary", icon=":material/play_arrow:", key="home_quick_train",
             disabled=state.is_training,
             help="Trains the current model on the current data with the current settings."):
    try:
        state.start_training()
        st.switch_page("app_pages/train.py")
    except NNExplorerError as error:
        show_error(error, "Change the model on the Model page, then try again.")

with st.expander("What is a neural network, in two paragraphs?"):
    st.markdown(
        "An artificial neuron adds up its inputs, each multiplied by a *weight*, adds a *bias*, and "
        "passes the sum through an *activation function* (for example ReLU, which keeps positive "
        "values and turns negative ones into zero). Neurons arranged in layers, each feeding the "
        "next, form a network. It is loosely inspired by brain cells, which also sum incoming "
        "signals and fire when a threshold is crossed.\n\n"
        "*Training* shows the network examples with known answers. A *loss* measures how wrong its "
        "answers are; *backpropagation* works out how each weight contributed to that error, and "
        "*gradient descent* nudges every weight a little in the direction that lowers the loss. "
        "One pass over all the training examples is an *epoch*."
    )
