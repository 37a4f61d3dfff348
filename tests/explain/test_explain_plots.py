"""Explanation figures: built from Explanation objects alone, with sorted bars, signed labels
and symmetric colour ranges. No TensorFlow needed: explanations are made by hand."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import Explanation, Importance
from nncore.plots.explain_plots import (
    NEGATIVE,
    POSITIVE,
    attribution_bars,
    compare_explanations,
    explanation_figure,
    image_overlay,
    importance_bars,
    sequence_bars,
    waterfall,
)


def _tabular(values, base=0.2, method="Kernel SHAP"):
    values = np.asarray(values, dtype=float)
    return Explanation(
        values=values,
        base_value=base,
        output_index=1,
        predicted_value=base + values.sum(),
        method=method,
        feature_names=tuple(f"f{i}" for i in range(len(values))),
        instance=np.arange(len(values), dtype=float),
        input_kind="tabular",
        output_label="benign",
    )


def test_bars_are_sorted_by_magnitude_with_sign_colours_and_labels():
    fig = attribution_bars(_tabular([0.1, -0.5, 0.3]))
    bar = fig.data[0]
    assert list(bar.x) == [0.1, 0.3, -0.5]  # plotly draws the last row at the top
    assert bar.y[-1] == "f1 = 1"
    assert list(bar.marker.color) == [POSITIVE, POSITIVE, NEGATIVE]
    assert list(bar.text) == ["+0.1", "+0.3", "-0.5"]


def test_waterfall_runs_from_base_value_to_prediction():
    exp = _tabular([0.1, -0.5, 0.3, 0.05], base=0.4)
    fig = waterfall(exp, max_features=2)
    trace = fig.data[0]
    measures = list(trace.measure)[::-1]
    steps = list(trace.x)[::-1]
    assert measures[0] == "absolute" and measures[-1] == "total"
    assert trace.base == pytest.approx(0.4)  # bars start at the base value, not at 0
    assert steps[0] == 0.0  # the base value's row is a marker, not a bar from 0
    assert steps[1:3] == pytest.approx([-0.5, 0.3]) and steps[3] == pytest.approx(0.15)  # 2 others grouped
    assert trace.base + sum(steps[:-1]) == pytest.approx(exp.predicted_value)


def test_a_300_character_name_is_cut_in_the_waterfall_and_stays_text():
    """A whole 300-character column name took the waterfall's width and squeezed its bars into a
    sliver (seen on Explain with an uploaded table); "name = value" labels are cut and escaped."""
    from dataclasses import replace

    from nncore.plots.data_text import FIGURE_LABEL_CHARS

    long = "<i>serum</i> level " + "y" * 282
    exp = replace(_tabular([0.1, -0.5, 0.3]), feature_names=("f0", long, "f2"))
    labels = list(waterfall(exp).data[0].y)
    cut = [label for label in labels if label.startswith("&lt;i&gt;serum")]
    assert len(cut) == 1 and "y" * 60 not in cut[0] and cut[0].endswith("… = 1")
    assert all(len(label) <= FIGURE_LABEL_CHARS + 20 for label in labels)
    assert "f0 = 0" in labels and "<i>" not in " ".join(labels)


def test_waterfall_needs_a_base_value():
    exp = Explanation(values=np.ones(2), base_value=None, output_index=None, predicted_value=1.0, method="Saliency", input_kind="tabular")
    with pytest.raises(ValueError, match="base value"):
        waterfall(exp)


def _image(scale=1.0, method="Saliency"):
    values = np.linspace(-1, 2, 64).reshape(8, 8, 1) * scale
    return Explanation(values, None, 3, 0.9, method, instance=np.ones((8, 8, 1)), input_kind="image", feature_names=("pixel intensity",))


def test_image_overlay_uses_a_symmetric_diverging_range():
    fig = image_overlay(_image())
    heat = fig.data[-1]
    assert heat.zmin == -2 and heat.zmax == 2 and heat.zmid == 0
    assert np.asarray(heat.z).shape == (8, 8)


def test_sequence_bars_sum_each_step():
    values = np.arange(12, dtype=float).reshape(4, 3) - 6
    fig = sequence_bars(Explanation(values, None, 0, 0.5, "LIME", input_kind="sequence", instance=np.zeros((4, 3))))
    assert list(fig.data[0].y) == list(values.sum(axis=1))
    assert fig.data[0].marker.color[0] == NEGATIVE and fig.data[0].marker.color[-1] == POSITIVE


def test_comparison_puts_every_panel_on_one_scale():
    a, b = _tabular([0.1, -0.5, 0.3], method="LIME"), _tabular([0.2, -1.0, 0.0], method="Kernel SHAP")
    fig = compare_explanations([a, b])
    ranges = [fig.layout[f"xaxis{i if i > 1 else ''}"].range for i in (1, 2)]
    assert ranges[0] == ranges[1] and ranges[0][1] == pytest.approx(1.15)
    images = compare_explanations([_image(), _image(scale=3.0, method="Grad-CAM")])
    heats = [t for t in images.data if t.colorscale and t.zmid == 0]
    assert {(h.zmin, h.zmax) for h in heats} == {(-6.0, 6.0)}
    with pytest.raises(ValueError, match="same input"):
        compare_explanations([a, _image()])


def test_importance_bars_show_the_most_important_at_the_top():
    imp = Importance(("b", "a", "c"), np.array([0.5, 0.2, 0.1]), np.array([0.01, 0.02, 0.0]), "Permutation importance", {"metric": "accuracy"})
    fig = importance_bars(imp, max_features=2)
    assert list(fig.data[0].y) == ["a", "b"] and list(fig.data[0].x) == [0.2, 0.5]
    assert "accuracy" in fig.layout.xaxis.title.text


def test_default_figure_for_each_kind():
    assert explanation_figure(_tabular([1.0, -1.0])).data[0].type == "bar"
    assert explanation_figure(_image()).data[-1].type == "heatmap"


def test_summary_and_dependence_figures_from_a_shap_sample():
    from nncore.explain import ShapSample, dependence_data, summary_data
    from nncore.plots.explain_plots import dependence_scatter, summary_beeswarm

    rng = np.random.default_rng(0)
    features = rng.normal(size=(10, 3))
    sample = ShapSample(features * [2.0, 0.1, -1.0], features, ("a", "b", "c"), 0.5, 1, "Kernel SHAP", 0.1)
    rows = summary_data(sample, max_features=2)
    assert rows.order == ("a", "c") and len(rows.shap_value) == 20
    fig = summary_beeswarm(rows)
    assert list(fig.layout.yaxis.ticktext) == ["c", "a"]
    dep = dependence_scatter(dependence_data(sample, "c"))
    np.testing.assert_allclose(dep.data[0].y, -features[:, 2])


def test_scale_each_divides_every_method_by_its_largest_value():
    from nncore.plots.explain_plots import scale_to_largest

    small, large = _tabular([0.001, -0.004, 0.002], method="Grad"), _tabular([2.0, -1.0, 0.5], method="SHAP")
    scaled = scale_to_largest(small)
    np.testing.assert_allclose(scaled.values, [0.25, -1.0, 0.5])
    assert scaled.params["scaled_by"] == pytest.approx(0.004) and "scaled_by" not in small.params
    fig = compare_explanations([small, large], scale_each=True)
    np.testing.assert_allclose(sorted(fig.data[0].x), [-1.0, 0.25, 0.5])
    np.testing.assert_allclose(sorted(fig.data[1].x), [-0.5, 0.25, 1.0])
    assert fig.layout.annotations[0].text == "Grad (÷ 0.004)"
    unscaled = compare_explanations([small, large])
    np.testing.assert_allclose(sorted(unscaled.data[0].x), [-0.004, 0.001, 0.002])


def test_agreement_heatmap_writes_every_number_and_faithfulness_areas_go_in_the_legend():
    from nncore.explain.trust import Faithfulness, agreement
    from nncore.plots.explain_plots import agreement_heatmap, faithfulness_figure

    a, b = _tabular([1.0, 2.0, 3.0], method="A"), _tabular([3.0, 2.0, 1.0], method="B")
    fig = agreement_heatmap(agreement([a, b], k=1))
    assert [list(r) for r in fig.data[0].text] == [["1.00", "-1.00"], ["-1.00", "1.00"]]
    assert [list(r) for r in fig.data[1].text] == [["1.00", "0.00"], ["0.00", "1.00"]]
    f = np.array([0.0, 0.5, 1.0])
    curve = Faithfulness("A", f, np.array([0.9, 0.2, 0.1]), np.array([0.1, 0.8, 0.9]), 0.35, 0.65)
    chance = Faithfulness("random order", f, np.array([0.9, 0.6, 0.1]), np.array([0.1, 0.4, 0.9]), 0.55, 0.45)
    fig = faithfulness_figure([curve], chance)
    names = [trace.name for trace in fig.data]
    assert names == ["A (area 0.350)", "A (area 0.650)", "random order (area 0.550)", "random order (area 0.450)"]
    assert fig.data[2].line.dash == "dash"


def test_waterfall_and_bars_can_label_features_with_original_units():
    exp = _tabular([0.4, -0.1])  # instance (model input) is [0, 1]
    raw = np.array([120.0, 3.5])
    assert "f0 = 120" in waterfall(exp, shown=raw).data[0].y
    assert "f1 = 3.5" in attribution_bars(exp, shown=raw).data[0].y
    assert "f0 = 0" in waterfall(exp).data[0].y


def test_sequence_comparison_draws_the_series_above_per_step_bars_on_one_scale():
    a = Explanation(np.array([[0.2, 0.1], [-0.4, 0.0], [0.0, 0.05]]), None, 0, 0.5, "IG", input_kind="sequence",
                    instance=np.arange(6, dtype=float).reshape(3, 2), feature_names=("x", "y"))
    b = Explanation(np.array([[0.01, 0.0], [0.0, 0.0], [-0.02, 0.0]]), None, 0, 0.5, "LIME", input_kind="sequence",
                    instance=np.arange(6, dtype=float).reshape(3, 2), feature_names=("x", "y"))
    fig = compare_explanations([a, b])
    lines = [t for t in fig.data if t.type == "scatter"]
    bars = [t for t in fig.data if t.type == "bar"]
    assert [list(t.y) for t in lines] == [[0, 2, 4], [1, 3, 5]]
    np.testing.assert_allclose(bars[0].y, [0.3, -0.4, 0.05])
    np.testing.assert_allclose(bars[1].y, [0.01, 0.0, -0.02])
    assert fig.layout.yaxis2.range == fig.layout.yaxis3.range  # the same scale for both methods
    scaled = compare_explanations([a, b], scale_each=True)
    np.testing.assert_allclose([t for t in scaled.data if t.type == "bar"][1].y, [0.5, 0.0, -1.0])


def test_mean_abs_shap_whiskers_never_reach_below_zero():
    """|SHAP| is a magnitude: a spread larger than the mean must not draw a whisker into negatives."""
    shap_imp = Importance(("a", "b"), np.array([0.3, 0.05]), np.array([0.1, 0.2]), "Mean |SHAP|", {"rows": 20})
    bar = importance_bars(shap_imp).data[0]
    lows = np.asarray(bar.x) - np.asarray(bar.error_x.arrayminus)
    highs = np.asarray(bar.x) + np.asarray(bar.error_x.array)
    assert lows.min() >= 0 and list(highs) == pytest.approx([0.25, 0.4])
    # A permutation importance may really be negative: its whisker keeps its full length.
    perm = Importance(("a",), np.array([0.01]), np.array([0.03]), "Permutation importance", {"metric": "accuracy"})
    perm_bar = importance_bars(perm).data[0]
    assert perm_bar.x[0] - perm_bar.error_x.arrayminus[0] == pytest.approx(-0.02)
