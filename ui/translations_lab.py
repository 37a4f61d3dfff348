"""Translation table, part 4: the Neuron lab.

Merged into the one `ui.translations.TEXTS`; same rules (key -> (English, Simplified Chinese),
placeholders identical in both). The formulas (LaTeX) and activation names and notes from
nncore stay as they are.
"""

from __future__ import annotations

LAB: dict[str, tuple[str, str]] = {
    "lab.title": ("Neuron lab", "神经元实验室"),
    "lab.caption": (
        "What one artificial neuron computes, how it compares with a real (spiking) brain cell, how a "
        "neuron can learn, and what every step of backpropagation does, with the numbers.",
        "一个人工神经元计算什么，它和真实的（会放电的）脑细胞有什么异同，神经元怎样学习，"
        "以及反向传播的每一步在做什么，全都配上具体数字。",
    ),
    "lab.tab_neuron": ("One neuron", "一个神经元"),
    "lab.tab_brain": ("Brain cell", "脑细胞"),
    "lab.tab_rules": ("Learning rules", "学习规则"),
    "lab.tab_backprop": ("Backpropagation step by step", "一步一步看反向传播"),
    # --- one neuron ---
    "lab.and": (" and ", " 以及 "),
    "lab.never": ("never", "从不"),
    # Each activation's output range (nncore keeps it in English, Activation.output_range).
    "lab.range.sigmoid": ("0 to 1", "0 到 1"),
    "lab.range.tanh": ("-1 to 1", "-1 到 1"),
    "lab.range.relu": ("0 and up", "0 及以上"),
    "lab.range.leaky_relu": ("any value", "任意值"),
    "lab.range.elu": ("-1 and up", "-1 及以上"),
    "lab.range.softplus": ("0 and up", "0 及以上"),
    "lab.neuron_intro": (
        "An artificial neuron does two small things. It **adds up its inputs, each multiplied by a "
        "weight** (how much that input matters, and whether it pushes up or down), plus a **bias** "
        "(its own starting level). Then it passes that sum through an **activation function** that "
        "decides how strongly it responds. Move the sliders and watch every number change.",
        "人工神经元只做两件小事。它**把每个输入乘以各自的权重再加起来**（权重表示这个输入有多重要，"
        "以及它是往上推还是往下拉），再加上一个**偏置**（它自己的起始水平）。然后把这个和送进"
        "**激活函数**，由激活函数决定它反应有多强。拖动滑块，看每个数字怎样变化。",
    ),
    "lab.n_inputs": ("Number of inputs", "输入个数"),
    "lab.n_inputs_help": ("How many signals come into the neuron.", "有多少个信号进入这个神经元。"),
    "lab.input": ("Input x{i}", "输入 x{i}"),
    "lab.input_help": (
        "A signal arriving at the neuron, for example a measurement or another neuron's output.",
        "到达神经元的一个信号，例如一个测量值，或者另一个神经元的输出。",
    ),
    "lab.weight": ("Weight w{i}", "权重 w{i}"),
    "lab.weight_help": (
        "How much this input counts. Negative: the input pushes the neuron down instead of up. "
        "Learning means adjusting these numbers.",
        "这个输入有多重要。为负时：这个输入把神经元往下拉，而不是往上推。学习就是调整这些数字。",
    ),
    "lab.bias": ("Bias b", "偏置 b"),
    "lab.bias_help": (
        "The neuron's own starting level, added to the sum: it makes the neuron easier or "
        "harder to switch on.",
        "神经元自己的起始水平，加在总和上：它让神经元更容易或更难被激活。",
    ),
    "lab.activation": ("Activation function", "激活函数"),
    "lab.activation_help": (
        "The rule that turns the sum into the neuron's output. All six are drawn below; "
        "this one is used in the picture and the formulas.",
        "把总和变成神经元输出的规则。下面画出了全部六种；图和公式里用的是这里选中的这一种。",
    ),
    "lab.weighted_sum": (
        "**1. Weighted sum** — multiply each input by its weight, add them up, add the bias:",
        "**1. 加权求和** —— 每个输入乘以它的权重，加起来，再加上偏置：",
    ),
    "lab.activation_step": (
        "**2. Activation** — pass the sum through {name}:",
        "**2. 激活** —— 把总和送进 {name}：",
    ),
    "lab.every_activation": ("The same sum through every activation", "同一个总和，经过每一种激活函数"),
    "lab.every_activation_caption": (
        "Your weighted sum is z = {z}. Each activation turns it into a different output. "
        "The slope is how much the output moves when z moves a little; learning is driven by it.",
        "你的加权和是 z = {z}。每种激活函数会把它变成不同的输出。斜率表示 z 变一点点时输出变多少；"
        "学习正是由斜率推动的。",
    ),
    "lab.draw_every": ("Draw every activation", "画出所有激活函数"),
    "lab.draw_every_help": (
        "Off: the curve and slope of the activation you chose above. On: all six side by side, "
        "each with your z marked and its flat regions shaded.",
        "关闭：只画上面所选激活函数的曲线和斜率。打开：六种并排显示，每一种都标出你的 z 并把平坦区域涂灰。",
    ),
    "lab.col.activation": ("activation", "激活函数"),
    "lab.col.output": ("output a = f(z)", "输出 a = f(z)"),
    "lab.col.slope": ("slope f′(z)", "斜率 f′(z)"),
    "lab.col.range": ("output range", "输出范围"),
    "lab.col.flat": ("flat (slope < 5% of its max) where", "平坦区域（斜率 < 最大值的 5%）"),
    "lab.vanishing": (
        "Why flat curves slow learning (vanishing gradients)",
        "为什么平坦的曲线会拖慢学习（梯度消失）",
    ),
    "lab.vanishing_text": (
        "A network learns by asking, for each weight, *if I nudge this a little, how much does the "
        "error change?* The answer is a chain of slopes multiplied together, one per layer the "
        "signal passed through (the chain rule). Where an activation is flat its slope is close to "
        "zero, so the product, and with it the weight's update, is close to zero: the neuron "
        "barely learns. Across many layers it gets worse: the sigmoid's slope is at most 0.25, so "
        "ten sigmoid layers shrink the signal by at least",
        "网络学习时，会对每个权重问：*如果把它稍微调一点，误差会变多少？* 答案是一串斜率相乘，"
        "信号经过的每一层贡献一个（链式法则）。激活函数平坦的地方斜率接近零，所以乘积——"
        "以及权重的更新量——也接近零：神经元几乎学不到东西。层数一多就更糟：sigmoid 的斜率最大只有 0.25，"
        "所以十层 sigmoid 会把信号至少缩小到",
    ),
    "lab.vanishing_relu": (
        "This is why modern networks mostly use ReLU-like activations in hidden layers: their "
        "slope is exactly 1 for positive sums.",
        "这就是为什么现代网络的隐藏层大多使用类似 ReLU 的激活函数：总和为正时，它们的斜率正好是 1。",
    ),
    # --- brain cell ---
    "lab.brain_intro": (
        "A real nerve cell works differently. Its outer skin (the **membrane**) holds an electrical "
        "voltage. Incoming current charges it up, while it slowly **leaks** back towards rest. When "
        "the voltage reaches a **threshold**, the cell fires a brief pulse, a **spike**, then resets "
        "and needs a moment (the **refractory period**) before it can fire again. This *leaky "
        "integrate-and-fire* model captures just that.",
        "真实的神经细胞工作方式不同。它的外层（**细胞膜**）带有电压。流入的电流给它充电，"
        "同时电压又慢慢**泄漏**回静息水平。电压达到**阈值**时，细胞发出一个短暂的脉冲——"
        "**尖峰（spike）**，然后复位，需要休息片刻（**不应期**）才能再次放电。"
        "这个*泄漏积分-放电（leaky integrate-and-fire）*模型描述的正是这个过程。",
    ),
    "lab.current": ("Input current (nA)", "输入电流（nA）"),
    "lab.current_help": (
        "How strongly the cell is being pushed, in nanoamperes. It is switched on at {on} ms and off at {off} ms.",
        "细胞受到的刺激有多强，单位是纳安。电流在 {on} 毫秒时接通，{off} 毫秒时断开。",
    ),
    "lab.refractory": ("Refractory period (ms)", "不应期（毫秒）"),
    "lab.refractory_help": (
        "How long the cell must rest after each spike before it can fire again. It limits "
        "how fast the cell can ever fire.",
        "每次放电后细胞必须休息多久才能再次放电。它限制了细胞放电的最高频率。",
    ),
    "lab.tau": ("Membrane time constant (ms)", "膜时间常数（毫秒）"),
    "lab.tau_help": (
        "How slowly the voltage leaks back to rest: larger means the cell remembers its "
        "input for longer.",
        "电压泄漏回静息水平有多慢：越大，细胞对输入“记得”越久。",
    ),
    "lab.spikes": ("Spikes", "尖峰数"),
    "lab.spikes_help": ("Spikes fired while the current was on.", "电流接通期间发出的尖峰个数。"),
    "lab.rate": ("Firing rate", "放电频率"),
    "lab.rate_help": (
        "Spikes per second once the cell has settled into its rhythm.",
        "细胞进入稳定节律后每秒发出的尖峰数。",
    ),
    "lab.threshold": ("Threshold current", "阈值电流"),
    "lab.threshold_help": (
        "Below this steady current the voltage never reaches the threshold: no spikes at all.",
        "稳定电流低于这个值时，电压永远达不到阈值：完全不放电。",
    ),
    "lab.model_line": (
        "**The model in one line** — the voltage V moves towards rest and is pushed up by the current I:",
        "**一行写出这个模型** —— 电压 V 趋向静息水平，同时被电流 I 往上推：",
    ),
    "lab.spike_rule": (
        "**The spike rule** — on reaching the threshold, fire, reset and rest:",
        "**放电规则** —— 达到阈值就放电、复位、休息：",
    ),
    "lab.threshold_formula": (
        "**The threshold current** — the weakest steady input that ever makes it fire:",
        "**阈值电流** —— 能让它放电的最弱的稳定输入：",
    ),
    "lab.izhikevich": (
        "A richer model: Izhikevich's neuron (bursts, fast spiking)",
        "更丰富的模型：Izhikevich 神经元（簇发放电、快速放电）",
    ),
    "lab.rate_coding": ("From spikes to a number: the firing rate", "从尖峰到数字：放电频率"),
    "lab.rate_coding_text": (
        "An artificial neuron outputs a single number. A brain cell outputs spikes. One common "
        "bridge is **rate coding**: read the cell's output as *how many spikes per second* it fires. "
        "Below, the model cell is simulated at many currents and its rate plotted: the *f-I curve*. "
        "ReLU and softplus are then fitted to the same points, so you can see how well they match.",
        "人工神经元输出一个数字，脑细胞输出的是尖峰。一种常见的桥梁是**频率编码**：把细胞的输出读作"
        "*每秒放电多少次*。下面在许多不同电流下模拟这个细胞，并画出它的放电频率：这就是 *f-I 曲线*。"
        "再用 ReLU 和 softplus 去拟合同样的点，看看它们有多吻合。",
    ),
    "lab.fi_max": ("Largest current shown (nA)", "显示的最大电流（nA）"),
    "lab.fi_max_help": (
        "The range of currents on the curve. Push it up to see the rate level off near its ceiling.",
        "曲线上电流的范围。调高它，可以看到频率在上限附近变平。",
    ),
    "lab.fi_measured": (
        "Measured from the simulation: {n} currents below the threshold, all with rate {rate}/s; "
        "the highest rate is {top}/s ",
        "模拟测得：有 {n} 个电流低于阈值，频率都是 {rate}/秒；最高频率为 {top}/秒",
    ),
    "lab.fi_ceiling": ("(ceiling {ceiling}/s). ", "（上限 {ceiling}/秒）。"),
    "lab.fi_no_ceiling": ("(no ceiling: refractory period is 0). ", "（没有上限：不应期为 0）。"),
    "lab.fi_gap": (
        "Simulation and textbook formula differ by at most {gap} spikes/s.",
        "模拟结果与教科书公式最多相差 {gap} 次/秒。",
    ),
    "lab.rate_formula": (
        "**The firing rate, worked out on paper** (the solid line), next to ReLU:",
        "**在纸上推导出的放电频率**（实线），与 ReLU 对照：",
    ),
    "lab.analogy_holds": (
        "**Where the analogy holds**\n\n"
        "- *Threshold:* no output at all below a certain input, as ReLU gives 0 for negative sums.\n"
        "- *More in, more out:* above threshold the rate rises with the current.\n"
        "- *Weighted sum:* a cell adds up currents from many synapses, each stronger or weaker, "
        "some exciting and some inhibiting: much like weights.",
        "**类比成立的地方**\n\n"
        "- *阈值：*输入低于某个值时完全没有输出，就像 ReLU 对负的总和输出 0。\n"
        "- *输入越多，输出越多：*超过阈值后，频率随电流上升。\n"
        "- *加权求和：*细胞把来自许多突触的电流加起来，有的强有的弱，有的兴奋有的抑制：很像权重。",
    ),
    "lab.analogy_breaks": (
        "**Where it breaks**\n\n"
        "- *Ceiling:* the rate levels off (the refractory period); ReLU grows forever.\n"
        "- *Spikes and time:* a real cell sends all-or-nothing pulses, and *when* they arrive "
        "carries information too; an artificial neuron sends one number, with no time in it.\n"
        "- *Energy:* spikes are sparse and the brain runs on about 20 watts; a network computes "
        "every neuron for every input.\n"
        "- *Learning:* the brain has no known way to send exact error gradients backwards.",
        "**类比不成立的地方**\n\n"
        "- *上限：*频率会趋于平稳（因为不应期）；ReLU 却可以无限增长。\n"
        "- *尖峰与时间：*真实细胞发出全有或全无的脉冲，脉冲*什么时候*到达也携带信息；"
        "人工神经元只发出一个数字，里面没有时间。\n"
        "- *能量：*尖峰很稀疏，大脑只消耗大约 20 瓦；网络对每个输入都要计算每一个神经元。\n"
        "- *学习：*目前还不知道大脑有什么办法把精确的误差梯度往回传。",
    ),
    "lab.izh_intro": (
        "Two equations and four numbers reproduce many firing patterns seen in real cortex. "
        "The current here is in the model's own units.",
        "两个方程加四个数字，就能重现真实大脑皮层中的许多放电模式。这里的电流使用模型自己的单位。",
    ),
    "lab.izh_pattern": ("Firing pattern", "放电模式"),
    "lab.izh_pattern_help": (
        "Different kinds of brain cells respond to the same input in different rhythms.",
        "不同种类的脑细胞对同样的输入会以不同的节律反应。",
    ),
    "lab.izh.regular_spiking": ("regular spiking", "规则放电"),
    "lab.izh.fast_spiking": ("fast spiking", "快速放电"),
    "lab.izh.chattering_(bursts)": ("chattering (bursts)", "颤振放电（簇发）"),
    "lab.izh.intrinsically_bursting": ("intrinsically bursting", "内在簇发放电"),
    "lab.izh_current": ("Input current", "输入电流"),
    "lab.izh_current_help": (
        "How strongly the cell is pushed (the model's own units, not nA).",
        "细胞受到的刺激有多强（模型自己的单位，不是 nA）。",
    ),
    "lab.izh_spikes": ("{n} spikes while the current was on.", "电流接通期间发出了 {n} 个尖峰。"),
    # --- learning rules ---
    "lab.rules_intro": (
        "How should a neuron change its weights? Two very different answers, tried on the **same** "
        "inputs: 100 points from a stretched cloud, and a *teacher* who says what the output should "
        "be for each (its own weights are −0.5 and 1.0). The neuron here simply outputs its weighted "
        "sum, y = w₁x₁ + w₂x₂, and sees the points one at a time.",
        "神经元应该怎样改变它的权重？这里有两种截然不同的答案，在**同样的**输入上试验："
        "来自一团拉长点云的 100 个点，以及一位*老师*，告诉神经元每个点的输出应该是多少"
        "（老师自己的权重是 −0.5 和 1.0）。这里的神经元直接输出它的加权和 y = w₁x₁ + w₂x₂，"
        "并且一次只看一个点。",
    ),
    "lab.rule_lr": ("Learning rate", "学习率"),
    "lab.rule_lr_help": (
        "How big each adjustment is. Too small: slow. Too big: the weights overshoot and swing.",
        "每次调整有多大。太小：很慢。太大：权重会冲过头并来回摆动。",
    ),
    "lab.rule_epochs": ("Passes over the data", "遍历数据的次数"),
    "lab.rule_epochs_help": ("How many times the neuron sees all 100 points.", "神经元把全部 100 个点看多少遍。"),
    "lab.rule_seed": ("Random seed", "随机种子"),
    "lab.rule_seed_help": (
        "Picks a different random cloud and order of points; the same number gives the same result.",
        "选择不同的随机点云和点的顺序；同一个数字得到同样的结果。",
    ),
    "lab.delta_rule": (
        "**Delta rule** (gradient descent): move the weights to shrink the error.",
        "**Delta 规则**（梯度下降）：调整权重，让误差变小。",
    ),
    "lab.hebb_rule": (
        "**Plain Hebb**: strengthen a weight when input and output are active together.",
        "**朴素 Hebb 规则**：输入和输出同时活跃时，就加强这个权重。",
    ),
    "lab.oja_rule": (
        "**Oja's rule**: Hebb, plus a term that makes weights fade as they grow.",
        "**Oja 规则**：在 Hebb 规则上加一项，让权重在变大时逐渐衰减。",
    ),
    "lab.rule_symbols": (
        "η is the learning rate, x the input, y the neuron's output, t the teacher's answer.",
        "η 是学习率，x 是输入，y 是神经元的输出，t 是老师给出的答案。",
    ),
    "lab.rule.delta": ("Delta rule (gradient descent)", "Delta 规则（梯度下降）"),
    "lab.rule.hebb": ("Plain Hebb", "朴素 Hebb 规则"),
    "lab.rule.oja": ("Oja's rule (bounded Hebb)", "Oja 规则（有界的 Hebb）"),
    "lab.col.rule": ("rule", "规则"),
    "lab.col.teacher": ("uses the teacher?", "用到老师了吗？"),
    "lab.col.final": ("final w{i}", "最终 w{i}"),
    "lab.col.length": ("length |w|", "长度 |w|"),
    "lab.col.error": ("error vs teacher", "与老师的误差"),
    "lab.hebb_stopped": (
        "Plain Hebb was stopped after {n} updates, when its weights passed length 1,000.",
        "朴素 Hebb 规则在 {n} 次更新后被停止，因为它的权重长度超过了 1,000。",
    ),
    "lab.rules_outcome": (
        "**What happened**\n\n"
        "- The **delta rule** ends near the teacher's weights (−0.5, 1.0): it is told the right "
        "answer and corrects its error, the same idea that trains deep networks.\n"
        "- **Plain Hebb** has no teacher and no brake: every update makes the output bigger, which "
        "makes the next update bigger, until the weights explode.\n"
        "- **Oja's rule** also has no teacher, but stays bounded (length about 1). It ends pointing "
        "along the direction in which the inputs vary most, ({pc1}, {pc2}): it found a "
        "pattern in the data, not the teacher's answer.\n\n"
        "Hebbian learning is thought to be close to what synapses really do; error-driven learning "
        "is what makes artificial networks accurate.",
        "**发生了什么**\n\n"
        "- **Delta 规则**最后停在老师的权重 (−0.5, 1.0) 附近：它被告知正确答案，并纠正自己的误差——"
        "训练深度网络用的也是这个思路。\n"
        "- **朴素 Hebb 规则**没有老师，也没有刹车：每次更新都让输出变大，输出变大又让下一次更新更大，"
        "直到权重爆炸。\n"
        "- **Oja 规则**同样没有老师，但保持有界（长度约为 1）。它最后指向输入变化最大的方向 "
        "({pc1}, {pc2})：它发现的是数据中的规律，而不是老师的答案。\n\n"
        "人们认为 Hebb 式学习接近突触真正的工作方式；而让人工网络变得准确的，是误差驱动的学习。",
    ),
    # --- backpropagation ---
    "lab.bp.forward.title": ("① Forward pass", "① 前向传播"),
    "lab.bp.loss.title": ("② Loss", "② 损失"),
    "lab.bp.backward.title": ("③ Backward pass", "③ 反向传播"),
    "lab.bp.update.title": ("④ Update", "④ 更新"),
    "lab.bp.forward.next": ("Next: measure the loss", "下一步：计算损失"),
    "lab.bp.loss.next": ("Next: backward pass", "下一步：反向传播"),
    "lab.bp.backward.next": ("Next: update the weights", "下一步：更新权重"),
    "lab.bp.update.next": ("Apply the update, start the next step", "应用更新，开始下一步"),
    "lab.bp.forward.text": (
        "The inputs flow left to right. Each hidden neuron forms its weighted sum z and "
        "applies its activation to get a; the output neuron does the same with the hidden outputs and "
        "a sigmoid, giving ŷ: the network's probability that the point is class 1.",
        "输入从左往右流动。每个隐藏神经元算出加权和 z，再经过激活函数得到 a；输出神经元对隐藏层的输出做同样的事，"
        "用的是 sigmoid，得到 ŷ：网络认为这个点属于类别 1 的概率。",
    ),
    "lab.bp.loss.text": (
        "The loss is one number that says how wrong the network is, averaged over all the "
        "examples. Zero would be perfect. Training means making this number smaller.",
        "损失是一个数字，表示网络错得有多厉害，对所有样本取平均。零就是完美。训练就是让这个数字变小。",
    ),
    "lab.bp.backward.text": (
        "Now the blame flows right to left. δ (delta) says how much the loss would change "
        "if a neuron's sum z moved a little. The output's δ comes straight from its error; each hidden "
        "neuron's δ is the output's δ, times the weight that carried its signal, times its own slope. "
        "That is the chain rule. A weight's gradient is its input times the δ it feeds, added over "
        "all examples.",
        "现在“责任”从右往左传。δ（delta）表示神经元的总和 z 变一点点时，损失会变多少。"
        "输出的 δ 直接来自它的误差；每个隐藏神经元的 δ 等于输出的 δ，乘以传递它信号的那个权重，"
        "再乘以它自己的斜率。这就是链式法则。一个权重的梯度等于它的输入乘以它所连接的 δ，再对所有样本求和。",
    ),
    "lab.bp.update.text": (
        "Each weight takes a small step downhill: minus the learning rate times its gradient. "
        "A weight whose gradient is positive goes down (increasing it would increase the loss), and "
        "the other way round.",
        "每个权重都往“下坡”走一小步：减去学习率乘以它的梯度。梯度为正的权重会减小"
        "（增大它会让损失变大），反之亦然。",
    ),
    "lab.bp_ran": ("Ran {n} steps: loss {before} → {after}.", "运行了 {n} 步：损失 {before} → {after}。"),
    "lab.bp_intro": (
        "A tiny network: **2 inputs → a few hidden neurons → 1 output**, learning to sort points "
        "into two classes. The classic puzzle is **XOR**: the output should be 1 when exactly one "
        "input is 1. No single straight line separates those points, so one neuron cannot do it; "
        "a hidden layer can. Step through one round of training and see every number; then let it "
        "run for hundreds of steps.",
        "一个很小的网络：**2 个输入 → 几个隐藏神经元 → 1 个输出**，学习把点分成两类。"
        "经典难题是**异或（XOR）**：恰好有一个输入为 1 时，输出应为 1。没有哪条直线能把这些点分开，"
        "所以一个神经元做不到；加一个隐藏层就可以。先一步一步走完一轮训练，看清每个数字；"
        "再让它连续跑几百步。",
    ),
    "lab.bp_data": ("Data", "数据"),
    "lab.bp_data_help": (
        "The points to learn. 'XOR, the 4 corners' is the classic; the others have 60 points.",
        "要学习的点。“异或，4 个角”是经典例子；其他数据各有 60 个点。",
    ),
    "lab.problem.xor4": ("XOR, the 4 corners", "异或，4 个角"),
    "lab.problem.xor": ("XOR cloud", "异或点云"),
    "lab.problem.circles": ("Circles", "圆环"),
    "lab.problem.moons": ("Moons", "双月"),
    "lab.problem.gaussians": ("Two blobs", "两团点"),
    "lab.bp_hidden": ("Hidden neurons", "隐藏神经元个数"),
    "lab.bp_hidden_help": (
        "Neurons in the middle layer. XOR needs at least 2; with 1 it cannot be solved.",
        "中间层的神经元个数。异或至少需要 2 个；只有 1 个时无法解决。",
    ),
    "lab.bp_activation": ("Hidden activation", "隐藏层激活函数"),
    "lab.bp_activation_help": ("The function each hidden neuron applies to its sum.", "每个隐藏神经元对它的总和使用的函数。"),
    "lab.bp_loss": ("Loss", "损失函数"),
    "lab.bp_loss_help": (
        "How wrongness is measured. Cross-entropy punishes confident mistakes hard; mean squared "
        "error averages the squared gaps.",
        "怎样衡量错误。交叉熵会重罚自信的错误；均方误差对差距的平方取平均。",
    ),
    "lab.loss.cross_entropy": ("Cross-entropy", "交叉熵"),
    "lab.loss.mse": ("Mean squared error", "均方误差"),
    "lab.bp_lr": ("Learning rate η", "学习率 η"),
    "lab.bp_lr_help": (
        "How big a step each update takes. Too small: slow. Too large: it overshoots and may never settle.",
        "每次更新迈多大一步。太小：很慢。太大：会冲过头，可能永远稳定不下来。",
    ),
    "lab.bp_seed": ("Seed for the starting weights", "初始权重的随机种子"),
    "lab.bp_seed_help": (
        "Picks the random starting weights. The same seed always gives the same start; some "
        "starts get stuck.",
        "选择随机的初始权重。同一个种子总是得到同样的起点；有些起点会卡住。",
    ),
    "lab.bp_next_help": ("Reveal the next part of this training step.", "显示这一训练步的下一部分。"),
    "lab.bp_whole": ("Do a whole step", "走完整一步"),
    "lab.bp_whole_help": ("Compute everything and apply the update at once.", "一次算完所有内容并应用更新。"),
    "lab.bp_reset": ("New weights", "重新初始化权重"),
    "lab.bp_reset_help": ("Start again from the random weights given by the seed.", "从种子给出的随机权重重新开始。"),
    "lab.bp_run_length": ("Steps to run in one go", "一次连续运行的步数"),
    "lab.bp_run_length_help": ("How many full training steps the run button does.", "运行按钮一次执行多少个完整的训练步。"),
    "lab.bp_run": ("Run {n} steps", "运行 {n} 步"),
    "lab.bp_run_help": (
        "Train for many steps in one go (each uses all the points) and watch the loss fall.",
        "一次训练很多步（每一步都用全部的点），看着损失下降。",
    ),
    "lab.bp_step": ("**Training step {n}:** {trail}", "**第 {n} 个训练步**：{trail}"),
    "lab.bp_follow": ("Follow example", "跟踪样本"),
    "lab.bp_example": ("#{i}: x = ({x1}, {x2}), class {y}", "#{i}：x = ({x1}, {x2})，类别 {y}"),
    "lab.bp_follow_help": (
        "The diagram and formulas show this example's numbers. Gradients and updates use all examples.",
        "图和公式显示这个样本的数字。梯度和更新使用全部样本。",
    ),
    "lab.bp_forward": ("**Forward pass** (example #{i})", "**前向传播**（样本 #{i}）"),
    "lab.bp_loss_heading": ("**Loss**", "**损失**"),
    "lab.bp_backward": (
        "**Backward pass: the chain rule** (δ for example #{i}; gradients add over all examples)",
        "**反向传播：链式法则**（样本 #{i} 的 δ；梯度对所有样本求和）",
    ),
    "lab.bp_update": ("**Update** with learning rate η = {lr}", "**更新**，学习率 η = {lr}"),
    "lab.bp_every_example": ("**Every example**", "**每个样本**"),
    "lab.bp_every_example_delta": (
        "**Every example** (δ = how much the loss moves with that neuron's sum)",
        "**每个样本**（δ = 该神经元的总和变化时损失变化多少）",
    ),
    "lab.bp_every_weight": ("**Every weight and bias**", "**每个权重和偏置**"),
    "lab.bp_every_weight_update": (
        "**Every weight and bias** — the update adds the *change* column to the *value* column",
        "**每个权重和偏置** —— 更新就是把*变化量*一列加到*当前值*一列上",
    ),
    "lab.col.target": ("target y", "目标 y"),
    "lab.col.parameter": ("parameter", "参数"),
    "lab.col.connects": ("connects", "连接"),
    "lab.col.value": ("value", "当前值"),
    "lab.col.gradient": ("gradient ∂L/∂θ", "梯度 ∂L/∂θ"),
    "lab.col.change": ("change −η·∂L/∂θ", "变化量 −η·∂L/∂θ"),
    "lab.col.new": ("new value", "新值"),
    "lab.bias_of": ("bias of {unit}", "{unit} 的偏置"),
    "lab.bp_tf_spinner": (
        "Asking TensorFlow to redo this step (the first time takes a few seconds)…",
        "正在让 TensorFlow 重做这一步（第一次需要几秒钟）…",
    ),
    "lab.bp_tf_agree": (
        "**Checked against TensorFlow:** these NumPy numbers and TensorFlow's automatic "
        "differentiation (GradientTape, then TensorFlow's SGD update) on the same weights agree. Largest "
        "difference: **{difference}** (allowed: {allowed}; {parts}).",
        "**与 TensorFlow 核对**：这些 NumPy 算出的数字，与 TensorFlow 在同样权重上的自动微分"
        "（GradientTape，再加 TensorFlow 的 SGD 更新）一致。最大差异：**{difference}**（允许：{allowed}；{parts}）。",
    ),
    "lab.bp_tf_disagree": (
        "**Checked against TensorFlow:** these NumPy numbers and TensorFlow's automatic "
        "differentiation (GradientTape, then TensorFlow's SGD update) on the same weights DISAGREE. Largest "
        "difference: **{difference}** (allowed: {allowed}; {parts}).",
        "**与 TensorFlow 核对**：这些 NumPy 算出的数字，与 TensorFlow 在同样权重上的自动微分"
        "（GradientTape，再加 TensorFlow 的 SGD 更新）**不一致**。最大差异：**{difference}**（允许：{allowed}；{parts}）。",
    ),
    "lab.bp_progress": ("Over many steps", "经过许多步之后"),
    "lab.bp_steps_done": ("Steps done", "已完成步数"),
    "lab.bp_steps_done_help": (
        "Completed training steps since the weights were new.",
        "从权重重新初始化以来完成的训练步数。",
    ),
    "lab.bp_loss_now": ("Loss now", "当前损失"),
    "lab.bp_loss_now_help": (
        "How wrong the network is now, over all points. Lower is better.",
        "网络现在在所有点上错得有多厉害。越低越好。",
    ),
    "lab.bp_points_right": ("Points right", "分对的点"),
    "lab.bp_points_right_help": (
        "Share of points on the correct side of the boundary (ŷ above or below 0.5).",
        "落在边界正确一侧的点所占的比例（ŷ 高于或低于 0.5）。",
    ),
    "lab.bp_solved": (
        "Solved: every point is classified correctly (first at step {step}).",
        "解决了：每个点都分对了（第一次是在第 {step} 步）。",
    ),
    "lab.bp_not_solved": (
        "Not solved yet. With 1 hidden neuron XOR cannot be solved at all; with 2 some starting "
        "weights get stuck (try another seed), and a learning rate far too small or too large "
        "also fails.",
        "还没有解决。只有 1 个隐藏神经元时，异或根本无法解决；有 2 个时，有些初始权重会卡住"
        "（换个种子试试），学习率太小或太大也会失败。",
    ),
    "lab.bp_curve_title": ("Loss and accuracy", "损失和准确率"),
    "lab.bp_boundary_title": ("What the network answers, everywhere", "网络在每一处的回答"),
    "lab.bp_boundary_caption": (
        "Right: the shading is the network's answer at every point of the plane (blue: class 1, "
        "orange: class 0); the black line is where it is undecided (ŷ = 0.5).",
        "右图：底色是网络在平面上每一点的回答（蓝色：类别 1，橙色：类别 0）；黑线是它拿不定主意的地方（ŷ = 0.5）。",
    ),
}
