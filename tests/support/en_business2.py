# ruff: noqa: E501  -- a corpus generator: its template prose and header lines are not wrapped
"""Second evaluation set of ordinary, legitimate modern English business mail (ham).

This is the mail that staff of Calder & Finch Engineering Ltd (calderfinch.co.uk, a UK
professional-services and manufacturing firm with a German subsidiary, calderfinch.de) really
receive over 2025-2026: account and security notices from the SaaS they use (with the genuinely
urgent wording those services use), billing and payment-failure notices, e-signature envelopes and
file-share notifications, invoices, receipts, remittances, statements and credit-control chasers,
HMRC and Companies House notices, bank notifications and a supplier's change-of-bank-details letter,
carrier tracking and customs-duty notices, supplier and software newsletters (some in German),
internal HR / IT / facilities mail and calendar invitations, threads with clients, suppliers and
subcontractors (with attachments and quoted history), mailing lists, support desks, recruiting,
professional bodies, cold sales outreach, and mail whose authentication is imperfect for ordinary
reasons (forwarding, small senders without DMARC, softfail, temperror).

Every message is as the receiving MX ``mx.calderfinch.co.uk`` stores it: its own ``Received`` and
``Authentication-Results`` headers on top of the sender's trace. It is used to measure how often a
phishing analyser wrongly flags real English business mail it was never tuned on.

It was written blind: without reading the analyser, its rules or benchmarks, and without reading
the other English set (``en_business.py``). Every person, small company, number and text is
invented; well-known public services appear as the real senders under their real domains, with
their header, bounce and link formats imitated. Nothing is sent and no domain is resolved.

``messages(seed=n)`` is deterministic; each family draws from ``random.Random(f"{seed}:{family}")``.
Run ``python -m tests.support.en_business2 [--seed N] [--out DIR]`` to print counts per family and
write ``DIR/<name>.eml``.
"""

from __future__ import annotations

import argparse
import base64
import io
import quopri
import random
import string
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.header import Header
from pathlib import Path
from urllib.parse import quote

ORG = "calderfinch.co.uk"
ORG_DE = "calderfinch.de"
MX = "mx.calderfinch.co.uk"
CRLF = "\r\n"

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LONGDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_LONGMONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_ALNUM = string.ascii_letters + string.digits
_URLSAFE = _ALNUM + "-_"
_HEX = "0123456789abcdef"
_UP = string.ascii_uppercase + string.digits

# -- people at the receiving firm ------------------------------------------------------------------

STAFF: dict[str, tuple[str, str]] = {
    "md": ("Helen Calder", "helen.calder"),
    "fd": ("Martin Okafor", "martin.okafor"),
    "accounts": ("Priya Raman", "priya.raman"),
    "credit": ("Gareth Lewis", "gareth.lewis"),
    "ops": ("Tom Whitfield", "tom.whitfield"),
    "eng": ("Siân Prothero", "sian.prothero"),
    "eng2": ("Daniel Kowalski", "daniel.kowalski"),
    "design": ("Amira Haddad", "amira.haddad"),
    "buyer": ("Craig Mellor", "craig.mellor"),
    "sales": ("Rachel Dunmore", "rachel.dunmore"),
    "pm": ("Owen Fairbairn", "owen.fairbairn"),
    "hr": ("Louise Barker", "louise.barker"),
    "it": ("Nikhil Shah", "nikhil.shah"),
    "office": ("Janet Rowe", "janet.rowe"),
    "de": ("Jana Becker", "jana.becker"),
    "quality": ("Fiona McLeish", "fiona.mcleish"),
    "stores": ("Lee Hartley", "lee.hartley"),
    "apprentice": ("Kieran Doyle", "kieran.doyle"),
}
SHARED = {
    "accounts-box": ("Calder & Finch Accounts", "accounts"),
    "purchasing": ("Purchasing", "purchasing"),
    "info": ("", "info"),
    "allstaff": ("All Staff", "all-staff"),
    "sales-box": ("Sales", "sales"),
}


def _p(role: str) -> tuple[str, str]:
    if role in SHARED:
        n, local = SHARED[role]
        return n, f"{local}@{ORG}"
    n, local = STAFF[role]
    return n, f"{local}@{ORG}"


def _first(role: str) -> str:
    return STAFF[role][0].split()[0]


# -- small helpers ---------------------------------------------------------------------------------


def _tok(rng: random.Random, n: int, alphabet: str = _ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _hex(rng: random.Random, n: int) -> str:
    return _tok(rng, n, _HEX)


def _dig(rng: random.Random, n: int) -> str:
    return _tok(rng, n, string.digits)


def _uuid(rng: random.Random) -> str:
    h = _hex(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def _money(rng: random.Random, lo: float, hi: float) -> str:
    return f"{rng.uniform(lo, hi):,.2f}"


def _last_sunday(y: int, m: int) -> datetime:
    d = datetime(y, m, 31, 1, 0, tzinfo=UTC)
    return d - timedelta(days=(d.weekday() + 1) % 7)


def _tz(dt: datetime, zone: str) -> timezone:
    if zone == "utc":
        return UTC
    summer = _last_sunday(dt.year, 3) <= dt < _last_sunday(dt.year, 10)
    if zone == "uk":
        return timezone(timedelta(hours=1 if summer else 0))
    if zone == "de":
        return timezone(timedelta(hours=2 if summer else 1))
    if zone == "us":
        return timezone(timedelta(hours=-4 if summer else -5))
    if zone == "pt":
        return timezone(timedelta(hours=-7 if summer else -8))
    if zone == "in":
        return timezone(timedelta(hours=5, minutes=30))
    raise ValueError(zone)


def _rfc(dt: datetime, zone: str = "uk", suffix: bool = False) -> str:
    loc = dt.astimezone(_tz(dt, zone))
    off = int((loc.utcoffset() or timedelta(0)).total_seconds() // 60)
    sign = "+" if off >= 0 else "-"
    s = (
        f"{_DAYS[loc.weekday()]}, {loc.day:02d} {_MONTHS[loc.month - 1]} {loc.year} "
        f"{loc:%H:%M:%S} {sign}{abs(off) // 60:02d}{abs(off) % 60:02d}"
    )
    if suffix:
        s += " (UTC)" if zone == "utc" else (" (BST)" if off == 60 else (" (GMT)" if off == 0 else ""))
    return s


def _pick_dt(rng: random.Random, office: bool = True) -> datetime:
    """A moment in 2025-2026 (UTC), office hours on weekdays when office is set."""
    start = datetime(2025, 1, 6, tzinfo=UTC)
    while True:
        d = start + timedelta(days=rng.randint(0, 690))
        if office and d.weekday() >= 5:
            continue
        h = rng.randint(7, 17) if office else rng.randint(0, 23)
        return d + timedelta(hours=h, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))


def _day(dt: datetime) -> str:
    return f"{dt.day} {_LONGMONTHS[dt.month - 1]} {dt.year}"


def _dmy(dt: datetime) -> str:
    return f"{dt:%d/%m/%Y}"


def _later(dt: datetime, days: int) -> datetime:
    d = dt + timedelta(days=days)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def _hdr(text: str, charset: str = "utf-8") -> str:
    if text.isascii():
        return text
    return Header(text, charset).encode(linesep=CRLF)


def _addr(name: str, address: str, charset: str = "utf-8") -> str:
    if not name:
        return address
    if not name.isascii():
        return f"{Header(name, charset).encode()} <{address}>"
    if any(c in name for c in "()<>[]:;@\\,.\"'&"):
        return '"' + name.replace('"', '\\"') + f'" <{address}>'
    return f"{name} <{address}>"


def _codec(charset: str) -> str:
    return {"windows-1252": "cp1252", "iso-8859-1": "latin-1", "iso-8859-15": "iso8859_15"}.get(
        charset.lower(), charset.lower()
    )


# -- MIME ------------------------------------------------------------------------------------------


@dataclass
class _Part:
    headers: list[tuple[str, str]]
    body: bytes = b""
    parts: list[_Part] = field(default_factory=list)
    boundary: str = ""


def _enc(text: str, charset: str, cte: str) -> bytes:
    raw = text.replace("\r\n", "\n").encode(_codec(charset))
    if cte in ("7bit", "8bit"):
        if cte == "7bit" and not raw.isascii():
            cte = "8bit"
        return raw.replace(b"\n", b"\r\n")
    if cte == "base64":
        return base64.encodebytes(raw.replace(b"\n", b"\r\n")).replace(b"\n", b"\r\n")
    return quopri.encodestring(raw).replace(b"\n", b"\r\n")


def _leaf(text: str, subtype: str, charset: str, cte: str, extra: str = "") -> _Part:
    if cte == "7bit" and not text.isascii():
        cte = "8bit"
    return _Part(
        [
            ("Content-Type", f'text/{subtype}; charset="{charset}"{extra}'),
            ("Content-Transfer-Encoding", cte),
        ],
        _enc(text, charset, cte),
    )


def _b64(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def _attachment(ctype: str, name: str, data: bytes) -> _Part:
    if name.isascii():
        np_, fp = f'name="{name}"', f'filename="{name}"'
    else:
        q = quote(name.encode("utf-8"), safe="")
        np_, fp = f"name*=utf-8''{q}", f"filename*=utf-8''{q}"
    return _Part(
        [
            ("Content-Type", f"{ctype};{CRLF} {np_}"),
            ("Content-Disposition", f"attachment;{CRLF} {fp};{CRLF} size={len(data)}"),
            ("Content-Transfer-Encoding", "base64"),
        ],
        _b64(data),
    )


def _boundary(rng: random.Random, style: str) -> str:
    if style == "outlook":
        return f"_000_{_tok(rng, 40, _UP)}namprd0{rng.randint(1, 9)}prod_"
    if style == "gmail":
        return "000000000000" + _hex(rng, 16)
    if style == "java":
        return f"----=_Part_{rng.randint(10**5, 10**7)}_{rng.randint(10**8, 10**9)}.{rng.randint(10**12, 10**13)}"
    if style == "ruby":
        return f"--==_mimepart_{_hex(rng, 13)}_{_hex(rng, 4)}{rng.randint(100, 999)}"
    if style == "php":
        return "b1_" + _tok(rng, 40)
    if style == "apple":
        return f"Apple-Mail={_uuid(rng).upper()}"
    if style == "thunderbird":
        return "------------" + _tok(rng, 24)
    if style == "sendgrid":
        return _hex(rng, 64)
    return "===============" + _dig(rng, 19) + "=="


def _multi(sub: str, parts: list[_Part], b: str, extra: str = "") -> _Part:
    return _Part([("Content-Type", f'multipart/{sub};{extra}{CRLF} boundary="{b}"')], b"", parts, b)


def _ser(part: _Part, top: bool = False) -> bytes:
    head = CRLF.join(f"{k}: {v}" for k, v in part.headers).encode("ascii") + b"\r\n\r\n"
    if not part.parts:
        return head + part.body
    out = [head]
    if top:
        out.append(b"This is a multi-part message in MIME format.\r\n\r\n")
    for sub in part.parts:
        out.append(f"--{part.boundary}\r\n".encode())
        out.append(_ser(sub))
        if not out[-1].endswith(b"\r\n"):
            out.append(b"\r\n")
    out.append(f"--{part.boundary}--\r\n".encode())
    return b"".join(out)


# -- fake attachment bytes -------------------------------------------------------------------------


def _pdf(rng: random.Random, title: str) -> bytes:
    body = (
        f"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        f"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        f"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
        f"4 0 obj\n<< /Title ({title}) /Producer (Skia/PDF m{rng.randint(100, 130)}) >>\nendobj\n"
    ).encode("latin-1")
    body += rng.randbytes(rng.randint(300, 1400))
    return (
        body
        + f"\ntrailer\n<< /Root 1 0 R /Info 4 0 R >>\nstartxref\n{rng.randint(400, 2000)}\n%%EOF\n".encode()
    )


def _ooxml(rng: random.Random, kind: str) -> bytes:
    buf = io.BytesIO()
    main = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}[kind]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (
            ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types/>'),
            ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships/>'),
            (main, f'<?xml version="1.0"?><root id="{_hex(rng, 12)}"/>'),
        ):
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


def _dwg(rng: random.Random) -> bytes:
    return b"AC1032" + bytes(5) + b"\x00\x01" + rng.randbytes(rng.randint(600, 1600))


def _png(rng: random.Random) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randint(200, 700))


_CT = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "dwg": "image/vnd.dwg",
    "png": "image/png",
    "csv": "text/csv",
}


def _file(rng: random.Random, name: str) -> tuple[str, str, bytes]:
    ext = name.rsplit(".", 1)[1].lower()
    if ext == "pdf":
        data = _pdf(rng, name[:-4])
    elif ext in ("docx", "xlsx", "pptx"):
        data = _ooxml(rng, ext)
    elif ext == "dwg":
        data = _dwg(rng)
    elif ext == "png":
        data = _png(rng)
    else:
        data = b"Date,Reference,Amount\r\n" + f"{_dig(rng, 2)}/01/2026,INV-{_dig(rng, 5)},12.40\r\n".encode()
    return _CT[ext], name, data


# -- sending systems -------------------------------------------------------------------------------


def _same(u: str) -> str:
    return u


@dataclass
class Route:
    """What the sending system and the path to our MX put on a message."""

    return_path: str
    peer: tuple[str, str]  # (reverse DNS / HELO, IP) of the host that handed the message to our MX
    spf: tuple[str, str]  # (result, smtp.mailfrom domain)
    dkim: list[tuple[str, str, str]]  # (result, d=, s=)
    dmarc: tuple[str, str]  # (result, published policy or "")
    mid: str
    hops: list[str] = field(default_factory=list)  # upstream Received values, newest first
    headers: list[tuple[str, str]] = field(default_factory=list)
    trace: list[tuple[str, str]] = field(default_factory=list)  # ARC etc., above our Received
    wrap: Callable[[str], str] = _same
    wrap_text: bool = False
    pixel: str = ""
    boundary: str = "python"
    date_zone: str = "uk"
    unsub: str = ""
    arc: str = ""
    show_url: bool = False  # "or paste this link" under buttons, the visible text being the real address
    unsub_mail: str = ""


def _ip(rng: random.Random, prefix: str) -> str:
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(rng.randint(1, 254)))
    return ".".join(parts)


def _pfid(rng: random.Random) -> str:
    return _tok(rng, 2, "0123456789") + _tok(rng, 1, "BCDFGHJKLMNPQRSTVWXYZ") + _tok(rng, 9, _UP)


def _dom(addr: str) -> str:
    return addr.rsplit("@", 1)[1].lower()


def _org_dom(d: str) -> str:
    parts = d.split(".")
    n = (
        3
        if parts[-2:] in (["co", "uk"], ["org", "uk"], ["gov", "uk"], ["ac", "uk"]) or d.endswith(".com.au")
        else 2
    )
    return ".".join(parts[-n:])


def _esp(
    rng: random.Random,
    esp: str,
    frm: str,
    dt: datetime,
    rcpt: str,
    *,
    p: str = "reject",
    unsub: bool = True,
    brand_dkim: bool = True,
    sub: str = "",
) -> Route:
    """A message sent through an email service provider on behalf of the From domain."""
    dom = _org_dom(_dom(frm))
    rl, rd = rcpt.split("@")
    tu = dt.astimezone(UTC)
    hdrs: list[tuple[str, str]] = []
    un_mail = ""
    wrap: Callable[[str], str] = _same
    wrap_text = False
    pixel = ""
    un = ""
    if esp == "sendgrid":
        uid = rng.randint(1_000_000, 49_999_999)
        em = rng.randint(100, 9999)
        host = f"o{rng.randint(1, 9)}.ptr{rng.randint(1000, 9999)}.{sub or 'em' + str(em)}.{dom}"
        host = "xtrwkhkc.outbound-mail.sendgrid.net" if rng.random() < 0.3 else host
        host = host.replace("xtrwkhkc", _tok(rng, 8, string.ascii_lowercase))
        lk = rng.randint(1000, 9999)

        def wrap(u: str) -> str:
            return f"https://u{uid}.ct.sendgrid.net/ls/click?upn=u001.{_tok(rng, 96, _URLSAFE)}"

        wrap_text = True
        pixel = f"https://u{uid}.ct.sendgrid.net/wf/open?upn=u001.{_tok(rng, 120, _URLSAFE)}"
        un = f"https://u{uid}.ct.sendgrid.net/lu/unsubscribe?oc=u001.{_tok(rng, 80, _URLSAFE)}"
        route = Route(
            return_path=f"<bounces+{uid}-{_hex(rng, 4)}-{rl}={rd}@em{em}.{dom}>",
            peer=(host, _ip(rng, rng.choice(("149.72", "167.89", "168.245")))),
            spf=("pass", f"em{em}.{dom}"),
            dkim=[("pass", dom, "s1"), ("pass", "sendgrid.info", "smtpapi")],
            dmarc=("pass", p),
            mid=f"<{_tok(rng, 22, _URLSAFE)}@geopod-ismtpd-{rng.randint(1, 40)}>",
            hops=[
                f"by filterdrecv-{_hex(rng, 10)}-{_tok(rng, 5, 'abcdefghijklmnopqrstuvwxyz0123456789')} "
                f"with SMTP id filterdrecv-{_hex(rng, 6)}-1-{_hex(rng, 8).upper()}-{lk}{CRLF}\t"
                f"{tu:%Y-%m-%d %H:%M:%S}.{_dig(rng, 9)} +0000 UTC m=+{rng.randint(1000, 999999)}.{_dig(rng, 9)}",
                f"from {_tok(rng, 11)} (unknown){CRLF}\tby geopod-ismtpd-{rng.randint(1, 40)} (SG) with HTTP"
                f"{CRLF}\tid {_tok(rng, 22, _URLSAFE)}{CRLF}\t{_rfc(tu, 'utc')}",
            ],
            boundary="sendgrid",
            date_zone="utc",
        )
        hdrs = [("X-SG-EID", "u001." + _tok(rng, 120, _ALNUM + "+/")), ("X-Entity-ID", _tok(rng, 22) + "==")]
    elif esp == "mailchimp":
        dc = f"us{rng.randint(1, 21)}"
        host = f"mail{rng.randint(100, 260)}.suw{rng.randint(11, 41)}.mcdlv.net"
        u, cid, e = _hex(rng, 25), _hex(rng, 10), _hex(rng, 10)
        acct = dom.split(".")[0].replace("-", "")
        num = rng.randint(10_000_000, 99_999_999)

        def wrap(url: str) -> str:
            return f"https://{acct}.{dc}.list-manage.com/track/click?u={u}&id={_hex(rng, 10)}&e={e}"

        wrap_text = True
        pixel = f"https://{acct}.{dc}.list-manage.com/track/open.php?u={u}&id={cid}&e={e}"
        un = f"https://{acct}.{dc}.list-manage.com/unsubscribe?u={u}&id={_hex(rng, 10)}&t=b&e={e}&c={cid}"
        un_mail = f"unsubscribe-mc.{dc}_{num}.{cid}-{e}@unsubscribe.mailchimpapp.net"
        dk = [("pass", dom, "k2"), ("pass", "mcsv.net", "k3")] if brand_dkim else [("pass", "mcsv.net", "k3")]
        route = Route(
            return_path=f"<bounce-mc.{dc}_{num}.{rng.randint(10**6, 10**7)}-{rl}={rd}@{host}>",
            peer=(host, _ip(rng, f"198.2.{rng.randint(128, 191)}")),
            spf=("pass", host),
            dkim=dk,
            dmarc=("pass", p) if brand_dkim else ("fail" if p != "none" else "none", p),
            mid=f"<{_hex(rng, 25)}.{cid}.{tu:%Y%m%d%H%M%S}.{_hex(rng, 10)}.{_dig(rng, 8)}@{host}>",
            hops=[
                f"from localhost (localhost [127.0.0.1]){CRLF}\tby {host} (Postfix) with ESMTP id "
                f"{_pfid(rng)}{CRLF}\tfor <{rcpt}>; {_rfc(tu, 'utc')}"
            ],
            boundary="python",
            date_zone="utc",
        )
        hdrs = [
            ("X-Mailer", f"Mailchimp Mailer - **CID{cid}{e}**"),
            ("X-Campaign", f"mailchimp{u}.{cid}"),
            ("X-campaignid", f"mailchimp{u}.{cid}"),
            ("X-MC-User", u),
            ("Feedback-ID", f"{num}:{num}.{rng.randint(10**6, 10**7)}:{dc}:mc"),
            ("List-ID", f"{u}mc list <{u}.{num}.list-id.mcsv.net>"),
            ("X-Accounttype", "pd"),
        ]
    elif esp == "mandrill":
        host = f"mail{rng.randint(130, 190)}-{rng.randint(1, 30)}.suw{rng.randint(11, 41)}.mandrillapp.com"
        mid_ = _hex(rng, 32)
        uid = rng.randint(30_000_000, 31_999_999)

        def wrap(url: str) -> str:
            return f"https://mandrillapp.com/track/click/{uid}/{_dom(frm)}?p={_tok(rng, 160, _URLSAFE)}"

        pixel = f"https://mandrillapp.com/track/open.php?u={uid}&id={mid_}"
        route = Route(
            return_path=f"<bounce-md_{uid}.{_hex(rng, 8)}.v1-{mid_}@mandrillapp.com>",
            peer=(host, _ip(rng, f"198.2.{rng.randint(128, 191)}")),
            spf=("pass", "mandrillapp.com"),
            dkim=[("pass", "mandrillapp.com", "mte1"), ("pass", dom, "mte1")],
            dmarc=("pass", p),
            mid=f"<{mid_}.{tu:%Y%m%d%H%M%S}.{_hex(rng, 13)}.{_hex(rng, 8)}@mandrillapp.com>",
            hops=[
                f"from [127.0.0.1] (localhost [127.0.0.1]){CRLF}\tby {host} (Mailchimp) with ESMTP id "
                f"{_tok(rng, 12, _UP)}{CRLF}\tfor <{rcpt}>; {_rfc(tu, 'utc')}"
            ],
            date_zone="utc",
        )
        hdrs = [("X-Mandrill-User", f"md_{uid}"), ("X-Report-Abuse", "https://mandrillapp.com/contact/abuse")]
    elif esp == "ses":
        region = rng.choice(("eu-west-1", "eu-west-2", "eu-west-1", "us-east-1"))
        sid = f"0102019{_hex(rng, 9)}-{_uuid(rng)}-000000"
        n = rng.randint(1, 254)
        host = f"a{rng.randint(4, 9)}-{n}.smtp-out.{region}.amazonses.com"
        custom = rng.random() < 0.6
        mf = f"bounce.{sub or 'mail'}.{dom}" if custom else f"{region}.amazonses.com"
        route = Route(
            return_path=f"<{sid}@{mf}>",
            peer=(host, _ip(rng, f"54.240.{rng.randint(1, 120)}")),
            spf=("pass", mf),
            dkim=[
                ("pass", dom, _tok(rng, 32, "abcdefghijklmnopqrstuvwxyz234567")),
                ("pass", "amazonses.com", _tok(rng, 32, "abcdefghijklmnopqrstuvwxyz234567")),
            ],
            dmarc=("pass", p),
            mid=f"<{sid}@{region}.amazonses.com>",
            boundary="java",
            date_zone="utc",
        )
        hdrs = [
            ("Feedback-ID", f"::1.{region}.{_tok(rng, 43, _ALNUM + '+/')}=:AmazonSES"),
            ("X-SES-Outgoing", f"{tu:%Y.%m.%d}-{route.peer[1]}"),
        ]
    elif esp == "brevo":
        host = f"{_tok(rng, 4, 'abcdefghijklmnopqrstuvwxyz')}.sendibt3.com"
        bid = _hex(rng, 24)

        def wrap(url: str) -> str:
            return f"https://{_tok(rng, 5, 'abcdefghijklmnopqrstuvwxyz')}.r.sp1-brevo.net/mk/cl/f/{_tok(rng, 140, _URLSAFE)}"

        pixel = f"https://{_tok(rng, 5, 'abcdefghijklmnopqrstuvwxyz')}.r.sp1-brevo.net/mk/op/{_tok(rng, 90, _URLSAFE)}"
        un = f"https://{_tok(rng, 5, 'abcdefghijklmnopqrstuvwxyz')}.r.sp1-brevo.net/mk/un/v2/{_tok(rng, 80, _URLSAFE)}"
        route = Route(
            return_path=f"<bounces-{rng.randint(10**6, 10**7)}-{_hex(rng, 10)}@bounces.sendinblue.com>",
            peer=(host, _ip(rng, f"77.32.{rng.randint(128, 255)}")),
            spf=("pass", "bounces.sendinblue.com"),
            dkim=[("pass", "sendinblue.com", "mail"), ("pass", dom, "brevo1")],
            dmarc=("pass", p),
            mid=f"<{bid}.{rng.randint(10**6, 10**7)}@smtp-relay.mailin.fr>",
            boundary="python",
            date_zone="utc",
        )
        hdrs = [
            ("X-Mailer", "Brevo"),
            ("X-sib-id", _tok(rng, 64, _ALNUM + "_-")),
            (
                "Feedback-ID",
                f"{route.peer[1]}:{rng.randint(1000, 9999)}_-1:{rng.randint(1000, 9999)}:Sendinblue",
            ),
        ]
    elif esp == "mailgun":
        host = f"m{rng.randint(40, 230)}-{rng.randint(1, 250)}.mailgun.net"
        mg = f"{sub or 'mg'}.{dom}"
        sid = _hex(rng, 24)

        def wrap(url: str) -> str:
            return f"https://email.{mg}/c/{_tok(rng, 150, _URLSAFE)}"

        wrap_text = rng.random() < 0.5
        pixel = f"https://email.{mg}/o/{_tok(rng, 120, _URLSAFE)}"
        route = Route(
            return_path=f"<bounce+{_hex(rng, 6)}.{_hex(rng, 6)}-{rl}={rd}@{mg}>",
            peer=(host, _ip(rng, rng.choice(("69.72.4", "159.135.2", "198.61.25")))),
            spf=("pass", mg),
            dkim=[("pass", mg, "mx"), ("pass", "mailgun.org", "mg")],
            dmarc=("pass", p),
            mid=f"<{tu:%Y%m%d%H%M%S}.{_hex(rng, 16)}@{mg}>",
            hops=[f"by {_hex(rng, 24)} with HTTP id {sid}; {_rfc(tu, 'utc')}"],
            date_zone="utc",
        )
        hdrs = [("X-Mailgun-Sid", _tok(rng, 48, _ALNUM + "=")), ("X-Mailgun-Tag", "transactional")]
    elif esp == "postmark":
        host = f"mta{rng.randint(10, 250)}b-ord.mtasv.net"
        pm = str(_uuid(rng))

        def wrap(url: str) -> str:
            return f"https://click.pstmrk.it/3s/{quote(url.split('://')[1], safe='')}/{_tok(rng, 8)}/{_tok(rng, 24, _URLSAFE)}"

        route = Route(
            return_path=f"<pm_bounces@pm-bounces.{dom}>",
            peer=(host, _ip(rng, "50.31.156")),
            spf=("pass", f"pm-bounces.{dom}"),
            dkim=[("pass", dom, f"{tu:%Y%m%d}pm"), ("pass", "pm.mtasv.net", "pm")],
            dmarc=("pass", p),
            mid=f"<{pm}@mtasv.net>",
            boundary="ruby",
            date_zone="utc",
        )
        hdrs = [
            ("X-PM-Message-Id", pm),
            ("X-PM-RCPT", "|" + _tok(rng, 60, _ALNUM + "+/")),
            ("X-PM-Message-Stream", "outbound" if unsub else "transactional"),
        ]
    else:  # campaign monitor
        host = f"sv{rng.randint(1, 9)}-{rng.randint(10, 99)}.createsend.com"
        cm = _hex(rng, 32).upper()
        slug = dom.split(".")[0]

        def wrap(url: str) -> str:
            return f"https://{slug}.createsend1.com/t/{rng.choice('ijrdy')}-l-{_tok(rng, 7, 'abcdefghijklmnopqrstuvwxyz')}-{_tok(rng, 8, 'abcdefghijklmnopqrstuvwxyz')}-r/"

        pixel = f"https://{slug}.createsend1.com/t/i-o-{_tok(rng, 7, 'abcdefghijklmnopqrstuvwxyz')}-l/o.gif"
        un = f"https://{slug}.createsend1.com/t/i-u-{_tok(rng, 7, 'abcdefghijklmnopqrstuvwxyz')}-l/"
        route = Route(
            return_path=f"<bounce-{cm}@cmail{rng.randint(19, 21)}.com>",
            peer=(host, _ip(rng, "203.55.21")),
            spf=("pass", "cmail20.com"),
            dkim=[("pass", dom, "cm"), ("pass", "cmail20.com", "cm")],
            dmarc=("pass", p),
            mid=f"<{cm}@cmail20.com>",
            date_zone="utc",
        )
        route.return_path = route.return_path.replace("cmail19", "cmail20").replace("cmail21", "cmail20")
        hdrs = [("X-CMail-Id", cm), ("Feedback-ID", f"{_hex(rng, 8)}:{_hex(rng, 8)}:cm")]
    route.wrap = wrap
    route.wrap_text = wrap_text
    route.pixel = pixel
    if unsub:
        un = un or f"https://{_dom(frm)}/email/unsubscribe?u={_tok(rng, 32, _URLSAFE)}"
        route.unsub = un
        if esp == "sendgrid":
            un_mail = ""
        elif esp != "mailchimp":
            un_mail = f"unsubscribe+{_hex(rng, 16)}@{sub + '.' if sub else ''}{dom}"
        hdrs += [
            ("List-Unsubscribe", f"<{un}>" + (f",{CRLF} <mailto:{un_mail}>" if un_mail else "")),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ]
    route.headers = hdrs + route.headers
    return route


def _own(
    rng: random.Random,
    kind: str,
    frm: str,
    dt: datetime,
    rcpt: str,
    *,
    p: str = "quarantine",
    host: str = "",
    ip: str = "",
    sel: str = "",
    mailfrom: str = "",
    mid: str = "",
    boundary: str = "",
    dkim: bool = True,
    zone: str = "uk",
) -> Route:
    """A message sent from the sender's own platform: Microsoft 365, Google Workspace or own MTA."""
    d = _dom(frm)
    od = _org_dom(d)
    tu = dt.astimezone(UTC)
    mf = mailfrom or d
    if kind == "m365":
        pod = rng.choice(("EUR05", "EUR02", "EUR03", "GBR01", "LO2P", "AM6P", "DB9P", "PA4P"))
        h = f"mail-{pod.lower()[:3]}0{rng.randint(1, 9)}on20{rng.randint(600, 731)}.outbound.protection.outlook.com"
        int1 = f"{pod[:4]}{rng.randint(100, 300)}MB{rng.randint(1000, 9999)}.{pod[:3]}P{rng.randint(100, 300)}.PROD.OUTLOOK.COM"
        hops = [
            f"from {int1} ({_v6(rng)}) by{CRLF}\t{pod[:4]}{rng.randint(100, 300)}MB{rng.randint(1000, 9999)}."
            f"{pod[:3]}P{rng.randint(100, 300)}.PROD.OUTLOOK.COM ({_v6(rng)}) with{CRLF}\tMicrosoft SMTP Server "
            f"(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id{CRLF}\t15.20.{rng.randint(8000, 9400)}."
            f"{rng.randint(10, 40)}; {_rfc(tu, 'utc')}",
        ]
        r = Route(
            return_path=f"<{frm}>",
            peer=(h, _ip(rng, f"40.107.{rng.randint(1, 250)}")),
            spf=("pass", mf),
            dkim=[("pass", od, sel or "selector1")] if dkim else [],
            dmarc=("pass", p),
            mid=mid
            or f"<{pod[:4]}{rng.randint(100, 300)}MB{rng.randint(1000, 9999)}{_tok(rng, 13, _UP)}"
            f"{_tok(rng, 8, _UP)}@{pod[:4]}{rng.randint(100, 300)}MB{rng.randint(1000, 9999)}.{pod[:3]}P{rng.randint(100, 300)}.PROD.OUTLOOK.COM>",
            hops=hops,
            boundary=boundary or "outlook",
            date_zone=zone,
        )
        r.headers = [
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", ""),
            ("X-MS-Exchange-CrossTenant-originalarrivaltime", f"{tu:%d %b %Y %H:%M:%S.%f}"[:-3] + " (UTC)"),
            ("x-ms-publictraffictype", "Email"),
        ]
        return r
    if kind == "google":
        h = f"mail-{rng.choice(('wm1', 'wr1', 'ej1', 'ed1', 'lj1', 'pj1'))}-f{rng.randint(41, 200)}.google.com"
        ipx = _ip(rng, f"209.85.{rng.randint(128, 255)}")
        hops = [
            f"by 2002:a05:{_hex(rng, 4)}:{_hex(rng, 4)}:b0:{_hex(rng, 3)}:{_hex(rng, 4)} with SMTP id "
            f"{_tok(rng, 16, 'abcdefghijklmnopqrstuvwxyz0123456789')}.{rng.randint(1, 20)}.{rng.randint(1000, 9999)};"
            f"{CRLF}\t{_rfc(tu, 'pt')}",
        ]
        if d == "gmail.com":
            od = "gmail.com"
        return Route(
            return_path=f"<{frm}>",
            peer=(h, ipx),
            spf=("pass", mf),
            dkim=[("pass", od, sel or "google")] if dkim else [],
            dmarc=("pass", p),
            mid=mid or f"<CA{rng.choice('FJKBM')}{_tok(rng, 46, _ALNUM + '+_-')}@mail.gmail.com>",
            hops=hops,
            boundary=boundary or "gmail",
            date_zone=zone,
        )
    # own MTA (postfix/exim) or a service's own infrastructure
    h = host or f"mail.{od}"
    rp = frm
    if mailfrom:
        rp = mailfrom if "@" in mailfrom else f"bounce-{_hex(rng, 12)}@{mailfrom}"
    hops = [
        f"from {rng.choice(('localhost', 'app', 'web01', 'mailer'))} (localhost [127.0.0.1]){CRLF}\tby {h} "
        f"(Postfix) with ESMTP id {_pfid(rng)}{CRLF}\tfor <{rcpt}>; {_rfc(tu, zone)}"
    ]
    return Route(
        return_path=f"<{rp}>",
        peer=(h, ip or _ip(rng, rng.choice(("81.134", "85.13", "91.220", "185.43", "94.126", "212.69")))),
        spf=("pass", mf.split("@")[-1]),
        dkim=[("pass", od, sel or "default")] if dkim else [],
        dmarc=("pass", p) if p else ("none", ""),
        mid=mid or f"<{_hex(rng, 24)}@{h}>",
        hops=hops,
        boundary=boundary or "python",
        date_zone=zone,
    )


def _v6(rng: random.Random) -> str:
    return "2603:10a6:" + ":".join(_hex(rng, rng.randint(2, 4)).lstrip("0") or "0" for _ in range(4))


def _internal(rng: random.Random, frm: str, dt: datetime) -> Route:
    """Mail from a colleague: Exchange Online tenant relaying through our own MX."""
    r = _own(rng, "m365", frm, dt, frm, p="reject")
    r.dmarc = ("pass", "reject")
    return r


def _auth(route: Route, hfrom: str, rng: random.Random) -> str:
    spf, mf = route.spf
    note = {
        "pass": f" (sender SPF authorized) smtp.mailfrom={mf}",
        "softfail": f" (transitioning domain of {mf} does not designate {route.peer[1]} as permitted sender)"
        f" smtp.mailfrom={mf}",
        "fail": f" (domain of {mf} does not designate {route.peer[1]} as permitted sender) smtp.mailfrom={mf}",
        "temperror": f" (DNS timeout on {mf}) smtp.mailfrom={mf}",
        "none": f" (domain of {mf} does not designate permitted sender hosts) smtp.mailfrom={mf}",
        "neutral": f" smtp.mailfrom={mf}",
    }[spf]
    parts = [MX]
    if route.arc:
        parts.append(route.arc)
    parts.append(f"spf={spf}{note}")
    if not route.dkim:
        parts.append("dkim=none (message not signed)")
    for res, d, s in route.dkim:
        why = {
            "pass": "(2048-bit key; unprotected key)",
            "fail": "(body hash did not verify)",
            "temperror": "(DNS error looking up key)",
            "neutral": "(no key for signature)",
        }[res]
        if res == "pass" and rng.random() < 0.6:
            why = "(2048-bit key)" if rng.random() < 0.7 else "(1024-bit key)"
        parts.append(f'dkim={res} {why} header.d={d} header.s={s} header.b="{_tok(rng, 8, _ALNUM + "+/")}"')
    res, pol = route.dmarc
    pol_s = f" (p={pol} dis=none)" if pol else ""
    parts.append(f"dmarc={res}{pol_s} header.from={hfrom}")
    return (";" + CRLF + "\t").join(parts)


def _received_mx(rng: random.Random, route: Route, rcpt: str, when: datetime) -> str:
    h, ip = route.peer
    tls = (
        f"{CRLF}\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits){CRLF}\t key-exchange X25519"
        f" server-signature RSA-PSS (2048 bits) server-digest SHA256)"
        if rng.random() < 0.9
        else f"{CRLF}\t(using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits))"
    )
    return (
        f"from {h} ({h} [{ip}]){tls}{CRLF}\t(No client certificate requested){CRLF}\tby {MX} (Postfix) with ESMTPS "
        f"id {_pfid(rng)}{CRLF}\tfor <{rcpt}>; {_rfc(when, 'uk')}"
    )


def _dkim_sig(rng: random.Random, d: str, s: str, when: datetime, hl: str) -> str:
    b = base64.b64encode(rng.randbytes(256)).decode()
    folded = (CRLF + "\t ").join(b[i : i + 72] for i in range(0, len(b), 72))
    return (
        f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};{CRLF}\ts={s}; t={int(when.timestamp())};{CRLF}"
        f"\th={hl};{CRLF}\tbh={base64.b64encode(rng.randbytes(32)).decode()};{CRLF}\tb={folded}"
    )


# -- degraded authentication: forwarding, small senders, DNS trouble ---------------------------------


def _forwarded(
    rng: random.Random, route: Route, via: str, rcpt: str, dt: datetime, dkim_breaks: bool
) -> Route:
    """The message was auto-forwarded by another mailbox (an old address, a partner's alias)."""
    ip = _ip(rng, rng.choice(("81.2", "86.38", "109.81", "195.74")))
    oh, oip = route.peer
    old = f"{rcpt.split('@')[0]}@{_org_dom(via)}"
    route.hops = [
        f"from {oh} ({oh} [{oip}]){CRLF}\tby {via} (Postfix) with ESMTPS id {_pfid(rng)}{CRLF}\tfor <{old}>; "
        f"{_rfc(dt.astimezone(UTC) + timedelta(seconds=2), 'uk')}",
        *route.hops,
    ]
    route.peer = (via, ip)
    route.spf = ("softfail" if rng.random() < 0.5 else "fail", route.spf[1])
    if dkim_breaks:
        route.dkim = [("fail", d, s) for _r, d, s in route.dkim]
        route.dmarc = ("fail", route.dmarc[1])
        route.arc = "arc=none"
    else:
        route.arc = "arc=pass (i=1 spf=pass dkim=pass dmarc=pass)" if rng.random() < 0.4 else "arc=none"
    return route


# -- message assembly ------------------------------------------------------------------------------


@dataclass
class M:
    """One message as its sender writes it."""

    frm: tuple[str, str]
    to: list[tuple[str, str]]
    subject: str
    text: str
    route: Route
    dt: datetime
    html: str = ""
    cc: list[tuple[str, str]] = field(default_factory=list)
    reply_to: tuple[str, str] | None = None
    charset: str = "utf-8"
    cte: str = "quoted-printable"
    html_cte: str = ""
    attach: list[tuple[str, str, bytes]] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    in_reply_to: list[str] = field(default_factory=list)
    ics: str = ""
    ics_method: str = "REQUEST"
    mailer: str = ""
    sender: tuple[str, str] | None = None
    rcpt: str = ""


def _build(rng: random.Random, m: M) -> bytes:
    r = m.route
    cs = m.charset
    text_part = _leaf(m.text, "plain", cs, m.cte)
    if m.html or m.ics:
        alts = [text_part]
        if m.html:
            alts.append(_leaf(m.html, "html", cs, m.html_cte or m.cte))
        if m.ics:
            alts.append(_leaf(m.ics, "calendar", "utf-8", "base64", f"; method={m.ics_method}"))
        body = _multi("alternative", alts, _boundary(rng, r.boundary))
    else:
        body = text_part
    if m.attach:
        body = _multi("mixed", [body, *[_attachment(*a) for a in m.attach]], _boundary(rng, r.boundary))
    hfrom = _dom(m.frm[1])
    rcpt = m.rcpt or m.to[0][1]
    hdrs: list[tuple[str, str]] = [
        ("From", _addr(*m.frm, charset=cs if cs != "utf-8" else "utf-8")),
        ("To", ("," + CRLF + " ").join(_addr(*t) for t in m.to)),
    ]
    if m.cc:
        hdrs.append(("Cc", ("," + CRLF + " ").join(_addr(*c) for c in m.cc)))
    if m.sender:
        hdrs.append(("Sender", _addr(*m.sender)))
    if m.reply_to:
        hdrs.append(("Reply-To", _addr(*m.reply_to)))
    hdrs += [
        ("Subject", _hdr(m.subject, "utf-8" if not m.subject.isascii() else cs)),
        ("Date", _rfc(m.dt, r.date_zone, suffix=r.date_zone == "utc" and rng.random() < 0.5)),
        ("Message-ID", r.mid),
    ]
    if m.in_reply_to:
        hdrs.append(("In-Reply-To", m.in_reply_to[-1]))
        hdrs.append(("References", (CRLF + " ").join(m.in_reply_to)))
        if r.boundary == "outlook":
            hdrs.append(("Thread-Topic", _hdr(m.subject.split(": ", 1)[-1])))
            hdrs.append(
                ("Thread-Index", base64.b64encode(rng.randbytes(22 + 5 * len(m.in_reply_to))).decode())
            )
    if m.mailer:
        hdrs.append(("X-Mailer", m.mailer))
    hdrs.append(("MIME-Version", "1.0"))
    hdrs += [(k, "yes" if k == "X-MS-Has-Attach" and m.attach else v) for k, v in r.headers] + m.headers
    body.headers = hdrs + body.headers

    t_mx = m.dt + timedelta(seconds=rng.randint(1, 50))
    trace: list[tuple[str, str]] = [
        ("Return-Path", r.return_path),
        (
            "Received",
            f"from {MX} (localhost [127.0.0.1]){CRLF}\tby mbox2.{ORG} (Dovecot) with LMTP id "
            f"{_tok(rng, 22, _ALNUM + '+/')}{CRLF}\tfor <{rcpt}>; {_rfc(t_mx + timedelta(seconds=1), 'uk')}",
        )
        if rng.random() < 0.5
        else ("X-Original-To", rcpt),
        ("Delivered-To", rcpt),
        ("Authentication-Results", _auth(r, hfrom, rng)),
    ]
    trace.append(("Received", _received_mx(rng, r, rcpt, t_mx)))
    trace += [("Received", h) for h in r.hops]
    trace += r.trace
    hl = "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type"
    if any(k == "List-Unsubscribe-Post" for k, _ in r.headers):
        hl = (
            "From:To:Subject:Date:Message-ID:List-Unsubscribe:List-Unsubscribe-Post:MIME-Version:Content-Type"
        )
    for _res, d, s in r.dkim:
        trace.append(("DKIM-Signature", _dkim_sig(rng, d, s, m.dt, hl)))
    body.headers = trace + body.headers
    return _ser(body, top=True)


# -- bodies: newsletters and notices written as blocks ----------------------------------------------

Block = str | tuple


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _compose(
    route: Route,
    blocks: list[Block],
    *,
    brand: str,
    colour: str = "#1a4e8a",
    preheader: str = "",
    footer: list[str] | None = None,
    logo: str = "",
) -> tuple[str, str]:
    """(text, html) from a list of blocks, written as the sender's template engine would."""
    wt = route.wrap if route.wrap_text else _same
    tx: list[str] = []
    hx: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            tx.append(b)
            hx.append(f'<p style="margin:0 0 14px 0;font-size:15px;line-height:22px;">{_esc(b)}</p>')
            continue
        kind = b[0]
        if kind == "h":
            tx.append(b[1].upper() if len(b[1]) < 50 else b[1])
            hx.append(f'<h2 style="font-size:20px;color:{colour};margin:18px 0 10px 0;">{_esc(b[1])}</h2>')
        elif kind == "btn":
            tx.append(f"{b[1]}: {wt(b[2])}")
            hx.append(
                f'<table role="presentation" cellpadding="0" cellspacing="0"><tr><td bgcolor="{colour}" '
                f'style="border-radius:4px;padding:12px 22px;"><a href="{route.wrap(b[2])}" '
                f'style="color:#ffffff;text-decoration:none;font-weight:bold;">{_esc(b[1])}</a></td></tr></table>'
            )
            if route.show_url:
                hx.append(
                    '<p style="font-size:12px;color:#666;margin:10px 0 16px 0;">If the button doesn\'t work, copy '
                    f'and paste this link into your browser:<br><a href="{route.wrap(b[2])}" style="color:{colour};">'
                    f"{_esc(b[2])}</a></p>"
                )
        elif kind == "link":
            tx.append(f"{b[1]}{b[3] if len(b) > 3 else ''}\n{wt(b[2])}")
            hx.append(
                f'<p style="margin:0 0 14px 0;"><a href="{route.wrap(b[2])}" style="color:{colour};">'
                f"{_esc(b[1])}</a>{_esc(b[3]) if len(b) > 3 else ''}</p>"
            )
        elif kind == "kv":
            w = max(len(k) for k, _ in b[1]) + 2
            tx.append("\n".join(f"{k + ':':<{w}}{v}" for k, v in b[1]))
            rows = "".join(
                f'<tr><td style="padding:4px 12px 4px 0;color:#555;">{_esc(k)}</td>'
                f'<td style="padding:4px 0;font-weight:bold;">{_esc(v)}</td></tr>'
                for k, v in b[1]
            )
            hx.append(f'<table role="presentation" style="font-size:14px;margin:0 0 16px 0;">{rows}</table>')
        elif kind == "list":
            tx.append("\n".join(f"  * {i}" for i in b[1]))
            hx.append("<ul>" + "".join(f"<li>{_esc(i)}</li>" for i in b[1]) + "</ul>")
        elif kind == "item":  # a product or article: title, blurb, url, link label
            tx.append(f"{b[1]}\n{b[2]}\n{b[4]}: {wt(b[3])}")
            hx.append(
                f'<tr><td style="padding:12px 0;border-bottom:1px solid #e5e5e5;"><strong>{_esc(b[1])}</strong>'
                f'<br><span style="color:#444;">{_esc(b[2])}</span><br><a href="{route.wrap(b[3])}" '
                f'style="color:{colour};">{_esc(b[4])} &rsaquo;</a></td></tr>'
            )
        elif kind == "small":
            tx.append(b[1])
            hx.append(f'<p style="font-size:12px;color:#777;margin:0 0 10px 0;">{_esc(b[1])}</p>')
    foot = footer or []
    if route.unsub:
        foot = [*foot, "UNSUB"]
    tfoot = []
    hfoot = []
    for f in foot:
        if f == "UNSUB":
            tfoot.append(f"Unsubscribe: {route.unsub}")
            hfoot.append(
                f'<a href="{route.unsub}" style="color:#777;">Unsubscribe</a> | '
                f'<a href="{route.wrap("https://" + _dom(brand) + "/preferences")}" '
                f'style="color:#777;">Manage preferences</a>'
                if "@" in brand
                else f'<a href="{route.unsub}" style="color:#777;">Unsubscribe</a>'
            )
        else:
            tfoot.append(f)
            hfoot.append(_esc(f))
    text = "\n\n".join(tx) + "\n\n" + ("-" * 40 + "\n" + "\n".join(tfoot) + "\n" if tfoot else "")
    # wrap item rows in a table
    body_html = "\n".join(
        f'<table role="presentation" width="100%">{h}</table>' if h.startswith("<tr>") else h for h in hx
    )
    pixel = (
        f'<img src="{route.pixel}" width="1" height="1" alt="" style="display:block;border:0;" />'
        if route.pixel
        else ""
    )
    logo_html = (
        f'<img src="{logo}" alt="{_esc(brand.split("@")[0])}" width="160" style="display:block;border:0;" />'
        if logo
        else f'<span style="font-size:22px;font-weight:bold;color:{colour};">{_esc(brand.split("@")[0])}</span>'
    )
    html = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'
        f"<title>{_esc(brand.split('@')[0])}</title></head>\n"
        '<body style="margin:0;padding:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;">\n'
        f'<div style="display:none;max-height:0;overflow:hidden;">{_esc(preheader)}&nbsp;&zwnj;</div>\n'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#f4f4f4"><tr>'
        '<td align="center"><table role="presentation" width="600" cellpadding="0" cellspacing="0" '
        'bgcolor="#ffffff" style="max-width:600px;">\n'
        f'<tr><td style="padding:24px 32px;border-bottom:3px solid {colour};">{logo_html}</td></tr>\n'
        f'<tr><td style="padding:24px 32px;color:#222;">\n{body_html}\n</td></tr>\n'
        '<tr><td style="padding:18px 32px;font-size:12px;color:#777;line-height:18px;">'
        + "<br>\n".join(hfoot)
        + "</td></tr>\n</table></td></tr></table>\n"
        + pixel
        + "\n</body></html>\n"
    )
    return text, html


def _plain_html(text: str, font: str = "Calibri", size: str = "11.0pt", charset: str = "utf-8") -> str:
    """A person's message as Outlook renders it in HTML."""
    paras = []
    for block in text.split("\n\n"):
        lines = "<br>\n".join(_esc(x) for x in block.split("\n"))
        paras.append(
            f'<p class="MsoNormal"><span style="font-size:{size};font-family:&quot;{font}&quot;,'
            f'sans-serif">{lines}<o:p></o:p></span></p>'
        )
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n'
        f'<head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        "<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;font-size:11.0pt;"
        'font-family:"Calibri",sans-serif;}\n--></style></head>\n'
        '<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
        '<div class="WordSection1">\n'
        + '\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'.join(paras)
        + "\n</div>\n</body>\n</html>\n"
    )


def _gmail_html(text: str) -> str:
    out = []
    for block in text.split("\n\n"):
        if block.startswith("On ") or block.startswith(">"):
            q = "<br>".join(_esc(x.lstrip("> ")) for x in block.split("\n"))
            out.append(
                f'<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;'
                f'padding-left:1ex">{q}</blockquote>'
            )
        else:
            out.append("<div>" + "<br>".join(_esc(x) for x in block.split("\n")) + "</div>")
    return '<div dir="ltr">' + "<div><br></div>".join(out) + "</div>\n"


def _quote(text: str, who: str, when: datetime, style: str = "outlook", headers: str = "") -> str:
    if style == "gmail":
        q = "\n".join("> " + x if x else ">" for x in text.strip().split("\n"))
        return f"On {_DAYS[when.weekday()]}, {when.day} {_MONTHS[when.month - 1]} {when.year} at {when:%H:%M}, {who} wrote:\n{q}"
    return (
        (
            "________________________________\n"
            if style == "outlook-short"
            else "-----Original Message-----\n"
            if style == "old"
            else ""
        )
        + headers
        + "\n"
        + text.strip()
    )


def _outlook_hdr(frm: str, when: datetime, to: str, subject: str, cc: str = "") -> str:
    cc_l = f"Cc: {cc}\n" if cc else ""
    return (
        f"From: {frm}\nSent: {_LONGDAYS[when.weekday()]} {_day(when)} {when:%H:%M}\n"
        f"To: {to}\n{cc_l}Subject: {subject}\n"
    )


def _mid_for(rng: random.Random, style: str, domain: str, dt: datetime) -> str:
    if style == "gmail":
        return f"<CA{rng.choice('FJKBM')}{_tok(rng, 46, _ALNUM + '+_-')}@mail.gmail.com>"
    if style == "outlook":
        return f"<{_tok(rng, 4, _UP)}P{rng.randint(100, 300)}MB{rng.randint(1000, 9999)}{_tok(rng, 21, _UP)}@{_tok(rng, 4, _UP)}P{rng.randint(100, 300)}MB{rng.randint(1000, 9999)}.EURP{rng.randint(100, 300)}.PROD.OUTLOOK.COM>"
    if style == "apple":
        return f"<{_uuid(rng).upper()}@{domain}>"
    return f"<{dt:%Y%m%d%H%M%S}.{_hex(rng, 12)}@{domain}>"


# -- template engine for notices, receipts and newsletters ------------------------------------------

_COUNTRIES = [
    ("Spain", "Málaga"),
    ("Netherlands", "Amsterdam"),
    ("Germany", "Düsseldorf"),
    ("United States", "Chicago"),
    ("France", "Lyon"),
    ("Ireland", "Dublin"),
    ("Portugal", "Faro"),
    ("United Arab Emirates", "Dubai"),
    ("Poland", "Kraków"),
    ("Italy", "Milan"),
    ("United Kingdom", "Manchester"),
    ("United Kingdom", "Leeds"),
]
_DEVICES = [
    ("Windows", "Microsoft Edge"),
    ("Windows", "Chrome"),
    ("macOS", "Safari"),
    ("iOS", "Safari"),
    ("Android", "Chrome"),
    ("macOS", "Firefox"),
    ("iPadOS", "Safari"),
]
_EXT_NAMES = [
    "Alistair Brennan",
    "Chloe Wakefield",
    "Rhys Morgan",
    "Joanna Pietrzak",
    "Hamish Drummond",
    "Nadia Qureshi",
    "Ben Ashworth",
    "Emma Threlfall",
    "Callum Reid",
    "Sophie Lindqvist",
    "Marcus Adeyemi",
    "Ruth Gallagher",
    "Stuart Penhaligon",
    "Aoife Brennan",
    "Imran Siddiqui",
    "Grace Tennant",
    "Paul Verhoeven",
    "Megan Rushworth",
]


def _mask(addr: str) -> str:
    local, dom = addr.split("@")
    return f"{local[0]}{'*' * min(len(local) - 1, 6)}@{dom}"


def _ctx(rng: random.Random, dt: datetime, role: str) -> dict[str, str]:
    name, email = _p(role)
    country, city = rng.choice(_COUNTRIES)
    os_, browser = rng.choice(_DEVICES)
    loc = dt.astimezone(_tz(dt, "uk"))
    tzn = "BST" if loc.utcoffset() else "GMT"
    net = rng.uniform(40, 4800)
    col_role = rng.choice([r for r in STAFF if r != role])
    due = _later(dt, rng.choice((7, 14, 14, 30)))
    pm = dt.replace(day=1) - timedelta(days=1)
    ext = rng.choice(_EXT_NAMES)
    return {
        "first": name.split()[0] if name else "there",
        "name": name or "Accounts",
        "email": email,
        "masked": _mask(email),
        "code": _dig(rng, 6),
        "code7": _dig(rng, 7),
        "code_dash": f"{_dig(rng, 3)}-{_dig(rng, 3)}",
        "country": country,
        "city": city,
        "ip": f"{rng.randint(31, 213)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}",
        "os": os_,
        "browser": browser,
        "when": f"{_day(loc)} {loc:%H:%M} {tzn}",
        "time": f"{loc:%H:%M}",
        "date": _day(loc),
        "dmy": _dmy(loc),
        "iso": f"{loc:%Y-%m-%d}",
        "month": f"{_LONGMONTHS[loc.month - 1]} {loc.year}",
        "mon": f"{_MONTHS[loc.month - 1]} {loc.year}",
        "prev_month": f"{_LONGMONTHS[pm.month - 1]} {pm.year}",
        "year": str(loc.year),
        "ref": _tok(rng, 8, _UP),
        "n4": _dig(rng, 4),
        "n5": _dig(rng, 5),
        "n6": _dig(rng, 6),
        "n8": _dig(rng, 8),
        "n10": _dig(rng, 10),
        "tok": _tok(rng, 24, _URLSAFE),
        "tok2": _tok(rng, 40, _URLSAFE),
        "hex": _hex(rng, 32),
        "uuid": _uuid(rng),
        "net": f"{net:,.2f}",
        "net_de": f"{net:,.2f}".replace(",", " ").replace(".", ",").replace(" ", "."),
        "dmy_de": f"{loc:%d.%m.%Y}",
        "due_de": f"{due:%d.%m.%Y}",
        "vat": f"{net * 0.2:,.2f}",
        "amount": f"{net * 1.2:,.2f}",
        "small": f"{rng.uniform(4, 95):,.2f}",
        "big": f"{rng.uniform(5000, 68000):,.2f}",
        "card": _dig(rng, 4),
        "inv": f"INV-{rng.randint(1000, 29999):05d}",
        "due": _day(due),
        "due_dmy": _dmy(due),
        "days": str(rng.choice((3, 7, 14))),
        "seats": str(rng.choice((5, 8, 12, 15, 25, 40))),
        "col": STAFF[col_role][0],
        "col_first": STAFF[col_role][0].split()[0],
        "col_email": f"{STAFF[col_role][1]}@{ORG}",
        "ext": ext,
        "ext_first": ext.split()[0],
        "ext_first_l": ext.lower().replace(" ", "."),
        "job": f"CF-{rng.randint(2300, 2699)}",
        "po": f"PO{rng.randint(40000, 49999)}",
        "rm": f"{_tok(rng, 2, string.ascii_uppercase)}{_dig(rng, 9)}GB",
        "dpd": _dig(rng, 14),
        "evri": f"H{_dig(rng, 2)}{_tok(rng, 3, _UP)}{_dig(rng, 10)}",
        "dhl": _dig(rng, 10),
        "fedex": _dig(rng, 12),
        "ups": f"1Z{_tok(rng, 6, _UP)}{_dig(rng, 10)}",
        "slot": rng.choice(
            ("07:42 - 08:42", "10:15 - 11:15", "12:03 - 13:03", "13:30 - 14:30", "15:51 - 16:51")
        ),
        "postcode": rng.choice(("HX1 5QB", "HX5 9DR", "HD6 2LT", "LS28 7BN")),
        "pct": str(rng.choice((10, 15, 20, 25, 30))),
        "q": str((loc.month - 1) // 3 + 1),
        "n3a": str(rng.randint(202, 206)),
        "shipper": rng.choice(
            ("Festo SE & Co. KG", "Keyence International", "MISUMI Europa GmbH", "Omega Engineering Inc")
        ),
        "driver": rng.choice(("Darren", "Aisha", "Krzysztof", "Mick", "Paula")),
        "n7": _dig(rng, 7),
        "merchant_ref": f"CFE{_dig(rng, 6)}",
        "n8s": _dig(rng, 7),
        "hex8": _hex(rng, 8).upper(),
    }


def _fill(s: str, ctx: dict[str, str]) -> str:
    return s.format_map(ctx)


def _fill_block(b: Block, ctx: dict[str, str]) -> Block:
    if isinstance(b, str):
        return _fill(b, ctx)
    out: list[object] = [b[0]]
    for x in b[1:]:
        if isinstance(x, str):
            out.append(_fill(x, ctx))
        elif isinstance(x, list):
            out.append(
                [tuple(_fill(y, ctx) for y in i) if isinstance(i, tuple) else _fill(i, ctx) for i in x]
            )
        else:
            out.append(x)
    return tuple(out)


def _route_for(rng: random.Random, via: tuple, frm: str, dt: datetime, rcpt: str, bulk: bool) -> Route:
    kind = via[0]
    if kind == "esp":
        p = via[2] if len(via) > 2 else "reject"
        sub = via[3] if len(via) > 3 else ""
        return _esp(rng, via[1], frm, dt, rcpt, p=p, unsub=bulk, sub=sub)
    if kind in ("m365", "google"):
        r = _own(rng, kind, frm, dt, rcpt, p=via[1] if len(via) > 1 else "quarantine")
    else:  # ("svc", host, ip prefix, p, mailfrom domain, dkim selector, boundary)
        host, ipp, p = via[1], via[2], via[3]
        mf = via[4] if len(via) > 4 else ""
        r = _own(
            rng,
            "smtp",
            frm,
            dt,
            rcpt,
            p=p,
            host=host,
            ip=_ip(rng, ipp),
            mailfrom=mf,
            sel=via[5] if len(via) > 5 else rng.choice(("s1", "selector1", "k1", "dkim", "mail")),
            boundary=via[6] if len(via) > 6 else "java",
            zone="utc",
        )
    if bulk:
        un = f"https://{_dom(frm)}/unsubscribe?t={_tok(rng, 40, _URLSAFE)}"
        r.unsub = un
        r.headers += [
            ("List-Unsubscribe", f"<{un}>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ]
    return r


def _degrade(rng: random.Random, r: Route, how: str, rcpt: str, dt: datetime) -> None:
    if how == "nodmarc":
        r.dmarc = ("none", "")
        if rng.random() < 0.5:
            r.dkim = []
    elif how == "softfail":
        r.spf = ("softfail", r.spf[1])
        if not r.dkim:
            r.dmarc = ("none", "") if not r.dmarc[1] else ("fail", r.dmarc[1])
    elif how == "temperror":
        r.spf = ("temperror", r.spf[1])
        if rng.random() < 0.5 and r.dkim:
            r.dkim = [("temperror", d, s) for _x, d, s in r.dkim]
            r.dmarc = ("temperror", "")
    elif how == "fwd":
        _forwarded(rng, r, rng.choice(_FORWARDERS), rcpt, dt, dkim_breaks=False)
    elif how == "fwd-dkim":
        _forwarded(rng, r, rng.choice(_FORWARDERS), rcpt, dt, dkim_breaks=True)


_FORWARDERS = (
    "smtp.calderfinch-legacy.co.uk",
    "mail.fairbairn-family.me.uk",
    "relay.halifaxengineeringhub.org.uk",
    "mx1.old-cfe-domain.com",
    "mail.yorkshire-makers.org",
)


def _notice(rng: random.Random, t: dict, dt: datetime | None = None) -> M:
    dt = dt or _pick_dt(rng, office=t.get("office", False))
    role = rng.choice(t.get("to", ["ops"]))
    ctx = _ctx(rng, dt, role)
    idx = -1
    for k, v in t.get("vars", {}).items():
        if isinstance(v, str):
            ctx[k] = _fill(v, ctx)
            continue
        if idx < 0:
            idx, n0 = rng.randrange(len(v)), len(v)
        ctx[k] = _fill(v[idx] if len(v) == n0 else rng.choice(v), ctx)
    base = ctx.get("vendor") or ctx.get("svc") or "x"
    ctx["slug"] = "".join(c for c in base.lower().split()[0] if c.isalnum())
    ctx["svc_dom"] = ctx["slug"] + ".com"
    ctx["merchant_up"] = ctx.get("merchant", "").upper()[:18]
    name, addr = t["from"]
    fname, faddr = _fill(name, ctx), _fill(addr, ctx)
    rcpt = ctx["email"]
    bulk = t.get("bulk", False)
    r = _route_for(rng, t["via"], faddr, dt, rcpt, bulk)
    if t.get("auth"):
        _degrade(rng, r, t["auth"], rcpt, dt)
    r.show_url = rng.random() < 0.4
    blocks = [_fill_block(b, ctx) for b in t["blocks"]]
    footer = [_fill(f, ctx) for f in t.get("footer", [])]
    text, html = _compose(
        r,
        blocks,
        brand=_fill(t.get("brand", fname), ctx),
        colour=t.get("colour", "#1a4e8a"),
        preheader=_fill(t.get("pre", ""), ctx),
        footer=footer,
        logo=_fill(t.get("logo", ""), ctx),
    )
    if t.get("text_only"):
        html = ""
    m = M(
        frm=(fname, faddr),
        to=[_p(role)] if not t.get("to_box") else [(ctx["name"], ctx["email"])],
        subject=_fill(t["subject"] if isinstance(t["subject"], str) else rng.choice(t["subject"]), ctx),
        text=text,
        html=html,
        route=r,
        dt=dt,
        charset=t.get("charset", "utf-8"),
        cte=t.get("cte", rng.choice(("quoted-printable", "quoted-printable", "base64", "7bit"))),
        headers=[(k, _fill(v, ctx)) for k, v in t.get("headers", [])],
        mailer=t.get("mailer", ""),
    )
    if t.get("reply_to"):
        m.reply_to = (_fill(t["reply_to"][0], ctx), _fill(t["reply_to"][1], ctx))
    for a in t.get("attach", []):
        m.attach.append(_file(rng, _fill(a, ctx)))
    return m


# == 1. account and security notices from real SaaS ==================================================

_MS = (
    "svc",
    "mail-am6eur05on2110.outbound.protection.outlook.com",
    "40.107.22",
    "reject",
    "accountprotection.microsoft.com",
    "selector1",
    "outlook",
)
_GOOG = ("svc", "mail-sor-f69.google.com", "209.85.220", "reject", "accounts.google.com", "20230601", "gmail")
_APPLE = (
    "svc",
    "rn2-txn-msbadger07104.apple.com",
    "17.111.110",
    "quarantine",
    "email.apple.com",
    "email0517",
    "apple",
)
_LI = ("svc", "mailb-ae.linkedin.com", "108.174.6", "reject", "bounce.linkedin.com", "d2048-2", "java")
_SF = (
    "svc",
    "smtp09-ia4-sp3.mta.salesforce.com",
    "13.110.6",
    "reject",
    "bnc.salesforce.com",
    "sf112018",
    "java",
)

_SECURITY: list[dict] = [
    {
        "from": ("Microsoft account team", "account-security-noreply@accountprotection.microsoft.com"),
        "via": _MS,
        "to": ["md", "ops", "sales", "fd"],
        "subject": "Microsoft account unusual sign-in activity",
        "brand": "Microsoft account",
        "colour": "#2672ec",
        "blocks": [
            ("h", "Unusual sign-in activity"),
            "We detected something unusual about a recent sign-in to the Microsoft account {masked}.",
            (
                "kv",
                [
                    ("Country/region", "{country}"),
                    ("IP address", "{ip}"),
                    ("Date", "{when}"),
                    ("Platform", "{os}"),
                    ("Browser", "{browser}"),
                ],
            ),
            "Please go to your recent activity page to let us know whether or not this was you. If this wasn't you, we'll help you secure your account. If this was you, we'll trust similar activity in the future.",
            ("btn", "Review recent activity", "https://account.live.com/Activity"),
            (
                "link",
                "To opt out or change where you receive security notifications, click here.",
                "https://account.live.com/SecurityNotifications/Update",
            ),
            "Thanks,\nThe Microsoft account team",
        ],
        "footer": [
            "Privacy Statement: https://go.microsoft.com/fwlink/?LinkId=521839",
            "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052",
        ],
    },
    {
        "from": ("Microsoft account team", "account-security-noreply@accountprotection.microsoft.com"),
        "via": _MS,
        "to": ["it", "accounts", "design", "pm"],
        "subject": "Microsoft account security code",
        "brand": "Microsoft account",
        "colour": "#2672ec",
        "text_only": True,
        "blocks": [
            "Microsoft account",
            "Security code",
            "Please use the following security code for the Microsoft account {masked}.",
            "Security code: {code7}",
            "If you don't recognise the Microsoft account {masked}, you can click https://account.live.com/dp?token={tok} to remove your email address from that account.",
            "Thanks,\nThe Microsoft account team",
        ],
    },
    {
        "from": ("Google", "no-reply@accounts.google.com"),
        "via": _GOOG,
        "to": ["sales", "pm", "de", "eng"],
        "subject": "Security alert",
        "brand": "Google",
        "colour": "#1a73e8",
        "blocks": [
            ("h", "A new sign-in on {os}"),
            "{email}",
            "We noticed a new sign-in to your Google Account on a {os} device. If this was you, you don't need to do anything. If not, we'll help you secure your account.",
            (
                "btn",
                "Check activity",
                "https://accounts.google.com/AccountChooser?Email={email}&continue=https://myaccount.google.com/alert/nt/{n10}?rfn%3D325",
            ),
            ("small", "You can also see security activity at\nhttps://myaccount.google.com/notifications"),
        ],
        "footer": [
            "You received this email to let you know about important changes to your Google Account and services.",
            "© {year} Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA",
        ],
    },
    {
        "from": ("Google Workspace", "workspace-noreply@google.com"),
        "via": (
            "svc",
            "mail-sor-f73.google.com",
            "209.85.220",
            "reject",
            "scoutcamp.bounces.google.com",
            "20230601",
            "gmail",
        ),
        "to": ["it"],
        "subject": "[Action required] Suspicious login blocked for {email}",
        "brand": "Google Workspace",
        "colour": "#1a73e8",
        "blocks": [
            ("h", "Suspicious login blocked"),
            "Google has detected that a login attempt to the account {email} was blocked because it looked suspicious. The attempt came from an unusual location: {city}, {country} ({ip}).",
            "As an administrator of calderfinch.co.uk you can review this event in the Admin console security investigation tool. If you believe the account may be compromised, reset the user's password and revoke their active sessions.",
            ("btn", "Investigate", "https://admin.google.com/ac/sc/investigation?query={tok}"),
            (
                "small",
                "You are receiving this mandatory email service announcement to update you about important changes to your Google Workspace account.",
            ),
        ],
        "vars": {
            "email": [
                "sian.prothero@calderfinch.co.uk",
                "lee.hartley@calderfinch.co.uk",
                "kieran.doyle@calderfinch.co.uk",
            ]
        },
        "footer": ["Google LLC 1600 Amphitheatre Parkway, Mountain View, CA 94043"],
    },
    {
        "from": ("Apple", "noreply@email.apple.com"),
        "via": _APPLE,
        "to": ["md", "ops", "office"],
        "subject": "Your Apple Account was used to sign in to iCloud via a web browser",
        "brand": "Apple",
        "colour": "#0071e3",
        "blocks": [
            "Dear {first},",
            "Your Apple Account ({masked}) was used to sign in to iCloud via a web browser.",
            ("kv", [("Date and Time", "{when}")]),
            "If the information above looks familiar, you can ignore this message.",
            "If you have not signed in to iCloud recently and believe someone may have accessed your account, go to Apple Account (https://account.apple.com) and change your password as soon as possible.",
            "Apple Support",
        ],
        "footer": [
            "Apple Account | Support | Privacy Policy",
            "Copyright © {year} Apple Distribution International Ltd. Hollyhill Industrial Estate, Hollyhill, Cork, Ireland. All rights reserved.",
        ],
    },
    {
        "from": ("LinkedIn", "security-noreply@linkedin.com"),
        "via": _LI,
        "to": ["sales", "hr", "md", "eng2"],
        "subject": "{first}, here's your PIN {code}",
        "brand": "LinkedIn",
        "colour": "#0a66c2",
        "blocks": [
            "Hi {first},",
            "Please use this verification code to complete your sign in:",
            ("h", "{code}"),
            "If you didn't try to sign in, change your password right away to keep your account secure: https://www.linkedin.com/psettings/change-password",
            "Thanks for helping us keep your account secure.\nThe LinkedIn Team",
        ],
        "footer": [
            "This email was intended for {name}. Learn why we included this: https://www.linkedin.com/help/linkedin/answer/4788",
            "© {year} LinkedIn Ireland Unlimited Company, Wilton Plaza, Dublin 2. LinkedIn is a registered business name of LinkedIn Ireland Unlimited Company.",
        ],
    },
    {
        "from": ("LinkedIn", "security-noreply@linkedin.com"),
        "via": _LI,
        "to": ["apprentice", "design", "quality"],
        "subject": "Please confirm your email address",
        "brand": "LinkedIn",
        "colour": "#0a66c2",
        "blocks": [
            "Hi {first},",
            "You recently added {email} to your LinkedIn account. Confirm this email address so you can use it to sign in and receive notifications.",
            (
                "btn",
                "Confirm your email",
                "https://www.linkedin.com/e/v2?e={tok}&a=confirmEmail&midToken={tok2}",
            ),
            "Or confirm with this code: {code}",
            "If you didn't add this email address, you can safely ignore this message.",
        ],
        "footer": ["© {year} LinkedIn Ireland Unlimited Company, Wilton Plaza, Dublin 2."],
    },
    {
        "from": ("Salesforce", "noreply@salesforce.com"),
        "via": _SF,
        "to": ["sales", "md"],
        "subject": "Verify your identity in Salesforce",
        "brand": "Salesforce",
        "colour": "#0176d3",
        "text_only": True,
        "cte": "7bit",
        "blocks": [
            "Verify Your Identity",
            "Hi {first},",
            "You're trying to log in to Salesforce (calderfinch.my.salesforce.com). To make sure your account is secure, we have to verify your identity.",
            "Enter this verification code: {code}",
            "The code expires after it's used or after 24 hours.",
            "If you didn't try to log in, contact your Salesforce administrator immediately.",
            "Thanks,\nSalesforce Customer Support",
        ],
    },
    {
        "from": ("HubSpot", "noreply@notifications.hubspot.com"),
        "via": (
            "svc",
            "mta-172-81.hubspotemail.net",
            "143.244.80",
            "reject",
            "bf08x.hubspotemail.net",
            "hs1",
            "java",
        ),
        "to": ["sales"],
        "subject": "Reset your HubSpot password",
        "brand": "HubSpot",
        "colour": "#ff7a59",
        "blocks": [
            "Hi {first},",
            "We received a request to reset the password for your HubSpot account ({email}). Click the button below to choose a new password. This link will expire in 24 hours.",
            ("btn", "Reset password", "https://app.hubspot.com/login/reset?token={tok2}"),
            "If you didn't request a password reset, you can ignore this email; your password won't change.",
        ],
        "footer": ["HubSpot, Inc. 2 Canal Park, Cambridge, MA 02141"],
    },
    {
        "from": ("Miro", "no-reply@miro.com"),
        "via": ("esp", "sendgrid", "reject", "em"),
        "to": ["design", "pm", "eng"],
        "subject": "{code} is your Miro sign-in code",
        "brand": "Miro",
        "colour": "#4262ff",
        "blocks": [
            "Hi {first},",
            "Enter this code to sign in to Miro:",
            ("h", "{code}"),
            "The code is valid for 15 minutes. If you didn't request it, just ignore this email — someone probably typed your address by mistake.",
        ],
        "footer": ["Miro, 201 Spear Street, Suite 1100, San Francisco, CA 94105"],
    },
    {
        "from": ("Notion Team", "notify@mail.notion.so"),
        "via": ("esp", "ses", "reject", "mail"),
        "to": ["pm", "it", "design"],
        "subject": "Your temporary Notion login code is {code_dash}",
        "brand": "Notion",
        "colour": "#000000",
        "blocks": [
            "Log in to Notion",
            "Copy and paste this temporary login code:",
            ("h", "{code_dash}"),
            (
                "small",
                "If you didn't try to login, you can safely ignore this email. Hint: Use a password manager to keep your account secure.",
            ),
        ],
        "footer": ["Notion, the connected workspace for docs, projects, and wikis."],
    },
    {
        "from": ("Canva", "no-reply@canva.com"),
        "via": ("esp", "sendgrid", "reject", "engage"),
        "to": ["sales", "office", "hr"],
        "subject": "Verify your email address",
        "brand": "Canva",
        "colour": "#7d2ae8",
        "blocks": [
            "Hi {first},",
            "To finish setting up your Canva account for the Calder & Finch team, please verify your email address.",
            ("btn", "Verify email", "https://www.canva.com/verify-email?token={tok2}"),
            "Your verification code is {code}. It will expire in 30 minutes.",
        ],
        "footer": ["Canva®, 110 Kippax St, Surry Hills NSW 2010, Australia"],
    },
    {
        "from": ("Xero", "messaging-service@post.xero.com"),
        "via": (
            "svc",
            "a48-112.smtp-out.amazonses.com",
            "54.240.48",
            "reject",
            "post.xero.com",
            "ekx3xfoqm5w",
            "java",
        ),
        "to": ["fd", "accounts"],
        "subject": "Your Xero password has been changed",
        "brand": "Xero",
        "colour": "#13b5ea",
        "blocks": [
            "Hi {first},",
            "The password for your Xero login ({email}) was changed on {when}.",
            "If you made this change, you don't need to do anything.",
            "If you didn't change your password, please reset it now and contact Xero Support so we can help you secure your account.",
            ("btn", "Reset password", "https://login.xero.com/identity/user/login/forgottenpassword"),
            "Regards,\nThe Xero team",
        ],
        "footer": ["Xero (UK) Ltd, 6 Brook Street, London W1S 1BB"],
    },
    {
        "from": ("Sage", "noreply@sage.com"),
        "via": ("esp", "sendgrid", "reject", "notify"),
        "to": ["accounts", "fd"],
        "subject": "Your Sage ID verification code",
        "brand": "Sage",
        "colour": "#00d639",
        "blocks": [
            "Hello,",
            "Use the code below to verify your identity and sign in to Sage Accounting.",
            ("h", "{code}"),
            "This code will expire in 10 minutes. Sage will never ask you for this code by phone or email.",
            "If you didn't request this code, someone may be trying to access your account. Change your password at https://id-shadow.sage.com/ immediately.",
        ],
        "footer": [
            "The Sage Group plc, C23 - 5 & 6 Cobalt Park Way, Cobalt Park, Newcastle upon Tyne, NE28 9EJ"
        ],
    },
]


# == 2. SaaS billing: payment failed, card expiring, suspension ======================================

_BILLING: list[dict] = [
    {
        "from": ("Microsoft", "microsoft-noreply@microsoft.com"),
        "via": (
            "svc",
            "mail-dm6nam12on2107.outbound.protection.outlook.com",
            "40.107.243",
            "reject",
            "microsoft.com",
            "selector2",
            "outlook",
        ),
        "to": ["it", "fd"],
        "subject": "Action required: Your Microsoft 365 Business Standard payment couldn't be processed",
        "brand": "Microsoft 365 admin center",
        "colour": "#0078d4",
        "blocks": [
            ("h", "We couldn't process your payment"),
            "We tried to charge your Visa ending in {card} for your Microsoft 365 Business Standard subscription ({seats} licences) for Calder & Finch Engineering Ltd, but the payment was declined.",
            "To avoid interruption to your services, update your payment method within {days} days. If we can't collect payment, your subscription will be disabled and users will lose access to Office apps, Exchange Online and OneDrive.",
            (
                "btn",
                "Update payment method",
                "https://admin.microsoft.com/Adminportal/Home#/billoverview/paymentMethods",
            ),
            (
                "kv",
                [
                    ("Billing account", "Calder & Finch Engineering Ltd"),
                    ("Amount due", "£{amount}"),
                    ("Invoice", "G{n8}"),
                ],
            ),
        ],
        "footer": [
            "Microsoft respects your privacy. Read our privacy statement: https://go.microsoft.com/fwlink/?LinkId=521839",
            "Microsoft Ireland Operations Ltd, One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, D18 P521",
        ],
    },
    {
        "from": ("Zoom", "billing@zoom.us"),
        "via": ("esp", "sendgrid", "reject", "em"),
        "to": ["office", "it"],
        "subject": "Payment failed - please update your billing information",
        "brand": "Zoom",
        "colour": "#0b5cff",
        "blocks": [
            "Hi {first},",
            "We were unable to charge your card ending in {card} for your Zoom Workplace Pro plan. Your account will be downgraded to Basic if payment is not received by {due}.",
            (
                "kv",
                [("Account", "Calder & Finch Engineering"), ("Amount", "£{small}"), ("Attempted", "{date}")],
            ),
            ("btn", "Update billing information", "https://zoom.us/billing"),
            "If you have already updated your card, please disregard this message.",
        ],
        "footer": ["Zoom Communications, Inc. 55 Almaden Blvd, Suite 600, San Jose, CA 95113"],
    },
    {
        "from": ("Slack", "feedback@slack.com"),
        "via": ("esp", "ses", "reject", "mail"),
        "to": ["it", "fd"],
        "subject": "Your card on file for Calder & Finch is expiring soon",
        "brand": "Slack",
        "colour": "#4a154b",
        "blocks": [
            "Hi {first},",
            "The Visa card ending in {card} that we have on file for the Calder & Finch workspace (calderfinch.slack.com) expires at the end of this month.",
            "To make sure there's no interruption to your Pro plan, please add a new card before your next billing date.",
            ("btn", "Update payment details", "https://calderfinch.slack.com/admin/billing"),
            "Cheers,\nThe team at Slack",
        ],
        "footer": ["Slack Technologies Limited, One Park Place, Upper Hatch Street, Dublin 2, Ireland"],
    },
    {
        "from": ("Adobe", "message@adobe.com"),
        "via": ("svc", "mail.mail.adobe.com", "130.248.154", "reject", "mail.adobe.com", "neolane", "java"),
        "to": ["design", "sales"],
        "subject": "Your payment didn't go through — update your billing info",
        "brand": "Adobe",
        "colour": "#eb1000",
        "blocks": [
            "Hi {first},",
            "We were unable to process your payment for Adobe Acrobat Pro for teams. Please update your payment information so you don't lose access to your apps and services.",
            (
                "kv",
                [
                    ("Plan", "Acrobat Pro for teams ({seats} licences)"),
                    ("Payment method", "Mastercard ending in {card}"),
                    ("Amount", "£{amount}"),
                ],
            ),
            ("btn", "Update payment", "https://account.adobe.com/plans"),
            "We'll try charging your card again in a few days. If payment still fails, your plan will be cancelled.",
        ],
        "footer": ["Adobe Systems Software Ireland Ltd, 4-6 Riverwalk, Citywest Business Park, Dublin 24"],
    },
    {
        "from": ("Canva", "billing@canva.com"),
        "via": ("esp", "sendgrid", "reject", "engage"),
        "to": ["sales", "office"],
        "subject": "Action needed: we couldn't renew your Canva Teams subscription",
        "brand": "Canva",
        "colour": "#7d2ae8",
        "blocks": [
            "Hi {first},",
            "Your Canva Teams renewal was unsuccessful because your payment was declined. Your team still has access for now, but it will be suspended on {due} unless you update your payment details.",
            ("btn", "Update payment details", "https://www.canva.com/settings/billing-and-plans"),
            "Questions? Reply to this email or visit our Help Centre.",
        ],
        "footer": ["Canva®, 110 Kippax St, Surry Hills NSW 2010, Australia"],
    },
    {
        "from": ("Xero", "subscriptions@post.xero.com"),
        "via": (
            "svc",
            "a48-113.smtp-out.amazonses.com",
            "54.240.48",
            "reject",
            "post.xero.com",
            "ekx3xfoqm5w",
            "java",
        ),
        "to": ["fd"],
        "subject": "Overdue: Xero subscription payment for Calder & Finch Engineering Ltd",
        "brand": "Xero",
        "colour": "#13b5ea",
        "blocks": [
            "Hi {first},",
            "We've been unable to take payment for your Xero Established plan. Your subscription is now overdue and the organisation will be placed in read-only mode on {due} if we can't collect payment.",
            (
                "kv",
                [
                    ("Organisation", "Calder & Finch Engineering Ltd"),
                    ("Amount overdue", "£{small}"),
                    ("Card", "•••• {card}"),
                ],
            ),
            ("btn", "Pay now", "https://go.xero.com/Settings/Subscription/Billing"),
            "Regards,\nXero Billing",
        ],
        "footer": ["Xero (UK) Ltd, 6 Brook Street, London W1S 1BB. Registered in England 05956276."],
    },
    {
        "from": ("Miro", "billing@miro.com"),
        "via": ("esp", "sendgrid", "reject", "em"),
        "to": ["design", "pm"],
        "subject": "Your Miro Business plan will be suspended",
        "brand": "Miro",
        "colour": "#4262ff",
        "blocks": [
            "Hi {first},",
            'We\'ve tried charging your payment method several times without success. Unless we receive payment by {due}, your team "Calder & Finch Projects" will be suspended for non-payment and boards will become view-only.',
            ("btn", "Update payment method", "https://miro.com/app/settings/company/billing/"),
            "If you think this is a mistake, contact us at billing@miro.com.",
        ],
        "footer": ["Miro, 201 Spear Street, Suite 1100, San Francisco, CA 94105"],
    },
    {
        "from": ("HubSpot Billing", "billing@hubspot.com"),
        "via": (
            "svc",
            "mta-172-84.hubspotemail.net",
            "143.244.80",
            "reject",
            "bf08x.hubspotemail.net",
            "hs1",
            "java",
        ),
        "to": ["sales", "fd"],
        "subject": "Your credit card is about to expire",
        "brand": "HubSpot",
        "colour": "#ff7a59",
        "blocks": [
            "Hi {first},",
            "The credit card ending in {card} on your HubSpot account (Hub ID {n8}) expires soon. To avoid any interruption to Sales Hub Professional, please add a new payment method in your account settings.",
            ("btn", "Update card", "https://app.hubspot.com/account-and-billing/{n8}/payment-method"),
            "Thanks,\nThe HubSpot Billing team",
        ],
        "footer": ["HubSpot, Inc. 2 Canal Park, Cambridge, MA 02141"],
    },
    {
        "from": ("Notion", "team@mail.notion.so"),
        "via": ("esp", "ses", "reject", "mail"),
        "to": ["pm"],
        "subject": "Payment failed for Calder & Finch workspace",
        "brand": "Notion",
        "colour": "#000000",
        "blocks": [
            "Your payment failed",
            "We couldn't charge the card ending in {card} for the Plus plan on your workspace Calder & Finch. Please update your payment method to keep your team's features.",
            ("btn", "Update payment method", "https://www.notion.so/settings/billing"),
            "We'll retry the charge automatically in 3 days.",
        ],
        "footer": ["Notion Labs, Inc. 2300 Harrison Street, San Francisco, CA 94110"],
    },
]


# == 3. e-signature envelopes and file-share notifications ===========================================

_ESIGN: list[dict] = [
    {
        "from": ("{ext} via Docusign", "dse_NA4@docusign.net"),
        "reply_to": ("{ext}", "{vendor_mail}"),
        "vars": {
            "vendor_mail": [
                "a.brennan@harrowgatefabrication.co.uk",
                "chloe.w@pennineprecision.co.uk",
                "r.morgan@dyfed-controls.co.uk",
            ],
            "doc": [
                "Subcontract Agreement - {job}",
                "Mutual NDA - Calder & Finch",
                "Framework Agreement 2026-2028",
                "Variation Order 3 - {job}",
            ],
        },
        "via": ("svc", "mailgw-dal3.docusign.net", "64.207.219", "reject", "docusign.net", "s1", "java"),
        "to": ["md", "ops", "pm", "fd"],
        "subject": "Complete with Docusign: {doc}.pdf",
        "brand": "Docusign",
        "colour": "#4c00ff",
        "blocks": [
            "{ext} sent you a document to review and sign.",
            (
                "btn",
                "REVIEW DOCUMENT",
                "https://eu.docusign.net/Signing/EmailStart.aspx?a={uuid}&acct={hex}&er={tok}",
            ),
            "{ext}\n{vendor_mail}",
            "Hello {first}, please review and sign the attached {doc}. Any questions, give me a call.",
            (
                "small",
                "Do Not Share This Email\nThis email contains a secure link to Docusign. Please do not share this email, link, or access code with others.",
            ),
            (
                "small",
                "Alternate Signing Method\nVisit Docusign.com, click 'Access Documents', and enter the security code:\n{hex}",
            ),
            (
                "small",
                "About Docusign\nSign documents electronically in just minutes. It's safe, secure, and legally binding.",
            ),
        ],
        "footer": [
            "Questions about the Document?\nIf you need to modify the document or have questions about the details in the document, please reach out to the sender by emailing them directly.",
            "This message was sent to you by {ext} who is using the Docusign Electronic Signature Service.",
        ],
    },
    {
        "from": ("Adobe Acrobat Sign", "adobesign@adobesign.com"),
        "vars": {
            "doc": [
                "Purchase Agreement {po}",
                "Site Access Permit - Brighouse",
                "Lease renewal - Unit 7 Calder Park",
                "Supplier Code of Conduct 2026",
            ]
        },
        "via": ("svc", "mail.eu1.echosign.com", "52.208.183", "reject", "adobesign.com", "adbe", "java"),
        "to": ["md", "fd", "buyer"],
        "subject": "{ext} is requesting your signature on {doc}",
        "brand": "Adobe Acrobat Sign",
        "colour": "#eb1000",
        "blocks": [
            "{ext} has requested your signature on {doc}.",
            (
                "btn",
                "Review and sign",
                "https://secure.eu1.adobesign.com/public/apiesign?pid={tok2}&client_id=Email",
            ),
            "Please review and complete {doc}.\n\nThanks,\n{ext}",
            (
                "small",
                "After you sign {doc}, all parties will receive a final PDF copy by email. Don't forward this email: if you forward it, someone else could access your document.",
            ),
        ],
        "footer": [
            "Powered by Adobe Acrobat Sign",
            "Adobe Systems Software Ireland Ltd, 4-6 Riverwalk, Citywest Business Park, Dublin 24",
        ],
    },
    {
        "from": ("Docusign System", "dse_NA4@docusign.net"),
        "vars": {
            "doc": [
                "Mutual NDA - Calder & Finch",
                "Framework Agreement 2026-2028",
                "Subcontract Agreement - {job}",
            ]
        },
        "via": ("svc", "mailgw-dal3.docusign.net", "64.207.219", "reject", "docusign.net", "s1", "java"),
        "to": ["md", "ops"],
        "subject": "Completed: {doc}",
        "brand": "Docusign",
        "colour": "#4c00ff",
        "blocks": [
            "All parties have completed {doc}.",
            (
                "btn",
                "VIEW COMPLETED DOCUMENT",
                "https://eu.docusign.net/Member/EmailStart.aspx?a={uuid}&r={hex}",
            ),
            ("small", "Do Not Share This Email\nThis email contains a secure link to Docusign."),
        ],
        "attach": ["{doc}.pdf"],
        "footer": ["This message was sent to you by Docusign Electronic Signature Service."],
    },
    {
        "from": ("WeTransfer", "noreply@wetransfer.com"),
        "via": ("esp", "ses", "reject", "mail"),
        "vars": {
            "files": [
                "3 files, 418 MB total",
                "1 file, 96.2 MB total",
                "12 files, 1.2 GB total",
                "5 files, 240 MB total",
            ],
            "what": [
                "Site survey photos and point cloud",
                "Revised GA drawings",
                "Factory acceptance test video",
                "Weld procedure records and NDT reports",
            ],
        },
        "to": ["eng", "design", "quality", "pm"],
        "subject": "{ext} sent you files via WeTransfer",
        "brand": "WeTransfer",
        "colour": "#409fff",
        "blocks": [
            ("h", "{ext} sent you some files"),
            "{files} - Will be deleted on {due}",
            (
                "btn",
                "Download your files",
                "https://wetransfer.com/downloads/{hex}/{hex}?utm_campaign=WT_email_tracking&utm_source=notify_recipient_email",
            ),
            'Message from {ext}:\n"{what} as discussed. Shout if anything doesn\'t open."',
            ("small", "To make sure our emails arrive, please add noreply@wetransfer.com to your contacts."),
        ],
        "footer": ["About WeTransfer | Help | Legal | Report this transfer as spam"],
    },
    {
        "from": ("{col} (via SharePoint Online)", "no-reply@sharepointonline.com"),
        "via": (
            "svc",
            "mail-vi1eur05on2100.outbound.protection.outlook.com",
            "40.107.21",
            "reject",
            "sharepointonline.com",
            "selector1",
            "outlook",
        ),
        "vars": {
            "doc": [
                "Tender Pack - Pennine Water Frameworks.docx",
                "{job} Cost Tracker.xlsx",
                "Q3 Board Pack.pptx",
                "Holiday Planner 2026.xlsx",
                "Method Statement - Lifting Ops.docx",
            ]
        },
        "to": ["md", "ops", "pm", "sales", "fd", "eng"],
        "subject": '{col} shared "{doc}" with you',
        "brand": "SharePoint",
        "colour": "#036c70",
        "blocks": [
            "{col} shared a file with you",
            "Here's the document that {col} shared with you.",
            ("btn", "Open", "https://calderfinch.sharepoint.com/:w:/s/Projects/{tok}?e={tok}"),
            "{doc}",
            ("small", "This link only works for the direct recipients of this message."),
        ],
        "footer": [
            "Microsoft respects your privacy. To learn more, please read our Privacy Statement.",
            "Microsoft Corporation, One Microsoft Way, Redmond, WA 98052",
        ],
    },
    {
        "from": ("{col} (via OneDrive)", "no-reply@onedrive.com"),
        "via": (
            "svc",
            "mail-db5eur02on2111.outbound.protection.outlook.com",
            "40.107.249",
            "reject",
            "onedrive.com",
            "selector1",
            "outlook",
        ),
        "vars": {"doc": ["Scans", "Site photos {iso}", "Expenses receipts", "Training certs"]},
        "to": ["office", "hr", "accounts", "ops"],
        "subject": '{col} shared the folder "{doc}" with you',
        "brand": "OneDrive",
        "colour": "#0364b8",
        "blocks": [
            "{col} shared a folder with you.",
            ("btn", "Open", "https://calderfinch-my.sharepoint.com/:f:/g/personal/{col_email}/{tok}"),
            '"{doc}"',
            (
                "small",
                "This email is generated through Calder & Finch Engineering Ltd's use of Microsoft 365 and may contain content that is controlled by Calder & Finch Engineering Ltd.",
            ),
        ],
        "footer": ["Privacy Statement"],
    },
    {
        "from": ("Dropbox", "no-reply@dropbox.com"),
        "via": (
            "svc",
            "mail-sn1nam02on2100.dropbox.com",
            "162.125.4",
            "reject",
            "em-s.dropbox.com",
            "corp",
            "java",
        ),
        "vars": {"doc": ["Lot 4 structural calcs", "Photos - Unit B handover", "Brighouse RFIs"]},
        "to": ["eng", "pm"],
        "subject": '{ext} shared "{doc}" with you',
        "brand": "Dropbox",
        "colour": "#0061fe",
        "blocks": [
            "Hi {first},",
            '{ext} ({ext_first}@pennineprecision.co.uk) invited you to view the folder "{doc}" on Dropbox.',
            ("btn", "Go to folder", "https://www.dropbox.com/scl/fo/{tok}/{tok2}?rlkey={tok}&dl=0"),
            "Enjoy!\nThe Dropbox team",
        ],
        "footer": ["Dropbox, Inc., PO Box 77767, San Francisco, CA 94107"],
    },
]


# == 4. invoices, receipts and statements ===========================================================

_INVOICES: list[dict] = [
    {
        "from": ("{vendor}", "messaging-service@post.xero.com"),
        "reply_to": ("{vendor}", "{vmail}"),
        "vars": {
            "vendor": [
                "Harrowgate Fabrication Ltd",
                "Pennine Precision Machining",
                "Brighouse Laser Cutting Ltd",
                "Dales Hydraulics & Pneumatics",
            ],
            "vmail": [
                "accounts@harrowgatefabrication.co.uk",
                "invoices@pennineprecision.co.uk",
                "credit@brighouselaser.co.uk",
                "accounts@daleshydraulics.co.uk",
            ],
        },
        "via": (
            "svc",
            "a48-114.smtp-out.amazonses.com",
            "54.240.48",
            "none",
            "post.xero.com",
            "ekx3xfoqm5w",
            "java",
        ),
        "to": ["accounts", "accounts-box"],
        "subject": "Invoice {inv} from {vendor} for Calder & Finch Engineering Ltd",
        "brand": "{vendor}",
        "colour": "#13b5ea",
        "blocks": [
            "Dear Accounts,",
            "Here's invoice {inv} for £{amount} GBP.",
            "The amount outstanding of £{amount} GBP is due on {due}.",
            ("btn", "View and pay online now", "https://in.xero.com/{tok2}"),
            "From your online invoice you can print a PDF, export a CSV, or create a free login and view your outstanding bills.",
            "If you have any questions, please let us know.\n\nThanks,\n{vendor}",
        ],
        "attach": ["Invoice {inv}.pdf"],
        "footer": ["Xero, the online accounting software"],
        "text_only": False,
    },
    {
        "from": ("Stripe", "receipts+acct_{tok}@stripe.com"),
        "via": ("svc", "mail-a.stripe.com", "198.2.180", "reject", "stripe.com", "s20161014", "java"),
        "vars": {
            "svc": [
                "Autodesk Fusion team",
                "Onshape Professional",
                "SimScale",
                "Figma",
                "1Password Business",
                "Loom",
            ]
        },
        "to": ["accounts", "it"],
        "subject": "Your receipt from {svc} #{n4}-{n4}",
        "brand": "{svc}",
        "colour": "#635bff",
        "blocks": [
            ("h", "Receipt from {svc}"),
            (
                "kv",
                [
                    ("Amount paid", "£{small}"),
                    ("Date paid", "{date}"),
                    ("Payment method", "Visa – {card}"),
                    ("Receipt number", "{n4}-{n4}"),
                ],
            ),
            (
                "kv",
                [
                    ("Subscription (× {seats})", "£{small}"),
                    ("VAT (20%)", "included"),
                    ("Amount paid", "£{small}"),
                ],
            ),
            "If you have any questions, contact us at support@{svc_dom} or visit our help centre.",
            (
                "small",
                "Something wrong with the email? View it in your browser: https://pay.stripe.com/receipts/invoices/{tok2}",
            ),
        ],
        "footer": [
            "You're receiving this email because you made a purchase at {svc}, which partners with Stripe to provide invoicing and payment processing."
        ],
    },
    {
        "from": ("Amazon Business", "no-reply@amazon.co.uk"),
        "via": (
            "svc",
            "a7-34.smtp-out.eu-west-1.amazonses.com",
            "54.240.7",
            "quarantine",
            "bounces.amazon.co.uk",
            "eaxkvsyelrnxjh4cicqyjjmtjpetuwjx",
            "java",
        ),
        "vars": {
            "item": [
                "Brother TZe-231 Labelling Tape, 12mm x 8m (Pack of 5)",
                "Kingston 64GB USB 3.2 Flash Drive x 10",
                "Fellowes Powershred 79Ci Cross-Cut Shredder",
                "Nitrile Gloves, Large, Box of 100 x 10",
                "Logitech MX Keys Business Keyboard",
            ]
        },
        "to": ["office", "buyer", "stores"],
        "subject": "Your Amazon.co.uk order #{n3a}-{n8}-{n8s} has been dispatched",
        "brand": "amazon business",
        "colour": "#232f3e",
        "blocks": [
            "Hello {first},",
            "Your order has been dispatched. Your invoice can be accessed from Your Orders.",
            (
                "kv",
                [
                    ("Order", "#{n3a}-{n8}-{n8s}"),
                    ("Arriving", "{due}"),
                    ("Ship to", "Calder & Finch Engineering Ltd, Unit 4 Calder Park, Elland {postcode}"),
                ],
            ),
            "{item}",
            (
                "btn",
                "Track package",
                "https://www.amazon.co.uk/gp/your-account/ship-track?orderId={n3a}-{n8}-{n8s}",
            ),
            ("kv", [("Order total", "£{net}"), ("VAT", "£{vat}")]),
        ],
        "footer": [
            "This email was sent from a notification-only address that cannot accept incoming email. Please do not reply to this message.",
            "Amazon EU S.à r.l., UK Branch, 1 Principal Place, Worship Street, London EC2A 2FA",
        ],
    },
    {
        "from": ("Octopus Energy for Business", "hello@octopus.energy"),
        "via": ("esp", "mailgun", "quarantine", "mg"),
        "to": ["fd", "office", "accounts-box"],
        "subject": "Your latest Octopus Energy bill is ready",
        "brand": "Octopus Energy",
        "colour": "#5840ff",
        "blocks": [
            "Hi {first},",
            "Your bill for Unit 4 Calder Park for the period ending {date} is now ready to view in your online account.",
            (
                "kv",
                [
                    ("Account number", "A-{hex8}"),
                    ("Amount", "£{big}"),
                    ("Collected by Direct Debit on", "{due}"),
                ],
            ),
            ("btn", "View your bill", "https://octopus.energy/dashboard/accounts/A-{hex8}/bills/"),
            "Any questions, just reply to this email — a real human will get back to you.\n\nThe Octopus Energy team",
        ],
        "footer": ["Octopus Energy Ltd, UK House, 5th Floor, 164-182 Oxford Street, London W1D 1NN"],
    },
    {
        "from": ("BT Business", "btbusiness@bt.com"),
        "via": ("esp", "ses", "reject", "email"),
        "to": ["fd", "office"],
        "subject": "Your BT Business bill is ready – account {n10}",
        "brand": "BT Business",
        "colour": "#5514b4",
        "blocks": [
            "Dear {name},",
            "Your latest BT Business bill is ready to view online.",
            (
                "kv",
                [
                    ("Account number", "{n10}"),
                    ("Bill date", "{date}"),
                    ("Amount due", "£{amount}"),
                    ("Payment due", "{due}"),
                ],
            ),
            ("btn", "View my bill", "https://business.bt.com/mybt/bills"),
            "You pay by Direct Debit, so you don't need to do anything.",
            "Thanks,\nBT Business",
        ],
        "footer": [
            "British Telecommunications plc, Registered office: One Braham, Braham Street, London E1 8EE. Registered in England No. 1800000"
        ],
    },
    {
        "from": ("FreeAgent", "no-reply@freeagent.com"),
        "reply_to": ("{vendor}", "{vmail}"),
        "vars": {
            "vendor": ["Tenby Design Consultancy", "Holme Valley CAD Services", "Wharfedale Surveys"],
            "vmail": [
                "hello@tenbydesign.co.uk",
                "accounts@holmevalleycad.co.uk",
                "office@wharfedalesurveys.co.uk",
            ],
        },
        "via": ("esp", "postmark", "quarantine"),
        "to": ["accounts", "pm"],
        "subject": "Invoice {n4} from {vendor}",
        "brand": "{vendor}",
        "colour": "#0a8a7f",
        "blocks": [
            "Hi,",
            "Please find attached invoice {n4} for £{amount}, for work on project {job} during {prev_month}.",
            "Payment is due by {due}. Bank details are on the invoice.",
            ("link", "View invoice online", "https://{slug}.freeagent.com/invoices/{tok}"),
            "Many thanks,\n{ext}\n{vendor}",
        ],
        "attach": ["Invoice-{n4}.pdf"],
        "footer": ["Sent using FreeAgent"],
    },
    {
        "from": ("PayPal", "service@paypal.co.uk"),
        "via": ("svc", "mx0.slc.paypal.com", "173.0.84", "reject", "paypal.co.uk", "pp-dkim1", "java"),
        "vars": {"shop": ["Cromwell Tools", "Toolstation", "EngineeringShop UK", "Screwfix"]},
        "to": ["buyer", "office"],
        "subject": "Receipt for your payment to {shop}",
        "brand": "PayPal",
        "colour": "#003087",
        "blocks": [
            "Hello {name},",
            "You sent a payment of £{small} GBP to {shop}.",
            "It may take a few moments for this transaction to appear in your account.",
            (
                "kv",
                [
                    ("Merchant", "{shop}"),
                    ("Transaction ID", "{ref}{n8}"),
                    ("Transaction date", "{date}"),
                    ("Total", "£{small} GBP"),
                ],
            ),
            ("link", "View transaction details", "https://www.paypal.com/myaccount/activity/"),
            "Questions? Go to the Help Centre at www.paypal.com/uk/smarthelp.",
        ],
        "footer": ["PayPal (Europe) S.à r.l. et Cie, S.C.A., 22-24 Boulevard Royal L-2449, Luxembourg"],
    },
    {
        "from": ("Sage Accounting", "invoicing@sage.com"),
        "reply_to": ("Accounts - {vendor}", "{vmail}"),
        "vars": {
            "vendor": ["Northern Abrasives Ltd", "Calderdale Packaging", "Kirklees Gas Supplies"],
            "vmail": [
                "accounts@northernabrasives.co.uk",
                "sales.ledger@calderdalepackaging.co.uk",
                "accounts@kirkleesgas.co.uk",
            ],
        },
        "via": ("esp", "sendgrid", "quarantine", "sageinvoicing"),
        "to": ["accounts", "buyer"],
        "subject": "Invoice SI-{n5} from {vendor}",
        "brand": "{vendor}",
        "colour": "#008200",
        "blocks": [
            "Dear Calder & Finch Engineering Ltd,",
            "Thank you for your business. Please find attached your invoice SI-{n5} for £{amount}, due {due}.",
            ("btn", "View and pay invoice", "https://app.sageone.com/invoicing/pay/{tok2}"),
            "Kind regards,\n{vendor}",
        ],
        "attach": ["SI-{n5}.pdf"],
        "footer": ["Sent with Sage Accounting"],
    },
]


# == 5. payments, remittance advices, direct debits ================================================

_PAYMENTS: list[dict] = [
    {
        "from": ("GoCardless", "help@gocardless.com"),
        "vars": {
            "merchant": [
                "Sage UK Ltd",
                "Calderdale Council - Business Rates",
                "Yorkshire Water Business",
                "Vodafone Business UK",
                "Lex Autolease",
            ]
        },
        "via": ("esp", "mailgun", "reject", "mail"),
        "to": ["accounts", "fd"],
        "subject": "Upcoming payment to {merchant}",
        "brand": "GoCardless",
        "colour": "#1c1b18",
        "blocks": [
            "Hi Calder & Finch Engineering Ltd,",
            "This is to let you know that {merchant} will collect a payment of £{amount} from your bank account ending {card} on or shortly after {due}.",
            (
                "kv",
                [
                    ("Reference", "{merchant_ref}"),
                    ("Direct Debit Originator", "{merchant}"),
                    ("Amount", "£{amount}"),
                ],
            ),
            "The payment will appear on your bank statement as GOCARDLESS or {merchant_up}.",
            "If you have any questions about this payment, please contact {merchant} directly. You are covered by the Direct Debit Guarantee.",
        ],
        "footer": [
            "GoCardless Ltd, Sutton Yard, 65 Goswell Road, London EC1V 7EN. Authorised by the Financial Conduct Authority under the Payment Services Regulations 2017 (ref 597190)."
        ],
    },
    {
        "from": ("{vendor} Accounts", "{vmail}"),
        "vars": {
            "vendor": [
                "Ryedale Foods Ltd",
                "Hartington Water Services",
                "Marsden Rail Systems",
                "Eastfield Process Plant",
            ],
            "vmail": [
                "payables@ryedalefoods.co.uk",
                "ap@hartingtonwater.co.uk",
                "accounts.payable@marsdenrail.co.uk",
                "purchase.ledger@eastfieldprocess.co.uk",
            ],
        },
        "via": ("m365", "quarantine"),
        "to": ["accounts-box", "credit", "accounts"],
        "subject": "Remittance Advice - Payment Ref {n6}",
        "brand": "{vendor}",
        "text_only": True,
        "cte": "7bit",
        "blocks": [
            "Dear Supplier,",
            "Please find below details of a payment made to your account by BACS on {date}.",
            (
                "kv",
                [
                    ("Supplier", "Calder & Finch Engineering Ltd"),
                    ("Payment reference", "{n6}"),
                    ("Payment date", "{dmy}"),
                    ("Amount", "GBP {amount}"),
                ],
            ),
            ("list", ["{inv}    GBP {amount}"]),
            "The funds should reach your account within 2-3 working days. Please direct any queries to this mailbox quoting the payment reference.",
            "Regards\nAccounts Payable\n{vendor}",
            "This is an automated message from our finance system. This mailbox is monitored during office hours.",
        ],
        "attach": ["Remittance_{n6}.pdf"],
    },
    {
        "from": ("Wise", "noreply@wise.com"),
        "via": ("esp", "sendgrid", "reject", "mail"),
        "to": ["fd", "accounts"],
        "subject": "Your transfer to {payee} is complete",
        "vars": {
            "payee": [
                "Becker Antriebstechnik GmbH",
                "Hydraulik Nord GmbH",
                "Atelier Mécanique Dupont SARL",
                "Nordisk Lasertech AB",
            ]
        },
        "brand": "Wise",
        "colour": "#163300",
        "blocks": [
            "Hi Calder & Finch Engineering Ltd,",
            "Your money is on its way — it should arrive today.",
            (
                "kv",
                [("You sent", "£{amount} GBP"), ("{payee} gets", "€{net} EUR"), ("Transfer number", "#{n8}")],
            ),
            (
                "btn",
                "Track your transfer",
                "https://wise.com/transactions/activities/by-resource/TRANSFER/{n8}",
            ),
            "Thanks,\nThe Wise team",
        ],
        "footer": [
            "Wise Payments Limited is authorised by the Financial Conduct Authority under the Electronic Money Regulations 2011, Firm Reference 900507."
        ],
    },
    {
        "from": ("Stripe", "notifications@stripe.com"),
        "via": ("svc", "mail-b.stripe.com", "198.2.180", "reject", "stripe.com", "s20161014", "java"),
        "to": ["fd"],
        "subject": "Your payout of £{big} is on its way",
        "brand": "Stripe",
        "colour": "#635bff",
        "blocks": [
            "Calder & Finch Engineering Ltd",
            "A payout of £{big} GBP is on its way to your bank account ending {card}. It should arrive by {due}.",
            ("btn", "View payout", "https://dashboard.stripe.com/payouts/po_{tok}"),
            "The Stripe team",
        ],
        "footer": [
            "Stripe Payments Europe, Ltd., 1 Grand Canal Street Lower, Grand Canal Dock, Dublin, D02 H210, Ireland"
        ],
    },
    {
        "from": ("PayPal", "service@paypal.co.uk"),
        "via": ("svc", "mx0.slc.paypal.com", "173.0.84", "reject", "paypal.co.uk", "pp-dkim1", "java"),
        "to": ["sales", "fd"],
        "subject": "You've got money",
        "brand": "PayPal",
        "colour": "#003087",
        "blocks": [
            "Hello Calder & Finch Engineering Ltd,",
            "{ext} sent you £{small} GBP.",
            (
                "kv",
                [("Note from {ext_first}", "Spare seal kit, order {ref}"), ("Transaction ID", "{ref}{n8}")],
            ),
            ("link", "View transaction details", "https://www.paypal.com/activity/payment/{ref}{n8}"),
            "Don't see the money in your account? Don't worry, sometimes it takes a few minutes.",
        ],
        "footer": ["PayPal (Europe) S.à r.l. et Cie, S.C.A., 22-24 Boulevard Royal L-2449, Luxembourg"],
    },
]


# == 6. credit control: statements, overdue reminders, chasers =======================================

_CREDIT: list[dict] = [
    {
        "from": ("Credit Control - {vendor}", "{vmail}"),
        "vars": {
            "vendor": [
                "Pennine Precision Machining",
                "Northern Abrasives Ltd",
                "Dales Hydraulics & Pneumatics",
                "Hebden Steel Stockholders",
            ],
            "vmail": [
                "creditcontrol@pennineprecision.co.uk",
                "credit@northernabrasives.co.uk",
                "accounts@daleshydraulics.co.uk",
                "credit.control@hebdensteel.co.uk",
            ],
        },
        "via": ("m365", "none"),
        "to": ["accounts", "accounts-box"],
        "subject": "OVERDUE ACCOUNT - Calder & Finch Engineering - Final reminder before stop",
        "brand": "{vendor}",
        "text_only": True,
        "charset": "windows-1252",
        "cte": "quoted-printable",
        "blocks": [
            "Dear Sir/Madam,",
            "Despite our previous reminders, our records show the following invoices remain unpaid and are now more than 30 days past their due date:",
            ("list", ["{inv}  dated {dmy}  £{amount}", "INV-{n5}  £{net}"]),
            "Please arrange payment of the overdue balance within 7 days. If payment is not received, we will have no option but to place your account on stop, and we reserve the right to claim interest and compensation under the Late Payment of Commercial Debts (Interest) Act 1998.",
            "If you have already paid, please send us the remittance so we can allocate it. If there is a query on any invoice, please let me know today so it can be resolved.",
            "Kind regards,\n\n{ext}\nCredit Controller\n{vendor}\nTel: 01422 {n6}",
        ],
        "attach": ["Statement - Calder Finch.pdf"],
    },
    {
        "from": ("{vendor}", "messaging-service@post.xero.com"),
        "reply_to": ("{vendor}", "{vmail}"),
        "vars": {
            "vendor": [
                "Harrowgate Fabrication Ltd",
                "Brighouse Laser Cutting Ltd",
                "Shibden Electrical Contractors",
            ],
            "vmail": [
                "accounts@harrowgatefabrication.co.uk",
                "credit@brighouselaser.co.uk",
                "office@shibdenelectrical.co.uk",
            ],
        },
        "via": (
            "svc",
            "a48-115.smtp-out.amazonses.com",
            "54.240.48",
            "none",
            "post.xero.com",
            "ekx3xfoqm5w",
            "java",
        ),
        "to": ["accounts"],
        "subject": "Reminder: Invoice {inv} is overdue",
        "brand": "{vendor}",
        "colour": "#13b5ea",
        "blocks": [
            "Hi,",
            "Just a friendly reminder that invoice {inv} for £{amount} was due on {dmy} and is now overdue.",
            "If you've already paid, please ignore this email. Otherwise, you can pay online using the link below.",
            ("btn", "View invoice", "https://in.xero.com/{tok2}"),
            "Thanks,\n{vendor}",
        ],
        "footer": ["Xero, the online accounting software"],
    },
    {
        "from": ("{vendor}", "{vmail}"),
        "vars": {
            "vendor": ["Siddall & Royd Steel", "Lowther Fasteners", "Elland Bearings & Transmission"],
            "vmail": [
                "statements@siddallroyd.co.uk",
                "accounts@lowtherfasteners.co.uk",
                "sales.ledger@ellandbearings.co.uk",
            ],
        },
        "via": ("svc", "smtp.siddallroyd.co.uk", "212.69.44", "", "", "", "python"),
        "auth": "nodmarc",
        "to": ["accounts-box", "accounts"],
        "subject": "Statement of Account - {month}",
        "brand": "{vendor}",
        "text_only": True,
        "charset": "iso-8859-1",
        "cte": "8bit",
        "blocks": [
            "Please find attached your statement of account as at {dmy}.",
            "Balance outstanding: £{big}",
            "Please contact the accounts department on 01484 {n6} with any queries.",
            "This e-mail was sent automatically by Sage 200. Replies to this address are read.",
        ],
        "attach": ["Statement_CALDE001_{iso}.pdf"],
    },
    {
        "from": ("Chaser", "noreply@chaserhq.com"),
        "reply_to": ("{ext}", "{vmail}"),
        "vars": {
            "vendor": ["Tenby Design Consultancy", "Wharfedale Surveys", "Ovenden Coatings"],
            "vmail": [
                "hello@tenbydesign.co.uk",
                "office@wharfedalesurveys.co.uk",
                "accounts@ovendencoatings.co.uk",
            ],
        },
        "via": ("esp", "sendgrid", "none", "em"),
        "to": ["accounts", "pm"],
        "subject": "{vendor}: payment reminder for {inv}",
        "brand": "{vendor}",
        "colour": "#2b4a8b",
        "blocks": [
            "Hi {first},",
            "I hope you're well. Our records show invoice {inv} for £{amount} is now {days} days overdue. Could you let me know when we can expect payment?",
            ("btn", "View and pay your invoices", "https://pay.chaserhq.com/{tok2}"),
            "Many thanks,\n{ext}\n{vendor}",
        ],
        "footer": ["Sent via Chaser on behalf of {vendor}"],
    },
]


# == 7. HMRC, Companies House and other government mail =============================================

_GOV: list[dict] = [
    {
        "from": ("HMRC", "noreply@confirmation.tax.service.gov.uk"),
        "via": ("esp", "ses", "reject", "notify"),
        "to": ["fd", "accounts"],
        "subject": "Your VAT Return is due",
        "brand": "GOV.UK",
        "colour": "#0b0c0c",
        "blocks": [
            "Dear Calder & Finch Engineering Ltd,",
            "Your VAT Return for the period ending {date} is due by {due}.",
            "You must submit your return using Making Tax Digital compatible software, and make sure any payment reaches HMRC's account by the deadline.",
            "You can check what you owe and when to pay in your business tax account:",
            ("link", "www.gov.uk/vat-returns", "https://www.gov.uk/vat-returns"),
            "From HM Revenue and Customs",
            (
                "small",
                "This is an automated email - please do not reply. To stay safe online, HMRC will never ask you for personal or financial information by email.",
            ),
        ],
        "footer": ["GOV.UK"],
    },
    {
        "from": ("HMRC", "noreply@confirmation.tax.service.gov.uk"),
        "via": ("esp", "ses", "reject", "notify"),
        "to": ["fd"],
        "subject": "You have a new message from HMRC",
        "brand": "GOV.UK",
        "colour": "#0b0c0c",
        "text_only": True,
        "blocks": [
            "Dear Calder & Finch Engineering Ltd",
            "You have a new message in your HMRC online account.",
            "To view it, sign in at https://www.tax.service.gov.uk/account",
            "For security reasons, we have not included a link to this service in this email. [The link above is the HMRC sign-in page.]",
            "From HM Revenue and Customs",
        ],
    },
    {
        "from": ("Companies House", "noreply@notify.companieshouse.gov.uk"),
        "via": ("esp", "ses", "reject", "notify"),
        "to": ["fd", "md"],
        "subject": "Confirmation statement due for CALDER & FINCH ENGINEERING LTD",
        "brand": "Companies House",
        "colour": "#0b0c0c",
        "text_only": True,
        "blocks": [
            "Company number: 0{n7}",
            "Dear Director or Secretary,",
            "Your company's confirmation statement is due on {due}. You must file it within 14 days of this date.",
            "It's a criminal offence not to file a confirmation statement. If you do not file it, we may strike the company off the register.",
            "You can file online at:\nhttps://www.gov.uk/file-your-confirmation-statement-with-companies-house",
            "It costs £50 to file online.",
            "Companies House",
        ],
    },
    {
        "from": ("Companies House", "noreply@notify.companieshouse.gov.uk"),
        "via": ("esp", "ses", "reject", "notify"),
        "to": ["fd"],
        "subject": "Your authentication code for CALDER FINCH GMBH UK BRANCH",
        "brand": "Companies House",
        "colour": "#0b0c0c",
        "text_only": True,
        "blocks": [
            "Your company authentication code has been sent by post to the registered office address.",
            "If you did not request a new code, contact us straight away on 0303 1234 500.",
            "Companies House",
        ],
    },
    {
        "from": ("GOV.UK One Login", "noreply@account.gov.uk"),
        "via": ("esp", "ses", "reject", "notify"),
        "to": ["fd", "hr", "md"],
        "subject": "Your security code for GOV.UK One Login",
        "brand": "GOV.UK",
        "colour": "#0b0c0c",
        "text_only": True,
        "blocks": [
            "Your security code is {code}",
            "Enter this code to continue signing in to your GOV.UK One Login.",
            "The code will expire after 15 minutes.",
            "If you did not try to sign in, someone may be trying to access your account. Change your password:\nhttps://home.account.gov.uk/security",
            "GOV.UK One Login",
        ],
    },
    {
        "from": ("The Pensions Regulator", "noreply@tpr.gov.uk"),
        "via": ("esp", "ses", "reject", "notify"),
        "to": ["hr", "fd"],
        "subject": "Your re-declaration of compliance is due",
        "brand": "The Pensions Regulator",
        "colour": "#00695c",
        "blocks": [
            "Employer: Calder & Finch Engineering Ltd\nLetter code: {ref}\nPAYE reference: 961/CA{n5}",
            "Every three years you must put certain staff back into a pension scheme and complete a re-declaration of compliance, even if you did not re-enrol anyone.",
            "Your re-declaration deadline is {due}. If you do not complete it on time you may be fined.",
            (
                "link",
                "Complete your re-declaration",
                "https://www.tpr.gov.uk/en/business-advice/automatic-enrolment/re-enrolment-and-re-declaration",
            ),
            "The Pensions Regulator",
        ],
        "footer": ["The Pensions Regulator, Telecom House, 125-135 Preston Road, Brighton BN1 6AF"],
    },
]


# == 8. banking ====================================================================================

_BANKING: list[dict] = [
    {
        "from": ("Barclays", "barclays@email.barclays.co.uk"),
        "via": ("esp", "ses", "reject", "email"),
        "to": ["fd", "accounts"],
        "subject": "Your Barclays business statement is ready to view",
        "brand": "Barclays",
        "colour": "#00aeef",
        "blocks": [
            "Dear {name},",
            "Your latest statement for your Business Current Account ending {card} is now available in Barclays Business Online Banking.",
            "To view it, log in to Online Banking or the Barclays app and select 'Statements and documents'.",
            "Please don't reply to this email. For your security, we'll never ask you to give us your PIN, passcode or full password in an email, or to move money to a 'safe account'.",
            "Barclays Business Banking",
        ],
        "footer": [
            "Barclays Bank UK PLC. Authorised by the Prudential Regulation Authority and regulated by the Financial Conduct Authority and the Prudential Regulation Authority (Financial Services Register No. 759676). Registered in England. Registered No. 9740322. Registered Office: 1 Churchill Place, London E14 5HP."
        ],
    },
    {
        "from": ("HSBC UK", "hsbc@email1.hsbc.co.uk"),
        "via": ("esp", "sendgrid", "reject", "email1"),
        "to": ["fd"],
        "subject": [
            "Important information about your HSBC Business account",
            "Your HSBC UK Business statement is ready",
            "A new document is available in HSBCnet",
        ],
        "brand": "HSBC UK",
        "colour": "#db0011",
        "blocks": [
            "Dear Customer,",
            "We're writing to tell you about changes to our Business Banking Terms and Conditions, which will take effect from {due}.",
            "You don't need to do anything. You can read a summary of the changes and the full terms at hsbc.co.uk/business/terms.",
            "If you have any questions, please call us on 03457 60 60 60.",
            "Yours sincerely,\nHSBC UK Business Banking",
        ],
        "footer": [
            "HSBC UK Bank plc. Registered in England and Wales (company number: 9928412). Registered Office: 1 Centenary Square, Birmingham, B1 1HQ."
        ],
    },
    {
        "from": ("Lloyds Bank", "lloydsbank@info.lloydsbank.co.uk"),
        "via": ("esp", "ses", "reject", "info"),
        "to": ["fd", "md"],
        "subject": "Payment confirmation - Faster Payment to {payee}",
        "vars": {"payee": ["HARROWGATE FABRICATION", "PENNINE PRECISION", "HMRC VAT", "DALES HYDRAULICS"]},
        "brand": "Lloyds Bank",
        "colour": "#006a4d",
        "blocks": [
            "Dear Calder & Finch Engineering Ltd,",
            "This is to confirm the following payment from your account ending {card}:",
            (
                "kv",
                [("Payee", "{payee}"), ("Amount", "£{amount}"), ("Date", "{date}"), ("Reference", "{inv}")],
            ),
            "If you don't recognise this payment, call us straight away on 0345 072 5555.",
            "Lloyds Bank Business Banking",
        ],
        "footer": [
            "Lloyds Bank plc. Registered Office: 25 Gresham Street, London EC2V 7HN. Registered in England and Wales no. 2065."
        ],
    },
    {
        "from": ("Starling Bank", "help@starlingbank.com"),
        "via": ("esp", "postmark", "reject"),
        "to": ["fd"],
        "subject": "Your monthly statement is ready",
        "brand": "Starling Bank",
        "colour": "#6935d3",
        "blocks": [
            "Hi {first},",
            "Your statement for {prev_month} for the Calder & Finch Engineering (Projects) account is ready. You can download it from the Starling app under Account > Statements.",
            "Starling",
        ],
        "footer": [
            "Starling Bank Limited is registered in England and Wales (No. 09092149), 5th Floor, London Fruit & Wool Exchange, 1 Duval Square, London, E1 6PW."
        ],
    },
    {
        "from": ("Revolut Business", "no-reply@revolut.com"),
        "via": ("esp", "mailgun", "reject", "mail"),
        "to": ["fd", "de"],
        "subject": [
            "Card payment declined: insufficient funds in EUR account",
            "Card payment declined at LUFTHANSA.COM",
        ],
        "brand": "Revolut Business",
        "colour": "#191c1f",
        "blocks": [
            "Hi {first},",
            "A payment of €{small} at LUFTHANSA.COM with card •{card} was declined because your EUR account doesn't have enough funds and auto-exchange is switched off.",
            "Top up your EUR account or turn on auto-exchange in the app to avoid further declines.",
            ("btn", "Open Revolut Business", "https://business.revolut.com/"),
            "Revolut Business",
        ],
        "footer": [
            "Revolut Ltd is registered in England and Wales (No. 08804411), 30 South Colonnade, Canary Wharf, London E14 5HX."
        ],
    },
    {
        "from": ("Wise Business", "noreply@wise.com"),
        "via": ("esp", "sendgrid", "reject", "mail"),
        "to": ["fd", "accounts"],
        "subject": "You received €{net} EUR from {payer}",
        "vars": {"payer": ["Calder Finch GmbH", "Schreiber Fördertechnik GmbH", "Van Dijk Installaties BV"]},
        "brand": "Wise",
        "colour": "#163300",
        "blocks": [
            "Hi Calder & Finch Engineering Ltd,",
            "{payer} just sent you €{net} EUR. It's now in your EUR balance.",
            ("kv", [("Reference", "{inv}"), ("Transfer number", "#{n8}")]),
            ("btn", "See details", "https://wise.com/balances"),
            "The Wise team",
        ],
        "footer": [
            "Wise Payments Limited, 6th Floor, Tea Building, 56 Shoreditch High Street, London E1 6JJ"
        ],
    },
]


# == 9. deliveries and customs ======================================================================

_DELIVERY: list[dict] = [
    {
        "from": ("Royal Mail", "no-reply@royalmail.com"),
        "via": ("esp", "ses", "reject", "email"),
        "to": ["office", "stores"],
        "subject": "Your Royal Mail parcel from {shop} is on its way",
        "vars": {"shop": ["RS Components", "Farnell", "Cromwell", "Screwfix", "Viking Direct"]},
        "brand": "Royal Mail",
        "colour": "#da202a",
        "blocks": [
            "Hi,",
            "Your item from {shop} will be delivered today.",
            ("kv", [("Tracking number", "{rm}"), ("Service", "Tracked 24")]),
            ("btn", "Track your item", "https://www.royalmail.com/track-your-item#/tracking-results/{rm}"),
            "You don't need to be in; if you're not in, we'll leave it in a safe place or with a neighbour.",
        ],
        "footer": [
            "Royal Mail Group Limited, registered in England and Wales, number 04138203, registered office: 100 Victoria Embankment, London, EC4Y 0HQ."
        ],
    },
    {
        "from": ("Royal Mail", "no-reply@royalmail.com"),
        "via": ("esp", "ses", "reject", "email"),
        "to": ["office", "de"],
        "subject": "A fee is due on your parcel {rm}",
        "brand": "Royal Mail",
        "colour": "#da202a",
        "blocks": [
            "Your item from Germany has a fee to pay before we can deliver it.",
            (
                "kv",
                [
                    ("Tracking number", "{rm}"),
                    ("Import VAT", "£{small}"),
                    ("Royal Mail handling fee", "£8.00"),
                ],
            ),
            "This is because the sender didn't pay import VAT or duty. Pay online and we'll deliver your item. If you don't pay within 3 weeks, we'll return it to the sender.",
            ("btn", "Pay fee", "https://www.royalmail.com/receiving-mail/pay-a-fee"),
            "You can check this is genuine: Royal Mail will never ask for a fee without a tracking number, and you can check the fee by entering your number at royalmail.com/fees.",
        ],
        "footer": ["Royal Mail Group Limited, registered in England and Wales, number 04138203"],
    },
    {
        "from": ("DPD", "noreply@dpd.co.uk"),
        "via": ("svc", "mail-out.dpd.co.uk", "195.217.232", "quarantine", "dpd.co.uk", "dpd2024", "java"),
        "vars": {"shop": ["RS Components", "Farnell", "Rexel", "Brammer Buck & Hickman", "SMC Pneumatics"]},
        "to": ["stores", "buyer", "office"],
        "subject": "Your DPD parcel from {shop} will be delivered today between {slot}",
        "brand": "DPD",
        "colour": "#dc0032",
        "blocks": [
            "Hi Calder & Finch Engineering Ltd,",
            "Good news — your parcel from {shop} is with {driver}, your DPD driver, and is due between {slot}.",
            (
                "kv",
                [("Parcel number", "{dpd}"), ("Delivery address", "Unit 4 Calder Park, Elland, {postcode}")],
            ),
            ("btn", "Track your parcel", "https://track.dpd.co.uk/parcels/{dpd}*{n5}"),
            "Not going to be in? You can change your delivery in the DPD app or on our website up to 30 minutes before your slot.",
        ],
        "footer": ["DPD UK, Roebuck Lane, Smethwick, West Midlands, B66 1BY. Registered in England 732993."],
    },
    {
        "from": ("Evri", "notifications@evri.com"),
        "via": ("esp", "sendgrid", "reject", "e"),
        "to": ["office", "hr"],
        "subject": "Sorry we missed you - parcel {evri}",
        "brand": "Evri",
        "colour": "#007bc4",
        "blocks": [
            "Hi,",
            "Sorry we missed you today. We tried to deliver your parcel from {shop} but couldn't leave it safely.",
            "We'll try again on the next working day. You can also choose a new day or send it to a ParcelShop.",
            ("btn", "Manage my delivery", "https://www.evri.com/track/parcel/{evri}/details"),
            "Parcel number: {evri}",
        ],
        "vars": {"shop": ["Amazon", "Viking", "Printerland", "Argos"]},
        "footer": ["Evri Limited, Capitol House, 1 Capitol Close, Morley, Leeds LS27 0WH"],
    },
    {
        "from": ("DHL Express", "noreply@dhl.com"),
        "via": ("svc", "mailout1.dhl.com", "165.72.200", "reject", "dhl.com", "dhl", "java"),
        "vars": {
            "origin": ["Stuttgart, Germany", "Shenzhen, China", "Eindhoven, Netherlands", "Cleveland, USA"]
        },
        "to": ["buyer", "stores", "de"],
        "subject": "DHL On Demand Delivery: Duty and tax payment required for shipment {dhl}",
        "brand": "DHL Express",
        "colour": "#d40511",
        "blocks": [
            "Dear Customer,",
            "Your DHL Express shipment {dhl} from {origin} is subject to import duties and taxes which must be paid before it can be delivered.",
            ("kv", [("Waybill", "{dhl}"), ("Amount due", "£{small}"), ("Shipper", "{shipper}")]),
            ("btn", "Pay now", "https://del.dhl.com/?trackingNumber={dhl}"),
            "If you have a DHL import account, please reply with your account number and we'll bill it instead.",
            "Kind regards,\nDHL Express UK",
        ],
        "footer": [
            "DHL International (UK) Limited, Southern Hub, Unit 1, Horton Road, Colnbrook, Slough, SL3 0BB"
        ],
    },
    {
        "from": ("FedEx", "TrackingUpdates@fedex.com"),
        "via": ("svc", "mx-out3.fedex.com", "199.81.216", "reject", "fedex.com", "fedex1", "java"),
        "to": ["stores", "buyer"],
        "subject": "FedEx Shipment {fedex}: Your package is scheduled for delivery {due}",
        "brand": "FedEx",
        "colour": "#4d148c",
        "blocks": [
            "Hi. Your package is scheduled for delivery {due}.",
            (
                "kv",
                [
                    ("Tracking number", "{fedex}"),
                    ("From", "{shipper}"),
                    ("Ship to", "Calder & Finch Engineering, Elland, GB"),
                    ("Service", "FedEx International Priority"),
                ],
            ),
            ("btn", "Manage delivery", "https://www.fedex.com/fedextrack/?trknbr={fedex}"),
            "Please do not respond to this message. This email was sent from an unattended mailbox.",
        ],
        "footer": ["© FedEx 1995-{year}. All rights reserved."],
    },
    {
        "from": ("UPS", "mcinfo@ups.com"),
        "via": ("svc", "mailo10.ups.com", "153.2.234", "reject", "ups.com", "ups", "java"),
        "to": ["stores", "office"],
        "subject": "UPS Update: Package Scheduled for Delivery Today",
        "brand": "UPS",
        "colour": "#351c15",
        "blocks": [
            "Hello, your package will arrive today.",
            (
                "kv",
                [
                    ("Tracking number", "{ups}"),
                    ("Shipper", "{shipper}"),
                    ("Estimated delivery", "Today by end of day"),
                ],
            ),
            ("btn", "Track", "https://www.ups.com/track?loc=en_GB&tracknum={ups}&requester=ST/trackdetails"),
            "Want to change your delivery? Use UPS My Choice to reroute or reschedule.",
        ],
        "footer": [
            "© {year} United Parcel Service of America, Inc. UPS, the UPS brandmark, and the color brown are trademarks of United Parcel Service of America, Inc."
        ],
    },
]


# == 10. supplier and trade newsletters =============================================================

_NEWS_SUPPLIERS: list[dict] = [
    {
        "from": ("RS", "rs@email.rs-online.com"),
        "via": ("esp", "ses", "quarantine", "email"),
        "to": ["buyer", "eng", "stores", "eng2"],
        "subject": "{pct}% off RS PRO hand tools — ends Sunday",
        "pre": "Plus free next-day delivery on orders over £30",
        "brand": "RS",
        "colour": "#d5001c",
        "bulk": True,
        "blocks": [
            ("h", "Stock up for less: {pct}% off RS PRO hand tools"),
            "Hi {first}, for a limited time save {pct}% on more than 3,000 RS PRO hand tools — screwdrivers, torque wrenches, crimpers and more. Use code TOOLS{pct} at checkout.",
            (
                "btn",
                "Shop the offer",
                "https://uk.rs-online.com/web/generalDisplay.html?id=rs-pro-tools&cm_mmc=UK-EM-_-{n6}",
            ),
            (
                "item",
                "RS PRO 1/2 in Torque Wrench, 40-200 Nm",
                "Calibrated to ISO 6789, supplied with certificate.",
                "https://uk.rs-online.com/web/p/torque-wrenches/{n7}",
                "View product",
            ),
            (
                "item",
                "Fluke 117 Electrician's Multimeter",
                "True-RMS, non-contact voltage detection. Now in stock.",
                "https://uk.rs-online.com/web/p/digital-multimeters/{n7}",
                "View product",
            ),
            ("small", "Offer valid until 23:59 on Sunday. Excludes calibration services. Terms apply."),
        ],
        "footer": [
            "RS Components Ltd, Birchington Road, Corby, Northants, NN17 9RS. Registered in England and Wales No. 1002091.",
            "You're receiving this because you have an RS account as {email}.",
        ],
    },
    {
        "from": ("Farnell", "newsletters@uk.farnell.com"),
        "via": ("esp", "mailchimp", "none"),
        "to": ["eng", "design", "buyer"],
        "subject": [
            "New this week: Raspberry Pi, TE connectors and a webinar on EMC pre-compliance",
            "Farnell Weekly: new from TE, Raspberry Pi and Würth Elektronik",
            "{first}, your engineering picks for this week",
            "In stock now: Compute Module 5 | Free EMC webinar",
        ],
        "brand": "Farnell",
        "colour": "#e3001b",
        "bulk": True,
        "blocks": [
            ("h", "What's new at Farnell"),
            (
                "item",
                "Raspberry Pi Compute Module 5",
                "In stock now for industrial designs. Buy it by 10pm for next-day delivery.",
                "https://uk.farnell.com/raspberry-pi-compute-module-5",
                "Shop now",
            ),
            (
                "item",
                "Webinar: EMC pre-compliance on a budget",
                "Join our applications engineers live on {due} at 14:00 BST.",
                "https://uk.farnell.com/webinars/emc-pre-compliance",
                "Register free",
            ),
            (
                "item",
                "TE Connectivity DEUTSCH DT series",
                "Sealed connectors for harsh environments, now with 4,000 new lines.",
                "https://uk.farnell.com/te-connectivity-deutsch",
                "Explore range",
            ),
        ],
        "footer": [
            "Premier Farnell UK Limited, 150 Armley Road, Leeds, LS12 2QQ. Registered in England No. 00876412."
        ],
    },
    {
        "from": ("Cromwell", "offers@email.cromwell.co.uk"),
        "via": ("esp", "brevo", "quarantine"),
        "to": ["stores", "buyer"],
        "subject": "LAST CHANCE: Extra {pct}% off Kennedy & Sealey — offer ends tonight",
        "pre": "Don't miss out: prices go back up at midnight",
        "brand": "Cromwell",
        "colour": "#00539f",
        "bulk": True,
        "blocks": [
            ("h", "Last chance to save"),
            "Our biggest tool event of the year ends at midnight. Take an extra {pct}% off Kennedy and Sealey workshop equipment with code LAST{pct}.",
            (
                "btn",
                "Shop now before it ends",
                "https://www.cromwell.co.uk/shop/offers?utm_source=email&utm_campaign=lastchance",
            ),
            ("small", "Offer ends 23:59 tonight. While stocks last. Trade account customers only."),
        ],
        "footer": ["Cromwell Group (Holdings) Ltd, Fowke Street, Rothley, Leicester LE7 7PJ"],
    },
    {
        "from": ("SKF UK", "news@skf-mail.com"),
        "via": ("esp", "cm", "none"),
        "to": ["eng", "ops", "quality"],
        "subject": [
            "Take our 3-minute survey and win a £250 voucher",
            "{first}, your chance to win a £250 voucher",
            "Reminder: survey closes {due} - prize draw",
        ],
        "brand": "SKF",
        "colour": "#0f58d6",
        "bulk": True,
        "blocks": [
            "Dear {first},",
            "We'd like to hear how you use condition monitoring at your site. Complete our short customer survey by {due} and you'll be entered into a prize draw to win one of five £250 Amazon vouchers.",
            ("btn", "Start the survey", "https://surveys.skf.com/s/uk-cm-{year}?id={tok}"),
            (
                "small",
                "Prize draw terms: open to UK business customers aged 18+. Five winners drawn at random after the closing date. Full terms at skf.com/uk/prize-draw-terms.",
            ),
        ],
        "footer": ["SKF (U.K.) Limited, Sundon Park Road, Luton, Bedfordshire LU3 3BL"],
    },
    {
        "from": ("Made Smarter / MTC", "events@the-mtc.org"),
        "via": ("esp", "mailchimp", "none"),
        "to": ["md", "ops", "eng"],
        "subject": [
            "Early-bird ends Friday: Advanced Manufacturing Expo {year}",
            "Speakers announced: Advanced Manufacturing Expo {year}",
            "Last chance: early-bird passes end tonight",
        ],
        "brand": "The MTC",
        "colour": "#00205b",
        "bulk": True,
        "blocks": [
            ("h", "Advanced Manufacturing Expo {year}"),
            "Two days of talks, live demos and 200+ exhibitors at the NEC Birmingham. Early-bird delegate passes are £95 until Friday, then £145.",
            ("btn", "Book your pass", "https://www.the-mtc.org/events/expo-{year}?utm_source=newsletter"),
            (
                "list",
                [
                    "Keynote: Digital twins for SMEs",
                    "Workshop: Cobots on the shop floor",
                    "Clinic: Funding for automation projects",
                ],
            ),
        ],
        "footer": ["Manufacturing Technology Centre, Pilot Way, Ansty Park, Coventry CV7 9JU"],
    },
]


# == 11. software vendors: webinars, upgrades, promotions ============================================

_NEWS_SOFTWARE: list[dict] = [
    {
        "from": ("Autodesk", "autodesk@autodeskcommunications.com"),
        "via": ("esp", "ses", "reject", "mail"),
        "to": ["design", "eng", "it"],
        "subject": "What's new in Inventor {year}: 5 features to try this week",
        "brand": "Autodesk",
        "colour": "#000000",
        "bulk": True,
        "blocks": [
            ("h", "Inventor {year} is here"),
            "Hi {first}, faster large-assembly performance, improved model-based definition and a new sheet metal unfold. Here's where to start.",
            (
                "item",
                "Model States, upgraded",
                "Manage configurations and part families from one file.",
                "https://www.autodesk.com/products/inventor/whats-new",
                "Read more",
            ),
            (
                "item",
                "Live webinar: MBD in practice",
                "Thursday 15:00 GMT. Bring your questions.",
                "https://events.autodesk.com/inventor-mbd-{n4}",
                "Save my seat",
            ),
        ],
        "footer": ["Autodesk, Inc., One Market, Ste. 400, San Francisco, CA 94105"],
    },
    {
        "from": ("Xero", "newsletter@xero.com"),
        "via": ("esp", "mandrill", "reject"),
        "to": ["fd", "accounts"],
        "subject": "Ready for Making Tax Digital for Income Tax? Your checklist",
        "brand": "Xero",
        "colour": "#13b5ea",
        "bulk": True,
        "blocks": [
            "Hi {first},",
            "MTD for Income Tax starts in April 2026 for sole traders and landlords over £50,000. Here's what it means for your clients and contractors.",
            ("btn", "Read the guide", "https://www.xero.com/uk/campaign/mtd-income-tax/"),
            "Plus: our free webinar on {due} covers quarterly updates, software and deadlines.",
        ],
        "footer": ["Xero (UK) Ltd, 6 Brook Street, London W1S 1BB"],
    },
    {
        "from": ("Sophos", "events@sophos.com"),
        "via": ("esp", "mailgun", "reject", "mg"),
        "to": ["it"],
        "subject": "Webinar: Business email compromise in {year} — what's changed",
        "brand": "Sophos",
        "colour": "#005bc8",
        "bulk": True,
        "blocks": [
            "Hi {first},",
            "Attackers are using AI to write convincing invoice-fraud and CEO-fraud emails. Join our threat researchers for 45 minutes on {due} at 11:00 GMT.",
            (
                "list",
                [
                    "Real examples of payment-redirection lures",
                    "How to verify bank-detail changes",
                    "Quick wins in Microsoft 365",
                ],
            ),
            ("btn", "Register now", "https://events.sophos.com/bec-{year}?utm_medium=email"),
        ],
        "footer": ["Sophos Ltd, The Pentagon, Abingdon Science Park, Abingdon, OX14 3YP"],
    },
    {
        "from": ("Zoom", "no-reply@zoom.us"),
        "via": ("esp", "sendgrid", "reject", "em"),
        "to": ["office", "md"],
        "subject": "Limited-time offer: save {pct}% on Zoom Workplace Business",
        "brand": "Zoom",
        "colour": "#0b5cff",
        "bulk": True,
        "blocks": [
            "Hi {first},",
            "Upgrade your team to Zoom Workplace Business and save {pct}% on your first year. Offer ends {due}.",
            ("btn", "Upgrade now", "https://zoom.us/pricing?promo=BIZ{pct}"),
        ],
        "footer": ["Zoom Communications, Inc. 55 Almaden Blvd, Suite 600, San Jose, CA 95113"],
    },
    {
        "from": ("SolidWorks UK Reseller - Solid Solutions", "marketing@solidsolutions.co.uk"),
        "via": ("esp", "mailchimp", "none"),
        "to": ["design", "eng2"],
        "subject": [
            "Free training day: SOLIDWORKS Simulation (Leeds)",
            "SOLIDWORKS 2026 launch event - Leeds and Manchester",
            "Your SOLIDWORKS subscription renews on {due}",
        ],
        "brand": "Solid Solutions",
        "colour": "#c8102e",
        "bulk": True,
        "blocks": [
            "Hello {first},",
            "Join us at our Leeds training centre on {due} for a free hands-on day with SOLIDWORKS Simulation. Lunch provided. Places are limited to 12.",
            ("btn", "Book your place", "https://www.solidsolutions.co.uk/events/simulation-day-leeds"),
        ],
        "footer": [
            "Solid Solutions Management Ltd, Innovation House, Ryder Court, Cottam Lane, Preston PR2 1GZ"
        ],
    },
]


# == 12. German newsletters and notices (for the calderfinch.de subsidiary) ==========================

_NEWS_DE: list[dict] = [
    {
        "from": ("Hoffmann Group", "newsletter@hoffmann-group.com"),
        "via": ("esp", "ses", "quarantine", "news"),
        "to": ["de"],
        "subject": "Nur noch heute: {pct} % Rabatt auf GARANT Messzeuge",
        "pre": "Jetzt bestellen und sparen – Aktion endet um Mitternacht",
        "brand": "Hoffmann Group",
        "colour": "#ff6600",
        "bulk": True,
        "blocks": [
            ("h", "Letzte Chance: {pct} % auf GARANT Messzeuge"),
            "Sehr geehrte Frau Becker,",
            "nur noch heute erhalten Sie {pct} % Rabatt auf ausgewählte Messschieber, Bügelmessschrauben und Messuhren von GARANT. Geben Sie einfach den Aktionscode MESS{pct} im Warenkorb ein.",
            ("btn", "Jetzt zugreifen", "https://www.hoffmann-group.com/DE/de/hom/aktionen/messzeuge"),
            ("small", "Gültig bis 23:59 Uhr. Nur für Geschäftskunden. Alle Preise zzgl. MwSt."),
        ],
        "footer": [
            "Hoffmann GmbH Qualitätswerkzeuge, Haberlandstraße 55, 81241 München. Amtsgericht München HRB 10224.",
            "Sie erhalten diesen Newsletter, weil Sie sich dafür angemeldet haben.",
        ],
    },
    {
        "from": ("Würth", "info@wuerth.de"),
        "via": ("esp", "brevo", "quarantine"),
        "to": ["de"],
        "subject": "Ihre Rechnung {n8} von Adolf Würth GmbH & Co. KG",
        "brand": "Würth",
        "colour": "#cc0000",
        "blocks": [
            "Sehr geehrte Damen und Herren,",
            "anbei erhalten Sie Ihre Rechnung Nr. {n8} vom {dmy_de} über {net_de} EUR. Der Betrag wird gemäß SEPA-Lastschriftmandat zum Fälligkeitsdatum {due_de} von Ihrem Konto abgebucht.",
            "Mit freundlichen Grüßen\nIhr Würth-Team",
        ],
        "attach": ["Rechnung_{n8}.pdf"],
        "footer": [
            "Adolf Würth GmbH & Co. KG, Reinhold-Würth-Straße 12-17, 74653 Künzelsau. Registergericht Stuttgart HRA 590142."
        ],
    },
    {
        "from": ("VDMA", "newsletter@vdma.org"),
        "via": ("esp", "cm", "none"),
        "to": ["de", "md"],
        "subject": "VDMA-Nachrichten: Maschinenverordnung, Exportkontrolle und Veranstaltungen",
        "brand": "VDMA",
        "colour": "#003a70",
        "bulk": True,
        "charset": "iso-8859-15",
        "blocks": [
            ("h", "Aktuelles aus dem Verband"),
            (
                "item",
                "Neue Maschinenverordnung: Was Hersteller jetzt tun müssen",
                "Ab Januar 2027 gilt die EU-Maschinenverordnung. Unser Leitfaden fasst die Änderungen zusammen.",
                "https://www.vdma.org/maschinenverordnung",
                "Weiterlesen",
            ),
            (
                "item",
                "Webinar Exportkontrolle",
                "Am {due_de} von 10:00 bis 11:30 Uhr. Teilnahme für Mitglieder kostenfrei.",
                "https://www.vdma.org/veranstaltungen/exportkontrolle",
                "Anmelden",
            ),
        ],
        "footer": ["VDMA e.V., Lyoner Straße 18, 60528 Frankfurt am Main"],
    },
    {
        "from": ("Conrad Business", "service@newsletter.conrad.de"),
        "via": ("esp", "mailgun", "quarantine", "newsletter"),
        "to": ["de"],
        "subject": "Gewinnspiel: Machen Sie mit bei unserer Kundenumfrage",
        "brand": "Conrad",
        "colour": "#0069b4",
        "bulk": True,
        "blocks": [
            "Hallo Frau Becker,",
            "Ihre Meinung ist uns wichtig! Nehmen Sie sich fünf Minuten Zeit für unsere Kundenumfrage und gewinnen Sie mit etwas Glück einen von drei Einkaufsgutscheinen im Wert von 500 €.",
            ("btn", "Zur Umfrage", "https://www.conrad.de/umfrage?id={tok}"),
            (
                "small",
                "Teilnahmeschluss ist der {due_de}. Die Gewinner werden per E-Mail benachrichtigt. Teilnahmebedingungen unter conrad.de/gewinnspiel.",
            ),
        ],
        "footer": ["Conrad Electronic SE, Klaus-Conrad-Straße 1, 92240 Hirschau"],
    },
    {
        "from": ("DATEV", "noreply@datev.de"),
        "via": ("svc", "mail01.datev.de", "193.27.50", "reject", "datev.de", "d2024", "java"),
        "to": ["de", "fd"],
        "subject": "Ihr Passwort für DATEV Unternehmen online läuft in {days} Tagen ab",
        "brand": "DATEV",
        "colour": "#25a22f",
        "blocks": [
            "Sehr geehrte Frau Becker,",
            "das Passwort für Ihren DATEV-Zugang läuft in {days} Tagen ab. Bitte ändern Sie es rechtzeitig, damit Sie weiterhin auf Belege und Auswertungen der Calder Finch GmbH zugreifen können.",
            ("btn", "Passwort ändern", "https://apps.datev.de/mydatev/passwort"),
            "Freundliche Grüße\nIhre DATEV eG",
        ],
        "footer": ["DATEV eG, Paumgartnerstraße 6-14, 90429 Nürnberg"],
    },
    {
        "from": ("Deutsche Messe", "info@messe.de"),
        "via": ("esp", "sendgrid", "none", "email"),
        "to": ["de", "sales", "md"],
        "subject": "HANNOVER MESSE {year}: Ihr Ticket-Code und Anreiseinformationen",
        "brand": "Deutsche Messe",
        "colour": "#e30613",
        "bulk": True,
        "blocks": [
            "Guten Tag,",
            "vielen Dank für Ihre Registrierung. Ihr persönlicher Ticket-Code lautet: HM{n8}",
            ("btn", "Ticket herunterladen", "https://www.hannovermesse.de/de/tickets/{tok}"),
            "Tipp: Mit Ihrem Ticket fahren Sie kostenlos mit dem GVH zum Messegelände.",
        ],
        "footer": ["Deutsche Messe AG, Messegelände, 30521 Hannover"],
    },
]


# == 13. professional bodies and trade associations ==================================================

_PROF: list[dict] = [
    {
        "from": ("IET", "membership@theiet.org"),
        "via": ("esp", "cm", "quarantine"),
        "to": ["eng", "eng2", "design"],
        "subject": "Your IET membership renewal for {year} — renew by {due}",
        "brand": "The IET",
        "colour": "#00558c",
        "blocks": [
            "Dear {first},",
            "Thank you for being a member of the Institution of Engineering and Technology. Your membership is due for renewal. Renew by {due} to keep your access to IET Inspec, the IET Library and your CPD record.",
            ("kv", [("Membership number", "{n7}"), ("Grade", "Member (MIET)"), ("Fee", "£{small}")]),
            ("btn", "Renew now", "https://my.theiet.org/membership/renew"),
            "If you pay by Direct Debit you don't need to do anything.",
            "Kind regards,\nIET Membership team",
        ],
        "footer": [
            "The IET is registered as a Charity in England & Wales (no 211014) and Scotland (no SC038698). Futures Place, Kings Way, Stevenage, Herts, SG1 2UA"
        ],
    },
    {
        "from": ("IMechE", "communications@imeche.org"),
        "via": ("esp", "mailchimp", "none"),
        "to": ["eng", "md", "ops"],
        "subject": "Professional Engineering: This week's top stories",
        "brand": "IMechE",
        "colour": "#c8102e",
        "bulk": True,
        "blocks": [
            (
                "item",
                "Hydrogen-ready boilers trial expands to 500 homes",
                "Engineers report on the next phase of the trial.",
                "https://www.imeche.org/news/news-article/hydrogen-boilers-trial",
                "Read more",
            ),
            (
                "item",
                "Apprenticeship levy reform: what employers need to know",
                "The new Growth and Skills Levy explained.",
                "https://www.imeche.org/news/news-article/growth-skills-levy",
                "Read more",
            ),
            (
                "item",
                "Call for nominations: IMechE Awards {year}",
                "Deadline {due}.",
                "https://www.imeche.org/awards",
                "Nominate",
            ),
        ],
        "footer": [
            "Institution of Mechanical Engineers, 1 Birdcage Walk, Westminster, London SW1H 9JJ. Registered charity no 206882."
        ],
    },
    {
        "from": ("Engineering Council", "noreply@engc.org.uk"),
        "via": ("esp", "ses", "quarantine", "mail"),
        "to": ["eng", "quality"],
        "subject": "CPD sampling: please submit your record by {due}",
        "brand": "Engineering Council",
        "colour": "#2c3e50",
        "blocks": [
            "Dear {first},",
            "Your professional engineering institution has selected your CPD record for this year's sample review. Please log in and submit your CPD record for the last 12 months by {due}.",
            ("btn", "Go to mycareerpath", "https://www.mycareerpath.org.uk/"),
            "This is part of the Engineering Council's requirement for registrants to maintain and record their CPD.",
        ],
        "footer": ["Engineering Council, 5th Floor, Woolyard, 54 Bermondsey Street, London SE1 3UD"],
    },
    {
        "from": ("Make UK", "events@makeuk.org"),
        "via": ("esp", "brevo", "none"),
        "to": ["md", "hr", "ops"],
        "subject": [
            "Employment law update: holiday pay and the Employment Rights Act",
            "Make UK Manufacturing Outlook - Q{q} results webinar",
            "Members' briefing: Employment Rights Act - what changes when",
        ],
        "brand": "Make UK",
        "colour": "#e4002b",
        "bulk": True,
        "blocks": [
            "Dear Member,",
            "Join our employment lawyers on {due} for a briefing on changes to holiday pay calculations, statutory sick pay and day-one rights.",
            ("btn", "Book your free member place", "https://www.makeuk.org/events/employment-law-update"),
        ],
        "footer": ["Make UK, Broadway House, Tothill Street, London SW1H 9NQ"],
    },
]


# == 14. recruiting ================================================================================

_RECRUIT: list[dict] = [
    {
        "from": ("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"),
        "via": _LI,
        "to": ["hr"],
        "subject": "New applicant for Mechanical Design Engineer: {ext}",
        "brand": "LinkedIn",
        "colour": "#0a66c2",
        "blocks": [
            "Hi {first},",
            "{ext} applied for your job Mechanical Design Engineer at Calder & Finch Engineering Ltd.",
            (
                "kv",
                [
                    ("Location", "Elland, England, United Kingdom"),
                    ("Experience", "6 years, SolidWorks, GD&T"),
                ],
            ),
            ("btn", "View applicant", "https://www.linkedin.com/talent/hire/{n10}/discover/applicants"),
            "You have {n_apps} applicants waiting to be reviewed.",
        ],
        "vars": {"n_apps": ["4", "11", "17", "23"]},
        "footer": ["© {year} LinkedIn Ireland Unlimited Company, Wilton Plaza, Dublin 2."],
    },
    {
        "from": ("Indeed", "alert@indeed.com"),
        "via": ("esp", "sendgrid", "reject", "e"),
        "to": ["hr"],
        "subject": "{n_apps} new candidates for CNC Machinist - Elland",
        "vars": {"n_apps": ["3", "6", "9"]},
        "brand": "indeed",
        "colour": "#2557a7",
        "blocks": [
            "Hi {first},",
            "Your job CNC Machinist - Elland has {n_apps} new candidates.",
            ("btn", "Review candidates", "https://employers.indeed.com/candidates?id={hex}"),
            ("small", "Sponsored jobs get up to 3x more applications. Your job budget is £{small} per day."),
        ],
        "footer": ["Indeed UK Operations Ltd, 1 Lindsey Street, London EC1A 9HP"],
    },
    {
        "from": ("{ext}", "{ext_first_l}@{agency_dom}"),
        "vars": {
            "agency": [
                "Spencer Ross Technical",
                "Halton Engineering Recruitment",
                "Northern Talent Partners",
            ],
            "agency_dom": ["spencerross-technical.co.uk", "haltonengineering.co.uk", "northerntalent.co.uk"],
        },
        "via": ("m365", "quarantine"),
        "to": ["hr", "ops", "md"],
        "subject": "Candidate for your Project Engineer role - available immediately",
        "brand": "{agency}",
        "text_only": True,
        "blocks": [
            "Hi {first},",
            "I hope you don't mind me reaching out. I noticed you're advertising for a Project Engineer and I'm currently working with a very strong candidate who'd be a great fit: chartered, 9 years in process plant fabrication, based in Huddersfield and available immediately.",
            "Our fee is 15% of first-year salary with a 12-week rebate. I've attached an anonymised CV - happy to arrange a call or an interview at short notice.",
            "Kind regards,\n{ext}\nSenior Consultant - Engineering & Manufacturing\n{agency}\nM: 07{n4} {n5}",
        ],
        "attach": ["Candidate CV - Project Engineer.pdf"],
    },
    {
        "from": ("CV-Library", "noreply@cv-library.co.uk"),
        "via": ("esp", "ses", "quarantine", "mail"),
        "to": ["hr"],
        "subject": "Your job advert is expiring in {days} days",
        "brand": "CV-Library",
        "colour": "#005a9c",
        "blocks": [
            "Hi {first},",
            "Your advert 'Quality Inspector (Days)' will expire in {days} days. Renew it now to keep receiving applications.",
            ("btn", "Renew advert", "https://www.cv-library.co.uk/recruiter/jobs/{n8}/renew"),
        ],
        "footer": ["CV-Library Ltd, Gainsborough House, Bartholomew Street, Fareham PO16 0BX"],
    },
]


# == 15. support desks =============================================================================

_SUPPORT: list[dict] = [
    {
        "from": ("Trumpf UK Service", "service.uk@trumpf.zendesk.com"),
        "reply_to": ("Trumpf UK Service", "service.uk@trumpf.zendesk.com"),
        "via": ("esp", "sendgrid", "none", "zendesk"),
        "to": ["ops", "eng2", "stores"],
        "subject": "[Trumpf UK Service] Re: TruLaser 3030 - beam alignment fault E{n4} (#{n5})",
        "brand": "Trumpf Service",
        "colour": "#1f3c88",
        "text_only": True,
        "blocks": [
            "##- Please type your reply above this line -##",
            "Your request (#{n5}) has been updated. To add additional comments, reply to this email.",
            "{ext} (Trumpf UK Service)\n{date}",
            "Hello {first},\n\nthank you for the log files. Our engineer can attend site on {due}. Please make sure the machine is powered down and isolated from 08:00. The visit will be under your service contract, no charge for parts under warranty.\n\nBest regards,\n{ext}",
            "This email is a service from Trumpf UK Service. Delivered by Zendesk",
        ],
    },
    {
        "from": ("Sage Support", "support@sage.freshdesk.com"),
        "via": ("esp", "sendgrid", "none", "freshdesk"),
        "to": ["accounts"],
        "subject": "Ticket Received - Bank feed not updating [#{n6}]",
        "brand": "Sage Support",
        "colour": "#008200",
        "blocks": [
            "Dear {first},",
            "We would like to acknowledge that we have received your request and a ticket has been created. A support representative will review your request and send you a personal response within one working day.",
            "To view the status of the ticket or add comments, please visit\nhttps://support.sage.co.uk/support/tickets/{n6}",
            "Thank you for your patience.\n\nSincerely,\nSage Support Team",
        ],
    },
    {
        "from": ("Calder & Finch IT Service Desk", "calderfinch@service-now.com"),
        "via": ("svc", "mx1.service-now.com", "149.96.5", "reject", "service-now.com", "sn1", "java"),
        "to": ["ops", "sales", "design", "hr", "stores"],
        "subject": "Incident INC00{n5} has been resolved - Laptop docking station not detecting second monitor",
        "brand": "ServiceNow",
        "colour": "#293e40",
        "blocks": [
            "Hello {first},",
            "Your incident INC00{n5} has been resolved by Nikhil Shah.",
            (
                "kv",
                [
                    ("Resolution", "Updated dock firmware and DisplayLink driver; tested dual display."),
                    ("Resolved", "{when}"),
                ],
            ),
            "If you are not happy with the resolution, you can reopen the incident within 5 days.",
            (
                "btn",
                "View incident",
                "https://calderfinch.service-now.com/sp?id=ticket&table=incident&sys_id={hex}",
            ),
            "Ref:MSG{n7}",
        ],
        "footer": ["Calder & Finch IT - ext. 2210"],
    },
    {
        "from": ("Bosch Rexroth Support", "support@boschrexroth-uk.freshdesk.com"),
        "via": ("esp", "sendgrid", "none", "freshdesk"),
        "to": ["eng", "eng2"],
        "subject": "Re: Ticket #{n5} - HPU pressure drop on press line 2",
        "brand": "Bosch Rexroth UK",
        "text_only": True,
        "blocks": [
            "Hi {first},",
            "Please find the revised parts list attached. Lead time on the A10VSO pump is currently 6-8 weeks; we can loan a refurbished unit in the meantime if you raise a PO for the hire.",
            "Kind regards,\n{ext}\nService Engineer, Bosch Rexroth Ltd",
            "Ticket: https://boschrexroth-uk.freshdesk.com/support/tickets/{n5}",
        ],
        "attach": ["Parts list HPU-2 rev B.xlsx"],
    },
]


# == person-to-person mail ========================================================================


@dataclass
class Corr:
    company: str
    domain: str
    people: list[str]
    phone: str
    kind: str  # m365 | google | smtp | apple
    p: str  # DMARC policy published ("" = no DMARC record)
    address: str
    disclaimer: str = ""
    charset: str = "utf-8"
    local: str = "first.last"


_DISC_UK = (
    "This email and any attachments are confidential and intended solely for the addressee. If you have "
    "received it in error, please notify the sender and delete it. {company} is registered in England and "
    "Wales, company no. {regno}. Registered office: {address}."
)
_DISC_FRAUD = (
    "PAYMENT FRAUD WARNING: We will never change our bank details by email. If you receive an email "
    "asking you to pay us into a different account, call us on our usual number before making any payment."
)

CORR: dict[str, Corr] = {
    "harrowgate": Corr(
        "Harrowgate Fabrication Ltd",
        "harrowgatefabrication.co.uk",
        ["Alistair Brennan", "Dean Pickles"],
        "01423 567 210",
        "m365",
        "quarantine",
        "Unit 12, Hookstone Park, Harrogate HG2 7DB",
        _DISC_UK,
    ),
    "pennine": Corr(
        "Pennine Precision Machining",
        "pennineprecision.co.uk",
        ["Chloe Wakefield", "Stuart Penhaligon"],
        "01484 442 918",
        "google",
        "none",
        "Bradley Mills, Huddersfield HD1 6QF",
        "",
    ),
    "ryedale": Corr(
        "Ryedale Foods Ltd",
        "ryedalefoods.co.uk",
        ["Hamish Drummond", "Joanna Pietrzak"],
        "01653 690 445",
        "m365",
        "reject",
        "Norton Grove Industrial Estate, Malton YO17 9HQ",
        _DISC_UK,
    ),
    "marsden": Corr(
        "Marsden Rail Systems",
        "marsdenrail.co.uk",
        ["Nadia Qureshi", "Marcus Adeyemi"],
        "0113 496 0721",
        "m365",
        "reject",
        "Thorpe Park, Leeds LS15 8GB",
        _DISC_UK + "\n\n" + _DISC_FRAUD,
    ),
    "hartington": Corr(
        "Hartington Water Services",
        "hartingtonwater.co.uk",
        ["Ben Ashworth", "Ruth Gallagher"],
        "01298 84 3321",
        "m365",
        "quarantine",
        "Hartington Road, Buxton SK17 6JR",
        _DISC_UK,
    ),
    "dyfed": Corr(
        "Dyfed Controls",
        "dyfed-controls.co.uk",
        ["Rhys Morgan"],
        "01267 238 550",
        "google",
        "none",
        "Parc Dafen, Llanelli SA14 8QW",
        "",
    ),
    "wharfedale": Corr(
        "Wharfedale Surveys",
        "wharfedalesurveys.co.uk",
        ["Emma Threlfall"],
        "01943 461 207",
        "smtp",
        "",
        "The Old Granary, Otley LS21 3AB",
        "",
        "windows-1252",
        "first",
    ),
    "becker": Corr(
        "Becker Antriebstechnik GmbH",
        "becker-antriebe.de",
        ["Jürgen Hofmann", "Katrin Vogt"],
        "+49 711 9043 221",
        "smtp",
        "quarantine",
        "Industriestraße 14, 70565 Stuttgart",
        "Becker Antriebstechnik GmbH, Sitz: Stuttgart, Amtsgericht Stuttgart HRB 731245, Geschäftsführer: Thomas Becker",
        "iso-8859-15",
    ),
    "eastfield": Corr(
        "Eastfield Process Plant",
        "eastfieldprocess.co.uk",
        ["Callum Reid", "Sophie Lindqvist"],
        "01642 889 310",
        "m365",
        "quarantine",
        "Belasis Business Park, Billingham TS23 4EA",
        _DISC_UK,
    ),
    "brighouse": Corr(
        "Brighouse Laser Cutting Ltd",
        "brighouselaser.co.uk",
        ["Imran Siddiqui"],
        "01484 710 886",
        "google",
        "none",
        "Armytage Road, Brighouse HD6 1QF",
        "",
    ),
    "tennant": Corr(
        "Tennant Architects",
        "tennantarchitects.co.uk",
        ["Grace Tennant"],
        "0113 245 9902",
        "apple",
        "none",
        "22 Park Square East, Leeds LS1 2NE",
        "",
    ),
    "vandijk": Corr(
        "Van Dijk Installaties BV",
        "vandijk-installaties.nl",
        ["Paul Verhoeven"],
        "+31 40 295 7730",
        "m365",
        "reject",
        "De Run 4312, 5503 LN Veldhoven",
        "Dit bericht is uitsluitend bestemd voor de geadresseerde.",
    ),
    "hebden": Corr(
        "Hebden Steel Stockholders",
        "hebdensteel.co.uk",
        ["Aoife Brennan", "Megan Rushworth"],
        "01422 845 600",
        "smtp",
        "none",
        "Mytholm Works, Hebden Bridge HX7 6DL",
        "",
        "windows-1252",
    ),
}

_CF_SIG = {
    "default": "{name}\n{title}\nCalder & Finch Engineering Ltd\nUnit 4 Calder Park, Elland, West Yorkshire HX5 9DR\nT: 01422 {ext_no} | M: 07{mob}\nwww.calderfinch.co.uk",
}
_TITLES = {
    "md": "Managing Director",
    "fd": "Finance Director",
    "accounts": "Accounts Assistant",
    "credit": "Credit Controller",
    "ops": "Operations Manager",
    "eng": "Lead Engineer",
    "eng2": "Maintenance Engineer",
    "design": "Design Engineer",
    "buyer": "Purchasing Manager",
    "sales": "Business Development Manager",
    "pm": "Project Manager",
    "hr": "HR Manager",
    "it": "IT Manager",
    "office": "Office Manager",
    "de": "Geschäftsführerin, Calder Finch GmbH",
    "quality": "Quality Manager",
    "stores": "Stores Supervisor",
    "apprentice": "Apprentice Engineer",
}
_CF_DISC = (
    "Calder & Finch Engineering Ltd is registered in England and Wales, no. 04817263. Registered office: Unit 4 "
    "Calder Park, Elland HX5 9DR. This email may contain confidential information; if you are not the intended "
    "recipient please tell us and delete it. We never change our bank details by email."
)


def _ext_addr(c: Corr, person: str) -> str:
    first, last = person.split()[0], person.split()[-1]
    fa = first.lower().replace("ü", "ue").replace("ö", "oe")
    la = last.lower().replace("ü", "ue").replace("ö", "oe")
    if c.local == "first":
        return f"{fa}@{c.domain}"
    return f"{fa}.{la}@{c.domain}" if c.domain[-2:] != "de" else f"{fa[0]}.{la}@{c.domain}"


def _cf_sig(_rng: random.Random, role: str) -> str:
    rng = random.Random(f"sig:{role}")  # a person's phone numbers do not change between messages
    return (
        f"{STAFF[role][0]}\n{_TITLES[role]}\nCalder & Finch Engineering Ltd\nUnit 4 Calder Park, Elland, "
        f"West Yorkshire HX5 9DR\nT: 01422 {rng.randint(200, 299)} {rng.randint(100, 999)} | M: 07{_dig(rng, 3)} "
        f"{_dig(rng, 6)}\nwww.calderfinch.co.uk"
    )


def _ext_sig(c: Corr, person: str, title: str) -> str:
    return f"{person}\n{title}\n{c.company}\n{c.address}\nTel: {c.phone}\n{c.domain}"


def _corr_route(rng: random.Random, c: Corr, frm: str, dt: datetime, rcpt: str) -> Route:
    if c.kind == "m365":
        return _own(
            rng,
            "m365",
            frm,
            dt,
            rcpt,
            p=c.p or "none",
            zone="de" if c.domain.endswith((".de", ".nl")) else "uk",
        )
    if c.kind in ("google", "apple"):
        r = _own(rng, "google", frm, dt, rcpt, p=c.p or "none", boundary="apple" if c.kind == "apple" else "")
        if c.kind == "apple":
            r.mid = f"<{_uuid(rng).upper()}@{c.domain}>"
        if not c.p:
            r.dmarc = ("none", "")
        return r
    host = (
        f"mail.{c.domain}"
        if rng.random() < 0.5
        else f"smtp{rng.randint(1, 9)}.{rng.choice(('livemail.co.uk', 'krystal.uk', 'ionos.co.uk', 'tsohost.com'))}"
    )
    r = _own(
        rng,
        "smtp",
        frm,
        dt,
        rcpt,
        p=c.p,
        host=host,
        boundary="thunderbird",
        zone="de" if c.domain.endswith(".de") else "uk",
        dkim=rng.random() < 0.7,
    )
    r.mid = f"<{_uuid(rng)}@{c.domain}>"
    return r


def _letter(rng: random.Random, t: dict, dt: datetime | None = None) -> M:
    """A message between people: plain text (and Outlook/Gmail HTML), signature, quoted history."""
    dt = dt or _pick_dt(rng, office=True)
    role = rng.choice(t.get("to", ["ops"]))
    ctx = _ctx(rng, dt, role)
    c = CORR[t["corr"]] if "corr" in t else CORR[rng.choice(t["corrs"])]
    person = rng.choice(c.people)
    ctx.update(
        {
            "person": person,
            "pfirst": person.split()[0],
            "company": c.company,
            "phone": c.phone,
            "regno": f"0{_dig(rng, 7)}",
            "address": c.address,
        }
    )
    for k, v in t.get("vars", {}).items():
        ctx[k] = _fill(rng.choice(v), ctx)
    frm = (person, _ext_addr(c, person))
    rcpt = ctx["email"]
    r = _corr_route(rng, c, frm[1], dt, rcpt)
    if t.get("auth"):
        _degrade(rng, r, t["auth"], rcpt, dt)
    body = _fill(t["body"], ctx)
    sig = _ext_sig(c, person, _fill(t.get("title", "Sales"), ctx))
    disc = _fill(c.disclaimer, ctx)
    text = f"{body}\n\n{sig}\n" + (f"\n{disc}\n" if disc else "")
    subject = _fill(t["subject"], ctx)
    refs: list[str] = []
    if t.get("prev"):
        pdt = dt - timedelta(hours=rng.randint(2, 70), minutes=rng.randint(0, 59))
        while pdt.weekday() >= 5 or not 8 <= pdt.astimezone(_tz(pdt, "uk")).hour < 18:
            pdt -= timedelta(minutes=47)
        pdt = pdt.astimezone(_tz(pdt, "uk"))
        prev = _fill(t["prev"], ctx) + "\n\n" + _cf_sig(rng, role) + "\n"
        if c.kind in ("google", "apple"):
            text += "\n" + _quote(prev, f"{STAFF[role][0]} <{rcpt}>", pdt, "gmail") + "\n"
        else:
            hdr = _outlook_hdr(f"{STAFF[role][0]} <{rcpt}>", pdt, f"{person} <{frm[1]}>", subject)
            text += "\n" + _quote(prev, "", pdt, "outlook-short", hdr) + "\n"
        refs = [_mid_for(rng, "outlook", ORG, pdt)]
        if t.get("prev_refs"):
            refs.insert(0, _mid_for(rng, "outlook" if c.kind == "m365" else "gmail", c.domain, pdt))
        subject = ("RE: " if c.kind == "m365" else "Re: ") + subject
    html = ""
    if c.kind == "m365":
        html = _plain_html(text, charset=c.charset)
    elif c.kind in ("google", "apple"):
        html = _gmail_html(text)
    cs = c.charset
    m = M(
        frm=frm,
        to=[_p(role)],
        subject=subject,
        text=text,
        html=html,
        route=r,
        dt=dt,
        charset=cs,
        cte="quoted-printable" if cs != "utf-8" or rng.random() < 0.6 else rng.choice(("base64", "8bit")),
        in_reply_to=refs,
        mailer={
            "smtp": rng.choice(("", "Microsoft Outlook 16.0", "Mozilla Thunderbird")),
            "apple": "Apple Mail (2.3826.400.131.1.6)",
        }.get(c.kind, ""),
    )
    if m.mailer == "Mozilla Thunderbird":
        m.mailer = ""
        m.headers.append(("User-Agent", "Mozilla Thunderbird"))
    if t.get("cc"):
        m.cc = [_p(x) for x in t["cc"] if x != role]
    for a in t.get("attach", []):
        m.attach.append(_file(rng, _fill(a, ctx)))
    if t.get("importance"):
        m.headers += [("Importance", "high"), ("X-Priority", "1")]
    return m


# == 16. clients ==================================================================================

_CLIENTS: list[dict] = [
    {
        "corrs": ["ryedale", "marsden", "hartington", "eastfield"],
        "to": ["sales", "md", "pm"],
        "subject": "RFQ - replacement conveyor transfer platform, {site}",
        "vars": {"site": ["Malton site", "Line 3", "Thorpe Park depot", "Billingham works"]},
        "title": "Engineering Manager",
        "body": "Hi {first},\n\nFurther to our call last week, please find attached our enquiry pack for the replacement transfer platform at {site}. It includes the existing GA, the site survey and our standard terms.\n\nWe'd be grateful for a budget price and lead time by {due}. Installation would need to fit into our two-week summer shutdown.\n\nAny questions, give me a ring.\n\nThanks,\n{pfirst}",
        "attach": ["RFQ-{n4} Enquiry Pack.pdf", "Existing GA {n4}.dwg"],
    },
    {
        "corrs": ["ryedale", "marsden", "hartington", "eastfield"],
        "to": ["sales", "pm"],
        "subject": "Quotation Q{n5} - stainless hopper and support frame",
        "title": "Procurement Lead",
        "body": "Hi {first},\n\nThanks for the quote. We're happy to proceed on the basis of option B (304 stainless, bead-blasted). Official purchase order {po} attached.\n\nCould you confirm the delivery date and let me know when you'll need site access for the install? Our induction needs booking 48 hours ahead.\n\nRegards,\n{pfirst}",
        "prev": "Hi {pfirst},\n\nPlease find attached our quotation Q{n5} for the hopper and support frame. Option A is mild steel painted, option B is 304 stainless. Lead time is 6-7 weeks from approved drawings.\n\nKind regards,",
        "attach": ["{po}.pdf"],
    },
    {
        "corrs": ["marsden", "eastfield", "ryedale"],
        "to": ["pm", "design", "eng"],
        "cc": ["design"],
        "subject": "Drawing approval - {job}-GA-001 rev C",
        "title": "Project Engineer",
        "body": "Hi {first},\n\nWe've reviewed revision C. Approved with two comments, marked up on the attached:\n\n1. Handrail height to 1100 mm on the upper walkway, please.\n2. Can the access hatch open the other way? It fouls the cable tray.\n\nOnce those are in we're happy for you to release for manufacture. No need to resubmit for approval if that's all that changes.\n\nCheers,\n{pfirst}",
        "prev": "Hi {pfirst},\n\nAttached is revision C of the GA for approval, incorporating the comments from the design review on Tuesday.\n\nThanks,",
        "prev_refs": True,
        "attach": ["{job}-GA-001 rev C - marked up.pdf"],
    },
    {
        "corrs": ["ryedale", "hartington", "marsden"],
        "to": ["ops", "pm", "sales"],
        "subject": "URGENT - change of delivery address for {po}",
        "title": "Site Manager",
        "importance": True,
        "body": "{first},\n\nSorry for the short notice. The yard at our main site is being resurfaced next week, so could you please deliver the frames for {po} to our second site instead:\n\nUnit 3, Westfield Way, Pickering YO18 7HZ\n\nSame contact (me), same date. The gate code is the usual one, I'll text it to your driver on the day.\n\nIf this causes any problem with the haulier just call me on my mobile.\n\nThanks,\n{pfirst}",
    },
    {
        "corrs": ["marsden", "hartington", "eastfield", "vandijk"],
        "to": ["quality", "ops", "md"],
        "subject": "Non-conformance report NCR-{n4} - weld defect on {job} frames",
        "title": "Supplier Quality Engineer",
        "body": "Dear {first},\n\nPlease find attached NCR-{n4}. During goods-in inspection we found incomplete fusion on two fillet welds (photos attached). The items are quarantined.\n\nPlease send your containment actions within 48 hours and an 8D within 10 working days.\n\nRegards,\n{pfirst}",
        "attach": ["NCR-{n4}.pdf", "weld_photo_1.png"],
    },
    {
        "corrs": ["tennant"],
        "to": ["md", "pm"],
        "subject": "Staircase balustrade - revised sketch",
        "title": "Director",
        "body": "Hi {first}\n\nSketch attached with the revised balustrade detail for the mezzanine. The client wants flat bar rather than round — can you price both?\n\nSent from my iPad\n\nGrace",
        "attach": ["Mezzanine balustrade sketch.pdf"],
    },
    {
        "corrs": ["vandijk"],
        "to": ["sales", "md", "de"],
        "subject": "Order confirmation and delivery schedule, project Eindhoven",
        "title": "Inkoper / Purchasing",
        "body": "Dear {first},\n\nThank you for the order confirmation. Please note our goods-in is closed on {due} (public holiday). Deliveries can be made on the days before or after between 07:00 and 15:00 CET.\n\nPlease add our PO number {po} to all delivery notes and invoices, otherwise our accounts team cannot process them.\n\nKind regards / Met vriendelijke groet,\n{person}",
    },
]


# == 17. suppliers and subcontractors ===============================================================

_SUPPLIERS: list[dict] = [
    {
        "corrs": ["harrowgate", "pennine", "brighouse", "hebden"],
        "to": ["buyer", "purchasing"],
        "subject": "Quotation {n5} - your enquiry {ref}",
        "title": "Estimator",
        "body": "Good morning {first},\n\nPlease find attached our quotation {n5} as requested. Prices are valid for 30 days and subject to material availability at time of order.\n\nLead time is currently 3 weeks from receipt of order. Delivery on our own transport is included.\n\nIf you need anything else please let me know.\n\nKind regards,\n{pfirst}",
        "attach": ["Quotation {n5}.pdf"],
    },
    {
        "corrs": ["pennine", "harrowgate", "brighouse"],
        "to": ["buyer", "ops", "pm"],
        "subject": "{po} - delivery delay",
        "title": "Production Planner",
        "body": "Hi {first},\n\nAfraid I've got some bad news on {po}. Our 5-axis has been down since Tuesday waiting on a spindle, so the machined blocks will be 4 working days late — new date {due}.\n\nIf that's going to hold you up I can split the batch and send the first 20 as soon as they're done. Let me know.\n\nApologies for the inconvenience.\n\n{pfirst}",
        "prev": "Hi {pfirst},\n\nJust checking {po} is still on track for the end of the week?\n\nThanks,",
    },
    {
        "corrs": ["dyfed", "wharfedale"],
        "to": ["pm", "eng"],
        "subject": "{job} - site survey report and invoice",
        "title": "Director",
        "body": "Hi {first},\n\nAttached is the survey report for {job} plus our invoice. The point cloud is too big to email, I'll send it over WeTransfer this afternoon.\n\nCouple of things to flag: the existing steel is out of plumb by about 40 mm at grid C, and there's a live cable run not shown on the drawings.\n\nCheers,\n{pfirst}",
        "attach": ["{job} Survey Report.pdf", "Invoice {n4}.pdf"],
    },
    {
        "corrs": ["becker"],
        "to": ["buyer", "de", "eng"],
        "subject": "AW: Angebot Getriebemotoren / quotation gear motors {ref}",
        "title": "Vertrieb / Sales",
        "body": "Dear {first},\n\nthank you for your enquiry. Please find attached our offer for 4 pcs. gear motors type BG-80, 1.5 kW, incl. brake. Delivery time is approx. 5 weeks after receipt of order, delivery DAP Elland.\n\nFor the German subsidiary we can also deliver to Calder Finch GmbH directly if you prefer - just let me know the address.\n\nMit freundlichen Grüßen / Best regards\n{person}",
        "attach": ["Angebot_{n6}.pdf"],
    },
    {
        "corrs": ["harrowgate", "hebden", "pennine"],
        "to": ["buyer", "accounts", "fd"],
        "subject": "Change of bank details - {company}",
        "title": "Financial Controller",
        "body": "Dear {first},\n\nPlease be advised that following our move to a new bank, {company}'s bank details will change with effect from {due}. A letter on our headed paper, signed by our directors, is attached.\n\nIMPORTANT: for your protection, please do not update your records on the strength of this email alone. Call our accounts office on {phone} (the number on our website and on your existing invoices, not one given in an email) and ask for me or our Finance Director to confirm the new details verbally before making any payment.\n\nOur old account will remain open for three months, so payments sent there in the meantime will still reach us.\n\nKind regards,\n{pfirst}",
        "attach": ["Bank details change letter.pdf"],
    },
    {
        "corrs": ["dyfed"],
        "to": ["pm", "ops"],
        "subject": "Panel build {job} - FAT booking",
        "title": "Controls Engineer",
        "body": "Hi {first},\n\nPanel's wired and tested our end. Can we book the FAT for {due}? Your electrical engineer will need about half a day. I'll send the I/O list and test sheets beforehand.\n\nDiolch,\nRhys",
    },
]


# == internal mail ================================================================================


def _ics(
    rng: random.Random,
    org: tuple[str, str],
    atts: list[tuple[str, str]],
    summary: str,
    start: datetime,
    minutes: int,
    location: str,
    desc: str,
    uid: str,
) -> str:
    def f(d: datetime) -> str:
        return d.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    lines = [
        "BEGIN:VCALENDAR",
        "METHOD:REQUEST",
        "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0",
        "BEGIN:VTIMEZONE",
        "TZID:GMT Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010101T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:16010101T010000",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        f'ORGANIZER;CN="{org[0]}":mailto:{org[1]}',
    ]
    for n, a in atts:
        lines.append(f'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="{n}":mailto:{a}')
    loc = start.astimezone(_tz(start, "uk"))
    end = loc + timedelta(minutes=minutes)
    desc_esc = desc.replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")
    lines += [
        f"DESCRIPTION;LANGUAGE=en-GB:{desc_esc}",
        f"UID:{uid}",
        f"SUMMARY;LANGUAGE=en-GB:{summary}",
        f"DTSTART;TZID=GMT Standard Time:{loc:%Y%m%dT%H%M%S}",
        f"DTEND;TZID=GMT Standard Time:{end:%Y%m%dT%H%M%S}",
        "CLASS:PUBLIC",
        "PRIORITY:5",
        f"DTSTAMP:{f(start - timedelta(days=3))}",
        "TRANSP:OPAQUE",
        "STATUS:CONFIRMED",
        "SEQUENCE:0",
        f"LOCATION;LANGUAGE=en-GB:{location}",
        "BEGIN:VALARM",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "ACTION:DISPLAY",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    out = []
    for ln in lines:  # fold at 74 octets
        while len(ln) > 74:
            out.append(ln[:74])
            ln = " " + ln[74:]
        out.append(ln)
    return "\r\n".join(out) + "\r\n"


def _staff_msg(rng: random.Random, t: dict, dt: datetime | None = None) -> M:
    """A colleague writing to colleagues (or to everyone) from Outlook."""
    dt = dt or _pick_dt(rng, office=True)
    to_roles = t.get("to", ["allstaff"])
    deliver = rng
    if to_roles == ["allstaff"]:  # every copy of an all-staff message has the same content
        rng = random.Random(f"{t['subject']}|{dt.isoformat()}")
    sender = t["from_role"] if isinstance(t["from_role"], str) else rng.choice(t["from_role"])
    role = rng.choice([x for x in to_roles if x != sender] or ["ops"])
    ctx = _ctx(rng, dt, role if role in STAFF else "ops")
    if role not in STAFF:
        ctx["first"] = "all"
    ctx["sfirst"] = STAFF[sender][0].split()[0]
    ctx["name_s"], ctx["email_s"] = _p(sender)
    ctx["dmy_s"] = ctx["iso"]
    for k, v in t.get("vars", {}).items():
        ctx[k] = _fill(rng.choice(v), ctx)
    frm = _p(sender)
    r = _internal(rng, frm[1], dt)
    body = _fill(t["body"], ctx)
    text = body + "\n\n" + (_cf_sig(rng, sender) if t.get("sig", True) else STAFF[sender][0]) + "\n"
    to = [_p(role)]
    m = M(
        frm=frm,
        to=to,
        subject=_fill(t["subject"], ctx),
        text=text,
        html=_plain_html(text),
        route=r,
        dt=dt,
        cte=rng.choice(("quoted-printable", "base64")),
    )
    if role in SHARED:
        m.rcpt = _p(deliver.choice([x for x in STAFF if x != sender]))[1]
    for a in t.get("attach", []):
        m.attach.append(_file(rng, _fill(a, ctx)))
    if t.get("invite"):
        start = _later(dt, rng.randint(2, 12)).replace(minute=0, second=0) + timedelta(
            hours=rng.randint(0, 4)
        )
        summary = _fill(t["invite"][0], ctx)
        loc = _fill(t["invite"][1], ctx)
        join = ""
        if "Teams" in loc:
            join = (
                f"\n\n________________________________________________________________________________\n"
                f"Microsoft Teams meeting\nJoin: https://teams.microsoft.com/l/meetup-join/19%3ameeting_{_tok(rng, 48)}"
                f"%40thread.v2/0?context=%7b%22Tid%22%3a%22{_uuid(rng)}%22%7d\nMeeting ID: {_dig(rng, 3)} {_dig(rng, 3)} "
                f"{_dig(rng, 3)} {_dig(rng, 3)}\nPasscode: {_tok(rng, 6)}\n"
                f"________________________________________________________________________________"
            )
        m.text = body + join + "\n"
        m.html = _plain_html(m.text)
        atts = [_p(x) for x in t.get("attendees", [role]) if x != sender]
        m.to = atts or to
        m.ics = _ics(rng, frm, m.to, summary, start, t["invite"][2], loc, body + join, _hex(rng, 64).upper())
        m.subject = summary
        m.rcpt = deliver.choice(m.to)[1]
        if rng.random() < 0.4:
            m.attach.append(("application/ics", "invite.ics", m.ics.encode()))
    return m


_HR: list[dict] = [
    {
        "from_role": "hr",
        "to": ["allstaff"],
        "subject": "Pension re-enrolment - what you need to know",
        "body": "Hi all,\n\nEvery three years we are legally required to re-enrol eligible staff who have opted out of the company pension scheme. Our re-enrolment date is {due}.\n\nIf you previously opted out and are eligible, you'll be put back into the NEST scheme from that date and you'll receive a letter from NEST. You can opt out again if you wish, but you must do so through NEST within one month - please don't send opt-out forms to me.\n\nAs a reminder, the company contributes 5% and you contribute 3% of qualifying earnings.\n\nAny questions, pop in or drop me an email.\n\nLouise",
    },
    {
        "from_role": "hr",
        "to": ["allstaff"],
        "subject": "Payslips for {month} are now on BrightPay Connect",
        "body": "Hi everyone,\n\nYour payslips for {month} are now available on BrightPay Connect. Pay day is {due}.\n\nIf you've forgotten your password, use 'Forgot password' on the login page - HR can't reset it for you.\n\nP60s for last tax year are also available in the Documents section.\n\nThanks,\nLouise",
        "sig": False,
    },
    {
        "from": ("BrightPay Connect", "noreply@brightpayconnect.co.uk"),
        "via": ("esp", "sendgrid", "none", "em"),
        "to": ["eng", "stores", "apprentice", "design", "office"],
        "subject": "Your payslip is available",
        "brand": "BrightPay Connect",
        "colour": "#00a0df",
        "blocks": [
            "Hi {first},",
            "Calder & Finch Engineering Ltd has published a new payslip for you. Log in to view it.",
            ("btn", "View payslip", "https://calderfinch.brightpayconnect.co.uk/"),
            "Please do not reply to this email.",
        ],
        "footer": ["BrightPay Connect is a service of Thesaurus Software Ltd."],
    },
    {
        "from": ("BreatheHR", "notifications@breathehr.com"),
        "via": ("esp", "postmark", "none"),
        "to": ["eng", "design", "stores", "sales", "quality"],
        "subject": "Your holiday request has been approved",
        "brand": "Breathe",
        "colour": "#6c2f9d",
        "vars": {
            "hol": [
                "Mon 4 Aug - Fri 15 Aug",
                "Wed 24 Dec - Fri 2 Jan",
                "Fri 30 May (half day)",
                "Mon 13 Apr - Thu 16 Apr",
            ]
        },
        "blocks": [
            "Hi {first},",
            "Good news - your holiday request ({hol}) has been approved by {col}.",
            ("btn", "View in Breathe", "https://calderfinch.breathehr.com/absences"),
            "Remaining allowance this year: {days} days.",
        ],
        "footer": ["Breathe - HR software for small businesses"],
    },
    {
        "from_role": "hr",
        "to": ["allstaff"],
        "subject": "Holiday booking for Christmas shutdown and next year's allowance",
        "body": "Hi all,\n\nA few reminders on holiday:\n\n- The works will close from 24 December and reopen on 2 January. Three days of your allowance are held for the shutdown as usual.\n- Any remaining holiday must be booked in Breathe by the end of November. Carry-over is capped at 5 days.\n- Please check with your manager before booking flights.\n\nThanks,\nLouise",
    },
    {
        "from_role": "hr",
        "to": ["allstaff"],
        "subject": "Welcome {ext_first} to the design team",
        "body": "Hi all,\n\nPlease join me in welcoming {ext}, who joins us on Monday as a Graduate Design Engineer working with Amira. {ext_first} has just finished a Masters at Sheffield and spent a year in industry at a hydraulics firm.\n\nIf you see a new face in the design office, do say hello!\n\nLouise",
    },
]

_IT: list[dict] = [
    {
        "from_role": "it",
        "to": ["eng", "design", "sales", "stores", "accounts", "apprentice"],
        "subject": "Your password expires in {days} days",
        "body": "Hi {first},\n\nYour Calder & Finch network password will expire in {days} days. Please change it before then, otherwise you won't be able to log in to your laptop or email.\n\nOn a company laptop: press Ctrl+Alt+Del and choose 'Change a password'.\nFrom anywhere else: https://mysignins.microsoft.com/security-info\n\nYour new password must be at least 14 characters. A phrase of three or four random words works well.\n\nIf you get stuck, ring me on ext. 2210 - never give your password to anyone, including me.\n\nNikhil\nIT",
        "sig": False,
    },
    {
        "from_role": "it",
        "to": ["allstaff"],
        "subject": "Action required: set up Microsoft Authenticator by {due}",
        "body": "Hi all,\n\nAs announced at the team meeting, we're switching on multi-factor authentication (MFA) for all Microsoft 365 accounts. From {due}, you'll be asked to approve sign-ins with the Microsoft Authenticator app on your phone.\n\nWhat you need to do before then (about 10 minutes):\n\n1. Install Microsoft Authenticator from the App Store or Google Play.\n2. On your PC, go to https://aka.ms/mfasetup and sign in with your work account.\n3. Follow the steps to scan the QR code with the app.\n\nIf you don't have a work phone and don't want the app on your personal phone, let me know and I'll issue you a hardware token.\n\nImportant: only approve a sign-in prompt if YOU are signing in at that moment. If you get a prompt out of the blue, deny it and tell IT.\n\nThanks,\nNikhil",
        "attach": ["MFA setup guide.pdf"],
    },
    {
        "from_role": "it",
        "to": ["allstaff"],
        "subject": "Phishing awareness bulletin: recent lures seen at Calder & Finch",
        "body": 'Hi all,\n\nOur mail filter stopped a wave of phishing emails this month. Here are real examples of lines used, so you know what to look for:\n\n  "Your mailbox has exceeded its storage limit. Click here to verify your account within 24 hours or it will be suspended."\n  "Please find attached the remittance advice for your outstanding invoice" (from someone we don\'t deal with)\n  "I\'m in a meeting and can\'t talk - can you buy some gift cards for a client? I\'ll reimburse you today."\n  "Our bank details have changed, please update your records and make this week\'s payment to the new account."\n  "Your DPD parcel could not be delivered, pay the £1.45 redelivery fee here."\n\nRemember:\n- Hover over links before clicking. Check where they really go.\n- Any change of bank details must be verified by phone on a number we already hold. No exceptions.\n- Helen will never ask you to buy gift cards.\n- If in doubt, use the \'Report\' button in Outlook or forward to it@calderfinch.co.uk.\n\nThanks for staying alert - three of you reported the gift card one within minutes.\n\nNikhil',
    },
    {
        "from_role": "it",
        "to": ["allstaff"],
        "subject": "Planned maintenance: server and Wi-Fi outage Saturday",
        "body": "Hi all,\n\nThis Saturday from 08:00 to around 13:00 the file server, the shop-floor Wi-Fi and the VPN will be unavailable while we install updates and replace the core switch.\n\nEmail, Teams and SharePoint are not affected.\n\nPlease save your work and log off (don't just lock) on Friday evening.\n\nNikhil",
        "sig": False,
    },
    {
        "from": ("Microsoft 365 Message center", "o365mc@microsoft.com"),
        "via": (
            "svc",
            "mail-dm3nam02on2115.outbound.protection.outlook.com",
            "40.107.95",
            "reject",
            "microsoft.com",
            "selector2",
            "outlook",
        ),
        "to": ["it"],
        "subject": "Weekly digest: Microsoft service updates",
        "brand": "Microsoft 365",
        "colour": "#0078d4",
        "blocks": [
            ("h", "Message center weekly digest"),
            "Calder & Finch Engineering Ltd",
            (
                "item",
                "(Updated) Retirement of legacy MFA and SSPR policies",
                "Action required by September 30",
                "https://admin.microsoft.com/AdminPortal/home#/MessageCenter/:/messages/MC{n6}",
                "View message",
            ),
            (
                "item",
                "Microsoft Teams: New meeting recap experience",
                "Plan for change",
                "https://admin.microsoft.com/AdminPortal/home#/MessageCenter/:/messages/MC{n6}",
                "View message",
            ),
        ],
        "footer": ["Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA"],
    },
    {
        "from": ("Microsoft 365 Defender", "o365mc@microsoft.com"),
        "via": (
            "svc",
            "mail-co1nam11on2101.outbound.protection.outlook.com",
            "40.107.220",
            "reject",
            "microsoft.com",
            "selector2",
            "outlook",
        ),
        "to": ["it"],
        "subject": "Informational-severity alert: Email reported by user as malware or phish",
        "brand": "Microsoft 365 Defender",
        "colour": "#0078d4",
        "blocks": [
            "An informational-severity alert has been triggered",
            (
                "kv",
                [
                    ("Alert", "Email reported by user as malware or phish"),
                    ("Severity", "Informational"),
                    ("Time", "{when}"),
                    ("User", "{col_email}"),
                ],
            ),
            ("btn", "View alert", "https://security.microsoft.com/alerts/{uuid}"),
            "Thank you,\nThe Office 365 Team",
        ],
        "footer": ["Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA"],
    },
]

_FACILITIES: list[dict] = [
    {
        "from_role": "office",
        "to": ["allstaff"],
        "subject": "Fire alarm test and evacuation drill - {due}",
        "body": "Hi all,\n\nThe fire alarm will be tested at 10:30 on {due} and we'll do a full evacuation drill straight after. Please leave by the nearest exit and go to the assembly point in the front car park. Fire marshals, high-vis on please.\n\nVisitors and contractors on site must be escorted.\n\nThanks,\nJanet",
    },
    {
        "from_role": "office",
        "to": ["allstaff"],
        "subject": "Car park resurfacing - please park on Calder Street next week",
        "body": "Morning all,\n\nThe contractors will be resurfacing the main car park from Monday to Wednesday next week. Please park on Calder Street or at the rugby club (they've kindly agreed). Deliveries will use the side gate.\n\nSorry for the inconvenience!\n\nJanet",
    },
    {
        "from_role": "md",
        "to": ["allstaff"],
        "subject": "Good news - Marsden Rail framework awarded",
        "body": "Hi everyone,\n\nI'm delighted to let you know that we've been awarded a place on the Marsden Rail fabrication framework for the next three years. This is the result of a lot of hard work by Rachel, Owen and the whole team on the tender, and of the quality of work the shop has delivered for them over the past two years.\n\nThere'll be cake in the canteen on Friday.\n\nThank you all,\nHelen",
        "sig": False,
    },
    {
        "from_role": "office",
        "to": ["allstaff"],
        "subject": "Christmas party - please reply by {due}",
        "body": "Hi all,\n\nThe Christmas party will be on Friday 12 December at the Shibden Mill Inn, 7pm for 7:30. Partners welcome. Menu choices attached - please reply to me with your choices by {due}.\n\nThe company will cover the meal and a drinks allowance, and minibuses back to Elland and Halifax at 11:30.\n\nJanet",
        "attach": ["Christmas menu.docx"],
    },
    {
        "from_role": "quality",
        "to": ["allstaff"],
        "subject": "ISO 9001 surveillance audit - {due}",
        "body": "Hi all,\n\nOur BSI surveillance audit is on {due}. The auditor will visit the shop floor, stores, purchasing and the design office.\n\nPlease make sure work instructions at your station are the current revision, calibration labels are in date, and the 5S areas are tidy. If you're asked a question you don't know the answer to, it's fine to say so and point them to me.\n\nFiona",
        "attach": ["Audit plan.pdf"],
    },
    {
        "from_role": "fd",
        "to": ["allstaff"],
        "subject": "Expenses: new process from {month}",
        "body": "Hi all,\n\nFrom this month expenses will be submitted through Xero Expenses rather than the spreadsheet. Photograph your receipt in the app and submit; your manager approves and it'll be paid with your next salary.\n\nGuide attached. Any receipts already on the spreadsheet, please get them to Priya by Friday.\n\nMartin",
        "attach": ["Xero Expenses guide.pdf"],
    },
]

_CALENDAR: list[dict] = [
    {
        "from_role": "pm",
        "to": ["eng", "design", "ops"],
        "attendees": ["eng", "design", "ops", "quality"],
        "subject": "x",
        "invite": ("{job} design review", "Meeting Room 2 / Microsoft Teams Meeting", 60),
        "body": "Hi all,\n\nDesign review for {job} ahead of release to manufacture. Please review the GA and the risk register beforehand.\n\nOwen",
    },
    {
        "from_role": "md",
        "to": ["fd", "ops", "sales"],
        "attendees": ["fd", "ops", "sales", "pm"],
        "subject": "x",
        "invite": ("Monthly management meeting", "Boardroom", 90),
        "body": "Agenda to follow. Please have your KPI sheets updated by the day before.\n\nHelen",
    },
    {
        "from_role": "sales",
        "to": ["md", "eng"],
        "attendees": ["md", "eng"],
        "subject": "x",
        "invite": (
            "Ryedale Foods - site visit",
            "Ryedale Foods, Norton Grove Industrial Estate, Malton YO17 9HQ",
            180,
        ),
        "body": "Site visit to look at the conveyor transfer platform. Safety boots and hi-vis needed; we'll do their induction on arrival. I'll drive - leaving Elland at 8.",
    },
    {
        "from_role": "hr",
        "to": ["allstaff"],
        "attendees": ["eng", "eng2", "design", "stores", "apprentice", "quality"],
        "subject": "x",
        "invite": ("Manual handling refresher training", "Canteen", 120),
        "body": "Hi all,\n\nMandatory refresher training, delivered by Calder Safety Training. Please make sure your line manager knows you'll be off the floor.\n\nLouise",
    },
    {
        "from_role": "it",
        "to": ["allstaff"],
        "attendees": ["office", "accounts", "sales", "hr", "credit"],
        "subject": "x",
        "invite": ("MFA drop-in help session", "Microsoft Teams Meeting", 30),
        "body": "Drop in if you need a hand setting up Microsoft Authenticator. Bring your phone.\n\nNikhil",
    },
    {
        "from_role": "de",
        "to": ["md", "fd", "sales"],
        "attendees": ["md", "fd", "sales"],
        "subject": "x",
        "invite": ("UK/DE quarterly sync", "Microsoft Teams Meeting", 60),
        "body": "Hi Helen, Martin, Rachel,\n\nour quarterly sync: German order book, Hannover Messe, intercompany invoicing.\n\nViele Grüße\nJana",
    },
]


_HR += [
    {
        "from_role": "hr",
        "to": ["eng2", "stores", "apprentice", "design", "quality"],
        "subject": "Your return to work meeting",
        "body": "Hi {first},\n\nWelcome back - hope you're feeling better. Could you pop into the HR office at 10:00 on {due} for a quick return-to-work chat? It's a standard 10-minute conversation we have with everyone after sickness absence, nothing to worry about.\n\nThanks,\nLouise",
    },
    {
        "from_role": "hr",
        "to": ["ops", "pm", "quality", "eng"],
        "subject": "Annual reviews - forms due {due}",
        "body": "Hi {first},\n\nA reminder that annual review forms for your team are due back to me by {due}. The form is attached; please make sure objectives for next year are SMART and signed by both of you.\n\nIf anyone's review needs to slip because of holiday, just let me know.\n\nLouise",
        "attach": ["Annual review form {year}.docx"],
    },
    {
        "from": ("NEST Pensions", "nestpensions@email.nestpensions.org.uk"),
        "via": ("esp", "ses", "quarantine", "email"),
        "to": ["hr"],
        "subject": "Contribution schedule for {month} is ready",
        "brand": "NEST",
        "colour": "#6d2077",
        "blocks": [
            "Dear {first},",
            "The contribution schedule for Calder & Finch Engineering Ltd for the pay period {month} is now ready. Please check it and submit payment details by the 22nd of next month.",
            (
                "btn",
                "Log in to Nest",
                "https://www.nestpensions.org.uk/schemeweb/NestWeb/public/home/contents/homepage.html",
            ),
            "Nest Pensions",
        ],
        "footer": ["National Employment Savings Trust, 10 South Colonnade, Canary Wharf, London E14 4PU"],
    },
]

_IT += [
    {
        "from_role": "it",
        "to": ["sales", "pm", "fd", "md"],
        "subject": "Your new laptop is ready for collection",
        "body": "Hi {first},\n\nYour replacement laptop is set up and ready. Please bring your old one to the IT office any time after 2pm on {due} and I'll transfer your files and check Outlook and Teams are working before you go.\n\nNikhil",
        "sig": False,
    },
    {
        "from_role": "it",
        "to": ["accounts", "credit", "fd"],
        "subject": "Reported email - thank you (it was genuine)",
        "body": "Hi {first},\n\nThanks for reporting the email from GoCardless about the upcoming Direct Debit. I've checked it and it's genuine - it came from GoCardless's real systems and the details match the mandate we set up with Sage.\n\nPlease keep reporting anything you're unsure of; much better to check than not.\n\nNikhil",
        "sig": False,
    },
]

_FACILITIES += [
    {
        "from_role": "office",
        "to": ["md", "ops", "fd", "sales"],
        "subject": "Visitors on site {due} - Ryedale Foods",
        "body": "Hi {first},\n\nJust to let you know we've got four visitors from Ryedale Foods arriving at 9:30 on {due}. I've booked the boardroom and ordered lunch for 8. Can someone let me know if anyone has dietary requirements?\n\nJanet",
    },
    {
        "from_role": "stores",
        "to": ["eng", "eng2", "ops", "apprentice"],
        "subject": "PPE stock - new gloves and safety glasses in",
        "body": "Morning,\n\nNew stock of cut-resistant gloves (level C) and anti-fog safety glasses has arrived. Please come to stores to swap your old ones - sign the PPE log as usual.\n\nLee",
        "sig": False,
    },
]


_CLIENTS += [
    {
        "from_role": ["sales", "md"],
        "to": ["pm", "design", "eng"],
        "subject": "FW: {job} - revised programme",
        "vars": {
            "client": [
                "Hamish Drummond <hamish.drummond@ryedalefoods.co.uk>",
                "Nadia Qureshi <nadia.qureshi@marsdenrail.co.uk>",
                "Callum Reid <callum.reid@eastfieldprocess.co.uk>",
            ]
        },
        "body": "{first} - see below from the client. Can you check the new dates work with the shop loading and let me know before I reply? The install week is the key one.\n\nThanks\n{sfirst}\n\n________________________________\nFrom: {client}\nSent: {date} 08:12\nTo: {name_s} <{email_s}>\nSubject: {job} - revised programme\n\nMorning,\n\nAttached is our revised programme. Civils have slipped by a week so we'd like to push your delivery and install back by the same. Commissioning would then be the week after.\n\nCan you confirm this works your end?\n\nRegards",
        "attach": ["{job} Programme rev 4.pdf"],
    },
]

_SUPPLIERS += [
    {
        "from_role": ["buyer"],
        "to": ["accounts", "fd"],
        "subject": "FW: Change of bank details - Hebden Steel Stockholders",
        "body": "Hi {first},\n\nForwarding for your records. I rang Aoife at Hebden on the number from our supplier file (01422 845 600, not the one in the letter) and she confirmed the change verbally - note of the call attached. OK to update the supplier record from the date they give.\n\n{sfirst}\n\n-----Original Message-----\nFrom: Aoife Brennan <aoife.brennan@hebdensteel.co.uk>\nSent: {date} 11:40\nTo: Purchasing <purchasing@calderfinch.co.uk>\nSubject: Change of bank details - Hebden Steel Stockholders\n\nDear Customer,\n\nPlease note our bank details will change from the 1st of next month. Our signed letter is attached. Please call our accounts office on our usual number to confirm before updating your records.\n\nKind regards\nAoife Brennan\nFinancial Controller",
        "attach": ["Hebden Steel - bank details letter.pdf", "Call note {dmy_s}.docx"],
    },
]


# == 22. mailing lists ============================================================================

_LISTS: list[dict] = [
    {
        "kind": "mailman",
        "list": "yorkshire-makers",
        "host": "lists.yorkshiremakers.org.uk",
        "title": "Yorkshire Makers Network",
        "author": ("Pete Holroyd", "pete@holroyd-engineering.co.uk"),
        "subject": "Anyone recommend a local powder coater?",
        "body": "Morning all,\n\nOur usual powder coater in Brighouse has shut up shop. Can anyone recommend somebody within 20 miles of Halifax who can handle 3 m long frames and does RAL matching without a huge minimum charge?\n\nCheers\nPete",
    },
    {
        "kind": "mailman",
        "list": "yorkshire-makers",
        "host": "lists.yorkshiremakers.org.uk",
        "title": "Yorkshire Makers Network",
        "author": ("Sarah Illingworth", "sarah.i@illingworthcontrols.co.uk"),
        "subject": "Re: Anyone recommend a local powder coater?",
        "reply": True,
        "body": "Hi Pete,\n\nWe use Ovenden Coatings, they've been good on turnaround. Ask for Gary.\n\nSarah\n\n> Our usual powder coater in Brighouse has shut up shop. Can anyone recommend\n> somebody within 20 miles of Halifax",
    },
    {
        "kind": "mailman",
        "list": "uk-weld-engineers",
        "host": "lists.weldforum.org.uk",
        "title": "UK Weld Engineers",
        "author": ("Dr Ian Mabbott", "i.mabbott@tees-inspection.co.uk"),
        "subject": "BS EN ISO 15614-1 re-qualification after changing filler",
        "body": "Hello list,\n\nQuick sanity check: if we change filler wire manufacturer but keep the same classification (ISO 14341-A G 42 4 M21 3Si1), is that an essential variable needing a new WPQR? Our reading says no for most materials groups but the client's inspector disagrees.\n\nRegards\nIan",
    },
    {
        "kind": "google",
        "list": "calder-valley-manufacturers",
        "title": "Calder Valley Manufacturers",
        "author": ("Mark Greenwood", "mark@greenwoodplastics.co.uk"),
        "subject": "Apprenticeship open evening - stands available",
        "body": "Hi everyone,\n\nCalderdale College are running an apprenticeship open evening on the 18th and have a few free stands for local employers. Last year we got two excellent apprentices out of it. Email Claire at the college if you want one.\n\nMark",
    },
    {
        "kind": "google",
        "list": "freecad-uk",
        "title": "FreeCAD UK Users",
        "author": ("Tom Allsop", "tallsop@gmail.com"),
        "subject": "TechDraw: GD&T symbols not exporting to DXF",
        "body": "Has anyone found a workaround for the GD&T frames disappearing when exporting TechDraw pages to DXF in 1.0? PDF is fine.\n\nThanks, Tom",
    },
    {
        "kind": "groupsio",
        "list": "cnc-machinists-uk",
        "title": "CNC Machinists UK",
        "author": ("Gavin Tordoff", "gavin.tordoff@btinternet.com"),
        "subject": "Haas VF-2 spindle warm-up program",
        "body": "Afternoon all,\n\nAnyone willing to share the warm-up program they run on a VF-2 first thing? Ours has a 20 min one from the dealer but I reckon it's overkill for a 8100 rpm spindle.\n\nGav",
    },
    {
        "kind": "groupsio",
        "list": "cnc-machinists-uk",
        "title": "CNC Machinists UK",
        "author": ("Lukas Nowak", "lukas@nowak-precision.co.uk"),
        "subject": "Re: Haas VF-2 spindle warm-up program",
        "reply": True,
        "body": "We run 10 mins stepping 1000/3000/6000/8000 rpm. Never had an issue in 9 years.\n\nLukas",
    },
]


def _list_msg(rng: random.Random, t: dict, dt: datetime | None = None) -> M:
    dt = dt or _pick_dt(rng, office=rng.random() < 0.7)
    role = rng.choice(["eng", "eng2", "design", "ops", "md", "it"])
    rcpt = _p(role)[1]
    aname, aaddr = t["author"]
    kind = t["kind"]
    name = t["list"]
    footer = ""
    if kind == "mailman":
        host = t["host"]
        laddr = f"{name}@{host}"
        frm = (f"{aname} via {t['title']}", laddr)
        r = _own(
            rng,
            "smtp",
            laddr,
            dt,
            rcpt,
            p="none",
            host=host,
            mailfrom=f"{name}-bounces+{rcpt.replace('@', '=')}@{host}",
            sel="mailman",
            boundary="python",
            zone="uk",
        )
        r.dkim = [("fail", _org_dom(_dom(aaddr)), "default"), ("pass", _org_dom(host), "mailman")]
        r.mid = f"<{_hex(rng, 16)}.{_hex(rng, 8)}@{_dom(aaddr)}>"
        subj = f"[{t['title'].split()[0]}] {t['subject']}"
        hdrs = [
            ("Reply-To", _addr(aname, aaddr)),
            ("X-Mailman-Version", "3.3.9"),
            ("Precedence", "list"),
            ("List-Id", f"{t['title']} <{name}.{host}>"),
            ("Archived-At", f"<https://{host}/archives/list/{laddr}/message/{_tok(rng, 26, _UP)}/>"),
            ("List-Archive", f"<https://{host}/archives/list/{laddr}/>"),
            ("List-Help", f"<mailto:{name}-request@{host}?subject=help>"),
            ("List-Owner", f"<mailto:{name}-owner@{host}>"),
            ("List-Post", f"<mailto:{laddr}>"),
            ("List-Subscribe", f"<mailto:{name}-join@{host}>"),
            ("List-Unsubscribe", f"<mailto:{name}-leave@{host}>"),
        ]
        footer = f"_______________________________________________\n{t['title']} mailing list -- {laddr}\nTo unsubscribe send an email to {name}-leave@{host}"
    elif kind == "google":
        laddr = f"{name}@googlegroups.com"
        frm = (f"'{aname}' via {t['title']}", laddr)
        r = _own(rng, "google", laddr, dt, rcpt, p="none", mailfrom="googlegroups.com", sel="20230601")
        r.return_path = f"<{name}+bncBD{_tok(rng, 40, _UP + '2345')}@googlegroups.com>"
        r.spf = ("pass", "googlegroups.com")
        r.dkim = [("pass", "googlegroups.com", "20230601")]
        r.arc = "arc=pass (i=1 spf=pass spfdomain=" + _dom(aaddr) + " dkim=pass dkdomain=" + _dom(aaddr) + ")"
        r.mid = f"<{_uuid(rng)}n@googlegroups.com>"
        subj = t["subject"]
        hdrs = [
            ("Reply-To", _addr(aname, aaddr)),
            ("X-Original-Sender", aaddr),
            (
                "X-Original-Authentication-Results",
                f"gmr-mx.google.com;{CRLF}\tspf=pass smtp.mailfrom={aaddr}",
            ),
            ("Precedence", "list"),
            ("Mailing-list", f"list {laddr}; contact {name}+owners@googlegroups.com"),
            ("List-ID", f"<{name}.googlegroups.com>"),
            ("X-Spam-Checked-In-Group", f"{laddr}"),
            ("X-Google-Group-Id", _dig(rng, 12)),
            ("List-Post", f"<https://groups.google.com/group/{name}/post>, <mailto:{laddr}>"),
            ("List-Help", f"<https://groups.google.com/support/>, <mailto:{name}+help@googlegroups.com>"),
            ("List-Archive", f"<https://groups.google.com/group/{name}/>"),
            (
                "List-Unsubscribe",
                f"<mailto:googlegroups-manage+{_dig(rng, 12)}+unsubscribe@googlegroups.com>,{CRLF}\t<https://groups.google.com/group/{name}/subscribe>",
            ),
        ]
        footer = (
            f'--\nYou received this message because you are subscribed to the Google Groups "{t["title"]}" group.\n'
            f"To unsubscribe from this group and stop receiving emails from it, send an email to {name}+unsubscribe@googlegroups.com.\n"
            f"To view this discussion visit https://groups.google.com/d/msgid/{name}/{r.mid[1:-1]}."
        )
    else:
        laddr = f"main@{name}.groups.io"
        frm = (f"{aname} via groups.io", f"{aaddr.replace('@', '=')}@groups.io")
        r = _own(
            rng,
            "smtp",
            laddr,
            dt,
            rcpt,
            p="none",
            host=f"mail{rng.randint(2, 9)}.groups.io",
            mailfrom=f"bounce+{_hex(rng, 6)}+{rng.randint(10**5, 10**6)}+{rng.randint(10**6, 10**7)}+{rng.randint(10**6, 10**7)}@groups.io",
            ip=_ip(rng, "66.175.222"),
            sel="20240206",
            boundary="python",
            zone="utc",
        )
        r.spf = ("pass", "groups.io")
        r.dkim = [("pass", "groups.io", "20240206")]
        r.mid = f"<{_tok(rng, 8)}.{rng.randint(1000, 9999)}.{rng.randint(10**6, 10**7)}@groups.io>"
        subj = f"[{name}] {t['subject']}"
        hdrs = [
            ("Reply-To", laddr),
            ("Sender", laddr),
            ("List-Id", f"<{name}.groups.io>"),
            ("Mailing-List", f"list {laddr}; contact {name}+owner@groups.io"),
            ("List-Post", f"<mailto:{laddr}>"),
            ("List-Subscribe", f"<mailto:{name}+subscribe@groups.io>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            (
                "List-Unsubscribe",
                f"<https://groups.io/g/{name}/leave/{_dig(rng, 8)}/{_tok(rng, 30)}/{_dig(rng, 9)}>",
            ),
            ("Precedence", "Bulk"),
            ("X-Mailer", "groups.io"),
        ]
        footer = (
            f"-=-=-=-=-=-=-=-=-=-=-=-\nGroups.io Links: You receive all messages sent to this group.\n"
            f"View/Reply Online (#{rng.randint(100, 9999)}): https://groups.io/g/{name}/message/{rng.randint(100, 9999)}\n"
            f"Mute This Topic: https://groups.io/mt/{_dig(rng, 9)}/{_dig(rng, 7)}\nGroup Owner: {name}+owner@groups.io\n"
            f"Unsubscribe: https://groups.io/g/{name}/leave/{_dig(rng, 8)}/{_tok(rng, 30)}/xyzzy [{rcpt}]\n-=-=-=-=-=-=-=-=-=-=-=-"
        )
    text = t["body"] + "\n\n" + footer + "\n"
    m = M(
        frm=frm,
        to=[(t["title"], laddr)],
        subject=subj,
        text=text,
        route=r,
        dt=dt,
        cte=rng.choice(("quoted-printable", "7bit", "8bit")),
    )
    m.route.headers += [(k, v) for k, v in hdrs if k != "Reply-To"]
    rt = next((v for k, v in hdrs if k == "Reply-To"), "")
    if rt:
        m.headers.append(("Reply-To", rt))
    if t.get("reply"):
        m.in_reply_to = [f"<{_hex(rng, 16)}@{_dom(aaddr)}>"]
    if kind == "groupsio" and rng.random() < 0.5:
        m.html = _gmail_html(text)
    m.to = [(t["title"], laddr)]
    m.headers.append(("X-Delivered-To-Member", rcpt))
    m.rcpt = rcpt
    return m


# == 23. cold sales outreach ======================================================================

CORR.update(
    {
        "leanops": Corr(
            "LeanOps Digital Ltd",
            "leanops-digital.co.uk",
            ["Josh Carver"],
            "0161 850 3321",
            "google",
            "none",
            "Express Networks, 1 George Leigh Street, Manchester M4 5DL",
        ),
        "voltwise": Corr(
            "Voltwise Energy Brokers",
            "voltwise-energy.co.uk",
            ["Kelly Ormerod"],
            "01274 900 512",
            "m365",
            "",
            "Valley Road, Bradford BD1 4RU",
            "Voltwise Energy Brokers Ltd. Registered in England 11827364.",
        ),
        "rdclaim": Corr(
            "Ashby R&D Tax Partners",
            "ashbyrdtax.co.uk",
            ["Daniel Ashby"],
            "0114 303 7710",
            "google",
            "quarantine",
            "Kelham Island, Sheffield S3 8SD",
        ),
        "fastlaser": Corr(
            "Fenwick Laser & Fold",
            "fenwicklaser.co.uk",
            ["Liam Fenwick"],
            "01924 377 905",
            "smtp",
            "",
            "Thornhill Road, Dewsbury WF12 9QE",
            "",
            "windows-1252",
        ),
        "seoeng": Corr(
            "Engineered Growth Marketing",
            "engineeredgrowth.io",
            ["Priyanka Bose"],
            "020 3807 4410",
            "google",
            "none",
            "Remote-first, London",
        ),
    }
)

_COLD: list[dict] = [
    {
        "corr": "leanops",
        "to": ["ops", "md"],
        "title": "Founder",
        "subject": "{first}, quick question about OEE at Calder & Finch",
        "body": "Hi {first},\n\nI noticed Calder & Finch have been hiring CNC operators - congrats on the growth.\n\nQuick question: how are you tracking machine utilisation on the shop floor today? Most fabricators we speak to are still on whiteboards and spreadsheets, and are surprised to find their real OEE is under 50%.\n\nWe fit clip-on sensors to any machine (no PLC integration) and you get a live dashboard within a day. A Bradford fabricator found 6 hours of hidden capacity a week on their press brake.\n\nWorth a 15-minute call next week? Here's my calendar: https://calendly.com/leanops-josh/15min\n\nBest,\nJosh\n\nP.S. If this isn't relevant, just reply 'no' and I won't follow up.",
    },
    {
        "corr": "voltwise",
        "to": ["fd", "md", "office"],
        "title": "Senior Energy Consultant",
        "subject": "Your business electricity contract - renewal window now open",
        "body": "Dear {first},\n\nI'm getting in touch because businesses of your size in Elland typically have energy contracts renewing in the next 6 months, and wholesale prices are currently 18% below last year's peak.\n\nWe compare 25+ suppliers and handle the switch for you at no cost - we're paid a commission by the supplier, which is disclosed on every quote.\n\nIf you can send me a recent bill (or just your MPAN and renewal date), I'll come back with a comparison within 48 hours.\n\nKind regards,\nKelly",
    },
    {
        "corr": "rdclaim",
        "to": ["fd", "md"],
        "title": "Director",
        "subject": "R&D tax relief for bespoke engineering work",
        "body": "Hi {first},\n\nMany engineering firms doing bespoke design work don't realise it can qualify for R&D tax relief under the merged scheme - especially where you've solved technical uncertainties for a client.\n\nWe've helped 60+ Yorkshire manufacturers claim an average of £38k. We work on a success fee and our claims are prepared by chartered tax advisers (and we follow HMRC's guidance on the new additional information form).\n\nWould it be useful to have a no-obligation 20-minute chat to see if you'd qualify?\n\nBest regards,\nDaniel Ashby CTA",
    },
    {
        "corr": "fastlaser",
        "to": ["buyer", "ops"],
        "title": "Sales",
        "subject": "Laser cut & folded parts in 3 days - local to you",
        "body": "Hello {first},\n\nWe're a family-run laser cutting and folding company in Dewsbury, 15 minutes from you. We've just installed a 12 kW fibre laser and a 4 m press brake and have capacity for new customers.\n\n- Mild steel up to 25 mm, stainless up to 20 mm, aluminium up to 15 mm\n- 3-day turnaround on most jobs, same day for urgent work\n- Our own van, free delivery within 20 miles\n\nSend your DXFs over for a quote - price list attached. Happy to pop in with some samples.\n\nRegards\nLiam Fenwick",
        "attach": ["Fenwick Laser price guide {year}.pdf"],
    },
    {
        "corr": "seoeng",
        "to": ["sales", "md"],
        "title": "Growth Lead",
        "subject": "Re: calderfinch.co.uk - 3 quick wins",
        "body": "Hi {first},\n\nFollowing up on my note last week. I ran a quick audit of calderfinch.co.uk and spotted three things that are probably costing you enquiries:\n\n1. Your service pages don't rank for 'steel fabrication Halifax' (you're on page 3).\n2. The contact form has no confirmation, so people may submit twice - or not at all.\n3. Mobile page speed is 38/100.\n\nI recorded a 4-minute Loom walking through it: https://www.loom.com/share/{hex}\n\nWorth a chat?\n\nPriyanka",
    },
]


# == 24. forwarded mail: SPF (and sometimes DKIM) broken on the way ==================================

_FORWARDED: list[dict] = [
    {
        "corrs": ["ryedale", "marsden", "eastfield"],
        "auth": "fwd",
        "to": ["pm", "sales", "eng"],
        "title": "Engineering Manager",
        "subject": "Shutdown dates confirmed",
        "body": "Hi {first},\n\nConfirming our summer shutdown runs {date} for two weeks. Your team will have the area from the Monday at 07:00 once we've isolated the line.\n\nRegards,\n{pfirst}",
    },
    {
        "corrs": ["harrowgate", "pennine", "hebden"],
        "auth": "fwd-dkim",
        "to": ["buyer", "stores"],
        "title": "Sales Office",
        "subject": "Order acknowledgement {po}",
        "body": "Hi {first},\n\nThanks for order {po}, acknowledged and booked in for delivery on {due}.\n\nRegards,\n{pfirst}",
        "attach": ["Order Acknowledgement {po}.pdf"],
    },
    {
        "corrs": ["tennant", "dyfed"],
        "auth": "fwd",
        "to": ["md", "pm"],
        "title": "Director",
        "subject": "Photos from site",
        "body": "Hi {first}, a few photos from this morning attached. The steel looks great.\n\nThanks\n{pfirst}",
        "attach": ["IMG_{n4}.png"],
    },
    {
        "corrs": ["becker", "vandijk"],
        "auth": "fwd-dkim",
        "to": ["de", "buyer"],
        "title": "Sales",
        "subject": "Delivery note {n6}",
        "body": "Dear {first},\n\nplease find attached the delivery note for your order {po}. The goods left our warehouse today.\n\nBest regards\n{person}",
        "attach": ["Lieferschein_{n6}.pdf"],
    },
]

_FORWARDED_NOTICES: list[dict] = [
    {**_SECURITY[2], "auth": "fwd"},
    {**_INVOICES[4], "auth": "fwd"},
    {**_DELIVERY[2], "auth": "fwd-dkim"},
    {**_NEWS_SUPPLIERS[1], "auth": "fwd-dkim"},
]


# == 25. small senders: no DMARC, softfail, temperror ===============================================

_SMALL: list[dict] = [
    {
        "corrs": ["wharfedale", "fastlaser"],
        "auth": "nodmarc",
        "to": ["pm", "buyer"],
        "title": "Office",
        "subject": "Invoice {n4} attached",
        "body": "Hi {first}\n\nPlease find attached invoice {n4} for £{amount}. Payment within 30 days please - bank details on the invoice as usual.\n\nThanks\n{pfirst}",
        "attach": ["Invoice {n4}.pdf"],
    },
    {
        "corrs": ["hebden"],
        "auth": "softfail",
        "to": ["buyer", "accounts"],
        "title": "Sales",
        "subject": "Price increase from 1st of the month",
        "body": "Dear Customer,\n\nDue to continuing increases in mill prices and haulage costs, our prices for hot-rolled sections and plate will increase by 4% from the 1st of next month. Orders placed before then will be honoured at current prices.\n\nThank you for your continued support.\n\n{pfirst}",
        "attach": ["Price list {mon}.xlsx"],
    },
    {
        "corrs": ["brighouse", "dyfed", "pennine"],
        "auth": "temperror",
        "to": ["ops", "pm", "buyer"],
        "title": "Director",
        "subject": "Can you call me re {job}?",
        "body": "{first}, can you give me a call when you get a minute re {job}. Nothing urgent, just want to talk through the finish on the brackets.\n\n{pfirst}",
    },
    {
        "corrs": ["hebden", "fastlaser"],
        "auth": "softfail",
        "to": ["eng", "quality"],
        "title": "Office",
        "subject": "Mill certs for {po}",
        "body": "Hi {first},\n\nMill certificates for {po} attached (3.1 to EN 10204).\n\nRegards\n{pfirst}",
        "attach": ["Mill certs {po}.pdf"],
    },
]

_SMALL_NOTICES: list[dict] = [
    {
        "from": ("Calderdale Chamber of Commerce", "events@calderdalechamber.org.uk"),
        "via": ("svc", "server42.ukhost4u.com", "185.151.30", "", "", "", "php"),
        "auth": "nodmarc",
        "to": ["md", "sales"],
        "subject": "Business breakfast: Exporting to the EU after the reset - book now",
        "brand": "Calderdale Chamber",
        "colour": "#7a1f3d",
        "bulk": True,
        "blocks": [
            "Dear Member,",
            "Join us for our next business breakfast on {due} at The Shay, Halifax, 7:30-9:30am. Our speaker will cover customs, rules of origin and the new SPS arrangements.",
            (
                "btn",
                "Book your place (members £18)",
                "https://www.calderdalechamber.org.uk/events/breakfast-{n4}",
            ),
        ],
        "footer": ["Calderdale Chamber, Dean Clough, Halifax HX3 5AX"],
    },
    {
        "from": ("Elland Rotary Club", "secretary@ellandrotary.org.uk"),
        "via": ("svc", "mail.ellandrotary.org.uk", "217.160.0", "", "", "", "php"),
        "auth": "temperror",
        "to": ["md", "office"],
        "subject": "Thank you for sponsoring the charity golf day",
        "brand": "Elland Rotary",
        "text_only": True,
        "blocks": [
            "Dear {first},",
            "On behalf of Elland Rotary Club, thank you to Calder & Finch for sponsoring a hole at this year's charity golf day. We raised £6,240 for Overgate Hospice.",
            "A certificate and photos are attached.",
            "With best wishes,\nBrian Sutcliffe\nClub Secretary",
        ],
        "attach": ["Sponsor certificate.pdf"],
    },
]


# -- the set -------------------------------------------------------------------------------------

_TABLES: dict[str, tuple[list[dict], int]] = {
    "account-security": (_SECURITY, 18),
    "saas-billing": (_BILLING, 12),
    "esign-share": (_ESIGN, 14),
    "invoices": (_INVOICES, 18),
    "payments": (_PAYMENTS, 12),
    "credit-control": (_CREDIT, 12),
    "government": (_GOV, 12),
    "banking": (_BANKING, 14),
    "delivery": (_DELIVERY, 18),
    "news-suppliers": (_NEWS_SUPPLIERS, 14),
    "news-software": (_NEWS_SOFTWARE, 12),
    "news-de": (_NEWS_DE, 12),
    "professional": (_PROF, 10),
    "recruiting": (_RECRUIT, 10),
    "support-desk": (_SUPPORT, 10),
    "clients": (_CLIENTS, 18),
    "suppliers": (_SUPPLIERS, 16),
    "hr": (_HR, 14),
    "it": (_IT, 14),
    "facilities": (_FACILITIES, 12),
    "calendar": (_CALENDAR, 12),
    "mailing-lists": (_LISTS, 12),
    "cold-outreach": (_COLD, 10),
    "forwarded": (_FORWARDED + _FORWARDED_NOTICES, 14),
    "small-senders": (_SMALL + _SMALL_NOTICES, 12),
}
FAMILIES: tuple[str, ...] = tuple(_TABLES)


def _make(rng: random.Random, t: dict, dt: datetime | None = None) -> M:
    if "kind" in t:
        return _list_msg(rng, t, dt)
    if "from_role" in t:
        return _staff_msg(rng, t, dt)
    if "corr" in t or "corrs" in t:
        return _letter(rng, t, dt)
    return _notice(rng, t, dt)


def messages(split: str = "test", seed: int = 1) -> list[tuple[str, bytes]]:
    """(name, RFC 5322 bytes) for split "test"; there is no "dev" split (an empty list)."""
    if split == "dev":
        return []
    if split != "test":
        raise ValueError(f"unknown split {split!r}")
    out: list[tuple[str, bytes]] = []
    for family in FAMILIES:
        table, count = _TABLES[family]
        rng = random.Random(f"{seed}:{family}")
        order = list(range(len(table)))
        rng.shuffle(order)
        seen: dict[int, set[str]] = {}
        sent: dict[int, M] = {}  # an all-staff message reaches several mailboxes: same date and Message-ID
        for i in range(count):
            k = order[i % len(order)]
            t = table[k]
            if k in sent and t.get("to") == ["allstaff"]:
                m = _make(rng, t, sent[k].dt)
                m.route.mid = sent[k].route.mid
                pool = [a for _n, a in (m.to if m.ics else [_p(r) for r in STAFF]) if a not in seen[k]]
                if m.rcpt in seen[k] and pool:
                    m.rcpt = rng.choice(pool)
            else:
                m = _make(rng, t)
                sent[k] = m
                seen[k] = set()
            seen[k].add(m.rcpt or m.to[0][1])
            out.append((f"{family}-{i + 1:04d}", _build(rng, m)))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    msgs = messages("test", args.seed)
    counts: dict[str, int] = {}
    for name, _ in msgs:
        fam = name.rsplit("-", 1)[0]
        counts[fam] = counts.get(fam, 0) + 1
    for fam, n in counts.items():
        print(f"{fam:20s} {n:4d}")
    print(f"{'total':20s} {len(msgs):4d}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in msgs:
            (args.out / f"{name}.eml").write_bytes(data)


if __name__ == "__main__":
    main()
