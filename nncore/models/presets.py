"""Ready-made architectures for each kind of data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from nncore.errors import ArchitectureError
from nncore.messages import Message
from nncore.models.spec import LayerSpec, ModelSpec


def _dense(units: int, activation: str = "relu", **extra: Any) -> LayerSpec:
    initializer = "he_normal" if activation in ("relu", "leaky_relu", "elu") else "glorot_uniform"
    return LayerSpec(kind="dense", units=units, activation=activation, initializer=initializer, **extra)


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    description: str
    input_kinds: tuple[str, ...]
    make: Callable[[Any], tuple[LayerSpec, ...]]  # dataset -> hidden layers


# Weight decay (L2) for a table's small MLP: strong where there are few training rows, so the
# network does not memorise them before early stopping can act, and fading as rows grow.
# Tuned with `python -m bench --only tables` (without it the network fell 25-35 points of R²
# behind a ridge regression on 120-260-row tables).
TABLE_L2_ROWS = 30.0  # L2 = TABLE_L2_ROWS / training rows, ...
TABLE_L2_MAX = 0.1  # ... at most this
TABLE_L2_MIN = 1e-4  # ... and at least this


def table_l2(n_train: int) -> float:
    """The L2 factor of a table's small MLP with `n_train` training rows (3 significant digits)."""
    value = min(TABLE_L2_MAX, max(TABLE_L2_MIN, TABLE_L2_ROWS / max(1, int(n_train))))
    return float(f"{value:.3g}")


def _small_mlp(dataset: Any) -> tuple[LayerSpec, ...]:
    if getattr(dataset, "is_2d", False):
        return (_dense(8, "tanh"), _dense(8, "tanh"))
    if dataset.input_kind == "image":
        return (_dense(64), _dense(32))
    if dataset.input_kind == "tabular":
        l2 = table_l2(len(dataset.x_train))
        return (_dense(32, l2=l2), _dense(16, l2=l2))
    return (_dense(32), _dense(16))


PRESETS: dict[str, Preset] = {
    preset.key: preset
    for preset in (
        Preset(
            "logistic",
            "Logistic regression",
            "No hidden layer: the inputs feed the output directly, so it can only draw straight boundaries.",
            ("tabular", "image", "sequence"),
            lambda dataset: (),
        ),
        Preset(
            "small_mlp",
            "Small MLP",
            "Two hidden layers of neurons: enough to bend the boundary around most simple shapes.",
            ("tabular", "image", "sequence"),
            _small_mlp,
        ),
        Preset(
            "deep_mlp",
            "Deep MLP",
            "Four hidden layers of 32 ReLU neurons with a little dropout: more capacity, easier to overfit.",
            ("tabular", "image", "sequence"),
            lambda dataset: (_dense(32), _dense(32), _dense(32), _dense(32, dropout=0.1)),
        ),
        Preset(
            "lenet_cnn",
            "LeNet-style CNN",
            "Convolution filters find local patterns (edges, strokes), pooling shrinks the image, "
            "and dense layers decide.",
            ("image",),
            lambda dataset: (
                LayerSpec(kind="conv2d", units=8, kernel_size=3, activation="relu", initializer="he_normal"),
                LayerSpec(kind="maxpool2d", pool_size=2),
                LayerSpec(kind="conv2d", units=16, kernel_size=3, activation="relu", initializer="he_normal"),
                LayerSpec(kind="maxpool2d", pool_size=2),
                _dense(32),
            ),
        ),
        Preset(
            "lstm",
            "LSTM",
            "A recurrent layer reads the sequence one step at a time and keeps a memory of what it saw.",
            ("sequence",),
            lambda dataset: (LayerSpec(kind="lstm", units=32, activation="tanh"),),
        ),
    )
}


def presets_for(input_kind: str) -> list[Preset]:
    return [preset for preset in PRESETS.values() if input_kind in preset.input_kinds]


def default_preset_for(dataset: Any) -> str:
    if dataset.input_kind == "image":
        return "lenet_cnn"
    if dataset.input_kind == "sequence":
        return "lstm"
    return "small_mlp"


def preset_spec(key: str, dataset: Any) -> ModelSpec:
    """The preset's ModelSpec for this dataset; ArchitectureError if it does not suit the data."""
    if key not in PRESETS:
        raise ArchitectureError(f"Expected a preset in {sorted(PRESETS)}. Received: {key!r}")
    preset = PRESETS[key]
    if dataset.input_kind not in preset.input_kinds:
        kinds = [Message(f"msg.frag.{kind}") for kind in preset.input_kinds]
        needs = kinds[0]
        for kind in kinds[1:]:  # "tabular or image or sequence", as the English always said
            needs = Message("msg.frag.or", first=needs, second=kind)
        raise ArchitectureError(Message(
            "msg.model.preset_data", preset=Message(f"model.preset.{key}"), kinds=needs,
            kind=Message(f"msg.frag.{dataset.input_kind}"),
        ))
    return ModelSpec(layers=preset.make(dataset), name=key, description=preset.description)
