"""Image datasets: scikit-learn's bundled 8x8 digits, and MNIST / Fashion-MNIST via Keras.

Images are float32 (n, height, width, 1) scaled to [0, 1]. MNIST and Fashion-MNIST are
downloaded by Keras on first use and cached on disk; offline, they fail fast with a message
that points to the bundled digits. Keras is imported only inside the download, so importing
this module never imports TensorFlow.
"""

from __future__ import annotations

import os
import socket
import threading
from functools import lru_cache

import numpy as np

from nncore.data.build import build_dataset, frozen
from nncore.data.dataset import Dataset
from nncore.data.info import DatasetEntry, DatasetInfo, DatasetParam, seed_param
from nncore.data.splits import SplitIndices
from nncore.errors import DatasetUnavailableError
from nncore.messages import Message

CHANNEL_NAMES = ("pixel intensity",)  # feature_names name the last axis: the channels
DIGIT_CLASS_NAMES = tuple(str(i) for i in range(10))
FASHION_CLASS_NAMES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)

_DOWNLOAD_HOST = ("storage.googleapis.com", 443)  # where Keras fetches both datasets
_NETWORK_CHECK_SECONDS = 3.0
# Files Keras leaves in its cache (under `datasets/`) once a dataset has been downloaded.
_CACHE_FILES = {
    "mnist": ("mnist.npz",),
    "fashion_mnist": tuple(
        os.path.join("fashion-mnist", name)
        for name in (
            "train-labels-idx1-ubyte.gz",
            "train-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
        )
    ),
}
_DISPLAY_NAMES = {"mnist": "MNIST", "fashion_mnist": "Fashion-MNIST"}


@lru_cache(maxsize=None)
def _digits() -> tuple[np.ndarray, np.ndarray]:
    from sklearn import datasets as sk_datasets  # slow to import; only needed here

    bunch = sk_datasets.load_digits()
    return frozen(bunch.images / 16.0), frozen(bunch.target)  # pixel values are 0..16


def load_digits_images() -> tuple[np.ndarray, np.ndarray]:
    """All 1,797 digits as (n, 8, 8) in [0, 1] and their labels (read-only, shared)."""
    return _digits()


def _load_digits(info: DatasetInfo, *, seed: int) -> Dataset:
    images, labels = _digits()
    return build_dataset(
        key=info.key,
        title=info.title,
        task="classification",
        input_kind="image",
        x=images[..., np.newaxis],
        y=labels,
        feature_names=CHANNEL_NAMES,
        class_names=DIGIT_CLASS_NAMES,
        params={"key": info.key, "seed": seed},
        description=info.description,
        seed=seed,
        standardize_features=False,
        steps=(Message("msg.prep.scaled_16"),),
        target_name="digit",
    )


def _keras_cache_dirs() -> list[str]:
    # Mirrors keras.utils.get_file: $KERAS_HOME or ~/.keras, else /tmp/.keras if not writable.
    homes = [os.environ.get("KERAS_HOME"), os.path.join(os.path.expanduser("~"), ".keras")]
    homes.append(os.path.join("/tmp", ".keras"))
    return [os.path.join(h, "datasets") for h in homes if h]


def _is_cached(name: str) -> bool:
    return any(
        all(os.path.exists(os.path.join(d, f)) for f in _CACHE_FILES[name])
        for d in _keras_cache_dirs()
    )


def _network_reachable() -> bool:
    """True if the download host answers within a few seconds.

    Keras downloads without a timeout, so offline it could hang; a quick probe first keeps
    the app responsive. The probe runs in a daemon thread because name resolution ignores
    socket timeouts.
    """
    result: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection(_DOWNLOAD_HOST, timeout=_NETWORK_CHECK_SECONDS):
                result.append(True)
        except OSError:
            result.append(False)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(_NETWORK_CHECK_SECONDS + 0.5)
    return bool(result and result[0])


def _download_keras_dataset(
    name: str,
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    import keras  # lazy: keeps TensorFlow out of every import that does not need it

    module = {"mnist": keras.datasets.mnist, "fashion_mnist": keras.datasets.fashion_mnist}
    return module[name].load_data()


def _unavailable(name: str) -> DatasetUnavailableError:
    return DatasetUnavailableError(Message("msg.data.unavailable", name=_DISPLAY_NAMES[name]))


@lru_cache(maxsize=2)
def _keras_arrays(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x_train, y_train, x_test, y_test) as uint8 images; failures are not cached."""
    if not _is_cached(name) and not _network_reachable():
        raise _unavailable(name)
    try:
        (x_train, y_train), (x_test, y_test) = _download_keras_dataset(name)
    except Exception as err:  # any failure to fetch or read the download means "unavailable"
        raise _unavailable(name) from err
    return frozen(x_train), frozen(y_train), frozen(x_test), frozen(y_test)


def _stratified_pick(indices: np.ndarray, labels: np.ndarray, k: int, seed: int) -> np.ndarray:
    """`k` of `indices` keeping class proportions (all of them, shuffled, if k >= len)."""
    from sklearn.model_selection import train_test_split  # slow to import; only needed here

    rng = np.random.default_rng(seed)
    if k >= len(indices):
        return rng.permutation(indices)
    picked, _ = train_test_split(
        indices, train_size=k, random_state=seed, stratify=labels[indices]
    )
    return np.asarray(picked)


def _keras_loader(class_names: tuple[str, ...], target_name: str):
    def load(info: DatasetInfo, *, max_train: int, seed: int) -> Dataset:
        x_train, y_train, x_test, y_test = _keras_arrays(info.key)
        # Validation comes from Keras's training images, test from its separate test images,
        # in a 60/20/20 proportion to the training examples kept.
        n_val = max_train // 3
        n_test = min(n_val, len(x_test))
        all_train = np.arange(len(x_train))
        train_idx = _stratified_pick(all_train, y_train, max_train, seed)
        rest = np.setdiff1d(all_train, train_idx)
        val_idx = _stratified_pick(rest, y_train, n_val, seed)
        test_idx = _stratified_pick(np.arange(len(x_test)), y_test, n_test, seed)
        x = np.concatenate([x_train[train_idx], x_train[val_idx], x_test[test_idx]])
        y = np.concatenate([y_train[train_idx], y_train[val_idx], y_test[test_idx]])
        n_train = len(train_idx)
        split = SplitIndices(
            train=np.arange(n_train),
            val=np.arange(n_train, n_train + len(val_idx)),
            test=np.arange(n_train + len(val_idx), len(x)),
        )
        return build_dataset(
            key=info.key,
            title=info.title,
            task="classification",
            input_kind="image",
            x=(x.astype(np.float32) / 255.0)[..., np.newaxis],
            y=y.astype(np.int64),
            feature_names=CHANNEL_NAMES,
            class_names=class_names,
            params={"key": info.key, "max_train": max_train, "seed": seed},
            description=info.description,
            seed=seed,
            standardize_features=False,
            steps=(
                Message("msg.prep.downloaded", name=_DISPLAY_NAMES[info.key], n=max_train),
                Message("msg.prep.scaled_255"),
            ),
            target_name=target_name,
            split=split,
        )

    return load


def _max_train_param() -> DatasetParam:
    return DatasetParam(
        name="max_train",
        label=Message("data.param.max_train"),
        kind="int",
        default=10000,
        min=1000,
        max=40000,
        step=1000,
        help=Message("data.param.max_train.help"),
    )


DATASETS: tuple[DatasetEntry, ...] = (
    DatasetEntry(
        info=DatasetInfo(
            key="digits",
            title="Handwritten digits (8x8)",
            task="classification",
            input_kind="image",
            description="Recognise handwritten digits 0-9 in small 8x8-pixel images "
            "(1,797 images, bundled, works offline).",
            params=(seed_param(),),
            group=Message("data.group.images"),
        ),
        load=_load_digits,
    ),
    DatasetEntry(
        info=DatasetInfo(
            key="mnist",
            title="MNIST digits (28x28)",
            task="classification",
            input_kind="image",
            description="Recognise handwritten digits 0-9 in 28x28-pixel images, the classic "
            "benchmark (downloaded once, about 11 MB).",
            params=(_max_train_param(), seed_param()),
            needs_network=True,
            group=Message("data.group.images"),
        ),
        load=_keras_loader(DIGIT_CLASS_NAMES, "digit"),
    ),
    DatasetEntry(
        info=DatasetInfo(
            key="fashion_mnist",
            title="Fashion-MNIST (28x28)",
            task="classification",
            input_kind="image",
            description="Recognise ten kinds of clothing, such as shirts, sneakers and bags, in "
            "28x28-pixel photos (downloaded once, about 30 MB).",
            params=(_max_train_param(), seed_param()),
            needs_network=True,
            group=Message("data.group.images"),
        ),
        load=_keras_loader(FASHION_CLASS_NAMES, "item"),
    ),
)
