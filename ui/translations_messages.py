"""Texts the engine (nncore) writes in English, as templates the UI translates after the fact.

`msg.*` entries are the engine's sentences word for word, with each value that changes written
as a {placeholder}; `ui.engine_messages.localize_message` turns them into patterns, reads the
values out of the English and puts them into the Chinese. `msg.frag.*` entries are parts that
only ever stand inside a placeholder of another message (where = "epoch 3, step 12"), never a
whole message. A wording change in nncore must be copied here (tests/pages/test_engine_messages.py
triggers the real messages and fails on one the table no longer matches).

`data.dataset.<key>.title/.description` are the built-in datasets' names and descriptions
(nncore.data.list_datasets()), shown through `engine_text`, so a changed English stays English.
"""

from __future__ import annotations

# The engine's usual advice for a file it cannot read; several CSV messages end with it.
_SAVE_AS = ("Save it as 'CSV UTF-8' (comma-separated) and upload that.", "请把它另存为“CSV UTF-8”（逗号分隔）格式再上传。")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- training outcomes (nncore/training/job.py) --------------------------------------------
    "msg.job.finished": ("Finished {n} epochs.", "已完成 {n} 轮训练。"),
    "msg.job.finished_one": ("Finished {n} epoch.", "已完成 {n} 轮训练。"),
    "msg.job.early_stop": (
        "Early stopping: the validation loss did not improve for {patience} epochs, so training ended at "
        "epoch {epoch} and kept the weights of the best epoch ({best}).",
        "提前停止：验证损失连续 {patience} 轮没有改善，所以训练在第 {epoch} 轮结束，并保留了最好一轮"
        "（第 {best} 轮）的权重。",
    ),
    "msg.job.diverged": (
        "Training stopped: the loss became infinite or not a number (NaN) in {where}. This usually means "
        "the learning rate ({rate}) is too high, so each update overshoots and the weights blow up. Try a "
        "learning rate 10 times smaller, or the Adam optimizer.",
        "训练已停止：损失在{where}变成了无穷大或非数值（NaN）。这通常说明学习率（{rate}）太高，"
        "每次更新都冲过了头，权重随之爆炸。试试把学习率调小 10 倍，或改用 Adam 优化器。",
    ),
    "msg.frag.epoch": ("epoch {epoch}", "第 {epoch} 轮"),
    "msg.frag.epoch_step": ("epoch {epoch}, step {step}", "第 {epoch} 轮第 {step} 步"),
    "msg.job.stopped": ("Stopped by you {during}.", "已由你{during}停止。"),
    "msg.job.abandoned": (
        "Stopped {during}: nobody had looked at this training for {minutes} minutes (the browser tab was "
        "probably closed).",
        "已{during}停止：这次训练已经 {minutes} 分钟没有人查看（浏览器标签页可能已经关闭）。",
    ),
    "msg.frag.after_epoch": ("after epoch {n}", "在第 {n} 轮之后"),
    "msg.frag.during_epoch": ("during epoch {n}", "在第 {n} 轮进行中"),
    "msg.job.failed": ("Training failed: {kind}: {error}", "训练失败：{kind}：{error}"),
    "msg.job.not_saved": ("The run was not saved: {kind}: {error}", "这次训练没有保存：{kind}：{error}"),
    # --- learning-curve diagnosis (nncore/evaluate/diagnosis.py) -------------------------------
    "msg.diag.too_short.title": ("Too few epochs to judge", "轮数太少，无法判断"),
    "msg.diag.too_short": (
        "Only {n} epochs recorded; train for at least {least} to see a trend.",
        "只记录了 {n} 轮；至少训练 {least} 轮才能看出趋势。",
    ),
    "msg.diag.too_short_one": (
        "Only {n} epoch recorded; train for at least {least} to see a trend.",
        "只记录了 {n} 轮；至少训练 {least} 轮才能看出趋势。",
    ),
    "msg.diag.oscillating.title": ("The training loss jumps up and down", "训练损失忽高忽低"),
    "msg.diag.oscillating": (
        "From one epoch to the next the training loss went up, then down, then up again ({flips} of the "
        "changes flip direction), by about {jump} of its size each time. That is the sign of a learning "
        "rate that is too high: each update overshoots the minimum. Try a learning rate 3 to 10 times smaller.",
        "训练损失一轮升、一轮降、又一轮升（{flips} 的变化方向发生了翻转），每次变化约为其大小的 {jump}。"
        "这说明学习率太高：每次更新都越过了最低点。试试把学习率调小 3 到 10 倍。",
    ),
    "msg.diag.overfitting.title": (
        "Overfitting: the model started memorising the training data", "过拟合：模型开始死记训练数据"
    ),
    "msg.diag.underfitting.title": (
        "Underfitting: the model has not learned the pattern", "欠拟合：模型还没有学会其中的规律"
    ),
    "msg.diag.underfitting": (
        "Both losses stay high: {score}. The model is too simple for the data, or it has not trained long "
        "enough, or the learning rate is too small. Try more epochs, a larger learning rate, or more or "
        "wider layers.",
        "两个损失都居高不下：{score}。模型对这些数据来说太简单，或者训练得不够久，或者学习率太小。"
        "试试增加轮数、调大学习率，或者增加层数、加宽各层。",
    ),
    "msg.frag.accuracy_only": (
        "training accuracy is only {accuracy} (guessing gets about {chance})",
        "训练准确率只有 {accuracy}（随便猜也能达到约 {chance}）",
    ),
    "msg.frag.loss_went": ("the training loss went from {first} to {last}", "训练损失从 {first} 变为 {last}"),
    "msg.frag.loss_went_baseline": (
        "the training loss went from {first} to {last} (always guessing the average scores {baseline})",
        "训练损失从 {first} 变为 {last}（总是猜平均值的损失是 {baseline}）",
    ),
    "msg.diag.healthy.title": ("The learning curves look healthy", "学习曲线看起来很健康"),
    "msg.diag.healthy": (
        "Training and validation loss both came down and validation loss is at or near its best at the end.",
        "训练损失和验证损失都降下来了，而且验证损失在结束时处于或接近最低点。",
    ),
    "msg.diag.still_falling": (
        "It was still falling at the end: more epochs may help a little.",
        "到结束时它还在下降：多训练几轮可能还会好一点。",
    ),
    # --- an uploaded CSV file (nncore/data/csv_import.py, splits.py) ----------------------------
    "msg.csv.unreadable": (
        "Expected a readable CSV file. Received: '{name}' could not be read ({error}); save it as "
        "'CSV UTF-8' and upload that",
        "需要一个可以读取的 CSV 文件。但无法读取“{name}”（{error}）；请另存为“CSV UTF-8”格式再上传",
    ),
    "msg.csv.no_rows": (
        "Expected at least one row of data. Received: '{name}' has no rows; add rows of data below the header",
        "至少需要一行数据。但“{name}”没有数据行；请在表头下面添加数据行",
    ),
    "msg.csv.too_many_rows": (
        "Expected at most {most} data rows. Received: {n} in '{name}'; upload a sample of the rows",
        "最多只能有 {most} 行数据。但“{name}”有 {n} 行；请只上传其中一部分行",
    ),
    "msg.csv.more_rows": (
        "Expected at most {most} data rows. Received: more than {most} in '{name}'; upload a sample of the rows",
        "最多只能有 {most} 行数据。但“{name}”超过了 {most} 行；请只上传其中一部分行",
    ),
    "msg.csv.too_big": (
        "Expected a file of at most {most}. Received: '{name}' is {size}; upload a sample of the rows",
        "文件最大只能是 {most}。但“{name}”有 {size}；请只上传其中一部分行",
    ),
    "msg.csv.empty": (
        "Expected a CSV file with a header row and data rows. Received: '{name}' is empty; choose the file "
        "that holds your data",
        "需要一个有表头行和数据行的 CSV 文件。但“{name}”是空的；请选择存有你数据的那个文件",
    ),
    "msg.csv.header_only": (
        "Expected at least one data row below the header. Received: '{name}' has only the header row "
        "({columns}); add the data rows below it",
        "表头下面至少需要一行数据。但“{name}”只有表头行（{columns}）；请在它下面添加数据行",
    ),
    "msg.csv.utf16": (
        "Expected a UTF-8 encoded CSV file. Received: '{name}' is encoded as UTF-16. " + _SAVE_AS[0],
        "需要 UTF-8 编码的 CSV 文件。但“{name}”是 UTF-16 编码。" + _SAVE_AS[1],
    ),
    "msg.csv.not_text": (
        "Expected a text CSV file. Received: '{name}' is {what}, not text. " + _SAVE_AS[0],
        "需要一个文本格式的 CSV 文件。但“{name}”是{what}，不是文本。" + _SAVE_AS[1],
    ),
    "msg.frag.png": ("a PNG image", "一张 PNG 图片"),
    "msg.frag.jpeg": ("a JPEG image", "一张 JPEG 图片"),
    "msg.frag.gif": ("a GIF image", "一张 GIF 图片"),
    "msg.frag.pdf": ("a PDF document", "一份 PDF 文档"),
    "msg.frag.zip": ("a ZIP archive or an Excel workbook (.xlsx)", "一个 ZIP 压缩包或 Excel 工作簿（.xlsx）"),
    "msg.frag.xls": ("an old-style Excel (.xls) or Word file", "一个旧版 Excel（.xls）或 Word 文件"),
    "msg.frag.gzip": ("a gzip-compressed file", "一个 gzip 压缩文件"),
    "msg.csv.binary": (
        "Expected a text CSV file. Received: '{name}' contains binary data (NUL bytes), not text. " + _SAVE_AS[0],
        "需要一个文本格式的 CSV 文件。但“{name}”含有二进制数据（NUL 字节），不是文本。" + _SAVE_AS[1],
    ),
    "msg.csv.not_utf8": (
        "Expected a UTF-8 encoded CSV file. Received: '{name}' is not UTF-8 (byte {byte} on line {line} is "
        "not valid UTF-8; the file was probably saved as Latin-1 or Windows-1252). " + _SAVE_AS[0],
        "需要 UTF-8 编码的 CSV 文件。但“{name}”不是 UTF-8 编码（第 {line} 行的字节 {byte} 不是有效的 UTF-8；"
        "这个文件很可能是以 Latin-1 或 Windows-1252 编码保存的）。" + _SAVE_AS[1],
    ),
    "msg.csv.too_many_columns": (
        "Expected at most {most} columns. Received: '{name}' has {n} columns; keep only the columns you need",
        "最多只能有 {most} 列。但“{name}”有 {n} 列；请只保留需要的列",
    ),
    "msg.csv.repeated_names": (
        "Expected every column name in the header to be different. Received: repeated names in '{name}': "
        "{names}; rename the repeated columns",
        "表头里的每个列名都必须不同。但“{name}”中有重复的列名：{names}；请给重复的列改名",
    ),
    "msg.csv.fields": (
        "Expected every row to have {expected} fields, like the header. Received: line {line} of '{name}' "
        "has {saw} fields; fix that line (a value with a comma in it needs quotes)",
        "每一行都应像表头一样有 {expected} 个字段。但“{name}”的第 {line} 行有 {saw} 个字段；"
        "请修改这一行（含逗号的值需要加引号）",
    ),
    "msg.csv.fields_one": (
        "Expected every row to have {expected} fields, like the header. Received: line {line} of '{name}' "
        "has {saw} field; fix that line (a value with a comma in it needs quotes)",
        "每一行都应像表头一样有 {expected} 个字段。但“{name}”的第 {line} 行只有 {saw} 个字段；"
        "请修改这一行（含逗号的值需要加引号）",
    ),
    "msg.csv.quote": (
        "Expected every opening quote (\") to be closed. Received: a quote opened on line {line} of '{name}' "
        "is never closed; close it or remove it",
        "每个左引号（\"）都需要闭合。但“{name}”第 {line} 行开始的引号一直没有闭合；请补上右引号或删掉它",
    ),
    "msg.csv.unparsable": (
        "Expected a well-formed CSV file. Received: '{name}' could not be parsed ({error}); save it as "
        "'CSV UTF-8' and upload that",
        "需要一个格式正确的 CSV 文件。但无法解析“{name}”（{error}）；请另存为“CSV UTF-8”格式再上传",
    ),
    "msg.csv.column_unknown": (
        "Expected one of the columns ({columns}). Received: {column}",
        "需要文件中的某一列（{columns}）。但收到的是：{column}",
    ),
    "msg.csv.target_unknown": (
        "Expected `target` to be one of the columns ({columns}). Received: target={target}",
        "目标列必须是文件中的某一列（{columns}）。但收到的是：target={target}",
    ),
    "msg.csv.features_unknown": (
        "Expected feature columns from the file ({columns}). Received: {unknown}",
        "特征列必须来自这个文件（{columns}）。但收到的是：{unknown}",
    ),
    "msg.csv.features_include_target": (
        "Expected the features not to include the target '{target}'. Received: features={features}",
        "特征里不能包含目标列“{target}”。但收到的是：features={features}",
    ),
    "msg.csv.no_features": (
        "Expected at least one feature column besides the target '{target}'. Received: no other columns; "
        "add a column of inputs to learn from",
        "除了目标列“{target}”之外，至少还需要一个特征列。但没有其他列；请添加一列可供学习的输入",
    ),
    "msg.csv.empty_features": (
        "Expected at least one feature column besides the target '{target}'. Received: no values in "
        "{columns}; add a column of inputs to learn from",
        "除了目标列“{target}”之外，至少还需要一个特征列。但 {columns} 中没有任何值；请添加一列可供学习的输入",
    ),
    "msg.csv.rows_all_missing": (
        "Expected some rows with no missing values. Received: every row has a missing value in {columns}; "
        "choose to fill in (impute) missing values instead, or leave those columns out",
        "需要一些没有缺失值的行。但每一行在 {columns} 中都有缺失值；请改为填补（插补）缺失值，或者不用这些列",
    ),
    "msg.csv.target_missing": (
        "Expected values in the target column '{name}'. Received: every value is missing; pick another "
        "target column",
        "目标列“{name}”里需要有值。但所有值都缺失了；请换一个目标列",
    ),
    "msg.csv.mixed": (
        "Expected column '{name}' to hold only numbers or only text. Received: mostly numbers, but {n} "
        "values are not, such as {example}; fix or remove such values, or leave the column out",
        "列“{name}”应该只有数字或只有文字。但它大部分是数字，却有 {n} 个值不是，例如 {example}；"
        "请修正或删掉这些值，或者不用这一列",
    ),
    "msg.csv.mixed_one": (
        "Expected column '{name}' to hold only numbers or only text. Received: mostly numbers, but {n} "
        "value is not, such as {example}; fix or remove such values, or leave the column out",
        "列“{name}”应该只有数字或只有文字。但它大部分是数字，却有 {n} 个值不是，例如 {example}；"
        "请修正或删掉这些值，或者不用这一列",
    ),
    "msg.csv.feature_missing": (
        "Expected values in column '{name}'. Received: every value is missing; leave the column out",
        "列“{name}”里需要有值。但所有值都缺失了；请不要使用这一列",
    ),
    "msg.csv.too_many_categories": (
        "Expected at most {most} different values in text column '{name}'. Received: {n} different values, "
        "such as {examples}; leave the column out (names and IDs do not help a prediction) or turn it into "
        "numbers",
        "文字列“{name}”最多只能有 {most} 种不同的值。但它有 {n} 种，例如 {examples}；请不要使用这一列"
        "（姓名和编号对预测没有帮助），或者把它转换成数字",
    ),
    "msg.csv.one_class": (
        "Expected at least 2 classes in the target column '{name}'. Received: only one value, {value}; pick "
        "a column with at least two values as the target",
        "目标列“{name}”里至少需要 2 个类别。但只有一个值：{value}；请选一个至少有两种值的列作为目标",
    ),
    "msg.csv.too_many_classes": (
        "Expected at most {most} classes for classification. Received: {n} different values in '{name}'; "
        "choose regression to predict a quantity",
        "分类最多只能有 {most} 个类别。但“{name}”里有 {n} 种不同的值；要预测一个数量，请选择回归",
    ),
    "msg.csv.rare_class": (
        "Expected at least {least} rows of every class so each split gets some. Received: class {label} of "
        "'{name}' has {n} rows; add rows of that class, or remove its rows",
        "每个类别至少需要 {least} 行，这样每个划分都能分到一些。但“{name}”中的类别 {label} 只有 {n} 行；"
        "请为这个类别添加更多行，或删掉它的行",
    ),
    "msg.csv.rare_class_one": (
        "Expected at least {least} rows of every class so each split gets some. Received: class {label} of "
        "'{name}' has {n} row; add rows of that class, or remove its rows",
        "每个类别至少需要 {least} 行，这样每个划分都能分到一些。但“{name}”中的类别 {label} 只有 {n} 行；"
        "请为这个类别添加更多行，或删掉它的行",
    ),
    "msg.csv.text_target": (
        "Expected a numeric target for regression. Received: column '{name}' holds text such as {example}; "
        "choose classification",
        "回归需要数值型的目标。但列“{name}”里有文字，例如 {example}；请选择分类",
    ),
    "msg.csv.constant_target": (
        "Expected the target column '{name}' to vary. Received: every value is {value}; pick another target column",
        "目标列“{name}”的值需要有变化。但所有值都是 {value}；请换一个目标列",
    ),
    "msg.split.too_few_rows": (
        "Expected at least {least} rows to split into training, validation and test sets. Received: {n} rows; "
        "add more rows",
        "至少需要 {least} 行才能划分出训练集、验证集和测试集。但只有 {n} 行；请添加更多行",
    ),
    "msg.split.rare_class": (
        "Expected at least {least} rows of every class so each split gets some. Received: class {label} has "
        "{n} rows; add rows of that class, or remove its rows",
        "每个类别至少需要 {least} 行，这样每个划分都能分到一些。但类别 {label} 只有 {n} 行；"
        "请为这个类别添加更多行，或删掉它的行",
    ),
    "msg.data.unavailable": (
        "Could not download {name} (no internet connection?). Try 'Digits 28x28 (MNIST-sized, offline)', "
        "made on this machine, or the bundled 8x8 'digits'.",
        "无法下载 {name}（没有网络连接？）。试试在本机生成的“Digits 28x28 (MNIST-sized, offline)”，"
        "或自带的 8x8“digits”。",
    ),
    # --- how a dataset was prepared (Dataset.preprocessing.steps) ---------------------------------
    "msg.prep.generated_points": (
        "Generated {n} points with noise {noise} (seed {seed})", "生成了 {n} 个点，噪声为 {noise}（随机种子 {seed}）"
    ),
    "msg.prep.sklearn": ("Loaded {n} rows bundled with scikit-learn", "载入了 scikit-learn 自带的 {n} 行数据"),
    "msg.prep.scaled_16": ("Scaled pixel values from 0-16 to 0-1", "把像素值从 0-16 缩放到 0-1"),
    "msg.prep.scaled_255": ("Scaled pixel values from 0-255 to 0-1", "把像素值从 0-255 缩放到 0-1"),
    "msg.prep.downloaded": (
        "Downloaded {name} with Keras (cached after the first time) and kept {n} training images, chosen at "
        "random per class",
        "用 Keras 下载了 {name}（第一次之后会缓存），并按类别随机保留了 {n} 张训练图像",
    ),
    "msg.prep.digits28": (
        "Generated {n} images of 28x28 pixels from the bundled 8x8 digits (enlarged, shifted, rotated, stroke "
        "weight varied, noise added)",
        "根据自带的 8x8 数字生成了 {n} 张 28x28 像素的图像（放大、平移、旋转、改变笔画粗细、加入噪声）",
    ),
    "msg.prep.digit_rows": (
        "Read each 8x8 digit image top to bottom: 8 steps of 8 pixel values",
        "把每张 8x8 数字图像从上到下逐行读取：共 8 步，每步 8 个像素值",
    ),
    "msg.prep.sine": (
        "Generated {n} sine snippets of {window} steps with noise {noise} (seed {seed})",
        "生成了 {n} 段长 {window} 步的正弦波片段，噪声为 {noise}（随机种子 {seed}）",
    ),
    "msg.prep.series": (
        "Generated {n} series of {steps} steps with noise {noise} (seed {seed})",
        "生成了 {n} 条长 {steps} 步的序列，噪声为 {noise}（随机种子 {seed}）",
    ),
    "msg.prep.original_units": (
        "Inputs kept in their original units (already between about -2 and 2)",
        "输入保持原来的单位（本来就大约在 -2 到 2 之间）",
    ),
    "msg.prep.standardized_features": (
        "Standardized each input feature with the training split's mean and standard deviation",
        "用训练集的均值和标准差对每个输入特征做了标准化",
    ),
    "msg.prep.standardized_target": (
        "Standardized the target with the training split's mean and standard deviation (predictions are "
        "mapped back to the original units)",
        "用训练集的均值和标准差对目标做了标准化（预测值会换算回原来的单位）",
    ),
    "msg.prep.read_csv": ("Read '{name}': {rows} rows, {columns} columns", "读取了“{name}”：{rows} 行，{columns} 列"),
    "msg.prep.left_out": ("Left out {columns}: every value is missing", "不使用 {columns}：所有值都缺失"),
    "msg.prep.removed_no_target": (
        "Removed {n} rows with no value in the target '{target}'", "删除了 {n} 行目标列“{target}”没有值的数据"
    ),
    "msg.prep.removed_missing": ("Removed {n} rows with a missing value", "删除了 {n} 行有缺失值的数据"),
    "msg.prep.one_hot": (
        "Turned text columns into one 0/1 input per value (one-hot): {listed}",
        "把文字列变成每个值一个 0/1 输入（独热编码）：{listed}",
    ),
    "msg.prep.numbered": ("Numbered the classes of '{name}': {shown}", "给“{name}”的类别编号：{shown}"),
    # --- a layer's units (nncore/inspect/unit_stats.py) ---------------------------------------------
    "msg.inspect.dead": (
        "{share} of the units in {layer} are dead: they output 0 for every one of these {n} inputs, so no "
        "gradient flows through them and they no longer learn. A smaller learning rate, He initialization or "
        "leaky ReLU usually helps.",
        "{layer} 中有 {share} 的神经元已经死亡：对这 {n} 个输入，它们全都输出 0，梯度无法流过它们，"
        "它们也就不再学习。较小的学习率、He 初始化或 leaky ReLU 通常有帮助。",
    ),
    "msg.inspect.saturated": (
        "{share} of the units in {layer} are saturated: their {activation} is stuck near its limit for almost "
        "every input, where its slope is nearly flat, so they learn very slowly. Smaller starting weights, "
        "normalised inputs or ReLU usually help.",
        "{layer} 中有 {share} 的神经元已经饱和：几乎对每个输入，它们的 {activation} 都卡在极限值附近，"
        "那里的斜率几乎是平的，所以它们学得很慢。更小的初始权重、标准化的输入或 ReLU 通常有帮助。",
    ),
    # --- settings out of range (nncore/training/config.py, a dataset's parameters) ---------------
    "msg.config.optimizer": (
        "Expected an optimizer in {choices}. Received: optimizer={value}",
        "优化器必须是 {choices} 之一。但收到的是：optimizer={value}",
    ),
    "msg.config.learning_rate": (
        "Expected a `learning_rate` above 0 and at most 10. Received: learning_rate={value}",
        "学习率（learning_rate）必须大于 0 且不超过 10。但收到的是：learning_rate={value}",
    ),
    "msg.config.momentum": (
        "Expected `momentum` in [0, 1). Received: momentum={value}",
        "动量（momentum）必须在 [0, 1) 之内。但收到的是：momentum={value}",
    ),
    "msg.config.batch_size": (
        "Expected a `batch_size` between 1 and 65536. Received: batch_size={value}",
        "批大小（batch_size）必须在 1 到 65536 之间。但收到的是：batch_size={value}",
    ),
    "msg.config.epochs": (
        "Expected `epochs` between 1 and 100000. Received: epochs={value}",
        "轮数（epochs）必须在 1 到 100000 之间。但收到的是：epochs={value}",
    ),
    "msg.config.patience": (
        "Expected a positive `patience`. Received: patience={value}",
        "耐心（patience）必须是正数。但收到的是：patience={value}",
    ),
    "msg.config.seed": (
        "Expected a `seed` between 0 and 2**31-1. Received: seed={value}",
        "随机种子（seed）必须在 0 到 2**31-1 之间。但收到的是：seed={value}",
    ),
    "msg.param.choice": (
        "Expected `{name}` to be one of {allowed}. Received: {name}={value}",
        "`{name}` 必须是 {allowed} 之一。但收到的是：{name}={value}",
    ),
    "msg.param.not_number": (
        "Expected `{name}` to be {expected} between {low} and {high}. Received: {name}={value}",
        "`{name}` 必须是 {low} 到 {high} 之间的{expected}。但收到的是：{name}={value}",
    ),
    "msg.frag.whole_number": ("a whole number", "整数"),
    "msg.frag.number": ("a number", "数"),
    "msg.param.range": (
        "Expected `{name}` between {low} and {high}. Received: {name}={value}",
        "`{name}` 必须在 {low} 到 {high} 之间。但收到的是：{name}={value}",
    ),
    # --- model specs (nncore/models) --------------------------------------------------------------
    "msg.model.preset_data": (
        "The {preset} preset needs {kinds} data. Received: {kind} data. Pick another preset, or a dataset of "
        "that kind.",
        "“{preset}”预设需要{kinds}数据，但现在是{kind}数据。请换一个预设，或换一个这类数据的数据集。",
    ),
    "msg.frag.tabular": ("tabular", "表格"),
    "msg.frag.image": ("image", "图像"),
    "msg.frag.sequence": ("sequence", "序列"),
    "msg.frag.or": ("{first} or {second}", "{first}或{second}"),
    "msg.model.needs_images": (
        "{layer} needs images (height x width x channels). Received: {data}. Remove the layer or pick an image "
        "dataset such as digits.",
        "{layer}需要图像（高 x 宽 x 通道）。但现在是{data}。请删掉这一层，或换一个图像数据集，例如 digits。",
    ),
    "msg.model.already_flat": (
        "{layer} needs image-shaped input, but an earlier Dense or Flatten layer has already turned the image "
        "into a flat vector. Put convolution and pooling layers first.",
        "{layer}需要图像形状的输入，但前面的 Dense 或 Flatten 层已经把图像展平成了向量。请把卷积层和池化层放在前面。",
    ),
    "msg.model.pool_too_far": (
        "{layer} cannot pool {height}x{width} feature maps with a {size}x{size} window: the image has shrunk "
        "too far. Use fewer pooling layers or a smaller pool size.",
        "{layer}无法用 {size}x{size} 的窗口对 {height}x{width} 的特征图做池化：图像已经缩得太小了。"
        "请减少池化层，或用更小的池化窗口。",
    ),
    "msg.model.needs_sequences_images": (
        "{layer} reads sequences (steps x features). Received: {data}. Images are not sequences here: use the "
        "'digit_rows' dataset to read digits row by row.",
        "{layer}读取的是序列（步数 x 特征）。但现在是{data}。这里图像不算序列：请用“digit_rows”数据集逐行读取数字。",
    ),
    "msg.model.needs_sequences": (
        "{layer} reads sequences (steps x features). Received: {data}. Remove the layer or pick a sequence "
        "dataset such as sine.",
        "{layer}读取的是序列（步数 x 特征）。但现在是{data}。请删掉这一层，或换一个序列数据集，例如 sine。",
    ),
    "msg.model.already_collapsed": (
        "{layer} needs a sequence, but an earlier Dense or Flatten layer has already collapsed the time steps. "
        "Put recurrent layers first.",
        "{layer}需要序列，但前面的 Dense 或 Flatten 层已经把时间步合并掉了。请把循环层放在前面。",
    ),
    "msg.frag.layer": ("Layer {n} ({kind})", "第 {n} 层（{kind}）"),
    "msg.frag.tabular_data": ("tabular data with {n} features", "有 {n} 个特征的表格数据"),
    "msg.frag.images": ("{height}x{width} images", "{height}x{width} 的图像"),
    "msg.frag.sequences": (
        "sequences of {steps} steps with {n} features each", "每步 {n} 个特征、共 {steps} 步的序列"
    ),
    "msg.model.too_many_layers": (
        "Expected at most {most} layers. Received: {n} layers", "最多只能有 {most} 层。但现在有 {n} 层"
    ),
    "msg.model.regression_loss": (
        "Expected the loss 'mse' for a regression task (predicting a number). Received: loss={loss}",
        "回归任务（预测一个数）需要使用损失“mse”。但收到的是：loss={loss}",
    ),
    "msg.model.regression_output": (
        "Expected a 'linear' output for regression, so the network can predict any number. "
        "Received: output_activation={activation}",
        "回归需要“linear”输出，这样网络才能预测任意数值。但收到的是：output_activation={activation}",
    ),
    "msg.model.softmax_needed": (
        "Expected a 'softmax' output for {n} classes, so the outputs are probabilities that add up to 1. "
        "Received: output_activation='sigmoid'",
        "{n} 个类别需要“softmax”输出，这样各输出才是加起来等于 1 的概率。但收到的是：output_activation='sigmoid'",
    ),
    "msg.model.probabilities_needed": (
        "Expected a 'sigmoid' or 'softmax' output with cross-entropy loss, which needs probabilities. "
        "Received: output_activation='linear'",
        "交叉熵损失需要概率，所以输出应为“sigmoid”或“softmax”。但收到的是：output_activation='linear'",
    ),
    # --- importing a model file (nncore/runs/model_import.py) -----------------------------------
    "msg.import.keras_version": (
        "Expected Keras {wanted} or later to load uploaded models (earlier releases could be tricked into "
        "running code from a model file). Received: Keras {version}. Upgrade Keras to import models.",
        "加载上传的模型需要 Keras {wanted} 或更新版本（更早的版本可能被模型文件诱骗去运行其中的代码）。"
        "但当前是 Keras {version}。请升级 Keras 后再导入模型。",
    ),
    "msg.import.too_big": (
        "Expected a model file of at most {most}. Received: '{name}' of {size}.",
        "模型文件最大只能是 {most}。但“{name}”有 {size}。",
    ),
    "msg.import.empty": (
        "Expected a saved Keras model. Received: '{name}' is empty (0 bytes).",
        "需要一个保存好的 Keras 模型。但“{name}”是空的（0 字节）。",
    ),
    "msg.import.hdf5": (
        "Expected a Keras 3 '.keras' file. Received: '{name}', a legacy HDF5 (.h5) model, which cannot be "
        "loaded safely. Load it in Keras where it was made and save it again with model.save('model.keras').",
        "需要一个 Keras 3 的“.keras”文件。但“{name}”是旧式 HDF5（.h5）模型，无法安全加载。"
        "请在创建它的 Keras 里加载它，再用 model.save('model.keras') 重新保存。",
    ),
    "msg.import.suffix": (
        "Expected a '.keras' file (saved with model.save('model.keras')). Received: '{name}' ({suffix}).",
        "需要一个“.keras”文件（用 model.save('model.keras') 保存）。但收到的是“{name}”（{suffix}）。",
    ),
    "msg.frag.no_extension": ("no extension", "没有扩展名"),
    "msg.import.not_zip": (
        "Expected a saved Keras model. Received: '{name}' is {kind}.",
        "需要一个保存好的 Keras 模型。但“{name}”{kind}。",
    ),
    "msg.frag.renamed_text": ("a text file renamed to .keras", "是一个改名为 .keras 的文本文件"),
    "msg.frag.not_zip": (
        "not a zip archive, as a .keras file is", "不是 zip 压缩包（.keras 文件应该是 zip 压缩包）"
    ),
    "msg.import.damaged": (
        "Expected a complete .keras file. Received: '{name}' is damaged or incomplete (it may have been cut "
        "off while uploading or downloading); save or download it again ({detail}).",
        "需要一个完整的 .keras 文件。但“{name}”已损坏或不完整（可能在上传或下载时被截断了）；"
        "请重新保存或重新下载（{detail}）。",
    ),
    "msg.frag.checksum": (
        "the part '{part}' does not match its checksum", "其中的“{part}”部分与校验和不一致"
    ),
    "msg.frag.members": ("config.json and model.weights.h5", "config.json 和 model.weights.h5"),
    "msg.frag.bytes": ("{n} bytes", "{n} 字节"),
    "msg.import.members": (
        "Expected a Keras model archive holding {members}. Received: '{name}' holds {held}.",
        "需要一个包含 {members} 的 Keras 模型压缩包。但“{name}”里只有 {held}。",
    ),
    "msg.import.unpacked": (
        "Expected a model that unpacks to at most {most}. Received: '{name}' unpacks to {size}.",
        "模型解压后最多只能是 {most}。但“{name}”解压后有 {size}。",
    ),
    "msg.import.config": (
        "Expected a model description (a JSON object) in config.json. Received: {kind}.",
        "config.json 里需要模型描述（一个 JSON 对象）。但收到的是：{kind}。",
    ),
    "msg.import.code": (
        "Expected a model made of built-in Keras layers only. Received: '{name}' contains {what}, which holds "
        "Python code; for safety, models with code in them are refused and that code is never run.",
        "模型只能由 Keras 内置层组成。但“{name}”含有{what}，其中有 Python 代码；为了安全，含代码的模型"
        "一律拒绝，这些代码也绝不会运行。",
    ),
    "msg.frag.lambda_named": ("a Lambda layer ({layer})", "一个 Lambda 层（{layer}）"),
    "msg.frag.lambda": ("a Lambda layer", "一个 Lambda 层"),
    "msg.frag.function": ("a Python function", "一个 Python 函数"),
    "msg.import.custom": (
        "Expected a model made of built-in Keras layers only. Received: '{name}' uses {cls}, a custom class "
        "this app does not have (and will not import).",
        "模型只能由 Keras 内置层组成。但“{name}”用到了 {cls}，这是本应用没有（也不会导入）的自定义类。",
    ),
    "msg.import.failed": (
        "Expected a model Keras can load safely. Received: '{name}' failed to load ({error}).",
        "需要一个 Keras 能安全加载的模型。但“{name}”加载失败（{error}）。",
    ),
    "msg.import.in_out": (
        "Expected a model with one input and one output. Received: {inputs} inputs and {outputs} outputs.",
        "需要一个只有一个输入和一个输出的模型。但它有 {inputs} 个输入和 {outputs} 个输出。",
    ),
    "msg.import.input_shape": (
        "The model expects inputs of shape {expected}; the dataset '{title}' has {have}. Pick the dataset the "
        "model was made for.",
        "模型需要形状为 {expected} 的输入；数据集“{title}”的输入形状是 {have}。请选择这个模型对应的数据集。",
    ),
    "msg.import.output_shape": (
        "Expected a model that gives one row of numbers per example. Received: outputs of shape {shape}.",
        "模型应该对每个样本给出一行数字。但它的输出形状是 {shape}。",
    ),
    "msg.import.regression_outputs": (
        "The model gives {units} outputs per example; the dataset '{title}' predicts one number ({target}), so "
        "it needs 1. Pick the dataset the model was made for.",
        "模型对每个样本给出 {units} 个输出；数据集“{title}”只预测一个数（{target}），所以需要 1 个输出。"
        "请选择这个模型对应的数据集。",
    ),
    "msg.import.class_outputs": (
        "The model gives {units} outputs per example; the dataset '{title}' has {n} classes, so it needs "
        "{needs}. Pick the dataset the model was made for.",
        "模型对每个样本给出 {units} 个输出；数据集“{title}”有 {n} 个类别，所以需要 {needs}。"
        "请选择这个模型对应的数据集。",
    ),
    "msg.frag.needs_binary": (
        "1 (the probability of the second class) or 2 (one per class)",
        "1 个（第二个类别的概率）或 2 个（每个类别一个）输出",
    ),
    "msg.frag.needs_classes": ("{n} (one per class)", "{n} 个（每个类别一个）输出"),
    # --- saved runs (nncore/runs/store.py) ----------------------------------------------------
    "msg.runs.workspace": (
        "Expected a writable workspace folder for saved runs. Received: {path} ({error})",
        "保存训练记录需要一个可写的工作区文件夹。但 {path} 不可写（{error}）",
    ),
    "msg.runs.no_spec": (
        "Expected a run trained in the app (with a model spec). Received: a run without one.",
        "需要一个在本应用里训练的记录（带有模型结构）。但这个记录没有模型结构。",
    ),
    "msg.runs.deleted_while_saving": (
        "Expected to finish saving the run. Received: it was deleted while being saved.",
        "这次训练没能保存完：它在保存过程中被删除了。",
    ),
    "msg.runs.database": (
        "Expected a readable run database at {path}. Received: {error}",
        "{path} 处的训练记录数据库无法读取：{error}",
    ),
    "msg.runs.no_such_run": (
        "Expected the id of a saved run. Received: {run_id} (no such run; was it deleted?)",
        "需要一个已保存训练记录的编号。但收到的是 {run_id}（没有这条记录；是否已被删除？）",
    ),
    "msg.runs.cannot_reopen": ("Cannot reopen '{name}': {problem}", "无法重新打开“{name}”：{problem}"),
    "msg.runs.model_unreadable": (
        "Expected a readable model file for '{name}'. Received: {kind}: {error}",
        "“{name}”的模型文件无法读取：{kind}：{error}",
    ),
    "msg.runs.empty_name": (
        "Expected a name with at least one visible character. Received: an empty name",
        "名称里至少要有一个可见字符。但收到的是空名称",
    ),
    "msg.runs.long_name": (
        "Expected a name of at most {most} characters. Received: {n} characters",
        "名称最多只能有 {most} 个字符。但收到了 {n} 个字符",
    ),
    "msg.runs.still_saving": ("This run is still being saved.", "这条记录还在保存中。"),
    "msg.runs.never_finished": (
        "The save never finished (the app probably stopped while writing it), so it cannot be reopened.",
        "保存没有完成（应用很可能在写入时停止了），所以无法重新打开。",
    ),
    "msg.runs.damaged": ("Its saved details are damaged ({error}).", "它保存的详细信息已损坏（{error}）。"),
    "msg.runs.files_missing": (
        "Files missing from {folder}: {files}. It was moved or deleted outside the app.",
        "{folder} 中缺少文件：{files}。它在应用之外被移动或删除了。",
    ),
    "msg.runs.saved_data": (
        "Expected the saved data of this run in {folder}. Received: {kind}: {error}",
        "在 {folder} 中找不到这次训练保存的数据：{kind}：{error}",
    ),
}

DATASETS: dict[str, tuple[str, str]] = {
    "data.dataset.circles.title": ("Circles (2-D)", "圆环（二维）"),
    "data.dataset.circles.description": (
        "Points inside a small circle (class 1) and on a ring around it (class 0); a curved boundary is "
        "needed to separate them.",
        "小圆内的点（类别 1）和围绕它的圆环上的点（类别 0）；需要一条弯曲的边界才能把它们分开。",
    ),
    "data.dataset.xor.title": ("XOR (2-D)", "异或 XOR（二维）"),
    "data.dataset.xor.description": (
        "Points are class 0 when x1 and x2 have the same sign and class 1 otherwise; no single straight line "
        "can separate them.",
        "x1 和 x2 符号相同的点属于类别 0，否则属于类别 1；没有任何一条直线能把它们分开。",
    ),
    "data.dataset.gaussians.title": ("Two Gaussians (2-D)", "两团高斯分布（二维）"),
    "data.dataset.gaussians.description": (
        "Two clouds of points that a straight line separates, so even a network without hidden layers can "
        "learn it.",
        "两团可以用一条直线分开的点，所以即使没有隐藏层的网络也能学会。",
    ),
    "data.dataset.spiral.title": ("Spiral (2-D)", "螺旋（二维）"),
    "data.dataset.spiral.description": (
        "Two interleaved spiral arms, the hardest 2-D task: it needs several hidden layers or many units.",
        "两条交错的螺旋臂，是最难的二维任务：需要好几个隐藏层或很多神经元。",
    ),
    "data.dataset.moons.title": ("Moons (2-D)", "双月（二维）"),
    "data.dataset.moons.description": (
        "Two interleaving half circles separated by a gently curved boundary.",
        "两个相互交错的半圆，由一条略微弯曲的边界分开。",
    ),
    "data.dataset.plane.title": ("Plane (2-D regression)", "平面（二维回归）"),
    "data.dataset.plane.description": (
        "Predict a value that rises steadily across the plane, a straight-line (linear) relationship to x1 "
        "and x2.",
        "预测一个在平面上均匀上升的值，它与 x1 和 x2 呈直线（线性）关系。",
    ),
    "data.dataset.gaussian_mix.title": ("Bumps and dips (2-D regression)", "山峰与洼地（二维回归）"),
    "data.dataset.gaussian_mix.description": (
        "Predict the height of a surface made of three bumps and three dips, a curved relationship the "
        "network has to bend to fit.",
        "预测一个由三座山峰和三个洼地组成的曲面的高度，这是一种弯曲的关系，网络必须“弯曲”自己才能拟合。",
    ),
    "data.dataset.iris.title": ("Iris flowers", "鸢尾花"),
    "data.dataset.iris.description": (
        "Tell three species of iris apart from four measurements of their petals and sepals (150 flowers).",
        "根据花瓣和萼片的四项测量值区分三种鸢尾花（150 朵花）。",
    ),
    "data.dataset.wine.title": ("Wine cultivars", "葡萄酒品种"),
    "data.dataset.wine.description": (
        "Tell which of three grape cultivars a wine came from, using 13 results of its chemical analysis "
        "(178 wines).",
        "根据 13 项化学分析结果，判断一款葡萄酒来自三个葡萄品种中的哪一个（178 款酒）。",
    ),
    "data.dataset.breast_cancer.title": ("Breast cancer diagnosis", "乳腺癌诊断"),
    "data.dataset.breast_cancer.description": (
        "Diagnose a breast tumour as malignant or benign from 30 measurements of cell nuclei in a biopsy "
        "image (569 patients).",
        "根据活检图像中细胞核的 30 项测量值，判断乳腺肿瘤是恶性还是良性（569 位患者）。",
    ),
    "data.dataset.diabetes.title": ("Diabetes progression", "糖尿病进展"),
    "data.dataset.diabetes.description": (
        "Predict how far diabetes has progressed one year later from age, sex, body mass index, blood "
        "pressure and six blood measurements (442 patients).",
        "根据年龄、性别、体重指数、血压和六项血液指标，预测一年后糖尿病的进展程度（442 位患者）。",
    ),
    "data.dataset.digits.title": ("Handwritten digits (8x8)", "手写数字（8x8）"),
    "data.dataset.digits.description": (
        "Recognise handwritten digits 0-9 in small 8x8-pixel images (1,797 images, bundled, works offline).",
        "识别 8x8 像素小图中的手写数字 0-9（1,797 张图，随应用自带，可离线使用）。",
    ),
    "data.dataset.mnist.title": ("MNIST digits (28x28)", "MNIST 手写数字（28x28）"),
    "data.dataset.mnist.description": (
        "Recognise handwritten digits 0-9 in 28x28-pixel images, the classic benchmark (downloaded once, "
        "about 11 MB).",
        "识别 28x28 像素图像中的手写数字 0-9，这是经典的基准数据集（只需下载一次，约 11 MB）。",
    ),
    "data.dataset.fashion_mnist.title": ("Fashion-MNIST (28x28)", "Fashion-MNIST 服饰（28x28）"),
    "data.dataset.fashion_mnist.description": (
        "Recognise ten kinds of clothing, such as shirts, sneakers and bags, in 28x28-pixel photos "
        "(downloaded once, about 30 MB).",
        "识别 28x28 像素照片中的十种服饰，例如衬衫、运动鞋和包（只需下载一次，约 30 MB）。",
    ),
    "data.dataset.digits28.title": ("Digits 28x28 (MNIST-sized, offline)", "手写数字 28x28（MNIST 尺寸，离线）"),
    "data.dataset.digits28.description": (
        "Handwritten digits 0-9 as 28x28-pixel images, like MNIST, generated on this machine from the "
        "bundled digits (no download; up to 70,000 images).",
        "28x28 像素的手写数字 0-9 图像，和 MNIST 一样，由本机根据自带的数字生成（无需下载；最多 70,000 张）。",
    ),
    "data.dataset.digit_rows.title": ("Digits read row by row", "逐行读取的手写数字"),
    "data.dataset.digit_rows.description": (
        "Recognise handwritten digits 0-9 by reading each 8x8 image one row at a time, as a sequence of 8 "
        "steps.",
        "把每张 8x8 图像一次读一行、当作 8 步的序列，来识别手写数字 0-9。",
    ),
    "data.dataset.sine.title": ("Sine wave forecast", "正弦波预测"),
    "data.dataset.sine.description": (
        "Predict the next value of a noisy wave from the values just before it.",
        "根据一条带噪声的波形前面的几个值，预测它的下一个值。",
    ),
    "data.dataset.trend.title": ("Trend: up or down", "趋势：上升还是下降"),
    "data.dataset.trend.description": (
        "Tell whether a wobbly series is going up or down overall.",
        "判断一条上下波动的序列总体上是在上升还是下降。",
    ),
}
