"""The leaky integrate-and-fire cell: threshold, rising rate, saturation; and Izhikevich."""

from __future__ import annotations

import numpy as np
import pytest

from nncore.errors import NNExplorerError
from nncore.neuron.rate_coding import fit_relu, fit_softplus
from nncore.neuron.spiking import (
    LIFParams,
    fi_curve,
    lif_rate_theory,
    simulate_izhikevich,
    simulate_lif,
    steady_rate_hz,
    step_current,
)

PARAMS = LIFParams()  # threshold current (−50 − −65) / 10 = 1.5 nA, refractory 5 ms


def test_no_spike_below_the_threshold_current():
    assert PARAMS.threshold_current == pytest.approx(1.5)
    for current in (0.0, 0.5, 1.0, 1.49, 1.5):
        trace = simulate_lif(current, duration_ms=1000.0, dt_ms=0.1, params=PARAMS)
        assert len(trace.spike_times) == 0
        # The membrane settles at V_rest + R I, below the threshold.
        assert trace.v[-1] == pytest.approx(PARAMS.v_rest + PARAMS.resistance * current, abs=1e-6)
        assert trace.v.max() < PARAMS.v_threshold


def test_rate_rises_with_current_above_threshold_and_matches_the_formula():
    rates = [steady_rate_hz(simulate_lif(i, 500.0, 0.1, PARAMS).spike_times, 500.0) for i in (1.6, 2.0, 4.0, 8.0)]
    assert rates[0] > 0
    assert all(a < b for a, b in zip(rates, rates[1:]))
    np.testing.assert_allclose(rates, lif_rate_theory([1.6, 2.0, 4.0, 8.0], PARAMS), rtol=1e-9)
    # 2 nA: 1 / (5 ms + 10 ms * ln(20 / 5)) = 53.01 spikes per second.
    assert rates[1] == pytest.approx(1000 / (5 + 10 * np.log(4)), rel=1e-9)


def test_fi_curve_is_zero_then_increasing_and_saturates_below_one_over_refractory():
    currents = np.linspace(0.0, 60.0, 61)
    fi = fi_curve(currents, PARAMS, duration_ms=400.0, dt_ms=0.1)
    below, above = fi.rates[currents <= 1.5], fi.rates[currents > 1.5]
    assert np.all(below == 0.0)  # like ReLU for negative sums
    assert np.all(np.diff(above) > 0)  # strictly rising above threshold
    assert fi.rates.max() < PARAMS.max_rate_hz == 200.0  # the refractory ceiling
    assert fi.rates[-1] > 0.9 * PARAMS.max_rate_hz  # and it gets close: saturation
    np.testing.assert_allclose(fi.rates, fi.theory, atol=1e-6)
    # Gains shrink with current (concave), which ReLU cannot follow: softplus fits better.
    assert np.all(np.diff(above, 2) < 0)
    assert fit_softplus(fi).rmse < fit_relu(fi).rmse


def test_refractory_period_is_respected_and_a_step_current_only_drives_spikes_while_on():
    drive = step_current(5.0, 300.0, 0.1, 50.0, 250.0)
    trace = simulate_lif(drive, 300.0, 0.1, PARAMS)
    assert trace.spike_times.min() > 50.0 and trace.spike_times.max() < 250.0
    assert np.diff(trace.spike_times).min() >= PARAMS.refractory


def test_izhikevich_fires_with_input_and_rests_without():
    assert len(simulate_izhikevich(0.0, 300.0, 0.1).spike_times) == 0
    regular = simulate_izhikevich(10.0, 300.0, 0.1, "regular spiking").spike_times
    fast = simulate_izhikevich(10.0, 300.0, 0.1, "fast spiking").spike_times
    assert len(regular) >= 4 and len(fast) > 2 * len(regular)


def test_bad_settings_are_refused_with_what_was_expected():
    with pytest.raises(NNExplorerError, match="threshold above the resting"):
        LIFParams(v_threshold=-70.0)
    with pytest.raises(NNExplorerError, match="Received: shape"):
        simulate_lif(np.ones(7), duration_ms=10.0, dt_ms=0.1)
