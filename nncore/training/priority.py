"""Training runs at background CPU priority, so the pages of every session stay responsive.

A training job keeps the CPU busy for as long as it runs: its own thread drives the compiled
loop and TensorFlow's compute pool ("tf_Compute" threads) does the maths. At the same priority
as the server's page runs, one person's training slows every other person's clicks (on a
2-core machine, 8 sessions with one training: click p95 3.5 s). A higher "nice" value only
matters when the CPU is contended: alone, training runs as fast as before.

Linux only (per-thread priorities via /proc and setpriority); elsewhere this does nothing.
"""

from __future__ import annotations

import os
import threading

TRAINING_NICENESS = 10  # of 19; the scheduler then favours normal-priority threads about 10:1
# Thread names of the framework's compute pools, which do the training's arithmetic.
_COMPUTE_POOL_PREFIXES = ("tf_Compute",)


def lower_training_priority() -> None:
    """Lower this thread's CPU priority and that of the framework's compute pool threads."""
    if not hasattr(os, "setpriority") or not os.path.isdir("/proc/self/task"):
        return
    _lower(threading.get_native_id())
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as comm:
                name = comm.read().strip()
        except OSError:  # the thread has just ended
            continue
        if name.startswith(_COMPUTE_POOL_PREFIXES):
            _lower(int(tid))


def _lower(tid: int) -> None:
    try:
        if os.getpriority(os.PRIO_PROCESS, tid) < TRAINING_NICENESS:
            os.setpriority(os.PRIO_PROCESS, tid, TRAINING_NICENESS)  # on Linux, one thread
    except OSError:  # the thread ended, or the system refuses: training still runs
        pass
