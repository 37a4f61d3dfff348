"""Training dynamics: how each layer's weights, gradients and activations evolve.

The training job calls `maybe_record(epoch, elapsed)` after each block of epochs. A record
holds per-layer weight statistics (mean, std, percentiles: a distribution over time, as in
TensorBoard), the gradient norm of each layer on a fixed batch of training data (vanishing
or exploding gradients show as layers drifting apart on a log scale) and activation
statistics on the same batch (mean, std, dead and saturated shares).

Cost control, so recording stays under 10% of training time: records are taken every
`interval` epochs (about `max_records` per run) by a separate function on one fixed batch
(the training step is untouched), and a record is skipped while recording has already used
more than `budget_share` of the training time so far. That function runs eagerly at first
and is compiled only once training has run for COMPILE_AFTER_SECONDS: compiling costs about
as much as 15 eager records, which a short run would never win back.
"""

from __future__ import annotations

import json
import math
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

PERCENTILES = (0, 5, 25, 50, 75, 95, 100)
DEFAULT_MAX_RECORDS = 50
DEFAULT_BATCH = 128
COMPILE_AFTER_SECONDS = 3.0
UNLIMITED_EPOCHS = 10**9


@dataclass(frozen=True)
class LayerDynamics:
    weight_mean: float
    weight_std: float
    weight_percentiles: tuple[float, ...]  # at PERCENTILES, of the layer's kernel
    gradient_norm: float  # L2 norm of d loss / d (all of the layer's trainable weights)
    activation_mean: float
    activation_std: float
    dead_share: float  # NaN for the output layer
    saturated_share: float  # NaN for the output layer


@dataclass(frozen=True)
class DynamicsRecord:
    epoch: int  # completed epochs when recorded (0: the starting weights)
    layers: dict[str, LayerDynamics]


@dataclass(frozen=True)
class Dynamics:
    """All records of one run, oldest first; `layer_names` in model order."""

    records: tuple[DynamicsRecord, ...]
    layer_names: tuple[str, ...]
    interval: int
    seconds: float  # time spent recording

    def series(self, layer: str, field: str) -> tuple[np.ndarray, np.ndarray]:
        """(epochs, values) of one LayerDynamics field for one layer."""
        epochs = np.array([r.epoch for r in self.records if layer in r.layers])
        values = np.array([getattr(r.layers[layer], field) for r in self.records if layer in r.layers])
        return epochs, values


def dynamics_to_json(dynamics: Dynamics) -> str:
    """The records as JSON (NaN allowed), so a saved run keeps its training dynamics."""
    return json.dumps(
        {
            "layer_names": list(dynamics.layer_names),
            "interval": dynamics.interval,
            "seconds": dynamics.seconds,
            "records": [
                {"epoch": r.epoch, "layers": {name: asdict(layer) for name, layer in r.layers.items()}}
                for r in dynamics.records
            ],
        },
        allow_nan=True,
    )


def dynamics_from_json(text: str) -> Dynamics:
    data = json.loads(text)
    records = tuple(
        DynamicsRecord(
            int(r["epoch"]),
            {
                name: LayerDynamics(**{**layer, "weight_percentiles": tuple(layer["weight_percentiles"])})
                for name, layer in r["layers"].items()
            },
        )
        for r in data["records"]
    )
    return Dynamics(records, tuple(data["layer_names"]), int(data["interval"]), float(data["seconds"]))


def default_interval(total_epochs: int, max_records: int = DEFAULT_MAX_RECORDS) -> int:
    """Every epoch for short runs, else evenly spaced to about `max_records` records."""
    return max(1, math.ceil(int(total_epochs) / max(1, int(max_records))))


# Recording may take at most this share of the training time so far (see the module docstring).
BUDGET_SHARE = 0.06


class DynamicsRecorder:
    def __init__(
        self,
        model: Any,
        dataset: Any,
        objective: Any,
        total_epochs: int,
        *,
        interval: int | None = None,
        batch: int = DEFAULT_BATCH,
        budget_share: float = BUDGET_SHARE,
        seed: int = 0,
        previous: Dynamics | None = None,
    ) -> None:
        """`previous`: the dynamics of the run this training continues (kept, then added to)."""
        from nncore.backend import compiled_outputs_and_gradient_norms
        from nncore.inspect.activations import ActivationProbe

        if interval is not None and int(interval) < 1:
            raise ValueError(f"Expected a recording `interval` of at least 1 epoch. Received: interval={interval!r}")
        self.interval = int(interval) if interval is not None else default_interval(total_epochs)
        self.budget_share = float(budget_share)
        self.model = model
        rows = np.random.default_rng(seed).permutation(len(dataset.x_train))[:batch]
        self._x = np.asarray(dataset.x_train[rows], dtype=np.float32)
        self._y = np.asarray(dataset.y_train[rows])
        self._probe = ActivationProbe(model)
        self._make_run = lambda compile: compiled_outputs_and_gradient_norms(
            self._probe.keras_model, model.trainable_variables, len(self._probe.layers) - 1, objective.per_example_loss, compile
        )
        # Recurrent layers run a Python loop per time step when eager (~0.5 s a record for
        # the LSTM preset): for them compiling at once is always the better deal.
        self.compiled = any(info.kind == "recurrent" for info in self._probe.layers)
        self._run = self._make_run(self.compiled)
        self._kernels = []  # (layer name, the layer's first weight: its kernel)
        self._variable_rows: dict[str, list[int]] = {}
        ids = {id(v): i for i, v in enumerate(model.trainable_variables)}
        for info in self._probe.layers:
            layer = model.get_layer(info.name)
            trainable = [ids[id(v)] for v in layer.trainable_weights if id(v) in ids]
            if trainable:
                self._variable_rows[info.name] = trainable
                self._kernels.append((info.name, layer.trainable_weights[0]))
        self._records: list[DynamicsRecord] = list(previous.records) if previous is not None else []
        self._lock = threading.Lock()
        self.seconds = 0.0  # all time spent recording, compiling included
        self.records_taken = 0
        self.failed: str | None = None

    def epochs_until_due(self, epochs_done: int, elapsed: float | None = None) -> int:
        """How many epochs the job may run before the next record point (at least 1).

        With `elapsed`: when recording is over its time budget, the next point would be skipped
        anyway, so there is no point to stop at (ending a block early has its own cost).
        """
        if elapsed is not None and self.seconds > self.budget_share * elapsed:
            return UNLIMITED_EPOCHS
        return self.interval - epochs_done % self.interval

    def maybe_record(self, epoch: int, elapsed: float, force: bool = False) -> DynamicsRecord | None:
        """Record if `epoch` is a record point and recording is within its time budget."""
        if self.failed or (not force and epoch % self.interval):
            return None
        if not force and self.seconds > self.budget_share * elapsed:
            return None
        if not force and not self.compiled and elapsed >= COMPILE_AFTER_SECONDS:
            self._run, self.compiled = self._make_run(True), True
        return self.record(epoch)

    def record(self, epoch: int) -> DynamicsRecord | None:
        from nncore.inspect.unit_stats import dead_mask, saturation_mask

        began = time.perf_counter()
        try:
            norms, outputs = self._run(self._x, self._y)
            activations = self._probe.named(outputs)
            layers = {}
            for name, kernel in self._kernels:
                w = np.asarray(kernel).ravel()
                info = self._probe.layer(name)
                a = activations[name]
                layers[name] = LayerDynamics(
                    weight_mean=float(w.mean()),
                    weight_std=float(w.std()),
                    weight_percentiles=tuple(float(p) for p in np.percentile(w, PERCENTILES)),
                    gradient_norm=float(np.sqrt(np.sum(norms[self._variable_rows[name]] ** 2))),
                    activation_mean=float(a.mean()),
                    activation_std=float(a.std()),
                    # A confident output layer sits at its limits by design: not a problem to flag.
                    dead_share=float(dead_mask(a, info.activation).mean()) if info.kind != "output" else math.nan,
                    saturated_share=float(saturation_mask(a, info.activation).mean()) if info.kind != "output" else math.nan,
                )
        except Exception as error:  # recording must never break training: stop recording
            self.failed = f"{type(error).__name__}: {error}"
            return None
        finally:
            self.records_taken += 1
            self.seconds += time.perf_counter() - began
        record = DynamicsRecord(int(epoch), layers)
        with self._lock:
            if self._records and self._records[-1].epoch == record.epoch:
                self._records[-1] = record
            else:
                self._records.append(record)
        return record

    def dynamics(self) -> Dynamics:
        with self._lock:
            records = tuple(self._records)
        return Dynamics(records, tuple(name for name, _ in self._kernels), self.interval, self.seconds)


def start_recorder(
    model: Any, dataset: Any, objective: Any, total_epochs: int, epochs_done: int = 0, previous: Dynamics | None = None
) -> DynamicsRecorder | None:
    """A recorder with its first record taken, or None when this model cannot be probed
    (recording is an extra: it must never stop a training)."""
    try:
        recorder = DynamicsRecorder(model, dataset, objective, total_epochs, budget_share=BUDGET_SHARE, previous=previous)
    except Exception:
        return None
    recorder.maybe_record(epochs_done, 0.0, force=True)
    return recorder
