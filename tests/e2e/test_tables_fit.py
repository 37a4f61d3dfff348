"""Tables that fit a laptop screen (issue 18 item 6): at 1366x768, after a training, no table on
any page hides columns behind a horizontal scroll bar.

Every st.dataframe / st.data_editor (a canvas grid: its scroller's scrollWidth against its
clientWidth) and every HTML table (st.table, markdown tables: the table's width against its
box) is measured on every page and on each page's open tab. A table whose columns are the data
itself (the Data page's preview of a 30-column table, an example's values, the worst errors with
their inputs) scrolls by nature: the app puts it in a container keyed "data_columns_...". Any
other table wider than its box fails the test.
"""

from __future__ import annotations

import pytest

from tests.e2e.browser_helpers import assert_no_exception, run_and_wait, sidebar_text, wait_until

pytestmark = pytest.mark.e2e

PAGES = ["Home", "Data", "Model", "Train", "Evaluate", "Explain", "Inside", "Runs", "Neuron lab", "Glossary"]
TOLERANCE_PX = 2  # sub-pixel rounding of the grid's borders

# Tables whose width is the data's: one column per column of the person's table.
SCROLL_BY_NATURE_PREFIX = "data_columns_"  # a keyed container around a table of the data's own columns

MEASURE = """() => {
    const out = [];
    const named = (el) => {
        const keyed = el.closest('[class*="st-key-"]');
        const key = keyed ? [...keyed.classList].find(c => c.startsWith('st-key-')).slice(7) : '';
        return key;
    };
    for (const grid of document.querySelectorAll('[data-testid="stDataFrame"], [data-testid="stDataEditor"]')) {
        const scroller = grid.querySelector('.dvn-scroller');
        if (!scroller || !scroller.clientWidth) continue;  // in a closed tab or expander
        out.push({kind: 'grid', key: named(grid), scroll: scroller.scrollWidth, box: scroller.clientWidth,
                  head: [...grid.querySelectorAll('[role="columnheader"]')].map(h => h.innerText).slice(0, 12).join(' | ')});
    }
    for (const table of document.querySelectorAll('[data-testid="stMain"] table')) {
        const box = table.parentElement;
        if (!box.clientWidth) continue;
        out.push({kind: 'html', key: named(table), scroll: Math.max(table.scrollWidth, box.scrollWidth), box: box.clientWidth,
                  head: [...table.querySelectorAll('th')].map(h => h.innerText).slice(0, 12).join(' | ')});
    }
    return out;
}"""


def _clipped(page, where: str) -> list[str]:
    page.wait_for_timeout(500)  # the grids size their columns after mounting
    found = page.evaluate(MEASURE)
    return [f"{where}: {t['kind']} table {t['key'] or '(no key)'} is {t['scroll']}px wide in a {t['box']}px box "
            f"[{t['head']}]" for t in found
            if t["scroll"] > t["box"] + TOLERANCE_PX and not t["key"].startswith(SCROLL_BY_NATURE_PREFIX)]


def _tabs(page) -> list:
    return page.locator('[data-testid="stMain"] [data-baseweb="tab-list"] [role="tab"]').all()


@pytest.mark.parametrize("demo,language", [("breast_cancer", "en"), ("cnn", "zh")])
def test_no_table_hides_columns_at_1366x768(page, snap, demo, language):
    """After a demo's training (a table of 30 measurements in English; a CNN on digits in
    Chinese, whose headers are wider), every page and every tab."""
    texts = {"en": ("Start", "Test accuracy", "Leave the tour"), "zh": ("开始", "测试集准确率", "离开导览")}[language]
    if language == "zh":
        sidebar = page.locator('[data-testid="stSidebar"]')
        run_and_wait(page, sidebar.get_by_text("中文", exact=True).click, what="switching to Chinese")
    button = page.locator(f".st-key-demo_card_{demo}").get_by_role("button", name=texts[0], exact=True)
    run_and_wait(page, button.click, what=f"starting the {demo} demo")
    wait_until(lambda: texts[1] in sidebar_text(page), 300, "the demo's training to finish")
    run_and_wait(page, page.get_by_role("button", name=texts[2], exact=True).click, what="leaving the tour")
    problems: list[str] = []
    for index in range(len(PAGES)):
        links = page.locator('[data-testid="stSidebarNav"] a')
        title = links.nth(index).inner_text().strip()
        run_and_wait(page, links.nth(index).click, what=f"opening {title}")
        problems += _clipped(page, title)
        snap(page, f"{language}_{PAGES[index].replace(' ', '_')}")
        for tab_index in range(1, len(_tabs(page))):
            tab = _tabs(page)[tab_index]
            name = tab.inner_text()
            run_and_wait(page, tab.click, what=f"{title}: tab {name}") if PAGES[index] == "Inside" else tab.click()
            page.wait_for_timeout(800)
            problems += _clipped(page, f"{title} / {name}")
        assert_no_exception(page, title)
    assert not problems, "\n".join(problems)
