"""A one-file HTML report of a run: specs, training, evaluation figures and pinned explanations.

The file works offline: plotly.js is embedded once, in the head, and every figure is a
`<div>` that uses it, so the figures stay interactive (zoom, hover) without a network.
Every piece of user-provided text (run, dataset, column and class names) is HTML-escaped;
inside figures it travels as JSON data that Plotly renders as text.
"""

from __future__ import annotations

import html
import math
from contextvars import ContextVar
from datetime import datetime, timezone
from typing import Any, Sequence

import numpy as np

from nncore.exchange.naming import run_title
from nncore.plots.data_text import dataset_texts, safe_figure

FIGURE_CONFIG = {"displaylogo": False, "responsive": True}
MAX_LISTED_FEATURES = 40

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937;
       max-width: 1100px; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #e5e7eb; padding-bottom: 0.3rem; }
.meta { color: #6b7280; margin-top: 0; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #e5e7eb; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 1rem 0; }
.card { border: 1px solid #e5e7eb; border-radius: 8px; padding: 0.6rem 1rem; min-width: 150px; }
.card .label { color: #6b7280; font-size: 0.85rem; } .card .value { font-size: 1.4rem; font-weight: 600; }
.note { background: #f0f9ff; border-left: 4px solid #0072B2; padding: 0.6rem 0.9rem; margin: 0.8rem 0; }
.figure { margin: 0.5rem 0 1.2rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0.8rem; }
footer { color: #6b7280; font-size: 0.85rem; margin-top: 3rem; }
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _number(value: Any, digits: int = 4) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return "—" if math.isnan(value) else f"{value:.{digits}g}"
    return str(value)


def _key_value_table(rows: Sequence[tuple[str, Any]]) -> str:
    body = "".join(f"<tr><th>{_e(key)}</th><td>{_e(_number(value))}</td></tr>" for key, value in rows)
    return f"<table>{body}</table>"


def _table(columns: dict[str, Sequence[Any]]) -> str:
    names = list(columns)
    head = "".join(f"<th>{_e(name)}</th>" for name in names)
    count = len(columns[names[0]]) if names else 0
    rows = []
    for i in range(count):
        cells = []
        for name in names:
            value = columns[name][i]
            numeric = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
            cells.append(f'<td class="num">{_e(_number(value))}</td>' if numeric else f"<td>{_e(_number(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


# The data texts of the run being reported (set by html_report for its own call): figures
# written into the report escape them (see nncore/plots/data_text.py).
_DATA_TEXTS: ContextVar[frozenset[str]] = ContextVar("report_data_texts", default=frozenset())


def _figure(fig: Any) -> str:
    """A figure as a div that uses the plotly.js embedded in the head."""
    fig = safe_figure(fig, _DATA_TEXTS.get())
    return '<div class="figure">' + fig.to_html(full_html=False, include_plotlyjs=False, config=FIGURE_CONFIG) + "</div>"


def _cards(items: Sequence[tuple[str, str]]) -> str:
    return '<div class="cards">' + "".join(
        f'<div class="card"><div class="label">{_e(label)}</div><div class="value">{_e(value)}</div></div>'
        for label, value in items
    ) + "</div>"


# --- sections --------------------------------------------------------------------------------


def _metric_text(value: float, name: str) -> str:
    if math.isnan(value):
        return "—"
    return f"{value:.1%}" if name == "accuracy" else f"{value:.4g}"


def _summary(run: Any) -> str:
    metric = run.objective.metric_name
    unit = f" ({run.dataset.target_name})" if metric == "mae" else ""  # regression errors are in the target's units
    items = [
        # Named "loss", with the formula beside it (issue 18): "Test loss (binary cross-entropy)".
        (f"Test loss ({formula[:1].lower() + formula[1:]})" if (formula := run.objective.loss_label) else "Test loss",
         _number(run.test_loss)),
        (f"Test {run.objective.metric_label.lower()}{unit}", _metric_text(run.test_metric, metric)),
    ]
    if run.history:
        items += [("Epochs trained", f"{len(run.history):,}"), ("Training time", f"{run.seconds:.1f} s")]
    message = f'<p class="note">{_e(run.message)}</p>' if run.message else ""
    return _cards(items) + message


def _dataset_section(dataset: Any) -> str:
    names = list(dataset.feature_names)
    shown = ", ".join(names[:MAX_LISTED_FEATURES]) + (f", … ({len(names)} in all)" if len(names) > MAX_LISTED_FEATURES else "")
    rows = [
        ("Name", dataset.title),
        ("Task", dataset.task),
        ("Input", f"{dataset.input_kind}, shape {' x '.join(str(d) for d in dataset.input_shape)}"),
        ("Training examples", len(dataset.x_train)),
        ("Validation examples", len(dataset.x_val)),
        ("Test examples", len(dataset.x_test)),
        ("Features" if dataset.input_kind == "tabular" else "Channels / features", shown),
        ("Target", dataset.target_name),
    ]
    if dataset.class_names:
        rows.append(("Classes", ", ".join(dataset.class_names)))
    params = {k: v for k, v in dataset.params.items() if k != "key"}
    if params:
        rows.append(("Loaded with", ", ".join(f"{k}={v}" for k, v in params.items())))
    steps = "".join(f"<li>{_e(step)}</li>" for step in dataset.preprocessing.steps)
    description = f"<p>{_e(dataset.description)}</p>" if dataset.description else ""
    prep = f"<p><strong>Preprocessing</strong></p><ol>{steps}</ol>" if steps else ""
    return f"<h2>Data</h2>{description}{_key_value_table(rows)}{prep}"


def _keras_layers(model: Any) -> str:
    try:
        from nncore.models.build import parameter_table

        rows = parameter_table(model)
    except Exception:  # an imported model may not follow our layout; the spec still stands
        return ""
    total = sum(row["parameters"] for row in rows)
    return f"<p><strong>Keras layers</strong> ({total:,} parameters)</p>" + _table(
        {key: [row[key] for row in rows] for key in ("layer", "type", "output shape", "parameters", "trainable")}
    )


def _imported_model_section(run: Any) -> str:
    source = run.extra.get("source_file")
    origin = f" from the file {_e(source)}" if source else ""
    return (
        f"<h2>Model (imported{origin})</h2><p>Trained outside the app, so there are no training settings or "
        f"learning curves to show.</p>{_keras_layers(run.model)}"
    )


def _model_section(run: Any) -> str:
    spec, objective = run.spec, run.objective
    layers: dict[str, list[Any]] = {
        "#": [], "kind": [], "units / filters": [], "activation": [], "kernel": [], "pool": [],
        "dropout": [], "batch norm": [], "L1": [], "L2": [], "initializer": [],
    }
    for index, layer in enumerate(spec.layers, start=1):
        layers["#"].append(index)
        layers["kind"].append(layer.kind)
        layers["units / filters"].append(layer.units if layer.has_units else "")
        layers["activation"].append(layer.activation if layer.has_units else "")
        layers["kernel"].append(layer.kernel_size if layer.kind == "conv2d" else "")
        layers["pool"].append(layer.pool_size if layer.kind in ("maxpool2d", "avgpool2d") else "")
        layers["dropout"].append(layer.dropout or "")
        layers["batch norm"].append("yes" if layer.batch_norm else "")
        layers["L1"].append(layer.l1 or "")
        layers["L2"].append(layer.l2 or "")
        layers["initializer"].append(layer.initializer if layer.has_units else "")
    hidden = _table(layers) if spec.layers else "<p>No hidden layers: the inputs feed the output directly.</p>"
    output = _key_value_table(
        [
            ("Output layer", f"{objective.output_units} unit(s), {objective.output_activation}"),
            ("Loss", objective.loss_label),
            ("Metric", objective.metric_label),
        ]
    )
    parameters = _keras_layers(run.model)
    description = f"<p>{_e(spec.description)}</p>" if spec.description else ""
    from nncore.runs.record import model_title

    # The preset's name ("Small MLP"), as on the Model page, not its key ("small_mlp").
    return f"<h2>Model: {_e(model_title(spec))}</h2>{description}<p><strong>Hidden layers</strong></p>{hidden}{output}{parameters}"


def _training_section(run: Any) -> str:
    from nncore.evaluate import diagnose_history
    from nncore.plots.training_plots import learning_curves
    from nncore.training.config import OPTIMIZER_TITLES

    config, dataset = run.config, run.dataset
    rows = [
        ("Optimizer", OPTIMIZER_TITLES.get(config.optimizer, config.optimizer)),
        ("Learning rate", config.learning_rate),
    ]
    if config.optimizer == "sgd":
        rows.append(("Momentum", config.momentum))
    rows += [
        ("Batch size", config.batch_size),
        ("Epochs (planned)", config.epochs),
        ("Early stopping", f"yes, patience {config.patience}" if config.early_stopping else "no"),
        ("Seed", config.seed),
    ]
    parts = ["<h2>Training</h2>", _key_value_table(rows)]
    if run.history:
        from nncore.evaluate.baselines import mean_guess_loss

        diagnosis = diagnose_history(run.history, dataset.task, dataset.n_classes, baseline_loss=mean_guess_loss(dataset))
        parts.append(f'<p class="note"><strong>{_e(diagnosis.title)}.</strong> {_e(diagnosis.message)}</p>')
        parts.append(_figure(learning_curves(run.history, run.objective.loss_label, run.objective.metric_label, title="Learning curves")))
    return "".join(parts)


def _classification_section(run: Any, preds: Any) -> str:
    from nncore.data.positive_class import positive_index
    from nncore.evaluate import calibration, classification_report, pr_curves, roc_curves
    from nncore.plots import eval_plots

    names = preds.class_names or tuple(str(i) for i in range(preds.n_classes))
    report = classification_report(preds.y_true, preds.predicted, names)
    parts = [
        _cards([("Accuracy", f"{report.accuracy:.1%}"), ("Average F1", f"{report.macro_f1:.3f}"), ("Test examples", f"{preds.n:,}")]),
        _table(report.table()),
        '<div class="grid">',
        _figure(eval_plots.confusion_matrix_figure(report.confusion, names, title="Confusion matrix (counts)")),
        _figure(eval_plots.confusion_matrix_figure(report.confusion, names, normalized=True, title="Confusion matrix (share of each true class)")),
    ]
    positive = positive_index(run.dataset)  # two classes: the curves are the positive class's
    roc = roc_curves(preds.y_true, preds.probabilities, names, positive)
    if roc:
        parts.append(_figure(eval_plots.roc_figure(roc, title="ROC curves")))
        parts.append(_figure(eval_plots.pr_figure(pr_curves(preds.y_true, preds.probabilities, names, positive), title="Precision-recall curves")))
    parts.append(_figure(eval_plots.calibration_figure(calibration(preds.y_true, preds.probabilities, positive=positive), title="Calibration")))
    parts.append("</div>")
    return "".join(parts)


def _regression_section(run: Any, preds: Any) -> str:
    from nncore.evaluate import regression_report
    from nncore.plots import eval_plots

    target = run.dataset.target_name
    report = regression_report(preds.y_true, preds.predicted)
    return "".join(
        [
            _cards([("MAE", _number(report.mae)), ("RMSE", _number(report.rmse)), ("R²", _number(report.r2, 3)), ("Test examples", f"{preds.n:,}")]),
            f"<p>Errors are in the original units of {_e(target)}.</p>",
            '<div class="grid">',
            _figure(eval_plots.predicted_vs_true_figure(preds.y_true, preds.predicted, target, title="Predicted against true")),
            _figure(eval_plots.residual_figure(preds.predicted, report.residuals, target, title="Residuals")),
            "</div>",
            _figure(eval_plots.residual_histogram(report.residuals, title="How big the misses are")),
        ]
    )


_BASELINE_TITLES = {
    "majority": "Majority class (always the most common)", "logistic": "Logistic regression (a straight boundary)",
    "mean": "Mean (always the training average)", "ridge": "Ridge regression (a straight line)",
}


def _baselines_section(run: Any, preds: Any) -> str:
    """The network beside simple scikit-learn models fitted on the same split and inputs."""
    baselines = getattr(run, "baselines", None)
    if baselines is None:
        return ""
    from nncore.evaluate import classification_report, regression_report
    from nncore.evaluate.diagnosis import compare_with_baselines, diagnose_history

    if baselines.task == "classification":
        names = preds.class_names or tuple(str(i) for i in range(preds.n_classes))
        report = classification_report(preds.y_true, preds.predicted, names)
        network = {"accuracy": report.accuracy, "macro_f1": report.macro_f1}
        columns = {"accuracy": "test accuracy", "macro_f1": "average F1"}
    else:
        report = regression_report(preds.y_true, preds.predicted)
        network = {"mae": report.mae, "rmse": report.rmse, "r2": report.r2}
        target = run.dataset.target_name
        columns = {"mae": f"test MAE ({target})", "rmse": f"test RMSE ({target})", "r2": "R²"}
    rows = [("This network", network)] + [(_BASELINE_TITLES.get(k, k), v) for k, v in baselines.scores.items()]
    table: dict[str, list] = {"model": [name for name, _ in rows]}
    for key, title in columns.items():
        table[title] = [float(values.get(key, float("nan"))) for _, values in rows]
    curve = diagnose_history(run.history, run.dataset.task, run.dataset.n_classes).verdict if run.history else ""
    verdict = compare_with_baselines(run.test_metric, baselines, curve, n_test=len(run.dataset.y_test))
    note = f'<p class="note"><strong>{_e(verdict.title)}.</strong> {_e(verdict.message)}</p>' if verdict else ""
    return (
        "<p><strong>Baselines to beat</strong></p><p>Simple scikit-learn models fitted on the same training split and the same "
        "prepared inputs, scored on the same test examples.</p>" + _table(table) + note
    )


def _evaluation_section(run: Any, predictions: Any | None) -> str:
    if predictions is None:
        from nncore.evaluate import predict_split

        predictions = predict_split(run, "test")
    body = _classification_section(run, predictions) if predictions.task == "classification" else _regression_section(run, predictions)
    return f"<h2>Evaluation on the test set</h2>{body}{_baselines_section(run, predictions)}{_worst_section(run, predictions)}"


def _worst_section(run: Any, preds: Any, count: int = 10) -> str:
    """The test examples the model gets most wrong, named as on every page of the app."""
    from nncore.data.row_labels import row_label, row_label_kind
    from nncore.evaluate import worst_examples
    from nncore.evaluate.errors import example_label

    if preds.n == 0:
        return ""
    worst = worst_examples(preds, k=count)
    names = preds.class_names
    columns: dict[str, list] = {
        "Example": [row_label(run.dataset, i).english() for i in worst.indices],
        "True": [example_label(v, names) for v in worst.y_true],
        "Predicted": [example_label(v, names) for v in worst.predicted],
        {"loss": "Loss", "abs_error": "Absolute error"}.get(worst.ranking, worst.ranking): [float(v) for v in worst.scores],
    }
    how = {"test_index": "#index in the test set", "file_row": "row in the file, header = row 1",
           "id_column": f"value of {run.dataset.test_rows.id_column if run.dataset.test_rows else ''}"}[row_label_kind(run.dataset)]
    return (f'<p class="note"><strong>The {len(worst.indices)} test examples it gets most wrong</strong> '
            f"(named as in the app: {_e(how)})</p>{_table(columns)}")


def _explanations_section(explanations: Sequence[Any]) -> str:
    if not explanations:
        return ""
    from nncore.plots.explain_plots import explanation_figure

    parts = ["<h2>Pinned explanations</h2>"]
    for number, exp in enumerate(explanations, start=1):
        facts = [("Example", exp.example)] if exp.example else []  # named as on every page
        facts += [
            ("Method", exp.method),
            ("Explained output", exp.output_label or "output"),
            ("Model's value for it", float(exp.predicted_value)),
        ]
        if exp.base_value is not None:
            facts.append(("Base value", float(exp.base_value)))
        facts.append(("Sum of attributions", exp.total))
        if exp.params:
            facts.append(("Settings", ", ".join(f"{k}={_number(v)}" for k, v in exp.params.items())))
        parts.append(f"<h3>{number}. {_e(exp.method)}</h3>")
        parts.append(_key_value_table(facts))
        parts.append(_figure(explanation_figure(exp)))
    return "".join(parts)


def html_report(run: Any, explanations: Sequence[Any] = (), predictions: Any | None = None) -> str:
    """The whole report as one HTML document (plotly.js embedded once; works offline).

    `explanations` are the `Explanation`s the user pinned for this run; `predictions` the
    test-set predictions if the caller already has them (they are computed otherwise).
    """
    from plotly.offline import get_plotlyjs

    if run.model is None or run.dataset is None:
        raise ValueError("Expected a run with a model and its dataset. Received: a run without them.")
    title = run_title(run)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    has_training = run.spec is not None and run.config is not None
    texts = _DATA_TEXTS.set(frozenset(dataset_texts(run.dataset)))
    try:
        sections = [
            f"<h1>{_e(title)}</h1>",
            f'<p class="meta">NN Explorer run report, made {_e(stamp)}.</p>',
            _summary(run),
            _dataset_section(run.dataset),
        ]
        sections.append(_model_section(run) if run.spec is not None else _imported_model_section(run))
        if has_training:
            sections.append(_training_section(run))
        sections.append(_evaluation_section(run, predictions))
        sections.append(_explanations_section(explanations))
    finally:
        _DATA_TEXTS.reset(texts)
    sections.append("<footer>Figures are interactive: hover for values, drag to zoom, double-click to reset.</footer>")
    # plotly.js contains no "</script" (checked in the tests), so it can sit in a script tag.
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{_e(title)} · NN Explorer report</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{_CSS}</style>\n"
        f'<script type="text/javascript">{get_plotlyjs()}</script>\n'
        "</head>\n<body>\n" + "\n".join(sections) + "\n</body>\n</html>\n"
    )


def html_report_bytes(run: Any, explanations: Sequence[Any] = (), predictions: Any | None = None) -> bytes:
    return html_report(run, explanations, predictions).encode("utf-8")
