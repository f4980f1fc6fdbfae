"""A small DNS wire codec for the hot path (RFC 1035 §4), checked against dnspython in tests.

dnspython builds rich objects for every name and record, which costs ~270 µs per answer
here; a survey asks tens of thousands of questions. This codec encodes one question and
decodes only the header, question and answer section into plain records. Names are text
in dnspython's presentation form (``\\.``, ``\\\\`` and ``\\DDD`` escapes), without the
final dot, so a name read from an answer can be asked again unchanged.
"""

from __future__ import annotations

import re
import socket
import struct
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

TYPES = {
    "A": 1,
    "NS": 2,
    "CNAME": 5,
    "SOA": 6,
    "PTR": 12,
    "MX": 15,
    "TXT": 16,
    "AAAA": 28,
    "DS": 43,
    "DNSKEY": 48,
    "SPF": 99,
    "CAA": 257,
}
TYPE_NAMES = {v: k for k, v in TYPES.items()}
CLASS_IN = 1
MAX_POINTER_HOPS = 64
_HDR = struct.Struct("!HHHHHH")
_RR = struct.Struct("!HHIH")


class WireError(ValueError):
    """A message that cannot be decoded (truncated, looping pointers, bad lengths)."""


@dataclass(slots=True)
class TxtRecord:
    strings: tuple[bytes, ...]


@dataclass(slots=True)
class AddressRecord:
    address: str


@dataclass(slots=True)
class MxRecord:
    preference: int
    exchange: str


@dataclass(slots=True)
class NameRecord:
    target: str


@dataclass(slots=True)
class RawRecord:
    rtype: int
    data: bytes


Record = TxtRecord | AddressRecord | MxRecord | NameRecord | RawRecord


@dataclass(slots=True)
class RR:
    name: str
    rtype: int
    rclass: int
    ttl: int
    record: Record


@dataclass(slots=True)
class Message:
    id: int
    flags: int
    rcode: int
    qname: str
    qtype: int
    answer: list[RR]

    @property
    def truncated(self) -> bool:
        return bool(self.flags & 0x0200)

    @property
    def authenticated(self) -> bool:
        return bool(self.flags & 0x0020)

    @property
    def is_response(self) -> bool:
        return bool(self.flags & 0x8000)


def _label_bytes(text: str) -> list[bytes]:
    """Presentation-form name → wire labels (escapes resolved)."""
    if "\\" not in text and text.isascii():  # the usual name: no escapes, plain ASCII
        parts = text.split(".")
        if parts[-1] == "":
            parts.pop()  # the root's trailing dot
        if "" in parts:
            raise WireError("empty label")
        return [p.encode("ascii") for p in parts]
    labels: list[bytes] = []
    cur = bytearray()
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            if i + 3 < n + 0 and text[i + 1 : i + 4].isdigit():
                cur.append(int(text[i + 1 : i + 4]))
                i += 4
                continue
            if i + 1 >= n:
                raise WireError("dangling escape in name")
            cur.append(ord(text[i + 1]))
            i += 2
            continue
        if c == ".":
            if not cur:
                raise WireError("empty label")
            labels.append(bytes(cur))
            cur = bytearray()
            i += 1
            continue
        o = ord(c)
        if o > 255:
            raise WireError("non-ASCII character in name (convert to A-labels first)")
        cur.append(o)
        i += 1
    if cur:
        labels.append(bytes(cur))
    return labels


@lru_cache(maxsize=8192)  # a name is encoded to check it, then again for each query sent
def encode_name(text: str) -> bytes:
    if text in ("", "."):
        return b"\x00"
    out = bytearray()
    for label in _label_bytes(text):
        if len(label) > 63:
            raise WireError("label longer than 63 octets")
        out.append(len(label))
        out += label
    out.append(0)
    if len(out) > 255:
        raise WireError("name longer than 255 octets")
    return bytes(out)


def encode_query(
    qid: int, qname: str, qtype: int, *, payload: int = 1232, rd: bool = True, ad: bool = False
) -> bytes:
    flags = (0x0100 if rd else 0) | (0x0020 if ad else 0)
    header = _HDR.pack(qid, flags, 1, 0, 0, 1 if payload else 0)
    question = encode_name(qname) + struct.pack("!HH", qtype, CLASS_IN)
    opt = b"\x00" + struct.pack("!HHIH", 41, payload, 0, 0) if payload else b""
    return header + question + opt


_SAFE = frozenset(
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_*/+=%@#!$&'()[]{}<>?^`|~:,"
)


_SAFE_BYTES = bytes(sorted(_SAFE))


def _label_text(label: bytes) -> str:
    if not label.translate(None, _SAFE_BYTES):  # nothing left once the safe octets go: all safe
        return label.decode("ascii")
    out = []
    for b in label:
        if b in _SAFE:
            out.append(chr(b))
        elif b in (0x2E, 0x5C):  # '.' and '\'
            out.append("\\" + chr(b))
        elif 0x21 <= b <= 0x7E and b not in (0x22, 0x28, 0x29, 0x3B, 0x40, 0x24):
            out.append(chr(b))
        else:
            out.append(f"\\{b:03d}")
    return "".join(out)


_SAFE_TEXT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_.")
_SAFE_TEXT_RE = re.compile(r"[a-z0-9_.-]*")


def canonical(name: str) -> str:
    """Lower-case presentation form, as ``read_name`` would print it."""
    low = name.lower().rstrip(".")
    if _SAFE_TEXT_RE.fullmatch(low):
        return low
    return read_name(encode_name(low), 0)[0].lower()


def read_name(wire: bytes, off: int) -> tuple[str, int]:
    """Decode a (possibly compressed) name at ``off``; return (text, offset after it)."""
    labels: list[str] = []
    end = -1
    hops = 0
    n = len(wire)
    total = 0
    while True:
        if off >= n:
            raise WireError("name runs past the end")
        length = wire[off]
        if length == 0:
            off += 1
            break
        kind = length & 0xC0
        if kind == 0xC0:
            if off + 1 >= n:
                raise WireError("truncated pointer")
            if end < 0:
                end = off + 2
            off = ((length & 0x3F) << 8) | wire[off + 1]
            hops += 1
            if hops > MAX_POINTER_HOPS:
                raise WireError("compression pointer loop")
            continue
        if kind:
            raise WireError("unknown label type")
        start = off + 1
        off = start + length
        if off > n:
            raise WireError("label runs past the end")
        total += length + 1
        if total > 255:
            raise WireError("name longer than 255 octets")
        labels.append(_label_text(wire[start:off]))
    return ".".join(labels) if labels else ".", (end if end >= 0 else off)


def _rdata(wire: bytes, rtype: int, start: int, rdlen: int) -> Record:
    end = start + rdlen
    if rtype == 1:
        if rdlen != 4:
            raise WireError("A rdata is not 4 octets")
        return AddressRecord(socket.inet_ntop(socket.AF_INET, wire[start:end]))
    if rtype == 28:
        if rdlen != 16:
            raise WireError("AAAA rdata is not 16 octets")
        return AddressRecord(socket.inet_ntop(socket.AF_INET6, wire[start:end]))
    if rtype in (16, 99):
        strings = []
        i = start
        while i < end:
            ln = wire[i]
            i += 1
            if i + ln > end:
                raise WireError("TXT string runs past its record")
            strings.append(wire[i : i + ln])
            i += ln
        return TxtRecord(tuple(strings))
    if rtype == 15:
        if rdlen < 3:
            raise WireError("MX rdata too short")
        name, after = read_name(wire, start + 2)
        if after > end:
            raise WireError("MX name runs past its record")
        return MxRecord((wire[start] << 8) | wire[start + 1], name)
    if rtype in (2, 5, 12):
        name, after = read_name(wire, start)
        if after > end:
            raise WireError("name runs past its record")
        return NameRecord(name)
    return RawRecord(rtype, wire[start:end])


def decode_response(wire: bytes) -> Message:
    """Decode header, question and answer section; other sections are not read."""
    if len(wire) < 12:
        raise WireError("message shorter than its header")
    qid, flags, qd, an, _ns, _ar = _HDR.unpack_from(wire)
    off = 12
    qname, qtype = "", 0
    if qd:
        if qd != 1:
            raise WireError("more than one question")
        qname, off = read_name(wire, off)
        if off + 4 > len(wire):
            raise WireError("truncated question")
        qtype = (wire[off] << 8) | wire[off + 1]
        off += 4
    answer: list[RR] = []
    n = len(wire)
    for _ in range(an):
        name, off = read_name(wire, off)
        if off + 10 > n:
            raise WireError("truncated record header")
        rtype, rclass, ttl, rdlen = _RR.unpack_from(wire, off)
        off += 10
        if off + rdlen > n:
            raise WireError("record data runs past the end")
        answer.append(RR(name, rtype, rclass, ttl, _rdata(wire, rtype, off, rdlen)))
        off += rdlen
    return Message(qid, flags, flags & 0x000F, qname, qtype, answer)


def type_code(rdtype: str) -> int:
    try:
        return TYPES[rdtype.upper()]
    except KeyError as exc:
        raise WireError(f"unsupported record type {rdtype}") from exc


def describe(record: Any) -> str:
    return repr(record)
