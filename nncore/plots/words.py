"""The words a figure shows (titles, axes, legends, hovers), given by whoever asks for it.

Every plot function takes `words: Words = english`: a function that gives the text of a catalogue
key ("fig.epoch") formatted with values. nncore never knows the reader's language, so a caller
that does passes its own (the app passes `ui.i18n.t`); notebooks, tests and the HTML report get
English. Values are filled in as they come: numbers formatted by the plot, data's own names
(columns, classes) as they are (never looked up; the pages escape them, ui/render.py).
"""

from __future__ import annotations

from typing import Any, Callable

from nncore.catalog import catalogues, translate

# words(key, **values) -> the text of `key` with `values` filled in.
Words = Callable[..., str]


def english(key: str, /, **values: object) -> str:
    """`key`'s English text, formatted with `values`: the default for every plot function."""
    return translate(key, "en", **values)


def worded(text: object, words: Words) -> str:
    """An engine text in `words`: a keyed one (an nncore Message) by its key and values, any
    other (a name) as it is."""
    key = getattr(text, "key", None)
    if key and getattr(text, "count", None) is None:
        return words(key, **{name: worded(value, words) for name, value in getattr(text, "params", ())})
    return str(text)


def dataset_title(dataset: Any, words: Words) -> str:
    """A dataset's title as a figure writes it: a built-in dataset's from the catalogue, an
    uploaded file's name as typed (data). A keyed title (an nncore Message) is worded by key."""
    title = dataset.title
    if getattr(title, "key", None):
        return worded(title, words)
    catalogue_key = f"data.dataset.{dataset.key}.title"
    if catalogue_key in catalogues()["en"].entries:
        return words(catalogue_key)
    return str(title)
