"""The live view of a training job: progress, Stop, metrics and curves.

It runs as a fragment that re-renders itself every half second while the job runs, so the
rest of the page (and other pages) stays responsive; when the job ends it reruns the whole
app once so the sidebar and the Train button catch up.
"""

from __future__ import annotations

import time

import streamlit as st

from nncore.training.job import JobState
from nncore.plots.training_plots import learning_curves
from ui.baselines_view import format_score
from ui.engine_preload import training_warming
from ui.i18n import say, t
from ui.loss_words import loss_formula
from ui.render import format_duration, format_loss, format_metric, show_figure
from ui.state import SessionState

REFRESH_SECONDS = 0.5
# A training waiting in the server's line only shows its place: a slower refresh spares the
# server a rerun a second per waiting session, which is what a busy classroom server is short of.
QUEUED_REFRESH_SECONDS = 2.0


def render_training(state: SessionState) -> None:
    live = state.is_training
    queued = live and state.job.snapshot().queue_position > 0
    every = (QUEUED_REFRESH_SECONDS if queued else REFRESH_SECONDS) if live else None
    fragment = st.fragment(run_every=every)(_training_panel)
    fragment(state, live, queued)


def _training_panel(state: SessionState, live: bool, queued_when_drawn: bool = False) -> None:
    job = state.job
    snap = job.snapshot()
    if queued_when_drawn and snap.queue_position == 0:
        st.rerun()  # its turn came: draw the page again, with the live curves' faster refresh
    objective = job.objective
    if not snap.state.is_done:
        left, right = st.columns([5, 1], vertical_alignment="center")
        queued = snap.queue_position > 0
        if queued:
            text = t("queue.waiting", position=snap.queue_position, slots=job.line.limits.slots)
        elif snap.steps_per_epoch == 0 and job.continue_from is not None:
            text = t("train.continuing", epoch=snap.epoch)
        elif snap.steps_per_epoch == 0 and training_warming():  # a fresh server: say why it waits
            text = t("cold.training_setting_up")
        elif snap.steps_per_epoch == 0:
            text = t("train.starting")
        else:
            left_text = (t("train.eta_unknown") if snap.eta_seconds is None
                         else t("train.eta", duration=format_duration(snap.eta_seconds)))
            text = t("train.progress", epoch=min(snap.epoch + 1, snap.total_epochs), epochs=snap.total_epochs,
                     elapsed=format_duration(snap.elapsed), left=left_text)
        left.progress(snap.progress, text=text)
        if right.button(t("queue.cancel") if queued else t("train.stop"), key="train_stop", type="secondary",
                        icon=":material/stop:", width="stretch",
                        help=t("queue.cancel_help") if queued else t("train.stop_help")):
            job.stop()
            # Stopping takes one compiled chunk (a fraction of a second): wait for it so the
            # outcome shows at once instead of on the next refresh (not for the save after it).
            job.wait_for_outcome(timeout=1.5)
            st.rerun()
    elif live:
        st.rerun()  # the job just ended: refresh the whole page once
    else:
        _outcome(snap)

    history = snap.history
    if history:
        last = history[-1]
        name = objective.metric_name
        m1, m2, m3, m4 = st.columns(4)
        metric = t(f"runs.metric_{name}").lower()  # "accuracy" or "mean absolute error"
        formula = loss_formula(objective.loss_label)  # the loss is named "loss"; its formula in the help
        m1.metric(t("train.training_loss"), format_loss(last.loss), help=t("plain.loss_help.training", formula=formula))
        m2.metric(t("train.validation_loss"), format_loss(last.val_loss),
                  help=t("plain.loss_help.validation", formula=formula))
        m3.metric(t("train.training_metric", metric=metric), format_metric(last.metric, name))
        m4.metric(t("train.validation_metric", metric=metric), format_metric(last.val_metric, name))
        show_figure(_curves(job, history, snap.elapsed, live), key="train_curves")
        if job.dataset.is_2d and job.model is not None:
            _plane(job, live)
    elif snap.running_loss is not None:
        st.caption(t("train.first_epoch", loss=f"{snap.running_loss:.4f}"))

    run = state.run
    if run is not None and snap.state.is_done and run.usable:
        name = run.objective.metric_name
        st.caption(t(
            "train.test_set", n=f"{len(run.dataset.x_test):,}", loss=format_loss(run.test_loss),
            metric=t(f"runs.metric_{name}").lower(), value=format_score(run.test_metric, name, run.dataset),
            duration=format_duration(run.seconds),
        ))


CURVES_KEY = "_train_curves"


def curves_redraw_seconds(elapsed: float) -> float:
    """How often the live learning curves are redrawn: at every refresh for the first seconds
    (a demo's whole training), then less often as a long run goes on. Each redraw costs the
    browser 50-100 ms of work, and a curve hundreds of epochs long hardly moves in a second."""
    if elapsed < 10:
        return REFRESH_SECONDS
    return 1.0 if elapsed < 120 else 2.0


def _curves(job, history, elapsed: float, live: bool):
    """The learning-curves figure; while training, the previous one until it is due again (the
    same figure re-sent is not redrawn by the browser), and only when a new epoch came in."""
    now = time.monotonic()
    last = st.session_state.get(CURVES_KEY)
    if (live and last is not None and last[0] is job
            and (last[2] == len(history) or now - last[1] < curves_redraw_seconds(elapsed))):
        return last[3]
    objective = job.objective
    metric = t("fig.accuracy_title" if objective.metric_name == "accuracy" else "fig.obj.mae")
    fig = learning_curves(history, loss_formula(objective.loss_label), metric, words=t)
    st.session_state[CURVES_KEY] = (job, now, len(history), fig)
    return fig


def _plane(job, live: bool) -> None:
    from nncore.inspect.boundary import plane_grid
    from nncore.plots.boundary_plots import decision_boundary

    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        show_figure(decision_boundary(plane_grid(job.model, job.dataset), job.dataset, words=t), key="train_boundary")
    _neuron_maps(job, live)
    with right:
        if job.dataset.task == "classification":
            st.markdown(t("train.plane_classification"))
        else:
            st.markdown(t("train.plane_regression"))


PROBE_KEY = "_train_neuron_probe"
MAPS_KEY = "_train_neuron_maps"
LIVE_MAPS_EVERY = 1.0  # seconds
MAP_STEPS = 30
MAX_MAPPED_UNITS = 16  # per layer: more maps would be too small to read and slow to redraw live


def _neuron_maps(job, live: bool) -> None:
    """One small map per hidden neuron of what it responds to over the plane, live."""
    from nncore.inspect.activations import ActivationProbe
    from nncore.inspect.neuron_maps import neuron_maps
    from nncore.plots.inside_plots import neuron_maps as neuron_maps_figure

    cached = st.session_state.get(PROBE_KEY)
    if cached is None or cached[0] is not job.model:
        # One probe per model: a continued run (Step) trains the same model, so it is reused.
        cached = (job.model, ActivationProbe(job.model))
        st.session_state[PROBE_KEY] = cached
    probe = cached[1]
    if not any(info.kind == "dense" for info in probe.layers):
        return
    # While training, the maps are redrawn at most once a second (the same figure is re-sent in
    # between, which the browser does not redraw), on a coarse grid and without hover values:
    # drawn finely on every half-second refresh they kept the browser too busy to react to
    # Stop quickly. (The Inside page has the detailed views.)
    now = time.monotonic()
    last = st.session_state.get(MAPS_KEY)
    if live and last is not None and last[0] is job.model and now - last[1] < LIVE_MAPS_EVERY:
        fig, cut = last[2], last[3]
    else:
        maps = neuron_maps(probe, job.dataset, steps=MAP_STEPS)
        shown = {name: values[:, :, :MAX_MAPPED_UNITS] for name, values in maps.maps.items()}
        cut = any(values.shape[-1] > MAX_MAPPED_UNITS for values in maps.maps.values())
        fig = neuron_maps_figure(maps.xs, maps.ys, shown, hover_values=False, words=t)
        st.session_state[MAPS_KEY] = (job.model, now, fig, cut)
    with st.expander(t("train.neuron_maps"), expanded=True):
        st.caption(t("train.neuron_maps_caption") + (t("train.neuron_maps_cut", n=MAX_MAPPED_UNITS) if cut else ""))
        show_figure(fig, key="train_neuron_maps")


def render_step_button(state: SessionState) -> None:
    """A "Step" button: train the current run's model for one more epoch, from where it is."""
    if not state.can_step:
        return
    if st.button(
        t("train.step"), key="train_step", icon=":material/skip_next:", help=t("train.step_help"),
    ):
        state.step_one_epoch()  # saved when it ends like every training: a run of its own
        st.rerun()


def _outcome(snap) -> None:
    if snap.state == JobState.FINISHED:
        st.success(say(snap.message), icon=":material/check_circle:")
    elif snap.state == JobState.STOPPED:
        kept = " " + t("train.stopped_kept") if snap.epoch > 0 else ""  # cancelled in line: no model
        st.warning(say(snap.message) + kept, icon=":material/pause_circle:")
    elif snap.state == JobState.DIVERGED:
        st.error(say(snap.message), icon=":material/warning:")
    else:
        st.error(say(snap.message), icon=":material/error:")
