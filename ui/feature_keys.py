"""The translation key of a bundled table's feature description: `feat.<dataset>.<feature>`.

The feature's name is the one the data gives ("mean radius", "sepal length (cm)"), reduced to
letters, digits and underscores so it can sit in a key.
"""

from __future__ import annotations

import re

# The 2-D playground sets all call their inputs x1 and x2: one description serves them all.
PLANE = "plane"


def feature_slug(name: str) -> str:
    """ "sepal length (cm)" -> "sepal_length_cm"; "od280/od315 of diluted wines" -> "od280_od315_of_diluted_wines". """
    return re.sub(r"[^a-z0-9]+", "_", str(name).lower()).strip("_")


def feature_key(dataset_key: str, name: str) -> str:
    return f"feat.{dataset_key}.{feature_slug(name)}"
