"""Words one example's identity the same way on every page (see nncore/data/row_labels.py).

A CSV example is "row 17" (its row in the file, as a spreadsheet counts: the header is row 1)
or its value in the ID column the person chose; a built-in dataset's is "#17", its place in
the test split. Every page reads its labels from here, so Evaluate, Explain and Inside agree.
"""

from __future__ import annotations

from typing import Any

from nncore.data.row_labels import row_label as _row_label
from nncore.data.row_labels import row_label_kind
from ui.i18n import t
from ui.runs_text import markdown_text as plain  # data (an ID, a column name) shown as typed


def row_label(dataset: Any, index: int) -> str:
    """Test example `index` as every page names it: "row 17", an ID, or "#17"."""
    label = _row_label(dataset, index)
    # "#17" and an ID read the same in every language; only "row 17" is words.
    return t("rowid.label.file_row", value=label.value) if label.kind == "file_row" else label.english()


def row_label_md(dataset: Any, index: int) -> str:
    """`row_label`, safe inside Markdown, captions and button labels (an ID is data)."""
    return plain(row_label(dataset, index))


def row_column_title(dataset: Any) -> str:
    """The header of a table column of row labels: "row in file", the ID column, "test example"."""
    kind = row_label_kind(dataset)
    if kind == "id_column":
        return str(dataset.test_rows.id_column)
    return t(f"rowid.column.{kind}")


def row_labels_help(dataset: Any) -> str:
    """How this dataset names its examples, for a widget's help text."""
    kind = row_label_kind(dataset)
    if kind == "id_column":
        return t("rowid.help.id_column", column=plain(dataset.test_rows.id_column))
    return t(f"rowid.help.{kind}")
