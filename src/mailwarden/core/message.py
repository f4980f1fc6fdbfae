"""Parse an RFC 5322/MIME message once, in bounded time and memory, for every feature.

The stdlib parser (``compat32``: the fastest, and it never raises on bad structure) reads the
bytes; this module walks the parts iteratively (no recursion limit to hit) under ``Limits``,
decodes headers and bodies in any charset Japanese mail uses — ISO-2022-JP including the
CP50220 extensions (circled digits, ㈱), Shift_JIS as cp932, EUC-JP, broken UTF-8 — and keeps
what it could not inspect as data (``uninspected``), never as an exception.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from email.header import decode_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parseaddr

from .hollow import HOLLOW_MIN, Decoded, Holes, hollow
from .jis import decode_cp50220

# What a declared charset is read as: the supersets Japanese mailers really write.
_CHARSETS: dict[str, tuple[str, ...]] = {
    "iso-2022-jp": ("iso2022_jp", "iso2022_jp_2004", "iso2022_jp_ext", "iso2022_jp_3"),
    "iso-2022-jp-2": ("iso2022_jp_2", "iso2022_jp_2004"),
    "iso-2022-jp-3": ("iso2022_jp_3", "iso2022_jp_2004"),
    "shift_jis": ("cp932", "shift_jis_2004"),
    "shift-jis": ("cp932", "shift_jis_2004"),
    "sjis": ("cp932",),
    "x-sjis": ("cp932",),
    "ms_kanji": ("cp932",),
    "windows-31j": ("cp932",),
    "cp932": ("cp932",),
    "euc-jp": ("euc_jp", "euc_jis_2004"),
    "x-euc-jp": ("euc_jp", "euc_jis_2004"),
    "utf-8": ("utf-8",),
    "utf8": ("utf-8",),
    "us-ascii": ("utf-8",),  # 8-bit bytes under a us-ascii label are usually UTF-8
    "ascii": ("utf-8",),
}
# Tried in order when the label is missing, unknown or wrong.
_GUESSES = ("utf-8", "iso2022_jp_2004", "cp932", "euc_jis_2004")
_ISO2022_ESC = re.compile(rb"\x1b[\$\(]")


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, bool]:
    """(text, repaired): the declared charset (as its real-world superset) first, then
    guesses; ``repaired`` is true when the declaration did not fit and replacement was used."""
    label = (charset or "").strip().strip('"').lower()
    tried: list[str] = list(_CHARSETS.get(label, (label,) if label else ()))
    if not data.isascii() or _ISO2022_ESC.search(data):
        if _ISO2022_ESC.search(data) and "iso2022_jp_2004" not in tried:
            tried.insert(0, "iso2022_jp_2004")
        tried.extend(g for g in _GUESSES if g not in tried)
    else:
        return data.decode("ascii"), False
    declared = [c for c in tried if c not in _GUESSES or c in _CHARSETS.get(label, ())]
    for codec in declared:
        try:
            return data.decode(codec), False
        except (LookupError, UnicodeDecodeError):
            continue
    # ISO-2022-JP is 7-bit: 8-bit text with an escape in it (a terminal log's "ESC ( B" in UTF-8
    # or Shift_JIS) is read by the guesses below, not through CP932's JIS table
    seven_bit = data.isascii()
    if (
        seven_bit
        and _ISO2022_ESC.search(data)
        and (not label or label.startswith("iso-2022-jp") or label not in _CHARSETS)
    ):
        # ISO-2022-JP that Python's codecs reject (Outlook's CP50220: ①, ㈱ in ESC $ B), or
        # unlabelled or mislabelled: read through CP932 (jis.py), invalid bytes replaced
        for codec in () if label.startswith("iso-2022-jp") else ("iso2022_jp", "iso2022_jp_2004"):
            try:
                return data.decode(codec), bool(label)
            except UnicodeDecodeError:
                continue
        text, replaced = decode_cp50220(data)
        return text, replaced or (bool(label) and not label.startswith("iso-2022-jp"))
    # No label, or one that did not fit. Valid UTF-8 whose every other character is a Latin
    # letter, punctuation or an emoji is European text ("Restituição"): Shift_JIS would read
    # the same bytes as kanji. Otherwise the guess that reads most like Japanese text wins.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _latin_text(text):
            return text, bool(label)
    best: tuple[int, str] | None = None
    for codec in _GUESSES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _japanese_score(text)
        if best is None or score > best[0]:
            best = (score, text)
    if best is not None:
        return best[1], bool(label)
    return data.decode("utf-8", errors="replace"), True


# anything but ASCII, Latin letters, general punctuation and symbols, and emoji
_NOT_LATIN = re.compile("[^\x00-\x7f\u00a0-\u024f\u2000-\u20cf\U0001f000-\U0010ffff]")


def _latin_text(text: str) -> bool:
    return _NOT_LATIN.search(text) is None


def _japanese_score(text: str) -> int:
    good = bad = 0
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F:
            good += 1
        elif 0xFF61 <= o <= 0xFF9F or 0xE000 <= o <= 0xF8FF or o == 0xFFFD:
            bad += 2
    return good - bad


def decode_header_value(value: object) -> str:
    """A header as text: encoded-words decoded (any charset above), raw 8-bit bytes guessed."""
    if value is None:
        return ""
    raw = str(value)
    if "=?" not in raw and raw.isascii():
        return " ".join(raw.split())
    try:
        parts = decode_header(raw)
    except Exception:
        return raw
    out = []
    for chunk, cs in parts:
        if isinstance(chunk, bytes):
            # compat32 keeps undecodable 8-bit header bytes as surrogates; get them back
            out.append(decode_bytes(chunk, cs)[0])
        else:
            out.append(_unescape_surrogates(chunk))
    return " ".join("".join(out).split())


def _unescape_surrogates(text: str) -> str:
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return decode_bytes(text.encode("utf-8", "surrogateescape"), None)[0]


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 64 * 1024 * 1024
    max_parts: int = 300
    max_depth: int = 20
    max_header_bytes: int = 256 * 1024
    max_body_chars: int = 2_000_000
    #: attachment bytes kept for inspection (hashes use the whole part)
    max_attachment_bytes: int = 20 * 1024 * 1024
    #: bodies this large are decoded from the raw bytes in blocks, not by the parser (hollow.py)
    hollow_min: int = HOLLOW_MIN


DEFAULT_LIMITS = Limits()


@dataclass
class Attachment:
    filename: str
    content_type: str
    size: int
    sha256: str
    data: bytes
    truncated: bool = False


@dataclass
class Address:
    name: str
    address: str

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[1].lower() if "@" in self.address else ""


@dataclass
class ParsedMessage:
    #: (name, value) as the parser gave them: encoded-words not yet decoded (``headers`` and
    #: ``header()`` decode a value the first time it is asked for — most never are)
    raw_headers: list[tuple[str, str]]
    subject: str
    from_: list[Address]
    reply_to: list[Address]
    return_path: str
    message_id: str
    date: str
    texts: list[str] = field(default_factory=list)
    htmls: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    #: structural defects the parser reported, and charset repairs
    defects: list[str] = field(default_factory=list)
    #: what could not be inspected, and why (a part cap, a size cap, an unreadable part)
    uninspected: list[str] = field(default_factory=list)
    raw: bytes = b""
    #: the stdlib message, for what needs it whole (DKIM/ARC verification reads ``raw``)
    message: Message | None = None

    _decoded: dict[int, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_name: dict[str, list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def _value(self, i: int) -> str:
        value = self._decoded.get(i)
        if value is None:
            value = self._decoded[i] = decode_header_value(self.raw_headers[i][1])
        return value

    @property
    def headers(self) -> list[tuple[str, str]]:
        """Every (name, value), values decoded (encoded-words, 8-bit bytes), in order."""
        return [(k, self._value(i)) for i, (k, _v) in enumerate(self.raw_headers)]

    def _positions(self, name: str) -> list[int]:
        if self._by_name is None:
            index: dict[str, list[int]] = {}
            for i, (k, _v) in enumerate(self.raw_headers):
                index.setdefault(k.lower(), []).append(i)
            self._by_name = index
        return self._by_name.get(name.lower(), [])

    def header(self, name: str) -> str:
        found = self._positions(name)
        return self._value(found[0]) if found else ""

    def header_all(self, name: str) -> list[str]:
        return [self._value(i) for i in self._positions(name)]

    def raw_header(self, name: str) -> str:
        """The first value of ``name`` as written, encoded-words undecoded: where the structure
        of the header is read (a comma an encoded-word hides is text, not a separator)."""
        found = self._positions(name)
        return str(self.raw_headers[found[0]][1]) if found else ""

    @property
    def sender(self) -> Address | None:
        return self.from_[0] if self.from_ else None


_ANGLE = re.compile(r"<\s*([^<>\s@]+@[^<>\s]+?)\s*>")


# an addr-spec, bounded: what is read of a header the stdlib's parser gives up on
_ADDR_SPEC = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,10}")


def address_pairs(values: list[str]) -> list[tuple[str, str]]:
    """(name, address) of every mailbox in these header values, as ``getaddresses`` reads
    them. Its parser recurses into comments: a header of thousands of "(" exhausts the stack,
    and such a header's addresses are then read as bare addr-specs, never an error."""
    try:
        return getaddresses(values)
    except (RecursionError, ValueError, IndexError, TypeError):
        return [("", m.group(0)) for v in values for m in _ADDR_SPEC.finditer(v)]


def _addresses(values: list[str]) -> list[Address]:
    if len(values) == 1:
        angles = _ANGLE.findall(values[0])
        if len(angles) == 1:
            # one angle address: whatever stands before it is the display name, commas and
            # all (an unquoted comma would otherwise split the name into a bogus address)
            name = values[0].split("<", 1)[0].strip().strip('"').strip(" ,_").strip()
            return [Address(name, angles[0].lower())]
    out = []
    for name, addr in address_pairs(values):
        if name or addr:
            out.append(Address(name.strip(), addr.strip().lower()))
    return out


def parse_message(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ParsedMessage:
    """Never raises on what the bytes hold: problems become ``defects`` and ``uninspected``."""
    uninspected: list[str] = []
    raw = data
    # large bodies are decoded from ``raw`` in blocks; the parser reads the rest
    data, holes = hollow(data, limits.hollow_min)
    if len(data) > limits.max_bytes:
        uninspected.append(f"message over {limits.max_bytes} bytes: only the first part was read")
        data = data[: limits.max_bytes]
    head_end = data.find(b"\n\n")
    if head_end == -1:
        head_end = data.find(b"\r\n\r\n")
    if head_end > limits.max_header_bytes or (head_end == -1 and len(data) > limits.max_header_bytes):
        uninspected.append(f"header section over {limits.max_header_bytes} bytes: cut")
        body = data[head_end:] if head_end != -1 else b""
        data = data[: limits.max_header_bytes].rsplit(b"\n", 1)[0] + b"\n" + body
    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
    except RecursionError:
        # the stdlib parser recurses once per nesting level: read the headers alone and the
        # rest as one opaque text part
        msg = BytesHeaderParser(policy=email.policy.compat32).parsebytes(data)
        msg.set_payload("")
        del msg["Content-Type"]
        msg["Content-Type"] = "text/plain"
        uninspected.append("MIME parts nested too deep to parse: the body was not inspected")
    parsed = ParsedMessage(
        raw_headers=[(k, v) for k, v in msg.raw_items()],
        subject="",
        from_=[],
        reply_to=[],
        return_path="",
        message_id="",
        date="",
        uninspected=uninspected,
        raw=raw if holes is not None else data,
        message=msg,
    )
    parsed.subject = parsed.header("subject")
    parsed.from_ = _addresses(parsed.header_all("from"))
    parsed.reply_to = _addresses(parsed.header_all("reply-to"))
    parsed.return_path = parseaddr(parsed.header("return-path"))[1].lower()
    parsed.message_id = parsed.header("message-id")
    parsed.date = parsed.header("date")
    parsed.defects.extend(type(d).__name__ for d in msg.defects)
    _walk(msg, parsed, limits, holes)
    return parsed


def _walk(root: Message, out: ParsedMessage, limits: Limits, holes: Holes | None) -> None:
    stack: list[tuple[Message, int]] = [(root, 0)]
    parts = 0
    body_chars = 0
    while stack:
        part, depth = stack.pop()
        parts += 1
        if parts > limits.max_parts:
            out.uninspected.append(f"more than {limits.max_parts} MIME parts: the rest was not inspected")
            return
        if depth > limits.max_depth:
            out.uninspected.append(f"MIME parts nested deeper than {limits.max_depth} levels")
            continue
        if part is not root:
            out.defects.extend(type(d).__name__ for d in part.defects)
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((p, depth + 1) for p in reversed(payload) if isinstance(p, Message))
            continue
        ctype = part.get_content_type()
        filename = _filename(part)
        disposition = str(part.get("Content-Disposition") or "").split(";", 1)[0].strip().lower()
        is_text = ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename
        hole = holes.find(part.get_payload()) if holes is not None else None
        decoded: Decoded | None = None
        if hole is not None:
            assert holes is not None
            wanted = limits.max_body_chars * 4 if is_text else limits.max_attachment_bytes
            decoded = holes.decode(hole, str(part.get("Content-Transfer-Encoding", "")), wanted)
            body = decoded.data
        else:
            try:
                payload = part.get_payload(decode=True)
            except Exception:
                out.uninspected.append(f"part {ctype}: undecodable transfer encoding")
                continue
            body = payload if isinstance(payload, bytes) else b""
        if ctype == "message/rfc822" or (ctype.startswith("message/") and part.is_multipart()):
            continue
        if is_text:
            text, repaired = decode_bytes(body, part.get_content_charset())
            if repaired:
                out.defects.append(f"charset repaired ({part.get_content_charset() or 'none'})")
            room = limits.max_body_chars - body_chars
            if room <= 0:
                out.uninspected.append("body text over the size limit: the rest was not inspected")
                continue
            if len(text) > room or (decoded is not None and decoded.truncated):
                text = text[:room]
                out.uninspected.append("body text over the size limit: cut")
            body_chars += len(text)
            (out.htmls if ctype == "text/html" else out.texts).append(text)
            continue
        keep = body[: limits.max_attachment_bytes]
        size = decoded.size if decoded is not None else len(body)
        out.attachments.append(
            Attachment(
                filename=filename,
                content_type=ctype,
                size=size,
                sha256=decoded.sha256 if decoded is not None else hashlib.sha256(body).hexdigest(),
                data=keep,
                truncated=len(keep) < size,
            )
        )


_NAME_PARAM = re.compile(r'\b(?:file)?name\s*=\s*"?([^";\r\n]+)"?', re.IGNORECASE)


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if name and "\ufffd" in name:
        # a raw 8-bit name (Shift_JIS or UTF-8 straight in the header): the parser replaced its
        # bytes; read them back from the raw header instead
        for key, value in part.raw_items():
            if key.lower() in ("content-disposition", "content-type"):
                m = _NAME_PARAM.search(_unescape_surrogates(str(value)))
                if m:
                    name = m.group(1)
                    break
    if not name:
        return ""
    return decode_header_value(name)
