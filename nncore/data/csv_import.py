"""The user's own CSV file: read it safely, preview it, turn it into a `Dataset`.

The file is untrusted. `inspect_csv` checks the file itself (size, encoding, structure,
header) and every problem becomes a DatasetError whose message names it; no other exception
type escapes. `dataset_from_csv` then gives every column its role (`column_roles`, the same
function the Data page shows), checks the target and feature columns, handles missing values
(never dropping more than DROP_LIMIT of the rows unless told to), encodes text and date
columns and splits.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from nncore.data.build import build_dataset
from nncore.data.column_roles import ColumnRole, Role, column_roles, default_features
from nncore.data.columns import ColumnInfo, analyse_column, infer_task, label_text
from nncore.data.dataset import Dataset, Task
from nncore.data.info import with_split
from nncore.data.splits import DEFAULT_SPLIT, MIN_ROWS_PER_CLASS, split_fractions, split_indices
from nncore.data.table_encoding import TableEncoding, missing_cells
from nncore.data.row_labels import FIRST_DATA_ROW, RowLabels, spreadsheet_rows
from nncore.errors import DatasetError
from nncore.messages import Message

# Keep in step with server.maxUploadSize in .streamlit/config.toml (also in MB).
MAX_UPLOAD_MB = 50

TaskChoice = Literal["auto", "classification", "regression"]
MissingChoice = Literal["auto", "drop", "impute"]

_TASK_CHOICES = ("auto", "classification", "regression")
_MISSING_CHOICES = ("auto", "drop", "impute")
# missing="auto" drops the rows with a gap only while they are at most this share of the rows;
# beyond it, gaps are filled in: a table that keeps 34 of 344 rows has lost its evidence.
DROP_LIMIT = 0.05
# A filled-in column also gets a 0/1 "was missing" input when at least this share of its rows
# (and INDICATOR_MIN_ROWS rows) had a gap: then the gap may mean something (a test not done).
INDICATOR_SHARE = 0.05
INDICATOR_MIN_ROWS = 3
# The Data page highlights filled-in cells among the first training rows it shows; the dataset
# records which of its first FILLED_PREVIEW_ROWS training rows had gaps (not every row: the
# record is kept with every run).
FILLED_PREVIEW_ROWS = 50

# Signatures of common non-text files people rename or pick by mistake.
# (the file's first bytes, the key of what such a file is: msg.frag.<kind>)
_MAGIC = (
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "xls"),
    (b"\x1f\x8b", "gzip"),
)


@dataclass(frozen=True)
class CsvLimits:
    """Caps that keep a hostile or accidental file from exhausting the server."""

    max_bytes: int = MAX_UPLOAD_MB * 1024 * 1024
    max_rows: int = 200_000
    max_columns: int = 500
    max_categories: int = 50  # distinct values per text column, and classes per target

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_rows", "max_columns", "max_categories"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(
                    f"Expected a positive whole `{name}`. Received: {name}={value!r}"
                )


@dataclass(frozen=True, eq=False)
class CsvPreview:
    """A parsed, validated file, ready for the user to choose a target.

    `frame` holds typed values: float64 for numeric columns, text otherwise, NaN where a
    value is missing. Do not modify it; `dataset_from_csv` works on a copy.
    """

    filename: str
    frame: pd.DataFrame
    columns: tuple[str, ...]
    column_info: tuple[ColumnInfo, ...]
    suggested_target: str  # the last column, by the usual convention
    n_rows: int
    n_bytes: int
    delimiter: str
    limits: CsvLimits = field(default_factory=CsvLimits)
    # Each row's number in the file as a spreadsheet counts it (header = row 1); None: 2, 3, ...
    file_rows: np.ndarray | None = None

    def info(self, column: str) -> ColumnInfo:
        for info in self.column_info:
            if info.name == column:
                return info
        raise DatasetError(Message("msg.csv.column_unknown", columns=_join(self.columns), column=repr(column)))

    def infer_task(self, target: str) -> Task:
        """The task `dataset_from_csv(task="auto")` would pick for this target."""
        return infer_task(self.info(target))

    def roles(
        self, target: str, choices: Mapping[str, Role] | None = None
    ) -> tuple[ColumnRole, ...]:
        """Every column's role for `target` (see `column_roles`); `choices` are a person's changes."""
        self.info(target)  # an unknown target is a DatasetError naming the columns
        return column_roles(self.frame, target, self.column_info, self.limits.max_categories, choices)

    @property
    def n_missing(self) -> int:
        return sum(info.n_missing for info in self.column_info)

    def row_numbers(self) -> np.ndarray:
        """The spreadsheet row number of every row of `frame` (the first data row is row 2)."""
        if self.file_rows is not None:
            return np.asarray(self.file_rows, dtype=np.int64)
        return np.arange(self.n_rows, dtype=np.int64) + FIRST_DATA_ROW

    def id_columns(self) -> tuple[str, ...]:
        """Columns that can name rows: a value in every row, and no value twice."""
        return tuple(
            info.name for info in self.column_info
            if info.usable and info.n_missing == 0 and info.n_distinct == self.n_rows
            and (info.kind == "categorical" or info.integer_valued)
        )


def inspect_csv(
    data: bytes, filename: str = "data.csv", limits: CsvLimits = CsvLimits()
) -> CsvPreview:
    """Parse and validate an uploaded file. Raises DatasetError naming any problem."""
    name = _display_name(filename)
    try:
        return _inspect(data, name, limits)
    except DatasetError:
        raise
    except Exception as err:  # untrusted input: nothing but DatasetError may reach the UI
        raise DatasetError(
            Message("msg.csv.unreadable", name=name, error=f"{type(err).__name__}: {err}")
        ) from err


def preview_from_frame(
    frame: pd.DataFrame, name: str = "table", limits: CsvLimits = CsvLimits()
) -> CsvPreview:
    """A preview for a table already in memory (e.g. built in a notebook)."""
    if not isinstance(frame, pd.DataFrame):
        raise DatasetError(
            f"Expected a pandas DataFrame or a CsvPreview. Received: {type(frame).__name__}"
        )
    columns = [str(c) for c in frame.columns]
    _check_header(columns, name, limits)
    frame = frame.copy()
    frame.columns = columns
    frame = frame.reset_index(drop=True)
    if frame.empty:
        raise DatasetError(Message("msg.csv.no_rows", name=name))
    if len(frame) > limits.max_rows:
        raise DatasetError(Message("msg.csv.too_many_rows", most=f"{limits.max_rows:,}", n=f"{len(frame):,}", name=name))
    n_bytes = int(frame.memory_usage(deep=True).sum())
    return _preview(frame, name, n_bytes=n_bytes, delimiter=",", limits=limits)


def dataset_from_csv(
    source: CsvPreview | pd.DataFrame,
    target: str,
    task: TaskChoice = "auto",
    missing: MissingChoice = "auto",
    seed: int = 0,
    name: str | None = None,
    features: Sequence[str] | None = None,
    split: str = DEFAULT_SPLIT,
    roles: Mapping[str, Role] | None = None,
    label_by: str | None = None,
) -> Dataset:
    """Build a tabular Dataset predicting `target` from `features`.

    `split` is the training/validation/test shares ("60/20/20", "70/15/15"...; stratified by
    class for classification).

    By default the features are every column `column_roles` does not leave out (row numbers,
    identifiers, constants, free text, dates, mostly empty columns), after the person's
    changes in `roles` ({column: "feature" | "left_out" | "date_numbers"}); an explicit
    `features` list overrides both (a date column in it is used as numbers).
    missing="drop" removes rows with a missing feature value; "impute" fills numeric gaps
    with the training median and text gaps with the most frequent training value (plus a
    "was missing" input for columns with many gaps); "auto" drops while that removes at most
    DROP_LIMIT of the rows and fills in otherwise. Rows with no target value are always
    removed (a label cannot be made up).

    Each example keeps its row number in the file (a spreadsheet's count: the header is row
    1), or with `label_by` the value of that column (an ID: every value different), as its
    name on every page; the `label_by` column is then not a feature.
    """
    preview = source if isinstance(source, CsvPreview) else preview_from_frame(source)
    limits = preview.limits
    if target not in preview.columns:
        raise DatasetError(Message("msg.csv.target_unknown", columns=_join(preview.columns), target=repr(target)))
    if task not in _TASK_CHOICES:
        raise DatasetError(
            f"Expected `task` to be 'auto', 'classification' or 'regression'. "
            f"Received: task={task!r}"
        )
    if missing not in _MISSING_CHOICES:
        raise DatasetError(Message("msg.roles.expected_missing", value=repr(missing)))
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DatasetError(f"Expected a non-negative whole `seed`. Received: seed={seed!r}")
    split_fractions(split)  # an unknown choice is refused before any work
    seed = int(seed)
    _check_label_column(preview, target, features, label_by)
    target_info = preview.info(target)
    _check_target(target_info)
    resolved: Task = infer_task(target_info) if task == "auto" else task
    column_role = {r.name: r for r in preview.roles(target, roles)}
    feature_columns = [c for c in _feature_columns(preview, target, features, column_role) if c != label_by]
    dates = tuple(
        c for c in feature_columns
        if column_role[c].is_date and (features is not None or column_role[c].role == "date_numbers")
    )
    for column in feature_columns:
        if column not in dates:
            _check_feature(preview.info(column), preview.frame[column], limits)

    frame = preview.frame
    steps: list[Message] = [
        Message("msg.prep.read_csv", name=preview.filename, rows=f"{preview.n_rows:,}", columns=len(preview.columns))
    ]
    if features is None:
        steps.extend(_left_out_steps(column_role.values()))
    keep = frame[target].notna()
    if (~keep).any():
        steps.append(Message("msg.prep.removed_no_target", n=f"{int((~keep).sum()):,}", target=target))
    incomplete = keep & frame[feature_columns].isna().any(axis=1)
    n_labelled = int(keep.sum())
    used = missing
    if missing == "auto":
        used = "drop" if incomplete.sum() <= DROP_LIMIT * n_labelled else "impute"
        if used == "impute":
            steps.append(Message(
                "msg.roles.kept_rows", n=f"{int(incomplete.sum()):,}", share=f"{incomplete.sum() / n_labelled:.0%}"
            ))
    gaps = {c: int(frame.loc[keep, c].isna().sum()) for c in feature_columns}
    gaps = {c: n for c, n in gaps.items() if n}
    if used == "drop":
        if incomplete.any():
            if incomplete.sum() == keep.sum():
                gaps = [c for c in feature_columns if frame[c].isna().any()]
                raise DatasetError(Message("msg.csv.rows_all_missing", columns=_join(gaps, 5)))
            steps.append(Message("msg.prep.removed_missing", n=f"{int(incomplete.sum()):,}"))
            keep &= ~incomplete
    kept = np.flatnonzero(keep.to_numpy())  # positions in the file, before the shuffle
    rows = frame.loc[keep].reset_index(drop=True)
    indicators = tuple(
        c for c, n in gaps.items()
        if used == "impute" and n >= max(INDICATOR_MIN_ROWS, INDICATOR_SHARE * n_labelled)
    )
    row_labels = _row_labels(preview, kept, label_by)

    if resolved == "classification":
        y, class_names, label_step = _encode_labels(rows[target], target_info, limits)
        steps.append(label_step)
    else:
        y, class_names = _regression_target(rows[target], target_info), None

    shares = split
    split = split_indices(
        len(rows),
        seed=seed,
        stratify=y if resolved == "classification" else None,
        class_names=class_names,
        shares=shares,
    )
    text_columns = {
        c for c in feature_columns if preview.info(c).kind == "categorical" and c not in dates
    }
    encoding = TableEncoding.fit(
        rows.loc[split.train, feature_columns], text_columns, indicators=indicators, dates=dates
    )
    x = encoding.transform(rows[feature_columns])
    steps.extend(_encoding_steps(encoding))
    gap_report = _gap_report(encoding, gaps, used)
    steps.extend(_gap_steps(gap_report))
    head = split.train[:FILLED_PREVIEW_ROWS]
    filled = {
        c: np.flatnonzero(missing_cells(rows[c]).to_numpy()[head]).tolist() for c in gaps
    } if used == "impute" else {}

    extra = {
        "source": "csv",
        "filename": preview.filename,
        "target": target,
        "encoding": encoding.to_dict(),
        # What the Data page shows after loading: each column's role, and the gaps, per column.
        "roles": [
            {"column": r.name, "role": r.role, "reason": r.reason}
            for r in column_role.values()
        ],
        "gaps": {"choice": missing, "used": used, "rows": n_labelled,
                 "incomplete": int(incomplete.sum()),
                 "dropped": int(incomplete.sum()) if used == "drop" else 0,
                 "columns": gap_report},
        "filled_train_rows": {c: rows_ for c, rows_ in filled.items() if rows_},
    }
    return build_dataset(
        key="csv",
        title=name or preview.filename,
        task=resolved,
        input_kind="tabular",
        x=x,
        y=y,
        feature_names=encoding.feature_names,
        class_names=class_names,
        params=with_split({
            "key": "csv",
            "filename": preview.filename,
            "target": target,
            "task": resolved,
            "missing": missing,
            "seed": seed,
            "features": list(feature_columns),
            **({"label_by": label_by} if label_by is not None else {}),
        }, shares),
        description=_description(preview, target, resolved, feature_columns, len(rows)),
        seed=seed,
        steps=tuple(steps),
        target_name=target,
        split=split,
        shares=shares,
        keep_features=encoding.one_hot_mask,
        extra=extra,
        rows=row_labels,
    )


def encode_rows(frame: pd.DataFrame, dataset: Dataset) -> np.ndarray:
    """Map raw rows (same columns as the CSV's features) to model inputs of a CSV dataset."""
    stored = dataset.preprocessing.extra.get("encoding")
    if stored is None:
        raise DatasetError(
            f"Expected a dataset made from a CSV file. Received: key={dataset.key!r}"
        )
    encoding = TableEncoding.from_dict(stored)
    return dataset.preprocessing.transform_features(encoding.transform(frame))


# --- reading the file -----------------------------------------------------------------------


def _inspect(data: bytes, name: str, limits: CsvLimits) -> CsvPreview:
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise DatasetError(
            f"Expected the file's contents as bytes. Received: {type(data).__name__}"
        )
    if len(data) > limits.max_bytes:
        raise DatasetError(
            Message("msg.csv.too_big", most=_megabytes(limits.max_bytes), name=name, size=_megabytes(len(data)))
        )
    if not data.lstrip(b"\xef\xbb\xbf").strip():
        raise DatasetError(Message("msg.csv.empty", name=name))
    _check_not_binary(data, name)
    text = _decode(data, name)
    delimiter = _guess_delimiter(text, name)
    header = _read_header(text, delimiter)
    if header is None:
        raise DatasetError(Message("msg.csv.empty", name=name))
    _check_header(header, name, limits)
    frame = _parse(text, delimiter, name, limits)
    if frame.empty:
        raise DatasetError(Message("msg.csv.header_only", name=name, columns=_join(header, 5)))
    if len(frame) > limits.max_rows:
        raise DatasetError(Message("msg.csv.more_rows", most=f"{limits.max_rows:,}", name=name))
    if len(header) > 1 and (frame.iloc[:, -1] == "").any():
        # The C parser pads short rows with empty cells silently; find them ourselves.
        _check_short_rows(text, delimiter, len(header), name)
    frame.columns = header
    preview = _preview(frame, name, n_bytes=len(data), delimiter=delimiter, limits=limits)
    return dataclasses.replace(preview, file_rows=spreadsheet_rows(text, delimiter, len(frame)))


def _preview(
    frame: pd.DataFrame, name: str, *, n_bytes: int, delimiter: str, limits: CsvLimits
) -> CsvPreview:
    typed: dict[str, pd.Series] = {}
    infos: list[ColumnInfo] = []
    for column in frame.columns:
        values, info = analyse_column(column, frame[column])
        typed[column] = values
        infos.append(info)
    columns = tuple(frame.columns)
    return CsvPreview(
        filename=name,
        frame=pd.DataFrame(typed, index=frame.index),
        columns=columns,
        column_info=tuple(infos),
        suggested_target=columns[-1],
        n_rows=len(frame),
        n_bytes=n_bytes,
        delimiter=delimiter,
        limits=limits,
    )


def _check_not_binary(data: bytes, name: str) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DatasetError(Message("msg.csv.utf16", name=name))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DatasetError(Message("msg.csv.not_text", name=name, what=Message(f"msg.frag.{what}")))
    if b"\x00" in data[:65536]:
        raise DatasetError(Message("msg.csv.binary", name=name))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")  # accepts, and drops, the BOM Excel writes
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise DatasetError(Message("msg.csv.not_utf8", name=name, byte=f"0x{data[err.start]:02x}", line=line)) from None


def _guess_delimiter(text: str, name: str) -> str:
    """Comma, unless the header clearly uses tabs or semicolons (common in Europe)."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    if name.lower().endswith(".tsv") or ("\t" in first_line and "," not in first_line):
        return "\t"
    if ";" in first_line and "," not in first_line:
        return ";"
    return ","


def _read_header(text: str, delimiter: str) -> list[str] | None:
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if row:
            return [cell.strip() or f"column {i + 1}" for i, cell in enumerate(row)]
    return None


def _check_header(header: list[str], name: str, limits: CsvLimits) -> None:
    if len(header) > limits.max_columns:
        raise DatasetError(
            Message("msg.csv.too_many_columns", most=f"{limits.max_columns:,}", name=name, n=f"{len(header):,}")
        )
    # pandas would silently rename a repeated "a" to "a.1"; a user should know instead.
    repeated = [(col, n) for col, n in Counter(header).items() if n > 1]
    if repeated:
        listed = ", ".join(f"'{col}' ({n} times)" for col, n in repeated[:5])
        raise DatasetError(Message("msg.csv.repeated_names", name=name, names=listed))


def _parse(text: str, delimiter: str, name: str, limits: CsvLimits) -> pd.DataFrame:
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=0,
            index_col=False,  # a row with an extra field is an error, not an index
            dtype=str,  # every cell as text: types are decided per column afterwards
            na_filter=False,
            keep_default_na=False,
            engine="c",
            on_bad_lines="error",
            skip_blank_lines=True,
            quotechar='"',
            doublequote=True,
            nrows=limits.max_rows + 1,  # one more than allowed reveals an oversized file
        )
    except pd.errors.EmptyDataError:
        raise DatasetError(Message("msg.csv.empty", name=name)) from None
    except pd.errors.ParserError as err:
        raise _parser_error(str(err), name) from None


def _parser_error(message: str, name: str) -> DatasetError:
    fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if fields:
        expected, line, saw = fields.groups()
        return DatasetError(Message.plural("msg.csv.fields", "saw", expected=expected, line=line, name=name, saw=saw))
    quote = re.search(r"EOF inside string starting at row (\d+)", message)
    if quote:
        # pandas counts rows from 0 with the header as row 0: row N is on line N + 1.
        line = int(quote.group(1)) + 1
        return DatasetError(Message("msg.csv.quote", line=line, name=name))
    return DatasetError(Message("msg.csv.unparsable", name=name, error=message))


def _check_short_rows(text: str, delimiter: str, n_fields: int, name: str) -> None:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader, None)  # header (already checked)
    for row in reader:
        if row and len(row) < n_fields:
            raise DatasetError(Message.plural(
                "msg.csv.fields", "saw", expected=n_fields, line=reader.line_num, name=name, saw=len(row)
            ))


# --- checking columns ----------------------------------------------------------------------


def _feature_columns(
    preview: CsvPreview,
    target: str,
    features: Sequence[str] | None,
    roles: Mapping[str, ColumnRole],
) -> list[str]:
    if features is None:
        # The columns' roles decide (the same function the Data page shows); a left-out
        # column is named in the preprocessing steps. Chosen explicitly, a bad one is an error.
        chosen = default_features(list(roles.values()))
        left_out = [r for r in roles.values() if r.role == "left_out"]
        if not chosen and left_out and any(r.reason != "empty" for r in left_out):
            listed = ", ".join(f"'{r.name}' ({r.reason.replace('_', ' ')})" for r in left_out[:5])
            raise DatasetError(Message("msg.roles.all_left_out", target=target, listed=listed))
    else:
        if isinstance(features, str):
            features = [features]
        unknown = [c for c in features if c not in preview.columns]
        if unknown:
            raise DatasetError(
                Message("msg.csv.features_unknown", columns=_join(preview.columns, 10), unknown=_join(unknown, 5))
            )
        if target in features:
            raise DatasetError(Message("msg.csv.features_include_target", target=target, features=repr(list(features))))
        chosen = [c for c in preview.columns if c in set(features)]
    if not chosen:
        others = [c for c in preview.columns if c != target]
        raise DatasetError(
            Message("msg.csv.no_features", target=target) if not others
            else Message("msg.csv.empty_features", target=target, columns=_join(others, 5))
        )
    return chosen


def _check_label_column(
    preview: CsvPreview, target: str, features: Sequence[str] | None, label_by: str | None
) -> None:
    if label_by is None:
        return
    if label_by not in preview.columns:
        raise DatasetError(Message("msg.rowid.label_unknown", columns=_join(preview.columns), column=repr(label_by)))
    if label_by == target:
        raise DatasetError(Message("msg.rowid.label_is_target", target=target, column=repr(label_by)))
    if features is not None and label_by in ([features] if isinstance(features, str) else features):
        raise DatasetError(Message("msg.rowid.label_is_feature", column=label_by, features=repr(list(features))))
    values = preview.frame[label_by]
    if values.isna().any() or values.duplicated().any():
        if values.isna().any():
            raise DatasetError(Message("msg.rowid.label_missing", column=label_by, n=f"{int(values.isna().sum()):,}"))
        repeated = label_text(values[values.duplicated()].iloc[0])
        raise DatasetError(Message("msg.rowid.label_repeated", column=label_by, value=repr(repeated)))


def _row_labels(preview: CsvPreview, kept: np.ndarray, label_by: str | None) -> RowLabels:
    """The kept rows' numbers in the file (and IDs), in the order of the rows that are used."""
    file_rows = tuple(int(r) for r in preview.row_numbers()[kept])
    if label_by is None:
        return RowLabels(file_rows)
    ids = tuple(label_text(v) for v in preview.frame[label_by].to_numpy()[kept])
    return RowLabels(file_rows, ids, label_by)


def _check_target(info: ColumnInfo) -> None:
    if info.kind == "empty":
        raise DatasetError(Message("msg.csv.target_missing", name=info.name))
    if info.kind == "mixed":
        raise DatasetError(_mixed_message(info))


def _check_feature(info: ColumnInfo, values: pd.Series, limits: CsvLimits) -> None:
    if info.kind == "empty":
        raise DatasetError(Message("msg.csv.feature_missing", name=info.name))
    if info.kind == "mixed":
        raise DatasetError(_mixed_message(info))
    if info.kind == "categorical" and info.n_distinct > limits.max_categories:
        raise DatasetError(Message(
            "msg.csv.too_many_categories", most=limits.max_categories, name=info.name, n=f"{info.n_distinct:,}",
            examples=_join(values.dropna().unique()[:3].tolist(), 3),
        ))


def _mixed_message(info: ColumnInfo) -> Message:
    return Message.plural("msg.csv.mixed", "n", name=info.name, n=f"{info.n_bad:,}", example=repr(info.example_bad))


def _encode_labels(
    labels: pd.Series, info: ColumnInfo, limits: CsvLimits
) -> tuple[np.ndarray, tuple[str, ...], str]:
    """Class indices, class names (original labels as text) and a preprocessing step."""
    if info.kind == "numeric":
        values = np.sort(labels.unique().astype(np.float64))
        names = tuple(label_text(v) for v in values)
        y = np.searchsorted(values, labels.to_numpy(dtype=np.float64))
    else:
        text = labels.astype(str)
        names = tuple(sorted(text.unique()))
        y = np.searchsorted(np.array(names, dtype=object), text.to_numpy(dtype=object))
    if len(names) < 2:
        only = repr(names[0]) if names else Message("msg.frag.nothing")
        raise DatasetError(Message("msg.csv.one_class", name=info.name, value=only))
    if len(names) > limits.max_categories:
        raise DatasetError(Message("msg.csv.too_many_classes", most=limits.max_categories, n=f"{len(names):,}", name=info.name))
    counts = np.bincount(y, minlength=len(names))
    if counts.min() < MIN_ROWS_PER_CLASS:
        rare = names[int(np.argmin(counts))]
        raise DatasetError(Message.plural(
            "msg.csv.rare_class", "n", least=MIN_ROWS_PER_CLASS, label=repr(rare), name=info.name, n=int(counts.min())
        ))
    shown = ", ".join(f"'{n}' -> {i}" for i, n in enumerate(names[:6]))
    more = ", ..." if len(names) > 6 else ""
    step = Message("msg.prep.numbered", name=info.name, shown=f"{shown}{more}")
    return y.astype(np.int64), names, step


def _regression_target(values: pd.Series, info: ColumnInfo) -> np.ndarray:
    if info.kind != "numeric":
        example = values.astype(str).iloc[0]
        raise DatasetError(Message("msg.csv.text_target", name=info.name, example=repr(example)))
    y = values.to_numpy(dtype=np.float64)
    if np.ptp(y) == 0:
        raise DatasetError(Message("msg.csv.constant_target", name=info.name, value=label_text(y[0])))
    return y


# A left-out column's reason, as the key of its step: msg.roles.left_out.<reason>.
_REASONS = ("row_number", "identifier", "constant", "free_text", "date", "mostly_empty", "chosen")


def _left_out_steps(roles) -> list[Message]:
    """One step per reason: "Left out 'ID', 'name': an identifier (...)"."""
    steps = []
    by_reason: dict[str, list[str]] = {}
    for r in roles:
        if r.role == "left_out":
            by_reason.setdefault(r.reason or "chosen", []).append(r.name)
    for reason, names in by_reason.items():
        if reason == "empty":
            steps.append(Message("msg.prep.left_out", columns=_join(names, 5)))
        elif reason in _REASONS:
            steps.append(Message(f"msg.roles.left_out.{reason}", columns=_join(names, 5)))
    return steps


def _gap_report(encoding: TableEncoding, gaps: Mapping[str, int], used: str) -> list[dict]:
    """Per column with gaps: how many, and (when filled in) with what and whether an input says so."""
    report = []
    for column, n in gaps.items():
        entry: dict = {"column": column, "missing": n, "action": "dropped" if used == "drop" else "filled"}
        if used == "impute":
            fill = encoding.fill_values.get(column)
            entry["fill"] = (
                "median" if column in encoding.dates
                else "most_frequent" if column in encoding.categories else "median"
            )
            entry["value"] = None if column in encoding.dates else fill
            entry["indicator"] = column in encoding.indicators
        report.append(entry)
    return report


def _gap_steps(report: list[dict]) -> list[Message]:
    steps = []
    for entry in report:
        if entry["action"] != "filled":
            continue
        value = entry["value"]
        indicator = "_indicator" if entry["indicator"] else ""
        n, column = f"{entry['missing']:,}", entry["column"]
        if value is None:  # a date: each of its parts takes its own median
            steps.append(Message(f"msg.roles.filled_date{indicator}", n=n, column=column))
        else:
            shown = f"'{value}'" if isinstance(value, str) else f"{value:.4g}"
            stat = Message("msg.frag.roles.median" if entry["fill"] == "median" else "msg.frag.roles.most_frequent")
            steps.append(Message(f"msg.roles.filled{indicator}", n=n, column=column, value=shown, stat=stat))
    return steps


def _encoding_steps(encoding: TableEncoding) -> list[Message]:
    # Filled-in gaps are told per column, with counts, by _gap_steps.
    steps = []
    if encoding.categories:
        listed = ", ".join(f"'{c}' ({len(v)} values)" for c, v in encoding.categories.items())
        steps.append(Message("msg.prep.one_hot", listed=listed))
    return steps


def _description(
    preview: CsvPreview, target: str, task: Task, features: list[str], n_rows: int
) -> str:
    what = "class" if task == "classification" else "value"
    return (
        f"Your file '{preview.filename}': predict the {what} in '{target}' from "
        f"{len(features)} other column{'s' if len(features) != 1 else ''} "
        f"({n_rows:,} rows)."
    )


# --- small helpers ---------------------------------------------------------------------------


def _display_name(filename: object) -> str:
    # Only the base name, without control characters: it is echoed back in messages.
    text = str(filename or "data.csv").replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if ch.isprintable())[:120]
    return text or "data.csv"


def _megabytes(n_bytes: int) -> str:
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.1f} KB".replace(".0 KB", " KB")
    return Message("msg.frag.bytes", n=n_bytes)


def _join(names: Sequence[str], limit: int = 20) -> str:
    shown = ", ".join(f"'{n}'" for n in list(names)[:limit])
    return Message("msg.frag.and_more", listed=shown, n=len(names) - limit) if len(names) > limit else shown
