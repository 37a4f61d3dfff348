"""Complexity of an explanation: how concentrated its attributions are (sparseness).

Sparseness (Chalasani et al., 2020, "Concise explanations of neural networks using
adversarial training") is the Gini index of the attributions' magnitudes, as defined by
Hurley & Rickard (2009, "Comparing measures of sparsity"): 0 when every position gets the
same share, (n - 1) / n when one position gets everything. A property, not an error: a
model that really uses every input deserves a spread-out explanation.
"""

from __future__ import annotations

import numpy as np


def sparseness(values: np.ndarray) -> float:
    """Gini index of |values| (flattened); NaN when every value is zero (nothing to measure).

    With a = |values| sorted ascending and i = 1..n: sum((2i - n - 1) a_i) / (n sum(a)).
    """
    a = np.sort(np.abs(np.asarray(values, dtype=np.float64).reshape(-1)))
    n = a.size
    if n == 0:
        raise ValueError("Expected at least one attribution. Received: none")
    total = float(a.sum())
    if total == 0.0 or not np.isfinite(total):
        return float("nan")
    i = np.arange(1, n + 1)
    return float(np.sum((2 * i - n - 1) * a) / (n * total))
