"""The core under `KERAS_BACKEND=jax`: train, evaluate and explain without TensorFlow.

Keras picks its backend once per process, when it is first imported, and this test process
runs Keras on TensorFlow; so the JAX journey runs in one subprocess, which prints its
measurements as JSON, and the tests below check them one by one.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

needs_jax = pytest.mark.skipif(
    importlib.util.find_spec("jax") is None,
    reason="jax is not installed (pip install -r requirements-dev.txt installs it)",
)

ROOT = Path(__file__).resolve().parents[1]

JOURNEY = r"""
import importlib.abc, json, sys, traceback
import numpy as np

attempts = []


class NoTensorFlow(importlib.abc.MetaPathFinder):
    # As if TensorFlow were not installed: importing it fails, and the importing file is noted.
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] != "tensorflow":
            return None
        files = [f.filename for f in traceback.extract_stack()[:-1] if "importlib" not in f.filename and "<frozen" not in f.filename]
        attempts.append(files[-1] if files else "?")
        raise ModuleNotFoundError("No module named 'tensorflow' (this test runs as if it were not installed)")


sys.meta_path.insert(0, NoTensorFlow())

from nncore.data import load_dataset
from nncore.models import preset_spec
from nncore.models.spec import LayerSpec, ModelSpec
from nncore.training import JobState, TrainingConfig, TrainingJob

out = {}
data = load_dataset("iris")
job = TrainingJob(data, preset_spec("small_mlp", data), TrainingConfig(epochs=40, batch_size=16, learning_rate=0.02, seed=0))
job.start().join(timeout=600)
run = job.result
import keras
out["keras_backend"] = keras.backend.backend()
out["state"] = job.snapshot().state.value
out["message"] = job.snapshot().message
out["epochs"] = len(run.history)
out["first_loss"], out["last_loss"] = run.history[0].loss, run.history[-1].loss
out["test_metric"] = run.test_metric
out["majority_share"] = float(np.bincount(data.y_test).max() / len(data.y_test))
out["recorded"] = len(run.extra["dynamics"].records) if "dynamics" in run.extra else 0

# Evaluation (compiled predict) agrees with the trainer's own test accuracy.
from nncore.evaluate.predictions import predict_split
predictions = predict_split(run, "test")
out["evaluate_accuracy"] = float(np.mean(predictions.predicted == predictions.y_true))
eager = np.asarray(run.model(data.x_test, training=False))
out["predict_vs_eager"] = float(np.abs(eager - predictions.probabilities).max())

# Explanations of one test row.
from nncore.explain import integrated_gradients, lime_tabular, permutation_shap
from nncore.explain.trust import ig_completeness, shap_additivity
x = data.x_test[0]
shap_exp = permutation_shap(run, x, background_size=20, permutations=4, seed=0)
out["shap_additivity_error"] = shap_additivity(shap_exp).error
out["shap_nonzero"] = float(np.abs(shap_exp.values).sum())
ig = ig_completeness(integrated_gradients(run, x, baseline="mean", steps=128))
out["ig_relative_gap"], out["ig_expected"] = ig.relative_error, ig.expected
lime_exp = lime_tabular(run, x, num_samples=300, seed=0)
out["lime_shape"] = list(lime_exp.values.shape)

# The trainer's contract: the same order gives the same sums and weights whether run as
# whole epochs or in chunks, and the regularization penalty is in the loss.
from nncore.backend import CompiledTrainer
from nncore.models.build import build_model
from nncore.training.config import TrainingConfig as Config
contract = {}
for name, norm in (("batch_norm", True), ("plain", False)):
    # Batch normalization makes the last, smaller batch run at its own size; without it, it
    # is padded to a full batch and masked. Both must give the same steps either way.
    spec = ModelSpec(layers=(LayerSpec("dense", 8, "tanh", l2=0.01), LayerSpec("dense", 6, "relu", batch_norm=norm)))
    config = Config(batch_size=16, learning_rate=0.05, seed=1)
    n, batch = len(data.x_train), 16
    order = np.random.default_rng(3).permutation(n).astype(np.int32)
    runs, result = [], {"remainder": n % batch}
    # "exact": chunks with the last batch at its own size, padding turned off. "steps" and
    # "step_epochs": one compiled call per step (what convolutional models do on CPU).
    for mode in ("epochs", "chunks", "exact", "steps", "step_epochs"):
        model = build_model(spec, data, seed=1)
        trainer = CompiledTrainer(model, config.make_optimizer(), run.objective, data.x_train, data.y_train, batch)
        if mode == "exact":
            result["padded"] = trainer._pad_last_batch
            trainer._pad_last_batch = False
        trainer._step_by_step = mode.startswith("step")
        x_dev, y_dev = trainer.to_device(data.x_train), trainer.to_device(data.y_train)
        if mode in ("epochs", "step_epochs"):
            row = trainer.train_epochs(x_dev, y_dev, trainer.to_device(data.x_val), trainer.to_device(data.y_val), order[None])
            loss_sum, metric_sum = row[0, 0] * n, row[0, 1] * n
            result["epochs_row_shape"] = list(row.shape)
            result["epochs_val_loss"] = float(row[0, 2])
        else:
            full = n // batch
            rows = order[: full * batch].reshape(full, batch)
            a = trainer.train_chunk(x_dev, y_dev, rows[:3])
            b = trainer.train_chunk(x_dev, y_dev, rows[3:])
            c = trainer.train_chunk(x_dev, y_dev, order[full * batch :][None]) if n % batch else (0.0, 0.0)
            loss_sum, metric_sum = a[0] + b[0] + c[0], a[1] + b[1] + c[1]
            val_loss, _ = trainer.evaluate(data.x_val, data.y_val)
            result["chunks_val_loss"] = val_loss
            # Penalty included: evaluate = mean per-example loss + 0.01 * sum of squared kernel weights.
            pred = np.asarray(model(data.x_val, training=False))
            per = np.asarray(run.objective.per_example_loss(data.y_val, pred))
            kernel = model.get_layer("dense_1").get_weights()[0]
            result["penalty_gap"] = float(abs(val_loss - (per.mean() + 0.01 * np.sum(kernel ** 2))))
            result["penalty"] = float(0.01 * np.sum(kernel ** 2))
        runs.append((float(loss_sum), float(metric_sum), [w.copy() for w in model.get_weights()]))
    result["loss_sums"] = [r[0] for r in runs]
    result["metric_sums"] = [r[1] for r in runs]
    result["weights_gap"] = max(float(np.abs(p - q).max()) for other in runs[1:] for p, q in zip(runs[0][2], other[2]))
    result["weights_moved"] = max(float(np.abs(p - q).max()) for p, q in zip(runs[0][2], build_model(spec, data, seed=1).get_weights()))
    contract[name] = result
out["contract"] = contract

# The neuron lab's hand-written backprop against jax.grad.
from nncore.neuron.backprop import TinyMLP, TinyMLPParams, compare_with_tensorflow
rng = np.random.default_rng(1)
params = TinyMLPParams(w1=rng.normal(size=(2, 3)), b1=rng.normal(size=3), w2=rng.normal(size=3), b2=rng.normal())
xs, ys = rng.normal(size=(6, 2)), (rng.random(6) > 0.5).astype(float)
gaps = []
for activation in ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus"):
    for loss in ("mse", "cross_entropy"):
        tiny = TinyMLP(activation, loss)
        gaps.append(compare_with_tensorflow(tiny, tiny.step(params, xs, ys, learning_rate=0.7)).max_abs_difference)
out["tiny_mlp_gap"] = max(gaps)

# A CNN: Grad-CAM's layer gradients, every layer's activations, feature visualization.
from nncore.explain import grad_cam
from nncore.explain.gradients import last_conv_layer
from nncore.inspect.activations import ActivationProbe
from nncore.inspect.feature_vis import visualize_unit
from nncore.backend import conv_activations_and_gradients
digits = load_dataset("digits")
cnn_job = TrainingJob(digits, preset_spec("lenet_cnn", digits), TrainingConfig(epochs=2, batch_size=32, learning_rate=0.01, seed=0))
cnn_job.start().join(timeout=600)
cnn = cnn_job.result
from nncore.backend_jax import _steps_one_call_each
out["step_by_step"] = [_steps_one_call_each(cnn.model), _steps_one_call_each(run.model)]
out["cnn_state"], out["cnn_test_metric"] = cnn_job.snapshot().state.value, cnn.test_metric
image = digits.x_test[:1]
conv = last_conv_layer(cnn.model)
acts, grads = conv_activations_and_gradients(cnn.model, image, conv, 3)
tail = keras.Model(cnn.model.get_layer(conv).output, cnn.model.outputs[0])
where = np.unravel_index(np.argmax(np.abs(grads)), grads.shape)
eps = 1e-2
up, down = acts.copy(), acts.copy()
up[where] += eps
down[where] -= eps
numeric = (np.asarray(tail(up))[0, 3] - np.asarray(tail(down))[0, 3]) / (2 * eps)
out["conv_grad"], out["conv_grad_numeric"] = float(grads[where]), float(numeric)
probe = ActivationProbe(cnn.model)
layers = probe(digits.x_test[:5])
eager_conv = np.asarray(keras.Model(cnn.model.inputs[0], cnn.model.get_layer(conv).output)(digits.x_test[:5]))
out["probe_gap"] = float(np.abs(layers[conv] - eager_conv).max())
out["probe_acts_gap"] = float(np.abs(layers[conv][:1] - acts).max())
cam = grad_cam(cnn, digits.x_test[0])
out["cam_shape"], out["cam_max"] = list(cam.values.shape), float(cam.values.max())
from nncore.explain import as_explainable
from nncore.explain.methods import methods_for
out["cnn_methods"] = [m.key for m in methods_for(as_explainable(cnn))]
vis = visualize_unit(cnn.model, cnn.model.layers[-1].name, 3, steps=30)
out["vis_shape"], out["vis_score"], out["vis_blank"] = list(vis.image.shape), vis.score, vis.blank_score

from nncore.backend import device_info, distribution_strategy
import jax, os
out["cache_entries"] = len(os.listdir(jax.config.jax_compilation_cache_dir))
out["device"] = device_info().label
out["strategy"] = repr(distribution_strategy())

# The trained weights live in the model: a saved and reloaded copy predicts the same.
import tempfile, os
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "m.keras")
    run.model.save(path)
    again = keras.saving.load_model(path, safe_mode=True)
    out["reload_gap"] = float(np.abs(np.asarray(again(data.x_test, training=False)) - eager).max())

out["tensorflow_imported"] = "tensorflow" in sys.modules
out["tensorflow_import_attempts"] = sorted(set(attempts))
print("JOURNEY " + json.dumps(out))
"""


def test_the_dispatcher_forwards_to_the_running_backend(monkeypatch):
    import nncore.backend as backend
    from nncore import backend_tf

    # This process runs Keras on TensorFlow (the default).
    assert backend.keras_backend() == "tensorflow"
    assert backend.implementation() is backend_tf
    assert backend.CompiledTrainer is backend_tf.CompiledTrainer
    assert backend.compiled_predict is backend_tf.compiled_predict
    with pytest.raises(AttributeError, match="has no attribute 'no_such_function'"):
        backend.no_such_function  # noqa: B018
    monkeypatch.setattr(backend, "keras_backend", lambda: "torch")
    with pytest.raises(RuntimeError) as info:
        backend.implementation()
    assert str(info.value) == "Expected KERAS_BACKEND to be one of ['jax', 'tensorflow']. Received: 'torch'"


@pytest.fixture(scope="module")
def journey() -> dict:
    env = {**os.environ, "KERAS_BACKEND": "jax", "TF_CPP_MIN_LOG_LEVEL": "3", "JAX_PLATFORMS": "cpu"}
    done = subprocess.run(
        [sys.executable, "-c", JOURNEY], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("JOURNEY ")]
    assert done.returncode == 0 and lines, f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    return json.loads(lines[-1][len("JOURNEY ") :])


@needs_jax
def test_keras_ran_on_jax_and_tensorflow_was_never_imported(journey):
    assert journey["keras_backend"] == "jax"
    assert journey["tensorflow_imported"] is False
    # With TensorFlow installed, Keras' serialization (`get_config`, `save`) imports it on any
    # backend to check for `tf.TensorShape`; blocked here, it carries on without. Nothing in
    # nncore, shap or lime tried to import it.
    assert all("/keras/" in path for path in journey["tensorflow_import_attempts"]), journey["tensorflow_import_attempts"]
    assert journey["strategy"] == "None"
    assert journey["device"] == "CPU (no GPU found)"
    assert journey["cache_entries"] > 0  # compiled programs are kept for the next job


@needs_jax
def test_a_training_job_finishes_and_learns(journey):
    assert journey["state"] == "finished", journey["message"]
    assert journey["epochs"] == 40
    assert journey["last_loss"] < 0.5 * journey["first_loss"]
    assert journey["test_metric"] > journey["majority_share"] + 0.2
    assert journey["recorded"] >= 2  # the dynamics recorder's gradients run under JAX too


@needs_jax
def test_evaluation_and_saving_see_the_trained_weights(journey):
    assert journey["evaluate_accuracy"] == pytest.approx(journey["test_metric"], abs=1e-6)
    assert journey["predict_vs_eager"] < 1e-5
    assert journey["reload_gap"] < 1e-6


@needs_jax
def test_explanations_keep_their_guarantees(journey):
    assert abs(journey["shap_additivity_error"]) <= 1e-3
    assert journey["shap_nonzero"] > 1e-3
    assert abs(journey["ig_expected"]) > 1e-3  # a real difference to explain
    assert journey["ig_relative_gap"] <= 0.05
    assert journey["lime_shape"] == [4]


@needs_jax
@pytest.mark.parametrize("model", ["batch_norm", "plain"])
def test_chunks_and_whole_epochs_take_the_same_steps(journey, model):
    result = journey["contract"][model]
    assert result["remainder"] > 0  # the epoch ends on a smaller batch
    assert result["epochs_row_shape"] == [1, 4]
    assert result["padded"] == (model == "plain")
    assert len(result["loss_sums"]) == 5  # epochs, chunks, exact, steps, step_epochs
    for other in range(1, 5):
        assert result["loss_sums"][other] == pytest.approx(result["loss_sums"][0], rel=1e-5)
        assert result["metric_sums"][other] == pytest.approx(result["metric_sums"][0], abs=1e-3)
    assert result["weights_moved"] > 1e-3
    assert result["weights_gap"] < 1e-5
    assert result["epochs_val_loss"] == pytest.approx(result["chunks_val_loss"], rel=1e-5)


@needs_jax
@pytest.mark.parametrize("model", ["batch_norm", "plain"])
def test_the_regularization_penalty_is_part_of_the_loss(journey, model):
    result = journey["contract"][model]
    assert result["penalty"] > 1e-3
    assert result["penalty_gap"] < 1e-5


@needs_jax
def test_a_cnn_trains_and_its_gradients_and_activations_are_right(journey):
    assert journey["cnn_state"] == "finished"
    assert journey["step_by_step"] == [True, False]  # on CPU: convolutions one call per step, dense in loops
    assert journey["cnn_test_metric"] > 0.3  # 10 classes: chance is 0.1
    assert abs(journey["conv_grad"]) > 1e-4
    assert journey["conv_grad"] == pytest.approx(journey["conv_grad_numeric"], rel=0.02, abs=1e-4)
    assert journey["probe_gap"] < 1e-5
    assert journey["probe_acts_gap"] < 1e-5
    assert journey["cam_shape"] == [8, 8, 1]
    assert journey["cam_max"] > 0
    assert journey["vis_shape"] == [8, 8, 1]
    assert journey["vis_score"] > journey["vis_blank"]
    # shap's GradientExplainer needs TensorFlow or PyTorch: not offered under JAX.
    assert "grad_cam" in journey["cnn_methods"] and "integrated_gradients" in journey["cnn_methods"]
    assert "gradient_shap" not in journey["cnn_methods"]


@needs_jax
def test_the_neuron_labs_backprop_agrees_with_jax_grad(journey):
    assert journey["tiny_mlp_gap"] < 1e-9
