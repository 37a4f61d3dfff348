"""The report card's measures checked against Quantus (Hedström et al., 2023, JMLR 24(34),
"Quantus: an explainable AI toolkit for responsible evaluation of neural network
explanations"; version 0.6.0, a test-only dependency) on the same inputs, and against worked
examples computed from the papers' own formulas:

- sparseness: Chalasani et al. 2020 use the Gini index of Hurley & Rickard 2009;
- max-sensitivity: Yeh et al. 2019, eq. for SENS_max;
- faithfulness correlation: Bhatt et al. 2020, mu_F;
- model randomisation: Adebayo et al. 2018, cascading randomisation, and their finding that
  gradient x input and integrated gradients survive it.
"""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import ExplainableModel, Explanation, gradient_x_input, integrated_gradients, saliency
from nncore.explain.complexity import sparseness
from nncore.explain.faithfulness_correlation import faithfulness_correlation, random_subsets
from nncore.explain.randomisation import randomisation_check
from nncore.explain.robustness import max_sensitivity, uniform_perturbations
from tests.explain.trained import linear_model

quantus = pytest.importorskip("quantus")

D = 6


@pytest.fixture(scope="module")
def small_net():
    """A 6-input, 2-output tanh MLP with fixed random weights and a linear output layer (so
    Quantus, which reads logits, and this tool see the same numbers)."""
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    keras.utils.set_random_seed(3)
    inputs = keras.Input(shape=(D,))
    hidden = keras.layers.Dense(5, activation="tanh")(inputs)
    hidden = keras.layers.Dense(4, activation="tanh")(hidden)
    model = keras.Model(inputs, keras.layers.Dense(2)(hidden))
    background = np.random.default_rng(0).normal(size=(32, D)).astype(np.float32)
    return model, background


def _explainable(keras_model, background) -> ExplainableModel:
    # Regression view: the explained output is the raw unit, no softmax in between.
    return ExplainableModel(model=keras_model, task="regression", input_kind="tabular", input_shape=(D,),
                            feature_names=tuple(f"x{i}" for i in range(D)), class_names=None, background=background)


def _gradients(keras_model, background, x, unit):
    """d output[unit] / d x for one input, through the compiled gradient this tool's methods use."""
    from nncore.backend import compiled_output_gradients

    return compiled_output_gradients(keras_model)(np.asarray(x, dtype=np.float32)[None], unit)[0]


def _quantus_explain(background):
    """Quantus's explain_func: plain gradients of the target unit, one row at a time."""
    def explain(model, inputs, targets, **_):
        inputs = np.asarray(inputs, dtype=np.float32).reshape(len(inputs), D)
        return np.stack([_gradients(model, background, x, int(t)) for x, t in zip(inputs, targets)])
    return explain


# --- sparseness -----------------------------------------------------------------------------


def test_sparseness_matches_worked_gini_examples():
    """Hurley & Rickard 2009, Gini: sum((2i - n - 1) a_(i)) / (n sum a), a sorted ascending."""
    assert sparseness(np.array([1.0, 2.0, 3.0, 4.0])) == pytest.approx((-3 * 1 - 2 + 3 + 3 * 4) / 40)  # 0.25
    assert sparseness(np.ones(10)) == pytest.approx(0.0)
    assert sparseness(np.eye(1, 8).ravel() * -5.0) == pytest.approx(7 / 8)  # all on one input: (n - 1) / n
    assert sparseness(np.array([0.0, 0.0, 3.0, -3.0])) == pytest.approx(0.5)  # magnitudes, not signs
    assert np.isnan(sparseness(np.zeros(5)))


def test_sparseness_matches_quantus():
    rng = np.random.default_rng(1)
    a = rng.normal(size=(4, 1, 8, 8))
    metric = quantus.Sparseness(disable_warnings=True, abs=True, normalise=False)
    expected = metric(model=None, x_batch=np.zeros_like(a), y_batch=np.zeros(4, dtype=int), a_batch=a.copy())
    # Quantus adds 1e-7 to every magnitude before the Gini index; that moves the 4th decimal at most.
    assert [sparseness(row) for row in a] == pytest.approx(expected, abs=1e-5)


# --- max-sensitivity ------------------------------------------------------------------------


def test_max_sensitivity_of_a_linear_models_gradient_is_zero():
    """Yeh et al. 2019: SENS_max = max ||e(x + d) - e(x)|| / ||e(x)||. The gradient of a linear
    model is its weight vector at every x, so it cannot move."""
    m = linear_model(np.array([1.5, -2.0, 0.5, 3.0]))
    x = np.array([0.2, -1.0, 0.7, 0.1], dtype=np.float32)
    exp = saliency(m, x, absolute=False)
    result = max_sensitivity(lambda xp: saliency(m, xp, absolute=False).values, x, exp.values, radius=0.5, samples=10)
    assert result.value == pytest.approx(0.0, abs=1e-6)
    # Gradient x input = w * x moves by exactly w * d: the worked ratio max ||w d|| / ||w x||.
    exp = gradient_x_input(m, x)
    noise = uniform_perturbations(x.shape, 0.3, 6, seed=2)
    result = max_sensitivity(lambda xp: gradient_x_input(m, xp).values, x, exp.values, 0.3, perturbations=noise)
    w = np.array([1.5, -2.0, 0.5, 3.0])
    assert result.value == pytest.approx(max(np.linalg.norm(w * d) for d in noise) / np.linalg.norm(w * x), rel=1e-4)


def test_max_sensitivity_matches_quantus_on_the_same_noise(small_net):
    model, background = small_net
    x, target = background[:1], np.array([1])
    noise = uniform_perturbations((D,), 0.2, 8, seed=5)
    queue = list(noise)

    def same_noise(arr, indices, **_):
        return arr + queue.pop(0).reshape(arr.shape)

    explain = _quantus_explain(background)
    a = explain(model, x, target)
    metric = quantus.MaxSensitivity(nr_samples=len(noise), perturb_func=same_noise, disable_warnings=True)
    expected = metric(model=model, x_batch=x, y_batch=target, a_batch=a, explain_func=explain, softmax=False)
    ours = max_sensitivity(lambda xp: _gradients(model, background, xp, 1), x[0], a[0], 0.2, perturbations=noise)
    assert ours.value == pytest.approx(expected[0], rel=1e-5)


# --- faithfulness correlation ---------------------------------------------------------------


def test_faithfulness_correlation_of_a_linear_models_exact_shap_is_one():
    """For f(x) = w.x + b with independent inputs, exact SHAP values are w_i (x_i - E[x_i])
    (Lundberg & Lee 2017, corollary 1). Setting a subset S to the mean drops the output by
    exactly the sum of their SHAP values, so Bhatt et al.'s mu_F is 1."""
    w = np.array([1.5, -2.0, 0.5, 3.0, -1.0, 0.25])
    m = linear_model(w, bias=0.3)
    x = np.array([0.2, -1.0, 0.7, 0.1, 2.0, -0.4], dtype=np.float32)
    mean = m.background.mean(axis=0)
    values = w * (x - mean)
    exp = Explanation(values=values, base_value=float(w @ mean + 0.3), output_index=None,
                      predicted_value=float(w @ x + 0.3), method="exact SHAP", instance=x)
    result = faithfulness_correlation(exp, m.output_function(None), mean, subset_size=2, runs=30)
    assert result.value == pytest.approx(1.0, abs=1e-5)
    assert result.drops == pytest.approx(result.attribution_sums, abs=1e-4)



def test_the_card_measures_a_score_explanation_against_the_score_it_explains():
    """Bhatt et al.'s mu_F correlates attributions with drops of *the explained output* f; the
    gradient methods explain the class score before the sigmoid (Simonyan et al. 2013), and
    Quantus's FaithfulnessCorrelation reads that score too (softmax=False by default). For one
    logistic unit z = w.x + b, gradient x input of the score is w_i x_i, and setting a subset S
    to 0 drops z by exactly sum_S w_i x_i: mu_F = 1. The probability, which rounds to 1.0 in
    float32 for every subset here, would leave nothing to correlate (n/a)."""
    from nncore.backend import load_tensorflow
    from nncore.explain.report_card import grade_explanation

    load_tensorflow()
    import keras

    w = np.array([6.0, -4.0, 3.0, 1.0], dtype=np.float32)
    inputs = keras.Input(shape=(4,))
    net = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(inputs))
    net.layers[-1].set_weights([w.reshape(-1, 1), np.array([2.0], dtype=np.float32)])
    background = np.random.default_rng(0).normal(size=(16, 4)).astype(np.float32)
    m = ExplainableModel(model=net, task="classification", input_kind="tabular", input_shape=(4,),
                         feature_names=("a", "b", "c", "d"), class_names=("no", "yes"), background=background)
    x = np.array([4.0, -4.0, 3.0, 2.0], dtype=np.float32)  # z = 24 + 16 + 9 + 2 + 2 = 53; any 1 of 4 zeroed: z >= 29
    assert m.predict_proba(x[None])[0, 1] == np.float32(1.0)
    exp = gradient_x_input(m, x, output_index=1)
    np.testing.assert_allclose(exp.values, w * x, rtol=1e-6)
    (grade,) = grade_explanation(m, exp, np.zeros(4, dtype=np.float32), checks=("faithfulness",))
    assert grade.verdict == "pass", grade
    assert grade.value == pytest.approx(1.0, abs=1e-6)

def test_faithfulness_correlation_matches_quantus_on_the_same_subsets(monkeypatch):
    """Quantus wants image-shaped inputs here: a 2 x 3 one-channel "image" net, 6 positions."""
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    keras.utils.set_random_seed(4)
    inputs = keras.Input(shape=(2, 3, 1))
    hidden = keras.layers.Dense(5, activation="tanh")(keras.layers.Flatten()(inputs))
    model = keras.Model(inputs, keras.layers.Dense(2)(hidden))
    rng = np.random.default_rng(1)
    x, target = rng.normal(size=(1, 2, 3, 1)).astype(np.float32), np.array([0])
    a = rng.normal(size=(1, 2, 3, 1))  # any attributions: the measure is what is compared
    runs, subset = 20, 2
    # Quantus draws its subsets with NumPy's global generator (np.random.choice). Seeding that
    # generator is not enough when another test's background thread (a run's explainer being
    # prepared) draws from it meanwhile, so the draws come from a private generator instead.
    private = np.random.RandomState(7)
    monkeypatch.setattr(np.random, "choice", private.choice)
    metric = quantus.FaithfulnessCorrelation(nr_runs=runs, subset_size=subset, perturb_baseline=0.0, disable_warnings=True)
    # Quantus moves x to channels-first (1, 1, 2, 3) and wants the attributions laid out the same way.
    expected = metric(model=model, x_batch=x, y_batch=target, a_batch=a.transpose(0, 3, 1, 2).copy(), softmax=False)
    private.seed(7)
    subsets = np.stack([private.choice(6, subset, replace=False) for _ in range(runs)])
    exp = Explanation(values=a[0], base_value=None, output_index=0, predicted_value=0.0, method="any",
                      instance=x[0], input_kind="image")
    predict = lambda z: np.asarray(model(np.asarray(z, dtype=np.float32), training=False))[:, 0]  # noqa: E731
    ours = faithfulness_correlation(exp, predict, np.zeros_like(x[0]), subsets=subsets)
    assert ours.value == pytest.approx(expected[0], abs=1e-5)
    assert random_subsets(6, subset, runs, seed=0).shape == (runs, subset)


# --- model randomisation --------------------------------------------------------------------


def test_independent_randomisation_matches_quantus_mprt(small_net):
    """Quantus's MPRT, layer by layer, with its own randomisation (each layer's weight arrays
    permuted with seed + 1) and "independent" order: the same rank correlations."""
    model, background = small_net
    x, target = background[2:3], np.array([1])
    explain = _quantus_explain(background)
    a = explain(model, x, target)
    metric = quantus.MPRT(layer_order="independent", seed=42, disable_warnings=True)
    expected = metric(model=model, x_batch=x, y_batch=target, a_batch=a, explain_func=explain, softmax=False)
    m = _explainable(model, background)
    ours = randomisation_check(lambda twin: _gradients(twin.model, background, x[0], 1), m, a[0],
                               order="independent", scheme="shuffle", seed=42)
    assert set(ours.layers) == set(expected) - {"original"}
    for layer, value in zip(ours.layers, ours.correlations):
        assert value == pytest.approx(expected[layer][0], abs=1e-9), layer
    weights = [w.copy() for w in model.get_weights()]
    randomisation_check(lambda twin: _gradients(twin.model, background, x[0], 1), m, a[0])
    assert all(np.array_equal(u, v) for u, v in zip(weights, model.get_weights()))  # the user's model is untouched


@pytest.fixture(scope="module")
def digits_cnn():
    from tests.explain.trained import train

    run = train("digits", "lenet_cnn", 5)
    return ExplainableModel.from_run(run), run.dataset.x_test[:3]


def test_gradient_x_input_and_zero_baseline_ig_fail_randomisation_on_the_digits_cnn(digits_cnn):
    """Adebayo et al. 2018 (figs. 2 and 4): under cascading randomisation, gradient x input and
    integrated gradients keep a high rank correlation with the original map (the input's
    outline survives), while the plain gradient's map decorrelates."""
    from nncore.explain.trust import positions

    m, examples = digits_cnn
    for x in examples:
        rho = {}
        for name, method in [("gxi", gradient_x_input), ("ig", lambda mm, xx, **kw: integrated_gradients(mm, xx, steps=64, **kw)),
                             ("saliency", saliency)]:
            exp = method(m, x)
            rho[name] = randomisation_check(lambda twin: positions(method(twin, x, output_index=exp.output_index)),
                                            m, positions(exp)).value
        assert rho["gxi"] > 0.8 and rho["ig"] > 0.8, rho
        assert rho["saliency"] < 0.8, rho


# --- region perturbation --------------------------------------------------------------------


def test_region_perturbation_curve_follows_the_models_formula():
    """Samek et al. 2017: AOPC = 1/(L+1) sum_k (f(x) - f(x_MoRF^(k))). The model's class-1
    probability is sigmoid(sum of the 2 x 2 region's pixels - 1), so each step's drop can be
    written down from the noise alone; a map on the region beats random orders, one off it does not."""
    from nncore.explain.region_perturbation import region_ids, region_perturbation
    from tests.explain.trained import region_image_model

    m = region_image_model(slice(2, 4), slice(2, 4), gain=1.0)  # exactly region 5 of the 2 x 2 grid
    x = np.zeros((8, 8, 1), dtype=np.float32)
    x[2:4, 2:4] = 1.0
    on_region = Explanation(values=x.astype(np.float64), base_value=None, output_index=1, predicted_value=0.0,
                            method="map", instance=x, input_kind="image")
    result = region_perturbation(on_region, m.output_function(1), 0.0, 1.0, patch=2, repeats=5, seed=3)
    noise = np.random.default_rng(3).uniform(0.0, 1.0, size=x.shape).astype(np.float32)
    ids = region_ids(8, 8, 2)

    def p1(image):
        return 1.0 / (1.0 + np.exp(-(image[2:4, 2:4].sum() - 1.0)))

    noised = x.copy()
    noised[ids == 5] = noise[ids == 5]  # region 5 = rows 2-3, cols 2-3: the most relevant, noised first
    # After the first step only other regions (zeros -> noise, outside the model's region) change.
    expected = np.array([0.0] + [p1(x) - p1(noised)] * 16)
    assert result.curve == pytest.approx(expected, abs=1e-5)
    assert result.aopc == pytest.approx(expected.mean(), abs=1e-5)
    assert result.value > 0.05
    off_region = Explanation(values=1.0 - x.astype(np.float64), base_value=None, output_index=1, predicted_value=0.0,
                             method="map", instance=x, input_kind="image")
    assert region_perturbation(off_region, m.output_function(1), 0.0, 1.0, patch=2, seed=3).value < 0
