"""In a real browser, the pseudo-locale shows no interface text that skipped the catalogue, and
Chinese emphasis renders as emphasis (no literal asterisks).

A server started with NNX_PSEUDO_LOCALE=1 offers the pseudo-locale `qps` (every catalogue text
"⟦Àççéñţéđ···⟧"); the test picks it, trains the default network, opens every page and every
tab, and reads the rendered text (sidebar and main area, tables included). Words outside the
brackets must be data or ALLOWED (tests/i18n/pseudo_check.py). The figures are read too, as
drawn (titles, axes, legends, annotations, ticks): the pages word them (nncore/plots/words.py).
Screenshots go to artifacts/e2e/pseudo-<page>.png.
"""

from __future__ import annotations

import json
import shutil
import tempfile

import pytest

from bench.app_server import INIT_SCRIPT, ServerFailed, serving_app
from nncore.catalog import translate
from tests.e2e.browser_helpers import (
    SIDEBAR, alert_texts, click_button, goto_page, main_text, run_and_wait, save_screenshot, sidebar_text, wait_for_app_idle, wait_until,
)
from tests.e2e.conftest import ARTIFACTS, DEFAULT_TIMEOUT_MS, VIEWPORT
from tests.i18n.pseudo_check import ENGINE_MESSAGES_IN_CHINESE_UNTIL_KEYS, HAN, WORD, stray_chinese, stray_words

PAGES = ["home", "data", "model", "train", "evaluate", "explain", "inside", "runs", "neuron_lab", "glossary"]
TABS = {
    "inside": ("inside.tab_one", "inside.tab_many", "inside.tab_weights", "inside.tab_dynamics", "inside.tab_features"),
    "neuron_lab": ("lab.tab_neuron", "lab.tab_rules", "lab.tab_backprop", "lab.tab_brain"),
}
# The rendered text, figures included (their drawn SVG text; the toolbar's icons are not text).
VISIBLE_TEXT = """(selector) => {
  const root = document.querySelector(selector);
  if (!root) return '';
  // Icons are ligatures ("home" drawn as a house): mark them before copying (a copy has no styles).
  root.querySelectorAll('span, i').forEach(e => {
    if (getComputedStyle(e).fontFamily.includes('Material')) e.setAttribute('data-nnx-icon', '1');
  });
  const copy = root.cloneNode(true);
  copy.querySelectorAll('[data-nnx-icon], style, script, .katex-mathml, .modebar-container')
    .forEach(e => e.remove());
  // In a formula only the words of its \\text{...} are language: the rest is maths.
  copy.querySelectorAll('.katex').forEach(k => {
    k.textContent = ' ' + [...k.querySelectorAll('.text')].map(t => t.textContent.replaceAll('[[', '⟦').replaceAll(']]', '⟧')).join(' ') + ' ';
  });
  document.body.appendChild(copy);
  copy.style.position = 'absolute'; copy.style.left = '-99999px';
  const text = copy.innerText;
  copy.remove();
  return text;
}"""


@pytest.fixture(scope="module")
def pseudo_url():
    workspace = tempfile.mkdtemp(prefix="nnx-e2e-pseudo-")
    try:
        env = {"NNX_WORKSPACE": workspace, "NNX_PSEUDO_LOCALE": "1"}
        with serving_app(ARTIFACTS / "pseudo-server.log", env=env) as (url, _process):
            yield url
    except ServerFailed as failure:
        pytest.fail(str(failure), pytrace=False)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def _open(browser, url: str):
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    page.goto(url)
    wait_for_app_idle(page, timeout_ms=120_000)
    return page


def _pick_language(page, name: str) -> None:
    sidebar = page.locator(SIDEBAR)
    run_and_wait(page, sidebar.get_by_text(name, exact=True).click, what=f"switching to {name}")
    wait_for_app_idle(page)


def _data_words() -> set[str]:
    from nncore.data import load_dataset
    from nncore.explain.methods import METHODS

    data = load_dataset("circles")
    names = [*data.feature_names, *(data.class_names or ()), data.title, data.target_name]
    names += ["dense_1", "dense_2", "output", "dense", "tanh", "relu", "sigmoid", "Pseudo", "English", "Explorer"]
    names += [m.title for m in METHODS] + [m.key.replace("_", " ") for m in METHODS]
    return {word for name in names for word in WORD.findall(name)}


def _strays(page) -> list[tuple[str, list[str]]]:
    data = _data_words()
    from nncore.catalog import languages

    # The language switch names each language in that language, and its label is in all of them.
    picker = {" / ".join(translate("sidebar.language", c) for c in languages()), *languages().values()}
    out = []
    for selector in ('[data-testid="stMain"]', '[data-testid="stSidebar"]'):
        for line in page.evaluate(VISIBLE_TEXT, selector).split("\n"):
            if line.strip() and line.strip() not in picker and (words := stray_words(line, data) + stray_chinese(line)):
                out.append((line[:100], words))
    return out


def test_every_page_and_tab_shows_only_catalogue_text_in_the_pseudo_locale(browser, pseudo_url, monkeypatch):
    monkeypatch.setenv("NNX_PSEUDO_LOCALE", "1")  # this process words the labels it clicks in qps too
    page = _open(browser, pseudo_url)
    _pick_language(page, "Pseudo")
    qps = lambda key, **values: translate(key, "qps", **values)  # noqa: E731
    goto_page(page, qps("nav.train"))
    click_button(page, qps("train.train"), wait=False)
    wait_until(lambda: alert_texts(page, "success"), 300, "the training to finish (its success box)")
    wait_for_app_idle(page)
    found = {}
    for name in PAGES:
        goto_page(page, qps(f"nav.{name}"))
        strays = _strays(page)
        for tab in TABS.get(name, ())[1:]:
            run_and_wait(page, page.locator('[data-testid="stMain"]').get_by_text(qps(tab), exact=True).first.click,
                         what=f"opening tab {tab}")
            wait_for_app_idle(page)
            strays += _strays(page)
        save_screenshot(page, str(ARTIFACTS / f"pseudo-{name}.png"))
        if strays:
            found[name] = strays
    page.context.close()
    (ARTIFACTS / "pseudo-strays.json").write_text(json.dumps(found, ensure_ascii=False, indent=1))
    latin = {name: [(line, [w for w in words if not HAN.fullmatch(w)]) for line, words in strays
                    if any(not HAN.fullmatch(w) for w in words)] for name, strays in found.items()}
    assert not {name: strays for name, strays in latin.items() if strays}, latin
    if found and ENGINE_MESSAGES_IN_CHINESE_UNTIL_KEYS:
        pytest.xfail(f"engine messages worded in Chinese until nncore speaks in keys: {found}")
    assert not found, found


def test_chinese_emphasis_on_the_brain_cell_tab_renders_without_asterisks(browser, pseudo_url):
    page = _open(browser, pseudo_url)
    _pick_language(page, "中文")
    goto_page(page, translate("nav.neuron_lab", "zh"))
    tab = translate("lab.tab_brain", "zh")
    run_and_wait(page, page.locator('[data-testid="stMain"]').get_by_text(tab, exact=True).first.click, what="Brain cell")
    wait_for_app_idle(page)
    text = main_text(page)
    assert "阈值" in text and "加权求和" in text  # the two analogy lists are on screen
    assert "*" not in text, [line for line in text.split("\n") if "*" in line]
    emphasised = page.locator('[data-testid="stMain"] em').all_inner_texts()
    assert "阈值" in emphasised and "加权求和" in emphasised
    save_screenshot(page, str(ARTIFACTS / "zh-neuron_lab-brain.png"))
    page.context.close()
