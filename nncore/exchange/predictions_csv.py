"""The test set's predictions as CSV, each example named as on every page of the app.

One row per test example, in the test split's order: its name ("row 17", an ID, or "#3"), its
row in the person's file and ID where there are such, the true answer, the model's answer and,
for classes, the probability the model gave each class. Text cells a spreadsheet would run as a
formula are escaped as in the history CSV.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from nncore.data.row_labels import row_label
from nncore.evaluate.errors import example_label
from nncore.exchange.history_csv import escape_cell


def predictions_table(run: Any, predictions: Any) -> dict[str, list]:
    """Columns of the file: names, truth, prediction and per-class probabilities or the error."""
    dataset = run.dataset
    n = predictions.n
    columns: dict[str, list] = {"example": [row_label(dataset, i).english() for i in range(n)]}
    rows = dataset.test_rows
    if rows is not None:
        columns["row in file"] = list(rows.file_rows)
        if rows.ids is not None:
            columns[str(rows.id_column)] = list(rows.ids)
    names = predictions.class_names
    truth = f"true {dataset.target_name}"
    if predictions.task == "classification":
        columns[truth] = [example_label(v, names) for v in predictions.y_true]
        columns["predicted"] = [example_label(v, names) for v in predictions.predicted]
        class_names = names or tuple(str(k) for k in range(predictions.probabilities.shape[1]))
        for k, name in enumerate(class_names):
            columns[f"probability of {name}"] = [float(p) for p in predictions.probabilities[:, k]]
    else:
        columns[truth] = [float(v) for v in predictions.y_true]
        columns["predicted"] = [float(v) for v in predictions.predicted]
        columns["error"] = [float(p - y) for p, y in zip(predictions.predicted, predictions.y_true)]
    return columns


def predictions_csv(run: Any, predictions: Any | None = None) -> str:
    """The table as CSV text (the test split's predictions are computed when not given)."""
    if predictions is None:
        from nncore.evaluate import predict_split

        predictions = predict_split(run, "test")
    table = predictions_table(run, predictions)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([escape_cell(name) for name in table])
    for row in zip(*table.values()):
        writer.writerow([escape_cell(v) if isinstance(v, str) else repr(v) if isinstance(v, float) else v for v in row])
    return out.getvalue()
