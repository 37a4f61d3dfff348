"""Fair sharing of a server's CPU: at most N trainings at once, the rest wait in line.

A classroom server has one CPU for thirty people. Without a limit every Train press starts a
training at once, each gets a thirtieth of the machine and nobody's finishes in time, while
every page click waits behind them. So a server admits a fixed number of trainings at once
(default: its number of cores) and queues the others in arrival order; a queued training
knows its place in line (the page shows it) and can leave the line (Cancel) at any time.
A line that is already long refuses newcomers with a clear message instead of growing
without bound. Limits on a single training's size (epochs x examples) are checked before it
queues, so nobody waits in line only to be refused.

This is process-wide state by design (one line per server process), and holds only places in
line, never a user's data or model. Settings come from the server's environment:

- NNX_TRAINING_SLOTS: trainings at once (default: the number of cores);
- NNX_TRAINING_QUEUE: how many may wait (default: 4 per slot);
- NNX_MAX_EPOCH_EXAMPLES: the largest epochs x training examples one training may ask for
  (default: no limit, as on a laptop);
- NNX_MAX_TRAINING_MB: the most memory one training may need, by the estimate below
  (default: no limit).
"""

from __future__ import annotations

import itertools
import os
import threading
from dataclasses import dataclass
from typing import Callable

import numpy as np

from nncore.errors import TrainingConfigError
from nncore.messages import Message

SLOTS_ENV = "NNX_TRAINING_SLOTS"
QUEUE_ENV = "NNX_TRAINING_QUEUE"
MAX_EPOCH_EXAMPLES_ENV = "NNX_MAX_EPOCH_EXAMPLES"
MAX_TRAINING_MB_ENV = "NNX_MAX_TRAINING_MB"
# Per parameter during training: the weight, its gradient and an optimizer's two moments (Adam).
_BYTES_PER_PARAMETER = 4 * 4
# Per activation value in a batch: the forward value kept for the backward pass, and its gradient.
_BYTES_PER_ACTIVATION = 4 * 2
WAITING_PER_SLOT = 4


class QueueFullError(TrainingConfigError):
    """Every slot is busy and the line is as long as the server allows."""


class TrainingTooLargeError(TrainingConfigError):
    """One training asks for more epochs x examples than this server allows."""


@dataclass(frozen=True)
class Limits:
    slots: int
    max_waiting: int
    max_epoch_examples: int | None = None
    max_training_mb: int | None = None

    @classmethod
    def from_environment(cls) -> Limits:
        slots = _positive_int(os.environ.get(SLOTS_ENV)) or (os.cpu_count() or 1)
        waiting = _positive_int(os.environ.get(QUEUE_ENV), allow_zero=True)
        return cls(slots, WAITING_PER_SLOT * slots if waiting is None else waiting,
                   _positive_int(os.environ.get(MAX_EPOCH_EXAMPLES_ENV)),
                   _positive_int(os.environ.get(MAX_TRAINING_MB_ENV)))


def _positive_int(text: str | None, allow_zero: bool = False) -> int | None:
    try:
        value = int(text) if text not in (None, "") else None
    except ValueError:
        return None  # a mistyped setting falls back to the default rather than stopping the server
    if value is None or value < 0 or (value == 0 and not allow_zero):
        return None
    return value


def training_memory_mb(model, data_bytes: int, batch_size: int) -> float:
    """An estimate of the memory one training needs: its data (copied once for training), each
    parameter with its gradient and optimizer state, and one batch's activations and their
    gradients. Frameworks add workspace on top; this is for refusing the clearly too large."""
    parameters = sum(int(np.prod(w.shape)) for w in model.weights)
    activations = 0
    for layer in model.layers:
        shape = getattr(getattr(layer, "output", None), "shape", None)
        if shape is not None:
            activations += int(np.prod([d for d in shape[1:] if d is not None]))
    total = data_bytes + parameters * _BYTES_PER_PARAMETER + batch_size * activations * _BYTES_PER_ACTIVATION
    return total / 2**20


class Place:
    """One training's place in line: admitted (position 0) or waiting (position 1, 2, ...)."""

    def __init__(self, line: TrainingLine, number: int) -> None:
        self._line = line
        self.number = number

    @property
    def position(self) -> int:
        """0 once admitted; otherwise how many trainings are ahead of this one, plus one."""
        return self._line._position(self)

    def wait(self, should_stop: Callable[[], bool], on_position: Callable[[int], None] = lambda _: None,
             poll_seconds: float = 0.2) -> bool:
        """Block until admitted (True) or until `should_stop()` (False: the place is given up).

        `on_position` hears the place in line as it changes (a page shows it)."""
        while not should_stop():
            on_position(self.position)
            if self._line._wait_admitted(self, poll_seconds):
                on_position(0)
                return True
        self.leave()
        return False

    def leave(self) -> None:
        """Give the place up (finished, stopped or cancelled); the next in line moves up."""
        self._line._leave(self)


class TrainingLine:
    """At most `limits.slots` trainings at once; the others wait in arrival order."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._changed = threading.Condition()
        self._running: list[Place] = []
        self._waiting: list[Place] = []
        self._numbers = itertools.count(1)

    def check_size(self, epochs: int, examples: int) -> None:
        """Refuse a training larger than the server allows (before it takes a place)."""
        limit = self.limits.max_epoch_examples
        if limit is not None and epochs * examples > limit:
            raise TrainingTooLargeError(Message(
                "msg.queue.too_large", limit=limit, epochs=epochs, examples=examples, product=epochs * examples,
                fit=max(1, limit // max(1, examples)),
            ))

    def check_memory(self, needed_mb: float) -> None:
        """Refuse a training whose estimated memory (`training_memory_mb`) is over the limit."""
        limit = self.limits.max_training_mb
        if limit is not None and needed_mb > limit:
            raise TrainingTooLargeError(Message("msg.queue.memory", needed=f"{needed_mb:.0f}", limit=limit))

    def join(self) -> Place:
        """Take a place: admitted at once when a slot is free, else at the end of the line."""
        with self._changed:
            place = Place(self, next(self._numbers))
            if len(self._running) < self.limits.slots and not self._waiting:
                self._running.append(place)
            elif len(self._waiting) < self.limits.max_waiting:
                self._waiting.append(place)
            else:
                raise QueueFullError(Message("msg.queue.full", running=len(self._running), waiting=len(self._waiting)))
            return place

    def busy(self) -> tuple[int, int]:
        """(running, waiting) now."""
        with self._changed:
            return len(self._running), len(self._waiting)

    def _position(self, place: Place) -> int:
        with self._changed:
            if place in self._running:
                return 0
            if place in self._waiting:
                return self._waiting.index(place) + 1
            return 0  # it has left the line

    def _wait_admitted(self, place: Place, timeout: float) -> bool:
        with self._changed:
            if place not in self._running:
                self._changed.wait(timeout)
            return place in self._running

    def _leave(self, place: Place) -> None:
        with self._changed:
            if place in self._running:
                self._running.remove(place)
            elif place in self._waiting:
                self._waiting.remove(place)
            while self._waiting and len(self._running) < self.limits.slots:
                self._running.append(self._waiting.pop(0))
            self._changed.notify_all()


_server_line: TrainingLine | None = None
_server_line_lock = threading.Lock()


def server_line() -> TrainingLine:
    """The one line of this server process, with the limits from its environment."""
    global _server_line
    with _server_line_lock:
        if _server_line is None:
            _server_line = TrainingLine(Limits.from_environment())
        return _server_line
