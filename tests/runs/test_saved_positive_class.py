"""A saved run keeps its positive class, split shares and class weights when reopened."""

from __future__ import annotations

import numpy as np
import pandas as pd

from nncore.data import dataset_from_csv, load_dataset
from nncore.data.positive_class import positive_index, with_positive_class
from nncore.runs.store import RunStore
from tests.explain.trained import train


def test_a_built_in_run_reopens_with_its_positive_class_and_shares(tmp_path):
    data = with_positive_class(load_dataset("breast_cancer", split="70/15/15"), "benign")
    run = train("", "logistic", 1, dataset=data)
    reopened = RunStore(tmp_path).load(RunStore(tmp_path).save(run))
    assert positive_index(reopened.dataset) == 1
    assert reopened.dataset.params["split"] == "70/15/15" and len(reopened.dataset.x_test) == len(data.x_test)


def test_an_uploaded_csv_run_reopens_with_its_positive_class(tmp_path):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"a": rng.normal(size=120), "b": rng.normal(size=120), "outcome": ["no"] * 90 + ["yes"] * 30})
    data = dataset_from_csv(frame, target="outcome")
    assert data.class_names[positive_index(data)] == "yes"
    data = with_positive_class(data, "no")  # the person's choice, against the default
    run = train("", "logistic", 1, dataset=data)
    reopened = RunStore(tmp_path).load(RunStore(tmp_path).save(run))
    assert reopened.dataset.class_names[positive_index(reopened.dataset)] == "no"
