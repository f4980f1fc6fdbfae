"""What a message says, as text with a location: headers, bodies and attachments (txt/csv,
docx/xlsx/pptx, pdf, zip with cp932 names, nested to a bounded depth). What cannot be read —
encrypted archives and Office files, anything over a limit — is *unscannable*, a condition
a policy can act on, never a silent pass."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..core.htmltext import html_text
from ..core.message import ParsedMessage, decode_bytes

MAX_TEXT = 5_000_000  # characters taken from one part
MAX_MEMBER = 20 * 1024 * 1024
MAX_MEMBERS = 500
MAX_DEPTH = 3
MAX_RATIO = 100
_XML_TEXT = re.compile(rb"<(?:w:t|a:t|t|v)(?:\s[^>]*)?>([^<]*)</(?:w:t|a:t|t|v)>")
HEADERS = ("subject", "from", "to", "cc", "reply-to")


@dataclass
class Content:
    parts: list[tuple[str, str]] = field(default_factory=list)  # (location, text)
    unscannable: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)


def content_of(msg: ParsedMessage) -> Content:
    out = Content()
    for name in HEADERS:
        for value in msg.header_all(name):
            out.parts.append((f"header:{name}", value))
    for i, text in enumerate(msg.texts):
        out.parts.append((f"body:text{i + 1}", text[:MAX_TEXT]))
    for i, page in enumerate(msg.htmls):
        out.parts.append((f"body:html{i + 1}", html_text(page[:MAX_TEXT])))
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
            else:
                out.parts.append((loc, item))
    return out


@dataclass
class _Unscannable:
    reason: str


def _file(loc: str, name: str, data: bytes, depth: int) -> Iterator[tuple[str, str | _Unscannable]]:
    low = name.lower()
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        yield loc, _Unscannable("encrypted or legacy Office file")
        return
    if data[:4] == b"PK\x03\x04":
        yield from _zip(loc, data, depth)
        return
    if data[:5] == b"%PDF-":
        yield from _pdf(loc, data)
        return
    if low.endswith((".txt", ".csv", ".tsv", ".log", ".md", ".json", ".xml", ".html", ".htm", ".eml")) or (
        b"\x00" not in data[:4096]
    ):
        text, _ = decode_bytes(data[: MAX_TEXT * 2], None)
        if low.endswith((".html", ".htm")):
            text = html_text(text)
        yield loc, text[:MAX_TEXT]
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


def _zip(loc: str, data: bytes, depth: int) -> Iterator[tuple[str, str | _Unscannable]]:
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
    if "[Content_Types].xml" in names:  # an Office Open XML document
        text: list[str] = []
        for info in infos:
            if info.filename.endswith(".xml") and info.file_size <= MAX_MEMBER:
                text.extend(t.decode("utf-8", "replace") for t in _XML_TEXT.findall(zf.read(info)))
        yield loc, html.unescape(" ".join(text))[:MAX_TEXT]
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


def _pdf(loc: str, data: bytes) -> Iterator[tuple[str, str | _Unscannable]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            yield loc, _Unscannable("encrypted PDF")
            return
        pages = []
        total = 0
        for page in reader.pages[:200]:
            text = page.extract_text() or ""
            pages.append(text)
            total += len(text)
            if total > MAX_TEXT:
                break
        yield loc, "\n".join(pages)[:MAX_TEXT]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError, AttributeError) as exc:
        yield loc, _Unscannable(f"unreadable PDF ({type(exc).__name__})")
