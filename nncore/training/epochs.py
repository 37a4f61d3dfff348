"""How a training job runs its epochs: in parts (long epochs) or several per call (short ones)."""

from __future__ import annotations

import math
import time
from typing import Any, Callable

import numpy as np

from nncore.training.config import TrainingConfig


class DeviceData:
    """The dataset's splits, moved to the device once per job."""

    def __init__(self, trainer: Any, dataset: Any) -> None:
        self.n = len(dataset.x_train)
        self.x = trainer.to_device(dataset.x_train)
        self.y = trainer.to_device(dataset.y_train)
        self.x_val = trainer.to_device(dataset.x_val)
        self.y_val = trainer.to_device(dataset.y_val)


SHORT_EPOCH_STEPS = 64


class EpochLoop:
    """Runs epochs either in parts (long epochs) or several per call (short ones).

    Parts are sized to take about `target_seconds`, so progress shows often and Stop acts
    quickly on big data. When a whole epoch takes less than half of that, several epochs go
    into one compiled call instead: on a 1,000-point playground that is what makes training
    run at tens of epochs per second even while the page is busy redrawing.
    """

    def __init__(
        self, trainer: Any, data: DeviceData, config: TrainingConfig, target_seconds: float, should_stop: Callable[[], bool],
        rng: np.random.Generator | None = None,
    ) -> None:
        self.trainer = trainer
        self.data = data
        self.target_seconds = target_seconds
        self.should_stop = should_stop
        # Each epoch's order is the next permutation from one generator seeded once per training;
        # a continued training (Step) passes the generator on, so its epochs get the orders the
        # same epochs of one longer training would have had.
        self.rng = rng if rng is not None else np.random.default_rng(config.seed)
        self.batch = min(config.batch_size, data.n)
        self.full_batches = data.n // self.batch
        self.steps_per_epoch = self.full_batches + (1 if data.n % self.batch else 0)
        self.chunk = min(self.full_batches, 8)  # the first call also compiles: keep it short
        self.seconds_per_step: float | None = None
        self.seconds_per_epoch: float | None = None
        self.diverged_at: int | None = None

    def epochs_per_call(self, remaining: int, single: bool) -> int:
        """0 to train the next epoch in parts; otherwise how many whole epochs per call."""
        if self.seconds_per_epoch is None:
            # Unmeasured: an epoch of few steps is almost surely short, so start with one
            # whole epoch (compiling one function, not two); else measure it in parts.
            return 1 if self.steps_per_epoch <= SHORT_EPOCH_STEPS else 0
        if self.seconds_per_epoch > self.target_seconds / 2:
            return 0
        if single:
            return 1
        return max(1, min(remaining, int(self.target_seconds / max(self.seconds_per_epoch, 1e-6))))

    def run_epochs(self, count: int) -> np.ndarray:
        orders = np.stack([self.rng.permutation(self.data.n) for _ in range(count)]).astype(np.int32)
        began = time.perf_counter()
        rows = self.trainer.train_epochs(self.data.x, self.data.y, self.data.x_val, self.data.y_val, orders)
        self.seconds_per_epoch = (time.perf_counter() - began) / count
        return rows

    def run_epoch_in_chunks(self, epoch: int, report) -> np.ndarray | None:
        """One epoch in parts; None if stopped or diverged (see `diverged_at`) before its end."""
        data, batch = self.data, self.batch
        began_epoch = time.perf_counter()
        order = self.rng.permutation(data.n).astype(np.int32)
        rows = order[: self.full_batches * batch].reshape(self.full_batches, batch)
        remainder = order[self.full_batches * batch :]
        loss_sum = metric_sum = 0.0
        done = 0
        while done < self.steps_per_epoch:
            if self.should_stop():
                return None
            if done < self.full_batches:
                count = min(self.chunk, self.full_batches - done)
                part = rows[done : done + count]
            else:  # the last, smaller batch of the epoch
                count, part = 1, remainder[None, :]
            began = time.perf_counter()
            part_loss, part_metric = self.trainer.train_chunk(data.x, data.y, part)
            self._learn_speed(time.perf_counter() - began, count)
            loss_sum += part_loss
            metric_sum += part_metric
            done += count
            if not math.isfinite(part_loss):
                self.diverged_at = done
                return None
            report(done, loss_sum / min(done * batch, data.n))
        val_loss, val_metric = self.trainer.evaluate(data.x_val, data.y_val)
        if self.seconds_per_step is not None and not math.isinf(self.seconds_per_step):
            self.seconds_per_epoch = time.perf_counter() - began_epoch
        return np.array([[loss_sum / data.n, metric_sum / data.n, val_loss, val_metric]])

    def _learn_speed(self, took: float, count: int) -> None:
        if self.seconds_per_step is None:
            self.seconds_per_step = math.inf  # the first call included compiling: ignore it
            return
        if count != self.chunk:
            return
        per_step = took / count
        self.seconds_per_step = per_step if math.isinf(self.seconds_per_step) else 0.7 * self.seconds_per_step + 0.3 * per_step
        self.chunk = max(1, min(self.full_batches, int(self.target_seconds / max(self.seconds_per_step, 1e-7))))
