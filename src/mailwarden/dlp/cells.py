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
from functools import cached_property
from itertools import accumulate

from .columns import fold, is_label, knows, read_label, words
from .detectors import BY_ID, Match
from .normalize import normalise
from .scan import CELL_SEP, detect
from .tables import Table, is_header_row

_SEP = len(CELL_SEP)
_NONE: frozenset[str] = frozenset()
LABEL_REACH = 2  # how far left of a value its row's label may stand


#: a match in a table: (the match, its row in the table's rows, its column, the header over it
#: in its own stacked or side-by-side table, the first column of that table — rows of tables
#: side by side are apart). A plain tuple: a sheet yields hundreds of thousands.
CellHit = tuple[Match, int, int, str, int]


class _Column:
    """A column's cells as one text, and what its header and row labels say of each."""

    def __init__(
        self, cells: tuple[str, ...], head: str, left: list[tuple[str, ...]], labelled: bool
    ) -> None:
        self.cells = cells
        self.left = left  # the columns to the left, nearest first
        self.labelled = labelled  # do those hold row labels (a form), not values?
        label = read_label(head)
        refused = label.refused
        if label.weak:  # "ID", "コード": a column of valid check digits is what they say it is
            refused = refused - {d for d in CHECKED if d in refused and _all_pass(cells, d)}
        self.header_named, self.header_refused = label.named, refused - label.named
        self.text = CELL_SEP.join(cells)
        self._starts: list[int] | None = None
        self._by_cell: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

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
            return self.header_named, self.header_refused
        i = self.cell_of(pos)
        said = self._by_cell.get(i)
        if said is None:
            named, refused = self.header_named, self.header_refused
            for cells in self.left:
                text = cells[i]
                if text.strip():
                    if is_label(text):
                        label = read_label(text)
                        named, refused = named | label.named, refused | label.refused
                    break
            said = (named, refused - named)
            self._by_cell[i] = said
        return said

    def named(self, pos: int) -> frozenset[str]:
        return self._says(pos)[0]

    def refused(self, pos: int) -> frozenset[str]:
        return self._says(pos)[1]


SAMPLE = 200  # distinct values of a column looked at to tell whether it holds row labels
FORM_WIDTH = 6  # a form (label, value, label, value…) is narrow; a list is not


def _has_labels(cells: tuple[str, ...]) -> bool:
    """Does the column hold row labels (項目 | 値 forms) rather than values? Told from its
    first distinct values: a label is short and holds a header word (個人番号, 住所)."""
    sample = list(dict.fromkeys(cells[: SAMPLE * 10]))[:SAMPLE]
    return any(c and is_label(c) and knows(c) for c in sample)


def segments(table: Table) -> list[tuple[int, int, int | None]]:
    """(first row, end, header row) of each table stacked in ``table``: a new one starts at a
    header row that follows an empty row (or a title after one)."""
    rows = table.rows
    out: list[tuple[int, int, int | None]] = []
    start, header = 0, table.header
    for i in range(header + 1 if header is not None else 0, len(rows)):
        after_title = i >= 2 and _title(rows[i - 1]) and not any(rows[i - 2])
        if i < 1 or (any(rows[i - 1]) and not after_title):
            continue  # a new table starts after an empty row, or a title after one
        if is_header_row(rows[i]):
            cut = i - 1 if any(rows[i - 1]) else i  # a title goes with its table
            out.append((start, cut, header))
            start, header = cut, i
    out.append((start, len(rows), header))
    return out


def _title(row: list[str]) -> bool:
    return sum(1 for c in row if c.strip()) == 1


def blocks(columns: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """(first, end) of each run of columns between wholly empty ones: tables side by side."""
    out, start = [], None
    for c, cells in enumerate(columns):
        if any(cells):
            start = c if start is None else start
        elif start is not None:
            out.append((start, c))
            start = None
    if start is not None:
        out.append((start, len(columns)))
    return out


def scan_table(table: Table) -> Iterator[CellHit]:
    """Every match in every cell of ``table``, with its cell (``table.cell_name`` names it).
    Tables standing side by side (an empty column between) or one below another (a header
    row after an empty row) are read each with its own header."""
    rows = table.rows
    if not rows:
        return
    width = max(len(r) for r in rows)
    if any(len(r) != width for r in rows):
        rows = [r + [""] * (width - len(r)) for r in rows]
    all_columns = list(zip(*rows, strict=True))
    spans = blocks(all_columns)
    for first, end in spans:
        whole = len(spans) == 1
        part = rows if whole and (first, end) == (0, width) else [r[first:end] for r in rows]
        sub = Table(table.location, part, header=table.header if whole else None)
        for c, m, row, head in _scan_block(sub):
            yield m, row, first + c, head, first


def _scan_block(table: Table) -> Iterator[tuple[int, Match, int, str]]:
    rows, width = table.rows, len(table.rows[0])
    for start, end, header in segments(table):
        columns = list(zip(*rows[start:end], strict=True))
        head = rows[header] if header is not None else [""] * width
        body = 0 if header is None else header + 1 - start  # the header row is no label
        # which columns hold row labels: only in a narrow table (a form)
        labelled = [width <= FORM_WIDTH and _has_labels(col[body:]) for col in columns]
        for c, cells in enumerate(columns):
            if not any(cells):
                continue
            reach = range(c - 1, max(-1, c - 1 - LABEL_REACH), -1)
            left = [columns[k] for k in reach]
            column = _Column(cells, head[c], left, any(labelled[k] for k in reach))
            found = detect(column.text, cells=column)
            if found:
                found = _consistent(column, found)
            for m in found:
                yield c, m, start + column.cell_of(m.start), head[c]


#: the identifiers with a check digit, and how many digits they have
CHECKED = {"jp.my-number": (12, 12), "jp.corporate-number": (13, 13), "credit-card": (13, 19)}
CONSISTENT = 0.9  # the share of a column's numbers of an identifier's shape that must pass
MIN_SHAPED = 5  # fewer numbers of that shape say nothing of the column
_NUMBER_CELL = re.compile(r"[0-9][0-9 \-]*[0-9]")


def _shaped(cells: tuple[str, ...], det: str) -> list[str]:
    """The cells that are a number of ``det``'s length, nothing else."""
    lo, hi = CHECKED[det]
    out = []
    for c in cells:
        if c and not c.isascii():
            c = normalise(c)  # full-width digits, hyphens of every width
        if c and _NUMBER_CELL.fullmatch(c) and lo <= len(c.replace(" ", "").replace("-", "")) <= hi:
            out.append(c)
    return out


def _all_pass(cells: tuple[str, ...], det: str) -> bool:
    shaped = _shaped(cells, det)
    check = BY_ID[det].validate
    return len(shaped) >= MIN_SHAPED and check is not None and all(check(c) for c in shaped)


def _consistent(column: _Column, found: list[Match]) -> list[Match]:
    """A column whose header does not name an identifier, in which a check digit passes for
    only some of the numbers of its shape, holds some other number (codes, member numbers):
    about one number in ten passes a check digit by chance, and a column of real cards or
    My Numbers passes all. Such matches are dropped, unless their cell's own words or label
    name the identifier (their confidence is then raised)."""
    out = found
    for det in CHECKED:
        if det in column.header_named:
            continue
        plain = [m for m in out if m.detector == det and m.confidence <= BY_ID[det].base]
        if not plain:
            continue
        shaped = len(_shaped(column.cells, det))
        if shaped >= MIN_SHAPED and len(plain) < CONSISTENT * shaped:
            drop = {id(m) for m in plain}
            out = [m for m in out if id(m) not in drop]
    return out
