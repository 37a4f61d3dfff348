"""shap's compiled helpers kept on disk (nncore.explain.compiled_cache) change nothing but time.

A first process compiles them into the app's folder, a second (a restarted server) loads them
from it instead of compiling; the values are those of shap's own, uncached code, bit for bit; and
the folder holds compiled library code only, nothing of anyone's data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np

from nncore.explain import compiled_cache

# Permutation SHAP through shap itself (no TensorFlow: a NumPy model), as shap_methods calls it:
# float32 rows, a read-only row against a sampled (writable) background, the identity link.
_PROBE = """
import json, warnings
import numpy as np
from nncore.explain import compiled_cache
from nncore.explain.shap_methods import _quiet_shap, seeded_global_numpy
warnings.simplefilter("ignore")
shap = _quiet_shap()
rows = np.random.default_rng(0).normal(size=(60, 5)).astype(np.float32)
rows.setflags(write=False)
weights = np.array([1.0, -2.0, 0.5, 3.0, 0.0], dtype=np.float32)
model = lambda z: np.tanh(np.asarray(z, dtype=np.float32) @ weights)
masker = shap.maskers.Independent(rows[np.arange(0, 60, 2)], max_samples=30)
with seeded_global_numpy(0):
    result = shap.PermutationExplainer(model, masker, seed=0)(rows[3:4], max_evals=10 * 11, silent=True)
import shap.maskers._tabular as tabular
stats = tabular._delta_masking.stats if hasattr(tabular._delta_masking, "stats") else None
print(json.dumps({"folder": compiled_cache.install(), "values": result.values.tolist(),
                  "hits": sum(stats.cache_hits.values()) if stats else 0, "misses": sum(stats.cache_misses.values()) if stats else 0}))
"""


def _probe(folder: str) -> dict:
    env = dict(os.environ, **{compiled_cache.COMPILED_CACHE_ENV: folder})
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_restarted_process_loads_shaps_compiled_helpers_from_disk_with_the_same_values(tmp_path):
    folder = str(tmp_path / "compiled")
    first = _probe(folder)  # the first start after an install: compiles, and keeps the code
    again = _probe(folder)  # a restart: loads it
    uncached = _probe("0")  # shap's own helpers, compiled in memory as shap ships them
    assert first["folder"] == again["folder"] == folder and uncached["folder"] == ""
    assert first["misses"] >= 1 and first["hits"] == 0
    assert again["hits"] >= 1 and again["misses"] == 0
    assert first["values"] == again["values"] == uncached["values"]
    kept = [name for _, _, names in os.walk(folder) for name in names]
    assert kept and all(name.endswith((".nbi", ".nbc")) for name in kept)  # compiled code and its index only
    names = {name.split("-")[0] for name in kept}
    assert names == {"_tabular._delta_masking", "_tabular._single_delta_mask", "compiled_cache._fixed_single_output_identity"}


def test_the_identity_copy_computes_what_shaps_helper_does():
    """The loop kept on disk for the identity link, against shap's own (both run as Python)."""
    import shap.links
    import shap.utils._masked_model as masked_model

    rng = np.random.default_rng(1)
    samples, evals = 7, 9
    outputs = rng.normal(size=evals * samples).astype(np.float32)
    varying = rng.random((evals, samples)) < 0.5
    varying[0] = True
    counts = varying.sum(axis=1)
    counts[4] = 0  # an evaluation where nothing varied: carried over
    positions = np.concatenate([[0], np.cumsum(counts)])
    varying[4] = False
    for weights in (None, rng.random(samples).astype(np.float32)):
        ours, theirs = np.zeros(evals), np.zeros(evals)
        ours_last, theirs_last = np.zeros(samples), np.zeros(samples)
        compiled_cache._fixed_single_output_identity(ours, ours_last, outputs, positions, varying, counts, weights)
        masked_model._build_fixed_single_output.py_func(theirs, theirs_last, outputs, positions, varying, counts,
                                                         shap.links.identity.py_func, weights)
        np.testing.assert_array_equal(ours, theirs)
        np.testing.assert_array_equal(ours_last, theirs_last)


def test_the_cache_folder_is_the_apps_own_and_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.delenv(compiled_cache.COMPILED_CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled_cache.cache_folder() == tmp_path / "nn-explorer" / "numba"
    monkeypatch.setenv(compiled_cache.COMPILED_CACHE_ENV, "0")
    assert compiled_cache.cache_folder() is None


def test_the_install_time_warm_up_leaves_nothing_for_a_first_start_to_compile(tmp_path):
    """`python -m nncore.explain.warm_up` (README, Deploying) compiles at install what the first
    explanation needs, so a server's very first start loads it like a restart."""
    folder = str(tmp_path / "compiled")
    env = dict(os.environ, **{compiled_cache.COMPILED_CACHE_ENV: folder})
    out = subprocess.run([sys.executable, "-m", "nncore.explain.warm_up"], capture_output=True, text=True, env=env,
                         timeout=900)
    assert out.returncode == 0, out.stderr[-3000:]
    assert folder in out.stdout
    first_start = _probe(folder)
    assert first_start["hits"] >= 1 and first_start["misses"] == 0
