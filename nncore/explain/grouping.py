"""One feature, one bar: a text column's one-hot inputs explained as the one column they are.

A text column reaches the network as one 0/1 input per value, so per-input methods give it
several bars, one per value, all but one about a value the row does not have. Grouping sums
each column's attributions over its inputs.

For SHAP the sum is the column's share of the prediction: Shapley values add up (efficiency
and additivity, Lundberg & Lee 2017, "A Unified Approach to Interpreting Model Predictions"),
so the grouped values still sum to prediction minus base value, and for a model linear in its
inputs the sum equals the Shapley value of the column taken as one player
(tests/reference/test_grouped_attributions.py checks this against shap's exact explainer).
Integrated gradients' completeness carries over the same way. For LIME, saliency and the other
methods the sum is the usual way to report a group, a summary rather than an exact quantity.

Permutation importance groups differently: a column's inputs are shuffled together
(`permutation_importance(..., groups=...)`), which is the column's own importance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from nncore.data.table_encoding import FeatureGroup
from nncore.explain.explanation import Explanation
from nncore.explain.global_views import ShapSample


def _check(groups: Sequence[FeatureGroup], width: int) -> None:
    covered = sorted(i for g in groups for i in g.inputs)
    if covered != list(range(width)):
        raise ValueError(
            f"Expected groups that cover each of the {width} inputs once. "
            f"Received: groups covering {len(covered)} inputs"
        )


def group_names(groups: Sequence[FeatureGroup], x_inputs: np.ndarray | None) -> tuple[str, ...]:
    """A name per group: the column, with its value for a one-hot column ("colour = red")."""
    names = []
    for group in groups:
        value = None if x_inputs is None else group.value_text(x_inputs)
        names.append(group.name if value is None else f"{group.name} = {value or '(other)'}")
    return tuple(names)


def grouped_input(x_inputs: np.ndarray, groups: Sequence[FeatureGroup]) -> np.ndarray:
    """One number per column of one row: a number column's input; NaN for a one-hot column
    (its value is a category, named by `group_names`)."""
    flat = np.asarray(x_inputs, dtype=np.float64).reshape(-1)
    _check(groups, flat.size)
    return np.array([np.nan if g.one_hot else flat[g.indices[0]] for g in groups])


def column_bars(x_inputs: np.ndarray, groups: Sequence[FeatureGroup]) -> np.ndarray:
    """One bar height per column of one row, for drawing the input: a number column's input,
    and for a one-hot column the sum of its 0/1 inputs (1 when a known category is on)."""
    flat = np.asarray(x_inputs, dtype=np.float64).reshape(-1)
    _check(groups, flat.size)
    return np.array([flat[list(g.indices)].sum() for g in groups])


def grouped(explanation: Explanation, groups: Sequence[FeatureGroup]) -> Explanation:
    """A new Explanation with one value per column, the sum of its inputs' values.

    The instance holds each number column's input and NaN for a one-hot column, whose value
    is in its name instead. The total, and so SHAP's additivity, is unchanged.
    """
    if explanation.input_kind != "tabular":
        raise ValueError(f"Expected a tabular explanation to group. Received: a {explanation.input_kind} one")
    values = explanation.values.reshape(-1)
    _check(groups, values.size)
    summed = np.array([values[list(g.inputs)].sum() for g in groups])
    instance = None if explanation.instance is None else grouped_input(explanation.instance, groups)
    return replace(
        explanation,
        values=summed,
        instance=instance,
        feature_names=group_names(groups, explanation.instance),
        params={**explanation.params, "grouped": True},
    )


def grouped_sample(sample: ShapSample, groups: Sequence[FeatureGroup]) -> ShapSample:
    """SHAP values of many rows with one column per table column (parts summed per row).

    A one-hot column's "value" becomes the index of its category (for the beeswarm's colour
    and the dependence plot), -1 where no category was on.
    """
    _check(groups, sample.values.shape[1])
    values = np.column_stack([sample.values[:, list(g.inputs)].sum(axis=1) for g in groups])
    feature_values = []
    for g in groups:
        parts = sample.feature_values[:, list(g.indices)]
        if g.one_hot:
            on = parts.max(axis=1) > 0.5
            feature_values.append(np.where(on, parts.argmax(axis=1), -1).astype(np.float64))
        else:
            feature_values.append(parts[:, 0])
    return replace(sample, values=values, feature_values=np.column_stack(feature_values),
                   feature_names=tuple(g.name for g in groups))
