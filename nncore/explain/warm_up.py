"""Pay the explanation libraries' one-time costs before anyone asks for an explanation.

The first explanation in a process costs far more than the second (bench: `python -m bench
--only cold`): shap compiles its helpers with numba (~5 s), lime imports scikit-learn and
scikit-image, and the first gradient through a Keras model loads TensorFlow's gradient
machinery. None of that depends on a user's data or model, so the app does it once per server
process, in the background, after its first page (ui/engine_preload.py). Only library-level,
process-wide state is warmed; the tiny model used here is thrown away and shared with no one.
"""

from __future__ import annotations

import time
import warnings

import numpy as np


def _tiny_model():
    """A throw-away 4-input, 3-class softmax model (fixed weights, no training)."""
    import keras

    from nncore.explain.model import ExplainableModel

    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
    background = np.linspace(-1.0, 1.0, 80, dtype=np.float32).reshape(20, 4)
    return ExplainableModel(
        model=model, task="classification", input_kind="tabular", input_shape=(4,),
        feature_names=("a", "b", "c", "d"), class_names=("x", "y", "z"), background=background,
    )


def warm_up_explainers() -> float:
    """Import and exercise every tabular explanation method once on a tiny model; returns seconds."""
    from nncore.explain import gradients, lime_methods, shap_methods

    started = time.perf_counter()
    shap_methods.warm_up()  # shap's import and numba compilation, the largest part
    m = _tiny_model()
    x = m.background[3]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gradients.saliency(m, x)
        gradients.integrated_gradients(m, x)
        shap_methods.kernel_shap(m, x)
        shap_methods.permutation_shap(m, x)
        lime_methods.lime_tabular(m, x, num_samples=50)
        import lime.lime_image  # noqa: F401  (scikit-image, for the first image explanation)
    return time.perf_counter() - started
