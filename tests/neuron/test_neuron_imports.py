"""The neuron lab's engine loads without Streamlit or TensorFlow."""

import subprocess
import sys

MODULES = (
    "nncore.neuron.activations, nncore.neuron.artificial, nncore.neuron.spiking, nncore.neuron.rate_coding, "
    "nncore.neuron.learning_rules, nncore.neuron.backprop, nncore.neuron.problems, nncore.plots.neuron_plots"
)


def test_neuron_modules_import_neither_streamlit_nor_tensorflow():
    probe = f"import sys, {MODULES}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = set(out.stdout.split())
    assert "nncore" in loaded
    assert not loaded & {"streamlit", "tensorflow", "keras"}
