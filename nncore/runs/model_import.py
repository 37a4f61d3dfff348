"""Bring in a `.keras` model trained elsewhere, safely, and check that it fits a dataset.

The file is untrusted. Before Keras sees it, `check_model_file` checks the size, the format
(a `.keras` file is a zip holding config.json and model.weights.h5; legacy `.h5` files are
refused because they cannot be loaded safely), the archive's integrity, and the architecture
in config.json: Lambda layers (which carry Python code) and classes from outside Keras are
refused there, so their code is never even handed to Keras. Keras then loads it with
`safe_mode=True` as a second line of defence, and only Keras 3.15 or later is used (earlier
releases had safe-mode bypasses). Every problem becomes a ModelImportError saying what is wrong.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message

MAX_MODEL_MB = 200
MAX_MODEL_BYTES = MAX_MODEL_MB * 1024 * 1024
# What unpacking may grow to: weights compress little, so more means a zip bomb.
MAX_UNPACKED_BYTES = 4 * MAX_MODEL_BYTES
MAX_CONFIG_BYTES = 16 * 1024 * 1024
MIN_KERAS_VERSION = (3, 15)
REQUIRED_MEMBERS = ("config.json", "model.weights.h5")
ZIP_MAGIC = b"PK\x03\x04"
HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"
# Serialised Python functions ("__lambda__") and Lambda layers hold code.
CODE_CLASSES = ("Lambda", "__lambda__")


class ModelImportError(NNExplorerError):
    """An uploaded model file was refused or does not fit the chosen dataset."""



# --- the Keras version ---------------------------------------------------------------------------

def parse_version(text: str) -> tuple[int, ...]:
    """ "3.15.1" -> (3, 15, 1); "3.16.0rc1" -> (3, 16, 0); stops at the first non-number part."""
    numbers = []
    for part in str(text).split("."):
        match = re.match(r"\d+", part)
        if match is None:
            break
        numbers.append(int(match.group()))
        if match.group() != part:
            break
    return tuple(numbers)


def check_keras_version(version: str | None = None) -> None:
    """Refuse to load uploaded models with a Keras older than 3.15. `version` defaults to the installed one."""
    if version is None:
        from nncore.backend import load_keras

        load_keras()
        import keras

        version = keras.__version__
    if parse_version(version)[:2] < MIN_KERAS_VERSION:
        wanted = ".".join(str(n) for n in MIN_KERAS_VERSION)
        raise ModelImportError(Message("msg.import.keras_version", wanted=wanted, version=version))


# --- the file ------------------------------------------------------------------------------------

def _size_text(n_bytes: int) -> Message | str:
    return f"{n_bytes / 1024 / 1024:.1f} MB" if n_bytes >= 1024 * 1024 else Message("msg.frag.bytes", n=f"{n_bytes:,}")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start > len(sample) - 4  # a multi-byte character cut at the sample's end
    return True


def check_model_file(data: bytes, filename: str, max_bytes: int = MAX_MODEL_BYTES) -> dict[str, Any]:
    """Check an uploaded file before Keras reads it; return its parsed config.json.

    Raises ModelImportError naming the problem: too big, empty, an `.h5` file, another kind of
    file (text renamed to .keras), a damaged or cut-off archive, parts missing, code inside.
    """
    name = os.path.basename(str(filename)) or "the file"
    lower = name.lower()
    if len(data) > max_bytes:
        raise ModelImportError(Message("msg.import.too_big", most=_size_text(max_bytes), name=name, size=_size_text(len(data))))
    if not data:
        raise ModelImportError(Message("msg.import.empty", name=name))
    if lower.endswith((".h5", ".hdf5")) or data.startswith(HDF5_MAGIC):
        raise ModelImportError(Message("msg.import.hdf5", name=name))
    if not lower.endswith(".keras"):
        suffix = os.path.splitext(lower)[1] or Message("msg.frag.no_extension")
        raise ModelImportError(Message("msg.import.suffix", name=name, suffix=suffix))
    if not data.startswith(ZIP_MAGIC):
        kind = Message("msg.frag.renamed_text" if _looks_like_text(data) else "msg.frag.not_zip")
        raise ModelImportError(Message("msg.import.not_zip", name=name, kind=kind))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = {info.filename: info for info in archive.infolist()}
        missing = [member for member in REQUIRED_MEMBERS if member not in members]
        if missing:
            raise ModelImportError(Message(
                "msg.import.members", members=Message("msg.frag.members"), name=name,
                held=str(sorted(members)) if members else Message("msg.frag.nothing"),
            ))
        unpacked = sum(info.file_size for info in members.values())
        if unpacked > MAX_UNPACKED_BYTES or members["config.json"].file_size > MAX_CONFIG_BYTES:
            raise ModelImportError(
                Message("msg.import.unpacked", most=_size_text(MAX_UNPACKED_BYTES), name=name, size=_size_text(unpacked))
            )
        bad = archive.testzip()  # reads every member and checks its CRC
        if bad is not None:
            raise ModelImportError(Message("msg.import.damaged", name=name, detail=Message("msg.frag.checksum", part=bad)))
        config = json.loads(archive.read("config.json").decode("utf-8"))
    except ModelImportError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise ModelImportError(Message("msg.import.damaged", name=name, detail=f"{type(error).__name__}: {error}")) from None
    if not isinstance(config, dict):
        raise ModelImportError(Message("msg.import.config", kind=type(config).__name__))
    refuse_code(config, name)
    return config


def _walk(node: Any, path: str = ""):
    """Every dict in a JSON tree, with where it sits."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key != "compile_config":  # never read: models are loaded with compile=False
                yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


def refuse_code(config: dict[str, Any], name: str = "the file") -> None:
    """Raise ModelImportError if the architecture holds code (Lambda layers, serialised
    functions) or classes from outside Keras (whose module Keras would have to import)."""
    for _, node in _walk(config):
        class_name = node.get("class_name")
        if class_name in CODE_CLASSES:
            layer = node.get("config", {}).get("name", "") if isinstance(node.get("config"), dict) else ""
            what = (
                (Message("msg.frag.lambda_named", layer=repr(layer)) if layer else Message("msg.frag.lambda"))
                if class_name == "Lambda" else Message("msg.frag.function")
            )
            raise ModelImportError(Message("msg.import.code", name=name, what=what))
        module = node.get("module")
        if isinstance(module, str) and class_name is not None and not (module == "keras" or module.startswith("keras.")):
            raise ModelImportError(Message("msg.import.custom", name=name, cls=f"{module}.{class_name}"))


def load_model_file(data: bytes, filename: str, max_bytes: int = MAX_MODEL_BYTES) -> Any:
    """Check the file (see `check_model_file`) and load it with Keras in safe mode."""
    check_model_file(data, filename, max_bytes)
    check_keras_version()
    name = os.path.basename(str(filename))
    with tempfile.TemporaryDirectory(prefix="nnexplorer-import-") as folder:
        path = os.path.join(folder, "model.keras")  # our name, never the uploaded one
        with open(path, "wb") as handle:
            handle.write(data)
        return load_keras_safely(path, name)


def load_keras_safely(path: str, name: str = "the file") -> Any:
    """`keras.saving.load_model` in safe mode, uncompiled; any failure becomes a ModelImportError."""
    from nncore.backend import load_keras

    load_keras()
    import keras

    try:
        return keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as error:
        text = " ".join(str(error).split())[:400]
        raise ModelImportError(Message("msg.import.failed", name=name, error=f"{type(error).__name__}: {text}")) from None


# --- fitting a dataset ---------------------------------------------------------------------------

def shape_text(shape: tuple[Any, ...]) -> str:
    """(28, 28, 1) -> "(28, 28, 1)"; (4,) -> "(4,)"; unknown sizes read "any"."""
    parts = ["any" if size is None else str(int(size)) for size in shape]
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


@dataclass(frozen=True)
class ModelFit:
    """How an imported model is used on a dataset: its objective, and what was added to its output."""

    objective: Any
    added_activation: str | None  # "softmax"/"sigmoid" when the model gives raw scores (logits)
    output_activation: str  # the model's own last activation, as far as it can be read


def _last_activation(model: Any) -> str:
    try:
        activation = model.layers[-1].get_config().get("activation", "linear")
    except Exception:  # a layer without a config: treat its outputs as raw scores
        return "unknown"
    if isinstance(activation, dict):
        activation = activation.get("config", {}).get("name") or activation.get("class_name", "unknown")
    return str(activation or "linear")


def check_fit(model: Any, dataset: Any) -> ModelFit:
    """Check the model's input and output shapes against the dataset; pick its objective.

    Raises ModelImportError saying exactly what does not fit.
    """
    from nncore.models.objective import Objective

    title = dataset.title
    if len(model.inputs) != 1 or len(model.outputs) != 1:
        raise ModelImportError(Message("msg.import.in_out", inputs=len(model.inputs), outputs=len(model.outputs)))
    expected = tuple(model.inputs[0].shape[1:])
    have = dataset.input_shape
    if len(expected) != len(have) or any(e is not None and int(e) != h for e, h in zip(expected, have)):
        raise ModelImportError(
            Message("msg.import.input_shape", expected=shape_text(expected), title=title, have=shape_text(have))
        )
    out_shape = tuple(model.outputs[0].shape[1:])
    if len(out_shape) > 1 or (out_shape and out_shape[0] is None):
        raise ModelImportError(Message("msg.import.output_shape", shape=shape_text(out_shape)))
    units = int(out_shape[0]) if out_shape else 1
    activation = _last_activation(model)
    if dataset.task == "regression":
        if units != 1:
            raise ModelImportError(
                Message("msg.import.regression_outputs", units=units, title=title, target=dataset.target_name)
            )
        return ModelFit(Objective("regression", 0, 1, "linear", "mse"), None, activation)
    n = dataset.n_classes
    allowed = (1, 2) if n == 2 else (n,)
    if units not in allowed:
        needs = Message("msg.frag.needs_binary") if n == 2 else Message("msg.frag.needs_classes", n=n)
        raise ModelImportError(Message.plural("msg.import.class_outputs", "units", units=units, title=title, n=n, needs=needs))
    wanted = "sigmoid" if units == 1 else "softmax"
    added = None if activation == wanted else wanted
    return ModelFit(Objective("classification", n, units, wanted, "crossentropy"), added, activation)


def _with_activation(model: Any, activation: str) -> Any:
    """The model with an activation appended, in one flat graph (so every layer stays visible)."""
    import keras

    outputs = keras.layers.Activation(activation, name=f"added_{activation}")(model.outputs[0])
    return keras.Model(model.inputs, outputs, name=model.name)


def imported_run(model: Any, dataset: Any, filename: str) -> Any:
    """Check the model fits the dataset and wrap it as a TrainedRun with no history, scored on the test split."""
    from nncore.backend import compiled_predict
    from nncore.evaluate.baselines import fit_baselines
    from nncore.training.job import JobState, TrainedRun, target_units

    fit = check_fit(model, dataset)
    notes = []
    if fit.added_activation is not None:
        model = _with_activation(model, fit.added_activation)
        notes.append(
            f"Its last layer gives raw scores (activation '{fit.output_activation}'), so a {fit.added_activation} "
            "was added to read them as probabilities."
        )
    test_loss, test_metric = _score(compiled_predict(model), fit.objective, dataset.x_test, dataset.y_test)
    error_factor, loss_factor = target_units(dataset)  # regression errors in the target's units
    test_loss, test_metric = test_loss * loss_factor, test_metric * error_factor
    name = os.path.basename(str(filename))
    message = f"Imported from '{name}' (not trained in the app, so there is no training history)." + (
        " " + " ".join(notes) if notes else ""
    )
    return TrainedRun(
        model=model,
        dataset=dataset,
        spec=None,
        config=None,
        objective=fit.objective,
        history=(),
        state=JobState.FINISHED,
        message=message,
        test_loss=test_loss,
        test_metric=test_metric,
        seconds=0.0,
        extra={"imported": True, "name": os.path.splitext(name)[0] or "imported model", "source_file": name},
        baselines=fit_baselines(dataset),
    )


def _score(predict: Any, objective: Any, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Mean loss and metric over a split (NaN for an empty one)."""
    from keras import ops

    if len(x) == 0:
        return math.nan, math.nan
    outputs = ops.convert_to_tensor(predict(x))
    loss = ops.convert_to_numpy(objective.per_example_loss(y, outputs))
    metric = ops.convert_to_numpy(objective.per_example_metric(y, outputs))
    return float(np.mean(loss)), float(np.mean(metric))


def import_model(data: bytes, filename: str, dataset: Any, max_bytes: int = MAX_MODEL_BYTES) -> Any:
    """Safely load an uploaded `.keras` file and make it a TrainedRun on `dataset` (see `imported_run`)."""
    model = load_model_file(data, filename, max_bytes)
    return imported_run(model, dataset, filename)
