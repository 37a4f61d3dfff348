"""`RunRecord`: what the run store knows about a saved run without loading its model."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nncore.messages import Message
from nncore.models.presets import PRESETS
from nncore.models.spec import ModelSpec
from nncore.training.history import EpochRecord

# A record's `status`.
COMPLETE = "complete"
SAVING = "saving"  # its files are being written right now (or were, moments ago)
INCOMPLETE = "incomplete"  # the save never finished: the app stopped while writing it
MISSING_FILES = "missing files"  # saved, but a file it needs has gone since
STATUSES = (COMPLETE, SAVING, INCOMPLETE, MISSING_FILES)


@dataclass(frozen=True)
class RunRecord:
    """One row of the run store. Only a `complete` record can be reopened; the others say why in `problem`."""

    run_id: str
    name: Message | str  # a default name as keys (worded by the UI), or the name the user typed
    created: float  # seconds since the epoch (UTC)
    status: str
    problem: Message | str  # why it cannot be reopened, worded by the UI
    folder: Path
    dataset_key: str = ""
    dataset_title: str = ""
    task: str = ""
    model_name: str = ""
    model_summary: str = ""
    n_params: int | None = None
    state: str = ""
    message: Message | str = ""  # the training outcome (a plain string if saved before messages had keys)
    test_loss: float | None = None
    test_metric: float | None = None
    metric_name: str = ""
    loss_label: str = ""
    seconds: float = 0.0
    spec: ModelSpec | None = None
    config: dict[str, Any] = field(default_factory=dict)
    dataset_params: dict[str, Any] = field(default_factory=dict)
    history: tuple[EpochRecord, ...] = ()
    baselines: Any = None  # nncore.evaluate.baselines.BaselineScores, when the run has them
    # A regression run saved before errors were kept in the target's units: its test loss, MAE
    # and history are standardized until it is reopened (which converts them for good).
    standardized_errors: bool = False
    unit: str = ""  # what a regression run's errors are measured in: the target's name
    owner: str = ""  # the signed-in user who saved it; "" when saved without sign-in

    @property
    def complete(self) -> bool:
        return self.status == COMPLETE

    @property
    def epochs(self) -> int:
        return len(self.history)

    @property
    def created_text(self) -> str:
        """Local date and time, to the minute ("2026-11-23 21:14")."""
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.created))


def model_title(spec: ModelSpec) -> str:
    """The preset's title for a preset's spec ("Small MLP"), else the spec's own name."""
    preset = PRESETS.get(spec.name)
    return preset.title if preset is not None else spec.name


def layers_summary(spec: ModelSpec) -> str:
    """The hidden layers in a line, in Keras's own words ("dense 8 tanh → dense 8 tanh"); "" for none."""
    parts = []
    for layer in spec.layers:
        if layer.kind in ("maxpool2d", "avgpool2d"):
            parts.append(f"{layer.kind} {layer.pool_size}")
        elif layer.kind == "flatten":
            parts.append("flatten")
        else:
            parts.append(f"{layer.kind} {layer.units} {layer.activation}")
    return " → ".join(parts)


def model_summary(spec: ModelSpec) -> str:
    """One line for a table: "Small MLP: dense 8 tanh → dense 8 tanh" (English, for logs and old
    rows; the Runs page words the model's title from `spec`)."""
    if not spec.layers:
        return f"{model_title(spec)}: no hidden layer"
    return f"{model_title(spec)}: {layers_summary(spec)}"


def default_name(spec: ModelSpec, dataset: Any) -> Message:
    """"Small MLP on Circles (2-D)", kept as keys so that the name reads in the user's language;
    a custom model's name and an uploaded file's title are the user's own words."""
    model = Message(f"model.preset.{spec.name}") if spec.name in PRESETS else spec.name
    return Message("msg.runs.default_name", model=model, data=builtin_title(dataset))


def builtin_title(dataset: Any) -> Message | str:
    """A built-in dataset's title as its catalogue key; any other dataset's title as it is."""
    from nncore.data.registry import list_datasets

    if any(info.key == dataset.key and info.title == dataset.title for info in list_datasets()):
        return Message(f"data.dataset.{dataset.key}.title")
    return dataset.title
