"""Explain page: the explanation in sentences, above the charts.

The facts come from the engine (nncore.explain.summary): the answer and how sure, the inputs
that pushed most and which way, whether the methods agree, what the report card says. This
module only words them, with t(), in the session's language; data (class and column names, a
person's own descriptions) is escaped for Markdown.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import streamlit as st

from ui.i18n import say, t
from ui.safe_text import markdown_text


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _signed(value: float) -> str:
    return f"{value:+.2g}"


def answer_lines(data: Any, facts: Any, truth: Any, edited: bool, drawn: bool = False) -> list[str]:
    """What the model answered, how sure, and (when very sure) what that sureness was worth."""
    from ui.baselines_view import format_error

    if facts.task != "classification":
        lines = [t("sent.answer_value_edited", value=format_error(facts.value, data)) if edited
                 else t("sent.answer_value", value=format_error(facts.value, data), truth=format_error(float(truth), data))]
        if np.isfinite(facts.typical_error):
            lines.append(t("sent.typical_error", error=format_error(facts.typical_error, data)))
        return lines
    names = data.class_names
    predicted, sure = markdown_text(names[facts.predicted]), _percent(facts.confidence)
    if drawn:
        lines = [t("sent.answer_drawn", predicted=predicted, sure=sure)]
    elif edited:
        lines = [t("sent.answer_edited", predicted=predicted, sure=sure)]
    else:
        key = "sent.answer_right" if facts.predicted == int(truth) else "sent.answer_wrong"
        lines = [t(key, predicted=predicted, sure=sure, truth=markdown_text(names[int(truth)]))]
    if np.isfinite(facts.sure_from):
        if facts.sure_total:
            lines.append(t("sent.sure_record", sure=sure, threshold=_percent(facts.sure_from), total=facts.sure_total,
                           right=facts.sure_right, ece=f"{facts.ece:.1%}"))
        else:
            lines.append(t("sent.sure_no_record", sure=sure))
    return lines


def _direction(data: Any, summary: Any, fact: Any) -> str:
    """Which way one input pushed, with its amount in the explained output's units."""
    if fact.direction == "none":
        return t("sent.no_push")
    if summary.output_index is None:  # regression: in the target's units
        from ui.baselines_view import format_error

        amount = format_error(abs(fact.attribution), data)
        return t("sent.raised" if fact.direction == "up" else "sent.lowered", amount=amount)
    amount = t("sent.amount_score" if summary.target == "score" else "sent.amount_probability",
               amount=_signed(fact.attribution))
    names = data.class_names
    label = names[summary.output_index]
    if fact.direction == "up":
        return t("sent.towards", label=markdown_text(label), amount=amount)
    if len(names) == 2:  # away from one of two classes is towards the other
        return t("sent.towards", label=markdown_text(names[1 - summary.output_index]), amount=amount)
    return t("sent.away", label=markdown_text(label), amount=amount)


def _what(data: Any, fact: Any) -> str:
    """The input, named in the data's terms: its value and where that lies among the training rows."""
    from ui.feature_notes import describe

    if fact.region:
        return t("sent.input_region", region=t(f"sent.region.{fact.region}"))
    if not fact.name:
        return t("sent.input_step", step=fact.position + 1)
    name = markdown_text(fact.name)
    meaning = describe(data, fact.name)
    if not np.isfinite(fact.value):
        text = t("sent.input_category", name=name)
    else:
        pct = fact.percentile
        place = (t("sent.place_above", share=f"{pct:.0f}%") if pct >= 50
                 else t("sent.place_below", share=f"{100 - pct:.0f}%")) if np.isfinite(pct) else ""
        text = t("sent.input_value", name=name, value=f"{fact.value:.4g}", place=place, level=t(f"sent.level.{fact.level}"))
    return text + (f" *{markdown_text(meaning)}*" if meaning else "")


def input_lines(data: Any, summary: Any) -> list[str]:
    """One Markdown list item per input that pushed most."""
    from nncore.explain.summary import CONFIRM_K

    items = []
    for fact in summary.inputs:
        parts = [_what(data, fact), _direction(data, summary, fact)]
        if summary.others:
            parts.append(t("sent.confirmed", count=len(fact.confirmed_by), others=len(summary.others), k=CONFIRM_K))
        if fact.contradicted_by:
            parts.append(t("sent.contradicted", methods=t("sent.list_sep").join(say(m) for m in fact.contradicted_by)))
        items.append("- " + " ".join(parts))
    return items


def trust_line(card_facts: Any, method: str) -> str:
    method = say(method)  # a keyed title: named in the page's language, as the tables name it
    if card_facts is None:
        return t("sent.card.missing", method=method)
    flags = []
    sep = t("sent.list_sep")
    if card_facts.failed:
        flags.append(t("sent.card.fail", checks=sep.join(t(f"card.col.{c}") for c in card_facts.failed)))
    if card_facts.caution:
        flags.append(t("sent.card.caution", checks=sep.join(t(f"card.col.{c}") for c in card_facts.caution)))
    if not flags:
        return t("sent.card.all_pass", method=method)
    return t("sent.card.flags", method=method, checks=t("sent.clause_sep").join(flags))


def _card_for(explanations: Sequence[Any]) -> Any:
    """The report card the "Which to trust?" tab computed for these very explanations, if any."""
    from ui.explain_report_card import CARD_CACHE

    for kept, _, card in reversed(st.session_state.get(CARD_CACHE, [])):
        if len(kept) == len(explanations) and all(a is b for a, b in zip(kept, explanations)):
            return card
    return None


def _as_shown(run: Any, explanations: Sequence[Any]) -> tuple[list, np.ndarray | None, np.ndarray | None]:
    """The explanations as the bars show them (a text column's parts summed unless the person
    asked for the parts), with the input and the training rows in the data's units, per bar."""
    from nncore.data.feature_ranges import training_values
    from nncore.data.table_encoding import feature_groups
    from nncore.explain import grouped, grouped_input

    data = run.dataset
    first = explanations[0]
    if first.input_kind != "tabular" or first.instance is None:
        return list(explanations), None, None
    shown = data.preprocessing.inverse_features(first.instance[None].astype(np.float32))[0]
    training = training_values(data)
    groups = feature_groups(data)
    if groups is None or st.session_state.get("explain_show_parts"):
        return list(explanations), shown, training
    columns = np.column_stack([np.full(len(training), np.nan) if g.one_hot else training[:, g.indices[0]] for g in groups])
    return [grouped(e, groups) for e in explanations], grouped_input(shown, groups), columns


def render_sentences(slot: Any, run: Any, model: Any, outputs: np.ndarray, x: np.ndarray, index: int | None,
                     edited: bool, explanations: Sequence[Any]) -> None:
    """Write the sentences into `slot` (a container above the charts), once the report card
    further down the page has had its chance to be computed. `index` None: a drawn digit, which
    has no true answer to compare with."""
    from nncore.data.positive_class import positive_index
    from nncore.explain.summary import answer_facts, summarise, trust_facts

    if not explanations:
        return
    data = run.dataset
    output = model.predict_proba(np.asarray(x, dtype=np.float32)[None])[0]
    if data.task == "classification":
        facts = answer_facts(output, outputs, data.y_test, positive=positive_index(data))
        truth = data.y_test[index] if index is not None else None
    else:
        truth_all = data.preprocessing.inverse_target(data.y_test)
        facts = answer_facts(output, outputs, truth_all, task="regression")
        truth = truth_all[index] if index is not None else None
    shown_explanations, shown, training = _as_shown(run, explanations)
    summary = summarise(shown_explanations, shown, training)
    lines = answer_lines(data, facts, truth, edited, drawn=index is None)
    with slot.container(border=True):
        st.markdown(f"**{t('sent.title')}**")
        st.markdown(" ".join(lines))
        if summary.inputs:
            st.markdown(t("sent.pushed_title", method=say(summary.method)) + "\n\n" + "\n".join(input_lines(data, summary)))
        else:
            st.markdown(t("sent.pushed_none", method=say(summary.method)))
        rho = f"{summary.mean_spearman:.2f}" if np.isfinite(summary.mean_spearman) else "–"
        st.markdown(t(f"sent.agree.{summary.agreement}", rho=rho) + " "
                    + trust_line(trust_facts(_card_for(explanations), summary.method), summary.method))
