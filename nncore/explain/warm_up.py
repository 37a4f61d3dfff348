"""Pay the explanation libraries' one-time costs before anyone asks for an explanation.

The first explanation in a process costs far more than the second (bench: `python -m bench
--only cold`): shap compiles its helpers with numba (~5 s), lime imports scikit-learn and
scikit-image, and the first gradient through a Keras model loads TensorFlow's gradient
machinery. None of that depends on a user's data or model, so the app does it once per server
process, in the background, after its first page (ui/engine_preload.py). Only library-level,
process-wide state is warmed; the tiny model used here is thrown away and shared with no one.

In two parts, so the first click waits for the least: `warm_up_first_explanation` is what a
guided demo's explanation step needs (shap's import and permutation SHAP on a dataset row's
array layout), run right after the training warm-up; `warm_up_explainers` is the rest (the other
layouts, kernel SHAP, gradients, LIME), run last. shap's compiled helpers are kept on disk
(nncore.explain.compiled_cache), so after the first start following an install both parts take
about a second.
"""

from __future__ import annotations

import time
import warnings

import numpy as np


# More training rows than permutation SHAP's default background (50), so it samples them as it
# does a dataset's (into a writable copy), against a read-only row: the layouts a demo sends first.
DATASET_LIKE_ROWS = 60


def _tiny_model(rows: int = 20, read_only: bool = False):
    """A throw-away 4-input, 3-class softmax model (fixed weights, no training); `read_only`
    rows as a loaded dataset's are."""
    import keras

    from nncore.explain.model import ExplainableModel

    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
    background = np.linspace(-1.0, 1.0, rows * 4, dtype=np.float32).reshape(rows, 4)
    background.setflags(write=not read_only)
    return ExplainableModel(
        model=model, task="classification", input_kind="tabular", input_shape=(4,),
        feature_names=("a", "b", "c", "d"), class_names=("x", "y", "z"), background=background,
    )


def warm_up_first_explanation() -> float:
    """Import shap and run permutation SHAP on a dataset row's layouts (a read-only row, a
    sampled background): what a demo's explanation step computes first; returns seconds."""
    from nncore.explain import shap_methods

    started = time.perf_counter()
    m = _tiny_model(DATASET_LIKE_ROWS, read_only=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        shap_methods.permutation_shap(m, m.background[3])
    return time.perf_counter() - started


def warm_up_explainers() -> float:
    """Import and exercise every tabular explanation method once on a tiny model; returns seconds."""
    from nncore.explain import gradients, lime_methods, shap_methods

    started = time.perf_counter()
    m = _tiny_model()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # numba compiles shap's helpers once per array layout, and read-only arrays (a loaded
        # dataset's rows) are another layout than writable ones (an edited what-if row): ~5 s
        # each, so every mix a page can send is paid here.
        for background_writable in (False, True):
            m.background.setflags(write=background_writable)
            m.memo.clear()
            for x_writable in (False, True):
                x = m.background[3].copy()
                x.setflags(write=x_writable)
                shap_methods.kernel_shap(m, x)
                shap_methods.permutation_shap(m, x)
        gradients.saliency(m, x)
        gradients.integrated_gradients(m, x)
        lime_methods.lime_tabular(m, x, num_samples=50)
        import lime.lime_image  # noqa: F401  (scikit-image, for the first image explanation)
    return time.perf_counter() - started


def main() -> None:
    """`python -m nncore.explain.warm_up`: compile shap's helpers into the app's folder now (at
    install, or in a server image's build), so even a server's first start only loads them."""
    from nncore.explain.compiled_cache import cache_folder

    seconds = warm_up_first_explanation() + warm_up_explainers()
    folder = cache_folder()
    where = f"kept in {folder}" if folder is not None else "not kept (NNX_COMPILED_CACHE=0)"
    print(f"Explanation libraries warmed in {seconds:.1f} s; compiled helpers {where}.")


if __name__ == "__main__":
    main()
