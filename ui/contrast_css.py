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

tests/e2e/test_accessibility.py measures all of this in the browser, in both themes.
"""

from __future__ import annotations

import streamlit as st

STREAMLIT_PLOTLY_GREY = "rgb(128, 132, 149)"  # #808495, as Plotly writes it in the text's style


def contrast_css(light_background: str, dark_background: str) -> str:
    return (
        "<style>"
        f'.stPlotlyChart text[style*="fill: {STREAMLIT_PLOTLY_GREY}"], .stPlotlyChart .legendtext'
        "{fill: currentColor !important;}"
        'button[kind^="primary"]:not(:disabled), button[kind^="primary"]:not(:disabled) *,'
        '[data-testid="stMultiSelectTagsContainer"] [data-tag], [data-testid="stMultiSelectTagsContainer"] [data-tag] *'
        f"{{color: light-dark({light_background}, {dark_background}) !important;}}"
        "</style>"
    )


def apply_contrast_css() -> None:
    """Add the style sheet to the page (a style-only st.html takes no room on the page)."""
    light = st.get_option("theme.light.backgroundColor") or "#FFFFFF"
    dark = st.get_option("theme.dark.backgroundColor") or "#0E1117"
    st.html(contrast_css(light, dark))
