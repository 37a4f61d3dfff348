"""Layers <-> the editable table on the Model page."""

from __future__ import annotations

import math
from dataclasses import asdict, fields

import pandas as pd

from nncore.errors import ArchitectureError
from nncore.messages import Message
from nncore.models.spec import LayerSpec

COLUMNS = [f.name for f in fields(LayerSpec)]
_DEFAULTS = LayerSpec()


# Cells that mean nothing for a kind of layer are shown blank (and read back as defaults).
_NOT_USED = {
    "dense": ("kernel_size", "pool_size"),
    "simple_rnn": ("kernel_size", "pool_size"),
    "lstm": ("kernel_size", "pool_size"),
    "gru": ("kernel_size", "pool_size"),
    "conv2d": ("pool_size",),
    "maxpool2d": ("units", "activation", "kernel_size", "l1", "l2", "initializer"),
    "avgpool2d": ("units", "activation", "kernel_size", "l1", "l2", "initializer"),
    "flatten": ("units", "activation", "kernel_size", "pool_size", "l1", "l2", "initializer"),
}


def layers_to_table(layers: tuple[LayerSpec, ...]) -> pd.DataFrame:
    rows = []
    for layer in layers:
        row = asdict(layer)
        for name in _NOT_USED.get(layer.kind, ()):
            row[name] = None
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def layers_from_table(table: pd.DataFrame) -> tuple[LayerSpec, ...]:
    """Rows -> LayerSpecs; blank cells (a freshly added row) take the defaults.

    Raises ArchitectureError naming the row when a value is not acceptable.
    """
    layers = []
    for position, (_, row) in enumerate(table.iterrows(), start=1):
        values = {}
        for name in COLUMNS:
            value = row.get(name)
            default = getattr(_DEFAULTS, name)
            if _is_blank(value):
                value = default
            elif isinstance(default, bool):
                value = bool(value)
            elif isinstance(default, int):
                value = int(value) if float(value).is_integer() else value
            elif isinstance(default, float):
                value = float(value)
            values[name] = value
        try:
            layers.append(LayerSpec(**values))
        except ArchitectureError as error:
            raise ArchitectureError(Message("msg.layers.row", n=position, error=error.message)) from None
    return tuple(layers)
