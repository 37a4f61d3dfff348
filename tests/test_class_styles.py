"""Every class-coloured figure tells the classes of the bundled data apart by colour and by marker.

Digits, MNIST and Fashion-MNIST have 10 classes: with 8 colours and 8 markers, classes 0 and 8
shared a blue circle and 1 and 9 an orange square.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from nncore.evaluate.classification import Curve
from nncore.inspect.boundary import PlaneGrid
from nncore.plots import boundary_plots, data_plots, eval_plots, inside_plots
from tests.reference.test_palette_colour_blind import MACHADO_2009, smallest_difference

N_CLASSES = 10  # the most classes of any bundled dataset (digits, MNIST, Fashion-MNIST): checked below
NAMES = [f"class {k}" for k in range(N_CLASSES)]
RNG = np.random.default_rng(0)
Y = np.repeat(np.arange(N_CLASSES), 5)
X2 = RNG.normal(size=(len(Y), 2))


def _curves() -> list[Curve]:
    grid = np.linspace(0, 1, 5)
    return [Curve(name, grid, grid ** (k + 1), grid, 0.5, 0.1) for k, name in enumerate(NAMES)]


def _boundary():
    dataset = SimpleNamespace(n_classes=N_CLASSES, class_names=NAMES, x_test=X2, y_test=Y, task="classification",
                              feature_names=["a", "b"])
    grid = PlaneGrid(np.linspace(-1, 1, 4), np.linspace(-1, 1, 4), np.zeros((4, 4)), "class")
    return boundary_plots.decision_boundary(grid, dataset)


FIGURES = {
    "data scatter": lambda: data_plots.scatter_2d(X2, Y, class_names=NAMES),
    "feature boxes by class": lambda: data_plots.feature_distributions(X2, ["a", "b"], y=Y, class_names=NAMES),
    "feature histograms by class": lambda: data_plots.feature_distributions(
        X2, ["a", "b"], y=Y, class_names=NAMES, kind="histogram"),
    "example series by class": lambda: data_plots.sequence_examples(
        RNG.normal(size=(len(Y), 6, 1)), Y, class_names=NAMES),
    "decision boundary points": _boundary,
    "Inside PCA": lambda: inside_plots.pca_scatter(X2, np.array([0.5, 0.3]), Y, NAMES),
    "ROC per class": lambda: eval_plots.roc_figure(_curves()),
    "PR per class": lambda: eval_plots.pr_figure(_curves()),
}


def _style(trace) -> tuple[str, str]:
    """(colour, shape): a marker symbol, else a line dash, else a fill pattern."""
    marker = getattr(trace, "marker", None)
    line = getattr(trace, "line", None)
    colour = (marker.color if marker is not None and isinstance(marker.color, str) else None) or (
        line.color if line is not None else None)
    shape = marker.symbol if marker is not None and getattr(marker, "symbol", None) else None
    if shape is None and line is not None and line.dash:
        shape = line.dash
    return str(colour), str(shape)


@pytest.mark.parametrize("name", list(FIGURES))
def test_ten_classes_get_ten_colours_and_ten_shapes(name):
    fig = FIGURES[name]()
    styles: dict[str, tuple[str, str]] = {}
    for trace in fig.data:
        label = trace.legendgroup or trace.name
        if label is None:
            continue
        label = label.split(" (")[0]  # "class 3 (test)", "class 3 (AUC 0.50)"
        if label in NAMES:
            styles.setdefault(label, _style(trace))
    assert sorted(styles) == sorted(NAMES), name
    colours = [c for c, _ in styles.values()]
    assert len(set(colours)) == N_CLASSES, (name, styles)
    # The colours this figure draws, not only the palette, stay apart under simulated
    # protanopia, deuteranopia and tritanopia (tests/reference/test_palette_colour_blind.py).
    for vision in MACHADO_2009:
        assert smallest_difference(colours, vision) >= 16.9, (name, vision)
    if name != "feature histograms by class":  # bars: colour only (a histogram has no marker)
        shapes = [s for _, s in styles.values()]
        assert "None" not in shapes and len(set(styles.values())) == N_CLASSES, (name, styles)
        if name not in ("example series by class",):  # lines: 6 dashes, told apart by colour
            assert len(set(shapes)) == N_CLASSES, (name, styles)


def test_no_bundled_dataset_has_more_classes_than_the_figures_are_checked_with():
    """N_CLASSES is the largest class count of the bundled data, so the checks above cover
    every dataset the app ships (a dataset with more classes would fail here first)."""
    from nncore.data.images import DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES
    from nncore.data.registry import list_datasets, load_dataset

    smallest = {"digits28": {"examples": 1_000}}  # the count does not depend on the size
    downloaded = {"mnist": len(DIGIT_CLASS_NAMES), "fashion_mnist": len(FASHION_CLASS_NAMES)}
    counts = {}
    for info in list_datasets():
        if info.task != "classification":
            continue
        if info.needs_network:
            counts[info.key] = downloaded[info.key]
        else:
            counts[info.key] = load_dataset(info.key, **smallest.get(info.key, {})).n_classes
    assert max(counts.values()) == N_CLASSES, counts
