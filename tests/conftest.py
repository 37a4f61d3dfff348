"""Shared test set-up: quiet TensorFlow and keep every test offline and deterministic."""

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("ABSL_MIN_LOG_LEVEL", "3")


@pytest.fixture(autouse=True)
def _private_workspace(tmp_path_factory, monkeypatch):
    """Every test saves runs into a fresh folder, never into the real ~/.nn_explorer."""
    monkeypatch.setenv("NNX_WORKSPACE", str(tmp_path_factory.mktemp("workspace")))
