"""The neuron lab's independent check: one step of its tiny network, done by a framework.

`nncore.neuron.backprop` writes the tiny network's backpropagation out in NumPy for teaching;
`compare_with_tensorflow` redoes the step here with the automatic differentiation of the
framework Keras runs on (TensorFlow's GradientTape, or `jax.grad` under `KERAS_BACKEND=jax`)
and compares every number. This is the one module outside `nncore.backend_tf` and
`nncore.backend_jax` that calls a framework directly: it checks the lab, not the models, so it
is no part of the backend's contract. It imports the framework only when a check runs.
"""

from __future__ import annotations

import numpy as np

from nncore.backend import configure_devices, keras_backend
from nncore.errors import NNExplorerError
from nncore.messages import Message
from nncore.neuron.activations import ELU_ALPHA, LEAKY_SLOPE

# The hidden activations and losses both frameworks' steps are written for.
ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus")
LOSSES = ("mse", "cross_entropy")


def framework_step(
    w1: np.ndarray,
    b1: np.ndarray,
    w2: np.ndarray,
    b2: float,
    x: np.ndarray,
    y: np.ndarray,
    hidden_activation: str,
    loss: str,
    learning_rate: float,
) -> dict[str, np.ndarray]:
    """One gradient-descent step of the tiny network (x W1 + b1 -> activation -> · w2 + b2 ->
    sigmoid), in float64, by the framework Keras runs on. Returns the forward values
    (z1, a1, z2, a2), "loss", "grad_<name>" and "new_<name>" for w1, b1, w2, b2."""
    if hidden_activation not in ACTIVATIONS or loss not in LOSSES:
        raise NNExplorerError(Message("msg.neuron.check_args", allowed=", ".join(ACTIVATIONS),
                                      activation=repr(hidden_activation), loss=repr(loss)))
    configure_devices()  # loads the framework quietly, once per process
    step = _jax_step if keras_backend() == "jax" else _tensorflow_step
    params = {name: np.asarray(value, dtype=np.float64) for name, value in (("w1", w1), ("b1", b1), ("w2", w2), ("b2", b2))}
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    return step(params, x, y, hidden_activation, loss, float(learning_rate))


def _tensorflow_step(params: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray, activation: str, loss: str, rate: float) -> dict[str, np.ndarray]:
    """The step in TensorFlow, eager: differentiated by GradientTape and updated by
    TensorFlow's gradient-descent kernel."""
    import tensorflow as tf

    if ELU_ALPHA != 1.0:  # tf.nn.elu has no alpha; a different one would need its own formula
        raise ValueError(f"Expected ELU_ALPHA=1.0 for tf.nn.elu. Received: ELU_ALPHA={ELU_ALPHA}")
    activations = {
        "sigmoid": tf.sigmoid,
        "tanh": tf.tanh,
        "relu": tf.nn.relu,
        # tf.nn.leaky_relu keeps alpha in float32 (0.1 -> 0.10000000149), a 1e-9 gap that
        # would muddy a float64 comparison; tf.where keeps the slope exact.
        "leaky_relu": lambda z: tf.where(z > 0, z, LEAKY_SLOPE * z),
        "elu": tf.nn.elu,
        "softplus": tf.nn.softplus,
    }
    f64 = tf.float64
    variables = {name: tf.Variable(value) for name, value in params.items()}
    xt, yt = tf.constant(x), tf.constant(y)
    with tf.GradientTape() as tape:
        z1 = tf.matmul(xt, variables["w1"]) + variables["b1"]
        a1 = activations[activation](z1)
        z2 = tf.linalg.matvec(a1, variables["w2"]) + variables["b2"]
        a2 = tf.sigmoid(z2)
        if loss == "mse":
            value = tf.reduce_mean(tf.square(a2 - yt))
        else:
            value = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=yt, logits=z2))
    names = list(variables)
    grads = tape.gradient(value, [variables[k] for k in names])
    # TensorFlow's own SGD kernel, in float64. (Keras' SGD keeps the learning rate in float32,
    # so 0.3 becomes 0.30000001: a 1e-8 gap that is Keras' rounding, not a backprop error.)
    alpha = tf.constant(rate, dtype=f64)
    for g, k in zip(grads, names):
        tf.raw_ops.ResourceApplyGradientDescent(var=variables[k].handle, alpha=alpha, delta=tf.cast(g, f64))
    out = {"z1": z1.numpy(), "a1": a1.numpy(), "z2": z2.numpy(), "a2": a2.numpy(), "loss": value.numpy()}
    out.update({f"grad_{k}": g.numpy() for k, g in zip(names, grads)})
    out.update({f"new_{k}": variables[k].numpy() for k in names})
    return out


def _jax_step(params: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray, activation: str, loss: str, rate: float) -> dict[str, np.ndarray]:
    """The step in JAX: differentiated by `jax.grad` and updated by plain gradient descent."""
    import jax
    import jax.numpy as jnp

    activations = {
        "sigmoid": jax.nn.sigmoid,
        "tanh": jnp.tanh,
        "relu": jax.nn.relu,
        "leaky_relu": lambda z: jnp.where(z > 0, z, LEAKY_SLOPE * z),
        "elu": lambda z: jax.nn.elu(z, alpha=ELU_ALPHA),
        "softplus": jax.nn.softplus,
    }
    function = activations[activation]
    # Thread-local: float64 here only, Keras' float32 elsewhere is untouched.
    with jax.enable_x64(True):
        params = {name: jnp.asarray(value, dtype=jnp.float64) for name, value in params.items()}
        xt, yt = jnp.asarray(x, dtype=jnp.float64), jnp.asarray(y, dtype=jnp.float64)

        def forward(p):
            z1 = xt @ p["w1"] + p["b1"]
            a1 = function(z1)
            z2 = a1 @ p["w2"] + p["b2"]
            a2 = jax.nn.sigmoid(z2)
            if loss == "mse":
                value = jnp.mean(jnp.square(a2 - yt))
            else:  # sigmoid cross-entropy from the logits, in TensorFlow's stable form
                value = jnp.mean(jnp.maximum(z2, 0) - z2 * yt + jnp.log1p(jnp.exp(-jnp.abs(z2))))
            return value, (z1, a1, z2, a2)

        (value, (z1, a1, z2, a2)), grads = jax.value_and_grad(forward, has_aux=True)(params)
        out = {"z1": z1, "a1": a1, "z2": z2, "a2": a2, "loss": value}
        out.update({f"grad_{k}": grads[k] for k in params})
        out.update({f"new_{k}": params[k] - rate * grads[k] for k in params})
        return {k: np.asarray(v) for k, v in out.items()}
