"""Accessibility checks run in the page: Deque's axe-core (WCAG 2.0/2.1 A and AA rules), the
colours Streamlit really renders (measured with getComputedStyle), and text alternatives for
charts and images.

axe-core is a test-only npm package; `.ci/run` installs the pinned version with
`npm install --no-save --prefix tests/e2e/.axe axe-core@<AXE_VERSION>` (NNX_AXE_JS points
elsewhere). Without it the tests skip locally and fail in CI (NNX_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import os
import time
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.14.1"  # keep in step with .ci/run
AXE_JS = Path(os.environ.get("NNX_AXE_JS", REPO_ROOT / "tests" / "e2e" / ".axe" / "node_modules" / "axe-core" / "axe.min.js"))
AXE_INSTALL = f"npm install --no-save --prefix tests/e2e/.axe axe-core@{AXE_VERSION}"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

THEMES = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())["theme"]

# Parts of Streamlit's own frontend that we cannot change, excluded narrowly: (axe rule, CSS
# selector of the element, why). Never a rule switched off for the whole page.
STREAMLIT_EXCLUSIONS: list[tuple[str, str, str]] = []


def axe_source() -> str | None:
    return AXE_JS.read_text() if AXE_JS.exists() else None


def theme_background(mode: str) -> str:
    """rgb(r, g, b) of the theme's page background, as getComputedStyle writes it."""
    hex_colour = THEMES[mode]["backgroundColor"].lstrip("#")
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r}, {g}, {b})"


def use_theme(page, mode: str) -> None:
    """Switch the app to the light or dark theme: it follows the system setting, which the
    browser context emulates; wait until the page's background has changed."""
    page.emulate_media(color_scheme=mode)
    page.wait_for_function(
        "(bg) => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor === bg",
        arg=theme_background(mode),
        timeout=10_000,
    )
    page.mouse.move(0, 0)  # nothing hovered: a hover colour is not what the page shows
    # Colours fade to the new theme (CSS transitions) and Plotly redraws its figures: measure
    # once every finite animation has ended.
    page.wait_for_function(
        """() => document.getAnimations().every(a => a.playState !== 'running'
                || !isFinite(a.effect && a.effect.getComputedTiming().endTime))""",
        timeout=10_000,
    )
    page.wait_for_timeout(100)


def run_axe(page, source: str) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the whole document, each as
    {id, help, nodes: [{target, summary}]}."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    return page.evaluate(
        """async ([tags, exclusions]) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            const excluded = (rule, node) => exclusions.some(([id, selector]) => id === rule
                && [...document.querySelectorAll(selector)].some(e => e === node || e.contains(node)));
            return result.violations.map(v => ({
                id: v.id, help: v.help,
                nodes: v.nodes.filter(n => !excluded(v.id, document.querySelector(n.target.join(' '))))
                    .map(n => ({target: n.target.join(' '), summary: n.failureSummary.split('\\n').slice(0, 3).join(' '),
                                html: n.html.slice(0, 160)})),
            })).filter(v => v.nodes.length);
        }""",
        [WCAG_TAGS, [[rule, selector] for rule, selector, _why in STREAMLIT_EXCLUSIONS]],
    )


# Every Plotly figure must say what it shows (a title in its layout, or an aria-label on the
# chart), and every image a text alternative (alt text or a caption under it).
UNLABELLED = """() => {
    const where = (e) => {
        const keyed = e.closest('[class*="st-key-"]');
        const key = keyed && [...keyed.classList].find(c => c.startsWith('st-key-'));
        return key || e.closest('[data-testid]')?.getAttribute('data-testid') || e.tagName;
    };
    const problems = [];
    for (const plot of document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')) {
        const title = plot.layout && plot.layout.title && (plot.layout.title.text || '').trim();
        const label = (plot.closest('[aria-label]')?.getAttribute('aria-label') || '').trim();
        if (!title && !label) problems.push('a Plotly figure without a title or aria-label at ' + where(plot));
    }
    for (const img of document.querySelectorAll('[data-testid="stMain"] img')) {
        if (img.getAttribute('aria-hidden') === 'true' || img.getAttribute('role') === 'presentation') continue;
        const alt = (img.getAttribute('alt') || '').trim();
        const caption = img.closest('[data-testid="stImage"], [data-testid="stFullScreenFrame"]')
            ?.querySelector('[data-testid="stImageCaption"]')?.innerText.trim();
        if (!alt && !caption) problems.push('an image without alt text or a caption at ' + where(img));
    }
    return problems;
}"""


# The colours a reader really sees for one element: its text colour with every ancestor's
# opacity applied, over the first opaque background behind it (semi-transparent ones blended
# in). For SVG text (Plotly) the fill counts, over the figure's paper colour.
MEASURE = """(selector) => {
    const parse = (c) => { const m = (c.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
    const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
    const backdrop = (el) => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const bg = parse(getComputedStyle(e).backgroundColor);
            if (bg[3] > 0) layers.push(bg);
            if (bg[3] >= 1) break;
        }
        let colour = [255, 255, 255];
        for (const layer of layers.reverse()) colour = over(layer, colour);
        return colour;
    };
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
        if (!el.getClientRects().length || !(el.textContent || '').trim()) continue;
        const style = getComputedStyle(el);
        const svg = el instanceof SVGElement;
        let opacity = 1;
        for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
        const fg = parse(svg ? style.fill : style.color);
        fg[3] *= opacity * (svg ? parseFloat(style.fillOpacity) : 1);
        let bg;
        if (svg) {
            const plot = el.closest('.js-plotly-plot');
            bg = over(parse(plot ? getComputedStyle(plot.querySelector('.main-svg')).backgroundColor : 'rgba(0,0,0,0)'), backdrop(plot || el));
            const paper = plot && plot._fullLayout && plot._fullLayout.paper_bgcolor;
            if (paper) { const probe = document.createElement('span'); probe.style.color = paper; document.body.appendChild(probe);
                         bg = over(parse(getComputedStyle(probe).color), backdrop(plot)); probe.remove(); }
        } else {
            bg = backdrop(el);
        }
        out.push({text: el.textContent.trim().slice(0, 40), fg: over(fg, bg), bg,
                  px: parseFloat(style.fontSize), bold: parseInt(style.fontWeight) >= 700});
    }
    return out;
}"""


def luminance(rgb) -> float:
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def required_ratio(px: float, bold: bool) -> float:
    """WCAG 1.4.3: large text (18 pt = 24 px, or 14 pt = 18.66 px bold) needs 3:1, else 4.5:1."""
    return 3.0 if px >= 24 or (bold and px >= 18.66) else 4.5


def low_contrast(page, what: str, selector: str) -> list[str]:
    """Elements matching `selector` whose measured contrast is under WCAG AA's, described."""
    return low_contrast_all(page, {what: selector})


def low_contrast_all(page, selectors: dict[str, str]) -> list[str]:
    """low_contrast for several kinds of element at once (one round trip to the page)."""
    measured = page.evaluate(
        f"(selectors) => Object.fromEntries(Object.entries(selectors).map(([what, s]) => [what, ({MEASURE})(s)]))",
        selectors,
    )
    found = []
    for what, items in measured.items():
        for item in items:
            ratio = contrast(item["fg"], item["bg"])
            need = required_ratio(item["px"], item["bold"])
            if ratio < need - 0.005:
                hexes = ["#%02x%02x%02x" % tuple(round(c) for c in item[k]) for k in ("fg", "bg")]
                found.append(f"{what} {item['text']!r}: {hexes[0]} on {hexes[1]} = {ratio:.2f}:1 (< {need}:1)")
    return found


# --- one view, checked whole (shared by the test files that walk the app) --------------------

AXE_SECONDS: list[float] = []  # how long each axe run took, for the printed summaries
LANGUAGE_LABELS = {"en": "English", "zh": "中文"}

# Text whose colour Streamlit derives from the theme, by what it is.
MEASURED = {
    "caption": '[data-testid="stCaptionContainer"] p',
    "caption code": '[data-testid="stCaptionContainer"] code',
    "sidebar text": '[data-testid="stSidebarContent"] p',
    "widget label": '[data-testid="stWidgetLabel"] p',
    "metric label": '[data-testid="stMetricLabel"] p',
    "tab label": '[data-testid="stMain"] [role="tab"] p',
    "help tooltip": '[data-testid="stTooltipContent"] p',
    "chart axis label": ".stPlotlyChart .xtick text, .stPlotlyChart .ytick text, "
                        ".stPlotlyChart .g-xtitle text, .stPlotlyChart .g-ytitle text, .stPlotlyChart .cbaxis text",
    "chart legend": ".stPlotlyChart .legendtext",
    "chart title": ".stPlotlyChart .gtitle",
    "code syntax": '[data-testid="stCode"] .token',
}


def switch_language(page, language: str) -> None:
    """Pick `language` in the sidebar's language switch and wait for the rerun."""
    from tests.e2e.browser_helpers import run_and_wait

    sidebar = page.locator('[data-testid="stSidebar"]')
    run_and_wait(page, sidebar.get_by_text(LANGUAGE_LABELS[language], exact=True).click,
                 what=f"switching to {language}")


def settle(page) -> None:
    from tests.e2e.browser_helpers import wait_for_app_idle

    page.wait_for_timeout(150)
    wait_for_app_idle(page, timeout_ms=60_000, quiet_ms=400)


def open_expanders(page) -> None:
    """Open every closed expander in the main area that is on screen (client-side: no rerun);
    those inside a tab not shown are opened when the test visits that tab."""
    closed = page.locator('[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary:visible')
    for _ in range(closed.count()):
        if not closed.count():
            break
        closed.first.click()
    page.wait_for_timeout(200)


def check_view(page, axe_js: str, where: str, problems: list[str], measure: bool) -> None:
    """axe, figure and image labels, and (with `measure`) measured colours, in both themes;
    what is wrong is added to `problems`, described with `where`."""
    open_expanders(page)
    for mode in ("light", "dark"):
        use_theme(page, mode)
        started = time.monotonic()
        violations = run_axe(page, axe_js)
        AXE_SECONDS.append(time.monotonic() - started)
        for violation in violations:
            for node in violation["nodes"]:
                problems.append(f"[{where}, {mode}] axe {violation['id']} ({violation['help']}): "
                                f"{node['summary']} at {node['target']}  {node['html']}")
        if mode == "light":  # text alternatives do not depend on the theme
            problems.extend(f"[{where}] {problem}" for problem in page.evaluate(UNLABELLED))
        if measure:
            problems.extend(f"[{where}, {mode}] {problem}" for problem in low_contrast_all(page, MEASURED))
    use_theme(page, "light")
