"""Issue 21's texts added on 2026-12-07 (folded into the catalogues by tools/i18n_fold.py)."""

from __future__ import annotations

LOOSE: dict[str, tuple[str, str]] = {
    # Between the items of a list ahead of its last "and": Chinese enumerates with 、, not a comma.
    "loose.list_separator": (", ", "、"),
}
