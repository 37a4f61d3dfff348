"""Both themes are defined and readable: text and primary colours contrast with the background."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_theme_is_defined_with_readable_contrast(mode):
    theme = tomllib.loads(CONFIG.read_text())["theme"][mode]
    # WCAG: 7:1 for body text (AAA, fine on a projector), 3:1 for buttons and chart lines.
    assert _contrast(theme["textColor"], theme["backgroundColor"]) >= 7
    assert _contrast(theme["textColor"], theme["secondaryBackgroundColor"]) >= 7
    assert _contrast(theme["primaryColor"], theme["backgroundColor"]) >= 3


def test_no_fixed_base_so_users_can_switch():
    assert "base" not in tomllib.loads(CONFIG.read_text())["theme"]
