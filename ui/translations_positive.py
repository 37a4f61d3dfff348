"""Texts for the positive class, class weights, split shares and the whole-model views' class
and sample size (issue 14 item 5, issue 21 item 4). Merged into the one table in
ui/translations.py."""

from __future__ import annotations

POSITIVE: dict[str, tuple[str, str]] = {
    # --- the Data page's choice ------------------------------------------------------------------
    "pos.data.choice": ("Positive class (the finding to catch)", "阳性类别（要找出的那一类）"),
    "pos.data.choice_help": (
        "The class the model is meant to catch, such as “malignant” or “fraud”. Evaluate reads its "
        "mistakes from this class: a *missed case* is an example of it the model did not catch, a "
        "*false alarm* is another example called this class. The threshold, ROC and precision-recall "
        "curves and the whole-model explanations are for this class. Changing it needs no retraining.",
        "模型要找出的那一类，比如“恶性”或“欺诈”。“评估”页按这一类来读错误：*漏报*是这一类里模型没找出的"
        "样本，*误报*是被错判成这一类的其他样本。阈值、ROC 曲线、精确率-召回率曲线和整体模型解释都针对这一类。"
        "改变它不需要重新训练。",
    ),
    "pos.data.how": (
        "How it is chosen at first: a class whose name reads as the finding (malignant, yes, 1, true, "
        "positive, disease, fraud, churn…); else the other class when one name reads as nothing found "
        "(benign, no, 0, healthy…); else the rarer class.",
        "初始选择规则：名字读起来像“发现了”的类别（恶性、是、1、真、阳性、患病、欺诈、流失……）；"
        "否则，若另一个名字读起来像“没发现”（良性、否、0、健康……），就选这一个；再否则选样本更少的类别。",
    ),
    "pos.reason.name": (
        "“{name}” is positive: its name reads as the finding.",
        "“{name}”为阳性：它的名字读起来就是要找的结果。",
    ),
    "pos.reason.partner": (
        "“{name}” is positive: the other class, “{other}”, reads as nothing found.",
        "“{name}”为阳性：另一类“{other}”读起来是“没发现”。",
    ),
    "pos.reason.rarer": (
        "“{name}” is positive: it is the rarer class ({share} of the examples).",
        "“{name}”为阳性：它是较少的一类（占样本的 {share}）。",
    ),
    "pos.reason.tie": (
        "“{name}” is positive: neither name nor count tells, so the second class is taken.",
        "“{name}”为阳性：名字和数量都看不出来，所以取第二个类别。",
    ),
    "pos.reason.chosen": ("“{name}” is positive: your choice.", "“{name}”为阳性：这是你的选择。"),
    "pos.data.changed_toast": ("Positive class: {name}", "阳性类别：{name}"),
    # --- Evaluate ---------------------------------------------------------------------------------
    "pos.evaluate.confusion_counts": (
        "“Positive” means “{name}”. At threshold {threshold}: {tp} “{name}” found, {fn} missed cases "
        "(“{name}” called “{other}”), {fp} false alarms (“{other}” called “{name}”), {tn} “{other}” "
        "rightly cleared.",
        "“阳性”指“{name}”。阈值为 {threshold} 时：找出 {tp} 个“{name}”，{fn} 个漏报（“{name}”被判成“{other}”），"
        "{fp} 个误报（“{other}”被判成“{name}”），{tn} 个“{other}”判断正确。",
    ),
    "pos.mistake.missed_case": ("missed case", "漏报"),
    "pos.mistake.false_alarm": ("false alarm", "误报"),
    "pos.mistake_column": ("mistake", "错误类型"),
    "pos.mistake_column_model": ("model", "模型"),
    # --- Train: class weights -------------------------------------------------------------------
    "pos.train.class_weights": ("Weigh rare classes up", "加大稀有类别的权重"),
    "pos.train.class_weights_help": (
        "When one class is rare, a network can score well by almost never predicting it. With this "
        "on, each training example counts in inverse proportion to its class's size (scikit-learn's "
        "“balanced” weights, passed the way Keras' `class_weight` is), so mistakes on the rare class "
        "cost as much in total as mistakes on the common one. Validation and test losses stay unweighted.",
        "某一类很少时，网络几乎从不预测它也能拿到不错的分数。打开后，每个训练样本的分量与其类别的大小成反比"
        "（scikit-learn 的“balanced”权重，按 Keras `class_weight` 的方式使用），稀有类别上的错误总体上和常见类别"
        "一样“贵”。验证损失和测试损失不加权。",
    ),
    "pos.train.class_weights_offer": (
        "The rarest class, “{name}”, is {share} of the training examples: weighing rare classes up may help the model find it.",
        "最少的类别“{name}”只占训练样本的 {share}：加大稀有类别的权重，可能帮助模型找到它。",
    ),
    "pos.train.class_weights_on": (
        "Class weights: {weights}.",
        "类别权重：{weights}。",
    ),
    # --- Data: split shares (the engine's DatasetParam "split"; its label and help, word for word) ---
    "data.param.split": ("Training / validation / test shares", "训练 / 验证 / 测试比例"),
    "data.param.split.help": (
        "How the examples are divided, in percent: the network learns from the training share, "
        "checks itself on the validation share while it learns, and is judged once on the test "
        "share, which it never sees. More training data helps a small table learn; a bigger test "
        "share gives a steadier score. Classes keep their proportions in every share (stratified).",
        "样本怎样分配（百分比）：网络从训练部分学习，学习过程中用验证部分检查自己，"
        "最后在从未见过的测试部分上评判一次。训练数据多，小表格更好学；测试部分大，分数更稳定。"
        "每一部分都保持各类别的比例（分层抽样）。",
    ),
    "msg.pos.split_stratified": (
        "Split into {train} training / {val} validation / {test} test examples ({shares}, stratified by class, "
        "seed {seed})",
        "划分为 {train} 个训练样本 / {val} 个验证样本 / {test} 个测试样本（{shares}，按类别分层，随机种子 {seed}）",
    ),
    "msg.pos.split": (
        "Split into {train} training / {val} validation / {test} test examples ({shares}, seed {seed})",
        "划分为 {train} 个训练样本 / {val} 个验证样本 / {test} 个测试样本（{shares}，随机种子 {seed}）",
    ),
    # --- Explain, whole model -------------------------------------------------------------------
    "pos.global.class": (
        "Explaining the probability of “{name}”, for every sample size.",
        "解释的是“{name}”的概率，无论样本多大都一样。",
    ),
    "pos.global.class_positive": (
        "Explaining the probability of “{name}”, the positive class (chosen on the Data page), for every sample size.",
        "解释的是阳性类别“{name}”（在“数据”页选择）的概率，无论样本多大都一样。",
    ),
    "pos.global.class_choice": ("Class to explain", "要解释的类别"),
    "pos.global.class_choice_help": (
        "Whole-model views explain one class's probability, the same for every row, so the rows can be "
        "compared and added up. Pick the class whose probability you want explained.",
        "整体模型视图解释某一个类别的概率，每一行都一样，这样各行才能相互比较、加总。选择你想解释其概率的类别。",
    ),
    "pos.global.too_small": (
        "Every permutation-importance bar is zero: on these {n} rows, shuffling any one input changed "
        "no prediction's {metric}, so the chart cannot tell the inputs apart. {suggestion}",
        "置换重要性的每一根条都是 0：在这 {n} 行上，打乱任何一个输入都没有改变任何预测的{metric}，"
        "所以这张图分不出哪个输入更重要。{suggestion}",
    ),
    "pos.global.try_rows": (
        "With {rows} rows it does show differences: choose {rows} rows above and compute again.",
        "用 {rows} 行就能看出差别：在上方选择 {rows} 行，再计算一次。",
    ),
    "pos.global.no_size": (
        "Not even the whole test set ({total} rows) shows a difference: no single input matters on its own here.",
        "即使用整个测试集（{total} 行）也看不出差别：这里没有哪个输入单独起作用。",
    ),
    "pos.global.metric.accuracy": ("correctness", "对错"),
    "pos.global.metric.mse": ("error", "误差"),
}
