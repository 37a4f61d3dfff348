"""Texts for the baselines beside every tabular run, the settings suited to tables, and
regression errors in the target's units (issue 14, items 3, 4 and 7).

Keys `base.*` are page texts; `msg.base.*` / `msg.frag.base.*` are templates of what the
engine says (nncore/evaluate/diagnosis.py `compare_with_baselines`), read by
ui/engine_messages.py like every other engine message.
"""

from __future__ import annotations

BASELINES: dict[str, tuple[str, str]] = {
    # --- Evaluate: the baselines section ---------------------------------------------------
    "base.title": ("Baselines to beat", "要超过的基准"),
    "base.caption": (
        "Simple scikit-learn models fitted on the same training split and the same prepared inputs, "
        "scored on the same test examples. A network worth its complexity beats both.",
        "在同一训练集、同样处理过的输入上拟合的简单 scikit-learn 模型，并在同样的测试样本上评分。"
        "值得用神经网络，就应当两个都超过。",
    ),
    "base.model": ("model", "模型"),
    "base.model_help": ("Which model the row scores.", "这一行评的是哪个模型。"),
    "base.network": ("This network", "这个神经网络"),
    "base.majority": ("Majority class (always the most common)", "多数类（总是答最常见的类）"),
    "base.logistic": ("Logistic regression (a straight boundary)", "逻辑回归（直线边界）"),
    "base.mean": ("Mean (always the training average)", "均值（总是猜训练集平均值）"),
    "base.ridge": ("Ridge regression (a straight line)", "岭回归（一条直线）"),
    "base.accuracy": ("test accuracy", "测试准确率"),
    "base.accuracy_help": ("Share of test examples classified correctly.", "测试样本中分类正确的比例。"),
    "base.macro_f1": ("average F1", "平均 F1"),
    "base.macro_f1_help": (
        "F1 averaged over the classes, each class counting the same: it punishes ignoring a rare class.",
        "各类别 F1 的平均，每类权重相同：忽视少数类会被扣分。",
    ),
    "base.mae": ("test MAE ({unit})", "测试 MAE（{unit}）"),
    "base.mae_help": (
        "Mean absolute error on the test set, in the units of {unit}: lower is better.",
        "测试集上的平均绝对误差，单位与{unit}相同：越低越好。",
    ),
    "base.rmse": ("test RMSE ({unit})", "测试 RMSE（{unit}）"),
    "base.rmse_help": (
        "Root mean squared error on the test set, in the units of {unit}: big misses weigh more.",
        "测试集上的均方根误差，单位与{unit}相同：大的偏差权重更大。",
    ),
    "base.r2": ("R²", "R²（决定系数）"),
    "base.r2_help": (
        "Share of the target's variation explained: 1 is perfect, 0 is as good as guessing the average.",
        "目标值的变化中被解释的比例：1 为完美，0 相当于一直猜平均值。",
    ),
    "base.beats": (
        "The network beats both baselines on the test set.", "在测试集上，神经网络超过了两个基准。"
    ),
    "base.ties": (
        "The network scores the same as the better baseline on the test set.", "在测试集上，神经网络与较好的基准得分相同。"
    ),
    "base.none": (
        "No baselines for this run (they are fitted for tables only).", "这次训练没有基准（只对表格数据拟合基准）。"
    ),
    # --- sidebar ---------------------------------------------------------------------------
    "base.sidebar": ("Baseline: {model} {value}", "基准：{model} {value}"),
    "base.sidebar_logistic": ("logistic regression", "逻辑回归"),
    "base.sidebar_ridge": ("ridge", "岭回归"),
    # --- Runs table ------------------------------------------------------------------------
    "base.col.linear": ("linear baseline", "线性基准"),
    "base.col.linear_help": (
        "The test score (accuracy as a share, or MAE in the target's units) of a logistic regression / "
        "ridge regression fitted on the same split: the network should beat it.",
        "在同一划分上拟合的逻辑回归 / 岭回归的测试得分（准确率，或以目标单位计的 MAE）：神经网络应当超过它。",
    ),
    "base.col.unit": ("MAE unit", "MAE 单位"),
    "base.col.unit_help": (
        "What a regression run's test MAE is measured in: the units of its target column.",
        "回归训练的测试 MAE 所用的单位：目标列的单位。",
    ),
    "base.col.units_old": (
        "A blank test MAE: the run was saved before errors were kept in the target's units; reopen it once "
        "to see its MAE.",
        "测试 MAE 为空白：这次训练保存于误差改用目标单位之前；重新打开一次即可看到它的 MAE。",
    ),
    # --- settings suited to tables -----------------------------------------------------------
    "base.kind.table": ("table", "真实表格"),
    # --- the engine's verdicts (nncore/evaluate/diagnosis.py compare_with_baselines) -------------
    "msg.base.linear_wins.title": ("A straight line does better", "一条直线做得更好"),
    "msg.base.linear_wins": (
        "On the test set the network's {what} is {net}, while {model} on the same inputs scores {linear}. "
        "A straight line does better: try {advice}.",
        "在测试集上，神经网络的{what}是 {net}，而同样输入上的{model}是 {linear}。一条直线做得更好：试试{advice}。",
    ),
    "msg.base.guessing.title": ("The network does no better than guessing", "神经网络并不比瞎猜好"),
    "msg.base.guessing": (
        "On the test set the network's {what} is {net}, and {guess} scores {trivial}: it has learned nothing "
        "useful yet. Try more epochs, a learning rate 3 times smaller or larger, or check that the features "
        "can predict the target.",
        "在测试集上，神经网络的{what}是 {net}，而{guess}也能得到 {trivial}：它还没学到有用的东西。"
        "试试增加轮数、把学习率调小或调大 3 倍，或者检查这些特征能否预测目标。",
    ),
    "msg.frag.base.accuracy": ("accuracy", "准确率"),
    "msg.frag.base.mae": ("mean absolute error", "平均绝对误差"),
    "msg.frag.base.logistic": ("a logistic regression", "逻辑回归"),
    "msg.frag.base.ridge": ("a linear regression (ridge)", "线性回归（岭回归）"),
    "msg.frag.base.guess_class": ("always answering the most common class", "总是回答最常见的类"),
    "msg.frag.base.guess_mean": ("always guessing the average", "总是猜平均值"),
    "msg.frag.base.advice_overfitting": (
        "early stopping (it keeps the best epoch's weights), dropout or L2 regularization, or a smaller network",
        "打开提前停止（它会保留最好那一轮的权重）、加 dropout 或 L2 正则化，或者用更小的网络",
    ),
    "msg.frag.base.advice_oscillating": (
        "a learning rate 3 to 10 times smaller, or larger batches", "把学习率调小 3 到 10 倍，或者用更大的批量"
    ),
    "msg.frag.base.advice_underfitting": (
        "more epochs, or a learning rate 3 times larger", "增加轮数，或者把学习率调大 3 倍"
    ),
    "msg.frag.base.advice_too_short": ("more epochs", "训练更多轮"),
    "msg.frag.base.advice_default": (
        "early stopping, a learning rate 3 times smaller, dropout or L2 regularization, or the "
        "Logistic regression preset (on this data a simple model may be all there is to learn)",
        "打开提前停止、把学习率调小 3 倍、加 dropout 或 L2 正则化，或者换成“逻辑回归”预设"
        "（在这份数据上，也许简单模型就是能学到的全部）",
    ),
}
