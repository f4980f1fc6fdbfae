"""Spreadsheets as tables: xlsx, xlsm, xlsb, legacy xls and ods through python-calamine (the
Rust reader), every sheet — hidden ones too — and every cell, hidden columns and the cached
values of formulas included (those values leave with the file; formulas that refer to other
workbooks are never followed).

calamine lays each sheet out as a dense grid from its first cell to its last, so a sheet that
places one cell at A1 and one at XFD1048576 would ask for seventeen billion cells and abort
the process. Before calamine opens a sheet, its extent is read from the file itself (cell
references in xlsx, repeat counts in ods, cell records in xls) and a sheet too large to lay
out is refused with a reason: never a crash, never an unbounded allocation.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import re
import struct
import zipfile
from collections.abc import Iterator
from typing import IO

from .tables import MAX_CELL, MAX_CELLS, Table, Tables, clip

MAX_SHEETS = 256
MAX_GRID = 5_000_000  # cells a sheet may span, empty ones included
MAX_SHEET_XML = 512 * 1024 * 1024  # uncompressed XML of one workbook
MAX_RATIO = 200  # sheet XML compresses well, but not without limit


class Refused(Exception):
    """A workbook or sheet that cannot be read safely; the message is the reason."""


# --- how large each sheet is, read before calamine lays it out ------------------------------------

_XLSX_PREFIX = re.compile(rb"<(?:([A-Za-z][\w.-]*):)?worksheet[\s>]")
_XLSX_CELL_TAG = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?c[\s>/]")


def _letters_to_col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


CHUNK = 8 * 1024 * 1024  # sheet XML read this much at a time
OVERLAP = 1024  # bytes a chunk carries over, so that no tag is cut in two


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream CHUNK bytes at a time, each chunk beginning with the last OVERLAP bytes of
    the one before (the last of them is not given again on its own: tags are counted)."""
    tail = b""
    while True:
        block = stream.read(CHUNK)
        if not block:
            return
        data = tail + block
        yield data
        tail = data[-OVERLAP:]


def xlsx_extent(xml: bytes | IO[bytes]) -> tuple[int, int]:
    """(rows, columns) a worksheet's grid spans at most: from its highest row number and its
    widest cell reference, read a chunk at a time (a 63 MB sheet is never held whole).

    Three passes of the regex engine a chunk, each starting from a literal it finds by fast
    search: the highest number on a row tag; any reference written otherwise than r="A1"
    (single quotes, spaces, zero padding, lower case); any reference to a row beyond that
    highest number (a cell may name a row its tag does not). Only when one of the last two
    is found is every reference of the chunk read, the slow way.

    A cell or row without a reference stands after the one before it: rows without one add
    to the highest row, and once a cell without one is seen, the widest row counts its cells
    (each row's, carried across chunks) on top of the widest reference."""
    stream = io.BytesIO(xml) if isinstance(xml, bytes) else xml
    rows = free_rows = widest = carry = 0
    cols = 1
    sheet = free_cells = False
    row_rx: re.Pattern[bytes] | None = None
    for chunk in _chunks(stream):
        sheet = sheet or b"sheetData" in chunk
        if row_rx is None:
            head = _XLSX_PREFIX.search(chunk, 0, 4096)
            prefix = head.group(1) + b":" if head is not None and head.group(1) else b""
            row_rx = re.compile(rb"<" + re.escape(prefix) + rb"row [^>]{0,512}?r=\"([0-9]{1,9})\"")
        top = max(map(int, row_rx.findall(chunk)), default=0)
        if _ODD_REF.search(chunk) is not None or _beyond(top).search(chunk) is not None:
            found = _ANY_REF.findall(chunk)  # every reference, however written
            if found:
                letters, numbers = zip(*found, strict=True)
                top = max(top, *map(int, set(numbers)))
                cols = max(cols, *(_letters_to_col(w) for w in {w.upper() for w in set(letters)} if w), 0)
        rows = max(rows, top)
        # every reference of two or more letters: columns past Z (few in most sheets)
        wide = set(_WIDE_REF.findall(chunk))
        cols = max(cols, *(_letters_to_col(w) for w in wide), 0)
        # the widest one-letter column: a search for any letter past the widest so far, again
        # until none is found (a sheet of columns A to H: eight short searches, then one that
        # reads the chunk through)
        while cols < 26:
            m = _LETTER_PAST[cols].search(chunk)
            if m is None:
                break
            cols = m.group(1)[0] - 64
        # tags without a reference
        free = _FREE_CELL.findall(chunk) + _FREE_ROW.findall(chunk)
        if _PREFIXED_TAG.search(chunk) is not None:  # prefixed tags: the slower pattern
            free += _FREE_PREFIXED.findall(chunk)
        free_rows += sum(1 for t in free if t.endswith(b"row"))
        free_cells = free_cells or any(not t.endswith(b"row") for t in free)
        if free_cells:  # each row's cells: the first segment continues the last chunk's row
            bounds = [0, *(m.start() for m in _ROW_START.finditer(chunk)), len(chunk)]
            counts = [len(_XLSX_CELL_TAG.findall(chunk, a, b)) for a, b in itertools.pairwise(bounds)]
            counts[0] += carry
            widest = max(widest, *counts)
            carry = counts[-1]
        else:  # the cells of the last row so far, should the next chunk free its cells
            last = max(chunk.rfind(b"<row"), chunk.rfind(b":row"))
            carry = len(_XLSX_CELL_TAG.findall(chunk, max(last, 0))) + (carry if last < 0 else 0)
    if not sheet:
        return 0, 0  # not a sheet: nothing calamine lays out
    # (rows without a reference place nothing when every cell has its own)
    return (rows + free_rows, cols + widest) if free_cells else (rows, cols)


_PREFIXED_TAG = re.compile(rb":(?:c|row)[\s>/]")  # led by ":", a byte memchr finds at once
_ROW_START = re.compile(rb"<(?:[A-Za-z][\w.-]{0,30}:)?row[\s>/]")
# a cell or row tag without an r attribute (the first test passes over the usual r="A1" at once)
# — an attribute named r itself, not x:r= (calamine places such a cell after the one before)
# nor "r=" inside another attribute's value: the attributes are walked one by one
_HAS_R = rb"""(?!(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s+r\s*=)"""
_FREE_CELL = re.compile(rb"<c(?=[\s>/])(?!\s+r=)" + _HAS_R)
_FREE_ROW = re.compile(rb"<row(?=[\s>/])(?!\s+r=)" + _HAS_R)
_FREE_PREFIXED = re.compile(rb"<[A-Za-z][\w.-]{0,30}:(?:c|row)(?=[\s>/])" + _HAS_R)
_WIDE_REF = re.compile(rb'r="([A-Z]{2,})[0-9]')
# a one-letter reference past column n (n = 1…25): _LETTER_PAST[n] finds r="B1"… for n = 1
_LETTER_PAST = {n: re.compile(rb'r="([' + bytes([65 + n]) + rb"-Z])[0-9]") for n in range(1, 26)}
# a reference not written r="A1" / r="12": an r attribute (no name character before it) whose
# value is quoted otherwise, spaced, zero-padded or in lower case. The pattern starts with the
# literal "r" (fast search); the look-behind then rules out header=, error=, operator=…
_ODD_REF = re.compile(rb'r(?<!\wr)(?!="[A-Z]*[1-9])\s*=')
# what the fast patterns do not read, read when _ODD_REF or _beyond finds something
_ANY_REF = re.compile(rb"\br\s*=\s*[\"']\s*([A-Za-z]*)0*([0-9]{1,12})")


@functools.lru_cache(maxsize=64)
def _beyond(top: int) -> re.Pattern[bytes]:
    """A plain reference (r="A1") to a row after ``top``: more digits, or as many and
    greater, spelt out digit by digit (a look-ahead first passes over shorter numbers)."""
    s = str(top)
    greater = [b"[0-9]{%d,}" % (len(s) + 1)]
    for i, ch in enumerate(s):
        if ch != "9":
            rest = len(s) - i - 1
            tail = b"[0-9]{%d}" % rest if rest else b""
            greater.append(s[:i].encode() + b"[%d-9]" % (int(ch) + 1) + tail)
    ahead = b"(?=[1-9][0-9]{%d})" % (len(s) - 1)
    return re.compile(rb'r="[A-Z]*' + ahead + b"(?:" + b"|".join(greater) + rb")(?![0-9])")


def _not_a_bomb(info: zipfile.ZipInfo) -> None:
    if info.file_size > 1 << 20 and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
        raise Refused("too compressed to open")


def _check_xlsx(zf: zipfile.ZipFile) -> None:
    # every part, wherever it stands and whatever it is called: calamine finds a sheet by the
    # workbook's relationships (a sheet may be "sheet1.bin"), not by where Excel puts it
    sheets = [i for i in zf.infolist() if not i.is_dir()]
    total = sum(i.file_size for i in zf.infolist())
    if total > MAX_SHEET_XML:
        raise Refused(f"{total} bytes of XML, more than {MAX_SHEET_XML}")
    grid = 0
    for info in sheets:
        _not_a_bomb(info)
        with zf.open(info) as stream:
            rows, cols = xlsx_extent(stream)
        if not rows:
            continue  # styles, themes, strings: no cells to lay out
        if rows * cols > MAX_GRID:
            raise Refused(f"a sheet spans {rows} rows × {cols} columns, more than {MAX_GRID} cells")
        grid += rows * cols
    if grid > MAX_GRID:  # calamine may lay out every sheet before one is read
        raise Refused(f"more than {MAX_GRID} cells")


_ODS_ROW = re.compile(
    rb"<table:table-row\b([^>]*?)(/?)>(.*?)(?:</table:table-row>|(?=<table:table-row\b)|$)", re.S
)
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/?)>")
_ODS_ROWS_REPEATED = re.compile(rb"number-rows-repeated\s*=\s*[\"']\s*([0-9]{1,12})")
_ODS_COLS_REPEATED = re.compile(rb"number-columns-repeated\s*=\s*[\"']\s*([0-9]{1,12})")
_ODS_TABLE = re.compile(rb"<table:table[\s>]")


def ods_extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) the largest sheet's grid spans."""
    return max(ods_extents(xml), key=lambda e: e[0] * e[1], default=(0, 0))


def ods_extents(xml: bytes) -> list[tuple[int, int]]:
    """(rows, columns) each sheet's grid spans, counting repeats up to the last cell that
    holds something (empty trailing repeats, which LibreOffice writes, span nothing)."""
    out = []
    for sheet in _ODS_TABLE.split(xml)[1:]:
        rows = cols = 0
        row_no = 0
        for m in _ODS_ROW.finditer(sheet):
            rep = _ODS_ROWS_REPEATED.search(m.group(1))
            times = int(rep.group(1)) if rep else 1
            body = m.group(3) if not m.group(2) else b""
            width = 0
            col_no = 0
            for c in _ODS_CELL.finditer(body):
                crep = _ODS_COLS_REPEATED.search(c.group(1))
                span = int(crep.group(1)) if crep else 1
                filled = not c.group(2) or b"value" in c.group(1)
                col_no += span
                if filled:
                    width = col_no
            row_no += times
            if width:
                rows = row_no
                cols = max(cols, width)
        out.append((rows, cols))
    return out


def _check_ods(zf: zipfile.ZipFile) -> None:
    info = next((i for i in zf.infolist() if i.filename.lower() == "content.xml"), None)
    if info is None:
        return
    if info.file_size > MAX_SHEET_XML:
        raise Refused(f"{info.file_size} bytes of XML, more than {MAX_SHEET_XML}")
    _not_a_bomb(info)
    _refuse_large(ods_extents(zf.read(info)))


def _refuse_large(extents: list[tuple[int, int]]) -> None:
    """A sheet, or all of them together, too large to lay out (calamine lays out every sheet
    of an ods or xls workbook when it opens it)."""
    for rows, cols in extents:
        if rows * cols > MAX_GRID:
            raise Refused(f"a sheet spans {rows} rows × {cols} columns, more than {MAX_GRID} cells")
    if sum(r * c for r, c in extents) > MAX_GRID:
        raise Refused(f"more than {MAX_GRID} cells")


# BIFF8 cell records: LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA, BLANK, MULBLANK, BOOLERR
_CELL_RECORDS = frozenset({0x00FD, 0x0204, 0x0203, 0x027E, 0x00BD, 0x0006, 0x0201, 0x00BE, 0x0205})
_MULTI = frozenset({0x00BD, 0x00BE})
_FILEPASS = 0x002F


_BOUNDSHEET = 0x0085
_EOF = 0x000A


def xls_extents(stream: bytes) -> list[tuple[int, int]]:
    """(rows, columns) each sheet spans, each read from where the workbook's sheet records
    say it starts — where calamine reads it, whatever stands before."""
    unpack = struct.unpack_from
    starts: list[int] = []
    pos, end = 0, len(stream)
    while pos + 4 <= end:  # the workbook globals, up to their end
        typ, size = unpack("<HH", stream, pos)
        if typ == _FILEPASS:
            raise Refused("encrypted workbook")
        if typ == _BOUNDSHEET and size >= 4 and pos + 8 <= end:
            starts.append(unpack("<I", stream, pos + 4)[0])
        pos += 4 + size
        if typ == _EOF:
            break
    out = []
    for start in starts[: MAX_SHEETS * 4]:
        rows = cols = 0
        pos = start
        while pos + 4 <= end:
            typ, size = unpack("<HH", stream, pos)
            body = pos + 4
            if typ in _CELL_RECORDS and size >= 4 and body + 4 <= end:
                r, c = unpack("<HH", stream, body)
                if typ in _MULTI and size >= 6 and body + size <= end:
                    (c_last,) = unpack("<H", stream, body + size - 2)
                    c = max(c, c_last)
                rows, cols = max(rows, r + 1), max(cols, c + 1)
            pos = body + size
            if typ == _EOF:
                break
        out.append((rows, cols))
    return out


def _check_xls(data: bytes) -> None:
    import olefile  # type: ignore[import-untyped]

    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError) as exc:
        raise Refused(f"unreadable workbook ({type(exc).__name__})") from exc
    with ole:
        name = "Workbook" if ole.exists("Workbook") else "Book" if ole.exists("Book") else None
        if name is None:
            raise Refused("not a workbook")
        stream = ole.openstream(name).read()
    _refuse_large(xls_extents(stream))


# --- reading ---------------------------------------------------------------------------------


def _text(v: object) -> str:
    if type(v) is str:
        return clip(v)
    if type(v) is float:
        return str(int(v)) if v.is_integer() and abs(v) < 1e17 else repr(v)
    if type(v) is bool:
        return "TRUE" if v else "FALSE"
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    return str(v)


def read_workbook(location: str, data: bytes, kind: str, out: Tables | None = None) -> Tables:
    """Every sheet of a workbook (``kind`` xlsx, xlsm, xlsb, xls or ods) as tables named
    ``location!sheet``; what cannot be read is a problem with its reason, never an error."""
    out = out if out is not None else Tables()
    try:
        if kind == "xls":
            _check_xls(data)
        elif kind == "xlsb":  # its sheets' extent cannot be read before calamine lays them out
            raise Refused("binary workbook (xlsb) not read")
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                # both, whatever the kind: calamine tells the format from the content itself
                _check_ods(zf)
                _check_xlsx(zf)
    except Refused as exc:
        out.problems.append((location, str(exc)))
        return out
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        out.problems.append((location, f"broken workbook ({type(exc).__name__})"))
        return out
    _read_sheets(location, data, out)
    return out


def _read_sheets(location: str, data: bytes, out: Tables) -> None:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError:
        out.problems.append((location, "encrypted workbook"))
        return
    except Exception as exc:  # calamine's errors are many and not all exported
        out.problems.append((location, f"unreadable workbook ({type(exc).__name__})"))
        return
    with wb:
        sheets = [s for s in wb.sheets_metadata if s.typ == pc.SheetTypeEnum.WorkSheet]
        if len(sheets) > MAX_SHEETS:
            out.problems.append(
                (location, f"{len(sheets)} sheets, more than {MAX_SHEETS}: the rest not read")
            )
            sheets = sheets[:MAX_SHEETS]
        for meta in sheets:
            where = f"{location}!{meta.name}"
            if out.cells >= MAX_CELLS:
                out.problems.append((where, f"more than {MAX_CELLS} cells"))
                break
            try:
                sheet = wb.get_sheet_by_name(meta.name)
                start = sheet.start or (0, 0)
                # row by row: the sheet is not held twice
                rows = [
                    [v if type(v) is str and len(v) <= MAX_CELL else _text(v) for v in row]
                    for row in sheet.iter_rows()
                ]
            except Exception as exc:
                out.problems.append((where, f"unreadable sheet ({type(exc).__name__})"))
                continue
            # iter_rows starts at the sheet's first column but (in some versions) at its row 1
            first_row = start[0] if len(rows) == sheet.height else 0
            first_col = start[1] if not rows or len(rows[0]) == sheet.width else 0
            if not out.add(Table(where, rows, first_row=first_row, first_col=first_col)):
                break
