"""Ordinary, legitimate Japanese business mail (ham), set no. 3, as the MX of the company in
:mod:`tests.support.ja_org` receives it in 2026.

``messages(split, seed)`` returns ``(name, bytes)`` pairs: whole RFC 5322 messages as they sit in
the mailbox after ``mx1.minato-seiki.co.jp`` has added its ``Received`` and
``Authentication-Results`` headers. There is only a ``test`` split (``dev`` is empty); the set is
used once, to measure how often an analyser wrongly flags genuine Japanese business mail.

The messages come from ESPs (SendGrid, Amazon SES, Mailchimp, HubSpot, Salesforce Marketing
Cloud, Marketo, Cuenote, Benchmark Email, blastmail, WiLL Mail), SaaS and banks the company uses,
carriers, government portals, cloud providers, the company's correspondents and its own staff,
mailing lists, forwarders, support desks, shops, job boards and seminar organisers. Each is
written the way its real sender writes it -- click-tracking links whose anchor text shows the
real site, VERP bounces on the ESP's domain, PPAP, urgent but genuine security notices, awareness
newsletters that quote lure phrases, bank-account change letters that ask for a call-back -- and
nothing was softened. It was written blind to the analyser.

``python -m tests.support.ja_business3 [--seed N] [--out DIR]`` prints the counts per family and
writes ``DIR/*.eml``. Every person, company (other than public infrastructure), number and text
is invented; no domain is resolved.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import quopri
import random
import re
import string
import struct
import unicodedata
import urllib.parse
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from .ja_org import CORRESPONDENTS, MX_HOST, ORG_DOMAIN, ORG_NAME, STAFF, VIPS, Correspondent, Person

JST = timezone(timedelta(hours=9))
Header = tuple[str, str]
Ent = tuple[list[Header], bytes]
Builder = Callable[[random.Random, int], list[bytes]]

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"
URLSAFE = ALNUM + "-_"
WEEKDAYS = "月火水木金土日"

CODEC = {"iso-2022-jp": "iso2022_jp", "utf-8": "utf-8", "shift_jis": "shift_jis"}
LABEL = {"iso-2022-jp": "ISO-2022-JP", "utf-8": "UTF-8", "shift_jis": "Shift_JIS"}

CEO, SENMU, KEIRI_BUCHO = VIPS
KOBAYASHI, YAMAMOTO, NAKAMURA, KATO, YOSHIDA = STAFF
EVERYONE = (*VIPS, *STAFF)
CORR = {c.domain.split(".")[0]: c for c in CORRESPONDENTS}
DAIWA, TOYO, SATO, CHUO, HOKUTO, FUJI, SUZUKI, CHIYODA = (
    CORR["daiwa-shoji"],
    CORR["toyo-denki"],
    CORR["sato-zeirishi"],
    CORR["chuo-sogo-law"],
    CORR["hokuto-unyu"],
    CORR["fuji-systems"],
    CORR["suzuki-sharoushi"],
    CORR["chiyoda-insatsu"],
)
ORG_TEL = "03-5442-7310"
ORG_ADDR = "〒108-0023 東京都港区芝浦3-9-14 みなとビル5階"
SURNAMES = [
    "佐々木",
    "山口",
    "松田",
    "井上",
    "木下",
    "石川",
    "前田",
    "藤田",
    "岡本",
    "長谷川",
    "村上",
    "近藤",
    "坂本",
    "遠藤",
    "青木",
    "西村",
    "福田",
    "太田",
    "三浦",
    "藤井",
]
GIVEN = [
    "達也",
    "美穂",
    "拓海",
    "真理子",
    "健太",
    "愛",
    "裕介",
    "里奈",
    "和也",
    "千尋",
    "浩二",
    "葵",
    "誠司",
    "優子",
    "大樹",
    "沙織",
]


def rs(r: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def person_name(r: random.Random) -> str:
    return f"{r.choice(SURNAMES)} {r.choice(GIVEN)}"


def yen(n: int) -> str:
    return f"{n:,}"


def rdate(
    r: random.Random, m0: int = 1, m1: int = 11, h0: int = 8, h1: int = 19, weekend: bool = False
) -> datetime:
    while True:
        dt = datetime(
            2026,
            r.randint(m0, m1),
            r.randint(1, 28),
            r.randint(h0, h1),
            r.randint(0, 59),
            r.randint(0, 59),
            tzinfo=JST,
        )
        if weekend or dt.weekday() < 5:
            return dt


def hdate(dt: datetime, utc: bool = False) -> str:
    return format_datetime(dt.astimezone(UTC) if utc else dt)


def jdate(dt: datetime, wd: bool = True) -> str:
    s = f"{dt.year}年{dt.month}月{dt.day}日"
    return s + f"({WEEKDAYS[dt.weekday()]})" if wd else s


def jmd(dt: datetime) -> str:
    return f"{dt.month}月{dt.day}日({WEEKDAYS[dt.weekday()]})"


def later(dt: datetime, days: int) -> datetime:
    d = dt + timedelta(days=days)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


# --------------------------------------------------------------------------------------------
# RFC 2047 / 2231 and body encodings


def _ew1(s: str, cs: str, enc: str, label: str) -> str:
    raw = s.encode(CODEC[cs])
    if enc == "B":
        payload = base64.b64encode(raw).decode()
    else:
        out = []
        for b in raw:
            c = chr(b)
            if b < 128 and (c.isalnum() or c in "!*+-/"):
                out.append(c)
            elif b == 32:
                out.append("_")
            else:
                out.append(f"={b:02X}")
        payload = "".join(out)
    return f"=?{label}?{enc}?{payload}?="


def ew(s: str, cs: str = "utf-8", enc: str = "B", label: str | None = None, maxlen: int = 75) -> str:
    """Encoded words of at most ``maxlen`` characters, folded, each a whole character sequence."""
    lab = label or LABEL[cs]
    words: list[str] = []
    cur = ""
    for ch in s:
        if cur and len(_ew1(cur + ch, cs, enc, lab)) > maxlen:
            words.append(_ew1(cur, cs, enc, lab))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(_ew1(cur, cs, enc, lab))
    return "\r\n ".join(words)


def hdr(s: str, cs: str = "utf-8", enc: str = "B", whole: bool = False, label: str | None = None) -> str:
    """A header text as mailers write it: an ASCII prefix (``Re: ``, ``[ml:00012] ``) kept as is."""
    if s.isascii():
        return s
    if whole:
        return ew(s, cs, enc, label)
    m = re.match(r"^([\x20-\x7e]*[ ])", s)
    prefix = m.group(1) if m else ""
    if not prefix.strip():
        prefix = ""
    return prefix + ew(s[len(prefix) :], cs, enc, label)


def addr(name: str, email: str, cs: str = "utf-8", enc: str = "B", quoted: bool = False) -> str:
    if not name:
        return email
    if name.isascii():
        return f'"{name}" <{email}>' if quoted or re.search(r"[^\w ]", name) else f"{name} <{email}>"
    e = ew(name, cs, enc, maxlen=120)
    return f'"{e}" <{email}>' if quoted else f"{e} <{email}>"


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def encode_text(text: str, cs: str) -> bytes:
    codec = CODEC[cs]
    return b"\r\n".join(line.encode(codec) for line in _lines(text))


def b64body(raw: bytes) -> bytes:
    enc = base64.b64encode(raw)
    return b"\r\n".join(enc[i : i + 76] for i in range(0, len(enc), 76)) + b"\r\n"


def qpbody(raw: bytes) -> bytes:
    return b"\r\n".join(quopri.encodestring(line).replace(b"\n", b"\r\n") for line in raw.split(b"\r\n"))


def text(
    body: str,
    cs: str = "iso-2022-jp",
    cte: str = "7bit",
    sub: str = "plain",
    label: str | None = None,
    q: bool = True,
) -> Ent:
    raw = encode_text(body, cs)
    if cte == "base64":
        data = b64body(raw)
    elif cte == "quoted-printable":
        data = qpbody(raw)
    else:
        data = raw if raw.endswith(b"\r\n") else raw + b"\r\n"
    lab = label or LABEL[cs]
    ct = f'text/{sub}; charset="{lab}"' if q else f"text/{sub}; charset={lab}"
    return [("Content-Type", ct), ("Content-Transfer-Encoding", cte)], data


def bnd(r: random.Random, style: str) -> str:
    if style == "outlook":
        return f"_000_{rs(r, 12, UHEX)}{rs(r, 28, UHEX)}TYCPR01MB{digits(r, 4)}jpnp_"
    if style == "gmail":
        return "0000000000" + rs(r, 18, HEX)
    if style == "thunderbird":
        return "------------" + rs(r, 24, ALNUM)
    if style == "becky":
        return f"----_NextPart_{digits(r, 4)}_{rs(r, 4, UHEX)}_{rs(r, 8, UHEX)}"
    if style == "esp":
        return f"----==_mimepart_{rs(r, 13, HEX)}_{digits(r, 2)}_{digits(r, 6)}"
    if style == "java":
        return f"----=_Part_{digits(r, 6)}_{digits(r, 9)}.{digits(r, 13)}"
    return f"=_{rs(r, 32, HEX)}"


def hbytes(hs: Sequence[Header]) -> bytes:
    return b"".join(f"{k}: {v}\r\n".encode("ascii") for k, v in hs)


def multi(sub: str, parts: Sequence[Ent], boundary: str, params: str = "") -> Ent:
    bb = boundary.encode()
    body = (
        b"This is a multi-part message in MIME format.\r\n\r\n"
        if sub == "mixed" and "NextPart" in boundary
        else b""
    )
    for hs, data in parts:
        body += b"--" + bb + b"\r\n" + hbytes(hs) + b"\r\n" + data
        if not data.endswith(b"\r\n"):
            body += b"\r\n"
    body += b"--" + bb + b"--\r\n"
    return [("Content-Type", f'multipart/{sub};{params}\r\n\tboundary="{boundary}"')], body


def attach(data: bytes, mime: str, fname: str, style: str = "2231", extra: Sequence[Header] = ()) -> Ent:
    """An attachment with its file name written as a given mailer writes it."""
    if fname.isascii():
        ct, cd = f'{mime}; name="{fname}"', f'attachment; filename="{fname}"'
    elif style == "2231":  # Thunderbird
        pct = urllib.parse.quote(fname, safe="")
        ct = f'{mime}; name="{ew(fname)}"'
        cd = f"attachment; filename*=UTF-8''{pct}"
        if len(pct) > 60:
            chunks = [pct[i : i + 60] for i in range(0, len(pct), 60)]
            cd = "attachment;" + ";".join(
                f"\r\n filename*{n}*={'UTF-8' + chr(39) * 2 if n == 0 else ''}{c}"
                for n, c in enumerate(chunks)
            )
    elif style == "jis":  # Outlook, Becky!
        e = ew(fname, "iso-2022-jp", "B", label="iso-2022-jp")
        ct = f'{mime};\r\n\tname="{e}"'
        cd = f'attachment;\r\n\tfilename="{e}"'
    elif style == "sjis":
        e = ew(fname, "shift_jis", "B")
        ct = f'{mime};\r\n\tname="{e}"'
        cd = f'attachment;\r\n\tfilename="{e}"'
    else:  # gmail and most SaaS
        e = ew(fname)
        ct = f'{mime}; name="{e}"'
        cd = f'attachment; filename="{e}"'
    hs: list[Header] = [
        ("Content-Type", ct),
        ("Content-Disposition", cd),
        ("Content-Transfer-Encoding", "base64"),
    ]
    hs.extend(extra)
    return hs, b64body(data)


# --------------------------------------------------------------------------------------------
# file contents: PDF, encrypted ZIP, iCalendar, PNG


def pdf(r: random.Random, title: str, lines: Sequence[str] = ()) -> bytes:
    """A small, well-formed one-page PDF whose text is ASCII (document numbers, amounts)."""
    content = "BT /F1 14 Tf 60 780 Td (" + title.replace("(", "[").replace(")", "]") + ") Tj ET\n"
    y = 750
    for line in lines:
        content += f"BT /F1 10 Tf 60 {y} Td ({line}) Tj ET\n"
        y -= 16
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Producer ({r.choice(['Microsoft: Print To PDF', 'Adobe PDF Library 23.1', 'freee', 'iText 7'])})"
        f" /CreationDate (D:2026{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(8, 19):02d}{digits(r, 2)[0]}{r.randint(0, 9)}"
        f"{r.randint(0, 5)}{r.randint(0, 9)}+09'00') >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for n, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def _crc_byte(crc: int, b: int) -> int:
    return zlib.crc32(bytes([b]), crc ^ 0xFFFFFFFF) ^ 0xFFFFFFFF


def zip_crypto(r: random.Random, members: Sequence[tuple[str, bytes]], password: str) -> bytes:
    """A ZIP whose members are stored and encrypted with traditional PKWARE encryption (ZipCrypto),
    names in CP932 without the UTF-8 flag, as Japanese Windows tools write them."""
    local = b""
    central = b""
    dostime, dosdate = (9 << 11) | (30 << 5), ((2026 - 1980) << 9) | (2 << 5) | 10
    for name, data in members:
        keys = [0x12345678, 0x23456789, 0x34567890]

        def update(c: int, keys: list[int] = keys) -> None:
            keys[0] = _crc_byte(keys[0], c)
            keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
            keys[2] = _crc_byte(keys[2], keys[1] >> 24)

        for c in password.encode():
            update(c)
        crc = zlib.crc32(data)
        plain = r.randbytes(11) + bytes([crc >> 24]) + data
        enc = bytearray()
        for p in plain:
            t = (keys[2] | 2) & 0xFFFF
            enc.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            update(p)
        fn = name.encode("cp932")
        offset = len(local)
        local += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 1, 0, dostime, dosdate, crc, len(enc), len(data), len(fn), 0
        )
        local += fn + bytes(enc)
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 1, 0, dostime, dosdate, crc, len(enc), len(data), len(fn), 0, 0, 0, 0,
            0x20, offset,
        )  # fmt: skip
        central += fn
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(local), 0)
    return local + central + end


def png(r: random.Random, w: int = 1, h: int = 1) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rgb = bytes([r.randrange(256) for _ in range(3)])
    raw = b"".join(b"\x00" + rgb * w for _ in range(h))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )


def ics(
    r: random.Random,
    organizer: Person,
    attendees: Sequence[Person],
    summary: str,
    start: datetime,
    minutes: int,
    location: str,
    description: str,
    method: str = "REQUEST",
    google: bool = False,
) -> str:
    def t(d: datetime) -> str:
        return d.strftime("%Y%m%dT%H%M%S")

    end = start + timedelta(minutes=minutes)
    tz = "Asia/Tokyo" if google else "Tokyo Standard Time"
    lines = [
        "BEGIN:VCALENDAR",
        f"METHOD:{method}",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN"
        if google
        else "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0",
        "BEGIN:VTIMEZONE",
        f"TZID:{tz}",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000" if not google else "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "TZNAME:JST",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        f"DTSTART;TZID={tz}:{t(start)}",
        f"DTEND;TZID={tz}:{t(end)}",
        f"DTSTAMP:{t(start - timedelta(days=r.randint(2, 9)))}Z",
        f"ORGANIZER;CN={organizer.name}:mailto:{organizer.address}",
    ]
    for a in attendees:
        lines.append(
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={a.name}:mailto:{a.address}"
        )
    uid = (
        f"{rs(r, 26, 'abcdefghijklmnopqrstuvwxyz0123456789')}@google.com"
        if google
        else "040000008200E00074C5B7101A82E00800000000" + rs(r, 72, UHEX)
    )
    desc = description.replace("\n", "\\n").replace(",", "\\,")
    lang = "" if google else ";LANGUAGE=ja"
    lines += [
        f"UID:{uid}",
        f"SUMMARY{lang}:{summary}",
        f"LOCATION{lang}:{location}",
        f"DESCRIPTION{lang}:{desc}",
        "SEQUENCE:0",
        "STATUS:CANCELLED" if method == "CANCEL" else "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    out = []
    for line in lines:  # fold at 75 octets, on character boundaries
        cur = ""
        for ch in line:
            if len((cur + ch).encode()) > 74:
                out.append(cur)
                cur = " " + ch
            else:
                cur += ch
        out.append(cur)
    return "\r\n".join(out) + "\r\n"


# --------------------------------------------------------------------------------------------
# identifiers


def qid(r: random.Random) -> str:
    return "4" + r.choice("bcdfghjkmnp") + rs(r, 12, "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz")


def mid_outlook(r: random.Random) -> str:
    host = f"{r.choice(['TYCPR01MB', 'OS3PR01MB', 'TYWPR01MB', 'OSZPR01MB', 'TY3PR01MB'])}{digits(r, 4)}"
    return f"<{host}{rs(r, 28, UHEX)}@{host}.jpnprd01.prod.outlook.com>"


def mid_gmail(r: random.Random) -> str:
    return (
        f"<CA{rs(r, 2, string.ascii_uppercase)}{rs(r, 44, ALNUM + '+-_')}=={rs(r, 6, ALNUM)}@mail.gmail.com>"
    )


def mid_thunderbird(r: random.Random, dom: str) -> str:
    return f"<{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@{dom}>"


def mid_becky(r: random.Random, dt: datetime, dom: str) -> str:
    return f"<{dt.strftime('%Y%m%d%H%M%S')}.{rs(r, 4, UHEX)}.{rs(r, 8, UHEX)}@{dom}>"


def mid_local(r: random.Random, dt: datetime, host: str) -> str:
    return f"<{dt.astimezone(UTC).strftime('%Y%m%d%H%M%S')}.{rs(r, 10, UHEX)}@{host}>"


def mid_uuid(r: random.Random, host: str) -> str:
    return f"<{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-4{rs(r, 3, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@{host}>"


def mid_ses(r: random.Random, region: str = "ap-northeast-1") -> tuple[str, str]:
    """(the SES message id, the Message-ID header)"""
    sid = f"0106019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}-000000"
    host = "email.amazonses.com" if region == "us-east-1" else f"{region}.amazonses.com"
    return sid, f"<{sid}@{host}>"


def mid_java(r: random.Random, host: str) -> str:
    return f"<{digits(r, 9)}.{digits(r, 5)}.{digits(r, 13)}.JavaMail.{r.choice(['root', 'app', 'tomcat'])}@{host}>"


# --------------------------------------------------------------------------------------------
# delivery: what the sending side and the MX add


@dataclass
class Route:
    envelope: str  # Return-Path
    helo: str
    ip: str
    rdns: str | None = None  # None: same as helo
    hops: list[str] = field(default_factory=list)  # the sender's Received values, newest first
    signers: list[tuple[str, str]] = field(default_factory=list)  # (d=, s=)
    dkim_results: list[str] | None = None  # parallel to signers; default all pass
    spf: str = "pass"
    dmarc: str = "pass"
    policy: str = "none"
    from_domain: str = ""
    trace: list[Header] = field(default_factory=list)  # ARC and the like, just below the MX's headers
    after_sig: list[Header] = field(default_factory=list)  # X-SES-Outgoing, Feedback-ID, ...
    tls: bool = True
    signed: str = "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type"


def body_hash(body: bytes) -> str:
    lines = [re.sub(rb"[ \t]+", b" ", ln).rstrip(b" ") for ln in body.split(b"\r\n")]
    while lines and lines[-1] == b"":
        lines.pop()
    canon = b"\r\n".join(lines) + b"\r\n" if lines else b""
    return base64.b64encode(hashlib.sha256(canon).digest()).decode()


def fold_b64(s: str, first: int = 60, width: int = 72) -> str:
    parts = [s[:first]] + [s[i : i + width] for i in range(first, len(s), width)]
    return "\r\n\t ".join(p for p in parts if p)


def dkim_header(r: random.Random, d: str, s: str, dt: datetime, bh: str, signed: str) -> tuple[str, str]:
    b = base64.b64encode(r.randbytes(256)).decode()
    t = int(dt.timestamp()) - r.randint(1, 20)
    value = (
        f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\r\n\ts={s}; t={t};\r\n"
        f"\th={signed};\r\n\tbh={bh};\r\n\tb={fold_b64(b)}"
    )
    return value, b[:8]


def _spf_text(result: str, mailfrom: str, ip: str) -> str:
    dom = mailfrom.rsplit("@", 1)[-1]
    if result == "pass":
        why = f"domain of {mailfrom} designates {ip} as permitted sender"
    elif result == "softfail":
        why = f"domain of transitioning {mailfrom} does not designate {ip} as permitted sender"
    elif result == "neutral":
        why = f"{ip} is neither permitted nor denied by domain of {mailfrom}"
    else:
        why = f"{dom} does not designate permitted sender hosts"
    return f"spf={result} ({MX_HOST}: {why}) smtp.mailfrom={mailfrom}"


def deliver(
    r: random.Random, rt: Route, rcpt: str, dt: datetime, headers: Sequence[Header], ent: Ent
) -> bytes:
    ehs, body = ent
    bh = body_hash(body)
    sigs: list[Header] = []
    results: list[str] = []
    for n, (d, s) in enumerate(rt.signers):
        value, short = dkim_header(r, d, s, dt, bh, rt.signed)
        sigs.append(("DKIM-Signature", value))
        res = rt.dkim_results[n] if rt.dkim_results else "pass"
        results.append(
            f'dkim={res} (2048-bit key; unprotected) header.d={d} header.i=@{d} header.b="{short}"'
        )
    if not results:
        results.append("dkim=none")
    from_dom = rt.from_domain or rt.envelope.rsplit("@", 1)[-1]
    dmarc = f"dmarc={rt.dmarc} (p={rt.policy} dis=none) header.from={from_dom}"
    if rt.dmarc == "none":
        dmarc = f"dmarc=none header.from={from_dom}"
    auth = ";\r\n\t".join(
        [MX_HOST, *results, _spf_text(rt.spf, rt.envelope or f"postmaster@{rt.helo}", rt.ip), dmarc]
    )
    arrived = dt + timedelta(seconds=r.randint(2, 40))
    rdns = rt.rdns or rt.helo
    tls = (
        "\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519 "
        "server-signature RSA-PSS (2048 bits) server-digest SHA256)\r\n\t(No client certificate requested)"
        if rt.tls
        else ""
    )
    received = (
        f"from {rt.helo} ({rdns} [{rt.ip}]){tls}\r\n\tby {MX_HOST} (Postfix) with {'ESMTPS' if rt.tls else 'ESMTP'} "
        f"id {qid(r)}\r\n\tfor <{rcpt}>; {hdate(arrived)}"
    )
    top: list[Header] = [("Return-Path", f"<{rt.envelope}>"), ("Delivered-To", rcpt)]
    top += [("Authentication-Results", auth), ("Received", received)]
    top += rt.trace
    top += [("Received", h) for h in rt.hops]
    top += sigs
    top += rt.after_sig
    out: list[Header] = list(headers)
    if not any(k.lower() == "mime-version" for k, _ in out):
        out.append(("MIME-Version", "1.0"))
    return hbytes(top) + hbytes(out) + hbytes(ehs) + b"\r\n" + body


def hop(
    frm: str, by: str, r: random.Random, dt: datetime, how: str = "ESMTPSA", ident: str = "", rcpt: str = ""
) -> str:
    i = ident or rs(r, 10, UHEX)
    fr = f"for <{rcpt}>; " if rcpt else ""
    semi = "" if rcpt else ";"
    return f"from {frm}\r\n\tby {by} with {how} id {i}{semi}\r\n\t{fr}{hdate(dt - timedelta(seconds=r.randint(1, 5)))}"


def verp(rcpt: str) -> str:
    local, dom = rcpt.split("@")
    return f"{local}={dom}"


def std(
    frm: str, to: str, subject: str, dt: datetime, msgid: str, *extra: Header, utc: bool = False
) -> list[Header]:
    return [
        ("From", frm),
        ("To", to),
        ("Subject", subject),
        ("Date", hdate(dt, utc)),
        ("Message-ID", msgid),
        *extra,
    ]


def pacific(dt: datetime) -> str:
    return format_datetime(dt.astimezone(timezone(timedelta(hours=-8)))).replace("-0800", "-0800 (PST)")


# --------------------------------------------------------------------------------------------
# sending systems


def r_m365(r: random.Random, sender: str, dt: datetime, rcpt: str) -> Route:
    dom = sender.split("@")[1]
    box = f"{r.choice(['TYCPR01MB', 'OS3PR01MB', 'TYWPR01MB'])}{digits(r, 4)}.jpnprd01.prod.outlook.com"
    utc = dt.astimezone(UTC)
    ip = f"52.101.{r.randint(228, 231)}.{r.randint(2, 250)}"
    out = f"mail-{r.choice(['tycjpn01', 'os0jpn01', 'tywjpn01'])}on20{digits(r, 2)}.outbound.protection.outlook.com"
    hops = [
        f"from {box} ([fe80::{rs(r, 4, HEX)}:{rs(r, 4, HEX)}:{rs(r, 4, HEX)}:{rs(r, 4, HEX)}]) by {box}\r\n\t"
        f"([fe80::{rs(r, 4, HEX)}:{rs(r, 4, HEX)}%6]) with mapi id 15.20.{r.randint(8300, 9200)}.{r.randint(8, 40)};"
        f" {format_datetime(utc)}",
    ]
    arc = [
        (
            "ARC-Seal",
            f"i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none;\r\n\tb={fold_b64(base64.b64encode(r.randbytes(256)).decode())}",
        ),
        (
            "ARC-Authentication-Results",
            f"i=1; mx.microsoft.com 1; spf=pass\r\n\tsmtp.mailfrom={dom}; dmarc=pass action=none header.from={dom};\r\n\tdkim=pass header.d={dom}; arc=none",
        ),
    ]
    return Route(
        envelope=sender,
        helo=f"{r.choice(['TYVP286CU001', 'OSPPR02CU001', 'TYDPR03CU001'])}.outbound.protection.outlook.com",
        rdns=out,
        ip=ip,
        hops=hops,
        signers=[(dom, "selector1")],
        from_domain=dom,
        policy=r.choice(["none", "quarantine"]),
        trace=arc,
        after_sig=[("X-MS-Exchange-Organization-AuthAs", "Anonymous")] if r.random() < 0.2 else [],
        signed="From:Date:Subject:Message-ID:Content-Type:MIME-Version:X-MS-Exchange-SenderADCheck",
    )


def outlook_extra(
    r: random.Random, topic: str, cs: str = "iso-2022-jp", attach: bool = False
) -> list[Header]:
    return [
        ("Thread-Topic", hdr(topic, cs, whole=True)),
        ("Thread-Index", base64.b64encode(r.randbytes(22)).decode()),
        ("Accept-Language", "ja-JP, en-US"),
        ("Content-Language", "ja-JP"),
        ("X-MS-Has-Attach", "yes" if attach else ""),
        ("X-MS-TNEF-Correlator", ""),
    ]


def r_gws(r: random.Random, sender: str, dt: datetime, rcpt: str, selector: str = "google") -> Route:
    dom = sender.split("@")[1]
    host = f"mail-{r.choice(['pj1', 'pl1', 'yb1', 'qt1', 'ej1'])}-f{r.randint(41, 199)}.google.com"
    ip = f"209.85.{r.choice([128, 160, 208, 214, 216])}.{r.randint(41, 199)}"
    hops = [
        f"by {host} with SMTP id {rs(r, 12, HEX)}-{rs(r, 14, ALNUM)}.{r.randint(1, 9)}\r\n\tfor <{rcpt}>; {pacific(dt)}"
    ]
    after: list[Header] = [
        (
            "X-Google-DKIM-Signature",
            f"v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n\td=1e100.net; s=20230601; t={int(dt.timestamp())};\r\n\tb={fold_b64(base64.b64encode(r.randbytes(256)).decode())}",
        ),
        ("X-Gm-Message-State", f"AOJu0Y{rs(r, 70, ALNUM)}"),
        ("X-Google-Smtp-Source", f"AGHT+I{rs(r, 80, ALNUM + '+/')}="),
        (
            "X-Received",
            f"by 2002:a17:90b:{r.randint(1000, 9999)}:b0:{rs(r, 3, HEX)}:{rs(r, 4, HEX)} with SMTP id\r\n\t{rs(r, 8, ALNUM)}mr{digits(r, 8)}pjb.{r.randint(10, 99)}.{pacific(dt)}",
        ),
    ]
    return Route(
        envelope=sender,
        helo=host,
        ip=ip,
        hops=hops,
        signers=[(dom, selector)],
        from_domain=dom,
        policy=r.choice(["none", "none", "quarantine"]),
        after_sig=after,
        signed="mime-version:from:date:message-id:subject:to",
    )


def r_rental(
    r: random.Random, sender: str, dt: datetime, kind: str = "xserver", dkim: bool = True, dmarc: str = "none"
) -> Route:
    dom = sender.split("@")[1]
    if kind == "xserver":
        host, ip = (
            f"sv{r.randint(10000, 16999)}.xserver.jp",
            f"183.90.{r.randint(228, 255)}.{r.randint(2, 250)}",
        )
    elif kind == "sakura":
        host, ip = (
            f"www{r.randint(1000, 4999)}.sakura.ne.jp",
            f"153.125.{r.randint(128, 191)}.{r.randint(2, 250)}",
        )
    else:
        host, ip = f"smtp{r.randint(10, 39)}.kagoya.net", f"133.18.{r.randint(0, 255)}.{r.randint(2, 250)}"
    client = f"p{digits(r, 7)}-ipoe.ipoe.ocn.ne.jp [{r.randint(114, 180)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}]"
    hops = [
        hop(
            f"[192.168.{r.randint(0, 11)}.{r.randint(2, 200)}] ({client})",
            f"{host} (Postfix)",
            r,
            dt,
            "ESMTPSA",
            qid(r),
        )
    ]
    return Route(
        envelope=sender,
        helo=host,
        ip=ip,
        hops=hops,
        signers=[(dom, "default")] if dkim else [],
        dmarc=dmarc,
        from_domain=dom,
        signed="Date:From:To:Subject:Message-Id:MIME-Version:Content-Type",
    )


def r_internal(r: random.Random, sender: str, dt: datetime, via: str = "") -> Route:
    ip = f"203.0.113.{r.randint(20, 29)}"
    first = (
        via
        or f"[192.168.{r.randint(10, 13)}.{r.randint(20, 220)}] (unknown [192.168.{r.randint(10, 13)}.{r.randint(20, 220)}])"
    )
    hops = [
        f"from {first}\r\n\t(Authenticated sender: {sender.split('@')[0]})\r\n\tby mail.{ORG_DOMAIN} (Postfix) "
        f"with ESMTPSA id {qid(r)};\r\n\t{hdate(dt - timedelta(seconds=1))}"
        if not via
        else hop(via, f"mail.{ORG_DOMAIN} (Postfix)", r, dt, "ESMTP", qid(r))
    ]
    return Route(
        envelope=sender,
        helo=f"mail.{ORG_DOMAIN}",
        ip=ip,
        hops=hops,
        signers=[(ORG_DOMAIN, "mail2024")],
        from_domain=ORG_DOMAIN,
        policy="quarantine",
    )


def r_sendgrid(
    r: random.Random, brand: str, rcpt: str, dt: datetime, branded: bool = True
) -> tuple[Route, str]:
    uid = digits(r, 8)
    em = f"em{r.randint(1000, 9999)}.{brand}"
    env = f"bounces+{uid}-{rs(r, 4, HEX)}-{verp(rcpt)}@{em}"
    host = f"o{r.randint(1, 30)}.ptr{r.randint(1000, 9999)}.{'mail.' + brand if branded else 'sendgrid.net'}"
    ip = f"{r.choice(['149.72', '167.89', '168.245'])}.{r.randint(0, 255)}.{r.randint(2, 250)}"
    hops = [
        f"by filterdrecv-{rs(r, 10, HEX)}-{rs(r, 5, 'abcdefghijklmnopqrstuvwxyz0123456789')} with SMTP id "
        f"filterdrecv-{rs(r, 10, HEX)}-{rs(r, 5, HEX)}-1-{rs(r, 8, UHEX)}-{r.randint(1, 40)}\r\n\t"
        f"{dt.astimezone(UTC).strftime('%Y-%m-%d %H:%M:%S')}.{digits(r, 9)} +0000 UTC m=+{r.randint(100, 9999)}.{digits(r, 9)}",
        f"from {rs(r, 22, ALNUM)} (unknown)\r\n\tby geopod-ismtpd-{r.randint(1, 40)} (SG) with HTTP\r\n\t"
        f"id {rs(r, 22, URLSAFE)}\r\n\t{hdate(dt, True).replace('+0000', '+0000 (UTC)')}",
    ]
    after: list[Header] = [
        ("X-SG-EID", "\r\n " + fold_b64(f"u001.{rs(r, 150, ALNUM + '+/')}", 70, 74).replace("\t", "")),
        ("X-SG-ID", f"u001.SdBcvi+Evd/bQef8eZF3Bh{rs(r, 60, ALNUM + '+/')}"),
        ("X-Entity-ID", f"u001.{rs(r, 22, ALNUM + '+/')}=="),
    ]
    rt = Route(
        envelope=env, helo=host, ip=ip, hops=hops, signers=[(brand, "s1"), ("sendgrid.info", "smtpapi")],
        from_domain=brand, after_sig=after, signed="from:subject:list-unsubscribe:list-unsubscribe-post:content-type:to:cc:content-type:from:subject:to",
    )  # fmt: skip
    return rt, uid


def sg_link(r: random.Random, uid: str, brand: str = "", branded: bool = False) -> str:
    host = f"url{uid[:4]}.{brand}" if branded and brand else f"u{uid}.ct.sendgrid.net"
    upn = "u001." + rs(r, 60, ALNUM) + "-2F" + rs(r, 40, ALNUM) + "-3D" + rs(r, 6, ALNUM)
    return f"https://{host}/ls/click?upn={upn}"


def r_ses(
    r: random.Random, brand: str, dt: datetime, region: str = "ap-northeast-1", custom_from: bool = True
) -> tuple[Route, str]:
    sid, _ = mid_ses(r, region)
    env = f"{sid}@{'bounce.' + brand if custom_from else (region + '.amazonses.com' if region != 'us-east-1' else 'amazonses.com')}"
    n = r.randint(2, 60)
    if region == "us-east-1":
        host, ip = f"a8-{n}.smtp-out.amazonses.com", f"54.240.8.{n}"
    else:
        host, ip = (
            f"e{r.randint(234, 235)}-{n}.smtp-out.{region}.amazonses.com",
            f"23.251.{r.randint(234, 235)}.{n}",
        )
    after: list[Header] = [
        ("Feedback-ID", f"::1.{region}.{rs(r, 43, ALNUM + '+/')}=:AmazonSES"),
        ("X-SES-Outgoing", f"2026.{dt.astimezone(UTC).strftime('%m.%d')}-{ip}"),
    ]
    rt = Route(
        envelope=env, helo=host, ip=ip, signers=[(brand, rs(r, 32, "abcdefghijklmnopqrstuvwxyz234567")),
        ("amazonses.com", rs(r, 32, "abcdefghijklmnopqrstuvwxyz234567"))], from_domain=brand, after_sig=after, tls=True,
        signed="Subject:From:To:Date:Mime-Version:Content-Type:Message-Id:List-Unsubscribe:List-Unsubscribe-Post:Feedback-ID",
    )  # fmt: skip
    return rt, sid


def ses_link(r: random.Random, target: str, sid: str, region: str = "ap-northeast-1") -> str:
    enc = urllib.parse.quote(target, safe="")
    return f"https://{rs(r, 8, 'abcdefghijklmnopqrstuvwxyz0123456789')}.r.{region}.awstrack.me/L0/{enc}/1/{sid}/{rs(r, 28, ALNUM)}=4{digits(r, 2)}"


def r_mailchimp(r: random.Random, brand: str, rcpt: str, dt: datetime) -> tuple[Route, str, str]:
    dc = f"us{r.randint(2, 21)}"
    uidh = rs(r, 25, HEX)
    n = r.randint(10, 250)
    host = f"mail{n}.{r.choice(['atl11', 'atl41', 'suw13', 'sea91'])}.mcdlv.net"
    env = f"bounce-mc.{dc}_{digits(r, 8)}.{digits(r, 7)}-{rs(r, 10, HEX)}@{host}"
    after: list[Header] = [
        ("X-MC-User", uidh),
        ("X-Feedback-ID", f"{digits(r, 8)}:{digits(r, 8)}.{digits(r, 7)}:{dc}:mc"),
        (
            "X-Report-Abuse",
            f"Please report abuse for this campaign here:\r\n https://mailchimp.com/contact/abuse/?u={uidh}&id={rs(r, 10, HEX)}&e={rs(r, 10, HEX)}",
        ),
        ("X-Mailer", "Mailchimp Mailer - **CID" + rs(r, 20, HEX) + "**"),
    ]
    rt = Route(
        envelope=env, helo=host, ip=f"198.2.{r.randint(128, 191)}.{r.randint(2, 250)}", signers=[(brand, "k2"), ("mcdlv.net", "k2")],
        from_domain=brand, after_sig=after, signed="Subject:From:Reply-To:To:Date:Message-ID:List-ID:List-Unsubscribe:List-Unsubscribe-Post:Content-Type:MIME-Version",
    )  # fmt: skip
    return rt, dc, uidh


def r_hubspot(r: random.Random, brand: str, dt: datetime) -> Route:
    n = r.randint(1, 9)
    host = f"{rs(r, 4, 'abcdefghijklmnopqrstuvwxyz')}{n}.hubspotemail.net"
    env = f"1{rs(r, 3, 'abcdefghijklmnopqrstuvwxyz')}{rs(r, 40, 'abcdefghijklmnopqrstuvwxyz0123456789')}-{rs(r, 20, HEX)}@bf{n}{rs(r, 1, 'abcdef')}.hubspotemail.net"
    return Route(
        envelope=env, helo=host, ip=f"143.244.{r.randint(80, 95)}.{r.randint(2, 250)}",
        signers=[(brand, f"hs1-{digits(r, 8)}"), ("hubspotemail.net", f"hs1-{digits(r, 8)}")], from_domain=brand,
        after_sig=[("X-HS-Cid", rs(r, 30, ALNUM)), ("X-Report-Abuse-To", "abuse@hubspot.com")],
        signed="Date:From:Reply-To:To:Subject:MIME-Version:Content-Type:Message-ID:List-Unsubscribe",
    )  # fmt: skip


def r_sfmc(r: random.Random, brand: str, dt: datetime) -> tuple[Route, str]:
    sub = f"e.{brand}"
    job = f"{digits(r, 6)}_{digits(r, 7)}"
    env = f"bounce-{r.randint(10, 99)}_HTML-{digits(r, 9)}-{digits(r, 7)}-{digits(r, 8)}-{r.randint(1, 999)}@bounce.{sub}"
    host = f"mta{r.randint(1, 9)}.{sub}"
    rt = Route(
        envelope=env, helo=host, ip=f"13.111.{r.randint(0, 127)}.{r.randint(2, 250)}", signers=[(sub, "200608")], from_domain=sub,
        after_sig=[("x-job", job), ("X-SFMC-Stack", str(r.randint(1, 12)))],
        signed="From:To:Subject:Date:List-Unsubscribe:MIME-Version:Reply-To:List-ID:X-CSA-Complaints:Message-ID:Content-Type",
    )  # fmt: skip
    return rt, sub


def r_marketo(r: random.Random, brand: str, dt: datetime) -> tuple[Route, str]:
    munchkin = f"{digits(r, 3)}-{rs(r, 3, string.ascii_uppercase)}-{digits(r, 3)}"
    env = f"{munchkin}.0.{digits(r, 5)}.0.0.{digits(r, 5)}.9.{digits(r, 8)}@{r.choice(['sj', 'ab'])}.mktomail.com"
    rt = Route(
        envelope=env, helo=f"mail{r.randint(100, 999)}.sj.mktomail.com", ip=f"199.15.{r.randint(212, 215)}.{r.randint(2, 250)}",
        signers=[(brand, "m1"), ("mktdns.com", "m1")], from_domain=brand, after_sig=[("X-MarketoID", f"{munchkin}:{digits(r, 3)}:{digits(r, 5)}:{digits(r, 8)}"), ("X-PVIID", f"{munchkin}:{digits(r, 3)}:{digits(r, 7)}:{digits(r, 8)}"), ("X-Binding", "bulkmkto")],
        signed="Date:From:To:Subject:MIME-Version:Content-Type:List-Unsubscribe",
    )  # fmt: skip
    return rt, munchkin


def r_generic_esp(r: random.Random, brand: str, esp: str, dt: datetime) -> Route:
    """Japanese ESPs: Cuenote (bounce on the brand's subdomain), Benchmark (bmsend.com),
    blastmail and WiLL Mail (their own bounce domains)."""
    if esp == "cuenote":
        env = f"{rs(r, 8, HEX)}-{rs(r, 10, HEX)}-{rs(r, 6, HEX)}@bounce.{brand}"
        host, ip, signers = (
            f"cnfc{r.randint(1, 40):02d}.{brand}",
            f"210.228.{r.randint(40, 63)}.{r.randint(2, 250)}",
            [(brand, "cuenote")],
        )
    elif esp == "benchmark":
        env = f"bounce-{digits(r, 8)}-{digits(r, 9)}-{digits(r, 7)}@bmsend.com"
        host, ip, signers = (
            f"mta{r.randint(1, 90)}.bmsend.com",
            f"206.81.{r.randint(128, 159)}.{r.randint(2, 250)}",
            [(brand, "bme"), ("bmsend.com", "bme")],
        )
    elif esp == "blastmail":
        env = f"b-{rs(r, 12, 'abcdefghijklmnopqrstuvwxyz0123456789')}-{digits(r, 9)}@bounce.blastmail.jp"
        host, ip, signers = (
            f"mta{r.randint(1, 40)}.blastmail.jp",
            f"160.16.{r.randint(0, 255)}.{r.randint(2, 250)}",
            [(brand, "bm1"), ("blastmail.jp", "bm")],
        )
    else:  # willmail
        env = f"err-{digits(r, 7)}-{digits(r, 8)}@willmail.jp"
        host, ip, signers = (
            f"smtp{r.randint(1, 20)}.willmail.jp",
            f"180.222.{r.randint(0, 255)}.{r.randint(2, 250)}",
            [(brand, "wm1"), ("willmail.jp", "wm")],
        )
    return Route(envelope=env, helo=host, ip=ip, signers=signers, from_domain=brand)


def unsub_headers(web: str, mailto: str = "", one_click: bool = True) -> list[Header]:
    v = f"<{web}>" + (f",\r\n <mailto:{mailto}>" if mailto else "")
    hs: list[Header] = [("List-Unsubscribe", v)]
    if one_click:
        hs.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    return hs


# --------------------------------------------------------------------------------------------
# ESP newsletters and campaigns


@dataclass
class Esp:
    route: Route
    msgid: str
    link: Callable[[str], str]
    pixel: str
    unsub: list[Header]
    extra: list[Header]
    cs: str = "utf-8"
    cte: str = "quoted-printable"


def _lc(r: random.Random, n: int) -> str:
    return rs(r, n, "abcdefghijklmnopqrstuvwxyz0123456789")


def esp_setup(r: random.Random, esp: str, brand: str, rcpt: str, dt: datetime) -> Esp:
    slug = brand.split(".")[0].replace("-", "")
    if esp == "sendgrid":
        rt, uid = r_sendgrid(r, brand, rcpt, dt, branded=r.random() < 0.5)
        branded = r.random() < 0.5
        return Esp(
            rt, f"<{rs(r, 22, URLSAFE)}@geopod-ismtpd-{r.randint(1, 40)}>", lambda u: sg_link(r, uid, brand, branded),
            f"https://u{uid}.ct.sendgrid.net/wf/open?upn=u001.{rs(r, 90, ALNUM)}-3D",
            unsub_headers(f"https://u{uid}.ct.sendgrid.net/lu/unsubscribe?id={rs(r, 40, ALNUM)}", f"unsubscribe@em{digits(r, 4)}.{brand}"),
            [], "utf-8", "quoted-printable",
        )  # fmt: skip
    if esp == "ses":
        rt, sid = r_ses(r, brand, dt)
        return Esp(
            rt, f"<{sid}@ap-northeast-1.amazonses.com>", lambda u: ses_link(r, u, sid),
            f"https://{_lc(r, 8)}.r.ap-northeast-1.awstrack.me/I0/{sid}/{rs(r, 28, ALNUM)}=4{digits(r, 2)}",
            unsub_headers(f"https://www.{brand}/mail/unsubscribe?token={rs(r, 48, URLSAFE)}", f"unsubscribe+{_lc(r, 16)}@{brand}"),
            [], "utf-8", "base64",
        )  # fmt: skip
    if esp == "mailchimp":
        rt, dc, u = r_mailchimp(r, brand, rcpt, dt)
        cid, e = rs(r, 10, HEX), rs(r, 10, HEX)
        base = f"https://{slug}.{dc}.list-manage.com"
        return Esp(
            rt, f"<{rs(r, 24, HEX)}.{digits(r, 7)}.{digits(r, 13)}@mail{r.randint(10, 250)}.atl41.mcdlv.net>",
            lambda _u: f"{base}/track/click?u={u}&id={rs(r, 10, HEX)}&e={e}", f"{base}/track/open.php?u={u}&id={cid}&e={e}",
            unsub_headers(f"{base}/unsubscribe?u={u}&id={rs(r, 10, HEX)}&t=b&e={e}&c={cid}", f"unsubscribe-mc.{dc}_{u}.{cid}-{e}@mailin{r.randint(1, 9)}.{dc}.mcsv.net?subject=unsubscribe"),
            [("List-ID", f"{slug} <{u}.{_lc(r, 16)}.list-id.mcsv.net>"), ("X-Accounttype", "pd")], "utf-8", "quoted-printable",
        )  # fmt: skip
    if esp == "hubspot":
        rt = r_hubspot(r, brand, dt)
        h = f"{_lc(r, 8)}.na1.hubspotlinks.com"
        return Esp(
            rt, f"<{digits(r, 13)}.{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@bf{r.randint(1, 9)}a.hubspotemail.net>",
            lambda _u: f"https://{h}/Ctc/{r.choice(['L2', '5D', 'W2', 'RG'])}+113/{h[:8]}/VW{rs(r, 40, ALNUM)}W{rs(r, 30, ALNUM)}-{rs(r, 20, ALNUM)}/{rs(r, 40, ALNUM)}",
            f"https://{h}/Cto/{r.choice(['L2', '5D'])}+113/{h[:8]}/{rs(r, 40, ALNUM)}",
            unsub_headers(f"https://{h}/hs/manage-preferences/unsubscribe-all?languagePreference=ja&d={rs(r, 60, ALNUM)}&v=3&utm_source=hs_email"),
            [("X-HubSpot-Message-Type", "marketing")], "utf-8", "quoted-printable",
        )  # fmt: skip
    if esp == "sfmc":
        rt, sub = r_sfmc(r, brand, dt)
        return Esp(
            rt, f"<{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@atl1s07mta{r.randint(1000, 2999)}.xt.local>",
            lambda _u: f"https://click.{sub}/?qs={rs(r, 160, HEX)}", f"https://view.{sub}/open.aspx?ffcb10-{rs(r, 60, HEX)}",
            unsub_headers(f"https://click.{sub}/subscription_center.aspx?jwt={rs(r, 120, URLSAFE)}", f"leave-{rs(r, 60, HEX)}@leave.{sub}"),
            [("X-CSA-Complaints", "csa-complaints@eco.de"), ("List-ID", f"<{digits(r, 8)}.xt.local>")], "utf-8", "quoted-printable",
        )  # fmt: skip
    if esp == "marketo":
        rt, mk = r_marketo(r, brand, dt)
        tok = base64.b64encode(mk.encode()).decode().rstrip("=")
        return Esp(
            rt, mid_java(r, f"{r.choice(['sjmas', 'abmas'])}{r.randint(1, 9):02d}.marketo.org"),
            lambda _u: f"https://go.{brand}/{tok}AAAB{rs(r, 120, URLSAFE)}", f"https://go.{brand}/trk?t=1&mid={tok}AAAB{rs(r, 80, URLSAFE)}",
            unsub_headers(f"https://go.{brand}/UnsubscribePage.html?mkt_unsubscribe=1&mkt_tok={tok}AAAB{rs(r, 120, URLSAFE)}", f"{mk}.{digits(r, 8)}@unsub-sj.mktomail.com", False),
            [], "utf-8", "quoted-printable",
        )  # fmt: skip
    if esp == "cuenote":
        rt = r_generic_esp(r, brand, esp, dt)
        return Esp(
            rt, mid_local(r, dt, f"cnfc{r.randint(1, 9)}.{brand}"), lambda _u: f"https://{slug}.cuenote.jp/c/{rs(r, 8, ALNUM)}/{rs(r, 8, ALNUM)}/{rs(r, 8, ALNUM)}",
            f"https://{slug}.cuenote.jp/o/{rs(r, 8, ALNUM)}/{rs(r, 8, ALNUM)}.gif",
            unsub_headers(f"https://{slug}.cuenote.jp/reg/{rs(r, 8, ALNUM)}/unsubscribe?key={rs(r, 32, HEX)}", f"unsubscribe-{rs(r, 16, HEX)}@bounce.{brand}"),
            [], "iso-2022-jp", "7bit",
        )  # fmt: skip
    if esp == "benchmark":
        rt = r_generic_esp(r, brand, esp, dt)
        e = rs(r, 7, UHEX)
        return Esp(
            rt, f"<{digits(r, 9)}.{digits(r, 6)}.{digits(r, 12)}@bmsend.com>",
            lambda _u: f"https://t.benchmarkemail.com/c/v?e={e}&c={rs(r, 6, UHEX)}&t=0&l={rs(r, 8, UHEX)}&email={rs(r, 40, ALNUM)}%3D%3D",
            f"https://t.benchmarkemail.com/c/o?e={e}&c={rs(r, 6, UHEX)}&t=0&email={rs(r, 40, ALNUM)}%3D%3D",
            unsub_headers(f"https://t.benchmarkemail.com/c/u?e={e}&c={rs(r, 6, UHEX)}&l={rs(r, 8, UHEX)}&email={rs(r, 40, ALNUM)}%3D%3D", f"unsubscribe-{e}@bmsend.com"),
            [("X-Campaign-ID", digits(r, 8))], "utf-8", "base64",
        )  # fmt: skip
    rt = r_generic_esp(r, brand, esp, dt)
    host = "c.bme.jp" if esp == "blastmail" else "rsv.willap.jp"
    return Esp(
        rt, mid_local(r, dt, rt.helo), lambda _u: f"https://{host}/{digits(r, 2)}/{digits(r, 4)}/{digits(r, 3)}/{digits(r, 4)}",
        f"https://{host}/o/{rs(r, 24, HEX)}.gif",
        unsub_headers(f"https://{host}/bm/p/f/tf.php?id={slug}&task=cancel&m={rs(r, 20, HEX)}", "", r.random() < 0.6),
        [], "iso-2022-jp" if esp == "blastmail" else "utf-8", "7bit" if esp == "blastmail" else "base64",
    )  # fmt: skip


def esp_html(
    brand_name: str, color: str, pre: str, intro: str, items: Sequence[tuple[str, str, str, str]], footer: str,
    e: Esp, cta: tuple[str, str] | None = None,
) -> str:  # fmt: skip
    rows = []
    for head, blurb, target, shown in items:
        rows.append(
            f'<tr><td style="padding:16px 24px;border-bottom:1px solid #e5e5e5;">'
            f'<p style="margin:0 0 6px;font-size:16px;font-weight:bold;"><a href="{e.link(target)}" '
            f'style="color:#222;text-decoration:none;">{head}</a></p>'
            f'<p style="margin:0 0 8px;font-size:14px;line-height:1.7;color:#444;">{blurb}</p>'
            f'<p style="margin:0;font-size:12px;"><a href="{e.link(target)}" style="color:{color};">{shown}</a></p></td></tr>'
        )
    button = ""
    if cta:
        button = (
            f'<tr><td align="center" style="padding:24px;"><a href="{e.link(cta[1])}" style="display:inline-block;'
            f'background:{color};color:#fff;padding:14px 40px;border-radius:4px;font-size:16px;text-decoration:none;">'
            f"{cta[0]}</a></td></tr>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{brand_name}</title>\n</head>\n"
        '<body style="margin:0;padding:0;background:#f2f2f2;">\n'
        f'<div style="display:none;max-height:0;overflow:hidden;">{pre}</div>\n'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center">\n'
        '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background:#fff;">\n'
        f'<tr><td style="background:{color};padding:18px 24px;color:#fff;font-size:20px;font-weight:bold;">{brand_name}</td></tr>\n'
        f'<tr><td style="padding:20px 24px;font-size:14px;line-height:1.8;color:#333;">{intro}</td></tr>\n'
        + "\n".join(rows)
        + "\n"
        + button
        + f'\n<tr><td style="padding:20px 24px;font-size:11px;line-height:1.6;color:#888;background:#fafafa;">{footer}<br>'
        f'配信停止は<a href="{e.link("unsub")}" style="color:#888;">こちら</a>から'
        f'</td></tr>\n</table>\n</td></tr></table>\n<img src="{e.pixel}" width="1" height="1" alt="" style="display:block;border:0;">\n'
        "</body>\n</html>"
    )


def esp_text(
    intro_txt: str,
    items: Sequence[tuple[str, str, str, str]],
    footer_txt: str,
    e: Esp,
    cta: tuple[str, str] | None,
) -> str:
    out = [intro_txt, "", "━━━━━━━━━━━━━━━━━━━━━━━━━━"]
    for head, blurb, target, _shown in items:
        out += ["", f"■{head}", blurb, "▼詳しくはこちら", e.link(target)]
    if cta:
        out += ["", f"▼{cta[0]}", e.link(cta[1])]
    out += ["", "━━━━━━━━━━━━━━━━━━━━━━━━━━", footer_txt, "", "▼配信停止・登録内容の変更", e.link("unsub")]
    return "\n".join(out)


def esp_message(
    r: random.Random, esp: str, brand: str, brand_name: str, from_local: str, subject: str, dt: datetime,
    rcpt: Person, pre: str, intro: str, items: Sequence[tuple[str, str, str, str]], footer: str,
    color: str = "#1a4f8b", cta: tuple[str, str] | None = None, html_only: bool = False,
) -> bytes:  # fmt: skip
    e = esp_setup(r, esp, brand, rcpt.address, dt)
    intro_html = intro.replace("\n", "<br>\n")
    html = esp_html(brand_name, color, pre, intro_html, items, footer.replace("\n", "<br>\n"), e, cta)
    hcs = "utf-8" if e.cs == "iso-2022-jp" else e.cs
    hcte = "base64" if e.cs == "iso-2022-jp" else e.cte
    hpart = text(html, hcs, hcte, "html")
    if html_only:
        ent = hpart
    else:
        tpart = text(esp_text(intro, items, footer, e, cta), e.cs, e.cte)
        ent = multi("alternative", [tpart, hpart], bnd(r, "esp" if esp in ("sendgrid", "ses") else "java"))
    hcs_subject = "iso-2022-jp" if e.cs == "iso-2022-jp" else "utf-8"
    enc = "Q" if esp in ("hubspot", "sfmc") else "B"
    frm = addr(brand_name, f"{from_local}@{e.route.from_domain}", hcs_subject, enc)
    to = rcpt.address if r.random() < 0.6 else addr(rcpt.name + " 様", rcpt.address, hcs_subject)
    hs = std(frm, to, hdr(subject, hcs_subject, enc, whole=True), dt, e.msgid)
    if esp in ("hubspot", "marketo", "sfmc"):
        hs.append(("Reply-To", addr(brand_name, f"info@{brand}", "utf-8", enc)))
    hs += e.unsub + e.extra
    return deliver(r, e.route, rcpt.address, dt, hs, ent)


NEWSLETTERS = (
    ("sendgrid", "monozukuri-journal.jp", "ものづくりジャーナル", "news", "#0b5394", "週刊ニュース", (
        ("工作機械受注、3か月連続で前年を上回る", "日本工作機械工業会がまとめた受注額は、外需の回復を受けて前年同月比12%増となった。", "news/2026/machine-tool-orders"),
        ("中堅製造業の7割が「人手不足で受注を断った経験あり」", "本誌の読者アンケートでは、熟練工の退職と採用難が受注機会の損失につながっている実態が見えた。", "survey/labor-2026"),
        ("補助金を使った設備更新、申請前に確認したい5つのポイント", "ものづくり補助金の公募が始まった。交付決定前の発注は対象外になる点など、よくある失敗をまとめた。", "howto/subsidy-checklist"),
        ("連載・現場改善のヒント(第18回) 段取り替え時間を半分にする", "治具の共通化と外段取り化で、段取り替えを平均42分から19分に短縮した事例を紹介する。", "series/kaizen-18"),
        ("精密加工の品質データをクラウドで共有する中小企業が増加", "測定結果をリアルタイムに取引先と共有し、受入検査を省略する取り組みが広がっている。", "news/2026/quality-cloud"),
    )),
    ("ses", "timereco.jp", "クラウド勤怠タイムレコ", "info", "#00897b", "アップデート情報", (
        ("【新機能】打刻修正の承認フローを2段階に設定できるようになりました", "部門長と人事部の2段階承認に対応しました。設定は管理画面の「ワークフロー設定」から行えます。", "news/release-20260"),
        ("年次有給休暇の取得義務、期限が近い従業員を一覧で確認", "年5日の取得義務について、取得日数が不足している従業員を抽出するレポートを追加しました。", "help/paid-leave-report"),
        ("メンテナンスのお知らせ(日曜 2:00〜5:00)", "サーバー増強のため、メンテナンス中は打刻を含む全機能がご利用いただけません。", "info/maintenance"),
        ("導入事例: 従業員120名の部品メーカーが月末締め作業を3日短縮", "紙のタイムカードからの移行で、集計と給与ソフトへの連携を自動化した事例です。", "case/parts-maker"),
    )),
    ("mailchimp", "factorytech.tokyo", "Factory Tech Meetup Tokyo", "hello", "#f57c00", "Newsletter", (
        ("次回ミートアップ: 外観検査AIを現場に入れてみた話", "登壇者3名による事例紹介とLT。会場は田町駅徒歩5分のコワーキングスペースです。", "events/meetup-32"),
        ("前回のスライドと録画を公開しました", "「PLCとクラウドをつなぐ現実的な構成」の資料をconnpassのイベントページに掲載しています。", "archive/meetup-31"),
        ("LT登壇者を募集しています", "5分間のライトニングトークを募集中です。テーマは製造現場のITなら何でも構いません。", "cfp"),
    )),
    ("hubspot", "nextfactory.co.jp", "株式会社ネクストファクトリー", "marketing", "#6a1b9a", "製造業DXメールマガジン", (
        ("【無料ウェビナー】生産管理システム選定で失敗しないための3つの視点", "パッケージ選定の進め方、要件定義の粒度、現場を巻き込むコツを60分で解説します。", "webinar/seisan-kanri"),
        ("【資料ダウンロード】紙の作業日報をやめた工場の実践ガイド", "タブレット入力に切り替えた6社の事例と、移行時のチェックリストをまとめました。", "download/nippo-guide"),
        ("お客様インタビュー: 多品種少量生産で在庫回転率を1.8倍に", "部品在庫の見える化から始めた取り組みについて、工場長に伺いました。", "case/inventory"),
    )),
    ("sfmc", "toho-keizai.jp", "東邦経済新聞デジタル", "newsletter", "#b71c1c", "朝刊ダイジェスト", (
        ("日銀、政策金利を据え置き 物価見通しは上方修正", "金融政策決定会合では賃上げの広がりを確認しつつ、追加利上げの時期を慎重に見極める姿勢を示した。", "article/20260-boj"),
        ("設備投資計画、製造業は2年連続で2桁増", "本社集計の設備投資動向調査で、省力化投資と脱炭素関連が全体を押し上げた。", "article/capex-survey"),
        ("中小企業の賃上げ、価格転嫁が進むかが焦点", "取引先への価格交渉の実態について、各地の商工会議所への取材をもとに探った。", "article/sme-wage"),
        ("きょうの注目: 機械受注統計、米雇用統計", "本日発表される主な経済指標と市場の予想をまとめた。", "markets/calendar"),
    )),
    ("marketo", "u-metrology.co.jp", "ユニバーサル計測株式会社", "info", "#004d40", "技術情報メール", (
        ("三次元測定機の定期校正、いつ実施していますか", "温度管理と校正周期の考え方を、技術資料「測定の不確かさ入門」で解説しています。", "tech/calibration"),
        ("新製品: 非接触式の表面粗さ測定ユニット", "ワークを傷つけずに0.01μm単位で測定できる新ユニットの受注を開始しました。", "products/new-unit"),
        ("出展のご案内: 精密機械展2026(東京ビッグサイト)", "ブースでは実機によるデモを行います。事前来場登録で入場無料です。", "event/expo2026"),
    )),
    ("benchmark", "chusho-keiei.jp", "中小企業経営研究会", "info", "#33691e", "経営メルマガ", (
        ("今月のコラム: 価格転嫁の交渉は「根拠資料」で決まる", "原材料費とエネルギー費の推移をどう示すか。交渉がまとまった会員企業の資料を参考に整理しました。", "column/pricing"),
        ("事業承継セミナー(オンライン・参加無料)", "後継者への株式移転と金融機関との対話について、税理士と金融機関OBが解説します。", "seminar/shokei"),
        ("改正法のポイント: 取適法(旧下請法)の施行に向けて", "手形払いの禁止など、発注側・受注側の双方に影響する改正点をまとめました。", "column/toriteki"),
    )),
    ("blastmail", "tokyo-seimitsu.or.jp", "一般社団法人 東京精密機械工業会", "jimukyoku", "#37474f", "会員通信", (
        ("定時総会の開催について", "本年度の定時総会を下記のとおり開催いたします。出欠のご回答を会員専用ページにてお願いいたします。", "member/soukai"),
        ("技能検定(機械加工)受検申請の受付開始", "会員企業の従業員の方は受検手数料の一部補助がございます。", "member/kentei"),
        ("工場見学会のお知らせ", "会員企業2社の工場見学会を実施します。定員20名、先着順です。", "member/kengaku"),
    )),
    ("willmail", "somu-navi.jp", "総務ナビ", "mag", "#455a64", "総務・人事ニュース", (
        ("社会保険の適用拡大、10月からの対象企業と手続き", "従業員51人以上の企業で短時間労働者が加入対象になります。手続きの流れを確認しましょう。", "article/shaho-kakudai"),
        ("年末調整の準備は10月から: 今年の変更点まとめ", "基礎控除の見直しなど、今年の年末調整で注意すべき点を社労士が解説します。", "article/nencho-2026"),
        ("防災備蓄品の見直し時期です", "備蓄品の賞味期限管理と、在宅勤務者向けの備えについて事例を紹介します。", "article/bousai"),
    )),
    ("cuenote", "kougu-tomo.co.jp", "工具の友 技術通信", "mailmag", "#e65100", "技術通信", (
        ("切削工具の寿命を延ばすクーラント管理", "濃度と腐敗の管理で工具寿命が2割延びた事例を紹介します。", "tech/coolant"),
        ("新カタログ(2026年版)を無料でお送りします", "最新の総合カタログをご希望の方に無料でお送りします。Web版も公開中です。", "catalog/2026"),
        ("技術相談窓口のご案内", "加工条件やびびり対策など、技術相談を電話・メールで受け付けています。", "support/consult"),
    )),
)  # fmt: skip


def b_esp_newsletter(r: random.Random, i: int) -> list[bytes]:
    esp, brand, name, local, color, series, pool = NEWSLETTERS[i % len(NEWSLETTERS)]
    dt = rdate(r, h0=6, h1=11)
    rcpt = r.choice(EVERYONE)
    chosen = r.sample(pool, min(3, len(pool)))
    items = [
        (
            h,
            b,
            f"https://www.{brand}/{p}?utm_source=newsletter&utm_medium=email&utm_campaign={dt:%Y%m%d}",
            f"https://www.{brand}/{p}",
        )
        for h, b, p in chosen
    ]
    no = r.randint(120, 980)
    subject = r.choice([
        f"【{name}】{series} {dt.year}年{dt.month}月{dt.day}日号 - {chosen[0][0]}",
        f"{chosen[0][0]}｜{series} Vol.{no}" if esp not in ("cuenote", "blastmail") else f"{chosen[0][0]} / {series} Vol.{no}",
        f"[{series}] {chosen[0][0]} ほか",
    ])  # fmt: skip
    intro = f"{rcpt.name.split()[0]} 様\n\nいつも{name}をご愛読いただきありがとうございます。\n今号の主な内容をお届けします。"
    if esp in ("blastmail", "willmail"):
        intro = f"{ORG_NAME}\n{rcpt.name} 様\n\n{name}より会員の皆様へお知らせいたします。"
    footer = (
        f"このメールは{name}にご登録いただいた方にお送りしています。\n発行: {name}  https://www.{brand}/\n"
        f"お問い合わせ: info@{brand}\n掲載記事の無断転載を禁じます。"
    )
    return [
        esp_message(
            r,
            esp,
            brand,
            name,
            local,
            subject,
            dt,
            rcpt,
            chosen[0][1][:40],
            intro,
            items,
            footer,
            color,
            html_only=r.random() < 0.15,
        )
    ]


CAMPAIGNS = (
    ("cuenote", "sakura-air.jp", "さくら航空", "info", "#c2185b", (
        ("【タイムセール】国内線 片道5,900円から 明日23:59まで", "期間限定のタイムセールを開催中です。ご予約はお早めに。", "sale/timesale", "航空券を探す"),
        ("【会員様限定】ボーナスマイル2倍キャンペーンのご案内", "キャンペーン期間中のご搭乗で、区間基本マイルの2倍を積算いたします。事前登録が必要です。", "campaign/bonus-mile", "キャンペーンに登録する"),
        ("マイル有効期限のお知らせ(2026年3月末で失効するマイルがあります)", "お客様の口座には、まもなく有効期限を迎えるマイルがございます。特典航空券や電子マネーへの交換をご検討ください。", "mile/expire", "マイル残高を確認する"),
    )),
    ("sfmc", "hotel-miyabi.jp", "ホテルみやび", "reservation", "#5d4037", (
        ("【期間限定】ビジネスプラン 朝食付き 20%OFF", "出張のお客様に好評のビジネスプランを、期間限定の特別料金でご用意しました。", "plan/business", "プランを見る"),
        ("【早期予約特典】忘年会・新年会プラン 12月31日まで", "10名様以上のご予約で幹事様1名無料。お早めのご予約をおすすめします。", "plan/party", "宴会プランを予約する"),
        ("ポイント失効のお知らせ: ご利用はお早めに", "お持ちのポイントの一部が今月末で有効期限を迎えます。ご宿泊やレストランでご利用いただけます。", "member/points", "ポイントを確認する"),
    )),
    ("ses", "kagura-office.jp", "オフィス家具のカグラ", "shop", "#2e7d32", (
        ("【本日まで】オフィスチェア全品15%OFF 決算セール", "決算セールは本日23:59で終了します。法人様向け請求書払いもご利用いただけます。", "sale/kessan", "セール会場へ"),
        ("カートに商品が残っています", "お客様のショッピングカートに商品が保存されています。在庫には限りがございますのでお早めにご注文ください。", "cart", "カートを確認する"),
        ("【法人様限定】まとめ買い割引のご案内", "10脚以上のご注文で、さらに5%割引いたします。お見積りは無料です。", "biz/volume", "お見積りを依頼する"),
    )),
    ("sendgrid", "insatsu-kobo.jp", "いんさつ工房", "info", "#0277bd", (
        ("【クーポン】名刺印刷 20%OFF 今週末まで", "新年度の名刺のご準備はお済みですか。クーポンコード SPRING20 をご入力ください。", "coupon/meishi", "名刺を注文する"),
        ("チラシ印刷 最短翌日発送のご案内", "正午までのご入稿で翌日発送。A4両面カラー1,000部から承ります。", "flyer/express", "料金を確認する"),
        ("【残りわずか】2027年版カレンダー 名入れ早割", "名入れカレンダーの早割受付は残りわずかです。", "calendar/2027", "早割で注文する"),
    )),
    ("mailchimp", "shofudo.co.jp", "和菓子 松風堂", "shop", "#6d4c41", (
        ("【早割】お中元ギフト 6月30日までのご注文で10%OFF", "法人様のお中元に、日持ちのする焼き菓子の詰め合わせをご用意しました。のし・挨拶状無料。", "gift/ochugen", "ギフトを選ぶ"),
        ("お歳暮ギフトのご案内 - 法人様まとめて配送承ります", "送り先リストをExcelでお送りいただければ、一括で手配いたします。", "gift/oseibo", "法人注文について"),
        ("季節の生菓子 今月のおすすめ", "今月は桜餅と草餅をご用意しております。", "seasonal", "商品を見る"),
    )),
    ("hubspot", "kaikei-one.jp", "KAIKEI ONE", "noreply", "#1565c0", (
        ("【あと3日】無料トライアル期間が終了します", "トライアル期間終了後もデータは30日間保持されます。有料プランへの切り替えはいつでも可能です。", "pricing", "プランを選択する"),
        ("【ウェビナー】インボイス制度対応 請求書の電子保存 実務のポイント", "電子帳簿保存法とインボイス制度に対応した請求書管理を、デモを交えて解説します。", "webinar/invoice", "申し込む(無料)"),
        ("【期間限定】年払いプランが2か月分無料", "今月中に年払いプランをお申し込みいただくと、2か月分が無料になります。", "campaign/annual", "詳細を見る"),
    )),
    ("blastmail", "wa-kobayashi.jp", "和食 こばやし 芝浦店", "info", "#795548", (
        ("【ご予約受付中】忘年会コース 飲み放題付き5,500円", "個室は8名様から最大30名様までご利用いただけます。ご予約はお電話またはWebで。", "party", "ご予約はこちら"),
        ("ランチ営業再開のお知らせ", "改装工事が終わり、ランチ営業を再開いたしました。日替わり定食900円。", "lunch", "メニューを見る"),
        ("【会員様限定】ご来店で次回使える500円クーポン", "このメールをスタッフにご提示ください。今月末まで有効です。", "coupon", "クーポンを表示"),
    )),
    ("benchmark", "dennoukan.jp", "デジタルストア電脳館", "news", "#d32f2f", (
        ("【法人様向け】ノートPC入替えキャンペーン 最大30%OFF", "Windows 10からの入替えに。データ移行サービスも承ります。", "biz/pc-campaign", "キャンペーン詳細"),
        ("【48時間限定】モニター・周辺機器セール", "在庫限りの特価品を多数ご用意しました。", "sale/48h", "セール会場"),
        ("ご注文商品の再入荷のお知らせ", "お待たせいたしました。お気に入り登録いただいた商品が再入荷しました。", "restock", "商品ページへ"),
    )),
    ("marketo", "mirai-autolease.co.jp", "ミライオートリース株式会社", "info", "#283593", (
        ("【法人様限定】営業車のリース見積り 今月中のお申し込みで特典", "車両入替えのご検討に。メンテナンス込みの月額プランをご提案します。", "campaign/fleet", "無料で見積もる"),
        ("EV導入セミナー(オンライン) 残席わずか", "社用車のEV化について、補助金と充電設備の実務を解説します。", "seminar/ev", "参加登録"),
    )),
    ("willmail", "stayinn.jp", "ステイイン・ジャパン", "member", "#00838f", (
        ("【会員様限定】出張応援セール 全国80ホテル", "対象期間のご宿泊が会員価格からさらに10%OFF。", "sale/shutchou", "空室を検索"),
        ("ご宿泊のお礼とアンケートのお願い", "先日はご利用いただきありがとうございました。今後のサービス向上のため、アンケートにご協力ください。", "survey", "アンケートに回答する"),
    )),
)  # fmt: skip


def b_esp_campaign(r: random.Random, i: int) -> list[bytes]:
    esp, brand, name, local, color, offers = CAMPAIGNS[i % len(CAMPAIGNS)]
    subject, blurb, path, button = offers[(i // len(CAMPAIGNS)) % len(offers)]
    dt = rdate(r, h0=7, h1=20, weekend=True)
    rcpt = r.choice(EVERYONE)
    target = f"https://www.{brand}/{path}?utm_source=mail&utm_medium=email&utm_campaign={dt:%y%m}_{path.split('/')[0]}"
    more = [
        (h, b, f"https://www.{brand}/{p}", f"https://www.{brand}/{p}") for h, b, p, _ in offers if p != path
    ][:2]
    items = [(subject.split("】")[-1], blurb, target, f"https://www.{brand}/{path}"), *more]
    member = f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 2)}"
    intro = f"{rcpt.name} 様\n会員番号: {member}\n\nいつも{name}をご利用いただき、誠にありがとうございます。\n{blurb}"
    footer = (
        f"※本メールは送信専用アドレスからお送りしています。ご返信いただいてもお答えできません。\n"
        f"※配信の停止はマイページの「メール配信設定」から行えます。\n{name}  https://www.{brand}/"
    )
    cta = (button, target)
    return [
        esp_message(
            r,
            esp,
            brand,
            name,
            local,
            subject,
            dt,
            rcpt,
            blurb[:40],
            intro,
            items,
            footer,
            color,
            cta,
            r.random() < 0.3,
        )
    ]


# --------------------------------------------------------------------------------------------
# transactional mail: SaaS billing, banks, carriers, government, cloud


def simple(
    r: random.Random, rt: Route, frm: str, rcpt: Person, subject: str, dt: datetime, msgid: str, body: str,
    cs: str = "iso-2022-jp", cte: str = "7bit", html: str | None = None, extra: Sequence[Header] = (),
    utc: bool = False, enc: str = "B", to: str | None = None, boundary: str = "java",
) -> bytes:  # fmt: skip
    scs = "iso-2022-jp" if cs == "iso-2022-jp" else ("shift_jis" if cs == "shift_jis" else "utf-8")
    ent = text(body, cs, cte)
    if html is not None:
        hcs = "utf-8" if cs == "iso-2022-jp" else cs
        hcte = "quoted-printable" if cs == "iso-2022-jp" else cte
        ent = (
            multi("alternative", [ent, text(html, hcs, hcte, "html")], bnd(r, boundary))
            if body
            else text(html, hcs, hcte, "html")
        )
    hs = std(frm, to or rcpt.address, hdr(subject, scs, enc), dt, msgid, *extra, utc=utc)
    return deliver(r, rt, rcpt.address, dt, hs, ent)


def simple_html(paras: Sequence[str], links: Sequence[tuple[str, str]] = (), title: str = "") -> str:
    body = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>\n" for p in paras)
    body += "".join(f'<p><a href="{u}">{t}</a></p>\n' for t, u in links)
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title></head>\n'
        f"<body style=\"font-family:'Hiragino Sans','Meiryo',sans-serif;font-size:14px;line-height:1.7;\">\n{body}</body></html>"
    )


def acct(r: random.Random) -> str:
    return f"{r.choice(['普通', '普通', '当座'])} {digits(r, 7)}"


def _who(c: Correspondent) -> str:
    return c.name


def t_freee(r: random.Random) -> bytes:
    c = r.choice([DAIWA, CHIYODA, HOKUTO])
    rcpt = r.choice([KOBAYASHI, KEIRI_BUCHO])
    dt = rdate(r, h0=9, h1=18)
    rt, sid = r_ses(r, "freee.co.jp", dt)
    amount = r.randint(30, 900) * 1100
    inv = f"{dt:%Y%m}-{digits(r, 4)}"
    due = later(dt.replace(day=28) + timedelta(days=4), 20)
    link = f"https://invoice.secure.freee.co.jp/public/document_preview/{rs(r, 40, URLSAFE)}"
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\n{c.name}より請求書が発行されました。\n下記URLより内容をご確認ください。\n\n"
        f"請求書番号: {inv}\n請求金額: {yen(amount)}円(税込)\nお支払期限: {jdate(due, False)}\n\n"
        f"▼請求書を確認する\n{link}\n\n※ダウンロード期限: 発行日から180日間\n\n---- {c.name} からのメッセージ ----\n"
        f"いつもお世話になっております。\n{dt.month}月分のご請求書をお送りいたします。\nご確認のほど、よろしくお願いいたします。\n"
        f"{c.contact.name}\n------------------------------------\n\n"
        "このメールは freee請求書 から送信されています。\nお問い合わせは送信元の事業者へ直接お願いいたします。\n"
        "freee株式会社  https://www.freee.co.jp/"
    )
    html = simple_html(body.split("\n\n"), [("請求書を確認する", link)], "請求書のお知らせ")
    frm = addr(f"{c.name}(freee請求書)", "no-reply@freee.co.jp")
    extra = [("Reply-To", addr(c.contact.name, c.contact.address))]
    return simple(
        r,
        rt,
        frm,
        rcpt,
        f"【請求書送付】{c.name}より請求書が届きました",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
        html,
        extra,
    )


def t_mf_invoice(r: random.Random) -> bytes:
    c = r.choice([CHIYODA, FUJI, SUZUKI, DAIWA])
    rcpt = r.choice([KOBAYASHI, KEIRI_BUCHO])
    dt = rdate(r, h0=9, h1=19)
    rt, uid = r_sendgrid(r, "moneyforward.com", rcpt.address, dt, branded=False)
    amount = r.randint(20, 600) * 1100
    link = f"https://invoice.moneyforward.com/recipient/billings/{rs(r, 22, URLSAFE)}"
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\n{c.name} {c.contact.name} 様から請求書が届いています。\n\n"
        f"件名: {dt.month}月分 ご請求書\n金額: ¥{yen(amount)}\nお支払期限: {jdate(later(dt, 30), False)}\n\n"
        f"以下のURLから請求書をダウンロードできます。\n{sg_link(r, uid)}\n\n"
        "※このメールはマネーフォワード クラウド請求書から自動送信されています。\n"
        "※請求内容に関するお問い合わせは、送付元の事業者様へ直接ご連絡ください。\n\n"
        "マネーフォワード クラウド請求書\nhttps://biz.moneyforward.com/invoice/"
    )
    html = simple_html(body.split("\n\n"), [(link, sg_link(r, uid))])
    frm = addr("マネーフォワード クラウド請求書", "noreply@moneyforward.com")
    mid = f"<{rs(r, 22, URLSAFE)}@geopod-ismtpd-{r.randint(1, 40)}>"
    return simple(
        r,
        rt,
        frm,
        rcpt,
        f"【請求書送付のお知らせ】{c.name} 様より",
        dt,
        mid,
        body,
        "utf-8",
        "quoted-printable",
        html,
        [("Reply-To", c.contact.address)],
    )


def t_billone(r: random.Random) -> bytes:
    c = r.choice(CORRESPONDENTS)
    rcpt = r.choice([KOBAYASHI, KEIRI_BUCHO])
    dt = rdate(r, h0=9, h1=19)
    rt, sid = r_ses(r, "bill-one.com", dt)
    link = f"https://app.bill-one.com/invoices/{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}"
    body = (
        f"{rcpt.name} 様\n\n請求書を受領しました。内容を確認し、承認をお願いします。\n\n"
        f"取引先: {c.name}\n請求金額: {yen(r.randint(10, 800) * 1000)}円\n受領日: {jdate(dt, False)}\n"
        f"支払期日: {jdate(later(dt, 25), False)}\n\n{link}\n\n──\nBill One 請求書受領サービス\n"
        "本メールは送信専用です。ご返信いただいてもお答えできません。"
    )
    frm = addr("Bill One", "noreply@bill-one.com")
    return simple(
        r,
        rt,
        frm,
        rcpt,
        f"[Bill One] 請求書の承認依頼: {c.name}",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def t_sakura_bill(r: random.Random) -> bytes:
    rcpt = r.choice([KATO, KOBAYASHI])
    dt = rdate(r, h0=3, h1=6, weekend=True).replace(day=r.randint(1, 3))
    rt = Route(envelope="info@sakura.ad.jp", helo=f"mail{r.randint(1, 9)}.sakura.ad.jp", ip=f"210.188.{r.randint(224, 231)}.{r.randint(2, 250)}", signers=[("sakura.ad.jp", "s2048")], from_domain="sakura.ad.jp", policy="reject")  # fmt: skip
    member = f"{rs(r, 3, 'abcdefghijklmnopqrstuvwxyz')}{digits(r, 5)}"
    lines = [
        ("さくらのレンタルサーバ ビジネス", 2619),
        ("さくらのクラウド サーバ 2コア/4GB", r.randint(4000, 9000)),
        ("ドメイン minato-seiki.co.jp 更新", 0),
    ]
    total = sum(x for _, x in lines)
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\nさくらインターネットをご利用いただき、ありがとうございます。\n"
        f"{dt.month - 1 if dt.month > 1 else 12}月分のご利用料金が確定しましたので、お知らせいたします。\n\n"
        f"■会員ID    : {member}\n■ご請求金額: {yen(total)}円(税込)\n■お支払方法: 請求書払い\n\n"
        "ご請求の明細は、会員メニューの「契約中のサービス一覧」→「請求書」からご確認いただけます。\n"
        "https://secure.sakura.ad.jp/auth/login\n\n"
        "※本メールは送信専用アドレスからお送りしております。\n"
        "─────────────────────────────\nさくらインターネット株式会社\nhttps://www.sakura.ad.jp/\n"
        "─────────────────────────────"
    )
    return simple(
        r,
        rt,
        addr("さくらインターネット", "info@sakura.ad.jp", "iso-2022-jp"),
        rcpt,
        "[さくらインターネット] ご請求金額確定のお知らせ",
        dt,
        mid_local(r, dt, "sakura.ad.jp"),
        body,
    )


def t_ms_invoice(r: random.Random) -> bytes:
    rcpt = KATO
    dt = rdate(r, h0=1, h1=8)
    rt = Route(
        envelope=f"msonlineservicesteam@{'email2.microsoftonline.com'}", helo=f"mail-{r.choice(['bn8nam12', 'dm6nam10'])}on20{digits(r, 2)}.outbound.protection.outlook.com",
        ip=f"40.107.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("microsoft.com", "s1024-meo")], from_domain="microsoft.com", policy="reject",
    )  # fmt: skip
    num = f"E0{digits(r, 8)}"
    amt = r.randint(40, 90) * 1000 + r.randint(0, 999)
    body = (
        f"お客様の請求書の準備ができました\n\n請求書番号: {num}\n請求日: {dt:%Y/%m/%d}\n請求額: ¥{yen(amt)}\n"
        f"課金アカウント: {ORG_NAME}\n\n請求書を表示するには、Microsoft 365 管理センターにサインインしてください。\n"
        "https://admin.microsoft.com/Adminportal/Home#/billoverview\n\n"
        "お支払いは、登録されている支払い方法に自動的に請求されます。\n\n"
        "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA\nプライバシーに関する声明: https://go.microsoft.com/fwlink/?LinkId=521839"
    )
    html = simple_html(
        body.split("\n\n"),
        [("請求書を表示する", "https://admin.microsoft.com/Adminportal/Home#/billoverview")],
    )
    return simple(
        r,
        rt,
        addr("Microsoft", "microsoft-noreply@microsoft.com"),
        rcpt,
        "Microsoft 365 の請求書を確認できます",
        dt,
        mid_uuid(r, "microsoft.com"),
        body,
        "utf-8",
        "quoted-printable",
        html,
        utc=True,
    )


def t_rakuraku_meisai(r: random.Random) -> bytes:
    c = r.choice([SUZUKI, SATO, CHUO])
    rcpt = KOBAYASHI
    dt = rdate(r, h0=9, h1=18)
    slug = c.domain.split(".")[0]
    rt = Route(envelope=f"bounce-{digits(r, 8)}@mail.rakurakumeisai.jp", helo="mta01.rakurakumeisai.jp", ip=f"52.199.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("rakurakumeisai.jp", "rm1")], dmarc="pass", from_domain="rakurakumeisai.jp")  # fmt: skip
    link = f"https://{slug}.rakurakumeisai.jp/customer/login?key={rs(r, 32, HEX)}"
    body = (
        f"{ORG_NAME}\n経理ご担当者 様\n\nいつも大変お世話になっております。\n{c.name}です。\n\n"
        f"{dt.month}月分の請求書を発行いたしましたので、下記URLよりご確認ください。\n\n{link}\n\n"
        "初回ログイン時のパスワードは、別途郵送いたしました「Web明細サービスのご案内」に記載しております。\n\n"
        f"────────────────\n{c.name}\n{c.contact.name}\n────────────────\n※本メールは楽楽明細より送信しています。"
    )
    return simple(
        r,
        rt,
        addr(c.name, "noreply@rakurakumeisai.jp", "iso-2022-jp"),
        rcpt,
        f"【{c.name}】{dt.month}月分 ご請求書発行のお知らせ",
        dt,
        mid_local(r, dt, "rakurakumeisai.jp"),
        body,
    )


def b_saas_billing(r: random.Random, i: int) -> list[bytes]:
    return [(t_freee, t_mf_invoice, t_billone, t_sakura_bill, t_ms_invoice, t_rakuraku_meisai)[i % 6](r)]


BANKS = (
    ("東都銀行", "tohto-bank.co.jp", "芝浦支店", "0152"),
    ("湾岸信用金庫", "wangan-shinkin.co.jp", "田町支店", "1351"),
)


def _bank_route(r: random.Random, dom: str, dkim: bool = True) -> Route:
    return Route(
        envelope=f"info@mail.{dom}", helo=f"mo{r.randint(1, 6)}.mail.{dom}", ip=f"211.{r.randint(0, 20)}.{r.randint(0, 255)}.{r.randint(2, 250)}",
        signers=[(f"mail.{dom}", "sel1"), (dom, "sel1")] if dkim else [], from_domain=dom, policy="reject",
    )  # fmt: skip


def t_bank_transfer(r: random.Random) -> bytes:
    bank, dom, branch, _ = BANKS[0]
    rcpt = r.choice([KOBAYASHI, KEIRI_BUCHO])
    dt = rdate(r, h0=9, h1=15)
    c = r.choice([DAIWA, CHIYODA, HOKUTO, FUJI])
    kana = {
        "daiwa-shoji": "ﾀﾞｲﾜｼｮｳｼﾞ(ｶ",
        "chiyoda-insatsu": "ﾁﾖﾀﾞｲﾝｻﾂ(ｶ",
        "hokuto-unyu": "ﾎｸﾄｳｳﾝﾕ(ｶ",
        "fuji-systems": "ﾌｼﾞｼｽﾃﾑｽﾞ(ｶ",
    }[c.domain.split(".")[0]]
    kana = unicodedata.normalize("NFKC", kana).replace("(", "（")
    amt = r.randint(50, 3000) * 1000 + r.choice([0, 440, 880, 1650])
    body = (
        f"{ORG_NAME} 様\n\n{bank}ビジネスダイレクトをご利用いただき、ありがとうございます。\n"
        "以下のお振込のお手続きを受け付けましたのでお知らせいたします。\n\n"
        f"受付番号　　：{dt:%m%d}{digits(r, 6)}\n受付日時　　：{dt:%Y年%m月%d日 %H時%M分}\n振込指定日　：{dt:%Y年%m月%d日}\n"
        f"支払口座　　：{branch} 普通 ***{digits(r, 4)}\n振込先　　　：{r.choice(['みずほ銀行', '三菱ＵＦＪ銀行', '東都銀行'])} {r.choice(['神田支店', '新橋支店', '本店営業部'])} "
        f"普通 ***{digits(r, 4)}\n受取人名　　：{kana}\n振込金額　　：{yen(amt)}円\n振込手数料　：{r.choice(['0', '145', '440'])}円\n\n"
        "本メールは、お取引の受付をお知らせするものです。お取引の結果は「取引状況照会」にてご確認ください。\n"
        "お心当たりのない場合は、お手数ですが下記までご連絡ください。\n\n"
        f"【お問い合わせ】{bank} ビジネスダイレクト ヘルプデスク\n0120-{digits(r, 3)}-{digits(r, 3)}(平日9:00〜18:00)\n\n"
        "※本メールは送信専用アドレスから送信しています。"
    )
    return simple(
        r,
        _bank_route(r, dom),
        addr(bank, f"info@mail.{dom}", "iso-2022-jp"),
        rcpt,
        f"【{bank}】振込受付のお知らせ",
        dt,
        mid_java(r, f"bdmail{r.randint(1, 4)}.{dom}"),
        body,
    )


def t_bank_deposit(r: random.Random) -> bytes:
    bank, dom, branch, _ = BANKS[1]
    rcpt = r.choice([KOBAYASHI, KEIRI_BUCHO])
    dt = rdate(r, h0=9, h1=16)
    payer = r.choice(["ﾄｳﾖｳﾃﾞﾝｷ(ｶ", "ｶ)ｻｸﾗｺｳｷﾞﾖｳ", "ｶ)ﾆｼﾀﾞｾｲｻｸｼﾖ", "ｷﾞﾘﾂﾌﾟﾗﾝﾄ(ｶ"])
    amt = r.randint(100, 9000) * 1000 + r.randint(0, 999)
    body = (
        f"{ORG_NAME} 様\n\nいつも{bank}をご利用いただきありがとうございます。\nご登録の口座に入金がありましたのでお知らせします。\n\n"
        f"入金日　：{dt:%Y/%m/%d}\n口座　　：{branch} 当座 ****{digits(r, 3)}\n取引区分：振込\n依頼人名：{payer}\n"
        f"入金額　：{yen(amt)}円\n\n詳しくは、{bank}法人インターネットバンキングの入出金明細照会でご確認ください。\n"
        f"\n------------------------------------\n{bank} 法人サービス部\n"
        "このメールに返信されてもお答えできません。\n------------------------------------"
    )
    cte = r.choice(["base64", "8bit"])
    return simple(
        r,
        _bank_route(r, dom, dkim=r.random() < 0.7),
        addr(bank, f"info@mail.{dom}", "shift_jis"),
        rcpt,
        f"【{bank}】入金のお知らせ",
        dt,
        mid_local(r, dt, f"mail.{dom}"),
        body,
        "shift_jis",
        cte,
    )


def t_bank_approval(r: random.Random) -> bytes:
    bank, dom, _branch, _ = BANKS[0]
    rcpt = KEIRI_BUCHO
    dt = rdate(r, h0=9, h1=17)
    n = r.randint(1, 4)
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\n{KOBAYASHI.name} 様より、承認待ちのお取引が{n}件あります。\n"
        "ビジネスダイレクトにログインし、「承認待ち一覧」から内容をご確認のうえ、承認または差戻しを行ってください。\n\n"
        f"取引種別：総合振込\n依頼日時：{dt:%Y/%m/%d %H:%M}\n振込指定日：{later(dt, 2):%Y/%m/%d}\n件数：{r.randint(8, 40)}件\n\n"
        f"当行からのメールでは、ID・パスワード等の入力を求めることはありません。\nログインは、当行ホームページ(https://www.{dom}/)または"
        "ブックマークからお願いいたします。\n\n"
        f"{bank} ビジネスダイレクト"
    )
    return simple(
        r,
        _bank_route(r, dom),
        addr(bank, f"info@mail.{dom}", "utf-8"),
        rcpt,
        f"【{bank}】承認待ちのお取引があります",
        dt,
        mid_java(r, f"bdmail{r.randint(1, 4)}.{dom}"),
        body,
        "utf-8",
        "base64",
    )


def t_card_use(r: random.Random) -> bytes:
    rcpt = r.choice([CEO, SENMU, YOSHIDA, NAKAMURA])
    dt = rdate(r, h0=0, h1=23, weekend=True)
    shop = r.choice(
        [
            "ＪＲ東海　エクスプレス予約",
            "ＡＭＡＺＯＮ．ＣＯ．ＪＰ",
            "ＥＴＣ利用",
            "タクシー　ＧＯ",
            "ＡＷＳ　ＥＭＥＡ",
            "アスクル",
            "ＺＯＯＭ．ＵＳ",
        ]
    )
    amt = r.randint(800, 60000)
    body = (
        f"{rcpt.name} 様\n\n東都カードをご利用いただきありがとうございます。\nカードのご利用がありましたのでお知らせいたします。\n\n"
        f"■ご利用カード：東都ビジネスカード(下4桁 {digits(r, 4)})\n■ご利用日時：{dt:%Y/%m/%d %H:%M}\n■ご利用先：{shop}\n■ご利用金額：{yen(amt)}円\n\n"
        "※ご利用先からの売上確定前の情報のため、実際のご請求とは異なる場合があります。\n"
        "※お心当たりのないご利用の場合は、カード裏面に記載の電話番号までお問い合わせください。\n\n"
        "ご利用明細は会員サイト「Web明細」でご確認いただけます。\nhttps://www.tohto-card.co.jp/\n\n東都カード株式会社"
    )
    rt = Route(envelope="card-info@ml.tohto-card.co.jp", helo="ml01.tohto-card.co.jp", ip=f"210.152.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("tohto-card.co.jp", "tc2025")], from_domain="tohto-card.co.jp", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr("東都カード", "card-info@tohto-card.co.jp", "iso-2022-jp"),
        rcpt,
        "【東都カード】カードご利用のお知らせ",
        dt,
        mid_local(r, dt, "ml01.tohto-card.co.jp"),
        body,
    )


def t_bank_login(r: random.Random) -> bytes:
    rcpt = r.choice([KOBAYASHI, KEIRI_BUCHO])
    dt = rdate(r, h0=8, h1=19)
    body = (
        f"{ORG_NAME} 様\n\nひかりネット銀行 法人口座へのログインがありました。\n\n"
        f"ログイン日時：{dt:%Y年%m月%d日 %H:%M:%S}\nログインID：{rcpt.address.split('@')[0][:3]}*****\n"
        f"ご利用環境：{r.choice(['Windows / Microsoft Edge', 'Windows / Google Chrome', 'macOS / Safari'])}\n\n"
        "お客さまご自身によるログインであれば、このメールは破棄してください。\n"
        "お心当たりのない場合は、至急パスワードを変更し、カスタマーセンター(0120-"
        f"{digits(r, 3)}-{digits(r, 3)})までご連絡ください。\n\n"
        "当行では、メールやSMSでお客さまのパスワードやワンタイムパスワードをお尋ねすることはありません。\n\n"
        "ひかりネット銀行株式会社\nhttps://www.hikari-netbank.co.jp/"
    )
    rt, sid = r_ses(r, "hikari-netbank.co.jp", dt)
    return simple(
        r,
        rt,
        addr("ひかりネット銀行", "info@hikari-netbank.co.jp"),
        rcpt,
        "【ひかりネット銀行】ログインのお知らせ",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def t_bank_debit(r: random.Random) -> bytes:
    bank, dom, branch, _ = BANKS[0]
    rcpt = KOBAYASHI
    dt = rdate(r, h0=6, h1=9).replace(day=27)
    items = r.sample(
        [
            ("社会保険料", 1_234_000),
            ("電気料金", 286_450),
            ("リース料", 98_780),
            ("労働保険料", 412_000),
            ("通信料", 54_120),
        ],
        3,
    )
    body = (
        f"{ORG_NAME} 様\n\n本日、下記のとおり口座振替(引落し)を行いました。\n\n"
        + "\n".join(f"　{k}　{yen(v + r.randint(0, 9999))}円" for k, v in items)
        + f"\n\n引落口座：{branch} 普通 ***{digits(r, 4)}\n\n残高不足等により振替ができなかった場合は、別途ご連絡いたします。\n\n{bank}"
    )
    return simple(
        r,
        _bank_route(r, dom),
        addr(bank, f"info@mail.{dom}", "iso-2022-jp"),
        rcpt,
        f"【{bank}】口座振替のお知らせ",
        dt,
        mid_java(r, f"bdmail{r.randint(1, 4)}.{dom}"),
        body,
    )


def b_bank_notice(r: random.Random, i: int) -> list[bytes]:
    return [
        (t_bank_transfer, t_bank_deposit, t_card_use, t_bank_approval, t_bank_login, t_bank_debit)[i % 6](r)
    ]


def t_yamato(r: random.Random) -> bytes:
    rcpt = r.choice([NAKAMURA, YOSHIDA, KOBAYASHI])
    dt = rdate(r, h0=7, h1=20, weekend=True)
    no = f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 4)}"
    shipper = r.choice(
        ["アスクル株式会社", "大和商事株式会社", "モノタロウ", "千代田印刷株式会社", "株式会社松風堂"]
    )
    slot = r.choice(["午前中", "14時〜16時", "16時〜18時", "18時〜20時"])
    day = later(dt, 1)
    body = (
        f"{rcpt.name.split()[0]} 様\n\nいつもヤマト運輸をご利用いただきありがとうございます。\n"
        f"{shipper} 様からのお荷物をお届け予定です。\n\n■お届け予定日時\n{jmd(day)} {slot}\n\n■伝票番号\n{no}\n\n"
        f"■ご依頼主\n{shipper} 様\n\n■品名\n{r.choice(['事務用品', '書類', '印刷物', '部品', '食品'])}\n\n"
        "お受け取り日時や場所の変更は、下記URLからご依頼いただけます。\n"
        f"https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01={no.replace('-', '')}\n\n"
        "※本メールは「クロネコメンバーズ」にご登録のメールアドレスにお送りしています。\n"
        "※このメールは送信専用です。\n\nヤマト運輸株式会社\nhttps://www.kuronekoyamato.co.jp/"
    )
    rt = Route(envelope="bounce@mail.kuronekoyamato.co.jp", helo=f"mail{r.randint(1, 20)}.kuronekoyamato.co.jp", ip=f"202.221.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("kuronekoyamato.co.jp", "ym2023")], from_domain="kuronekoyamato.co.jp", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr("ヤマト運輸", "mail@kuronekoyamato.co.jp", "iso-2022-jp"),
        rcpt,
        "ヤマト運輸 お届け予定のお知らせ",
        dt,
        mid_local(r, dt, "kuronekoyamato.co.jp"),
        body,
    )


def t_sagawa(r: random.Random) -> bytes:
    rcpt = r.choice([NAKAMURA, YOSHIDA])
    dt = rdate(r, h0=8, h1=18)
    no = digits(r, 12)
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\n佐川急便をご利用いただき、ありがとうございます。\n"
        "下記のお荷物を本日お届けにあがりましたが、ご不在のため持ち帰りました。\n\n"
        f"お問い合せ送り状No.：{no}\nご依頼主：{r.choice(['株式会社ミスミ', '大和商事株式会社', 'ユニバーサル計測株式会社'])} 様\n"
        f"個数：{r.randint(1, 4)}個\n\n再配達のご依頼は、下記URLまたは担当営業所までお願いいたします。\n"
        f"https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo={no}\n\n"
        f"担当営業所：東京営業所 芝浦センター\nTEL：0570-01-{digits(r, 4)}\n\n※本メールは送信専用です。\n佐川急便株式会社"
    )
    rt = Route(envelope="info-ss@ml.sagawa-exp.co.jp", helo="ml01.sagawa-exp.co.jp", ip=f"210.172.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("sagawa-exp.co.jp", "sel")], from_domain="sagawa-exp.co.jp", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr("佐川急便", "info-ss@ml.sagawa-exp.co.jp", "shift_jis"),
        rcpt,
        "【佐川急便】ご不在連絡のお知らせ",
        dt,
        mid_local(r, dt, "ml01.sagawa-exp.co.jp"),
        body,
        "shift_jis",
        "base64",
    )


def t_japanpost(r: random.Random) -> bytes:
    rcpt = r.choice([NAKAMURA, KOBAYASHI, YAMAMOTO])
    dt = rdate(r, h0=7, h1=19)
    no = f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 4)}"
    kind = r.choice(["ゆうパック", "書留", "レターパックプラス", "ゆうパケット"])
    body = (
        f"{rcpt.name} 様\n\n日本郵便です。\n{kind}のお届け予定をお知らせします。\n\n"
        f"お問い合わせ番号：{no}\nお届け予定日：{jmd(later(dt, 1))}\nご依頼主：{r.choice(['佐藤税理士事務所', '東京都主税局', '日本年金機構', '中央総合法律事務所'])}\n\n"
        f"配達状況の確認やお届け日時の変更はこちら\nhttps://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={no.replace('-', '')}&searchKind=S002&locale=ja\n\n"
        "※本メールは「e-お届け通知」にご登録いただいたお客さまに送信しています。\n※このメールアドレスは送信専用です。\n\n日本郵便株式会社"
    )
    rt, sid = r_ses(r, "post.japanpost.jp", dt)
    return simple(
        r,
        rt,
        addr("日本郵便", "noreply@post.japanpost.jp"),
        rcpt,
        f"【日本郵便】{kind}のお届け予定のお知らせ",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def t_hokuto_dispatch(r: random.Random) -> bytes:
    c = HOKUTO
    rcpt = r.choice([NAKAMURA, YOSHIDA])
    dt = rdate(r, h0=7, h1=17)
    rows = "\n".join(
        f"{n + 1:>2}  {digits(r, 10)}  {r.choice(['東洋電機(株) 川崎工場', '東洋電機(株) 相模原事業所', '(株)サクラ工業', 'ニシダ製作所'])}  {r.randint(1, 12)}個口  {jmd(later(dt, 1))}着"
        for n in range(r.randint(2, 5))
    )
    body = (
        f"{ORG_NAME}\n出荷ご担当 {rcpt.name} 様\n\nいつもお世話になっております。\n{c.name}配車センターです。\n\n"
        f"本日集荷分の配送予定をお送りします。\n\nNo  送り状番号  お届け先  個数  お届け予定\n{rows}\n\n"
        f"配送状況は下記でもご確認いただけます。\nhttps://www.{c.domain}/tracking/\n\n"
        f"──────────────────\n{c.name} 東京配車センター\n{c.contact.name}\nTEL 03-{digits(r, 4)}-{digits(r, 4)}\n──────────────────\n"
        "※本メールは配車システムから自動送信しています。"
    )
    rt = Route(envelope=f"haisha@{c.domain}", helo=f"mail.{c.domain}", ip=f"198.51.100.{r.randint(10, 60)}", signers=[], dmarc="none", from_domain=c.domain, tls=False)  # fmt: skip
    return simple(
        r,
        rt,
        addr(f"{c.name} 配車センター", f"haisha@{c.domain}", "shift_jis"),
        rcpt,
        f"【{c.name}】本日出荷分 配送予定のご連絡",
        dt,
        mid_local(r, dt, f"haisha.{c.domain}"),
        body,
        "shift_jis",
        "8bit",
    )


def t_seino(r: random.Random) -> bytes:
    rcpt = r.choice([NAKAMURA, YOSHIDA])
    dt = rdate(r, h0=9, h1=17)
    no = digits(r, 10)
    body = (
        f"{ORG_NAME} 御中\n\n西濃運輸をご利用いただきありがとうございます。\nお荷物のお届けが完了しました。\n\n"
        f"お問合せ番号：{no}\n配達完了日時：{dt:%Y/%m/%d %H:%M}\nお届け先：{r.choice(['東洋電機株式会社', '株式会社サクラ工業', 'ニシダ製作所'])} 様\n受領者：{r.choice(['受付', '資材課', '倉庫'])}\n\n"
        f"https://track.seino.co.jp/kamotsu/GempyoNoShokai.do?GNPNO1={no}\n\n西濃運輸株式会社"
    )
    rt = Route(envelope="info@track.seino.co.jp", helo="mail.seino.co.jp", ip=f"153.150.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("seino.co.jp", "default")], from_domain="seino.co.jp")  # fmt: skip
    return simple(
        r,
        rt,
        addr("西濃運輸", "info@track.seino.co.jp", "iso-2022-jp"),
        rcpt,
        "【西濃運輸】配達完了のお知らせ",
        dt,
        mid_local(r, dt, "mail.seino.co.jp"),
        body,
    )


def b_shipping(r: random.Random, i: int) -> list[bytes]:
    return [(t_yamato, t_sagawa, t_japanpost, t_hokuto_dispatch, t_seino)[i % 5](r)]


def t_etax(r: random.Random) -> bytes:
    rcpt = r.choice([KEIRI_BUCHO, KOBAYASHI])
    dt = rdate(r, h0=9, h1=20)
    kind = r.choice(["受信通知", "更正の請求に関するお知らせ", "予定納税額のお知らせ", "納付区分番号通知"])
    body = (
        f"{ORG_NAME} 様\n\ne-Taxをご利用いただきありがとうございます。\n\nメッセージボックスに「{kind}」を格納しました。\n"
        "e-Taxソフト(WEB版)等にログインし、メッセージボックスの内容をご確認ください。\n\n"
        f"格納日時：{dt:%Y/%m/%d %H:%M:%S}\n利用者識別番号：{digits(r, 4)}{'*' * 8}{digits(r, 4)}\n\n"
        "■e-Taxソフト(WEB版)\nhttps://clientweb.e-tax.nta.go.jp/UF_WEB/WP000/FCSE00001/SE00S010SCR.do\n\n"
        "※このメールアドレスは送信専用のため、返信いただいてもお答えできません。\n"
        "※国税庁では、メールでお客様の個人情報やクレジットカード番号等の入力を求めることはありません。\n\n"
        "国税庁 e-Tax ヘルプデスク\nhttps://www.e-tax.nta.go.jp/"
    )
    rt = Route(envelope="information@e-tax.nta.go.jp", helo="mail.e-tax.nta.go.jp", ip=f"61.197.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("e-tax.nta.go.jp", "s1")], from_domain="e-tax.nta.go.jp", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr("e-Tax", "information@e-tax.nta.go.jp", "iso-2022-jp"),
        rcpt,
        "【e-Tax】メッセージボックスへの格納のお知らせ",
        dt,
        mid_local(r, dt, "e-tax.nta.go.jp"),
        body,
    )


def t_eltax(r: random.Random) -> bytes:
    rcpt = r.choice([KOBAYASHI, YAMAMOTO])
    dt = rdate(r, m0=1, m1=6, h0=9, h1=20)
    body = (
        f"{ORG_NAME} 様\n\n地方税ポータルシステム(eLTAX)からのお知らせです。\n\n"
        f"申告・申請データを受け付けました。\n手続名：{r.choice(['給与支払報告書(総括表)', '法人都道府県民税・事業税 確定申告', '償却資産申告書'])}\n"
        f"受付番号：{digits(r, 20)}\n受付日時：{dt:%Y/%m/%d %H:%M}\n\n"
        "詳細はPCdeskのメッセージ照会でご確認ください。\nhttps://www.eltax.lta.go.jp/\n\n"
        "このメールは送信専用です。\n一般社団法人 地方税電子化協議会"
    )
    rt = Route(envelope="noreply@eltax.lta.go.jp", helo="mail.eltax.lta.go.jp", ip=f"210.130.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("eltax.lta.go.jp", "s01")], from_domain="eltax.lta.go.jp")  # fmt: skip
    return simple(
        r,
        rt,
        addr("eLTAX", "noreply@eltax.lta.go.jp", "iso-2022-jp"),
        rcpt,
        "【eLTAX】申告データ受付のお知らせ",
        dt,
        mid_local(r, dt, "eltax.lta.go.jp"),
        body,
    )


def t_myna(r: random.Random) -> bytes:
    rcpt = r.choice(EVERYONE)
    dt = rdate(r, h0=8, h1=21, weekend=True)
    body = (
        "マイナポータルからのお知らせです。\n\nお知らせが届いています。\nマイナポータルにログインして確認してください。\n\n"
        f"送信元：{r.choice(['デジタル庁', '港区', '日本年金機構', '厚生労働省'])}\n件名：{r.choice(['公金受取口座の登録状況について', '健康保険証の利用登録について', '定額減税に関するお知らせ'])}\n\n"
        "マイナポータル\nhttps://myna.go.jp/\n\n"
        "※本メールは送信専用アドレスから送信しています。\n※マイナポータルからのメールでは、ID・パスワード・暗証番号をお尋ねすることはありません。\n\nデジタル庁"
    )
    rt, sid = r_ses(r, "myna.go.jp", dt)
    return simple(
        r,
        rt,
        addr("マイナポータル", "noreply@myna.go.jp"),
        rcpt,
        "【マイナポータル】お知らせが届きました",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def t_egov(r: random.Random) -> bytes:
    rcpt = YAMAMOTO
    dt = rdate(r, h0=9, h1=20)
    proc = r.choice(
        [
            "健康保険・厚生年金保険被保険者資格取得届",
            "雇用保険被保険者資格喪失届",
            "健康保険・厚生年金保険被保険者賞与支払届",
            "労働保険年度更新申告",
        ]
    )
    body = (
        f"{ORG_NAME} {rcpt.name} 様\n\ne-Gov電子申請をご利用いただきありがとうございます。\n\n"
        f"以下の申請について、手続が終了しました。\n\n到達番号：{digits(r, 18)}\n手続名称：{proc}\n"
        f"提出先：{r.choice(['日本年金機構', '東京労働局', '品川公共職業安定所'])}\n\n"
        "公文書が発出されていますので、e-Gov電子申請アプリケーションの「申請案件一覧」から取得してください。\n"
        "https://shinsei.e-gov.go.jp/\n\n※公文書の取得期限は発出日から90日間です。\n\ne-Gov電子申請"
    )
    rt = Route(envelope="noreply@e-gov.go.jp", helo="mail.e-gov.go.jp", ip=f"118.151.{r.randint(128, 191)}.{r.randint(2, 250)}", signers=[("e-gov.go.jp", "s1")], from_domain="e-gov.go.jp", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr("e-Gov電子申請", "noreply@e-gov.go.jp"),
        rcpt,
        f"[e-Gov電子申請] 手続終了のお知らせ（{proc}）",
        dt,
        mid_uuid(r, "e-gov.go.jp"),
        body,
        "utf-8",
        "quoted-printable",
    )


def t_gbiz(r: random.Random) -> bytes:
    rcpt = r.choice([CEO, NAKAMURA])
    dt = rdate(r, h0=9, h1=20)
    code = digits(r, 6)
    body = (
        "gBizIDをご利用いただきありがとうございます。\n\n"
        f"ワンタイムパスワードは「{code}」です。\n有効期限は発行から5分間です。\n\n"
        "本メールにお心当たりのない場合は、第三者がお客様のアカウントIDを入力した可能性があります。\n"
        "パスワードの変更をご検討ください。\n\nhttps://gbiz-id.go.jp/\n\nデジタル庁 gBizID"
    )
    rt, sid = r_ses(r, "gbiz-id.go.jp", dt)
    return simple(
        r,
        rt,
        addr("gBizID", "noreply@gbiz-id.go.jp"),
        rcpt,
        "【gBizID】ワンタイムパスワードのお知らせ",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def t_city(r: random.Random) -> bytes:
    rcpt = NAKAMURA
    dt = rdate(r, h0=9, h1=17)
    body = (
        f"{ORG_NAME}\n総務ご担当 {rcpt.name} 様\n\n港区 産業振興課です。\n"
        f"先日お申込みいただいた「{r.choice(['中小企業人材確保支援事業', '省エネ設備導入助成', '販路拡大支援助成'])}」について、"
        "申請書類を受理しましたのでお知らせします。\n\n審査の結果は、別途書面にて通知いたします。\n"
        "書類に不備があった場合は、担当者よりお電話でご連絡することがあります。\n\n"
        f"港区 産業・地域振興支援部 産業振興課\n電話 03-3578-{digits(r, 4)}\nhttps://www.city.minato.tokyo.jp/"
    )
    rt = Route(envelope="sangyou@city.minato.tokyo.jp", helo="mx.city.minato.tokyo.jp", ip=f"202.214.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[], dmarc="none", from_domain="city.minato.tokyo.jp")  # fmt: skip
    return simple(
        r,
        rt,
        addr("港区 産業振興課", "sangyou@city.minato.tokyo.jp", "iso-2022-jp"),
        rcpt,
        "申請書類受理のお知らせ",
        dt,
        mid_becky(r, dt, "city.minato.tokyo.jp"),
        body,
    )


def b_gov_notice(r: random.Random, i: int) -> list[bytes]:
    return [(t_etax, t_eltax, t_myna, t_egov, t_gbiz, t_city)[i % 6](r)]


def t_aws_alarm(r: random.Random) -> bytes:
    rcpt = KATO
    dt = rdate(r, h0=0, h1=23, weekend=True)
    acct_id = digits(r, 12)
    alarm = r.choice(
        [
            "prod-web-CPUUtilization-High",
            "billing-estimated-charges-over-50000",
            "rds-FreeStorageSpace-Low",
            "ALB-5xx-errors",
        ]
    )
    body = (
        f'You are receiving this email because your Amazon CloudWatch Alarm "{alarm}" in the Asia Pacific (Tokyo) region has entered the ALARM state, '
        f'because "Threshold Crossed: 1 out of the last 1 datapoints was greater than the threshold" at "{hdate(dt, True)}".\n\n'
        f"View this alarm in the AWS Management Console:\nhttps://ap-northeast-1.console.aws.amazon.com/cloudwatch/deeplink.js?region=ap-northeast-1#alarmsV2:alarm/{alarm}\n\n"
        f"Alarm Details:\n- Name:                       {alarm}\n- Description:                本番環境のしきい値超過。担当: 情報システム部 加藤\n"
        f"- State Change:               OK -> ALARM\n- AWS Account:                {acct_id}\n"
        f"- Alarm Arn:                  arn:aws:cloudwatch:ap-northeast-1:{acct_id}:alarm:{alarm}\n\n"
        "--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\n"
        f"https://sns.ap-northeast-1.amazonaws.com/unsubscribe.html?SubscriptionArn=arn:aws:sns:ap-northeast-1:{acct_id}:ops-alerts:{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}&Endpoint={rcpt.address}\n\n"
        "Please do not reply directly to this email. If you have any questions or comments regarding this email, please contact us at https://aws.amazon.com/support"
    )
    rt, sid = r_ses(r, "sns.amazonaws.com", dt, "ap-northeast-1", custom_from=False)
    return simple(
        r,
        rt,
        addr("AWS Notifications", "no-reply@sns.amazonaws.com"),
        rcpt,
        f'ALARM: "{alarm}" in Asia Pacific (Tokyo)',
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "quoted-printable",
        utc=True,
        extra=[
            ("x-amz-sns-message-id", mid_uuid(r, "x")[1:37]),
            ("x-amz-sns-subscription-arn", f"arn:aws:sns:ap-northeast-1:{acct_id}:ops-alerts"),
        ],
    )


def t_aws_health(r: random.Random) -> bytes:
    rcpt = KATO
    dt = rdate(r, h0=0, h1=23)
    acct_id = digits(r, 12)
    body = (
        "こんにちは。\n\nお客様の AWS アカウントの Amazon RDS データベースインスタンスについて、必須のメンテナンスが予定されています。\n"
        f"メンテナンスは {jdate(later(dt, 21), False)} 以降の次回メンテナンスウィンドウで自動的に適用されます。\n\n"
        "影響を受けるリソースの一覧は、AWS Health Dashboard の [影響を受けるリソース] タブで確認できます。\n"
        "https://health.aws.amazon.com/health/home#/account/dashboard/scheduled-changes\n\n"
        "ご不明な点がございましたら、AWS サポート [1] までお問い合わせください。\n\n[1] https://aws.amazon.com/support\n\n"
        f"Sincerely,\nAmazon Web Services\n\nAmazon Web Services, Inc. is a subsidiary of Amazon.com, Inc.\nアカウント ID: {acct_id}"
    )
    rt, sid = r_ses(r, "amazonaws.com", dt, "us-east-1", custom_from=False)
    rt.from_domain = "health.aws.com"
    rt.signers = [
        ("health.aws.com", rs(r, 32, "abcdefghijklmnopqrstuvwxyz234567")),
        ("amazonses.com", rs(r, 32, "abcdefghijklmnopqrstuvwxyz234567")),
    ]
    rt.envelope = f"{sid}@health.aws.com"
    return simple(
        r,
        rt,
        addr("Amazon Web Services", "no-reply@health.aws.com"),
        rcpt,
        f"[Action may be required] Amazon RDS メンテナンスのお知らせ [AWS Account: {acct_id}]",
        dt,
        f"<{sid}@email.amazonses.com>",
        body,
        "utf-8",
        "quoted-printable",
        utc=True,
    )


def t_google_signin(r: random.Random) -> bytes:
    rcpt = r.choice([KATO, CEO, YOSHIDA])
    dt = rdate(r, h0=7, h1=23, weekend=True)
    dev = r.choice(["Windows", "Mac", "iPhone", "Android"])
    user = rcpt.address
    link = f"https://accounts.google.com/AccountChooser?Email={urllib.parse.quote(user)}&continue=https://myaccount.google.com/alert/nt/{int(dt.timestamp())}000?rfn%3D{r.randint(20, 400)}%26rfnc%3D1%26eid%3D{rs(r, 20, ALNUM)}"
    body = (
        f"{dev} デバイスでの新しいログイン\n\n{user}\n\nお使いの Google アカウントに {dev} デバイスから新たにログインがありました。"
        "このメールは、ログインしたのがご本人であることを確認するためにお送りしています。\n\n"
        f"アクティビティを確認\n{link}\n\n"
        "セキュリティ通知は https://myaccount.google.com/notifications でも確認できます\n\n"
        "このメールは、Google アカウントとサービスの重要な変更をお知らせするためにお送りしています。\n© 2026 Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA"
    )
    html = simple_html(
        [
            f"{dev} デバイスでの新しいログイン",
            user,
            f"お使いの Google アカウントに {dev} デバイスから新たにログインがありました。ご本人によるログインの場合は、何もする必要はありません。ご本人でない場合は、アカウントの保護をお手伝いします。",
        ],
        [("アクティビティを確認", link)],
    )
    rt = Route(
        envelope=f"3{rs(r, 30, ALNUM)}@gaia.bounces.google.com", helo="mail-sor-f69.google.com", ip="209.85.220.69",
        hops=[f"by mail-sor-f69.google.com with SMTPS id {rs(r, 30, ALNUM)}.{r.randint(1, 9)}.2026.{dt:%m}.{dt:%d}.{r.randint(10, 99)}\r\n\tfor <{rcpt.address}>\r\n\t(Google Transport Security);\r\n\t{pacific(dt)}"],
        signers=[("accounts.google.com", "20230601")], from_domain="accounts.google.com", policy="reject",
    )  # fmt: skip
    mid = f"<{rs(r, 22, URLSAFE)}@notifications.google.com>"
    return simple(
        r,
        rt,
        addr("Google", "no-reply@accounts.google.com"),
        rcpt,
        "セキュリティ通知",
        dt,
        mid,
        body,
        "utf-8",
        "base64",
        html,
        utc=True,
        boundary="gmail",
    )


def t_ms_signin(r: random.Random) -> bytes:
    rcpt = r.choice([KATO, SENMU])
    dt = rdate(r, h0=0, h1=23, weekend=True)
    code = digits(r, 6)
    body = (
        "Microsoft アカウント\nセキュリティ コード\n\n"
        f"Microsoft アカウント {rcpt.address[:2]}*****@{ORG_DOMAIN} のセキュリティ コードとして次のコードをご使用ください。\n\n"
        f"セキュリティ コード: {code}\n\nこの要求に心当たりがない場合は、このメールを無視してください。"
        "別のユーザーが誤ってあなたのメール アドレスを入力した可能性があります。\n\nよろしくお願いいたします。\nMicrosoft アカウント チーム"
    )
    rt = Route(
        envelope="account-security-noreply@accountprotection.microsoft.com", helo=f"mail-{r.choice(['ch2pr', 'bn1pr'])}{digits(r, 2)}cu001.outbound.protection.outlook.com",
        ip=f"40.92.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("accountprotection.microsoft.com", "selector1")], from_domain="accountprotection.microsoft.com", policy="reject",
    )  # fmt: skip
    return simple(
        r,
        rt,
        addr("Microsoft アカウント チーム", "account-security-noreply@accountprotection.microsoft.com"),
        rcpt,
        "Microsoft アカウントのセキュリティ コード",
        dt,
        mid_uuid(r, "accountprotection.microsoft.com"),
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n")),
        utc=True,
    )


def t_gws_alert(r: random.Random) -> bytes:
    rcpt = KATO
    dt = rdate(r, h0=0, h1=23, weekend=True)
    user = r.choice(EVERYONE).address
    kind = r.choice(
        [
            (
                "不審なログインがブロックされました",
                "Google は、ユーザーのアカウントへの不審なログイン試行をブロックしました。",
            ),
            (
                "ユーザーのパスワードが漏洩した可能性があります",
                "Google は、このユーザーのパスワードが外部のデータ漏洩に含まれている可能性を検出しました。パスワードの変更を検討してください。",
            ),
            (
                "政府が支援する攻撃者による攻撃の可能性",
                "政府が支援する攻撃者がこのユーザーのパスワードを盗もうとしている可能性があります。",
            ),
        ]
    )
    link = f"https://admin.google.com/ac/ac/alerts/{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}"
    body = (
        f"Google Workspace アラート\n\n{kind[0]}\n\n{kind[1]}\n\n影響を受けるユーザー: {user}\n"
        f"検出日時: {dt.astimezone(UTC):%Y/%m/%d %H:%M} UTC\n\nアラートの詳細を確認\n{link}\n\n"
        f"このメールは、{ORG_DOMAIN} の Google Workspace 管理者に送信されています。通知の設定はアラート センターで変更できます。\n\n"
        "Google LLC 1600 Amphitheatre Parkway, Mountain View, CA 94043"
    )
    rt = Route(
        envelope=f"3{rs(r, 30, ALNUM)}@scoutcamp.bounces.google.com", helo=f"mail-sor-f{r.randint(41, 73)}.google.com", ip=f"209.85.220.{r.randint(41, 73)}",
        signers=[("google.com", "20230601")], from_domain="google.com", policy="reject",
    )  # fmt: skip
    return simple(
        r,
        rt,
        addr("Google Workspace Alerts", "google-workspace-alerts-noreply@google.com"),
        rcpt,
        f"アラート: {kind[0]}",
        dt,
        f"<{rs(r, 22, URLSAFE)}@google.com>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n"), [("アラートの詳細を確認", link)]),
        utc=True,
        boundary="gmail",
    )


def t_slack_signin(r: random.Random) -> bytes:
    rcpt = r.choice(EVERYONE)
    dt = rdate(r, h0=7, h1=23, weekend=True)
    body = (
        f"{rcpt.name.split()[0]}さん、こんにちは。\n\nminato-seiki.slack.com で、新しいデバイスからのログインがありました。\n\n"
        f"日時: {dt:%Y年%m月%d日 %H:%M} JST\nデバイス: {r.choice(['Chrome (Windows)', 'Slack for iOS', 'Slack for Windows', 'Safari (Mac)'])}\n"
        f"おおよその場所: {r.choice(['東京都, 日本', '神奈川県, 日本', '大阪府, 日本'])}\nIP アドレス: {r.randint(110, 220)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}\n\n"
        "このログインに心当たりがある場合は、何もする必要はありません。\n心当たりがない場合は、すぐにパスワードを変更してください: https://minato-seiki.slack.com/account/settings#password\n\n"
        "Slack Technologies, LLC, 500 Howard Street, San Francisco, CA 94105"
    )
    rt, sid = r_ses(r, "slack.com", dt, "us-east-1", custom_from=True)
    return simple(
        r,
        rt,
        addr("Slack", "feedback@slack.com"),
        rcpt,
        "Slack: 新しいデバイスからのログイン",
        dt,
        f"<{sid}@email.amazonses.com>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n")),
        utc=True,
    )


def t_onamae(r: random.Random) -> bytes:
    rcpt = KATO
    dt = rdate(r, h0=9, h1=20)
    exp = later(dt, 30)
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\n平素よりお名前.comをご利用いただき、誠にありがとうございます。\n\n"
        "下記ドメインの有効期限が近づいております。\n自動更新設定が有効になっているため、登録されているお支払い方法で自動的に更新されます。\n\n"
        f"■ドメイン名：minato-seiki.jp\n■有効期限：{exp:%Y/%m/%d}\n■自動更新予定日：{later(dt, 15):%Y/%m/%d}\n\n"
        "更新を希望されない場合や、お支払い方法の確認は、お名前.com Navi にログインしてご確認ください。\nhttps://navi.onamae.com/\n\n"
        "※本メールは送信専用です。\n\n──────────────────────\nお名前.com\nGMOインターネットグループ株式会社\n──────────────────────"
    )
    rt = Route(envelope="bounce@onamae.com", helo=f"mta{r.randint(1, 20)}.onamae.com", ip=f"150.95.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("onamae.com", "s1")], from_domain="onamae.com")  # fmt: skip
    return simple(
        r,
        rt,
        addr("お名前.com", "info@onamae.com", "iso-2022-jp"),
        rcpt,
        "【重要】[お名前.com] ドメイン自動更新のお知らせ minato-seiki.jp",
        dt,
        mid_local(r, dt, "onamae.com"),
        body,
    )


def t_ssl_expiry(r: random.Random) -> bytes:
    rcpt = KATO
    dt = rdate(r, h0=9, h1=18)
    body = (
        f"{ORG_NAME}\nSSLサーバ証明書ご担当者 様\n\nさくらのSSLをご利用いただきありがとうございます。\n\n"
        f"ご利用中のSSLサーバ証明書の有効期限が近づいております。\n\nコモンネーム：www.{ORG_DOMAIN}\n"
        f"有効期限：{later(dt, 45):%Y年%m月%d日}\n\n継続してご利用いただくには、期限までに更新手続きを行ってください。\n"
        "更新手続きは会員メニューから行えます。\nhttps://secure.sakura.ad.jp/menu/\n\nさくらインターネット株式会社"
    )
    rt = Route(envelope="info@sakura.ad.jp", helo=f"mail{r.randint(1, 9)}.sakura.ad.jp", ip=f"210.188.{r.randint(224, 231)}.{r.randint(2, 250)}", signers=[("sakura.ad.jp", "s2048")], from_domain="sakura.ad.jp", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr("さくらのSSL", "ssl@sakura.ad.jp", "iso-2022-jp"),
        rcpt,
        "[さくらのSSL] SSLサーバ証明書 有効期限のお知らせ",
        dt,
        mid_local(r, dt, "sakura.ad.jp"),
        body,
    )


def b_cloud_alert(r: random.Random, i: int) -> list[bytes]:
    return [
        (
            t_aws_alarm,
            t_google_signin,
            t_ms_signin,
            t_gws_alert,
            t_aws_health,
            t_slack_signin,
            t_onamae,
            t_ssl_expiry,
        )[i % 8](r)
    ]


# --------------------------------------------------------------------------------------------
# people: correspondents and staff, with the mail systems they really use

CORR_INFO = {  # domain: (postal address, representative telephone = the number on file, mail user agent)
    "daiwa-shoji.co.jp": ("〒101-0047 東京都千代田区内神田2-11-6 大和ビル3階", "03-3254-6181", "outlook"),
    "toyo-denki.co.jp": ("〒210-0005 神奈川県川崎市川崎区東田町8-3", "044-211-7742", "gmail"),
    "sato-zeirishi.jp": ("〒105-0013 東京都港区浜松町1-22-5 浜松町スクエア4階", "03-6402-3318", "becky"),
    "chuo-sogo-law.jp": ("〒100-0005 東京都千代田区丸の内1-8-2 鉄鋼ビル12階", "03-3211-0856", "outlook"),
    "hokuto-unyu.co.jp": ("〒143-0006 東京都大田区平和島4-1-23", "03-3767-5510", "thunderbird"),
    "fuji-systems.co.jp": ("〒141-0032 東京都品川区大崎3-6-28", "03-5436-9027", "gmail"),
    "suzuki-sharoushi.jp": ("〒108-0074 東京都港区高輪2-15-8 高輪ハイツ201", "03-5793-4412", "thunderbird"),
    "chiyoda-insatsu.co.jp": ("〒162-0825 東京都新宿区神楽坂6-42", "03-3260-1187", "outlook"),
}


def signature(p: Person, company: str, dom: str, style: int) -> str:
    postal, tel, _ = CORR_INFO.get(dom, (ORG_ADDR, ORG_TEL, ""))
    fax = tel[:-4] + str(int(tel[-4:]) + 1).zfill(4)
    if style == 0:
        line = "━━━━━━━━━━━━━━━━━━━━━━━━"
        return f"{line}\n{company}\n{p.title} {p.name}\n{postal}\nTEL：{tel}　FAX：{fax}\nMail：{p.address}\n{line}"
    if style == 1:
        return f"--\n{company} {p.title}\n{p.name}\nTEL {tel} / FAX {fax}\n{postal}"
    return f"************************************\n {company}\n {p.title}　{p.name}\n {postal}\n TEL：{tel}\n E-mail：{p.address}\n************************************"


def mua_of(addr_: str) -> str:
    dom = addr_.split("@")[1]
    if dom == ORG_DOMAIN:
        return "outlook-int"
    return CORR_INFO[dom][2]


def person_route(r: random.Random, sender: str, dt: datetime, rcpt: str) -> Route:
    dom = sender.split("@")[1]
    if dom == ORG_DOMAIN:
        return r_internal(r, sender, dt)
    mua = CORR_INFO[dom][2]
    if mua == "outlook":
        return r_m365(r, sender, dt, rcpt)
    if mua == "gmail":
        return r_gws(r, sender, dt, rcpt)
    if dom == "sato-zeirishi.jp":
        return r_rental(r, sender, dt, "xserver", dkim=False, dmarc="none")
    if dom == "hokuto-unyu.co.jp":
        return r_rental(r, sender, dt, "sakura", dkim=False, dmarc="none")
    return r_rental(r, sender, dt, "xserver", dkim=True, dmarc="none")


def msgid_for(r: random.Random, mua: str, dt: datetime, dom: str) -> str:
    if mua == "outlook":
        return mid_outlook(r)
    if mua == "gmail":
        return mid_gmail(r)
    if mua == "becky":
        return mid_becky(r, dt, dom)
    return mid_thunderbird(r, dom)


@dataclass
class Att:
    data: bytes
    mime: str
    name: str


def person_mail(
    r: random.Random, sender: Person, to: Sequence[Person], subject: str, dt: datetime, body: str,
    atts: Sequence[Att] = (), cc: Sequence[Person] = (), reply_to: str | None = None,
    parent: str | None = None, refs: Sequence[str] = (), extra: Sequence[Header] = (), mua: str | None = None,
    html: bool | None = None, calendar: str | None = None,
) -> bytes:  # fmt: skip
    """A mail written by a person in the mail user agent their organisation uses."""
    dom = sender.address.split("@")[1]
    mua = mua or mua_of(sender.address)
    m = "outlook" if mua.startswith("outlook") else mua
    rt = person_route(r, sender.address, dt, to[0].address)
    cs = "utf-8" if m == "gmail" or (m == "thunderbird" and r.random() < 0.5) else "iso-2022-jp"
    msgid = msgid_for(r, m, dt, dom) if mua != "outlook-int" else mid_thunderbird(r, ORG_DOMAIN)
    if html is None:
        html = m == "gmail" or (m == "outlook" and r.random() < 0.5)
    if cs == "utf-8":
        tpart = text(body, "utf-8", "base64" if m == "gmail" else "8bit", q=m != "gmail")
        if m == "thunderbird":
            tpart[0][0] = ("Content-Type", "text/plain; charset=UTF-8; format=flowed")
    else:
        tpart = text(body, "iso-2022-jp", "7bit")
    ent = tpart
    if html:
        esc = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if m == "gmail":
            h = '<div dir="ltr">' + "".join(f"<div>{ln or '<br>'}</div>" for ln in esc.split("\n")) + "</div>"
            hpart = text(h, "utf-8", "quoted-printable", "html", q=False)
        else:
            h = (
                '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" '
                'content="text/html; charset=iso-2022-jp"><style>p.MsoNormal{margin:0mm;font-size:10.5pt;'
                'font-family:"游ゴシック",sans-serif;}</style></head><body lang="JA" link="#0563C1">'
                '<div class="WordSection1">' + "".join(f'<p class="MsoNormal">{ln or "<o:p>&nbsp;</o:p>"}</p>' for ln in esc.split("\n"))
                + "</div></body></html>"
            )  # fmt: skip
            hpart = text(h, "iso-2022-jp", "quoted-printable", "html")
    alts = [tpart, hpart] if html else [tpart]
    if calendar:
        cal = text(calendar, "utf-8", "base64", "calendar")
        cal[0][0] = (
            "Content-Type",
            'text/calendar; charset="utf-8"; method=' + calendar.split("METHOD:")[1].split("\r\n")[0],
        )
        alts.append(cal)
    if len(alts) > 1:
        ent = multi("alternative", alts, bnd(r, m if m in ("gmail", "outlook") else "thunderbird"))
    if atts:
        style = {"outlook": "jis", "gmail": "gmail", "becky": "jis", "thunderbird": "2231"}[m]
        parts: list[Ent] = []
        for a in atts:
            ex: list[Header] = []
            if m == "gmail":
                aid = (
                    f"f_{rs(r, 9, 'abcdefghijklmnopqrstuvwxyz0123456789')}{n}"
                    if (n := len(parts))
                    else f"f_{rs(r, 10, 'abcdefghijklmnopqrstuvwxyz0123456789')}"
                )
                ex = [("Content-ID", f"<{aid}>"), ("X-Attachment-Id", aid)]
            parts.append(attach(a.data, a.mime, a.name, style, ex))
        ent = multi(
            "mixed",
            [ent, *parts],
            bnd(r, "becky" if m == "becky" else (m if m in ("gmail", "outlook") else "thunderbird")),
        )
    scs = "iso-2022-jp" if cs == "iso-2022-jp" else "utf-8"
    company = next((c.name for c in CORRESPONDENTS if c.domain == dom), "")
    disp = sender.name if m != "becky" else f"{company} {sender.name}"
    hs: list[Header] = [
        ("From", addr(disp, sender.address, scs)),
        ("To", ",\r\n ".join(addr(p.name + (" 様" if m == "becky" else ""), p.address, scs) for p in to)),
    ]
    if cc:
        hs.append(("Cc", ",\r\n ".join(addr(p.name, p.address, scs) for p in cc)))
    hs += [("Subject", hdr(subject, scs, whole=m == "outlook")), ("Date", hdate(dt)), ("Message-ID", msgid)]
    if reply_to:
        hs.append(("Reply-To", reply_to))
    if parent:
        hs += [("In-Reply-To", parent), ("References", "\r\n ".join([*refs, parent]))]
    if m == "outlook":
        hs += outlook_extra(r, re.sub(r"^(RE|Re|FW|Fw|転送): ?", "", subject), scs, bool(atts))
    elif m == "thunderbird":
        hs += [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "ja")]
    elif m == "becky":
        hs += [("X-Mailer", "Becky! ver. 2.81.06 [ja]")]
    hs += list(extra)
    return deliver(r, rt, to[0].address, dt, hs, ent)


def company_of(p: Person) -> str:
    dom = p.address.split("@")[1]
    return ORG_NAME if dom == ORG_DOMAIN else next(c.name for c in CORRESPONDENTS if c.domain == dom)


def sign(p: Person, style: int | None = None, r: random.Random | None = None) -> str:
    st = style if style is not None else (r.randrange(3) if r else 0)
    return signature(p, company_of(p), p.address.split("@")[1], st)


def opening(p_to: Person, r: random.Random) -> str:
    co = company_of(p_to)
    return f"{co}\n{p_to.title} {p_to.name} 様\n\n" + r.choice(
        [
            "いつも大変お世話になっております。",
            "平素より大変お世話になっております。",
            "いつもお世話になっております。",
        ]
    )


def pdf_att(r: random.Random, name: str, kind: str, amount: int | None = None) -> Att:
    lines = [
        f"No. {kind[:3].upper()}-{digits(r, 6)}",
        f"Date: 2026/{r.randint(1, 12):02d}/{r.randint(1, 28):02d}",
    ]
    if amount is not None:
        lines.append(f"Total: JPY {amount:,}")
    return Att(pdf(r, kind, lines), "application/pdf", name)


def orig_block(
    r: random.Random, style: str, frm: Person, to: Person, when: datetime, subject: str, body: str
) -> str:
    if style == "outlook-en":
        hdrs = (
            f"-----Original Message-----\nFrom: {frm.name} <{frm.address}> \nSent: {when:%A, %B} {when.day}, {when.year} "
            f"{when:%I:%M %p}\nTo: {to.name} <{to.address}>\nSubject: {subject}\n\n"
        )
        return hdrs + body
    if style == "outlook-ja":
        hdrs = (
            f"________________________________\n差出人: {frm.name} <{frm.address}>\n送信日時: {when.year}年{when.month}月{when.day}日 "
            f"{when:%H:%M}\n宛先: {to.name} <{to.address}>\n件名: {subject}\n\n"
        )
        return hdrs + body
    if style == "gmail":
        head = f"{jdate(when)} {when:%H:%M} {frm.name} <{frm.address}>:\n\n"
        return head + "\n".join("> " + ln if ln else ">" for ln in body.split("\n"))
    if style == "thunderbird":
        head = f"On {when:%Y/%m/%d %H:%M}, {frm.name} wrote:\n"
        return head + "\n".join("> " + ln if ln else ">" for ln in body.split("\n"))
    head = f"On {hdate(when)}\n{frm.name} <{frm.address}> wrote:\n"
    return head + "\n".join("> " + ln if ln else ">" for ln in body.split("\n"))


def quote_style(m: str, r: random.Random) -> str:
    return {
        "outlook": r.choice(["outlook-en", "outlook-ja"]),
        "gmail": "gmail",
        "thunderbird": "thunderbird",
        "becky": "becky",
    }[m]


# --------------------------------------------------------------------------------------------
# correspondents: quotes and orders, invoices, bank-account changes, meetings, threads


def t_quote(r: random.Random) -> bytes:
    c = r.choice([DAIWA, CHIYODA, FUJI])
    me = {"daiwa-shoji.co.jp": YOSHIDA, "chiyoda-insatsu.co.jp": NAKAMURA, "fuji-systems.co.jp": KATO}[
        c.domain
    ]
    items = {
        "daiwa-shoji.co.jp": [
            "ステンレス丸棒 SUS304 φ20×2000",
            "アルミ板 A5052 t5",
            "六角ボルト M8×30 (1000本)",
        ],
        "chiyoda-insatsu.co.jp": [
            "会社案内パンフレット A4 8P 2,000部",
            "名刺 両面カラー 100枚×12名",
            "封筒 角2 1色 3,000枚",
        ],
        "fuji-systems.co.jp": [
            "ノートPC 入替え 15台(設定作業込み)",
            "UTM 保守更新 1年",
            "ファイルサーバ HDD増設",
        ],
    }[c.domain]
    item = r.choice(items)
    amount = r.randint(8, 240) * 5000
    dt = rdate(r)
    p = c.contact
    no = f"Q{dt:%y%m}-{digits(r, 4)}"
    fname = r.choice(
        [
            f"御見積書_{no}.pdf",
            f"お見積書（{ORG_NAME}様）_{dt:%Y%m%d}.pdf",
            f"見積書_{item.split()[0]}_{no}.pdf",
        ]
    )
    body = (
        f"{opening(me, r)}\n{c.name}の{p.name.split()[0]}です。\n\n先日ご依頼いただきました「{item}」につきまして、"
        "お見積書を作成いたしましたので添付にてお送りいたします。\n\n"
        f"　見積番号：{no}\n　金額　　：{yen(amount)}円(税抜)\n　納期　　：ご発注後 {r.choice(['約2週間', '10営業日', '3週間程度'])}\n"
        f"　有効期限：{jdate(later(dt, 30), False)}\n\nご不明な点がございましたら、お気軽にお問い合わせください。\n"
        f"ご検討のほど、よろしくお願い申し上げます。\n\n{sign(p, r=r)}"
    )
    subject = r.choice(
        [
            f"お見積書送付の件（{item.split()[0]}）",
            f"RE: 見積依頼：{item.split()[0]}",
            f"【{c.name}】御見積書のご送付",
        ]
    )
    return person_mail(r, p, [me], subject, dt, body, [pdf_att(r, fname, "QUOTATION", amount)])


def t_purchase_order(r: random.Random) -> bytes:
    p = TOYO.contact
    dt = rdate(r)
    po = f"PO-{dt:%y%m}{digits(r, 4)}"
    part = r.choice(
        ["精密シャフト MS-2040", "ベアリングホルダ BH-12", "加工治具 JG-330", "カバープレート CP-08"]
    )
    qty = r.randint(2, 50) * 10
    body = (
        f"{opening(YOSHIDA, r)}\n東洋電機 購買部の{p.name.split()[0]}です。\n\n下記のとおり発注いたしますので、注文書をお送りします。\n\n"
        f"注文番号：{po}\n品名：{part}\n数量：{qty}個\n希望納期：{jdate(later(dt, 28), False)}\n納入場所：川崎工場 資材受入\n\n"
        "お手数ですが、注文請書のご返送と納期回答をお願いいたします。\n\n" + sign(p, 1)
    )
    att = pdf_att(r, f"注文書_{po}.pdf", "PURCHASE ORDER", qty * r.randint(800, 9000))
    return person_mail(
        r,
        p,
        [YOSHIDA],
        f"【注文書】{po} {part}",
        dt,
        body,
        [att],
        cc=[Person("木下 美穂", "購買部", "m.kinoshita@toyo-denki.co.jp")],
    )


def t_delivery_answer(r: random.Random) -> bytes:
    p = DAIWA.contact
    dt = rdate(r)
    rows = [
        (
            f"{digits(r, 4)}-{digits(r, 3)}",
            r.choice(["SUS304 丸棒", "A5052 板材", "S45C 角材", "真鍮六角棒"]),
            r.randint(5, 200),
        )
        for _ in range(r.randint(3, 6))
    ]
    csv = "注文番号,品名,数量,納期回答\r\n" + "".join(
        f"{a},{b},{q},{later(dt, r.randint(5, 30)):%Y/%m/%d}\r\n" for a, b, q in rows
    )
    body = (
        f"{opening(YOSHIDA, r)}\n大和商事の{p.name.split()[0]}です。\n\nご注文いただいております品目の納期回答を添付いたします。\n"
        "一部、メーカー欠品のため納期が遅れる品目がございます。ご迷惑をおかけし申し訳ございません。\n\n"
        f"ご確認のほど、よろしくお願いいたします。\n\n{sign(p, 0)}"
    )
    att = Att(csv.encode("shift_jis"), "text/csv; charset=Shift_JIS", f"納期回答_{dt:%Y%m%d}.csv")
    return person_mail(
        r, p, [YOSHIDA], f"RE: 納期回答のお願い（{dt.month}月発注分）", dt, body, [att], cc=[NAKAMURA]
    )


def t_proof(r: random.Random) -> bytes:
    p = CHIYODA.contact
    dt = rdate(r)
    body = (
        f"{opening(NAKAMURA, r)}\n千代田印刷の{p.name.split()[0]}でございます。\n\n"
        f"ご依頼いただいております{r.choice(['会社案内', '製品カタログ', '展示会用チラシ'])}の{r.choice(['初校', '再校'])}をお送りいたします。\n"
        "赤字でご指示いただいた箇所はすべて修正済みです。\n\nお手数ですが、内容をご確認いただき、修正点がございましたら"
        f"{jmd(later(dt, 3))}までにご連絡いただけますと幸いです。\n校了となりましたら、印刷工程に進めさせていただきます。\n\n{sign(p, 2)}"
    )
    return person_mail(
        r,
        p,
        [NAKAMURA],
        f"校正のご確認のお願い（{dt.month}/{dt.day}）",
        dt,
        body,
        [pdf_att(r, "校正_初校.pdf", "PROOF")],
    )


def b_quote_order(r: random.Random, i: int) -> list[bytes]:
    return [(t_quote, t_purchase_order, t_delivery_answer, t_proof)[i % 4](r)]


def t_invoice_pdf(r: random.Random) -> bytes:
    c = r.choice([DAIWA, CHIYODA, HOKUTO, FUJI])
    p = c.contact
    dt = rdate(r, h0=9, h1=18).replace(day=r.randint(1, 7))
    month = dt.month - 1 or 12
    amount = r.randint(40, 2000) * 1100
    body = (
        f"{opening(KOBAYASHI, r)}\n{c.name}の{p.name.split()[0]}です。\n\n{month}月分のご請求書をお送りいたします。\n"
        f"ご確認のほど、よろしくお願いいたします。\n\n　ご請求金額：{yen(amount)}円（税込）\n　お支払期日：{jdate(later(dt, 24), False)}\n\n"
        "なお、原本は郵送にてお送りいたします。\n\n" + sign(p, r=r)
    )
    fname = r.choice(
        [
            f"請求書_{ORG_NAME}様_{dt.year}年{month}月分.pdf",
            f"ご請求書（{month}月分）.pdf",
            f"INV{dt:%Y%m}-{digits(r, 3)}.pdf",
        ]
    )
    return person_mail(
        r,
        p,
        [KOBAYASHI],
        f"【請求書送付】{dt.year}年{month}月分 ご請求書",
        dt,
        body,
        [pdf_att(r, fname, "INVOICE", amount)],
        cc=[KEIRI_BUCHO] if r.random() < 0.4 else (),
    )


def t_advisory_fee(r: random.Random) -> bytes:
    c = r.choice([SATO, SUZUKI])
    p = c.contact
    dt = rdate(r, h0=9, h1=18)
    fee = r.choice([55000, 66000, 33000, 44000])
    body = (
        f"{opening(KEIRI_BUCHO, r)}\n{c.name}の{p.name.split()[0]}です。\n\n{dt.month}月分の顧問料の請求書をお送りします。\n"
        f"請求額は {yen(fee)}円（税込）です。いつもの口座へ月末までにお振込みいただけましたら幸いです。\n\n"
        "また、来月の打合せでお持ちいただきたい資料を別紙にまとめましたので、あわせてご確認ください。\n\n"
        + sign(p, 1)
    )
    atts = [
        pdf_att(r, f"請求書_{dt:%Y%m}.pdf", "INVOICE", fee),
        pdf_att(r, "次回打合せ資料のお願い.pdf", "MEMO"),
    ]
    return person_mail(r, p, [KEIRI_BUCHO], f"{dt.month}月分 顧問料のご請求", dt, body, atts)


def t_reminder(r: random.Random) -> bytes:
    c = r.choice([CHIYODA, DAIWA, HOKUTO])
    p = c.contact
    dt = rdate(r, h0=9, h1=17)
    amount = r.randint(30, 600) * 1100
    due = dt - timedelta(days=r.randint(3, 12))
    body = (
        f"{opening(KOBAYASHI, r)}\n{c.name} 経理担当でございます。\n\n{jdate(due, False)}がお支払期日となっておりました"
        f"下記のご請求につきまして、本日時点で弊社にてご入金の確認ができておりません。\n\n"
        f"　請求書番号：{digits(r, 6)}\n　ご請求金額：{yen(amount)}円\n\n"
        "お手数ですが、お支払い状況をご確認いただけますでしょうか。\n"
        "なお、本メールと行き違いでお支払いいただいている場合は、失礼をお詫びするとともに、本メールは破棄していただけますようお願いいたします。\n\n"
        + sign(p, 0)
    )
    return person_mail(r, p, [KOBAYASHI], "お支払い状況のご確認のお願い", dt, body)


def t_payment_thanks(r: random.Random) -> bytes:
    c = r.choice([DAIWA, FUJI, CHIYODA])
    p = c.contact
    dt = rdate(r)
    body = (
        f"{opening(KOBAYASHI, r)}\n{c.name}の{p.name.split()[0]}です。\n\n本日、{dt.month}月分のご入金を確認いたしました。\n"
        "お忙しいところ、迅速にご対応いただきありがとうございました。\n\n今後ともよろしくお願いいたします。\n\n"
        + sign(p, 1)
    )
    return person_mail(r, p, [KOBAYASHI], "ご入金確認のご連絡", dt, body)


def t_freight_statement(r: random.Random) -> bytes:
    c = HOKUTO
    p = c.contact
    dt = rdate(r, h0=9, h1=17).replace(day=r.randint(1, 6))
    rows = "".join(
        f"{later(dt - timedelta(days=30), n):%Y/%m/%d},{digits(r, 10)},{r.choice(['川崎', '相模原', '厚木', '大田'])},{r.randint(1, 9)},{r.randint(2, 30) * 550}\r\n"
        for n in range(r.randint(6, 14))
    )
    csv = "出荷日,送り状番号,配達先,個数,運賃\r\n" + rows
    body = (
        f"{opening(NAKAMURA, r)}\n北斗運輸の{p.name.split()[0]}です。\n\n先月分の運賃明細と請求書を添付いたします。\nご確認をお願いいたします。\n\n"
        + sign(p, 2)
    )
    atts = [
        Att(csv.encode("shift_jis"), "text/csv; charset=Shift_JIS", f"運賃明細_{dt:%Y%m}.csv"),
        pdf_att(r, f"請求書_{dt:%Y%m}.pdf", "INVOICE", r.randint(100, 900) * 110),
    ]
    return person_mail(
        r, p, [NAKAMURA], f"{dt.month - 1 or 12}月分 運賃明細・請求書の送付", dt, body, atts, cc=[KOBAYASHI]
    )


def b_invoice(r: random.Random, i: int) -> list[bytes]:
    return [
        (t_invoice_pdf, t_advisory_fee, t_reminder, t_payment_thanks, t_freight_statement, t_invoice_pdf)[
            i % 6
        ](r)
    ]


def bank_change_body(
    r: random.Random, c: Correspondent, reason: str, old: str, new: str, start: datetime
) -> str:
    _, tel, _ = CORR_INFO[c.domain]
    return (
        f"{opening(KOBAYASHI, r)}\n{c.name}の{c.contact.name.split()[0]}でございます。\n\n"
        f"このたび、{reason}に伴い、弊社のお振込先口座を変更させていただくこととなりました。\n"
        "詳細は添付の書面（代表者印押印）のとおりでございます。同じ書面を郵送でもお送りしております。\n\n"
        f"　【変更前】{old}\n　【変更後】{new}\n　【変更日】{jdate(start, False)}以降のお支払い分から\n\n"
        f"なお、{jdate(start + timedelta(days=92), False)}までは旧口座へのお振込みも引き続き受け付けております。\n\n"
        "誠にお手数ではございますが、お取引の安全のため、本件につきましては貴社にご登録いただいている弊社の代表電話"
        f"（{tel}）にて、経理部までお電話でご確認いただけますようお願い申し上げます。\n"
        "弊社から、メールのみで口座変更をお願いしたり、お急ぎのお振込みをお願いしたりすることはございません。\n\n"
        "ご迷惑をおかけいたしますが、何卒よろしくお願い申し上げます。\n\n" + sign(c.contact, 0)
    )


def t_bank_change_letter(r: random.Random, i: int) -> bytes:
    c = (CHIYODA, DAIWA, FUJI)[i % 3]
    dt = rdate(r, h0=9, h1=17)
    start = later(dt.replace(day=1) + timedelta(days=62), 0).replace(day=1)
    reason = r.choice(["メインバンクの変更", "取引銀行の支店統廃合", "経理業務の集約"])
    old = f"東都銀行 神楽坂支店 普通 {digits(r, 7)}"
    new = f"{r.choice(['みずほ銀行', '三井住友銀行', '湾岸信用金庫'])} {r.choice(['飯田橋支店', '新宿支店', '本店'])} 普通 {digits(r, 7)}"
    body = bank_change_body(r, c, reason, old, new, start)
    att = pdf_att(r, f"お振込先口座変更のお願い（{c.name}）.pdf", "NOTICE OF CHANGE OF BANK ACCOUNT")
    return person_mail(
        r, c.contact, [KOBAYASHI], "【ご案内】お振込先口座変更のお知らせ", dt, body, [att], cc=[KEIRI_BUCHO]
    )


def t_bank_merger(r: random.Random) -> bytes:
    c = HOKUTO
    dt = rdate(r, h0=9, h1=17)
    body = (
        f"{opening(KOBAYASHI, r)}\n北斗運輸 経理課でございます。\n\n弊社の取引銀行である湾岸信用金庫 平和島支店が、"
        f"{r.randint(2026, 2026)}年{r.randint(9, 11)}月に大森支店へ統合されることとなりました。\n"
        "これに伴い、お振込先の支店名・店番号が変更となります。口座番号・口座名義に変更はございません。\n\n"
        f"　変更前：湾岸信用金庫 平和島支店（店番 {digits(r, 3)}）\n　変更後：湾岸信用金庫 大森支店（店番 {digits(r, 3)}）\n\n"
        "統合後も、旧支店あてのお振込みは当面の間自動的に新支店へ入金されると金融機関より案内を受けております。\n"
        f"ご不明な点は、弊社代表（{CORR_INFO[c.domain][1]}）までお問い合わせください。\n\n"
        + sign(c.contact, 2)
    )
    return person_mail(
        r,
        c.contact,
        [KOBAYASHI],
        "お振込先支店名変更のお知らせ（金融機関の店舗統合）",
        dt,
        body,
        [pdf_att(r, "店舗統合のお知らせ.pdf", "BRANCH CONSOLIDATION")],
    )


def t_bank_branch_notice(r: random.Random) -> bytes:
    bank, dom, _branch, _ = BANKS[0]
    dt = rdate(r, h0=9, h1=17)
    body = (
        f"{ORG_NAME} 御中\n\n平素は{bank}をお引き立ていただき、誠にありがとうございます。\n\n"
        f"当行では、{dt.year}年{r.randint(9, 12)}月{r.choice([7, 14, 21])}日（月）をもちまして、芝浦支店を田町支店内へ移転し、"
        "「ブランチ・イン・ブランチ」方式にて営業を継続することといたしました。\n\n"
        "お客さまの口座番号・支店名・店番号に変更はございません。通帳・キャッシュカード・お振込先のご変更等のお手続きは不要です。\n\n"
        "詳しくは、当行ホームページのお知らせをご覧いただくか、お取引店までお問い合わせください。\n"
        f"https://www.{dom}/news/\n\n※当行から、本件に関してお客さまの口座番号や暗証番号をお尋ねすることはございません。\n\n{bank}"
    )
    return simple(
        r,
        _bank_route(r, dom),
        addr(bank, f"info@mail.{dom}", "iso-2022-jp"),
        KEIRI_BUCHO,
        f"【{bank}】店舗移転のお知らせ（口座番号の変更はございません）",
        dt,
        mid_java(r, f"bdmail{r.randint(1, 4)}.{dom}"),
        body,
    )


def t_office_move_account(r: random.Random) -> bytes:
    c = SATO
    dt = rdate(r, h0=9, h1=17)
    body = (
        f"{opening(KEIRI_BUCHO, r)}\n佐藤です。\n\n事務所の開業10年を機に、顧問料のお振込先を個人名義の口座から事務所名義の口座へ切り替えることにいたしました。\n"
        "添付の書面に新旧の口座を記載しております。次回のご請求書にも新口座を記載いたします。\n\n"
        "念のため、切替えの前に一度お電話でご確認いただけますと安心です。事務所の番号は従来どおり"
        f"{CORR_INFO[c.domain][1]}です。\n切替えは来々月のお支払い分からで結構ですので、どうぞお急ぎにならないでください。\n\n"
        + sign(c.contact, 1)
    )
    return person_mail(
        r,
        c.contact,
        [KEIRI_BUCHO],
        "顧問料のお振込先変更について",
        dt,
        body,
        [pdf_att(r, "振込先変更のお知らせ.pdf", "NOTICE")],
        cc=[KOBAYASHI],
    )


def b_bank_change(r: random.Random, i: int) -> list[bytes]:
    k = i % 6
    if k < 3:
        return [t_bank_change_letter(r, i)]
    return [(t_bank_merger, t_bank_branch_notice, t_office_move_account)[k - 3](r)]


def t_outlook_invite(r: random.Random, cancel: bool = False) -> bytes:
    c = r.choice([DAIWA, CHUO, CHIYODA])
    p = c.contact
    me = {"daiwa-shoji.co.jp": YOSHIDA, "chuo-sogo-law.jp": CEO, "chiyoda-insatsu.co.jp": NAKAMURA}[c.domain]
    dt = rdate(r)
    start = later(dt, r.randint(3, 14)).replace(
        hour=r.choice([10, 13, 14, 15, 16]), minute=r.choice([0, 30]), second=0
    )
    topic = {
        "daiwa-shoji.co.jp": "定例打ち合わせ（仕入価格・納期）",
        "chuo-sogo-law.jp": "契約書レビューのご説明",
        "chiyoda-insatsu.co.jp": "会社案内リニューアル 打ち合わせ",
    }[c.domain]
    teams = c.domain == "chuo-sogo-law.jp"
    loc = (
        "Microsoft Teams 会議" if teams else r.choice([f"{ORG_NAME} 5階会議室", f"{c.name} 本社 3階 応接室"])
    )
    desc = f"{me.name} 様\n\n{topic}の件、下記日程でお願いいたします。\n\n{p.name}"
    if teams:
        join = f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{rs(r, 48, ALNUM)}%40thread.v2/0?context=%7b%22Tid%22%3a%22{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}%22%7d"
        desc += (
            "\n\n________________________________________________________________________________\nMicrosoft Teams ヘルプが必要ですか?\n"
            f"今すぐ会議に参加する\n{join}\n会議 ID: {digits(r, 3)} {digits(r, 3)} {digits(r, 3)} {digits(r, 3)}\nパスコード: {rs(r, 6, ALNUM)}\n"
            "________________________________________________________________________________"
        )
    cal = ics(r, p, [me], topic, start, 60, loc, desc, "CANCEL" if cancel else "REQUEST")
    subject = f"キャンセル済み: {topic}" if cancel else topic
    body = (
        desc
        if not cancel
        else f"{me.name} 様\n\n先方都合により、本打ち合わせはキャンセルとさせてください。\n改めて日程をご相談させていただきます。\n\n{p.name}"
    )
    return person_mail(r, p, [me], subject, dt, body, calendar=cal, html=True, mua="outlook")


def t_google_invite(r: random.Random) -> bytes:
    c = r.choice([TOYO, FUJI])
    p = c.contact
    me = YOSHIDA if c is TOYO else KATO
    dt = rdate(r)
    start = later(dt, r.randint(2, 10)).replace(hour=r.choice([10, 11, 14, 15, 16]), minute=0, second=0)
    topic = "【東洋電機様】新製品部品の仕様打ち合わせ" if c is TOYO else "ネットワーク更改 キックオフ"
    meet = f"https://meet.google.com/{rs(r, 3, 'abcdefghijkmnopqrstuvwxyz')}-{rs(r, 4, 'abcdefghijkmnopqrstuvwxyz')}-{rs(r, 3, 'abcdefghijkmnopqrstuvwxyz')}"
    when = f"{jdate(start)} {start:%H:%M}～{start + timedelta(hours=1):%H:%M} (日本標準時)"
    body = (
        f"{p.name} さんから会議に招待されました\n\n{topic}\n{when}\n\nGoogle Meet に参加する\n{meet}\n"
        f"電話で参加\n(JP) +81 3-4545-{digits(r, 4)} PIN: {digits(r, 9)}#\n\n"
        f"主催者\n{p.name}\n{p.address}\n\nゲスト\n{p.name} - 主催者\n{me.name}\n\n"
        "予定を表示\nhttps://calendar.google.com/calendar/event?action=VIEW&eid=" + rs(r, 60, ALNUM) + "\n\n"
        f"Google カレンダーからの招待状: Google カレンダー\nこのメールは {me.address} に送信されました。{p.name} さんのイベントにゲストとして登録されているためです。"
    )
    cal = ics(r, p, [p, me], topic, start, 60, meet, f"Google Meet に参加: {meet}", google=True)
    dt2 = dt
    rt = r_gws(r, p.address, dt2, me.address)
    rt.envelope = f"3{rs(r, 28, ALNUM)}@calendar-server.bounces.google.com"
    rt.signers = [(c.domain, "google"), ("google.com", "20230601")]
    tpart = text(body, "utf-8", "base64", q=False)
    hpart = text(
        simple_html(
            body.split("\n\n"),
            [
                (
                    "はい",
                    f"https://calendar.google.com/calendar/event?action=RESPOND&rst=1&eid={rs(r, 50, ALNUM)}",
                )
            ],
        ),
        "utf-8",
        "quoted-printable",
        "html",
        q=False,
    )
    calp = text(cal, "utf-8", "7bit", "calendar")
    calp[0][0] = ("Content-Type", 'text/calendar; charset="UTF-8"; method=REQUEST')
    alt = multi("alternative", [tpart, hpart, calp], bnd(r, "gmail"))
    inv = attach(cal.encode(), "application/ics", "invite.ics", "ascii")
    ent = multi("mixed", [alt, inv], bnd(r, "gmail"))
    subject = f"招待: {topic} - {when} ({me.address})"
    hs = std(
        addr(p.name, p.address),
        me.address,
        hdr(subject),
        dt,
        f"<calendar-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@google.com>",
        ("Reply-To", addr(p.name, p.address)),
        ("Sender", "Google Calendar <calendar-notification@google.com>"),
    )
    return deliver(r, rt, me.address, dt, hs, ent)


def t_zoom_invite(r: random.Random) -> bytes:
    p = FUJI.contact
    dt = rdate(r)
    start = later(dt, r.randint(2, 7)).replace(hour=r.choice([10, 14, 16]), minute=0)
    mid = f"8{digits(r, 2)} {digits(r, 4)} {digits(r, 4)}"
    body = (
        f"{opening(KATO, r)}\n富士システムズの{p.name.split()[0]}です。\n\n先日お問い合わせいただいた件、オンラインでご説明させてください。\n\n"
        f"日時：{jmd(start)} {start:%H:%M}〜{start + timedelta(minutes=45):%H:%M}\n\n"
        f"Zoomミーティングに参加する\nhttps://us06web.zoom.us/j/{mid.replace(' ', '')}?pwd={rs(r, 32, ALNUM)}.1\n\n"
        f"ミーティング ID: {mid}\nパスコード: {digits(r, 6)}\n\nよろしくお願いいたします。\n\n" + sign(p, 1)
    )
    return person_mail(r, p, [KATO], f"オンライン打ち合わせのご案内（{jmd(start)}）", dt, body)


def t_schedule(r: random.Random) -> bytes:
    c = r.choice([SATO, SUZUKI, CHUO])
    p = c.contact
    me = {"sato-zeirishi.jp": KEIRI_BUCHO, "suzuki-sharoushi.jp": YAMAMOTO, "chuo-sogo-law.jp": SENMU}[
        c.domain
    ]
    dt = rdate(r)
    topic = {
        "sato-zeirishi.jp": "決算のお打合せ",
        "suzuki-sharoushi.jp": "就業規則改定のお打合せ",
        "chuo-sogo-law.jp": "取引基本契約の見直しのご相談",
    }[c.domain]
    cands = "\n".join(
        f"　・{jmd(later(dt, d))} {h}"
        for d, h in zip(
            sorted(r.sample(range(3, 15), 3)),
            r.sample(["10:00〜11:00", "13:30〜14:30", "15:00〜16:00", "16:00〜17:00"], 3),
            strict=True,
        )
    )
    body = (
        f"{opening(me, r)}\n{c.name}の{p.name.split()[0]}です。\n\n{topic}の日程について、下記の候補からご都合のよい日時をお知らせいただけますでしょうか。\n\n"
        f"{cands}\n\n場所は貴社にお伺いする形を想定しておりますが、オンラインでも構いません。\nご検討のほど、よろしくお願いいたします。\n\n"
        + sign(p, 1)
    )
    return person_mail(r, p, [me], f"{topic}の日程調整のお願い", dt, body)


def t_internal_meeting(r: random.Random) -> bytes:
    sender = r.choice([SENMU, NAKAMURA, KEIRI_BUCHO])
    to = [p for p in EVERYONE if p != sender]
    dt = rdate(r)
    start = later(dt, r.randint(2, 10)).replace(hour=r.choice([9, 10, 13, 15]), minute=0)
    topic = r.choice(["経営会議（月次）", "予算検討会", "安全衛生委員会", "部門長会議"])
    body = f"各位\n\n{topic}を下記のとおり開催します。資料は前日までに共有フォルダに格納してください。\n\n日時：{jmd(start)} {start:%H:%M}〜\n場所：5階会議室\n\n{sender.name}"
    cal = ics(r, sender, to, topic, start, 90, "5階会議室", body)
    return person_mail(r, sender, to[:4], topic, dt, body, calendar=cal, html=True, mua="outlook-int")


def b_meeting(r: random.Random, i: int) -> list[bytes]:
    k = i % 6
    if k == 0:
        return [t_outlook_invite(r)]
    if k == 5:
        return [t_outlook_invite(r, cancel=True)]
    return [(t_google_invite, t_zoom_invite, t_schedule, t_internal_meeting)[k - 1](r)]


THREADS = (  # (correspondent, our person, subject, their first mail, our reply, their answer)
    ("daiwa-shoji", "吉田", "納期のご相談", "SUS304丸棒の件、メーカーからの入荷が遅れており、納期が1週間ほど後ろ倒しになる見込みです。\n分納でもよろしければ、半数を来週中にお届けできます。", "ご連絡ありがとうございます。\n分納で問題ございません。先に届く分は川崎工場向けの加工に回します。\n残りの納期が確定しましたら、改めてご連絡ください。", "承知いたしました。\n先行分は{d}着で手配いたしました。残りは確定次第ご連絡いたします。"),
    ("toyo-denki", "吉田", "MS-2040 図面改訂の件", "MS-2040の図面をRev.Cに改訂しました。\n変更点は端部の面取り寸法のみです。改訂図面を共有フォルダに格納しましたのでご確認ください。", "改訂図面を確認しました。\n加工プログラムの修正が必要なため、改訂品の初回納入は{d}以降となります。\nそれまでの納入分はRev.Bで製作してよろしいでしょうか。", "はい、{d}まではRev.Bで問題ありません。\n現場にも伝えておきます。引き続きよろしくお願いします。"),
    ("chuo-sogo-law", "高橋", "業務委託契約書（案）について", "ご依頼の業務委託契約書について、修正案を作成しました。\n特に第12条（損害賠償）と第18条（再委託）についてコメントを付しております。", "早速ありがとうございます。\n第12条の上限額について、社内で確認のうえ改めてご連絡いたします。\n第18条はご提案のとおりで結構です。", "承知しました。\n第12条のご回答をいただき次第、最終版を作成いたします。"),
    ("fuji-systems", "加藤", "複合機のスキャン送信エラーについて", "お問い合わせいただいたスキャン送信エラーの件、ログを確認しました。\nファイルサーバ側の共有フォルダのパスワード変更が原因と思われます。", "ありがとうございます。\n確かに先週パスワードを変更していました。複合機側の設定を変更すればよいでしょうか。", "はい、複合機の宛先表の認証情報を更新していただければ解消します。\n手順書を添付しますので、ご不明な点があればお電話ください。"),
    ("suzuki-sharoushi", "山本", "新入社員の入社手続きについて", "来月入社予定の方の手続きに必要な書類をお知らせします。\n雇用契約書の写し、年金手帳または基礎年金番号通知書の写し、扶養の有無をご用意ください。", "ご連絡ありがとうございます。\n書類は揃い次第、社内システム経由でお送りします。\n扶養はなしと聞いております。", "承知しました。\n書類を受領しましたら、資格取得届を電子申請いたします。"),
    ("sato-zeirishi", "伊藤", "決算資料のご送付", "決算作業に必要な資料の一覧をお送りします。\n在庫表と固定資産の増減明細を優先してご準備ください。", "承知しました。\n在庫表は棚卸完了後の{d}にお送りできる見込みです。", "ありがとうございます。\nそのスケジュールで問題ございません。"),
    ("chiyoda-insatsu", "中村", "展示会チラシの部数変更", "展示会チラシの件、3,000部で手配を進めております。", "大変恐縮ですが、ブースの来場予測が増えたため、5,000部に変更は可能でしょうか。", "5,000部で承りました。\n納期は変わらず{d}納品でお届けできます。差額のお見積りを別途お送りします。"),
    ("hokuto-unyu", "中村", "集荷時間の変更について", "来月から集荷ルートの変更に伴い、貴社の集荷時間が15時から14時になります。", "了解しました。\n14時に間に合わない日は、前日までにご相談させてください。", "承知しました。\n急ぎの際は配車センターまでお電話いただければ個別に調整いたします。"),
)  # fmt: skip


def t_thread(r: random.Random, i: int) -> bytes:
    dom_key, our_surname, topic, first, reply, answer = THREADS[i % len(THREADS)]
    c = CORR[dom_key]
    p = c.contact
    me = next(x for x in EVERYONE if x.name.startswith(our_surname))
    t1 = rdate(r, m1=10)
    t2 = t1 + timedelta(hours=r.randint(1, 20))
    t3 = t2 + timedelta(hours=r.randint(1, 30))
    d = jmd(later(t3, r.randint(5, 20)))
    m = mua_of(p.address)
    b1 = f"{opening(me, r)}\n{c.name}の{p.name.split()[0]}です。\n\n{first.format(d=d)}\n\nよろしくお願いいたします。\n\n{sign(p, 1)}"
    b2 = f"{company_of(p)}\n{p.name} 様\n\nお世話になっております。\n{ORG_NAME}の{me.name.split()[0]}です。\n\n{reply.format(d=d)}\n\n以上、よろしくお願いいたします。\n\n{sign(me, 1)}"
    b3 = f"{me.name.split()[0]} 様\n\nお世話になっております。{p.name.split()[0]}です。\n\n{answer.format(d=d)}\n\n{sign(p, 1)}"
    st = quote_style(m, r)
    re_ = {"outlook": "RE: ", "gmail": "Re: ", "thunderbird": "Re: ", "becky": "Re[2]: "}[m]
    quoted = orig_block(
        r, st, me, p, t2, f"Re: {topic}", b2 + "\n\n" + orig_block(r, st, p, me, t1, topic, b1)
    )
    body = b3 + "\n\n" + quoted
    ids = [msgid_for(r, m, t1, c.domain), mid_thunderbird(r, ORG_DOMAIN)]
    subject = (
        f"{re_}{topic}" if m != "outlook" else f"RE: RE: {topic}" if r.random() < 0.3 else f"RE: {topic}"
    )
    return person_mail(r, p, [me], subject, t3, body, parent=ids[1], refs=ids[:1])


def t_our_reply_forward(r: random.Random) -> bytes:
    """An executive forwards a correspondent's mail to a colleague (internal, Outlook FW:)."""
    c = r.choice([DAIWA, CHIYODA, TOYO])
    p = c.contact
    t1 = rdate(r, m1=10)
    t2 = t1 + timedelta(hours=r.randint(1, 48))
    fwd_from = r.choice([CEO, SENMU])
    to = r.choice([KEIRI_BUCHO, YOSHIDA])
    topic = r.choice(["価格改定のお願い", "年末年始の営業日のご案内", "新任担当者のご紹介"])
    orig = f"{opening(fwd_from, r)}\n{c.name}の{p.name.split()[0]}です。\n\n{topic}について、添付のとおりご案内申し上げます。\n\n{sign(p, 0)}"
    body = (
        f"{to.name.split()[0]}さん\n\n下記、確認して対応をお願いします。\n{'価格は来週の会議で議論します。' if '価格' in topic else '共有まで。'}\n\n{fwd_from.name.split()[0]}\n\n"
        + orig_block(r, "outlook-ja", p, fwd_from, t1, topic, orig)
    )
    return person_mail(
        r, fwd_from, [to], f"FW: {topic}", t2, body, [pdf_att(r, f"{topic}.pdf", "NOTICE")], mua="outlook-int"
    )


GREETINGS = (
    (12, "年末のご挨拶", "本年も格別のお引き立てを賜り、誠にありがとうございました。\n\n誠に勝手ながら、弊社の年末年始休業は下記のとおりとさせていただきます。\n\n　休業期間：12月26日(土)〜1月4日(月)\n\n休業期間中にいただいたお問い合わせは、1月5日(火)以降に順次対応いたします。\n来年も変わらぬご愛顧のほど、よろしくお願い申し上げます。"),
    (1, "新年のご挨拶", "謹んで新春のお慶びを申し上げます。\n旧年中は格別のご高配を賜り、厚く御礼申し上げます。\n\n本年も社員一同、皆様のご期待に沿えるよう努めてまいります。\n何卒、本年も変わらぬご愛顧を賜りますようお願い申し上げます。"),
    (7, "夏季休業のお知らせ", "誠に勝手ながら、弊社では下記の期間を夏季休業とさせていただきます。\n\n　休業期間：8月13日(木)〜8月16日(日)\n\n期間中はご不便をおかけいたしますが、何卒ご了承くださいますようお願い申し上げます。"),
    (3, "担当者変更のご挨拶", "このたび、4月1日付の人事異動により、貴社の担当を{new}が引き継ぐこととなりました。\n在任中は大変お世話になり、心より御礼申し上げます。\n\n{new}は同じ部署におりますので、これまでの経緯は十分に引き継いでおります。\n今後とも変わらぬお引き立てのほど、よろしくお願い申し上げます。\n\n（後任）{new}　TEL：代表番号と同じ"),
    (5, "事務所移転のお知らせ", "このたび弊社は、業務拡大に伴い下記へ移転することとなりました。\n\n　新住所：〒105-0014 東京都港区芝2-28-8 芝二丁目ビル6階\n　業務開始日：{d}\n\n電話番号・FAX番号・メールアドレスに変更はございません。\nお手数ですが、ご登録情報の変更をお願いいたします。"),
)  # fmt: skip


def t_greeting(r: random.Random, i: int) -> bytes:
    month, topic, text_ = GREETINGS[i % len(GREETINGS)]
    c = CORRESPONDENTS[(i * 3) % len(CORRESPONDENTS)]
    p = c.contact
    me = r.choice(EVERYONE)
    day = {12: r.randint(20, 25), 1: r.randint(5, 8)}.get(month, r.randint(1, 24))
    dt = rdate(r, m0=month, m1=month).replace(day=day)
    while dt.weekday() >= 5:
        dt += timedelta(days=1)
    new = person_name(r)
    body = (
        f"{company_of(me)}\n{me.name} 様\n\n{text_.format(new=new + ' ' + '様'[:0], d=jdate(later(dt, 40), False))}\n\n"
        f"略儀ながら、メールにてご挨拶申し上げます。\n\n{sign(p, 0)}"
    )
    return person_mail(r, p, [me], f"{topic}（{c.name}）", dt, body)


def b_thread(r: random.Random, i: int) -> list[bytes]:
    k = i % 8
    if k < 5:
        return [t_thread(r, i)]
    if k == 5:
        return [t_our_reply_forward(r)]
    return [t_greeting(r, i)]


# --------------------------------------------------------------------------------------------
# internal mail: HR, IT, workflow systems


def staff_notice(
    r: random.Random,
    sender: Person,
    subject: str,
    body: str,
    dt: datetime,
    to: str = "",
    cc: Sequence[Person] = (),
) -> bytes:
    rt = r_internal(r, sender.address, dt)
    cs = r.choice(["iso-2022-jp", "iso-2022-jp", "utf-8"])
    ent = text(body, cs, "7bit" if cs == "iso-2022-jp" else r.choice(["base64", "8bit"]))
    to_h = to or f"all@{ORG_DOMAIN}"
    hs = std(
        addr(sender.name, sender.address, cs),
        to_h,
        hdr(subject, cs, whole=True),
        dt,
        mid_thunderbird(r, ORG_DOMAIN),
    )
    if cc:
        hs.append(("Cc", ", ".join(addr(p.name, p.address, cs) for p in cc)))
    hs += (
        [("User-Agent", "Mozilla Thunderbird")]
        if r.random() < 0.5
        else [("X-Mailer", "Microsoft Outlook 16.0")]
    )
    return deliver(r, rt, r.choice(EVERYONE).address, dt, hs, ent)


def t_nencho(r: random.Random) -> bytes:
    dt = rdate(r, m0=10, m1=11, h0=9, h1=17)
    due = later(dt, 14)
    body = (
        "社員各位\n\nお疲れさまです。人事部の山本です。\n\n今年も年末調整の時期となりました。\n"
        f"下記のとおり、社内の人事システムから申告をお願いします。\n\n■提出期限：{jmd(due)} 17:00\n■入力先：人事システム「年末調整」メニュー\n"
        f"　https://jinji.{ORG_DOMAIN}/nencho/\n　(社外からはVPN接続が必要です)\n\n■入力いただく内容\n"
        "　・扶養控除等(異動)申告書(扶養家族に変更がない方も確認をお願いします)\n"
        "　・新たに扶養に入るご家族がいる場合は、そのご家族のマイナンバー\n"
        "　・基礎控除申告書 兼 配偶者控除等申告書\n　・保険料控除申告書(生命保険・地震保険の控除証明書の原本は人事部へ提出)\n\n"
        "マイナンバーは必ず人事システムから入力してください。メールやチャットでは送らないでください。\n"
        "また、人事部からメールでマイナンバーをお尋ねすることはありません。\n\n不明点は人事部 山本(内線 214)までお問い合わせください。\n\n人事部 山本"
    )
    return staff_notice(
        r, YAMAMOTO, f"【人事部】年末調整の申告について（提出期限：{due.month}/{due.day}）", body, dt
    )


def t_payslip(r: random.Random) -> bytes:
    dt = rdate(r, h0=10, h1=12).replace(day=25)
    while dt.weekday() >= 5:
        dt -= timedelta(days=1)
    rcpt = r.choice(EVERYONE)
    bonus = dt.month in (7, 12) and r.random() < 0.5
    kind = "賞与明細" if bonus else "給与明細"
    body = (
        f"{rcpt.name} さん\n\n{dt.year}年{dt.month}月分の{kind}を公開しました。\n下記からログインしてご確認ください。\n\n"
        f"https://kyuyo.{ORG_DOMAIN}/meisai/\n\n※社内ネットワークまたはVPN接続時のみ閲覧できます。\n※ログインIDは社員番号、パスワードは人事システムと共通です。\n\n"
        "このメールは給与明細Webから自動送信されています。\n人事部"
    )
    rt = r_internal(
        r, f"noreply@{ORG_DOMAIN}", dt, via=f"kyuyo-app.{ORG_DOMAIN} (kyuyo-app.{ORG_DOMAIN} [192.168.20.31])"
    )
    hs = std(
        addr("給与明細Web", f"noreply@{ORG_DOMAIN}", "iso-2022-jp"),
        rcpt.address,
        hdr(f"【{kind}】{dt.year}年{dt.month}月分の{kind}を公開しました", "iso-2022-jp", whole=True),
        dt,
        mid_java(r, f"kyuyo-app.{ORG_DOMAIN}"),
    )
    return deliver(r, rt, rcpt.address, dt, hs, text(body))


def t_kenshin(r: random.Random) -> bytes:
    dt = rdate(r, m0=4, m1=9, h0=9, h1=17)
    body = (
        "社員各位\n\n人事部です。\n今年度の定期健康診断を下記のとおり実施します。\n\n"
        f"■日程：{jmd(later(dt, 20))}、{jmd(later(dt, 21))}\n■会場：本社5階会議室(健診車は1階駐車場)\n■対象：全社員\n\n"
        "問診票は各部署に配布済みです。当日は朝食を抜いてお越しください(飲水は可)。\n"
        "受診時間の割り振りは共有フォルダの「健康診断_時間割.xlsx」をご確認ください。\n\n人事部 山本"
    )
    return staff_notice(r, YAMAMOTO, "【人事部】定期健康診断の実施について", body, dt)


def t_stress(r: random.Random) -> bytes:
    dt = rdate(r, m0=9, m1=11, h0=9, h1=17)
    body = (
        "社員各位\n\n人事部です。\n労働安全衛生法に基づくストレスチェックを実施します。\n"
        "今年も外部委託先の「こころチェック」(株式会社ウェルネスリンク)のWebサイトから回答してください。\n\n"
        f"■回答期間：{jmd(dt)}〜{jmd(later(dt, 14))}\n■回答サイト：https://www.kokoro-check.jp/minato-seiki/\n"
        "■ログインID・初期パスワード：本日、各自に封書で配布しています\n\n"
        "回答内容は実施事務従事者と産業医のみが確認し、本人の同意なく会社に提供されることはありません。\n\n人事部 山本"
    )
    return staff_notice(r, YAMAMOTO, "ストレスチェック実施のお知らせ（回答のお願い）", body, dt)


def t_smarthr(r: random.Random) -> bytes:
    dt = rdate(r, m0=10, m1=11, h0=9, h1=18)
    rcpt = r.choice(STAFF)
    link = f"https://minato-seiki.smarthr.jp/year_end_adjustments/{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}"
    body = (
        f"{rcpt.name}さん\n\n{ORG_NAME}から、年末調整のアンケートへの回答依頼が届いています。\n\n回答期限：{jdate(later(dt, 10), False)}\n\n"
        f"以下のURLからログインし、回答してください。\n{link}\n\n"
        "※このメールは送信専用アドレスから送信されています。\n※内容に関するお問い合わせは、勤務先のご担当者へお願いします。\n\nSmartHR"
    )
    rt, sid = r_ses(r, "smarthr.jp", dt)
    return simple(
        r,
        rt,
        addr("SmartHR", "noreply@smarthr.jp"),
        rcpt,
        f"【SmartHR】{ORG_NAME}から年末調整の依頼が届いています",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n"), [("回答する", link)]),
    )


def t_juminzei(r: random.Random) -> bytes:
    dt = rdate(r, m0=6, m1=6, h0=9, h1=17)
    body = (
        "社員各位\n\n経理部 小林です。\n\n各市区町村から届いた令和8年度の住民税決定通知書(特別徴収税額通知書)を、本日から給与明細Webで配布します。\n"
        "6月支給の給与から新しい税額で天引きされます。\n\n紙の通知書が必要な方は、経理部までお申し出ください。\n\n経理部 小林"
    )
    return staff_notice(r, KOBAYASHI, "住民税決定通知書の配布について", body, dt)


def b_internal_hr(r: random.Random, i: int) -> list[bytes]:
    return [(t_nencho, t_payslip, t_kenshin, t_stress, t_smarthr, t_juminzei, t_payslip)[i % 7](r)]


def t_pw_change(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=17)
    due = later(dt, 14)
    body = (
        "社員各位\n\n情報システム部の加藤です。\n\n社内規程に基づき、半期ごとのパスワード変更をお願いします。\n"
        f"期限：{jmd(due)}\n\n【変更方法】\n社内ポータル(https://portal.{ORG_DOMAIN}/)にログインし、「アカウント」→「パスワード変更」から変更してください。\n"
        "社外からはVPN接続後に操作してください。\n\n【注意】\n・期限を過ぎると、次回ログイン時に変更画面が表示されます。\n"
        "・情報システム部がメールでパスワードを聞くことはありません。\n"
        "・「パスワードの有効期限が切れます」という社外からのメールは、リンクを開かずに転送してください。\n\n情報システム部 加藤(内線 301)"
    )
    return staff_notice(
        r, KATO, f"【情報システム部】パスワード変更のお願い（期限：{due.month}/{due.day}）", body, dt
    )


def t_drill(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=17)
    body = (
        "社員各位\n\n情報システム部です。\n\n今年度の標的型メール訓練を、下記の期間に実施します。\n\n"
        f"■実施期間：{jmd(later(dt, 7))}〜{jmd(later(dt, 18))}のいずれかの日\n■対象：全社員(役員を含む)\n\n"
        "訓練メールは外部の訓練サービスから、取引先や公的機関、宅配業者などを装って送信されます。\n"
        "「至急対応してください」「アカウントが停止されます」などの文言を含むことがあります。\n\n"
        "不審なメールを受信した場合は、本文のリンクや添付ファイルを開かず、Outlookの「報告」ボタンで報告してください。\n"
        "訓練の結果は個人の評価には使用しません。\n\n本件は社長の承認を得て実施しています。\n\n情報システム部 加藤"
    )
    return staff_notice(r, KATO, "標的型メール訓練の実施について", body, dt, cc=[CEO])


SECURITY_TIPS = (
    ("宅配業者を装うメール・SMS", "「お荷物をお届けにあがりましたが不在のため持ち帰りました」「配送先住所に不備があります」といった文面で、偽の再配達サイトへ誘導する手口です。実在の宅配業者は、SMSで再配達の手続きを求めることはほとんどありません。"),
    ("アカウント停止を装うメール", "件名に「【至急】アカウントが停止されます」「パスワードの有効期限が切れました」「お支払い方法の確認が必要です」などとあり、ログイン画面そっくりの偽サイトでIDとパスワードを入力させます。"),
    ("取引先を装った口座変更依頼", "「監査のため口座が凍結された」「本日中にお振込みください」などとして、新しい口座への振込を急がせます。口座変更の連絡を受けたら、メールに書かれた番号ではなく、登録済みの代表番号に電話して確認してください。"),
    ("社長になりすましたメール", "「今、お時間ありますか」「LINEグループを作成してQRコードを送ってください」といったメールが、社長の名前で届く事例が相次いでいます。業務の連絡がLINEで来ることはありません。"),
    ("請求書を装った添付ファイル", "「請求書をご確認ください」という件名で、マクロ付きのExcelファイルやパスワード付きZIPが届くことがあります。身に覚えのない請求書は開かず、情報システム部へ報告してください。"),
)  # fmt: skip


def t_sec_newsletter(r: random.Random, i: int) -> bytes:
    dt = rdate(r, h0=9, h1=17)
    tips = r.sample(SECURITY_TIPS, 3)
    no = 30 + i
    body = (
        f"◆◇ 情報セキュリティ通信 第{no}号 ◇◆\n\n社員各位\n\n情報システム部です。\n最近、社内でも以下のような不審なメールの報告が増えています。\n\n"
        + "\n\n".join(f"■{k + 1}. {h}\n{t}" for k, (h, t) in enumerate(tips))
        + f"\n\n先月の不審メール報告件数：{r.randint(8, 40)}件(ご協力ありがとうございました)\n\n"
        "怪しいと思ったら、開かず、返信せず、「報告」ボタンで情報システム部へ。\n\n情報システム部 加藤(内線 301)"
    )
    return staff_notice(
        r, KATO, f"情報セキュリティ通信 第{no}号：「至急」「アカウント停止」メールにご注意を", body, dt
    )


def t_maintenance(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=17)
    day = later(dt, 7) + timedelta(days=(5 - later(dt, 7).weekday()) % 7)
    target = r.choice(
        ["ファイルサーバ", "VPN装置", "基幹システム(生産管理)", "社内ポータル", "複合機・プリントサーバ"]
    )
    body = (
        f"社員各位\n\n情報システム部です。\n保守作業のため、下記の時間帯に{target}を停止します。\n\n"
        f"■日時：{jmd(day)} 9:00〜18:00(作業終了次第再開)\n■影響：停止中は{target}にアクセスできません\n\n"
        "休日出勤の予定がある方は、事前に必要なファイルをご準備ください。\nご不便をおかけしますが、ご協力をお願いします。\n\n情報システム部 加藤"
    )
    return staff_notice(
        r, KATO, f"【停止連絡】{target} 保守作業のお知らせ（{day.month}/{day.day}）", body, dt
    )


def t_mfa(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=17)
    body = (
        "社員各位\n\n情報システム部の加藤です。\n\nMicrosoft 365(Teams・OneDrive)のセキュリティ強化のため、多要素認証(MFA)の設定をお願いします。\n"
        f"期限：{jmd(later(dt, 10))}\n\n【設定手順】\n1. スマートフォンに「Microsoft Authenticator」をインストール\n"
        "2. PCで https://aka.ms/mfasetup を開き、会社のアカウントでサインイン\n3. 画面の指示に従ってQRコードを読み取る\n\n"
        "手順書(画像付き)は社内ポータルの「IT手順書」に掲載しています。\n期限後は、MFA未設定のアカウントでサインイン時に設定画面が表示されます。\n\n情報システム部 加藤"
    )
    return staff_notice(r, KATO, "【要対応】Microsoft 365 多要素認証（MFA）設定のお願い", body, dt)


def t_quarantine(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=9).replace(minute=0, second=0)
    rcpt = r.choice(EVERYONE)
    subs = r.sample(
        [
            "【重要】お客様のアカウントが一時停止されました",
            "Invoice #88231 payment overdue",
            "ご注文の商品を発送しました（お届け先確認のお願い）",
            "無料で資料を差し上げます",
            "【最終通告】未払い料金のお知らせ",
            "Re: 見積書の件",
        ],
        3,
    )
    rows = "\n".join(f"{(dt - timedelta(hours=r.randint(1, 20))):%m/%d %H:%M}  {s}" for s in subs)
    body = (
        f"{rcpt.address} 様\n\n過去24時間に、迷惑メールの可能性があるとして以下のメールが隔離されました。\n\n受信日時     件名\n{rows}\n\n"
        f"業務に必要なメールが含まれている場合は、隔離管理画面から配送を許可してください。\nhttps://mailgw.{ORG_DOMAIN}/quarantine/\n"
        "(社内ネットワークからのみアクセスできます)\n\n隔離されたメールは14日後に自動的に削除されます。\n\n"
        "このメールはメールゲートウェイから自動送信されています。\n情報システム部"
    )
    rt = r_internal(
        r, f"quarantine@{ORG_DOMAIN}", dt, via=f"mailgw.{ORG_DOMAIN} (mailgw.{ORG_DOMAIN} [192.168.20.5])"
    )
    hs = std(
        addr("メールゲートウェイ", f"quarantine@{ORG_DOMAIN}"),
        rcpt.address,
        hdr("【迷惑メール隔離通知】隔離されたメールが3件あります"),
        dt,
        mid_local(r, dt, f"mailgw.{ORG_DOMAIN}"),
        ("Auto-Submitted", "auto-generated"),
    )
    return deliver(r, rt, rcpt.address, dt, hs, text(body, "utf-8", "base64"))


def b_internal_it(r: random.Random, i: int) -> list[bytes]:
    k = i % 6
    if k == 2:
        return [t_sec_newsletter(r, i)]
    return [(t_pw_change, t_drill, t_pw_change, t_maintenance, t_mfa, t_quarantine)[k](r)]


def t_kintone(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=20)
    rcpt = r.choice([CEO, SENMU, KEIRI_BUCHO])
    applicant = r.choice(STAFF)
    app = r.choice([("稟議申請", 12), ("設備購入申請", 15), ("出張申請", 8), ("取引先登録申請", 21)])
    rec = r.randint(100, 999)
    link = f"https://minato-seiki.cybozu.com/k/{app[1]}/show#record={rec}"
    body = (
        f"{applicant.name}さんがレコードのステータスを更新しました。\n\nアプリ：{app[0]}\nレコード番号：{rec}\n"
        f"タイトル：{r.choice(['三次元測定機 保守契約更新', 'NC旋盤 ツーリング購入', '大阪出張(東洋電機様 打合せ)', '新規仕入先登録'])}\n"
        f"ステータス：部長承認待ち → 役員承認待ち\n作業者：{rcpt.name}\n\n{link}\n\n"
        "このメールは kintone から自動送信されています。\n通知の設定は、kintone の個人設定で変更できます。"
    )
    rt = Route(envelope=f"bounce-{rs(r, 16, HEX)}@cybozu.com", helo=f"smtp{r.randint(1, 9)}.cybozu.com", ip=f"103.79.{r.randint(12, 15)}.{r.randint(2, 250)}", signers=[("cybozu.com", "cy1")], from_domain="cybozu.com")  # fmt: skip
    return simple(
        r,
        rt,
        addr("kintone", "noreply@cybozu.com"),
        rcpt,
        f"[kintone] {app[0]}：あなたが作業者のレコードがあります",
        dt,
        mid_uuid(r, "cybozu.com"),
        body,
        "utf-8",
        "base64",
    )


def t_garoon(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=20)
    rcpt = r.choice([KEIRI_BUCHO, SENMU])
    applicant = r.choice(STAFF)
    form = r.choice(["経費精算", "仮払申請", "休日出勤届", "備品購入"])
    no = f"{form[:2]}-{digits(r, 5)}"
    link = f"https://minato-seiki.cybozu.com/g/workflow/view.csp?pid={r.randint(1000, 9999)}"
    body = (
        f"[Garoon] ワークフロー\n\n承認依頼が届いています。\n\n申請番号：{no}\n申請フォーム：{form}\n申請者：{applicant.name}\n申請日時：{dt:%Y/%m/%d %H:%M}\n\n"
        f"■申請内容を確認する\n{link}\n\n--\nサイボウズ Garoon"
    )
    rt = Route(envelope=f"bounce-{rs(r, 16, HEX)}@cybozu.com", helo=f"smtp{r.randint(1, 9)}.cybozu.com", ip=f"103.79.{r.randint(12, 15)}.{r.randint(2, 250)}", signers=[("cybozu.com", "cy1")], from_domain="cybozu.com")  # fmt: skip
    return simple(
        r,
        rt,
        addr("Garoon", "noreply@cybozu.com", "iso-2022-jp"),
        rcpt,
        f"[Garoon] ワークフロー 承認依頼：{form}（{applicant.name}）",
        dt,
        mid_uuid(r, "cybozu.com"),
        body,
    )


def t_slack_digest(r: random.Random) -> bytes:
    dt = rdate(r, h0=7, h1=9)
    rcpt = r.choice(EVERYONE)
    msgs = r.sample(
        [
            ("#営業部", "吉田 彩", "東洋電機様の注文書を受領しました。納期回答は明日出します。"),
            ("#全社連絡", "中村 翔", "明日は消防設備点検のため、10時に非常ベルが鳴ります。"),
            ("#情報システム", "加藤 大輔", "ファイルサーバのメンテは予定どおり土曜に実施します。"),
            ("#経理", "小林 直樹", "今月の経費精算の締めは25日です。"),
            ("#製造部", "前田 拓海", "2号機の段取り替え完了しました。"),
        ],
        3,
    )
    body = (
        f"{rcpt.name.split()[0]}さん、こんにちは。\n\n{ORG_NAME} ワークスペースに未読のメッセージがあります。\n\n"
        + "\n\n".join(f"{ch}\n{who}: {m}" for ch, who, m in msgs)
        + "\n\nSlack で開く: https://minato-seiki.slack.com/\n\n"
        "通知メールの頻度は、環境設定の「通知」から変更できます。\nSlack Technologies, LLC, 500 Howard Street, San Francisco, CA 94105"
    )
    rt, sid = r_ses(r, "slack.com", dt, "us-east-1")
    return simple(
        r,
        rt,
        addr("Slack", "notification@slack.com"),
        rcpt,
        f"[Slack] {ORG_NAME} の未読メッセージ",
        dt,
        f"<{sid}@email.amazonses.com>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n"), [("Slack で開く", "https://minato-seiki.slack.com/")]),
        utc=True,
    )


def t_teams(r: random.Random) -> bytes:
    dt = rdate(r, h0=7, h1=20)
    rcpt = r.choice(EVERYONE)
    who = r.choice([p for p in EVERYONE if p != rcpt])
    link = f"https://teams.microsoft.com/l/message/19:{rs(r, 32, HEX)}@thread.tacv2/{digits(r, 13)}?tenantId={rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}"
    body = (
        f"{who.name} さんがあなたをメンションしました\n\n{r.choice(['営業部 / 一般', '全社 / お知らせ', '生産管理 / 一般'])}\n"
        f"{who.name}: @{rcpt.name} {r.choice(['資料の確認をお願いします。', '明日の打ち合わせの件、時間変更できますか？', '共有フォルダに議事録を置きました。'])}\n\n"
        f"Teams で返信\n{link}\n\nMicrosoft Teams からの通知設定を変更するには、Teams の [設定] > [通知] を開いてください。\n\n"
        "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052"
    )
    rt = Route(envelope="noreply@email.teams.microsoft.com", helo=f"mail-{r.choice(['dm6nam11', 'bn8nam04'])}on20{digits(r, 2)}.outbound.protection.outlook.com", ip=f"40.107.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("email.teams.microsoft.com", "selector1")], from_domain="email.teams.microsoft.com", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr("Microsoft Teams", "noreply@email.teams.microsoft.com"),
        rcpt,
        f"{who.name} さんが Teams であなたをメンションしました",
        dt,
        mid_uuid(r, "email.teams.microsoft.com"),
        body,
        "utf-8",
        "base64",
        simple_html(body.split("\n\n"), [("Teams で返信", link)]),
        utc=True,
    )


def t_rakuraku(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=20)
    rcpt = r.choice([KEIRI_BUCHO, KOBAYASHI])
    applicant = r.choice(STAFF)
    link = f"https://rs{digits(r, 5)}.rakurakuseisan.jp/{rs(r, 10, ALNUM)}/"
    body = (
        f"{rcpt.name} 様\n\n以下の申請について承認依頼がありました。\n\n伝票No：{digits(r, 6)}\n申請者：{applicant.name}\n"
        f"種別：{r.choice(['交通費精算', '経費精算', '出張旅費精算'])}\n金額：{yen(r.randint(2, 90) * 1000 + r.randint(0, 999))}円\n\n"
        f"以下のURLからログインして承認処理を行ってください。\n{link}\n\n※本メールは楽楽精算から自動送信されています。"
    )
    rt = Route(envelope="info@rakurakuseisan.jp", helo=f"mta{r.randint(1, 9)}.rakurakuseisan.jp", ip=f"54.248.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("rakurakuseisan.jp", "rs")], from_domain="rakurakuseisan.jp")  # fmt: skip
    return simple(
        r,
        rt,
        addr("楽楽精算", "info@rakurakuseisan.jp", "iso-2022-jp"),
        rcpt,
        "【楽楽精算】承認依頼のお知らせ",
        dt,
        mid_local(r, dt, "rakurakuseisan.jp"),
        body,
    )


def t_cloudsign(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=19)
    c = r.choice([CHUO, DAIWA, TOYO, FUJI])
    rcpt = r.choice([CEO, SENMU])
    doc = r.choice(["業務委託契約書", "秘密保持契約書", "取引基本契約書 変更覚書", "保守サービス契約書"])
    link = f"https://www.cloudsign.jp/document/{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}/confirm?token={rs(r, 40, URLSAFE)}"
    body = (
        f"{rcpt.name} 様\n\n{c.name} {c.contact.name} 様から、書類の確認依頼が届きました。\n\n書類名：{doc}\n"
        f"メッセージ：\nいつもお世話になっております。先日合意いたしました{doc}をお送りします。ご確認のうえ、ご同意をお願いいたします。\n\n"
        f"書類を確認する\n{link}\n\n※このURLの有効期限は送信から14日間です。\n※本メールは送信専用です。\n\nクラウドサイン"
    )
    rt, sid = r_ses(r, "cloudsign.jp", dt)
    return simple(
        r,
        rt,
        addr("クラウドサイン", "noreply@cloudsign.jp"),
        rcpt,
        f"【クラウドサイン】{c.name}から「{doc}」の確認依頼が届いています",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
        simple_html(body.split("\n\n"), [("書類を確認する", link)]),
    )


def t_backlog(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=21)
    rcpt = KATO
    key = f"MSIT-{r.randint(10, 300)}"
    who = FUJI.contact
    body = (
        f"{who.name} さんが課題を更新しました。\n\n[{key}] {r.choice(['UTM入替え 作業計画', 'ファイルサーバ移行', 'PC入替え キッティング'])}\n"
        f"https://minato-seiki.backlog.jp/view/{key}\n\n状態: 処理中 → 処理済み\n担当者: {rcpt.name}\n\nコメント:\n作業手順書を更新しました。ご確認をお願いします。\n\n"
        "--\nこのメールは Backlog から送信されています。通知を停止するには、個人設定のメール設定を変更してください。"
    )
    rt, sid = r_ses(r, "backlog.jp", dt)
    return simple(
        r,
        rt,
        addr("Backlog", "noreply@backlog.jp"),
        rcpt,
        f"[{key}] 課題が更新されました",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def b_workflow(r: random.Random, i: int) -> list[bytes]:
    return [(t_kintone, t_garoon, t_slack_digest, t_teams, t_rakuraku, t_cloudsign, t_backlog)[i % 7](r)]


# --------------------------------------------------------------------------------------------
# PPAP and file-transfer services


def _password(r: random.Random) -> str:
    return rs(r, r.choice([8, 10, 12]), "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")


def t_ppap(r: random.Random, i: int) -> list[bytes]:
    c = (DAIWA, CHIYODA, SATO, SUZUKI, TOYO, CHUO, HOKUTO, FUJI)[i % 8]
    p = c.contact
    me = {"daiwa-shoji.co.jp": YOSHIDA, "chiyoda-insatsu.co.jp": NAKAMURA, "sato-zeirishi.jp": KEIRI_BUCHO, "suzuki-sharoushi.jp": YAMAMOTO,
          "toyo-denki.co.jp": YOSHIDA, "chuo-sogo-law.jp": CEO, "hokuto-unyu.co.jp": NAKAMURA, "fuji-systems.co.jp": KATO}[c.domain]  # fmt: skip
    what = {"daiwa-shoji.co.jp": "見積明細", "chiyoda-insatsu.co.jp": "入稿データ確認用", "sato-zeirishi.jp": "試算表", "suzuki-sharoushi.jp": "算定基礎届 控え",
            "toyo-denki.co.jp": "図面一式", "chuo-sogo-law.jp": "契約書修正版", "hokuto-unyu.co.jp": "運賃改定表", "fuji-systems.co.jp": "ネットワーク構成図"}[c.domain]  # fmt: skip
    dt = rdate(r)
    pw = _password(r)
    zname = f"{what}_{dt:%Y%m%d}.zip"
    members = [
        (
            f"{what}.pdf",
            pdf(r, what.encode("ascii", "ignore").decode() or "DOCUMENT", [f"Ref {digits(r, 6)}"]),
        )
    ]
    if r.random() < 0.4:
        members.append((f"{what}_補足.xlsx", r.randbytes(r.randint(300, 900))))
    z = Att(
        zip_crypto(r, members, pw),
        "application/x-zip-compressed" if mua_of(p.address) == "outlook" else "application/zip",
        zname,
    )
    gateway = i % 2 == 1
    body1 = f"{opening(me, r)}\n{c.name}の{p.name.split()[0]}です。\n\n{what}をお送りいたします。\nパスワードは別途お送りいたします。\n\nご確認のほど、よろしくお願いいたします。\n\n{sign(p, 1)}"
    if gateway:
        body1 += (
            "\n\n------------------------------------------------------------\n※本メールの添付ファイルは、情報漏洩防止のため自動的に暗号化されています。\n"
            "　パスワードは別のメールでお送りします。\n------------------------------------------------------------"
        )
    subject = f"【送付】{what}"
    m1 = person_mail(r, p, [me], subject, dt, body1, [z])
    dt2 = dt + timedelta(seconds=r.randint(20, 300) if gateway else r.randint(60, 900))
    if gateway:
        body2 = (
            f"{me.address} 様\n\n以下のメールに添付されたファイルのパスワードをお知らせします。\n\n"
            f"件名　　：{subject}\n送信日時：{dt:%Y/%m/%d %H:%M:%S}\n添付ファイル：{zname}\nパスワード：{pw}\n\n"
            "※このメールはシステムにより自動送信されています。"
        )
        s2 = f"[パスワード通知] {subject}"
    else:
        body2 = f"{opening(me, r)}\n{c.name}の{p.name.split()[0]}です。\n\n先ほどお送りした「{zname}」のパスワードをお知らせいたします。\n\nパスワード：{pw}\n\nよろしくお願いいたします。\n\n{sign(p, 1)}"
        s2 = f"【パスワード】{what}"
    m2 = person_mail(r, p, [me], s2, dt2, body2, html=False)
    return [m1, m2]


def t_gigafile(r: random.Random) -> bytes:
    c = r.choice([CHIYODA, TOYO, DAIWA])
    p = c.contact
    me = YOSHIDA if c is not CHIYODA else NAKAMURA
    dt = rdate(r)
    url = f"https://{r.randint(1, 120)}.gigafile.nu/{later(dt, 14):%m%d}-{rs(r, 33, HEX)}"
    body = (
        f"{opening(me, r)}\n{c.name}の{p.name.split()[0]}です。\n\nデータ容量が大きいため、ギガファイル便にてお送りいたします。\n\n"
        f"{url}\n\n保存期限：{jdate(later(dt, 14), False)}\nダウンロードキー：{digits(r, 4)}\n\nお手数ですが、期限内にダウンロードをお願いいたします。\n\n{sign(p, 0)}"
    )
    return person_mail(
        r,
        p,
        [me],
        r.choice(["大容量データ送付の件", "図面データのお送り（ギガファイル便）", "印刷データ送付"]),
        dt,
        body,
    )


def t_firestorage(r: random.Random) -> bytes:
    c = r.choice([CHIYODA, HOKUTO, SUZUKI])
    p = c.contact
    me = r.choice([NAKAMURA, YAMAMOTO])
    dt = rdate(r)
    url = f"https://firestorage.jp/download/{rs(r, 40, HEX)}"
    body = (
        f"{me.address} 様\n\n{p.address} さんからファイルが届いています。\n\n"
        f"■メッセージ\n{me.name} 様\nお世話になっております。{c.name}の{p.name.split()[0]}です。資料をお送りします。ご確認ください。\n\n"
        f"■ダウンロードURL\n{url}\n\n■ダウンロード期限\n{later(dt, 7):%Y/%m/%d %H:%M}\n\n"
        "--\nfirestorage\nhttps://firestorage.jp/\n※本メールは送信専用です。"
    )
    rt = Route(envelope="info@firestorage.jp", helo=f"mail{r.randint(1, 5)}.firestorage.jp", ip=f"157.7.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("firestorage.jp", "default")], from_domain="firestorage.jp")  # fmt: skip
    return simple(
        r,
        rt,
        addr("firestorage", "info@firestorage.jp", "iso-2022-jp"),
        me,
        f"[firestorage] {p.address}さんからファイルが届いています",
        dt,
        mid_local(r, dt, "firestorage.jp"),
        body,
        extra=[("Reply-To", p.address)],
    )


def t_box(r: random.Random) -> bytes:
    c = r.choice([DAIWA, CHUO])
    p = c.contact
    me = YOSHIDA if c is DAIWA else CEO
    dt = rdate(r)
    folder = r.choice(["2026年度 取引条件", "契約関連資料", "製品カタログ データ"])
    link = f"https://app.box.com/s/{rs(r, 32, 'abcdefghijklmnopqrstuvwxyz0123456789')}"
    body = (
        f"{p.name}さんから、フォルダ「{folder}」への共同作業の招待が届きました。\n\n{p.name}さんのメッセージ:\n「資料を格納しましたのでご確認ください。」\n\n"
        f"招待を承諾\n{link}\n\nBox, Inc. 900 Jefferson Ave, Redwood City, CA 94063\nBox に関するヘルプ: https://support.box.com/"
    )
    rt, sid = r_ses(r, "box.com", dt, "us-east-1")
    return simple(
        r,
        rt,
        addr(f"{p.name} (Box)", "noreply@box.com"),
        me,
        f"{p.name}さんがBoxのフォルダ「{folder}」への共同作業に招待しました",
        dt,
        f"<{sid}@email.amazonses.com>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n"), [("招待を承諾", link)]),
        utc=True,
    )


def t_onedrive(r: random.Random) -> bytes:
    c = r.choice([DAIWA, CHIYODA, CHUO])
    p = c.contact
    me = {DAIWA.domain: YOSHIDA, CHIYODA.domain: NAKAMURA, CHUO.domain: CEO}[c.domain]
    dt = rdate(r)
    tenant = c.domain.split(".")[0].replace("-", "")
    user = p.address.replace("@", "_").replace(".", "_").replace("-", "_")
    fname = r.choice(["取引先説明資料.pptx", "図面_Rev.C.pdf", "見積比較表.xlsx", "契約書_修正履歴付き.docx"])
    kind = {"pptx": "p", "pdf": "b", "xlsx": "x", "docx": "w"}[fname.rsplit(".", 1)[1]]
    link = f"https://{tenant}-my.sharepoint.com/:{kind}:/g/personal/{user}/E{rs(r, 40, URLSAFE)}?e={rs(r, 6, ALNUM)}"
    body = f"{p.name} さんがファイルを共有しました\n\n{fname}\n\n{p.name}: ご確認をお願いします。\n\n開く\n{link}\n\nこのリンクは {me.address} に対してのみ機能します。\n\nMicrosoft のプライバシーに関する声明"
    rt = Route(envelope="no-reply@sharepointonline.com", helo=f"mail-{r.choice(['tycjpn01', 'os0jpn01'])}on20{digits(r, 2)}.outbound.protection.outlook.com", ip=f"52.101.{r.randint(228, 231)}.{r.randint(2, 250)}", signers=[("sharepointonline.com", "selector1")], from_domain="sharepointonline.com", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr(p.name, "no-reply@sharepointonline.com"),
        me,
        f'{p.name} さんが "{fname}" を共有しました',
        dt,
        mid_outlook(r),
        body,
        "utf-8",
        "base64",
        simple_html(body.split("\n\n"), [("開く", link)]),
        extra=[("Reply-To", p.address)],
        utc=True,
    )


def t_gdrive(r: random.Random) -> bytes:
    c = r.choice([TOYO, FUJI])
    p = c.contact
    me = YOSHIDA if c is TOYO else KATO
    dt = rdate(r)
    name = r.choice(["MS-2040_図面_RevC", "ネットワーク構成案_v2", "作業報告書_2026"])
    link = f"https://drive.google.com/file/d/{rs(r, 33, URLSAFE)}/view?usp=sharing_eil_m&ts={rs(r, 24, HEX)}"
    body = f"{p.name} さんが次のファイルを共有しました:\n\n{name}\n\n{p.name}: ご確認をお願いします。\n\n開く\n{link}\n\nGoogle LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA\nこのメールは、{p.name} さんがあなたとファイルを共有したためお送りしています。"
    rt = Route(envelope=f"3{rs(r, 30, ALNUM)}@doclist.bounces.google.com", helo=f"mail-sor-f{r.randint(41, 73)}.google.com", ip=f"209.85.220.{r.randint(41, 73)}", signers=[("google.com", "20230601")], from_domain="google.com", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr(f"{p.name} (Google ドライブ)", "drive-shares-dm-noreply@google.com"),
        me,
        f"共有アイテム: 「{name}」",
        dt,
        f"<{rs(r, 22, URLSAFE)}@google.com>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n"), [("開く", link)]),
        extra=[("Reply-To", addr(p.name, p.address))],
        utc=True,
        boundary="gmail",
    )


def b_file_share(r: random.Random, i: int) -> list[bytes]:
    if i % 2 == 0:
        return t_ppap(r, i // 2)
    return [(t_gigafile, t_firestorage, t_box, t_onedrive, t_gdrive)[(i // 2) % 5](r)]


# --------------------------------------------------------------------------------------------
# mailing lists and forwarded mail

MEMBERS = (
    Person("前田 拓海", "技術部", "t.maeda@sakura-kogyo.co.jp"),
    Person("西村 美穂", "品質保証課", "nishimura@nishida-ss.co.jp"),
    Person("青木 裕介", "情報システム課", "y-aoki@giritsu-plant.co.jp"),
    Person("三浦 千尋", "総務部", "c.miura@kanto-seimitsu.jp"),
)


def _member_route(r: random.Random, sender: Person, dt: datetime) -> tuple[str, Route]:
    kind = r.choice(["outlook", "gmail", "thunderbird"])
    if kind == "outlook":
        return kind, r_m365(r, sender.address, dt, "x")
    if kind == "gmail":
        return kind, r_gws(r, sender.address, dt, "x")
    return kind, r_rental(r, sender.address, dt, "sakura", dkim=True, dmarc="none")


def t_fml(r: random.Random, i: int) -> bytes:
    ml, dom = "kikai-ml", "tokyo-seimitsu.or.jp"
    count = 1200 + i * 7 + r.randint(0, 6)
    sender = r.choice(MEMBERS)
    rcpt = r.choice([CEO, SENMU, KATO])
    dt = rdate(r)
    topic, txt = r.choice([
        ("次回例会のご案内", f"会員各位\n\n次回例会を{jmd(later(dt, 20))} 18:30より、芝浦の工業会会議室にて開催します。\nテーマは「中小製造業のサイバーセキュリティ対策」です。\n出欠を今月末までに本MLへご返信ください。"),
        ("Re: 三次元測定機の校正業者について", "前田です。\n\n弊社では関東計測サービスさんにお願いしています。\n温度補正の説明が丁寧で、費用も以前より下がりました。\n担当者の連絡先が必要であれば個別にお送りします。"),
        ("技能検定の受検補助について", "事務局です。\n\n今年度の技能検定受検補助の申請様式を会員ページに掲載しました。\n申請の締切は来月15日です。"),
    ])  # fmt: skip
    body = txt + f"\n\n--\n{sender.name}\n{sender.address}\n"
    _kind, rt = _member_route(r, sender, dt)
    rt.envelope = f"{ml}-admin@{dom}"
    rt.helo, rt.rdns, rt.ip = (
        f"www{r.randint(1000, 4999)}.sakura.ne.jp",
        None,
        f"153.120.{r.randint(0, 255)}.{r.randint(2, 250)}",
    )
    rt.hops = [
        hop(
            f"{rt.helo} (localhost [127.0.0.1])",
            f"{rt.helo} (8.15.2/8.15.2)",
            r,
            dt,
            "ESMTP",
            rs(r, 14, ALNUM),
            f"{ml}@{dom}",
        )
    ]
    rt.dkim_results = ["fail"] * len(rt.signers)
    rt.dmarc, rt.policy = ("fail", "none") if rt.signers else ("none", "none")
    rt.from_domain = sender.address.split("@")[1]
    rt.trace = []
    hs = std(addr(sender.name, sender.address, "iso-2022-jp"), f"{ml}@{dom}", hdr(f"[{ml}:{count:05d}] {topic}", "iso-2022-jp"), dt, mid_becky(r, dt, sender.address.split("@")[1]),
             ("Reply-To", f"{ml}@{dom}"), ("X-ML-Name", ml), ("X-Mail-Count", f"{count:05d}"), ("X-MLServer", "fml [fml 8.0.0]"), ("X-ML-Info", f"If you have a question, send e-mail with the body\r\n\t\"help\" (without quotes) to the address {ml}-ctl@{dom};\r\n\thelp=<mailto:{ml}-ctl@{dom}?body=help>"),
             ("List-Id", f"{ml}.{dom}"), ("List-Unsubscribe", f"<mailto:{ml}-ctl@{dom}?body=unsubscribe>"), ("Precedence", "bulk"))  # fmt: skip
    return deliver(r, rt, rcpt.address, dt, hs, text(body))


def t_mailman(r: random.Random, i: int) -> bytes:
    ml, dom = "seisan-users", "lists.fa-users.jp"
    sender = r.choice(MEMBERS)
    rcpt = r.choice([KATO, YOSHIDA])
    dt = rdate(r)
    topic, txt = r.choice([
        ("生産スケジューラとExcelの併用について", "皆さま\n\n西村です。生産スケジューラを導入済みの方に伺いたいのですが、\n現場の作業指示は今もExcelで出していますか？\n二重管理になってしまい悩んでいます。"),
        ("Re: バーコード読取りの不具合", "青木です。\n\n同じ症状が出ていましたが、ハンディ端末のファームウェアを更新したら解消しました。\nバージョンは3.2.1です。"),
        ("勉強会資料の共有", "三浦です。\n\n先週の勉強会の資料を会員ページにアップしました。\n当日ご参加いただいた皆さま、ありがとうございました。"),
    ])  # fmt: skip
    footer = f"\n_______________________________________________\n{ml} mailing list\n{ml}@{dom}\nhttps://{dom}/mailman/listinfo/{ml}\n"
    body = txt + f"\n\n-- \n{sender.name} <{sender.address}>\n" + footer
    rt = Route(envelope=f"{ml}-bounces+{verp(rcpt.address)}@{dom}", helo=f"mail.{dom}", ip=f"160.16.{r.randint(0, 255)}.{r.randint(2, 250)}",
               hops=[hop(f"mail.{dom} (localhost [IPv6:::1])", f"mail.{dom} (Postfix)", r, dt, "ESMTP", qid(r), f"{ml}@{dom}")],
               signers=[(dom, "mm")], from_domain=dom, dmarc="pass",
               trace=[("ARC-Seal", f"i=1; a=rsa-sha256; d={dom}; s=arc; cv=none; t={int(dt.timestamp())};\r\n\tb={fold_b64(base64.b64encode(r.randbytes(256)).decode())}"),
                      ("ARC-Authentication-Results", f"i=1; mail.{dom}; dkim=pass header.d={sender.address.split('@')[1]};\r\n\tspf=pass smtp.mailfrom={sender.address}; dmarc=pass header.from={sender.address.split('@')[1]}")])  # fmt: skip
    hs = std(addr(f"{sender.name} via {ml}", f"{ml}@{dom}", "utf-8"), f"{ml}@{dom}", hdr(f"[{ml.capitalize()}] {topic}", "utf-8", "Q"), dt, mid_gmail(r),
             ("Reply-To", addr(sender.name, sender.address)), ("X-Original-From", addr(sender.name, sender.address)), ("X-BeenThere", f"{ml}@{dom}"),
             ("X-Mailman-Version", "2.1.39"), ("Precedence", "list"), ("List-Id", f"<{ml}.{dom}>"), ("List-Unsubscribe", f"<https://{dom}/mailman/options/{ml}>,\r\n <mailto:{ml}-request@{dom}?subject=unsubscribe>"),
             ("List-Archive", f"<https://{dom}/pipermail/{ml}/>"), ("List-Post", f"<mailto:{ml}@{dom}>"), ("Errors-To", f"{ml}-bounces+{verp(rcpt.address)}@{dom}"), ("Sender", f'"{ml}" <{ml}-bounces+{verp(rcpt.address)}@{dom}>'))  # fmt: skip
    return deliver(r, rt, rcpt.address, dt, hs, text(body, "utf-8", "base64", q=False))


def t_google_group(r: random.Random, i: int) -> bytes:
    grp = "kintone-users-tokyo"
    sender = r.choice(MEMBERS)
    rcpt = KATO
    dt = rdate(r)
    topic, txt = r.choice([
        ("プロセス管理で差し戻し時の通知先", "お世話になります。\nプロセス管理で差し戻した際に、申請者だけでなく前の承認者にも通知したいのですが、\n良い設定方法はありますでしょうか。"),
        ("次回ミートアップ登壇者募集", "運営の三浦です。\n次回ミートアップのLT登壇者を募集します。\n5分程度で、業務改善の事例など何でも歓迎です。"),
    ])  # fmt: skip
    footer = (
        f"\n\n-- \nこのメールは Google グループのグループ「{grp}」に登録しているユーザーに送られています。\n"
        f"このグループから退会し、グループからのメールの配信を停止するには {grp}+unsubscribe@googlegroups.com にメールを送信してください。\n"
        f"このディスカッションをウェブ上で閲覧するには https://groups.google.com/d/msgid/{grp}/{rs(r, 30, URLSAFE)}%40mail.gmail.com にアクセスしてください。\n"
    )
    body = txt + footer
    sd = sender.address.split("@")[1]
    arc = [
        ("ARC-Seal", f"i=2; a=rsa-sha256; t={int(dt.timestamp())}; cv=pass;\r\n\td=google.com; s=arc-20240605;\r\n\tb={fold_b64(base64.b64encode(r.randbytes(256)).decode())}"),
        ("ARC-Message-Signature", f"i=2; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605;\r\n\th=list-unsubscribe:list-archive:list-help:list-post:list-id:mailing-list:precedence:reply-to:to:subject:message-id:date:from:mime-version;\r\n\tbh={rs(r, 43, ALNUM)}=;\r\n\tb={fold_b64(base64.b64encode(r.randbytes(256)).decode())}"),
        ("ARC-Authentication-Results", f"i=2; gmr-mx.google.com;\r\n\tdkim=pass header.i=@{sd} header.s=google;\r\n\tspf=pass (google.com: domain of {sender.address} designates 209.85.220.41 as permitted sender) smtp.mailfrom={sender.address};\r\n\tdmarc=pass (p=NONE sp=NONE dis=NONE) header.from={sd}"),
    ]  # fmt: skip
    rt = Route(envelope=f"{grp}+bncBD{rs(r, 40, ALNUM)}@googlegroups.com", helo=f"mail-{r.choice(['oo1', 'ot1', 'yb1'])}-x{r.randint(30, 99)}.google.com", ip=f"2607:f8b0:4864:20::{rs(r, 3, HEX)}",
               signers=[("googlegroups.com", "20230601")], from_domain="googlegroups.com", trace=arc)  # fmt: skip
    hs = std(addr(f"'{sender.name}' via {grp}", f"{grp}@googlegroups.com"), f"{grp}@googlegroups.com", hdr(f"[{grp}] {topic}"), dt, mid_gmail(r),
             ("Reply-To", addr(sender.name, sender.address)), ("X-Original-Sender", sender.address), ("X-Original-Authentication-Results", f"gmr-mx.google.com; dkim=pass header.i=@{sd}"),
             ("Precedence", "list"), ("Mailing-list", f"list {grp}@googlegroups.com; contact {grp}+owners@googlegroups.com"), ("List-ID", f"<{grp}.googlegroups.com>"),
             ("List-Post", f"<https://groups.google.com/group/{grp}/post>, <mailto:{grp}@googlegroups.com>"), ("List-Help", f"<https://groups.google.com/support/>, <mailto:{grp}+help@googlegroups.com>"),
             ("List-Archive", f"<https://groups.google.com/group/{grp}>"), ("List-Unsubscribe", f"<mailto:googlegroups-manage+{digits(r, 12)}+unsubscribe@googlegroups.com>,\r\n <https://groups.google.com/group/{grp}/subscribe>"))  # fmt: skip
    alt = multi(
        "alternative",
        [
            text(body, "utf-8", "base64", q=False),
            text(simple_html(body.split("\n\n")), "utf-8", "quoted-printable", "html", q=False),
        ],
        bnd(r, "gmail"),
    )
    return deliver(r, rt, rcpt.address, dt, hs, alt)


def t_forward_srs(r: random.Random, i: int) -> bytes:
    """Mail to the president's address at the industry association, forwarded by the association's
    server with SRS (SPF passes for the forwarder; DKIM of the author survives)."""
    c = r.choice([DAIWA, TOYO, CHIYODA])
    p = c.contact
    dt = rdate(r)
    fwd = "tokyo-seimitsu.or.jp"
    srs = f"SRS0={rs(r, 4, ALNUM)}={rs(r, 2, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}={c.domain}={p.address.split('@')[0]}@{fwd}"
    body = f"高橋 理事長\n\n{c.name}の{p.name.split()[0]}です。\n工業会の賀詞交歓会では大変お世話になりました。\n来月の講演の件、資料の締切を{jmd(later(dt, 14))}とさせていただければ幸いです。\n\n{sign(p, 1)}"
    inner = person_route(r, p.address, dt, f"takahashi@{fwd}")
    rt = Route(envelope=srs, helo=f"www{r.randint(1000, 4999)}.sakura.ne.jp", ip=f"153.120.{r.randint(0, 255)}.{r.randint(2, 250)}",
               hops=[hop(f"{inner.helo} ({inner.helo} [{inner.ip}])", f"www.{fwd} (Postfix)", r, dt, "ESMTPS", qid(r), f"takahashi@{fwd}"), *inner.hops],
               signers=inner.signers, from_domain=c.domain, dmarc="pass" if inner.signers else "none", after_sig=inner.after_sig)  # fmt: skip
    cs = "iso-2022-jp" if mua_of(p.address) != "gmail" else "utf-8"
    hs = std(
        addr(p.name, p.address, cs),
        addr("高橋 健一", f"takahashi@{fwd}", cs),
        hdr("講演資料の締切について", cs),
        dt,
        msgid_for(r, mua_of(p.address), dt, c.domain),
    )
    return deliver(r, rt, CEO.address, dt, hs, text(body, cs, "7bit" if cs == "iso-2022-jp" else "base64"))


def t_forward_softfail(r: random.Random, i: int) -> bytes:
    """An old alias at the former domain, forwarded without SRS: SPF softfails, DKIM still passes."""
    c = r.choice([FUJI, SUZUKI, HOKUTO])
    p = c.contact
    me = r.choice(STAFF)
    dt = rdate(r)
    old = me.address.replace(ORG_DOMAIN, "minato-seiki.jp")
    body = f"{opening(me, r)}\n{c.name}の{p.name.split()[0]}です。\n\n以前のアドレス宛てにお送りしてしまいましたら申し訳ございません。\n{r.choice(['来週の訪問日程', '資料送付', '保守契約の更新'])}の件でご連絡いたしました。\n\n{sign(p, 1)}"
    inner = person_route(r, p.address, dt, old)
    rt = Route(envelope=p.address, helo="mail.minato-seiki.jp", rdns=f"sv{r.randint(10000, 16999)}.xserver.jp", ip=f"183.90.{r.randint(228, 255)}.{r.randint(2, 250)}",
               hops=[hop(f"{inner.helo} ({inner.helo} [{inner.ip}])", "sv.minato-seiki.jp (Postfix)", r, dt, "ESMTPS", qid(r), old), *inner.hops],
               signers=inner.signers or [(c.domain, "default")], spf="softfail", from_domain=c.domain, dmarc="pass", after_sig=inner.after_sig,
               trace=[("X-Original-To", old)])  # fmt: skip
    cs = "iso-2022-jp" if mua_of(p.address) != "gmail" else "utf-8"
    hs = std(
        addr(p.name, p.address, cs),
        addr(me.name, old, cs),
        hdr(f"{me.name.split()[0]}様 ご連絡", cs),
        dt,
        msgid_for(r, mua_of(p.address), dt, c.domain),
    )
    return deliver(r, rt, me.address, dt, hs, text(body, cs, "7bit" if cs == "iso-2022-jp" else "base64"))


def b_mailing_list(r: random.Random, i: int) -> list[bytes]:
    return [(t_fml, t_mailman, t_google_group, t_forward_srs, t_fml, t_forward_softfail)[i % 6](r, i)]


# --------------------------------------------------------------------------------------------
# support desks, shops, recruiting and seminars


def t_zendesk(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=19)
    rcpt = KATO
    tid = r.randint(40000, 59999)
    agent = FUJI.contact
    issue = r.choice(
        [
            "複合機のスキャン送信エラー",
            "VPN接続が不安定",
            "UTMのファームウェア更新",
            "ノートPCのバッテリー交換",
        ]
    )
    body = (
        "##- 返信する場合はこの行より上に入力してください -##\n\n"
        f"リクエスト番号 #{tid} に関する最新情報です。\n\n{agent.name}（富士システムズ サポート）\n{dt:%Y年%m月%d日 %H:%M} JST\n\n"
        f"{rcpt.name} 様\n\nお問い合わせいただいた「{issue}」の件、確認結果をご連絡いたします。\n"
        "ログを確認したところ、設定値の不整合が原因と判明しました。明日午前中にリモートで修正作業を行います。\n"
        "作業前にお電話を差し上げますので、よろしくお願いいたします。\n\n"
        f"------------------\n\n{rcpt.name}\n{(dt - timedelta(days=1)):%Y年%m月%d日 %H:%M} JST\n\n{issue}が発生しています。確認をお願いします。\n\n"
        f"--------------------------------\nこのメールは、富士システムズ サポートセンターのリクエスト #{tid} に関するものです。\n"
        f"リクエストの状況は https://fuji-systems.zendesk.com/hc/requests/{tid} で確認できます。\n"
        f"[{rs(r, 6, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ')}-{rs(r, 5, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ')}]"
    )
    rt = Route(envelope=f"support+id{tid}@fuji-systems.zendesk.com", helo=f"out{r.randint(1, 40)}.pod{r.randint(13, 29)}.usw2.zdsys.com", ip=f"216.198.{r.randint(0, 31)}.{r.randint(2, 250)}",
               signers=[("fuji-systems.co.jp", "zendesk1"), ("zendesk.com", "zendesk1")], from_domain="fuji-systems.co.jp")  # fmt: skip
    hs = std(addr("富士システムズ サポート", "support@fuji-systems.co.jp"), addr(rcpt.name, rcpt.address), hdr(f"[富士システムズ] Re: {issue}"), dt, f"<{rs(r, 5, ALNUM)}{rs(r, 6, ALNUM)}_{rs(r, 16, HEX)}_sprut@zendesk.com>",
             ("Reply-To", addr("富士システムズ サポート", f"support+id{tid}@fuji-systems.zendesk.com")), ("X-Mailer", "Zendesk Mailer"), ("X-Zendesk-From-Account-Id", rs(r, 7, HEX)), ("Auto-Submitted", "auto-generated"))  # fmt: skip
    alt = multi(
        "alternative",
        [
            text(body, "utf-8", "quoted-printable"),
            text(simple_html(body.split("\n\n")), "utf-8", "quoted-printable", "html"),
        ],
        bnd(r, "esp"),
    )
    return deliver(r, rt, rcpt.address, dt, hs, alt)


def t_autoreply(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=21)
    rcpt = r.choice([YOSHIDA, NAKAMURA, KATO])
    brand, name = r.choice(
        [
            ("u-metrology.co.jp", "ユニバーサル計測株式会社"),
            ("kagura-office.jp", "オフィス家具のカグラ"),
            ("timereco.jp", "クラウド勤怠タイムレコ"),
        ]
    )
    no = f"{dt:%Y%m%d}-{digits(r, 5)}"
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\nこの度は{name}にお問い合わせいただき、誠にありがとうございます。\n以下の内容でお問い合わせを受け付けました。\n\n"
        f"受付番号：{no}\nお問い合わせ種別：{r.choice(['製品について', 'お見積りのご依頼', '資料請求', 'サポート'])}\n"
        f"お問い合わせ内容：\n{r.choice(['見積りをお願いしたく、ご連絡しました。', '導入事例の資料を送付いただけますでしょうか。', '契約プランの変更について相談したいです。'])}\n\n"
        "担当者より2営業日以内にご連絡いたします。\n\n※本メールは自動送信です。お心当たりのない場合は、お手数ですが本メールを破棄してください。\n\n"
        f"{name}\nhttps://www.{brand}/"
    )
    rt, sid = r_ses(r, brand, dt)
    return simple(
        r,
        rt,
        addr(name, f"noreply@{brand}"),
        rcpt,
        f"【自動返信】お問い合わせありがとうございます（受付番号：{no}）",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def t_freshdesk(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=19)
    rcpt = YAMAMOTO
    tid = r.randint(10000, 29999)
    agent = person_name(r)
    body = (
        f"{rcpt.name} 様\n\nクラウド勤怠タイムレコ カスタマーサポートの{agent.split()[0]}です。\n\n"
        "お問い合わせいただいた有給休暇の付与日数の件、管理画面の「休暇設定」で勤続年数の起算日が入社日ではなく"
        "試用期間終了日になっていることが原因でした。\n設定を修正いただくと、翌日の夜間処理で付与日数が再計算されます。\n\n"
        f"ご不明な点がございましたら、このメールにご返信ください。\n\nチケット番号: #{tid}\n\nクラウド勤怠タイムレコ カスタマーサポート\nhttps://support.timereco.jp/"
    )
    rt = Route(envelope=f"bounces+{digits(r, 6)}@freshdesk.com", helo=f"mail{r.randint(1, 40)}.freshdesk.com", ip=f"198.37.{r.randint(144, 159)}.{r.randint(2, 250)}",
               signers=[("timereco.jp", "fd"), ("freshdesk.com", "fd1")], from_domain="timereco.jp")  # fmt: skip
    return simple(
        r,
        rt,
        addr("タイムレコ サポート", "support@timereco.jp"),
        rcpt,
        f"Re: 有給休暇の付与日数について [#{tid}]",
        dt,
        f"<{rs(r, 24, HEX)}.{tid}@freshdesk.com>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n")),
    )


def t_mail_dealer(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=18)
    rcpt = NAKAMURA
    no = f"{digits(r, 6)}"
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\nいつも松風堂をご利用いただき、ありがとうございます。\n\n"
        f"お問い合わせの件、お歳暮ギフトの送り先リスト（{r.randint(20, 60)}件）を確かに受領いたしました。\n"
        "のしは「御歳暮」、名入れは「株式会社みなと精機」で承ります。\n発送は12月1日より順次行い、発送完了後に伝票番号の一覧をお送りいたします。\n\n"
        f"今後ともよろしくお願い申し上げます。\n\n━━━━━━━━━━━━━━━━\n和菓子 松風堂 法人ギフト担当\nTEL 03-{digits(r, 4)}-{digits(r, 4)}\nhttps://www.shofudo.co.jp/\n━━━━━━━━━━━━━━━━"
    )
    rt = Route(envelope="gift@shofudo.co.jp", helo=f"md{r.randint(1, 30)}.maildealer.jp", ip=f"203.140.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("shofudo.co.jp", "md")], from_domain="shofudo.co.jp")  # fmt: skip
    return simple(
        r,
        rt,
        addr("松風堂 法人ギフト担当", "gift@shofudo.co.jp", "iso-2022-jp"),
        rcpt,
        f"Re: お歳暮ギフトのお申込みについて [#{no}]",
        dt,
        mid_local(r, dt, "maildealer.jp"),
        body,
    )


def b_support_ticket(r: random.Random, i: int) -> list[bytes]:
    return [(t_zendesk, t_autoreply, t_freshdesk, t_mail_dealer)[i % 4](r)]


def t_amazon(r: random.Random) -> bytes:
    dt = rdate(r, h0=0, h1=23, weekend=True)
    rcpt = r.choice([NAKAMURA, KATO, KOBAYASHI])
    order = f"{r.randint(249, 503)}-{digits(r, 7)}-{digits(r, 7)}"
    items = r.sample(
        [
            ("エレコム USB-C ハブ 7in1", 4980),
            ("コクヨ キャンパスノート B5 10冊", 1280),
            ("ブラザー 純正トナー TN-29J", 9800),
            ("サンワサプライ LANケーブル Cat6A 5m", 1180),
            ("アイリスオーヤマ 電気ケトル", 2980),
            ("PLUS シュレッダー", 12800),
        ],
        2,
    )
    total = sum(p for _, p in items)
    link = (
        f"https://www.amazon.co.jp/gp/css/order-details?orderID={order}&ref_=pe_{digits(r, 8)}_{digits(r, 9)}"
    )
    rows = "\n".join(f"{n}\n数量: 1\n￥{yen(p)}" for n, p in items)
    body = (
        f"Amazonビジネス\nご注文の確認\n\n{rcpt.name} 様\n\nご注文ありがとうございます。商品の発送準備が整い次第、お知らせいたします。\n\n"
        f"注文番号: {order}\nお届け予定: {jmd(later(dt, 2))}\nお届け先: {ORG_NAME} {rcpt.title} {rcpt.name} 様\n\n{rows}\n\n"
        f"注文合計: ￥{yen(total)}\nお支払い方法: 請求書払い\n\n注文内容を確認・変更する\n{link}\n\n"
        "このメールアドレスは配信専用です。このメッセージに返信しないようお願いいたします。\nAmazon.co.jp"
    )
    rt, sid = r_ses(r, "amazon.co.jp", dt, "us-west-2")
    return simple(
        r,
        rt,
        addr("Amazonビジネス", "auto-confirm@amazon.co.jp"),
        rcpt,
        f"Amazon.co.jp ご注文の確認 「{items[0][0][:20]}...」ほか{len(items) - 1}点",
        dt,
        f"<{sid}@us-west-2.amazonses.com>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n"), [("注文内容を確認", link)]),
    )


def t_monotaro(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=22, weekend=True)
    rcpt = r.choice([NAKAMURA, YOSHIDA])
    order = digits(r, 10)
    items = r.sample(
        [
            ("軍手 12双入", 598),
            ("耐油手袋 Lサイズ", 1290),
            ("ウエス 5kg", 2480),
            ("スプレーグリス 420ml", 698),
            ("安全靴 26.0cm", 4980),
            ("ノギス 150mm", 2190),
        ],
        3,
    )
    rows = "\n".join(
        f"・{n}\n　数量：{q}　小計：{yen(p * q)}円"
        for (n, p), q in zip(items, [r.randint(1, 10) for _ in items], strict=True)
    )
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\nモノタロウをご利用いただきありがとうございます。\n以下の内容でご注文を承りました。\n\n"
        f"■ご注文番号：{order}\n■ご注文日時：{dt:%Y/%m/%d %H:%M}\n\n{rows}\n\n"
        "■お支払方法：請求書払い(月締め)\n■出荷予定：当日出荷\n\nご注文履歴：https://www.monotaro.com/monotaroMain.py?func=monotaro.userInfo.orderHistory.showListServlet.ShowListServlet\n\n"
        "※本メールは送信専用です。\n株式会社MonotaRO\nhttps://www.monotaro.com/"
    )
    rt = Route(envelope="bounce@mail.monotaro.com", helo=f"mta{r.randint(1, 20)}.monotaro.com", ip=f"203.180.{r.randint(0, 255)}.{r.randint(2, 250)}", signers=[("monotaro.com", "s1")], from_domain="monotaro.com", policy="reject")  # fmt: skip
    return simple(
        r,
        rt,
        addr("モノタロウ", "info@monotaro.com", "iso-2022-jp"),
        rcpt,
        f"【モノタロウ】ご注文ありがとうございます（注文番号：{order}）",
        dt,
        mid_local(r, dt, "monotaro.com"),
        body,
    )


def t_askul(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=20)
    rcpt = r.choice([NAKAMURA, KOBAYASHI])
    order = f"{rs(r, 1, 'ABCDEFGH')}{digits(r, 9)}"
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\nいつもアスクルをご利用いただきありがとうございます。\nご注文の商品を出荷いたしました。\n\n"
        f"ご注文番号：{order}\nお届け予定日：{jmd(later(dt, 1))}\n配送会社：ASKUL LOGIST\n\n"
        "配送状況はアスクルWebサイトの「注文履歴」からご確認いただけます。\nhttps://www.askul.co.jp/\n\n"
        "※このメールは送信専用アドレスから配信しています。\nアスクル株式会社"
    )
    rt, sid = r_ses(r, "askul.co.jp", dt)
    return simple(
        r,
        rt,
        addr("ASKUL", "order@askul.co.jp"),
        rcpt,
        "【アスクル】ご注文商品出荷のお知らせ",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def t_misumi(r: random.Random) -> bytes:
    dt = rdate(r, h0=8, h1=20)
    rcpt = YOSHIDA
    order = f"{digits(r, 10)}"
    parts = r.sample(["SFJ8-200", "PSFRZ10-50", "HBLFSN5-20", "CLJK8-10", "MSB10-30"], 2)
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\nいつもミスミをご利用いただき、誠にありがとうございます。\n以下のご注文を承りました。\n\n"
        f"受注番号：{order}\n"
        + "\n".join(
            f"型番：{pt}　数量：{r.randint(2, 40)}　出荷予定日：{later(dt, r.randint(1, 6)):%Y/%m/%d}"
            for pt in parts
        )
        + "\n\nご注文内容は meviy / WOS の注文履歴からもご確認いただけます。\nhttps://jp.misumi-ec.com/\n\n株式会社ミスミ"
    )
    rt, sid = r_ses(r, "misumi-ec.com", dt)
    return simple(
        r,
        rt,
        addr("MISUMI", "order-info@misumi-ec.com"),
        rcpt,
        f"【ミスミ】ご注文受付のお知らせ（受注番号：{order}）",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "quoted-printable",
    )


def b_ec_order(r: random.Random, i: int) -> list[bytes]:
    return [(t_amazon, t_monotaro, t_askul, t_misumi)[i % 4](r)]


def t_indeed(r: random.Random) -> bytes:
    dt = rdate(r, h0=0, h1=23, weekend=True)
    rcpt = YAMAMOTO
    job = r.choice(["機械加工スタッフ（正社員）", "品質管理（経験者優遇）", "営業事務（正社員）"])
    initials = f"{r.choice('ASKTNHMY')}.{r.choice('ASKTNHMY')}."
    link = f"https://employers.indeed.com/candidates?id={rs(r, 16, HEX)}&from=email"
    body = (
        f"新しい応募者がいます\n\n{job}\n{ORG_NAME} - 東京都港区\n\n{initials} さんがこの求人に応募しました。\n"
        f"経験: {r.choice(['NC旋盤オペレーター 5年', '品質保証 3年', '一般事務 4年'])}\n\n応募者を確認する\n{link}\n\n"
        "Indeed Japan株式会社\nこのメールは求人の応募通知設定に基づいて送信されています。"
    )
    rt, uid = r_sendgrid(r, "indeed.com", rcpt.address, dt, branded=False)
    return simple(
        r,
        rt,
        addr("Indeed", "noreply@indeed.com"),
        rcpt,
        f"新しい応募者: {job}",
        dt,
        f"<{rs(r, 22, URLSAFE)}@geopod-ismtpd-{r.randint(1, 40)}>",
        body,
        "utf-8",
        "quoted-printable",
        simple_html(body.split("\n\n"), [("応募者を確認する", sg_link(r, uid))]),
    )


def t_engage(r: random.Random) -> bytes:
    dt = rdate(r, h0=6, h1=23, weekend=True)
    rcpt = YAMAMOTO
    body = (
        f"{ORG_NAME}\n採用ご担当者様\n\nengageをご利用いただきありがとうございます。\n新しい応募がありました。\n\n"
        f"職種：{r.choice(['製造スタッフ', '生産管理', '設計（機械CAD）'])}\n応募日時：{dt:%Y/%m/%d %H:%M}\n\n"
        "応募者の情報は、管理画面にログインしてご確認ください。\nhttps://en-gage.net/company/\n\n"
        "※応募者への連絡は、なるべく早めに行うことをおすすめします。\n\nengage運営事務局（エン株式会社）"
    )
    rt, sid = r_ses(r, "en-gage.net", dt)
    return simple(
        r,
        rt,
        addr("engage", "noreply@en-gage.net"),
        rcpt,
        "【engage】新しい応募がありました",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def t_seminar(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=17)
    rcpt = r.choice([CEO, SENMU, NAKAMURA, KATO])
    title = r.choice(
        [
            "中小製造業のためのサイバーセキュリティ実践講座",
            "工場のDX推進 ― 現場データ活用入門",
            "取引適正化と価格交渉の実務",
        ]
    )
    body = (
        f"{ORG_NAME}\n{rcpt.name} 様\n\n平素より当会の事業にご協力を賜り、厚く御礼申し上げます。\n\n下記のとおりセミナーを開催いたしますので、ご案内申し上げます。\n\n"
        f"■テーマ：{title}\n■日時：{jdate(later(dt, 30))} 14:00〜16:30\n■会場：港区立産業振興センター 11階 ／ オンライン併用\n■受講料：会員無料\n\n"
        "■お申込み：下記フォームより\nhttps://www.sangyo-gijutsu.or.jp/seminar/entry/\n\n定員に達し次第、締め切らせていただきます。\n\n"
        "一般社団法人 産業技術振興協会 セミナー事務局\nTEL 03-5401-0000（平日10:00〜17:00）"
    )
    rt = r_rental(r, "seminar@sangyo-gijutsu.or.jp", dt, "kagoya", dkim=True, dmarc="none")
    return simple(
        r,
        rt,
        addr("産業技術振興協会 セミナー事務局", "seminar@sangyo-gijutsu.or.jp", "iso-2022-jp"),
        rcpt,
        f"【ご案内】{title}（会員無料）",
        dt,
        mid_becky(r, dt, "sangyo-gijutsu.or.jp"),
        body,
    )


def t_press(r: random.Random) -> bytes:
    dt = rdate(r, h0=10, h1=16)
    rcpt = r.choice([CEO, YOSHIDA])
    title = r.choice(
        [
            "ユニバーサル計測、非接触式表面粗さ測定ユニットを発売",
            "ユニバーサル計測、関西テクニカルセンターを開設",
        ]
    )
    body = (
        f"報道関係者各位・お取引先各位\n\n{dt:%Y年%m月%d日}\nユニバーサル計測株式会社\n\n{title}\n\n"
        "ユニバーサル計測株式会社（本社：神奈川県横浜市、代表取締役社長：藤井 浩二）は、本日、標記の件を発表いたしましたのでお知らせいたします。\n\n"
        "詳細は添付のプレスリリースおよび当社Webサイトをご覧ください。\nhttps://www.u-metrology.co.jp/news/\n\n"
        "【本件に関するお問い合わせ】\nユニバーサル計測株式会社 広報室\npr@u-metrology.co.jp"
    )
    rt, _uid = r_sendgrid(r, "u-metrology.co.jp", rcpt.address, dt)
    ent = multi(
        "mixed",
        [
            text(body, "utf-8", "base64"),
            attach(pdf(r, "PRESS RELEASE"), "application/pdf", f"プレスリリース_{dt:%Y%m%d}.pdf", "gmail"),
        ],
        bnd(r, "esp"),
    )
    hs = std(
        addr("ユニバーサル計測 広報室", "pr@u-metrology.co.jp"),
        rcpt.address,
        hdr(f"【プレスリリース】{title}"),
        dt,
        f"<{rs(r, 22, URLSAFE)}@geopod-ismtpd-{r.randint(1, 40)}>",
    )
    return deliver(r, rt, rcpt.address, dt, hs, ent)


def t_expo(r: random.Random) -> bytes:
    dt = rdate(r, h0=9, h1=18)
    rcpt = r.choice(EVERYONE)
    code = rs(r, 10, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    body = (
        f"{rcpt.name} 様\n\n精密機械展2026 事務局です。\n来場事前登録が完了しました。\n\n■登録番号：{code}\n■会期：{jdate(later(dt, 40), False)}〜3日間 10:00〜17:00\n■会場：東京ビッグサイト 東展示棟\n\n"
        f"入場には来場者バッジが必要です。以下のURLからバッジを印刷するか、スマートフォンで表示してお持ちください。\nhttps://www.seimitsu-expo.jp/visitor/badge?code={code}\n\n精密機械展2026 事務局"
    )
    rt, sid = r_ses(r, "seimitsu-expo.jp", dt)
    return simple(
        r,
        rt,
        addr("精密機械展2026 事務局", "visitor@seimitsu-expo.jp"),
        rcpt,
        "【精密機械展2026】来場事前登録完了のお知らせ",
        dt,
        f"<{sid}@ap-northeast-1.amazonses.com>",
        body,
        "utf-8",
        "base64",
    )


def b_recruit_pr(r: random.Random, i: int) -> list[bytes]:
    return [(t_indeed, t_seminar, t_engage, t_press, t_expo)[i % 5](r)]


# --------------------------------------------------------------------------------------------
# the set

PLAN: tuple[tuple[str, Builder, int], ...] = (
    ("esp-newsletter", b_esp_newsletter, 26),
    ("esp-campaign", b_esp_campaign, 26),
    ("saas-billing", b_saas_billing, 18),
    ("bank-notice", b_bank_notice, 18),
    ("shipping", b_shipping, 15),
    ("gov-notice", b_gov_notice, 12),
    ("cloud-alert", b_cloud_alert, 24),
    ("quote-order", b_quote_order, 20),
    ("invoice", b_invoice, 18),
    ("bank-change", b_bank_change, 8),
    ("meeting", b_meeting, 16),
    ("thread", b_thread, 24),
    ("internal-hr", b_internal_hr, 14),
    ("internal-it", b_internal_it, 18),
    ("workflow", b_workflow, 21),
    ("file-share", b_file_share, 20),
    ("mailing-list", b_mailing_list, 18),
    ("support-ticket", b_support_ticket, 12),
    ("ec-order", b_ec_order, 12),
    ("recruit-pr", b_recruit_pr, 15),
)
FAMILIES: tuple[str, ...] = tuple(name for name, _, _ in PLAN)


def messages(split: str = "test", seed: int = 1) -> list[tuple[str, bytes]]:
    """The set, ``(name, RFC 5322 bytes)``; only ``test`` exists (``dev`` is empty)."""
    if split == "dev":
        return []
    out: list[tuple[str, bytes]] = []
    for family, build, calls in PLAN:
        rng = random.Random(f"{seed}:{family}")
        n = 0
        for i in range(calls):
            for data in build(rng, i):
                out.append((f"{family}-{n:04d}", data))
                n += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    msgs = messages("test", args.seed)
    counts: dict[str, int] = {}
    for name, _ in msgs:
        fam = next(f for f in FAMILIES if name.startswith(f + "-"))
        counts[fam] = counts.get(fam, 0) + 1
    for fam in FAMILIES:
        print(f"{fam:16} {counts.get(fam, 0):4}")
    print(f"{'total':16} {len(msgs):4}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in msgs:
            (args.out / f"{name}.eml").write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
