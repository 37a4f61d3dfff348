"""Texts of issue 18 (items 4 and 5): the loss named as loss, and the guided demos without gaps.

Keys start with `plain.`; the two figure texts start with `fig.plain.` because ui/figure_text.py
reads figure translations from `fig.` keys only.
"""

from __future__ import annotations

PLAIN: dict[str, tuple[str, str]] = {
    # --- item 5: a loss curve is titled "Loss", the formula's name in parentheses ---------------
    # nncore.plots.training_plots.loss_title writes "Loss (binary cross-entropy)"; the formula is
    # translated by the fig.obj.*_lower entries.
    "fig.plain.loss_title": ("Loss ({formula})", "损失（{formula}）"),
    # Runs page, comparing runs trained with different losses.
    "fig.plain.loss_mixed": ("different losses: compare with care", "损失函数不同：比较时要小心"),
    "plain.loss_help.training": (
        "How wrong the network's answers are on the examples it learns from, averaged "
        "({formula}); lower is better. The curve below shows it epoch by epoch.",
        "网络在用来学习的样本上答错的程度（{formula}）的平均值，越低越好。下方曲线逐轮显示它的变化。",
    ),
    "plain.loss_help.validation": (
        "The same measure ({formula}) on the validation examples, which the network does not learn "
        "from: if it rises while the training loss falls, the network is overfitting.",
        "在验证样本（网络不从中学习）上的同一度量（{formula}）：如果它上升而训练损失下降，"
        "说明网络在过拟合。",
    ),
    "plain.loss_help.test": (
        "The loss ({formula}) on the test set: how wrong the answers are on examples the network "
        "never saw while training; lower is better.",
        "测试集上的损失（{formula}）：网络在训练时从未见过的样本上答错的程度，越低越好。",
    ),
}
