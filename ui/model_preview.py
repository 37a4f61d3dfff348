"""Build the current spec once per change to show its parameters and diagram."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from nncore.errors import NNExplorerError
from ui.i18n import t
from ui.shared_figures import shared
from ui.state import SessionState


@dataclass(frozen=True)
class ModelPreview:
    rows: list[dict]
    figure: go.Figure


def _input_label(data) -> str:
    if data.input_kind == "tabular":
        return f"{data.input_shape[0]} features"
    return " x ".join(map(str, data.input_shape))


def model_preview(state: SessionState) -> ModelPreview | Exception:
    """Parameter table and diagram for the session's spec on its data (cached per session, and
    shared by the sessions that preview the same spec on data of the same shape)."""
    data = state.dataset
    cache_key = (state.model_spec.to_json(), data.key, data.input_kind, data.input_shape, data.task, data.n_classes)
    cached = st.session_state.get("_model_preview")
    if cached and cached[0] == cache_key:
        return cached[1]
    with st.spinner(t("model.building")):
        # Building a model runs dozens of small framework operations, which wait behind the
        # trainings' on a busy server (the slowest first page runs at 30 sessions, issue 19);
        # the preview depends on nothing but the key, so a class builds it once.
        try:
            preview = shared("model_preview", cache_key, lambda: _build_preview(state.model_spec, data))
        except NNExplorerError as error:  # not kept: the next run says it again, at once
            return error
    st.session_state["_model_preview"] = (cache_key, preview)
    return preview


def _build_preview(spec, data) -> ModelPreview:
    from nncore.models.build import build_model, parameter_table
    from nncore.plots.model_plots import can_draw_neurons, layer_boxes, neuron_graph

    model = build_model(spec, data)
    rows = parameter_table(model)
    dense_only = data.input_kind == "tabular" and all(row["type"] == "Dense" for row in rows)
    sizes = [data.input_shape[0]] + [int(model.get_layer(row["layer"]).units) for row in rows] if dense_only else []
    if dense_only and can_draw_neurons(sizes):
        names = ["input"] + [row["layer"] for row in rows]
        figure = neuron_graph(sizes, names, words=t)
    else:
        figure = layer_boxes(rows, _input_label(data), words=t)
    return ModelPreview(rows, figure)
