"""A run's explainer prepared ahead (nncore.explain.prepare) gives the same explanations as one
built on demand, is prepared once however many ask, and belongs to its run alone."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from nncore.explain import ExplainableModel, integrated_gradients, kernel_shap, permutation_shap, saliency
from nncore.explain import prepare as prepare_module
from nncore.explain.prepare import ExplainerPreparation, prepare_after, prepare_explainer
from tests.explain.trained import train


@pytest.fixture(scope="module")
def cancer_run():
    return train("breast_cancer", "small_mlp", epochs=2)


def _explain_all(m, x):
    return [
        saliency(m, x).values,
        integrated_gradients(m, x).values,
        kernel_shap(m, x).values,
        permutation_shap(m, x).values,
    ]


def test_a_prepared_explainer_gives_the_same_explanations_as_one_built_on_demand(cancer_run):
    prepared, outputs = prepare_explainer(cancer_run)
    assert ("kmeans", 20, 0) in prepared.memo and ("gradients", True) in prepared.memo  # the work was done ahead
    fresh = ExplainableModel.from_run(cancer_run)
    np.testing.assert_array_equal(outputs, fresh.predict_proba(cancer_run.dataset.x_test))
    for row in (0, 7):
        x = np.asarray(cancer_run.dataset.x_test[row], dtype=np.float32)
        for one, two in zip(_explain_all(prepared, x), _explain_all(fresh, x)):
            np.testing.assert_allclose(one, two, rtol=1e-6, atol=1e-9)


def test_a_prepared_image_explainer_has_traced_its_gradients_and_grad_cam():
    run = train("digits", "lenet_cnn", epochs=1)
    prepared, outputs = prepare_explainer(run)
    assert outputs.shape == (len(run.dataset.x_test), 10)
    assert ("gradients", True) in prepared.memo and "kmeans" not in str(list(prepared.memo))


class _Run:
    def __init__(self, usable: bool = True) -> None:
        import uuid

        self.run_id = uuid.uuid4().hex
        self.usable = usable


def test_the_work_is_done_once_however_many_ask(monkeypatch):
    calls = []

    def slow(run):
        calls.append(run.run_id)
        time.sleep(0.2)
        return ("model", np.zeros(3))

    monkeypatch.setattr(prepare_module, "prepare_explainer", slow)
    preparation = ExplainerPreparation(_Run())
    results = []
    threads = [threading.Thread(target=lambda: results.append(preparation.get())) for _ in range(4)]
    for thread in threads:
        thread.start()
    preparation.prepare()  # a late background preparation does nothing
    for thread in threads:
        thread.join(timeout=30)
    assert len(calls) == 1 and len(results) == 4 and all(r[0] == "model" for r in results)
    assert preparation.ready and not preparation.under_way


def test_a_failed_preparation_is_reported_to_whoever_asks(monkeypatch):
    def broken(run):
        raise ValueError("no model")

    monkeypatch.setattr(prepare_module, "prepare_explainer", broken)
    preparation = ExplainerPreparation(_Run())
    preparation.prepare()  # in the training's thread: never raises there
    with pytest.raises(ValueError, match="no model"):
        preparation.get()


def test_prepare_after_saves_first_keeps_only_the_newest_run_and_never_fails_for_it(monkeypatch):
    order = []
    monkeypatch.setattr(prepare_module, "prepare_explainer", lambda run: order.append(("prepare", run.run_id)) or ("m", None))
    cache: dict = {}
    finish = prepare_after(lambda run: order.append(("save", run.run_id)), cache)
    first, second, diverged = _Run(), _Run(), _Run(usable=False)
    finish(first)
    cache[first.run_id].get()  # prepared in a thread of its own, after the save
    assert order == [("save", first.run_id), ("prepare", first.run_id)] and cache[first.run_id].ready
    finish(second)
    assert list(cache) == [second.run_id]  # one prepared model per session
    finish(diverged)
    assert not cache[diverged.run_id].ready  # a diverged run is not prepared (the page prepares it if asked)

    def full_disk(run):
        raise OSError("disk full")

    failing = prepare_after(full_disk, cache)
    third = _Run()
    with pytest.raises(OSError):  # the job notes the failed save on the run, as before
        failing(third)
    assert cache[third.run_id].get() == ("m", None)
