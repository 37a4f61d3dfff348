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
from ui.i18n import t, t_latex
from ui.render import show_figure

DURATION_MS, DT_MS = 300.0, 0.1
CURRENT_ON_MS, CURRENT_OFF_MS = 50.0, 250.0


@st.cache_data(max_entries=32, show_spinner=False)
def _fi_curve(max_current: float, refractory: float, tau_m: float) -> FICurve:
    # Pure and keyed by its arguments: safe to share between sessions.
    params = LIFParams(refractory=refractory, tau_m=tau_m)
    return fi_curve(np.linspace(0.0, max_current, 61), params, duration_ms=500.0, dt_ms=DT_MS)


def render_brain_cell() -> None:
    st.markdown(t("lab.brain_intro"))
    controls, plot = st.columns([1, 2], gap="large")
    with controls:
        current = st.slider(
            t("lab.current"), 0.0, 10.0, step=0.1, key="neuron_lab_current",
            help=t("lab.current_help", on=f"{CURRENT_ON_MS:.0f}", off=f"{CURRENT_OFF_MS:.0f}"),
        )
        refractory = st.slider(
            t("lab.refractory"), 0.0, 10.0, step=0.5, key="neuron_lab_refractory",
            help=t("lab.refractory_help"),
        )
        tau_m = st.slider(
            t("lab.tau"), 2.0, 40.0, step=1.0, key="neuron_lab_tau",
            help=t("lab.tau_help"),
        )
    params = LIFParams(refractory=refractory, tau_m=tau_m)
    drive = step_current(current, DURATION_MS, DT_MS, CURRENT_ON_MS, CURRENT_OFF_MS)
    trace = simulate_lif(drive, DURATION_MS, DT_MS, params)
    rate = steady_rate_hz(trace.spike_times, CURRENT_OFF_MS - CURRENT_ON_MS)
    with controls:
        m1, m2 = st.columns(2)
        m1.metric(t("lab.spikes"), len(trace.spike_times), help=t("lab.spikes_help"))
        m2.metric(t("lab.rate"), f"{rate:.0f} /s", help=t("lab.rate_help"))
        st.metric(t("lab.threshold"), f"{params.threshold_current:.2f} nA", help=t("lab.threshold_help"))
    with plot:
        show_figure(membrane_trace(trace, params.v_threshold, words=t), key="neuron_lab_lif_trace")
    st.markdown(t("lab.model_line"))
    rest, th, ref = (t_latex(f"lab.tex.{word}") for word in ("rest", "th", "ref"))
    st.latex(rf"\tau_m \frac{{dV}}{{dt}} = -(V - V_{{\text{{{rest}}}}}) + R\,I")
    st.markdown(t("lab.spike_rule"))
    st.latex(
        rf"V \ge V_{{\text{{{th}}}}} = {params.v_threshold:.0f}\,\text{{mV}} \;\Rightarrow\;"
        rf"\text{{{t_latex('lab.tex.spike_then')} }} V = {params.v_reset:.0f}\,\text{{mV}}\ "
        rf"\text{{{t_latex('lab.tex.for')} }} {refractory:g}\,\text{{ms}}"
    )
    st.markdown(t("lab.threshold_formula"))
    st.latex(
        rf"I_{{\text{{{th}}}}} = \frac{{V_{{\text{{{th}}}}} - V_{{\text{{{rest}}}}}}}{{R}} = "
        rf"\frac{{{params.v_threshold:.0f} - ({params.v_rest:.0f})}}{{{params.resistance:.0f}\,\text{{M}}\Omega}}"
        rf" = {params.threshold_current:.2f}\,\text{{nA}}"
    )

    _render_rate_coding(params, current)
    with st.expander(t("lab.izhikevich"), expanded=False):
        _render_izhikevich()


def _render_rate_coding(params: LIFParams, current: float) -> None:
    st.subheader(t("lab.rate_coding"))
    st.markdown(t("lab.rate_coding_text"))
    max_current = st.slider(
        t("lab.fi_max"), 3.0, 40.0, step=1.0, key="neuron_lab_fi_max",
        help=t("lab.fi_max_help"),
    )
    fi = _fi_curve(max_current, params.refractory, params.tau_m)
    fits = [fit_relu(fi), fit_softplus(fi)]
    show_figure(fi_curve_plot(fi, fits, current_now=current if current <= max_current else None, words=t), key="neuron_lab_fi_curve")
    below = fi.rates[fi.currents < params.threshold_current]
    gap = float(np.max(np.abs(fi.rates - fi.theory)))
    st.caption(
        t("lab.fi_measured", n=len(below), rate=f"{below.max() if below.size else 0:.0f}", top=f"{fi.rates.max():.0f}")
        + (t("lab.fi_ceiling", ceiling=f"{params.max_rate_hz:.0f}") if np.isfinite(params.max_rate_hz)
           else t("lab.fi_no_ceiling"))
        + t("lab.fi_gap", gap=f"{gap:.1e}")
    )
    st.markdown(t("lab.rate_formula"))
    rate, rest, th, ref = (t_latex(f"lab.tex.{word}") for word in ("rate", "rest", "th", "ref"))
    st.latex(
        rf"\text{{{rate}}}(I) = \begin{{cases}} 0 & I \le I_{{\text{{{th}}}}} \\[2pt]"
        rf"\dfrac{{1}}{{t_{{\text{{{ref}}}}} + \tau_m \ln\dfrac{{R I}}{{R I - (V_{{\text{{{th}}}}} - V_{{\text{{{rest}}}}})}}}}"
        rf" & I > I_{{\text{{{th}}}}}\end{{cases}}"
    )
    st.latex(r"\mathrm{ReLU}(z) = \max(0, z)")
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(t("lab.analogy_holds"))
    with c2:
        st.markdown(t("lab.analogy_breaks"))


def _render_izhikevich() -> None:
    st.markdown(t("lab.izh_intro"))
    c1, c2 = st.columns(2)
    preset = c1.selectbox(
        t("lab.izh_pattern"), list(IZHIKEVICH_PRESETS), key="neuron_lab_izh_preset",
        format_func={name: t(f"lab.izh.{name.replace(' ', '_')}") for name in IZHIKEVICH_PRESETS}.get,  # by its key
        help=t("lab.izh_pattern_help"),
    )
    strength = c2.slider(
        t("lab.izh_current"), 0.0, 20.0, step=0.5, key="neuron_lab_izh_current",
        help=t("lab.izh_current_help"),
    )
    a, b, c, d = IZHIKEVICH_PRESETS[preset]
    drive = step_current(strength, DURATION_MS, DT_MS, CURRENT_ON_MS, CURRENT_OFF_MS)
    trace = simulate_izhikevich(drive, DURATION_MS, DT_MS, preset)
    st.latex(r"\frac{dv}{dt} = 0.04v^2 + 5v + 140 - u + I,\qquad \frac{du}{dt} = a(bv - u)")
    st.latex(
        rf"v \ge 30\,\text{{mV}} \Rightarrow \text{{{t_latex('lab.tex.spike')}}},\ v \leftarrow {c:g},\ u \leftarrow u + {d:g}"
        rf"\qquad (a = {a:g},\ b = {b:g})"
    )
    st.caption(t("lab.izh_spikes", n=len(trace.spike_times)))
    show_figure(membrane_trace(trace, None, current_unit=t("fig.model_units"), words=t), key="neuron_lab_izh_trace")
