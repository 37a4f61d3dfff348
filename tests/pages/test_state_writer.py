"""`ui.state.SessionState` is the only writer of a session's work.

Pages and ui modules read its fields and change them through its verbs, so the rules that tie
the fields together hold whoever makes a change. An AST scan of app.py, app_pages/ and ui/
fails on any assignment to a field from outside ui/state.py, and the verbs are tested for what
they promise (Step continues the same optimizer: 2 epochs and a Step equal 3 in one go).
"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from nncore.data import load_dataset
from nncore.models import LayerSpec, ModelSpec, default_preset_for, preset_spec
from nncore.training import TrainingConfig
from ui.state import SessionState

ROOT = Path(__file__).resolve().parents[2]
STATE_MODULE = ROOT / "ui" / "state.py"


def _state_fields() -> tuple[set[str], set[str]]:
    """The state's public fields (read-only properties) and the private attributes behind
    them (every `self._name = ...` in ui/state.py)."""
    public = {name for name, value in vars(SessionState).items() if isinstance(value, property)}
    private = {
        node.attr
        for node in ast.walk(ast.parse(STATE_MODULE.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name) and node.value.id == "self" and node.attr.startswith("_")
    }
    return public, private


def _targets(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Assign):
        found = list(node.targets)
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        found = [node.target]
    elif isinstance(node, ast.Delete):
        found = list(node.targets)
    else:
        return []
    flat: list[ast.AST] = []
    while found:  # `a.x, a.y = ...` assigns both
        target = found.pop()
        if isinstance(target, (ast.Tuple, ast.List)):
            found.extend(target.elts)
        elif isinstance(target, ast.Starred):
            found.append(target.value)
        else:
            flat.append(target)
    return flat


def _is_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


MUTATORS = {"append", "extend", "insert", "clear", "pop", "remove", "update", "setdefault", "sort", "reverse"}


def _field(node: ast.AST, names: set[str]) -> str | None:
    """`name` when `node` is `<something other than self>.<name>` with `name` in `names`."""
    if isinstance(node, ast.Attribute) and node.attr in names and not _is_self(node.value):
        return node.attr
    return None


def state_writes(source: str, public: set[str], private: set[str]) -> list[str]:
    """Lines of `source` that write a state field from outside: an assignment to one of its
    fields (`state.model_spec = ...`, `state.editor_version += 1`), to an item of one or by a
    list method on one (`state.notices.append(...)`), any use of the private attributes
    behind them (`state._notices`), or `setattr(state, "job", ...)`.
    A class's assignments to its own `self.<name>` are its own business."""
    fields = public | private
    found = []
    for node in ast.walk(ast.parse(source)):
        for target in _targets(node):
            if name := _field(target, fields):
                found.append(f"{node.lineno}: assigns .{name}")
            elif isinstance(target, ast.Subscript) and (name := _field(target.value, fields)):
                found.append(f"{node.lineno}: assigns an item of .{name}")
        if (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS
            and (name := _field(node.func.value, public))
        ):
            found.append(f"{node.lineno}: {node.func.attr}s .{name}")
        if isinstance(node, ast.Attribute) and node.attr in private and not _is_self(node.value):
            found.append(f"{node.lineno}: reaches .{node.attr}")
        if (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr")
            and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value in public | private
        ):
            found.append(f"{node.lineno}: {node.func.id} .{node.args[1].value}")
    return sorted(set(found))


def test_the_scan_sees_every_way_of_writing_a_field():
    public, private = _state_fields()
    assert {"dataset", "model_spec", "preset_key", "training_config", "job", "editor_version", "opened_run",
            "notices", "pinned_explanations"} <= public
    assert {"_dataset", "_model_spec", "_job", "_notices", "_pinned"} <= private
    source = "\n".join([
        "state.model_spec = spec",
        "state.editor_version += 1",
        "state.dataset, state.model_spec = data, spec",
        "get_state().job = None",
        "state._notices.append('x')",
        "setattr(state, 'preset_key', None)",
        "state.pinned_explanations.append((run_id, e))",
        "state.notices[0] = 'x'",
        "class Other:",
        "    def __init__(self):",
        "        self.dataset = None",  # a class's own field: not the state's
        "state.set_dataset(data)",
        "x = state.model_spec",
    ])
    assert state_writes(source, public, private) == [
        "1: assigns .model_spec", "2: assigns .editor_version", "3: assigns .dataset", "3: assigns .model_spec",
        "4: assigns .job", "5: reaches ._notices", "6: setattr .preset_key", "7: appends .pinned_explanations",
        "8: assigns an item of .notices",
    ]


def test_no_module_outside_ui_state_writes_the_state():
    public, private = _state_fields()
    files = [ROOT / "app.py", *sorted((ROOT / "app_pages").rglob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]
    assert len(files) > 20
    writes = {
        str(path.relative_to(ROOT)): found
        for path in files
        if path != STATE_MODULE and (found := state_writes(path.read_text(encoding="utf-8"), public, private))
    }
    assert writes == {}, f"change the session's work through SessionState's verbs: {writes}"


# --- the verbs ------------------------------------------------------------------------------


def _state(key: str = "circles") -> SessionState:
    data = load_dataset(key)
    preset = default_preset_for(data)
    return SessionState(data, preset_spec(preset, data), preset, TrainingConfig())


def test_fields_are_read_only_from_outside():
    state = _state()
    for name in ("dataset", "model_spec", "preset_key", "training_config", "job", "editor_version", "opened_run"):
        with pytest.raises(AttributeError):
            setattr(state, name, None)
    state.add_notice("one")
    with pytest.raises(AttributeError):
        state.notices.append("two")  # a copy, as a tuple: the list itself stays inside
    assert state.notices == ("one",)
    assert state.take_notices() == ["one"] and state.notices == ()
    state.add_notice("three")
    state.drop_notices()
    assert state.notices == ()


def test_editing_the_layers_leaves_the_preset_and_keeps_the_editor():
    state = _state()
    preset, version = state.preset_key, state.editor_version
    state.edit_model(replace(state.model_spec, loss=state.model_spec.loss))  # the same model: nothing changes
    assert (state.preset_key, state.editor_version) == (preset, version)
    other_output = "linear" if state.model_spec.output_activation != "linear" else "softmax"
    state.edit_model(replace(state.model_spec, output_activation=other_output))
    assert state.preset_key == preset  # the preset's layers, another output: still the preset
    wider = replace(state.model_spec, layers=state.model_spec.layers + (LayerSpec("dense", 4, "relu"),))
    state.edit_model(wider)
    assert state.model_spec == wider and state.preset_key is None
    assert state.editor_version == version  # the editor made it: its table stays


def test_a_model_from_outside_the_editor_resets_the_editor():
    state = _state()
    version = state.editor_version
    spec = ModelSpec(layers=(LayerSpec("dense", 5, "tanh"),))
    state.replace_model(spec)
    assert (state.model_spec, state.preset_key, state.editor_version) == (spec, None, version + 1)
    state.set_preset("small_mlp")
    assert (state.preset_key, state.editor_version) == ("small_mlp", version + 2)


def test_a_setup_is_applied_whole_without_the_data_switch_notices():
    state = _state("circles")
    digits = load_dataset("digits")
    spec = ModelSpec(layers=(LayerSpec("dense", 16, "relu"),))
    config = TrainingConfig(epochs=7, learning_rate=0.02)
    state.apply_setup(digits, spec, None, config)
    assert state.dataset is digits and state.model_spec == spec and state.preset_key is None
    assert state.training_config == config  # the link's settings, not the image defaults
    assert state.notices == ()  # a switch to images says "preset switched"; the setup chose its model
    state.apply_setup(training_config=replace(config, epochs=9))  # only what is given changes
    assert state.dataset is digits and state.model_spec == spec and state.training_config.epochs == 9


def test_an_explanation_is_pinned_once():
    state = _state()
    explanation = object()
    assert state.pin_explanation("run-1", explanation) is True
    assert state.pin_explanation("run-1", explanation) is False
    assert state.pin_explanation("run-2", object()) is True
    assert [run_id for run_id, _ in state.pinned_explanations] == ["run-1", "run-2"]


def test_step_continues_the_same_run_two_epochs_and_a_step_equal_three():
    state = _state("moons")
    state.set_training_config(TrainingConfig(epochs=2, batch_size=32, learning_rate=0.01, optimizer="adam", seed=4))
    assert not state.can_step  # nothing trained yet
    state.start_training()
    assert state.job.join(timeout=120)
    two = state.run
    assert state.can_step
    state.step_one_epoch()
    assert state.job.join(timeout=120)
    stepped = state.run
    assert stepped is not two and state.opened_run is None
    assert [r.epoch for r in stepped.history] == [1, 2, 3] and stepped.config.epochs == 3

    state.set_training_config(replace(state.training_config, epochs=3))
    state.start_training()
    assert state.job.join(timeout=120)
    three = state.run
    for a, b in zip(stepped.model.get_weights(), three.model.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)

    # A model changed since the run was trained: Step no longer applies, and says so if called.
    state.edit_model(replace(state.model_spec, layers=state.model_spec.layers + (LayerSpec("dense", 3, "relu"),)))
    assert not state.can_step
    with pytest.raises(RuntimeError, match="Expected a usable run of the current data and model"):
        state.step_one_epoch()


def test_opening_a_run_stops_the_training_and_a_new_training_replaces_the_opened_run():
    state = _state("moons")
    state.set_training_config(TrainingConfig(epochs=1, batch_size=32, seed=0))
    state.start_training()
    job = state.job
    assert job.join(timeout=120)
    run = job.result
    state.open_run(run)
    assert state.job is None and state.run is run
    state.adopt_job(job)  # a job trained elsewhere becomes the session's training
    assert state.job is job and state.opened_run is None and state.run is run
