"""Shared test set-up: quiet TensorFlow and keep every test offline and deterministic."""

import os

import pytest

from nncore.backend_env import set_environment_defaults

set_environment_defaults()  # before any test imports TensorFlow
# The server's line of trainings (nncore/training/admission.py) admits as many at once as there
# are cores; tests in one process (and the app servers they start) train far more often than a
# person does and may leave a finished test's training to end on its own, so they get room for
# many: a test about the line builds its own, with the slots it needs.
os.environ.setdefault("NNX_TRAINING_SLOTS", "64")


@pytest.fixture(autouse=True)
def _private_workspace(tmp_path_factory, monkeypatch):
    """Every test saves runs into a fresh folder, never into the real ~/.nn_explorer."""
    monkeypatch.setenv("NNX_WORKSPACE", str(tmp_path_factory.mktemp("workspace")))
