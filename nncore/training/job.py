"""The training job: trains one model in a background thread that the page polls.

Streamlit stops a running script at its next `st.*` call whenever the user clicks something,
so training cannot live inside the script run. A job owns its thread, model and progress;
the page only reads `snapshot()` and calls `stop()`. The job never calls Streamlit.
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any


from nncore.messages import Message, join
from nncore.models.spec import ModelSpec
from nncore.training.config import TrainingConfig
from nncore.training.epochs import DeviceData, EpochLoop
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
    message: Message | str = ""  # a keyed Message once the job has ended
    running_loss: float | None = None  # mean loss so far in the current epoch
    queue_position: int = 0  # waiting for a free slot on a shared server: 1 = next in line

    @property
    def progress(self) -> float:
        if self.state == JobState.FINISHED:
            return 1.0
        if not self.total_epochs or not self.steps_per_epoch:
            return 0.0
        done = self.epoch + self.step / self.steps_per_epoch
        return min(1.0, done / self.total_epochs)


@dataclass
class Resume:
    """What continuing a training needs besides the weights: the compiled trainer with its
    optimizer (Adam's moments and step count) and the generator that shuffles each epoch.

    Reusing them, one more epoch after ten is the eleventh epoch of an 11-epoch training, not
    an epoch with a fresh optimizer (whose first steps are full-size again) and a replayed order.
    """

    trainer: Any
    rng: Any  # numpy Generator, advanced by one permutation per epoch


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
    message: Message | str  # the outcome, worded by the UI
    test_loss: float
    test_metric: float
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)
    # How to go on training this model exactly where it stopped (the Train page's Step); None
    # for a reopened or imported run, and once handed on to the job that continues it.
    resume: Resume | None = field(default=None, repr=False, compare=False)
    # Scores of simple scikit-learn models on the same split and inputs (tabular data only):
    # a `nncore.evaluate.baselines.BaselineScores`, or None.
    baselines: Any = None
    # This object's identity for the session's caches and pins, set once at creation. Never
    # `id(run)`: Python hands a freed run's id to the next object, so a new run would inherit the
    # old one's explanations. A run reopened from the store gets a fresh one too (its store id
    # stays in `extra["run_id"]`): two openings are two objects whose data can differ (a positive
    # class chosen on one), so they must not share caches. Not an __init__ argument: a copy made
    # with dataclasses.replace() is another run, with an id of its own.
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex, init=False)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "run_id" and "run_id" in self.__dict__:
            raise AttributeError("A run's run_id is set once, when the run is created.")
        super().__setattr__(name, value)

    @property
    def usable(self) -> bool:
        """False when training diverged: its weights are not a result to show as good."""
        return self.state in (JobState.FINISHED, JobState.STOPPED)


def target_units(dataset: Any) -> tuple[float, float]:
    """(factor for an error, factor for a squared error) that turn a regression model's
    standardized numbers into the target's original units; (1, 1) when there is nothing to undo.

    A regression target is standardized for training, so the compiled loop's losses and mean
    absolute errors come out in standard deviations of the target. Converted here, once, every
    view, the run store and every export show errors in the target's own units.
    """
    scale = getattr(dataset.preprocessing, "target_scale", None) if dataset.task == "regression" else None
    if scale is None or not math.isfinite(scale) or scale <= 0:
        return 1.0, 1.0
    return float(scale), float(scale) ** 2


def divergence_message(epoch: int, step: int, config: TrainingConfig) -> Message:
    where = Message("msg.frag.epoch_step", epoch=epoch, step=step) if step else Message("msg.frag.epoch", epoch=epoch)
    return Message("msg.job.diverged", where=where, rate=f"{config.learning_rate:g}")


def failure_message(error: BaseException) -> Message:
    """"<kind>: <what it said>", the error's own message kept as a key when it has one."""
    return Message("msg.job.failed", kind=type(error).__name__, error=getattr(error, "message", None) or str(error))


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
        abandon_after: float | None = None,
        on_finish: Callable[[TrainedRun], None] | None = None,
        continue_from: TrainedRun | None = None,
        record_dynamics: bool = True,
        line: Any = None,
    ) -> None:
        from nncore.models.build import validate_for_data

        self.dataset = dataset
        self.spec = spec
        self.config = config
        # Refuse an unusable architecture now, in the caller's thread, with its message.
        self.objective = validate_for_data(spec, dataset)
        self.target_chunk_seconds = target_chunk_seconds
        # A job whose progress nobody has read for this long (its browser tab was closed)
        # stops itself, so it does not take the CPU from everyone else.
        self.abandon_after = abandon_after
        # Called in the worker thread once the result is published (e.g. to save the run), so
        # it never slows training and the page never waits for it.
        self.on_finish = on_finish
        # Continue training an earlier run's model (its weights, its history and, when it was
        # trained in this process, its optimizer state and shuffling) for `config.epochs` more
        # epochs: the Train page's "Step" button. The run is then consumed: its model trains on.
        self.continue_from = continue_from
        # Weight, gradient and activation statistics over epochs (nncore.training.recorder).
        self.record_dynamics = record_dynamics
        # A shared server's line of trainings (nncore.training.admission): the job waits there
        # for a free slot before it trains, and gives the slot back when it ends.
        self.line = line
        self._place: Any = None
        self._recorder: Any = None
        self._last_seen = time.monotonic()
        self._abandoned = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._result: TrainedRun | None = None
        # Set as soon as the outcome is known, before `on_finish` (saving) runs.
        self._outcome_known = threading.Event()
        # The model being trained, readable while it trains (views draw it live; its weights
        # change under them, which is what a live picture wants).
        self.model: Any = None
        self._started_at: float | None = None
        self._history: list[EpochRecord] = list(continue_from.history) if continue_from is not None else []
        # A continued run's clock goes on from the earlier run's, so its history's times only grow.
        self._seconds_before = continue_from.seconds if continue_from is not None else 0.0
        self._total_epochs = len(self._history) + config.epochs
        self._snapshot = JobSnapshot(JobState.PENDING, len(self._history), self._total_epochs, 0, 0, 0.0, None, tuple(self._history))

    # --- control, from the page's thread -----------------------------------------------
    def start(self) -> TrainingJob:
        if self._thread is not None:
            return self
        if self.line is not None:  # refused here, in the caller's thread, with its message
            self.line.check_size(self.config.epochs, len(self.dataset.x_train))
            if self.line.limits.max_training_mb is not None:
                self.line.check_memory(self._memory_mb())
            self._place = self.line.join()
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

    def wait_for_outcome(self, timeout: float | None = None) -> bool:
        """Wait until the job has ended and its result is readable (not for the save after it).

        A page that has just pressed Stop waits for this, so the outcome shows at once.
        """
        if self._thread is not None:
            self._outcome_known.wait(timeout)
        return self.snapshot().state.is_done

    def _memory_mb(self) -> float:
        """The training's estimated memory, from a throw-away build of its model (only on a server
        that limits memory: building takes a moment)."""
        from nncore.models.build import build_model
        from nncore.training.admission import training_memory_mb

        model = self.continue_from.model if self.continue_from is not None else build_model(self.spec, self.dataset)
        data_bytes = self.dataset.x_train.nbytes + self.dataset.y_train.nbytes
        return training_memory_mb(model, data_bytes, self.config.batch_size)

    def snapshot(self) -> JobSnapshot:
        self._last_seen = time.monotonic()
        with self._lock:
            snap = self._snapshot
        if not snap.state.is_done and self._started_at is not None:
            snap = replace(snap, elapsed=time.perf_counter() - self._started_at)
        return snap

    @property
    def result(self) -> TrainedRun | None:
        with self._lock:
            return self._result

    def dynamics(self) -> Any:
        """The training dynamics recorded so far (a `recorder.Dynamics`), or None."""
        recorder = self._recorder
        return recorder.dynamics() if recorder is not None else None

    # --- the worker thread -------------------------------------------------------------
    def _should_stop(self) -> bool:
        if self.abandon_after is not None and time.monotonic() - self._last_seen > self.abandon_after:
            self._abandoned = True
            self._stop.set()
        return self._stop.is_set()

    def _stopped_message(self, during: Message) -> Message:
        if self._abandoned:
            return Message("msg.job.abandoned", during=during, minutes=f"{self.abandon_after / 60:.0f}")
        return Message("msg.job.stopped", during=during)

    def _update(self, **changes: Any) -> None:
        with self._lock:
            self._snapshot = replace(self._snapshot, **changes)

    def _elapsed(self) -> float:
        return time.perf_counter() - (self._started_at or time.perf_counter())

    def _run(self) -> None:
        try:
            if self._place is not None and not self._wait_for_slot():
                self._update(state=JobState.STOPPED, message=Message("msg.queue.cancelled"),
                             queue_position=0, elapsed=0.0, eta_seconds=None)
                return
            self._update(state=JobState.RUNNING)
            self._train()
        except Exception as error:  # the thread must never die silently: report and end
            self._update(
                state=JobState.FAILED,
                message=failure_message(error),
                elapsed=self._elapsed(),
                eta_seconds=None,
            )
        finally:
            if self._place is not None:
                self._place.leave()
            self._outcome_known.set()

    def _wait_for_slot(self) -> bool:
        """Wait in the server's line; False when stopped (or abandoned) while waiting."""
        admitted = self._place.wait(self._should_stop, lambda position: self._update(queue_position=position))
        self._started_at = time.perf_counter()  # the time in line is not training time
        return admitted

    def _take_resume(self) -> Resume | None:
        """The continued run's trainer and shuffling, if it has them and they fit this job.

        Taken, not shared: the run's model trains on, so nobody may continue it a second time.
        """
        run = self.continue_from
        if run is None or run.resume is None:
            return None
        resume, run.resume = run.resume, None
        fits = run.config.batch_size == self.config.batch_size and run.dataset is self.dataset and run.spec == self.spec
        return resume if fits else None

    def _train(self) -> None:
        import contextlib

        from nncore.backend import CompiledTrainer, distribution_strategy
        from nncore.models.build import build_model
        from nncore.training.class_weights import training_class_weights
        from nncore.training.priority import lower_training_priority

        dataset, config = self.dataset, self.config
        # Several GPUs: the model's and the optimizer's variables are mirrored on each, so both
        # are made in the strategy's scope.
        strategy = distribution_strategy()
        resume = self._take_resume()
        if resume is not None:  # the same model, optimizer and compiled functions: no rebuild
            model, trainer = self.continue_from.model, resume.trainer
        else:
            with strategy.scope() if strategy is not None else contextlib.nullcontext():
                if self.continue_from is not None and strategy is None:
                    model = self.continue_from.model
                else:
                    model = build_model(self.spec, dataset, seed=config.seed)
                    if self.continue_from is not None:
                        model.set_weights(self.continue_from.model.get_weights())
                trainer = CompiledTrainer(
                    model, config.make_optimizer(), self.objective, dataset.x_train, dataset.y_train, config.batch_size,
                    strategy=strategy, class_weight=training_class_weights(config, dataset),
                )
        self.model = model
        data = DeviceData(trainer, dataset)
        lower_training_priority()  # after the trainer exists, so the compute pool does too
        loop = EpochLoop(trainer, data, config, self.target_chunk_seconds, self._should_stop, resume.rng if resume else None)
        self._update(steps_per_epoch=loop.steps_per_epoch)
        if self.record_dynamics:
            from nncore.training.recorder import start_recorder

            previous = self.continue_from.extra.get("dynamics") if self.continue_from is not None else None
            self._recorder = start_recorder(model, dataset, self.objective, self._total_epochs, len(self._history), previous)

        error_factor, loss_factor = target_units(dataset)
        best_loss, best_weights, since_best = math.inf, None, 0
        final_state, message = None, ""
        while len(self._history) < self._total_epochs and final_state is None:
            if self._should_stop():
                final_state, message = JobState.STOPPED, self._stopped_message(Message("msg.frag.after_epoch", n=len(self._history)))
                break
            remaining = self._total_epochs - len(self._history)
            # With early stopping every epoch's weights may be the ones to keep: one at a time.
            block = loop.epochs_per_call(remaining, single=config.early_stopping)
            if block and self._recorder is not None:  # end blocks on record points
                block = min(block, self._recorder.epochs_until_due(len(self._history), self._elapsed()))
            if block:
                rows = loop.run_epochs(block)
            else:
                rows = loop.run_epoch_in_chunks(
                    len(self._history) + 1,
                    lambda step, running: self._update(
                        step=step, running_loss=running * loss_factor, eta_seconds=self._eta(len(self._history), step, loop.steps_per_epoch)
                    ),
                )
                if rows is None:  # stopped mid-epoch or diverged mid-epoch
                    epoch = len(self._history) + 1
                    if loop.diverged_at is not None:
                        final_state, message = JobState.DIVERGED, divergence_message(epoch, loop.diverged_at, config)
                    else:
                        final_state, message = JobState.STOPPED, self._stopped_message(Message("msg.frag.during_epoch", n=epoch))
                    break
            for loss, metric, val_loss, val_metric in rows:
                # In float64, so an exported script that does the same reproduces them exactly.
                loss, metric, val_loss, val_metric = (
                    float(loss) * loss_factor, float(metric) * error_factor,
                    float(val_loss) * loss_factor, float(val_metric) * error_factor,
                )
                epoch = len(self._history) + 1
                if not all(math.isfinite(v) for v in (loss, val_loss)):
                    final_state, message = JobState.DIVERGED, divergence_message(epoch, 0, config)
                    break
                self._history.append(EpochRecord(
                    epoch, float(loss), float(metric), float(val_loss), float(val_metric), self._seconds_before + self._elapsed()
                ))
                if config.early_stopping:
                    if val_loss < best_loss - 1e-7:
                        best_loss, best_weights, since_best = val_loss, model.get_weights(), 0
                    else:
                        since_best += 1
                        if since_best >= config.patience:
                            final_state = JobState.FINISHED
                            message = Message(
                                "msg.job.early_stop", patience=config.patience, epoch=epoch, best=epoch - since_best
                            )
                            break
            done = len(self._history)
            if self._recorder is not None and not self._stop.is_set():  # Stop should not wait for a record
                self._recorder.maybe_record(done, self._elapsed(), force=done == self._total_epochs)
            self._update(
                epoch=done, step=0, history=tuple(self._history), running_loss=None,
                eta_seconds=self._eta(done, 0, loop.steps_per_epoch),
            )

        if final_state is None:
            done = len(self._history)
            final_state, message = JobState.FINISHED, Message.plural("msg.job.finished", "n", n=done)
        if config.early_stopping and best_weights is not None and final_state != JobState.DIVERGED:
            model.set_weights(best_weights)
        test_loss, test_metric = trainer.evaluate(trainer.to_device(dataset.x_test), trainer.to_device(dataset.y_test))
        test_loss, test_metric = float(test_loss) * loss_factor, float(test_metric) * error_factor
        baselines = self._baselines()
        result = TrainedRun(
            model=model,
            dataset=dataset,
            spec=self.spec,
            # A continued run is described as the one longer training it equals (Restart repeats it).
            config=replace(config, epochs=self._total_epochs) if self.continue_from is not None else config,
            objective=self.objective,
            history=tuple(self._history),
            state=final_state,
            message=message,
            test_loss=test_loss,
            test_metric=test_metric,
            seconds=self._seconds_before + self._elapsed(),
            resume=Resume(trainer, loop.rng),
            extra={"replicas": trainer.replicas, **({"dynamics": self._recorder.dynamics()} if self._recorder is not None else {})},
            baselines=baselines,
        )
        with self._lock:
            self._result = result
            self._snapshot = replace(
                self._snapshot, state=final_state, message=message, elapsed=result.seconds, eta_seconds=0.0, running_loss=None
            )
        self._outcome_known.set()
        self._finish(result)

    def _baselines(self) -> Any:
        """The baselines for this run's data (milliseconds on small tables); never fails training."""
        previous = self.continue_from
        if previous is not None and previous.dataset is self.dataset and previous.baselines is not None:
            return previous.baselines  # Step: the same data, the same baselines
        try:
            from nncore.evaluate.baselines import fit_baselines

            return fit_baselines(self.dataset, seed=self.config.seed)
        except Exception:  # a baseline that cannot be fitted costs only its line in the views
            return None

    def _finish(self, result: TrainedRun) -> None:
        """Run `on_finish`; its failure (say, a full disk) is a note on the run, never a failed training."""
        if self.on_finish is None:
            return
        try:
            self.on_finish(result)
        except Exception as error:
            note = Message("msg.job.not_saved", kind=type(error).__name__, error=getattr(error, "message", None) or str(error))
            result.message = join(result.message, note)
            self._update(message=result.message)

    def _eta(self, epochs_done: int, steps_done: int, steps_per_epoch: int) -> float | None:
        """Seconds left, from the pace since the first epoch (which also paid for compiling)."""
        before = len(self.continue_from.history) if self.continue_from is not None else 0  # not timed by this job
        total = (self._total_epochs - before) * steps_per_epoch
        done = (epochs_done - before) * steps_per_epoch + steps_done
        if done <= 0:
            return None
        elapsed = self._elapsed()
        if len(self._history) > before and done > steps_per_epoch:
            first = self._history[before].seconds - self._seconds_before
            return (elapsed - first) / (done - steps_per_epoch) * (total - done)
        return elapsed / done * (total - done)
