"""Column roles and gaps on tables like the ones people bring: row numbers, IDs, names, dates,
comments, constant columns and gaps in a third of the rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nncore.data import dataset_from_csv, encode_rows, inspect_csv
from nncore.data.column_roles import default_features
from nncore.data.csv_import import DROP_LIMIT
from nncore.errors import DatasetError
from tests.data.tables import hospital_csv, hospital_frame

USEFUL = ["age", "blood pressure", "smoker", "ward"]


def roles_of(preview, target, choices=None):
    return {r.name: (r.role, r.reason) for r in preview.roles(target, choices)}


def test_hospital_table_roles_and_reasons():
    preview = inspect_csv(hospital_csv(), "hospital.csv")
    assert preview.columns[0] == "column 1"  # the blank header pandas writes for its index
    assert roles_of(preview, "outcome") == {
        "column 1": ("left_out", "row_number"),
        "ID": ("left_out", "identifier"),
        "name": ("left_out", "identifier"),
        "admitted": ("left_out", "date"),
        "comments": ("left_out", "free_text"),
        "hospital": ("left_out", "constant"),
        "age": ("feature", None),
        "blood pressure": ("feature", None),
        "smoker": ("feature", None),
        "ward": ("feature", None),
        "outcome": ("target", None),
    }


def test_other_traits_row_numbers_ids_and_empty_columns():
    n = 60
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({
        "Unnamed: 0": np.arange(n) * 3,  # pandas' index after filtering: unique, not consecutive
        "row": np.arange(1, n + 1),  # counts 1, 2, 3, ...
        "PatientID": rng.permutation(n) + 5000,
        "patient_id": [f"x{i}" for i in rng.permutation(n)],
        "site id": rng.choice(["a", "b"], n),  # named like an ID, but a two-value category
        "notes": [None] * 40 + ["checked"] * 20,  # mostly empty
        "blank": [None] * n,
        "year": 2000 + rng.integers(0, 5, n),
        "visit date": [f"{1 + i % 28:02d}/{1 + i % 12:02d}/2022" for i in range(n)],
        "dose": rng.normal(size=n),
        "y": rng.choice(["a", "b"], n),
    })
    preview = inspect_csv(frame.to_csv(index=False).encode(), "t.csv")
    roles = roles_of(preview, "y")
    assert roles["Unnamed: 0"] == ("left_out", "row_number")
    assert roles["row"] == ("left_out", "row_number")
    assert roles["PatientID"] == ("left_out", "identifier")
    assert roles["patient_id"] == ("left_out", "identifier")
    assert roles["site id"] == ("feature", None)
    assert roles["notes"] == ("left_out", "mostly_empty")
    assert roles["blank"] == ("left_out", "empty")
    assert roles["year"] == ("feature", None)
    assert roles["visit date"] == ("left_out", "date")
    assert roles["dose"] == ("feature", None)


def test_a_small_category_table_keeps_its_columns():
    # 12 rows: a text column with 8 values is not taken for free text or names on so few rows.
    frame = pd.DataFrame({"city": list("abcdefghabcd"), "x": np.linspace(0, 1, 12) + 3, "y": [0, 1] * 6})
    preview = inspect_csv(frame.to_csv(index=False).encode(), "s.csv")
    assert default_features(preview.roles("y")) == ["city", "x"]


@pytest.mark.parametrize("target", ["outcome", "ward", "smoker", "age"])
def test_default_features_follow_the_target_and_the_engine_uses_them(target):
    preview = inspect_csv(hospital_csv(), "hospital.csv")
    expected = [c for c in USEFUL + ["outcome"] if c != target]
    assert default_features(preview.roles(target)) == expected  # the last column included
    dataset = dataset_from_csv(preview, target)
    assert dataset.params["features"] == expected
    assert dataset.preprocessing.extra["roles"] == [
        {"column": r.name, "role": r.role, "reason": r.reason} for r in preview.roles(target)
    ]


def test_a_persons_choices_are_kept_and_said():
    preview = inspect_csv(hospital_csv(), "hospital.csv")
    choices = {"ward": "left_out", "name": "feature", "admitted": "date_numbers", "ID": "target"}
    roles = roles_of(preview, "outcome", choices)
    assert roles["ward"] == ("left_out", "chosen")
    assert roles["ID"] == ("left_out", "identifier")  # "target" is chosen on its own, not here
    assert roles["admitted"] == ("date_numbers", None)
    # A column that holds no dates cannot be used as date numbers.
    assert roles_of(preview, "outcome", {"age": "date_numbers"})["age"] == ("feature", None)

    dataset = dataset_from_csv(preview, "outcome", roles={"ward": "left_out", "admitted": "date_numbers"})
    assert dataset.feature_names[:3] == ("admitted (year)", "admitted (month)", "admitted (day of year)")
    assert not any(name.startswith("ward") for name in dataset.feature_names)
    assert "Left out 'ward': left out by choice" in dataset.preprocessing.steps


def test_date_as_numbers_matches_the_calendar():
    frame = hospital_frame(60)
    dataset = dataset_from_csv(frame, "outcome", roles={"admitted": "date_numbers"}, missing="impute")
    row = frame.iloc[[7]]
    encoded = encode_rows(row, dataset)
    raw = dataset.preprocessing.inverse_features(encoded)[0]
    day = pd.Timestamp(row["admitted"].iloc[0])
    np.testing.assert_allclose(raw[:3], [day.year, day.month, day.day_of_year], rtol=1e-5)


def test_every_column_left_out_is_an_error_naming_the_reasons():
    rows = "ID,name,y\n" + "".join(f"{i * 7},person {i},{i % 2}\n" for i in range(40))
    with pytest.raises(DatasetError) as info:
        dataset_from_csv(inspect_csv(rows.encode(), "ids.csv"), "y")
    assert "every other column was left out: 'ID' (identifier), 'name' (identifier)" in str(info.value)


# --- gaps --------------------------------------------------------------------------------------


def test_gaps_in_a_third_of_rows_are_filled_not_dropped():
    preview = inspect_csv(hospital_csv(), "hospital.csv")
    frame = hospital_frame()
    dataset = dataset_from_csv(preview, "outcome")  # missing="auto"
    assert dataset.n_examples == 150  # nothing dropped
    gaps = dataset.preprocessing.extra["gaps"]
    assert gaps["used"] == "impute" and gaps["dropped"] == 0
    assert gaps["incomplete"] == int(frame[USEFUL].isna().any(axis=1).sum()) > DROP_LIMIT * 150
    by_column = {entry["column"]: entry for entry in gaps["columns"]}
    assert set(by_column) == {"age", "blood pressure", "smoker"}
    for column, entry in by_column.items():
        assert entry["missing"] == int(frame[column].isna().sum())
        assert entry["indicator"] is True
    assert by_column["smoker"]["fill"] == "most_frequent" and by_column["smoker"]["value"] == "no"
    assert by_column["age"]["fill"] == "median"
    assert by_column["age"]["value"] == pytest.approx(float(np.median(frame["age"].dropna())), abs=3)
    for column in by_column:  # one step per column, with its count
        assert any(step.startswith(f"Filled in {by_column[column]['missing']} gaps in '{column}'")
                   for step in dataset.preprocessing.steps)
    # The "was missing" inputs are 1 exactly where the file had a gap.
    names = list(dataset.feature_names)
    x = dataset.preprocessing.inverse_features(np.concatenate([dataset.x_train, dataset.x_val, dataset.x_test]))
    assert x[:, names.index("age (missing)")].sum() == frame["age"].isna().sum()


def test_filled_cells_are_recorded_for_the_preview():
    frame = hospital_frame()
    dataset = dataset_from_csv(frame, "outcome")
    filled = dataset.preprocessing.extra["filled_train_rows"]
    age = list(dataset.feature_names).index("age (missing)")
    raw = dataset.preprocessing.inverse_features(dataset.x_train[:50])
    assert filled["age"] == np.flatnonzero(raw[:, age] > 0.5).tolist()
    assert filled["age"]  # some of the first rows had a gap


def test_few_gaps_are_dropped_and_explicit_drop_still_drops():
    frame = hospital_frame()
    few = frame.fillna({"age": 60.0, "blood pressure": 130.0, "smoker": "no"})
    few.loc[[3, 50, 90], "age"] = np.nan  # 2% of rows
    dataset = dataset_from_csv(few, "outcome")
    assert dataset.n_examples == 147
    assert dataset.preprocessing.extra["gaps"]["used"] == "drop"
    assert "Removed 3 rows with a missing value" in dataset.preprocessing.steps
    chosen = dataset_from_csv(frame, "outcome", missing="drop")
    assert chosen.n_examples == 150 - chosen.preprocessing.extra["gaps"]["dropped"] < 110
