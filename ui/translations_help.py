"""Hover help for the controls that had none (issue 8 §2): plain words for someone who has never
trained a network. Merged into the one table in ui/translations.py."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # --- links to other pages -------------------------------------------------------------------
    "help.link.data": (
        "Open the Data page: pick the examples the network will learn from.",
        "打开“数据”页：选择网络要学习的例子。",
    ),
    "help.link.model": (
        "Open the Model page: choose how many layers and neurons the network has.",
        "打开“模型”页：决定网络有几层、每层多少个神经元。",
    ),
    "help.link.train": (
        "Open the Train page: let the network learn from the data and watch its mistakes shrink.",
        "打开“训练”页：让网络从数据中学习，看着它的错误越来越少。",
    ),
    "help.link.evaluate": (
        "Open the Evaluate page: see how well this network does on examples it never saw.",
        "打开“评估”页：看看这个网络在从没见过的例子上表现如何。",
    ),
    "help.link.explain": (
        "Open the Explain page: see which inputs made the network decide as it did.",
        "打开“解释”页：看看是哪些输入让网络做出了这样的判断。",
    ),
    "help.link.inside": (
        "Open the Inside page: look at what each layer does to an input.",
        "打开“网络内部”页：看看每一层对输入做了什么。",
    ),
    "help.link.glossary": (
        "Open the page where this term can be seen at work.",
        "打开能实际看到这个术语的页面。",
    ),
    # --- forms' buttons -------------------------------------------------------------------------
    "help.data.load": (
        "Load this dataset with the settings above. It replaces the data now in use; runs you trained "
        "before stay on the Runs page.",
        "用上面的设置载入这个数据集。它会替换当前的数据；之前训练过的记录仍保留在“训练记录”页。",
    ),
    "help.csv.use": (
        "Use your file as the dataset, with the target and input columns chosen above.",
        "用上面选好的目标列和输入列，把你的文件作为数据集。",
    ),
    "help.train.train": (
        "Start training: the network looks at the training examples again and again (one pass is an "
        "epoch) and adjusts its weights to make fewer mistakes.",
        "开始训练：网络一遍又一遍地看训练样本（看完一遍叫一个轮次），并调整权重来减少错误。",
    ),
    # --- evaluate -------------------------------------------------------------------------------
    "help.evaluate.explain_one": (
        "Open this example on the Explain page to see why the network answered as it did.",
        "在“解释”页打开这个例子，看看网络为什么这样回答。",
    ),
    # --- explain --------------------------------------------------------------------------------
    "help.explain.explain": (
        "Compute the chosen explanations for this example: which inputs pushed the prediction up or down.",
        "为这个例子计算所选的解释：哪些输入把预测推高了，哪些把它拉低了。",
    ),
    "help.explain.global": (
        "Explain many test examples at once to see which inputs matter most overall. Larger samples "
        "take longer.",
        "一次解释许多测试样本，看看总体上哪些输入最重要。样本越多，耗时越长。",
    ),
    "help.explain.dependence": (
        "Pick an input to see how its value changes its effect on the prediction, example by example.",
        "选一个输入，逐个例子看看它的取值如何改变它对预测的影响。",
    ),
    "help.explain.top_k": (
        "How many of the most important inputs each method names. Two methods agree when their "
        "top-k lists overlap.",
        "每种方法列出的最重要输入的个数。两种方法的前 k 名重叠越多，它们就越一致。",
    ),
    "help.explain.whatif_value": (
        "This example's value of “{name}”, in its own units. Change it and press Apply to see how "
        "the prediction moves.",
        "这个例子中“{name}”的取值（原始单位）。改动后点“应用”，看看预测会怎样变化。",
    ),
    "help.explain.apply": (
        "Predict and explain again with the values you typed.",
        "用你输入的数值重新预测并解释。",
    ),
    "help.explain.back": (
        "Forget your changes and use the example's real values again.",
        "放弃你的改动，重新使用这个例子的真实数值。",
    ),
    "help.explain.true_class": (
        "Show only the examples whose correct answer is this class.",
        "只显示正确答案属于这一类的例子。",
    ),
    "help.explain.gallery_page": (
        "The gallery shows a few examples at a time: choose which ones.",
        "图库一次只显示几个例子：在这里选择显示哪一批。",
    ),
    "help.explain.pick": (
        "Explain this example.",
        "解释这个例子。",
    ),
    # --- inside ---------------------------------------------------------------------------------
    "help.inside.edit_value": (
        "Your own value for “{name}”. Switch on “Use my values” above to send it through the network.",
        "你为“{name}”设定的数值。打开上面的“使用我的数值”开关，就会把它送进网络。",
    ),
    "help.inside.layer": (
        "Which layer of the network to look at. A layer is one step of the network's computation; "
        "the first are close to the input, the last give the answer.",
        "要查看网络的哪一层。每一层是网络计算中的一步：前面的层靠近输入，最后的层给出答案。",
    ),
    "help.inside.fv_unit": (
        "Which unit of this layer to study (a neuron, or a filter of a convolution), counting from 0.",
        "要研究这一层的哪个单元（一个神经元，或卷积层的一个卷积核），从 0 开始数。",
    ),
    "help.inside.fv_generate": (
        "Start from a plain grey image (with a faint random speckle) and change it step by step until this "
        "neuron responds as strongly as it can: the picture shows what it is looking for.",
        "从一张纯灰色图像（带一点微弱的随机斑点）出发，一步步修改它，直到这个神经元的反应达到最强："
        "得到的图就是它在寻找的东西。",
    ),
    # --- runs -----------------------------------------------------------------------------------
    "help.runs.import_file": (
        "A trained Keras model saved as a .keras file (for example one you downloaded from this app).",
        "一个保存为 .keras 文件的已训练 Keras 模型（比如你从本应用下载的模型）。",
    ),
    "help.runs.import_go": (
        "Check that the model fits the chosen data, then open it as the current run so you can "
        "evaluate, explain and look inside it.",
        "检查模型是否适合所选数据，然后把它作为当前的训练结果打开，以便评估、解释和查看内部。",
    ),
    "help.runs.new_name": (
        "A name that tells you later what this run was about.",
        "一个名字，方便以后想起这次训练是做什么的。",
    ),
    "help.runs.rename": (
        "Save the new name.",
        "保存新名字。",
    ),
    "help.runs.yes_delete": (
        "Delete this run and its saved model for good. This cannot be undone.",
        "永久删除这条记录和它保存的模型。删除后无法恢复。",
    ),
    "help.runs.cancel_delete": (
        "Keep the run.",
        "保留这条记录。",
    ),
}
