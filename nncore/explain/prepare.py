"""Prepare one run's explainer ahead of time, so its first explanation costs what the second does.

After the process-wide warm-up (`nncore.explain.warm_up`) the first explanation of a new model
still pays for that model alone: building its ExplainableModel and test predictions, tracing
its compiled forward and gradient functions (TensorFlow traces once per model, and once more
when the batch size first changes), building its score model, and kernel SHAP's k-means summary
of its training data. None of it depends on the example explained, so it can be done as soon as
the training ends, in the background, while the person looks at the result.

An `ExplainerPreparation` belongs to one run of one session (the session keeps it in its own
per-run cache; nothing here is shared between sessions or runs). Whoever asks first does the
work (a background thread started once the run is saved, or the Explain page if it comes sooner);
anyone asking while it is under way waits for it instead of doing it twice. Preparing fills the
model's own memo with what the methods would have computed on their first call, the same way,
and runs the page's default methods once on one row (their results are dropped), so no
explanation changes.
"""

from __future__ import annotations

import threading
import warnings
from typing import Any

import numpy as np

# What the Explain page's default settings ask for (ui/explain_view.DEFAULT_SETTINGS).
KMEANS_BACKGROUND_SIZE = 20
DEFAULT_SEED = 0
LIME_SAMPLES = 1000


def prepare_explainer(run: Any) -> tuple[Any, np.ndarray]:
    """The run's ExplainableModel, warmed for explanations, and its outputs on the test set."""
    from nncore.explain.model import ExplainableModel

    model = ExplainableModel.from_run(run)
    x_test = run.dataset.x_test
    outputs = model.predict_proba(x_test)
    if len(x_test):
        _warm_model(model, np.asarray(x_test[0], dtype=np.float32))
    return model, outputs


def _warm_model(model: Any, x: np.ndarray) -> None:
    """Trace this model's functions and fill its memo, as the first explanation would."""
    from nncore.explain import gradients, lime_methods, shap_methods

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.predict_proba(x[None])  # a second batch size: the forward pass's general trace
        if model.is_classifier:
            model.score_function(model.resolve_output(x, None))(np.stack([x, x]))  # the score model's forward pass
        # Saliency traces the gradient for one row, integrated gradients (its default steps) for
        # its batches: TensorFlow traces once per shape until it generalises, and oneDNN builds
        # its kernels once per batch shape, so the page's default methods run once here, with
        # their default settings, on the first test row (the results are dropped).
        gradients.saliency(model, x)
        gradients.integrated_gradients(model, x)
        if model.input_kind == "image":
            if gradients.last_conv_layer(model.model) is not None:
                gradients.grad_cam(model, x)
            gradients.occlusion(model, x)
        if model.input_kind == "tabular":
            shap_methods.kmeans_background(model, KMEANS_BACKGROUND_SIZE, DEFAULT_SEED)
            shap_methods.permutation_shap(model, x, seed=DEFAULT_SEED)
            lime_methods.lime_tabular(model, x, seed=DEFAULT_SEED, num_samples=LIME_SAMPLES)


class ExplainerPreparation:
    """One run's explainer, prepared once by whoever asks first; the others wait for it."""

    def __init__(self, run: Any) -> None:
        self.run_id = run.run_id
        self._run: Any = run  # dropped once prepared
        self._claim = threading.Lock()
        self._claimed = False
        self._done = threading.Event()
        self._result: tuple[Any, np.ndarray] | None = None
        self._error: BaseException | None = None

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    @property
    def under_way(self) -> bool:
        """True while another thread is preparing it (a caller of `get` would wait)."""
        return self._claimed and not self._done.is_set()

    def prepare(self) -> None:
        """Do the work now, in this thread, unless someone already has or is."""
        with self._claim:
            if self._claimed:
                return
            self._claimed = True
        try:
            self._result = prepare_explainer(self._run)
        except BaseException as error:  # the page asks again and reports it with its own words
            self._error = error
        finally:
            self._run = None
            self._done.set()

    def prepare_in_background(self) -> None:
        """Prepare in a thread of its own at training's background CPU priority (pages stay
        responsive), so the training that ended gives its place in the server's line back at once."""

        def work() -> None:
            from nncore.training.priority import lower_training_priority

            lower_training_priority()
            self.prepare()

        threading.Thread(target=work, name="nnexplorer-prepare-explainer", daemon=True).start()

    def get(self) -> tuple[Any, np.ndarray]:
        """The prepared (model, test outputs): prepared here if nobody started, else waited for."""
        self.prepare()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result


def prepare_after(on_finish: Any, preparations: dict[str, ExplainerPreparation]) -> Any:
    """A training job's `on_finish` that runs `on_finish` (saving) first, then prepares the
    finished run's explainer into `preparations` (one session's cache, keyed by run_id).

    The preparation is registered before the save, so an Explain page opened meanwhile takes it
    over instead of starting a second one; a failed preparation never fails the training.
    """

    def finish(run: Any) -> None:
        preparation = ExplainerPreparation(run)
        for older in [key for key in list(preparations) if key != run.run_id]:
            preparations.pop(older, None)  # one prepared model per session: older runs prepare on demand
        preparations[run.run_id] = preparation
        try:
            if on_finish is not None:
                on_finish(run)
        finally:
            if run.usable:
                preparation.prepare_in_background()

    return finish
