"""Shared test set-up: quiet TensorFlow and keep every test offline and deterministic."""

import pytest

from nncore.backend_env import set_environment_defaults

set_environment_defaults()  # before any test imports TensorFlow


@pytest.fixture(autouse=True)
def _private_workspace(tmp_path_factory, monkeypatch):
    """Every test saves runs into a fresh folder, never into the real ~/.nn_explorer."""
    monkeypatch.setenv("NNX_WORKSPACE", str(tmp_path_factory.mktemp("workspace")))
