"""Explain page, "Which to trust?": agreement, faithfulness curves and sanity checks."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from ui.render import show_figure

FAITHFULNESS_STEPS = 20


def default_k(explanations: Sequence[Any]) -> int:
    """About the top tenth of the positions for images, a handful for tables and sequences."""
    from nncore.explain.trust import positions

    size = positions(explanations[0]).size
    if explanations[0].input_kind == "image":
        return max(3, size // 10)
    return max(1, min(5, size // 2))


def render_trust(model: Any, explanations: Sequence[Any]) -> None:
    from nncore.explain.trust import agreement, faithfulness_curves, positions, random_faithfulness, sanity_checks
    from nncore.plots.explain_plots import agreement_heatmap, faithfulness_figure

    if not explanations:
        st.info("Explain an example first (in **This example**); the checks of its explanations appear here.",
                icon=":material/info:")
        return
    size = positions(explanations[0]).size
    unit = {"tabular": "features", "image": "pixels", "sequence": "time steps"}[explanations[0].input_kind]

    st.subheader("Do the methods agree?")
    if len(explanations) < 2:
        st.caption("Pick two or more methods to compare their rankings.")
    else:
        k = st.slider(f"Top-k: how many of the most important {unit} to compare", 1, size, default_k(explanations),
                      key="explain_trust_k")
        show_figure(agreement_heatmap(agreement(explanations, k=k)), key="explain_agreement")
        st.caption(
            "**Rank correlation** compares the whole ordering: 1 means the same order, 0 unrelated, −1 reversed. "
            f"**Top-{k} overlap** is the share of each method's {k} most important {unit} that the other also puts "
            "in its top. Methods that agree point at the same evidence; when they disagree, trust the one "
            "that passes the faithfulness test below. Saliency and SmoothGrad drop the sign, so they can "
            "disagree on rank correlation while finding the same top features."
        )

    st.subheader("Does the ranking move the model?")
    baseline_kind = st.radio(
        f"Removed {unit} are replaced by", ["mean", "zeros"], horizontal=True, key="explain_trust_baseline",
        format_func={"mean": "the training average", "zeros": "zero"}.get,
        help="What 'removing' means: the average is a neutral value for tables; zero is a black pixel for images.",
    )
    baseline = model.background.mean(axis=0) if baseline_kind == "mean" else np.zeros(model.input_shape, dtype=np.float32)
    first = explanations[0]
    predict = model.output_function(first.output_index)
    curves = [faithfulness_curves(e, model.output_function(e.output_index), baseline, steps=FAITHFULNESS_STEPS) for e in explanations]
    reference = random_faithfulness(first, predict, baseline, steps=FAITHFULNESS_STEPS, repeats=5, seed=0)
    label = f"P({first.output_label})" if first.output_index is not None else "prediction"
    show_figure(faithfulness_figure(curves, reference, output_label=label, unit=unit), key="explain_faithfulness")
    best = min(curves, key=lambda c: c.deletion_area)
    st.markdown(
        "A faithful ranking makes the prediction **drop fast when its top features are removed** (lower "
        "deletion area is better) and **rise fast when they are put back first** (higher insertion area is "
        f"better). The grey dashed line is a random order: a method that does not beat it explains "
        f"nothing about this prediction. Here the fastest drop comes from **{best.method}** "
        f"(deletion area {best.deletion_area:.3f}, random {reference.deletion_area:.3f})."
    )

    st.subheader("Do the numbers add up?")
    checks = sanity_checks(explanations)
    if not checks:
        st.caption("Add Kernel SHAP, Permutation SHAP or Integrated gradients: their values promise to add up, "
                   "which can be checked.")
        return
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "method": c.method,
                    "promise": c.check,
                    "should sum to": c.expected,
                    "sums to": c.received,
                    "error": c.error,
                    "relative error": c.relative_error,
                    "holds": "yes" if c.passed else "no",
                    "note": c.note,
                }
                for c in checks
            ]
        ),
        hide_index=True, width="stretch", key="explain_sanity",
        column_config={"relative error": st.column_config.NumberColumn(format="percent")},
    )
    st.caption(
        "SHAP promises that the base value (the average answer) plus all the values equals this answer; "
        "integrated gradients that its values add up to this answer minus the answer at the baseline. "
        "A large error means too few samples or steps: raise them in the settings before trusting the values."
    )
