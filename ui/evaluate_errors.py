"""The Evaluate page's error browser: the test examples the model gets most wrong."""

from __future__ import annotations

import unicodedata
from typing import Any

import numpy as np
import streamlit as st

from nncore.data.positive_class import positive_index
from nncore.evaluate import Predictions, error_table, mistake_kind, worst_examples
from nncore.evaluate.errors import example_label
from nncore.plots import eval_plots
from ui.safe_text import markdown_text
from ui.i18n import t, tn
from ui.render import show_figure
from ui.row_label import row_column_title, row_label, row_label_md, row_labels_help


def _ranking_title(ranking: str) -> str:
    return t(f"evaluate.ranking_{ranking}")


def render_error_browser(run: Any, preds: Predictions) -> None:
    dataset = run.dataset
    st.subheader(t("evaluate.errors"))
    left, right = st.columns([3, 2])
    if preds.task == "classification":
        ranking = left.radio(
            t("evaluate.rank_by"), ["loss", "confidence"], format_func={r: _ranking_title(r) for r in ("loss", "confidence")}.get, horizontal=True,
            key="eval_error_ranking", help=t("evaluate.rank_by_help"),
        )
    else:
        ranking = "abs_error"
        left.markdown(t("evaluate.ranked_abs", target=markdown_text(dataset.target_name)))
    k = right.select_slider(
        t("evaluate.how_many"), options=[6, 12, 18, 24], value=12, key="eval_error_count",
        help=t("evaluate.how_many_help"),
    )
    worst = worst_examples(preds, k=int(k), ranking=ranking)
    if not len(worst.indices):
        st.success(t("evaluate.no_mistakes"), icon=":material/check_circle:")
        return
    names = dataset.class_names
    # Two classes: each mistake is a missed case or a false alarm, read with the positive class.
    positive = positive_index(dataset) if preds.task == "classification" and preds.n_classes == 2 else None
    mistakes = [
        None if positive is None else mistake_kind(worst.y_true[i], worst.predicted[i], positive)
        for i in range(len(worst.indices))
    ]

    def caption(i: int) -> str:
        truth, guess = example_label(worst.y_true[i], names), example_label(worst.predicted[i], names)
        sure = f" ({worst.confidence[i]:.0%})" if worst.confidence is not None else ""
        kind = f" · {t('pos.mistake.' + mistakes[i])}" if mistakes[i] else ""
        return f"{row_label(dataset, worst.indices[i])}: {truth} → {guess}{sure}{kind}"

    captions = [caption(i) for i in range(len(worst.indices))]
    x = dataset.x_test[worst.indices]
    if dataset.input_kind == "image":
        images = dataset.preprocessing.inverse_features(x)
        show_figure(eval_plots.image_gallery(images, captions, words=t), key="eval_error_gallery")
        st.caption(t("evaluate.gallery_images"))
    elif dataset.input_kind == "sequence":
        sequences = dataset.preprocessing.inverse_features(x)
        forecast = preds.task == "regression"
        fig = eval_plots.sequence_gallery(
            sequences, captions, dataset.feature_names,
            true_next=worst.y_true if forecast else None, predicted_next=worst.predicted if forecast else None, words=t
        )
        show_figure(fig, key="eval_error_gallery")
        st.caption(t("evaluate.gallery_forecast" if forecast else "evaluate.gallery_sequences"))
    else:
        # The example's name as every page writes it (its row in the file, an ID, or "#k").
        table = {row_column_title(dataset): [row_label(dataset, i) for i in worst.indices],
                 **{name: values for name, values in error_table(dataset, worst).items() if name != "example"}}
        if positive is not None:
            table = _with_mistake_column(table, mistakes)
        with st.container(key="data_columns_eval_errors"):  # the data's own columns: scrolls by nature
            st.dataframe(
                table, hide_index=True, width="stretch", key="eval_error_table",
                height=36 * (len(worst.indices) + 1) + 3,  # every row, no inner scrolling
                column_config={
                    "confidence": st.column_config.NumberColumn(
                        t("evaluate.confidence"), format="percent", help=t("evaluate.confidence_help")),
                    "confidence in mistake": st.column_config.NumberColumn(t("evaluate.confidence_mistake"), format="percent"),
                    row_column_title(dataset): st.column_config.TextColumn(help=row_labels_help(dataset)),
                    **_error_headers(dataset),
                },
            )
        st.caption(t("evaluate.table_caption"))
    _explain_links(dataset, worst.indices, explain_prompt(worst, preds.task))
    if preds.task == "classification" and ranking == "loss":
        st.caption(mistakes_caption(worst))
    _predictions_download(run, preds)


# Below this confidence a right answer is called unsure (a coin toss between two classes is 50%).
UNSURE_BELOW = 0.8


def _confidence_span(confidence: np.ndarray) -> str:
    low, high = f"{float(confidence.min()):.1%}", f"{float(confidence.max()):.1%}"
    return low if low == high else f"{low}–{high}"


def mistakes_caption(worst: Any) -> str:
    """How many of the listed examples are mistakes, worded for all, none or some; the right
    ones are called unsure only when the model gave each of them less than UNSURE_BELOW."""
    n = len(worst.indices)
    is_right = worst.y_true == worst.predicted
    wrong, right = n - int(is_right.sum()), int(is_right.sum())
    if wrong == n:
        return tn("loose.mistakes_all", n)
    confidence = np.asarray(worst.confidence)[is_right]
    conf = _confidence_span(confidence)
    unsure = bool(np.all(confidence < UNSURE_BELOW))
    if wrong == 0:
        return t("loose.mistakes_none_unsure" if unsure else "loose.mistakes_none", n=n, conf=conf)
    first = tn("loose.mistakes_many", wrong, wrong=wrong, n=n)
    right_text = tn("loose.right_many_unsure" if unsure else "loose.right_many", right, right=right, conf=conf)
    return t("loose.wrong_and_right", wrong=first, right=right_text)


def explain_prompt(worst: Any, task: str) -> str:
    """The line above the Explain buttons: it asks about a mistake only when there is one."""
    none_wrong = task == "classification" and not np.any(worst.y_true != worst.predicted)
    return t("loose.explain_none_wrong" if none_wrong else "evaluate.explain_links")


def _error_headers(dataset: Any) -> dict[str, Any]:
    """Headers for the columns nncore.evaluate.error_table names in English (a feature's own name
    stays as it is: it is data)."""
    target = getattr(dataset, "target_name", "")
    return {
        f"true {target}": st.column_config.Column(t("evaluate.col_true", target=target)),
        "predicted": st.column_config.Column(t("evaluate.col_predicted")),
        "loss": st.column_config.NumberColumn(t("evaluate.col_loss")),
        "absolute error": st.column_config.NumberColumn(t("evaluate.col_abs_error")),
    }


def _with_mistake_column(table: dict[str, list], mistakes: list[str | None]) -> dict[str, list]:
    """The error table with a "mistake" column (missed case / false alarm) after the prediction."""
    words = [t(f"pos.mistake.{kind}") if kind else "" for kind in mistakes]
    heading = t("pos.mistake_column")
    if heading in table:  # a feature of that name keeps its column
        heading = f"{heading} ({t('pos.mistake_column_model')})"
    out: dict[str, list] = {}
    for name, column in table.items():
        out[name] = column
        if name == "predicted":
            out[heading] = words
    return out


# How many "Explain <row>" buttons share a line: six fit "Explain row 68" at 1366 px, but cut
# "Explain row 199" to "Explain row …", which hides the very row the button opens.
_LABEL_CHARS_FOR_SIX = 14


def _width(text: str) -> int:
    """Width in Latin characters: a Chinese character takes about two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def buttons_per_row(labels: list[str]) -> int:
    """Six buttons a line while every label fits, fewer as the longest label grows (2 at least)."""
    longest = max((_width(label.replace("\\", "")) for label in labels), default=0)
    if longest <= _LABEL_CHARS_FOR_SIX:
        return 6
    return max(2, min(4, (4 * 22) // longest))


def _explain_links(dataset: Any, indices: np.ndarray, prompt: str) -> None:
    """One "Explain <row>" button per listed example: opens the Explain page on that very row."""
    from ui.explain_view import REQUEST_KEY

    st.caption(prompt)
    labels = [t("evaluate.explain_button", index=row_label_md(dataset, index)) for index in indices]
    per_row = buttons_per_row(labels)
    for start in range(0, len(indices), per_row):
        columns = st.columns(per_row)
        for column, index, label in zip(columns, indices[start : start + per_row], labels[start : start + per_row]):
            if column.button(label, key=f"eval_explain_{int(index)}", icon=":material/psychology:",
                             width="stretch", help=t("help.evaluate.explain_one")):
                st.session_state[REQUEST_KEY] = int(index)
                st.switch_page("app_pages/explain.py")


def _predictions_download(run: Any, preds: Predictions) -> None:
    """Every test example's prediction as CSV, each named as on the pages (row in file, ID, "#k")."""
    from nncore.exchange.naming import file_stem
    from nncore.exchange.predictions_csv import predictions_csv

    st.download_button(
        t("rowid.download_predictions"), lambda: predictions_csv(run, preds).encode("utf-8"),
        file_name=f"{file_stem(run)}-predictions.csv", mime="text/csv", key="eval_predictions_csv",
        icon=":material/download:", on_click="ignore", help=t("rowid.download_predictions_help"),
    )
