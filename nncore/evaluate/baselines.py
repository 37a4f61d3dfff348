"""Baselines to beat: simple scikit-learn models fitted on a run's own split and inputs.

A network's score means little alone: 82% is good when guessing gets 50% and poor when a
logistic regression gets 90%. Beside every tabular run we fit, on the same preprocessed
training split, the trivial model (the majority class / the mean) and the linear one
(logistic regression / ridge), and score them on the same test split with the run's own
metric. Regression scores are in the target's original units, like the run's.

Cheap by design: default scikit-learn settings, and at most `MAX_FIT_ROWS` training rows
(seeded sample), so a run on a large table pays a second or two, not minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_FIT_ROWS = 20_000
# Keys, in the order views show them; the UI words them (nncore/locales/<language>.po, keys base.*).
CLASSIFICATION_BASELINES = ("majority", "logistic")
REGRESSION_BASELINES = ("mean", "ridge")
LINEAR = {"classification": "logistic", "regression": "ridge"}
TRIVIAL = {"classification": "majority", "regression": "mean"}


@dataclass(frozen=True)
class BaselineScores:
    """Test scores of each baseline: {baseline key: {metric key: value}}.

    Classification metrics: "accuracy", "macro_f1". Regression: "mae", "rmse", "r2", in the
    target's original units. `metric_name` is the run's own headline metric ("accuracy" or
    "mae"), so `headline(key)` compares directly with the run's `test_metric`.
    """

    task: str
    metric_name: str
    scores: dict[str, dict[str, float]]

    def headline(self, key: str) -> float:
        return float(self.scores[key][self.metric_name])

    @property
    def linear_key(self) -> str:
        return LINEAR[self.task]

    @property
    def trivial_key(self) -> str:
        return TRIVIAL[self.task]

    @property
    def higher_is_better(self) -> bool:
        return self.task == "classification"

    def best_key(self) -> str:
        keys = list(self.scores)
        values = [self.headline(k) for k in keys]
        return keys[int(np.argmax(values) if self.higher_is_better else np.argmin(values))]

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "metric_name": self.metric_name, "scores": self.scores}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BaselineScores:
        scores = {str(k): {str(m): float(v) for m, v in values.items()} for k, values in dict(data["scores"]).items()}
        return cls(str(data["task"]), str(data["metric_name"]), scores)


def supports_baselines(dataset: Any) -> bool:
    """Tabular data with a training and a test split (images and sequences have no such baseline here)."""
    return getattr(dataset, "input_kind", None) == "tabular" and len(dataset.x_train) > 0 and len(dataset.x_test) > 0


def mean_guess_loss(dataset: Any) -> float | None:
    """Regression: the training loss (MSE, in the target's units squared, like a run's history)
    of always predicting the training mean, i.e. the target's variance; None otherwise."""
    if dataset.task != "regression" or not len(dataset.y_train):
        return None
    return float(np.var(np.asarray(dataset.preprocessing.inverse_target(dataset.y_train), dtype=np.float64)))


def _fit_rows(n: int, seed: int) -> np.ndarray:
    if n <= MAX_FIT_ROWS:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=MAX_FIT_ROWS, replace=False))


def _classification_scores(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> dict[str, float]:
    from sklearn.metrics import f1_score

    return {
        "accuracy": float(np.mean(y_true == y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, labels=list(range(n_classes)), average="macro", zero_division=0)),
    }


def _regression_scores(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import mean_absolute_error, r2_score, root_mean_squared_error

    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(root_mean_squared_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)) if len(y_true) > 1 else float("nan"),
    }


def fit_baselines(dataset: Any, seed: int = 0) -> BaselineScores | None:
    """Fit and score the baselines on `dataset`'s own splits; None where none applies."""
    if not supports_baselines(dataset):
        return None
    from sklearn.dummy import DummyClassifier, DummyRegressor
    from sklearn.linear_model import LogisticRegression, Ridge

    x_train = np.asarray(dataset.x_train, dtype=np.float64).reshape(len(dataset.x_train), -1)
    x_test = np.asarray(dataset.x_test, dtype=np.float64).reshape(len(dataset.x_test), -1)
    rows = _fit_rows(len(x_train), seed)
    x_fit = x_train[rows]
    if dataset.task == "classification":
        y_fit = np.asarray(dataset.y_train).reshape(-1).astype(np.int64)[rows]
        y_test = np.asarray(dataset.y_test).reshape(-1).astype(np.int64)
        n_classes = max(dataset.n_classes, int(max(y_fit.max(), y_test.max())) + 1)
        scores = {"majority": _classification_scores(y_test, DummyClassifier(strategy="most_frequent").fit(x_fit, y_fit).predict(x_test), n_classes)}
        if len(np.unique(y_fit)) >= 2:
            linear = LogisticRegression(max_iter=1000).fit(x_fit, y_fit)
            scores["logistic"] = _classification_scores(y_test, linear.predict(x_test), n_classes)
        else:  # one class in training: the linear model can only say the same
            scores["logistic"] = dict(scores["majority"])
        return BaselineScores("classification", "accuracy", scores)

    inverse = dataset.preprocessing.inverse_target  # scores in the target's own units
    y_fit = np.asarray(dataset.y_train, dtype=np.float64).reshape(-1)[rows]
    y_test = np.asarray(inverse(dataset.y_test), dtype=np.float64).reshape(-1)
    scores = {}
    for key, model in (("mean", DummyRegressor(strategy="mean")), ("ridge", Ridge(alpha=1.0))):
        predicted = np.asarray(inverse(model.fit(x_fit, y_fit).predict(x_test)), dtype=np.float64).reshape(-1)
        scores[key] = _regression_scores(y_test, predicted)
    return BaselineScores("regression", "mae", scores)


def shortfall(network_score: float, baselines: BaselineScores, key: str | None = None) -> float:
    """How far the network is behind baseline `key` (default: the linear one), in the metric's
    units; positive when the baseline does better, negative when the network does."""
    key = key or baselines.linear_key
    gap = baselines.headline(key) - float(network_score)
    return gap if baselines.higher_is_better else -gap
