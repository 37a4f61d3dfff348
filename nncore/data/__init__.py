"""Datasets: the built-in catalogue and the user's own CSV files.

Importing this package never imports TensorFlow or Keras; only loading MNIST or
Fashion-MNIST does, inside the download.
"""

from nncore.data.csv_import import (
    MAX_UPLOAD_MB,
    CsvLimits,
    CsvPreview,
    dataset_from_csv,
    encode_rows,
    inspect_csv,
    preview_from_frame,
)
from nncore.data.columns import ColumnInfo
from nncore.data.dataset import Dataset, Preprocessing
from nncore.data.info import DatasetInfo, DatasetParam
from nncore.data.registry import (
    DEFAULT_BY_INPUT_KIND,
    DEFAULT_DATASET,
    get_dataset_info,
    list_datasets,
    load_dataset,
    reload_dataset,
)

__all__ = [
    "DEFAULT_BY_INPUT_KIND",
    "DEFAULT_DATASET",
    "MAX_UPLOAD_MB",
    "ColumnInfo",
    "CsvLimits",
    "CsvPreview",
    "Dataset",
    "DatasetInfo",
    "DatasetParam",
    "Preprocessing",
    "dataset_from_csv",
    "encode_rows",
    "get_dataset_info",
    "inspect_csv",
    "list_datasets",
    "load_dataset",
    "preview_from_frame",
    "reload_dataset",
]
