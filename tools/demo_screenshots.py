"""Retake the screenshots of every guided demo's every step, in English and Chinese, at
1366x768, and of drawing a digit; copy them into docs/screenshots/.

    python tools/demo_screenshots.py            # all demos, both languages, and the drawing
    python tools/demo_screenshots.py -k cnn     # only what pytest's -k selects

The browser tests take the pictures as they walk the tours (tests/e2e/test_guided_demos.py:
demo_<key>_step<n>_<lang>.png, the top of each step, and demo_<key>_<lang>.png, its most
telling view; tests/e2e/test_draw_digit.py: draw_digit_en.png), into artifacts/e2e/; this
script runs them and copies the pictures they made. It needs Chromium (/usr/bin/chromium) and
takes several minutes on a 2-core machine. Look at the pictures before committing them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts" / "e2e"
DOCS = ROOT / "docs" / "screenshots"
TESTS = ["tests/e2e/test_guided_demos.py", "tests/e2e/test_draw_digit.py"]
PICTURE = re.compile(r"^(demo_[a-z_]+?(_step\d+)?_(en|zh)|draw_digit_(en|zh))\.png$")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default=None, help="pytest -k expression (default: every demo and the drawing)")
    args = parser.parse_args()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):  # only this run's pictures are copied
        if PICTURE.match(old.name):
            old.unlink()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS]
    if args.k:
        command += ["-k", args.k]
    result = subprocess.run(command, cwd=ROOT)
    DOCS.mkdir(parents=True, exist_ok=True)
    copied = sorted(p.name for p in ARTIFACTS.glob("*.png") if PICTURE.match(p.name))
    for name in copied:
        shutil.copy2(ARTIFACTS / name, DOCS / name)
    print(f"copied {len(copied)} screenshots into {DOCS.relative_to(ROOT)}: {', '.join(copied)}")
    if result.returncode:
        print("some browser tests failed: the pictures of the steps they reached were copied", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
