"""Issue 21, item 1, as the issue tells it: breast cancer trained 10 epochs, then the Train page's
"Step: one more epoch". The Step continues the same optimizer (Adam's moments and step count)
and shuffling, so its run is the 11-epoch run in one go (same seed, to float tolerance), and it
is saved when it ends: the Runs page lists it beside the 10-epoch run.

(tests/training/test_job.py checks the engine alone on a made-up table, with dropout and with
the dynamics recorder; this is the whole app's path, from the button to the run store.)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from nncore.data import load_dataset
from nncore.runs import RunStore
from nncore.training import TrainingJob
from nncore.training.config import TrainingConfig
from ui.state import STATE_KEY

TIMEOUT = 240
APP = str(Path(__file__).resolve().parents[2] / "app.py")
CONFIG = TrainingConfig(optimizer="adam", learning_rate=0.01, batch_size=32, epochs=10, seed=4)


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _columns(history) -> np.ndarray:
    return np.array([(r.loss, r.metric, r.val_loss, r.val_metric) for r in history])


def test_ten_epochs_and_a_step_are_the_eleven_epoch_run_and_it_is_listed_in_runs():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    state = at.session_state[STATE_KEY]
    state.set_dataset(load_dataset("breast_cancer"))
    state.set_training_config(CONFIG)
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)
    ten = state.job.result
    ten_id = ten.extra["run_id"]
    ten_losses = _columns(ten.history)  # read now: the Step trains the same model on

    at.switch_page("app_pages/train.py").run()
    _ok(at)
    at.button(key="train_step").click().run()
    _ok(at)
    assert state.job.join(timeout=TIMEOUT)
    stepped = state.job.result
    at.run()
    _ok(at)

    # The same 11 epochs as one training of 11 (the issue saw the losses jump after the Step,
    # 0.020 -> 0.096, as from a reset optimizer).
    eleven = TrainingJob(state.dataset, state.model_spec, replace(CONFIG, epochs=11)).start()
    assert eleven.join(timeout=TIMEOUT)
    eleven = eleven.result
    assert [r.epoch for r in stepped.history] == list(range(1, 12))
    np.testing.assert_allclose(_columns(stepped.history)[:10], ten_losses, rtol=1e-6)
    np.testing.assert_allclose(_columns(stepped.history), _columns(eleven.history), rtol=1e-5, atol=1e-6)
    for a, b in zip(stepped.model.get_weights(), eleven.model.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)

    # Saved when it ended, as a run of its own, beside the 10-epoch one.
    stepped_id = stepped.extra["run_id"]
    assert stepped_id != ten_id
    records = {r.run_id: r for r in RunStore().list()}
    assert records[ten_id].epochs == 10 and records[stepped_id].epochs == 11
    saved = RunStore().load(stepped_id)
    np.testing.assert_allclose(_columns(saved.history), _columns(eleven.history), rtol=1e-5, atol=1e-6)

    at.switch_page("app_pages/runs.py").run()
    _ok(at)
    [table] = [d for d in at.dataframe if d.key and d.key.startswith("runs_table_")]
    assert sorted(table.value["epochs"]) == [10, 11]
