"""Issue 18, item 5: a person reads "Loss" above every loss curve, with the formula's name in
parentheses, in English and in Chinese, for a binary, a multi-class and a regression run."""

from __future__ import annotations

import pytest

from nncore.models.objective import objective_for
from nncore.plots import eval_plots, run_plots, training_plots
from nncore.catalog import catalogues, translate
from nncore.training import EpochRecord

HISTORY = [EpochRecord(i + 1, 1.0 / (i + 1), 0.5 + 0.1 * i, 1.1 / (i + 1), 0.45 + 0.1 * i, 0.1) for i in range(3)]

# (task, classes) -> the title in English and in Chinese
EXPECTED = {
    ("classification", 2): ("Loss (binary cross-entropy)", "损失（二元交叉熵）"),
    ("classification", 10): ("Loss (categorical cross-entropy)", "损失（多类别交叉熵）"),
    ("regression", 0): ("Loss (mean squared error)", "损失（均方误差）"),
}


def _subplot_titles(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def chinese(key: str, **values) -> str:
    """The words the app passes on a Chinese page (ui.i18n.t in Chinese)."""
    return translate(key, "zh", **values)


def _zh_formula(label: str) -> str:
    """The formula's name as the page words it in Chinese (ui/loss_words.py)."""
    keys = {translate(key): key for key in catalogues()["en"].entries if key.startswith("fig.obj.") and key.endswith("_lower")}
    return translate(keys[label[:1].lower() + label[1:]], "zh")


@pytest.mark.parametrize(("task", "classes"), list(EXPECTED), ids=["binary", "multi-class", "regression"])
def test_learning_curves_say_loss_with_the_formula(task, classes):
    objective = objective_for(task, classes)
    english, in_chinese = EXPECTED[(task, classes)]
    fig = training_plots.learning_curves(HISTORY, objective.loss_label, objective.metric_label)
    assert _subplot_titles(fig)[0] == english
    zh = training_plots.learning_curves(HISTORY, _zh_formula(objective.loss_label), words=chinese)
    assert _subplot_titles(zh)[0] == in_chinese
    # Hovers say "loss" too, not the formula alone.
    assert fig.data[0].hovertemplate.startswith("training loss:")
    assert zh.data[0].hovertemplate.startswith("训练集损失")


@pytest.mark.parametrize(("task", "classes"), list(EXPECTED), ids=["binary", "multi-class", "regression"])
def test_evaluate_summary_and_runs_comparison_say_loss(task, classes):
    objective = objective_for(task, classes)
    english, in_chinese = EXPECTED[(task, classes)]
    summary = eval_plots.learning_curves_summary(HISTORY, objective.loss_label)
    assert summary.layout.yaxis.title.text == english
    zh_summary = eval_plots.learning_curves_summary(HISTORY, _zh_formula(objective.loss_label), words=chinese)
    assert zh_summary.layout.yaxis.title.text == in_chinese
    compared = run_plots.compare_learning_curves([("a", HISTORY), ("b", HISTORY)], objective.loss_label)
    assert _subplot_titles(compared)[0] == english
    zh_compared = run_plots.compare_learning_curves([("a", HISTORY), ("b", HISTORY)], _zh_formula(objective.loss_label), words=chinese)
    assert _subplot_titles(zh_compared)[0] == in_chinese


def test_hinge_and_a_missing_name_and_mixed_losses():
    hinge = objective_for("classification", 3, loss="hinge")
    assert training_plots.loss_title(hinge.loss_label) == "Loss (categorical hinge)"
    assert training_plots.loss_title("") == "Loss"  # an old run stored without its loss's name
    assert training_plots.loss_title("", chinese) == "损失"
    mixed = chinese("fig.plain.loss_mixed")  # what the Runs page passes when the runs' losses differ
    fig = run_plots.compare_learning_curves([("a", HISTORY), ("b", HISTORY)], mixed, words=chinese)
    assert _subplot_titles(fig)[0] == "损失（损失函数不同：比较时要小心）"


@pytest.fixture(scope="module")
def finished_binary_run():
    """Circles: two classes, so binary cross-entropy."""
    from tests.helpers import trained_job

    return trained_job("circles", "small_mlp", epochs=2, batch_size=64)


@pytest.mark.parametrize(("language", "formula"), [("en", "binary cross-entropy"), ("zh", "二元交叉熵")])
def test_train_and_evaluate_metrics_name_the_formula(finished_binary_run, language, formula):
    from tests.helpers import app_on_page

    at = app_on_page("train", language, finished_binary_run, make_current=True)
    assert not at.exception, [e.message for e in at.exception]
    training = next(m.help for m in at.metric if m.label in ("Training loss", "训练损失"))
    assert formula in training
    at = app_on_page("evaluate", language, finished_binary_run)
    assert not at.exception, [e.message for e in at.exception]
    test_loss = next(m.help for m in at.metric if m.label in ("Test loss", "测试损失"))
    assert formula in test_loss and "Binary" not in test_loss
