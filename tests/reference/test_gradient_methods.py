"""Reference: gradient explanations differentiate the class score before softmax/sigmoid.

Sources:
- Grad-CAM: R. R. Selvaraju et al., "Grad-CAM" (ICCV 2017), eq. 1-2 (y^c is "the score for
  class c, before the softmax"), and the keras.io recipe by F. Chollet,
  https://keras.io/examples/vision/grad_cam/ ("Remove last layer's softmax", gradient of the
  top class w.r.t. the last conv layer's output, channel weights = gradients averaged over
  the spatial positions, ReLU of the weighted sum, divided by its maximum). The recipe is
  re-implemented below with tf.GradientTape, independently of nncore.
- Saliency: K. Simonyan, A. Vedaldi, A. Zisserman, "Deep Inside Convolutional Networks"
  (2013), sec. 3: the derivative of the class score S_c (before the softmax) w.r.t. the
  image. For a logistic unit the score is z = x . w + b, so the saliency is w.
- Integrated gradients: M. Sundararajan, A. Taly, Q. Yan, "Axiomatic Attribution for Deep
  Networks" (ICML 2017), completeness: attributions sum to F(x) - F(x'); Captum reports the
  gap as its "convergence delta". F is computed here from the model's layers by hand.
"""

from __future__ import annotations

import numpy as np
import pytest

from nncore.explain import ExplainableModel, grad_cam, gradient_x_input, integrated_gradients, saliency, smoothgrad


def _keras():
    from nncore.backend import load_tensorflow

    load_tensorflow()
    import keras

    return keras


def _wrap(model, kind, shape, classes, background) -> ExplainableModel:
    return ExplainableModel(model=model, task="classification", input_kind=kind, input_shape=shape,
                            feature_names=tuple(f"x{i}" for i in range(shape[0])) if kind == "tabular" else ("pixel",),
                            class_names=classes, background=background)


@pytest.fixture(scope="module")
def confident_cnn():
    """A small CNN with a confident softmax (large output weights), last conv at input size."""
    keras = _keras()
    keras.utils.set_random_seed(3)
    inputs = keras.Input(shape=(8, 8, 1))
    h = keras.layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
    h = keras.layers.Conv2D(6, 3, padding="same", activation="relu", name="last_conv")(h)
    outputs = keras.layers.Dense(3, activation="softmax")(keras.layers.Flatten()(h))
    model = keras.Model(inputs, outputs)
    kernel, bias = model.layers[-1].get_weights()
    model.layers[-1].set_weights([kernel * 8.0, bias])  # confident: probabilities near 0 or 1
    background = np.random.default_rng(0).uniform(size=(16, 8, 8, 1)).astype(np.float32)
    return _wrap(model, "image", (8, 8, 1), ("a", "b", "c"), background)


def keras_io_grad_cam(model, image: np.ndarray, layer: str, pred_index: int | None = None) -> np.ndarray:
    """The keras.io recipe (make_gradcam_heatmap), on a copy of the model without its softmax."""
    keras = _keras()
    import tensorflow as tf

    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    copy.layers[-1].activation = None  # "Remove last layer's softmax"
    grad_model = keras.Model(copy.inputs[0], [copy.get_layer(layer).output, copy.outputs[0]])
    with tf.GradientTape() as tape:
        last_conv_layer_output, preds = grad_model(image[None])
        if pred_index is None:
            pred_index = int(tf.argmax(preds[0]))
        class_channel = preds[:, pred_index]
    grads = tape.gradient(class_channel, last_conv_layer_output)
    pooled_grads = tf.reduce_mean(grads, axis=(0, 1, 2))
    heatmap = last_conv_layer_output[0] @ pooled_grads[..., tf.newaxis]
    heatmap = tf.squeeze(heatmap)
    heatmap = tf.maximum(heatmap, 0) / tf.math.reduce_max(heatmap)
    return heatmap.numpy()


def test_grad_cam_matches_the_keras_io_recipe_on_a_confident_model(confident_cnn):
    compared = 0
    rng = np.random.default_rng(1)
    for _ in range(6):
        x = rng.uniform(size=(8, 8, 1)).astype(np.float32)
        predicted = int(np.argmax(confident_cnn.predict_proba(x[None])[0]))
        for k in {predicted, (predicted + 1) % 3}:
            reference = keras_io_grad_cam(confident_cnn.model, x, "last_conv", k)
            if not np.isfinite(reference).all():  # no positive evidence: the recipe divides by 0
                continue
            ours = grad_cam(confident_cnn, x, output_index=k).values[..., 0]
            assert ours.max() > 0
            np.testing.assert_allclose(ours / ours.max(), reference, atol=1e-4)
            compared += 1
    assert compared >= 4


@pytest.fixture(scope="module")
def saturated_sigmoid():
    """One sigmoid unit z = x . w + b whose output rounds to exactly 1.0 in float32."""
    keras = _keras()
    inputs = keras.Input(shape=(4,))
    model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(inputs))
    weights = np.array([3.0, -2.0, 1.5, 0.5], dtype=np.float32)
    model.layers[-1].set_weights([weights.reshape(-1, 1), np.array([1.0], dtype=np.float32)])
    background = np.random.default_rng(0).normal(size=(32, 4)).astype(np.float32)
    return _wrap(model, "tabular", (4,), ("no", "yes"), background), weights


def test_saliency_of_a_saturated_sigmoid_is_the_score_gradient_not_zero(saturated_sigmoid):
    model, w = saturated_sigmoid
    x = np.array([4.0, -4.0, 3.0, 2.0], dtype=np.float32)  # z = 1 + 12 + 8 + 4.5 + 1 = 26.5
    assert model.predict_proba(x[None])[0, 1] == np.float32(1.0)  # saturated in float32
    np.testing.assert_allclose(saliency(model, x, output_index=1, absolute=False).values, w, rtol=1e-6)
    np.testing.assert_allclose(saliency(model, x, output_index=0, absolute=False).values, -w, rtol=1e-6)
    np.testing.assert_allclose(gradient_x_input(model, x, output_index=1).values, w * x, rtol=1e-6)
    assert np.all(smoothgrad(model, x, output_index=1, samples=8).values > 0)


def test_saliency_of_the_probability_stays_available(saturated_sigmoid):
    model, w = saturated_sigmoid
    x = np.array([0.1, 0.2, -0.3, 0.0], dtype=np.float32)
    p = float(model.predict_proba(x[None])[0, 1])
    np.testing.assert_allclose(saliency(model, x, output_index=1, absolute=False, target="probability").values,
                               p * (1 - p) * w, rtol=1e-5)  # d sigmoid(z) / dx = p (1 - p) w


@pytest.fixture(scope="module")
def cancer(cancer_mlp_run):
    return ExplainableModel.from_run(cancer_mlp_run)


def _explained_output(model: ExplainableModel, x: np.ndarray, k: int, target: str) -> np.ndarray:
    """F(x) computed from the layers by hand: the last Dense layer's x W + b (the score) for
    target "score", else the model's probability."""
    keras = _keras()
    x = np.asarray(x, dtype=np.float32).reshape(-1, *model.input_shape)
    if target != "score":
        return model.predict_proba(x)[:, k]
    last = model.model.layers[-1]
    hidden = np.asarray(keras.Model(model.model.inputs, last.input)(x))
    kernel, bias = last.get_weights()
    z = hidden @ kernel + bias
    return z[:, 0] if k == 1 else -z[:, 0]  # one sigmoid unit: class 0's score is -z


@pytest.mark.parametrize("baseline, target", [("zeros", "score"), ("mean", "score"), ("zeros", "probability")])
def test_integrated_gradients_default_steps_keep_completeness_under_one_percent(cancer, baseline, target):
    for x in cancer.background[:8]:
        for k in (0, 1):
            ig = integrated_gradients(cancer, x, output_index=k, baseline=baseline,
                                      **({} if target == "score" else {"target": target}))
            base = np.zeros_like(x) if baseline == "zeros" else cancer.background.mean(axis=0)
            f_x, f_base = _explained_output(cancer, np.stack([x, base]), k, getattr(ig, "target", "output"))
            change = float(f_x - f_base)
            assert abs(ig.total - change) <= 0.01 * abs(change) + 1e-6, (ig.params, ig.total, change)
            assert ig.params["steps"] >= 1 and ig.params["relative_gap"] <= 0.01
