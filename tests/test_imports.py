"""nncore is usable without Streamlit, and its light parts load without TensorFlow."""

import subprocess
import sys

import pytest

MODULES = [
    "nncore",
    "nncore.data",
    "nncore.models",
    "nncore.models.build",
    "nncore.training",
    "nncore.training.job",
    "nncore.plots.data_plots",
    "nncore.plots.training_plots",
    "nncore.plots.model_plots",
    "nncore.neuron.backprop",
    "nncore.neuron.spiking",
    "nncore.plots.neuron_plots",
    "nncore.explain",
    "nncore.plots.explain_plots",
    "nncore.inspect.boundary",
]


def _loaded_after_import(module: str) -> set[str]:
    probe = f"import sys, {module}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return set(out.stdout.split())


@pytest.mark.parametrize("module", MODULES)
def test_nncore_imports_neither_streamlit_nor_tensorflow(module):
    loaded = _loaded_after_import(module)
    assert "streamlit" not in loaded
    assert "tensorflow" not in loaded and "keras" not in loaded
