"""Run names shown to other users display as typed: no links, images or tags."""

from ui.runs_text import markdown_text, plotly_text


def test_markdown_specials_are_escaped():
    assert markdown_text("![x](http://t/a.png)") == "\\!\\[x\\]\\(h\u2060ttp\\://t/a\\.png\\)"  # no live address either
    assert markdown_text("plain name 3") == "plain name 3"
    assert markdown_text("lr 0.1 *best*") == r"lr 0\.1 \*best\*"


def test_bare_addresses_are_not_linked():
    # GitHub Markdown (Streamlit's) links these after reading escapes; a word joiner breaks them.
    for text in ("https://evil.example", "see www.evil.example", "write to me@evil.example", "HTTP://X.Y"):
        escaped = markdown_text(text)
        assert "\u2060" in escaped and escaped.replace("\u2060", "").replace("\\", "") == text


def test_html_is_escaped_for_plotly():
    assert plotly_text('<a href="x">run</a>') == '&lt;a href="x"&gt;run&lt;/a&gt;'
