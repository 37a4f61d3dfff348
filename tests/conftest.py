"""Shared test set-up: quiet TensorFlow and keep every test offline and deterministic.

Tiers. Every test is in the full suite, `python -m pytest` (what CI runs). A developer's fast
tier leaves out the real-browser tests (marked `e2e` by tests/e2e/conftest.py) and the `slow`
ones below, and runs on two processes:

    python -m pytest -m "not e2e and not slow" -n 2

`slow` marks behaviour tests whose cost is training, not checking: scripts and backends run in
their own Python process (TensorFlow or JAX started again), long trainings, several presets
trained to a floor. They assert what they always did; timing lives in bench/, never here.
Trained models that several files need are shared fixtures below, trained once per process.
"""

import os

import pytest

from nncore.backend_env import set_environment_defaults

set_environment_defaults()  # before any test imports TensorFlow
# The server's line of trainings (nncore/training/admission.py) admits as many at once as there
# are cores; tests in one process (and the app servers they start) train far more often than a
# person does and may leave a finished test's training to end on its own, so they get room for
# many: a test about the line builds its own, with the slots it needs.
os.environ.setdefault("NNX_TRAINING_SLOTS", "64")

# Test ids (or id prefixes) of the slow tests, with why: one list, so a file's tests and the
# tier they run in are decided in one place.
SLOW = (
    # the exported training script, run in a fresh Python with TensorFlow
    "tests/exchange/test_code_export.py::test_cnn_and_lstm_scripts_run_and_train",
    "tests/exchange/test_code_export.py::test_csv_upload_run_exports_a_script_that_runs",
    "tests/exchange/test_code_export_class_weights.py::",
    "tests/reference/test_export_script.py::",
    # another backend or two devices, in a fresh Python
    "tests/test_jax_backend.py::",
    "tests/training/test_distributed.py::",
    # several presets or recipes trained for tens to hundreds of epochs
    "tests/training/test_presets_learn.py::",
    "tests/evaluate/test_diagnosis_histories.py::test_histories_trained_now_get_their_diagnosis",
    "tests/training/test_recorder.py::test_long_runs_record_at_the_interval_and_live_dynamics_are_readable",
    # the install-time warm-up, in a fresh Python with TensorFlow
    "tests/explain/test_compiled_cache.py::test_the_install_time_warm_up_leaves_nothing_for_a_first_start_to_compile",
)


def pytest_collection_modifyitems(items):
    for item in items:
        node = item.nodeid.replace(os.sep, "/")
        if node.startswith(SLOW):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _private_workspace(tmp_path_factory, monkeypatch):
    """Every test saves runs into a fresh folder, never into the real ~/.nn_explorer."""
    monkeypatch.setenv("NNX_WORKSPACE", str(tmp_path_factory.mktemp("workspace")))


@pytest.fixture(scope="session")
def cancer_mlp_run():
    """The small MLP trained 10 epochs on breast cancer (seed 0): the model the gradient, SHAP
    and LIME tests explain. Trained once per test process instead of once per file; read-only
    (wrap it, e.g. ExplainableModel.from_run, never change it)."""
    from tests.explain.trained import train

    return train("breast_cancer", "small_mlp", 10)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session):
    """Let the app's one-time warm-up (started by the first page a test opens) finish before the
    session ends: it runs TensorFlow's AutoGraph, which parses Python source, and CPython 3.11
    fails an ast.parse in one thread while another parses ("AST constructor recursion depth
    mismatch") - pytest's own end-of-session imports included."""
    import sys

    preload = sys.modules.get("ui.engine_preload")
    if preload is not None:
        preload.wait_for_explainers(120)
