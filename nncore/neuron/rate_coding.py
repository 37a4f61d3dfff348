"""How well do ReLU and softplus describe a spiking cell's firing rate? Fit them and see.

Rate coding reads a spiking cell's output as its firing rate. The f-I curve (rate against input
current) is zero below a threshold and rises above it, as ReLU does; unlike ReLU it bends over
and saturates, because of the refractory period. The fits here measure the match instead of
asserting it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message
from nncore.neuron.activations import softplus
from nncore.neuron.spiking import FICurve


@dataclass(frozen=True)
class RateFit:
    name: str  # "ReLU" or "softplus"
    gain: float  # Hz per nA (the slope far above threshold)
    threshold: float  # nA, where the curve starts to rise
    smoothness: float  # nA, softplus's width of the bend (0 for ReLU)
    rmse: float  # Hz, root-mean-square gap to the simulated rates

    def predict(self, currents: np.ndarray) -> np.ndarray:
        x = np.asarray(currents, dtype=np.float64) - self.threshold
        if self.smoothness == 0:
            return self.gain * np.maximum(x, 0.0)
        return self.gain * self.smoothness * softplus(x / self.smoothness)


def _best_gain(basis: np.ndarray, rates: np.ndarray) -> float:
    # Least squares for rates ≈ gain * basis has a closed form.
    denom = float(basis @ basis)
    return float(basis @ rates) / denom if denom > 0 else 0.0


def fit_relu(fi: FICurve) -> RateFit:
    """rate ≈ gain · max(0, I - I_threshold), with the cell's own threshold current."""
    threshold = fi.params.threshold_current
    basis = np.maximum(fi.currents - threshold, 0.0)
    gain = _best_gain(basis, fi.rates)
    rmse = float(np.sqrt(np.mean((gain * basis - fi.rates) ** 2)))
    return RateFit("ReLU", gain, threshold, 0.0, rmse)


def fit_softplus(fi: FICurve) -> RateFit:
    """rate ≈ gain · s · softplus((I - I_threshold) / s), best width s from a grid."""
    threshold = fi.params.threshold_current
    if fi.currents.size < 2:
        raise NNExplorerError(Message("msg.neuron.fit_currents", n=int(fi.currents.size)))
    best: RateFit | None = None
    span = float(np.ptp(fi.currents)) or 1.0
    for s in np.geomspace(span / 1000, span, 121):
        basis = s * softplus((fi.currents - threshold) / s)
        gain = _best_gain(basis, fi.rates)
        rmse = float(np.sqrt(np.mean((gain * basis - fi.rates) ** 2)))
        if best is None or rmse < best.rmse:
            best = RateFit("softplus", gain, threshold, float(s), rmse)
    return best
