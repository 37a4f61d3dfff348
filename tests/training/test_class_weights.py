"""Class weights as a training option: offered for imbalanced data, passed to training, and
making the rare class found more often."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from nncore.data import dataset_from_csv, load_dataset
from nncore.errors import TrainingConfigError
from nncore.models import preset_spec
from nncore.training import JobState, TrainingConfig, TrainingJob
from nncore.training.class_weights import offer_class_weights, rarest_class, training_class_weights

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def imbalanced_table(n: int = 400, seed: int = 0) -> pd.DataFrame:
    """A clinic-like table: an ID, two measurements that overlap between classes, 8% "yes"."""
    rng = np.random.default_rng(seed)
    sick = rng.random(n) < 0.08
    return pd.DataFrame({
        "patient_id": [f"P{1000 + i}" for i in range(n)],
        "marker": rng.normal(0, 1, n) + 1.2 * sick,
        "age": rng.normal(50, 12, n) + 4 * sick,
        "readmitted": np.where(sick, "yes", "no"),
    })


def _dataset():
    return dataset_from_csv(imbalanced_table(), target="readmitted", features=["marker", "age"])


def test_offered_only_when_the_rarest_class_is_under_a_fifth():
    data = _dataset()
    index, share = rarest_class(data)
    assert data.class_names[index] == "yes" and share < 0.2 and offer_class_weights(data)
    assert not offer_class_weights(load_dataset("breast_cancer"))  # 37% malignant
    assert not offer_class_weights(load_dataset("diabetes"))  # regression


def test_the_setting_is_validated_and_off_by_default():
    assert TrainingConfig().class_weights == "none"
    with pytest.raises(TrainingConfigError, match="class_weights"):
        TrainingConfig(class_weights="heavy")
    assert TrainingConfig.from_dict(TrainingConfig(class_weights="balanced").to_dict()).class_weights == "balanced"
    data = _dataset()
    assert training_class_weights(TrainingConfig(), data) is None
    weights = training_class_weights(TrainingConfig(class_weights="balanced"), data)
    counts = np.bincount(data.y_train)
    assert weights[data.class_names.index("yes")] > 5 * weights[data.class_names.index("no")]
    assert float(np.sum(weights * counts)) == pytest.approx(counts.sum(), rel=1e-5)  # the mean weight is 1


def _recall_of_yes(weighting: str) -> tuple[float, np.ndarray]:
    from nncore.backend import compiled_predict

    data = _dataset()
    config = TrainingConfig(epochs=40, batch_size=32, learning_rate=0.05, seed=0, class_weights=weighting)
    job = TrainingJob(data, preset_spec("logistic", data), config)
    assert job.start().join(timeout=300) and job.snapshot().state == JobState.FINISHED
    p = compiled_predict(job.result.model)(data.x_train).reshape(-1)
    yes = data.class_names.index("yes")
    called_yes = (p > 0.5) if yes == 1 else (p <= 0.5)
    truth = data.y_train == yes
    return float(called_yes[truth].mean()), called_yes


def test_balanced_weights_make_the_rare_class_found():
    plain, _ = _recall_of_yes("none")
    weighted, called = _recall_of_yes("balanced")
    assert plain <= 0.35  # unweighted, the network mostly says "no" (0.30 here)
    assert weighted >= 0.7 and weighted > plain + 0.3  # 0.85 here
    assert called.mean() < 0.5  # not by calling everyone "yes" (27% called "yes" here)


def test_the_train_form_offers_the_option_for_imbalanced_data_only():
    at = AppTest.from_file(APP, default_timeout=180).run()
    from ui.state import STATE_KEY

    state = at.session_state[STATE_KEY]
    state.set_dataset(load_dataset("breast_cancer"))
    at.switch_page("app_pages/train.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert not [c for c in at.checkbox if c.key == "train_class_weights"]
    state.set_dataset(_dataset())
    at.run()
    box = at.checkbox(key="train_class_weights")
    assert box.help and not box.value
    assert any("“yes”" in c.value and "%" in c.value for c in at.caption)
    box.check()
    at.session_state["train_epochs"] = 2
    at.button[0].click().run()  # Train
    assert not at.exception, [e.message for e in at.exception]
    assert state.training_config.class_weights == "balanced"
    assert state.job.join(timeout=180)
    assert state.job.result.config.class_weights == "balanced"
