"""Glossary: the terms the app uses, in plain language, with where to see each one."""

from __future__ import annotations

import streamlit as st

from ui.glossary import GLOSSARY
from ui.i18n import t
from nncore.catalog import texts_in_every_language

st.title(t("glossary.title"))
st.caption(t("glossary.intro"))
query = st.text_input(t("glossary.search"), key="glossary_search", help=t("glossary.search_help")).strip().lower()

PAGE_TITLE_KEYS = {
    f"app_pages/{name}.py": f"nav.{name}"
    for name in ("home", "data", "model", "train", "evaluate", "explain", "inside", "runs", "neuron_lab")
}


def _matches(term_id: str) -> bool:
    # Either language matches, so a learner can look up the English word from the Chinese one.
    texts = (*texts_in_every_language(f"gl.{term_id}"), *texts_in_every_language(f"gl.{term_id}.text"))
    return not query or any(query in text.lower() for text in texts)


shown = [(term_id, page) for term_id, page in GLOSSARY if _matches(term_id)]
if not shown:
    st.info(t("glossary.none", query=query), icon=":material/search_off:")
for term_id, page in shown:
    with st.container(border=True):
        st.markdown(f"**{t('gl.' + term_id)}**  \n{t('gl.' + term_id + '.text')}")
        st.page_link(page, label=f"{t('glossary.see_it')}: {t(PAGE_TITLE_KEYS[page])}", icon=":material/arrow_forward:",
                     help=t("help.link.glossary"))
