"""Reference: a SHAP waterfall runs from the base value E[f(x)] to the prediction f(x).

Source: S. Lundberg's shap package, `shap.plots.waterfall` (https://shap.readthedocs.io/en/latest/
generated/shap.plots.waterfall.html): "The bottom of a waterfall plot starts as the expected
value of the model output, and then each row shows how the positive (red) or negative (blue)
contribution of each feature moves the value from the expected model output ... to the model
output for this prediction." Bars are read back from the Plotly trace with Plotly's waterfall
rules: a bar's `base` is where the first one starts, each "relative" bar starts where the
previous one ended, and an "absolute"/"total" bar is drawn from `base` to its value.
"""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import Explanation
from nncore.plots.explain_plots import waterfall


def drawn_spans(trace) -> list[tuple[float, float]]:
    """(start, end) of every bar in drawing order (top row first), as Plotly lays them out."""
    base = float(trace.base or 0.0)
    order = list(range(len(trace.x)))[::-1]  # rows are listed bottom-up: plotly draws the last at the top
    running, spans = 0.0, []
    for i in order:
        measure, value = trace.measure[i], float(trace.x[i])
        if measure == "relative":
            spans.append((base + running, base + running + value))
            running += value
        elif measure == "absolute":
            spans.append((base, base + value))
            running = value
        else:  # total
            spans.append((base, base + running))
    return spans


@pytest.mark.parametrize("base", [0.62, -1.5])
def test_waterfall_bars_run_from_base_value_to_prediction(base):
    values = np.array([0.1, -0.5, 0.3, 0.05, -0.02])
    exp = Explanation(values, base, 1, base + values.sum(), "Kernel SHAP",
                      feature_names=tuple(f"f{i}" for i in range(5)), instance=np.zeros(5), input_kind="tabular")
    spans = drawn_spans(waterfall(exp, max_features=3).data[0])
    assert spans[0][0] == pytest.approx(base)  # the first bar starts at E[f(x)] ...
    assert spans[-1][1] == pytest.approx(base + values.sum())  # ... the last ends at f(x)
    for (_, end), (start, _) in zip(spans[:-2], spans[1:-1]):
        assert start == pytest.approx(end)  # each feature's step starts where the previous ended
    assert min(min(s) for s in spans) >= min(base, base + values.sum()) - 0.5  # nothing is drawn from 0
