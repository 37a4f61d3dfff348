"""The home page's first render must not import TensorFlow; how long does it take?"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from bench.table import Row

_PROBE = textwrap.dedent(
    """
    import json, sys, time
    began = time.perf_counter()
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file("app.py", default_timeout=60).run()
    print(json.dumps({"seconds": time.perf_counter() - began,
                      "tensorflow": "tensorflow" in sys.modules,
                      "errors": len(at.exception)}))
    """
)


def run(quick: bool = False) -> list[Row]:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    imported = "yes" if probe["tensorflow"] else "no"
    return [
        Row("home page first render: TensorFlow imported", imported, "no", ok=not probe["tensorflow"] and not probe["errors"]),
        Row("home page first render time (AppTest, cold process)", f"{probe['seconds']:.2f} s", "", ""),
    ]
