"""apply_layout gives every figure plotly's "plotly_white" template, exactly as the validated
`update_layout(template="plotly_white")` did, but without re-validating it (issue 19: that
validation was most of a page run's figure cost on a busy server)."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from nncore.plots.style import apply_layout


def _spec(fig: go.Figure) -> str:
    return json.dumps(fig.to_plotly_json(), sort_keys=True, default=str)


@pytest.mark.parametrize("default", ["plotly", "streamlit", None])
def test_the_template_is_plotly_white_whatever_the_default(default, monkeypatch):
    # Streamlit sets plotly's default template to its own on import; the figure must not care.
    if default == "streamlit":
        import streamlit.elements.plotly_chart  # noqa: F401  registers the "streamlit" template
    monkeypatch.setattr(pio.templates, "default", default)
    fig = apply_layout(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), "A title", height=300)
    validated = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    validated.update_layout(
        title=dict(text="A title", y=0.98, yanchor="top", x=0.01, xanchor="left"), height=300,
        margin=dict(l=50, r=20, t=85, b=45),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="right", x=1),
        template="plotly_white",
    )
    assert _spec(fig) == _spec(validated)
    assert fig.layout.template == pio.templates["plotly_white"]


def test_each_figure_has_its_own_template_and_stays_validated():
    first = apply_layout(go.Figure(), None)
    second = apply_layout(go.Figure(), None)
    first.layout.template.layout.font.size = 31  # one figure's change stays in that figure
    assert second.layout.template.layout.font.size != 31
    assert pio.templates["plotly_white"].layout.font.size != 31
    with pytest.raises(ValueError):  # validation is back on for everything after the template
        first.update_layout(height="not a height")
