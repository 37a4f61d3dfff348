"""Figures that depend only on what they are given, built once per server and shared by sessions.

A classroom server draws the same figures for thirty people: the Data page's class balance and
scatter of the dataset everyone starts with, the Neuron lab's diagram at its starting values,
the Model page's preview of the starting model (its parameter table and diagram).
Building a plotly figure is Python work that holds the GIL (tens of milliseconds, a second for
the digits image grid), and every page run rebuilt them, while the figure never changes for
the same data (issue 19: the Data page had the slowest page runs at 30 sessions).

A figure is kept under the name of what drew it and a fingerprint of its inputs: for a dataset,
a hash of its whole content (arrays, names, preprocessing), so two sessions that loaded the
same data share one figure. Only the catalogue's datasets are shared, and only when their
content is what the catalogue loads (a run imported from a file may carry any data under a
catalogue key): a dataset a person brought (a CSV, an imported run's data) stays in that
person's session (DESIGN.md), where its figures are kept for as long as it is loaded.
Datasets are immutable (`nncore.data.dataset.Dataset`), so a dataset's fingerprint is computed
once per object.

Figures are worded when they are drawn (the plot functions take the page's `t`), so the
session's language is part of every key: a Chinese session never gets an English figure.
Shared figures are read-only: show_figure escapes into a copy (`safe_figure`) and Streamlit
serializes without changing the figure.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
import weakref
from collections import OrderedDict
from typing import Any, Callable, Hashable, TypeVar

import plotly.graph_objects as go

T = TypeVar("T")
MAX_FIGURES = 48  # a few datasets x a few figures each, and the Neuron lab's recent settings
_lock = threading.Lock()
_figures: OrderedDict[tuple, Any] = OrderedDict()
_fingerprints: dict[int, tuple[weakref.ref, str | None]] = {}
_catalogue: dict[tuple[str, str], str | None] = {}  # (key, parameters) -> the catalogue load's fingerprint
SESSION_KEY = "_dataset_figures"


def shared_figure(name: str, inputs: Hashable, build: Callable[[], go.Figure]) -> go.Figure:
    """The figure `build()` draws, from the server's cache when `name` drew it for `inputs`."""
    return shared(name, inputs, build)


def shared(name: str, inputs: Hashable, build: Callable[[], T]) -> T:
    """What `build()` returns (a figure, or what one is drawn from, never changed after), from
    the server's cache when `name` built it for `inputs`. A build that raises is not kept."""
    key = (name, _language(), inputs)
    with _lock:
        figure = _figures.get(key)
        if figure is not None:
            _figures.move_to_end(key)
            return figure
    figure = build()  # outside the lock: two sessions may build it at once, both get a right one
    with _lock:
        _figures[key] = figure
        while len(_figures) > MAX_FIGURES:
            _figures.popitem(last=False)
    return figure


def dataset_figure(name: str, dataset: Any, build: Callable[[], go.Figure], *extra: Hashable) -> go.Figure:
    """`build()`'s figure of `dataset`: shared by every session when it is a catalogue dataset
    as the catalogue loads it, else kept in this session only (docs: DESIGN.md, a dataset a
    person brought never goes into what the server's sessions share)."""
    fingerprint = dataset_fingerprint(dataset)
    if fingerprint is not None and fingerprint == _catalogue_fingerprint(dataset):
        return shared(name, (fingerprint, *extra), build)
    return _session_figure(name, dataset, build, extra)


def _session_figure(name: str, dataset: Any, build: Callable[[], go.Figure], extra: tuple) -> go.Figure:
    import streamlit as st

    kept = st.session_state.get(SESSION_KEY)
    if kept is None or kept[0] is not dataset:  # one dataset's figures at a time, this session's own
        kept = (dataset, {})
        st.session_state[SESSION_KEY] = kept
    key = (name, _language(), *extra)
    if key not in kept[1]:
        kept[1][key] = build()
    return kept[1][key]


def _language() -> str:
    from ui.i18n import current_language  # the figure's words are in it

    return current_language()


def _catalogue_fingerprint(dataset: Any) -> str | None:
    """The fingerprint of the catalogue's own load of `dataset`'s key and parameters (loaded
    once per server), or None when it is not a catalogue dataset."""
    from nncore.data.registry import list_datasets, reload_dataset

    key = getattr(dataset, "key", None)
    try:
        params = repr(sorted(getattr(dataset, "params", {}).items()))
    except TypeError:
        return None
    if key not in {info.key for info in list_datasets()}:
        return None
    with _lock:
        if (key, params) in _catalogue:
            return _catalogue[(key, params)]
    try:
        reference = reload_dataset(dataset.params)
        fingerprint = dataset_fingerprint(reference)
    except Exception:  # parameters the loader does not take as they are: not shared
        fingerprint = None
    with _lock:
        _catalogue[(key, params)] = fingerprint
    return fingerprint


def dataset_fingerprint(dataset: Any) -> str | None:
    """A hash of everything in `dataset` (its pickle, arrays included); None if it cannot be pickled."""
    with _lock:
        known = _fingerprints.get(id(dataset))
        if known is not None and known[0]() is dataset:
            return known[1]
    fingerprint = _content_hash(dataset)
    try:
        reference = weakref.ref(dataset, _forget(id(dataset)))
    except TypeError:  # an object without weak references: hashed again next time
        return fingerprint
    with _lock:
        _fingerprints[id(dataset)] = (reference, fingerprint)
    return fingerprint


def _forget(object_id: int) -> Callable[[weakref.ref], None]:
    def forget(reference: weakref.ref) -> None:
        with _lock:
            if _fingerprints.get(object_id, (None,))[0] is reference:
                del _fingerprints[object_id]
    return forget


def _content_hash(dataset: Any) -> str | None:
    buffers: list[pickle.PickleBuffer] = []
    try:  # protocol 5 hands the arrays over as buffers, hashed in place rather than copied
        head = pickle.dumps(dataset, protocol=5, buffer_callback=buffers.append)
    except Exception:  # something in it does not pickle: draw it each time, as before
        return None
    digest = hashlib.blake2b(head, digest_size=20)
    for buffer in buffers:
        try:
            digest.update(buffer.raw())
        except BufferError:  # not contiguous: hash a contiguous copy
            digest.update(bytes(buffer))
    return digest.hexdigest()


def clear() -> None:
    """Forget every shared figure (tests)."""
    with _lock:
        _figures.clear()
        _catalogue.clear()
