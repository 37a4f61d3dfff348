"""The evaluation engine and its plots load without Streamlit or TensorFlow."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["nncore.evaluate", "nncore.plots.eval_plots"])
def test_imports_neither_streamlit_nor_tensorflow(module):
    probe = f"import sys, {module}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = set(out.stdout.split())
    assert not loaded & {"streamlit", "tensorflow", "keras"}
