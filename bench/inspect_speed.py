"""Looking inside a network, timed: one input's activations through every layer, a 200x200
decision-boundary refresh, the live neuron maps, the cost of recording training dynamics,
and the Inside page's re-render when the chosen input or layer changes."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.table import Row

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def _median_seconds(fn, repeats: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _activations_row(quick: bool) -> Row:
    from nncore.data import load_dataset
    from nncore.inspect.activations import ActivationProbe
    from nncore.models import preset_spec
    from nncore.models.build import build_model

    data = load_dataset("digits")
    model = build_model(preset_spec("lenet_cnn", data), data, seed=0)
    probe = ActivationProbe(model)
    x = data.x_test[3:4]
    seconds = _median_seconds(lambda: probe(x), 20 if quick else 100)
    return Row("activations, one input, all layers (digits CNN)", f"{seconds * 1000:.1f} ms", "<= 100 ms", ok=seconds <= 0.1)


def _trained_mlp():
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig, TrainingJob

    data = load_dataset("circles")
    job = TrainingJob(data, preset_spec("small_mlp", data), TrainingConfig(epochs=5, batch_size=16)).start()
    job.join()
    return data, job.result.model


def _grid_rows(quick: bool) -> list[Row]:
    from nncore.inspect.activations import ActivationProbe
    from nncore.inspect.boundary import plane_grid
    from nncore.inspect.neuron_maps import neuron_maps
    from nncore.plots.boundary_plots import decision_boundary

    data, model = _trained_mlp()
    repeats = 5 if quick else 20
    grid = _median_seconds(lambda: plane_grid(model, data, steps=200), repeats)
    with_figure = _median_seconds(lambda: decision_boundary(plane_grid(model, data, steps=200), data), repeats)
    probe = ActivationProbe(model)
    maps = _median_seconds(lambda: neuron_maps(probe, data), repeats)
    return [
        Row("decision-boundary grid 200x200 (circles MLP)", f"{grid * 1000:.1f} ms", "<= 100 ms", ok=grid <= 0.1),
        Row("  same, with its figure built", f"{with_figure * 1000:.1f} ms", "", ok=None),
        Row("neuron maps, every hidden unit, 40x40", f"{maps * 1000:.1f} ms", "", ok=None),
    ]


def _recording_rows(quick: bool) -> list[Row]:
    """Job time with and without recording, alternating, median of the repeats."""
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig, TrainingJob

    cases = [
        ("circles MLP, 100 epochs, batch 10 (the app's default)", "circles", "small_mlp",
         TrainingConfig(learning_rate=0.03, batch_size=10, epochs=100)),
        ("digits CNN, 30 epochs", "digits", "lenet_cnn", TrainingConfig(epochs=30)),
    ]
    rows = []
    repeats = 2 if quick else 5
    for title, key, preset, config in cases:
        data = load_dataset(key)
        spec = preset_spec(preset, data)
        plain, recorded, spent = [], [], []
        for _ in range(repeats + 1):  # the first pair warms up both paths
            for record, into in ((False, plain), (True, recorded)):
                job = TrainingJob(data, spec, config, record_dynamics=record).start()
                job.join()
                into.append(job.result.seconds)
                if record:
                    spent.append(job.result.extra["dynamics"].seconds)
        base, rec = statistics.median(plain[1:]), statistics.median(recorded[1:])
        # What the user pays is the whole difference (recording, and the shorter compiled blocks
        # it asks for); the recorder's own timing is shown beside it.
        overhead = rec / base - 1
        rows.append(Row(
            f"recording overhead: {title}",
            f"{base:.2f} s without, {rec:.2f} s with; recording itself {statistics.median(spent[1:]):.2f} s",
            "<= 10%", f"{overhead:+.1%}", ok=overhead <= 0.10,
        ))
    return rows


def _page_rows(quick: bool) -> list[Row]:
    """AppTest reruns of the Inside page after changing the input, then the layer (an upper
    bound on the server's share: AppTest adds its own work per run)."""
    from streamlit.testing.v1 import AppTest

    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import TrainingConfig
    from ui.state import STATE_KEY

    rows = []
    for title, key, preset in (("circles MLP", None, None), ("digits CNN", "digits", "lenet_cnn")):
        at = AppTest.from_file(APP, default_timeout=300).run()
        state = at.session_state[STATE_KEY]
        if key:
            data = load_dataset(key)
            state.apply_setup(dataset=data, model_spec=preset_spec(preset, data), preset_key=preset)
        state.set_training_config(TrainingConfig(epochs=3, batch_size=16))
        state.start_training()
        state.job.join()
        at.switch_page("app_pages/inside.py").run()
        times = []
        layers = at.selectbox(key="inside_layer").options
        for i in range(6 if quick else 20):
            at.number_input(key="inside_index").set_value(i + 1)
            began = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - began)
            at.selectbox(key="inside_layer").set_value(layers[i % len(layers)].split(" (")[0])
            began = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - began)
        seconds = statistics.median(times[2:])
        rows.append(Row(f"Inside page re-render, input or layer changed ({title})", f"{seconds * 1000:.0f} ms", "<= 300 ms",
                        ok=seconds <= 0.3))
    return rows


def run(quick: bool = False) -> list[Row]:
    from nncore.backend import configure_devices

    configure_devices()
    return [_activations_row(quick), *_grid_rows(quick), *_recording_rows(quick), *_page_rows(quick)]
