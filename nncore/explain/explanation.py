"""The one value type every explanation method returns and every plot takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True, eq=False)
class Explanation:
    """Attributions for one input, aligned with it.

    `values` has the instance's input shape: (features,) for tabular data, (height, width,
    channels) for images, (steps, features) for sequences. Positive values push the explained
    output up. `base_value` is what the method measures from (SHAP's expected value, LIME's
    intercept, integrated gradients' f(baseline)); None where a method has none (saliency,
    Grad-CAM). `output_index` is the explained class (None for regression) and
    `predicted_value` the model's probability for it (or its prediction, for regression), or
    for gradient methods (`target == "score"`) its score before softmax/sigmoid, so that
    base value + attributions and the prediction are in the same units.
    """

    values: np.ndarray
    base_value: float | None
    output_index: int | None
    predicted_value: float
    method: str  # the method's title, for people (a catalogue Message when built by nncore)
    params: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    feature_names: tuple[str, ...] = ()
    instance: np.ndarray | None = None  # the explained input, same shape as values
    input_kind: str = "tabular"
    output_label: str = ""  # e.g. "class 3" or "target"
    example: str = ""  # which example, as every page names it ("row 17", an ID, "#3"); "" if unknown
    # What the values explain: "output" (the probability, or the prediction for regression)
    # or "score" (the class score before softmax/sigmoid, which gradient methods use by
    # default); `predicted_value` and `base_value` are in the same units.
    target: str = "output"
    # The method's stable name ("saliency", "lime_tabular", "shap_permutation"...): what code
    # compares, where `method` is only shown (three methods are all titled "LIME").
    method_key: str = ""

    def __post_init__(self) -> None:
        values = np.asarray(self.values, dtype=np.float64)
        if self.instance is not None and np.shape(self.instance) != values.shape:
            raise ValueError(
                "Expected values with the instance's shape. "
                f"Received: values {values.shape}, instance {np.shape(self.instance)}"
            )
        object.__setattr__(self, "values", values)

    @property
    def total(self) -> float:
        """Sum of all attributions (for additive methods: prediction minus base value)."""
        return float(self.values.sum())

    def per_feature(self) -> np.ndarray:
        """Values summed to one number per position (pixels over channels, steps over features)."""
        if self.input_kind == "image":
            return self.values.sum(axis=-1)
        if self.input_kind == "sequence":
            return self.values.sum(axis=-1)
        return self.values.reshape(-1)


def build_explanation(
    model: Any,
    x: np.ndarray,
    output_index: int | None,
    values: np.ndarray,
    base_value: float | None,
    method_key: str,
    params: dict[str, Any],
    started: float,
    target: str = "probability",
) -> Explanation:
    """Assemble an Explanation for `model` (an ExplainableModel); `started` is time.perf_counter().

    `target`: "score" reports the prediction as the class score before softmax/sigmoid (where
    the model has one), "probability" as the model's output."""
    import time

    from nncore.explain.methods import method_title

    use_score = model.uses_score(target)
    predicted = float(model.target_function(output_index, target)(x[None])[0])
    return Explanation(
        values=np.asarray(values, dtype=np.float64).reshape(model.input_shape),
        base_value=None if base_value is None else float(base_value),
        output_index=output_index,
        predicted_value=predicted,
        method=method_title(method_key),
        method_key=method_key,
        params=dict(params),
        seconds=time.perf_counter() - started,
        feature_names=tuple(model.feature_names),
        instance=np.asarray(x, dtype=np.float64),
        input_kind=model.input_kind,
        output_label=model.output_label(output_index),
        target="score" if use_score else "output",
    )
