"""Evaluation figures show the numbers they are given."""

from __future__ import annotations

import numpy as np

from nncore.evaluate import calibration, roc_curves
from nncore.plots import eval_plots


def test_confusion_matrix_figure_shows_counts_or_row_shares():
    confusion = np.array([[8, 2], [1, 3]])
    counts = eval_plots.confusion_matrix_figure(confusion, ("no", "yes"))
    assert [list(r) for r in counts.data[0].text] == [["8", "2"], ["1", "3"]]
    shares = eval_plots.confusion_matrix_figure(confusion, ("no", "yes"), normalized=True)
    assert [list(r) for r in shares.data[0].text] == [["80%", "20%"], ["25%", "75%"]]
    assert counts.layout.yaxis.title.text == "true class"


def test_curve_figure_names_each_class_with_its_area_and_draws_chance():
    y = np.array([0, 1, 2, 0, 1, 2])
    p = np.eye(3)[y] * 0.8 + 0.2 / 3
    fig = eval_plots.roc_figure(roc_curves(y, p, ("a", "b", "c")))
    names = [t.name for t in fig.data]
    assert names[0].startswith("guessing") and names[1:] == ["a (AUC 1.00)", "b (AUC 1.00)", "c (AUC 1.00)"]
    assert len({t.line.dash for t in fig.data[1:]}) == 3  # told apart without colour


def test_calibration_figure_plots_only_filled_bins():
    p1 = np.array([0.05, 0.15, 0.95, 0.9])
    cal = calibration(np.array([0, 0, 1, 1]), np.column_stack([1 - p1, p1]), n_bins=10)
    fig = eval_plots.calibration_figure(cal)
    model = next(t for t in fig.data if t.name == "this model")
    assert len(model.x) == 3 and list(fig.data[-1].y) == cal.counts.tolist()


def test_galleries_draw_one_panel_per_example():
    images = np.random.default_rng(0).random((7, 8, 8, 1))
    fig = eval_plots.image_gallery(images, [f"#{i}" for i in range(7)], columns=6)
    assert len(fig.data) == 7 and [a.text for a in fig.layout.annotations][:2] == ["#0", "#1"]
    seqs = np.random.default_rng(0).random((3, 20, 1))
    assert len(eval_plots.sequence_gallery(seqs, ["a", "b", "c"]).data) == 3


def test_long_curves_are_drawn_thinned_but_keep_their_shape():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 14_000)
    score = np.clip(y * 0.3 + rng.normal(0.35, 0.25, y.size), 0, 1)  # 14,000 distinct scores
    (curve,) = roc_curves(y, np.c_[1 - score, score], ("no", "yes"))
    assert len(curve.x) > 2_000  # the evaluation keeps every threshold...
    fig = eval_plots.roc_figure([curve])
    drawn = fig.data[1]
    assert len(drawn.x) <= eval_plots.MAX_CURVE_POINTS + 2  # ...the figure does not need them
    assert (drawn.x[0], drawn.y[0], drawn.x[-1], drawn.y[-1]) == (curve.x[0], curve.y[0], curve.x[-1], curve.y[-1])
    # every point of the full curve lies within one step of a drawn one
    length = np.sum(np.abs(np.diff(curve.x)) + np.abs(np.diff(curve.y)))
    gaps = np.abs(curve.x[:, None] - np.asarray(drawn.x)[None, :]) + np.abs(curve.y[:, None] - np.asarray(drawn.y)[None, :])
    assert gaps.min(axis=1).max() <= length / eval_plots.MAX_CURVE_POINTS + 1e-12


def test_short_curves_are_drawn_as_they_are():
    x, y = np.linspace(0, 1, 50), np.linspace(0, 1, 50) ** 2
    drawn_x, drawn_y = eval_plots.thinned(x, y)
    assert np.array_equal(drawn_x, x) and np.array_equal(drawn_y, y)
