"""Digits 28x28: MNIST's shape, generated offline, varied, reproducible."""

from __future__ import annotations

import numpy as np

from nncore.data import load_dataset
from nncore.data.digits28 import MAX_EXAMPLES, generate_digits28


def test_images_have_mnist_shape_range_and_balanced_labels():
    images, labels = generate_digits28(2000, seed=0)
    assert images.shape == (2000, 28, 28) and images.dtype == np.float32
    assert images.min() >= 0.0 and images.max() <= 1.0
    counts = np.bincount(labels, minlength=10)
    assert counts.min() > 150 and counts.max() < 250  # about 200 of each digit
    # Ink sits in the middle, as in MNIST: the 4-pixel border is nearly empty.
    border = np.concatenate([images[:, :3].ravel(), images[:, -3:].ravel()])
    assert border.mean() < 0.05 < images[:, 10:18, 10:18].mean()


def test_same_seed_same_images_other_seed_other_images():
    a, la = generate_digits28(300, seed=1)
    b, lb = generate_digits28(300, seed=1)
    c, _ = generate_digits28(300, seed=2)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(la, lb)
    assert np.abs(a - c).mean() > 0.05


def test_no_two_images_of_the_same_source_digit_are_identical():
    images, _ = generate_digits28(3000, seed=0)
    flat = images.reshape(len(images), -1)
    assert len(np.unique(flat.round(3), axis=0)) == len(images)


def test_full_size_is_mnist_sized():
    assert MAX_EXAMPLES == 70_000
    data = load_dataset("digits28", examples=MAX_EXAMPLES)
    assert len(data.x_train) + len(data.x_val) + len(data.x_test) == MAX_EXAMPLES
    assert data.x_train.shape[1:] == (28, 28, 1)
