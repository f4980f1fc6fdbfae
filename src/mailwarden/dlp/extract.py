"""What a message says, as text with a location — headers, bodies and attachments (txt, docx,
pptx, pdf, zip with cp932 names, nested to a bounded depth) — and as tables, every cell its
own text: spreadsheets (xlsx, xlsm, xls, ods), CSV and TSV, the tables of Word, PowerPoint
and PDF files, HTML tables and tab- or comma-separated rows in bodies (tables.py). What
cannot be read — encrypted archives and Office files, anything over a limit — is
*unscannable*, a condition a policy can act on, never a silent pass."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from ..core.htmltext import html_text
from ..core.message import ParsedMessage, decode_bytes
from .office import read_ooxml
from .pdftables import page_tables, placed_lines, placed_tables
from .sheets import read_workbook
from .tables import (
    MAX_CELL,
    Table,
    Tables,
    decode_delimited,
    html_tables,
    parse_delimited,
    text_body_tables,
    was_cut,
)

MAX_TEXT = 5_000_000  # characters taken from one part
# characters of a CSV or TSV file: the list is the file, so it is read whole (an attachment
# is 20 MB at most, Limits.max_attachment_bytes); its cells are bounded by tables.MAX_CELLS
MAX_DELIMITED = 24_000_000
MAX_MEMBER = 20 * 1024 * 1024
MAX_MEMBERS = 500
MAX_DEPTH = 3
MAX_RATIO = 100
MAX_PDF_PAGES = 200
HEADERS = ("subject", "from", "to", "cc", "reply-to")


@dataclass
class Content:
    parts: list[tuple[str, str]] = field(default_factory=list)  # (location, text)
    unscannable: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    tables: list[Table] = field(default_factory=list)


def content_of(msg: ParsedMessage) -> Content:
    out = Content()
    for name in HEADERS:
        for value in msg.header_all(name):
            out.parts.append((f"header:{name}", value))
    for i, text in enumerate(msg.texts):
        loc = f"body:text{i + 1}"
        if len(text) > MAX_TEXT:
            out.unscannable.append((loc, _cut(MAX_TEXT)))
        rest, tables = text_body_tables(loc, text[:MAX_TEXT])
        out.parts.append((loc, rest))
        out.tables.extend(tables)
    for i, page in enumerate(msg.htmls):
        loc = f"body:html{i + 1}"
        if len(page) > MAX_TEXT:
            out.unscannable.append((loc, _cut(MAX_TEXT)))
        rest, tables = html_tables(loc, page[:MAX_TEXT])
        out.parts.append((loc, html_text(rest)))
        out.tables.extend(tables)
    for reason in msg.uninspected:
        out.unscannable.append(("message", reason))
    for att in msg.attachments:
        name = att.filename or "(unnamed)"
        if att.truncated:
            out.unscannable.append((f"attachment:{name}", "larger than the inspection limit"))
            continue
        for loc, item in _file(f"attachment:{name}", name, att.data, 0):
            if isinstance(item, _Unscannable):
                out.unscannable.append((loc, item.reason))
            elif isinstance(item, Table):
                out.tables.append(item)
            else:
                out.parts.append((loc, item))
    for t in out.tables:
        if any(map(was_cut, chain.from_iterable(t.rows))):
            out.unscannable.append((t.location, f"a cell of more than {MAX_CELL} characters cut"))
    return out


def _cut(limit: int) -> str:
    return f"cut at {limit} characters: the rest not read"


@dataclass
class _Unscannable:
    reason: str


Item = str | _Unscannable | Table
_DELIMITED = (".csv", ".tsv", ".tab")


def _tables(loc: str, found: Tables) -> Iterator[tuple[str, Item]]:
    for where, reason in found.problems:
        yield where, _Unscannable(reason)
    for t in found.tables:
        yield t.location, t


def _ole(loc: str, data: bytes) -> Iterator[tuple[str, Item]]:
    """A Compound File: a legacy Excel workbook is read; an encrypted Office file (of any
    kind) or a legacy Word or PowerPoint file is not."""
    import olefile  # type: ignore[import-untyped]

    try:
        with olefile.OleFileIO(data) as ole:
            workbook = ole.exists("Workbook") or ole.exists("Book")
            encrypted = ole.exists("EncryptionInfo")
    except (OSError, ValueError):
        yield loc, _Unscannable("unreadable Office file")
        return
    if encrypted:
        yield loc, _Unscannable("encrypted Office file")
    elif workbook:
        yield from _tables(loc, read_workbook(loc, data, "xls"))
    else:
        yield loc, _Unscannable("legacy Office file")


def _file(loc: str, name: str, data: bytes, depth: int) -> Iterator[tuple[str, Item]]:
    low = name.lower()
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        yield from _ole(loc, data)
        return
    if data[:4] == b"PK\x03\x04":
        yield from _zip(loc, data, depth)
        return
    if data[:5] == b"%PDF-":
        yield from _pdf(loc, data)
        return
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") and not low.endswith(_DELIMITED):
        data = decode_delimited(data[: MAX_TEXT * 4]).encode("utf-8")  # UTF-16 text: read as text
    if low.endswith(_DELIMITED):
        text = decode_delimited(data[: MAX_DELIMITED * 4])
        if len(text) > MAX_DELIMITED or len(data) > MAX_DELIMITED * 4:
            yield loc, _Unscannable(_cut(MAX_DELIMITED))
        text = text[:MAX_DELIMITED]
        yield from _tables(loc, parse_delimited(loc, text, "\t" if not low.endswith(".csv") else None))
        return
    if low.endswith((".txt", ".log", ".md", ".json", ".xml", ".html", ".htm", ".eml")) or (
        b"\x00" not in data[:4096]
    ):
        text, _ = decode_bytes(data[: MAX_TEXT * 2], None)
        if len(text) > MAX_TEXT or len(data) > MAX_TEXT * 2:
            yield loc, _Unscannable(_cut(MAX_TEXT))
        if low.endswith((".html", ".htm")):
            text, tables = html_tables(loc, text[:MAX_TEXT])
            text = html_text(text)
        else:
            text, tables = text_body_tables(loc, text[:MAX_TEXT])
        yield loc, text[:MAX_TEXT]
        for t in tables:
            yield t.location, t
        return
    yield loc, _Unscannable("binary content of an unknown kind")


def _member_name(info: zipfile.ZipInfo) -> str:
    # without the UTF-8 flag, Japanese zips carry cp932 names that zipfile read as cp437
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("cp932")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _zip(loc: str, data: bytes, depth: int) -> Iterator[tuple[str, Item]]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        yield loc, _Unscannable("broken zip")
        return
    names = {i.filename for i in infos}
    if any(i.flag_bits & 0x1 for i in infos):
        yield loc, _Unscannable("encrypted archive")
        return
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:  # Excel
        yield from _tables(loc, read_workbook(loc, data, "xlsb" if "xl/workbook.bin" in names else "xlsx"))
        return
    if "mimetype" in names and zf.read("mimetype")[:80].strip() == _ODS:
        yield from _tables(loc, read_workbook(loc, data, "ods"))
        return
    if "[Content_Types].xml" in names:  # Word, PowerPoint or another Office Open XML document
        try:
            text, tables, problems = read_ooxml(loc, zf, infos, MAX_MEMBER)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
            yield loc, _Unscannable("unreadable Office file")
            return
        if len(text) > MAX_TEXT:
            yield loc, _Unscannable(_cut(MAX_TEXT))
        yield loc, text[:MAX_TEXT]
        for where, reason in problems:
            yield where, _Unscannable(reason)
        for t in tables:
            yield t.location, t
        return
    if len(infos) > MAX_MEMBERS:
        yield loc, _Unscannable(f"{len(infos)} members, more than {MAX_MEMBERS}")
        infos = infos[:MAX_MEMBERS]
    for info in infos:
        member = f"{loc}!{_member_name(info)}"
        if depth >= MAX_DEPTH:
            yield member, _Unscannable("archives nested too deep")
            continue
        too_big = info.file_size > MAX_MEMBER
        bomb = info.compress_size and info.file_size / max(info.compress_size, 1) > MAX_RATIO
        if too_big or (bomb and info.file_size > 1 << 20):
            yield member, _Unscannable("too large or too compressed to open")
            continue
        try:
            inner = zf.read(info)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
            yield member, _Unscannable("unreadable member")
            continue
        yield from _file(member, _member_name(info), inner, depth + 1)


_ODS = b"application/vnd.oasis.opendocument.spreadsheet"


def _pdf(loc: str, data: bytes) -> Iterator[tuple[str, Item]]:
    """The text of each page and its tables, from where each piece of text stands
    (pdftables.py)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs ("EOF marker not found") to stderr, in English, around the
    # command's own output; what cannot be read is reported as unscannable instead
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            yield loc, _Unscannable("encrypted PDF")
            return
        pages: list[str] = []
        tables: list[Table] = []
        total = 0
        if len(reader.pages) > MAX_PDF_PAGES:
            pages_over = f"{len(reader.pages)} pages, more than {MAX_PDF_PAGES}: the rest not read"
            yield loc, _Unscannable(pages_over)
        for n, page in enumerate(reader.pages[:MAX_PDF_PAGES], 1):
            where = f"{loc}!page{n}"
            try:  # each piece of text where it stands on the page
                text, found = placed_tables(where, placed_lines(page))
            except (ValueError, KeyError, TypeError, ZeroDivisionError, IndexError, AttributeError):
                text, found = "", []
            if not text and not found:  # no placed text: as laid out with spaces
                try:
                    laid_out = page.extract_text(extraction_mode="layout") or ""
                except (ValueError, KeyError, TypeError, ZeroDivisionError, IndexError):
                    laid_out = page.extract_text() or ""  # the plain reading, where layout fails
                text, found = page_tables(where, laid_out)
            pages.append(text)
            tables.extend(found)
            total += len(text) + sum(len(c) for t in found for r in t.rows for c in r)
            if total > MAX_TEXT:
                break
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError, AttributeError) as exc:
        yield loc, _Unscannable(f"unreadable PDF ({type(exc).__name__})")
        return
    text = "\n".join(pages)
    if total > MAX_TEXT and (len(text) > MAX_TEXT or len(pages) < min(len(reader.pages), MAX_PDF_PAGES)):
        yield loc, _Unscannable(_cut(MAX_TEXT))  # pages or text left unread
    yield loc, text[:MAX_TEXT]
    for t in tables:
        yield t.location, t
