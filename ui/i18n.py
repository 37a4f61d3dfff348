"""Interface language: English or Simplified Chinese, from one translation table.

`t("key", **values)` returns the text for the session's language, formatted with `values`.
The language is what the user chose in the sidebar, else the browser's language (Streamlit
exposes `navigator.language` as `st.context.locale`), else English. A key missing from the table
raises KeyError, so a test that renders every page in both languages finds it.
"""

from __future__ import annotations

import streamlit as st

from ui.translations import TEXTS

LANGUAGES = {"en": "English", "zh": "中文"}
_LANGUAGE_KEY = "language"  # the sidebar widget's key: the user's explicit choice


def browser_language() -> str:
    try:
        locale = st.context.locale or ""
    except Exception:  # outside a browser session (bare mode, tests): no locale
        locale = ""
    return "zh" if locale.lower().startswith("zh") else "en"


def current_language() -> str:
    chosen = st.session_state.get(_LANGUAGE_KEY)
    return chosen if chosen in LANGUAGES else browser_language()


def t(key: str, **values: object) -> str:
    english, chinese = TEXTS[key]
    text = chinese if current_language() == "zh" else english
    return text.format(**values) if values else text


def language_picker() -> None:
    """The sidebar's language switch (defaults to the browser's language)."""
    if _LANGUAGE_KEY not in st.session_state:
        st.session_state[_LANGUAGE_KEY] = browser_language()
    st.segmented_control(
        "Language / 语言", list(LANGUAGES), format_func=LANGUAGES.get, key=_LANGUAGE_KEY,
        help="Interface language. 界面语言。",
    )
