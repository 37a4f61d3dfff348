"""Shareable setups: the dataset, the architecture and the training settings in the page's URL.

A teacher copies the address bar and a student who opens it gets the same setup, as in
TensorFlow Playground. The URL reads like this:

    ?data=spiral&d.n_points=500&d.noise=0.15&d.seed=0&preset=small_mlp&lr=0.03&batch=10&epochs=100...

The model is named by its preset when it is one unchanged, otherwise carried as compact JSON
in `model` (base64url). A link is untrusted input: anything malformed, unknown or out of range
falls back to the defaults with a notice that says what was wrong; it never raises.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_LINK_CHARS = 6_000  # a long hostile link is refused before any parsing
DATASET_PREFIX = "d."
# Training settings: URL name -> TrainingConfig field.
TRAINING_PARAMS = {
    "opt": "optimizer",
    "lr": "learning_rate",
    "momentum": "momentum",
    "batch": "batch_size",
    "epochs": "epochs",
    "early_stop": "early_stopping",
    "patience": "patience",
    "seed": "seed",
    "cw": "class_weights",
}
KNOWN_KEYS = {"data", "preset", "model", *TRAINING_PARAMS}


@dataclass(frozen=True)
class SharedSetup:
    """What a link carries, decoded and validated; None where the link said nothing usable."""

    dataset: Any = None  # nncore Dataset
    preset_key: str | None = None
    model_spec: Any = None  # nncore ModelSpec
    training_config: Any = None  # nncore TrainingConfig
    problems: tuple[str, ...] = ()


# --- encoding ---------------------------------------------------------------------------------

def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)  # shortest text that reads back to the same float
    return str(value)


def _encode_spec(spec: Any) -> str:
    compact = json.dumps(spec.to_dict(), separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(compact.encode()).decode().rstrip("=")


def _decode_spec(text: str) -> Any:
    from nncore.models import ModelSpec

    padded = text + "=" * (-len(text) % 4)
    raw = base64.urlsafe_b64decode(padded.encode("ascii"))
    return ModelSpec.from_json(raw.decode("utf-8"))


def encode_setup(dataset: Any, model_spec: Any, preset_key: str | None, config: Any) -> dict[str, str] | None:
    """Query parameters for a setup, or None when it cannot be shared (an uploaded CSV)."""
    from nncore.models import preset_spec

    if dataset.key == "csv":
        return None
    params = {"data": dataset.key}
    for name, value in dataset.params.items():
        if name != "key":
            params[DATASET_PREFIX + name] = _text(value)
    if preset_key and preset_spec(preset_key, dataset) == model_spec:
        params["preset"] = preset_key
    else:
        params["model"] = _encode_spec(model_spec)
    settings = config.to_dict()
    for url_name, field in TRAINING_PARAMS.items():
        params[url_name] = _text(settings[field])
    return params


# --- decoding ---------------------------------------------------------------------------------

def _number(text: str, kind: str) -> Any:
    if kind == "int":
        return int(text)
    if kind == "bool":
        if text not in ("0", "1", "true", "false"):
            raise ValueError(f"expected 0 or 1, got {text!r}")
        return text in ("1", "true")
    if kind == "float":
        value = float(text)
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"expected a finite number, got {text!r}")
        return value
    return text


def _decode_dataset(query: Mapping[str, str], problems: list[str]) -> Any:
    from nncore.data import load_dataset
    from nncore.data.positive_class import apply_positive_param
    from nncore.data.registry import get_dataset_info

    key = query.get("data")
    if key is None:
        return None
    try:
        info = get_dataset_info(key)
        if info.needs_network:
            raise ValueError("it needs a download; open it from the Data page")
        values = {}
        for param in info.params:
            text = query.get(DATASET_PREFIX + param.name)
            if text is not None:
                kind = "float" if param.kind == "float" else ("int" if param.kind == "int" else "text")
                value = _number(text, kind)
                if param.kind == "choice" and value not in param.choices:
                    raise ValueError(f"{param.name}={text!r} is not one of {list(param.choices)}")
                values[param.name] = value
        dataset = load_dataset(key, **values)
    except Exception as error:  # an unknown key, a bad or out-of-range parameter
        problems.append(f"the dataset ({_short(error)})")
        return None
    try:  # the positive class (two classes), chosen on the Data page after loading
        return apply_positive_param(dataset, {"positive": query.get(DATASET_PREFIX + "positive")})
    except Exception as error:  # a class the data does not have: the default stays
        problems.append(f"the positive class ({_short(error)})")
        return dataset


def _decode_model(query: Mapping[str, str], dataset: Any, problems: list[str]) -> tuple[str | None, Any]:
    from nncore.models import PRESETS, preset_spec
    from nncore.models.build import validate_for_data

    try:
        if "preset" in query:
            key = query["preset"]
            if key not in PRESETS:
                raise ValueError(f"unknown preset {key!r}")
            return key, preset_spec(key, dataset)
        if "model" in query:
            spec = _decode_spec(query["model"])
            validate_for_data(spec, dataset)
            return None, spec
    except Exception as error:  # bad base64 or JSON, ArchitectureError, anything a crafted spec provokes
        problems.append(f"the model ({_short(error)})")
    return None, None


def _decode_training(query: Mapping[str, str], problems: list[str]) -> Any:
    from nncore.training.config import TrainingConfig

    defaults = TrainingConfig().to_dict()
    settings = dict(defaults)
    seen = False
    try:
        for url_name, field in TRAINING_PARAMS.items():
            if url_name in query:
                seen = True
                default = defaults[field]
                kind = "bool" if isinstance(default, bool) else "int" if isinstance(default, int) else "float" if isinstance(default, float) else "text"
                settings[field] = _number(query[url_name], kind)
        return TrainingConfig.from_dict(settings) if seen else None
    except Exception as error:
        problems.append(f"the training settings ({_short(error)})")
        return None


def _short(error: Exception, limit: int = 160) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def decode_setup(query: Mapping[str, str]) -> SharedSetup:
    """Read a link's query parameters. Never raises: problems are listed in `.problems`."""
    problems: list[str] = []
    query = {str(k): str(v) for k, v in query.items()}
    if sum(len(k) + len(v) for k, v in query.items()) > MAX_LINK_CHARS:
        return SharedSetup(problems=(f"the link is longer than {MAX_LINK_CHARS:,} characters",))
    unknown = sorted(k for k in query if k not in KNOWN_KEYS and not k.startswith(DATASET_PREFIX))
    if unknown:
        problems.append(f"unknown settings {', '.join(unknown[:5])}")
    dataset = _decode_dataset(query, problems)
    preset_key, spec = (None, None)
    if dataset is not None:
        preset_key, spec = _decode_model(query, dataset, problems)
    config = _decode_training(query, problems)
    return SharedSetup(dataset, preset_key, spec, config, tuple(problems))


# --- the page's URL ---------------------------------------------------------------------------

_APPLIED_KEY = "_share_link_applied"


def apply_link_once(state: Any) -> None:
    """On a session's first run, load the setup in the URL (if any) into `state`."""
    import streamlit as st

    from ui.i18n import t

    if st.session_state.get(_APPLIED_KEY):
        return
    st.session_state[_APPLIED_KEY] = True
    query = st.query_params.to_dict()
    if not any(k in query for k in KNOWN_KEYS):
        return
    setup = decode_setup(query)
    # The link chooses the model too: no "switched preset" notice from the data switch.
    state.apply_setup(setup.dataset, setup.model_spec, setup.preset_key, setup.training_config)
    if setup.problems:
        # The problems themselves name settings and engine messages, which stay in English.
        state.add_notice(t("notice.link_problems", problems="; ".join(setup.problems)))
    elif setup.dataset is not None:
        state.add_notice(t("notice.link_opened"))


def write_link(state: Any) -> None:
    """Keep the URL in step with the current setup, so copying it shares the setup."""
    import streamlit as st

    params = encode_setup(state.dataset, state.model_spec, state.preset_key, state.training_config)
    if params is None:
        if any(k in st.query_params for k in KNOWN_KEYS):
            st.query_params.clear()
        return
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
