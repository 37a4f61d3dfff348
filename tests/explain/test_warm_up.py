"""The server's warm-up of the explanation libraries changes nothing a user sees except time.

It runs once per server process, in a background thread (ui/engine_preload.py), while people use
the app: it must leave every result, NumPy's global random state and the caller's Keras state as
they were, and keep nothing of anyone's model or data.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
import weakref

import numpy as np

from nncore.explain import integrated_gradients, kernel_shap, lime_tabular, permutation_shap
from nncore.explain.warm_up import warm_up_explainers
from tests.explain.trained import linear_model


def _explain_all(m, x):
    return [
        permutation_shap(m, x, seed=3).values,
        kernel_shap(m, x, seed=3).values,
        lime_tabular(m, x, num_samples=300, seed=3).values,
        integrated_gradients(m, x).values,
    ]


def _warm_up_in_a_thread() -> None:
    worker = threading.Thread(target=warm_up_explainers)  # as the server does it
    worker.start()
    worker.join(timeout=600)
    assert not worker.is_alive()


def test_results_are_the_same_with_and_without_the_warm_up():
    m = linear_model(np.array([1.0, -2.0, 0.5, 3.0]), bias=0.2)
    x = m.background[5]
    before = _explain_all(m, x)
    _warm_up_in_a_thread()
    after = _explain_all(m, x)
    for one, two in zip(before, after):
        np.testing.assert_array_equal(one, two)


def test_the_warm_up_leaves_numpys_global_random_state_alone():
    np.random.seed(1234)
    state = np.random.get_state()
    _warm_up_in_a_thread()
    now = np.random.get_state()
    assert state[0] == now[0] and np.array_equal(state[1], now[1]) and state[2:] == now[2:]


def test_the_warm_up_keeps_no_model_of_a_user():
    m = linear_model(np.array([1.0, 2.0]))
    permutation_shap(m, m.background[0])
    alive = weakref.ref(m)
    _warm_up_in_a_thread()
    del m
    gc.collect()
    assert alive() is None  # nothing in the warm-up (nor in the libraries it warms) holds the user's model


# A fresh process: the first explanation's warm-up, then permutation SHAP as the Explain page runs
# it on a breast-cancer row (ExplainableModel.from_model: the dataset's read-only rows).
_LAYOUT_PROBE = """
import json, warnings
import numpy as np
warnings.simplefilter("ignore")
from nncore.backend import load_tensorflow
load_tensorflow()
import keras
from nncore.data import load_dataset
from nncore.explain import ExplainableModel, compiled_cache, permutation_shap
from nncore.explain.warm_up import warm_up_first_explanation
warm_up_first_explanation()
def compiled():
    return sorted(str(s) for helper in compiled_cache.compiled_helpers() for s in helper.signatures)
after_warm_up = compiled()
cancer = load_dataset("breast_cancer")
model = keras.Sequential([keras.Input((30,)), keras.layers.Dense(2, activation="softmax")])
m = ExplainableModel.from_model(model, cancer)
permutation_shap(m, np.asarray(cancer.x_test[0], dtype=np.float32))
print(json.dumps([after_warm_up, compiled()]))
"""


def test_the_first_explanations_warm_up_compiles_the_layouts_a_dataset_row_sends():
    out = subprocess.run([sys.executable, "-c", _LAYOUT_PROBE], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    after_warm_up, after_a_row = json.loads(out.stdout.strip().splitlines()[-1])
    assert len(after_warm_up) >= 2  # the masking helper (its inner one too, when compiled, not loaded) and the output builder
    assert after_a_row == after_warm_up  # the demo's explanation compiles nothing more
