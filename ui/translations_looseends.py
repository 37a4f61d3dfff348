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
    # --- Evaluate, worst examples: all, none or some are mistakes; "unsure" only when they are ---
    "loose.mistakes_all": ("All {n} of these are mistakes.", "这 {n} 个全部是错误。"),
    "loose.mistakes_all_one": ("This one is a mistake.", "这一个是错误。"),
    "loose.mistakes_none": (
        "None of these {n} is a mistake: the model got them all right ({conf} confidence).",
        "这 {n} 个都没有出错：模型全都预测对了（把握 {conf}）。",
    ),
    "loose.mistakes_none_unsure": (
        "None of these {n} is a mistake, but the model was unsure of them ({conf} confidence).",
        "这 {n} 个都没有出错，但模型对它们不太有把握（把握 {conf}）。",
    ),
    "loose.mistakes_one": ("1 of these {n} is a mistake", "这 {n} 个里有 1 个是错误"),
    "loose.mistakes_many": ("{wrong} of these {n} are mistakes", "这 {n} 个里有 {wrong} 个是错误"),
    "loose.right_one": ("the other one was right ({conf} confidence)", "另外 1 个预测对了（把握 {conf}）"),
    "loose.right_one_unsure": (
        "the other one was right but unsure ({conf} confidence)", "另外 1 个预测对了，但不太有把握（把握 {conf}）",
    ),
    "loose.right_many": ("the other {right} were right ({conf} confidence)", "另外 {right} 个预测对了（把握 {conf}）"),
    "loose.right_many_unsure": (
        "the other {right} were right but unsure ({conf} confidence)", "另外 {right} 个预测对了，但不太有把握（把握 {conf}）",
    ),
    "loose.wrong_and_right": ("{wrong}; {right}.", "{wrong}；{right}。"),
    "loose.explain_none_wrong": (
        "What made the model decide as it did on one of these? Open it on the Explain page:",
        "模型为什么对其中某个做出这样的判断？在“解释”页打开它：",
    ),
    # --- Model page: the line above the layer table is always there (one line, either text) ----
    "loose.model_preset_layers": (
        "*The preset's own layers: edit any cell to make it a custom model.*",
        "*这是预设自带的层：修改任意单元格，它就成为自定义模型。*",
    ),
    "fig.loose.log_scale": ("{what} (log scale)", "{what}（对数刻度）"),
}
