"""`ModelSpec`: an architecture as plain, JSON-serializable data.

A spec holds the hidden layers only; the output layer and the loss follow from the dataset's
task (see `objective.py`) unless the spec overrides them. Keeping the spec free of Keras means
it can be saved, compared, shown as a table and rebuilt exactly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from nncore.errors import ArchitectureError
from nncore.messages import Message

# Layer kinds, grouped by what input they need.
DENSE_KINDS = ("dense",)
CONV_KINDS = ("conv2d",)
POOL_KINDS = ("maxpool2d", "avgpool2d")
RNN_KINDS = ("simple_rnn", "lstm", "gru")
LAYER_KINDS = DENSE_KINDS + CONV_KINDS + POOL_KINDS + ("flatten",) + RNN_KINDS

ACTIVATIONS = ("linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu")
OUTPUT_ACTIVATIONS = ("auto", "softmax", "sigmoid", "linear")
LOSSES = ("auto", "crossentropy", "mse", "hinge")
INITIALIZERS = ("glorot_uniform", "he_normal", "random_normal")

MAX_UNITS = 4096
MAX_LAYERS = 32


def _expect(condition: bool, message: Message | str) -> None:
    if not condition:
        raise ArchitectureError(message)


@dataclass(frozen=True)
class LayerSpec:
    """One hidden layer.

    `units` is the number of neurons (Dense), filters (Conv2D) or recurrent units (RNN);
    `kernel_size` is the Conv2D window and `pool_size` the pooling window. `dropout` and
    `batch_norm` add a Dropout / BatchNormalization layer right after this one.
    """

    kind: str = "dense"
    units: int = 8
    activation: str = "relu"
    kernel_size: int = 3
    pool_size: int = 2
    dropout: float = 0.0
    batch_norm: bool = False
    l1: float = 0.0
    l2: float = 0.0
    initializer: str = "glorot_uniform"

    def __post_init__(self) -> None:
        _expect(
            self.kind in LAYER_KINDS,
            Message("msg.spec.layer_kind", allowed=str(list(LAYER_KINDS)), value=repr(self.kind)),
        )
        if self.has_units:
            _expect(
                isinstance(self.units, int) and 1 <= self.units <= MAX_UNITS,
                Message("msg.spec.units", most=MAX_UNITS, kind=self.kind, value=repr(self.units)),
            )
        _expect(
            self.activation in ACTIVATIONS,
            Message("msg.spec.activation", allowed=str(list(ACTIVATIONS)), value=repr(self.activation)),
        )
        if self.kind in CONV_KINDS:
            _expect(
                isinstance(self.kernel_size, int) and 1 <= self.kernel_size <= 11,
                Message("msg.spec.kernel_size", value=repr(self.kernel_size)),
            )
        if self.kind in POOL_KINDS:
            _expect(
                isinstance(self.pool_size, int) and 2 <= self.pool_size <= 8,
                Message("msg.spec.pool_size", value=repr(self.pool_size)),
            )
        _expect(
            0.0 <= float(self.dropout) < 1.0,
            Message("msg.spec.dropout", value=repr(self.dropout)),
        )
        for name in ("l1", "l2"):
            value = getattr(self, name)
            _expect(
                0.0 <= float(value) <= 1.0,
                Message("msg.spec.penalty", name=name, value=repr(value)),
            )
        _expect(
            self.initializer in INITIALIZERS,
            Message("msg.spec.initializer", allowed=str(list(INITIALIZERS)), value=repr(self.initializer)),
        )

    @property
    def has_units(self) -> bool:
        return self.kind in DENSE_KINDS + CONV_KINDS + RNN_KINDS

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LayerSpec:
        if not isinstance(data, dict):
            raise ArchitectureError(Message("msg.spec.layer_object", value=repr(data)))
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        _expect(not unknown, Message("msg.spec.layer_fields", known=str(sorted(known)), unknown=str(unknown)))
        return cls(**data)


@dataclass(frozen=True)
class ModelSpec:
    """A whole architecture: hidden layers plus optional output/loss overrides."""

    layers: tuple[LayerSpec, ...] = ()
    name: str = "model"
    output_activation: str = "auto"
    loss: str = "auto"
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "layers", tuple(self.layers))
        _expect(
            all(isinstance(layer, LayerSpec) for layer in self.layers),
            Message("msg.spec.layer_type"),
        )
        _expect(
            len(self.layers) <= MAX_LAYERS,
            Message("msg.model.too_many_layers", most=MAX_LAYERS, n=len(self.layers)),
        )
        _expect(
            self.output_activation in OUTPUT_ACTIVATIONS,
            Message("msg.spec.output_activation", allowed=str(list(OUTPUT_ACTIVATIONS)), value=repr(self.output_activation)),
        )
        _expect(self.loss in LOSSES, Message("msg.spec.loss", allowed=str(list(LOSSES)), value=repr(self.loss)))

    # --- JSON round trip -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["layers"] = [asdict(layer) for layer in self.layers]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelSpec:
        if not isinstance(data, dict):
            raise ArchitectureError(Message("msg.spec.model_object", value=type(data).__name__))
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        _expect(not unknown, Message("msg.spec.model_fields", known=str(sorted(known)), unknown=str(unknown)))
        data = dict(data)
        data["layers"] = tuple(LayerSpec.from_dict(layer) for layer in data.get("layers", ()))
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> ModelSpec:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ArchitectureError(Message("msg.spec.not_json", error=str(error))) from None
        return cls.from_dict(data)
