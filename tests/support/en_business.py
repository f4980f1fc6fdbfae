"""Ordinary, legitimate modern English business mail (ham) as the MX of a mid-size US freight
company receives it in 2025-2026.

The receiving organisation is Harborline Freight Inc. (``harborline-freight.com``); every message
is a whole RFC 5322 message as it sits in a staff mailbox after ``mx1.harborline-freight.com`` has
added its ``Received`` and ``Authentication-Results`` headers. ``messages(split, seed)`` returns
``(name, bytes)`` pairs; only the ``test`` split exists (``dev`` is empty). The set measures how
often a phishing analyser wrongly flags genuine mail, and can serve as ham for training.

Senders: SaaS security and account systems (Google, Microsoft, Slack, GitHub, Zoom, Dropbox,
Atlassian, Okta) with genuinely urgent wording, e-signature services (DocuSign, Adobe Acrobat
Sign), receipts and invoices (Stripe, QuickBooks, Xero, PayPal, Amazon Business, AWS, Azure),
the company's bank and vendors (including a carefully written change-of-bank-details letter),
parcel and freight carriers, customs brokers, ESP newsletters and promotions (SendGrid, Mailchimp,
Amazon SES, HubSpot, Salesforce Marketing Cloud, Braze) with click-tracking links whose anchor text
shows the real site, tracking pixels, ``List-Unsubscribe`` and VERP bounce addresses, internal HR,
payroll and IT mail (a phishing-awareness newsletter quotes real lure phrases), calendar invitations,
correspondence with customers, carriers and partners (replies with quoted text, PDF/XLSX
attachments), mailing lists (Mailman, Google Groups), support desks, recruiting, social
notifications, government and compliance portals, forwarded mail that breaks SPF or DKIM, a small
vendor without DMARC, and cold sales outreach. Nothing was softened; the set was written blind to
the analyser.

``python -m tests.support.en_business [--seed N] [--out DIR]`` prints the counts per family and
writes ``DIR/*.eml``. Every person, company (other than well-known public services, which appear
under their real domains as the real senders), number and text is invented; no domain is resolved.
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
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

Header = tuple[str, str]
Ent = tuple[list[Header], bytes]
Builder = Callable[[random.Random, int], bytes]

ORG = "Harborline Freight Inc."
DOM = "harborline-freight.com"
MX = "mx1.harborline-freight.com"
MX_IP = "198.51.100.25"
ORG_PHONE = "(253) 555-0148"
ORG_ADDR = "4100 Marine View Drive, Suite 200, Tacoma, WA 98422"

ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"
URLSAFE = ALNUM + "-_"


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    title: str
    ext: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def email(self) -> str:
        return f"{self.first.lower()}.{self.last.lower()}@{DOM}"

    @property
    def login(self) -> str:
        return f"{self.first[0].lower()}{self.last.lower()}"


STAFF = [
    Person("Dana", "Whitfield", "Chief Executive Officer", "100"),
    Person("Marcus", "Oyelaran", "Controller", "214"),
    Person("Priya", "Raman", "Accounts Payable Specialist", "217"),
    Person("Kevin", "Lindqvist", "Operations Manager", "301"),
    Person("Teresa", "Delgado", "Dispatch Lead", "305"),
    Person("Jordan", "Pike", "Account Executive", "410"),
    Person("Aisha", "Coleman", "Customer Service Manager", "402"),
    Person("Brian", "Nakamura", "IT Systems Administrator", "520"),
    Person("Rachel", "Hoffmann", "HR Generalist", "610"),
    Person("Luis", "Ferreira", "Logistics Coordinator", "312"),
    Person("Megan", "Stroud", "Procurement Manager", "230"),
    Person("Tom", "Ellery", "Safety & Compliance Manager", "330"),
]
CEO, CONTROLLER, AP, OPSMGR, DISPATCH, SALES, CSM, ITADMIN, HR, LOGI, PROCURE, SAFETY = STAFF
SHARED = {
    "ap": f"ap@{DOM}",
    "dispatch": f"dispatch@{DOM}",
    "billing": f"billing@{DOM}",
    "it": f"it-helpdesk@{DOM}",
    "hr": f"hr@{DOM}",
    "ops": f"ops@{DOM}",
    "all": f"all-staff@{DOM}",
    "accounts": f"accounts@{DOM}",
}

FIRST = [
    "Alicia",
    "Ben",
    "Carla",
    "Derek",
    "Elena",
    "Frank",
    "Grace",
    "Hector",
    "Irene",
    "Jamal",
    "Kristen",
    "Liam",
    "Monica",
    "Nate",
    "Olivia",
    "Paul",
    "Quinn",
    "Rosa",
    "Sam",
    "Tanya",
    "Victor",
    "Wendy",
    "Xavier",
    "Yolanda",
    "Zach",
    "Hannah",
    "Omar",
    "Brooke",
    "Dmitri",
    "Keisha",
]
LAST = [
    "Abernathy",
    "Brennan",
    "Castillo",
    "Dunmore",
    "Eckert",
    "Fairbanks",
    "Gutierrez",
    "Halvorsen",
    "Ingram",
    "Jablonski",
    "Kowalczyk",
    "Larkin",
    "McAllister",
    "Nguyen",
    "Okafor",
    "Pruitt",
    "Quintero",
    "Rasmussen",
    "Sorensen",
    "Thibodeaux",
    "Underwood",
    "Vasquez",
    "Whitaker",
    "Yates",
    "Zimmerman",
    "Boudreaux",
    "Chandler",
    "Delacroix",
    "Esposito",
    "Fitzgerald",
]
CITIES = [
    ("Tacoma", "WA"),
    ("Portland", "OR"),
    ("Boise", "ID"),
    ("Reno", "NV"),
    ("Fresno", "CA"),
    ("Ontario", "CA"),
    ("Salt Lake City", "UT"),
    ("Spokane", "WA"),
    ("Phoenix", "AZ"),
    ("Denver", "CO"),
    ("Kent", "WA"),
    ("Stockton", "CA"),
    ("Medford", "OR"),
    ("Yakima", "WA"),
]
ZONES = {
    "ET": (-5, "EST", "EDT"),
    "CT": (-6, "CST", "CDT"),
    "MT": (-7, "MST", "MDT"),
    "PT": (-8, "PST", "PDT"),
}


@dataclass(frozen=True)
class Org:
    name: str
    domain: str
    city: str
    state: str
    phone: str
    kind: str


CUSTOMERS = [
    Org("Cascade Home Goods", "cascadehomegoods.com", "Kent", "WA", "(253) 555-0172", "retail"),
    Org("Pinecrest Outdoor Supply", "pinecrestoutdoor.com", "Boise", "ID", "(208) 555-0139", "retail"),
    Org("Meridian Auto Parts", "meridian-autoparts.com", "Portland", "OR", "(503) 555-0116", "parts"),
    Org("Sunvale Foods", "sunvalefoods.com", "Fresno", "CA", "(559) 555-0190", "food"),
    Org("Ridgeback Building Products", "ridgebackbp.com", "Spokane", "WA", "(509) 555-0123", "building"),
    Org("Tallgrass Beverage Co.", "tallgrassbev.com", "Yakima", "WA", "(509) 555-0164", "beverage"),
]
CARRIERS = [
    Org("Redline Transport LLC", "redlinetransport.com", "Stockton", "CA", "(209) 555-0182", "carrier"),
    Org("Blue Ridge Carriers", "blueridgecarriers.com", "Salt Lake City", "UT", "(801) 555-0145", "carrier"),
    Org("Sandpoint Trucking", "sandpointtrucking.com", "Spokane", "WA", "(509) 555-0111", "carrier"),
    Org("Copperline Logistics", "copperlinelogistics.com", "Phoenix", "AZ", "(602) 555-0177", "carrier"),
    Org("Evergreen Drayage", "evergreendrayage.com", "Tacoma", "WA", "(253) 555-0193", "drayage"),
]
VENDORS = [
    Org("Northgate Pallet Co.", "northgatepallet.com", "Kent", "WA", "(253) 555-0128", "pallets"),
    Org("Summit Fleet Fuel", "summitfleetfuel.com", "Portland", "OR", "(503) 555-0150", "fuel"),
    Org("Keystone Tire & Fleet Service", "keystonetirefleet.com", "Tacoma", "WA", "(253) 555-0161", "tires"),
    Org("BrightPath Facility Services", "brightpathfs.com", "Tacoma", "WA", "(253) 555-0107", "janitorial"),
    Org(
        "Lakeshore Forklift & Equipment",
        "lakeshoreforklift.com",
        "Auburn",
        "WA",
        "(253) 555-0134",
        "equipment",
    ),
    Org("Pacific Rim Dock Systems", "pacificrimdock.com", "Fife", "WA", "(253) 555-0188", "dock doors"),
]
BROKER = Org(
    "Tidewater Customs Brokerage", "tidewatercustoms.com", "Seattle", "WA", "(206) 555-0142", "customs"
)
BANK = Org("Evergreen Commerce Bank", "evergreencommercebank.com", "Seattle", "WA", "(800) 555-0131", "bank")


def rs(r: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def digits(r: random.Random, n: int) -> str:
    return str(r.randint(1, 9)) + "".join(r.choice("0123456789") for _ in range(n - 1))


def pname(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def money(x: float) -> str:
    return f"${x:,.2f}"


def tz(zone: str, month: int) -> timezone:
    base, std_name, dst_name = ZONES[zone]
    dst = 3 < month < 11
    return timezone(timedelta(hours=base + (1 if dst else 0)), dst_name if dst else std_name)


def rdate(r: random.Random, zone: str = "PT", h0: int = 7, h1: int = 18, weekend: bool = False) -> datetime:
    while True:
        year = r.choice((2025, 2026))
        month = r.randint(1, 12 if year == 2025 else 11)
        dt = datetime(year, month, r.randint(1, 28), r.randint(h0, h1), r.randint(0, 59), r.randint(0, 59))
        if weekend or dt.weekday() < 5:
            return dt.replace(tzinfo=tz(zone, month))


def hdate(dt: datetime, utc: bool = False) -> str:
    if utc:
        return format_datetime(dt.astimezone(UTC), usegmt=True)
    return format_datetime(dt)


def ldate(dt: datetime) -> str:
    return f"{dt:%B} {dt.day}, {dt.year}"


def sdate(dt: datetime) -> str:
    return f"{dt.month:02d}/{dt.day:02d}/{dt.year}"


def later(dt: datetime, days: int) -> datetime:
    d = dt + timedelta(days=days)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def mid(r: random.Random, dom: str, style: str = "plain") -> str:
    if style == "outlook":
        return f"<{rs(r, 4, UHEX)}PR{digits(r, 2)}MB{digits(r, 4)}{rs(r, 22, UHEX)}@{rs(r, 4, UHEX)}PR{digits(r, 2)}MB{digits(r, 4)}.namprd{digits(r, 2)}.prod.outlook.com>"
    if style == "gmail":
        return f"<CA{rs(r, 3, ALNUM)}{rs(r, 40, URLSAFE)}@mail.gmail.com>"
    if style == "ses":
        return f"<0100019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}-000000@email.amazonses.com>"
    if style == "sendgrid":
        return f"<{rs(r, 22, URLSAFE)}@geopod-ismtpd-{r.randint(1, 40)}>"
    if style == "uuid":
        return f"<{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@{dom}>"
    return f"<{rs(r, 16, LOWER)}.{digits(r, 10)}@{dom}>"


# --------------------------------------------------------------------------------------------
# MIME construction


def ew(s: str, cs: str = "utf-8") -> str:
    """RFC 2047 encoded word(s) if the text is not ASCII."""
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        pass
    raw = s.encode(cs)
    words = []
    for i in range(0, len(raw), 45):
        chunk = raw[i : i + 45]
        while True:
            try:
                chunk.decode(cs)
                break
            except UnicodeDecodeError:
                chunk = chunk[:-1]
        words.append(chunk)
        if len(chunk) < len(raw[i : i + 45]):
            return _ew_chars(s, cs)
    label = cs.upper()
    return "\n ".join(f"=?{label}?B?{base64.b64encode(w).decode()}?=" for w in words)


def _ew_chars(s: str, cs: str) -> str:
    out, cur = [], ""
    for ch in s:
        if len((cur + ch).encode(cs)) > 42:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    out.append(cur)
    label = cs.upper()
    return "\n ".join(f"=?{label}?B?{base64.b64encode(w.encode(cs)).decode()}?=" for w in out)


def addr(name: str, email: str, cs: str = "utf-8") -> str:
    if not name:
        return email
    enc = ew(name, cs)
    if enc != name:
        return f"{enc} <{email}>"
    if any(c in name for c in ',.()<>@:;"[]'):
        return f'"{name}" <{email}>'
    return f"{name} <{email}>"


def qp_encode(text: str, cs: str) -> bytes:
    raw = text.replace("\r\n", "\n").encode(cs)
    return quopri.encodestring(raw)


def b64_encode(raw: bytes) -> bytes:
    return base64.encodebytes(raw)


def leaf(ctype: str, text: str, cs: str = "utf-8", cte: str = "quoted-printable", params: str = "") -> Ent:
    if cte == "quoted-printable":
        body = qp_encode(text, cs)
    elif cte == "base64":
        body = b64_encode(text.replace("\r\n", "\n").encode(cs))
    else:
        body = text.replace("\r\n", "\n").encode(cs)
    if not body.endswith(b"\n"):
        body += b"\n"
    return [("Content-Type", f'{ctype}; charset="{cs}"{params}'), ("Content-Transfer-Encoding", cte)], body


def plain(text: str, cs: str = "utf-8", cte: str = "quoted-printable", flowed: bool = False) -> Ent:
    return leaf("text/plain", text, cs, cte, "; format=flowed" if flowed else "")


def html(text: str, cs: str = "utf-8", cte: str = "quoted-printable") -> Ent:
    return leaf("text/html", text, cs, cte)


def boundary(r: random.Random, style: str = "generic") -> str:
    if style == "outlook":
        return f"_000_{rs(r, 40, UHEX)}namp_"
    if style == "gmail":
        return "000000000000" + rs(r, 16, HEX)
    if style == "java":
        return f"----=_Part_{r.randint(100000, 999999)}_{r.randint(100000000, 999999999)}.{digits(r, 13)}"
    if style == "apple":
        return f"Apple-Mail={rs(r, 8, UHEX)}-{rs(r, 4, UHEX)}-{rs(r, 4, UHEX)}-{rs(r, 4, UHEX)}-{rs(r, 12, UHEX)}"
    return f"=_{rs(r, 28, HEX)}"


def multi(r: random.Random, sub: str, parts: Sequence[Ent], style: str = "generic", params: str = "") -> Ent:
    b = boundary(r, style)
    chunks = [b"This is a multi-part message in MIME format.\n"] if style == "generic" else []
    for hs, body in parts:
        chunks.append(f"\n--{b}\n".encode())
        chunks.append(hbytes(hs) + b"\n" + body)
    chunks.append(f"\n--{b}--\n".encode())
    return [("Content-Type", f'multipart/{sub}; boundary="{b}"{params}')], b"".join(chunks)


def alt(
    r: random.Random,
    text: str,
    htm: str,
    cs: str = "utf-8",
    cte: str = "quoted-printable",
    style: str = "generic",
) -> Ent:
    return multi(r, "alternative", [plain(text, cs, cte), html(htm, cs, cte)], style)


def attach(filename: str, ctype: str, data: bytes, inline: bool = False) -> Ent:
    disp = "inline" if inline else "attachment"
    return (
        [
            ("Content-Type", f'{ctype}; name="{filename}"'),
            ("Content-Disposition", f'{disp}; filename="{filename}"'),
            ("Content-Transfer-Encoding", "base64"),
        ],
        b64_encode(data),
    )


def hbytes(hs: Sequence[Header]) -> bytes:
    return b"".join(f"{k}: {v}\n".encode("ascii") for k, v in hs)


def fake_pdf(r: random.Random, title: str, lines: Sequence[str]) -> bytes:
    text = " ".join(f"({ln.replace('(', '[').replace(')', ']')}) Tj T*" for ln in lines)
    stream = f"BT /F1 11 Tf 14 TL 56 760 Td ({title}) Tj T* T* {text} ET".encode("latin-1", "replace")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
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


def fake_zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content)
    return buf.getvalue()


def fake_xlsx(rows: Sequence[Sequence[str]]) -> bytes:
    cells = []
    for i, row in enumerate(rows, 1):
        cs = "".join(
            f'<c r="{chr(65 + j)}{i}" t="inlineStr"><is><t>{v}</t></is></c>' for j, v in enumerate(row)
        )
        cells.append(f'<row r="{i}">{cs}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(cells)}</sheetData></worksheet>"
    )
    return fake_zip(
        {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
            "xl/worksheets/sheet1.xml": sheet,
        }
    )


def fake_docx(paragraphs: Sequence[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return fake_zip(
        {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"/>',
            "word/document.xml": '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        }
    )


PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --------------------------------------------------------------------------------------------
# rendering: one list of blocks becomes both the text and the HTML part

Block = str | tuple


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_of(blocks: Sequence[Block], footer: Sequence[str] = ()) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
        elif b[0] == "h":
            out.append(b[1].upper() if len(b) > 2 else b[1])
        elif b[0] == "btn":
            out.append(f"{b[1]}:\n{b[2]}")
        elif b[0] == "link":
            out.append(f"{b[1]} ( {b[2]} )")
        elif b[0] == "code":
            out.append(f"    {b[1]}")
        elif b[0] == "kv":
            w = max(len(k) for k, _ in b[1]) + 2
            out.append("\n".join(f"{k + ':':<{w}}{v}" for k, v in b[1]))
        elif b[0] == "ul":
            out.append("\n".join(f"* {x}" for x in b[1]))
        elif b[0] == "img":
            continue
    if footer:
        out.append("-" * 60)
        out.extend(footer)
    return "\n\n".join(out) + "\n"


def html_of(
    blocks: Sequence[Block],
    brand: str,
    color: str = "#1a73e8",
    footer: Sequence[str] = (),
    pixel: str = "",
    preheader: str = "",
    logo: str = "",
) -> str:
    rows: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            rows.append(
                '<p style="margin:0 0 16px 0;font-size:15px;line-height:22px;color:#3c4043;">'
                + esc(b).replace("\n", "<br>\n")
                + "</p>"
            )
        elif b[0] == "h":
            rows.append(
                f'<h1 style="font-size:22px;font-weight:600;margin:0 0 18px 0;color:#202124;">{esc(b[1])}</h1>'
            )
        elif b[0] == "btn":
            rows.append(
                '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;">'
                f'<tr><td align="center" bgcolor="{color}" style="border-radius:4px;">'
                f'<a href="{esc(b[2])}" target="_blank" style="display:inline-block;padding:12px 24px;'
                f'font-size:15px;color:#ffffff;text-decoration:none;font-weight:600;">{esc(b[1])}</a>'
                "</td></tr></table>"
            )
        elif b[0] == "link":
            rows.append(
                f'<p style="margin:0 0 16px 0;font-size:14px;"><a href="{esc(b[2])}" style="color:{color};">'
                f"{esc(b[1])}</a></p>"
            )
        elif b[0] == "code":
            rows.append(
                f'<p style="font-size:32px;letter-spacing:6px;font-weight:700;margin:8px 0 24px 0;">{esc(b[1])}</p>'
            )
        elif b[0] == "kv":
            trs = "".join(
                f'<tr><td style="padding:4px 16px 4px 0;color:#5f6368;">{esc(k)}</td>'
                f'<td style="padding:4px 0;color:#202124;">{esc(v)}</td></tr>'
                for k, v in b[1]
            )
            rows.append(f'<table role="presentation" style="font-size:14px;margin:0 0 18px 0;">{trs}</table>')
        elif b[0] == "ul":
            lis = "".join(f'<li style="margin:0 0 6px 0;">{esc(x)}</li>' for x in b[1])
            rows.append(f'<ul style="font-size:15px;line-height:22px;color:#3c4043;">{lis}</ul>')
        elif b[0] == "img":
            rows.append(
                f'<img src="{esc(b[1])}" alt="{esc(b[2])}" width="560" style="display:block;border:0;">'
            )
    foot = "".join(
        f'<p style="margin:0 0 8px 0;font-size:12px;line-height:18px;color:#80868b;">{esc(f)}</p>'
        for f in footer
    )
    head_logo = (
        f'<img src="{esc(logo)}" alt="{esc(brand)}" height="32" style="display:block;border:0;">'
        if logo
        else f'<span style="font-size:20px;font-weight:700;color:{color};">{esc(brand)}</span>'
    )
    pre = (
        f'<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">{esc(preheader)}'
        + "&nbsp;&zwnj;" * 12
        + "</div>"
        if preheader
        else ""
    )
    px = (
        f'<img src="{esc(pixel)}" alt="" width="1" height="1" border="0" style="height:1px !important;width:1px !important;">'
        if pixel
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(brand)}</title>\n</head>\n"
        '<body style="margin:0;padding:0;background:#f4f5f7;font-family:Helvetica,Arial,sans-serif;">\n'
        f"{pre}\n"
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f5f7">\n'
        '<tr><td align="center" style="padding:24px 12px;">\n'
        '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" '
        'style="max-width:600px;border-radius:6px;">\n'
        f'<tr><td style="padding:24px 32px 8px 32px;">{head_logo}</td></tr>\n'
        '<tr><td style="padding:16px 32px 8px 32px;">\n' + "\n".join(rows) + "\n</td></tr>\n"
        f'<tr><td style="padding:16px 32px 24px 32px;border-top:1px solid #e8eaed;">{foot}</td></tr>\n'
        "</table>\n</td></tr>\n</table>\n"
        f"{px}\n</body>\n</html>\n"
    )


def simple_html(text: str, font: str = "Calibri, sans-serif") -> str:
    """The HTML part a desktop mail client writes for a hand-typed message."""
    paras = []
    for para in text.strip("\n").split("\n\n"):
        if para.startswith(">"):
            inner = esc("\n".join(ln.lstrip("> ") for ln in para.split("\n"))).replace("\n", "<br>\n")
            paras.append(
                '<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">'
                f"{inner}</blockquote>"
            )
        else:
            paras.append(f'<p class="MsoNormal">{esc(para).replace(chr(10), "<br>" + chr(10))}</p>')
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        "<style>p.MsoNormal{margin:0in;margin-bottom:.0001pt;font-size:11.0pt;}</style></head>\n"
        f'<body lang="EN-US" style="font-family:{font};">\n<div class="WordSection1">\n'
        + '\n<p class="MsoNormal">&nbsp;</p>\n'.join(paras)
        + "\n</div>\n</body></html>\n"
    )


# --------------------------------------------------------------------------------------------
# click tracking and open pixels, per ESP


def b64u(r: random.Random, n: int) -> str:
    return rs(r, n, ALNUM + "-_")


def sendgrid_link(r: random.Random, u: int, url: str) -> str:
    return f"https://u{u}.ct.sendgrid.net/ls/click?upn=u001.{b64u(r, 120)}-2B{b64u(r, 40)}-3D-3D{b64u(r, 60)}"


def sendgrid_pixel(r: random.Random, u: int) -> str:
    return f"https://u{u}.ct.sendgrid.net/wf/open?upn=u001.{b64u(r, 180)}"


def branded_sg_link(r: random.Random, host: str) -> str:
    return f"https://{host}/ls/click?upn=u001.{b64u(r, 110)}-2B{b64u(r, 48)}-3D"


def mc_link(r: random.Random, acct: str, dc: int, u: str, lid: str) -> str:
    return f"https://{acct}.us{dc}.list-manage.com/track/click?u={u}&id={rs(r, 10, HEX)}&e={lid}"


def mc_pixel(acct: str, dc: int, u: str, cid: str, lid: str) -> str:
    return f"https://{acct}.us{dc}.list-manage.com/track/open.php?u={u}&id={cid}&e={lid}"


def hs_link(r: random.Random, sub: str) -> str:
    return (
        f"https://{sub}.na1.hubspotlinks.com/Ctc/{r.choice('GILRW')}+113/{sub}/"
        f"VW{b64u(r, 30)}/{b64u(r, 50)}3q{r.randint(100, 999)}n5_{b64u(r, 40)}"
    )


def hs_pixel(r: random.Random) -> str:
    return f"https://t.hubspotemail.net/e2t/to/{b64u(r, 60)}/{b64u(r, 40)}"


def sfmc_link(r: random.Random, dom: str) -> str:
    return f"https://click.e.{dom}/?qs={rs(r, 192, HEX)}"


def sfmc_pixel(r: random.Random, dom: str) -> str:
    return f"https://view.e.{dom}/?qs={rs(r, 160, HEX)}"


def ses_link(r: random.Random, url: str) -> str:
    q = (
        url.replace(":", "%3A")
        .replace("/", "%2F")
        .replace("?", "%3F")
        .replace("=", "%3D")
        .replace("&", "%26")
    )
    return f"https://{rs(r, 8, LOWER)}.r.us-east-1.awstrack.me/L0/{q}/1/0100019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-000000/{b64u(r, 27)}=4{r.randint(10, 99)}"


def ses_pixel(r: random.Random) -> str:
    return f"https://{rs(r, 8, LOWER)}.r.us-east-1.awstrack.me/I0/0100019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-000000/{b64u(r, 27)}=4{r.randint(10, 99)}"


def braze_link(r: random.Random, dom: str) -> str:
    return f"https://ablink.email.{dom}/ls/click?upn=u001.{b64u(r, 100)}-3D{b64u(r, 50)}"


# --------------------------------------------------------------------------------------------
# routes: how a message reached mx1, and what mx1 recorded


@dataclass
class Route:
    envelope: str
    helo: str
    ip: str
    from_dom: str
    signers: list[tuple[str, str]] = field(default_factory=list)
    spf: str = "pass"
    dkim: list[str] = field(default_factory=list)
    dmarc: str = "pass"
    policy: str = "reject"
    rdns: str = ""
    hops: list[str] = field(default_factory=list)
    pre: list[Header] = field(default_factory=list)
    esp: list[Header] = field(default_factory=list)
    tls: bool = True
    arc: bool = False


def fold_b64(s: str, first: int = 60, width: int = 70) -> str:
    parts = [s[:first]] + [s[i : i + width] for i in range(first, len(s), width)]
    return "\n\t ".join(parts)


def dkim_value(r: random.Random, d: str, s: str, dt: datetime, body: bytes, hdrs: str) -> tuple[str, str]:
    bh = base64.b64encode(hashlib.sha256(body).digest()).decode()
    b = base64.b64encode(r.randbytes(256)).decode()
    t = int(dt.timestamp()) - r.randint(1, 30)
    v = f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\n\ts={s}; t={t};\n\th={hdrs};\n\tbh={bh};\n\tb={fold_b64(b)}"
    return v, b[:8]


def spf_text(res: str, mailfrom: str, ip: str) -> str:
    if res == "pass":
        why = f"domain of {mailfrom} designates {ip} as permitted sender"
    elif res == "softfail":
        why = f"domain of transitioning {mailfrom} does not designate {ip} as permitted sender"
    elif res == "fail":
        why = f"domain of {mailfrom} does not designate {ip} as permitted sender"
    elif res == "neutral":
        why = f"{ip} is neither permitted nor denied by domain of {mailfrom}"
    else:
        why = f"domain of {mailfrom} does not designate permitted sender hosts"
    return f"spf={res} ({MX}: {why}) smtp.mailfrom={mailfrom}"


def qid(r: random.Random) -> str:
    return f"4{rs(r, 1, 'bcdfgh')}{rs(r, 2, 'BCDFGHJKLMNPQRSTVWXYZ')}{digits(r, 1)}{rs(r, 7, 'bcdfghjklmnpqrstvwxyz0123456789')}"


def deliver(
    r: random.Random, rt: Route, rcpt: str, dt: datetime, headers: Sequence[Header], ent: Ent
) -> bytes:
    ehs, body = ent
    signed = "From:Reply-To:To:Subject:Date:Message-ID:MIME-Version:Content-Type"
    if rt.esp and any(k == "List-Unsubscribe" for k, _ in headers):
        signed = (
            "From:To:Subject:Date:Message-ID:List-Unsubscribe:List-Unsubscribe-Post:MIME-Version:Content-Type"
        )
    sigs: list[Header] = []
    results: list[str] = []
    for n, (d, s) in enumerate(rt.signers):
        v, short = dkim_value(r, d, s, dt, body.replace(b"\n", b"\r\n"), signed)
        sigs.append(("DKIM-Signature", v))
        res = rt.dkim[n] if n < len(rt.dkim) else "pass"
        why = " (body hash did not verify)" if res == "fail" else " (2048-bit key; unprotected)"
        results.append(f"dkim={res}{why} header.d={d} header.i=@{d} header.s={s} header.b={short}")
    if not results:
        results.append("dkim=none (message not signed)")
    if rt.dmarc == "none":
        dmarc = (
            f"dmarc=none (p=none dis=none) header.from={rt.from_dom}"
            if rt.policy == "none"
            else f"dmarc=none header.from={rt.from_dom}"
        )
    else:
        dmarc = f"dmarc={rt.dmarc} (p={rt.policy} dis=none) header.from={rt.from_dom}"
    arc = ["arc=pass (i=1 spf=pass dkim=pass dkim=pass dmarc=pass)"] if rt.arc else []
    auth = ";\n\t".join([MX, spf_text(rt.spf, rt.envelope, rt.ip), *results, dmarc, *arc])
    arrived = dt + timedelta(seconds=r.randint(2, 50))
    rdns = rt.rdns or rt.helo
    if rt.tls:
        tls = "\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n\t(No client certificate requested)"
    else:
        tls = ""
    local = arrived.astimezone(tz("PT", arrived.month))
    received = (
        f"from {rt.helo} ({rdns} [{rt.ip}]){tls}\n\tby {MX} (Postfix) with {'ESMTPS' if rt.tls else 'ESMTP'} "
        f"id {qid(r)}\n\tfor <{rcpt}>; {hdate(local)}"
    )
    top: list[Header] = [("Return-Path", f"<{rt.envelope}>"), ("Delivered-To", rcpt)]
    top += [("Authentication-Results", auth), ("Received", received)]
    top += rt.pre
    top += [("Received", h.replace("{when}", hdate(dt + timedelta(seconds=1)))) for h in rt.hops]
    top += sigs
    out = list(headers) + rt.esp
    if not any(k.lower() == "mime-version" for k, _ in out):
        out.append(("MIME-Version", "1.0"))
    data = hbytes(top) + hbytes(out) + hbytes(ehs) + b"\n" + body
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def std(
    frm: str, to: str, subject: str, dt: datetime, msgid: str, *extra: Header, utc: bool = False
) -> list[Header]:
    return [
        ("From", frm),
        ("To", to),
        ("Subject", ew(subject)),
        ("Date", hdate(dt, utc)),
        ("Message-ID", msgid),
        *extra,
    ]


def verp(rcpt: str) -> str:
    local, dom = rcpt.split("@")
    return f"{local}={dom}"


def ip4(r: random.Random, prefix: str) -> str:
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(r.randint(2, 250)))
    return ".".join(parts)


def r_sendgrid(r: random.Random, dom: str, rcpt: str, policy: str = "reject") -> Route:
    em = f"em{r.randint(1000, 9999)}.{dom}"
    uid = r.randint(1000000, 49999999)
    ip = ip4(r, r.choice(["149.72", "167.89", "159.183", "168.245"]))
    helo = (
        f"o{r.randint(1, 30)}.ptr{r.randint(1000, 9999)}.{dom}"
        if r.random() < 0.5
        else f"{rs(r, 8, 'abcdefghijklmnopqrstuvwxyz')}.outbound-mail.sendgrid.net"
    )
    rt = Route(
        f"bounces+{uid}-{rs(r, 4, HEX)}-{verp(rcpt)}@{em}",
        helo,
        ip,
        dom,
        [(dom, "s1"), ("sendgrid.info", "smtpapi")],
        policy=policy,
    )
    rt.hops = [
        f"by {rs(r, 6, LOWER)}-{rs(r, 5, LOWER)}-geopod-ismtpd-{r.randint(1, 40)} with SMTP id {b64u(r, 22)}\n\tfor <{rcpt}>; {{when}}"
    ]
    rt.esp = [
        ("X-SG-EID", f"u001.{b64u(r, 120)}"),
        ("X-SG-ID", f"u001.SdBcvi+{b64u(r, 80)}"),
        ("X-Entity-ID", f"u001.{b64u(r, 24)}=="),
    ]
    return rt


def r_mailchimp(r: random.Random, dom: str, rcpt: str, u: str, cid: str, dc: int) -> Route:
    host = r.choice(["mcsv.net", "mcdlv.net", "rsgsv.net"])
    n = r.randint(10, 240)
    helo = f"mail{n}.atl{r.randint(11, 241)}.{host}"
    env = f"bounce-mc.us{dc}_{r.randint(10000000, 99999999)}.{cid[:7]}-{rs(r, 10, HEX)}@{helo}"
    rt = Route(
        env,
        helo,
        ip4(r, r.choice(["198.2.130", "198.2.178", "205.201.131", "198.2.188"])),
        dom,
        [(dom, "k2"), (host, "k1")],
    )
    rt.esp = [
        ("X-Mailer", f"MailChimp Mailer - **CID{cid}{rs(r, 10, HEX)}**"),
        ("X-Campaign", f"mailchimp{u}.{cid}"),
        ("X-campaignid", f"mailchimp{u}.{cid}"),
        (
            "X-Report-Abuse",
            f"Please report abuse for this campaign here: https://mailchimp.com/contact/abuse/?u={u}&id={cid}&e={rs(r, 10, HEX)}",
        ),
        ("X-MC-User", u),
        (
            "Feedback-ID",
            f"{r.randint(10000000, 99999999)}:{r.randint(10000000, 99999999)}.{r.randint(100000, 9999999)}:us{dc}:mc",
        ),
        ("X-Accounttype", "pd"),
    ]
    return rt


def r_ses(r: random.Random, dom: str, mailfrom: str = "", policy: str = "reject") -> Route:
    a, b = r.randint(1, 250), r.randint(1, 250)
    env = f"0100019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}-000000@{mailfrom or 'amazonses.com'}"
    rt = Route(
        env,
        f"a{a}-{b}.smtp-out.amazonses.com",
        f"54.240.{a}.{b}",
        dom,
        [
            (dom, rs(r, 32, "abcdefghijklmnopqrstuvwxyz234567")),
            ("amazonses.com", "ug7nbtf4gccmlpwj322ax3p6ow6yfsug"),
        ],
        policy=policy,
    )
    rt.esp = [
        ("Feedback-ID", f"::1.us-east-1.{b64u(r, 43)}=:AmazonSES"),
        ("X-SES-Outgoing", f"2026.01.01-54.240.{a}.{b}"),
    ]
    return rt


def r_google(r: random.Random, dom: str, sender: str, policy: str = "none", sel: str = "google") -> Route:
    n = r.randint(170, 235)
    helo = f"mail-{r.choice(['yw1', 'qk1', 'pl1', 'oi1', 'ej1', 'wm1'])}-f{n}.google.com"
    rt = Route(sender, helo, f"209.85.{r.randint(128, 222)}.{n}", dom, [(dom, sel)], policy=policy)
    rt.hops = [
        f"by 2002:a05:{rs(r, 4, HEX)}:{rs(r, 4, HEX)}:b0:{rs(r, 3, HEX)}:{rs(r, 4, HEX)} with SMTP id {rs(r, 12, LOWER)}csp{digits(r, 7)};\n\t{{when}}"
    ]
    return rt


def r_m365(r: random.Random, dom: str, sender: str, policy: str = "quarantine") -> Route:
    region = r.choice(["NAM10", "NAM11", "NAM12", "NAM02", "NAM04", "BN8", "CO1", "DM5"])
    helo = f"{region}-{r.choice(['DM6', 'BN1', 'MW2', 'CO1', 'SN1'])}-obe.outbound.protection.outlook.com"
    ip = f"40.107.{r.randint(200, 244)}.{r.randint(1, 250)}"
    rt = Route(sender, helo, ip, dom, [(dom, "selector1")], policy=policy)
    rt.rdns = f"mail-{helo.split('-')[1].lower()}nam{r.randint(2, 12):02d}on2{r.randint(100, 139)}.outbound.protection.outlook.com"
    host = f"{rs(r, 2, UHEX)}{r.randint(1, 9)}PR{r.randint(10, 19)}MB{r.randint(1000, 9999)}.namprd{r.randint(2, 12):02d}.prod.outlook.com"
    rt.hops = [
        f"from {host} (2603:10b6:{rs(r, 3, HEX)}:{rs(r, 2, HEX)}::{rs(r, 2, HEX)})\n\tby {host} (2603:10b6:{rs(r, 3, HEX)}:{rs(r, 2, HEX)}::{rs(r, 2, HEX)}) with Microsoft SMTP Server\n\t(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.{r.randint(7000, 9300)}.{r.randint(10, 40)};\n\t{{when}}"
    ]
    return rt


def r_internal(r: random.Random, sender: str, client: str = "") -> Route:
    rt = Route(sender, f"smtp-out.{DOM}", "10.20.4.15", DOM, [(DOM, "hfi2025")], policy="reject", tls=True)
    rt.rdns = f"smtp-out.{DOM}"
    ws = client or f"HFI-LT{digits(r, 4)}.corp.{DOM}"
    rt.hops = [
        f"from {ws} ({ws} [10.20.{r.randint(30, 90)}.{r.randint(2, 250)}])\n\tby smtp-out.{DOM} (Postfix) with ESMTPSA id {qid(r)};\n\t{{when}}"
    ]
    return rt


def r_direct(
    r: random.Random,
    dom: str,
    envelope: str,
    helo: str,
    ip: str,
    signers: Sequence[tuple[str, str]],
    policy: str = "reject",
) -> Route:
    return Route(envelope, helo, ip, dom, list(signers), policy=policy)


def r_hubspot(r: random.Random, dom: str, rcpt: str) -> Route:
    env = f"1ax{rs(r, 30, LOWER)}-{verp(rcpt)}@bf{r.randint(1, 9):02d}x.hubspotemail.net"
    rt = Route(
        env,
        f"{rs(r, 5, LOWER)}.hubspotemail.net",
        ip4(r, f"158.247.{r.randint(16, 31)}"),
        dom,
        [(dom, f"hs1-{r.randint(1000000, 9999999)}"), ("hubspotemail.net", "hs2")],
        policy="quarantine",
    )
    rt.esp = [
        ("X-HS-Cid", b64u(r, 40)),
        ("Feedback-ID", f"{r.randint(1, 9)}:{r.randint(1000000, 9999999)}:hubspot"),
    ]
    return rt


def r_sfmc(r: random.Random, dom: str, rcpt: str) -> Route:
    jid = r.randint(100000, 999999)
    env = f"bounce-{r.randint(100, 999)}_HTML-{r.randint(10000000, 99999999)}-{jid}-{r.randint(1000000, 9999999)}-{r.randint(100, 9999)}@bounce.e.{dom}"
    rt = Route(
        env,
        f"mta{r.randint(1, 9)}.e.{dom}",
        ip4(r, f"13.111.{r.randint(1, 250)}"),
        dom,
        [(f"e.{dom}", "200608")],
        policy="reject",
    )
    rt.esp = [
        ("x-job", f"{r.randint(100000, 999999)}_{jid}"),
        ("X-SFMC-Stack", str(r.randint(1, 12))),
        ("x-messageKey", f"{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}"),
    ]
    return rt


def finalize(rt: Route, dt: datetime) -> Route:
    rt.hops = [h.replace("{when}", hdate(dt)) for h in rt.hops]
    return rt


def bulk_unsub(url: str, mailto: str = "") -> list[Header]:
    v = f"<{url}>" if not mailto else f"<mailto:{mailto}>, <{url}>"
    return [("List-Unsubscribe", v), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]


# --------------------------------------------------------------------------------------------
# shared senders


def send_html(
    r: random.Random,
    rt: Route,
    rcpt: str,
    dt: datetime,
    frm: str,
    subject: str,
    blocks: Sequence[Block],
    brand: str,
    color: str,
    footer: Sequence[str],
    msgid: str,
    extra: Sequence[Header] = (),
    pixel: str = "",
    preheader: str = "",
    cte: str = "quoted-printable",
    logo: str = "",
    to: str = "",
    utc: bool = False,
) -> bytes:
    text = text_of(blocks, footer)
    htm = html_of(blocks, brand, color, footer, pixel, preheader, logo)
    ent = alt(r, text, htm, "utf-8", cte)
    hs = std(frm, to or rcpt, subject, dt, msgid, *extra, utc=utc)
    return deliver(r, rt, rcpt, dt, hs, ent)


def staff(r: random.Random) -> Person:
    return r.choice(STAFF)


def device(r: random.Random) -> tuple[str, str, str]:
    return r.choice(
        [
            ("Windows", "Chrome 131", "Tacoma, WA, United States"),
            ("Mac OS X", "Safari 18.1", "Seattle, WA, United States"),
            ("iPhone", "iOS 18 Mail", "Tacoma, WA, United States"),
            ("Android", "Chrome Mobile 130", "Fife, WA, United States"),
            ("Windows 11", "Edge 130", "Portland, OR, United States"),
            ("Mac OS X", "Chrome 132", "Las Vegas, NV, United States"),
        ]
    )


def ipv4_user(r: random.Random) -> str:
    return f"{r.choice(['73', '98', '174', '24', '67', '50'])}.{r.randint(1, 250)}.{r.randint(1, 250)}.{r.randint(1, 250)}"


# ---- account security -------------------------------------------------------------------


def f_account_security(r: random.Random, i: int) -> bytes:
    p = staff(r)
    rcpt = p.email
    dt = rdate(r, "PT", 0, 23, weekend=True)
    os_, browser, place = device(r)
    ip = ipv4_user(r)
    kind = i % 12
    if kind == 0:
        rt = r_google(
            r, "accounts.google.com", f"3{rs(r, 20, LOWER)}@gaia.bounces.google.com", "reject", "20230601"
        )
        blocks = [
            ("h", "A new sign-in on " + os_),
            rcpt,
            f"We noticed a new sign-in to your Google Account on a {os_} device. If this was you, you don't need to do anything. If not, we'll help you secure your account.",
            (
                "btn",
                "Check activity",
                f"https://accounts.google.com/AccountChooser?Email={rcpt}&continue=https://myaccount.google.com/alert/nt/{int(dt.timestamp())}000?rfn%3D325%26rfnc%3D1%26eid%3D{digits(r, 19)}%26et%3D0",
            ),
            "You can also see security activity at\nhttps://myaccount.google.com/notifications",
        ]
        foot = [
            "You received this email to let you know about important changes to your Google Account and services.",
            "© 2026 Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Google", "no-reply@accounts.google.com"),
            "Security alert",
            blocks,
            "Google",
            "#1a73e8",
            foot,
            f"<{b64u(r, 22)}@google.com>",
            utc=True,
        )
    if kind == 1:
        rt = r_m365(
            r, "accountprotection.microsoft.com", f"msa@{rs(r, 0)}accountprotection.microsoft.com", "reject"
        )
        rt.signers = [("accountprotection.microsoft.com", "s1024-meo")]
        blocks = [
            ("h", "Unusual sign-in activity"),
            f"We detected something unusual about a recent sign-in to the Microsoft account {rcpt[:2]}*****@{DOM}.",
            (
                "kv",
                [
                    ("Country/region", place.split(", ")[-1]),
                    ("IP address", ip),
                    ("Date", f"{sdate(dt)} {dt:%I:%M %p} (PST)"),
                    ("Platform", os_),
                    ("Browser", browser),
                ],
            ),
            "Please review your recent activity and we'll help you take corrective action. To regain access, you'll need to verify your identity.",
            ("btn", "Review recent activity", "https://account.live.com/Activity"),
            "To opt out or change where you receive security notifications, click here.",
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Microsoft account team", "account-security-noreply@accountprotection.microsoft.com"),
            "Microsoft account unusual sign-in activity",
            blocks,
            "Microsoft",
            "#0067b8",
            [
                "Thanks,",
                "The Microsoft account team",
                "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052",
            ],
            mid(r, "accountprotection.microsoft.com", "uuid"),
            utc=True,
        )
    if kind == 2:
        code = digits(r, 6)
        rt = r_ses(r, "slack.com", "amazonses.slack.com")
        blocks = [
            ("h", "Confirm your email address to sign in"),
            "Your confirmation code is below — enter it in your open browser window and we'll help you get signed in to harborline-freight.slack.com.",
            ("code", f"{code[:3]}-{code[3:]}"),
            "If you didn't request this email, there's nothing to worry about — you can safely ignore it.",
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Slack", "feedback@slack.com"),
            f"Slack confirmation code: {code[:3]}-{code[3:]}",
            blocks,
            "slack",
            "#4a154b",
            [
                "Made by Slack Technologies, LLC, a Salesforce company",
                "415 Mission Street, 3rd Floor, San Francisco, CA 94105",
            ],
            mid(r, "slack.com", "ses"),
            utc=True,
        )
    if kind == 3:
        rt = r_direct(
            r,
            "github.com",
            "noreply@github.com",
            f"out-{r.randint(16, 28)}.smtp.github.com",
            f"192.30.252.{r.randint(190, 215)}",
            [("github.com", "pf2023")],
        )
        login = f"{p.login}-hfi"
        key = f"SHA256:{b64u(r, 43)}"
        blocks = [
            f"Hey {login}!",
            "The following SSH key was added to your account:",
            f"ed25519 {p.first.lower()}@HFI-LT{digits(r, 4)}\n{key}",
            "If you believe this key was added in error, you can remove the key and disable access at the following location:",
            ("link", "https://github.com/settings/keys", "https://github.com/settings/keys"),
            "To see this and other security events for your account, visit https://github.com/settings/security-log",
            "If you run into problems, please contact support by visiting https://github.com/contact",
            "Thanks,\nThe GitHub Team",
        ]
        text = text_of(blocks)
        hs = std(
            addr("GitHub", "noreply@github.com"),
            addr(login, rcpt),
            "[GitHub] A new SSH authentication public key was added to your account",
            dt,
            f"<{rs(r, 24, HEX)}@github.com>",
            ("X-GitHub-Recipient", login),
            ("X-GitHub-Reason", "security"),
            ("X-GitHub-Sender", login),
            utc=True,
        )
        return deliver(r, rt, rcpt, dt, hs, plain(text, "utf-8", "7bit"))
    if kind == 4:
        rt = r_direct(
            r,
            "github.com",
            "noreply@github.com",
            f"out-{r.randint(16, 28)}.smtp.github.com",
            f"192.30.252.{r.randint(190, 215)}",
            [("github.com", "pf2023")],
        )
        code = digits(r, 6)
        login = f"{p.login}-hfi"
        text = f"Hey {login}!\n\nA sign in attempt requires further verification because we did not recognize your device. To complete the sign in, enter the verification code on the unrecognized device.\n\nDevice: {browser} on {os_}\nVerification code: {code}\n\nIf you did not attempt to sign in to your account, your password may be compromised. Visit https://github.com/settings/security to create a new, strong password for your GitHub account.\n\nIf you'd like to automatically verify devices in the future, consider enabling two-factor authentication on your account. Visit https://docs.github.com/articles/configuring-two-factor-authentication to learn about two-factor authentication.\n\nIf you decide to enable two-factor authentication, ensure you retain access to one or more account recovery methods. See https://docs.github.com/articles/configuring-two-factor-authentication-recovery-methods in the GitHub Help.\n\nThanks,\nThe GitHub Team\n"
        hs = std(
            addr("GitHub", "noreply@github.com"),
            addr(login, rcpt),
            "[GitHub] Please verify your device",
            dt,
            f"<{rs(r, 24, HEX)}@github.com>",
            ("X-GitHub-Reason", "security"),
            utc=True,
        )
        return deliver(r, rt, rcpt, dt, hs, plain(text, "utf-8", "7bit"))
    if kind == 5:
        rt = r_sendgrid(r, "zoom.us", rcpt)
        rt.signers = [("zoom.us", "s1"), ("sendgrid.info", "smtpapi")]
        u = r.randint(1000, 99999)
        blocks = [
            ("h", "Please activate your Zoom account"),
            f"Hello {p.first},",
            "Your company administrator added you to the Harborline Freight Inc. account on Zoom Workplace. Activate your account within 30 days to start hosting meetings.",
            ("btn", "Activate Account", sendgrid_link(r, u, "https://zoom.us/activate")),
            "If the button above does not appear, please copy and paste this link into your browser's address bar:",
            (
                "link",
                f"https://zoom.us/activate?code={b64u(r, 43)}&fr=signup",
                sendgrid_link(r, u, "https://zoom.us/activate"),
            ),
            "If you did not request this, please ignore this email.",
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Zoom", "no-reply@zoom.us"),
            "Please activate your Zoom account",
            blocks,
            "zoom",
            "#0b5cff",
            [
                "Copyright ©2026 Zoom Communications, Inc. All rights reserved.",
                "55 Almaden Blvd, 6th Floor, San Jose, CA 95113",
            ],
            mid(r, "zoom.us", "sendgrid"),
            pixel=sendgrid_pixel(r, u),
            utc=True,
        )
    if kind == 6:
        rt = r_direct(
            r,
            "dropbox.com",
            f"bounces+{rs(r, 10, LOWER)}@bounce.dropbox.com",
            f"mail{r.randint(1, 9)}-{r.randint(1, 30)}.dropbox.com",
            f"208.86.201.{r.randint(2, 250)}",
            [("dropbox.com", "dbx")],
        )
        rt.envelope = f"bounces+{rs(r, 10, LOWER)}@bounce.dropbox.com"
        blocks = [
            ("h", "Reset your password"),
            f"Hi {p.first},",
            "Someone (hopefully you) has requested a password reset for your Dropbox account. Click the button below to set a new password:",
            ("btn", "Reset password", f"https://www.dropbox.com/l/{b64u(r, 48)}/password_reset"),
            "If you don't wish to reset your password, disregard this email and no action will be taken.",
            "The Dropbox Team",
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Dropbox", "no-reply@dropbox.com"),
            "Dropbox password reset",
            blocks,
            "Dropbox",
            "#0061fe",
            ["Happy Dropboxing!", "© 2026 Dropbox, Inc. 1800 Owens St, San Francisco, CA 94158"],
            f"<{digits(r, 12)}.{rs(r, 20, HEX)}@dropbox.com>",
            utc=True,
        )
    if kind == 7:
        rt = r_sendgrid(r, "atlassian.com", rcpt)
        rt.signers = [("id.atlassian.com", "s1"), ("sendgrid.info", "smtpapi")]
        rt.from_dom = "id.atlassian.com"
        u = r.randint(1000, 99999)
        blocks = [
            ("h", "Verify your email address"),
            f"Hi {p.first},",
            "You're almost there! Verify your email address to finish setting up your Atlassian account.",
            ("btn", "Verify your email", sendgrid_link(r, u, "https://id.atlassian.com/signup/verify")),
            "This link will expire in 24 hours. If you didn't sign up for an Atlassian account, you can safely ignore this email.",
            "Cheers,\nThe Atlassian team",
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Atlassian", "noreply@id.atlassian.com"),
            "Verify your email for Atlassian",
            blocks,
            "ATLASSIAN",
            "#0052cc",
            [
                "This message was sent to you by Atlassian Cloud",
                "Atlassian Pty Ltd, 350 Bush Street, Floor 13, San Francisco, CA 94104, USA",
            ],
            mid(r, "id.atlassian.com", "sendgrid"),
            pixel=sendgrid_pixel(r, u),
            utc=True,
        )
    if kind == 8:
        rt = r_direct(
            r,
            "harborline.okta.com",
            f"bounce-{rs(r, 12, LOWER)}@mail.okta.com",
            f"smtp{r.randint(1, 9)}.mail.okta.com",
            f"66.151.{r.randint(128, 159)}.{r.randint(2, 250)}",
            [("okta.com", "okta")],
        )
        rt.from_dom = "okta.com"
        blocks = [
            ("h", "Okta Password Reset Requested"),
            f"Hi {p.first},",
            "A password reset request was made for your Okta account. If you did not make this request, please contact your system administrator immediately.",
            "Click this link to reset the password for your username, " + rcpt + ":",
            (
                "btn",
                "Reset Password",
                f"https://harborline.okta.com/signin/reset-password/{b64u(r, 32)}?fromURI=%2Fapp%2FUserHome",
            ),
            "This link expires in 1 hour.",
            f"Request made from: {browser} on {os_}, IP {ip}, {place}",
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Okta", "noreply@okta.com"),
            "Account password reset",
            blocks,
            "Harborline Freight",
            "#007dc1",
            ["This is an automatically generated message from Okta. Replies are not monitored or answered."],
            f"<{rs(r, 20, ALNUM)}.{digits(r, 8)}@okta.com>",
            utc=True,
        )
    if kind == 9:
        rt = r_direct(
            r,
            "harborline.okta.com",
            f"bounce-{rs(r, 12, LOWER)}@mail.okta.com",
            f"smtp{r.randint(1, 9)}.mail.okta.com",
            f"66.151.{r.randint(128, 159)}.{r.randint(2, 250)}",
            [("okta.com", "okta")],
        )
        rt.from_dom = "okta.com"
        factor = r.choice(["Okta Verify", "Google Authenticator", "Security Key or Biometric Authenticator"])
        blocks = [
            ("h", "New factor enrolled"),
            f"Hi {p.first},",
            f"{factor} has been enrolled for your Harborline Freight account ({rcpt}).",
            (
                "kv",
                [
                    ("Date", f"{ldate(dt)} {dt:%I:%M %p} PST"),
                    ("Browser", browser),
                    ("OS", os_),
                    ("IP address", ip),
                    ("Location", place),
                ],
            ),
            "Don't recognize this activity? Your account may be compromised. Contact the IT help desk at ext. 520 immediately and report suspicious activity.",
            (
                "btn",
                "Report suspicious activity",
                f"https://harborline.okta.com/report/suspicious-activity?token={b64u(r, 40)}",
            ),
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Okta", "noreply@okta.com"),
            "Security method enrolled",
            blocks,
            "Harborline Freight",
            "#007dc1",
            ["This is an automatically generated message from Okta. Replies are not monitored or answered."],
            f"<{rs(r, 20, ALNUM)}.{digits(r, 8)}@okta.com>",
            utc=True,
        )
    if kind == 10:
        code = digits(r, 7)
        rt = r_m365(r, "accountprotection.microsoft.com", "msa@accountprotection.microsoft.com", "reject")
        rt.signers = [("accountprotection.microsoft.com", "s1024-meo")]
        blocks = [
            ("h", "Your single-use code"),
            f"We received your request for a single-use code to use with your Microsoft account {rcpt[:2]}*****@{DOM}.",
            f"Your single-use code is: {code}",
            "Only enter this code on an official website or app. Don't share it with anyone. We'll never ask for it outside an official platform.",
            "If you didn't request a code, you can safely ignore this email. Someone else might have typed your email address by mistake.",
        ]
        return send_html(
            r,
            finalize(rt, dt),
            rcpt,
            dt,
            addr("Microsoft account team", "account-security-noreply@accountprotection.microsoft.com"),
            "Your single-use code",
            blocks,
            "Microsoft",
            "#0067b8",
            ["Thanks,", "The Microsoft account team"],
            mid(r, "accountprotection.microsoft.com", "uuid"),
            utc=True,
        )
    rt = r_google(r, "google.com", f"3{rs(r, 20, LOWER)}@doclist.bounces.google.com", "reject", "20230601")
    blocks = [
        ("h", "Critical security alert"),
        "Someone just used your password to try to sign in to your account from a non-Google app. Google blocked them, but you should check what happened. Review your account activity to make sure no one else has access.",
        (
            "btn",
            "Check activity",
            f"https://accounts.google.com/AccountChooser?Email={rcpt}&continue=https://myaccount.google.com/alert/nt/{int(dt.timestamp())}000",
        ),
        "You can also see security activity at https://myaccount.google.com/notifications",
    ]
    return send_html(
        r,
        finalize(rt, dt),
        rcpt,
        dt,
        addr("Google", "no-reply@accounts.google.com"),
        f"Critical security alert for {rcpt}",
        blocks,
        "Google",
        "#d93025",
        [
            "You received this email to let you know about important changes to your Google Account and services.",
            "© 2026 Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
        ],
        f"<{b64u(r, 22)}@google.com>",
        utc=True,
    )


def f_saas_subscription(r: random.Random, i: int) -> bytes:
    p = r.choice([CONTROLLER, ITADMIN, CEO, OPSMGR])
    rcpt = p.email
    dt = rdate(r, "PT")
    kind = i % 5
    card = f"{r.choice(['Visa', 'Mastercard', 'Amex'])} ending in {digits(r, 4)}"
    if kind == 0:
        rt = r_sendgrid(r, "zoom.us", rcpt)
        u = r.randint(1000, 99999)
        blocks = [
            ("h", "Your subscription will expire in 3 days"),
            f"Hi {p.first},",
            f"We were unable to charge the {card} on file for your Zoom Workplace Business plan (account {digits(r, 9)}). Your subscription will expire on {ldate(dt + timedelta(days=3))}.",
            "To avoid any interruption to your meetings, update your payment method now. Cloud recordings will be kept for 30 days after expiry.",
            ("btn", "Update Payment Method", sendgrid_link(r, u, "https://zoom.us/billing")),
            "Questions? Visit https://support.zoom.com",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("Zoom", "billing@zoom.us"),
            "Action required: your subscription will expire in 3 days — update your payment method",
            blocks,
            "zoom",
            "#0b5cff",
            ["Zoom Communications, Inc., 55 Almaden Blvd, San Jose, CA 95113"],
            mid(r, "zoom.us", "sendgrid"),
            pixel=sendgrid_pixel(r, u),
            utc=True,
        )
    if kind == 1:
        rt = r_google(
            r, "google.com", f"3{rs(r, 20, LOWER)}@scoutcamp.bounces.google.com", "reject", "20230601"
        )
        pct = r.choice([90, 95, 98])
        blocks = [
            ("h", "Your storage is almost full"),
            f"Your Google Workspace organization harborline-freight.com has used {pct}% of its pooled storage ({pct * 50 // 10} TB of 5 TB).",
            "When storage runs out, users won't be able to upload files to Drive, send or receive email in Gmail, or back up photos. Buy more storage or free up space to avoid disruption.",
            ("btn", "Manage storage", "https://admin.google.com/ac/storage"),
            "You're receiving this mandatory service announcement to update you about important changes to your Google Workspace account.",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("The Google Workspace Team", "workspace-noreply@google.com"),
            f"[Action required] Storage for harborline-freight.com is {pct}% full",
            blocks,
            "Google Workspace",
            "#1a73e8",
            ["© 2026 Google LLC 1600 Amphitheatre Parkway, Mountain View, CA 94043"],
            f"<{b64u(r, 22)}@google.com>",
            utc=True,
        )
    if kind == 2:
        rt = r_direct(
            r,
            "dropbox.com",
            f"bounces+{rs(r, 10, LOWER)}@bounce.dropbox.com",
            f"mail{r.randint(1, 9)}-{r.randint(1, 30)}.dropbox.com",
            f"208.86.201.{r.randint(2, 250)}",
            [("dropbox.com", "dbx")],
        )
        blocks = [
            ("h", "Your Dropbox is almost full"),
            f"Hi {p.first},",
            f"Your team space is using {r.randint(94, 99)}% of its storage. Once it's full, files will stop syncing and your team won't be able to add new files.",
            ("btn", "Get more space", "https://www.dropbox.com/team/admin/billing"),
            "The Dropbox Team",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("Dropbox", "no-reply@dropbox.com"),
            "Your Dropbox team space is almost full",
            blocks,
            "Dropbox",
            "#0061fe",
            ["© 2026 Dropbox, Inc."],
            f"<{digits(r, 12)}.{rs(r, 20, HEX)}@dropbox.com>",
            utc=True,
        )
    if kind == 3:
        rt = r_ses(r, "slack.com", "amazonses.slack.com")
        blocks = [
            ("h", "We couldn't process your payment"),
            f"Hi {p.first},",
            f"Your most recent payment for the Harborline Freight workspace on the Pro plan ({money(r.randint(900, 2400) + 0.75)}) was declined by your bank. We'll try again in 3 days.",
            "If the charge fails again, your workspace will be moved to the free plan and message history older than 90 days will be hidden.",
            ("btn", "Update billing details", "https://harborline-freight.slack.com/admin/billing"),
            "Thanks,\nThe team at Slack",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("Slack", "feedback@slack.com"),
            "Payment declined — update your billing details",
            blocks,
            "slack",
            "#4a154b",
            ["Slack Technologies, LLC, 415 Mission Street, San Francisco, CA 94105"],
            mid(r, "slack.com", "ses"),
            utc=True,
        )
    rt = r_sfmc(r, "adobe.com", rcpt)
    rt.from_dom = "mail.adobe.com"
    blocks = [
        ("h", "Your plan renews soon"),
        f"Hi {p.first},",
        f"Your Adobe Acrobat Pro for teams plan ({r.randint(3, 12)} licenses) will automatically renew on {ldate(dt + timedelta(days=14))}. We'll charge the {card}.",
        "No action is needed if your details are up to date.",
        ("btn", "Review plan", sfmc_link(r, "adobe.com")),
        "Adobe Customer Care",
    ]
    return send_html(
        r,
        rt,
        rcpt,
        dt,
        addr("Adobe", "message@mail.adobe.com"),
        "Your Adobe plan will renew in 14 days",
        blocks,
        "Adobe",
        "#eb1000",
        ["Adobe Inc., 345 Park Avenue, San Jose, CA 95110-2704", "Privacy policy | Unsubscribe"],
        mid(r, "mail.adobe.com"),
        pixel=sfmc_pixel(r, "adobe.com"),
        utc=True,
    )


def f_esign(r: random.Random, i: int) -> bytes:
    p = r.choice([CEO, CONTROLLER, PROCURE, OPSMGR, SALES])
    rcpt = p.email
    dt = rdate(r, "PT")
    org = r.choice(CUSTOMERS + CARRIERS + VENDORS)
    sf, sl = pname(r)
    doc = r.choice(
        [
            f"{org.name} - Master Services Agreement 2026",
            f"Carrier-Broker Agreement - {org.name}",
            f"Mutual NDA - Harborline Freight and {org.name}",
            f"Lease Amendment No. {r.randint(1, 4)} - Fife Cross-Dock",
            f"Rate Agreement Q{r.randint(1, 4)} {dt.year}",
        ]
    )
    if i % 3 != 2:
        env = f"{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}".upper()
        rt = r_direct(
            r,
            "docusign.net",
            "bounces@docusign.net",
            f"mail{r.randint(1, 40)}.docusign.net",
            f"209.67.98.{r.randint(2, 60)}",
            [("docusign.net", "s1")],
        )
        reminder = i % 3 == 1
        subj = ("Reminder: " if reminder else "") + f"Complete with Docusign: {doc}.pdf"
        blocks = [
            f"{sf} {sl} sent you a document to review and sign.",
            (
                "btn",
                "REVIEW DOCUMENT",
                f"https://na3.docusign.net/Signing/EmailStart.aspx?a={env.lower()}&etti=24&acct={rs(r, 8, HEX)}-{rs(r, 4, HEX)}&er={rs(r, 8, HEX)}",
            ),
            f"{sf} {sl}\n{sf.lower()}.{sl.lower()}@{org.domain}",
            f"{p.first},\n\nPlease review and sign at your earliest convenience. Let me know if you have any questions.\n\nThanks,\n{sf}",
            "Do Not Share This Email\nThis email contains a secure link to Docusign. Please do not share this email, link, or access code with others.",
            "Alternate Signing Method\nVisit Docusign.com, click 'Access Documents', and enter the security code:\n"
            + env.replace("-", "")
            + "1",
            "About Docusign\nSign documents electronically in just minutes. It's safe, secure, and legally binding.",
        ]
        extra = [
            ("Reply-To", addr(f"{sf} {sl}", f"{sf.lower()}.{sl.lower()}@{org.domain}")),
            ("X-DocuSign-Envelope-ID", env),
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr(f"{sf} {sl} via Docusign", "dse_NA3@docusign.net"),
            subj,
            blocks,
            "Docusign",
            "#4c00ff",
            [
                "This message was sent to you by "
                + f"{sf} {sl} who is using the Docusign Electronic Signature Service."
            ],
            f"<{rs(r, 32, HEX)}@docusign.net>",
            extra,
            utc=True,
        )
    rt = r_direct(
        r,
        "adobesign.com",
        f"bounce-{rs(r, 16, LOWER)}@echosign.com",
        f"mail-{r.randint(1, 20)}.na1.adobesign.com",
        f"52.89.{r.randint(1, 250)}.{r.randint(2, 250)}",
        [("adobesign.com", "s1")],
    )
    blocks = [
        ("h", f"{sf} {sl} has requested your signature on {doc}"),
        ("btn", "Review and sign", f"https://secure.na1.adobesign.com/public/esign?tsid={b64u(r, 40)}"),
        f"Please review and complete {doc}.",
        "After you sign, all parties will receive a final PDF copy by email.",
        "Don't forward this email: if you don't want to sign, you can delegate to someone else.",
    ]
    return send_html(
        r,
        rt,
        rcpt,
        dt,
        addr(f"{sf} {sl} via Adobe Acrobat Sign", "adobesign@adobesign.com"),
        f'Signature requested on "{doc}"',
        blocks,
        "Adobe Acrobat Sign",
        "#1473e6",
        ["© 2026 Adobe. All rights reserved."],
        f"<{digits(r, 12)}.{digits(r, 6)}@adobesign.com>",
        [("Reply-To", f"{sf.lower()}.{sl.lower()}@{org.domain}")],
        utc=True,
    )


def f_receipts(r: random.Random, i: int) -> bytes:
    p = r.choice([CONTROLLER, AP, ITADMIN, PROCURE])
    rcpt = p.email if i % 3 else SHARED["ap"]
    dt = rdate(r, "PT", 0, 23, weekend=True)
    kind = i % 4
    if kind == 0:
        seller = r.choice(
            [
                ("Routewise Analytics", "routewise.io"),
                ("DockClock", "dockclock.com"),
                ("Palletly", "palletly.app"),
                ("FleetPulse Telematics", "fleetpulse.io"),
            ]
        )
        amt = r.randint(49, 1900) + r.choice([0, 0.99, 0.5])
        rt = r_ses(r, "stripe.com", "stripe.com")
        rt.signers = [
            ("stripe.com", "gdwg2y3kokkkj5a55z2ilkup5wp5hhxx"),
            ("amazonses.com", "ug7nbtf4gccmlpwj322ax3p6ow6yfsug"),
        ]
        rn = f"{digits(r, 4)}-{digits(r, 4)}"
        blocks = [
            ("h", f"Receipt from {seller[0]}"),
            (
                "kv",
                [
                    ("Amount paid", money(amt)),
                    ("Date paid", f"{dt:%b} {dt.day}, {dt.year}"),
                    ("Payment method", f"VISA - {digits(r, 4)}"),
                    ("Receipt number", rn),
                ],
            ),
            ("kv", [(f"{seller[0]} Business plan × 1", money(amt)), ("Total", money(amt))]),
            f"If you have any questions, contact us at billing@{seller[1]}.",
            ("link", "Download invoice", f"https://pay.stripe.com/receipts/invoices/{b64u(r, 60)}?s=em"),
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr(seller[0], f"invoice+statements+acct_{rs(r, 16, ALNUM)}@stripe.com"),
            f"Your receipt from {seller[0]} #{rn}",
            blocks,
            seller[0],
            "#635bff",
            [
                "Something wrong with the email? View it in your browser.",
                f"You're receiving this email because you made a purchase at {seller[0]}, which partners with Stripe to provide invoicing and payment processing.",
            ],
            mid(r, "stripe.com", "ses"),
            [("Reply-To", f"billing@{seller[1]}")],
            utc=True,
        )
    if kind == 1:
        rt = r_direct(
            r,
            "paypal.com",
            "service@paypal.com",
            f"mx{r.randint(1, 9)}.slc.paypal.com",
            f"173.0.84.{r.randint(2, 250)}",
            [("paypal.com", "pp-dkim1")],
        )
        amt = r.randint(25, 600) + 0.5
        merch = r.choice(
            [
                "Uline Industrial Supply",
                "Cascade Safety Gear",
                "TruckPartsDirect LLC",
                "Northwest Label & Print",
            ]
        )
        tid = rs(r, 17, "0123456789ABCDEFGHJKLMNPRSTUVWXY")
        blocks = [
            f"Hello, {ORG}",
            f"You sent a payment of {money(amt)} USD to {merch}.",
            "It may take a few moments for this transaction to appear in your account.",
            (
                "kv",
                [
                    ("Merchant", merch),
                    ("Transaction ID", tid),
                    ("Transaction date", ldate(dt)),
                    ("Funding source", f"Business checking x-{digits(r, 4)}"),
                    ("Total", f"{money(amt)} USD"),
                ],
            ),
            (
                "btn",
                "View transaction details",
                f"https://www.paypal.com/myaccount/transaction/details/{tid}",
            ),
            "Questions? Go to the Help Center at www.paypal.com/help.",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("service@paypal.com", "service@paypal.com"),
            f"Receipt for your payment to {merch}",
            blocks,
            "PayPal",
            "#003087",
            [
                "PayPal is committed to preventing fraudulent emails. Emails from PayPal will always contain your full name. Learn to identify phishing.",
                "Please don't reply to this email. To get in touch with us, click Help & Contact.",
                "Copyright © 1999-2026 PayPal, Inc. All rights reserved.",
            ],
            f"<{rs(r, 12, HEX)}{digits(r, 6)}@paypal.com>",
        )
    if kind == 2:
        rt = r_ses(r, "amazon.com", "bounces.amazon.com")
        order = f"11{digits(r, 1)}-{digits(r, 7)}-{digits(r, 7)}"
        items = r.sample(
            [
                "HP 26A Toner Cartridge, 2-pack",
                "Scotch Heavy Duty Packaging Tape, 36 rolls",
                "Zebra 4x6 Thermal Labels, 20 rolls",
                "Amazon Basics Nitrile Gloves, L, 100ct",
                "Logitech MK270 Wireless Keyboard and Mouse",
                "3M High Visibility Safety Vest (12 pack)",
                'Stretch Wrap Film 18" x 1500ft, 4 rolls',
            ],
            3,
        )
        tot = sum(r.randint(15, 140) + 0.99 for _ in items)
        blocks = [
            ("h", "Ordered"),
            f"Hi {p.first}, thanks for your order. We'll send a confirmation when your items ship.",
            (
                "kv",
                [
                    ("Order #", order),
                    ("Arriving", ldate(later(dt, 2))),
                    ("Ship to", f"{p.name}, Tacoma, WA"),
                    ("PO number", f"HFI-{digits(r, 5)}"),
                ],
            ),
            ("ul", items),
            ("kv", [("Order total", money(tot)), ("Payment", "Business Prime Pay by invoice")]),
            (
                "btn",
                "View or manage order",
                f"https://www.amazon.com/gp/css/order-details?orderID={order}&ref_=bt_conf",
            ),
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("Amazon Business", "auto-confirm@amazon.com"),
            f'Ordered: "{items[0][:40]}..." and {len(items) - 1} more items',
            blocks,
            "amazon business",
            "#232f3e",
            [
                "This email was sent from a notification-only address that cannot accept incoming email. Please do not reply to this message.",
                "© 2026 Amazon.com, Inc. or its affiliates.",
            ],
            mid(r, "amazon.com", "ses"),
            utc=True,
        )
    rt = r_ses(r, "amazon.com", "bounces.amazon.com")
    order = f"11{digits(r, 1)}-{digits(r, 7)}-{digits(r, 7)}"
    blocks = [
        ("h", "Your package is on the way"),
        f"Order #{order} has shipped and is expected {ldate(later(dt, 1))}.",
        (
            "btn",
            "Track package",
            f"https://www.amazon.com/progress-tracker/package?orderId={order}&shipmentId={rs(r, 9, ALNUM)}",
        ),
        "Return or replace items in Your Orders.",
    ]
    return send_html(
        r,
        rt,
        rcpt,
        dt,
        addr("Amazon.com", "shipment-tracking@amazon.com"),
        f"Shipped: your Amazon Business order #{order}",
        blocks,
        "amazon business",
        "#232f3e",
        [
            "© 2026 Amazon.com, Inc. or its affiliates. Amazon.com, 410 Terry Avenue N., Seattle, WA 98109-5210."
        ],
        mid(r, "amazon.com", "ses"),
        utc=True,
    )


def sig(p: Person) -> str:
    return f"{p.name}\n{p.title}\n{ORG}\n{ORG_ADDR}\nDirect: {ORG_PHONE} ext. {p.ext}\n{p.email}"


def osig(first: str, last: str, title: str, org: Org) -> str:
    return f"{first} {last}\n{title} | {org.name}\n{org.city}, {org.state}\nOffice: {org.phone}\n{first.lower()}.{last.lower()}@{org.domain}"


def person_mail(
    r: random.Random,
    org: Org,
    first: str,
    last: str,
    rcpt: str,
    dt: datetime,
    subject: str,
    text: str,
    atts: Sequence[Ent] = (),
    cs: str = "utf-8",
    extra: Sequence[Header] = (),
    kind: str = "",
) -> bytes:
    """A hand-written message from a correspondent's Microsoft 365 or Google Workspace mailbox."""
    sender = f"{first.lower()}.{last.lower()}@{org.domain}"
    kind = kind or r.choice(["m365", "google"])
    if kind == "m365":
        rt = r_m365(r, org.domain, sender)
        m, style = mid(r, org.domain, "outlook"), "outlook"
        more = [
            ("Thread-Topic", subject),
            ("Thread-Index", base64.b64encode(r.randbytes(22)).decode()),
            ("Accept-Language", "en-US"),
            ("Content-Language", "en-US"),
            ("X-MS-Has-Attach", "yes" if atts else ""),
            ("X-MS-TNEF-Correlator", ""),
        ]
        more = [h for h in more if h[1]]
    else:
        rt = r_google(r, org.domain, sender)
        m, style = mid(r, org.domain, "gmail"), "gmail"
        more = []
    body = alt(r, text, simple_html(text), cs, "quoted-printable", style)
    ent = multi(r, "mixed", [body, *atts], style) if atts else body
    hs = std(addr(f"{first} {last}", sender, cs), rcpt, subject, dt, m, *extra, *more)
    return deliver(r, rt, rcpt, dt, hs, ent)


def f_vendor_invoices(r: random.Random, i: int) -> bytes:
    v = VENDORS[i % len(VENDORS)]
    rcpt = SHARED["ap"] if i % 2 else AP.email
    dt = rdate(r, "PT")
    inv = str(r.randint(1040, 9800))
    amt = r.randint(300, 18000) + r.choice([0, 0.25, 0.5, 0.8])
    due = later(dt, 30)
    kind = i % 3
    if kind == 0:
        rt = r_direct(
            r,
            v.domain,
            f"bounces+{rs(r, 16, LOWER)}@notification.intuit.com",
            f"mail{r.randint(1, 99)}.notification.intuit.com",
            f"206.108.40.{r.randint(2, 99)}",
            [("notification.intuit.com", "intuit2")],
        )
        rt.from_dom, rt.dmarc = "notification.intuit.com", "pass"
        blocks = [
            ("h", f"Invoice {inv} from {v.name}"),
            ("kv", [("Due", ldate(due)), ("Amount due", money(amt))]),
            (
                "btn",
                "Review and pay",
                f"https://connect.intuit.com/portal/app/CommerceNetwork/view/scs-v1-{rs(r, 60, HEX)}?locale=en_US&cta=viewinvoicenow",
            ),
            f"Dear {ORG},\n\nWe appreciate your business. Please find your invoice details here. Feel free to contact us if you have any questions.\n\nHave a great day!\n{v.name}\n{v.phone}",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr(f"{v.name}", "quickbooks@notification.intuit.com"),
            f"Invoice {inv} from {v.name}",
            blocks,
            v.name,
            "#2ca01c",
            ["Powered by QuickBooks", "Intuit Inc., 2700 Coast Avenue, Mountain View, CA 94043"],
            f"<{digits(r, 13)}.{rs(r, 10, LOWER)}@intuit.com>",
            [("Reply-To", f"billing@{v.domain}")],
        )
    if kind == 1:
        rt = r_ses(r, "post.xero.com", "bounces.post.xero.com")
        rt.from_dom = "post.xero.com"
        inv = f"INV-{r.randint(1000, 4999):04d}"
        text = f"Hi Accounts Payable,\n\nHere's invoice {inv} for {money(amt)}.\n\nThe amount outstanding of {money(amt)} is due on {ldate(due)}.\n\nView and pay your bill online: https://in.xero.com/{b64u(r, 40)}\n\nFrom your online bill you can print a PDF, export a CSV, or create a free login and view your outstanding bills.\n\nIf you have any questions, please let us know.\n\nThanks,\n{v.name}\n"
        pdf = attach(
            f"Invoice {inv}.pdf",
            PDF,
            fake_pdf(
                r,
                f"TAX INVOICE {inv}",
                [v.name, f"Bill to: {ORG}", f"Amount due: {money(amt)}", f"Due date: {sdate(due)}"],
            ),
        )
        ent = multi(r, "mixed", [alt(r, text, simple_html(text, "Arial, sans-serif")), pdf])
        hs = std(
            addr(v.name, "messaging-service@post.xero.com"),
            rcpt,
            f"Invoice {inv} from {v.name} for {ORG}",
            dt,
            mid(r, "post.xero.com", "ses"),
            ("Reply-To", f"accounts@{v.domain}"),
        )
        return deliver(r, rt, rcpt, dt, hs, ent)
    f, ln = pname(r)
    days = r.choice([15, 30, 45, 60])
    text = f"Hi Priya,\n\nI hope you're well. Our records show invoice #{inv} dated {sdate(dt - timedelta(days=days + 30))} for {money(amt)} is now {days} days past due. I've attached a statement of account showing the open items.\n\nCould you let me know the status of payment, or if there is anything holding it up on your side (missing PO number, W-9, etc.)? If payment has already been sent, please disregard this note and accept our thanks.\n\nWe'd appreciate payment by {ldate(later(dt, 7))} to keep the account current.\n\nBest regards,\n\n{osig(f, ln, 'Accounts Receivable', v)}\n"
    pdf = attach(
        f"Statement_{ORG.split()[0]}_{dt:%Y%m%d}.pdf",
        PDF,
        fake_pdf(r, "STATEMENT OF ACCOUNT", [f"Invoice {inv}: {money(amt)}", f"Days past due: {days}"]),
    )
    return person_mail(r, v, f, ln, rcpt, dt, f"Past due reminder - Invoice #{inv} - {ORG}", text, [pdf])


def f_cloud_billing(r: random.Random, i: int) -> bytes:
    rcpt = r.choice([ITADMIN.email, CONTROLLER.email])
    dt = rdate(r, "PT", 0, 23, weekend=True)
    kind = i % 3
    acct = digits(r, 12)
    if kind == 0:
        rt = r_ses(r, "notifications.aws", "notifications.aws")
        budget = r.choice(["Monthly-Total", "prod-tms-ec2", "Data-Platform"])
        lim = r.choice([2500, 5000, 8000])
        actual = lim * r.uniform(0.8, 1.2)
        text = f"AWS Budget Notification {ldate(dt)}\nAWS Account {acct}\n\nDear AWS Customer,\n\nYou requested that we alert you when the ACTUAL Cost associated with your {budget} budget is greater than {r.choice([80, 90, 100])}% for the current month. The ACTUAL Cost associated with this budget is {money(actual)}. You can find additional details below and by accessing the AWS Budgets dashboard [1].\n\nBudget Name: {budget}\nBudget Type: Cost\nBudgeted Amount: {money(lim)}\nAlert Type: ACTUAL\nAlert Threshold: > {money(lim * 0.9)}\nACTUAL Amount: {money(actual)}\n\n[1] https://console.aws.amazon.com/billing/home#/budgets\n"
        hs = std(
            addr("AWS Budgets", "no-reply@notifications.aws"),
            rcpt,
            f"AWS Budgets: {budget} has exceeded your alert threshold",
            dt,
            mid(r, "notifications.aws", "ses"),
            utc=True,
        )
        return deliver(r, rt, rcpt, dt, hs, plain(text, "utf-8", "7bit"))
    if kind == 1:
        rt = r_ses(r, "amazon.com", "amazonses.com")
        rt.from_dom = "amazon.com"
        amt = r.randint(1500, 9000) + 0.37
        blocks = [
            ("h", "Your AWS invoice is available"),
            "Greetings from Amazon Web Services,",
            f"This e-mail confirms that your latest billing statement, for the account ending in {acct[-4:]}, is available on the AWS web site. Your account will be charged the following:",
            (
                "kv",
                [
                    ("Total", money(amt)),
                    ("Invoice", f"E{digits(r, 9)}"),
                    ("Billing period", f"{(dt - timedelta(days=28)):%B} {dt.year}"),
                ],
            ),
            (
                "link",
                "https://console.aws.amazon.com/billing/home#/bills",
                "https://console.aws.amazon.com/billing/home#/bills",
            ),
            "Sincerely,\nAmazon Web Services",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("Amazon Web Services", "aws-billing@amazon.com"),
            "Amazon Web Services Billing Statement Available",
            blocks,
            "aws",
            "#ff9900",
            [
                "This message was produced and distributed by Amazon Web Services, Inc., 410 Terry Ave. North, Seattle, WA 98109-5210."
            ],
            mid(r, "amazon.com", "ses"),
            utc=True,
        )
    rt = r_m365(r, "microsoft.com", "azure-noreply@microsoft.com", "reject")
    rt.signers = [("microsoft.com", "s1024-meo")]
    amt = r.randint(800, 6000) + 0.12
    blocks = [
        ("h", "Your Azure invoice is ready"),
        f"Your invoice for billing account Harborline Freight Inc. is ready. The amount due is {money(amt)} and will be charged automatically on {ldate(later(dt, 10))}.",
        (
            "btn",
            "View invoice",
            "https://portal.azure.com/#blade/Microsoft_Azure_GTM/ModernBillingMenuBlade/Invoices",
        ),
        "If you have questions about your bill, create a support request in the Azure portal.",
    ]
    return send_html(
        r,
        rt,
        rcpt,
        dt,
        addr("Microsoft Azure", "azure-noreply@microsoft.com"),
        f"Your Microsoft Azure invoice G0{digits(r, 8)} is ready",
        blocks,
        "Microsoft Azure",
        "#0078d4",
        ["Microsoft Corporation, One Microsoft Way, Redmond, WA 98052", "Privacy Statement"],
        mid(r, "microsoft.com", "uuid"),
        utc=True,
    )


def f_banking(r: random.Random, i: int) -> bytes:
    dt = rdate(r, "PT")
    kind = i % 4
    if kind in (0, 1):
        rcpt = r.choice([CONTROLLER.email, AP.email])
        rt = r_direct(
            r,
            BANK.domain,
            f"alerts-bounce@notify.{BANK.domain}",
            f"smtp{r.randint(1, 4)}.notify.{BANK.domain}",
            f"64.71.{r.randint(1, 250)}.{r.randint(2, 250)}",
            [(f"notify.{BANK.domain}", "ecb1")],
        )
        amt = r.randint(2000, 180000) + 0.0
        ref = f"{dt:%Y%m%d}{rs(r, 8, UHEX)}"
        if kind == 0:
            ben = r.choice(CARRIERS + VENDORS)
            subj = "Outgoing Wire Transfer Confirmation"
            blocks = [
                ("h", subj),
                f"The following outgoing wire transfer was released from your account ending in {digits(r, 4)}.",
                (
                    "kv",
                    [
                        ("Amount", money(amt)),
                        ("Beneficiary", ben.name),
                        (
                            "Beneficiary bank",
                            r.choice(["U.S. Bank", "Wells Fargo Bank", "KeyBank", "Umpqua Bank"]),
                        ),
                        ("Reference", ref),
                        ("Released by", f"{CONTROLLER.first[0]}{CONTROLLER.last.upper()}"),
                        ("Approved by", f"{CEO.first[0]}{CEO.last.upper()}"),
                    ],
                ),
                "If you did not authorize this transfer, call Treasury Services immediately at (800) 555-0131. We will never ask you for your password or a security code by email.",
            ]
        else:
            subj = "ACH Batch Released"
            blocks = [
                ("h", subj),
                f"ACH batch {r.choice(['PAYROLL', 'AP VENDOR PMTS', 'CARRIER SETTLE'])} has been released for processing.",
                (
                    "kv",
                    [
                        ("Effective date", sdate(later(dt, 1))),
                        ("Items", str(r.randint(8, 140))),
                        ("Total debits", money(amt)),
                        ("Company ID", digits(r, 10)),
                    ],
                ),
                "Sign in to Evergreen Business Online to view details.",
            ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("Evergreen Commerce Bank", f"alerts@notify.{BANK.domain}"),
            subj,
            blocks,
            BANK.name,
            "#0f5132",
            ["Evergreen Commerce Bank. Member FDIC.", "This is an automated message. Please do not reply."],
            f"<{rs(r, 20, HEX)}@notify.{BANK.domain}>",
        )
    v = r.choice(VENDORS)
    f, ln = pname(r)
    if kind == 2:
        text = f"Dear Valued Customer,\n\nWe are writing to let you know that effective {ldate(later(dt, 30))}, {v.name} will move its operating account from Columbia Bank to Banner Bank following the consolidation of our banking relationships.\n\nWe understand that a change of remittance details is a common target for fraud, so please do NOT update your records based on this email alone. Our signed letter on company letterhead is attached, and we ask that you verify the change by calling our office at the number you already have on file for us ({v.phone}) and asking for {f} {ln} in Accounting. We will never ask you to change payment details by email only, and no one from our office will call you to request an urgent payment.\n\nUntil the effective date, please continue to remit to the existing account. Payments made by check to our PO Box are not affected.\n\nThank you for your understanding, and please don't hesitate to contact me with any questions.\n\nSincerely,\n\n{osig(f, ln, 'Controller', v)}\n"
        pdf = attach(
            f"{v.name.split()[0]}_Change_of_Bank_Notice.pdf",
            PDF,
            fake_pdf(
                r,
                "NOTICE OF CHANGE OF BANKING INFORMATION",
                [
                    v.name,
                    f"Effective {sdate(later(dt, 30))}",
                    "Please verify by telephone before updating records.",
                ],
            ),
        )
        return person_mail(
            r,
            v,
            f,
            ln,
            SHARED["ap"],
            dt,
            f"Notice: change of banking information - {v.name} (please verify by phone)",
            text,
            [pdf],
        )
    text = f"Hi {f},\n\nThanks for the heads-up. I called your office this morning on the number we have on file and spoke with {r.choice(FIRST)} in accounting, who confirmed the new account. We've updated our vendor master and the change will apply to payments released after {sdate(later(dt, 5))}.\n\nFor your records, our next scheduled payment run is {ldate(later(dt, 7))}.\n\nRegards,\n\n{sig(AP)}\n\n-----Original Message-----\nFrom: {f} {ln} <{f.lower()}.{ln.lower()}@{v.domain}>\nSent: {(dt - timedelta(days=3)):%A, %B %d, %Y %I:%M %p}\nTo: Accounts Payable <{SHARED['ap']}>\nSubject: Notice: change of banking information - {v.name}\n\nPlease verify this change by calling our office before updating your records.\n"
    rt = r_internal(r, AP.email)
    hs = std(
        addr(AP.name, AP.email),
        addr(f"{f} {ln}", f"{f.lower()}.{ln.lower()}@{v.domain}"),
        f"RE: Notice: change of banking information - {v.name}",
        dt,
        mid(r, DOM, "outlook"),
        ("Cc", addr(CONTROLLER.name, CONTROLLER.email)),
    )
    return deliver(
        r,
        rt,
        CONTROLLER.email,
        dt,
        hs,
        alt(r, text, simple_html(text), "utf-8", "quoted-printable", "outlook"),
    )


def f_parcel(r: random.Random, i: int) -> bytes:
    p = r.choice([LOGI, PROCURE, CSM, DISPATCH])
    rcpt = p.email
    dt = rdate(r, "ET", 5, 21, weekend=True)
    kind = i % 4
    eta = ldate(later(dt, r.randint(0, 3)))
    if kind == 0:
        trk = f"1Z{rs(r, 6, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}{digits(r, 10)}"
        rt = r_direct(
            r,
            "ups.com",
            "mcinfo@ups.com",
            f"mta{r.randint(1, 12)}.ups.com",
            f"153.2.{r.randint(200, 250)}.{r.randint(2, 250)}",
            [("ups.com", "s4096")],
        )
        blocks = [
            ("h", "Your package is scheduled for delivery"),
            f"Scheduled Delivery Date: {eta}",
            (
                "kv",
                [
                    ("Tracking Number", trk),
                    ("Ship To", f"{ORG.upper()}, TACOMA, WA, US"),
                    ("Number of Packages", str(r.randint(1, 6))),
                    ("UPS Service", r.choice(["UPS Ground", "UPS Next Day Air", "UPS 2nd Day Air"])),
                    ("Shipper", r.choice(["GRAINGER", "ULINE", "CDW", "FASTENAL"])),
                ],
            ),
            (
                "btn",
                "Track Package",
                f"https://www.ups.com/track?loc=en_US&tracknum={trk}&requester=ST/trackdetails",
            ),
            "Download the UPS mobile app",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("UPS", "mcinfo@ups.com"),
            f"UPS Update: Package Scheduled for Delivery {'Today' if r.random() < 0.5 else eta}",
            blocks,
            "UPS",
            "#351c15",
            [
                "© 2026 United Parcel Service of America, Inc. UPS, the UPS brandmark, and the color brown are trademarks of United Parcel Service of America, Inc.",
                "Do not reply directly to this email. UPS will not receive any reply message.",
            ],
            f"<{digits(r, 13)}.{digits(r, 5)}@ups.com>",
        )
    if kind == 1:
        trk = digits(r, 12)
        rt = r_direct(
            r,
            "fedex.com",
            f"bounce-{rs(r, 10, LOWER)}@fedex.com",
            f"mail{r.randint(1, 30)}.fedex.com",
            f"199.81.{r.randint(1, 250)}.{r.randint(2, 250)}",
            [("fedex.com", "fdx-2023")],
        )
        blocks = [
            ("h", "Your package has been delivered"),
            f"Hi. Your package was delivered {ldate(dt)} at {dt:%I:%M %p}.",
            (
                "kv",
                [
                    ("Tracking number", trk),
                    ("Delivered to", "Shipping/Receiving"),
                    ("Signed for by", f"{p.first[0]}.{p.last.upper()}"),
                    ("Ship date", sdate(dt - timedelta(days=2))),
                ],
            ),
            (
                "btn",
                "OBTAIN PROOF OF DELIVERY",
                f"https://www.fedex.com/fedextrack/?trknbr={trk}&trkqual=12{digits(r, 4)}~{trk}~FDEG",
            ),
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("FedEx", "TrackingUpdates@fedex.com"),
            f"FedEx Shipment {trk}: Your package has been delivered",
            blocks,
            "FedEx",
            "#4d148c",
            [
                "This tracking update has been requested by: Company Name: GRAINGER",
                "© 2026 Federal Express Corporation. The content of this message is protected by copyright and trademark laws.",
            ],
            f"<{rs(r, 20, HEX)}@fedex.com>",
        )
    if kind == 2:
        awb = digits(r, 10)
        rt = r_direct(
            r,
            "dhl.com",
            "bounce@dhl.com",
            f"mailout{r.randint(1, 9)}.dhl.com",
            f"165.72.{r.randint(1, 250)}.{r.randint(2, 250)}",
            [("dhl.com", "dhl20251")],
        )
        blocks = [
            ("h", "Your DHL Express shipment is on its way"),
            f"Waybill {awb} from {r.choice(['Shenzhen, China', 'Hamburg, Germany', 'Busan, South Korea', 'Vancouver, Canada'])} has cleared customs and is with courier for delivery.",
            ("kv", [("Estimated delivery", eta), ("Pieces", str(r.randint(1, 3)))]),
            (
                "btn",
                "Manage delivery",
                f"https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id={awb}",
            ),
            "Duties and taxes for this shipment were billed to the shipper.",
        ]
        return send_html(
            r,
            rt,
            rcpt,
            dt,
            addr("DHL Express", "noreply@dhl.com"),
            f"DHL On Demand Delivery: shipment {awb} is out for delivery",
            blocks,
            "DHL",
            "#d40511",
            ["Deutsche Post DHL Group", "Please do not reply to this email."],
            f"<{rs(r, 24, HEX)}@dhl.com>",
        )
    rt = r_direct(
        r,
        "email.informeddelivery.usps.com",
        f"bounce-{rs(r, 10, LOWER)}@email.informeddelivery.usps.com",
        f"mta{r.randint(1, 9)}.email.informeddelivery.usps.com",
        f"56.0.{r.randint(1, 250)}.{r.randint(2, 250)}",
        [("email.informeddelivery.usps.com", "s1")],
    )
    n = r.randint(1, 6)
    blocks = [
        ("h", f"Your Daily Digest for {dt:%a}, {dt:%m/%d}"),
        f"You have {n} mailpieces and 0 packages arriving soon.",
        (
            "kv",
            [
                (
                    f"Mailpiece {k + 1}",
                    r.choice(
                        [
                            "FROM: INTERNAL REVENUE SERVICE",
                            "FROM: WA DEPT OF LABOR & INDUSTRIES",
                            "FROM: EVERGREEN COMMERCE BANK",
                            "Scanned image not available",
                        ]
                    ),
                )
                for k in range(n)
            ],
        ),
        (
            "btn",
            "View Dashboard",
            "https://informeddelivery.usps.com/box/pages/secure/DashboardAction_input.action",
        ),
    ]
    return send_html(
        r,
        rt,
        rcpt,
        dt,
        addr("USPS Informed Delivery", "USPSInformeddelivery@email.informeddelivery.usps.com"),
        f"Your Daily Digest for {dt:%a}, {dt.month}/{dt.day} is ready to view",
        blocks,
        "USPS",
        "#333366",
        [
            "This is an automated email, please do not reply to this message.",
            "Privacy Policy | Customer Service | USPS.com",
        ],
        f"<{rs(r, 20, HEX)}@usps.com>",
    )


def f_freight_ops(r: random.Random, i: int) -> bytes:
    c = CARRIERS[i % len(CARRIERS)]
    cu = r.choice(CUSTOMERS)
    dt = rdate(r, "PT", 5, 20)
    load = f"HFL{digits(r, 6)}"
    o, d = r.sample(CITIES, 2)
    kind = i % 4
    f, ln = pname(r)
    if kind == 0:
        rate = r.randint(900, 4800)
        text = f"Teresa,\n\nAttached is the signed rate confirmation for load {load}.\n\nPU: {cu.name}, {o[0]}, {o[1]} - {sdate(later(dt, 1))} 0800-1400\nDEL: {d[0]}, {d[1]} - {sdate(later(dt, 2))} FCFS\nEquipment: 53' dry van\nRate: {money(rate)} all-in\nDriver: {r.choice(FIRST)}  cell (509) 555-01{r.randint(10, 99)}\nTruck #{r.randint(100, 999)} / Trailer #{r.randint(1000, 9999)}\n\nWe'll send a check call once loaded.\n\nThanks,\n\n{osig(f, ln, 'Dispatcher', c)}\nMC {digits(r, 6)} | USDOT {digits(r, 7)}\n"
        pdf = attach(
            f"RateCon_{load}_signed.pdf",
            PDF,
            fake_pdf(
                r,
                "LOAD CONFIRMATION AND RATE AGREEMENT",
                [f"Load {load}", f"Carrier: {c.name}", f"Rate: {money(rate)}"],
            ),
        )
        return person_mail(
            r,
            c,
            f,
            ln,
            DISPATCH.email,
            dt,
            f"RE: Rate Con {load} {o[0]}, {o[1]} > {d[0]}, {d[1]}",
            text,
            [pdf],
            extra=[("Cc", SHARED["dispatch"])],
        )
    if kind == 1:
        text = f"Please find attached the signed POD for load {load} delivered {sdate(dt)} at {dt:%H:%M} to {cu.name}, {d[0]}, {d[1]}. No OS&D noted.\n\nInvoice {digits(r, 5)} to follow via our billing portal. Please remit per the terms of the rate confirmation.\n\n{c.name} Billing\n{c.phone}\n"
        pdf = attach(
            f"POD_{load}.pdf",
            PDF,
            fake_pdf(
                r,
                "PROOF OF DELIVERY / BILL OF LADING",
                [f"BOL {digits(r, 8)}", f"Consignee: {cu.name}", "Received in good order"],
            ),
        )
        rt = r_ses(r, c.domain, f"mail.{c.domain}")
        hs = std(
            addr(f"{c.name} Billing", f"billing@{c.domain}"),
            SHARED["billing"],
            f"POD - Load {load} - BOL {digits(r, 8)}",
            dt,
            mid(r, c.domain, "ses"),
            ("Reply-To", f"billing@{c.domain}"),
        )
        return deliver(
            r, rt, SHARED["billing"], dt, hs, multi(r, "mixed", [plain(text, "utf-8", "7bit"), pdf])
        )
    if kind == 2:
        b = BROKER
        entry = f"{rs(r, 3, UHEX)}-{digits(r, 7)}-{digits(r, 1)}"
        text = f"Hello Luis,\n\nCBP has released entry {entry} for container {r.choice(['MSCU', 'TGHU', 'CMAU', 'OOLU'])}{digits(r, 7)} (MBL {rs(r, 4, UHEX)}{digits(r, 8)}), vessel {r.choice(['EVER LUCENT', 'CMA CGM TAGE', 'ONE HARMONY', 'MAERSK KENSINGTON'])} arrived Port of Tacoma {sdate(dt - timedelta(days=2))}.\n\nDuties and fees: {money(r.randint(800, 14000) + 0.41)} (ACH statement, periodic monthly). Entry summary (7501) and commercial invoice attached for your file.\n\nLast free day at terminal: {sdate(later(dt, 3))}. Please schedule the drayage accordingly to avoid demurrage.\n\nBest regards,\n\n{osig(f, ln, 'Licensed Customs Broker', b)}\n"
        pdf = attach(
            f"7501_{entry}.pdf",
            PDF,
            fake_pdf(r, "ENTRY SUMMARY CBP FORM 7501", [f"Entry {entry}", f"Importer of record: {ORG}"]),
        )
        return person_mail(r, b, f, ln, LOGI.email, dt, f"Entry released - {entry} - {ORG}", text, [pdf])
    tender = digits(r, 8)
    rt = r_sendgrid(r, "mercurygate-mail.com", DISPATCH.email)
    rt.from_dom = cu.domain
    rt.signers = [(cu.domain, "s1"), ("sendgrid.info", "smtpapi")]
    text = f"LOAD TENDER {tender}\n\nShipper: {cu.name}\nOrigin: {o[0]}, {o[1]}\nDestination: {d[0]}, {d[1]}\nPickup: {sdate(later(dt, 2))} 07:00\nDelivery: {sdate(later(dt, 4))} 13:00 appointment\nCommodity: {r.choice(['Housewares', 'Auto parts', 'Canned goods', 'Building materials'])}, {r.randint(10, 26)} pallets, {r.randint(18000, 42000)} lbs\nRate: {money(r.randint(1200, 5200))}\n\nRespond by {dt + timedelta(hours=4):%H:%M} local time.\nAccept: https://tms.{cu.domain}/tender/{tender}/accept\nDecline: https://tms.{cu.domain}/tender/{tender}/decline\n\nThis is an automated message from the {cu.name} transportation management system.\n"
    hs = std(
        addr(f"{cu.name} Transportation", f"tms-noreply@{cu.domain}"),
        SHARED["dispatch"],
        f"Load Tender {tender} - {o[0]}, {o[1]} to {d[0]}, {d[1]}",
        dt,
        mid(r, cu.domain, "sendgrid"),
    )
    return deliver(r, rt, SHARED["dispatch"], dt, hs, plain(text, "utf-8", "7bit"))


NEWS_BRANDS = [
    ("LoadPilot TMS", "loadpilot.com", "#ff6a13", "mailchimp"),
    ("Freight Forward Alliance", "freightforwardalliance.org", "#00457c", "mailchimp"),
    ("Coastline Office Supply", "coastlineoffice.com", "#d62828", "sfmc"),
    ("DockWise", "dockwise.io", "#2d6cdf", "hubspot"),
    ("Pacific Northwest Trucking Association", "pnwta.org", "#1b4965", "mailchimp"),
    ("YardHawk", "yardhawk.com", "#6c2bd9", "sendgrid"),
    ("SafeHaul Insurance Partners", "safehaulins.com", "#0b7a75", "hubspot"),
    ("Crate & Carton Packaging", "crateandcarton.com", "#b5651d", "braze"),
]
PROMOS = [
    (
        "Last chance: 25% off breakroom & janitorial — ends Sunday",
        "Limited time: take 25% off breakroom and janitorial supplies with code SPRING25. Free next-day delivery on orders over $75.",
    ),
    (
        "Your {month} freight market update",
        "Spot van rates eased {pct}% month over month while contract rates held steady. Diesel averaged ${diesel}/gal nationally.",
    ),
    (
        "New in {brand}: automated detention tracking",
        "Detention billing just got easier: geofenced arrival and departure times now flow straight into your invoices.",
    ),
    (
        "Members-only: 2026 Safety Summit early-bird pricing ends Friday",
        "Register by Friday to save $150 on your full-conference pass. Sessions include CSA scores, ELD data audits and cargo theft prevention.",
    ),
    (
        "Save 40% on stretch film and corrugated — this week only",
        "Stock up before Q4: 40% off stretch film, corner boards and double-wall boxes. Offer valid while supplies last.",
    ),
    (
        "Cargo theft is up. Is your coverage?",
        "Strategic cargo theft — fictitious pickups and identity theft of carriers — rose sharply this year. Here's how to review your motor truck cargo limits.",
    ),
]


def f_newsletters(r: random.Random, i: int) -> bytes:
    brand, dom, color, esp = NEWS_BRANDS[i % len(NEWS_BRANDS)]
    p = staff(r)
    rcpt = p.email
    dt = rdate(r, "ET", 6, 16)
    subj, lead = PROMOS[(i * 5 + r.randint(0, 5)) % len(PROMOS)]
    fill = {
        "month": f"{dt:%B}",
        "pct": f"{r.uniform(1, 6):.1f}",
        "diesel": f"{r.uniform(3.4, 4.1):.2f}",
        "brand": brand,
    }
    subj, lead = subj.format(**fill), lead.format(**fill)
    if esp == "mailchimp":
        u, cid, dc, lid = rs(r, 25, HEX), rs(r, 10, HEX), r.choice([4, 6, 10, 14, 21]), rs(r, 10, HEX)
        acct = dom.split(".")[0]
        rt = r_mailchimp(r, dom, rcpt, u, cid, dc)
        lk = lambda: mc_link(r, acct, dc, u, lid)  # noqa: E731
        pixel = mc_pixel(acct, dc, u, cid, lid)
        unsub = f"https://{acct}.us{dc}.list-manage.com/unsubscribe?u={u}&id={rs(r, 10, HEX)}&e={lid}&c={cid}"
        extra = [
            *bulk_unsub(
                unsub,
                f"unsubscribe-mc.us{dc}_{u}.{cid}-{lid}@unsubscribe.mailchimpapp.net?subject=unsubscribe",
            ),
            ("List-ID", f"{u}mc list <{u}.{r.randint(100000, 999999)}.list-id.mcsv.net>"),
            ("Precedence", "bulk"),
        ]
        msgid = f"<{rs(r, 20, HEX)}.{cid}.{rs(r, 10, HEX)}@mail{r.randint(10, 240)}.atl{r.randint(11, 241)}.mcdlv.net>"
    elif esp == "sfmc":
        rt = r_sfmc(r, dom, rcpt)
        lk = lambda: sfmc_link(r, dom)  # noqa: E731
        pixel = sfmc_pixel(r, dom)
        extra = bulk_unsub(
            f"https://click.e.{dom}/u/?qs={rs(r, 120, HEX)}", f"leave-{rs(r, 40, HEX)}@leave.e.{dom}"
        )
        msgid = f"<{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@atl1s07mta{r.randint(1000, 2999)}.xt.local>"
    elif esp == "hubspot":
        rt = r_hubspot(r, dom, rcpt)
        sub = rs(r, 8, LOWER)
        lk = lambda: hs_link(r, sub)  # noqa: E731
        pixel = hs_pixel(r)
        extra = bulk_unsub(
            f"https://hs-{r.randint(1000000, 9999999)}.s.hubspotemail.net/hs/manage-preferences/unsubscribe?d={b64u(r, 80)}"
        )
        msgid = f"<{digits(r, 13)}.{rs(r, 8, HEX)}-{rs(r, 4, HEX)}@bf{r.randint(1, 9):02d}x.hubspotemail.net>"
    else:
        rt = r_sendgrid(r, dom, rcpt)
        u = r.randint(1000, 99999)
        lk = (lambda: braze_link(r, dom)) if esp == "braze" else (lambda: sendgrid_link(r, u, ""))
        pixel = sendgrid_pixel(r, u)
        extra = bulk_unsub(
            f"https://u{u}.ct.sendgrid.net/asm/unsubscribe/?user_id={r.randint(1000000, 9999999)}&data={b64u(r, 80)}",
            f"unsubscribe+{b64u(r, 24)}@em{r.randint(1000, 9999)}.{dom}",
        )
        msgid = mid(r, dom, "sendgrid")
    blocks = [
        (
            "img",
            f"https://{'mcusercontent.com/' + rs(r, 25, HEX) if esp == 'mailchimp' else 'cdn.' + dom}/images/{rs(r, 12, HEX)}.png",
            brand,
        ),
        ("h", subj.split(": ")[-1]),
        f"Hi {p.first},",
        lead,
        r.choice(
            [
                "Our team spent the quarter talking with shippers and carriers across the Northwest. Three themes stood out: tighter tender acceptance, more drop-trailer programs, and rising interest in dock scheduling.",
                "Whether you run two trucks or two hundred, the fundamentals haven't changed: visibility, on-time pickup, and clean paperwork. Here's what's new this month.",
                "Thank you for being a customer. As always, reply to this email if there's anything we can help with.",
            ]
        ),
        (
            "btn",
            r.choice(
                ["Shop now", "Read the full report", "See what's new", "Register today", "Get the guide"]
            ),
            lk(),
        ),
        ("link", f"www.{dom}", lk()),
    ]
    foot = [
        f"{brand} · {r.randint(100, 9999)} {r.choice(['Commerce St', 'Harbor Ave', 'Industry Dr', 'Main St'])} · {r.choice(CITIES)[0]}, {r.choice(CITIES)[1]} {digits(r, 5)} · USA",
        f"You received this email because you are subscribed to {brand} updates as {rcpt}.",
        "Update your preferences or unsubscribe.",
    ]
    return send_html(
        r,
        rt,
        rcpt,
        dt,
        addr(brand, f"{r.choice(['news', 'hello', 'marketing', 'info'])}@{dom}"),
        subj,
        blocks,
        brand,
        color,
        foot,
        msgid,
        extra,
        pixel=pixel,
        preheader=lead[:90],
        utc=esp != "mailchimp",
    )


def internal_mail(
    r: random.Random,
    sender: Person | tuple[str, str],
    rcpt: str,
    dt: datetime,
    subject: str,
    text: str,
    to: str = "",
    extra: Sequence[Header] = (),
    parts: Sequence[Ent] = (),
) -> bytes:
    name, email = (sender.name, sender.email) if isinstance(sender, Person) else sender
    rt = r_internal(r, email)
    body = alt(r, text, simple_html(text), "utf-8", "quoted-printable", "outlook")
    ent = multi(r, "mixed", [body, *parts], "outlook") if parts else body
    hs = std(
        addr(name, email),
        to or rcpt,
        subject,
        dt,
        mid(r, DOM, "outlook"),
        *extra,
        ("Content-Language", "en-US"),
    )
    return deliver(r, rt, rcpt, dt, hs, ent)


def f_events(r: random.Random, i: int) -> bytes:
    brand, dom, color, _ = NEWS_BRANDS[(i + 3) % len(NEWS_BRANDS)]
    p = staff(r)
    rcpt = p.email
    dt = rdate(r, "ET", 6, 16)
    ev = later(dt, r.randint(7, 30))
    rt = r_sendgrid(r, dom, rcpt)
    u = r.randint(1000, 99999)
    kind = i % 3
    if kind == 0:
        subj = f"Webinar: Cutting empty miles in 2026 — {ev:%b} {ev.day}, 11am PT"
        blocks = [
            ("h", "You're invited"),
            f"Join {brand} product lead {r.choice(FIRST)} {r.choice(LAST)} for a 45-minute live session on load matching, backhaul planning and what the data says about empty miles.",
            (
                "kv",
                [
                    ("Date", ldate(ev)),
                    ("Time", "11:00 AM PT / 2:00 PM ET"),
                    ("Format", "Live on Zoom, recording sent to all registrants"),
                ],
            ),
            ("btn", "Save my seat", sendgrid_link(r, u, "")),
            "Seats are limited to 500 attendees.",
        ]
    elif kind == 1:
        subj = "Take our 5-minute survey for a chance to win a $250 Amazon gift card"
        blocks = [
            ("h", "How are we doing?"),
            f"Hi {p.first}, we'd love your feedback on {brand}. The survey takes about 5 minutes, and everyone who completes it by {ldate(ev)} is entered into a drawing for one of five $250 Amazon gift cards.",
            ("btn", "Start the survey", sendgrid_link(r, u, "")),
            "No purchase necessary. Official rules: " + f"https://www.{dom}/survey-rules",
        ]
    else:
        subj = f"Invitation: {brand} Customer Day — {ev:%B} {ev.day}, Seattle"
        blocks = [
            ("h", "Customer Day 2026"),
            "Join us for a day of roadmap sessions, peer roundtables and a harbor cruise reception. Complimentary for customers; space is limited.",
            ("kv", [("When", ldate(ev)), ("Where", "Bell Harbor International Conference Center, Seattle")]),
            ("btn", "RSVP now", sendgrid_link(r, u, "")),
        ]
    extra = bulk_unsub(
        f"https://u{u}.ct.sendgrid.net/asm/unsubscribe/?user_id={r.randint(1000000, 9999999)}&data={b64u(r, 80)}"
    )
    return send_html(
        r,
        rt,
        rcpt,
        dt,
        addr(f"{brand} Events", f"events@{dom}"),
        subj,
        blocks,
        brand,
        color,
        [f"{brand}, Seattle, WA", "Unsubscribe | Manage preferences"],
        mid(r, dom, "sendgrid"),
        extra,
        pixel=sendgrid_pixel(r, u),
        utc=True,
    )


def f_hr_payroll(r: random.Random, i: int) -> bytes:
    p = r.choice([x for x in STAFF if x is not HR])
    dt = rdate(r, "PT")
    kind = i % 4
    if kind == 0:
        dl = later(dt, r.randint(3, 10))
        text = f'Hi everyone,\n\nReminder: Open Enrollment for 2027 benefits closes {ldate(dl)} at 5:00 PM Pacific. If you do not make an active election, your current medical, dental and vision coverage will roll over, but your FSA and HSA elections will NOT carry over and must be re-entered.\n\nLog in to the benefits portal (Okta tile "Benefits - Paylocity") to review plans and make your elections. The 2027 benefits guide and rate sheet are attached.\n\nOpen office hours with our broker: {ldate(later(dt, 1))}, 12:00-1:00 PM, Training Room B and on Teams.\n\nThanks,\n\n{sig(HR)}\n'
        pdf = attach(
            "2027_Benefits_Guide_Harborline.pdf",
            PDF,
            fake_pdf(r, "2027 BENEFITS GUIDE", ["Medical, dental, vision", "Open enrollment deadline"]),
        )
        return internal_mail(
            r,
            HR,
            SHARED["all"],
            dt,
            f"ACTION REQUIRED: Open Enrollment closes {dl:%A, %B} {dl.day}",
            text,
            parts=[pdf],
        )
    if kind == 1:
        rt = r_direct(
            r,
            "adp.com",
            f"bounce-{rs(r, 10, LOWER)}@adp.com",
            f"smtp{r.randint(1, 9)}.adp.com",
            f"170.146.{r.randint(1, 250)}.{r.randint(2, 250)}",
            [("adp.com", "adp2048")],
        )
        blocks = [
            ("h", "Your W-2 is ready"),
            f"Hello {p.first},",
            f"Your {dt.year - 1} Form W-2 from {ORG.upper()} is now available to view and download in ADP.",
            ("btn", "Sign in to view", "https://my.adp.com/#/pay/taxstatements"),
            "For your security, we will never ask for your password or personal information by email.",
        ]
        return send_html(
            r,
            rt,
            p.email,
            dt,
            addr("ADP", "SecurityServices_NoReply@adp.com"),
            "Your W-2 is ready to view",
            blocks,
            "ADP",
            "#d0271d",
            [
                "ADP, Inc. One ADP Boulevard, Roseland, NJ 07068",
                "This message was sent to you by ADP on behalf of your employer.",
            ],
            f"<{rs(r, 24, HEX)}@adp.com>",
            utc=True,
        )
    if kind == 2:
        text = f"Hi {p.first},\n\nYour pay statement for the pay date {sdate(later(dt, 2))} is now available in the employee portal. Direct deposit will post to your account(s) on file.\n\nIf you need to change your direct deposit, please do so in person with HR or in the portal itself — payroll will never ask for bank details by email.\n\nPayroll Team\n{ORG}\n"
        return internal_mail(
            r, ("Harborline Payroll", f"payroll@{DOM}"), p.email, dt, "Your pay statement is available", text
        )
    text = f"Team,\n\nPerformance reviews for {dt.year} open {ldate(later(dt, 1))}. Self-assessments are due in two weeks, manager reviews two weeks after that. You'll get a task in the HR portal with the form.\n\nPlease reach out with questions.\n\n{sig(HR)}\n"
    return internal_mail(r, HR, SHARED["all"], dt, f"{dt.year} performance review cycle - timeline", text)


def f_it_notices(r: random.Random, i: int) -> bytes:
    p = r.choice([x for x in STAFF if x is not ITADMIN])
    dt = rdate(r, "PT")
    kind = i % 4
    if kind == 0:
        days = r.choice([3, 5, 7, 14])
        text = f'Hello {p.first},\n\nYour network password will expire in {days} days. Please change it before it expires to avoid losing access to email, the TMS and the VPN.\n\nTo change your password: press Ctrl+Alt+Del on your company laptop and choose "Change a password", or sign in at https://harborline.okta.com and go to Settings.\n\nThe IT Help Desk will never email you a link asking for your current password.\n\nIT Help Desk\next. 520 | {SHARED["it"]}\n'
        return internal_mail(
            r, ("IT Help Desk", SHARED["it"]), p.email, dt, f"Your password expires in {days} days", text
        )
    if kind == 1:
        text = f"Hi {p.first},\n\nAs part of our cyber-insurance renewal, every account must be enrolled in Okta Verify multi-factor authentication by {ldate(later(dt, 10))}. After that date, sign-ins without MFA will be blocked.\n\nInstructions (5 minutes): https://intranet.{DOM}/it/mfa-setup\n\nWalk-up help: IT office, 2nd floor, Tue/Thu 8-10 AM.\n\nThanks,\n{sig(ITADMIN)}\n"
        return internal_mail(
            r, ITADMIN, p.email, dt, "Action required: enroll in MFA by " + ldate(later(dt, 10)), text
        )
    if kind == 2:
        lures = [
            '"Your mailbox is full — click here to verify your account within 24 hours"',
            '"URGENT: updated wire instructions for invoice #4471, please process today"',
            '"You have a pending DocuSign document — sign in with your Microsoft 365 password to view"',
            '"Your package could not be delivered. Pay the $1.99 redelivery fee"',
            '"Are you available? I need you to buy gift cards for a client, keep this between us"',
        ]
        text = (
            f"SECURITY SPOTLIGHT - {dt:%B %Y}\n\nThis month's real-world lures. These were reported by Harborline staff — thank you! Each one is fake:\n\n"
            + "\n".join(f"  * {x}" for x in r.sample(lures, 4))
            + '\n\nRed flags: urgency, a request for credentials or payment, a change of bank details by email, a sender address that doesn\'t match the company.\n\nWhat to do: use the "Report Phishing" button in Outlook, or forward to security@harborline-freight.com. Verify any payment change by phone using a number from our vendor master, never the one in the email.\n\nPhishing simulation results: click rate fell to '
            + f"{r.uniform(2, 7):.1f}% this quarter.\n\n{sig(ITADMIN)}\n"
        )
        return internal_mail(
            r, ITADMIN, SHARED["all"], dt, f"Security Spotlight: {dt:%B} phishing examples", text
        )
    text = f"All,\n\nPlanned maintenance: the TMS and EDI gateway will be unavailable {ldate(later(dt, 3))} from 10:00 PM to 1:00 AM PT while we apply updates. Dispatch, please plan tenders accordingly.\n\n{sig(ITADMIN)}\n"
    return internal_mail(r, ITADMIN, SHARED["all"], dt, "Planned maintenance: TMS / EDI outage window", text)


def ics(
    r: random.Random,
    org: Person,
    attendees: Sequence[str],
    start: datetime,
    minutes: int,
    summary: str,
    location: str,
) -> str:
    def u(d: datetime) -> str:
        return d.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    att = "".join(
        f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={a}:mailto:{a}\n"
        for a in attendees
    )
    return (
        "BEGIN:VCALENDAR\nMETHOD:REQUEST\nPRODID:Microsoft Exchange Server 2010\nVERSION:2.0\nBEGIN:VEVENT\n"
        f"ORGANIZER;CN={org.name}:mailto:{org.email}\n{att}"
        f"DESCRIPTION;LANGUAGE=en-US:{summary}\\n\nUID:040000008200E00074C5B7101A82E008{rs(r, 56, UHEX)}\n"
        f"SUMMARY;LANGUAGE=en-US:{summary}\nDTSTART:{u(start)}\nDTEND:{u(start + timedelta(minutes=minutes))}\n"
        f"CLASS:PUBLIC\nPRIORITY:5\nDTSTAMP:{u(start - timedelta(days=3))}\nTRANSP:OPAQUE\nSTATUS:CONFIRMED\nSEQUENCE:0\n"
        f"LOCATION;LANGUAGE=en-US:{location}\nBEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:REMINDER\nTRIGGER;RELATED=START:-PT15M\nEND:VALARM\n"
        "END:VEVENT\nEND:VCALENDAR\n"
    )


def f_internal(r: random.Random, i: int) -> bytes:
    dt = rdate(r, "PT")
    kind = i % 3
    if kind == 0:
        org = r.choice([CEO, OPSMGR, CONTROLLER, SALES])
        att = r.sample([x.email for x in STAFF if x is not org], 3)
        start = later(dt, 2).replace(hour=r.choice([9, 10, 13, 14]), minute=0, second=0)
        summary = r.choice(
            [
                "Weekly ops sync",
                "Q3 carrier scorecard review",
                "Budget review - FY27",
                "Customer QBR prep: " + r.choice(CUSTOMERS).name,
            ]
        )
        text = f"{summary}\n\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room device\nhttps://teams.microsoft.com/l/meetup-join/19%3ameeting_{b64u(r, 40)}%40thread.v2/0\nMeeting ID: {digits(r, 3)} {digits(r, 3)} {digits(r, 3)} {digits(r, 3)}\nPasscode: {rs(r, 6, ALNUM)}\n"
        cal = leaf(
            "text/calendar",
            ics(r, org, att, start, 30, summary, "Microsoft Teams Meeting; Conference Room 2A"),
            "utf-8",
            "base64",
            "; method=REQUEST",
        )
        ent = multi(r, "alternative", [plain(text), html(simple_html(text)), cal], "outlook")
        rt = r_internal(r, org.email)
        hs = std(
            addr(org.name, org.email),
            ", ".join(att),
            summary,
            dt,
            mid(r, DOM, "outlook"),
            ("Content-Class", "urn:content-classes:calendarmessage"),
        )
        return deliver(r, rt, att[0], dt, hs, ent)
    if kind == 1:
        text = f"Hi all,\n\nPlease join us for our quarterly all-hands on {ldate(later(dt, 6))} at 3:00 PM in the warehouse breakroom (and on Teams for our Boise and Stockton teams).\n\nAgenda: Q{r.randint(1, 4)} results, the new Fife cross-dock, safety recognition, and Q&A. Pizza provided.\n\nDana\n\n{sig(CEO)}\n"
        return internal_mail(r, CEO, SHARED["all"], dt, "All-hands meeting " + ldate(later(dt, 6)), text)
    newp = f"{r.choice(FIRST)} {r.choice(LAST)}"
    text = f"Team,\n\nPlease welcome {newp}, who joins us {ldate(later(dt, 1))} as {r.choice(['Dispatcher', 'Billing Specialist', 'Warehouse Supervisor', 'Account Manager'])}. {newp.split()[0]} comes to us from a 3PL in Kent and will sit with the ops team on the 2nd floor.\n\nSay hello when you see them!\n\n{sig(OPSMGR)}\n"
    return internal_mail(r, OPSMGR, SHARED["all"], dt, f"Welcome {newp}", text)


def f_correspondence(r: random.Random, i: int) -> bytes:
    cu = CUSTOMERS[i % len(CUSTOMERS)]
    f, ln = pname(r)
    dt = rdate(r, "PT")
    me = r.choice([SALES, CSM, LOGI])
    po = digits(r, 7)
    q = f"On {(dt - timedelta(hours=r.randint(3, 40))):%a, %b %d, %Y at %I:%M %p} {me.name} <{me.email}> wrote:\n> Hi {f},\n> Just confirming your shipment for PO {po} picked up this morning.\n> ETA at your DC is {sdate(later(dt, 2))}.\n>\n> {me.first}"
    cs = "windows-1252" if i % 4 == 0 else "utf-8"
    text = (
        r.choice(
            [
                f"Thanks {me.first} – that works. Can you also send the updated accessorial schedule? Our receiving team asked about lumper fees at the {r.choice(CITIES)[0]} DC.",
                f"Hi {me.first},\n\nReceived, thank you. One question: the BOL shows {r.randint(10, 24)} pallets but our PO was for {r.randint(10, 24)}. Could you double-check with the driver’s paperwork?",
                "Great, appreciate the quick turnaround. We’ll have the next 3 loads ready by Thursday; I’ll send the tenders tomorrow.",
            ]
        )
        + f"\n\nBest,\n\n{osig(f, ln, r.choice(['Logistics Manager', 'Buyer', 'Director of Supply Chain']), cu)}\n\n{q}\n"
    )
    m = mid(r, DOM, "outlook")
    return person_mail(
        r,
        cu,
        f,
        ln,
        me.email,
        dt,
        f"Re: PO {po} shipment update",
        text,
        cs=cs,
        extra=[("In-Reply-To", m), ("References", m)],
    )


def f_procurement(r: random.Random, i: int) -> bytes:
    cu = r.choice(CUSTOMERS)
    f, ln = pname(r)
    dt = rdate(r, "PT")
    kind = i % 3
    if kind == 0:
        lanes = [
            (f"{a[0]}, {a[1]}", f"{b[0]}, {b[1]}", str(r.randint(2, 20)))
            for a, b in (r.sample(CITIES, 2) for _ in range(5))
        ]
        x = attach(
            f"RFQ_{cu.name.split()[0]}_{dt.year}_Lanes.xlsx",
            XLSX,
            fake_xlsx([("Origin", "Destination", "Loads/wk"), *lanes]),
        )
        text = f"Hello Jordan,\n\n{cu.name} is requesting quotes for the dedicated and spot lanes in the attached spreadsheet for the period starting {ldate(later(dt, 30))}. Please return pricing in the same file by {ldate(later(dt, 10))}, including fuel surcharge schedule and accessorials.\n\nThank you,\n\n{osig(f, ln, 'Procurement Analyst', cu)}\n"
        return person_mail(
            r,
            cu,
            f,
            ln,
            SALES.email,
            dt,
            f"RFQ: {cu.name} {dt.year + 1} freight lanes - response due {sdate(later(dt, 10))}",
            text,
            [x],
        )
    if kind == 1:
        po = f"PO-{digits(r, 6)}"
        x = attach(
            f"{po}.pdf",
            PDF,
            fake_pdf(r, f"PURCHASE ORDER {po}", [cu.name, f"Vendor: {ORG}", "Warehousing services"]),
        )
        text = f"Hi Aisha,\n\nPlease see attached purchase order {po} for the {r.choice(['transload', 'warehousing', 'cross-dock'])} services discussed. Please reference the PO number on all invoices.\n\nRegards,\n{osig(f, ln, 'Purchasing', cu)}\n"
        return person_mail(r, cu, f, ln, CSM.email, dt, f"Purchase Order {po}", text, [x])
    v = r.choice(VENDORS)
    x = attach(
        f"{v.name.split()[0]}_Service_Agreement_{dt.year}.docx",
        DOCX,
        fake_docx(["Service Agreement", v.name, ORG]),
    )
    text = f"Megan,\n\nPlease review the attached and sign where indicated — it's the renewal of our service agreement with the pricing we discussed on the phone. If you have redlines, send them back in tracked changes and I'll turn them around the same day.\n\nThanks!\n\n{osig(f, ln, 'Account Manager', v)}\n"
    return person_mail(
        r,
        v,
        f,
        ln,
        PROCURE.email,
        dt,
        "Service agreement renewal - please review the attached and sign",
        text,
        [x],
    )


def f_mailing_lists(r: random.Random, i: int) -> bytes:
    p = r.choice([SAFETY, ITADMIN, OPSMGR])
    dt = rdate(r, "ET", 0, 23, weekend=True)
    f, ln = pname(r)
    odom = r.choice(["gmail.com", "comcast.net", "valleyfreightlines.com", "orcas-logistics.com"])
    sender = f"{f.lower()}{ln[0].lower()}@{odom}"
    if i % 2 == 0:
        lst, ld = "safety-managers", "lists.pnwta.org"
        body = f"Has anyone had a roadside inspection flagged for ELD malfunction codes since the last firmware update? We've had two this month in {r.choice(CITIES)[0]}.\n\n{f}\n\n_______________________________________________\n{lst} mailing list -- {lst}@{ld}\nTo unsubscribe send an email to {lst}-leave@{ld}\n"
        hs = std(
            addr(f"{f} {ln}", sender),
            f"{lst}@{ld}",
            f"[{lst}] ELD malfunction codes at roadside",
            dt,
            mid(r, odom, "gmail"),
            ("Sender", f"{lst}-bounces@{ld}"),
            ("Errors-To", f"{lst}-bounces@{ld}"),
            ("List-Id", f"<{lst}.{ld}>"),
            ("List-Post", f"<mailto:{lst}@{ld}>"),
            ("List-Help", f"<mailto:{lst}-request@{ld}?subject=help>"),
            ("List-Unsubscribe", f"<mailto:{lst}-leave@{ld}>"),
            ("Precedence", "list"),
            ("X-Mailman-Version", "3.3.9"),
        )
        rt = Route(
            f"{lst}-bounces+{verp(p.email)}@{ld}",
            f"mail.{ld}",
            ip4(r, "45.33.12"),
            odom,
            [(odom, "google" if odom != "comcast.net" else "20190202a")],
            "pass",
            ["fail"],
            "fail" if odom != "valleyfreightlines.com" else "pass",
            "none",
        )
        rt.spf = "pass"
        return deliver(
            r, rt, p.email, dt, hs, plain(body, "iso-8859-1" if i % 4 == 0 else "utf-8", "quoted-printable")
        )
    grp = "tms-users-nw"
    body = f'Quick tip for anyone on the 2026.2 release: the rate-import template changed column order. Re-download it before uploading.\n\n-- \nYou received this message because you are subscribed to the Google Groups "{grp}" group.\nTo unsubscribe from this group and stop receiving emails from it, send an email to {grp}+unsubscribe@googlegroups.com.\nTo view this discussion visit https://groups.google.com/d/msgid/{grp}/{b64u(r, 30)}%40mail.gmail.com.\n'
    hs = std(
        addr(f"{f} {ln}", sender),
        f"{grp}@googlegroups.com",
        "Rate import template changed in 2026.2",
        dt,
        mid(r, odom, "gmail"),
        ("Reply-To", f"{grp}@googlegroups.com"),
        ("Mailing-list", f"list {grp}@googlegroups.com; contact {grp}+owners@googlegroups.com"),
        ("List-ID", f"<{grp}.googlegroups.com>"),
        ("X-Original-Sender", sender),
        ("Precedence", "list"),
        (
            "List-Unsubscribe",
            f"<mailto:googlegroups-manage+{digits(r, 12)}+unsubscribe@googlegroups.com>, <https://groups.google.com/d/forum/{grp}/unsubscribe>",
        ),
    )
    rt = Route(
        f"{grp}+bncBD{rs(r, 40, ALNUM)}@googlegroups.com",
        f"mail-{r.choice(['oa1', 'qt1'])}-f{r.randint(170, 230)}.google.com",
        f"209.85.{r.randint(128, 222)}.{r.randint(2, 250)}",
        odom,
        [("googlegroups.com", "20230601"), (odom, "20230601")],
        "pass",
        ["pass", "pass"],
        "pass",
        "none",
        arc=True,
    )
    return deliver(r, rt, p.email, dt, hs, plain(body))


def f_support(r: random.Random, i: int) -> bytes:
    p = r.choice([ITADMIN, CSM, OPSMGR])
    dt = rdate(r, "PT")
    tk = r.randint(10000, 99999)
    kind = i % 3
    if kind == 0:
        v = ("LoadPilot TMS", "loadpilot.com", "loadpilot.zendesk.com")
        rt = r_direct(
            r,
            v[1],
            f"support+id{tk}@{v[2]}",
            f"outbyoip{r.randint(1, 30)}.pod{r.randint(10, 30)}.iad1.zdsys.com",
            f"192.161.{r.randint(144, 159)}.{r.randint(2, 250)}",
            [(v[1], "zendesk1"), ("zendesk.com", "zendesk1")],
        )
        text = f"##- Please type your reply above this line -##\n\nYour request ({tk}) has been updated. To add additional comments, reply to this email.\n\n{r.choice(FIRST)} ({v[0]})\n\n{dt:%b %d, %Y, %I:%M %p PST}\n\nHi {p.first}, thanks for your patience. Engineering deployed a fix for the EDI 214 status mapping; can you confirm the statuses now post correctly?\n\nThis email is a service from {v[0]}. Delivered by Zendesk\n[{rs(r, 6, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}-{rs(r, 5, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}]\n"
        hs = std(
            addr(f"{v[0]} Support", f"support@{v[1]}"),
            p.email,
            f"[{v[0]}] Re: EDI 214 statuses not updating",
            dt,
            f"<{rs(r, 10, UHEX)}_{rs(r, 12, HEX)}_sprut@zendesk.com>",
            ("Reply-To", f"{v[0]} Support <support+id{tk}@{v[2]}>"),
            ("X-Mailer", "Zendesk Mailer"),
            ("X-Zendesk-From-Account-Id", rs(r, 7, HEX)),
        )
        return deliver(r, rt, p.email, dt, hs, plain(text))
    if kind == 1:
        rt = r_direct(
            r,
            "dockwise.io",
            f"bounce-{rs(r, 10, LOWER)}@freshdesk.com",
            f"mail{r.randint(1, 50)}.freshemail.io",
            f"3.{r.randint(200, 230)}.{r.randint(1, 250)}.{r.randint(2, 250)}",
            [("dockwise.io", "fd"), ("freshdesk.com", "fd")],
        )
        text = f"Dear {p.first},\n\nWe would like to acknowledge that we have received your request and a ticket has been created with Ticket ID - #{tk}.\nA support representative will be reviewing your request and will send you a personal response (usually within 24 hours).\n\nTo view the status of the ticket or add comments, please visit https://dockwise.freshdesk.com/helpdesk/tickets/{tk}\n\nThank you for your patience.\n\nSincerely,\nDockWise Support Team\n"
        hs = std(
            addr("DockWise Support", "support@dockwise.io"),
            p.email,
            f"Ticket Received - Dock door sensors offline at Fife site [#{tk}]",
            dt,
            f"<{rs(r, 24, HEX)}@freshdesk.com>",
            ("Reply-To", "support@dockwise.io"),
        )
        return deliver(r, rt, p.email, dt, hs, alt(r, text, simple_html(text, "Helvetica, sans-serif")))
    key = f"HFIT-{r.randint(100, 999)}"
    text = f"Reply above this line.\n\n{ITADMIN.name} resolved your request.\n\n{key}: Laptop docking station not detecting second monitor\n\nThe firmware update fixed it. Please reopen if it comes back.\n\nView request: https://harborline.atlassian.net/servicedesk/customer/portal/2/{key}\nTurn off this request's notifications\n\nThis is shared with {p.name}.\nHelp center, powered by Jira Service Management\n"
    rt = r_ses(r, "atlassian.net", "mail-us.atlassian.net")
    rt.signers = [
        ("atlassian.net", rs(r, 32, "abcdefghijklmnopqrstuvwxyz234567")),
        ("amazonses.com", "ug7nbtf4gccmlpwj322ax3p6ow6yfsug"),
    ]
    hs = std(
        addr(f"{ITADMIN.name} (Jira)", "jira@harborline.atlassian.net"),
        p.email,
        f"{key} Laptop docking station not detecting second monitor",
        dt,
        f"<JIRA.{r.randint(10000, 99999)}.{digits(r, 13)}@Atlassian.JIRA>",
        ("Auto-Submitted", "auto-generated"),
        ("Precedence", "bulk"),
    )
    return deliver(r, rt, p.email, dt, hs, alt(r, text, simple_html(text, "Arial, sans-serif")))


def f_recruiting(r: random.Random, i: int) -> bytes:
    p = r.choice([HR, OPSMGR, DISPATCH, LOGI])
    dt = rdate(r, "ET", 6, 20)
    kind = i % 3
    if kind == 0:
        rt = r_direct(
            r,
            "linkedin.com",
            f"s-{rs(r, 20, LOWER)}@bounce.linkedin.com",
            f"mailb-{rs(r, 2, LOWER)}.linkedin.com",
            f"108.174.{r.randint(0, 7)}.{r.randint(2, 250)}",
            [("linkedin.com", "d2048-202308-00")],
        )
        blocks = [
            ("h", f"{r.randint(4, 30)} new jobs for 'Logistics Manager'"),
            "Based on your job alert settings, here are new matches in Seattle-Tacoma.",
            (
                "ul",
                [
                    f"{r.choice(['Operations Manager', 'Senior Logistics Manager', 'Transportation Manager'])} - {r.choice(['Regional 3PL', 'Port Logistics Group', 'Northwest Grocers'])}"
                    for _ in range(3)
                ],
            ),
            (
                "btn",
                "See all jobs",
                f"https://www.linkedin.com/comm/jobs/search?savedSearchId={digits(r, 10)}&trk=eml-email_job_alert_digest",
            ),
        ]
        return send_html(
            r,
            rt,
            p.email,
            dt,
            addr("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
            "New jobs similar to Logistics Manager at Harborline Freight",
            blocks,
            "LinkedIn",
            "#0a66c2",
            [
                "This email was intended for " + p.name,
                "© 2026 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.",
                "Unsubscribe | Help",
            ],
            f"<{digits(r, 13)}.{r.randint(1000, 9999)}.JavaMail.app@lva1-app{r.randint(1000, 9999)}.prod.linkedin.com>",
            bulk_unsub(f"https://www.linkedin.com/comm/psettings/email-unsubscribe?lipi={b64u(r, 40)}"),
            utc=True,
        )
    if kind == 1:
        rt = r_sendgrid(r, "indeed.com", HR.email)
        f, ln = pname(r)
        blocks = [
            ("h", f"New applicant: {f} {ln[0]}."),
            f"{f} {ln[0]}. applied to your job CDL-A Regional Driver - Tacoma, WA.",
            ("btn", "Review candidate", sendgrid_link(r, r.randint(1000, 99999), "")),
        ]
        return send_html(
            r,
            rt,
            HR.email,
            dt,
            addr("Indeed", "no-reply@indeed.com"),
            f"New application: CDL-A Regional Driver - {f} {ln[0]}.",
            blocks,
            "indeed",
            "#2557a7",
            ["© 2026 Indeed", "Indeed, 6433 Champion Grandview Way, Building 1, Austin, TX 78750"],
            mid(r, "indeed.com", "sendgrid"),
            utc=True,
        )
    f, ln = pname(r)
    rec = Org(
        "Summit Talent Partners", "summittalentpartners.com", "Bellevue", "WA", "(425) 555-0166", "recruiting"
    )
    text = f"Hi {p.first},\n\nI hope this isn't out of the blue. I specialize in supply chain and transportation hiring in the Puget Sound area and saw Harborline has a few operations openings posted. We've placed dispatchers and ops managers with several regional carriers this year.\n\nIf it would be helpful, I'd be glad to send over two or three pre-screened profiles — no obligation, and our fee is only due on a hire.\n\nWould a 15-minute call next week make sense?\n\nBest,\n\n{osig(f, ln, 'Senior Recruiter', rec)}\n"
    return person_mail(r, rec, f, ln, p.email, dt, "Operations hiring at Harborline", text)


def f_government(r: random.Random, i: int) -> bytes:
    dt = rdate(r, "ET")
    kind = i % 3
    if kind == 0:
        rt = r_ses(r, "expresstrucktax.com", "bounce.expresstrucktax.com")
        text = f"Dear {ORG},\n\nGood news! Your Form 2290 (Heavy Highway Vehicle Use Tax) for tax period July {dt.year} - June {dt.year + 1} has been ACCEPTED by the IRS.\n\nSubmission ID: {digits(r, 20)}\nVehicles: {r.randint(20, 80)}\n\nYour watermarked Schedule 1 is attached and also available in your account.\n\nThank you,\nExpressTruckTax Support\n"
        pdf = attach(
            "Schedule1_Form2290.pdf", PDF, fake_pdf(r, "SCHEDULE 1 (FORM 2290)", [ORG, "e-file accepted"])
        )
        hs = std(
            addr("ExpressTruckTax", "support@expresstrucktax.com"),
            SAFETY.email,
            "IRS Accepted: Form 2290 Schedule 1 for Harborline Freight Inc.",
            dt,
            mid(r, "expresstrucktax.com", "ses"),
        )
        return deliver(r, rt, SAFETY.email, dt, hs, multi(r, "mixed", [plain(text), pdf]))
    if kind == 1:
        rt = r_direct(
            r,
            "dot.gov",
            "no-reply@fmcsa.dot.gov",
            f"mail{r.randint(1, 4)}.dot.gov",
            f"152.120.{r.randint(1, 250)}.{r.randint(2, 250)}",
            [("dot.gov", "fmcsa")],
        )
        text = f"USDOT Number: {digits(r, 7)}\n\nThis is a reminder that your Biennial Update (MCS-150) is due by the last day of {dt:%B %Y}. Failure to complete the biennial update may result in deactivation of your USDOT number and civil penalties of up to $1,000 per day.\n\nFile online at https://portal.fmcsa.dot.gov. FMCSA will never ask for payment to complete a biennial update.\n\nFederal Motor Carrier Safety Administration\n"
        hs = std(
            addr("FMCSA", "no-reply@fmcsa.dot.gov"),
            SAFETY.email,
            "FMCSA Biennial Update Reminder",
            dt,
            f"<{rs(r, 20, HEX)}@dot.gov>",
        )
        return deliver(r, rt, SAFETY.email, dt, hs, plain(text, "utf-8", "7bit"))
    rt = r_direct(
        r,
        "dor.wa.gov",
        "noreply@dor.wa.gov",
        f"smtp{r.randint(1, 4)}.dor.wa.gov",
        f"198.239.{r.randint(1, 250)}.{r.randint(2, 250)}",
        [("dor.wa.gov", "selector1")],
    )
    text = f"Your excise tax return for {(dt - timedelta(days=30)):%B %Y} is now available to file in My DOR. The return and payment are due {ldate(later(dt, 20))}.\n\nLog in at https://secure.dor.wa.gov to file. Do not reply to this message.\n\nWashington State Department of Revenue\n"
    hs = std(
        addr("WA Department of Revenue", "noreply@dor.wa.gov"),
        CONTROLLER.email,
        "Your excise tax return is ready to file",
        dt,
        f"<{rs(r, 20, HEX)}@dor.wa.gov>",
    )
    return deliver(r, rt, CONTROLLER.email, dt, hs, plain(text, "utf-8", "7bit"))


def f_forwarded(r: random.Random, i: int) -> bytes:
    cu = r.choice(CUSTOMERS)
    f, ln = pname(r)
    dt = rdate(r, "PT")
    p = r.choice([SALES, CSM])
    text = f"Hi,\n\nForwarding the revised pickup schedule for next week.\n\n{osig(f, ln, 'Shipping Supervisor', cu)}\n"
    hs = std(
        addr(f"{f} {ln}", f"{f.lower()}.{ln.lower()}@{cu.domain}"),
        f"{p.first.lower()}@harborlinefreight.net",
        "Revised pickup schedule next week",
        dt,
        mid(r, cu.domain, "gmail"),
    )
    srs = (
        f"SRS0={rs(r, 4, ALNUM)}={rs(r, 2, UHEX)}={cu.domain}={f.lower()}.{ln.lower()}@harborlinefreight.net"
    )
    if i % 2:
        rt = Route(
            srs,
            "mail.harborlinefreight.net",
            ip4(r, "203.0.113"),
            cu.domain,
            [(cu.domain, "google")],
            "pass",
            ["pass"],
            "pass",
            "none",
        )
    else:
        rt = Route(
            f"{f.lower()}.{ln.lower()}@{cu.domain}",
            "mail.harborlinefreight.net",
            ip4(r, "203.0.113"),
            cu.domain,
            [(cu.domain, "google")],
            "softfail",
            ["fail"],
            "fail",
            "none",
        )
    rt.hops = [
        f"from mail-{rs(r, 3, LOWER)}.google.com (mail-{rs(r, 3, LOWER)}.google.com [209.85.{r.randint(128, 222)}.{r.randint(2, 250)}])\n\tby mail.harborlinefreight.net (Postfix) with ESMTPS id {qid(r)}\n\tfor <{p.first.lower()}@harborlinefreight.net>; {hdate(dt)}"
    ]
    if i % 2 == 0:
        text += (
            "\n--\nThis message was scanned and forwarded by the harborlinefreight.net legacy mail service.\n"
        )
    return deliver(r, rt, p.email, dt, hs, plain(text))


def f_small_vendor(r: random.Random, i: int) -> bytes:
    dt = rdate(r, "PT")
    names = [
        ("Dale", "Rusk", "Rusk Mobile Truck Repair", "ruskmobiletruck.com"),
        ("Sheila", "Ortiz", "Ortiz Pallet Recovery", "ortizpallets.net"),
        ("Gary", "Whitlock", "Whitlock Signs & Decals", "whitlocksigns.com"),
    ]
    f, ln, co, dom = names[i % 3]
    inv = r.randint(200, 900)
    text = f"Hi Priya,\n\nAttached is invoice {inv} for {r.choice(['the road call on unit 214', 'pallet pickup at Fife', 'the new door decals'])}. Total {money(r.randint(180, 2400))}. Net 15 like always.\n\nThanks, appreciate the business.\n{f}\n{co}\n(253) 555-01{r.randint(10, 99)}\n"
    pdf = attach(f"Invoice_{inv}.pdf", PDF, fake_pdf(r, f"INVOICE {inv}", [co]))
    sender = f"{f.lower()}@{dom}"
    rt = Route(
        sender,
        f"p3plsmtp{r.randint(10, 30)}.prod.phx3.secureserver.net",
        f"68.178.{r.randint(200, 250)}.{r.randint(2, 250)}",
        dom,
        [],
        "pass" if i % 3 else "neutral",
        [],
        "none",
        "none",
    )
    hs = std(
        addr(f"{f} {ln}", sender),
        SHARED["ap"],
        f"Invoice {inv}",
        dt,
        f"<{rs(r, 16, LOWER)}@{dom}>",
        ("X-Mailer", "Microsoft Outlook 16.0"),
    )
    return deliver(
        r, rt, SHARED["ap"], dt, hs, multi(r, "mixed", [plain(text, "windows-1252", "quoted-printable"), pdf])
    )


def f_cold_sales(r: random.Random, i: int) -> bytes:
    p = r.choice([CEO, OPSMGR, ITADMIN, CONTROLLER])
    dt = rdate(r, "ET", 7, 11)
    co = r.choice(
        [
            Org("FleetPulse Telematics", "fleetpulse.io", "Austin", "TX", "(512) 555-0103", "saas"),
            Org("Yardstick AP Automation", "yardstickap.com", "Denver", "CO", "(720) 555-0119", "saas"),
        ]
    )
    f, ln = pname(r)
    text = f"Hi {p.first},\n\nI noticed Harborline just opened the Fife cross-dock — congrats. Teams your size usually tell us the hardest part of adding a site is {r.choice(['keeping an eye on idle time and fuel', 'keeping invoice approvals from piling up'])}.\n\n{co.name} helps carriers like {r.choice(['Redwood Carriers', 'Inland Valley Freight'])} cut that by about 20% in the first quarter. Worth a 20-minute look next {r.choice(['Tuesday', 'Wednesday', 'Thursday'])}?\n\nBest,\n{f} {ln}\nAccount Executive, {co.name}\n{co.phone}\n\nIf this isn't relevant, just let me know and I won't follow up.\n"
    rt = r_google(r, co.domain, f"{f.lower()}@{co.domain}", "quarantine")
    hs = std(
        addr(f"{f} {ln}", f"{f.lower()}@{co.domain}"),
        p.email,
        r.choice(["Quick question about the Fife cross-dock", f"{p.first} — idea for Harborline"]),
        dt,
        mid(r, co.domain, "gmail"),
        ("X-Mailer", "Outreach"),
    )
    return deliver(
        r,
        rt,
        p.email,
        dt,
        hs,
        alt(
            r,
            text + "\n",
            simple_html(text, "Arial, sans-serif").replace(
                "</body>",
                f'<img src="https://app.outreach.io/api/t/o/{b64u(r, 40)}" width="1" height="1"></body>',
            ),
        ),
    )


PLAN: list[tuple[str, Builder, int]] = [
    ("account-security", f_account_security, 24),
    ("saas-subscription", f_saas_subscription, 15),
    ("esign", f_esign, 12),
    ("receipts", f_receipts, 16),
    ("vendor-invoices", f_vendor_invoices, 15),
    ("cloud-billing", f_cloud_billing, 12),
    ("banking", f_banking, 14),
    ("parcel", f_parcel, 16),
    ("freight-ops", f_freight_ops, 18),
    ("newsletters", f_newsletters, 20),
    ("events-surveys", f_events, 12),
    ("hr-payroll", f_hr_payroll, 14),
    ("it-notices", f_it_notices, 12),
    ("internal", f_internal, 15),
    ("correspondence", f_correspondence, 16),
    ("procurement", f_procurement, 12),
    ("mailing-lists", f_mailing_lists, 12),
    ("support-tickets", f_support, 12),
    ("recruiting", f_recruiting, 12),
    ("government", f_government, 12),
    ("forwarded", f_forwarded, 10),
    ("small-vendor", f_small_vendor, 12),
    ("cold-sales", f_cold_sales, 12),
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
        print(f"{fam:18} {counts.get(fam, 0):4}")
    print(f"{'total':18} {len(msgs):4}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in msgs:
            (args.out / f"{name}.eml").write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
