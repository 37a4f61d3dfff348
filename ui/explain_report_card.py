"""Explain page, "Which to trust?": the report card (randomisation, robustness, faithfulness
correlation and sparseness per method, each with a verdict in plain words).

The card re-runs every method about ten times, so it is computed once per set of
explanations and settings and kept in the session (the tab is redrawn on every click).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from ui.i18n import say, t
from ui.render import show_error, show_figure
from ui.runs_text import markdown_text

CARD_CACHE = "_explain_card"  # [(explanations, settings key, ReportCard)], newest last
CACHE_SIZE = 4
CHECKS = ("randomisation", "robustness", "faithfulness", "sparseness", "region")  # region: images only
# Text symbols, not emoji: they show in every font (a projector's browser too), with the word beside them.
ICONS = {"pass": "✓", "caution": "⚠", "fail": "✗", "n/a": "–"}
RADII = [0.02, 0.05, 0.1, 0.2, 0.3]
RUNS = [20, 50, 100, 200]


def _settings(unit: str) -> Any:
    from nncore.explain.report_card import CardSettings

    defaults = CardSettings()
    with st.expander(t("card.settings"), icon=":material/tune:"):
        a, b, c = st.columns(3)
        samples = a.slider(t("card.samples"), 2, 20, defaults.samples, key="card_samples", help=t("card.samples_help"))
        radius = b.select_slider(t("card.radius"), RADII, value=defaults.radius, key="card_radius",
                                 help=t("card.radius_help"))
        runs = c.select_slider(t("card.runs"), RUNS, value=defaults.runs, key="card_runs", help=t("card.runs_help", unit=unit))
    seed = int(st.session_state.get("explain_seed", defaults.seed))  # the page's seed, as for the methods
    return CardSettings(samples=int(samples), radius=float(radius), runs=int(runs), seed=seed)


def _card(model: Any, explanations: Sequence[Any], baseline: np.ndarray, baseline_kind: str, settings: Any) -> Any:
    """From the session's cache when these very explanations were graded with these settings."""
    from nncore.explain.report_card import report_card

    entries = st.session_state.setdefault(CARD_CACHE, [])
    key = (baseline_kind, settings)
    for kept, kept_key, card in entries:
        if kept_key == key and len(kept) == len(explanations) and all(a is b for a, b in zip(kept, explanations)):
            return card
    with st.spinner(t("card.computing")):
        card = report_card(model, explanations, baseline, settings)
    # The explanations are kept with the card, so the identity test above stays sound.
    entries.append((tuple(explanations), key, card))
    del entries[:-CACHE_SIZE]
    return card


def _cell(grade: Any) -> str:
    word = t(f"card.verdict.{grade.verdict}")
    return f"{ICONS[grade.verdict]} {word}" if grade.verdict == "n/a" else f"{ICONS[grade.verdict]} {word} {grade.value:.2f}"


def _checks(card: Any) -> list[str]:
    """The checks this card has, in the page's order (region perturbation only for images)."""
    graded = {g.check for g in card.grades}
    return [c for c in CHECKS if c in graded]


def _plain_words(card: Any, unit: str) -> list[str]:
    """One Markdown list item per method: "passes every check", or what to keep in mind."""
    items = []
    for method in card.methods:
        points = []
        for check in _checks(card):
            grade = card.grade(method, check)
            if grade.verdict in ("fail", "caution"):
                points.append(t(f"card.say.{check}.{grade.verdict}", value=f"{grade.value:.2f}", unit=unit))
            elif grade.verdict == "n/a":
                points.append(t(f"card.say.n/a.{grade.reason or 'constant'}", check=t(f"card.col.{check}"),
                                message=markdown_text(grade.message)))
        if points:
            items.append("\n".join([f"- {t('card.say.line', method=say(method))}", *(f"    - {p}" for p in points)]))
        else:
            items.append(f"- {t('card.say.all_pass', method=say(method))}")
    return items


def render_report_card(model: Any, explanations: Sequence[Any], baseline: np.ndarray, baseline_kind: str) -> None:
    """The card for explanations of one input; `baseline` is what removed positions become."""
    from nncore.plots.report_card_plots import cascade_figure

    st.subheader(t("card.title"))
    st.caption(t("card.intro"))
    unit = t(f"explain.unit_{explanations[0].input_kind}")
    if not st.toggle(t("card.on"), value=True, key="card_on", help=t("card.on_help")):
        st.caption(t("card.off"))
        return
    settings = _settings(unit)
    try:
        card = _card(model, explanations, baseline, baseline_kind, settings)
    except Exception as error:  # noqa: BLE001 - the rest of the page stays usable
        show_error(error, t("card.failed"))
        return
    checks = _checks(card)
    rows = [{"method": say(m), **{c: _cell(card.grade(m, c)) for c in checks}} for m in card.methods]
    st.dataframe(
        pd.DataFrame(rows), hide_index=True, width="stretch", key="card_table",
        column_config={
            "method": st.column_config.Column(t("card.col.method")),
            **{c: st.column_config.Column(t(f"card.col.{c}"), help=t(f"card.colhelp.{c}")) for c in checks},
        },
    )
    st.markdown("\n".join(_plain_words(card, unit)))
    if any(card.grade(m, "randomisation").detail.get("layers") for m in card.methods):
        show_figure(cascade_figure(card, t("card.cascade_title"), t("card.cascade_x"), t("card.cascade_y"),
                                   t("card.cascade_line"), words=t), key="card_cascade")
    baseline_text = t(f"explain.removed_{baseline_kind}")
    with st.expander(t("card.notes"), icon=":material/help:", expanded=True):
        for check in checks:
            st.markdown(t(f"card.note.{check}", unit=unit, baseline=baseline_text))
        st.caption(t("card.note.thresholds"))
    st.caption(t("card.timing", seconds=f"{card.seconds:.1f}", unit=unit, baseline=baseline_text))
