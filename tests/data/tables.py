"""Real-looking tables made in the test: what a clinic or a class brings, with its usual traits.

`hospital_csv` has what spreadsheets exported from a clinic hold: an unnamed first column with
the row number (pandas' `to_csv` writes it with a blank header), an ID, the patients' names
(one distinct text per row), an admission date, a free-text comments column, a column with a
single value, and gaps in about a third of the rows. The outcome depends on age, blood
pressure and smoking, so a network can learn it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FIRST = ["Anna", "Ben", "Chen", "Dara", "Eli", "Fatma", "Goran", "Hana", "Ivo", "Jun", "Kemal", "Lea"]
LAST = ["Berg", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jansen", "Kim"]
COMMENTS = [
    "came in with chest pain after a long walk",
    "follow up in two weeks, call the family",
    "no complaints today but tired in the mornings",
    "referred by the general practitioner for tests",
    "second visit this year, blood pressure checked twice",
]


def hospital_frame(n: int = 150, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    age = rng.normal(58, 12, n).round()
    bp = rng.normal(135, 18, n).round(1)
    smoker = rng.choice(["yes", "no"], n, p=[0.3, 0.7])
    ward = rng.choice(["north", "south", "east"], n)
    risk = (age - 58) / 12 + (bp - 135) / 18 + (smoker == "yes") * 1.2 + rng.normal(0, 0.6, n)
    outcome = np.where(risk > 0.4, "readmitted", "home")
    admitted = pd.Timestamp("2023-01-02") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
    frame = pd.DataFrame({
        "ID": [f"P{10_000 + 37 * i}" for i in range(n)],
        "name": [f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}" for i in range(n)],
        "admitted": admitted.strftime("%Y-%m-%d"),
        "comments": [f"{COMMENTS[i % len(COMMENTS)]} (visit {i})" for i in range(n)],
        "hospital": ["St. Mary"] * n,
        "age": age,
        "blood pressure": bp,
        "smoker": smoker,
        "ward": ward,
        "outcome": outcome,
    })
    # Gaps in about a third of the rows: age, blood pressure and smoker go missing.
    gaps = rng.random(n) < 0.34
    which = rng.integers(0, 3, n)
    frame.loc[gaps & (which == 0), "age"] = np.nan
    frame.loc[gaps & (which == 1), "blood pressure"] = np.nan
    frame.loc[gaps & (which == 2), "smoker"] = None
    return frame


def hospital_csv(n: int = 150, seed: int = 0) -> bytes:
    """The table as a spreadsheet exports it: pandas' index as an unnamed first column."""
    return hospital_frame(n, seed).to_csv(index=True).encode()
