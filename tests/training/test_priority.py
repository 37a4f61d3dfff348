import os
import sys
import threading

import pytest

from nncore.training.priority import TRAINING_NICENESS, lower_training_priority

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priorities are Linux-only")


def test_a_training_thread_runs_at_background_priority_and_the_caller_keeps_its_own():
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen = {}

    def training_thread():
        lower_training_priority()
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    worker = threading.Thread(target=training_thread)
    worker.start()
    worker.join()
    assert seen["nice"] == max(before, TRAINING_NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before


def test_the_framework_compute_pool_is_lowered_too():
    from tests.training.test_job import train  # a real job: its trainer starts TensorFlow's pool

    train(epochs=1, batch_size=16)
    pool = []
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as comm:
                name = comm.read()
        except OSError:  # a thread that has just ended
            continue
        if name.startswith("tf_Compute"):
            pool.append(os.getpriority(os.PRIO_PROCESS, int(tid)))
    assert pool and all(nice >= TRAINING_NICENESS for nice in pool)
