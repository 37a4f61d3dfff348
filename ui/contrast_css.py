"""Readable text in both themes where no theme option reaches: one small style sheet.

- Chart text. Streamlit's Plotly theme writes axis tick labels, axis titles, subplot titles and
  colour-bar labels in a fixed grey, #808495 (Streamlit 1.67's `gray70`), whenever the
  background is light, whatever the theme's textColor: 3.8:1 on white, under WCAG AA's 4.5:1.
  A figure cannot carry a colour of its own that reads on both themes (no colour has 4.5:1
  against white and #0F1419 at once), so exactly the text Plotly drew in that grey, and every
  legend (a figure's second legend gets Plotly's default #444 in both themes), is painted in
  the surrounding text colour, the theme's textColor. On the dark background Streamlit's light
  grey reads well (11:1) and is left alone.
- Primary buttons and the chosen options of a multiselect (tags on the primary colour).
  Streamlit writes their text in white; on the dark theme's sky blue that is 2.3:1. The text
  takes the page's background colour instead (`light-dark()` follows the
  colour scheme Streamlit sets for its theme): white on the light theme's blue (6.8:1), the
  dark background on the sky blue (8:1).
- Code blocks (st.code with a language: the Model page's JSON). Streamlit colours the syntax
  in fixed shades of one palette for both themes (properties #00A4D4, strings #09AB3B,
  numbers #29B09D, punctuation #808495: 2.6 to 3.6:1 on the light theme's code background, and
  keywords 4.4:1 on the dark one). Each kind of token gets a shade that reads on its theme
  (CODE_TOKEN_COLOURS, light and dark), 4.6:1 or more on the code block's background.

tests/e2e/test_accessibility.py measures all of this in the browser, in both themes.
"""

from __future__ import annotations

import streamlit as st

STREAMLIT_PLOTLY_GREY = "rgb(128, 132, 149)"  # #808495, as Plotly writes it in the text's style

# Syntax colours in code blocks, (light theme, dark theme) per kind of Prism token: the light
# theme's primary blue and darker green, orange and grey; the dark theme's sky blue and lighter
# shades. tests/test_themes.py checks each against the code background of its theme.
CODE_TOKEN_COLOURS: dict[str, tuple[str, str]] = {
    "attr-name property variable keyword tag function class-name selector url": ("#005F96", "#56B4E9"),
    "string char attr-value inserted": ("#1A7F37", "#7EE787"),
    "number regex boolean constant symbol operator entity decorator atrule important deleted": ("#953800", "#FFA657"),
    "comment prolog doctype cdata punctuation": ("#57606A", "#A8B1BB"),
}


def code_token_css() -> str:
    rules = []
    for kinds, (light, dark) in CODE_TOKEN_COLOURS.items():
        selector = ", ".join(f'[data-testid="stCode"] .token.{kind}' for kind in kinds.split())
        rules.append(f"{selector}{{color: light-dark({light}, {dark}) !important;}}")
    return "".join(rules)


def contrast_css(light_background: str, dark_background: str) -> str:
    return (
        "<style>"
        f'.stPlotlyChart text[style*="fill: {STREAMLIT_PLOTLY_GREY}"], .stPlotlyChart .legendtext'
        "{fill: currentColor !important;}"
        'button[kind^="primary"]:not(:disabled), button[kind^="primary"]:not(:disabled) *,'
        '[data-testid="stMultiSelectTagsContainer"] [data-tag], [data-testid="stMultiSelectTagsContainer"] [data-tag] *'
        f"{{color: light-dark({light_background}, {dark_background}) !important;}}"
        + code_token_css()
        + "</style>"
    )


def apply_contrast_css() -> None:
    """Add the style sheet to the page (a style-only st.html takes no room on the page)."""
    light = st.get_option("theme.light.backgroundColor") or "#FFFFFF"
    dark = st.get_option("theme.dark.backgroundColor") or "#0E1117"
    st.html(contrast_css(light, dark))
