"""Legitimate English business mail ("ham") received by a 40-person architecture practice in
Melbourne, Australia — Halloran Kaye Architects (hallorankaye.com.au) — in 2025 and 2026.

Written for mailwarden's evaluation by an author blind to the analyser's rules and to the other
evaluation sets; held out. ``messages("test")`` returns every message as ``(name, raw bytes)``;
the output is deterministic (seeded).

The practice's mailboxes are on Microsoft 365; its MX, ``mx1.hallorankaye.com.au``, receives all
inbound mail (and, with centralised transport, the staff's own mail to each other) and adds
``Received``, ``Received-SPF`` and ``Authentication-Results``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import quopri
import random
import zipfile
import zlib
from collections.abc import Callable
from email import encoders
from email.generator import BytesGenerator
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime, formataddr

SEED = 4_2025_11
DOMAIN = "hallorankaye.com.au"
MX = "mx1.hallorankaye.com.au"
FIRM = "Halloran Kaye Architects"
ADDRESS = "Level 3, 118 Smith Street, Collingwood VIC 3066"
PHONE = "+61 3 9417 2280"
UTC = dt.UTC

# --------------------------------------------------------------------------------------------
# people and places
# --------------------------------------------------------------------------------------------

STAFF = [
    ("Fiona", "Halloran", "Director"),
    ("Marcus", "Kaye", "Director"),
    ("Priya", "Raman", "Associate"),
    ("Tom", "Whitlock", "Senior Associate"),
    ("Declan", "O'Brien", "Project Architect"),
    ("Sophie", "Nguyen", "Project Architect"),
    ("Jarrah", "Williams", "Architect"),
    ("Ben", "Castellano", "Senior Interior Designer"),
    ("Hannah", "Lim", "Graduate of Architecture"),
    ("Leanne", "Burgess", "Office Manager"),
    ("Karen", "Doyle", "Finance Manager"),
    ("Oliver", "Stavros", "Architect"),
    ("Mia", "Chen", "Graduate of Architecture"),
    ("Lachlan", "Ferguson", "Design Technology Lead"),
    ("Zoë", "Papadopoulos", "Marketing & Communications"),
    ("Anika", "Sharma", "Interior Designer"),
    ("Callum", "Reid", "Documentation Architect"),
    ("Grace", "Okafor", "Project Architect"),
]

PROJECTS = [
    ("2214", "Brunswick East Townhouses", "Merri Creek Developments"),
    ("2231", "Fitzroy North Library Refurbishment", "City of Yarra"),
    (
        "2302",
        "Northcote Primary School STEM Wing",
        "Victorian School Building Authority",
    ),
    ("2309", "Ringwood Family Medical Fitout", "Ringwood Family Medical"),
    ("2317", "Holloway Estate Cellar Door", "Holloway Estate"),
    ("2325", "Lygon Street Apartments", "Lygon Living Pty Ltd"),
    ("2402", "Parata Residence Alterations", "Greg & Liz Parata"),
    ("2408", "Yarraville Warehouse Conversion", "Stockade Partners"),
]

STREETS = [
    "12 Wilson Avenue, Brunswick VIC 3056",
    "45 Gertrude Street, Fitzroy VIC 3065",
    "3/220 High Street, Northcote VIC 3070",
    "Unit 7, 14 Pelham Street, Carlton VIC 3053",
    "88 Nicholson Street, Abbotsford VIC 3067",
    "Suite 2.04, 1 Queens Road, Melbourne VIC 3004",
    "31 Mitchell Street, Bendigo VIC 3550",
    "Level 9, 60 Albert Road, South Melbourne VIC 3205",
]


def email_of(first: str, last: str, domain: str = DOMAIN) -> str:
    clean = (first + "." + last).lower().replace("'", "").replace("ë", "e").replace(" ", "")
    return f"{clean}@{domain}"


def mobile(rng: random.Random) -> str:
    return f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def landline(rng: random.Random) -> str:
    return f"(03) 9{rng.randint(100, 999)} {rng.randint(1000, 9999)}"


_PICK1 = [
    "birthday",
    "registration (finally!)",
    "last day before parental leave",
    "5 years with us",
]
_PICK2 = [
    "cake in the kitchen at 3:30",
    "drinks on the terrace from 5pm",
    "pizza in the big meeting room at 12:30",
]
_PICK3 = ["merricreekdev.com.au", "lygonliving.com.au", "hollowayestate.com.au"]
_PICK4 = [
    "the opening went really well",
    "the kids love the new building",
    "the council meeting went well",
]
_PICK5 = [
    "the annual essential safety measures testing",
    "lift maintenance",
    "the air conditioning service",
]
_PICK6 = [
    "the delivery for next Tuesday morning",
    "the revised drawings",
    "our meeting next week",
    "the samples",
]
_PICK7 = [
    "Done - uploaded to the project folder.",
    "Can we push this to Friday?",
    "Waiting on the engineer.",
]
_PICK8 = [
    "Hi, we have pushed an update to your machine overnight - can you confirm it is working now?",
    "Thanks, we will be on site Thursday morning to look at this.",
    "This has been fixed - closing the ticket. Reply to reopen.",
]
_PICK9 = [
    "Microsoft Teams: new meeting options",
    "Retirement of legacy Exchange Online PowerShell module",
    "Outlook: new default for sender images",
    "SharePoint: default sharing link changes",
]
_XERO_EVENT = {
    True: "The password for your Xero account was changed",
    False: "Someone just logged in to your Xero account",
}

# --------------------------------------------------------------------------------------------
# time
# --------------------------------------------------------------------------------------------

START = dt.date(2025, 1, 13)
END = dt.date(2026, 5, 29)


def _first_sunday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7)


def melbourne(day: dt.date) -> dt.timezone:
    if _first_sunday(day.year, 4) <= day < _first_sunday(day.year, 10):
        return dt.timezone(dt.timedelta(hours=10))
    return dt.timezone(dt.timedelta(hours=11))


def pick_time(rng: random.Random, weekend: float = 0.05, hours: tuple[int, int] = (7, 18)) -> dt.datetime:
    span = (END - START).days
    while True:
        day = START + dt.timedelta(days=rng.randint(0, span))
        if day.weekday() < 5 or rng.random() < weekend:
            break
    local = dt.datetime(
        day.year,
        day.month,
        day.day,
        rng.randint(*hours),
        rng.randint(0, 59),
        rng.randint(0, 59),
    )
    return local.replace(tzinfo=melbourne(day))


def later(when: dt.datetime, rng: random.Random, lo: int = 1, hi: int = 9) -> dt.datetime:
    return when + dt.timedelta(seconds=rng.randint(lo, hi))


def rfc(when: dt.datetime) -> str:
    return format_datetime(when)


def outlook_sent(when: dt.datetime) -> str:
    hour = when.hour % 12 or 12
    ampm = "AM" if when.hour < 12 else "PM"
    return f"{when:%A}, {when.day} {when:%B %Y} {hour}:{when:%M} {ampm}"


US_EAST = dt.timezone(dt.timedelta(hours=-5))
US_PACIFIC = dt.timezone(dt.timedelta(hours=-8))

# --------------------------------------------------------------------------------------------
# identifiers
# --------------------------------------------------------------------------------------------

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"


def rand(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid(rng: random.Random) -> str:
    h = rand(rng, 32, HEX)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def queue_id(rng: random.Random) -> str:
    return "4" + rand(rng, 1, "bcdfghjklmnpqrstvwxyzBCDFGHJKLMNPQRSTVWXYZ") + rand(rng, 12)


def exch_host(rng: random.Random, region: str = "ausprd01") -> str:
    site = rng.choice(
        ["SY4P", "ME3P", "SY5P", "SYBP", "MEYP"] if "aus" in region else ["BN8P", "CH3P", "SA1P"]
    )
    return f"{site}R01MB{rng.randint(1000, 9999)}.{region}.prod.outlook.com"


def outlook_msgid(rng: random.Random, host: str) -> str:
    short = host.split(".")[0]
    return f"<{short}{rand(rng, 32, '0123456789ABCDEF')}@{host}>"


def gmail_msgid(rng: random.Random) -> str:
    return f"<CA{rand(rng, 1, 'BEFGHJK')}{rand(rng, 40, ALNUM + '-_')}{rng.choice(['', '=', '+'])}" + (
        f"{rand(rng, 6)}@mail.gmail.com>"
    )


def b64sig(rng: random.Random, n: int = 344) -> str:
    raw = rand(rng, n - 2, B64) + "=="
    return " ".join(raw[i : i + 72] for i in range(0, len(raw), 72))


def short_b(rng: random.Random) -> str:
    return rand(rng, 8, B64)


# --------------------------------------------------------------------------------------------
# headers
# --------------------------------------------------------------------------------------------


def wrap(text: str, first: str, cont: str) -> list[str]:
    lines: list[str] = []
    cur = first
    fresh = True
    for word in text.split(" "):
        if not fresh and len(cur) + 1 + len(word) > 78:
            lines.append(cur)
            cur = cont + word
        else:
            cur = cur + word if fresh else cur + " " + word
        fresh = False
    lines.append(cur)
    return lines


def fold(name: str, value: str, cont: str = " ") -> str:
    return "\n".join(wrap(value, f"{name}: ", cont))


def enc(text: str) -> str:
    if all(ord(c) < 128 for c in text):
        return text
    return Header(text, "utf-8").encode(maxlinelen=76)


def addr(name: str, address: str) -> str:
    if not name:
        return address
    if all(ord(c) < 128 for c in name):
        return formataddr((name, address))
    return formataddr((name, address), "utf-8")


def dkim_header(
    rng: random.Random,
    d: str,
    s: str,
    when: dt.datetime,
    h: str = "From:To:Subject:Date:Message-ID",
) -> str:
    ts = int(when.timestamp()) - rng.randint(1, 5)
    value = (
        f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d}; s={s}; t={ts}; h={h}; "
        f"bh={rand(rng, 43, B64)}=; b={b64sig(rng)}"
    )
    return fold("DKIM-Signature", value, "\t")


class Route:
    """How a message reached the practice's MX and what the MX made of it."""

    def __init__(
        self,
        helo: str,
        ip: str,
        mail_from: str,
        *,
        dkim: list[tuple[str, str, str]] | None = None,
        spf: str = "pass",
        dmarc: str = "pass",
        policy: str = "reject",
        inner: list[str] | None = None,
        tls: bool = True,
    ) -> None:
        self.helo, self.ip, self.mail_from = helo, ip, mail_from
        self.dkim = dkim or []
        self.spf, self.dmarc, self.policy = spf, dmarc, policy
        self.inner = inner or []
        self.tls = tls


def trace(rng: random.Random, route: Route, rcpt: str, when: dt.datetime, from_domain: str) -> list[str]:
    arrive = later(when, rng, 2, 40).astimezone(melbourne(when.date()))
    out = [f"Return-Path: <{route.mail_from}>"]
    proto = "ESMTPS" if route.tls else "ESMTP"
    tls = " (TLS1.3) tls TLS_AES_256_GCM_SHA384" if route.tls else ""
    out.append(
        fold(
            "Received",
            f"from {route.helo} ({route.helo} [{route.ip}]) by {MX} (Postfix) with {proto}{tls} "
            f"id {queue_id(rng)} for <{rcpt}>; {rfc(arrive)}",
            "\t",
        )
    )
    parts = [MX]
    if route.dkim:
        for d, s, res in route.dkim:
            parts.append(
                f"dkim={res} (2048-bit key; unprotected) header.d={d} header.i=@{d} header.a=rsa-sha256 "
                f"header.s={s} header.b={short_b(rng)}"
            )
    else:
        parts.append("dkim=none")
    env_domain = route.mail_from.rsplit("@", 1)[-1] if route.mail_from else route.helo
    if route.spf == "pass":
        why = f"({MX}: domain of {route.mail_from} designates {route.ip} as permitted sender)"
    elif route.spf == "softfail":
        why = (
            f"({MX}: domain of transitioning {route.mail_from} does not designate {route.ip} as "
            "permitted sender)"
        )
    elif route.spf == "none":
        why = f"({MX}: {env_domain} does not designate permitted sender hosts)"
    else:
        why = f"({MX}: domain of {route.mail_from} does not designate {route.ip} as permitted sender)"
    parts.append(f"spf={route.spf} {why} smtp.mailfrom={env_domain}")
    if route.dmarc == "none":
        parts.append(f"dmarc=none (p=none dis=none) header.from={from_domain}")
    else:
        pol = route.policy.upper()
        dis = "NONE" if route.dmarc == "pass" or route.policy == "none" else pol
        parts.append(f"dmarc={route.dmarc} (p={pol} sp={pol} dis={dis}) header.from={from_domain}")
    ar = [f"Authentication-Results: {parts[0]};"]
    for i, p in enumerate(parts[1:], 1):
        ar.extend(wrap(p + (";" if i < len(parts) - 1 else ""), "\t", "\t  "))
    out.append("\n".join(ar))
    spf_word = {"pass": "Pass", "softfail": "Softfail", "none": "None", "fail": "Fail"}[route.spf]
    out.append(
        fold(
            "Received-SPF",
            f"{spf_word} (mailfrom) identity=mailfrom; client-ip={route.ip}; helo={route.helo}; "
            f"envelope-from={route.mail_from}; receiver={rcpt}",
            "\t",
        )
    )
    for line in route.inner:
        out.append(fold("Received", line.replace("{rcpt}", rcpt), "\t"))
    return out


# --------------------------------------------------------------------------------------------
# MIME bodies and attachments
# --------------------------------------------------------------------------------------------


def text_part(body: str, subtype: str = "plain", cte: str = "7bit", charset: str = "utf-8") -> MIMEBase:
    raw = body.encode("utf-8")
    ascii_only = all(b < 128 for b in raw)
    if cte == "7bit" and (not ascii_only or any(len(line) > 900 for line in body.split("\n"))):
        cte = "quoted-printable"
    if ascii_only and charset == "utf-8" and cte == "7bit":
        charset = "us-ascii"
    part = MIMENonMultipart("text", subtype, charset=charset)
    if cte == "quoted-printable":
        payload = quopri.encodestring(raw).decode("ascii")
    elif cte == "base64":
        payload = base64.encodebytes(raw).decode("ascii")
    else:
        payload = body
    part.set_payload(payload)
    part["Content-Transfer-Encoding"] = cte
    return part


def attachment(data: bytes, mime: str, filename: str, inline_cid: str = "") -> MIMEBase:
    maintype, subtype = mime.split("/", 1)
    part = MIMEBase(maintype, subtype, name=filename)
    part.set_payload(data)
    encoders.encode_base64(part)
    if inline_cid:
        part.add_header("Content-Disposition", "inline", filename=filename)
        part["Content-ID"] = f"<{inline_cid}>"
    else:
        part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def multipart(subtype: str, parts: list[MIMEBase], rng: random.Random, style: str = "plain") -> MIMEMultipart:
    if style == "outlook":
        boundary = f"_{rng.randint(0, 9):03d}_{exch_host(rng).split('.')[0]}{rand(rng, 12)}_"
    elif style == "gmail":
        boundary = f"0000000000{rand(rng, 16, HEX)}"
    elif style == "apple":
        boundary = f"Apple-Mail={uuid(rng).upper()}"
    else:
        boundary = (
            f"----=_Part_{rng.randint(100000, 9999999)}_{rng.randint(10**8, 10**9)}."
            f"{rng.randint(10**12, 10**13)}"
        )
    msg = MIMEMultipart(subtype, boundary=boundary)
    for p in parts:
        if "MIME-Version" in p:
            del p["MIME-Version"]
        msg.attach(p)
    return msg


def alt(
    plain: str,
    html: str,
    rng: random.Random,
    style: str = "plain",
    cte: str = "quoted-printable",
) -> MIMEBase:
    return multipart(
        "alternative",
        [text_part(plain, "plain", cte), text_part(html, "html", cte)],
        rng,
        style,
    )


def pdf(
    lines: list[str],
    title: str = "",
    producer: str = "Microsoft® Word for Microsoft 365",
) -> bytes:
    def esc(s: str) -> str:
        s = s.encode("latin-1", "replace").decode("latin-1")
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 10 Tf", "14 TL", "56 790 Td"]
    for line in lines[:52]:
        ops.append(f"({esc(line)}) Tj T*")
    ops.append("ET")
    stream = zlib.compress("\n".join(ops).encode("latin-1", "replace"), 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        (f"<< /Title ({esc(title)}) /Producer ({esc(producer)}) >>").encode("latin-1", "replace"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    )
    return out.getvalue()


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
    return buf.getvalue()


def docx(paragraphs: list[str], author: str = "", title: str = "") -> bytes:
    def x(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{x(p)}</w:t></w:r></w:p>' for p in paragraphs)
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/'
            'vnd.openxmlformats-package.core-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
            'metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{w}">'
            f"<w:body>{body}</w:body></w:document>"
        ),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{x(title)}</dc:title><dc:creator>{x(author)}</dc:creator></cp:coreProperties>"
        ),
    }
    return _zip(files)


def png(width: int = 120, height: int = 40, colour: tuple[int, int, int] = (34, 34, 34)) -> bytes:
    row = b"\x00" + bytes(colour) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx(rows: list[list[str]]) -> bytes:
    cells = "".join(
        "<row>" + "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in r) + "</row>" for r in rows
    )
    return _zip(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
            ),
            "xl/worksheets/sheet1.xml": (
                '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                f'spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>'
            ),
        }
    )


# --------------------------------------------------------------------------------------------
# assembling a message
# --------------------------------------------------------------------------------------------


def assemble(
    rng: random.Random,
    *,
    route: Route,
    rcpt: str,
    when: dt.datetime,
    headers: list[tuple[str, str]],
    body: MIMEBase,
    from_domain: str,
    signers: list[tuple[str, str]] | None = None,
    top: list[str] | None = None,
) -> bytes:
    lines = trace(rng, route, rcpt, when, from_domain)
    for d, s in signers if signers is not None else [(d, s) for d, s, _ in route.dkim]:
        lines.append(dkim_header(rng, d, s, when))
    lines.extend(top or [])
    for name, value in headers:
        if name in ("Subject", "Thread-Topic"):
            value = enc(value)
            lines.append(f"{name}: {value}" if "=?" in value else fold(name, value))
        else:
            lines.append(fold(name, value))
    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False, maxheaderlen=0).flatten(body)
    raw = buf.getvalue()
    if "MIME-Version" not in body:
        raw = b"MIME-Version: 1.0\n" + raw
    return ("\n".join(lines) + "\n").encode("utf-8") + raw


# --------------------------------------------------------------------------------------------
# how senders' systems hand mail over
# --------------------------------------------------------------------------------------------


def m365(
    rng: random.Random,
    when: dt.datetime,
    sender: str,
    *,
    region: str = "ausprd01",
    policy: str = "quarantine",
    dkim_domain: str = "",
    spf: str = "pass",
    dmarc: str = "pass",
) -> tuple[Route, list[str], str]:
    domain = sender.rsplit("@", 1)[1]
    a, b = exch_host(rng, region), exch_host(rng, region)
    pop = "sy4aus01" if "aus" in region else rng.choice(["nam12", "nam10", "bn8nam12"])
    n = rng.randint(2010, 2199)
    helo = f"mail-{pop}on{n}.outbound.protection.outlook.com"
    ip = f"40.107.{rng.choice([108, 109, 220, 222])}.{n - 2000}"
    inner = [
        f"from {a} (2603:10c6:10:{rand(rng, 3, HEX)}::{rng.randint(2, 30)}) by {b} "
        f"(2603:10c6:10:{rand(rng, 3, HEX)}::{rng.randint(2, 30)}) with Microsoft SMTP Server "
        "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id "
        f"15.20.{rng.randint(8000, 8999)}.{rng.randint(10, 40)}; "
        f"{rfc(later(when, rng).astimezone(UTC)).replace('-0000', '+0000')}"
    ]
    d = dkim_domain or domain
    route = Route(
        helo,
        ip,
        sender,
        dkim=[(d, rng.choice(["selector1", "selector2"]), "pass")],
        spf=spf,
        dmarc=dmarc,
        policy=policy,
        inner=inner,
    )
    arc = [
        fold(
            "ARC-Seal",
            f"i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none; b={b64sig(rng)}",
            "\t",
        ),
        fold(
            "ARC-Authentication-Results",
            f"i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom={domain}; dmarc=pass action=none "
            f"header.from={domain}; dkim=pass header.d={domain}; arc=none",
            "\t",
        ),
    ]
    return route, arc, outlook_msgid(rng, a)


def m365_headers(
    rng: random.Random, when: dt.datetime, subject: str, attach: bool = False
) -> list[tuple[str, str]]:
    topic = subject
    for prefix in ("RE: ", "Re: ", "FW: ", "Fwd: ", "FW:", "RE:"):
        if topic.startswith(prefix):
            topic = topic[len(prefix) :]
    return [
        ("Thread-Topic", topic),
        ("Thread-Index", "AQH" + rand(rng, 25, B64) + "=="),
        ("Accept-Language", "en-AU, en-US"),
        ("Content-Language", "en-AU"),
        ("X-MS-Has-Attach", "yes" if attach else ""),
        ("X-MS-TNEF-Correlator", ""),
        ("msip_labels", ""),
        ("X-MS-Exchange-Organization-AuthAs", "Internal"),
        ("X-MS-PublicTrafficType", "Email"),
        (
            "X-MS-Exchange-CrossTenant-OriginalArrivalTime",
            when.astimezone(UTC).strftime("%d %b %Y %H:%M:%S.%f")[:-3] + " (UTC)",
        ),
        ("X-MS-Exchange-CrossTenant-fromentityheader", "Hosted"),
        ("X-MS-Exchange-CrossTenant-id", uuid(rng)),
    ]


def google(
    rng: random.Random,
    when: dt.datetime,
    sender: str,
    *,
    consumer: bool = False,
    policy: str = "none",
    dmarc: str = "pass",
) -> tuple[Route, list[str], str]:
    domain = sender.rsplit("@", 1)[1]
    fnum = rng.randint(41, 199)
    host = f"mail-{rng.choice(['pl1', 'pj1', 'oi1', 'ed1', 'wm1', 'yw1', 'qk1'])}-f{fnum}.google.com"
    ip = f"209.85.{rng.choice([128, 160, 208, 214, 216, 219, 222])}.{fnum}"
    smtp_id = f"d9443c01a7336-{rand(rng, 10, HEX)}so{rng.randint(10**6, 10**7)}ad.{rng.randint(1, 3)}"
    inner = [f"by {host} with SMTP id {smtp_id} for <{{rcpt}}>; {rfc(later(when, rng))}"]
    sel = "20230601" if consumer else "google"
    route = Route(
        host,
        ip,
        sender,
        dkim=[(domain, sel, "pass")],
        dmarc=dmarc,
        policy=policy,
        inner=inner,
    )
    top = [
        dkim_header(rng, "1e100.net", "20230601", when).replace("DKIM-Signature", "X-Google-DKIM-Signature"),
        "X-Gm-Message-State: AOJu0Y" + rand(rng, 50, B64),
        fold("X-Google-Smtp-Source", "AGHT+IH" + rand(rng, 80, B64) + "=="),
        fold(
            "X-Received",
            f"by 2002:a17:902:{rand(rng, 4, HEX)}:b0:{rand(rng, 3, HEX)}:{rand(rng, 4, HEX)} "
            f"with SMTP id {rand(rng, 10, HEX)}; {rfc(later(when, rng))}",
            "\t",
        ),
    ]
    return route, top, gmail_msgid(rng)


def exim_host(
    rng: random.Random,
    when: dt.datetime,
    sender: str,
    *,
    dmarc: str = "none",
    policy: str = "none",
    signed: bool = True,
    spf: str = "pass",
) -> tuple[Route, list[str], str]:
    domain = sender.rsplit("@", 1)[1]
    host = rng.choice(
        [
            f"s{rng.randint(10, 99)}.syd{rng.randint(1, 9)}.hostingplatform.net.au",
            f"cp-wc{rng.randint(10, 60)}.syd02.ds.network",
            f"mail{rng.randint(1, 9)}.crazydomains.com",
            f"au{rng.randint(10, 99)}.server-secure.com",
        ]
    )
    ip = (
        f"{rng.choice(['103.27', '110.232', '119.18', '203.170'])}.{rng.randint(32, 250)}."
        f"{rng.randint(2, 250)}"
    )
    inner = [
        "from "
        f"[{rng.choice(['120.155', '49.186', '101.116', '1.145'])}.{rng.randint(1, 250)}."
        f"{rng.randint(1, 250)}] "
        f"(port={rng.choice([50214, 61882, 52210, 49432])} helo=[192.168.1.{rng.randint(2, 60)}]) by {host} "
        f"with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.98) (envelope-from <{sender}>) "
        f"id 1t{rand(rng, 4)}-{rand(rng, 7, '0123456789ABCDEF')}-{rand(rng, 2)} for {{rcpt}}; {rfc(when)}"
    ]
    route = Route(
        host,
        ip,
        sender,
        dkim=[(domain, "default", "pass")] if signed else [],
        spf=spf,
        dmarc=dmarc,
        policy=policy,
        inner=inner,
    )
    msgid = f"<{rand(rng, 32, HEX)}@{domain}>"
    return route, [], msgid


def ses(
    rng: random.Random,
    when: dt.datetime,
    from_domain: str,
    *,
    bounce_domain: str = "",
    region: str = "us-east-1",
    policy: str = "reject",
) -> tuple[Route, list[str], str]:
    stamp = int(when.timestamp() * 1000)
    local = f"{'0108' if region == 'ap-southeast-2' else '0100'}{stamp:013x}-{uuid(rng)}-000000"
    if region == "ap-southeast-2":
        o3, o4 = rng.randint(224, 255), rng.randint(1, 40)
        host = f"e{o3}-{o4}.smtp-out.ap-southeast-2.amazonses.com"
        ip = f"23.251.{o3}.{o4}"
        ses_domain = "ap-southeast-2.amazonses.com"
    else:
        o3, o4 = rng.randint(8, 48), rng.randint(1, 250)
        host = f"a{o3}-{o4}.smtp-out.amazonses.com"
        ip = f"54.240.{o3}.{o4}"
        ses_domain = "amazonses.com"
    mail_from = f"{local}@{bounce_domain or ses_domain}"
    sel_a, sel_b = (
        rand(rng, 32, "abcdefghijklmnopqrstuvwxyz0123456789"),
        rand(rng, 32, "abcdefghijklmnopqrstuvwxyz234567"),
    )
    route = Route(
        host,
        ip,
        mail_from,
        dkim=[(from_domain, sel_a, "pass"), (ses_domain, sel_b, "pass")],
        policy=policy,
    )
    return (
        route,
        [],
        f"<{local}@{'email.' if region != 'ap-southeast-2' else ''}{ses_domain}>",
    )


def plain_route(
    rng: random.Random,
    when: dt.datetime,
    host: str,
    ip: str,
    mail_from: str,
    dkim: list[tuple[str, str]],
    *,
    policy: str = "reject",
    dmarc: str = "pass",
    spf: str = "pass",
    msgid_domain: str = "",
) -> tuple[Route, list[str], str]:
    route = Route(
        host,
        ip,
        mail_from,
        dkim=[(d, s, "pass") for d, s in dkim],
        policy=policy,
        dmarc=dmarc,
        spf=spf,
    )
    return (
        route,
        [],
        f"<{rand(rng, 24, ALNUM)}.{rng.randint(10**9, 10**10)}@{msgid_domain or host}>",
    )


# --------------------------------------------------------------------------------------------
# prose helpers
# --------------------------------------------------------------------------------------------


def staff(rng: random.Random, exclude: tuple[str, ...] = ()) -> tuple[str, str, str]:
    while True:
        person = rng.choice(STAFF)
        if person[0] not in exclude:
            return person


def hka_sig(rng: random.Random, person: tuple[str, str, str], short: bool = False) -> str:
    first, last, title = person
    if short:
        return f"{first}\n"
    lines = [f"{first} {last}", title]
    if title in (
        "Director",
        "Associate",
        "Senior Associate",
        "Project Architect",
        "Architect",
    ):
        lines[-1] += f" | Registered Architect ARBV {rng.randint(15000, 23000)}"
    lines += [
        FIRM,
        ADDRESS,
        f"T {PHONE}   M {mobile(rng)}",
        DOMAIN,
        "",
        "Halloran Kaye Architects acknowledges the Wurundjeri Woi-wurrung people of the Kulin Nation,",
        "Traditional Owners of the land on which we work, and pays respect to Elders past and present.",
    ]
    return "\n".join(lines) + "\n"


def html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def outlook_html(text: str) -> str:
    paras = []
    for line in text.split("\n"):
        if line.strip():
            paras.append(f'<p class="MsoNormal">{html_escape(line)}<o:p></o:p></p>')
        else:
            paras.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" '
        'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n'
        '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        "<style><!--\n@font-face\n\t{font-family:Aptos;}\np.MsoNormal, li.MsoNormal, div.MsoNormal\n"
        '\t{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:"Aptos",sans-serif;}\n'
        "a:link, span.MsoHyperlink\n\t{color:#467886;\n\ttext-decoration:underline;}\n"
        "@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}\n"
        "div.WordSection1\n\t{page:WordSection1;}\n--></style>\n</head>\n"
        '<body lang="EN-AU" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n'
        '<div class="WordSection1">\n' + "\n".join(paras) + "\n</div>\n</body>\n</html>\n"
    )


def gmail_html(text: str) -> str:
    body = "<br>".join(html_escape(line) for line in text.split("\n"))
    return f'<div dir="ltr">{body}</div>\n'


def quote_outlook(
    prev_from: str,
    prev_to: str,
    when: dt.datetime,
    subject: str,
    body: str,
    cc: str = "",
) -> str:
    head = f"From: {prev_from}\nSent: {outlook_sent(when)}\nTo: {prev_to}\n"
    if cc:
        head += f"Cc: {cc}\n"
    return "\n________________________________\n" + head + f"Subject: {subject}\n\n" + body


def quote_gmail(who: str, when: dt.datetime, body: str) -> str:
    hour = when.hour % 12 or 12
    ampm = "am" if when.hour < 12 else "pm"
    head = f"On {when:%a}, {when.day} {when:%b} {when.year} at {hour}:{when:%M} {ampm}, {who} wrote:"
    return "\n" + head + "\n" + "\n".join("> " + line if line else ">" for line in body.split("\n"))


def money(rng: random.Random, lo: float, hi: float) -> str:
    return f"${rng.uniform(lo, hi):,.2f}"


def icloud(rng: random.Random, when: dt.datetime, sender: str) -> tuple[Route, list[str], str]:
    host = f"st43p00im-{rand(rng, 4, 'abcdefghijklmnopqrstuvwxyz')}{rng.randint(10**7, 10**8)}.me.com"
    ip = f"17.58.{rng.choice([6, 23, 38, 63])}.{rng.randint(40, 250)}"
    route = Route(host, ip, sender, dkim=[("icloud.com", "1a1hai", "pass")], policy="quarantine")
    return route, [], f"<{uuid(rng).upper()}@icloud.com>"


def optus(rng: random.Random, when: dt.datetime, sender: str) -> tuple[Route, list[str], str]:
    host = f"mail{rng.randint(104, 110)}.syd.optusnet.com.au"
    ip = f"211.29.132.{rng.randint(40, 250)}"
    inner = [
        f"from [192.168.0.{rng.randint(2, 40)}] "
        f"(c{rng.randint(100, 999)}-{rng.randint(10, 99)}.rivrw{rng.randint(1, 9)}."
        "vic.optusnet.com.au "
        f"[{rng.choice(['49.180', '110.174', '211.28'])}.{rng.randint(1, 250)}.{rng.randint(1, 250)}]) "
        f"(Authenticated sender: {sender.split('@')[0]}) by {host} (Postfix) with ESMTPSA id "
        f"{rand(rng, 11, '0123456789ABCDEF')} for <{{rcpt}}>; {rfc(when)}"
    ]
    route = Route(host, ip, sender, dkim=[], dmarc="none", inner=inner)
    return route, [], f"<{rand(rng, 8, HEX)}-{rand(rng, 4, HEX)}@optusnet.com.au>"


SYSTEMS: dict[str, Callable[..., tuple[Route, list[str], str]]] = {
    "m365": m365,
    "google": google,
    "exim": exim_host,
    "icloud": icloud,
    "optus": optus,
}


def person_mail(
    rng: random.Random,
    *,
    system: str,
    sender: tuple[str, str],
    to: list[tuple[str, str]],
    subject: str,
    text: str,
    when: dt.datetime,
    cc: list[tuple[str, str]] | None = None,
    files: list[tuple[bytes, str, str]] | None = None,
    reply_to_id: str = "",
    extra: list[tuple[str, str]] | None = None,
    rcpt: str = "",
    route_kw: dict[str, object] | None = None,
) -> bytes:
    name, address = sender
    domain = address.rsplit("@", 1)[1]
    kw = dict(route_kw or {})
    if system == "m365" and domain == DOMAIN:
        kw.setdefault("policy", "quarantine")
    route, top, msgid = SYSTEMS[system](rng, when, address, **kw)
    files = files or []
    style = {"m365": "outlook", "google": "gmail", "icloud": "apple"}.get(system, "plain")
    if system == "m365":
        body: MIMEBase = alt(text, outlook_html(text), rng, "outlook")
    elif system == "google":
        body = alt(text, gmail_html(text), rng, "gmail")
    elif system == "icloud":
        body = text_part(text, "plain", "quoted-printable")
    else:
        body = text_part(text, "plain", "7bit") if rng.random() < 0.6 else alt(text, gmail_html(text), rng)
    if files:
        body = multipart("mixed", [body] + [attachment(d, m, f) for d, m, f in files], rng, style)
    headers = [
        ("From", addr(name, address)),
        ("To", ", ".join(addr(n, a) for n, a in to)),
    ]
    if cc:
        headers.append(("CC" if system == "m365" else "Cc", ", ".join(addr(n, a) for n, a in cc)))
    headers += [("Subject", subject), ("Date", rfc(when)), ("Message-ID", msgid)]
    if reply_to_id:
        headers += [("In-Reply-To", reply_to_id), ("References", reply_to_id)]
    if system == "m365":
        headers += m365_headers(rng, when, subject, bool(files))
    elif system == "icloud":
        headers.append(
            (
                "X-Mailer",
                rng.choice(["iPhone Mail (22D82)", "iPhone Mail (22E240)", "iPad Mail (22F76)"]),
            )
        )
    elif system == "exim":
        headers.append(
            rng.choice(
                [
                    ("X-Mailer", "Microsoft Outlook 16.0"),
                    ("User-Agent", "Mozilla Thunderbird"),
                    ("X-Mailer", "Microsoft Outlook 16.0"),
                ]
            )
        )
    headers += extra or []
    target = rcpt or next((a for _, a in to if a.endswith(DOMAIN)), email_of(*STAFF[9][:2]))
    return assemble(
        rng,
        route=route,
        rcpt=target,
        when=when,
        headers=headers,
        body=body,
        from_domain=domain,
        top=top,
    )


def new_msgid(rng: random.Random, system: str) -> str:
    if system == "google":
        return gmail_msgid(rng)
    return outlook_msgid(rng, exch_host(rng))


# --------------------------------------------------------------------------------------------
# colleagues
# --------------------------------------------------------------------------------------------


def _me(p: tuple[str, str, str]) -> tuple[str, str]:
    return f"{p[0]} {p[1]}", email_of(p[0], p[1])


def _internal_text(
    rng: random.Random, a: tuple[str, str, str], b: tuple[str, str, str]
) -> tuple[str, str, list[tuple[bytes, str, str]], tuple[str, str, str]]:
    job, name, client = rng.choice(PROJECTS)
    day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    hi = rng.choice(["Hi", "Hey", "Morning", "Hi", ""])
    greet = f"{hi} {b[0]},\n\n" if hi else ""
    sig = hka_sig(rng, a, short=rng.random() < 0.6)
    choice = rng.randrange(20)
    files: list[tuple[bytes, str, str]] = []
    if choice == 0:
        subj = f"{job} - DD set markups"
        body = (
            f"{greet}Could you mark up the DD set for {name} before {day}? Sheets A100-A450 are on the P "
            "drive:\n"
            f"P:\\Projects\\{job} {name}\\05 Drawings\\02 DD\\Issue for review\n\n"
            "Mainly looking at door hardware and the wet area set-downs, plus anything that doesn't line up "
            "with "
            "the structural SKs. Red pen on the PDF is fine, I'll pick it up from there.\n\nThanks\n" + sig
        )
    elif choice == 1:
        subj = rng.choice(
            [
                "Friday drinks",
                "Cake in the kitchen!",
                "Studio lunch Thursday",
                "End of month drinks",
            ]
        )
        body = (
            f"Hi all,\n\n{rng.choice(['It is', 'We are celebrating'])} "
            f"{rng.choice(['Mia', 'Callum', 'Anika', 'Tom'])}'s "
            f"{rng.choice(_PICK1)} "
            "- "
            f"{rng.choice(_PICK2)}.\n\n"
            "Dietaries: let me know by tomorrow and I'll sort something out.\n\n"
            + hka_sig(rng, a, short=True)
        )
    elif choice == 2:
        subj = "Revit central file - please sync and relinquish"
        body = (
            f"{greet}The {name} central model is showing you as still owning a bunch of worksets "
            "(Levels 2-3 walls and the stair). Can you sync and relinquish when you get a sec? I need to "
            "get the "
            f"sections out to the engineers by {day}.\n\nCheers\n" + sig
        )
    elif choice == 3:
        subj = f"Leave {rng.randint(3, 28)}/{rng.randint(1, 12)} - {rng.randint(3, 28)}/{rng.randint(1, 12)}"
        body = (
            f"{greet}Just a heads up that I've put in for leave in Employment Hero for a week and a bit. "
            f"{b[0]}, would you mind covering the {name} site meetings while I'm away? They're {day}s at 10 "
            "on site. "
            "I'll do a handover doc before I go and the consultants know to cc you.\n\nThanks heaps\n" + sig
        )
    elif choice == 4:
        subj = rng.choice(
            [
                "Timesheets due Monday 5pm",
                "REMINDER: timesheets",
                "Timesheets - month end",
            ]
        )
        body = (
            "Hi everyone,\n\nFriendly reminder that timesheets for this period need to be in Synergy by 5pm "
            "Monday so "
            "I can get the invoices out. If you worked on any of the variations for Lygon St or the "
            "Ringwood fitout "
            "please use the separate stage codes (VAR-01, VAR-02) - they are billed separately.\n\n"
            "Thanks,\n" + hka_sig(rng, ("Karen", "Doyle", "Finance Manager"))
        )
    elif choice == 5:
        subj = f"Site visit {day} - lift?"
        body = (
            f"{greet}I'm heading out to {name} on {day} morning for the pre-pour inspection. Leaving the "
            "office "
            f"around {rng.choice(['7:45', '8:15', '9:00'])} in the pool car if you want a lift. Bring your "
            "boots and "
            "hi-vis, the builder is strict about it.\n\n" + sig
        )
    elif choice == 6:
        subj = f"Fee proposal draft - {name}"
        body = (
            f"{greet}Attached is my first go at the fee proposal for the next stage of {name}. I've assumed "
            "3 design workshops, two rounds of town planning RFIs and a 16-week documentation phase. The "
            "consultant "
            "fees are provisional until Brandt Costa and Tallis come back to us.\n\nHappy to walk through it "
            f"{day} if that's easier.\n\n" + sig
        )
        files.append(
            (
                docx(
                    [
                        f"{FIRM}",
                        f"Fee Proposal - {name}",
                        f"Client: {client}",
                        "1. Scope of services",
                        "2. Fee basis and stages",
                        "3. Exclusions",
                        "4. Terms",
                    ],
                    f"{a[0]} {a[1]}",
                    f"Fee proposal {job}",
                ),
                DOCX,
                f"{job} Fee Proposal DRAFT v{rng.randint(1, 4)}.docx",
            )
        )
    elif choice == 7:
        subj = rng.choice(["Plotter jammed again", "A1 plotter out of paper", "Printer on level 3"])
        body = (
            f"Hi all,\n\nThe {rng.choice(['HP DesignJet', 'big plotter', 'Canon plotter'])} is "
            f"{rng.choice(['jammed', 'out of 80gsm bond', 'showing a printhead error'])}. I've logged it "
            "with "
            "Northside IT / the supplier; in the meantime please send A1s to the level 2 machine.\n\n"
            + hka_sig(rng, ("Leanne", "Burgess", "Office Manager"), short=True)
        )
    elif choice == 8:
        new = rng.choice(
            [
                "Ella Martin",
                "Rohan Iyer",
                "Sam Kowalski",
                "Isla Brennan",
                "Kenji Morita",
            ]
        )
        role = rng.choice(
            [
                "Graduate of Architecture",
                "Interior Designer",
                "Architect",
                "Project Architect",
            ]
        )
        subj = f"Welcome {new.split()[0]}!"
        body = (
            f"Hi team,\n\nPlease join me in welcoming {new}, who starts with us on {day} as a {role}. "
            f"{new.split()[0]} comes to us from a practice in "
            f"{rng.choice(['Sydney', 'Adelaide', 'London', 'Brisbane'])} "
            f"and will be working with {b[0]} on {name} to start with.\n\nPlease say hello and drag them "
            "along to "
            "Friday lunch.\n\n" + hka_sig(rng, a)
        )
    elif choice == 9:
        subj = f"Studio meeting agenda - {day}"
        body = (
            "Hi all,\n\nAgenda for this week's studio meeting (9:00 in the big room, Teams link in the "
            "invite):\n\n"
            "1. Project round-up (5 min each, please keep it tight)\n2. Resourcing for the next 6 weeks\n"
            "3. NCC 2022 condensation requirements - Lachlan\n4. Awards entries - Zoë\n5. General "
            "business\n\n" + hka_sig(rng, a, short=True)
        )
    elif choice == 10:
        supplier = rng.choice(
            [
                "Brandt Costa Engineers",
                "Tallis QS",
                "Fern & Field Landscape",
                "Maquette Studio",
            ]
        )
        subj = f"Invoice for approval - {supplier}"
        n = rng.randint(1000, 9999)
        body = (
            f"{greet}Can you please approve the attached invoice from {supplier} ({job}, "
            f"{money(rng, 900, 14000)} "
            "inc GST)? It's against the approved fee. Just reply 'approved' and I'll add it to Thursday's "
            "pay run.\n\n"
            "Thanks,\n" + hka_sig(rng, ("Karen", "Doyle", "Finance Manager"), short=True)
        )
        files.append(
            (
                pdf(
                    [
                        supplier,
                        f"TAX INVOICE {n}",
                        f"Project {job} {name}",
                        "Amount due: see above",
                    ],
                    f"Invoice {n}",
                ),
                "application/pdf",
                f"INV-{n}.pdf",
            )
        )
    elif choice == 11:
        subj = "Quick q"
        body = (
            rng.choice(
                [
                    f"Have you got the Dulux spec for {name}? Can't find it in the project folder.\n\n",
                    f"Are you still using the {rng.choice(['Laminex', 'Caesarstone', 'Polytec'])} samples? "
                    "Need them for a "
                    "client meeting at 2.\n\n",
                    "Who's got the key to the model cupboard?\n\n",
                    f"Is the {name} client meeting still on for tomorrow or did it move?\n\n",
                ]
            )
            + sig
        )
    elif choice == 12:
        subj = rng.choice(
            [
                "Award submission - draft copy",
                "AIA Victorian awards entry",
                "Website case study copy",
            ]
        )
        body = (
            f"{greet}Here's the draft copy for the {name} entry. It's about 40 words over the limit so feel "
            "free "
            "to cut, and I'd love a line from you about the client brief. Photos from the shoot are in the "
            "Marketing "
            f"folder.\n\nNeed it back by {day} please!\n\n"
            + hka_sig(rng, ("Zoë", "Papadopoulos", "Marketing & Communications"), short=True)
        )
        files.append(
            (
                docx(
                    [
                        f"{name}",
                        "Project description",
                        "Sustainability",
                        "Client brief",
                    ],
                    "Zoë Papadopoulos",
                    "Awards copy",
                ),
                DOCX,
                f"{name} - awards copy v2.docx",
            )
        )
    elif choice == 13:
        subj = "Parking - Smith St works next week"
        body = (
            "Hi all,\n\nYarra Council is resurfacing Smith Street from Monday, so the loading zone and the "
            "two "
            "bays out the back will be out of action until Wednesday. Parking at the Coles car park is 3 "
            "hrs free.\n\n"
            "Deliveries will come via the laneway.\n\n"
            + hka_sig(rng, ("Leanne", "Burgess", "Office Manager"))
        )
    elif choice == 14:
        subj = f"RE: {name} - consultant coordination"
        prev_when = pick_time(rng)
        prev = (
            f"Hi {a[0]},\n\nThe engineer wants to move the transfer beam on Level 1 up by 150. That pushes "
            "the "
            "ceiling down in the lobby. Can we live with that?\n\n" + b[0] + "\n"
        )
        body = (
            f"{greet}We can live with it in the lobby but not in the corridor - the services zone is "
            "already tight. "
            "Can you ask them whether a 310UB would work there instead and let me know?\n\n"
            + sig
            + quote_outlook(
                f"{b[0]} {b[1]} <{email_of(b[0], b[1])}>",
                f"{a[0]} {a[1]} <{email_of(a[0], a[1])}>",
                prev_when,
                f"{name} - consultant coordination",
                prev,
            )
        )
    elif choice == 15:
        subj = f"FW: {name} - " + rng.choice(["client feedback", "comments on the SD package", "budget"])
        prev_when = pick_time(rng)
        body = (
            f"{greet}FYI see below from the client - can we talk about it at {rng.choice(['2', '11', '4'])}? "
            "I think we can deal with most of it without changing the plan.\n\n"
            + sig
            + quote_outlook(
                f"{client} <info@{rng.choice(_PICK3)}>",
                f"{a[0]} {a[1]} <{email_of(a[0], a[1])}>",
                prev_when,
                f"{name}",
                "Hi,\n\nThanks for the package. A few thoughts from our side:\n- the entry feels narrow\n"
                "- can we look at a lighter brick?\n- we'd like to keep the existing tree on the west "
                "boundary\n\n"
                "Regards\n",
            )
        )
    elif choice == 16:
        subj = "Expenses - Bunnings receipt"
        body = (
            f"{greet}Attached the receipt for the samples I picked up from Bunnings for the {name} mock-up "
            f"({money(rng, 20, 180)}). Charged to my card - can it go through the next expenses run?\n\n"
            + sig
        )
        files.append(
            (
                pdf(
                    ["Bunnings Warehouse", "TAX INVOICE", "Thank you for shopping"],
                    "Receipt",
                    "Bunnings POS",
                ),
                "application/pdf",
                f"Receipt_{rng.randint(10**6, 10**7)}.pdf",
            )
        )
    elif choice == 17:
        subj = "NCC 2022 - condensation management summary"
        body = (
            "Hi all,\n\nAs promised at studio meeting, here's a one-page summary of the NCC 2022 "
            "condensation "
            "management provisions (F8D3-F8D5) and what they mean for our wall and roof build-ups. Short "
            "version: "
            "check vapour permeance of the sarking, vent the roof space, and make sure exhaust fans "
            "discharge "
            "outside. Drop me a line if a project has odd details.\n\n"
            + hka_sig(rng, ("Lachlan", "Ferguson", "Design Technology Lead"))
        )
        files.append(
            (
                pdf(
                    ["NCC 2022 Condensation management", "Summary for HKA staff"],
                    "NCC 2022 summary",
                ),
                "application/pdf",
                "NCC2022 condensation summary.pdf",
            )
        )
    elif choice == 18:
        subj = f"Photos from site - {name}"
        body = (
            f"{greet}Photos from this morning are uploaded to the project folder (\\06 Site\\Photos\\2025). "
            "The slab edge on the north side looks good; brickwork to the east elevation is a bit untidy at "
            "the "
            "window heads - I've flagged it with the site super.\n\n" + sig
        )
    else:
        subj = rng.choice(["Client meeting notes", f"{job} meeting minutes", "Notes from today"])
        body = (
            f"{greet}Notes from today's meeting with {client}:\n\n"
            "- Scope confirmed, no change to the brief\n- Client to confirm the kitchen layout by next week\n"
            f"- We issue revised plans {day}\n- Budget review once Tallis QS update the estimate\n\n" + sig
        )
    author = {
        4: ("Karen", "Doyle", "Finance Manager"),
        10: ("Karen", "Doyle", "Finance Manager"),
        7: ("Leanne", "Burgess", "Office Manager"),
        13: ("Leanne", "Burgess", "Office Manager"),
        17: ("Lachlan", "Ferguson", "Design Technology Lead"),
        12: ("Zoë", "Papadopoulos", "Marketing & Communications"),
    }.get(choice, a)
    return subj, body, files, author


def internal_mail(rng: random.Random) -> bytes:
    a = staff(rng)
    b = staff(rng, (a[0], "Karen", "Zoë"))
    subj, text, files, a = _internal_text(rng, a, b)
    to = [_me(b)]
    cc = [_me(staff(rng, (a[0], b[0])))] if rng.random() < 0.25 else None
    if text.startswith("Hi all") or text.startswith("Hi everyone") or text.startswith("Hi team"):
        to = [("HKA Studio", f"studio@{DOMAIN}")]
        cc = None
    when = pick_time(rng, 0.02)
    return person_mail(
        rng,
        system="m365",
        sender=_me(a),
        to=to,
        cc=cc,
        subject=subj,
        text=text,
        when=when,
        files=files,
        rcpt=email_of(b[0], b[1]),
    )


# --------------------------------------------------------------------------------------------
# clients
# --------------------------------------------------------------------------------------------

# (company, contact name, address, system, route options, job)
CLIENTS = [
    (
        "Merri Creek Developments",
        "Daniel Kostas",
        "daniel.kostas@merricreekdev.com.au",
        "m365",
        {"policy": "quarantine"},
        0,
    ),
    (
        "Victorian School Building Authority",
        "Rebecca Tran",
        "rebecca.tran@education.vic.gov.au",
        "m365",
        {"policy": "reject"},
        2,
    ),
    (
        "City of Yarra",
        "Sarah Mulvany",
        "sarah.mulvany@yarracity.vic.gov.au",
        "m365",
        {"policy": "reject"},
        1,
    ),
    (
        "Ringwood Family Medical",
        "Joanne Pike",
        "practicemanager@ringwoodfamilymedical.com.au",
        "google",
        {"dmarc": "none"},
        3,
    ),
    (
        "Holloway Estate",
        "James Holloway",
        "james@hollowayestate.com.au",
        "google",
        {"policy": "none"},
        4,
    ),
    (
        "Lygon Living Pty Ltd",
        "Tony Russo",
        "tony@lygonliving.com.au",
        "m365",
        {"policy": "none"},
        5,
    ),
    ("", "Liz Parata", "lizparata@optusnet.com.au", "optus", {}, 6),
    ("", "Greg Parata", "gparata@icloud.com", "icloud", {}, 6),
    (
        "Stockade Partners",
        "Hamish Grant",
        "hgrant@stockadepartners.com.au",
        "m365",
        {"policy": "quarantine"},
        7,
    ),
]


def _client_sig(rng: random.Random, company: str, name: str, system: str) -> str:
    if system == "icloud":
        return "\nSent from my iPhone\n"
    if not company:
        return f"\n{name.split()[0]}\n"
    title = rng.choice(
        [
            "Development Manager",
            "Project Director",
            "Senior Project Officer",
            "Practice Manager",
            "Owner",
            "Director",
            "Asset Manager",
        ]
    )
    return (
        f"\nKind regards,\n\n{name}\n{title}\n{company}\nP {landline(rng)} | M "
        f"{mobile(rng)}\n{rng.choice(STREETS)}\n"
    )


def client_mail(rng: random.Random) -> bytes:
    company, name, address, system, kw, pj = rng.choice(CLIENTS)
    job, project, _ = PROJECTS[pj]
    lead = staff(rng, ("Leanne", "Karen", "Zoë", "Lachlan"))
    lead_name, lead_addr = _me(lead)
    first = name.split()[0]
    when = pick_time(rng, 0.12, (7, 21))
    files: list[tuple[bytes, str, str]] = []
    cc = None
    choice = rng.randrange(12)
    sig = _client_sig(rng, company, name, system)
    if choice == 0:
        subj = f"RE: {project} - SD package"
        prev = (
            f"Hi {first},\n\nPlease find the schematic design package attached for your "
            f"review.\n\n{lead[0]}\n"
        )
        text = (
            f"Hi {lead[0]},\n\nThanks for sending this through, we went through it over the weekend. "
            "Overall really happy. "
            "A few comments:\n\n1. Can the laundry swap with the powder room so it's closer to the back "
            "door?\n"
            "2. We'd like to understand the cost difference between the timber and the aluminium windows.\n"
            "3. The skylight over the stair - is that going to get too hot in summer?\n\n"
            "Happy to jump on a call this week."
            + sig
            + quote_outlook(
                f"{lead_name} <{lead_addr}>",
                f"{name} <{address}>",
                pick_time(rng),
                f"{project} - SD package",
                prev,
            )
        )
    elif choice == 1:
        subj = f"{project} - Consultancy Agreement markup"
        text = (
            f"Hi {lead[0]},\n\nAttached is our lawyers' markup of the consultancy agreement (tracked "
            "changes). The main "
            "points are the liability cap (we've proposed 2x fee), the novation clause and the payment "
            "terms, which "
            "we've moved to 30 days from end of month. Let us know if anything is a problem - keen to sign "
            "this month." + sig
        )
        files.append(
            (
                docx(
                    [
                        "CONSULTANCY AGREEMENT",
                        f"{company} and {FIRM}",
                        "Clause 12 Limitation of liability",
                        "Clause 18 Novation",
                        "Schedule 2 Fees",
                    ],
                    "Lander & Rogers",
                    "Consultancy Agreement",
                ),
                DOCX,
                f"{job} Consultancy Agreement - client markup {rng.randint(1, 28)}.{rng.randint(1, 12)}.docx",
            )
        )
        cc = [("Fiona Halloran", email_of("Fiona", "Halloran"))]
    elif choice == 2:
        subj = rng.choice(["Remittance Advice", f"Remittance advice - {FIRM}", "Payment Advice"])
        amount = money(rng, 3000, 60000)
        text = (
            f"Hi,\n\nPlease find attached remittance advice for payment of {amount} made today by EFT "
            f"(ref HKA{rng.randint(2400, 2899)}). Funds should clear in 1-2 business "
            "days.\n\nRegards,\nAccounts Payable\n" + (company or name) + "\n"
        )
        files.append(
            (
                pdf(
                    [
                        company or name,
                        "REMITTANCE ADVICE",
                        f"Paid to: {FIRM}",
                        f"Amount: {amount}",
                        "Payment method: EFT",
                    ],
                    "Remittance",
                ),
                "application/pdf",
                f"Remittance_{rng.randint(10**5, 10**6)}.pdf",
            )
        )
        lead_addr = f"accounts@{DOMAIN}"
    elif choice == 3:
        subj = rng.choice(["Meeting Thursday", "Can we move our meeting?", f"{project} catch up"])
        text = (
            f"Hi {lead[0]},\n\nSomething's come up on Thursday - could we push our catch-up to "
            f"{rng.choice(['Friday 10am', 'next Monday', 'Thursday afternoon, say 3?'])}? Same place is "
            "fine. "
            "Apologies for the late notice." + sig
        )
    elif choice == 4:
        subj = rng.choice(["Approved - option B", f"RE: {project} finishes", "Go ahead"])
        text = (
            f"Hi {lead[0]},\n\nWe've discussed internally and are happy to go with option B for the "
            f"{rng.choice(['facade', 'joinery', 'floor finishes', 'landscape'])}. Please proceed.\n" + sig
        )
    elif choice == 5:
        subj = rng.choice(
            [
                "Photos",
                "Some inspiration",
                "the tiles we liked",
                "pics from the weekend",
            ]
        )
        text = (
            f"Hi {lead[0]}\n\n{rng.choice(['Here are', 'Attached some', 'A few'])} photos of the "
            f"{rng.choice(['tiles', 'brick', 'house in Clifton Hill', 'timber floor'])} we saw - is this "
            "something we "
            "could use? No rush.\n" + sig
        )
        files.append(
            (
                png(64, 48, (rng.randint(0, 255), 120, 90)),
                "image/png",
                f"IMG_{rng.randint(1000, 9999)}.png",
            )
        )
    elif choice == 6:
        subj = (
            f"Planning Application PLN{rng.randint(24, 25)}/{rng.randint(100, 999):04d} - Request for "
            "Further Information"
        )
        name, address, system, kw = (
            "Sarah Mulvany",
            "sarah.mulvany@yarracity.vic.gov.au",
            "m365",
            {"policy": "reject"},
        )
        text = (
            "Dear Applicant,\n\nI refer to the above application. Before Council can consider it further, "
            "the "
            "following information is required under section 54 of the Planning and Environment Act 1987:\n\n"
            "1. Amended plans showing setbacks dimensioned to all boundaries\n2. A sustainable design "
            "assessment\n"
            "3. A waste management plan\n\nThe information must be received within 60 days of this notice. "
            "Please find the formal letter attached.\n\nRegards,\n\nSarah Mulvany\nSenior Statutory Planner\n"
            "City of Yarra\nT 03 9205 5555\nPO Box 168, Richmond VIC 3121\n"
        )
        files.append(
            (
                pdf(
                    ["City of Yarra", "Request for Further Information", "Section 54"],
                    "RFI",
                ),
                "application/pdf",
                "RFI letter.pdf",
            )
        )
    elif choice == 7:
        subj = rng.choice(["Supplier set-up", "New vendor - Halloran Kaye", "Vendor details form"])
        text = (
            f"Hi {lead[0]},\n\nWe're setting Halloran Kaye up as a vendor in our finance system. Could your "
            "accounts team complete the attached supplier form? Please note our process: we verify bank "
            "details by "
            "calling the number on your website, never the one on the form, so don't be surprised if "
            "someone from "
            "our finance team rings your office." + sig
        )
        files.append(
            (
                pdf(
                    [
                        "Supplier Information Form",
                        "ABN",
                        "Bank details",
                        "Authorised signatory",
                    ],
                    "Supplier form",
                ),
                "application/pdf",
                "Supplier Information Form.pdf",
            )
        )
    elif choice == 8:
        subj = rng.choice(["Quick question about the budget", "Builder's quote", "Tender results"])
        text = (
            f"Hi {lead[0]},\n\nWe got the quote from "
            f"{rng.choice(['Frame Build Group', 'Kestrel Construction', 'Hartley Builders'])} "
            f"back yesterday - it came in at {money(rng, 400000, 2200000)} which is a fair bit over what "
            "Tallis estimated. "
            "Can we talk through where the differences are? I've attached it.\n" + sig
        )
        files.append(
            (
                pdf(
                    ["Tender submission", project, "Preliminaries", "Trade breakdown"],
                    "Quote",
                ),
                "application/pdf",
                f"Quote_{project.split()[0]}.pdf",
            )
        )
    elif choice == 9:
        subj = "Invoice query"
        text = (
            f"Hi Karen,\n\nQuick one on invoice HKA{rng.randint(2400, 2899)} - it shows stage 3 at 60% but "
            "our "
            "schedule had it at 50% this month. Could you double check? Happy to pay the undisputed part "
            "now.\n" + sig
        )
        lead_addr = email_of("Karen", "Doyle")
    elif choice == 10:
        subj = f"RE: {project} - site meeting minutes"
        text = (
            f"Thanks {lead[0]}. One correction to item 4.2 - the builder said three weeks, not two. "
            "Otherwise all good.\n" + sig
        )
    else:
        subj = rng.choice(["Happy new year", "Thank you", "Thanks for yesterday"])
        text = (
            f"Hi {lead[0]},\n\nJust wanted to say thanks to you and the team - "
            f"{rng.choice(_PICK4)}"
            ". Looking forward to the next one.\n" + sig
        )
    sender = (name, address)
    return person_mail(
        rng,
        system=system,
        sender=sender,
        to=[(lead_name if "accounts" not in lead_addr else "Accounts", lead_addr)],
        cc=cc,
        subject=subj,
        text=text,
        when=when,
        files=files,
        route_kw=kw,
        reply_to_id=new_msgid(rng, system) if subj.startswith("RE:") else "",
    )


# --------------------------------------------------------------------------------------------
# suppliers and consultants
# --------------------------------------------------------------------------------------------

SUPPLIERS = [
    (
        "Brandt Costa Engineers",
        "Nikos Brandt",
        "nikos@brandtcosta.com.au",
        "m365",
        {"policy": "none"},
        "engineer",
    ),
    (
        "Brandt Costa Engineers",
        "Accounts",
        "accounts@brandtcosta.com.au",
        "m365",
        {"policy": "none"},
        "accounts",
    ),
    (
        "Tallis QS",
        "Megan Tallis",
        "megan@tallisqs.com.au",
        "google",
        {"policy": "quarantine"},
        "qs",
    ),
    (
        "VBS Building Surveyors",
        "Craig Hennessy",
        "craig@vbsurveying.com.au",
        "exim",
        {},
        "surveyor",
    ),
    (
        "Fern & Field Landscape",
        "Ruby Ashton",
        "ruby@fernandfield.com.au",
        "google",
        {"dmarc": "none"},
        "landscape",
    ),
    (
        "Maquette Studio",
        "Theo Lambert",
        "theo@maquettestudio.com.au",
        "exim",
        {"dmarc": "none"},
        "model",
    ),
    (
        "Collingwood Plan Printing",
        "Sales",
        "sales@cwplanprint.com.au",
        "exim",
        {"spf": "softfail"},
        "print",
    ),
    (
        "Northside IT",
        "Josh Whitfield",
        "josh.whitfield@northsideit.com.au",
        "m365",
        {"policy": "reject"},
        "it",
    ),
    (
        "Tess Kinsella Photography",
        "Tess Kinsella",
        "tess@tesskinsella.com",
        "google",
        {"dmarc": "none"},
        "photo",
    ),
    (
        "Workspace Furniture Co",
        "Aaron Pell",
        "aaron.pell@workspacefurniture.com.au",
        "m365",
        {"policy": "none"},
        "furniture",
    ),
    (
        "Hallam Property Group",
        "Natalie Cho",
        "ncho@hallamproperty.com.au",
        "m365",
        {"policy": "quarantine"},
        "landlord",
    ),
    (
        "Gardiner Insurance Brokers",
        "Phil Gardiner",
        "phil@gardinerbrokers.com.au",
        "m365",
        {"policy": "none"},
        "insurance",
    ),
    (
        "Sunline Signage",
        "Karl Otto",
        "karl@sunlinesignage.com.au",
        "exim",
        {"signed": False},
        "signage",
    ),
    (
        "Baseline CAD",
        "Renee Walsh",
        "renee.walsh@baselinecad.com.au",
        "m365",
        {"policy": "none"},
        "software",
    ),
]


def supplier_mail(rng: random.Random) -> bytes:
    company, name, address, system, kw, kind = rng.choice(SUPPLIERS)
    job, project, _ = PROJECTS[rng.randrange(len(PROJECTS))]
    lead = staff(rng, ("Karen", "Zoë"))
    lead_name, lead_addr = _me(lead)
    when = pick_time(rng, 0.05)
    files: list[tuple[bytes, str, str]] = []
    ph = landline(rng)
    sig = (
        f"\nRegards,\n\n{name}\n{company}\n{ph}\n{rng.choice(STREETS)}\nABN {rng.randint(10, 99)} "
        f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}\n"
    )
    mode = rng.random()
    if kind == "accounts" or (mode < 0.25 and kind not in ("landlord", "insurance")):
        n = rng.randint(1000, 99999)
        amount = money(rng, 250, 18000)
        subj = rng.choice(
            [
                f"Tax Invoice {n}",
                f"Invoice {n} from {company}",
                f"{company} - Invoice INV-{n}",
            ]
        )
        text = (
            f"Hi,\n\nPlease find attached tax invoice {n} for {project} ({job}), {amount} including GST, "
            "due in "
            f"{rng.choice([14, 30])} days.\n\nPayment details are on the invoice. Please contact us if you "
            "have any "
            "questions." + sig
        )
        files.append(
            (
                pdf(
                    [
                        company,
                        f"TAX INVOICE {n}",
                        f"Bill to: {FIRM}",
                        f"Project: {project}",
                        f"Total inc GST: {amount}",
                    ],
                    f"Invoice {n}",
                ),
                "application/pdf",
                f"Invoice_{n}.pdf",
            )
        )
        lead_name, lead_addr = "Accounts", f"accounts@{DOMAIN}"
    elif mode < 0.42:
        n = rng.randint(100, 9999)
        what = {
            "model": "a 1:200 site model with laser-cut context",
            "print": "20 x A1 colour sets and binding",
            "photo": "a half-day shoot (interior and exterior, 20 edited images)",
            "furniture": "the breakout area furniture package",
            "signage": "the wayfinding and statutory signage package",
            "it": '3 x Dell Precision workstations and 2 x 27" monitors',
            "software": "the Revit + AutoCAD renewal (12 seats)",
            "landscape": "the landscape documentation stage",
        }.get(kind, "the scope discussed")
        subj = rng.choice(
            [
                f"Quote Q{n}",
                f"Quote - {project}",
                f"Quotation {n}",
                f"RE: Quote request - {project}",
            ]
        )
        text = (
            f"Hi {lead[0]},\n\nThanks for the enquiry. Please find our quote attached for {what}. "
            f"Lead time is about {rng.randint(1, 6)} weeks from approval. The quote is valid for 30 days.\n\n"
            "Just reply to accept or give me a call if you'd like to change anything." + sig
        )
        files.append(
            (
                pdf([company, f"QUOTATION Q{n}", f"For: {FIRM}", what], f"Quote {n}"),
                "application/pdf",
                f"Quote Q{n}.pdf",
            )
        )
    elif mode < 0.5:
        subj = rng.choice(
            [
                "Change of bank details - please verify by phone",
                "Notice: our banking details have changed",
            ]
        )
        text = (
            "Dear valued client,\n\n"
            f"We have moved our business banking from {rng.choice(['ANZ', 'Westpac'])} to "
            f"{rng.choice(['NAB', 'Bendigo Bank', 'CBA'])}, effective from the 1st of next month. The "
            "signed letter on "
            "our letterhead is attached.\n\nPlease do NOT update our details based on this email alone. "
            "Call our "
            f"office on the number you already have for us ({ph}) and ask for {name.split()[0]} to confirm "
            "the new BSB and "
            "account number before you make any change. We will never ask you to change details by email "
            "alone, and "
            "our existing account stays open until the end of the quarter, so there is no rush." + sig
        )
        files.append(
            (
                pdf(
                    [
                        company,
                        "Change of banking details",
                        "Please verify by phone before updating",
                    ],
                    "Banking letter",
                ),
                "application/pdf",
                "Change of bank details letter.pdf",
            )
        )
        lead_name, lead_addr = "Karen Doyle", email_of("Karen", "Doyle")
    elif kind == "engineer":
        n = rng.randint(1, 40)
        subj = f"{job} {project} - SK-{n:02d} rev {rng.choice('ABC')}"
        text = (
            f"Hi {lead[0]},\n\nAttached SK-{n:02d} showing the revised beam sizes at the Level 1 transfer. "
            "We've "
            "kept the 360UB at gridline C and dropped the rest to 310UB, so you should get your ceiling "
            "height back "
            "in the corridor. Still need the mechanical penetration sizes from the services engineer.\n" + sig
        )
        files.append(
            (
                pdf(
                    ["Brandt Costa Engineers", f"SK-{n:02d}", "Level 1 framing plan"],
                    f"SK-{n:02d}",
                    "Bluebeam Revu x64",
                ),
                "application/pdf",
                f"{job}-SK-{n:02d}.pdf",
            )
        )
    elif kind == "qs":
        subj = f"{project} - cost plan {rng.choice(['B', 'C', 'update'])}"
        text = (
            f"Hi {lead[0]}\n\nUpdated cost plan attached. We're sitting about 4% over the client budget; "
            "most of it "
            "is the facade and the escalation allowance. I've listed some savings options on the last tab.\n"
            + sig
        )
        files.append(
            (
                xlsx(
                    [
                        ["Element", "Cost"],
                        ["Substructure", "412,000"],
                        ["Facade", "1,120,000"],
                    ]
                ),
                XLSX,
                f"{job} Cost Plan.xlsx",
            )
        )
    elif kind == "surveyor":
        subj = f"Building permit application - {project}"
        text = (
            f"Hi {lead[0]},\n\nWe've reviewed the documentation for the building permit. Before we can "
            "issue we need:\n"
            "- Section J report (energy efficiency)\n- Signed structural certificate of compliance (design)\n"
            "- Fire engineering brief sign-off for the exit travel distance\n\nCheers" + sig
        )
    elif kind == "landlord":
        subj = rng.choice(
            [
                "Annual fire services testing",
                "Building works - lift maintenance",
                "Outgoings reconciliation",
            ]
        )
        text = (
            "Dear Tenant,\n\nPlease be advised that "
            f"{rng.choice(_PICK5)} "
            f"will take place at 118 Smith Street on {rng.choice(['Tuesday', 'Wednesday', 'Saturday'])}. "
            "Alarms may "
            "sound briefly during the morning; no evacuation is required unless instructed by the "
            "wardens.\n\n"
            "Thank you for your patience." + sig
        )
        lead_name, lead_addr = "Leanne Burgess", email_of("Leanne", "Burgess")
    elif kind == "insurance":
        subj = "Professional indemnity renewal 2025/26"
        text = (
            "Hi Fiona,\n\nYour PI and public liability policies renew on 30 June. Attached is the renewal "
            "proposal "
            "form - most of it is pre-filled from last year. Please update the fee income figures and the "
            "project "
            "list, sign and send back by the 10th so we can go to market.\n" + sig
        )
        files.append(
            (
                pdf(["Professional Indemnity Proposal", FIRM], "PI proposal"),
                "application/pdf",
                "PI Proposal Form 2025.pdf",
            )
        )
        lead_name, lead_addr = "Fiona Halloran", email_of("Fiona", "Halloran")
    else:
        subj = rng.choice(
            [
                f"{project} - update",
                "Delivery booking",
                "Following up",
                f"RE: {project}",
            ]
        )
        text = (
            f"Hi {lead[0]},\n\n{rng.choice(['Just following up on', 'Confirming', 'A quick update on'])} "
            f"{rng.choice(_PICK6)}. "
            "Let me know if the timing works on your end." + sig
        )
    return person_mail(
        rng,
        system=system,
        sender=(f"{name} | {company}" if name == "Accounts" else name, address),
        to=[(lead_name, lead_addr)],
        subject=subj,
        text=text,
        when=when,
        files=files,
        route_kw=kw,
    )


# --------------------------------------------------------------------------------------------
# services: SaaS notifications, carriers, security notices
# --------------------------------------------------------------------------------------------


def card_html(
    title: str,
    paras: list[str],
    button: tuple[str, str] | None,
    footer: str,
    brand: str = "#1264a3",
) -> str:
    body = "\n".join(
        f'<p style="margin:0 0 16px 0;font-size:15px;line-height:22px;color:#1d1c1d">{p}</p>' for p in paras
    )
    btn = ""
    if button:
        btn = (
            f'<table role="presentation" cellpadding="0" cellspacing="0"><tr><td style="background:{brand};'
            f'border-radius:4px"><a href="{button[1]}" style="display:inline-block;padding:12px 24px;'
            f'color:#ffffff;font-weight:bold;text-decoration:none">{button[0]}</a></td></tr></table>'
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_escape(title)}</title>\n</head>\n"
        '<body style="margin:0;padding:0;background:#f4f4f4;font-family:Helvetica,Arial,sans-serif">\n'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">\n'
        '<table role="presentation" width="600" cellpadding="32" cellspacing="0" '
        'style="background:#ffffff">\n'
        f'<tr><td>\n<h1 style="font-size:22px;color:#1d1c1d">{html_escape(title)}</h1>\n{body}\n{btn}\n'
        f'<p style="margin-top:32px;font-size:12px;color:#616061">{footer}</p>\n'
        "</td></tr>\n</table>\n</td></tr></table>\n</body>\n</html>\n"
    )


def service(
    rng: random.Random,
    *,
    when: dt.datetime,
    route: tuple[Route, list[str], str],
    sender: tuple[str, str],
    from_domain: str,
    to: str,
    subject: str,
    plain: str,
    html: str,
    extra: list[tuple[str, str]] | None = None,
    files: list[tuple[bytes, str, str]] | None = None,
    html_only: bool = False,
    cte: str = "quoted-printable",
    msgid: str = "",
    rcpt: str = "",
) -> bytes:
    r, top, mid = route
    body: MIMEBase = text_part(html, "html", cte) if html_only else alt(plain, html, rng, "plain", cte)
    if files:
        body = multipart("mixed", [body] + [attachment(d, m, f) for d, m, f in files], rng)
    headers = [
        ("From", addr(*sender)),
        ("To", to),
        ("Subject", subject),
        ("Date", rfc(when)),
        ("Message-ID", msgid or mid),
    ]
    headers += extra or []
    if not rcpt:
        rcpt = (
            to.split("<")[-1].rstrip(">") if DOMAIN in to else email_of(*STAFF[rng.randrange(len(STAFF))][:2])
        )
    return assemble(
        rng,
        route=r,
        rcpt=rcpt,
        when=when,
        headers=headers,
        body=body,
        from_domain=from_domain,
        top=top,
    )


def _person_to(rng: random.Random, exclude: tuple[str, ...] = ()) -> tuple[tuple[str, str, str], str]:
    p = staff(rng, exclude)
    return p, addr(f"{p[0]} {p[1]}", email_of(p[0], p[1]))


def saas_slack(rng: random.Random, when: dt.datetime) -> bytes:
    me, to = _person_to(rng)
    other = staff(rng, (me[0],))
    chan = rng.choice(
        [
            "#2214-brunswick",
            "#studio",
            "#design-tech",
            "#lygon-st",
            "#random",
            "#ringwood-fitout",
        ]
    )
    snippet = rng.choice(
        [
            "can someone check the door schedule before it goes out?",
            "coffee order going in 5, who's in",
            "updated Dynamo script is on the P drive, shout if it breaks",
            "builder wants the revised stair drawings by tomorrow",
            "anyone know where the Tarkett samples went?",
        ]
    )
    url = (
        f"https://hallorankaye.slack.com/archives/C0{rand(rng, 9, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}"
        f"/p{int(when.timestamp())}{rng.randint(100000, 999999)}"
    )
    if rng.random() < 0.5:
        subj = f"[Slack] New message from {other[0]} {other[1]} in {chan}"
    else:
        subj = "[Slack] Notifications from the Halloran Kaye Architects workspace"
    plain = (
        f"You have a new mention in Halloran Kaye Architects ({chan}):\n\n{other[0]} {other[1]}\n"
        f"@{me[0].lower()} {snippet}\n\nView in Slack: {url}\n\n"
        "You can change how often Slack sends these emails in your preferences: "
        "https://hallorankaye.slack.com/account/notifications\n\nSlack Technologies, LLC, 500 Howard Street, "
        "San Francisco, CA 94105\n"
    )
    html = card_html(
        f"New message in {chan}",
        [f"<b>{other[0]} {other[1]}</b>", f"@{me[0].lower()} {html_escape(snippet)}"],
        ("Open in Slack", url),
        "Slack Technologies, LLC, 500 Howard Street, San Francisco, CA 94105. "
        '<a href="https://hallorankaye.slack.com/account/notifications">Notification preferences</a>',
        "#4a154b",
    )
    route = ses(rng, when, "slack.com", bounce_domain="bounces.slack.com")
    return service(
        rng,
        when=when.astimezone(UTC),
        route=route,
        sender=("Slack", "notification@slack.com"),
        from_domain="slack.com",
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        extra=[
            ("X-Slack-Notification-Type", "mention"),
            ("Auto-Submitted", "auto-generated"),
        ],
    )


def sendgrid(
    rng: random.Random,
    when: dt.datetime,
    from_domain: str,
    em: str,
    *,
    policy: str = "reject",
    dmarc: str = "pass",
    rcpt: str = "",
) -> tuple[Route, list[str], str]:
    uid = rng.randint(10**6, 10**8)
    host = rng.choice(
        [
            f"o{rng.randint(1, 9)}.ptr{rng.randint(1000, 9999)}.{em}",
            f"{rand(rng, 8, 'abcdefghijklmnopqrstuvwxyz')}.outbound-mail.sendgrid.net",
        ]
    )
    ip = (
        f"{rng.choice(['149.72', '167.89', '168.245', '159.183'])}.{rng.randint(1, 250)}."
        f"{rng.randint(1, 250)}"
    )
    local = (rcpt or f"x@{DOMAIN}").replace("@", "=")
    mail_from = f"bounces+{uid}-{rand(rng, 4, HEX)}-{local}@{em}"
    route = Route(
        host,
        ip,
        mail_from,
        dkim=[(from_domain, "s1", "pass"), ("sendgrid.info", "smtpapi", "pass")],
        policy=policy,
        dmarc=dmarc,
    )
    return (
        route,
        [],
        f"<{rand(rng, 22, ALNUM + '-_')}@geopod-ismtpd-{rng.randint(1, 40)}>",
    )


def saas_asana(rng: random.Random, when: dt.datetime) -> bytes:
    me, to = _person_to(rng)
    other = staff(rng, (me[0],))
    job, project, _ = rng.choice(PROJECTS)
    task = rng.choice(
        [
            "Issue DD set to QS",
            "Joinery shop drawing review",
            "Section J report - chase consultant",
            "Update door hardware schedule",
            "Prepare town planning response",
            "Book photographer",
        ]
    )
    tid = f"https://app.asana.com/0/{rng.randint(10**15, 10**16)}/{rng.randint(10**15, 10**16)}"
    kind = rng.randrange(3)
    if kind == 0:
        subj = f"Task assigned to you: {task}"
        line = f"{other[0]} {other[1]} assigned you a task in {job} {project}."
    elif kind == 1:
        subj = f"{other[0]} completed \u201c{task}\u201d"
        line = f"{other[0]} {other[1]} marked a task complete in {job} {project}."
    else:
        subj = f"{other[0]} {other[1]} commented on {task}"
        line = f"{other[0]}: \u201c{rng.choice(_PICK7)}\u201d"
    plain = (
        f"{line}\n\n{task}\nDue {rng.choice(['Today', 'Tomorrow', 'Fri'])}\n\nView task: "
        f"{tid}\n\nAsana, Inc. 633 Folsom St, San Francisco, CA 94107\n"
    )
    html = card_html(
        task,
        [html_escape(line)],
        ("View task", tid),
        "Asana, Inc. 633 Folsom St, San Francisco, CA 94107 &middot; <a "
        'href="https://app.asana.com/-/account_settings">Notification settings</a>',
        "#f06a6a",
    )
    route = sendgrid(rng, when, "asana.com", "mail.asana.com", rcpt=to.split("<")[-1].rstrip(">"))
    return service(
        rng,
        when=when.astimezone(UTC),
        route=route,
        sender=(f"{other[0]} {other[1]} (Asana)", "no-reply@asana.com"),
        from_domain="asana.com",
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        extra=[
            ("Reply-To", f"reply+{rand(rng, 40, HEX)}@reply.asana.com"),
            ("X-Asana-Event", "story"),
        ],
    )


def saas_jira(rng: random.Random, when: dt.datetime) -> bytes:
    _who, to = _person_to(rng)
    n = rng.randint(1200, 1999)
    issue = rng.choice(
        [
            "Plotter printhead error",
            "VPN not connecting from home",
            "New starter laptop setup",
            "Revit 2025 licence not activating",
            "Shared mailbox permissions for accounts@",
            "Teams Room display flickering",
        ]
    )
    status = rng.choice(["Waiting for customer", "In progress", "Resolved", "Waiting for support"])
    url = f"https://northsideit.atlassian.net/servicedesk/customer/portal/3/NIT-{n}"
    subj = f"NIT-{n} {issue}"
    plain = (
        f"Reply above this line.\n\nJosh Whitfield commented:\n\n"
        f"{rng.choice(_PICK8)}\n\n"
        f"Status: {status}\n\nView request: {url}\nTurn off this request's notifications\n\n"
        "This is shared with Halloran Kaye Architects.\nPowered by Jira Service Management\n"
    )
    html = card_html(
        f"NIT-{n} {issue}",
        [
            "Josh Whitfield commented:",
            html_escape(plain.split("\n")[4]),
            f"Status: {status}",
        ],
        ("View request", url),
        "Powered by Jira Service Management",
        "#0052cc",
    )
    route = ses(rng, when, "northsideit.atlassian.net", bounce_domain="bounce.atlassian.net")
    route[0].dkim = [("atlassian.net", "jira", "pass"), *route[0].dkim[1:]]
    return service(
        rng,
        when=when.astimezone(UTC),
        route=route,
        sender=("Northside IT Service Desk", "jira@northsideit.atlassian.net"),
        from_domain="northsideit.atlassian.net",
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        msgid=f"<JIRA.{rng.randint(10**5, 10**6)}.{int(when.timestamp())}000@Atlassian.JIRA>",
        extra=[("Auto-Submitted", "auto-generated"), ("X-JSD-Notification", "comment")],
    )


def saas_github(rng: random.Random, when: dt.datetime) -> bytes:
    to_p = ("Lachlan", "Ferguson", "Design Technology Lead") if rng.random() < 0.7 else staff(rng)
    to = addr(f"{to_p[0]} {to_p[1]}", email_of(to_p[0], to_p[1]))
    repo = rng.choice(
        [
            "hallorankaye/gh-facade-tools",
            "hallorankaye/revit-addins",
            "hallorankaye/dynamo-scripts",
        ]
    )
    n = rng.randint(3, 140)
    author = rng.choice(["mia-chen-hka", "oliverstavros", "dependabot[bot]", "jwilliams-arch"])
    if author == "dependabot[bot]":
        title = f"Bump {rng.choice(['Newtonsoft.Json', 'numpy', 'requests'])} from 13.0.1 to 13.0.3"
    else:
        title = rng.choice(
            [
                "Fix panel numbering on curved walls",
                "Add room data sheet export",
                "Handle linked models in sheet renamer",
                "Update README for Revit 2025",
            ]
        )
    url = f"https://github.com/{repo}/pull/{n}"
    plain = (
        f"{rng.choice(['You can view, comment on, or merge this pull request online at:', ''])}\n\n  "
        f"{url}\n\n"
        f"-- Commit Summary --\n\n  * {title}\n\n-- File Changes --\n\n    M "
        f"src/{rng.choice(['Panels.cs', 'export.py', 'Renamer.cs'])} "
        f"({rng.randint(2, 80)})\n\n-- Patch Links --\n\n{url}.patch\n{url}.diff\n\n-- \n"
        f"Reply to this email directly, view it on GitHub:\n{url}\n"
        "You are receiving this because your review was requested.\n"
    )
    html = (
        f"<p></p>\n<p>{html_escape(title)}</p>\n<hr>\n<h4>Commit "
        f"Summary</h4>\n<ul>\n<li>{html_escape(title)}</li>\n</ul>\n"
        f'<p style="font-size:small;color:#666">&mdash;<br>Reply to this email directly, '
        f'<a href="{url}">view it on GitHub</a>, or <a '
        'href="https://github.com/notifications/unsubscribe-auth/'
        f'{rand(rng, 26, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}">unsubscribe</a>.<br>You are receiving this '
        "because your review was requested."
        "</p>\n"
    )
    r = Route(
        f"out-{rng.randint(18, 28)}.smtp.github.com",
        f"192.30.252.{rng.randint(192, 215)}",
        "noreply@github.com",
        dkim=[("github.com", "pf2023", "pass")],
        policy="reject",
    )
    list_id = f"{repo.split('/')[1]}.{repo.split('/')[0]}.github.com"
    return service(
        rng,
        when=when.astimezone(UTC),
        route=(r, [], ""),
        sender=(author, "notifications@github.com"),
        from_domain="github.com",
        to=f"{repo.split('/')[0]}/{repo.split('/')[1]} <{repo.split('/')[1]}@noreply.github.com>",
        subject=f"[{repo}] {title} (PR #{n})",
        plain=plain,
        html=html,
        msgid=f"<{repo}/pull/{n}@github.com>",
        cte="7bit",
        rcpt=email_of(to_p[0], to_p[1]),
        extra=[
            ("Cc", to + ", Review requested <review_requested@noreply.github.com>"),
            (
                "Reply-To",
                f"{repo} <reply+{rand(rng, 60, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}@reply.github.com>",
            ),
            ("List-ID", f"{repo} <{list_id}>"),
            ("List-Archive", f"https://github.com/{repo}"),
            (
                "List-Unsubscribe",
                f"<mailto:unsub+{rand(rng, 40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}@reply.github.com>, "
                "<https://github.com/notifications/unsubscribe/"
                f"{rand(rng, 40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}>",
            ),
            ("X-GitHub-Reason", "review_requested"),
            ("X-GitHub-Sender", author),
            ("X-GitHub-Recipient", to_p[0].lower() + "-hka"),
            ("Precedence", "list"),
            ("X-Auto-Response-Suppress", "All"),
        ],
    )


def google_service(rng: random.Random, when: dt.datetime, bounce: str) -> tuple[Route, list[str], str]:
    fnum = rng.randint(69, 201)
    host = f"mail-{rng.choice(['sor', 'pl1', 'yb1'])}-f{fnum}.google.com"
    r = Route(
        host,
        f"209.85.220.{fnum}",
        f"{rand(rng, 30, ALNUM)}@{bounce}",
        dkim=[("google.com", "20230601", "pass")],
        policy="reject",
    )
    return r, [], f"<{rand(rng, 22, ALNUM + '-_')}-0@google.com>"


def saas_google(rng: random.Random, when: dt.datetime) -> bytes:
    _who, to = _person_to(rng)
    who, whoaddr = rng.choice(
        [
            ("James Holloway", "james@hollowayestate.com.au"),
            ("Megan Tallis", "megan@tallisqs.com.au"),
            ("Ruby Ashton", "ruby@fernandfield.com.au"),
            ("Joanne Pike", "practicemanager@ringwoodfamilymedical.com.au"),
        ]
    )
    app = rng.choice(["Google Docs", "Google Sheets", "Google Drive"])
    item = rng.choice(
        [
            "Cellar door - planting schedule",
            "Cost plan C working",
            "Fitout wishlist",
            "Opening event run sheet",
            "Site photos March",
        ]
    )
    did = rand(rng, 44, ALNUM + "-_")
    url = (
        f"https://docs.google.com/{'spreadsheets' if 'Sheets' in app else 'document'}/d/{did}/edit?usp=s"
        f"haring_eil_se_dm&ts={rand(rng, 24, HEX)}"
    )
    if app == "Google Drive":
        url = f"https://drive.google.com/drive/folders/{did}?usp=sharing_eil_se_dm&ts={rand(rng, 24, HEX)}"
    subj = f'{"Folder" if app == "Google Drive" else "Document"} shared with you: "{item}"'
    plain = (
        f"{who} ({whoaddr}) has invited you to {'edit' if rng.random() < 0.6 else 'view'} the following "
        f"{'folder' if app == 'Google Drive' else 'document'}:\n\n{item}\n{url}\n\n"
        "Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA\n"
        f"You have received this email because {whoaddr} shared a document with you from {app}.\n"
    )
    html = card_html(
        item,
        [f"{html_escape(who)} ({whoaddr}) has invited you to edit the following document"],
        ("Open", url),
        "Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
        "#1a73e8",
    )
    return service(
        rng,
        when=when.astimezone(UTC),
        route=google_service(rng, when, "doclist.bounces.google.com"),
        sender=(f"{who} (via {app})", "drive-shares-dm-noreply@google.com"),
        from_domain="google.com",
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        extra=[("Reply-To", addr(who, whoaddr))],
    )


def saas_microsoft(rng: random.Random, when: dt.datetime) -> bytes:
    me, to = _person_to(rng)
    other = staff(rng, (me[0],))
    kind = rng.randrange(4)
    if kind == 0:
        sender, dom = (
            ("Microsoft Teams", "noreply@email.teams.microsoft.com"),
            "email.teams.microsoft.com",
        )
        n = rng.randint(2, 9)
        subj = (
            f"You have {n} new messages in Teams"
            if rng.random() < 0.5
            else f"{other[0]} {other[1]} sent you a message"
        )
        url = (
            "https://teams.microsoft.com/l/message/19:"
            + rand(rng, 32, HEX)
            + "@thread.v2/"
            + str(rng.randint(10**12, 10**13))
        )
        plain = (
            f'{other[0]} {other[1]} sent a message in a chat\n\n"'
            f'{rng.choice(["Are you free for 5 mins?", "Sent you the file", "Call me when you can"])}"\n\n'
            f"Reply in Teams: {url}\n\nMicrosoft Corporation, One Microsoft Way, Redmond, WA 98052\n"
        )
        html = card_html(
            "Your teammates are trying to reach you",
            [f"{other[0]} {other[1]} sent a message"],
            ("Reply in Teams", url),
            "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 &middot; <a "
            'href="https://go.microsoft.com/fwlink/?LinkId=521839">Privacy Statement</a>',
            "#5b5fc7",
        )
    elif kind == 1:
        sender, dom = (
            (
                f"{other[0]} {other[1]} (via SharePoint Online)",
                "no-reply@sharepointonline.com",
            ),
            "sharepointonline.com",
        )
        item = rng.choice(
            [
                "Tender documents",
                "Photos - completed works",
                "Client presentation.pptx",
                "Resourcing 2025.xlsx",
            ]
        )
        subj = f'{other[0]} {other[1]} shared "{item}" with you'
        url = (
            f"https://hallorankaye.sharepoint.com/:f:/s/Projects/{rand(rng, 42, ALNUM + '-_')}?e="
            f"{rand(rng, 6)}"
        )
        plain = (
            f"{other[0]} {other[1]} shared a file with you\n\n{item}\n\nOpen: {url}\n\nThis link only "
            "works for the direct recipients of this message.\n\nMicrosoft respects your privacy. "
            "Privacy Statement: https://go.microsoft.com/fwlink/?LinkId=521839\nMicrosoft Corporation, "
            "One Microsoft Way, Redmond, WA 98052\n"
        )
        html = card_html(
            f"{other[0]} {other[1]} shared a file with you",
            [html_escape(item)],
            ("Open", url),
            "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052",
            "#0078d4",
        )
    elif kind == 2:
        sender, dom = (
            ("Microsoft 365 Message center", "o365mc@microsoft.com"),
            "microsoft.com",
        )
        mc = rng.randint(900000, 1099999)
        subj = f"Message center major update notification: (Updated) {rng.choice(_PICK9)}"
        url = f"https://admin.microsoft.com/AdminPortal/home#/MessageCenter/:/messages/MC{mc}"
        plain = (
            f"Major update from Message center\n\nMC{mc}\nAct by: {rng.randint(1, 28)} "
            f"{rng.choice(['March', 'July', 'October'])} 2025\n\nView this message in the Microsoft 365 "
            f"admin center: {url}\n\nYou're subscribed to this email using {email_of(me[0], me[1])}. To "
            "unsubscribe, go to the Message center preferences.\nMicrosoft Corporation, One Microsoft "
            "Way, Redmond, WA 98052 USA\n"
        )
        html = card_html(
            f"MC{mc}",
            [
                "Major update from Message center",
                "Review the change and take action by the date given.",
            ],
            ("View in Message center", url),
            "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA",
            "#0078d4",
        )
        to = addr("Fiona Halloran", email_of("Fiona", "Halloran"))
    else:
        sender, dom = ("Microsoft", "microsoft-noreply@microsoft.com"), "microsoft.com"
        inv = f"G0{rng.randint(10**7, 10**8)}"
        subj = f"Your Microsoft invoice {inv} is ready"
        url = "https://admin.microsoft.com/Adminportal/Home#/BillingAccounts/bills"
        plain = (
            "Your invoice is ready\n\nBilling account: Halloran Kaye Architects\nInvoice number: "
            f"{inv}\nAmount: AUD {rng.randint(1800, 2600)}.{rng.randint(10, 99)}\n\nView your invoice in "
            f"the Microsoft 365 admin center: {url}\n\nMicrosoft Corporation, One Microsoft Way, Redmond, "
            "WA 98052 USA\n"
        )
        html = card_html(
            "Your invoice is ready",
            [f"Invoice number: {inv}", "Billing account: Halloran Kaye Architects"],
            ("View invoice", url),
            "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA",
            "#0078d4",
        )
        to = addr("Karen Doyle", email_of("Karen", "Doyle"))
    route, top, mid = m365(rng, when, sender[1], region="namprd04", policy="reject")
    return service(
        rng,
        when=when.astimezone(UTC),
        route=(route, top, mid),
        sender=sender,
        from_domain=dom,
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        extra=[("X-MS-Exchange-Organization-AuthAs", "Anonymous")],
    )


def saas_xero(rng: random.Random, when: dt.datetime) -> bytes:
    vendor, vaddr = rng.choice(
        [
            ("Fern & Field Landscape", "ruby@fernandfield.com.au"),
            ("Maquette Studio", "theo@maquettestudio.com.au"),
            ("Tess Kinsella Photography", "tess@tesskinsella.com"),
            ("Bean Counter Coffee Co", "orders@beancountercoffee.com.au"),
            ("Sparkle Commercial Cleaning", "accounts@sparklecommercial.com.au"),
        ]
    )
    n = rng.randint(100, 4999)
    amount = rng.uniform(90, 9000)
    due = (when + dt.timedelta(days=rng.choice([7, 14, 30]))).strftime("%d %b %Y")
    url = f"https://in.xero.com/{rand(rng, 40, ALNUM)}"
    kind = rng.randrange(5)
    if kind < 4:
        subj = f"Invoice INV-{n:04d} from {vendor} for Halloran Kaye Architects"
        plain = (
            f"Hi Accounts,\n\nHere's invoice INV-{n:04d} for AUD {amount:,.2f}.\n\nThe amount outstanding of "
            f"AUD {amount:,.2f} is due on {due}.\n\nView your bill online: {url}\n\nFrom your online bill "
            "you can print "
            "a PDF, export a CSV, or create a free login and view your outstanding bills.\n\nIf you have "
            "any questions, "
            f"please let us know.\n\nThanks,\n{vendor}\n"
        )
        html = card_html(
            f"Invoice INV-{n:04d}",
            [
                "Hi Accounts,",
                f"Here's invoice INV-{n:04d} for AUD {amount:,.2f}.",
                f"The amount outstanding of AUD {amount:,.2f} is due on {due}.",
            ],
            ("View bill", url),
            f"Thanks, {html_escape(vendor)}",
            "#13b5ea",
        )
        files = [
            (
                pdf(
                    [vendor, "TAX INVOICE", f"INV-{n:04d}", f"Total AUD {amount:,.2f}"],
                    f"Invoice INV-{n:04d}",
                    "Xero",
                ),
                "application/pdf",
                f"Invoice INV-{n:04d}.pdf",
            )
        ]
        sender = (vendor, "messaging-service@post.xero.com")
        extra = [("Reply-To", addr(vendor, vaddr))]
        to = addr("Accounts", f"accounts@{DOMAIN}")
    else:
        subj = "Your Xero subscription invoice"
        plain = (
            "Hi Karen,\n\nYour Xero invoice for Halloran Kaye Architects is now available. AUD "
            f"{rng.randint(100, 300)}.00 will be charged to your card ending "
            f"{rng.randint(1000, 9999)}.\n\nView invoice: https://go.xero.com/Settings/Subscription/Billin"
            "g\n\nXero Australia Pty Ltd, 1/6 Elizabeth Street, Hawthorn VIC 3122\n"
        )
        html = card_html(
            "Your invoice is available",
            ["Your Xero invoice for Halloran Kaye Architects is now available."],
            ("View invoice", "https://go.xero.com/Settings/Subscription/Billing"),
            "Xero Australia Pty Ltd, 1/6 Elizabeth Street, Hawthorn VIC 3122",
            "#13b5ea",
        )
        files, sender, extra = None, ("Xero", "billing@xero.com"), []
        to = addr("Karen Doyle", email_of("Karen", "Doyle"))
    dom = sender[1].split("@")[1]
    route = ses(rng, when, dom, bounce_domain="bounce.post.xero.com", region="ap-southeast-2")
    return service(
        rng,
        when=when.astimezone(UTC),
        route=route,
        sender=sender,
        from_domain=dom,
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        files=files,
        extra=extra,
    )


def saas_quickbooks(rng: random.Random, when: dt.datetime) -> bytes:
    vendor = rng.choice(["Chroma Acoustic Panels LLC", "Fieldstone Lighting Inc."])
    n = rng.randint(1000, 1999)
    amount = rng.uniform(800, 6000)
    url = (
        f"https://connect.intuit.com/portal/app/CommerceNetwork/view/scs-v1-{rand(rng, 64, HEX)}?locale=EN_US"
    )
    subj = f"Invoice {n} from {vendor}"
    plain = (
        f"Dear Halloran Kaye Architects,\n\nHere's your invoice! We appreciate your prompt payment.\n\n"
        f"Invoice {n}\nBalance due: US${amount:,.2f}\n\nReview and pay: {url}\n\nThanks for your "
        f"business!\n{vendor}\n\n"
        "Intuit Inc. 2700 Coast Avenue, Mountain View, CA 94043\n"
    )
    html = card_html(
        f"Invoice {n}",
        [
            "Here's your invoice! We appreciate your prompt payment.",
            f"Balance due US${amount:,.2f}",
        ],
        ("Review and pay", url),
        "&copy; Intuit Inc. All rights reserved. 2700 Coast Avenue, Mountain View, CA 94043",
        "#2ca01c",
    )
    r = Route(
        f"mail{rng.randint(10, 60)}.notification.intuit.com",
        f"206.108.40.{rng.randint(2, 250)}",
        f"bounce-{rand(rng, 16, HEX)}@notification.intuit.com",
        dkim=[("notification.intuit.com", "s1", "pass")],
    )
    files = [
        (
            pdf(
                [vendor, f"INVOICE {n}", f"BALANCE DUE US${amount:,.2f}"],
                f"Invoice {n}",
                "QuickBooks",
            ),
            "application/pdf",
            f"Invoice_{n}_from_{vendor.split()[0]}.pdf",
        )
    ]
    return service(
        rng,
        when=when.astimezone(US_PACIFIC),
        route=(r, [], f"<{uuid(rng)}@notification.intuit.com>"),
        sender=(vendor, "quickbooks@notification.intuit.com"),
        from_domain="notification.intuit.com",
        to=addr("Accounts", f"accounts@{DOMAIN}"),
        subject=subj,
        plain=plain,
        html=html,
        files=files,
        extra=[
            (
                "Reply-To",
                f"billing@{vendor.split()[0].lower()}{rng.choice(['panels', 'lighting'])}.com",
            )
        ],
    )


def saas_docusign(rng: random.Random, when: dt.datetime) -> bytes:
    who, org = rng.choice(
        [
            ("Daniel Kostas", "Merri Creek Developments"),
            ("Hamish Grant", "Stockade Partners"),
            ("Rebecca Tran", "Victorian School Building Authority"),
            ("Phil Gardiner", "Gardiner Insurance Brokers"),
        ]
    )
    p = rng.choice([("Fiona", "Halloran", "Director"), ("Marcus", "Kaye", "Director")])
    to = addr(f"{p[0]} {p[1]}", email_of(p[0], p[1]))
    doc = rng.choice(
        [
            "HKA Consultancy Agreement",
            "Variation 03 - additional services",
            "Deed of Novation",
            "Confidentiality Deed",
            "PI Renewal Declaration",
        ]
    )
    pod = rng.choice(["NA3", "NA4", "AU"])
    host = "au.docusign.net" if pod == "AU" else f"{pod.lower()}.docusign.net"
    url = f"https://{host}/Signing/EmailStart.aspx?a={uuid(rng)}&etti=24&acct={uuid(rng)}&er={uuid(rng)}"
    done = rng.random() < 0.35
    subj = f"{'Completed' if done else 'Complete with Docusign'}: {doc}.pdf"
    if done:
        plain = (
            f"All parties have completed {doc}.pdf.\n\nView the completed document: {url}\n\nPowered "
            "by Docusign\n"
        )
        paras = [f"All parties have completed {html_escape(doc)}.pdf."]
    else:
        plain = (
            f"{who} sent you a document to review and sign.\n\n{who}\n{org}\n\nPlease DocuSign: {doc}.pdf\n\n"
            f"REVIEW DOCUMENT: {url}\n\nDo Not Share This Email\nThis email contains a secure link to "
            "Docusign. Please do "
            "not share this email, link, or access code with others.\n\nAbout Docusign\nSign documents "
            "electronically in "
            "just minutes. It's safe, secure, and legally binding.\n"
        )
        paras = [
            f"{html_escape(who)} sent you a document to review and sign.",
            "Do Not Share This Email",
        ]
    html = card_html(
        doc,
        paras,
        ("REVIEW DOCUMENT" if not done else "VIEW COMPLETED DOCUMENT", url),
        "Powered by Docusign. This message was sent to you by "
        + html_escape(who)
        + " who is using the Docusign Electronic Signature Service.",
        "#ffc820",
    )
    files = (
        [
            (
                pdf(
                    [
                        doc,
                        "Certificate of Completion",
                        "Envelope Id: " + uuid(rng).upper(),
                    ],
                    doc,
                    "Docusign",
                ),
                "application/pdf",
                f"{doc}.pdf",
            )
        ]
        if done
        else None
    )
    r = Route(
        f"mail{pod.lower()}.docusign.net",
        f"64.207.219.{rng.randint(2, 250)}",
        f"dse_{pod}@docusign.net",
        dkim=[("docusign.net", "s1", "pass")],
        policy="reject",
    )
    return service(
        rng,
        when=when.astimezone(UTC),
        route=(r, [], f"<{rand(rng, 32, HEX)}@docusign.net>"),
        sender=(f"{who} via Docusign", f"dse_{pod}@docusign.net"),
        from_domain="docusign.net",
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        files=files,
        extra=[
            (
                "Reply-To",
                f"{who} <{who.split()[0].lower()}@example.invalid>".replace(
                    "example.invalid",
                    {
                        "Daniel Kostas": "merricreekdev.com.au",
                        "Hamish Grant": "stockadepartners.com.au",
                        "Rebecca Tran": "education.vic.gov.au",
                        "Phil Gardiner": "gardinerbrokers.com.au",
                    }[who],
                ),
            )
        ],
    )


def saas_dropbox(rng: random.Random, when: dt.datetime) -> bytes:
    _who, to = _person_to(rng)
    who = rng.choice(["Hamish Grant", "Tess Kinsella", "Theo Lambert", "Nikos Brandt"])
    item = rng.choice(
        [
            "Survey - Yarraville",
            "HKA Ringwood final edits",
            "Model photos",
            "Geotech report",
        ]
    )
    url = (
        f"https://www.dropbox.com/scl/fo/{rand(rng, 25, 'abcdefghijklmnopqrstuvwxyz0123456789')}/"
        f"{rand(rng, 20, ALNUM)}?rlkey={rand(rng, 25, 'abcdefghijklmnopqrstuvwxyz0123456789')}&e=1&dl=0"
    )
    kind = rng.randrange(3)
    if kind == 0:
        subj = f'{who} shared "{item}" with you'
        sender = (f"{who} (via Dropbox)", "no-reply@dropbox.com")
        plain = (
            f"{who} shared a folder with you.\n\n{item}\n\nGo to folder: {url}\n\nEnjoy!\nThe Dropbox team\n"
        )
        html = card_html(
            f'{who} shared "{item}" with you',
            [f"{html_escape(who)} invited you to view the folder."],
            ("Go to folder", url),
            "&copy; 2025 Dropbox, 1800 Owens St, San Francisco, CA 94158",
            "#0061fe",
        )
    elif kind == 1:
        subj = f"{who} sent you files with Dropbox Transfer"
        sender = ("Dropbox", "no-reply@dropbox.com")
        plain = (
            f"{who} sent you {rng.randint(3, 140)} files ({rng.randint(20, 900)} MB).\n\nView files: "
            f"https://www.dropbox.com/t/{rand(rng, 16)}\n\nThis transfer expires in 7 days.\n"
        )
        html = card_html(
            "You've got files",
            [f"{html_escape(who)} sent you files with Dropbox Transfer."],
            ("View files", f"https://www.dropbox.com/t/{rand(rng, 16)}"),
            "Dropbox, 1800 Owens St, San Francisco, CA 94158",
            "#0061fe",
        )
    else:
        subj = "Your Dropbox is almost full"
        sender = ("Dropbox", "no-reply@dropbox.com")
        plain = (
            "Your Dropbox is 90% full. Once it is full your files will stop syncing.\n\nUpgrade: "
            "https://www.dropbox.com/plans\n"
        )
        html = card_html(
            "Your Dropbox is almost full",
            ["Your files will stop syncing when you run out of space."],
            ("See plans", "https://www.dropbox.com/plans"),
            "Dropbox, 1800 Owens St, San Francisco, CA 94158",
            "#0061fe",
        )
    r = Route(
        f"mail-{rng.randint(10, 99)}.dropboxmail.com",
        f"162.125.{rng.choice([17, 18, 19])}.{rng.randint(2, 250)}",
        f"bounces+{rand(rng, 20, HEX)}@dropboxmail.com",
        dkim=[("dropbox.com", "20230201", "pass")],
    )
    return service(
        rng,
        when=when.astimezone(UTC),
        route=(r, [], f"<{rand(rng, 30, HEX)}@dropbox.com>"),
        sender=sender,
        from_domain="dropbox.com",
        to=to,
        subject=subj,
        plain=plain,
        html=html,
    )


def saas_other(rng: random.Random, when: dt.datetime) -> bytes:
    me, to = _person_to(rng)
    kind = rng.randrange(5)
    if kind == 0:
        topic = rng.choice(
            [
                "HKA / Merri Creek design review",
                "Ringwood fitout - client walkthrough",
                "Studio meeting",
            ]
        )
        url = f"https://us06web.zoom.us/rec/share/{rand(rng, 60, ALNUM + '-_')}"
        subj, sender, dom = (
            f"Cloud Recording - {topic} is now available",
            ("Zoom", "no-reply@zoom.us"),
            "zoom.us",
        )
        plain = (
            f"Hi {me[0]},\n\nYour cloud recording is now available.\n\nTopic: {topic}\nShare "
            f"recording with viewers:\n{url}\n\nThank you for choosing Zoom.\n-The Zoom Team\n"
        )
        html = card_html(
            "Your cloud recording is now available",
            [f"Topic: {html_escape(topic)}"],
            ("Share recording", url),
            "Zoom Communications, Inc. 55 Almaden Blvd, San Jose, CA 95113",
            "#0b5cff",
        )
        r = sendgrid(rng, when, "zoom.us", "em.zoom.us")
    elif kind == 1:
        sid = f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}"
        subj, sender, dom = (
            f"You have been invited to Studio Session {sid}",
            ("Bluebeam Studio", "no-reply@bluebeam.com"),
            "bluebeam.com",
        )
        url = f"https://studio.bluebeam.com/session/join?id={sid}&region=au"
        plain = (
            f'Nikos Brandt has invited you to join the Studio Session {sid} "SK markups - L1 '
            f'framing".\n\nJoin: {url}\n\nBluebeam, Inc. 443 S. Raymond Ave, Pasadena, CA 91105\n'
        )
        html = card_html(
            f"Studio Session {sid}",
            ["Nikos Brandt has invited you to join a Studio Session."],
            ("Join Session", url),
            "Bluebeam, Inc. 443 S. Raymond Ave, Pasadena, CA 91105",
            "#0077c8",
        )
        r = ses(rng, when, "bluebeam.com")
    elif kind == 2:
        design = rng.choice(
            [
                "HKA Instagram - Fitzroy Library",
                "Award night invitation",
                "Capability statement 2025",
            ]
        )
        url = (
            f"https://www.canva.com/design/DAG{rand(rng, 8)}/{rand(rng, 22, ALNUM + '-_')}/edit?utm_cont"
            "ent=DAG&utm_campaign=designshare&utm_medium=link2&utm_source=sharebutton"
        )
        subj, sender, dom = (
            f'Zoë Papadopoulos shared "{design}" with you',
            ("Canva", "no-reply@canva.com"),
            "canva.com",
        )
        plain = (
            f'Zoë Papadopoulos invited you to edit the design "{design}".\n\nOpen design: '
            f"{url}\n\nCanva Pty Ltd, 110 Kippax Street, Surry Hills NSW 2010\n"
        )
        html = card_html(
            design,
            ["Zoë Papadopoulos invited you to edit a design."],
            ("Edit design", url),
            "Canva Pty Ltd, 110 Kippax Street, Surry Hills NSW 2010, Australia",
            "#8b3dff",
        )
        r = ses(
            rng,
            when,
            "canva.com",
            bounce_domain="mail.canva.com",
            region="ap-southeast-2",
        )
    elif kind == 3:
        subj, sender, dom = (
            "Your Adobe invoice",
            ("Adobe", "mail@mail.adobe.com"),
            "mail.adobe.com",
        )
        plain = (
            f"Thank you for your payment.\n\nInvoice number: AU{rng.randint(10**9, 10**10)}\nPlan: "
            "Adobe Creative Cloud Pro for teams (4 licences)\nView invoice: "
            "https://account.adobe.com/orders/billing-history\n\nAdobe Systems Pty Ltd, Level 27, 1 "
            "Farrer Place, Sydney NSW 2000\n"
        )
        html = card_html(
            "Thanks for your payment",
            ["Creative Cloud Pro for teams (4 licences)"],
            ("View invoice", "https://account.adobe.com/orders/billing-history"),
            "Adobe Systems Pty Ltd, Level 27, 1 Farrer Place, Sydney NSW 2000",
            "#eb1000",
        )
        r = plain_route(
            rng,
            when,
            f"mail{rng.randint(1, 40)}.mail.adobe.com",
            f"130.248.{rng.randint(150, 190)}.{rng.randint(2, 250)}",
            f"bounce-{rand(rng, 12, HEX)}@mail.adobe.com",
            [("mail.adobe.com", "mkt"), ("adobe.com", "s1")],
            msgid_domain="mail.adobe.com",
        )
        to = addr("Karen Doyle", email_of("Karen", "Doyle"))
    else:
        subj, sender, dom = (
            "Your Autodesk subscription renews in 30 days",
            ("Autodesk", "autodesk@autodeskcommunications.com"),
            "autodeskcommunications.com",
        )
        plain = (
            "Hi Lachlan,\n\nYour AEC Collection subscription (12 seats) renews automatically in 30 "
            "days through your reseller, Baseline CAD.\n\nManage your subscriptions: "
            "https://manage.autodesk.com/billing/subscriptions-contracts\n\nAutodesk, Inc., One Market "
            "Street, Ste. 400, San Francisco, CA 94105\n"
        )
        html = card_html(
            "Your subscription renews soon",
            ["AEC Collection, 12 seats"],
            (
                "Manage subscriptions",
                "https://manage.autodesk.com/billing/subscriptions-contracts",
            ),
            "Autodesk, Inc., One Market Street, Ste. 400, San Francisco, CA 94105",
            "#000000",
        )
        r = ses(rng, when, "autodeskcommunications.com")
        to = addr("Lachlan Ferguson", email_of("Lachlan", "Ferguson"))
    return service(
        rng,
        when=when.astimezone(UTC),
        route=r,
        sender=sender,
        from_domain=dom,
        to=to,
        subject=subj,
        plain=plain,
        html=html,
    )


SAAS: list[tuple[Callable[[random.Random, dt.datetime], bytes], int]] = [
    (saas_slack, 6),
    (saas_asana, 5),
    (saas_jira, 4),
    (saas_github, 4),
    (saas_google, 4),
    (saas_microsoft, 7),
    (saas_xero, 7),
    (saas_quickbooks, 2),
    (saas_docusign, 5),
    (saas_dropbox, 4),
    (saas_other, 7),
]


def ship(rng: random.Random, when: dt.datetime) -> bytes:
    _who, to = _person_to(rng, ("Fiona", "Marcus"))
    if rng.random() < 0.4:
        to = addr("Reception", f"reception@{DOMAIN}")
    carrier = rng.choice(
        ["auspost"] * 5 + ["startrack"] * 2 + ["dhl"] * 2 + ["fedex"] * 2 + ["ups"] * 2 + ["usps", "sendle"]
    )
    shipper = rng.choice(
        [
            "Officeworks",
            "Bunnings Trade",
            "Austral Bricks",
            "Laminex",
            "Dell Australia",
            "Koskela",
            "Maquette Studio",
            "Kvadrat Maharam",
            "Amazon AU",
            "JB Hi-Fi Business",
        ]
    )
    if carrier == "auspost":
        tn = (
            rand(rng, 3, "ABCDEFGHJKLMNPQRSTUVWXYZ")
            + str(rng.randint(10**9, 10**10))
            + rand(rng, 8, "0123456789")
        )
        url = f"https://auspost.com.au/mypost/track/details/{tn}"
        subj = rng.choice(
            [
                "Your parcel is on its way",
                "Your delivery is coming today",
                "Your parcel is ready to collect",
                f"Your parcel from {shipper} is on its way",
            ]
        )
        sender, dom = (
            ("Australia Post", "noreply@notifications.auspost.com.au"),
            "notifications.auspost.com.au",
        )
        route = ses(
            rng,
            when,
            dom,
            bounce_domain="bounce.notifications.auspost.com.au",
            region="ap-southeast-2",
        )
        foot = (
            "Australia Post acknowledges the Traditional Custodians of the land on which we operate. "
            "Australia Post, 111 Bourke Street, Melbourne VIC 3000"
        )
        colour = "#dc1928"
    elif carrier == "startrack":
        tn = rand(rng, 4, "ABCDEFGHJKLMNPQRSTUVWXYZ") + str(rng.randint(10**7, 10**8))
        url = f"https://startrack.com.au/track/details/{tn}"
        subj, sender, dom = (
            f"Your StarTrack delivery {tn} is on its way",
            ("StarTrack", "noreply@startrack.com.au"),
            "startrack.com.au",
        )
        route = ses(rng, when, dom, region="ap-southeast-2")
        foot, colour = (
            "StarTrack Express Pty Ltd, 111 Bourke Street, Melbourne VIC 3000",
            "#00833e",
        )
    elif carrier == "dhl":
        tn = str(rng.randint(10**9, 10**10))
        url = f"https://www.dhl.com/au-en/home/tracking/tracking-express.html?submit=1&tracking-id={tn}"
        subj, sender, dom = (
            f"DHL On Demand Delivery: Your shipment {tn} is on its way",
            ("DHL On Demand Delivery", "noreply.odd@dhl.com"),
            "dhl.com",
        )
        route = plain_route(
            rng,
            when,
            f"mailout{rng.randint(1, 9)}.dhl.com",
            f"165.72.200.{rng.randint(2, 250)}",
            "bounce@mailout.dhl.com",
            [("dhl.com", "dhl2020")],
            msgid_domain="dhl.com",
        )
        foot, colour = (
            "DHL Express (Australia) Pty Ltd. This is an automated message, please do not reply.",
            "#d40511",
        )
    elif carrier == "fedex":
        tn = f"{rng.randint(7000, 7999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
        url = (
            f"https://www.fedex.com/fedextrack/?trknbr={tn.replace(' ', '')}&trkqual=12029~"
            f"{tn.replace(' ', '')}~FDEG"
        )
        subj, sender, dom = (
            f"FedEx Shipment {tn.replace(' ', '')}: Your package is scheduled for delivery",
            ("FedEx", "TrackingUpdates@fedex.com"),
            "fedex.com",
        )
        route = plain_route(
            rng,
            when,
            f"mx{rng.randint(1, 9)}.fedex.com",
            f"199.81.{rng.randint(64, 90)}.{rng.randint(2, 250)}",
            "TrackingUpdates@fedex.com",
            [("fedex.com", "s2048")],
            msgid_domain="fedex.com",
        )
        foot, colour = (
            "&copy; FedEx 1995-2025. FedEx Express Australia Pty Ltd, ABN 41 003 719 518",
            "#4d148c",
        )
    elif carrier == "ups":
        tn = "1Z" + rand(rng, 6, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ") + str(rng.randint(10**9, 10**10 - 1))
        url = f"https://www.ups.com/track?loc=en_AU&tracknum={tn}&requester=QUIC&tracking=true"
        subj, sender, dom = (
            "UPS Update: Package Scheduled for Delivery Tomorrow",
            ("UPS", "mcinfo@ups.com"),
            "ups.com",
        )
        route = plain_route(
            rng,
            when,
            f"mail{rng.randint(10, 40)}.ups.com",
            f"153.2.{rng.randint(10, 250)}.{rng.randint(2, 250)}",
            "bounces@bounces.ups.com",
            [("ups.com", "ups")],
            msgid_domain="ups.com",
        )
        foot, colour = (
            "&copy; 2025 United Parcel Service of America, Inc. UPS, the UPS brandmark and the color brown "
            "are trademarks of UPS.",
            "#351c15",
        )
    elif carrier == "usps":
        tn = "LX" + str(rng.randint(10**8, 10**9)) + "US"
        url = f"https://tools.usps.com/go/TrackConfirmAction?tLabels={tn}"
        subj, sender, dom = (
            f"USPS® Tracking Number: {tn} - Latest Update",
            ("USPS", "auto-reply@usps.com"),
            "usps.com",
        )
        route = plain_route(
            rng,
            when,
            f"mail{rng.randint(1, 9)}.usps.com",
            f"56.0.{rng.randint(80, 110)}.{rng.randint(2, 250)}",
            "auto-reply@usps.com",
            [("usps.com", "s1")],
            msgid_domain="usps.com",
        )
        foot, colour = (
            "USPS Tracking is a registered trademark. This is an automated email; please do not reply.",
            "#333366",
        )
        shipper = "Fieldstone Lighting Inc."
    else:
        tn = "S" + rand(rng, 6, "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        url = f"https://track.sendle.com/tracking?ref={tn}"
        subj, sender, dom = (
            f"Your Sendle parcel {tn} is out for delivery",
            ("Sendle", "hello@sendle.com"),
            "sendle.com",
        )
        route = sendgrid(rng, when, dom, "em.sendle.com")
        foot, colour = (
            "Sendle Pty Ltd, Level 2, 1 Smail Street, Ultimo NSW 2007",
            "#ff6e2d",
        )
    eta = (when + dt.timedelta(days=rng.randint(0, 4))).strftime("%A %d %B")
    plain = (
        f"{subj}\n\nFrom: {shipper}\nTracking number: {tn}\nEstimated delivery: {eta}\nDelivering to: "
        f"Halloran Kaye Architects, {ADDRESS}\n\nTrack your delivery: "
        f"{url}\n\n{foot.replace('&copy;', '(c)')}\n"
    )
    html = card_html(
        subj,
        [
            f"From: {html_escape(shipper)}",
            f"Tracking number: {tn}",
            f"Estimated delivery: {eta}",
            f"Delivering to: Halloran Kaye Architects, {html_escape(ADDRESS)}",
        ],
        ("Track delivery", url),
        foot,
        colour,
    )
    return service(
        rng,
        when=when.astimezone(UTC),
        route=route,
        sender=sender,
        from_domain=dom,
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        html_only=rng.random() < 0.3,
    )


# --------------------------------------------------------------------------------------------
# calendar invitations
# --------------------------------------------------------------------------------------------


def ics(
    rng: random.Random,
    *,
    summary: str,
    start: dt.datetime,
    minutes: int,
    organiser: tuple[str, str],
    attendees: list[tuple[str, str]],
    location: str,
    description: str,
    prodid: str,
    uid: str,
) -> str:
    def stamp(d: dt.datetime) -> str:
        return d.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    end = start + dt.timedelta(minutes=minutes)
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{prodid}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"DTSTART:{stamp(start)}",
        f"DTEND:{stamp(end)}",
        f"DTSTAMP:{stamp(start - dt.timedelta(days=3))}",
        f"ORGANIZER;CN={organiser[0]}:mailto:{organiser[1]}",
        f"UID:{uid}",
    ]
    for n, a in attendees:
        lines.append(
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={n}:mailt"
            f"o:{a}"
        )
    desc = description.replace("\n", "\\n").replace(",", "\\,")
    lines += [
        f"DESCRIPTION:{desc}",
        f"LOCATION:{location.replace(',', chr(92) + ',')}",
        "SEQUENCE:0",
        "STATUS:CONFIRMED",
        f"SUMMARY:{summary}",
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
    for line in lines:
        while len(line) > 74:
            out.append(line[:74])
            line = " " + line[74:]
        out.append(line)
    return "\r\n".join(out) + "\r\n"


def calendar_invite(rng: random.Random, when: dt.datetime) -> bytes:
    job, project, _client = rng.choice(PROJECTS)
    kind = rng.choice(["internal"] * 8 + ["google"] * 4 + ["external"] * 3)
    me = staff(rng)
    start = (when + dt.timedelta(days=rng.randint(1, 14))).replace(
        hour=rng.choice([9, 10, 11, 14, 15]), minute=rng.choice([0, 30]), second=0
    )
    if kind == "internal":
        org = staff(rng, (me[0],))
        organiser = (f"{org[0]} {org[1]}", email_of(org[0], org[1]))
        summary = rng.choice(
            [
                f"{job} design review",
                "Studio meeting",
                f"{project} - internal pre-meeting",
                "Resourcing",
                "Lunch & learn: Austral Bricks CPD",
                "Performance review",
                f"{job} QA check",
            ]
        )
        teams = (
            f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{rand(rng, 48, ALNUM)}%40thread.v"
            f"2/0?context=%7b%22Tid%22%3a%22{uuid(rng)}%22%2c%22Oid%22%3a%22{uuid(rng)}%22%7d"
        )
        location = rng.choice(["Big meeting room (L3)", "Microsoft Teams Meeting", "Small meeting room"])
        desc = (
            f"{rng.choice(['Agenda to follow.', 'Please bring markups.', 'Lunch provided.', ''])}\n\n"
            "________________________________________________________________________________\n"
            f"Microsoft Teams Need help?\nJoin the meeting now\n{teams}\nMeeting ID: "
            f"{rng.randint(100, 999)} {rng.randint(100, 999)} "
            f"{rng.randint(100, 999)} {rng.randint(100, 999)}\nPasscode: {rand(rng, 6)}\n"
            "________________________________________________________________________________\n"
        )
        system, kw = "m365", {}
        prodid = "Microsoft Exchange Server 2010"
    elif kind == "google":
        c = rng.choice([c for c in CLIENTS if c[3] == "google"] + [SUPPLIERS[2], SUPPLIERS[4], SUPPLIERS[8]])
        organiser = (c[1], c[2])
        summary = rng.choice(
            [
                f"{project} catch-up",
                "Site walk",
                "Planting plan review",
                "Cost plan review",
                "Photo shoot walkthrough",
            ]
        )
        meet = (
            f"https://meet.google.com/{rand(rng, 3, 'abcdefghijkmnopqrstuvwxyz')}-"
            f"{rand(rng, 4, 'abcdefghijkmnopqrstuvwxyz')}-{rand(rng, 3, 'abcdefghijkmnopqrstuvwxyz')}"
        )
        location = rng.choice(["", rng.choice(STREETS)])
        desc = (
            f"Join with Google Meet: {meet}\nOr dial: (AU) +61 2 9051 {rng.randint(1000, 9999)} PIN: "
            f"{rng.randint(10**8, 10**9)}#\n"
        )
        system, kw = "google", dict(c[4])
        prodid = "-//Google Inc//Google Calendar 70.9054//EN"
    else:
        c = rng.choice([CLIENTS[0], CLIENTS[1], CLIENTS[8], SUPPLIERS[0], SUPPLIERS[7]])
        organiser = (c[1], c[2])
        summary = rng.choice(
            [
                f"{project} PCG meeting",
                f"{project} - design workshop 2",
                "Monthly IT review",
                "Structural coordination",
            ]
        )
        location = "Microsoft Teams Meeting"
        desc = (
            "________________________________________________________________________________\nMicrosoft "
            "Teams meeting\n"
            "Join: "
            f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{rand(rng, 48, ALNUM)}%40thread.v2/0\n"
            "________________________________________________________________________________\n"
        )
        system, kw = "m365", dict(c[4])
        prodid = "Microsoft Exchange Server 2010"
    attendees = [(f"{me[0]} {me[1]}", email_of(me[0], me[1]))] + [
        _me(staff(rng, (me[0],))) for _ in range(rng.randint(0, 3))
    ]
    uid = (
        f"040000008200E00074C5B7101A82E008000000{rand(rng, 40, '0123456789ABCDEF')}"
        if system == "m365"
        else f"{rand(rng, 26, 'abcdefghijklmnopqrstuvwxyz0123456789')}@google.com"
    )
    cal = ics(
        rng,
        summary=summary,
        start=start,
        minutes=rng.choice([30, 45, 60, 90]),
        organiser=organiser,
        attendees=attendees,
        location=location,
        description=desc,
        prodid=prodid,
        uid=uid,
    )
    route, top, msgid = SYSTEMS[system](rng, when, organiser[1], **kw)
    nice = (
        f"{start:%a} {start.day} {start:%b} {start.year} "
        f"{start.hour % 12 or 12}{':' + format(start.minute, '02d') if start.minute else ''}"
        f"{'am' if start.hour < 12 else 'pm'}"
    )
    calpart = text_part(cal, "calendar", "base64" if system == "google" else "quoted-printable")
    calpart.set_param("method", "REQUEST")
    if system == "google":
        subj = f"Invitation: {summary} @ {nice} (AEST) ({email_of(me[0], me[1])})"
        plain = (
            f"{organiser[0]} has invited you to an event.\n\n{summary}\n{nice}\n{location}\n\n{desc}\n"
            "Invitation from Google Calendar\n"
        )
        inner = multipart(
            "alternative",
            [text_part(plain), text_part(gmail_html(plain), "html"), calpart],
            rng,
            "gmail",
        )
        body = multipart(
            "mixed",
            [inner, attachment(cal.encode(), "application/ics", "invite.ics")],
            rng,
            "gmail",
        )
        extra: list[tuple[str, str]] = [
            ("Reply-To", addr(*organiser)),
            ("Sender", "Google Calendar <calendar-notification@google.com>"),
        ]
        extra = extra[:1]
    else:
        subj = summary
        plain = f"{desc}\n"
        body = multipart(
            "alternative",
            [text_part(plain), text_part(outlook_html(plain), "html"), calpart],
            rng,
            "outlook",
        )
        extra = m365_headers(rng, when, subj)
    headers = [
        ("From", addr(*organiser)),
        ("To", ", ".join(addr(n, a) for n, a in attendees)),
        ("Subject", subj),
        ("Date", rfc(when)),
        ("Message-ID", msgid),
        *extra,
    ]
    return assemble(
        rng,
        route=route,
        rcpt=email_of(me[0], me[1]),
        when=when,
        headers=headers,
        body=body,
        from_domain=organiser[1].split("@")[1],
        top=top,
    )


# --------------------------------------------------------------------------------------------
# security notices, HR and IT
# --------------------------------------------------------------------------------------------


def security(rng: random.Random, when: dt.datetime) -> bytes:
    me, to = _person_to(rng)
    mine = email_of(me[0], me[1])
    kind = rng.choice(
        [
            "ms-reset",
            "ms-reset",
            "ms-account",
            "google",
            "google",
            "google",
            "xero",
            "xero",
            "dropbox",
            "github",
            "apple",
            "autodesk",
        ]
    )
    device = rng.choice(["Windows", "Mac", "iPhone", "Android"])
    city = rng.choice(
        [
            "Melbourne, Victoria, Australia",
            "Collingwood, VIC, Australia",
            "Geelong, VIC, Australia",
        ]
    )
    stamp = when.strftime("%d/%m/%Y %I:%M %p") + " AEST"
    if kind == "ms-reset":
        sender, dom = (
            (
                "Microsoft on behalf of Halloran Kaye Architects",
                "msonlineservicesteam@microsoftonline.com",
            ),
            "microsoftonline.com",
        )
        subj = "Your password has been changed"
        plain = (
            f"The password for your account {mine} was changed on {stamp}.\n\nIf you made this change, you "
            "don't need "
            "to do anything.\nIf you didn't change your password, contact your administrator (Northside IT, "
            "03 9486 "
            "2200) straight away.\n\nMicrosoft Corporation, One Microsoft Way, Redmond, WA 98052\n"
        )
        link = ("Sign in", "https://myaccount.microsoft.com/")
        route = m365(rng, when, sender[1], region="namprd04", policy="reject")
    elif kind == "ms-account":
        sender, dom = (
            (
                "Microsoft account team",
                "account-security-noreply@accountprotection.microsoft.com",
            ),
            "accountprotection.microsoft.com",
        )
        subj = "New app(s) connected to your Microsoft account"
        plain = (
            "Microsoft account\n\nNew app(s) have access to your "
            f"data\n\n{rng.choice(['Microsoft Teams', 'Outlook for iOS', 'Bluebeam Revu'])} "
            f"connected to the Microsoft account {mine[:2]}*****@{DOMAIN}.\n\nIf you didn't grant this "
            "access, remove the app "
            "from your account: https://account.live.com/consent/Manage\n\nThanks,\nThe Microsoft account "
            "team\n"
        )
        link = ("Manage apps", "https://account.live.com/consent/Manage")
        route = m365(rng, when, sender[1], region="namprd04", policy="reject")
    elif kind == "google":
        sender, dom = ("Google", "no-reply@accounts.google.com"), "accounts.google.com"
        subj = rng.choice(
            [
                "Security alert",
                f"A new sign-in on {device}",
                "Security alert for your linked Google Account",
            ]
        )
        plain = (
            f"A new sign-in on {device}\n{mine}\nWe noticed a new sign-in to your Google Account on a "
            f"{device} device. "
            "If this was you, you don't need to do anything. If not, we'll help you secure your account.\n\n"
            "Check activity: "
            f"https://accounts.google.com/AccountChooser?Email={mine}&continue=https://myaccount.google.co"
            "m/alert/nt/"
            f"{int(when.timestamp())}000?rfn%3D{rng.randint(10, 400)}%26rfnc%3D1%26eid%3D"
            f"{rand(rng, 20, ALNUM)}\n\nYou can also see security "
            "activity at https://myaccount.google.com/notifications\nYou received this email to let you "
            "know about important "
            "changes to your Google Account and services.\n(c) 2025 Google LLC, 1600 Amphitheatre Parkway, "
            "Mountain View, CA 94043, USA\n"
        )
        link = ("Check activity", "https://myaccount.google.com/notifications")
        route = google_service(rng, when, "gaia.bounces.google.com")
    elif kind == "xero":
        sender, dom = ("Xero", "no-reply@xero.com"), "xero.com"
        subj = rng.choice(["Your Xero password has been changed", "New login to your Xero account"])
        plain = (
            "Hi "
            f"{me[0]},\n\n"
            f"{_XERO_EVENT['password' in subj]} "
            f"on {stamp} from {city} ({device}).\n\nIf this was you, there's nothing more you need to do. "
            "If it wasn't, please "
            "reset your password at https://login.xero.com/identity/user/login and contact Xero "
            "Support.\n\nXero Security\n"
        )
        link = ("Go to Xero", "https://login.xero.com/")
        route = ses(
            rng,
            when,
            "xero.com",
            bounce_domain="bounce.xero.com",
            region="ap-southeast-2",
        )
    elif kind == "dropbox":
        sender, dom = ("Dropbox", "no-reply@dropbox.com"), "dropbox.com"
        subj = "New sign-in to your Dropbox"
        plain = (
            f"Hi {me[0]},\n\nA new web browser just signed in to your Dropbox account. To help keep your "
            "account secure, "
            f"let us know if this is you.\n\nWhen: {stamp}\nWhere: {city}\nBrowser: Chrome ({device})\n\nIf "
            "this wasn't you, "
            "review your account: https://www.dropbox.com/account/security\n\n- The Dropbox team\n"
        )
        link = ("Review account", "https://www.dropbox.com/account/security")
        route = (
            Route(
                f"mail-{rng.randint(10, 99)}.dropboxmail.com",
                f"162.125.18.{rng.randint(2, 250)}",
                f"bounces+{rand(rng, 20, HEX)}@dropboxmail.com",
                dkim=[("dropbox.com", "20230201", "pass")],
            ),
            [],
            f"<{rand(rng, 30, HEX)}@dropbox.com>",
        )
    elif kind == "github":
        me = ("Lachlan", "Ferguson", "")
        mine = email_of("Lachlan", "Ferguson")
        to = addr("Lachlan Ferguson", mine)
        sender, dom = ("GitHub", "noreply@github.com"), "github.com"
        subj = rng.choice(
            [
                "[GitHub] A new SSH authentication public key was added to your account",
                "[GitHub] A personal access token (classic) has been added to your account",
            ]
        )
        plain = (
            f"Hey lachlanf-hka!\n\n{subj[9:]}.\n\nIf you believe this was a mistake, please visit "
            "https://github.com/settings/keys to review and remove it.\n\nTo see this and other security "
            "events for "
            "your account, visit https://github.com/settings/security-log\n\nThanks,\nThe GitHub Team\n"
        )
        link = ("Security log", "https://github.com/settings/security-log")
        route = (
            Route(
                f"out-{rng.randint(18, 28)}.smtp.github.com",
                f"192.30.252.{rng.randint(192, 215)}",
                "noreply@github.com",
                dkim=[("github.com", "pf2023", "pass")],
            ),
            [],
            f"<{uuid(rng)}@github.com>",
        )
    elif kind == "apple":
        sender, dom = ("Apple", "no_reply@email.apple.com"), "email.apple.com"
        subj = "Your Apple Account was used to sign in to iCloud via a web browser"
        plain = (
            f"Dear {me[0]} {me[1]},\n\nYour Apple Account ({mine}) was used to sign in to iCloud via a web "
            "browser.\n\n"
            f"Date and Time: {stamp}\n\nIf the information above looks familiar, you can disregard this "
            "email.\n\n"
            "If you have not signed in to iCloud recently and believe someone may have accessed your "
            "account, go to "
            "Apple Account (https://account.apple.com) and change your password as soon as "
            "possible.\n\nApple Support\n"
        )
        link = ("Apple Account", "https://account.apple.com")
        route = plain_route(
            rng,
            when,
            f"rn2-txn-msbadger{rng.randint(10000, 99999)}.apple.com",
            f"17.111.110.{rng.randint(2, 250)}",
            "bounce@email.apple.com",
            [("email.apple.com", "email0517")],
            msgid_domain="email.apple.com",
        )
    else:
        sender, dom = ("Autodesk", "noreply@autodesk.com"), "autodesk.com"
        subj = "Your Autodesk password was changed"
        plain = (
            f"Hi {me[0]},\n\nThe password for your Autodesk Account ({mine}) was recently changed. If you "
            "made this change, "
            "no further action is required.\n\nIf you did not change your password, reset it now at "
            "https://accounts.autodesk.com and contact Autodesk support.\n\nThe Autodesk Team\n"
        )
        link = ("Manage account", "https://accounts.autodesk.com")
        route = ses(rng, when, "autodesk.com")
    html = card_html(
        subj,
        [html_escape(p) for p in plain.split("\n\n")[:3]],
        link,
        "This is a security notification sent to all users.",
        "#1a73e8",
    )
    return service(
        rng,
        when=when.astimezone(UTC),
        route=route,
        sender=sender,
        from_domain=dom,
        to=to,
        subject=subj,
        plain=plain,
        html=html,
        rcpt=mine,
    )


def hr_it(rng: random.Random, when: dt.datetime) -> bytes:
    me, to = _person_to(rng)
    kind = rng.choice(
        [
            "eh-payslip",
            "eh-payslip",
            "eh-leave",
            "eh-policy",
            "eh-review",
            "nit",
            "nit",
            "nit",
            "office",
            "office",
            "office",
            "office",
        ]
    )
    if kind.startswith("eh"):
        sender, dom = (
            ("Employment Hero", "no-reply@employmenthero.com"),
            "employmenthero.com",
        )
        if kind == "eh-payslip":
            subj = "Your payslip is ready"
            plain = (
                f"Hi {me[0]},\n\nYour payslip from Halloran Kaye Architects for the pay period ending "
                f"{(when - dt.timedelta(days=2)):%d %b %Y} is now available.\n\nView payslip: "
                "https://secure.employmenthero.com/app/"
                "v2/organisations/payslips\n\nEmployment Hero Pty Ltd, Level 2, 2 Lord Street, Botany NSW "
                "2019\n"
            )
        elif kind == "eh-leave":
            subj = "Your leave request has been approved"
            plain = (
                f"Hi {me[0]},\n\nYour Annual Leave request ({rng.randint(1, 10)} days) has been approved by "
                f"{rng.choice(['Fiona Halloran', 'Marcus Kaye', 'Tom Whitlock'])}.\n\nView in Employment "
                "Hero: "
                "https://secure.employmenthero.com/app/v2/organisations/leave_requests\n"
            )
        elif kind == "eh-policy":
            subj = "Action required: please acknowledge the updated Work From Home Policy"
            plain = (
                f"Hi {me[0]},\n\nHalloran Kaye Architects has published an updated policy that needs your "
                "acknowledgement: "
                "Work From Home Policy v3.\n\nRead and acknowledge: "
                "https://secure.employmenthero.com/app/v2/organisations/"
                "policies\n\nEmployment Hero Pty Ltd\n"
            )
        else:
            subj = "Your performance review has started"
            plain = (
                f"Hi {me[0]},\n\nYour 2025 annual review cycle has started. Please complete your "
                "self-assessment by "
                f"{(when + dt.timedelta(days=14)):%d %B}.\n\nStart self-assessment: "
                "https://secure.employmenthero.com/app/v2/"
                "organisations/performance\n"
            )
        html = card_html(
            subj,
            [html_escape(p) for p in plain.split("\n\n")[:2]],
            ("Open Employment Hero", "https://secure.employmenthero.com/"),
            "Employment Hero Pty Ltd, Level 2, 2 Lord Street, Botany NSW 2019",
            "#7622d7",
        )
        route = sendgrid(rng, when, dom, "em.employmenthero.com", rcpt=email_of(me[0], me[1]))
        return service(
            rng,
            when=when.astimezone(UTC),
            route=route,
            sender=sender,
            from_domain=dom,
            to=to,
            subject=subj,
            plain=plain,
            html=html,
            rcpt=email_of(me[0], me[1]),
        )
    if kind == "nit":
        subj = rng.choice(
            [
                "Scheduled maintenance: firewall firmware update Saturday 9pm",
                "Planned outage - NAS migration this weekend",
                "Action needed: restart your PC for Windows updates",
                "Reminder: MFA number matching for Microsoft 365",
            ]
        )
        text = (
            "Hi all,\n\n"
            f"Please note: {subj.split(':')[-1].strip().lower()}. "
            "Expect a short interruption to internet and VPN access during the window. Please save your "
            "work and "
            "close Revit before you leave on Friday. We'll confirm by email when everything is back up.\n\n"
            "If you have issues on Monday morning, log a ticket at support@northsideit.com.au or call 03 "
            "9486 2200.\n\n"
            "Regards,\n\nJosh Whitfield\nSenior Engineer | Northside IT\n03 9486 2200\n200 High Street, "
            "Northcote VIC 3070\n"
        )
        return person_mail(
            rng,
            system="m365",
            sender=("Northside IT Support", "support@northsideit.com.au"),
            to=[("HKA Studio", f"studio@{DOMAIN}")],
            subject=subj,
            text=text,
            when=when,
            route_kw={"policy": "reject"},
            rcpt=email_of(me[0], me[1]),
        )
    subj = rng.choice(
        [
            "Office closure over Christmas",
            "Fire warden training - volunteers needed",
            "Updated WFH policy",
            "First aid kit and defibrillator",
            "Reminder: be careful with payment emails",
        ]
    )
    text = {
        "Office closure over Christmas": "The office will close at 1pm on 23 December and reopen on Monday "
        "5 January. "
        "Please make sure leave is entered in Employment Hero.",
        "Fire warden training - volunteers needed": "The building needs two more wardens on level 3. "
        "Training is 2 hours "
        "on site and counts toward CPD. Let me know if you're keen.",
        "Updated WFH policy": "The updated work-from-home policy is up on Employment Hero for everyone to "
        "acknowledge. "
        "The main change is the home-office equipment allowance.",
        "First aid kit and defibrillator": "The first aid kit has been restocked and the AED in the kitchen "
        "has been "
        "serviced. First aiders are Leanne, Callum and Grace.",
        "Reminder: be careful with payment emails": "A reminder after the scam email a client received last "
        "month: we "
        "never change our bank details by email. If anyone asks you to pay something urgently or change a "
        "supplier's "
        "details, call them on a number you already have and check with Karen before doing anything.",
    }[subj]
    body = f"Hi all,\n\n{text}\n\nThanks,\n" + hka_sig(rng, ("Leanne", "Burgess", "Office Manager"))
    return person_mail(
        rng,
        system="m365",
        sender=("Leanne Burgess", email_of("Leanne", "Burgess")),
        to=[("HKA Studio", f"studio@{DOMAIN}")],
        subject=subj,
        text=body,
        when=when,
        rcpt=email_of(me[0], me[1]),
    )


# --------------------------------------------------------------------------------------------
# mailing lists, auto-replies, recruiters
# --------------------------------------------------------------------------------------------

LIST_POSTERS = [
    ("Sam Oduya", "sam.oduya@gmail.com", "gmail.com", "none"),
    ("Rachel Kerr", "rkerr@woodsbagot.com", "woodsbagot.com", "quarantine"),
    ("Dmitri Volkov", "dmitri@volkovdesign.com.au", "volkovdesign.com.au", "none"),
    ("Hui Ling Tan", "huiling.tan@monash.edu", "monash.edu", "reject"),
    ("Paddy Byrne", "paddy.byrne@outlook.com", "outlook.com", "reject"),
    (
        "Alice Fenwick",
        "alice@fenwickarchitects.com.au",
        "fenwickarchitects.com.au",
        "none",
    ),
]

LIST_TOPICS = [
    (
        "Revit 2025.3 crashing on sync with central?",
        "Anyone else seeing Revit 2025.3 crash when syncing a workshared "
        "model with linked IFCs? Rolling back to 2025.2 fixed it for us but I'd rather not keep doing that.",
    ),
    (
        "Meetup next month - speakers wanted",
        "We're planning the next meetup for the third Thursday at the usual venue. "
        "Looking for two 15-minute talks - anything computational, BIM standards, or a project case study.",
    ),
    (
        "NCC 2025 public comment draft",
        "The ABCB has the NCC 2025 public comment draft out. Worth a read for the "
        "changes to livable housing and the condensation provisions. Comments close end of the month.",
    ),
    (
        "Recommendations for a point cloud service?",
        "We need a scan of a three-storey heritage warehouse in Footscray. "
        "Who have people used and been happy with? Ideally someone who can deliver an E57 and a basic Revit "
        "model.",
    ),
    (
        "Dynamo script for sheet renumbering",
        "Sharing a little Dynamo graph that renumbers sheets from an Excel table. "
        "Works in 2024/2025. Link in the list archive; happy to take suggestions.",
    ),
    (
        "Re: Enscape vs Twinmotion for small practices",
        "We moved to Enscape last year. Quicker for day to day, but "
        "Twinmotion is better for the big set-piece animations. Licence cost was the deciding factor for us.",
    ),
]


def mailing_list(rng: random.Random, when: dt.datetime) -> bytes:
    name, address, dom, pol = rng.choice(LIST_POSTERS)
    topic, text = rng.choice(LIST_TOPICS)
    me, _ = _person_to(rng)
    rcpt = email_of(me[0], me[1])
    body = f"Hi all,\n\n{text}\n\nCheers,\n{name.split()[0]}\n"
    if rng.random() < 0.5:
        group = rng.choice(["vic-design-tech", "melb-revit-users"])
        gname = {
            "vic-design-tech": "Vic Design Technology",
            "melb-revit-users": "Melbourne Revit Users",
        }[group]
        body += (
            "\n-- \nYou received this message because you are subscribed to the Google Groups "
            f'"{gname}" group.\nTo unsubscribe from this group and stop receiving emails from it, send an '
            "email to "
            f"{group}+unsubscribe@googlegroups.com.\nTo view this discussion visit "
            f"https://groups.google.com/d/msgid/{group}/"
            f"{rand(rng, 30, ALNUM)}%40mail.gmail.com.\n"
        )
        rewrite = pol in ("quarantine", "reject")
        frm = (f"'{name}' via {gname}", f"{group}@googlegroups.com") if rewrite else (name, address)
        host = (
            f"mail-{rng.choice(['oi1', 'pl1', 'qt1'])}-x{rng.randint(30, 90)}{rng.randint(0, 9)}.google.com"
        )
        route = Route(
            host,
            f"2607:f8b0:4864:20::{rand(rng, 3, HEX)}",
            f"{group}+bncB{rand(rng, 40, ALNUM)}@googlegroups.com",
            dkim=[("googlegroups.com", "20230601", "pass")]
            + (
                []
                if rewrite or dom == "monash.edu"
                else [(dom, "google" if dom != "gmail.com" else "20230601", "fail")]
            ),
            dmarc="pass" if rewrite else ("none" if pol == "none" and dom != "gmail.com" else "fail"),
            policy="reject" if rewrite else "none",
        )
        extra = [
            ("Reply-To", addr(name, address)),
            ("X-Original-Sender", address),
            (
                "X-Original-Authentication-Results",
                f"gmr-mx.google.com; dkim=pass header.i=@{dom}; spf=pass smtp.mailfrom={address}",
            ),
            ("Precedence", "list"),
            (
                "Mailing-list",
                f"list {group}@googlegroups.com; contact {group}+owners@googlegroups.com",
            ),
            ("List-ID", f"<{group}.googlegroups.com>"),
            ("X-Spam-Checked-In-Group", f"{group}@googlegroups.com"),
            ("X-Google-Group-Id", str(rng.randint(10**11, 10**12))),
            (
                "List-Post",
                f"<https://groups.google.com/group/{group}/post>, <mailto:{group}@googlegroups.com>",
            ),
            (
                "List-Help",
                f"<https://groups.google.com/support/>, <mailto:{group}+help@googlegroups.com>",
            ),
            ("List-Archive", f"<https://groups.google.com/group/{group}>"),
            (
                "List-Unsubscribe",
                f"<mailto:googlegroups-manage+{rng.randint(10**11, 10**12)}+unsubscribe@googlegroups.com>, "
                f"<https://groups.google.com/group/{group}/subscribe>",
            ),
        ]
        if rewrite:
            extra.insert(0, ("X-Original-From", addr(name, address)))
        subj = topic
        msgid = gmail_msgid(rng) if dom == "gmail.com" else f"<{rand(rng, 20, HEX)}@{dom}>"
        part = text_part(body, "plain", "quoted-printable")
        from_dom = "googlegroups.com" if rewrite else dom
    else:
        lst = rng.choice(
            [
                ("aus-bim", "lists.bimaus.org.au", "Australian BIM practitioners"),
                (
                    "heritage-arch",
                    "lists.heritagevic.org.au",
                    "Heritage architecture discussion",
                ),
            ]
        )
        body += (
            f"_______________________________________________\n{lst[0]} mailing list\n{lst[0]}@{lst[1]}\n"
            f"https://{lst[1]}/mailman/listinfo/{lst[0]}\n"
        )
        frm = (f"{name} via {lst[0]}", f"{lst[0]}@{lst[1]}")
        base = lst[1].split(".", 1)[1]
        route = Route(
            lst[1],
            f"103.{rng.randint(4, 250)}.{rng.randint(1, 250)}.{rng.randint(2, 250)}",
            f"{lst[0]}-bounces+{rcpt.replace('@', '=')}@{lst[1]}",
            dkim=[(lst[1], "mm", "pass")],
            dmarc="pass" if rng.random() < 0.7 else "none",
            policy="none",
        )
        extra = [
            ("Reply-To", addr(name, address)),
            ("X-Original-From", addr(name, address)),
            ("X-BeenThere", f"{lst[0]}@{lst[1]}"),
            ("X-Mailman-Version", "2.1.39"),
            ("Precedence", "list"),
            ("List-Id", f"{lst[2]} <{lst[0]}.{lst[1]}>"),
            (
                "List-Unsubscribe",
                f"<https://{lst[1]}/mailman/options/{lst[0]}>, "
                f"<mailto:{lst[0]}-request@{lst[1]}?subject=unsubscribe>",
            ),
            ("List-Archive", f"<https://{lst[1]}/pipermail/{lst[0]}/>"),
            ("List-Post", f"<mailto:{lst[0]}@{lst[1]}>"),
            ("List-Help", f"<mailto:{lst[0]}-request@{lst[1]}?subject=help>"),
            (
                "List-Subscribe",
                f"<https://{lst[1]}/mailman/listinfo/{lst[0]}>, "
                f"<mailto:{lst[0]}-request@{lst[1]}?subject=subscribe>",
            ),
            ("Errors-To", f"{lst[0]}-bounces+{rcpt.replace('@', '=')}@{lst[1]}"),
            (
                "Sender",
                f'"{lst[0]}" <{lst[0]}-bounces+{rcpt.replace("@", "=")}@{lst[1]}>',
            ),
        ]
        subj = f"[{lst[0]}] {topic}"
        msgid = f"<{rand(rng, 20, HEX)}@{dom}>"
        part = text_part(body, "plain", "7bit")
        from_dom = lst[1]
        del base
    headers = [
        ("From", addr(*frm)),
        (
            "To",
            addr("", frm[1]) if "googlegroups" in frm[1] or "via" in frm[0] else frm[1],
        ),
        ("Subject", subj),
        ("Date", rfc(when)),
        ("Message-ID", msgid),
        *extra,
    ]
    return assemble(
        rng,
        route=route,
        rcpt=rcpt,
        when=when,
        headers=headers,
        body=part,
        from_domain=from_dom,
        signers=[(d, s) for d, s, _ in route.dkim],
    )


def out_of_office(rng: random.Random, when: dt.datetime) -> bytes:
    me = staff(rng, ("Leanne",))
    mine = _me(me)
    orig_subj = rng.choice(
        [
            "RE: Brunswick East - SK-12",
            "Ringwood fitout - revised plans",
            "Invoice HKA2611",
            "Lygon St - PCG minutes",
            "Meeting next week",
            "FW: Tender clarifications",
        ]
    )
    internal = rng.random() < 0.25
    if internal:
        p = staff(rng, (me[0],))
        who, address, system, kw = f"{p[0]} {p[1]}", email_of(p[0], p[1]), "m365", {}
    else:
        c = rng.choice(CLIENTS[:6] + SUPPLIERS[:4] + SUPPLIERS[7:11])
        who, address, system, kw = c[1], c[2], c[3], dict(c[4])
    back = (when + dt.timedelta(days=rng.randint(2, 20))).strftime("%A %d %B")
    if system == "m365":
        subj = f"Automatic reply: {orig_subj}"
    else:
        subj = f"Out of Office: {orig_subj}" if system == "google" else f"Auto: {orig_subj}"
    text = rng.choice(
        [
            "Thank you for your email. I am currently out of the office with limited access to email, "
            f"returning {back}. "
            "For anything urgent please call the office.",
            f"Hi, I'm on annual leave until {back}. I will respond when I return. For urgent matters please "
            "contact "
            f"{rng.choice(['reception', 'my colleague Sarah', 'the project team'])}.",
            "I'm on site today and will reply this evening.",
            f"I am on parental leave until {back}. Your email has not been forwarded.",
        ]
    )
    if not internal and system != "exim":
        text += f"\n\n{who}\n"
    route_kw = kw
    route, top, msgid = SYSTEMS[system](rng, when, address, **route_kw)
    part = alt(text, outlook_html(text), rng, "outlook") if system == "m365" else text_part(text)
    headers = [
        ("From", addr(who, address)),
        ("To", addr(*mine)),
        ("Subject", subj),
        ("Date", rfc(when)),
        ("Message-ID", msgid),
        ("In-Reply-To", new_msgid(rng, "m365")),
        ("References", new_msgid(rng, "m365")),
        ("Auto-Submitted", "auto-replied"),
        ("X-Auto-Response-Suppress", "All"),
    ]
    if system == "m365":
        headers += m365_headers(rng, when, subj)
    return assemble(
        rng,
        route=route,
        rcpt=mine[1],
        when=when,
        headers=headers,
        body=part,
        from_domain=address.split("@")[1],
        top=top,
    )


def recruiter(rng: random.Random, when: dt.datetime) -> bytes:
    p = rng.choice([("Fiona", "Halloran", ""), ("Marcus", "Kaye", ""), staff(rng)])
    mine = email_of(p[0], p[1])
    if rng.random() < 0.33:
        rname = rng.choice(["Jess Montague", "Ravi Desai", "Charlotte Boyd"])
        subj = f"{rname} sent you a message"
        url = (
            f"https://www.linkedin.com/comm/messaging/thread/2-{rand(rng, 40, ALNUM)}==/?lipi=urn%3Ali%3"
            f"Apage%3Aemail_email_notification_single_mention_01%3B{rand(rng, 22, ALNUM)}%3D%3D"
        )
        plain = (
            f"{rname}\nTalent Partner at {rng.choice(['Archicruit', 'Carrick Talent', 'Hays'])}\n\n"
            f"Hi {p[0]}, I'm working with a number of senior architects in Melbourne who are open to a move "
            "and "
            "thought of your practice...\n\nView message: " + url + "\n\n"
            "This email was intended for "
            + p[0]
            + " "
            + p[1]
            + ". Learn why we included this: https://www.linkedin.com/help/linkedin/answer/4788\n"
            "(c) 2025 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.\n"
        )
        html = card_html(
            f"{rname} sent you a message",
            [f"Hi {p[0]}, I'm working with a number of senior architects in Melbourne..."],
            ("View message", url),
            "&copy; 2025 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.",
            "#0a66c2",
        )
        r = Route(
            f"mail-a-{rng.randint(10, 99)}.linkedin.com",
            f"108.174.{rng.randint(0, 6)}.{rng.randint(2, 250)}",
            f"s-{rand(rng, 30, 'abcdefghijklmnopqrstuvwxyz0123456789')}@bounce.linkedin.com",
            dkim=[("linkedin.com", "d2048-2", "pass")],
        )
        return service(
            rng,
            when=when.astimezone(UTC),
            route=(
                r,
                [],
                f"<{rand(rng, 20, ALNUM)}.{rng.randint(10**5, 10**6)}.{int(when.timestamp())}000@lor1-app"
                f"{rng.randint(1000, 9999)}.prod.linkedin.com>",
            ),
            sender=(f"{rname} via LinkedIn", "messages-noreply@linkedin.com"),
            from_domain="linkedin.com",
            to=addr(f"{p[0]} {p[1]}", mine),
            subject=subj,
            plain=plain,
            html=html,
            rcpt=mine,
        )
    agency, dom, rname = rng.choice(
        [
            ("Archicruit", "archicruit.com.au", "Jess Montague"),
            ("Carrick Talent", "carricktalent.com.au", "Ravi Desai"),
            ("Bower & Lane Recruitment", "bowerlane.com.au", "Charlotte Boyd"),
        ]
    )
    address = f"{rname.split()[0].lower()}@{dom}"
    if p[0] in ("Fiona", "Marcus"):
        subj = rng.choice(
            [
                "Senior Project Architect - available immediately",
                "Candidate: interior designer (healthcare)",
                "Resourcing for 2026?",
            ]
        )
        text = (
            f"Hi {p[0]},\n\nHope the year is going well at Halloran Kaye. I'm representing a "
            f"{rng.choice(['Project Architect', 'Senior Interior Designer', 'Revit documenter'])} "
            "with 8 years' experience in education and health projects, ARBV registered, strong in Revit and "
            "contract administration. They're looking for a mid-size practice with a design focus - your "
            "work on "
            "the Fitzroy North library came up by name.\n\nWould you be open to a quick call this week? No "
            "obligation, "
            "and I can send an anonymised CV first.\n"
        )
    else:
        subj = rng.choice(
            [
                "Opportunity you might like",
                "Quick chat?",
                "Architect role - Melbourne CBD practice",
            ]
        )
        text = (
            f"Hi {p[0]},\n\nI came across your profile and wanted to reach out about a role with one of my "
            "clients, "
            "a 120-person practice in the CBD. Hybrid, great culture, strong project pipeline. Completely "
            "confidential of course.\n\nLet me know if you'd be open to a conversation.\n"
        )
    text += (
        f"\nKind regards,\n\n{rname}\nSenior Consultant - Architecture & Design\n{agency}\nM "
        f"{mobile(rng)}\n{dom}\n"
    )
    return person_mail(
        rng,
        system=rng.choice(["m365", "google"]),
        sender=(rname, address),
        to=[(f"{p[0]} {p[1]}", mine)],
        subject=subj,
        text=text,
        when=when,
        route_kw={"policy": "none"},
        rcpt=mine,
    )


# --------------------------------------------------------------------------------------------
# bulk mail through ESPs: newsletters, marketing, conferences, charities
# --------------------------------------------------------------------------------------------


class Esp:
    def __init__(
        self,
        rng: random.Random,
        when: dt.datetime,
        esp: str,
        brand: str,
        rcpt: str,
        *,
        aligned: bool = True,
        policy: str = "none",
    ) -> None:
        self.rng, self.esp, self.brand = rng, esp, brand
        acct = brand.split(".")[0].replace("-", "")
        enc_rcpt = rcpt.replace("@", "=")
        self.headers: list[tuple[str, str]] = []
        dmarc = "pass" if aligned else ("none" if policy == "none" else "fail")
        if esp == "mailchimp":
            pod, n = (
                rng.choice(["suw11", "suw12", "suw13", "atl121", "sea51"]),
                rng.randint(1, 21),
            )
            u, lid, cid, e = (
                rand(rng, 25, HEX),
                rand(rng, 10, HEX),
                rand(rng, 10, HEX),
                rand(rng, 10, HEX),
            )
            host = f"mail{rng.randint(100, 250)}.{pod}.mcdlv.net"
            base = f"https://{acct}.us{n}.list-manage.com"
            self.click = lambda _url: f"{base}/track/click?u={u}&id={rand(rng, 10, HEX)}&e={e}"
            self.pixel = f"{base}/track/open.php?u={u}&id={cid}&e={e}"
            self.img = f"https://mcusercontent.com/{u}/images/"
            self.unsub = f"{base}/unsubscribe?u={u}&id={lid}&t=b&e={e}&c={cid}"
            self.prefs = f"{base}/profile?u={u}&id={lid}&e={e}&c={cid}"
            mail_from = f"bounce-mc.us{n}_{rng.randint(10**7, 10**8)}.{rng.randint(10**6, 10**7)}-{e}@{host}"
            dkim = (
                [(brand, "k2", "pass"), ("mcdlv.net", "k1", "pass")]
                if aligned
                else [("mcdlv.net", "k1", "pass")]
            )
            self.route = Route(
                host,
                f"198.2.{rng.randint(128, 191)}.{rng.randint(2, 250)}",
                mail_from,
                dkim=dkim,
                policy=policy,
                dmarc=dmarc,
            )
            self.msgid = f"<{rand(rng, 32, HEX)}@{host}>"
            self.headers = [
                (
                    "List-Unsubscribe",
                    f"<{self.unsub}>, "
                    f"<mailto:unsubscribe-mc.us{n}_{u}.{cid}-{e}@mailin{rng.randint(1, 9)}.us{n}.mcsv.net?"
                    "subject=unsubscribe>",
                ),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("X-Campaign", f"mailchimp{u}.{cid}"),
                ("X-campaignid", f"mailchimp{u}.{cid}"),
                (
                    "X-Report-Abuse",
                    "Please report abuse for this campaign here: "
                    f"https://mailchimp.com/contact/abuse/?u={u}&id={cid}&e={e}",
                ),
                ("X-MC-User", u),
                (
                    "Feedback-ID",
                    f"{rng.randint(10**7, 10**8)}:{rng.randint(10**7, 10**8)}.{rng.randint(10**5, 10**6)}:"
                    f"us{n}:mc",
                ),
                (
                    "List-ID",
                    f"{u}mc list <{u}.{rng.randint(10**5, 10**6)}.list-id.mcsv.net>",
                ),
                ("X-Accounttype", "pr"),
                ("Precedence", "bulk"),
            ]
        elif esp == "sendgrid":
            uid = rng.randint(10**6, 10**8)
            em = f"em{rng.randint(1000, 9999)}.{brand}"
            linkhost = f"url{rng.randint(1000, 9999)}.{brand}"
            self.click = lambda _url: f"https://{linkhost}/ls/click?upn=u001.{rand(rng, 120, ALNUM + '-_')}"
            self.pixel = f"https://{linkhost}/wf/open?upn=u001.{rand(rng, 90, ALNUM + '-_')}"
            self.img = f"https://cdn.{brand}/email/"
            self.unsub = (
                f"https://{linkhost}/asm/unsubscribe/?user_id={uid}&data={rand(rng, 60, ALNUM + '-_')}"
            )
            self.prefs = self.unsub.replace("unsubscribe/", "")
            r, _, self.msgid = sendgrid(rng, when, brand, em, policy=policy, dmarc=dmarc, rcpt=rcpt)
            if not aligned:
                r.dkim = [("sendgrid.net", "smtpapi", "pass")]
            self.route = r
            self.headers = [
                (
                    "List-Unsubscribe",
                    f"<mailto:unsubscribe@{em}?subject=unsubscribe&body={rand(rng, 40, HEX)}>, "
                    f"<{self.unsub}>",
                ),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("X-SG-EID", rand(rng, 80, B64)),
                ("X-SG-ID", rand(rng, 60, B64)),
                ("X-Entity-ID", f"u001.{rand(rng, 20, B64)}"),
            ]
        elif esp == "hubspot":
            portal, bf = rng.randint(10**6, 5 * 10**7), rng.randint(1, 9)
            token = rand(rng, 38, "abcdefghijklmnopqrstuvwxyz0123456789")
            host = f"{rand(rng, 6, 'abcdefghijklmnopqrstuvwxyz')}.hubspotemail.net"
            sub = rand(rng, 5, "abcdefghijklmnopqrstuvwxyz0123456789")
            self.click = lambda _url: (
                f"https://{sub}.na1.hubspotlinks.com/Ctc/"
                f"{rand(rng, 3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}+113/{sub}/VW"
                f"{rand(rng, 60, ALNUM + '-')}"
            )
            self.pixel = (
                f"https://{sub}.na1.hubspotlinks.com/Cto/{rand(rng, 3, ALNUM)}+113/{sub}/"
                f"{rand(rng, 40, ALNUM)}"
            )
            self.img = f"https://{portal}.fs1.hubspotusercontent-na1.net/hubfs/{portal}/"
            self.unsub = (
                f"https://hs-{portal}.s.hubspotemail.net/hs/manage-preferences/unsubscribe-all?la"
                f"nguagePreference=en&d={rand(rng, 60, ALNUM)}"
            )
            self.prefs = (
                f"https://hs-{portal}.s.hubspotemail.net/hs/manage-preferences/unsubscribe?d="
                f"{rand(rng, 60, ALNUM)}"
            )
            mail_from = f"{token}@bf{bf:02d}x.hubspotemail.net"
            dkim = (
                [(brand, f"hs1-{portal}", "pass"), ("hubspotemail.net", "hs1", "pass")]
                if aligned
                else [("hubspotemail.net", "hs1", "pass")]
            )
            self.route = Route(
                host,
                f"143.244.{rng.randint(80, 95)}.{rng.randint(2, 250)}",
                mail_from,
                dkim=dkim,
                policy=policy,
                dmarc=dmarc,
            )
            self.msgid = (
                f"<{int(when.timestamp())}{rng.randint(100, 999)}.{uuid(rng)}@bf{bf:02d}x.hubspotemail.net>"
            )
            self.headers = [
                (
                    "List-Unsubscribe",
                    f"<mailto:{token}@bf{bf:02d}x.hubspotemail.net?subject=unsubscribe>, <{self.unsub}>",
                ),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("X-HS-Cid", rand(rng, 30, ALNUM)),
                ("X-Report-Abuse-To", "abuse@hubspot.com"),
                ("Precedence", "bulk"),
            ]
        elif esp == "constantcontact":
            self.click = lambda _url: (
                f"https://r20.rs6.net/tn.jsp?f=001{rand(rng, 140, ALNUM + '-_')}&c="
                f"{rand(rng, 60, ALNUM + '-_')}==&ch={rand(rng, 60, ALNUM + '-_')}=="
            )
            self.pixel = (
                f"https://r20.rs6.net/on.jsp?ca={uuid(rng)}&a={rng.randint(10**9, 10**10)}&c="
                f"{uuid(rng)}&ch={uuid(rng)}"
            )
            self.img = f"https://files.constantcontact.com/{rand(rng, 9, HEX)}01/"
            self.unsub = (
                f"https://visitor.constantcontact.com/do?p=un&m=001{rand(rng, 40, ALNUM)}&se=001"
                f"{rand(rng, 40, ALNUM)}&t=001{rand(rng, 20, ALNUM)}%3D&llr="
                f"{rand(rng, 9, 'abcdefghijklmnopqrstuvwxyz')}"
            )
            self.prefs = self.unsub.replace("p=un", "p=oo")
            host = f"ccm{rng.randint(10, 40)}.constantcontact.com"
            mail_from = f"AQwo{rand(rng, 40, ALNUM)}@in.constantcontact.com"
            dkim = [("auth.ccsend.com", "1000073432", "pass")] + (
                [(brand, "ctct1", "pass")] if aligned else []
            )
            self.route = Route(
                host,
                f"208.75.123.{rng.randint(2, 250)}",
                mail_from,
                dkim=dkim,
                policy=policy,
                dmarc=dmarc,
            )
            self.msgid = f"<{rand(rng, 30, ALNUM)}@{host}>"
            self.headers = [
                ("List-Unsubscribe", f"<{self.unsub}>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("X-Roving-Campaignid", str(rng.randint(10**11, 10**12))),
                (
                    "X-Roving-Id",
                    f"{rng.randint(10**11, 10**12)}.{rng.randint(10**9, 10**10)}",
                ),
                (
                    "X-Mailer",
                    "Roving Constant Contact 2012 (http://www.constantcontact.com)",
                ),
                (
                    "X-Feedback-ID",
                    f"{uuid(rng)}:{uuid(rng)}:{rng.randint(10**6, 10**7)}:CTCT",
                ),
                ("X-CTCT-ID", uuid(rng)),
                ("Precedence", "bulk"),
            ]
        elif esp == "campaignmonitor":
            cm = f"{rand(rng, 6, HEX)}-{rand(rng, 6, 'abcdefghijklmnopqrstuvwxyz')}"
            sub = acct[:12]
            self.click = lambda _url: (
                f"https://{sub}.createsend1.com/t/r-l-{cm}-{rand(rng, 1, 'abcdefghijklmnopqrstuvwxyz')}"
                f"{rand(rng, 1, 'abcdefghijklmnopqrstuvwxyz')}/"
            )
            self.pixel = f"https://{sub}.createsend1.com/t/r-o-{cm}/o.gif"
            self.img = f"https://i{rng.randint(1, 9)}.createsend1.com/ei/r/{rand(rng, 8, HEX).upper()}/"
            self.unsub = f"https://{sub}.createsend1.com/t/r-u-{cm}/"
            self.prefs = f"https://{sub}.updatemyprofile.com/r-{cm}"
            host = f"mail{rng.randint(10, 99)}.au.cmail{rng.choice([19, 20])}.com"
            mail_from = (
                f"bounce-{rand(rng, 14, HEX)}-{rand(rng, 6, 'abcdefghijklmnopqrstuvwxyz')}-"
                f"{enc_rcpt}@cmail{rng.choice([19, 20])}.com"
            )
            dkim = (
                [(brand, "cm", "pass"), ("cmail2.com", "cs2013", "pass")]
                if aligned
                else [("cmail2.com", "cs2013", "pass")]
            )
            self.route = Route(
                host,
                f"203.55.21.{rng.randint(2, 250)}",
                mail_from,
                dkim=dkim,
                policy=policy,
                dmarc=dmarc,
            )
            self.msgid = f"<{rand(rng, 32, HEX).upper()}@cmail{rng.choice([19, 20])}.com>"
            self.headers = [
                (
                    "List-Unsubscribe",
                    f"<mailto:unsubscribe-{cm}@cmail{rng.choice([19, 20])}.com>, <{self.unsub}>",
                ),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("X-CMAE-Analysis", "v=2.4 cv=" + rand(rng, 30, B64)),
                ("Feedback-ID", f"{rand(rng, 8, HEX)}:cm:{rand(rng, 10, HEX)}"),
                ("X-Complaints-To", "abuse@campaignmonitor.com"),
                ("Precedence", "bulk"),
            ]
        else:  # salesforce marketing cloud
            mid = rng.randint(10**6, 10**7)
            cl = f"click.e.{brand}"
            self.click = lambda _url: f"https://{cl}/?qs={rand(rng, 160, HEX)}"
            self.pixel = f"https://{cl}/open.aspx?ffcb10-{rand(rng, 60, HEX)}"
            self.img = f"https://image.e.{brand}/lib/{rand(rng, 18, HEX)}/m/1/"
            self.unsub = f"https://cloud.e.{brand}/unsub_center.aspx?qs={rand(rng, 100, HEX)}"
            self.prefs = f"https://cloud.e.{brand}/preferences?qs={rand(rng, 60, HEX)}"
            host = f"mta{rng.randint(1, 9)}.e.{brand}"
            mail_from = (
                f"bounce-{rng.randint(10, 99)}_HTML-{rng.randint(10**8, 10**9)}-"
                f"{rng.randint(10**5, 10**6)}-{mid}-{rng.randint(10, 999)}@bounce.e.{brand}"
            )
            self.route = Route(
                host,
                f"13.111.{rng.randint(0, 120)}.{rng.randint(2, 250)}",
                mail_from,
                dkim=[(f"e.{brand}", "200608", "pass")],
                policy=policy,
                dmarc=dmarc,
            )
            self.msgid = (
                f"<{uuid(rng)}@{'ind' + str(rng.randint(1, 2))}s{rng.randint(1, 12)}mta"
                f"{rng.randint(100, 999)}.xt.local>"
            )
            self.headers = [
                (
                    "List-Unsubscribe",
                    f"<mailto:leave-{rand(rng, 60, HEX)}@{'leave.e.' + brand}>, <{self.unsub}>",
                ),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("x-job", f"{mid}_{rng.randint(10**5, 10**6)}"),
                ("X-SFMC-Stack", str(rng.randint(1, 12))),
            ]


def bulk_html(
    e: Esp,
    *,
    brand: str,
    title: str,
    preheader: str,
    intro: str,
    items: list[tuple[str, str, str]],
    cta: tuple[str, str],
    address: str,
    reason: str,
    colour: str,
) -> str:
    rng = e.rng
    blocks = []
    for head, blurb, url in items:
        blocks.append(
            '<tr><td style="padding:16px 32px">'
            f'<img src="{e.img}{rand(rng, 12, HEX)}.jpg" width="536" alt="{html_escape(head)}" '
            'style="display:block;width:100%;max-width:536px">'
            f'<h2 style="font-family:Georgia,serif;font-size:20px;color:#222">{html_escape(head)}</h2>'
            "<p "
            'style="font-family:Arial,sans-serif;font-size:15px;line-height:22px;color:#444">'
            f"{html_escape(blurb)}</p>"
            f'<a href="{e.click(url)}" style="color:{colour};font-weight:bold">Read more &rarr;</a></td></tr>'
        )
    return (
        '<!doctype html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n<meta charset="UTF-8">\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n<meta name="viewport" '
        'content="width=device-width, initial-scale=1">\n'
        f"<title>{html_escape(title)}</title>\n<style>body{{margin:0;padding:0}}table{{border-collapse:col"
        f"lapse}}"
        "@media only screen and (max-width:480px){.wrap{width:100%!important}}</style>\n</head>\n<body>\n"
        "<span "
        f'style="display:none;font-size:0;max-height:0;overflow:hidden">{html_escape(preheader)}</span>\n'
        '<table role="presentation" width="100%" bgcolor="#eeeeee"><tr><td align="center">\n'
        '<table role="presentation" class="wrap" width="600" bgcolor="#ffffff">\n'
        '<tr><td style="padding:8px 32px;font:12px Arial;color:#888;text-align:right"><a '
        f'href="{e.click("view")}" '
        'style="color:#888">View this email in your browser</a></td></tr>\n'
        f'<tr><td style="padding:24px 32px;background:{colour}"><img '
        f'src="{e.img}logo-{rand(rng, 6, HEX)}.png" height="40" '
        f'alt="{html_escape(brand)}"></td></tr>\n'
        '<tr><td style="padding:24px 32px 0;font:16px/24px Arial;color:#333"><h1 '
        f'style="font-family:Georgia,serif">{html_escape(title)}</h1>'
        f"<p>{html_escape(intro)}</p></td></tr>\n" + "\n".join(blocks) + "\n"
        f'<tr><td align="center" style="padding:24px"><a href="{e.click(cta[1])}" '
        f'style="background:{colour};color:#fff;'
        "padding:14px 28px;text-decoration:none;font:bold 15px "
        f'Arial;border-radius:3px">{html_escape(cta[0])}</a></td></tr>\n'
        '<tr><td style="padding:24px 32px;font:12px/18px '
        f'Arial;color:#888;background:#f6f6f6">{html_escape(reason)}<br>'
        f"{html_escape(address)}<br><br>"
        f'<a href="{e.unsub}" style="color:#888">Unsubscribe</a> &nbsp;|&nbsp; <a href="{e.prefs}" '
        'style="color:#888">Update your preferences</a>'
        f"</td></tr>\n</table>\n</td></tr></table>\n"
        f'<img src="{e.pixel}" width="1" height="1" alt="" '
        'style="display:block;height:1px;width:1px">\n</body>\n</html>\n'
    )


def bulk_text(
    *,
    title: str,
    intro: str,
    items: list[tuple[str, str, str]],
    cta: tuple[str, str],
    address: str,
    reason: str,
    unsub: str,
) -> str:
    out = [title, "=" * min(len(title), 60), "", intro, ""]
    for head, blurb, url in items:
        out += [head.upper(), blurb, f"Read more: {url}", ""]
    out += [
        f"{cta[0]}: {cta[1]}",
        "",
        "---",
        reason,
        address,
        "",
        f"Unsubscribe: {unsub}",
        "",
    ]
    return "\n".join(out)


def bulk(
    rng: random.Random,
    when: dt.datetime,
    *,
    esp: str,
    brand: str,
    sender: tuple[str, str],
    subject: str,
    title: str,
    intro: str,
    items: list[tuple[str, str, str]],
    cta: tuple[str, str],
    address: str,
    reason: str,
    colour: str,
    aligned: bool = True,
    policy: str = "none",
    to: tuple[str, str] | None = None,
    files: list[tuple[bytes, str, str]] | None = None,
) -> bytes:
    if to is None:
        p = staff(rng)
        to = (f"{p[0]} {p[1]}", email_of(p[0], p[1]))
    e = Esp(rng, when, esp, brand, to[1], aligned=aligned, policy=policy)
    site = f"https://www.{brand}"
    full = [(h, b, u if u.startswith("http") else f"{site}/{u}") for h, b, u in items]
    html = bulk_html(
        e,
        brand=sender[0],
        title=title,
        preheader=intro[:90],
        intro=intro,
        items=full,
        cta=cta,
        address=address,
        reason=reason,
        colour=colour,
    )
    html_only = rng.random() < 0.3
    text = bulk_text(
        title=title,
        intro=intro,
        items=full,
        cta=cta,
        address=address,
        reason=reason,
        unsub=e.unsub,
    )
    cte = rng.choice(["quoted-printable", "quoted-printable", "base64"])
    body: MIMEBase = text_part(html, "html", cte) if html_only else alt(text, html, rng, "plain", cte)
    if files:
        body = multipart("mixed", [body] + [attachment(d, m, f) for d, m, f in files], rng)
    headers = [
        ("From", addr(*sender)),
        ("Reply-To", addr(sender[0], f"hello@{brand}")),
        ("To", addr(*to)),
        ("Subject", subject),
        ("Date", rfc(when.astimezone(UTC) if esp != "campaignmonitor" else when)),
        ("Message-ID", e.msgid),
        *e.headers,
    ]
    return assemble(
        rng,
        route=e.route,
        rcpt=to[1],
        when=when,
        headers=headers,
        body=body,
        from_domain=sender[1].split("@")[1],
    )


# (display name, from address, brand domain, ESP, aligned, DMARC policy, colour, address, reason, issues)
NEWSLETTERS = [
    (
        "The Fifth Estate",
        "news@thefifthestate.com.au",
        "thefifthestate.com.au",
        "mailchimp",
        True,
        "none",
        "#2e7d32",
        "The Fifth Estate, PO Box 1325, Potts Point NSW 2011",
        "You are receiving this because you subscribed to The Fifth Estate daily.",
        [
            (
                "Embodied carbon: the new reporting rules explained",
                "What the NABERS embodied carbon framework means for "
                "design teams, and how early you need to start counting.",
                "news/embodied-carbon-reporting",
            ),
            (
                "Mass timber gets a leg up in Victoria",
                "A new state program backs timber schools. We look at who is building what.",
                "news/mass-timber-victoria",
            ),
            (
                "Opinion: retrofits, not rebuilds",
                "Why the greenest building is usually the one already standing.",
                "opinion/retrofits-not-rebuilds",
            ),
        ],
    ),
    (
        "Kiln & Co Tiles",
        "studio@kilnandco.com.au",
        "kilnandco.com.au",
        "mailchimp",
        True,
        "none",
        "#b5651d",
        "Kiln & Co Tiles, 14 Cromwell Street, Collingwood VIC 3066",
        "You're receiving this because you signed up at our Collingwood showroom or website.",
        [
            (
                "New: the Merri glaze range",
                "Eight hand-glazed colours in 75 x 300 subway and 100 x 100 square.",
                "collections/merri",
            ),
            (
                "Trade samples, next-day in Melbourne",
                "Order up to six samples free for architects and designers.",
                "trade/samples",
            ),
            (
                "Project spotlight: Northcote terrace",
                "How one practice used zellige in a tight bathroom.",
                "journal/northcote",
            ),
        ],
    ),
    (
        "Stonehaven Benchtops",
        "hello@stonehavenbenchtops.com.au",
        "stonehavenbenchtops.com.au",
        "mailchimp",
        False,
        "none",
        "#37474f",
        "Stonehaven Benchtops, 9 Dandenong Road, Clayton VIC 3168",
        "You are receiving this email because you are a trade customer of Stonehaven.",
        [
            (
                "Engineered stone ban: what to specify now",
                "Our guide to compliant alternatives since the 1 July 2024 ban.",
                "guides/engineered-stone-ban",
            ),
            (
                "Porcelain slabs in stock",
                "Large-format porcelain now held in our Clayton yard.",
                "porcelain",
            ),
        ],
    ),
    (
        "Open House Melbourne",
        "info@openhousemelbourne.org",
        "openhousemelbourne.org",
        "mailchimp",
        True,
        "quarantine",
        "#e4002b",
        "Open House Melbourne, Level 1, 22 Drewery Lane, Melbourne VIC 3000",
        "You are a member or volunteer of Open House Melbourne.",
        [
            (
                "Weekend program announced",
                "Over 150 buildings open their doors this July. Bookings open Monday.",
                "program",
            ),
            (
                "Volunteer with us",
                "Building captains and guides needed for the weekend.",
                "volunteer",
            ),
        ],
    ),
    (
        "Habitus Living",
        "newsletter@habitusliving.com",
        "habitusliving.com",
        "mailchimp",
        True,
        "none",
        "#111111",
        "Indesign Media Asia Pacific, Level 1, 50 Marshall Street, Surry Hills NSW 2010",
        "You subscribed to the Habitus newsletter.",
        [
            (
                "A house that steps down the hill",
                "A Melbourne home arranged around three courtyards.",
                "homes/steps",
            ),
            (
                "Six kitchens we love",
                "From terrazzo to timber, our pick of the season.",
                "design/kitchens",
            ),
        ],
    ),
    (
        "ArchitectureAU",
        "newsletter@architectureau.com",
        "architectureau.com",
        "sendgrid",
        True,
        "none",
        "#000000",
        "Architecture Media Pty Ltd, Level 6, 163 Eastern Road, South Melbourne VIC 3205",
        "You are receiving this email because you subscribed to ArchitectureAU.",
        [
            (
                "Shortlist announced for the Victorian Architecture Awards",
                "Entries across 14 categories have been shortlisted.",
                "articles/vic-awards-shortlist",
            ),
            (
                "Review: a library that listens",
                "A new community library in Melbourne's north.",
                "articles/library-review",
            ),
            (
                "Jobs board",
                "Architect, Senior Architect and Graduate roles across Australia.",
                "jobs",
            ),
        ],
    ),
    (
        "Enscape",
        "news@enscape3d.com",
        "enscape3d.com",
        "sendgrid",
        True,
        "reject",
        "#1f1f1f",
        "Chaos Software GmbH, Eichstetter Str. 3, 79104 Freiburg, Germany",
        "You receive this email because you are an Enscape customer.",
        [
            (
                "What's new in Enscape 4.5",
                "Faster rendering, new asset library items and improved Revit sync.",
                "blog/whats-new",
            ),
            (
                "Webinar: lighting for early design",
                "A 45-minute session for architects, with Q&A.",
                "webinars",
            ),
        ],
    ),
    (
        "Bluebeam",
        "marketing@bluebeam.com",
        "bluebeam.com",
        "hubspot",
        True,
        "reject",
        "#0077c8",
        "Bluebeam, Inc., 443 S. Raymond Ave, Pasadena, CA 91105",
        "You received this email because you are a Bluebeam customer.",
        [
            (
                "5 markup tips for faster reviews",
                "Tool chest sets and custom columns that save hours.",
                "blog/markup-tips",
            ),
            (
                "Revu 21 is here",
                "Cloud-connected collaboration in Bluebeam Revu 21.",
                "revu-21",
            ),
        ],
    ),
    (
        "Acoustica Panels",
        "hello@acousticapanels.com.au",
        "acousticapanels.com.au",
        "hubspot",
        True,
        "none",
        "#4caf50",
        "Acoustica Panels Pty Ltd, 22 Hume Highway, Campbellfield VIC 3061",
        "You're receiving this because you requested samples or downloaded a specification.",
        [
            (
                "New felt colours for 2025",
                "Sixteen new colours in 12 mm and 24 mm.",
                "colours",
            ),
            (
                "CPD: acoustics in open-plan offices",
                "A free one-hour CPD in your studio.",
                "cpd",
            ),
        ],
    ),
    (
        "Green Building Council of Australia",
        "news@gbca.org.au",
        "gbca.org.au",
        "hubspot",
        True,
        "quarantine",
        "#00a651",
        "Green Building Council of Australia, Level 15, 179 Elizabeth Street, Sydney NSW 2000",
        "You are receiving this email as a member of the Green Building Council of Australia.",
        [
            (
                "Green Star Buildings v1 revision",
                "Consultation opens on the revised credits.",
                "news/green-star-revision",
            ),
            (
                "Member event: Melbourne",
                "Join us for the Victorian member breakfast.",
                "events/melbourne",
            ),
        ],
    ),
    (
        "Procore",
        "no-reply@procore.com",
        "procore.com",
        "hubspot",
        True,
        "reject",
        "#f47e42",
        "Procore Technologies, 6309 Carpinteria Avenue, Carpinteria, CA 93013",
        "You are receiving this email because you signed up for Procore updates.",
        [
            (
                "Design coordination in Procore",
                "Give consultants one source of truth.",
                "design-coordination",
            ),
            (
                "Customer story: builder in Victoria",
                "How a mid-tier builder halved RFI turnaround.",
                "customers",
            ),
        ],
    ),
    (
        "Collingwood Traders",
        "info@collingwoodtraders.org.au",
        "collingwoodtraders.org.au",
        "constantcontact",
        False,
        "none",
        "#6a1b9a",
        "Collingwood Traders Association, PO Box 412, Collingwood VIC 3066",
        "You are on our mailing list as a local business.",
        [
            (
                "Smith Street late-night shopping",
                "Thursday nights through December.",
                "events",
            ),
            (
                "Council grants for shopfronts",
                "Applications close at the end of the month.",
                "grants",
            ),
        ],
    ),
    (
        "Victorian Heritage Network",
        "newsletter@vicheritagenetwork.org.au",
        "vicheritagenetwork.org.au",
        "constantcontact",
        True,
        "none",
        "#795548",
        "Victorian Heritage Network Inc., PO Box 220, Carlton VIC 3053",
        "You are a member of the Victorian Heritage Network.",
        [
            (
                "Talk: conserving interwar apartments",
                "An evening talk at the Royal Historical Society.",
                "talks",
            ),
            (
                "Heritage grants open",
                "Funding for conservation works on listed places.",
                "grants",
            ),
        ],
    ),
    (
        "Australian Institute of Architects",
        "info@architecture.com.au",
        "architecture.com.au",
        "campaignmonitor",
        True,
        "none",
        "#000000",
        "Australian Institute of Architects, 41 Exhibition Street, Melbourne VIC 3000",
        "You are receiving this as a member of the Australian Institute of Architects.",
        [
            (
                "Victorian chapter news",
                "Awards night tickets, CPD and advocacy updates.",
                "vic/news",
            ),
            (
                "Practice notes: contract administration",
                "Updated practice notes for members.",
                "practice-notes",
            ),
            ("Member benefits", "Insurance, legal advice and discounts.", "benefits"),
        ],
    ),
    (
        "Design Institute of Australia",
        "info@design.org.au",
        "design.org.au",
        "campaignmonitor",
        True,
        "none",
        "#e91e63",
        "Design Institute of Australia, Level 1, 150 Palmerston Street, Carlton VIC 3053",
        "You are receiving this email because you are a DIA member.",
        [
            (
                "Interior Design Awards open",
                "Entries now open for the national awards.",
                "awards",
            ),
            ("CPD calendar", "This quarter's CPD events in Melbourne.", "cpd"),
        ],
    ),
    (
        "Rawson Timber",
        "sales@rawsontimber.com.au",
        "rawsontimber.com.au",
        "campaignmonitor",
        True,
        "none",
        "#8d6e63",
        "Rawson Timber Pty Ltd, 40 Princes Highway, Dandenong VIC 3175",
        "You are receiving this email because you are a trade account holder.",
        [
            (
                "Spotted gum decking in stock",
                "Select grade, 140 x 19, delivered Melbourne-wide.",
                "decking",
            ),
            (
                "Shou sugi ban cladding",
                "Charred cladding in three profiles.",
                "cladding",
            ),
        ],
    ),
]


def newsletter(rng: random.Random, when: dt.datetime, pick: int | None = None) -> bytes:
    weights = [3, 3, 2, 2, 2, 4, 3, 3, 2, 2, 2, 2, 3, 3, 2, 2]
    name, frm, brand, esp, aligned, policy, colour, address, reason, items = (
        NEWSLETTERS[pick] if pick is not None else rng.choices(NEWSLETTERS, weights)[0]
    )
    lead = items[0][0]
    month = when.strftime("%B %Y")
    subject = rng.choice(
        [
            lead,
            f"{name} | {month}",
            f"{lead} + more",
            f"{name} newsletter - {when:%d %b}",
        ]
    )
    intro = rng.choice(
        [
            f"Welcome to the {month} edition.",
            "Here's what's new this month.",
            f"Hello from {name}.",
            "A quick round-up of news for the design community.",
        ]
    )
    return bulk(
        rng,
        when,
        esp=esp,
        brand=brand,
        sender=(name, frm),
        subject=subject,
        title=lead,
        intro=intro,
        items=items,
        cta=("Visit our website", f"https://www.{brand}/"),
        address=address,
        reason=reason,
        colour=colour,
        aligned=aligned,
        policy=policy,
    )


def conference(rng: random.Random, when: dt.datetime) -> bytes:
    kind = rng.randrange(6)
    if kind == 0:
        return bulk(
            rng,
            when,
            esp="campaignmonitor",
            brand="architecture.com.au",
            sender=("Australian Institute of Architects", "events@architecture.com.au"),
            subject="Early bird closes Friday: National Architecture Conference 2026",
            title="National Architecture Conference 2026",
            intro="Three days of talks, tours and debate.",
            items=[
                (
                    "Speakers announced",
                    "Twenty practitioners from Australia and abroad.",
                    "conference/speakers",
                ),
                (
                    "Tours",
                    "Building tours across Melbourne on day three.",
                    "conference/tours",
                ),
            ],
            cta=("Register now", "https://www.architecture.com.au/conference"),
            address=NEWSLETTERS[13][7],
            reason=NEWSLETTERS[13][8],
            colour="#000000",
        )
    if kind == 1:
        return bulk(
            rng,
            when,
            esp="hubspot",
            brand="digitalbuildweek.com.au",
            sender=("Digital Build Week", "events@digitalbuildweek.com.au"),
            subject="You're invited: Digital Build Week Melbourne",
            title="Digital Build Week Melbourne",
            intro="BIM, AI and digital delivery for the built environment.",
            items=[
                ("Program", "Two stages, forty sessions, one expo hall.", "program"),
                (
                    "Free expo passes",
                    "Expo entry is free for architects and engineers.",
                    "register",
                ),
            ],
            cta=("Get your pass", "https://www.digitalbuildweek.com.au/register"),
            address="Digital Build Week, Level 4, 10 Queen Street, Melbourne VIC 3000",
            reason="You attended a previous event.",
            colour="#263238",
            policy="none",
        )
    if kind == 2:
        return bulk(
            rng,
            when,
            esp="campaignmonitor",
            brand="design.org.au",
            sender=("Design Institute of Australia", "events@design.org.au"),
            subject="Invitation: Interior Design Awards night",
            title="Interior Design Awards night",
            intro="Join us to celebrate the year's best interiors.",
            items=[("Tickets", "Members' tickets are now on sale.", "awards/night")],
            cta=("Book tickets", "https://www.design.org.au/awards/night"),
            address=NEWSLETTERS[14][7],
            reason=NEWSLETTERS[14][8],
            colour="#e91e63",
        )
    p = rng.choice(
        [
            ("Fiona", "Halloran", "Director"),
            ("Marcus", "Kaye", "Director"),
            ("Priya", "Raman", "Associate"),
        ]
    )
    mine = _me(p)
    if kind == 3:
        sender, system, kw = (
            ("Elena Marchetti", "elena.marchetti@ngv.vic.gov.au"),
            "m365",
            {"policy": "reject"},
        )
        subj = "Melbourne Design Week 2026 - speaker invitation"
        text = (
            f"Dear {p[0]},\n\nOn behalf of the NGV, I'd like to invite you to speak at a Melbourne Design "
            "Week "
            "2026 panel on adaptive reuse, alongside two other Melbourne practices. The session runs 60 "
            "minutes "
            "with a moderated Q&A and would be held at the NGV International in May.\n\nWe'd be delighted to "
            "include the Fitzroy North library as a case study. Could you let me know by the end of the "
            "month "
            "whether you're available? I'm happy to talk through details on the phone.\n\nWarm regards,\n\n"
            "Elena Marchetti\nProgram Curator, Melbourne Design Week\nNational Gallery of Victoria\n"
            "180 St Kilda Road, Melbourne VIC 3004\nT +61 3 8620 2222\n"
        )
    elif kind == 4:
        sender, system, kw = (
            ("Dr Mark Ellison", "mark.ellison@rmit.edu.au"),
            "m365",
            {"policy": "reject"},
        )
        subj = "Invitation - final studio review, Master of Architecture"
        text = (
            f"Hi {p[0]},\n\nWould you be available to join our panel of guest critics for the final studio "
            "reviews in the Master of Architecture program? The reviews run 9:30-4:00 in Building 100, lunch "
            "provided, and there's a modest honorarium.\n\nThe studio this semester looked at housing on "
            "underused car parks in the middle suburbs, so I think it'll be right up your alley.\n\n"
            "Best,\nMark\n\nDr Mark Ellison\nSenior Lecturer, School of Architecture and Urban Design\nRMIT "
            "University\n"
        )
    else:
        sender, system, kw = (
            ("Bec Sinclair", "bec@sbeforum.org.au"),
            "google",
            {"policy": "none"},
        )
        subj = "Panel invitation: Sustainable Built Environment Forum"
        text = (
            f"Hi {p[0]},\n\nWe're putting together a panel on low-carbon refurbishment for this year's "
            "Sustainable "
            "Built Environment Forum and your name came up more than once. It's a 45-minute panel, in "
            "person at "
            "the Melbourne Convention Centre. Would you be interested? Happy to send through the run "
            "sheet.\n\n"
            "Thanks,\nBec Sinclair\nProgram Manager | SBE Forum\n0412 558 903\n"
        )
    return person_mail(
        rng,
        system=system,
        sender=sender,
        to=[mine],
        subject=subj,
        text=text,
        when=when,
        route_kw=kw,
        rcpt=mine[1],
    )


def charity(rng: random.Random, when: dt.datetime) -> bytes:
    kind = rng.randrange(4)
    to = (
        ("Karen Doyle", email_of("Karen", "Doyle"))
        if rng.random() < 0.5
        else ("Fiona Halloran", email_of("Fiona", "Halloran"))
    )
    amount = rng.choice(["$250.00", "$500.00", "$1,000.00", "$150.00"])
    receipt = [
        (
            pdf(
                [
                    "Tax receipt",
                    f"Received from {FIRM}",
                    f"Amount {amount}",
                    "Gifts of $2 or more are tax deductible.",
                ],
                "Receipt",
            ),
            "application/pdf",
            f"Receipt-{rng.randint(10**6, 10**7)}.pdf",
        )
    ]
    if kind == 0:
        return bulk(
            rng,
            when,
            esp="sfmc",
            brand="redcross.org.au",
            sender=("Australian Red Cross", "supporter@e.redcross.org.au"),
            subject="Thank you for your donation",
            title=f"Thank you, {to[0].split()[0]}",
            intro=f"Your gift of {amount} is helping people affected by disasters across Australia.",
            items=[
                (
                    "Where your gift goes",
                    "Emergency teams, recovery support and community programs.",
                    "donate/impact",
                )
            ],
            cta=("See your impact", "https://www.redcross.org.au/impact"),
            address="Australian Red Cross Society, 23-47 Villiers Street, North Melbourne VIC 3051. ABN 50 "
            "169 561 394",
            reason="You are receiving this email because you made a donation.",
            colour="#e4002b",
            policy="reject",
            to=to,
            files=receipt,
        )
    if kind == 1:
        return bulk(
            rng,
            when,
            esp="sendgrid",
            brand="beyondblue.org.au",
            sender=("Beyond Blue", "donations@beyondblue.org.au"),
            subject="Your donation receipt",
            title="Thank you for your support",
            intro=f"We have received your donation of {amount}. Your tax receipt is attached.",
            items=[
                (
                    "Your support matters",
                    "It keeps our support service open 24/7.",
                    "get-involved",
                )
            ],
            cta=("Learn more", "https://www.beyondblue.org.au/"),
            address="Beyond Blue Ltd, PO Box 6100, Hawthorn West VIC 3122. ABN 87 093 865 840",
            reason="You received this email because you donated to Beyond Blue.",
            colour="#1f2a44",
            policy="quarantine",
            to=to,
            files=receipt,
        )
    if kind == 2:
        return bulk(
            rng,
            when,
            esp="mailchimp",
            brand="orangesky.org.au",
            sender=("Orange Sky Australia", "hello@orangesky.org.au"),
            subject="Thanks for washing with us",
            title="Thank you",
            intro=f"Your team's donation of {amount} funds warm showers and clean clothes for friends doing "
            "it tough.",
            items=[("This year in numbers", "Over 50,000 loads of washing.", "impact")],
            cta=("See the impact", "https://orangesky.org.au/impact"),
            address="Orange Sky Australia, PO Box 4, Brisbane QLD 4001",
            reason="You are receiving this email because you supported Orange Sky.",
            colour="#ff7a00",
            policy="none",
            to=to,
        )
    text = (
        "Dear Fiona, Karen and the team at Halloran Kaye,\n\nThank you so much for the donation from your "
        "Christmas "
        "fundraiser, and for the volunteers who joined our build day in Broadmeadows. The official receipt "
        "is "
        "attached for your records.\n\nWith thanks,\n\nMaria Lopes\nPartnerships Coordinator\nHabitat for "
        "Humanity "
        "Victoria\n(03) 9687 8000\n"
    )
    return person_mail(
        rng,
        system="m365",
        sender=("Maria Lopes", "maria.lopes@habitatvic.org.au"),
        to=[to],
        subject="Thank you from Habitat for Humanity Victoria",
        text=text,
        when=when,
        files=receipt,
        route_kw={"policy": "none"},
        rcpt=to[1],
    )


# --------------------------------------------------------------------------------------------
# the set
# --------------------------------------------------------------------------------------------

KINDS: list[tuple[str, int]] = [
    ("internal", 60),
    ("client", 40),
    ("supplier", 45),
    ("saas", 55),
    ("newsletter", 40),
    ("shipping", 15),
    ("calendar", 15),
    ("security", 12),
    ("hr-it", 12),
    ("mailing-list", 12),
    ("out-of-office", 8),
    ("recruiter", 6),
    ("conference", 6),
    ("charity", 4),
]


def _one(kind: str, rng: random.Random, index: int) -> bytes:
    if kind == "internal":
        return internal_mail(rng)
    if kind == "client":
        return client_mail(rng)
    if kind == "supplier":
        return supplier_mail(rng)
    when = pick_time(rng, 0.1, (0, 23) if kind in ("saas", "security", "shipping") else (6, 20))
    if kind == "saas":
        order = [fn for fn, n in SAAS for _ in range(n)]
        return order[index % len(order)](rng, when)
    table: dict[str, Callable[[random.Random, dt.datetime], bytes]] = {
        "newsletter": newsletter,
        "shipping": ship,
        "calendar": calendar_invite,
        "security": security,
        "hr-it": hr_it,
        "mailing-list": mailing_list,
        "out-of-office": out_of_office,
        "recruiter": recruiter,
        "conference": conference,
        "charity": charity,
    }
    return table[kind](rng, when)


def make_up() -> dict[str, int]:
    return dict(KINDS)


def messages(split: str = "test") -> list[tuple[str, bytes]]:
    if split != "test":
        return []
    plan = [(kind, i) for kind, n in KINDS for i in range(n)]
    random.Random(SEED).shuffle(plan)
    out = []
    for n, (kind, i) in enumerate(plan, 1):
        seed = int.from_bytes(hashlib.sha256(f"{SEED}:{kind}:{i}".encode()).digest()[:8], "big")
        out.append((f"en-business4-{n:03d}.eml", _one(kind, random.Random(seed), i)))
    return out
