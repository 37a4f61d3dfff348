"""Figures that show a dataset before any model: points, images, distributions, series,
class balance.

Pure functions: arrays (or a Dataset) in, a plotly Figure out. Classes differ by colour
(`style.PALETTE`, ten colour-blind-safe colours) and by marker symbol or line dash, so a figure
still reads in greyscale or for colour-blind viewers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from nncore.data.dataset import Dataset
from nncore.errors import DatasetError
from nncore.plots.style import PALETTE, SYMBOLS, apply_layout, color
from nncore.plots.words import Words, dataset_title, english

Split = Literal["train", "val", "test"]
SPLIT_LABELS = {"train": "training", "val": "validation", "test": "test"}  # the splits' fig.<label> keys
# A default title: `...` (Ellipsis) asks for the function's own, worded by `words`; None for none.
DefaultTitle = str | None | type(Ellipsis)
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
CONTINUOUS_SCALE = "Cividis"  # designed to read the same with colour-vision deficiencies
IMAGE_SCALE = "Greys"  # 0 white, 1 black: dark ink on a light page


def class_symbol(index: int) -> str:
    """Filled symbols for the first classes, then their open versions, so that colour and
    symbol together stay unique for twice as many classes as there are colours."""
    base = SYMBOLS[index % len(SYMBOLS)]
    return base + "-open" if (index // len(SYMBOLS)) % 2 else base


def class_dash(index: int) -> str:
    return DASHES[index % len(DASHES)]


def _names(class_names: Sequence[str] | None, y: np.ndarray) -> list[str]:
    if class_names is not None:
        return list(class_names)
    return [str(i) for i in range(int(np.max(y)) + 1 if len(y) else 0)]


def scatter_2d(
    x: np.ndarray,
    y: np.ndarray,
    *,
    class_names: Sequence[str] | None = None,
    feature_names: Sequence[str] = ("x1", "x2"),
    target_name: str | None = None,
    title: DefaultTitle = ...,
    words: Words = english,
) -> go.Figure:
    """Two features as a scatter: one trace per class, or one trace coloured by the target.

    Classification when `class_names` is given (y = class indices), regression otherwise.
    """
    title = words("fig.data") if title is ... else title
    target_name = target_name or words("fig.target")
    x = np.asarray(x)
    y = np.asarray(y)
    if x.ndim != 2 or x.shape[1] != 2:
        raise DatasetError(f"Expected points with 2 features. Received: shape {x.shape}")
    fig = go.Figure()
    if class_names is not None:
        for index, name in enumerate(class_names):
            points = x[y == index]
            fig.add_trace(
                go.Scatter(
                    x=points[:, 0],
                    y=points[:, 1],
                    mode="markers",
                    name=name,
                    marker=dict(
                        color=color(index),
                        symbol=class_symbol(index),
                        size=7,
                        line=dict(width=0.5, color="white"),
                    ),
                )
            )
        fig.update_layout(legend_title_text=words("fig.class"))
    else:
        fig.add_trace(
            go.Scatter(
                x=x[:, 0],
                y=x[:, 1],
                mode="markers",
                name=target_name,
                marker=dict(
                    color=y,
                    colorscale=CONTINUOUS_SCALE,
                    size=7,
                    colorbar=dict(title=dict(text=target_name)),
                    line=dict(width=0.5, color="white"),
                ),
                hovertemplate=f"%{{x:.3g}}, %{{y:.3g}}<br>{target_name}: %{{marker.color:.3g}}"
                "<extra></extra>",
            )
        )
    fig.update_xaxes(title_text=feature_names[0])
    # Equal units on both axes (distances mean something), shrinking the plot area rather
    # than widening the x range, so the points fill the picture.
    fig.update_yaxes(title_text=feature_names[1], scaleanchor="x", scaleratio=1, constrain="domain")
    fig.update_xaxes(constrain="domain")
    return apply_layout(fig, title, height=450)


def image_grid(
    images: np.ndarray,
    labels: Sequence[str],
    *,
    columns: int = 8,
    title: DefaultTitle = ...,
    words: Words = english,
) -> go.Figure:
    """Images (n, h, w) or (n, h, w, 1|3) with values in [0, 1], each titled by its label."""
    title = words("fig.example_images") if title is ... else title
    images = np.asarray(images, dtype=np.float32)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim not in (3, 4) or len(images) != len(labels):
        raise DatasetError(
            f"Expected images (n, height, width[, channels]) and one label each. "
            f"Received: shape {images.shape} and {len(labels)} labels"
        )
    n = len(images)
    columns = max(1, min(columns, n))
    rows = max(1, -(-n // columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[str(label) for label in labels],
        horizontal_spacing=0.02,
        vertical_spacing=0.08 if rows > 1 else 0.0,
    )
    for index, image in enumerate(images):
        row, col = index // columns + 1, index % columns + 1
        if image.ndim == 3:  # colour: go.Image wants 0-255
            trace = go.Image(z=np.clip(image * 255.0, 0, 255).astype(np.uint8))
        else:
            trace = go.Heatmap(
                z=image, colorscale=IMAGE_SCALE, zmin=0.0, zmax=1.0, showscale=False,
                hovertemplate=words("fig.hover.row_column", row="%{y}", col="%{x}", v="%{z:.2f}") + "<extra></extra>",
            )
        fig.add_trace(trace, row=row, col=col)
    # Image rows run top to bottom; keep pixels square and drop the tick clutter.
    fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=False, constrain="domain")
    fig.update_yaxes(
        showticklabels=False, showgrid=False, zeroline=False, autorange="reversed",
        scaleanchor="x", constrain="domain",
    )
    for index in range(2, n + 1):
        fig.update_yaxes(scaleanchor=f"x{index}", row=(index - 1) // columns + 1,
                         col=(index - 1) % columns + 1)
    fig.update_annotations(font_size=11)
    return apply_layout(fig, title, height=max(200, 110 * rows + 60))


def feature_distributions(
    x: np.ndarray,
    feature_names: Sequence[str],
    *,
    y: np.ndarray | None = None,
    class_names: Sequence[str] | None = None,
    kind: Literal["box", "histogram"] = "box",
    max_features: int = 12,
    title: DefaultTitle = ...,
    words: Words = english,
) -> go.Figure:
    """Per-feature spread of tabular data, split by class when labels are given.

    "box": one box per feature in a shared axis (one trace per class, or one in all).
    "histogram": one panel per feature (one trace per class in each panel).
    Only the first `max_features` features are drawn to keep the figure readable.
    """
    title = words("fig.feature_distributions") if title is ... else title
    x = np.asarray(x)
    if x.ndim != 2 or x.shape[1] != len(feature_names):
        raise DatasetError(
            f"Expected a table (n, {len(feature_names)}) matching the feature names. "
            f"Received: shape {x.shape}"
        )
    if kind not in ("box", "histogram"):
        raise DatasetError(f"Expected kind 'box' or 'histogram'. Received: kind={kind!r}")
    n_features = min(max_features, x.shape[1])
    names = list(feature_names[:n_features])
    groups: list[tuple[str, np.ndarray]]
    if y is not None and class_names is not None:
        y = np.asarray(y)
        groups = [(name, y == index) for index, name in enumerate(class_names)]
    else:
        groups = [(words("fig.all"), np.ones(len(x), dtype=bool))]
    single = len(groups) == 1

    if kind == "box":
        fig = go.Figure()
        for index, (group, mask) in enumerate(groups):
            values = x[mask][:, :n_features]
            fig.add_trace(
                go.Box(
                    x=np.repeat(names, len(values)),
                    y=values.T.reshape(-1),
                    name=group,
                    marker=dict(color=color(index), symbol=class_symbol(index)),
                    boxpoints=False,
                    showlegend=not single,
                )
            )
        fig.update_layout(boxmode="group", legend_title_text=words("fig.class"))
        fig.update_xaxes(title_text=words("fig.feature"))
        fig.update_yaxes(title_text=words("fig.value"))
        return apply_layout(fig, title, height=420)

    columns = min(3, n_features)
    rows = -(-n_features // columns)
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=names)
    for f, name in enumerate(names):
        for index, (group, mask) in enumerate(groups):
            fig.add_trace(
                go.Histogram(
                    x=x[mask][:, f],
                    name=group,
                    legendgroup=group,
                    showlegend=f == 0 and not single,
                    marker=dict(color=color(index)),
                    opacity=0.6 if not single else 0.9,
                    nbinsx=30,
                ),
                row=f // columns + 1,
                col=f % columns + 1,
            )
    fig.update_layout(barmode="overlay", legend_title_text=words("fig.class"))
    fig.update_yaxes(title_text=words("fig.count"), col=1)
    fig.update_annotations(font_size=11)
    return apply_layout(fig, title, height=max(300, 220 * rows + 60))


def sequence_examples(
    x: np.ndarray,
    y: np.ndarray,
    *,
    class_names: Sequence[str] | None = None,
    feature_names: Sequence[str] | None = None,
    feature_index: int = 0,
    target_name: str | None = None,
    title: DefaultTitle = ...,
    words: Words = english,
) -> go.Figure:
    """One line per series (x: (n, steps, features)), drawing feature `feature_index`.

    Classification: colour and dash follow the class. Regression: the value to predict is
    drawn as a marker one step after the series ends (one extra trace).
    """
    title = words("fig.example_series") if title is ... else title
    feature_names = feature_names or (words("fig.value"),)
    target_name = target_name or words("fig.target")
    x = np.asarray(x)
    y = np.asarray(y)
    if x.ndim != 3 or not 0 <= feature_index < x.shape[2]:
        raise DatasetError(
            f"Expected series (n, steps, features) and a feature index below {x.shape[-1]}. "
            f"Received: shape {x.shape}, feature_index={feature_index}"
        )
    steps = np.arange(1, x.shape[1] + 1)
    fig = go.Figure()
    shown: set[int] = set()
    for i, series in enumerate(x[:, :, feature_index]):
        if class_names is not None:
            label = int(y[i])
            fig.add_trace(
                go.Scatter(
                    x=steps,
                    y=series,
                    mode="lines",
                    name=class_names[label],
                    legendgroup=class_names[label],
                    showlegend=label not in shown,
                    line=dict(color=color(label), dash=class_dash(label), width=2),
                )
            )
            shown.add(label)
        else:
            fig.add_trace(
                go.Scatter(
                    x=steps,
                    y=series,
                    mode="lines",
                    name=words("fig.series_n", n=i + 1),
                    line=dict(color=PALETTE[i % len(PALETTE)], width=2),
                )
            )
    if class_names is None and len(x):
        fig.add_trace(
            go.Scatter(
                x=np.full(len(x), x.shape[1] + 1),
                y=y,
                mode="markers",
                name=target_name,
                marker=dict(
                    color=[PALETTE[i % len(PALETTE)] for i in range(len(x))],
                    symbol="star",
                    size=11,
                    line=dict(width=1, color="black"),
                ),
            )
        )
    fig.update_xaxes(title_text=words("fig.step"))
    fig.update_yaxes(title_text=feature_names[feature_index])
    return apply_layout(fig, title, height=400)


def class_balance(
    labels_by_split: Mapping[str, np.ndarray],
    class_names: Sequence[str],
    *,
    title: DefaultTitle = ...,
    words: Words = english,
) -> go.Figure:
    """Grouped bars: how many examples of each class each split holds (one trace per split)."""
    title = words("fig.examples_per_class") if title is ... else title
    fig = go.Figure()
    for index, (split, labels) in enumerate(labels_by_split.items()):
        counts = np.bincount(np.asarray(labels, dtype=np.int64), minlength=len(class_names))
        total = max(int(counts.sum()), 1)
        fig.add_trace(
            go.Bar(
                x=list(class_names),
                y=counts[: len(class_names)],
                name=split,
                marker=dict(color=color(index), pattern=dict(shape=("", "/", ".")[index % 3])),
                customdata=np.round(100.0 * counts[: len(class_names)] / total, 1),
                hovertemplate="%{x}: %{y} (%{customdata}%)<extra>" + split + "</extra>",
            )
        )
    fig.update_layout(barmode="group", legend_title_text=words("fig.split"))
    fig.update_xaxes(title_text=words("fig.class"), type="category")
    fig.update_yaxes(title_text=words("fig.examples"))
    return apply_layout(fig, title)


def target_distribution(
    targets_by_split: Mapping[str, np.ndarray],
    *,
    target_name: str | None = None,
    title: DefaultTitle = ...,
    words: Words = english,
) -> go.Figure:
    """Overlaid histograms of a regression target, one trace per split."""
    title = words("fig.target_distribution") if title is ... else title
    target_name = target_name or words("fig.target")
    fig = go.Figure()
    for index, (split, values) in enumerate(targets_by_split.items()):
        fig.add_trace(
            go.Histogram(
                x=np.asarray(values), name=split, opacity=0.6, nbinsx=40,
                marker=dict(color=color(index)),
            )
        )
    fig.update_layout(barmode="overlay", legend_title_text=words("fig.split"))
    fig.update_xaxes(title_text=target_name)
    fig.update_yaxes(title_text=words("fig.examples"))
    return apply_layout(fig, title)


# --- the same figures straight from a Dataset -------------------------------------------


def _split(dataset: Dataset, split: Split) -> tuple[np.ndarray, np.ndarray]:
    if split not in SPLIT_LABELS:
        raise DatasetError(
            f"Expected split 'train', 'val' or 'test'. Received: split={split!r}"
        )
    return getattr(dataset, f"x_{split}"), getattr(dataset, f"y_{split}")


def _original_target(dataset: Dataset, y: np.ndarray) -> np.ndarray:
    return y if dataset.task == "classification" else dataset.preprocessing.inverse_target(y)


def dataset_scatter(
    dataset: Dataset, split: Split = "train", *, original_units: bool = False, words: Words = english
) -> go.Figure:
    """Scatter of a two-feature dataset (the values the model sees, unless `original_units`)."""
    if not dataset.is_2d:
        raise DatasetError(
            f"Expected a tabular dataset with 2 features. Received: '{dataset.key}' with "
            f"input shape {dataset.input_shape}"
        )
    x, y = _split(dataset, split)
    if original_units:
        x = dataset.preprocessing.inverse_features(x)
    return scatter_2d(
        x,
        _original_target(dataset, y),
        class_names=dataset.class_names,
        feature_names=dataset.feature_names,
        target_name=dataset.target_name,
        title=words("fig.ds.split_data", title=dataset_title(dataset, words), split=words(f"fig.{SPLIT_LABELS[split]}")),
        words=words,
    )


def dataset_images(dataset: Dataset, split: Split = "train", *, n: int = 16, words: Words = english) -> go.Figure:
    """The first `n` images of a split, each titled with its class."""
    if dataset.input_kind != "image":
        raise DatasetError(f"Expected an image dataset. Received: '{dataset.key}'")
    x, y = _split(dataset, split)
    x, y = x[:n], y[:n]
    names = _names(dataset.class_names, y)
    return image_grid(
        dataset.preprocessing.inverse_features(x),
        [names[int(label)] for label in y],
        title=words("fig.ds.images", title=dataset_title(dataset, words), split=words(f"fig.{SPLIT_LABELS[split]}")),
        words=words,
    )


def dataset_feature_distributions(
    dataset: Dataset,
    split: Split = "train",
    *,
    kind: Literal["box", "histogram"] = "box",
    original_units: bool = True,
    max_features: int = 12,
    words: Words = english,
) -> go.Figure:
    """Feature spreads of a tabular dataset, in the file's units by default."""
    if dataset.input_kind != "tabular":
        raise DatasetError(f"Expected a tabular dataset. Received: '{dataset.key}'")
    x, y = _split(dataset, split)
    if original_units:
        x = dataset.preprocessing.inverse_features(x)
    return feature_distributions(
        x,
        dataset.feature_names,
        y=y if dataset.class_names else None,
        class_names=dataset.class_names,
        kind=kind,
        max_features=max_features,
        title=words("fig.ds.features_original" if original_units else "fig.ds.features_scaled", title=dataset_title(dataset, words)),
        words=words,
    )


def dataset_sequences(
    dataset: Dataset, split: Split = "train", *, n: int = 6, feature_index: int = 0, words: Words = english
) -> go.Figure:
    if dataset.input_kind != "sequence":
        raise DatasetError(f"Expected a sequence dataset. Received: '{dataset.key}'")
    x, y = _split(dataset, split)
    x, y = x[:n], y[:n]
    return sequence_examples(
        dataset.preprocessing.inverse_features(x),
        _original_target(dataset, y),
        class_names=dataset.class_names,
        feature_names=dataset.feature_names,
        feature_index=feature_index,
        target_name=dataset.target_name,
        title=words("fig.ds.series", title=dataset_title(dataset, words), split=words(f"fig.{SPLIT_LABELS[split]}")),
        words=words,
    )


def dataset_class_balance(dataset: Dataset, *, words: Words = english) -> go.Figure:
    """Class counts per split for classification; target histograms for regression."""
    splits = {
        words(f"fig.{SPLIT_LABELS[s]}"): _original_target(dataset, _split(dataset, s)[1])  # type: ignore[arg-type]
        for s in SPLIT_LABELS
    }
    if dataset.class_names:
        return class_balance(
            splits, dataset.class_names, title=words("fig.ds.per_class", title=dataset_title(dataset, words)), words=words
        )
    return target_distribution(
        splits, target_name=dataset.target_name, title=words("fig.ds.target", title=dataset_title(dataset, words)), words=words
    )
