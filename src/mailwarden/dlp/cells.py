"""The detectors over a table, one column at a time: the column's cells joined by a separator
no pattern reads across (``CELL_SEP``), so each cell is its own text yet a column of 100,000
cells is one pass of each detector. What the column's header and each row's label say
(columns.py) counts as context: a value under カード番号 is a card with more confidence, a
seven-digit value beside 口座番号 is an account, and a number under 会員番号 is not a My
Number even when its check digit is right."""

from __future__ import annotations

import bisect
import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from . import kernels
from .columns import fold, is_label, knows, read_label, words
from .detectors import BY_ID
from .normalize import normalise
from .scan import CELL_SEP, detect
from .tables import Table, is_header_row

_SEP = len(CELL_SEP)
_NONE: frozenset[str] = frozenset()
LABEL_REACH = 2  # how far left of a value its row's label may stand


@dataclass(slots=True)
class ColumnHits:
    """The matches in one column of a table, in its cells' order: parallel lists, as a sheet
    yields hundreds of thousands of matches."""

    col: int  # the column in the table
    header: str  # the header over it in its own stacked or side-by-side table
    block: int  # the first column of that table: rows of tables side by side are apart
    rows: list[int]  # each match's row in the table's rows
    detectors: list[str]
    values: list[str]
    confidences: list[float]


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
        self._starts: list[int] | None = None
        self._by_cell: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    @cached_property
    def text(self) -> str:
        """The cells joined by ``CELL_SEP``; a "\x1f" inside a cell (never in a real one) is a
        space, so that only the separator marks where a cell ends."""
        return CELL_SEP.join(c.replace("\x1f", " ") if "\x1f" in c else c for c in self.cells)

    def part(self, indexes: list[int]) -> _Column:
        """The same column, only the cells at ``indexes`` (what its header says unchanged)."""
        other = copy.copy(self)
        other.__dict__.pop("text", None)
        other.cells = tuple(self.cells[i] for i in indexes)
        # the columns to the left are read only for row labels
        other.left = [tuple(cells[i] for i in indexes) for cells in self.left] if self.labelled else []
        other._starts = None
        other._by_cell = {}
        return other

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


SAMPLE = 200  # values of a column looked at to tell whether it holds row labels, or numbers
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
        # (the cheap test first: most rows of a list are not empty, and most are not titles)
        after_title = i >= 2 and not any(rows[i - 2]) and _title(rows[i - 1])
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


def scan_table(table: Table, *, settle: bool = True) -> Iterator[ColumnHits]:
    """The matches in every cell of ``table``, a column at a time (``table.cell_name`` names a
    cell). Tables standing side by side (an empty column between) or one below another (a
    header row after an empty row) are read each with its own header. ``settle=False`` sends
    every cell through ``detect`` (kernels.py settles most cells of most columns in bulk, with
    the same result; tests compare the two)."""
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
        yield from _scan_block(sub, first, settle)


def _scan_block(table: Table, first: int, settle: bool) -> Iterator[ColumnHits]:
    """The matches of a block of columns whose first column is the table's ``first``."""
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
            named = read_label(head[c]).named
            if MY_NUMBER in named and any(w in fold(head[c]) for w in _MY_NUMBER_WORDS):
                cells = _zero_padded(cells)
            elif BANK_ACCOUNT in named:
                cells = _typed_accounts(cells)
            reach = range(c - 1, max(-1, c - 1 - LABEL_REACH), -1)
            left = [columns[k] for k in reach]
            column = _Column(cells, head[c], left, any(labelled[k] for k in reach))
            cell_of, dets, values, confs = _column_hits(column, settle)
            if dets:
                rows_of = [start + i for i in cell_of]
                yield ColumnHits(first + c, head[c], first, rows_of, dets, values, confs)


MY_NUMBER = "jp.my-number"
# words that name the My Number and nothing else ("Tax ID" names it too, and a US EIN)
_MY_NUMBER_WORDS = ("個人番号", "マイナンバー", "my number", "mynumber")


def _zero_padded(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A column its header names as My Numbers: a number of 9 to 11 digits there is a My
    Number whose leading zeros were lost — Excel keeps a number, not the digits typed, and
    shows it through a format of twelve zeros — so it is read with them put back."""
    if not any(c.isdigit() and 9 <= len(c) <= 11 for c in cells):
        return cells
    return tuple(c.zfill(12) if c.isdigit() and c.isascii() and 9 <= len(c) <= 11 else c for c in cells)


BANK_ACCOUNT = "jp.bank-account"


def _typed_accounts(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A column its header names as account numbers (口座番号), the account type in a column
    of its own, as bank-transfer and payroll lists keep it: seven digits alone there are an
    account number, read as the account-number pattern reads one after its type ("普通")."""
    if not any(len(c) == 7 and c.isdigit() for c in cells):
        return cells
    return tuple("普通 " + c if len(c) == 7 and c.isdigit() and c.isascii() else c for c in cells)


def _worth_settling(column: _Column) -> bool:
    """May kernels.py settle this column's cells, and will it settle most? Not where a row
    label or a header names an identifier that needs context: detect alone reads what they
    say."""
    if column.labelled or column.header_named & kernels.NEED_CONTEXT:
        return False
    return kernels.likely([c for c in column.cells[: SAMPLE * 4] if c][:SAMPLE])


def _column_hits(column: _Column, settle: bool) -> tuple[list[int], list[str], list[str], list[float]]:
    """(cell, detector, value, confidence) of every match in the column, in its cells' order,
    as four lists."""
    cell_of: list[int] = []
    dets: list[str] = []
    values: list[str] = []
    confs: list[float] = []
    left: list[int] | None = None  # the cells left to detect; None: all of them
    if settle and _worth_settling(column):
        done = kernels.settle(column.cells, column.header_named, column.header_refused)
        cell_of, dets, values, confs = done.cells, done.detectors, done.values, done.confidences
        left = done.left
    if left is None or left:
        part = column if left is None else column.part(left)
        found = detect(part.text, cells=part)
        if found:
            at = [part.cell_of(m.start) for m in found]
            if left is not None:
                at = [left[i] for i in at]
            more = list(
                zip(
                    at,
                    (m.detector for m in found),
                    (m.value for m in found),
                    (m.confidence for m in found),
                    strict=True,
                )
            )
            if cell_of:  # both: in the cells' order (one cell is settled or left, never both)
                more += zip(cell_of, dets, values, confs, strict=True)
                more.sort(key=lambda x: x[0])
            cell_of, dets, values, confs = (list(x) for x in zip(*more, strict=True))
    if dets:
        dropped = _inconsistent(column, dets, confs)
        if dropped:
            keep = [
                k
                for k, (d, c) in enumerate(zip(dets, confs, strict=True))
                if not (d in dropped and c <= BY_ID[d].base)
            ]
            cell_of, dets = [cell_of[k] for k in keep], [dets[k] for k in keep]
            values, confs = [values[k] for k in keep], [confs[k] for k in keep]
    return cell_of, dets, values, confs


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


def _inconsistent(column: _Column, dets: list[str], confs: list[float]) -> set[str]:
    """The identifiers whose matches without context in this column are dropped: in a column
    whose header does not name an identifier, a check digit that passes for only some of the
    numbers of its shape says the column holds some other number (codes, member numbers):
    about one number in ten passes a check digit by chance, and a column of real cards or My
    Numbers passes all. Matches whose cell's own words or label name the identifier (their
    confidence is then raised) stay."""
    dropped: set[str] = set()
    present = set(dets)
    for det in CHECKED:
        if det in column.header_named or det not in present:
            continue
        base = BY_ID[det].base
        plain = sum(1 for d, c in zip(dets, confs, strict=True) if d == det and c <= base)
        if not plain:
            continue
        shaped = len(_shaped(column.cells, det))
        if shaped >= MIN_SHAPED and plain < CONSISTENT * shaped:
            dropped.add(det)
    return dropped
