"""Tables as the detectors see them: every cell its own text, named by where it stands
(``attachment:顧客.xlsx!data!E12``), never joined to its neighbours.

Readers for the tables that come as text: CSV and TSV files in UTF-8, UTF-16 and Shift_JIS
(as Excel writes them), tab- and comma-separated rows in plain-text bodies, and ``<table>``
elements in HTML bodies. Spreadsheets are read in sheets.py, Word and PowerPoint tables in
office.py, PDF text in pdftables.py.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..core.htmltext import html_text
from ..core.message import decode_bytes
from .columns import knows
from .scan import detect

# A cell's text is read up to this many characters. Excel writes at most 32,767 in a cell;
# CSV, HTML and hand-made workbooks may hold more, and what follows a long text is still data.
# A cell cut here is reported (extract.content_of): the rest of it was not checked.
MAX_CELL = 1_000_000
# the csv module refuses a field over 128 KiB unless told otherwise (whole files went unread);
# its limit is the process's, so it is raised only while a table is read (``_wide_fields``)
MAX_FIELD = 64 * 1024 * 1024


@contextmanager
def _wide_fields() -> Iterator[None]:
    old = csv.field_size_limit(MAX_FIELD)
    try:
        yield
    finally:
        csv.field_size_limit(old)


MAX_CELLS = 5_000_000  # cells of all the tables of one file
MAX_COLUMNS = 1_024
HEADER_ROWS = 5  # a header is looked for in the first rows that hold anything


@dataclass
class Table:
    """One table: ``rows`` of cell texts ('' for an empty cell), the first at ``first_row``
    and ``first_col`` (0-based) of the sheet or page it stands on."""

    location: str  # "attachment:顧客.xlsx!data"; a cell adds "!E12"
    rows: list[list[str]]
    first_row: int = 0
    first_col: int = 0
    header: int | None = field(default=None)  # index in rows of the header row, if one was found

    def __post_init__(self) -> None:
        if self.header is None:
            self.header = find_header(self.rows)

    def cell_name(self, row: int, col: int) -> str:
        return f"{self.location}!{column_letters(self.first_col + col)}{self.first_row + row + 1}"


@dataclass
class Tables:
    """The tables of one file or body, and what could not be read of them."""

    tables: list[Table] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    cells: int = 0

    def add(self, table: Table) -> bool:
        """Keep ``table`` if the cell budget allows; False once it is spent."""
        n = sum(len(r) for r in table.rows)
        if self.cells + n > MAX_CELLS:
            self.problems.append((table.location, f"more than {MAX_CELLS} cells"))
            return False
        self.cells += n
        if n:
            self.tables.append(table)
        return True


def column_letters(col: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _header_cell(text: str) -> bool:
    """Short, no address, few digits ("カード番号(16桁)" yes; a date or a phone number no)."""
    return len(text) <= 40 and "@" not in text and sum(ch.isdigit() for ch in text) <= 4


def is_header_row(row: list[str]) -> bool:
    """A row whose cells are all short labels, one of them a header word (会員番号, Email…),
    and none of the others a value a detector finds: "住所 | 東京都千代田区丸の内1-1-1" is a
    line of a form, not a header (its address would be shown as a column's name)."""
    cells = [c for c in row if c.strip()]
    if not cells or not all(_header_cell(c) for c in cells):
        return False
    known = [knows(c) for c in cells]
    return any(known) and not any(detect(c) for c, k in zip(cells, known, strict=True) if not k)


def find_header(rows: list[list[str]]) -> int | None:
    """The first of the first rows that hold anything that is a header row; None if there is
    none."""
    seen = 0
    for i, row in enumerate(rows):
        if not any(c.strip() for c in row):
            continue
        if is_header_row(row):
            return i
        seen += 1
        if seen >= HEADER_ROWS:
            return None
    return None


#: what ends a cell cut at ``MAX_CELL`` characters: the one longer cell says it was cut (one of
#: exactly ``MAX_CELL`` characters was read whole)
CUT_MARK = "…"


def clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[:MAX_CELL] + CUT_MARK


def was_cut(cell: str) -> bool:
    return len(cell) > MAX_CELL


# --- delimited text -----------------------------------------------------------------------


def decode_delimited(data: bytes) -> str:
    """CSV/TSV bytes as Excel writes them: UTF-8 with or without BOM, UTF-16 with BOM
    ("Unicode text"), or Shift_JIS (cp932)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    if data[:3] == b"\xef\xbb\xbf":
        return data[3:].decode("utf-8", "replace")
    text, _ = decode_bytes(data, None)
    return text


def sniff_delimiter(text: str) -> str:
    head = text[:8192]
    lines = [ln for ln in head.splitlines()[:20] if ln.strip()]
    if not lines:
        return ","
    tabs = sum(ln.count("\t") for ln in lines)
    commas = sum(ln.count(",") for ln in lines)
    return "\t" if tabs >= commas and tabs else ","


def one_line_ending(text: str) -> str:
    """The rows found in a plain-text body with their lines ended by LF: CRLF and CR-only
    line endings become LF; a lone CR inside a text that ends its lines otherwise (a cell's
    "至急\r対応") becomes a space — the csv module refuses it in an unquoted field, and one
    such cell crashed the check. (Files are read by ``parse_delimited``, which leaves line
    ends to the csv module.)"""
    if "\r" not in text:
        return text
    if "\n" not in text:
        return text.replace("\r", "\n")
    return text.replace("\r\n", "\n").replace("\r", " ")


def parse_delimited(
    location: str, text: str, delimiter: str | None = None, out: Tables | None = None
) -> Tables:
    """A CSV or TSV file's rows. Lines end in CRLF, LF or CR (Excel for Mac's "CSV
    (Macintosh)"), even mixed, inside quoted cells too: the csv module reads them all from text
    whose line ends were left alone (``newline=""``). Rows stop where the file's cell budget
    (``MAX_CELLS``) is spent: those before it are scanned, the rest reported."""
    out = out if out is not None else Tables()
    delimiter = delimiter or sniff_delimiter(text)
    rows: list[list[str]] = []
    budget = MAX_CELLS - out.cells
    try:
        with _wide_fields():
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
                if len(row) > MAX_COLUMNS:
                    out.problems.append((location, f"a row of more than {MAX_COLUMNS} columns"))
                    row = row[:MAX_COLUMNS]
                budget -= len(row)
                if budget < 0:
                    out.problems.append((location, f"more than {MAX_CELLS} cells"))
                    break
                rows.append([clip(c) for c in row])
    except csv.Error as exc:
        out.problems.append((location, f"malformed delimited text ({exc})"))
    out.add(Table(location, rows))
    return out


MAX_BODY_TABLES = 1_000
_COMMA_BLOCK_MIN = 2  # comma-separated lines make a table when at least this many agree
# where a line may be a row: a tab, or two commas on one line (a pattern that starts with a
# literal is found by fast search; one anchored at every line start is tried everywhere)
_COMMAS = re.compile(r",(?! [a-z])[^\n,]*,(?! [a-z])")
_TAB = re.compile("\t")
_PROSE = re.compile(r", [a-z]")  # ", and", ", which": a sentence, not a row


def text_body_tables(location: str, text: str) -> tuple[str, list[Table]]:
    """Tab-separated lines (any run of them, even one) and runs of two or more lines with the
    same number (two or more) of commas, not written as sentences, as tables; the text left
    with those lines blanked (line breaks kept, so what remains keeps its lines). The lines
    that may be rows are found by one search: most bodies hold none."""
    if "\t" not in text and text.count(",") < 2 * _COMMA_BLOCK_MIN:
        return text, []
    # (start, end, delimiter, commas) of each line that may be a row
    lines: list[tuple[int, int, str, int]] = []
    pos = 0
    marks = sorted([*_TAB.finditer(text), *_COMMAS.finditer(text)], key=lambda m: m.start())
    for m in marks:
        if m.start() < pos:
            continue  # on a line already taken
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end == -1 else end
        pos = end
        line = text[start:end]
        if "\t" in line.lstrip(" \t"):  # a tab between two things, not an indentation
            lines.append((start, end, "\t", 0))
        elif "\t" not in line and _PROSE.search(line) is None:
            lines.append((start, end, ",", line.count(",")))
    if not lines:
        return text, []
    blocks: list[list[tuple[int, int, str, int]]] = []
    for row_line in lines:
        last = blocks[-1][-1] if blocks else None
        if last is not None and row_line[0] == last[1] + 1 and row_line[2:] == last[2:]:
            blocks[-1].append(row_line)
        else:
            blocks.append([row_line])
    tables: list[Table] = []
    pieces, pos = [], 0
    line_no, counted = 0, 0  # line numbers counted on as blocks come, not from the top each time
    for block in blocks:
        if block[0][2] == "," and len(block) < _COMMA_BLOCK_MIN:
            continue
        if len(tables) >= MAX_BODY_TABLES:
            break  # the rest stays text
        start, end = block[0][0], block[-1][1]
        try:
            with _wide_fields():
                rows_text = io.StringIO(one_line_ending(text[start:end]))
                rows = [
                    [clip(c) for c in r[:MAX_COLUMNS]] for r in csv.reader(rows_text, delimiter=block[0][2])
                ]
        except csv.Error:
            continue  # not rows after all (an unclosed quote…): the lines stay text
        line_no += text.count("\n", counted, start)
        counted = start
        tables.append(Table(location, rows, first_row=line_no))
        pieces += [text[pos:start], "\n" * text.count("\n", start, end)]
        pos = end
    if not tables:
        return text, []
    pieces.append(text[pos:])
    return "".join(pieces), tables


# --- HTML ---------------------------------------------------------------------------------

# attributes bounded: a tag that never closes must not make every later one scan to the end
_INNER_TABLE = re.compile(r"<table\b[^>]{0,1024}>((?:(?!<table\b).)*?)</table\s*>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]{0,1024}>(.*?)(?=<tr\b|$)", re.S | re.I)
_CELL = re.compile(r"<t[dh]\b[^>]{0,1024}>(.*?)(?=<t[dh]\b|</tr\b|$)", re.S | re.I)
MAX_HTML_TABLES = 200
MAX_NESTING = 20  # passes, one per level of tables inside tables
MAX_TAGS = 100_000  # <table, <tr and <td tags a page may hold for its tables to be read


def html_tables(location: str, page: str) -> tuple[str, list[Table]]:
    """The ``<table>`` elements of an HTML body (innermost first, so a layout table around a
    data table leaves the data table's cells alone), and the page with them taken out."""
    if "<table" not in page and "<TABLE" not in page and "<Table" not in page:
        return page, []
    low = page.lower()
    opened = low.count("<table")
    if opened > MAX_HTML_TABLES * 5 or low.count("<tr") + low.count("<t") > 3 * MAX_TAGS:
        return page, []  # read as text: a page built to make table reading slow
    # tables left open — a body cut at the size limit, or HTML written without the end tags —
    # end where the page ends, as a browser ends them
    unclosed = opened - low.count("</table")
    if unclosed > 0:
        page += "</table>" * unclosed
    tables: list[Table] = []
    for _ in range(MAX_NESTING):
        found = False
        pieces, last = [], 0
        for m in _INNER_TABLE.finditer(page):
            found = True
            rows = [
                [clip(" ".join(html_text(c).split())) for c in _CELL.findall(r)][:MAX_COLUMNS]
                for r in _ROW.findall(m.group(1))
            ]
            rows = [r for r in rows if r]
            if rows:
                tables.append(Table(f"{location}!table{len(tables) + 1}", rows))
                pieces.append(page[last : m.start()])
                pieces.append(" ")
            else:
                pieces.append(page[last : m.start()])
                pieces.append(" " + m.group(1) + " ")
            last = m.end()
            if len(tables) >= MAX_HTML_TABLES:
                break
        if not found:
            break
        pieces.append(page[last:])
        page = "".join(pieces)
        if len(tables) >= MAX_HTML_TABLES:
            break
    return page, tables
