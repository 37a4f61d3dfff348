"""A shared server's line of trainings: N at once, the rest wait in order, cancellable, bounded."""

import threading
import time

import pytest

from nncore.models import LayerSpec, ModelSpec
from nncore.training import JobState, TrainingConfig, TrainingJob
from nncore.training.admission import (
    Limits, QueueFullError, TrainingLine, TrainingTooLargeError, server_line,
)
from tests.helpers import make_dataset

SMALL = make_dataset("tabular", (2,), n=200, seed=1)
BIG = make_dataset("tabular", (20,), n=20_000, seed=3)
MLP = ModelSpec(layers=(LayerSpec("dense", 8, "tanh"),))


def wait_for(condition, seconds=60.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_places_are_admitted_up_to_the_slots_and_the_rest_wait_in_arrival_order():
    line = TrainingLine(Limits(slots=2, max_waiting=5))
    first, second, third, fourth = (line.join() for _ in range(4))
    assert [p.position for p in (first, second, third, fourth)] == [0, 0, 1, 2]
    assert line.busy() == (2, 2)
    second.leave()
    assert [third.position, fourth.position] == [0, 1]  # the next in line moves up
    fourth.leave()  # a waiting place can leave too (Cancel)
    first.leave()
    third.leave()
    assert line.busy() == (0, 0)


def test_a_full_line_refuses_newcomers_with_a_message_that_says_why():
    line = TrainingLine(Limits(slots=1, max_waiting=1))
    line.join(), line.join()
    with pytest.raises(QueueFullError, match="1 trainings are running and 1 are waiting"):
        line.join()


def test_a_training_larger_than_the_server_allows_is_refused_with_the_epochs_that_would_fit():
    line = TrainingLine(Limits(slots=1, max_waiting=1, max_epoch_examples=10_000))
    line.check_size(epochs=50, examples=200)  # exactly at the limit: fine
    with pytest.raises(TrainingTooLargeError, match="Choose at most 50 epochs"):
        line.check_size(epochs=51, examples=200)


def test_waiting_hears_its_position_and_gives_the_place_up_when_stopped():
    line = TrainingLine(Limits(slots=1, max_waiting=3))
    running = line.join()
    waiting = line.join()
    stop, heard = threading.Event(), []
    waiter = threading.Thread(target=lambda: heard.append(waiting.wait(stop.is_set, heard.append, 0.01)))
    waiter.start()
    wait_for(lambda: 1 in heard)
    stop.set()
    waiter.join(5)
    assert heard[-1] is False and line.busy() == (1, 0)  # cancelled, no longer in line
    running.leave()


def test_limits_come_from_the_environment_with_sane_defaults(monkeypatch):
    for name in ("NNX_TRAINING_SLOTS", "NNX_TRAINING_QUEUE", "NNX_MAX_EPOCH_EXAMPLES", "NNX_MAX_TRAINING_MB"):
        monkeypatch.delenv(name, raising=False)
    default = Limits.from_environment()
    assert default.slots >= 1 and default.max_waiting == 4 * default.slots
    assert default.max_epoch_examples is None and default.max_training_mb is None
    monkeypatch.setenv("NNX_TRAINING_SLOTS", "3")
    monkeypatch.setenv("NNX_TRAINING_QUEUE", "0")
    monkeypatch.setenv("NNX_MAX_EPOCH_EXAMPLES", "1000000")
    monkeypatch.setenv("NNX_MAX_TRAINING_MB", "2048")
    assert Limits.from_environment() == Limits(3, 0, 1_000_000, 2048)
    monkeypatch.setenv("NNX_TRAINING_SLOTS", "many")  # a typo falls back to the default
    assert Limits.from_environment().slots == default.slots
    assert server_line() is server_line()  # one line per server process


def test_a_second_job_waits_for_the_first_then_trains_and_the_slot_is_given_back():
    line = TrainingLine(Limits(slots=1, max_waiting=2))
    first = TrainingJob(BIG, MLP, TrainingConfig(epochs=10_000, batch_size=4), line=line).start()
    wait_for(lambda: first.snapshot().state == JobState.RUNNING)
    second = TrainingJob(SMALL, MLP, TrainingConfig(epochs=2), line=line).start()
    wait_for(lambda: second.snapshot().queue_position == 1)
    assert second.snapshot().state == JobState.PENDING and second.model is None  # nothing built yet
    first.stop()
    assert first.join(60)
    assert second.join(120)
    snap = second.snapshot()
    assert snap.state == JobState.FINISHED and snap.queue_position == 0 and snap.epoch == 2
    assert line.busy() == (0, 0)


def test_stopping_a_queued_job_cancels_it_without_training():
    line = TrainingLine(Limits(slots=1, max_waiting=2))
    blocker = line.join()
    job = TrainingJob(SMALL, MLP, TrainingConfig(epochs=2), line=line).start()
    wait_for(lambda: job.snapshot().queue_position == 1)
    job.stop()
    assert job.join(30)
    snap = job.snapshot()
    assert snap.state == JobState.STOPPED and snap.epoch == 0 and "waiting for a free slot" in snap.message
    assert job.result is None and line.busy() == (1, 0)
    blocker.leave()


def test_a_refused_job_never_starts_a_thread():
    line = TrainingLine(Limits(slots=1, max_waiting=0, max_epoch_examples=100))
    with pytest.raises(TrainingTooLargeError):
        TrainingJob(SMALL, MLP, TrainingConfig(epochs=5), line=line).start()
    assert line.busy() == (0, 0)


def test_the_memory_estimate_counts_what_keras_counts_and_a_limit_refuses_a_large_training():
    from nncore.models.build import build_model
    from nncore.training.admission import training_memory_mb

    wide = ModelSpec(layers=(LayerSpec("dense", 512, "relu"), LayerSpec("dense", 512, "relu")))
    model = build_model(wide, BIG)
    parameters = model.count_params()  # Keras's own count is the reference for the parameter part
    no_data_no_batch = training_memory_mb(model, data_bytes=0, batch_size=0)
    assert no_data_no_batch == pytest.approx(parameters * 16 / 2**20)
    with_batch = training_memory_mb(model, data_bytes=2**20, batch_size=32)
    assert with_batch > no_data_no_batch + 1  # the data and a batch's activations come on top

    line = TrainingLine(Limits(slots=1, max_waiting=1, max_training_mb=1))
    with pytest.raises(TrainingTooLargeError, match="would need about .* MB of memory; this server allows 1 MB"):
        TrainingJob(BIG, wide, TrainingConfig(epochs=1), line=line).start()
    assert line.busy() == (0, 0)
    TrainingJob(SMALL, MLP, TrainingConfig(epochs=1), line=line).start().join(60)  # a small one fits
