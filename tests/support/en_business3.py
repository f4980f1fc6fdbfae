# ruff: noqa: E501
"""Ordinary, legitimate English (and some French) mail as a Canadian clinic group receives it.

``messages(split, seed)`` returns ``(name, bytes)`` pairs: whole RFC 5322 messages as they sit in
the mailboxes of the staff of Kestrel Lake Health Group, an invented group of five family-health
clinics in the Kawarthas (Ontario, about 150 staff, domain ``kestrellakehealth.ca``), after its MX
``mx1.kestrellakehealth.ca`` added its ``Received`` and ``Authentication-Results`` headers. The
mail dates from 2024 to 2026: SaaS security and billing notices, e-signature requests, vendor
invoices and overdue reminders, payment platforms, the group's bank, a supplier's carefully
announced change of banking details, payroll and benefits, HR and IT announcements (including a
phishing-awareness newsletter that quotes lures), ESP newsletters and retail promotions with
click-tracking, receipts from airlines, hotels and rides, carriers, government and regulators,
associations and conferences, calendar invitations, patients writing from free mail, partners with
attachments and quoted replies, cold outreach, mailing lists that break SPF or DKIM, monitoring
and ticketing robots, recruiting and social networks, charities, and small senders with broken or
missing authentication. Nothing is softened: the legitimate mail that most resembles phishing is
the point. The set was written blind to the phishing analyser's rules and to the other corpora.

Only the ``test`` split exists; ``messages("dev")`` returns an empty list. ``PLAN`` lists each
family with its builder and message count; every family draws from ``random.Random(f"{seed}:{family}")``
so the output is deterministic for a seed.

``python -m tests.support.en_business3 --out DIR`` prints the counts and writes ``DIR/*.eml``.
The organisation, its staff, patients, partners and small suppliers are invented; real service
domains (Microsoft, Google, Okta, Stripe, Canada Post, the CRA and so on) appear only as their
real mail carries them, with their public phone numbers; invented numbers use 555-01xx.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import quopri
import random
import string
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from email.generator import BytesGenerator
from email.header import Header
from email.message import Message
from email.policy import compat32
from email.utils import format_datetime, formataddr
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

# --------------------------------------------------------------------------------------------
# the organisation

ORG = "Kestrel Lake Health Group"
DOM = "kestrellakehealth.ca"
MX = "mx1." + DOM
MAILSTORE = "mail." + DOM
MX_IP = "198.51.100.25"
ADDRESS = "412 George Street North, Peterborough, ON K9H 3R7"
PHONE = "705-555-0142"
TZ = ZoneInfo("America/Toronto")
START = datetime(2024, 1, 8, tzinfo=TZ)
DAYS = 1050  # to late November 2026

ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase + string.digits
UPPER = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
URLSAFE = ALNUM + "-_"
B64 = ALNUM + "+/"
QID = "0123456789BCDFGHJKLMNPQRSTVWXYbcdfghjklmnpqrstvwxy"


@dataclass(frozen=True)
class P:
    first: str
    last: str
    local: str
    title: str
    site: str = "Peterborough"

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def addr(self) -> str:
        return f"{self.local}@{DOM}"


SHARMA = P("Anita", "Sharma", "a.sharma", "Medical Director")
MACPHERSON = P("Colleen", "MacPherson", "c.macpherson", "Executive Director")
OLUSEGUN = P("Derek", "Olusegun", "d.olusegun", "Director of Finance")
NATARAJAN = P("Priya", "Natarajan", "p.natarajan", "Accounts Payable Coordinator")
BELANGER = P("Marc-André", "Bélanger", "m.belanger", "IT Manager")
KOWALCZYK = P("Jenna", "Kowalczyk", "j.kowalczyk", "IT Support Analyst")
WHITFIELD = P("Sarah", "Whitfield", "s.whitfield", "Human Resources Manager")
REYES = P("Tom", "Reyes", "t.reyes", "Payroll & Benefits Administrator")
OCONNOR = P("Liam", "O'Connor", "l.oconnor", "Family Physician", "Lindsay")
CHEN = P("Mei", "Chen", "m.chen", "Family Physician")
HADDAD = P("Farah", "Haddad", "f.haddad", "Family Physician", "Cobourg")
TREMBLAY = P("Nicole", "Tremblay", "n.tremblay", "Nurse Manager")
GREENE = P("Rachel", "Greene", "r.greene", "Clinic Manager, Peterborough")
DOUCETTE = P("Kevin", "Doucette", "k.doucette", "Clinic Manager, Lindsay", "Lindsay")
BERG = P("Hannah", "Berg", "h.berg", "Communications Lead")
SIDDIQUI = P("Omar", "Siddiqui", "o.siddiqui", "Procurement & Facilities Coordinator")
LIU = P("Grace", "Liu", "g.liu", "Privacy Officer")
KIRBY = P("Ben", "Kirby", "b.kirby", "Data & Quality Analyst")
GAGNON = P("Lucie", "Gagnon", "l.gagnon", "Office Administrator", "Cobourg")
PATEL = P("Ravi", "Patel", "r.patel", "Nurse Practitioner", "Lindsay")
MORRISON = P("Emily", "Morrison", "e.morrison", "Registered Dietitian")
ABARA = P("Chidi", "Abara", "c.abara", "Pharmacist", "Cobourg")
STAFF = (
    SHARMA,
    MACPHERSON,
    OLUSEGUN,
    NATARAJAN,
    BELANGER,
    KOWALCZYK,
    WHITFIELD,
    REYES,
    OCONNOR,
    CHEN,
    HADDAD,
    TREMBLAY,
    GREENE,
    DOUCETTE,
    BERG,
    SIDDIQUI,
    LIU,
    KIRBY,
    GAGNON,
    PATEL,
    MORRISON,
    ABARA,
)
CLINICIANS = (SHARMA, OCONNOR, CHEN, HADDAD, PATEL, MORRISON, ABARA, TREMBLAY)
SITES = {
    "Peterborough": "412 George Street North, Peterborough, ON K9H 3R7",
    "Lindsay": "86 Kent Street West, Lindsay, ON K9V 2Y3",
    "Cobourg": "1105 Elgin Street West, Cobourg, ON K9A 5J4",
    "Port Hope": "27 Walton Street, Port Hope, ON L1A 1N3",
    "Bobcaygeon": "14 Main Street, Bobcaygeon, ON K0M 1A0",
}
SHARED = {
    "ap": "Accounts Payable",
    "billing": "Billing",
    "hr": "Human Resources",
    "it": "IT Service Desk",
    "info": "Kestrel Lake Health Group",
    "referrals": "Referrals",
    "careers": "Careers",
    "privacy": "Privacy Office",
    "frontdesk.ptbo": "Front Desk – Peterborough",
    "frontdesk.lindsay": "Front Desk – Lindsay",
}


# --------------------------------------------------------------------------------------------
# small helpers


def rs(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def hx(rng: random.Random, n: int) -> str:
    return rs(rng, n, HEX)


def num(rng: random.Random, n: int) -> str:
    return str(rng.randrange(1, 10)) + rs(rng, n - 1, string.digits)


def uuid(rng: random.Random) -> str:
    h = hx(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def ascii_local(s: str) -> str:
    """An e-mail local part from a name: accents dropped, apostrophes removed."""
    return (
        unicodedata.normalize("NFKD", s)
        .encode("ascii", "ignore")
        .decode()
        .lower()
        .replace("'", "")
        .replace(" ", "")
    )


def same_index(rng: random.Random) -> Callable[[tuple], object]:
    """Picks from several tuples at one shared index, so a subject and its body belong together."""
    x = rng.random()
    return lambda seq: seq[int(x * len(seq))]


def pick(rng: random.Random, seq):
    return seq[rng.randrange(len(seq))]


def money(x: float) -> str:
    return f"${x:,.2f}"


def ip(rng: random.Random, prefix: str) -> str:
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(rng.randrange(1, 254)))
    return ".".join(parts)


def when(rng: random.Random, biz: bool = True, lo: int = 0, hi: int = DAYS) -> datetime:
    while True:
        d = START + timedelta(days=rng.randrange(lo, hi))
        if biz and d.weekday() >= 5:
            continue
        h = rng.randrange(7, 18) if biz else rng.randrange(0, 24)
        return datetime(d.year, d.month, d.day, h, rng.randrange(60), rng.randrange(60), tzinfo=TZ)


def rfc(t: datetime, tz: tzinfo | None = None) -> str:
    return format_datetime(t.astimezone(tz or TZ))


def long_date(t: datetime) -> str:
    return f"{t:%A, %B} {t.day}, {t.year}"


def short_date(t: datetime) -> str:
    return f"{t:%b} {t.day}, {t.year}"


def fa(name: str, addr: str) -> str:
    if not name:
        return addr
    try:
        name.encode("ascii")
    except UnicodeEncodeError:
        return f"{Header(name, 'utf-8').encode()} <{addr}>"
    return formataddr((name, addr))


def subj(s: str) -> str:
    try:
        s.encode("ascii")
    except UnicodeEncodeError:
        return Header(s, "utf-8").encode()
    return s


def org_domain(d: str) -> str:
    labels = d.lower().split(".")
    if ".".join(labels[-2:]) in ("on.ca", "gc.ca", "com.au", "co.uk", "gov.au", "qc.ca", "org.uk"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def dom_of(addr: str) -> str:
    return addr.rsplit("@", 1)[-1].strip(">").lower()


def to_of(p: P) -> str:
    return fa(p.name, p.addr)


def shared(local: str) -> tuple[str, str]:
    return fa(SHARED[local], f"{local}@{DOM}"), f"{local}@{DOM}"


# DMARC policies of the From domains (organisational domain); absent = no DMARC record
POLICY: dict[str, str] = {
    DOM: "quarantine",
    "microsoft.com": "reject",
    "google.com": "reject",
    "okta.com": "reject",
    "slack.com": "reject",
    "zoom.us": "reject",
    "dropbox.com": "reject",
    "github.com": "reject",
    "atlassian.com": "reject",
    "atlassian.net": "none",
    "1password.com": "reject",
    "lastpass.com": "reject",
    "box.com": "reject",
    "docusign.net": "reject",
    "adobesign.com": "none",
    "hellosign.com": "reject",
    "stripe.com": "reject",
    "squareup.com": "reject",
    "paypal.ca": "reject",
    "xero.com": "reject",
    "intuit.com": "reject",
    "freshbooks.com": "reject",
    "bill.com": "reject",
    "rbc.com": "reject",
    "americanexpress.com": "reject",
    "td.com": "reject",
    "adp.com": "reject",
    "wagepoint.com": "quarantine",
    "sunlife.com": "reject",
    "canadapost-postescanada.ca": "reject",
    "purolator.com": "reject",
    "ups.com": "reject",
    "fedex.com": "reject",
    "dhl.com": "reject",
    "cra-arc.gc.ca": "reject",
    "canada.ca": "reject",
    "statcan.gc.ca": "reject",
    "wsib.ca": "quarantine",
    "cpso.on.ca": "quarantine",
    "cno.org": "quarantine",
    "oma.org": "quarantine",
    "linkedin.com": "reject",
    "indeed.com": "reject",
    "aircanada.ca": "reject",
    "westjet.com": "reject",
    "uber.com": "reject",
    "marriott.com": "reject",
    "email-marriott.com": "reject",
    "viarail.ca": "quarantine",
    "flyporter.com": "reject",
    "amazon.ca": "quarantine",
    "staples.ca": "reject",
    "bestbuy.ca": "reject",
    "costco.ca": "reject",
    "gmail.com": "none",
    "outlook.com": "none",
    "hotmail.com": "none",
    "yahoo.com": "reject",
    "yahoo.ca": "reject",
    "rogers.com": "reject",
    "sympatico.ca": "none",
    "uptimerobot.com": "none",
    "pagerduty.com": "reject",
    "sentry.io": "reject",
    "getsentry.com": "reject",
    "zendesk.com": "none",
    "datadoghq.com": "reject",
    "dtdg.co": "reject",
    "googlegroups.com": "none",
    "ontario.ca": "reject",
    "workablemail.com": "none",
    "letsencrypt.org": "none",
    "calendly.com": "reject",
    "surveymonkey.com": "reject",
    "eventbrite.com": "reject",
    "cancer.ca": "quarantine",
    "hubspot.com": "reject",
    "mailchimp.com": "reject",
    "cdw.ca": "quarantine",
    "grandandtoy.com": "quarantine",
    "mckesson.ca": "quarantine",
    "henryschein.ca": "quarantine",
    "medline.com": "reject",
    "fortinet.com": "reject",
    # more real services and the small senders of the quirks family
    "adobe.com": "reject",
    "brightonmedical.ca": "none",
    "brightwaycleaning.ca": "none",
    "cjrm.ca": "none",
    "cogeco.ca": "none",
    "durhamclinics.ca": "quarantine",
    "enbridgegas.com": "reject",
    "heartandstroke.ca": "reject",
    "hydroone.com": "reject",
    "interac.ca": "reject",
    "ipc.on.ca": "quarantine",
    "kawarthalakes.ca": "none",
    "kawarthashred.ca": "none",
    "namecheap.com": "reject",
    "northumberlandfht.ca": "none",
    "payments.interac.ca": "reject",
    "pkchamber.ca": "none",
    "queensu.ca": "none",
    "servicecanada.gc.ca": "reject",
    "sharepointonline.com": "reject",
    "unitedwaypkld.ca": "none",
    # invented correspondents
    "tvmedsupply.ca": "quarantine",
    "lakeshorelabs.ca": "reject",
    "otonabeeregional.ca": "quarantine",
    "drummondvale.ca": "reject",
    "hallpikecpa.ca": "none",
    "northbeamtech.ca": "reject",
    "kawartharisk.ca": "none",
    "ridgelineoffice.ca": "quarantine",
    "clinicstream.com": "reject",
    "riversidephysio.ca": "none",
    "meridianlocums.ca": "quarantine",
    "kawarthahealthcoalition.ca": "none",
    "cpcof.ca": "none",
    "northernscrubs.ca": "quarantine",
    "kawarthafoodshare.ca": "none",
    "medreachcanada.com": "quarantine",
    "pulsepatient.io": "reject",
    "clinicpulse.ca": "none",
    "trentcountypaving.ca": "none",
    "harbourfrontav.ca": "none",
    "quillandledger.ca": "none",
    "lakefieldhvac.ca": "none",
}


# --------------------------------------------------------------------------------------------
# MIME bodies


def _boundary(rng: random.Random, style: str = "plain") -> str:
    if style == "outlook":
        return f"_000_{rs(rng, 30, UPPER)}prod_"
    if style == "gmail":
        return f"000000000000{hx(rng, 16)}"
    return f"----=_Part_{rng.randrange(10**5, 10**7)}_{rng.randrange(10**8, 10**10)}.{rng.randrange(10**12, 10**13)}"


CODECS = {"utf-8": "utf-8", "iso-8859-1": "latin-1", "windows-1252": "cp1252", "us-ascii": "ascii"}


def leaf(
    text: str,
    subtype: str = "plain",
    charset: str = "utf-8",
    cte: str = "quoted-printable",
    flowed: bool = False,
) -> Message:
    m = Message()
    try:
        data = text.replace("\r\n", "\n").encode(CODECS[charset])
    except UnicodeEncodeError:
        charset = "utf-8"
        data = text.replace("\r\n", "\n").encode(charset)
    if cte == "7bit":
        try:
            data.decode("ascii")
        except UnicodeDecodeError:
            cte = "quoted-printable"
    params = f'; charset="{charset}"' if subtype == "html" or charset != "us-ascii" else "; charset=us-ascii"
    if flowed:
        params += "; format=flowed"
    m["Content-Type"] = f"text/{subtype}{params}"
    m["Content-Transfer-Encoding"] = cte
    if cte == "base64":
        payload = base64.encodebytes(data).decode("ascii")
    elif cte == "quoted-printable":
        payload = quopri.encodestring(data).decode("ascii")
    else:
        payload = data.decode("ascii")
    m.set_payload(payload.replace("\r\n", "\n"))
    return m


def multi(
    rng: random.Random, subtype: str, parts: list[Message], style: str = "plain", **params: str
) -> Message:
    m = Message()
    extra = "".join(f'; {k.replace("_", "-")}="{v}"' for k, v in params.items())
    m["Content-Type"] = f'multipart/{subtype}; boundary="{_boundary(rng, style)}"{extra}'
    m.set_payload(parts)
    return m


def alt(
    rng: random.Random,
    plain: str,
    html: str,
    charset: str = "utf-8",
    cte: str = "quoted-printable",
    style: str = "plain",
) -> Message:
    return multi(
        rng, "alternative", [leaf(plain, "plain", charset, cte), leaf(html, "html", charset, cte)], style
    )


def attach(data: bytes, ctype: str, filename: str, inline: bool = False, cid: str | None = None) -> Message:
    m = Message()
    m["Content-Type"] = f'{ctype}; name="{filename}"'
    if cid:
        m["Content-ID"] = f"<{cid}>"
    m["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    m["Content-Transfer-Encoding"] = "base64"
    m.set_payload(base64.encodebytes(data).decode("ascii"))
    return m


def mixed(rng: random.Random, body: Message, atts: list[Message], style: str = "plain") -> Message:
    return multi(rng, "mixed", [body, *atts], style)


def pdf(title: str, lines: list[str], producer: str = "Microsoft® Word for Microsoft 365") -> bytes:
    """A small valid PDF with the text on one page."""

    def esc(s: str) -> str:
        return (
            s.encode("latin-1", "replace")
            .decode("latin-1")
            .replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
        )

    y = 760
    ops = ["BT", "/F1 14 Tf", f"50 {y} Td", f"({esc(title)}) Tj", "/F1 10 Tf"]
    for ln in lines[:60]:
        ops.append(f"0 -{16 if ln else 8} Td")
        ops.append(f"({esc(ln)}) Tj")
    ops.append("ET")
    stream = zlib.compress("\n".join(ops).encode("latin-1"))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({esc(title)}) /Producer ({esc(producer)}) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        xref,
    )
    return bytes(out)


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content)
    return buf.getvalue()


def xlsx(rows: list[list[str]]) -> bytes:
    def cell(v: str) -> str:
        try:
            float(v.replace(",", ""))
            return f'<c t="n"><v>{v.replace(",", "")}</v></c>'
        except ValueError:
            return f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>'

    sheet = "".join(f"<row>{''.join(cell(v) for v in r)}</row>" for r in rows)
    return _zip(
        {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
            "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
            "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
            "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
            "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>',
        }
    )


def docx(paras: list[str]) -> bytes:
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paras)
    return _zip(
        {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
            "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
            "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        }
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def ics(
    rng: random.Random,
    summary: str,
    start: datetime,
    minutes: int,
    organizer: tuple[str, str],
    attendees: list[tuple[str, str]],
    location: str,
    description: str,
    uid: str | None = None,
    method: str = "REQUEST",
    prodid: str = "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
) -> str:
    def u(t: datetime) -> str:
        return t.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    def fold(line: str) -> str:
        out, cur = [], line
        while len(cur) > 74:
            out.append(cur[:74])
            cur = " " + cur[74:]
        out.append(cur)
        return "\r\n".join(out)

    desc = description.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{prodid}",
        "VERSION:2.0",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid or uuid(rng).upper()}",
        f"DTSTAMP:{u(start - timedelta(days=rng.randrange(2, 12)))}",
        f"DTSTART:{u(start)}",
        f"DTEND:{u(start + timedelta(minutes=minutes))}",
        f"SUMMARY:{summary}",
        f"LOCATION:{location.replace(',', chr(92) + ',')}",
        f"DESCRIPTION:{desc}",
        f'ORGANIZER;CN="{organizer[0]}":mailto:{organizer[1]}',
    ]
    for n, a in attendees:
        lines.append(f'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="{n}":mailto:{a}')
    lines += ["SEQUENCE:0", "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(x) for x in lines) + "\r\n"


# a tiny document builder that gives the text and the HTML form of one notice


Block = tuple


def doc(
    blocks: list[Block],
    brand: str = "",
    color: str = "#1a4f8b",
    click: Callable[[str], str] | None = None,
    pixel: str | None = None,
    track_text: bool = False,
    logo: str | None = None,
) -> tuple[str, str]:
    """Blocks: ("h", text) ("p", text) ("btn", label, url) ("link", label, url) ("kv", [(k, v)])
    ("list", [items]) ("small", text) ("hr",). Returns (plain, html)."""
    cl = click or (lambda u: u)
    t: list[str] = []
    h: list[str] = []
    for b in blocks:
        kind = b[0]
        if kind == "h":
            t += [b[1].upper() if len(b[1]) < 40 else b[1], ""]
            h.append(
                f'<h2 style="font-family:Arial,Helvetica,sans-serif;font-size:20px;color:#222;margin:0 0 16px">{escape(b[1])}</h2>'
            )
        elif kind == "p":
            t += [b[1], ""]
            h.append(
                f'<p style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:22px;color:#333;margin:0 0 14px">{escape(b[1])}</p>'
            )
        elif kind == "btn":
            t += [f"{b[1]}: {cl(b[2]) if track_text else b[2]}", ""]
            h.append(
                f'<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="background:{color};border-radius:4px;padding:12px 24px">'
                f'<a href="{escape(cl(b[2]))}" style="color:#ffffff;text-decoration:none;font-family:Arial,sans-serif;font-weight:bold;font-size:15px" target="_blank">{escape(b[1])}</a></td></tr></table><br>'
            )
        elif kind == "link":
            t += [f"{b[1]} <{cl(b[2]) if track_text else b[2]}>", ""]
            h.append(
                f'<p style="font-family:Arial,sans-serif;font-size:14px;margin:0 0 12px"><a href="{escape(cl(b[2]))}" style="color:{color}">{escape(b[1])}</a></p>'
            )
        elif kind == "kv":
            w = max(len(k) for k, _ in b[1]) + 2
            t += [f"{k + ':':<{w}}{v}" for k, v in b[1]] + [""]
            rows = "".join(
                f'<tr><td style="padding:4px 12px 4px 0;color:#666;font-size:14px">{escape(k)}</td><td style="padding:4px 0;font-size:14px;color:#222"><strong>{escape(v)}</strong></td></tr>'
                for k, v in b[1]
            )
            h.append(
                f'<table cellpadding="0" cellspacing="0" border="0" style="font-family:Arial,sans-serif;margin:0 0 16px">{rows}</table>'
            )
        elif kind == "list":
            t += [f"  * {x}" for x in b[1]] + [""]
            h.append(
                '<ul style="font-family:Arial,sans-serif;font-size:15px;color:#333">'
                + "".join(f"<li>{escape(x)}</li>" for x in b[1])
                + "</ul>"
            )
        elif kind == "small":
            t += [b[1], ""]
            h.append(
                f'<p style="font-family:Arial,sans-serif;font-size:12px;line-height:17px;color:#888;margin:0 0 10px">{escape(b[1])}</p>'
            )
        elif kind == "hr":
            t += ["-" * 40, ""]
            h.append('<hr style="border:0;border-top:1px solid #ddd;margin:20px 0">')
        elif kind == "raw":
            t += [b[1], ""]
            h.append(b[2])
    head = (
        f'<img src="{logo}" alt="{escape(brand)}" width="140" style="display:block;border:0;margin-bottom:20px">'
        if logo
        else (
            f'<div style="font-family:Arial,sans-serif;font-size:22px;font-weight:bold;color:{color};margin-bottom:20px">{escape(brand)}</div>'
            if brand
            else ""
        )
    )
    px = (
        f'<img src="{escape(pixel)}" width="1" height="1" alt="" style="display:block;height:1px;width:1px;border:0">'
        if pixel
        else ""
    )
    html = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title></title></head>\n'
        '<body style="margin:0;padding:0;background:#f4f4f4">\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4"><tr><td align="center" style="padding:24px 8px">\n'
        '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="max-width:600px"><tr><td style="padding:32px">\n'
        + head
        + "\n"
        + "\n".join(h)
        + "\n</td></tr></table>\n"
        + px
        + "\n</td></tr></table>\n</body></html>\n"
    )
    return "\n".join(t).rstrip() + "\n", html


def notice(rng: random.Random, blocks: list[Block], **kw) -> Message:
    style = kw.pop("style", "plain")
    cte = kw.pop("cte", None) or pick(rng, ("quoted-printable", "quoted-printable", "base64", "7bit"))
    plain, html = doc(blocks, **kw)
    return alt(rng, plain, html, "utf-8", cte, style)


def html_only(rng: random.Random, blocks: list[Block], **kw) -> Message:
    kw.pop("style", None)
    cte = kw.pop("cte", None) or pick(rng, ("quoted-printable", "base64"))
    _, html = doc(blocks, **kw)
    return leaf(html, "html", "utf-8", cte)


# --------------------------------------------------------------------------------------------
# sending systems: envelope, relay that reached our MX, the sender's own hops, DKIM


@dataclass
class Via:
    rp: str  # envelope sender ("" for the null sender)
    relay: tuple[str, str, str]  # HELO, reverse DNS ("unknown"), IP
    msgid: str
    dkim: list[tuple[str, str, str]] = field(default_factory=list)  # d, s, result
    hops: list[str] = field(default_factory=list)  # oldest first, "{T}" is the time
    headers: list[tuple[str, str]] = field(default_factory=list)
    spf: str = "pass"
    tls: str = "1.3"
    style: str = "plain"


@dataclass
class Msg:
    via: Via
    frm: str
    to: str
    subject: str
    date: datetime
    rcpt: str
    body: Message
    headers: list[tuple[str, str]] = field(default_factory=list)
    tz: tzinfo | None = None
    dmarc: str | None = None  # a forced result, e.g. for a forwarded message
    arc: tuple[str, str, str] | None = None  # domain, selector, ARC-Authentication-Results


def postfix_date(t: datetime) -> str:
    return format_datetime(t.astimezone(TZ)) + f" ({t.astimezone(TZ).tzname()})"


def v_m365(rng: random.Random, sender: str, tenant_region: str = "CAN", sign: str | None = None) -> Via:
    """Exchange Online: a company on Microsoft 365 (Canada or US datacentres)."""
    d = dom_of(sender)
    if tenant_region == "CAN":
        pre, prod = pick(rng, ("YT3PR01MB", "YT4PR01MB", "YQBPR0101MB", "YQXPR01MB", "YT2PR01MB")), "CANPRD01"
        edge = pick(rng, ("yt3can01on2", "can01on2", "yqbcan01on2", "ypfcan01on2"))
    else:
        pre, prod = pick(rng, ("SN7PR12MB", "BN0PR08MB", "CH3PR11MB", "MN2PR04MB", "PH0PR19MB")), "namprd"
        edge = pick(rng, ("nam12-bn8", "nam10-dm6", "nam11-co1", "nam02-sn1", "nam04-bn3"))
    box = f"{pre}{rng.randrange(1000, 9999)}"
    mid = f"{box}{hx(rng, 4).upper()}{rs(rng, 24, UPPER)}@{box}.{prod}.PROD.OUTLOOK.COM"
    fqdn = f"{box}.{prod}.prod.outlook.com"
    ipx = f"2603:10b6:{rng.randrange(100, 999)}:{rng.randrange(10, 99)}::{hx(rng, 2)}"
    hop = (
        f"from {fqdn} ({ipx}) by\n\t{fqdn} ({ipx}) with Microsoft SMTP Server\n"
        f"\t(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.{rng.randrange(7000, 9400)}.{rng.randrange(10, 40)}; {{T}}"
    )
    host = f"mail-{edge}{rng.randrange(20, 250)}.outbound.protection.outlook.com"
    return Via(
        rp=sender,
        relay=(host, host, ip(rng, pick(rng, ("40.107", "52.101", "52.100")))),
        msgid=mid,
        dkim=[(sign or d, pick(rng, ("selector1", "selector2")), "pass")],
        hops=[hop],
        headers=[
            ("Thread-Topic", ""),
            ("Thread-Index", "AQH" + rs(rng, 21, B64) + "=="),
            ("Accept-Language", "en-CA, en-US"),
            ("Content-Language", "en-CA"),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", ""),
        ],
        style="outlook",
    )


def v_google(rng: random.Random, sender: str, consumer: bool = False, selector: str = "google") -> Via:
    n = rng.randrange(41, 250)
    host = f"mail-{pick(rng, ('yw1', 'pl1', 'qk1', 'oi1', 'ej1', 'lj1', 'qt1'))}-f{n}.google.com"
    hop = f"by 2002:a05:{rng.randrange(6000, 7000)}:{hx(rng, 4)}:b0:{hx(rng, 3)}:{hx(rng, 4)}:{hx(rng, 4)} with SMTP id {rs(rng, 14, LOWER)}.{rng.randrange(10, 99)};\n\t{{T}}"
    d = dom_of(sender)
    return Via(
        rp=sender,
        relay=(host, host, f"209.85.{pick(rng, (128, 160, 208, 214, 219, 222))}.{n}"),
        msgid=f"CA{pick(rng, ('+', 'N', 'K', 'J', 'E'))}{rs(rng, 40, URLSAFE)}{pick(rng, ('', '=', '@', '+'))}{rs(rng, 10, URLSAFE)}@mail.gmail.com",
        dkim=[(d, "20230601" if consumer else selector, "pass")],
        hops=[hop],
        style="gmail",
    )


def v_outlook_consumer(rng: random.Random, sender: str) -> Via:
    box = f"{pick(rng, ('SJ0PR', 'BY5PR', 'DM6PR', 'CH2PR', 'MW4PR'))}{rng.randrange(10, 20)}MB{rng.randrange(1000, 9999)}"
    host = f"mail-{pick(rng, ('dm6nam', 'bn1nam', 'co1nam', 'mw2nam'))}{rng.randrange(10, 12)}olkn20{rng.randrange(2000, 2999)}.outbound.protection.outlook.com"
    d = dom_of(sender)
    return Via(
        rp=sender,
        relay=(host, host, ip(rng, "40.92")),
        msgid=f"{box}{rs(rng, 26, UPPER)}@{box}.namprd{rng.randrange(10, 20)}.prod.outlook.com",
        dkim=[(d, "selector1", "pass")],
        hops=[
            f"from {box}.namprd11.prod.outlook.com\n\t([fe80::{hx(rng, 4)}:{hx(rng, 4)}:{hx(rng, 4)}:{hx(rng, 4)}]) by {box}.namprd11.prod.outlook.com\n\t([fe80::{hx(rng, 4)}]) with mapi id 15.20.{rng.randrange(7000, 9400)}.{rng.randrange(10, 40)}; {{T}}"
        ],
        style="outlook",
    )


def v_yahoo(rng: random.Random, sender: str) -> Via:
    host = f"sonic{rng.randrange(300, 330)}-{rng.randrange(1, 60)}.consmr.mail.{pick(rng, ('ne1', 'gq1', 'bf2'))}.yahoo.com"
    return Via(
        rp=sender,
        relay=(host, host, ip(rng, pick(rng, ("66.163.191", "74.6.128", "98.137.64", "66.163.189")))),
        msgid=f"{rng.randrange(10**8, 10**9)}.{rng.randrange(10**6, 10**7)}.{rng.randrange(1700000000000, 1790000000000)}@mail.yahoo.com",
        dkim=[(dom_of(sender) if dom_of(sender) != "rogers.com" else "rogers.com", "s2048", "pass")],
        hops=[
            f"by hermes--production-{pick(rng, ('ne1', 'gq1', 'bf1'))}-{hx(rng, 10)}-{rs(rng, 5, LOWER)} (Yahoo Inc. Hermes SMTP Server) with ESMTPA ID {hx(rng, 32)};\n\t{{T}}"
        ],
        headers=[("X-Mailer", f"WebService/1.1.{rng.randrange(22000, 24500)} YMailNorrin")],
    )


def v_own(
    rng: random.Random,
    rp: str,
    host: str,
    ipaddr: str,
    msgid: str,
    dkim: list[tuple[str, str]],
    headers: list[tuple[str, str]] | None = None,
    inner: str | None = None,
    spf: str = "pass",
    tls: str = "1.3",
) -> Via:
    hops = []
    if inner:
        hops.append(
            f"from {inner} (localhost [127.0.0.1])\n\tby {host} (Postfix) with ESMTP id {rs(rng, 11, QID)};\n\t{{T}}"
        )
    return Via(
        rp=rp,
        relay=(host, host, ipaddr),
        msgid=msgid,
        dkim=[(d, s, "pass") for d, s in dkim],
        hops=hops,
        headers=headers or [],
        spf=spf,
        tls=tls,
    )


SES_US = "224i4yxa5dv7c2xz3womw6peuasteono"
SES_CA = "qz6ekxcnpbz5e3n4ie4lfbsdvv4omzb7"  # stands in for the ca-central-1 key


def v_ses(
    rng: random.Random,
    brand_dkim: str,
    mailfrom: str | None = None,
    region: str = "us-east-1",
    headers: list[tuple[str, str]] | None = None,
    sel: str | None = None,
) -> Via:
    t = hx(rng, 16)
    sid = f"0100{t[:12]}-{uuid(rng)}-000000"
    if region != "us-east-1":
        sid = f"0{'d' if region == 'ca-central-1' else '1'}0{t[:13]}-{uuid(rng)}-000000"
    a, b = rng.randrange(2, 250), rng.randrange(1, 250)
    host = (
        f"a{rng.randrange(8, 48)}-{b}.smtp-out.amazonses.com"
        if region == "us-east-1"
        else f"e{a}-{b}.smtp-out.{region}.amazonses.com"
    )
    rp = mailfrom.replace("{ID}", sid) if mailfrom else f"{sid}@amazonses.com"
    return Via(
        rp=rp,
        relay=(host, host, ip(rng, "54.240") if region == "us-east-1" else ip(rng, "69.169.224")),
        msgid=f"{sid}@email.amazonses.com",
        dkim=[
            (brand_dkim, sel or rs(rng, 32, string.ascii_lowercase + "234567"), "pass"),
            ("amazonses.com", SES_US if region == "us-east-1" else SES_CA, "pass"),
        ],
        headers=[
            *(headers or []),
            ("Feedback-ID", f"::1.{region}.{rs(rng, 43, B64)}=:AmazonSES"),
            (
                "X-SES-Outgoing",
                f"2025.{rng.randrange(1, 13):02d}.{rng.randrange(1, 28):02d}-{ip(rng, '54.240')}",
            ),
        ],
    )


def v_sendgrid(
    rng: random.Random, brand: str, rcpt: str, whitelabel: bool = True
) -> tuple[Via, Callable[[str], str], str]:
    uid = str(rng.randrange(1_000_000, 49_000_000))
    loc, d = rcpt.split("@")
    em = f"em{rng.randrange(1000, 9999)}.{brand}"
    if whitelabel:
        rp = f"bounces+{uid}-{hx(rng, 4)}-{loc}={d}@{em}"
        host = f"o{rng.randrange(1, 30)}.ptr{rng.randrange(1000, 9999)}.{brand}"
        dkim = [(brand, "s1", "pass"), ("sendgrid.info", "smtpapi", "pass")]
        linkhost = f"url{rng.randrange(1000, 9999)}.{brand}"
    else:
        rp = f"bounces+{uid}-{hx(rng, 4)}-{loc}={d}@sendgrid.net"
        host = f"{rs(rng, 8, string.ascii_lowercase)}.outbound-mail.sendgrid.net"
        dkim = [("sendgrid.info", "smtpapi", "pass")]
        linkhost = f"u{uid}.ct.sendgrid.net"
    geo = f"geopod-ismtpd-{rng.randrange(1, 40)}"
    b64uid = base64.b64encode(uid.encode()).decode().rstrip("=")
    via = Via(
        rp=rp,
        relay=(host, host, ip(rng, pick(rng, ("149.72", "167.89", "168.245")))),
        msgid=f"{rs(rng, 22, URLSAFE)}@{geo}",
        dkim=[(dd, s, r) for dd, s, r in dkim],
        hops=[f"from {b64uid} (unknown)\n\tby {geo} (SG) with HTTP\n\tid {rs(rng, 22, URLSAFE)}\n\t{{T}}"],
        headers=[("X-SG-EID", "\n " + rs(rng, 74, B64)), ("X-Entity-ID", "u001." + rs(rng, 22, B64) + "==")],
    )

    def click(url: str) -> str:
        return f"https://{linkhost}/ls/click?upn=u001.{rs(rng, rng.randrange(90, 180), URLSAFE)}-3D-3D{rs(rng, 4, URLSAFE)}_{rs(rng, 60, URLSAFE)}"

    return via, click, f"https://{linkhost}/wf/open?upn=u001.{rs(rng, 120, URLSAFE)}"


def one_click(url: str, mailto: str | None = None) -> list[tuple[str, str]]:
    v = f"<{url}>" if mailto is None else f"<mailto:{mailto}>, <{url}>"
    return [("List-Unsubscribe", v), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]


@dataclass
class Esp:
    via: Via
    click: Callable[[str], str]
    pixel: str
    unsub: str  # the unsubscribe page for the footer


def esp_mailchimp(rng: random.Random, brand: str, slug: str, t0: datetime) -> Esp:
    u, cid, lid, e = hx(rng, 25), hx(rng, 10), hx(rng, 10), hx(rng, 10)
    dc = f"us{rng.randrange(1, 22)}"
    host = (
        f"mail{rng.randrange(1, 250)}.{pick(rng, ('sea31', 'atl121', 'suw91', 'atl11', 'sea71'))}.mcdlv.net"
    )
    acct = f"{num(rng, 8)}.{num(rng, 7)}"
    stamp = t0.astimezone(UTC).strftime("%Y%m%d%H%M%S")
    unsub = f"https://{slug}.{dc}.list-manage.com/unsubscribe?u={u}&id={lid}&e={e}&c={cid}"
    via = Via(
        rp=f"bounce-mc.{dc}_{acct}-{e}@{host}",
        relay=(host, host, ip(rng, pick(rng, ("198.2.128", "198.2.177", "205.201.131")))),
        msgid=f"{u}.{cid}.{stamp}.{hx(rng, 10)}.{hx(rng, 8)}@{host}",
        dkim=[(brand, "k2", "pass"), ("mcdlv.net", "k1", "pass")],
        hops=[
            f"from localhost (localhost [127.0.0.1])\n\tby {host} (Mailchimp) with ESMTP id 4{rs(rng, 11, QID)}\n\t{{T}}"
        ],
        headers=[
            ("X-Mailer", f"Mailchimp Mailer - **CID{cid}{e}**"),
            ("X-Campaign", f"mailchimp{u}.{cid}"),
            ("X-campaignid", f"mailchimp{u}.{cid}"),
            (
                "X-Report-Abuse",
                f"Please report abuse for this campaign here:\n https://mailchimp.com/contact/abuse/?u={u}&id={cid}&e={e}",
            ),
            ("X-MC-User", u),
            ("Feedback-ID", f"{num(rng, 8)}:{acct}:{dc}:mc"),
            ("List-ID", f"{u}mc list <{u}.{num(rng, 7)}.list-id.mcsv.net>"),
            ("X-Accounttype", "pd"),
            *one_click(
                f"https://{slug}.{dc}.list-manage.com/unsubscribe/post?u={u}&id={lid}&e={e}&c={cid}",
                f"unsubscribe-mc.{dc}_{acct}-{e}@unsubscribe.mailchimpapp.net?subject=unsubscribe",
            ),
        ],
        tls="1.2",
    )
    return Esp(
        via,
        lambda url: f"https://{slug}.{dc}.list-manage.com/track/click?u={u}&id={hx(rng, 10)}&e={e}",
        f"https://{slug}.{dc}.list-manage.com/track/open.php?u={u}&id={cid}&e={e}",
        unsub,
    )


def esp_hubspot(rng: random.Random, brand: str, rcpt: str) -> Esp:
    hub = num(rng, 7)
    bf = f"bf{rng.randrange(1, 20):02d}{'a' if rng.random() < 0.5 else 'x'}"
    em = rs(rng, 30, LOWER)
    host = f"{rs(rng, 3, string.ascii_lowercase)}{rng.randrange(10, 99)}.hubspotemail.net"
    stamp = rng.randrange(1700000000000, 1790000000000)
    lh = f"{rs(rng, 6, LOWER)}{rng.randrange(10, 99)}.na1.hubspotlinks.com"
    unsub = f"https://{brand}/hs/manage-preferences/unsubscribe?languagePreference=en&d={rs(rng, 60, URLSAFE)}&v=3"
    via = Via(
        rp=f"{num(rng, 4)}-{em}-{stamp}@{bf}.hubspotemail.net",
        relay=(host, host, ip(rng, pick(rng, ("143.244.80", "158.247.16", "143.244.84")))),
        msgid=f"{stamp}.{uuid(rng)}@{bf}.hubspotemail.net",
        dkim=[(brand, f"hs{rng.randrange(1, 3)}-{hub}", "pass"), ("hubspotemail.net", "hs1-" + hub, "pass")],
        headers=[
            ("X-HubSpot-Message-Id", f"{stamp}"),
            ("X-Report-Abuse-To", "abuse@hubspot.com"),
            *one_click(f"https://{bf}.hubspotemail.net/hs/unsubscribe?d={rs(rng, 80, URLSAFE)}"),
        ],
    )
    return Esp(
        via,
        lambda url: (
            f"https://{lh}/Ctc/{pick(rng, ('5D', 'DM', 'L2', 'W2'))}+113/{rs(rng, 7, ALNUM)}04/VW{rs(rng, 60, ALNUM)}/{rs(rng, 120, URLSAFE)}"
        ),
        f"https://{lh}/Cto/{pick(rng, ('5D', 'L2'))}+113/{rs(rng, 7, ALNUM)}04/{rs(rng, 90, URLSAFE)}",
        unsub,
    )


def esp_constant_contact(rng: random.Random, brand: str, self_auth: bool = True) -> Esp:
    host = f"ccm{rng.randrange(10, 30)}.constantcontact.com"
    acct = rs(rng, 22, URLSAFE)
    unsub = f"https://visitor.constantcontact.com/do?p=un&m={acct}&se={rs(rng, 30, URLSAFE)}&t={rs(rng, 11, URLSAFE)}"
    via = Via(
        rp=f"{rs(rng, 12, LOWER)}.{rs(rng, 22, LOWER)}@in.constantcontact.com",
        relay=(host, host, ip(rng, "208.75.123")),
        msgid=f"{rng.randrange(10**12, 10**13)}.{rng.randrange(10**12, 10**13)}.{rng.randrange(1000, 9999)}@ccm{rng.randrange(10, 30)}.constantcontact.com",
        dkim=([(brand, "ctct1", "pass")] if self_auth else []) + [("auth.ccsend.com", "1000073432", "pass")],
        headers=[
            ("X-Mailer", "Roving Constant Contact 2012 (http://www.constantcontact.com)"),
            ("X-Roving-Campaignid", num(rng, 13)),
            ("X-Roving-Id", f"{num(rng, 13)}.{num(rng, 13)}"),
            ("X-Feedback-ID", f"{rs(rng, 22, URLSAFE)}:{rs(rng, 22, URLSAFE)}:{rs(rng, 22, URLSAFE)}:CTCT"),
            ("X-Return-Path-Hint", f"{rs(rng, 12, LOWER)}@in.constantcontact.com"),
            *one_click(
                f"https://visitor.constantcontact.com/api/unsubscribe?p=oo&m={acct}&se={rs(rng, 30, URLSAFE)}"
            ),
        ],
        tls="1.2",
    )
    return Esp(
        via,
        lambda url: (
            f"https://r20.rs6.net/tn.jsp?f=001{rs(rng, 150, URLSAFE)}&c={rs(rng, 60, URLSAFE)}==&ch={rs(rng, 60, URLSAFE)}=="
        ),
        f"https://r20.rs6.net/on.jsp?a={num(rng, 13)}&r=3&c={num(rng, 13)}&d={num(rng, 13)}&ch={uuid(rng)}&ca={uuid(rng)}&o=https://imgssl.constantcontact.com/ui/images1/s.gif",
        unsub,
    )


def esp_campaign_monitor(rng: random.Random, brand: str, slug: str) -> Esp:
    n = rng.randrange(10, 40)
    host = f"{hx(rng, 8)}.cmail{n}.com"
    tk = rs(rng, 12, UPPER)
    unsub = f"https://{slug}.createsend1.com/t/{pick(rng, ('r', 'i', 'd'))}-u-{rs(rng, 12, LOWER)}-{rs(rng, 6, LOWER)}/"
    via = Via(
        rp=f"bounce-{rs(rng, 8, LOWER)}-{rs(rng, 12, LOWER)}@cmail{n}.com",
        relay=(host, host, ip(rng, "203.55.21")),
        msgid=f"{tk}.{rs(rng, 16, UPPER)}@cmail{n}.com",
        dkim=[(brand, "cm", "pass"), (f"cmail{n}.com", "cm", "pass")],
        headers=[
            ("X-CMail-Priority", "1"),
            ("X-Complaints-To", f"abuse@cmail{n}.com"),
            ("Feedback-ID", f"{rs(rng, 8, LOWER)}:{rs(rng, 8, LOWER)}:campaign:createsend"),
            ("List-Id", f"<{rs(rng, 24, LOWER)}.cmail{n}.com>"),
            *one_click(
                f"https://{slug}.createsend1.com/t/{rs(rng, 8, LOWER)}-l-{rs(rng, 12, LOWER)}-{rs(rng, 4, LOWER)}/",
                f"unsubscribe-{rs(rng, 20, LOWER)}@cmail{n}.com",
            ),
        ],
    )
    return Esp(
        via,
        lambda url: (
            f"https://{slug}.createsend1.com/t/{pick(rng, ('r', 'd', 'i', 'j'))}-l-{rs(rng, 12, LOWER)}-{rs(rng, 6, LOWER)}-{pick(rng, 'yjtirdhk')}/"
        ),
        f"https://{slug}.cmail{n}.com/t/{pick(rng, ('r', 'i'))}-o-{rs(rng, 12, LOWER)}-{rs(rng, 4, LOWER)}/o.gif",
        unsub,
    )


def esp_sfmc(rng: random.Random, sub: str, rcpt: str) -> Esp:
    """Salesforce Marketing Cloud on a sender-branded subdomain such as e.brand.ca."""
    mid = num(rng, 8)
    job = num(rng, 7)
    loc, d = rcpt.split("@")
    host = f"mta{rng.randrange(1, 9)}.{sub}"
    qs = rs(rng, 90, HEX)
    unsub = f"https://cl.{sub}/?qs={rs(rng, 120, HEX)}"
    via = Via(
        rp=f"bounce-{num(rng, 3)}_HTML-{num(rng, 9)}-{num(rng, 7)}-{mid}-{rng.randrange(0, 9)}@bounce.{sub}",
        relay=(host, host, ip(rng, pick(rng, ("136.147.182", "13.111.4", "13.111.18")))),
        msgid=f"{uuid(rng)}@{pick(rng, ('iad4s13mta', 'ind1s06mta', 'phx1s13mta'))}{rng.randrange(10, 99)}{rs(rng, 3, LOWER)}.xt.local",
        dkim=[(sub, "200608", "pass")],
        headers=[
            ("x-job", f"{mid}_{job}"),
            ("X-SFMC-Stack", str(rng.randrange(1, 60))),
            *one_click(
                f"https://click.{sub}/subscription_center.aspx?jwt={rs(rng, 90, URLSAFE)}",
                f"leave-{rs(rng, 40, HEX)}@leave.{sub}",
            ),
        ],
    )
    _ = (loc, d, qs)
    return Esp(
        via,
        lambda url: f"https://click.{sub}/?qs={rs(rng, 160, HEX)}",
        f"https://view.{sub}/?qs={rs(rng, 90, HEX)}",
        unsub,
    )


def esp_klaviyo(rng: random.Random, brand: str, rcpt: str) -> Esp:
    host = f"mail{rng.randrange(1, 90)}.klaviyomail.com"
    tok = rs(rng, 6, UPPER)
    unsub = f"https://manage.kmail-lists.com/subscriptions/unsubscribe?a={tok}&c={rs(rng, 26, UPPER)}&k={hx(rng, 32)}&m={rs(rng, 26, UPPER)}&r={rs(rng, 6, ALNUM)}"
    via = Via(
        rp=f"bounce-{rs(rng, 40, LOWER)}@send.{brand}",
        relay=(host, host, ip(rng, "168.245")),
        msgid=f"{rs(rng, 40, HEX)}@klaviyomail.com",
        dkim=[(brand, "kl", "pass"), ("klaviyomail.com", "kl", "pass")],
        spf="pass",
        headers=[
            ("X-Kmail-Account", tok),
            ("X-Kmail-Message", rs(rng, 26, UPPER)),
            ("X-Kmail-Relay", "sendgrid"),
            ("Precedence", "bulk"),
            *one_click(
                f"https://manage.kmail-lists.com/subscriptions/one-click-unsubscribe?a={tok}&c={rs(rng, 26, UPPER)}&k={hx(rng, 32)}"
            ),
        ],
    )
    return Esp(
        via,
        lambda url: (
            f"https://ctrk.klclick{pick(rng, ('', '1', '2', '3'))}.com/l/{rs(rng, 26, UPPER)}_{rng.randrange(0, 12)}"
        ),
        f"https://trk.klclick.com/o/{rs(rng, 26, UPPER)}",
        unsub,
    )


# --------------------------------------------------------------------------------------------
# rendering


def _fold_b64(value: str, first: int, width: int = 70) -> str:
    parts = [value[:first]] + [value[i : i + width] for i in range(first, len(value), width)]
    return "\n\t ".join(p for p in parts if p)


def _bh(body: bytes) -> str:
    lines = [b" ".join(ln.replace(b"\t", b" ").split(b" ")).rstrip(b" ") for ln in body.split(b"\r\n")]
    while lines and not lines[-1]:
        lines.pop()
    return base64.b64encode(hashlib.sha256(b"".join(ln + b"\r\n" for ln in lines)).digest()).decode()


SIGNED = (
    "from",
    "reply-to",
    "subject",
    "date",
    "to",
    "cc",
    "message-id",
    "in-reply-to",
    "references",
    "mime-version",
    "content-type",
    "list-id",
    "list-unsubscribe",
    "list-unsubscribe-post",
    "feedback-id",
)

OUTLOOK_ORDER = [
    "From",
    "To",
    "CC",
    "Cc",
    "Subject",
    "Thread-Topic",
    "Thread-Index",
    "Date",
    "Message-ID",
    "References",
    "In-Reply-To",
    "Accept-Language",
    "Content-Language",
    "X-MS-Has-Attach",
    "X-MS-TNEF-Correlator",
]
GMAIL_ORDER = [
    "MIME-Version",
    "References",
    "In-Reply-To",
    "From",
    "Date",
    "Message-ID",
    "Subject",
    "To",
    "Cc",
]


def render(m: Msg, rng: random.Random) -> bytes:
    v = m.via
    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False, policy=compat32.clone(linesep="\r\n", max_line_length=0)).flatten(
        m.body
    )
    mime_head, _, body = buf.getvalue().partition(b"\r\n\r\n")
    mime_fields: list[str] = []
    for line in mime_head.decode("ascii").split("\r\n"):
        if line[:1] in (" ", "\t") and mime_fields:
            mime_fields[-1] += "\n" + line
        elif line and not line.lower().startswith("mime-version:"):
            mime_fields.append(line)

    subject = subj(m.subject)
    own = [
        ("From", m.frm),
        ("To", m.to),
        ("Subject", subject),
        ("Date", rfc(m.date, m.tz)),
        ("Message-ID", f"<{v.msgid}>"),
        *m.headers,
        *v.headers,
    ]
    has_att = m.body.get_content_type() == "multipart/mixed"
    fixed = []
    for k, val in own:
        if k == "Thread-Topic":
            val = subject
        elif k == "X-MS-Has-Attach":
            val = "yes" if has_att else ""
        elif k == "X-MS-TNEF-Correlator":
            val = ""
        fixed.append((k, val))
    own = fixed
    if v.style == "outlook":
        own.sort(key=lambda h: OUTLOOK_ORDER.index(h[0]) if h[0] in OUTLOOK_ORDER else len(OUTLOOK_ORDER))
        tail = [*mime_fields, "MIME-Version: 1.0"]
        own_text = [f"{k}: {val}" if val else f"{k}:" for k, val in own]
    elif v.style == "gmail":
        own = [("MIME-Version", "1.0"), *own]
        own.sort(key=lambda h: GMAIL_ORDER.index(h[0]) if h[0] in GMAIL_ORDER else len(GMAIL_ORDER))
        tail = mime_fields
        own_text = [f"{k}: {val}" for k, val in own]
    else:
        own_text = [f"{k}: {val}" for k, val in own] + ["MIME-Version: 1.0"]
        tail = mime_fields

    t = m.date + timedelta(seconds=rng.randrange(0, 3))
    hops = []
    for h in v.hops:
        t += timedelta(seconds=rng.randrange(0, 3))
        hops.append(
            h.replace("{T}", rfc(t, UTC if "Microsoft SMTP" in h or "SG" in h or "Hermes" in h else m.tz))
        )
    t_sign = t
    t += timedelta(seconds=rng.randrange(1, 5))
    helo, rdns, rip = v.relay
    tls = {
        "1.3": "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n\t(No client certificate requested)\n",
        "1.2": "\t(using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits))\n\t(No client certificate requested)\n",
        "": "",
    }[v.tls]
    mx_recv = (
        f"from {helo} ({rdns} [{rip}])\n{tls}\tby {MX} (Postfix) with {'ESMTPS' if v.tls else 'ESMTP'} id {rs(rng, 12, QID)}\n"
        f"\tfor <{m.rcpt}>; {postfix_date(t)}"
    )
    t += timedelta(seconds=rng.randrange(0, 2))
    lmtp = (
        f"from {MX} ({MX} [10.20.0.25])\n\tby {MAILSTORE} with LMTP\n\tid {rs(rng, 22, B64)}\n"
        f"\t(envelope-from <{v.rp}>)\n\tfor <{m.rcpt}>; {rfc(t)}"
    )

    present = [h.split(":", 1)[0].lower() for h in own_text + tail if ":" in h]
    names = [n for n in SIGNED if n in present]
    bh = _bh(body)
    sigs, ar_dkim = [], []
    for d, s, res in v.dkim:
        bits = 1024 if s in ("smtpapi", "200608", "k1", "1000073432", "ctct1") else 2048
        b = base64.b64encode(rng.randbytes(bits // 8)).decode()
        sig = (
            f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\n\ts={s}; t={int(t_sign.timestamp())};\n\th={':'.join(names)};\n"
            f"\tbh={bh if res == 'pass' else _bh(body + b'x')};\n\tb=" + _fold_b64(b, 50)
        )
        sigs.append(("DKIM-Signature", sig))
        ar_dkim.append(
            f"dkim={res} ({bits}-bit key) header.d={d} header.i=@{d} header.s={s} header.b={b[:8]}"
        )

    from_addr = m.frm.rsplit("<", 1)[-1].rstrip(">").strip()
    fd = dom_of(from_addr)
    rpd = dom_of(v.rp) if v.rp else helo
    pol = POLICY.get(org_domain(fd))
    aligned = any(r == "pass" and org_domain(d) == org_domain(fd) for d, _, r in v.dkim) or (
        v.spf == "pass" and org_domain(rpd) == org_domain(fd)
    )
    if m.dmarc:
        dmarc = m.dmarc
    elif pol is None:
        dmarc = f"dmarc=none header.from={fd}"
    elif aligned:
        dmarc = f"dmarc=pass (p={pol} dis=none) header.from={fd}"
    else:
        dmarc = f"dmarc=fail (p={pol} dis=none) header.from={fd}"
    spf_text = {
        "pass": f"spf=pass ({MX}: domain of {v.rp or 'postmaster@' + helo} designates {rip} as permitted sender) smtp.mailfrom={rpd}",
        "softfail": f"spf=softfail ({MX}: domain of transitioning {v.rp} does not designate {rip} as permitted sender) smtp.mailfrom={rpd}",
        "none": f"spf=none ({MX}: {rpd} does not designate permitted sender hosts) smtp.mailfrom={rpd}",
        "fail": f"spf=fail ({MX}: domain of {v.rp} does not designate {rip} as permitted sender) smtp.mailfrom={rpd}",
        "neutral": f"spf=neutral ({MX}: {rip} is neither permitted nor denied by domain of {v.rp}) smtp.mailfrom={rpd}",
    }[v.spf]
    ar = [*(ar_dkim or ["dkim=none (message not signed)"]), spf_text, dmarc]
    if m.arc:
        ar.insert(
            0,
            "arc=pass (i=1 spf=pass spfdomain=googlegroups.com dkim=pass dkdomain=googlegroups.com)"
            if "google" in m.arc[0]
            else "arc=pass (i=1)",
        )
    auth = f"{MX};\n\t" + ";\n\t".join(ar)

    arc = []
    if m.arc:
        ad, asel, aar = m.arc
        arc = [
            (
                "ARC-Seal",
                f"i=1; a=rsa-sha256; t={int(t_sign.timestamp())}; cv=none;\n\td={ad}; s={asel};\n\tb="
                + _fold_b64(base64.b64encode(rng.randbytes(256)).decode(), 54),
            ),
            (
                "ARC-Message-Signature",
                f"i=1; a=rsa-sha256; c=relaxed/relaxed; d={ad}; s={asel};\n\th={':'.join(names)};\n\tbh={bh};\n\tb="
                + _fold_b64(base64.b64encode(rng.randbytes(256)).decode(), 50),
            ),
            ("ARC-Authentication-Results", f"i=1; {aar}"),
        ]

    top = [
        ("Return-Path", f"<{v.rp}>"),
        ("Delivered-To", m.rcpt),
        ("Received", lmtp),
        ("X-Original-To", m.rcpt),
        ("Authentication-Results", auth),
        ("Received", mx_recv),
        *(("Received", h) for h in reversed(hops)),
        *arc,
        *sigs,
    ]
    lines = [f"{k}: {val}" for k, val in top] + own_text + tail
    head = "\r\n".join(lines).replace("\r\n", "\n").replace("\n", "\r\n")
    return head.encode("ascii") + b"\r\n\r\n" + body


# --------------------------------------------------------------------------------------------
# families: SaaS security notices


def _who(rng: random.Random, pool: tuple[P, ...] = STAFF) -> P:
    return pick(rng, pool)


CITIES = [
    ("Peterborough, Ontario, Canada", "142.114"),
    ("Lindsay, Ontario, Canada", "174.119"),
    ("Toronto, Ontario, Canada", "99.229"),
    ("Cobourg, Ontario, Canada", "69.158"),
    ("Ottawa, Ontario, Canada", "184.144"),
    ("Montréal, Québec, Canada", "70.81"),
]
FOREIGN = [
    ("Lisbon, Portugal", "85.246"),
    ("Orlando, Florida, United States", "47.199"),
    ("Cancún, Quintana Roo, Mexico", "187.189"),
    ("Dublin, Ireland", "89.101"),
]
BROWSERS = [
    "Chrome on Windows",
    "Edge on Windows",
    "Safari on iPhone",
    "Chrome on Android",
    "Safari on Mac",
    "Firefox on Windows",
]


def sec_microsoft(rng: random.Random) -> Msg:
    p = _who(rng)
    t = when(rng, biz=False)
    kind = rng.randrange(3)
    if kind == 0:
        code = num(rng, 6)
        subject = "Your single-use code"
        blocks = [
            ("h", "Your single-use code"),
            (
                "p",
                f"We received your request for a single-use code to use with the Microsoft account {p.addr[:2]}*****@{DOM}.",
            ),
            ("p", f"Your single-use code is: {code}"),
            (
                "p",
                "Only enter this code on an official website or app. Don't share it with anyone. We'll never ask for it outside an official platform.",
            ),
            ("small", "Thanks,\nThe Microsoft account team"),
            (
                "small",
                "Privacy Statement: https://go.microsoft.com/fwlink/?LinkId=521839\nMicrosoft Corporation, One Microsoft Way, Redmond, WA 98052",
            ),
        ]
        frm = fa("Microsoft account team", "account-security-noreply@accountprotection.microsoft.com")
    elif kind == 1:
        city, pfx = pick(rng, CITIES + FOREIGN[:1])
        subject = "Microsoft account unusual sign-in activity"
        blocks = [
            ("h", "Unusual sign-in activity"),
            (
                "p",
                f"We detected something unusual about a recent sign-in to the Microsoft account {p.addr[:2]}*****@{DOM}.",
            ),
            (
                "kv",
                [
                    ("Country/region", city.split(", ")[-1]),
                    ("IP address", ip(rng, pfx)),
                    ("Date", f"{t.astimezone(UTC):%m/%d/%Y %I:%M %p} (GMT)"),
                    ("Platform", pick(rng, ("Windows", "iOS", "Android"))),
                    ("Browser", pick(rng, ("Edge", "Chrome", "Safari"))),
                ],
            ),
            (
                "p",
                "Please go to your recent activity page to let us know whether or not this was you. If this wasn't you, we'll help you secure your account. If this was you, we'll trust similar activity in the future.",
            ),
            ("btn", "Review recent activity", "https://account.live.com/Activity"),
            (
                "p",
                "To opt out or change where you receive security notifications, click here: https://account.live.com/SecurityNotifications/Update",
            ),
            ("small", "Thanks,\nThe Microsoft account team"),
        ]
        frm = fa("Microsoft account team", "account-security-noreply@accountprotection.microsoft.com")
    else:
        subject = pick(
            rng,
            (
                "Your OneDrive storage is almost full",
                "You're running out of OneDrive storage",
                "Your OneDrive is full",
            ),
        )
        pct = pick(rng, (90, 95, 100))
        blocks = [
            ("h", subject),
            (
                "p",
                f"Hi {p.first}, you're using {pct}% of your {pick(rng, ('1 TB', '1 TB', '100 GB'))} OneDrive storage. When your OneDrive is full, files will stop syncing and you won't be able to upload, edit or sync new files.",
            ),
            (
                "p",
                "Free up space by deleting files you no longer need, or emptying the recycle bin. If you need more storage, contact your IT department.",
            ),
            (
                "btn",
                "Manage storage",
                f"https://kestrellakehealth-my.sharepoint.com/personal/{p.local.replace('.', '_')}_{DOM.replace('.', '_')}/_layouts/15/storman.aspx",
            ),
            (
                "small",
                "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA\nThis message was sent from an unmonitored email address. Please do not reply to this message.",
            ),
        ]
        frm = (
            fa("Microsoft OneDrive", "no-reply@sharepointonline.com")
            if rng.random() < 0.5
            else fa("Microsoft", "microsoft-noreply@microsoft.com")
        )
    d = dom_of(frm.split("<")[-1])
    box = f"{pick(rng, ('MW2NAM', 'BN8NAM', 'CO1NAM'))}{rng.randrange(10, 12)}FT{rng.randrange(10, 99)}"
    via = v_own(
        rng,
        f"msonlineservicesteam@{'microsoftonline.com' if d == 'sharepointonline.com' else d}"
        if kind == 2
        else f"account-security-noreply@{d}",
        f"mail-{pick(rng, ('dm6nam12', 'bn1nam02', 'sa9nam02'))}on20{rng.randrange(600, 730)}.outbound.protection.outlook.com",
        ip(rng, "40.107"),
        f"{box}{rs(rng, 22, UPPER)}@{box}.namprd{rng.randrange(10, 20)}.prod.outlook.com",
        [(d, "s1024-meo" if d == "accountprotection.microsoft.com" else "selector2")],
    )
    if kind == 2 and d == "sharepointonline.com":
        via.rp = "no-reply@sharepointonline.com"
    return Msg(
        via,
        frm,
        to_of(p),
        subject,
        t,
        p.addr,
        notice(rng, blocks, brand="Microsoft", color="#0067b8"),
        tz=UTC,
    )


def sec_google(rng: random.Random) -> Msg:
    p = _who(rng, (BERG, KIRBY, MORRISON, GREENE))
    addr = (
        f"{ascii_local(p.first)}.{ascii_local(p.last)}{rng.randrange(10, 99)}@gmail.com"
        if rng.random() < 0.3
        else p.addr
    )
    t = when(rng, biz=False)
    kind = rng.randrange(3)
    dev = pick(rng, ("Windows", "iPhone", "Mac", "Google Pixel 8", "Samsung Galaxy S23"))
    if kind == 0:
        subject = f"Security alert for {addr}"
        blocks = [
            ("h", f"A new sign-in on {dev}"),
            ("p", addr),
            (
                "p",
                f"We noticed a new sign-in to your Google Account on a {dev} device. If this was you, you don't need to do anything. If not, we'll help you secure your account.",
            ),
            (
                "btn",
                "Check activity",
                f"https://accounts.google.com/AccountChooser?Email={addr}&continue=https://myaccount.google.com/alert/nt/{int(t.timestamp()) * 1000}?rfn%3D{rng.randrange(1, 400)}%26rfnc%3D1%26eid%3D{rng.randrange(-9 * 10**18, 9 * 10**18)}%26et%3D0",
            ),
            ("p", "You can also see security activity at\nhttps://myaccount.google.com/notifications"),
            (
                "small",
                "You received this email to let you know about important changes to your Google Account and services.\n© 2025 Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
            ),
        ]
    elif kind == 1:
        subject = "2-Step Verification turned on"
        blocks = [
            ("h", "2-Step Verification turned on"),
            ("p", addr),
            (
                "p",
                "Your Google Account is now protected with 2-Step Verification. When signing in on a new or untrusted device, you'll need your second factor to verify your identity.",
            ),
            (
                "p",
                "Don't get locked out! You can add a backup option so you can sign in even if your other ones aren't available.",
            ),
            (
                "btn",
                "Add backup",
                f"https://accounts.google.com/AccountChooser?Email={addr}&continue=https://myaccount.google.com/signinoptions/two-step-verification",
            ),
            (
                "small",
                "You received this email to let you know about important changes to your Google Account and services.\n© 2025 Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
            ),
        ]
    else:
        subject = "Your Google storage is 90% full"
        blocks = [
            ("h", "Your Google storage is almost full"),
            (
                "p",
                "You've used 13.6 GB of your 15 GB storage. Soon, you may not be able to upload new files to Google Drive, back up photos, or send and receive email in Gmail.",
            ),
            (
                "btn",
                "Get more storage",
                "https://one.google.com/storage?utm_source=storage_email&utm_medium=email&utm_campaign=storage_90",
            ),
            ("link", "Clean up space", "https://one.google.com/storage/management"),
            (
                "small",
                "This email was sent to you because you have a Google Account. © 2025 Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
            ),
        ]
    n = rng.randrange(41, 250)
    via = v_own(
        rng,
        f"3{rs(rng, 30, ALNUM)}@gaia.bounces.google.com",
        f"mail-sor-f{n}.google.com",
        f"209.85.220.{n}",
        f"{rs(rng, 22, URLSAFE)}@notifications.google.com",
        [("accounts.google.com", "20230601")],
    )
    if kind == 2:
        via.msgid = f"{rs(rng, 22, URLSAFE)}-0@google.com"
        via.dkim = [("google.com", "20230601", "pass")]
        frm = fa("Google One", "googleone-noreply@google.com")
    else:
        frm = fa("Google", "no-reply@accounts.google.com")
    rc = p.addr
    return Msg(
        via,
        frm,
        addr,
        subject,
        t,
        rc if addr == p.addr else p.addr,
        notice(rng, blocks, color="#1a73e8", cte="base64"),
        tz=UTC,
        headers=[("X-Forwarded-To", p.addr)] if addr != p.addr else [],
    )


def sec_okta(rng: random.Random) -> Msg:
    p = _who(rng)
    t = when(rng, biz=False)
    city, pfx = pick(rng, CITIES)
    kind = rng.randrange(3)
    base = "https://kestrellakehealth.okta.com"
    if kind == 0:
        subject = "Okta Password Reset Requested"
        tok = rs(rng, 20, URLSAFE)
        blocks = [
            ("h", "Kestrel Lake Health Group - Okta Password Reset Requested"),
            ("p", f"Hi {p.first},"),
            (
                "p",
                "A password reset request was made for your Okta account. If you did not make this request, please contact your system administrator immediately.",
            ),
            ("btn", "Reset Password", f"{base}/signin/reset-password/{tok}"),
            ("p", "This link expires in 1 hour."),
            (
                "p",
                f"If you experience difficulties accessing your account, send a help request to your administrator:\n{base}/help/login",
            ),
            (
                "small",
                "This is an automatically generated message from Okta. Replies are not monitored or answered.",
            ),
        ]
    elif kind == 1:
        subject = "New sign-on notification"
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                "Your Kestrel Lake Health Group account was just used to sign in from a new device or location.",
            ),
            (
                "kv",
                [
                    ("Date and Time", f"{t.astimezone(UTC):%B %d, %Y at %I:%M:%S %p} UTC"),
                    ("Browser", pick(rng, BROWSERS)),
                    ("Location", city),
                    ("IP Address", ip(rng, pfx)),
                ],
            ),
            (
                "p",
                "Don't recognize this activity? Your account may have been accessed by someone else. Please report this activity to your administrator so they can investigate.",
            ),
            (
                "btn",
                "Report Suspicious Activity",
                f"{base}/user/sign-in/report-suspicious-activity?token={rs(rng, 60, URLSAFE)}",
            ),
            (
                "small",
                "This is an automatically generated message from Okta. Replies are not monitored or answered.",
            ),
        ]
    else:
        fac = pick(rng, ("Okta Verify", "Google Authenticator", "Phone (SMS)", "Security Key or Biometric"))
        subject = pick(rng, ("Security method enrolled", "Security method reset"))
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"The following security method was {'enrolled in' if 'enrolled' in subject else 'reset for'} your Kestrel Lake Health Group account: {fac}.",
            ),
            (
                "kv",
                [
                    ("Date and Time", f"{t.astimezone(UTC):%B %d, %Y at %I:%M:%S %p} UTC"),
                    ("Location", city),
                    ("IP Address", ip(rng, pfx)),
                ],
            ),
            (
                "p",
                "If you did not make this change, contact your administrator immediately: it@kestrellakehealth.ca, 705-555-0142 ext. 2100.",
            ),
            (
                "small",
                "This is an automatically generated message from Okta. Replies are not monitored or answered.",
            ),
        ]
    host = f"mail{rng.randrange(1, 9)}.okta.com"
    via = v_own(
        rng,
        "bounce@mail.okta.com",
        host,
        ip(rng, "167.89"),
        f"{rs(rng, 22, URLSAFE)}@okta.com",
        [("okta.com", "s1")],
    )
    return Msg(
        via,
        fa("Okta", "noreply@okta.com"),
        p.addr,
        subject,
        t,
        p.addr,
        notice(rng, blocks, brand="Kestrel Lake Health Group", color="#1662dd"),
        tz=UTC,
    )


def sec_slack_zoom(rng: random.Random) -> Msg:
    p = _who(rng)
    t = when(rng, biz=False)
    kind = rng.randrange(4)
    city, pfx = pick(rng, CITIES)
    if kind == 0:
        subject = "Slack confirmation code: " + f"{rs(rng, 3, UPPER)}-{rs(rng, 3, UPPER)}"
        blocks = [
            ("h", "Confirm your email address"),
            (
                "p",
                "Your confirmation code is below — enter it in your open browser window and we'll help you get signed in.",
            ),
            ("p", subject.split(": ")[1]),
            (
                "p",
                "If you didn't request this email, there's nothing to worry about — you can safely ignore it.",
            ),
            (
                "small",
                "Slack Technologies, LLC, a Salesforce company. 415 Mission Street, 3rd Floor, San Francisco, CA 94105",
            ),
        ]
        via = v_ses(rng, "slack.com", sel="")
        via.dkim[0] = ("slack.com", "s1", "pass")
        via.rp = f"no-reply-{rs(rng, 24, LOWER)}@slack.com"
        frm = fa("Slack", "no-reply@slack.com")
        color = "#4a154b"
    elif kind == 1:
        subject = (
            "New login to Slack from "
            + pick(rng, BROWSERS).split(" on ")[0]
            + " on "
            + pick(rng, ("Windows", "macOS", "iOS"))
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                "We noticed a new login to your Slack account in the Kestrel Lake Health workspace (kestrellakehealth.slack.com).",
            ),
            (
                "kv",
                [
                    ("When", f"{t:%B %d, %Y at %I:%M %p} EST"),
                    ("Device", subject.split(" from ")[1]),
                    ("Near", city),
                    ("IP address", ip(rng, pfx)),
                ],
            ),
            (
                "p",
                "If this was you, you can ignore this email. If you don't recognize this activity, please change your password right away and let your workspace admin know.",
            ),
            ("btn", "Change password", "https://kestrellakehealth.slack.com/account/settings#password"),
            (
                "small",
                "Made by Slack Technologies, LLC · 415 Mission Street, 3rd Floor · San Francisco, CA 94105",
            ),
        ]
        via = v_ses(rng, "slack.com", sel="s1")
        via.dkim[0] = ("slack.com", "s1", "pass")
        via.rp = f"no-reply-{rs(rng, 24, LOWER)}@slack.com"
        frm = fa("Slack", "feedback@slack.com")
        color = "#4a154b"
    elif kind == 2:
        subject = "Zoom account password changed" if rng.random() < 0.5 else "Your Zoom verification code"
        if "code" in subject:
            blocks = [
                ("p", f"Hello {p.first},"),
                ("p", f"Your verification code is {num(rng, 6)}. It will expire in 10 minutes."),
                (
                    "p",
                    "If you did not try to sign in, please change your password at https://zoom.us/profile.",
                ),
                (
                    "small",
                    "Copyright ©2025 Zoom Communications, Inc. All rights reserved.\n55 Almaden Blvd, San Jose, CA 95113",
                ),
            ]
        else:
            blocks = [
                ("p", f"Hi {p.first},"),
                (
                    "p",
                    f"The password for your Zoom account {p.addr} was changed on {t:%B %d, %Y} at {t:%I:%M %p} (America/Toronto).",
                ),
                (
                    "p",
                    "If you made this change, no further action is needed. If you did not change your password, reset it now and contact Zoom support.",
                ),
                ("btn", "Reset password", "https://zoom.us/signin#/forgot-password"),
                (
                    "small",
                    "Copyright ©2025 Zoom Communications, Inc. All rights reserved.\n55 Almaden Blvd, San Jose, CA 95113\nVisit zoom.com | +1.888.799.9666",
                ),
            ]
        via = v_own(
            rng,
            f"bounces+{rng.randrange(10**6, 10**7)}-{hx(rng, 4)}-{p.local}={DOM}@mail.zoom.us",
            f"o{rng.randrange(1, 30)}.ptr{rng.randrange(1000, 9999)}.zoom.us",
            ip(rng, "149.72"),
            f"{rs(rng, 22, URLSAFE)}@geopod-ismtpd-{rng.randrange(1, 40)}",
            [("zoom.us", "s1"), ("sendgrid.info", "smtpapi")],
        )
        frm = fa("Zoom", "no-reply@zoom.us")
        color = "#0b5cff"
    else:
        subject = (
            "Your Dropbox password was changed"
            if rng.random() < 0.5
            else "New device connected to your Dropbox"
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                "The password for your Dropbox account was recently changed."
                if "password" in subject
                else f"A new device ({pick(rng, ('iPhone 15', 'Windows PC', 'MacBook Air'))}) was just linked to your Dropbox account {p.addr}.",
            ),
            (
                "p",
                "If you made this change, you don't need to do anything more. If you didn't, please reset your password right away and review your linked devices.",
            ),
            ("btn", "Reset password", "https://www.dropbox.com/forgot"),
            ("link", "Review devices", "https://www.dropbox.com/account/security"),
            (
                "small",
                "Happy Dropboxing!\nThe Dropbox team\n© 2025 Dropbox, Inc. 1800 Owens St, San Francisco, CA 94158",
            ),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 24, LOWER)}@em-s.dropbox.com",
            f"mail-{rng.randrange(100, 299)}.dropbox.com",
            ip(rng, "208.70.196"),
            f"{rs(rng, 20, LOWER)}.{rng.randrange(10**9, 10**10)}@mail.dropbox.com",
            [("dropbox.com", "2024"), ("sendgrid.info", "smtpapi")],
        )
        frm = fa("Dropbox", "no-reply@dropbox.com")
        color = "#0061fe"
    return Msg(via, frm, p.addr, subject, t, p.addr, notice(rng, blocks, color=color), tz=UTC)


def sec_devtools(rng: random.Random) -> Msg:
    p = pick(rng, (BELANGER, KOWALCZYK, KIRBY))
    t = when(rng, biz=False)
    kind = rng.randrange(4)
    if kind == 0:
        subject = "[GitHub] A new SSH authentication public key was added to your account"
        plain = (
            f"The following SSH key was added to your account:\n\n{pick(rng, ('laptop-2025', 'kirby-thinkpad', 'deploy-bastion', 'mb-ed25519'))}\nSHA256:{rs(rng, 43, B64)}\n\n"
            "If you believe this key was added in error, you can remove the key and disable access at the following location:\n\nhttps://github.com/settings/keys\n\n"
            "To see this and other security events for your account, visit https://github.com/settings/security-log\n\n"
            "If you run into problems, please contact support by visiting https://github.com/contact\n\nThanks,\nThe GitHub Team\n"
        )
        body = leaf(plain, "plain", "utf-8", "7bit")
        frm = fa("GitHub", "noreply@github.com")
        via = v_own(
            rng,
            "noreply@github.com",
            f"out-{rng.randrange(10, 30)}.smtp.github.com",
            ip(rng, "192.30.252"),
            f"{rs(rng, 20, HEX)}_{rng.randrange(1000, 9999)}@{pick(rng, ('github-lowworker', 'github'))}-{hx(rng, 9)}.{pick(rng, ('va3', 'ac4'))}-iad.github.net",
            [("github.com", "pf2023")],
        )
    elif kind == 1:
        code = num(rng, 8)
        subject = "[GitHub] Please verify your device"
        plain = (
            f"Hey {p.local.split('.')[0]}kl!\n\nA sign in attempt requires further verification because we did not recognize your device. To complete the sign in, enter the verification code on the unrecognized device.\n\n"
            f"Device: {pick(rng, BROWSERS)}\nVerification code: {code}\n\nIf you did not attempt to sign in to your account, your password may be compromised. Visit https://github.com/settings/security to create a new, strong password for your GitHub account.\n\n"
            "If you'd like to automatically verify devices in the future, consider enabling two-factor authentication on your account. Visit https://docs.github.com/articles/configuring-two-factor-authentication to learn about two-factor authentication.\n\nThanks,\nThe GitHub Team\n"
        )
        body = leaf(plain, "plain", "utf-8", "7bit")
        frm = fa("GitHub", "noreply@github.com")
        via = v_own(
            rng,
            "noreply@github.com",
            f"out-{rng.randrange(10, 30)}.smtp.github.com",
            ip(rng, "192.30.252"),
            f"{rs(rng, 20, HEX)}_{rng.randrange(1000, 9999)}@github-lowworker-{hx(rng, 9)}.va3-iad.github.net",
            [("github.com", "pf2023")],
        )
    elif kind == 2:
        subject = (
            "Your Atlassian account: API token created"
            if rng.random() < 0.5
            else "Your API token expires in 7 days"
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f'A new API token labelled "{pick(rng, ("jira-reporting", "confluence-export", "backup-script"))}" was created for your Atlassian account {p.addr}.'
                if "created" in subject
                else f'Your API token "{pick(rng, ("jira-reporting", "backup-script"))}" will expire on {short_date(t + timedelta(days=7))}. Any scripts or integrations using this token will stop working.',
            ),
            ("p", "If you didn't do this, revoke the token immediately and change your password."),
            ("btn", "Manage API tokens", "https://id.atlassian.com/manage-profile/security/api-tokens"),
            (
                "small",
                "This message was sent to you by Atlassian Cloud.\nAtlassian Pty Ltd, 350 Bush Street, Floor 13, San Francisco, CA 94104",
            ),
        ]
        body = notice(rng, blocks, brand="Atlassian", color="#0c66e4")
        frm = fa("Atlassian", "noreply@am.atlassian.com")
        via = v_ses(rng, "am.atlassian.com", sel="fixed")
        via.dkim[0] = ("am.atlassian.com", "s1", "pass")
    else:
        prod = pick(rng, ("1Password", "LastPass"))
        if prod == "1Password":
            subject = "New 1Password sign-in from " + pick(
                rng, ("Chrome on Windows", "1Password for Mac", "1Password for iOS")
            )
            blocks = [
                ("p", f"Hello {p.first},"),
                (
                    "p",
                    "Your 1Password account on kestrellakehealth.1password.ca was just signed in to on a new device.",
                ),
                (
                    "kv",
                    [
                        ("Device", subject.split(" from ")[1]),
                        ("Location", pick(rng, CITIES)[0]),
                        ("Time", f"{t:%B %d, %Y, %I:%M %p} EST"),
                    ],
                ),
                (
                    "p",
                    "If this was you, you can ignore this email. If you don't recognize this sign-in, deauthorize the device and change your account password right away.",
                ),
                ("btn", "Review devices", "https://kestrellakehealth.1password.ca/profile"),
                ("small", "1Password · 4711 Yonge Street, 10th floor, Toronto, ON M2N 6K8"),
            ]
            frm = fa("1Password", "hello@1password.com")
            via = v_sendgrid(rng, "1password.com", p.addr)[0]
        else:
            subject = "LastPass: verify your location"
            blocks = [
                ("p", "Hello,"),
                (
                    "p",
                    "We detected a login attempt from a new location. For your security, please verify that it was you before we allow access to your vault.",
                ),
                (
                    "kv",
                    [
                        ("IP", ip(rng, pick(rng, CITIES)[1])),
                        ("Location", pick(rng, CITIES)[0]),
                        ("Time", f"{t.astimezone(UTC):%Y-%m-%d %H:%M} UTC"),
                    ],
                ),
                (
                    "btn",
                    "Verify location",
                    f"https://lastpass.com/lmiapi/verify?guid={uuid(rng)}&email={p.addr.replace('@', '%40')}",
                ),
                (
                    "p",
                    "This link expires in 60 minutes. If you did not try to log in, change your master password.",
                ),
                ("small", "LastPass US LP, 333 Summer Street, Boston, MA 02210"),
            ]
            frm = fa("LastPass", "no-reply@lastpass.com")
            via = v_own(
                rng,
                "bounce@lastpass.com",
                f"mail{rng.randrange(1, 9)}.lastpass.com",
                ip(rng, "192.169.208"),
                f"{hx(rng, 32)}@lastpass.com",
                [("lastpass.com", "lp")],
            )
        body = notice(rng, blocks, color="#0572ec")
    return Msg(via, frm, to_of(p), subject, t, p.addr, body, tz=UTC)


# --------------------------------------------------------------------------------------------
# SaaS billing and account housekeeping


def saas_billing(rng: random.Random) -> Msg:
    p = pick(rng, (BELANGER, OLUSEGUN, NATARAJAN))
    t = when(rng)
    kind = rng.randrange(5)
    inv = f"INV-{num(rng, 8)}"
    if kind == 0:
        amt = pick(rng, (1423.80, 2847.60, 3911.04))
        subject = f"Your Zoom subscription will renew on {short_date(t + timedelta(days=30))}"
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"This is a reminder that your Zoom Workplace Business plan ({rng.randrange(20, 60)} licences) will automatically renew on {short_date(t + timedelta(days=30))}. The card on file ending in {num(rng, 4)} will be charged {money(amt)} CAD plus applicable taxes.",
            ),
            (
                "p",
                "No action is needed if you wish to continue. To make changes to your plan, sign in to your account.",
            ),
            ("btn", "Review billing", "https://zoom.us/billing"),
            ("small", "Zoom Communications, Inc. · 55 Almaden Blvd · San Jose, CA 95113"),
        ]
        via = v_sendgrid(rng, "zoom.us", p.addr)[0]
        frm, color = fa("Zoom", "no-reply@zoom.us"), "#0b5cff"
    elif kind == 1:
        subject = pick(
            rng,
            (
                "Action required: your payment method was declined",
                "Your Slack payment didn't go through",
                "We couldn't process your payment for Kestrel Lake Health",
                "Payment failed: please update your billing details",
            ),
        )
        blocks = [
            ("h", "We couldn't process your payment"),
            (
                "p",
                f"Hi {p.first}, we tried to charge the {pick(rng, ('Visa', 'Mastercard'))} ending in {num(rng, 4)} for your Slack Business+ subscription for Kestrel Lake Health, but the payment was declined.",
            ),
            (
                "p",
                "We'll try again in 3 days. To avoid any interruption to your workspace, please update your payment details.",
            ),
            ("btn", "Update payment method", "https://kestrellakehealth.slack.com/admin/billing"),
            ("small", "Slack Technologies, LLC · 415 Mission Street, 3rd Floor · San Francisco, CA 94105"),
        ]
        via = v_ses(rng, "slack.com", sel="s1")
        via.dkim[0] = ("slack.com", "s1", "pass")
        via.rp = f"no-reply-{rs(rng, 24, LOWER)}@slack.com"
        frm, color = fa("Slack", "feedback@slack.com"), "#4a154b"
    elif kind == 2:
        amt = pick(rng, (512.40, 977.28, 1290.00))
        subject = f"Your invoice from Atlassian ({inv})"
        blocks = [
            ("p", "Hello,"),
            (
                "p",
                f"Your Atlassian invoice {inv} for Jira Service Management Standard ({rng.randrange(5, 15)} agents) is now available. The total of {money(amt)} USD has been charged to your card.",
            ),
            ("btn", "View invoice", f"https://admin.atlassian.com/billing/invoices/{inv}"),
            (
                "small",
                "Atlassian Pty Ltd, Level 6, 341 George Street, Sydney NSW 2000, Australia · ABN 53 102 443 916",
            ),
        ]
        via = v_ses(rng, "atlassian.com", sel="s1")
        via.dkim[0] = ("atlassian.com", "s1", "pass")
        frm, color = fa("Atlassian Billing", "noreply@am.atlassian.com"), "#0c66e4"
    elif kind == 3:
        used = pick(rng, ("4.6 TB of 5 TB", "97 GB of 100 GB", "1.9 TB of 2 TB"))
        subject = pick(
            rng, ("Your Box account is almost out of storage", "Your Dropbox team is nearly out of space")
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"Your {'Box' if 'Box' in subject else 'Dropbox'} team is using {used} of shared storage. Once you reach the limit, team members won't be able to upload or sync new files.",
            ),
            (
                "btn",
                "Manage storage",
                "https://app.box.com/master/settings"
                if "Box" in subject
                else "https://www.dropbox.com/team/admin/settings/storage",
            ),
            (
                "small",
                "Box, Inc. · 900 Jefferson Ave, Redwood City, CA 94063"
                if "Box" in subject
                else "Dropbox, Inc. · 1800 Owens St · San Francisco, CA 94158",
            ),
        ]
        if "Box" in subject:
            via = v_own(
                rng,
                f"bounce-{rs(rng, 16, LOWER)}@bounce.box.com",
                f"mail{rng.randrange(1, 30)}.box.com",
                ip(rng, "74.112.186"),
                f"{hx(rng, 32)}@box.com",
                [("box.com", "s2")],
            )
            frm = fa("Box", "noreply@box.com")
        else:
            via = v_own(
                rng,
                f"bounce-{rs(rng, 24, LOWER)}@em-s.dropbox.com",
                f"mail-{rng.randrange(100, 299)}.dropbox.com",
                ip(rng, "208.70.196"),
                f"{rs(rng, 20, LOWER)}@mail.dropbox.com",
                [("dropbox.com", "2024")],
            )
            frm = fa("Dropbox", "no-reply@dropbox.com")
        color = "#0061d5"
    else:
        amt = pick(rng, (89.99, 1079.88, 239.88))
        subject = "Your Adobe invoice" if rng.random() < 0.5 else "Your Adobe plan renews soon"
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"Thanks for being an Adobe customer. {'Your invoice for Acrobat Pro (Teams) is ready.' if 'invoice' in subject else f'Your Acrobat Pro (Teams) annual plan renews on {short_date(t + timedelta(days=30))} for {money(amt)} CAD plus tax.'}",
            ),
            (
                "kv",
                [
                    ("Order number", num(rng, 10)),
                    ("Amount", money(amt) + " CAD"),
                    ("Payment", f"Visa ending in {num(rng, 4)}"),
                ],
            ),
            ("btn", "View plan and billing", "https://account.adobe.com/plans"),
            (
                "small",
                "Adobe Systems Software Ireland Ltd, 4-6 Riverwalk, Citywest Business Park, Dublin 24, Ireland",
            ),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 20, HEX)}@mail.adobe.com",
            f"mta{rng.randrange(1, 9)}.mail.adobe.com",
            ip(rng, "130.248.154"),
            f"{uuid(rng)}@adobe.com",
            [("mail.adobe.com", "200608"), ("adobe.com", "s1")],
        )
        frm, color = fa("Adobe", "message@adobe.com"), "#eb1000"
    return Msg(via, frm, to_of(p), subject, t, p.addr, notice(rng, blocks, color=color), tz=UTC)


# --------------------------------------------------------------------------------------------
# e-signature


@dataclass(frozen=True)
class Corr:
    org: str
    domain: str
    people: tuple[tuple[str, str], ...]  # (name, local)
    host: str  # "m365", "m365us", "google", "small"
    city: str


TVMED = Corr(
    "Trent Valley Medical Supply Ltd.",
    "tvmedsupply.ca",
    (("Janet Cormier", "jcormier"), ("Steve Baptiste", "sbaptiste"), ("Accounts Receivable", "ar")),
    "m365",
    "Peterborough, ON",
)
LAKESHORE = Corr(
    "Lakeshore Diagnostic Laboratories",
    "lakeshorelabs.ca",
    (
        ("Dr. Samuel Okafor", "sokafor"),
        ("Client Services", "clientservices"),
        ("Megan Fitzgerald", "mfitzgerald"),
    ),
    "google",
    "Oshawa, ON",
)
ORH = Corr(
    "Otonabee Regional Hospital",
    "otonabeeregional.ca",
    (
        ("Diane Kovacs", "dkovacs"),
        ("Health Records", "healthrecords"),
        ("Dr. Paul Archambault", "parchambault"),
    ),
    "m365",
    "Peterborough, ON",
)
DRUMMOND = Corr(
    "Drummond Vale LLP",
    "drummondvale.ca",
    (("Alexandra Drummond", "adrummond"), ("Kyle Fenwick", "kfenwick")),
    "m365",
    "Toronto, ON",
)
HALLPIKE = Corr(
    "Halloran & Pike CPA Professional Corporation",
    "hallpikecpa.ca",
    (("Brendan Halloran", "brendan"), ("Sophie Pike", "sophie"), ("Mira Das", "mira")),
    "google",
    "Peterborough, ON",
)
NORTHBEAM = Corr(
    "Northbeam Technologies Inc.",
    "northbeamtech.ca",
    (("Graham Tull", "gtull"), ("Service Desk", "support"), ("Anjali Rao", "arao")),
    "m365",
    "Oshawa, ON",
)
KAWRISK = Corr(
    "Kawartha Risk Partners",
    "kawartharisk.ca",
    (("Doug Finnigan", "doug"), ("Leanne Walsh", "leanne")),
    "google",
    "Lindsay, ON",
)
RIDGELINE = Corr(
    "Ridgeline Office Systems Inc.",
    "ridgelineoffice.ca",
    (("Tanya Moreau", "tmoreau"), ("Accounts Receivable", "ar"), ("Paul Nguyen", "pnguyen")),
    "m365",
    "Whitby, ON",
)
RIVERSIDE = Corr(
    "Riverside Physiotherapy",
    "riversidephysio.ca",
    (("Kate Lindqvist", "kate"), ("Front Desk", "hello")),
    "google",
    "Peterborough, ON",
)
MERIDIAN = Corr(
    "Meridian Locum Services",
    "meridianlocums.ca",
    (("Jordan Ellis", "jellis"), ("Bookings", "bookings")),
    "m365",
    "Kingston, ON",
)


def corr_via(rng: random.Random, c: Corr, local: str) -> Via:
    addr = f"{local}@{c.domain}"
    if c.host == "m365":
        return v_m365(rng, addr)
    if c.host == "m365us":
        return v_m365(rng, addr, "US")
    return v_google(rng, addr)


def esign(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(4)
    c = pick(rng, (DRUMMOND, KAWRISK, RIDGELINE, MERIDIAN, HALLPIKE))
    sender, _ = c.people[0]
    p = pick(rng, (MACPHERSON, OLUSEGUN, SHARMA, WHITFIELD))
    docname = pick(
        rng,
        (
            "Lease Amendment - 86 Kent St W",
            "Master Services Agreement 2025",
            "Locum Agreement - Dr. R. Menon",
            "Engagement Letter FY2025",
            "Insurance Renewal - Commercial Package",
            "Equipment Lease Schedule B",
            "Data Sharing Agreement - Lakeshore Labs",
            "Employment Agreement - Clinic Manager",
        ),
    )
    if kind == 0:
        env = uuid(rng)
        subject = (
            f"Please DocuSign: {docname}.pdf" if rng.random() < 0.6 else f"Complete with Docusign: {docname}"
        )
        site = pick(rng, ("na3", "na4", "ca"))
        blocks = [
            ("p", f"{sender} sent you a document to review and sign."),
            (
                "btn",
                "REVIEW DOCUMENT",
                f"https://{site}.docusign.net/Signing/EmailStart.aspx?a={uuid(rng)}&etti=24&acct={uuid(rng)}&er={uuid(rng)}",
            ),
            ("p", f"{sender}\n{c.people[0][1]}@{c.domain}"),
            (
                "p",
                f"{p.first}, please review and sign the attached {docname}. Let me know if you have questions.",
            ),
            (
                "small",
                "Do Not Share This Email\nThis email contains a secure link to Docusign. Please do not share this email, link, or access code with others.",
            ),
            (
                "small",
                f"Alternate Signing Method\nVisit Docusign.com, click 'Access Documents', and enter the security code:\n{hx(rng, 32).upper()}{num(rng, 1)}",
            ),
            (
                "small",
                "About Docusign\nSign documents electronically in just minutes. It's safe, secure, and legally binding. Whether you're in an office, at home, on-the-go -- or even across the globe -- Docusign provides a professional trusted solution for Digital Transaction Management™.",
            ),
            (
                "small",
                "Questions about the Document?\nIf you need to modify the document or have questions about the details in the document, please reach out to the sender by emailing them directly.\n\nIf you are having trouble signing the document, please visit the Help with Signing page on our Support Center.\n\nThis message was sent to you by "
                + sender
                + " who is using the Docusign Electronic Signature Service.",
            ),
        ]
        via = v_own(
            rng,
            f"dse_{site.upper()}@docusign.net",
            f"mail{pick(rng, ('a', 'b'))}.{site}.docusign.net",
            ip(rng, "64.207.219"),
            f"{hx(rng, 32)}@docusign.net",
            [("docusign.net", "mail")],
        )
        frm = fa(f"{sender} via Docusign", f"dse_{site.upper()}@docusign.net")
        hdrs = [("Reply-To", fa(sender, f"{c.people[0][1]}@{c.domain}")), ("X-DocuSign-Envelope", env)]
        color = "#4c00ff"
    elif kind == 1:
        subject = f'Signature requested on "{docname}"'
        blocks = [
            ("h", f"{sender} has requested your signature on {docname}"),
            (
                "btn",
                "Review and sign",
                f"https://secure.na{pick(rng, ('1', '2', '4'))}.adobesign.com/public/apiesign?pid={rs(rng, 40, URLSAFE)}&client_id=CBJCHBCAABAA{rs(rng, 28, URLSAFE)}",
            ),
            ("p", f"Please review and complete {docname}."),
            (
                "small",
                f"After you sign {docname}, the agreement will be sent to all parties by email.\nTo ensure that you continue receiving our emails, please add adobesign@adobesign.com to your address book or safe list.",
            ),
        ]
        via = v_own(
            rng,
            "adobesign@adobesign.com",
            f"mail{rng.randrange(1, 40)}.na{rng.randrange(1, 4)}.adobesign.com",
            ip(rng, "52.71.77"),
            f"{rng.randrange(10**9, 10**10)}.{rng.randrange(10**6, 10**7)}.{rng.randrange(1700000000000, 1790000000000)}@adobesign.com",
            [("adobesign.com", "s1")],
        )
        frm = fa(f"{sender} via Adobe Acrobat Sign", "adobesign@adobesign.com")
        hdrs = [("Reply-To", f"{c.people[0][1]}@{c.domain}")]
        color = "#1473e6"
    elif kind == 2:
        subject = (
            f"Completed: {docname}"
            if rng.random() < 0.5
            else f"Reminder: {docname} is waiting for your signature"
        )
        blocks = [
            (
                "p",
                f"All parties have completed {docname}. The signed document is attached."
                if subject.startswith("Completed")
                else f"This is a reminder that {sender} is waiting for you to sign {docname}. It expires on {short_date(t + timedelta(days=14))}.",
            ),
            (
                "btn",
                "VIEW COMPLETED DOCUMENT" if subject.startswith("Completed") else "REVIEW DOCUMENT",
                f"https://na3.docusign.net/Signing/EmailStart.aspx?a={uuid(rng)}&etti=24&acct={uuid(rng)}&er={uuid(rng)}",
            ),
            (
                "small",
                "Do Not Share This Email\nThis email contains a secure link to Docusign. Please do not share this email, link, or access code with others.",
            ),
            (
                "small",
                "This message was sent to you by "
                + sender
                + " who is using the Docusign Electronic Signature Service.",
            ),
        ]
        via = v_own(
            rng,
            "dse_NA3@docusign.net",
            "mailb.na3.docusign.net",
            ip(rng, "64.207.219"),
            f"{hx(rng, 32)}@docusign.net",
            [("docusign.net", "mail")],
        )
        frm = fa(f"{sender} via Docusign", "dse_NA3@docusign.net")
        hdrs = [("Reply-To", fa(sender, f"{c.people[0][1]}@{c.domain}"))]
        color = "#4c00ff"
        if subject.startswith("Completed"):
            body = mixed(
                rng,
                notice(rng, blocks, color=color),
                [
                    attach(
                        pdf(
                            docname,
                            [
                                f"Signed by: {p.name}",
                                f"Signed by: {sender}",
                                f"Completed {short_date(t)}",
                                "Envelope ID: " + uuid(rng).upper(),
                            ],
                            "DocuSign",
                        ),
                        "application/pdf",
                        docname.replace(" ", "_") + ".pdf",
                    )
                ],
            )
            return Msg(via, frm, to_of(p), subject, t, p.addr, body, hdrs, tz=UTC)
    else:
        subject = f"{sender} has requested your signature with Dropbox Sign"
        blocks = [
            ("p", f'{sender} ({c.people[0][1]}@{c.domain}) has requested your signature on "{docname}".'),
            ("btn", "Review & sign", f"https://app.hellosign.com/sign/{hx(rng, 40)}"),
            ("small", "Dropbox Sign is a Dropbox company. 1800 Owens St, San Francisco, CA 94158"),
        ]
        via = v_own(
            rng,
            f"bounces+{rng.randrange(10**6, 10**7)}-{hx(rng, 4)}-{p.local}={DOM}@mail.hellosign.com",
            f"o{rng.randrange(1, 30)}.ptr{rng.randrange(1000, 9999)}.mail.hellosign.com",
            ip(rng, "167.89"),
            f"{rs(rng, 22, URLSAFE)}@geopod-ismtpd-{rng.randrange(1, 40)}",
            [("mail.hellosign.com", "s1"), ("sendgrid.info", "smtpapi")],
        )
        frm = fa("Dropbox Sign", "noreply@mail.hellosign.com")
        hdrs = [("Reply-To", f"{c.people[0][1]}@{c.domain}")]
        color = "#0061fe"
    return Msg(via, frm, to_of(p), subject, t, p.addr, notice(rng, blocks, color=color), hdrs, tz=UTC)


# --------------------------------------------------------------------------------------------
# vendor invoices, statements and reminders


def _sig(name: str, title: str, org: str, phone: str, domain: str) -> str:
    return f"{name}\n{title}\n{org}\nT: {phone}\nwww.{domain}"


def vendor_invoice(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(6)
    p = pick(rng, (NATARAJAN, NATARAJAN, OLUSEGUN))
    rcpt, rcpt_addr = shared("ap") if rng.random() < 0.5 else (to_of(p), p.addr)
    amt = round(rng.uniform(180, 14500), 2)
    inv = f"{rng.randrange(10000, 99999)}"
    due = t + timedelta(days=30)
    if kind == 0:  # Xero
        vend = pick(
            rng,
            (
                ("Lakefield HVAC & Refrigeration", "lakefieldhvac.ca"),
                ("Harbourfront AV Solutions", "harbourfrontav.ca"),
                ("Quill & Ledger Bookkeeping", "quillandledger.ca"),
            ),
        )
        subject = f"Invoice INV-{inv} from {vend[0]} for {ORG}"
        url = f"https://in.xero.com/{rs(rng, 40, ALNUM)}"
        plain = (
            f"Hi {p.first if rcpt_addr == p.addr else 'there'},\n\nHere's invoice INV-{inv} for {money(amt)} CAD.\n\nThe amount outstanding of {money(amt)} CAD is due on {due:%d %b %Y}.\n\n"
            f"View your bill online: {url}\n\nFrom your online bill you can print a PDF, export a CSV, or create a free login and view your outstanding bills.\n\n"
            f"If you have any questions, please let us know.\n\nThanks,\n{vend[0]}\n"
        )
        html = doc(
            [
                ("p", plain.split("\n\n")[0]),
                ("p", f"Here's invoice INV-{inv} for {money(amt)} CAD."),
                ("p", f"The amount outstanding of {money(amt)} CAD is due on {due:%d %b %Y}."),
                ("btn", "View bill", url),
                (
                    "p",
                    "From your online bill you can print a PDF, export a CSV, or create a free login and view your outstanding bills.",
                ),
                ("p", f"If you have any questions, please let us know.\n\nThanks,\n{vend[0]}"),
            ],
            color="#13b5ea",
        )[1]
        body = mixed(
            rng,
            alt(rng, plain, html, "utf-8", "quoted-printable"),
            [
                attach(
                    pdf(
                        f"TAX INVOICE INV-{inv}",
                        [
                            vend[0],
                            f"Bill to: {ORG}",
                            ADDRESS,
                            f"Invoice date: {t:%d %b %Y}",
                            f"Due: {due:%d %b %Y}",
                            f"Total CAD {money(amt)}",
                            f"HST # {num(rng, 9)} RT0001",
                        ],
                        "Xero",
                    ),
                    "application/pdf",
                    f"Invoice INV-{inv}.pdf",
                )
            ],
        )
        via = v_own(
            rng,
            "messaging-service@post.xero.com",
            f"smtp{rng.randrange(1, 20)}.post.xero.com",
            ip(rng, "52.65.0"),
            f"{uuid(rng)}@post.xero.com",
            [("post.xero.com", "s1")],
        )
        frm = fa(vend[0], "messaging-service@post.xero.com")
        hdrs = [("Reply-To", f"accounts@{vend[1]}")]
    elif kind == 1:  # QuickBooks
        vend = pick(
            rng,
            (
                ("Trent County Paving & Snow Removal", "trentcountypaving.ca"),
                ("Brightway Facility Services", "brightwaycleaning.ca"),
                ("Kawartha Shred & Secure", "kawarthashred.ca"),
            ),
        )
        subject = f"Invoice {inv} from {vend[0]}"
        url = f"https://connect.intuit.com/portal/app/CommerceNetwork/view/scs-v1-{hx(rng, 60)}?locale=en_CA"
        blocks = [
            ("h", f"Invoice {inv} details"),
            ("kv", [("Due", f"{due:%m/%d/%Y}"), ("Balance due", money(amt))]),
            ("btn", "Review and pay", url),
            (
                "p",
                f"Dear {ORG},\n\nHere's your invoice! We appreciate your prompt payment.\n\nThanks for your business!\n{vend[0]}",
            ),
            (
                "small",
                "If you receive an email that seems fraudulent, please check with the business owner before paying.\n© Intuit, Inc. All rights reserved. Privacy | Security | Terms of Service",
            ),
        ]
        body = mixed(
            rng,
            notice(rng, blocks, color="#2ca01c"),
            [
                attach(
                    pdf(
                        f"Invoice {inv}",
                        [
                            vend[0],
                            f"BILL TO {ORG}",
                            f"DATE {t:%m/%d/%Y}",
                            f"DUE DATE {due:%m/%d/%Y}",
                            f"BALANCE DUE {money(amt)}",
                        ],
                        "QuickBooks Online",
                    ),
                    "application/pdf",
                    f"Invoice_{inv}_from_{vend[0].replace(' ', '_').replace('&', 'and')}.pdf",
                )
            ],
        )
        via = v_own(
            rng,
            "quickbooks@notification.intuit.com",
            f"mail{rng.randrange(1, 99)}.notification.intuit.com",
            ip(rng, "206.108.40"),
            f"{rng.randrange(10**9, 10**10)}.{rng.randrange(10**5, 10**6)}.JavaMail.app@ip-10-{rng.randrange(0, 255)}-{rng.randrange(0, 255)}-{rng.randrange(0, 255)}.ec2.internal",
            [("notification.intuit.com", "s1024")],
        )
        frm = fa(vend[0], "quickbooks@notification.intuit.com")
        hdrs = [("Reply-To", f"{pick(rng, ('office', 'billing', 'info'))}@{vend[1]}")]
    elif kind == 2:  # FreshBooks reminder
        vend = pick(
            rng,
            (
                ("Moira Quinlan Design", "moiraquinlan.com"),
                ("Bellwood Translation Services", "bellwoodtranslation.ca"),
            ),
        )
        late = rng.randrange(5, 40)
        subject = pick(
            rng,
            (
                f"Reminder: Invoice {inv} from {vend[0]} is overdue",
                f"Invoice {inv} is {late} days overdue",
                f"Friendly reminder: invoice {inv} from {vend[0]}",
            ),
        )
        blocks = [
            ("p", f"{vend[0]} sent you a reminder about invoice {inv}."),
            (
                "kv",
                [
                    ("Amount Due", money(amt) + " CAD"),
                    ("Due Date", short_date(t - timedelta(days=late))),
                    ("Days Overdue", str(late)),
                ],
            ),
            ("btn", "View Invoice", f"https://my.freshbooks.com/#/link/{rs(rng, 26, ALNUM)}"),
            (
                "p",
                "Hi there, just a friendly reminder that this invoice is now past due. If you've already sent payment, please disregard this message. Thank you!",
            ),
            (
                "small",
                "FreshBooks · 35 Golden Avenue, Suite 105, Toronto, ON M6R 2J5 · This email was sent on behalf of "
                + vend[0],
            ),
        ]
        body = notice(rng, blocks, color="#0075dd")
        via = v_sendgrid(rng, "freshbooks.com", rcpt_addr)[0]
        frm = fa(f"{vend[0]} via FreshBooks", "noreply@freshbooks.com")
        hdrs = [("Reply-To", f"hello@{vend[1]}")]
    elif kind == 3:  # supplier statement from their own M365
        c = TVMED
        subject = pick(
            rng,
            (
                f"Statement of account - {ORG} - {t:%B %Y}",
                f"Past due invoices - {ORG} (acct KLHG01)",
                f"Invoice {inv} - Kestrel Lake Health Group - PO {rng.randrange(4500, 4999)}",
            ),
        )
        plain = (
            f"Good {'morning' if t.hour < 12 else 'afternoon'},\n\n"
            + (
                f"Please find attached your statement of account for {t:%B %Y}. Our records show {rng.randrange(2, 6)} invoices past 30 days totalling {money(amt)}. "
                "If payment has already been sent please disregard; otherwise could you let me know when we can expect it?\n\n"
                if "Statement" in subject or "Past due" in subject
                else f"Please find attached invoice {inv} for the order shipped to the {pick(rng, list(SITES))} clinic this week (gloves, exam table paper, sharps containers). Terms net 30.\n\n"
            )
            + "Payment can be made by EFT to the account on file. Remittance advice to ar@tvmedsupply.ca please.\n\nThank you,\n\n"
            + _sig("Janet Cormier", "Accounts Receivable", c.org, "705-555-0171 ext. 204", c.domain)
            + "\n"
        )
        att = (
            (
                xlsx(
                    [["Invoice", "Date", "PO", "Amount", "Days"]]
                    + [
                        [
                            str(int(inv) + i),
                            f"{(t - timedelta(days=30 + 9 * i)):%Y-%m-%d}",
                            str(rng.randrange(4500, 4999)),
                            f"{rng.uniform(300, 4000):.2f}",
                            str(30 + 9 * i),
                        ]
                        for i in range(rng.randrange(2, 6))
                    ]
                ),
                XLSX,
                f"Statement_KLHG01_{t:%Y%m}.xlsx",
            )
            if "Statement" in subject or "Past due" in subject
            else (
                pdf(
                    f"INVOICE {inv}",
                    [
                        c.org,
                        "Sold to: " + ORG,
                        f"PO {rng.randrange(4500, 4999)}",
                        f"Total {money(amt)}",
                        "Terms: Net 30",
                    ],
                    "Sage 50",
                ),
                "application/pdf",
                f"INV{inv}.pdf",
            )
        )
        body = mixed(rng, leaf(plain, "plain", "utf-8", "quoted-printable"), [attach(*att)], "outlook")
        via = corr_via(rng, c, "jcormier")
        frm = fa("Janet Cormier", f"jcormier@{c.domain}")
        hdrs = []
    elif kind == 4:  # Bill.com/ BILL payment notification (remittance advice)
        payer = pick(
            rng,
            (
                ("Lakeshore Diagnostic Laboratories", "lakeshorelabs.ca"),
                ("Meridian Locum Services", "meridianlocums.ca"),
                ("Ontario Clinic Managers Network", "ocmn.ca"),
            ),
        )
        subject = (
            f"Payment from {payer[0]} is on its way"
            if rng.random() < 0.5
            else f"Remittance advice from {payer[0]}"
        )
        rcpt, rcpt_addr = shared("billing")
        blocks = [
            ("p", f"Hi {ORG},"),
            (
                "p",
                f"{payer[0]} has sent you a payment of {money(amt)} via ACH/EFT. Funds should arrive in your bank account in 2-5 business days.",
            ),
            (
                "kv",
                [
                    ("Payment amount", money(amt)),
                    ("Invoice(s)", f"KL-{rng.randrange(1000, 9999)}"),
                    ("Payment date", short_date(t)),
                    ("Reference", f"P{num(rng, 11)}"),
                ],
            ),
            ("btn", "View payment details", f"https://app02.us.bill.com/p/{rs(rng, 20, ALNUM)}"),
            (
                "small",
                "BILL, 6220 America Center Drive, Suite 100, San Jose, CA 95002 · This is a system-generated email. Do not reply.",
            ),
        ]
        body = notice(rng, blocks, color="#ff5500")
        via = v_own(
            rng,
            f"bounce-{rs(rng, 20, LOWER)}@hq.bill.com",
            f"mta{rng.randrange(1, 9)}.hq.bill.com",
            ip(rng, "64.125.230"),
            f"{uuid(rng)}@hq.bill.com",
            [("hq.bill.com", "s1"), ("bill.com", "bdc")],
        )
        frm = fa(f"{payer[0]} via BILL", "payments@hq.bill.com")
        hdrs = []
    else:  # tiny supplier, plain mail with PDF, hosted mail, no DMARC
        vend = pick(
            rng,
            (
                ("Kawartha Window Cleaning", "kawarthawindows.ca", "Rob Sinclair"),
                ("Millbrook Courier Services", "millbrookcourier.ca", "Terry Hogan"),
                ("Port Hope Locksmith", "porthopelock.ca", "Dale Vickers"),
            ),
        )
        subject = pick(rng, (f"Invoice {inv}", f"invoice for {t:%B} service", f"Inv #{inv} - Kestrel Lake"))
        plain = f"Hi,\n\nAttached is our invoice for {t:%B} ({pick(rng, list(SITES))} location). Cheque or e-transfer to {pick(rng, ('payments', 'billing', 'office'))}@{vend[1]} is fine.\n\nThanks\n{vend[2]}\n{vend[0]}\n705-555-01{rng.randrange(10, 99)}\n"
        body = mixed(
            rng,
            leaf(plain, "plain", pick(rng, ("us-ascii", "windows-1252")), "7bit"),
            [
                attach(
                    pdf(
                        f"INVOICE {inv}",
                        [vend[0], f"Bill to: {ORG}", f"Amount due: {money(amt)}", "HST included"],
                        "Wave",
                    ),
                    "application/pdf",
                    f"Invoice_{inv}.pdf",
                )
            ],
        )
        host = f"{pick(rng, ('server', 'cp', 'web'))}{rng.randrange(10, 400)}.{pick(rng, ('hostpapa.ca', 'webhostingcanada.org', 'canspace.ca'))}"
        via = Via(
            rp=f"{vend[2].split()[0].lower()}@{vend[1]}",
            relay=(host, host, ip(rng, pick(rng, ("66.165", "192.99", "198.71")))),
            msgid=f"{hx(rng, 32)}@{vend[1]}",
            dkim=[(vend[1], "default", "pass")] if rng.random() < 0.6 else [],
            spf=pick(rng, ("pass", "pass", "softfail", "neutral")),
            headers=[("User-Agent", "Roundcube Webmail/1.6.6")],
        )
        frm = fa(vend[2], f"{vend[2].split()[0].lower()}@{vend[1]}")
        hdrs = []
    return Msg(via, frm, rcpt, subject, t, rcpt_addr, body, hdrs)


# --------------------------------------------------------------------------------------------
# payment platforms


def payment_platform(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(5)
    p = pick(rng, (OLUSEGUN, NATARAJAN, BELANGER, BERG, SIDDIQUI))
    amt = round(rng.uniform(12, 2400), 2)
    if kind == 0:
        merch = pick(
            rng,
            (
                ("Canva", "canva.com"),
                ("Jotform", "jotform.com"),
                ("Calendly", "calendly.com"),
                ("Loom", "loom.com"),
                ("Typeform", "typeform.com"),
            ),
        )
        acct = "acct_1" + rs(rng, 15, ALNUM)
        num_r = f"{rng.randrange(1000, 9999)}-{rng.randrange(1000, 9999)}"
        subject = f"Your receipt from {merch[0]} #{num_r}"
        blocks = [
            ("h", f"Receipt from {merch[0]}"),
            (
                "kv",
                [
                    ("Amount paid", money(amt)),
                    ("Date paid", short_date(t)),
                    ("Payment method", f"Visa – {num(rng, 4)}"),
                ],
            ),
            ("p", f"Receipt #{num_r}"),
            (
                "link",
                "Download receipt",
                f"https://pay.stripe.com/receipts/invoices/{rs(rng, 80, ALNUM)}?s=em",
            ),
            (
                "small",
                f"If you have any questions, contact us at support@{merch[1]}.\nSomething wrong with the email? View it in your browser.\nYou're receiving this email because you made a purchase at {merch[0]}, which partners with Stripe to provide invoicing and payment processing.",
            ),
        ]
        via = v_ses(rng, "stripe.com", sel="lnaxvd2ztpdofttvhdbjsehxpngzqmy2")
        via.rp = f"bounces+{acct}@stripe.com"
        via.relay = (
            f"{pick(rng, ('a', 'b'))}{rng.randrange(10, 99)}-{rng.randrange(1, 250)}.smtp-out.amazonses.com",
        ) * 2 + (ip(rng, "54.240"),)
        frm = fa(merch[0], f"invoice+statements+{acct}@stripe.com")
        hdrs = [("Reply-To", f"billing@{merch[1]}")]
        color = "#635bff"
    elif kind == 1:
        merch = pick(
            rng,
            (
                "Black Honey Bakery",
                "Ashburnham Coffee Co.",
                "The Staples Lindsay Print Centre",
                "Kawartha Dairy",
                "Flowers by Jennifer",
            ),
        )
        subject = f"Receipt from {merch}"
        blocks = [
            ("h", merch),
            (
                "kv",
                [
                    ("Total", money(amt / 10)),
                    ("Card", f"Visa •••• {num(rng, 4)}"),
                    ("Date", f"{t:%b %d %Y at %I:%M %p}"),
                ],
            ),
            ("p", "Thank you for your purchase! How was your experience?"),
            (
                "link",
                "Leave feedback",
                f"https://squareup.com/receipt/preview/{rs(rng, 26, URLSAFE)}?feedback=1",
            ),
            ("link", "View receipt", f"https://squareup.com/receipt/preview/{rs(rng, 26, URLSAFE)}"),
            (
                "small",
                "© 2025 Block, Inc. 1955 Broadway, Suite 600, Oakland, CA 94612\nSquare Privacy Policy · Not your receipt?",
            ),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 30, LOWER)}@messaging.squareup.com",
            f"mail{rng.randrange(1, 99)}.messaging.squareup.com",
            ip(rng, "167.89"),
            f"{uuid(rng)}@messaging.squareup.com",
            [("messaging.squareup.com", "s1"), ("squareup.com", "sq")],
        )
        frm = fa(merch, "receipts@messaging.squareup.com")
        hdrs = []
        color = "#006aff"
    elif kind == 2:
        subject = (
            pick(rng, ("Receipt for your payment to ", "You sent a payment to "))
            + pick(rng, ("Zoho Corporation", "Namecheap, Inc.", "Ontario Medical Association"))
            if rng.random() < 0.7
            else pick(rng, ("Kawartha Health Coalition", "Lakefield Rotary Club", "Trent University"))
            + " sent you "
            + money(amt)
            + " CAD"
        )
        blocks = [
            ("p", f"Hello, {ORG}"),
            (
                "p",
                f"{subject}. {'It may take a few moments for this transaction to appear in your account.' if 'You sent' in subject or 'Receipt' in subject else 'The money is now available in your PayPal balance.'}",
            ),
            (
                "kv",
                [
                    ("Transaction ID", rs(rng, 17, UPPER)),
                    ("Transaction date", f"{t:%B %d, %Y}"),
                    ("Amount", money(amt) + " CAD"),
                ],
            ),
            (
                "btn",
                "View transaction",
                f"https://www.paypal.com/myaccount/transactions/details/{rs(rng, 17, UPPER)}",
            ),
            (
                "small",
                "Help & Contact | Security | Apps\nPayPal is committed to preventing fraudulent emails. Emails from PayPal will always contain your full name. Learn to identify phishing\nPayPal Canada Co., 130 King Street West, Suite 1800, Toronto, ON M5X 1E3",
            ),
        ]
        via = v_own(
            rng,
            "service@paypal.ca",
            f"mx{rng.randrange(1, 9)}.slc.paypal.com",
            ip(rng, "173.0.84"),
            f"{uuid(rng)}@phx-{rng.randrange(1, 9)}.paypal.com",
            [("paypal.ca", "pp-dkim1")],
        )
        frm = fa("PayPal", "service@paypal.ca")
        hdrs = []
        color = "#003087"
    elif kind == 3:
        subject = pick(
            rng,
            (
                "Your payout is on its way",
                "Payment received from a patient",
                "Your Stripe payout has been paid",
            ),
        )
        rcpt_p = OLUSEGUN
        blocks = [
            ("p", f"Hi {rcpt_p.first},"),
            (
                "p",
                f"A payout of {money(amt * 5)} CAD to your bank account RBC ••••{num(rng, 4)} has been {'initiated' if 'way' in subject else 'paid'}. It should arrive on {short_date(t + timedelta(days=2))}.",
            ),
            (
                "p",
                "This payout includes uninsured service fees (sick notes, forms, travel vaccines) collected online through the patient portal.",
            ),
            ("btn", "View payout", f"https://dashboard.stripe.com/payouts/po_1{rs(rng, 23, ALNUM)}"),
            ("small", "Stripe, 510 Townsend Street, San Francisco, CA 94103 · Stripe Payments Canada, Ltd."),
        ]
        via = v_ses(rng, "stripe.com", sel="lnaxvd2ztpdofttvhdbjsehxpngzqmy2")
        via.rp = f"bounces+acct_1{rs(rng, 15, ALNUM)}@stripe.com"
        frm = fa("Stripe", "notifications@stripe.com")
        hdrs = []
        color = "#635bff"
        p = rcpt_p
    else:
        subject = f"Interac e-Transfer: {pick(rng, ('MARGARET DUNN', 'ROBERT CAMPBELL', 'PRIYA SHAH', 'J. THIBODEAU'))} sent you money."
        rc, rca = shared("billing")
        blocks = [
            ("p", "Hi KESTREL LAKE HEALTH GROUP,"),
            (
                "p",
                f"{subject.split(': ')[1].replace(' sent you money.', '')} sent you {money(rng.uniform(20, 120))} (CAD) and the money has been automatically deposited into your bank account at Royal Bank of Canada.",
            ),
            (
                "p",
                f"Message: {pick(rng, ('form fee - driver medical', 'Sick note for work', 'missed appt fee', 'Travel clinic vaccines'))}",
            ),
            ("p", f"Reference Number: CA{rs(rng, 10, UPPER)}"),
            (
                "small",
                "Please do not reply to this email. This is a system generated notification from Interac Corp. Interac e-Transfer is a registered trade-mark of Interac Corp.",
            ),
        ]
        via = v_own(
            rng,
            "notify@payments.interac.ca",
            f"mta{rng.randrange(1, 9)}.payments.interac.ca",
            ip(rng, "142.150.178"),
            f"{uuid(rng)}@payments.interac.ca",
            [("payments.interac.ca", "s1")],
        )
        frm = fa("Interac e-Transfer", "notify@payments.interac.ca")
        return Msg(via, frm, rc, subject, t, rca, notice(rng, blocks, color="#fdb913"))
    return Msg(via, frm, to_of(p), subject, t, p.addr, notice(rng, blocks, color=color), hdrs, tz=UTC)


# --------------------------------------------------------------------------------------------
# the group's bank and card


def bank(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(4)
    p = pick(rng, (OLUSEGUN, OLUSEGUN, NATARAJAN, MACPHERSON))
    if kind == 0:
        subject = pick(
            rng,
            (
                "RBC Express: Wire payment released",
                "RBC Express: Payment file approved",
                "RBC Express: An approval is waiting",
            ),
        )
        blocks = [
            ("p", f"Dear {p.first} {p.last},"),
            (
                "p",
                {
                    "Wire payment released": f"A wire payment of {money(rng.uniform(2000, 60000))} CAD (reference {num(rng, 9)}) was released on {short_date(t)}.",
                    "Payment file approved": f"Payment file {pick(rng, ('AP', 'PAYROLL'))}{t:%Y%m%d} with {rng.randrange(8, 60)} items was approved by {pick(rng, ('D. Olusegun', 'C. MacPherson'))}.",
                    "An approval is waiting": "A payment requires your approval in RBC Express Online Banking.",
                }[subject.split(": ")[1]],
            ),
            (
                "p",
                "To view details, sign in to RBC Express at www.rbcexpress.com. For your security, this email does not contain links.",
            ),
            ("p", "If you did not expect this message, call RBC Express Client Support at 1-800-769-2535."),
            (
                "small",
                "Royal Bank of Canada, 200 Bay Street, Toronto, ON M5J 2J5. ® / ™ Trademark(s) of Royal Bank of Canada. This is an automated message; please do not reply.",
            ),
        ]
        via = v_own(
            rng,
            "rbcexpress@rbc.com",
            f"mail{rng.randrange(1, 9)}.rbc.com",
            ip(rng, "142.245.96"),
            f"{rng.randrange(10**8, 10**9)}.{rng.randrange(10**4, 10**5)}@rbc.com",
            [("rbc.com", "rbc1")],
        )
        frm = fa("RBC Express", "rbcexpress@rbc.com")
        color = "#005daa"
    elif kind == 1:
        subject = pick(
            rng,
            (
                "Did you make this purchase?",
                "Fraud alert on your RBC Avion Visa Business",
                "RBC Fraud Prevention: please confirm recent activity",
            ),
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"We noticed unusual activity on your RBC Avion Visa Business card ending in {num(rng, 4)} and have temporarily put a hold on new purchases to protect you.",
            ),
            (
                "kv",
                [
                    (
                        "Merchant",
                        pick(
                            rng,
                            ("AMZN MKTP CA", "APPLE.COM/BILL", "UBER CANADA/UBEREATS", "GOOGLE *WORKSPACE"),
                        ),
                    ),
                    ("Amount", money(rng.uniform(20, 900))),
                    ("Date", short_date(t)),
                ],
            ),
            (
                "p",
                "Please reply YES if you made this purchase, or NO if you did not, to the text message we sent you, or call us at the number on the back of your card.",
            ),
            (
                "p",
                "We will never ask you for your card number, PIN or online banking password by email or text.",
            ),
            ("small", "Royal Bank of Canada. This is an automated message; please do not reply."),
        ]
        via = v_own(
            rng,
            "fraud.alerts@rbc.com",
            f"mail{rng.randrange(1, 9)}.rbc.com",
            ip(rng, "142.245.96"),
            f"{rng.randrange(10**8, 10**9)}@rbc.com",
            [("rbc.com", "rbc1")],
        )
        frm = fa("RBC Royal Bank", "fraud.alerts@rbc.com")
        color = "#005daa"
    elif kind == 2:
        subject = pick(
            rng,
            (
                "Your statement is ready",
                "Your American Express® Business Gold Card statement is ready",
                "Payment received - Thank you",
            ),
        )
        blocks = [
            ("p", f"Hi {p.first.upper()},"),
            (
                "p",
                "Your latest statement is now available online."
                if "statement" in subject
                else f"We've received your payment of {money(rng.uniform(1000, 15000))}. Thank you.",
            ),
            (
                "kv",
                [
                    ("Card ending in", num(rng, 5)),
                    ("Closing date", short_date(t)),
                    ("New balance", money(rng.uniform(1500, 18000))),
                ],
            ),
            (
                "btn",
                "View statement",
                "https://www.americanexpress.com/en-ca/account/login?inav=ca_utility_login&DestPage=%2Fdashboard",
            ),
            (
                "small",
                "Please do not reply to this email. American Express is a registered trademark of American Express. Amex Bank of Canada, 101 McNabb Street, Markham, ON L3R 4H8\nYour account ending in "
                + num(rng, 5),
            ),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 8, LOWER)}@welcome.americanexpress.com",
            f"mta{rng.randrange(1, 9)}.welcome.americanexpress.com",
            ip(rng, "148.173.96"),
            f"{uuid(rng)}@americanexpress.com",
            [("welcome.americanexpress.com", "200608"), ("americanexpress.com", "ax")],
        )
        frm = fa("American Express", "AmericanExpress@welcome.americanexpress.com")
        color = "#006fcf"
    else:
        subject = pick(
            rng,
            (
                "Important changes to your Business Account agreement",
                "Upcoming changes to RBC Express service fees",
                "Reminder: positive pay exceptions to review",
            ),
        )
        blocks = [
            ("p", "Dear Client,"),
            (
                "p",
                "We're writing to let you know about changes to the terms that apply to your RBC business deposit account, effective "
                + short_date(t + timedelta(days=45))
                + "."
                if "agreement" in subject or "fees" in subject
                else "You have cheque exceptions awaiting a pay or return decision in RBC Express Positive Pay. Decisions are due by 2:00 p.m. ET.",
            ),
            (
                "p",
                "A summary of the changes is available when you sign in to RBC Express. You don't need to do anything to accept them; continuing to use your account means you agree."
                if "agreement" in subject or "fees" in subject
                else "Unanswered exceptions will be processed according to your default decision (return).",
            ),
            ("p", "Questions? Contact your Account Manager or call 1-800-769-2520."),
            ("small", "Royal Bank of Canada. RBC Express is a registered trademark of Royal Bank of Canada."),
        ]
        via = v_own(
            rng,
            "rbcexpress@rbc.com",
            f"mail{rng.randrange(1, 9)}.rbc.com",
            ip(rng, "142.245.96"),
            f"{rng.randrange(10**8, 10**9)}.{rng.randrange(10**4, 10**5)}@rbc.com",
            [("rbc.com", "rbc1")],
        )
        frm = fa("RBC Express", "rbcexpress@rbc.com")
        color = "#005daa"
    return Msg(via, frm, to_of(p), subject, t, p.addr, notice(rng, blocks, color=color))


# --------------------------------------------------------------------------------------------
# a supplier's genuine change of banking details, announced carefully


def bank_change(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(3)
    rc, rca = shared("ap") if rng.random() < 0.5 else (to_of(NATARAJAN), NATARAJAN.addr)
    if kind == 0:
        c = RIDGELINE
        subject = pick(
            rng,
            (
                "Change of banking information - Ridgeline Office Systems",
                "IMPORTANT: New bank account for payments to Ridgeline Office Systems",
                "Ridgeline Office Systems - updated remittance details effective "
                + f"{(t + timedelta(days=30)):%B %-d}",
            ),
        )
        plain = (
            f"Dear valued customer,\n\nAs part of our move to {pick(rng, ('BMO', 'Scotiabank', 'CIBC'))}, Ridgeline Office Systems will change the bank account into which EFT payments should be made, effective {long_date(t + timedelta(days=30))}. "
            "Payments made to our current account at TD will continue to be accepted until that date.\n\n"
            "For your protection, we are NOT including the new account numbers in this email. The attached letter on our letterhead has the details and is signed by our Controller. "
            "Before you update your vendor record, please call our accounts receivable team to verify the change using the phone number you already have on file for us, or the number on your last invoice (905-555-0133). "
            "Please do not use any phone number provided in an email that claims to be from us.\n\n"
            "We will never ask you to change banking details urgently or by email alone. If you receive a request that does not match this process, please contact us.\n\n"
            "Thank you for your business,\n\n"
            + _sig("Tanya Moreau", "Controller", c.org, "905-555-0133", c.domain)
            + "\n"
        )
        att = attach(
            pdf(
                "Notice of change of banking information",
                [
                    c.org,
                    "1550 Hopkins Street, Whitby, ON",
                    f"Date: {long_date(t)}",
                    "To our customers:",
                    "Effective date: " + long_date(t + timedelta(days=30)),
                    "New bank: see page 2 (call to verify before use)",
                    "Signed: Tanya Moreau, CPA, Controller",
                ],
            ),
            "application/pdf",
            "Ridgeline - Change of Banking Information.pdf",
        )
        body = mixed(
            rng,
            alt(
                rng,
                plain,
                doc([("p", x) for x in plain.split("\n\n")])[1],
                "utf-8",
                "quoted-printable",
                "outlook",
            ),
            [att],
            "outlook",
        )
        via = corr_via(rng, c, "tmoreau")
        frm = fa("Tanya Moreau", f"tmoreau@{c.domain}")
    elif kind == 1:
        c = TVMED
        subject = "RE: " + pick(
            rng,
            ("Banking change - please confirm by phone", "Updated EFT details - Trent Valley Medical Supply"),
        )
        plain = (
            "Hi Priya,\n\nThanks for calling this morning to confirm - that was exactly the right thing to do. As we discussed, the new account is effective on the 1st and the details are in the signed letter I sent last week. "
            "Steve in our office also confirmed with Derek by phone.\n\nPlease send us the first remittance to the new account once it's set up and we'll confirm receipt.\n\n"
            "Janet\n\n"
            + _sig("Janet Cormier", "Accounts Receivable", c.org, "705-555-0171 ext. 204", c.domain)
            + f"\n\nFrom: Priya Natarajan <p.natarajan@{DOM}>\nSent: {long_date(t - timedelta(hours=3))} 9:12 AM\nTo: Janet Cormier <jcormier@{c.domain}>\nSubject: Banking change - please confirm by phone\n\n"
            f"Hi Janet,\n\nWe received your letter about the change of bank account. Per our policy I'll call you on the number on file (705-555-0171) before we change anything. Are you around this morning?\n\nThanks,\nPriya\n"
        )
        body = leaf(plain, "plain", "utf-8", "quoted-printable")
        via = corr_via(rng, c, "jcormier")
        frm = fa("Janet Cormier", f"jcormier@{c.domain}")
        ref = f"<{rs(rng, 30, UPPER)}@{DOM}>"
        return Msg(
            via,
            frm,
            to_of(NATARAJAN),
            subject,
            t,
            NATARAJAN.addr,
            body,
            [("Cc", fa("Derek Olusegun", OLUSEGUN.addr)), ("In-Reply-To", ref), ("References", ref)],
        )
    else:
        c = NORTHBEAM
        subject = "Notice: Northbeam Technologies is moving to a new payment provider"
        blocks = [
            ("p", "Hello,"),
            (
                "p",
                "Starting with invoices dated on or after "
                + long_date(t + timedelta(days=21))
                + ", Northbeam Technologies will collect payments through our new billing portal powered by Stripe. Invoices will come from invoice+statements@stripe.com on our behalf, with a link to pay by pre-authorized debit, EFT or card.",
            ),
            (
                "p",
                "Our legal name, HST number and remit-to address are unchanged. Existing pre-authorized debit agreements will be migrated; you will receive a PAD confirmation before the first debit as required by Payments Canada Rule H1.",
            ),
            (
                "p",
                "If you prefer to keep paying by EFT, the banking details printed on your invoices will remain the same. If you ever receive instructions to pay a different account, please call your account manager directly at 905-555-0119 before acting on them.",
            ),
            ("p", "Thank you,\nGraham Tull\nDirector, Client Services\nNorthbeam Technologies Inc."),
        ]
        body = notice(rng, blocks, brand="Northbeam Technologies", color="#0a6e5c", style="outlook")
        via = corr_via(rng, c, "gtull")
        frm = fa("Graham Tull", f"gtull@{c.domain}")
    return Msg(via, frm, rc, subject, t, rca, body)


# --------------------------------------------------------------------------------------------
# payroll and benefits


def payroll(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(5)
    p = _who(rng)
    if kind == 0:
        subject = pick(rng, ("Your pay statement is available", "Your pay stub is ready to view"))
        blocks = [
            ("p", f"Hello {p.first},"),
            (
                "p",
                f"Your pay statement for the pay date {short_date(t + timedelta(days=2))} is now available in ADP Workforce Now.",
            ),
            (
                "btn",
                "View pay statement",
                "https://workforcenow.adp.com/theme/index.html#/Myself/MyselfTabPayTaxesCategoryTab/MyselfTabPayStatementsCategoryTab",
            ),
            (
                "p",
                "To view your pay statement, sign in using your ADP user ID and password. ADP will never ask for your password or banking information by email.",
            ),
            (
                "small",
                "This email was sent from a notification-only address that cannot accept incoming email. Please do not reply to this message.\nADP Canada Co., 3250 Bloor Street West, 16th Floor, Etobicoke, ON M8X 2X9",
            ),
        ]
        via = v_own(
            rng,
            "noreply@adp.com",
            f"mail{rng.randrange(1, 20)}.adp.com",
            ip(rng, "170.146.160"),
            f"{rng.randrange(10**8, 10**9)}.{rng.randrange(10**5, 10**6)}.JavaMail.wfnprod@adp.com",
            [("adp.com", "adp2048")],
        )
        frm = fa("ADP", "noreply@adp.com")
        color = "#d0271d"
    elif kind == 1:
        code = num(rng, 6)
        subject = "ADP Security Code"
        blocks = [
            ("p", f"Your ADP security code is {code}."),
            (
                "p",
                "This code expires in 15 minutes. If you did not request a code, someone may be trying to access your account. Contact your administrator.",
            ),
            ("small", "ADP, Inc. Roseland, NJ 07068. Please do not reply to this email."),
        ]
        via = v_own(
            rng,
            "SecurityServices_NoReply@adp.com",
            f"mail{rng.randrange(1, 20)}.adp.com",
            ip(rng, "170.146.160"),
            f"{rng.randrange(10**8, 10**9)}.JavaMail.ssprod@adp.com",
            [("adp.com", "adp2048")],
        )
        frm = fa("ADP Security Services", "SecurityServices_NoReply@adp.com")
        color = "#d0271d"
    elif kind == 2:
        yr = pick(rng, (2024, 2025))
        subject = pick(
            rng,
            (
                f"Your {yr} T4 slip is now available",
                f"Tax slips for {yr} are ready",
                f"Your {yr} year-end tax forms are available online",
            ),
        )
        t = datetime(yr + 1, 2, rng.randrange(3, 26), rng.randrange(7, 18), rng.randrange(60), tzinfo=TZ)
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"Your {yr} T4 Statement of Remuneration Paid and RL-1 (if applicable) are now available to view and download in ADP Workforce Now under Myself > Pay > Tax Statements.",
            ),
            (
                "p",
                "Paper copies will not be mailed to employees who have consented to electronic delivery. If you need a copy, you can print it from the portal.",
            ),
            (
                "btn",
                "Go to Tax Statements",
                "https://workforcenow.adp.com/theme/index.html#/Myself/MyselfTabPayTaxesCategoryTab/MyselfTabTaxStatementsCategoryTab",
            ),
            ("small", "ADP Canada Co. This is a notification-only email."),
        ]
        via = v_own(
            rng,
            "noreply@adp.com",
            f"mail{rng.randrange(1, 20)}.adp.com",
            ip(rng, "170.146.160"),
            f"{rng.randrange(10**8, 10**9)}.JavaMail.wfnprod@adp.com",
            [("adp.com", "adp2048")],
        )
        frm = fa("ADP", "noreply@adp.com")
        color = "#d0271d"
    elif kind == 3:
        subject = pick(
            rng,
            (
                "Your claim has been processed",
                "Action needed: Update your dependant information",
                "You have a new message in my Sun Life",
                "Your Health Spending Account balance",
            ),
        )
        blocks = [
            ("p", f"Hello {p.first},"),
            (
                "p",
                {
                    "Your claim has been processed": f"Your claim submitted on {short_date(t - timedelta(days=3))} has been processed. Payment of {money(rng.uniform(40, 600))} will be deposited to your bank account on file.",
                    "Action needed: Update your dependant information": "Our records show that a dependant on your plan will turn 21 this year. To keep their coverage, confirm they are a full-time student by signing in to my Sun Life.",
                    "You have a new message in my Sun Life": "You have a new secure message about your group benefits plan. For your privacy, we don't include details in this email.",
                    "Your Health Spending Account balance": f"You have {money(rng.uniform(100, 900))} left in your Health Spending Account for this benefit year. Unused funds may be carried forward for one year.",
                }[subject],
            ),
            ("btn", "Sign in to my Sun Life", "https://www.mysunlife.ca/"),
            (
                "small",
                "Sun Life Assurance Company of Canada, 227 King Street South, Waterloo, ON N2J 4C5. This email was sent to "
                + p.addr
                + " because you are a member of a Sun Life group benefits plan. Please do not reply to this email.",
            ),
        ]
        via = v_own(
            rng,
            "bounce@mail.sunlife.com",
            f"mta{rng.randrange(1, 9)}.mail.sunlife.com",
            ip(rng, "136.147.182"),
            f"{uuid(rng)}@sunlife.com",
            [("mail.sunlife.com", "200608"), ("sunlife.com", "slf")],
        )
        frm = fa("Sun Life", "no-reply@sunlife.com")
        color = "#ffcb05"
    else:
        subject = (
            pick(
                rng,
                (
                    "Wagepoint: Payroll approved for",
                    "Wagepoint: Your payroll is due tomorrow –",
                    "Wagepoint: Funds withdrawal notice for",
                ),
            )
            + f" {ORG}"
        )
        p = REYES
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"Payroll for the period ending {short_date(t)} ({rng.randrange(60, 150)} employees) has been approved. We will withdraw {money(rng.uniform(180000, 290000))} from your account ending in {num(rng, 4)} on {short_date(t + timedelta(days=1))}."
                if "approved" in subject or "withdrawal" in subject
                else f"Your next payroll (pay date {short_date(t + timedelta(days=3))}) must be approved by 4:00 p.m. ET tomorrow so your team is paid on time.",
            ),
            ("btn", "Go to Wagepoint", "https://app.wagepoint.com/"),
            (
                "small",
                "Wagepoint Inc., 1 Nicholas Street, Suite 1310, Ottawa, ON K1N 7B7 · You're receiving this because you're a payroll admin for "
                + ORG,
            ),
        ]
        via = v_sendgrid(rng, "wagepoint.com", p.addr)[0]
        frm = fa("Wagepoint", "notifications@wagepoint.com")
        color = "#00a0a0"
    return Msg(via, frm, to_of(p), subject, t, p.addr, notice(rng, blocks, color=color))


# --------------------------------------------------------------------------------------------
# mail from colleagues


def v_internal(rng: random.Random, sender: str, client: str = "outlook") -> Via:
    pc = f"KLHG-{pick(rng, ('LT', 'PC'))}{rng.randrange(100, 400):04d}"
    lan = f"10.{rng.choice((20, 21, 22, 23))}.{rng.randrange(1, 9)}.{rng.randrange(20, 240)}"
    hop = f"from {pc} (unknown [{lan}])\n\t(Authenticated sender: {sender.split('@')[0]})\n\tby smtp.{DOM} (Postfix) with ESMTPSA id {rs(rng, 12, QID)};\n\t{{T}}"
    if client == "outlook":
        mid = f"{rs(rng, 20, UPPER)}${hx(rng, 8)}${hx(rng, 8)}$@{DOM}"
        headers = [
            ("Thread-Topic", ""),
            ("Thread-Index", "AQ" + rs(rng, 22, B64) + "=="),
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Content-Language", "en-ca"),
            ("X-MS-Has-Attach", ""),
        ]
        style = "outlook"
    else:
        mid = f"{uuid(rng)}@{DOM}"
        headers = [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "en-CA")]
        style = "plain"
    return Via(
        rp=sender,
        relay=(f"smtp.{DOM}", f"smtp.{DOM}", "10.20.0.30"),
        msgid=mid,
        dkim=[(DOM, "klh2024", "pass")],
        hops=[hop],
        headers=headers,
        style=style,
    )


def v_app(rng: random.Random, sender: str, app: str) -> Via:
    """An on-premises application relaying through the internal submission server."""
    hop = f"from {app} ({app}.corp.{DOM} [10.20.5.{rng.randrange(10, 90)}])\n\tby smtp.{DOM} (Postfix) with ESMTP id {rs(rng, 12, QID)};\n\t{{T}}"
    return Via(
        rp=sender,
        relay=(f"smtp.{DOM}", f"smtp.{DOM}", "10.20.0.30"),
        msgid=f"{rng.randrange(10**9, 10**10)}.{hx(rng, 8)}@{app}.corp.{DOM}",
        dkim=[(DOM, "klh2024", "pass")],
        hops=[hop],
        tls="",
    )


ALL_STAFF = fa("All Staff", f"allstaff@{DOM}")


def hr_announce(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(6)
    s = pick(rng, (WHITFIELD, REYES, MACPHERSON, BERG))
    rcpt = _who(rng)
    if kind == 0:
        yr = t.year + (1 if t.month >= 10 else 0)
        s = REYES
        subject = pick(
            rng,
            (
                f"Benefits open enrolment for {yr} - action required by {short_date(t + timedelta(days=14))}",
                "REMINDER: Open enrolment closes Friday",
                f"Open enrolment {yr}: new flex options",
            ),
        )
        plain = (
            f"Hi everyone,\n\nOpen enrolment for our group benefits plan with Sun Life is now open and closes on {long_date(t + timedelta(days=14))}. This is the one time each year you can change your coverage level (single, couple, family) and choose your flex credits allocation without a life event.\n\n"
            "What's new this year:\n  - Mental health practitioner maximum increases from $1,000 to $1,500\n  - Health Spending Account carry-forward is now 12 months\n  - Virtual care through Lumino Health is included\n\n"
            "How to enrol: sign in to my Sun Life (mysunlife.ca) > Coverage > Make a change. If you don't make a selection, your current coverage carries over.\n\n"
            "I'm holding two drop-in info sessions on Teams (Tuesday 12:15 and Thursday 4:30); invites to follow. Questions? Reply to me or call ext. 2140.\n\nThanks,\nTom\n\n"
            f"Tom Reyes\nPayroll & Benefits Administrator | {ORG}\n{ADDRESS} | {PHONE} ext. 2140\n"
        )
        body = alt(
            rng,
            plain,
            doc([("p", x) for x in plain.split("\n\n")])[1],
            "utf-8",
            "quoted-printable",
            "outlook",
        )
    elif kind == 1:
        subject = pick(
            rng,
            (
                "Updated policy: Respectful Workplace (HR-07) - please acknowledge",
                "Annual privacy and confidentiality attestation due",
                "Reminder: mandatory WHMIS and AODA training",
            ),
        )
        body = leaf(
            f"Good morning,\n\n{('We have updated our Respectful Workplace policy (HR-07). Please read it on the intranet and click Acknowledge at the bottom of the page by ' + long_date(t + timedelta(days=21)) + '.') if 'policy' in subject else ('As required under PHIPA and our privacy program, every staff member, physician and student must complete the annual confidentiality attestation. It takes about 10 minutes in the LMS.' if 'privacy' in subject else 'All staff must complete WHMIS 2015 and AODA Customer Service modules every year. Your completion status is visible in the LMS.')}\n\n"
            f"Link: https://intranet.{DOM}/hr/{pick(rng, ('policies', 'training', 'attestations'))}\n\nManagers will receive a list of incomplete items after the deadline.\n\nThank you,\n{s.name}\n{s.title}\n",
            "plain",
            "utf-8",
            "quoted-printable",
        )
    elif kind == 2:
        subject = pick(
            rng,
            (
                "Town hall next Thursday + Q&A form",
                "Welcome our new team members!",
                "Holiday clinic hours and on-call schedule",
                "Staff appreciation BBQ - RSVP",
            ),
        )
        s = pick(rng, (MACPHERSON, BERG))
        txt = {
            "Town hall next Thursday + Q&A form": "Our quarterly all-staff town hall is next Thursday at 12:30 in the Peterborough boardroom and on Teams. We'll cover the new Port Hope site, the OHT funding update and EMR migration timelines. Submit questions anonymously through the form on the intranet.",
            "Welcome our new team members!": f"Please join me in welcoming Dr. {pick(rng, ('Aaron Feldman', 'Naledi Mokoena', 'Josée Lapointe'))} (family physician, Cobourg), {pick(rng, ('Caitlin Moore', 'Marcus Chu'))} (RPN, Lindsay) and {pick(rng, ('Sana Qureshi', 'Devon Parks'))} (medical office assistant, Peterborough). Say hello when you see them!",
            "Holiday clinic hours and on-call schedule": "All sites are closed December 25, 26 and January 1. Peterborough runs a reduced walk-in clinic December 27-31 from 9 to 3. The on-call schedule is posted on the intranet and in the staff rooms.",
            "Staff appreciation BBQ - RSVP": "It's that time again! Staff appreciation BBQ at Beavermead Park, Saturday from 11 to 3. Families welcome. Please RSVP on the form so we can order enough food (vegetarian and halal options available).",
        }[subject]
        plain = f"Hi all,\n\n{txt}\n\n{s.first}\n\n{s.name} | {s.title}\n{ORG}\n"
        html = doc(
            [
                ("p", "Hi all,"),
                ("p", txt),
                ("link", "Open the intranet page", f"https://intranet.{DOM}/news/{rs(rng, 6, LOWER)}"),
                ("p", s.first),
            ],
            brand=ORG,
            color="#2f6f4e",
        )[1]
        body = alt(rng, plain, html, "utf-8", "quoted-printable", "outlook")
    elif kind == 3:
        subject = (
            "Your vacation request has been approved"
            if rng.random() < 0.5
            else "Timesheet reminder: pay period ending " + short_date(t)
        )
        s = None
        body = leaf(
            f"Hello {rcpt.first},\n\n"
            + (
                f"Your time-off request for {short_date(t + timedelta(days=20))} - {short_date(t + timedelta(days=24))} (Vacation, {rng.randrange(3, 5)} days) has been approved by {pick(rng, (GREENE, DOUCETTE, TREMBLAY)).name}."
                if "vacation" in subject
                else "Your timesheet for the current pay period has not been submitted. Please submit it by noon tomorrow so payroll can be processed."
            )
            + f"\n\nView in the scheduling system: https://schedule.{DOM}/me/requests\n\nThis is an automated message from KLHG Scheduling.\n",
            "plain",
            "us-ascii",
            "7bit",
        )
        via = v_app(rng, f"scheduling@{DOM}", "sched01")
        return Msg(
            via,
            fa("KLHG Scheduling", f"scheduling@{DOM}"),
            to_of(rcpt),
            subject,
            t,
            rcpt.addr,
            body,
            [("Auto-Submitted", "auto-generated")],
        )
    elif kind == 4:
        subject = "Réunion d'équipe – Cobourg / Team meeting – Cobourg"
        s = GAGNON
        body = leaf(
            "Bonjour à toutes et à tous,\n\nLa réunion d'équipe de Cobourg aura lieu mercredi à 8 h 15 dans la salle de conférence. À l'ordre du jour : horaires d'été, nouveaux formulaires d'admission et la formation sur le défibrillateur.\n\n"
            "Hello everyone,\n\nThe Cobourg team meeting is Wednesday at 8:15 in the conference room. Agenda: summer schedule, new intake forms and AED refresher training.\n\nMerci / Thanks,\nLucie\n\nLucie Gagnon\nAdjointe administrative / Office Administrator\n"
            + SITES["Cobourg"]
            + "\n",
            "plain",
            pick(rng, ("iso-8859-1", "windows-1252", "utf-8")),
            "quoted-printable",
        )
    else:
        subject = "Payroll: T4 slips and your address"
        s = REYES
        body = leaf(
            f"Hi everyone,\n\nT4 slips for last year will be available in ADP by the end of February. If you moved in the past year, please update your home address in ADP (Myself > Profile) before February 15 so your slip is correct.\n\nReminder: ADP or payroll will never ask you to send your SIN or bank information by email. If you get an email asking for that, forward it to it@{DOM}.\n\nThanks,\nTom\n",
            "plain",
            "utf-8",
            "7bit",
        )
    via = v_internal(rng, s.addr, pick(rng, ("outlook", "outlook", "thunderbird")))
    return Msg(
        via,
        to_of(s),
        ALL_STAFF if kind != 4 else fa("Cobourg Team", f"cobourg@{DOM}"),
        subject,
        t,
        rcpt.addr,
        body,
    )


def it_desk(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(6)
    rcpt = _who(rng)
    s = pick(rng, (BELANGER, KOWALCZYK))
    if kind == 0:
        subject = pick(
            rng,
            (
                "Security Awareness Bulletin: spot the fake",
                "Cyber Security Awareness Month - Week 2: phishing",
                'IT Security Tip: fake invoices and "urgent" requests',
                "Phishing alert: fake Microsoft 365 password expiry emails",
            ),
        )
        lures = rng.sample(
            [
                '"Your mailbox is full - click here to verify your account or it will be deleted within 24 hours"',
                '"Your password expires today. Keep your current password by signing in here"',
                '"You have received a secure voicemail (00:47). Listen now"',
                "\"Urgent: please process this wire transfer today, I'm in meetings and can't talk\"",
                '"We have updated our banking details, please send all future payments to the new account"',
                '"DocuSign: please review and sign the attached payroll adjustment"',
                '"Your parcel could not be delivered. Pay the $2.99 redelivery fee"',
                '"CRA: you are eligible for a refund of $489.22. Claim it by Interac e-Transfer"',
                '"Can you buy 5 Apple gift cards for a client? I\'ll reimburse you"',
            ],
            4,
        )
        plain = (
            "Hi everyone,\n\nThis month we saw several phishing emails reach staff mailboxes. Here are real examples (with the links removed):\n\n"
            + "\n".join(f"  * {x}" for x in lures)
            + "\n\nWhat to look for:\n  * Pressure to act fast, secrecy, or threats that your account will be closed\n  * A sender name that looks right but an address that doesn't\n  * Links that go to a site other than the one named - hover before you click\n  * Any request to change banking details, buy gift cards or share a code\n\n"
            f'What to do: use the "Report Phishing" button in Outlook, or forward the message as an attachment to it@{DOM}. If you clicked or entered your password, call the service desk right away at ext. 2100 - you won\'t be in trouble.\n\n'
            f"Next simulated phishing campaign: sometime this quarter. Everyone who reports it gets an entry in the coffee card draw.\n\nStay safe,\n{s.name}\n{s.title}\n"
        )
        html = doc(
            [
                ("h", subject),
                (
                    "p",
                    "This month we saw several phishing emails reach staff mailboxes. Here are real examples (with the links removed):",
                ),
                ("list", lures),
                ("p", "What to look for:"),
                (
                    "list",
                    [
                        "Pressure to act fast, secrecy, or threats that your account will be closed",
                        "A sender name that looks right but an address that doesn't",
                        "Links that go to a site other than the one named - hover before you click",
                        "Any request to change banking details, buy gift cards or share a code",
                    ],
                ),
                (
                    "p",
                    f"What to do: use the Report Phishing button in Outlook, or forward the message as an attachment to it@{DOM}. If you clicked or entered your password, call the service desk right away at ext. 2100.",
                ),
                ("p", f"Stay safe,\n{s.name}"),
            ],
            brand="KLHG IT Security",
            color="#b3261e",
        )[1]
        body = alt(rng, plain, html, "utf-8", "quoted-printable", "outlook")
        to = ALL_STAFF
    elif kind == 1:
        subject = pick(
            rng,
            (
                "Planned maintenance: EMR unavailable Saturday 10pm-2am",
                "Wi-Fi change at Lindsay this weekend",
                "ACTION REQUIRED: MFA enrolment for all staff by Friday",
                "Windows updates and restarts tonight",
            ),
        )
        plain = {
            0: "The EMR vendor will apply a mandatory update this Saturday from 10 p.m. to 2 a.m. The EMR and patient portal will be unavailable. Downtime procedures (paper forms) are in the red binder at each front desk.",
            1: "We're replacing the wireless access points at Lindsay. The staff network name changes from KLHG-Staff to KLHG-Secure. Your laptop will connect automatically on Monday; phones need you to sign in again with your network password.",
            2: "We are turning on multi-factor authentication for everyone on Okta. You will be prompted to enrol Okta Verify on your phone the next time you sign in. If you don't have a work phone, a hardware key is available from IT. You do not need to reply to this email and nobody from IT will ask for your code.",
            3: "Workstations will install this month's Windows security updates tonight and restart at 11 p.m. Please save your work and leave your computer on (logged off is fine).",
        }[
            [
                "Planned maintenance: EMR unavailable Saturday 10pm-2am",
                "Wi-Fi change at Lindsay this weekend",
                "ACTION REQUIRED: MFA enrolment for all staff by Friday",
                "Windows updates and restarts tonight",
            ].index(subject)
        ]
        body = leaf(
            f"Hi all,\n\n{plain}\n\nQuestions: it@{DOM} or ext. 2100.\n\nThanks,\n{s.first}\n\n{s.name} | {s.title} | {ORG}\n",
            "plain",
            "utf-8",
            pick(rng, ("7bit", "quoted-printable")),
        )
        to = ALL_STAFF
    elif kind == 2:
        tn = rng.randrange(10000, 40000)
        subject = pick(
            rng,
            (
                f"[Ticket #{tn}] Printer at Lindsay front desk jamming",
                f"[Ticket #{tn}] Request: access to shared drive",
                f"[Ticket #{tn}] Resolved: cannot sign in to EMR",
            ),
        )
        blocks = [
            ("p", f"Hello {rcpt.first},"),
            (
                "p",
                "Your request has been received and assigned to a technician."
                if "Resolved" not in subject
                else "Your ticket has been marked as resolved. If the problem continues, reply to this email within 7 days to reopen it.",
            ),
            (
                "kv",
                [
                    ("Ticket", f"#{tn}"),
                    ("Status", "Resolved" if "Resolved" in subject else "Open"),
                    ("Assigned to", s.name),
                    ("Priority", pick(rng, ("Normal", "Low", "High"))),
                ],
            ),
            (
                "link",
                "View your ticket",
                f"https://kestrellakehealth.atlassian.net/servicedesk/customer/portal/2/IT-{tn}",
            ),
            (
                "small",
                "This is an automated message from the KLHG IT Service Desk (Jira Service Management).",
            ),
        ]
        body = notice(rng, blocks, color="#0c66e4")
        via = v_ses(rng, "atlassian.net", sel="s1")
        via.dkim = [("atlassian.net", "s1", "pass"), ("amazonses.com", SES_US, "pass")]
        via.rp = f"bounce-{rs(rng, 16, LOWER)}@bounces.atlassian.net"
        frm = fa("KLHG IT Service Desk", "jira@kestrellakehealth.atlassian.net")
        return Msg(
            via,
            frm,
            to_of(rcpt),
            subject,
            t,
            rcpt.addr,
            body,
            [("Reply-To", f"it@{DOM}"), ("Auto-Submitted", "auto-generated")],
            tz=UTC,
        )
    elif kind == 3:
        subject = pick(
            rng,
            (
                "Your password expires in 7 days",
                "Your password will expire in 3 days",
                "Password expiry notice",
            ),
        )
        days = int(subject.split(" in ")[1].split()[0]) if " in " in subject else 5
        body = leaf(
            f"Dear {rcpt.name},\n\nYour Kestrel Lake Health Group network password will expire in {days} days, on {long_date(t + timedelta(days=days))}.\n\n"
            'To change it, press Ctrl+Alt+Delete on a clinic workstation and choose "Change a password", or change it in Okta (Settings > Change password) from any device.\n\n'
            "Do not reply to this message. IT will never send you a link to change your password and will never ask for your password.\n\nKLHG IT Service Desk\next. 2100\n",
            "plain",
            "us-ascii",
            "7bit",
        )
        via = v_app(rng, f"noreply@{DOM}", "adtools01")
        return Msg(
            via,
            fa("KLHG IT", f"noreply@{DOM}"),
            to_of(rcpt),
            subject,
            t,
            rcpt.addr,
            body,
            [("Auto-Submitted", "auto-generated"), ("X-Mailer", "PowerShell")],
        )
    elif kind == 4:
        subject = "Quarantine summary: " + str(rng.randrange(2, 14)) + " messages held"
        rows = [
            (
                pick(
                    rng,
                    (
                        "no-reply@fedex-tracking-ca.com",
                        "billing@quickbooks-invoice.net",
                        "hr-benefits@payroll-update.info",
                        "noreply@voicemail-portal.co",
                        "Canva <support@canva-share.org>",
                    ),
                ),
                pick(
                    rng,
                    (
                        "Invoice overdue",
                        "Voicemail received",
                        "Benefits update required",
                        "Document shared with you",
                        "Delivery attempt failed",
                    ),
                ),
            )
            for _ in range(rng.randrange(2, 5))
        ]
        blocks = [
            (
                "p",
                f"Hi {rcpt.first}, the following messages sent to you in the past 24 hours were held by the mail gateway as suspected spam or phishing. They will be deleted after 14 days.",
            ),
            ("kv", [(a, b) for a, b in rows]),
            (
                "p",
                "If a message is legitimate, ask IT to release it. Do not release messages you were not expecting.",
            ),
            ("link", "Open quarantine portal", f"https://quarantine.{DOM}/digest?u={rs(rng, 32, URLSAFE)}"),
        ]
        body = notice(rng, blocks, brand="KLHG Mail Gateway", color="#444")
        via = v_app(rng, f"quarantine@{DOM}", "mailgw01")
        return Msg(
            via,
            fa("KLHG Mail Gateway", f"quarantine@{DOM}"),
            to_of(rcpt),
            subject,
            t,
            rcpt.addr,
            body,
            [("Auto-Submitted", "auto-generated")],
        )
    else:
        subject = "RE: " + pick(
            rng, ("Is this email legit?", "suspicious email?", "Fw: Your mailbox storage is full")
        )
        body = leaf(
            f"Hi {rcpt.first},\n\nThanks for checking before clicking! That one is a phishing email - the link goes to a site that imitates our Microsoft sign-in page. I've blocked the sender and removed it from other mailboxes.\n\n"
            'For next time, the "Report Phishing" button in Outlook does the same thing.\n\nJenna\n\n-----Original Message-----\n'
            f"From: {rcpt.name} <{rcpt.addr}>\nSent: {long_date(t)} {rng.randrange(8, 12)}:{rng.randrange(10, 59)} AM\nTo: IT Service Desk <it@{DOM}>\nSubject: {subject[4:]}\n\n"
            "Hi, I got this just now, it says my mailbox will be closed today if I don't verify. Doesn't look right to me?\n",
            "plain",
            "utf-8",
            "quoted-printable",
        )
        s = KOWALCZYK
        to = to_of(rcpt)
        via = v_internal(rng, s.addr)
        ref = f"<{rs(rng, 20, UPPER)}${hx(rng, 8)}$@{DOM}>"
        return Msg(
            via, to_of(s), to, subject, t, rcpt.addr, body, [("In-Reply-To", ref), ("References", ref)]
        )
    via = v_internal(rng, s.addr)
    return Msg(via, to_of(s), to, subject, t, rcpt.addr, body)


# --------------------------------------------------------------------------------------------
# newsletters the staff subscribed to (ESPs)


def _footer(org: str, addr: str, why: str) -> list[Block]:
    return [("hr",), ("small", f"{why}\n{org} · {addr}"), ("small", "Update your preferences or unsubscribe")]


def esp_newsletter(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(6)
    p = _who(rng)
    same = same_index(rng)
    if kind == 0:
        brand, dom, slug = pick(
            rng,
            (
                ("Kawartha Health Coalition", "kawarthahealthcoalition.ca", "kawarthahealthcoalition"),
                ("Canadian Primary Care Operations Forum", "cpcof.ca", "cpcof"),
            ),
        )
        e = esp_mailchimp(rng, dom, slug, t)
        subject = same(
            (
                "Early-bird registration closes Friday!",
                f"{brand} News – {t:%B %Y}",
                "Free webinar: cutting no-shows with automated reminders",
            )
        )
        blocks = [
            ("h", subject),
            ("p", f"Hello {p.first},"),
            (
                "p",
                same(
                    (
                        "Our spring forum is coming to Peterborough on May 14. Early-bird pricing ends this Friday - don't miss out!",
                        "The province announced new team-based care funding this month. Here's what it means for clinics in our region.",
                        "Join us for a free 45-minute webinar on reducing no-shows with automated reminders.",
                    )
                ),
            ),
            ("btn", "Register now", f"https://www.{dom}/events/{t.year}-forum"),
            ("link", f"Read more on www.{dom}", f"https://www.{dom}/news/{rs(rng, 8, LOWER)}"),
            *_footer(
                brand,
                "PO Box 1820, Peterborough, ON K9J 7X6",
                f"You are receiving this email because you signed up at {dom}.",
            ),
            ("link", "unsubscribe from this list", e.unsub),
        ]
    elif kind == 1:
        brand, dom = pick(
            rng,
            (
                ("Henry Schein Canada", "henryschein.ca"),
                ("McKesson Canada", "mckesson.ca"),
                ("Medline Canada", "medline.com"),
            ),
        )
        e = esp_sfmc(rng, f"e.{dom}", p.addr)
        subject = pick(
            rng,
            (
                "Flu season stock-up: save up to 20% on vaccines supplies",
                "Your monthly clinical supplies update",
                "New: nitrile glove pricing for 2025",
                "Webinar: infection prevention in primary care",
            ),
        )
        blocks = [
            ("h", subject),
            (
                "p",
                "Stock up before the rush. Order by the end of the month and save on exam gloves, syringes, alcohol swabs and more. Offer valid for Canadian clinic accounts.",
            ),
            (
                "btn",
                "Shop the promotion",
                f"https://www.{dom}/promotions?utm_source=sfmc&utm_medium=email&utm_campaign=flu{t.year}",
            ),
            ("link", "View as web page", f"https://view.e.{dom}/?qs={rs(rng, 40, HEX)}"),
            *_footer(
                brand,
                "135 Duffield Drive, Markham, ON L6G 1C5"
                if "Schein" in brand
                else "4705 Dobrin Street, Saint-Laurent, QC H4R 2P7",
                f"This email was sent to {p.addr} because you have an account with {brand}.",
            ),
        ]
    elif kind == 2:
        brand, dom = pick(
            rng, (("Practice Management Weekly", "medreachcanada.com"), ("PulsePatient", "pulsepatient.io"))
        )
        e = esp_hubspot(rng, dom, p.addr)
        subject = same(
            (
                f"{p.first}, your free guide is ready",
                pick(
                    rng,
                    (
                        "Reminder: our webinar starts in 1 hour",
                        "[Webinar] AI scribes: what Ontario clinics need to know - starting soon",
                    ),
                ),
                "5 ways to cut no-show rates in family practice",
            )
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                same(
                    (
                        "Thanks for downloading our guide to patient reminders. Here's your copy.",
                        "Our live webinar starts in one hour. Use the link below to join - no download required.",
                        "Clinics using two-way SMS reminders cut no-shows by a third. Here are five things they do differently.",
                    )
                ),
            ),
            (
                "btn",
                same(("Download the guide", "Join the webinar", "Read the article")),
                f"https://www.{dom}/resources/{rs(rng, 10, LOWER)}",
            ),
            ("p", f"Cheers,\n{pick(rng, ('Nadia', 'Chris', 'Owen'))} from {brand}"),
            *_footer(
                brand,
                "100 King Street West, Suite 5700, Toronto, ON M5X 1C7",
                "You received this email because you subscribed to our newsletter.",
            ),
        ]
    elif kind == 3:
        brand, dom = pick(
            rng,
            (
                ("Kawartha Foodshare", "kawarthafoodshare.ca"),
                ("Peterborough & Kawarthas Chamber of Commerce", "pkchamber.ca"),
            ),
        )
        e = esp_constant_contact(rng, dom)
        subject = pick(
            rng,
            (
                "Chamber Connect: member news and events",
                "Business After Hours - this Thursday!",
                "Thank you for supporting Kawartha Foodshare",
                "Your 2025 tax receipt and impact report",
            ),
        )
        blocks = [
            ("h", subject),
            (
                "p",
                pick(
                    rng,
                    (
                        "Join fellow members for networking, appetizers and a cash bar. Free for members, $20 for guests.",
                        "Thanks to donors like you, we distributed over 2.3 million pounds of food across Peterborough County this year.",
                        "Nominations for the Business Excellence Awards close Friday.",
                    ),
                ),
            ),
            ("btn", "Learn more", f"https://www.{dom}/{rs(rng, 6, LOWER)}"),
            *_footer(
                brand,
                "175 George Street North, Peterborough, ON K9J 3G6",
                f"{brand} | Constant Contact Data Notice",
            ),
        ]
    elif kind == 4:
        brand, dom, slug = pick(
            rng,
            (
                ("The Canadian Journal of Rural Medicine", "cjrm.ca", "cjrm"),
                ("Ontario Health Quality Digest", "clinicpulse.ca", "clinicpulse"),
            ),
        )
        e = esp_campaign_monitor(rng, dom, slug)
        subject = pick(
            rng,
            (
                f"In this issue: {pick(rng, ('antimicrobial stewardship', 'physician burnout', 'rural ED closures', 'virtual care billing'))}",
                "Table of contents alert",
                "Editor's picks for " + f"{t:%B}",
            ),
        )
        blocks = [
            ("h", subject),
            ("p", "Featured research, commentary and practice tools for clinicians outside major centres."),
            (
                "list",
                [
                    pick(
                        rng,
                        (
                            "Point-of-care ultrasound in rural practice",
                            "Deprescribing in long-term care",
                            "Retention of nurse practitioners",
                        ),
                    ),
                    "Letters: scope of practice",
                    "Clinical tools: new Lyme disease algorithm",
                ],
            ),
            ("btn", "Read the issue", f"https://www.{dom}/issues/{t.year}/{t.month}"),
            *_footer(
                brand, "Box 4100, Shawville, QC J0X 2Y0", "You're receiving this email because you opted in."
            ),
        ]
    else:
        brand, dom = pick(rng, (("ClinicStream", "clinicstream.com"),))
        via, click, pixel = v_sendgrid(rng, dom, p.addr)
        e = Esp(via, click, pixel, f"https://{dom}/unsubscribe?e={rs(rng, 30, URLSAFE)}")
        via.headers += one_click(
            f"https://{dom}/api/unsubscribe/{rs(rng, 40, URLSAFE)}", f"unsubscribe@{dom}"
        )
        subject = pick(
            rng,
            (
                "Release notes: ClinicStream 24.3",
                "New in ClinicStream: e-fax inbox rules",
                "Scheduled maintenance this Sunday",
                "Product update: improved lab result matching",
            ),
        )
        blocks = [
            ("h", subject),
            ("p", "Here's what's new this month for ClinicStream customers:"),
            (
                "list",
                [
                    "Faster chart search",
                    "Bulk e-fax filing with rules",
                    "OHIP billing error codes explained inline",
                ],
            ),
            ("btn", "See all release notes", f"https://support.{dom}/hc/en-us/articles/{num(rng, 11)}"),
            *_footer(
                "ClinicStream Health Software Inc.",
                "2 Bloor Street East, Suite 3500, Toronto, ON M4W 1A8",
                "You are receiving product updates as an administrator of a ClinicStream account.",
            ),
        ]
    blocks.insert(
        len(blocks) - 3, ("link", f"www.{dom}", f"https://www.{dom}/")
    )  # anchor text shows the real site; the href is tracked
    body = notice(
        rng,
        blocks,
        brand=brand,
        click=e.click,
        pixel=e.pixel,
        track_text=rng.random() < 0.4,
        color=pick(rng, ("#00629b", "#2e7d32", "#c62828", "#6a1b9a")),
    )
    via = e.via
    if "List-Unsubscribe" not in [k for k, _ in via.headers]:
        via.headers += one_click(e.unsub)
    fl = pick(rng, ("news", "info", "hello", "newsletter", "events"))
    return Msg(
        via,
        fa(brand, f"{fl}@{dom}"),
        p.addr if rng.random() < 0.5 else fa(p.name, p.addr),
        subject,
        t,
        p.addr,
        body,
        tz=UTC if rng.random() < 0.5 else TZ,
    )


def retail_promo(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(6)
    p = _who(rng, (SIDDIQUI, GAGNON, BERG, NATARAJAN, KOWALCZYK, GREENE))
    if kind == 0:
        brand, dom = "Staples Canada", "staples.ca"
        e = esp_sfmc(rng, "e.staples.ca", p.addr)
        subject = pick(
            rng,
            (
                "LAST CHANCE: 40% off ink & toner ends tonight",
                "Limited time: Free next-day delivery on office essentials",
                "Your business account exclusive: save $25 on $150+",
                "Back to Business Sale starts now ⏰",
            ),
        )
        blocks = [
            ("h", subject),
            (
                "p",
                "Stock up on copy paper, toner and breakroom supplies. Online only, while quantities last.",
            ),
            (
                "btn",
                "Shop now",
                "https://www.staples.ca/collections/ink-toner?utm_source=email&utm_medium=promo",
            ),
            (
                "small",
                "Offer valid until 11:59 p.m. ET. Cannot be combined with other offers. Excludes technology. Staples Canada ULC, 6 Staples Avenue, Richmond Hill, ON L4B 4W3.",
            ),
        ]
    elif kind == 1:
        brand, dom = "Northern Scrubs Co.", "northernscrubs.ca"
        e = esp_klaviyo(rng, dom, p.addr)
        subject = pick(
            rng,
            (
                "🎉 You've been entered to WIN a year of scrubs!",
                "Last chance - 30% off everything ends at midnight",
                f"{p.first}, your cart is waiting",
                "New colours just dropped + free shipping over $75",
                "Quick survey: tell us how your scrubs fit (2 min)",
            ),
        )
        blocks = [
            ("h", subject),
            (
                "p",
                "Made in Canada, for people who work long shifts. Four-way stretch, eleven pockets, and colours that survive the wash.",
            ),
            (
                "btn",
                "Shop the sale"
                if "%" in subject
                else "Take the survey"
                if "survey" in subject
                else "See what's new",
                f"https://{dom}/collections/all?_kx={rs(rng, 40, URLSAFE)}",
            ),
            (
                "small",
                "Contest: no purchase necessary. Open to residents of Canada 18+. Skill-testing question required. Full rules at northernscrubs.ca/pages/contest-rules."
                if "WIN" in subject
                else "Sale excludes gift cards. Ends 11:59 p.m. ET.",
            ),
            (
                "small",
                "Northern Scrubs Co., 200-55 Water Street, Peterborough, ON K9H 7L1\nNo longer want to receive these emails? Unsubscribe.",
            ),
        ]
    elif kind == 2:
        brand, dom = "Amazon.ca", "amazon.ca"
        subject = pick(
            rng,
            (
                "Your Amazon.ca order #702-" + num(rng, 7) + "-" + num(rng, 7) + " has shipped",
                'Ordered: "'
                + pick(
                    rng, ("Brother TN-760 Toner...", "Logitech MK270 Wireless...", "Purell Advanced Hand...")
                )
                + '"',
                "Your Amazon Business account: invoice available",
            ),
        )
        oid = f"702-{num(rng, 7)}-{num(rng, 7)}"
        blocks = [
            ("p", f"Hello {p.first},"),
            (
                "p",
                "Thanks for your order. We'll let you know once your item(s) have dispatched."
                if "Ordered" in subject
                else "Your package has shipped and is on its way."
                if "shipped" in subject
                else "An invoice is available for your recent Amazon Business order.",
            ),
            (
                "kv",
                [
                    ("Order #", oid),
                    ("Arriving", short_date(t + timedelta(days=2))),
                    ("Ship to", f"{p.first} {p.last}, {p.site}"),
                ],
            ),
            (
                "btn",
                "View or manage order",
                f"https://www.amazon.ca/gp/css/your-orders-access/ref=TE_tex_y?_encoding=UTF8&orderId={oid}",
            ),
            (
                "small",
                "This email was sent from a notification-only address that can't accept incoming email. Please do not reply to this message.\n©2025 Amazon.com.ca ULC or its affiliates. All rights reserved.",
            ),
        ]
        via = v_ses(rng, "amazon.ca", sel="u3b5b2jdqwbvskvtgpe5bhmkiqbwnmvf")
        via.rp = f"{rng.randrange(10**13, 10**14)}{rs(rng, 12, LOWER)}@bounces.amazon.ca"
        via.dkim = [
            ("amazon.ca", "u3b5b2jdqwbvskvtgpe5bhmkiqbwnmvf", "pass"),
            ("amazonses.com", SES_US, "pass"),
        ]
        return Msg(
            via,
            fa("Amazon.ca", pick(rng, ("auto-confirm@amazon.ca", "shipment-tracking@amazon.ca"))),
            p.addr,
            subject,
            t,
            p.addr,
            notice(rng, blocks, color="#ff9900"),
            tz=UTC,
        )
    elif kind == 3:
        brand, dom = "Best Buy Canada", "bestbuy.ca"
        e = esp_sfmc(rng, "e.bestbuy.ca", p.addr)
        subject = pick(
            rng,
            (
                "Top Deals end Thursday: laptops, monitors & more",
                "Black Friday is here. Seriously.",
                "Win a $1,000 gift card - tell us about your recent visit",
                "Boxing Day starts NOW",
            ),
        )
        blocks = [
            ("h", subject),
            ("p", "Shop our best prices on laptops, monitors, headsets and more."),
            ("btn", "Shop deals", "https://www.bestbuy.ca/en-ca/collection/top-deals/16074"),
            (
                "small",
                "Survey: no purchase necessary. Contest closes "
                + short_date(t + timedelta(days=30))
                + ". Odds depend on entries. Best Buy Canada Ltd., 8800 Glenlyon Parkway, Burnaby, BC V5J 5K3."
                if "Win" in subject
                else "Prices valid while quantities last. Best Buy Canada Ltd., 8800 Glenlyon Parkway, Burnaby, BC V5J 5K3.",
            ),
        ]
    elif kind == 4:
        brand, dom = "Grand & Toy", "grandandtoy.com"
        e = esp_sendgrid_esp(rng, dom, p.addr)
        subject = pick(
            rng,
            (
                "Your quote Q-" + num(rng, 6) + " expires in 3 days",
                "Flash sale: ergonomic chairs up to 50% off",
                "Reminder: complete your order",
            ),
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                "Your saved quote for office chairs and sit-stand desks is about to expire. Prices are held until "
                + short_date(t + timedelta(days=3))
                + "."
                if "quote" in subject
                else "Limited time only: save on ergonomic seating while stock lasts.",
            ),
            (
                "btn",
                "View quote" if "quote" in subject else "Shop now",
                f"https://www.grandandtoy.com/en/account/quotes?utm_campaign={rs(rng, 6, LOWER)}",
            ),
            ("small", "Grand & Toy, 33 Green Belt Drive, Toronto, ON M3C 1M1"),
        ]
    else:
        brand, dom = "Costco Business Centre", "costco.ca"
        e = esp_sfmc(rng, "digital.costco.ca", p.addr)
        subject = pick(
            rng,
            (
                "Member-Only Savings start today",
                "Costco Business Centre: this week's hot buys",
                "Your Executive Membership renewal is coming up",
            ),
        )
        blocks = [
            ("h", subject),
            (
                "p",
                "Valid at Costco Business Centre locations and on costcobusinesscentre.ca. While quantities last, limits may apply.",
            ),
            ("btn", "Shop savings", "https://www.costcobusinesscentre.ca/hot-buys.html"),
            ("small", "Costco Wholesale Canada Ltd., 415 West Hunt Club Road, Ottawa, ON K2E 1C5"),
        ]
    blocks.insert(len(blocks) - 1, ("link", f"https://www.{dom}", f"https://www.{dom}/"))
    body = notice(
        rng,
        blocks,
        brand=brand,
        click=e.click,
        pixel=e.pixel,
        color=pick(rng, ("#cc0000", "#0046be", "#222222", "#2e7d32")),
    )
    fromaddr = {
        "staples.ca": "staples@e.staples.ca",
        "northernscrubs.ca": "hello@northernscrubs.ca",
        "bestbuy.ca": "bestbuy@e.bestbuy.ca",
        "grandandtoy.com": "news@grandandtoy.com",
        "costco.ca": "costco@digital.costco.ca",
    }[dom]
    return Msg(
        e.via,
        fa(brand, fromaddr),
        p.addr,
        subject,
        t,
        p.addr,
        body,
        [("Precedence", "bulk")] if rng.random() < 0.3 else [],
    )


def esp_sendgrid_esp(rng: random.Random, dom: str, rcpt: str) -> Esp:
    via, click, pixel = v_sendgrid(rng, dom, rcpt)
    un = f"https://{dom}/unsubscribe?token={rs(rng, 40, URLSAFE)}"
    via.headers += one_click(un)
    return Esp(via, click, pixel, un)


# --------------------------------------------------------------------------------------------
# travel receipts


def travel(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(5)
    p = _who(rng, (MACPHERSON, SHARMA, OLUSEGUN, BELANGER, TREMBLAY, BERG, LIU))
    dest = pick(
        rng,
        (
            ("Toronto (YYZ)", "Ottawa (YOW)"),
            ("Toronto (YYZ)", "Vancouver (YVR)"),
            ("Toronto (YYZ)", "Halifax (YHZ)"),
            ("Toronto (YTZ)", "Montreal (YUL)"),
        ),
    )
    pnr = rs(rng, 6, string.ascii_uppercase)
    if kind == 0:
        subject = pick(
            rng,
            (
                f"Booking Confirmation - {pnr}",
                f"Your Air Canada booking confirmation: {pnr}",
                f"Check in now for your flight to {dest[1].split(' (')[0]}",
            ),
        )
        blocks = [
            ("h", "Thank you for choosing Air Canada" if "Check" not in subject else "It's time to check in"),
            (
                "kv",
                [
                    ("Booking reference", pnr),
                    ("Passenger", f"{p.first.upper()} {p.last.upper()}"),
                    ("Flight", f"AC {rng.randrange(100, 999)}"),
                    ("From", dest[0]),
                    ("To", dest[1]),
                    (
                        "Departure",
                        f"{(t + timedelta(days=14)):%a %d %b %Y} {rng.randrange(6, 21):02d}:{pick(rng, ('00', '15', '30', '45'))}",
                    ),
                    ("Total", money(rng.uniform(280, 1100)) + " CAD"),
                ],
            ),
            (
                "btn",
                "Manage my booking" if "Check" not in subject else "Check in",
                f"https://www.aircanada.com/ca/en/aco/home/app.html#/retrievebooking?pnr={pnr}&lastName={p.last}",
            ),
            (
                "small",
                "Air Canada, P.O. Box 64239, RPO Thorncliffe, Calgary, AB T2K 6J7. Please do not reply to this automatically generated email.",
            ),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 12, LOWER)}@notification.aircanada.ca",
            f"mta{rng.randrange(1, 9)}.notification.aircanada.ca",
            ip(rng, "13.111.32"),
            f"{uuid(rng)}@aircanada.ca",
            [("notification.aircanada.ca", "200608"), ("aircanada.ca", "ac")],
        )
        frm = fa("Air Canada", "confirmation@aircanada.ca")
        color = "#d22630"
    elif kind == 1:
        subject = pick(
            rng,
            (
                "Your Thursday evening trip with Uber",
                "Your Tuesday morning trip with Uber",
                "[Business] Your Friday afternoon trip with Uber",
            ),
        )
        amt = rng.uniform(14, 78)
        blocks = [
            ("h", f"Thanks for riding, {p.first}"),
            (
                "kv",
                [
                    ("Total", money(amt) + " CA"),
                    ("Trip fare", money(amt * 0.78)),
                    ("Booking fee", money(amt * 0.08)),
                    ("HST", money(amt * 0.12)),
                    ("Payment", f"Business Visa ••••{num(rng, 4)}"),
                ],
            ),
            (
                "p",
                f"{pick(rng, ('Toronto Pearson (YYZ) Terminal 1', 'Union Station', 'Westin Ottawa'))} → {pick(rng, ('Sheraton Centre Toronto', '123 Front St W', 'Shaw Centre'))}",
            ),
            ("link", "Download PDF", f"https://riders.uber.com/trips/{uuid(rng)}"),
            (
                "small",
                "Uber Canada Inc., 121 Bloor Street East, Suite 1600, Toronto, ON M4W 3M5. HST 80771 4066 RT0001",
            ),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 16, LOWER)}@uber.com",
            f"mail{rng.randrange(1, 99)}.uber.com",
            ip(rng, "149.72"),
            f"{uuid(rng)}@uber.com",
            [("uber.com", "2018"), ("sendgrid.info", "smtpapi")],
        )
        frm = fa("Uber Receipts", "noreply@uber.com")
        color = "#000000"
    elif kind == 2:
        conf = num(rng, 8)
        hotel = pick(
            rng,
            ("Toronto Marriott Downtown Eaton Centre Hotel", "Ottawa Marriott Hotel", "Delta Hotels Toronto"),
        )
        subject = pick(
            rng,
            (
                f"Reservation Confirmation #{conf} for {hotel}",
                f"Your folio for {hotel}",
                f"Get ready for your stay at {hotel}",
            ),
        )
        blocks = [
            ("h", subject),
            (
                "kv",
                [
                    ("Confirmation number", conf),
                    ("Guest", p.name),
                    ("Check-in", short_date(t + timedelta(days=10))),
                    ("Check-out", short_date(t + timedelta(days=12))),
                    ("Rate", f"{money(rng.uniform(189, 349))} CAD per night"),
                ],
            ),
            (
                "btn",
                "Modify or cancel",
                f"https://www.marriott.com/reservation/findReservationDetail.mi?confirmationNumber={conf}&tripId={conf}",
            ),
            (
                "small",
                "Marriott International, Inc., 7750 Wisconsin Avenue, Bethesda, MD 20814 USA. This email was sent to "
                + p.addr,
            ),
        ]
        via = v_own(
            rng,
            f"bounce-{num(rng, 3)}_HTML-{num(rng, 9)}-{num(rng, 7)}@bounce.email-marriott.com",
            f"mta{rng.randrange(1, 9)}.email-marriott.com",
            ip(rng, "13.111.63"),
            f"{uuid(rng)}@xt.local",
            [("email-marriott.com", "200608")],
        )
        frm = fa("Marriott Bonvoy", "marriottbonvoy@email-marriott.com")
        color = "#1c1c1c"
    elif kind == 3:
        subject = pick(
            rng,
            (
                f"Your VIA Rail booking confirmation {pnr}",
                "VIA Rail: your train to Ottawa departs tomorrow",
                "Votre confirmation de réservation VIA Rail / Your VIA Rail booking confirmation",
            ),
        )
        blocks = [
            ("h", "Your trip / Votre voyage"),
            (
                "kv",
                [
                    ("Booking number / Numéro de réservation", pnr),
                    ("Train", str(rng.randrange(40, 70))),
                    ("Departure / Départ", f"Toronto Union {(t + timedelta(days=5)):%Y-%m-%d} 06:40"),
                    ("Arrival / Arrivée", "Ottawa 11:06"),
                ],
            ),
            (
                "p",
                "Your boarding pass is attached. Please arrive at the station 30 minutes before departure.\nVotre carte d'embarquement est jointe. Veuillez arriver à la gare 30 minutes avant le départ.",
            ),
            (
                "btn",
                "Manage my booking / Gérer ma réservation",
                "https://reservia.viarail.ca/en/manage-booking",
            ),
            ("small", "VIA Rail Canada Inc., 3 Place Ville Marie, Suite 500, Montréal, QC H3B 2C9"),
        ]
        via = v_own(
            rng,
            "bounce@mail.viarail.ca",
            f"mail{rng.randrange(1, 9)}.viarail.ca",
            ip(rng, "192.254.122"),
            f"{uuid(rng)}@viarail.ca",
            [("viarail.ca", "via1")],
        )
        frm = fa("VIA Rail Canada", "noreply@viarail.ca")
        body = mixed(
            rng,
            notice(rng, blocks, color="#ffc72c"),
            [
                attach(
                    pdf(
                        f"Boarding pass {pnr}",
                        [p.name, "Toronto Union -> Ottawa", "Coach 3 Seat 4A"],
                        "VIA Rail",
                    ),
                    "application/pdf",
                    f"BoardingPass_{pnr}.pdf",
                )
            ],
        )
        return Msg(via, frm, p.addr, subject, t, p.addr, body)
    else:
        subject = pick(
            rng,
            (
                f"Your Porter itinerary - {pnr}",
                "Porter: your flight to Montréal is on time",
                "Porter: gate change for your flight",
            ),
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "kv",
                [
                    ("Confirmation", pnr),
                    ("Flight", f"PD {rng.randrange(100, 999)}"),
                    ("Route", "Toronto Billy Bishop (YTZ) → Montréal (YUL)"),
                    ("Departs", f"{(t + timedelta(days=3)):%a %b %d} at 08:15"),
                ],
            ),
            ("btn", "View itinerary", f"https://www.flyporter.com/en-ca/manage-bookings?pnr={pnr}"),
            ("small", "Porter Airlines Inc., Billy Bishop Toronto City Airport, Toronto, ON M5V 1A1"),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 20, LOWER)}@mail.flyporter.com",
            f"mta{rng.randrange(1, 9)}.mail.flyporter.com",
            ip(rng, "13.111.44"),
            f"{uuid(rng)}@flyporter.com",
            [("flyporter.com", "s1")],
        )
        frm = fa("Porter Airlines", "noreply@flyporter.com")
        color = "#002c5f"
    return Msg(
        via,
        frm,
        p.addr,
        subject,
        t,
        p.addr,
        notice(rng, blocks, color=color),
        tz=UTC if rng.random() < 0.5 else TZ,
    )


# --------------------------------------------------------------------------------------------
# carriers


def courier(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(5)
    p = _who(rng, (SIDDIQUI, SIDDIQUI, GAGNON, GREENE, DOUCETTE, NATARAJAN))
    site = p.site
    if kind == 0:
        pin = num(rng, 16)
        subject = pick(
            rng,
            (
                f"Your package is on its way / Votre colis est en route - {pin}",
                f"Delivered / Livré - {pin}",
                f"Notice card left / Avis de livraison laissé - {pin}",
            ),
        )
        state = (
            "Delivered"
            if "Delivered" in subject
            else "Notice card left"
            if "Notice" in subject
            else "In transit"
        )
        blocks = [
            ("h", f"{state}"),
            (
                "kv",
                [
                    ("Tracking number", pin),
                    (
                        "From",
                        pick(
                            rng,
                            (
                                "TRENT VALLEY MEDICAL SUPPLY",
                                "HENRY SCHEIN CANADA",
                                "SERVICE CANADA",
                                "COLLEGE OF PHYSICIANS AND SURGEONS OF ON",
                            ),
                        ),
                    ),
                    ("Status", state),
                    ("Expected delivery", short_date(t + timedelta(days=1))),
                ],
            ),
            (
                "p",
                "Pick up your item at the post office shown on the notice card. Bring the card and government-issued photo ID."
                if "Notice" in state
                else "Track your item for the latest updates.",
            ),
            (
                "btn",
                "Track / Repérer",
                f"https://www.canadapost-postescanada.ca/track-reperage/en#/details/{pin}",
            ),
            (
                "p",
                "Français : Suivez votre colis sur canadapost-postescanada.ca. Apportez la carte et une pièce d'identité avec photo.",
            ),
            (
                "small",
                "This is an automated message. Please do not reply. Canada Post will never ask you to pay a fee by email or text message to deliver a package.\n© Canada Post Corporation, 2701 Riverside Drive, Ottawa, ON K1A 0B1",
            ),
        ]
        via = v_own(
            rng,
            "noreply@notifications.canadapost-postescanada.ca",
            f"mail{rng.randrange(1, 9)}.canadapost-postescanada.ca",
            ip(rng, "205.207.227"),
            f"{uuid(rng)}@canadapost-postescanada.ca",
            [("canadapost-postescanada.ca", "cpc1")],
        )
        frm = fa("Canada Post / Postes Canada", "noreply@notifications.canadapost-postescanada.ca")
        color = "#da291c"
    elif kind == 1:
        pin = num(rng, 12)
        subject = pick(
            rng,
            (
                f"Purolator: Your shipment {pin} is out for delivery",
                f"Purolator: Delivery attempted - {pin}",
                f"Purolator shipment notification - {pin}",
            ),
        )
        blocks = [
            ("p", "Hello,"),
            (
                "p",
                f"{subject.split(': ')[-1].split(' - ')[0].replace('Purolator shipment notification', 'A shipment notification was sent')} for shipment {pin} to {ORG.upper()}, {site.upper()}, ON.",
            ),
            (
                "kv",
                [
                    ("PIN", pin),
                    ("Service", pick(rng, ("Purolator Express", "Purolator Ground"))),
                    ("Pieces", str(rng.randrange(1, 6))),
                    ("Reference", f"PO{rng.randrange(4500, 4999)}"),
                ],
            ),
            ("btn", "Track shipment", f"https://www.purolator.com/en/shipping/tracker?pin={pin}"),
            (
                "small",
                "Purolator Inc., 5995 Avebury Road, Mississauga, ON L5R 3T8. Please do not reply to this email.",
            ),
        ]
        via = v_own(
            rng,
            "noreply@purolator.com",
            f"mail{rng.randrange(1, 9)}.purolator.com",
            ip(rng, "192.139.40"),
            f"{uuid(rng)}@purolator.com",
            [("purolator.com", "puro1")],
        )
        frm = fa("Purolator", "noreply@purolator.com")
        color = "#e31837"
    elif kind == 2:
        trk = f"1Z{rs(rng, 6, UPPER)}{num(rng, 10)}"
        subject = pick(
            rng,
            (
                "UPS Update: Package Scheduled for Delivery Today",
                "UPS Update: Delivery Change",
                "Your UPS Package was delivered",
            ),
        )
        blocks = [
            ("h", subject.replace("UPS Update: ", "")),
            (
                "kv",
                [
                    ("Tracking Number", trk),
                    ("Ship To", f"{ORG} {site}, ON CA"),
                    ("Number of Packages", str(rng.randrange(1, 4))),
                    ("Shipper", pick(rng, ("CDW CANADA", "FORTINET", "MEDLINE CANADA"))),
                ],
            ),
            (
                "btn",
                "Track Package",
                f"https://www.ups.com/track?loc=en_CA&tracknum={trk}&requester=ST/trackdetails",
            ),
            (
                "small",
                "Do not reply directly to this email. UPS will not receive any reply message.\n© 2025 United Parcel Service of America, Inc. UPS, the UPS brandmark, and the color brown are trademarks of United Parcel Service of America, Inc.",
            ),
        ]
        via = v_own(
            rng,
            "pkginfo@ups.com",
            f"mta{rng.randrange(1, 9)}.ups.com",
            ip(rng, "153.2.250"),
            f"{rs(rng, 30, UPPER)}@ups.com",
            [("ups.com", "ups2016")],
        )
        frm = fa("UPS", "pkginfo@ups.com")
        color = "#351c15"
    elif kind == 3:
        trk = num(rng, 12)
        subject = pick(
            rng,
            (
                f"FedEx Shipment {trk}: Your package is on its way",
                f"FedEx Shipment {trk}: Delivered",
                f"Action Needed: FedEx Shipment {trk} - duties and taxes",
            ),
        )
        blocks = [
            (
                "p",
                f"Hi. Your package {'was delivered' if 'Delivered' in subject else 'is scheduled for delivery'} {short_date(t + timedelta(days=0 if 'Delivered' in subject else 2))}.",
            ),
            (
                "kv",
                [
                    ("Tracking ID", trk),
                    ("Ship from", pick(rng, ("Memphis, TN US", "Mississauga, ON CA", "Louisville, KY US"))),
                    ("Ship to", f"{site}, ON CA"),
                ],
            ),
            (
                "p",
                "Duties and taxes of "
                + money(rng.uniform(18, 240))
                + " are due before delivery. Pay online through fedex.com with your tracking number, or pay the driver."
                if "duties" in subject
                else "Sign up for FedEx Delivery Manager to customize your delivery preferences.",
            ),
            (
                "btn",
                "Track shipment" if "duties" not in subject else "Pay duties and taxes",
                f"https://www.fedex.com/fedextrack/?trknbr={trk}&trkqual={num(rng, 5)}~{trk}~FDEG",
            ),
            (
                "small",
                "This tracking update has been requested by the shipper. Please do not respond to this message. © 2025 Federal Express Corporation.",
            ),
        ]
        via = v_own(
            rng,
            "TrackingUpdates@fedex.com",
            f"mxout{rng.randrange(1, 9)}.fedex.com",
            ip(rng, "199.81.192"),
            f"{rs(rng, 20, LOWER)}@fedex.com",
            [("fedex.com", "fedex1")],
        )
        frm = fa("FedEx", "TrackingUpdates@fedex.com")
        color = "#4d148c"
    else:
        awb = num(rng, 10)
        subject = pick(
            rng,
            (
                f"DHL On Demand Delivery: Shipment {awb} arriving today",
                f"DHL Express - Payment of import duties required - Waybill {awb}",
                f"DHL Express - your shipment {awb} has been delivered",
            ),
        )
        blocks = [
            ("p", "Dear Customer,"),
            (
                "p",
                f"Your shipment with waybill {awb} from {pick(rng, ('Shenzhen, China', 'Leipzig, Germany', 'Cincinnati, USA'))} "
                + (
                    "requires payment of duties and taxes of "
                    + money(rng.uniform(20, 180))
                    + " CAD before it can be released. Pay online at dhl.com/ca-en with your waybill number."
                    if "duties" in subject
                    else "is on its way."
                    if "arriving" in subject
                    else "was delivered."
                ),
            ),
            (
                "btn",
                "Pay now" if "duties" in subject else "Track",
                f"https://del.dhl.com/{pick(rng, ('en-CA', 'en'))}/dod/?awb={awb}&ctrycode=CA",
            ),
            (
                "small",
                "DHL Express (Canada), Ltd., 6200 Edwards Blvd, Mississauga, ON L5T 2V7. This is an automatically generated email; please do not reply.",
            ),
        ]
        via = v_own(
            rng,
            "noreply@dhl.com",
            f"mail{rng.randrange(1, 9)}.dhl.com",
            ip(rng, "165.72.200"),
            f"{uuid(rng)}@dhl.com",
            [("dhl.com", "dhl2048")],
        )
        frm = fa("DHL Express", "noreply@dhl.com")
        color = "#d40511"
    return Msg(via, frm, p.addr, subject, t, p.addr, notice(rng, blocks, color=color))


# --------------------------------------------------------------------------------------------
# government and regulators


def government(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(5)
    if kind == 0:
        p = pick(rng, (OLUSEGUN, REYES))
        subject = pick(
            rng,
            (
                "You have a new message from the CRA / Vous avez un nouveau message de l'ARC",
                "Change of address or information / Changement d'adresse ou de renseignements",
                "Your notice of assessment is available / Votre avis de cotisation est disponible",
            ),
        )
        body = leaf(
            "(Le français suit)\n\n"
            + (
                "There is a new message for you to view in My Business Account."
                if "message" in subject
                else "Information on your business account was updated (payroll program account RP0001)."
                if "address" in subject
                else "Your notice of assessment is available to view in My Business Account."
            )
            + "\n\nTo view it, sign in to My Business Account or Represent a Client at canada.ca/my-cra-business-account.\n\nIf you did not authorize this change, call the CRA at 1-800-959-5525.\n\nFor your security, this email does not contain links to personal information.\n\nCanada Revenue Agency\n\n---\n\n"
            + (
                "Vous avez un nouveau message à consulter dans Mon dossier d'entreprise."
                if "message" in subject
                else "Des renseignements sur votre compte d'entreprise ont été mis à jour."
                if "address" in subject
                else "Votre avis de cotisation est disponible dans Mon dossier d'entreprise."
            )
            + "\n\nPour le consulter, connectez-vous à Mon dossier d'entreprise ou à Représenter un client à canada.ca/mon-dossier-entreprise-arc.\n\nAgence du revenu du Canada\n",
            "plain",
            "utf-8",
            "quoted-printable",
        )
        via = v_own(
            rng,
            "notification@cra-arc.gc.ca",
            f"smtp{rng.randrange(1, 5)}.cra-arc.gc.ca",
            ip(rng, "205.193.216"),
            f"{rng.randrange(10**9, 10**10)}.{rng.randrange(10**5, 10**6)}@cra-arc.gc.ca",
            [("cra-arc.gc.ca", "cra1")],
            tls="1.2",
        )
        return Msg(
            via,
            fa("Canada Revenue Agency / Agence du revenu du Canada", "notification@cra-arc.gc.ca"),
            p.addr,
            subject,
            t,
            p.addr,
            body,
        )
    if kind == 1:
        p = pick(rng, (KIRBY, MACPHERSON, OLUSEGUN))
        subject = pick(
            rng,
            (
                "Statistics Canada: Survey of Innovation and Business Strategy – your participation is required",
                "Statistics Canada: Reminder – Annual Survey of Service Industries: Offices of Physicians",
                "Statistique Canada / Statistics Canada – Secure access code",
            ),
        )
        code = rs(rng, 4, UPPER) + "-" + rs(rng, 4, UPPER) + "-" + rs(rng, 4, UPPER)
        body = leaf(
            f"Dear respondent,\n\n{ORG} has been selected to take part in the {subject.split(': ')[1].split(' –')[0] if ':' in subject else 'survey'}. Your participation is required under the Statistics Act.\n\n"
            f"Please complete the questionnaire online at https://www.statcan.gc.ca/en/eq using your secure access code: {code}\n\nThe deadline is {long_date(t + timedelta(days=30))}. Statistics Canada will never ask for credit card or banking information.\n\n"
            'To verify this request, visit statcan.gc.ca and search "Is this survey legitimate" or call 1-877-949-9492.\n\nStatistics Canada\n',
            "plain",
            "utf-8",
            "quoted-printable",
        )
        via = v_own(
            rng,
            "statcan.questionnaire-questionnaire.statcan@statcan.gc.ca",
            f"mail{rng.randrange(1, 5)}.statcan.gc.ca",
            ip(rng, "142.206.64"),
            f"{uuid(rng)}@statcan.gc.ca",
            [("statcan.gc.ca", "sc1")],
        )
        return Msg(
            via,
            fa(
                "Statistics Canada / Statistique Canada",
                "statcan.questionnaire-questionnaire.statcan@statcan.gc.ca",
            ),
            p.addr,
            subject,
            t,
            p.addr,
            body,
        )
    if kind == 2:
        p = pick(rng, (WHITFIELD, REYES))
        subject = pick(
            rng,
            (
                "WSIB: Your premium reconciliation is due",
                "WSIB: New message in your online services account",
                "WSIB: Clearance certificate request received",
            ),
        )
        blocks = [
            ("p", "Hello,"),
            (
                "p",
                "Your annual reconciliation for the previous year is due by March 31. Sign in to WSIB online services to complete it."
                if "reconciliation" in subject
                else "You have a new message in WSIB online services. Sign in to read it."
                if "message" in subject
                else f"{pick(rng, ('Brightway Facility Services', 'Trent County Paving'))} requested a clearance certificate for {ORG}.",
            ),
            ("btn", "Sign in", "https://eservices.wsib.ca/"),
            (
                "small",
                "Workplace Safety and Insurance Board, 200 Front Street West, Toronto, ON M5V 3J1 · 1-800-387-0750",
            ),
        ]
        via = v_own(
            rng,
            "noreply@wsib.ca",
            f"mail{rng.randrange(1, 5)}.wsib.ca",
            ip(rng, "204.40.130"),
            f"{uuid(rng)}@wsib.ca",
            [("wsib.ca", "wsib")],
        )
        return Msg(
            via,
            fa("WSIB Ontario", "noreply@wsib.ca"),
            p.addr,
            subject,
            t,
            p.addr,
            notice(rng, blocks, color="#00543c"),
        )
    if kind == 3:
        p = pick(rng, (MACPHERSON, OLUSEGUN, KIRBY, SHARMA))
        subject = pick(
            rng,
            (
                "Ministry of Health: Primary Care Team funding - reporting deadline",
                "Ontario Health: Q3 performance reporting template",
                "Bulletin: OHIP billing changes effective April 1",
            ),
        )
        body = mixed(
            rng,
            leaf(
                f"Good afternoon,\n\n{'Please find attached the reporting template for the current quarter. Completed templates are due ' + long_date(t + timedelta(days=20)) + ' via the secure file transfer portal (GO Secure).' if 'template' in subject or 'reporting' in subject else 'Please find attached INFOBulletin with changes to the Schedule of Benefits effective April 1. Physicians should review the changes to fee codes A007 and K131.'}\n\n"
                "If you have questions, please contact your Ontario Health regional lead.\n\nPrimary Care Branch\nMinistry of Health | Ministère de la Santé\n",
                "plain",
                "utf-8",
                "quoted-printable",
            ),
            [
                attach(
                    xlsx(
                        [
                            ["Indicator", "Q1", "Q2", "Q3"],
                            ["Attached patients", "", "", ""],
                            ["Same/next-day access %", "", "", ""],
                            ["Cancer screening %", "", "", ""],
                        ]
                    ),
                    XLSX,
                    f"Q3_Reporting_Template_{t.year}.xlsx",
                )
                if "Bulletin" not in subject
                else attach(
                    pdf(
                        "INFOBulletin",
                        ["Schedule of Benefits changes", "Effective April 1", "Fee codes A007, K131"],
                    ),
                    "application/pdf",
                    f"INFOBulletin_{num(rng, 6)}.pdf",
                )
            ],
        )
        via = v_m365(rng, "primarycare.branch@ontario.ca")
        via.dkim = [("ontario.ca", "selector1", "pass")]
        return Msg(
            via,
            fa("Primary Care Branch (MOH)", "primarycare.branch@ontario.ca"),
            p.addr,
            subject,
            t,
            p.addr,
            body,
        )
    p = pick(rng, (KIRBY, OLUSEGUN))
    subject = pick(
        rng,
        (
            "Service Canada: Record of Employment submitted",
            "My Service Canada Account - security code",
            "ROE Web: Your Record of Employment was received",
        ),
    )
    body = leaf(
        (
            "Your security code is "
            + num(rng, 6)
            + ". It expires in 10 minutes. If you did not request it, do not share it with anyone."
        )
        if "security code" in subject
        else f"The Record of Employment (serial {rs(rng, 1, UPPER)}{num(rng, 8)}) submitted for your organization through ROE Web has been received by Service Canada.\n\nYou can view submitted ROEs by signing in to ROE Web at canada.ca/roe-web.",
        "plain",
        "utf-8",
        "7bit",
    )
    via = v_own(
        rng,
        "noreply-nepasrepondre@servicecanada.gc.ca",
        f"mail{rng.randrange(1, 5)}.servicecanada.gc.ca",
        ip(rng, "167.227.160"),
        f"{uuid(rng)}@servicecanada.gc.ca",
        [("servicecanada.gc.ca", "sc")],
    )
    return Msg(
        via,
        fa("Service Canada", "noreply-nepasrepondre@servicecanada.gc.ca"),
        p.addr,
        subject,
        t,
        p.addr,
        body,
    )


def regulator(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(5)
    if kind == 0:
        p = pick(rng, (SHARMA, OCONNOR, CHEN, HADDAD))
        subject = pick(
            rng,
            (
                "CPSO Annual Renewal – Your membership renewal is now open",
                "Reminder: Your CPSO annual fee is due June 1",
                "Dialogue: the latest from CPSO",
            ),
        )
        blocks = [
            ("p", f"Dear Dr. {p.last},"),
            (
                "p",
                "The annual renewal of your certificate of registration is now open in the member portal. Please complete the annual renewal form and pay your fee by June 1 to avoid a late penalty and suspension for non-payment.",
            ),
            ("btn", "Go to the member portal", "https://portal.cpso.on.ca/"),
            (
                "p",
                "CPSO will never ask you to pay by e-transfer or gift card. If you are unsure about a message from us, call 416-967-2603.",
            ),
            (
                "small",
                "College of Physicians and Surgeons of Ontario, 80 College Street, Toronto, ON M5G 2E2",
            ),
        ]
        via = v_own(
            rng,
            "noreply@cpso.on.ca",
            f"mail{rng.randrange(1, 5)}.cpso.on.ca",
            ip(rng, "40.107"),
            f"{uuid(rng)}@cpso.on.ca",
            [("cpso.on.ca", "selector1")],
        )
        frm = fa("CPSO", "noreply@cpso.on.ca")
    elif kind == 1:
        p = pick(rng, (TREMBLAY, PATEL))
        subject = pick(
            rng,
            (
                "CNO: Annual Membership Renewal is open",
                "CNO: Complete your Quality Assurance self-assessment",
                "The Standard – news from the College of Nurses of Ontario",
            ),
        )
        blocks = [
            ("p", f"Dear {p.first} {p.last},"),
            (
                "p",
                "Annual Membership Renewal is open until December 31. To remain eligible to practise, log in to Maple and complete your renewal."
                if "Renewal" in subject
                else "Your Quality Assurance requirements for this year are due. Log in to the QA portal to complete your self-assessment and learning plan.",
            ),
            ("btn", "Log in to Maple", "https://maple.cno.org/"),
            ("small", "College of Nurses of Ontario, 101 Davenport Road, Toronto, ON M5R 3P1"),
        ]
        via = v_own(
            rng,
            "bounce@cno.org",
            f"mail{rng.randrange(1, 5)}.cno.org",
            ip(rng, "13.111.18"),
            f"{uuid(rng)}@cno.org",
            [("cno.org", "s1")],
        )
        frm = fa("College of Nurses of Ontario", "noreply@cno.org")
    elif kind == 2:
        p = pick(rng, CLINICIANS)
        e = esp_hubspot(rng, "oma.org", p.addr)
        subject = pick(
            rng,
            (
                "OMA Member Update: physician services agreement",
                "Register now: OMA Practice Management Day",
                "Your OMA membership dues are due",
            ),
        )
        blocks = [
            ("p", f"Dear Dr. {p.last}," if p in (SHARMA, OCONNOR, CHEN, HADDAD) else f"Dear {p.first},"),
            (
                "p",
                "Here are this week's updates for members on the physician services agreement, billing changes and the new administrative burden task force.",
            ),
            ("btn", "Read the update", "https://www.oma.org/newsroom/"),
            (
                "small",
                "Ontario Medical Association, 150 Bloor Street West, Suite 900, Toronto, ON M5S 3C1. You are receiving this email as an OMA member. Unsubscribe or manage preferences.",
            ),
        ]
        return Msg(
            e.via,
            fa("Ontario Medical Association", "news@oma.org"),
            p.addr,
            subject,
            t,
            p.addr,
            notice(rng, blocks, click=e.click, pixel=e.pixel, color="#003d79"),
        )
    elif kind == 3:
        p = pick(rng, (MACPHERSON, SHARMA, GREENE, KIRBY, LIU))
        via = v_own(
            rng,
            "bounce@em.eventbrite.com",
            f"o{rng.randrange(1, 30)}.em.eventbrite.com",
            ip(rng, "167.89"),
            f"{rs(rng, 22, URLSAFE)}@eventbrite.com",
            [("eventbrite.com", "s1"), ("sendgrid.info", "smtpapi")],
        )
        ev = pick(
            rng,
            (
                "CPCOF 2025: Primary Care Operations Forum",
                "Privacy in Practice: PHIPA Breach Response Workshop",
                "Kawartha OHT Annual General Meeting",
            ),
        )
        oid = num(rng, 10)
        subject = f"Your tickets for {ev}" if rng.random() < 0.5 else f"Order Confirmation for {ev}"
        blocks = [
            ("h", "You're going to " + ev),
            (
                "kv",
                [
                    ("Order", f"#{oid}"),
                    ("Date", long_date(t + timedelta(days=30))),
                    (
                        "Location",
                        pick(
                            rng,
                            (
                                "Peterborough Golf & Country Club",
                                "Holiday Inn Peterborough Waterfront",
                                "Online event",
                            ),
                        ),
                    ),
                ],
            ),
            ("btn", "View tickets", f"https://www.eventbrite.ca/mytickets/{oid}"),
            (
                "small",
                "This email was sent to "
                + p.addr
                + ". Eventbrite, 95 Third Street, 2nd Floor, San Francisco, CA 94103",
            ),
        ]
        body = mixed(
            rng,
            notice(rng, blocks, color="#d1410c"),
            [
                attach(
                    pdf(ev, [f"Order #{oid}", p.name, "General Admission"], "Eventbrite"),
                    "application/pdf",
                    f"Eventbrite-{oid}.pdf",
                )
            ],
        )
        return Msg(
            via,
            fa("Eventbrite", "orders@eventbrite.com"),
            p.addr,
            subject,
            t,
            p.addr,
            body,
            [("Reply-To", "noreply@cpcof.ca")],
            tz=UTC,
        )
    else:
        p = pick(rng, (LIU, MACPHERSON))
        subject = pick(
            rng,
            (
                "IPC Ontario: Annual statistical report – submission window now open",
                "IPC: Privacy Day event invitation",
            ),
        )
        blocks = [
            ("p", "Dear health information custodian,"),
            (
                "p",
                "Health information custodians are required to submit their annual statistical report on privacy breaches for the previous calendar year by March 1 using the IPC's online submission form."
                if "report" in subject
                else "Join the Information and Privacy Commissioner of Ontario for Privacy Day. Registration is free.",
            ),
            (
                "btn",
                "Submit report" if "report" in subject else "Register",
                "https://www.ipc.on.ca/en/health-organizations/report-a-privacy-breach",
            ),
            (
                "small",
                "Information and Privacy Commissioner of Ontario, 2 Bloor Street East, Suite 1400, Toronto, ON M4W 1A8",
            ),
        ]
        via = v_m365(rng, "info@ipc.on.ca")
        via.dkim = [("ipc.on.ca", "selector1", "pass")]
        frm = fa("IPC Ontario", "info@ipc.on.ca")
    return Msg(via, frm, p.addr, subject, t, p.addr, notice(rng, blocks, color="#003d79"))


# --------------------------------------------------------------------------------------------
# calendar invitations


def calendar(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(4)
    rcpt = _who(rng)
    start = when(rng, lo=min((t - START).days + 2, DAYS - 1), hi=min((t - START).days + 20, DAYS))
    start = start.replace(minute=pick(rng, (0, 0, 15, 30, 30, 45)), second=0)
    if kind == 0:  # internal Teams meeting
        org = pick(rng, (MACPHERSON, SHARMA, OLUSEGUN, GREENE, WHITFIELD))
        summ = pick(
            rng,
            (
                "Leadership huddle",
                "Budget review FY26",
                "Port Hope site planning",
                "QI committee",
                "Privacy incident debrief",
                "EMR migration steering",
            ),
        )
        mid = f"19%3ameeting_{rs(rng, 48, ALNUM)}%40thread.v2"
        desc = (
            f"{'_' * 60}\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting <https://teams.microsoft.com/l/meetup-join/{mid}/0?context=%7b%22Tid%22%3a%22{uuid(rng)}%22%2c%22Oid%22%3a%22{uuid(rng)}%22%7d>\n"
            f"Meeting ID: {num(rng, 3)} {num(rng, 3)} {num(rng, 3)} {num(rng, 3)}\nPasscode: {rs(rng, 6, ALNUM)}\nDownload Teams | Join on the web\nOr call in (audio only)\n+1 647-555-0190,,{num(rng, 9)}#   Canada, Toronto\nPhone Conference ID: {num(rng, 3)} {num(rng, 3)} {num(rng, 3)}#\n{'_' * 60}\n"
        )
        ic = ics(
            rng,
            summ,
            start,
            pick(rng, (30, 60, 90)),
            (org.name, org.addr),
            [(rcpt.name, rcpt.addr)],
            "Microsoft Teams Meeting; Boardroom (Peterborough)",
            desc,
        )
        plain = desc
        body = multi(
            rng,
            "alternative",
            [
                leaf(plain, "plain", "utf-8", "quoted-printable"),
                leaf(doc([("p", x) for x in plain.split("\n") if x])[1], "html", "utf-8", "quoted-printable"),
                _cal(ic),
            ],
            "outlook",
        )
        via = v_internal(rng, org.addr)
        return Msg(via, to_of(org), to_of(rcpt), summ, t, rcpt.addr, body)
    if kind == 1:  # Zoom from a partner (Google Calendar)
        c = pick(rng, (LAKESHORE, RIVERSIDE, HALLPIKE, KAWRISK))
        n, loc = c.people[0]
        summ = pick(
            rng, ("Quarterly check-in", "Year-end planning", "Referral pathway review", "Renewal discussion")
        )
        summ = f"{summ}: {c.org.split()[0]} / Kestrel Lake"
        zid = num(rng, 11)
        desc = f"{n} is inviting you to a scheduled Zoom meeting.\n\nJoin Zoom Meeting\nhttps://us06web.zoom.us/j/{zid}?pwd={rs(rng, 32, ALNUM)}.1\n\nMeeting ID: {zid[:3]} {zid[3:7]} {zid[7:]}\nPasscode: {num(rng, 6)}\n"
        ic = ics(
            rng,
            summ,
            start,
            45,
            (n, f"{loc}@{c.domain}"),
            [(rcpt.name, rcpt.addr)],
            f"https://us06web.zoom.us/j/{zid}",
            desc,
            uid=f"{rs(rng, 26, LOWER)}@google.com",
            prodid="-//Google Inc//Google Calendar 70.9054//EN",
        )
        plain = f"{n} has invited you to: {summ}\n\n{long_date(start)} · {start:%I:%M %p} – {(start + timedelta(minutes=45)):%I:%M %p} (Eastern Time - Toronto)\n\n{desc}\nReply for {rcpt.addr}\nYes / No / Maybe\n\nInvitation from Google Calendar: https://calendar.google.com/calendar/\n"
        body = mixed(
            rng,
            multi(
                rng,
                "alternative",
                [
                    leaf(plain, "plain", "utf-8", "quoted-printable"),
                    leaf(
                        doc([("p", x) for x in plain.split("\n\n")])[1], "html", "utf-8", "quoted-printable"
                    ),
                    _cal(ic),
                ],
                "gmail",
            ),
            [attach(ic.encode(), "application/ics", "invite.ics")],
            "gmail",
        )
        via = corr_via(rng, c, loc)
        return Msg(
            via,
            fa(n, f"{loc}@{c.domain}"),
            rcpt.addr,
            f"Invitation: {summ} @ {start:%a %b %d, %Y %I:%M %p} - {(start + timedelta(minutes=45)):%I:%M %p} (EST) ({rcpt.addr})",
            t,
            rcpt.addr,
            body,
        )
    if kind == 2:  # Calendly booking
        rcpt = pick(rng, (GREENE, BERG, MACPHERSON, SIDDIQUI))
        who = pick(
            rng,
            (
                ("Nadia Ferreira", "PulsePatient"),
                ("Owen McCallum", "ClinicStream"),
                ("Jas Gill", "Harbourfront AV Solutions"),
            ),
        )
        summ = f"New Event: {who[0]} - {pick(rng, ('30 Minute Meeting', 'Product demo', 'Discovery call'))}"
        blocks = [
            ("p", f"Hi {rcpt.first},"),
            ("p", "A new event has been scheduled."),
            (
                "kv",
                [
                    ("Event Type", summ.split(" - ")[1]),
                    ("Invitee", who[0]),
                    (
                        "Invitee Email",
                        f"{who[0].split()[0].lower()}@{pick(rng, ('pulsepatient.io', 'clinicstream.com'))}",
                    ),
                    ("Event Date/Time", f"{start:%I:%M%p} - {long_date(start)} (Eastern Time - US & Canada)"),
                ],
            ),
            ("btn", "View event in Calendly", f"https://calendly.com/scheduled_events/{uuid(rng)}"),
            ("small", "Sent from Calendly"),
        ]
        via = v_own(
            rng,
            f"bounces+{rng.randrange(10**6, 10**7)}-{hx(rng, 4)}-{rcpt.local}={DOM}@em.calendly.com",
            f"o{rng.randrange(1, 30)}.ptr{rng.randrange(1000, 9999)}.calendly.com",
            ip(rng, "149.72"),
            f"{rs(rng, 22, URLSAFE)}@geopod-ismtpd-{rng.randrange(1, 40)}",
            [("calendly.com", "s1"), ("sendgrid.info", "smtpapi")],
        )
        return Msg(
            via,
            fa("Calendly", "notifications@calendly.com"),
            rcpt.addr,
            summ,
            t,
            rcpt.addr,
            notice(rng, blocks, color="#006bff"),
            tz=UTC,
        )
    # cancellation / update from internal scheduling of a clinic rotation
    org = pick(rng, (TREMBLAY, GREENE, DOUCETTE))
    summ = pick(rng, ("Canceled: ", "Updated: ")) + pick(
        rng, ("Nursing staff meeting", "Flu clinic planning", "IPAC audit walk-through")
    )
    ic = ics(
        rng,
        summ.split(": ", 1)[1],
        start,
        60,
        (org.name, org.addr),
        [(rcpt.name, rcpt.addr)],
        pick(rng, list(SITES)) + " staff room",
        "Moved to next week - sorry for the shuffle."
        if summ.startswith("Updated")
        else "Cancelled - we'll cover this at the town hall.",
        method="CANCEL" if summ.startswith("Canceled") else "REQUEST",
    )
    body = multi(
        rng,
        "alternative",
        [
            leaf(
                "Moved to next week - sorry for the shuffle.\n"
                if summ.startswith("Updated")
                else "Cancelled - we'll cover this at the town hall.\n",
                "plain",
                "utf-8",
                "7bit",
            ),
            _cal(ic, "CANCEL" if summ.startswith("Canceled") else "REQUEST"),
        ],
        "outlook",
    )
    via = v_internal(rng, org.addr)
    return Msg(via, to_of(org), to_of(rcpt), summ, t, rcpt.addr, body)


def _cal(text: str, method: str = "REQUEST") -> Message:
    m = Message()
    m["Content-Type"] = f'text/calendar; charset="utf-8"; method={method}'
    m["Content-Transfer-Encoding"] = "base64"
    m.set_payload(base64.encodebytes(text.encode()).decode())
    return m


# --------------------------------------------------------------------------------------------
# patients writing from their own mail


FIRSTS = [
    "Margaret",
    "Bob",
    "Linda",
    "Darren",
    "Keisha",
    "Helene",
    "Tyler",
    "Amanda",
    "Gurpreet",
    "Wei",
    "Fatima",
    "Jean-Guy",
    "Brianna",
    "Ron",
    "Sylvie",
    "Connor",
    "Mireille",
    "Doug",
    "Parveen",
    "Kayla",
]
LASTS = [
    "Dunn",
    "Campbell",
    "Thibodeau",
    "McAllister",
    "Brown",
    "Lévesque",
    "Singh",
    "Zhang",
    "Ahmed",
    "Kowalski",
    "Henderson",
    "Boucher",
    "O'Neill",
    "Fraser",
    "Nguyen",
    "Walsh",
    "Pelletier",
    "Hughes",
]


def patient(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    f, ln = pick(rng, FIRSTS), pick(rng, LASTS)
    prov = rng.randrange(6)
    lc = ascii_local(ln)
    if prov in (0, 1):
        addr = (
            pick(
                rng,
                (
                    f"{f.lower()}.{lc}{rng.randrange(1, 99)}",
                    f"{f[0].lower()}{lc}{rng.randrange(50, 99)}",
                    f"{f.lower()}{lc}",
                ),
            )
            + "@gmail.com"
        )
        via = v_google(rng, addr, consumer=True)
    elif prov == 2:
        addr = f"{f.lower()}_{lc}{rng.randrange(1, 99)}@{pick(rng, ('hotmail.com', 'outlook.com'))}"
        via = v_outlook_consumer(rng, addr)
    elif prov == 3:
        addr = (
            f"{f.lower()}{lc[:4]}{rng.randrange(1, 99)}@{pick(rng, ('yahoo.ca', 'yahoo.com', 'rogers.com'))}"
        )
        via = v_yahoo(rng, addr)
    elif prov == 4:
        addr = f"{f.lower()}.{lc}@sympatico.ca"
        via = v_outlook_consumer(rng, addr)
        via.dkim = [("sympatico.ca", "selector1", "pass")] if rng.random() < 0.5 else []
    else:
        addr = f"{f[0].lower()}{lc}@{pick(rng, ('cogeco.ca', 'nexicom.net'))}"
        host = f"{pick(rng, ('smtp-out', 'mta'))}{rng.randrange(1, 9)}.{dom_of(addr)}"
        via = Via(
            rp=addr,
            relay=(host, host, ip(rng, "24.114")),
            msgid=f"{hx(rng, 24)}@{dom_of(addr)}",
            dkim=[],
            spf="pass",
            headers=[("User-Agent", "Roundcube Webmail/1.6.9")],
            tls="1.2",
        )
    fr = pick(rng, (f"{f} {ln}", f"{f} {ln}", f"{f.lower()} {ln.lower()}", f"{f}"))
    kind = rng.randrange(7)
    doc_ = pick(rng, (SHARMA, OCONNOR, CHEN, HADDAD, PATEL))
    front = pick(rng, ("frontdesk.ptbo", "frontdesk.lindsay", "info", "referrals"))
    to, rcpt = shared(front)
    atts: list[Message] = []
    reply = False
    if kind == 0:
        texts = (
            f"Hi, I have an appointment with Dr. {doc_.last} on {t + timedelta(days=2):%A} at {rng.randrange(9, 4 + 12) % 12 or 12}:{pick(rng, ('00', '15', '30', '45'))} but I'm sick with a fever and don't want to spread it. Can I move it to next week? Thanks {f}",
            f"hello, cant make it tomorrow my car broke down. please cancel. sorry!!\n{f} {ln}\nDOB {rng.randrange(1, 28)}/{rng.randrange(1, 12)}/{rng.randrange(1945, 2005)}",
            f"Good morning,\n\nI'd like to book a physical with {doc_.first if doc_ is PATEL else 'Dr. ' + doc_.last}. Mornings are best for me. My health card number ends in {num(rng, 3)}.\n\nThank you,\n{f} {ln}\n{rng.randrange(100, 999)}-555-01{rng.randrange(10, 99)}",
        )
        k = rng.randrange(4)
        subject = (
            pick(
                rng, ("Need to reschedule my appointment", "Re: Appointment reminder", "sick - appointment")
            ),
            pick(rng, ("cancel appt tomorrow", "cancel", "Appointment cancellation")),
            pick(rng, ("appointment", "Booking a physical", "New appointment request")),
            "Re: Appointment reminder",
        )[k]
        text = texts[k if k < 3 else 0]
        reply = subject.startswith("Re:")
    elif kind == 1:
        subject = pick(
            rng, ("form for work", "Sick note", "insurance form - please fill", "Disability tax credit form")
        )
        text = f"Hi there,\n\nMy employer needs the attached form filled out by the doctor. I know there's a fee, I can pay it when I come in. Could you let me know when it's ready?\n\nThanks so much\n{f}\n\nSent from my iPhone"
        atts.append(
            attach(
                pdf(
                    "Attending Physician Statement",
                    [
                        f"Patient: {f} {ln}",
                        "Employer: " + pick(rng, ("Loblaw", "City of Peterborough", "Trent University")),
                        "Part B: to be completed by physician",
                    ],
                    "Adobe Acrobat",
                ),
                "application/pdf",
                pick(rng, ("APS form.pdf", "scan0001.pdf", "IMG_4432.pdf", "Document_2025-03-11.pdf")),
            )
        )
    elif kind == 2:
        subject = pick(
            rng, ("Thank you!!", "Thank you to the Lindsay nurses", "compliment for Dr " + doc_.last)
        )
        text = f"I just wanted to say thank you to {pick(rng, ('the nurses', 'Dr. ' + doc_.last, 'everyone at the front desk'))}. My mom was so well looked after during a really hard few months. Please pass this on!\n\n{f} {ln}"
    elif kind == 3:
        subject = pick(
            rng, ("question about my test results", "prescription refill", "Re: your lab requisition")
        )
        text = pick(
            rng,
            (
                "Hi, I got a notice in MyChart/the portal that my blood test results are in but I can't log in - it keeps saying my password is wrong. Can someone call me? 705-555-01"
                + str(rng.randrange(10, 99)),
                f"Hello, I need a refill on my {pick(rng, ('ramipril', 'levothyroxine', 'metformin', 'salbutamol inhaler'))}. Pharmacy is Shoppers on {pick(rng, ('Lansdowne', 'Kent St', 'Division St'))}. Thank you, {f}",
                "Thanks, I went to Lakeshore Labs this morning. Do I need to book a follow-up or will you call me?",
            ),
        )
        reply = text.startswith("Thanks")
        if reply:
            subject = "Re: Your lab requisition"
    elif kind == 4:
        subject = pick(
            rng, ("Rendez-vous", "Demande de renouvellement d'ordonnance", "Question – dossier médical")
        )
        text = pick(
            rng,
            (
                f"Bonjour,\n\nJe voudrais prendre rendez-vous avec le Dr {doc_.last} pour mon fils (8 ans). Il tousse depuis deux semaines. Est-ce possible cette semaine?\n\nMerci beaucoup,\n{f} {ln}",
                f"Bonjour,\n\nPourriez-vous transférer mon dossier médical à la clinique de Gatineau? Je déménage le mois prochain. J'ai signé le formulaire de consentement à l'accueil.\n\nCordialement,\n{f} {ln}",
            ),
        )
    elif kind == 5:
        subject = pick(rng, ("Complaint", "Very disappointed with wait time", "billing question"))
        text = pick(
            rng,
            (
                f"I waited over 90 minutes past my appointment time yesterday with no explanation. I understand things get busy but someone should have told us. I would like someone to call me.\n{f} {ln}",
                f"Hi, I got charged ${rng.randrange(20, 60)} for a form I thought was covered by OHIP? Can you explain? Receipt attached.\n{f}",
            ),
        )
        if "charged" in text:
            atts.append(
                attach(
                    pdf(
                        "Receipt",
                        [f"{ORG}", f"Uninsured service: {money(rng.uniform(20, 60))}", f"Paid by {f} {ln}"],
                        "Square",
                    ),
                    "application/pdf",
                    "receipt.pdf",
                )
            )
    else:
        subject = "Fwd: " + pick(rng, ("Referral", "Specialist appointment", "records request"))
        text = (
            f"See below - the specialist's office says they never got the referral? Can you resend?\n\n---------- Forwarded message ---------\nFrom: Central Intake <intake@otonabeeregional.ca>\nDate: {long_date(t - timedelta(days=1))}\nSubject: {subject[5:]}\n\n"
            f"Dear {f} {ln}, we have not yet received a referral from your primary care provider. Please ask them to fax it to 705-555-0188.\n"
        )
    if f.startswith("Jean") or "é" in ln or kind == 4:
        charset = pick(rng, ("iso-8859-1", "windows-1252", "utf-8"))
    else:
        charset = pick(rng, ("utf-8", "utf-8", "us-ascii"))
    cte = "quoted-printable" if charset != "us-ascii" else "7bit"
    if via.style == "gmail" and rng.random() < 0.7:
        html = '<div dir="ltr">' + "<br>".join(escape(x) for x in text.split("\n")) + "</div>\n"
        body = alt(
            rng,
            text + "\n",
            html,
            charset if charset != "us-ascii" else "utf-8",
            cte if charset != "us-ascii" else "quoted-printable",
            "gmail",
        )
    else:
        body = leaf(text + "\n", "plain", charset, cte, flowed=rng.random() < 0.3)
    hdrs = []
    if reply:
        ref = f"<{rs(rng, 20, UPPER)}${hx(rng, 8)}$@{DOM}>"
        hdrs = [("In-Reply-To", ref), ("References", ref)]
        quoted = f"\n\nOn {short_date(t - timedelta(days=1))}, at {rng.randrange(1, 12)}:{rng.randrange(10, 59)} PM, {SHARED[front]} <{rcpt}> wrote:\n\n> Hello,\n> This is a reminder of your upcoming appointment. Please reply to this email or call {PHONE} if you need to change it.\n> {ORG}\n"
        body = leaf(text + quoted, "plain", charset if charset != "us-ascii" else "utf-8", "quoted-printable")
    if atts:
        body = mixed(rng, body, atts, via.style)
    if rng.random() < 0.4:
        p = pick(rng, (doc_, TREMBLAY))
        to, rcpt = to_of(p), p.addr
    return Msg(via, fa(fr, addr), to, subject, t, rcpt, body, hdrs)


# --------------------------------------------------------------------------------------------
# partners, suppliers and advisers: threads with quoted text and attachments


def _quote_outlook(p: P, t: datetime, to: str, subject: str, text: str) -> str:
    return f"\n\nFrom: {p.name} <{p.addr}>\nSent: {long_date(t)} {t:%I:%M %p}\nTo: {to}\nSubject: {subject}\n\n{text}\n"


def _quote_gmail(p: P, t: datetime, text: str) -> str:
    return (
        f"\n\nOn {t:%a, %b} {t.day}, {t.year} at {t:%I:%M %p} {p.name} <{p.addr}> wrote:\n"
        + "\n".join("> " + x if x else ">" for x in text.split("\n"))
        + "\n"
    )


def partner(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(7)
    atts: list[Message] = []
    cc = None
    x = rng.random()

    def same(seq):
        return seq[int(x * len(seq))]

    if kind == 0:
        c, p = LAKESHORE, pick(rng, (TREMBLAY, KIRBY, GREENE))
        n, loc = c.people[2]
        subject = pick(
            rng,
            (
                "Re: Courier pickup times - Lindsay",
                "RE: Lindsay courier pickup",
                "Re: Afternoon courier - Lindsay",
            ),
        )
        mine = f"Hi {n.split()[0]},\n\nCan you confirm whether the afternoon courier pickup at Lindsay is moving to 3:30? Our nurses need to plan draws.\n\nThanks,\n{p.first}"
        text = f"Hi {p.first},\n\nYes - starting Monday the Lindsay pickup will be at 3:30 p.m. instead of 4. I've attached the updated schedule for all five of your sites.\n\nBest,\n{n}\nClient Services | {c.org}\n905-555-0160"
        atts.append(
            attach(
                xlsx(
                    [["Site", "AM pickup", "PM pickup"]]
                    + [[s, "10:30", pick(rng, ("15:30", "16:00"))] for s in SITES]
                ),
                XLSX,
                "Courier schedule - KLHG.xlsx",
            )
        )
        body_text = text + _quote_gmail(p, t - timedelta(hours=5), mine)
        reply = True
    elif kind == 1:
        c, p = ORH, pick(rng, (SHARMA, LIU, KIRBY))
        n, loc = c.people[0]
        subject = same(
            (
                "Discharge summary distribution - change to e-delivery",
                "RE: Data sharing agreement - final draft",
                "Emergency department notification pilot",
            )
        )
        body_text = (
            f"Good afternoon {p.first},\n\n"
            + same(
                (
                    "As discussed at the OHT table, starting next month discharge summaries for your attached patients will be delivered through HRM (Health Report Manager) rather than fax. Please confirm the primary contact for each site by replying to this email.",
                    "Attached is the final draft of the data sharing agreement with our legal team's changes accepted. If you're comfortable, we'll send it through DocuSign next week.",
                    "We're piloting same-day email notifications when one of your patients visits our ED. Notifications contain no clinical details; clinicians view the record in the provincial viewer.",
                )
            )
            + f"\n\nKind regards,\n\n{n}\nManager, Health Information Services\n{c.org}\n1 Hospital Drive, Peterborough, ON\nT 705-555-0101 ext. 3320\n\nThis e-mail may contain PRIVILEGED AND CONFIDENTIAL INFORMATION and is intended only for the use of the specific individual(s) to which it is addressed. If you are not an intended recipient, please notify the sender and delete this e-mail."
        )
        if "agreement" in subject:
            atts.append(
                attach(
                    docx(
                        [
                            "DATA SHARING AGREEMENT",
                            f"between {c.org} and {ORG}",
                            "1. Purpose",
                            "2. Definitions",
                            "3. Safeguards",
                            "Schedule A - Data elements",
                        ]
                    ),
                    DOCX,
                    "DSA_ORH_KLHG_final draft v6.docx",
                )
            )
        reply = subject.startswith("RE:")
    elif kind == 2:
        c, p = DRUMMOND, pick(rng, (MACPHERSON, WHITFIELD, LIU))
        n, loc = c.people[rng.randrange(2)]
        subject = same(
            (
                "Privileged & Confidential - Lease renewal, 86 Kent St W",
                "RE: Employment matter - next steps",
                "Drummond Vale - invoice and trust statement",
            )
        )
        body_text = (
            f"{p.first},\n\n"
            + same(
                (
                    "Attached is our markup of the landlord's renewal proposal. The main issues are the operating cost cap and the restoration clause. Could we have 20 minutes Thursday?",
                    "Thanks for the update. I have reviewed the termination letter and suggest two changes (attached, tracked). Please do not send it until we have spoken.",
                    "Please find attached our account for services rendered this month along with the trust statement. Payment may be made by cheque or EFT; our banking details are on the invoice and have not changed.",
                )
            )
            + f"\n\n{n}\nPartner | {c.org}\nT 416-555-0127 | {loc}@{c.domain}\n\nThis email is confidential and may be subject to solicitor-client privilege. If you received it in error, please notify us and delete it."
        )
        atts.append(
            attach(
                docx(["WITHOUT PREJUDICE", "Draft - for discussion"])
                if "invoice" not in subject
                else pdf(
                    "Statement of Account",
                    [
                        c.org,
                        f"Client: {ORG}",
                        "Professional fees",
                        f"Total: {money(rng.uniform(1500, 9000))}",
                    ],
                    "PCLaw",
                ),
                DOCX if "invoice" not in subject else "application/pdf",
                ("Lease renewal - DV comments.docx" if "Lease" in subject else "Letter - tracked.docx")
                if "invoice" not in subject
                else f"Invoice {num(rng, 6)}.pdf",
            )
        )
        reply = subject.startswith("RE:")
    elif kind == 3:
        c, p = HALLPIKE, pick(rng, (OLUSEGUN, NATARAJAN))
        n, loc = c.people[rng.randrange(3)]
        subject = same(
            (
                "Year-end audit - PBC list",
                "Re: HST return Q3 - questions",
                "Audit confirmations sent today",
                "Draft financial statements for review",
            )
        )
        body_text = (
            f"Hi {p.first},\n\n"
            + same(
                (
                    "Attached is the prepared-by-client list for this year's audit. Items marked with an asterisk are needed before fieldwork on the 14th. You can upload everything to our SmartVault portal; let me know if you need a new invite.",
                    "A couple of questions on the HST return before we file: the input tax credits on the Lindsay renovation look high - do you have the contractor invoices? And was the EMR licence prepaid?",
                    "Just a heads-up that we've sent bank and legal confirmations today. RBC may email you to authorize the confirmation through Confirmation.com - that request is legitimate.",
                    "The draft statements are attached. Please review the notes (especially note 7 on deferred contributions) and send us any comments by Friday.",
                )
            )
            + f"\n\nThanks!\n{n}\n{c.org}\n705-555-0148"
        )
        if "PBC" in subject or "Draft" in subject:
            atts.append(
                attach(
                    xlsx(
                        [
                            ["#", "Item", "Due"],
                            ["1", "Bank reconciliations Mar 31", "*"],
                            ["2", "AP subledger", "*"],
                            ["3", "Payroll summary & T4 summary", ""],
                            ["4", "Board minutes", ""],
                        ]
                    ),
                    XLSX,
                    "PBC list FY2025.xlsx",
                )
                if "PBC" in subject
                else attach(
                    pdf(
                        "DRAFT Financial Statements",
                        ["Statement of Financial Position", "Statement of Operations", "Notes"],
                        "CaseWare",
                    ),
                    "application/pdf",
                    "KLHG FS DRAFT.pdf",
                )
            )
        reply = subject.startswith("Re:")
    elif kind == 4:
        c, p = MERIDIAN, pick(rng, (GREENE, DOUCETTE, SHARMA))
        n, loc = c.people[0]
        subject = same(("Locum coverage - Lindsay, July", "Re: Urgent: coverage needed next week"))
        body_text = (
            f"Hi {p.first},\n\n"
            + same(
                (
                    "Good news - Dr. Rohan Menon has confirmed availability for the Lindsay clinic July 8-26. His CV, CPSO registration and CMPA confirmation are attached. Please confirm the schedule and we'll send the agreement via DocuSign.",
                    "Following up on your urgent request: we have two physicians who could cover Monday to Wednesday next week. Could you call me this afternoon to confirm? I'll need an answer by 4 p.m. to hold them.",
                )
            )
            + f"\n\nJordan\n\nJordan Ellis | Placement Coordinator\n{c.org}\nC: 613-555-0184"
        )
        if "confirm" in body_text and "CV" in body_text:
            atts.append(
                attach(
                    pdf(
                        "Curriculum Vitae - Dr. Rohan Menon",
                        ["MD, Queen's University", "CCFP", "CPSO #1xxxxx"],
                    ),
                    "application/pdf",
                    "Menon CV 2025.pdf",
                )
            )
        reply = subject.startswith("Re:")
    elif kind == 5:
        c, p = RIVERSIDE, pick(rng, (CHEN, HADDAD, OCONNOR, PATEL))
        n, loc = c.people[0]
        subject = same(("Referral received - thank you", "Riverside Physio - new pelvic health program"))
        body_text = f"Hi Dr. {p.last}," if p is not PATEL else f"Hi {p.first},"
        body_text += (
            "\n\n"
            + same(
                (
                    "Thanks for the referral. We've booked the patient for an initial assessment next Tuesday. I'll send a summary after the visit through the secure portal (not by email).",
                    "We've launched a pelvic health physiotherapy program with two new practitioners. Referral forms are attached - please share with your team.",
                )
            )
            + f"\n\nKate Lindqvist, PT\nClinic Director, {c.org}\n(705) 555-0176"
        )
        if "program" in subject:
            atts.append(
                attach(
                    pdf(
                        "Pelvic Health Referral Form", [c.org, "Patient name", "Reason for referral"], "Canva"
                    ),
                    "application/pdf",
                    "Pelvic Health Referral Form.pdf",
                )
            )
        reply = subject.startswith("Re:")
    else:
        c, p = KAWRISK, pick(rng, (MACPHERSON, OLUSEGUN, SIDDIQUI))
        n, loc = c.people[rng.randrange(2)]
        subject = same(
            ("Renewal - Commercial package & cyber policy", "Certificate of insurance for landlord")
        )
        body_text = (
            f"Hi {p.first},\n\n"
            + same(
                (
                    "Your commercial package and cyber policies renew on the 1st. The insurer has asked for an updated cyber questionnaire (attached) - in particular whether MFA is enforced for email and remote access, and how you back up the EMR.",
                    "Attached is the certificate of insurance naming the landlord as additional insured. Let me know if they need anything else.",
                )
            )
            + f"\n\n{n}\nCommercial Account Executive\n{c.org}\n705-555-0151"
        )
        atts.append(
            attach(
                pdf(
                    "Cyber Risk Questionnaire" if "Cyber" in body_text else "Certificate of Insurance",
                    [ORG, "Policy period", "Insurer"],
                    "Adobe PDF Library",
                ),
                "application/pdf",
                "Cyber questionnaire 2025.pdf" if "Cyber" in body_text else "COI - KLHG.pdf",
            )
        )
        reply = False
    frm_addr = f"{loc}@{c.domain}"
    via = corr_via(rng, c, loc)
    hdrs: list[tuple[str, str]] = []
    if reply and kind != 0:
        body_text += (
            _quote_outlook(
                p,
                t - timedelta(hours=rng.randrange(2, 40)),
                fa(n, frm_addr),
                subject.split(": ", 1)[-1],
                f"Hi {n.split()[0]},\n\nQuick question on this - can you send me what you have?\n\nThanks,\n{p.first}",
            )
            if via.style == "outlook"
            else _quote_gmail(
                p,
                t - timedelta(hours=rng.randrange(2, 40)),
                f"Hi {n.split()[0]},\n\nQuick question on this - can you send me what you have?\n\nThanks,\n{p.first}",
            )
        )
    if reply:
        ref = f"<{rs(rng, 20, UPPER)}${hx(rng, 8)}$@{DOM}>"
        hdrs = [
            ("In-Reply-To", ref),
            (
                "References",
                (f"<{rs(rng, 24, URLSAFE)}@mail.gmail.com>\n " if rng.random() < 0.3 else "") + ref,
            ),
        ]
    if rng.random() < 0.3:
        cc = pick(rng, [x for x in STAFF if x is not p])
        hdrs.append(("Cc", to_of(cc)))
    plain_charset = pick(rng, ("utf-8", "utf-8", "windows-1252", "iso-8859-1"))
    html = (
        '<html><body><div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">'
        + "".join(f"<p>{escape(x).replace(chr(10), '<br>')}</p>" for x in body_text.split("\n\n"))
        + "</div></body></html>\n"
    )
    try:
        body_text.encode(CODECS[plain_charset])
        html.encode(CODECS[plain_charset])
    except UnicodeEncodeError:
        plain_charset = "utf-8"
    body = (
        alt(rng, body_text + "\n", html, plain_charset, pick(rng, ("quoted-printable", "base64")), via.style)
        if rng.random() < 0.7
        else leaf(body_text + "\n", "plain", plain_charset, "quoted-printable")
    )
    if atts:
        body = mixed(rng, body, atts, via.style)
    return Msg(via, fa(n, frm_addr), to_of(p), subject, t, p.addr, body, hdrs)


# --------------------------------------------------------------------------------------------
# legitimate cold outreach


def cold_outreach(rng: random.Random) -> Msg:
    same = same_index(rng)
    t = when(rng)
    p = pick(rng, (MACPHERSON, BELANGER, OLUSEGUN, SHARMA, SIDDIQUI, BERG, LIU))
    kind = rng.randrange(5)
    if kind == 0:
        n, addr, _co = "Nadia Ferreira", "nadia.ferreira@pulsepatient.io", "PulsePatient"
        subject = pick(
            rng,
            (
                f"{p.first}, quick question about no-shows at {ORG}",
                "Patient reminders for Kestrel Lake?",
                f"Re: {ORG} + PulsePatient",
            ),
        )
        text = (
            f"Hi {p.first},\n\nI noticed {ORG} recently opened a fifth site in Bobcaygeon - congratulations! Clinics your size usually lose 6-9% of appointments to no-shows. "
            "PulsePatient integrates with your EMR to send two-way SMS and email reminders, and our Ontario clinics have cut no-shows by roughly a third.\n\n"
            "Would you be open to a 15-minute call next week? Here's my calendar if easier: https://calendly.com/nadia-pulsepatient/15min\n\n"
            f"Best,\nNadia\n\nNadia Ferreira | Account Executive, PulsePatient\n+1 416-555-0139\n\nIf you'd rather not hear from me, just reply \"no thanks\" and I won't follow up."
        )
        via = v_google(rng, addr)
        hdrs = [("X-Mailer", "Outreach")] if rng.random() < 0.5 else []
    elif kind == 1:
        n, addr, _co = "Marcus Lee", f"marcus.lee@{pick(rng, ('cdw.ca',))}", "CDW Canada"
        subject = same(
            (
                "Microsoft 365 licensing renewal - nonprofit/healthcare pricing",
                "Fortinet end-of-support on your firewalls",
                "Introducing your new CDW account manager",
            )
        )
        text = (
            f"Hello {p.first},\n\nMy name is Marcus and I'm your new account manager at CDW Canada. "
            + same(
                (
                    "Your Microsoft 365 agreement comes up for renewal soon, and there are a few changes to healthcare pricing this year worth reviewing.",
                    "Our records show two FortiGate 60F units on your account; several firmware branches reach end of engineering support this year.",
                    "I'm taking over your account from Jill, who has moved to our public sector team.",
                )
            )
            + " Would 20 minutes work this week or next?\n\nRegards,\n\nMarcus Lee\nAccount Manager, Healthcare\nCDW Canada | 185 The West Mall, Suite 1500, Toronto, ON M9C 5L5\nT 647-555-0165"
        )
        via = v_m365(rng, addr, "US")
        hdrs = []
    elif kind == 2:
        n, addr, _co = "Ellie Sandoval", f"ellie@{pick(rng, ('medreachcanada.com',))}", "MedReach"
        subject = pick(
            rng, ("Following up", "Last note from me", "Recruiting family physicians to the Kawarthas")
        )
        text = (
            f"Hi {p.first},\n\nFollowing up on my note from last week. We help rural and semi-rural clinic groups recruit family physicians and NPs - we placed 14 in Eastern Ontario last year.\n\n"
            "If recruiting isn't a priority right now, no problem at all - I'll close the loop.\n\nEllie Sandoval\nMedReach Canada\nhttps://www.medreachcanada.com\n\n--\nTo stop receiving emails from me, click here: https://app.apollo.io/unsubscribe/"
            + rs(rng, 24, ALNUM)
        )
        via = v_google(rng, addr)
        hdrs = [("List-Unsubscribe", f"<https://app.apollo.io/unsubscribe/{rs(rng, 24, ALNUM)}>")]
    elif kind == 3:
        n, addr, _co = "Julien Roy", "julien.roy@harbourfrontav.ca", "Harbourfront AV"
        subject = "Boardroom AV for the new Port Hope site"
        text = (
            f"Good morning {p.first},\n\nI saw the building permit notice for your Port Hope clinic and wanted to introduce Harbourfront AV. We install Teams Rooms, waiting-room displays and paging systems for healthcare clients across Durham and Northumberland.\n\n"
            "Happy to do a free site walk-through once the space is ready.\n\nJulien Roy\nHarbourfront AV Solutions\n905-555-0122"
        )
        via = v_google(rng, addr)
        hdrs = []
    else:
        n, addr, _co = "Priyanka Bose", f"priyanka@{pick(rng, ('clinicpulse.ca',))}", "ClinicPulse"
        subject = pick(
            rng,
            (
                "Invitation: Ontario primary care benchmarking survey (10 min)",
                "Ontario primary care benchmarking survey - your input",
            ),
        )
        text = (
            f"Dear {p.first},\n\nWe're running an independent benchmarking survey of Ontario primary care organizations on access, staffing and digital tools. Participants receive the full report free and can enter a draw for one of three $250 gift cards donated to a charity of their choice.\n\n"
            f"Survey link (10 minutes): https://www.surveymonkey.com/r/{rs(rng, 7, UPPER)}\n\nThe survey closes {long_date(t + timedelta(days=21))}. Results are reported only in aggregate.\n\nWith thanks,\nPriyanka Bose, MPH\nResearch Lead, ClinicPulse"
        )
        host = f"mail.{dom_of(addr)}"
        via = Via(
            rp=addr,
            relay=(
                f"{pick(rng, ('mail', 'smtp'))}{rng.randrange(1, 9)}.zoho.com",
                f"sender{rng.randrange(1, 9)}.zoho.com",
                ip(rng, "136.143.188"),
            ),
            msgid=f"{rng.randrange(10**12, 10**13)}.{rng.randrange(10**9, 10**10)}@{dom_of(addr)}",
            dkim=[(dom_of(addr), "zmail", "pass")],
            headers=[("X-Mailer", "Zoho Mail")],
        )
        _ = host
        hdrs = []
    body = (
        alt(
            rng,
            text + "\n",
            "<div>"
            + "".join(f"<p>{escape(x).replace(chr(10), '<br>')}</p>" for x in text.split("\n\n"))
            + "</div>\n",
            "utf-8",
            "quoted-printable",
            via.style,
        )
        if rng.random() < 0.6
        else leaf(text + "\n", "plain", "utf-8", "quoted-printable")
    )
    return Msg(via, fa(n, addr), to_of(p), subject, t, p.addr, body, hdrs)


# --------------------------------------------------------------------------------------------
# mailing lists and forwarding (SPF and DKIM of the author break, ARC does not)


LIST_POSTERS = [
    ("Heather Grant", "heather.grant@northumberlandfht.ca", "none"),
    ("Dave Okoro", "dokoro@durhamclinics.ca", "quarantine"),
    ("Sunita Rao", "sunita.rao@gmail.com", "none"),
    ("Marie-Claude Roy", "mcroy@cliniquehawkesbury.ca", None),
    ("Jim Patterson", "jpatterson@brightonmedical.ca", "none"),
]


def mailing_list(rng: random.Random) -> Msg:
    t = when(rng)
    kind = rng.randrange(4)
    p = pick(rng, (GREENE, DOUCETTE, MACPHERSON, KIRBY, BELANGER, LIU))
    n, addr, pol = pick(rng, LIST_POSTERS)
    if kind == 0:  # Google Group, From rewritten when DMARC is strict
        group = pick(rng, ("ontario-clinic-managers", "kawartha-oht-digital", "on-primary-care-it"))
        subject = f"[{group}] " + pick(
            rng,
            (
                "Anyone using AI scribes yet?",
                "Fax to email solutions - recommendations?",
                "Re: OHIP billing agent recommendations",
                "Job posting: RPN, Cobourg",
                "Re: Phishing emails pretending to be OntarioMD",
            ),
        )
        text = pick(
            rng,
            (
                "We're piloting an AI scribe with three physicians. Curious what others are doing about consent and privacy impact assessments - did you do a PIA before go-live?",
                "Our fax server is end-of-life. What are people using for e-fax that integrates with the EMR? Bonus points for something with decent audit logs.",
                "We've had a wave of emails pretending to be OntarioMD asking people to 're-validate' their EMR licence. They come from a lookalike domain. Heads up!",
                "Sharing on behalf of a colleague: full-time RPN position, Monday to Friday, no evenings, full benefits. Send CVs to hr@brightonmedical.ca.",
            ),
        )
        rewrite = pol in ("quarantine", "reject")
        frm = fa(f"'{n}' via {group}", f"{group}@googlegroups.com") if rewrite else fa(n, addr)
        via = v_own(
            rng,
            f"{group}+bncBD{rs(rng, 40, UPPER)}@googlegroups.com",
            f"mail-{pick(rng, ('yw1', 'qt1', 'oo1'))}-f{rng.randrange(50, 250)}.google.com",
            f"209.85.{pick(rng, (128, 160, 219))}.{rng.randrange(50, 250)}",
            f"{rs(rng, 36, URLSAFE)}@googlegroups.com",
            [("googlegroups.com", "20230601")],
        )
        via.dkim.append((dom_of(addr), pick(rng, ("google", "selector1")), "fail"))
        unsub = f"{group}+unsubscribe@googlegroups.com"
        hdrs = [
            ("Reply-To", fa(n, addr)) if rewrite else ("Reply-To", f"{group}@googlegroups.com"),
            ("Sender", f"{group}@googlegroups.com"),
            ("Precedence", "list"),
            ("Mailing-list", f"list {group}@googlegroups.com; contact {group}+owners@googlegroups.com"),
            ("List-ID", f"<{group}.googlegroups.com>"),
            ("X-Spam-Checked-In-Group", f"{group}@googlegroups.com"),
            ("X-Google-Group-Id", num(rng, 12)),
            (
                "List-Post",
                f"<https://groups.google.com/group/{group}/post>, <mailto:{group}@googlegroups.com>",
            ),
            ("List-Help", f"<https://groups.google.com/support/>, <mailto:{group}+help@googlegroups.com>"),
            ("List-Archive", f"<https://groups.google.com/group/{group}/>"),
            (
                "List-Subscribe",
                f"<https://groups.google.com/group/{group}/subscribe>, <mailto:{group}+subscribe@googlegroups.com>",
            ),
            (
                "List-Unsubscribe",
                f"<mailto:googlegroups-manage+{num(rng, 12)}+unsubscribe@googlegroups.com>,\n <https://groups.google.com/group/{group}/subscribe>",
            ),
        ]
        foot = f'\n\n-- \nYou received this message because you are subscribed to the Google Groups "{group}" group.\nTo unsubscribe from this group and stop receiving emails from it, send an email to {unsub}.\nTo view this discussion visit https://groups.google.com/d/msgid/{group}/{rs(rng, 30, URLSAFE)}%40mail.gmail.com.\n'
        body = leaf(f"Hi all,\n\n{text}\n\n{n}\n" + foot, "plain", "utf-8", "quoted-printable")
        arc = (
            "google.com",
            "arc-20240605",
            f"mx.google.com; dkim=pass header.i=@{dom_of(addr)}; spf=pass smtp.mailfrom={addr}; "
            + (f"dmarc=pass (p={pol.upper()} sp={pol.upper()} dis=NONE)" if pol else "dmarc=none")
            + f" header.from={dom_of(addr)}",
        )
        return Msg(
            via,
            frm,
            fa(group, f"{group}@googlegroups.com"),
            subject,
            t,
            p.addr,
            body,
            hdrs,
            arc=arc,
            dmarc="dmarc=pass (p=none dis=none) header.from=googlegroups.com"
            if rewrite
            else (
                f"dmarc=fail (p=none dis=none) header.from={dom_of(addr)}"
                if pol == "none"
                else f"dmarc=none header.from={dom_of(addr)}"
            ),
        )
    if kind == 1:  # Mailman 3 list at an association; subject tag and footer break DKIM
        lst = "privacy-officers"
        ld = "lists.kawarthahealthcoalition.ca"
        subject = "[Privacy-Officers] " + pick(
            rng,
            (
                "IPC decision on snooping - summary",
                "Template: breach notification letter",
                "Re: retention schedule for scanned records",
            ),
        )
        text = pick(
            rng,
            (
                "The IPC published a new decision on unauthorized access by an employee. Summary: the custodian's audit logs were key. Worth a read before your next training session.",
                "Attaching our breach notification letter template (reviewed by counsel). Feel free to adapt.",
                "We keep scanned paper records for 10 years after last visit for adults, and 10 years after the 18th birthday for minors, per CPSO guidance.",
            ),
        )
        via = v_own(
            rng,
            f"{lst}-bounces@{ld}",
            ld,
            ip(rng, "192.99.14"),
            f"{hx(rng, 16)}@{dom_of(addr)}",
            [(dom_of(addr), "default")],
            tls="1.2",
        )
        via.dkim = [(dom_of(addr), "default", "fail")] if pol is not None else []
        hdrs = [
            ("Sender", f"{lst}-bounces@{ld}"),
            ("List-Id", f"Privacy officers network <{lst}.{ld}>"),
            ("List-Post", f"<mailto:{lst}@{ld}>"),
            ("Precedence", "list"),
            ("List-Help", f"<mailto:{lst}-request@{ld}?subject=help>"),
            ("List-Subscribe", f"<https://{ld}/mailman3/lists/{lst}.{ld}/>, <mailto:{lst}-join@{ld}>"),
            ("List-Unsubscribe", f"<mailto:{lst}-leave@{ld}>"),
            ("Archived-At", f"<https://{ld}/archives/list/{lst}@{ld}/message/{rs(rng, 32, UPPER)}/>"),
            ("X-Mailman-Version", "3.3.9"),
            ("X-MailFrom", addr),
        ]
        body = leaf(
            f"{text}\n\n{n}\n_______________________________________________\nPrivacy-Officers mailing list -- {lst}@{ld}\nTo unsubscribe send an email to {lst}-leave@{ld}\n",
            "plain",
            "utf-8",
            "quoted-printable",
        )
        dm = (
            None
            if pol is None
            else f"dmarc=fail (p={pol} dis=none) header.from={dom_of(addr)}"
            if pol == "none"
            else None
        )
        frm = fa(n, addr) if pol in (None, "none") else fa(f"{n} via Privacy-Officers", f"{lst}@{ld}")
        if pol not in (None, "none"):
            hdrs.insert(0, ("Reply-To", fa(n, addr)))
        return Msg(via, frm, f"{lst}@{ld}", subject, t, p.addr, body, hdrs, dmarc=dm)
    if kind == 2:  # a staff member's personal mail forwarded to work (SPF breaks, DKIM survives)
        src = pick(
            rng,
            (
                ("Rogers", "rogers.com", "noreply@rogers.com", "Your Rogers bill is ready"),
                (
                    "Enbridge Gas",
                    "enbridgegas.com",
                    "noreply@enbridgegas.com",
                    "Your Enbridge Gas bill is ready to view",
                ),
                (
                    "Hydro One",
                    "hydroone.com",
                    "customerservice@hydroone.com",
                    "Your Hydro One bill is now available",
                ),
            ),
        )
        personal = f"{ascii_local(p.first)}.{ascii_local(p.last)}@{pick(rng, ('gmail.com', 'outlook.com'))}"
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"{src[3]}. Amount due: {money(rng.uniform(60, 260))}. Due date: {short_date(t + timedelta(days=18))}.",
            ),
            ("btn", "View my bill", f"https://www.{src[1]}/myaccount"),
            ("small", f"{src[0]} · Please do not reply to this email."),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 16, LOWER)}@mail.{src[1]}",
            f"mail.{pick(rng, ('outlook.com', 'gmail.com'))}",
            ip(rng, "40.92" if "outlook" in personal else "209.85.220"),
            f"{uuid(rng)}@{src[1]}",
            [(src[1], "s1")],
        )
        via.spf = "fail" if rng.random() < 0.4 else "softfail"
        via.hops.insert(
            0,
            f"from mta{rng.randrange(1, 9)}.mail.{src[1]} (mta.mail.{src[1]} [{ip(rng, '13.111')}])\n\tby mx.{dom_of(personal)} with ESMTPS id {rs(rng, 20, LOWER)}\n\tfor <{personal}>; {{T}}",
        )
        body = notice(rng, blocks, color="#da291c")
        return Msg(
            via,
            fa(src[0], src[2]),
            personal,
            src[3],
            t,
            p.addr,
            body,
            [("X-Forwarded-For", f"{personal} {p.addr}"), ("X-Forwarded-To", p.addr)],
        )
    # a university listserv (LISTSERV) for a CME course the physicians attend
    p = pick(rng, (SHARMA, CHEN, HADDAD, OCONNOR, PATEL))
    subject = pick(
        rng,
        (
            "CME: Rural Emergency Skills weekend - registration open",
            "Reminder: Journal club Thursday 7 pm (Zoom)",
            "Family Medicine grand rounds - recording available",
        ),
    )
    via = v_own(
        rng,
        "owner-FAMMED-RURAL@LISTSERV.QUEENSU.CA",
        "listserv.queensu.ca",
        ip(rng, "130.15"),
        f"{rs(rng, 22, UPPER)}@LISTSERV.QUEENSU.CA",
        [],
        tls="1.2",
    )
    via.spf = "pass"
    hdrs = [
        ("Sender", "Rural Family Medicine network <FAMMED-RURAL@LISTSERV.QUEENSU.CA>"),
        ("Reply-To", "Joanne Whitaker <jw88@queensu.ca>"),
        ("List-Unsubscribe", "<mailto:FAMMED-RURAL-signoff-request@LISTSERV.QUEENSU.CA>"),
        ("Precedence", "list"),
    ]
    body = leaf(
        f"Dear colleagues,\n\n{subject}. Details and registration: https://healthsci.queensu.ca/cpd/\n\nJoanne Whitaker\nContinuing Professional Development, Queen's University\n\n########################################################################\n\nTo unsubscribe from the FAMMED-RURAL list, click the following link:\nhttps://LISTSERV.QUEENSU.CA/cgi-bin/wa?SUBED1=FAMMED-RURAL&A=1\n",
        "plain",
        "iso-8859-1",
        "quoted-printable",
    )
    return Msg(
        via,
        fa("Joanne Whitaker", "jw88@queensu.ca"),
        "FAMMED-RURAL@LISTSERV.QUEENSU.CA",
        subject,
        t,
        p.addr,
        body,
        hdrs,
        dmarc="dmarc=fail (p=none dis=none) header.from=queensu.ca",
    )


# --------------------------------------------------------------------------------------------
# monitoring, ticketing and other robots


def monitoring(rng: random.Random) -> Msg:
    same = same_index(rng)
    t = when(rng, biz=False)
    kind = rng.randrange(6)
    p = pick(rng, (BELANGER, KOWALCZYK))
    if kind == 0:
        mon = pick(rng, ("Patient portal", "kestrellakehealth.ca", "Online booking", "VPN gateway"))
        down = rng.random() < 0.5
        subject = f"Monitor is {'DOWN' if down else 'UP'}: {mon}"
        blocks = [
            ("h", subject),
            (
                "kv",
                [
                    ("Monitor", mon),
                    ("URL", f"https://{pick(rng, ('portal', 'www', 'book', 'vpn'))}.{DOM}"),
                    ("Reason", pick(rng, ("Connection Timeout", "HTTP 502 - Bad Gateway", "SSL error")))
                    if down
                    else ("Duration", f"{rng.randrange(1, 40)} minutes"),
                    ("Checked at", f"{t.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"),
                ],
            ),
            ("btn", "View monitor", f"https://dashboard.uptimerobot.com/monitors/{num(rng, 9)}"),
            ("small", "UptimeRobot · You're receiving this because you're an alert contact."),
        ]
        via = v_own(
            rng,
            f"bounce+{rs(rng, 12, LOWER)}@mail.uptimerobot.com",
            f"mail{rng.randrange(1, 9)}.uptimerobot.com",
            ip(rng, "216.144.250"),
            f"{uuid(rng)}@uptimerobot.com",
            [("uptimerobot.com", "k1")],
        )
        frm = fa("UptimeRobot", "alert@uptimerobot.com")
    elif kind == 1:
        inc = rng.randrange(1000, 9999)
        subject = (
            f"[PagerDuty ALERT] You have 1 TRIGGERED Incident ({inc})"
            if rng.random() < 0.6
            else f"[Resolved] Incident #{inc}: Backup job failed - EMR-DB01"
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                "You have 1 TRIGGERED incident."
                if "TRIGGERED" in subject
                else "The following incident has been resolved.",
            ),
            (
                "kv",
                [
                    ("Incident", f"#{inc}"),
                    ("Service", pick(rng, ("Veeam Backup", "Fortinet VPN", "EMR Database"))),
                    (
                        "Summary",
                        pick(
                            rng,
                            (
                                "Backup job failed - EMR-DB01",
                                "VPN tunnel to Lindsay down",
                                "Disk usage > 90% on FS02",
                            ),
                        ),
                    ),
                ],
            ),
            ("btn", "Acknowledge", f"https://kestrellakehealth.pagerduty.com/incidents/{rs(rng, 14, UPPER)}"),
            ("small", "PagerDuty, Inc. · 600 Townsend St, Suite 200, San Francisco, CA 94103"),
        ]
        via = v_own(
            rng,
            "no-reply@pagerduty.com",
            f"mail{rng.randrange(1, 9)}.pagerduty.com",
            ip(rng, "54.240"),
            f"{uuid(rng)}@pagerduty.com",
            [("pagerduty.com", "pd2048")],
        )
        frm = fa("PagerDuty", "no-reply@pagerduty.com")
    elif kind == 2:
        subject = pick(
            rng,
            (
                "[Backup] EMR-DB01 nightly: Success",
                "[Backup] FS02 weekly: Warning (1 VM)",
                '[Veeam] Job "Clinics-SQL" finished with Failed',
            ),
        )
        rows = "\n".join(
            f"{n:<14}{s:<10}{rng.randrange(1, 90)} GB"
            for n, s in [
                ("EMR-DB01", "Success"),
                ("FS02", pick(rng, ("Success", "Warning"))),
                ("DC01", "Success"),
            ]
        )
        body = leaf(
            f"Backup job report\n\nServer: VBR01.corp.{DOM}\nStarted: {t:%Y-%m-%d %H:%M}\nDuration: {rng.randrange(10, 90)} min\n\nName          Status    Transferred\n{rows}\n\nThis is an automated message.\n",
            "plain",
            "us-ascii",
            "7bit",
        )
        via = v_app(rng, f"veeam@{DOM}", "vbr01")
        return Msg(
            via,
            fa("Veeam Backup & Replication", f"veeam@{DOM}"),
            p.addr,
            subject,
            t,
            p.addr,
            body,
            [("X-Mailer", "Veeam Backup & Replication")],
        )
    elif kind == 3:
        tid = rng.randrange(10000, 99999)
        subject = same(
            (
                f"[Northbeam] Ticket {tid} updated: Firewall firmware upgrade",
                f"[Northbeam] Ticket {tid} created: Printer mapping Cobourg",
                f"Request #{tid}: Your request has been solved",
            )
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                same(
                    (
                        "We have scheduled the FortiGate firmware upgrade for Saturday 9 p.m. There will be a 10-minute outage at each site.",
                        "Your ticket has been created and a technician will respond within 4 business hours.",
                        "Your request has been solved. Reply to this email if you need to reopen it.",
                    )
                ),
            ),
            ("link", "View ticket", f"https://northbeam.zendesk.com/hc/requests/{tid}"),
            (
                "small",
                "Northbeam Technologies Service Desk · This email is a service from Northbeam Technologies.",
            ),
        ]
        via = v_own(
            rng,
            f"support+id{tid}@northbeam.zendesk.com",
            f"outbyip{rng.randrange(1, 9)}.zendesk.com",
            ip(rng, "192.161.146"),
            f"{rs(rng, 12, UPPER)}_{hx(rng, 8)}_sprut@zendesk.com",
            [("zendesk.com", "zendesk1"), ("northbeamtech.ca", "zendesk1")],
        )
        frm = fa("Northbeam Service Desk", "support@northbeamtech.ca")
        hdrs = [
            ("Reply-To", f"Northbeam Service Desk <support+id{tid}@northbeam.zendesk.com>"),
            ("X-Mailer", "Zendesk Mailer"),
            ("Auto-Submitted", "auto-generated"),
        ]
        return Msg(via, frm, p.addr, subject, t, p.addr, notice(rng, blocks, color="#03363d"), hdrs)
    elif kind == 4:
        subject = pick(
            rng,
            (
                "SSL certificate for portal.kestrellakehealth.ca expires in 14 days",
                "Domain renewal notice: kestrellakehealth.ca",
                "Action required: verify domain ownership for kestrellakehealth.ca",
            ),
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                "The SSL/TLS certificate for portal.kestrellakehealth.ca (issued by Sectigo) expires on "
                + short_date(t + timedelta(days=14))
                + ". Renew now to avoid browser warnings."
                if "SSL" in subject
                else f"Your domain kestrellakehealth.ca is set to auto-renew on {short_date(t + timedelta(days=30))}. The card on file will be charged {money(rng.uniform(15, 40))} CAD."
                if "renewal" in subject
                else "To complete your certificate order, confirm you control kestrellakehealth.ca by adding the DNS TXT record below or clicking the approval link.",
            ),
            ("btn", "Manage", "https://ap.www.namecheap.com/domains/list/"),
            ("small", "Namecheap, Inc. · 4600 East Washington Street, Suite 300, Phoenix, AZ 85034"),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 16, LOWER)}@mail.namecheap.com",
            f"mta-out{rng.randrange(1, 9)}.namecheap.com",
            ip(rng, "198.54.127"),
            f"{uuid(rng)}@namecheap.com",
            [("namecheap.com", "default")],
        )
        frm = fa("Namecheap", "support@namecheap.com")
    else:
        subject = pick(
            rng,
            (
                "[Sentry] New issue in patient-portal: TypeError: Cannot read properties of undefined",
                "Datadog: [Triggered] Disk usage high on fs02",
                "Datadog: [Recovered] Disk usage high on fs02",
            ),
        )
        if "Sentry" in subject:
            blocks = [
                ("p", "New issue"),
                (
                    "kv",
                    [
                        ("Project", "patient-portal"),
                        ("Environment", "production"),
                        ("Events", str(rng.randrange(1, 60))),
                    ],
                ),
                (
                    "btn",
                    "View on Sentry",
                    f"https://kestrel-lake.sentry.io/issues/{num(rng, 10)}/?referrer=alert_email",
                ),
                (
                    "small",
                    "You are receiving this email because you are subscribed to notifications for this project.",
                ),
            ]
            via = v_own(
                rng,
                f"bounces+{rng.randrange(10**6, 10**7)}@md.getsentry.com",
                f"o{rng.randrange(1, 30)}.md.getsentry.com",
                ip(rng, "149.72"),
                f"{hx(rng, 32)}@md.getsentry.com",
                [("md.getsentry.com", "s1")],
            )
            frm = fa("Sentry", "noreply@md.getsentry.com")
        else:
            blocks = [
                ("p", subject.split(": ", 1)[1]),
                (
                    "kv",
                    [
                        ("Host", "fs02"),
                        ("Metric", "system.disk.in_use"),
                        ("Value", f"{rng.randrange(85, 97)}%"),
                    ],
                ),
                ("btn", "View monitor", f"https://app.datadoghq.com/monitors/{num(rng, 8)}"),
                ("small", "Datadog, Inc. · 620 8th Ave, New York, NY 10018"),
            ]
            via = v_own(
                rng,
                "bounce@dtdg.co",
                f"mail{rng.randrange(1, 9)}.dtdg.co",
                ip(rng, "149.72"),
                f"{uuid(rng)}@dtdg.co",
                [("dtdg.co", "s1")],
            )
            frm = fa("Datadog Alerting", "alert@dtdg.co")
    return Msg(
        via,
        frm,
        p.addr,
        subject,
        t,
        p.addr,
        notice(rng, blocks, color="#3b873e"),
        [("Auto-Submitted", "auto-generated")],
        tz=UTC,
    )


# --------------------------------------------------------------------------------------------
# recruiting platforms and social networks


def recruiting_social(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(6)
    p = _who(rng)
    li_host = f"mail{pick(rng, ('a', 'b', 'c'))}{rng.randrange(100, 250)}.linkedin.com"

    def li_via(local: str) -> Via:
        return v_own(
            rng,
            f"s-{rs(rng, 12, LOWER)}{rng.randrange(10**9, 10**10)}@bounce.linkedin.com",
            li_host,
            ip(rng, "108.174.3" if rng.random() < 0.5 else "108.174.6"),
            f"{rng.randrange(10**9, 10**10)}.{rng.randrange(10**4, 10**5)}.{rng.randrange(1700000000000, 1790000000000)}@ltx1-app{rng.randrange(1000, 9999)}.prod.linkedin.com",
            [("linkedin.com", "d2048-2023-q3")],
            headers=[
                ("X-LinkedIn-Class", pick(rng, ("INVITE", "MSG", "ALERT"))),
                ("X-LinkedIn-Template", local),
            ],
        )

    if kind == 0:
        who = f"{pick(rng, FIRSTS)} {pick(rng, LASTS)}"
        subject = (
            f"{p.first}, please add me to your LinkedIn network"
            if rng.random() < 0.4
            else "I want to connect"
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                f"{who}\n{pick(rng, ('Registered Nurse at Otonabee Regional Hospital', 'Account Executive at PulsePatient', 'Practice Manager | Primary Care'))}\n{pick(rng, ('Peterborough', 'Toronto', 'Oshawa'))}, Ontario, Canada",
            ),
            (
                "btn",
                "Accept",
                f"https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId={num(rng, 19)}&sharedKey={rs(rng, 8, URLSAFE)}&trk=eml-email_m2m_invite_single_01-hero-1-accept~cta",
            ),
            (
                "link",
                "View profile",
                f"https://www.linkedin.com/comm/in/{who.lower().replace(' ', '-').replace(chr(39), '')}-{hx(rng, 8)}?midToken={rs(rng, 40, URLSAFE)}&trk=eml-email_m2m_invite_single_01",
            ),
            (
                "small",
                f"This email was intended for {p.name} ({p.title} at {ORG}). Learn why we included this.\nYou are receiving LinkedIn notification emails.\nUnsubscribe · Help\n© 2025 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.",
            ),
        ]
        via = li_via("email_m2m_invite_single_01")
        frm = fa(who, "invitations@linkedin.com")
        color = "#0a66c2"
    elif kind == 1:
        who = f"{pick(rng, FIRSTS)} {pick(rng, LASTS)}"
        subject = f"{who} sent you a new message"
        blocks = [
            ("p", f"{who} sent you a message"),
            (
                "p",
                pick(
                    rng,
                    (
                        f"Hi {p.first}, I'm a family physician finishing residency in June and very interested in the Cobourg position. Would you have time for a quick chat?",
                        f"Hello {p.first} - we met at the CPCOF forum. Following up on our conversation about referral workflows.",
                        f"Hi {p.first}, I'm a recruiter with a healthcare client in Toronto and thought you'd be a great fit for a Director role. Open to a confidential conversation?",
                    ),
                ),
            ),
            (
                "btn",
                "Reply",
                f"https://www.linkedin.com/comm/messaging/thread/2-{rs(rng, 40, URLSAFE)}==/?lipi=urn%3Ali%3Apage%3Aemail_email_notification_single_mercado_new_message_01%3B{rs(rng, 22, URLSAFE)}%3D%3D",
            ),
            (
                "small",
                f"This email was intended for {p.name}. © 2025 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.",
            ),
        ]
        via = li_via("email_notification_single_mercado_new_message_01")
        frm = fa(f"{who} via LinkedIn", "messages-noreply@linkedin.com")
        color = "#0a66c2"
    elif kind == 2:
        p = pick(rng, (WHITFIELD, GREENE, DOUCETTE))
        job = pick(
            rng,
            (
                "Registered Practical Nurse (RPN)",
                "Medical Office Assistant",
                "Family Physician",
                "Nurse Practitioner - Primary Care",
            ),
        )
        n = rng.randrange(3, 40)
        subject = pick(
            rng,
            (
                f"{n} new applicants for {job}",
                f"New application: {job} - {pick(rng, FIRSTS)} {pick(rng, LASTS)[0]}.",
                f"Your job {job} is expiring soon",
            ),
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            ("p", f"{subject}. Review candidates in your employer dashboard."),
            (
                "btn",
                "Review candidates",
                f"https://employers.indeed.com/candidates?id={hx(rng, 16)}&from=email",
            ),
            (
                "small",
                "Indeed Canada Corp., 1 Yonge Street, Suite 2300, Toronto, ON M5E 1E5. To change email preferences, visit your Indeed employer account.",
            ),
        ]
        via = v_own(
            rng,
            f"bounce-{hx(rng, 24)}@indeed.com",
            f"mail-{pick(rng, ('ord', 'iad'))}{rng.randrange(1, 9)}.indeed.com",
            ip(rng, "169.45"),
            f"{hx(rng, 32)}@indeed.com",
            [("indeed.com", "s1")],
        )
        frm = fa("Indeed", "noreply@indeed.com")
        color = "#2557a7"
    elif kind == 3:
        p = pick(rng, (WHITFIELD, SHARMA))
        cand = f"{pick(rng, FIRSTS)} {pick(rng, LASTS)}"
        subject = f"New candidate for Family Physician - Cobourg: {cand}"
        blocks = [
            ("p", f"{cand} applied for Family Physician - Cobourg."),
            (
                "kv",
                [
                    ("Source", pick(rng, ("Careers page", "LinkedIn", "HealthForceOntario"))),
                    ("Stage", "Applied"),
                ],
            ),
            (
                "btn",
                "View candidate",
                f"https://kestrellakehealth.workable.com/backend/jobs/{num(rng, 7)}/candidates/{num(rng, 9)}",
            ),
            ("small", "Workable Software Limited · Sent by Workable on behalf of " + ORG),
        ]
        via = v_own(
            rng,
            f"bounce-{rs(rng, 20, LOWER)}@workablemail.com",
            f"o{rng.randrange(1, 30)}.workablemail.com",
            ip(rng, "167.89"),
            f"{rs(rng, 22, URLSAFE)}@workablemail.com",
            [("workablemail.com", "s1")],
        )
        frm = fa("Workable", "noreply@workablemail.com")
        color = "#00756a"
        if rng.random() < 0.5:
            cv = attach(
                pdf(f"{cand} - CV", ["MD", "CCFP", "References available"], "Microsoft Word"),
                "application/pdf",
                f"{cand.replace(' ', '_')}_CV.pdf",
            )
            return Msg(
                via,
                frm,
                p.addr,
                subject,
                t,
                p.addr,
                mixed(rng, notice(rng, blocks, color=color), [cv]),
                tz=UTC,
            )
    elif kind == 4:
        p = pick(rng, (WHITFIELD, GREENE, SHARMA))
        cand = (pick(rng, FIRSTS), pick(rng, LASTS))
        addr = f"{ascii_local(cand[0])}.{ascii_local(cand[1])}{rng.randrange(1, 99)}@gmail.com"
        subject = pick(
            rng,
            (
                "Application - RPN position (Lindsay)",
                "Resume for MOA posting",
                "Application for Medical Office Assistant",
            ),
        )
        text = f"Dear Hiring Manager,\n\nPlease find attached my resume and cover letter for the {subject.split(' - ')[-1].replace('Application for ', '').replace('Resume for ', '')} I saw on your careers page. I'm available to start in two weeks and can be reached at 705-555-01{rng.randrange(10, 99)}.\n\nThank you for your consideration,\n{cand[0]} {cand[1]}"
        body = mixed(
            rng,
            alt(
                rng,
                text + "\n",
                '<div dir="ltr">' + "<br>".join(escape(x) for x in text.split("\n")) + "</div>\n",
                "utf-8",
                "quoted-printable",
                "gmail",
            ),
            [
                attach(
                    docx([f"{cand[0]} {cand[1]}", "EXPERIENCE", "EDUCATION"]),
                    DOCX,
                    f"{cand[0]} {cand[1]} Resume.docx",
                ),
                attach(
                    pdf("Cover letter", [f"{cand[0]} {cand[1]}"], "Microsoft Word"),
                    "application/pdf",
                    "Cover Letter.pdf",
                ),
            ],
            "gmail",
        )
        to, rc = shared("careers")
        return Msg(
            v_google(rng, addr, consumer=True), fa(f"{cand[0]} {cand[1]}", addr), to, subject, t, rc, body
        )
    else:
        subject = pick(
            rng,
            (
                f"{p.first}, you appeared in {rng.randrange(3, 40)} searches this week",
                "Kestrel Lake Health Group's page had "
                + str(rng.randrange(50, 900))
                + " visitors in the past 30 days",
                f"{p.first}, congratulate {pick(rng, FIRSTS)} on a work anniversary",
            ),
        )
        blocks = [
            ("p", subject),
            (
                "btn",
                "See all",
                f"https://www.linkedin.com/comm/me/search-appearances/?trk=eml-email_weekly_search_appearances_01&lipi=urn%3Ali%3Apage%3Aemail_{rs(rng, 20, URLSAFE)}",
            ),
            (
                "small",
                f"This email was intended for {p.name}. You are receiving notification emails. Unsubscribe · Help\n© 2025 LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085.",
            ),
        ]
        via = li_via("email_weekly_search_appearances_01")
        via.headers += one_click(
            f"https://www.linkedin.com/comm/psettings/email-unsubscribe?lipi={rs(rng, 30, URLSAFE)}&midToken={rs(rng, 40, URLSAFE)}"
        )
        frm = fa("LinkedIn", "notifications-noreply@linkedin.com")
        color = "#0a66c2"
    return Msg(via, frm, fa(p.name, p.addr), subject, t, p.addr, notice(rng, blocks, color=color), tz=UTC)


# --------------------------------------------------------------------------------------------
# charities the group supports


def charity(rng: random.Random) -> Msg:
    t = when(rng, biz=False)
    kind = rng.randrange(4)
    p = pick(rng, (MACPHERSON, BERG, OLUSEGUN, TREMBLAY, SHARMA))
    if kind == 0:
        e = esp_mailchimp(rng, "kawarthafoodshare.ca", "kawarthafoodshare", t)
        brand, frm = "Kawartha Foodshare", "info@kawarthafoodshare.ca"
        subject = pick(
            rng,
            (
                "Your gift is feeding families this winter 💛",
                "Thank you, Kestrel Lake Health Group!",
                "Double your impact: matching gift ends Sunday",
            ),
        )
        blocks = [
            ("h", subject),
            (
                "p",
                "Every dollar donated before Sunday will be matched by a local business, up to $25,000. Your support helps stock 40+ food banks and meal programs across Peterborough County.",
            ),
            ("btn", "Donate now", "https://www.canadahelps.org/en/charities/kawartha-food-share/"),
            *_footer(
                "Kawartha Food Share",
                "1-1201 Hilliard Street, Peterborough, ON K9H 5S5",
                "You are receiving this email because you donated or opted in at kawarthafoodshare.ca. Charitable registration # 1xxxxxxxx RR0001.",
            ),
        ]
    elif kind == 1:
        e = esp_sfmc(rng, "e.cancer.ca", p.addr)
        brand, frm = "Canadian Cancer Society", "info@e.cancer.ca"
        subject = pick(
            rng,
            (
                "Your 2025 tax receipt is ready",
                "Daffodil Month: wear your pin",
                "Thank you for taking part in the Relay for Life",
            ),
        )
        blocks = [
            ("p", f"Dear {p.first},"),
            (
                "p",
                "Your official tax receipt for donations made through your workplace campaign is attached and available in your donor account."
                if "receipt" in subject
                else "This April, show people living with cancer they're not alone.",
            ),
            ("btn", "View my donor account", "https://cancer.ca/en/get-involved/donate"),
            *_footer(
                "Canadian Cancer Society",
                "55 St. Clair Avenue West, Suite 500, Toronto, ON M4V 2Y7",
                "Charitable registration number: 118829803 RR0001",
            ),
        ]
    elif kind == 2:
        e = esp_constant_contact(
            rng, "unitedwaypkld.ca", self_auth=False
        )  # not yet authenticated: DMARC fails at p=none
        brand, frm = "United Way Peterborough & District", "info@unitedwaypkld.ca"
        subject = pick(
            rng,
            (
                "Workplace campaign kick-off kit",
                "Thank you from United Way - campaign results",
                "Volunteer opportunity: Day of Caring",
            ),
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            (
                "p",
                "Thank you for leading your workplace campaign again this year. The kick-off kit, pledge forms and poster are now on our website."
                if "kit" in subject
                else "Together, local workplaces raised more than $2.1 million this year.",
            ),
            ("btn", "Download the kit", "https://www.uwpeterborough.ca/workplace-campaigns"),
            *_footer(
                brand,
                "277 Stewart Street, Peterborough, ON K9J 3M8",
                "You're receiving this as a workplace campaign coordinator.",
            ),
        ]
    else:
        brand, frm = "Heart & Stroke", "heartandstroke@email.heartandstroke.ca"
        e = esp_sfmc(rng, "email.heartandstroke.ca", p.addr)
        subject = pick(
            rng,
            (
                "Your CPR/AED team training certificates",
                "Jump Rope for Heart: thanks for your school sponsorship",
                "Ride for Heart - team registration now open",
            ),
        )
        blocks = [
            ("p", f"Hi {p.first},"),
            ("p", subject + "."),
            ("btn", "Learn more", "https://www.heartandstroke.ca/"),
            *_footer(
                "Heart and Stroke Foundation of Canada",
                "2300 Yonge Street, Suite 1300, Toronto, ON M4P 1E4",
                "Charitable registration number 10686 1139 RR0001",
            ),
        ]
    site = frm.split("@")[1].removeprefix("e.").removeprefix("email.")
    blocks.insert(2, ("link", f"www.{site}", f"https://www.{site}/"))
    body = notice(rng, blocks, brand=brand, click=e.click, pixel=e.pixel, color="#c2185b")
    if "receipt" in subject:
        body = mixed(
            rng,
            body,
            [
                attach(
                    pdf(
                        "Official Receipt for Income Tax Purposes",
                        [
                            brand,
                            f"Donor: {p.name}",
                            f"Amount: {money(rng.uniform(100, 1200))}",
                            "Charitable registration number 118829803 RR0001",
                        ],
                        "SFMC",
                    ),
                    "application/pdf",
                    "TaxReceipt.pdf",
                )
            ],
        )
    return Msg(e.via, fa(brand, frm), p.addr, subject, t, p.addr, body)


# --------------------------------------------------------------------------------------------
# small or misconfigured senders: no DMARC, SPF softfail, an ESP without alignment, a web form


def auth_quirks(rng: random.Random) -> Msg:
    same = same_index(rng)
    t = when(rng)
    kind = rng.randrange(5)
    if kind == 0:  # cleaning company on cheap hosting, SPF record not updated after a move
        c_dom = "brightwaycleaning.ca"
        p = pick(rng, (SIDDIQUI, GREENE, DOUCETTE))
        subject = same(
            (
                "Cleaning schedule over the holidays",
                "Floor waxing - Peterborough site",
                "Invoice + new contact for Brightway",
            )
        )
        text = (
            f"Hi {p.first},\n\n"
            + same(
                (
                    "Over the holidays our crews will come Dec 24 and Dec 31 only in the morning. Let me know if you need a deep clean before reopening.",
                    "We'd like to strip and wax the floors at George St on the long weekend. It takes two nights. Does that work?",
                    "Please note our new office manager is Carla Medeiros (carla@brightwaycleaning.ca). Invoice for last month attached.",
                )
            )
            + "\n\nThanks,\nAngela Rossi\nBrightway Facility Services\n705-555-0193"
        )
        host = f"{pick(rng, ('vps', 'node'))}{rng.randrange(100, 999)}.{pick(rng, ('hostpapa.ca', 'canspace.ca'))}"
        via = Via(
            rp=f"angela@{c_dom}",
            relay=(host, host, ip(rng, "172.105")),
            msgid=f"{hx(rng, 32)}@{c_dom}",
            dkim=[],
            spf="softfail",
            headers=[
                ("X-Mailer", "Microsoft Outlook 16.0"),
                ("Thread-Index", "AQ" + rs(rng, 22, B64) + "=="),
                ("Content-Language", "en-ca"),
            ],
        )
        body = leaf(text + "\n", "plain", "windows-1252", "quoted-printable")
        if "Invoice" in subject:
            body = mixed(
                rng,
                body,
                [
                    attach(
                        pdf(
                            "INVOICE",
                            ["Brightway Facility Services", f"Amount due {money(rng.uniform(2000, 5000))}"],
                            "QuickBooks",
                        ),
                        "application/pdf",
                        f"Brightway_{t:%b%Y}.pdf",
                    )
                ],
            )
        return Msg(via, fa("Angela Rossi", f"angela@{c_dom}"), to_of(p), subject, t, p.addr, body)
    if kind == 1:  # municipal office whose DKIM key is broken (signature fails), SPF passes
        p = pick(rng, (DOUCETTE, SIDDIQUI, MACPHERSON))
        subject = same(
            (
                "Water main work on Kent St W - access to 86 Kent",
                "Property tax - interim bill",
                "Building permit BP-" + num(rng, 5) + " inspection booking",
            )
        )
        via = v_m365(rng, f"{same(('roads', 'taxes', 'building'))}@kawarthalakes.ca")
        via.dkim = [("kawarthalakes.ca", "selector1", "fail")]
        text = f"Good morning,\n\n{same(('Please be advised that water main replacement on Kent Street West will affect access to your parking lot between 7 a.m. and 5 p.m. next Tuesday and Wednesday. Pedestrian access will be maintained.', 'Your interim tax bill has been mailed. Payment is due in two instalments. You can also sign up for pre-authorized payments on our website.', 'Your inspection has been booked. An inspector will attend between 8:30 and noon. Please have the approved drawings on site.'))}\n\nCity of Kawartha Lakes\n26 Francis Street, Lindsay, ON K9V 5R8\n705-324-9411\n"
        return Msg(
            via,
            fa("City of Kawartha Lakes", via.rp),
            to_of(p),
            subject,
            t,
            p.addr,
            leaf(text, "plain", "utf-8", "quoted-printable"),
        )
    if kind == 2:  # vendor using SendGrid without domain authentication: DKIM only for sendgrid.net
        p = pick(rng, (SIDDIQUI, LIU))
        via, click, pixel = v_sendgrid(rng, "kawarthashred.ca", p.addr, whitelabel=False)
        subject = pick(
            rng,
            (
                "Certificate of Destruction - " + f"{t:%B %Y}",
                "Your shredding service is scheduled for tomorrow",
            ),
        )
        blocks = [
            ("p", f"Hello {ORG},"),
            (
                "p",
                "Your certificate of destruction for last month's on-site shredding is attached. Please retain it for your privacy records."
                if "Certificate" in subject
                else "Our truck will arrive between 9 and 11 a.m. Please make sure consoles are accessible.",
            ),
            ("link", "Manage service", click("https://portal.kawarthashred.ca")),
            ("small", "Kawartha Shred & Secure, 1840 Fisher Drive, Peterborough, ON"),
        ]
        body = notice(rng, blocks, pixel=pixel, color="#37474f")
        if "Certificate" in subject:
            body = mixed(
                rng,
                body,
                [
                    attach(
                        pdf(
                            "Certificate of Destruction",
                            [
                                ORG,
                                f"Date: {short_date(t)}",
                                f"Consoles: {rng.randrange(6, 20)}",
                                "NAID AAA Certified",
                            ],
                            "Crystal Reports",
                        ),
                        "application/pdf",
                        f"COD_{num(rng, 6)}.pdf",
                    )
                ],
            )
        return Msg(
            via, fa("Kawartha Shred & Secure", "service@kawarthashred.ca"), p.addr, subject, t, p.addr, body
        )
    if kind == 3:  # the group's own website contact form: From the visitor, sent by the web server
        to, rc = shared("info")
        f, ln = pick(rng, FIRSTS), pick(rng, LASTS)
        visitor = (
            f"{ascii_local(f)}{rng.randrange(1, 99)}@{pick(rng, ('gmail.com', 'hotmail.com', 'yahoo.ca'))}"
        )
        subject = pick(
            rng,
            (
                "New submission from Contact Us",
                "Website enquiry: Are you accepting new patients?",
                "[Kestrel Lake Health] New form entry: Feedback",
            ),
        )
        text = (
            f"Name: {f} {ln}\nEmail: {visitor}\nPhone: 705-555-01{rng.randrange(10, 99)}\nLocation: {pick(rng, list(SITES))}\n\nMessage:\n"
            + pick(
                rng,
                (
                    "Are any of your clinics taking new patients? We just moved to Lindsay and have two kids.",
                    "I'd like to give feedback about my visit on Monday. The nurse was excellent.",
                    "How do I get a copy of my records sent to a new doctor?",
                ),
            )
            + f"\n\n--\nThis e-mail was sent from a contact form on {ORG} (https://www.{DOM})\n"
        )
        host = f"web{rng.randrange(1, 3)}.{DOM}"
        via = Via(
            rp=f"wordpress@{DOM}",
            relay=(host, host, "198.51.100.40"),
            msgid=f"{rs(rng, 40, ALNUM)}@www.{DOM}",
            dkim=[],
            spf="pass",
            headers=[
                ("Reply-To", fa(f"{f} {ln}", visitor)),
                ("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)"),
            ],
            tls="1.2",
        )
        return Msg(
            via,
            fa("Kestrel Lake Health Group Website", f"wordpress@{DOM}"),
            to,
            subject,
            t,
            rc,
            leaf(text, "plain", "utf-8", "quoted-printable"),
            dmarc=f"dmarc=pass (p=quarantine dis=none) header.from={DOM}",
        )
    # a US vendor requesting tax forms (legitimately), small company on Google Workspace without DMARC
    p = pick(rng, (OLUSEGUN, NATARAJAN))
    subject = pick(
        rng,
        (
            "W-8BEN-E needed to process your refund",
            "Vendor onboarding: tax form and banking details",
            "Request for updated W-8BEN-E",
        ),
    )
    addr = "accounting@gridlinesoftware.com"
    text = (
        f"Hello,\n\nWe're processing the pro-rated refund for your cancelled licences (order GL-{num(rng, 6)}). Because {ORG} is a non-US entity, our auditors require a completed IRS Form W-8BEN-E on file before we can issue payment.\n\n"
        "The blank form is available from irs.gov (https://www.irs.gov/forms-pubs/about-form-w-8-ben-e). Please return it signed via our secure upload link in the customer portal, not by email. "
        "We already have your remittance details from your original payment and do not need any banking information.\n\nThanks,\nRebecca Tanaka\nAccounting, Gridline Software Inc.\nPortland, OR\n"
    )
    via = v_google(rng, addr)
    return Msg(
        via,
        fa("Gridline Software Accounting", addr),
        to_of(p),
        subject,
        t,
        p.addr,
        leaf(text, "plain", "utf-8", "quoted-printable"),
    )


# --------------------------------------------------------------------------------------------
# the plan


def cycle(*fns: Callable[[random.Random], Msg]) -> Callable[[random.Random, int], Msg]:
    return lambda rng, i: fns[i % len(fns)](rng)


PLAN: list[tuple[str, Callable[[random.Random, int], Msg], int]] = [
    ("saas-security", cycle(sec_microsoft, sec_google, sec_okta, sec_slack_zoom, sec_devtools), 25),
    ("saas-billing", cycle(saas_billing), 12),
    ("esign", cycle(esign), 14),
    ("vendor-invoice", cycle(vendor_invoice), 20),
    ("payment-platform", cycle(payment_platform), 14),
    ("bank", cycle(bank), 12),
    ("bank-change", cycle(bank_change), 6),
    ("payroll-benefits", cycle(payroll), 14),
    ("hr-announce", cycle(hr_announce), 12),
    ("it-desk", cycle(it_desk), 14),
    ("esp-newsletter", cycle(esp_newsletter), 18),
    ("retail-promo", cycle(retail_promo), 14),
    ("travel", cycle(travel), 10),
    ("courier", cycle(courier), 14),
    ("government", cycle(government), 12),
    ("regulator-association", cycle(regulator), 12),
    ("calendar", cycle(calendar), 10),
    ("patient", cycle(patient), 22),
    ("partner", cycle(partner), 18),
    ("cold-outreach", cycle(cold_outreach), 8),
    ("mailing-list", cycle(mailing_list), 12),
    ("monitoring", cycle(monitoring), 12),
    ("recruiting-social", cycle(recruiting_social), 12),
    ("charity", cycle(charity), 6),
    ("auth-quirks", cycle(auth_quirks), 10),
]
FAMILIES = tuple(f for f, _, _ in PLAN)


def messages(split: str = "test", seed: int = 1) -> list[tuple[str, bytes]]:
    """(name, RFC 5322 message bytes). Only the "test" split exists; "dev" is empty."""
    if split == "dev":
        return []
    if split != "test":
        raise ValueError(f"split must be 'dev' or 'test', not {split!r}")
    out: list[tuple[str, bytes]] = []
    for family, builder, count in PLAN:
        rng = random.Random(f"{seed}:{family}")
        for i in range(count):
            out.append((f"{family}-{i:03d}", render(builder(rng, i), rng)))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Print the counts of the English clinic-group business mail corpus and optionally write it."
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write DIR/*.eml")
    args = parser.parse_args(argv)
    msgs = messages("test", args.seed)
    for family in FAMILIES:
        print(f"  {family:<24} {sum(1 for n, _ in msgs if n.rsplit('-', 1)[0] == family):>4}")
    print(f"test: {len(msgs)} messages")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in msgs:
            (args.out / f"{name}.eml").write_bytes(data)
        print(f"written to {args.out}")


if __name__ == "__main__":
    main()
