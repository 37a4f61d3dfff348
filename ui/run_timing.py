"""How long each run of the app script takes on the server, for the load benchmark.

With `NNX_RUN_TIMES=<file>` in the server's environment, every run appends one line,
"<unix time> <seconds> <page>", to that file: the server's own share of a click's latency, apart
from the network and the browser. Without it, nothing is measured or written.
"""

from __future__ import annotations

import os
import threading
import time

RUN_TIMES_ENV = "NNX_RUN_TIMES"
_write_lock = threading.Lock()  # page runs of several sessions end at once


def run_started() -> float:
    return time.perf_counter()


def record_run(started: float, page: str) -> None:
    path = os.environ.get(RUN_TIMES_ENV)
    if not path:
        return
    line = f"{time.time():.3f} {time.perf_counter() - started:.4f} {page}\n"
    with _write_lock, open(path, "a", encoding="utf-8") as log:
        log.write(line)
