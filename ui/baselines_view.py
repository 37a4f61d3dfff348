"""The baselines beside a tabular run (Evaluate, sidebar) and regression errors with their unit.

The engine fits and scores the baselines once, when the run ends (`TrainedRun.baselines`,
nncore.evaluate.baselines); this module only words and lays them out.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from nncore.evaluate import classification_report, regression_report
from nncore.evaluate.diagnosis import compare_with_baselines, diagnose_history
from nncore.evaluate.predictions import Predictions
from ui.i18n import current_language, say, t
from ui.render import format_metric
from ui.runs_text import markdown_text


def unit_name(dataset: Any) -> str:
    """The unit a regression error is in: the target column's name (no unit is known for it)."""
    return str(getattr(dataset, "target_name", "") or "target")


def format_error(value: float, dataset: Any) -> str:
    """A regression error with its unit, as Markdown ("42.1 (progression)"; the name escaped)."""
    return f"{format_metric(value, 'mae')} ({markdown_text(unit_name(dataset))})"


def format_score(value: float, name: str, dataset: Any) -> str:
    """The run's headline metric as Markdown: accuracy as a percentage, an error with its unit."""
    if name == "mae" and value == value:
        return format_error(value, dataset)
    return format_metric(value, name)


def baseline_verdict(run: Any) -> Any:
    """The engine's verdict (a Diagnosis) when the network does not beat the baselines, else None."""
    baselines = getattr(run, "baselines", None)
    if baselines is None:
        return None
    curve = diagnose_history(run.history, run.dataset.task, run.dataset.n_classes).verdict if run.history else ""
    return compare_with_baselines(run.test_metric, baselines, curve, n_test=len(run.dataset.y_test))


def render_verdict(run: Any) -> None:
    verdict = baseline_verdict(run)
    if verdict is None:
        return
    stop = "。" if current_language() == "zh" else "."
    # No data in it: the verdict is fixed words and scores (compare_with_baselines names no
    # column or class), so it needs no escaping, as the curve verdict above it.
    st.warning(f"**{say(verdict.title)}{stop}** {say(verdict.message)}", icon=":material/trending_down:")


def sidebar_line(run: Any) -> str:
    """One Markdown line for the sidebar: the linear baseline's test score, or ''."""
    baselines = getattr(run, "baselines", None)
    if baselines is None:
        return ""
    key = baselines.linear_key
    value = format_score(baselines.headline(key), baselines.metric_name, run.dataset)
    return t("base.sidebar", model=t(f"base.sidebar_{key}"), value=value)


def _network_scores(preds: Predictions) -> dict[str, float]:
    if preds.task == "classification":
        names = preds.class_names or tuple(str(i) for i in range(preds.n_classes))
        report = classification_report(preds.y_true, preds.predicted, names)
        return {"accuracy": report.accuracy, "macro_f1": report.macro_f1}
    report = regression_report(preds.y_true, preds.predicted)
    return {"mae": report.mae, "rmse": report.rmse, "r2": report.r2}


def baselines_table(run: Any, preds: Predictions) -> dict[str, list]:
    """Rows: this network, then each baseline; columns: the task's metrics (numbers, not text)."""
    baselines = run.baselines
    rows = [("base.network", _network_scores(preds))] + [(f"base.{key}", values) for key, values in baselines.scores.items()]
    metrics = ("accuracy", "macro_f1") if baselines.task == "classification" else ("mae", "rmse", "r2")
    table: dict[str, list] = {"model": [t(key) for key, _ in rows]}
    for metric in metrics:
        table[metric] = [float(values.get(metric, float("nan"))) for _, values in rows]
    return table


def render_baselines(run: Any, preds: Predictions) -> None:
    st.subheader(t("base.title"))
    baselines = getattr(run, "baselines", None)
    if baselines is None:
        st.caption(t("base.none"))
        return
    st.caption(t("base.caption"))
    table = baselines_table(run, preds)
    unit = unit_name(run.dataset)  # a column header: plain text, never Markdown
    if baselines.task == "classification":
        config = {
            "accuracy": st.column_config.NumberColumn(t("base.accuracy"), format="percent", help=t("base.accuracy_help")),
            "macro_f1": st.column_config.NumberColumn(t("base.macro_f1"), format="%.3f", help=t("base.macro_f1_help")),
        }
    else:
        config = {
            "mae": st.column_config.NumberColumn(t("base.mae", unit=unit), format="%.4g", help=t("base.mae_help", unit=unit)),
            "rmse": st.column_config.NumberColumn(t("base.rmse", unit=unit), format="%.4g", help=t("base.rmse_help", unit=unit)),
            "r2": st.column_config.NumberColumn(t("base.r2"), format="%.3f", help=t("base.r2_help")),
        }
    config["model"] = st.column_config.TextColumn(t("base.model"), help=t("base.model_help"))
    st.dataframe(table, hide_index=True, width="stretch", key="eval_baselines", column_config=config)
    verdict = baseline_verdict(run)
    if verdict is not None:
        render_verdict(run)
    else:
        best_key = baselines.best_key()
        best, net = baselines.headline(best_key), float(run.test_metric)
        if abs(best - net) <= 1e-9:
            st.success(t("base.ties"), icon=":material/check_circle:")
        elif (net > best) == baselines.higher_is_better:
            st.success(t("base.beats"), icon=":material/check_circle:")
        else:  # behind by less than chance on this test set: no verdict, but no "beats" either
            st.info(t(
                "base.within_chance", model=t(f"base.sidebar_{best_key}"), n=len(run.dataset.y_test),
                base=format_score(best, baselines.metric_name, run.dataset),
                net=format_score(net, baselines.metric_name, run.dataset),
            ), icon=":material/balance:")
