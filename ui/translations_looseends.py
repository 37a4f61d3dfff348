"""Texts of the issue-21 sweep ("loose ends"): the dynamics caption, words that match their numbers,
the layer table's edit note. Figure texts keep the `fig.` prefix that ui.figure_text looks up."""

from __future__ import annotations

LOOSE_ENDS: dict[str, tuple[str, str]] = {
    # --- Inside, training dynamics: what was recorded, not what was planned -------------------
    "loose.dyn_recorded": (
        "{n} snapshots, taken at epochs {epochs}. {plan} Recording took {duration} in all. Gradients and "
        "activations are measured on a fixed batch of training examples.",
        "共 {n} 个快照，记录于第 {epochs} 轮。{plan}记录总共用了 {duration}。"
        "梯度和激活是在一批固定的训练样本上测量的。",
    ),
    "loose.dyn_recorded_one": (
        "1 snapshot, taken at epoch {epochs}. {plan} Recording took {duration} in all. Gradients and "
        "activations are measured on a fixed batch of training examples.",
        "共 1 个快照，记录于第 {epochs} 轮。{plan}记录总共用了 {duration}。"
        "梯度和激活是在一批固定的训练样本上测量的。",
    ),
    "loose.dyn_every": ("That is every {every}, as planned.", "即按计划每 {every}记录一次。"),
    "loose.dyn_skipped": (
        "Planned every {every}; the others were skipped so that recording stays a small part of the "
        "training time.",
        "原计划每 {every}记录一次；其余的被跳过，好让记录只占训练时间的一小部分。",
    ),
    "loose.dyn_list": ("{most} and {last}", "{most} 和 {last}"),
    "fig.loose.log_scale": ("{what} (log scale)", "{what}（对数刻度）"),
}
