"""Training/validation/test shares as a setting: the sizes follow the choice, classes keep their
proportions in every share (stratified), and the choice travels in the dataset's params."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nncore.data import dataset_from_csv, load_dataset, reload_dataset
from nncore.data.splits import SPLIT_CHOICES, split_indices
from nncore.errors import DatasetError


@pytest.mark.parametrize("shares", SPLIT_CHOICES)
def test_sizes_follow_the_chosen_shares_and_classes_keep_their_proportions(shares):
    rng = np.random.default_rng(0)
    labels = (rng.random(1000) < 0.1).astype(int)  # a rare class: 10%
    parts = split_indices(1000, seed=0, stratify=labels, shares=shares)
    train, val, test = (int(p) for p in shares.split("/"))
    assert len(parts.train) == pytest.approx(10 * train, abs=2)
    assert len(parts.val) == pytest.approx(10 * val, abs=2)
    assert len(parts.test) == pytest.approx(10 * test, abs=2)
    assert sorted(np.concatenate([parts.train, parts.val, parts.test]).tolist()) == list(range(1000))
    for part in (parts.train, parts.val, parts.test):
        assert labels[part].mean() == pytest.approx(labels.mean(), abs=0.005)  # stratified: the rare class keeps its share


def test_the_default_split_is_unchanged():
    default = load_dataset("breast_cancer")
    assert "split" not in default.params  # links and saved runs of the default stay as they were
    same = load_dataset("breast_cancer", split="60/20/20")
    np.testing.assert_array_equal(default.x_test, same.x_test)


def test_a_built_in_table_takes_the_shares_and_reloads_with_them():
    data = load_dataset("breast_cancer", split="80/10/10")
    assert (len(data.x_train), len(data.x_val), len(data.x_test)) == (455, 57, 57)
    assert data.params["split"] == "80/10/10"
    assert any("(80/10/10, stratified by class" in step for step in data.preprocessing.steps)
    again = reload_dataset(data.params)
    np.testing.assert_array_equal(again.x_test, data.x_test)
    share = lambda y: float(np.mean(y == 0))  # malignant's share in each split
    assert abs(share(data.y_train) - share(data.y_test)) < 0.02


def test_a_csv_takes_the_shares_and_an_unknown_choice_is_refused():
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"a": rng.normal(size=200), "b": rng.normal(size=200), "label": ["x"] * 170 + ["y"] * 30})
    data = dataset_from_csv(frame, target="label", split="70/15/15")
    assert len(data.x_test) == 30 and abs(len(data.x_train) - 140) <= 1 and len(data.x_train) + len(data.x_val) == 170
    assert data.params["split"] == "70/15/15"
    assert int(np.sum(data.y_test == 1)) in (4, 5)  # 15% of 30 "y" rows, stratified
    with pytest.raises(DatasetError, match="shares"):
        dataset_from_csv(frame, target="label", split="90/5/5")


def test_the_exported_script_splits_with_the_same_shares(tmp_path):
    from nncore.exchange.code_export import _split_and_scale_lines

    data = load_dataset("iris", split="70/15/15")
    code = "\n".join(_split_and_scale_lines(data))
    assert "test_size=0.15" in code and "0.15 / (1.0 - 0.15)" in code and "# 70% training" in code
