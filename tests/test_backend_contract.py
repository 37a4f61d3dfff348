"""The backend door has a contract: `nncore.backend.Backend` names every function the door
forwards, and both implementations (TensorFlow and JAX) provide each with its signature.

Importing `backend_tf` and `backend_jax` imports no framework (they import one when a
function runs), so both are checked in this process whichever backend it runs on.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from nncore import backend, backend_jax, backend_tf
from nncore.backend import Backend, Trainer

IMPLEMENTATIONS = {"tensorflow": backend_tf, "jax": backend_jax}
NNCORE = Path(backend.__file__).resolve().parent


def _without_self(signature: inspect.Signature) -> inspect.Signature:
    parameters = list(signature.parameters.values())
    return signature.replace(parameters=parameters[1:])


def _methods(cls: type) -> dict[str, inspect.Signature]:
    """The public methods and `__init__` a class defines itself, by signature."""
    return {
        name: inspect.signature(value)
        for name, value in vars(cls).items()
        if callable(value) and (name == "__init__" or not name.startswith("_"))
    }


def test_the_door_forwards_exactly_the_contract():
    assert set(backend.FORWARDED) == {name for name in vars(Backend) if not name.startswith("_")} - {"load_keras"} | {
        "CompiledTrainer"
    }
    assert set(backend.IMPLEMENTATIONS) == set(IMPLEMENTATIONS)
    assert {module.__name__ for module in IMPLEMENTATIONS.values()} == set(backend.IMPLEMENTATIONS.values())


@pytest.mark.parametrize("name", sorted({*backend.FORWARDED, "load_keras"} - {"CompiledTrainer"}))
@pytest.mark.parametrize("implementation", sorted(IMPLEMENTATIONS))
def test_each_backend_has_each_function_with_the_contracts_signature(implementation, name):
    module = IMPLEMENTATIONS[implementation]
    assert callable(getattr(module, name, None)), f"{module.__name__} has no {name}"
    promised = _without_self(inspect.signature(getattr(Backend, name)))
    assert inspect.signature(getattr(module, name)) == promised


@pytest.mark.parametrize("implementation", sorted(IMPLEMENTATIONS))
def test_each_backends_trainer_has_the_trainers_methods(implementation):
    trainer = IMPLEMENTATIONS[implementation].CompiledTrainer
    assert inspect.isclass(trainer)
    promised = _methods(Trainer)
    assert set(promised) == {"__init__", "to_device", "train_chunk", "train_epochs", "evaluate"}
    have = {name: inspect.getattr_static(trainer, name) for name in promised if hasattr(trainer, name)}
    assert set(have) == set(promised)
    for name, signature in promised.items():
        assert inspect.signature(getattr(trainer, name)) == signature, name


def test_both_backends_agree_with_each_other_name_for_name():
    # The contract above, said once more without it: what one backend has, the other has.
    for name in backend.FORWARDED:
        tf_value, jax_value = getattr(backend_tf, name), getattr(backend_jax, name)
        if inspect.isclass(tf_value):
            assert _methods(tf_value).keys() >= _methods(Trainer).keys()
            for method in _methods(Trainer):
                assert inspect.signature(getattr(tf_value, method)) == inspect.signature(getattr(jax_value, method))
        else:
            assert inspect.signature(tf_value) == inspect.signature(jax_value), name


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_implementations_never_import_the_door_and_the_shared_module_imports_nothing_of_ours():
    for module in ("backend_tf", "backend_jax"):
        assert "nncore.backend" not in _imports(NNCORE / f"{module}.py"), module  # no cycle
    assert not {name for name in _imports(NNCORE / "backend_env.py") if name.split(".")[0] in ("nncore", "ui")}
    assert backend.DeviceInfo is backend_tf.DeviceInfo is backend_jax.DeviceInfo
    assert backend.EVAL_BATCH == backend_tf.EVAL_BATCH == backend_jax.EVAL_BATCH


def test_the_environment_defaults_are_set_in_one_place():
    """TF_CPP_MIN_LOG_LEVEL and KERAS_BACKEND are written only by nncore/backend_env.py (the
    exported training script, which runs without nncore, sets its own)."""
    root = NNCORE.parent
    allowed = {NNCORE / "backend_env.py", NNCORE / "exchange" / "templates" / "train_script.py"}
    writers = []
    for path in [root / "app.py", *(root / "nncore").rglob("*.py"), *(root / "ui").rglob("*.py"),
                 *(root / "app_pages").rglob("*.py"), root / "tests" / "conftest.py", root / "bench" / "__main__.py"]:
        text = path.read_text(encoding="utf-8")
        if path not in allowed and any(f'setdefault("{name}"' in text for name in ("TF_CPP_MIN_LOG_LEVEL", "KERAS_BACKEND")):
            writers.append(str(path.relative_to(root)))
    assert writers == []


def test_the_neuron_labs_autodiff_check_lives_with_the_neuron_lab():
    for module in (backend_tf, backend_jax):
        assert not hasattr(module, "tape_gradients_tiny_mlp")
    from nncore.neuron.autodiff_check import framework_step

    with pytest.raises(ValueError, match="Expected an activation among sigmoid, tanh"):
        framework_step(0, 0, 0, 0.0, [[0.0]], [0.0], "swish", "mse", 0.1)
