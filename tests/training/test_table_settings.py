"""Real tables get settings their default network learns with: a moderate step, batches of 32,
early stopping that keeps the best epoch, and weight decay where rows are few (issue 14, item 4;
the bench `python -m bench --only tables` measures them over many tables)."""

from __future__ import annotations

from nncore.data import load_dataset
from nncore.evaluate.baselines import fit_baselines
from nncore.models import default_preset_for, preset_spec
from nncore.models.presets import TABLE_L2_MAX, table_l2
from nncore.training import TrainingConfig, TrainingJob
from nncore.training.config import PLAYGROUND_SETTINGS, TABLE_SETTINGS, settings_kind, suited_config_for
from ui.state import SessionState


def _state(key="circles"):
    data = load_dataset(key)
    preset = default_preset_for(data)
    return SessionState(dataset=data, model_spec=preset_spec(preset, data), preset_key=preset,
                        training_config=suited_config_for(TrainingConfig(), data))


def test_tables_and_playground_sets_get_their_own_settings():
    assert settings_kind(load_dataset("circles")) == "tabular"
    assert settings_kind(load_dataset("iris")) == "table"
    assert settings_kind(load_dataset("digits")) == "image"
    config = suited_config_for(TrainingConfig(), load_dataset("breast_cancer"))
    assert config.early_stopping and config.patience == TABLE_SETTINGS["patience"]
    assert (config.learning_rate, config.batch_size) == (TABLE_SETTINGS["learning_rate"], TABLE_SETTINGS["batch_size"])


def test_switching_from_a_playground_set_to_a_table_brings_the_table_settings_and_says_so():
    state = _state()
    state.set_dataset(load_dataset("iris"))
    assert state.training_config.early_stopping
    assert state.training_config.batch_size == TABLE_SETTINGS["batch_size"]
    assert any("Training settings for table data" in notice for notice in state.notices), state.notices
    state.drop_notices()
    mine = TrainingConfig(learning_rate=0.002, batch_size=8, epochs=12)
    state.set_training_config(mine)
    state.set_dataset(load_dataset("wine"))  # table to table: the user's settings stay
    assert state.training_config == mine
    state.set_dataset(load_dataset("spiral"))  # and back to the playground's
    assert state.training_config.learning_rate == PLAYGROUND_SETTINGS["learning_rate"]


def test_the_small_mlp_for_a_table_decays_its_weights_more_when_rows_are_few():
    assert table_l2(60) == TABLE_L2_MAX
    assert table_l2(100_000) < table_l2(3_000) < table_l2(300)
    spec = preset_spec("small_mlp", load_dataset("breast_cancer"))
    assert all(layer.l2 == table_l2(341) for layer in spec.layers)
    assert all(layer.l2 == 0 for layer in preset_spec("small_mlp", load_dataset("circles")).layers)


def test_the_default_network_on_a_small_medical_table_is_not_worse_than_logistic_regression():
    """With the playground's settings it scored 2.6 points below (94.7% against 97.4%)."""
    data = load_dataset("breast_cancer", seed=0)
    config = suited_config_for(TrainingConfig(seed=0), data)
    job = TrainingJob(data, preset_spec(default_preset_for(data), data), config, record_dynamics=False).start()
    assert job.join(timeout=600)
    logistic = fit_baselines(data).headline("logistic")
    assert job.result.test_metric >= logistic - 0.02, (job.result.test_metric, logistic)
