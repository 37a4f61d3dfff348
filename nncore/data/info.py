"""What describes a dataset in the registry: its parameters and its catalogue entry.

Both types are plain frozen data so a UI can render controls for any dataset generically
(one widget per `DatasetParam`) without knowing the dataset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from collections.abc import Callable
from typing import Any, Literal

from nncore.data.dataset import Dataset, InputKind, Task
from nncore.errors import DatasetError
from nncore.messages import Message

ParamKind = Literal["int", "float", "choice"]

_PARAM_KINDS = ("int", "float", "choice")
_TASKS = ("classification", "regression")
_INPUT_KINDS = ("tabular", "image", "sequence")

# Seeds go to numpy and scikit-learn; both accept any non-negative 32-bit integer.
MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class DatasetParam:
    """One parameter a dataset loader takes, with what a UI needs to draw a control for it.

    `min`/`max`/`step` apply to "int" and "float"; `choices` to "choice".
    """

    name: str
    label: str
    kind: ParamKind
    default: Any
    min: float | None = None
    max: float | None = None
    step: float | None = None
    choices: tuple[Any, ...] = ()
    help: str = ""

    def __post_init__(self) -> None:
        if self.kind not in _PARAM_KINDS:
            raise ValueError(
                f"Expected `kind` to be one of {_PARAM_KINDS}. Received: kind={self.kind!r}"
            )
        if not self.name.isidentifier():
            raise ValueError(
                f"Expected `name` to be a Python identifier. Received: name={self.name!r}"
            )
        if self.kind == "choice":
            if not self.choices:
                raise ValueError(
                    f"Expected `choices` for choice parameter {self.name!r}. Received: choices=()"
                )
        elif self.min is None or self.max is None or self.min > self.max:
            raise ValueError(
                f"Expected `min` <= `max` for numeric parameter {self.name!r}. "
                f"Received: min={self.min}, max={self.max}"
            )
        # A default that fails its own validation would make every UI's first render fail.
        self.validate(self.default)

    def validate(self, value: Any) -> Any:
        """Return `value` converted to this parameter's type, or raise DatasetError."""
        if self.kind == "choice":
            if value not in self.choices:
                allowed = ", ".join(repr(c) for c in self.choices)
                raise DatasetError(Message("msg.param.choice", name=self.name, allowed=allowed, value=repr(value)))
            return value
        number = _as_number(value, integer=self.kind == "int")
        if number is None:
            expected = Message("msg.frag.whole_number" if self.kind == "int" else "msg.frag.number")
            raise DatasetError(Message(
                "msg.param.not_number", name=self.name, expected=expected, low=_fmt(self.min), high=_fmt(self.max),
                value=repr(value),
            ))
        if not (self.min <= number <= self.max):  # type: ignore[operator]
            raise DatasetError(
                Message("msg.param.range", name=self.name, low=_fmt(self.min), high=_fmt(self.max), value=_fmt(number))
            )
        return number


@dataclass(frozen=True)
class DatasetInfo:
    """A catalogue entry: what the dataset is, in plain words, and what it takes."""

    key: str
    title: str
    task: Task
    input_kind: InputKind
    description: str  # one plain-English sentence
    params: tuple[DatasetParam, ...]
    needs_network: bool = False
    group: str = ""  # heading a UI can group entries under, e.g. "Images"

    def __post_init__(self) -> None:
        if self.task not in _TASKS:
            raise ValueError(f"Expected `task` in {_TASKS}. Received: task={self.task!r}")
        if self.input_kind not in _INPUT_KINDS:
            raise ValueError(
                f"Expected `input_kind` in {_INPUT_KINDS}. "
                f"Received: input_kind={self.input_kind!r}"
            )
        names = [p.name for p in self.params]
        if "seed" not in names or len(set(names)) != len(names):
            raise ValueError(
                f"Expected unique parameter names including 'seed'. Received: {names}"
            )

    @property
    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def param(self, name: str) -> DatasetParam:
        for p in self.params:
            if p.name == name:
                return p
        raise DatasetError(
            f"Expected a parameter of '{self.key}' ({', '.join(self.defaults)}). "
            f"Received: {name!r}"
        )

    def validate_params(self, params: dict[str, Any]) -> dict[str, Any]:
        """Defaults filled in, every value checked and converted; raises DatasetError."""
        unknown = sorted(set(params) - set(self.defaults))
        if unknown:
            received = ", ".join(f"{k}={params[k]!r}" for k in unknown)
            raise DatasetError(
                f"Expected parameters of '{self.key}' among: {', '.join(self.defaults)}. "
                f"Received: {received}"
            )
        return {p.name: p.validate(params.get(p.name, p.default)) for p in self.params}


def split_param() -> DatasetParam:
    """The training/validation/test shares, as a choice (nncore.data.splits.SPLIT_CHOICES)."""
    from nncore.data.splits import DEFAULT_SPLIT, SPLIT_CHOICES

    return DatasetParam(
        name="split",
        label=Message("data.param.split"),
        kind="choice",
        default=DEFAULT_SPLIT,
        choices=SPLIT_CHOICES,
        help=Message("data.param.split.help"),
    )


def with_split(params: dict[str, Any], split: str) -> dict[str, Any]:
    """A dataset's params with its shares recorded, only when they are not the default (so the
    params, share links and saved runs of the default split stay as they always were)."""
    from nncore.data.splits import DEFAULT_SPLIT

    return params if split == DEFAULT_SPLIT else {**params, "split": split}


def seed_param() -> DatasetParam:
    return DatasetParam(
        name="seed",
        label=Message("data.param.seed"),
        kind="int",
        default=0,
        min=0,
        max=MAX_SEED,
        step=1,
        help=Message("data.param.seed.help"),
    )


def _as_number(value: Any, *, integer: bool) -> int | float | None:
    # bool is an int subclass; True as a point count is almost certainly a mistake.
    if isinstance(value, bool):
        return None
    # Strings are refused rather than parsed: a UI should hand over numbers.
    if isinstance(value, (str, bytes)):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    if integer:
        return int(number) if number.is_integer() else None
    return number


def _fmt(number: float | None) -> str:
    if number is None:
        return "?"
    if float(number).is_integer():
        return str(int(number))
    return f"{number:g}"


@dataclass(frozen=True)
class DatasetEntry:
    """A catalogue entry and the function that loads it from validated parameters.

    `load(info, **params)` receives every parameter (defaults filled in, already checked).
    """

    info: DatasetInfo
    load: Callable[..., Dataset]
