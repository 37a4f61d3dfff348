"""A dataset's arrays and labels written beside a run, for data that cannot be reloaded.

Built-in datasets are rebuilt from `Dataset.params`; an uploaded CSV exists only in the
session that uploaded it, so its processed arrays (splits and fitted preprocessing) are kept
with the run instead. Arrays go to an `.npz` read with `allow_pickle=False` (a saved file can
never run code); everything else to JSON.

`fingerprint` hashes a dataset's arrays so a reloaded built-in dataset can be checked against
the one the run was trained on (a library upgrade could change a generator).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from nncore.data.dataset import Dataset, Preprocessing
from nncore.data.row_labels import RowLabels
from nncore.errors import DatasetError
from nncore.messages import Message, from_text, to_text

ARRAYS_FILE = "dataset.npz"
META_FILE = "dataset.json"
SPLIT_ARRAYS = ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test")
# Builders key reloadable datasets by their registry key; these are the ones that are not.
NOT_RELOADABLE = ("csv",)


def needs_archive(dataset: Dataset) -> bool:
    """True when the dataset cannot be rebuilt from its params alone."""
    return not dataset.params or dataset.params.get("key", dataset.key) in NOT_RELOADABLE


def fingerprint(dataset: Dataset) -> str:
    """A short hash of the split arrays' shapes and bytes."""
    digest = hashlib.sha256()
    for name in SPLIT_ARRAYS:
        array = np.ascontiguousarray(getattr(dataset, name))
        digest.update(f"{name}{array.shape}{array.dtype.str}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()[:16]


def write_archive(dataset: Dataset, folder: Path) -> None:
    """Write the dataset into `folder` (which must exist) as dataset.npz + dataset.json."""
    prep = dataset.preprocessing
    arrays = {name: np.asarray(getattr(dataset, name)) for name in SPLIT_ARRAYS}
    if prep.feature_mean is not None:
        arrays["feature_mean"] = np.asarray(prep.feature_mean)
    if prep.feature_scale is not None:
        arrays["feature_scale"] = np.asarray(prep.feature_scale)
    with open(folder / ARRAYS_FILE, "wb") as handle:
        np.savez_compressed(handle, **arrays)
    meta = {
        "key": dataset.key,
        "title": dataset.title,
        "task": dataset.task,
        "input_kind": dataset.input_kind,
        "feature_names": list(dataset.feature_names),
        "class_names": None if dataset.class_names is None else list(dataset.class_names),
        "params": jsonable(dataset.params),
        "description": dataset.description,
        "target_name": dataset.target_name,
        "positive_class": getattr(dataset, "positive_class", None),
        "test_rows": None if dataset.test_rows is None else dataset.test_rows.to_dict(),
        "preprocessing": {
            "target_mean": prep.target_mean,
            "target_scale": prep.target_scale,
            "steps": [to_text(step) for step in prep.steps],  # keyed steps as JSON: reworded in any language
            "extra": jsonable(prep.extra),
        },
    }
    (folder / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")


def read_archive(folder: Path) -> Dataset:
    """Rebuild the Dataset `write_archive` wrote. Raises DatasetError if the files are missing or damaged."""
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        with np.load(folder / ARRAYS_FILE, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (OSError, ValueError, KeyError) as error:
        raise DatasetError(
            Message("msg.runs.saved_data", folder=str(folder), kind=type(error).__name__, error=str(error))
        ) from None
    missing = [name for name in SPLIT_ARRAYS if name not in arrays]
    if missing:
        raise DatasetError(f"Expected the arrays {list(SPLIT_ARRAYS)} in {ARRAYS_FILE}. Missing: {missing}")
    prep = meta["preprocessing"]
    preprocessing = Preprocessing(
        feature_mean=arrays.get("feature_mean"),
        feature_scale=arrays.get("feature_scale"),
        target_mean=prep["target_mean"],
        target_scale=prep["target_scale"],
        steps=tuple(from_text(step) for step in prep["steps"]),
        extra=dict(prep["extra"]),
    )
    return Dataset(
        key=meta["key"],
        title=meta["title"],
        task=meta["task"],
        input_kind=meta["input_kind"],
        **{name: _frozen(arrays[name]) for name in SPLIT_ARRAYS},
        feature_names=tuple(meta["feature_names"]),
        class_names=None if meta["class_names"] is None else tuple(meta["class_names"]),
        preprocessing=preprocessing,
        params=dict(meta["params"]),
        description=meta["description"],
        target_name=meta["target_name"],
        # Archives written before the choice existed have none: the default then applies.
        positive_class=meta.get("positive_class"),
        # Archives written before row labels existed name examples by test index.
        test_rows=RowLabels.from_dict(meta["test_rows"]) if meta.get("test_rows") else None,
    )


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def jsonable(value: Any) -> Any:
    """Plain JSON types, with numpy scalars and arrays turned into Python ones."""
    return json.loads(json.dumps(value, default=_to_python))


def _to_python(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (tuple, set, frozenset)):
        return list(value)
    raise TypeError(f"Expected JSON-serialisable dataset metadata. Received: {type(value).__name__}")
