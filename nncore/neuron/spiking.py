"""Brain-cell models: a leaky integrate-and-fire (LIF) neuron and Izhikevich's model.

The LIF membrane is a leaky capacitor: tau_m dV/dt = -(V - V_rest) + R I. When V reaches the
threshold the cell fires a spike, V drops to V_reset and stays there for a refractory period.
That dead time caps the firing rate at 1 / refractory, which is what makes the rate saturate.

Integration is exact for a current held constant over each time step (the membrane equation is
linear), and a spike's time is found inside the step where V crosses the threshold; after a
spike the cell serves its refractory period and integrates again within the same step, so a
cell may fire several times per step (refractory periods shorter than dt, strong currents).
With a constant current the simulated rates match the textbook formula (`lif_rate_theory`;
Gerstner et al., Neuronal Dynamics, ch. 1.3) to rounding, for any dt and refractory period.

Units: time in ms, potential in mV, current in nA, resistance in MΩ (so R I is in mV).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nncore.errors import NNExplorerError
from nncore.messages import Message

SPIKE_PEAK_MV = 20.0  # only for drawing: a LIF spike is an event, not part of V


@dataclass(frozen=True)
class LIFParams:
    v_rest: float = -65.0  # mV: where the membrane settles with no input
    v_reset: float = -65.0  # mV: where it is put back after a spike
    v_threshold: float = -50.0  # mV: reaching this fires a spike
    resistance: float = 10.0  # MΩ: how much the potential rises per nA of steady current
    tau_m: float = 10.0  # ms: how fast the membrane leaks back to rest
    refractory: float = 5.0  # ms: dead time after a spike

    def __post_init__(self) -> None:
        if not self.v_threshold > self.v_rest:
            raise NNExplorerError(Message("msg.neuron.threshold_rest", threshold=self.v_threshold, rest=self.v_rest))
        if not self.v_reset < self.v_threshold:
            raise NNExplorerError(Message("msg.neuron.reset_threshold", reset=self.v_reset, threshold=self.v_threshold))
        for name in ("resistance", "tau_m"):
            if not getattr(self, name) > 0:
                raise NNExplorerError(Message("msg.neuron.positive", name=name, value=getattr(self, name)))
        if self.refractory < 0:
            raise NNExplorerError(Message("msg.neuron.refractory", value=self.refractory))

    @property
    def threshold_current(self) -> float:
        """The smallest steady current (nA) that ever brings V to threshold."""
        return (self.v_threshold - self.v_rest) / self.resistance

    @property
    def max_rate_hz(self) -> float:
        """The ceiling the rate approaches for huge currents: one spike per refractory period."""
        return 1000.0 / self.refractory if self.refractory > 0 else float("inf")


@dataclass(frozen=True)
class SpikeTrace:
    t: np.ndarray  # ms, n_steps + 1 sample times
    v: np.ndarray  # mV, membrane potential at those times
    current: np.ndarray  # nA, the input during each of the n_steps steps
    spike_times: np.ndarray  # ms
    recovery: np.ndarray | None = field(default=None)  # Izhikevich's u; None for LIF

    @property
    def duration_ms(self) -> float:
        return float(self.t[-1] - self.t[0])

    @property
    def rate_hz(self) -> float:
        """Spikes per second over the whole run."""
        return 1000.0 * len(self.spike_times) / self.duration_ms if self.duration_ms > 0 else 0.0


def _check_time(duration_ms: float, dt_ms: float) -> int:
    if not (dt_ms > 0 and duration_ms > 0):
        raise NNExplorerError(Message("msg.neuron.duration", duration=duration_ms, dt=dt_ms))
    if dt_ms > duration_ms:
        raise NNExplorerError(Message("msg.neuron.time_step", dt=dt_ms, duration=duration_ms))
    return int(round(duration_ms / dt_ms))


def _current_matrix(current: float | np.ndarray, n_steps: int) -> np.ndarray:
    """Currents as (n_steps, n_cells): a number is held constant; a 1-D array is one per step."""
    i = np.asarray(current, dtype=np.float64)
    if i.ndim == 0:
        return np.full((n_steps, 1), float(i))
    if i.ndim == 1 and len(i) == n_steps:
        return i[:, None]
    raise NNExplorerError(Message("msg.neuron.current_shape", n=n_steps, shape=str(i.shape)))


def _integrate_lif(
    currents: np.ndarray, params: LIFParams, dt: float, record_v: bool = True
) -> tuple[np.ndarray | None, list[np.ndarray]]:
    """Run n_cells independent LIF cells, one column of `currents` each.

    Returns V over time ((n_steps + 1, n_cells), or None) and each cell's spike times.
    """
    p = params
    n_steps, n_cells = currents.shape
    v = np.full(n_cells, p.v_rest)
    dead = np.zeros(n_cells)  # refractory time still to serve, ms
    trace = np.empty((n_steps + 1, n_cells)) if record_v else None
    if trace is not None:
        trace[0] = v
    spikes: list[list[float]] = [[] for _ in range(n_cells)]
    for k in range(n_steps):
        t0 = k * dt
        v_inf = p.v_rest + p.resistance * currents[k]  # where V heads under this current
        # Time in this step the cell is free to integrate (refractory cells lose part or all).
        served = np.minimum(dead, dt)
        dead = dead - served
        free = dt - served
        v_end = np.where(free > 0, v_inf + (v - v_inf) * np.exp(-free / p.tau_m), v)
        fired = (v_end >= p.v_threshold) & (free > 0)
        if fired.any():
            # A refractory period shorter than the step leaves time to fire again in the same
            # step: follow the cells that fired until none crosses in what is left of the step.
            v_end[fired] = _fire_within_step(fired.nonzero()[0], v, v_inf, served, dead, t0, dt, p, spikes)
        v = v_end
        if trace is not None:
            trace[k + 1] = v
    return trace, [np.asarray(s) for s in spikes]


def _fire_within_step(
    cells: np.ndarray, v: np.ndarray, v_inf: np.ndarray, used: np.ndarray, dead: np.ndarray,
    t0: float, dt: float, p: LIFParams, spikes: list[list[float]],
) -> np.ndarray:
    """The end-of-step potential of `cells`, which cross the threshold in this step.

    `used` (time of the step already spent, per cell) and `dead` (refractory time left) are
    updated for these cells; each spike time is appended to `spikes`.
    """
    v_now, used_now = v[cells].copy(), used[cells].copy()
    out = np.empty(len(cells))
    active = np.arange(len(cells))  # positions in `cells` still integrating
    while active.size:
        c = cells[active]
        vi = v_inf[c]
        free = dt - used_now[active]
        v_end = np.where(free > 0, vi + (v_now[active] - vi) * np.exp(-free / p.tau_m), v_now[active])
        fired = (v_end >= p.v_threshold) & (free > 0)
        quiet = active[~fired]
        out[quiet] = v_end[~fired]
        active = active[fired]
        if not active.size:
            break
        vi, v0 = vi[fired], v_now[active]
        # Exact crossing time from the exponential approach to v_inf (> threshold here).
        into = np.clip(p.tau_m * np.log((vi - v0) / (vi - p.v_threshold)), 0.0, free[fired])
        for cell, ts in zip(cells[active], t0 + used_now[active] + into):
            spikes[cell].append(float(ts))
        # Then reset, and serve the refractory period (within this step as far as it lasts).
        used_now[active] += into
        served = np.minimum(p.refractory, dt - used_now[active])
        used_now[active] += served
        dead[cells[active]] = p.refractory - served
        v_now[active] = p.v_reset
    return out


def simulate_lif(
    current: float | np.ndarray,
    duration_ms: float = 200.0,
    dt_ms: float = 0.1,
    params: LIFParams | None = None,
) -> SpikeTrace:
    """Membrane potential and spike times of one LIF cell driven by `current` (nA).

    `current` is a number (held for the whole run) or one value per time step.
    """
    params = params or LIFParams()
    n_steps = _check_time(duration_ms, dt_ms)
    currents = _current_matrix(current, n_steps)
    trace, spikes = _integrate_lif(currents, params, dt_ms)
    return SpikeTrace(
        t=np.arange(n_steps + 1) * dt_ms, v=trace[:, 0], current=currents[:, 0], spike_times=spikes[0]
    )


def step_current(amplitude: float, duration_ms: float, dt_ms: float, start_ms: float, stop_ms: float) -> np.ndarray:
    """A current of `amplitude` nA switched on at start_ms and off at stop_ms, zero otherwise."""
    n_steps = _check_time(duration_ms, dt_ms)
    t = np.arange(n_steps) * dt_ms
    return np.where((t >= start_ms) & (t < stop_ms), float(amplitude), 0.0)


def steady_rate_hz(spike_times: np.ndarray, duration_ms: float) -> float:
    """The rate once the cell has settled into its rhythm: 1 / mean interval between spikes.

    With fewer than two spikes there is no interval; count spikes over the run instead.
    """
    if len(spike_times) >= 2:
        return 1000.0 * (len(spike_times) - 1) / float(spike_times[-1] - spike_times[0])
    return 1000.0 * len(spike_times) / duration_ms


def lif_rate_theory(current: float | np.ndarray, params: LIFParams | None = None) -> np.ndarray:
    """The textbook LIF rate: 0 up to the threshold current, then
    1 / (refractory + tau_m ln(R I / (R I - (V_th - V_rest)))), for V_reset = V_rest.

    For another reset the charge-up starts from V_reset instead; the formula covers that too.
    """
    p = params or LIFParams()
    i = np.asarray(current, dtype=np.float64)
    drive = p.resistance * i  # mV the current would lift V above rest, if nothing fired
    above = drive > p.v_threshold - p.v_rest
    # Below threshold the log is undefined; feed it any valid value and discard the result.
    safe = np.where(above, drive, 2.0 * (p.v_threshold - p.v_rest))
    charge_time = p.tau_m * np.log((safe - (p.v_reset - p.v_rest)) / (safe - (p.v_threshold - p.v_rest)))
    return np.where(above, 1000.0 / (p.refractory + charge_time), 0.0)


@dataclass(frozen=True)
class FICurve:
    currents: np.ndarray  # nA
    rates: np.ndarray  # Hz, from simulating each current
    theory: np.ndarray  # Hz, from lif_rate_theory
    params: LIFParams


def fi_curve(
    currents: np.ndarray, params: LIFParams | None = None, duration_ms: float = 500.0, dt_ms: float = 0.1
) -> FICurve:
    """Firing rate against input current, by simulating one cell per current (all at once)."""
    params = params or LIFParams()
    currents = np.asarray(currents, dtype=np.float64)
    if currents.ndim != 1 or currents.size == 0:
        raise NNExplorerError(Message("msg.neuron.currents_1d", shape=str(currents.shape)))
    n_steps = _check_time(duration_ms, dt_ms)
    _, spikes = _integrate_lif(np.broadcast_to(currents, (n_steps, currents.size)), params, dt_ms, record_v=False)
    rates = np.array([steady_rate_hz(s, duration_ms) for s in spikes])
    return FICurve(currents=currents, rates=rates, theory=lif_rate_theory(currents, params), params=params)


# Izhikevich (2003): two equations, four numbers, many firing patterns seen in real cortex.
IZHIKEVICH_PRESETS: dict[str, tuple[float, float, float, float]] = {
    "regular spiking": (0.02, 0.2, -65.0, 8.0),
    "fast spiking": (0.1, 0.2, -65.0, 2.0),
    "chattering (bursts)": (0.02, 0.2, -50.0, 2.0),
    "intrinsically bursting": (0.02, 0.2, -55.0, 4.0),
}
IZHIKEVICH_PEAK_MV = 30.0


def simulate_izhikevich(
    current: float | np.ndarray, duration_ms: float = 200.0, dt_ms: float = 0.1, preset: str = "regular spiking"
) -> SpikeTrace:
    """v' = 0.04 v^2 + 5 v + 140 - u + I,  u' = a (b v - u); at v >= 30 mV: v <- c, u <- u + d.

    `current` is in the model's own dimensionless units (about 0 to 20). Forward Euler; the
    quadratic term needs a small dt (0.1 ms or less) to stay accurate.
    """
    if preset not in IZHIKEVICH_PRESETS:
        raise NNExplorerError(Message("msg.neuron.pattern", allowed=", ".join(IZHIKEVICH_PRESETS), value=repr(preset)))
    a, b, c, d = IZHIKEVICH_PRESETS[preset]
    n_steps = _check_time(duration_ms, dt_ms)
    currents = _current_matrix(current, n_steps)[:, 0]
    v_trace = np.empty(n_steps + 1)
    u_trace = np.empty(n_steps + 1)
    v = -65.0  # start at rest, with the recovery variable in balance with it
    u = b * v
    v_trace[0], u_trace[0] = v, u
    spikes = []
    for k in range(n_steps):
        v_next = v + dt_ms * (0.04 * v * v + 5.0 * v + 140.0 - u + currents[k])
        u = u + dt_ms * a * (b * v - u)
        v = v_next
        if v >= IZHIKEVICH_PEAK_MV:
            spikes.append((k + 1) * dt_ms)
            v_trace[k + 1] = IZHIKEVICH_PEAK_MV  # draw the spike at its peak, then reset
            v, u = c, u + d
        else:
            v_trace[k + 1] = v
        u_trace[k + 1] = u
    return SpikeTrace(
        t=np.arange(n_steps + 1) * dt_ms, v=v_trace, current=currents, spike_times=np.asarray(spikes), recovery=u_trace
    )
