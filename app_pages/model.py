"""Model page: pick a preset or edit the layers; see parameter counts and a diagram."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nncore.errors import NNExplorerError
from nncore.models import ACTIVATIONS, INITIALIZERS, LAYER_KINDS, LOSSES, OUTPUT_ACTIVATIONS, ModelSpec, presets_for
from nncore.models.build import validate_for_data
from ui.i18n import current_language, t
from ui.dataset_names import dataset_title
from ui.model_preview import model_preview
from ui.layer_table import layers_from_table, layers_to_table
from ui.render import show_error, show_figure
from ui.state import get_state

state = get_state()
data = state.dataset

st.title(t("model.title"))
shape_text = (
    t("model.shape_tabular", n=data.input_shape[0])
    if data.input_kind == "tabular"
    else t(f"model.shape_{data.input_kind}", shape=" x ".join(map(str, data.input_shape)))
)
st.caption(
    t("model.caption", title=dataset_title(data), shape=shape_text)
    + (t("model.caption_classes", n=data.n_classes) if data.task == "classification" else t("model.caption_number"))
)


def _preset_text(preset, suffix: str = "") -> str:
    return t(f"model.preset.{preset.key}{suffix}")  # a preset's words are catalogue entries by its key


presets = presets_for(data.input_kind)
preset_keys = [p.key for p in presets]
titles = {p.key: _preset_text(p) for p in presets}
if state.preset_key in preset_keys:
    # Keep the widget in step when the preset changed elsewhere (e.g. new data switched it).
    st.session_state["model_preset"] = state.preset_key
    st.session_state["_model_preset_started_from"] = state.preset_key
elif "model_preset" not in st.session_state and st.session_state.get("_model_preset_started_from") in preset_keys:
    # An edited model, the page opened again: Streamlit forgot the widget's choice with the
    # page, and the box fell back to the first preset (logistic regression), which "Reset to
    # preset" would then load. It shows the preset the edits started from.
    st.session_state["model_preset"] = st.session_state["_model_preset_started_from"]
left, right = st.columns([3, 1], vertical_alignment="bottom")
chosen = left.selectbox(
    t("model.preset"),
    preset_keys,
    format_func=lambda key: titles[key],
    key="model_preset",
    on_change=lambda: state.set_preset(st.session_state["model_preset"]),
    help=t("model.preset_help"),
)
if right.button(
    t("model.reset"), key="model_reset_preset", width="stretch", help=t("model.reset_help"),
):
    state.set_preset(chosen)
st.caption(next(_preset_text(p, ".desc") for p in presets if p.key == chosen))
# Whether the layers are the preset's or edited is known only after the table below is read,
# so its line is written there, into this slot, which always holds one line: appearing and
# disappearing, it moved the table under the pointer of someone editing a cell.
layers_note = st.empty()

st.subheader(t("model.hidden_layers"))
st.caption(t("model.hidden_layers_caption"))
# The editor's input must stay the same object between reruns: if it were rebuilt from the
# spec the editor itself updates, Streamlit would remount the table and drop the user's edit.
# It changes only when a preset or reset replaces the layers (a new editor_version), or when
# the editor's own state is gone: Streamlit forgets a widget's edits once a run leaves it out
# (another page was opened), so coming back the table starts again from the model as it is,
# edits included. Kept, the old input came back without its edits and the page then wrote
# those old layers over the edited model (issue 21: "the old value put back").
table_key = f"layers_editor_{state.editor_version}"
# Widths in pixels so all ten columns fit a 1366x768 screen in both languages
# (tests/e2e/test_tables_fit.py); a header cut short is whole in its help tooltip.
LAYER_WIDTHS = {"kind": 100, "units": 110, "activation": 95, "kernel_size": 70, "pool_size": 60, "dropout": 70,
                "batch_norm": 80, "l1": 70, "l2": 70, "initializer": 125}
# Another language relabels the columns, which makes a new editor too (Streamlit's identity of
# a data editor includes its column settings): its edits are gone as well.
table_tag = (table_key, current_language())
if st.session_state.get("_layers_table", (None,))[0] != table_tag or table_key not in st.session_state:
    st.session_state["_layers_table"] = (table_tag, layers_to_table(state.model_spec.layers))
edited = st.data_editor(
    st.session_state["_layers_table"][1],
    key=table_key,
    num_rows="dynamic",
    width="stretch",
    hide_index=True,
    column_config={
        "kind": st.column_config.SelectboxColumn(
            t("model.col_layer"), options=list(LAYER_KINDS), required=True, default="dense", width=LAYER_WIDTHS["kind"],
            help=t("model.col_layer_help"),
        ),
        "units": st.column_config.NumberColumn(
            t("model.col_units"), min_value=1, max_value=4096, step=1, default=8, width=LAYER_WIDTHS["units"],
            help=t("model.col_units_help"),
        ),
        "activation": st.column_config.SelectboxColumn(
            t("model.col_activation"), options=list(ACTIVATIONS), default="relu", width=LAYER_WIDTHS["activation"],
            help=t("model.col_activation_help"),
        ),
        "kernel_size": st.column_config.NumberColumn(t("model.col_kernel"), min_value=1, max_value=11, default=3, width=LAYER_WIDTHS["kernel_size"], help=t("model.col_kernel_help")),
        "pool_size": st.column_config.NumberColumn(t("model.col_pool"), min_value=2, max_value=8, default=2, width=LAYER_WIDTHS["pool_size"], help=t("model.col_pool_help")),
        "dropout": st.column_config.NumberColumn(t("model.col_dropout"), min_value=0.0, max_value=0.95, step=0.05, default=0.0, format="%.2f", width=LAYER_WIDTHS["dropout"], help=t("model.col_dropout_help")),
        "batch_norm": st.column_config.CheckboxColumn(t("model.col_batch_norm"), default=False, width=LAYER_WIDTHS["batch_norm"], help=t("model.col_batch_norm_help")),
        "l1": st.column_config.NumberColumn("L1", min_value=0.0, max_value=1.0, step=0.0001, default=0.0, format="%.4f", width=LAYER_WIDTHS["l1"], help=t("model.col_l1_help")),
        "l2": st.column_config.NumberColumn("L2", min_value=0.0, max_value=1.0, step=0.0001, default=0.0, format="%.4f", width=LAYER_WIDTHS["l2"], help=t("model.col_l2_help")),
        "initializer": st.column_config.SelectboxColumn(t("model.col_initializer"), options=list(INITIALIZERS), default="glorot_uniform", width=LAYER_WIDTHS["initializer"], help=t("model.col_initializer_help")),
    },
)

with st.expander(t("model.output_and_loss"), expanded=False):
    c1, c2 = st.columns(2)
    output_activation = c1.selectbox(
        t("model.output_activation"), OUTPUT_ACTIVATIONS, index=OUTPUT_ACTIVATIONS.index(state.model_spec.output_activation),
        format_func={v: t(f"model.out_opt.{v}") for v in OUTPUT_ACTIVATIONS}.get,
        key="model_output_activation",
        help=t("model.output_activation_help"),
    )
    loss = c2.selectbox(
        t("model.loss"), LOSSES, index=LOSSES.index(state.model_spec.loss), key="model_loss",
        format_func={v: t(f"model.loss_opt.{v}") for v in LOSSES}.get,
        help=t("model.loss_help"),
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
    show_error(error, t("model.keep_previous"))
    spec = None

if spec is not None:
    state.edit_model(spec)
layers_note.caption(t("loose.model_preset_layers") if state.preset_key else t("model.custom"))

if spec is not None:
    preview = model_preview(state)
    if isinstance(preview, Exception):
        show_error(preview)
    else:
        total = sum(row["parameters"] for row in preview.rows)
        trainable = sum(row["trainable"] for row in preview.rows)
        m1, m2, m3 = st.columns(3)
        m1.metric(t("model.parameters"), f"{total:,}", help=t("model.parameters_help"))
        m2.metric(t("model.trainable"), f"{trainable:,}", help=t("model.trainable_help"))
        m3.metric(t("model.output"), f"{objective.output_units} × {objective.output_activation}",
                  help=t("model.output_help", loss=objective.loss_label))
        show_figure(preview.figure, key="model_diagram")
        st.dataframe(
            pd.DataFrame(preview.rows).rename(columns=lambda name: t(f"model.table.{name.replace(' ', '_')}")),
            hide_index=True, width="stretch",
        )

with st.expander(t("model.json"), expanded=False):
    st.caption(t("model.json_caption"))
    # Wrapped lines: a block that scrolls sideways cannot be reached by the keyboard (st.code's
    # <pre> takes no focus; axe-core: scrollable-region-focusable).
    st.code(state.model_spec.to_json(), language="json", wrap_lines=True)
