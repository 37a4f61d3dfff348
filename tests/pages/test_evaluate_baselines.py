"""Evaluate shows the baselines beside the run (both languages), and regression errors with
their unit; the sidebar shows the linear baseline too."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from nncore.data import load_dataset
from nncore.training.config import TrainingConfig
from ui.state import STATE_KEY

TIMEOUT = 300  # a wait, not a measure: 120 s ran out on a busy 2-core machine
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _evaluate_after_training(key: str, language: str = "en", epochs: int = 3) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["language"] = language
    at.run()
    at.switch_page("app_pages/evaluate.py").run()
    state = at.session_state[STATE_KEY]
    state.set_dataset(load_dataset(key))
    state.set_training_config(TrainingConfig(learning_rate=0.01, batch_size=32, epochs=epochs, seed=0))
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _baselines_table(at: AppTest):
    tables = [frame for frame in at.dataframe if "model" in getattr(frame.value, "columns", ())]
    assert tables, "no baselines table on Evaluate"
    return tables[0].value


@pytest.mark.parametrize("language", ["en", "zh"])
def test_evaluate_shows_the_baselines_of_a_classification_run(language):
    at = _evaluate_after_training("breast_cancer", language)
    run = at.session_state[STATE_KEY].run
    table = _baselines_table(at)
    assert len(table) == 3  # this network, the majority class, logistic regression
    assert list(table["accuracy"])[2] == pytest.approx(run.baselines.headline("logistic"))
    assert list(table["accuracy"])[0] == pytest.approx(run.test_metric)
    title = "Baselines to beat" if language == "en" else "要超过的基准"
    assert title in [h.value for h in at.subheader]
    sidebar = " ".join(m.value for m in at.sidebar.markdown)
    assert ("logistic regression" if language == "en" else "逻辑回归") in sidebar


def test_a_regression_run_shows_its_errors_with_the_targets_name():
    at = _evaluate_after_training("diabetes", epochs=2)
    run = at.session_state[STATE_KEY].run
    table = _baselines_table(at)
    assert list(table["mae"])[2] == pytest.approx(run.baselines.headline("ridge"))
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics["Mean absolute error (progression)"]) == pytest.approx(run.test_metric, rel=1e-3)
    sidebar = " ".join(m.value for m in at.sidebar.markdown)
    assert "(progression)" in sidebar and f"{run.test_metric:.4g}" in sidebar
    # Two epochs leave the network behind a straight line: the page says so, with advice.
    if run.test_metric > run.baselines.headline("ridge"):
        assert any("A straight line does better" in w.value for w in at.warning)


def test_explain_prints_a_regressions_prediction_in_the_targets_units():
    at = _evaluate_after_training("diabetes", epochs=2)
    run = at.session_state[STATE_KEY].run
    at.switch_page("app_pages/explain.py").run()
    assert not at.exception, [e.message for e in at.exception]
    line = next(m.value for m in at.markdown if m.value.startswith("**Prediction:**"))
    truth = float(run.dataset.preprocessing.inverse_target(run.dataset.y_test[:1])[0])
    assert line.count("(progression)") == 2 and f"{truth:.4g} (progression)" in line, line


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_lead_within_chance_is_not_called_beaten(language):
    """Logistic regression one test example ahead of the network: within chance, so no verdict
    (nncore.evaluate.diagnosis), but Evaluate must not say the network beats it either (it did,
    on an uploaded clinic table: 91.7% against 93.8% on 48 examples, "beats both baselines")."""
    from nncore.evaluate.baselines import BaselineScores
    from ui.translations import TEXTS

    def t_in(lang, key, **values):
        return TEXTS[key][lang == "zh"].format(**values)

    at = _evaluate_after_training("breast_cancer", language, epochs=2)
    run = at.session_state[STATE_KEY].run
    n = len(run.dataset.y_test)
    net = float(run.test_metric)
    run.baselines = BaselineScores("classification", "accuracy", {
        "majority": {"accuracy": 0.5, "macro_f1": 0.3}, "logistic": {"accuracy": net + 1 / n, "macro_f1": 0.9},
    })
    at.run()
    shown = " ".join(a.value for a in list(at.success) + list(at.info) + list(at.warning))
    assert t_in(language, "base.beats") not in shown and t_in(language, "base.ties") not in shown
    assert t_in(language, "base.within_chance", model=t_in(language, "base.sidebar_logistic"), n=n,
                base=f"{net + 1 / n:.1%}", net=f"{net:.1%}") in shown
