"""The exported script reproduces the app's training when run on its own, in a subprocess."""

from __future__ import annotations

import ast
import math
import os
import re
import subprocess
import sys

import numpy as np
import pytest

from nncore.exchange.code_export import training_script
from nncore.training import TrainingConfig

from tests.exchange.runs import iris_mlp, train_run


def run_script(source: str, tmp_path) -> dict[str, float]:
    """Run the script with a plain environment (no nncore on the path); its printed results."""
    path = tmp_path / "train_again.py"
    path.write_text(source, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH",)}
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    done = subprocess.run(
        [sys.executable, str(path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = dict(re.findall(r"^(final validation loss|test loss|final validation \w+|test \w+): (\S+)$", done.stdout, re.M))
    assert "final validation loss" in found, done.stdout[-2000:]
    return {name: float(value) for name, value in found.items()}


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add((node.module or "").split(".")[0])
    return names


def test_script_is_standalone_python():
    source = training_script(iris_mlp())
    assert imported_modules(source) <= {"base64", "hashlib", "io", "math", "os", "keras", "numpy", "tensorflow", "sklearn"}
    assert "nncore" not in source
    assert 'name="dense_1"' in source and "keras.optimizers.Adam(learning_rate=0.01)" in source
    assert "SEED = 5" in source and "BATCH_SIZE = 16" in source and "EPOCHS = 12" in source


def _script_data(source: str):
    """Run only the script's data section (no Keras needed) and return its six arrays."""
    import base64
    import hashlib
    import io

    data_part = source[source.index("# --- 1. Data") : source.index("# --- 2. Model")]
    namespace = {"np": np, "base64": base64, "hashlib": hashlib, "io": io}
    exec(compile(data_part, "data_section.py", "exec"), namespace)
    return namespace["load_data"](), namespace


@pytest.mark.parametrize(
    "key, params",
    [
        ("circles", {"n_points": 100, "noise": 0.3, "seed": 4}),
        ("xor", {"n_points": 100, "seed": 1}),
        ("gaussians", {"n_points": 100}),
        ("spiral", {"n_points": 150, "noise": 0.0}),
        ("moons", {"n_points": 100, "seed": 9}),
        ("plane", {"n_points": 100, "noise": 0.5}),
        ("gaussian_mix", {"n_points": 100, "seed": 2}),
        ("iris", {"seed": 1}),
        ("wine", {}),
        ("breast_cancer", {"seed": 2}),
        ("diabetes", {"seed": 3}),
        ("digits", {}),
        ("digit_rows", {"seed": 4}),
        ("digits28", {"examples": 1000, "seed": 5}),
        ("sine", {"n_series": 120, "seed": 6}),
        ("trend", {"n_series": 120, "seed": 7}),
    ],
)
def test_script_data_equals_the_apps_data_exactly(key, params):
    from nncore.data import load_dataset
    from nncore.exchange.code_export import data_fingerprint, data_section

    dataset = load_dataset(key, **params)
    section = "# --- 1. Data\n" + data_section(dataset) + "# --- 2. Model\n"
    arrays, namespace = _script_data(section)
    names = ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test")
    for name, got in zip(names, arrays):
        want = getattr(dataset, name)
        assert got.dtype == want.dtype and got.shape == want.shape, name
        np.testing.assert_array_equal(got, want, err_msg=name)
    assert namespace["fingerprint"](list(arrays)) == data_fingerprint([getattr(dataset, n) for n in names])
    assert "EMBEDDED_DATA" not in section  # the app makes this data, so the script rebuilds it


@pytest.mark.parametrize("key", ["breast_cancer", "digits"])
def test_exported_script_rebuilds_the_data_without_a_blob(key):
    """The whole exported script, not just its data part: no base64 payload, and its data
    section makes arrays whose fingerprint is the one the app recorded in the script."""
    from nncore.data import load_dataset
    from nncore.exchange.code_export import data_fingerprint
    from nncore.models import preset_spec

    dataset = load_dataset(key, seed=1)
    run = train_run(dataset, preset_spec("small_mlp", dataset), TrainingConfig(epochs=1, batch_size=64, seed=0))
    source = training_script(run)
    assert "EMBEDDED_DATA" not in source and "b64decode" not in source and "import base64" not in source
    assert max(len(line) for line in source.splitlines()) < 200  # no long encoded lines either
    arrays, namespace = _script_data(source)
    recorded = re.search(r"^APP_DATA_FINGERPRINT = '([0-9a-f]{64})'$", source, re.M).group(1)
    assert namespace["fingerprint"](list(arrays)) == recorded == data_fingerprint(
        [run.dataset.x_train, run.dataset.y_train, run.dataset.x_val, run.dataset.y_val, run.dataset.x_test, run.dataset.y_test]
    )


def test_the_template_is_python_and_every_placeholder_is_filled():
    """The template parses as it is (linters read it) and after filling each placeholder with a
    dummy value; a rendered script has no placeholder left."""
    from nncore.exchange.script_template import TEMPLATE_PATH, placeholders, render

    ast.parse(TEMPLATE_PATH.read_text(encoding="utf-8"))
    names = placeholders()
    assert {"SEED", "EPOCHS", "DATA_SECTION", "MODEL_SECTION", "LOSS_SECTION", "IMPORTS"} <= names
    sections = {"DATA_SECTION": "def load_data():\n    return ()", "MODEL_SECTION": "def build_model():\n    return None",
                "LOSS_SECTION": "def per_example_loss(y_true, y_pred):\n    return y_pred", "IMPORTS": "import os"}
    dummy = {name: sections.get(name, "0") for name in names}
    compile(render(dummy), "dummy.py", "exec")
    with pytest.raises(ValueError, match="placeholder"):
        render({**dummy, "NOT_IN_THE_TEMPLATE": "1"})
    source = training_script(iris_mlp())
    assert not re.search(r"__[A-Z][A-Z0-9_]*__", source)


def test_cnn_and_lstm_scripts_run_and_train(tmp_path):
    from nncore.data import load_dataset
    from nncore.models import preset_spec

    for key, preset, params in (("digits", "lenet_cnn", {}), ("sine", "lstm", {"n_series": 100})):
        dataset = load_dataset(key, **params)
        run = train_run(dataset, preset_spec(preset, dataset), TrainingConfig(epochs=1, batch_size=64, seed=0))
        source = training_script(run)
        assert ("Conv2D" in source) == (preset == "lenet_cnn") and ("LSTM" in source) == (preset == "lstm")
        out = tmp_path / key
        out.mkdir()
        results = run_script(source, out)
        assert math.isfinite(results["final validation loss"])
        # Same compiled structure, same data and seeds: these match as well on one machine.
        assert results["final validation loss"] == pytest.approx(run.history[-1].val_loss, abs=1e-5)


def test_csv_upload_run_exports_a_script_that_runs(tmp_path):
    import pandas as pd

    from nncore.data import dataset_from_csv

    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "=cmd|'/C calc'!A0": rng.normal(size=80),
            "colour": rng.choice(["red", "green", "blue"], size=80),
            '"""; import os  #': rng.normal(size=80),
        }
    )
    frame["label"] = np.where(frame.iloc[:, 0] + frame.iloc[:, 2] > 0, "yes", "no")
    dataset = dataset_from_csv(frame, "label", name='people"""\\.csv')
    from nncore.models import preset_spec

    run = train_run(dataset, preset_spec("small_mlp", dataset), TrainingConfig(epochs=3, batch_size=8, seed=1))
    source = training_script(run)
    compile(source, "exported.py", "exec")  # hostile names cannot break out of strings or comments
    assert "an uploaded CSV file" in source
    results = run_script(source, tmp_path)
    assert abs(results["final validation loss"] - run.history[-1].val_loss) <= 1e-6


def test_a_run_without_training_settings_is_refused():
    from dataclasses import replace

    with pytest.raises(ValueError, match="Expected a run trained in the app"):
        training_script(replace(iris_mlp(), config=None))


def test_stopped_and_continued_runs_say_what_the_script_trains():
    from nncore.training import JobState
    from nncore.training.history import EpochRecord

    run = iris_mlp()  # 12 epochs planned
    stopped = replace_run(run, state=JobState.STOPPED, history=run.history[:5])
    source = training_script(stopped)
    assert "EPOCHS = 5  # the app's run was stopped after 5 of 12 epochs" in source
    assert re.search(r"APP_NOTE = .Note: the app's run was stopped after 5 of 12 epochs", source)
    extra = tuple(EpochRecord(e, 0.1, 0.9, 0.2, 0.8, 1.0) for e in range(13, 16))
    continued = replace_run(run, history=run.history + extra)
    source = training_script(continued)
    assert "EPOCHS = 15  # the app trained these 15 epochs in several steps" in source
    compile(source, "continued.py", "exec")
    assert "APP_NOTE = ''" in training_script(run)


def replace_run(run, **changes):
    from dataclasses import replace

    return replace(run, **changes)
