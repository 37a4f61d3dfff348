"""Comparing saved runs: a metrics table and the settings in which they differ.

Pure functions over `RunRecord`s (no model is loaded), so a comparison of many runs is instant.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from nncore.models.spec import CONV_KINDS, POOL_KINDS, LayerSpec
from nncore.runs.record import RunRecord
from nncore.training.config import OPTIMIZER_TITLES

ABSENT = "—"  # a setting one run has and another does not (a layer it lacks)
_CONFIG_LABELS = {
    "optimizer": "optimizer",
    "learning_rate": "learning rate",
    "momentum": "momentum (SGD)",
    "batch_size": "batch size",
    "epochs": "epochs asked for",
    "early_stopping": "early stopping",
    "patience": "patience (early stopping)",
    "seed": "seed",
}


@dataclass(frozen=True)
class SettingDifference:
    """One setting that is not the same in every compared run, and each run's value (as text)."""

    setting: str
    values: tuple[str, ...]


def _number(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _layer_settings(layer: LayerSpec) -> dict[str, str]:
    """The settings that mean something for this kind of layer."""
    settings = {"kind": layer.kind}
    if layer.has_units:
        settings["filters" if layer.kind in CONV_KINDS else "units"] = str(layer.units)
        settings["activation"] = layer.activation
        settings["initializer"] = layer.initializer
        settings["L1"] = _number(float(layer.l1))
        settings["L2"] = _number(float(layer.l2))
    if layer.kind in CONV_KINDS:
        settings["kernel size"] = str(layer.kernel_size)
    if layer.kind in POOL_KINDS:
        settings["pool size"] = str(layer.pool_size)
    settings["dropout"] = _number(float(layer.dropout))
    settings["batch norm"] = _number(bool(layer.batch_norm))
    return settings


def run_settings(record: RunRecord) -> dict[str, str]:
    """Every setting of a run as ordered "setting" -> "value" text: data, layers, output, training."""
    settings: dict[str, str] = {"dataset": record.dataset_title or record.dataset_key}
    for key, value in sorted(record.dataset_params.items()):
        if key != "key":
            settings[f"data: {key}"] = _number(value)
    spec = record.spec
    if spec is not None:
        settings["hidden layers"] = str(len(spec.layers))
        for index, layer in enumerate(spec.layers, start=1):
            for name, value in _layer_settings(layer).items():
                settings[f"layer {index} {name}"] = value
        settings["output activation"] = spec.output_activation
        settings["loss"] = spec.loss
    for key, label in _CONFIG_LABELS.items():
        if key in record.config:
            value = record.config[key]
            settings[label] = OPTIMIZER_TITLES.get(value, value) if key == "optimizer" else _number(value)
    return settings


def setting_differences(records: Sequence[RunRecord]) -> list[SettingDifference]:
    """The settings whose values are not all equal across `records`, in a stable reading order.

    A setting only some runs have (the third layer of a deeper model) shows "—" for the others.
    """
    all_settings = [run_settings(record) for record in records]
    order: list[str] = []
    for settings in all_settings:
        order.extend(key for key in settings if key not in order)
    differences = []
    for key in order:
        values = tuple(settings.get(key, ABSENT) for settings in all_settings)
        if len(set(values)) > 1:
            differences.append(SettingDifference(key, values))
    return differences


def _best_validation(record: RunRecord) -> tuple[float, int] | None:
    finite = [(r.val_loss, r.epoch) for r in record.history if math.isfinite(r.val_loss)]
    return min(finite) if finite else None


def metrics_rows(records: Sequence[RunRecord]) -> list[dict[str, Any]]:
    """One row per run: final and best losses, test scores, time and size, as numbers (None if unknown)."""
    rows = []
    for record in records:
        last = record.history[-1] if record.history else None
        best = _best_validation(record)
        rows.append({
            "run": record.name,
            "dataset": record.dataset_title,
            "epochs": record.epochs,
            "training loss": last.loss if last else None,
            "validation loss": last.val_loss if last else None,
            "best validation loss": best[0] if best else None,
            "best epoch": best[1] if best else None,
            "test loss": record.test_loss,
            "test metric": record.test_metric,
            "metric": record.metric_name,
            "parameters": record.n_params,
            "seconds": record.seconds,
            "state": record.state,
        })
    return rows
