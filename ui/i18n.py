"""Interface language: English or Simplified Chinese, from one translation table.

`t("key", **values)` returns the text for the session's language, formatted with `values`;
`say(message)` words what the engine said (an `nncore.messages.Message`) the same way.
The language is what the user chose in the sidebar, else the browser's language (Streamlit
exposes `navigator.language` as `st.context.locale`), else English. A key missing from the table
raises KeyError, so a test that renders every page in both languages finds it.
"""

from __future__ import annotations

import streamlit as st

from nncore.messages import Message, word
from ui.translations import TEXTS

LANGUAGES = {"en": "English", "zh": "中文"}
_LANGUAGE_KEY = "language"  # the user's explicit choice
# The sidebar widget has its own key: Streamlit forgets a widget's value after any run that did
# not draw it (a page switch ends a run before the sidebar), so the choice is kept apart from it.
_WIDGET_KEY = "_language_widget"


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


def say(message: Message | str | BaseException, language: str | None = None) -> str:
    """What the engine said (a keyed `Message`, or an error carrying one) in the session's language.

    A plain string is shown as it is: a name, or an engine text that has no key yet.
    """
    if isinstance(message, BaseException):
        message = getattr(message, "message", None) or str(message)
    return word(message, language or current_language())


def _remember_choice() -> None:
    chosen = st.session_state.get(_WIDGET_KEY)
    if chosen in LANGUAGES:  # clicking the selected option again deselects it: keep the language
        st.session_state[_LANGUAGE_KEY] = chosen


def language_picker() -> None:
    """The sidebar's language switch (defaults to the browser's language)."""
    st.session_state[_WIDGET_KEY] = current_language()
    st.segmented_control(
        "Language / 语言", list(LANGUAGES), format_func=LANGUAGES.get, key=_WIDGET_KEY,
        on_change=_remember_choice, help="Interface language. 界面语言。",
    )
