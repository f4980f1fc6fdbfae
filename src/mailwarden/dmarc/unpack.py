"""Find reports in whatever they arrive in, by content, never by name.

Files, directories (maildir included), mbox, MIME messages (``multipart/report`` too),
gzip and zip are opened as streams under :class:`Limits`: input size, decompressed size,
expansion ratio, zip members and nesting depth. Each report found is a :class:`Payload`
whose ``open()`` gives a fresh decompressing stream, so a report is parsed without being
held in memory.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import IO, Protocol

from ..core.errors import ReportRejected
from ..core.i18n import gettext


@dataclass(frozen=True)
class Limits:
    max_input_bytes: int = 200 * 1024 * 1024
    max_decompressed_bytes: int = 4 * 1024 * 1024 * 1024
    #: decompressed ÷ compressed, checked once 1 MiB has come out (bombs run at 1000:1 and more)
    max_ratio: int = 200
    max_zip_members: int = 50
    max_depth: int = 5
    max_message_bytes: int = 50 * 1024 * 1024


DEFAULT_LIMITS = Limits()
SMALL_FILE = 1024 * 1024

#: Kinds of payload the parsers take.
AGGREGATE, TLS, FAILURE = "aggregate", "tls", "failure"


@dataclass
class Payload:
    kind: str  # aggregate | tls | failure
    origin: str
    open: Callable[[], IO[bytes]]
    #: the report as received, compressed (gzip) for audit
    raw: Callable[[], bytes]
    notes: list[str] = field(default_factory=list)


@dataclass
class Unreadable:
    """Something that held no report, or could not be opened: a clean rejection."""

    origin: str
    reason: str


Found = Payload | Unreadable


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


class BoundedReader(io.RawIOBase):
    """Counts what a decompressor yields; stops at the size and ratio caps."""

    def __init__(self, inner: _Readable, compressed_size: Callable[[], int], limits: Limits) -> None:
        self.inner = inner
        self.compressed_size = compressed_size
        self.limits = limits
        self.total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(len(b))
        n = len(data)
        b[:n] = data
        self.total += n
        if self.total > self.limits.max_decompressed_bytes:
            raise ReportRejected(
                gettext("decompressed size over the limit of {limit} bytes").format(
                    limit=self.limits.max_decompressed_bytes
                )
            )
        if self.total > 1024 * 1024:
            compressed = max(1, self.compressed_size())
            if self.total / compressed > self.limits.max_ratio:
                raise ReportRejected(
                    gettext("expansion ratio over {ratio}:1 (a compression bomb?)").format(
                        ratio=self.limits.max_ratio
                    )
                )
        return n

    def close(self) -> None:
        self.inner.close()
        super().close()


class Gunzip(io.RawIOBase):
    """Streaming gunzip of one or more members; bytes after the last member are ignored
    (and noted) instead of failing, as some senders append a line break (Mimecast)."""

    def __init__(self, inner: IO[bytes], notes: list[str]) -> None:
        self.inner = inner
        self.notes = notes
        self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.done = False

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self.done:
            data = self.z.decompress(self.z.unconsumed_tail, len(b)) if self.z.unconsumed_tail else b""
            if not data:
                if self.z.eof:
                    rest = self.z.unused_data + self.inner.read(4096)
                    if rest[:2] == b"\x1f\x8b":
                        self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
                        data = self.z.decompress(rest, len(b))
                    else:
                        self.done = True
                        if rest.strip(b"\x00"):
                            note = gettext("bytes after the gzip data were ignored")
                            if note not in self.notes:
                                self.notes.append(note)
                        return 0
                else:
                    chunk = self.inner.read(65536)
                    if not chunk:
                        raise EOFError(gettext("truncated gzip data"))
                    data = self.z.decompress(chunk, len(b))
            if data:
                n = len(data)
                b[:n] = data
                return n
        return 0

    def close(self) -> None:
        self.inner.close()
        super().close()


def sniff(head: bytes) -> str:
    h = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if h[:2] == b"\x1f\x8b":
        return "padded-gzip"
    if head[:4] == b"PK\x03\x04":
        return "zip"
    if h[:1] == b"<":
        return "xml"
    if h[:1] in (b"{", b"["):
        return "json"
    if head.startswith(b"From ") and b"\n" in head:
        return "mbox"
    if re.match(rb"^[A-Za-z0-9-]{1,76}:[ \t]", head):
        return "mime"
    return "unknown"


def _bytes_opener(data: bytes) -> Callable[[], IO[bytes]]:
    return lambda: io.BytesIO(data)


def _gz_of(data: bytes) -> Callable[[], bytes]:
    return lambda: _gz(data)


def _gz(data: bytes) -> bytes:
    import gzip

    # level 3: half the time of level 6 for a copy ~20 % larger; it is kept for audit only
    return data if data[:2] == b"\x1f\x8b" else gzip.compress(data, 3)


class Unpacker:
    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    # -- entry points -----------------------------------------------------------
    @staticmethod
    def files(path: Path) -> Iterator[Path]:
        """The files ``from_path`` reads for ``path``: itself, or a directory's files."""
        if not path.is_dir():
            yield path
            return
        for child in sorted(path.rglob("*")):
            # maildir tmp/ holds messages still being written
            in_maildir_tmp = child.parent.name == "tmp" and (child.parent.parent / "cur").is_dir()
            if child.is_file() and not child.name.startswith(".") and not in_maildir_tmp:
                yield child

    def from_path(self, path: Path) -> Iterator[Found]:
        if path.is_dir():
            for child in self.files(path):
                yield from self.from_path(child)
            return
        try:
            st = path.stat()
        except OSError as exc:
            yield Unreadable(str(path), str(exc))
            return
        if not stat.S_ISREG(st.st_mode):
            # /dev/urandom or a FIFO would never end: only regular files are read
            yield Unreadable(str(path), gettext("not a regular file"))
            return
        size = st.st_size
        if size > self.limits.max_input_bytes:
            yield Unreadable(
                str(path), gettext("file larger than {limit} bytes").format(limit=self.limits.max_input_bytes)
            )
            return
        if size <= SMALL_FILE:
            # read once: sniffing, parsing and the audit copy then share the bytes
            data = path.read_bytes()
            yield from self._dispatch(str(path), _bytes_opener(data), size, depth=0)
            return
        yield from self._dispatch(str(path), lambda: path.open("rb"), size, depth=0)

    def from_bytes(self, origin: str, data: bytes) -> Iterator[Found]:
        if len(data) > self.limits.max_input_bytes:
            yield Unreadable(
                origin, gettext("input larger than {limit} bytes").format(limit=self.limits.max_input_bytes)
            )
            return
        yield from self._dispatch(origin, lambda: io.BytesIO(data), len(data), depth=0)

    # -- dispatch by content ----------------------------------------------------------
    def _dispatch(
        self,
        origin: str,
        opener: Callable[[], IO[bytes]],
        size: int,
        depth: int,
        raw: Callable[[], bytes] | None = None,
    ) -> Iterator[Found]:
        """``raw``: the input's compressed copy when it comes cheaper than re-reading it."""
        if depth > self.limits.max_depth:
            yield Unreadable(
                origin, gettext("nested deeper than {depth} levels").format(depth=self.limits.max_depth)
            )
            return
        with opener() as fh:
            head = fh.read(4096)
        kind = sniff(head)
        if size == 0 or not head.strip():
            yield Unreadable(origin, gettext("empty input"))
        elif kind == "gzip":
            yield from self._gzip(origin, opener, size, depth)
        elif kind == "padded-gzip":
            # Blank lines before the gzip magic (seen from Mimecast): trim them, note it.
            data = _read_all(opener, self.limits).lstrip()
            for found in self._gzip(origin, lambda: io.BytesIO(data), len(data), depth):
                if isinstance(found, Payload):
                    found.notes.append(gettext("blank lines before the gzip data were removed"))
                yield found
        elif kind == "zip":
            yield from self._zip(origin, opener, depth)
        elif kind == "xml":
            yield Payload(AGGREGATE, origin, opener, raw or (lambda: _gz(_read_all(opener, self.limits))))
        elif kind == "json":
            yield Payload(TLS, origin, opener, raw or (lambda: _gz(_read_all(opener, self.limits))))
        elif kind == "mbox":
            yield from self._mbox(origin, opener, size, depth)
        elif kind == "mime":
            yield from self._message(
                origin, _read_all(opener, self.limits, self.limits.max_message_bytes), depth
            )
        else:
            yield Unreadable(origin, gettext("not a report: neither XML, JSON, gzip, zip nor mail"))

    def _gzip(self, origin: str, opener: Callable[[], IO[bytes]], size: int, depth: int) -> Iterator[Found]:
        notes: list[str] = []

        def open_inner() -> IO[bytes]:
            raw = opener()
            gz = Gunzip(raw, notes)
            return io.BufferedReader(BoundedReader(gz, raw.tell, self.limits), 1 << 16)

        try:
            with open_inner() as fh:
                head = fh.read(4096)
        except (OSError, EOFError, zlib.error) as exc:
            yield Unreadable(origin, gettext("broken gzip: {error}").format(error=exc))
            return
        except ReportRejected as exc:
            yield Unreadable(origin, str(exc))
            return
        kind = sniff(head)
        inner_origin = origin + "!gunzip"
        if kind == "xml":
            yield Payload(AGGREGATE, inner_origin, open_inner, lambda: _read_all(opener, self.limits), notes)
        elif kind == "json":
            yield Payload(TLS, inner_origin, open_inner, lambda: _read_all(opener, self.limits), notes)
        else:
            yield from self._dispatch(inner_origin, open_inner, size, depth + 1)

    def _zip(self, origin: str, opener: Callable[[], IO[bytes]], depth: int) -> Iterator[Found]:
        try:
            with opener() as fh:
                whole = fh.read(self.limits.max_input_bytes + 1)
                zf = zipfile.ZipFile(io.BytesIO(whole))
                infos = [i for i in zf.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            yield Unreadable(origin, gettext("broken zip: {error}").format(error=exc))
            return
        if len(infos) > self.limits.max_zip_members:
            yield Unreadable(
                origin,
                gettext("zip with {count} members (limit {limit})").format(
                    count=len(infos), limit=self.limits.max_zip_members
                ),
            )
            return
        for info in infos:
            member_origin = f"{origin}!{info.filename}"
            if info.flag_bits & 0x1:
                yield Unreadable(member_origin, gettext("encrypted zip member"))
                continue
            if info.file_size > self.limits.max_decompressed_bytes or (
                info.compress_size
                and info.file_size / info.compress_size > self.limits.max_ratio
                and info.file_size > 1024 * 1024
            ):
                yield Unreadable(
                    member_origin,
                    gettext("expansion ratio over {ratio}:1 (a compression bomb?)").format(
                        ratio=self.limits.max_ratio
                    ),
                )
                continue

            def open_member(info: zipfile.ZipInfo = info) -> IO[bytes]:
                member = zf.open(info)
                return io.BufferedReader(
                    BoundedReader(member, lambda: max(info.compress_size, 1), self.limits), 1 << 16
                )

            raw = None
            if info.compress_type == zipfile.ZIP_DEFLATED:

                def raw(info: zipfile.ZipInfo = info) -> bytes:
                    return _gzip_of_member(whole, info)

            try:
                yield from self._dispatch(member_origin, open_member, info.file_size, depth + 1, raw)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                yield Unreadable(member_origin, gettext("broken zip: {error}").format(error=exc))

    def _mbox(self, origin: str, opener: Callable[[], IO[bytes]], size: int, depth: int) -> Iterator[Found]:
        data = _read_all(opener, self.limits)
        # Split on the mbox separator line ("From " at the start of a line after a blank one).
        parts = re.split(rb"(?:^|\n)From [^\n]*\n", data)
        messages = [p for p in parts if p.strip()]
        if not messages:
            yield Unreadable(origin, gettext("empty mailbox"))
        for i, msg in enumerate(messages, 1):
            yield from self._message(f"{origin}#{i}", msg, depth + 1)

    def _message(self, origin: str, data: bytes, depth: int) -> Iterator[Found]:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        found = False
        for kind, part_origin, payload in _report_parts(msg, origin):
            found = True
            opener = _bytes_opener(payload)
            if kind == FAILURE:
                yield Payload(FAILURE, part_origin, opener, _gz_of(payload))
            else:
                yield from self._dispatch(part_origin, opener, len(payload), depth + 1)
        if not found:
            yield Unreadable(origin, gettext("mail without a report attached"))


_REPORT_TYPES = (
    "application/gzip",
    "application/x-gzip",
    "application/zip",
    "application/x-zip-compressed",
    "application/x-zip",
    "text/xml",
    "application/xml",
    "application/tlsrpt+gzip",
    "application/tlsrpt+json",
    "application/json",
    "application/octet-stream",
)


FAILURE_SUBJECT = re.compile(r"\bDMARC\s+(?:Forensic|Failure)\s+Report\b", re.IGNORECASE)


def _report_parts(msg: Message, origin: str) -> Iterator[tuple[str, str, bytes]]:
    """(kind hint, origin, bytes) of each part that may hold a report."""
    arf = any(p.get_content_type() == "message/feedback-report" for p in msg.walk())
    if arf or FAILURE_SUBJECT.search(str(msg.get("Subject", ""))):
        # ARF (also inside multipart/mixed, as NetEase sends it) or a plain-text variant.
        yield FAILURE, origin, msg.as_bytes()
        return
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        name = part.get_filename() or ""
        if ctype in _REPORT_TYPES or re.search(r"\.(xml|gz|zip|json)$", name, flags=re.IGNORECASE):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                yield "auto", f"{origin}/{name or ctype}#{i}", payload


def _gzip_of_member(whole: bytes, info: zipfile.ZipInfo) -> bytes:
    """A deflated zip member as a gzip file, without decompressing it: the same raw deflate
    stream between a gzip header and a trailer made of the member's CRC-32 and size."""
    at = info.header_offset
    if whole[at : at + 4] != b"PK\x03\x04":
        raise ReportRejected(gettext("broken zip: {error}").format(error="bad local header"))
    name_len, extra_len = struct.unpack("<HH", whole[at + 26 : at + 30])
    start = at + 30 + name_len + extra_len
    body = whole[start : start + info.compress_size]
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    return header + body + struct.pack("<II", info.CRC, info.file_size & 0xFFFFFFFF)


def _read_all(opener: Callable[[], IO[bytes]], limits: Limits, cap: int | None = None) -> bytes:
    limit = cap or limits.max_input_bytes
    with opener() as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ReportRejected(gettext("larger than {limit} bytes").format(limit=limit))
    return data
