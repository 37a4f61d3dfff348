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
    # --- item 4: the neuron demo walks through the Brain cell tab (keys follow Demo.caption_key) ---
    "demo.neuron.step2": (
        "**Step 2: a brain cell** (the *Brain cell* tab). The chart shows the cell's membrane "
        "voltage over time. The input current (3 nA) charges it up until it reaches the threshold, "
        "then the cell fires a spike and resets. Lower the current below the threshold (1.5 nA) "
        "and the spikes stop; raise it and they come faster.",
        "**第 2 步：脑细胞**（“脑细胞”标签页）。图中是细胞膜电压随时间的变化。输入电流（3 nA）"
        "把电压充高，到达阈值时细胞发出一个尖峰，然后复位。把电流调到阈值（1.5 nA）以下，"
        "尖峰就停止；调高电流，尖峰就来得更快。",
    ),
    "demo.neuron.step3": (
        "**Step 3: from spikes to a number.** Scroll down this tab to **the firing rate**: the "
        "*f-I curve* plots how many spikes per second the cell fires at each current. Nothing "
        "below the threshold, then a rise: much like an artificial neuron's ReLU (and softplus), "
        "fitted to the same points so you can see where the analogy holds and where it breaks. "
        "The star marks the current you set above.",
        "**第 3 步：从尖峰到数字。** 在这个标签页里向下滚动到**放电频率**：*f-I 曲线*画出细胞在"
        "每种电流下每秒发出多少个尖峰。阈值以下为零，之后上升：很像人工神经元的 ReLU（和 softplus）。"
        "图中把它们拟合到同样的点上，你可以看到这个类比在哪里成立、在哪里不成立。星号标出你在上面设的电流。",
    ),
}
