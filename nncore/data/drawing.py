"""A digit drawn by hand, turned into an input like the training data's.

A person draws on a square canvas; the strokes arrive as polylines in canvas coordinates
scaled to [0, 1]. A network trained on scanned digits only answers sensibly if the drawing
is prepared the way its training images were, so each digit dataset names its recipe:

- scikit-learn's 8x8 digits (UCI "optdigits", Alpaydin & Kaynak 1998): each digit was
  size-normalised into a 32x32 black-and-white bitmap, then every 4x4 block's inked pixels
  were counted, giving grey levels 0..16 (the loader divides by 16).
- MNIST (LeCun et al. 1998): each digit was size-normalised, keeping its aspect ratio, to
  fit a 20x20 box (anti-aliasing makes grey levels), then placed in a 28x28 image with its
  centre of mass at the centre.
- Digits 28x28 (nncore/data/digits28.py): the 8x8 digits enlarged to 20x20, box-centred in
  28x28: the MNIST recipe, centred by the box instead of the centre of mass.

Everything here is pure numpy: strokes in, an image in [0, 1] out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

Stroke = Sequence[Sequence[float]]  # [(x, y), ...] with x to the right, y downwards, in [0, 1]

INK_RESOLUTION = 128  # the drawing is rasterised on this many pixels a side before cropping
PEN_WIDTH = 0.06  # the canvas pen's width as a share of the canvas side


@dataclass(frozen=True)
class DigitRecipe:
    """How a dataset's digits were prepared: where the ink goes and how it is greyed."""

    side: int  # the image's side in pixels
    box: int  # the ink is scaled, aspect kept, so its longer side fills this many pixels
    centring: str  # "box": the ink's box in the middle; "mass": its centre of mass
    # The training digits' pen: its width as a share of the digit's longer side, measured on
    # the data (the 8x8 digits' ink covers 30% of the image on average, for every class).
    stroke: float
    bitmap: int = 0  # > 0: drawn as a bitmap of bitmap x bitmap pixels, then block counts (optdigits)


RECIPES: dict[str, DigitRecipe] = {
    "digits": DigitRecipe(side=8, box=32, centring="box", stroke=0.18, bitmap=32),
    "digits28": DigitRecipe(side=28, box=20, centring="box", stroke=0.18),  # the 8x8 digits enlarged
    "mnist": DigitRecipe(side=28, box=20, centring="mass", stroke=0.12),  # 2-3 pixels of 20
}


def recipe_for(dataset_key: str) -> DigitRecipe | None:
    """The digit recipe of a dataset, or None when its images are not handwritten digits."""
    return RECIPES.get(dataset_key)


MAX_POINTS = 4_000  # a drawing arrives from the browser: bounded, so no request can keep the server busy


def clean_strokes(raw: object, max_points: int = MAX_POINTS) -> list[list[tuple[float, float]]]:
    """Strokes as sent by the canvas, checked: lists of [x, y] number pairs, clipped to [0, 1];
    anything else dropped; at most `max_points` points in all (the rest ignored)."""
    strokes: list[list[tuple[float, float]]] = []
    left = max_points
    for stroke in raw if isinstance(raw, (list, tuple)) else ():
        points = []
        for point in stroke if isinstance(stroke, (list, tuple)) else ():
            if left <= 0:
                break
            if (isinstance(point, (list, tuple)) and len(point) == 2
                    and all(isinstance(v, (int, float)) and not isinstance(v, bool) and np.isfinite(v) for v in point)):
                points.append((min(max(float(point[0]), 0.0), 1.0), min(max(float(point[1]), 0.0), 1.0)))
                left -= 1
        if points:
            strokes.append(points)
    return strokes


def rasterise_strokes(strokes: Sequence[Stroke], resolution: int = INK_RESOLUTION, width: float = PEN_WIDTH) -> np.ndarray:
    """The strokes as ink on a (resolution, resolution) grid: 1 where the pen passed, else 0.

    A pixel is inked when its centre lies within half the pen's width of a segment, so a
    single tap (a stroke of one point) leaves a dot.
    """
    ink = np.zeros((resolution, resolution), dtype=bool)
    centres = (np.arange(resolution) + 0.5) / resolution
    py, px = np.meshgrid(centres, centres, indexing="ij")
    radius = width / 2
    for stroke in strokes:
        points = np.asarray(stroke, dtype=float).reshape(-1, 2)
        if len(points) == 0:
            continue
        starts = points if len(points) == 1 else points[:-1]
        ends = points if len(points) == 1 else points[1:]
        for (x0, y0), (x1, y1) in zip(starts, ends):
            # Only the pixels near this segment's box are measured.
            lo = np.clip(((np.minimum([x0, y0], [x1, y1]) - radius) * resolution).astype(int) - 1, 0, resolution)
            hi = np.clip(((np.maximum([x0, y0], [x1, y1]) + radius) * resolution).astype(int) + 2, 0, resolution)
            sx, sy = px[lo[1]:hi[1], lo[0]:hi[0]], py[lo[1]:hi[1], lo[0]:hi[0]]
            dx, dy = x1 - x0, y1 - y0
            length2 = dx * dx + dy * dy
            along = np.zeros_like(sx) if length2 == 0 else np.clip(((sx - x0) * dx + (sy - y0) * dy) / length2, 0.0, 1.0)
            near = (sx - x0 - along * dx) ** 2 + (sy - y0 - along * dy) ** 2 <= radius * radius
            ink[lo[1]:hi[1], lo[0]:hi[0]] |= near
    return ink.astype(np.float32)


def _area_matrix(source: int, target: int) -> np.ndarray:
    """(target, source) matrix that averages a length-`source` signal into `target` cells,
    each source pixel shared by the cells it overlaps (area resampling, as in anti-aliasing)."""
    matrix = np.zeros((target, source))
    scale = source / target
    for cell in range(target):
        start, end = cell * scale, (cell + 1) * scale
        for pixel in range(int(np.floor(start)), min(source, int(np.ceil(end)))):
            matrix[cell, pixel] = max(0.0, min(end, pixel + 1) - max(start, pixel))
        matrix[cell] /= scale
    return matrix


def _resize(image: np.ndarray, rows: int, cols: int) -> np.ndarray:
    return _area_matrix(image.shape[0], rows) @ image @ _area_matrix(image.shape[1], cols).T


def _crop_to_ink(ink: np.ndarray) -> np.ndarray:
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _fit_in_box(crop: np.ndarray, box: int) -> np.ndarray:
    """The crop scaled, aspect kept, so its longer side is `box` pixels (at least 1 each way)."""
    scale = box / max(crop.shape)
    rows = max(1, min(box, int(round(crop.shape[0] * scale))))
    cols = max(1, min(box, int(round(crop.shape[1] * scale))))
    return _resize(crop, rows, cols)


def _place(piece: np.ndarray, side: int, centring: str) -> np.ndarray:
    """`piece` on a side x side canvas, its box or its centre of mass at the centre."""
    canvas = np.zeros((side, side))
    top, left = (side - piece.shape[0]) // 2, (side - piece.shape[1]) // 2
    if centring == "mass" and piece.sum() > 0:
        rows, cols = np.indices(piece.shape)
        mass_row = (rows * piece).sum() / piece.sum()
        mass_col = (cols * piece).sum() / piece.sum()
        top = int(round((side - 1) / 2 - mass_row))
        left = int(round((side - 1) / 2 - mass_col))
        top = min(max(top, 0), side - piece.shape[0])  # keep every inked pixel on the canvas
        left = min(max(left, 0), side - piece.shape[1])
    canvas[top : top + piece.shape[0], left : left + piece.shape[1]] = piece
    return canvas


def prepare_digit(ink: np.ndarray, recipe: DigitRecipe) -> np.ndarray:
    """A drawing's ink (any square grid, 1 = ink) prepared as `recipe`'s training digits were:
    cropped to the ink's box, scaled to fit the recipe's box keeping its shape, centred, greyed.
    Returns (side, side) values in [0, 1]; all zeros when nothing is drawn."""
    ink = np.asarray(ink, dtype=float)
    if ink.ndim != 2:
        raise ValueError(f"Expected a 2-D ink image. Received: shape={ink.shape}")
    if not (ink > 0).any():
        return np.zeros((recipe.side, recipe.side), dtype=np.float32)
    piece = _fit_in_box(_crop_to_ink(ink), recipe.box)
    if recipe.bitmap:
        # optdigits: a black-and-white bitmap, then each block's inked pixels counted (0..16).
        bitmap = _place((piece >= 0.5).astype(float), recipe.bitmap, "box")
        block = recipe.bitmap // recipe.side
        counts = bitmap.reshape(recipe.side, block, recipe.side, block).sum(axis=(1, 3))
        return (counts / (block * block)).astype(np.float32)
    return np.clip(_place(piece, recipe.side, recipe.centring), 0.0, 1.0).astype(np.float32)


def _fit_strokes(strokes: Sequence[Stroke], margin: float) -> list[np.ndarray]:
    """The strokes moved and scaled so their box's longer side spans [margin, 1 - margin],
    centred: where and how large the person drew no longer matters."""
    arrays = [np.asarray(stroke, dtype=float).reshape(-1, 2) for stroke in strokes]
    arrays = [a for a in arrays if len(a)]
    points = np.concatenate(arrays)
    low, high = points.min(axis=0), points.max(axis=0)
    span = max(float((high - low).max()), 1e-6)
    scale = (1 - 2 * margin) / span
    centre = (low + high) / 2
    return [(a - centre) * scale + 0.5 for a in arrays]


def digit_from_strokes(strokes: Sequence[Stroke], recipe: DigitRecipe) -> np.ndarray:
    """Strokes drawn on the canvas as one image like the recipe's training digits: redrawn
    with the training digits' pen width (relative to the digit's size), then prepared."""
    if not any(len(stroke) for stroke in strokes):
        return np.zeros((recipe.side, recipe.side), dtype=np.float32)
    width = recipe.stroke * 0.7  # of the unit square, where the digit spans 0.7 (margin 0.15)
    ink = rasterise_strokes(_fit_strokes(strokes, margin=0.15), width=width)
    return prepare_digit(ink, recipe)
