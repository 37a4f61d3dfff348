"""A model layer as the Inside page names it, in the page's language."""

from __future__ import annotations

from ui.i18n import t

# The layer kinds nncore.inspect.activations.LayerInfo names (its `title` is English, for logs).
LAYER_KINDS = ("dense", "conv", "pool", "flatten", "dropout", "batch_norm", "recurrent", "output", "other")


def layer_label(info) -> str:
    """"conv2d_1 (convolution, relu)" in the page's language: the layer's name and activation are
    the model's own, its kind is worded from the catalogue."""
    kind = t(f"inside.layer_kind.{info.kind}") if info.kind in LAYER_KINDS else info.kind
    activation = f", {info.activation}" if info.activation and info.activation != "linear" else ""
    return f"{info.name} ({kind}{activation})"


def layer_labels(probe, names) -> dict[str, str]:
    """name -> label, built while the page runs (a widget's format_func is called after it)."""
    return {name: layer_label(probe.layer(name)) for name in names}
