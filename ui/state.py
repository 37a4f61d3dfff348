"""The one typed object that holds a browser session's work, reached through `get_state()`.

Everything a user loads, builds or trains lives here, inside `st.session_state`, so two
sessions on one server never see each other's data, models or jobs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from nncore.data import load_dataset
from nncore.data.dataset import Dataset
from nncore.models import PRESETS, ModelSpec, default_preset_for, preset_spec
from nncore.training.config import TrainingConfig, settings_kind, suited_config_for

STATE_KEY = "nn_explorer"
DEFAULT_DATASET = "circles"
# A live page reads its job's progress every second; browsers slow timers in background tabs
# to about once a minute, so only a long silence means the tab is gone.
ABANDON_AFTER_SECONDS = 600


@dataclass
class SessionState:
    dataset: Dataset
    model_spec: ModelSpec
    preset_key: str | None
    training_config: TrainingConfig = field(default_factory=TrainingConfig)
    job: Any = None  # nncore.training.TrainingJob, imported lazily (it pulls in TensorFlow)
    editor_version: int = 0  # bumped to reset the layer table when a preset replaces it
    notices: list[str] = field(default_factory=list)  # shown once, on the next render
    # A run reopened from the run store or an imported model; replaced by the next training.
    opened_run: Any = None
    # Explanations the user pinned for the run's HTML report: [(run.run_id, Explanation)].
    pinned_explanations: list[Any] = field(default_factory=list)

    @property
    def run(self):
        """The current model: an opened run if one was opened since the last training,
        else the latest finished or stopped training result, else None."""
        if self.opened_run is not None:
            return self.opened_run
        return self.job.result if self.job is not None else None

    def open_run(self, run: Any) -> None:
        """Make a stored or imported run the current model on every page.

        A training still running is stopped: one session works on one model at a time.
        """
        if self.job is not None:
            self.job.stop()
            self.job = None
        self.opened_run = run

    @property
    def is_training(self) -> bool:
        return self.job is not None and not self.job.snapshot().state.is_done

    def set_dataset(self, dataset: Dataset) -> None:
        """Switch data and keep a model that suits it.

        New kind of input (say tabular -> images): that kind's default preset and the training
        settings suited to it (`suited_config`), each with a notice.
        Same kind: a preset is re-made for the new data (sizes may differ); a custom model is
        kept if it still fits.
        """
        from nncore.errors import ArchitectureError
        from nncore.models.build import validate_for_data

        previous_kind = self.dataset.input_kind
        previous_settings = settings_kind(self.dataset)
        self.dataset = dataset
        if dataset.input_kind == previous_kind:
            # The 2-D playground sets and real tables are both tabular, but learn best with
            # different settings (nncore.training.config): switching between them switches those.
            if settings_kind(dataset) != previous_settings:
                self._suit_settings(dataset)
            if self.preset_key:
                self.set_preset(self.preset_key)
                return
            try:
                validate_for_data(self.model_spec, dataset)
                return
            except ArchitectureError:
                pass
        key = default_preset_for(dataset)
        self.set_preset(key)
        from ui.i18n import t
        from ui.translations_engine import engine_text

        kind = t(f"notice.kind.{dataset.input_kind}")
        preset = engine_text(f"model.preset.{key}", PRESETS[key].title)
        self.notices.append(t("notice.preset_switched", preset=preset, kind=kind))
        if dataset.input_kind == previous_kind:
            return  # a custom model that no longer fits: the user's settings stay
        # The playground's settings make a CNN collapse to chance on big image sets, and the
        # image settings' 10 epochs would under-train a 2-D set: the new kind's default model
        # comes with the settings it trains well with.
        self._suit_settings(dataset)

    def _suit_settings(self, dataset: Dataset) -> None:
        """The training settings suited to `dataset`'s kind, with a notice when they change."""
        from ui.i18n import t

        suited = suited_config_for(self.training_config, dataset)
        if suited != self.training_config:
            self.training_config = suited
            which = settings_kind(dataset)
            kind = t("base.kind.table") if which == "table" else t(f"notice.kind.{dataset.input_kind}")
            self.notices.append(t(
                "notice.settings_suited", kind=kind, optimizer=t(f"train.opt.{suited.optimizer}"),
                rate=f"{suited.learning_rate:g}", batch=suited.batch_size, epochs=suited.epochs,
            ))

    def set_positive_class(self, name: str) -> None:
        """Call class `name` positive. The model stays: the choice changes how results are read,
        not what is learnt. The current run follows when it was trained on this very data."""
        from nncore.data.positive_class import with_positive_class

        previous = self.dataset
        self.dataset = with_positive_class(previous, name)
        run = self.run
        if run is not None and run.dataset is previous:
            run.dataset = self.dataset
        if self.job is not None and self.job.dataset is previous:
            # The job read its data when it started; this keeps the Train page from calling
            # its result stale ("trained on other data") over a choice of words.
            self.job.dataset = self.dataset

    def start_training(self) -> None:
        """Train the current model on the current data with the current settings.

        Raises ArchitectureError (from the job) if the model cannot work on the data.
        """
        from nncore.runs.store import saver
        from nncore.training.job import TrainingJob

        if self.job is not None:
            self.job.stop()  # never two jobs for one session
        # Every run is saved to the workspace when it ends (in the job's thread, after training).
        self.job = TrainingJob(
            self.dataset, self.model_spec, self.training_config, abandon_after=ABANDON_AFTER_SECONDS,
            on_finish=saver(),
        ).start()
        self.opened_run = None  # the new training becomes the current model

    def set_preset(self, key: str) -> None:
        self.model_spec = preset_spec(key, self.dataset)
        self.preset_key = key
        self.editor_version += 1

    def take_notices(self) -> list[str]:
        notices, self.notices = self.notices, []
        return notices


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
