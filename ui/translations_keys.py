"""Texts the engine's keyed messages need beyond the legacy `msg.*` table (issue 16, item 1)."""

from __future__ import annotations

KEYS: dict[str, tuple[str, str]] = {
    # Two sentences said one after the other (an outcome and a note on it).
    "msg.then": ("{first} {second}", "{first}{second}"),
    # A list cut short: "'a', 'b', 'c' and 4 more".
    "msg.frag.and_more": ("{listed} and {n} more", "{listed} 等，另有 {n} 个"),
    # What a one-class target holds when it holds no value at all.
    "msg.frag.nothing": ("nothing", "没有任何值"),
    # The singular of msg.import.class_outputs, renamed from msg.import.class_output so that every
    # plural's singular is "<key>_one" (the catalogue's plural convention).
    "msg.import.class_outputs_one": (
        "The model gives {units} output per example; the dataset '{title}' has {n} classes, so it needs "
        "{needs}. Pick the dataset the model was made for.",
        "模型对每个样本给出 {units} 个输出；数据集“{title}”有 {n} 个类别，所以需要 {needs}。"
        "请选择这个模型对应的数据集。",
    ),
    # A run's default name (nncore.runs.record.default_name): the model on the data.
    "msg.runs.default_name": ("{model} on {data}", "{data}上的{model}"),
    # A layer table row the engine refused (ui/layer_table.py), with the engine's reason.
    "msg.layers.row": ("Row {n}: {error}", "第 {n} 行：{error}"),
    # A reopened run whose data no longer matches the saved fingerprint (nncore/runs/store.py).
    "msg.runs.data_changed": (
        "Note: the data reloaded today differs from the data this run was trained on (a library update may "
        "have changed it), so its scores may differ from those saved.",
        "注意：今天重新加载的数据与这次训练所用的数据不同（可能是某个库的更新改变了它），所以它的得分可能与保存时不同。",
    ),
    # Explanation methods' names (nncore.explain.methods.method_title), by their stable key.
    # Proper names (Saliency, SHAP, LIME...) keep their English name in Chinese, as the guides use
    # it, with a Chinese gloss.
    "explain.method.saliency.title": ("Saliency", "显著图（Saliency）"),
    "explain.method.gradient_x_input.title": ("Gradient x input", "梯度×输入"),
    "explain.method.integrated_gradients.title": ("Integrated gradients", "积分梯度"),
    "explain.method.smoothgrad.title": ("SmoothGrad", "平滑梯度（SmoothGrad）"),
    "explain.method.grad_cam.title": ("Grad-CAM", "Grad-CAM 热力图"),
    "explain.method.occlusion.title": ("Occlusion", "遮挡"),
    "explain.method.kernel_shap.title": ("Kernel SHAP", "Kernel SHAP（核方法）"),
    "explain.method.permutation_shap.title": ("Permutation SHAP", "Permutation SHAP（置换法）"),
    "explain.method.gradient_shap.title": ("Gradient SHAP", "Gradient SHAP（梯度法）"),
    "explain.method.lime_tabular.title": ("LIME", "LIME（局部近似）"),
    "explain.method.lime_image.title": ("LIME", "LIME（局部近似）"),
    "explain.method.lime_sequence.title": ("LIME", "LIME（局部近似）"),
}
