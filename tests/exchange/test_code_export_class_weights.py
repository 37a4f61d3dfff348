"""A run trained with class weights exports a script that weighs the same way and reproduces it."""

from __future__ import annotations

from nncore.exchange.code_export import training_script
from nncore.models import preset_spec
from nncore.training import TrainingConfig

from tests.exchange.runs import train_run
from tests.exchange.test_code_export import run_script


def test_a_class_weighted_run_is_reproduced_by_its_script(tmp_path):
    from nncore.data import load_dataset

    dataset = load_dataset("breast_cancer", seed=2)
    config = TrainingConfig(epochs=4, batch_size=32, learning_rate=0.01, seed=3, class_weights="balanced")
    run = train_run(dataset, preset_spec("small_mlp", dataset), config)
    source = training_script(run)
    assert "CLASS_WEIGHT = {0: " in source
    results = run_script(source, tmp_path)
    assert abs(results["final validation loss"] - run.history[-1].val_loss) <= 1e-6
    assert abs(results["test loss"] - run.test_loss) <= 1e-6
    # Unweighted runs say so, and keep the graph they always had.
    plain = train_run(dataset, preset_spec("small_mlp", dataset), TrainingConfig(epochs=1, batch_size=32, seed=3))
    assert "CLASS_WEIGHT = None" in training_script(plain)
