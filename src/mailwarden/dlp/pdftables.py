"""Tables in PDF text. A PDF has no cells, only text placed on a page: each piece of text is
read with where it stands (pypdf's text visitor), pieces at the same height make a line, and
a line of two pieces or more, two such lines or more in a row, is a table. A piece belongs to
the column whose header starts at or just left of it — by position on the page, not by its
order in the line, so an empty cell does not shift the rest of the row into the wrong columns
(as it does when the text is split at runs of spaces). Cells are named ``…!page2!C14``: page
2, line 14 of the page, third column. The other lines stay text.

``page_tables`` reads text laid out with spaces (pypdf's layout mode), for a page whose
pieces could not be placed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .pdfops import fast_contents
from .tables import MAX_COLUMNS, Table, clip, is_header_row

_GAP = re.compile(r"\s{2,}")
MIN_ROWS = 2
LINE_TOLERANCE = 0.45  # of the font size: pieces this close in height stand on one line
COLUMN_TOLERANCE = 2.0  # points a cell may start left of its column's header


MAX_PIECES = 20_000  # pieces of text on a page placed one by one; beyond, the page is laid out


def _width(text: str, size: float) -> float:
    """Estimated: a wide (CJK) character is as wide as the font is high, another about half."""
    if text.isascii():  # no ASCII character is wide
        return len(text) * 0.55 * size
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text) * size


@dataclass
class _Piece:
    x: float
    text: str
    size: float
    end: float = 0.0

    def __post_init__(self) -> None:
        if not self.end:
            self.end = self.x + _width(self.text, self.size)


@dataclass
class _Line:
    y: float
    size: float
    pieces: list[_Piece] = field(default_factory=list)


def placed_lines(page: Any) -> list[list[_Piece]]:
    """The page's text as lines, top to bottom, each a list of pieces left to right; pieces
    that touch are one."""
    found: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(cm[3]) or 1.0
            found.append((y, x, (size or 10.0) * scale, text.replace("\n", " ").strip()))

    with fast_contents(page):  # the content stream split by pdfops, not byte by byte
        page.extract_text(visitor_text=visit)
    if len(found) > MAX_PIECES:
        raise ValueError(f"more than {MAX_PIECES} pieces of text on a page")
    lines: list[_Line] = []
    for y, x, size, text in sorted(found, key=lambda f: (-f[0], f[1])):
        if lines and abs(lines[-1].y - y) <= LINE_TOLERANCE * max(size, lines[-1].size):
            lines[-1].pieces.append(_Piece(x, text, size))
        else:
            lines.append(_Line(y, size, [_Piece(x, text, size)]))
    out = []
    for line in lines:
        merged: list[_Piece] = []
        parts: list[list[str]] = []
        for p in sorted(line.pieces, key=lambda p: p.x):
            if merged and p.x - merged[-1].end < 0.3 * p.size:  # the rest of the same text
                merged[-1].end = max(merged[-1].end, p.end)
                parts[-1].append(p.text)
            else:
                merged.append(p)
                parts.append([p.text])
        for piece, texts in zip(merged, parts, strict=True):
            if len(texts) > 1:
                piece.text = "".join(texts)  # joined once, not once a piece
        out.append(merged)
    return out


def _columns(block: list[list[_Piece]]) -> list[float]:
    """Where each column starts: at the header's pieces if the block has a header row, else
    at the pieces of its fullest line."""
    for line in block[:5]:
        if is_header_row([p.text for p in line]):
            return [p.x for p in line]
    return [p.x for p in max(block, key=len)]


def _row(line: list[_Piece], starts: list[float]) -> list[str]:
    cells = [""] * len(starts)
    for p in line:
        col = 0
        for j, start in enumerate(starts):
            if start <= p.x + COLUMN_TOLERANCE:
                col = j
        cells[col] = f"{cells[col]} {p.text}".strip() if cells[col] else p.text
    return [clip(c) for c in cells[:MAX_COLUMNS]]


def placed_tables(location: str, lines: list[list[_Piece]]) -> tuple[str, list[Table]]:
    """(the page's other lines as text, its tables)."""
    text: list[str] = []
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if len(lines[i]) < 2:
            text.append(" ".join(p.text for p in lines[i]))
            i += 1
            continue
        j = i
        while j < len(lines) and len(lines[j]) >= 2:
            j += 1
        block = lines[i:j]
        if len(block) >= MIN_ROWS:
            starts = _columns(block)
            tables.append(Table(location, [_row(line, starts) for line in block], first_row=i))
        else:
            text.extend("  ".join(p.text for p in line) for line in block)
        i = j
    return "\n".join(text), tables


def page_tables(location: str, page: str) -> tuple[str, list[Table]]:
    """From text laid out with spaces: (the page's text with table lines blanked, its
    tables); pieces are cut at two spaces or more, so a row is read in order."""
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
        while j < len(lines) and len(split[j]) >= 2:
            j += 1
        if j - i >= MIN_ROWS:
            rows = [[clip(c) for c in split[k][:MAX_COLUMNS]] for k in range(i, j)]
            tables.append(Table(location, rows, first_row=i))
            for k in range(i, j):
                keep[k] = ""
        i = j
    return "\n".join(keep), tables
