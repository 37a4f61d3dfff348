import numpy as np
import pytest

from nncore.data import load_dataset
from nncore.errors import NNExplorerError
from nncore.inspect.boundary import plane_grid
from nncore.models import preset_spec
from nncore.plots.boundary_plots import decision_boundary
from nncore.training import TrainingConfig, TrainingJob


def trained(key):
    data = load_dataset(key)
    job = TrainingJob(data, preset_spec("small_mlp", data), TrainingConfig(epochs=40, batch_size=16)).start()
    assert job.join(timeout=120)
    return data, job.result.model


def test_the_boundary_agrees_with_the_models_own_predictions():
    data, model = trained("moons")
    grid = plane_grid(model, data, steps=50)
    assert grid.kind == "probability" and grid.value.shape == (50, 50)
    assert grid.value.min() >= 0 and grid.value.max() <= 1
    # Each test point falls in the grid cell whose value says the same class as the model.
    ix = np.abs(grid.xs[None, :] - data.x_test[:, :1]).argmin(axis=1)
    iy = np.abs(grid.ys[None, :] - data.x_test[:, 1:]).argmin(axis=1)
    from_grid = grid.value[iy, ix] > 0.5
    direct = np.asarray(model(data.x_test, training=False))[:, 0] > 0.5
    assert np.mean(from_grid == direct) > 0.95  # only points right on the boundary may differ
    # and the grid covers every point
    assert grid.xs[0] < data.x_test[:, 0].min() and grid.xs[-1] > data.x_test[:, 0].max()


def test_regression_surface_is_in_the_targets_units_and_figures_build():
    data, model = trained("plane")
    grid = plane_grid(model, data, steps=20)
    assert grid.kind == "regression"
    original = data.preprocessing.inverse_target(data.y_train)
    assert original.min() - 1 < grid.value.mean() < original.max() + 1
    fig = decision_boundary(grid, data)
    assert fig.data[0].type == "heatmap" and fig.data[-1].type == "scatter"


def test_only_two_feature_data_has_a_plane():
    data = load_dataset("iris")
    with pytest.raises(NNExplorerError, match="Expected a dataset with 2 input features"):
        plane_grid(lambda x, training: x, data)
