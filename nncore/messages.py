"""A text the engine says to the user, as a catalogue key and the values that fill it.

nncore never words a sentence for the screen: it returns `Message("msg.job.finished", n=3)`
and the interface words it in the session's language (`ui.i18n.say`). `str(message)` is the
English, for logs, notebooks and tests. A value may itself be a Message (a fragment such as
"after epoch 3", or a dataset's title): it is worded in the same language as the whole.

A Message is a `str` whose value is the English (so code that treats the engine's texts as
strings keeps working), immutable and hashable, and round-trips through JSON (`to_json`/`from_json`) so a
saved run keeps its outcome as a key, not as English.
"""

from __future__ import annotations

import json
from typing import Any

from nncore.catalog import translate, translate_plural

Value = Any  # str, int, float or Message


class Message(str):
    """A catalogue key and its values; as a string it is the English wording.

    It is a `str` so that everything that logs, compares or searches the engine's English keeps
    working unchanged (`"not saved" in run.message`); the key and values ride along for the UI.
    Immutable like any string: the attributes cannot be set after creation.
    """

    key: str
    params: tuple[tuple[str, Value], ...]
    count: str | None  # the parameter whose number picks the plural form, if any

    def __new__(cls, key: str, /, **params: Value) -> Message:
        return cls._make(key, tuple(sorted(params.items())), None)

    @classmethod
    def plural(cls, key: str, count: str, /, **params: Value) -> Message:
        """A message whose wording depends on the number `params[count]` (1 epoch, 2 epochs)."""
        return cls._make(key, tuple(sorted(params.items())), count)

    @classmethod
    def _make(cls, key: str, params: tuple[tuple[str, Value], ...], count: str | None) -> Message:
        english = _wording(key, params, count, "en")
        message = super().__new__(cls, english)
        object.__setattr__(message, "key", key)
        object.__setattr__(message, "params", params)
        object.__setattr__(message, "count", count)
        return message

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("A Message cannot be changed; make a new one.")

    def __reduce__(self):  # pickling and copying (Streamlit's caches) keep the key and values
        return (Message._make, (self.key, self.params, self.count))

    def __repr__(self) -> str:
        values = "".join(f", {name}={value!r}" for name, value in self.params)
        return f"Message({self.key!r}{values})"

    @property
    def values(self) -> dict[str, Value]:
        return dict(self.params)

    def word(self, language: str = "en") -> str:
        return _wording(self.key, self.params, self.count, language)

    def __str__(self) -> str:
        return str.__str__(self)

    # --- saving -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        params = {name: value.to_dict() if isinstance(value, Message) else value for name, value in self.params}
        return {"key": self.key, "params": params, **({"count": self.count} if self.count else {})}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Message:
        params = {name: cls.from_dict(value) if isinstance(value, dict) and "key" in value else value
                  for name, value in data.get("params", {}).items()}
        return cls._make(data["key"], tuple(sorted(params.items())), data.get("count") or None)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def _number(value: Value) -> int:
    """The count a plural form is chosen by; a count may come formatted ("1,024")."""
    return int(float(str(value).replace(",", "")))


def _wording(key: str, params: tuple[tuple[str, Value], ...], count: str | None, language: str) -> str:
    values = {name: value.word(language) if isinstance(value, Message) else value for name, value in params}
    if count is not None:
        return translate_plural(key, _number(dict(params)[count]), language, **values)
    return translate(key, language, **values)


def word(text: Message | str, language: str = "en") -> str:
    """A Message worded in `language`; a plain string (a name, an old saved text) as it is."""
    if isinstance(text, Message):
        return text.word(language)
    return text if isinstance(text, str) else str(text)


def join(*parts: Message | str) -> Message | str:
    """Sentences said one after another ("Finished 3 epochs. The run was not saved: ...")."""
    kept = [part for part in parts if part]
    if not kept:
        return ""
    whole = kept[0]
    for part in kept[1:]:
        whole = Message("msg.then", first=whole, second=part)
    return whole


_JSON_START = '{"key": '


def to_text(text: Message | str) -> str:
    """What a store keeps: a Message as JSON, a plain string as it is."""
    return text.to_json() if isinstance(text, Message) else str(text)


def from_text(text: str) -> Message | str:
    """The inverse of `to_text`; a text saved before messages had keys stays a string."""
    if text.startswith(_JSON_START):
        try:
            return Message.from_dict(json.loads(text))
        except (ValueError, KeyError, TypeError):
            return text
    return text
