"""Interface language: the session's language, and its texts from the message catalogues.

`t("key", **values)` returns the text for the session's language, formatted with `values`;
`tn("key", n, **values)` the form for the count `n` (gettext plural rules of that language);
`say(message)` words what the engine said (an `nncore.messages.Message`) the same way.
The texts are in nncore/locales/<language>.po (nncore.catalog); a key missing in a language falls
back to English, a key missing from English raises KeyError, so a test that renders every page
finds it. The language is what the user chose in the sidebar, else the browser's language
(Streamlit exposes `navigator.language` as `st.context.locale`), else English. The languages
offered are the catalogues present (plus the test-only pseudo-locale when NNX_PSEUDO_LOCALE=1).
"""

from __future__ import annotations

import streamlit as st

from nncore.catalog import SOURCE_LANGUAGE, languages, translate, translate_plural
from nncore.messages import Message, word

_LANGUAGE_KEY = "language"  # the user's explicit choice
# The sidebar widget has its own key: Streamlit forgets a widget's value after any run that did
# not draw it (a page switch ends a run before the sidebar), so the choice is kept apart from it.
_WIDGET_KEY = "_language_widget"


def browser_language() -> str:
    try:
        locale = st.context.locale or ""
    except Exception:  # outside a browser session (bare mode, tests): no locale
        locale = ""
    offered = languages()
    tag = locale.replace("_", "-").lower()
    for candidate in (tag, tag.split("-")[0]):  # "zh-CN" -> "zh-cn", then "zh"
        for code in offered:
            if code.lower() == candidate:
                return code
    return SOURCE_LANGUAGE


def current_language() -> str:
    chosen = st.session_state.get(_LANGUAGE_KEY)
    return chosen if chosen in languages() else browser_language()


def _worded(values: dict, language: str) -> dict:
    # A value that is an engine Message (a method's title, a dataset's group) is worded in the
    # same language as the text around it; as a plain `str` it would be its English.
    return {name: word(value, language) if isinstance(value, Message) else value for name, value in values.items()}


def t(key: str, **values: object) -> str:
    language = current_language()
    return translate(key, language, **_worded(values, language))


def tn(key: str, n: int, /, **values: object) -> str:
    """The plural entry `key` for the count `n`; `{n}` is `n` unless `values` names another."""
    language = current_language()
    return translate_plural(key, n, language, **_worded(values, language))


# LaTeX's special characters, and the pseudo-locale's brackets, which KaTeX sets only in maths.
_LATEX_SPECIALS = {c: "\\" + c for c in "{}$&#_%"} | {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}",
                                                      "⟦": "[[", "⟧": "]]"}


def t_latex(key: str, **values: object) -> str:
    """`t(key)` for inside a formula's `\\text{...}`: LaTeX's special characters escaped, so a
    translation (or the pseudo-locale) cannot break the formula."""
    return "".join(_LATEX_SPECIALS.get(c, c) for c in t(key, **values))


def say(message: Message | str | BaseException, language: str | None = None) -> str:
    """What the engine said (a keyed `Message`, or an error carrying one) in the session's language.

    A plain string is shown as it is: a name, or an engine text that has no key yet.
    """
    if isinstance(message, BaseException):
        message = getattr(message, "message", None) or str(message)
    return word(message, language or current_language())


def _remember_choice() -> None:
    chosen = st.session_state.get(_WIDGET_KEY)
    if chosen in languages():  # clicking the selected option again deselects it: keep the language
        st.session_state[_LANGUAGE_KEY] = chosen


def language_picker() -> None:
    """The sidebar's language switch (defaults to the browser's language)."""
    offered = languages()
    st.session_state[_WIDGET_KEY] = current_language()
    st.segmented_control(
        " / ".join(translate("sidebar.language", code) for code in offered),
        list(offered), format_func=offered.get, key=_WIDGET_KEY,
        on_change=_remember_choice, help=" ".join(translate("sidebar.language_help", code) for code in offered),
    )
