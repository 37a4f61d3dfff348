"""Figures shared by sessions (ui/shared_figures.py): the same data gives the very same figure,
other data never gets it, each language has its own, and showing a shared figure with escaped
names leaves it as it was for the next session."""

from __future__ import annotations

import dataclasses

import numpy as np
import plotly.graph_objects as go
import pytest

from nncore.data.registry import load_dataset
from nncore.plots import data_plots
from nncore.plots.data_text import safe_figure
from ui import shared_figures
from nncore.catalog import translate
from ui.shared_figures import dataset_figure, dataset_fingerprint, shared_figure


@pytest.fixture(autouse=True)
def _empty_cache():
    shared_figures.clear()
    yield
    shared_figures.clear()


def _balance(dataset):
    return dataset_figure("balance", dataset, lambda: data_plots.dataset_class_balance(dataset))


def test_two_sessions_loading_the_same_data_share_one_figure():
    first, second = load_dataset("circles"), load_dataset("circles")
    assert first is not second
    assert dataset_fingerprint(first) == dataset_fingerprint(second)
    assert _balance(first) is _balance(second)


def test_other_data_gets_its_own_figure():
    circles = load_dataset("circles")
    relabelled = dataclasses.replace(circles, y_test=np.zeros_like(circles.y_test))  # one array differs
    renamed = dataclasses.replace(circles, class_names=("inner", "outer ring"))  # one name differs
    fingerprints = {dataset_fingerprint(d) for d in (circles, relabelled, renamed)}
    assert len(fingerprints) == 3
    figures = [_balance(d) for d in (circles, relabelled, renamed)]
    assert len({id(f) for f in figures}) == 3
    assert list(figures[2].data[0].x) == ["inner", "outer ring"]
    # What each shows is what it would draw unshared.
    for dataset, figure in zip((circles, relabelled, renamed), figures):
        assert figure.to_plotly_json() == data_plots.dataset_class_balance(dataset).to_plotly_json()


def test_a_figure_is_built_once_for_the_same_inputs_and_the_cache_is_bounded():
    builds = []

    def build():
        builds.append(1)
        return go.Figure()

    assert shared_figure("diagram", (1.0, "relu"), build) is shared_figure("diagram", (1.0, "relu"), build)
    assert len(builds) == 1
    shared_figure("diagram", (2.0, "relu"), build)
    assert len(builds) == 2
    for value in range(shared_figures.MAX_FIGURES + 5):
        shared_figure("other", value, go.Figure)
    assert len(shared_figures._figures) == shared_figures.MAX_FIGURES


def test_data_that_cannot_be_hashed_stays_in_the_session(monkeypatch):
    class Unpicklable:
        def __reduce__(self):
            raise TypeError("no")

    monkeypatch.setattr("streamlit.session_state", {}, raising=False)
    builds = []
    thing = Unpicklable()
    dataset_figure("x", thing, lambda: builds.append(1) or go.Figure())
    dataset_figure("x", thing, lambda: builds.append(1) or go.Figure())
    assert dataset_fingerprint(thing) is None and len(builds) == 1
    assert not shared_figures._figures


def _balance_in(dataset, language, monkeypatch):
    """The balance figure as a session in `language` gets it (its words in that language)."""
    monkeypatch.setattr(shared_figures, "_language", lambda: language)
    words = lambda key, **values: translate(key, language, **values)  # noqa: E731
    return dataset_figure("balance", dataset, lambda: data_plots.dataset_class_balance(dataset, words=words))


def test_a_chinese_session_never_gets_an_english_figure_and_escaping_leaves_it_unchanged(monkeypatch):
    dataset = dataclasses.replace(load_dataset("circles"), class_names=("<b>inner</b>", "outer"))
    english = _balance_in(dataset, "en", monkeypatch)
    chinese = _balance_in(dataset, "zh", monkeypatch)
    assert chinese is not english
    assert chinese.layout.title.text != english.layout.title.text
    assert _balance_in(dataset, "en", monkeypatch) is english  # each language shared on its own
    before = english.to_plotly_json()
    escaped = safe_figure(english, {"<b>inner</b>"})
    assert escaped is not english
    assert english.to_plotly_json() == before


def test_a_dataset_a_person_brought_is_never_shared(monkeypatch):
    """DESIGN.md: nothing a person uploaded goes into what the server's sessions share. Data
    under a catalogue key that is not what the catalogue loads (an imported run's, say) counts."""
    session: dict = {}
    monkeypatch.setattr("streamlit.session_state", session, raising=False)
    circles = load_dataset("circles")
    brought = dataclasses.replace(circles, x_train=circles.x_train + 1.0)  # same key and parameters
    uploaded = dataclasses.replace(circles, key="csv", params={"key": "csv"})
    for dataset in (brought, uploaded):
        first = _balance(dataset)
        assert _balance(dataset) is first  # kept for the session while that dataset is loaded
        assert shared_figures.SESSION_KEY in session
    assert not shared_figures._figures  # nothing went into the server-wide cache
    _balance(circles)
    assert len(shared_figures._figures) == 1
