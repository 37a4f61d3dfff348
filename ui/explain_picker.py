"""Explain page: choosing the test example (filters, its name as every page gives it, or a gallery for images)."""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from ui.i18n import t
from ui.explain_view import ACTIVE_KEY, REQUEST_KEY, candidates
from ui.row_label import row_label, row_labels_help

# The chosen test example (an index into x_test), picked by the name every page gives it.
EXAMPLE_KEY = "explain_example"
GALLERY_SIZE = 24
GALLERY_COLUMNS = 12
THUMBNAIL_PIXELS = 64


def take_request(run: Any) -> None:
    """Open on the test example another page asked for (then forget the request).

    Runs before the picker's widgets exist, so their values can still be set.
    """
    index = st.session_state.pop(REQUEST_KEY, None)
    if index is None or not 0 <= int(index) < len(run.dataset.x_test):
        return
    st.session_state["explain_filter"] = "all"
    st.session_state[EXAMPLE_KEY] = int(index)
    st.session_state[ACTIVE_KEY] = run.run_id  # explain it at once with the default methods


def pick_example(run: Any, outputs: np.ndarray) -> int | None:
    """Filters and one of the matching test examples, picked by name; returns a test index."""
    data = run.dataset
    if data.task == "classification":
        which = st.radio(
            t("explain.filter"), ["all", "misclassified", "class"], horizontal=True, key="explain_filter",
            format_func={w: t(f"explain.filter_{w}") for w in ("all", "misclassified", "class")}.get,
            help=t("explain.filter_help"),
        )
        wanted = None
        if which == "class":
            wanted = st.selectbox(t("explain.true_class"), range(data.n_classes), format_func=lambda k: data.class_names[k], key="explain_class",
                                  help=t("help.explain.true_class"))
    else:
        which, wanted = "all", None
    pool = candidates(run, outputs, which, wanted)
    if len(pool) == 0:
        st.info(t("explain.no_match"), icon=":material/info:")
        return None
    options = [int(i) for i in pool]
    if st.session_state.get(EXAMPLE_KEY) not in set(options):
        st.session_state[EXAMPLE_KEY] = options[0]  # the filter changed under an example it no longer has
    # Named as on Evaluate and Inside (row in the file, an ID, or "#k"), never by position.
    names = {i: row_label(data, i) for i in options}
    chosen = st.selectbox(
        t("rowid.pick", n=len(options)), options, key=EXAMPLE_KEY, format_func=names.get,
        help=t("rowid.pick_help", how=row_labels_help(data)),
    )
    return int(chosen)


def matching_pool(run: Any, outputs: np.ndarray) -> np.ndarray:
    """The test indices the current filter widgets select (for the gallery, drawn elsewhere)."""
    which = st.session_state.get("explain_filter", "all") if run.dataset.task == "classification" else "all"
    return candidates(run, outputs, which, st.session_state.get("explain_class") if which == "class" else None)


def _thumbnail(image: np.ndarray) -> np.ndarray:
    """Nearest-neighbour upscaling, so 8x8 digits stay crisp squares instead of a blur.

    Grey images are inverted (ink dark on white) to look like the app's other image plots."""
    image = np.clip(np.asarray(image, dtype=np.float32), 0.0, 1.0)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = 1.0 - image[..., 0]
    factor = max(1, THUMBNAIL_PIXELS // image.shape[0])
    block = np.ones((factor, factor) + ((1,) if image.ndim == 3 else ()), dtype=np.float32)
    return np.kron(image, block)


def _choose(index: int) -> None:
    st.session_state[EXAMPLE_KEY] = index


def gallery(run: Any, pool: np.ndarray) -> None:
    """A page of small test images; 'Pick' under one makes it the explained example."""
    data = run.dataset
    pages = -(-len(pool) // GALLERY_SIZE)
    chosen = st.session_state.get(EXAMPLE_KEY)
    at = np.flatnonzero(pool == chosen)
    current = int(at[0]) + 1 if len(at) else 1  # the chosen example's place in the pool, from 1
    with st.expander(t("explain.gallery"), expanded=True):
        page = 0
        if pages > 1:
            page = st.selectbox(
                t("explain.gallery_page"), range(pages), index=min((current - 1) // GALLERY_SIZE, pages - 1), key="explain_gallery_page",
                format_func={p: t("explain.gallery_range", first=p * GALLERY_SIZE + 1,
                                  last=min((p + 1) * GALLERY_SIZE, len(pool))) for p in range(pages)}.get,
                help=t("help.explain.gallery_page"),
            )
        start = page * GALLERY_SIZE
        shown = pool[start : start + GALLERY_SIZE]
        images = data.preprocessing.inverse_features(data.x_test[shown])
        names = data.class_names or ()
        for row_start in range(0, len(shown), GALLERY_COLUMNS):
            columns = st.columns(GALLERY_COLUMNS)
            for offset, column in enumerate(columns):
                i = row_start + offset
                if i >= len(shown):
                    break
                position = start + i + 1
                label = names[int(data.y_test[shown[i]])] if names else ""
                with column:
                    st.image(_thumbnail(images[i]), caption=f"{row_label(data, shown[i])} {label}", width=THUMBNAIL_PIXELS,
                             alt=t("a11y.thumbnail_alt", index=row_label(data, shown[i]), label=label) if label
                             else t("a11y.thumbnail_alt_unlabelled", index=row_label(data, shown[i])))
                    st.button(
                        "✓" if position == current else t("explain.pick"), key=f"explain_pick_{i}", on_click=_choose,
                        args=(int(shown[i]),),
                        type="primary" if position == current else "secondary", width="stretch",
                        help=t("help.explain.pick"),
                    )
