"""Texts for a fresh server's one-time set-up (ui/engine_preload.py), key -> (English, Chinese)."""

from __future__ import annotations

COLD: dict[str, tuple[str, str]] = {
    "cold.setting_up": (
        "Setting up the explanation libraries, once per server: a few seconds…",
        "正在准备解释所需的库（每台服务器只需一次）：几秒钟……",
    ),
}
