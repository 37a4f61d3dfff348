"""One feature, one bar: grouping a text column's one-hot inputs (nncore/explain/grouping.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nncore.data.csv_import import dataset_from_csv
from nncore.data.table_encoding import FeatureGroup, feature_groups
from nncore.explain import Explanation, column_bars, grouped, grouped_sample, permutation_importance
from nncore.explain.global_views import ShapSample

GROUPS = (FeatureGroup("age", (0,)), FeatureGroup("colour", (1, 2, 3), ("blue", "green", "red")), FeatureGroup("dose", (4,)))


def _explanation() -> Explanation:
    return Explanation(
        values=np.array([0.5, 0.1, -0.4, 0.2, -0.3]), base_value=1.0, output_index=None, predicted_value=1.1,
        method="Permutation SHAP", feature_names=("age", "colour=blue", "colour=green", "colour=red", "dose"),
        instance=np.array([0.3, 0.0, 1.0, 0.0, -1.2]),
    )


def test_grouped_sums_each_columns_parts_and_names_the_category():
    exp = grouped(_explanation(), GROUPS)
    np.testing.assert_allclose(exp.values, [0.5, -0.1, -0.3])
    assert exp.feature_names == ("age", "colour = green", "dose")
    assert exp.total == pytest.approx(_explanation().total)  # additivity kept
    assert exp.instance[0] == pytest.approx(0.3) and np.isnan(exp.instance[1])
    np.testing.assert_allclose(column_bars(_explanation().instance, GROUPS), [0.3, 1.0, -1.2])
    with pytest.raises(ValueError, match="cover each of the 5 inputs once"):
        grouped(_explanation(), GROUPS[:2])


def test_a_value_not_seen_in_training_is_named_other():
    exp = Explanation(values=np.zeros(5), base_value=0.0, output_index=None, predicted_value=0.0, method="m",
                      instance=np.array([0.3, 0.0, 0.0, 0.0, 1.0]))
    assert grouped(exp, GROUPS).feature_names[1] == "colour = (other)"


def test_grouped_sample_sums_per_row_and_codes_the_category():
    sample = ShapSample(values=np.arange(10.0).reshape(2, 5), feature_values=np.array([[1, 0, 0, 1, 2], [3, 1, 0, 0, 4.0]]),
                        feature_names=("a", "b", "c", "d", "e"), base_value=0.0, output_index=None, method="m", seconds=0.0)
    out = grouped_sample(sample, GROUPS)
    np.testing.assert_allclose(out.values, [[0, 6, 4], [5, 21, 9]])
    np.testing.assert_allclose(out.feature_values, [[1, 2, 2], [3, 0, 4]])
    assert out.feature_names == ("age", "colour", "dose")


def test_csv_groups_follow_the_encoding_and_builtin_tables_have_none():
    # Ages in no order (a column counting 0, 1, 2... would be taken for a row number and left out).
    ages = np.random.default_rng(0).permutation(np.arange(30.0)) + 20
    frame = pd.DataFrame({"age": ages, "colour": ["red", "green", "blue"] * 10, "y": np.arange(30.0) % 2})
    data = dataset_from_csv(frame, "y")
    groups = feature_groups(data)
    assert [(g.name, len(g.indices)) for g in groups] == [("age", 1), ("colour", 3)]
    assert [data.feature_names[i] for i in groups[1].indices] == ["colour=blue", "colour=green", "colour=red"]
    numbers_only = dataset_from_csv(frame.drop(columns="colour"), "y")
    assert feature_groups(numbers_only) is None


def test_grouped_permutation_importance_shuffles_a_columns_parts_together():
    """A model that reads only the colour: one score per column, all of it on the colour."""
    from tests.explain.trained import linear_model

    m = linear_model(np.array([0.0, 2.0, -1.0, 0.5, 0.0]))
    rng = np.random.default_rng(0)
    x = np.column_stack([rng.normal(size=80), np.eye(3)[rng.integers(0, 3, 80)], rng.normal(size=80)]).astype(np.float32)
    y = m.predict_proba(x)
    importance = permutation_importance(m, x, y, n_repeats=3, seed=0, groups=GROUPS)
    assert importance.feature_names[0] == "colour" and set(importance.feature_names) == {"age", "colour", "dose"}
    assert importance.scores[0] > 0.5 and np.allclose(importance.scores[1:], 0.0)
    assert importance.params["grouped"] is True
    # Without groups each 0/1 input is scored on its own: five bars.
    ungrouped = permutation_importance(m, x, y, n_repeats=3, seed=0)
    assert len(ungrouped.feature_names) == 5


def test_a_table_with_filled_gaps_and_a_date_still_gets_one_bar_per_column():
    """Gaps in a third of the rows (filled, with "(missing)" inputs) and a date used as numbers:
    the groups once ignored those inputs, so `feature_groups` gave None and a text column was
    explained part by part (seen on an uploaded clinic table, issue 14's own case)."""
    rng = np.random.default_rng(0)
    n = 90
    ages = rng.permutation(np.arange(n, dtype=float)) + 20
    colour = np.array(["red", "green", "blue"] * (n // 3), dtype=object)
    ages[rng.random(n) < 0.3] = np.nan
    colour[rng.random(n) < 0.3] = None
    dates = (pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 400, n), unit="D")).strftime("%Y-%m-%d")
    frame = pd.DataFrame({"age": ages, "colour": colour, "seen": dates, "y": np.arange(n) % 2})
    data = dataset_from_csv(frame, "y", roles={"seen": "date_numbers"})
    groups = feature_groups(data)
    assert groups is not None, data.feature_names
    names = data.feature_names
    assert [g.name for g in groups] == ["age", "colour", "seen"]
    age, colour_group, seen = groups
    assert [names[i] for i in age.inputs] == ["age", "age (missing)"]
    assert [names[i] for i in colour_group.indices] == ["colour=blue", "colour=green", "colour=red"]
    assert names[colour_group.indicator] == "colour (missing)"
    assert [names[i] for i in seen.indices] == ["seen (year)", "seen (month)", "seen (day of year)"]
    # One bar per column, the parts and the "(missing)" input summed: additivity kept.
    values = np.arange(len(names), dtype=float)
    exp = Explanation(values=values, base_value=0.0, output_index=None, predicted_value=float(values.sum()),
                      method="Permutation SHAP", feature_names=names, instance=np.asarray(data.x_test[0], dtype=float))
    one_bar = grouped(exp, groups)
    assert len(one_bar.values) == 3 and one_bar.total == pytest.approx(exp.total)
    assert one_bar.values[0] == pytest.approx(values[list(age.inputs)].sum())
    assert one_bar.feature_names[1].startswith("colour = ")
