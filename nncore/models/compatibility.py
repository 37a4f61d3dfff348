"""Check, before building anything, that an architecture can work with the chosen data."""

from __future__ import annotations

from nncore.errors import ArchitectureError
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


def _describe_input(input_kind: str, input_shape: tuple[int, ...]) -> str:
    if input_kind == "tabular":
        return f"tabular data with {input_shape[0]} features"
    if input_kind == "image":
        return f"{input_shape[0]}x{input_shape[1]} images"
    return f"sequences of {input_shape[0]} steps with {input_shape[-1]} features each"


def check_compatible(spec: ModelSpec, input_kind: str, input_shape: tuple[int, ...]) -> None:
    """Raise ArchitectureError naming the first layer that cannot work on this input."""
    data = _describe_input(input_kind, input_shape)
    spatial = list(input_shape[:2]) if input_kind == "image" else None
    flat = input_kind == "tabular"  # data is a flat vector once flattened or densely mapped
    sequential = input_kind == "sequence"
    for position, layer in enumerate(spec.layers, start=1):
        where = f"Layer {position} ({layer_title(layer.kind)})"
        if layer.kind in CONV_KINDS + POOL_KINDS:
            if input_kind != "image":
                raise ArchitectureError(
                    f"{where} needs images (height x width x channels). Received: {data}. "
                    "Remove the layer or pick an image dataset such as digits."
                )
            if flat:
                raise ArchitectureError(
                    f"{where} needs image-shaped input, but an earlier Dense or Flatten layer has "
                    "already turned the image into a flat vector. Put convolution and pooling layers first."
                )
            if layer.kind in POOL_KINDS:
                if min(spatial) < layer.pool_size:
                    raise ArchitectureError(
                        f"{where} cannot pool {spatial[0]}x{spatial[1]} feature maps with a "
                        f"{layer.pool_size}x{layer.pool_size} window: the image has shrunk too far. "
                        "Use fewer pooling layers or a smaller pool size."
                    )
                spatial = [size // layer.pool_size for size in spatial]
        elif layer.kind in RNN_KINDS:
            if input_kind != "sequence":
                hint = (
                    " Images are not sequences here: use the 'digit_rows' dataset to read digits row by row."
                    if input_kind == "image"
                    else " Remove the layer or pick a sequence dataset such as sine."
                )
                raise ArchitectureError(f"{where} reads sequences (steps x features). Received: {data}.{hint}")
            if not sequential:
                raise ArchitectureError(
                    f"{where} needs a sequence, but an earlier Dense or Flatten layer has already "
                    "collapsed the time steps. Put recurrent layers first."
                )
        else:  # dense / flatten collapse everything to a vector
            flat = True
            sequential = False
