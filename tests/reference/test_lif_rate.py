"""Reference: the leaky integrate-and-fire neuron's firing rate against the closed-form rate.

Source: W. Gerstner, W. M. Kistler, R. Naud, L. Paninski, *Neuronal Dynamics* (2014), ch. 1.3
(https://neuronaldynamics.epfl.ch/online/Ch1.S3.html): for a constant current I above threshold
and reset to rest, the interval between spikes is t_ref + tau ln(R I / (R I - theta)), with
theta = V_th - V_rest, so the rate is r = 1 / (t_ref + tau ln(R I / (R I - theta))).

The formula is written out here, not imported, and the grid covers the Neuron lab's sliders
(refractory 0-10 ms in 0.5 ms steps, tau 2-40 ms, f-I curve up to 3-40 nA, dt 0.1 ms).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from nncore.neuron.spiking import LIFParams, fi_curve

DT_MS = 0.1  # the Neuron lab's time step (ui/neuron_lab_brain.py)


def textbook_rate_hz(current_na: float, refractory_ms: float, tau_ms: float, resistance=10.0, theta_mv=15.0) -> float:
    drive = resistance * current_na
    if drive <= theta_mv:
        return 0.0
    return 1000.0 / (refractory_ms + tau_ms * math.log(drive / (drive - theta_mv)))


def _check(refractory: float, tau: float, max_current: float) -> None:
    currents = np.linspace(0.0, max_current, 61)  # as the page's f-I curve
    fi = fi_curve(currents, LIFParams(refractory=refractory, tau_m=tau), duration_ms=500.0, dt_ms=DT_MS)
    expected = np.array([textbook_rate_hz(i, refractory, tau) for i in currents])
    firing = expected > 0
    assert np.all(fi.rates[~firing] == 0.0)
    np.testing.assert_allclose(fi.rates[firing], expected[firing], rtol=0.01,
                               err_msg=f"refractory {refractory} ms, tau {tau} ms, up to {max_current} nA")


def test_refractory_shorter_than_a_time_step_keeps_the_full_rate():
    """The issue's case: refractory 0 ms, tau 2 ms: at 40 nA the formula gives 13,082 Hz,
    more than one spike per 0.1 ms step (the simulation used to cap it at 1 / dt = 10,000 Hz)."""
    assert textbook_rate_hz(40.0, 0.0, 2.0) == pytest.approx(13082, rel=1e-4)
    _check(0.0, 2.0, 40.0)


@pytest.mark.parametrize("refractory", [0.0, 0.05, 0.5, 2.5, 10.0])
@pytest.mark.parametrize("tau", [2.0, 10.0, 40.0])
def test_simulated_rate_matches_the_closed_form_over_the_slider_grid(refractory, tau):
    for max_current in (3.0, 40.0):
        _check(refractory, tau, max_current)
