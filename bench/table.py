"""Print benchmark rows as one aligned table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    name: str
    figure: str
    target: str
    ratio: str = ""
    ok: bool | None = None


def print_table(rows: list[Row], title: str) -> None:
    headers = ("benchmark", "figure", "target", "ratio", "meets target")
    cells = [headers] + [
        (r.name, r.figure, r.target, r.ratio, "" if r.ok is None else ("yes" if r.ok else "NO")) for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    print(f"\n{title}\n")
    for index, row in enumerate(cells):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |")
        if index == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
