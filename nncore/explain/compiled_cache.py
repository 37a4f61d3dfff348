"""Keep shap's numba-compiled helpers on disk, so a restarted server loads them instead of compiling.

Permutation SHAP's first call in a process compiles three shap helpers with numba: ~5 s on a
quiet 2-core machine (far more on a busy one), once per array layout (a read-only dataset row
and an edited, writable one are two layouts). shap compiles them without numba's disk cache, so
every server start paid it again. Here they are re-jitted from their `py_func` with
`cache=True`, into a folder this app owns (`COMPILED_CACHE_ENV`, else
~/.cache/nn-explorer/numba), so only the very first start after an install compiles them; a
restart loads the machine code from disk.

numba's caching rules (numba docs, "Notes on Caching"; numba issues #6251, #6284), which shape this:
- a cache entry is keyed by the function's source file (its path and modification stamp), the
  argument types and the CPU: reinstalling or upgrading shap, or another CPU, recompiles, never
  loads stale code;
- a function that takes a jitted function as an argument can be saved but never found again:
  the key holds that function's per-process identity. shap passes its `link` (identity for our
  explainers) that way to `_build_fixed_single_output`, the slowest of the three to compile, so
  for the identity link the same loop is compiled here without the argument
  (`_fixed_single_output_identity`, the same arithmetic: identity(v) is v). Any other link, or a
  shap whose helper's source is not the one this copy was made from, goes to shap's own code.

What is kept is library machine code, the same for every person: nothing of anyone's data or
model. Results are unchanged (tests/explain/test_compiled_cache.py, tests/reference/).
"""

from __future__ import annotations

import hashlib
import inspect
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

COMPILED_CACHE_ENV = "NNX_COMPILED_CACHE"  # a folder for compiled library code; "0" keeps it in memory only
# (module, helper) pairs that shap compiles with numba and our explainers call.
_SHAP_HELPERS = (("shap.maskers._tabular", "_single_delta_mask"), ("shap.maskers._tabular", "_delta_masking"))
# shap 0.51.0's `_build_fixed_single_output` source, whose loop `_fixed_single_output_identity` repeats.
_SINGLE_OUTPUT_SOURCE_SHA256 = "0e66bf5290b2797c91b67159cbe556dedb421c845ccc8b2820140faf55da5e5b"

_lock = threading.Lock()
_installed: str | None = None  # the folder in use, once installed ("" when caching is off or failed)
_helpers: list[Any] = []  # the disk-cached dispatchers, once installed


def compiled_helpers() -> tuple[Any, ...]:
    """The helpers compiled through the app's cache (numba dispatchers: `.signatures`, `.stats`)."""
    return tuple(_helpers)


def cache_folder() -> Path | None:
    """Where compiled library code is kept, or None when the environment turns it off."""
    chosen = os.environ.get(COMPILED_CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip() in ("", "0") else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "nn-explorer" / "numba"


def _fixed_single_output_identity(averaged_outs, last_outs, outputs, batch_positions, varying_rows, num_varying_rows,
                                  linearizing_weights):
    """shap.utils._masked_model._build_fixed_single_output with `link` = identity (shap 0.51.0):
    the mean of the model's outputs over the background, carried over where nothing changed."""
    sample_count = last_outs.shape[0]
    for i in range(len(averaged_outs)):
        if batch_positions[i] < batch_positions[i + 1]:
            if num_varying_rows[i] == sample_count:
                last_outs[:] = outputs[batch_positions[i] : batch_positions[i + 1]]
            else:
                last_outs[varying_rows[i]] = outputs[batch_positions[i] : batch_positions[i + 1]]
            if linearizing_weights is not None:
                averaged_outs[i] = np.mean(linearizing_weights * last_outs)
            else:
                averaged_outs[i] = np.mean(last_outs)
        else:
            averaged_outs[i] = averaged_outs[i - 1]


def _disk_cached(py_func: Any, folder: Path) -> Any:
    """`numba.njit(cache=True)(py_func)`, its cache in `folder` (not numba's global NUMBA_CACHE_DIR,
    which would move every other library's cache too)."""
    import numba
    from numba.core import caching

    class AppFolderLocator(caching.UserProvidedCacheLocator):
        def __init__(self, func: Any, py_file: str) -> None:
            self._py_file = py_file
            self._lineno = func.__code__.co_firstlineno
            self._cache_path = str(folder / self.get_suitable_cache_subpath(py_file))

        @classmethod
        def from_function(cls, func: Any, py_file: str) -> Any:
            return super(caching.UserProvidedCacheLocator, cls).from_function(func, py_file)

    class AppFolderCacheImpl(caching.CompileResultCacheImpl):
        _locator_classes = [AppFolderLocator]

    class AppFolderFunctionCache(caching.FunctionCache):
        _impl_class = AppFolderCacheImpl

    dispatcher = numba.njit(py_func)
    dispatcher._cache = AppFolderFunctionCache(py_func)  # what `cache=True` sets, with our locator
    return dispatcher


def _source_digest(func: Any) -> str:
    return hashlib.sha256(inspect.getsource(func).encode()).hexdigest()


def install() -> str:
    """Route shap's compiled helpers through the app's disk cache, once per process; returns the
    folder in use ("" when off). Call after importing shap and before its first explanation.
    Failing here (a read-only home, a changed numba) costs only time: shap keeps its own helpers."""
    global _installed
    with _lock:
        if _installed is not None:
            return _installed
        _installed = ""
        folder = cache_folder()
        if folder is None:
            return _installed
        try:
            _install(folder)
        except Exception:  # a cache only saves time
            return _installed
        _installed = str(folder)
        return _installed


def _install(folder: Path) -> None:
    import importlib

    folder.mkdir(parents=True, exist_ok=True)
    replacements = []
    for module_name, name in _SHAP_HELPERS:
        module = importlib.import_module(module_name)
        replacements.append((module, name, _disk_cached(getattr(module, name).py_func, folder)))
    masked_model = importlib.import_module("shap.utils._masked_model")
    links = importlib.import_module("shap.links")
    shap_single = masked_model._build_fixed_single_output
    if _source_digest(shap_single.py_func) == _SINGLE_OUTPUT_SOURCE_SHA256:
        single_identity = _disk_cached(_fixed_single_output_identity, folder)
        replacements.append((masked_model, "_build_fixed_output",
                             _routed_build_fixed_output(masked_model, links.identity.py_func, single_identity)))
    for module, name, replacement in replacements:  # all or nothing: the helpers call one another
        setattr(module, name, replacement)
    _helpers.extend(dispatcher for _, _, dispatcher in replacements[: len(_SHAP_HELPERS)])
    if len(replacements) > len(_SHAP_HELPERS):
        _helpers.append(single_identity)


def _routed_build_fixed_output(masked_model: Any, identity_py_func: Any, single_identity: Any) -> Any:
    """shap's `_build_fixed_output`, sending the identity link's single-output case to the cached copy."""
    shap_build_fixed_output = masked_model._build_fixed_output
    upcast = masked_model._upcast_array

    def build_fixed_output(averaged_outs, last_outs, outputs, batch_positions, varying_rows, num_varying_rows, link,
                           linearizing_weights):
        if len(last_outs.shape) == 1 and getattr(link, "py_func", None) is identity_py_func:
            single_identity(upcast(averaged_outs), upcast(last_outs), upcast(outputs), batch_positions, varying_rows,
                            num_varying_rows, linearizing_weights)
        else:
            shap_build_fixed_output(averaged_outs, last_outs, outputs, batch_positions, varying_rows, num_varying_rows, link,
                                    linearizing_weights)

    return build_fixed_output
