"""Each layer's weights, shaped for views: dense kernels as matrices, conv kernels as small
images, every layer's weights as one flat sample for a histogram."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nncore.inspect.activations import layer_infos


@dataclass(frozen=True)
class LayerWeights:
    name: str
    kind: str  # as in LayerInfo.kind
    kernel: np.ndarray | None  # dense (in, out); conv (h, w, in, out); recurrent (in, 4*units)...
    bias: np.ndarray | None
    others: tuple[np.ndarray, ...]  # recurrent kernels, batch-norm statistics, ...

    @property
    def all_values(self) -> np.ndarray:
        parts = [w.ravel() for w in (self.kernel, self.bias, *self.others) if w is not None]
        return np.concatenate(parts) if parts else np.zeros(0)

    @property
    def count(self) -> int:
        return int(self.all_values.size)


def layer_weights(model: Any) -> tuple[LayerWeights, ...]:
    """The weights of every layer that has any, in order."""
    result = []
    for info in layer_infos(model):
        arrays = [np.asarray(w) for w in model.get_layer(info.name).get_weights()]
        if not arrays:
            continue
        if info.kind in ("dense", "output", "conv"):
            kernel, bias = arrays[0], arrays[1] if len(arrays) > 1 else None
            result.append(LayerWeights(info.name, info.kind, kernel, bias, tuple(arrays[2:])))
        elif info.kind == "recurrent":
            # Keras order: kernel, recurrent_kernel, bias.
            result.append(LayerWeights(info.name, info.kind, arrays[0], arrays[-1] if len(arrays) > 2 else None, tuple(arrays[1:-1])))
        else:
            result.append(LayerWeights(info.name, info.kind, None, None, tuple(arrays)))
    return tuple(result)


def conv_kernel_images(kernel: np.ndarray, max_filters: int = 32) -> np.ndarray:
    """(filters, h, w) images of a conv kernel (h, w, in, out), averaged over input channels
    (for a one-channel input that is the filter itself)."""
    kernel = np.asarray(kernel)
    if kernel.ndim != 4:
        raise ValueError(f"Expected a conv kernel of shape (h, w, in, out). Received: shape {kernel.shape}")
    images = kernel.mean(axis=2)  # (h, w, out)
    return np.moveaxis(images, -1, 0)[:max_filters]


def dense_chain(model: Any) -> tuple[list[int], list[str], list[np.ndarray]] | None:
    """For an MLP made only of dense layers (plus dropout / batch norm): layer sizes, names
    and kernels for a neuron diagram; None when the model has other layers."""
    infos = layer_infos(model)
    input_units = tuple(int(d) for d in model.inputs[0].shape[1:])
    if len(input_units) != 1:
        return None
    sizes, names, kernels = [input_units[0]], ["input"], []
    for info in infos:
        if info.kind in ("dropout", "batch_norm"):
            continue
        if info.kind not in ("dense", "output"):
            return None
        sizes.append(info.units)
        names.append(info.name)
        kernels.append(np.asarray(model.get_layer(info.name).get_weights()[0]))
    return sizes, names, kernels
