"""The user's own CSV: every bad file gets a message naming its problem, good files become
datasets with the right shapes."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nncore.data import (
    MAX_UPLOAD_MB,
    CsvLimits,
    dataset_from_csv,
    encode_rows,
    inspect_csv,
)
from nncore.errors import DatasetError

REPO = Path(__file__).resolve().parents[2]


def people_csv(n: int = 60) -> bytes:
    """Numeric, text and missing values; every 7th age and every 11th city is missing."""
    rows = ["age,city,income,score,label"]
    for i in range(n):
        age = "" if i % 7 == 0 else str(20 + i % 40)
        city = "NA" if i % 11 == 0 else ["Paris", "Oslo", "Rome"][i % 3]
        income = f"{1000 + 37.5 * i:.1f}"
        score = f"{(i * 7919 % 101) / 10:.1f}"
        rows.append(f"{age},{city},{income},{score},{['yes', 'no'][i % 2]}")
    return ("\n".join(rows) + "\n").encode()


def two_columns(values_x, values_y, header="x,y") -> bytes:
    if isinstance(values_x, range):
        # A feature counting 0, 1, 2, ... would read as the file's row numbers and be left out.
        values_x = [v + 5 for v in values_x]
    return (header + "\n" + "".join(f"{a},{b}\n" for a, b in zip(values_x, values_y))).encode()


def message_for(
    data: bytes, target: str | None = None, limits: CsvLimits = CsvLimits(), **kw
) -> str:
    with pytest.raises(DatasetError) as info:
        preview = inspect_csv(data, "upload.csv", limits=limits)
        dataset_from_csv(preview, target or preview.suggested_target, **kw)
    return info.value.message  # a keyed Message; as a str, the English


# --- the file itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", ["Expected a CSV file with a header row", "'upload.csv' is empty"]),
        (b"\n \n\n", ["'upload.csv' is empty"]),
        (b"a,b,c\n", ["at least one data row", "only the header row ('a', 'b', 'c')"]),
        (b"a,b,c\n1,2,3\n4,5,6,7\n", ["every row to have 3 fields", "line 3", "has 4 fields"]),
        (b"a,b,c\n1,2,3\n4,5\n7,8,9\n", ["every row to have 3 fields", "line 3", "has 2 fields"]),
        (b'a,b,c\n1,2,3\n4,"5,6\n7,8,9\n', ["quote", "line 3", "never closed"]),
        ("a,b\ncafé,1\n".encode("latin-1"), ["UTF-8", "not UTF-8", "byte 0xe9 on line 2"]),
        ("a,b\n1,2\n".encode("utf-16"), ["UTF-8", "UTF-16"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", ["text CSV", "PNG image"]),
        (b"PK\x03\x04\x14\x00\x06\x00", ["text CSV", "Excel workbook"]),
        (b"a,b\n1,\x002\n", ["text CSV", "binary data (NUL bytes)"]),
        (b"a,b,a\n1,2,3\n", ["column name", "different", "'a' (2 times)"]),
    ],
    ids=[
        "empty",
        "blank-lines",
        "header-only",
        "too-many-fields",
        "too-few-fields",
        "unclosed-quote",
        "latin-1",
        "utf-16",
        "png",
        "xlsx",
        "nul-bytes",
        "duplicate-names",
    ],
)
def test_bad_file_is_named_in_the_message(data, words):
    with pytest.raises(DatasetError) as info:
        inspect_csv(data, "upload.csv")
    message = str(info.value)
    assert message.startswith("Expected")
    for word in words:
        assert word in message


def test_limits_on_size_rows_and_columns():
    limits = CsvLimits(max_bytes=2000, max_rows=10, max_columns=3)
    assert message_for(b"a,b\n" + b"1,2\n" * 600, limits=limits) == (
        "Expected a file of at most 2 KB. Received: 'upload.csv' is 2.3 KB; upload a sample of the rows"
    )
    assert message_for(b"a,b\n" + b"1,2\n" * 11, limits=limits) == (
        "Expected at most 10 data rows. Received: more than 10 in 'upload.csv'; upload a sample of the rows"
    )
    assert message_for(b"a,b,c,d\n1,2,3,4\n", limits=limits) == (
        "Expected at most 3 columns. Received: 'upload.csv' has 4 columns; keep only the columns you need"
    )
    assert CsvLimits().max_bytes == 50 * 1024 * 1024


def test_upload_limit_matches_streamlit_config():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB


def test_limits_are_validated():
    with pytest.raises(ValueError, match="max_rows"):
        CsvLimits(max_rows=0)


def test_non_bytes_and_odd_names_give_dataset_errors():
    with pytest.raises(DatasetError, match="Expected the file's contents as bytes. Received: str"):
        inspect_csv("a,b\n1,2\n", "x.csv")  # type: ignore[arg-type]
    with pytest.raises(DatasetError, match="'evil.csv' is empty"):
        inspect_csv(b"", "../../etc/\x1bevil.csv")


def test_bom_semicolons_and_quoted_fields_are_read():
    data = '\ufeffname;note;y\n"Smith, J";"said ""hi""\nthen left";1\nLee;ok;0\n'.encode()
    preview = inspect_csv(data, "europe.csv")
    assert preview.columns == ("name", "note", "y")
    assert preview.delimiter == ";"
    assert preview.frame["name"].tolist() == ["Smith, J", "Lee"]
    assert preview.frame["note"].iloc[0] == 'said "hi"\nthen left'


# --- the preview ----------------------------------------------------------------------------


def test_preview_types_columns_and_suggests_last_column():
    preview = inspect_csv(people_csv(), "people.csv")
    assert preview.columns == ("age", "city", "income", "score", "label")
    assert preview.suggested_target == "label"
    assert (preview.n_rows, preview.filename, preview.delimiter) == (60, "people.csv", ",")
    kinds = {info.name: info.kind for info in preview.column_info}
    assert kinds == {
        "age": "numeric",
        "city": "categorical",
        "income": "numeric",
        "score": "numeric",
        "label": "categorical",
    }
    assert preview.info("age").n_missing == 9  # rows 0, 7, ..., 56
    assert preview.info("city").n_missing == 6  # "NA" counts as missing
    assert preview.frame["age"].dtype == np.float64
    assert preview.frame["income"].iloc[2] == 1075.0
    assert preview.n_missing == 15


def test_task_inference():
    preview = inspect_csv(people_csv(), "people.csv")
    assert preview.infer_task("label") == "classification"  # text
    assert preview.infer_task("income") == "regression"  # many distinct decimals
    assert preview.infer_task("age") == "regression"  # 37 distinct whole numbers > 20
    codes = inspect_csv(two_columns(range(40), [i % 5 + 1 for i in range(40)]), "r.csv")
    assert codes.infer_task("y") == "classification"  # ratings 1..5
    halves = inspect_csv(two_columns(range(40), [i % 5 + 0.5 for i in range(40)]), "r.csv")
    assert halves.infer_task("y") == "regression"  # few values, but not whole numbers


# --- building a dataset --------------------------------------------------------------------


def test_drop_missing_removes_incomplete_rows():
    ds = dataset_from_csv(inspect_csv(people_csv(), "people.csv"), "label", missing="drop")
    # 60 rows, 14 with a missing age or city (rows 0 and 44 miss both).
    assert ds.n_examples == 46
    assert (len(ds.x_train), len(ds.x_val), len(ds.x_test)) == (27, 9, 10)
    assert ds.feature_names == ("age", "city=Oslo", "city=Paris", "city=Rome", "income", "score")
    assert ds.class_names == ("no", "yes")
    assert (ds.key, ds.task, ds.input_kind, ds.target_name) == (
        "csv",
        "classification",
        "tabular",
        "label",
    )
    assert ds.y_train.dtype == np.int64 and ds.x_train.dtype == np.float32
    assert "Removed 14 rows with a missing value" in ds.preprocessing.steps
    assert ds.params == {
        "key": "csv",
        "filename": "people.csv",
        "target": "label",
        "task": "classification",
        "missing": "drop",
        "seed": 0,
        "features": ["age", "city", "income", "score"],
    }
    assert "people.csv" in ds.description and "'label'" in ds.description


def test_impute_keeps_every_row_and_fills_from_training_rows():
    ds = dataset_from_csv(inspect_csv(people_csv(), "people.csv"), "label", missing="impute")
    # 9 of 60 ages and 6 cities are missing (over 5% each): each also gets a "was missing" input.
    assert ds.n_examples == 60 and ds.feature_names == (
        "age", "age (missing)", "city=Oslo", "city=Paris", "city=Rome", "city (missing)", "income", "score"
    )
    x = np.concatenate([ds.x_train, ds.x_val, ds.x_test])
    assert np.isfinite(x).all()
    one_hot = x[:, 2:5]
    # One-hot columns stay 0/1 (not standardized) and every row has exactly one city.
    assert set(np.unique(one_hot)) == {0.0, 1.0}
    np.testing.assert_array_equal(one_hot.sum(axis=1), 1.0)
    np.testing.assert_allclose(ds.x_train[:, [0, 6, 7]].mean(axis=0), 0.0, atol=1e-5)
    assert x[:, 1].sum() == 9 and x[:, 5].sum() == 6
    encoding = ds.preprocessing.extra["encoding"]
    assert json.loads(json.dumps(ds.preprocessing.extra))["encoding"] == encoding
    assert encoding["categories"]["city"] == ["Oslo", "Paris", "Rome"]
    assert 20 <= encoding["fill_values"]["age"] <= 59
    steps = ds.preprocessing.steps
    assert any(s.startswith("Filled in 9 gaps in 'age' with ") and s.endswith("and added the input 'age (missing)'")
               for s in steps), steps
    assert any(s.startswith("Filled in 6 gaps in 'city' with '") for s in steps), steps


def test_regression_target_is_standardized_and_maps_back():
    ds = dataset_from_csv(inspect_csv(people_csv(), "people.csv"), "income", missing="impute")
    assert ds.task == "regression" and ds.class_names is None
    assert ds.y_train.dtype == np.float32
    assert abs(float(ds.y_train.mean())) < 1e-5
    all_y = ds.preprocessing.inverse_target(np.concatenate([ds.y_train, ds.y_val, ds.y_test]))
    np.testing.assert_allclose(np.sort(all_y), 1000 + 37.5 * np.arange(60), rtol=1e-5)
    assert "label=yes" in ds.feature_names


def test_task_override_and_numeric_class_names():
    data = two_columns(range(60), [i % 3 for i in range(60)])
    assert dataset_from_csv(inspect_csv(data, "c.csv"), "y").task == "classification"
    forced = dataset_from_csv(inspect_csv(data, "c.csv"), "y", task="regression")
    assert forced.task == "regression"
    as_classes = dataset_from_csv(inspect_csv(data, "c.csv"), "y")
    assert as_classes.class_names == ("0", "1", "2")
    ratings = two_columns(range(60), [(i % 4) * 1.5 for i in range(60)])
    forced = dataset_from_csv(inspect_csv(ratings, "r.csv"), "y", task="classification")
    assert forced.class_names == ("0", "1.5", "3", "4.5")


def test_stratified_and_seeded_split():
    preview = inspect_csv(people_csv(200), "people.csv")
    a = dataset_from_csv(preview, "label", missing="impute", seed=1)
    b = dataset_from_csv(preview, "label", missing="impute", seed=1)
    c = dataset_from_csv(preview, "label", missing="impute", seed=2)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert not np.array_equal(a.x_train, c.x_train)
    assert np.bincount(a.y_test).tolist() == [20, 20]


def test_feature_selection_leaves_a_junk_column_out():
    rows = "id,x,y\n" + "".join(f"row{i},{i},{i % 2}\n" for i in range(80))
    preview = inspect_csv(rows.encode(), "ids.csv")
    ds = dataset_from_csv(preview, "y", features=["x"])
    assert ds.feature_names == ("x",)
    with pytest.raises(DatasetError, match="Received: 'nope'"):
        dataset_from_csv(preview, "y", features=["nope"])
    with pytest.raises(DatasetError, match="not to include the target 'y'"):
        dataset_from_csv(preview, "y", features=["x", "y"])


def test_dataframe_source_and_encode_rows():
    frame = pd.DataFrame(
        {
            "size": np.arange(40, dtype=float) + 2,  # 0, 1, 2, ... would be the row numbers
            "colour": ["red", "blue"] * 20,
            "kind": ["a", "b", "c", "d"] * 10,
        }
    )
    ds = dataset_from_csv(frame, "kind", name="My table")
    assert ds.title == "My table" and ds.class_names == ("a", "b", "c", "d")
    assert ds.feature_names == ("size", "colour=blue", "colour=red")
    mean_size = ds.preprocessing.feature_mean[0]
    encoded = encode_rows(pd.DataFrame({"size": [mean_size], "colour": ["red"]}), ds)
    np.testing.assert_allclose(encoded, [[0.0, 0.0, 1.0]], atol=1e-6)
    unseen = encode_rows(pd.DataFrame({"size": [1.0], "colour": ["green"]}), ds)
    np.testing.assert_array_equal(unseen[0, 1:], [0.0, 0.0])


# --- bad columns and choices ---------------------------------------------------------------


def test_target_with_one_class():
    message = message_for(two_columns(range(30), ["same"] * 30))
    assert message == (
        "Expected at least 2 classes in the target column 'y'. Received: only one value, 'same'; "
        "pick a column with at least two values as the target"
    )


def test_all_missing_target():
    message = message_for(two_columns(range(30), [""] * 30))
    assert message == (
        "Expected values in the target column 'y'. Received: every value is missing; pick another target column"
    )


def test_mixed_junk_column_names_column_and_value():
    values = ["12", "abc", "3.4"] * 10
    message = message_for(two_columns(values, [i % 2 for i in range(30)]))
    assert message.startswith("Expected column 'x' to hold only numbers or only text.")
    assert "10 values are not, such as 'abc'" in message


def test_no_feature_columns():
    data = ("y\n" + "".join(f"{i % 2}\n" for i in range(30))).encode()
    assert message_for(data) == (
        "Expected at least one feature column besides the target 'y'. Received: no other columns; "
        "add a column of inputs to learn from"
    )


def test_text_column_with_too_many_categories():
    # Left to the roles, such a column is an identifier and left out; chosen, it is an error.
    data = two_columns([f"person{i}" for i in range(80)], [i % 2 for i in range(80)])
    message = message_for(data, features=["x"])
    assert message.startswith("Expected at most 50 different values in text column 'x'.")
    assert "Received: 80 different values, such as 'person0'" in message


def test_every_row_dropped_by_missing_values():
    rows = "a,b,y\n" + "".join(
        f"{'' if i % 2 else i},{i if i % 2 else ''},{i % 2}\n" for i in range(30)
    )
    message = message_for(rows.encode(), missing="drop")
    assert message.startswith("Expected some rows with no missing values.")
    assert "'a', 'b'" in message and "impute" in message
    imputed = dataset_from_csv(inspect_csv(rows.encode(), "f.csv"), "y", missing="impute")
    assert imputed.n_examples == 30


def test_all_missing_feature_column():
    rows = "a,e,y\n" + "".join(f"{i * 7 % 30},,{i % 2}\n" for i in range(30))
    assert message_for(rows.encode(), features=["a", "e"]) == (
        "Expected values in column 'e'. Received: every value is missing; leave the column out"
    )
    # Left to the defaults, an empty column (e.g. from trailing commas) is left out, saying so.
    ds = dataset_from_csv(inspect_csv(rows.encode(), "f.csv"), "y")
    assert ds.feature_names == ("a",)
    assert "Left out 'e': every value is missing" in ds.preprocessing.steps


def test_regression_on_text_target():
    data = two_columns(range(30), [f"cat{i % 2}" for i in range(30)])
    message = message_for(data, task="regression")
    assert message.startswith("Expected a numeric target for regression.")
    assert "'cat0'" in message


def test_classification_with_too_many_classes():
    data = two_columns(range(80), [i * 0.37 for i in range(80)])
    message = message_for(data, task="classification")
    assert message.startswith("Expected at most 50 classes for classification.")
    assert "80 different values in 'y'" in message


def test_constant_regression_target():
    assert message_for(two_columns(range(30), [3] * 30), task="regression") == (
        "Expected the target column 'y' to vary. Received: every value is 3; pick another target column"
    )


def test_rare_class_and_too_few_rows():
    rare = message_for(two_columns(range(30), [i % 2 if i else 7 for i in range(30)]))
    assert "at least 5 rows of every class" in rare and "class '7' of 'y' has 1 row" in rare
    few = message_for(two_columns([1, 3], [2, 4]), task="regression")
    assert few == (
        "Expected at least 10 rows to split into training, validation and test sets. "
        "Received: 2 rows; add more rows"
    )


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        (
            {"target": "nope"},
            "Expected `target` to be one of the columns ('x', 'y'). Received: target='nope'",
        ),
        (
            {"task": "clustering"},
            "Expected `task` to be 'auto', 'classification' or 'regression'. "
            "Received: task='clustering'",
        ),
        (
            {"missing": "zero"},
            "Expected `missing` to be 'auto', 'drop' or 'impute'. Received: missing='zero'",
        ),
        ({"seed": -3}, "Expected a non-negative whole `seed`. Received: seed=-3"),
    ],
)
def test_bad_choices(kw, expected):
    preview = inspect_csv(two_columns(range(30), [i % 2 for i in range(30)]), "f.csv")
    args = {"target": "y", **kw}
    with pytest.raises(DatasetError) as info:
        dataset_from_csv(preview, **args)
    assert str(info.value) == expected


def test_random_bytes_never_raise_anything_but_dataset_error():
    rng = np.random.default_rng(0)
    for size in (1, 10, 100, 1000):
        for _ in range(20):
            data = rng.integers(0, 256, size=size, dtype=np.uint8).tobytes()
            try:
                preview = inspect_csv(data, "noise.csv")
                dataset_from_csv(preview, preview.suggested_target)
            except DatasetError:
                pass
    for text in ['"', '""\n"', "a\n\"b", ",,,\n,,,\n", "a,b\n\"1\"x,2\n", "\r\r\r", "a\n" * 50]:
        try:
            preview = inspect_csv(text.encode(), "odd.csv")
            dataset_from_csv(preview, preview.suggested_target)
        except DatasetError:
            pass
