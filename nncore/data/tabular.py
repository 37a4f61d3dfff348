"""Small tables bundled with scikit-learn (no download): iris, wine, breast cancer, diabetes."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from nncore.data.build import build_dataset, frozen
from nncore.data.dataset import Dataset
from nncore.data.info import DatasetEntry, DatasetInfo, seed_param, split_param, with_split
from nncore.data.splits import DEFAULT_SPLIT
from nncore.messages import Message

# Plain-language names for the diabetes study's blood measurements (scikit-learn calls them
# s1..s6; the meanings are from its documentation).
_DIABETES_FEATURES = (
    "age",
    "sex",
    "body mass index",
    "blood pressure",
    "total cholesterol (s1)",
    "LDL cholesterol (s2)",
    "HDL cholesterol (s3)",
    "cholesterol / HDL (s4)",
    "triglycerides, log (s5)",
    "blood sugar (s6)",
)


class _Table(NamedTuple):
    x: np.ndarray
    y: np.ndarray
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...] | None
    target_name: str


@lru_cache(maxsize=None)
def _read(key: str) -> _Table:
    # Cached: the tables never change, and read-only arrays make sharing them safe.
    # scikit-learn is imported here because importing it takes about a second.
    from sklearn import datasets as sk_datasets

    if key == "diabetes":
        bunch = sk_datasets.load_diabetes(scaled=False)
        return _Table(
            frozen(bunch.data), frozen(bunch.target), _DIABETES_FEATURES, None, "progression"
        )
    loader = {
        "iris": sk_datasets.load_iris,
        "wine": sk_datasets.load_wine,
        "breast_cancer": sk_datasets.load_breast_cancer,
    }[key]
    bunch = loader()
    class_names = tuple(str(name) for name in bunch.target_names)
    if key == "wine":
        class_names = tuple(f"cultivar {i + 1}" for i in range(len(class_names)))
    feature_names = tuple(str(name).replace("_", " ") for name in bunch.feature_names)
    target_name = {"iris": "species", "wine": "cultivar", "breast_cancer": "diagnosis"}[key]
    return _Table(frozen(bunch.data), frozen(bunch.target), feature_names, class_names, target_name)


def _load(info: DatasetInfo, *, seed: int, split: str = DEFAULT_SPLIT) -> Dataset:
    table = _read(info.key)
    return build_dataset(
        key=info.key,
        title=info.title,
        task=info.task,
        input_kind="tabular",
        x=table.x,
        y=table.y,
        feature_names=table.feature_names,
        class_names=table.class_names,
        params=with_split({"key": info.key, "seed": seed}, split),
        description=info.description,
        seed=seed,
        steps=(Message("msg.prep.sklearn", n=len(table.x)),),
        target_name=table.target_name,
        shares=split,
    )


def _entry(key: str, title: str, task: str, description: str) -> DatasetEntry:
    info = DatasetInfo(
        key=key,
        title=title,
        task=task,  # type: ignore[arg-type]
        input_kind="tabular",
        description=description,
        params=(split_param(), seed_param()),
        group=Message("data.group.tables"),
    )
    return DatasetEntry(info=info, load=_load)


DATASETS: tuple[DatasetEntry, ...] = (
    _entry(
        "iris",
        "Iris flowers",
        "classification",
        "Tell three species of iris apart from four measurements of their petals and sepals "
        "(150 flowers).",
    ),
    _entry(
        "wine",
        "Wine cultivars",
        "classification",
        "Tell which of three grape cultivars a wine came from, using 13 results of its "
        "chemical analysis (178 wines).",
    ),
    _entry(
        "breast_cancer",
        "Breast cancer diagnosis",
        "classification",
        "Diagnose a breast tumour as malignant or benign from 30 measurements of cell nuclei "
        "in a biopsy image (569 patients).",
    ),
    _entry(
        "diabetes",
        "Diabetes progression",
        "regression",
        "Predict how far diabetes has progressed one year later from age, sex, body mass "
        "index, blood pressure and six blood measurements (442 patients).",
    ),
)
