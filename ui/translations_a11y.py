"""Translation table: accessibility texts (text alternatives a screen reader reads).

Merged into the one `ui.translations.TEXTS`; same rules (key -> (English, Simplified Chinese),
placeholders identical in both).
"""

from __future__ import annotations

A11Y: dict[str, tuple[str, str]] = {
    # The alt text of a thumbnail in the Explain page's gallery (its visible caption is "#12 3").
    "a11y.thumbnail_alt": ("Test image {index}, labelled {label}", "测试图像 {index}，标签为 {label}"),
    "a11y.thumbnail_alt_unlabelled": ("Test image {index}", "测试图像 {index}"),
}
