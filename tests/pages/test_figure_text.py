"""Figures speak the interface's language: every plot nncore draws, localized to Chinese, has no
English word left in its titles, axis titles, legend, colour bars, annotations or hovers, except
names (of data, layers, methods) and terms kept as they are (SHAP, ReLU...)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import plotly.graph_objects as go
import pytest

from nncore.plots import (
    boundary_plots,
    data_plots,
    eval_plots,
    explain_plots,
    inside_plots,
    model_plots,
    neuron_plots,
    run_plots,
    training_plots,
)
from ui.figure_text import localize_figure
from ui.translations import TEXTS

ROOT = Path(__file__).resolve().parents[2]
MODULES = (boundary_plots, data_plots, eval_plots, explain_plots, inside_plots, model_plots, neuron_plots, run_plots,
           training_plots)
HAN = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")
# Terms kept in every language, and the names the samples below bring (data, layers, methods).
KEPT = {
    "SHAP", "LIME", "ReLU", "Leaky ReLU", "Sigmoid", "sigmoid", "tanh", "Softplus", "softplus", "ELU", "GELU", "Swish",
    "PCA", "AUC", "AP", "MSE", "LIF", "Hz", "mV", "nA", "ms", "Spearman", "Hebb", "Delta", "Oja",
    "Kernel SHAP", "Saliency", "Grad-CAM", "Dense", "None", "Linear", "linear", "Step", "step",
    "Circles", "Diabetes progression", "Handwritten digits", "Sine wave forecast", "Digits read row by row",
    "age", "sex", "body mass index", "progression", "pixel intensity", "next value", "column", "dense", "out",
    "benign", "malignant", "cat", "dog", "run", "alpha", "beta", "gamma",
}
_KEPT_PATTERN = re.compile("|".join(sorted(map(re.escape, KEPT), key=len, reverse=True)))


# --- samples: every public plotting function, called with small inputs ----------------------


def _datasets():
    from nncore.data import load_dataset

    return {key: load_dataset(key) for key in ("circles", "diabetes", "digits", "sine")}


def _history(n=4):
    from nncore.training import EpochRecord

    return [EpochRecord(i + 1, 1.0 / (i + 1), 0.5 + 0.1 * i, 1.1 / (i + 1), 0.45 + 0.1 * i, 0.1) for i in range(n)]


def _explanation(values, kind="tabular", method="Kernel SHAP", **extra):
    from nncore.explain import Explanation

    values = np.asarray(values, dtype=float)
    defaults = dict(feature_names=tuple(f"f{i}" for i in range(values.shape[-1] if kind == "sequence" else values.size)),
                    instance=np.ones_like(values), output_label="benign")
    return Explanation(values, 0.2, 1, 0.7, method, input_kind=kind, **{**defaults, **extra})


def _dynamics():
    from nncore.training.recorder import Dynamics, DynamicsRecord, LayerDynamics

    def layer(e, dead):
        return LayerDynamics(0.0, 0.1, tuple(np.linspace(-1, 1, 7) * (1 + e)), 0.1 / (1 + e), 0.2, 0.3, dead, 0.1)

    records = tuple(DynamicsRecord(e, {"dense": layer(e, 0.2), "out": layer(e, float("nan"))}) for e in range(3))
    return Dynamics(records, ("dense", "out"), 1, 0.0)


def _neuron_samples():
    from nncore.neuron.artificial import neuron_output
    from nncore.neuron.backprop import TinyMLP
    from nncore.neuron.learning_rules import RULES, make_problem, train_rule
    from nncore.neuron.problems import xor_corners
    from nncore.neuron.rate_coding import fit_relu, fit_softplus
    from nncore.neuron.spiking import LIFParams, fi_curve, simulate_lif

    params = LIFParams()
    fi = fi_curve(np.linspace(0, 6, 7), params, duration_ms=100.0)
    problem = make_problem(seed=0)
    histories = [train_rule(rule, problem, 0.05, 10) for rule in RULES]
    data = xor_corners()
    model = TinyMLP("sigmoid", "cross_entropy")
    step = model.step(model.init(2, seed=0), data.x, data.y, 2.0)
    return {
        "single_neuron_diagram": [neuron_plots.single_neuron_diagram(neuron_output([1.0, 0.5], [0.8, -0.4], 0.1), "relu")],
        "activation_grid": [neuron_plots.activation_grid(0.5)],
        "membrane_trace": [neuron_plots.membrane_trace(simulate_lif(3.0, 50.0, 0.1, params), params.v_threshold),
                           neuron_plots.membrane_trace(simulate_lif(3.0, 50.0, 0.1, params), None, current_unit="model units")],
        "fi_curve_plot": [neuron_plots.fi_curve_plot(fi, [fit_relu(fi), fit_softplus(fi)], current_now=3.0)],
        "learning_rule_histories": [neuron_plots.learning_rule_histories(histories, problem)],
        "learning_rule_directions": [neuron_plots.learning_rule_directions(histories, problem)],
        "network_diagram": [
            neuron_plots.network_diagram(step.before, step.forward, 1, phase, 1.0, loss=step.loss, backward=step.backward,
                                         after=step.after, hidden_label="σ")
            for phase in neuron_plots.PHASES
        ],
        "loss_curve": [neuron_plots.loss_curve([0.7, 0.5, 0.3], [0.5, 0.75, 1.0])],
        "decision_boundary@neuron": [neuron_plots.decision_boundary(model, step.after, data, highlight=1, resolution=12)],
    }


def _samples() -> dict[str, list[go.Figure]]:
    from nncore.evaluate import calibration, pr_curves, roc_curves
    from nncore.explain import Importance, ShapSample, dependence_data, summary_data
    from nncore.explain.trust import Faithfulness, agreement
    from nncore.inspect.boundary import PlaneGrid

    d = _datasets()
    circles, diabetes, digits, sine = d["circles"], d["diabetes"], d["digits"], d["sine"]
    rng = np.random.default_rng(0)
    grid = np.linspace(-1, 1, 6)
    y3 = np.array([0, 1, 2, 0, 1, 2])
    p3 = np.eye(3)[y3] * 0.7 + 0.1
    p1 = np.array([0.1, 0.4, 0.8, 0.9])
    binary_cal = calibration(np.array([0, 0, 1, 1]), np.column_stack([1 - p1, p1]), n_bins=5)
    sample = ShapSample(rng.normal(size=(6, 3)), rng.normal(size=(6, 3)), ("age", "sex", "body mass index"), 0.5, 1,
                        "Kernel SHAP", 0.1)
    f = np.array([0.0, 0.5, 1.0])
    curve = Faithfulness("Kernel SHAP", f, np.array([0.9, 0.2, 0.1]), np.array([0.1, 0.8, 0.9]), 0.35, 0.65)
    chance = Faithfulness("random order", f, np.array([0.9, 0.6, 0.1]), np.array([0.1, 0.4, 0.9]), 0.55, 0.45)
    tab = _explanation([0.3, -0.2, 0.1, 0.05])
    image = _explanation(rng.normal(size=(4, 4, 1)), "image", "Saliency", feature_names=("pixel intensity",))
    seq = _explanation(rng.normal(size=(5, 1)), "sequence", "Saliency", feature_names=("value",))
    stats = [SimpleNamespace(layer=SimpleNamespace(name="dense"), histogram_edges=np.linspace(0, 1, 5),
                             histogram_counts=np.array([1, 2, 3, 4]), dead_share=0.4, saturated_share=0.0)]
    weights = [SimpleNamespace(name="dense", count=6, all_values=rng.normal(size=6))]
    rows = [{"layer": "dense", "type": "Dense", "output shape": "(None, 4)", "parameters": 1234}]
    samples = {
        "decision_boundary": [
            boundary_plots.decision_boundary(PlaneGrid(grid, grid, rng.random((6, 6)), "probability"), circles),
            boundary_plots.decision_boundary(PlaneGrid(grid, grid, rng.random((6, 6)), "regression"),
                                             SimpleNamespace(target_name="progression", task="regression",
                                                             x_test=circles.x_test, y_test=circles.x_test[:, 0],
                                                             feature_names=("x1", "x2"),
                                                             preprocessing=SimpleNamespace(inverse_target=lambda y: y))),
        ],
        "scatter_2d": [data_plots.scatter_2d(circles.x_train[:20], circles.y_train[:20], class_names=circles.class_names),
                       data_plots.scatter_2d(circles.x_train[:20], circles.x_train[:20, 0])],
        "image_grid": [data_plots.image_grid(rng.random((2, 4, 4)), ["0", "1"])],
        "feature_distributions": [
            data_plots.feature_distributions(diabetes.x_train[:30, :3], ("age", "sex", "body mass index")),
            data_plots.feature_distributions(circles.x_train[:30], ("x1", "x2"), y=circles.y_train[:30],
                                             class_names=circles.class_names, kind="histogram"),
        ],
        "sequence_examples": [data_plots.sequence_examples(sine.x_train[:3], sine.y_train[:3]),
                              data_plots.sequence_examples(sine.x_train[:3], np.array([0, 1, 0]), class_names=("0", "1"))],
        "class_balance": [data_plots.class_balance({"training": circles.y_train}, circles.class_names)],
        "target_distribution": [data_plots.target_distribution({"training": diabetes.y_train})],
        "dataset_scatter": [data_plots.dataset_scatter(circles), data_plots.dataset_scatter(circles, "val", original_units=True)],
        "dataset_images": [data_plots.dataset_images(digits, n=4)],
        "dataset_feature_distributions": [data_plots.dataset_feature_distributions(diabetes, max_features=3),
                                          data_plots.dataset_feature_distributions(circles, original_units=False)],
        "dataset_sequences": [data_plots.dataset_sequences(sine, n=2)],
        "dataset_class_balance": [data_plots.dataset_class_balance(circles), data_plots.dataset_class_balance(diabetes)],
        "confusion_matrix_figure": [eval_plots.confusion_matrix_figure(np.array([[3, 1], [0, 4]]), circles.class_names)],
        "roc_figure": [eval_plots.roc_figure(roc_curves(y3, p3, ("cat", "dog", "run")))],
        "pr_figure": [eval_plots.pr_figure(pr_curves(y3, p3, ("cat", "dog", "run"))),
                      eval_plots.pr_figure(pr_curves(np.array([0, 0, 1, 1]), np.column_stack([1 - p1, p1]), ("cat", "dog"))[1:])],
        "calibration_figure": [eval_plots.calibration_figure(binary_cal),
                               eval_plots.calibration_figure(calibration(y3, p3, n_bins=5))],
        "predicted_vs_true_figure": [eval_plots.predicted_vs_true_figure(np.arange(4.0), np.arange(4.0) + 0.5, "progression"),
                                     eval_plots.predicted_vs_true_figure(np.arange(4.0), np.arange(4.0))],
        "residual_figure": [eval_plots.residual_figure(np.arange(4.0), np.ones(4), "progression")],
        "residual_histogram": [eval_plots.residual_histogram(np.linspace(-1, 1, 20))],
        "image_gallery": [eval_plots.image_gallery(rng.random((2, 4, 4, 1)), ["#1: 0 → 1", "#2: 1 → 0"])],
        "sequence_gallery": [eval_plots.sequence_gallery(rng.random((2, 5, 2)), ["#1", "#2"], true_next=np.ones(2),
                                                         predicted_next=np.zeros(2))],
        "learning_curves_summary": [eval_plots.learning_curves_summary(_history(), "Binary cross-entropy")],
        "attribution_bars": [explain_plots.attribution_bars(tab),
                             explain_plots.attribution_bars(_explanation([0.3, -0.2], feature_names=()))],
        "waterfall": [explain_plots.waterfall(tab, max_features=2), explain_plots.waterfall(_explanation([0.1], output_label=None))],
        "image_overlay": [explain_plots.image_overlay(image)],
        "sequence_bars": [explain_plots.sequence_bars(seq)],
        "explanation_figure": [explain_plots.explanation_figure(tab)],
        "compare_explanations": [explain_plots.compare_explanations([tab, tab], scale_each=True),
                                 explain_plots.compare_explanations([tab, tab]),
                                 explain_plots.compare_explanations([image, image]),
                                 explain_plots.compare_explanations([image, image], scale_each=True),
                                 explain_plots.compare_explanations([seq, seq]),
                                 explain_plots.compare_explanations([seq, seq], scale_each=True)],
        "importance_bars": [
            explain_plots.importance_bars(Importance(("age", "sex"), np.array([0.5, 0.2]), np.array([0.1, 0.0]),
                                                     "Permutation importance", {"metric": metric}))
            for metric in ("accuracy", "mse")
        ] + [explain_plots.importance_bars(Importance(("age", "sex"), np.array([0.5, 0.2]), np.zeros(2), "Mean |SHAP|", {}))],
        "importance_heatmap": [explain_plots.importance_heatmap(rng.random((4, 4)))],
        "summary_beeswarm": [explain_plots.summary_beeswarm(summary_data(sample))],
        "dependence_scatter": [explain_plots.dependence_scatter(dependence_data(sample, "age"))],
        "agreement_heatmap": [explain_plots.agreement_heatmap(agreement([tab, _explanation([0.1, 0.3, -0.2, 0.0], method="Saliency")], k=2))],
        "faithfulness_figure": [explain_plots.faithfulness_figure([curve], chance, output_label="P(benign)"),
                                explain_plots.faithfulness_figure([curve], chance, output_label="prediction", unit="pixels")],
        "unit_bars": [inside_plots.unit_bars(np.array([0.5, -1.0]), "dense", highlight=1),
                      inside_plots.unit_bars(np.arange(200.0), "dense")],
        "feature_map_grid": [inside_plots.feature_map_grid(rng.random((4, 4, 3)), "dense")],
        "hidden_state_over_time": [inside_plots.hidden_state_over_time(rng.normal(size=(5, 3)), "dense")],
        "probability_bars": [inside_plots.probability_bars(np.array([0.2, 0.8]), circles.class_names, 1)],
        "input_picture": [inside_plots.input_picture(rng.random((4, 4)), "image"),
                          inside_plots.input_picture(rng.random((5, 1)), "sequence"),
                          inside_plots.input_picture(np.array([0.1, 0.2]), "tabular", ("x1", "x2"))],
        "activation_histograms": [inside_plots.activation_histograms(stats)],
        "unit_health": [inside_plots.unit_health(stats)],
        "pca_scatter": [inside_plots.pca_scatter(rng.normal(size=(6, 2)), np.array([0.6, 0.3]), y3, ("cat", "dog", "run")),
                        inside_plots.pca_scatter(rng.normal(size=(6, 2)), np.array([0.6, 0.3]), rng.random(6), None)],
        "weight_heatmap": [inside_plots.weight_heatmap(rng.normal(size=(2, 3)), np.zeros(3))],
        "kernel_images": [inside_plots.kernel_images(rng.normal(size=(2, 3, 3)))],
        "weight_histograms": [inside_plots.weight_histograms(weights)],
        "weight_distribution_over_time": [inside_plots.weight_distribution_over_time(_dynamics(), "dense")],
        "gradient_norms_over_time": [inside_plots.gradient_norms_over_time(_dynamics())],
        "activation_stats_over_time": [inside_plots.activation_stats_over_time(_dynamics(), "dead_share", "死亡单元")],  # a page passes its own label
        "neuron_maps": [inside_plots.neuron_maps(grid, grid, {"dense": rng.normal(size=(6, 6, 2))})],
        "image_tiles": [inside_plots.image_tiles(rng.random((2, 4, 4)), ["#1", "#2"])],
        "layer_boxes": [model_plots.layer_boxes(rows, "2 features")],
        "neuron_graph": [model_plots.neuron_graph([2, 3, 1], ["input", "dense", "out"], [rng.normal(size=(2, 3)), rng.normal(size=(3, 1))])],
        "compare_learning_curves": [run_plots.compare_learning_curves([("run", _history()), ("run 2", _history(3))],
                                                                      "Categorical cross-entropy")],
        "learning_curves": [training_plots.learning_curves(_history(), "Mean squared error", "Mean absolute error"),
                            training_plots.learning_curves(_history())],
    }
    for name, figures in _neuron_samples().items():
        samples[name] = samples.get(name, []) + figures
    return samples


@pytest.fixture(scope="module")
def samples():
    return _samples()


def _figure_functions():
    found = []
    for module in MODULES:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_") and "Figure" in str(inspect.signature(fn).return_annotation):
                found.append((module.__name__.rsplit(".", 1)[1], name))
    return found


def test_every_public_plotting_function_has_a_sample(samples):
    functions = _figure_functions()
    assert len(functions) >= 55, functions  # the scan still finds them
    covered = {key.split("@")[0] for key in samples}
    missing = sorted(f"{module}.{name}" for module, name in functions if name not in covered)
    assert not missing, f"add a sample for: {missing}"
    # neuron_plots and boundary_plots both have a decision_boundary: both are drawn.
    assert {"decision_boundary", "decision_boundary@neuron"} <= set(samples)


# --- what a reader sees -------------------------------------------------------------------


def _title(holder) -> str | None:
    title = getattr(holder, "title", None)
    return getattr(title, "text", None) if title is not None else None


def visible_texts(fig: go.Figure) -> list[str]:
    """Titles, axis titles, legend titles and entries, colour-bar titles and labels, annotations."""
    layout = fig.layout
    texts = [_title(layout)]
    for name in layout:
        part = layout[name]
        if re.match(r"^[xy]axis\d*$|^legend\d*$", name):
            texts.append(_title(part))
        if re.match(r"^[xy]axis\d*$", name) and part.ticktext:
            texts += list(part.ticktext)
    texts += [a.text for a in layout.annotations]
    for trace in fig.data:
        if trace.showlegend is not False:
            texts.append(trace.name)
        for bar in (getattr(trace, "colorbar", None), getattr(getattr(trace, "marker", None), "colorbar", None)):
            if bar is not None:
                texts.append(_title(bar))
                texts += list(bar.ticktext or ())
        if trace.type in ("bar", "heatmap", "waterfall"):
            for axis in (trace.x, trace.y):
                if axis is not None and len(axis) and all(isinstance(v, str) for v in axis):
                    texts += list(axis)
    return [t for t in texts if isinstance(t, str) and t]


def hover_texts(fig: go.Figure) -> list[str]:
    """Hover templates and texts, without Plotly's %{...} placeholders."""
    texts = []
    for trace in fig.data:
        for key in ("hovertemplate", "hovertext", "text"):
            if key == "text" and (getattr(trace, "hoverinfo", None) != "text" or "text" in str(getattr(trace, "mode", ""))):
                continue
            value = getattr(trace, key, None)
            texts += [value] if isinstance(value, str) else [v for v in (value or ()) if isinstance(v, str)]
    return [re.sub(r"%\{[^}]*\}", " ", t) for t in texts]


def english_left(text: str) -> list[str]:
    """The English words in `text` that are neither names nor kept terms."""
    plain = _KEPT_PATTERN.sub(" ", re.sub(r"<[^>]+>", " ", text))
    return WORD.findall(plain)


def test_english_left_finds_untranslated_words_only():
    assert english_left("Kernel SHAP：解释 benign（预测值 0.9）") == []
    assert english_left("类别 probabilities") == ["probabilities"]
    assert english_left("<b>a = 0.6</b><br>x1 = 0.50") == []


def test_every_figure_speaks_chinese(samples):
    untranslated = {}
    for name, figures in samples.items():
        for index, fig in enumerate(figures):
            chinese = localize_figure(fig, "zh")
            for text in visible_texts(chinese) + hover_texts(chinese):
                if english_left(text):
                    untranslated.setdefault(f"{name}[{index}]", []).append(text)
    assert not untranslated


def test_english_is_the_figure_itself_and_chinese_a_copy(samples):
    fig = samples["learning_curves"][0]
    before = visible_texts(fig)
    assert localize_figure(fig, "en") is fig
    chinese = localize_figure(fig, "zh")
    assert chinese is not fig and visible_texts(fig) == before  # the cached English figure is untouched
    assert [a.text for a in chinese.layout.annotations] == ["损失（均方误差）", "平均绝对误差"]  # "Loss" first (issue 18)
    assert chinese.layout.xaxis.title.text == "轮次"
    assert [t.name for t in chinese.data if t.showlegend is not False] == ["训练集", "验证集"]
    np.testing.assert_array_equal(chinese.data[0].y, fig.data[0].y)  # the numbers stay as they were


def test_templates_carry_their_numbers_and_translate_what_they_caught():
    fig = go.Figure(go.Scatter(x=[0], y=[0], name="class 3", hovertemplate="true %{y:.4g}<br>epoch %{x}<extra>training</extra>"))
    fig.update_layout(title_text="Circles (2-D): validation data")
    fig.add_annotation(text="threshold 1.50 nA", x=0, y=0)
    fig.add_annotation(text="Delta rule (gradient descent)<br>(stopped at update 12: exploded)", x=0, y=0)
    zh = localize_figure(fig, "zh")
    assert zh.data[0].name == "类别 3"
    assert zh.data[0].hovertemplate == "真实值 %{y:.4g}<br>轮次 %{x}<extra>训练集</extra>"  # Plotly's %{...} kept
    # "validation" was translated inside the template (and the dataset's title where the table has it).
    circles = TEXTS.get("data.dataset.circles.title", ("", "Circles (2-D)"))[1]
    assert zh.layout.title.text == f"{circles}：验证集数据"
    assert [a.text for a in zh.layout.annotations] == ["阈值 1.50 nA", "Delta 规则（梯度下降）<br>（第 12 次更新时停止：已爆炸）"]


def test_unknown_text_and_data_values_are_kept():
    fig = go.Figure(go.Bar(x=["test", "validation", "unit 2"], y=[1, 2, 3], name="something new (42)"))
    fig.update_layout(title_text="Not in the table", xaxis_title="class probabilities")
    zh = localize_figure(fig, "zh")
    assert zh.layout.title.text == "Not in the table"
    assert zh.layout.xaxis.title.text == "class probabilities"  # "class {c}" wants a number
    assert zh.data[0].name == "something new (42)"
    # Category labels are data (class names here) unless they are words the plots define.
    assert list(zh.data[0].x) == ["test", "validation", "单元 2"]
    assert localize_figure(go.Figure(), "zh").to_dict() == go.Figure().to_dict()


# --- a page in Chinese ----------------------------------------------------------------------


def test_the_train_page_in_chinese_shows_chinese_figure_texts():
    import json

    from tests.helpers import app_on_page, trained_job

    at = app_on_page("train", "zh", trained_job("circles", "small_mlp", epochs=2, batch_size=64), make_current=True)
    assert not at.exception, [e.message for e in at.exception]
    specs = {chart.proto.id: json.loads(chart.proto.spec) for chart in at.get("plotly_chart")}
    curves = next(s for s in specs.values() if any(t.get("name") == "训练集" for t in s["data"]))
    assert curves["layout"]["xaxis"]["title"]["text"] == "轮次"
    assert [a["text"] for a in curves["layout"]["annotations"]] == ["损失（二元交叉熵）", "准确率"]  # "Loss" first (issue 18)
    boundary = next(s for s in specs.values() if any(t.get("type") == "contour" for t in s["data"]))
    assert {t.get("name") for t in boundary["data"]} >= {"决策边界（50%）", "类别 0（测试集）"}
