"""Training through the app's job versus a plain `model.fit` of the same model and data.

Both sides build the identical model (same spec, same seed), use the same optimizer, batch
size, epochs and validation data, and include their own compilation/tracing. They run side
by side in one process, alternating, after the framework is imported; the median of the
repeats is reported. Runs on the configured Keras backend: `KERAS_BACKEND=jax python -m bench
--only training` measures JAX (rows tagged "[jax]"), where TensorFlow need not be installed.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from bench.table import Row


@dataclass(frozen=True)
class Case:
    title: str
    dataset: str
    dataset_params: dict
    layers: tuple  # (units, activation) per hidden Dense layer
    epochs: int
    batch_size: int
    optimizer: str
    learning_rate: float


CASES = (
    Case("digits, 64-32 MLP, 20 epochs", "digits", {}, ((64, "relu"), (32, "relu")), 20, 32, "adam", 0.001),
    Case("moons 1,000 pts, 2x8 tanh MLP, batch 10, 100 epochs", "moons", {"n_points": 1000},
         ((8, "tanh"), (8, "tanh")), 100, 10, "sgd", 0.05),
)


def backend_tag() -> str:
    """'' on TensorFlow (the rows the README's table lists), ' [jax]' on another Keras backend."""
    import keras

    name = keras.backend.backend()
    return "" if name == "tensorflow" else f" [{name}]"


def plain_fit_seconds(dataset, spec, config) -> float:
    """Seconds for Keras's own `fit` (compile included) on the same model, data and settings."""
    import keras

    from nncore.models.build import build_model

    model = build_model(spec, dataset, seed=config.seed)
    loss = "binary_crossentropy" if dataset.n_classes == 2 else "sparse_categorical_crossentropy"
    model.compile(optimizer=config.make_optimizer(), loss=loss, metrics=["accuracy"])
    began = time.perf_counter()
    model.fit(
        dataset.x_train, dataset.y_train, batch_size=config.batch_size, epochs=config.epochs,
        validation_data=(dataset.x_val, dataset.y_val), verbose=0, shuffle=True,
    )
    keras.backend.clear_session()
    return time.perf_counter() - began


def app_seconds(dataset, spec, config, epochs_only: bool = False) -> float:
    """Seconds for the app's training job, start to result (model build, compile and final test
    included). With `epochs_only`, until the end of its last epoch (validation included, the
    final test not: plain `fit` has no such test either)."""
    from nncore.training import TrainingJob

    began = time.perf_counter()
    job = TrainingJob(dataset, spec, config).start()
    job.join()
    snap = job.snapshot()
    if snap.state.value != "finished":
        raise RuntimeError(f"app training did not finish: {snap.message}")
    return snap.history[-1].seconds if epochs_only else time.perf_counter() - began


def run(quick: bool = False) -> list[Row]:
    from nncore.backend import configure_devices
    from nncore.data import load_dataset
    from nncore.models import LayerSpec, ModelSpec
    from nncore.training import TrainingConfig

    configure_devices()
    repeats = 1 if quick else 3
    rows = []
    for case in CASES:
        dataset = load_dataset(case.dataset, **case.dataset_params)
        spec = ModelSpec(layers=tuple(LayerSpec("dense", units, act) for units, act in case.layers))
        config = TrainingConfig(
            optimizer=case.optimizer, learning_rate=case.learning_rate, batch_size=case.batch_size,
            epochs=case.epochs, seed=0,
        )
        app_seconds(dataset, spec, TrainingConfig(epochs=1, batch_size=case.batch_size))  # warm the framework
        plain, app = [], []
        for _ in range(repeats):
            plain.append(plain_fit_seconds(dataset, spec, config))
            app.append(app_seconds(dataset, spec, config))
        plain_s, app_s = statistics.median(plain), statistics.median(app)
        ratio = app_s / plain_s
        rows.append(Row(f"train{backend_tag()}: {case.title}: app / plain fit", f"{app_s:.2f} s vs {plain_s:.2f} s",
                        "<= 1.0", f"{ratio:.2f}", ratio <= 1.0))
        if case.dataset == "moons":
            rate = case.epochs / app_s
            rows.append(Row(f"train{backend_tag()}: {case.title}: epochs per second", f"{rate:.0f} (plain fit {case.epochs / plain_s:.1f})",
                            ">= 60", f"{rate / 60:.2f}", rate >= 60))
    return rows
