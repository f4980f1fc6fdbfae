"""What a check found, and where: matches in text parts one by one, matches in table cells
column by column. A sheet of 100,000 rows holds hundreds of thousands of matches; a record
for each (the match, its offsets, its cell) cost more memory than the sheet itself, so a
column keeps only what the counts, the policy and the column summary read — each match's
row, value and confidence — and only the first ``MAX_LISTED`` matches, the ones a result
lists, are kept whole."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from .cells import ColumnHits, scan_table
from .detectors import BY_ID, PERSONAL, Match
from .extract import Content
from .result import DlpColumn, DlpMatch
from .scan import detect
from .tables import Table

ADDRESS_HEADERS = {"header:from", "header:to", "header:cc", "header:reply-to"}
#: matches listed one by one in a result; all of them are counted
MAX_LISTED = 1000


@dataclass(frozen=True, slots=True)
class Found:
    """One match kept whole, with where it stands."""

    match: Match
    part: str | Table  # the text part's location, or the table
    row: int | None = None  # the row in its table, for a match in a table
    col: int = 0

    @property
    def location(self) -> str:
        """Where: "body:text1", "attachment:顧客.xlsx!data!E12"."""
        if isinstance(self.part, str):
            return self.part
        assert self.row is not None
        return self.part.cell_name(self.row, self.col)

    def listed(self) -> DlpMatch:
        m = self.match
        return {
            "detector": m.detector,
            "description": BY_ID[m.detector].description,
            "masked": m.masked,
            "location": self.location,
            "confidence": m.confidence,
            "cell": self.row is not None,
        }


@dataclass(slots=True)
class CellColumn:
    """The matches of one detector under one header in one column of one table."""

    table: Table
    index: int  # which of the message's tables
    block: int  # the first column of the table it stands in (tables side by side)
    col: int
    header: str
    detector: str
    rows: array[int] = field(default_factory=lambda: array("i"))
    values: list[str] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)

    def summary(self) -> DlpColumn:
        """How many matches and distinct values, the cells they span (``…!data!E2:E501``)."""
        span = self.table.cell_name(self.rows[0], self.col)
        if len(self.rows) > 1:
            span += ":" + self.table.cell_name(self.rows[-1], self.col).rsplit("!", 1)[-1]
        return {
            "location": span,
            "header": self.header,
            "detector": self.detector,
            "description": BY_ID[self.detector].description,
            "count": len(self.rows),
            "distinct": len(set(self.values)),
            "confidence": max(self.confidences),
        }

    def values_at(self, min_confidence: float) -> Iterable[str]:
        if min(self.confidences) >= min_confidence:
            return self.values
        return (v for v, c in zip(self.values, self.confidences, strict=True) if c >= min_confidence)

    def rows_at(self, min_confidence: float) -> Iterable[tuple[int, int, int]]:
        """The rows it holds, as one key across the message's tables."""
        t, b = self.index, self.block
        sure = min(self.confidences) >= min_confidence
        return (
            (t, b, r) for r, c in zip(self.rows, self.confidences, strict=True) if sure or c >= min_confidence
        )


@dataclass
class Findings:
    texts: list[Found] = field(default_factory=list)  # in the text parts
    columns: list[CellColumn] = field(default_factory=list)
    listed: list[Found] = field(default_factory=list)  # the first MAX_LISTED, in order

    @property
    def total(self) -> int:
        return len(self.texts) + sum(len(c.rows) for c in self.columns)

    def counts(self) -> dict[str, int]:
        """Distinct values per detector: the same card twice is one card."""
        seen: dict[str, set[str]] = {}
        for f in self.texts:
            seen.setdefault(f.match.detector, set()).add(f.match.value)
        for c in self.columns:
            seen.setdefault(c.detector, set()).update(c.values)
        return {k: len(v) for k, v in sorted(seen.items())}

    @property
    def text_matches(self) -> list[Match]:
        return [f.match for f in self.texts]

    def every(self) -> list[Found]:
        """Every match as a record of its own: those in text parts, then each column's in its
        rows' order (a cell's match keeps no offsets: its cell says where it stands)."""
        out = list(self.texts)
        for c in self.columns:
            out.extend(
                Found(Match(c.detector, v, 0, 0, conf), c.table, row, c.col)
                for row, v, conf in zip(c.rows, c.values, c.confidences, strict=True)
            )
        return out

    def personal_rows(self) -> int:
        """Table rows holding personal data (two lists side by side: their rows apart)."""
        return rows_holding(self.columns, PERSONAL, 0.0)


def values_of(
    matches: list[Match], columns: list[CellColumn], names: Iterable[str], min_confidence: float
) -> set[str]:
    """The distinct values of the named detectors at ``min_confidence`` or more."""
    wanted = set(names)
    out = {m.value for m in matches if m.detector in wanted and m.confidence >= min_confidence}
    for c in columns:
        if c.detector in wanted:
            out.update(c.values_at(min_confidence))
    return out


def rows_holding(columns: list[CellColumn], detectors: Iterable[str], min_confidence: float) -> int:
    """Table rows holding the given detectors' data at ``min_confidence`` or more — a row of a
    table counted where it stands. A row of a table whose values (those found in it) a row of
    another table in the message already holds is not counted again: an HTML table and the
    plain-text alternative of it, a workbook and its CSV export, April's list beside May's
    that repeats most of its people. Rows alike within one table count each."""
    wanted = set(detectors)
    chosen = [c for c in columns if c.detector in wanted]
    if len({c.index for c in chosen}) <= 1:  # one table (a 100,000-row sheet): its rows' places
        places: set[tuple[int, int, int]] = set()
        for c in chosen:
            places.update(c.rows_at(min_confidence))
        return len(places)
    by_table: dict[int, dict[tuple[int, int], list[tuple[str, str]]]] = {}
    for c in chosen:
        rows = by_table.setdefault(c.index, {})
        found = zip(c.rows_at(min_confidence), c.values_at(min_confidence), strict=True)
        for (_, block, row), value in found:
            rows.setdefault((block, row), []).append((c.detector, value))
    total = 0
    earlier: set[tuple[tuple[str, str], ...]] = set()  # the rows of the tables counted before
    for rows in sorted(by_table.values(), key=len, reverse=True):  # the larger tables first
        contents = [tuple(sorted(v)) for v in rows.values()]
        total += sum(1 for c in contents if c not in earlier)
        earlier.update(contents)
    return total


def found_in(content: Content) -> Findings:
    """Every match in the text parts and the tables of ``content``."""
    out = Findings()
    listed = out.listed
    for location, text in content.parts:
        for m in detect(text):
            if m.detector == "email-address" and location in ADDRESS_HEADERS:
                continue  # who the mail is from and to is addressing, not content
            found = Found(m, location)
            out.texts.append(found)
            if len(listed) < MAX_LISTED:
                listed.append(found)
    groups: dict[tuple[int, int, str, str], CellColumn] = {}
    for t, table in enumerate(content.tables):
        for hits in scan_table(table):
            col, header = hits.col, hits.header
            room = MAX_LISTED - len(listed)
            if room > 0:
                every = zip(hits.rows, hits.detectors, hits.values, hits.confidences, strict=True)
                for row, det, value, conf in islice(every, room):
                    listed.append(Found(Match(det, value, 0, 0, conf), table, row, col))
            for det, rows, values, confidences in _by_detector(hits):
                key = (t, col, det, header)
                column = groups.get(key)
                if column is None:
                    column = groups[key] = CellColumn(table, t, hits.block, col, header, det)
                    out.columns.append(column)
                column.rows.extend(rows)
                column.values.extend(values)
                column.confidences.extend(confidences)
    return out


def _by_detector(
    hits: ColumnHits,
) -> list[tuple[str, Sequence[int], Sequence[str], Sequence[float]]]:
    """A column's matches split by detector: (detector, rows, values, confidences). A column
    of one detector (most are) is passed on as it is."""
    first = hits.detectors[0]
    if hits.detectors.count(first) == len(hits.detectors):
        return [(first, hits.rows, hits.values, hits.confidences)]
    by_det: dict[str, list[int]] = {}
    for k, det in enumerate(hits.detectors):
        by_det.setdefault(det, []).append(k)
    return [
        (
            det,
            [hits.rows[k] for k in ks],
            [hits.values[k] for k in ks],
            [hits.confidences[k] for k in ks],
        )
        for det, ks in by_det.items()
    ]
