"""Small trained runs for the export tests (trained once per test session, CPU, fixed seeds)."""

from __future__ import annotations

from functools import lru_cache

from nncore.training import JobState, TrainingConfig, TrainingJob


def train_run(dataset, spec, config: TrainingConfig):
    job = TrainingJob(dataset, spec, config)
    assert job.start().join(timeout=300)
    snapshot = job.snapshot()
    assert snapshot.state == JobState.FINISHED, snapshot.message
    return job.result


@lru_cache(maxsize=None)
def iris_mlp():
    """An MLP on scikit-learn's iris table, Adam, 12 epochs, batch 16 (the last batch is smaller)."""
    from nncore.data import load_dataset
    from nncore.models import preset_spec

    dataset = load_dataset("iris", seed=3)
    return train_run(dataset, preset_spec("small_mlp", dataset), TrainingConfig(epochs=12, batch_size=16, learning_rate=0.01, seed=5))


@lru_cache(maxsize=None)
def circles_mlp():
    """A small MLP on generated 2-D circles (embedded data)."""
    from nncore.data import load_dataset
    from nncore.models import preset_spec

    dataset = load_dataset("circles", n_points=200, seed=1)
    return train_run(dataset, preset_spec("small_mlp", dataset), TrainingConfig(epochs=6, batch_size=10, learning_rate=0.03, seed=2))
