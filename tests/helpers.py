"""Tiny in-memory datasets for fast tests that must not depend on the registry."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from nncore.data.dataset import Dataset, Preprocessing


def make_dataset(
    input_kind: str = "tabular",
    shape: tuple[int, ...] = (2,),
    task: str = "classification",
    n_classes: int = 2,
    n: int = 120,
    seed: int = 0,
    scale: float = 1.0,
) -> Dataset:
    """Random inputs with a learnable target: class = sign pattern of the input's mean parts."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, *shape)).astype(np.float32) * scale
    flat = x.reshape(n, -1)
    if task == "classification":
        score = flat[:, : max(1, flat.shape[1] // 2)].mean(axis=1)
        edges = np.quantile(score, np.linspace(0, 1, n_classes + 1)[1:-1])
        y = np.digitize(score, edges).astype(np.int64)
        class_names = tuple(f"class {i}" for i in range(n_classes))
    else:
        y = flat.mean(axis=1).astype(np.float32)
        class_names = None
    a, b = int(n * 0.6), int(n * 0.8)
    return Dataset(
        key="test",
        title="Test data",
        task=task,
        input_kind=input_kind,
        x_train=x[:a], y_train=y[:a], x_val=x[a:b], y_val=y[a:b], x_test=x[b:], y_test=y[b:],
        feature_names=tuple(f"f{i}" for i in range(shape[-1])),
        class_names=class_names,
        preprocessing=Preprocessing(),
    )


@lru_cache(maxsize=None)
def trained_job(dataset_key: str, preset: str, epochs: int, batch_size: int):
    """A finished short training (seed 0) of a preset on a bundled dataset, for page renders.

    Trained once per test process for each set of arguments (several page-test files render
    the same small circles MLP); the job is finished, so sharing it shares only its results."""
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import JobState, TrainingConfig, TrainingJob

    data = load_dataset(dataset_key)
    job = TrainingJob(data, preset_spec(preset, data), TrainingConfig(epochs=epochs, batch_size=batch_size, seed=0))
    assert job.start().join(timeout=300)
    assert job.snapshot().state == JobState.FINISHED, job.snapshot().message
    return job


def app_on_page(page: str, language: str, job, make_current: bool = False):
    """The app (AppTest) in `language` with `job` as the session's training, opened on
    app_pages/<page>.py. With `make_current`, the job's data and model become the session's
    too (as after training them in the page, so Step applies)."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from ui.state import STATE_KEY

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=180)
    at.session_state["language"] = language
    at.run()
    state = at.session_state[STATE_KEY]
    if make_current:
        state.apply_setup(dataset=job.dataset, model_spec=job.spec)
    state.adopt_job(job)
    at.switch_page(f"app_pages/{page}.py").run()
    return at
