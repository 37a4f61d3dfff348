"""A dataset's title and description as the page shows them, found by the dataset's key.

A built-in dataset's words are catalogue entries `data.dataset.<key>.title` / `.description`,
in the session's language. Anything else (an uploaded CSV file, whose title is its file name)
is data: shown as typed, escaped, because every caller puts it into Markdown.
"""

from __future__ import annotations

from nncore.catalog import catalogues
from ui.i18n import t
from ui.safe_text import markdown_text


def _key(dataset_key: str, part: str) -> str | None:
    key = f"data.dataset.{dataset_key}.{part}"
    return key if key in catalogues()["en"].entries else None


def dataset_title(dataset, *, escaped: bool = True) -> str:
    """`dataset` is anything with `key` and `title` (a Dataset, a DatasetInfo); `escaped=False`
    for plain-text places (a select box's options, a table's cells), which show Markdown
    characters as typed."""
    return title_by_key(dataset.key, dataset.title, escaped=escaped)


def title_by_key(dataset_key: str, title: str, *, escaped: bool = True) -> str:
    """The same for a dataset known by its key and saved title (a saved run's record)."""
    key = _key(dataset_key, "title")
    if key:
        return t(key)
    return markdown_text(title) if escaped else title


def dataset_description(dataset) -> str:
    key = _key(dataset.key, "description")
    return t(key) if key else markdown_text(dataset.description)
