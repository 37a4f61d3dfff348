"""The session's explainers prepared ahead, per run (nncore.explain.prepare).

A training started from a page prepares its run's explainer when it ends (after saving), in
a background thread, into this session's cache; the Explain page then finds the model ready, or
waits for it if it is still being prepared. The cache lives in this session's state, so one
session's model never reaches another.
"""

from __future__ import annotations

from typing import Any, Callable

import streamlit as st

PREPARED_KEY = "_explainer_preparations"  # {run.run_id: ExplainerPreparation}


def preparations() -> dict[str, Any]:
    """This session's prepared (or being prepared) explainers, by run_id."""
    return st.session_state.setdefault(PREPARED_KEY, {})


def finish_then_prepare(on_finish: Callable[[Any], None] | None) -> Callable[[Any], None]:
    """A job's `on_finish`: `on_finish` (the save), then this run's explainer into this session's cache."""
    from nncore.explain.prepare import prepare_after

    return prepare_after(on_finish, preparations())


def take_preparation(run: Any) -> Any:
    """The run's preparation, taken out of the cache (its caller keeps the model); a new one
    (prepared by whoever calls `get` first) when the run's training did not start one."""
    from nncore.explain.prepare import ExplainerPreparation

    found = preparations().pop(run.run_id, None)
    return found if found is not None else ExplainerPreparation(run)


def being_prepared(run: Any) -> bool:
    """True while the run's explainer is being prepared in the background (the page would wait)."""
    found = preparations().get(run.run_id)
    return found is not None and found.under_way
