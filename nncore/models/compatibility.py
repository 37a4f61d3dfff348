"""Check, before building anything, that an architecture can work with the chosen data."""

from __future__ import annotations

from nncore.errors import ArchitectureError
from nncore.messages import Message
from nncore.models.spec import CONV_KINDS, POOL_KINDS, RNN_KINDS, ModelSpec

_KIND_NAMES = {
    "dense": "Dense",
    "conv2d": "Conv2D",
    "maxpool2d": "MaxPooling2D",
    "avgpool2d": "AveragePooling2D",
    "flatten": "Flatten",
    "simple_rnn": "SimpleRNN",
    "lstm": "LSTM",
    "gru": "GRU",
}


def layer_title(kind: str) -> str:
    return _KIND_NAMES.get(kind, kind)


def _describe_input(input_kind: str, input_shape: tuple[int, ...]) -> Message:
    if input_kind == "tabular":
        return Message("msg.frag.tabular_data", n=input_shape[0])
    if input_kind == "image":
        return Message("msg.frag.images", height=input_shape[0], width=input_shape[1])
    return Message("msg.frag.sequences", steps=input_shape[0], n=input_shape[-1])


def check_compatible(spec: ModelSpec, input_kind: str, input_shape: tuple[int, ...]) -> None:
    """Raise ArchitectureError naming the first layer that cannot work on this input."""
    data = _describe_input(input_kind, input_shape)
    spatial = list(input_shape[:2]) if input_kind == "image" else None
    flat = input_kind == "tabular"  # data is a flat vector once flattened or densely mapped
    sequential = input_kind == "sequence"
    for position, layer in enumerate(spec.layers, start=1):
        where = Message("msg.frag.layer", n=position, kind=layer_title(layer.kind))
        if layer.kind in CONV_KINDS + POOL_KINDS:
            if input_kind != "image":
                raise ArchitectureError(Message("msg.model.needs_images", layer=where, data=data))
            if flat:
                raise ArchitectureError(Message("msg.model.already_flat", layer=where))
            if layer.kind in POOL_KINDS:
                if min(spatial) < layer.pool_size:
                    raise ArchitectureError(Message(
                        "msg.model.pool_too_far", layer=where, height=spatial[0], width=spatial[1], size=layer.pool_size
                    ))
                spatial = [size // layer.pool_size for size in spatial]
        elif layer.kind in RNN_KINDS:
            if input_kind != "sequence":
                key = "msg.model.needs_sequences_images" if input_kind == "image" else "msg.model.needs_sequences"
                raise ArchitectureError(Message(key, layer=where, data=data))
            if not sequential:
                raise ArchitectureError(Message("msg.model.already_collapsed", layer=where))
        else:  # dense / flatten collapse everything to a vector
            flat = True
            sequential = False
