"""AppTest checks of the Runs page, in a temporary workspace (tests/conftest.py sets NNX_WORKSPACE)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from nncore.runs import RunStore
from nncore.training.config import TrainingConfig
from ui.runs_text import markdown_text
from ui.state import STATE_KEY

TIMEOUT = 180
APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "app_pages/runs.py"


def _open() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page(PAGE).run()
    _ok(at)
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _train(at: AppTest, learning_rate: float = 0.03) -> str:
    """Train the session's model (2 epochs) through the session state, as the Train page does; return the saved id."""
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(learning_rate=learning_rate, batch_size=32, epochs=2, seed=0))
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)
    run_id = state.job.result.extra["run_id"]  # saved when training ended
    at.run()
    _ok(at)
    return run_id


def _table(at: AppTest):
    [table] = [d for d in at.dataframe if d.key and d.key.startswith("runs_table_")]
    return table


def _select(at: AppTest, rows: list[int]) -> None:
    at.session_state[_table(at).key] = {"selection": {"rows": rows, "columns": []}}
    at.run()
    _ok(at)


def _button(at: AppTest, label: str):
    [button] = [b for b in at.button if b.label == label]
    return button


def test_an_empty_workspace_says_how_runs_arrive():
    at = _open()
    assert "No saved runs yet" in " ".join(i.value for i in at.info)
    assert not [d for d in at.dataframe if d.key and d.key.startswith("runs_table_")]


def test_a_training_is_listed_and_reopening_it_makes_it_the_current_model():
    at = _open()
    run_id = _train(at)
    [record] = RunStore().list()
    assert record.run_id == run_id and record.epochs == 2
    table = _table(at).value
    assert list(table["name"]) == [record.name]
    assert list(table["status"]) == ["finished"]
    assert list(table["epochs"]) == [2]

    state = at.session_state[STATE_KEY]
    trained = state.run
    _select(at, [0])
    _button(at, "Reopen").click().run()
    _ok(at)
    state = at.session_state[STATE_KEY]
    assert state.run is not trained and state.run.extra["run_id"] == run_id
    assert state.opened_run is state.run and state.job is None
    assert any("it is now the current model on every page" in s.value for s in at.success)
    assert len(at.get("download_button")) == 4  # model, history, script, report of the current run
    # The Evaluate page works on the reopened run.
    at.switch_page("app_pages/evaluate.py").run()
    _ok(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Test examples"] == str(len(state.run.dataset.x_test))


def test_a_step_is_saved_as_its_own_longer_run_and_listed():
    """README: every training is saved when it ends; a Step (one more epoch) is a training too."""
    at = _open()
    first_id = _train(at)
    state = at.session_state[STATE_KEY]
    at.switch_page("app_pages/train.py").run()
    _ok(at)
    at.button(key="train_step").click().run()
    _ok(at)
    assert state.job.join(timeout=TIMEOUT)
    stepped = state.run
    assert [h.epoch for h in stepped.history] == [1, 2, 3]
    assert stepped.extra.get("run_id") not in (None, first_id)
    records = {r.run_id: r for r in RunStore().list()}
    assert records[first_id].epochs == 2
    assert records[stepped.extra["run_id"]].epochs == 3
    assert RunStore().load(stepped.extra["run_id"]).config.epochs == 3
    at.switch_page(PAGE).run()
    _ok(at)
    assert sorted(_table(at).value["epochs"]) == [2, 3]


def test_rename_and_delete_with_confirmation():
    at = _open()
    run_id = _train(at)
    _select(at, [0])
    at.text_input(key=f"runs_new_name_{run_id}").set_value("baseline, lr 0.03")
    _button(at, "Rename").click().run()
    _ok(at)
    assert RunStore().get(run_id).name == "baseline, lr 0.03"
    assert at.session_state[STATE_KEY].run.extra["name"] == "baseline, lr 0.03"  # the current run follows
    assert list(_table(at).value["name"]) == ["baseline, lr 0.03"]

    _select(at, [0])
    _button(at, "Delete…").click().run()
    _ok(at)
    assert RunStore().list()  # nothing deleted before the confirmation
    assert any("for good?" in w.value for w in at.warning)
    _button(at, "Cancel").click().run()
    assert len(RunStore().list()) == 1
    _button(at, "Delete…").click().run()
    _button(at, "Yes, delete it").click().run()
    _ok(at)
    assert RunStore().list() == []
    # Names are shown as typed: Markdown characters are escaped (the workspace is shared).
    assert any(s.value == "Deleted “baseline, lr 0\\.03”." for s in at.success)


def test_comparing_two_runs_shows_the_curves_the_scores_and_what_differs():
    at = _open()
    first = _train(at, learning_rate=0.03)
    second = _train(at, learning_rate=0.1)
    _select(at, [0, 1])
    charts = [c for c in at.get("plotly_chart") if "runs_compare_curves" in c.proto.id]
    assert len(charts) == 1
    # Read-only tables carry no key in AppTest: find them by their columns.
    [scores] = [d for d in at.dataframe if "best validation loss" in d.value.columns]
    assert len(scores.value) == 2
    [settings] = [d for d in at.dataframe if "setting" in d.value.columns]
    rows = settings.value.set_index("setting")
    names = {r.run_id: r.name for r in RunStore().list()}
    assert list(rows.index) == ["learning rate"]
    # Newest first in the table: the second run is the first column.
    assert list(rows.loc["learning rate"]) == ["0.1", "0.03"]
    assert first != second and len(names) == 2


def test_importing_a_good_model_opens_it_and_a_bad_file_gets_its_message(tmp_path):
    from tests.explain.trained import train

    run = train("circles", "small_mlp", 2, n_points=200)
    path = tmp_path / "mine.keras"
    run.model.save(path)

    at = _open()
    at.file_uploader(key="runs_import_file").upload("notes.keras", b"hello, I am text\n")
    at.run()
    _button(at, "Import and open").click().run()
    assert not at.exception
    # The message names the file, which is data: escaped for Markdown, so compare what it reads as.
    assert any("'notes.keras' is a text file renamed to .keras" in e.value.replace("\\", "") for e in at.error)
    assert at.session_state[STATE_KEY].run is None

    at.file_uploader(key="runs_import_file").upload("mine.keras", path.read_bytes())
    at.run()
    _button(at, "Import and open").click().run()
    _ok(at)
    state = at.session_state[STATE_KEY]
    assert state.run.extra["imported"] and state.run.history == ()
    assert state.run.dataset is state.dataset  # the loaded data (Circles) was chosen by default
    assert any("Opened “mine”" in s.value for s in at.success)
    at.switch_page("app_pages/evaluate.py").run()
    _ok(at)
    assert {m.label for m in at.metric} >= {"Accuracy", "Test examples"}
    assert any("not trained in the app, so it has no learning curves" in i.value for i in at.info)
    at.switch_page("app_pages/explain.py").run()  # the Explain page takes an imported model too
    _ok(at)


def test_the_saving_notice_shows_only_while_a_saved_job_has_not_finished_saving():
    from types import SimpleNamespace

    from ui.runs_current import is_saving

    def session(on_finish, extra, message="Finished 2 epochs."):
        result = SimpleNamespace(extra=extra, message=message)
        snap = SimpleNamespace(state=SimpleNamespace(is_done=True))
        job = SimpleNamespace(on_finish=on_finish, result=result, snapshot=lambda: snap)
        return SimpleNamespace(job=job, opened_run=None)

    assert is_saving(session(print, {}))
    assert not is_saving(session(print, {"run_id": "abc"}))
    assert not is_saving(session(print, {}, "Finished. The run was not saved: OSError: disk full"))
    assert not is_saving(session(None, {}))  # a job without a saver is never saved


def test_runs_that_cannot_be_reopened_are_listed_with_their_reason_and_cannot_be_reopened():
    import sqlite3

    from tests.explain.trained import train

    store = RunStore()
    gone = store.save(train("circles", "logistic", 1, n_points=120), name="moved away")
    (store.folder(gone) / "model.keras").unlink()
    with sqlite3.connect(store.database) as db:
        db.execute("INSERT INTO runs (id, name, created, status) VALUES ('dead', 'crashed', 0, 'writing')")
    at = _open()
    table = _table(at).value
    assert dict(zip(table["name"], table["status"])) == {"moved away": "missing files", "crashed": "incomplete"}
    caption = " ".join(c.value for c in at.caption)
    assert "Grey runs cannot be reopened" in caption and "never finished" in caption
    assert markdown_text("model.keras; they were removed outside the app") in caption
    _select(at, [list(table["name"]).index("moved away")])
    assert _button(at, "Reopen").disabled
    assert any("This run cannot be reopened: Files missing" in w.value for w in at.warning)
