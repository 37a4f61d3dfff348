"""Explain page: why did the model say that? Several methods side by side for one example,
a check of which to trust, and views of the whole model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from nncore.plots import data_plots
from ui.explain_global import render_global
from ui.explain_picker import gallery, matching_pool, pick_example, take_request
from ui.explain_sentences import render_sentences
from ui.explain_trust import render_trust
from ui.explain_view import (
    ACTIVE_KEY,
    DEFAULT_METHODS,
    DEFAULT_SETTINGS,
    cached,
    explain,
    explainable,
    method_params,
    pin,
    warm_up_explainers,
)
from ui.draw_digit import can_draw, draw_digit
from ui.explain_whatif import edited_input, render_whatif
from ui.safe_text import markdown_text
from ui.baselines_view import format_error
from ui.engine_preload import first_explanation_warming, wait_for_first_explanation
from ui.i18n import current_language, say, t
from ui.render import show_error, show_figure
from ui.row_label import row_label, row_label_md
from ui.state import get_state
from ui.dataset_names import dataset_title

state = get_state()
run = state.run

st.title(t("explain.title"))
st.caption(t("explain.caption"))


def _prediction_line(data, model, x: np.ndarray, index: int, edited: bool) -> None:
    output = model.predict_proba(x[None])[0]
    if data.task == "classification":
        predicted = int(np.argmax(output))
        truth = int(data.y_test[index])
        if edited:
            st.markdown(t("explain.prediction_edited", predicted=markdown_text(data.class_names[predicted]),
                          sure=f"{output[predicted]:.0%}", truth=markdown_text(data.class_names[truth])))
        else:
            st.markdown(t("explain.prediction_right" if predicted == truth else "explain.prediction_wrong",
                          predicted=markdown_text(data.class_names[predicted]), sure=f"{output[predicted]:.0%}",
                          truth=markdown_text(data.class_names[truth])))
    else:
        value = float(np.atleast_1d(output)[0])  # ExplainableModel speaks in the target's units
        truth = float(data.preprocessing.inverse_target(data.y_test[index : index + 1])[0])
        # In the target's units, named: the attributions below are in the same units.
        st.markdown(t("explain.prediction_value_edited" if edited else "explain.prediction_value",
                      value=format_error(value, data), truth=format_error(truth, data)))


def _drawn_prediction(data, model, x: np.ndarray) -> None:
    """The network's answer to a drawn digit and its probability for every digit."""
    from nncore.plots import inside_plots

    output = model.predict_proba(x[None])[0]
    probabilities = output if output.size > 1 else np.array([1 - output[0], output[0]])
    predicted = int(np.argmax(probabilities))
    st.markdown(t("draw.this_drawing"))
    st.markdown(t("draw.prediction", predicted=markdown_text(data.class_names[predicted]), sure=f"{probabilities[predicted]:.0%}"))
    show_figure(inside_plots.probability_bars(probabilities, data.class_names, None, title=t("draw.probabilities"), words=t),
                key="explain_drawn_probabilities")


def _show_instance(data, x: np.ndarray, index: int, changes: dict) -> None:
    x_raw = data.preprocessing.inverse_features(x[None])
    if data.input_kind == "image":
        show_figure(data_plots.image_grid(x_raw, [row_label(data, index)], columns=1, title=None, words=t), key="explain_instance")
    elif data.input_kind == "tabular":
        from ui.feature_notes import column_help  # what each column means, in its header's hover

        with st.container(key="data_columns_explain_instance"):  # the data's own columns: scrolls by nature
            st.dataframe(pd.DataFrame(x_raw, columns=list(data.feature_names)), hide_index=True, width="stretch",
                         column_config=column_help(data), key="explain_instance_values")
        if changes:
            st.caption(t("explain.edited") + "; ".join(f"{markdown_text(name)} {was:.4g} → {now:.4g}" for name, (was, now) in changes.items()))
    else:
        st.line_chart(pd.DataFrame(x_raw[0], columns=list(data.feature_names)), height=160)


def _settings(data) -> dict:
    with st.expander(t("explain.settings"), icon=":material/tune:"):
        a, b, c, d = st.columns(4)
        baselines = ["zeros", "mean"] + (["blur"] if data.input_kind == "image" else [])
        steps = ["auto", 16, 32, 64, 128, 256, 512]
        settings = {
            "ig_steps": a.select_slider(t("explain.ig_steps"), steps, value=DEFAULT_SETTINGS["ig_steps"],
                                        key="explain_ig_steps", help=t("tfix.ig_steps_help"),
                                        format_func={s: t("tfix.ig_steps_auto") if s == "auto" else str(s) for s in steps}.get),
            "ig_baseline": b.selectbox(t("explain.ig_baseline"), baselines, key="explain_ig_baseline",
                                       format_func={b: t(f"explain.baseline_{b}") for b in baselines}.get,
                                       help=t("explain.ig_baseline_help")),
            "lime_samples": c.select_slider(t("explain.lime_samples"), [500, 1000, 2000, 5000], value=DEFAULT_SETTINGS["lime_samples"],
                                            key="explain_lime_samples", help=t("explain.lime_samples_help")),
            "seed": d.number_input(t("explain.seed"), 0, 10_000, DEFAULT_SETTINGS["seed"], key="explain_seed",
                                   help=t("explain.seed_help")),
        }
        if data.task == "classification":
            settings["target"] = a.radio(
                t("tfix.target"), ["score", "probability"], horizontal=True, key="explain_target",
                format_func={k: t(f"tfix.target_{k}") for k in ("score", "probability")}.get, help=t("tfix.target_help"),
            )
    return settings


_words_later: list = []  # this script run's sentences, written after the report card

METHODS_CHOSEN_KEY = "explain_methods_chosen"  # the methods last chosen, by key, in any language
WARM_UP_WAIT_S = 60.0  # then compute anyway: the warm-up only saves time


def _run_methods(run, model, x, instance, chosen, by_key, settings) -> list:
    """Each chosen method, from the cache or computed now, with progress and a Cancel button."""
    todo = [k for k in chosen if cached(run, instance, by_key[k], method_params(k, settings)) is None]
    progress = None
    slot = st.empty()  # progress and Cancel, cleared once every method is done
    if todo:
        left, right = slot.container().columns([4, 1], vertical_alignment="center")
        progress = left.progress(0.0, text=t("explain.explaining"))
        right.button(t("explain.cancel"), icon=":material/cancel:", key="explain_cancel",
                              on_click=lambda: st.session_state.update({ACTIVE_KEY: None}),
                              help=t("explain.cancel_help"))
        if first_explanation_warming():  # a fresh server: say why the first explanation waits
            progress.progress(0.0, text=t("cold.setting_up"))
            wait_for_first_explanation(WARM_UP_WAIT_S)
    explanations = []
    for step, key in enumerate(chosen, start=1):
        method = by_key[key]
        if progress is not None and key in todo:
            progress.progress((step - 1) / len(chosen), text=t("explain.running", method=say(method.title), step=step, n=len(chosen)))
        try:
            explanations.append(explain(run, model, x, instance, method, method_params(key, settings)))
        except Exception as error:  # noqa: BLE001 - one failing method must not hide the others
            show_error(error, t("explain.method_failed", method=say(method.title)))
    slot.empty()
    return explanations


def _one_bar_per_column(run, explanations: list, key: str) -> tuple[list, object]:
    """The explanations with a text column's one-hot parts summed into one bar (unless the
    person asks for the parts), and the groups used (None: nothing was grouped)."""
    from nncore.data.table_encoding import feature_groups
    from nncore.explain import grouped

    groups = feature_groups(run.dataset) if explanations[0].input_kind == "tabular" else None
    if groups is None:
        return explanations, None
    if st.toggle(t("rowid.show_parts"), key=key, help=t("rowid.show_parts_help")):
        return explanations, None
    return [grouped(e, groups) for e in explanations], groups


def _show_results(run, explanations) -> None:
    from nncore.plots.explain_plots import compare_explanations

    kind = explanations[0].input_kind
    parts = explanations  # as computed: one value per model input
    explanations, groups = _one_bar_per_column(run, explanations, "explain_show_parts")
    scale_each = st.toggle(
        t("explain.scale_each"), value=kind == "image", key=f"explain_scale_{kind}",
        help=t("explain.scale_each_help"),
    )
    figure = compare_explanations(explanations, scale_each=scale_each, words=t)
    if kind == "tabular":
        from ui.feature_notes import add_meanings_to_hovers  # what each input measures, in its bar's hover

        add_meanings_to_hovers(figure, run.dataset)
    show_figure(figure, key="explain_compare")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "method": say(e.method),
                    "explains": e.output_label + (t("tfix.score_suffix") if e.target == "score" else ""),
                    "model output": e.predicted_value,
                    "sum of attributions": float(np.sum(e.values)),
                    # Text, so a method without a base value shows a dash rather than "None".
                    "base value": "–" if e.base_value is None else f"{e.base_value:.4g}",
                    "seconds": round(e.seconds, 3),
                }
                for e in explanations
            ]
        ),
        hide_index=True, width="stretch",
        column_config={name: st.column_config.Column(t(f"explain.col.{name.replace(' ', '_')}"))
                       for name in ("method", "explains", "model output", "sum of attributions", "base value", "seconds")},
    )
    st.caption(t("explain.sums_caption"))
    for e in explanations:
        if e.method_key == "integrated_gradients" and "relative_gap" in e.params:
            st.caption(t("tfix.ig_line", steps=e.params["steps"], gap=f"{e.params['relative_gap']:.2%}",
                         verdict=t("tfix.ig_ok" if e.params["relative_gap"] <= 0.01 else "tfix.ig_not_ok")))
    if kind == "tabular":
        from nncore.explain.methods import SHAP_METHODS  # loaded by then: the explanations came from it

        with_base = [e for e in explanations if e.base_value is not None and e.method_key in SHAP_METHODS]
        if with_base:
            from nncore.plots.explain_plots import waterfall

            exp = with_base[0]
            if groups is None:
                raw = run.dataset.preprocessing.inverse_features(exp.instance[None].astype(np.float32))[0]
            else:  # the inputs in original units, then one per column (NaN: a category, in its name)
                from nncore.explain import grouped_input

                instance = parts[explanations.index(exp)].instance
                raw = grouped_input(run.dataset.preprocessing.inverse_features(instance[None].astype(np.float32))[0], groups)
            show_figure(waterfall(exp, title=t("explain.waterfall_title", method=say(exp.method)),
                                  shown=raw, words=t), key="explain_waterfall")
    columns = st.columns(min(len(explanations), 4))
    for i, exp in enumerate(explanations):
        columns[i % len(columns)].button(
            t("explain.pin", method=say(exp.method)), key=f"explain_pin_{i}", icon=":material/push_pin:",
            on_click=pin, args=(run, exp), help=t("explain.pin_help"),
        )


def _this_example(run, model, outputs) -> list:
    """Pick an example (or edit one), pick methods, show them side by side; returns them."""
    from nncore.explain import methods_for  # here, not at the top: only needed once there is a run

    data = run.dataset
    drawing = can_draw(data) and st.toggle(t("draw.toggle"), key="explain_draw", help=t("draw.toggle_help"))
    left, right = st.columns(2)
    if drawing:
        answer, seen = right.container(), right.container()  # the answer, then what the network saw
        with left:
            x, instance = draw_digit(data, "explain_canvas", preview=seen)
        if x is None:
            return []
        with answer:
            _drawn_prediction(data, model, x)
        st.session_state[ACTIVE_KEY] = run.run_id  # a drawing is explained as it changes
        index, changes = None, {}  # a drawing is no test example: it has no row and no true answer
    else:
        with left:
            index = pick_example(run, outputs)
        if index is None:
            return []
        if data.input_kind == "tabular":
            with left.expander(t("explain.whatif"), icon=":material/edit:"):
                render_whatif(run, index)
        if data.input_kind == "image":
            gallery(run, matching_pool(run, outputs))
        x, instance, changes = edited_input(run, index) if data.input_kind == "tabular" else (data.x_test[index], index, {})
        with right:
            st.markdown(t("rowid.this_example", label=row_label_md(data, index)))
            _prediction_line(data, model, x, index, edited=bool(changes))
            _show_instance(data, x, index, changes)

    available = methods_for(model)
    by_key = {m.key: m for m in available}
    defaults = [k for k in DEFAULT_METHODS[data.input_kind] if k in by_key]
    settings = _settings(data)
    # The browser sends a multiselect's choice back as the options' labels, which change with the
    # language: one key for all languages came back empty after a language switch ("Pick at least
    # one method"). A key per language, starting from the methods chosen last, keeps them.
    # (Methods another model offered, and none at all, give way to this model's defaults.)
    kept = [k for k in st.session_state.get(METHODS_CHOSEN_KEY, defaults) if k in by_key] or defaults
    with st.form("explain_form", border=True):
        chosen = st.multiselect(
            t("explain.methods"), list(by_key), default=kept, format_func={k: say(m.title) for k, m in by_key.items()}.get,
            key=f"explain_methods_{current_language()}", help=t("explain.methods_help"),
        )
        go = st.form_submit_button(t("explain.explain"), type="primary", icon=":material/psychology:", key="explain_go",
                                   help=t("help.explain.explain"))
    st.session_state[METHODS_CHOSEN_KEY] = chosen
    with st.expander(t("explain.methods_guide"), icon=":material/help:"):
        for method in available:
            description, caveat = say(method.description), say(method.caveat)
            explains = method.explains if data.task == "classification" else "output"
            st.markdown(f"**{say(method.title)}** ({method.key.replace('_', ' ')}): {description}  \n"
                        f"{t(f'tfix.explains_{explains}')}  \n"
                        f":orange[{t('explain.misleads')}] {caveat}")
    if go:
        st.session_state[ACTIVE_KEY] = run.run_id
    if not chosen:
        st.caption(t("explain.pick_one"))
        return []
    if st.session_state.get(ACTIVE_KEY) != run.run_id:
        st.caption(t("explain.press_explain"))
        return []
    explanations = _run_methods(run, model, x, instance, chosen, by_key, settings)
    if explanations:
        # The sentences sit above the charts but are written last (explain_page), once the
        # report card on the next tab has been computed for these explanations.
        sentences_slot = st.empty()
        _words_later.append(lambda: render_sentences(sentences_slot, run, model, outputs, x, index, bool(changes), explanations))
        _show_results(run, explanations)
    return explanations


def explain_page(run) -> None:
    data = run.dataset
    warm_up_explainers()
    model, outputs = explainable(run)
    take_request(run)
    if data is not state.dataset:
        st.caption(t("explain.other_data", title=dataset_title(data)))
    this_example, trust_tab, whole_tab = st.tabs([t("explain.tab_example"), t("explain.tab_trust"), t("explain.tab_whole")])
    with this_example:
        explanations = _this_example(run, model, outputs)
    with trust_tab:
        render_trust(model, explanations)
    for write in _words_later:
        write()
    with whole_tab:
        render_global(run, model)


# No early stop of the script here: app.py draws the shared sidebar after the page runs.
if run is None or not run.usable:
    st.info(t("explain.no_run"), icon=":material/info:")
    st.page_link("app_pages/train.py", label=t("evaluate.go_train"), icon=":material/model_training:",
                 help=t("help.link.train"))
else:
    explain_page(run)
