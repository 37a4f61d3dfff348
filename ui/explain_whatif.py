"""Explain page: what if this row's values were different? (tabular data)

The user edits values in the data's original units; they are mapped into model inputs with
the dataset's fitted preprocessing (the same standardization the model was trained on).
One-hot columns from a CSV's text columns keep the row's values: editing a 0/1 indicator by
hand would make rows no real category produces.
"""

from __future__ import annotations

import math
from typing import Any, Hashable

import numpy as np
import streamlit as st

from ui.safe_text import markdown_text
from ui.i18n import t

_EDIT_KEY = "_explain_whatif"  # (run.run_id, test index, ((feature, raw value), ...)) after Apply
_VERSION_KEY = "_explain_whatif_version"  # bumped by Reset so the inputs show the row again


def _fixed_features(data: Any) -> np.ndarray:
    """True for the model inputs a user should not type into (one-hot text columns)."""
    stored = data.preprocessing.extra.get("encoding")
    if stored is None:
        return np.zeros(len(data.feature_names), dtype=bool)
    from nncore.data.table_encoding import TableEncoding

    return np.asarray(TableEncoding.from_dict(stored).one_hot_mask, dtype=bool)


def _decimals(spread: float) -> int:
    """Enough decimals to edit a feature in steps of about a hundredth of its spread."""
    if not spread > 0 or not math.isfinite(spread):
        return 2
    return int(min(6, max(0, 2 - math.floor(math.log10(spread)))))


def edited_input(run: Any, index: int) -> tuple[np.ndarray, Hashable, dict[str, tuple[float, float]]]:
    """The explained input for test row `index`: the row itself, or the user's edited copy.

    Returns (model input, cache key for it, {feature: (was, now)} in original units).
    """
    data = run.dataset
    x = data.x_test[index].astype(np.float32)
    stored = st.session_state.get(_EDIT_KEY)
    if not stored or stored[0] != run.run_id or stored[1] != index or not stored[2]:
        return x, int(index), {}
    raw = data.preprocessing.inverse_features(x[None])[0].astype(np.float64)
    was = raw.copy()
    for feature, value in stored[2]:
        raw[feature] = value
    changed_inputs = data.preprocessing.transform_features(raw[None].astype(np.float32))[0]
    edited = x.copy()
    changes = {}
    for feature, value in stored[2]:
        edited[feature] = changed_inputs[feature]  # unchanged features keep their exact inputs
        changes[data.feature_names[feature]] = (float(was[feature]), float(value))
    return edited, ("what-if", int(index), tuple(stored[2])), changes


def render_whatif(run: Any, index: int) -> None:
    """A form of this row's values in original units; Apply stores the edit for `edited_input`."""
    data = run.dataset
    raw = data.preprocessing.inverse_features(data.x_test[index : index + 1])[0].astype(np.float64)
    spread = data.preprocessing.inverse_features(data.x_train).std(axis=0)
    fixed = _fixed_features(data)
    version = st.session_state.get(_VERSION_KEY, 0)
    stored = st.session_state.get(_EDIT_KEY)
    current = dict(stored[2]) if stored and stored[0] == run.run_id and stored[1] == index else {}
    with st.form("explain_whatif_form", border=False):
        st.caption(t("explain.whatif_caption"))
        columns = st.columns(3)
        values = {}
        editable = [j for j in range(len(raw)) if not fixed[j]]
        for n, j in enumerate(editable):
            decimals = _decimals(float(spread[j]))
            with columns[n % 3]:
                values[j] = st.number_input(
                    markdown_text(data.feature_names[j]), value=float(current.get(j, round(float(raw[j]), decimals))),
                    step=10.0**-decimals, format=f"%.{decimals}f", key=f"explain_whatif_{index}_{version}_{j}",
                    help=t("help.explain.whatif_value", name=markdown_text(data.feature_names[j])),
                )
        apply_col, reset_col = st.columns(2)
        applied = apply_col.form_submit_button(t("explain.apply"), type="primary", icon=":material/edit:", key="explain_whatif_apply",
                                                 help=t("help.explain.apply"))
        reset = reset_col.form_submit_button(t("explain.back"), icon=":material/undo:", key="explain_whatif_reset",
                                                 help=t("help.explain.back"))
    if fixed.any():
        st.caption(t("explain.one_hot", columns=", ".join(markdown_text(n) for n, f in zip(data.feature_names, fixed) if f)))
    if reset:
        st.session_state.pop(_EDIT_KEY, None)
        st.session_state[_VERSION_KEY] = version + 1
        st.rerun()
    if applied:
        # A value shown rounded and not touched is not an edit: compare with what was shown.
        shown = {j: float(current.get(j, round(float(raw[j]), _decimals(float(spread[j]))))) for j in editable}
        edits = tuple((j, float(values[j])) for j in editable if values[j] != shown[j] or j in current)
        edits = tuple((j, v) for j, v in edits if v != float(raw[j]))
        st.session_state[_EDIT_KEY] = (run.run_id, int(index), edits)
        st.rerun()
