"""Shared test set-up: quiet TensorFlow and keep every test offline and deterministic."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("ABSL_MIN_LOG_LEVEL", "3")
