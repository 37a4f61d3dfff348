"""Translation table: the report card for explanations on Explain's "Which to trust?" tab.

Merged into the one `ui.translations.TEXTS`; key -> (English, Simplified Chinese), placeholders
identical in both.
"""

from __future__ import annotations

REPORT_CARD: dict[str, tuple[str, str]] = {
    "card.title": ("Report card", "成绩单"),
    "card.intro": (
        "Four more checks per method, each with a verdict: does the map depend on what the model learned "
        "(randomisation), does it stay put under tiny noise (robustness), do its amounts match what removing "
        "inputs does (faithfulness correlation), and how concentrated is it (sparseness)?",
        "每种方法再做四项检查，各给一个结论：解释图是否取决于模型学到的东西（随机化），"
        "在微小噪声下是否稳定（稳健性），归因的大小是否与移除输入后的变化相符（忠实度相关），"
        "以及它有多集中（稀疏度）？",
    ),
    "card.on": ("Grade each method", "给每种方法打分"),
    "card.on_help": (
        "Re-runs every method about ten times (on copies of the model with destroyed weights and on "
        "slightly noisy copies of the input): a second or two for a table row, a few for an image. "
        "Your model is never changed.",
        "会把每种方法再运行大约十次（在权重被打乱的模型副本上、在加了微小噪声的输入上）："
        "表格的一行需要一两秒，一张图像需要几秒。你的模型不会被改动。",
    ),
    "card.off": ("Switch on “Grade each method” to see the report card.", "打开“给每种方法打分”即可看到成绩单。"),
    "card.settings": ("Report card settings", "成绩单设置"),
    "card.samples": ("Noisy copies (robustness)", "加噪副本数（稳健性）"),
    "card.samples_help": (
        "How many slightly noisy copies of the input are explained again; the largest change counts. "
        "More copies find the worst case more surely, and take longer.",
        "对多少个加了微小噪声的输入副本重新解释；取变化最大的一个。副本越多越能找到最坏情况，但也更慢。",
    ),
    "card.radius": ("Noise size (robustness)", "噪声大小（稳健性）"),
    "card.radius_help": (
        "Each input value moves by at most this many standard deviations of the training data: small "
        "enough that the input means the same thing.",
        "每个输入值最多移动训练数据标准差的这么多倍：小到不改变输入的含义。",
    ),
    "card.runs": ("Random subsets (faithfulness)", "随机子集数（忠实度）"),
    "card.runs_help": (
        "How many random groups of a quarter of the {unit} are replaced, as in the curves above, to compare "
        "their attributions with the drop in the output. More runs give a steadier correlation; they are cheap.",
        "随机挑出四分之一的{unit}并像上面的曲线那样替换，这样做多少次，用来比较它们的归因和输出的下降。"
        "次数越多相关系数越稳定，而且代价很小。",
    ),
    "card.computing": ("Grading each method…", "正在给每种方法打分…"),
    "card.failed": ("The report card could not be made.", "无法生成成绩单。"),
    "card.col.method": ("method", "方法"),
    "card.col.randomisation": ("randomisation", "随机化"),
    "card.col.robustness": ("robustness", "稳健性"),
    "card.col.faithfulness": ("faithfulness correlation", "忠实度相关"),
    "card.col.sparseness": ("sparseness", "稀疏度"),
    "card.colhelp.randomisation": (
        "Rank correlation of the map with the map of the same model with all its weights randomised, top "
        "layer first (Adebayo et al. 2018). Lower is better; above 0.8 fails.",
        "解释图与把所有权重（从顶层开始）随机化后的同一模型的解释图之间的秩相关（Adebayo 等，2018）。"
        "越低越好；高于 0.8 即不通过。",
    ),
    "card.colhelp.robustness": (
        "Max-sensitivity (Yeh et al. 2019): the largest change of the attributions, relative to their size, "
        "over noisy copies of the input. Lower is better; above 0.5 fails.",
        "最大敏感度（Yeh 等，2019）：在加噪的输入副本上，归因变化相对于其大小的最大值。越低越好；高于 0.5 即不通过。",
    ),
    "card.colhelp.faithfulness": (
        "Faithfulness correlation (Bhatt et al. 2020): Pearson correlation between the attributions of random "
        "groups of inputs and how much the output drops when that group is removed. Higher is better; below 0.2 fails.",
        "忠实度相关（Bhatt 等，2020）：随机一组输入的归因之和，与移除这组输入后输出下降多少之间的皮尔逊相关。"
        "越高越好；低于 0.2 即不通过。",
    ),
    "card.colhelp.sparseness": (
        "Sparseness (Chalasani et al. 2020): the Gini index of the attributions' sizes, 0 (spread evenly) to "
        "1 (all on one input). 0.5 or more passes; lower is a caution, never a failure.",
        "稀疏度（Chalasani 等，2020）：归因大小的基尼系数，0（平均分散）到 1（全部集中在一个输入上）。"
        "0.5 及以上为通过；更低只是提醒，不算不通过。",
    ),
    "card.verdict.pass": ("pass", "通过"),
    "card.verdict.caution": ("caution", "注意"),
    "card.verdict.fail": ("fail", "不通过"),
    "card.verdict.n/a": ("n/a", "无法判断"),
    "card.say.all_pass": ("**{method}** passes every check.", "**{method}** 通过了所有检查。"),
    "card.say.randomisation.fail": (
        "its map barely changes when the model's weights are randomised (rank correlation {value}): it shows "
        "the input more than what the model learned",
        "模型权重被随机化后，它的解释图几乎不变（秩相关 {value}）：它显示的更多是输入本身，而不是模型学到的东西",
    ),
    "card.say.randomisation.caution": (
        "its map partly survives randomising the model's weights (rank correlation {value})",
        "模型权重被随机化后，它的解释图仍部分保留（秩相关 {value}）",
    ),
    "card.say.robustness.fail": (
        "noise too small to change the input's meaning changes its attributions a lot (by up to {value} of their size)",
        "小到不改变输入含义的噪声，就能让它的归因大幅变化（最多变化其大小的 {value}）",
    ),
    "card.say.robustness.caution": (
        "tiny noise moves its attributions noticeably (by up to {value} of their size)",
        "微小的噪声会让它的归因明显变化（最多变化其大小的 {value}）",
    ),
    "card.say.faithfulness.fail": (
        "its amounts do not predict what removing inputs does to the output (correlation {value})",
        "它给出的归因大小无法预测移除输入后输出的变化（相关系数 {value}）",
    ),
    "card.say.faithfulness.caution": (
        "its amounts only loosely follow what removing inputs does to the output (correlation {value})",
        "它给出的归因大小只是大致跟随移除输入后输出的变化（相关系数 {value}）",
    ),
    "card.say.sparseness.caution": (
        "it spreads the credit over many {unit} (Gini {value}): harder to read, or the model really uses many",
        "它把功劳分散到许多{unit}上（基尼系数 {value}）：更难解读，或者模型确实用到了很多{unit}",
    ),
    "card.say.n/a.constant": (
        "{check} cannot be judged: the map or the outputs did not vary",
        "无法判断{check}：解释图或输出没有变化",
    ),
    "card.say.n/a.custom_baseline": (
        "{check} cannot be judged: its settings cannot be repeated",
        "无法判断{check}：它的设置无法重复",
    ),
    "card.say.n/a.error": ("{check} could not be measured ({message})", "无法测量{check}（{message}）"),
    "card.say.line": ("**{method}**, to keep in mind:", "**{method}** 需要留意："),
    "card.cascade_title": (
        "Randomisation, cascading from the top layer: how much of each map survives",
        "从顶层开始逐层随机化：每张解释图还保留多少",
    ),
    "card.cascade_x": ("layers randomised so far (top first)", "已随机化的层（从顶层开始）"),
    "card.cascade_y": ("rank correlation with the original map", "与原解释图的秩相关"),
    "card.cascade_line": ("fails above 0.8", "高于 0.8 即不通过"),
    "card.notes": ("What each check can and cannot show", "每项检查能说明什么、不能说明什么"),
    "card.note.randomisation": (
        "**Randomisation** (Adebayo et al. 2018) re-explains with a copy of the model whose weights are "
        "destroyed layer by layer from the top. A map that stays the same cannot be about what the model "
        "learned. On the digits CNN, *Gradient x input* and *Integrated gradients* from a zero baseline fail "
        "it (about 0.9), as the paper found: multiplying by the input keeps the digit's outline whatever the "
        "weights. Passing does not make a map right; it rules out one way of being wrong.",
        "**随机化**（Adebayo 等，2018）：用一个从顶层开始逐层破坏权重的模型副本重新解释。"
        "一张不变的解释图不可能反映模型学到的东西。在数字 CNN 上，*梯度×输入* 和从零基线出发的 *积分梯度* "
        "都不通过（约 0.9），与论文的发现一致：乘以输入会保留数字的轮廓，无论权重如何。"
        "通过并不代表解释图正确，只排除了一种出错的方式。",
    ),
    "card.note.robustness": (
        "**Robustness** (max-sensitivity, Yeh et al. 2019) explains slightly noisy copies of the input and "
        "keeps the largest change. A jumpy map cannot be read in detail. It cannot tell whether a map is "
        "right: a map that is always the same would be perfectly robust. Gradients of ReLU networks are "
        "often jumpy; SmoothGrad averages them out.",
        "**稳健性**（最大敏感度，Yeh 等，2019）：解释若干加了微小噪声的输入副本，取最大的变化。"
        "跳动剧烈的解释图不能细读。它不能判断解释图是否正确：一张永远不变的图也会完全稳健。"
        "ReLU 网络的梯度常常跳动；SmoothGrad 会把它们平均掉。",
    ),
    "card.note.faithfulness": (
        "**Faithfulness correlation** (Bhatt et al. 2020) removes random groups of {unit} (replaced by "
        "{baseline}, as in the curves above) and checks that the attributions of each group predict the drop. "
        "It judges the amounts, where deletion curves judge the order. A method measured from another "
        "reference (integrated gradients from zeros, checked against the average) is at a disadvantage; "
        "with few {unit} or a saturated output the number is noisy.",
        "**忠实度相关**（Bhatt 等，2020）：随机移除几组{unit}（像上面的曲线一样替换为{baseline}），"
        "检查每组的归因能否预测输出的下降。它评判归因的大小，而删除曲线评判的是顺序。"
        "以另一个参照为起点的方法（例如从零出发的积分梯度，却用平均值来检查）会吃亏；"
        "{unit}很少或输出已饱和时，这个数会有噪声。",
    ),
    "card.note.sparseness": (
        "**Sparseness** (Chalasani et al. 2020) is the Gini index of the attributions' sizes: high when a "
        "few {unit} carry the explanation. Concentrated maps are easier to read, but a model that really "
        "uses every input deserves a spread-out map, so a low value is only a caution.",
        "**稀疏度**（Chalasani 等，2020）是归因大小的基尼系数：少数{unit}承担了解释时数值高。"
        "集中的解释图更容易读懂，但如果模型确实用到了每个输入，分散的解释图才是对的，所以数值低只是提醒。",
    ),
    "card.col.region": ("region perturbation", "区域扰动"),
    "card.colhelp.region": (
        "Region perturbation (Samek et al. 2017), images only: how much more the prediction drops when the "
        "regions the map points at are replaced by noise first, than in a random order (area over the curve, "
        "in the output's units). Higher is better; below 0 (no better than random) fails.",
        "区域扰动（Samek 等，2017），仅用于图像：先把解释图指向的区域替换成噪声时，预测比按随机顺序替换时多下降多少"
        "（曲线上方的面积，单位与输出相同）。越高越好；低于 0（不比随机好）即不通过。",
    ),
    "card.say.region.fail": (
        "noising the regions it points at first hurts the prediction less than a random order ({value})",
        "先把它指向的区域替换成噪声，对预测的影响反而比随机顺序还小（{value}）",
    ),
    "card.say.region.caution": (
        "noising the regions it points at first hurts the prediction only a little more than a random order ({value})",
        "先把它指向的区域替换成噪声，对预测的影响只比随机顺序大一点（{value}）",
    ),
    "card.note.region": (
        "**Region perturbation** (Samek et al. 2017), for images: squares of the image are replaced by random "
        "noise, the most relevant first, and the drop of the prediction is compared with random orders. "
        "Noise is not a value a map could have learned to ignore, unlike a black patch, but it still makes "
        "images the model never saw (ROAD, Rong et al. 2022, fills them more naturally; not done here).",
        "**区域扰动**（Samek 等，2017），用于图像：把图像中的小方块按相关性从高到低替换成随机噪声，"
        "并把预测的下降与随机顺序相比。与黑色方块不同，噪声不是解释图能学会忽略的值，"
        "但它仍然会产生模型从未见过的图像（ROAD，Rong 等 2022，会用更自然的方式填充；这里没有做）。",
    ),
    "card.note.thresholds": (
        "The pass marks are this tool's conventions (the papers define the measures, not the marks); the "
        "numbers are shown so you can judge for yourself.",
        "及格线是本工具的约定（论文只定义了度量，没有定义及格线）；数字都显示出来，你可以自己判断。",
    ),
    "card.timing": (
        "Graded in {seconds} s. Faithfulness correlation replaces {unit} by {baseline}; randomisation "
        "uses a copy of the model.",
        "打分用时 {seconds} 秒。忠实度相关把{unit}替换为{baseline}；随机化使用的是模型的副本。",
    ),
}
