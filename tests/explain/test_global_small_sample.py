"""Whole-model views on small samples: an all-zero permutation importance is recognised, and
the smallest offered sample size that shows something is found."""

from __future__ import annotations

import numpy as np

from nncore.explain import ExplainableModel, importance_is_empty, permutation_importance, rows_that_show, sample_rows


def _rare_trigger_model_and_rows(n: int = 200):
    """Class 1 only when x0 is far above the rest (3 rows of 200); x1 is noise. The 3 rows sit
    outside the seeded 20-row sample but inside the 50-row one."""
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=(n, 2)).astype(np.float32)
    in20 = set(sample_rows(np.arange(n), np.arange(n), 20, 0)[0].tolist())
    in50 = sample_rows(np.arange(n), np.arange(n), 50, 0)[0].tolist()
    trigger = [i for i in in50 if i not in in20][:3]
    x[trigger, 0] = 3.0
    y = (x[:, 0] > 2.0).astype(np.int64)

    inputs = keras.Input(shape=(2,))
    outputs = keras.layers.Dense(2, activation="softmax")(inputs)
    model = keras.Model(inputs, outputs)
    gain = 10.0  # class-1 logit minus class-0 logit = gain * (x0 - 2)
    model.layers[-1].set_weights([np.array([[0.0, gain], [0.0, 0.0]], dtype=np.float32), np.array([0.0, -2 * gain], dtype=np.float32)])
    explainable = ExplainableModel(
        model=model, task="classification", input_kind="tabular", input_shape=(2,), feature_names=("x0", "x1"),
        class_names=("usual", "rare"), background=x,
    )
    return explainable, x, y


def test_a_sample_too_small_to_show_anything_is_recognised_and_a_size_that_shows_is_found():
    model, x, y = _rare_trigger_model_and_rows()
    x20, y20 = sample_rows(x, y, 20, 0)
    assert not y20.any()  # the precondition: no row of the rare class in the 20-row sample
    small = permutation_importance(model, x20, y20, n_repeats=5, seed=0)
    assert importance_is_empty(small)  # every shuffle left every prediction right: all bars 0
    x50, y50 = sample_rows(x, y, 50, 0)
    assert not importance_is_empty(permutation_importance(model, x50, y50, n_repeats=5, seed=0))
    assert rows_that_show(model, x, y, (50, 100, 200), seed=0) == 50


def test_no_size_shows_anything_when_no_input_matters():
    model, x, y = _rare_trigger_model_and_rows()
    flat = x.copy()
    flat[:, 0] = 0.0  # x0 never crosses the trigger: the model says "usual" everywhere
    assert rows_that_show(model, flat, np.zeros(len(flat), dtype=np.int64), (50, 100), seed=0) is None
