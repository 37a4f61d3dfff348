import subprocess
import sys

from ui import run_timing


def test_the_engine_loads_in_the_background_after_the_first_page_is_shown():
    # A fresh interpreter, as on a new server: Home's first render is done without TensorFlow,
    # which then loads on its own, before anyone asks to train.
    probe = (
        "import sys, time; from streamlit.testing.v1 import AppTest; "
        "at = AppTest.from_file('app.py', default_timeout=60).run(); assert not at.exception, at.exception; "
        "after_home = 'tensorflow' in sys.modules; "
        "deadline = time.monotonic() + 90\n"
        "while 'keras' not in sys.modules and time.monotonic() < deadline: time.sleep(0.2)\n"
        "time.sleep(0.5); print(after_home, 'keras' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "False True"


def test_page_run_times_are_written_only_when_asked(tmp_path, monkeypatch):
    log = tmp_path / "runs.txt"
    monkeypatch.delenv(run_timing.RUN_TIMES_ENV, raising=False)
    run_timing.record_run(run_timing.run_started(), "data")
    assert not log.exists()
    monkeypatch.setenv(run_timing.RUN_TIMES_ENV, str(log))
    run_timing.record_run(run_timing.run_started(), "data")
    at, seconds, page = log.read_text().split()
    assert page == "data" and 0 <= float(seconds) < 1 and float(at) > 1.7e9


def test_the_explain_page_waits_for_a_warm_up_under_way_and_only_then(monkeypatch):
    import threading

    from ui import engine_preload

    # No warm-up started (the preload is off, or this process never showed a page): never wait.
    monkeypatch.setattr(engine_preload, "_started", False)
    assert not engine_preload.explainers_warming()
    engine_preload.wait_for_explainers(60)  # returns at once

    # A warm-up under way: the page says so and waits for it, until it has ended.
    warm = threading.Event()
    monkeypatch.setattr(engine_preload, "_started", True)
    monkeypatch.setattr(engine_preload, "_explainers_warm", warm)
    assert engine_preload.explainers_warming()
    threading.Timer(0.2, warm.set).start()
    engine_preload.wait_for_explainers(60)
    assert warm.is_set() and not engine_preload.explainers_warming()


def test_the_explain_page_waits_only_for_the_part_a_first_explanation_needs(monkeypatch):
    import threading

    from ui import engine_preload

    first, whole = threading.Event(), threading.Event()
    monkeypatch.setattr(engine_preload, "_started", True)
    monkeypatch.setattr(engine_preload, "_first_explanation_warm", first)
    monkeypatch.setattr(engine_preload, "_explainers_warm", whole)
    assert engine_preload.first_explanation_warming()
    threading.Timer(0.2, first.set).start()
    engine_preload.wait_for_first_explanation(60)  # shap is warm: the rest of the warm-up (LIME, other layouts) is not waited for
    assert first.is_set() and not whole.is_set()
    assert not engine_preload.first_explanation_warming() and engine_preload.explainers_warming()
