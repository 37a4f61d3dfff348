"""What a training job records per epoch."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class EpochRecord:
    epoch: int  # 1-based
    loss: float
    metric: float  # accuracy (classification) or mean absolute error (regression)
    val_loss: float
    val_metric: float
    seconds: float  # wall time since training started, at the end of this epoch

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def history_columns(records: tuple[EpochRecord, ...] | list[EpochRecord]) -> dict[str, list[float]]:
    """Column-wise view of a history, as plots and tables want it."""
    names = ("epoch", "loss", "metric", "val_loss", "val_metric", "seconds")
    return {name: [getattr(record, name) for record in records] for name in names}

