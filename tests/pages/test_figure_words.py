"""Figures are worded by the caller (issue 16 item 1c): every plot nncore draws takes its words from
`words` (nncore/plots/words.py), so a Chinese or pseudo-locale page gets figures in its own language
with nothing translated afterwards. Checked on every public plotting function and on every figure
of every page (its JSON, as AppTest receives it), in Chinese and in the pseudo-locale; names (of
data, layers, methods) and terms kept in every language (SHAP, ReLU...) are exempt."""

from __future__ import annotations

import inspect
import re
from types import SimpleNamespace

import numpy as np
import plotly.graph_objects as go
import pytest

from nncore.catalog import translate
from nncore.plots import (
    boundary_plots,
    data_plots,
    eval_plots,
    explain_plots,
    inside_plots,
    model_plots,
    neuron_plots,
    report_card_plots,
    run_plots,
    training_plots,
)
from nncore.plots.words import english
from tests.i18n.figure_texts import figure_texts
from tests.i18n.pseudo_check import stray_chinese, stray_words

MODULES = (boundary_plots, data_plots, eval_plots, explain_plots, inside_plots, model_plots, neuron_plots, report_card_plots,
           run_plots, training_plots)
WORD = re.compile(r"[A-Za-z]{2,}")
# Terms kept in every language, and the names the samples below bring (data, layers, methods).
KEPT = {
    "SHAP", "LIME", "ReLU", "Leaky ReLU", "Sigmoid", "sigmoid", "tanh", "Softplus", "softplus", "ELU", "GELU", "Swish",
    "PCA", "AUC", "AP", "MSE", "LIF", "Hz", "mV", "nA", "ms", "Spearman", "Hebb", "Delta", "Oja", "Hinge",
    "Kernel SHAP", "Saliency", "Grad-CAM", "Dense", "None", "Linear", "linear", "Step", "step",
    "Circles", "Diabetes progression", "Handwritten digits", "Sine wave forecast", "Digits read row by row",
    "age", "sex", "body mass index", "progression", "pixel intensity", "next value", "column", "dense", "out",
    "benign", "malignant", "cat", "dog", "run", "alpha", "beta", "gamma", "value",
    "class 0", "class 1",  # the synthetic datasets' class names: data, as the rest of the page shows them
}
# Whole words only: "out" (a layer) must not hide the "output" around it.
_KEPT_PATTERN = re.compile(r"(?<![A-Za-z])(?:" + "|".join(sorted(map(re.escape, KEPT), key=len, reverse=True)) + r")(?![A-Za-z])")


def chinese(key: str, /, **values) -> str:
    return translate(key, "zh", **values)


def pseudo(key: str, /, **values) -> str:
    return translate(key, "qps", **values)


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


def _neuron_samples(words):
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
        "single_neuron_diagram": [neuron_plots.single_neuron_diagram(neuron_output([1.0, 0.5], [0.8, -0.4], 0.1), "relu", words=words)],
        "activation_grid": [neuron_plots.activation_grid(0.5, words=words)],
        "membrane_trace": [neuron_plots.membrane_trace(simulate_lif(3.0, 50.0, 0.1, params), params.v_threshold, words=words),
                           neuron_plots.membrane_trace(simulate_lif(3.0, 50.0, 0.1, params), None, current_unit=words("fig.model_units"), words=words)],
        "fi_curve_plot": [neuron_plots.fi_curve_plot(fi, [fit_relu(fi), fit_softplus(fi)], current_now=3.0, words=words)],
        "learning_rule_histories": [neuron_plots.learning_rule_histories(histories, problem, words=words)],
        "learning_rule_directions": [neuron_plots.learning_rule_directions(histories, problem, words=words)],
        "network_diagram": [
            neuron_plots.network_diagram(step.before, step.forward, 1, phase, 1.0, loss=step.loss, backward=step.backward,
                                         after=step.after, hidden_label="σ", words=words)
            for phase in neuron_plots.PHASES
        ],
        "loss_curve": [neuron_plots.loss_curve([0.7, 0.5, 0.3], [0.5, 0.75, 1.0], words=words)],
        "decision_boundary@neuron": [neuron_plots.decision_boundary(model, step.after, data, highlight=1, resolution=12, words=words)],
    }


def _samples(words) -> dict[str, list[go.Figure]]:
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
            boundary_plots.decision_boundary(PlaneGrid(grid, grid, rng.random((6, 6)), "probability"), circles, words=words),
            boundary_plots.decision_boundary(PlaneGrid(grid, grid, rng.random((6, 6)), "regression"),
                                             SimpleNamespace(target_name="progression", task="regression",
                                                             x_test=circles.x_test, y_test=circles.x_test[:, 0],
                                                             feature_names=("x1", "x2"),
                                                             preprocessing=SimpleNamespace(inverse_target=lambda y: y)), words=words),
        ],
        "scatter_2d": [data_plots.scatter_2d(circles.x_train[:20], circles.y_train[:20], class_names=circles.class_names, words=words),
                       data_plots.scatter_2d(circles.x_train[:20], circles.x_train[:20, 0], words=words)],
        "image_grid": [data_plots.image_grid(rng.random((2, 4, 4)), ["0", "1"], words=words)],
        "feature_distributions": [
            data_plots.feature_distributions(diabetes.x_train[:30, :3], ("age", "sex", "body mass index"), words=words),
            data_plots.feature_distributions(circles.x_train[:30], ("x1", "x2"), y=circles.y_train[:30],
                                             class_names=circles.class_names, kind="histogram", words=words),
        ],
        "sequence_examples": [data_plots.sequence_examples(sine.x_train[:3], sine.y_train[:3], words=words),
                              data_plots.sequence_examples(sine.x_train[:3], np.array([0, 1, 0]), class_names=("0", "1"), words=words)],
        "class_balance": [data_plots.class_balance({words("fig.training"): circles.y_train}, circles.class_names, words=words)],
        "target_distribution": [data_plots.target_distribution({words("fig.training"): diabetes.y_train}, words=words)],
        "dataset_scatter": [data_plots.dataset_scatter(circles, words=words), data_plots.dataset_scatter(circles, "val", original_units=True, words=words)],
        "dataset_images": [data_plots.dataset_images(digits, n=4, words=words)],
        "dataset_feature_distributions": [data_plots.dataset_feature_distributions(diabetes, max_features=3, words=words),
                                          data_plots.dataset_feature_distributions(circles, original_units=False, words=words)],
        "dataset_sequences": [data_plots.dataset_sequences(sine, n=2, words=words)],
        "dataset_class_balance": [data_plots.dataset_class_balance(circles, words=words), data_plots.dataset_class_balance(diabetes, words=words)],
        "confusion_matrix_figure": [eval_plots.confusion_matrix_figure(np.array([[3, 1], [0, 4]]), circles.class_names, words=words)],
        "roc_figure": [eval_plots.roc_figure(roc_curves(y3, p3, ("cat", "dog", "run")), words=words)],
        "pr_figure": [eval_plots.pr_figure(pr_curves(y3, p3, ("cat", "dog", "run")), words=words),
                      eval_plots.pr_figure(pr_curves(np.array([0, 0, 1, 1]), np.column_stack([1 - p1, p1]), ("cat", "dog"))[1:], words=words)],
        "calibration_figure": [eval_plots.calibration_figure(binary_cal, words=words),
                               eval_plots.calibration_figure(calibration(y3, p3, n_bins=5), words=words)],
        "predicted_vs_true_figure": [eval_plots.predicted_vs_true_figure(np.arange(4.0), np.arange(4.0) + 0.5, "progression", words=words),
                                     eval_plots.predicted_vs_true_figure(np.arange(4.0), np.arange(4.0), words=words)],
        "residual_figure": [eval_plots.residual_figure(np.arange(4.0), np.ones(4), "progression", words=words)],
        "residual_histogram": [eval_plots.residual_histogram(np.linspace(-1, 1, 20), words=words)],
        "image_gallery": [eval_plots.image_gallery(rng.random((2, 4, 4, 1)), ["#1: 0 → 1", "#2: 1 → 0"], words=words)],
        "sequence_gallery": [eval_plots.sequence_gallery(rng.random((2, 5, 2)), ["#1", "#2"], true_next=np.ones(2),
                                                         predicted_next=np.zeros(2), words=words)],
        "learning_curves_summary": [eval_plots.learning_curves_summary(_history(), words("fig.obj.bce_lower"), words=words)],
        "attribution_bars": [explain_plots.attribution_bars(tab, words=words),
                             explain_plots.attribution_bars(_explanation([0.3, -0.2], feature_names=()), words=words)],
        "waterfall": [explain_plots.waterfall(tab, max_features=2, words=words), explain_plots.waterfall(_explanation([0.1], output_label=None), words=words)],
        "image_overlay": [explain_plots.image_overlay(image, words=words)],
        "sequence_bars": [explain_plots.sequence_bars(seq, words=words)],
        "explanation_figure": [explain_plots.explanation_figure(tab, words=words)],
        "compare_explanations": [explain_plots.compare_explanations([tab, tab], scale_each=True, words=words),
                                 explain_plots.compare_explanations([tab, tab], words=words),
                                 explain_plots.compare_explanations([image, image], words=words),
                                 explain_plots.compare_explanations([image, image], scale_each=True, words=words),
                                 explain_plots.compare_explanations([seq, seq], words=words),
                                 explain_plots.compare_explanations([seq, seq], scale_each=True, words=words)],
        "importance_bars": [
            explain_plots.importance_bars(Importance(("age", "sex"), np.array([0.5, 0.2]), np.array([0.1, 0.0]),
                                                     "Permutation importance", {"metric": metric}), words=words)
            for metric in ("accuracy", "mse")
        ] + [explain_plots.importance_bars(Importance(("age", "sex"), np.array([0.5, 0.2]), np.zeros(2), "Mean |SHAP|", {}), words=words)],
        "importance_heatmap": [explain_plots.importance_heatmap(rng.random((4, 4)), words=words)],
        "summary_beeswarm": [explain_plots.summary_beeswarm(summary_data(sample), words=words)],
        "dependence_scatter": [explain_plots.dependence_scatter(dependence_data(sample, "age"), words=words)],
        "agreement_heatmap": [explain_plots.agreement_heatmap(agreement([tab, _explanation([0.1, 0.3, -0.2, 0.0], method="Saliency")], k=2), words=words)],
        "faithfulness_figure": [explain_plots.faithfulness_figure([curve], chance, output_label="P(benign)", words=words),
                                explain_plots.faithfulness_figure([curve], chance, output_label=words("fig.tick.prediction"), unit=words("fig.unit_pixels"), words=words)],
        "unit_bars": [inside_plots.unit_bars(np.array([0.5, -1.0]), "dense", highlight=1, words=words),
                      inside_plots.unit_bars(np.arange(200.0), "dense", words=words)],
        "feature_map_grid": [inside_plots.feature_map_grid(rng.random((4, 4, 3)), "dense", words=words)],
        "hidden_state_over_time": [inside_plots.hidden_state_over_time(rng.normal(size=(5, 3)), "dense", words=words)],
        "probability_bars": [inside_plots.probability_bars(np.array([0.2, 0.8]), circles.class_names, 1, words=words)],
        "input_picture": [inside_plots.input_picture(rng.random((4, 4)), "image", words=words),
                          inside_plots.input_picture(rng.random((5, 1)), "sequence", words=words),
                          inside_plots.input_picture(np.array([0.1, 0.2]), "tabular", ("x1", "x2"), words=words)],
        "activation_histograms": [inside_plots.activation_histograms(stats, words=words)],
        "unit_health": [inside_plots.unit_health(stats, words=words)],
        "pca_scatter": [inside_plots.pca_scatter(rng.normal(size=(6, 2)), np.array([0.6, 0.3]), y3, ("cat", "dog", "run"), words=words),
                        inside_plots.pca_scatter(rng.normal(size=(6, 2)), np.array([0.6, 0.3]), rng.random(6), None, words=words)],
        "weight_heatmap": [inside_plots.weight_heatmap(rng.normal(size=(2, 3)), np.zeros(3), words=words)],
        "kernel_images": [inside_plots.kernel_images(rng.normal(size=(2, 3, 3)), words=words)],
        "weight_histograms": [inside_plots.weight_histograms(weights, words=words)],
        "weight_distribution_over_time": [inside_plots.weight_distribution_over_time(_dynamics(), "dense", words=words)],
        "gradient_norms_over_time": [inside_plots.gradient_norms_over_time(_dynamics(), words=words)],
        "activation_stats_over_time": [inside_plots.activation_stats_over_time(_dynamics(), "dead_share", words("fig.dead"), words=words)],  # a page passes its own label
        "neuron_maps": [inside_plots.neuron_maps(grid, grid, {"dense": rng.normal(size=(6, 6, 2))}, words=words)],
        "image_tiles": [inside_plots.image_tiles(rng.random((2, 4, 4)), ["#1", "#2"], words=words)],
        "layer_boxes": [model_plots.layer_boxes(rows, words("fig.features_n", n=2), words=words)],
        "neuron_graph": [model_plots.neuron_graph([2, 3, 1], [words("fig.input"), "dense", "out"], [rng.normal(size=(2, 3)), rng.normal(size=(3, 1))], words=words)],
        "compare_learning_curves": [run_plots.compare_learning_curves([("run", _history()), ("run 2", _history(3))],
                                                                      words("fig.obj.cce_lower"), words=words)],
        "learning_curves": [training_plots.learning_curves(_history(), words("fig.obj.mse_lower"), words("fig.obj.mae"), words=words),
                            training_plots.learning_curves(_history(), words=words)],
    }
    card = SimpleNamespace(methods=("Saliency",), grade=lambda method, check: SimpleNamespace(
        detail={"layers": ["dense", "out"], "correlations": [0.9, 0.1]}))
    # The page words the cascade's titles itself (they are its own catalogue texts, card.*).
    samples["cascade_figure"] = [report_card_plots.cascade_figure(card, words("fig.rank_correlation"), words("fig.update"),
                                                                  words("fig.rank_correlation"), words("fig.threshold"), words=words)]
    for name, figures in _neuron_samples(words).items():
        samples[name] = samples.get(name, []) + figures
    return samples


@pytest.fixture(scope="module")
def pseudo_catalogue():
    mp = pytest.MonkeyPatch()
    mp.setenv("NNX_PSEUDO_LOCALE", "1")
    yield
    mp.undo()


@pytest.fixture(scope="module")
def samples():
    return _samples(english)


@pytest.fixture(scope="module")
def chinese_samples():
    return _samples(chinese)


def _figure_functions():
    found = []
    for module in MODULES:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_") and "Figure" in str(inspect.signature(fn).return_annotation):
                found.append((module.__name__.rsplit(".", 1)[1], name, fn))
    return found


def test_every_public_plotting_function_takes_words_and_has_a_sample(samples):
    functions = _figure_functions()
    assert len(functions) >= 55, functions  # the scan still finds them
    without = sorted(f"{module}.{name}" for module, name, fn in functions if "words" not in inspect.signature(fn).parameters)
    assert not without, f"these take no words from their caller: {without}"
    defaults = {inspect.signature(fn).parameters["words"].default for _, _, fn in functions}
    assert defaults == {english}  # one default everywhere: English from the catalogue
    covered = {key.split("@")[0] for key in samples}
    missing = sorted(f"{module}.{name}" for module, name, _ in functions if name not in covered)
    assert not missing, f"add a sample for: {missing}"
    assert {"decision_boundary", "decision_boundary@neuron"} <= set(samples)


def english_left(text: str) -> list[str]:
    """The English words in `text` that are neither names nor kept terms."""
    plain = _KEPT_PATTERN.sub(" ", re.sub(r"<[^>]+>", " ", text))
    return WORD.findall(plain)


def test_english_left_finds_untranslated_words_only():
    assert english_left("Kernel SHAP：解释 benign（预测值 0.9）") == []
    assert english_left("类别 probabilities") == ["probabilities"]
    assert english_left("<b>a = 0.6</b><br>x1 = 0.50") == []


def test_every_figure_speaks_chinese(chinese_samples):
    untranslated = {}
    for name, figures in chinese_samples.items():
        for index, fig in enumerate(figures):
            for text in figure_texts(fig.to_plotly_json()):
                if english_left(text):
                    untranslated.setdefault(f"{name}[{index}]", []).append(text)
    assert not untranslated


SAMPLE_DATA = {"age", "sex", "body", "mass", "index", "benign", "malignant", "cat", "dog", "run", "dense", "out", "progression",
               "pixel", "intensity", "value", "Kernel", "Saliency", "Circles", "inner", "outer", "f0", "f1", "f2", "f3",
               "P", "f", "a", "L", "AP", "MSE", "LIF", "Spearman", "Hebb", "Delta", "Oja", "None", "Dense", "sine", "wave", "next",
               "class"}  # "class 0": the synthetic datasets' class names


def test_every_figure_speaks_only_catalogue_text_in_the_pseudo_locale(pseudo_catalogue):
    strays = {}
    for name, figures in _samples(pseudo).items():
        for index, fig in enumerate(figures):
            for text in figure_texts(fig.to_plotly_json()):
                if words := stray_words(text, SAMPLE_DATA) + stray_chinese(text):
                    strays.setdefault(f"{name}[{index}]", []).append((text, words))
    assert not strays


def _numbers(value):
    """Everything in a figure's JSON but its texts: numbers, colours, styles, layout."""
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_numbers(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist() if value.dtype.kind in "biuf" else None
    return None if isinstance(value, str) else value


def test_the_words_are_all_that_changes_between_languages(samples, chinese_samples):
    """Same numbers, colours and layout in every language: only the texts differ."""
    for name, figures in samples.items():
        for fig, zh in zip(figures, chinese_samples[name]):
            assert _numbers(fig.to_plotly_json()) == _numbers(zh.to_plotly_json()), name


def test_english_figures_read_as_before(samples):
    fig = samples["learning_curves"][0]
    assert [a.text for a in fig.layout.annotations] == ["Loss (mean squared error)", "Mean absolute error"]
    assert fig.layout.xaxis.title.text == "epoch"
    assert [t.name for t in fig.data if t.showlegend is not False] == ["training", "validation"]
    assert fig.data[0].hovertemplate == "training loss: %{y:.4f}<br>epoch %{x}<extra></extra>"
    assert samples["dataset_scatter"][1].layout.title.text == "Circles (2-D): validation data"
    assert samples["confusion_matrix_figure"][0].data[0].hovertemplate == (
        "true %{y}<br>predicted %{x}<br>%{z:.0f} examples<extra></extra>")


def test_chinese_figures_carry_their_numbers_and_chinese_words(chinese_samples):
    fig = chinese_samples["learning_curves"][0]
    assert [a.text for a in fig.layout.annotations] == ["损失（均方误差）", "平均绝对误差"]  # "Loss" first (issue 18)
    assert fig.layout.xaxis.title.text == "轮次"
    assert [t.name for t in fig.data if t.showlegend is not False] == ["训练集", "验证集"]
    assert fig.data[0].hovertemplate == "训练集损失：%{y:.4f}<br>轮次 %{x}<extra></extra>"  # Plotly's %{...} kept
    circles = translate("data.dataset.circles.title", "zh")
    assert chinese_samples["dataset_scatter"][1].layout.title.text == f"{circles}：验证集数据"
    rules = chinese_samples["learning_rule_histories"][0]
    assert any("Delta 规则（梯度下降）" in a.text for a in rules.layout.annotations)
    boundary = chinese_samples["decision_boundary@neuron"][0]
    assert {t.name for t in boundary.data} >= {"类别 0", "类别 1", "跟踪的样本"}


# --- every page, as AppTest receives its figures ----------------------------------------------

PAGES = ["home", "data", "model", "train", "evaluate", "explain", "inside", "runs", "neuron_lab", "glossary"]
TABS = {
    "inside": ("inside_tab", ("inside.tab_one", "inside.tab_many", "inside.tab_weights", "inside.tab_dynamics", "inside.tab_features")),
    "neuron_lab": ("neuron_lab_section", ("lab.tab_neuron", "lab.tab_rules", "lab.tab_backprop", "lab.tab_brain")),
}


@pytest.fixture(scope="module")
def chinese_job():
    from tests.helpers import trained_job

    return trained_job("circles", "small_mlp", epochs=3, batch_size=32)


def _page_data_words(job) -> set[str]:
    from nncore.explain.methods import METHODS

    data = job.dataset
    names = [*(data.feature_names or ()), *(data.class_names or ()), data.title, data.target_name]
    names += [str(getattr(layer, attr, "")) for layer in job.spec.layers for attr in ("name", "kind", "activation")]
    names += ["output", "dense"] + [str(m.title) for m in METHODS]
    return {word for name in names for word in re.findall(r"[A-Za-z]{2,}", str(name))}


def _chart_english(at, data_words: set[str]) -> dict[str, list[str]]:
    assert not at.exception, [e.message for e in at.exception]
    found = {}
    for chart in at.get("plotly_chart"):
        for text in figure_texts(chart.proto.spec):
            left = [w for w in english_left(text) if w not in data_words]
            if left:
                found.setdefault(text[:100], left)
    return found


@pytest.mark.parametrize("page", PAGES)
def test_every_figure_of_every_page_is_chinese(page, chinese_job):
    from tests.helpers import app_on_page

    at = app_on_page(page, "zh", chinese_job, make_current=True)
    data_words = _page_data_words(chinese_job)
    found = _chart_english(at, data_words)
    charts = len(at.get("plotly_chart"))
    key, tab_keys = TABS.get(page, (None, ()))
    for tab_key in tab_keys[1:]:
        at.session_state[key] = translate(tab_key, "zh")
        at.run()
        found |= _chart_english(at, data_words)
        charts += len(at.get("plotly_chart"))
    if page == "explain":
        at.button(key="explain_go").click().run()
        found |= _chart_english(at, data_words)
        charts += len(at.get("plotly_chart"))
    assert not found, found
    if page in ("data", "train", "evaluate", "inside", "neuron_lab"):
        assert charts, f"no figure drawn on {page}: the check read nothing"
