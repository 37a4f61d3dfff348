"""Texts for explainers prepared ahead of time (ui/explainer_preparation.py), key -> (English, Chinese)."""

from __future__ import annotations

COLD2: dict[str, tuple[str, str]] = {
    "cold.preparing_model": (
        "Preparing explanations for this model, once per training: a moment…",
        "正在为这个模型准备解释（每次训练只需一次）：稍等片刻……",
    ),
    "cold.training_setting_up": (
        "Starting: the server is still setting up the training engine, once per server: a few seconds…",
        "正在启动：服务器还在准备训练引擎（每台服务器只需一次）：几秒钟……",
    ),
}
