"""Texts added by the audit of issue 14 (your own table): folded into the catalogues by the lead."""

from __future__ import annotations

TABLE: dict[str, tuple[str, str]] = {
    # Evaluate, when the linear model's lead is within chance (no verdict): not "beats".
    "base.within_chance": (
        "On the test set, {model} scores a little higher ({base} against the network's {net}), but by no "
        "more than chance gives on {n} examples: here the network is as good as the simple model, not better.",
        "在测试集上，{model}的得分略高（{base}，神经网络为{net}），但差距不超过 {n} 个样本上偶然会出现的范围："
        "在这里，神经网络与这个简单模型一样好，但并不更好。",
    ),
}
