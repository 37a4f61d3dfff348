"""Errors nncore raises for problems a user can fix.

An error carries a `Message` (a catalogue key and its values): the UI words `error.message` in
the session's language, while `str(error)` stays the English, for logs and tests. Every message
says what was expected and what was received, in words a non-programmer can act on.
"""

from __future__ import annotations

from nncore.messages import Message


class NNExplorerError(ValueError):
    """Base class for user-facing errors (bad input, unusable architecture, bad file)."""

    def __init__(self, message: Message | str = "", *args: object) -> None:
        super().__init__(str(message), *args)
        # A plain string is an error not yet given a key: shown as it is, in English.
        self.message: Message | str = message


class DatasetError(NNExplorerError):
    """A dataset could not be loaded or a file could not be turned into a dataset."""


class DatasetUnavailableError(DatasetError):
    """A dataset that needs the network could not be downloaded."""


class ArchitectureError(NNExplorerError):
    """A model spec cannot be built, or cannot work with the chosen data."""


class TrainingConfigError(NNExplorerError):
    """A training setting is out of range."""
