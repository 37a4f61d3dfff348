"""Engine messages (outcomes, diagnoses, errors nncore writes in English) in the session's language."""

from __future__ import annotations


def localize_message(text: str) -> str:
    """`text` in the session's language where the table knows it, else unchanged."""
    return text
