"""Which of two classes is the "positive" one: the finding a model is meant to catch.

Words such as "false alarm", "missed case", the decision threshold, ROC and precision-recall
curves all read one class as the positive one. Left to sort order, the breast-cancer table's
positive class is *benign*, and a missed cancer reads as a "false alarm". The default here is
the class whose name reads as the finding (malignant, yes, 1, true, disease, fraud, churn...),
else the one whose partner reads as its absence (benign, no, healthy...), else the rarer one.
The person can choose another on the Data page; the choice travels with the dataset (its
`positive_class` and its `params["positive"]`), so share links and saved runs keep it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

# Names that read as "the thing we look for" (compared as lower-case words of the label).
FINDING_WORDS = frozenset({
    "1", "yes", "y", "true", "t", "positive", "pos", "present", "malignant", "cancer", "tumor", "tumour",
    "disease", "diseased", "sick", "ill", "abnormal", "anomaly", "anomalous", "defect", "defective",
    "fault", "faulty", "failure", "fail", "failed", "fraud", "fraudulent", "churn", "churned", "default",
    "defaulted", "spam", "attack", "infected", "death", "died", "dead", "deceased", "readmitted",
    "diabetic", "diabetes", "case", "event", "alarm", "bad",
})
# Names that read as "nothing found": their partner is the positive class.
ABSENCE_WORDS = frozenset({
    "0", "no", "n", "false", "f", "negative", "neg", "absent", "benign", "healthy", "normal", "none",
    "control", "ok", "good", "legit", "legitimate", "genuine", "ham", "stayed", "retained", "alive",
    "survived", "pass", "passed",
})

# Reason keys (the UI words them).
REASON_NAME = "name"  # this class's name reads as the finding
REASON_PARTNER = "partner"  # the other class's name reads as "nothing found"
REASON_RARER = "rarer"  # neither name tells: the rarer class
REASON_TIE = "tie"  # neither name nor count tells: the second in order
REASON_CHOSEN = "chosen"  # the person chose it


@dataclass(frozen=True)
class PositiveClass:
    """The positive class of a two-class task: its index into the class names, and why."""

    index: int
    reason: str


def _words(name: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", str(name).lower()))


def _reads_as(name: str, words: frozenset[str]) -> bool:
    text = str(name).strip().lower()
    try:  # "1.0" and "1" are the same label
        number = float(text)
        if number.is_integer():
            text = str(int(number))
    except ValueError:
        pass
    return text in words or bool(_words(text) & words)


def default_positive_class(class_names: Sequence[str], counts: Sequence[int] | None = None) -> PositiveClass | None:
    """The positive class a two-class task starts with, or None when there are not two classes.

    Order of evidence: a name that reads as the finding (only one of the two does), a name
    that reads as its absence (only one does: the other is positive), the rarer class, and
    last the second class in order (the "1" of a 0/1 coding).
    """
    names = [str(name) for name in class_names]
    if len(names) != 2:
        return None
    finding = [_reads_as(name, FINDING_WORDS) for name in names]
    if finding[0] != finding[1]:
        return PositiveClass(finding.index(True), REASON_NAME)
    absence = [_reads_as(name, ABSENCE_WORDS) for name in names]
    if absence[0] != absence[1]:
        return PositiveClass(absence.index(False), REASON_PARTNER)
    if counts is not None and len(counts) == 2 and int(counts[0]) != int(counts[1]):
        return PositiveClass(int(np.argmin(counts)), REASON_RARER)
    return PositiveClass(1, REASON_TIE)


def class_counts(dataset: Any) -> np.ndarray:
    """Examples per class over every split (classification only)."""
    labels = np.concatenate([np.asarray(dataset.y_train), np.asarray(dataset.y_val), np.asarray(dataset.y_test)])
    return np.bincount(labels.astype(np.int64), minlength=dataset.n_classes)


def positive_class(dataset: Any) -> PositiveClass | None:
    """The dataset's positive class (two classes), or None (regression, several classes).

    A dataset from before this choice existed (a saved run's archive) gets the default.
    """
    if dataset.task != "classification" or dataset.n_classes != 2:
        return None
    chosen = getattr(dataset, "positive_class", None)
    default = default_positive_class(dataset.class_names, class_counts(dataset))
    if chosen is None:
        return default
    index = int(chosen)
    return default if default is not None and default.index == index else PositiveClass(index, REASON_CHOSEN)


def positive_index(dataset: Any, fallback: int = 1) -> int:
    """The positive class's index, or `fallback` when the task has no positive class."""
    chosen = positive_class(dataset)
    return fallback if chosen is None else chosen.index


def with_positive_class(dataset: Any, name: str) -> Any:
    """The same dataset with `name` as its positive class (kept in its params, for reloading)."""
    from nncore.errors import DatasetError

    names = [str(n) for n in (dataset.class_names or ())]
    if dataset.task != "classification" or len(names) != 2:
        raise DatasetError(
            f"Expected a task with two classes to choose a positive class. Received: {len(names)} classes"
        )
    if str(name) not in names:
        raise DatasetError(f"Expected the positive class to be one of {names}. Received: {name!r}")
    index = names.index(str(name))
    return replace(dataset, positive_class=index, params={**dataset.params, "positive": names[index]})


def apply_positive_param(dataset: Any, params: dict[str, Any]) -> Any:
    """`dataset` with the positive class named in `params` (a reload or a share link), if any."""
    name = params.get("positive")
    if name is None:
        return dataset
    return with_positive_class(dataset, str(name))


def carry_positive_class(new: Any, previous: Any) -> Any:
    """`new` with the positive class chosen on `previous`, when both are the same data (a reload
    with another seed or split) and `new` has that class; else `new` unchanged."""
    name = previous.params.get("positive") if previous is not None else None
    if name is None or new.key != previous.key or new.n_classes != 2:
        return new
    if str(name) not in [str(n) for n in new.class_names]:
        return new
    return with_positive_class(new, str(name))
