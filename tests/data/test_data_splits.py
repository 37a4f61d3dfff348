"""Seeded 60/20/20 splits."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.data.splits import split_indices
from nncore.errors import DatasetError


def test_split_covers_every_row_once_in_60_20_20():
    split = split_indices(100, seed=0)
    assert (len(split.train), len(split.val), len(split.test)) == (60, 20, 20)
    together = np.concatenate([split.train, split.val, split.test])
    np.testing.assert_array_equal(np.sort(together), np.arange(100))


def test_split_is_seeded():
    a, b, c = (split_indices(50, seed=s) for s in (1, 1, 2))
    np.testing.assert_array_equal(a.train, b.train)
    assert not np.array_equal(a.train, c.train)


def test_stratified_split_keeps_rare_class_in_every_split():
    labels = np.array([0] * 90 + [1] * 10)
    split = split_indices(100, seed=0, stratify=labels)
    assert [int(labels[idx].sum()) for idx in (split.train, split.val, split.test)] == [6, 2, 2]


def test_too_few_rows_or_class_members_are_refused():
    with pytest.raises(DatasetError, match="at least 10 rows.*Received: 9 rows"):
        split_indices(9, seed=0)
    labels = np.array([0] * 20 + [1] * 2)
    with pytest.raises(DatasetError, match="Received: class 'b' has 2 rows"):
        split_indices(22, seed=0, stratify=labels, class_names=("a", "b"))
