"""Tables in PDF text. A PDF has no cells, only text placed on a page; pypdf's layout mode
keeps the gaps between columns as runs of spaces, so lines that split into two or more
pieces at gaps of two spaces or more, two such lines or more in a row, are a table whose
pieces are its cells (``attachment:x.pdf!page2!C14``: page 2, line 14, third piece). The
other lines stay text. A single space, as in "4111 1111 1111 1111" or "山田 太郎", is no gap."""

from __future__ import annotations

import re

from .tables import MAX_COLUMNS, Table, clip

_GAP = re.compile(r"\s{2,}")
MIN_ROWS = 2


def page_tables(location: str, page: str) -> tuple[str, list[Table]]:
    """(the page's text with table lines blanked, its tables)."""
    lines = page.split("\n")
    split = [[c for c in _GAP.split(ln.strip()) if c] for ln in lines]
    tables: list[Table] = []
    keep = list(lines)
    i = 0
    while i < len(lines):
        if len(split[i]) < 2:
            i += 1
            continue
        j = i
        while j < len(lines) and (
            len(split[j]) >= 2 or (not lines[j].strip() and j + 1 < len(lines) and len(split[j + 1]) >= 2)
        ):
            j += 1
        block = [k for k in range(i, j) if split[k]]
        if len(block) >= MIN_ROWS:
            rows = [[clip(c) for c in split[k][:MAX_COLUMNS]] for k in range(i, j)]
            tables.append(Table(location, rows, first_row=i))
            for k in range(i, j):
                keep[k] = ""
        i = j
    return "\n".join(keep), tables
