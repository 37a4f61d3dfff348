"""A drawn digit prepared like the training digits (nncore/data/drawing.py), on synthetic strokes."""

import numpy as np
import pytest

from nncore.data.drawing import RECIPES, digit_from_strokes, prepare_digit, rasterise_strokes, recipe_for

VERTICAL = [[(0.5, 0.2), (0.5, 0.8)]]
HORIZONTAL = [[(0.2, 0.5), (0.8, 0.5)]]


def _ink_centre(image):
    rows, cols = np.indices(image.shape)
    return (rows * image).sum() / image.sum(), (cols * image).sum() / image.sum()


def test_rasterise_inks_the_pen_path_only():
    ink = rasterise_strokes(VERTICAL, resolution=100, width=0.1)
    assert ink[50, 50] == 1 and ink[25, 50] == 1  # on the line
    assert ink[50, 20] == 0 and ink[5, 50] == 0  # beside it, and past its end
    assert set(np.unique(ink)) == {0.0, 1.0}
    dot = rasterise_strokes([[(0.3, 0.3)]], resolution=100, width=0.1)  # a tap leaves a dot
    assert dot[30, 30] == 1 and dot.sum() < 100


@pytest.mark.parametrize("key", sorted(RECIPES))
def test_a_vertical_stroke_becomes_a_centred_vertical_bar(key):
    image = digit_from_strokes(VERTICAL, RECIPES[key])
    side = RECIPES[key].side
    assert image.shape == (side, side) and image.dtype == np.float32
    assert 0.0 <= image.min() and image.max() <= 1.0
    rows_inked = np.flatnonzero(image.sum(axis=1) > 0)
    cols_inked = np.flatnonzero(image.sum(axis=0) > 0)
    assert len(rows_inked) > 2 * len(cols_inked)  # tall and thin
    row, col = _ink_centre(image)
    assert abs(row - (side - 1) / 2) <= 1.0 and abs(col - (side - 1) / 2) <= 1.0


@pytest.mark.parametrize("key", sorted(RECIPES))
def test_a_horizontal_stroke_becomes_a_centred_horizontal_bar(key):
    image = digit_from_strokes(HORIZONTAL, RECIPES[key])
    assert (image.sum(axis=0) > 0).sum() > 2 * (image.sum(axis=1) > 0).sum()
    row, col = _ink_centre(image)
    side = RECIPES[key].side
    assert abs(row - (side - 1) / 2) <= 1.0 and abs(col - (side - 1) / 2) <= 1.0


def test_the_place_of_the_drawing_does_not_matter_nor_its_size_for_its_box():
    """A zero drawn in a corner gives the image of the same zero drawn in the middle, and a
    smaller zero the same image again: it is redrawn with a pen relative to its size."""
    def ring(cx, cy, r):
        angles = np.linspace(0, 2 * np.pi, 60)
        return [list(zip(cx + r * np.cos(angles), cy + 1.3 * r * np.sin(angles)))]

    def box(image):
        rows, cols = np.flatnonzero(image.sum(axis=1) > 0), np.flatnonzero(image.sum(axis=0) > 0)
        return rows[0], rows[-1], cols[0], cols[-1]

    for key, recipe in RECIPES.items():
        middle = digit_from_strokes(ring(0.5, 0.5, 0.2), recipe)
        corner = digit_from_strokes(ring(0.25, 0.3, 0.2), recipe)
        assert np.abs(middle - corner).mean() < 0.05, key
        small = digit_from_strokes(ring(0.7, 0.6, 0.12), recipe)
        assert box(small) == box(middle) and np.abs(small - middle).mean() < 0.05, key
        side = recipe.side  # a ring: less ink in the middle than on the ring
        assert middle[side // 2, side // 2] < middle.max(), key


def test_optdigits_grey_levels_are_block_counts_out_of_16():
    image = digit_from_strokes(VERTICAL, RECIPES["digits"])
    assert np.allclose(image * 16, np.round(image * 16))  # 0, 1/16, ... 16/16
    assert image.max() >= 0.5  # drawn with the training digits' thick pen


def test_mnist_ink_is_in_a_20_pixel_box_with_the_centre_of_mass_in_the_middle():
    l_shape = [[(0.3, 0.1), (0.3, 0.9), (0.9, 0.9)]]
    image = digit_from_strokes(l_shape, RECIPES["mnist"])
    rows = np.flatnonzero(image.sum(axis=1) > 0.01)
    assert rows[-1] - rows[0] + 1 == 20
    row, col = _ink_centre(image)
    assert abs(row - 13.5) <= 0.6 and abs(col - 13.5) <= 0.6
    assert 0 < np.sort(np.unique(image))[1] < 1  # anti-aliased: grey edges


def test_nothing_drawn_gives_a_blank_image_and_bad_ink_is_refused():
    assert not digit_from_strokes([], RECIPES["digits"]).any()
    assert not digit_from_strokes([[]], RECIPES["mnist"]).any()
    with pytest.raises(ValueError, match="Expected a 2-D ink image"):
        prepare_digit(np.zeros(5), RECIPES["digits"])


def test_only_digit_datasets_have_a_recipe():
    assert recipe_for("digits").side == 8 and recipe_for("mnist").side == 28
    assert recipe_for("fashion_mnist") is None and recipe_for("breast_cancer") is None


def test_a_drawn_zero_has_about_the_ink_of_the_training_zeros():
    """Redrawn with the training pen, a zero covers as much of the 8x8 image as the bundled
    zeros do (within their spread), so the network sees the stroke weight it learned on."""
    from nncore.data.images import load_digits_images

    images, labels = load_digits_images()
    ink = images[labels == 0].mean(axis=(1, 2))
    angles = np.linspace(0, 2 * np.pi, 60)
    zero = [list(zip(0.5 + 0.22 * np.cos(angles), 0.5 + 0.33 * np.sin(angles)))]
    drawn = digit_from_strokes(zero, RECIPES["digits"]).mean()
    assert np.percentile(ink, 10) <= drawn <= np.percentile(ink, 90)


def test_strokes_from_the_browser_are_checked_and_bounded():
    from nncore.data.drawing import clean_strokes

    raw = [[[0.1, 0.2], [2, -1], ["x", 0.5], [0.3], None, [True, 0.5], [float("nan"), 0.1]], "junk", [], [[0.5, 0.5]]]
    assert clean_strokes(raw) == [[(0.1, 0.2), (1.0, 0.0)], [(0.5, 0.5)]]
    assert clean_strokes("not a list") == [] and clean_strokes(None) == []
    many = [[[0.5, 0.5]] * 3000, [[0.1, 0.1]] * 3000]
    assert sum(len(s) for s in clean_strokes(many, max_points=4000)) == 4000
