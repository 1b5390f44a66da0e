"""A comparison table as plain text with wrapped cells, for terminals and logs."""

from __future__ import annotations

import shutil
import textwrap

import pandas as pd


def render(table: pd.DataFrame, width: int | None = None, legend: str | None = None) -> str:
    """Render a (family, item) x vendor table as a text grid, one block per family."""
    width = width or max(100, shutil.get_terminal_size((160, 40)).columns)
    vendors = list(table.columns)
    item_w = 24
    col_w = max(16, (width - item_w - 3 * len(vendors)) // max(1, len(vendors)))
    rule = "-" * (item_w + (col_w + 3) * len(vendors))

    def line(cells: list[list[str]]) -> list[str]:
        height = max(len(c) for c in cells)
        widths = [item_w] + [col_w] * len(vendors)
        return [
            " | ".join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths,
                                                                             strict=True))
            .rstrip()
            for i in range(height)
        ]

    out = line([[""]] + [textwrap.wrap(v, col_w) or [""] for v in vendors])
    for family, block in table.groupby(level="family", sort=False):
        out += [rule, family.upper()]
        for (_, item), row in block.iterrows():
            cells = [textwrap.wrap(item, item_w) or [""]]
            cells += [textwrap.wrap(str(row[v]), col_w) or [""] for v in vendors]
            out += line(cells)
    out.append(rule)
    if legend:
        out.append(legend)
    return "\n".join(out)
