"""Model page: pick a preset or edit the layers; see parameter counts and a diagram."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.errors import NNExplorerError
from nncore.models import ACTIVATIONS, INITIALIZERS, LAYER_KINDS, LOSSES, OUTPUT_ACTIVATIONS, ModelSpec, preset_spec, presets_for
from nncore.models.build import validate_for_data
from ui.model_preview import model_preview
from ui.layer_table import layers_from_table, layers_to_table
from ui.render import show_error, show_figure
from ui.state import get_state

state = get_state()
data = state.dataset

st.title("Model")
shape_text = (
    f"{data.input_shape[0]} input features"
    if data.input_kind == "tabular"
    else f"{data.input_kind} input of shape {' x '.join(map(str, data.input_shape))}"
)
st.caption(
    f"Design the network for **{data.title}**: {shape_text}, "
    + (f"{data.n_classes} classes to tell apart." if data.task == "classification" else "a number to predict.")
)

presets = presets_for(data.input_kind)
preset_keys = [p.key for p in presets]
titles = {p.key: p.title for p in presets}
if state.preset_key in preset_keys:
    # Keep the widget in step when the preset changed elsewhere (e.g. new data switched it).
    st.session_state["model_preset"] = state.preset_key
left, right = st.columns([3, 1], vertical_alignment="bottom")
chosen = left.selectbox(
    "Start from a preset",
    preset_keys,
    format_func=lambda key: titles[key],
    key="model_preset",
    on_change=lambda: state.set_preset(st.session_state["model_preset"]),
    help="Ready-made architectures for this kind of data. Pick one, then edit its layers below.",
)
if right.button(
    "Reset to preset", key="model_reset_preset", width="stretch",
    help="Throw away your edits and start again from the chosen preset.",
):
    state.set_preset(chosen)
st.caption(
    next(p.description for p in presets if p.key == chosen)
    + ("" if state.preset_key else "  \n*You have edited the layers: this is now a custom model.*")
)

st.subheader("Hidden layers")
st.caption(
    "One row per layer, from input to output. The output layer is added for you to match the task. "
    "Add a row with the + at the bottom; delete rows by selecting them and pressing the bin."
)
# The editor's input must stay the same object between reruns: if it were rebuilt from the
# spec the editor itself updates, Streamlit would remount the table and drop the user's edit.
# It changes only when a preset or reset replaces the layers (a new editor_version).
table_key = f"layers_editor_{state.editor_version}"
if st.session_state.get("_layers_table", (None,))[0] != table_key:
    st.session_state["_layers_table"] = (table_key, layers_to_table(state.model_spec.layers))
edited = st.data_editor(
    st.session_state["_layers_table"][1],
    key=table_key,
    num_rows="dynamic",
    width="stretch",
    hide_index=True,
    column_config={
        "kind": st.column_config.SelectboxColumn(
            "Layer", options=list(LAYER_KINDS), required=True, default="dense",
            help="dense: every neuron sees every input. conv2d: filters slide over an image. "
            "maxpool2d/avgpool2d: shrink an image. simple_rnn/lstm/gru: read a sequence step by step.",
        ),
        "units": st.column_config.NumberColumn(
            "Units / filters", min_value=1, max_value=4096, step=1, default=8,
            help="Neurons in a dense or recurrent layer; filters in a conv2d layer.",
        ),
        "activation": st.column_config.SelectboxColumn(
            "Activation", options=list(ACTIVATIONS), default="relu",
            help="The function each neuron applies to its weighted sum. ReLU is a good default; "
            "tanh and sigmoid flatten out (saturate) for large inputs.",
        ),
        "kernel_size": st.column_config.NumberColumn("Kernel", min_value=1, max_value=11, default=3, help="Filter size of a conv2d layer (3 means 3x3)."),
        "pool_size": st.column_config.NumberColumn("Pool", min_value=2, max_value=8, default=2, help="Window of a pooling layer (2 halves the image)."),
        "dropout": st.column_config.NumberColumn("Dropout", min_value=0.0, max_value=0.95, step=0.05, default=0.0, format="%.2f", help="Share of this layer's outputs switched off at random while training; fights overfitting."),
        "batch_norm": st.column_config.CheckboxColumn("Batch norm", default=False, help="Re-centre and re-scale this layer's outputs; often speeds up training."),
        "l1": st.column_config.NumberColumn("L1", min_value=0.0, max_value=1.0, step=0.0001, default=0.0, format="%.4f", help="Penalty on the sum of |weights|: pushes weights to exactly zero."),
        "l2": st.column_config.NumberColumn("L2", min_value=0.0, max_value=1.0, step=0.0001, default=0.0, format="%.4f", help="Penalty on the sum of squared weights: keeps weights small."),
        "initializer": st.column_config.SelectboxColumn("Initializer", options=list(INITIALIZERS), default="glorot_uniform", help="How the starting weights are drawn. He suits ReLU; Glorot suits tanh and sigmoid."),
    },
)

with st.expander("Output layer and loss", expanded=False):
    c1, c2 = st.columns(2)
    output_activation = c1.selectbox(
        "Output activation", OUTPUT_ACTIVATIONS, index=OUTPUT_ACTIVATIONS.index(state.model_spec.output_activation),
        key="model_output_activation",
        help="auto: softmax for several classes, sigmoid for two, linear for a number.",
    )
    loss = c2.selectbox(
        "Loss", LOSSES, index=LOSSES.index(state.model_spec.loss), key="model_loss",
        help="auto: cross-entropy for classes, mean squared error (mse) for numbers. Hinge is the SVM loss.",
    )

try:
    spec = ModelSpec(
        layers=layers_from_table(edited),
        name=state.model_spec.name,
        output_activation=output_activation,
        loss=loss,
        description=state.model_spec.description,
    )
    objective = validate_for_data(spec, data)
except NNExplorerError as error:
    show_error(error, "The previous working model is kept until this is fixed.")
    spec = None

if spec is not None:
    if spec != state.model_spec:
        state.model_spec = spec
        if state.preset_key and spec.layers != preset_spec(state.preset_key, data).layers:
            state.preset_key = None
    preview = model_preview(state)
    if isinstance(preview, Exception):
        show_error(preview)
    else:
        total = sum(row["parameters"] for row in preview.rows)
        trainable = sum(row["trainable"] for row in preview.rows)
        m1, m2, m3 = st.columns(3)
        m1.metric("Parameters", f"{total:,}", help="Numbers the network learns (weights and biases).")
        m2.metric("Trainable", f"{trainable:,}", help="Batch-norm running averages are counted but not trained.")
        m3.metric("Output", f"{objective.output_units} × {objective.output_activation}", help=f"Loss: {objective.loss_label}")
        show_figure(preview.figure, key="model_diagram")
        st.dataframe(pd.DataFrame(preview.rows), hide_index=True, width="stretch")

with st.expander("Architecture as JSON", expanded=False):
    st.caption("The whole architecture as plain data: save it, compare it, or rebuild it exactly.")
    st.code(state.model_spec.to_json(), language="json")
