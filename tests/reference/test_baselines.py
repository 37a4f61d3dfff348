"""The baselines beside every tabular run, checked against scikit-learn itself.

Source: scikit-learn's own estimators and metrics (sklearn.dummy.DummyClassifier /
DummyRegressor, sklearn.linear_model.LogisticRegression / Ridge, sklearn.metrics), fitted here
directly on the same arrays the run trains on; regression scores on predictions mapped back to
the target's original units (inverse of the training split's standardization), as
scikit-learn's StandardScaler.inverse_transform would.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, f1_score, mean_absolute_error, r2_score, root_mean_squared_error
from sklearn.preprocessing import StandardScaler

from nncore.data import load_dataset
from nncore.data.csv_import import dataset_from_csv
from nncore.evaluate.baselines import BaselineScores, fit_baselines, mean_guess_loss, shortfall


def clinic_table(n: int = 160, seed: int = 3) -> pd.DataFrame:
    """A table of the kind a clinic brings: an ID, a text column, gaps, a rare-ish class."""
    rng = np.random.default_rng(seed)
    age = rng.integers(20, 90, n).astype(float)
    pressure = rng.normal(130, 15, n)
    smoker = rng.choice(["yes", "no", "former"], n, p=[0.2, 0.6, 0.2])
    risk = 0.04 * (age - 55) + 0.05 * (pressure - 130) + (smoker == "yes") * 1.2 + rng.normal(0, 1, n)
    frame = pd.DataFrame({
        "patient ID": [f"P-{1000 + i}" for i in range(n)], "age": age, "blood pressure": pressure,
        "smoker": smoker, "outcome": np.where(risk > 0.8, "disease", "healthy"),
        "stay (days)": np.round(3 + 0.05 * age + 0.02 * pressure + rng.normal(0, 1.5, n), 1),
    })
    frame.loc[rng.choice(n, 6, replace=False), "blood pressure"] = np.nan
    return frame


@pytest.mark.parametrize("key", ["iris", "wine", "breast_cancer"])
def test_classification_baselines_match_sklearn(key):
    data = load_dataset(key, seed=0)
    ours = fit_baselines(data)
    x, y, xt, yt = data.x_train, data.y_train, data.x_test, data.y_test
    majority = DummyClassifier(strategy="most_frequent").fit(x, y).predict(xt)
    logistic = LogisticRegression(max_iter=1000).fit(x, y).predict(xt)
    assert ours.task == "classification" and ours.metric_name == "accuracy"
    assert ours.scores["majority"]["accuracy"] == pytest.approx(accuracy_score(yt, majority))
    assert ours.scores["logistic"]["accuracy"] == pytest.approx(accuracy_score(yt, logistic))
    assert ours.scores["logistic"]["macro_f1"] == pytest.approx(f1_score(yt, logistic, average="macro"))
    assert ours.headline("logistic") > ours.headline("majority")


def test_regression_baselines_match_sklearn_in_the_targets_units():
    data = load_dataset("diabetes", seed=0)
    ours = fit_baselines(data)
    raw_y = data.preprocessing.inverse_target(data.y_train).astype(np.float64)
    truth = data.preprocessing.inverse_target(data.y_test).astype(np.float64)
    # Ridge on the original target: ridge is equivariant to rescaling the target, so fitting on
    # the standardized target and mapping back must give the same predictions.
    ridge = Ridge(alpha=1.0).fit(data.x_train, raw_y).predict(data.x_test)
    mean = DummyRegressor().fit(data.x_train, raw_y).predict(data.x_test)
    assert ours.metric_name == "mae"
    assert ours.scores["ridge"]["mae"] == pytest.approx(mean_absolute_error(truth, ridge), rel=1e-4)
    assert ours.scores["ridge"]["rmse"] == pytest.approx(root_mean_squared_error(truth, ridge), rel=1e-4)
    assert ours.scores["ridge"]["r2"] == pytest.approx(r2_score(truth, ridge), abs=1e-4)
    assert ours.scores["mean"]["mae"] == pytest.approx(mean_absolute_error(truth, mean), rel=1e-4)
    # In the target's units (diabetes progression runs from 25 to 346), not standard deviations.
    assert ours.scores["mean"]["mae"] > 30
    # The mean-guess loss is the training target's variance, in its units squared.
    assert mean_guess_loss(data) == pytest.approx(StandardScaler().fit(raw_y[:, None]).var_[0], rel=1e-4)


def test_baselines_on_a_clinic_table_with_ids_text_and_gaps():
    frame = clinic_table()
    data = dataset_from_csv(frame, "outcome", missing="impute", features=["age", "blood pressure", "smoker"])
    ours = fit_baselines(data)
    logistic = LogisticRegression(max_iter=1000).fit(data.x_train, data.y_train).predict(data.x_test)
    assert ours.scores["logistic"]["accuracy"] == pytest.approx(accuracy_score(data.y_test, logistic))
    regression = dataset_from_csv(frame, "stay (days)", missing="impute", features=["age", "blood pressure", "smoker"])
    scores = fit_baselines(regression)
    truth = regression.preprocessing.inverse_target(regression.y_test)
    raw = regression.preprocessing.inverse_target(regression.y_train)
    ridge = Ridge().fit(regression.x_train, raw).predict(regression.x_test)
    assert scores.scores["ridge"]["mae"] == pytest.approx(mean_absolute_error(truth, ridge), rel=1e-4)


def test_no_baselines_for_images_and_a_round_trip_through_json():
    assert fit_baselines(load_dataset("digits")) is None
    ours = fit_baselines(load_dataset("iris"))
    assert BaselineScores.from_dict(ours.to_dict()) == ours


def test_shortfall_signs():
    scores = BaselineScores("classification", "accuracy", {"majority": {"accuracy": 0.6}, "logistic": {"accuracy": 0.8}})
    assert shortfall(0.7, scores) == pytest.approx(0.1)  # 10 points behind the straight line
    assert shortfall(0.9, scores) == pytest.approx(-0.1)
    errors = BaselineScores("regression", "mae", {"mean": {"mae": 5.0}, "ridge": {"mae": 3.0}})
    assert shortfall(4.0, errors) == pytest.approx(1.0)  # a larger error is behind
    assert errors.best_key() == "ridge" and scores.best_key() == "logistic"
