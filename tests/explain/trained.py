"""Small models for the explanation tests: trained ones (a few epochs) and hand-set ones."""

from __future__ import annotations

import numpy as np

from nncore.explain import ExplainableModel


def train(key: str, preset: str, epochs: int, dataset=None, learning_rate: float = 0.01, **params):
    """Train a preset on a bundled (or given) dataset; returns the TrainedRun."""
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import JobState, TrainingConfig, TrainingJob

    data = dataset if dataset is not None else load_dataset(key, **params)
    job = TrainingJob(data, preset_spec(preset, data), TrainingConfig(epochs=epochs, batch_size=32, learning_rate=learning_rate, seed=0))
    assert job.start().join(timeout=300)
    assert job.snapshot().state == JobState.FINISHED, job.snapshot().message
    return job.result


def linear_model(weights: np.ndarray, bias: float = 0.0, n_background: int = 64, seed: int = 0) -> ExplainableModel:
    """A one-unit linear regression model with known weights: y = x . w + b."""
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    weights = np.asarray(weights, dtype=np.float32)
    inputs = keras.Input(shape=(len(weights),))
    outputs = keras.layers.Dense(1)(inputs)
    model = keras.Model(inputs, outputs)
    model.layers[-1].set_weights([weights.reshape(-1, 1), np.array([bias], dtype=np.float32)])
    background = np.random.default_rng(seed).normal(size=(n_background, len(weights))).astype(np.float32)
    return ExplainableModel(
        model=model,
        task="regression",
        input_kind="tabular",
        input_shape=(len(weights),),
        feature_names=tuple(f"x{i}" for i in range(len(weights))),
        class_names=None,
        background=background,
    )


def region_image_model(rows: slice, cols: slice, size: int = 8, gain: float = 4.0) -> ExplainableModel:
    """A 2-class image model whose class-1 logit is `gain` x (sum of the pixels in one region)."""
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    mask = np.zeros((size, size, 1), dtype=np.float32)
    mask[rows, cols] = 1.0
    inputs = keras.Input(shape=(size, size, 1))
    flat = keras.layers.Flatten()(inputs)
    outputs = keras.layers.Dense(2, activation="softmax")(flat)
    model = keras.Model(inputs, outputs)
    kernel = np.zeros((size * size, 2), dtype=np.float32)
    kernel[:, 1] = gain * mask.reshape(-1)
    model.layers[-1].set_weights([kernel, np.array([0.0, -gain], dtype=np.float32)])
    background = np.random.default_rng(0).uniform(size=(32, size, size, 1)).astype(np.float32)
    return ExplainableModel(
        model=model,
        task="classification",
        input_kind="image",
        input_shape=(size, size, 1),
        feature_names=("pixel intensity",),
        class_names=("off", "on"),
        background=background,
    )


def feature0_dataset(n: int = 400, features: int = 5, seed: int = 0, threshold: float = 0.5):
    """A classification table whose label is a function of feature 0 alone (x0 > threshold);
    the other features are noise of the same spread. The threshold sits off the mean, so the
    training mean (a deletion baseline) is clearly in class 0."""
    from nncore.data.dataset import Dataset, Preprocessing

    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, features)).astype(np.float32)
    y = (x[:, 0] > threshold).astype(np.int64)
    a, b = int(n * 0.6), int(n * 0.8)
    return Dataset(
        key="feature0", title="Only feature 0 matters", task="classification", input_kind="tabular",
        x_train=x[:a], y_train=y[:a], x_val=x[a:b], y_val=y[a:b], x_test=x[b:], y_test=y[b:],
        feature_names=tuple(f"x{i}" for i in range(features)), class_names=("negative", "positive"),
        preprocessing=Preprocessing(),
    )
