"""Reference: the exported training script, run on its own with plain Keras, reproduces the app.

Source: the script is executed in a subprocess without nncore on the path (only Keras,
TensorFlow, NumPy), so the losses it prints come from Keras itself; they must equal the
app's recorded final validation and test losses to 1e-6. (Moved from
tests/exchange/test_code_export.py, unchanged.)
"""

from __future__ import annotations

import pytest

from nncore.exchange.code_export import training_script
from nncore.training import TrainingConfig
from tests.exchange.runs import circles_mlp, iris_mlp, train_run
from tests.exchange.test_code_export import run_script


def test_mlp_script_reproduces_the_apps_final_validation_loss(tmp_path):
    run = iris_mlp()
    results = run_script(training_script(run), tmp_path)
    assert abs(results["final validation loss"] - run.history[-1].val_loss) <= 1e-6
    assert abs(results["test loss"] - run.test_loss) <= 1e-6
    assert results["test accuracy"] == pytest.approx(run.test_metric, abs=1e-9)


def test_regularised_regression_with_early_stopping_and_sgd_is_reproduced(tmp_path):
    """Dropout masks, an L2 penalty, batch norm, momentum and kept best weights all match."""
    from nncore.data import load_dataset
    from nncore.models.spec import LayerSpec, ModelSpec

    dataset = load_dataset("diabetes", seed=0)
    spec = ModelSpec(
        layers=(
            LayerSpec(units=16, activation="elu", l2=0.001, batch_norm=True, initializer="he_normal"),
            LayerSpec(units=8, activation="tanh", dropout=0.2, l1=0.0005),
        ),
        name="Regularised MLP",
    )
    config = TrainingConfig(optimizer="sgd", learning_rate=0.02, momentum=0.8, batch_size=32, epochs=40, early_stopping=True, patience=3, seed=7)
    run = train_run(dataset, spec, config)
    source = training_script(run)
    assert "keras.regularizers.L1L2(l1=0.0, l2=0.001)" in source and "Dropout(0.2, seed=7701" in source
    results = run_script(source, tmp_path)
    assert abs(results["final validation loss"] - run.history[-1].val_loss) <= 1e-6
    assert abs(results["test loss"] - run.test_loss) <= 1e-6


def test_generated_data_is_regenerated_and_reproduced(tmp_path):
    run = circles_mlp()
    source = training_script(run)
    assert "EMBEDDED_DATA" not in source and "def circles(n: int, noise: float" in source
    assert "N_POINTS = 200" in source and "DATA_SEED = 1" in source
    results = run_script(source, tmp_path)
    assert abs(results["final validation loss"] - run.history[-1].val_loss) <= 1e-6
