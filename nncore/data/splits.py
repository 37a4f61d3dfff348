"""Seeded train/validation/test splits, stratified by class for classification."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nncore.errors import DatasetError
from nncore.messages import Message

# 60% training, 20% validation, 20% test, unless a dataset's `split` parameter says otherwise.
TEST_FRACTION = 0.2
VAL_FRACTION = 0.2
# The shares a person can choose (training/validation/test, in percent). More training data
# helps a small table learn; a bigger test share gives a steadier score.
SPLIT_CHOICES = ("60/20/20", "70/15/15", "80/10/10", "50/25/25")
DEFAULT_SPLIT = SPLIT_CHOICES[0]
# A class needs a few rows so that stratified splitting can give each split some of it.
MIN_ROWS_PER_CLASS = 5
MIN_ROWS = 10


@dataclass(frozen=True)
class SplitIndices:
    """Row indices of each split; together they cover every row exactly once."""

    train: np.ndarray
    val: np.ndarray
    test: np.ndarray

    def describe(self, *, stratified: bool, seed: int, shares: str = DEFAULT_SPLIT) -> Message:
        return Message(
            "msg.pos.split_stratified" if stratified else "msg.pos.split",
            train=len(self.train), val=len(self.val), test=len(self.test), shares=shares, seed=seed,
        )


def split_fractions(shares: str) -> tuple[float, float]:
    """(validation, test) fractions of a "train/val/test" choice such as "70/15/15"."""
    if shares not in SPLIT_CHOICES:
        raise DatasetError(
            f"Expected the training/validation/test shares to be one of {', '.join(SPLIT_CHOICES)}. "
            f"Received: {shares!r}"
        )
    _, val, test = (int(part) for part in shares.split("/"))
    return val / 100.0, test / 100.0


def split_indices(
    n_rows: int,
    *,
    seed: int,
    stratify: np.ndarray | None = None,
    class_names: Sequence[str] | None = None,
    shares: str = DEFAULT_SPLIT,
) -> SplitIndices:
    """Shuffle and split row indices into training, validation and test (60/20/20 unless
    `shares` says otherwise, e.g. "70/15/15").

    With `stratify` (class labels, one per row) every split keeps the class proportions,
    so a rare class is not missing from validation or test by bad luck.
    """
    val_fraction, test_fraction = split_fractions(shares)
    if n_rows < MIN_ROWS:
        raise DatasetError(
            Message("msg.split.too_few_rows", least=MIN_ROWS, n=n_rows)
        )
    labels = None
    if stratify is not None:
        labels = np.asarray(stratify)
        values, counts = np.unique(labels, return_counts=True)
        if counts.min() < MIN_ROWS_PER_CLASS:
            rare = values[int(np.argmin(counts))]
            if class_names is not None:
                rare = class_names[int(rare)]
            raise DatasetError(Message("msg.split.rare_class", least=MIN_ROWS_PER_CLASS, label=repr(rare), n=int(counts.min())))
    # Imported here: scikit-learn takes about a second to import, and listing datasets
    # (the app's first page) should not wait for it.
    from sklearn.model_selection import train_test_split

    indices = np.arange(n_rows)
    rest, test = train_test_split(
        indices, test_size=test_fraction, random_state=seed, shuffle=True, stratify=labels
    )
    # The validation share is taken from what is left, so scale it to keep its share overall.
    val_share = val_fraction / (1.0 - test_fraction)
    train, val = train_test_split(
        rest,
        test_size=val_share,
        random_state=seed,
        shuffle=True,
        stratify=None if labels is None else labels[rest],
    )
    return SplitIndices(
        train=np.asarray(train, dtype=np.int64),
        val=np.asarray(val, dtype=np.int64),
        test=np.asarray(test, dtype=np.int64),
    )
