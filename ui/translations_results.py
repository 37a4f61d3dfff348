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
    "evaluate.explain_links": (
        "Why did the model get one of these wrong? Open it on the Explain page:",
        "模型为什么把其中某个弄错了？在“解释”页打开它：",
    ),
    "evaluate.explain_button": ("Explain {index}", "解释 {index}"),
}

EXPLAIN: dict[str, tuple[str, str]] = {
    "explain.title": ("Explain", "解释"),
    "explain.caption": (
        "Why did the model give this answer? Each method scores how much every input pushed the "
        "prediction up (blue) or down (red). Methods that agree, and whose rankings really move the "
        "model, deserve more trust.",
        "模型为什么给出这个答案？每种方法都会给每个输入打分：它把预测往上推（蓝色）还是往下拉（红色），"
        "推拉了多少。几种方法意见一致、而且排名确实能左右模型的，更值得信任。",
    ),
    "explain.prediction_edited": (
        "**Prediction for the edited row:** {predicted} ({sure} sure) · the original row's true answer: {truth}.",
        "**修改后这一行的预测**：{predicted}（把握 {sure}）· 原来这一行的正确答案：{truth}。",
    ),
    "explain.prediction_right": (
        "**Prediction:** {predicted} ({sure} sure) · **true answer:** {truth} · the model is **right**.",
        "**预测**：{predicted}（把握 {sure}）· **正确答案**：{truth} · 模型预测**正确**。",
    ),
    "explain.prediction_wrong": (
        "**Prediction:** {predicted} ({sure} sure) · **true answer:** {truth} · the model is **wrong**.",
        "**预测**：{predicted}（把握 {sure}）· **正确答案**：{truth} · 模型预测**错误**。",
    ),
    "explain.prediction_value": (
        "**Prediction:** {value} · **true value:** {truth}",
        "**预测**：{value} · **真实值**：{truth}",
    ),
    "explain.prediction_value_edited": (
        "**Prediction for the edited row:** {value} · **true value of the original row:** {truth}",
        "**修改后这一行的预测**：{value} · **原来这一行的真实值**：{truth}",
    ),
    "explain.test_example": ("test example #{index}", "测试样本 #{index}"),
    "explain.edited": ("Edited: ", "已修改："),
    "explain.settings": ("Settings", "设置"),
    "explain.ig_steps": ("Integrated gradients: steps", "积分梯度：步数"),
    "explain.ig_steps_help": (
        "More steps: the values add up more exactly, slightly slower.",
        "步数越多：各个值加起来越精确，速度稍慢。",
    ),
    "explain.ig_baseline": ("Integrated gradients: baseline", "积分梯度：基线"),
    "explain.ig_baseline_help": (
        "The neutral input the explanation measures from.",
        "解释时用来作比较起点的“中性”输入。",
    ),
    "explain.baseline_zeros": ("zeros", "全零"),
    "explain.baseline_mean": ("training average", "训练集平均值"),
    "explain.baseline_blur": ("blurred image", "模糊后的图像"),
    "explain.lime_samples": ("LIME: samples", "LIME：采样数"),
    "explain.lime_samples_help": ("More samples: steadier LIME values, slower.", "采样越多：LIME 的值越稳定，但更慢。"),
    "explain.seed": ("Random seed", "随机种子"),
    "explain.seed_help": (
        "SHAP, LIME and SmoothGrad are random; the same seed gives the same answer.",
        "SHAP、LIME 和 SmoothGrad 带有随机性；种子相同，结果就相同。",
    ),
    "explain.explaining": ("Explaining…", "正在解释…"),
    "explain.cancel": ("Cancel", "取消"),
    "explain.cancel_help": ("Stop; methods already finished stay cached.", "停止；已经完成的方法结果会保留。"),
    "explain.running": ("Running {method} ({step} of {n})…", "正在运行 {method}（第 {step} 个，共 {n} 个）…"),
    "explain.method_failed": ("{method} could not explain this example.", "{method} 无法解释这个样本。"),
    "explain.scale_each": ("Scale each method to its largest value", "每种方法按自己的最大值缩放"),
    "explain.scale_each_help": (
        "Methods measure in different units (a probability change, a gradient, a Grad-CAM activation). "
        "Scaled, you compare where each one looks rather than how large its numbers are.",
        "各种方法的单位不同（概率的变化、梯度、Grad-CAM 激活值）。缩放之后，比较的是每种方法关注哪里，"
        "而不是它的数字有多大。",
    ),
    "explain.col.method": ("method", "方法"),
    "explain.col.explains": ("explains", "解释的输出"),
    "explain.col.model_output": ("model output", "模型输出"),
    "explain.col.sum_of_attributions": ("sum of attributions", "归因值之和"),
    "explain.col.base_value": ("base value", "基准值"),
    "explain.col.seconds": ("seconds", "秒"),
    "explain.sums_caption": (
        "For SHAP, the base value plus the sum of attributions equals the model's output; "
        "for integrated gradients, the sum equals the output minus the output at the baseline "
        "(checked in **Which to trust?**).",
        "对 SHAP 来说，基准值加上归因值之和等于模型的输出；对积分梯度来说，归因值之和等于输出减去基线处的输出"
        "（在 **该信哪个？** 里检查）。",
    ),
    "explain.waterfall_title": (
        "{method}: from the average answer to this one (values in original units)",
        "{method}：从平均答案到这个答案（数值为原始单位）",
    ),
    "explain.pin": ("Pin {method} to report", "把 {method} 加入报告"),
    "explain.pin_help": ("Adds this explanation to the run's HTML report.", "把这个解释加入这次训练的 HTML 报告。"),
    "explain.pinned": ("Pinned {method} to the report.", "已把 {method} 加入报告。"),
    "explain.whatif": ("What if? Change this example's values", "如果……会怎样？修改这个样本的值"),
    "explain.methods": ("Methods", "解释方法"),
    "explain.methods_help": (
        "Gradient methods are instant; SHAP and LIME try thousands of variations of the "
        "input and take longer. Results are kept, so switching back is instant.",
        "梯度类方法瞬间完成；SHAP 和 LIME 要尝试成千上万种输入的变化，耗时更长。"
        "结果会保留，所以切换回来时不用等。",
    ),
    "explain.explain": ("Explain", "解释"),
    "explain.methods_guide": ("What each method shows, and when it misleads", "每种方法显示什么，什么时候会误导"),
    "explain.misleads": ("When it misleads:", "何时会误导："),
    "explain.pick_one": ("Pick at least one method.", "请至少选择一种方法。"),
    "explain.press_explain": (
        "Press **Explain** to run the chosen methods on this example.",
        "按 **解释**，用选中的方法解释这个样本。",
    ),
    "explain.other_data": (
        "Explaining your last trained model, on **{title}**.",
        "正在解释你最近训练的模型，数据是 **{title}**。",
    ),
    "explain.tab_example": ("This example", "这个样本"),
    "explain.tab_trust": ("Which to trust?", "该信哪个？"),
    "explain.tab_whole": ("Whole model", "整个模型"),
    "explain.no_run": ("Train a model first; its explanations appear here.", "请先训练一个模型，它的解释会显示在这里。"),
    "explain.preparing": ("Preparing the model for explanations…", "正在为解释准备模型…"),
    # --- picking the example ---
    "explain.filter": ("Examples to choose from", "从哪些样本中选"),
    "explain.filter_all": ("All test examples", "全部测试样本"),
    "explain.filter_misclassified": ("Only mistakes", "只看预测错的"),
    "explain.filter_class": ("One true class", "某个真实类别"),
    "explain.filter_help": ("Mistakes are often the most instructive to explain.", "解释预测错的样本往往最有启发。"),
    "explain.true_class": ("True class", "真实类别"),
    "explain.no_match": ("No test example matches this choice.", "没有符合这个条件的测试样本。"),
    "explain.example": ("Example (1 to {n})", "样本（1 到 {n}）"),
    "explain.example_help": (
        "Step through the matching test examples, which the model never saw during training.",
        "逐个浏览符合条件的测试样本；训练时模型从未见过它们。",
    ),
    "explain.gallery": ("Pick from a gallery", "从图库中挑选"),
    "explain.gallery_page": ("Gallery page", "图库页"),
    "explain.gallery_range": ("examples {first}–{last}", "第 {first}–{last} 个样本"),
    "explain.pick": ("Pick", "选择"),
    # --- what if? ---
    "explain.whatif_caption": (
        "Values in the data's original units. Change any, then **Apply**: the prediction and "
        "the explanations below are recomputed for the edited row.",
        "数值为数据的原始单位。随意修改后按 **应用**：会为修改后的这一行重新计算预测和下面的解释。",
    ),
    "explain.apply": ("Apply", "应用"),
    "explain.back": ("Back to the test values", "恢复测试样本的原值"),
    "explain.one_hot": (
        "One-hot columns made from text keep this row's values: {columns}.",
        "由文本生成的独热编码列保留这一行原来的值：{columns}。",
    ),
    # --- which to trust? ---
    "explain.trust_first": (
        "Explain an example first (in **This example**); the checks of its explanations appear here.",
        "请先解释一个样本（在 **这个样本** 里）；对这些解释的检查会显示在这里。",
    ),
    "explain.unit_tabular": ("features", "特征"),
    "explain.unit_image": ("pixels", "像素"),
    "explain.unit_sequence": ("time steps", "时间步"),
    "explain.agree": ("Do the methods agree?", "各种方法意见一致吗？"),
    "explain.pick_two": ("Pick two or more methods to compare their rankings.", "选择两种或更多方法，才能比较它们的排名。"),
    "explain.top_k": ("Top-k: how many of the most important {unit} to compare", "前 k 名：比较多少个最重要的{unit}"),
    "explain.agree_caption": (
        "**Rank correlation** compares the whole ordering: 1 means the same order, 0 unrelated, −1 reversed. "
        "**Top-{k} overlap** is the share of each method's {k} most important {unit} that the other also puts "
        "in its top. Methods that agree point at the same evidence; when they disagree, trust the one "
        "that passes the faithfulness test below. Saliency and SmoothGrad drop the sign, so they can "
        "disagree on rank correlation while finding the same top features.",
        "**秩相关**比较整个排序：1 表示顺序相同，0 表示毫无关系，−1 表示完全相反。"
        "**前 {k} 名重合度**是一种方法最重要的 {k} 个{unit}中，另一种方法也排进前列的比例。"
        "意见一致的方法指向同样的证据；意见不一致时，相信能通过下面忠实度检验的那一种。"
        "Saliency 和 SmoothGrad 去掉了正负号，所以它们可能在秩相关上不一致，却找到同样的重要特征。",
    ),
    "explain.faithful": ("Does the ranking move the model?", "这个排名真的能左右模型吗？"),
    "explain.removed_by": ("Removed {unit} are replaced by", "被移除的{unit}替换为"),
    "explain.removed_mean": ("the training average", "训练集平均值"),
    "explain.removed_zeros": ("zero", "零"),
    "explain.removed_help": (
        "What 'removing' means: the average is a neutral value for tables; zero is a black pixel for images.",
        "“移除”的含义：对表格来说，平均值是中性的值；对图像来说，零就是黑色像素。",
    ),
    "explain.faithful_text": (
        "A faithful ranking makes the prediction **drop fast when its top features are removed** (lower "
        "deletion area is better) and **rise fast when they are put back first** (higher insertion area is "
        "better). The grey dashed line is a random order: a method that does not beat it explains "
        "nothing about this prediction. Here the fastest drop comes from **{method}** "
        "(deletion area {area}, random {random}).",
        "忠实的排名会让预测**在移除最重要的特征时迅速下降**（删除曲线面积越小越好），"
        "并且**在先放回它们时迅速上升**（插入曲线面积越大越好）。灰色虚线是随机顺序："
        "比不过它的方法，对这个预测什么也没解释。这里下降最快的是 **{method}**"
        "（删除面积 {area}，随机顺序 {random}）。",
    ),
    "explain.add_up": ("Do the numbers add up?", "数字加得起来吗？"),
    "explain.add_up_none": (
        "Add Kernel SHAP, Permutation SHAP or Integrated gradients: their values promise to add up, "
        "which can be checked.",
        "加入 Kernel SHAP、Permutation SHAP 或积分梯度：它们的值保证能加起来，这一点可以检查。",
    ),
    "explain.yes": ("yes", "是"),
    "explain.no": ("no", "否"),
    "explain.col.promise": ("promise", "保证"),
    "explain.col.should_sum_to": ("should sum to", "应加起来等于"),
    "explain.col.sums_to": ("sums to", "实际加起来"),
    "explain.col.error": ("error", "误差"),
    "explain.col.relative_error": ("relative error", "相对误差"),
    "explain.col.holds": ("holds", "成立"),
    "explain.col.note": ("note", "备注"),
    "explain.add_up_caption": (
        "SHAP promises that the base value (the average answer) plus all the values equals this answer; "
        "integrated gradients that its values add up to this answer minus the answer at the baseline. "
        "A large error means too few samples or steps: raise them in the settings before trusting the values.",
        "SHAP 保证：基准值（平均答案）加上所有值等于这个答案；积分梯度保证：它的值加起来等于这个答案减去基线处的答案。"
        "误差很大说明采样或步数太少：先在设置里调高，再相信这些值。",
    ),
    # --- whole model ---
    "explain.g_shap_start": ("SHAP for {n} test rows…", "正在为 {n} 行测试数据计算 SHAP…"),
    "explain.g_perm_start": ("Permutation importance…", "正在计算置换重要性…"),
    "explain.g_shap_progress": ("SHAP: {done} of {total} test rows done", "SHAP：已完成 {done}/{total} 行测试数据"),
    "explain.g_perm_progress": (
        "Permutation importance: {done} of {total} inputs shuffled",
        "置换重要性：已打乱 {done}/{total} 个输入",
    ),
    "explain.g_caption": (
        "Which inputs matter to the model overall, not just for one example: SHAP values of many test "
        "rows summarised, and how much accuracy (or error) suffers when one input is shuffled.",
        "整体上哪些输入对模型重要，而不只是对某一个样本：汇总许多测试行的 SHAP 值，"
        "并看打乱某个输入后准确率（或误差）受多大影响。",
    ),
    "explain.g_no_shap": (
        "With {n} inputs per example, SHAP for many rows takes minutes, so only permutation importance "
        "is computed here; explain single examples for SHAP.",
        "每个样本有 {n} 个输入，为许多行计算 SHAP 要好几分钟，所以这里只计算置换重要性；"
        "想看 SHAP，请解释单个样本。",
    ),
    "explain.g_rows": ("Test rows in the sample", "抽样的测试行数"),
    "explain.g_rows_help": (
        "More rows: steadier averages, longer wait (about 0.05 s per row for a table).",
        "行数越多：平均值越稳定，等待越久（表格数据每行约 0.05 秒）。",
    ),
    "explain.g_compute": ("Compute", "计算"),
    "explain.g_cancel_help": ("Stops the computation; nothing half-done is kept.", "停止计算；做了一半的结果不会保留。"),
    "explain.g_cancelled": ("Cancelled: nothing was kept.", "已取消：没有保留任何结果。"),
    "explain.g_failed": ("The whole-model views could not be computed.", "无法计算整个模型的视图。"),
    "explain.g_press": (
        "Press **Compute** to see the whole-model views for this sample size.",
        "按 **计算**，查看这个抽样规模下整个模型的视图。",
    ),
    "explain.g_sample": (
        "Computed on a seeded sample of **{n} test rows** (of {total}).",
        "基于固定种子抽取的 **{n} 行测试数据**（共 {total} 行）计算。",
    ),
    "explain.g_shap_title": (
        "Mean |SHAP| over {n} rows: how much each input moves the answer",
        "{n} 行的平均 |SHAP|：每个输入让答案变化多少",
    ),
    "explain.g_beeswarm_title": (
        "SHAP summary: one dot per row, coloured by the input's value",
        "SHAP 汇总：每行一个点，颜色表示输入值的大小",
    ),
    "explain.g_beeswarm_caption": (
        "Dots to the right pushed the answer up; colour shows whether the input was high or low in that row. "
        "All rows explain the same output ({output}).",
        "靠右的点把答案往上推；颜色表示这一行里该输入是高还是低。所有行解释的都是同一个输出（{output}）。",
    ),
    "explain.g_dependence": ("Dependence plot for", "依赖图：选择输入"),
    "explain.g_dependence_caption": (
        "How this input's SHAP value changes with its value (standardized units): a trend shows its effect, "
        "a vertical spread shows it interacts with other inputs.",
        "这个输入的 SHAP 值怎样随它的取值（标准化单位）变化：趋势显示它的作用，竖直方向的分散说明它与其他输入有交互。",
    ),
    "explain.g_perm_title": ("Permutation importance over {n} rows", "{n} 行上的置换重要性"),
    "explain.g_perm_caption": (
        "Shuffling an input's column breaks its link with the answer; the bigger the loss, the more the model "
        "relies on it. Correlated inputs can cover for each other and both look unimportant.",
        "打乱某个输入的那一列，就切断了它和答案的联系；损失越大，说明模型越依赖它。"
        "相关的输入可以互相替补，结果两个看起来都不重要。",
    ),
    "explain.g_shap_pixels": ("Mean |SHAP| per pixel over {n} images", "{n} 张图像上每个像素的平均 |SHAP|"),
    "explain.g_mean_shap": ("mean |SHAP|", "平均 |SHAP|"),
    "explain.g_accuracy_lost": ("accuracy lost", "准确率损失"),
    "explain.g_error_added": ("error added", "误差增加"),
    "explain.g_perm_pixels": (
        "Permutation importance per pixel over {n} images",
        "{n} 张图像上每个像素的置换重要性",
    ),
    "explain.g_pixels_caption": (
        "Darker pixels matter more to the model across many images. Shuffling a pixel across images breaks its "
        "link with the answer; the accuracy lost measures how much the model relies on it.",
        "在许多图像上，颜色越深的像素对模型越重要。在图像之间打乱某个像素，就切断了它和答案的联系；"
        "准确率损失衡量模型有多依赖它。",
    ),
}

RUNS: dict[str, tuple[str, str]] = {
    "runs.title": ("Runs", "训练记录"),
    "runs.workspace_hint": (
        "Set the NNX_WORKSPACE environment variable to a folder this server can write to.",
        "请把环境变量 NNX_WORKSPACE 设为这台服务器可以写入的文件夹。",
    ),
    "runs.caption": (
        "Every training is saved here when it ends (finished, stopped or diverged), in the workspace "
        "`{path}`. The list is shared by everyone using this server and survives refreshes and restarts.",
        "每次训练结束时（完成、停止或发散）都会保存在这里，位于工作区 `{path}`。"
        "这个列表由使用这台服务器的所有人共享，刷新页面或重启服务器后依然保留。",
    ),
    "runs.none": (
        "No saved runs yet: train a model on the Train page and it appears here when training ends.",
        "还没有保存的训练：在“训练”页训练一个模型，训练结束后就会出现在这里。",
    ),
    "runs.select_hint": (
        "Select one run to reopen, rename or delete it; select two or more to compare them. "
        "Click a column's header to sort by it.",
        "选中一次训练可以重新打开、重命名或删除它；选中两次或更多可以比较它们。点击列标题可以按该列排序。",
    ),
    # --- the table ---
    "runs.state_finished": ("finished", "已完成"),
    "runs.state_stopped": ("stopped early", "提前停止"),
    "runs.state_diverged": ("diverged (NaN loss)", "发散（损失为 NaN）"),
    "runs.col.name": ("name", "名称"),
    "runs.col.name_help": ("Yours to change: select the run, then Rename.", "可以修改：选中这次训练，然后点“重命名”。"),
    "runs.col.status": ("status", "状态"),
    "runs.col.status_help": (
        "How training ended (finished, stopped early, diverged); for a grey row, why it cannot be reopened.",
        "训练是怎样结束的（完成、提前停止、发散）；灰色的行说明它为什么不能重新打开。",
    ),
    "runs.col.dataset": ("dataset", "数据集"),
    "runs.col.model": ("model", "模型"),
    "runs.col.epochs": ("epochs", "轮次"),
    "runs.col.test_accuracy": ("test accuracy", "测试准确率"),
    "runs.col.test_accuracy_help": ("Share of the test examples classified correctly.", "分类正确的测试样本所占的比例。"),
    "runs.col.test_mae": ("test MAE", "测试 MAE"),
    "runs.col.test_mae_help": (
        "Mean absolute error on the test set, in standardised units of the target (lower is better).",
        "测试集上的平均绝对误差，单位是目标值标准化后的单位（越低越好）。",
    ),
    "runs.col.saved": ("saved", "保存时间"),
    "runs.col.saved_help": ("When the run was saved (this server's local time).", "这次训练保存的时间（服务器本地时间）。"),
    "runs.grey": ("Grey runs cannot be reopened: ", "灰色的训练无法重新打开："),
    "runs.cannot_reopen": ("This run cannot be reopened: {problem}", "这次训练无法重新打开：{problem}"),
    "runs.reopen": ("Reopen", "重新打开"),
    "runs.reopen_help": (
        "Make this the current model on every page (Evaluate, Explain, Inside).",
        "把它设为所有页面（评估、解释、网络内部）上的当前模型。",
    ),
    "runs.reopen_stops": ("The training that is running now will be stopped.", "正在进行的训练会被停止。"),
    "runs.delete": ("Delete…", "删除…"),
    "runs.delete_help": (
        "Remove the run and its model file from the workspace (asks first).",
        "从工作区删除这次训练及其模型文件（会先询问）。",
    ),
    "runs.new_name": ("New name", "新名称"),
    "runs.rename": ("Rename", "重命名"),
    "runs.renamed": ("Renamed to “{name}”.", "已重命名为“{name}”。"),
    "runs.confirm_delete": (
        "Delete “{name}” for good? Its model file is removed from the workspace, for every user of "
        "this server. A model you have open keeps working until you open another.",
        "永久删除“{name}”吗？它的模型文件会从工作区删除，这台服务器的所有用户都将看不到它。"
        "你已经打开的模型在打开另一个之前仍然可以使用。",
    ),
    "runs.yes_delete": ("Yes, delete it", "是的，删除"),
    "runs.loading": ("Loading “{name}” (its model and its data)…", "正在载入“{name}”（模型和数据）…"),
    "runs.deleted": ("Deleted “{name}”.", "已删除“{name}”。"),
    # --- the current model ---
    "runs.label_imported": ("“{name}”, imported from {file}", "“{name}”，从 {file} 导入"),
    "runs.a_file": ("a file", "一个文件"),
    "runs.label_saved": ("“{name}”, a saved run", "“{name}”，一次保存的训练"),
    "runs.label_latest": ("the latest training ({title})", "最近一次训练（{title}）"),
    "runs.opened": (
        "Opened “{name}”: it is now the current model on every page.",
        "已打开“{name}”：它现在是所有页面上的当前模型。",
    ),
    "runs.evaluate_it": ("Evaluate it", "评估它"),
    "runs.explain_it": ("Explain its predictions", "解释它的预测"),
    "runs.look_inside": ("Look inside", "看看网络内部"),
    "runs.current": ("**Current model:** {label}, on {title}.", "**当前模型**：{label}，数据是 {title}。"),
    "runs.downloads": (
        "Download the current model, its history, a script or a report",
        "下载当前模型、训练记录、脚本或报告",
    ),
    "runs.saving": ("Saving the latest run…", "正在保存最近一次训练…"),
    # --- comparing ---
    "runs.comparing": ("Comparing {n} runs", "比较 {n} 次训练"),
    "runs.left_out": ("Left out (cannot be read): ", "已略过（无法读取）："),
    "runs.select_two": (
        "Select at least two runs that are not greyed out to compare them.",
        "请至少选中两次不是灰色的训练来比较。",
    ),
    "runs.loss_mixed": ("Loss (different losses: compare with care)", "损失（损失函数不同：比较时要小心）"),
    "runs.metric": ("Metric", "指标"),
    "runs.metric_accuracy": ("Accuracy", "准确率"),
    "runs.metric_mae": ("Mean absolute error", "平均绝对误差"),
    "runs.metric_mixed": ("Metric (accuracy or MAE)", "指标（准确率或 MAE）"),
    "runs.log_axis": ("Logarithmic loss axis", "损失轴用对数刻度"),
    "runs.log_axis_help": (
        "Spreads out small losses, so late-training differences are visible.",
        "把较小的损失拉开，这样训练后期的差别也看得见。",
    ),
    "runs.curves_caption": (
        "One colour per run; solid lines are training data, dashed lines validation data. "
        "Where a dashed line rises while its solid line keeps falling, that run overfits.",
        "每次训练一种颜色；实线是训练数据，虚线是验证数据。如果虚线上升而对应的实线还在下降，这次训练就过拟合了。",
    ),
    "runs.scores": ("**Scores**", "**得分**"),
    "runs.col.run": ("run", "训练"),
    "runs.col.best_epoch": ("best epoch", "最佳轮次"),
    "runs.col.metric": ("metric", "指标"),
    "runs.col.parameters": ("parameters", "参数"),
    "runs.col.training_loss": ("training loss", "训练损失"),
    "runs.col.validation_loss": ("validation loss", "验证损失"),
    "runs.col.best_validation_loss": ("best validation loss", "最佳验证损失"),
    "runs.col.test_loss": ("test loss", "测试损失"),
    "runs.col.test_metric": ("test metric", "测试指标"),
    "runs.col.seconds": ("training time (s)", "训练用时（秒）"),
    "runs.last_epoch": ("At the last epoch.", "最后一个轮次的值。"),
    "runs.test_metric_help": (
        "Accuracy (share correct) for classification, mean absolute error for regression.",
        "分类任务是准确率（答对的比例），回归任务是平均绝对误差。",
    ),
    "runs.different": ("**What is different**", "**有什么不同**"),
    "runs.same_settings": (
        "These runs have the same data, model and training settings, seed included, so any difference "
        "in their scores comes from where they stopped (or from a GPU's non-deterministic arithmetic).",
        "这些训练的数据、模型和训练设置（包括随机种子）都相同，所以得分上的差别来自停止的位置"
        "（或者 GPU 运算的不确定性）。",
    ),
    "runs.col.setting": ("setting", "设置"),
    "runs.different_caption": (
        "Only the settings that are not the same in every run; “—” marks a layer a run does not have.",
        "只列出各次训练中不完全相同的设置；“—”表示这次训练没有这一层。",
    ),
    # --- importing ---
    "runs.import": ("Import a model trained elsewhere", "导入在别处训练的模型"),
    "runs.import_text": (
        "Upload a Keras 3 model saved with `model.save(\"model.keras\")` (at most {max_mb} MB). For safety "
        "it is loaded in Keras's safe mode: models with Lambda layers or custom code are refused and their code "
        "never runs. It must take the chosen data's inputs and give one output per class (or one number).",
        "上传用 `model.save(\"model.keras\")` 保存的 Keras 3 模型（最大 {max_mb} MB）。为了安全，"
        "它会以 Keras 的安全模式载入：含有 Lambda 层或自定义代码的模型会被拒绝，其中的代码永远不会运行。"
        "模型的输入必须与所选数据相符，并且每个类别给出一个输出（或者给出一个数值）。",
    ),
    "runs.import_file": ("Model file (.keras)", "模型文件（.keras）"),
    "runs.import_loaded": ("The loaded data: {title}", "当前载入的数据：{title}"),
    "runs.import_on": ("Evaluate it on", "用这些数据评估"),
    "runs.import_on_help": (
        "The model sees this data as the app prepares it: tabular features standardised with the training "
        "split's mean and spread, images scaled to 0–1. A model trained on differently prepared data will score badly.",
        "模型看到的是本应用处理过的数据：表格特征用训练集的均值和标准差做了标准化，图像缩放到 0–1。"
        "用不同方式处理的数据训练出来的模型，得分会很差。",
    ),
    "runs.import_go": ("Import and open", "导入并打开"),
    "runs.import_loading": ("Checking and loading the model…", "正在检查并载入模型…"),
    "runs.import_failed": ("The model could not be imported ({error}).", "无法导入模型（{error}）。"),
    # --- downloads (Evaluate and Runs pages) ---
    "runs.dl_model": ("Model (.keras)", "模型（.keras）"),
    "runs.dl_model_help": (
        "The trained network in Keras's own format. Load it in Python with "
        "`keras.saving.load_model(\"file.keras\")`, or bring it back into this app on the Runs page.",
        "Keras 自己格式的训练好的网络。在 Python 里用 `keras.saving.load_model(\"file.keras\")` 载入，"
        "或者在“训练记录”页把它导入回本应用。",
    ),
    "runs.dl_history": ("History (.csv)", "训练记录（.csv）"),
    "runs.dl_history_help": (
        "Loss and metric for every epoch, on training and validation data, for a spreadsheet. "
        "Names that look like spreadsheet formulas are quoted so they never run.",
        "每个轮次在训练和验证数据上的损失和指标，可用电子表格打开。像公式的名称会加上引号，所以永远不会被执行。",
    ),
    "runs.dl_no_history": (
        "This model has no training history (it was not trained in the app).",
        "这个模型没有训练记录（它不是在本应用里训练的）。",
    ),
    "runs.dl_script": ("Python script (.py)", "Python 脚本（.py）"),
    "runs.dl_script_help": (
        "A standalone script that rebuilds the data, the model and the settings with Keras and trains it "
        "the way the app did: run `python file.py` and it reaches the same final validation loss (on a CPU).",
        "一个独立的脚本，用 Keras 重建数据、模型和设置，并按本应用的方式训练：运行 `python file.py`，"
        "就能得到相同的最终验证损失（在 CPU 上）。",
    ),
    "runs.dl_report": ("Report (.html)", "报告（.html）"),
    "runs.dl_report_help": (
        "One web page with the data, the model, the training settings, the learning curves and the "
        "evaluation figures (interactive, works offline), plus the {n} explanations you pinned on the Explain page.",
        "一个网页，包含数据、模型、训练设置、学习曲线和评估图表（可交互，离线可用），"
        "以及你在“解释”页加入的 {n} 个解释。",
    ),
    "runs.dl_report_help_one": (
        "One web page with the data, the model, the training settings, the learning curves and the "
        "evaluation figures (interactive, works offline), plus the {n} explanation you pinned on the Explain page.",
        "一个网页，包含数据、模型、训练设置、学习曲线和评估图表（可交互，离线可用），"
        "以及你在“解释”页加入的 {n} 个解释。",
    ),
}

# What each explanation method shows and when it misleads (nncore.explain.methods.METHODS);
# shown translated only while the English matches the engine's word for word.
EXPLAIN_METHODS: dict[str, tuple[str, str]] = {
    "explain.method.saliency.desc": (
        "How strongly the answer would react to a tiny nudge of each input: big means sensitive.",
        "把每个输入轻轻推一下，答案会有多大反应：反应大就说明敏感。",
    ),
    "explain.method.saliency.caveat": (
        "Shows sensitivity, not contribution: an input can matter a lot and still have a small "
        "gradient (a saturated neuron), and the sign is dropped. Often noisy for images.",
        "显示的是敏感度，而不是贡献：一个输入可能很重要，梯度却很小（神经元饱和了），而且正负号被去掉了。"
        "用在图像上往往噪声很多。",
    ),
    "explain.method.gradient_x_input.desc": (
        "Sensitivity times the input's value: a quick estimate of each input's share, measured from zero.",
        "敏感度乘以输入的值：快速估计每个输入所占的份额，以零为起点来衡量。",
    ),
    "explain.method.gradient_x_input.caveat": (
        "An input equal to zero always gets zero, even if it matters; only exact for straight-line models.",
        "等于零的输入永远得零分，即使它很重要；只有对线性模型才是精确的。",
    ),
    "explain.method.integrated_gradients.desc": (
        "Walks from a neutral reference input (the baseline) to this one and adds up the gradients on "
        "the way; the shares add up to the change in the answer.",
        "从一个中性的参考输入（基线）走到这个输入，把一路上的梯度加起来；各个份额加起来正好等于答案的变化。",
    ),
    "explain.method.integrated_gradients.caveat": (
        "The answer depends on the baseline you choose (all zeros, the average, a blurred image): "
        "it explains the difference from that reference, nothing else. Too few steps break the sum.",
        "结果取决于你选的基线（全零、平均值、模糊图像）：它解释的只是与这个参考的差别。步数太少，加和就对不上。",
    ),
    "explain.method.smoothgrad.desc": (
        "Saliency averaged over many slightly noisy copies of the input: less speckle, same idea.",
        "对输入的许多略带噪声的副本求 Saliency 再取平均：斑点更少，思路相同。",
    ),
    "explain.method.smoothgrad.caveat": (
        "Like saliency it shows sensitivity without sign; the noise level changes the picture.",
        "和 Saliency 一样，它显示不带正负号的敏感度；噪声大小会改变结果。",
    ),
    "explain.method.grad_cam.desc": (
        "Where the last convolution layer found evidence for the answer, as a coarse heat map.",
        "最后一个卷积层在哪里找到了支持这个答案的证据，画成一张粗略的热力图。",
    ),
    "explain.method.grad_cam.caveat": (
        "Coarse: its resolution is that of the last convolution layer, and it only shows evidence for "
        "the class, never against it. Its numbers are in other units than the other methods'.",
        "比较粗略：分辨率就是最后一个卷积层的分辨率，而且只显示支持这个类别的证据，从不显示反对的证据。"
        "它的数值单位与其他方法不同。",
    ),
    "explain.method.occlusion.desc": (
        "Hides a small square at every position and measures how much the answer drops.",
        "在每个位置遮住一个小方块，测量答案下降了多少。",
    ),
    "explain.method.occlusion.caveat": (
        "Hiding a patch makes an unnatural image the model never saw; the patch size decides what "
        "can be found (a thin stroke under a big patch is blurred together with its neighbours).",
        "遮住一块会得到一张模型从没见过的不自然的图像；方块大小决定了能找到什么"
        "（大方块下的一道细笔画会和周围混在一起）。",
    ),
    "explain.method.kernel_shap.desc": (
        "Shapley values: each input's fair share of the difference between this answer and the "
        "average answer, estimated by trying many subsets of inputs.",
        "Shapley 值：这个答案与平均答案之间的差别里，每个输入公平应得的一份；通过尝试许多输入子集来估计。",
    ),
    "explain.method.kernel_shap.caveat": (
        "An estimate from random subsets; inputs that move together (correlated features) share "
        "credit in ways that can surprise, because SHAP replaces them independently.",
        "这是用随机子集得到的估计；一起变化的输入（相关的特征）分配功劳的方式可能出人意料，"
        "因为 SHAP 是把它们各自独立替换的。",
    ),
    "explain.method.permutation_shap.desc": (
        "Shapley values from adding the inputs one by one in random orders; the shares add up exactly "
        "to this answer minus the average answer.",
        "按随机顺序一个一个加入输入，得到 Shapley 值；各份额加起来正好等于这个答案减去平均答案。",
    ),
    "explain.method.permutation_shap.caveat": (
        "Measured against a sample of training rows (the background): a different background "
        "gives different values. Same caution as Kernel SHAP for correlated features.",
        "以一批训练样本（背景数据）为参照来衡量：换一批背景数据，数值就会不同。对相关特征的提醒与 Kernel SHAP 相同。",
    ),
    "explain.method.gradient_shap.desc": (
        "Integrated gradients averaged over many training examples as references "
        "(SHAP's GradientExplainer).",
        "以许多训练样本为参考，对积分梯度取平均（SHAP 的 GradientExplainer）。",
    ),
    "explain.method.gradient_shap.caveat": (
        "Random: shares add up only roughly, and a small sample gives grainy maps.",
        "带有随机性：各份额加起来只是大致相等，样本少时图会很粗糙。",
    ),
    "explain.method.lime_tabular.desc": (
        "Fits a simple straight-line model to the network's answers on many random variations of this row.",
        "在这一行数据的许多随机变体上，用一个简单的线性模型去拟合网络的回答。",
    ),
    "explain.method.lime_tabular.caveat": (
        "Values describe the simple model, not the network, and only near this row; they change "
        "with the random seed and the number of samples. Check that methods agree before trusting it.",
        "这些值描述的是那个简单模型，而不是网络，而且只在这一行附近有效；它们会随随机种子和采样数变化。"
        "相信它之前，先看看各种方法是否一致。",
    ),
    "explain.method.lime_image.desc": (
        "Fits a simple model to the answers when random squares of the image are switched off.",
        "随机关掉图像中的一些方块，用一个简单模型去拟合网络的回答。",
    ),
    "explain.method.lime_image.caveat": (
        "Only as fine as the squares it switches off; blacked-out images are unlike real ones.",
        "精细程度取决于关掉的方块大小；涂黑了的图像和真实图像不一样。",
    ),
    "explain.method.lime_sequence.desc": (
        "Fits a simple model to the answers when random time steps are hidden.",
        "随机隐藏一些时间步，用一个简单模型去拟合网络的回答。",
    ),
    "explain.method.lime_sequence.caveat": (
        "Hidden steps are replaced by the average series, which may not be a realistic series.",
        "被隐藏的时间步用平均序列代替，而平均序列未必是一条真实的序列。",
    ),
}
