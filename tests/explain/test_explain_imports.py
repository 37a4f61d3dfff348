"""Importing the explanation code loads none of the heavy libraries (the home page stays fast)."""

import subprocess
import sys

import pytest

HEAVY = {"tensorflow", "keras", "shap", "lime", "streamlit"}


@pytest.mark.parametrize("module", ["nncore.explain", "nncore.plots.explain_plots"])
def test_import_loads_no_heavy_library(module):
    probe = f"import sys, {module}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert HEAVY.isdisjoint(out.stdout.split())
