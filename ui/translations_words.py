"""Issue 18, items 1 and 2: what each bundled table's inputs mean, and an explanation in sentences.

FEATURES: `feat.<dataset>.<feature>` (ui/feature_keys.py) -> what the column measures and its
unit, in plain words. Typical ranges are not written here: they are computed from the data
(nncore/data/feature_ranges.py) and shown beside these words.

Sources of the meanings (scikit-learn 1.9's dataset descriptions, `load_*().DESCR`, which
quote the UCI repository's):
- breast cancer: "Breast cancer Wisconsin (diagnostic) dataset": ten measurements of the cell
  nuclei in a digitised image of a fine needle aspirate, each as mean, standard error and
  "worst" (mean of the three largest values). The source gives no units: sizes are in the
  image's own units, so the words say so rather than guess millimetres.
- iris: lengths and widths in centimetres (Fisher, 1936).
- wine: 13 results of a chemical analysis of Italian wines (Forina et al., PARVUS); no units given.
- diabetes: Efron, Hastie, Johnstone & Tibshirani (2004), "Least Angle Regression"; age in
  years, the blood measurements as in the study (no units given), unscaled here.
"""

from __future__ import annotations

# --- breast cancer: ten measurements x three summaries over the nuclei of one image ---------------
_NUCLEUS = {
    # measurement: (English: what it is, Chinese)
    "radius": ("the nucleus's radius (mean distance from its centre to its outline), in image units",
               "细胞核的半径（中心到轮廓各点距离的平均），以图像单位计"),
    "texture": ("texture: how much the grey levels inside the nucleus vary (their standard deviation)",
                "纹理：细胞核内灰度值的变化程度（标准差）"),
    "perimeter": ("the length of the nucleus's outline, in image units", "细胞核轮廓的长度，以图像单位计"),
    "area": ("the nucleus's area, in square image units", "细胞核的面积，以图像单位的平方计"),
    "smoothness": ("smoothness: how much the radius varies locally along the outline (no unit)",
                   "平滑度：沿轮廓半径的局部变化（无单位）"),
    "compactness": ("compactness: perimeter² / area − 1 (no unit; larger is less round)",
                    "紧凑度：周长² / 面积 − 1（无单位；越大越不圆）"),
    "concavity": ("concavity: how deep the inward dents of the outline are (no unit)",
                  "凹度：轮廓向内凹陷的深度（无单位）"),
    "concave points": ("concave points: how many inward dents the outline has (a share, no unit)",
                       "凹点：轮廓上向内凹陷的数量（比例，无单位）"),
    "symmetry": ("symmetry of the nucleus's shape (no unit)", "细胞核形状的对称性（无单位）"),
    "fractal dimension": ("fractal dimension: how ragged the outline is ('coastline approximation' − 1; no unit)",
                          "分形维数：轮廓的粗糙程度（“海岸线近似” − 1；无单位）"),
}
_SUMMARY = {
    # how the sklearn name wraps the measurement: (name pattern, English, Chinese)
    "mean": ("mean {m}", "{what}; here averaged over the cell nuclei in the biopsy image.",
             "{what}；此处为活检图像中所有细胞核的平均值。"),
    "error": ("{m} error", "{what}; here its standard error: how much it differs from nucleus to nucleus in the image.",
              "{what}；此处为其标准误：图像中各细胞核之间的差异有多大。"),
    "worst": ("worst {m}", "{what}; here the mean of the three largest values among the nuclei in the image (the \"worst\").",
              "{what}；此处为图像中各细胞核最大的三个值的平均（“最差”值）。"),
}
BREAST_CANCER = {
    f"feat.breast_cancer.{pattern.format(m=m).replace(' ', '_')}": (english.format(what=what_en[:1].upper() + what_en[1:]), chinese.format(what=what_zh))
    for pattern, english, chinese in _SUMMARY.values()
    for m, (what_en, what_zh) in _NUCLEUS.items()
}

FEATURES: dict[str, tuple[str, str]] = {
    **BREAST_CANCER,
    # --- iris (Fisher 1936): centimetres ------------------------------------------------------
    "feat.iris.sepal_length_cm": ("Length of the sepal (the green leaf under the petals), in cm.",
                                  "萼片（花瓣下方的绿色叶片）的长度，单位厘米。"),
    "feat.iris.sepal_width_cm": ("Width of the sepal, in cm.", "萼片的宽度，单位厘米。"),
    "feat.iris.petal_length_cm": ("Length of the petal, in cm.", "花瓣的长度，单位厘米。"),
    "feat.iris.petal_width_cm": ("Width of the petal, in cm.", "花瓣的宽度，单位厘米。"),
    # --- wine (Forina et al.): chemical analysis, units not given by the source -------------
    "feat.wine.alcohol": ("Alcohol content of the wine (% by volume).", "葡萄酒的酒精含量（体积百分比）。"),
    "feat.wine.malic_acid": ("Malic acid, a sour acid of grapes (amount; the source gives no unit).",
                             "苹果酸，葡萄中的一种酸（含量；来源未给出单位）。"),
    "feat.wine.ash": ("Ash: what is left after burning the wine, its minerals (amount; no unit given).",
                      "灰分：葡萄酒燃烧后剩下的矿物质（含量；未给出单位）。"),
    "feat.wine.alcalinity_of_ash": ("How alkaline the ash is (no unit given).", "灰分的碱度（未给出单位）。"),
    "feat.wine.magnesium": ("Magnesium, a mineral (amount; no unit given).", "镁，一种矿物质（含量；未给出单位）。"),
    "feat.wine.total_phenols": ("Total phenols: compounds behind colour and bitterness (amount; no unit given).",
                                "总酚：与颜色和苦味有关的化合物（含量；未给出单位）。"),
    "feat.wine.flavanoids": ("Flavanoids, a kind of phenol (amount; no unit given).", "黄烷类化合物，一类酚（含量；未给出单位）。"),
    "feat.wine.nonflavanoid_phenols": ("Phenols that are not flavanoids (amount; no unit given).",
                                       "非黄烷类的酚（含量；未给出单位）。"),
    "feat.wine.proanthocyanins": ("Proanthocyanins, tannins that make the mouth feel dry (amount; no unit given).",
                                  "原花青素，使口感发涩的单宁（含量；未给出单位）。"),
    "feat.wine.color_intensity": ("How deep the wine's colour is (no unit given).", "葡萄酒颜色的深浅（未给出单位）。"),
    "feat.wine.hue": ("The wine's hue, its shade of colour (no unit given).", "葡萄酒的色调（未给出单位）。"),
    "feat.wine.od280_od315_of_diluted_wines": (
        "Light absorbed by the diluted wine at 280 nm over 315 nm, a measure of its proteins (a ratio).",
        "稀释后的葡萄酒在 280 纳米与 315 纳米处吸光度之比，反映蛋白质含量（比值）。"),
    "feat.wine.proline": ("Proline, an amino acid (amount; no unit given).", "脯氨酸，一种氨基酸（含量；未给出单位）。"),
    # --- diabetes (Efron et al. 2004), unscaled --------------------------------------------
    "feat.diabetes.age": ("The patient's age, in years.", "患者的年龄，单位岁。"),
    "feat.diabetes.sex": ("The patient's sex, coded 1 or 2 (the source does not say which is which).",
                          "患者的性别，编码为 1 或 2（来源未说明哪个是哪个）。"),
    "feat.diabetes.body_mass_index": ("Body mass index: weight in kg divided by height in metres squared.",
                                      "体重指数：体重（千克）除以身高（米）的平方。"),
    "feat.diabetes.blood_pressure": ("Average blood pressure (the source gives no unit; likely mm Hg).",
                                     "平均血压（来源未给出单位；可能是毫米汞柱）。"),
    "feat.diabetes.total_cholesterol_s1": ("Total cholesterol in the blood serum (no unit given).",
                                           "血清总胆固醇（未给出单位）。"),
    "feat.diabetes.ldl_cholesterol_s2": ("LDL, the 'bad' cholesterol (no unit given).", "低密度脂蛋白，即“坏”胆固醇（未给出单位）。"),
    "feat.diabetes.hdl_cholesterol_s3": ("HDL, the 'good' cholesterol (no unit given).", "高密度脂蛋白，即“好”胆固醇（未给出单位）。"),
    "feat.diabetes.cholesterol_hdl_s4": ("Total cholesterol divided by HDL (a ratio).", "总胆固醇除以高密度脂蛋白（比值）。"),
    "feat.diabetes.triglycerides_log_s5": ("Triglycerides (blood fats), on a log scale (the source says 'possibly log').",
                                           "甘油三酯（血脂），取对数（来源称“可能是对数”）。"),
    "feat.diabetes.blood_sugar_s6": ("Blood sugar (glucose) level (no unit given).", "血糖（葡萄糖）水平（未给出单位）。"),
    # --- the 2-D playground sets -----------------------------------------------------------
    "feat.plane.x1": ("The point's horizontal position on the plane (no unit).", "点在平面上的横向位置（无单位）。"),
    "feat.plane.x2": ("The point's vertical position on the plane (no unit).", "点在平面上的纵向位置（无单位）。"),
}

# --- Data page: what the inputs mean -----------------------------------------------------------
FEATURE_TABLE: dict[str, tuple[str, str]] = {
    "words.inputs_title": ("What the inputs mean", "各输入的含义"),
    "words.inputs_caption": (
        "What each column measures, and where its values usually lie in this data: the middle 90% of "
        "the training rows (5th to 95th percentile), then the smallest and largest.",
        "每一列测量的是什么，以及它在这份数据中的常见取值：训练数据中间 90% 的范围（第 5 到第 95 百分位），"
        "以及最小值和最大值。"),
    "words.col.feature": ("input", "输入"),
    "words.col.meaning": ("what it measures", "测量的是什么"),
    "words.col.typical": ("typical range here", "这份数据中的常见范围"),
    "words.col.extremes": ("smallest – largest", "最小值 – 最大值"),
    "words.source_breast_cancer": (
        "Meanings from scikit-learn's description of the Breast Cancer Wisconsin (Diagnostic) data "
        "(load_breast_cancer().DESCR, from the UCI repository). The source gives no units for sizes: "
        "they are in the image's own units.",
        "含义来自 scikit-learn 对威斯康星乳腺癌（诊断）数据的说明（load_breast_cancer().DESCR，源自 UCI 数据库）。"
        "来源没有给出尺寸的单位：它们以图像本身的单位计。"),
    "words.source_builtin": ("Meanings from scikit-learn's description of this data (DESCR).",
                             "含义来自 scikit-learn 对这份数据的说明（DESCR）。"),
    "words.no_meaning": ("(no description)", "（无说明）"),
    "words.own_title": ("Describe your columns", "为你的列写说明"),
    "words.own_caption": (
        "A CSV comes without descriptions: write what each column measures (and its unit). They are kept "
        "for this session and shown on Explain, in the hovers and in the sentences.",
        "CSV 文件没有说明：请写下每列测量的是什么（以及单位）。说明在本次会话中保留，并显示在“解释”页的悬停提示和文字说明中。"),
    "words.sidebar_loss": ("Test loss: {value} ({formula})", "测试集损失：{value}（{formula}）"),
    "words.own_saved": ("Descriptions kept for this session.", "说明已为本次会话保存。"),
}

# --- Explain page: the explanation in sentences ------------------------------------------------
SENTENCES: dict[str, tuple[str, str]] = {
    "sent.title": ("In words", "用文字说"),
    "sent.answer_right": ("The model answered **{predicted}**, {sure} sure, and it is right.",
                          "模型的回答是 **{predicted}**，把握 {sure}，回答正确。"),
    "sent.answer_wrong": ("The model answered **{predicted}**, {sure} sure, but the right answer is **{truth}**.",
                          "模型的回答是 **{predicted}**，把握 {sure}，但正确答案是 **{truth}**。"),
    "sent.answer_edited": ("For the edited values the model answers **{predicted}**, {sure} sure.",
                           "对修改后的数值，模型的回答是 **{predicted}**，把握 {sure}。"),
    "sent.sure_record": (
        "How much is \"{sure} sure\" worth? On the test set the model was at least {threshold} sure "
        "{total} times and right {right} of them; on average its stated confidence is off by {ece} "
        "(Evaluate, Calibration). Read it as \"very likely\", not as \"certain\".",
        "“把握 {sure}”意味着什么？在测试集上，模型有 {total} 次的把握至少为 {threshold}，其中 {right} 次回答正确；"
        "平均而言，它说出的把握与实际相差 {ece}（见“评估”页的“校准”）。请把它理解为“很可能”，而不是“肯定”。"),
    "sent.sure_no_record": (
        "No answer on the test set was that sure, so there is no record to check \"{sure}\" against: "
        "read it as \"very likely\", not as \"certain\".",
        "测试集上没有哪个回答有这么大的把握，所以无法核对“{sure}”是否可信：请把它理解为“很可能”，而不是“肯定”。"),
    "sent.answer_value": ("The model predicts **{value}** (the right answer is {truth}).",
                          "模型的预测是 **{value}**（正确答案是 {truth}）。"),
    "sent.answer_value_edited": ("For the edited values the model predicts **{value}**.",
                                 "对修改后的数值，模型的预测是 **{value}**。"),
    "sent.typical_error": ("On the test set its predictions are off by {error} on average.",
                           "在测试集上，它的预测平均相差 {error}。"),
    "sent.pushed_title": ("What pushed it most, according to {method}:", "根据 {method}，影响最大的输入是："),
    "sent.pushed_none": ("{method} gives every input zero: nothing to name.", "{method} 给每个输入的归因都是零：没有可以指出的输入。"),
    # One input: its name and value, where the value lies, then which way it pushed.
    "sent.input_value": ("**{name}** is {value}, {place}: {level}.", "**{name}** 为 {value}，{place}：{level}。"),
    "sent.input_category": ("**{name}**.", "**{name}**。"),
    "sent.input_region": ("**The {region} of the image**.", "**图像的{region}**。"),
    "sent.input_step": ("**Time step {step}**.", "**第 {step} 个时间步**。"),
    "sent.place_above": ("higher than {share} of the training examples", "高于 {share} 的训练样本"),
    "sent.place_below": ("lower than {share} of the training examples", "低于 {share} 的训练样本"),
    "sent.level.very_high": ("very high for this data", "在这份数据中非常高"),
    "sent.level.high": ("high for this data", "在这份数据中偏高"),
    "sent.level.typical": ("usual for this data", "在这份数据中属于常见"),
    "sent.level.low": ("low for this data", "在这份数据中偏低"),
    "sent.level.very_low": ("very low for this data", "在这份数据中非常低"),
    "sent.level.unknown": ("its place in the data is unknown", "无法判断它在数据中的位置"),
    "sent.towards": ("It pushed towards **{label}** ({amount}).", "它把结果推向 **{label}**（{amount}）。"),
    "sent.away": ("It pushed away from **{label}** ({amount}).", "它把结果推离 **{label}**（{amount}）。"),
    "sent.raised": ("It raised the prediction by {amount}.", "它使预测值升高了 {amount}。"),
    "sent.lowered": ("It lowered the prediction by {amount}.", "它使预测值降低了 {amount}。"),
    "sent.no_push": ("It did not push either way.", "它没有朝任何方向推动结果。"),
    "sent.amount_probability": ("{amount} on the probability", "概率 {amount}"),
    "sent.amount_score": ("{amount} on the score before the sigmoid/softmax", "sigmoid/softmax 之前的得分 {amount}"),
    "sent.confirmed": ("{count} of the {others} other methods also rank it among their top {k}, the same way.",
                       "其他 {others} 种方法中有 {count} 种也把它排在前 {k} 位，方向相同。"),
    "sent.contradicted": ("{methods} rank it high but the other way: be careful with this one.",
                          "{methods} 也把它排得靠前，但方向相反：对这一项要小心。"),
    "sent.region.top_left": ("top left", "左上部"),
    "sent.region.top_centre": ("top centre", "上部中间"),
    "sent.region.top_right": ("top right", "右上部"),
    "sent.region.middle_left": ("middle left", "中部左侧"),
    "sent.region.middle_centre": ("centre", "中心"),
    "sent.region.middle_right": ("middle right", "中部右侧"),
    "sent.region.bottom_left": ("bottom left", "左下部"),
    "sent.region.bottom_centre": ("bottom centre", "下部中间"),
    "sent.region.bottom_right": ("bottom right", "右下部"),
    "sent.agree.single": ("Only one method was run: add a second to see whether they agree.",
                          "只运行了一种方法：再加一种，看看它们是否一致。"),
    "sent.agree.agree": ("The methods agree on which inputs matter (mean rank correlation {rho}).",
                         "各方法对哪些输入重要的看法一致（平均秩相关 {rho}）。"),
    "sent.agree.partly": ("The methods only partly agree on which inputs matter (mean rank correlation {rho}): "
                          "trust the inputs they share more than the rest.",
                          "各方法对哪些输入重要只部分一致（平均秩相关 {rho}）：它们共同指出的输入更可信。"),
    "sent.agree.disagree": ("The methods disagree on which inputs matter (mean rank correlation {rho}): "
                            "treat this explanation as uncertain.",
                            "各方法对哪些输入重要看法不一（平均秩相关 {rho}）：请把这个解释当作不确定的。"),
    "sent.agree.unknown": ("Whether the methods agree cannot be measured here (a method gave no order).",
                           "这里无法衡量各方法是否一致（有方法没有给出排序）。"),
    "sent.card.all_pass": ("The report card (tab \"Which to trust?\") passes {method} on every check.",
                           "报告卡（“该信哪个？”标签页）中，{method} 通过了每一项检查。"),
    "sent.card.flags": ("The report card (tab \"Which to trust?\") flags {method}: {checks}. Trust its amounts less.",
                        "报告卡（“该信哪个？”标签页）提醒注意 {method}：{checks}。对它给出的数值要少信一些。"),
    "sent.card.caution": ("caution on {checks}", "{checks}需注意"),
    "sent.card.fail": ("fails {checks}", "{checks}不通过"),
    "sent.card.missing": ("The report card on the tab \"Which to trust?\" grades {method} once it is switched on.",
                          "打开“该信哪个？”标签页中的报告卡后，它会为 {method} 打分。"),
    "sent.list_sep": (", ", "、"),
    "sent.clause_sep": ("; ", "；"),
}
