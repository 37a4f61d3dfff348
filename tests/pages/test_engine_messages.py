"""Engine messages in Chinese: the messages the engine really writes (training outcomes,
diagnoses, CSV, model and import errors, preprocessing steps) are keyed Messages, and their
Chinese, worded from the catalogue with the values in place, reads as Chinese."""

from __future__ import annotations

import io
import json
import re
import zipfile

import numpy as np
import pytest

from nncore.data import CsvLimits, dataset_from_csv, inspect_csv, list_datasets, load_dataset
from nncore.errors import NNExplorerError
from nncore.evaluate import diagnose_history
from nncore.models import LayerSpec, ModelSpec, preset_spec
from nncore.messages import Message
from ui.translations import TEXTS

HAN = re.compile(r"[\u4e00-\u9fff]")


# --- the engine's real messages -----------------------------------------------------------------

def _check(english: str) -> str:
    """A real engine text is a keyed Message whose Chinese has Chinese, keeps every number, and
    leaves no English sentence over; its English is the engine's wording."""
    assert isinstance(english, Message), f"not a keyed Message: {english!r}"
    chinese = english.word("zh")
    assert HAN.search(chinese), english
    for number in re.findall(r"\d+", english):
        assert number in chinese, (number, english, chinese)
    # Values (file and column names, details in brackets) may be English; the words around them not.
    words = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”|\([^()]*\)|（[^（）]*）|\[[^\]]*\]", "", chinese)
    assert not re.search(r"[A-Za-z]+(?:[ ,]+[A-Za-z]+){3}", words), (english, chinese)
    return chinese


def _error(call, *args, **kwargs) -> Message:
    with pytest.raises(NNExplorerError) as info:
        call(*args, **kwargs)
    assert str(info.value) == str(info.value.message)  # the error's English is its message's
    return info.value.message


def test_real_training_outcomes_translate():
    from nncore.training import JobState, TrainingConfig, TrainingJob
    from nncore.training.job import divergence_message
    from tests.helpers import make_dataset

    data = make_dataset("tabular", (2,), n=120, seed=1)
    mlp = ModelSpec(layers=(LayerSpec("dense", 8, "tanh"),))

    def run(dataset=data, spec=mlp, **kw):
        options = {k: kw.pop(k) for k in ("abandon_after", "on_finish") if k in kw}
        job = TrainingJob(dataset, spec, TrainingConfig(**kw), **options).start()
        assert job.join(timeout=120)
        return job.snapshot()

    def fail_to_save(run):
        raise OSError("disk full")

    finished = run(epochs=2, batch_size=32, on_finish=fail_to_save)
    assert finished.state == JobState.FINISHED and "not saved" in finished.message
    assert _check(finished.message).startswith(TEXTS["msg.job.finished"][1].format(n=2))
    one = run(epochs=1, batch_size=32)
    assert one.message == "Finished 1 epoch."  # singular
    assert _check(one.message) == TEXTS["msg.job.finished_one"][1].format(n=1)
    early = run(epochs=300, learning_rate=0.05, early_stopping=True, patience=1, batch_size=8)
    assert early.message.startswith("Early stopping")
    _check(early.message)
    exploding = make_dataset("tabular", (3,), task="regression", n=300, scale=100.0)
    diverged = run(exploding, ModelSpec(layers=(LayerSpec("dense", 16, "relu"),)), optimizer="sgd",
                   learning_rate=5.0, epochs=20)
    assert diverged.state == JobState.DIVERGED
    _check(diverged.message)
    abandoned = run(epochs=10_000, batch_size=4, abandon_after=0.3)
    assert "nobody had looked" in abandoned.message
    _check(abandoned.message)
    job = TrainingJob(data, mlp, TrainingConfig(epochs=10_000, batch_size=4)).start()
    while job.snapshot().epoch < 1:
        job.join(timeout=0.05)
    job.stop()
    assert job.join(timeout=60) and job.snapshot().message.startswith("Stopped by you")
    _check(job.snapshot().message)
    config = TrainingConfig(learning_rate=0.5)
    for epoch, step in ((3, 7), (4, 0)):
        _check(divergence_message(epoch, step, config))


def _history(loss, val_loss, metric=None):
    from nncore.training.history import EpochRecord

    metric = metric if metric is not None else [0.95] * len(loss)
    return [EpochRecord(i + 1, float(loss[i]), float(metric[i]), float(val_loss[i]), float(metric[i]), 0.1)
            for i in range(len(loss))]


def test_real_diagnoses_translate():
    epochs = np.arange(40)
    rng = np.random.default_rng(0)
    falling = 0.7 * np.exp(-epochs / 30) + 0.05
    quick = 0.7 * np.exp(-epochs / 3) + 0.05
    flat = 0.69 - 0.001 * epochs
    mean_like = 0.9 * np.exp(-epochs / 5) + 0.7
    cases = [
        diagnose_history(_history([0.7, 0.6, 0.5], [0.7, 0.6, 0.5])),
        diagnose_history(_history([0.7], [0.7])),
        diagnose_history(_history(quick, quick + 0.02 + rng.normal(0, 0.004, 40))),
        diagnose_history(_history(falling, falling + 0.02)),
        diagnose_history(_history(0.7 * np.exp(-epochs / 6) + 0.01, 0.3 + 0.001 * (epochs - 12) ** 2)),
        diagnose_history(_history(0.6 + 0.25 * (-1.0) ** epochs + rng.normal(0, 0.02, 40),
                                  0.65 + 0.25 * (-1.0) ** epochs, np.full(40, 0.7))),
        diagnose_history(_history(flat, flat + 0.005, np.full(40, 0.55)), "classification", 2),
        diagnose_history(_history(mean_like, mean_like + 0.05, mean_like), "regression", 0, baseline_loss=1.0),
        diagnose_history(_history(flat, flat + 0.005, flat), "regression", 0),
    ]
    assert {d.verdict for d in cases} == {"too_short", "healthy", "overfitting", "oscillating", "underfitting"}
    assert any("still falling" in d.message for d in cases)
    for diagnosis in cases:
        _check(diagnosis.title)
        _check(diagnosis.message)


def _bad_file_cases() -> list[bytes]:
    """The bad files tests/data/test_csv_import.py names, read from its parametrize mark."""
    from tests.data import test_csv_import as csv_tests

    mark = next(m for m in csv_tests.test_bad_file_is_named_in_the_message.pytestmark if m.name == "parametrize")
    return [data for data, _ in mark.args[1]]


def test_real_csv_messages_translate():
    from tests.data.test_csv_import import message_for, two_columns

    messages = [_error(inspect_csv, data, "upload.csv") for data in _bad_file_cases()]
    assert len(messages) >= 10
    limits = CsvLimits(max_bytes=2000, max_rows=10, max_columns=3)
    messages += [
        message_for(b"a,b\n" + b"1,2\n" * 600, limits=limits),
        message_for(b"a,b\n" + b"1,2\n" * 11, limits=limits),
        message_for(b"a,b,c,d\n1,2,3,4\n", limits=limits),
        message_for(two_columns(range(30), ["same"] * 30)),
        message_for(two_columns(range(30), [""] * 30)),
        message_for(two_columns(["12", "abc", "3.4"] * 10, [i % 2 for i in range(30)])),
        message_for(two_columns(["12", "abc", "3.4", "5"] * 2 + ["1"] * 22, [i % 2 for i in range(30)])),
        message_for(("y\n" + "".join(f"{i % 2}\n" for i in range(30))).encode()),
        message_for(two_columns([f"person{i}" for i in range(80)], [i % 2 for i in range(80)])),
        message_for(("a,b,y\n" + "".join(f"{'' if i % 2 else i},{i if i % 2 else ''},{i % 2}\n"
                                          for i in range(30))).encode(), missing="drop"),
        message_for(("a,e,y\n" + "".join(f"{i},,{i % 2}\n" for i in range(30))).encode(), features=["a", "e"]),
        message_for(two_columns(range(30), [f"cat{i % 2}" for i in range(30)]), task="regression"),
        message_for(two_columns(range(120), [i % 60 for i in range(120)]), task="classification"),
        message_for(two_columns(range(30), [3] * 30), task="regression"),
        message_for(two_columns(range(30), [i % 2 if i else 7 for i in range(30)])),
        message_for(two_columns([1, 3], [2, 4]), task="regression"),
        message_for(two_columns(range(30), [i % 2 for i in range(30)]), target="nope"),
    ]
    for message in messages:
        _check(message)


def test_real_model_messages_translate():
    from nncore.models.compatibility import check_compatible
    from nncore.models.objective import objective_for
    from nncore.models.spec import MAX_LAYERS

    dense, conv, pool, lstm = (LayerSpec("dense", 4), LayerSpec("conv2d", 4), LayerSpec("maxpool2d", 4, pool_size=8),
                               LayerSpec("lstm", 4))
    cases = [
        (ModelSpec(layers=(conv,)), "tabular", (2,)),
        (ModelSpec(layers=(dense, conv)), "image", (8, 8, 1)),
        (ModelSpec(layers=(pool, pool)), "image", (8, 8, 1)),
        (ModelSpec(layers=(lstm,)), "tabular", (2,)),
        (ModelSpec(layers=(lstm,)), "image", (8, 8, 1)),
        (ModelSpec(layers=(dense, lstm)), "sequence", (8, 3)),
    ]
    messages = [_error(check_compatible, spec, kind, shape) for spec, kind, shape in cases]
    messages.append(_error(preset_spec, "lenet_cnn", load_dataset("iris")))
    messages.append(_error(preset_spec, "lstm", load_dataset("iris")))
    messages.append(_error(ModelSpec, layers=(dense,) * (MAX_LAYERS + 1)))
    messages.append(_error(objective_for, "regression", 0, loss="hinge"))
    messages.append(_error(objective_for, "regression", 0, output_activation="softmax"))
    messages.append(_error(objective_for, "classification", 3, output_activation="sigmoid"))
    messages.append(_error(objective_for, "classification", 2, output_activation="linear", loss="crossentropy"))
    for message in messages:
        _check(message)


def _zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_real_model_import_refusals_translate(tmp_path):
    import keras

    from nncore.runs.model_import import HDF5_MAGIC, check_fit, check_model_file
    from nncore.runs.store import RunStore

    lambda_config = {"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", "config": {"name": "lam"}}]}}
    custom_config = {"class_name": "Sequential", "config": {"layers": [{"class_name": "Mine", "module": "evil"}]}}
    weights = {"model.weights.h5": b"x"}
    files = [
        (b"", "empty.keras"),
        (HDF5_MAGIC + b"rest", "old.h5"),
        (b"PK\x03\x04", "model.txt"),
        (b"PK\x03\x04", "model"),
        (b"just some text\n", "notes.keras"),
        (b"\x00\x01\x02\x03" * 10, "binary.keras"),
        (b"PK\x03\x04" + b"\x00" * 40, "cut.keras"),
        (_zipped({"readme.txt": b"hi"}), "other.keras"),
        (_zipped({"config.json": b"[1, 2]", **weights}), "list.keras"),
        (_zipped({"config.json": json.dumps(lambda_config).encode(), **weights}), "lambda.keras"),
        (_zipped({"config.json": json.dumps(custom_config).encode(), **weights}), "custom.keras"),
    ]
    messages = [_error(check_model_file, data, name) for data, name in files]
    messages.append(_error(check_model_file, b"PK\x03\x04" + b"\x00" * 2000, "big.keras", max_bytes=1000))
    iris, diabetes = load_dataset("iris"), load_dataset("diabetes")
    image_model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(3)])
    messages.append(_error(check_fit, image_model, iris))
    for outputs in (10, 1):
        messages.append(_error(check_fit, keras.Sequential([keras.Input((4,)), keras.layers.Dense(outputs)]), iris))
    messages.append(_error(check_fit, keras.Sequential([keras.Input((10,)), keras.layers.Dense(3)]), diabetes))
    store = RunStore(tmp_path / "runs")
    messages.append(_error(store.get, "nope"))
    messages.append(_error(store.rename, "nope", "x"))
    for message in messages:
        _check(message)


def test_real_preprocessing_steps_translate():
    from tests.data.test_csv_import import people_csv

    steps = []
    for info in list_datasets():
        if not info.needs_network:  # MNIST's steps are checked by the templates alone
            steps += load_dataset(info.key, **({"examples": 1000} if info.key == "digits28" else {})).preprocessing.steps
    people = inspect_csv(people_csv(), "people.csv")
    for missing in ("drop", "impute"):
        steps += dataset_from_csv(people, "label", missing=missing).preprocessing.steps
    empty_column = ("a,e,y\n" + "".join(f"{i * 7 % 30},,{i % 2 if i else ''}\n" for i in range(30))).encode()
    steps += dataset_from_csv(inspect_csv(empty_column, "e.csv"), "y").preprocessing.steps
    assert len(set(steps)) >= 20
    for step in set(steps):
        _check(step)


def test_real_unit_warnings_translate():
    from types import SimpleNamespace

    from nncore.inspect.unit_stats import LayerUnitStats

    empty = np.zeros(0)
    for activation, dead, saturated in (("relu", [True, True, False], [False] * 3), ("tanh", [False] * 3, [True] * 3)):
        stats = LayerUnitStats(SimpleNamespace(name="dense_1", activation=activation), 200, np.zeros(3),
                               np.array(dead), np.array(saturated), empty, empty)
        assert stats.warning is not None
        _check(stats.warning)


def test_real_setting_errors_translate():
    from nncore.data.info import DatasetParam
    from nncore.training import TrainingConfig

    bad = [{"optimizer": "lbfgs"}, {"learning_rate": 0}, {"momentum": 1.5}, {"batch_size": 0}, {"epochs": 0},
           {"patience": 0}, {"seed": -1}]
    messages = [_error(TrainingConfig, **setting) for setting in bad]
    messages += [_error(load_dataset, "circles", noise=5), _error(load_dataset, "circles", noise="loud"),
                 _error(load_dataset, "circles", n_points="many")]
    messages.append(_error(DatasetParam("shape", "Shape", "choice", "ring", choices=("ring", "disc")).validate, "cube"))
    for message in messages:
        _check(message)


def test_dataset_titles_and_descriptions_are_found_by_the_dataset_key():
    """Every built-in dataset's words are catalogue entries under its key, in both languages;
    the page finds them by the key (ui/dataset_names.py), never by matching the English."""
    for info in list_datasets():
        for part in ("title", "description"):
            english, chinese = TEXTS[f"data.dataset.{info.key}.{part}"]
            assert english and HAN.search(chinese), (info.key, part)


def test_an_uploaded_files_name_is_shown_as_typed_and_escaped(monkeypatch):
    from types import SimpleNamespace

    import ui.dataset_names as names
    from ui.safe_text import markdown_text

    monkeypatch.setattr(names, "t", lambda key, **values: TEXTS[key][1])  # the session speaks Chinese
    upload = SimpleNamespace(key="csv", title="[iris](https://evil.example).csv", description="")
    assert names.dataset_title(upload) == markdown_text(upload.title) and r"\[iris\]\(" in names.dataset_title(upload)
    assert names.dataset_title(upload, escaped=False) == upload.title
    built_in = SimpleNamespace(key="iris", title="anything the engine calls it", description="")
    assert names.dataset_title(built_in) == TEXTS["data.dataset.iris.title"][1]
