"""Stop Streamlit from resetting Keras after every script run.

After each run (and each fragment rerun) of any session, Streamlit calls
`keras.backend.clear_session()` to spare apps that rebuild a model on every rerun from leaking
memory. That call replaces Keras's per-thread state for *every* thread, resets TensorFlow's
default graph, clears its kernel cache and runs a full garbage collection. NN Explorer trains
in background threads and keeps models on purpose, so with live pages refreshing twice a
second the reset made training crawl (kernels recompiled) and could break a model being built.

We replace Streamlit's private clean-up hook with one that keeps its other work (closing
matplotlib figures). If a Streamlit release renames the hook, this does nothing; the test
`tests/pages/test_keras_guard.py` then fails and says so.
"""

from __future__ import annotations

import sys

_HOOK = "_clean_problem_modules"


def _clean_without_keras_reset() -> None:
    if "matplotlib.pyplot" in sys.modules:
        try:
            sys.modules["matplotlib.pyplot"].close("all")
        except Exception:  # noqa: BLE001 - mirror Streamlit: never fail a run over clean-up
            pass


_clean_without_keras_reset.nnexplorer_guard = True  # type: ignore[attr-defined]


def keep_keras_state() -> bool:
    """Install the guard once per process; True if Streamlit's hook was found and replaced."""
    from streamlit.runtime.scriptrunner import script_runner

    current = getattr(script_runner, _HOOK, None)
    if current is None:
        return False
    if not getattr(current, "nnexplorer_guard", False):
        setattr(script_runner, _HOOK, _clean_without_keras_reset)
    return True
