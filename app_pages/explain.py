"""Explain page: why did the model say that? Several methods side by side for one example."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from nncore.plots import data_plots
from ui.explain_view import DEFAULT_METHODS, candidates, explain, explainable
from ui.render import show_error, show_figure
from ui.state import get_state

state = get_state()
run = state.run

st.title("Explain")
st.caption(
    "Why did the model give this answer? Each method scores how much every input pushed the "
    "prediction up (blue) or down (red). Methods that agree deserve more trust."
)


def explain_page(run) -> None:
    from nncore.explain import methods_for  # here, not at the top: only needed once there is a run

    data = run.dataset
    model, outputs = explainable(run)
    if data is not state.dataset:
        st.caption(f"Explaining your last trained model, on **{data.title}**.")

    # --- which example ------------------------------------------------------------------------
    left, right = st.columns(2)
    with left:
        if data.task == "classification":
            which = st.radio(
                "Examples to choose from", ["all", "misclassified", "class"], horizontal=True, key="explain_filter",
                format_func={"all": "All test examples", "misclassified": "Only mistakes", "class": "One true class"}.get,
                help="Mistakes are often the most instructive to explain.",
            )
            wanted = None
            if which == "class":
                wanted = st.selectbox("True class", range(data.n_classes), format_func=lambda k: data.class_names[k], key="explain_class")
        else:
            which, wanted = "all", None
        pool = candidates(run, outputs, which, wanted)
        if len(pool) == 0:
            st.info("No test example matches this choice.", icon=":material/info:")
            return
        position = st.number_input(
            f"Example (1 to {len(pool)})", min_value=1, max_value=len(pool), value=1, step=1, key="explain_position",
            help="Step through the matching test examples, which the model never saw during training.",
        )
        index = int(pool[int(position) - 1])

    with right:
        if data.task == "classification":
            probabilities = outputs[index]
            predicted = int(np.argmax(probabilities))
            truth = int(data.y_test[index])
            verdict = "right" if predicted == truth else "wrong"
            st.markdown(
                f"**Prediction:** {data.class_names[predicted]} ({probabilities[predicted]:.0%} sure) · "
                f"**true answer:** {data.class_names[truth]} · the model is **{verdict}**."
            )
        else:
            predicted_value = float(data.preprocessing.inverse_target(outputs[index][:1])[0])
            truth_value = float(data.preprocessing.inverse_target(data.y_test[index : index + 1])[0])
            st.markdown(f"**Prediction:** {predicted_value:.4g} · **true value:** {truth_value:.4g}")
        x_raw = data.preprocessing.inverse_features(data.x_test[index : index + 1])
        if data.input_kind == "image":
            show_figure(data_plots.image_grid(x_raw, [f"test example #{index}"], columns=1, title=None), key="explain_instance")
        elif data.input_kind == "tabular":
            st.dataframe(pd.DataFrame(x_raw, columns=list(data.feature_names)), hide_index=True, width="stretch")
        else:
            st.line_chart(pd.DataFrame(x_raw[0], columns=list(data.feature_names)), height=160)

    # --- which methods ------------------------------------------------------------------------
    available = methods_for(model)
    keys = [m.key for m in available]
    by_key = {m.key: m for m in available}
    defaults = [k for k in DEFAULT_METHODS[data.input_kind] if k in by_key]
    with st.form("explain_form", border=True):
        chosen = st.multiselect(
            "Methods", keys, default=defaults, format_func=lambda k: by_key[k].title, key="explain_methods",
            help="Gradient methods are instant; SHAP and LIME try thousands of variations of the "
            "input and take longer. Results are kept, so switching back is instant.",
        )
        go = st.form_submit_button("Explain", type="primary", icon=":material/psychology:")
    for key in chosen:
        st.caption(f"**{by_key[key].title}**: {by_key[key].description}")

    if go or st.session_state.get("_explain_shown") == (id(run), index, tuple(chosen)):
        st.session_state["_explain_shown"] = (id(run), index, tuple(chosen))
        explanations = []
        progress = st.progress(0.0, text="Explaining…")
        for step, key in enumerate(chosen, start=1):
            progress.progress((step - 1) / max(1, len(chosen)), text=f"Running {by_key[key].title} ({step} of {len(chosen)})…")
            try:
                explanations.append(explain(run, model, index, by_key[key]))
            except Exception as error:  # one failing method must not hide the others
                show_error(error, f"{by_key[key].title} could not explain this example.")
        progress.empty()
        if explanations:
            from nncore.plots.explain_plots import compare_explanations

            show_figure(compare_explanations(explanations), key="explain_compare")
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "method": e.method,
                            "explains": e.output_label,
                            "sum of attributions": float(np.sum(e.values)),
                            "base value": e.base_value,
                            "seconds": round(e.seconds, 3),
                        }
                        for e in explanations
                    ]
                ),
                hide_index=True,
                width="stretch",
            )
            st.caption(
                "For SHAP, the base value plus the sum of attributions equals the model's output; "
                "for integrated gradients, the sum equals the output minus the output at the baseline."
            )


# No early stop of the script here: app.py draws the shared sidebar after the page runs.
if run is None or not run.usable:
    st.info("Train a model first; its explanations appear here.", icon=":material/info:")
    st.page_link("app_pages/train.py", label="Go to Train", icon=":material/model_training:")
else:
    explain_page(run)
