"""Texts changed by the trust audit (issue 15), waiting to be folded into the catalogues.

The report card's faithfulness correlation now measures each explanation against what its
method explains (the class score for gradient methods), so its note says so. The verdict against the baselines follows curves that showed a learning
rate too high (no "more epochs or a larger rate" under a diagnosis that rules them out). The
additivity and completeness table's promise and note are keyed messages now.
"""

TRUST: dict[str, tuple[str, str]] = {
    "card.note.faithfulness": (
        "**Faithfulness correlation** (Bhatt et al. 2020) removes random groups of {unit} (replaced by"
        " {baseline}, as in the curves above) and checks that the attributions of each group predict the"
        " drop of what the method explains: the class score before softmax for the gradient methods (as"
        " they explain it), the probability for SHAP, LIME and occlusion. It judges the amounts, where"
        " deletion curves judge the order. A method measured from another reference (integrated"
        " gradients from zeros, checked against the average) is at a disadvantage; with few {unit} or a"
        " saturated probability the number is noisy.",
        "**忠实度相关**（Bhatt 等，2020）：随机移除几组{unit}（像上面的曲线一样替换为{baseline}），检查每组的归因能否"
        "预测该方法所解释的量的下降：梯度类方法用 softmax 之前的类别分数（它们解释的就是它），SHAP、LIME 和遮挡用概率。"
        "它评判归因的大小，而删除曲线评判的是顺序。以另一个参照为起点的方法（例如从零出发的积分梯度，却用平均值来检查）"
        "会吃亏；{unit}很少或概率已饱和时，这个数会有噪声。",
    ),
    "msg.base.guessing_lr_too_high": (
        "On the test set the network's {what} is {net}, and {guess} scores {trivial}: it has learned nothing"
        " useful. The curves above show why: the learning rate is too high. Try one 3 to 10 times smaller,"
        " with fresh weights (rebuild the model); training longer will not help.",
        "在测试集上，神经网络的{what}是 {net}，而{guess}也能得到 {trivial}：它没有学到有用的东西。上面的曲线说明了原因："
        "学习率太高。把学习率调小 3 到 10 倍，并重新构建模型（换上新的权重）；训练更久也无济于事。",
    ),
    "msg.frag.base.advice_lr_too_high": (
        "a learning rate 3 to 10 times smaller, with fresh weights (rebuild the model)",
        "把学习率调小 3 到 10 倍，并重新构建模型（换上新的权重）",
    ),
    # "Do the numbers add up?": the promise each method makes and a note, worded by the page.
}
