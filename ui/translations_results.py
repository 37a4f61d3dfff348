"""Translation table, part 3: the Evaluate, Explain and Runs pages.

Merged into the one `ui.translations.TEXTS`; same rules (key -> (English, Simplified Chinese),
placeholders identical in both). Engine texts (nncore: verdicts, error messages, method notes,
plot titles and axis labels) are still English only.
"""

from __future__ import annotations

EVALUATE: dict[str, tuple[str, str]] = {
    "evaluate.title": ("Evaluate", "评估"),
    "evaluate.training_running": (
        "Training is running. When it ends, this page shows how good the model is.",
        "正在训练。训练结束后，这一页会显示模型的表现。",
    ),
    "evaluate.nothing_yet": (
        "Nothing to evaluate yet: train a model first, then come back here.",
        "还没有可以评估的模型：请先训练一个模型，再回到这里。",
    ),
    "evaluate.not_usable": (
        "The last training did not produce a usable model. {message} Train again first.",
        "上一次训练没有得到可用的模型。{message} 请先重新训练。",
    ),
    "evaluate.go_train": ("Go to Train", "去训练"),
    "evaluate.subject_last": ("The model trained last", "最近训练的模型"),
    "evaluate.subject_named": ("“{name}”", "模型“{name}”"),
    "evaluate.opened_model": ("The opened model", "打开的模型"),
    "evaluate.trained_in": (" Trained in {duration}.", "训练用时 {duration}。"),
    "evaluate.caption": (
        "{subject}, on **{title}**, judged on its {n} test examples (never used in training). {message}{trained}",
        "{subject}，数据是 **{title}**，用 {n} 个测试样本（训练中从未用过）来评判。{message}{trained}",
    ),
    "evaluate.other_data": (
        "The loaded data is now **{loaded}**, but this model was trained on **{trained}**; it is "
        "evaluated on its own data. Train again to evaluate a model on the loaded data.",
        "现在载入的数据是 **{loaded}**，但这个模型是在 **{trained}** 上训练的，所以用它自己的数据来评估。"
        "想在当前数据上评估，请重新训练。",
    ),
    "evaluate.take_it": ("Take it with you", "带走它"),
    "evaluate.take_it_caption": (
        "Download this model, its training history, a Python script that trains it again, or a report to share.",
        "下载这个模型、它的训练记录、一个能重新训练它的 Python 脚本，或者一份可以分享的报告。",
    ),
    "evaluate.predicting": ("Running the model on the test set…", "正在测试集上运行模型…"),
    "evaluate.diagnosis": ("Learning curves, in plain words", "用大白话读学习曲线"),
    "evaluate.no_curves": (
        "This model was not trained in the app, so it has no learning curves to read.",
        "这个模型不是在本应用里训练的，所以没有学习曲线可读。",
    ),
    "evaluate.evidence": ("The numbers behind this verdict", "这个结论背后的数字"),
    "evaluate.measure": ("measure", "指标"),
    "evaluate.value": ("value", "数值"),
    "evaluate.scores": ("Scores on the test set", "测试集上的得分"),
    "evaluate.threshold": ("Decision threshold for “{name}”", "判为“{name}”的阈值"),
    "evaluate.threshold_help": (
        "An example is called “{name}” when the model gives it a probability above this. "
        "Raise it to flag fewer examples (fewer false alarms, more misses); lower it to catch more.",
        "模型给出的概率高于这个值时，样本就被判为“{name}”。"
        "调高：标出的样本更少（误报少，漏报多）；调低：能抓住更多。",
    ),
    "evaluate.accuracy": ("Accuracy", "准确率"),
    "evaluate.accuracy_help": (
        "Share of test examples whose predicted class is the true one.",
        "预测类别与真实类别一致的测试样本所占的比例。",
    ),
    "evaluate.f1": ("Average F1", "平均 F1"),
    "evaluate.f1_help": (
        "F1 balances precision and recall for each class (1 is perfect); this is their plain average.",
        "F1 兼顾每个类别的精确率和召回率（1 为完美）；这里是各类别 F1 的简单平均。",
    ),
    "evaluate.test_loss": ("Test loss", "测试损失"),
    "evaluate.test_loss_help": ("{loss} on the test set.", "测试集上的{loss}。"),
    "evaluate.test_examples": ("Test examples", "测试样本"),
    "evaluate.test_examples_help": (
        "Examples the model never saw while training.",
        "训练时模型从未见过的样本。",
    ),
    "evaluate.confusion_shows": ("Confusion matrix shows", "混淆矩阵显示"),
    "evaluate.view_counts": ("Counts", "个数"),
    "evaluate.view_share": ("Share of each true class", "占各真实类别的比例"),
    "evaluate.confusion_help": (
        "Counts: how many test examples fall in each cell. Share: each row divided by its true-class "
        "total, so rows add up to 100% and the diagonal is each class's recall.",
        "个数：每个格子里有多少个测试样本。比例：每一行除以该真实类别的总数，"
        "所以每行加起来是 100%，对角线就是每个类别的召回率。",
    ),
    "evaluate.confusion_counts": (
        "At threshold {threshold}: {tp} true positives, {fp} false positives (false alarms), "
        "{fn} false negatives (misses), {tn} true negatives. “Positive” means “{name}”.",
        "阈值为 {threshold} 时：{tp} 个真阳性，{fp} 个假阳性（误报），{fn} 个假阴性（漏报），"
        "{tn} 个真阴性。“阳性”指“{name}”。",
    ),
    "evaluate.per_class": ("**Per class**", "**各个类别**"),
    "evaluate.precision": ("precision", "精确率"),
    "evaluate.precision_help": (
        "Of the examples called this class, the share that were.",
        "被判为这个类别的样本中，真正属于它的比例。",
    ),
    "evaluate.recall": ("recall", "召回率"),
    "evaluate.recall_help": (
        "Of the examples of this class, the share found.",
        "这个类别的样本中，被找出来的比例。",
    ),
    "evaluate.f1_column_help": ("Harmonic mean of precision and recall.", "精确率和召回率的调和平均。"),
    "evaluate.support": ("support", "样本数"),
    "evaluate.support_help": ("Test examples of this class.", "这个类别的测试样本个数。"),
    "evaluate.per_class_caption": (
        "Precision: when the model says this class, how often it is right. Recall: of this class's "
        "examples, how many it finds. F1 combines both.",
        "精确率：模型说是这个类别时，有多大比例是对的。召回率：这个类别的样本里，它找出了多少。"
        "F1 把两者结合起来。",
    ),
    "evaluate.roc_pr": ("ROC and precision-recall curves", "ROC 曲线和精确率-召回率曲线"),
    "evaluate.one_class": (
        "The test set holds only one class, so these curves cannot be drawn.",
        "测试集里只有一个类别，所以画不出这些曲线。",
    ),
    "evaluate.roc_caption_binary": (
        "Curves for class “{name}” against the other, as the threshold sweeps from 1 down to 0. AUC is "
        "the area under the ROC curve: 1 is perfect, 0.5 is guessing. AP (average precision) "
        "summarises the precision-recall curve the same way.",
        "类别“{name}”对另一类的曲线，阈值从 1 扫到 0。AUC 是 ROC 曲线下的面积：1 为完美，"
        "0.5 相当于瞎猜。AP（平均精确率）用同样的方式概括精确率-召回率曲线。",
    ),
    "evaluate.roc_caption_multi": (
        "Curves for each class against all the others (one-vs-rest), as the threshold sweeps from 1 "
        "down to 0. AUC is the area under the ROC curve: 1 is perfect, 0.5 is guessing (average over "
        "classes: {auc}). AP (average precision) summarises the precision-recall curve the same way.",
        "每个类别对其余所有类别（一对多）的曲线，阈值从 1 扫到 0。AUC 是 ROC 曲线下的面积："
        "1 为完美，0.5 相当于瞎猜（各类别平均：{auc}）。AP（平均精确率）用同样的方式概括精确率-召回率曲线。",
    ),
    "evaluate.calibration": ("Calibration", "校准"),
    "evaluate.bins": ("Bins", "分组数"),
    "evaluate.bins_help": (
        "How many equal slices of probability the test examples are grouped into.",
        "把测试样本按概率分成多少个等宽的组。",
    ),
    "evaluate.calibration_text": (
        "When a well-calibrated model says **70%**, it is right about 70% of the time: its points sit on "
        "the dotted diagonal. Points below it mean over-confidence, above it under-confidence.",
        "校准良好的模型说 **70%** 时，大约有 70% 的时候是对的：它的点落在虚线对角线上。"
        "点在对角线下方表示过于自信，在上方表示不够自信。",
    ),
    "evaluate.ece": ("Expected calibration error", "期望校准误差"),
    "evaluate.ece_help": (
        "Average gap between stated probability and how often it came true, weighted by bin size.",
        "模型给出的概率与实际命中频率之间的平均差距，按各组大小加权。",
    ),
    "evaluate.calibration_top": (
        "With several classes: the top class's probability against how often it was right.",
        "多个类别时：最高类别的概率，对比它实际猜对的频率。",
    ),
    "evaluate.not_probabilistic": (
        "This model's output layer gives scores, not probabilities (hinge loss); they were "
        "squashed into 0–1 for this chart, so read it loosely.",
        "这个模型的输出层给出的是分数而不是概率（hinge 损失）；为了画这张图把它们压缩到了 0–1，"
        "所以只能粗略地看。",
    ),
    "evaluate.mae": ("Mean absolute error", "平均绝对误差"),
    "evaluate.mae_help": ("Average size of a miss, in the units of {target}.", "平均每次偏差有多大，单位与 {target} 相同。"),
    "evaluate.rmse": ("Root mean squared error", "均方根误差"),
    "evaluate.rmse_help": (
        "Like the mean absolute error, in the units of {target}, but large misses count more.",
        "和平均绝对误差类似，单位与 {target} 相同，但大的偏差权重更大。",
    ),
    "evaluate.r2_help": (
        "Share of the target's spread the model explains: 1 is perfect, 0 is no better than "
        "always guessing the average, below 0 is worse.",
        "模型解释了目标值波动的多大比例：1 为完美，0 相当于总是猜平均值，小于 0 则更差。",
    ),
    "evaluate.units": (
        "Errors are in the original units of **{target}** (the model trains on standardised values).",
        "误差使用 **{target}** 的原始单位（模型训练时用的是标准化后的值）。",
    ),
    "evaluate.sampled": (
        "The plots show {shown} of the {n} test examples, picked at random; the scores use all.",
        "图中显示随机选出的 {shown} 个测试样本（共 {n} 个）；得分用的是全部样本。",
    ),
    "evaluate.plot_predicted": ("Predicted against true", "预测值对真实值"),
    "evaluate.plot_residuals": ("Residuals", "残差"),
    "evaluate.plot_misses": ("How big the misses are", "偏差有多大"),
    "evaluate.scatter_caption": (
        "Points on the dotted line are perfect predictions.",
        "落在虚线上的点就是完美的预测。",
    ),
    "evaluate.residuals_caption": (
        "Residual = true − predicted. A pattern (a curve, a funnel) means the model misses something systematic.",
        "残差 = 真实值 − 预测值。如果出现规律（弯曲、漏斗形），说明模型系统性地漏掉了什么。",
    ),
    # --- the error browser ---
    "evaluate.errors": ("Where the model goes most wrong", "模型错得最厉害的地方"),
    "evaluate.rank_by": ("Rank examples by", "样本排序依据"),
    "evaluate.rank_by_help": (
        "Highest loss: the examples whose true class got the least probability, right or wrong. "
        "Most confident mistakes: wrong predictions, the surest first.",
        "损失最高：真实类别得到的概率最低的样本，不论预测对错。最自信的错误：预测错了的样本，最有把握的排在前面。",
    ),
    "evaluate.ranking_loss": ("Highest loss (least probability on the true class)", "损失最高（真实类别的概率最低）"),
    "evaluate.ranking_confidence": ("Most confident mistakes", "最自信的错误"),
    "evaluate.ranking_abs_error": ("Largest absolute error", "绝对误差最大"),
    "evaluate.ranked_abs": (
        "Ranked by **absolute error**, in the units of {target}.",
        "按 **绝对误差** 排序，单位与 {target} 相同。",
    ),
    "evaluate.how_many": ("How many", "显示个数"),
    "evaluate.how_many_help": ("How many of the worst test examples to show.", "显示多少个最差的测试样本。"),
    "evaluate.no_mistakes": ("The model makes no mistakes on the test set.", "模型在测试集上没有犯错。"),
    "evaluate.gallery_images": (
        "Each image: test example number, true class → predicted class (the model's confidence).",
        "每张图：测试样本编号，真实类别 → 预测类别（模型的把握）。",
    ),
    "evaluate.gallery_sequences": (
        "Each plot: test example number, true → predicted.",
        "每张图：测试样本编号，真实值 → 预测值。",
    ),
    "evaluate.gallery_forecast": (
        "Each plot: test example number, true → predicted (after the series: the true next value and the model's guess).",
        "每张图：测试样本编号，真实值 → 预测值（序列之后：真实的下一个值和模型的猜测）。",
    ),
    "evaluate.confidence": ("confidence", "把握"),
    "evaluate.confidence_help": (
        "The probability the model gave its predicted class.",
        "模型给它预测的类别的概率。",
    ),
    "evaluate.confidence_mistake": ("confidence in mistake", "错误预测的把握"),
    "evaluate.table_caption": ("Inputs in their original units, worst first.", "输入使用原始单位，最差的排在前面。"),
    "evaluate.wrong_count": (
        "{wrong} of these {n} are mistakes; the rest were right but unsure.",
        "这 {n} 个里有 {wrong} 个是错误；其余的预测对了，但不太有把握。",
    ),
    "evaluate.explain_links": (
        "Why did the model get one of these wrong? Open it on the Explain page:",
        "模型为什么把其中某个弄错了？在“解释”页打开它：",
    ),
    "evaluate.explain_button": ("Explain #{index}", "解释 #{index}"),
}
