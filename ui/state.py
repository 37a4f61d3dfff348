"""The one typed object that holds a browser session's work, reached through `get_state()`.

Everything a user loads, builds or trains lives here, inside `st.session_state`, so two
sessions on one server never see each other's data, models or jobs.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from nncore.data import load_dataset
from nncore.data.dataset import Dataset
from nncore.models import ModelSpec, default_preset_for, preset_spec
from nncore.training.config import TrainingConfig, settings_kind, suited_config_for

STATE_KEY = "nn_explorer"
DEFAULT_DATASET = "circles"
# A live page reads its job's progress every second; browsers slow timers in background tabs
# to about once a minute, so only a long silence means the tab is gone.
ABANDON_AFTER_SECONDS = 600


class SessionState:
    """A session's data, model, training settings, training job and opened run.

    This object is the only writer of them: pages and ui modules read the fields (read-only
    properties) and change them through the verbs below (`set_dataset`, `edit_model`,
    `apply_setup`, `start_training`, `step_one_epoch`, `open_run`...), so the rules that tie
    them together (a new kind of data brings a model and settings that suit it, one job per
    session, a new training replaces an opened run) hold whoever makes the change.
    `tests/pages/test_state_writer.py` fails if a module outside this one assigns a field.
    """

    def __init__(
        self,
        dataset: Dataset,
        model_spec: ModelSpec,
        preset_key: str | None,
        training_config: TrainingConfig | None = None,
    ) -> None:
        self._dataset = dataset
        self._model_spec = model_spec
        self._preset_key = preset_key
        self._training_config = training_config if training_config is not None else TrainingConfig()
        self._job: Any = None  # nncore.training.TrainingJob, imported lazily (it pulls in TensorFlow)
        self._editor_version = 0  # bumped to reset the layer table when a model replaces it
        self._notices: list[str] = []  # shown once, on the next render
        # A run reopened from the run store or an imported model; replaced by the next training.
        self._opened_run: Any = None
        # Explanations the user pinned for the run's HTML report: [(run.run_id, Explanation)].
        self._pinned: list[tuple[str, Any]] = []
        # What a CSV's columns measure, in the person's words: {(dataset key, title): {column: text}}.
        self._feature_notes: dict[tuple[str, str], dict[str, str]] = {}

    # --- what pages read ------------------------------------------------------------------

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def model_spec(self) -> ModelSpec:
        return self._model_spec

    @property
    def preset_key(self) -> str | None:
        """The preset the model is, as it comes; None once its layers were edited."""
        return self._preset_key

    @property
    def training_config(self) -> TrainingConfig:
        return self._training_config

    @property
    def job(self) -> Any:
        """The session's latest training job (running or done), or None."""
        return self._job

    @property
    def editor_version(self) -> int:
        """Changes whenever a model comes from outside the layer editor (a preset, a link, a
        demo), so the Model page rebuilds its table instead of keeping the old edits."""
        return self._editor_version

    @property
    def opened_run(self) -> Any:
        return self._opened_run

    @property
    def notices(self) -> tuple[str, ...]:
        """Notices waiting for the next render (`take_notices` hands them out once)."""
        return tuple(self._notices)

    @property
    def feature_notes(self) -> dict[tuple[str, str], dict[str, str]]:
        """The person's own descriptions of a table's columns (`describe_features` changes them)."""
        return {key: dict(notes) for key, notes in self._feature_notes.items()}

    @property
    def pinned_explanations(self) -> tuple[tuple[str, Any], ...]:
        """(run_id, Explanation) pairs pinned for the report, oldest first."""
        return tuple(self._pinned)

    @property
    def run(self):
        """The current model: an opened run if one was opened since the last training,
        else the latest finished or stopped training result, else None."""
        if self._opened_run is not None:
            return self._opened_run
        return self._job.result if self._job is not None else None

    @property
    def is_training(self) -> bool:
        return self._job is not None and not self._job.snapshot().state.is_done

    @property
    def can_step(self) -> bool:
        """Whether Step (one more epoch of the current run) applies: a usable run of the data
        and model on screen, and no training under way."""
        run = self.run
        return (
            not self.is_training and run is not None and run.usable
            and run.dataset is self._dataset and run.spec == self._model_spec
        )

    # --- data -----------------------------------------------------------------------------

    def set_dataset(self, dataset: Dataset) -> None:
        """Switch data and keep a model that suits it.

        New kind of input (say tabular -> images): that kind's default preset and the training
        settings suited to it (`suited_config`), each with a notice.
        Same kind: a preset is re-made for the new data (sizes may differ); a custom model is
        kept if it still fits.
        """
        from nncore.errors import ArchitectureError
        from nncore.models.build import validate_for_data

        previous_kind = self._dataset.input_kind
        previous_settings = settings_kind(self._dataset)
        self._dataset = dataset
        if dataset.input_kind == previous_kind:
            # The 2-D playground sets and real tables are both tabular, but learn best with
            # different settings (nncore.training.config): switching between them switches those.
            if settings_kind(dataset) != previous_settings:
                self._suit_settings(dataset)
            if self._preset_key:
                self.set_preset(self._preset_key)
                return
            try:
                validate_for_data(self._model_spec, dataset)
                return
            except ArchitectureError:
                pass
        key = default_preset_for(dataset)
        self.set_preset(key)
        from ui.i18n import t

        kind = t(f"notice.kind.{dataset.input_kind}")
        preset = t(f"model.preset.{key}")
        self._notices.append(t("notice.preset_switched", preset=preset, kind=kind))
        if dataset.input_kind == previous_kind:
            return  # a custom model that no longer fits: the user's settings stay
        # The playground's settings make a CNN collapse to chance on big image sets, and the
        # image settings' 10 epochs would under-train a 2-D set: the new kind's default model
        # comes with the settings it trains well with.
        self._suit_settings(dataset)

    def _suit_settings(self, dataset: Dataset) -> None:
        """The training settings suited to `dataset`'s kind, with a notice when they change."""
        from ui.i18n import t

        suited = suited_config_for(self._training_config, dataset)
        if suited != self._training_config:
            self._training_config = suited
            which = settings_kind(dataset)
            kind = t("base.kind.table") if which == "table" else t(f"notice.kind.{dataset.input_kind}")
            self._notices.append(t(
                "notice.settings_suited", kind=kind, optimizer=t(f"train.opt.{suited.optimizer}"),
                rate=f"{suited.learning_rate:g}", batch=suited.batch_size, epochs=suited.epochs,
            ))

    def set_positive_class(self, name: str) -> None:
        """Call class `name` positive. The model stays: the choice changes how results are read,
        not what is learnt. The current run follows when it was trained on this very data."""
        from nncore.data.positive_class import with_positive_class

        previous = self._dataset
        self._dataset = with_positive_class(previous, name)
        run = self.run
        if run is not None and run.dataset is previous:
            run.dataset = self._dataset
        if self._job is not None and self._job.dataset is previous:
            # The job read its data when it started; this keeps the Train page from calling
            # its result stale ("trained on other data") over a choice of words.
            self._job.dataset = self._dataset

    # --- model and settings ---------------------------------------------------------------

    def set_preset(self, key: str) -> None:
        """The preset `key`, made for the current data."""
        self.replace_model(preset_spec(key, self._dataset), preset_key=key)

    def replace_model(self, spec: ModelSpec, preset_key: str | None = None) -> None:
        """A model from outside the layer editor (a preset, a share link, a demo): the editor
        starts again from it. `preset_key` names the preset it is as it comes, if one."""
        self._model_spec = spec
        self._preset_key = preset_key
        self._editor_version += 1

    def edit_model(self, spec: ModelSpec) -> None:
        """The model as the Model page's editor left it. It stays "the preset" only while its
        layers are the preset's for this data (a changed loss or output keeps the name)."""
        if spec == self._model_spec:
            return
        self._model_spec = spec
        if self._preset_key and spec.layers != preset_spec(self._preset_key, self._dataset).layers:
            self._preset_key = None

    def set_training_config(self, config: TrainingConfig) -> None:
        self._training_config = config

    def apply_setup(
        self,
        dataset: Dataset | None = None,
        model_spec: ModelSpec | None = None,
        preset_key: str | None = None,
        training_config: TrainingConfig | None = None,
    ) -> None:
        """Load a whole setup chosen elsewhere (a share link): data, then model, then settings,
        each only when given. The notices the data switch would give ("switched to preset...")
        are dropped: the setup chooses the model and settings itself, and the caller says
        what it opened."""
        if dataset is not None:
            self.set_dataset(dataset)
            self._notices.clear()
        if model_spec is not None:
            self.replace_model(model_spec, preset_key)
        if training_config is not None:
            self._training_config = training_config

    # --- training and runs ----------------------------------------------------------------

    def start_training(self) -> None:
        """Train the current model on the current data with the current settings.

        Raises ArchitectureError (from the job) if the model cannot work on the data, and
        QueueFullError / TrainingTooLargeError when this server's line of trainings refuses it
        (the job then waits in that line for a free slot before it trains).
        """
        self._start(self._dataset, self._model_spec, self._training_config)

    def step_one_epoch(self) -> None:
        """Train the current run's model for one more epoch, from where it is: the same
        weights and the same optimizer state (Adam's moments and step count), so 10 epochs and
        a Step equal 11 epochs in one go. Saved when it ends like every training: a run of its
        own, one epoch longer. Call it only when `can_step`."""
        from dataclasses import replace

        run = self.run
        if not self.can_step:
            raise RuntimeError("Expected a usable run of the current data and model, and no training under way.")
        self._start(run.dataset, run.spec, replace(run.config, epochs=1), continue_from=run)

    def _start(self, dataset: Dataset, spec: ModelSpec, config: TrainingConfig, continue_from: Any = None) -> None:
        from nncore.training.admission import server_line
        from nncore.training.job import TrainingJob
        from ui.explainer_preparation import finish_then_prepare
        from ui.run_access import run_saver

        if self._job is not None:
            self._job.stop()  # never two jobs for one session
        # Every run is saved to the workspace when it ends (in the job's thread, after training).
        self._job = TrainingJob(
            dataset, spec, config, continue_from=continue_from, abandon_after=ABANDON_AFTER_SECONDS,
            on_finish=finish_then_prepare(run_saver()), line=server_line(),
        ).start()
        self._opened_run = None  # the new training becomes the current model

    def adopt_job(self, job: Any) -> None:
        """Make a job started elsewhere this session's training (tests and benchmarks hand in
        one they trained once, instead of training again in every session)."""
        if self._job is not None and self._job is not job:
            self._job.stop()
        self._job = job
        self._opened_run = None

    def open_run(self, run: Any) -> None:
        """Make a stored or imported run the current model on every page.

        A training still running is stopped: one session works on one model at a time.
        """
        if self._job is not None:
            self._job.stop()
            self._job = None
        self._opened_run = run

    # --- notices and pins -----------------------------------------------------------------

    def add_notice(self, text: str) -> None:
        """A line to show once, on the next render."""
        self._notices.append(text)

    def describe_features(self, dataset: Dataset, notes: dict[str, str]) -> None:
        """Keep the person's descriptions of `dataset`'s columns (blank ones are dropped)."""
        kept = {str(k): str(v).strip() for k, v in notes.items() if str(v or "").strip()}
        self._feature_notes[(dataset.key, dataset.title)] = kept

    def take_notices(self) -> list[str]:
        notices, self._notices = self._notices, []
        return notices

    def drop_notices(self) -> None:
        """Forget the waiting notices (a demo's caption says what changed instead)."""
        self._notices.clear()

    def pin_explanation(self, run_id: str, explanation: Any) -> bool:
        """Pin `explanation` of run `run_id` for the report; False if it is pinned already."""
        if any(pinned is explanation for _, pinned in self._pinned):
            return False
        self._pinned.append((run_id, explanation))
        return True


def _new_state() -> SessionState:
    dataset = load_dataset(DEFAULT_DATASET)
    key = default_preset_for(dataset)
    return SessionState(
        dataset=dataset,
        model_spec=preset_spec(key, dataset),
        preset_key=key,
        training_config=suited_config_for(TrainingConfig(), dataset),
    )


def get_state() -> SessionState:
    if STATE_KEY not in st.session_state:
        st.session_state[STATE_KEY] = _new_state()
    return st.session_state[STATE_KEY]
