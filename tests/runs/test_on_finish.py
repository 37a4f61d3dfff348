"""The training job's `on_finish` hook: called with the result, and its failure is only a note."""

from __future__ import annotations

from nncore.data import load_dataset
from nncore.models import preset_spec
from nncore.training import JobState, TrainingConfig, TrainingJob

CONFIG = TrainingConfig(epochs=2, batch_size=32, learning_rate=0.01, seed=0)


def _job(on_finish):
    data = load_dataset("circles", n_points=120)
    return TrainingJob(data, preset_spec("logistic", data), CONFIG, on_finish=on_finish)


def test_on_finish_receives_the_published_result():
    seen = []
    job = _job(seen.append).start()
    assert job.join(timeout=120)
    assert seen == [job.result]
    assert len(seen[0].history) == 2


def test_a_failing_on_finish_is_a_note_not_a_failed_training():
    def broken(run):
        raise OSError("disk full")

    job = _job(broken).start()
    assert job.join(timeout=120)
    snap = job.snapshot()
    assert snap.state == JobState.FINISHED
    assert snap.message == "Finished 2 epochs. The run was not saved: OSError: disk full"
    assert job.result.message == snap.message


def test_the_store_saver_saves_the_run_and_notes_its_id(tmp_path):
    from nncore.runs import RunStore
    from nncore.runs.store import saver

    job = _job(saver(tmp_path)).start()
    assert job.join(timeout=120)
    run = job.result
    [record] = RunStore(tmp_path).list()
    assert run.extra["run_id"] == record.run_id and run.extra["name"] == record.name == "Logistic regression on Circles (2-D)"
    assert record.history == run.history and record.state == "finished"
