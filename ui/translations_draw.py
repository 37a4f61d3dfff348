"""Texts of issue 18 item 3 (draw a digit) and item 6 (tables that fit). Keys start with `draw.`,
except the CNN demo's fourth caption, named as ui/demos.py names every step's caption."""

from __future__ import annotations

DRAW: dict[str, tuple[str, str]] = {
    "draw.toggle": ("Draw a digit yourself", "自己画一个数字"),
    "draw.toggle_help": (
        "Draw a digit with the mouse, a pen or a finger, instead of picking a test example. The "
        "answer, the probabilities and the explanations follow your drawing.",
        "用鼠标、手写笔或手指画一个数字，代替挑选测试样本。答案、概率和解释都会跟着你的画更新。",
    ),
    "draw.canvas_label": ("Canvas: draw a digit from 0 to 9", "画布：画一个 0 到 9 的数字"),
    "draw.clear": ("Clear", "清除"),
    "draw.how": (
        "Draw one digit, large, in the box. Before the network sees it, your drawing is prepared "
        "as the training digits were: {steps}",
        "在框里画一个大大的数字。网络看到它之前，你的画会像训练用的数字那样处理：{steps}",
    ),
    "draw.steps_optdigits": (
        "cut to the ink's box, scaled to fill a 32x32 square keeping its shape, redrawn with the "
        "training digits' pen, then every 4x4 block's inked pixels counted (grey levels 0 to 16) "
        "to make the 8x8 image the network sees.",
        "裁到墨迹所在的方框，保持形状缩放到填满 32x32 的方块，用训练数字的笔粗重画，"
        "再数出每个 4x4 小块里有墨的像素（灰度 0 到 16），得到网络看到的 8x8 图像。",
    ),
    "draw.steps_mnist": (
        "cut to the ink's box, scaled to fit a {box}x{box} box keeping its shape (soft grey edges), "
        "redrawn with the training digits' pen, and centred in a {side}x{side} image.",
        "裁到墨迹所在的方框，保持形状缩放到 {box}x{box} 的框内（边缘是柔和的灰色），"
        "用训练数字的笔粗重画，再放在 {side}x{side} 图像的正中。",
    ),
    "draw.empty": (
        "Nothing drawn yet: draw a digit in the white box above.",
        "还没有画：请在上方的白框里画一个数字。",
    ),
    "draw.seen": ("What the network sees ({side}x{side})", "网络看到的样子（{side}x{side}）"),
    "draw.this_drawing": ("**Your drawing**", "**你的画**"),
    "draw.prediction": (
        "The network reads **{predicted}** ({sure} sure).",
        "网络认为这是 **{predicted}**（把握 {sure}）。",
    ),
    "draw.probabilities": ("How sure it is of each digit", "它对每个数字的把握"),
    "draw.inside_input": ("Your drawing, as the network sees it", "你的画（网络看到的样子）"),
    "demo.cnn.step4": (
        "**Step 4: your turn.** We drew a 7 on the canvas below; the network's answer, its "
        "probability for every digit and the maps of where it looked are already there. Press "
        "**Clear** and draw your own digit with the mouse or a finger: everything follows your drawing.",
        "**第 4 步：轮到你了。** 我们在下方画布上画了一个 7；网络的答案、它对每个数字的把握，"
        "以及它看了哪里的热力图都已经显示出来。点击 **清除**，用鼠标或手指画你自己的数字："
        "所有结果都会跟着你的画更新。",
    ),
}
