import math
import threading

import numpy as np
import pytest

from nncore.errors import ArchitectureError, TrainingConfigError
from nncore.models import LayerSpec, ModelSpec
from nncore.training import JobState, TrainingConfig, TrainingJob
from tests.helpers import make_dataset

TABULAR = make_dataset("tabular", (2,), n=300, seed=1)
MLP = ModelSpec(layers=(LayerSpec("dense", 8, "tanh"),))


def train(dataset=TABULAR, spec=MLP, **config) -> TrainingJob:
    job = TrainingJob(dataset, spec, TrainingConfig(**config)).start()
    assert job.join(timeout=120)
    return job


def curves(job):
    return [(r.loss, r.metric, r.val_loss, r.val_metric) for r in job.result.history]


def test_training_learns_and_records_every_epoch():
    job = train(epochs=15, learning_rate=0.05, batch_size=16)
    snap = job.snapshot()
    assert snap.state == JobState.FINISHED and snap.progress == 1.0
    history = job.result.history
    assert [r.epoch for r in history] == list(range(1, 16))
    assert history[-1].loss < history[0].loss
    assert job.result.test_metric > 0.75  # two balanced classes: chance is 0.5
    assert all(b.seconds >= a.seconds for a, b in zip(history, history[1:]))


def test_the_same_seed_gives_the_same_history():
    first = train(epochs=4, seed=7, batch_size=10)
    second = train(epochs=4, seed=7, batch_size=10)
    other = train(epochs=4, seed=8, batch_size=10)
    assert curves(first) == curves(second)
    assert curves(first) != curves(other)


def test_two_jobs_at_once_neither_see_nor_disturb_each_other():
    other_data = make_dataset("tabular", (3,), n_classes=3, n=240, seed=5)
    other_spec = ModelSpec(layers=(LayerSpec("dense", 6, "relu", dropout=0.2),))
    alone_a = curves(train(epochs=5, seed=1, batch_size=8))
    alone_b = curves(train(other_data, other_spec, epochs=5, seed=2, batch_size=8, optimizer="sgd"))

    barrier = threading.Barrier(2)
    jobs = {}

    def run(name, *args, **kwargs):
        barrier.wait()
        jobs[name] = train(*args, **kwargs)

    threads = [
        threading.Thread(target=run, args=("a",), kwargs=dict(epochs=5, seed=1, batch_size=8)),
        threading.Thread(target=run, args=("b", other_data, other_spec), kwargs=dict(epochs=5, seed=2, batch_size=8, optimizer="sgd")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    # Equal to float32 rounding: how epochs are grouped into compiled calls depends on timing (the
    # dynamics recorder's time budget), and changes the order of the float32 sums, not the training.
    assert np.asarray(curves(jobs["a"])) == pytest.approx(np.asarray(alone_a), rel=1e-6)
    assert np.asarray(curves(jobs["b"])) == pytest.approx(np.asarray(alone_b), rel=1e-6)
    assert jobs["b"].result.model.output_shape[-1] == 3


def test_stop_in_the_middle_keeps_a_usable_partly_trained_model():
    big = make_dataset("tabular", (20,), n=20_000, seed=3)
    job = TrainingJob(big, MLP, TrainingConfig(epochs=10_000, batch_size=4)).start()
    deadline = 60.0
    waited = 0.0
    while job.snapshot().step == 0 and waited < deadline:  # wait until real steps have run
        threading.Event().wait(0.05)
        waited += 0.05
    job.stop()
    assert job.join(timeout=10), "the job did not stop"
    snap = job.snapshot()
    assert snap.state == JobState.STOPPED
    assert "Stopped by you" in snap.message
    result = job.result
    assert result.usable and result.history == tuple(snap.history)
    predictions = result.model(big.x_test[:5], training=False)
    assert np.all(np.isfinite(np.asarray(predictions)))


def test_a_loss_that_becomes_nan_stops_the_job_with_an_explanation():
    exploding = make_dataset("tabular", (3,), task="regression", n=300, scale=100.0)
    job = train(exploding, ModelSpec(layers=(LayerSpec("dense", 16, "relu"),)), optimizer="sgd", learning_rate=5.0, epochs=20)
    snap = job.snapshot()
    assert snap.state == JobState.DIVERGED
    assert "learning rate (5) is too high" in snap.message
    assert not job.result.usable


def test_early_stopping_ends_early_and_keeps_the_best_weights():
    noisy = make_dataset("tabular", (10,), n=90, seed=4)
    big_mlp = ModelSpec(layers=(LayerSpec("dense", 64, "relu"), LayerSpec("dense", 64, "relu")))
    job = train(noisy, big_mlp, epochs=500, learning_rate=0.05, early_stopping=True, patience=5, batch_size=8)
    history = job.result.history
    assert len(history) < 500
    assert "Early stopping" in job.snapshot().message
    best = min(history, key=lambda r: r.val_loss)
    assert len(history) == best.epoch + 5
    # The kept model is the best epoch's: re-evaluating it gives the best validation loss.
    from nncore.backend import CompiledTrainer

    trainer = CompiledTrainer(job.result.model, job.config.make_optimizer(), job.objective, noisy.x_train, noisy.y_train, 8)
    val_loss, _ = trainer.evaluate(noisy.x_val, noisy.y_val)
    assert math.isclose(val_loss, best.val_loss, rel_tol=1e-4)


def test_an_unusable_architecture_is_refused_before_any_thread_starts():
    with pytest.raises(ArchitectureError, match="needs images"):
        TrainingJob(TABULAR, ModelSpec(layers=(LayerSpec("conv2d", 4),)), TrainingConfig())


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(learning_rate=0), "Expected a `learning_rate` above 0 and at most 10. Received: learning_rate=0"),
        (dict(batch_size=0), "Expected a `batch_size` between 1 and 65536. Received: batch_size=0"),
        (dict(optimizer="lbfgs"), "Expected an optimizer in ['adam', 'sgd', 'rmsprop']. Received: optimizer='lbfgs'"),
        (dict(epochs=0), "Expected `epochs` between 1 and 100000. Received: epochs=0"),
    ],
)
def test_bad_training_settings_are_refused(kwargs, message):
    with pytest.raises(TrainingConfigError) as info:
        TrainingConfig(**kwargs)
    assert str(info.value) == message


def test_a_job_nobody_watches_any_more_stops_itself():
    big = make_dataset("tabular", (20,), n=20_000, seed=3)
    job = TrainingJob(big, MLP, TrainingConfig(epochs=10_000, batch_size=4), abandon_after=0.5).start()
    assert job.join(timeout=30), "an abandoned job kept running"
    # (join() does not read progress; snapshot() would, and keep the job alive)
    snap = job.snapshot()
    assert snap.state == JobState.STOPPED
    assert "nobody had looked at this training" in snap.message
    assert job.result.usable


def test_finished_jobs_leave_no_traced_graphs_behind():
    """A long-lived server trains many models: each job's compiled graphs must be freed with it
    (TensorFlow's global gradient registry used to keep ~10 graphs a job, +15 MB each)."""
    import gc

    from tensorflow.python.framework import func_graph

    def live_graphs() -> int:
        gc.collect()
        return sum(isinstance(o, func_graph.FuncGraph) for o in gc.get_objects())

    train(epochs=2, batch_size=16)  # first job: one-time set-up is not a leak
    before, threads = live_graphs(), threading.active_count()
    for batch_size in (16, 300):  # whole epochs in one call, then long epochs in chunks too
        job = train(epochs=2, batch_size=batch_size)
        assert job.snapshot().state == JobState.FINISHED
        del job
    assert live_graphs() == before
    assert threading.active_count() == threads  # every job's thread has ended


@pytest.mark.parametrize("record_dynamics", [False, True])
def test_ten_epochs_and_a_step_equal_eleven_epochs_in_one_go(record_dynamics):
    """The Train page's Step continues the same optimizer (Adam's moments and step count),
    the same shuffling and the same dropout randomness, so 10 + 1 epochs are 11 epochs."""
    from dataclasses import replace

    spec = ModelSpec(layers=(LayerSpec("dense", 8, "tanh", dropout=0.2),))
    config = TrainingConfig(epochs=10, seed=3, batch_size=32, learning_rate=0.01, optimizer="adam")

    def run(epochs, continue_from=None):
        job = TrainingJob(
            TABULAR, spec, replace(config, epochs=epochs), continue_from=continue_from, record_dynamics=record_dynamics
        ).start()
        assert job.join(timeout=120)
        return job.result

    eleven = run(11)
    ten = run(10)
    stepped = run(1, continue_from=ten)
    assert [r.epoch for r in stepped.history] == list(range(1, 12))
    np.testing.assert_allclose(
        [(r.loss, r.metric, r.val_loss, r.val_metric) for r in stepped.history],
        [(r.loss, r.metric, r.val_loss, r.val_metric) for r in eleven.history], rtol=1e-5, atol=1e-6,
    )
    for a, b in zip(stepped.model.get_weights(), eleven.model.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    assert stepped.test_loss == pytest.approx(eleven.test_loss, rel=1e-5, abs=1e-6)
    # The stepped run describes itself as the 11-epoch run it is (a restart repeats it).
    assert stepped.config.epochs == 11
