"""The detectors over a table, one column at a time: the column's cells joined by a separator
no pattern reads across (``CELL_SEP``), so each cell is its own text yet a column of 100,000
cells is one pass of each detector. What the column's header and each row's label say
(columns.py) counts as context: a value under カード番号 is a card with more confidence, a
seven-digit value beside 口座番号 is an account, and a number under 会員番号 is not a My
Number even when its check digit is right."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from .columns import fold, is_label, knows, read_label, words
from .detectors import BY_ID, Match
from .scan import CELL_SEP, detect
from .tables import Table

_SEP = len(CELL_SEP)
_NONE: frozenset[str] = frozenset()
LABEL_REACH = 2  # how far left of a value its row's label may stand


@dataclass(frozen=True)
class CellMatch:
    match: Match
    row: int  # index in the table's rows
    col: int


class _Column:
    """A column's cells as one text, and what its header and row labels say of each."""

    def __init__(self, table: Table, col: int, cells: tuple[str, ...], left: list[tuple[str, ...]]) -> None:
        self.table = table
        self.col = col
        self.cells = cells
        self.left = left  # the columns to the left, nearest first
        header = table.header
        self.header_named, self.header_refused = (
            read_label(table.rows[header][col])
            if header is not None and col < len(table.rows[header])
            else (_NONE, _NONE)
        )
        self.text = CELL_SEP.join(cells)
        self._starts: list[int] | None = None
        self._by_cell: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        body = 0 if table.header is None else table.header + 1  # the header row is no label
        self.labelled = any(_has_labels(cells[body:]) for cells in left)

    @cached_property
    def named_anywhere(self) -> frozenset[str]:
        return self.header_named | self._labels_named()

    def _labels_named(self) -> frozenset[str]:
        """Every detector a label to the left of some value names (an over-estimate: which
        cell's label it is is settled per match)."""
        if not self.labelled:
            return _NONE
        w = words()
        found: set[str] = set()
        for cells in self.left:
            joined = fold("\n".join(set(cells)))
            for m in w.pattern.finditer(joined):
                found.update(d for d in w.owners[m.group()] if d)
        return frozenset(found)

    def cell_of(self, pos: int) -> int:
        if self._starts is None:
            lens = accumulate(len(c) + _SEP for c in self.cells)
            self._starts = [0, *lens]
        return bisect.bisect_right(self._starts, pos) - 1

    def _says(self, pos: int) -> tuple[frozenset[str], frozenset[str]]:
        if not self.labelled:
            return self.header_named, self.header_refused - self.header_named
        i = self.cell_of(pos)
        said = self._by_cell.get(i)
        if said is None:
            named, refused = self.header_named, self.header_refused
            for cells in self.left:
                label = cells[i]
                if label.strip():
                    if is_label(label):
                        ln, lr = read_label(label)
                        named, refused = named | ln, refused | lr
                    break
            said = (named, refused - named)
            self._by_cell[i] = said
        return said

    def named(self, pos: int) -> frozenset[str]:
        return self._says(pos)[0]

    def refused(self, pos: int) -> frozenset[str]:
        return self._says(pos)[1]


SAMPLE = 200  # distinct values of a column looked at to tell whether it holds row labels


def _has_labels(cells: tuple[str, ...]) -> bool:
    """Does the column hold row labels (項目 | 値 forms) rather than values? Told from its
    first distinct values: a label is short, has no digits and holds a header word."""
    sample = list(dict.fromkeys(cells[: SAMPLE * 10]))[:SAMPLE]
    return any(c and is_label(c) and knows(c) for c in sample)


def scan_table(table: Table) -> Iterator[CellMatch]:
    """Every match in every cell of ``table``, with its cell (``table.cell_name`` names it)."""
    rows = table.rows
    if not rows:
        return
    width = max(len(r) for r in rows)
    if any(len(r) != width for r in rows):
        rows = [r + [""] * (width - len(r)) for r in rows]
    columns = list(zip(*rows, strict=True))
    for c, cells in enumerate(columns):
        if not any(cells):
            continue
        left = [columns[k] for k in range(c - 1, max(-1, c - 1 - LABEL_REACH), -1)]
        column = _Column(table, c, cells, left)
        found = detect(column.text, cells=column)
        if found:
            found = _consistent(column, found)
        for m in found:
            yield CellMatch(m, column.cell_of(m.start), c)


#: the identifiers with a check digit, and how many digits they have
CHECKED = {"jp.my-number": (12, 12), "jp.corporate-number": (13, 13), "credit-card": (13, 19)}
CONSISTENT = 0.9  # the share of a column's numbers of an identifier's shape that must pass
MIN_SHAPED = 5  # fewer numbers of that shape say nothing of the column
_NUMBER_CELL = re.compile(r"[0-9][0-9 \-]*[0-9]")


def _consistent(column: _Column, found: list[Match]) -> list[Match]:
    """A column whose header does not name an identifier, in which a check digit passes for
    only some of the numbers of its shape, holds some other number (codes, member numbers):
    about one number in ten passes a check digit by chance, and a column of real cards or
    My Numbers passes all. Such matches are dropped, unless their cell's own words or label
    name the identifier (their confidence is then raised)."""
    out = found
    for det, (lo, hi) in CHECKED.items():
        if det in column.header_named:
            continue
        plain = [m for m in out if m.detector == det and m.confidence <= BY_ID[det].base]
        if not plain:
            continue
        shaped = 0
        for cell in column.cells:
            if (
                cell
                and _NUMBER_CELL.fullmatch(cell)
                and lo <= len(cell.replace(" ", "").replace("-", "")) <= hi
            ):
                shaped += 1
        if shaped >= MIN_SHAPED and len(plain) < CONSISTENT * shaped:
            drop = {id(m) for m in plain}
            out = [m for m in out if id(m) not in drop]
    return out
