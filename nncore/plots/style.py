"""Shared look for every figure: a colour-blind-safe palette and a common layout."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from nncore.plots.words import Words, english

# Ten class colours, for the ten classes of digits and MNIST. Two rules together: every colour
# has WCAG's 3:1 for graphics on the light (white) and the dark (#0F1419) theme alike
# (tests/test_themes.py), and every pair stays clearly apart, CIE 1976 difference at least 17,
# under normal vision and simulated protanopia, deuteranopia and tritanopia
# (tests/reference/test_palette_colour_blind.py). Okabe-Ito's own palette fails the first rule
# (its yellow is 1.3:1 on white, its black 1.1:1 on dark) and darkening those two made orange and
# yellow one colour for deuteranopes (difference 1.4), so the palette keeps Okabe-Ito's blue,
# vermillion and bluish green first and the other seven come from a search over colours meeting
# both rules, maximising the smallest difference.
PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#D22DF0", "#B4874B", "#692DFF", "#9687A5", "#FF1ED2", "#785A69", "#C30F1E",
)
# Reference lines (a teacher's weights, a threshold): a grey with 3:1 on both backgrounds.
NEUTRAL = "#808080"
# Marker symbols so classes stay apart without colour (print, projectors, colour blindness):
# as many as colours, so class k has the k-th colour and the k-th symbol, both its own.
SYMBOLS = (
    "circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down", "hourglass", "pentagon",
)
# Train solid, validation dashed: the difference survives greyscale.
TRAIN_DASH, VALIDATION_DASH = "solid", "dash"
DIVERGING_SCALE = "RdBu"  # weights: red negative, blue positive, white zero


def color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def symbol(index: int) -> str:
    return SYMBOLS[index % len(SYMBOLS)]


def apply_layout(fig: go.Figure, title: str | None = None, height: int = 380) -> go.Figure:
    # The title sits at the very top of the figure and the legend in its own band just above
    # the plot area, so a long title and a wide legend never overlap.
    fig.update_layout(
        title=dict(text=title, y=0.98, yanchor="top", x=0.01, xanchor="left") if title else None,
        height=height,
        margin=dict(l=50, r=20, t=85 if title else 40, b=45),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="right", x=1),
    )
    _use_white_template(fig)
    return fig


def _use_white_template(fig: go.Figure) -> None:
    """Give `fig` plotly's "plotly_white" template without validating it again.

    `update_layout(template="plotly_white")` re-validates the whole template (hundreds of
    properties) on every figure: 60-100 ms of Python each, holding the GIL, on every page run
    that draws a figure, which a classroom server with thirty sessions pays many times a second
    (issue 19). The registered template was validated when plotly built it, so it is assigned
    the way plotly assigns its own default template to a new figure (see
    `BaseFigure._initialize_layout_template`): with the layout's validation off for that one
    assignment. The figure gets its own copy, as before.
    """
    layout = fig.layout
    validating = layout._validate
    layout._validate = False
    try:
        layout.template = pio.templates["plotly_white"]
    finally:
        layout._validate = validating


def legend_below(fig: go.Figure, offset: float = -0.2, bottom_margin: int = 70) -> go.Figure:
    """Put the legend centred under the plot area (for figures whose subplot titles or
    annotations would collide with a legend above). `offset` is in plot-height units below
    the x axis, tuned per figure to clear its axis title; the margin makes room for it."""
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=offset, xanchor="center", x=0.5),
        margin=dict(b=bottom_margin),
    )
    return fig


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _tick_texts(values: list[float]) -> list[str]:
    """Plain decimals when every tick has a short one ("0.2", "0.5", "1"), else powers of ten
    for all ("2×10⁻⁵", "10⁻⁴"), so one axis never mixes the two ways of writing."""
    if all(1e-3 <= v < 1e4 for v in values):
        return [f"{v:g}" for v in values]
    texts = []
    for value in values:
        exponent = int(np.floor(np.log10(value) + 1e-9))
        mantissa = round(value / 10**exponent)
        power = "10" + str(exponent).translate(_SUPERSCRIPT)
        texts.append(power if mantissa == 1 else f"{mantissa}×{power}")
    return texts


def log_axis(values: Any, title: str, words: Words = english) -> dict[str, Any]:
    """Settings for a log-scale axis over `values`: "(log scale)" in its title and every tick
    labelled with its whole value.

    Plotly's own 1-2-5 ticks ("D2") label the ticks between powers of ten with one digit, so a
    short axis read "1, 5, 2" from top to bottom for 1, 0.5, 0.2. Here a span of several powers
    of ten gets one tick per power, a shorter one 1-2-5 ticks (or 1 to 9), each written out.
    """
    array = np.asarray(values, dtype=np.float64).ravel()
    array = array[np.isfinite(array) & (array > 0)]
    settings: dict[str, Any] = dict(type="log", title_text=words("fig.loose.log_scale", what=title))
    if not array.size:
        return settings
    low, high = float(array.min()), float(array.max())
    first, last = int(np.floor(np.log10(low))), int(np.ceil(np.log10(high)))
    inside: list[float] = []
    for steps in ((1,), (1, 2, 5), tuple(range(1, 10))):
        if steps == (1,) and high / low <= 30:
            continue
        ticks = [m * 10.0**e for e in range(first, last + 1) for m in steps]
        inside = [v for v in ticks if low / 1.1 <= v <= high * 1.1]
        if len(inside) >= 2:
            break
    if not inside:  # one value between two ticks: write it out
        inside = [float(f"{low:.2g}")]
    settings.update(tickmode="array", tickvals=inside, ticktext=_tick_texts(inside))
    return settings
