"""A model seen the way explainers need it: a fast batched `predict_proba`, names and data.

Explainers call the model thousands of times on small batches, so they get
`backend.compiled_predict` (a compiled `model(x, training=False)`), never `model.predict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np


@dataclass(eq=False)
class ExplainableModel:
    """A Keras model plus what explanations need to label and measure its outputs.

    `predict_proba(x)`: for classification an (n, classes) array of probabilities (a single
    sigmoid unit becomes two columns [1 - p, p]); for regression the predictions, shape (n,).
    """

    model: Any
    task: str  # "classification" | "regression"
    input_kind: str  # "tabular" | "image" | "sequence"
    input_shape: tuple[int, ...]
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...] | None
    background: np.ndarray  # training inputs: baselines, SHAP backgrounds, LIME statistics
    # Regression: the model predicts the standardized target; every explained output (and so
    # every base value, attribution and prediction) is mapped to the target's own units here,
    # once, as `target_mean + target_scale * output`.
    target_mean: float = 0.0
    target_scale: float = 1.0
    _predict: Callable[[np.ndarray], np.ndarray] | None = field(default=None, repr=False)
    # Things that depend only on this model and its background, computed once per model:
    # k-means background summaries, one-output views of the model.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_run(cls, run: Any) -> "ExplainableModel":
        """From a `TrainedRun` (its model and dataset)."""
        return cls.from_model(run.model, run.dataset)

    @classmethod
    def from_model(cls, model: Any, dataset: Any) -> "ExplainableModel":
        expected = tuple(dataset.input_shape)
        received = tuple(int(d) for d in model.input_shape[1:])
        if expected != received:
            raise ValueError(f"Expected a model taking inputs of shape {expected}. Received: {received}")
        prep = dataset.preprocessing
        regression = dataset.task == "regression" and prep.target_scale is not None and prep.target_mean is not None
        return cls(
            model=model,
            target_mean=float(prep.target_mean) if regression else 0.0,
            target_scale=float(prep.target_scale) if regression else 1.0,
            task=dataset.task,
            input_kind=dataset.input_kind,
            input_shape=expected,
            feature_names=tuple(dataset.feature_names),
            class_names=tuple(dataset.class_names) if dataset.class_names else None,
            background=np.asarray(dataset.x_train, dtype=np.float32),
        )

    # --- outputs --------------------------------------------------------------------------
    @property
    def output_units(self) -> int:
        return int(np.prod(self.model.output_shape[1:]))

    @property
    def is_classifier(self) -> bool:
        return self.task == "classification"

    @property
    def single_sigmoid(self) -> bool:
        """One output unit read as P(class 1); class 0's probability is 1 - p."""
        return self.is_classifier and self.output_units == 1

    @property
    def n_outputs(self) -> int:
        return 2 if self.single_sigmoid else (self.output_units if self.is_classifier else 1)

    def raw_predict(self, x: np.ndarray) -> np.ndarray:
        """The model's outputs, (n, units), through the compiled forward pass."""
        if self._predict is None:
            from nncore.backend import compiled_predict

            self._predict = compiled_predict(self.model)
        x = np.asarray(x, dtype=np.float32).reshape(-1, *self.input_shape)
        return self._predict(x).reshape(len(x), -1)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        out = self.raw_predict(x)
        if not self.is_classifier:
            return out[:, 0] * self.target_scale + self.target_mean  # in the target's units
        if self.single_sigmoid:
            p = out[:, 0]
            return np.stack([1.0 - p, p], axis=1)
        return out

    def output_function(self, output_index: int | None) -> Callable[[np.ndarray], np.ndarray]:
        """x -> the explained scalar per row (one class's probability, or the prediction)."""
        if output_index is None:
            return self.predict_proba
        return lambda x: self.predict_proba(x)[:, output_index]

    def resolve_output(self, x: np.ndarray, output_index: int | None) -> int | None:
        """The class to explain: the one given, else the predicted class; None for regression."""
        if not self.is_classifier:
            return None
        if output_index is None:
            return int(np.argmax(self.predict_proba(x[None])[0]))
        if not 0 <= int(output_index) < self.n_outputs:
            raise ValueError(f"Expected a class index in [0, {self.n_outputs}). Received: output_index={output_index}")
        return int(output_index)

    def output_label(self, output_index: int | None) -> str:
        if output_index is None:
            return "prediction"
        if self.class_names and output_index < len(self.class_names):
            return str(self.class_names[output_index])
        return f"class {output_index}"

    # --- the score before softmax/sigmoid (what gradient methods explain by default) --------
    @property
    def score_model(self) -> Any | None:
        """The model returning the output layer's pre-activation scores (logits); None for
        regression and for outputs that are already linear (their output is the score)."""
        if "score_model" not in self.memo:
            from nncore.explain.scores import pre_activation_model

            self.memo["score_model"] = pre_activation_model(self.model) if self.is_classifier else None
        return self.memo["score_model"]

    def uses_score(self, target: str) -> bool:
        """Whether explaining `target` ("score" or "probability") differentiates the score model."""
        from nncore.explain.scores import check_target

        return check_target(target) == "score" and self.score_model is not None

    def score_function(self, output_index: int | None) -> Callable[[np.ndarray], np.ndarray]:
        """x -> the explained class's score before the softmax (for one sigmoid unit with
        logit z: z for class 1 and -z for class 0, since 1 - sigmoid(z) = sigmoid(-z))."""
        if self.score_model is None or output_index is None:
            return self.output_function(output_index)
        if "score_predict" not in self.memo:
            from nncore.backend import compiled_predict

            self.memo["score_predict"] = compiled_predict(self.score_model)
        forward = self.memo["score_predict"]

        def score(x: np.ndarray) -> np.ndarray:
            z = forward(np.asarray(x, dtype=np.float32).reshape(-1, *self.input_shape)).reshape(len(x), -1)
            if self.single_sigmoid:
                return z[:, 0] if output_index == 1 else -z[:, 0]
            return z[:, output_index]

        return score

    def target_function(self, output_index: int | None, target: str) -> Callable[[np.ndarray], np.ndarray]:
        """x -> what a gradient method explains: the score (default) or the probability."""
        return self.score_function(output_index) if self.uses_score(target) else self.output_function(output_index)

    def gradients(self, x: np.ndarray, output_index: int | None, target: str = "probability") -> np.ndarray:
        """d f / d x for each row of x, where f is `target_function(output_index, target)`."""
        use_score = self.uses_score(target)
        memo_key = ("gradients", use_score)
        if memo_key not in self.memo:
            from nncore.backend import compiled_output_gradients

            self.memo[memo_key] = compiled_output_gradients(self.score_model if use_score else self.model)
        grad_fn = self.memo[memo_key]
        x = np.asarray(x, dtype=np.float32).reshape(-1, *self.input_shape)
        if not self.is_classifier:
            return grad_fn(x, 0) * self.target_scale  # d(mean + scale * out) = scale * d out
        if output_index is None or not self.single_sigmoid:
            return grad_fn(x, 0 if output_index is None else output_index)
        grad = grad_fn(x, 0)
        return grad if output_index == 1 else -grad  # d(1 - p) = -dp; d(-z) = -dz

    def check_instance(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32)
        if x.shape != self.input_shape:
            raise ValueError(f"Expected one input of shape {self.input_shape}. Received: shape {x.shape}")
        return x


def as_explainable(model_or_run: Any, dataset: Any = None) -> ExplainableModel:
    """Accept an ExplainableModel, a TrainedRun, or a Keras model with its dataset."""
    if isinstance(model_or_run, ExplainableModel):
        return model_or_run
    if dataset is None and hasattr(model_or_run, "dataset") and hasattr(model_or_run, "model"):
        return ExplainableModel.from_run(model_or_run)
    if dataset is None:
        raise ValueError("Expected an ExplainableModel, a TrainedRun, or a model with its dataset. Received: a model alone")
    return ExplainableModel.from_model(model_or_run, dataset)
