"""AppTest checks of each page: it renders, its controls work, and errors are messages."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.state import STATE_KEY

TIMEOUT = 120
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def state(at: AppTest):
    return at.session_state[STATE_KEY]


def test_home_page_renders_without_importing_tensorflow():
    # A fresh interpreter: this test process may already have TensorFlow loaded.
    probe = (
        "import sys; from streamlit.testing.v1 import AppTest; "
        "at = AppTest.from_file('app.py', default_timeout=60).run(); "
        "assert not at.exception, at.exception; "
        "print('TF' if 'tensorflow' in sys.modules else 'NO-TF', at.title[0].value)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "NO-TF NN Explorer"


def test_home_page_offers_the_three_steps_and_shows_what_is_loaded():
    at = open_app()
    assert at.title[0].value == "NN Explorer"
    sidebar = " ".join(m.value for m in at.sidebar.markdown)
    assert "Circles (2-D)" in sidebar and "not started" in sidebar


def test_data_page_loads_another_dataset_and_switches_the_model_to_fit_it():
    at = open_app("app_pages/data.py")
    at.selectbox(key="data_choice").set_value("digits").run()
    at.button[0].click().run()  # "Load dataset", the form's submit button
    assert not at.exception
    assert state(at).dataset.key == "digits"
    assert state(at).preset_key == "lenet_cnn"  # new kind of input: that kind's default model
    # (AppTest drops sidebar elements after the first run of an st.navigation app, so the
    # sidebar's text is checked in the real-browser tests instead.)


def test_data_page_parameter_out_of_range_is_impossible_and_load_errors_keep_the_old_data(monkeypatch):
    at = open_app("app_pages/data.py")
    at.selectbox(key="data_choice").set_value("mnist").run()
    # Offline here: MNIST cannot download. The message says so and the old data stays.
    at.button[0].click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "MNIST" in errors and "digits" in errors
    assert state(at).dataset.key == "circles"


def test_model_page_shows_parameter_counts_and_refuses_a_bad_layer():
    at = open_app("app_pages/model.py")
    assert not at.exception
    labels = {m.label: m.value for m in at.metric}
    assert labels["Parameters"] == "105"  # 2-8-8-1 MLP: (2*8+8)+(8*8+8)+(8+1)
    # Switch preset through the selectbox: the table and counts follow.
    at.selectbox(key="model_preset").set_value("logistic").run()
    assert {m.label: m.value for m in at.metric}["Parameters"] == "3"
    assert state(at).model_spec.layers == ()


def test_train_page_trains_and_shows_results():
    at = open_app("app_pages/train.py")
    # Form widgets commit on submit: set them and press "Train" in the same run.
    at.number_input(key="train_epochs").set_value(20)
    at.button[0].click().run()
    job = state(at).job
    assert job is not None and job.join(timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert any("Finished 20 epochs" in s.value for s in at.success)
    metrics = {m.label: m.value for m in at.metric}
    assert set(metrics) >= {"Training loss", "Validation loss", "Training accuracy", "Validation accuracy"}
    history = state(at).run.history
    assert len(history) == 20 and history[-1].loss < history[0].loss


def test_train_page_stop_in_the_middle_keeps_the_model():
    at = open_app("app_pages/train.py")
    at.number_input(key="train_epochs").set_value(100_000)
    at.button[0].click().run()
    job = state(at).job
    deadline = time.time() + 60
    while job.snapshot().epoch < 2 and time.time() < deadline:
        time.sleep(0.05)
    at.run()
    stop = next(b for b in at.button if b.label == "Stop")
    stop.click().run()
    assert job.join(timeout=5)
    at.run()
    assert not at.exception
    assert any("Stopped by you" in w.value for w in at.warning)
    run = state(at).run
    assert run is not None and run.usable and len(run.history) >= 2


def test_train_page_reports_a_diverging_run_in_plain_words():
    at = open_app("app_pages/data.py")
    at.selectbox(key="data_choice").set_value("diabetes").run()
    at.button[0].click().run()
    at.switch_page("app_pages/train.py").run()
    at.selectbox(key="train_optimizer").set_value("sgd")
    at.number_input(key="train_learning_rate").set_value(10.0)
    at.number_input(key="train_epochs").set_value(30)
    at.button[0].click().run()
    assert state(at).job.join(timeout=TIMEOUT)
    at.run()
    errors = " ".join(e.value for e in at.error)
    assert "learning rate (10) is too high" in errors


def test_train_page_says_when_its_results_are_from_other_data():
    at = open_app("app_pages/train.py")
    at.number_input(key="train_epochs").set_value(3)
    at.button[0].click().run()
    assert state(at).job.join(timeout=TIMEOUT)
    at.switch_page("app_pages/data.py").run()
    at.selectbox(key="data_choice").set_value("moons").run()
    at.button[0].click().run()
    at.switch_page("app_pages/train.py").run()
    notes = " ".join(i.value for i in at.info)
    assert "from your last training, on **Circles (2-D)**" in notes
