"""Screenshot every page and each of its tabs, in English and Chinese, at 1366x768.

    python -m tools.page_screenshots                 # port 8660, into docs/screenshots/pages/
    python -m tools.page_screenshots --port 8661 --out /tmp/shots --languages zh

Starts the app on the port (a throwaway workspace), opens it in Chromium (/usr/bin/chromium),
and per language: walks the breast-cancer demo (it trains, evaluates and explains), leaves it,
and shoots every page and tab; then walks the CNN demo and shoots the pages that show images
(page names suffixed `-cnn`). Files are `<page>_<tab>_<lang>.png` (`main` for a page without
tabs). It reuses the browser tests' helpers (tests/e2e/browser_helpers.py) and the server
starter (bench/app_server.py). Takes about ten minutes on a 2-core machine. Look at the
pictures (the Chinese ones: no English that is not data) before committing them.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script as well as with -m
    sys.path.insert(0, str(ROOT))

from bench.app_server import INIT_SCRIPT, serving_app  # noqa: E402
from nncore.catalog import translate  # noqa: E402
from tests.e2e.browser_helpers import (  # noqa: E402
    MAIN, SIDEBAR, exceptions, goto_page, run_and_wait, save_screenshot, sidebar_text, wait_for_app_idle, wait_until,
)
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORT  # noqa: E402
from ui.demos import DEMOS_BY_KEY  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "pages"
LOG = ROOT / "artifacts" / "page-screenshots-server.log"
PAGES = ("home", "data", "model", "train", "evaluate", "explain", "inside", "runs", "neuron_lab", "glossary")
# Each tab by its catalogue key; a page not listed has none.
TABS = {
    "data": ("data.builtin_tab", "data.csv_tab"),
    "explain": ("explain.tab_example", "explain.tab_trust", "explain.tab_whole"),
    "inside": ("inside.tab_one", "inside.tab_many", "inside.tab_weights", "inside.tab_dynamics", "inside.tab_features"),
    "neuron_lab": ("lab.tab_neuron", "lab.tab_brain", "lab.tab_rules", "lab.tab_backprop"),
}
IMAGE_PAGES = ("data", "model", "train", "evaluate", "explain", "inside")  # shot again after the CNN demo
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}
SLOW_MS = 300_000  # a page that computes (a CNN's feature pictures, trust checks) on a busy machine


def _tab_name(key: str) -> str:
    return re.sub(r"^.*\.(tab_)?", "", key).removesuffix("_tab")


def _pick_language(page, language: str) -> None:
    run_and_wait(page, page.locator(SIDEBAR).get_by_text(LANGUAGE_NAMES[language], exact=True).click,
                 what=f"switching to {language}")


def _walk_demo(page, key: str, language: str) -> None:
    """From the Home page: start the demo, go through every step (each training to its end), finish."""
    say = lambda text_key, **values: translate(text_key, language, **values)  # noqa: E731
    goto_page(page, say("nav.home"))
    card = page.locator(f".st-key-demo_card_{key}").get_by_role("button", name=say("home.start"), exact=True)
    run_and_wait(page, card.click, what=f"starting demo {key}", timeout_ms=SLOW_MS)
    steps = len(DEMOS_BY_KEY[key].steps)
    for step in range(steps):
        if DEMOS_BY_KEY[key].steps[step].setup is not None:  # it trains: wait for the finished run
            done = say("sidebar.state.finished")
            wait_until(lambda: done in sidebar_text(page), 600, f"the training of demo {key} step {step + 1}")
            page.wait_for_timeout(1500)  # the live status polls once a second: let it redraw finished
        wait_for_app_idle(page, SLOW_MS)
        button = "tour_finish" if step == steps - 1 else "tour_next"
        run_and_wait(page, page.locator(f".st-key-{button} button").click, what=f"{key} step {step + 1}",
                     timeout_ms=SLOW_MS)


def _shrink(path: Path) -> None:
    """256 colours: the pages are flat colours and text, and the files (kept in the repository)
    come out about 2.5 times smaller, as legible."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def _shoot(page, name: str, language: str, out: Path, pages=PAGES, suffix: str = "", texts: bool = False) -> list[str]:
    """Every page in `pages` and each of its tabs; returns the pages that showed an exception."""
    failed = []
    for page_name in pages:
        goto_page(page, translate(f"nav.{page_name}", language))
        wait_for_app_idle(page, SLOW_MS)
        for tab_key in TABS.get(page_name, (None,)):
            if tab_key is not None:
                tab = page.locator('[data-testid="stMain"]').get_by_role("tab", name=translate(tab_key, language), exact=True)
                tab.click()
                page.wait_for_timeout(800)  # a tab that reruns the page starts its run; one that does not just shows
                wait_for_app_idle(page, SLOW_MS)
            path = out / f"{page_name}{suffix}_{_tab_name(tab_key) if tab_key else 'main'}_{language}.png"
            save_screenshot(page, str(path))
            _shrink(path)
            if texts:  # the page's words beside the picture, to search for English left on a Chinese page
                path.with_suffix(".txt").write_text(page.locator(MAIN).inner_text() + "\n" + page.locator(SIDEBAR).inner_text())
            if exceptions(page):
                failed.append(path.name)
            print(f"{name}: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)
    return failed


def take(port: int, out: Path, languages: list[str], texts: bool = False) -> list[str]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="nnx-screens-") as workspace, \
            serving_app(LOG, env={"NNX_WORKSPACE": workspace}, port=port) as (url, _process), \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for language in languages:
            context = browser.new_context(viewport=VIEWPORT, locale="en-US")
            context.set_default_timeout(60_000)
            context.add_init_script(INIT_SCRIPT)
            page = context.new_page()
            page.goto(url)
            wait_for_app_idle(page, SLOW_MS)
            _pick_language(page, language)
            _walk_demo(page, "breast_cancer", language)
            failed += _shoot(page, "breast_cancer", language, out, texts=texts)
            _walk_demo(page, "cnn", language)
            failed += _shoot(page, "cnn", language, out, IMAGE_PAGES, "-cnn", texts)
            context.close()
        browser.close()
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8660, help="the port the app is started on (default 8660)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"the folder (default {OUT.relative_to(ROOT)})")
    parser.add_argument("--languages", nargs="+", default=["en", "zh"], choices=sorted(LANGUAGE_NAMES))
    parser.add_argument("--texts", action="store_true", help="also write each page's visible text as <name>.txt")
    args = parser.parse_args()
    failed = take(args.port, args.out.resolve(), args.languages, args.texts)
    if failed:
        print(f"an exception box was on: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
