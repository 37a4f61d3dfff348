"""Neuron lab, section 2: a spiking brain-cell model, and its firing rate beside ReLU."""

from __future__ import annotations

import numpy as np
import streamlit as st

from nncore.neuron.rate_coding import fit_relu, fit_softplus
from nncore.neuron.spiking import (
    IZHIKEVICH_PRESETS,
    FICurve,
    LIFParams,
    fi_curve,
    simulate_izhikevich,
    simulate_lif,
    step_current,
    steady_rate_hz,
)
from nncore.plots.neuron_plots import fi_curve_plot, membrane_trace
from ui.render import show_figure

DURATION_MS, DT_MS = 300.0, 0.1
CURRENT_ON_MS, CURRENT_OFF_MS = 50.0, 250.0


@st.cache_data(max_entries=32, show_spinner=False)
def _fi_curve(max_current: float, refractory: float, tau_m: float) -> FICurve:
    # Pure and keyed by its arguments: safe to share between sessions.
    params = LIFParams(refractory=refractory, tau_m=tau_m)
    return fi_curve(np.linspace(0.0, max_current, 61), params, duration_ms=500.0, dt_ms=DT_MS)


def render_brain_cell() -> None:
    st.markdown(
        "A real nerve cell works differently. Its outer skin (the **membrane**) holds an electrical "
        "voltage. Incoming current charges it up, while it slowly **leaks** back towards rest. When "
        "the voltage reaches a **threshold**, the cell fires a brief pulse, a **spike**, then resets "
        "and needs a moment (the **refractory period**) before it can fire again. This *leaky "
        "integrate-and-fire* model captures just that."
    )
    controls, plot = st.columns([1, 2], gap="large")
    with controls:
        current = st.slider(
            "Input current (nA)", 0.0, 10.0, step=0.1, key="neuron_lab_current",
            help="How strongly the cell is being pushed, in nanoamperes. It is switched on at "
            f"{CURRENT_ON_MS:.0f} ms and off at {CURRENT_OFF_MS:.0f} ms.",
        )
        refractory = st.slider(
            "Refractory period (ms)", 0.0, 10.0, step=0.5, key="neuron_lab_refractory",
            help="How long the cell must rest after each spike before it can fire again. It limits "
            "how fast the cell can ever fire.",
        )
        tau_m = st.slider(
            "Membrane time constant (ms)", 2.0, 40.0, step=1.0, key="neuron_lab_tau",
            help="How slowly the voltage leaks back to rest: larger means the cell remembers its "
            "input for longer.",
        )
    params = LIFParams(refractory=refractory, tau_m=tau_m)
    drive = step_current(current, DURATION_MS, DT_MS, CURRENT_ON_MS, CURRENT_OFF_MS)
    trace = simulate_lif(drive, DURATION_MS, DT_MS, params)
    rate = steady_rate_hz(trace.spike_times, CURRENT_OFF_MS - CURRENT_ON_MS)
    with controls:
        m1, m2 = st.columns(2)
        m1.metric("Spikes", len(trace.spike_times), help="Spikes fired while the current was on.")
        m2.metric("Firing rate", f"{rate:.0f} /s", help="Spikes per second once the cell has settled into its rhythm.")
        st.metric(
            "Threshold current", f"{params.threshold_current:.2f} nA",
            help="Below this steady current the voltage never reaches the threshold: no spikes at all.",
        )
    with plot:
        show_figure(membrane_trace(trace, params.v_threshold), key="neuron_lab_lif_trace")
    st.markdown("**The model in one line** — the voltage V moves towards rest and is pushed up by the current I:")
    st.latex(r"\tau_m \frac{dV}{dt} = -(V - V_{\text{rest}}) + R\,I")
    st.markdown("**The spike rule** — on reaching the threshold, fire, reset and rest:")
    st.latex(
        rf"V \ge V_{{\text{{th}}}} = {params.v_threshold:.0f}\,\text{{mV}} \;\Rightarrow\;"
        rf"\text{{spike, then }} V = {params.v_reset:.0f}\,\text{{mV for }} {refractory:g}\,\text{{ms}}"
    )
    st.markdown("**The threshold current** — the weakest steady input that ever makes it fire:")
    st.latex(
        rf"I_{{\text{{th}}}} = \frac{{V_{{\text{{th}}}} - V_{{\text{{rest}}}}}}{{R}} = "
        rf"\frac{{{params.v_threshold:.0f} - ({params.v_rest:.0f})}}{{{params.resistance:.0f}\,\text{{M}}\Omega}}"
        rf" = {params.threshold_current:.2f}\,\text{{nA}}"
    )

    _render_rate_coding(params, current)
    with st.expander("A richer model: Izhikevich's neuron (bursts, fast spiking)", expanded=False):
        _render_izhikevich()


def _render_rate_coding(params: LIFParams, current: float) -> None:
    st.subheader("From spikes to a number: the firing rate")
    st.markdown(
        "An artificial neuron outputs a single number. A brain cell outputs spikes. One common "
        "bridge is **rate coding**: read the cell's output as *how many spikes per second* it fires. "
        "Below, the model cell is simulated at many currents and its rate plotted: the *f-I curve*. "
        "ReLU and softplus are then fitted to the same points, so you can see how well they match."
    )
    max_current = st.slider(
        "Largest current shown (nA)", 3.0, 40.0, step=1.0, key="neuron_lab_fi_max",
        help="The range of currents on the curve. Push it up to see the rate level off near its ceiling.",
    )
    fi = _fi_curve(max_current, params.refractory, params.tau_m)
    fits = [fit_relu(fi), fit_softplus(fi)]
    show_figure(fi_curve_plot(fi, fits, current_now=current if current <= max_current else None), key="neuron_lab_fi_curve")
    below = fi.rates[fi.currents < params.threshold_current]
    gap = float(np.max(np.abs(fi.rates - fi.theory)))
    st.caption(
        f"Measured from the simulation: {len(below)} currents below the threshold, all with rate "
        f"{below.max() if below.size else 0:.0f}/s; the highest rate is {fi.rates.max():.0f}/s "
        + (f"(ceiling {params.max_rate_hz:.0f}/s). " if np.isfinite(params.max_rate_hz) else "(no ceiling: refractory period is 0). ")
        + f"Simulation and textbook formula differ by at most {gap:.1e} spikes/s."
    )
    st.markdown("**The firing rate, worked out on paper** (the solid line), next to ReLU:")
    st.latex(
        r"\text{rate}(I) = \begin{cases} 0 & I \le I_{\text{th}} \\[2pt]"
        r"\dfrac{1}{t_{\text{ref}} + \tau_m \ln\dfrac{R I}{R I - (V_{\text{th}} - V_{\text{rest}})}} & I > I_{\text{th}}\end{cases}"
    )
    st.latex(r"\mathrm{ReLU}(z) = \max(0, z)")
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(
            "**Where the analogy holds**\n\n"
            "- *Threshold:* no output at all below a certain input, as ReLU gives 0 for negative sums.\n"
            "- *More in, more out:* above threshold the rate rises with the current.\n"
            "- *Weighted sum:* a cell adds up currents from many synapses, each stronger or weaker, "
            "some exciting and some inhibiting: much like weights."
        )
    with c2:
        st.markdown(
            "**Where it breaks**\n\n"
            "- *Ceiling:* the rate levels off (the refractory period); ReLU grows forever.\n"
            "- *Spikes and time:* a real cell sends all-or-nothing pulses, and *when* they arrive "
            "carries information too; an artificial neuron sends one number, with no time in it.\n"
            "- *Energy:* spikes are sparse and the brain runs on about 20 watts; a network computes "
            "every neuron for every input.\n"
            "- *Learning:* the brain has no known way to send exact error gradients backwards."
        )


def _render_izhikevich() -> None:
    st.markdown(
        "Two equations and four numbers reproduce many firing patterns seen in real cortex. "
        "The current here is in the model's own units."
    )
    c1, c2 = st.columns(2)
    preset = c1.selectbox(
        "Firing pattern", list(IZHIKEVICH_PRESETS), key="neuron_lab_izh_preset",
        help="Different kinds of brain cells respond to the same input in different rhythms.",
    )
    strength = c2.slider(
        "Input current", 0.0, 20.0, step=0.5, key="neuron_lab_izh_current",
        help="How strongly the cell is pushed (the model's own units, not nA).",
    )
    a, b, c, d = IZHIKEVICH_PRESETS[preset]
    drive = step_current(strength, DURATION_MS, DT_MS, CURRENT_ON_MS, CURRENT_OFF_MS)
    trace = simulate_izhikevich(drive, DURATION_MS, DT_MS, preset)
    st.latex(r"\frac{dv}{dt} = 0.04v^2 + 5v + 140 - u + I,\qquad \frac{du}{dt} = a(bv - u)")
    st.latex(
        rf"v \ge 30\,\text{{mV}} \Rightarrow \text{{spike}},\ v \leftarrow {c:g},\ u \leftarrow u + {d:g}"
        rf"\qquad (a = {a:g},\ b = {b:g})"
    )
    st.caption(f"{len(trace.spike_times)} spikes while the current was on.")
    show_figure(membrane_trace(trace, None, current_unit="model units"), key="neuron_lab_izh_trace")
