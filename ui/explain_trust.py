"""Explain page, "Which to trust?": agreement, faithfulness curves and sanity checks."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from ui.explain_report_card import render_report_card
from ui.i18n import say, t
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
        st.info(t("explain.trust_first"), icon=":material/info:")
        return
    size = positions(explanations[0]).size
    unit = t(f"explain.unit_{explanations[0].input_kind}")

    st.subheader(t("explain.agree"))
    if len(explanations) < 2:
        st.caption(t("explain.pick_two"))
    else:
        k = st.slider(t("explain.top_k", unit=unit), 1, size, default_k(explanations),
                      key="explain_trust_k", help=t("help.explain.top_k"))
        show_figure(agreement_heatmap(agreement(explanations, k=k), words=t), key="explain_agreement")
        st.caption(t("explain.agree_caption", k=k, unit=unit))

    st.subheader(t("explain.faithful"))
    baseline_kind = st.radio(
        t("explain.removed_by", unit=unit), ["mean", "zeros"], horizontal=True, key="explain_trust_baseline",
        format_func={b: t(f"explain.removed_{b}") for b in ("mean", "zeros")}.get,
        help=t("explain.removed_help"),
    )
    baseline = model.background.mean(axis=0) if baseline_kind == "mean" else np.zeros(model.input_shape, dtype=np.float32)
    first = explanations[0]
    predict = model.output_function(first.output_index)
    curves = [faithfulness_curves(e, model.output_function(e.output_index), baseline, steps=FAITHFULNESS_STEPS) for e in explanations]
    reference = random_faithfulness(first, predict, baseline, steps=FAITHFULNESS_STEPS, repeats=5, seed=0)
    label = f"P({first.output_label})" if first.output_index is not None else t("fig.tick.prediction")
    show_figure(faithfulness_figure(curves, reference, output_label=label, unit=unit, words=t), key="explain_faithfulness")
    best = min(curves, key=lambda c: c.deletion_area)
    st.markdown(t("explain.faithful_text", method=say(best.method), area=f"{best.deletion_area:.3f}",
                  random=f"{reference.deletion_area:.3f}"))

    render_report_card(model, explanations, baseline, baseline_kind)

    st.subheader(t("explain.add_up"))
    checks = sanity_checks(explanations)
    if not checks:
        st.caption(t("explain.add_up_none"))
        return
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "method": say(c.method),
                    "promise": say(c.check),
                    "should sum to": c.expected,
                    "sums to": c.received,
                    "error": c.error,
                    "relative error": c.relative_error,
                    "holds": t("explain.yes") if c.passed else t("explain.no"),
                    "note": say(c.note) if c.note else "",
                }
                for c in checks
            ]
        ),
        hide_index=True, width="stretch", key="explain_sanity",
        column_config={
            **{name: st.column_config.Column(t(f"explain.col.{name.replace(' ', '_')}"))
               for name in ("method", "promise", "should sum to", "sums to", "error", "holds", "note")},
            "relative error": st.column_config.NumberColumn(t("explain.col.relative_error"), format="percent"),
        },
    )
    st.caption(t("explain.add_up_caption"))
