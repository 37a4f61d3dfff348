"""Training settings, validated on construction."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from nncore.errors import TrainingConfigError
from nncore.messages import Message

OPTIMIZERS = ("adam", "sgd", "rmsprop")
OPTIMIZER_TITLES = {"adam": "Adam", "sgd": "SGD with momentum", "rmsprop": "RMSprop"}


def _expect(condition: bool, message: Message | str) -> None:
    if not condition:
        raise TrainingConfigError(message)


@dataclass(frozen=True)
class TrainingConfig:
    optimizer: str = "adam"
    learning_rate: float = 0.01
    momentum: float = 0.9  # used by SGD only
    batch_size: int = 32
    epochs: int = 50
    early_stopping: bool = False
    patience: int = 10  # epochs without a better validation loss before stopping
    seed: int = 0
    # "balanced": weigh each class's examples inversely to its size (nncore.training.class_weights).
    class_weights: str = "none"

    def __post_init__(self) -> None:
        _expect(
            self.optimizer in OPTIMIZERS,
            Message("msg.config.optimizer", choices=str(list(OPTIMIZERS)), value=repr(self.optimizer)),
        )
        _expect(
            0 < float(self.learning_rate) <= 10,
            Message("msg.config.learning_rate", value=repr(self.learning_rate)),
        )
        _expect(
            0 <= float(self.momentum) < 1,
            Message("msg.config.momentum", value=repr(self.momentum)),
        )
        _expect(
            isinstance(self.batch_size, int) and 1 <= self.batch_size <= 65536,
            Message("msg.config.batch_size", value=repr(self.batch_size)),
        )
        _expect(
            isinstance(self.epochs, int) and 1 <= self.epochs <= 100_000,
            Message("msg.config.epochs", value=repr(self.epochs)),
        )
        _expect(
            isinstance(self.patience, int) and self.patience >= 1,
            Message("msg.config.patience", value=repr(self.patience)),
        )
        _expect(
            isinstance(self.seed, int) and 0 <= self.seed < 2**31,
            Message("msg.config.seed", value=repr(self.seed)),
        )
        _expect(
            self.class_weights in ("none", "balanced"),
            f"Expected `class_weights` to be 'none' or 'balanced'. Received: class_weights={self.class_weights!r}",
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainingConfig:
        return cls(**data)

    def make_optimizer(self):
        import keras

        if self.optimizer == "sgd":
            return keras.optimizers.SGD(learning_rate=self.learning_rate, momentum=self.momentum)
        if self.optimizer == "rmsprop":
            return keras.optimizers.RMSprop(learning_rate=self.learning_rate)
        return keras.optimizers.Adam(learning_rate=self.learning_rate)


# Settings that train each kind of input's default model well from the start. Tabular data
# (the 2-D playground sets included) is small: small batches and a large step learn in
# seconds, as in TensorFlow Playground, and the recurrent preset learns best with them too.
# A convolutional network with that step collapses to chance on the MNIST-sized digits (10%
# test accuracy after 2 epochs at 5,000 images, against 81-84% with these; see
# tests/training/test_suited_settings.py), and images come by the thousand, so fewer, larger
# batches and fewer epochs.
#
# Real tables ("table": tabular data beyond the 2-D playground sets) are small and noisy, and
# the playground's large step overfit them from the first epoch (a network 2.6 to 34 points
# below a logistic / ridge regression on the same split). They get a moderate step, batches of
# 32 and early stopping that keeps the best epoch's weights, with room to find it (up to 300
# epochs, patience 30); the small MLP preset adds weight decay where rows are few
# (nncore.models.presets.table_l2). `python -m bench --only tables` measures the result
# against scikit-learn baselines on every bundled table and a set of generated ones.
PLAYGROUND_SETTINGS = dict(optimizer="adam", learning_rate=0.03, batch_size=10, epochs=100)
TABLE_SETTINGS = dict(optimizer="adam", learning_rate=0.01, batch_size=32, epochs=300, early_stopping=True, patience=30)
SUITED_SETTINGS = {
    "tabular": PLAYGROUND_SETTINGS,
    "table": TABLE_SETTINGS,
    "sequence": PLAYGROUND_SETTINGS,
    "image": dict(optimizer="adam", learning_rate=0.003, batch_size=32, epochs=10),
}


def settings_kind(dataset: Any) -> str:
    """Which suited settings a dataset gets: "table" for tabular data beyond the 2-D
    playground sets, else its input kind."""
    if dataset.input_kind == "tabular" and not getattr(dataset, "is_2d", False):
        return "table"
    return str(dataset.input_kind)


def suited_config_for(config: TrainingConfig, dataset: Any) -> TrainingConfig:
    """`suited_config` for this dataset's settings kind (`settings_kind`)."""
    return suited_config(config, settings_kind(dataset))


def suited_config(config: TrainingConfig, input_kind: str) -> TrainingConfig:
    """`config` with the optimizer, step, batch size and epochs suited to `input_kind` (and, for
    tables, early stopping); the rest (momentum, seed...) kept."""
    return replace(config, **SUITED_SETTINGS.get(input_kind, PLAYGROUND_SETTINGS))
