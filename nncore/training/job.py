"""The training job: trains one model in a background thread that the page polls.

Streamlit stops a running script at its next `st.*` call whenever the user clicks something,
so training cannot live inside the script run. A job owns its thread, model and progress;
the page only reads `snapshot()` and calls `stop()`. The job never calls Streamlit.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

import numpy as np

from nncore.models.spec import ModelSpec
from nncore.training.config import TrainingConfig
from nncore.training.history import EpochRecord


class JobState(str, Enum):
    PENDING = "pending"
    RUNNING = "running"
    FINISHED = "finished"
    STOPPED = "stopped"
    DIVERGED = "diverged"
    FAILED = "failed"

    @property
    def is_done(self) -> bool:
        return self not in (JobState.PENDING, JobState.RUNNING)


@dataclass(frozen=True)
class JobSnapshot:
    """A consistent copy of a job's progress, safe to read from the page."""

    state: JobState
    epoch: int  # completed epochs
    total_epochs: int
    step: int  # steps done in the current epoch
    steps_per_epoch: int
    elapsed: float
    eta_seconds: float | None
    history: tuple[EpochRecord, ...]
    message: str = ""
    running_loss: float | None = None  # mean loss so far in the current epoch

    @property
    def progress(self) -> float:
        if self.state == JobState.FINISHED:
            return 1.0
        if not self.total_epochs or not self.steps_per_epoch:
            return 0.0
        done = self.epoch + self.step / self.steps_per_epoch
        return min(1.0, done / self.total_epochs)


@dataclass
class TrainedRun:
    """What a finished (or stopped) job leaves behind: the model and how it got there."""

    model: Any
    dataset: Any
    spec: ModelSpec
    config: TrainingConfig
    objective: Any
    history: tuple[EpochRecord, ...]
    state: JobState
    message: str
    test_loss: float
    test_metric: float
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        """False when training diverged: its weights are not a result to show as good."""
        return self.state in (JobState.FINISHED, JobState.STOPPED)


def divergence_message(epoch: int, step: int, config: TrainingConfig) -> str:
    where = f"epoch {epoch}" + (f", step {step}" if step else "")
    return (
        f"Training stopped: the loss became infinite or not a number (NaN) in {where}. "
        f"This usually means the learning rate ({config.learning_rate:g}) is too high, so each "
        "update overshoots and the weights blow up. Try a learning rate 10 times smaller, "
        "or the Adam optimizer."
    )


class TrainingJob:
    """Train `spec` on `dataset` with `config` in a background thread.

    Progress is reported after every chunk of steps; chunks are sized to take about
    `target_chunk_seconds`, so curves refresh several times a second and `stop()` takes
    effect quickly even when epochs are long.
    """

    def __init__(
        self,
        dataset: Any,
        spec: ModelSpec,
        config: TrainingConfig,
        *,
        target_chunk_seconds: float = 0.2,
    ) -> None:
        from nncore.models.build import validate_for_data

        self.dataset = dataset
        self.spec = spec
        self.config = config
        # Refuse an unusable architecture now, in the caller's thread, with its message.
        self.objective = validate_for_data(spec, dataset)
        self.target_chunk_seconds = target_chunk_seconds
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._result: TrainedRun | None = None
        self._started_at: float | None = None
        self._history: list[EpochRecord] = []
        self._snapshot = JobSnapshot(JobState.PENDING, 0, config.epochs, 0, 0, 0.0, None, ())

    # --- control, from the page's thread -----------------------------------------------
    def start(self) -> TrainingJob:
        if self._thread is not None:
            return self
        self._started_at = time.perf_counter()
        self._thread = threading.Thread(target=self._run, name="nnexplorer-training", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the job to stop after the current chunk; the partly trained model is kept."""
        self._stop.set()

    def join(self, timeout: float | None = None) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return self.snapshot().state.is_done

    def snapshot(self) -> JobSnapshot:
        with self._lock:
            snap = self._snapshot
        if not snap.state.is_done and self._started_at is not None:
            snap = replace(snap, elapsed=time.perf_counter() - self._started_at)
        return snap

    @property
    def result(self) -> TrainedRun | None:
        with self._lock:
            return self._result

    # --- the worker thread -------------------------------------------------------------
    def _update(self, **changes: Any) -> None:
        with self._lock:
            self._snapshot = replace(self._snapshot, **changes)

    def _elapsed(self) -> float:
        return time.perf_counter() - (self._started_at or time.perf_counter())

    def _run(self) -> None:
        try:
            self._update(state=JobState.RUNNING)
            self._train()
        except Exception as error:  # the thread must never die silently: report and end
            self._update(
                state=JobState.FAILED,
                message=f"Training failed: {type(error).__name__}: {error}",
                elapsed=self._elapsed(),
                eta_seconds=None,
            )

    def _train(self) -> None:
        from nncore.backend import CompiledTrainer
        from nncore.models.build import build_model

        dataset, config = self.dataset, self.config
        model = build_model(self.spec, dataset, seed=config.seed)
        trainer = CompiledTrainer(model, config.make_optimizer(), self.objective, dataset.x_train, dataset.y_train)
        x = trainer.to_device(dataset.x_train)
        y = trainer.to_device(dataset.y_train)
        x_val = trainer.to_device(dataset.x_val)
        y_val = trainer.to_device(dataset.y_val)

        n = len(dataset.x_train)
        batch = min(config.batch_size, n)
        full_batches = n // batch
        steps_per_epoch = full_batches + (1 if n % batch else 0)
        self._update(steps_per_epoch=steps_per_epoch)
        rng = np.random.default_rng(config.seed)

        chunk = min(full_batches, 8)  # the first call also compiles; keep it short
        seconds_per_step: float | None = None
        best_loss, best_weights, since_best = math.inf, None, 0
        final_state, message = JobState.FINISHED, ""

        for epoch in range(1, config.epochs + 1):
            order = rng.permutation(n).astype(np.int32)
            rows = order[: full_batches * batch].reshape(full_batches, batch)
            remainder = order[full_batches * batch :]
            loss_sum = metric_sum = 0.0
            done = 0
            while done < steps_per_epoch and not self._stop.is_set():
                if done < full_batches:
                    count = min(chunk, full_batches - done)
                    chunk_rows = rows[done : done + count]
                else:  # the last, smaller batch of the epoch
                    count, chunk_rows = 1, remainder[None, :]
                began = time.perf_counter()
                chunk_loss, chunk_metric = trainer.train_chunk(x, y, chunk_rows)
                took = time.perf_counter() - began
                if seconds_per_step is None:
                    seconds_per_step = math.inf  # the first call included compiling: ignore it
                elif count == chunk:
                    per_step = took / count
                    seconds_per_step = per_step if math.isinf(seconds_per_step) else 0.7 * seconds_per_step + 0.3 * per_step
                    chunk = max(1, min(full_batches, int(self.target_chunk_seconds / max(seconds_per_step, 1e-7))))
                loss_sum += chunk_loss
                metric_sum += chunk_metric
                done += count
                seen = min(done * batch, n)
                if not math.isfinite(chunk_loss):
                    final_state, message = JobState.DIVERGED, divergence_message(epoch, done, config)
                    break
                self._update(step=done, running_loss=loss_sum / seen, eta_seconds=self._eta(epoch - 1, done, steps_per_epoch))
            if final_state == JobState.DIVERGED:
                break
            if done < steps_per_epoch:  # stopped in the middle of an epoch
                final_state, message = JobState.STOPPED, f"Stopped by you during epoch {epoch}."
                break
            val_loss, val_metric = trainer.evaluate(x_val, y_val)
            record = EpochRecord(epoch, loss_sum / n, metric_sum / n, val_loss, val_metric, self._elapsed())
            self._history.append(record)
            if not (math.isfinite(record.loss) and math.isfinite(val_loss)):
                final_state, message = JobState.DIVERGED, divergence_message(epoch, 0, config)
            self._update(
                epoch=epoch,
                step=0,
                history=tuple(self._history),
                running_loss=None,
                eta_seconds=self._eta(epoch, 0, steps_per_epoch),
            )
            if final_state == JobState.DIVERGED:
                break
            if config.early_stopping:
                if val_loss < best_loss - 1e-7:
                    best_loss, best_weights, since_best = val_loss, model.get_weights(), 0
                else:
                    since_best += 1
                    if since_best >= config.patience:
                        final_state = JobState.FINISHED
                        message = (
                            f"Early stopping: the validation loss did not improve for {config.patience} "
                            f"epochs, so training ended at epoch {epoch} and kept the weights of the best "
                            f"epoch ({epoch - since_best})."
                        )
                        break
            if self._stop.is_set():
                final_state, message = JobState.STOPPED, f"Stopped by you after epoch {epoch}."
                break

        if config.early_stopping and best_weights is not None and final_state != JobState.DIVERGED:
            model.set_weights(best_weights)
        if final_state == JobState.FINISHED and not message:
            message = f"Finished {len(self._history)} epochs."
        test_loss, test_metric = trainer.evaluate(trainer.to_device(dataset.x_test), trainer.to_device(dataset.y_test))
        result = TrainedRun(
            model=model,
            dataset=dataset,
            spec=self.spec,
            config=config,
            objective=self.objective,
            history=tuple(self._history),
            state=final_state,
            message=message,
            test_loss=test_loss,
            test_metric=test_metric,
            seconds=self._elapsed(),
        )
        with self._lock:
            self._result = result
            self._snapshot = replace(
                self._snapshot, state=final_state, message=message, elapsed=result.seconds, eta_seconds=0.0, running_loss=None
            )

    def _eta(self, epochs_done: int, steps_done: int, steps_per_epoch: int) -> float | None:
        total = self.config.epochs * steps_per_epoch
        done = epochs_done * steps_per_epoch + steps_done
        if done == 0:
            return None
        return self._elapsed() / done * (total - done)
