"""What the Inside page computes once per run and keeps in this session's state: the
activation probe and every layer's outputs over a sample of the test set."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import streamlit as st

CACHE_KEY = "_inside_cache"
SAMPLE_SIZE = 1000  # test examples for statistics, PCA and top examples


@dataclass
class InsideData:
    run: Any
    probe: Any  # nncore.inspect.activations.ActivationProbe
    sample: np.ndarray  # indices into the test set
    values: dict[str, np.ndarray]  # layer -> outputs over the sample
    extras: dict[str, Any] = field(default_factory=dict)  # lazily computed views (stats, weights, ...)

    def lazy(self, key: Any, make) -> Any:
        if key not in self.extras:
            self.extras[key] = make()
        return self.extras[key]


def inside_data(run: Any) -> InsideData:
    """The cached data for `run`, computed on the first visit (a fraction of a second)."""
    cached = st.session_state.get(CACHE_KEY)
    if cached is not None and cached.run is run:
        return cached
    from nncore.inspect.activations import ActivationProbe

    data = run.dataset
    probe = ActivationProbe(run.model)
    n = len(data.x_test)
    sample = np.arange(n) if n <= SAMPLE_SIZE else np.sort(np.random.default_rng(0).choice(n, SAMPLE_SIZE, replace=False))
    values = probe(data.x_test[sample])
    # A second batch size makes the compiled probe retrace once for any size; do it now, so
    # the first change of input is as quick as the later ones (an LSTM's trace takes ~0.3 s).
    probe(data.x_test[:1])
    result = InsideData(run, probe, sample, values)
    st.session_state[CACHE_KEY] = result
    return result
