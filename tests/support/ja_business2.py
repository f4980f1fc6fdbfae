"""Second evaluation set of ordinary, legitimate Japanese business mail (ham).

This is the mail a Japanese SME -- the company in ``ja_org`` -- really receives in a few months:
marketing sent through ESPs, invoices and payment notices, notices from its correspondents,
internal circulars, carrier and purchasing notices, IT service mail, mailing lists, person-to-person
threads, PPAP attachments and file-transfer notices, recruiting SaaS and government mail. It is
used to measure how often a phishing analyser wrongly flags real Japanese business mail.

It was written blind, by a different author from the first set (``ja_business.py``), without
reading that set or the analyser. Every sender, brand, number and person is invented, except the
public infrastructure real mail passes through (ESPs, carriers, cloud services, government
portals), whose header and link formats are imitated. Nothing is ever sent or resolved.

Messages are generated from the template tables below; ``messages(seed=n)`` is deterministic.
"""

from __future__ import annotations

import base64
import quopri
import random
import re
import string
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from tests.support import ja_org

JST = timezone(timedelta(hours=9))
PST = timezone(timedelta(hours=-8))
PDT = timezone(timedelta(hours=-7))
ORG = ja_org.ORG_DOMAIN
MX = ja_org.MX_HOST
CRLF = "\r\n"

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_JDOW = "月火水木金土日"
_CODEC = {"ISO-2022-JP": "iso2022_jp", "Shift_JIS": "shift_jis", "UTF-8": "utf-8"}
_B64 = string.ascii_letters + string.digits + "+/"
_URLSAFE = string.ascii_letters + string.digits + "-_"
_HEX = "0123456789abcdef"

# -- who is who ------------------------------------------------------------------------------------

_CORR = {c.domain.split(".")[0]: c for c in ja_org.CORRESPONDENTS}
_ROLE = {
    "ceo": ja_org.CEO,
    "senmu": ja_org.VIPS[1],
    "bucho": ja_org.VIPS[2],
    "keiri": ja_org.STAFF[0],
    "jinji": ja_org.STAFF[1],
    "soumu": ja_org.STAFF[2],
    "joho": ja_org.STAFF[3],
    "eigyo": ja_org.STAFF[4],
}
_SHARED = {
    "info": ("", f"info@{ORG}"),
    "all": ("全社員", f"all@{ORG}"),
    "keiri-ml": ("経理部", f"keiri@{ORG}"),
    "saiyo": ("", f"saiyo@{ORG}"),
    "soumu-ml": ("総務部", f"soumu@{ORG}"),
    "eigyo-ml": ("営業部", f"eigyo@{ORG}"),
}


def _who(role: str) -> tuple[str, str]:
    if role in _SHARED:
        return _SHARED[role]
    p = _ROLE[role]
    return p.name, p.address


# -- small encoders --------------------------------------------------------------------------------


def _tok(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _hex(rng: random.Random, n: int) -> str:
    return _tok(rng, n, _HEX)


def _digits(rng: random.Random, n: int) -> str:
    return _tok(rng, n, string.digits)


def _rfc_date(dt: datetime, style: str = "std") -> str:
    off = dt.utcoffset() or timedelta(0)
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    tz = f"{sign}{abs(mins) // 60:02d}{abs(mins) % 60:02d}"
    day = f"{dt.day}" if style in ("short", "jst", "pst") else f"{dt.day:02d}"
    out = f"{_DAYS[dt.weekday()]}, {day} {_MONTHS[dt.month - 1]} {dt.year} {dt:%H:%M:%S} {tz}"
    if style == "jst":
        out += " (JST)"
    elif style == "pst":
        out += " (PDT)" if mins == -420 else " (PST)"
    elif style == "utc":
        out += " (UTC)"
    return out


def _ew(text: str, charset: str, enc: str = "B") -> list[str]:
    """RFC 2047 encoded words, each at most 75 characters, each self-contained."""
    if text.isascii():
        return [text]
    codec = _CODEC[charset]

    def word(s: str) -> str:
        raw = s.encode(codec)
        if enc == "Q":
            q = "".join(
                chr(b) if chr(b) in string.ascii_letters + string.digits else "_" if b == 32 else f"={b:02X}"
                for b in raw
            )
            return f"=?{charset}?Q?{q}?="
        return f"=?{charset}?B?{base64.b64encode(raw).decode()}?="

    words: list[str] = []
    cur = ""
    for ch in text:
        if cur and len(word(cur + ch)) > 75:
            words.append(word(cur))
            cur = ch
        else:
            cur += ch
    words.append(word(cur))
    return words


def _hval(text: str, charset: str, enc: str = "B") -> str:
    return (CRLF + " ").join(_ew(text, charset, enc))


def _addr(name: str, address: str, charset: str, enc: str = "B") -> str:
    """A mailbox with its display name; a non-ASCII name is encoded one encoded word per
    space-separated token, as Japanese mailers split it."""
    if not name:
        return address
    if name.isascii():
        if re.search(r"[()<>\[\]:;@\\,.\"]", name):
            return '"' + name.replace('"', '\\"') + f'" <{address}>'
        return f"{name} <{address}>"
    words = []
    for token in name.split(" "):
        if token.isascii() and not re.search(r"[()<>\[\]:;@\\,.\"']", token):
            words.append(token)
        elif token.isascii():
            words.append('"' + token.replace('"', '\\"') + '"')
        else:
            words.append(
                _ew(token, charset, enc)[0]
                if len(_ew(token, charset, enc)) == 1
                else _long_ew(token, charset)
            )
    return (CRLF + " ").join(words) + f" <{address}>"


def _long_ew(token: str, charset: str) -> str:
    """One encoded word for a token too long for 75 characters (common in practice)."""
    return f"=?{charset}?B?{base64.b64encode(token.encode(_CODEC[charset])).decode()}?="


def _encode_text(text: str, charset: str, cte: str) -> bytes:
    raw = text.replace("\r\n", "\n").encode(_CODEC[charset])
    if cte in ("7bit", "8bit"):
        if cte == "7bit" and not raw.isascii():
            raise ValueError("7bit body is not 7bit")
        return raw.replace(b"\n", b"\r\n")
    if cte == "base64":
        return base64.encodebytes(raw.replace(b"\n", b"\r\n")).replace(b"\n", b"\r\n")
    if cte == "quoted-printable":
        return quopri.encodestring(raw).replace(b"\n", b"\r\n")
    raise ValueError(cte)


def _b64_block(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


# -- MIME tree -------------------------------------------------------------------------------------


@dataclass
class _Part:
    headers: list[tuple[str, str]]
    body: bytes = b""
    parts: list[_Part] = field(default_factory=list)
    boundary: str = ""


def _leaf_text(text: str, subtype: str, charset: str, cte: str, flowed: bool = False) -> _Part:
    ctype = f'text/{subtype}; charset="{charset}"'
    if flowed:
        ctype = f"text/{subtype}; charset={charset}; format=flowed"
    return _Part(
        [("Content-Type", ctype), ("Content-Transfer-Encoding", cte)], _encode_text(text, charset, cte)
    )


def _filename_params(name: str, style: str, charset: str) -> tuple[str, str]:
    """(Content-Type name param, Content-Disposition filename param) as the sending mailer writes."""
    if name.isascii():
        return f'name="{name}"', f'filename="{name}"'
    if style == "rfc2231":
        from urllib.parse import quote

        enc = quote(name.encode("utf-8"), safe="")
        return f"name*=UTF-8''{enc}", f"filename*=UTF-8''{enc}"
    words = " ".join(_ew(name, charset))
    return f'name="{words}"', f'filename="{words}"'


def _attachment(ctype: str, data: bytes, name: str, style: str, charset: str) -> _Part:
    np_, fp = _filename_params(name, style, charset)
    return _Part(
        [
            ("Content-Type", f"{ctype};{CRLF} {np_}"),
            ("Content-Disposition", f"attachment;{CRLF} {fp}"),
            ("Content-Transfer-Encoding", "base64"),
        ],
        _b64_block(data),
    )


def _boundary(rng: random.Random, style: str) -> str:
    if style == "outlook":
        return f"----=_NextPart_000_{_hex(rng, 4).upper()}_01DC{_hex(rng, 4).upper()}.{_hex(rng, 8).upper()}"
    if style == "exchange":
        return f"_000_{_tok(rng, 44, string.ascii_uppercase + string.digits)}jpnprd01prodoutlo_"
    if style == "gmail":
        return "000000000000" + _hex(rng, 16)
    if style == "thunderbird":
        return "------------" + _tok(rng, 24)
    if style == "becky":
        return f"------_{_hex(rng, 8).upper()}_MultiPart"
    if style == "python":
        return "===============" + _digits(rng, 19) + "=="
    if style == "sendgrid":
        return _hex(rng, 64)
    return (
        f"----=_Part_{rng.randint(10000, 999999)}_{rng.randint(10**8, 10**9)}.{rng.randint(10**12, 10**13)}"
    )


def _serialize(part: _Part) -> bytes:
    lines = [f"{k}: {v}" for k, v in part.headers]
    head = CRLF.join(lines).encode("ascii") + b"\r\n\r\n"
    if not part.parts:
        return head + part.body
    out = [head, b"This is a multi-part message in MIME format.\r\n\r\n"]
    for sub in part.parts:
        out.append(f"--{part.boundary}\r\n".encode())
        out.append(_serialize(sub))
        if not out[-1].endswith(b"\r\n"):
            out.append(b"\r\n")
    out.append(f"--{part.boundary}--\r\n".encode())
    return b"".join(out)


def _multipart(subtype: str, parts: list[_Part], boundary: str, extra: str = "") -> _Part:
    return _Part(
        [("Content-Type", f'multipart/{subtype};{extra}{CRLF} boundary="{boundary}"')], b"", parts, boundary
    )


# -- attachments -----------------------------------------------------------------------------------


def _pdf(rng: random.Random, title: str) -> bytes:
    body = (
        "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
        "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
        f"4 0 obj\n<< /Title ({title}) /Producer (PDF Library {rng.randint(10, 24)}.0) >>\nendobj\n"
        "trailer\n<< /Root 1 0 R /Info 4 0 R >>\n%%EOF\n"
    )
    return body.encode("latin-1", "replace")


def _zip_encrypted(rng: random.Random, names: list[str], when: datetime) -> bytes:
    """A ZIP whose entries are ZipCrypto-encrypted (general-purpose flag bit 0 set); names in CP932
    as Windows' Japanese archivers write them."""
    dtime = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    ddate = ((when.year - 1980) << 9) | (when.month << 5) | when.day
    local, central = b"", b""
    for name in names:
        fname = name.encode("cp932")
        usize = rng.randint(20_000, 400_000)
        data = rng.randbytes(12 + usize // rng.randint(3, 8))
        crc = rng.getrandbits(32)
        offset = len(local)
        local += (
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0x0001, 8, dtime, ddate, crc, len(data), usize, len(fname), 0
            )
            + fname
            + data
        )
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                0x0014,
                20,
                0x0001,
                8,
                dtime,
                ddate,
                crc,
                len(data),
                usize,
                len(fname),
                0,
                0,
                0,
                0,
                0x20,
                offset,
            )
            + fname
        )
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(central), len(local), 0)
    return local + central + eocd


def _ics(
    rng: random.Random, ctx: dict[str, Any], summary: str, start: datetime, minutes: int, org: str
) -> str:
    end = start + timedelta(minutes=minutes)
    stamp = ctx["_dt"].astimezone(UTC)
    return CRLF.join(
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
            "VERSION:2.0",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            f"ORGANIZER;CN={org}:mailto:{ctx['from_addr']}",
            f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{ctx['to_addr']}",
            f"DTSTART;TZID=Tokyo Standard Time:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Tokyo Standard Time:{end:%Y%m%dT%H%M%S}",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"UID:040000008200E00074C5B7101A82E008000000{_hex(rng, 32).upper()}",
            f"SUMMARY;LANGUAGE=ja:{summary}",
            "LOCATION;LANGUAGE=ja:本社 3F 第1会議室",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )


# -- sending systems -------------------------------------------------------------------------------


@dataclass
class _Route:
    """What the sending system and the path to our MX put on a message."""

    upstream: list[str]  # Received values added before our MX, newest first
    mx_from: tuple[str, str, str]  # (HELO, reverse DNS, IP) of the host that handed it to our MX
    return_path: str
    spf: tuple[str, str]  # (result, smtp.mailfrom domain)
    dkim: list[tuple[str, str, str]]  # (result, d=, s=)
    dmarc: tuple[str, str]  # (result, published policy or "")
    mid: str
    boundary: str = "python"
    headers: list[tuple[str, str]] = field(default_factory=list)
    wrap: Callable[[str], str] | None = None
    wrap_text: bool = False
    date_style: str = "std"
    date_tz: timezone = JST


def _pfid(rng: random.Random) -> str:
    """A Postfix long queue id."""
    return _digits(rng, 1) + _tok(rng, 1, "BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz") + _tok(rng, 13)


def _v6(rng: random.Random) -> str:
    return "fe80::" + ":".join(_hex(rng, 4).lstrip("0") or "0" for _ in range(4))


def _mid(rng: random.Random, style: str, dt: datetime, domain: str, host: str = "") -> str:
    if style == "becky":
        return f"<{dt:%Y%m%d%H%M%S}.{_hex(rng, 4).upper()}.{_hex(rng, 8).upper()}@{domain}>"
    if style == "outlook":
        return f"<{_hex(rng, 4)}01dc{_hex(rng, 6)}${_hex(rng, 8)}${_hex(rng, 8)}$@{domain}>"
    if style == "thunderbird":
        u = _hex(rng, 32)
        return f"<{u[:8]}-{u[8:12]}-4{u[13:16]}-a{u[17:20]}-{u[20:]}@{domain}>"
    if style == "sendmail":
        return (
            f"<{dt:%Y%m%d%H%M}.{_tok(rng, 6, string.digits + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}"
            f"{_digits(rng, 6)}@{host}>"
        )
    if style == "dotted":
        return f"<{dt:%Y%m%d%H%M%S}.{_digits(rng, 6)}.{_digits(rng, 4)}@{host or domain}>"
    if style == "php":
        return f"<{_tok(rng, 43)}@{host or domain}>"
    if style == "gmail":
        return (
            f"<CA{rng.choice('FJK+')}"
            f"{_tok(rng, 48, string.ascii_letters + string.digits + '+_-')}@mail.gmail.com>"
        )
    if style == "google":
        return f"<{_tok(rng, 22, _URLSAFE)}@google.com>"
    return f"<{_hex(rng, 32)}@{host or domain}>"


def _received_mx(rng: random.Random, route: _Route, rcpt: str, when: datetime) -> str:
    helo, rdns, ip = route.mx_from
    via = "ESMTPS" if rng.random() < 0.85 else "ESMTP"
    tls = ""
    if via == "ESMTPS":
        tls = (
            f"{CRLF}\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits){CRLF}"
            f"\t key-exchange X25519)"
        )
    return (
        f"from {helo} ({rdns} [{ip}]){tls}{CRLF}\tby {MX} (Postfix) with {via} id {_pfid(rng)}"
        f"{CRLF}\tfor <{rcpt}>; {_rfc_date(when.astimezone(JST), 'jst')}"
    )


def _auth_results(route: _Route, hfrom: str, rng: random.Random) -> str:
    spf, mf = route.spf
    parts = [MX, f"spf={spf} smtp.mailfrom={mf}"]
    if not route.dkim:
        parts.append("dkim=none (no signatures found)" if rng.random() < 0.5 else "dkim=none")
    for res, d, _s in route.dkim:
        note = {"pass": "(2048-bit key; unprotected key)", "fail": "(body hash did not verify)"}.get(res, "")
        if res == "pass" and rng.random() < 0.5:
            note = "(2048-bit key)"
        parts.append(
            f'dkim={res} {note} header.d={d} header.i=@{d} header.b="{_tok(rng, 8)}"'.replace("  ", " ")
        )
    res, pol = route.dmarc
    pol_s = f" (p={pol} dis=none)" if pol else ""
    parts.append(f"dmarc={res}{pol_s} header.from={hfrom}")
    return (";" + CRLF + "\t").join(parts)


def _dkim_sig(rng: random.Random, d: str, s: str, when: datetime, hlist: str) -> str:
    b = base64.b64encode(rng.randbytes(256)).decode()
    folded = (CRLF + "\t ").join(b[i : i + 70] for i in range(0, len(b), 70))
    return (
        f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};{CRLF}\ts={s}; t={int(when.timestamp())};"
        f"{CRLF}\th={hlist};{CRLF}\tbh={base64.b64encode(rng.randbytes(32)).decode()};{CRLF}\tb={folded}"
    )


def _route_smtp(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    """A company's or service's own MTA (or a shared hosting server)."""
    dom = ctx["from_domain"]
    host = s.get("host", f"mail.{dom}")
    mta = s.get("mta", "postfix")
    up: list[str] = []
    sub = s.get("sub", "client")
    t = dt + timedelta(seconds=rng.randint(0, 2))
    stamp = _rfc_date(t.astimezone(s.get("tz", JST)), s.get("rstyle", "std"))
    if sub == "client":
        lan = f"192.168.{rng.choice((0, 1, 10, 11, 100))}.{rng.randint(20, 200)}"
        client = s.get("client", "[" + lan + "]")
        if mta == "sendmail":
            up.append(
                f"from {client} ([{lan}]){CRLF}\t(authenticated bits=0){CRLF}\tby {host} (8.15.2/8.15.2) "
                f"with ESMTP id {_tok(rng, 8, string.digits + string.ascii_letters)}{_digits(rng, 6)};"
                f"{CRLF}\t{stamp}"
            )
        else:
            up.append(
                f"from {client} (unknown [{lan}]){CRLF}\tby {host} (Postfix) with ESMTPSA id "
                f"{_hex(rng, 10).upper()}{CRLF}\tfor <{ctx['to_addr']}>; {stamp}"
            )
    elif sub == "local":
        up.append(
            f"from localhost (localhost [127.0.0.1]){CRLF}\tby {host} (Postfix) with ESMTP id "
            f"{_hex(rng, 10).upper()}{CRLF}\tfor <{ctx['to_addr']}>; {stamp}"
        )
    elif sub == "app":
        app = s.get("app", f"app{rng.randint(1, 12):02d}.{dom}")
        up.append(
            f"from {app} ({app} [10.{rng.randint(0, 40)}.{rng.randint(0, 255)}.{rng.randint(2, 250)}])"
            f"{CRLF}\tby {host} with ESMTP id {_tok(rng, 12, string.ascii_lowercase + string.digits)}"
            f"{CRLF}\tfor <{ctx['to_addr']}>; {stamp}"
        )
    mailfrom = s.get("mailfrom", dom)
    rp_local = s.get("rp", ctx["from_addr"].split("@")[0])
    dkim = [(s.get("dkim_result", "pass"), d, sel) for d, sel in s.get("dkim", [])]
    dmarc = s.get("dmarc", ("pass" if dkim else "none", s.get("p", "none") if dkim else ""))
    return _Route(
        upstream=up,
        mx_from=(s.get("helo", host), host, s["ip"]),
        return_path=f"<{rp_local}@{mailfrom}>",
        spf=(s.get("spf", "pass"), mailfrom),
        dkim=dkim,
        dmarc=dmarc,
        mid=_mid(rng, s.get("mid", "thunderbird"), dt, dom, host),
        boundary=s.get("boundary", "python"),
        headers=[(k, v) for k, v in s.get("headers", [])],
        date_style=s.get("date_style", "std"),
        date_tz=s.get("tz", JST),
    )


def _route_m365(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    dom = ctx["from_domain"]
    region = s.get("region", "jpnprd01")
    mbx = s["mbx"]
    fq = f"{mbx}.{region}.prod.outlook.com"
    v6 = _v6(rng)
    up = [
        f"from {fq}{CRLF}\t([{v6}]) by {fq}{CRLF}\t([{v6}%{rng.randint(3, 7)}]) with mapi id "
        f"15.20.{rng.randint(8100, 9400)}.{rng.randint(0, 30):03d}; {_rfc_date(dt.astimezone(UTC))}"
    ]
    if region == "jpnprd01":
        helo = rng.choice(("JPN01-TYC-obe", "JPN01-OS0-obe", "JPN01-TY1-obe"))
        n = rng.randint(10, 99)
        rdns = f"mail-{helo[6:9].lower()}jpn01on20{n}.outbound.protection.outlook.com"
        ip = f"40.107.{rng.choice((74, 114))}.{n}"
    else:
        helo = rng.choice(("NAM12-BN8-obe", "NAM11-DM6-obe", "NAM10-BN7-obe"))
        n = rng.randint(10, 99)
        rdns = f"mail-{helo[6:9].lower()}nam12on20{n}.outbound.protection.outlook.com"
        ip = f"40.107.{rng.choice((92, 212, 220))}.{n}"
    hs = [
        ("Thread-Topic", _hval(ctx["topic"], ctx["_hcs"])),
        ("Thread-Index", base64.b64encode(rng.randbytes(22)).decode()),
        ("Accept-Language", "ja-JP, en-US"),
        ("Content-Language", "ja-JP"),
        ("X-MS-Has-Attach", "yes" if ctx["_has_attach"] else ""),
        ("X-MS-TNEF-Correlator", ""),
    ]
    if s.get("system"):
        hs = [(k, v) for k, v in s.get("headers", [])]
    dkim_d = s.get("dkim_d", dom)
    return _Route(
        upstream=up,
        mx_from=(f"{helo}.outbound.protection.outlook.com", rdns, ip),
        return_path=f"<{s.get('rp', ctx['from_addr'])}>",
        spf=("pass", s.get("mailfrom", dom)),
        dkim=[("pass", dkim_d, s.get("sel", "selector1"))],
        dmarc=("pass", s.get("p", "none")),
        mid=s.get("mid_fmt", "<{mbx}{x}@{fq}>").format(mbx=mbx, x=_hex(rng, 36).upper(), fq=fq),
        boundary="exchange",
        headers=hs,
        date_style="std",
        date_tz=UTC if s.get("utc_date") else JST,
    )


def _route_google(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    dom = ctx["from_domain"]
    pre = rng.choice(("pl1", "pj1", "yb1", "ot1", "oi1", "qk1", "lj1", "ej1", "qt1", "vk1"))
    n = rng.randint(41, 199)
    host = f"mail-{pre}-f{n}.google.com"
    ip = f"209.85.{rng.randint(128, 255)}.{n}"
    tz = PDT if 3 < dt.month < 11 else PST
    t = dt + timedelta(seconds=rng.randint(0, 1))
    up = [
        f"by {host} with SMTP id d9443c01a7336-2{_hex(rng, 11)}so{_digits(rng, 7)}b3a.{rng.randint(0, 3)}"
        f"{CRLF}\tfor <{ctx['to_addr']}>; {_rfc_date(t.astimezone(tz), 'pst')}"
    ]
    mailfrom = s.get("mailfrom", dom)
    hs = [("X-Google-Smtp-Source", "AGHT+I" + _tok(rng, 80, _B64) + "==")]
    hs += [(k, v) for k, v in s.get("headers", [])]
    return _Route(
        upstream=up,
        mx_from=(host, host, ip),
        return_path=f"<{s.get('rp', ctx['from_addr'])}>",
        spf=("pass", mailfrom),
        dkim=[("pass", d, sel) for d, sel in s.get("dkim", [(dom, "google")])],
        dmarc=("pass", s.get("p", "none")),
        mid=_mid(rng, s.get("mid", "gmail"), dt, dom, s.get("mid_host", "")),
        boundary="gmail",
        headers=hs,
        date_style="std",
        date_tz=s.get("tz", JST),
    )


def _route_sendgrid(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    dom = s["brand"]
    rl, rd = ctx["to_addr"].split("@")
    pod = rng.randint(1, 9)
    tu = dt.astimezone(UTC)
    ns = f"{tu:%Y-%m-%d %H:%M:%S}.{_digits(rng, 9)}"
    up = [
        f"by filterdrecv-{_hex(rng, 10)}-{_tok(rng, 5, string.ascii_lowercase + string.digits)} with SMTP id "
        f"filterdrecv-{_hex(rng, 6)}-1-{_hex(rng, 8).upper()}-{_hex(rng, 2).upper()}{CRLF}\t{ns} +0000 UTC "
        f"m=+{rng.randint(1000, 9_999_999)}.{_digits(rng, 9)}",
        f"from {_tok(rng, 11)} (unknown){CRLF}\tby geopod-ismtpd-{pod} (SG) with HTTP{CRLF}\tid "
        f"{_tok(rng, 22, _URLSAFE)}{CRLF}\t{tu:%a, %d %b %Y %H:%M:%S}.{_digits(rng, 3)} +0000 (UTC)",
    ]
    ptr = f"o{rng.randint(1, 9)}.ptr{s['ptr']}.{dom}"
    url = s["url"]

    def wrap(u: str) -> str:
        return f"https://url{url}.{dom}/ls/click?upn=u001.{_tok(rng, 110, _URLSAFE)}"

    unsub = f"https://u{s['uid']}.ct.sendgrid.net/lu/unsubscribe?oc=u001.{_tok(rng, 96, _URLSAFE)}"
    return _Route(
        upstream=up,
        mx_from=(ptr, ptr, f"{rng.choice(('149.72', '167.89'))}.{rng.randint(1, 254)}.{rng.randint(1, 254)}"),
        return_path=f"<bounces+{s['uid']}-{_hex(rng, 4)}-{rl}={rd}@em{s['em']}.{dom}>",
        spf=("pass", f"em{s['em']}.{dom}"),
        dkim=[("pass", dom, "s1"), ("pass", "sendgrid.info", "smtpapi")],
        dmarc=("pass", s.get("p", "none")),
        mid=f"<{_tok(rng, 22, _URLSAFE)}@geopod-ismtpd-{pod}>",
        boundary="sendgrid",
        headers=[
            ("X-SG-EID", "u001." + _tok(rng, 150, _B64)),
            ("X-SG-ID", "u001." + _tok(rng, 90, _B64)),
            ("X-Entity-ID", "u001." + _tok(rng, 22, _B64) + "=="),
            ("List-Unsubscribe", f"<{unsub}>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
        wrap=wrap,
        wrap_text=True,
        date_tz=UTC,
    )


def _route_mailchimp(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    dc, u, lid = s["dc"], s["u"], s["list"]
    host = f"mail{rng.randint(100, 260)}.atl{rng.randint(11, 241)}.mcdlv.net"
    e = _hex(rng, 10)
    cid = _hex(rng, 10)
    tu = dt.astimezone(UTC)
    up = [
        f"from localhost (localhost [127.0.0.1]){CRLF}\tby {host} (Postfix) with ESMTP id {_pfid(rng)}"
        f"{CRLF}\tfor <{ctx['to_addr']}>; {_rfc_date(tu)}"
    ]
    num = s["unum"]

    def wrap(url: str) -> str:
        return f"https://{s['acct']}.{dc}.list-manage.com/track/click?u={u}&id={_hex(rng, 10)}&e={e}"

    dkim = [("pass", "mcsv.net", "k2")]
    if s.get("brand_dkim", True):
        dkim.insert(0, ("pass", ctx["from_domain"], "k2"))
    dmarc = ("pass", s.get("p", "none")) if s.get("brand_dkim", True) else ("none", "")
    return _Route(
        upstream=up,
        mx_from=(host, host, f"198.2.{rng.randint(128, 191)}.{rng.randint(1, 254)}"),
        return_path=f"<bounce-mc.{dc}_{num}.{rng.randint(10**6, 10**7)}-{e}@{host}>",
        spf=("pass", host),
        dkim=dkim,
        dmarc=dmarc,
        mid=f"<{_hex(rng, 25)}.{cid}.{tu:%Y%m%d%H%M%S}.{_hex(rng, 10)}.{_digits(rng, 8)}@{host}>",
        boundary="mc",
        headers=[
            ("X-Mailer", f"MailChimp Mailer - **CID{cid}{e}**"),
            ("X-Campaign", f"mailchimp{u}.{cid}"),
            ("X-campaignid", f"mailchimp{u}.{cid}"),
            (
                "X-Report-Abuse",
                f"Please report abuse for this campaign here: https://mailchimp.com/contact/abuse/?u={u}&id={cid}&e={e}",
            ),
            ("X-MC-User", u),
            ("Feedback-ID", f"{num}:{num}.{rng.randint(10**6, 10**7)}:{dc}:mc"),
            ("List-ID", f"{u}mc list <{u}.{num}.list-id.mcsv.net>"),
            ("X-Accounttype", "pd"),
            (
                "List-Unsubscribe",
                f"<https://{s['acct']}.{dc}.list-manage.com/unsubscribe?u={u}&id={lid}&t=b&e={e}&c={cid}>,"
                f"{CRLF} <mailto:unsubscribe-mc.{dc}_{num}.{cid}-{e}"
                f"@unsubscribe.mailchimpapp.net?subject=unsubscribe>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
        wrap=wrap,
        date_tz=UTC,
    )


def _route_ses(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    region = s.get("region", "ap-northeast-1")
    sid = (
        f"0106019{_hex(rng, 9)}-{_hex(rng, 8)}-{_hex(rng, 4)}"
        f"-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 12)}-000000"
    )
    if region != "ap-northeast-1":
        sid = "0101" + sid[4:]
    blk = {"ap-northeast-1": "23.251.226", "us-west-2": "54.240.27", "us-east-1": "54.240.8"}[region]
    n = rng.randint(1, 254)
    host = (
        f"e226-{n}.smtp-out.{region}.amazonses.com"
        if region == "ap-northeast-1"
        else f"a{blk.split('.')[2]}-{n}.smtp-out.{region}.amazonses.com"
    )
    mailfrom = s.get("mailfrom", f"{region}.amazonses.com")
    wrap = None
    if s.get("track"):
        from urllib.parse import quote

        def wrap(url: str) -> str:
            return (
                f"https://{_tok(rng, 8, string.ascii_lowercase + string.digits)}.r.{region}.awstrack.me/L0/"
                f"{quote(url, safe=':')}/1/{sid}"
                f"/{_tok(rng, 27, string.ascii_letters + string.digits)}=4{n % 10}3"
            )

    hs = [
        ("Feedback-ID", f"::1.{region}.{_tok(rng, 43, _B64)}=:AmazonSES"),
        ("X-SES-Outgoing", f"{dt.astimezone(UTC):%Y.%m.%d}-{blk}.{n}"),
    ]
    if s.get("unsub"):
        hs.append(("List-Unsubscribe", s["unsub"].format(tok=_tok(rng, 40, _URLSAFE))))
        hs.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    hs += [(k, v) for k, v in s.get("headers", [])]
    return _Route(
        upstream=[],
        mx_from=(host, host, f"{blk}.{n}"),
        return_path=f"<{sid}@{mailfrom}>",
        spf=("pass", mailfrom),
        dkim=[
            (
                "pass",
                ctx["from_domain"] if not s.get("dkim_d") else s["dkim_d"],
                _tok(rng, 32, string.ascii_lowercase + string.digits),
            ),
            ("pass", "amazonses.com", "zh4gjftm6etwoq6afzugpky45synznly"),
        ],
        dmarc=("pass", s.get("p", "none")),
        mid=s.get("mid", "<{sid}@{region}.amazonses.com>").format(
            sid=sid, region=region, dom=ctx["from_domain"]
        ),
        boundary=s.get("boundary", "part"),
        headers=hs,
        wrap=wrap,
        date_tz=UTC if s.get("utc_date", True) else JST,
    )


def _route_hubspot(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    bf = s.get("bf", "bf02x")
    host = f"{bf}.hubspotemail.net"
    rp = f"1ax{_tok(rng, 28, string.ascii_lowercase + string.digits)}"
    d = _tok(rng, 8)

    def wrap(url: str) -> str:
        return (
            f"https://{d}.na1.hubspotlinks.com/Ctc/{_tok(rng, 2).upper()}+113/{d}/{_tok(rng, 120, _URLSAFE)}"
        )

    return _Route(
        upstream=[],
        mx_from=(host, f"{host}", f"143.244.{rng.randint(80, 95)}.{rng.randint(1, 254)}"),
        return_path=f"<{rp}@{host}>",
        spf=("pass", host),
        dkim=[("pass", ctx["from_domain"], f"hs1-{s['hub']}"), ("pass", host, "hs1")],
        dmarc=("pass", s.get("p", "none")),
        mid=(
            f"<{int(dt.timestamp() * 1000)}.{_hex(rng, 8)}-{_hex(rng, 4)}"
            f"-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 12)}@{host}>"
        ),
        boundary="part",
        headers=[
            ("X-HS-Cid", _tok(rng, 40, _URLSAFE)),
            ("X-Report-Abuse-To", "abuse@hubspot.com"),
            (
                "List-Unsubscribe",
                f"<mailto:{rp}@{host}?subject=unsubscribe>,{CRLF} <https://{s['hs_site']}/hs/manage-preferences/"
                f"unsubscribe-all?languagePreference=ja&d={_tok(rng, 60, _URLSAFE)}&v=3>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
        wrap=wrap,
        date_tz=UTC,
    )


def _route_sfmc(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    sub = s["sub"]
    job = rng.randint(100000, 999999)
    mta = f"mta{rng.randint(100, 999)}.{sub}"

    def wrap(url: str) -> str:
        return f"https://click.{sub}/?qs={_hex(rng, 192)}"

    return _Route(
        upstream=[],
        mx_from=(mta, mta, f"13.111.{rng.randint(0, 255)}.{rng.randint(1, 254)}"),
        return_path=(
            f"<bounce-{rng.randint(100, 999)}_HTML-{rng.randint(10**8, 10**9)}"
            f"-{job}-{s['mid']}-{rng.randint(100, 999)}@bounce.{sub}>"
        ),
        spf=("pass", f"bounce.{sub}"),
        dkim=[("pass", sub, "200608")],
        dmarc=("pass", s.get("p", "none")),
        mid=(
            f"<{_hex(rng, 8)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 4)}"
            f"-{_hex(rng, 12)}@atl1s07mta{rng.randint(1000, 2999)}.xt.local>"
        ),
        boundary="part",
        headers=[
            ("x-CSA-Complaints", "csa-complaints@eco.de"),
            ("x-job", f"{s['mid']}_{job}"),
            (
                "List-Unsubscribe",
                f"<https://click.{sub}/subscription_center.aspx?jwt={_tok(rng, 80, _URLSAFE)}>,{CRLF} "
                f"<mailto:leave-{_hex(rng, 40)}@leave.{sub}>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Feedback-ID", f"{s['mid']}:{job}:{rng.randint(10**5, 10**6)}:sfmktgcld"),
        ],
        wrap=wrap,
        date_tz=UTC,
    )


def _route_cuenote(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    host = f"fc{rng.randint(1, 40):02d}.cuenote.jp"
    acct = s["acct"]

    def wrap(url: str) -> str:
        return f"https://{acct}.cuenote.jp/c/{_tok(rng, 8)}/{_tok(rng, 12)}"

    return _Route(
        upstream=[
            f"from {host} (localhost [127.0.0.1]){CRLF}\tby {host}"
            f" (Postfix) with ESMTP id {_hex(rng, 10).upper()}"
            f"{CRLF}\tfor <{ctx['to_addr']}>; {_rfc_date(dt, 'jst')}"
        ],
        mx_from=(host, host, f"210.149.{rng.randint(64, 127)}.{rng.randint(1, 254)}"),
        return_path=f"<bounce-{rng.randint(100, 999)}-{_digits(rng, 9)}@{s['bounce']}>",
        spf=("pass", s["bounce"]),
        dkim=[("pass", ctx["from_domain"], "cuenote")],
        dmarc=("pass", s.get("p", "none")),
        mid=f"<{dt:%Y%m%d%H%M%S}.{_digits(rng, 7)}.{_hex(rng, 8)}@{host}>",
        boundary="part",
        headers=[
            ("X-Mailer", "Cuenote FC"),
            ("List-Unsubscribe", f"<https://{acct}.cuenote.jp/unsubscribe/{_tok(rng, 32)}>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
        wrap=wrap,
        wrap_text=True,
    )


def _route_marketo(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    mk = s["munchkin"]
    host = f"em-sj-{rng.randint(70, 99)}.mktomail.com"

    def wrap(url: str) -> str:
        return (
            f"https://{s['link']}/{base64.b64encode(mk.encode()).decode().rstrip('=')}"
            f"AAAB{_tok(rng, 96, _URLSAFE)}"
        )

    seq = f"{mk}.0.{rng.randint(10**4, 10**6)}.0.0.{rng.randint(1000, 9999)}.9.{rng.randint(10**5, 10**6)}"
    return _Route(
        upstream=[],
        mx_from=(host, host, f"192.28.{rng.randint(144, 159)}.{rng.randint(1, 254)}"),
        return_path=f"<{seq}@{host}>",
        spf=("pass", host),
        dkim=[("pass", ctx["from_domain"], "m1"), ("pass", "mktomail.com", "m1")],
        dmarc=("pass", s.get("p", "none")),
        mid=(
            f"<{rng.randint(10**8, 10**9)}.{rng.randint(10**6, 10**7)}"
            f".{int(dt.timestamp() * 1000)}@abmktmail-batch1{rng.choice('cfhk')}.marketo.org>"
        ),
        boundary="part",
        headers=[
            ("X-MktArchive", "false"),
            (
                "X-MarketoID",
                f"{mk}:{rng.randint(10**4, 10**6)}:{rng.randint(100, 9999)}:{rng.randint(10**4, 10**6)}"
                f":0:{rng.randint(10**4, 10**5)}:9:{rng.randint(10**5, 10**6)}",
            ),
            ("X-PodHostname", "abmktmail-batch1f.marketo.org"),
            ("X-MktMailDKIM", "true"),
            ("List-Unsubscribe", f"<mailto:{seq}.unsub@{host}>"),
        ],
        wrap=wrap,
        date_style="short",
        date_tz=timezone(timedelta(hours=-6)),
    )


def _route_gg(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    """Google Groups: From rewritten to the group when the author's domain would fail DMARC."""
    g = s["group"]
    r = _route_google(rng, dt, {"dkim": [("googlegroups.com", "20230601")]}, ctx)
    author_dom = ctx["reply_to"].split("@")[1] if ctx.get("reply_to") else ctx["from_domain"]
    r.return_path = f"<{g}+bncBD{_tok(rng, 60, string.ascii_letters + string.digits)}@googlegroups.com>"
    r.spf = ("pass", "googlegroups.com")
    r.mid = _mid(rng, "gmail", dt, "")
    if s.get("rewrite"):
        r.dkim = [("pass", "googlegroups.com", "20230601"), ("fail", author_dom, "selector1")]
        r.dmarc = ("pass", "none")
    else:
        r.dkim = [("pass", "googlegroups.com", "20230601"), ("fail", author_dom, "google")]
        r.dmarc = ("fail", "none")
    gid = s["gid"]
    r.headers = [
        ("X-Original-Sender", s["author"]),
        (
            "X-Original-Authentication-Results",
            f"mx.google.com;{CRLF}       spf=pass smtp.mailfrom={s['author']}",
        ),
        ("Precedence", "list"),
        ("Mailing-list", f"list {g}@googlegroups.com; contact {g}+owners@googlegroups.com"),
        ("List-ID", f"<{g}.googlegroups.com>"),
        ("X-Google-Group-Id", gid),
        ("List-Post", f"<https://groups.google.com/group/{g}/post>, <mailto:{g}@googlegroups.com>"),
        ("List-Help", f"<https://groups.google.com/support/>, <mailto:{g}+help@googlegroups.com>"),
        ("List-Archive", f"<https://groups.google.com/group/{g}/>"),
        (
            "List-Unsubscribe",
            f"<mailto:googlegroups-manage+{gid}+unsubscribe@googlegroups.com>,{CRLF}"
            f" <https://groups.google.com/group/{g}/subscribe>",
        ),
    ]
    return r


def _route_list(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    """A self-hosted list server (Mailman 2 or fml) re-sending with its own envelope sender."""
    host, name = s["host"], s["name"]
    adom = ctx["from_domain"]
    t = dt + timedelta(seconds=rng.randint(1, 2))
    up = [
        f"from {host} (localhost [127.0.0.1]){CRLF}\tby {host}"
        f" (Postfix) with ESMTP id {_hex(rng, 10).upper()};"
        f"{CRLF}\t{_rfc_date(t, 'jst')}",
        f"from {s.get('author_host', 'mail.' + adom)} ({s.get('author_host', 'mail.' + adom)}"
        f" [{s.get('author_ip', '203.0.113.' + str(rng.randint(2, 250)))}])"
        f"{CRLF}\tby {host} (Postfix) with ESMTP id {_hex(rng, 10).upper()}"
        f"{CRLF}\tfor <{name}@{host}>; {_rfc_date(dt, 'jst')}",
    ]
    if s.get("flavor") == "fml":
        hs = [
            ("X-ML-Name", name),
            ("X-Mail-Count", str(ctx["mlcount"])),
            ("X-MLServer", "fml [fml 4.0.3 release (20011202/4.0.3)]; post only (only members can post)"),
            (
                "X-ML-Info",
                f'If you have a question, send e-mail with the body{CRLF} "# help" (without quotes)'
                f" to the address {name}-ctl@{host};{CRLF} help=<mailto:{name}-ctl@{host}?body=help>",
            ),
            ("Precedence", "bulk"),
            ("Lines", str(rng.randint(20, 60))),
            ("List-Software", "fml [fml 4.0.3 release (20011202/4.0.3)]"),
            ("List-Post", f"<mailto:{name}@{host}>"),
            ("List-Owner", f"<mailto:{name}-admin@{host}>"),
            ("List-Help", f"<mailto:{name}-ctl@{host}?body=help>"),
            ("List-Unsubscribe", f"<mailto:{name}-ctl@{host}?body=unsubscribe>"),
        ]
        rp = f"<{name}-admin@{host}>"
    else:
        hs = [
            ("X-BeenThere", f"{name}@{host}"),
            ("X-Mailman-Version", "2.1.39"),
            ("Precedence", "list"),
            ("List-Id", _hval(s["desc"], "UTF-8") + f" <{name}.{host}>"),
            (
                "List-Unsubscribe",
                f"<https://{host}/mailman/options/{name}>,{CRLF}"
                f" <mailto:{name}-request@{host}?subject=unsubscribe>",
            ),
            ("List-Archive", f"<https://{host}/pipermail/{name}/>"),
            ("List-Post", f"<mailto:{name}@{host}>"),
            ("List-Help", f"<mailto:{name}-request@{host}?subject=help>"),
            (
                "List-Subscribe",
                f"<https://{host}/mailman/listinfo/{name}>,{CRLF}"
                f" <mailto:{name}-request@{host}?subject=subscribe>",
            ),
            ("Errors-To", f"{name}-bounces@{host}"),
            ("Sender", f'"{name}" <{name}-bounces@{host}>'),
        ]
        rp = f"<{name}-bounces@{host}>"
    adkim = s.get("author_dkim")
    dkim = [("fail", adom, adkim)] if adkim else []
    dmarc = ("fail", s["author_p"]) if s.get("author_p") else ("none", "")
    return _Route(
        upstream=up,
        mx_from=(host, host, s["ip"]),
        return_path=rp,
        spf=("pass", host),
        dkim=dkim,
        dmarc=dmarc,
        mid=_mid(rng, s.get("mid", "becky"), dt, adom),
        boundary=s.get("boundary", "becky"),
        headers=hs,
        date_style="jst",
    )


def _route_forward(rng: random.Random, dt: datetime, s: dict[str, Any], ctx: dict[str, Any]) -> _Route:
    """An alias on a relaying server that keeps the original envelope sender: SPF breaks, DKIM holds."""
    r = _route_smtp(rng, dt, s["orig"], ctx)
    fw = s["fw_host"]
    t = dt + timedelta(seconds=2)
    r.upstream = [
        f"from {r.mx_from[0]} ({r.mx_from[1]} [{r.mx_from[2]}]){CRLF}\tby {fw} (Postfix) with ESMTP id "
        f"{_hex(rng, 10).upper()}{CRLF}\tfor <{s['alias']}>; {_rfc_date(t, 'jst')}",
        *r.upstream[:1],
    ]
    r.mx_from = (fw, fw, s["fw_ip"])
    r.spf = (s.get("spf", "softfail"), r.spf[1])
    r.headers.append(("X-Original-To", s["alias"]))
    return r


_ROUTES: dict[str, Callable[[random.Random, datetime, dict[str, Any], dict[str, Any]], _Route]] = {
    "smtp": _route_smtp,
    "m365": _route_m365,
    "google": _route_google,
    "sendgrid": _route_sendgrid,
    "mailchimp": _route_mailchimp,
    "ses": _route_ses,
    "hubspot": _route_hubspot,
    "sfmc": _route_sfmc,
    "cuenote": _route_cuenote,
    "marketo": _route_marketo,
    "gg": _route_gg,
    "list": _route_list,
    "forward": _route_forward,
}


# -- the correspondents' and the company's own mail systems ------------------------------------------

_OUTLOOK = [("X-Mailer", "Microsoft Outlook 16.0")]
_BECKY = [("X-Mailer", "Becky! ver. 2.81.05 [ja]")]
_TB = [("User-Agent", "Mozilla Thunderbird")]

# Each sender: its route (how its mail reaches our MX), its mailer's charset and body layout.
_SENDERS: dict[str, dict[str, Any]] = {
    "daiwa": {
        "route": {"kind": "m365", "mbx": "TYCPR01MB8345", "p": "none"},
        "person": _CORR["daiwa-shoji"].contact,
        "org": "大和商事株式会社",
        "charset": "ISO-2022-JP",
        "tel": "03-5812-4470",
    },
    "toyo": {
        "route": {"kind": "google", "p": "quarantine"},
        "person": _CORR["toyo-denki"].contact,
        "org": "東洋電機株式会社",
        "charset": "UTF-8",
        "tel": "048-661-2305",
    },
    "sato": {
        "route": {
            "kind": "smtp",
            "host": "sv8127.xserver.jp",
            "ip": "183.90.232.61",
            "dkim": [("sato-zeirishi.jp", "default")],
            "dmarc": ("none", ""),
            "mid": "outlook",
            "headers": _OUTLOOK,
            "boundary": "outlook",
        },
        "person": _CORR["sato-zeirishi"].contact,
        "org": "佐藤税理士事務所",
        "charset": "ISO-2022-JP",
        "tel": "045-321-7788",
    },
    "chuo": {
        "route": {
            "kind": "m365",
            "mbx": "OS3PR01MB6325",
            "dkim_d": "chuosogolaw.onmicrosoft.com",
            "p": "quarantine",
        },
        "person": _CORR["chuo-sogo-law"].contact,
        "org": "中央総合法律事務所",
        "charset": "ISO-2022-JP",
        "tel": "03-3213-5560",
    },
    "hokuto": {
        "route": {
            "kind": "smtp",
            "mta": "sendmail",
            "host": "mail.hokuto-unyu.co.jp",
            "ip": "203.0.113.45",
            "mid": "becky",
            "headers": _BECKY,
            "boundary": "becky",
            "date_style": "jst",
        },
        "person": _CORR["hokuto-unyu"].contact,
        "org": "北斗運輸株式会社",
        "charset": "ISO-2022-JP",
        "tel": "0463-22-8150",
    },
    "fuji": {
        "route": {"kind": "google", "p": "reject"},
        "person": _CORR["fuji-systems"].contact,
        "org": "富士システムズ株式会社",
        "charset": "UTF-8",
        "tel": "03-6426-1180",
    },
    "suzuki": {
        "route": {
            "kind": "smtp",
            "host": "www3317.sakura.ne.jp",
            "ip": "59.106.19.184",
            "mid": "thunderbird",
            "headers": _TB,
            "boundary": "thunderbird",
        },
        "person": _CORR["suzuki-sharoushi"].contact,
        "org": "鈴木社会保険労務士事務所",
        "charset": "UTF-8",
        "cte": "8bit",
        "flowed": True,
        "tel": "03-5436-9021",
    },
    "chiyoda": {
        "route": {
            "kind": "smtp",
            "host": "mail.chiyoda-insatsu.co.jp",
            "ip": "198.51.100.23",
            "dkim": [("chiyoda-insatsu.co.jp", "mail")],
            "dmarc": ("none", ""),
            "mid": "outlook",
            "headers": _OUTLOOK,
            "boundary": "outlook",
        },
        "person": _CORR["chiyoda-insatsu"].contact,
        "org": "千代田印刷株式会社",
        "charset": "ISO-2022-JP",
        "tel": "03-3866-2741",
    },
}


def _internal(role: str, mailer: str, ip_last: int) -> dict[str, Any]:
    hdr = {"outlook": _OUTLOOK, "becky": _BECKY, "thunderbird": _TB}[mailer]
    return {
        "route": {
            "kind": "smtp",
            "sub": None,
            "host": "unknown",
            "helo": f"[192.168.10.{ip_last}]",
            "ip": f"192.168.10.{ip_last}",
            "dkim": [(ORG, "ms2024")],
            "p": "quarantine",
            "mid": mailer,
            "headers": hdr,
            "boundary": mailer,
        },
        "person": _ROLE[role],
        "org": ja_org.ORG_NAME,
        "charset": "UTF-8" if mailer == "thunderbird" else "ISO-2022-JP",
        "tel": f"内線 {200 + ip_last}",
    }


for _r, _m, _ip in (
    ("ceo", "outlook", 11),
    ("senmu", "outlook", 12),
    ("bucho", "outlook", 21),
    ("keiri", "outlook", 22),
    ("jinji", "becky", 31),
    ("soumu", "becky", 32),
    ("joho", "thunderbird", 41),
    ("eigyo", "outlook", 51),
):
    _SENDERS["i-" + _r] = _internal(_r, _m, _ip)


# -- rendering -------------------------------------------------------------------------------------


def _pick_dt(rng: random.Random, tpl: dict[str, Any]) -> datetime:
    months = tpl.get("months") or list(range(1, 13))
    m = rng.choice(months)
    y = 2025 if m > 6 else rng.choice((2025, 2026))
    lo, hi = tpl.get("days", (1, 28))
    d = rng.randint(lo, hi)
    if (y, m) == (2025, 1):
        d = max(d, 6)  # nothing from before the set's period, whatever the sender's time zone
    day = datetime(y, m, d, tzinfo=JST)
    if tpl.get("weekday", True):
        while day.weekday() >= 5:
            day += timedelta(days=1 if day.weekday() == 6 or d < 15 else -1)
    hours = tpl.get("hours", (9, 18))
    if isinstance(hours, list):
        h = rng.choice(hours)
        return day.replace(hour=h, minute=rng.choice((0, 0, 0, 30)), second=rng.randint(0, 50))
    h = rng.randint(hours[0], hours[1])
    return day.replace(hour=h, minute=rng.randint(0, 59), second=rng.randint(0, 59))


def _jd(dt: datetime, fmt: str = "md") -> str:
    w = _JDOW[dt.weekday()]
    if fmt == "ymd":
        return f"{dt.year}年{dt.month}月{dt.day}日"
    if fmt == "ymdw":
        return f"{dt.year}年{dt.month}月{dt.day}日（{w}）"
    return f"{dt.month}月{dt.day}日（{w}）"


def _bizday(dt: datetime, n: int) -> datetime:
    out = dt
    while n > 0:
        out += timedelta(days=1)
        if out.weekday() < 5:
            n -= 1
    return out


def _month_end(y: int, m: int) -> datetime:
    nxt = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=JST)
    return nxt - timedelta(days=1)


def _context(rng: random.Random, dt: datetime) -> dict[str, Any]:
    pm, pmy = (dt.month - 1 or 12), dt.year - (dt.month == 1)
    nm, nmy = dt.month % 12 + 1, dt.year + (dt.month == 12)
    amt = rng.randrange(18_000, 1_800_000, 10)
    tax = amt // 10
    ctx: dict[str, Any] = {
        "_dt": dt,
        "sd": "-- ",  # the signature separator, trailing space included
        "y": dt.year,
        "m": dt.month,
        "d": dt.day,
        "ymd": _jd(dt, "ymd"),
        "ymdw": _jd(dt, "ymdw"),
        "md": _jd(dt),
        "hm": f"{dt:%H:%M}",
        "pm": pm,
        "pmy": pmy,
        "nm": nm,
        "nmy": nmy,
        "eom": _jd(_month_end(dt.year, dt.month), "ymd"),
        "due": _jd(_month_end(nmy, nm), "ymd"),
        "amt": f"{amt:,}",
        "tax": f"{tax:,}",
        "total": f"{amt + tax:,}",
        "ip": f"{rng.choice(('203.0.113', '198.51.100', '192.0.2'))}.{rng.randint(2, 250)}",
        "pw": _tok(rng, 12, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789#%&"),
        "n1": rng.randint(2, 9),
        "n2": rng.randint(10, 99),
        "n3": rng.randint(100, 999),
        "n4": rng.randint(1000, 9999),
        "num4": _digits(rng, 4),
        "num6": _digits(rng, 6),
        "num7": _digits(rng, 7),
        "num8": _digits(rng, 8),
        "num10": _digits(rng, 10),
        "num12": _digits(rng, 12),
        "hex8": _hex(rng, 8),
        "hex16": _hex(rng, 16),
        "tok12": _tok(rng, 12),
        "tok24": _tok(rng, 24, _URLSAFE),
        "tok40": _tok(rng, 40, _URLSAFE),
        "upper6": _tok(rng, 6, string.ascii_uppercase + string.digits),
    }
    for k in (1, 2, 3, 5, 7, 10, 14, 21, 30):
        ctx[f"d{k}"] = _jd(_bizday(dt, k))
        ctx[f"c{k}"] = _jd(dt + timedelta(days=k))
    for k in (1, 2, 3, 7):
        ctx[f"p{k}"] = _jd(dt - timedelta(days=k))
        ctx[f"pb{k}"] = _bizday(dt, 0) - timedelta(days=k)
    return ctx


def _fmt(s: str, ctx: dict[str, Any]) -> str:
    return s.format_map(ctx)


def _sei(name: str) -> str:
    return name.split(" ")[0]


def _apply_links(text: str, route: _Route, html: bool) -> str:
    if not route.wrap:
        return text
    if html:
        return re.sub(r'href="(https?://[^"]+)"', lambda m: f'href="{route.wrap(m.group(1))}"', text)  # type: ignore[misc]
    if route.wrap_text:
        return re.sub(r"https?://[^\s<>）」]+", lambda m: route.wrap(m.group(0)), text)  # type: ignore[misc]
    return text


def _render(
    tpl: dict[str, Any], rng: random.Random, dt: datetime | None = None, base: dict[str, Any] | None = None
) -> tuple[bytes, dict[str, Any]]:
    picked: dict[str, Any] = {}
    if base is None:
        for k, opts in tpl.get("pick", {}).items():
            choice = rng.choice(opts)
            if isinstance(choice, dict):
                picked.update(choice)
            else:
                picked[k] = choice
    if dt is None:
        dt = _pick_dt(rng, {**tpl, "months": picked["mm"]} if "mm" in picked else tpl)
    ctx = _context(rng, dt)
    if base:
        ctx.update({k: v for k, v in base.items() if not k.startswith("_")})
    sender = _SENDERS[tpl["sender"]] if isinstance(tpl["sender"], str) else tpl["sender"]
    ctx.update(tpl.get("vars", {}))
    ctx.update(picked)
    for k, v in picked.items():
        if isinstance(v, str) and "{" in v:
            ctx[k] = _fmt(v, ctx)
    # sender / recipient
    if "from" in tpl:
        fname, faddr = tpl["from"]
    else:
        fname, faddr = sender["person"].name, sender["person"].address
    fname = _fmt(fname, ctx)
    to_role = tpl.get("to", "eigyo")
    if isinstance(to_role, tuple):
        to_role = rng.choice(to_role)
    tname, taddr = _who(to_role)
    if base:
        tname, taddr = base["to_name"], base["to_addr"]
    ctx.update(
        from_name=fname,
        from_sei=_sei(fname),
        from_addr=faddr,
        from_domain=faddr.split("@")[1],
        to_name=tname,
        to_sei=_sei(tname) if tname else "",
        to_addr=taddr,
        org=sender.get("org", ""),
        tel=sender.get("tel", ""),
        sig_title=sender["person"].title if "person" in sender else "",
    )
    local, dom = taddr.split("@")
    ctx["masked"] = f"{local[:2]}*****@{dom}"
    ctx.update({k: _fmt(v, ctx) for k, v in tpl.get("derived", {}).items()})
    if tpl.get("reply_to"):
        ctx["reply_to"] = _fmt(tpl["reply_to"][1], ctx)
    ctx["mlcount"] = ctx["n4"]
    subject = _fmt(tpl["subject"], ctx)
    ctx["topic"] = re.sub(r"^((RE|Re|FW|Fw|Fwd|ＲＥ)[:：]\s*)+", "", subject)
    attach = tpl.get("attach", [])
    ctx["_has_attach"] = bool(attach)
    ctx["_hcs"] = tpl.get("hcharset", tpl.get("charset", sender.get("charset", "UTF-8")))
    rspec = dict(sender.get("route", {}))
    rspec.update(tpl.get("route", {}))
    if "rp" in rspec:
        rspec["rp"] = _fmt(rspec["rp"], ctx)
    route = _ROUTES[rspec["kind"]](rng, dt, rspec, ctx)

    charset = tpl.get("charset", sender.get("charset", "UTF-8"))
    cte = (
        tpl.get("cte")
        or sender.get("cte")
        or {"ISO-2022-JP": "7bit", "Shift_JIS": "base64"}.get(charset, "base64")
    )
    hcs = tpl.get("hcharset", charset)
    henc = tpl.get("henc", "B")
    flowed = sender.get("flowed", False) and "html" not in tpl
    parts: list[_Part] = []
    text = _apply_links(_fmt(tpl["text"], ctx), route, False) if "text" in tpl else None
    html = _apply_links(_fmt(tpl["html"], ctx), route, True) if "html" in tpl else None
    html_cte = tpl.get("html_cte", "quoted-printable" if charset == "UTF-8" else cte)
    if text is not None:
        parts.append(_leaf_text(text, "plain", charset, cte, flowed))
    if html is not None:
        parts.append(_leaf_text(html, "html", charset, html_cte))
    if tpl.get("ics"):
        summary, start_k, minutes = tpl["ics"]
        start = _bizday(dt, start_k).replace(hour=rng.choice((10, 13, 15)), minute=0, second=0)
        cal = _ics(rng, ctx, _fmt(summary, ctx), start, minutes, fname)
        cp = _leaf_text(cal, "calendar", "UTF-8", "base64")
        cp.headers[0] = ("Content-Type", 'text/calendar; charset="utf-8"; method=REQUEST')
        parts.append(cp)
    body = parts[0] if len(parts) == 1 else _multipart("alternative", parts, _boundary(rng, route.boundary))
    if attach:
        items = [body]
        for kind, name in attach:
            fn = _fmt(name, ctx)
            style = tpl.get("fname_style", "rfc2231" if charset == "UTF-8" else "ew")
            if kind == "pdf":
                items.append(
                    _attachment(
                        "application/pdf", _pdf(rng, fn.encode("ascii", "replace").decode()), fn, style, hcs
                    )
                )
            elif kind == "zip":
                inner = [_fmt(x, ctx) for x in tpl.get("zip_names", [fn.rsplit(".", 1)[0] + ".pdf"])]
                items.append(
                    _attachment(
                        "application/x-zip-compressed", _zip_encrypted(rng, inner, dt), fn, style, hcs
                    )
                )
            elif kind == "xlsx":
                mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                items.append(_attachment(mime, b"PK\x03\x04" + rng.randbytes(600), fn, style, hcs))
            elif kind == "docx":
                mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                items.append(_attachment(mime, b"PK\x03\x04" + rng.randbytes(900), fn, style, hcs))
            elif kind == "csv":
                rows = _fmt(tpl.get("csv", "no,date,amount\r\n"), ctx)
                items.append(
                    _attachment('text/csv; charset="Shift_JIS"', rows.encode("shift_jis"), fn, style, hcs)
                )
        body = _multipart("mixed", items, _boundary(rng, route.boundary))

    # headers
    tz = route.date_tz
    date_hdr = _rfc_date(dt.astimezone(tz), route.date_style if tz is JST else "std")
    to_display = tpl.get("to_display")
    to_name = _fmt(to_display, ctx) if to_display is not None else tname
    hdrs: list[tuple[str, str]] = [
        ("From", _addr(fname, faddr, hcs, henc)),
        ("To", _addr(to_name, taddr, hcs, henc)),
    ]
    if tpl.get("cc"):
        hdrs.append(("Cc", ("," + CRLF + " ").join(_addr(*_who(r), hcs, henc) for r in tpl["cc"])))
    if tpl.get("reply_to"):
        hdrs.append(("Reply-To", _addr(_fmt(tpl["reply_to"][0], ctx), ctx["reply_to"], hcs, henc)))
    hdrs += [("Subject", _hval(subject, hcs, henc)), ("Date", date_hdr), ("Message-ID", route.mid)]
    if tpl.get("reply"):
        refs = [_mid(rng, "gmail" if rng.random() < 0.4 else "outlook", dt, ORG) for _ in range(tpl["reply"])]
        hdrs.append(("In-Reply-To", refs[-1]))
        hdrs.append(("References", (CRLF + " ").join(refs)))
    hdrs.append(("MIME-Version", "1.0"))
    hdrs += route.headers
    hdrs += [(k, _fmt(v, ctx)) for k, v in tpl.get("headers", [])]
    body.headers = hdrs + body.headers

    t_mx = dt + timedelta(seconds=rng.randint(2, 40))
    trace: list[tuple[str, str]] = [("Return-Path", route.return_path)]
    if not route.upstream or (len(route.upstream) == 1 and rng.random() < 0.5):
        t_box = t_mx + timedelta(seconds=rng.randint(0, 2))
        trace.append(
            (
                "Received",
                f"from {MX} ([10.0.0.25]){CRLF}\tby mbox1.{ORG} with LMTP id {_tok(rng, 22, _B64)}"
                f"{CRLF}\t(envelope-from {route.return_path}"
                f"){CRLF}\tfor <{taddr}>; {_rfc_date(t_box, 'jst')}",
            )
        )
    trace.append(("Authentication-Results", _auth_results(route, ctx["from_domain"], rng)))
    trace.append(("Received", _received_mx(rng, route, taddr, t_mx)))
    trace += [("Received", r) for r in route.upstream]
    for _res, d, sel in route.dkim:
        hl = "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type"
        if any(k == "List-Unsubscribe" for k, _ in route.headers):
            hl = (
                "From:Reply-To:To:Subject:Date:Message-ID:List-Unsubscribe:"
                "List-Unsubscribe-Post:MIME-Version:Content-Type"
            )
        trace.append(("DKIM-Signature", _dkim_sig(rng, d, sel, dt, hl)))
    body.headers = trace + body.headers
    return _serialize(body), ctx


# == 1. marketing and newsletters ===================================================================

_NEWSLETTER: list[dict[str, Any]] = [
    {
        "sender": {
            "route": {
                "kind": "sendgrid",
                "brand": "officemart-shop.jp",
                "uid": "27318954",
                "em": "4821",
                "ptr": "3912",
                "url": "8120",
                "p": "none",
            },
            "org": "オフィスマート",
        },
        "from": ("オフィスマート", "news@officemart-shop.jp"),
        "to": ("soumu", "keiri", "eigyo"),
        "hours": [10, 12, 18],
        "weekday": False,
        "pick": {
            "camp": [
                {
                    "sub": "【本日まで】全品ポイント5倍！年度末の備品まとめ買いキャンペーン",
                    "lead": "全品ポイント5倍",
                    "cp": "point5",
                },
                {
                    "sub": "【期間限定】コピー用紙・トナー最大30%OFF 在庫がなくなり次第終了",
                    "lead": "コピー用紙・トナー最大30%OFF",
                    "cp": "paper30",
                },
                {
                    "sub": "【会員様限定】送料無料ライン引き下げ＆クーポン1,000円分プレゼント",
                    "lead": "1,000円OFFクーポン",
                    "cp": "coupon1000",
                },
            ]
        },
        "subject": "{sub}",
        "text": """\
{to_name} 様

いつもオフィスマートをご利用いただき、誠にありがとうございます。

━━━━━━━━━━━━━━━━━━━━━━
　{lead}
　キャンペーン期間：{md} 〜 {c3} 23:59
━━━━━━━━━━━━━━━━━━━━━━

▼キャンペーン詳細はこちら
https://www.officemart-shop.jp/campaign/{cp}/?utm_source=mail&utm_medium=email&utm_campaign={cp}

■今週のおすすめ
・再生コピー用紙 A4 5,000枚（500枚×10冊）
　https://www.officemart-shop.jp/item/PPR-A4-500R/
・ダブルクリップ 中 100個入
　https://www.officemart-shop.jp/item/CLP-D25-100/
・クラフト封筒 角2 500枚
　https://www.officemart-shop.jp/item/ENV-K2-500/

※ポイントは商品発送後に付与されます。
※一部対象外の商品がございます。

──────────────────────
このメールは配信専用アドレスよりお送りしています。
ご返信いただいてもお答えできませんのでご了承ください。
メール配信の停止・変更はマイページから行えます。
https://www.officemart-shop.jp/mypage/mailmagazine/

オフィスマート株式会社
〒104-0061 東京都中央区銀座八丁目1番5号
https://www.officemart-shop.jp/
──────────────────────
""",
        "html": """\
<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>オフィスマート</title></head>
<body style="margin:0;padding:0;background:#f2f2f2;">
<table width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f2f2f2;">
<tr><td align="center">
<table width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;">
<tr><td style="padding:16px;"><a href="https://www.officemart-shop.jp/?utm_source=mail">
<img src="https://img.officemart-shop.jp/mail/logo.png" width="180" alt="オフィスマート"></a></td>
</tr>
<tr>
<td style="padding:0 16px;font-size:14px;color:#333;">{to_name}
様<br>いつもオフィスマートをご利用いただき、誠にありがとうございます。</td>
</tr>
<tr><td style="padding:16px;">
<a href="https://www.officemart-shop.jp/campaign/{cp}/?utm_source=mail&amp;utm_campaign={cp}">
<img src="https://img.officemart-shop.jp/mail/{cp}_main.jpg" width="568" alt="{lead}"></a></td></tr>
<tr>
<td style="padding:0 16px;font-size:16px;font-weight:bold;color:#c00;">{lead}　{md}〜{c3}
23:59まで</td>
</tr>
<tr><td style="padding:8px 16px;font-size:13px;">キャンペーンページ：<a href="https://www.officemart-shop.jp/campaign/{cp}/">https://www.officemart-shop.jp/campaign/{cp}/</a></td></tr>
<tr><td style="padding:16px;font-size:12px;color:#666;">
このメールは配信専用アドレスよりお送りしています。<br>
配信停止は<a href="https://www.officemart-shop.jp/mypage/mailmagazine/">こちら</a><br>
オフィスマート株式会社　〒104-0061 東京都中央区銀座八丁目1番5号
</td></tr>
</table>
</td></tr></table>
<img src="https://url8120.officemart-shop.jp/wf/open?upn=u001.{tok40}" width="1" height="1" alt="">
</body></html>
""",
    },
    {
        "sender": {
            "route": {"kind": "cuenote", "acct": "mzt", "bounce": "bounce.monozukuri-times.jp", "p": "none"},
            "org": "ものづくりタイムズ",
        },
        "from": ("ものづくりタイムズ", "newsletter@monozukuri-times.jp"),
        "to": ("senmu", "eigyo", "ceo"),
        "hours": [7],
        "subject": "ものづくりタイムズ Daily｜{md}のニュース",
        "pick": {
            "top": [
                "工作機械受注、{pm}月は前年同月比8.2%増　外需が回復",
                "中小製造業の設備投資意欲、3期ぶりに改善　商工中金調査",
                "精密部品の価格転嫁、「一部できた」が6割　業界団体調べ",
                "半導体製造装置向け部品、納期長期化が一服",
            ]
        },
        "text": """\
━━━━━━━━━━━━━━━━━━━━━━━━
ものづくりタイムズ Daily　{ymdw}
━━━━━━━━━━━━━━━━━━━━━━━━

【トップニュース】
■{top}
https://www.monozukuri-times.jp/article/{y}{num6}/

【注目記事】
■人手不足の町工場、協働ロボット導入で夜間無人運転へ
https://www.monozukuri-times.jp/article/{y}{num7}/

■【連載】現場の改善 第{n2}回「段取り替え時間を半分に」
https://www.monozukuri-times.jp/series/kaizen/{n2}/

■補助金カレンダー：今月締切の主な公募
https://www.monozukuri-times.jp/subsidy/calendar/

【セミナー】
◇{c14} 14:00〜 オンライン
　「価格交渉のためのコスト試算入門」（会員無料）
　https://www.monozukuri-times.jp/seminar/{n4}/

────────────────────────
※本メールは「ものづくりタイムズ」会員の方にお送りしています。
※配信停止・アドレス変更：
https://www.monozukuri-times.jp/member/mail/
発行：株式会社ものづくりタイムズ社
お問い合わせ：https://www.monozukuri-times.jp/contact/
────────────────────────
""",
    },
    {
        "sender": {
            "route": {"kind": "marketo", "munchkin": "712-QKT-409", "link": "go.sangyo-fair.jp", "p": "none"},
            "org": "関東産業機器フェア事務局",
        },
        "from": ("関東産業機器フェア事務局", "info@sangyo-fair.jp"),
        "to": ("eigyo", "senmu"),
        "months": [1, 2, 3, 4, 9, 10],
        "hours": [11, 15],
        "pick": {
            "sub": [
                "【事前登録受付中】第12回 関東産業機器フェア　入場無料・会期3日間",
                "＜開催まであと2週間＞関東産業機器フェア 注目の出展製品をご紹介",
                "【ご来場ありがとうございました】関東産業機器フェア 講演アーカイブ公開のお知らせ",
            ]
        },
        "subject": "{sub}",
        "text": """\
{to_name} 様

平素より格別のお引き立てを賜り、厚く御礼申し上げます。
関東産業機器フェア事務局でございます。

第12回 関東産業機器フェア
会期：{nm}月{n1}日〜3日間　10:00〜17:00
会場：パシフィコ展示ホール（架空）A・Bホール
入場：無料（事前登録制）

▼来場事前登録はこちら
https://www.sangyo-fair.jp/visitor/register/

出展社数 420社、基調講演・技術セミナー 36本を予定しております。
事前登録を済ませた方は、当日受付での名刺交換が不要です。

本メールは過去に当フェアへご登録いただいた方にお送りしています。
今後のご案内が不要な方は、下記より配信停止のお手続きをお願いいたします。
https://www.sangyo-fair.jp/unsubscribe/

関東産業機器フェア事務局（運営：株式会社産業フェア企画）
TEL：03-6222-0910（平日10:00〜17:00）
""",
        "html": """\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body style="font-family:'Hiragino Kaku Gothic ProN',Meiryo,sans-serif;">
<div style="max-width:640px;margin:0 auto;">
<p>
<img src="https://go.sangyo-fair.jp/rs/712-QKT-409/images/header_12th.png" alt="第12回
関東産業機器フェア" width="640">
</p>
<p>{to_name} 様</p>
<p>平素より格別のお引き立てを賜り、厚く御礼申し上げます。<br>関東産業機器フェア事務局でございます。</p>
<table style="border:1px solid #ccc;width:100%;font-size:14px;">
<tr><th style="background:#003d7a;color:#fff;width:25%;">会期</th>
<td>{nm}月{n1}日〜3日間　10:00〜17:00</td></tr>
<tr><th style="background:#003d7a;color:#fff;">会場</th><td>パシフィコ展示ホール（架空）A・Bホール</td></tr>
<tr><th style="background:#003d7a;color:#fff;">入場</th><td>無料（事前登録制）</td></tr>
</table>
<p style="text-align:center;">
<a href="https://www.sangyo-fair.jp/visitor/register/" style="display:inline-block;padding:12px
40px;background:#e60012;color:#fff;text-decoration:none;">来場事前登録はこちら</a>
</p>
<p>登録ページ：<a href="https://www.sangyo-fair.jp/visitor/register/">https://www.sangyo-fair.jp/visitor/register/</a></p>
<p style="font-size:12px;color:#777;">配信停止は<a
href="https://www.sangyo-fair.jp/unsubscribe/">こちら</a>
<br>関東産業機器フェア事務局　TEL：03-6222-0910</p>
</div>
<img src="https://go.sangyo-fair.jp/trk?t=1&amp;mid={tok24}" width="1" height="1" alt="">
</body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "hubspot",
                "hub": "21874350",
                "hs_site": "info.nextcloud-keiri.jp",
                "p": "none",
            },
            "org": "株式会社ネクストクラウド",
        },
        "from": ("株式会社ネクストクラウド ウェビナー事務局", "seminar@nextcloud-keiri.jp"),
        "to": ("keiri", "bucho"),
        "hours": [9, 13],
        "pick": {
            "theme": [
                {"title": "インボイス制度対応後の「受領請求書」処理を半分にする方法", "wd": "{c10}"},
                {"title": "電子帳簿保存法　税務調査で見られるポイントと実務対応", "wd": "{c14}"},
                {"title": "月次決算を5営業日で締める　中小企業の経理DX事例", "wd": "{c7}"},
            ]
        },
        "subject": "【無料ウェビナー】{title}",
        "text": """\
{to_name}様

いつもお世話になっております。
株式会社ネクストクラウド ウェビナー事務局です。

経理・財務ご担当者様向けに、無料オンラインセミナーを開催いたします。

■テーマ：{title}
■日時：{wd} 14:00〜15:00（Zoomウェビナー）
■参加費：無料
■登壇：株式会社ネクストクラウド　カスタマーサクセス部

お申し込みはこちら
https://www.nextcloud-keiri.jp/webinar/{n4}?utm_source=hubspot&utm_medium=email

※同業他社様のご参加はお断りする場合がございます。
※お申し込み後、視聴URLをお送りいたします。

――――――――――――――――
株式会社ネクストクラウド
〒150-0002 東京都渋谷区渋谷二丁目24番12号
配信停止：https://info.nextcloud-keiri.jp/hs/manage-preferences/unsubscribe
""",
        "html": """\
<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"></head><body>
<div style="background:#f5f8fa;padding:24px 0;">
<div style="max-width:600px;margin:0 auto;background:#fff;padding:24px;font-size:15px;line-height:1.7;">
<p>{to_name}様</p>
<p>いつもお世話になっております。<br>株式会社ネクストクラウド ウェビナー事務局です。</p>
<p>経理・財務ご担当者様向けに、無料オンラインセミナーを開催いたします。</p>
<h2 style="font-size:18px;color:#1a4b8c;">{title}</h2>
<p>日時：{wd} 14:00〜15:00（Zoomウェビナー）<br>参加費：無料</p>
<p>
<a href="https://www.nextcloud-keiri.jp/webinar/{n4}?utm_source=hubspot&amp;utm_medium=email"
style="background:#ff7a59;color:#fff;padding:10px
24px;border-radius:4px;text-decoration:none;">お申し込みはこちら</a>
</p>
<p style="font-size:12px;color:#999;">株式会社ネクストクラウド　東京都渋谷区渋谷二丁目24番12号<br>
<a href="https://info.nextcloud-keiri.jp/hs/manage-preferences/unsubscribe">配信停止</a></p>
</div></div></body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "ses",
                "mailfrom": "bounce.mikado-kougu.jp",
                "track": True,
                "unsub": (
                    "<https://www.mikado-kougu.jp/mail/unsubscribe?t={tok}>, <mailto:unsubscribe@mika"
                    "do-kougu.jp?subject=unsubscribe>"
                ),
                "p": "quarantine",
            },
            "org": "工具のミカド",
        },
        "from": ("工具のミカド", "mailmag@mikado-kougu.jp"),
        "to": ("soumu", "senmu"),
        "hours": [8, 12, 20],
        "weekday": False,
        "pick": {
            "sale": [
                {"sub": "【本日23:59まで】決算セール 作業工具 最大40%OFF", "s": "kessan"},
                {"sub": "【期間限定】切削工具 まとめ買いで10%OFF＋ポイント3倍", "s": "cutting"},
                {"sub": "【ミカド通信】新商品入荷 測定工具・マイクロメータ特集", "s": "measure"},
            ]
        },
        "subject": "{sub}",
        "html": """\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="margin:0;">
<center>
<table width="600" style="font-family:sans-serif;border-collapse:collapse;">
<tr><td style="background:#1b365d;padding:12px;"><a href="https://www.mikado-kougu.jp/">
<img src="https://www.mikado-kougu.jp/img/mail/logo_w.png" alt="工具のミカド" height="32"></a></td>
</tr>
<tr>
<td
style="padding:12px;font-size:13px;">いつも工具のミカドをご利用いただきありがとうございます。</td>
</tr>
<tr><td><a href="https://www.mikado-kougu.jp/feature/{s}/">
<img src="https://www.mikado-kougu.jp/img/mail/{s}_{y}{m:02d}.jpg" width="600" alt="{sub}"></a></td>
</tr>
<tr><td style="padding:12px;font-size:14px;">
特集ページはこちら→ <a href="https://www.mikado-kougu.jp/feature/{s}/">https://www.mikado-kougu.jp/feature/{s}/</a><br><br>
・ラチェットハンドル 差込角12.7mm　<b>3,980円</b>→<span style="color:#d00;">2,390円</span><br>
・デジタルノギス 150mm　<b>6,800円</b>→<span style="color:#d00;">4,760円</span><br>
・超硬エンドミル 2枚刃 φ6　<b>5,200円</b>→<span style="color:#d00;">4,420円</span>
</td></tr>
<tr><td style="padding:12px;font-size:11px;color:#888;">
※価格は税込です。セール価格は{c1}23:59までのご注文に適用されます。<br>
本メールは工具のミカド会員様で、メールマガジンの受信を希望された方にお送りしています。<br>
配信停止：<a href="https://www.mikado-kougu.jp/mypage/mail/">https://www.mikado-kougu.jp/mypage/mail/</a><br>
株式会社ミカド商会　大阪府東大阪市高井田元町1-2-3
</td></tr>
</table>
</center>
</body></html>
""",
    },
    {
        "sender": {
            "route": {"kind": "sfmc", "sub": "mail.staywell-hotels.jp", "mid": "514008312", "p": "reject"},
            "org": "ステイウェルホテルズ",
        },
        "from": ("ステイウェルホテルズ", "members@mail.staywell-hotels.jp"),
        "to": ("eigyo", "senmu", "bucho"),
        "hours": [10, 17],
        "weekday": False,
        "pick": {
            "v": [
                {"sub": "【ステイウェル会員】ポイント有効期限のお知らせ（{eom}まで）", "k": "point"},
                {"sub": "出張応援！会員限定 朝食付きビジネスプラン 15%OFF", "k": "biz"},
                {"sub": "【当選発表】秋のスタンプラリー 抽選結果のお知らせ", "k": "rally"},
            ]
        },
        "subject": "{sub}",
        "text": """\
{to_sei} 様

いつもステイウェルホテルズをご利用いただき、誠にありがとうございます。

会員番号：****{n4}
現在のポイント残高：{n3}ポイント
うち{eom}に有効期限を迎えるポイント：{n2}ポイント

ポイントは1ポイント＝1円として、ご宿泊料金のお支払いにご利用いただけます。
▼ご予約・ポイント確認はこちら
https://www.staywell-hotels.jp/member/?cid=mail_{k}

会員限定プランのご案内
https://www.staywell-hotels.jp/plan/member/?cid=mail_{k}

※本メールは送信専用です。
※配信停止：https://www.staywell-hotels.jp/member/mail-setting/
ステイウェルホテルズ会員事務局
""",
        "html": """\
<html><body style="background:#ece8e1;margin:0;">
<table align="center" width="600" style="background:#fff;font-family:Meiryo,sans-serif;font-size:14px;">
<tr><td style="padding:20px;text-align:center;">
<img src="https://image.mail.staywell-hotels.jp/lib/fe3a1172/m/1/logo.png" alt="STAYWELL HOTELS"
width="200">
</td></tr>
<tr><td style="padding:0 24px;">{to_sei} 様<br>
<br>いつもステイウェルホテルズをご利用いただき、誠にありがとうございます。</td></tr>
<tr><td style="padding:16px 24px;"><table width="100%" style="border:2px solid #8a6d3b;">
<tr>
<td style="padding:12px;">会員番号：****{n4}<br>ポイント残高：<b>{n3}</b> pt<br>有効期限{eom}：<b
style="color:#b00;">{n2}</b> pt</td>
</tr></table></td></tr>
<tr><td style="padding:0 24px;text-align:center;">
<a href="https://www.staywell-hotels.jp/member/?cid=mail_{k}"
style="display:block;background:#8a6d3b;color:#fff;padding:14px;text-decoration:none;">マイページでポイントを確認する</a>
</td></tr>
<tr><td style="padding:16px 24px;font-size:12px;">ご予約：<a href="https://www.staywell-hotels.jp/plan/member/?cid=mail_{k}">https://www.staywell-hotels.jp/plan/member/</a></td></tr>
<tr>
<td style="padding:16px
24px;font-size:11px;color:#999;">本メールは送信専用アドレスからお送りしています。<br>
<a href="https://www.staywell-hotels.jp/member/mail-setting/">メール配信設定</a>｜<a href="https://www.staywell-hotels.jp/privacy/">プライバシーポリシー</a><br>
&copy; STAYWELL HOTELS Co., Ltd.</td></tr>
</table>
<img src="https://click.mail.staywell-hotels.jp/open.aspx?ffcb10-{hex16}" width="1" height="1" alt="">
</body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "mailchimp",
                "dc": "us14",
                "u": "8f3ac1e95b20d7a4c6e01f932",
                "list": "b41d07c3e2",
                "acct": "bizbookdigest",
                "unum": "27739015",
                "brand_dkim": False,
            },
            "org": "ビジネス書ダイジェスト",
        },
        "from": ("ビジネス書ダイジェスト編集部", "editor@bizbook-digest.jp"),
        "to": ("ceo", "senmu"),
        "hours": [6, 7],
        "weekday": False,
        "henc": "Q",
        "pick": {
            "book": [
                "『値決めは経営である』を町工場の社長はどう読むか",
                "『現場力を鍛える』20年後の読み直し",
                "『ザ・ゴール』ボトルネックは今どこにあるか",
                "『小さな会社の事業承継』親族外承継の現実",
            ]
        },
        "subject": "【週刊ビジネス書ダイジェスト】第{n3}号　{book}",
        "text": """\
** 週刊ビジネス書ダイジェスト　第{n3}号
------------------------------------------------------------

今週の一冊：{book}

経営者・管理職の方向けに、話題のビジネス書を10分で読める要約でお届けしています。
今週は、中小製造業の経営者の方から特にリクエストの多かった一冊です。

▼要約を読む（会員登録不要）
https://www.bizbook-digest.jp/summary/{n4}/

------------------------------------------------------------
** 編集部より
------------------------------------------------------------
読者アンケートにご協力ください。抽選で10名様にAmazonギフトカード1,000円分を
プレゼントします（締切：{c7}）。当選者の発表は発送をもって代えさせていただきます。
https://www.bizbook-digest.jp/survey/{y}/

============================================================
Copyright (C) {y} ビジネス書ダイジェスト, All rights reserved.
このメールは、当サイトでメールマガジン登録をされた方にお送りしています。

配信停止はこちら：
https://bizbookdigest.us14.list-manage.com/unsubscribe?u=8f3ac1e95b20d7a4c6e01f932&id=b41d07c3e2
""",
        "html": """\
<!doctype html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8">
<title>週刊ビジネス書ダイジェスト</title></head>
<body>
<center><table id="bodyTable" width="100%" style="background:#fafafa;"><tr>
<td align="center" valign="top" id="bodyCell">
<table class="templateContainer" width="600" style="background:#fff;">
<tr><td class="mcnTextContent" style="padding:18px;font-size:15px;line-height:1.8;">
<h1 style="font-size:20px;">週刊ビジネス書ダイジェスト　第{n3}号</h1>
<p><strong>今週の一冊：{book}</strong></p>
<p>経営者・管理職の方向けに、話題のビジネス書を10分で読める要約でお届けしています。</p>
<p><a href="https://www.bizbook-digest.jp/summary/{n4}/" target="_blank">https://www.bizbook-digest.jp/summary/{n4}/</a></p>
<p>読者アンケートにご協力ください。抽選で10名様にAmazonギフトカード1,000円分をプレゼントします（締切：{c7}）。<br>
<a href="https://www.bizbook-digest.jp/survey/{y}/" target="_blank">アンケートに回答する</a></p>
</td></tr>
<tr><td class="footerContent" style="padding:18px;font-size:12px;color:#656565;">
<em>Copyright &copy; {y} ビジネス書ダイジェスト, All rights reserved.</em><br>
<a href="https://bizbookdigest.us14.list-manage.com/unsubscribe?u=8f3ac1e95b20d7a4c6e01f932&amp;id=b41d07c3e2">配信停止</a>
<a href="https://bizbookdigest.us14.list-manage.com/profile?u=8f3ac1e95b20d7a4c6e01f932&amp;id=b41d07c3e2">登録内容の変更</a>
</td></tr></table>
</td></tr></table></center>
<img
src="https://bizbookdigest.us14.list-manage.com/track/open.php?u=8f3ac1e95b20d7a4c6e01f932&amp;id={hex8}ab&amp;e={hex8}cd"
height="1"
width="1"
alt="">
</body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "sendgrid",
                "brand": "coffee-biyori.jp",
                "uid": "31920447",
                "em": "7313",
                "ptr": "5527",
                "url": "3306",
                "p": "none",
            },
            "org": "オフィスコーヒー 珈琲日和",
        },
        "from": ("珈琲日和 キャンペーン事務局", "campaign@coffee-biyori.jp"),
        "to": ("soumu", "jinji"),
        "subject": "【当選のお知らせ】珈琲日和 オフィス応援プレゼントキャンペーン",
        "text": """\
{org_name}
{to_name} 様

この度は「珈琲日和 オフィス応援プレゼントキャンペーン」にご応募いただき、
誠にありがとうございました。

厳正なる抽選の結果、{to_name}様が【B賞：ドリップバッグ 100杯分】に
ご当選されましたので、お知らせいたします。おめでとうございます！

賞品発送のため、下記フォームより{c7}までに
お届け先情報をご登録ください。

▼お届け先登録フォーム
https://www.coffee-biyori.jp/campaign/{y}office/form/?id={tok12}

※期限までにご登録がない場合、当選を無効とさせていただきます。
※賞品の発送は{nm}月中旬を予定しております。
※当選の権利は第三者への譲渡・換金はできません。

━━━━━━━━━━━━━━━━━━━━━
珈琲日和 キャンペーン事務局
受付時間：平日10:00〜17:00
https://www.coffee-biyori.jp/
━━━━━━━━━━━━━━━━━━━━━
""",
        "html": """\
<html><head><meta charset="utf-8"></head><body style="background:#f7f1e8;">
<div style="max-width:560px;margin:0
auto;background:#fff;padding:28px;font-size:14px;line-height:1.8;color:#3b2a1a;">
<p style="text-align:center;">
<img src="https://www.coffee-biyori.jp/assets/mail/logo.png" width="160" alt="珈琲日和"></p>
<p>{org_name}<br>{to_name} 様</p>
<p>この度は「珈琲日和 オフィス応援プレゼントキャンペーン」にご応募いただき、誠にありがとうございました。</p>
<p>厳正なる抽選の結果、<b>【B賞：ドリップバッグ
100杯分】</b>にご当選されましたので、お知らせいたします。おめでとうございます！</p>
<p>賞品発送のため、<b>{c7}まで</b>に下記フォームよりお届け先情報をご登録ください。</p>
<p style="text-align:center;">
<a href="https://www.coffee-biyori.jp/campaign/{y}office/form/?id={tok12}"
style="background:#6b3e1e;color:#fff;padding:12px 32px;text-decoration:none;">お届け先を登録する</a>
</p>
<p style="font-size:12px;">※期限までにご登録がない場合、当選を無効とさせていただきます。</p>
<p style="font-size:12px;color:#888;">珈琲日和 キャンペーン事務局　<a href="https://www.coffee-biyori.jp/">https://www.coffee-biyori.jp/</a></p>
</div></body></html>
""",
        "vars": {"org_name": ja_org.ORG_NAME},
    },
    {
        "sender": {
            "route": {
                "kind": "mailchimp",
                "dc": "us21",
                "u": "c27e90d1f4a8b36e5d12a7f08",
                "list": "5e0a9c13d7",
                "acct": "zumenbox",
                "unum": "31057722",
                "p": "none",
            },
            "org": "ZUMEN BOX",
        },
        "from": ("ZUMEN BOX", "news@zumenbox.jp"),
        "to": ("joho", "eigyo", "senmu"),
        "hours": [11, 16],
        "pick": {"ver": ["3.{n1}.0", "4.0.{n1}", "4.{n1}.2"]},
        "subject": "【ZUMEN BOX】バージョン{ver}リリースのお知らせ",
        "text": """\
ZUMEN BOX をご利用の皆さま

いつも図面管理クラウド「ZUMEN BOX」をご利用いただきありがとうございます。
本日、バージョン{ver}をリリースしました。

■主な新機能
・DXF／STEPファイルのブラウザプレビューに対応
・図番の一括リネーム（CSV取込）
・取引先への図面共有リンクに有効期限とパスワードを設定可能に

■改善・修正
・検索結果の表示速度を改善しました
・一部環境でPDF出力時に文字化けする問題を修正しました

リリースノート：https://www.zumenbox.jp/release/{ver}/
ヘルプセンター：https://support.zumenbox.jp/

ご不明点は、管理画面右下のチャットからお問い合わせください。

--
ZUMEN BOX 運営事務局（株式会社ドローイングラボ）
配信停止：https://zumenbox.us21.list-manage.com/unsubscribe?u=c27e90d1f4a8b36e5d12a7f08&id=5e0a9c13d7
""",
        "html": """\
<!doctype html><html><head><meta charset="UTF-8"></head><body style="background:#eef2f5;">
<table width="600" align="center"
style="background:#fff;font-family:sans-serif;font-size:14px;line-height:1.7;">
<tr><td style="padding:20px 24px;border-bottom:3px solid #0a7cc1;">
<img src="https://mcusercontent.com/c27e90d1f4a8b36e5d12a7f08/images/zb_logo.png" alt="ZUMEN BOX"
width="150">
</td></tr>
<tr><td style="padding:20px 24px;">
<p>ZUMEN BOX をご利用の皆さま</p>
<p>本日、バージョン{ver}をリリースしました。</p>
<h3>主な新機能</h3>
<ul><li>DXF／STEPファイルのブラウザプレビューに対応</li><li>図番の一括リネーム（CSV取込）</li><li>図面共有リンクに有効期限とパスワードを設定可能に</li></ul>
<p>リリースノート：<a href="https://www.zumenbox.jp/release/{ver}/">https://www.zumenbox.jp/release/{ver}/</a></p>
</td></tr>
<tr><td style="padding:16px 24px;font-size:11px;color:#888;">株式会社ドローイングラボ<br>
<a href="https://zumenbox.us21.list-manage.com/unsubscribe?u=c27e90d1f4a8b36e5d12a7f08&amp;id=5e0a9c13d7">配信停止</a></td></tr>
</table></body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "cuenote",
                "acct": "chusho-keiei",
                "bounce": "err.chusho-keiei.co.jp",
                "p": "none",
            },
            "org": "週刊 中小企業経営",
        },
        "from": ("週刊 中小企業経営", "mag@chusho-keiei.co.jp"),
        "to": ("ceo", "bucho"),
        "hours": [8],
        "charset": "ISO-2022-JP",
        "pick": {
            "hd": [
                "最低賃金引き上げ、中小企業はどう備えるか",
                "「賃上げ促進税制」使える会社・使えない会社",
                "事業承継税制の特例、申請期限に注意",
                "取引適正化へ　下請法改正のポイント",
            ]
        },
        "subject": "[週刊 中小企業経営] {hd}",
        "text": """\
┏━━━━━━━━━━━━━━━━━━━━━━━━━┓
　週刊 中小企業経営　　　　{ymd}発行
┗━━━━━━━━━━━━━━━━━━━━━━━━━┛

◆今週の特集
　{hd}
　https://www.chusho-keiei.co.jp/feature/{y}{m:02d}{d:02d}/

◆経営Q&A
　Q. 取引先から振込先変更の連絡が来ました。どう確認すべき？
　A. 書面の到着だけで変更せず、既知の電話番号で担当者に確認を。
　https://www.chusho-keiei.co.jp/qa/{n4}/

◆今週の数字
　中小企業の休廃業・解散件数　前年比 +{n1}.{n1}%

━━━━━━━━━━━━━━━━━━━━━━━━━━
本メールマガジンは、弊社サービスにご登録いただいた方に
お送りしております。
■配信停止　https://www.chusho-keiei.co.jp/mm/stop/
■発行　株式会社中小企業経営研究社
━━━━━━━━━━━━━━━━━━━━━━━━━━
""",
    },
]


# == 2. invoices, receipts, payment notices ==========================================================

_INVOICE: list[dict[str, Any]] = [
    {
        "sender": "daiwa",
        "from": ("大和商事株式会社 経理部", "keiri@daiwa-shoji.co.jp"),
        "to": ("keiri", "keiri-ml"),
        "days": (1, 8),
        "subject": "【大和商事】{pm}月分 御請求書送付のご案内",
        "attach": [("pdf", "請求書_{pmy}{pm:02d}_みなと精機様.pdf")],
        "text": """\
株式会社みなと精機
経理ご担当者様

いつも大変お世話になっております。
大和商事株式会社 経理部でございます。

{pmy}年{pm}月分の御請求書をお送りいたします。
添付のPDFファイルをご確認くださいますようお願い申し上げます。

　請求金額：￥{total}-（税込）
　お支払期日：{due}
　お振込先：請求書記載の口座（従来から変更はございません）

なお、原本の郵送は省略させていただいております。
ご不明な点がございましたら、営業担当の松本までご連絡ください。

今後ともよろしくお願い申し上げます。

━━━━━━━━━━━━━━━━━━━━
大和商事株式会社　経理部
〒101-0032 東京都千代田区岩本町2-11-7
TEL：03-5812-4470　FAX：03-5812-4471
━━━━━━━━━━━━━━━━━━━━
""",
    },
    {
        "sender": {
            "route": {"kind": "ses", "mailfrom": "mail.misoca.jp", "dkim_d": "misoca.jp", "p": "none"},
            "org": "Misoca",
        },
        "from": ("千代田印刷株式会社 (Misoca)", "noreply@misoca.jp"),
        "reply_to": ("森 雄一", "y.mori@chiyoda-insatsu.co.jp"),
        "to": ("keiri", "keiri-ml"),
        "days": (1, 10),
        "subject": "千代田印刷株式会社 様から請求書が届きました",
        "text": """\
株式会社みなと精機 ご担当者様

千代田印刷株式会社 様から、請求書が届きました。
下記URLから内容をご確認ください。

件名：{pm}月分 印刷代金（会社案内リーフレット他）
請求番号：INV-{pmy}{pm:02d}-{n3}
請求金額：{total}円
お支払期限：{eom}

▼請求書を確認する
https://app.misoca.jp/view/{tok24}

--------------------------------------------------
千代田印刷株式会社 様からのメッセージ：
いつもお世話になっております。
{pm}月分のご請求書をお送りいたします。
ご査収のほどよろしくお願いいたします。
--------------------------------------------------

このメールは、請求書作成サービス「Misoca」から送信しています。
本メールに返信すると、千代田印刷株式会社 様へ届きます。
Misoca https://www.misoca.jp/
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "mta": "sendmail",
                "sub": "app",
                "app": "seikyu01.hokuto-unyu.co.jp",
                "host": "mail.hokuto-unyu.co.jp",
                "ip": "203.0.113.45",
                "mid": "dotted",
                "boundary": "part",
            },
            "org": "北斗運輸株式会社",
        },
        "from": ("北斗運輸株式会社 請求システム", "seikyu@hokuto-unyu.co.jp"),
        "to": ("keiri",),
        "days": (1, 6),
        "hours": (3, 5),
        "charset": "Shift_JIS",
        "cte": "8bit",
        "subject": "【北斗運輸】運賃請求書のご送付（{pmy}年{pm}月締め分）",
        "attach": [("pdf", "seikyu_{pmy}{pm:02d}_{num6}.pdf"), ("csv", "meisai_{pmy}{pm:02d}_{num6}.csv")],
        "fname_style": "ew",
        "csv": (
            "お届け日,伝票番号,届け先,個数,重量(kg),運賃\r\n"
            "{pmy}/{pm}/05,{num10},東洋電機株式会社,3,42,4620\r\n"
            "{pmy}/{pm}/12,{num12},大和商事株式会社,1,8,1980\r\n"
        ),
        "text": """\
株式会社みなと精機　御中

平素は格別のお引き立てを賜り、厚く御礼申し上げます。
{pmy}年{pm}月締め分の運賃請求書を送付いたします。

お客様コード　：{num6}
請求金額　　　：{total}円（消費税込）
お支払期限　　：{due}

請求書（PDF）と明細（CSV）を添付しております。
本メールはシステムより自動送信しております。
ご返信いただいてもお答えできませんので、
お問い合わせは下記までお願いいたします。

北斗運輸株式会社　業務部　請求担当
TEL 0463-22-8150（平日 9:00〜17:00）
""",
    },
    {
        "sender": "fuji",
        "from": ("富士システムズ株式会社 請求担当", "billing@fuji-systems.co.jp"),
        "to": ("keiri", "joho"),
        "cc": ["joho"],
        "days": (1, 10),
        "subject": "【富士システムズ】ITサポート保守料 請求書送付のご案内（{pmy}年{pm}月分）",
        "attach": [("pdf", "FS請求書_{pmy}{pm:02d}_{num6}.pdf")],
        "text": """\
株式会社みなと精機
経理ご担当者様

いつもお世話になっております。
富士システムズ株式会社 請求担当でございます。

下記の通り、請求書をお送りいたします。

・件名　：ITサポート保守料（サーバ・ネットワーク機器）{pmy}年{pm}月分
・金額　：{total}円（税込）
・支払期日：{eom}
・登録番号：T8010401{num6}

請求書PDFを添付しております。ご査収のほどよろしくお願いいたします。
ご不明点は情報システムご担当の加藤様経由、または本メールへのご返信でお問い合わせください。

--
富士システムズ株式会社　管理部 請求担当
〒141-0031 東京都品川区西五反田1-3-8
TEL：03-6426-1180
""",
    },
    {
        "sender": "sato",
        "to": ("bucho",),
        "cc": ["keiri"],
        "days": (1, 12),
        "subject": "{pm}月分 顧問報酬のご請求について",
        "attach": [("pdf", "御請求書_{pmy}年{pm}月分.pdf")],
        "text": """\
株式会社みなと精機
経理部長　伊藤 由美 様

いつもお世話になっております。
佐藤税理士事務所の佐藤でございます。

{pm}月分の顧問報酬につきまして、請求書を添付にてお送りいたします。

　顧問報酬（月額）　　　{amt}円
　消費税　　　　　　　　{tax}円
　合計　　　　　　　　　{total}円

お振込は{eom}までにお願いできれば幸いです。

また、来月の月次訪問は{d10}を予定しております。
ご都合が悪いようでしたらお知らせください。

よろしくお願いいたします。

＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
佐藤税理士事務所
税理士　佐藤 浩
〒231-0011 横浜市中区太田町4-51
TEL 045-321-7788 / FAX 045-321-7789
＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
""",
    },
    {
        "sender": "toyo",
        "from": ("東洋電機株式会社 経理部", "ap-notice@toyo-denki.co.jp"),
        "to": ("keiri",),
        "days": (20, 28),
        "subject": "【東洋電機】支払通知書送付のご案内（{y}年{m}月末支払分）",
        "attach": [("pdf", "支払通知書_{y}{m:02d}_0{num6}.pdf")],
        "text": """\
株式会社みなと精機 御中

平素より大変お世話になっております。
東洋電機株式会社 経理部です。

{y}年{m}月末支払分の支払通知書を送付いたします。
お支払予定日：{eom}
お支払金額：{total}円（振込手数料当社負担）

内容をご確認のうえ、相違がございましたら{d5}までに
購買部 井上までご連絡ください。

※本メールは送信専用アドレスから送信しております。

東洋電機株式会社　経理部
〒330-0854 埼玉県さいたま市大宮区桜木町1-9-4
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mta02.tokyomirai-bank.co.jp",
                "ip": "192.0.2.87",
                "dkim": [("bizdirect.tokyomirai-bank.co.jp", "tmb2023")],
                "p": "reject",
                "mid": "dotted",
            },
            "org": "東京みらい銀行",
        },
        "from": ("東京みらい銀行", "info@bizdirect.tokyomirai-bank.co.jp"),
        "to": ("keiri", "bucho"),
        "charset": "ISO-2022-JP",
        "subject": "【東京みらい銀行】振込受付完了のお知らせ",
        "text": """\
株式会社みなと精機　様

いつも東京みらい銀行をご利用いただき、ありがとうございます。
ビジネスダイレクトにて、以下の振込を受け付けました。

受付番号　：{num10}
受付日時　：{ymd} {hm}
振込指定日：{d1}
振込件数　：{n2}件
振込金額合計：{total}円

お取引内容の詳細は、ビジネスダイレクトにログインのうえ
「振込・振替」→「取引状況照会」よりご確認ください。

お心当たりのない場合は、至急下記までご連絡ください。

─────────────────────
東京みらい銀行　ビジネスダイレクト ヘルプデスク
0120-391-774（平日 9:00〜18:00）
※本メールは送信専用です。ご返信いただいても回答できません。
※当行では、メールでパスワードやワンタイムパスワードを
　お尋ねすることはございません。
─────────────────────
""",
    },
    {
        "sender": "chuo",
        "to": ("senmu", "bucho"),
        "subject": "ご請求書の送付について（顧問契約 {pm}月分）",
        "attach": [("pdf", "請求書（株式会社みなと精機様）{pmy}{pm:02d}.pdf")],
        "text": """\
株式会社みなと精機
専務取締役　渡辺 誠 様

いつもお世話になっております。
中央総合法律事務所の木村です。

顧問契約に基づく{pm}月分の顧問料につき、請求書を添付いたします。
併せて、同月にご相談いただいた取引基本契約書のレビュー業務の
タイムチャージ分を計上しております。

ご確認のほど、よろしくお願い申し上げます。

-------------------------------------------------------
中央総合法律事務所
弁護士　木村 恵子
〒100-0005 東京都千代田区丸の内三丁目3番1号
TEL：03-3213-5560　FAX：03-3213-5561
本メールには秘匿特権の対象となる情報が含まれる場合があります。
誤って受信された場合は、お手数ですが削除のうえご連絡ください。
-------------------------------------------------------
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mx-out02.sakura.ad.jp",
                "ip": "59.106.0.42",
                "dkim": [("sakura.ad.jp", "s20231")],
                "p": "none",
                "mid": "uuid",
            },
            "org": "さくらインターネット",
        },
        "from": ("さくらインターネット", "info@sakura.ad.jp"),
        "to": ("joho",),
        "days": (1, 5),
        "subject": "[さくらのクラウド] {pmy}年{pm}月分 ご利用料金確定のお知らせ",
        "text": """\
株式会社みなと精機
加藤 大輔 様

さくらインターネットをご利用いただきありがとうございます。
{pmy}年{pm}月分のご利用料金が確定しましたのでお知らせいたします。

会員ID　　　：{upper6}{n4}
ご請求金額　：{total}円（税込）
お支払方法　：請求書払い
お支払期限　：{eom}

ご請求書・領収書は、会員メニューからダウンロードいただけます。
https://secure.sakura.ad.jp/auth/login

※本メールは送信専用アドレスからお送りしています。
--
さくらインターネット株式会社
https://www.sakura.ad.jp/
""",
    },
]


# == 3. notices from correspondents =================================================================

_NOTICE: list[dict[str, Any]] = [
    {
        "sender": "daiwa",
        "to": ("eigyo", "senmu", "bucho"),
        "months": [1, 2, 3, 8, 9],
        "subject": "価格改定のお願い（{nm}月{n1}日出荷分より）",
        "attach": [("pdf", "価格改定のお願い_大和商事.pdf")],
        "text": """\
株式会社みなと精機
{to_name} 様

平素は格別のご高配を賜り、厚く御礼申し上げます。
大和商事の松本でございます。

誠に心苦しいお願いではございますが、原材料（鋼材・アルミ）価格および
物流費の高騰が続いており、弊社の企業努力のみでは吸収が困難な状況となりました。
つきましては、添付の書面のとおり、{nmy}年{nm}月{n1}日出荷分より
一部商品の価格を改定させていただきたく、お願い申し上げます。

　対象：SS400・S45C 丸棒／角材、A5052 板材
　改定幅：約5〜12%（品目により異なります）

詳細は添付PDFの改定表をご覧ください。
近日中にご説明に伺いたく存じますので、ご都合のよい日時を
お知らせいただけますと幸いです。

何卒ご理解賜りますよう、よろしくお願い申し上げます。

━━━━━━━━━━━━━━━━━━━━
大和商事株式会社　営業部
松本 隆
TEL：03-5812-4470　携帯：090-4821-6637
━━━━━━━━━━━━━━━━━━━━
""",
    },
    {
        "sender": "suzuki",
        "to": ("jinji", "soumu"),
        "subject": "事務所移転のお知らせ",
        "text": """\
株式会社みなと精機
人事ご担当者様

いつも大変お世話になっております。
鈴木社会保険労務士事務所の鈴木でございます。

このたび、業務拡大に伴い、下記のとおり事務所を移転することとなりました。

■新住所
〒108-0014 東京都港区芝五丁目29番14号 田町ビル6階
■業務開始日
{nmy}年{nm}月{n1}日（月）
■電話番号・FAX番号・メールアドレス
変更ございません（TEL 03-5436-9021）

移転作業のため、{nm}月{n1}日の前営業日は電話がつながりにくくなる
可能性がございます。ご迷惑をおかけいたしますが、ご了承ください。

今後とも変わらぬお引き立てのほど、よろしくお願い申し上げます。

{sd}
鈴木社会保険労務士事務所
特定社会保険労務士　鈴木 明美
akemi@suzuki-sharoushi.jp
""",
    },
    {
        "sender": "hokuto",
        "to": ("keiri", "bucho"),
        "cc": ["bucho"],
        "subject": "【重要】お振込先口座変更のご案内",
        "attach": [("pdf", "振込先変更のご案内_北斗運輸.pdf")],
        "text": """\
株式会社みなと精機
経理ご担当者様

平素は格別のお引き立てを賜り、厚く御礼申し上げます。
北斗運輸株式会社の林でございます。

このたび、弊社メインバンクの変更に伴い、お振込先口座を
下記のとおり変更させていただくこととなりました。

　変更日：{nmy}年{nm}月1日お支払分より
　新口座：湘南中央信用金庫　平塚支店　普通預金
　　　　　（口座番号・名義は添付の書面をご確認ください）

正式なご案内文書（代表者印押印済）を添付にてお送りするとともに、
同じものを郵送にてお届けいたします。

なお、昨今、振込先変更を装った詐欺メールが多発しております。
お手数ですが、ご登録の変更前に、必ず弊社の既存の電話番号
（0463-22-8150）にて弊社担当者へご確認いただきますよう
お願い申し上げます。旧口座は{nm}月末まではご利用いただけます。

ご不便をおかけいたしますが、何卒よろしくお願い申し上げます。

――――――――――――――――――
北斗運輸株式会社　業務部
林 健太
〒254-0034 神奈川県平塚市宝町3-17
TEL 0463-22-8150 / FAX 0463-22-8151
――――――――――――――――――
""",
    },
    {
        "sender": "chiyoda",
        "to": ("soumu", "eigyo", "info"),
        "months": [12],
        "days": (1, 22),
        "subject": "年末年始休業のお知らせ",
        "text": """\
お取引先各位

拝啓　師走の候、貴社ますますご清栄のこととお慶び申し上げます。
平素は格別のお引き立てを賜り、厚く御礼申し上げます。

さて、弊社では誠に勝手ながら、下記の期間を年末年始休業とさせていただきます。

　休業期間：{y}年12月27日（土）〜{nmy}年1月4日（日）

※12月26日（金）は15時にて業務を終了いたします。
※休業期間中にいただいたご注文・お問い合わせにつきましては、
　1月5日（月）以降、順次対応させていただきます。
※年内の納品をご希望の案件は、12月{n1}日までに校了をお願いいたします。

ご不便をおかけいたしますが、何卒ご了承くださいますようお願い申し上げます。
本年も大変お世話になりました。来年も変わらぬご愛顧のほどお願い申し上げます。

敬具

千代田印刷株式会社
営業部　森 雄一
TEL 03-3866-2741
""",
    },
    {
        "sender": "fuji",
        "from": ("富士システムズ株式会社", "info@fuji-systems.co.jp"),
        "to": ("joho", "soumu"),
        "months": [12, 4, 7, 8],
        "pick": {
            "v": [
                {"kind": "年末年始休業", "per": "12月27日（土）〜1月4日（日）", "mm": [12]},
                {"kind": "夏季休業", "per": "8月9日（土）〜8月17日（日）", "mm": [7, 8]},
                {"kind": "ゴールデンウィーク休業", "per": "5月3日（土）〜5月6日（火）", "mm": [4]},
            ]
        },
        "subject": "【富士システムズ】{kind}期間中のサポート対応について",
        "text": """\
お客様各位

平素より弊社サービスをご利用いただき、誠にありがとうございます。
富士システムズ株式会社 サポートセンターです。

誠に勝手ながら、下記期間を{kind}とさせていただきます。

■休業期間
　{per}

■休業期間中の対応
・保守契約（プレミアム）のお客様：緊急連絡窓口にて24時間受付いたします
　緊急窓口：050-3188-4021
・上記以外のお客様：メール・フォームでのお問い合わせは受け付けますが、
　ご回答は休業明けより順次となります

ご不便をおかけいたしますが、ご理解のほどよろしくお願いいたします。

--
富士システムズ株式会社　サポートセンター
support@fuji-systems.co.jp / 03-6426-1180
""",
    },
    {
        "sender": "daiwa",
        "from": ("岡田 美咲", "m.okada@daiwa-shoji.co.jp"),
        "to": ("eigyo",),
        "cc": ["senmu"],
        "months": [3, 4, 9, 10],
        "subject": "担当者変更のご挨拶（大和商事 岡田）",
        "text": """\
株式会社みなと精機
吉田 彩 様

いつもお世話になっております。
大和商事株式会社 営業部の岡田美咲と申します。

このたびの人事異動により、{nm}月1日付で、前任の松本に代わり
貴社を担当させていただくこととなりました。

松本は{nm}月より大阪支店へ異動となりますが、月末までは
引き継ぎのため私と一緒にご対応させていただきます。
後日、松本とともにご挨拶に伺いたく存じます。

至らない点もあるかと存じますが、精一杯努めてまいりますので、
今後ともどうぞよろしくお願い申し上げます。

なお、ご発注・お見積りのご依頼先、ご請求・お支払いに関する
お手続きには一切変更はございません。

━━━━━━━━━━━━━━━━━━━━
大和商事株式会社　営業部
岡田 美咲（おかだ みさき）
TEL：03-5812-4470　携帯：080-2231-5590
m.okada@daiwa-shoji.co.jp
━━━━━━━━━━━━━━━━━━━━
""",
    },
    {
        "sender": "chiyoda",
        "to": ("soumu", "eigyo"),
        "months": [5, 6, 10],
        "subject": "代表取締役就任のご挨拶",
        "text": """\
お取引先各位

謹啓　時下ますますご清祥のこととお慶び申し上げます。
平素は格別のご厚情を賜り、厚く御礼申し上げます。

さて、弊社は{ymd}開催の定時株主総会および取締役会におきまして、
代表取締役社長に森 正弘が就任いたしましたので、ご通知申し上げます。
前代表取締役社長 森 和夫は代表権のない会長に就任いたしました。

新体制のもと、社員一同より一層のサービス向上に努めてまいる所存です。
何卒、旧に倍するご指導ご鞭撻を賜りますよう、お願い申し上げます。

略儀ながら、メールにてご挨拶申し上げます。

謹白

千代田印刷株式会社
代表取締役社長　森 正弘
（担当：営業部　森 雄一）
""",
    },
]


# == 4. internal mail ===============================================================================

_INTERNAL: list[dict[str, Any]] = [
    {
        "sender": "i-jinji",
        "to": "all",
        "months": [10, 11],
        "subject": "【提出期限 {d10}】年末調整書類の提出について",
        "text": """\
社員各位

お疲れさまです。人事部の山本です。

今年も年末調整の時期となりました。
下記の書類を、{d10}までに人事部（山本）へご提出ください。

１．給与所得者の扶養控除等（異動）申告書（{nmy}年分）
２．給与所得者の基礎控除申告書 兼 配偶者控除等申告書 兼 所得金額調整控除申告書
３．給与所得者の保険料控除申告書
　　※生命保険料・地震保険料の控除証明書（原本）を添付してください
４．住宅借入金等特別控除申告書（該当者のみ）

用紙は各部署の部長席にまとめて配布しています。
記入例は共有フォルダに置いてあります。
　\\\\fs01\\総務人事\\年末調整\\{y}年\\記入例.pdf

中途入社の方は、前職の源泉徴収票も併せてご提出ください。
期限を過ぎた場合、ご自身で確定申告が必要になることがありますので
ご注意ください。

不明点は内線231までお気軽にどうぞ。

――――――――――――
人事部　山本 さくら
内線：231
――――――――――――
""",
    },
    {
        "sender": "i-jinji",
        "to": ("eigyo", "joho", "soumu", "keiri"),
        "months": [1, 4, 5, 10],
        "subject": "マイナンバー提出のお願い（扶養家族異動に伴う）",
        "text": """\
{to_name}さん

お疲れさまです。人事部の山本です。

先日ご提出いただいた扶養控除等申告書で、扶養家族の追加がありましたので、
追加となったご家族のマイナンバー（個人番号）のご提出をお願いします。

■提出方法
・メールでの送付は絶対にしないでください。
・人事部で配布している「個人番号提出用封筒」に、
　マイナンバーカードの表裏のコピー（または通知カード＋本人確認書類のコピー）を入れ、
　封をして人事部山本へ手渡しでお願いします。

■提出期限
{d7}

封筒は人事部の棚（入口右側）にあります。
ご不明な点があれば内線231までご連絡ください。

よろしくお願いします。

人事部　山本 さくら（内線231）
""",
    },
    {
        "sender": "i-keiri",
        "to": "all",
        "days": (18, 24),
        "subject": "【経理】{m}月分 経費精算の締切について（{d3}締め）",
        "text": """\
各位

お疲れさまです。経理部の小林です。

{m}月分の経費精算の締切は {d3} 17:00 です。
期限を過ぎたものは翌月処理となりますのでご注意ください。

・交通費、出張旅費、立替経費は経費精算システムから申請してください
　https://keihi.minato-seiki.co.jp/
・領収書（原本）は申請番号を記入のうえ、経理部の提出箱へ
・インボイス（適格請求書）の登録番号が記載されていない領収書は、
　申請時に「登録番号なし」にチェックを入れてください
・{eom}までに上長承認が完了していないものは翌月扱いになります

タクシー利用の際は、利用区間と目的の記載をお忘れなく。

以上、よろしくお願いいたします。

----------------------------------
株式会社みなと精機　経理部
小林 直樹（内線 221）
----------------------------------
""",
    },
    {
        "sender": "i-joho",
        "to": "all",
        "months": [3, 6, 9, 12],
        "subject": "【情報システム部】パスワード定期変更のお願い（{d10}まで）",
        "text": """\
全社員各位

情報システム部の加藤です。

社内規程に基づき、四半期ごとのパスワード定期変更をお願いします。
{d10}までに、以下の手順で変更してください。

1. 社内ポータルにログイン
   https://portal.minato-seiki.co.jp/
2. 右上のアカウント名 → 「パスワード変更」
3. 新しいパスワードを入力（12文字以上、英大小文字・数字・記号を含む）

※期限を過ぎるとログイン時に変更画面が表示され、変更するまで
  メール・ファイルサーバにアクセスできなくなります。
※過去3回分と同じパスワードは使用できません。
※社外のサイトと同じパスワードは使わないでください。

社外からのメールで「パスワードの有効期限が切れます」等の案内が
届くことがありますが、情報システム部からの案内は必ず社内の
このアドレスから送信し、社内ポータル以外のURLは記載しません。

不明点は内線241（加藤）まで。

--
情報システム部　加藤 大輔
内線241 / d.kato@minato-seiki.co.jp
""",
    },
    {
        "sender": "i-joho",
        "to": "all",
        "months": [2, 7, 11],
        "subject": "標的型メール訓練の結果について（{pm}月実施分）",
        "text": """\
全社員各位

情報システム部の加藤です。

{pm}月{n1}日に実施した標的型メール訓練の結果をお知らせします。
ご協力ありがとうございました。

■訓練メール
　件名「【至急】賞与明細の確認のお願い」
　添付ファイル（訓練用、無害）を開くと記録される方式

■結果（対象 {n2}名）
　添付ファイルを開いた：{n1}名
　情報システム部へ報告した：{n2}名中の過半数
　前回と比べ、開封率は下がり、報告率は上がりました

■振り返り
・差出人の表示名が社内の人でも、アドレスが社外のものでした
・「至急」「本日中」など急がせる表現に注意してください
・おかしいと思ったら、開かずに情報システム部へ転送してください
　（誤って開いてしまっても、すぐ報告してもらえれば大丈夫です）

開封してしまった方には、個別に簡単な確認をお願いしています。
次回は抜き打ちで実施します。

--
情報システム部　加藤 大輔（内線241）
""",
    },
    {
        "sender": "i-joho",
        "to": "all",
        "subject": "【注意喚起】取引先を装った不審メールについて",
        "pick": {
            "case": [
                "取引先の担当者名で「振込先口座が変更になりました」と連絡するメール",
                "宅配業者を装い「お荷物をお届けにあがりましたが不在のため持ち帰りました」とSMSやメールでURLを送るもの",
                "Microsoft 365 を装い「メールボックスの容量がいっぱいです」とログイン画面に誘導するメール",
                "社長名で「極秘の案件があるので至急LINEで連絡してほしい」と依頼するメール",
            ]
        },
        "text": """\
全社員各位

情報システム部の加藤です。

最近、同業他社や取引先で以下のような不審メールの被害が報告されています。

　・{case}

こうしたメールは、差出人名やロゴが本物そっくりで、
文面も自然な日本語になっており、見分けるのが難しくなっています。

■お願い
１．振込先の変更や支払いに関する依頼は、メールだけで対応せず、
　　必ず既知の電話番号で相手に確認してください。
２．メール内のURLからID・パスワードを入力しないでください。
３．少しでも怪しいと思ったら、開かずに情報システム部へ転送してください。
　　報告先：joho@minato-seiki.co.jp（内線241）

「怪しいけど本物だった」という報告も大歓迎です。
ご協力よろしくお願いします。

--
情報システム部　加藤 大輔
""",
    },
    {
        "sender": "i-senmu",
        "to": ("eigyo", "bucho"),
        "cc": ["ceo"],
        "subject": "【会議招集】{nm}月度 営業会議のご案内",
        "ics": ("{nm}月度 営業会議", 5, 90),
        "text": """\
関係各位

お疲れさまです。渡辺です。

{nm}月度の営業会議を下記のとおり開催します。

日時：{d5} 10:00〜11:30
場所：本社3階 第1会議室（Teams併用）
議題：
　1. 前月実績と今期着地見込み
　2. 東洋電機様 新規案件（治具一式）の進捗
　3. 価格改定（仕入先）への対応方針
　4. 展示会出展の是非

各自、担当顧客の受注見込みを前日までに共有フォルダの
「営業会議資料」に更新しておいてください。

以上、よろしくお願いします。

渡辺
""",
    },
    {
        "sender": "i-eigyo",
        "to": ("senmu",),
        "cc": ["eigyo-ml"],
        "subject": "【日報】{ymd} 吉田",
        "pick": {
            "visit": [
                "東洋電機様（大宮）：井上様と治具の仕様打合せ。図面修正版を来週提出予定。",
                "新規：相模精工様（厚木）：会社紹介。試作1件の引合いあり、見積提出予定。",
                "大和商事様：価格改定の説明を受ける。対象品目の影響額を試算中。",
                "東洋電機様：納期の件でお詫び訪問。次回以降の納期管理方法を説明し了承いただく。",
            ]
        },
        "text": """\
渡辺専務

お疲れさまです。吉田です。
本日の日報です。

■訪問
・{visit}

■電話・メール対応
・見積依頼 2件（既存顧客）→ {d2}までに回答予定
・納期問合せ 1件 → 製造部に確認済み、回答済み

■明日の予定
・午前：見積作成（東洋電機様 治具）
・午後：社内打合せ（製造部と工程確認）

■所感・相談事項
特になし

以上です。

吉田 彩
""",
    },
    {
        "sender": "i-soumu",
        "to": "all",
        "pick": {
            "v": [
                {
                    "t": "定期健康診断のご案内",
                    "b": (
                        "今年度の定期健康診断を{d14}、{d21}の2日間、本社1階会議室にて実施します。\n"
                        "健診バスが来ますので、駐車場の一部が使えなくなります。\n"
                        "受診日時の希望を{d5}までに総務部へ提出してください。\n"
                        "前日21時以降は飲食を控えてください（水・お茶は可）。"
                    ),
                },
                {
                    "t": "防災訓練実施のお知らせ",
                    "b": (
                        "{d10} 14:00より、全社で避難訓練を実施します。\n"
                        "館内放送の合図で、各フロアの避難経路から駐車場へ避難してください。\n"
                        "来客予定がある方は時間をずらしていただくようお願いします。\n"
                        "消火器の使用訓練も行います（各部署から1名参加）。"
                    ),
                },
                {
                    "t": "社内大掃除のお知らせ",
                    "b": (
                        "年末の大掃除を12月26日（金）午後に実施します。\n"
                        "各部署の担当エリアは別紙のとおりです。\n"
                        "不要な書類は機密文書回収箱へ。シュレッダーは混み合うのでご注意ください。"
                    ),
                },
                {
                    "t": "夏季休業の日程について",
                    "b": (
                        "今年の夏季休業は8月9日（土）〜8月17日（日）の9日間です。\n"
                        "休業前日は17時で全館消灯します。\n"
                        "取引先への連絡は各部署でお願いします（文例は共有フォルダにあります）。"
                    ),
                },
            ]
        },
        "subject": "【総務部】{t}",
        "text": """\
社員各位

お疲れさまです。総務部の中村です。

{b}

ご不明な点は総務部（内線211）までお問い合わせください。
よろしくお願いいたします。

――――――――――――――――
総務部　中村 翔（内線211）
――――――――――――――――
""",
    },
    {
        "sender": "i-ceo",
        "to": "all",
        "months": [1, 4, 10],
        "days": (1, 10),
        "pick": {
            "v": [
                {
                    "t": "新年のご挨拶",
                    "b": (
                        "新年あけましておめでとうございます。\n"
                        "昨年は、原材料高や人手不足の中、皆さんのおかげで売上・利益ともに\n"
                        "前年を上回ることができました。心から感謝しています。"
                    ),
                },
                {
                    "t": "新年度を迎えて",
                    "b": (
                        "新年度がスタートしました。\n"
                        "今年度は新たに{n1}名の仲間を迎えます。\n"
                        "どうか職場で温かく迎え、仕事を教えてあげてください。"
                    ),
                },
                {
                    "t": "下期のスタートにあたって",
                    "b": (
                        "本日から下期です。\n"
                        "上期は主要顧客からの受注が堅調で、計画を上回って着地する見込みです。\n"
                        "一方、材料費と電気代の上昇は続いており、油断はできません。"
                    ),
                },
            ]
        },
        "subject": "{t}",
        "text": """\
社員の皆さん

{b}

今期の重点は、次の3点です。
１．品質と納期の約束を守ること
２．価格交渉から逃げないこと（適正な利益は取引先との信頼の証です）
３．安全第一。ケガなく一年を過ごすこと

また、最近は取引先や私の名前をかたった詐欺メールが増えています。
私がメールで振込や送金を直接指示することはありませんので、
少しでもおかしいと思ったら、必ず電話で確認してください。

今年もよろしくお願いします。

代表取締役社長
高橋 健一
""",
    },
]


# == 5. carriers, purchasing sites, travel ===========================================================

_COMMERCE: list[dict[str, Any]] = [
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mta05.kuronekoyamato.co.jp",
                "ip": "210.150.99.51",
                "dkim": [("kuronekoyamato.co.jp", "kys2022")],
                "p": "reject",
                "mid": "dotted",
            },
            "org": "ヤマト運輸",
        },
        "from": ("ヤマト運輸", "mail@kuronekoyamato.co.jp"),
        "to": ("soumu", "info", "eigyo"),
        "charset": "ISO-2022-JP",
        "hours": (7, 10),
        "weekday": False,
        "subject": "お届け予定eメール",
        "text": """\
株式会社みなと精機　様

ヤマト運輸です。
お荷物のお届け予定をお知らせします。

■お届け予定日時：{md} 午前中
■送り状番号：{n4}-{n4}-{n4}
■ご依頼主：{shipper}　様
■品名：{item}

▼お届け予定日時の変更・受け取り場所の変更はこちら
https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id={tok24}

※このメールはクロネコメンバーズにご登録のアドレス、
　またはご依頼主様が登録したアドレスへお送りしています。
※このメールは送信専用です。ご返信いただいてもお答えできません。

ヤマト運輸株式会社
https://www.kuronekoyamato.co.jp/
""",
        "pick": {
            "v": [
                {"shipper": "大和商事株式会社", "item": "鋼材サンプル"},
                {"shipper": "アスクル株式会社", "item": "事務用品"},
                {"shipper": "千代田印刷株式会社", "item": "印刷物（会社案内）"},
                {"shipper": "株式会社ミカド商会", "item": "工具"},
            ]
        },
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "smtp02.sagawa-exp.co.jp",
                "ip": "210.148.134.22",
                "dkim": [("sagawa-exp.co.jp", "selector1")],
                "p": "quarantine",
                "mid": "hex",
            },
            "org": "佐川急便",
        },
        "from": ("佐川急便", "info-delivery@sagawa-exp.co.jp"),
        "to": ("soumu", "info"),
        "charset": "UTF-8",
        "hours": (6, 9),
        "subject": "【佐川急便】お荷物お届けのお知らせ",
        "text": """\
株式会社みなと精機 様

いつも佐川急便をご利用いただきありがとうございます。
下記のお荷物を本日お届け予定です。

お問い合せ送り状No.：{num12}
お届け予定日：{md}
配達時間帯：12時〜14時
ご依頼主：東洋電機株式会社 様
個数：{n1}個

お荷物の状況は下記よりご確認いただけます。
https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo={num12}

配達日時の変更をご希望の場合は、スマートクラブ（会員サービス）
またはお届け担当営業所までご連絡ください。

※本メールは配信専用です。ご返信いただいても対応いたしかねます。
※佐川急便では、不在通知をSMSでお送りすることはございません。

佐川急便株式会社
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mailout1.post.japanpost.jp",
                "ip": "202.229.182.14",
                "dkim": [("post.japanpost.jp", "jpmail")],
                "p": "reject",
                "mid": "dotted",
            },
            "org": "日本郵便",
        },
        "from": ("日本郵便", "info@trackings.post.japanpost.jp"),
        "to": ("soumu",),
        "charset": "ISO-2022-JP",
        "subject": "【日本郵便】ゆうパック配達完了のお知らせ",
        "text": """\
株式会社みなと精機　様

日本郵便をご利用いただき、ありがとうございます。
次のお荷物の配達が完了しましたのでお知らせします。

お問い合わせ番号：{n4}-{n4}-{n4}
商品名：ゆうパック
配達日時：{md} {hm}
配達局：港南郵便局

追跡サービス
https://trackings.post.japanpost.jp/services/srv/search/?requestNo1={num12}&search.x=1

このメールは送信専用アドレスから送信しています。
日本郵便株式会社
""",
    },
    {
        "sender": {
            "route": {
                "kind": "ses",
                "region": "us-west-2",
                "mailfrom": "bounces.amazon.co.jp",
                "dkim_d": "amazon.co.jp",
                "p": "quarantine",
                "mid": "<{sid}@email.amazonses.com>",
            },
            "org": "Amazonビジネス",
        },
        "from": ("Amazon.co.jp", "auto-confirm@amazon.co.jp"),
        "to": ("soumu", "keiri"),
        "weekday": False,
        "subject": "Amazon.co.jpでのご注文{oid}",
        "derived": {"oid": "250-{num7}-{num7}"},
        "html": """\
<!DOCTYPE html><html><head><meta charset="UTF-8"></head>
<body style="font-family:Arial,sans-serif;">
<table width="100%" style="max-width:640px;">
<tr><td>
<img src="https://m.media-amazon.com/images/G/09/x-locale/common/logo.png" alt="amazon business"
height="28">
</td>
<td style="text-align:right;font-size:12px;">注文確認</td></tr>
<tr><td colspan="2" style="font-size:14px;padding-top:12px;">
<p>{to_name} 様</p>
<p>Amazonビジネスをご利用いただき、ありがとうございます。お客様のご注文を承りました。</p>
<p>注文番号：<a href="https://www.amazon.co.jp/gp/your-account/order-details?orderID={oid}">{oid}</a><br>
お届け予定：{d2}<br>
お届け先：株式会社みなと精機　{to_name} 様</p>
<table style="border-top:1px solid #ddd;width:100%;font-size:13px;">
<tr><td>エレコム LANケーブル CAT6A 5m ×{n1}</td><td style="text-align:right;">￥{n4}</td></tr>
<tr><td>キングジム テプラPRO テープカートリッジ 12mm</td><td style="text-align:right;">￥{n3}0</td></tr>
<tr><td><b>注文合計（税込）</b></td><td style="text-align:right;"><b>￥{amt}</b></td></tr>
</table>
<p style="font-size:12px;">承認ワークフロー：承認者 伊藤 由美 様による承認済み<br>
支払方法：請求書払い（月末締め翌月末払い）</p>
<p style="font-size:12px;">注文の詳細は<a href="https://www.amazon.co.jp/gp/css/your-orders-access">注文履歴</a>からご確認いただけます。</p>
<p
style="font-size:11px;color:#777;">このEメールアドレスは配信専用です。このメッセージに返信しないようお願いいたします。</p>
</td></tr></table></body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mo02.askul.co.jp",
                "ip": "210.238.30.117",
                "dkim": [("askul.co.jp", "s1024")],
                "p": "reject",
                "mid": "hex",
            },
            "org": "アスクル",
        },
        "from": ("ASKUL", "order@askul.co.jp"),
        "to": ("soumu",),
        "charset": "UTF-8",
        "cte": "quoted-printable",
        "subject": "【アスクル】ご注文ありがとうございます（ご注文番号：{upper6}{n4}）",
        "text": """\
株式会社みなと精機
総務部　中村 翔 様

いつもアスクルをご利用いただきありがとうございます。
以下の内容でご注文を承りました。

■ご注文番号：{upper6}{n4}
■ご注文日時：{ymd} {hm}
■お届け予定日：{c1}（翌日お届け）

[商品] ASKUL コピーペーパー FSC A4 1箱（5000枚：500枚入×10冊）
[数量] {n1}
[商品] 強力両面テープ 幅15mm×長さ20m
[数量] 2
[商品] 使い捨てニトリル手袋 粉なし M 100枚
[数量] 5

合計金額（税込）：{amt}円
お支払方法：請求書払い（口座振替）

ご注文内容の確認・キャンセル（出荷前のみ）は、こちらから
https://www.askul.co.jp/mypage/orderhistory/

──────────────────────
アスクル株式会社
お問い合わせ：https://www.askul.co.jp/contact/
※本メールは送信専用アドレスからお送りしています。
──────────────────────
""",
    },
    {
        "sender": {
            "route": {
                "kind": "sendgrid",
                "brand": "monotaro.com",
                "uid": "4419273",
                "em": "2045",
                "ptr": "8821",
                "url": "5012",
                "p": "quarantine",
            },
            "org": "モノタロウ",
        },
        "from": ("モノタロウ", "order@monotaro.com"),
        "to": ("soumu", "senmu"),
        "subject": "【モノタロウ】ご注文商品出荷のお知らせ（注文番号：{num10}）",
        "text": """\
株式会社みなと精機
{to_name} 様

モノタロウをご利用いただきありがとうございます。
ご注文いただいた商品を出荷いたしました。

ご注文番号：{num10}
出荷日：{md}
配送業者：ヤマト運輸
送り状番号：{num12}

■出荷商品
・トラスコ中山 超硬ドリル 6.5mm　数量：{n1}
・オイルミスト対策 フィルター　数量：2
・安全靴 JIS規格 26.0cm　数量：1

配送状況はマイページからもご確認いただけます。
https://www.monotaro.com/monotaroMain.py?func=monotaro.userInfo.orderHistory.showListServlet.ShowListServlet

※本メールは送信専用です。
株式会社MonotaRO
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mx-o01.ana.co.jp",
                "ip": "210.133.112.40",
                "dkim": [("ana.co.jp", "ana2024")],
                "p": "reject",
                "mid": "dotted",
            },
            "org": "ANA",
        },
        "from": ("ANA", "ana_reservation@121.ana.co.jp"),
        "to": ("eigyo", "senmu"),
        "charset": "UTF-8",
        "weekday": False,
        "hours": (8, 23),
        "subject": "【ANA】ご予約内容のお知らせ（予約番号 {n4}）",
        "pick": {
            "v": [
                {"route_": "東京(羽田) → 福岡", "fl": "ANA245"},
                {"route_": "東京(羽田) → 大阪(伊丹)", "fl": "ANA23"},
                {"route_": "東京(羽田) → 札幌(新千歳)", "fl": "ANA55"},
            ]
        },
        "text": """\
{to_name} 様

ANAをご利用いただき、誠にありがとうございます。
以下の内容でご予約を承りました。

━━━━━━━━━━━━━━━━━━━━
予約番号：{n4}
━━━━━━━━━━━━━━━━━━━━
【往路】{c14}
{fl}便　{route_}
出発 08:00　到着 10:05
座席：普通席 {n2}K
運賃種別：ANA FLEX

お支払い期限：{c3}
お支払い金額：{amt}円

ご予約の確認・変更・座席指定は「予約確認」から
https://www.ana.co.jp/ja/jp/book-plan/reservation/

※搭乗手続きは出発時刻の20分前までにお済ませください。
※このメールは送信専用アドレスから配信しています。

ANA（全日本空輸株式会社）
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail.travel.rakuten.co.jp",
                "ip": "133.237.16.58",
                "dkim": [("travel.rakuten.co.jp", "rtkey")],
                "p": "reject",
                "mid": "dotted",
            },
            "org": "楽天トラベル",
        },
        "from": ("楽天トラベル", "travel@mail.travel.rakuten.co.jp"),
        "to": ("eigyo", "senmu", "soumu"),
        "charset": "ISO-2022-JP",
        "weekday": False,
        "hours": (8, 23),
        "pick": {
            "hotel": [
                "ホテルエリアワン博多（架空）",
                "ビジネスホテル新大阪イースト（架空）",
                "札幌すすきのステーションイン（架空）",
            ]
        },
        "subject": "【楽天トラベル】予約受付のお知らせ（{hotel}）",
        "text": """\
株式会社みなと精機　{to_name}　様

この度は楽天トラベルをご利用いただき、誠にありがとうございます。
以下の内容でご予約を受け付けました。

予約番号　　：RY{num7}
宿泊施設　　：{hotel}
チェックイン：{c14}　15:00
チェックアウト：{c21}　10:00（1泊）
部屋タイプ　：シングル　禁煙
プラン　　　：【ビジネス応援】朝食付きプラン
料金合計　　：{n2},{n3}円（税込）
お支払い方法：現地決済

予約の確認・キャンセルはこちら
https://travel.rakuten.co.jp/mytravel/

※キャンセル料は前日から発生いたします。
※本メールは送信専用です。宿泊施設へのお問い合わせは
　直接お願いいたします。

楽天トラベル
https://travel.rakuten.co.jp/
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail.smart-ex.jp",
                "ip": "210.163.52.73",
                "dkim": [("smart-ex.jp", "sex01")],
                "p": "none",
                "mid": "dotted",
            },
            "org": "スマートEX",
        },
        "from": ("スマートEX", "info@smart-ex.jp"),
        "to": ("eigyo", "ceo"),
        "charset": "Shift_JIS",
        "weekday": False,
        "subject": "【スマートEX】予約内容のお知らせ",
        "text": """\
スマートＥＸをご利用いただき、ありがとうございます。
以下の内容で予約を受け付けました。

■乗車日　　{c7}
■列車名　　のぞみ{n2}号
■乗車区間　品川（07:37発）→ 新大阪（09:57着）
■設備　　　普通車指定席　{n1}号車 {n2}番E席
■人数　　　大人1名
■ご利用額　14,720円

※ご乗車の際は、ご登録の交通系ICカードを改札機にタッチしてください。
※予約の変更は、列車出発時刻前まで何度でも可能です。

スマートＥＸ
https://smart-ex.jp/
このメールは送信専用です。
""",
    },
]


# == 6. IT services: cloud notices, login alerts, codes, vendor advisories ============================

_MS_ROUTE = {
    "kind": "m365",
    "region": "namprd21",
    "mbx": "SA1PR21MB3902",
    "p": "reject",
    "system": True,
    "utc_date": True,
}

_SERVICE: list[dict[str, Any]] = [
    {
        "sender": {
            "route": dict(_MS_ROUTE, dkim_d="microsoft.com", sel="selector2", mailfrom="microsoft.com"),
            "org": "Microsoft",
        },
        "from": ("Microsoft 365 メッセージ センター", "o365mc@microsoft.com"),
        "to": ("joho",),
        "weekday": False,
        "hours": (0, 23),
        "subject": "メッセージ センターの主要な更新 - {ymd}",
        "html": """\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body style="font-family:'Segoe UI','Yu Gothic UI',sans-serif;font-size:14px;">
<table width="640" cellpadding="0" cellspacing="0">
<tr><td style="padding:16px 0;">
<img src="https://res.cdn.office.net/admincenter/admin-message-center/images/microsoft_logo.png"
alt="Microsoft" width="108">
</td></tr>
<tr><td><h2 style="font-weight:600;">メッセージ センターの主要な更新</h2>
<p>組織: 株式会社みなと精機 (minatoseiki.onmicrosoft.com)</p></td></tr>
<tr><td style="border-top:1px solid #e1e1e1;padding:12px 0;">
<b>(更新) Microsoft Teams: 新しい会議の録音ポリシー</b><br>MC{n4}{n2} ・ 対処が必要な日: {c30}<br>
<a href="https://admin.microsoft.com/AdminPortal/home#/MessageCenter/:/messages/MC{n4}{n2}">メッセージの詳細を表示</a></td></tr>
<tr><td style="border-top:1px solid #e1e1e1;padding:12px 0;">
<b>Exchange Online: 基本認証を使用した SMTP AUTH の廃止について</b><br>MC{n4}{n1}0 ・ 主要な変更<br>
<a href="https://admin.microsoft.com/AdminPortal/home#/MessageCenter/:/messages/MC{n4}{n1}0">メッセージの詳細を表示</a></td></tr>
<tr><td style="border-top:1px solid #e1e1e1;padding:12px 0;">
<b>Microsoft Purview: 秘密度ラベルの既定設定の変更</b><br>MC{n4}{n3} ・ 新機能<br>
<a href="https://admin.microsoft.com/AdminPortal/home#/MessageCenter/:/messages/MC{n4}{n3}">メッセージの詳細を表示</a></td></tr>
<tr><td style="padding:16px 0;font-size:12px;color:#666;">
このメールは Microsoft 365 管理センターの設定に基づいて送信されています。
<a href="https://admin.microsoft.com/AdminPortal/home#/MessageCenter/:/preferences">基本設定を変更する</a><br>
Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA<br>
<a href="https://go.microsoft.com/fwlink/?LinkId=521839">プライバシーに関する声明</a></td></tr>
</table></body></html>
""",
    },
    {
        "sender": {
            "route": dict(
                _MS_ROUTE,
                dkim_d="accountprotection.microsoft.com",
                sel="selector1",
                mailfrom="accountprotection.microsoft.com",
            ),
            "org": "Microsoft",
        },
        "from": ("Microsoft アカウント チーム", "account-security-noreply@accountprotection.microsoft.com"),
        "to": ("joho", "eigyo", "keiri"),
        "weekday": False,
        "hours": (0, 23),
        "subject": "Microsoft アカウントのセキュリティ コード",
        "text": """\
Microsoft アカウント

セキュリティ コード

アカウント {masked} のセキュリティ コードとして次のコードを使用してください。

セキュリティ コード: {num7}

このコードを要求していない場合は、このメールを無視してもかまいません。
他のユーザーがあなたのメール アドレスを誤って入力した可能性があります。

ありがとうございます。
Microsoft アカウント チーム
""",
        "html": """\
<html dir="ltr"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body><table dir="ltr"><tr>
<td style="padding:0;font-family:'Segoe UI Semibold','Segoe UI Bold','Segoe UI','Helvetica Neue
Medium',Arial,sans-serif;font-size:17px;color:#707070;">Microsoft アカウント</td>
</tr>
<tr>
<td style="padding:0;font-family:'Segoe UI Light','Segoe UI','Helvetica Neue
Medium',Arial,sans-serif;font-size:41px;color:#2672ec;">セキュリティ コード</td>
</tr>
<tr>
<td style="padding:0;padding-top:25px;font-family:'Segoe
UI',Tahoma,Verdana,Arial,sans-serif;font-size:14px;color:#2a2a2a;">アカウント <a dir="ltr"
style="color:#2672ec;text-decoration:none;" href="mailto:{to_addr}">{masked}</a> のセキュリティ
コードとして次のコードを使用してください。</td>
</tr>
<tr>
<td style="padding:0;padding-top:25px;font-family:'Segoe
UI',Tahoma,Verdana,Arial,sans-serif;font-size:14px;color:#2a2a2a;">セキュリティ コード: <span
style="font-family:'Segoe UI Bold','Segoe UI
Semibold',Arial,sans-serif;font-weight:bold;">{num7}</span>
</td></tr>
<tr>
<td style="padding:0;padding-top:25px;font-family:'Segoe
UI',Tahoma,Verdana,Arial,sans-serif;font-size:14px;color:#2a2a2a;">このコードを要求していない場合は、このメールを無視してもかまいません。</td>
</tr>
<tr>
<td style="padding:0;padding-top:25px;font-family:'Segoe
UI',Tahoma,Verdana,Arial,sans-serif;font-size:14px;color:#2a2a2a;">ありがとうございます。</td>
</tr>
<tr>
<td style="padding:0;font-family:'Segoe
UI',Tahoma,Verdana,Arial,sans-serif;font-size:14px;color:#2a2a2a;">Microsoft アカウント チーム</td>
</tr>
</table></body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "google",
                "dkim": [("accounts.google.com", "20230601")],
                "p": "reject",
                "mid": "google",
                "mailfrom": "gaia.bounces.google.com",
                "rp": "3{tok12}@gaia.bounces.google.com",
            },
            "org": "Google",
        },
        "from": ("Google", "no-reply@accounts.google.com"),
        "to": ("joho", "ceo", "eigyo"),
        "weekday": False,
        "hours": (0, 23),
        "pick": {"dev": ["Windows", "iPhone", "Mac", "Android"]},
        "subject": "セキュリティ通知",
        "text": """\
[image: Google]
{dev} で新たなログインがありました

{to_addr}

お使いの Google アカウントへの新しいログインが {dev} デバイスで検出されました。
このログインに心当たりがない場合は、アカウントが不正使用されている可能性があります。
アクティビティを確認してください。
アクティビティを確認
https://accounts.google.com/AccountChooser?Email={to_addr}&continue=https://myaccount.google.com/alert/nt/{num12}?rfn%3D31%26rfnc%3D1%26eid%3D{num10}%26et%3D0

また、次のページでもセキュリティ アクティビティを確認できます。
https://myaccount.google.com/notifications
このメールは、Google アカウントとサービスの重要な変更についてお知らせするために送信されました。
© {y} Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA
""",
        "html": """\
<!DOCTYPE html><html lang="ja"><head>
<meta content="text/html; charset=UTF-8" http-equiv="Content-Type"></head>
<body style="margin:0;padding:0;" bgcolor="#FFFFFF">
<table width="100%" border="0" cellspacing="0" cellpadding="0" style="min-width:348px;"><tr>
<td align="center">
<div style="border:thin solid #dadce0;border-radius:8px;padding:40px 20px;max-width:516px;">
<img src="https://www.gstatic.com/images/branding/googlelogo/2x/googlelogo_color_74x24dp.png"
width="74" height="24" alt="Google">
<div style="font-family:'Google Sans',Roboto,sans-serif;font-size:24px;padding-top:20px;">{dev}
で新たなログインがありました</div>
<div style="font-size:14px;padding-top:8px;">{to_addr}</div>
<div
style="font-family:Roboto-Regular,Helvetica,Arial,sans-serif;font-size:14px;color:#202124;line-height:20px;padding-top:20px;">
お使いの Google アカウントへの新しいログインが {dev} デバイスで検出されました。
このログインに心当たりがない場合は、アカウントが不正使用されている可能性があります。
アクティビティを確認してください。
<div style="padding-top:32px;text-align:center;">
<a
href="https://accounts.google.com/AccountChooser?Email={to_addr}&amp;continue=https://myaccount.google.com/alert/nt/{num12}?rfn%3D31%26rfnc%3D1%26eid%3D{num10}%26et%3D0"
style="font-family:'Google Sans',Roboto,sans-serif;color:#ffffff;font-weight:500;
background-color:#4184f3;border-radius:5px;padding:10px 24px;text-decoration:none;"
target="_blank">アクティビティを確認</a>
</div></div>
<div style="padding-top:20px;font-size:12px;color:#5f6368;">また、次のページでもセキュリティ
アクティビティを確認できます。<br>
<a style="color:rgba(0,0,0,0.87);"
href="https://myaccount.google.com/notifications">https://myaccount.google.com/notifications</a>
</div>
</div>
<div style="font-size:11px;color:rgba(0,0,0,0.54);padding-top:12px;">このメールは、Google
アカウントとサービスの重要な変更についてお知らせするために送信されました。<br>&copy; {y} Google LLC,
1600 Amphitheatre Parkway, Mountain View, CA 94043, USA</div>
</td></tr></table></body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "ses",
                "region": "us-east-1",
                "mailfrom": "amazonses.com",
                "dkim_d": "amazon.com",
                "p": "quarantine",
            },
            "org": "Amazon Web Services",
        },
        "from": ("Amazon Web Services", "no-reply-aws@amazon.com"),
        "to": ("joho",),
        "weekday": False,
        "hours": (0, 23),
        "pick": {
            "v": [
                {
                    "sub": (
                        "[要対応] Amazon RDS for MySQL 8.0 の標準サポート終了について [AWS Account: {num12}]"
                    ),
                    "body": (
                        "お客様の AWS アカウント {num12} には、アジアパシフィック (東京) リージョンで\n"
                        "Amazon RDS for MySQL 8.0 を実行している DB インスタンスが 1 つ以上あります。\n"
                        "標準サポートの終了日以降は、自動的に RDS 延長サポートに登録され、追加料金が発生"
                        "します。\n"
                        "メジャーバージョンのアップグレードを計画してください。"
                    ),
                },
                {
                    "sub": "AWS 通知 - 請求書が利用可能になりました [AWS Account: {num12}]",
                    "body": (
                        "AWS アカウント {num12} の {pmy} 年 {pm} 月分の請求書が利用可能になりました。\n"
                        "請求金額: USD {n3}.{n2}\n"
                        "請求書は Billing and Cost Management コンソールの [請求書] ページからダウンロー"
                        "ドできます。"
                    ),
                },
                {
                    "sub": "[再送] AWS Lambda: Node.js 18 ランタイムのサポート終了 [AWS Account: {num12}]",
                    "body": (
                        "お客様の AWS アカウント {num12} で、Node.js 18 ランタイムを使用している\n"
                        "Lambda 関数が検出されました。影響を受けるリソースの一覧は\n"
                        "AWS Health Dashboard の [影響を受けるリソース] タブで確認できます。"
                    ),
                },
            ]
        },
        "subject": "{sub}",
        "text": """\
お客様各位

{body}

詳細については、AWS Health Dashboard をご覧ください。
https://health.aws.amazon.com/health/home#/account/dashboard/open-issues

ご不明な点がございましたら、AWS サポートまでお問い合わせください [1]。

よろしくお願いいたします。
Amazon Web Services

[1] https://aws.amazon.com/support

Amazon Web Services, Inc. は Amazon.com, Inc. の関連会社です。
Amazon.com は Amazon.com, Inc. またはその関連会社の登録商標です。
このメッセージは Amazon Web Services, Inc. により作成および配信されました。
住所: 410 Terry Ave. North, Seattle, WA 98109-5210
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mta11.cybozu.com",
                "ip": "103.79.14.61",
                "dkim": [("cybozu.com", "cy1")],
                "p": "none",
                "mid": "hex",
            },
            "org": "サイボウズ",
        },
        "from": ("cybozu.com", "noreply@cybozu.com"),
        "to": ("joho", "soumu", "eigyo"),
        "weekday": False,
        "hours": (0, 23),
        "pick": {
            "v": [
                {
                    "sub": "[サイボウズ Office] 予定の通知：{nm}月度 営業会議",
                    "body": (
                        "予定が登録されました。\n"
                        "\n"
                        "日時：{d5} 10:00〜11:30\n"
                        "予定：{nm}月度 営業会議\n"
                        "設備：第1会議室\n"
                        "登録者：渡辺 誠\n"
                        "\n"
                        "https://minato-seiki.cybozu.com/o/ag.cgi?page=ScheduleView&UID={n3}&Date=da.{y}."
                        "{m}.{d}"
                    ),
                },
                {
                    "sub": "[kintone] 「案件管理」にコメントが書き込まれました",
                    "body": (
                        "アプリ：案件管理\n"
                        "レコード：東洋電機 治具一式（見積中）\n"
                        "コメント：井上様より仕様変更の連絡あり。図面は共有フォルダに格納済み。（吉田 彩"
                        "）\n"
                        "\n"
                        "https://minato-seiki.cybozu.com/k/{n2}/show#record={n3}&mode=show"
                    ),
                },
                {
                    "sub": "[cybozu.com] 定期メンテナンスのお知らせ（{c14}）",
                    "body": (
                        "cybozu.com では、下記の日程で定期メンテナンスを実施します。\n"
                        "メンテナンス中は、すべてのサービスがご利用いただけません。\n"
                        "\n"
                        "日時：{c14} 2:00〜6:00\n"
                        "対象：kintone、サイボウズ Office、Garoon、メールワイズ\n"
                        "\n"
                        "詳細：https://status.cybozu.com/"
                    ),
                },
            ]
        },
        "subject": "{sub}",
        "text": """\
{body}

------------------------------
このメールは cybozu.com から自動送信されています。
通知メールの設定は個人設定から変更できます。
https://minato-seiki.cybozu.com/
""",
    },
    {
        "sender": "fuji",
        "from": ("富士システムズ株式会社 セキュリティ情報", "security-info@fuji-systems.co.jp"),
        "to": ("joho",),
        "pick": {
            "v": [
                {
                    "prod": "FortiOS / FortiProxy",
                    "cve": "CVE-{y}-2{n4}",
                    "sev": "Critical（CVSS 9.6）",
                    "what": "SSL-VPN機能における認証回避",
                },
                {
                    "prod": "Windows Server（リモートデスクトップ サービス）",
                    "cve": "CVE-{y}-4{n4}",
                    "sev": "重要（CVSS 8.1）",
                    "what": "リモートでコードが実行される",
                },
                {
                    "prod": "YAMAHA RTXシリーズ",
                    "cve": "CVE-{y}-3{n4}",
                    "sev": "警告（CVSS 7.5）",
                    "what": "L2TP/IPsec設定時のサービス運用妨害",
                },
            ]
        },
        "subject": "【重要】{prod}の脆弱性（{cve}）に関するご案内",
        "text": """\
株式会社みなと精機
情報システム部 加藤様

いつもお世話になっております。
富士システムズ セキュリティ情報担当です。

保守契約をいただいている機器に関連する脆弱性情報をお知らせいたします。

■対象製品：{prod}
■脆弱性　：{cve}（{what}）
■深刻度　：{sev}
■貴社の該当機器：保守台帳上、該当の可能性がある機器が1台ございます

■対応について
・ファームウェアの更新作業を弊社にて実施いたします
・作業候補日：{d3} または {d5}（夜間 19:00以降、30分程度の通信断あり）
・ご都合のよい日時を本メールへのご返信にてお知らせください

メーカーの公開情報：
https://www.jpcert.or.jp/at/{y}/

緊急度が高い内容のため、念のためお電話でもご連絡させていただきます。

--
富士システムズ株式会社
セキュリティ情報担当／サポートセンター
TEL：03-6426-1180
""",
    },
    {
        "sender": {
            "route": {
                "kind": "sendgrid",
                "brand": "moneyforward.com",
                "uid": "6602187",
                "em": "9130",
                "ptr": "7714",
                "url": "9923",
                "p": "reject",
            },
            "org": "マネーフォワード",
        },
        "from": ("マネーフォワード ID", "no-reply@id.moneyforward.com"),
        "to": ("keiri", "bucho"),
        "weekday": False,
        "hours": (7, 22),
        "pick": {
            "v": [
                {
                    "sub": "【マネーフォワード ID】ログイン通知",
                    "body": (
                        "マネーフォワード IDに新しい環境からログインがありました。\n"
                        "\n"
                        "日時：{ymd} {hm}\n"
                        "IPアドレス：{ip}\n"
                        "ブラウザ：Chrome / Windows\n"
                        "\n"
                        "お心当たりがない場合は、速やかにパスワードを変更してください。"
                    ),
                },
                {
                    "sub": "【マネーフォワード ID】認証コードのお知らせ",
                    "body": (
                        "以下の認証コードを画面に入力してください。\n"
                        "\n"
                        "認証コード：{num6}\n"
                        "\n"
                        "有効期限は発行から10分です。\n"
                        "このコードを他人に教えないでください。"
                    ),
                },
            ]
        },
        "subject": "{sub}",
        "text": """\
{to_name} 様

{body}

パスワードの変更：https://id.moneyforward.com/me/security

※このメールは送信専用です。
株式会社マネーフォワード
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail-out.chatwork.com",
                "ip": "54.238.71.19",
                "dkim": [("chatwork.com", "cw2023")],
                "p": "none",
                "mid": "hex",
            },
            "org": "Chatwork",
        },
        "from": ("Chatwork", "info@mail.chatwork.com"),
        "to": ("eigyo", "senmu"),
        "weekday": False,
        "hours": (7, 23),
        "subject": "[Chatwork] 未読メッセージがあります（{n1}件）",
        "text": """\
{to_name}さん

Chatworkに未読のメッセージが{n1}件あります。

■東洋電機様 × みなと精機 治具プロジェクト
井上 真一：図面の改訂版をアップしました。ご確認お願いします。

■大和商事 × みなと精機
岡田 美咲：来週のご訪問の件、{d3} 14時でいかがでしょうか。

▼Chatworkで確認する
https://www.chatwork.com/

このメールの配信設定は、Chatworkの「環境設定」→「通知」から変更できます。
Chatwork株式会社
""",
    },
    {
        "sender": {
            "route": {
                "kind": "google",
                "dkim": [("google.com", "20230601")],
                "p": "reject",
                "mid": "google",
                "mailfrom": "scoutcamp.bounces.google.com",
                "rp": "3{tok12}@scoutcamp.bounces.google.com",
            },
            "org": "Google Workspace",
        },
        "from": ("Google ビジネス プロフィール", "businessprofile-noreply@google.com"),
        "to": ("soumu", "eigyo"),
        "weekday": False,
        "hours": (0, 23),
        "pick": {"star": ["★★★★★", "★★★★☆", "★★★☆☆"]},
        "subject": "株式会社みなと精機 に新しいクチコミが投稿されました",
        "text": """\
株式会社みなと精機 に新しいクチコミが投稿されました

{star}
「見学の対応が丁寧でした。小ロットの試作にも対応していただけて助かりました。」

クチコミに返信すると、お客様との関係づくりに役立ちます。
返信する
https://business.google.com/reviews/l/{num12}{num8}

Google ビジネス プロフィールの通知設定を変更するには、こちらにアクセスしてください。
https://business.google.com/settings/notifications

Google LLC 1600 Amphitheatre Parkway, Mountain View, CA 94043
このメールは、Google ビジネス プロフィールに関する最新情報をお知らせするために送信されています。
""",
    },
]


# == 7. mailing lists, Google Groups, associations ====================================================

_LIST: list[dict[str, Any]] = [
    {
        "sender": {
            "route": {
                "kind": "gg",
                "group": "seimitsu-kanto",
                "gid": "381920457712",
                "rewrite": True,
                "author": "h.ueda@ueda-kogyo.co.jp",
            }
        },
        "from": ("'上田 浩二' via 関東精密加工研究会", "seimitsu-kanto@googlegroups.com"),
        "reply_to": ("上田 浩二", "h.ueda@ueda-kogyo.co.jp"),
        "to": ("senmu", "ceo"),
        "pick": {
            "t": ["次回例会（工場見学）のご案内", "会費納入のお願い", "勉強会資料の共有", "新年会の出欠確認"]
        },
        "subject": "[seimitsu-kanto] {t}",
        "charset": "UTF-8",
        "text": """\
関東精密加工研究会 会員各位

幹事の上田（上田工業）です。いつもお世話になっております。

{t}について、ご連絡いたします。

日時：{c21} 14:00〜17:00
場所：相模原市内 会員企業様工場（詳細は出席者に別途ご連絡）
内容：5軸加工機の導入事例見学、意見交換会
会費：懇親会参加の方 5,000円

出欠は{c10}までに、このメールに返信（幹事宛）でお知らせください。
ML全体への返信はご遠慮ください。

上田工業株式会社
上田 浩二
TEL 042-758-3311

--
このメールは Google グループのグループ「関東精密加工研究会」に登録しているユーザーに送られています。
このグループから退会し、グループからのメールの配信を停止するには
seimitsu-kanto+unsubscribe@googlegroups.com にメールを送信してください。
このディスカッションをウェブ上で閲覧するには
https://groups.google.com/d/msgid/seimitsu-kanto/{tok24}%40mail.gmail.com にアクセスしてください。
""",
    },
    {
        "sender": {
            "route": {
                "kind": "gg",
                "group": "mfg-dx-study",
                "gid": "902113847605",
                "rewrite": False,
                "author": "kobayashi@kanagawa-seimitsu.co.jp",
            }
        },
        "from": ("小林 正樹", "kobayashi@kanagawa-seimitsu.co.jp"),
        "to": ("joho", "senmu"),
        "pick": {
            "t": [
                "生産管理システムのクラウド移行について",
                "工場のWi-Fi更新事例",
                "IoTセンサーの電源どうしてますか",
                "PPAP廃止後のファイル受け渡し",
            ]
        },
        "subject": "Re: [mfg-dx] {t}",
        "reply": 2,
        "charset": "UTF-8",
        "text": """\
皆さま

神奈川精密の小林です。

弊社の事例を共有します。
{t}は、昨年から段階的に進めていて、まだ道半ばです。
一番苦労したのは、現場のPCが古くてブラウザが対応していなかったことでした。

参考になれば幸いです。

> 製造業DX勉強会の皆さま
>
> 幹事の杉山です。
> 次回のテーマ「{t}」について、事例をお持ちの方がいれば
> MLで共有していただけると助かります。

--
神奈川精密株式会社 生産技術課
小林 正樹

{sd}
このメールは Google グループのグループ「製造業DX勉強会」に登録しているユーザーに送られています。
このグループから退会するには mfg-dx-study+unsubscribe@googlegroups.com にメールを送信してください。
""",
    },
    {
        "sender": {
            "route": {
                "kind": "list",
                "host": "ml.jpmma.or.jp",
                "ip": "198.51.100.140",
                "name": "kaiin",
                "desc": "日本精密機械工業会",
                "author_dkim": "s1",
                "author_p": "none",
                "boundary": "part",
            }
        },
        "from": ("日本精密機械工業会 事務局", "jimukyoku@jpmma.or.jp"),
        "to": ("ceo", "senmu"),
        "charset": "ISO-2022-JP",
        "pick": {
            "v": [
                {
                    "t": "通常総会開催のご案内",
                    "b": (
                        "第{n2}回通常総会を下記のとおり開催いたします。\n"
                        "日時：{c30} 15:00〜\n"
                        "場所：機械振興会館（架空） 地下2階ホール\n"
                        "出欠は同封のFAX返信用紙、または会員ページよりご回答ください。"
                    ),
                },
                {
                    "t": "景況調査へのご協力のお願い",
                    "b": "恒例の会員景況調査（{y}年上期）を実施いたします。\n回答期限：{c14}\n回答フォーム：https://www.jpmma.or.jp/member/survey/{y}/\n集計結果は会報およびホームページで公表いたします（個社名は公表しません）。",
                },
                {
                    "t": "技術セミナー「熱処理の基礎」開催のお知らせ",
                    "b": (
                        "若手技術者向けの技術セミナーを開催いたします。\n"
                        "日時：{c21} 13:30〜16:30\n"
                        "受講料：会員 8,000円 ／ 非会員 15,000円\n"
                        "お申込み：https://www.jpmma.or.jp/seminar/"
                    ),
                },
            ]
        },
        "subject": "[kaiin:{n4}] 【会員各位】{t}",
        "text": """\
会員各位

一般社団法人 日本精密機械工業会（架空）事務局でございます。
平素より本会の活動にご協力を賜り、誠にありがとうございます。

{b}

ご不明な点は事務局までお問い合わせください。

一般社団法人 日本精密機械工業会 事務局
TEL 03-3434-8620 / jimukyoku@jpmma.or.jp
_______________________________________________
kaiin mailing list
kaiin@ml.jpmma.or.jp
https://ml.jpmma.or.jp/mailman/listinfo/kaiin
""",
    },
    {
        "sender": {
            "route": {
                "kind": "list",
                "flavor": "fml",
                "host": "ml.kikai-net.jp",
                "ip": "192.0.2.201",
                "name": "kikai-net",
                "mid": "becky",
                "boundary": "becky",
            }
        },
        "from": ("森田 誠", "morita@morita-seisakusho.co.jp"),
        "to": ("senmu",),
        "charset": "ISO-2022-JP",
        "pick": {
            "t": [
                "旋盤の中古相場について",
                "研削盤の主軸オーバーホール業者",
                "ISO9001更新審査の準備",
                "外国人技能実習生の受け入れ",
            ]
        },
        "subject": "[kikai-net:{n4}] {t}",
        "text": """\
kikai-netの皆さま

森田製作所の森田です。ご無沙汰しております。

{t}について、どなたか情報をお持ちでしたら
教えていただけないでしょうか。
当社でも来年度に向けて検討を始めたところです。

個別にご連絡いただいても結構です。
よろしくお願いいたします。

----
有限会社 森田製作所
森田 誠
TEL 0466-83-2217 FAX 0466-83-2218
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "host": "mail.tokyo-minato-cci.or.jp",
                "ip": "203.0.113.160",
                "sub": "local",
                "mid": "dotted",
            },
            "org": "東京みなと商工会議所",
        },
        "from": ("東京みなと商工会議所", "mailnews@tokyo-minato-cci.or.jp"),
        "to": ("soumu", "ceo"),
        "charset": "ISO-2022-JP",
        "subject": "【東京みなと商工会議所】会員メールニュース 第{n3}号",
        "text": """\
━━━━━━━━━━━━━━━━━━━━━━━━
東京みなと商工会議所　会員メールニュース　第{n3}号
━━━━━━━━━━━━━━━━━━━━━━━━

■1．【参加無料】インボイス・電子帳簿保存法 個別相談会
　日時：{c10} 10:00〜16:00（1社45分）
　場所：本所3階 会議室
　申込：https://www.tokyo-minato-cci.or.jp/event/{n4}/

■2．「事業継続力強化計画」策定支援セミナー
　日時：{c14} 14:00〜16:00
　講師：中小企業診断士
　申込：https://www.tokyo-minato-cci.or.jp/event/{n4}1/

■3．会員事業所PRページ 掲載企業募集中（無料）

■4．「港区中小企業融資あっせん制度」のご案内

━━━━━━━━━━━━━━━━━━━━━━━━
本メールは、メールニュースの配信を希望された
会員事業所様にお送りしています。
配信停止はこちら：https://www.tokyo-minato-cci.or.jp/mailnews/
東京みなと商工会議所（架空）中小企業相談センター
TEL 03-5441-1100
""",
    },
    {
        "sender": {
            "route": {
                "kind": "forward",
                "alias": "riji@jamia-kanto.or.jp",
                "fw_host": "mx.jamia-kanto.or.jp",
                "fw_ip": "198.51.100.77",
                "orig": {
                    "kind": "smtp",
                    "host": "mail.jamia.or.jp",
                    "ip": "192.0.2.33",
                    "dkim": [("jamia.or.jp", "default")],
                    "p": "none",
                    "mid": "outlook",
                    "headers": _OUTLOOK,
                },
            },
            "org": "日本金型工業協会",
        },
        "from": ("日本金型工業協会 関東支部", "kanto@jamia.or.jp"),
        "to": ("ceo",),
        "charset": "ISO-2022-JP",
        "subject": "【関東支部】理事会資料の送付について",
        "attach": [("pdf", "理事会資料_{y}{m:02d}.pdf")],
        "text": """\
関東支部 理事各位
（理事会メーリングアドレス riji@jamia-kanto.or.jp 宛に送信しております）

いつも大変お世話になっております。
日本金型工業協会（架空）関東支部 事務局でございます。

{c7}開催の理事会資料をお送りいたします。
当日は資料の印刷配布はございませんので、各自ご持参（端末可）ください。

議題
　1．{y}年度 事業報告（案）
　2．会費改定について
　3．若手経営者部会の発足について

ご欠席の場合は、委任状を{c3}までにご返送ください。

日本金型工業協会 関東支部 事務局
TEL 03-3432-0561
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "local",
                "host": "mailgw.jpcert.or.jp",
                "ip": "210.171.225.3",
                "dkim": [("jpcert.or.jp", "jp2024")],
                "p": "reject",
                "mid": "dotted",
            },
            "org": "JPCERT/CC",
        },
        "from": ("JPCERT/CC", "alert@jpcert.or.jp"),
        "to": ("joho",),
        "charset": "ISO-2022-JP",
        "pick": {
            "p": [
                "Ivanti Connect Secure",
                "Fortinet FortiOS",
                "Microsoft Exchange Server",
                "Citrix NetScaler ADC",
            ]
        },
        "subject": "JPCERT/CC Alert {y}-{m:02d}-{d:02d} {p}の脆弱性に関する注意喚起",
        "text": """\
-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

各位

JPCERT-AT-{y}-00{n2}
JPCERT/CC
{y}-{m:02d}-{d:02d}

<<< JPCERT/CC Alert {y}-{m:02d}-{d:02d} >>>

{p}の脆弱性に関する注意喚起

https://www.jpcert.or.jp/at/{y}/at{y}00{n2}.html

I. 概要
{p}には、認証されていない遠隔の第三者が任意のコードを実行可能な
脆弱性があります。開発者によると、本脆弱性を悪用する攻撃が
確認されているとのことです。

II. 対象
詳細は開発者が提供する情報を参照してください。

III. 対策
開発者が提供する情報を参照し、最新版へのアップデートを検討してください。

======================================================================
一般社団法人 JPCERTコーディネーションセンター (JPCERT/CC)
MAIL: info@jpcert.or.jp
https://www.jpcert.or.jp/
-----BEGIN PGP SIGNATURE-----

iQIzBAEBCAAdFiEE{tok40}
{tok40}{tok24}
=AbCd
-----END PGP SIGNATURE-----
""",
    },
]


# == 8. person-to-person threads ====================================================================

_THREAD: list[dict[str, Any]] = [
    {
        "sender": "toyo",
        "to": ("eigyo",),
        "reply": 3,
        "subject": "Re: 【見積依頼】位置決め治具 TD-{n3} 10セット",
        "text": """\
吉田様

お世話になっております。東洋電機の井上です。

お見積りありがとうございました。
社内で確認したところ、数量を10セットから12セットに変更したく、
再見積りをお願いできますでしょうか。

また、納期について、{c30}の週までに半数（6セット）だけでも
先行納品いただくことは可能でしょうか。

お手数ですが、{d5}頃までにご回答いただけると助かります。
よろしくお願いいたします。

--
東洋電機株式会社 購買部
井上 真一
〒330-0854 埼玉県さいたま市大宮区桜木町1-9-4
TEL: 048-661-2305 / FAX: 048-661-2306

{y}年{p2} 16:42 吉田 彩 <a.yoshida@minato-seiki.co.jp>:

> 東洋電機株式会社
> 井上様
>
> いつもお世話になっております。みなと精機の吉田です。
>
> ご依頼いただきました位置決め治具 TD-{n3} のお見積書を
> 添付にてお送りいたします。
>
> 　数量：10セット
> 　単価：{n2},000円（税別）
> 　納期：ご注文後 約6週間
>
> ご検討のほど、よろしくお願いいたします。
>
> 吉田
>
> > 株式会社みなと精機
> > 吉田様
> >
> > 東洋電機の井上です。
> > 添付図面の治具について、10セットでお見積りをお願いします。
> > 材質はSKD11、焼入れ・研削仕上げでお願いします。
""",
    },
    {
        "sender": "daiwa",
        "to": ("eigyo", "senmu"),
        "reply": 2,
        "subject": "RE: 納期のご確認（注文書No.MS-{y}-{n4}）",
        "text": """\
株式会社みなと精機
吉田様

いつもお世話になっております。
大和商事の松本です。

お問い合わせの件、メーカーに確認いたしました。

　SKD11 φ50×300　8本　→ {d3}出荷、翌日着
　SUS304 t10×200×300　4枚 → {d7}出荷予定

SUS材のみ、メーカー在庫切れのため1週間ほど遅れます。
大変申し訳ございません。
分納でよろしければ、SKD11のみ先にお送りいたしますが、いかがでしょうか。

ご指示いただけますと幸いです。

━━━━━━━━━━━━━━━━━━━━
大和商事株式会社　営業部
松本 隆
TEL：03-5812-4470　携帯：090-4821-6637
━━━━━━━━━━━━━━━━━━━━

-----Original Message-----
From: 吉田 彩 <a.yoshida@minato-seiki.co.jp>
Sent: {p1} 10:15
To: 松本 隆 <t.matsumoto@daiwa-shoji.co.jp>
Subject: 納期のご確認（注文書No.MS-{y}-{n4}）

大和商事株式会社
松本様

お世話になっております。みなと精機の吉田です。

先週発注いたしました注文書No.MS-{y}-{n4}の件、
納期のご回答がまだのようでしたので、ご確認いただけますでしょうか。
客先納期が迫っており、急ぎで申し訳ございません。

よろしくお願いいたします。
""",
    },
    {
        "sender": "toyo",
        "to": ("eigyo",),
        "cc": ["senmu"],
        "subject": "【至急】納入品の不具合について（{md}納品分）",
        "text": """\
株式会社みなと精機
吉田様
（CC：渡辺専務）

お世話になっております。東洋電機の井上です。

{p2}に納品いただいたシャフト（品番 SH-{n3}）について、
受入検査で寸法不良が見つかりましたので、ご連絡いたします。

・数量：納品40本のうち 7本
・内容：外径 φ12 h7 の公差外れ（+0.02〜0.03mm）
・測定結果と写真は添付のとおりです

現在、該当ロットはすべて出荷保留としております。
当社の組立ラインが{d3}から始まるため、大変恐縮ですが
代替品の納期と、原因・対策のご報告（書面）を
明日中にいただけますでしょうか。

お忙しいところ申し訳ありませんが、よろしくお願いいたします。

--
東洋電機株式会社 購買部
井上 真一
TEL: 048-661-2305（直通）
""",
        "attach": [("pdf", "受入検査結果_SH-{n3}.pdf")],
    },
    {
        "sender": "hokuto",
        "to": ("eigyo", "soumu"),
        "subject": "配送遅延のお詫び（{md}集荷分）",
        "text": """\
株式会社みなと精機
ご担当者様

いつも大変お世話になっております。
北斗運輸の林です。

本日集荷させていただいた東洋電機様向けのお荷物について、
東名高速の事故渋滞の影響により、配達が大幅に遅れております。
本日18時のお届け予定でしたが、20時頃の到着見込みです。

お届け先様には、弊社より先ほどお電話でご連絡し、
20時までの受け取りをご了承いただきました。

ご迷惑をおかけし、誠に申し訳ございません。
到着しましたら改めてご連絡いたします。

北斗運輸株式会社　配車係
林 健太
TEL 0463-22-8150　携帯 080-6123-4471
""",
    },
    {
        "sender": "i-eigyo",
        "to": ("senmu",),
        "cc": ["bucho"],
        "subject": "Fw: 価格改定のお願い（{nm}月{n1}日出荷分より）",
        "text": """\
渡辺専務
（CC：伊藤部長）

お疲れさまです。吉田です。

大和商事様から価格改定の連絡がありましたので転送します。
主要材料で5〜12%の値上げです。
影響額を試算したところ、年間で約{n2}0万円の増加になりそうです。

来週、松本さんが説明に来社されるとのことですので、
同席いただけますでしょうか。候補日は{d3}か{d5}の午後です。

吉田

-----Original Message-----
From: 松本 隆 <t.matsumoto@daiwa-shoji.co.jp>
Sent: {p1} 17:20
To: 吉田 彩 <a.yoshida@minato-seiki.co.jp>
Subject: 価格改定のお願い（{nm}月{n1}日出荷分より）

株式会社みなと精機
吉田 彩 様

平素は格別のご高配を賜り、厚く御礼申し上げます。
大和商事の松本でございます。

誠に心苦しいお願いではございますが、原材料価格および物流費の高騰が続いており、
添付の書面のとおり、{nm}月{n1}日出荷分より一部商品の価格を
改定させていただきたく、お願い申し上げます。

近日中にご説明に伺いたく存じます。
""",
        "attach": [("pdf", "価格改定のお願い_大和商事.pdf")],
    },
    {
        "sender": {
            "route": {"kind": "google", "dkim": [("gmail.com", "20230601")], "p": "none"},
            "person": ja_org.STAFF[4],
            "charset": "UTF-8",
        },
        "from": ("吉田 彩", "aya.yoshida.0614@gmail.com"),
        "to": ("eigyo-ml",),
        "cc": ["senmu"],
        "subject": "出張中のため個人アドレスから失礼します（東洋電機様 打合せ結果）",
        "text": """\
営業部の皆さん、渡辺専務

お疲れさまです。吉田です。
出張先でノートPCのVPNがつながらないため、個人のGmailから失礼します。
（会社のアドレスには戻り次第、同じ内容を送り直します）

本日の東洋電機様（大宮）での打合せ結果です。

・治具の仕様変更：基準ピンをφ8→φ10に変更（図面は後日送付）
・数量12セットで正式発注の見込み
・先行6セットの納期を{c30}週で希望

明日は直行直帰で、16時頃帰社予定です。
急ぎの件は携帯（080-3342-7719）までお願いします。

吉田
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": None,
                "host": "mfsmax.docomo.ne.jp",
                "ip": "203.138.181.112",
                "dkim": [("docomo.ne.jp", "20190723")],
                "p": "none",
                "mid": "hex",
            },
            "person": ja_org.VIPS[1],
            "charset": "UTF-8",
        },
        "from": ("", "makoto.w-0421@docomo.ne.jp"),
        "to": ("eigyo",),
        "weekday": False,
        "hours": (7, 21),
        "pick": {
            "msg": [
                "新幹線が遅れていて、打合せに15分ほど遅れます。先方に連絡お願いします。",
                "東洋電機の件、先方の部長と話がついた。正式発注は来週。見積を12セットで出し直しておいて。",
                "今日は直帰します。明日朝の会議資料は机の上に置いておいてください。",
            ]
        },
        "subject": "渡辺です",
        "text": """\
吉田さん

渡辺です。携帯から失礼。
{msg}

渡辺
""",
    },
    {
        "sender": "chiyoda",
        "to": ("soumu", "eigyo"),
        "reply": 1,
        "subject": "RE: 会社案内リーフレット 校正のお願い（第{n1}校）",
        "attach": [("pdf", "みなと精機様_会社案内_第{n1}校.pdf")],
        "text": """\
株式会社みなと精機
中村様

いつもお世話になっております。
千代田印刷の森です。

先日いただいた赤字を反映した第{n1}校をお送りいたします。
主な修正箇所は以下のとおりです。

・P2 沿革：{y}年の項目を追加
・P3 設備一覧：5軸マシニングセンタの台数を「2台」に修正
・P4 地図：最寄り駅からの所要時間を「徒歩8分」に修正

ご確認のうえ、修正がなければ「校了」のご連絡をお願いいたします。
{d3}までに校了いただければ、{d10}納品が可能です。

よろしくお願いいたします。

――――――――――――――――――――
千代田印刷株式会社　営業部
森 雄一
〒111-0052 東京都台東区柳橋1-4-2
TEL 03-3866-2741　FAX 03-3866-2742
――――――――――――――――――――

-----Original Message-----
From: 中村 翔 [mailto:s.nakamura@minato-seiki.co.jp]
Sent: {p3} 11:02
To: 森 雄一
Subject: RE: 会社案内リーフレット 校正のお願い

森様

お世話になっております。みなと精機の中村です。
初校の赤字をPDFでお送りします。
社長確認済みですので、この内容で修正をお願いします。

中村
""",
    },
    {
        "sender": "sato",
        "to": ("bucho",),
        "cc": ["keiri"],
        "reply": 4,
        "months": [4, 5, 6],
        "subject": "RE: RE: 決算資料のご依頼について",
        "text": """\
伊藤部長

お世話になっております。佐藤税理士事務所の佐藤です。

資料のご送付ありがとうございました。
確認したところ、以下の2点が不足しておりましたので、
ご準備いただけますでしょうか。

１．期末日時点の借入金残高証明書（東京みらい銀行分）
２．固定資産の取得に関する請求書（{pmy}年{pm}月取得の測定器）

また、棚卸表の数量と金額に一部不一致がありましたので、
次回訪問時（{d5}）に確認させてください。

申告期限が近づいておりますので、{d3}までにお送りいただけると助かります。

よろしくお願いいたします。

＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
佐藤税理士事務所
税理士　佐藤 浩
TEL 045-321-7788 / FAX 045-321-7789
＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊

-----Original Message-----
From: 伊藤 由美 [mailto:y.ito@minato-seiki.co.jp]
Sent: {p2} 18:31
To: 'hiroshi@sato-zeirishi.jp'
Cc: 小林 直樹
Subject: RE: 決算資料のご依頼について

佐藤先生

いつもお世話になっております。みなと精機の伊藤です。
ご依頼の決算資料一式を、本日レターパックで発送いたしました。
試算表と固定資産台帳はデータでも添付いたします。

よろしくお願いいたします。

伊藤

> 伊藤部長
>
> 決算に向けて、下記の資料をご準備ください。
> ・期末の預金残高証明書、借入金残高証明書
> ・棚卸表、固定資産台帳、売掛金・買掛金の明細
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "local",
                "host": "www.minato-seiki.co.jp",
                "ip": "203.0.113.10",
                "spf": "pass",
                "mid": "php",
                "dkim": [],
                "dmarc": ("pass", "quarantine"),
            },
            "org": ja_org.ORG_NAME,
        },
        "from": ("株式会社みなと精機 Webサイト", "wordpress@minato-seiki.co.jp"),
        "to": ("info",),
        "reply_to": ("{inq}", "{inq_mail}"),
        "weekday": False,
        "hours": (0, 23),
        "headers": [("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)")],
        "pick": {
            "v": [
                {
                    "inq": "山口 拓也",
                    "inq_mail": "t.yamaguchi@sagami-seiko.co.jp",
                    "co": "相模精工株式会社",
                    "body": (
                        "アルミ削り出しの試作部品（50個程度）の見積りをお願いしたく、ご連絡しました。図面"
                        "はPDFでお送りできます。"
                    ),
                },
                {
                    "inq": "Zhang Wei",
                    "inq_mail": "zhang.wei@example-trading.com.cn",
                    "co": "上海恒達貿易有限公司",
                    "body": (
                        "貴社の精密加工品の輸入を検討しております。カタログと価格表をお送りいただけますで"
                        "しょうか。"
                    ),
                },
                {
                    "inq": "田中 美穂",
                    "inq_mail": "tanaka.miho@hotmail.co.jp",
                    "co": "（個人）",
                    "body": "中途採用の募集について、工場見学は可能でしょうか。",
                },
            ]
        },
        "subject": "【お問い合わせ】Webサイトからのお問い合わせがありました",
        "text": """\
Webサイトのお問い合わせフォームから以下の内容が送信されました。

お問い合わせ種別：{co}
お名前：{inq}
会社名：{co}
メールアドレス：{inq_mail}
電話番号：0{n2}-{n4}-{n4}

お問い合わせ内容：
{body}

--
このメールは https://www.minato-seiki.co.jp/contact/ の
お問い合わせフォーム（Contact Form 7）から送信されました
""",
    },
    {
        "sender": "suzuki",
        "to": ("jinji",),
        "reply": 1,
        "months": [6, 7],
        "subject": "Re: 算定基礎届の件",
        "text": """\
山本様

お世話になっております。鈴木社労士事務所の鈴木です。

算定基礎届の資料、受領いたしました。ありがとうございます。
4月〜6月の給与データを確認したところ、
残業代の変動で標準報酬月額が2等級以上変わる方が{n1}名いらっしゃいました。

該当の方は、9月分の保険料から変更になります。
一覧を添付しましたのでご確認ください。

提出はe-Govの電子申請で、{c7}までに弊所から行います。
控えは後日お送りします。

よろしくお願いいたします。

On {p2} 15:20, 山本 さくら wrote:
> 鈴木先生
>
> お世話になっております。みなと精機の山本です。
> 算定基礎届用の賃金台帳（4〜6月分）をお送りします。
> 途中入社の方が2名おりますので、ご確認をお願いします。
>
> 山本

{sd}
鈴木社会保険労務士事務所
特定社会保険労務士　鈴木 明美
TEL 03-5436-9021
""",
        "attach": [("xlsx", "標準報酬月額変更一覧_{y}.xlsx")],
    },
]


# == 9. PPAP and file-transfer services ============================================================

_TRANSFER: list[dict[str, Any]] = [
    {
        "sender": "daiwa",
        "to": ("eigyo",),
        "subject": "お見積書送付の件（見積No.DS-{n4}）",
        "attach": [("zip", "見積書_みなと精機様_{y}{m:02d}{d:02d}.zip")],
        "zip_names": ["見積書_DS-{n4}.pdf", "仕様確認書_DS-{n4}.pdf"],
        "text": """\
株式会社みなと精機
吉田様

いつもお世話になっております。
大和商事の松本です。

ご依頼いただきました鋼材のお見積書をお送りいたします。
ファイルはパスワード付きZIPにて添付しております。
パスワードは別メールにてお送りいたします。

有効期限：発行日より30日間

ご検討のほど、よろしくお願いいたします。

━━━━━━━━━━━━━━━━━━━━
大和商事株式会社　営業部
松本 隆
TEL：03-5812-4470
━━━━━━━━━━━━━━━━━━━━
""",
        "then": {
            "subject": "【パスワード】お見積書送付の件（見積No.DS-{n4}）",
            "text": """\
株式会社みなと精機
吉田様

大和商事の松本です。
先ほどお送りしたファイルのパスワードをお知らせいたします。

　パスワード：{pw}

よろしくお願いいたします。

大和商事株式会社　営業部
松本 隆
""",
        },
    },
    {
        "sender": "chuo",
        "to": ("senmu",),
        "cc": ["ceo"],
        "subject": "取引基本契約書（修正案）送付の件",
        "attach": [("zip", "取引基本契約書_修正案_{y}{m:02d}{d:02d}.zip")],
        "zip_names": ["取引基本契約書（東洋電機様）修正案_v{n1}.docx", "修正点一覧.pdf"],
        "text": """\
株式会社みなと精機
専務取締役　渡辺 誠 様

いつもお世話になっております。
中央総合法律事務所の木村です。

ご相談いただいておりました東洋電機株式会社様との取引基本契約書について、
修正案を作成いたしましたので送付いたします。
主な修正点は、瑕疵担保（契約不適合責任）の期間と損害賠償の上限額です。
詳細は同封の修正点一覧をご覧ください。

添付ファイルは暗号化しております。
パスワードは別途システムより自動送信されます。

ご不明点がございましたら、お気軽にご連絡ください。

-------------------------------------------------------
中央総合法律事務所
弁護士　木村 恵子
TEL：03-3213-5560
-------------------------------------------------------
""",
        "then": {
            "from": ("中央総合法律事務所 メール送信システム", "noreply-secure@chuo-sogo-law.jp"),
            "subject": "[パスワード通知] 取引基本契約書（修正案）送付の件",
            "text": """\
このメールは、添付ファイル付きメールの送信時に自動送信されています。

送信者　：木村 恵子 <k.kimura@chuo-sogo-law.jp>
送信日時：{ymd} {hm}
件名　　：取引基本契約書（修正案）送付の件
添付ファイル：取引基本契約書_修正案_{y}{m:02d}{d:02d}.zip

パスワード：{pw}

※本メールへの返信はできません。
※お心当たりのない場合は、本メールを破棄してください。
""",
        },
    },
    {
        "sender": "hokuto",
        "to": ("soumu", "keiri"),
        "subject": "送り状控え・受領書の送付",
        "attach": [("zip", "受領書_{pmy}{pm:02d}.zip")],
        "zip_names": ["受領書_{pmy}{pm:02d}.pdf"],
        "text": """\
株式会社みなと精機
ご担当者様

いつもお世話になっております。
北斗運輸の林です。

先月分の送り状控えと受領書のスキャンデータを送付します。
社内規定によりパスワードを設定しておりますので、
パスワードは次のメールでお送りします。

よろしくお願いいたします。

北斗運輸株式会社　配車係
林 健太
TEL 0463-22-8150
""",
        "then": {
            "subject": "パスワードのご連絡",
            "text": """\
株式会社みなと精機
ご担当者様

北斗運輸の林です。
先ほどのファイルのパスワードです。

{pw}

よろしくお願いいたします。
林
""",
        },
    },
    {
        "sender": "chiyoda",
        "to": ("soumu",),
        "subject": "会社案内 入稿データのご送付（ギガファイル便）",
        "text": """\
株式会社みなと精機
中村様

いつもお世話になっております。
千代田印刷の森です。

会社案内の最終データ（印刷用PDF・Illustratorデータ一式）を
容量が大きいため、ギガファイル便にてお送りいたします。

URL：https://{n2}.gigafile.nu/{m:02d}{d:02d}-{hex16}{hex8}
ダウンロードパスワード：{num4}
保存期限：{c14}

※保存期限を過ぎるとダウンロードできなくなりますので、
　お早めに保存をお願いいたします。

よろしくお願いいたします。

――――――――――――――――――――
千代田印刷株式会社　営業部
森 雄一
TEL 03-3866-2741
――――――――――――――――――――
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail.firestorage.jp",
                "ip": "202.218.224.31",
                "dkim": [("firestorage.jp", "default")],
                "dmarc": ("none", ""),
                "mid": "hex",
            },
            "org": "firestorage",
        },
        "from": ("firestorage", "info@firestorage.jp"),
        "to": ("eigyo", "senmu"),
        "charset": "ISO-2022-JP",
        "subject": "[firestorage] 井上 真一 様からファイルが届いています",
        "text": """\
井上 真一 様（s.inoue@toyo-denki.co.jp）から、ファイルが届いています。

■メッセージ
みなと精機 吉田様
治具の改訂図面一式です。ご確認お願いします。
東洋電機 井上

■ダウンロードURL
https://firestorage.jp/download/{hex16}{hex8}

■ファイル
TD-{n3}_改訂図面一式.zip（{n2}.{n1}MB）

■保存期間
{c7}まで

※このメールは送信専用です。
※ファイルの内容については送信者に直接お問い合わせください。

firestorage
https://firestorage.jp/
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail-out.box.com",
                "ip": "74.112.186.44",
                "dkim": [("box.com", "s2048")],
                "p": "reject",
                "mid": "hex",
            },
            "org": "Box",
        },
        "from": ("Box", "noreply@box.com"),
        "to": ("eigyo", "joho"),
        "subject": "松本 隆さんがフォルダ「みなと精機様_共有」にあなたを招待しました",
        "html": """\
<!DOCTYPE html><html><head><meta charset="utf-8"></head>
<body style="font-family:Lato,'Helvetica Neue',Helvetica,Arial,sans-serif;background:#f4f4f4;">
<table width="560" align="center" style="background:#fff;padding:24px;">
<tr><td>
<img src="https://cdn01.boxcdn.net/_assets/img/email/box-logo-blue.png" alt="box" width="60"></td>
</tr>
<tr><td style="font-size:16px;padding-top:16px;">
<b>松本
隆</b>さん（t.matsumoto@daiwa-shoji.co.jp）が、フォルダ「<b>みなと精機様_共有</b>」に{to_name}さんを招待しました。</td>
</tr>
<tr>
<td
style="font-size:14px;color:#555;padding-top:8px;">メッセージ：ミルシート（材料証明書）はこちらのフォルダに今後アップロードいたします。</td>
</tr>
<tr><td style="padding-top:20px;">
<a href="https://app.box.com/folder/{num12}?s={tok24}"
style="background:#0061d5;color:#fff;padding:10px
20px;border-radius:4px;text-decoration:none;">フォルダを開く</a>
</td></tr>
<tr>
<td style="font-size:12px;color:#999;padding-top:24px;">Box, Inc. 900 Jefferson Ave, Redwood City,
CA 94063<br>
<a href="https://app.box.com/notifications">通知設定</a></td></tr>
</table></body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "m365",
                "mbx": "TYCPR01MB8345",
                "dkim_d": "sharepointonline.com",
                "mailfrom": "sharepointonline.com",
                "rp": "no-reply@sharepointonline.com",
                "p": "reject",
                "system": True,
            },
            "org": "大和商事株式会社",
        },
        "from": ("松本 隆", "no-reply@sharepointonline.com"),
        "reply_to": ("松本 隆", "t.matsumoto@daiwa-shoji.co.jp"),
        "to": ("eigyo",),
        "subject": '松本 隆 さんがファイル "納期一覧_{y}{m:02d}.xlsx" をあなたと共有しました',
        "html": """\
<html><head><meta charset="utf-8"></head><body>
<div style="font-family:'Segoe UI',Meiryo,sans-serif;max-width:560px;">
<p style="font-size:20px;">松本 隆 さんがファイルをあなたと共有しました</p>
<p style="font-size:14px;">来月分の納期一覧です。更新があればこちらに反映します。</p>
<table style="border:1px solid #e1dfdd;padding:12px;width:100%;"><tr>
<td>
<img
src="https://res-1.cdn.office.net/files/fabric-cdn-prod_20230815.002/assets/item-types/48/xlsx.png"
width="48" alt="">
</td>
<td style="font-size:16px;">納期一覧_{y}{m:02d}.xlsx</td></tr></table>
<p>
<a
href="https://daiwashoji-my.sharepoint.com/:x:/g/personal/t_matsumoto_daiwa-shoji_co_jp/E{tok24}?e={tok12}"
style="background:#0078d4;color:#fff;padding:8px 20px;text-decoration:none;">開く</a>
</p>
<p style="font-size:11px;color:#605e5c;">このリンクは指定されたユーザーに対してのみ機能します。<br>
<img
src="https://res-1.cdn.office.net/files/fabric-cdn-prod_20230815.002/assets/brand-icons/product/png/onedrive_32x1.png"
width="16"
alt=""> Microsoft OneDrive<br>
Microsoft Corporation, One Microsoft Way, Redmond, WA 98052<br>
<a href="https://go.microsoft.com/fwlink/?LinkId=521839">プライバシーに関する声明</a></p>
</div></body></html>
""",
    },
    {
        "sender": {
            "route": {
                "kind": "google",
                "dkim": [("google.com", "20230601")],
                "p": "reject",
                "mid": "google",
                "mailfrom": "doclist.bounces.google.com",
                "rp": "3{tok12}@doclist.bounces.google.com",
            },
            "org": "Google ドライブ",
        },
        "from": ("井上 真一 (Google ドライブ経由)", "drive-shares-dm-noreply@google.com"),
        "reply_to": ("井上 真一", "s.inoue@toyo-denki.co.jp"),
        "to": ("eigyo",),
        "subject": "共有アイテム: 「TD-{n3} 図面一式」",
        "text": """\
井上 真一 さんが次のフォルダをあなたと共有しました:

TD-{n3} 図面一式
https://drive.google.com/drive/folders/1{tok24}?usp=sharing_eil_se_dm&ts={num10}

図面のPDFとSTEPを入れています。今回からこちらでお送りします。

Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA
このメールは、井上 真一 さんがあなたとアイテムを共有したため送信されました。
""",
        "html": """\
<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"></head><body>
<table role="presentation" width="100%" style="max-width:600px;"><tr>
<td style="font-family:'Google Sans',Roboto,Arial,sans-serif;font-size:14px;">
<p><b>井上 真一</b> さんが次のフォルダをあなたと共有しました:</p>
<p style="border:1px solid #dadce0;border-radius:8px;padding:12px;">
<img src="https://drive-thirdparty.googleusercontent.com/32/type/application/vnd.google-apps.folder"
width="20" alt=""> <a
href="https://drive.google.com/drive/folders/1{tok24}?usp=sharing_eil_se_dm&amp;ts={num10}">TD-{n3}
図面一式</a>
</p>
<p>図面のPDFとSTEPを入れています。今回からこちらでお送りします。</p>
<p>
<a href="https://drive.google.com/drive/folders/1{tok24}?usp=sharing_eil_se_dm&amp;ts={num10}"
style="background:#0b57d0;color:#fff;padding:10px
24px;border-radius:18px;text-decoration:none;">開く</a>
</p>
<p style="font-size:12px;color:#5f6368;">Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA
94043, USA<br>このメールは、井上 真一 さんがあなたとアイテムを共有したため送信されました。</p>
</td></tr></table></body></html>
""",
    },
]


# == 10. recruiting and HR SaaS, government ========================================================

_RECRUIT: list[dict[str, Any]] = [
    {
        "sender": {
            "route": {
                "kind": "ses",
                "region": "us-west-2",
                "mailfrom": "indeed.com",
                "dkim_d": "indeed.com",
                "p": "reject",
                "mid": "<{sid}@email.amazonses.com>",
            },
            "org": "Indeed",
        },
        "from": ("Indeed", "no-reply@indeed.com"),
        "to": ("saiyo", "jinji"),
        "weekday": False,
        "hours": (0, 23),
        "pick": {
            "job": [
                "機械加工オペレーター（NC旋盤）",
                "品質管理・検査スタッフ",
                "生産管理（経験者優遇）",
                "一般事務（経理補助）",
            ]
        },
        "subject": "新しい応募者: {job} - 横浜市",
        "text": """\
新しい応募者がいます

{job}
株式会社みなと精機 - 神奈川県横浜市

応募者：{app}
応募日：{ymd}

応募者のプロフィールと履歴書を確認する
https://employers.indeed.com/candidates/view?id={hex16}&from=applyemail

できるだけ早く応募者に連絡すると、採用の可能性が高まります。

Indeed
このメールは、Indeed の求人に応募があったため送信されました。
通知設定の変更: https://employers.indeed.com/settings/notifications
""",
        "vars": {"app": "応募者（氏名は管理画面でご確認ください）"},
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mta01.en-gage.net",
                "ip": "210.140.92.18",
                "dkim": [("en-gage.net", "engage")],
                "p": "none",
                "mid": "hex",
            },
            "org": "engage",
        },
        "from": ("engage（エンゲージ）", "info@en-gage.net"),
        "to": ("saiyo", "jinji"),
        "weekday": False,
        "hours": (0, 23),
        "subject": "【engage】新しい応募がありました（{job}）",
        "pick": {
            "job": [
                "NCフライス・マシニングセンタ オペレーター",
                "CADオペレーター",
                "工場内軽作業スタッフ（パート）",
            ]
        },
        "text": """\
株式会社みなと精機
採用ご担当者様

engageをご利用いただきありがとうございます。
以下の求人に新しい応募がありました。

■求人：{job}
■応募日時：{ymd} {hm}
■応募者：{n2}歳・男性（神奈川県）

応募者情報は管理画面からご確認ください。
https://en-gage.net/company/manage/apply/?PK={hex8}

早めの連絡が、面接につながるポイントです。
3日以内の連絡をおすすめします。

――――――――――――――――――
engage（エンゲージ）
エン株式会社
※このメールは送信専用アドレスから送信されています。
――――――――――――――――――
""",
    },
    {
        "sender": {
            "route": {
                "kind": "sendgrid",
                "brand": "smarthr.jp",
                "uid": "9187264",
                "em": "6617",
                "ptr": "4410",
                "url": "7781",
                "p": "reject",
            },
            "org": "SmartHR",
        },
        "from": ("SmartHR", "noreply@smarthr.jp"),
        "to": ("jinji",),
        "pick": {
            "v": [
                {
                    "sub": "【SmartHR】従業員が入社手続きの情報を入力しました",
                    "b": (
                        "従業員の 佐々木 亮 さんが、入社手続きに必要な情報の入力を完了しました。\n"
                        "内容を確認し、手続きを進めてください。"
                    ),
                },
                {
                    "sub": "【SmartHR】年末調整のアンケート回答が完了しました",
                    "b": (
                        "従業員の 木下 優子 さんが、年末調整のアンケートへの回答を完了しました。\n"
                        "回答内容を確認してください。"
                    ),
                },
                {
                    "sub": "【SmartHR】電子申請の公文書が届きました",
                    "b": (
                        "健康保険・厚生年金保険 被保険者資格取得届 の電子申請について、公文書が届きました"
                        "。\n"
                        "従業員への公文書の配付を行ってください。"
                    ),
                },
            ]
        },
        "subject": "{sub}",
        "text": """\
株式会社みなと精機
山本 さくら さん

{b}

▼SmartHRで確認する
https://minato-seiki.smarthr.jp/

このメールはSmartHRから自動で送信しています。
通知の設定は「個人設定」から変更できます。
株式会社SmartHR
""",
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail.jobcan.jp",
                "ip": "54.65.201.77",
                "dkim": [("jobcan.jp", "jc1")],
                "p": "none",
                "mid": "hex",
            },
            "org": "ジョブカン",
        },
        "from": ("ジョブカン勤怠管理", "noreply@jobcan.jp"),
        "to": ("senmu", "bucho", "soumu"),
        "subject": "【ジョブカン勤怠管理】承認依頼が届いています（{n1}件）",
        "text": """\
{to_name} 様

ジョブカン勤怠管理より、承認依頼のお知らせです。
以下の申請があなたの承認待ちになっています。

・残業申請　吉田 彩　{p1}　19:00〜21:00
・休暇申請　中村 翔　{c7}　有給休暇（全日）

承認はこちらから
https://ssl.jobcan.jp/employee/manager-adit-list

※締め処理は毎月{eom}です。期限までに承認をお願いします。
ジョブカン勤怠管理（株式会社DONUTS）
""",
    },
]

_GOVERNMENT: list[dict[str, Any]] = [
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail.e-tax.nta.go.jp",
                "ip": "202.214.190.40",
                "dkim": [("e-tax.nta.go.jp", "etax")],
                "p": "reject",
                "mid": "dotted",
            },
            "org": "国税庁",
        },
        "from": ("e-Tax", "info@e-tax.nta.go.jp"),
        "to": ("keiri", "bucho"),
        "charset": "ISO-2022-JP",
        "hours": (0, 23),
        "subject": "【e-Tax】メッセージボックスへのお知らせの格納について",
        "text": """\
株式会社みなと精機　様

e-Tax（国税電子申告・納税システム）をご利用いただき、ありがとうございます。

メッセージボックスに、受信通知等を格納しましたので、お知らせします。

　格納日時：{ymd} {hm}
　件名　　：{msg}

内容の確認は、e-Taxソフト（WEB版）又はe-Taxソフトにログインし、
メッセージボックスからご確認ください。
https://clientweb.e-tax.nta.go.jp/UF_WEB/WP000/FCSE00001/SE00S010SCR.do

※本メールは送信専用です。返信いただいてもお答えできません。
※国税庁では、メールで納税を求めたり、口座番号・クレジットカード番号等を
　お尋ねすることはありません。

国税庁　e-Tax
https://www.e-tax.nta.go.jp/
""",
        "pick": {
            "msg": [
                "源泉所得税の納付区分番号通知",
                "消費税及び地方消費税の確定申告書 受信通知",
                "法人税 確定申告書 受信通知",
                "給与所得の源泉徴収票等の法定調書合計表 受信通知",
            ]
        },
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail.eltax.lta.go.jp",
                "ip": "210.131.112.8",
                "dkim": [("eltax.lta.go.jp", "selector1")],
                "p": "none",
                "mid": "dotted",
            },
            "org": "eLTAX",
        },
        "from": ("eLTAX", "eltax-info@eltax.lta.go.jp"),
        "to": ("keiri",),
        "charset": "ISO-2022-JP",
        "months": [1, 5, 6],
        "subject": "【eLTAX】申告等の受付完了のお知らせ",
        "text": """\
株式会社みなと精機　様

eLTAX（地方税ポータルシステム）をご利用いただき、ありがとうございます。

以下の申告等について、提出先の地方公共団体で受付が完了しました。

　手続名　：{msg}
　提出先　：横浜市
　受付番号：{num10}{n4}

詳細は、PCdeskにログインし、メッセージボックスからご確認ください。

※このメールは送信専用アドレスから送信しています。
地方税共同機構
""",
        "pick": {
            "msg": ["給与支払報告書（総括表）", "償却資産申告書", "法人市民税 確定申告", "特別徴収税額の納付"]
        },
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mail.e-gov.go.jp",
                "ip": "202.241.208.75",
                "dkim": [("e-gov.go.jp", "egov")],
                "p": "reject",
                "mid": "hex",
            },
            "org": "e-Gov",
        },
        "from": ("e-Gov電子申請", "noreply@e-gov.go.jp"),
        "to": ("jinji",),
        "charset": "UTF-8",
        "subject": "【e-Gov電子申請】手続の状況が更新されました（到達番号：{num10}{num8}）",
        "text": """\
株式会社みなと精機　様

e-Gov電子申請をご利用いただき、ありがとうございます。
以下の申請について、手続の状況が更新されました。

到達番号：{num10}{num8}
手続名称：{msg}
提出先　：日本年金機構 横浜中年金事務所
状況　　：手続終了

公文書が発行されている場合は、e-Gov電子申請アプリケーションに
ログインのうえ、申請案件一覧からご確認ください。
https://shinsei.e-gov.go.jp/

※本メールは送信専用です。
デジタル庁 e-Gov
""",
        "pick": {
            "msg": [
                "健康保険・厚生年金保険被保険者報酬月額算定基礎届",
                "健康保険・厚生年金保険被保険者資格取得届",
                "健康保険・厚生年金保険被保険者賞与支払届",
                "雇用保険被保険者資格喪失届",
            ]
        },
    },
    {
        "sender": {
            "route": {
                "kind": "smtp",
                "sub": "app",
                "host": "mailmag.city.yokohama.lg.jp",
                "ip": "202.229.12.91",
                "dkim": [],
                "mid": "dotted",
            },
            "org": "横浜市",
        },
        "from": ("横浜市経済局", "ke-mailmag@city.yokohama.lg.jp"),
        "to": ("soumu", "ceo"),
        "charset": "ISO-2022-JP",
        "subject": "横浜市 中小企業支援メールマガジン 第{n3}号",
        "text": """\
■■■ 横浜市 中小企業支援メールマガジン 第{n3}号 ■■■
　　　　　　　　　　　　　　　　　　　　　{ymd}発行

【１】中小企業設備投資等助成金　第{n1}次募集のお知らせ
　生産性向上を目的とした設備投資の経費の一部を助成します。
　申請期間：{c7}〜{c30}
　https://www.city.yokohama.lg.jp/business/kigyoshien/

【２】「横浜型地域貢献企業」認定申請の受付開始

【３】中小企業向け 賃上げ・人材確保セミナー（参加無料）
　日時：{c21} 14:00〜16:00

─────────────────────────────
配信停止・登録変更はこちら
https://www.city.yokohama.lg.jp/business/mailmag/
発行：横浜市経済局中小企業振興部
─────────────────────────────
""",
    },
    {
        "sender": {
            "route": {
                "kind": "ses",
                "mailfrom": "mail.mirasapo-plus.go.jp",
                "dkim_d": "mirasapo-plus.go.jp",
                "p": "none",
                "utc_date": False,
                "unsub": "<https://mirasapo-plus.go.jp/mailmagazine/cancel/?t={tok}>",
            },
            "org": "ミラサポplus",
        },
        "from": ("ミラサポplus", "info@mirasapo-plus.go.jp"),
        "to": ("ceo", "soumu", "bucho"),
        "subject": "【ミラサポplus】今週の補助金・支援情報（{md}）",
        "text": """\
＜ミラサポplus メールマガジン＞

いつもミラサポplusをご利用いただきありがとうございます。
今週の注目の支援情報をお届けします。

◆ものづくり・商業・サービス生産性向上促進補助金　公募要領公開
https://mirasapo-plus.go.jp/subsidy/monodukuri/

◆IT導入補助金　次回締切：{c21}
https://mirasapo-plus.go.jp/subsidy/it/

◆事業承継・引継ぎ補助金　説明会のご案内
https://mirasapo-plus.go.jp/subsidy/shokei/

※電子申請には「GビズIDプライムアカウント」が必要です。
　取得に2〜3週間かかる場合がありますので、お早めにご準備ください。

────────────────────
発行：中小企業庁　ミラサポplus運営事務局
配信停止：https://mirasapo-plus.go.jp/mailmagazine/cancel/
────────────────────
""",
    },
]


# -- the set -----------------------------------------------------------------------------------------

_TABLES: dict[str, tuple[list[dict[str, Any]], int]] = {
    "newsletter": (_NEWSLETTER, 50),
    "invoice": (_INVOICE, 22),
    "notice": (_NOTICE, 16),
    "internal": (_INTERNAL, 30),
    "commerce": (_COMMERCE, 24),
    "service": (_SERVICE, 24),
    "list": (_LIST, 14),
    "thread": (_THREAD, 30),
    "transfer": (_TRANSFER, 11),
    "recruit": (_RECRUIT, 8),
    "government": (_GOVERNMENT, 8),
}
FAMILIES: tuple[str, ...] = tuple(_TABLES)


def messages(split: str = "test", seed: int = 1) -> list[tuple[str, bytes]]:
    """(name, RFC 5322 bytes). Only split "test" exists."""
    if split != "test":
        raise ValueError(f"unknown split {split!r}: only 'test' exists")
    out: list[tuple[str, bytes]] = []
    for family in FAMILIES:
        table, count = _TABLES[family]
        rng = random.Random(f"ja_business2/{family}/{seed}")
        order = list(range(len(table)))
        rng.shuffle(order)
        n = 0
        for i in range(count):
            tpl = table[order[i % len(order)]]
            data, ctx = _render(tpl, rng)
            out.append((f"{family}-{n:04d}", data))
            n += 1
            if "then" in tpl:
                follow = {**tpl, **tpl["then"]}
                follow.pop("then")
                follow.pop("attach", None)
                if "from" in tpl["then"]:
                    follow.pop("cc", None)
                later = ctx["_dt"] + timedelta(minutes=rng.randint(1, 6), seconds=rng.randint(0, 59))
                data, _ = _render(follow, rng, later, ctx)
                out.append((f"{family}-{n:04d}", data))
                n += 1
    return out
