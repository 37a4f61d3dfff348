"""The run store's modules load without TensorFlow or Streamlit (the Runs page lists runs before either is needed)."""

import subprocess
import sys

import pytest

MODULES = ["nncore.runs", "nncore.runs.compare", "nncore.runs.model_import", "nncore.plots.run_plots"]


@pytest.mark.parametrize("module", MODULES)
def test_imports_neither_tensorflow_nor_streamlit(module):
    probe = f"import sys, {module}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = set(out.stdout.split())
    assert not loaded & {"tensorflow", "keras", "streamlit"}
