#: Template of the training script that nncore/exchange/code_export.py writes for a run.
#: It is plain Python so linters and tests can read it: every __UPPER_CASE__ name is a
#: placeholder that code_export.py replaces (a value, or a whole generated section on its own
#: line). Everything above the docstring is the template's own and is dropped from the script.
# ruff: noqa: F821
"""__TITLE__: exported from NN Explorer on __STAMP__.

Rebuilds the data, the model and the training settings of this run and trains it exactly the
way the app did: the same seeds, the same shuffle order in every epoch, the same batches and
the same loss. On the same machine (CPU) it reaches the same final validation loss.

Needs: __REQUIREMENTS__. Run: python this_file.py

Data:  __DATA_SUMMARY__
Model: __MODEL_SUMMARY__
"""

__IMPORTS__

# Quiet TensorFlow's start-up messages and make sure Keras runs on TensorFlow.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import keras
import numpy as np
import tensorflow as tf
from keras import ops

# --- Training settings (from the app) -----------------------------------------------------
SEED = __SEED__  # seeds the weights, the dropout masks and the shuffle order
EPOCHS = __EPOCHS__
BATCH_SIZE = __BATCH_SIZE__
EARLY_STOPPING = __EARLY_STOPPING__
PATIENCE = __PATIENCE__  # epochs without a better validation loss before stopping early
CLASS_WEIGHT = __CLASS_WEIGHT__
METRIC_NAME = __METRIC_NAME__
# Regression trains on the standardized target; errors are reported in the target's own units,
# as the app reports them: an absolute error times ERROR_SCALE, a squared one times LOSS_SCALE.
ERROR_SCALE = __ERROR_SCALE__
LOSS_SCALE = __LOSS_SCALE__
APP_FINAL_VAL_LOSS = __APP_FINAL_VAL_LOSS__
APP_NOTE = __APP_NOTE__
APP_DATA_FINGERPRINT = __APP_DATA_FINGERPRINT__


def make_optimizer():
    return __OPTIMIZER__


# --- 1. Data ---------------------------------------------------------------------------------

def fingerprint(arrays):
    """sha256 over the arrays' dtypes, shapes and bytes, to compare with the app's data."""
    digest = hashlib.sha256()
    for array in arrays:
        array = np.ascontiguousarray(array)
        digest.update(f"{array.dtype.str}{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


__DATA_SECTION__


# --- 2. Model --------------------------------------------------------------------------------

__MODEL_SECTION__


# --- 3. Loss and metric ----------------------------------------------------------------------

__LOSS_SECTION__


# --- 4. Training -----------------------------------------------------------------------------

def make_train_epoch(model, optimizer, x_train, y_train, batch_size):
    """One compiled call per epoch: a graph loop with one optimizer step per batch, then the
    validation loss. Written the way the app compiles its training, so the floating-point
    work (and so every number) is the same."""
    n_train = len(x_train)
    batch = max(1, min(batch_size, n_train))
    full_batches = n_train // batch
    optimizer.build(model.trainable_variables)
    variables = model.trainable_variables
    x_sig = tf.TensorSpec((None, *x_train.shape[1:]), tf.as_dtype(x_train.dtype))
    y_sig = tf.TensorSpec((None, *y_train.shape[1:]), tf.as_dtype(y_train.dtype))

    def penalty():
        # The layers' L1/L2 weight penalties, added to every batch's loss.
        return tf.add_n(model.losses) if model.losses else tf.constant(0.0)

    def training_losses(yb, pred):
        # With CLASS_WEIGHT, each example's loss times its class's weight, as Keras applies
        # `fit(class_weight=...)`; validation stays unweighted.
        losses = per_example_loss(yb, pred)
        if CLASS_WEIGHT is None:
            return losses
        weights = tf.constant([CLASS_WEIGHT[k] for k in sorted(CLASS_WEIGHT)], tf.float32)
        return losses * tf.gather(weights, tf.cast(tf.reshape(yb, (-1,)), tf.int32))

    def run_batches(x, y, rows, loss_sum, metric_sum):
        def step(i, loss_sum, metric_sum):
            index = rows[i]
            xb, yb = tf.gather(x, index), tf.gather(y, index)
            with tf.GradientTape() as tape:
                pred = model(xb, training=True)
                loss = tf.reduce_mean(training_losses(yb, pred)) + penalty()
            optimizer.apply(tape.gradient(loss, variables), variables)
            size = tf.cast(tf.shape(index)[0], tf.float32)
            metric = tf.reduce_sum(per_example_metric(yb, pred))
            return i + 1, loss_sum + loss * size, metric_sum + metric

        _, loss_sum, metric_sum = tf.while_loop(
            lambda i, *_: i < tf.shape(rows)[0], step, (tf.constant(0), loss_sum, metric_sum)
        )
        return loss_sum, metric_sum

    @tf.function(input_signature=(x_sig, y_sig, x_sig, y_sig, tf.TensorSpec((None,), tf.int32)))
    def train_epoch(x, y, x_val, y_val, order):
        zero = tf.constant(0.0)
        # Batches follow the shuffled order; the last, smaller batch comes at the end.
        rows = tf.reshape(order[: full_batches * batch], (full_batches, batch))
        loss_sum, metric_sum = run_batches(x, y, rows, zero, zero)
        if n_train % batch:
            loss_sum, metric_sum = run_batches(x, y, order[full_batches * batch :][None, :], loss_sum, metric_sum)
        pred = model(x_val, training=False)
        n_val = tf.cast(tf.shape(x_val)[0], tf.float32)
        val_loss = tf.reduce_sum(per_example_loss(y_val, pred)) / n_val + penalty()
        val_metric = tf.reduce_sum(per_example_metric(y_val, pred)) / n_val
        return tf.stack([loss_sum / n_train, metric_sum / n_train, val_loss, val_metric])

    return train_epoch


def make_evaluate(model, x_like, y_like):
    """Mean loss (with the weight penalty) and mean metric, in batches of 2048 examples."""
    x_sig = tf.TensorSpec((None, *x_like.shape[1:]), tf.as_dtype(x_like.dtype))
    y_sig = tf.TensorSpec((None, *y_like.shape[1:]), tf.as_dtype(y_like.dtype))

    @tf.function(input_signature=(x_sig, y_sig))
    def sums(x, y):
        pred = model(x, training=False)
        return tf.reduce_sum(per_example_loss(y, pred)), tf.reduce_sum(per_example_metric(y, pred))

    @tf.function
    def penalty():
        return tf.add_n(model.losses) if model.losses else tf.constant(0.0)

    def evaluate(x, y):
        loss_sum = metric_sum = 0.0
        for start in range(0, len(x), 2048):
            loss, metric = sums(x[start : start + 2048], y[start : start + 2048])
            loss_sum += float(loss)
            metric_sum += float(metric)
        return loss_sum / len(x) + float(penalty()), metric_sum / len(x)

    return evaluate


def main():
    x_train, y_train, x_val, y_val, x_test, y_test = load_data()
    got = fingerprint([x_train, y_train, x_val, y_val, x_test, y_test])
    if got != APP_DATA_FINGERPRINT:
        print("Note: the data differs from the app's (another scikit-learn or NumPy version?);")
        print("      the results will differ a little.")
    print(f"Data: {len(x_train)} training, {len(x_val)} validation, {len(x_test)} test examples")

    model = build_model()
    optimizer = make_optimizer()
    train_epoch = make_train_epoch(model, optimizer, x_train, y_train, BATCH_SIZE)
    evaluate = make_evaluate(model, x_train, y_train)
    x, y = tf.convert_to_tensor(x_train), tf.convert_to_tensor(y_train)
    xv, yv = tf.convert_to_tensor(x_val), tf.convert_to_tensor(y_val)

    # One shuffle order per epoch, drawn from this generator in this order, as the app does.
    rng = np.random.default_rng(SEED)
    best_loss, best_weights, since_best = math.inf, None, 0
    history = []
    report_every = max(1, EPOCHS // 20)
    print(f"{'epoch':>6} {'loss':>10} {METRIC_NAME:>10} {'val_loss':>10} {'val_' + METRIC_NAME:>12}")
    for epoch in range(1, EPOCHS + 1):
        order = rng.permutation(len(x_train)).astype(np.int32)
        loss, metric, val_loss, val_metric = (float(v) for v in train_epoch(x, y, xv, yv, order).numpy())
        loss, metric, val_loss, val_metric = loss * LOSS_SCALE, metric * ERROR_SCALE, val_loss * LOSS_SCALE, val_metric * ERROR_SCALE
        if not (math.isfinite(loss) and math.isfinite(val_loss)):
            print(f"The loss became infinite or NaN in epoch {epoch}: the learning rate is too high.")
            break
        history.append((epoch, loss, metric, val_loss, val_metric))
        if epoch % report_every == 0 or epoch == EPOCHS:
            print(f"{epoch:>6} {loss:>10.4f} {metric:>10.4f} {val_loss:>10.4f} {val_metric:>12.4f}")
        if EARLY_STOPPING:
            if val_loss < best_loss - 1e-7:
                best_loss, best_weights, since_best = val_loss, model.get_weights(), 0
            else:
                since_best += 1
                if since_best >= PATIENCE:
                    print(f"Early stopping at epoch {epoch}: keeping the weights of epoch {epoch - since_best}.")
                    break
    if EARLY_STOPPING and best_weights is not None:
        model.set_weights(best_weights)

    test_loss, test_metric = evaluate(x_test, y_test)
    test_loss, test_metric = test_loss * LOSS_SCALE, test_metric * ERROR_SCALE
    final_val_loss = history[-1][3] if history else float("nan")
    print(f"final validation loss: {final_val_loss!r}")
    print(f"final validation {METRIC_NAME}: {history[-1][4] if history else float('nan')!r}")
    print(f"test loss: {test_loss!r}")
    print(f"test {METRIC_NAME}: {test_metric!r}")
    print(f"(the app reached a final validation loss of {APP_FINAL_VAL_LOSS!r})")
    if APP_NOTE:
        print(APP_NOTE)
    return model


if __name__ == "__main__":
    main()
