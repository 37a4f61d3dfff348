"""The Inside page's "One input" tab: one test example's path through every layer."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from nncore.inspect.activations import top_examples, unit_values
from nncore.plots import inside_plots
from ui.safe_text import markdown_text
from ui.draw_digit import can_draw, draw_digit
from ui.i18n import t
from ui.layer_label import layer_label, layer_labels
from ui.inside_cache import InsideData
from ui.render import PLOTLY_CONFIG, show_figure
from ui.row_label import row_column_title, row_label, row_labels_help

GALLERY = 16
MAX_EDITABLE_FEATURES = 16
TOP_COUNT = 8


def render_one_input(inside: InsideData) -> None:
    run = inside.run
    data = run.dataset
    n = len(data.x_test)
    if data.input_kind == "image":
        with st.expander(t("inside.gallery"), expanded=True):
            labels = [f"{row_label(data, k)} · {data.class_names[int(data.y_test[k])]}" if data.class_names else row_label(data, k)
                      for k in range(min(GALLERY, n))]
            show_figure(inside_plots.image_tiles(data.x_test[:GALLERY], labels, columns=8, title=None, words=t), key="inside_gallery")
    # Named as on Evaluate and Explain (row in the file, an ID, or "#k"), never by position.
    names = {k: row_label(data, k) for k in range(n)}
    if st.session_state.get("inside_index") not in names:
        st.session_state.pop("inside_index", None)  # another run, with fewer test examples
    index = int(st.selectbox(
        t("rowid.pick", n=n), range(n), key="inside_index", format_func=names.get,
        help=t("inside.index_help") + " " + row_labels_help(data),
    ))
    x = data.x_test[index : index + 1]
    edited = drawn = False
    if data.input_kind == "tabular" and len(data.feature_names) <= MAX_EDITABLE_FEATURES:
        x, edited = _edited_input(data, index, x)
    if can_draw(data) and st.toggle(t("draw.toggle"), key="inside_draw", help=t("draw.toggle_help")):
        drawing, _ = draw_digit(data, "inside_canvas")  # every view below follows the drawing
        if drawing is not None:
            x, edited, drawn = drawing[None], True, True
    values = inside.probe(x)
    left, right = st.columns(2)
    with left:
        truth = _truth(data, index)
        what = (t("draw.inside_input") if drawn else t("rowid.inside_edited", label=names[index]) if edited
                else t("rowid.inside_input", label=names[index], truth=truth))
        bars, bar_names = _input_bars(data, x[0])
        show_figure(inside_plots.input_picture(bars, data.input_kind, bar_names, title=what, words=t), key="inside_input")
    with right:
        out = values[inside.probe.layers[-1].name][0]
        if data.task == "classification":
            probs = out if out.size > 1 else np.array([1 - out[0], out[0]])
            show_figure(inside_plots.probability_bars(probs, data.class_names, None if edited else int(data.y_test[index]),
                                                      title=t("inside.answers") if edited else t("inside.answers_true"), words=t),
                        key="inside_probs")
        else:
            predicted = float(data.preprocessing.inverse_target(np.atleast_1d(out)[:1])[0])
            st.metric(t("inside.prediction"), f"{predicted:.4g}", help=t("inside.true_value", truth=markdown_text(truth)))

    layers = [info for info in inside.probe.layers if info.kind not in ("dropout",)]
    names = [info.name for info in layers]
    chosen = st.selectbox(t("inside.layer"), names, index=0, format_func=layer_labels(inside.probe, names).get, key="inside_layer",
                          help=t("inside.layer_help"))
    info = inside.probe.layer(chosen)
    layer_values = values[chosen][0]
    unit = None
    if info.has_units or info.kind in ("pool", "flatten", "batch_norm"):
        count = layer_values.shape[-1]
        classes = data.class_names if info.kind == "output" and data.class_names else None
        # Labels built now, in this run's language (see ui/translations.py).
        unit_labels = {k: t("inside.unit_class", k=k, name=classes[k] if k < len(classes) else k) if classes
                       else t("inside.unit_n", k=k) for k in range(count)}
        unit = st.selectbox(t("inside.unit"), range(count), index=0, key=f"inside_unit_{chosen}",
                            format_func=unit_labels.get, help=t("inside.unit_help"))
    _layer_figure(inside, info, values, layer_values, unit)
    if unit is not None:
        _top_examples(inside, chosen, unit)


def _input_bars(data, x: np.ndarray) -> tuple[np.ndarray, tuple[str, ...]]:
    """The input as drawn: one bar per table column ("colour = red" for a one-hot column),
    or one per model input when the person asks for the one-hot parts."""
    from nncore.data.table_encoding import feature_groups

    groups = feature_groups(data) if data.input_kind == "tabular" else None
    if groups is None or st.toggle(t("rowid.show_parts"), key="inside_show_parts", help=t("rowid.show_parts_help")):
        return x, tuple(data.feature_names)
    from nncore.explain.grouping import column_bars, group_names

    return column_bars(x, groups), group_names(groups, x)


def _edited_input(data, index: int, x: np.ndarray) -> tuple[np.ndarray, bool]:
    """The test example, or the user's edit of it (in the features' original units)."""
    raw = data.preprocessing.inverse_features(x)[0]
    with st.expander(t("inside.edit"), expanded=False):
        use = st.toggle(t("inside.use_mine"), key="inside_edit_on", help=t("inside.use_mine_help"))
        columns = st.columns(min(4, len(raw)))
        # Keyed by example: choosing another example starts from its own values.
        new = [
            columns[k % len(columns)].number_input(markdown_text(name), value=float(raw[k]), format="%g",
                                                 key=f"inside_edit_{index}_{k}",
                                                 help=t("help.inside.edit_value", name=markdown_text(name)))
            for k, name in enumerate(data.feature_names)
        ]
    if not use:
        return x, False
    return data.preprocessing.transform_features(np.asarray([new], dtype=np.float32)), True


def _truth(data, index: int) -> str:
    if data.task == "classification":
        return str(data.class_names[int(data.y_test[index])])
    return f"{float(data.preprocessing.inverse_target(data.y_test[index : index + 1])[0]):.4g}"


def _layer_figure(inside: InsideData, info, values, layer_values: np.ndarray, unit) -> None:
    described = ("dense", "output", "conv", "pool", "recurrent", "flatten")
    st.caption(t(f"inside.what.{info.kind}" if info.kind in described else "inside.what.other"))
    title = t("inside.for_input", layer=layer_label(info))
    if info.kind == "recurrent":
        over_time = inside.probe.over_time(info.name, values)
        show_figure(inside_plots.hidden_state_over_time(over_time[0], t("inside.hidden_over_time", layer=layer_label(info)), words=t), key="inside_layer_fig")
        show_figure(inside_plots.unit_bars(layer_values, t("inside.final_state", layer=info.name), highlight=unit, words=t),
                    key="inside_layer_final")
    elif layer_values.ndim == 3:
        show_figure(inside_plots.feature_map_grid(layer_values, title, words=t), key="inside_layer_fig")
    else:
        data = inside.run.dataset
        labels = None
        if info.kind == "output" and data.class_names and len(data.class_names) == layer_values.size:
            labels = [str(c) for c in data.class_names]
        fig = inside_plots.unit_bars(layer_values, title, labels, highlight=unit, words=t)
        if layer_values.size > inside_plots.MAX_BARS:
            show_figure(fig, key="inside_layer_fig")
            return
        # Clicking a bar follows that unit (the selectbox above shows it too).
        chart_key = f"inside_bars_{info.name}"
        st.plotly_chart(
            fig, width="stretch", key=chart_key, config=PLOTLY_CONFIG, selection_mode="points",
            on_select=lambda: _follow_clicked_unit(chart_key, f"inside_unit_{info.name}"),
        )
        st.caption(t("inside.click_bar"))


def _follow_clicked_unit(chart_key: str, unit_key: str) -> None:
    """on_select callback: make the clicked bar's unit the followed one."""
    event = st.session_state.get(chart_key)
    points = (event or {}).get("selection", {}).get("points", [])
    if points:
        st.session_state[unit_key] = int(points[0]["point_index"])


def _top_examples(inside: InsideData, layer: str, unit: int) -> None:
    data = inside.run.dataset
    per_unit = inside.lazy(("unit_values", layer), lambda: unit_values(inside.values[layer]))
    strongest = top_examples(per_unit[:, unit], TOP_COUNT)
    rows = inside.sample[strongest]
    key = "inside.top_averaged" if inside.values[layer].ndim > 2 else "inside.top"
    st.markdown(t(key, n=len(rows), unit=unit, layer=layer, total=f"{len(inside.sample):,}"))
    if data.input_kind == "image":
        labels = [f"{row_label(data, r)} · {per_unit[s, unit]:.2f}" for r, s in zip(rows, strongest)]
        show_figure(inside_plots.image_tiles(data.x_test[rows], labels, columns=8, title=None, words=t), key="inside_top")
        return
    table = pd.DataFrame({"test example": [row_label(data, r) for r in rows], "activation": per_unit[strongest, unit]})
    if data.task == "classification":
        table["true class"] = [data.class_names[int(data.y_test[r])] for r in rows]
    if data.input_kind == "tabular":
        raw = data.preprocessing.inverse_features(data.x_test[rows])
        for k, name in enumerate(data.feature_names):
            table[name] = raw[:, k]
    # Column names stay as data (tests read them); only their headers are translated.
    headers = {"test example": row_column_title(data), "activation": t("inside.col_activation"),
               "true class": t("inside.col_class")}
    with st.container(key="data_columns_inside_top"):  # the data's own columns: scrolls by nature
        st.dataframe(table, hide_index=True, width="stretch", key="inside_top_table",
                     column_config={name: st.column_config.Column(label) for name, label in headers.items() if name in table})
