"""Texts for a shared server's line of trainings (nncore/training/admission.py), key -> (English, Chinese).

`msg.queue.*` are the engine's sentences word for word (read back by ui/engine_messages.py until
the engine speaks in keys); `queue.*` are the Train page's own words.
"""

from __future__ import annotations

QUEUE: dict[str, tuple[str, str]] = {
    "queue.waiting": (
        "Waiting for a free slot on this server: number {position} in line. This server trains "
        "{slots} at a time, in the order they were asked for; it starts by itself.",
        "正在等待这台服务器的空闲名额：排在第 {position} 位。这台服务器一次训练 {slots} 个模型，"
        "按提交顺序进行；轮到时会自动开始。",
    ),
    "queue.cancel": ("Cancel", "取消"),
    "sidebar.state.queued": ("waiting in line (number {position})", "排队中（第 {position} 位）"),
    "queue.cancel_help": (
        "Leave the line: this training will not start. Your settings stay as they are.",
        "离开队列：这次训练不会开始。你的设置保持不变。",
    ),
    "msg.queue.cancelled": (
        "Cancelled while waiting for a free slot.",
        "在等待空闲名额时已取消。",
    ),
    "msg.queue.full": (
        "The server is busy: {running} trainings are running and {waiting} are waiting, the most it "
        "allows. Try again in a minute.",
        "服务器正忙：{running} 个训练正在进行，{waiting} 个在排队，已达上限。请过一分钟再试。",
    ),
    "msg.queue.too_large": (
        "This server allows at most {limit} epochs x training examples per training; {epochs} epochs x "
        "{examples} examples is {product}. Choose at most {fit} epochs.",
        "这台服务器每次训练最多允许“轮数 × 训练样本数”为 {limit}；{epochs} 轮 × {examples} 个样本是 "
        "{product}。请最多选择 {fit} 轮。",
    ),
    "msg.queue.memory": (
        "This training would need about {needed} MB of memory; this server allows {limit} MB per training. "
        "Try a smaller batch size, fewer or smaller layers.",
        "这次训练大约需要 {needed} MB 内存；这台服务器每次训练最多允许 {limit} MB。"
        "试试更小的批量大小，或更少、更小的层。",
    ),
}
