"""The report-card bench (bench/report_card_speed.py) explains with the Explain page's default
methods and settings; it once passed the page's "auto" steps to integrated gradients as a
number and could not run at all."""

from __future__ import annotations

import numpy as np

from bench.report_card_speed import page_explanations
from tests.explain.trained import linear_model
from ui.explain_view import DEFAULT_METHODS


def test_the_bench_explains_with_the_pages_default_methods_and_settings():
    m = linear_model(np.array([1.5, -2.0, 0.5, 3.0]))
    x = np.array([0.2, -1.0, 0.7, 0.1], dtype=np.float32)
    explanations = page_explanations(m, x)
    assert [e.method_key for e in explanations] == list(DEFAULT_METHODS["tabular"])
    ig = next(e for e in explanations if e.method_key == "integrated_gradients")
    assert ig.params["auto_steps"] and ig.params["relative_gap"] <= 0.01
