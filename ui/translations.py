"""Where the interface's texts are: the gettext catalogues, nncore/locales/<language>.po.

The texts themselves moved out of Python (tools/i18n_fold.py did it). What is left here:

- The registry of legacy tables still in Python. A module `ui/translations_<topic>.py` holding
  `NAME: dict[str, tuple[str, str]] = {"key": ("English", "中文")}` is registered with one import
  at the top and one `_merge(_topic.NAME)` line at the bottom; `python -m tools.i18n_fold --delete`
  then moves its entries into the catalogues and deletes it. Until folded, its keys are NOT
  shown by `ui.i18n.t` (tests/i18n/test_catalogues.py fails while LEGACY is not empty).
- `TEXTS`: key -> (English, Chinese) read from the catalogues, for tests written against the
  two-language table. New code uses `nncore.catalog` (`translate`, `texts_in_every_language`).

Option labels (a widget's format_func) are built as a dict while the page runs,
`format_func={v: t(f"x.{v}") for v in options}.get`, never `lambda v: t(...)`: Streamlit's test
harness calls format_func after the run, outside the session, where the language is unknown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from nncore.catalog import catalogues, translate

LEGACY: dict[str, tuple[str, str]] = {}


class _CatalogueTable(Mapping):
    """The catalogues seen as the old table: key -> (English text, Chinese text), unformatted."""

    def _keys(self) -> list[str]:
        return list(catalogues()["en"].entries)

    def __getitem__(self, key: str) -> tuple[str, str]:
        return translate(key, "en"), translate(key, "zh")

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    def __contains__(self, key: object) -> bool:
        return key in catalogues()["en"].entries


TEXTS: Mapping[str, tuple[str, str]] = _CatalogueTable()


def _merge(*parts: dict[str, tuple[str, str]]) -> None:
    """Register a legacy table, for tools/i18n_fold.py to fold into the catalogues."""
    for part in parts:
        clash = set(part) & set(LEGACY)
        if clash:  # a key defined twice would silently lose one text
            raise ValueError(f"translation keys defined twice: {sorted(clash)}")
        LEGACY.update(part)


# --- legacy tables waiting to be folded (python -m tools.i18n_fold --delete) --------------------
