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


# --- the colours Streamlit derives from the theme ---------------------------------------------
# Streamlit 1.67 draws st.caption, help text and the sidebar's captions as textColor at 60%
# opacity (measured in Chromium: #1F2937 on white rendered #797f87), selected tabs and the
# chosen option of a segmented control in the primary colour on a 10% tint of it, and inline
# code inside a caption as codeTextColor at the caption's 60%, and st.dataframe's column
# headers (drawn on a canvas, so not measurable in the page) as textColor at 70% (its default
# dataframeHeaderTextColor, `fadedText70`, in Streamlit 1.67's frontend). These sums are what a
# reader sees; tests/e2e/test_accessibility.py measures the DOM's colours in the browser.
CAPTION_OPACITY = 0.6
TABLE_HEADER_OPACITY = 0.7
PRIMARY_TINT = 0.10


def _blend(top: str, under: str, alpha: float) -> str:
    a = [int(top.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(under.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(alpha * x + (1 - alpha) * y):02x}" for x, y in zip(a, b))


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_derived_text_colours_meet_wcag_aa(mode, background):
    theme = tomllib.loads(CONFIG.read_text())["theme"][mode]
    under = theme[background]
    caption = _blend(theme["textColor"], under, CAPTION_OPACITY)
    assert _contrast(caption, under) >= 4.5, f"caption {caption} on {under}"
    header = _blend(theme["textColor"], under, TABLE_HEADER_OPACITY)
    assert _contrast(header, under) >= 4.5, f"table header {header} on {under}"
    code = _blend(theme["codeTextColor"], under, CAPTION_OPACITY)
    assert _contrast(code, under) >= 4.5, f"code in a caption {code} on {under}"
    tint = _blend(theme["primaryColor"], under, PRIMARY_TINT)
    assert _contrast(theme["primaryColor"], under) >= 4.5, "primary colour as text (the open tab)"
    assert _contrast(theme["primaryColor"], tint) >= 4.5, "primary colour as text on its own tint (the chosen language)"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_primary_button_label_is_readable(mode):
    """ui/contrast_css.py writes primary buttons' labels in the page's background colour."""
    theme = tomllib.loads(CONFIG.read_text())["theme"][mode]
    assert _contrast(theme["backgroundColor"], theme["primaryColor"]) >= 4.5


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_chart_marks_have_3_to_1_on_both_backgrounds(mode):
    """WCAG 1.4.11: graphics that carry meaning (lines, markers, bars) need 3:1 against what
    is next to them, here the figure's background, which is the theme's page background."""
    from nncore.plots.style import NEUTRAL, PALETTE

    background = tomllib.loads(CONFIG.read_text())["theme"][mode]["backgroundColor"]
    for colour in (*PALETTE, NEUTRAL):
        assert _contrast(colour, background) >= 3, f"{colour} on {background}"


# Streamlit 1.67 draws a code block (st.code) on the secondary background at half strength over
# the page (measured in Chromium: #F8FAFC between #FFFFFF and #F1F5F9); a code block inside a
# container on the secondary background is on that colour itself. Streamlit's own syntax
# colours fell to 2.6:1 there (axe-core on the Model page's JSON); ui/contrast_css.py sets them.
CODE_BACKGROUND_STRENGTH = 0.5


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_code_syntax_colours_meet_wcag_aa(mode):
    from ui.contrast_css import CODE_TOKEN_COLOURS, contrast_css

    theme = tomllib.loads(CONFIG.read_text())["theme"][mode]
    code_background = _blend(theme["secondaryBackgroundColor"], theme["backgroundColor"], CODE_BACKGROUND_STRENGTH)
    css = contrast_css(theme["backgroundColor"], theme["backgroundColor"])
    for kinds, colours in CODE_TOKEN_COLOURS.items():
        colour = colours[0 if mode == "light" else 1]
        for under in (theme["backgroundColor"], code_background, theme["secondaryBackgroundColor"]):
            assert _contrast(colour, under) >= 4.5, f"{kinds}: {colour} on {under}"
        for kind in kinds.split():  # every kind is in the style sheet the app adds to the page
            assert f'[data-testid="stCode"] .token.{kind}' in css
    # The kinds Prism gives JSON, the one language the app highlights, are all covered.
    covered = " ".join(CODE_TOKEN_COLOURS).split()
    assert {"property", "string", "number", "boolean", "punctuation", "operator"} <= set(covered)
