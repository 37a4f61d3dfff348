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

MODEL: dict[str, tuple[str, str]] = {
    "model.title": ("Model", "模型"),
    "model.shape_tabular": ("{n} input features", "{n} 个输入特征"),
    "model.shape_image": ("image input of shape {shape}", "形状为 {shape} 的图像输入"),
    "model.shape_sequence": ("sequence input of shape {shape}", "形状为 {shape} 的序列输入"),
    "model.caption": ("Design the network for **{title}**: {shape}, ", "为 **{title}** 设计网络：{shape}，"),
    "model.caption_classes": ("{n} classes to tell apart.", "要区分 {n} 个类别。"),
    "model.caption_number": ("a number to predict.", "要预测一个数值。"),
    "model.preset": ("Start from a preset", "从预设开始"),
    "model.preset_help": (
        "Ready-made architectures for this kind of data. Pick one, then edit its layers below.",
        "适合这类数据的现成网络结构。选一个，然后在下面修改它的层。",
    ),
    "model.preset.logistic": ("Logistic regression", "逻辑回归"),
    "model.preset.logistic.desc": (
        "No hidden layer: the inputs feed the output directly, so it can only draw straight boundaries.",
        "没有隐藏层：输入直接连到输出，所以只能画出直线边界。",
    ),
    "model.preset.small_mlp": ("Small MLP", "小型多层感知机（MLP）"),
    "model.preset.small_mlp.desc": (
        "Two hidden layers of neurons: enough to bend the boundary around most simple shapes.",
        "两个隐藏层：足以让边界弯曲，绕开大多数简单的形状。",
    ),
    "model.preset.deep_mlp": ("Deep MLP", "深层多层感知机（MLP）"),
    "model.preset.deep_mlp.desc": (
        "Four hidden layers of 32 ReLU neurons with a little dropout: more capacity, easier to overfit.",
        "四个隐藏层，每层 32 个 ReLU 神经元，加一点 dropout：能力更强，也更容易过拟合。",
    ),
    "model.preset.lenet_cnn": ("LeNet-style CNN", "LeNet 式卷积网络（CNN）"),
    "model.preset.lenet_cnn.desc": (
        "Convolution filters find local patterns (edges, strokes), pooling shrinks the image, "
        "and dense layers decide.",
        "卷积滤波器寻找局部图案（边缘、笔画），池化把图像缩小，最后由全连接层做出判断。",
    ),
    "model.preset.lstm": ("LSTM", "LSTM（长短期记忆网络）"),
    "model.preset.lstm.desc": (
        "A recurrent layer reads the sequence one step at a time and keeps a memory of what it saw.",
        "循环层一步一步地读序列，并记住它看到过的内容。",
    ),
    "model.reset": ("Reset to preset", "恢复预设"),
    "model.reset_help": (
        "Throw away your edits and start again from the chosen preset.",
        "放弃你的修改，从所选的预设重新开始。",
    ),
    "model.custom": (
        "*You have edited the layers: this is now a custom model.*",
        "*你已经修改了层：现在这是一个自定义模型。*",
    ),
    "model.hidden_layers": ("Hidden layers", "隐藏层"),
    "model.hidden_layers_caption": (
        "One row per layer, from input to output. The output layer is added for you to match the task. "
        "Add a row with the + at the bottom; delete rows by selecting them and pressing the bin.",
        "每行一层，从输入到输出。输出层会根据任务自动添加。"
        "用底部的 + 添加一行；选中行后点垃圾桶图标即可删除。",
    ),
    "model.col_layer": ("Layer", "层类型"),
    "model.col_layer_help": (
        "dense: every neuron sees every input. conv2d: filters slide over an image. "
        "maxpool2d/avgpool2d: shrink an image. simple_rnn/lstm/gru: read a sequence step by step.",
        "dense（全连接）：每个神经元看到所有输入。conv2d（卷积）：滤波器在图像上滑动。"
        "maxpool2d/avgpool2d（池化）：缩小图像。simple_rnn/lstm/gru（循环）：一步一步读序列。",
    ),
    "model.col_units": ("Units / filters", "神经元 / 滤波器数"),
    "model.col_units_help": (
        "Neurons in a dense or recurrent layer; filters in a conv2d layer.",
        "全连接层或循环层里的神经元个数；conv2d 层里的滤波器个数。",
    ),
    "model.col_activation": ("Activation", "激活函数"),
    "model.col_activation_help": (
        "The function each neuron applies to its weighted sum. ReLU is a good default; "
        "tanh and sigmoid flatten out (saturate) for large inputs.",
        "每个神经元对加权和使用的函数。ReLU 是不错的默认选择；tanh 和 sigmoid 在输入很大时会变平（饱和）。",
    ),
    "model.col_kernel": ("Kernel", "卷积核"),
    "model.col_kernel_help": ("Filter size of a conv2d layer (3 means 3x3).", "conv2d 层滤波器的大小（3 表示 3x3）。"),
    "model.col_pool": ("Pool", "池化"),
    "model.col_pool_help": ("Window of a pooling layer (2 halves the image).", "池化层的窗口大小（2 表示把图像缩小一半）。"),
    "model.col_dropout": ("Dropout", "Dropout（随机丢弃）"),
    "model.col_dropout_help": (
        "Share of this layer's outputs switched off at random while training; fights overfitting.",
        "训练时随机关掉这一层输出的比例；用来对抗过拟合。",
    ),
    "model.col_batch_norm": ("Batch norm", "批归一化"),
    "model.col_batch_norm_help": (
        "Re-centre and re-scale this layer's outputs; often speeds up training.",
        "把这一层的输出重新居中、重新缩放；常常能加快训练。",
    ),
    "model.col_l1_help": (
        "Penalty on the sum of |weights|: pushes weights to exactly zero.",
        "对权重绝对值之和的惩罚：把权重推向恰好为零。",
    ),
    "model.col_l2_help": (
        "Penalty on the sum of squared weights: keeps weights small.",
        "对权重平方和的惩罚：让权重保持较小。",
    ),
    "model.col_initializer": ("Initializer", "初始化方法"),
    "model.col_initializer_help": (
        "How the starting weights are drawn. He suits ReLU; Glorot suits tanh and sigmoid.",
        "初始权重怎样随机生成。He 适合 ReLU；Glorot 适合 tanh 和 sigmoid。",
    ),
    "model.output_and_loss": ("Output layer and loss", "输出层和损失函数"),
    "model.output_activation": ("Output activation", "输出激活函数"),
    "model.output_activation_help": (
        "auto: softmax for several classes, sigmoid for two, linear for a number.",
        "auto（自动）：多个类别用 softmax，两个类别用 sigmoid，预测数值用 linear（线性）。",
    ),
    "model.loss": ("Loss", "损失函数"),
    "model.loss_help": (
        "auto: cross-entropy for classes, mean squared error (mse) for numbers. Hinge is the SVM loss.",
        "auto（自动）：类别用交叉熵，数值用均方误差（mse）。Hinge 是支持向量机（SVM）的损失。",
    ),
    "model.keep_previous": (
        "The previous working model is kept until this is fixed.",
        "在修正之前，继续使用上一个可用的模型。",
    ),
    "model.parameters": ("Parameters", "参数"),
    "model.parameters_help": (
        "Numbers the network learns (weights and biases).",
        "网络要学习的数（权重和偏置）。",
    ),
    "model.trainable": ("Trainable", "可训练参数"),
    "model.trainable_help": (
        "Batch-norm running averages are counted but not trained.",
        "批归一化的滑动平均值计入总数，但不参与训练。",
    ),
    "model.output": ("Output", "输出"),
    "model.output_help": ("Loss: {loss}", "损失函数：{loss}"),
    "model.table.layer": ("layer", "层"),
    "model.table.type": ("type", "类型"),
    "model.table.output_shape": ("output shape", "输出形状"),
    "model.table.parameters": ("parameters", "参数"),
    "model.table.trainable": ("trainable", "可训练"),
    "model.json": ("Architecture as JSON", "网络结构（JSON）"),
    "model.json_caption": (
        "The whole architecture as plain data: save it, compare it, or rebuild it exactly.",
        "整个网络结构写成纯数据：可以保存、比较，或者原样重建。",
    ),
    "model.building": (
        "Building the model (the first time also starts TensorFlow)…",
        "正在构建模型（第一次还要启动 TensorFlow）…",
    ),
}

SIDEBAR: dict[str, tuple[str, str]] = {
    "sidebar.loaded": ("### Loaded", "### 已载入"),
    "sidebar.data": ("**Data:** {title}  \n{task} · {kind} · {n} examples", "**数据**：{title}  \n{task} · {kind} · {n} 个样本"),
    "sidebar.task_classification": ("classification", "分类"),
    "sidebar.task_regression": ("regression", "回归"),
    "sidebar.kind_tabular": ("tabular", "表格"),
    "sidebar.kind_image": ("image", "图像"),
    "sidebar.kind_sequence": ("sequence", "序列"),
    "sidebar.custom": ("custom", "自定义"),
    "sidebar.model": ("**Model:** {title} · {n} hidden layers", "**模型**：{title} · {n} 个隐藏层"),
    "sidebar.model_one": ("**Model:** {title} · {n} hidden layer", "**模型**：{title} · {n} 个隐藏层"),
    "sidebar.device": ("Device: {device}", "计算设备：{device}"),
    "sidebar.device_later": ("detected when you build or train a model", "构建或训练模型时检测"),
    "sidebar.device_cpu": ("CPU (no GPU found)", "CPU（未发现 GPU）"),
    "sidebar.a_saved_run": ("a saved run", "一次保存的训练"),
    "sidebar.imported": (
        "**Current model:** {name} (imported)  \nTest {metric}: {value}",
        "**当前模型**：{name}（导入的）  \n测试集{metric}：{value}",
    ),
    "sidebar.reopened": (
        "**Current model:** {name} (reopened)  \nTest {metric}: {value}",
        "**当前模型**：{name}（重新打开的）  \n测试集{metric}：{value}",
    ),
    "sidebar.not_started": ("**Training:** not started", "**训练**：尚未开始"),
    "sidebar.training": ("**Training:** {state}, epoch {epoch}/{epochs}", "**训练**：{state}，第 {epoch}/{epochs} 轮"),
    "sidebar.on_other_data": (" (on {title})", "（在 {title} 上）"),
    "sidebar.test_metric": ("Test {metric}: {value}", "测试集{metric}：{value}"),
    # Objective.metric_name: "accuracy" or "mae" (English kept as the engine's short name).
    "sidebar.metric_accuracy": ("accuracy", "准确率"),
    "sidebar.metric_mae": ("mae", "平均绝对误差"),
    "sidebar.state.pending": ("starting…", "正在启动…"),
    "sidebar.state.running": ("training…", "训练中…"),
    "sidebar.state.finished": ("finished", "已完成"),
    "sidebar.state.stopped": ("stopped (model kept)", "已停止（模型已保留）"),
    "sidebar.state.diverged": ("diverged (loss became NaN)", "发散了（损失变成了 NaN）"),
    "sidebar.state.failed": ("failed", "失败"),
}

# Texts nncore defines (dataset groups and parameters). Shown translated only while the English
# here matches the engine's word for word (ui.dataset_controls.engine_text).
DATA_ENGINE: dict[str, tuple[str, str]] = {
    "data.group.2d_classification": ("2-D classification", "二维分类"),
    "data.group.2d_regression": ("2-D regression", "二维回归"),
    "data.group.tables": ("Tables", "表格"),
    "data.group.images": ("Images", "图像"),
    "data.group.sequences": ("Sequences", "序列"),
    "data.param.n_points": ("Number of points", "点的个数"),
    "data.param.n_points.help": (
        "How many points to generate (before splitting 60/20/20).",
        "生成多少个点（之后按 60/20/20 划分）。",
    ),
    "data.param.noise": ("Noise", "噪声"),
    "data.param.noise.help.shapes": (
        "0 gives clean shapes; 1 blurs them so much the task gets very hard.",
        "0 得到干净的形状；1 会让形状模糊到任务变得非常难。",
    ),
    "data.param.noise.help.series": (
        "How much random wobble is added to every value (0 = none).",
        "给每个值加上多大的随机抖动（0 = 不加）。",
    ),
    "data.param.seed": ("Random seed", "随机种子"),
    "data.param.seed.help": (
        "Same seed, same data and same split: results can be reproduced exactly.",
        "种子相同，数据和划分就相同：结果可以精确复现。",
    ),
    "data.param.max_train": ("Training images", "训练图像数"),
    "data.param.max_train.help": (
        "How many of the 60,000 training images to use; fewer trains faster.",
        "使用 60,000 张训练图像中的多少张；越少训练越快。",
    ),
    "data.param.examples": ("Images", "图像数"),
    "data.param.examples.help": (
        "How many images to generate (60% train, 20% validation, 20% test). 70,000 is MNIST's size; fewer trains faster.",
        "生成多少张图像（60% 训练、20% 验证、20% 测试）。70,000 是 MNIST 的规模；越少训练越快。",
    ),
    "data.param.n_series": ("Number of series", "序列条数"),
    "data.param.n_series.help": (
        "How many example series to generate (before splitting 60/20/20).",
        "生成多少条示例序列（之后按 60/20/20 划分）。",
    ),
    "data.param.window": ("Window length", "窗口长度"),
    "data.param.window.help": (
        "How many past values the network sees to predict the next one.",
        "网络看过去多少个值来预测下一个值。",
    ),
    "data.param.steps": ("Series length", "序列长度"),
    "data.param.steps.help": ("How many values each series has.", "每条序列有多少个值。"),
}


# The live training view (ui/training_view.py).
TRAIN_VIEW: dict[str, tuple[str, str]] = {
    "train.continuing": (
        "Continuing from epoch {epoch} with the current weights (preparing the training step)…",
        "从第 {epoch} 轮、用当前的权重继续（正在准备训练步骤）…",
    ),
    "train.starting": (
        "Starting (building the model; the first run also loads TensorFlow)…",
        "正在启动（构建模型；第一次还要载入 TensorFlow）…",
    ),
    "train.eta_unknown": ("estimating time left", "正在估计剩余时间"),
    "train.eta": ("about {duration} left", "大约还剩 {duration}"),
    "train.progress": (
        "Epoch {epoch} of {epochs} · {elapsed} elapsed · {left}",
        "第 {epoch} 轮，共 {epochs} 轮 · 已用 {elapsed} · {left}",
    ),
    "train.stop": ("Stop", "停止"),
    "train.stop_help": (
        "End training after the current step; the model trained so far is kept.",
        "在当前这一步之后结束训练；已经训练好的模型会保留。",
    ),
    "train.training_loss": ("Training loss", "训练损失"),
    "train.validation_loss": ("Validation loss", "验证损失"),
    "train.training_metric": ("Training {metric}", "训练{metric}"),
    "train.validation_metric": ("Validation {metric}", "验证{metric}"),
    "train.first_epoch": ("First epoch in progress · running loss {loss}", "第一轮进行中 · 当前损失 {loss}"),
    "train.test_set": (
        "Test set ({n} examples the model never trained on): loss {loss}, {metric} {value} · trained in {duration}.",
        "测试集（{n} 个训练时从未用过的样本）：损失 {loss}，{metric} {value} · 训练用时 {duration}。",
    ),
    "train.plane_classification": (
        "**What the network has learned.** The background shows, for every point of the "
        "plane, what the network would answer there: the deeper the colour, the surer it "
        "is; the dark line is where it is 50/50 (its *decision boundary*). The dots are "
        "test examples it never trained on. A network with no hidden layer can only draw "
        "a straight line; hidden layers let it bend.",
        "**网络学到了什么。** 背景显示网络在平面上每一点会给出的回答：颜色越深，它越有把握；"
        "深色的线是它五五开的地方（它的*决策边界*）。圆点是它训练时从未见过的测试样本。"
        "没有隐藏层的网络只能画一条直线；隐藏层让边界可以弯曲。",
    ),
    "train.plane_regression": (
        "**What the network has learned.** The colour of the background is the number the "
        "network predicts at each point of the plane; the dots are test examples, "
        "coloured by their true value. Where the colours match, the network is right.",
        "**网络学到了什么。** 背景的颜色是网络在平面上每一点预测的数值；圆点是测试样本，"
        "按它们的真实值着色。颜色一致的地方，网络就预测对了。",
    ),
    "train.neuron_maps": ("What each hidden neuron responds to", "每个隐藏神经元对什么有反应"),
    "train.neuron_maps_caption": (
        "One small map per hidden neuron, over the same plane: blue where its output is positive, red where "
        "negative, white near zero. The first layer can only draw straight edges; later layers combine them "
        "into the curved boundary above.",
        "每个隐藏神经元一张小图，画在同一个平面上：输出为正的地方是蓝色，为负的地方是红色，接近零是白色。"
        "第一层只能画出直的边界；后面的层把它们组合成上面那条弯曲的边界。",
    ),
    "train.neuron_maps_cut": (
        " The first {n} neurons of each layer are shown.",
        "每层只显示前 {n} 个神经元。",
    ),
    "train.step": ("Step: one more epoch", "单步：再训练一轮"),
    "train.step_help": (
        "Train the current model for one more epoch, continuing from its weights and adding to its "
        "history, to watch learning one step at a time. The optimizer goes on where it was (Adam's running "
        "averages and step count are kept, and the examples come in the order a longer training would use), so "
        "10 epochs and a Step equal 11 epochs. Each Step is saved as a new run, one epoch longer. A model "
        "reopened from Runs or imported has no optimizer state: its first Step starts the optimizer afresh.",
        "从当前模型的权重继续，再训练一轮，并接在它的训练记录后面，一步一步观察学习过程。"
        "优化器从原处继续（保留 Adam 的滑动平均和步数，样本顺序也与一次更长的训练相同），"
        "所以训练 10 轮再单步一次，等于一次训练 11 轮。每次单步都会另存为一次新的训练（多一轮）。"
        "从“训练记录”重新打开或导入的模型没有优化器状态：它的第一次单步会让优化器重新开始。",
    ),
    "train.stopped_kept": (
        "The model trained so far is kept and can be used.",
        "已经训练好的模型会保留，可以继续使用。",
    ),
}
