"""Draw a digit: a canvas for the mouse, a pen or a finger, and the drawing prepared as the
training digits were (nncore/data/drawing.py), ready for the network.

The canvas is a Streamlit components v2 component whose JavaScript and CSS ship with the app
(ui/assets/), so nothing is downloaded at run time. It sends its strokes when a stroke ends;
the page reruns and everything that reads the drawn input (answer, probabilities,
explanations, feature maps) is computed again from it.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st

from nncore.data.drawing import PEN_WIDTH, clean_strokes, digit_from_strokes, recipe_for
from nncore.plots import data_plots
from ui.i18n import t
from ui.render import show_figure

_ASSETS = Path(__file__).parent / "assets"


@lru_cache(maxsize=1)
def _canvas_component() -> Any:
    """Registered once per process (registering again would only replace the same code)."""
    return st.components.v2.component(
        "nnx_draw_digit",
        js=(_ASSETS / "draw_canvas.js").read_text(encoding="utf-8"),
        css=(_ASSETS / "draw_canvas.css").read_text(encoding="utf-8"),
    )


def preset_key(canvas_key: str) -> str:
    """Set this session key to a list of strokes to open the canvas on that drawing (a demo)."""
    return f"{canvas_key}_preset"


# A seven, drawn as a person would: a top bar and a long slanted down-stroke (canvas in [0, 1]).
SEVEN = [[[0.28, 0.2], [0.5, 0.2], [0.72, 0.2]], [[0.72, 0.2], [0.6, 0.42], [0.5, 0.62], [0.42, 0.82]]]


def can_draw(data: Any) -> bool:
    """Whether the data are handwritten digits, with a known recipe to prepare a drawing."""
    return data.input_kind == "image" and recipe_for(data.key) is not None


def drawing_key(strokes: list) -> str:
    """A short stable name for a drawing, so its explanations are cached like a test example's."""
    return hashlib.sha1(json.dumps(strokes, separators=(",", ":")).encode()).hexdigest()[:12]


def draw_digit(data: Any, key: str, preview: Any = None) -> tuple[np.ndarray | None, str | None]:
    """The canvas, then the drawing as the network will see it (in `preview`, a container,
    when given: beside the answer). Returns the model input (one example, shaped like a test
    image) and the drawing's cache name, or (None, None) while the canvas is empty."""
    recipe = recipe_for(data.key)
    preset = st.session_state.pop(preset_key(key), None)
    if preset is not None:  # a fresh canvas (a new widget key) that starts with this drawing
        st.session_state[f"{key}_strokes"] = preset
        st.session_state[f"{key}_version"] = st.session_state.get(f"{key}_version", 0) + 1
    strokes = st.session_state.get(f"{key}_strokes", [])
    result = _canvas_component()(
        key=f"{key}_{st.session_state.get(f'{key}_version', 0)}",
        data={"pen_width": PEN_WIDTH, "clear": t("draw.clear"), "label": t("draw.canvas_label"), "strokes": strokes},
        default={"strokes": strokes},
        on_strokes_change=lambda: None,
        width="stretch",
        height="content",
    )
    strokes = clean_strokes(getattr(result, "strokes", None) or [])  # it comes from the browser
    st.session_state[f"{key}_strokes"] = strokes  # redrawn if the canvas is mounted again
    steps = t("draw.steps_optdigits") if recipe.bitmap else t("draw.steps_mnist", box=recipe.box, side=recipe.side)
    st.caption(t("draw.how", steps=steps))
    if not strokes:
        st.info(t("draw.empty"), icon=":material/draw:")
        return None, None
    image = digit_from_strokes(strokes, recipe)
    with preview if preview is not None else st.container():
        show_figure(data_plots.image_grid(image[None], [t("draw.seen", side=recipe.side)], columns=1, title=None, words=t),
                    key=f"{key}_prepared")
    x = data.preprocessing.transform_features(image.reshape(data.x_test.shape[1:])[None])[0]
    return x, drawing_key(strokes)
