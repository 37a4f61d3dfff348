"""Two-feature datasets in the spirit of TensorFlow Playground, generated from a seed.

Points lie roughly in [-1, 1] x [-1, 1] before standardization. `noise` runs from 0 (clean)
to 1 (very hard); each generator maps it to a jitter that suits its shape.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nncore.data.build import build_dataset
from nncore.data.dataset import Dataset, Task
from nncore.data.info import DatasetEntry, DatasetInfo, DatasetParam, seed_param, split_param, with_split
from nncore.data.splits import DEFAULT_SPLIT
from nncore.messages import Message

CLASS_NAMES = ("class 0", "class 1")
FEATURE_NAMES = ("x1", "x2")

Generator = Callable[[int, float, np.random.Generator], tuple[np.ndarray, np.ndarray]]


def _class_sizes(n: int) -> tuple[int, int]:
    return n // 2, n - n // 2


def _jitter(x: np.ndarray, std: float, rng: np.random.Generator) -> np.ndarray:
    return x + rng.normal(0.0, std, size=x.shape) if std > 0 else x


def circles(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Class 1 fills a disc of radius 0.5; class 0 a ring from 0.7 to 1.0 around it."""
    n_inner, n_outer = _class_sizes(n)

    def ring(count: int, r_min: float, r_max: float) -> np.ndarray:
        # sqrt makes the points uniform over the area rather than crowded at the centre.
        r = np.sqrt(rng.uniform(r_min**2, r_max**2, count))
        angle = rng.uniform(0.0, 2 * np.pi, count)
        return np.column_stack([r * np.cos(angle), r * np.sin(angle)])

    x = np.vstack([ring(n_outer, 0.7, 1.0), ring(n_inner, 0.0, 0.5)])
    y = np.concatenate([np.zeros(n_outer), np.ones(n_inner)])
    return _jitter(x, 0.25 * noise, rng), y


def xor(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Class 0 where x1 and x2 have the same sign, class 1 where they differ."""
    n0, n1 = _class_sizes(n)
    pad = 0.05  # a thin empty band along the axes keeps the noise-free labels unambiguous

    def quadrants(count: int, same_sign: bool) -> np.ndarray:
        magnitude = rng.uniform(pad, 1.0, size=(count, 2))
        s1 = rng.choice([-1.0, 1.0], size=count)
        s2 = s1 if same_sign else -s1
        return magnitude * np.column_stack([s1, s2])

    x = np.vstack([quadrants(n0, True), quadrants(n1, False)])
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _jitter(x, 0.25 * noise, rng), y


def gaussians(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two round clouds centred at (-0.5, -0.5) and (0.5, 0.5); noise widens them."""
    n0, n1 = _class_sizes(n)
    std = 0.1 + 0.5 * noise
    x = np.vstack(
        [rng.normal(-0.5, std, size=(n0, 2)), rng.normal(0.5, std, size=(n1, 2))]
    )
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return x, y


def spiral(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved arms, each turning 1.75 times around the centre."""
    parts = []
    for label, count in enumerate(_class_sizes(n)):
        t = rng.uniform(0.0, 1.0, count)  # distance along the arm, 0 = centre
        angle = 1.75 * t * 2 * np.pi + label * np.pi
        parts.append(np.column_stack([t * np.sin(angle), t * np.cos(angle)]))
    n0, n1 = _class_sizes(n)
    x = np.vstack(parts)
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _jitter(x, 0.15 * noise, rng), y


def moons(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles (as scikit-learn's make_moons), rescaled to [-1, 1]."""
    n0, n1 = _class_sizes(n)
    a0 = rng.uniform(0.0, np.pi, n0)
    a1 = rng.uniform(0.0, np.pi, n1)
    upper = np.column_stack([np.cos(a0), np.sin(a0)])
    lower = np.column_stack([1.0 - np.cos(a1), 0.5 - np.sin(a1)])
    # Raw moons span x in [-1, 2] and y in [-0.5, 1]; centre and shrink them.
    x = (np.vstack([upper, lower]) - [0.5, 0.25]) / 1.5
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _jitter(x, 0.2 * noise, rng), y


def plane(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Target rises linearly across the plane: (x1 + x2) / 2 plus noise."""
    x = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = (x[:, 0] + x[:, 1]) / 2
    return x, _jitter(y, 0.5 * noise, rng)


# (centre x1, centre x2, sign): three bumps and three dips, as in TensorFlow Playground.
_BUMPS = (
    (-0.67, 0.42, 1.0),
    (0.0, 0.42, -1.0),
    (0.67, 0.42, 1.0),
    (-0.67, -0.42, -1.0),
    (0.0, -0.42, 1.0),
    (0.67, -0.42, -1.0),
)


def gaussian_mix(
    n: int, noise: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Target is a sum of six Gaussian bumps and dips over the plane, plus noise."""
    x = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = np.zeros(n)
    for c1, c2, sign in _BUMPS:
        d2 = (x[:, 0] - c1) ** 2 + (x[:, 1] - c2) ** 2
        y += sign * np.exp(-d2 / (2 * 0.2**2))
    return x, _jitter(y, 0.5 * noise, rng)


def _params(noise_default: float) -> tuple[DatasetParam, ...]:
    return (
        DatasetParam(
            name="n_points",
            label=Message("data.param.n_points"),
            kind="int",
            default=500,
            min=50,
            max=5000,
            step=50,
            help=Message("data.param.n_points.help"),
        ),
        DatasetParam(
            name="noise",
            label=Message("data.param.noise"),
            kind="float",
            default=noise_default,
            min=0.0,
            max=1.0,
            step=0.05,
            help=Message("data.param.noise.help.shapes"),
        ),
        split_param(),
        seed_param(),
    )


def _entry(
    key: str, title: str, task: Task, description: str, generate: Generator
) -> DatasetEntry:
    group = Message("data.group.2d_classification" if task == "classification" else "data.group.2d_regression")
    info = DatasetInfo(
        key=key,
        title=title,
        task=task,
        input_kind="tabular",
        description=description,
        params=_params(0.2 if task == "classification" else 0.1),
        group=group,
    )

    def load(info: DatasetInfo, *, n_points: int, noise: float, seed: int, split: str = DEFAULT_SPLIT) -> Dataset:
        rng = np.random.default_rng(seed)
        x, y = generate(n_points, noise, rng)
        return build_dataset(
            key=info.key,
            title=info.title,
            task=info.task,
            input_kind="tabular",
            x=x,
            y=y,
            feature_names=FEATURE_NAMES,
            class_names=CLASS_NAMES if task == "classification" else None,
            params=with_split({"key": info.key, "n_points": n_points, "noise": noise, "seed": seed}, split),
            description=info.description,
            seed=seed,
            steps=(Message("msg.prep.generated_points", n=n_points, noise=f"{noise:g}", seed=seed),),
            target_name="class" if task == "classification" else "value",
            shares=split,
        )

    return DatasetEntry(info=info, load=load)


DATASETS: tuple[DatasetEntry, ...] = (
    _entry(
        "circles",
        "Circles (2-D)",
        "classification",
        "Points inside a small circle (class 1) and on a ring around it (class 0); "
        "a curved boundary is needed to separate them.",
        circles,
    ),
    _entry(
        "xor",
        "XOR (2-D)",
        "classification",
        "Points are class 0 when x1 and x2 have the same sign and class 1 otherwise; "
        "no single straight line can separate them.",
        xor,
    ),
    _entry(
        "gaussians",
        "Two Gaussians (2-D)",
        "classification",
        "Two clouds of points that a straight line separates, so even a network without "
        "hidden layers can learn it.",
        gaussians,
    ),
    _entry(
        "spiral",
        "Spiral (2-D)",
        "classification",
        "Two interleaved spiral arms, the hardest 2-D task: it needs several hidden layers "
        "or many units.",
        spiral,
    ),
    _entry(
        "moons",
        "Moons (2-D)",
        "classification",
        "Two interleaving half circles separated by a gently curved boundary.",
        moons,
    ),
    _entry(
        "plane",
        "Plane (2-D regression)",
        "regression",
        "Predict a value that rises steadily across the plane, a straight-line (linear) "
        "relationship to x1 and x2.",
        plane,
    ),
    _entry(
        "gaussian_mix",
        "Bumps and dips (2-D regression)",
        "regression",
        "Predict the height of a surface made of three bumps and three dips, a curved "
        "relationship the network has to bend to fit.",
        gaussian_mix,
    ),
)
