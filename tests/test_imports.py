"""Import hygiene: nncore is usable without Streamlit, and its light parts load without the heavy
libraries (TensorFlow, Keras; SHAP and LIME for the explanation code), so the home page, the Runs
page and every engine module a page imports early stay fast.

One probe for all modules: a fresh interpreter that forks one child per module, so each module
is imported into an interpreter that has loaded nothing else of the project (the parent loads
only the standard library); each child reports the top-level packages loaded after the import.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

STREAMLIT_AND_TENSORFLOW = frozenset({"streamlit", "tensorflow", "keras"})
HEAVY = STREAMLIT_AND_TENSORFLOW | {"shap", "lime"}

# module -> the packages it must not load
FORBIDDEN: dict[str, frozenset[str]] = {
    **{
        module: STREAMLIT_AND_TENSORFLOW
        for module in (
            # the engine
            "nncore",
            "nncore.data",
            "nncore.models",
            "nncore.models.build",
            "nncore.training",
            "nncore.training.job",
            "nncore.inspect.boundary",
            "nncore.plots.data_plots",
            "nncore.plots.training_plots",
            "nncore.plots.model_plots",
            # evaluation
            "nncore.evaluate",
            "nncore.plots.eval_plots",
            # export (they import TensorFlow only to save)
            "nncore.exchange",
            "nncore.exchange.history_csv",
            "nncore.exchange.model_file",
            "nncore.exchange.code_export",
            "nncore.exchange.report",
            # the run store (the Runs page lists runs before either is needed)
            "nncore.runs",
            "nncore.runs.compare",
            "nncore.runs.model_import",
            "nncore.plots.run_plots",
            # the neuron lab
            "nncore.neuron.activations",
            "nncore.neuron.artificial",
            "nncore.neuron.spiking",
            "nncore.neuron.rate_coding",
            "nncore.neuron.learning_rules",
            "nncore.neuron.backprop",
            "nncore.neuron.problems",
            "nncore.plots.neuron_plots",
        )
    },
    # the explanation code loads none of the heavy libraries
    "nncore.explain": HEAVY,
    "nncore.plots.explain_plots": HEAVY,
}

_PROBE = """
import json, os, sys

modules = json.loads(sys.argv[1])
results = {}
for module in modules:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: import one module, report what is loaded
        os.close(read)
        try:
            __import__(module)
            report = {"loaded": sorted({name.split(".")[0] for name in sys.modules})}
        except BaseException as error:  # noqa: BLE001 - reported to the test
            report = {"error": f"{type(error).__name__}: {error}"}
        with os.fdopen(write, "w") as out:
            json.dump(report, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as got:
        results[module] = json.loads(got.read() or '{"error": "the child died"}')
    os.waitpid(pid, 0)
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def loaded_by_module() -> dict[str, dict]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(sorted(FORBIDDEN))], capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.splitlines()[-1])


@pytest.mark.parametrize("module", sorted(FORBIDDEN))
def test_module_imports_none_of_the_heavy_libraries(module, loaded_by_module):
    report = loaded_by_module[module]
    assert "error" not in report, report.get("error")
    loaded = set(report["loaded"])
    assert "nncore" in loaded
    assert not loaded & FORBIDDEN[module], sorted(loaded & FORBIDDEN[module])
