"""Importing a `.keras` model: a good one loads and scores; bad, unsafe or unfitting files get their message."""

from __future__ import annotations

import io
import os
import zipfile

import numpy as np
import pytest

from nncore.data import load_dataset
from nncore.runs.model_import import (
    ModelImportError,
    check_keras_version,
    import_model,
    load_keras_safely,
    parse_version,
    shape_text,
)


def _keras():
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    return keras


def _bytes(model, tmp_path, name="model.keras") -> bytes:
    path = tmp_path / name
    model.save(path)
    return path.read_bytes()


def _mlp(inputs: int, outputs: int, activation: str | None = "softmax"):
    keras = _keras()
    return keras.Sequential([
        keras.Input((inputs,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(outputs, activation=activation),
    ])


@pytest.fixture(scope="module")
def iris():
    return load_dataset("iris")


def test_a_good_model_loads_and_is_scored_on_the_test_split(tmp_path, iris_run, iris):
    data = _bytes(iris_run.model, tmp_path)
    run = import_model(data, "my model.keras", iris)
    assert run.history == () and run.spec is None and run.usable
    assert run.extra["imported"] and run.extra["name"] == "my model"
    assert run.objective.output_units == 3 and run.objective.output_activation == "softmax"
    from nncore.backend import compiled_predict

    expected = compiled_predict(iris_run.model)(iris.x_test)
    np.testing.assert_allclose(compiled_predict(run.model)(iris.x_test), expected, rtol=0, atol=0)
    accuracy = float(np.mean(expected.argmax(axis=1) == iris.y_test))
    assert run.test_metric == pytest.approx(accuracy)
    assert run.test_metric == pytest.approx(iris_run.test_metric)
    assert run.test_loss == pytest.approx(iris_run.test_loss, rel=1e-5)

    from nncore.evaluate import predict_split

    preds = predict_split(run, "test")  # what the Evaluate page does with it
    assert preds.n == len(iris.x_test) and preds.probabilities.shape == (len(iris.x_test), 3)


def test_a_model_giving_raw_scores_gets_a_softmax(tmp_path, iris):
    model = _mlp(4, 3, activation=None)
    run = import_model(_bytes(model, tmp_path), "logits.keras", iris)
    assert "a softmax was added" in run.message
    from nncore.backend import compiled_predict

    probabilities = compiled_predict(run.model)(iris.x_test[:5])
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)
    logits = compiled_predict(model)(iris.x_test[:5])
    np.testing.assert_array_equal(probabilities.argmax(axis=1), logits.argmax(axis=1))


def test_a_lambda_layer_is_refused_and_its_code_never_runs(tmp_path, iris):
    keras = _keras()
    marker = tmp_path / "lambda-ran.txt"

    def leave_a_mark(x, marker=str(marker)):
        with open(marker, "w") as handle:
            handle.write("the code in the model file ran")
        return x

    model = keras.Sequential([keras.Input((4,)), keras.layers.Lambda(leave_a_mark), keras.layers.Dense(3, activation="softmax")])
    marker.unlink()  # building the model called the function once; start clean
    data = _bytes(model, tmp_path, "sneaky.keras")
    with pytest.raises(ModelImportError, match=r"contains a Lambda layer \('lambda'\), which holds Python code"):
        import_model(data, "sneaky.keras", iris)
    assert not marker.exists()
    # Keras's own safe mode refuses it too (the second line of defence, here reached directly).
    with pytest.raises(ModelImportError, match="failed to load"):
        load_keras_safely(str(tmp_path / "sneaky.keras"), "sneaky.keras")
    assert not marker.exists()


def test_a_custom_class_from_outside_keras_is_refused(tmp_path, iris):
    data = _bytes(_mlp(4, 3), tmp_path)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "config.json":
                content = content.replace(b'"module": "keras.layers", "class_name": "Dense"', b'"module": "os", "class_name": "Dense"', 1)
                assert b'"module": "os"' in content
            target.writestr(item.filename, content)
    with pytest.raises(ModelImportError, match=r"uses os\.Dense, a custom class this app does not have"):
        import_model(out.getvalue(), "custom.keras", iris)


def test_a_truncated_file_gets_its_message(tmp_path, iris):
    data = _bytes(_mlp(4, 3), tmp_path)
    with pytest.raises(ModelImportError, match="'cut.keras' is damaged or incomplete"):
        import_model(data[: len(data) // 2], "cut.keras", iris)


def test_a_corrupted_part_gets_its_message(tmp_path, iris):
    data = bytearray(_bytes(_mlp(4, 3), tmp_path))
    source = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = source.getinfo("model.weights.h5")
    offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    data[offset] ^= 0xFF
    with pytest.raises(ModelImportError, match="damaged or incomplete"):
        import_model(bytes(data), "flipped.keras", iris)


def test_a_renamed_text_file_gets_its_message(iris):
    with pytest.raises(ModelImportError, match="'notes.keras' is a text file renamed to .keras"):
        import_model(b"just some notes\nnot a model\n", "notes.keras", iris)


def test_an_h5_file_gets_its_message(tmp_path, iris):
    model = _mlp(4, 3)
    model.save(tmp_path / "old.h5")
    data = (tmp_path / "old.h5").read_bytes()
    with pytest.raises(ModelImportError, match=r"'old\.h5', a legacy HDF5 \(\.h5\) model"):
        import_model(data, "old.h5", iris)
    with pytest.raises(ModelImportError, match="a legacy HDF5"):  # the same file renamed
        import_model(data, "renamed.keras", iris)


def test_an_oversized_file_gets_its_message(iris):
    with pytest.raises(ModelImportError, match=r"at most 1,000 bytes\. Received: 'big.keras' of 1,001 bytes"):
        import_model(b"PK\x03\x04" + b"\x00" * 997, "big.keras", iris, max_bytes=1000)


def test_other_files_and_an_empty_file_get_their_message(iris):
    with pytest.raises(ModelImportError, match=r"Expected a '\.keras' file .* Received: 'model\.pb' \(\.pb\)"):
        import_model(b"PK\x03\x04", "model.pb", iris)
    with pytest.raises(ModelImportError, match="is empty"):
        import_model(b"", "empty.keras", iris)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ModelImportError, match=r"holding config\.json and model\.weights\.h5\. Received: 'other\.keras' holds \['readme\.txt'\]"):
        import_model(zipped.getvalue(), "other.keras", iris)


def test_an_input_shape_that_does_not_fit_says_what_each_side_has(tmp_path, iris):
    keras = _keras()
    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(3, activation="softmax")])
    with pytest.raises(ModelImportError) as error:
        import_model(_bytes(model, tmp_path), "cnn.keras", iris)
    assert str(error.value) == "The model expects inputs of shape (28, 28, 1); the dataset 'Iris flowers' has (4,). Pick the dataset the model was made for."


def test_an_output_size_that_does_not_fit_says_what_is_needed(tmp_path, iris):
    with pytest.raises(ModelImportError) as error:
        import_model(_bytes(_mlp(4, 10), tmp_path), "ten.keras", iris)
    assert str(error.value) == "The model gives 10 outputs per example; the dataset 'Iris flowers' has 3 classes, so it needs 3 (one per class). Pick the dataset the model was made for."
    diabetes = load_dataset("diabetes")
    with pytest.raises(ModelImportError, match=r"The model gives 3 outputs per example; the dataset '.*' predicts one number .*so it needs 1\."):
        import_model(_bytes(_mlp(diabetes.input_shape[0], 3), tmp_path), "three.keras", diabetes)


def test_keras_older_than_3_15_is_refused():
    assert parse_version("3.15.1") == (3, 15, 1) and parse_version("3.16.0rc1") == (3, 16, 0)
    check_keras_version("3.15.0")
    check_keras_version("4.0")
    with pytest.raises(ModelImportError, match=r"Expected Keras 3\.15 or later .* Received: Keras 3\.8\.0"):
        check_keras_version("3.8.0")


def test_shape_text():
    assert shape_text((4,)) == "(4,)" and shape_text((28, 28, 1)) == "(28, 28, 1)" and shape_text((None, 3)) == "(any, 3)"


def test_the_uploaded_name_never_becomes_a_path(tmp_path, iris, monkeypatch):
    data = _bytes(_mlp(4, 3), tmp_path)
    monkeypatch.chdir(tmp_path)
    run = import_model(data, "../../etc/evil.keras", iris)
    assert run.extra["source_file"] == "evil.keras"
    assert not os.path.exists(tmp_path.parent.parent / "etc" / "evil.keras")
