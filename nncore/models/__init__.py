"""Architectures as plain data (`ModelSpec`), presets, and spec -> keras.Model."""

from nncore.models.presets import PRESETS, default_preset_for, preset_spec, presets_for
from nncore.models.spec import (
    ACTIVATIONS,
    INITIALIZERS,
    LAYER_KINDS,
    LOSSES,
    OUTPUT_ACTIVATIONS,
    LayerSpec,
    ModelSpec,
)

__all__ = [
    "ACTIVATIONS",
    "INITIALIZERS",
    "LAYER_KINDS",
    "LOSSES",
    "OUTPUT_ACTIVATIONS",
    "LayerSpec",
    "ModelSpec",
    "PRESETS",
    "default_preset_for",
    "preset_spec",
    "presets_for",
]
