"""Model randomisation sanity check (Adebayo et al., 2018, "Sanity checks for saliency maps",
NeurIPS).

An explanation of a model should change when the model's learned weights are destroyed.
Starting from the top (output) layer and going down, each layer's weights are randomised in
turn, cumulatively ("cascading"), and the input is explained again by the same method; the
rank correlation (Spearman) of the |attributions| before and after tells how much of the
map survived. A map that barely changes (above 0.8 after the whole network is randomised)
shows the input, not what the model learned: Adebayo et al. found this for gradient x input
and integrated gradients, whose multiplication by the input keeps the input's outline.

The check passing does not make a method right; it only rules out one way of being wrong.

The user's model is never touched: a copy (a "twin") is made once per model, with its own
compiled functions, and its weights are put back before every check.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Literal

import numpy as np

from nncore.explain.model import ExplainableModel
from nncore.explain.trust import spearman

Order = Literal["cascade", "independent"]
Scheme = Literal["reinitialise", "shuffle"]


@dataclass(frozen=True, eq=False)
class Randomisation:
    """Rank correlations of |attributions| with the original, one per randomised layer, top
    layer first. `value` is the last one: after the whole cascade (every layer randomised)."""

    layers: tuple[str, ...]
    correlations: np.ndarray
    order: str
    scheme: str

    @property
    def value(self) -> float:
        return float(self.correlations[-1]) if len(self.correlations) else float("nan")


def weighted_layers(keras_model: Any) -> list[Any]:
    """The model's layers that hold weights, input side first."""
    return [layer for layer in keras_model.layers if layer.get_weights()]


def twin(m: ExplainableModel) -> ExplainableModel:
    """A copy of `m`'s model with the original weights, built once per model and reused.

    Building the copy and compiling its forward and gradient functions costs far more than
    explaining; later checks only overwrite its weights, which compiled functions read
    anew on every call.
    """
    key = "randomisation_twin"
    if key not in m.memo:
        import keras

        clone = keras.models.clone_model(m.model)
        clone.set_weights(m.model.get_weights())
        # Summaries of the training data depend only on the data: shared, not recomputed.
        shared = {k: v for k, v in m.memo.items() if isinstance(k, tuple) and k and k[0] == "kmeans"}
        m.memo[key] = dataclasses.replace(m, model=clone, _predict=None, memo=shared)
    copy = m.memo[key]
    copy.model.set_weights(m.model.get_weights())
    return copy


def randomise_layer(layer: Any, scheme: Scheme, seed: int) -> None:
    """Destroy one layer's learned weights, in place.

    "reinitialise" (Adebayo et al.): every trainable weight array is drawn afresh from a
    Gaussian with that array's own mean and spread, so activations keep their scale but not
    their pattern. "shuffle" (Quantus's TensorFlow MPRT): every weight array of the layer is
    permuted along its first axis with NumPy's RandomState(seed + 1).
    """
    if scheme == "shuffle":
        rs = np.random.RandomState(seed + 1)
        layer.set_weights([rs.permutation(w) for w in layer.get_weights()])
        return
    if scheme != "reinitialise":
        raise ValueError(f"Expected scheme 'reinitialise' or 'shuffle'. Received: {scheme!r}")
    rng = np.random.default_rng(seed)
    for variable in layer.trainable_weights:
        w = np.asarray(variable.numpy(), dtype=np.float64)
        variable.assign(rng.normal(w.mean(), w.std(), size=w.shape).astype(np.float32))


def randomised_models(m: ExplainableModel, order: Order = "cascade", scheme: Scheme = "reinitialise", seed: int = 0) -> Iterator[tuple[str, ExplainableModel]]:
    """Yield (layer name, model) with that layer randomised, top layer first.

    "cascade": the layers above stay randomised too (Adebayo et al.'s cascading
    randomisation); "independent": only that layer is, the others keep their weights.
    """
    if order not in ("cascade", "independent"):
        raise ValueError(f"Expected order 'cascade' or 'independent'. Received: {order!r}")
    copy = twin(m)
    original = m.model.get_weights()
    for step, layer in enumerate(reversed(weighted_layers(copy.model))):
        if order == "independent":
            copy.model.set_weights(original)
        randomise_layer(layer, scheme, seed + step if scheme == "reinitialise" else seed)
        yield layer.name, copy
    copy.model.set_weights(original)


def randomisation_check(
    explain: Callable[[ExplainableModel], np.ndarray],
    m: ExplainableModel,
    original: np.ndarray,
    order: Order = "cascade",
    scheme: Scheme = "reinitialise",
    seed: int = 0,
) -> Randomisation:
    """Re-explain with each randomised model and compare with the `original` attributions.

    `explain(model)` returns the attributions, one per position (as `trust.positions`), of
    the same input and class under `model`. Correlations are Spearman's, on magnitudes.
    """
    reference = np.abs(np.asarray(original, dtype=np.float64).reshape(-1))
    names, correlations = [], []
    for name, model in randomised_models(m, order, scheme, seed):
        names.append(name)
        correlations.append(spearman(reference, np.abs(np.asarray(explain(model), dtype=np.float64).reshape(-1))))
    return Randomisation(tuple(names), np.array(correlations), order, scheme)
