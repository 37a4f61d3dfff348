"""Data-derived text is never markup: every page, rendered with a trained run on a table whose
column names, class labels, category values and file name are Markdown links and images, HTML,
`$...$` maths and a 300-character name, shows them as typed: no link, image or formatting comes
out, and the figures stay readable (long names cut in labels, whole in hovers)."""

from __future__ import annotations

import html as html_lib
import json
import re
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest
from markdown_it import MarkdownIt

from nncore.plots.data_text import FIGURE_LABEL_CHARS, plotly_text, safe_figure
from tests.helpers import app_on_page

LINK = "[Click here](https://evil.example)"
IMAGE = "![x](https://evil.example/x.png)"
HTML = "<b>html</b>"
MATHS = "$x^2$"
LONG = "a very long column name " + "x" * 276  # 300 characters
HOSTILE = (LINK, IMAGE, HTML, MATHS, LONG)
FILE = "![f](https://evil.example/f.png).csv"
PAGES = ("home", "data", "model", "train", "evaluate", "explain", "inside", "runs", "glossary")


def hostile_frame(n: int = 120) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    a, b, c = rng.normal(size=(3, n))
    return pd.DataFrame({
        LINK: a,
        IMAGE: b,
        LONG: c,
        HTML: rng.choice([MATHS, "<a href='https://evil.example'>a</a>", "mail me@evil.example", "plain"], n),
        "label": np.where(a + b > 0, LINK, HTML),
    })


@lru_cache(maxsize=1)
def hostile_job():
    from nncore.data import dataset_from_csv
    from nncore.models import preset_spec
    from nncore.training import JobState, TrainingConfig, TrainingJob

    data = dataset_from_csv(hostile_frame(), "label", name=FILE)
    job = TrainingJob(data, preset_spec("small_mlp", data), TrainingConfig(epochs=2, batch_size=16, seed=0))
    assert job.start().join(timeout=300)
    assert job.snapshot().state == JobState.FINISHED, job.snapshot().message
    return job


def _markdown_texts(node) -> list[str]:
    """Every text on the page that Streamlit renders as Markdown (bodies, labels, help texts)."""
    texts = []
    proto = getattr(node, "proto", None)
    if proto is not None and node.type not in ("arrow_data_frame", "plotly_chart"):
        for field in ("body", "label", "help", "caption"):
            value = getattr(proto, field, None)
            if isinstance(value, str) and value:
                texts.append(value)
        for part in ("expandable", "tab"):
            if proto.HasField(part) if hasattr(proto, "HasField") and part in proto.DESCRIPTOR.fields_by_name else False:
                texts.append(getattr(proto, part).label)
    for child in getattr(node, "children", {}).values():
        texts.extend(_markdown_texts(child))
    return texts


def _rendered(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


# Streamlit's Markdown is GitHub's (remark-gfm): besides [text](url) it turns a bare URL, a
# "www." address or an e-mail address in the text into a live link, after escapes are read
# (mdast-util-gfm-autolink-literal's patterns). Escaping the brackets of a label
# "[Click here](https://evil.example)" leaves such a bare URL; the page must not link it.
_GFM_AUTOLINKS = re.compile(r"(https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(\.[-\w]+)+", re.I)


def _autolinks(html: str) -> list[str]:
    """Data-derived addresses Streamlit would link in the text of rendered Markdown."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", html))
    return [m.group(0) for m in _GFM_AUTOLINKS.finditer(text) if "evil" in m.group(0)]


def _check_page(at) -> int:
    assert not at.exception, [e.message for e in at.exception]
    checked = 0
    for text in _markdown_texts(at.main) + _markdown_texts(at.sidebar):
        html = _rendered(text)
        assert "<a " not in html and "<img" not in html, text
        assert not _autolinks(html), f"a live address {_autolinks(html)} in {text[:200]!r}"
        for raw in (LINK, IMAGE, HTML, MATHS, FILE):  # a long plain name is harmless in text
            assert raw not in text, f"unescaped {raw[:30]!r} in {text[:200]!r}"
        checked += 1
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        drawn = json.dumps(spec)
        assert "<b>html</b>" not in drawn and "<a href" not in drawn
        labels = [str(trace.get("name", "")) for trace in spec["data"]]
        layout = spec["layout"]
        for name, axis in layout.items():
            if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
                labels += [str(v) for v in axis.get("ticktext", [])]
                labels.append(str((axis.get("title") or {}).get("text", "")))
        labels.append(str((layout.get("title") or {}).get("text", "")))
        assert not any(LONG in label for label in labels), "a 300-character name drawn whole in a label"
    return checked


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_hostile_names_as_text(page):
    at = app_on_page(page, "en", hostile_job(), make_current=True)
    assert _check_page(at) > 0


def test_data_page_in_chinese_too():
    at = app_on_page("data", "zh", hostile_job(), make_current=True)
    _check_page(at)


def test_safe_figure_escapes_and_cuts_only_data_texts():
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[LONG, HTML], y=[1, 2], name=LINK, hovertemplate="%{x}<br>n %{y}<extra></extra>"))
    fig.update_layout(title=f"<b>Counts</b> of {HTML}")
    safe = safe_figure(fig, [LONG, HTML, LINK])
    spec = safe.to_plotly_json()
    assert list(spec["data"][0]["x"]) == [plotly_text(LONG), plotly_text(HTML)]  # whole, for hovers
    assert spec["layout"]["xaxis"]["ticktext"][0].endswith("…")
    assert len(spec["layout"]["xaxis"]["ticktext"][0]) == FIGURE_LABEL_CHARS
    assert spec["layout"]["title"]["text"] == "<b>Counts</b> of &lt;b&gt;html&lt;/b&gt;"  # own markup kept
    assert spec["data"][0]["hovertemplate"] == "%{x}<br>n %{y}<extra></extra>"
    assert safe_figure(fig, ["plain", "short name"]) is fig  # nothing to do: the same figure


def test_html_report_figures_escape_class_labels():
    from nncore.exchange.report import html_report

    page = html_report(hostile_job().result)
    assert "\\u003cb\\u003ehtml\\u003c\\u002fb\\u003e" not in page and "\\u003ca href" not in page
    assert "\\u0026lt;b\\u0026gt;html" in page or "&lt;b&gt;html" in page


def test_explanations_of_hostile_features_are_text():
    at = app_on_page("explain", "en", hostile_job(), make_current=True)
    at.button(key="explain_go").click().run()
    assert at.session_state["_explain_cache"], "no explanations computed"
    _check_page(at)
