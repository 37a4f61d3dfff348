"""Sequence datasets, shaped (n, steps, features): digits read row by row, a sine-wave
forecast and an up-or-down trend task.

Values are already on a unit scale, so inputs are not standardized (a forecast then stays
in the same units as its inputs); regression targets are standardized as everywhere else.
"""

from __future__ import annotations

import numpy as np

from nncore.data.build import build_dataset
from nncore.data.dataset import Dataset
from nncore.data.images import DIGIT_CLASS_NAMES, load_digits_images
from nncore.data.info import DatasetEntry, DatasetInfo, DatasetParam, seed_param
from nncore.messages import Message

NOT_STANDARDIZED_STEP = Message("msg.prep.original_units")


def _load_digit_rows(info: DatasetInfo, *, seed: int) -> Dataset:
    images, labels = load_digits_images()
    return build_dataset(
        key=info.key,
        title=info.title,
        task="classification",
        input_kind="sequence",
        x=images,  # (n, 8 rows = steps, 8 columns = features)
        y=labels,
        feature_names=tuple(f"column {i + 1}" for i in range(images.shape[2])),
        class_names=DIGIT_CLASS_NAMES,
        params={"key": info.key, "seed": seed},
        description=info.description,
        seed=seed,
        standardize_features=False,
        steps=(
            Message("msg.prep.digit_rows"),
            Message("msg.prep.scaled_16"),
        ),
        target_name="digit",
    )


def sine_windows(
    n_series: int, window: int, noise: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """`n_series` noisy sine snippets of `window` steps and the value one step later.

    Each snippet has its own period (10 to 40 steps), phase and amplitude (0.5 to 1), so the
    network must read the wave's shape rather than memorise one curve.
    """
    period = rng.uniform(10.0, 40.0, size=(n_series, 1))
    phase = rng.uniform(0.0, 2 * np.pi, size=(n_series, 1))
    amplitude = rng.uniform(0.5, 1.0, size=(n_series, 1))
    t = np.arange(window + 1)[np.newaxis, :]
    wave = amplitude * np.sin(2 * np.pi * t / period + phase)
    wave = wave + rng.normal(0.0, 0.5 * noise, size=wave.shape)
    return wave[:, :window, np.newaxis], wave[:, window]


def trend_series(
    n_series: int, steps: int, noise: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Noisy straight lines going up (class 1) or down (class 0) by 0.2 to 1.0 overall."""
    n_down = n_series // 2
    direction = np.concatenate([-np.ones(n_down), np.ones(n_series - n_down)])
    rng.shuffle(direction)
    change = direction * rng.uniform(0.2, 1.0, n_series)
    start = rng.uniform(-0.5, 0.5, n_series)
    t = np.linspace(0.0, 1.0, steps)[np.newaxis, :]
    series = start[:, np.newaxis] + change[:, np.newaxis] * t
    series = series + rng.normal(0.0, 0.5 * noise, size=series.shape)
    return series[..., np.newaxis], (direction > 0).astype(np.int64)


def _n_series_param() -> DatasetParam:
    return DatasetParam(
        name="n_series",
        label=Message("data.param.n_series"),
        kind="int",
        default=1000,
        min=100,
        max=5000,
        step=100,
        help=Message("data.param.n_series.help"),
    )


def _noise_param(default: float) -> DatasetParam:
    return DatasetParam(
        name="noise",
        label=Message("data.param.noise"),
        kind="float",
        default=default,
        min=0.0,
        max=1.0,
        step=0.05,
        help=Message("data.param.noise.help.series"),
    )


def _load_sine(
    info: DatasetInfo, *, n_series: int, noise: float, window: int, seed: int
) -> Dataset:
    x, y = sine_windows(n_series, window, noise, np.random.default_rng(seed))
    return build_dataset(
        key=info.key,
        title=info.title,
        task="regression",
        input_kind="sequence",
        x=x,
        y=y,
        feature_names=("value",),
        class_names=None,
        params={
            "key": info.key,
            "n_series": n_series,
            "noise": noise,
            "window": window,
            "seed": seed,
        },
        description=info.description,
        seed=seed,
        standardize_features=False,
        steps=(
            Message("msg.prep.sine", n=n_series, window=window, noise=f"{noise:g}", seed=seed),
            NOT_STANDARDIZED_STEP,
        ),
        target_name="next value",
    )


def _load_trend(
    info: DatasetInfo, *, n_series: int, noise: float, steps: int, seed: int
) -> Dataset:
    x, y = trend_series(n_series, steps, noise, np.random.default_rng(seed))
    return build_dataset(
        key=info.key,
        title=info.title,
        task="classification",
        input_kind="sequence",
        x=x,
        y=y,
        feature_names=("value",),
        class_names=("down", "up"),
        params={
            "key": info.key,
            "n_series": n_series,
            "noise": noise,
            "steps": steps,
            "seed": seed,
        },
        description=info.description,
        seed=seed,
        standardize_features=False,
        steps=(
            Message("msg.prep.series", n=n_series, steps=steps, noise=f"{noise:g}", seed=seed),
            NOT_STANDARDIZED_STEP,
        ),
        target_name="direction",
    )


DATASETS: tuple[DatasetEntry, ...] = (
    DatasetEntry(
        info=DatasetInfo(
            key="digit_rows",
            title="Digits read row by row",
            task="classification",
            input_kind="sequence",
            description="Recognise handwritten digits 0-9 by reading each 8x8 image one row "
            "at a time, as a sequence of 8 steps.",
            params=(seed_param(),),
            group=Message("data.group.sequences"),
        ),
        load=_load_digit_rows,
    ),
    DatasetEntry(
        info=DatasetInfo(
            key="sine",
            title="Sine wave forecast",
            task="regression",
            input_kind="sequence",
            description="Predict the next value of a noisy wave from the values just before "
            "it.",
            params=(
                _n_series_param(),
                _noise_param(0.1),
                DatasetParam(
                    name="window",
                    label=Message("data.param.window"),
                    kind="int",
                    default=20,
                    min=5,
                    max=100,
                    step=1,
                    help=Message("data.param.window.help"),
                ),
                seed_param(),
            ),
            group=Message("data.group.sequences"),
        ),
        load=_load_sine,
    ),
    DatasetEntry(
        info=DatasetInfo(
            key="trend",
            title="Trend: up or down",
            task="classification",
            input_kind="sequence",
            description="Tell whether a wobbly series is going up or down overall.",
            params=(
                _n_series_param(),
                _noise_param(0.5),
                DatasetParam(
                    name="steps",
                    label=Message("data.param.steps"),
                    kind="int",
                    default=30,
                    min=10,
                    max=100,
                    step=1,
                    help=Message("data.param.steps.help"),
                ),
                seed_param(),
            ),
            group=Message("data.group.sequences"),
        ),
        load=_load_trend,
    ),
)
