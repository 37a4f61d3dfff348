"""Run every benchmark and print one table: `python -m bench [--quick]`."""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

from nncore.backend_env import set_environment_defaults

set_environment_defaults()  # before any benchmark imports TensorFlow

from bench import (  # noqa: E402
    classroom, cold_start, explain_speed, export_speed, inspect_speed, load, report_card_speed, run_store, scale, soak, startup,
    stop_latency, tables, training_speed,
)
from bench.table import print_table  # noqa: E402

SUITES = {"startup": startup, "training": training_speed, "scale": scale, "load": load, "soak": soak, "explain": explain_speed,
          "export": export_speed, "runs": run_store, "inspect": inspect_speed,
          "stop": stop_latency, "cold": cold_start, "reportcard": report_card_speed, "tables": tables,
          "classroom": classroom}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one repeat per measurement")
    parser.add_argument("--only", choices=sorted(SUITES), action="append", help="run only these suites")
    parser.add_argument("--levels", type=classroom.parse_levels, default=classroom.LEVELS,
                        help="classroom only: sessions per level, e.g. 30 or 1,8,30 or 30:5 (sessions:training)")
    args = parser.parse_args()
    rows, began = [], time.perf_counter()
    for name in args.only or SUITES:
        started = time.perf_counter()
        extra = {"levels": args.levels} if name == "classroom" else {}
        rows.extend(SUITES[name].run(quick=args.quick, **extra))
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print_table(rows, f"NN Explorer benchmarks ({machine}, {time.perf_counter() - began:.0f} s in all)")


if __name__ == "__main__":
    main()
