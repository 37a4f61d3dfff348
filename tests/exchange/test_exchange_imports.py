"""The export modules load without TensorFlow, Keras or Streamlit (they import them only to save)."""

import subprocess
import sys

import pytest

MODULES = [
    "nncore.exchange",
    "nncore.exchange.history_csv",
    "nncore.exchange.model_file",
    "nncore.exchange.code_export",
    "nncore.exchange.report",
]


@pytest.mark.parametrize("module", MODULES)
def test_exchange_modules_import_lightly(module):
    probe = f"import sys, {module}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = set(out.stdout.split())
    assert not loaded & {"streamlit", "tensorflow", "keras"}
