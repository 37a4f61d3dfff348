"""A regression run's errors are in the target's own units, everywhere, from the source.

Reference: scikit-learn's mean_absolute_error on the model's predictions mapped back to the
target's units (the inverse of the training split's standardization, as StandardScaler's
inverse_transform), and mean_squared_error likewise for the loss.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import mean_absolute_error, mean_squared_error

from nncore.data import load_dataset
from nncore.models import preset_spec
from nncore.training import TrainingConfig, TrainingJob
from nncore.training.job import target_units


def _without_penalty(spec):
    """The same layers without L2: a reported loss holds the regularization penalty too (as Keras
    reports it, and as the network is trained), which no plain error formula has."""
    from dataclasses import replace

    return replace(spec, layers=tuple(replace(layer, l1=0.0, l2=0.0) for layer in spec.layers))


@pytest.fixture(scope="module")
def diabetes_run():
    data = load_dataset("diabetes", seed=0)
    spec = _without_penalty(preset_spec("small_mlp", data))
    job = TrainingJob(data, spec, TrainingConfig(epochs=4, batch_size=32, learning_rate=0.01, seed=0),
                      record_dynamics=False)
    assert job.start().join(timeout=300)
    return job.result


def _original(run, split):
    from nncore.backend import compiled_predict

    data = run.dataset
    x, y = getattr(data, f"x_{split}"), getattr(data, f"y_{split}")
    predicted = data.preprocessing.inverse_target(np.asarray(compiled_predict(run.model)(x)).reshape(-1)).astype(np.float64)
    return data.preprocessing.inverse_target(y).astype(np.float64), predicted


def test_test_mae_and_loss_are_in_the_targets_units(diabetes_run):
    truth, predicted = _original(diabetes_run, "test")
    assert diabetes_run.test_metric == pytest.approx(mean_absolute_error(truth, predicted), rel=1e-3)
    assert diabetes_run.test_loss == pytest.approx(mean_squared_error(truth, predicted), rel=1e-3)
    assert diabetes_run.test_metric > 10  # progression is in the tens and hundreds, not standard deviations


def test_the_last_epochs_validation_errors_are_in_the_targets_units(diabetes_run):
    truth, predicted = _original(diabetes_run, "val")
    last = diabetes_run.history[-1]  # no early stopping: the model holds the last epoch's weights
    assert last.val_metric == pytest.approx(mean_absolute_error(truth, predicted), rel=1e-3)
    assert last.val_loss == pytest.approx(mean_squared_error(truth, predicted), rel=1e-3)


def test_the_sidebar_runs_table_and_evaluate_agree(diabetes_run, tmp_path):
    """What the store keeps (Runs table, compare, sidebar of a reopened run) is what Evaluate computes."""
    from nncore.evaluate import predict_split, regression_report
    from nncore.exchange import history_csv, read_history_csv
    from nncore.runs.store import RunStore

    preds = predict_split(diabetes_run, "test")
    evaluate_mae = regression_report(preds.y_true, preds.predicted).mae
    store = RunStore(tmp_path)
    run_id = store.save(diabetes_run)
    record = store.get(run_id)
    assert record.test_metric == pytest.approx(evaluate_mae, rel=1e-3)
    assert record.unit == "progression" and not record.standardized_errors
    assert diabetes_run.baselines is not None and record.baselines == diabetes_run.baselines
    assert store.load(run_id).test_metric == pytest.approx(evaluate_mae, rel=1e-3)
    table = read_history_csv(history_csv(diabetes_run))
    assert table.records[-1].val_metric == pytest.approx(diabetes_run.history[-1].val_metric)


def test_a_run_saved_with_standardized_errors_is_converted_when_reopened(diabetes_run, tmp_path):
    import sqlite3

    from nncore.runs.store import RunStore

    store = RunStore(tmp_path)
    run_id = store.save(diabetes_run)
    error, squared = target_units(diabetes_run.dataset)
    # What an older version saved: standardized numbers and no unit.
    with sqlite3.connect(store.database) as db:
        db.execute("UPDATE runs SET test_metric = test_metric / ?, test_loss = test_loss / ?, units = NULL WHERE id = ?",
                   (error, squared, run_id))
    old = store.get(run_id)
    assert old.standardized_errors
    reopened = store.load(run_id)
    assert reopened.test_metric == pytest.approx(diabetes_run.test_metric, rel=1e-5)
    assert reopened.test_loss == pytest.approx(diabetes_run.test_loss, rel=1e-5)
    assert reopened.baselines is not None
    record = store.get(run_id)  # rewritten for good
    assert not record.standardized_errors and record.test_metric == pytest.approx(diabetes_run.test_metric, rel=1e-5)


def test_classification_numbers_are_untouched():
    data = load_dataset("iris")
    assert target_units(data) == (1.0, 1.0)


def test_a_workspace_of_the_first_schema_gets_the_new_columns(tmp_path):
    """A runs.sqlite written before baselines and units existed opens, lists and saves."""
    import sqlite3

    from nncore.runs.store import SCHEMA_VERSION, RunStore

    (tmp_path / "runs").mkdir()
    with sqlite3.connect(tmp_path / "runs.sqlite") as db:
        db.executescript(
            "CREATE TABLE runs (id TEXT PRIMARY KEY, name TEXT NOT NULL, created REAL NOT NULL, status TEXT NOT NULL,"
            " dataset_key TEXT, dataset_title TEXT, task TEXT, dataset_params TEXT, dataset_archived INTEGER,"
            " dataset_fingerprint TEXT, model_name TEXT, model_summary TEXT, n_params INTEGER, spec TEXT, config TEXT,"
            " history TEXT, state TEXT, message TEXT, test_loss REAL, test_metric REAL, metric_name TEXT,"
            " loss_label TEXT, seconds REAL); PRAGMA user_version = 1;"
        )
    store = RunStore(tmp_path)
    assert store.list() == []
    with sqlite3.connect(tmp_path / "runs.sqlite") as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
        assert {"baselines", "units"} <= columns
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_explanations_of_a_regression_are_in_the_targets_units(diabetes_run):
    """SHAP's additivity (Lundberg & Lee 2017: base value + attributions = the model's output)
    and integrated gradients' completeness (Sundararajan et al. 2017: attributions sum to
    output(x) - output(baseline)) hold for the prediction in the target's units, the number
    Explain prints beside them."""
    from nncore.backend import compiled_predict
    from nncore.explain import ExplainableModel, integrated_gradients, kernel_shap, permutation_shap

    data = diabetes_run.dataset
    m = ExplainableModel.from_run(diabetes_run)
    x = data.x_test[0]
    raw = float(np.asarray(compiled_predict(diabetes_run.model)(x[None])).reshape(-1)[0])
    in_units = float(data.preprocessing.inverse_target(np.array([raw]))[0])
    assert float(m.predict_proba(x[None])[0]) == pytest.approx(in_units, rel=1e-5)
    for method in (permutation_shap, kernel_shap):
        exp = method(m, x, seed=0)
        assert exp.predicted_value == pytest.approx(in_units, rel=1e-5)
        assert exp.base_value + exp.total == pytest.approx(in_units, rel=1e-3)
        assert exp.base_value > 50  # the average progression, not ~0 standard deviations
    ig = integrated_gradients(m, x, steps=256)
    zero = float(m.predict_proba(np.zeros_like(x)[None])[0])
    assert ig.total == pytest.approx(in_units - zero, rel=0.02, abs=0.5)
