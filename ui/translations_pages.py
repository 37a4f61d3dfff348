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

DATA: dict[str, tuple[str, str]] = {
    "data.title": ("Data", "数据"),
    "data.builtin_tab": ("Built-in datasets", "内置数据集"),
    "data.csv_tab": ("Upload a CSV", "上传 CSV 文件"),
    "data.dataset": ("Dataset", "数据集"),
    "data.dataset_help": (
        "2-D sets can be drawn on a plane; tables come from real measurements; images and "
        "sequences need other kinds of networks (CNN, LSTM).",
        "二维数据可以画在平面上；表格数据来自真实测量；图像和序列需要其他类型的网络（CNN、LSTM）。",
    ),
    "data.needs_network": (
        "*Needs an internet connection the first time.*",
        "*第一次使用时需要联网下载。*",
    ),
    "data.load": ("Load dataset", "载入数据集"),
    "data.loading": ("Loading {title}…", "正在载入 {title}…"),
    "data.loaded_toast": ("Loaded {title}.", "已载入 {title}。"),
    "data.keep_previous": (
        "The dataset that was loaded before is still in use.",
        "仍在使用之前载入的数据集。",
    ),
    "data.loaded": ("Loaded: {title}", "已载入：{title}"),
    "data.n_train": ("Training examples", "训练样本"),
    "data.n_train_help": ("Used to fit the weights.", "用来拟合权重。"),
    "data.n_val": ("Validation examples", "验证样本"),
    "data.n_val_help": (
        "Checked after every epoch to spot overfitting.",
        "每个轮次之后检查一次，用来发现过拟合。",
    ),
    "data.n_test": ("Test examples", "测试样本"),
    "data.n_test_help": (
        "Kept aside until the end for an honest score.",
        "一直留到最后，用来给出公正的评分。",
    ),
    "data.classes": ("Classes", "类别数"),
    "data.task": ("Task", "任务"),
    "data.regression": ("regression", "回归"),
    "data.regression_help": ("Predict the number '{target}'.", "预测数值“{target}”。"),
    "data.first_examples": ("**First training examples**", "**前几个训练样本**"),
    "data.preprocessing": ("**Preprocessing**", "**预处理**"),
    "data.shape": ("shape", "形状"),
    # --- the CSV upload tab ---
    "csv.reading": ("Reading {name}…", "正在读取 {name}…"),
    "csv.caption": (
        "A comma-separated file with a header row, UTF-8 encoded, up to {max_mb} MB. "
        "Numeric columns are standardized and text columns one-hot encoded for you.",
        "逗号分隔、带表头、UTF-8 编码的文件，最大 {max_mb} MB。"
        "数值列会自动标准化，文本列会自动做独热编码（one-hot）。",
    ),
    "csv.file": ("CSV file", "CSV 文件"),
    "csv.file_help": (
        "One row per example, one column per feature, and one column with the answer to predict (the target).",
        "每行一个样本，每列一个特征，另有一列是要预测的答案（目标列）。",
    ),
    "csv.summary": ("**{filename}**: {rows} rows, {columns} columns", "**{filename}**：{rows} 行，{columns} 列"),
    "csv.columns": ("Columns", "各列信息"),
    "csv.col_name": ("column", "列名"),
    "csv.col_kind": ("kind", "类型"),
    "csv.col_missing": ("missing", "缺失值"),
    "csv.col_distinct": ("distinct values", "不同取值数"),
    "csv.target": ("Target column", "目标列"),
    "csv.target_help": ("The column the network should learn to predict.", "网络要学会预测的那一列。"),
    "csv.task": ("Task", "任务"),
    "csv.task_auto": ("Decide for me", "自动判断"),
    "csv.task_classification": ("Classification (categories)", "分类（类别）"),
    "csv.task_regression": ("Regression (a number)", "回归（数值）"),
    "csv.task_help": (
        "Classification predicts a category (text labels or a few whole numbers); "
        "regression predicts a quantity. 'Decide for me' looks at the target's values.",
        "分类预测一个类别（文本标签或少数几个整数）；回归预测一个数量。"
        "“自动判断”会根据目标列的取值来决定。",
    ),
    "csv.features": ("Feature columns", "特征列"),
    "csv.features_help": (
        "The columns the network may use to make its prediction. Leave out IDs, names and "
        "anything that gives the answer away. The target is never used as a feature.",
        "网络可以用来做预测的列。请去掉编号、姓名以及任何会泄露答案的列。目标列永远不会被当作特征。",
    ),
    "csv.missing": ("Missing values", "缺失值"),
    "csv.missing_drop": ("Drop rows with gaps", "删除有空缺的行"),
    "csv.missing_impute": ("Fill gaps in", "填补空缺"),
    "csv.missing_help": (
        "Fill in uses the median of a numeric column and the most common value of a text column "
        "(this file has {n} missing values).",
        "填补时，数值列用中位数，文本列用出现最多的值（这个文件有 {n} 个缺失值）。",
    ),
    "csv.seed": ("Seed", "随机种子"),
    "csv.seed_help": (
        "Controls how rows are split into training, validation and test sets.",
        "决定各行怎样分到训练集、验证集和测试集。",
    ),
    "csv.use": ("Use this data", "使用这些数据"),
}
