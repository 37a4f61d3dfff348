"""Training: a validated config, the background training job, and its history."""

from nncore.training.config import OPTIMIZERS, TrainingConfig
from nncore.training.history import EpochRecord
from nncore.training.job import JobSnapshot, JobState, TrainedRun, TrainingJob

__all__ = [
    "OPTIMIZERS",
    "EpochRecord",
    "JobSnapshot",
    "JobState",
    "TrainedRun",
    "TrainingConfig",
    "TrainingJob",
]
