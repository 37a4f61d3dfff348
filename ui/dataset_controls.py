"""Widgets for a dataset's parameters, drawn generically from its `DatasetParam`s."""

from __future__ import annotations

from typing import Any

import streamlit as st

from nncore.data.info import DatasetInfo, DatasetParam
from ui.i18n import say


def param_widget(param: DatasetParam, current: Any, key: str) -> Any:
    value = current if current is not None else param.default
    label = say(param.label)  # the engine's parameter texts are Messages (catalogue keys)
    help_text = say(param.help) if param.help else param.help
    if param.kind == "choice":
        return st.selectbox(label, param.choices, index=param.choices.index(value), key=key, help=help_text)
    if param.kind == "int":
        return st.number_input(
            label, min_value=int(param.min), max_value=int(param.max), value=int(value),
            step=int(param.step or 1), key=key, help=help_text,
        )
    return st.slider(
        label, min_value=float(param.min), max_value=float(param.max), value=float(value),
        step=float(param.step or 0.01), key=key, help=help_text,
    )


def param_widgets(info: DatasetInfo, current: dict[str, Any]) -> dict[str, Any]:
    """One control per parameter, laid out in up to three columns; returns the values."""
    values: dict[str, Any] = {}
    columns = st.columns(min(3, max(1, len(info.params))))
    for index, param in enumerate(info.params):
        with columns[index % len(columns)]:
            values[param.name] = param_widget(param, current.get(param.name), key=f"data_param_{info.key}_{param.name}")
    return values
