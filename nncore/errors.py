"""Errors nncore raises for problems a user can fix.

The UI shows `str(error)` as-is, so every message says what was expected and what was
received, in words a non-programmer can act on.
"""


class NNExplorerError(ValueError):
    """Base class for user-facing errors (bad input, unusable architecture, bad file)."""


class DatasetError(NNExplorerError):
    """A dataset could not be loaded or a file could not be turned into a dataset."""


class DatasetUnavailableError(DatasetError):
    """A dataset that needs the network could not be downloaded."""


class ArchitectureError(NNExplorerError):
    """A model spec cannot be built, or cannot work with the chosen data."""


class TrainingConfigError(NNExplorerError):
    """A training setting is out of range."""
