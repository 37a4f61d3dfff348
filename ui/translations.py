"""The translation table: every translated interface text, as key -> (English, Simplified Chinese).

Placeholders in braces ({name}) are filled by `ui.i18n.t(key, name=...)` and must appear in
both languages. Keys are grouped by where the text appears.

Option labels (a widget's format_func) are built as a dict while the page runs,
`format_func={v: t(f"x.{v}") for v in options}.get`, never `lambda v: t(...)`: Streamlit's test
harness calls format_func after the run, outside the session, where the language is unknown.
"""

from __future__ import annotations

from ui import translations_pages as _pages
from ui import translations_lab as _lab
from ui import translations_results as _results
from ui import translations_inside as _inside
from ui import translations_messages as _messages
from ui import translations_figures as _figures
from ui import translations_help as _help
from ui import translations_looseends as _looseends
from ui import translations_positive as _positive
from ui import translations_roles as _roles
from ui import translations_reportcard as _reportcard
from ui import translations_a11y as _a11y
from ui import translations_rowid as _rowid
from ui import translations_baselines as _baselines
from ui import translations_trustfix as _trustfix
from ui import translations_cold as _cold
from ui import translations_cold2 as _cold2
from ui import translations_plain as _plain
from ui import translations_queue as _queue
from ui import translations_server as _server
from ui import translations_words as _words
from ui import translations_draw as _draw
from ui import translations_keys as _keys

TEXTS: dict[str, tuple[str, str]] = {
    # --- navigation ---------------------------------------------------------------------------
    "nav.home": ("Home", "首页"),
    "nav.data": ("Data", "数据"),
    "nav.model": ("Model", "模型"),
    "nav.train": ("Train", "训练"),
    "nav.evaluate": ("Evaluate", "评估"),
    "nav.explain": ("Explain", "解释"),
    "nav.inside": ("Inside", "网络内部"),
    "nav.runs": ("Runs", "训练记录"),
    "nav.neuron_lab": ("Neuron lab", "神经元实验室"),
    "nav.glossary": ("Glossary", "术语表"),
    # --- home page ----------------------------------------------------------------------------
    "home.intro": (
        "Pick a dataset, build a neural network, **train it right here in your browser** and watch it "
        "learn. No programming needed: every control explains itself when you hover over it.",
        "选择一个数据集，搭建一个神经网络，**直接在浏览器里训练它**，看着它一步步学会。"
        "不需要编程：把鼠标停在任何控件上，都会看到说明。",
    ),
    "home.demos": ("Guided demos: one click each", "导览演示：一键开始"),
    "home.demos_caption": (
        "Each demo loads its data and network, trains it in a few seconds and walks you through what "
        "to look at, page by page. Leave the tour whenever you like and keep what it built.",
        "每个演示都会载入数据和网络，几秒钟内训练完成，并一页一页告诉你该看什么。"
        "随时可以离开导览，已经载入和训练的内容都会保留。",
    ),
    "home.start": ("Start", "开始"),
    "home.start_help": (
        "Loads the demo's data and model, trains it, and shows you around.",
        "载入演示的数据和模型，完成训练，并带你参观。",
    ),
    "home.steps": ("Start in three steps", "三步上手"),
    "home.step_data": (
        "**1 · Data**  \nTwo-dimensional puzzles (circles, spiral, XOR), medical and botanical tables, "
        "handwritten digits, time series, or your own CSV file.",
        "**1 · 数据**  \n二维小谜题（圆环、螺旋、异或）、医学和植物学表格、手写数字、时间序列，"
        "或者你自己的 CSV 文件。",
    ),
    "home.step_data_link": ("Choose data", "选择数据"),
    "home.step_model": (
        "**2 · Model**  \nStart from a ready-made network (logistic regression, MLP, CNN, LSTM) and "
        "change its layers, neurons and activations.",
        "**2 · 模型**  \n从现成的网络开始（逻辑回归、多层感知机、卷积网络、LSTM），"
        "再修改它的层、神经元和激活函数。",
    ),
    "home.step_model_link": ("Design the network", "设计网络"),
    "home.step_train": (
        "**3 · Train**  \nWatch the loss fall and the accuracy rise, epoch by epoch. Stop whenever "
        "you like; the model trained so far is kept.",
        "**3 · 训练**  \n一轮一轮地看着损失下降、准确率上升。随时可以停止，已经训练好的模型会保留。",
    ),
    "home.step_train_link": ("Train it", "开始训练"),
    "home.try_now": ("Or try it now", "或者马上试试"),
    "home.try_now_text": (
        "**{title}** is loaded with a small network. One click trains it with sensible settings and "
        "takes you to the live curves.",
        "已经载入了 **{title}** 和一个小网络。点一下就会用合适的设置开始训练，并带你去看实时曲线。",
    ),
    "home.quick_train": ("Train the loaded network", "训练已载入的网络"),
    "home.quick_train_help": (
        "Trains the current model on the current data with the current settings.",
        "用当前的设置，在当前的数据上训练当前的模型。",
    ),
    "home.quick_train_error": (
        "Change the model on the Model page, then try again.",
        "请在“模型”页修改模型，然后再试一次。",
    ),
    "home.what_is": ("What is a neural network, in two paragraphs?", "两段话说清楚：什么是神经网络？"),
    "home.what_is_text": (
        "An artificial neuron adds up its inputs, each multiplied by a *weight*, adds a *bias*, and "
        "passes the sum through an *activation function* (for example ReLU, which keeps positive "
        "values and turns negative ones into zero). Neurons arranged in layers, each feeding the "
        "next, form a network. It is loosely inspired by brain cells, which also sum incoming signals "
        "and fire when a threshold is crossed.\n\n"
        "*Training* shows the network examples with known answers. A *loss* measures how wrong its "
        "answers are; *backpropagation* works out how each weight contributed to that error, and "
        "*gradient descent* nudges every weight a little in the direction that lowers the loss. One "
        "pass over all the training examples is an *epoch*.",
        "一个人工神经元把每个输入乘以各自的*权重*后相加，再加上一个*偏置*，然后把结果送进"
        "*激活函数*（例如 ReLU：正数保留，负数变成零）。许多神经元排成一层一层，前一层的输出就是"
        "后一层的输入，这就构成了网络。它大致借鉴了脑细胞：脑细胞也会把传入的信号加起来，"
        "超过阈值时就放电。\n\n"
        "*训练*就是给网络看带有正确答案的例子。*损失*衡量它答错了多少；*反向传播*算出每个权重"
        "对这个错误负多少责任；*梯度下降*再把每个权重朝着让损失变小的方向挪一点点。"
        "把全部训练样本过一遍叫做一个*轮次*（epoch）。",
    ),
    # --- the guided tour ----------------------------------------------------------------------
    "tour.header": ("**Demo: {title}** · step {step} of {steps}", "**演示：{title}** · 第 {step} 步，共 {steps} 步"),
    "tour.next": ("Next", "下一步"),
    "tour.next_help": ("Go to the next step of the demo.", "进入演示的下一步。"),
    "tour.finish": ("Finish the tour", "结束导览"),
    "tour.finish_help": (
        "End the tour; everything it loaded and trained stays, to explore on your own.",
        "结束导览；载入和训练好的内容都会保留，你可以自己继续探索。",
    ),
    "tour.leave": ("Leave the tour", "离开导览"),
    "tour.leave_help": (
        "Stop the tour here and keep what is loaded and trained.",
        "在这里停止导览，保留已经载入和训练的内容。",
    ),
    "tour.setup_failed": ("The demo could not set this step up.", "演示无法准备这一步。"),
    # --- demos ----------------------------------------------------------------------------------
    "demo.hidden_layers.title": ("Why hidden layers matter", "为什么需要隐藏层"),
    "demo.hidden_layers.blurb": (
        "A straight line cannot separate XOR. One hidden layer can. Watch the boundary bend.",
        "一条直线分不开异或数据，加一层隐藏层就可以。看决策边界怎样弯曲。",
    ),
    "demo.hidden_layers.step1": (
        "**Step 1: no hidden layer.** The data is XOR: one class in two opposite corners, the other "
        "class in the other two. A *logistic regression* (one neuron, no hidden layer) can only draw "
        "one straight line. Watch the **decision boundary** below the curves: no line separates the "
        "corners, so the accuracy stays near 50%, a coin toss.",
        "**第 1 步：没有隐藏层。** 这是异或数据：一类点在两个对角，另一类在另外两个角。"
        "*逻辑回归*（一个神经元、没有隐藏层）只能画一条直线。看曲线下方的**决策边界**："
        "没有哪条直线能把这些角分开，所以准确率一直在 50% 左右，跟抛硬币差不多。",
    ),
    "demo.hidden_layers.step2": (
        "**Step 2: with hidden layers.** Same data, now a small network with two *hidden layers* of "
        "neurons. Each hidden neuron draws its own line; the next layer combines them into a bent "
        "boundary. The loss falls and the accuracy climbs towards 100%.",
        "**第 2 步：加上隐藏层。** 同样的数据，换成有两个*隐藏层*的小网络。每个隐藏神经元画出"
        "自己的一条线，下一层再把这些线组合成弯曲的边界。损失下降，准确率接近 100%。",
    ),
    "demo.hidden_layers.step3": (
        "**Step 3: inside the network.** Here you can see what each layer does to one input, and the "
        "weights the network learned. Hidden layers turn a problem a line cannot solve into one it can.",
        "**第 3 步：网络内部。** 在这里可以看到每一层对一个输入做了什么，以及网络学到的权重。"
        "隐藏层把一条直线解决不了的问题，变成了直线可以解决的问题。",
    ),
    "demo.breast_cancer.title": ("Diagnose breast cancer, and see why", "诊断乳腺癌，并看清原因"),
    "demo.breast_cancer.blurb": (
        "A network reads 30 measurements of a tumour. How often is it right, and what did it look at?",
        "网络读取肿瘤的 30 项测量值。它有多准？它看的是哪些特征？",
    ),
    "demo.breast_cancer.step1": (
        "**Step 1: learn from 341 patients.** Each row holds 30 measurements of a breast tumour's "
        "cells; the answer is *malignant* or *benign*. The network trains on 60% of the patients and "
        "checks itself on 20% it does not learn from (*validation*).",
        "**第 1 步：从 341 位患者中学习。** 每一行是乳腺肿瘤细胞的 30 项测量值，答案是*恶性*"
        "或*良性*。网络用 60% 的患者来训练，并用另外 20% 它没学过的患者来检查自己（*验证集*）。",
    ),
    "demo.breast_cancer.step2": (
        "**Step 2: how good is it?** Judged on the last 20%, patients it never saw. The *confusion "
        "matrix* shows which mistakes it makes: calling a malignant tumour benign is the dangerous kind.",
        "**第 2 步：它有多好？** 用最后 20% 它从没见过的患者来评判。*混淆矩阵*显示它犯了哪些错："
        "把恶性肿瘤判成良性，是危险的那一种。",
    ),
    "demo.breast_cancer.step3": (
        "**Step 3: why this diagnosis?** Below, the first test patient is already explained: "
        "Permutation SHAP, LIME and integrated gradients each score how much every measurement "
        "pushed this patient's prediction up or down (one bar each). When the methods agree, the "
        "explanation deserves more trust. Pick another patient and press **Explain** to see theirs.",
        "**第 3 步：为什么这样诊断？** 下方已经解释好了第一位测试患者：Permutation SHAP、LIME 和"
        "Integrated gradients（积分梯度）分别给每项测量值打分（每项一根条），说明它把这位患者的预测推高还是压低了多少。"
        "几种方法结论一致时，解释更值得信任。选另一位患者并点击 **解释**，就能看到对他的解释。",
    ),
    "demo.cnn.title": ("What does a CNN see?", "卷积网络看到了什么？"),
    "demo.cnn.blurb": (
        "A convolutional network learns to read handwritten digits. See its feature maps and what it looks at.",
        "卷积网络学习识别手写数字。看看它的特征图，以及它关注哪里。",
    ),
    "demo.cnn.step1": (
        "**Step 1: learn to read digits.** 1,797 small 8x8 images of handwritten digits. A "
        "*convolutional network* (CNN) slides small filters over the image, as cells in the visual "
        "cortex respond to edges in one spot of what we see.",
        "**第 1 步：学认数字。** 1,797 张 8x8 的手写数字小图。*卷积网络*（CNN）让小滤波器在图上"
        "滑动，就像视觉皮层里的细胞只对视野中某一处的边缘做出反应。",
    ),
    "demo.cnn.step2": (
        "**Step 2: feature maps.** Pick a digit: each small picture is one filter's answer to it. "
        "Early filters find strokes and edges; later layers combine them into parts of digits.",
        "**第 2 步：特征图。** 选一个数字：每张小图是一个滤波器对它的反应。前面的滤波器找笔画"
        "和边缘，后面的层把它们组合成数字的部件。",
    ),
    "demo.cnn.step3": (
        "**Step 3: where did it look?** Below, the first test digit is already explained: the "
        "heatmaps over it show which pixels moved the answer, by three methods (integrated "
        "gradients, Grad-CAM, occlusion). Pick another digit and press **Explain** to see its maps.",
        "**第 3 步：它看了哪里？** 下方已经解释好了第一个测试数字：数字上的热力图用三种方法"
        "（Integrated gradients 积分梯度、Grad-CAM、Occlusion 遮挡）显示哪些像素影响了答案。选另一个数字并点击 **解释**，"
        "就能看到它的热力图。",
    ),
    "demo.overfitting.title": ("Overfitting, live", "现场看过拟合"),
    "demo.overfitting.blurb": (
        "A big network memorises 60 noisy points. Watch training and validation part ways, then fix it.",
        "一个大网络死记 60 个带噪声的点。看训练曲线和验证曲线分道扬镳，再把它修好。",
    ),
    "demo.overfitting.step1": (
        "**Step 1: memorising.** Only 60 noisy points and a big network (3 x 64 neurons). The "
        "*training* loss keeps falling, but after a while the *validation* loss (points it does not "
        "learn from) turns up: the network is learning the noise by heart. That is **overfitting**.",
        "**第 1 步：死记硬背。** 只有 60 个带噪声的点，却用了一个大网络（3 层 x 64 个神经元）。"
        "*训练*损失一直下降，但过一会儿*验证*损失（它没有学过的点）开始上升：网络在背噪声。"
        "这就是**过拟合**。",
    ),
    "demo.overfitting.step2": (
        "**Step 2: the fix.** The same network with *dropout* (each step, 30% of neurons are switched "
        "off at random, so none can memorise alone) and *early stopping* (training ends when the "
        "validation loss stops improving, and the best weights are kept). The two curves now stay together.",
        "**第 2 步：修好它。** 同一个网络加上 *dropout*（每一步随机关掉 30% 的神经元，谁也没法"
        "单独死记）和*提前停止*（验证损失不再改善时就结束训练，并保留最好的权重）。"
        "现在两条曲线走在一起了。",
    ),
    "demo.neuron.title": ("A neuron and a brain cell", "人工神经元与脑细胞"),
    "demo.neuron.blurb": (
        "How an artificial neuron compares with a real one, with sliders to play with.",
        "人工神经元和真实神经元有什么异同？拖动滑块来比较。",
    ),
    "demo.neuron.step1": (
        "**Step 1: an artificial neuron** (the *One neuron* tab). It multiplies each input by a "
        "weight, adds them up with a bias, and passes the sum through an *activation function*. "
        "Move the sliders and watch the output change; below, every activation function is drawn.",
        "**第 1 步：人工神经元**（“一个神经元”标签页）。它把每个输入乘以一个权重，再加上偏置求和，"
        "然后让这个和经过*激活函数*。拖动滑块，看输出怎么变化；下方画出了每一种激活函数。",
    ),
    # --- notices (toasts) ---------------------------------------------------------------------
    "notice.preset_switched": (
        "The model was switched to the {preset} preset to suit {kind} data.",
        "模型已换成“{preset}”预设，以适合{kind}数据。",
    ),
    "notice.settings_suited": (
        "Training settings for {kind} data: {optimizer}, learning rate {rate}, batch size {batch}, {epochs} epochs.",
        "训练设置已改为适合{kind}数据：{optimizer}，学习率 {rate}，批大小 {batch}，{epochs} 轮。",
    ),
    "notice.kind.tabular": ("tabular", "表格"),
    "notice.kind.image": ("image", "图像"),
    "notice.kind.sequence": ("sequence", "序列"),
    "notice.link_opened": (
        "Opened the setup from the link: same data, model and training settings.",
        "已按链接打开设置：相同的数据、模型和训练参数。",
    ),
    "notice.link_problems": (
        "Part of this link could not be used, so defaults were kept for {problems}.",
        "链接中有部分内容无法使用，以下部分保留了默认值：{problems}。",
    ),
    # --- sidebar --------------------------------------------------------------------------------
    "sidebar.share": (
        "To share this setup (data, model, settings), copy the page's address.",
        "想分享这套设置（数据、模型、训练参数），复制页面地址即可。",
    ),
    # --- glossary page --------------------------------------------------------------------------
    "glossary.title": ("Glossary", "术语表"),
    "glossary.intro": (
        "The words this app uses, in plain language. Each entry says where in the app you can see it.",
        "本应用用到的术语，用大白话解释。每个条目都注明了在应用的哪里可以看到它。",
    ),
    "glossary.search": ("Search", "搜索"),
    "glossary.search_help": ("Type part of a word, in either language.", "输入词语的一部分，中英文都可以。"),
    "glossary.none": ("No term matches “{query}”.", "没有与“{query}”匹配的术语。"),
    "glossary.see_it": ("See it on", "在这里看到"),
}

# --- glossary terms: "gl.<id>" is the term, "gl.<id>.text" its explanation ----------------------
TEXTS.update({
    "gl.neuron": ("Neuron (artificial)", "神经元（人工）"),
    "gl.neuron.text": (
        "The basic unit of a network: it multiplies each input by a weight, adds them up with a bias, "
        "and passes the sum through an activation function.",
        "网络的基本单元：把每个输入乘以权重，加起来再加上偏置，然后送进激活函数。",
    ),
    "gl.weight": ("Weight and bias", "权重与偏置"),
    "gl.weight.text": (
        "The numbers a network learns. A weight says how strongly one input counts; the bias shifts "
        "the neuron's threshold. Training changes them a little at every step.",
        "网络要学习的数字。权重表示某个输入有多重要；偏置移动神经元的阈值。训练每一步都会稍微调整它们。",
    ),
    "gl.activation": ("Activation function", "激活函数"),
    "gl.activation.text": (
        "What a neuron does with its sum. Sigmoid squeezes it between 0 and 1, tanh between -1 and 1, "
        "ReLU keeps positive values and turns negative ones into 0. Without it, many layers would be "
        "no better than one.",
        "神经元对加权和做的处理。Sigmoid 把它压到 0 到 1 之间，tanh 压到 -1 到 1 之间，"
        "ReLU 保留正数、把负数变成 0。没有激活函数，多少层都只相当于一层。",
    ),
    "gl.layer": ("Layer, hidden layer", "层、隐藏层"),
    "gl.layer.text": (
        "Neurons side by side that all read the same inputs. Hidden layers sit between the input and "
        "the output; they let a network bend its decision boundary.",
        "并排的一组神经元，读取相同的输入。隐藏层位于输入和输出之间，让网络能把决策边界弯曲起来。",
    ),
    "gl.loss": ("Loss", "损失"),
    "gl.loss.text": (
        "One number for how wrong the network's answers are: lower is better. Mean squared error for "
        "numbers, cross-entropy for classes, hinge for a margin between classes.",
        "用一个数字衡量网络答错了多少：越低越好。预测数值用均方误差，分类用交叉熵，"
        "要求类别之间留出间隔时用合页损失（hinge）。",
    ),
    "gl.gradient": ("Gradient", "梯度"),
    "gl.gradient.text": (
        "For every weight, how fast the loss changes when that weight changes a little, and in which "
        "direction.",
        "对每个权重来说，它稍微变化时损失变化得有多快、朝哪个方向变。",
    ),
    "gl.gradient_descent": ("Gradient descent, learning rate", "梯度下降、学习率"),
    "gl.gradient_descent.text": (
        "Training moves every weight a small step against its gradient, downhill on the loss. The "
        "learning rate is the size of that step: too small is slow, too big overshoots and blows up.",
        "训练把每个权重沿梯度的反方向挪一小步，让损失“下山”。学习率就是这一步的大小："
        "太小学得慢，太大会冲过头甚至发散。",
    ),
    "gl.backprop": ("Backpropagation", "反向传播"),
    "gl.backprop.text": (
        "The way gradients are computed: the error at the output is passed backwards, layer by layer, "
        "with the chain rule, so every weight learns its share of the blame.",
        "计算梯度的方法：把输出端的误差用链式法则一层一层往回传，让每个权重知道自己该负多少责任。",
    ),
    "gl.optimizer": ("Optimizer (SGD, Adam)", "优化器（SGD、Adam）"),
    "gl.optimizer.text": (
        "The rule that turns gradients into weight changes. SGD with momentum keeps part of its last "
        "step; Adam also adapts the step size for each weight.",
        "把梯度变成权重更新的规则。带动量的 SGD 会保留上一步的一部分；Adam 还会为每个权重自动调整步长。",
    ),
    "gl.epoch": ("Epoch, batch", "轮次、批次"),
    "gl.epoch.text": (
        "A batch is the handful of examples looked at before one weight update. An epoch is one pass "
        "over all the training examples.",
        "批次是每更新一次权重之前看的那一小组样本。轮次（epoch）是把全部训练样本完整过一遍。",
    ),
    "gl.splits": ("Training, validation and test sets", "训练集、验证集、测试集"),
    "gl.splits.text": (
        "The data is split three ways: the network learns from the training set, we watch the "
        "validation set during training, and the test set is kept for the final, honest score.",
        "数据分成三份：网络从训练集学习；训练时观察验证集；测试集留到最后，给出诚实的成绩。",
    ),
    "gl.overfitting": ("Overfitting, underfitting", "过拟合、欠拟合"),
    "gl.overfitting.text": (
        "Overfitting: the network learns the training examples by heart, noise included, and does "
        "worse on new ones (the validation loss rises while the training loss falls). Underfitting: it "
        "is too simple or trained too little to learn the pattern at all.",
        "过拟合：网络把训练样本连同噪声一起背了下来，遇到新样本反而更差（训练损失下降而验证损失上升）。"
        "欠拟合：网络太简单或训练太少，连规律本身都没学会。",
    ),
    "gl.dropout": ("Dropout, early stopping, regularization", "Dropout、提前停止、正则化"),
    "gl.dropout.text": (
        "Ways to fight overfitting. Dropout switches random neurons off during training; early stopping "
        "ends training when the validation loss stops improving; L1/L2 regularization keeps weights small.",
        "对抗过拟合的办法。Dropout 在训练时随机关掉一些神经元；提前停止在验证损失不再改善时结束训练；"
        "L1/L2 正则化让权重保持较小。",
    ),
    "gl.cnn": ("Convolutional network (CNN), feature map", "卷积网络（CNN）、特征图"),
    "gl.cnn.text": (
        "A network for images: small filters slide over the picture and each produces a feature map "
        "showing where it found its pattern (an edge, a curve). Pooling shrinks the maps.",
        "处理图像的网络：小滤波器在图上滑动，每个滤波器生成一张特征图，标出它在哪里找到了自己的图案"
        "（边缘、弧线）。池化把特征图缩小。",
    ),
    "gl.rnn": ("Recurrent network (RNN, LSTM)", "循环网络（RNN、LSTM）"),
    "gl.rnn.text": (
        "A network for sequences: it reads one step at a time and keeps a hidden state, a memory of "
        "what came before. An LSTM has gates that decide what to keep and what to forget.",
        "处理序列的网络：一次读一步，并保留一个隐藏状态，也就是对前面内容的记忆。"
        "LSTM 有门控，决定记住什么、忘掉什么。",
    ),
    "gl.softmax": ("Softmax, probability", "Softmax、概率"),
    "gl.softmax.text": (
        "The last layer of a classifier turns its scores into probabilities that add up to 100%; the "
        "highest one is the prediction.",
        "分类器的最后一层把分数变成加起来等于 100% 的概率，概率最高的就是预测结果。",
    ),
    "gl.metrics": ("Accuracy, precision, recall, confusion matrix", "准确率、精确率、召回率、混淆矩阵"),
    "gl.metrics.text": (
        "Accuracy: the share of right answers. Precision: of the cases called positive, how many are. "
        "Recall: of the real positives, how many were found. The confusion matrix counts every kind of "
        "right and wrong answer.",
        "准确率：答对的比例。精确率：被判为阳性的里面有多少真的是。召回率：真正的阳性里找出了多少。"
        "混淆矩阵统计每一种对和错。",
    ),
    "gl.roc": ("ROC curve, AUC", "ROC 曲线、AUC"),
    "gl.roc.text": (
        "How the true-positive rate trades against the false-positive rate as the decision threshold "
        "moves. The area under it (AUC) is 1 for a perfect model and 0.5 for guessing.",
        "判定阈值移动时，真阳性率和假阳性率如何此消彼长。曲线下面积（AUC）完美模型为 1，瞎猜为 0.5。",
    ),
    "gl.boundary": ("Decision boundary", "决策边界"),
    "gl.boundary.text": (
        "On 2-D data, the line or curve where the network's answer switches from one class to another.",
        "在二维数据上，网络的答案从一类变成另一类的那条线或曲线。",
    ),
    "gl.explanation": ("Explanation (attribution)", "解释（归因）"),
    "gl.explanation.text": (
        "A score for each input (feature, pixel, time step) saying how much it pushed one prediction up "
        "or down. Different methods can disagree, so the app checks which ones hold up.",
        "给每个输入（特征、像素、时间步）打一个分，说明它把某个预测推高或压低了多少。"
        "不同方法可能不一致，所以应用会检查哪些方法站得住。",
    ),
    "gl.saliency": ("Saliency, integrated gradients, Grad-CAM", "显著图、积分梯度、Grad-CAM"),
    "gl.saliency.text": (
        "Explanations from gradients. Saliency: how sensitive the output is to each input. Integrated "
        "gradients: sums gradients from a blank input to the real one, and adds up to the change in "
        "output. Grad-CAM: where in an image a CNN's last convolution found evidence.",
        "基于梯度的解释。显著图：输出对每个输入有多敏感。积分梯度：从空白输入到真实输入一路累加梯度，"
        "总和正好等于输出的变化。Grad-CAM：卷积网络最后一个卷积层在图像的哪里找到了证据。",
    ),
    "gl.shap": ("SHAP", "SHAP"),
    "gl.shap.text": (
        "Shares out a prediction among the inputs fairly, as in a game where players split a prize "
        "(Shapley values): the shares add up exactly to the prediction minus the average prediction.",
        "像玩家分奖金一样，把一个预测公平地分给各个输入（Shapley 值）：所有份额加起来正好等于"
        "该预测减去平均预测。",
    ),
    "gl.lime": ("LIME", "LIME"),
    "gl.lime.text": (
        "Explains one prediction by trying many small changes of the input and fitting a simple, "
        "readable model to how the answer changes nearby.",
        "通过对输入做很多小改动，观察答案如何变化，再在附近拟合一个简单易懂的模型，来解释单个预测。",
    ),
    "gl.dead_relu": ("Dead ReLU, saturation", "死亡 ReLU、饱和"),
    "gl.dead_relu.text": (
        "A ReLU neuron that never turns on for any input has stopped learning (dead). A sigmoid or tanh "
        "neuron stuck at its limits is saturated: its gradient is almost zero.",
        "对任何输入都不激活的 ReLU 神经元已经不再学习（死亡）。卡在极限值上的 sigmoid 或 tanh 神经元"
        "处于饱和状态：它的梯度几乎为零。",
    ),
    "gl.vanishing": ("Vanishing and exploding gradients", "梯度消失与梯度爆炸"),
    "gl.vanishing.text": (
        "In deep networks the gradient can shrink (or grow) layer after layer on its way back, so the "
        "first layers learn almost nothing (or blow up). ReLU, good initialization and batch "
        "normalization help.",
        "在深层网络里，梯度往回传时可能一层层变小（或变大），导致前面几层几乎学不到东西（或发散）。"
        "ReLU、合适的初始化和批归一化都有帮助。",
    ),
    "gl.spiking": ("Spiking neuron", "脉冲神经元"),
    "gl.spiking.text": (
        "A model of a brain cell: its voltage rises with input and, past a threshold, it fires a spike "
        "and resets. Information is in the timing and rate of spikes, not in one number.",
        "脑细胞的模型：电压随输入上升，超过阈值就发出一个脉冲并复位。信息藏在脉冲的时间和频率里，"
        "而不是一个数字里。",
    ),
})

# --- the pages' texts live in their own modules; they join the one table here -----------------
def _merge(*parts: dict[str, tuple[str, str]]) -> None:
    for part in parts:
        clash = set(part) & set(TEXTS)
        if clash:  # a key defined twice would silently lose one text
            raise ValueError(f"translation keys defined twice: {sorted(clash)}")
        TEXTS.update(part)


_merge(_pages.TRAIN, _pages.TRAIN_VIEW, _pages.DATA, _pages.DATA_ENGINE, _pages.MODEL, _pages.SIDEBAR)
_merge(_results.EVALUATE, _results.EXPLAIN, _results.EXPLAIN_METHODS, _results.RUNS)
_merge(_lab.LAB)
_merge(_inside.INSIDE)
_merge(_messages.MESSAGES, _messages.DATASETS)
_merge(_figures.FIGURES)
_merge(_help.HELP)
# One module per topic of work (the issue it came with), each a file of its own.
_merge(_looseends.LOOSE_ENDS)  # Step, colours, captions, words that match the numbers
_merge(_positive.POSITIVE)  # the positive class, class weights, split shares
_merge(_roles.ROLES)  # a CSV's column roles and gaps
_merge(_rowid.ROWID, _rowid.ROWID_MESSAGES)  # one row identity, one bar per text column
_merge(_reportcard.REPORT_CARD)  # the explanations' report card
_merge(_baselines.BASELINES)  # baselines to beat, errors in the target's units
_merge(_a11y.A11Y)  # accessibility: alternative texts
_merge(_trustfix.TRUSTFIX, _trustfix.TRUSTFIX_MESSAGES)  # score-based gradients, diagnosis, IG steps
_merge(_cold.COLD)  # a fresh server's one-time set-up
_merge(_cold2.COLD2)  # explainers prepared per run when its training ends
_merge(_plain.PLAIN)  # loss named as loss, demos without gaps
_merge(_queue.QUEUE)  # a shared server's line of trainings
_merge(_server.SERVER, _server.SERVER_MESSAGES)  # a shared server: sign-in, private runs, share links
_merge(_words.FEATURES, _words.FEATURE_TABLE, _words.SENTENCES)  # what the inputs mean, explanations in sentences
_merge(_draw.DRAW)  # draw a digit, tables that fit
_merge(_keys.KEYS)  # the engine's keyed messages (issue 16)
