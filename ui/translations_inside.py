"""Translation table, part 5: the Inside page (app_pages/inside.py and ui/inside_*.py).

Merged into the one `ui.translations.TEXTS`; same rules (key -> (English, Simplified Chinese),
placeholders identical in both). Layer titles, unit-health warnings and the plots' axis labels
come from nncore and stay English.
"""

from __future__ import annotations

INSIDE: dict[str, tuple[str, str]] = {
    # --- the page -------------------------------------------------------------------------------
    "inside.title": ("Inside the network", "网络内部"),
    "inside.caption": (
        "Open the model up: follow one input through every layer, see which neurons are dead or stuck, "
        "how the classes separate from layer to layer, the weights, and how training changed them.",
        "打开模型看看：跟着一个输入走过每一层，看看哪些神经元死亡或卡住了，各个类别如何一层层分开，"
        "还有权重，以及训练如何改变了它们。",
    ),
    "inside.tab_one": ("One input", "单个输入"),
    "inside.tab_many": ("Over many inputs", "大量输入"),
    "inside.tab_weights": ("Weights", "权重"),
    "inside.tab_dynamics": ("Training dynamics", "训练动态"),
    "inside.tab_features": ("What a neuron wants", "神经元想看什么"),
    "inside.other_data": (
        "This is the model trained on **{title}**, the data it shows.",
        "这是在 **{title}** 上训练的模型，这里显示的也是这份数据。",
    ),
    "inside.no_run": (
        "Train a model first (or open a saved one); its insides appear here.",
        "请先训练一个模型（或打开一个保存的模型），它的内部会显示在这里。",
    ),
    "inside.diverged": (
        "This training diverged: the weights shown are broken, which can itself be instructive.",
        "这次训练发散了：显示的权重已经坏掉，不过这本身也很有启发。",
    ),
    # --- one input --------------------------------------------------------------------------------
    "inside.gallery": ("Test images to choose from", "可供选择的测试图像"),
    "inside.index": ("Test example (0 to {last})", "测试样本（0 到 {last}）"),
    "inside.index_help": (
        "Any example from the test set, which the model never trained on.",
        "测试集中的任意一个样本，模型训练时从没见过。",
    ),
    "inside.edited_input": ("Your edited input (from test example #{index})", "你修改后的输入（来自测试样本 #{index}）"),
    "inside.the_input": ("The input (test example #{index}: {truth})", "输入（测试样本 #{index}：{truth}）"),
    "inside.answers": ("What the network answers", "网络的回答"),
    "inside.answers_true": ("What the network answers (green: the true class)", "网络的回答（绿色：真实类别）"),
    "inside.prediction": ("Prediction", "预测"),
    "inside.true_value": ("True value: {truth}", "真实值：{truth}"),
    "inside.layer": ("Layer", "层"),
    "inside.layer_help": ("Layers in the order the input flows through them.", "按输入流经的顺序排列的各层。"),
    "inside.unit": ("Unit to follow", "要跟踪的单元"),
    "inside.unit_help": (
        "Pick a unit (neuron, filter or recurrent unit) to see which test examples make it fire most.",
        "选一个单元（神经元、滤波器或循环单元），看看哪些测试样本让它激活得最强。",
    ),
    "inside.unit_n": ("unit {k}", "单元 {k}"),
    "inside.unit_class": ("unit {k} ({name})", "单元 {k}（{name}）"),
    "inside.edit": ("Edit this input", "修改这个输入"),
    "inside.use_mine": ("Use my values", "使用我的数值"),
    "inside.use_mine_help": (
        "Change the example's features and watch every layer respond.",
        "修改样本的特征，看每一层如何响应。",
    ),
    "inside.what.dense": ("Each bar is one neuron's output for this input.", "每根柱子是一个神经元对这个输入的输出。"),
    "inside.what.output": (
        "The output layer's values: the answer before it is read as a class or number.",
        "输出层的值：在被读成类别或数值之前的答案。",
    ),
    "inside.what.conv": (
        "Each small image is one filter's feature map: where in the input it found its pattern.",
        "每张小图是一个滤波器的特征图：它在输入的哪里找到了自己的图案。",
    ),
    "inside.what.pool": (
        "Pooling keeps the strongest response in each small window, halving the size.",
        "池化在每个小窗口里保留最强的响应，尺寸减半。",
    ),
    "inside.what.recurrent": (
        "The hidden state while the network reads the sequence, one column per step.",
        "网络读取序列时的隐藏状态，每一步一列。",
    ),
    "inside.what.flatten": (
        "The feature maps laid out as one long row of numbers for the dense layers.",
        "把特征图排成一长行数字，交给全连接层。",
    ),
    "inside.what.other": ("This layer's output.", "这一层的输出。"),
    "inside.for_input": ("{layer} for this input", "{layer}：对这个输入的输出"),
    "inside.hidden_over_time": (
        "{layer} for this input: hidden state over time",
        "{layer}：对这个输入的隐藏状态随时间的变化",
    ),
    "inside.final_state": ("{layer}: final state (what the next layer sees)", "{layer}：最终状态（下一层看到的）"),
    "inside.click_bar": (
        "Click a bar to see the test examples that activate that unit most.",
        "点击一根柱子，查看让那个单元激活最强的测试样本。",
    ),
    "inside.top": (
        "**The {n} test examples that activate unit {unit} of {layer} most** (out of {total})",
        "**让 {layer} 的单元 {unit} 激活最强的 {n} 个测试样本**（共 {total} 个）",
    ),
    "inside.top_averaged": (
        "**The {n} test examples that activate unit {unit} of {layer} most** (out of {total}; "
        "for a feature map or a sequence, its average)",
        "**让 {layer} 的单元 {unit} 激活最强的 {n} 个测试样本**（共 {total} 个；"
        "特征图或序列取其平均值）",
    ),
    "inside.col_example": ("test example", "测试样本"),
    "inside.col_activation": ("activation", "激活值"),
    "inside.col_class": ("true class", "真实类别"),
    # --- over many inputs ---------------------------------------------------------------------------
    "inside.over_test": ("Over {n} test examples.", "基于 {n} 个测试样本。"),
    "inside.over_mixed": (
        "Over {total} examples ({n_test} test, {extra} training).",
        "基于 {total} 个样本（{n_test} 个测试样本，{extra} 个训练样本）。",
    ),
    "inside.no_hidden": (
        "This model has no hidden layer: its inputs go straight to the output.",
        "这个模型没有隐藏层：输入直接进入输出层。",
    ),
    "inside.healthy": (
        "No layer has many dead or saturated units: every layer's units still respond to the inputs.",
        "没有哪一层有很多死亡或饱和的单元：每一层的单元都还会对输入做出响应。",
    ),
    "inside.health_title": ("Dead and saturated units per layer", "每层的死亡单元和饱和单元"),
    "inside.hist_title": ("How often each activation value occurs", "各个激活值出现的频率"),
    "inside.separate": ("Do the classes separate, layer by layer?", "各个类别是否一层层分开了？"),
    "inside.separate_caption": (
        "Each dot is a test example, placed by the two directions in which the layer's outputs vary most "
        "(principal component analysis). Layer after layer, a good network pulls the classes apart.",
        "每个点是一个测试样本，按这一层输出变化最大的两个方向摆放（主成分分析）。"
        "好的网络会一层一层地把各个类别拉开。",
    ),
    "inside.pca_title": (
        "{layer}: the test examples in the layer's two main directions",
        "{layer}：测试样本在这一层两个主方向上的位置",
    ),
    # --- weights ------------------------------------------------------------------------------------
    "inside.no_weights": ("This model has no weights to show.", "这个模型没有可以显示的权重。"),
    "inside.graph_caption": (
        "Each line is one weight: blue positive, orange negative, thicker for larger. Hover the middle of a line for its value.",
        "每条线是一个权重：蓝色为正，橙色为负，越粗越大。把鼠标停在线的中点可以看到数值。",
    ),
    "inside.graph_title": ("The network and its weights", "网络及其权重"),
    "inside.weight_hist_title": ("Every layer's weights", "每一层的权重"),
    "inside.filters_caption": (
        "Each small image is one filter: the pattern it looks for (red negative, blue positive).",
        "每张小图是一个滤波器：它要找的图案（红色为负，蓝色为正）。",
    ),
    "inside.filters_title": ("{layer}: its filters", "{layer}：它的滤波器"),
    "inside.rows_features": (
        "Rows: input features (and the bias); columns: this layer's units. Red negative, blue positive.",
        "行：输入特征（以及偏置）；列：这一层的单元。红色为负，蓝色为正。",
    ),
    "inside.rows_previous": (
        "Rows: inputs from the previous layer (and the bias); columns: this layer's units. Red negative, blue positive.",
        "行：来自上一层的输入（以及偏置）；列：这一层的单元。红色为负，蓝色为正。",
    ),
    "inside.heatmap_title": ("{layer}: weights and bias", "{layer}：权重和偏置"),
    # --- training dynamics ----------------------------------------------------------------------------
    "inside.no_record": (
        "There is no record of how this model was trained (it was imported or reopened from an older "
        "run). Train a model on the Train page to see its weights and gradients evolve.",
        "没有这个模型的训练过程记录（它是导入的，或是从较早的训练记录重新打开的）。"
        "在“训练”页训练一个模型，就能看到它的权重和梯度如何演变。",
    ),
    "inside.every_epoch": ("1 epoch", "1 个轮次"),
    "inside.every_epochs": ("{k} epochs", "{k} 个轮次"),
    "inside.gradients": ("Gradients per layer", "每层的梯度"),
    "inside.gradients_title": ("How strongly each layer is pushed to change", "每一层被推动改变的力度"),
    "inside.gradients_caption": (
        "The gradient tells each layer how to change. When the lines of the first layers sit far below the "
        "last ones (each step on the log scale is 10 times), those layers barely learn: *vanishing gradients*, "
        "typical of deep sigmoid or tanh networks. Lines shooting up mean *exploding gradients* (lower the "
        "learning rate).",
        "梯度告诉每一层该如何改变。如果前几层的线远低于最后几层（对数坐标上每一格是 10 倍），"
        "那几层几乎学不到东西：这就是*梯度消失*，在很深的 sigmoid 或 tanh 网络中很常见。"
        "线条猛地往上冲则是*梯度爆炸*（请调低学习率）。",
    ),
    "inside.weights_over_time": ("Weights over time", "权重随时间的变化"),
    "inside.weight_dist_title": ("{layer}: distribution of its weights", "{layer}：权重的分布"),
    "inside.dead_title": ("Share of dead units", "死亡单元的比例"),
    "inside.sat_title": ("Share of saturated units", "饱和单元的比例"),
    "inside.dead_axis": ("dead units (ReLU)", "死亡单元（ReLU）"),
    "inside.sat_axis": ("saturated units", "饱和单元"),
    # --- what a neuron wants ------------------------------------------------------------------------
    "inside.fv_images_only": (
        "Feature visualization draws the image a neuron responds to most, so it is for image models. "
        "Load an image dataset (say Digits) and train a CNN to try it.",
        "特征可视化会画出让神经元响应最强的图像，所以只适用于图像模型。"
        "载入一个图像数据集（比如 Digits），训练一个卷积网络来试试。",
    ),
    "inside.fv_caption": (
        "Starting from a grey image, the computer changes the pixels step by step to make the chosen class or "
        "unit respond as strongly as it can (gradient ascent), while keeping the image smooth so it stays "
        "readable. It shows what the unit has learned to look for: the network's own 'art'.",
        "从一张灰色图像开始，计算机一步步修改像素，让选中的类别或单元响应得尽可能强（梯度上升），"
        "同时保持图像平滑、便于辨认。它展示了这个单元学会了寻找什么：网络自己的“艺术”。",
    ),
    "inside.fv_unit": ("Unit (for the output layer: the class number)", "单元（对输出层来说：类别编号）"),
    "inside.fv_generate": ("Generate", "生成"),
    "inside.fv_generating": ("Generating (a few seconds)…", "正在生成（几秒钟）…"),
    "inside.fv_choose": ("Choose a layer and a unit, then press **Generate**.", "选择一个层和一个单元，然后点击 **生成**。"),
    "inside.fv_class": ("class {name}", "类别 {name}"),
    "inside.fv_unit_of": ("unit {unit} of {layer}", "{layer} 的单元 {unit}"),
    "inside.fv_wants": ("What {what} wants to see", "{what} 想看到什么"),
    "inside.fv_probability": (
        "The network gives this image {p} for {what} (a blank image: {blank}).",
        "网络给这张图像判为{what} 的概率是 {p}（空白图像：{blank}）。",
    ),
    "inside.fv_score": ("Unit response {score} (a blank image: {blank}).", "单元响应 {score}（空白图像：{blank}）。"),
    "inside.fv_top": ("Real test images that activate it most", "让它激活最强的真实测试图像"),
}
