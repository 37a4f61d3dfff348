"""The catalogue and `load_dataset`: every offline dataset, its shapes, splits and seeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nncore.data import (
    DEFAULT_BY_INPUT_KIND,
    DEFAULT_DATASET,
    DatasetInfo,
    get_dataset_info,
    list_datasets,
    load_dataset,
    reload_dataset,
)
from nncore.data.info import DatasetParam
from nncore.errors import DatasetError

REPO = Path(__file__).resolve().parents[2]

# key -> (task, input kind, per-example shape, class names or None, examples at defaults)
EXPECTED = {
    "circles": ("classification", "tabular", (2,), ("class 0", "class 1"), 500),
    "xor": ("classification", "tabular", (2,), ("class 0", "class 1"), 500),
    "gaussians": ("classification", "tabular", (2,), ("class 0", "class 1"), 500),
    "spiral": ("classification", "tabular", (2,), ("class 0", "class 1"), 500),
    "moons": ("classification", "tabular", (2,), ("class 0", "class 1"), 500),
    "plane": ("regression", "tabular", (2,), None, 500),
    "gaussian_mix": ("regression", "tabular", (2,), None, 500),
    "iris": ("classification", "tabular", (4,), ("setosa", "versicolor", "virginica"), 150),
    "wine": ("classification", "tabular", (13,), ("cultivar 1", "cultivar 2", "cultivar 3"), 178),
    "breast_cancer": ("classification", "tabular", (30,), ("malignant", "benign"), 569),
    "diabetes": ("regression", "tabular", (10,), None, 442),
    "digits": ("classification", "image", (8, 8, 1), tuple("0123456789"), 1797),
    "digits28": ("classification", "image", (28, 28, 1), tuple("0123456789"), 10000),
    "digit_rows": ("classification", "sequence", (8, 8), tuple("0123456789"), 1797),
    "sine": ("regression", "sequence", (20, 1), None, 1000),
    "trend": ("classification", "sequence", (30, 1), ("down", "up"), 1000),
}
OFFLINE = sorted(EXPECTED)


def test_catalogue_lists_every_dataset_once_with_metadata():
    infos = list_datasets()
    keys = [info.key for info in infos]
    assert sorted(keys) == sorted([*EXPECTED, "mnist", "fashion_mnist"])
    for info in infos:
        assert isinstance(info, DatasetInfo)
        assert info.title and info.description.endswith(".")
        assert info.params[-1].name == "seed" and info.defaults["seed"] == 0
        assert info.needs_network == (info.key in ("mnist", "fashion_mnist"))
        if info.key in EXPECTED:
            assert (info.task, info.input_kind) == EXPECTED[info.key][:2]
    assert DEFAULT_DATASET in keys
    assert DEFAULT_BY_INPUT_KIND["image"] == "digits"
    assert get_dataset_info("breast_cancer").description.startswith("Diagnose")


def test_synthetic_params_carry_ranges_for_a_ui():
    info = get_dataset_info("spiral")
    n_points = info.param("n_points")
    assert (n_points.kind, n_points.default, n_points.min, n_points.max) == ("int", 500, 50, 5000)
    noise = info.param("noise")
    assert (noise.kind, noise.min, noise.max) == ("float", 0.0, 1.0)
    assert 0.1 <= noise.default <= 0.2
    assert [p.name for p in get_dataset_info("sine").params] == [
        "n_series",
        "noise",
        "window",
        "seed",
    ]
    assert get_dataset_info("mnist").defaults == {"max_train": 10000, "seed": 0}


@pytest.mark.parametrize("key", OFFLINE)
def test_offline_dataset_loads_with_right_shapes_and_types(key):
    task, kind, shape, class_names, n = EXPECTED[key]
    ds = load_dataset(key)
    assert (ds.key, ds.task, ds.input_kind) == (key, task, kind)
    assert ds.input_shape == shape
    assert ds.class_names == class_names
    assert ds.n_examples == n
    # 60/20/20, within rounding.
    assert abs(len(ds.x_train) - 0.6 * n) <= 2
    assert abs(len(ds.x_val) - 0.2 * n) <= 2
    assert abs(len(ds.x_test) - 0.2 * n) <= 2
    for x, y in ((ds.x_train, ds.y_train), (ds.x_val, ds.y_val), (ds.x_test, ds.y_test)):
        assert x.dtype == np.float32 and len(x) == len(y)
        assert not x.flags.writeable and not y.flags.writeable
        assert np.isfinite(x).all()
        if task == "classification":
            assert y.dtype == np.int64
            assert y.min() >= 0 and y.max() < len(class_names)
        else:
            assert y.dtype == np.float32 and y.ndim == 1
    if kind == "tabular":
        assert len(ds.feature_names) == shape[0]
    else:
        assert len(ds.feature_names) == shape[-1]
    assert ds.params["key"] == key and ds.params["seed"] == 0
    assert json.loads(json.dumps(ds.params)) == ds.params  # storable with a run
    assert ds.description == get_dataset_info(key).description
    assert any("60/20/20" in step for step in ds.preprocessing.steps)


@pytest.mark.parametrize("key", ["spiral", "iris", "diabetes", "plane"])
def test_tabular_features_are_standardized_with_training_statistics(key):
    ds = load_dataset(key)
    np.testing.assert_allclose(ds.x_train.mean(axis=0), 0.0, atol=1e-5)
    np.testing.assert_allclose(ds.x_train.std(axis=0), 1.0, atol=1e-4)
    raw = ds.preprocessing.inverse_features(ds.x_train)
    np.testing.assert_allclose(ds.preprocessing.transform_features(raw), ds.x_train, atol=1e-5)
    if ds.task == "regression":
        assert abs(float(ds.y_train.mean())) < 1e-5
        assert abs(float(ds.y_train.std()) - 1.0) < 1e-4


def test_diabetes_target_maps_back_to_original_units():
    ds = load_dataset("diabetes")
    original = ds.preprocessing.inverse_target(
        np.concatenate([ds.y_train, ds.y_val, ds.y_test])
    )
    # scikit-learn's diabetes targets run from 25 to 346.
    assert original.min() == pytest.approx(25.0, abs=1e-3)
    assert original.max() == pytest.approx(346.0, abs=1e-3)


def test_images_are_scaled_to_unit_range_and_not_standardized():
    ds = load_dataset("digits")
    assert ds.preprocessing.feature_mean is None
    assert ds.x_train.min() == 0.0 and ds.x_train.max() == 1.0


def test_same_seed_gives_identical_data_and_different_seed_differs():
    a = load_dataset("moons", seed=3)
    b = load_dataset("moons", seed=3)
    c = load_dataset("moons", seed=4)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.x_train, c.x_train)
    # The bundled tables do not change, but the split follows the seed.
    assert not np.array_equal(load_dataset("iris", seed=1).x_train, load_dataset("iris").x_train)


def test_stratified_split_keeps_class_ratios():
    ds = load_dataset("breast_cancer")
    overall = np.bincount(np.concatenate([ds.y_train, ds.y_val, ds.y_test])) / ds.n_examples
    for y in (ds.y_train, ds.y_val, ds.y_test):
        np.testing.assert_allclose(np.bincount(y) / len(y), overall, atol=0.01)
    digits = load_dataset("digits")
    assert np.bincount(digits.y_test, minlength=10).min() >= 34  # ~36 of each digit


def test_params_change_the_data():
    ds = load_dataset("circles", n_points=50, noise=0.0, seed=1)
    assert ds.n_examples == 50
    assert ds.params == {"key": "circles", "n_points": 50, "noise": 0.0, "seed": 1}
    # Noise-free circles: the inner disc (class 1) and the ring (class 0) never overlap.
    raw = ds.preprocessing.inverse_features(ds.x_train)
    radius = np.hypot(raw[:, 0], raw[:, 1])
    assert radius[ds.y_train == 1].max() <= 0.5 + 1e-6
    assert radius[ds.y_train == 0].min() >= 0.7 - 1e-6
    sine = load_dataset("sine", n_series=200, window=7, noise=0.0)
    assert sine.input_shape == (7, 1) and sine.n_examples == 200
    assert load_dataset("trend", steps=12, n_series=100).input_shape == (12, 1)


def test_noise_free_synthetic_labels_follow_their_rule():
    xor = load_dataset("xor", noise=0.0)
    raw = xor.preprocessing.inverse_features(xor.x_train)
    np.testing.assert_array_equal(xor.y_train, (raw[:, 0] * raw[:, 1] < 0).astype(np.int64))
    plane = load_dataset("plane", noise=0.0)
    raw = plane.preprocessing.inverse_features(plane.x_train)
    target = plane.preprocessing.inverse_target(plane.y_train)
    np.testing.assert_allclose(target, raw.sum(axis=1) / 2, atol=1e-4)
    trend = load_dataset("trend", noise=0.0)
    rising = trend.x_train[:, -1, 0] > trend.x_train[:, 0, 0]
    np.testing.assert_array_equal(trend.y_train, rising.astype(np.int64))


def test_reload_from_params_gives_the_same_dataset():
    ds = load_dataset("sine", n_series=300, noise=0.3, window=10, seed=5)
    again = reload_dataset(ds.params)
    np.testing.assert_array_equal(ds.x_val, again.x_val)
    assert again.params == ds.params
    with pytest.raises(DatasetError, match="uploaded CSV"):
        reload_dataset({"key": "csv", "target": "y"})


@pytest.mark.parametrize(
    ("key", "params", "message"),
    [
        (
            "spiral",
            {"n_points": 10},
            "Expected `n_points` between 50 and 5000. Received: n_points=10",
        ),
        ("spiral", {"noise": 1.5}, "Expected `noise` between 0 and 1. Received: noise=1.5"),
        ("spiral", {"seed": -1}, "Expected `seed` between 0 and 2147483647. Received: seed=-1"),
        (
            "spiral",
            {"n_points": 100.5},
            "Expected `n_points` to be a whole number between 50 and 5000. "
            "Received: n_points=100.5",
        ),
        (
            "spiral",
            {"n_points": "500"},
            "Expected `n_points` to be a whole number between 50 and 5000. "
            "Received: n_points='500'",
        ),
        ("sine", {"window": 2}, "Expected `window` between 5 and 100. Received: window=2"),
        (
            "mnist",
            {"max_train": 100},
            "Expected `max_train` between 1000 and 40000. Received: max_train=100",
        ),
        (
            "iris",
            {"n_points": 100},
            "Expected parameters of 'iris' among: split, seed. Received: n_points=100",
        ),
    ],
)
def test_bad_params_get_expected_and_received_message(key, params, message):
    with pytest.raises(DatasetError) as info:
        load_dataset(key, **params)
    assert str(info.value) == message


def test_unknown_key_names_the_choices():
    expected = r"Expected a dataset key among: circles, .*Received: 'cifar'"
    with pytest.raises(DatasetError, match=expected):
        load_dataset("cifar")


def test_whole_floats_are_accepted_for_int_params():
    assert load_dataset("gaussians", n_points=60.0).n_examples == 60


def test_param_definitions_are_validated_on_construction():
    with pytest.raises(ValueError, match="min"):
        DatasetParam("n", "N", "int", default=5, min=10, max=1)
    with pytest.raises(DatasetError, match="between 0 and 1"):
        DatasetParam("p", "P", "float", default=2.0, min=0, max=1)
    with pytest.raises(ValueError, match="choices"):
        DatasetParam("c", "C", "choice", default="a")
    choice = DatasetParam("c", "C", "choice", default="a", choices=("a", "b"))
    with pytest.raises(DatasetError, match="Expected `c` to be one of 'a', 'b'. Received: c='z'"):
        choice.validate("z")


def test_importing_nncore_data_does_not_import_tensorflow():
    code = (
        "import sys, nncore.data, nncore.plots.data_plots\n"
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules\n"
        "nncore.data.load_dataset('digits')\n"
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
