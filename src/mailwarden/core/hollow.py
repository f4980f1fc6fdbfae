"""Large MIME bodies read straight from the raw bytes, in blocks.

The stdlib parser holds several copies of every body it reads — the bytes as text, its lines,
the joined payload, the payload encoded again to be decoded — so a 95 MB message took most of
a gigabyte to parse. Before parsing, :func:`hollow` cuts every large leaf body it can place
for certain out of what the parser sees, leaving a marker in its place; the walk over the
parts then decodes such a body from the original bytes in blocks (:meth:`Holes.decode`),
keeping only what inspection uses and hashing the whole. The original bytes are never copied.

Bodies placed: a base64 body that follows a part's header block and runs, in base64
characters only, to the next line that begins with ``--`` (a base64 body cannot hold a
``-``) or to the end; and the whole body of a message that is not multipart. Anything else
(a large quoted-printable part inside a multipart, say) goes to the parser as before.
"""

from __future__ import annotations

import binascii
import hashlib
import quopri
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field

#: bodies at least this large are cut out; messages smaller than this are left alone
HOLLOW_MIN = 1 << 20
#: header blocks looked at, at most (each after a line beginning ``--``)
MAX_HEADS = 5000
#: a part's header block longer than this is not looked at
MAX_HEAD = 64 * 1024
BLOCK = 1 << 22

_BLANK = re.compile(rb"\r?\n\r?\n")
_CTE = re.compile(rb"^content-transfer-encoding:[ \t]*\"?([A-Za-z0-9_-]+)", re.I | re.M)
_CTYPE = re.compile(rb"^content-type:[ \t]*\"?([A-Za-z0-9_.+-]+/[A-Za-z0-9_.+-]+)", re.I | re.M)
_NOT_B64 = re.compile(rb"[^A-Za-z0-9+/=\r\n \t]")
_WHITESPACE = b" \t\r\n"


@dataclass
class Decoded:
    """A body decoded from the raw bytes: its first ``keep`` bytes, full size and SHA-256."""

    data: bytes
    size: int
    sha256: str

    @property
    def truncated(self) -> bool:
        return len(self.data) < self.size


@dataclass
class Holes:
    raw: bytes
    marker: str
    ranges: list[tuple[int, int]] = field(default_factory=list)

    def find(self, payload: object) -> tuple[int, int] | None:
        """The range a part's (undecoded) payload stands for, if it is a marker."""
        if not isinstance(payload, str) or not payload.startswith(self.marker):
            return None
        index = payload[len(self.marker) :].strip()
        if not index.isdigit() or int(index) >= len(self.ranges):
            return None
        return self.ranges[int(index)]

    def decode(self, where: tuple[int, int], cte: str, keep: int) -> Decoded:
        start, end = where
        digest = hashlib.sha256()
        kept = bytearray()
        size = 0
        for block in _decoded_blocks(self.raw, start, end, cte.lower().strip()):
            digest.update(block)
            size += len(block)
            if len(kept) < keep:
                kept += block[: keep - len(kept)]
        return Decoded(bytes(kept), size, digest.hexdigest())


def _decoded_blocks(raw: bytes, start: int, end: int, cte: str) -> Iterator[bytes]:
    """The body's decoded bytes, a block at a time (blocks end at line ends in the raw)."""
    pos = start
    carry = b""
    view = memoryview(raw)
    while pos < end:
        stop = min(pos + BLOCK, end)
        if stop < end:
            nl = raw.rfind(b"\n", pos, stop)
            stop = nl + 1 if nl > pos else stop
        chunk = bytes(view[pos:stop])
        pos = stop
        if cte == "base64":
            text = carry + chunk.translate(None, _WHITESPACE)
            whole = len(text) // 4 * 4
            carry = text[whole:]
            if whole:
                yield _b64(text[:whole])
        elif cte == "quoted-printable":
            yield quopri.decodestring(chunk)
        else:
            yield chunk
    if carry:
        yield _b64(carry + b"=" * (-len(carry) % 4))


def _b64(text: bytes) -> bytes:
    try:
        return binascii.a2b_base64(text)
    except binascii.Error:  # stray padding inside: what the characters up to it say
        out = bytearray()
        for i in range(0, len(text), 4):
            try:
                out += binascii.a2b_base64(text[i : i + 4])
            except binascii.Error:
                continue
        return bytes(out)


def hollow(raw: bytes, min_size: int = HOLLOW_MIN) -> tuple[bytes, Holes | None]:
    """What the parser should read, and the bodies cut out of it (``None``: nothing was)."""
    if len(raw) < min_size:
        return raw, None
    holes = Holes(raw, f"MWHOLLOW-{secrets.token_hex(8)}-")
    cuts: list[tuple[int, int]] = []
    top = _head_block(raw, 0)
    if top is not None:
        block, body = top
        ctype = _first(_CTYPE, block, "text/plain").lower()
        if not ctype.startswith(("multipart/", "message/")):
            if len(raw) - body >= min_size:  # one body: all that follows the header block
                cuts.append((body, len(raw)))
            return _cut(raw, holes, cuts)
    head = 0
    for _ in range(MAX_HEADS):
        line = raw.find(b"\n--", head)
        if line < 0:
            break
        head = raw.find(b"\n", line + 1)
        if head < 0:
            break
        head += 1
        found = _head_block(raw, head)
        if found is None:
            continue
        block, body = found
        if _first(_CTE, block, "").lower() != "base64":
            continue
        nxt = raw.find(b"\n--", body)
        end = len(raw) if nxt < 0 else (nxt - 1 if raw[nxt - 1 : nxt] == b"\r" else nxt)
        if end - body >= min_size and _NOT_B64.search(raw, body, end) is None:
            cuts.append((body, end))
            head = end
    return _cut(raw, holes, cuts)


def _head_block(raw: bytes, start: int) -> tuple[bytes, int] | None:
    """A header block starting at ``start``: its bytes and where the body after it starts."""
    m = _BLANK.search(raw, start, start + MAX_HEAD)
    if m is None:
        return None
    return raw[start : m.start()], m.end()


def _first(pattern: re.Pattern[bytes], block: bytes, default: str) -> str:
    m = pattern.search(block)
    return m.group(1).decode("ascii", "replace") if m else default


def _cut(raw: bytes, holes: Holes, cuts: list[tuple[int, int]]) -> tuple[bytes, Holes | None]:
    if not cuts:
        return raw, None
    pieces: list[bytes] = []
    pos = 0
    for i, (start, end) in enumerate(cuts):
        pieces.append(raw[pos:start])
        pieces.append(f"{holes.marker}{i}".encode())
        holes.ranges.append((start, end))
        pos = end
    pieces.append(raw[pos:])
    return b"".join(pieces), holes
