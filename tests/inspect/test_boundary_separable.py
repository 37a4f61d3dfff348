"""On a linearly separable 2-D set the learned boundary separates the two classes on the grid."""

from __future__ import annotations

import numpy as np

from nncore.inspect.boundary import plane_grid
from nncore.models import preset_spec
from nncore.training import TrainingConfig, TrainingJob
from tests.helpers import make_dataset


def test_the_boundary_of_a_separable_set_puts_each_class_on_its_own_side():
    data = make_dataset("tabular", (2,), n=300, seed=4)  # class 1 where x1 is above its median
    job = TrainingJob(data, preset_spec("logistic", data), TrainingConfig(epochs=60, batch_size=16, learning_rate=0.05, seed=0))
    assert job.start().join(timeout=120)
    grid = plane_grid(job.result.model, data, steps=60)
    threshold = np.median(np.concatenate([data.x_train, data.x_val, data.x_test])[:, 0])
    # Grid cells clearly left of the true boundary say class 0, clearly right say class 1.
    left, right = grid.xs < threshold - 0.5, grid.xs > threshold + 0.5
    assert left.any() and right.any()
    assert (grid.value[:, left] < 0.5).mean() > 0.95
    assert (grid.value[:, right] > 0.5).mean() > 0.95
    # And the grid classifies the training points by their nearest cell as their labels say.
    ix = np.abs(grid.xs[None, :] - data.x_train[:, :1]).argmin(axis=1)
    iy = np.abs(grid.ys[None, :] - data.x_train[:, 1:]).argmin(axis=1)
    assert np.mean((grid.value[iy, ix] > 0.5) == (data.y_train == 1)) > 0.95
