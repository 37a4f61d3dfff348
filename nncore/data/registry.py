"""The catalogue of built-in datasets and the one way to load them: `load_dataset`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nncore.data import digits28, images, sequences, synthetic, tabular
from nncore.data.dataset import Dataset, InputKind
from nncore.data.info import DatasetEntry, DatasetInfo
from nncore.data.positive_class import apply_positive_param
from nncore.errors import DatasetError

_ENTRIES: dict[str, DatasetEntry] = {
    entry.info.key: entry
    for entry in (*synthetic.DATASETS, *tabular.DATASETS, *images.DATASETS, *digits28.DATASETS, *sequences.DATASETS)
}

DEFAULT_DATASET = "spiral"
# What a UI preselects when the user asks for a given kind of input.
DEFAULT_BY_INPUT_KIND: Mapping[InputKind, str] = {
    "tabular": "spiral",
    "image": "digits",
    "sequence": "sine",
}


def list_datasets() -> list[DatasetInfo]:
    """Every built-in dataset, in catalogue order (grouped as `DatasetInfo.group`)."""
    return [entry.info for entry in _ENTRIES.values()]


def get_dataset_info(key: str) -> DatasetInfo:
    return _entry(key).info


def load_dataset(key: str, **params: Any) -> Dataset:
    """Load a built-in dataset; unspecified parameters take their defaults.

    Raises DatasetError for an unknown key or a parameter out of range, and
    DatasetUnavailableError (a DatasetError) when a download is needed but impossible.
    """
    entry = _entry(key)
    values = entry.info.validate_params(params)
    return entry.load(entry.info, **values)


def reload_dataset(params: Mapping[str, Any]) -> Dataset:
    """Load again from a `Dataset.params` mapping (its "key" plus the loader's parameters)."""
    values = dict(params)
    key = values.pop("key", None)
    if key == "csv":
        raise DatasetError(
            "Expected a built-in dataset to reload. Received: key='csv' "
            "(an uploaded CSV file can only be rebuilt from the file itself)"
        )
    if not isinstance(key, str):
        raise DatasetError(f"Expected a 'key' naming a dataset. Received: key={key!r}")
    # The positive class is chosen after loading (Data page), not a loader's parameter.
    positive = values.pop("positive", None)
    return apply_positive_param(load_dataset(key, **values), {"positive": positive})


def _entry(key: str) -> DatasetEntry:
    entry = _ENTRIES.get(key) if isinstance(key, str) else None
    if entry is None:
        raise DatasetError(
            f"Expected a dataset key among: {', '.join(_ENTRIES)}. Received: {key!r}"
        )
    return entry
