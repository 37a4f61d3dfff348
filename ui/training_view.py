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
from ui.render import format_duration, format_loss, format_metric, show_figure
from ui.state import SessionState

REFRESH_SECONDS = 0.5


def render_training(state: SessionState) -> None:
    live = state.is_training
    fragment = st.fragment(run_every=REFRESH_SECONDS if live else None)(_training_panel)
    fragment(state, live)


def _training_panel(state: SessionState, live: bool) -> None:
    job = state.job
    snap = job.snapshot()
    objective = job.objective
    if not snap.state.is_done:
        left, right = st.columns([5, 1], vertical_alignment="center")
        if snap.steps_per_epoch == 0 and job.continue_from is not None:
            text = f"Continuing from epoch {snap.epoch} with the current weights (preparing the training step)…"
        elif snap.steps_per_epoch == 0:
            text = "Starting (building the model; the first run also loads TensorFlow)…"
        else:
            left_text = "estimating time left" if snap.eta_seconds is None else f"about {format_duration(snap.eta_seconds)} left"
            text = (
                f"Epoch {min(snap.epoch + 1, snap.total_epochs)} of {snap.total_epochs} · "
                f"{format_duration(snap.elapsed)} elapsed · {left_text}"
            )
        left.progress(snap.progress, text=text)
        if right.button("Stop", key="train_stop", type="secondary", icon=":material/stop:", width="stretch",
                        help="End training after the current step; the model trained so far is kept."):
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
        m1.metric("Training loss", format_loss(last.loss))
        m2.metric("Validation loss", format_loss(last.val_loss))
        m3.metric(f"Training {objective.metric_label.lower()}", format_metric(last.metric, name))
        m4.metric(f"Validation {objective.metric_label.lower()}", format_metric(last.val_metric, name))
        show_figure(learning_curves(history, objective.loss_label, objective.metric_label), key="train_curves")
        if job.dataset.is_2d and job.model is not None:
            _plane(job, live)
    elif snap.running_loss is not None:
        st.caption(f"First epoch in progress · running loss {snap.running_loss:.4f}")

    run = state.run
    if run is not None and snap.state.is_done and run.usable:
        name = run.objective.metric_name
        st.caption(
            f"Test set ({len(run.dataset.x_test):,} examples the model never trained on): loss "
            f"{format_loss(run.test_loss)}, {run.objective.metric_label.lower()} {format_metric(run.test_metric, name)} · "
            f"trained in {format_duration(run.seconds)}."
        )


def _plane(job, live: bool) -> None:
    from nncore.inspect.boundary import plane_grid
    from nncore.plots.boundary_plots import decision_boundary

    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        show_figure(decision_boundary(plane_grid(job.model, job.dataset), job.dataset), key="train_boundary")
    _neuron_maps(job, live)
    with right:
        if job.dataset.task == "classification":
            st.markdown(
                "**What the network has learned.** The background shows, for every point of the "
                "plane, what the network would answer there: the deeper the colour, the surer it "
                "is; the dark line is where it is 50/50 (its *decision boundary*). The dots are "
                "test examples it never trained on. A network with no hidden layer can only draw "
                "a straight line; hidden layers let it bend."
            )
        else:
            st.markdown(
                "**What the network has learned.** The colour of the background is the number the "
                "network predicts at each point of the plane; the dots are test examples, "
                "coloured by their true value. Where the colours match, the network is right."
            )


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
        fig = neuron_maps_figure(maps.xs, maps.ys, shown, hover_values=False)
        st.session_state[MAPS_KEY] = (job.model, now, fig, cut)
    with st.expander("What each hidden neuron responds to", expanded=True):
        st.caption(
            "One small map per hidden neuron, over the same plane: blue where its output is positive, red where "
            "negative, white near zero. The first layer can only draw straight edges; later layers combine them "
            "into the curved boundary above."
            + (f" The first {MAX_MAPPED_UNITS} neurons of each layer are shown." if cut else "")
        )
        show_figure(fig, key="train_neuron_maps")


def render_step_button(state: SessionState) -> None:
    """A "Step" button: train the current run's model for one more epoch, from where it is."""
    run = state.run
    if state.is_training or run is None or not run.usable or run.dataset is not state.dataset or run.spec != state.model_spec:
        return
    if st.button(
        "Step: one more epoch", key="train_step", icon=":material/skip_next:",
        help="Train the current model for one more epoch, continuing from its weights and adding to its "
        "history, to watch learning one step at a time. The optimizer starts afresh (Adam's running averages "
        "are not kept), and stepped epochs are not saved as a new run.",
    ):
        from dataclasses import replace

        from nncore.training.job import TrainingJob
        from ui.state import ABANDON_AFTER_SECONDS

        state.job = TrainingJob(
            run.dataset, run.spec, replace(run.config, epochs=1), continue_from=run, abandon_after=ABANDON_AFTER_SECONDS
        ).start()
        state.opened_run = None
        st.rerun()


def _outcome(snap) -> None:
    if snap.state == JobState.FINISHED:
        st.success(snap.message, icon=":material/check_circle:")
    elif snap.state == JobState.STOPPED:
        st.warning(snap.message + " The model trained so far is kept and can be used.", icon=":material/pause_circle:")
    elif snap.state == JobState.DIVERGED:
        st.error(snap.message, icon=":material/warning:")
    else:
        st.error(snap.message, icon=":material/error:")
