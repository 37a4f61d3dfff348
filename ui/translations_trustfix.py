"""Texts for issue 15's fixes: what gradient methods explain (the score before softmax),
integrated gradients' automatic step count, and the learning-curve diagnosis's advice."""

from __future__ import annotations

TRUSTFIX: dict[str, tuple[str, str]] = {
    # --- what each explanation method explains (Explain page, methods guide) ---------------
    "tfix.explains_score": (
        "Explains the class's **score before softmax/sigmoid** (the logit), by default: unlike the "
        "probability it does not flatten out where the model is sure, so the map does not fade to "
        "zero on confident examples. Switch in Settings.",
        "默认解释的是这个类别在 softmax/sigmoid **之前的得分**（logit）：它不像概率那样在模型很有把握时变平，"
        "所以对很有把握的样本，图也不会褪成全零。可在“设置”里切换。",
    ),
    "tfix.explains_probability": (
        "Explains the **probability** the model gives the class (by definition: it compares the model's answers).",
        "解释的是模型给这个类别的**概率**（按定义如此：它比较的是模型的答案）。",
    ),
    "tfix.explains_output": (
        "Explains the predicted number.",
        "解释的是预测出的数值。",
    ),
    "tfix.target": ("Gradient methods explain", "梯度方法解释的是"),
    "tfix.target_help": (
        "What saliency, gradient x input, SmoothGrad, integrated gradients, Grad-CAM and Gradient SHAP "
        "differentiate. The score before softmax/sigmoid (logit) is what their papers use: the probability "
        "saturates, so on examples the model is sure about its gradient is nearly or exactly zero. SHAP, "
        "LIME and occlusion always explain the probability.",
        "Saliency、梯度×输入、SmoothGrad、积分梯度、Grad-CAM 和 Gradient SHAP 对什么求导。"
        "softmax/sigmoid 之前的得分（logit）是这些方法的论文所用的：概率会饱和，"
        "所以在模型很有把握的样本上，它的梯度几乎或恰好为零。SHAP、LIME 和遮挡法始终解释概率。",
    ),
    "tfix.target_score": ("score before softmax (logit)", "softmax 之前的得分（logit）"),
    "tfix.target_probability": ("probability", "概率"),
    "tfix.score_suffix": (" (score before softmax)", "（softmax 之前的得分）"),
    "tfix.ig_steps_auto": ("auto", "自动"),
    "tfix.ig_steps_help": (
        "How finely integrated gradients walks from the baseline to the input. Auto doubles the steps "
        "(from 32, up to 4096) until the values add up to the change in the answer within 1%.",
        "积分梯度从基线走到输入时分多细。“自动”会把步数翻倍（从 32 步起，最多 4096 步），"
        "直到各个值加起来与答案的变化相差不到 1%。",
    ),
    "tfix.ig_line": (
        "Integrated gradients used **{steps} steps**: the values add up to the change in the answer "
        "within **{gap}** ({verdict}).",
        "积分梯度用了 **{steps} 步**：各个值加起来与答案的变化相差 **{gap}**（{verdict}）。",
    ),
    "tfix.ig_ok": ("under 1%: complete", "不到 1%：满足完整性"),
    "tfix.ig_not_ok": (
        "over 1%: more steps needed than the time allowed; read the values as approximate",
        "超过 1%：需要的步数比允许的时间更多；请把这些值当作近似值",
    ),
}

# Engine messages of the learning-curve diagnosis (nncore/evaluate/diagnosis.py). Their keys
# start with "msg." because ui/engine_messages.py translates engine English by the `msg.*`
# templates; "msg.tfix." keeps them apart from the older ones.
TRUSTFIX_MESSAGES: dict[str, tuple[str, str]] = {
    "msg.tfix.diag.diverging.title": (
        "Training diverged: the learning rate is too high", "训练发散了：学习率太高"
    ),
    "msg.tfix.diag.blown": (
        "The training loss became infinite or not a number at epoch {epoch}: the updates grew until the "
        "numbers overflowed. The learning rate is too high. Try a learning rate 10 times smaller, then "
        "rebuild the model (fresh weights) and train again.",
        "训练损失在第 {epoch} 轮变成了无穷大或非数值：更新越来越大，直到数值溢出。学习率太高了。"
        "试试把学习率调小 10 倍，然后重新构建模型（全新的权重）再训练。",
    ),
    "msg.tfix.diag.diverging": (
        "The training loss was lowest around epoch {epoch} ({low}) and then grew to {last}, by about "
        "{growth} per epoch. Each update overshoots further than the last. The learning rate is too high: "
        "try one 3 to 10 times smaller.",
        "训练损失在第 {epoch} 轮前后最低（{low}），之后增长到 {last}，每轮约增长 {growth}。"
        "每次更新都比上一次冲得更远。学习率太高了：试试小 3 到 10 倍的学习率。",
    ),
    "msg.tfix.diag.saturated.title": (
        "The training is stuck: the learning rate is too high", "训练卡住了：学习率太高"
    ),
    "msg.tfix.diag.saturated": (
        "The training loss froze at {loss} and training accuracy stuck at {accuracy}: in {share} of the "
        "later epochs it hardly moved.",
        "训练损失冻结在 {loss}，训练准确率停在 {accuracy}：后面的轮次里有 {share} 几乎没有变化。",
    ),
    "msg.tfix.diag.saturated_regression": (
        "The training loss froze at {loss}: in {share} of the later epochs it hardly moved.",
        "训练损失冻结在 {loss}：后面的轮次里有 {share} 几乎没有变化。",
    ),
    "msg.tfix.diag.saturated_advice": (
        "A step too large threw the network into saturation (neurons stuck always on or always off), "
        "where gradients vanish and it cannot recover. More epochs or a larger learning rate will not "
        "help: try a learning rate 10 times smaller, then rebuild the model (fresh weights) and train again.",
        "步子太大，把网络推进了饱和状态（神经元一直开着或一直关着），梯度消失，它再也恢复不了。"
        "多训练几轮或调大学习率都没有用：试试把学习率调小 10 倍，然后重新构建模型（全新的权重）再训练。",
    ),
    "msg.tfix.diag.overfitting": (
        "The validation loss was lowest around epoch {epoch} ({best}) and has since risen by {rise_abs} "
        "({rise}) to {last}, against epoch-to-epoch noise of about ±{noise}, while the training loss kept "
        "falling ({before} → {after}).",
        "验证损失在第 {epoch} 轮前后最低（{best}），之后上升了 {rise_abs}（{rise}），到了 {last}，"
        "而它每轮的自然波动只有约 ±{noise}；与此同时训练损失一直在下降（{before} → {after}）。",
    ),
    # The validation score's sentence goes with the advice after it: a template ending in a value
    # ("... to {after}.") would otherwise swallow the sentences that follow it.
    "msg.tfix.diag.val_accuracy": (
        "Validation accuracy went from {before} to {after}. The network is learning details of the "
        "training examples that do not carry over to new data. Try early stopping, fewer epochs, a smaller "
        "network, dropout or L2 regularization, or more training data.",
        "验证准确率从 {before} 变为 {after}。网络在学习训练样本中那些无法推广到新数据的细节。"
        "试试提前停止、减少轮数、用更小的网络、加 dropout 或 L2 正则化，或者增加训练数据。",
    ),
    "msg.tfix.diag.val_mae": (
        "Validation mean absolute error went from {before} to {after}. The network is learning details of "
        "the training examples that do not carry over to new data. Try early stopping, fewer epochs, a "
        "smaller network, dropout or L2 regularization, or more training data.",
        "验证平均绝对误差从 {before} 变为 {after}。网络在学习训练样本中那些无法推广到新数据的细节。"
        "试试提前停止、减少轮数、用更小的网络、加 dropout 或 L2 正则化，或者增加训练数据。",
    ),
    "msg.tfix.diag.overfitting_advice": (
        "The network is learning details of the training examples that do not carry over to new data. "
        "Try early stopping, fewer epochs, a smaller network, dropout or L2 regularization, or more "
        "training data.",
        "网络在学习训练样本中那些无法推广到新数据的细节。试试提前停止、减少轮数、用更小的网络、"
        "加 dropout 或 L2 正则化，或者增加训练数据。",
    ),
}
