"""SHAP: additivity of the model-agnostic explainers, GradientExplainer shapes, and training
still working afterwards (shap must leave TensorFlow as it found it)."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import ExplainableModel, gradient_shap, kernel_shap, permutation_shap
from tests.explain.trained import linear_model, train
from tests.helpers import make_dataset


@pytest.fixture(scope="module")
def cancer(cancer_mlp_run):
    return ExplainableModel.from_run(cancer_mlp_run)


@pytest.mark.parametrize("explain", [kernel_shap, permutation_shap], ids=["kernel", "permutation"])
@pytest.mark.parametrize("output_index", [0, 1])
def test_shap_values_add_up_to_prediction_minus_base_value(cancer, explain, output_index):
    for x in cancer.background[:3]:
        exp = explain(cancer, x, output_index=output_index, seed=1)
        assert exp.values.shape == (30,)
        assert exp.total == pytest.approx(exp.predicted_value - exp.base_value, abs=1e-4)
        assert 0.0 <= exp.base_value <= 1.0


def test_the_two_classes_of_a_sigmoid_model_get_opposite_shap_values(cancer):
    x = cancer.background[0]
    a = kernel_shap(cancer, x, output_index=0, seed=2)
    b = kernel_shap(cancer, x, output_index=1, seed=2)
    np.testing.assert_allclose(a.values, -b.values, atol=1e-4)
    assert a.base_value + b.base_value == pytest.approx(1.0, abs=1e-5)


def test_kernel_shap_is_seeded_and_restores_numpys_global_generator(cancer):
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    a = kernel_shap(cancer, cancer.background[4], nsamples=100, seed=5)
    after = np.random.get_state()[1]
    np.testing.assert_array_equal(before, after)
    b = kernel_shap(cancer, cancer.background[4], nsamples=100, seed=5)
    np.testing.assert_array_equal(a.values, b.values)


@pytest.mark.parametrize("key, preset", [("digits", "lenet_cnn"), ("digit_rows", "lstm")], ids=["cnn", "lstm"])
def test_gradient_explainer_returns_the_input_shape(key, preset):
    model = ExplainableModel.from_run(train(key, preset, 1))
    x = model.background[0]
    exp = gradient_shap(model, x, background_size=20, nsamples=40, seed=0)
    assert exp.values.shape == x.shape
    assert np.all(np.isfinite(exp.values)) and np.abs(exp.values).sum() > 0
    # Expected gradients add up only approximately; a loose check catches a wrong output or sign.
    change = exp.predicted_value - exp.base_value
    assert abs(exp.total - change) < 0.5 * abs(change) + 0.1


def test_training_still_works_after_shap_explanations(cancer):
    from nncore.models import preset_spec
    from nncore.training import JobState, TrainingConfig, TrainingJob

    x = cancer.background[0]
    kernel_shap(cancer, x, nsamples=50)
    permutation_shap(cancer, x, permutations=2)
    gradient_shap(cancer, x, background_size=10, nsamples=20)
    data = make_dataset(n=80)
    job = TrainingJob(data, preset_spec("small_mlp", data), TrainingConfig(epochs=3, batch_size=16))
    assert job.start().join(timeout=120)
    assert job.snapshot().state == JobState.FINISHED, job.snapshot().message
    assert np.isfinite(job.result.test_loss)


def test_training_still_works_after_a_failing_explainer_call():
    from dataclasses import replace

    from nncore.models import preset_spec
    from nncore.training import JobState, TrainingConfig, TrainingJob

    model = linear_model(np.array([1.0, -1.0, 0.5], dtype=np.float32))
    broken = replace(model, background=np.zeros((10, 7), dtype=np.float32), memo={})  # wrong width
    x = np.ones(3, dtype=np.float32)
    for explain in (gradient_shap, kernel_shap, permutation_shap):
        with pytest.raises(Exception):
            explain(broken, x, background_size=5)
    data = make_dataset(n=80)
    job = TrainingJob(data, preset_spec("small_mlp", data), TrainingConfig(epochs=3, batch_size=16))
    assert job.start().join(timeout=120)
    assert job.snapshot().state == JobState.FINISHED, job.snapshot().message
    assert np.isfinite(job.result.test_loss) and np.isfinite([r.loss for r in job.result.history]).all()


def test_warm_up_leaves_numpys_global_generator_alone():
    from nncore.explain.warm_up import warm_up_first_explanation

    np.random.seed(7)
    before = np.random.get_state()[1].copy()
    assert warm_up_first_explanation() >= 0
    np.testing.assert_array_equal(np.random.get_state()[1], before)
