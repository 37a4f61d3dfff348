"""The loss formula's name in the session's language, for texts around a loss value.

An objective names its loss in English ("Binary cross-entropy", nncore.models.objective); the
figure entries (fig.obj.*) already translate those names for the curves, so texts outside
figures (metric help, captions) use the same entries and say the same words.
"""

from __future__ import annotations

from ui.i18n import t
from nncore.catalog import catalogues, translate

_LOWER = "_lower"
_FORMULA_KEYS = {translate(key): key for key in catalogues()["en"].entries
                 if key.startswith("fig.obj.") and key.endswith(_LOWER)}


def loss_formula(label: str) -> str:
    """`label` ("Binary cross-entropy") as a formula's name inside a sentence: lower case in
    English ("binary cross-entropy"), translated in Chinese; an unknown name stays as it is."""
    lower = label[:1].lower() + label[1:]
    key = _FORMULA_KEYS.get(lower)
    return t(key) if key else lower
