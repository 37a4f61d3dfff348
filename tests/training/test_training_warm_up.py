"""The server's training warm-up (nncore.training.warm_up) changes nothing but time: a training
after it learns exactly what it learns without it, and the warm-up keeps nothing and takes no
place in the server's line of trainings."""

from __future__ import annotations

import numpy as np

from nncore.data import load_dataset
from nncore.models import preset_spec
from nncore.training import JobState, TrainingConfig, TrainingJob
from nncore.training import warm_up as warm_up_module


def _history(data):
    job = TrainingJob(data, preset_spec("small_mlp", data), TrainingConfig(epochs=3, batch_size=32, learning_rate=0.01, seed=0))
    assert job.start().join(timeout=300) and job.snapshot().state == JobState.FINISHED
    return [(r.loss, r.val_loss) for r in job.result.history], job.result.test_loss


def test_a_training_after_the_warm_up_learns_the_same_as_before_it(monkeypatch):
    data = load_dataset("breast_cancer")
    before = _history(data)
    np.random.seed(7)
    state = np.random.get_state()
    joined = []
    monkeypatch.setattr(TrainingJob, "start", lambda self, _start=TrainingJob.start: joined.append(self.line) or _start(self))
    assert warm_up_module.warm_up_training() > 0
    assert joined and all(line is None for line in joined)  # never waits in (nor holds up) the server's line
    assert np.array_equal(np.random.get_state()[1], state[1])  # NumPy's global random state untouched
    monkeypatch.undo()
    assert _history(data) == before


def test_the_preload_warms_training_before_the_explainers(monkeypatch):
    import nncore.backend
    import nncore.explain.warm_up
    from ui import engine_preload

    order = []
    monkeypatch.setattr(engine_preload, "PRELOAD_DELAY_S", 0.0)
    monkeypatch.setattr(nncore.backend, "configure_devices", lambda: order.append("engine"))
    monkeypatch.setattr(warm_up_module, "warm_up_training", lambda datasets: order.append([key for key, _ in datasets]))
    monkeypatch.setattr(nncore.explain.warm_up, "warm_up_first_explanation", lambda: order.append("first explanation"))
    monkeypatch.setattr(nncore.explain.warm_up, "warm_up_explainers", lambda: order.append("explainers"))
    engine_preload._warm_up()
    # What the breast-cancer demo needs first (its training, then permutation SHAP), the rest after.
    assert order == ["engine", ["breast_cancer"], "first explanation", ["circles"], "explainers"]


def test_the_train_page_knows_while_the_training_warm_up_is_under_way(monkeypatch):
    import threading

    from ui import engine_preload
    from ui.translations import TEXTS

    monkeypatch.setattr(engine_preload, "_started", True)
    monkeypatch.setattr(engine_preload, "_training_warm", threading.Event())
    monkeypatch.setattr(engine_preload, "_explainers_warm", threading.Event())
    assert engine_preload.training_warming()  # the Train page says "still setting up the training engine"
    engine_preload._training_warm.set()
    assert not engine_preload.training_warming()
    english, chinese = TEXTS["cold.training_setting_up"]
    assert "once per server" in english and "每台服务器只需一次" in chinese
