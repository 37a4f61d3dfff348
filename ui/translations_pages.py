"""Translation table, part 2: the Train, Data and Model pages and the sidebar.

Merged into the one `ui.translations.TEXTS`; same rules (key -> (English, Simplified Chinese),
placeholders identical in both). Texts from the engine (nncore: dataset titles, descriptions and
parameter labels, error messages, plot titles) are still English only.
"""

from __future__ import annotations

TRAIN: dict[str, tuple[str, str]] = {
    "train.title": ("Train", "训练"),
    "train.caption": (
        "Train the model on **{title}** ({n_train} training and {n_val} validation examples). "
        "Curves update live; you can stop at any time and keep the model.",
        "在 **{title}** 上训练模型（{n_train} 个训练样本，{n_val} 个验证样本）。"
        "曲线实时更新；随时可以停止，并保留已经训练好的模型。",
    ),
    "train.optimizer": ("Optimizer", "优化器"),
    "train.optimizer_help": (
        "How the weights are nudged after each batch. Adam adapts its step size per weight and "
        "is a safe default; SGD with momentum is the classic rule.",
        "每个批次之后怎样微调权重。Adam 会为每个权重自动调整步长，是稳妥的默认选择；"
        "带动量的 SGD 是经典做法。",
    ),
    "train.learning_rate": ("Learning rate", "学习率"),
    "train.learning_rate_help": (
        "How big each update step is. Too small: slow learning. Too large: the loss jumps "
        "around or blows up.",
        "每一步更新有多大。太小：学得很慢。太大：损失上下乱跳，甚至发散。",
    ),
    "train.momentum": ("Momentum (SGD only)", "动量（仅 SGD）"),
    "train.momentum_help": (
        "SGD keeps this share of its previous step, which smooths and speeds up descent.",
        "SGD 保留上一步的这一比例，让下降更平滑、更快。",
    ),
    "train.batch_size": ("Batch size", "批大小"),
    "train.batch_size_help": (
        "Examples looked at before each weight update. Small batches: noisier but more updates.",
        "每次更新权重之前看多少个样本。批次小：更新更频繁，但噪声更大。",
    ),
    "train.epochs": ("Epochs", "轮次"),
    "train.epochs_help": (
        "How many times training goes through the whole training set.",
        "训练要把整个训练集过多少遍。",
    ),
    "train.seed": ("Seed", "随机种子"),
    "train.seed_help": (
        "Same seed, same starting weights and batch order: the same curves on the same machine.",
        "种子相同，初始权重和批次顺序就相同：在同一台机器上得到同样的曲线。",
    ),
    "train.early_stopping": ("Early stopping", "早停"),
    "train.early_stopping_help": (
        "Stop when the validation loss has not improved for a while, and keep the best weights.",
        "验证损失一段时间不再改善时就停止训练，并保留最好的权重。",
    ),
    "train.patience": ("Patience (epochs)", "耐心（轮次）"),
    "train.patience_help": (
        "With early stopping: how many epochs without improvement to wait.",
        "使用早停时：没有改善的情况下最多再等几个轮次。",
    ),
    "train.train": ("Train", "训练"),
    "train.fix_hint": (
        "Fix this on the Model page or in the settings above, then train again.",
        "请在“模型”页或上面的设置里修正，然后重新训练。",
    ),
    "train.no_job": (
        "Choose settings and press **Train**. The defaults suit the loaded data.",
        "选好设置后按 **训练**。默认设置适合当前载入的数据。",
    ),
    "train.stale": (
        "The results below are from your last training, on **{title}**. Press **Train** to train "
        "the current model on the current data.",
        "下面是你上一次训练的结果，数据是 **{title}**。按 **训练** 可以在当前数据上训练当前模型。",
    ),
    "train.stale_other_model": (
        "The results below are from your last training, on **{title}** with a different model. "
        "Press **Train** to train the current model on the current data.",
        "下面是你上一次训练的结果，数据是 **{title}**，用的是另一个模型。"
        "按 **训练** 可以在当前数据上训练当前模型。",
    ),
}
