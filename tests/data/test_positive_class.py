"""The default positive class of a two-class task, and the choice travelling with the data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nncore.data import dataset_from_csv, load_dataset, reload_dataset
from nncore.data.positive_class import (
    REASON_CHOSEN,
    REASON_NAME,
    REASON_PARTNER,
    REASON_RARER,
    REASON_TIE,
    default_positive_class,
    positive_class,
    positive_index,
    with_positive_class,
)
from nncore.errors import DatasetError


@pytest.mark.parametrize(
    ("names", "counts", "index", "reason"),
    [
        (("malignant", "benign"), (212, 357), 0, REASON_NAME),
        (("benign", "malignant"), (357, 212), 1, REASON_NAME),
        (("no", "yes"), (10, 90), 1, REASON_NAME),  # the name wins over rarity
        (("yes", "no"), (30, 70), 0, REASON_NAME),
        (("0", "1"), (50, 50), 1, REASON_NAME),
        (("1", "0"), (5, 95), 0, REASON_NAME),
        (("False", "True"), (80, 20), 1, REASON_NAME),
        (("healthy", "flu"), (70, 30), 1, REASON_PARTNER),
        (("Stayed", "Left"), (20, 80), 1, REASON_PARTNER),
        (("Heart disease", "No heart disease"), (40, 60), 0, REASON_PARTNER),  # both say "disease"
        (("Fraudulent", "Legit"), (3, 97), 0, REASON_NAME),
        (("setosa", "versicolor"), (30, 70), 0, REASON_RARER),
        (("setosa", "versicolor"), (70, 30), 1, REASON_RARER),
        (("red", "blue"), (50, 50), 1, REASON_TIE),
    ],
)
def test_default_positive_class(names, counts, index, reason):
    chosen = default_positive_class(names, counts)
    assert (chosen.index, chosen.reason) == (index, reason)


def test_no_positive_class_without_two_classes():
    assert default_positive_class(("a", "b", "c"), (1, 2, 3)) is None
    assert positive_class(load_dataset("iris")) is None
    assert positive_class(load_dataset("diabetes")) is None


def test_breast_cancer_is_read_with_malignant_as_positive():
    data = load_dataset("breast_cancer")
    assert data.class_names == ("malignant", "benign")
    assert data.positive_class == 0
    assert positive_class(data).reason == REASON_NAME


def _table(labels: list, n_rare: int, n_common: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    y = [labels[0]] * n_rare + [labels[1]] * n_common
    return pd.DataFrame({"age": rng.normal(50, 10, len(y)), "dose": rng.normal(size=len(y)), "outcome": y})


@pytest.mark.parametrize(
    ("labels", "positive"),
    [(["yes", "no"], "yes"), ([1, 0], "1"), (["true", "false"], "true"), (["churned", "active"], "churned")],
)
def test_csv_tables_get_the_finding_as_positive(labels, positive):
    # The finding sorts first or last depending on its spelling; the choice must not depend on that.
    data = dataset_from_csv(_table(labels, 20, 60), target="outcome")
    assert data.class_names[data.positive_class] == positive


def test_csv_without_telling_names_takes_the_rarer_class():
    data = dataset_from_csv(_table(["alpha", "beta"], 60, 15), target="outcome")
    # sorted: alpha (60) and beta (15) -> beta, the rarer one
    assert data.class_names == ("alpha", "beta") and data.class_names[data.positive_class] == "beta"
    assert positive_class(data).reason == REASON_RARER


def test_a_chosen_positive_class_survives_a_reload_from_params():
    data = with_positive_class(load_dataset("breast_cancer"), "benign")
    assert positive_index(data) == 1 and positive_class(data).reason == REASON_CHOSEN
    assert data.params["positive"] == "benign"
    again = reload_dataset(data.params)
    assert again.positive_class == 1
    # Choosing the default again reads as the default, with its reason.
    back = with_positive_class(again, "malignant")
    assert positive_class(back).reason == REASON_NAME


def test_choosing_a_class_the_data_lacks_is_refused():
    with pytest.raises(DatasetError, match="one of"):
        with_positive_class(load_dataset("breast_cancer"), "maybe")
    with pytest.raises(DatasetError, match="two classes"):
        with_positive_class(load_dataset("iris"), "setosa")


def test_a_dataset_without_a_stored_choice_gets_the_default():
    from dataclasses import replace

    data = replace(load_dataset("breast_cancer"), positive_class=None)  # e.g. an old run's archive
    assert positive_index(data) == 0


def test_a_reload_of_the_same_data_keeps_the_chosen_class():
    from nncore.data.positive_class import carry_positive_class

    chosen = with_positive_class(load_dataset("breast_cancer"), "benign")
    again = carry_positive_class(load_dataset("breast_cancer", seed=4, split="70/15/15"), chosen)
    assert again.positive_class == 1 and again.params["split"] == "70/15/15"
    other = load_dataset("circles")
    assert carry_positive_class(other, chosen) is other
