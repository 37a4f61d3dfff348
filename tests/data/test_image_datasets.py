"""MNIST / Fashion-MNIST without the network: the offline message, and subsampling on fake
downloads (nothing is downloaded in tests)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from nncore.data import images, load_dataset
from nncore.errors import DatasetError, DatasetUnavailableError

SUGGESTION = "Try 'Digits 28x28 (MNIST-sized, offline)', made on this machine, or the bundled 8x8 'digits'."


@pytest.fixture(autouse=True)
def _no_cached_downloads(monkeypatch):
    images._keras_arrays.cache_clear()
    monkeypatch.setattr(images, "_is_cached", lambda name: False)
    yield
    images._keras_arrays.cache_clear()


def _fake_download(n_train: int = 6000, n_test: int = 1000):
    def download(name):
        rng = np.random.default_rng(0)
        x_train = rng.integers(0, 256, size=(n_train, 28, 28), dtype=np.uint8)
        x_test = rng.integers(0, 256, size=(n_test, 28, 28), dtype=np.uint8)
        y_train = (np.arange(n_train) % 10).astype(np.uint8)
        y_test = (np.arange(n_test) % 10).astype(np.uint8)
        return (x_train, y_train), (x_test, y_test)

    return download


def test_offline_mnist_fails_fast_with_a_suggestion(monkeypatch):
    monkeypatch.setattr(images, "_network_reachable", lambda: False)

    def must_not_download(name):
        raise AssertionError("the download must not start when offline")

    monkeypatch.setattr(images, "_download_keras_dataset", must_not_download)
    with pytest.raises(DatasetUnavailableError) as info:
        load_dataset("mnist")
    assert str(info.value) == (
        "Could not download MNIST (no internet connection?). " + SUGGESTION
    )
    assert isinstance(info.value, DatasetError)


@pytest.mark.parametrize(("key", "shown"), [("mnist", "MNIST"), ("fashion_mnist", "Fashion-MNIST")])
def test_any_download_failure_becomes_unavailable(monkeypatch, key, shown):
    monkeypatch.setattr(images, "_network_reachable", lambda: True)

    def broken(name):
        raise OSError("URL fetch failure on https://storage.googleapis.com: Temporary failure")

    monkeypatch.setattr(images, "_download_keras_dataset", broken)
    with pytest.raises(DatasetUnavailableError, match=f"Could not download {shown}") as info:
        load_dataset(key, max_train=1000)
    assert SUGGESTION in str(info.value)
    assert isinstance(info.value.__cause__, OSError)


def test_mnist_subsamples_per_class_and_scales_pixels(monkeypatch):
    monkeypatch.setattr(images, "_network_reachable", lambda: True)
    monkeypatch.setattr(images, "_download_keras_dataset", _fake_download())
    ds = load_dataset("mnist", max_train=2000, seed=1)
    assert ds.x_train.shape == (2000, 28, 28, 1)
    assert ds.x_val.shape == (666, 28, 28, 1)
    assert ds.x_test.shape == (666, 28, 28, 1)
    assert ds.class_names == tuple(str(i) for i in range(10))
    assert np.bincount(ds.y_train, minlength=10).tolist() == [200] * 10
    assert 0.0 <= ds.x_train.min() and ds.x_train.max() <= 1.0
    assert ds.x_train.max() == pytest.approx(1.0)
    assert ds.params == {"key": "mnist", "max_train": 2000, "seed": 1}
    again = load_dataset("mnist", max_train=2000, seed=1)
    np.testing.assert_array_equal(ds.x_train, again.x_train)


def test_fashion_mnist_names_its_classes(monkeypatch):
    monkeypatch.setattr(images, "_network_reachable", lambda: True)
    monkeypatch.setattr(images, "_download_keras_dataset", _fake_download())
    ds = load_dataset("fashion_mnist", max_train=1000)
    assert ds.class_names[0] == "T-shirt/top" and ds.class_names[9] == "Ankle boot"
    assert ds.n_examples == 1000 + 333 + 333


def test_no_keras_import_when_offline(monkeypatch):
    monkeypatch.setattr(images, "_network_reachable", lambda: False)
    already = "keras" in sys.modules
    with pytest.raises(DatasetUnavailableError):
        load_dataset("fashion_mnist")
    assert ("keras" in sys.modules) == already
