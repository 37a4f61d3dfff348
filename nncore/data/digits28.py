"""Digits 28x28: an MNIST-sized image dataset generated offline from the bundled 8x8 digits.

MNIST itself needs a download. This dataset has MNIST's shape (up to 70,000 images of 28x28
pixels, ten digit classes) so that the app can be tried, tested and benchmarked at MNIST's
scale on a machine without internet. Each image is one of scikit-learn's 1,797 bundled digits,
enlarged to 20x20 (as MNIST's digits are), placed on a 28x28 canvas with a random shift, a small
random rotation, a random stroke weight and a little noise, so no two images are the same and
the task is not trivially memorised.
"""

from __future__ import annotations

import numpy as np

from nncore.data.build import build_dataset
from nncore.data.dataset import Dataset
from nncore.data.images import CHANNEL_NAMES, DIGIT_CLASS_NAMES, load_digits_images
from nncore.data.info import DatasetEntry, DatasetInfo, DatasetParam, seed_param
from nncore.messages import Message

SIDE = 28
DIGIT_SIDE = 20  # MNIST centres a 20x20 digit in a 28x28 image
MAX_EXAMPLES = 70_000  # MNIST's 60,000 training + 10,000 test images
_CHUNK = 5_000  # images rendered at a time, to bound the temporary coordinate arrays


def _interpolation_matrix(source: int, target: int) -> np.ndarray:
    """(target, source) matrix that linearly resamples a length-`source` signal."""
    positions = (np.arange(target) + 0.5) * source / target - 0.5
    left = np.clip(np.floor(positions).astype(int), 0, source - 1)
    right = np.clip(left + 1, 0, source - 1)
    weight = np.clip(positions - left, 0.0, 1.0)
    matrix = np.zeros((target, source))
    matrix[np.arange(target), left] += 1.0 - weight
    matrix[np.arange(target), right] += weight
    return matrix


def _enlarged_digits() -> tuple[np.ndarray, np.ndarray]:
    """The bundled digits resampled to 20x20 and centred on a 28x28 canvas."""
    images, labels = load_digits_images()
    resample = _interpolation_matrix(images.shape[1], DIGIT_SIDE)
    big = np.einsum("ts,nsu,vu->ntv", resample, images, resample)
    canvas = np.zeros((len(images), SIDE, SIDE), dtype=np.float32)
    margin = (SIDE - DIGIT_SIDE) // 2
    canvas[:, margin : margin + DIGIT_SIDE, margin : margin + DIGIT_SIDE] = np.clip(big, 0.0, 1.0)
    return canvas, labels


def generate_digits28(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """`n` varied 28x28 digit images in [0, 1], shape (n, 28, 28), and their labels (0-9)."""
    rng = np.random.default_rng(seed)
    bases, base_labels = _enlarged_digits()
    picks = rng.integers(0, len(bases), size=n)
    angles = rng.uniform(-0.26, 0.26, size=n)  # about +-15 degrees
    shifts = rng.uniform(-3.0, 3.0, size=(n, 2))
    strokes = rng.uniform(0.6, 1.5, size=n)  # gamma: below 1 thickens, above 1 thins

    centre = (SIDE - 1) / 2
    rows, cols = np.meshgrid(np.arange(SIDE) - centre, np.arange(SIDE) - centre, indexing="ij")
    images = np.empty((n, SIDE, SIDE), dtype=np.float32)
    for start in range(0, n, _CHUNK):
        part = slice(start, min(n, start + _CHUNK))
        cos, sin = np.cos(angles[part])[:, None, None], np.sin(angles[part])[:, None, None]
        # Where each output pixel comes from in the base image: rotate, then shift back.
        src_r = cos * rows + sin * cols + centre - shifts[part, 0, None, None]
        src_c = -sin * rows + cos * cols + centre - shifts[part, 1, None, None]
        r = np.rint(src_r).astype(np.int64)
        c = np.rint(src_c).astype(np.int64)
        inside = (r >= 0) & (r < SIDE) & (c >= 0) & (c < SIDE)
        which = picks[part, None, None]
        sampled = bases[which, np.clip(r, 0, SIDE - 1), np.clip(c, 0, SIDE - 1)] * inside
        images[part] = sampled ** strokes[part, None, None]
    images += rng.normal(0.0, 0.04, size=images.shape).astype(np.float32)
    np.clip(images, 0.0, 1.0, out=images)
    return images, base_labels[picks]


def _load(info: DatasetInfo, *, examples: int, seed: int) -> Dataset:
    images, labels = generate_digits28(examples, seed)
    return build_dataset(
        key=info.key,
        title=info.title,
        task="classification",
        input_kind="image",
        x=images[..., np.newaxis],
        y=labels,
        feature_names=CHANNEL_NAMES,
        class_names=DIGIT_CLASS_NAMES,
        params={"key": info.key, "examples": examples, "seed": seed},
        description=info.description,
        seed=seed,
        standardize_features=False,
        steps=(
            Message("msg.prep.digits28", n=f"{examples:,}"),
        ),
        target_name="digit",
    )


DATASETS: tuple[DatasetEntry, ...] = (
    DatasetEntry(
        info=DatasetInfo(
            key="digits28",
            title="Digits 28x28 (MNIST-sized, offline)",
            task="classification",
            input_kind="image",
            description="Handwritten digits 0-9 as 28x28-pixel images, like MNIST, generated on "
            "this machine from the bundled digits (no download; up to 70,000 images).",
            params=(
                DatasetParam(
                    name="examples",
                    label=Message("data.param.examples"),
                    kind="int",
                    default=10_000,
                    min=1_000,
                    max=MAX_EXAMPLES,
                    step=1_000,
                    help=Message("data.param.examples.help"),
                ),
                seed_param(),
            ),
            group=Message("data.group.images"),
        ),
        load=_load,
    ),
)
