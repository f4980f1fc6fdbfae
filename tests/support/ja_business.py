"""Ordinary, legitimate Japanese business mail (ham) as one fictitious company receives it.

``messages(split, seed)`` returns ``(name, bytes)`` pairs: whole RFC 5322 messages addressed to the
staff of :mod:`tests.support.ja_org` in 2025-2026, from ESP newsletters, suppliers and invoice
platforms, carriers and shops, security bulletins, mailing lists, SaaS services, the company's own
departments and the people it works with. It measures how often the phishing analyser flags real
Japanese business mail, so every message is written the way its real sender writes it (ESP
tracking links whose anchor text shows the real URL, bounce domains that are not the From domain,
urgent but genuine wording, PPAP, no DMARC at small offices) and nothing was softened. The corpus
was written blind to the analyser's rules.

Every family has at least four templates; each template belongs to one split (``dev`` or
``test``), so the two splits share no sender, service, ESP, wording or layout within a family
(the company's few real correspondents appear in both, in different roles). A template is a
function that builds one message (two for a PPAP pair) from a seeded ``random.Random``;
``TEMPLATES`` says how many messages each template gives per split.

``python -m tests.support.ja_business --out DIR`` prints the counts and writes the messages to
``DIR/dev`` and ``DIR/test`` as ``.eml`` files. All names, companies, people, numbers and texts
are invented; real carrier, SaaS and ESP domains appear only as their mail really carries them.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import quopri
import random
import re
import string
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.generator import BytesGenerator
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.policy import compat32
from email.utils import format_datetime
from html import escape
from pathlib import Path
from urllib.parse import quote

from tests.support.ja_org import CEO, CORRESPONDENTS, MX_HOST, ORG_DOMAIN, ORG_NAME, STAFF, VIPS, Person

FAMILIES: tuple[str, ...] = (
    "esp-newsletter",
    "invoice",
    "bank-change",
    "hr-it",
    "shipping",
    "security-bulletin",
    "ppap",
    "mailing-list",
    "business",
    "saas-notice",
)

JST = timezone(timedelta(hours=9))

START = datetime(2025, 1, 6, tzinfo=JST)
DAYS = 445  # up to 2026-03-26

ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase + string.digits
URLSAFE = ALNUM + "-_"
B64 = ALNUM + "+/"
HEX = "0123456789abcdef"
UPPER = string.ascii_uppercase + string.digits
QID = "0123456789BCDFGHJKLMNPQRSTVWXYbcdfghjklmnpqrstvwxy"

CODECS = {"iso-2022-jp": "iso2022_jp", "shift_jis": "shift_jis", "utf-8": "utf-8", "us-ascii": "ascii"}


# --------------------------------------------------------------------------------------------
# the company


def _person(local: str) -> Person:
    for p in (*VIPS, *STAFF):
        if p.address.split("@")[0] == local:
            return p
    raise KeyError(local)


TAKAHASHI = CEO
WATANABE = _person("m.watanabe")
ITO = _person("y.ito")
KOBAYASHI = _person("n.kobayashi")
YAMAMOTO = _person("s.yamamoto")
NAKAMURA = _person("s.nakamura")
KATO = _person("d.kato")
YOSHIDA = _person("a.yoshida")
EVERYONE = (*VIPS, *STAFF)
ORG_ADDRESS = "〒213-0031 神奈川県川崎市高津区宇奈根1-4-12"
ORG_TEL = "044-833-5120"
ALL_STAFF = "all@" + ORG_DOMAIN
SIG_DASH = "-- "  # the RFC 3676 signature separator Thunderbird writes


def _corr(domain: str):
    for c in CORRESPONDENTS:
        if c.domain == domain:
            return c
    raise KeyError(domain)


DAIWA = _corr("daiwa-shoji.co.jp")
TOYO = _corr("toyo-denki.co.jp")
SATO = _corr("sato-zeirishi.jp")
CHUO = _corr("chuo-sogo-law.jp")
HOKUTO = _corr("hokuto-unyu.co.jp")
FUJI = _corr("fuji-systems.co.jp")
SUZUKI = _corr("suzuki-sharoushi.jp")
CHIYODA = _corr("chiyoda-insatsu.co.jp")

# letterhead of each correspondent: postal address, telephone, fax
LETTERHEAD = {
    DAIWA.domain: ("〒103-0023 東京都中央区日本橋本町2-4-7 大和ビル5F", "03-3241-5580", "03-3241-5581"),
    TOYO.domain: ("〒252-0131 神奈川県相模原市緑区西橋本5-1-8", "042-773-2100", "042-773-2109"),
    SATO.domain: ("〒220-0004 横浜市西区北幸1-11-5 相鉄北幸ビル3階", "045-311-0827", "045-311-0828"),
    CHUO.domain: ("〒100-0005 東京都千代田区丸の内2-2-1 岸本ビル8階", "03-6212-4470", "03-6212-4471"),
    HOKUTO.domain: ("〒243-0303 神奈川県愛甲郡愛川町中津4020-3", "046-285-3310", "046-285-3311"),
    FUJI.domain: ("〒141-0031 東京都品川区西五反田7-22-17 TOCビル11F", "03-5487-6600", "03-5487-6601"),
    SUZUKI.domain: ("〒231-0011 横浜市中区太田町4-51 関内中央ビル6F", "045-662-1947", "045-662-1948"),
    CHIYODA.domain: ("〒162-0806 東京都新宿区榎町43-1", "03-3260-7712", "03-3260-7713"),
}

# DMARC policy published by a From domain (by organisational domain); absent: no DMARC record
DMARC = {
    ORG_DOMAIN: "quarantine",
    DAIWA.domain: "none",
    TOYO.domain: "quarantine",
    FUJI.domain: "none",
    CHIYODA.domain: "none",
    "shucchou-navi.jp": "none",
    "biz-supply.jp": "quarantine",
    "michinoku-hotels.co.jp": "none",
    "teleworks.co.jp": "none",
    "mirai-card.co.jp": "reject",
    "mitsuwa-denki.co.jp": "quarantine",
    "kessler-automation.com": "quarantine",
    "dx-shimbun.jp": "none",
    "infomart.co.jp": "none",
    "sakura.ad.jp": "none",
    "rakurakumeisai.jp": "none",
    "misoca.jp": "none",
    "amazon.com": "quarantine",
    "amazon.co.jp": "quarantine",
    "shiokaze-bank.co.jp": "reject",
    "smarthr.jp": "none",
    "kingtime.jp": "none",
    "jinjer.biz": "none",
    "kuronekoyamato.co.jp": "reject",
    "sagawa-exp.co.jp": "none",
    "japanpost.jp": "reject",
    "askul.co.jp": "reject",
    "monotaro.com": "none",
    "misumi-ec.com": "none",
    "ipa.go.jp": "reject",
    "jpcert.or.jp": "reject",
    "antiphishing.jp": "none",
    "gigafile.nu": "none",
    "box.com": "reject",
    "googlegroups.com": "none",
    "microsoft.com": "reject",
    "accountprotection.microsoft.com": "reject",
    "google.com": "reject",
    "chatwork.com": "none",
    "nulab.com": "none",
    "backlog.com": "none",
    "freee.co.jp": "none",
    "slack.com": "reject",
    "cybozu.com": "none",
    "moneyforward.com": "reject",
    "zoom.us": "reject",
    "docomo.ne.jp": "none",
    "gmail.com": "none",
    "kougu-net.co.jp": "none",
    "yokohama-seiko.co.jp": "quarantine",
    "sanei-kogyo.co.jp": "none",
    "tokai-kenma.co.jp": "reject",
    "zenseibu.or.jp": "none",
    "kawasaki-mono.net": "none",
    "nagano-precision.co.jp": "none",
    "worksmobile.com": "none",
    "sagami-kinzoku.co.jp": "none",
    "shonan-press.co.jp": "reject",
}

_TWO_LEVEL = ("co.jp", "or.jp", "ne.jp", "go.jp", "ac.jp", "ad.jp", "gr.jp", "lg.jp", "ed.jp")


def org_domain(domain: str) -> str:
    labels = domain.lower().split(".")
    n = 3 if ".".join(labels[-2:]) in _TWO_LEVEL else 2
    return ".".join(labels[-n:])


def dmarc_policy(domain: str) -> str | None:
    return DMARC.get(domain.lower(), DMARC.get(org_domain(domain)))


# --------------------------------------------------------------------------------------------
# random pieces


def rs(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def hexs(rng: random.Random, n: int, upper: bool = False) -> str:
    s = rs(rng, n, HEX)
    return s.upper() if upper else s


def num(rng: random.Random, n: int) -> str:
    """n digits, not starting with 0."""
    return str(rng.randrange(10 ** (n - 1), 10**n))


def ip4(rng: random.Random, prefix: str) -> str:
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(rng.randrange(2, 254)))
    return ".".join(parts)


def uuid4(rng: random.Random, upper: bool = False) -> str:
    h = hexs(rng, 32)
    s = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"
    return s.upper() if upper else s


def qid(rng: random.Random) -> str:
    """A Postfix long queue id."""
    return "4" + rs(rng, rng.randrange(7, 9), QID) + "z" + rs(rng, rng.randrange(4, 6), QID)


def yen(n: int) -> str:
    return f"{n:,}"


def corporate_number(rng: random.Random) -> str:
    """A 13-digit corporate number (法人番号) with a valid check digit."""
    body = rng.choice(("0100", "0104", "0105", "0107", "0200", "0201", "0202", "0203", "0204")) + (
        rng.choice(("01", "01", "02")) + str(rng.randrange(100000, 999999))
    )
    total = sum(int(c) * (1 if i % 2 == 0 else 2) for i, c in enumerate(reversed(body)))
    return str(9 - total % 9) + body


WEEKDAYS = "月火水木金土日"


def jdate(d: datetime, weekday: bool = True) -> str:
    s = f"{d.year}年{d.month}月{d.day}日"
    return s + f"（{WEEKDAYS[d.weekday()]}）" if weekday else s


def sdate(d: datetime) -> str:
    return f"{d.year}/{d.month:02d}/{d.day:02d}"


def mday(d: datetime) -> str:
    return f"{d.month}/{d.day}（{WEEKDAYS[d.weekday()]}）"


def next_business_day(d: datetime, n: int = 1) -> datetime:
    while n:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def later(rng: random.Random, t: datetime, lo: int, hi: int) -> datetime:
    """A reply ``lo``-``hi`` minutes later; outside office hours it moves to the next business morning."""
    u = t + timedelta(minutes=rng.randrange(lo, hi))
    if u.weekday() < 5 and (8, 30) <= (u.hour, u.minute) < (20, 0):
        return u
    if u.hour >= 20 or u.weekday() >= 5:
        u += timedelta(days=1)
    while u.weekday() >= 5:
        u += timedelta(days=1)
    return u.replace(hour=rng.choice((8, 9, 9, 10)), minute=rng.randrange(30, 60), second=rng.randrange(60))


def month_end(year: int, month: int) -> datetime:
    nxt = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=JST)
    return nxt - timedelta(days=1)


def when(rng: random.Random, kind: str = "biz", months: tuple[int, ...] = ()) -> datetime:
    """A plausible sending time between January 2025 and March 2026 (JST)."""
    while True:
        day = START + timedelta(days=rng.randrange(DAYS))
        if months and day.month not in months:
            continue
        if kind == "biz" and day.weekday() >= 5:
            continue
        if kind == "biz" and (day.month, day.day) in ((1, 1), (1, 2), (1, 3), (12, 30), (12, 31)):
            continue
        break
    if kind == "biz":
        hour = rng.choice((8, 9, 9, 10, 10, 10, 11, 11, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 19, 20))
        minute = rng.randrange(60)
    elif kind == "esp":
        hour = rng.choice((7, 8, 10, 11, 12, 12, 15, 17, 18, 18, 19, 20, 21))
        minute = rng.choice((0, 0, 0, 0, 0, 15, 30, 30, 45))
    else:
        hour = rng.choice((0, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23))
        minute = rng.randrange(60)
    second = rng.randrange(60) if kind != "esp" else rng.randrange(8)
    return day.replace(hour=hour, minute=minute, second=second)


def rfc_date(t: datetime, tz: timezone = JST) -> str:
    return format_datetime(t.astimezone(tz))


def postfix_date(t: datetime) -> str:
    return rfc_date(t) + " (JST)"


def utc_date(t: datetime) -> str:
    return rfc_date(t, UTC)


def pacific(t: datetime) -> str:
    """Google's Received timestamps are in US Pacific time."""
    u = t.astimezone(UTC)
    march = datetime(u.year, 3, 8, 10, tzinfo=UTC)
    march += timedelta(days=(6 - march.weekday()) % 7)
    nov = datetime(u.year, 11, 1, 9, tzinfo=UTC)
    nov += timedelta(days=(6 - nov.weekday()) % 7)
    if march <= u < nov:
        return format_datetime(u.astimezone(timezone(timedelta(hours=-7)))) + " (PDT)"
    return format_datetime(u.astimezone(timezone(timedelta(hours=-8)))) + " (PST)"


# --------------------------------------------------------------------------------------------
# header encoding


def _chunks(text: str, codec: str, limit: int) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if cur and len((cur + ch).encode(codec)) > limit:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    out.append(cur)
    return out


def ew(text: str, charset: str = "utf-8", enc: str = "B", upper: bool = True) -> str:
    """RFC 2047 encoded words, folded, each one decodable on its own."""
    codec = CODECS[charset.lower()]
    label = charset.upper() if upper else charset.lower()
    if label == "SHIFT_JIS":
        label = "Shift_JIS"
    words = []
    if enc.upper() == "B":
        limit = 36 if codec == "iso2022_jp" else 42
        tag = "B" if upper else "b"
        for c in _chunks(text, codec, limit):
            words.append(f"=?{label}?{tag}?{base64.b64encode(c.encode(codec)).decode()}?=")
    else:
        tag = "Q" if upper else "q"
        for c in _chunks(text, codec, 16):
            q = "".join(
                chr(b) if chr(b) in ALNUM or chr(b) in "!*+-/" else ("_" if b == 32 else f"={b:02X}")
                for b in c.encode(codec)
            )
            words.append(f"=?{label}?{tag}?{q}?=")
    return "\n ".join(words)


_PREFIX = re.compile(r"^((?:(?:Re|RE|Fw|FW|Fwd|FWD)\s*:\s*|\[[\x21-\x5a\x5c\x5e-\x7e]+\]\s*)*)")


def hdr(text: str, charset: str = "utf-8", enc: str = "B", upper: bool = True) -> str:
    """A header text (Subject and the like): ASCII prefixes such as ``Re:`` stay readable."""
    if text.isascii():
        return text
    prefix = _PREFIX.match(text).group(1)
    return prefix + ew(text[len(prefix) :], charset, enc, upper)


def mbox(name: str, address: str, charset: str = "utf-8", upper: bool = True, enc: str = "B") -> str:
    if not name:
        return address
    if name.isascii():
        shown = f'"{name}"' if re.search(r'[()<>@,;:\\".\[\]]', name) else name
    else:
        shown = ew(name, charset, enc, upper)
    last = shown.rsplit("\n", 1)[-1]
    sep = "\n " if len(last) + len(address) > 66 else " "
    return f"{shown}{sep}<{address}>"


def addrs(
    people: list[tuple[str, str]] | tuple[tuple[str, str], ...], charset: str = "utf-8", upper=True
) -> str:
    return ",\n ".join(mbox(n, a, charset, upper) for n, a in people)


def p2t(p: Person, suffix: str = "") -> tuple[str, str]:
    return (p.name + suffix, p.address)


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[1].lower()


def local_of(address: str) -> str:
    return address.rsplit("@", 1)[0]


# --------------------------------------------------------------------------------------------
# MIME parts (email.mime objects, serialised by BytesGenerator)


def _b64_lines(data: bytes, width: int = 76) -> str:
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i : i + width] for i in range(0, len(s), width)) + "\n"


def _leaf(maintype: str, subtype: str, ctype: str) -> Message:
    part = MIMENonMultipart(maintype, subtype)
    del part["MIME-Version"]
    part.replace_header("Content-Type", ctype)
    return part


def text(
    body: str,
    charset: str = "utf-8",
    cte: str = "base64",
    subtype: str = "plain",
    ctype: str | None = None,
) -> Message:
    """A text part. ``body`` uses \\n; base64 encodes CRLF text as real mailers do."""
    codec = CODECS[charset.lower()]
    raw = body.encode(codec)
    part = _leaf("text", subtype, ctype or f'text/{subtype}; charset="{charset}"')
    if cte == "base64":
        payload = _b64_lines(raw.replace(b"\n", b"\r\n"))
    elif cte == "quoted-printable":
        payload = quopri.encodestring(raw).decode("ascii")
    elif cte == "7bit":
        payload = raw.decode("ascii")
    elif cte == "8bit":
        payload = raw.decode("ascii", "surrogateescape")
    else:
        raise ValueError(cte)
    part.set_payload(payload)
    part["Content-Transfer-Encoding"] = cte
    return part


def html(body: str, charset: str = "utf-8", cte: str = "base64", ctype: str | None = None) -> Message:
    return text(body, charset, cte, "html", ctype)


def multi(subtype: str, parts: list[Message], boundary: str, preamble: str | None = None) -> Message:
    m = MIMEMultipart(subtype, boundary=boundary)
    for p in parts:
        if "MIME-Version" in p:
            del p["MIME-Version"]
        m.attach(p)
    if preamble:
        m.preamble = preamble
    return m


def attachment(
    data: bytes, mime: str, filename: str, style: str = "rfc2231", when: datetime | None = None
) -> Message:
    """An attachment whose file name is written the way the sending mailer writes it.

    ``rfc2231``: Thunderbird and most web mailers (``filename*=UTF-8''...``);
    ``rfc2231-iso``: Becky! (ISO-2022-JP, RFC 2231); ``exchange``: Outlook / Exchange Online
    (``name="=?iso-2022-jp?B?...?="`` with size and dates); ``gmail``: ``=?UTF-8?B?...?=`` in
    quotes; ``ascii``: a plain ASCII name."""
    maintype, subtype = mime.split("/")
    if filename.isascii() or style == "ascii":
        ct = f'{mime}; name="{filename}"'
        cd = f'attachment; filename="{filename}"'
    elif style == "rfc2231":
        q = quote(filename.encode("utf-8"), safe="")
        ct = f'{mime};\n\tname="{ew(filename, "utf-8", upper=True).replace(chr(10) + " ", " ")}"'
        cd = f"attachment;\n\tfilename*=UTF-8''{q}"
    elif style == "rfc2231-iso":
        q = quote(filename.encode("iso2022_jp"), safe="")
        ct = f"{mime};\n\tname*=iso-2022-jp''{q}"
        cd = f"attachment;\n\tfilename*=iso-2022-jp''{q}"
    elif style == "exchange":
        w = ew(filename, "iso-2022-jp", upper=False).replace("\n ", "\n\t")
        ct = f'{mime};\n\tname="{w}"'
        t = (when or START).astimezone(UTC)
        d = format_datetime(t, usegmt=True)
        cd = (
            f'attachment;\n\tfilename="{w}"; size={len(data)};\n\tcreation-date="{d}";\n'
            f'\tmodification-date="{d}"'
        )
    elif style == "outlook":
        w = ew(filename, "iso-2022-jp", upper=True).replace("\n ", "\n\t")
        ct = f'{mime};\n\tname="{w}"'
        cd = f'attachment;\n\tfilename="{w}"'
    elif style == "sjis":
        w = ew(filename, "shift_jis", upper=True).replace("\n ", "\n ")
        ct = f'{mime}; name="{w}"'
        cd = f'attachment; filename="{w}"'
    elif style == "gmail":
        w = ew(filename, "utf-8", upper=True).replace("\n ", " ")
        ct = f'{mime}; \n\tname="{w}"'
        cd = f'attachment; \n\tfilename="{w}"'
    else:
        raise ValueError(style)
    part = _leaf(maintype, subtype, ct)
    if style == "exchange" and not filename.isascii():
        part["Content-Description"] = ew(filename, "iso-2022-jp", upper=False).replace("\n ", "\n\t")
    part["Content-Disposition"] = cd
    if style == "gmail":
        part["Content-Transfer-Encoding"] = "base64"
        part["X-Attachment-Id"] = "f_" + rs(random.Random(filename), 9, LOWER)
        part["Content-ID"] = f"<{part['X-Attachment-Id']}>"
    else:
        part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(_b64_lines(data))
    return part


def pdf(title: str, lines: list[str], producer: str = "Microsoft Word for Microsoft 365", when=None) -> bytes:
    """A small, well-formed PDF (ASCII text only) standing in for an invoice or a notice."""
    stamp = (when or START).astimezone(JST).strftime("%Y%m%d%H%M%S")
    content = ["BT", "/F1 16 Tf", "56 780 Td", f"({title}) Tj", "/F1 10 Tf"]
    for ln in lines:
        content += [
            "0 -18 Td",
            "(" + ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj",
        ]
    content.append("ET")
    stream = "\n".join(content).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Producer ({producer}) /CreationDate (D:{stamp}+09'00') /ModDate (D:{stamp}+09'00') >>".encode(),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + o + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# ZIP archives with traditional PKWARE (ZipCrypto) encryption, as Windows tools write them

_CRC = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRC.append(_c)


class _ZipCrypto:
    def __init__(self, password: bytes):
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for b in password:
            self._update(b)

    def _update(self, b: int) -> None:
        k = self.k
        k[0] = (k[0] >> 8) ^ _CRC[(k[0] ^ b) & 0xFF]
        k[1] = (k[1] + (k[0] & 0xFF)) & 0xFFFFFFFF
        k[1] = (k[1] * 134775813 + 1) & 0xFFFFFFFF
        k[2] = (k[2] >> 8) ^ _CRC[(k[2] ^ (k[1] >> 24)) & 0xFF]

    def encrypt(self, data: bytes) -> bytes:
        out = bytearray()
        for p in data:
            t = (self.k[2] | 2) & 0xFFFF
            out.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            self._update(p)
        return bytes(out)


def _dos_time(t: datetime) -> tuple[int, int]:
    return (t.hour << 11) | (t.minute << 5) | (t.second // 2), ((t.year - 1980) << 9) | (t.month << 5) | t.day


def encrypted_zip(
    files: list[tuple[str, bytes]],
    password: str,
    when: datetime,
    rng: random.Random,
    utf8_names: bool = False,
) -> bytes:
    """A ZipCrypto archive; names in CP932 (Windows Explorer, Lhaplus) or UTF-8 with flag bit 11."""
    local, central = io.BytesIO(), io.BytesIO()
    tm, dt = _dos_time(when.astimezone(JST))
    for name, data in files:
        raw_name = name.encode("utf-8" if utf8_names else "cp932")
        flags = 0x0001 | (0x0800 if utf8_names else 0)
        crc = zlib.crc32(data)
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        deflated = comp.compress(data) + comp.flush()
        header = bytearray(rng.randbytes(11)) + bytes([crc >> 24 & 0xFF])
        enc = _ZipCrypto(password.encode("ascii")).encrypt(bytes(header) + deflated)
        offset = local.tell()
        local.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, tm, dt, crc, len(enc), len(data), len(raw_name), 0
            )
        )
        local.write(raw_name + enc)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                flags,
                8,
                tm,
                dt,
                crc,
                len(enc),
                len(data),
                len(raw_name),
                0,
                0,
                0,
                0,
                0x20,
                offset,
            )
        )
        central.write(raw_name)
    cd = central.getvalue()
    start = local.tell()
    local.write(cd)
    local.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(files), len(files), len(cd), start, 0))
    return local.getvalue()


def password(rng: random.Random, n: int = 10, alphabet: str = ALNUM) -> str:
    while True:
        p = rs(rng, n, alphabet)
        if any(c.isdigit() for c in p) and any(c.isalpha() for c in p):
            return p


# --------------------------------------------------------------------------------------------
# how a message travelled: envelope, Received chain, signatures


Hop = Callable[[datetime], str]


@dataclass
class Route:
    """The sending system: envelope sender, Message-ID, its own Received hops (oldest first,
    each with its delay in seconds), the host that connected to our MX, DKIM signatures
    (domain, selector, result) and the headers the system adds."""

    return_path: str
    msgid: str
    mx: tuple[str, str, str]  # HELO, reverse DNS ("unknown" if none), IP
    hops: list[tuple[int, Hop]] = field(default_factory=list)
    dkim: list[tuple[str, str, str]] = field(default_factory=list)
    spf: str = "pass"
    headers: list[tuple[str, str]] = field(default_factory=list)  # among the sender's headers
    pre: list[tuple[str, str]] = field(default_factory=list)  # transport headers above them
    style: str = "plain"  # header order: plain, exchange, gmail
    tls: str = "1.3"
    mx_delay: int = 1
    arc: tuple[str, str, str] | None = None  # (domain, selector, ARC-Authentication-Results text)
    dmarc_fail_ok: bool = False  # a mailing list that rewrote the message of a p=none poster


@dataclass
class Draft:
    route: Route
    frm: str  # encoded From value
    to: str  # encoded To value
    subject: str  # encoded Subject value
    date: datetime
    rcpt: str  # the envelope recipient (one person of ja_org)
    body: Message
    headers: list[tuple[str, str]] = field(default_factory=list)
    date_tz: timezone = JST


def _from_domain(frm: str) -> str:
    m = re.search(r"<([^<>@\s]+@[^<>\s]+)>\s*$", frm)
    address = m.group(1) if m else frm.strip()
    return domain_of(address)


_ORDER = {
    "gmail": [
        "MIME-Version",
        "References",
        "In-Reply-To",
        "From",
        "Date",
        "Message-ID",
        "Subject",
        "To",
        "Cc",
    ],
    "exchange": [
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
    ],
}
_SIGNED = (
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
    "content-transfer-encoding",
    "list-id",
    "list-unsubscribe",
    "list-unsubscribe-post",
    "feedback-id",
    "x-sg-eid",
    "x-entity-id",
)


def _relaxed_body_hash(body: bytes) -> str:
    lines = [re.sub(rb"[ \t]+", b" ", ln).rstrip(b" ") for ln in body.split(b"\r\n")]
    while lines and not lines[-1]:
        lines.pop()
    canon = b"".join(ln + b"\r\n" for ln in lines)
    return base64.b64encode(hashlib.sha256(canon).digest()).decode()


def _fold_b64(value: str, first: int, width: int = 70) -> str:
    parts = [value[:first]] + [value[i : i + width] for i in range(first, len(value), width)]
    return "\n\t ".join(p for p in parts if p)


def _dkim_signature(rng, d, s, bh, names, t, bits=2048) -> tuple[str, str]:
    b = base64.b64encode(rng.randbytes(bits // 8)).decode()
    h = ":".join(names)
    v = (
        f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\n\ts={s}; t={int(t.timestamp())};\n\th={h};\n"
        f"\tbh={bh};\n\tb="
    )
    return v + _fold_b64(b, 50), b[:8]


def _mx_hop(route: Route, rng, rcpt: str, t: datetime) -> str:
    helo, rdns, ip = route.mx
    s = f"from {helo} ({rdns} [{ip}])\n"
    if route.tls == "1.3":
        s += (
            "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
            "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
            "\t(No client certificate requested)\n"
        )
    elif route.tls == "1.2":
        s += (
            "\t(using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits))\n"
            "\t(No client certificate requested)\n"
        )
    with_ = "ESMTPS" if route.tls else "ESMTP"
    return s + f"\tby {MX_HOST} (Postfix) with {with_} id {qid(rng)}\n\tfor <{rcpt}>; {postfix_date(t)}"


def render(d: Draft, rng: random.Random) -> bytes:
    r = d.route
    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False, policy=compat32.clone(linesep="\r\n", max_line_length=0)).flatten(
        d.body
    )
    mime_head, _, body = buf.getvalue().partition(b"\r\n\r\n")
    mime_fields: list[str] = []
    for line in mime_head.decode("ascii").split("\r\n"):
        if line[:1] in (" ", "\t"):
            mime_fields[-1] += "\n" + line
        elif not line.lower().startswith("mime-version:"):
            mime_fields.append(line)

    own = [("From", d.frm), ("To", d.to), ("Subject", d.subject), ("Date", rfc_date(d.date, d.date_tz))]
    own += [("Message-ID", f"<{r.msgid}>"), *d.headers, *r.headers]
    if d.body.get_content_type() == "multipart/mixed":
        own = [(k, "yes" if k == "X-MS-Has-Attach" else v) for k, v in own]
    mime_version = [("MIME-Version", "1.0")]
    if r.style in _ORDER:
        order = _ORDER[r.style]
        own = sorted(own, key=lambda h: order.index(h[0]) if h[0] in order else len(order))
    if r.style == "gmail":
        own = mime_version + own
        tail = mime_fields
    elif r.style == "exchange":
        tail = [*mime_fields, "MIME-Version: 1.0"]
    else:
        own = own + mime_version
        tail = mime_fields
    own_text = [f"{k}: {v}" for k, v in own]

    # times: Date, the sender's hops, our MX, local delivery
    t = d.date + timedelta(seconds=rng.randrange(0, 3))
    hop_texts = []
    for delay, fn in r.hops:
        t += timedelta(seconds=delay)
        hop_texts.append(fn(t))
    t_sign = t
    t += timedelta(seconds=r.mx_delay + rng.randrange(0, 3))
    mx_text = _mx_hop(r, rng, d.rcpt, t)
    t += timedelta(seconds=rng.randrange(0, 2))
    lmtp = (
        f"from {MX_HOST}\n\tby {MX_HOST} with LMTP\n\tid {rs(rng, 22, ALNUM + '+/')}\n"
        f"\t(envelope-from <{r.return_path}>)\n\tfor <{d.rcpt}>; {rfc_date(t)}"
    )

    present = [h.split(":", 1)[0].lower() for h in own_text + mime_fields if ":" in h]
    names = [n for n in _SIGNED if n in present]
    bh = _relaxed_body_hash(body)
    sigs, ar_dkim = [], []
    for dom, sel, result in r.dkim:
        bits = 1024 if sel in ("selector1", "smtpapi", "200608", "k1") else 2048
        sig, b8 = _dkim_signature(rng, dom, sel, bh, names, t_sign, bits)
        sigs.append(("DKIM-Signature", sig))
        ar_dkim.append(f"dkim={result} header.d={dom} header.s={sel} header.b={b8}")

    from_dom = _from_domain(d.frm)
    rp_dom = domain_of(r.return_path) if "@" in r.return_path else from_dom
    policy = dmarc_policy(from_dom)
    aligned = any(res == "pass" and org_domain(dd) == org_domain(from_dom) for dd, _, res in r.dkim) or (
        r.spf == "pass" and org_domain(rp_dom) == org_domain(from_dom)
    )
    if policy is None:
        dmarc = "dmarc=none header.from=" + from_dom
    elif aligned:
        dmarc = f"dmarc=pass (p={policy} dis=none) header.from={from_dom}"
    else:
        if not (r.dmarc_fail_ok and policy == "none"):
            raise AssertionError(f"DMARC would fail for {from_dom}")
        dmarc = f"dmarc=fail (p=none dis=none) header.from={from_dom}"
    ar = [f"{MX_HOST};", f"spf={r.spf} smtp.mailfrom={rp_dom}", *(ar_dkim or ["dkim=none"]), dmarc]
    auth = ";\n\t".join(ar[1:])

    arc = []
    if r.arc:
        adom, asel, aar = r.arc
        seal = base64.b64encode(rng.randbytes(256)).decode()
        ams = base64.b64encode(rng.randbytes(256)).decode()
        arc = [
            ("ARC-Seal", f"i=1; a=rsa-sha256; s={asel}; d={adom}; cv=none;\n\tb=" + _fold_b64(seal, 54)),
            (
                "ARC-Message-Signature",
                f"i=1; a=rsa-sha256; c=relaxed/relaxed; d={adom};\n\ts={asel};\n\th={':'.join(names)};\n"
                f"\tbh={bh};\n\tb=" + _fold_b64(ams, 50),
            ),
            ("ARC-Authentication-Results", aar),
        ]

    top = [
        ("Return-Path", f"<{r.return_path}>"),
        ("Delivered-To", d.rcpt),
        ("Received", lmtp),
        ("Authentication-Results", f"{MX_HOST};\n\t{auth}"),
        ("Received", mx_text),
        *(("Received", h) for h in reversed(hop_texts)),
        *arc,
        *sigs,
        *r.pre,
    ]
    lines = [f"{k}: {v}" for k, v in top] + own_text + tail
    head = "\r\n".join(lines).replace("\r\n", "\n").replace("\n", "\r\n")
    return head.encode("ascii") + b"\r\n\r\n" + body


# --------------------------------------------------------------------------------------------
# sending systems of people and small companies


def _dot(rng: random.Random) -> str:
    return rng.choice(("126", "153", "180", "219", "60", "114", "122"))


def r_exchange(rng: random.Random, sender: str, rcpt: str, tenant: str, subject: str) -> Route:
    """Exchange Online (Microsoft 365) in the Japan region, Outlook on the desktop."""
    pod = rng.choice(("TYCPR01MB", "TYWPR01MB", "OS3PR01MB", "TY3PR01MB", "OSZPR01MB"))
    box = f"{pod}{rng.randrange(10000, 14000)}"
    box2 = f"{pod}{rng.randrange(10000, 14000)}"
    build = f"15.20.{rng.randrange(8200, 9400)}.{rng.randrange(10, 40)}"
    v6 = f"2603:1096:{rng.choice(('400', '404', '405', '604'))}:{hexs(rng, 3)}::{rng.randrange(4, 16)}"
    v6b = f"2603:1096:{rng.choice(('400', '404', '405', '604'))}:{hexs(rng, 3)}::{rng.randrange(4, 16)}"
    eop_pod = rng.choice(("tycjpn01", "os0jpn01", "tyzjpn01"))
    eop = f"mail-{eop_pod}on{rng.randrange(2040, 2140)}.outbound.protection.outlook.com"
    dom = domain_of(sender)
    corr_id = uuid4(rng)

    def h1(t: datetime) -> str:
        return (
            f"from {box}.jpnprd01.prod.outlook.com ({v6}) by\n\t{box2}.jpnprd01.prod.outlook.com ({v6b}) "
            "with\n\tMicrosoft SMTP Server (version=TLS1_2,\n\tcipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) "
            f"id {build}; {utc_date(t)}"
        )

    aar = (
        f"i=1; mx.microsoft.com 1; spf=pass\n\tsmtp.mailfrom={dom}; dmarc=pass action=none\n"
        f"\theader.from={dom}; dkim=pass header.d={dom}; arc=none"
    )
    return Route(
        return_path=sender,
        msgid=f"{box}{hexs(rng, 28, upper=True)}@{box}.jpnprd01.prod.outlook.com",
        mx=(eop, eop, ip4(rng, rng.choice(("40.107.74", "40.107.114", "52.101.228")))),
        hops=[(rng.randrange(1, 3), h1)],
        dkim=[(dom, "selector1", "pass")],
        headers=[
            ("Thread-Topic", hdr(re.sub(r"^((RE|FW|Re|Fw):\s*)+", "", subject), "iso-2022-jp", upper=False)),
            ("Thread-Index", "AQH" + rs(rng, rng.randrange(20, 60), B64) + "=="),
            ("Accept-Language", "ja-JP, en-US"),
            ("Content-Language", "ja-JP"),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", ""),
            ("x-ms-publictraffictype", "Email"),
            ("X-MS-Office365-Filtering-Correlation-Id", corr_id),
            ("X-OriginatorOrg", dom),
        ],
        style="exchange",
        tls="1.2",
        arc=("microsoft.com", "arcselector10001", aar),
    )


def r_google(rng: random.Random, sender: str, rcpt: str, consumer: bool = False) -> Route:
    """Google Workspace (or a consumer Gmail account)."""
    host = f"mail-{rng.choice(('pl1', 'pj1', 'oi1', 'qt1', 'yb1'))}-f{rng.randrange(170, 200)}.google.com"
    ip = ip4(rng, rng.choice(("209.85.214", "209.85.216", "209.85.167", "209.85.160")))
    smtp_id = f"d9443c01a7336-{hexs(rng, 12)}so{num(rng, 8)}ad.{rng.randrange(0, 3)}"
    dom = domain_of(sender)

    def h1(t: datetime) -> str:
        return f"by {host} with SMTP id {smtp_id}\n        for <{rcpt}>; {pacific(t)}"

    mid = f"CA{rng.choice('BKFJLMN')}{rs(rng, rng.randrange(40, 60), ALNUM + '+-_=')}@mail.gmail.com"
    pre = [
        (
            "X-Google-DKIM-Signature",
            "v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=1e100.net; s=20230601; t="
            + num(rng, 10)
            + "; x="
            + num(rng, 10)
            + ";\n        h=to:subject:message-id:date:from:mime-version:x-gm-message-state\n"
            + "         :from:to:cc:subject:date:message-id:reply-to;\n        bh="
            + base64.b64encode(rng.randbytes(32)).decode()
            + ";\n        b="
            + base64.b64encode(rng.randbytes(96)).decode(),
        ),
        ("X-Gm-Message-State", "AOJu0Y" + rs(rng, 60, ALNUM + "+/")),
        ("X-Gm-Gg", "ASbGnc" + rs(rng, 70, ALNUM + "+/")),
        ("X-Google-Smtp-Source", "AGHT+I" + rs(rng, 66, ALNUM + "+/") + "="),
    ]
    return Route(
        return_path=sender,
        msgid=mid,
        mx=(host, host, ip),
        hops=[(rng.randrange(0, 2), h1)],
        dkim=[(dom, "20230601" if consumer else "google", "pass")],
        pre=pre,
        style="gmail",
        tls="1.3",
    )


def r_hosting(
    rng: random.Random,
    sender: str,
    rcpt: str,
    provider: str,
    client: str,
    dkim: bool = False,
    spf: str = "pass",
) -> Route:
    """A rental server (Xserver or Sakura) and a desktop mailer (outlook, thunderbird, becky)."""
    dom = domain_of(sender)
    isp_ip = ip4(rng, rng.choice(("153.156", "180.12", "126.36", "60.112", "114.156")))
    isp_host = {
        "153": f"p{num(rng, 7)}-ipoe.ipoe.ocn.ne.jp",
        "180": f"p{num(rng, 7)}-ipngn{num(rng, 4)}funabasi.chiba.ocn.ne.jp",
        "126": f"softbank{isp_ip.replace('.', '')[:12]}.bbtec.net",
        "60": f"{isp_ip.split('.')[2]}.{isp_ip.split('.')[3]}.kanagawa.flets-east.jp",
        "114": f"i{hexs(rng, 8)}.ap.nuro.jp",
    }[isp_ip.split(".")[0]]
    if provider == "xserver":
        srv = f"sv{rng.randrange(8000, 16000)}.xserver.jp"
        ip = ip4(rng, rng.choice(("183.90.24", "162.43.1", "210.140.7")))

        def h1(t: datetime) -> str:
            return (
                f"from [192.168.{rng.randrange(0, 3)}.{rng.randrange(10, 200)}] ({isp_host} [{isp_ip}])\n"
                f"\t(Authenticated sender: {sender})\n\tby {srv} (Postfix) with ESMTPSA id {qid(rng)}\n"
                f"\tfor <{rcpt}>; {postfix_date(t)}"
            )

    else:
        srv = f"www{rng.randrange(100, 9999)}.sakura.ne.jp"
        ip = ip4(rng, rng.choice(("49.212.34", "153.120.162", "219.94.200")))

        def h1(t: datetime) -> str:
            return (
                f"from [192.168.{rng.randrange(0, 3)}.{rng.randrange(10, 200)}] ({isp_host} [{isp_ip}])\n"
                f"\t(authenticated bits=0)\n\tby {srv} (8.17.1/8.17.1) with ESMTPSA id "
                f"{rs(rng, 14, ALNUM)}\n"
                "\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO);\n"
                f"\t{postfix_date(t)}\n\t(envelope-from {sender})"
            )

    headers: list[tuple[str, str]] = []
    if client == "outlook":
        mid = f"00{rng.choice('01')}{rng.choice('01')}01db{hexs(rng, 4)}${hexs(rng, 8)}${hexs(rng, 8)}$@{dom}"
        headers = [
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Thread-Index", "AQ" + rs(rng, 22, B64) + "=="),
            ("Content-Language", "ja"),
        ]
    elif client == "thunderbird":
        mid = f"{uuid4(rng)}@{dom}"
        headers = [
            ("User-Agent", "Mozilla Thunderbird"),
            ("Content-Language", "ja"),
        ]
    else:  # Becky!
        stamp = f"{rng.randrange(20250101, 20260330)}{num(rng, 6)}"
        mid = f"{stamp}.{hexs(rng, 4, True)}.{hexs(rng, 8, True)}@{dom}"
        headers = [("X-Mailer", f"Becky! ver. 2.{rng.choice(('81.04', '81.05', '82', '82.01'))} [ja]")]
    return Route(
        return_path=sender,
        msgid=mid,
        mx=(srv, srv, ip),
        hops=[(rng.randrange(0, 2), h1)],
        dkim=[(dom, "default", "pass")] if dkim else [],
        spf=spf,
        headers=headers,
        tls="1.2" if provider == "sakura" else "1.3",
    )


def r_internal(rng: random.Random, sender: str, rcpt: str, client: str = "outlook") -> Route:
    """Mail from a colleague: Outlook or Thunderbird, submission server smtp.minato-seiki.co.jp."""
    pc = f"MS-PC{rng.randrange(100, 400):04d}"
    lan = f"192.168.{rng.choice((10, 10, 11, 20))}.{rng.randrange(20, 240)}"

    def h1(t: datetime) -> str:
        return (
            f"from {pc} (unknown [{lan}])\n\t(Authenticated sender: {local_of(sender)})\n"
            f"\tby smtp.{ORG_DOMAIN} (Postfix) with ESMTPSA id {qid(rng)};\n\t{postfix_date(t)}"
        )

    if client == "outlook":
        mid = f"000{rng.choice('01')}01db{hexs(rng, 4)}${hexs(rng, 8)}${hexs(rng, 8)}$@{ORG_DOMAIN}"
        headers = [
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Thread-Index", "AQ" + rs(rng, 22, B64) + "=="),
            ("Content-Language", "ja"),
        ]
    else:
        mid = f"{uuid4(rng)}@{ORG_DOMAIN}"
        headers = [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "ja")]
    return Route(
        return_path=sender,
        msgid=mid,
        mx=(f"smtp.{ORG_DOMAIN}", f"smtp.{ORG_DOMAIN}", "10.10.1.12"),
        hops=[(rng.randrange(0, 2), h1)],
        dkim=[(ORG_DOMAIN, "ms2024", "pass")],
        headers=headers,
        tls="1.3",
    )


def r_service(
    rng: random.Random,
    return_path: str,
    host: str,
    ip: str,
    msgid: str,
    dkim: list[tuple[str, str]],
    rcpt: str,
    inner: str | None = None,
    headers: list[tuple[str, str]] | None = None,
    tls: str = "1.3",
) -> Route:
    """A service's own mail servers: one internal hop (``inner`` MTA name) and the outbound host."""
    hops: list[tuple[int, Hop]] = []
    if inner:
        inner_name = inner

        def h1(t: datetime) -> str:
            return (
                f"from {inner_name} (localhost [127.0.0.1])\n\tby {host} (Postfix) with ESMTP id {qid(rng)}\n"
                f"\tfor <{rcpt}>; {postfix_date(t)}"
            )

        hops.append((rng.randrange(0, 3), h1))
    return Route(
        return_path=return_path,
        msgid=msgid,
        mx=(host, host, ip),
        hops=hops,
        dkim=[(d, s, "pass") for d, s in dkim],
        headers=headers or [],
        tls=tls,
    )


# --------------------------------------------------------------------------------------------
# ESPs: envelope, Received hops, Message-ID, signatures and link formats of each service


@dataclass
class Esp:
    route: Route
    click: Callable[[str], str]  # the tracked form of a link
    pixel: str  # open-tracking image
    headers: list[tuple[str, str]]  # List-Unsubscribe and the like, among the sender's headers


def _utc_ms(t: datetime, ms: int) -> str:
    return format_datetime(t.astimezone(UTC))[:-6] + f".{ms:03d} +0000 (UTC)"


def _one_click(url: str, mailto: str | None = None) -> list[tuple[str, str]]:
    v = f"<{url}>" if mailto is None else f"<mailto:{mailto}>,\n <{url}>"
    return [("List-Unsubscribe", v), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]


def _sg_upn(rng: random.Random) -> str:
    s = list(rs(rng, rng.randrange(110, 230)))
    for _ in range(rng.randrange(2, 6)):
        s[rng.randrange(len(s))] = rng.choice(("-2B", "-2F", "-3D"))
    return "u001." + "".join(s) + rng.choice(("", "-3D", "-3D-3D"))


def esp_sendgrid(rng: random.Random, brand: str, rcpt: str, whitelabel: bool = True) -> Esp:
    uid = str(rng.randrange(1_000_000, 49_000_000))
    loc, dom = rcpt.split("@")
    if whitelabel:
        rp = f"bounces+{uid}-{hexs(rng, 4)}-{loc}={dom}@em{rng.randrange(1000, 9999)}.{brand}"
        host = f"o{rng.randrange(1, 30)}.ptr{rng.randrange(1000, 9999)}.{brand}"
        dkim = [(brand, "s1", "pass"), ("sendgrid.info", "smtpapi", "pass")]
    else:
        rp = f"bounces+{uid}-{hexs(rng, 4)}-{loc}={dom}@sendgrid.net"
        host = f"{rs(rng, 8, string.ascii_lowercase)}.outbound-mail.sendgrid.net"
        dkim = [("sendgrid.info", "smtpapi", "pass")]
    geo = f"geopod-ismtpd-{rng.randrange(1, 40)}"
    recv = f"filterdrecv-{hexs(rng, 10)}-{rs(rng, 5, LOWER)}"
    b64uid = base64.b64encode(uid.encode()).decode().rstrip("=")

    def h1(t: datetime) -> str:
        return (
            f"from {b64uid} (unknown)\n\tby {geo} (SG) with HTTP\n\tid {rs(rng, 22, URLSAFE)}\n"
            f"\t{_utc_ms(t, rng.randrange(1000))}"
        )

    def h2(t: datetime) -> str:
        u = t.astimezone(UTC)
        return (
            f"by {recv} with SMTP id {recv}-1-{hexs(rng, 8, True)}-{rng.randrange(1, 60)}\n"
            f"\t{u:%Y-%m-%d %H:%M:%S}.{num(rng, 9)} +0000 UTC m=+{rng.randrange(100, 900000)}.{num(rng, 9)}"
        )

    route = Route(
        return_path=rp,
        msgid=f"{rs(rng, 22, URLSAFE)}@{geo}",
        mx=(host, host, ip4(rng, rng.choice(("149.72", "167.89", "168.245")))),
        hops=[(0, h1), (1, h2)],
        dkim=dkim,
        headers=[
            ("X-SG-EID", "\n " + _sg_upn(rng)[:76]),
            ("X-SG-ID", "\n " + _sg_upn(rng)[:70]),
            ("X-Entity-ID", "u001." + rs(rng, 22, ALNUM + "+/") + "=="),
        ],
    )
    return Esp(
        route=route,
        click=lambda url: f"https://u{uid}.ct.sendgrid.net/ls/click?upn={_sg_upn(rng)}",
        pixel=f"https://u{uid}.ct.sendgrid.net/wf/open?upn={_sg_upn(rng)}",
        headers=_one_click(f"https://u{uid}.ct.sendgrid.net/lu/unsubscribe?oc={_sg_upn(rng)}"),
    )


def esp_mailchimp(
    rng: random.Random, brand: str, slug: str, rcpt: str, t0: datetime, pool: str = "mcdlv.net"
) -> Esp:
    u, cid, lid, e = hexs(rng, 25), hexs(rng, 10), hexs(rng, 10), hexs(rng, 10)
    dc = f"us{rng.randrange(1, 22)}"
    host = f"mail{rng.randrange(1, 250)}.{rng.choice(('sea31', 'atl121', 'suw91', 'atl11', 'sea71'))}.{pool}"
    acct = f"{num(rng, 8)}.{num(rng, 7)}"
    rp = f"bounce-mc.{dc}_{acct}-{e}@{host}"

    def h1(t: datetime) -> str:
        return (
            "from localhost (localhost [127.0.0.1])\n"
            f"\tby {host} (Mailchimp) with ESMTP id 4{rs(rng, 11, QID)}\n"
            f"\tfor <{rcpt}>; {rfc_date(t, UTC).replace('+0000', '-0000')}"
        )

    stamp = t0.astimezone(UTC).strftime("%Y%m%d%H%M%S")
    route = Route(
        return_path=rp,
        msgid=f"{u}.{cid}.{stamp}.{hexs(rng, 10)}.{hexs(rng, 8)}@{host}",
        mx=(host, host, ip4(rng, rng.choice(("198.2.128", "198.2.177", "198.2.180", "205.201.131")))),
        hops=[(0, h1)],
        dkim=[(brand, "k2", "pass"), ("mcdlv.net", "k1", "pass")],
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
        ],
        tls="1.2",
    )
    return Esp(
        route=route,
        click=lambda url: f"https://{slug}.{dc}.list-manage.com/track/click?u={u}&id={hexs(rng, 10)}&e={e}",
        pixel=f"https://{slug}.{dc}.list-manage.com/track/open.php?u={u}&id={cid}&e={e}",
        headers=_one_click(
            f"https://{slug}.{dc}.list-manage.com/unsubscribe?u={u}&id={lid}&t=b&e={e}&c={cid}",
            f"unsubscribe-mc.{dc}_{acct}-{e}@unsubscribe.mailchimpapp.net?subject=unsubscribe",
        ),
    )


AMAZONSES_TOKYO_SELECTOR = "ipedbgy4ruvzd2ykxnwmjlaahqrm2pbf"  # an invented stand-in for the regional one


def esp_ses(rng: random.Random, brand: str, rcpt: str, t0: datetime, unsub: str) -> Esp:
    mid = ses_id(rng, "0106")
    a, b = rng.randrange(224, 255), rng.randrange(1, 254)
    ip = f"23.251.{a}.{b}"
    track = f"{rs(rng, 8, LOWER)}.r.ap-northeast-1.awstrack.me"
    route = Route(
        return_path=f"{mid}@ap-northeast-1.amazonses.com",
        msgid=f"{mid}@ap-northeast-1.amazonses.com",
        mx=(f"e{a}-{b}.smtp-out.ap-northeast-1.amazonses.com",) * 2 + (ip,),
        dkim=[
            (brand, rs(rng, 32, string.ascii_lowercase + "234567"), "pass"),
            ("amazonses.com", AMAZONSES_TOKYO_SELECTOR, "pass"),
        ],
        headers=[
            ("Feedback-ID", f"::1.ap-northeast-1.{rs(rng, 43, ALNUM + '+/')}=:AmazonSES"),
            ("X-SES-Outgoing", f"{t0.astimezone(UTC):%Y.%m.%d}-{ip}"),
        ],
    )
    return Esp(
        route=route,
        click=lambda url: (
            f"https://{track}/L0/{quote(url, safe=':')}/1/{mid}/"
            f"{rs(rng, 28, ALNUM + '+')}={rng.randrange(100, 400)}"
        ),
        pixel=f"https://{track}/I0/{mid}/{rs(rng, 40, URLSAFE)}",
        headers=_one_click(unsub, None),
    )


def esp_hubspot(rng: random.Random, brand: str, rcpt: str, t0: datetime) -> Esp:
    portal = num(rng, 8)
    host = f"bf{rng.randrange(1, 40):02d}{rng.choice('abxz')}.hubspotemail.net"
    loc, dom = rcpt.split("@")
    tok = rs(rng, 38, LOWER)
    rp = f"{tok}-{loc}={dom}@{host}"
    s8 = rs(rng, 8, ALNUM)
    route = Route(
        return_path=rp,
        msgid=f"{int(t0.timestamp() * 1000)}.{uuid4(rng)}@{host}",
        mx=(host, host, ip4(rng, rng.choice(("143.244.80", "143.244.84", "158.247.16")))),
        dkim=[(brand, f"hs1-{portal}", "pass"), ("hubspotemail.net", "hs1", "pass")],
        headers=[("X-HS-Cid", rs(rng, 30, LOWER)), ("X-Report-Abuse-To", "abuse@hubspot.com")],
    )

    def click(url: str) -> str:
        return (
            f"https://{s8}.na1.hubspotlinks.com/Ctc/{rs(rng, 2, string.ascii_uppercase)}+113/{s8}/"
            f"VW{rs(rng, 12)}W{rs(rng, 14)}W{rs(rng, 12)}0H{rs(rng, 60, ALNUM)}W{rs(rng, 20)}0"
        )

    unsub = (
        f"https://hs-{portal}.s.hubspotemail.net/hs/manage-preferences/unsubscribe-all?languagePreference=ja"
        f"&d={rs(rng, 60, URLSAFE)}&v=3&_hsenc=p2ANqtz-{rs(rng, 40, URLSAFE)}"
    )
    return Esp(
        route=route,
        click=click,
        pixel=f"https://{s8}.na1.hubspotlinks.com/Cto/{rs(rng, 2, string.ascii_uppercase)}+113/{s8}/"
        f"{rs(rng, 50)}",
        headers=_one_click(unsub, f"{tok}-unsubscribe@{host}?subject=unsubscribe"),
    )


def esp_sfmc(rng: random.Random, sub: str, rcpt: str, t0: datetime) -> Esp:
    """Salesforce Marketing Cloud (ExactTarget) with the brand's sender authentication package."""
    mid, job, sid = num(rng, 9), num(rng, 7), num(rng, 9)
    rp = f"bounce-{rng.randrange(10, 99)}_HTML-{job}-{sid}-{mid}-{rng.randrange(1, 9)}@bounce.{sub}"
    host = f"mta{rng.randrange(1, 9)}.{sub}"
    inner = f"ind1s{rng.randrange(1, 12):02d}mta{rng.randrange(100, 2000)}.xt.local"

    def h1(t: datetime) -> str:
        return (
            f"by {host} id {hexs(rng, 12, True)} for <{rcpt}>;\n"
            f"\t{rfc_date(t, timezone(timedelta(hours=-6)))} "
            f"(envelope-from <{rp}>)"
        )

    route = Route(
        return_path=rp,
        msgid=f"{uuid4(rng)}@{inner}",
        mx=(host, host, ip4(rng, rng.choice(("13.111.18", "13.111.48", "13.111.64")))),
        hops=[(0, h1)],
        dkim=[(sub, "200608", "pass")],
        headers=[("x-job", f"{mid}_{job}"), ("X-SFMC-Stack", rng.choice(("7", "11", "50")))],
    )
    jwt = rs(rng, 36, URLSAFE) + "." + rs(rng, 150, URLSAFE) + "." + rs(rng, 43, URLSAFE)
    return Esp(
        route=route,
        click=lambda url: f"https://click.{sub}/?qs={hexs(rng, 160)}",
        pixel=(
            f"https://click.{sub}/open.aspx?ffcb10-{hexs(rng, 16)}-{hexs(rng, 8)}-{hexs(rng, 8)}-"
            f"{hexs(rng, 6)}-{hexs(rng, 6)}-{hexs(rng, 8)}-{hexs(rng, 4)}"
        ),
        headers=_one_click(
            f"https://click.{sub}/subscription_center.aspx?jwt={jwt}", f"leave-{hexs(rng, 60)}@leave.{sub}"
        ),
    )


def esp_benchmark(rng: random.Random, brand: str, rcpt: str, t0: datetime) -> Esp:
    host = f"mta{rng.randrange(10, 60)}.bmsend.com"
    u, e, c = hexs(rng, 7, True), hexs(rng, 7, True), hexs(rng, 6, True)
    em = base64.b64encode(rcpt.encode()).decode()
    route = Route(
        return_path=f"bounce-{num(rng, 7)}-{num(rng, 9)}@bmsend.com",
        msgid=f"{hexs(rng, 32)}@bmsend.com",
        mx=(host, host, ip4(rng, rng.choice(("69.174.248", "69.174.249")))),
        dkim=[("bmsend.com", "bmdeda", "pass")],
        headers=[("X-Mailer", "Benchmark Email")],
    )
    return Esp(
        route=route,
        click=lambda url: (
            f"https://bmetrack.com/c/l?u={u}&e={e}&c={c}&t=0&l={hexs(rng, 8, True)}&email={em}&seq=1"
        ),
        pixel=f"https://bmetrack.com/c/o?e={e}&c={c}&t=0&email={em}&relid=",
        headers=_one_click(
            f"https://bmetrack.com/c/su?e={e}&c={c}&t=0&email={em}&relid=", f"unsubscribe-{c}-{u}@bmsend.com"
        ),
    )


def esp_cuenote(rng: random.Random, brand: str, slug: str, rcpt: str, t0: datetime) -> Esp:
    host = f"{slug}-mta{rng.randrange(1, 12):02d}.cuenote.jp"
    route = Route(
        return_path=f"{slug}-{num(rng, 6)}-{hexs(rng, 12)}@bounce.cuenote.jp",
        msgid=f"{t0.astimezone(JST):%Y%m%d%H%M%S}.{num(rng, 8)}.{hexs(rng, 6)}@{host}",
        mx=(host, host, ip4(rng, rng.choice(("210.188.231", "210.188.239")))),
        dkim=[(brand, "cuenote", "pass"), ("cuenote.jp", "cnfc", "pass")],
    )
    return Esp(
        route=route,
        click=lambda url: f"https://{slug}.asp.cuenote.jp/c/{rs(rng, 16)}",
        pixel=f"https://{slug}.asp.cuenote.jp/o/{rs(rng, 16)}/{rs(rng, 8)}.gif",
        headers=_one_click(f"https://{slug}.asp.cuenote.jp/u/{rs(rng, 24)}"),
    )


def esp_blastmail(rng: random.Random, brand: str, rcpt: str, t0: datetime) -> Esp:
    host = f"smtp{rng.randrange(1, 40):02d}.bme.jp"
    acct, seq = rng.randrange(10, 40), num(rng, 5)
    counter = iter(range(rng.randrange(100000, 900000), 10**7))
    route = Route(
        return_path=f"{num(rng, 8)}-{hexs(rng, 10)}@bounce.bme.jp",
        msgid=f"{t0.astimezone(JST):%Y%m%d%H%M%S}.{num(rng, 9)}@{host}",
        mx=(host, host, ip4(rng, rng.choice(("210.129.154", "210.129.155")))),
        dkim=[("bme.jp", "bme", "pass")],
        tls="1.2",
    )
    return Esp(
        route=route,
        click=lambda url: f"https://c.bme.jp/{acct}/{seq}/{next(counter)}/{num(rng, 6)}",
        pixel="",
        headers=_one_click(
            f"https://bme.jp/{acct}/{seq}/unsub?k={hexs(rng, 24)}", f"unsub-{seq}-{hexs(rng, 12)}@bme.jp"
        ),
    )


def esp_webcas(rng: random.Random, brand: str, rcpt: str, t0: datetime) -> Esp:
    host = f"wc{rng.randrange(1, 20):02d}.mail.{brand}"
    route = Route(
        return_path=f"wc-{num(rng, 6)}-{num(rng, 9)}@bounce.{brand}",
        msgid=f"{t0.astimezone(JST):%Y%m%d%H%M%S}.{num(rng, 6)}.{hexs(rng, 8)}@{host}",
        mx=(host, host, ip4(rng, rng.choice(("202.218.26", "202.218.27")))),
        dkim=[(brand, "wcs", "pass")],
        headers=[("X-Mailer", "WEBCAS e-mail")],
    )
    return Esp(
        route=route,
        click=lambda url: (
            f"https://r.{brand}/wc/c?m={hexs(rng, 16)}&l={rng.randrange(1, 40)}&u={hexs(rng, 20)}"
        ),
        pixel=f"https://r.{brand}/wc/o?m={hexs(rng, 16)}&u={hexs(rng, 20)}",
        headers=_one_click(f"https://r.{brand}/wc/u?m={hexs(rng, 16)}&u={hexs(rng, 20)}"),
    )


def esp_marketo(rng: random.Random, brand: str, slug: str, rcpt: str, t0: datetime) -> Esp:
    munchkin = f"{num(rng, 3)}-{rs(rng, 3, string.ascii_uppercase)}-{num(rng, 3)}"
    rp = (
        f"{munchkin}.0.{rng.randrange(1000, 99999)}.0.0.{rng.randrange(1000, 99999)}.9.{num(rng, 7)}"
        f"@em-sj-{rng.randrange(10, 99)}.mktomail.com"
    )
    host = domain_of(rp)
    n = rng.randrange(1, 20)
    a, b = rng.randrange(0, 20), rng.randrange(2, 250)

    def h1(t: datetime) -> str:
        return (
            f"from [10.0.{a}.{b}] ([10.0.{a}.{b}:{rng.randrange(30000, 60000)}] "
            f"helo=sjmas{n:02d}.marketo.org)\n"
            f"\tby sjmta{n:02d}.marketo.org (envelope-from <{rp}>)\n"
            f"\t(ecelerity 3.6.25.56547 r(Core:3.6.25.0)) with ESMTP\n"
            f"\tid {hexs(rng, 2, True)}/{hexs(rng, 2, True)}-{num(rng, 5)}-{hexs(rng, 8, True)}; "
            f"{pacific(t)[:-6]}"
        )

    tracker = f"{slug}.mkto-sj{num(rng, 6)}.com"

    def tok() -> str:
        raw = munchkin.encode() + b"\x00\x00\x01" + rng.randbytes(rng.randrange(60, 110))
        return base64.b64encode(raw).decode().rstrip("=").replace("/", "_").replace("+", "-")

    route = Route(
        return_path=rp,
        msgid=f"{num(rng, 9)}.{num(rng, 7)}.{int(t0.timestamp() * 1000)}.JavaMail.root@sjmas{n:02d}"
        ".marketo.org",
        mx=(host, host, ip4(rng, rng.choice(("199.15.213", "192.28.150", "192.28.152")))),
        hops=[(0, h1)],
        dkim=[(brand, "m1", "pass"), ("mktomail.com", "m1", "pass")],
        headers=[
            ("X-Binding", f"bg-sj-{rng.randrange(1, 4):02d}"),
            (
                "X-MarketoID",
                f"{munchkin}:{rng.randrange(1000, 99999)}:{rng.randrange(1000, 99999)}:9:{num(rng, 7)}",
            ),
            ("X-MktArchive", "false"),
            ("X-Mailfrom", rp),
            ("X-MktMailDKIM", "true"),
        ],
    )
    return Esp(
        route=route,
        click=lambda url: f"https://{tracker}/{tok()}",
        pixel=f"https://{tracker}/trk?t=1&mid={tok()}",
        headers=_one_click(
            f"https://info.{brand}/UnsubscribePage.html?mkt_unsubscribe=1&mkt_tok={tok()}",
            f"{munchkin}-unsub-{num(rng, 7)}@{host}?subject=Unsubscribe",
        ),
    )


# --------------------------------------------------------------------------------------------
# newsletter layouts


def a(href: str, label: str, style: str = "") -> str:
    st = f' style="{style}"' if style else ""
    return f'<a href="{escape(href)}" target="_blank"{st}>{label}</a>'


def layout_card(
    brand: str,
    color: str,
    logo: str,
    preheader: str,
    hero: tuple[str, str] | None,
    blocks: list[str],
    footer: str,
    pixel: str,
    view_online: str | None = None,
) -> str:
    """One centred 600-pixel table: logo, hero image, blocks, grey footer (dev newsletters)."""
    rows = "\n".join(
        f'<tr><td style="padding:16px 24px;font-size:14px;line-height:1.7;color:#333333;">{b}</td></tr>'
        for b in blocks
    )
    hero_row = (
        f'<tr><td><img src="{escape(hero[0])}" width="600" alt="{escape(hero[1])}" '
        'style="display:block;width:100%;'
        'max-width:600px;height:auto;border:0;"></td></tr>'
        if hero
        else ""
    )
    view = (
        f'<div style="font-size:11px;color:#888888;text-align:right;padding:6px 0;">'
        f"{a(view_online, 'ブラウザで表示する', 'color:#888888;')}</div>"
        if view_online
        else ""
    )
    img = (
        f'<img src="{escape(pixel)}" width="1" height="1" alt="" style="display:block;border:0;">'
        if pixel
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{escape(brand)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f2f2f2;">
<div style="display:none;max-height:0;overflow:hidden;">{escape(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f2f2f2">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"
 style="width:600px;max-width:600px;">
<tr><td>{view}</td></tr>
<tr><td bgcolor="{color}" style="padding:14px 24px;">
<img src="{escape(logo)}" height="32" alt="{escape(brand)}" style="border:0;"></td></tr>
{hero_row}
<tr><td bgcolor="#ffffff">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
{rows}
</table>
</td></tr>
<tr><td style="padding:20px 24px;font-size:11px;line-height:1.6;color:#777777;">{footer}</td></tr>
</table>
</td></tr>
</table>
{img}
</body>
</html>
"""


def layout_grid(
    brand: str,
    color: str,
    logo: str,
    nav: list[tuple[str, str]],
    headline: str,
    lead: str,
    items: list[tuple[str, str, str, str]],
    notes: str,
    footer: str,
    pixel: str,
) -> str:
    """Header bar with navigation, a headline, two-column cards (image, name, price, link), notes
    and footer (test newsletters)."""
    nav_html = " | ".join(a(h, t, "color:#ffffff;text-decoration:none;font-size:12px;") for t, h in nav)
    cells = []
    for img, name, price, href in items:
        cells.append(
            f'<td width="50%" valign="top" style="padding:8px;">'
            f'<a href="{escape(href)}" target="_blank"><'
            f'img src="{escape(img)}" width="276" alt="{escape(name)}" '
            'style="display:block;border:0;width:100%;height:auto;"></a>'
            f'<p style="margin:8px 0 2px;font-size:13px;color:#222222;">{name}</p>'
            f'<p style="margin:0;font-size:16px;font-weight:bold;color:#d0021b;">{price}</p></td>'
        )
    grid = "\n".join("<tr>" + "".join(cells[i : i + 2]) + "</tr>" for i in range(0, len(cells), 2))
    img = f'<img src="{escape(pixel)}" width="1" height="1" alt="" border="0">' if pixel else ""
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width">
</head>
<body bgcolor="#ffffff" style="margin:0;">
<center>
<table width="600" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td bgcolor="{color}" align="left" style="padding:10px;">
<img src="{escape(logo)}" alt="{escape(brand)}" height="30" border="0"></td>
<td bgcolor="{color}" align="right" style="padding:10px;">{nav_html}</td></tr>
<tr><td colspan="2" style="padding:20px 10px 6px;font-size:22px;font-weight:bold;color:#222222;">{headline}
</td></tr>
<tr><td colspan="2" style="padding:0 10px 14px;font-size:14px;line-height:1.6;color:#444444;">{lead}</td></tr>
<tr><td colspan="2"><table width="100%" border="0" cellspacing="0" cellpadding="0">
{grid}
</table></td></tr>
<tr><td colspan="2" style="padding:14px 10px;font-size:12px;line-height:1.6;color:#555555;border-top:1px
 solid #dddddd;">{notes}</td></tr>
<tr><td colspan="2" bgcolor="#eeeeee" style="padding:14px
 10px;font-size:11px;line-height:1.6;color:#666666;">{footer}</td></tr>
</table>
</center>
{img}
</body>
</html>
"""


def layout_letter(paragraphs: list[str], pixel: str, signature: str, banner: str | None = None) -> str:
    """A plain, letter-like HTML mail as B2B marketing automation sends it (test newsletters)."""
    body = "\n".join(f'<p style="margin:0 0 1em;">{p}</p>' for p in paragraphs)
    ban = (
        f'<p><img src="{escape(banner)}" width="560" alt="" style="max-width:100%;height:auto;"></p>\n'
        if banner
        else ""
    )
    img = (
        f'<img src="{escape(pixel)}" width="1" height="1" alt="" style="display:none !important;">'
        if pixel
        else ""
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head>
<body>
<div style="font-family:'Hiragino Kaku Gothic ProN','Meiryo',sans-serif;
 font-size:14px;line-height:1.8;color:#222;max-width:600px;">
{ban}{body}
<div style="border-top:1px solid #ccc;margin-top:24px;padding-top:12px;font-size:12px;color:#666;">
{signature}</div>
</div>
{img}
</body>
</html>
"""


def boundary(rng: random.Random, style: str) -> str:
    """A MIME boundary in the style of the sending software."""
    if style == "exchange":
        return f"_{rng.randrange(0, 5):03d}_{rs(rng, 18, UPPER)}{hexs(rng, 26, True)}_"
    if style == "gmail":
        return "0000000000" + hexs(rng, 18)
    if style == "thunderbird":
        return "------------" + rs(rng, 24)
    if style == "becky":
        return f"__{hexs(rng, 8, True)}.{hexs(rng, 4, True)}__"
    if style == "outlook":
        return f"----=_NextPart_000_{hexs(rng, 4, True)}_01DB{hexs(rng, 4, True)}.{hexs(rng, 8, True)}"
    if style == "java":
        part, stamp = rng.randrange(10000, 999999), rng.randrange(10**8, 10**9)
        return f"----=_Part_{part}_{stamp}.{rng.randrange(10**12, 10**13)}"
    if style == "php":
        return "b1_" + hexs(rng, 32)
    if style == "sendgrid":
        return hexs(rng, 64)
    return "=_" + rs(rng, 28, ALNUM)


@dataclass(frozen=True)
class Template:
    family: str
    split: str
    calls: int  # how many times make() runs per split (a PPAP template gives two messages a call)
    make: Callable[[random.Random], list[Draft]]


TEMPLATES: list[Template] = []


def template(family: str, split: str, calls: int) -> Callable:
    def deco(fn: Callable[[random.Random], Draft | list[Draft]]) -> Callable:
        def make(rng: random.Random) -> list[Draft]:
            out = fn(rng)
            return out if isinstance(out, list) else [out]

        TEMPLATES.append(Template(family, split, calls, make))
        return fn

    return deco


def sei(p: Person) -> str:
    return p.name.split()[0]


def to_org(p: Person, charset: str = "iso-2022-jp", upper: bool = False) -> str:
    return mbox(p.name, p.address, charset, upper)


def signature(
    company: str, dept: str, name: str, romaji: str, domain: str, address: str, rule: str = "━"
) -> str:
    post, tel, fax = LETTERHEAD[domain]
    line = rule * 24
    return (
        f"{line}\n{company}　{dept}\n{name}（{romaji}）\n{post}\n"
        f"TEL：{tel}　FAX：{fax}\nMail：{address}\n{line}"
    )


BUTTON_ORANGE = (
    "display:inline-block;padding:12px 40px;background:#e8380d;color:#ffffff;text-decoration:none;"
    "border-radius:4px;font-weight:bold;"
)
BUTTON_WINE = "display:inline-block;padding:10px 32px;background:#7a1f2b;color:#fff;text-decoration:none;"
BUTTON_YELLOW = (
    "display:inline-block;background:#ffd814;border-radius:8px;padding:8px 18px;"
    "color:#0f1111;text-decoration:none;"
)
JINJER_REASONS = (
    "領収書の画像が不鮮明です。再添付をお願いします。",
    "勘定科目を「旅費交通費」に修正してください。",
    "利用日が申請期間外です。",
)
SYMPA_REPLIES = (
    "参加します。よろしくお願いします。",
    "詳しいお話を伺えますか。後ほどお電話します。",
    "社内で共有します。",
)
CHATWORK_SNIPPETS = (
    "お世話になっております。先ほどの件、資料を共有いたします。",
    "明日の打ち合わせ、10分ほど遅れそうです。申し訳ありません。",
    "ご確認ありがとうございます。承知いたしました。",
)
LINK_BLUE = "color:#0066c0;text-decoration:none;"
KINTONE_COMMENTS = ("確認をお願いします。", "見積金額を更新しました。", "次回の点検日を入力しました。")


def ses_id(rng: random.Random, prefix: str) -> str:
    """An Amazon SES message id (the prefix encodes the region)."""
    parts = (hexs(rng, 13), hexs(rng, 8), hexs(rng, 4), hexs(rng, 4), hexs(rng, 4), hexs(rng, 12))
    return prefix + "-".join(parts) + "-000000"


def _asin_url(rng: random.Random) -> str:
    return f"https://www.amazon.co.jp/dp/B0{rs(rng, 8, string.ascii_uppercase + string.digits)}"


# ============================================================================================
# 1. ESP newsletters and marketing


def _nl(
    esp: Esp,
    t: datetime,
    rcpt: Person,
    sender: tuple[str, str],
    subject: str,
    body: Message,
    charset: str = "utf-8",
    extra: list[tuple[str, str]] | None = None,
    named_to: bool = False,
) -> Draft:
    to = mbox(rcpt.name + " 様", rcpt.address, charset) if named_to else rcpt.address
    return Draft(
        esp.route,
        mbox(*sender, charset),
        to,
        hdr(subject, charset),
        t,
        rcpt.address,
        body,
        [*esp.headers, *(extra or [])],
    )


@template("esp-newsletter", "dev", 9)
def nl_shucchou_navi(rng: random.Random) -> Draft:
    """A business-hotel booking site, SendGrid with its own sending domain."""
    r = rng.choice((YOSHIDA, YOSHIDA, WATANABE, NAKAMURA, TAKAHASHI))
    t = when(rng, "esp")
    esp = esp_sendgrid(rng, "mail.shucchou-navi.jp", r.address)
    site, cdn = "https://www.shucchou-navi.jp", "https://img.shucchou-navi.jp/mail/"
    city = rng.choice(("大阪", "名古屋", "福岡", "仙台", "広島", "札幌", "金沢"))
    kind = rng.randrange(4)
    last = t + timedelta(days=rng.choice((2, 3, 6)))
    code = rs(rng, 8, string.ascii_uppercase + string.digits)
    if kind == 0:
        subject = f"【本日まで】{city}のビジネスホテル ポイント10倍キャンペーン"
        url = f"{site}/campaign/point10/?area={rng.randrange(1, 47):02d}&utm_source=mail&utm_medium=email"
        lead = (
            f"{city}エリアの対象ホテルをご予約いただくと、通常1%のポイントが<b>10倍</b>になるキャンペーンは"
            f"<b>本日 {t.month}月{t.day}日 23:59まで</b>です。出張のご予定がある方はお早めにどうぞ。"
        )
        plain_lead = (
            f"{city}エリアの対象ホテルのご予約でポイント10倍！\n"
            f"キャンペーンは本日{t.month}月{t.day}日 23:59までです。"
        )
    elif kind == 1:
        subject = f"{sei(r)}様限定｜出張が多い方へ 最大3,000円OFFクーポン（{last.month}/{last.day}まで）"
        url = f"{site}/coupon/?code={code}&utm_source=mail&utm_medium=email&utm_campaign=coupon{t:%m%d}"
        lead = (
            f"いつもビジネス出張ナビをご利用いただきありがとうございます。日頃のご愛顧に感謝して、{sei(r)}様に"
            f"<b>最大3,000円OFF</b>のクーポンをお届けします。期間限定（{last.month}月{last.day}日まで）です。"
        )
        plain_lead = (
            f"{sei(r)}様限定 最大3,000円OFFクーポンをお届けします。\n"
            f"クーポンコード：{code}（{last.month}月{last.day}日まで）"
        )
    elif kind == 2:
        subject = "【当選者発表】出張応援キャンペーン 抽選結果のお知らせ"
        url = f"{site}/campaign/result/?utm_source=mail&utm_medium=email"
        lead = (
            "先日実施いたしました「出張応援キャンペーン」には多数のご応募をいただき、誠にありがとうございました。"
            "厳正なる抽選の結果、当選された方にはマイページのメッセージボックスにてご連絡しております。"
        )
        plain_lead = (
            "出張応援キャンペーンの抽選結果を発表しました。\n"
            "当選された方にはマイページのメッセージボックスにてご連絡しております。"
        )
    else:
        subject = f"【ビジネス出張ナビ】{t.month}月の会員ランクと保有ポイントのお知らせ"
        url = f"{site}/mypage/point/?utm_source=mail&utm_medium=email"
        pts = rng.randrange(300, 9000)
        lead = (
            f"{r.name}様の現在の会員ランクは<b>{rng.choice(('ゴールド', 'シルバー', 'ブロンズ'))}</b>、"
            f"保有ポイントは<b>{yen(pts)}ポイント</b>です（{t.month}月{t.day}日時点）。"
            "ポイントは1ポイント＝1円として次回のご予約からご利用いただけます。"
        )
        plain_lead = (
            f"{r.name}様の保有ポイント：{yen(pts)}ポイント（{t.month}月{t.day}日時点）\n"
            "1ポイント＝1円としてご利用いただけます。"
        )
    hotels = rng.sample(
        [
            ("駅前ビジネスホテル", 6800),
            ("ステーションイン", 7400),
            ("ホテルセントラル", 8900),
            ("シティホテル本町", 9800),
            ("コンフォートステイ", 7200),
        ],
        3,
    )
    shown = site + url[len(site) :].split("?")[0]
    hotel_rows = "<br>".join(
        f"・{a(esp.click(f'{site}/hotel/{rng.randrange(10000, 99999)}/'), f'{city}{n}')} 1泊 {yen(p)}円〜"
        for n, p in hotels
    )
    blocks = [
        f'<p style="font-size:18px;font-weight:bold;margin:0 0 8px;">{subject.split("】")[-1]}</p><'
        f"p>{lead}</p>",
        f'<p style="text-align:center;">{a(esp.click(url), "詳しくはこちら", BUTTON_ORANGE)}</p>'
        '<p style="font-size:12px;color:#666;">ボタンが表示されない場合はこちら：<br>'
        f"{a(esp.click(url), shown)}</p>",
        f"<p><b>{city}の人気ホテル</b><br>{hotel_rows}</p>",
    ]
    footer = (
        "本メールは、ビジネス出張ナビの会員登録時にメールマガジンの受信を希望された方にお送りしています。<br>"
        f"配信停止・配信先の変更は{a(esp.click(site + '/mypage/mail/'), 'こちら')}から。<br>"
        "このメールは送信専用アドレスからお送りしています。ご返信いただいてもお答えできません。<br>"
        "株式会社ビジネス出張ナビ　〒105-0004 東京都港区新橋4-21-3<br>© Business Shucchou Navi Co., Ltd."
    )
    page = layout_card(
        "ビジネス出張ナビ",
        "#1a3a6e",
        cdn + "logo_white.png",
        plain_lead.split("\n")[0],
        (cdn + f"{t:%Y%m}/main_{kind}.jpg", subject),
        blocks,
        footer,
        esp.pixel,
    )
    plain = (
        f"""{r.name}様

いつもビジネス出張ナビをご利用いただきありがとうございます。

{plain_lead}

▼詳しくはこちら
{esp.click(url)}

■{city}の人気ホテル
"""
        + "\n".join(f"・{city}{n} 1泊 {yen(p)}円〜" for n, p in hotels)
        + f"""

――――――――――――――――――――――
配信停止・配信先の変更：{site}/mypage/mail/
株式会社ビジネス出張ナビ
〒105-0004 東京都港区新橋4-21-3
――――――――――――――――――――――
"""
    )
    body = multi(
        "alternative",
        [text(plain, cte="quoted-printable"), html(page, cte="quoted-printable")],
        boundary(rng, "sendgrid"),
    )
    return _nl(esp, t, r, ("ビジネス出張ナビ", "news@mail.shucchou-navi.jp"), subject, body)


@template("esp-newsletter", "dev", 6)
def nl_machikoba_dx(rng: random.Random) -> Draft:
    """A small manufacturing-DX community newsletter on Mailchimp."""
    r = rng.choice((WATANABE, KATO, KATO, TAKAHASHI))
    t = when(rng, "esp")
    esp = esp_mailchimp(
        rng, "machikoba-dx.jp", "machikoba-dx", r.address, t, rng.choice(("mcdlv.net", "mcsv.net"))
    )
    site = "https://machikoba-dx.jp"
    no = (t.year - 2022) * 12 + t.month
    topics = rng.sample(
        [
            (
                "事例紹介",
                "従業員30名の金属加工会社が、紙の作業日報をタブレット入力に切り替えた半年間の記録です。",
                "/case/",
            ),
            (
                "補助金情報",
                "ものづくり補助金の次回公募のスケジュールと、申請書作成のポイントをまとめました。",
                "/subsidy/",
            ),
            (
                "イベント",
                "オンライン勉強会「生産管理をスプレッドシートから卒業する」参加者募集中（参加無料）。",
                "/event/",
            ),
            (
                "ツール比較",
                "中小製造業向け生産管理クラウド5製品を、価格と導入期間で比較しました。",
                "/compare/",
            ),
            ("コラム", "設備のIoT化は「まず1台」から。センサー選びで失敗しないための3つの視点。", "/column/"),
        ],
        3,
    )
    subject = f"町工場DXラボ通信 Vol.{no}｜{topics[0][1][:18]}…"
    blocks = [f"<p>こんにちは、町工場DXラボ編集部です。{t.month}月号をお届けします。</p>"]
    plain_parts = []
    for head, body_, path in topics:
        url = f"{site}{path}{t:%Y%m}-{rng.randrange(1, 20):02d}/"
        blocks.append(
            f'<p style="font-weight:bold;color:#2b7a78;margin:0;">■ {head}</p><'
            f'p style="margin:4px 0;">{body_}</p>'
            f"<p>{a(esp.click(url), url)}</p>"
        )
        plain_parts.append(f"■ {head}\n{body_}\n{url}\n")
    footer = (
        f"Copyright © {t.year} 町工場DXラボ, All rights reserved.<br>"
        "このメールは、町工場DXラボのイベントに参加された方、またはニュースレターに登録された方にお送りしています。<br>"
        f"{a(esp.click(site + '/newsletter/'), '登録内容の変更')}　|　"
        f"{a(esp.headers[0][1].split('<')[-1].rstrip('>'), '配信停止')}"
    )
    page = layout_card(
        "町工場DXラボ",
        "#2b7a78",
        f"https://mcusercontent.com/{esp.route.headers[4][1]}/images/logo.png",
        topics[0][1],
        None,
        blocks,
        footer,
        esp.pixel,
    )
    plain = (
        f"町工場DXラボ通信 Vol.{no}\n\nこんにちは、町工場DXラボ編集部です。{t.month}月号をお届けします。\n\n"
        + "\n".join(plain_parts)
        + "\n============================================================\n"
        f"Copyright © {t.year} 町工場DXラボ, All rights reserved.\n"
    )
    body = multi(
        "alternative",
        [text(plain, cte="quoted-printable"), html(page, cte="quoted-printable")],
        f"_----------={rs(rng, 20, string.digits)}",
    )
    return _nl(esp, t, r, ("町工場DXラボ", "hello@machikoba-dx.jp"), subject, body, named_to=True)


@template("esp-newsletter", "dev", 9)
def nl_biz_supply(rng: random.Random) -> Draft:
    """An office-supplies web shop on Amazon SES: sales, points, last-day mails (HTML only)."""
    r = rng.choice((NAKAMURA, NAKAMURA, KOBAYASHI, YAMAMOTO))
    t = when(rng, "esp")
    site = "https://www.biz-supply.jp"
    esp = esp_ses(rng, "biz-supply.jp", r.address, t, f"{site}/mail/unsubscribe?k={hexs(rng, 32)}")
    kind = rng.randrange(4)
    if kind == 0:
        subject = "【本日23:59まで】コピー用紙・トナー 期間限定セール 最大40%OFF"
        head, lead = (
            "期間限定セール 本日最終日",
            "コピー用紙・トナー・文具の人気商品が最大40%OFF。セールは本日23:59までです。",
        )
    elif kind == 1:
        subject = f"【ポイント5倍】{t.month}月の法人会員さま感謝デー（{t.month}/{t.day}〜）"
        head, lead = "法人会員さま感謝デー", "期間中のご注文はポイント5倍。まとめ買いで送料も無料になります。"
    elif kind == 2:
        subject = "年度末の備品購入はお早めに｜ご注文締切日のご案内"
        head, lead = (
            "年度末のご注文締切日のご案内",
            "3月31日までの納品をご希望の場合は、3月27日15時までにご注文ください。",
        )
    else:
        subject = "【キャンペーン】防災備蓄品 見直しフェア 開催中"
        head, lead = (
            "防災備蓄品 見直しフェア",
            "保存水・非常食・簡易トイレなど、オフィスの備蓄品をセット価格でご用意しました。",
        )
    items = rng.sample(
        [
            ("コピー用紙 A4 5000枚（500枚×10冊）", 3280),
            ("再生トナー 大容量タイプ", 8980),
            ("ゲルインクボールペン 0.5mm 10本", 980),
            ("クリアファイル A4 100枚", 1180),
            ("ガムテープ 50mm×25m 10巻", 2150),
            ("保存水 2L×6本 5年保存", 1480),
            ("ハンドソープ 詰替 4L", 1650),
            ("乾電池 単3形 40本", 1990),
        ],
        4,
    )
    cdn = "https://cdn.biz-supply.jp/img/mail/"
    cards = [
        (
            cdn + f"item_{rng.randrange(10000, 99999)}.jpg",
            n,
            f"{yen(p)}円（税込）",
            esp.click(f"{site}/item/{rng.randrange(100000, 999999)}/"),
        )
        for n, p in items
    ]
    nav = [
        ("マイページ", esp.click(site + "/mypage/")),
        ("お気に入り", esp.click(site + "/favorite/")),
        ("セール", esp.click(site + "/sale/")),
    ]
    notes = (
        "▼セール会場はこちら<br>"
        f"{a(esp.click(site + '/sale/?utm_source=ses&utm_medium=email'), site + '/sale/')}<br>"
        "※価格は配信日時点のものです。在庫がなくなり次第終了となります。<br>"
        "※ポイント付与は出荷完了後となります。"
    )
    footer = (
        "このメールはビズサプライ法人会員の方で、メールマガジンの配信を希望された方へお送りしています。<br>"
        f"配信停止は{a(esp.click(site + '/mypage/mailmagazine/'), 'マイページ')}から手続きいただけます。<br>"
        "発行：株式会社ビズサプライ　〒530-0001 大阪府大阪市北区梅田3-3-10<br>"
        "お問い合わせ：0120-555-082（平日9:00〜18:00）"
    )
    page = layout_grid(
        "ビズサプライ", "#004b8d", cdn + "logo.png", nav, head, lead, cards, notes, footer, esp.pixel
    )
    body = html(page, cte="base64")
    return _nl(esp, t, r, ("ビズサプライ", "info@biz-supply.jp"), subject, body)


@template("esp-newsletter", "dev", 7)
def nl_michinoku_hotels(rng: random.Random) -> Draft:
    """A hotel chain's members' mail on Cuenote: ISO-2022-JP text with an HTML part."""
    r = rng.choice((WATANABE, TAKAHASHI, YOSHIDA, ITO))
    t = when(rng, "esp")
    esp = esp_cuenote(rng, "michinoku-hotels.co.jp", "michinoku", r.address, t)
    site = "https://www.michinoku-hotels.co.jp"
    no = f"M{rng.randrange(1000000, 9999999)}"
    kind = rng.randrange(3)
    expire = month_end(t.year + (t.month + 1) // 13, (t.month % 12) + 1)
    if kind == 0:
        pts = rng.randrange(500, 6000)
        subject = f"【みちのくホテルズ】ポイント有効期限のお知らせ（{expire.month}月末失効予定）"
        main = (
            f"{r.name}様の保有ポイントのうち、{yen(pts)}ポイントが\n"
            f"{jdate(expire, False)}に有効期限を迎えます。\n"
            "期限までにご宿泊またはポイント交換でご利用ください。"
        )
        url = f"{site}/member/point/"
    elif kind == 1:
        subject = "【会員様限定】冬の東北 温泉付きプラン 早期予約で20%OFF"
        main = (
            "会員様限定で、温泉大浴場付きホテルの宿泊プランを\n早期予約割引でご案内いたします。\n"
            "予約受付は期間限定です。どうぞお早めに。"
        )
        url = f"{site}/plan/member-early/"
    else:
        subject = f"【みちのくホテルズ】{t.month}月のおすすめ 仙台・盛岡・青森の出張プラン"
        main = "朝食付き・駐車場無料・チェックアウト11時の\n出張応援プランをご用意しております。"
        url = f"{site}/plan/business/"
    tracked = esp.click(url)
    plain = f"""{r.name}様（会員番号：{no}）

いつもみちのくホテルズをご利用いただき誠にありがとうございます。

{main}

▼詳細・ご予約はこちら
{tracked}

━━━━━━━━━━━━━━━━━━━━━━━━
■ご予約・お問い合わせ
みちのくホテルズ 予約センター
TEL：022-266-5110（9:00〜20:00）
■メール配信の停止
{esp.click(site + "/member/mail/")}
━━━━━━━━━━━━━━━━━━━━━━━━
発行：株式会社みちのくホテルズ
〒980-0021 宮城県仙台市青葉区中央2-8-13
"""
    blocks = [
        f"<p>{r.name}様（会員番号：{no}）</p><p>いつもみちのくホテルズをご利用いただき誠にありがとうございます。</p>",
        "<p>" + main.replace("\n", "<br>") + "</p>",
        f'<p style="text-align:center;">{a(tracked, "詳細・ご予約はこちら", BUTTON_WINE)}</p>'
        f"<p>{a(tracked, url)}</p>",
    ]
    footer = (
        "ご予約・お問い合わせ：みちのくホテルズ 予約センター TEL 022-266-5110（9:00〜20:00）<br>"
        f"メール配信の停止は{a(esp.click(site + '/member/mail/'), 'こちら')}<br>"
        "発行：株式会社みちのくホテルズ"
    )
    page = layout_card(
        "みちのくホテルズ",
        "#7a1f2b",
        site + "/mail/img/logo.gif",
        main.split("\n")[0],
        (site + f"/mail/img/{t:%Y%m}_main.jpg", subject),
        blocks,
        footer,
        esp.pixel,
    )
    body = multi(
        "alternative",
        [
            text(plain, "iso-2022-jp", "7bit", ctype='text/plain; charset="ISO-2022-JP"'),
            html(page, "utf-8", "base64"),
        ],
        f"----=_CN_{hexs(rng, 24)}",
    )
    return _nl(esp, t, r, ("みちのくホテルズ", "member@michinoku-hotels.co.jp"), subject, body, "iso-2022-jp")


@template("esp-newsletter", "dev", 7)
def nl_kousaku_shimbun(rng: random.Random) -> Draft:
    """A trade paper's weekly text mail magazine sent with Blastmail (ISO-2022-JP, text only)."""
    r = rng.choice((WATANABE, WATANABE, TAKAHASHI, YOSHIDA))
    t = when(rng, "esp")
    esp = esp_blastmail(rng, "kousaku-shimbun.jp", r.address, t)
    site = "https://www.kousaku-shimbun.jp"
    no = 480 + (t - START).days // 7
    heads = rng.sample(
        [
            "工作機械受注、前年同月比で増加　外需がけん引",
            "大手工具メーカー、超硬エンドミルを値上げへ",
            "5軸加工機の中古市場が活況、納期長期化で",
            "金型業界の人手不足、若手育成に共同訓練校",
            "切削油の環境規制強化、水溶性への切替進む",
            "精密測定機器の校正需要、年度末に集中",
            "中小製造業の賃上げ、価格転嫁が課題に",
            "ロボットSIer向け展示会、来月開幕",
        ],
        5,
    )
    lines = []
    for i, h in enumerate(heads, 1):
        url = f"{site}/news/{t:%Y%m%d}{i:02d}.html"
        lines.append(f"■{h}\n{esp.click(url)}\n")
    subject = f"【工作機械新聞】週刊メールマガジン 第{no}号（{t.year}/{t.month:02d}/{t.day:02d}）"
    plain = f"""━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　工作機械新聞　週刊メールマガジン　第{no}号
　{t.year}年{t.month}月{t.day}日発行
━━━━━━━━━━━━━━━━━━━━━━━━━━━━

{r.name}様

いつもご購読ありがとうございます。
今週の主なニュースをお届けします。

{chr(10).join(lines)}
━━━━━━━━━━━━━━━━━━━━━━━━━━━━
【お知らせ】電子版の年間購読が期間限定で20%OFF。
　詳しくは→ {esp.click(site + "/subscribe/")}
━━━━━━━━━━━━━━━━━━━━━━━━━━━━
※本メールは送信専用です。ご意見・ご感想は下記までお寄せください。
　info@kousaku-shimbun.jp
※配信停止はこちら
　{esp.click(site + "/mailmag/stop/")}

発行：株式会社工作機械新聞社
〒101-0047 東京都千代田区内神田1-5-6
Copyright(C) Kousaku Shimbun. All Rights Reserved.
"""
    body = text(plain, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP")
    return _nl(
        esp,
        t,
        r,
        ("工作機械新聞", "mailmag@kousaku-shimbun.jp"),
        subject,
        body,
        "iso-2022-jp",
        extra=[("Precedence", "bulk")],
    )


@template("esp-newsletter", "dev", 6)
def nl_tallyboard(rng: random.Random) -> Draft:
    """A global SaaS's English product newsletter, SendGrid shared pool without its own domain."""
    r = rng.choice((KATO, KATO, YOSHIDA))
    t = when(rng, "esp")
    esp = esp_sendgrid(rng, "tallyboard.io", r.address, whitelabel=False)
    site = "https://tallyboard.io"
    month = t.strftime("%B")
    kind = rng.randrange(3)
    subject = (
        f"What's new in Tallyboard — {month} product update",
        "Last chance: save 30% on annual plans (ends today)",
        "Your workspace is invited to try Tallyboard AI (beta)",
    )[kind]
    items = [
        (
            "Gantt view is here",
            "Plan projects on a timeline and drag tasks to reschedule.",
            "/changelog/gantt",
        ),
        (
            "Faster CSV import",
            "Import 50,000 rows in seconds, with column matching.",
            "/changelog/csv-import",
        ),
        ("SSO for Team plans", "SAML single sign-on now comes with every Team plan.", "/changelog/sso"),
        ("Japanese interface", "Tallyboard is now available in Japanese (日本語).", "/changelog/i18n-ja"),
    ]
    rng.shuffle(items)
    blocks = [f"<p>Hi {r.name.split()[1]},</p><p>Here is what we shipped this month.</p>"]
    for title, desc, path in items[:3]:
        blocks.append(f"<p><b>{title}</b><br>{desc}<br>{a(esp.click(site + path), site + path)}</p>")
    if kind == 1:
        blocks.insert(
            1,
            "<p><b>Our annual plan sale ends today at midnight (PT).</b> "
            f"{a(esp.click(site + '/pricing?promo=ANNUAL30'), 'Upgrade now')}</p>",
        )
    footer = (
        "Tallyboard Inc., 548 Market St, San Francisco, CA 94104, USA<br>"
        "You are receiving this email because you signed up for Tallyboard. "
        f"{a(esp.click(site + '/settings/email'), 'Email preferences')}"
    )
    page = layout_card(
        "Tallyboard",
        "#111827",
        "https://assets.tallyboard.io/email/logo.png",
        subject,
        None,
        blocks,
        footer,
        esp.pixel,
    )
    plain = (
        f"Hi {r.name.split()[1]},\n\nHere is what we shipped this month.\n\n"
        + "\n".join(f"* {title}\n  {desc}\n  {site + path}\n" for title, desc, path in items[:3])
        + "\nTallyboard Inc., 548 Market St, San Francisco, CA 94104, USA\n"
    )
    body = multi(
        "alternative",
        [text(plain, "utf-8", "quoted-printable"), html(page, "utf-8", "quoted-printable")],
        boundary(rng, "sendgrid"),
    )
    return _nl(
        esp,
        t,
        r,
        ("Tallyboard", "news@tallyboard.io"),
        subject,
        body,
        extra=[("Reply-To", "support@tallyboard.io")],
    )


@template("esp-newsletter", "test", 8)
def nl_teleworks(rng: random.Random) -> Draft:
    """A B2B workflow-SaaS vendor on HubSpot: webinars, white papers, a survey with a gift card."""
    r = rng.choice((KATO, NAKAMURA, ITO, KOBAYASHI))
    t = when(rng, "esp")
    esp = esp_hubspot(rng, "teleworks.co.jp", r.address, t)
    site = "https://www.teleworks.co.jp"
    rep = rng.choice((("石川 拓也", "ishikawa"), ("岡田 美咲", "okada"), ("前田 光", "maeda")))
    kind = rng.randrange(4)
    day = next_business_day(t, rng.randrange(7, 20))
    if kind == 0:
        subject = f"【{day.month}/{day.day}開催】製造業のためのペーパーレス化ウェビナーのご案内"
        paras = [
            f"{ORG_NAME}<br>{r.name} 様",
            f"いつもお世話になっております。テレワークス株式会社の{rep[0].split()[0]}です。",
            f"{jdate(day)} 14:00〜15:00に、製造業の方向けのオンラインセミナー"
            "「紙の申請・承認をなくす 現場でつまずかないワークフロー導入」を開催いたします。",
            "稟議・出張申請・購買申請の電子化を検討されている方に、導入企業の事例を交えてご紹介します。",
            "▼お申し込みはこちら（参加無料・Zoom開催）"
            f"<br>{a(esp.click(site + f'/seminar/{day:%Y%m%d}/'), site + f'/seminar/{day:%Y%m%d}/')}",
        ]
    elif kind == 1:
        subject = "【アンケートご協力のお願い】回答者全員にAmazonギフトカード500円分"
        paras = [
            f"{r.name} 様",
            "テレワークスをご利用いただき、誠にありがとうございます。",
            "サービス改善のため、5分程度のアンケートへのご協力をお願いしております。"
            "ご回答いただいた方全員に、"
            f"<b>Amazonギフトカード500円分</b>をお送りします（{jdate(day, False)}まで）。",
            f"▼アンケートに回答する<br>{a(esp.click(site + '/survey/2025/'), site + '/survey/2025/')}",
            "※ギフトカードはご回答後2週間以内に、ご登録のメールアドレスへお送りします。",
        ]
    elif kind == 2:
        subject = f"{r.name}様　資料ダウンロードのお礼（稟議の電子化ガイド）"
        paras = [
            f"{ORG_NAME}<br>{r.name} 様",
            "この度は「稟議の電子化ガイド」をダウンロードいただき、誠にありがとうございます。",
            "資料は下記URLから再度ダウンロードいただけます。"
            f"<br>{a(esp.click(site + '/download/ringi-guide.pdf'), site + '/download/ringi-guide.pdf')}",
            "ご不明な点や、貴社の運用に合わせたデモをご希望の場合は、お気軽にご返信ください。",
        ]
    else:
        subject = "導入事例：従業員120名の部品メーカーが承認日数を5日から1日に短縮した方法"
        paras = [
            f"{r.name} 様",
            "いつもメールマガジンをご覧いただきありがとうございます。",
            "今回は、自動車部品メーカー様の導入事例をご紹介します。紙とハンコの稟議から、スマートフォンでの承認へ切り替えた経緯と、"
            "現場の反発をどう乗り越えたかを担当者様に伺いました。",
            f"▼事例を読む<br>{a(esp.click(site + '/case/parts-maker/'), site + '/case/parts-maker/')}",
        ]
    sig = (
        f"テレワークス株式会社　営業部<br>{rep[0]}<br>〒150-0002 東京都渋谷区渋谷2-24-12<br>"
        f"TEL：03-6427-3380　Mail：{rep[1]}@teleworks.co.jp<br>"
        f"{a(esp.headers[0][1].split('<')[-1].rstrip('>'), '配信停止')}"
    )
    banner = (
        f"https://{num(rng, 8)}.fs1.hubspotusercontent-na1.net/hubfs/{num(rng, 8)}/mail/banner_{kind}.png"
    )
    page = layout_letter(paras, esp.pixel, sig, banner if kind != 2 else None)
    plain = (
        re.sub(r"<[^>]+>", "", "\n\n".join(p.replace("<br>", "\n") for p in paras))
        + "\n\n--\n"
        + re.sub(r"<[^>]+>", "", sig.replace("<br>", "\n"))
    )
    body = multi(
        "alternative",
        [text(plain, cte="quoted-printable"), html(page, cte="quoted-printable")],
        f"===============_{num(rng, 19)}==",
    )
    return _nl(
        esp, t, r, (f"{rep[0]}（テレワークス）", f"{rep[1]}@teleworks.co.jp"), subject, body, named_to=True
    )


@template("esp-newsletter", "test", 9)
def nl_mirai_card(rng: random.Random) -> Draft:
    """A credit-card company's marketing mail through Salesforce Marketing Cloud."""
    r = rng.choice((TAKAHASHI, WATANABE, ITO, YOSHIDA))
    t = when(rng, "esp")
    sub = "e.mirai-card.co.jp"
    esp = esp_sfmc(rng, sub, r.address, t)
    site = "https://www.mirai-card.co.jp"
    kind = rng.randrange(4)
    last = month_end(t.year, t.month)
    if kind == 0:
        subject = "【ミライカード】ポイントの有効期限が近づいています"
        head = "ポイントの有効期限が近づいています"
        lead = (
            f"{last.month}月末に有効期限を迎えるポイントがございます。"
            "期限までに商品やギフトカードへの交換をご検討ください。"
        )
    elif kind == 1:
        subject = f"【エントリー必須】最大5,000ポイント還元キャンペーン（{last.month}/{last.day}まで）"
        head = "最大5,000ポイント還元キャンペーン"
        lead = (
            "期間中にエントリーのうえ、合計5万円以上ご利用いただいた方に最大5,000ポイントを還元。"
            f"エントリーは{last.month}月{last.day}日までです。"
        )
    elif kind == 2:
        subject = "【当選者発表】夏のトラベルキャンペーン 当選者のお知らせ"
        head = "夏のトラベルキャンペーン 当選者発表"
        lead = (
            "たくさんのご応募ありがとうございました。当選者の方には、"
            "ご登録のご住所へ賞品を発送いたしました。当選者のイニシャルはキャンペーンページでご確認いただけます。"
        )
    else:
        subject = "【ミライカード】ビジネスカード会員さま向け 出張・経費の優待特典"
        head = "ビジネスカード会員さま 優待特典"
        lead = (
            "空港ラウンジ、国内ホテル、レンタカーの優待をご用意しました。出張の多い時期にぜひご活用ください。"
        )
    offers = [
        (
            "https://image." + sub + f"/lib/fe{hexs(rng, 4)}{num(rng, 7)}{hexs(rng, 2)}/m/1/{uuid4(rng)}.jpg",
            n,
            p,
            esp.click(site + path),
        )
        for n, p, path in rng.sample(
            [
                ("ギフトカードに交換", "1,000pt〜", "/point/gift/"),
                ("マイルに移行", "1,000pt〜", "/point/mile/"),
                ("国内ホテル 優待料金", "最大20%OFF", "/benefit/hotel/"),
                ("空港ラウンジ", "無料", "/benefit/lounge/"),
                ("ETCカード 追加発行", "年会費無料", "/etc/"),
                ("キャッシュバックに充当", "1pt=1円", "/point/cashback/"),
            ],
            4,
        )
    ]
    nav = [
        ("会員サイト", esp.click(site + "/member/")),
        ("ポイント", esp.click(site + "/point/")),
        ("キャンペーン", esp.click(site + "/campaign/")),
    ]
    notes = (
        f"▼詳しくは会員サイトでご確認ください<br>{a(esp.click(site + '/member/'), site + '/member/')}<br>"
        "※本メールは送信専用です。<br>※ミライカードがお客さまにメールでカード番号や暗証番号をお尋ねすることはありません。"
    )
    footer = (
        f"このメールは、ミライカード会員規約に基づき、メール配信を希望された会員さまにお送りしています。<br>"
        f"{a(esp.click('https://view.' + sub + '/?qs=' + hexs(rng, 120)), 'ブラウザで表示')} ｜ "
        f"{a(esp.click(site + '/member/mailsetting/'), '配信設定の変更')}<br>"
        "株式会社ミライカード　〒104-0028 東京都中央区八重洲2-7-2<br>© Mirai Card Co., Ltd."
    )
    page = layout_grid(
        "ミライカード",
        "#00847f",
        "https://image." + sub + "/lib/fe3c/m/1/logo.png",
        nav,
        head,
        lead,
        offers,
        notes,
        footer,
        esp.pixel,
    )
    body = html(page, cte="quoted-printable")
    return _nl(esp, t, r, ("ミライカード", "info@" + sub), subject, body)


@template("esp-newsletter", "test", 6)
def nl_monozukuri_expo(rng: random.Random) -> Draft:
    """An exhibition organiser's invitations on Benchmark Email."""
    r = rng.choice((WATANABE, YOSHIDA, TAKAHASHI))
    t = when(rng, "esp")
    esp = esp_benchmark(rng, "monozukuri-expo.jp", r.address, t)
    site = "https://www.monozukuri-expo.jp"
    day = next_business_day(t, rng.randrange(15, 40))
    kind = rng.randrange(3)
    subject = (
        f"【無料招待券】ものづくりEXPO {day.year} 来場事前登録受付中（{day.month}/{day.day}開幕）",
        f"【開幕まであと{(day - t).days}日】注目の出展社・セミナーのご紹介",
        "【事前登録者限定】会場でのQRコード提示のお願い",
    )[kind]
    reg = esp.click(site + "/visitor/registration/")
    paras = [
        f"{ORG_NAME}<br>{r.name} 様",
        "平素より格別のご高配を賜り、厚く御礼申し上げます。ものづくりEXPO 運営事務局でございます。",
        f"「ものづくりEXPO {day.year}」を{jdate(day)}から3日間、東京ビッグサイトにて開催いたします。"
        "切削・研削・測定・自動化の最新技術が一堂に会します。",
        "事前登録いただくと入場料（当日2,000円）が無料になります。"
        f"<br>▼来場事前登録<br>{a(reg, site + '/visitor/registration/')}",
        "会期中は、出展社によるセミナー（一部有料）も多数開催いたします。皆さまのご来場を心よりお待ちしております。",
    ]
    sig = (
        "ものづくりEXPO 運営事務局（株式会社産業イベント企画内）<br>〒135-0063 東京都江東区有明3-6-11<br>"
        "TEL：03-5530-2211　E-mail：info@monozukuri-expo.jp<br>"
        f"配信停止をご希望の方は{a(esp.headers[0][1].split('<')[-1].rstrip('>'), 'こちら')}"
    )
    page = layout_letter(paras, esp.pixel, sig, site + "/images/mail/header_visitor.jpg")
    plain = (
        re.sub(r"<[^>]+>", "", "\n\n".join(p.replace("<br>", "\n") for p in paras)).replace(
            site + "/visitor/registration/", reg
        )
        + "\n\n――――――――――――\n"
        + re.sub(r"<[^>]+>", "", sig.replace("<br>", "\n"))
    )
    body = multi(
        "alternative", [text(plain, cte="base64"), html(page, cte="base64")], "----=_BM_" + hexs(rng, 20)
    )
    return _nl(
        esp, t, r, ("ものづくりEXPO 運営事務局", "info@monozukuri-expo.jp"), subject, body, named_to=True
    )


@template("esp-newsletter", "test", 8)
def nl_mitsuwa_denki(rng: random.Random) -> Draft:
    """An electronics retailer's members' mail on WEBCAS: ISO-2022-JP text plus HTML."""
    r = rng.choice((NAKAMURA, KATO, YAMAMOTO, KOBAYASHI))
    t = when(rng, "esp")
    brand = "mitsuwa-denki.co.jp"
    esp = esp_webcas(rng, brand, r.address, t)
    site = "https://www.mitsuwa-denki.co.jp"
    kind = rng.randrange(3)
    subject = (
        "【家電のミツワ】週末限定！法人向けパソコン・モニター特価セール",
        f"【本日まで】会員様限定ポイント3倍デー（{t.month}/{t.day}）",
        "【家電のミツワ】決算セール開催中 在庫限りの大特価",
    )[kind]
    items = rng.sample(
        [
            ("ノートパソコン 15.6型 Core i5 16GB", "89,800円"),
            ("24型 IPS液晶モニター", "17,800円"),
            ("レーザープリンター A4モノクロ", "24,800円"),
            ("無線LANルーター Wi-Fi 6", "9,980円"),
            ("外付けSSD 1TB", "12,800円"),
            ("Web会議用カメラ フルHD", "6,980円"),
        ],
        4,
    )
    cdn = "https://img.mitsuwa-denki.co.jp/mail/"
    cards = [
        (
            cdn + f"{rng.randrange(100000, 999999)}.jpg",
            n,
            p,
            esp.click(f"{site}/item/{rng.randrange(1000000, 9999999)}/"),
        )
        for n, p in items
    ]
    nav = [("マイページ", esp.click(site + "/mypage/")), ("法人のお客様", esp.click(site + "/biz/"))]
    sale = site + "/sale/weekend/"
    notes = (
        f"▼特集ページはこちら<br>{a(esp.click(sale), sale)}<br>※表示価格は税込です。数量限定のため、"
        "売り切れの際はご容赦ください。"
    )
    footer = (
        "このメールは家電のミツワ会員の方へお送りしています。<br>"
        f"{a(esp.click(site + '/mypage/mail/'), 'メール配信の停止・変更')}<br>"
        "株式会社ミツワ電機　〒460-0008 愛知県名古屋市中区栄3-15-33"
    )
    headline = subject.split("】")[-1]
    page = layout_grid(
        "家電のミツワ",
        "#e60012",
        cdn + "logo.gif",
        nav,
        headline,
        "人気商品を特別価格でご用意しました。",
        cards,
        notes,
        footer,
        esp.pixel,
    )
    plain = (
        f"""{r.name}様

いつも家電のミツワをご利用いただきありがとうございます。
{headline}

"""
        + "\n".join(f"◆{n}\n　{p}（税込）" for n, p in items)
        + f"""

▼特集ページはこちら
{esp.click(sale)}

※表示価格は税込です。数量限定のため、売り切れの際はご容赦ください。
─────────────────────────
■メール配信の停止・変更
{site}/mypage/mail/
株式会社ミツワ電機
─────────────────────────
"""
    )
    body = multi(
        "alternative",
        [text(plain, "iso-2022-jp", "7bit"), html(page, "utf-8", "base64")],
        f"----=_WC_{num(rng, 12)}_{hexs(rng, 8)}",
    )
    return _nl(
        esp,
        t,
        r,
        ("家電のミツワ", "news@" + brand),
        subject,
        body,
        "iso-2022-jp",
        extra=[("Precedence", "bulk")],
    )


@template("esp-newsletter", "test", 7)
def nl_kessler(rng: random.Random) -> Draft:
    """A global automation vendor's Japanese marketing mail on Marketo."""
    r = rng.choice((WATANABE, WATANABE, YOSHIDA, TAKAHASHI))
    t = when(rng, "esp")
    brand = "kessler-automation.com"
    esp = esp_marketo(rng, brand, "info-jp", r.address, t)
    site = "https://www.kessler-automation.com/ja-jp"
    kind = rng.randrange(3)
    day = next_business_day(t, rng.randrange(6, 18))
    if kind == 0:
        subject = "【新製品】小型サーボプレス KSP-20 発売のお知らせ"
        paras = [
            f"{r.name} 様",
            "平素よりケスラー・オートメーション製品をご愛顧いただき、誠にありがとうございます。",
            "このたび、圧入・かしめ工程向けの小型サーボプレス「KSP-20」を発売いたしました。荷重と変位をリアルタイムで監視し、不良品の流出を防ぎます。",
            "製品詳細・カタログのダウンロードはこちら<br>"
            f"{a(esp.click(site + '/products/ksp-20'), site + '/products/ksp-20')}",
        ]
    elif kind == 1:
        subject = f"【ウェビナー {day.month}/{day.day}】協働ロボットで始める段取り替えの自動化"
        paras = [
            f"{r.name} 様",
            f"{jdate(day)} 15:00より、協働ロボットを使った段取り替え自動化のウェビナーを開催します。",
            "多品種少量生産の現場での導入事例と、安全対策（リスクアセスメント）の進め方を解説します。",
            "お申し込みはこちら（無料）"
            f"<br>{a(esp.click(site + '/events/webinar-cobot'), site + '/events/webinar-cobot')}",
        ]
    else:
        subject = "【重要なお知らせ】一部製品の価格改定について"
        paras = [
            f"{r.name} 様",
            "平素は格別のお引き立てを賜り、厚く御礼申し上げます。",
            "原材料費および物流費の高騰を受け、一部製品の価格を改定させていただくことになりました。"
            "対象製品と新価格は下記ページに掲載しております。何卒ご理解賜りますようお願い申し上げます。",
            f"{a(esp.click(site + '/news/price-revision'), site + '/news/price-revision')}",
        ]
    sig = (
        "ケスラー・オートメーション・ジャパン株式会社　マーケティング部<br>"
        "〒222-0033 横浜市港北区新横浜2-5-5<br>"
        f"{a(esp.headers[0][1].split('<')[-1].rstrip('>'), '配信停止はこちら')} ｜ "
        f"{a(esp.click(site + '/privacy'), 'プライバシーポリシー')}"
    )
    page = layout_letter(
        paras, esp.pixel, sig, f"https://info.{brand}/rs/{esp.route.headers[1][1][:11]}/images/jp_banner.png"
    )
    plain = (
        re.sub(r"<[^>]+>", "", "\n\n".join(p.replace("<br>", "\n") for p in paras))
        + "\n\n"
        + re.sub(r"<[^>]+>", "", sig.replace("<br>", "\n"))
    )
    body = multi(
        "alternative",
        [text(plain, cte="quoted-printable"), html(page, cte="quoted-printable")],
        boundary(rng, "java"),
    )
    return _nl(
        esp,
        t,
        r,
        ("ケスラー・オートメーション・ジャパン", "info-jp@" + brand),
        subject,
        body,
        extra=[("Reply-To", "sales-jp@" + brand)],
    )


@template("esp-newsletter", "test", 6)
def nl_dx_shimbun(rng: random.Random) -> Draft:
    """A manufacturing-DX news site's daily headlines on HubSpot."""
    r = rng.choice((KATO, WATANABE, TAKAHASHI))
    t = when(rng, "esp").replace(hour=7, minute=0)
    brand = "dx-shimbun.jp"
    esp = esp_hubspot(rng, brand, r.address, t)
    site = "https://www.dx-shimbun.jp"
    heads = rng.sample(
        [
            "中堅製造業のERP刷新、クラウド移行が過半に",
            "生成AIで図面から見積もり　町工場の挑戦",
            "「2025年の崖」その後　レガシー刷新の現在地",
            "工場のサイバー攻撃、取引先経由が増加",
            "電子帳簿保存法対応、請求書の受け取り側に課題",
            "インボイス制度2年目、経理の負担は減ったか",
            "製造現場のスマートグラス活用、遠隔支援で効果",
        ],
        4,
    )
    paras = [f"{t.year}年{t.month}月{t.day}日（{WEEKDAYS[t.weekday()]}）の注目記事"]
    for h in heads:
        url = f"{site}/articles/{rng.randrange(10000, 99999)}"
        paras.append(f"<b>{h}</b><br>{a(esp.click(url), url)}")
    paras.append(f"有料会員限定記事の一覧は{a(esp.click(site + '/premium/'), 'こちら')}")
    sig = (
        "製造業DXニュース（株式会社ディーエックス新聞社）<br>"
        f"{a(esp.headers[0][1].split('<')[-1].rstrip('>'), 'メール配信の停止')}"
    )
    page = layout_letter(paras, esp.pixel, sig)
    plain = (
        re.sub(r"<[^>]+>", "", "\n\n".join(p.replace("<br>", "\n") for p in paras))
        + "\n\n--\n製造業DXニュース\n"
    )
    body = multi(
        "alternative",
        [text(plain, cte="quoted-printable"), html(page, cte="quoted-printable")],
        f"===============_{num(rng, 19)}==",
    )
    subject = f"【製造業DXニュース】{heads[0]}　ほか"
    return _nl(esp, t, r, ("製造業DXニュース", "newsletter@" + brand), subject, body)


# ============================================================================================
# bodies as person-to-person mailers write them

_URL = re.compile(r"https?://[\w\-.~:/?#@!$&'()*+,;=%]+")


def _autolink(escaped: str) -> str:
    return _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)


def outlook_html(plain: str, charset: str = "iso-2022-jp") -> str:
    """The HTML part Outlook (Word) writes for a message typed as plain lines."""
    paras = "".join(
        f'<p class="MsoNormal">{_autolink(escape(ln)) if ln.strip() else "<o:p>&nbsp;</o:p>"}<o:p></o:p><'
        "/p>\n"
        for ln in plain.split("\n")
    )
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" '
        'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">\n'
        f'<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\n'
        '/* Font Definitions */\n@font-face\n\t{font-family:"ＭＳ ゴシック";\n'
        "\tpanose-1:2 11 6 9 7 2 5 8 2 4;}\n"
        "/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0mm;\n"
        "\ttext-align:justify;\n"
        '\ttext-justify:inter-ideograph;\n\tfont-size:10.5pt;\n\tfont-family:"ＭＳ ゴシック",sans-serif;}\n'
        "a:link, span.MsoHyperlink\n\t{mso-style-priority:99;\n\tcolor:#0563C1;\n"
        "\ttext-decoration:underline;}\n"
        "--></style>\n</head>\n"
        '<body lang="JA" link="#0563C1" vlink="#954F72" '
        'style="word-wrap:break-word;text-justify-trim:punctuation">\n'
        '<div class="WordSection1">\n' + paras + "</div>\n</body>\n</html>\n"
    )


def gmail_html(plain: str, quoted: str | None = None, attribution: str = "") -> str:
    lines = "".join(
        f"<div>{_autolink(escape(ln))}</div>" if ln.strip() else "<div><br></div>" for ln in plain.split("\n")
    )
    out = f'<div dir="ltr">{lines}</div>'
    if quoted:
        q = "<br>".join(_autolink(escape(ln)) for ln in quoted.split("\n"))
        out += (
            '<br><div class="gmail_quote gmail_quote_container"><'
            f'div dir="ltr" class="gmail_attr">{escape(attribution)}<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
            "rgb(204,204,204);"
            f'padding-left:1ex">{q}</blockquote></div>'
        )
    return out + "\n"


def body_exchange(
    rng: random.Random, plain: str, atts: list[Message] = (), charset: str = "iso-2022-jp"
) -> Message:
    """Outlook on Exchange Online: text and Word HTML, attachments after."""
    cte = "7bit" if charset == "iso-2022-jp" else "base64"
    alt = multi(
        "alternative",
        [text(plain, charset, cte), html(outlook_html(plain, charset), charset, "quoted-printable")],
        boundary(rng, "exchange"),
    )
    if not atts:
        return alt
    return multi("mixed", [alt, *atts], boundary(rng, "exchange"))


def body_outlook(
    rng: random.Random, plain: str, atts: list[Message] = (), charset: str = "iso-2022-jp"
) -> Message:
    """Outlook on the desktop over POP/SMTP (a rental server)."""
    alt = multi(
        "alternative",
        [text(plain, charset, "7bit"), html(outlook_html(plain, charset), charset, "quoted-printable")],
        boundary(rng, "outlook"),
    )
    if not atts:
        return alt
    return multi(
        "mixed",
        [alt, *atts],
        boundary(rng, "outlook"),
        preamble="This is a multipart message in MIME format.",
    )


def body_gmail(
    rng: random.Random, plain: str, atts: list[Message] = (), quoted: str | None = None, attribution: str = ""
) -> Message:
    full = plain + (
        f"\n\n{attribution}\n\n" + "\n".join("> " + ln if ln else ">" for ln in quoted.split("\n"))
        if quoted
        else ""
    )
    alt = multi(
        "alternative",
        [
            text(full, "utf-8", "base64", ctype='text/plain; charset="UTF-8"'),
            html(
                gmail_html(plain, quoted, attribution), "utf-8", "base64", ctype='text/html; charset="UTF-8"'
            ),
        ],
        boundary(rng, "gmail"),
    )
    if not atts:
        return alt
    return multi("mixed", [alt, *atts], boundary(rng, "gmail"))


def body_plain(
    rng: random.Random,
    plain: str,
    atts: list[Message] = (),
    charset: str = "iso-2022-jp",
    client: str = "thunderbird",
) -> Message:
    """Text-only mail (Thunderbird, Becky!, a phone): ISO-2022-JP 7bit or UTF-8."""
    if charset == "iso-2022-jp":
        part = text(
            plain,
            charset,
            "7bit",
            ctype="text/plain; charset=ISO-2022-JP"
            + ("; format=flowed; delsp=yes" if client == "thunderbird" else ""),
        )
    else:
        part = text(plain, charset, "8bit", ctype="text/plain; charset=UTF-8; format=flowed")
    if not atts:
        return part
    pre = "This is a multi-part message in MIME format." if client == "thunderbird" else None
    return multi(
        "mixed", [part, *atts], boundary(rng, "becky" if client == "becky" else "thunderbird"), preamble=pre
    )


def pdf_att(data: bytes, filename: str, style: str, t: datetime) -> Message:
    return attachment(data, "application/pdf", filename, style, t)


def outlook_quote(
    sender: tuple[str, str], sent: datetime, to: list[tuple[str, str]], subject: str, body: str, cc=()
) -> str:
    """The header block Japanese Outlook puts above the quoted message (no '>' marks)."""
    head = [
        "",
        "-----Original Message-----",
        f"From: {sender[0]} <{sender[1]}> ",
        f"Sent: {sent:%Y年%m月%d日} {sent:%H:%M}",
        "To: " + "; ".join(f"{n} <{ad}>" for n, ad in to),
    ]
    if cc:
        head.append("Cc: " + "; ".join(f"{n} <{ad}>" for n, ad in cc))
    head += [f"Subject: {subject}", ""]
    return "\n".join(head) + "\n" + body


def gt_quote(body: str) -> str:
    return "\n".join("> " + ln if ln else ">" for ln in body.split("\n"))


# ============================================================================================
# how each correspondent writes mail (one system each, used by every template)


def corr_route(rng: random.Random, sender: str, rcpt: str, subject: str) -> Route:
    dom = domain_of(sender)
    if dom in (DAIWA.domain, TOYO.domain):
        return r_exchange(rng, sender, rcpt, dom.split(".")[0].replace("-", ""), subject)
    if dom in (FUJI.domain, CHIYODA.domain):
        return r_google(rng, sender, rcpt)
    if dom == SATO.domain:
        return r_hosting(rng, sender, rcpt, "xserver", "becky")
    if dom == SUZUKI.domain:
        return r_hosting(rng, sender, rcpt, "xserver", "outlook", dkim=True)
    if dom == CHUO.domain:
        return r_hosting(rng, sender, rcpt, "sakura", "outlook")
    if dom == HOKUTO.domain:
        return r_hosting(rng, sender, rcpt, "sakura", "thunderbird")
    raise KeyError(dom)


def corr_body(rng: random.Random, sender: str, plain: str, atts: list[Message] = ()) -> Message:
    dom = domain_of(sender)
    if dom in (DAIWA.domain, TOYO.domain):
        return body_exchange(rng, plain, atts)
    if dom in (FUJI.domain, CHIYODA.domain):
        return body_gmail(rng, plain, atts)
    if dom == SATO.domain:
        return body_plain(rng, plain, atts, "iso-2022-jp", "becky")
    if dom in (SUZUKI.domain, CHUO.domain):
        return body_outlook(rng, plain, atts)
    return body_plain(rng, plain, atts, "iso-2022-jp", "thunderbird")


ATT_STYLE = {
    DAIWA.domain: "exchange",
    TOYO.domain: "exchange",
    FUJI.domain: "gmail",
    CHIYODA.domain: "gmail",
    SATO.domain: "rfc2231-iso",
    SUZUKI.domain: "outlook",
    CHUO.domain: "outlook",
    HOKUTO.domain: "rfc2231",
}


def corr_draft(
    rng: random.Random,
    sender: tuple[str, str],
    to: list[Person],
    subject: str,
    plain: str,
    t: datetime,
    atts: list[Message] = (),
    cc: list[tuple[str, str]] = (),
    rcpt: Person | None = None,
    extra: list[tuple[str, str]] = (),
) -> Draft:
    """A message from a correspondent's own mail system."""
    rcpt = rcpt or to[0]
    dom = domain_of(sender[1])
    utf8 = dom in (FUJI.domain, CHIYODA.domain)
    cs, up = ("utf-8", True) if utf8 else ("iso-2022-jp", dom not in (DAIWA.domain, TOYO.domain))
    route = corr_route(rng, sender[1], rcpt.address, subject)
    headers = list(extra)
    if cc:
        headers.insert(0, ("CC" if route.style == "exchange" else "Cc", addrs(list(cc), cs, up)))
    return Draft(
        route,
        mbox(sender[0], sender[1], cs, up),
        addrs([p2t(p) for p in to], cs, up),
        hdr(subject, cs, upper=up),
        t,
        rcpt.address,
        corr_body(rng, sender[1], plain, atts),
        headers,
    )


def reg_no(domain: str) -> str:
    return "T" + corporate_number(random.Random(domain))


BANKS = (
    ("みずほ銀行", ("日本橋支店", "新宿支店", "横浜駅前支店", "川崎支店")),
    ("三菱UFJ銀行", ("本店", "新宿中央支店", "横浜駅前支店", "相模原支店")),
    ("三井住友銀行", ("東京中央支店", "新宿西口支店", "横浜支店", "川崎支店")),
    ("りそな銀行", ("東京営業部", "新宿支店", "横浜支店")),
    ("横浜銀行", ("本店営業部", "川崎支店", "相模原支店", "関内支店")),
    ("きらぼし銀行", ("本店", "新宿支店", "五反田支店")),
    ("商工組合中央金庫", ("本店", "横浜支店")),
)


def bank_account(rng: random.Random) -> str:
    bank, branches = rng.choice(BANKS)
    kind = rng.choice(("普通預金", "普通預金", "当座預金"))
    return f"{bank}　{rng.choice(branches)}　{kind}　{rng.randrange(1000000, 9999999)}"


# ============================================================================================
# 2. invoices and billing


@template("invoice", "dev", 8)
def inv_daiwa(rng: random.Random) -> Draft:
    """A supplier's monthly invoice (PDF) or payment acknowledgement from Outlook on Exchange Online."""
    r = rng.choice((ITO, KOBAYASHI, KOBAYASHI))
    t = when(rng)
    c = DAIWA.contact
    prev = t.replace(day=1) - timedelta(days=1)
    sub_total = rng.randrange(300, 20000) * 100
    total = sub_total + sub_total // 10
    no = f"DS-{prev:%y%m}-{rng.randrange(100, 999)}"
    sig = signature("大和商事株式会社", "営業部", "松本　隆", "Takashi Matsumoto", DAIWA.domain, c.address)
    if rng.random() < 0.7:
        due = month_end(t.year, t.month)
        subject = rng.choice(
            (
                f"【大和商事】{prev.year}年{prev.month}月分 請求書送付のお知らせ",
                f"{prev.month}月分ご請求書の送付につきまして",
            )
        )
        plain = f"""{ORG_NAME}
{r.title}　{r.name}様

いつも大変お世話になっております。
大和商事の松本でございます。

{prev.year}年{prev.month}月分のご請求書をお送りいたします。
添付のPDFファイルをご確認くださいますようお願い申し上げます。

■請求書番号：{no}
■ご請求金額：{yen(total)}円（税込）
■お支払期日：{jdate(due)}

原本は本日郵送いたしましたので、併せてご査収ください。
※適格請求書として発行しております。（登録番号：{reg_no(DAIWA.domain)}）

ご不明な点がございましたら、お気軽にお問い合わせください。
今後ともよろしくお願い申し上げます。

{sig}
"""
        doc = pdf(
            f"INVOICE {no}",
            [
                "Daiwa Shoji Co., Ltd.",
                "Bill to: Minato Seiki Co., Ltd.",
                f"Subtotal JPY {sub_total:,}",
                f"Consumption tax (10%) JPY {sub_total // 10:,}",
                f"Total JPY {total:,}",
                f"Due {due:%Y-%m-%d}",
                f"Registration No. {reg_no(DAIWA.domain)}",
            ],
            when=t,
        )
        atts = [pdf_att(doc, f"請求書_{no}_株式会社みなと精機様.pdf", "exchange", t)]
    else:
        paid = next_business_day(t.replace(day=1) - timedelta(days=3), 0)
        subject = f"ご入金確認のご連絡（{prev.month}月分）"
        plain = f"""{ORG_NAME}
{r.title}　{r.name}様

いつも大変お世話になっております。
大和商事の松本でございます。

{prev.month}月分のご請求（請求書番号：{no}）につきまして、
{paid.month}月{paid.day}日付で{yen(total)}円のご入金を確認いたしました。
お忙しいところご対応いただき、誠にありがとうございました。

引き続きどうぞよろしくお願い申し上げます。

{sig}
"""
        atts = []
    return corr_draft(rng, (c.name, c.address), [r], subject, plain, t, atts)


@template("invoice", "dev", 4)
def inv_btob_platform(rng: random.Random) -> Draft:
    """An invoice platform notifying on behalf of a supplier (From the platform, supplier in the body)."""
    r = rng.choice((ITO, KOBAYASHI))
    t = when(rng, "any")
    prev = t.replace(day=1) - timedelta(days=1)
    amount = (rng.randrange(20, 400) * 1000) * 11 // 10
    no = f"CI-{prev.year}-{rng.randrange(100, 999):04d}"
    url = f"https://www.infomart.co.jp/seikyu/receive/detail?inv={hexs(rng, 32)}"
    subject = "【BtoBプラットフォーム 請求書】千代田印刷株式会社様より請求書が届いています"
    plain = f"""{ORG_NAME}
{r.name} 様

千代田印刷株式会社 様から請求書が発行されました。
下記URLよりログインのうえ、内容をご確認ください。

────────────────────
発行元　　：千代田印刷株式会社
請求書番号：{no}
請求日　　：{sdate(prev)}
請求金額　：￥{yen(amount)}
支払期日　：{sdate(month_end(t.year, t.month))}
────────────────────

▼請求書を確認する
{url}

※本メールは送信専用アドレスから送信しています。ご返信いただいてもお答えできません。
※請求内容に関するお問い合わせは、発行元企業様へ直接お問い合わせください。
※ログインIDはご登録のメールアドレスです。パスワードをお忘れの場合はログイン画面から再設定してください。

────────────────────
BtoBプラットフォーム 請求書
株式会社インフォマート
https://www.infomart.co.jp/
────────────────────
"""
    host = f"smtp{rng.randrange(1, 9):02d}.infomart.co.jp"
    route = r_service(
        rng,
        f"bounce-{hexs(rng, 16)}@mail.infomart.co.jp",
        host,
        ip4(rng, "210.152.14"),
        f"{t:%Y%m%d%H%M%S}.{num(rng, 8)}@{host}",
        [("infomart.co.jp", "imdkim")],
        r.address,
        inner="batch01",
    )
    body = text(plain, "utf-8", "base64")
    return Draft(
        route,
        mbox("BtoBプラットフォーム 請求書", "bb-seikyu@infomart.co.jp"),
        r.address,
        hdr(subject),
        t,
        r.address,
        body,
    )


@template("invoice", "dev", 3)
def inv_sakura(rng: random.Random) -> Draft:
    """A hosting company's monthly bill notice."""
    r = rng.choice((KATO, KATO, KOBAYASHI))
    t = when(rng, "any")
    member = f"{rs(rng, 3, string.ascii_lowercase)}{num(rng, 5)}"
    amount = rng.choice((1047, 2095, 4400, 5238, 11000, 13200))
    subject = f"[さくらインターネット] {t.year}年{t.month}月分 ご利用料金確定のお知らせ"
    plain = f"""株式会社みなと精機
{r.name} 様

いつもさくらインターネットをご利用いただき、誠にありがとうございます。
{t.year}年{t.month}月分のご利用料金が確定いたしましたので、お知らせいたします。

　会員ID　　　：{member}
　ご請求金額　：{yen(amount)}円（税込）
　お支払方法　：クレジットカード
　決済予定日　：{t.year}年{t.month}月{min(t.day + 5, 28)}日

ご利用明細・請求書（PDF）は会員メニューからご確認いただけます。
https://secure.sakura.ad.jp/auth/login

※本メールは送信専用アドレスからお送りしております。
※お問い合わせは会員メニューのサポートフォームからお願いいたします。

──────────────────────────────
さくらインターネット株式会社
https://www.sakura.ad.jp/
──────────────────────────────
"""
    host = f"mail{rng.randrange(1, 6)}.sakura.ad.jp"
    route = r_service(
        rng,
        f"info-bounce@{host}",
        host,
        ip4(rng, "59.106.19"),
        f"{uuid4(rng)}@sakura.ad.jp",
        [("sakura.ad.jp", "default")],
        r.address,
        inner="billing-batch01",
    )
    body = text(plain, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP")
    return Draft(
        route,
        mbox("さくらインターネット", "info@sakura.ad.jp", "iso-2022-jp"),
        r.address,
        hdr(subject, "iso-2022-jp"),
        t,
        r.address,
        body,
    )


@template("invoice", "dev", 3)
def inv_suzuki(rng: random.Random) -> Draft:
    """A labour consultant's monthly retainer invoice from Outlook on a rental server."""
    r = rng.choice((ITO, YAMAMOTO))
    t = when(rng)
    c = SUZUKI.contact
    fee = rng.choice((33000, 44000, 55000))
    extra = rng.choice((0, 0, 22000, 33000))
    subject = f"{t.month}月分 顧問料ご請求書送付の件"
    plain = (
        f"""株式会社みなと精機
{r.title} {r.name}様

いつもお世話になっております。
鈴木社会保険労務士事務所の鈴木です。

{t.month}月分の顧問料のご請求書をお送りいたします。
　顧問料　　　{yen(fee)}円（税込）
"""
        + (f"　算定基礎届作成　{yen(extra)}円（税込）\n" if extra else "")
        + f"""　合計　　　　{yen(fee + extra)}円（税込）

お支払いは月末までに、いつもの口座へお振込みをお願いいたします。
ご確認のほど、よろしくお願いいたします。

**************************************************
鈴木社会保険労務士事務所
特定社会保険労務士　鈴木 明美
{LETTERHEAD[SUZUKI.domain][0]}
TEL {LETTERHEAD[SUZUKI.domain][1]} / FAX {LETTERHEAD[SUZUKI.domain][2]}
**************************************************
"""
    )
    doc = pdf(
        f"Invoice {t:%Y%m}",
        ["Suzuki Labour and Social Security Attorney Office", f"Total JPY {fee + extra:,}"],
        "Microsoft Excel for Microsoft 365",
        t,
    )
    atts = [pdf_att(doc, f"御請求書_{t:%Y%m}_みなと精機様.pdf", "outlook", t)]
    return corr_draft(rng, ("鈴木 明美", c.address), [r], subject, plain, t, atts)


@template("invoice", "test", 5)
def inv_rakuraku_hokuto(rng: random.Random) -> Draft:
    """A carrier's freight invoice published through an invoice-delivery service (link, no file)."""
    r = rng.choice((ITO, KOBAYASHI, KOBAYASHI))
    t = when(rng, "any", months=tuple(range(1, 13)))
    prev = t.replace(day=1) - timedelta(days=1)
    amount = rng.randrange(80, 900) * 1100
    key = rs(rng, 40, URLSAFE)
    subject = f"【北斗運輸株式会社】{prev.year}年{prev.month}月分 運賃請求書発行のお知らせ"
    plain = f"""株式会社みなと精機
経理部 御中

いつもお世話になっております。北斗運輸株式会社です。
{prev.year}年{prev.month}月分の運賃請求書を発行いたしました。
下記URLからログインのうえ、ご確認ください。

■請求書の確認はこちら
https://hokuto-unyu.rakurakumeisai.jp/web/login?key={key}

■ご請求金額：{yen(amount)}円（税込）
■公開期限：{sdate(t + timedelta(days=90))}

※初めてご利用の場合は、ご登録のメールアドレスと、
　別途郵送しております初回パスワードでログインしてください。
※本メールは「楽楽明細」から自動送信しています。
　ご返信いただいてもお答えできませんので、ご了承ください。

---------------------------------------------
北斗運輸株式会社　経理課
TEL：{LETTERHEAD[HOKUTO.domain][1]}（平日9:00〜17:00）
---------------------------------------------
"""
    host = f"mta{rng.randrange(1, 9)}.rakurakumeisai.jp"
    route = r_service(
        rng,
        f"bounce+{hexs(rng, 20)}@mail.rakurakumeisai.jp",
        host,
        ip4(rng, "211.125.85"),
        f"{t:%Y%m%d%H%M%S}.{hexs(rng, 10)}@rakurakumeisai.jp",
        [("rakurakumeisai.jp", "rm1")],
        r.address,
    )
    body = text(plain, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP")
    return Draft(
        route,
        mbox("北斗運輸株式会社", "no-reply@rakurakumeisai.jp", "iso-2022-jp"),
        r.address,
        hdr(subject, "iso-2022-jp"),
        t,
        r.address,
        body,
    )


@template("invoice", "test", 4)
def inv_misoca_sato(rng: random.Random) -> Draft:
    """A tax accountant's invoice sent through a cloud invoicing service (SendGrid, no tracking)."""
    r = ITO
    t = when(rng)
    esp = esp_sendgrid(rng, "misoca.jp", r.address)
    code = rs(rng, 24, LOWER)
    fee = rng.choice((44000, 55000, 66000, 165000))
    what = "顧問料" if fee < 100000 else "決算申告報酬"
    subject = "請求書のご送付（佐藤税理士事務所）"
    plain = f"""株式会社みなと精機
{r.name} 様

いつもお世話になっております。佐藤税理士事務所です。
{what}の請求書をお送りいたします。

下記URLから請求書をご確認いただけます。
https://app.misoca.jp/i/{code}

件名：{t.year}年{t.month}月分 {what}
請求金額：{yen(fee)}円
お支払期限：{sdate(month_end(t.year, t.month))}

何卒よろしくお願いいたします。

--
佐藤税理士事務所
{LETTERHEAD[SATO.domain][0]}
{LETTERHEAD[SATO.domain][1]}

このメールは Misoca から送信されています。
Misoca（ミソカ）は、請求書作成をかんたんにするクラウドサービスです。
https://www.misoca.jp/
"""
    doc = pdf(f"Invoice {code[:8]}", ["Sato Tax Accountant Office", f"Total JPY {fee:,}"], "Misoca", t)
    body = multi(
        "mixed",
        [text(plain, "utf-8", "quoted-printable"), pdf_att(doc, f"請求書_{t:%Y%m%d}.pdf", "rfc2231", t)],
        hexs(rng, 64),
    )
    return Draft(
        esp.route,
        mbox("佐藤税理士事務所", "noreply@misoca.jp"),
        mbox(r.name + " 様", r.address),
        hdr(subject),
        t,
        r.address,
        body,
        [("Reply-To", SATO.contact.address)],
    )


@template("invoice", "test", 5)
def inv_toyo_payment(rng: random.Random) -> Draft:
    """A customer's payment advice mailed by its accounting system (Shift_JIS, Java mail)."""
    r = rng.choice((ITO, KOBAYASHI))
    t = when(rng, "biz")
    pay = month_end(t.year, t.month)
    lines = rng.randrange(2, 5)
    total = sum(rng.randrange(50, 3000) * 1100 for _ in range(lines))
    subject = f"支払通知書送付のご案内（{pay.year}年{pay.month}月{pay.day}日支払分）"
    plain = f"""株式会社みなと精機　御中

平素は格別のご高配を賜り、厚く御礼申し上げます。
{pay.year}年{pay.month}月{pay.day}日お支払分の支払通知書を送付いたします。
添付ファイルをご確認ください。

　お支払予定日：{pay.year}年{pay.month}月{pay.day}日
　お支払金額　：{yen(total)}円
　明細件数　　：{lines}件

本メールは支払管理システムより自動送信しております。
お問い合わせは下記までお願いいたします。

東洋電機株式会社　経理部　支払担当
TEL：042-773-2105（直通）
"""
    sender = "keiri@toyo-denki.co.jp"
    route = r_exchange(rng, sender, r.address, "toyodenki", subject)
    route.msgid = f"{num(rng, 9)}.{num(rng, 3)}.{int(t.timestamp() * 1000)}.JavaMail.erpbatch@erp01"
    route.headers = [("X-Mailer", "Toyo Payment Notice System 3.2")]
    route.style = "plain"
    doc = pdf(
        f"Payment Advice {pay:%Y%m%d}", ["Toyo Denki Co., Ltd.", f"Amount JPY {total:,}"], "SVF for PDF", t
    )
    body = multi(
        "mixed",
        [
            text(plain, "shift_jis", "base64", ctype="text/plain; charset=Shift_JIS"),
            attachment(doc, "application/pdf", f"支払通知書_{pay:%Y%m%d}_みなと精機.pdf", "sjis", t),
        ],
        boundary(rng, "java"),
    )
    return Draft(
        route,
        mbox("東洋電機株式会社 経理部", sender, "shift_jis"),
        r.address,
        hdr(subject, "shift_jis"),
        t,
        r.address,
        body,
    )


@template("invoice", "test", 4)
def inv_aws(rng: random.Random) -> Draft:
    """A cloud provider's invoice notice (Amazon SES in us-east-1)."""
    r = rng.choice((KATO, KOBAYASHI))
    t = when(rng, "any").replace(day=rng.randrange(2, 5))
    acct = f"{num(rng, 4)}-{num(rng, 4)}-{num(rng, 4)}"
    inv = num(rng, 10)
    prev = t.replace(day=1) - timedelta(days=1)
    usd = rng.randrange(40, 900) + rng.randrange(100) / 100
    subject = f"Amazon Web Services Invoice Available [Account: {acct.replace('-', '')}] [Invoice ID: {inv}]"
    plain = f"""お客様各位

{prev.year}年{prev.month}月の Amazon Web Services の請求書が発行されました。

アカウント ID: {acct}
請求書 ID: {inv}
請求金額: USD {usd:,.2f}

請求書は AWS Billing and Cost Management コンソールの [請求書] ページからダウンロードできます。
https://console.aws.amazon.com/billing/home#/bills

お支払いは、アカウントに登録されているお支払い方法に請求されます。

ご不明な点がございましたら、AWS サポートセンターにお問い合わせください。
https://console.aws.amazon.com/support/home

このメッセージは、Amazon Web Services からの請求に関する重要な情報を含んでいます。
このメールアドレスは送信専用です。返信しないでください。

Amazon Web Services, Inc. is a subsidiary of Amazon.com, Inc. Amazon.com is a registered trademark
of Amazon.com, Inc.
This message was produced and distributed by Amazon Web Services Inc., 410 Terry Ave. North,
Seattle, WA 98109-5210
"""
    mid = ses_id(rng, "0100")
    a_, b_ = rng.choice((48, 240)), rng.randrange(1, 254)
    host = f"a{a_}-{b_}.smtp-out.amazonses.com"
    route = Route(
        return_path=f"{mid}@amazonses.com",
        msgid=f"{mid}@email.amazonses.com",
        mx=(host, host, f"54.240.{a_}.{b_}"),
        dkim=[
            ("amazon.com", "z6psfpcngbqe5ckbhccibpiw7xtqqpqb", "pass"),
            ("amazonses.com", "6gbrjpgwjskckoa6a5zn6fwqkn67xbtw", "pass"),
        ],
        headers=[
            ("Feedback-ID", f"::1.us-east-1.{rs(rng, 43, ALNUM + '+/')}=:AmazonSES"),
            ("X-SES-Outgoing", f"{t.astimezone(UTC):%Y.%m.%d}-54.240.{a_}.{b_}"),
        ],
    )
    route.return_path = f"{mid}@amazonses.com"
    body = text(plain, "utf-8", "quoted-printable", ctype="text/plain; charset=UTF-8")
    return Draft(
        route,
        mbox("Amazon Web Services", "no-reply-aws@amazon.com"),
        r.address,
        subject,
        t,
        r.address,
        body,
        date_tz=UTC,
    )


# ============================================================================================
# 3. genuine bank-detail changes and bank notices


@template("bank-change", "dev", 3)
def bank_daiwa(rng: random.Random) -> Draft:
    """A supplier's careful letter about its new bank account, with the notice as PDF."""
    t = when(rng)
    c = DAIWA.contact
    eff = next_business_day(month_end(t.year, t.month) + timedelta(days=rng.choice((1, 32))), 0)
    old, new = bank_account(rng), bank_account(rng)
    subject = rng.choice(("【重要】振込先口座変更のお知らせ", "お振込先口座変更のご案内（大和商事株式会社）"))
    reason = rng.choice(("取引銀行の見直しに伴い", "本社経理業務の集約に伴い", "メインバンク変更に伴い"))
    plain = f"""{ORG_NAME}
{ITO.title}　{ITO.name}様
（CC：{KOBAYASHI.name}様）

平素は格別のお引き立てを賜り、厚く御礼申し上げます。
大和商事の松本でございます。

さて、このたび弊社では、{reason}、
お振込先口座を下記のとおり変更させていただくこととなりました。
詳細は添付の「振込先口座変更のお知らせ」（PDF）をご確認ください。
誠にお手数をおかけいたしますが、お支払い事務のご変更につき
ご高配を賜りますようお願い申し上げます。

　　　　　　　　　　　　　記

1. 変更日　：{jdate(eff)}以降のお支払い分より
2. 新口座　：{new}
　　口座名義：ダイワシヨウジ（カ
3. 旧口座　：{old}
　　※旧口座は{eff.year}年{(eff.month + 2) % 12 + 1}月末まで併用いたします。

　　　　　　　　　　　　　　　　　　　　　　　　　以上

なお、本件は代表者印を押印した書面を別途郵送にてお送りしております。
念のため、お手数ですが弊社営業担当（松本）または
経理部（03-3241-5582）までお電話にてご確認いただけますと幸いです。
弊社からメールのみで振込先の変更をお願いすることはございませんので、
ご不審な点がございましたら上記の代表番号までご連絡ください。

{signature("大和商事株式会社", "営業部", "松本　隆", "Takashi Matsumoto", DAIWA.domain, c.address)}
"""
    doc = pdf(
        "Notice of Change of Bank Account",
        ["Daiwa Shoji Co., Ltd.", f"Effective {eff:%Y-%m-%d}", "Representative Director seal affixed"],
        when=t,
    )
    atts = [pdf_att(doc, "振込先口座変更のお知らせ_大和商事株式会社.pdf", "exchange", t)]
    return corr_draft(rng, (c.name, c.address), [ITO], subject, plain, t, atts, cc=[p2t(KOBAYASHI)])


@template("bank-change", "dev", 2)
def bank_suzuki_move(rng: random.Random) -> Draft:
    """A small office moving and changing its account, from Outlook on a rental server (no DMARC)."""
    r = rng.choice((YAMAMOTO, ITO))
    t = when(rng)
    c = SUZUKI.contact
    eff = next_business_day(month_end(t.year, t.month), 1)
    new = bank_account(rng)
    subject = "事務所移転および振込先口座変更のご案内"
    plain = f"""株式会社みなと精機
{r.title} {r.name}様

いつも大変お世話になっております。
鈴木社会保険労務士事務所の鈴木です。

私事で恐縮ですが、このたび事務所を移転することとなりました。
あわせて、顧問料のお振込先口座も変更させていただきます。

【新事務所】（{jdate(eff, False)}より）
〒231-0023 横浜市中区山下町2-5 山下町ビル4F
電話番号・FAX番号・メールアドレスに変更はございません。

【新しいお振込先】
{new}
口座名義：スズキシヤカイホケンロウムシジムシヨ　スズキ　アケミ

{eff.month}月分以降の顧問料より、新しい口座へのお振込みをお願いいたします。
正式なご案内状を郵送いたしましたので、あわせてご確認ください。
ご不明な点は、事務所の電話（{LETTERHEAD[SUZUKI.domain][1]}）までご連絡いただければ幸いです。

今後とも変わらぬお引き立てのほど、よろしくお願い申し上げます。

**************************************************
鈴木社会保険労務士事務所
特定社会保険労務士　鈴木 明美
{LETTERHEAD[SUZUKI.domain][0]}
TEL {LETTERHEAD[SUZUKI.domain][1]} / FAX {LETTERHEAD[SUZUKI.domain][2]}
**************************************************
"""
    doc = pdf(
        "Notice of Relocation",
        ["Suzuki Labour and Social Security Attorney Office", f"From {eff:%Y-%m-%d}"],
        "Microsoft Word 2019",
        t,
    )
    return corr_draft(
        rng,
        ("鈴木 明美", c.address),
        [r],
        subject,
        plain,
        t,
        [pdf_att(doc, "移転のご案内.pdf", "outlook", t)],
    )


@template("bank-change", "dev", 3)
def bank_hokuto_merger(rng: random.Random) -> Draft:
    """A carrier's notice that its credit union merged: bank name and branch code change."""
    r = rng.choice((ITO, KOBAYASHI))
    t = when(rng)
    c = HOKUTO.contact
    eff = datetime(t.year + (1 if t.month > 9 else 0), ((t.month + 2) % 12) + 1, 1, tzinfo=JST)
    acct = rng.randrange(1000000, 9999999)
    subject = "取引金融機関の合併に伴う振込先名称変更のお知らせ"
    plain = f"""株式会社みなと精機
経理ご担当　{r.name}様

いつもお世話になっております。
北斗運輸株式会社　経理課の林でございます。

弊社の取引金融機関である「相模中央信用金庫」が、{jdate(eff, False)}付で
「湘北信用金庫」と合併し、「かながわ未来信用金庫」となります。
これに伴い、お振込先の金融機関名・金融機関コード・支店番号が変更となります。

■変更前
　相模中央信用金庫（金融機関コード 1191）愛川支店（店番 012）
　普通預金　{acct}
　口座名義　ホクトウンユ（カ

■変更後（{jdate(eff, False)}以降）
　かながわ未来信用金庫（金融機関コード 1199）愛川支店（店番 312）
　普通預金　{acct}（口座番号・口座名義は変わりません）
　口座名義　ホクトウンユ（カ

合併後しばらくの間は、旧金融機関名でのお振込みも新口座に入金されると
信用金庫より案内を受けておりますが、お手数ですが登録内容の変更を
お願いいたします。
金融機関からの案内文書（写し）を郵送いたしますので、ご確認ください。
ご不明な点は、{LETTERHEAD[HOKUTO.domain][1]}（経理課）までお電話ください。

以上、よろしくお願いいたします。

{SIG_DASH}
北斗運輸株式会社　経理課
林 健太
{LETTERHEAD[HOKUTO.domain][0]}
TEL：{LETTERHEAD[HOKUTO.domain][1]}　FAX：{LETTERHEAD[HOKUTO.domain][2]}
"""
    return corr_draft(rng, ("林 健太", c.address), [r], subject, plain, t)


@template("bank-change", "test", 3)
def bank_chiyoda(rng: random.Random) -> Draft:
    """A printing company's account change from Google Workspace, asking for a phone check."""
    r = rng.choice((ITO, KOBAYASHI))
    t = when(rng)
    c = CHIYODA.contact
    eff = month_end(t.year, t.month) + timedelta(days=1)
    new = bank_account(rng)
    subject = "【ご依頼】お振込口座変更のご案内（千代田印刷株式会社）"
    plain = f"""株式会社みなと精機
経理部　{r.name} 様

いつもお世話になっております。
千代田印刷の森です。

弊社の経理体制の見直しに伴い、{eff.year}年{eff.month}月ご請求分より
お振込先口座を下記に変更させていただきたく、ご案内申し上げます。

＜新しいお振込先＞
{new}
口座名義：チヨダインサツ（カ

添付の「お振込口座変更のお願い」（社印押印済み）もあわせてご確認ください。

なお、昨今、取引先を装って振込先の変更を依頼する不審なメールが
増えていると聞いております。
お手数ですが、本メールへのご返信ではなく、弊社代表電話
（{LETTERHEAD[CHIYODA.domain][1]}）にて経理担当または森までご確認いただけますと幸いです。

お手数をおかけいたしますが、何卒よろしくお願いいたします。

--
千代田印刷株式会社
営業部　森 雄一
{LETTERHEAD[CHIYODA.domain][0]}
TEL {LETTERHEAD[CHIYODA.domain][1]}　FAX {LETTERHEAD[CHIYODA.domain][2]}
https://www.chiyoda-insatsu.co.jp/
"""
    doc = pdf(
        "Request for change of bank account",
        ["Chiyoda Insatsu Co., Ltd.", f"Effective {eff:%Y-%m}"],
        "Adobe PDF Library 23.1.175",
        t,
    )
    return corr_draft(
        rng,
        ("森 雄一", c.address),
        [r],
        subject,
        plain,
        t,
        [pdf_att(doc, "お振込口座変更のお願い.pdf", "gmail", t)],
    )


@template("bank-change", "test", 3)
def bank_shiokaze(rng: random.Random) -> Draft:
    """A regional bank's notice to corporate customers about its merger."""
    r = rng.choice((ITO, ITO, TAKAHASHI))
    t = when(rng, "biz")
    eff = (
        datetime(2026, 1, 4, tzinfo=JST)
        if t < datetime(2025, 11, 1, tzinfo=JST)
        else datetime(2026, 5, 6, tzinfo=JST)
    )
    site = "https://www.shiokaze-bank.co.jp"
    subject = "【しおかぜ銀行】合併に伴う銀行名・金融機関コード変更のお知らせ（法人のお客さま）"
    plain = f"""{ORG_NAME}　御中

平素はしおかぜ銀行をご利用いただき、誠にありがとうございます。

当行は{jdate(eff, False)}をもって、みなみ湾岸銀行と合併し、
「しおかぜみなみ銀行」として新たにスタートいたします。

【お客さまへのお願い】
・お客さまの口座番号は変わりません。
・金融機関コードが「0591」に変わります。
・一部の支店で支店名・店番号が変わります。
　対象の支店は当行ホームページでご確認ください。
　{site}/merger/branch/

お取引先さまからのお振込みにつきましては、合併後も当面の間、
旧銀行名・旧金融機関コードで受け付けいたします。
お取引先さまへのご案内文書のひな形を当行ホームページに掲載しております。

※当行から、メールやSMSで暗証番号・パスワード・ワンタイムパスワードを
　お尋ねすることは絶対にありません。
※本メールは、しおかぜビジネスダイレクトにご登録いただいている
　法人のお客さまにお送りしています。

しおかぜ銀行　法人サポートデスク
0120-870-355（平日9:00〜17:00）
{site}/
"""
    page = layout_letter(
        [p.replace("\n", "<br>") for p in plain.split("\n\n")],
        "",
        "株式会社しおかぜ銀行<br>登録金融機関　東海財務局長（登金）第19号",
    )
    host = f"mo{rng.randrange(1, 5)}.mail.shiokaze-bank.co.jp"
    route = r_service(
        rng,
        "info-bounce@mail.shiokaze-bank.co.jp",
        host,
        ip4(rng, "203.180.75"),
        f"{uuid4(rng)}@mail.shiokaze-bank.co.jp",
        [("mail.shiokaze-bank.co.jp", "sb2024")],
        r.address,
        inner="notice-app01",
    )
    body = multi(
        "alternative", [text(plain, "utf-8", "base64"), html(page, "utf-8", "base64")], boundary(rng, "java")
    )
    return Draft(
        route,
        mbox("しおかぜ銀行", "info@mail.shiokaze-bank.co.jp"),
        r.address,
        hdr(subject),
        t,
        r.address,
        body,
    )


@template("bank-change", "test", 2)
def bank_chuo_law(rng: random.Random) -> Draft:
    """A law firm changing its deposit account, from Outlook on a rental server (no DKIM)."""
    r = rng.choice((ITO, TAKAHASHI))
    t = when(rng)
    c = CHUO.contact
    new = bank_account(rng)
    subject = "弊所振込先口座の変更について"
    plain = f"""株式会社みなと精機
{r.title}　{r.name}様

いつも大変お世話になっております。
中央総合法律事務所の木村でございます。

弊所では、{t.year}年{t.month + 1 if t.month < 12 else 1}月1日以降にご請求する報酬・実費のお振込先を
下記の口座に変更いたします。

　{new}
　口座名義：チユウオウソウゴウホウリツジムシヨ

既にご請求済みの分につきましては、従前の口座へお振込みください。
正式なご案内は書面にて郵送しております。
お電話（{LETTERHEAD[CHUO.domain][1]}）でのご確認も承りますので、お気軽にお申し付けください。

引き続きよろしくお願い申し上げます。

―――――――――――――――――――――――
中央総合法律事務所
弁護士　木村 恵子
{LETTERHEAD[CHUO.domain][0]}
TEL：{LETTERHEAD[CHUO.domain][1]}　FAX：{LETTERHEAD[CHUO.domain][2]}
―――――――――――――――――――――――
本メールは送信者が意図した受信者のみを対象としています。
誤って受信された場合は、お手数ですが送信者にご連絡のうえ削除してください。
"""
    return corr_draft(rng, ("木村 恵子", c.address), [r], subject, plain, t)


# ============================================================================================
# 4. HR and IT notices inside the company


def internal_draft(
    rng: random.Random,
    sender: Person,
    subject: str,
    plain: str,
    t: datetime,
    to: list[Person] | None = None,
    atts: list[Message] = (),
    cc: list[Person] = (),
    client: str = "outlook",
    extra: list[tuple[str, str]] = (),
) -> Draft:
    """Mail from a colleague; without ``to`` it goes to the all-staff list."""
    rcpt = rng.choice(to) if to else rng.choice([p for p in EVERYONE if p != sender])
    route = r_internal(rng, sender.address, rcpt.address, client)
    to_value = (
        addrs([p2t(p) for p in to], "iso-2022-jp", False)
        if to
        else mbox("全社員", ALL_STAFF, "iso-2022-jp", False)
    )
    headers = list(extra)
    if cc:
        headers.insert(0, ("Cc", addrs([p2t(p) for p in cc], "iso-2022-jp", False)))
    body = (
        body_outlook(rng, plain, atts)
        if client == "outlook"
        else body_plain(rng, plain, atts, "iso-2022-jp", "thunderbird")
    )
    return Draft(
        route,
        to_org(sender),
        to_value,
        hdr(subject, "iso-2022-jp", upper=False),
        t,
        rcpt.address,
        body,
        headers,
    )


def reiwa(year: int) -> int:
    return year - 2018


@template("hr-it", "dev", 4)
def hr_nenmatsu(rng: random.Random) -> Draft:
    """HR asks everyone for the year-end tax adjustment forms, My Number included."""
    t = when(rng, "biz", months=(10, 11))
    deadline = next_business_day(t, rng.randrange(8, 14))
    reminder = rng.random() < 0.3
    subject = (
        f"【再送・要提出：{mday(deadline)}】年末調整書類のご提出について"
        if reminder
        else f"【要提出：{mday(deadline)}】年末調整書類のご提出のお願い"
    )
    plain = (
        """全社員各位

人事部の山本です。
"""
        + (
            "先日ご案内した年末調整書類について、まだご提出いただいていない方が\nいらっしゃいます。期限が近づいておりますので、ご対応をお願いします。\n"
            if reminder
            else "今年も年末調整の時期となりました。\n"
        )
        + f"""
下記の書類を{jdate(deadline)}までに人事部へご提出ください。

■提出書類
1. 給与所得者の扶養控除等（異動）申告書（令和{reiwa(t.year) + 1}年分）
2. 給与所得者の基礎控除申告書 兼 配偶者控除等申告書 兼 所得金額調整控除申告書（令和{reiwa(t.year)}年分）
3. 給与所得者の保険料控除申告書（控除証明書の原本を添付してください）
4. 住宅借入金等特別控除申告書（該当者のみ）

■マイナンバー（個人番号）について
扶養控除等申告書には、ご本人および扶養親族のマイナンバーの記載が必要です。
昨年から変更のない方は、欄外の「前年から変更なし」に○をつければ記載は不要です。
マイナンバーを記載した書類は、社内便ではなく人事部へ直接お持ちいただくか、
人事部前の鍵付き提出箱に入れてください。
メールやチャットで送ることは絶対にしないでください。

■用紙・記入例
社内ポータルの「人事・総務」→「年末調整」からダウンロードできます。
https://portal.{ORG_DOMAIN}/hr/nenmatsu/

ご不明な点は人事部（内線214）までお問い合わせください。
よろしくお願いいたします。

--
株式会社みなと精機　人事部
山本 さくら（内線214）
"""
    )
    return internal_draft(rng, YAMAMOTO, subject, plain, t, client="outlook")


@template("hr-it", "dev", 5)
def it_password(rng: random.Random) -> Draft:
    """The IT department's real password-change request, to everyone or to one person."""
    t = when(rng, "biz")
    deadline = next_business_day(t, rng.randrange(5, 12))
    if rng.random() < 0.6:
        subject = f"【情報システム部】パスワード定期変更のお願い（{mday(deadline)}まで）"
        plain = f"""全社員各位

情報システム部の加藤です。
情報セキュリティ規程に基づき、半年に一度のパスワード変更をお願いします。

■対象　　：社内ネットワーク（Windowsログオン）およびメールのパスワード
■期限　　：{jdate(deadline)} 17:00まで
■変更方法：社内ポータルの「パスワード変更」ページから変更してください。
　https://portal.{ORG_DOMAIN}/account/password
　※社内ネットワーク（VPN接続中を含む）からのみアクセスできます。

■パスワードの条件
　・12文字以上
　・英大文字、英小文字、数字、記号のうち3種類以上
　・過去3回分と同じパスワードは使用できません

期限を過ぎるとアカウントがロックされ、ログインできなくなります。
ロックされた場合は情報システム部（内線301）までご連絡ください。

※情報システム部がメールでパスワードをお尋ねすることはありません。
　パスワードの入力を求める不審なメールが届いた場合は、リンクを開かずにご連絡ください。

--
情報システム部　加藤 大輔（内線301）
"""
        return internal_draft(rng, KATO, subject, plain, t, client="thunderbird")
    r = rng.choice([p for p in EVERYONE if p != KATO])
    days = (deadline - t).days
    subject = "【至急】パスワードの有効期限が近づいています"
    plain = f"""{sei(r)}さん

情報システム部の加藤です。
{sei(r)}さんのアカウントのパスワードが、あと{days}日（{jdate(deadline)}）で有効期限切れになります。
期限を過ぎるとPCにログインできなくなりますので、お手数ですが本日中に変更をお願いします。

変更方法は先日の全社メールのとおりです。
https://portal.{ORG_DOMAIN}/account/password

出張中などで社内ネットワークに接続できない場合は、返信か内線でご連絡ください。
こちらで期限を延長します。

--
情報システム部　加藤 大輔（内線301）
"""
    return internal_draft(rng, KATO, subject, plain, t, to=[r], client="thunderbird")


@template("hr-it", "dev", 4)
def hr_smarthr(rng: random.Random) -> Draft:
    """Notifications an HR SaaS sends on the company's behalf (SendGrid, no click tracking)."""
    r = rng.choice(EVERYONE)
    kind = rng.randrange(3)
    t = when(rng, "any", months=(10, 11) if kind == 0 else ())
    esp = esp_sendgrid(rng, "mail.smarthr.jp", r.address)
    tenant = "https://minato-seiki.smarthr.jp"
    if kind == 0:
        subject = f"【{ORG_NAME}】年末調整のアンケートへの回答をお願いします"
        main = (
            f"{ORG_NAME}から、年末調整のアンケートが届いています。\n"
            f"回答期限：{sdate(next_business_day(t, 10))}\n\n以下のURLからSmartHRにログインして、"
            "回答してください。"
        )
        url = f"{tenant}/year_end_adjustments/{uuid4(rng)}/answers/new"
    elif kind == 1:
        prev = t.replace(day=1) - timedelta(days=1)
        subject = f"【{ORG_NAME}】{prev.year}年{prev.month}月分の給与明細が届きました"
        main = (
            f"{ORG_NAME}から、{prev.year}年{prev.month}月分の給与明細が届きました。\n"
            "以下のURLからSmartHRにログインして確認してください。"
        )
        url = f"{tenant}/payslips/{uuid4(rng)}"
    else:
        subject = f"【{ORG_NAME}】従業員情報の更新依頼が届いています"
        main = (
            f"{ORG_NAME} 人事部から、従業員情報（住所・通勤経路）の確認と更新の依頼が届いています。\n"
            "以下のURLからSmartHRにログインして、内容を確認してください。"
        )
        url = f"{tenant}/crew/requests/{uuid4(rng)}"
    plain = f"""{r.name}さん

{main}

{url}

※このメールは送信専用のアドレスから送信しています。ご返信いただいてもお答えできません。
※内容に関するお問い合わせは、{ORG_NAME}の担当者にお問い合わせください。

SmartHR
https://smarthr.jp/
"""
    page = (
        '<div style="max-width:560px;margin:0 '
        'auto;font-family:sans-serif;color:#23221e;font-size:14px;line-height:1.8;">'
        f"<p>{r.name}さん</p><p>{main.replace(chr(10), '<br>')}</p>"
        f'<p><a href="{url}" style="display:inline-block;background:#00c4cc;color:#fff;padding:10px 24px;'
        'border-radius:4px;text-decoration:none;">SmartHRで確認する</a></p><'
        f'p style="font-size:12px;">{url}</p>'
        '<hr><p style="font-size:12px;color:#706d65;">このメールは送信専用のアドレスから送信しています。'
        "<br>SmartHR</p></div>\n"
    )
    body = multi(
        "alternative",
        [text(plain, "utf-8", "base64"), html(page, "utf-8", "base64")],
        boundary(rng, "sendgrid"),
    )
    return Draft(
        esp.route, mbox("SmartHR", "no-reply@mail.smarthr.jp"), r.address, hdr(subject), t, r.address, body
    )


@template("hr-it", "dev", 5)
def hr_kingtime(rng: random.Random) -> Draft:
    """Time-and-attendance notices from the cloud service, and the month-end close from General Affairs."""
    r = rng.choice([p for p in EVERYONE if p != NAKAMURA])
    t = when(rng, "any")
    kind = rng.randrange(3)
    if kind == 2:
        t = when(rng, "biz")
        prev = t.replace(day=1) - timedelta(days=1)
        close = next_business_day(t.replace(day=1), 2)
        subject = f"【勤怠締め】{prev.month}月分勤怠の確定をお願いします（{mday(close)}まで）"
        plain = f"""各位

総務部の中村です。
{prev.month}月分の勤怠締めのご案内です。

{jdate(close)} 12:00までに、KING OF TIMEで以下をご確認ください。
　・打刻漏れ、打刻修正の申請
　・残業、休日出勤、有給休暇の申請
　・所属長の方は部下の申請の承認

締め後の修正は給与計算に間に合わない場合があります。
ご協力よろしくお願いします。

--
総務部　中村 翔（内線201）
"""
        return internal_draft(rng, NAKAMURA, subject, plain, t, client="outlook")
    day = next_business_day(t - timedelta(days=3), 0)
    if kind == 0:
        subject = "【KING OF TIME】打刻漏れのお知らせ"
        main = (
            f"以下の日付で打刻漏れ（{rng.choice(('出勤', '退勤'))}）があります。\n"
            f"　{sdate(day)}（{WEEKDAYS[day.weekday()]}）\n\nKING OF TIMEにログインし、"
            "打刻申請を行ってください。"
        )
    else:
        subject = "【KING OF TIME】申請が承認されました"
        main = (
            "以下の申請が承認されました。\n"
            f"　申請種別：{rng.choice(('残業申請', '有休申請', '打刻申請'))}\n　対象日　：{sdate(day)}\n"
            f"　承認者　：{rng.choice((WATANABE, ITO, TAKAHASHI)).name}"
        )
    plain = f"""{r.name} 様

{main}

https://s2.kingtime.jp/independent/recorder/personal/

※本メールは送信専用です。
※KING OF TIME の操作に関するお問い合わせは、社内のご担当者様にお問い合わせください。
--
KING OF TIME
"""
    host = f"mail{rng.randrange(1, 4)}.kingtime.jp"
    route = r_service(
        rng,
        f"bounce@{host}",
        host,
        ip4(rng, "52.199.11"),
        f"{t:%Y%m%d%H%M%S}.{hexs(rng, 12)}@kingtime.jp",
        [("kingtime.jp", "kot")],
        r.address,
        inner="notice01",
    )
    body = text(plain, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP")
    return Draft(
        route,
        mbox("KING OF TIME", "noreply@kingtime.jp", "iso-2022-jp"),
        r.address,
        hdr(subject, "iso-2022-jp"),
        t,
        r.address,
        body,
    )


@template("hr-it", "test", 4)
def hr_kenshin(rng: random.Random) -> Draft:
    """General Affairs about the annual health check."""
    t = when(rng, "biz", months=(4, 5, 6, 9, 10))
    day = next_business_day(t, rng.randrange(15, 30))
    remind = rng.random() < 0.35
    subject = (
        "【再送】" if remind else "【総務部】"
    ) + f"{t.year}年度 定期健康診断のご案内（{mday(day)}実施）"
    plain = (
        f"""社員各位

総務部の中村です。
{t.year}年度の定期健康診断を下記のとおり実施します。
"""
        + ("問診票の提出がまだの方は、至急ご提出をお願いします。\n" if remind else "")
        + f"""
■日時：{jdate(day)}　9:00〜11:30（部署ごとの時間割は添付のとおり）
■場所：本社駐車場（健診車が来ます）
■内容：身長・体重・視力・聴力・血圧・尿検査・血液検査・胸部X線・心電図
　　　　35歳・40歳以上の方は腹囲測定・胃部X線（バリウム）あり

■注意事項
・前日21時以降は絶食（水・お茶は可）でお願いします。
・問診票は事前に記入し、当日ご持参ください。
・当日受診できない方は、{day.month}月末までに指定医療機関で個別受診してください。
　費用は会社負担です。領収書を総務部へ提出してください。

健康診断の結果は、産業医と総務部の担当者のみが取り扱います。

--
総務部　中村 翔（内線201）
"""
    )
    doc = pdf(
        f"Health check schedule {day:%Y-%m-%d}",
        ["Minato Seiki Co., Ltd.", "General Affairs"],
        "Microsoft Excel for Microsoft 365",
        t,
    )
    atts = (
        []
        if remind
        else [attachment(doc, "application/pdf", f"健康診断_時間割_{day:%m%d}.pdf", "outlook", t)]
    )
    return internal_draft(rng, NAKAMURA, subject, plain, t, atts=atts, client="outlook")


@template("hr-it", "test", 5)
def it_maintenance(rng: random.Random) -> Draft:
    """The IT department announces downtime and changes."""
    t = when(rng, "biz")
    sat = t + timedelta(days=(5 - t.weekday()) % 7 + 7)
    kind = rng.randrange(3)
    if kind == 0:
        subject = f"【情報システム部】基幹システム停止のお知らせ（{mday(sat)}）"
        what = "基幹システム（生産管理・販売管理）のサーバー更新作業"
        effect = (
            "・生産管理システム、販売管理システムにログインできません\n"
            "・作業前日の18時までに入力を完了してください"
        )
    elif kind == 1:
        subject = f"【重要】VPN装置のファームウェア更新に伴う停止（{mday(sat)} 8:00〜12:00）"
        what = "VPN装置の脆弱性対応のためのファームウェア更新"
        effect = "・作業中は社外からVPN接続できません\n・社内のネットワークは通常どおり利用できます"
    else:
        subject = f"【情報システム部】ファイルサーバー移行のお知らせ（{mday(sat)}作業）"
        what = "ファイルサーバー（\\\\fs01）から新サーバー（\\\\fs02）への移行作業"
        effect = (
            "・作業中はファイルサーバーにアクセスできません\n"
            "・週明けからはネットワークドライブ（Sドライブ）の接続先が自動で切り替わります"
        )
    plain = f"""全社員各位

情報システム部の加藤です。
下記のとおり、{what}を実施します。

■日時：{jdate(sat)} 8:00〜17:00（作業終了次第、前倒しで再開します）
■影響：
{effect}

作業の進捗と完了は、社内ポータルのお知らせに掲載します。
https://portal.{ORG_DOMAIN}/it/info/

ご不便をおかけしますが、ご協力をお願いします。

--
情報システム部　加藤 大輔（内線301）
"""
    return internal_draft(rng, KATO, subject, plain, t, client="thunderbird")


@template("hr-it", "test", 4)
def hr_survey(rng: random.Random) -> Draft:
    """An internal survey through an online form."""
    t = when(rng, "biz")
    deadline = next_business_day(t, 7)
    sender, subject, what = rng.choice(
        (
            (YAMAMOTO, "【ご協力のお願い】従業員満足度アンケート（匿名・約5分）", "従業員満足度アンケート"),
            (NAKAMURA, "【総務部】社員旅行の行き先アンケート", "社員旅行の行き先と日程の希望アンケート"),
            (
                NAKAMURA,
                "【総務部】食堂・自販機に関するアンケートのお願い",
                "社員食堂と自販機のメニューに関するアンケート",
            ),
        )
    )
    form = f"https://forms.gle/{rs(rng, 17)}"
    plain = f"""社員各位

{sender.title}の{sei(sender)}です。
{what}を実施します。
お忙しいところ恐縮ですが、{jdate(deadline)}までにご回答をお願いします。

▼回答はこちら（スマートフォンからも回答できます）
{form}

・回答は匿名で集計し、個人が特定される形で公開することはありません。
・Googleアカウントへのログインは不要です。

ご協力よろしくお願いします。

--
{sender.title}　{sender.name}
"""
    return internal_draft(rng, sender, subject, plain, t, client="outlook")


@template("hr-it", "test", 5)
def hr_jinjer(rng: random.Random) -> Draft:
    """Expense-claim workflow notices from an HR/expense SaaS (Amazon SES)."""
    r = rng.choice(EVERYONE)
    t = when(rng, "any")
    esp = esp_ses(rng, "jinjer.biz", r.address, t, f"https://jinjer.biz/mail/unsubscribe?t={hexs(rng, 24)}")
    kind = rng.randrange(3)
    appl = rng.choice(EVERYONE)
    amount = rng.randrange(800, 90000)
    no = f"EX-{t:%Y%m}-{rng.randrange(1, 999):04d}"
    if kind == 0:
        subject = "【jinjer経費】承認依頼が届いています"
        main = f"{appl.name}さんから経費申請の承認依頼が届いています。"
    elif kind == 1:
        subject = "【jinjer経費】申請が差し戻されました"
        main = f"経費申請が差し戻されました。\n差し戻し理由：{rng.choice(JINJER_REASONS)}"
    else:
        subject = "【jinjer経費】経費申請が承認されました"
        main = "経費申請が承認されました。精算額は次回の給与振込時に合わせてお振込みします。"
    url = f"https://kintai.jinjer.biz/expense/requests/{rng.randrange(100000, 999999)}"
    plain = f"""{r.name} 様

{main}

申請番号：{no}
申請者　：{appl.name}
金額　　：{yen(amount)}円

以下のURLから内容をご確認ください。
{url}

※このメールはシステムより自動送信されています。
━━━━━━━━━━━━━━━━━━━━
jinjer株式会社
https://jinjer.co.jp/
━━━━━━━━━━━━━━━━━━━━
"""
    page = (
        f'<table width="100%" cellpadding="0" cellspacing="0"><tr><td style="padding:20px;font-size:14px;">'
        f"<p>{r.name} 様</p><p>{main.replace(chr(10), '<br>')}</p>"
        '<table border="1" cellpadding="6" style="border-collapse:collapse;"><tr><th>申請番号</th><'
        f"td>{no}</td></tr>"
        f"<tr><th>申請者</th><td>{appl.name}</td></tr><tr><th>金額</th><td>{yen(amount)}円</td></tr></table>"
        f'<p><a href="{url}">{url}</a></p><'
        'p style="font-size:12px;color:#888;">このメールはシステムより自動送信されています。</p>'
        "</td></tr></table>\n"
    )
    body = multi(
        "alternative", [text(plain, "utf-8", "base64"), html(page, "utf-8", "base64")], boundary(rng, "java")
    )
    return Draft(
        esp.route, mbox("jinjer", "no-reply@jinjer.biz"), r.address, hdr(subject), t, r.address, body
    )


# ============================================================================================
# 5. shipping notices and order confirmations


def _svc(
    rng: random.Random,
    t: datetime,
    rcpt: Person,
    sender: tuple[str, str],
    subject: str,
    body: Message,
    route: Route,
    charset: str = "utf-8",
    named_to: bool = False,
    extra: list[tuple[str, str]] = (),
) -> Draft:
    to = mbox(rcpt.name + " 様", rcpt.address, charset) if named_to else rcpt.address
    return Draft(route, mbox(*sender, charset), to, hdr(subject, charset), t, rcpt.address, body, list(extra))


def waybill(rng: random.Random, sep: str = "-") -> str:
    n = num(rng, 12)
    return sep.join((n[:4], n[4:8], n[8:])) if sep else n


SHIPPERS = (
    "アスクル株式会社",
    "株式会社MonotaRO",
    "大和商事株式会社",
    "株式会社ミスミ",
    "千代田印刷株式会社",
    "東洋電機株式会社",
)


@template("shipping", "dev", 6)
def ship_yamato(rng: random.Random) -> Draft:
    """A carrier's delivery-schedule and missed-delivery mails (text, ISO-2022-JP)."""
    r = rng.choice((NAKAMURA, NAKAMURA, YOSHIDA, KOBAYASHI))
    t = when(rng, "any")
    no = waybill(rng)
    day = t + timedelta(days=rng.choice((0, 1, 1, 2)))
    band = rng.choice(("午前中", "14時〜16時", "16時〜18時", "18時〜20時", "指定なし"))
    jid = hexs(rng, 32)
    if rng.random() < 0.7:
        subject = "お届け予定eメール"
        main = f"""ヤマト運輸です。
{r.name}様宛にお荷物のお届け予定をお知らせします。

■お届け予定日時
　{day.month}月{day.day}日（{WEEKDAYS[day.weekday()]}）　{band}
■伝票番号
　{no}
■ご依頼主
　{rng.choice(SHIPPERS)}　様
■品名
　{rng.choice(("事務用品", "工具", "部品", "印刷物", "精密機器"))}

▼お受け取り日時・場所の変更はこちら
https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id={jid}"""
    else:
        subject = "【ヤマト運輸】ご不在連絡"
        main = f"""ヤマト運輸です。
{t.month}月{t.day}日 {t.hour}時{t.minute:02d}分にお荷物をお届けにあがりましたが、
ご不在でしたので持ち帰りました。

■伝票番号
　{no}
■ご依頼主
　{rng.choice(SHIPPERS)}　様

▼再配達のご依頼はこちら
https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id={jid}

お電話でのご依頼は、担当ドライバーまたは営業所までお願いします。"""
    plain = f"""{main}

※このメールは送信専用です。ご返信いただいてもお答えできません。
※本メールはクロネコメンバーズにご登録いただいたメールアドレスにお送りしています。
※ヤマト運輸が、SMSやメールで送り状番号の確認や料金の支払いを
　お願いすることはありません。

ヤマト運輸株式会社
https://www.kuronekoyamato.co.jp/
"""
    host = f"mail{rng.randrange(1, 9):02d}.kuronekoyamato.co.jp"
    route = r_service(
        rng,
        f"mail-bounce@{host}",
        host,
        ip4(rng, "210.148.128"),
        f"{t:%Y%m%d%H%M%S}{num(rng, 6)}.{hexs(rng, 8)}@kuronekoyamato.co.jp",
        [("kuronekoyamato.co.jp", "ymt2023")],
        r.address,
        inner="jizen-ap03",
    )
    body = text(plain, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP")
    return _svc(rng, t, r, ("ヤマト運輸", "mail@kuronekoyamato.co.jp"), subject, body, route, "iso-2022-jp")


@template("shipping", "dev", 4)
def ship_sagawa(rng: random.Random) -> Draft:
    """Another carrier's delivery notice (UTF-8 text)."""
    r = rng.choice((NAKAMURA, YOSHIDA, KATO))
    t = when(rng, "any")
    no = num(rng, 12)
    day = t + timedelta(days=1)
    subject = "【佐川急便】お荷物お届けのお知らせ"
    plain = f"""{ORG_NAME} {r.name} 様

いつも佐川急便をご利用いただきありがとうございます。
以下のお荷物をお届けする予定です。

お問い合せ送り状No.：{no[:4]}-{no[4:8]}-{no[8:]}
お届け予定日：{sdate(day)}（{WEEKDAYS[day.weekday()]}）
お届け予定時間帯：{rng.choice(("午前中", "12時〜14時", "14時〜16時", "16時〜18時"))}
荷送人：{rng.choice(SHIPPERS)} 様
個数：{rng.randrange(1, 6)}個

お荷物の配達状況は下記からご確認いただけます。
https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo={no}

お届け日時の変更をご希望の場合は、上記ページの「お届け予定日時を変更する」からお手続きください。

※本メールは配信専用です。ご返信いただいてもご回答できませんのでご了承ください。
※佐川急便を装った迷惑メールにご注意ください。

佐川急便株式会社
https://www.sagawa-exp.co.jp/
"""
    host = f"smtp{rng.randrange(1, 6)}.sagawa-exp.co.jp"
    route = r_service(
        rng,
        f"info-bounce@{host}",
        host,
        ip4(rng, "202.241.206"),
        f"{uuid4(rng)}@sagawa-exp.co.jp",
        [("sagawa-exp.co.jp", "sgw1")],
        r.address,
    )
    body = text(plain, "shift_jis", "base64", ctype="text/plain; charset=Shift_JIS")
    sender = ("佐川急便株式会社", "info@ds.sagawa-exp.co.jp")
    return _svc(rng, t, r, sender, subject, body, route, "shift_jis")


def _amazon_link(rng: random.Random, target: str, ref: str) -> str:
    return (
        f"https://www.amazon.co.jp/gp/f.html?C={rs(rng, 13, string.ascii_uppercase + string.digits)}"
        f"&K={rs(rng, 13, string.ascii_uppercase + string.digits)}&"
        f"M=urn:rtn:msg:{rng.randrange(20250101, 20260330)}"
        f"{num(rng, 6)}{hexs(rng, 24)}&R={rs(rng, 13, string.ascii_uppercase + string.digits)}&T=C"
        f"&U={quote(target, safe='')}&H={rs(rng, 30, string.ascii_uppercase + string.digits)}&ref_={ref}"
    )


@template("shipping", "dev", 5)
def ship_amazon(rng: random.Random) -> Draft:
    """Order and shipment confirmations from a large web shop's business store (HTML and text)."""
    r = rng.choice((NAKAMURA, NAKAMURA, KATO, YOSHIDA))
    t = when(rng, "any")
    order = f"{rng.choice(('249', '250', '503'))}-{num(rng, 7)}-{num(rng, 7)}"
    items = rng.sample(
        [
            ("エレコム USBケーブル Type-C 1.0m ブラック", 980),
            ("キヤノン 純正トナーカートリッジ 057", 14800),
            ("パナソニック エボルタネオ 単3形 20本パック", 1680),
            ("サンワサプライ LANケーブル CAT6A 5m", 1210),
            ("ロジクール ワイヤレスマウス M650", 3980),
            ("コクヨ キャンパスノート B5 10冊パック", 1580),
            ("ブラザー ラベルテープ 12mm 白/黒文字", 1890),
        ],
        rng.randrange(1, 4),
    )
    total = sum(p for _, p in items)
    shipped = rng.random() < 0.5
    day = t + timedelta(days=rng.choice((1, 1, 2, 3)))
    details = _amazon_link(
        rng, f"https://www.amazon.co.jp/gp/css/order-details?orderID={order}", "pe_ab_conf"
    )
    if shipped:
        subject = (
            f"発送済み：「{items[0][0][:26]}...」"
            if len(items) > 1 or len(items[0][0]) > 26
            else f"発送済み：「{items[0][0]}」"
        )
        sender = ("Amazonビジネス", "shipment-tracking@amazon.co.jp")
        head = (
            "お客様の商品は発送されました。"
            f"お届け予定日：{day.month}月{day.day}日 {WEEKDAYS[day.weekday()]}曜日"
        )
    else:
        subject = f"Amazonビジネスでのご注文 #{order}"
        sender = ("Amazonビジネス", "auto-confirm@amazon.co.jp")
        head = (
            "ご注文ありがとうございます。"
            f"お届け予定日：{day.month}月{day.day}日 {WEEKDAYS[day.weekday()]}曜日"
        )
    rows = "".join(
        '<tr><td style="padding:8px 0;border-bottom:1px solid '
        f'#eee;">{a(_amazon_link(rng, _asin_url(rng), "pe_ab_item"), escape(n), LINK_BLUE)}'
        '<br><span style="color:#555;">数量：1</span></td><'
        f'td align="right" style="padding:8px 0;border-bottom:1px solid #eee;">￥{yen(p)}</td></tr>'
        for n, p in items
    )
    logo = "https://m.media-amazon.com/images/G/09/x-locale/cs/te/ab_logo_ja.png"
    opened = (
        f"https://www.amazon.co.jp/gp/r.html?C={rs(rng, 13, string.ascii_uppercase + string.digits)}"
        f"&M=urn:rtn:msg:{hexs(rng, 24)}&R={rs(rng, 13, string.ascii_uppercase)}&T=O"
        "&U=https%3A%2F%2Fimages-fe.ssl-images-amazon.com%2Fimages%2FG%2F09%2Fspacer.gif"
    )
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>
<body style="margin:0;background:#ffffff;font-family:Arial,'Hiragino Kaku Gothic ProN',Meiryo,sans-serif;">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="640" cellpadding="0" cellspacing="0">
<tr><td style="padding:14px 0;"><img src="{logo}" alt="amazon business" height="30"></td>
<td align="right" style="font-size:12px;">{"発送のお知らせ" if shipped else "注文確認"}<br>
注文番号 {a(details, order, "color:#0066c0;")}</td></tr>
<tr><td colspan="2" style="padding:8px 0;font-size:18px;color:#c45500;">{escape(r.name)} 様</td></tr>
<tr><td colspan="2" style="padding:4px 0 12px;font-size:14px;">{head}</td></tr>
<tr><td colspan="2" style="padding:8px 0;">{a(details, "注文の詳細を表示", BUTTON_YELLOW)}</td></tr>
<tr><td colspan="2"><table width="100%" cellpadding="0" cellspacing="0">{rows}
<tr><td style="padding:8px 0;font-weight:bold;">注文合計（税込）
</td><td align="right" style="padding:8px 0;font-weight:bold;">￥{yen(total)}</td></tr></table></td></tr>
<tr><td colspan="2" style="padding:16px 0;font-size:11px;color:#555;">お支払い方法：
請求書払い（月末締め翌月末払い）<br>
このEメールアドレスは配信専用です。このメッセージに返信しないようお願いいたします。<br>
©{t.year} Amazon.com, Inc. or its affiliates. Amazon、
Amazon.co.jpおよびそれらのロゴはAmazon.com, Inc.またはその関連会社の商標です。<br>
アマゾンジャパン合同会社 〒153-0064 東京都目黒区下目黒1-8-1</td></tr>
</table></td></tr></table>
<img width="1" height="1" src="{escape(opened)}">
</body></html>
"""
    plain = (
        f"""Amazonビジネス
{"発送のお知らせ" if shipped else "ご注文の確認"}
注文番号 {order}

{r.name} 様

{head}

注文の詳細を表示
https://www.amazon.co.jp/gp/css/order-details?orderID={order}

"""
        + "\n".join(f"{n}\n数量：1\n￥{yen(p)}\n" for n, p in items)
        + f"""
注文合計（税込）：￥{yen(total)}

このEメールアドレスは配信専用です。このメッセージに返信しないようお願いいたします。
©{t.year} Amazon.com, Inc. or its affiliates.
"""
    )
    mid = ses_id(rng, "0101")
    a_, b_ = rng.randrange(1, 40), rng.randrange(1, 254)
    host = f"a{a_}-{b_}.smtp-out.us-west-2.amazonses.com"
    route = Route(
        return_path=f"{t.astimezone(UTC):%Y%m%d%H%M%S}{hexs(rng, 32)}@bounces.amazon.co.jp",
        msgid=f"{mid}@us-west-2.amazonses.com",
        mx=(host, host, f"54.240.{a_}.{b_}"),
        dkim=[
            ("amazon.co.jp", "rjs3bjxmuyq5m5dpbp6hxthhcrxyrvub", "pass"),
            ("amazonses.com", "hsbnp7p3ensaochzwyq5wwmceodymuwv", "pass"),
        ],
        headers=[
            ("Feedback-ID", f"::1.us-west-2.{rs(rng, 43, ALNUM + '+/')}=:AmazonSES"),
            ("X-SES-Outgoing", f"{t.astimezone(UTC):%Y.%m.%d}-54.240.{a_}.{b_}"),
            ("X-AMAZON-MAIL-RELAY-TYPE", "notification"),
            ("Bounces-to", f"{t.astimezone(UTC):%Y%m%d%H%M%S}{hexs(rng, 32)}@bounces.amazon.co.jp"),
            (
                "X-AMAZON-METADATA",
                f"CA={rs(rng, 20, UPPER)}-CU={rs(rng, 14, UPPER)}",
            ),
            (
                "X-Original-MessageID",
                f"<urn.rtn.msg.{t.astimezone(UTC):%Y%m%d%H%M%S}{hexs(rng, 24)}@{num(rng, 13)}"
                f".{hexs(rng, 8)}>",
            ),
        ],
    )
    body = multi(
        "alternative",
        [
            text(plain, "utf-8", "quoted-printable", ctype="text/plain; charset=UTF-8"),
            html(page, "utf-8", "quoted-printable", ctype="text/html; charset=UTF-8"),
        ],
        boundary(rng, "java"),
    )
    return _svc(rng, t, r, sender, subject, body, route, named_to=False)


@template("shipping", "dev", 3)
def ship_hokuto_dispatch(rng: random.Random) -> Draft:
    """The carrier's dispatcher confirms a truck for an outgoing shipment."""
    r = rng.choice((YOSHIDA, YOSHIDA, NAKAMURA))
    t = when(rng, "biz")
    day = next_business_day(t, 1)
    truck = rng.choice(
        ("4tウイング車", "2t平ボディ（パワーゲート付）", "10tウイング車", "軽バン（チャーター）")
    )
    dest = rng.choice(
        ("東洋電機株式会社 相模原工場", "大和商事株式会社 川口倉庫", "株式会社サンエイ工業 厚木事業所")
    )
    subject = f"{day.month}/{day.day}積込分 配車確定のご連絡"
    plain = f"""株式会社みなと精機
{r.title}　{r.name}様

いつもお世話になっております。
北斗運輸の林です。

ご依頼いただいた{jdate(day)}積込分の配車が確定しましたので、ご連絡いたします。

　積込日時：{jdate(day)} {rng.choice(("8:30", "9:00", "13:00", "14:00"))}
　車両　　：{truck}
　乗務員　：{rng.choice(("佐野", "大塚", "小川", "荒木"))}（携帯 090-{num(rng, 4)}-{num(rng, 4)}）
　納品先　：{dest}
　納品予定：{jdate(next_business_day(day, rng.choice((0, 1))))} 午前中

変更がございましたら、前日の15時までにご連絡ください。
よろしくお願いいたします。

{SIG_DASH}
北斗運輸株式会社　配車係
林 健太
TEL：{LETTERHEAD[HOKUTO.domain][1]}　FAX：{LETTERHEAD[HOKUTO.domain][2]}
"""
    return corr_draft(rng, ("林 健太", HOKUTO.contact.address), [r], subject, plain, t)


@template("shipping", "test", 5)
def ship_japanpost(rng: random.Random) -> Draft:
    """The postal service's delivery notices, including a genuine missed-delivery one."""
    r = rng.choice((NAKAMURA, NAKAMURA, YAMAMOTO, ITO))
    t = when(rng, "any")
    no = waybill(rng)
    bare = no.replace("-", "")
    track = f"https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={bare}&searchKind=S002&locale=ja"
    if rng.random() < 0.6:
        day = t + timedelta(days=1)
        subject = "【日本郵便】ゆうパックお届け予定のお知らせ"
        main = f"""以下のゆうパックを{mday(day)}に
お届けする予定です。

お問い合わせ番号：{no}
差出人：{rng.choice(SHIPPERS)} 様
お届け予定時間帯：{rng.choice(("午前中", "12時頃〜14時頃", "14時頃〜16時頃", "19時頃〜21時頃"))}

配達状況の確認・お届け日時の変更は、こちらからお手続きください。
{track}"""
    else:
        subject = f"【日本郵便】ご不在のため持ち戻りました（お問い合わせ番号：{no}）"
        main = f"""{t.month}月{t.day}日にお荷物をお届けしましたが、ご不在のため持ち戻りました。

お問い合わせ番号：{no}
保管期限：{sdate(t + timedelta(days=7))}

再配達のお申し込みは、こちらからお手続きください。
https://trackings.post.japanpost.jp/delivery/deli/
配達状況の確認はこちら
{track}"""
    plain = f"""{r.name} 様

日本郵便です。
{main}

※このメールは、e-お知らせにご登録いただいた方にお送りしています。
※このメールアドレスは送信専用です。返信はできません。
※日本郵便が、SMSやメールでクレジットカード情報や手数料の支払いを求めることはありません。

日本郵便株式会社
https://www.post.japanpost.jp/
"""
    host = f"mta{rng.randrange(1, 8)}.post.japanpost.jp"
    route = r_service(
        rng,
        "noreply-bounce@post.japanpost.jp",
        host,
        ip4(rng, "210.131.208"),
        f"{uuid4(rng)}@post.japanpost.jp",
        [("post.japanpost.jp", "jp2024")],
        r.address,
        inner="eoshirase-ap02",
    )
    body = text(plain, "utf-8", "quoted-printable", ctype="text/plain; charset=UTF-8")
    return _svc(rng, t, r, ("日本郵便", "noreply@post.japanpost.jp"), subject, body, route)


@template("shipping", "test", 5)
def ship_askul(rng: random.Random) -> Draft:
    """An office-supplies dealer's order and shipping mails (HTML and text)."""
    r = rng.choice((NAKAMURA, NAKAMURA, KOBAYASHI))
    t = when(rng, "biz")
    order = f"{rng.choice('ABCDEFGH')}{num(rng, 8)}"
    items = rng.sample(
        [
            ("アスクル コピーペーパー A4 1箱（5000枚：500枚×10冊）", 2980),
            ("アスクル 再生トイレットペーパー シングル 1箱（60ロール）", 3490),
            ("ゴミ袋 45L 半透明 1パック（100枚）", 980),
            ("伊藤園 おーいお茶 緑茶 525ml 1箱（24本）", 2780),
            ("プラス ホッチキス針 No.10 1箱（20個）", 1540),
            ("ニトリル手袋 パウダーフリー Mサイズ 1箱（100枚）", 720),
        ],
        rng.randrange(2, 5),
    )
    total = sum(p for _, p in items)
    shipped = rng.random() < 0.5
    day = next_business_day(t, 1)
    subject = (
        f"【アスクル】商品を出荷しました（ご注文番号：{order}）"
        if shipped
        else f"【アスクル】ご注文ありがとうございます（ご注文番号：{order}）"
    )
    lead = (
        f"ご注文の商品を出荷いたしました。お届け予定日：{sdate(day)}"
        if shipped
        else f"ご注文を承りました。お届け予定日：{sdate(day)}"
    )
    url = f"https://www.askul.co.jp/order/history/detail?orderNo={order}"
    plain = (
        f"""{ORG_NAME}
{r.name} 様

アスクルをご利用いただき、ありがとうございます。
{lead}

■ご注文番号：{order}
■ご注文内容
"""
        + "\n".join(f"・{n}　{yen(p)}円" for n, p in items)
        + f"""
■合計（税込）：{yen(total)}円
"""
        + (f"■配送業者：ヤマト運輸　伝票番号：{waybill(rng)}\n" if shipped else "")
        + f"""
ご注文履歴はこちら
{url}

※本メールは送信専用です。お問い合わせはアスクルお客様サービスまでお願いします。
アスクル株式会社
https://www.askul.co.jp/
"""
    )
    rows = "".join(
        f'<tr><td style="padding:6px;border-bottom:1px solid #ddd;">{n}</td><'
        f'td align="right" style="padding:6px;border-bottom:1px solid #ddd;">{yen(p)}円</td></tr>'
        for n, p in items
    )
    page = f"""<html><head><meta charset="UTF-8"></head>
<body style="font-family:sans-serif;font-size:14px;color:#333;">
<table width="600" align="center" cellpadding="0" cellspacing="0">
<tr><td style="border-bottom:3px solid #e60012;padding:10px 0;">
<img src="https://www.askul.co.jp/img/mail/logo.png" alt="ASKUL" height="28"></td></tr>
<tr><td style="padding:16px 0;">{ORG_NAME}<br>{r.name} 様<br><br>{lead}</td></tr>
<tr><td><table width="100%" cellpadding="0" cellspacing="0">{rows}<tr>
<td style="padding:6px;font-weight:bold;">合計（税込）
</td><td align="right" style="padding:6px;font-weight:bold;">{yen(total)}円</td></tr></table></td></tr>
<tr><td style="padding:16px 0;">{a(url, "ご注文履歴を確認する")}<br>
<span style="font-size:12px;">{url}</span></td></tr>
<tr><td style="padding:10px 0;font-size:11px;color:#777;">本メールは送信専用です。
<br>アスクル株式会社</td></tr>
</table></body></html>
"""
    host = f"omta{rng.randrange(1, 9):02d}.askul.co.jp"
    route = r_service(
        rng,
        "order-bounce@mail.askul.co.jp",
        host,
        ip4(rng, "202.32.170"),
        f"{t:%Y%m%d%H%M%S}.{order}.{num(rng, 5)}@askul.co.jp",
        [("askul.co.jp", "askul1")],
        r.address,
        inner="ordermail-ap01",
    )
    body = multi(
        "alternative", [text(plain, "utf-8", "base64"), html(page, "utf-8", "base64")], boundary(rng, "java")
    )
    return _svc(rng, t, r, ("ASKUL", "order@askul.co.jp"), subject, body, route)


@template("shipping", "test", 4)
def ship_monotaro(rng: random.Random) -> Draft:
    """An industrial-supplies web shop's order confirmation (Shift_JIS text)."""
    r = rng.choice((YOSHIDA, NAKAMURA, WATANABE))
    t = when(rng, "any")
    order = num(rng, 9)
    items = rng.sample(
        [
            ("超硬スクエアエンドミル 2枚刃 φ6", 3280),
            ("ウエス 白メリヤス 5kg", 2590),
            ("保護メガネ 一眼型 クリア", 498),
            ("切削油 水溶性 18L", 12800),
            ("ノギス デジタル 150mm", 4980),
            ("マイクロメーター 0〜25mm", 8900),
            ("ニトリル手袋 Lサイズ 100枚", 690),
        ],
        rng.randrange(2, 5),
    )
    total = sum(p for _, p in items)
    subject = f"【モノタロウ】ご注文確認（注文番号：{order}）"
    plain = (
        f"""{ORG_NAME}
{r.name} 様

この度はモノタロウをご利用いただき誠にありがとうございます。
下記の内容でご注文を承りました。

━━━━━━━━━━━━━━━━━━━━━━━━
■注文番号：{order}
■注文日時：{t:%Y/%m/%d %H:%M}
■お支払方法：請求書払い
━━━━━━━━━━━━━━━━━━━━━━━━
"""
        + "\n".join(f"{n}\n　数量：1　単価：{yen(p)}円" for n, p in items)
        + f"""
━━━━━━━━━━━━━━━━━━━━━━━━
商品合計（税抜）：{yen(total)}円
送料　　　　　　：0円
━━━━━━━━━━━━━━━━━━━━━━━━

出荷予定日は、注文履歴からご確認いただけます。
https://www.monotaro.com/monotaroMain.py?func=monotaro.userInfo.orderHistory.showListServlet.ShowListServlet

※本メールは送信専用アドレスより配信しております。
株式会社MonotaRO
https://www.monotaro.com/
"""
    )
    host = f"mail{rng.randrange(1, 6)}.monotaro.com"
    route = r_service(
        rng,
        f"bounce-{num(rng, 8)}@mail.monotaro.com",
        host,
        ip4(rng, "203.138.161"),
        f"{t:%Y%m%d%H%M%S}.{order}@monotaro.com",
        [("monotaro.com", "mono")],
        r.address,
        inner="ordermail02",
    )
    body = text(plain, "shift_jis", "8bit", ctype="text/plain; charset=Shift_JIS")
    return _svc(rng, t, r, ("モノタロウ", "info@monotaro.com"), subject, body, route, "shift_jis")


@template("shipping", "test", 4)
def ship_misumi(rng: random.Random) -> Draft:
    """A machine-parts supplier's shipping notice (HTML and text)."""
    r = rng.choice((YOSHIDA, WATANABE))
    t = when(rng, "biz")
    so = f"S{num(rng, 9)}"
    parts = rng.sample(
        [
            ("六角穴付きボルト CBE6-20", 20, 12),
            ("位置決めピン MSTH6-20", 10, 186),
            ("リニアブッシュ LMU10", 4, 1420),
            ("シャフト PSFJ10-150", 4, 980),
            ("タイミングプーリ HTPA22S3M100-A-H8", 2, 2350),
            ("平行ピン MS6-20", 20, 38),
        ],
        3,
    )
    total = sum(q * p for _, q, p in parts)
    subject = f"【MISUMI】出荷のご案内（受注番号：{so}）"
    url = f"https://jp.misumi-ec.com/mypage/order/detail/?orderNo={so}"
    plain = (
        f"""{ORG_NAME}
{r.name} 様

いつもミスミをご利用いただき、ありがとうございます。
ご注文いただいた商品を本日出荷いたしました。

受注番号：{so}
配送業者：佐川急便　送り状番号：{num(rng, 12)}
"""
        + "\n".join(f"・{n}　数量 {q}　{yen(q * p)}円" for n, q, p in parts)
        + f"""
合計金額（税抜）：{yen(total)}円

ご注文の詳細はWOSのご注文履歴からご確認ください。
{url}

──────────────────────
株式会社ミスミ
https://jp.misumi-ec.com/
──────────────────────
"""
    )
    rows = "".join(
        f'<tr><td>{n}</td><td align="right">{q}</td><td align="right">{yen(q * p)}円</td></tr>'
        for n, q, p in parts
    )
    page = (
        '<html><body style="font-family:Meiryo,sans-serif;font-size:13px;">'
        f"<p>{ORG_NAME}<br>{r.name} 様</p><p>ご注文いただいた商品を本日出荷いたしました。</p>"
        f'<table border="1" cellspacing="0" cellpadding="4">{rows}</table>'
        f"<p>合計金額（税抜）：{yen(total)}円</p><p>{a(url, 'ご注文履歴を見る')}</p>"
        '<p style="color:#888;font-size:11px;">株式会社ミスミ</p></body></html>\n'
    )
    host = f"mo{rng.randrange(1, 5)}.misumi-ec.com"
    route = r_service(
        rng,
        "bounce@mail.misumi-ec.com",
        host,
        ip4(rng, "122.249.213"),
        f"{uuid4(rng)}@misumi-ec.com",
        [("misumi-ec.com", "ms2025")],
        r.address,
    )
    body = multi(
        "alternative", [text(plain, "utf-8", "base64"), html(page, "utf-8", "base64")], boundary(rng, "php")
    )
    return _svc(rng, t, r, ("MISUMI", "info@misumi-ec.com"), subject, body, route)


# ============================================================================================
# 6. security newsletters and awareness mail that quote lures


@template("security-bulletin", "dev", 3)
def sec_ipa(rng: random.Random) -> Draft:
    """A public agency's mail news quoting the lure phrases it warns about."""
    r = rng.choice((KATO, KATO, KATO, TAKAHASHI))
    t = when(rng, "biz")
    no = 900 + (t - START).days // 14
    lures = rng.sample(
        [
            "【重要】お客様のアカウントを一時停止しました",
            "【緊急】24時間以内に本人確認を完了してください",
            "お支払い方法の更新が必要です",
            "お荷物のお届けにあがりましたが不在のため持ち帰りました",
            "【要対応】Microsoft 365 パスワードの有効期限が切れます",
            "【ETC利用照会サービス】退会手続き完了のお知らせ",
            "ご利用料金のお支払い確認ができておりません",
        ],
        4,
    )
    subject = f"【IPAメールニュース】第{no}号"
    plain = (
        f"""━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　IPAメールニュース　第{no}号　　　　　　　　{t.year}.{t.month}.{t.day}
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
■目次
1. 【注意喚起】「アカウントが停止されました」等のメールに注意
2. 【公開】中小企業の情報セキュリティ対策ガイドライン 関連資料
3. 【募集】情報セキュリティ・セミナー（オンライン）

───────────────────────────────────
1. 【注意喚起】「アカウントが停止されました」等のメールに注意
───────────────────────────────────
　ネット通販事業者、クレジットカード会社、宅配事業者などをかたり、
　「アカウントが停止されました」「本人確認が必要です」といった文言で
　偽のログインページへ誘導するメールについての相談が続いています。

　＜相談の多い件名の例＞
"""
        + "\n".join(f"　・{x}" for x in lures)
        + f"""

　メールやSMSに記載されたリンクからログインしたり、カード情報を
　入力したりしないでください。公式アプリやブックマークから確認してください。
　https://www.ipa.go.jp/security/anshin/attention/{t.year}/mgdayori{t:%Y%m%d}.html

───────────────────────────────────
2. 【公開】中小企業の情報セキュリティ対策ガイドライン 関連資料
───────────────────────────────────
　https://www.ipa.go.jp/security/guide/sme/about.html

───────────────────────────────────
3. 【募集】情報セキュリティ・セミナー（オンライン）
───────────────────────────────────
　https://www.ipa.go.jp/security/seminar/

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
※本メールは、IPAメールニュースに登録された方にお送りしています。
※配信の停止・登録内容の変更
　https://www.ipa.go.jp/mailnews/
発行：独立行政法人情報処理推進機構（IPA）
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
"""
    )
    host = f"mail{rng.randrange(1, 4)}.ipa.go.jp"
    route = r_service(
        rng,
        "mailnews-bounce@ipa.go.jp",
        host,
        ip4(rng, "202.229.26"),
        f"{t:%Y%m%d%H%M%S}.{num(rng, 6)}@ipa.go.jp",
        [("ipa.go.jp", "ipa2024")],
        r.address,
        inner="mlsv01.ipa.go.jp",
    )
    body = text(plain, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP")
    return _svc(
        rng,
        t,
        r,
        ("IPAメールニュース", "mailnews@ipa.go.jp"),
        subject,
        body,
        route,
        "iso-2022-jp",
        extra=[("Precedence", "bulk"), ("List-Unsubscribe", "<https://www.ipa.go.jp/mailnews/>")],
    )


@template("security-bulletin", "dev", 4)
def sec_jpcert_weekly(rng: random.Random) -> Draft:
    """A CSIRT's PGP-signed weekly report."""
    r = KATO if rng.random() < 0.8 else WATANABE
    t = when(rng, "biz").replace(hour=rng.choice((10, 11, 14)))
    wk = t - timedelta(days=t.weekday()) + timedelta(days=2)
    prods = rng.sample(
        [
            "Microsoft 製品の複数の脆弱性に対するアップデート",
            "Google Chrome に複数の脆弱性",
            "Mozilla Firefox に複数の脆弱性",
            "複数のApple製品に脆弱性",
            "Adobe Acrobat および Reader に脆弱性",
            "複数のVPN製品における認証回避の脆弱性",
            "Oracle 製品のクリティカルパッチアップデート",
            "WordPress 用プラグインに複数の脆弱性",
        ],
        4,
    )
    tips = rng.choice(
        (
            "業務メールを装ったマルウェア感染に注意",
            "取引先を装った振込先変更の依頼に注意",
            "サポート詐欺の偽警告画面に注意",
        )
    )
    body_txt = (
        f"""==================================================================
JPCERT-WR-{wk:%Y}-{rng.randrange(100, 5000):04d}
JPCERT/CC
{wk:%Y-%m-%d}

<<< JPCERT/CC WEEKLY REPORT {wk:%Y-%m-%d} >>>
==================================================================

■今週のトピックス
"""
        + "\n".join(f"【{i}】{p}" for i, p in enumerate(prods, 1))
        + f"""
【{len(prods) + 1}】早期警戒情報：{tips}

――――――――――――――――――――――――――――――――――
※紹介する内容は掲載時点のものです。詳細は各ベンダの情報をご確認ください。
※詳細はこちら
https://www.jpcert.or.jp/wr/{wk:%Y}/wr{wk:%y%m%d}.html
――――――――――――――――――――――――――――――――――

■今週のひとくちメモ
「{tips}」
　実在する取引先や上司をかたり、至急の対応を求めるメールが確認されています。
　「至急」「本日中に」などの表現があっても、いつもの連絡手段で事実を確認してください。

==================================================================
本文書は、JPCERT/CC が収集した情報をもとに作成しています。
JPCERT/CC WEEKLY REPORT の配信停止は以下から
https://www.jpcert.or.jp/announce.html
==================================================================
Copyright (C) JPCERT Coordination Center. All rights reserved.
"""
    )
    sig = base64.b64encode(rng.randbytes(566)).decode()
    plain = (
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n"
        + body_txt
        + "\n-----BEGIN PGP SIGNATURE-----\n\n"
        + "\n".join(sig[i : i + 64] for i in range(0, len(sig), 64))
        + f"\n={rs(rng, 4, B64)}\n-----END PGP SIGNATURE-----\n"
    )
    host = f"mx{rng.randrange(1, 4)}.jpcert.or.jp"
    route = r_service(
        rng,
        "wr-admin@jpcert.or.jp",
        host,
        ip4(rng, "210.138.186"),
        f"{t:%Y%m%d%H%M%S}.{hexs(rng, 8)}@jpcert.or.jp",
        [("jpcert.or.jp", "jpcert2023")],
        r.address,
        inner="ml.jpcert.or.jp",
    )
    body = text(plain, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP")
    return _svc(
        rng,
        t,
        r,
        ("JPCERT/CC", "jpcert-wr@jpcert.or.jp"),
        f"JPCERT/CC WEEKLY REPORT {wk:%Y-%m-%d}",
        body,
        route,
        "iso-2022-jp",
        extra=[("Precedence", "bulk")],
    )


@template("security-bulletin", "dev", 3)
def sec_it_warning(rng: random.Random) -> Draft:
    """The IT department forwards an example of a lure that reached the company."""
    t = when(rng, "biz")
    kind = rng.randrange(3)
    if kind == 0:
        subject = "【注意喚起】取引先を装った振込先変更のメールについて"
        example = """　差出人：大和商事 経理部 <keiri@daiwa-shoji-co.jp>
　件名　：【至急】お支払い口座変更のお願い
　本文（抜粋）：
　「弊社の取引銀行に監査が入り、現在の口座が一時的に使用できなくなりました。
　　今月のお支払いは本日中に下記の新しい口座へお振込みいただけますでしょうか。
　　なお、本件は社内で内密に進めておりますのでお電話でのご確認はご遠慮ください。」"""
        point = (
            "・差出人のドメインが「daiwa-shoji-co.jp」になっています。\n"
            "　正しくは「daiwa-shoji.co.jp」です（ハイフンとドットの位置が違います）。\n"
            "・「電話での確認はご遠慮ください」は典型的な手口です。\n"
            "・振込先の変更依頼は、必ず登録済みの電話番号で先方に確認してください。"
        )
    elif kind == 1:
        subject = "【注意喚起】Microsoft 365 をかたるパスワード期限切れメール"
        example = """　差出人：Microsoft 365 <no-reply@m365-security-center[.]com>
　件名　：【要対応】パスワードの有効期限が本日切れます
　本文（抜粋）：
　「お客様のパスワードは本日有効期限が切れます。
　　以下のボタンから現在のパスワードを維持してください。
　　[ 現在のパスワードを維持する ]」
　リンク先：hxxps://login-microsoftonline[.]help/..."""
        point = (
            "・当社のメールは Microsoft 365 ではありません。このメールは全て偽物です。\n"
            "・パスワード変更は社内ポータルからのみ行います。\n"
            "・リンクをクリックしてしまった、パスワードを入力してしまった場合は、すぐに連絡してください。"
        )
    else:
        subject = "【注意喚起】宅配業者をかたる不在通知メール・SMSについて"
        example = """　差出人：ヤマト運輸 <info@kuroneko-yamato[.]top>
　件名　：お荷物のお届けについて
　本文（抜粋）：
　「お客様宛にお荷物のお届けにあがりましたが、宛先不明のため持ち帰りました。
　　下記URLより配送先住所をご確認ください。」
　リンク先：hxxps://kuroneko-yamato[.]top/..."""
        point = (
            "・本物の配達通知は kuronekoyamato.co.jp などの正規ドメインから届きます。\n"
            "・会社のスマートフォンに届いたSMSのリンクは開かないでください。\n"
            "・荷物の状況は各社の公式サイトで伝票番号を入力して確認してください。"
        )
    plain = f"""全社員各位

情報システム部の加藤です。
本日、社内の複数の方に以下のような不審なメールが届いています。
開かずに削除してください（情報システム部にて受信の遮断設定を行いました）。

■届いたメールの例
{example}

■見分けるポイント
{point}

万一、添付ファイルを開いた、リンクをクリックした、情報を入力してしまった等の場合は、
PCをネットワークから外し（LANケーブルを抜く／Wi-Fiをオフ）、
すぐに情報システム部（内線301）までご連絡ください。
報告してくれた方を責めることはありません。早めの連絡が一番大切です。

--
情報システム部　加藤 大輔（内線301）
"""
    return internal_draft(rng, KATO, subject, plain, t, client="thunderbird")


@template("security-bulletin", "test", 4)
def sec_antiphishing(rng: random.Random) -> Draft:
    """An anti-phishing council's urgent notices listing lure subjects and defanged URLs."""
    r = KATO if rng.random() < 0.75 else ITO
    t = when(rng, "any")
    brand, lures, host = rng.choice(
        (
            (
                "ETC利用照会サービス",
                ["【ETC利用照会サービス】退会予告のお知らせ", "【重要】ETC利用照会サービスの登録情報の確認"],
                "etc-meisai-riyou[.]top",
            ),
            (
                "宅配事業者",
                ["お荷物のお届けについて（不在のため持ち帰り）", "【重要】お届け先住所の確認をお願いします"],
                "delivery-check-jp[.]cn",
            ),
            (
                "クレジットカード会社",
                ["【重要】カードご利用確認のお願い", "【緊急】カードの利用を一時的に制限しました"],
                "card-riyou-kakunin[.]xyz",
            ),
            (
                "大手ECサイト",
                ["【重要】お客様のアカウントが停止されました", "お支払い方法に問題があります"],
                "account-verify-shop[.]icu",
            ),
            (
                "電力会社",
                ["【重要】未払い料金のお知らせ（電気料金）", "電気料金の返金手続きのご案内"],
                "denki-refund[.]shop",
            ),
        )
    )
    subject = f"【フィッシング対策協議会】緊急情報：{brand}をかたるフィッシング（{t:%Y/%m/%d}）"
    plain = (
        f"""{brand}をかたるフィッシングの報告を受けています。

1. {t:%Y/%m/%d} {t.hour:02d}:00 時点ではフィッシングサイトは稼働中であり、
   JPCERT/CC にサイト閉鎖のための調査を依頼中です。

2. このようなフィッシングサイトにて、アカウント情報（ログインID、パスワード）、
   クレジットカード情報（カード名義人、カード番号、有効期限、セキュリティコード）、
   ワンタイムパスワード等を絶対に入力しないようにご注意ください。

3. 類似のフィッシングサイトが公開される可能性がありますので、引き続きご注意ください。

【メールの件名】
"""
        + "\n".join(f"・{x}" for x in lures)
        + f"""

【フィッシングサイトのURL】
hxxps://{host}/
hxxps://www.{host}/login/

※フィッシングサイトへのアクセスを防ぐため、URLの一部を変更しています。

詳細はこちら
https://www.antiphishing.jp/news/alert/{t:%Y%m%d}.html

--
フィッシング対策協議会
https://www.antiphishing.jp/
本メールは「フィッシング対策協議会 緊急情報メール」に登録された方にお送りしています。
"""
    )
    host_ = f"mail{rng.randrange(1, 3)}.antiphishing.jp"
    route = r_service(
        rng,
        "alert-bounce@antiphishing.jp",
        host_,
        ip4(rng, "153.126.197"),
        f"{uuid4(rng)}@antiphishing.jp",
        [("antiphishing.jp", "default")],
        r.address,
        inner="alert01",
    )
    body = text(plain, "utf-8", "base64", ctype="text/plain; charset=UTF-8")
    return _svc(
        rng,
        t,
        r,
        ("フィッシング対策協議会", "info@antiphishing.jp"),
        subject,
        body,
        route,
        extra=[
            ("Precedence", "bulk"),
            ("List-Unsubscribe", "<mailto:info@antiphishing.jp?subject=unsubscribe>"),
        ],
    )


@template("security-bulletin", "test", 3)
def sec_fuji_advisory(rng: random.Random) -> Draft:
    """The IT vendor's advisory asking for an urgent firmware update of the installed UTM."""
    t = when(rng, "biz")
    c = FUJI.contact
    ver = f"{rng.randrange(6, 8)}.{rng.randrange(0, 4)}.{rng.randrange(1, 20)}"
    subject = rng.choice(
        (
            "【重要】ご導入UTM製品の脆弱性と緊急アップデートのお願い",
            "【至急】UTMファームウェア更新のご案内（脆弱性対応）",
        )
    )
    plain = f"""株式会社みなと精機
情報システム部　加藤 様

いつも大変お世話になっております。
富士システムズ サポートの清水です。

貴社にご導入いただいているUTM（ネットワークセキュリティ装置）について、
メーカーより、外部から認証を経ずに操作される恐れのある脆弱性が公表されました。
すでに悪用が確認されているとのことで、至急のファームウェア更新を推奨いたします。

■対象機器：貴社本社 UTM（保守契約番号：FS-{num(rng, 6)}）
■対象バージョン：{ver} 以前
■対策：修正版ファームウェアへの更新（所要時間 約30分、通信断 約5分）
■メーカー情報：https://support.fuji-systems.co.jp/advisory/{t:%Y%m%d}-utm.html

保守契約に基づき、弊社にてリモートで更新作業を実施可能です。
作業日時のご希望を、本メールへのご返信または
サポート窓口（{LETTERHEAD[FUJI.domain][1]}）までお知らせください。
夜間・休日の作業も承ります。

なお、更新までの暫定対策として、管理画面へのアクセス元を
社内ネットワークに限定する設定を推奨いたします（現在の貴社設定では対応済みです）。

よろしくお願いいたします。

--
富士システムズ株式会社　カスタマーサポート
清水 亮
{LETTERHEAD[FUJI.domain][0]}
TEL：{LETTERHEAD[FUJI.domain][1]}（平日9:00〜18:00）
Mail：{c.address}
"""
    return corr_draft(rng, ("富士システムズ サポート 清水", c.address), [KATO], subject, plain, t)


@template("security-bulletin", "test", 3)
def sec_it_drill(rng: random.Random) -> Draft:
    """The IT department reports on a phishing drill and quotes the drill mail."""
    t = when(rng, "biz")
    opened, clicked = rng.randrange(12, 35), rng.randrange(3, 11)
    drill_subject = rng.choice(
        (
            "【人事部】賞与明細のご確認のお願い",
            "【総務部】健康診断の日程変更について",
            "【至急】請求書の再発行について",
        )
    )
    subject = "【情報システム部】標的型攻撃メール訓練の結果と今後の注意点"
    plain = f"""全社員各位

情報システム部の加藤です。
先日実施した標的型攻撃メール訓練の結果をお知らせします。
ご協力ありがとうございました。

■訓練メール
　件名　：{drill_subject}
　差出人：社内の部署を装った外部のアドレス
　本文　：「下記のURLから内容をご確認ください。確認期限は本日17時です。」

■結果
　メールを開封した人　　　：{opened}%
　URLをクリックした人　　　：{clicked}%
　情報システム部に報告した人：{rng.randrange(20, 55)}%

■今後の注意点
・社内の部署からの連絡でも、差出人のアドレスが {ORG_DOMAIN} か確認しましょう。
・「至急」「本日中」など急がせる表現には特に注意しましょう。
・怪しいと思ったら、開かずに情報システム部へ転送してください。

クリックしてしまった方には、別途、短い動画教材をお送りします。

--
情報システム部　加藤 大輔（内線301）
"""
    return internal_draft(rng, KATO, subject, plain, t, client="thunderbird")


# ============================================================================================
# 7. PPAP: an encrypted ZIP, then its password; and file-transfer notices


def zip_att(data: bytes, filename: str, style: str, t: datetime) -> Message:
    return attachment(data, "application/x-zip-compressed", filename, style, t)


@template("ppap", "dev", 3)
def ppap_daiwa_quote(rng: random.Random) -> list[Draft]:
    """A supplier sends a quotation as a password ZIP, then the password by hand."""
    r = rng.choice((YOSHIDA, YOSHIDA, WATANABE, NAKAMURA))
    t = when(rng, "biz")
    c = DAIWA.contact
    no = f"DQ-{t:%y%m}-{rng.randrange(10, 999):03d}"
    topic = rng.choice(
        (
            "SUS304 丸棒 定期購入分",
            "アルミ板材 A5052 追加分",
            "治具用ボルト・ナット一式",
            "切削工具 年間契約分",
        )
    )
    pw = password(rng, rng.choice((8, 10, 12)))
    subject = f"御見積書送付の件（{topic}）"
    sig = signature("大和商事株式会社", "営業部", "松本　隆", "Takashi Matsumoto", DAIWA.domain, c.address)
    plain1 = f"""{ORG_NAME}
{r.title}　{r.name}様

いつも大変お世話になっております。
大和商事の松本でございます。

先日ご依頼いただきました「{topic}」の御見積書をお送りいたします。
ご査収のほど、よろしくお願い申し上げます。

添付ファイルはパスワード付きZIPファイルとなっております。
パスワードは別メールにてお送りいたします。

ご不明な点がございましたら、お気軽にお申し付けください。

{sig}
"""
    inner = [(f"御見積書_{no}.pdf", pdf(f"Quotation {no}", ["Daiwa Shoji Co., Ltd.", f"Item: {no}"], when=t))]
    z = encrypted_zip(inner, pw, t, rng)
    d1 = corr_draft(
        rng, (c.name, c.address), [r], subject, plain1, t, [zip_att(z, f"御見積書_{no}.zip", "exchange", t)]
    )
    t2 = t + timedelta(seconds=rng.randrange(40, 300))
    plain2 = f"""{r.name}様

大和商事の松本でございます。
先ほどお送りしたメールの添付ファイルのパスワードをお知らせいたします。

　件名　　：{subject}
　パスワード：{pw}

よろしくお願いいたします。

{sig}
"""
    d2 = corr_draft(rng, (c.name, c.address), [r], f"【パスワード】{subject}", plain2, t2)
    return [d1, d2]


@template("ppap", "dev", 3)
def ppap_sato_kessan(rng: random.Random) -> list[Draft]:
    """The tax accountant sends the closing documents as a ZIP and the password in a second mail."""
    r = ITO
    t = when(rng, "biz", months=(5, 6, 7, 8))
    c = SATO.contact
    ki = t.year - 1972
    pw = password(rng, 8, string.ascii_lowercase + string.digits)
    subject = f"第{ki}期 決算書類の送付について"
    plain1 = f"""株式会社みなと精機
経理部長　伊藤 由美 様

いつもお世話になっております。
佐藤税理士事務所の佐藤です。

第{ki}期の決算書類一式（決算報告書、法人税等の申告書控え、勘定科目内訳明細書）を
お送りいたします。電子申告は{t.month}月{max(1, t.day - 2)}日に完了しております。

個人情報を含むため、ファイルはパスワード付きZIPにしております。
パスワードは別途お送りします。

原本は製本のうえ、次回訪問時にお持ちします。
よろしくお願いいたします。

------------------------------------------
佐藤税理士事務所
税理士　佐藤 浩
{LETTERHEAD[SATO.domain][0]}
TEL {LETTERHEAD[SATO.domain][1]}　FAX {LETTERHEAD[SATO.domain][2]}
------------------------------------------
"""
    inner = [
        (
            f"第{ki}期決算報告書.pdf",
            pdf(f"Financial statements FY{ki}", ["Minato Seiki Co., Ltd."], "Microsoft Excel 2019", t),
        ),
        (
            f"第{ki}期法人税申告書控.pdf",
            pdf(f"Corporate tax return FY{ki}", ["e-Tax receipt attached"], "e-Tax", t),
        ),
        (
            f"第{ki}期勘定科目内訳明細書.pdf",
            pdf(f"Account details FY{ki}", ["Minato Seiki Co., Ltd."], "Microsoft Excel 2019", t),
        ),
    ]
    z = encrypted_zip(inner, pw, t, rng)
    d1 = corr_draft(
        rng,
        ("佐藤 浩", c.address),
        [r],
        subject,
        plain1,
        t,
        [zip_att(z, f"第{ki}期決算書類.zip", "rfc2231-iso", t)],
    )
    t2 = t + timedelta(seconds=rng.randrange(60, 900))
    plain2 = f"""伊藤様

佐藤税理士事務所の佐藤です。
先ほどの「{subject}」の添付ファイルのパスワードです。

{pw}

よろしくお願いいたします。

佐藤税理士事務所　佐藤
"""
    d2 = corr_draft(rng, ("佐藤 浩", c.address), [r], "パスワードのお知らせ", plain2, t2)
    return [d1, d2]


@template("ppap", "dev", 2)
def share_gigafile(rng: random.Random) -> Draft:
    """The printer shares large print data through a file-transfer service link."""
    r = rng.choice((NAKAMURA, YOSHIDA))
    t = when(rng, "biz")
    c = CHIYODA.contact
    keep = t + timedelta(days=rng.choice((7, 14, 30)))
    url = f"https://{rng.randrange(1, 120)}.gigafile.nu/{keep:%m%d}-{hexs(rng, 33)}"
    what = rng.choice(
        ("会社案内パンフレット", "製品カタログ（2025年版）", "展示会用パネル", "名刺データ一式")
    )
    dl = num(rng, 4)
    subject = f"【データ送付】{what} 校正データのご確認のお願い"
    plain = f"""株式会社みなと精機
{r.title}　{r.name} 様

いつもお世話になっております。
千代田印刷の森です。

ご依頼いただいております{what}の校正データができあがりました。
データ容量が大きいため、ギガファイル便にてお送りいたします。

▼ダウンロードURL
{url}
ダウンロードパスワード：{dl}
保存期限：{jdate(keep)}

お手数ですが、内容をご確認のうえ、修正点がございましたら
{mday(next_business_day(t, 3))}までにご連絡いただけますと幸いです。
赤字を入れたPDFをお送りいただいても、お電話でも構いません。

何卒よろしくお願いいたします。

--
千代田印刷株式会社
営業部　森 雄一
TEL {LETTERHEAD[CHIYODA.domain][1]}
"""
    return corr_draft(rng, ("森 雄一", c.address), [r], subject, plain, t)


@template("ppap", "test", 3)
def ppap_toyo_drawings(rng: random.Random) -> list[Draft]:
    """A customer sends drawings as a ZIP; its mail gateway sends the password automatically."""
    r = rng.choice((YOSHIDA, WATANABE))
    t = when(rng, "biz")
    c = TOYO.contact
    part = f"{rng.choice(('TB', 'HK', 'GM'))}-{rng.randrange(1000, 9999)}"
    rev = rng.randrange(1, 5)
    subject = f"試作図面送付の件（{part} Rev.{rev}）"
    plain1 = f"""株式会社みなと精機
{r.title}　{r.name}様

いつもお世話になっております。
東洋電機 購買部の井上です。

先日お打ち合わせいたしました試作品（{part}）の図面 Rev.{rev} をお送りいたします。
前回からの変更点は、取付穴の位置（2か所）と表面処理の指定です。
変更箇所は図面上に雲マークで示しております。

お手数ですが、{mday(next_business_day(t, 5))}までに、
納期と御見積りのご回答をいただけますと幸いです。

※弊社規定により、添付ファイルは自動的に暗号化されます。
　パスワードはシステムから別途通知されます。

------------------------------------
東洋電機株式会社　購買部
井上 真一
{LETTERHEAD[TOYO.domain][0]}
TEL：{LETTERHEAD[TOYO.domain][1]}（内線 3215）
------------------------------------
"""
    pw = password(rng, 12, ALNUM + "#$%&")
    inner = [
        (
            f"{part}_Rev{rev}_組立図.pdf",
            pdf(f"{part} Rev.{rev} assembly", ["Toyo Denki Co., Ltd."], "AutoCAD 2024", t),
        ),
        (
            f"{part}_Rev{rev}_部品図.pdf",
            pdf(f"{part} Rev.{rev} parts", ["Toyo Denki Co., Ltd."], "AutoCAD 2024", t),
        ),
    ]
    z = encrypted_zip(inner, pw, t, rng)
    d1 = corr_draft(
        rng,
        (c.name, c.address),
        [r],
        subject,
        plain1,
        t,
        [zip_att(z, f"{part}_Rev{rev}_図面.zip", "exchange", t)],
    )
    t2 = t + timedelta(seconds=rng.randrange(5, 40))
    plain2 = f"""このメールは、送信者が送信したメールの添付ファイルを開くためのパスワードを
通知するために、システムから自動送信されています。

送信日時　　：{t:%Y/%m/%d %H:%M:%S}
送信者　　　：{c.address}
件名　　　　：{subject}
添付ファイル：{part}_Rev{rev}_図面.zip
パスワード　：{pw}

※このメールに返信しないでください。
※心当たりのない場合は、送信者に確認のうえ削除してください。
"""
    route = r_exchange(rng, c.address, r.address, "toyodenki", subject)
    route.msgid = f"{t2:%Y%m%d%H%M%S}.{hexs(rng, 16, True)}@mailgw01.toyo-denki.co.jp"
    route.headers = [("X-Mailer", "ZipMailGuard Notification")]
    route.style = "plain"
    d2 = Draft(
        route,
        mbox(c.name, c.address, "iso-2022-jp", False),
        to_org(r),
        hdr(f"[パスワード通知] {subject}", "iso-2022-jp", upper=False),
        t2,
        r.address,
        text(plain2, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP"),
    )
    return [d1, d2]


@template("ppap", "test", 3)
def ppap_chuo_contract(rng: random.Random) -> list[Draft]:
    """The law firm sends a contract draft as a password ZIP, the password in a second mail."""
    r = rng.choice((TAKAHASHI, WATANABE))
    t = when(rng, "biz")
    c = CHUO.contact
    what = rng.choice(("取引基本契約書", "秘密保持契約書", "業務委託契約書", "製造委託契約書"))
    pw = password(rng, 10)
    subject = f"{what}（修正案）の送付"
    plain1 = f"""株式会社みなと精機
{r.title}　{r.name}様

いつもお世話になっております。
中央総合法律事務所の木村でございます。

先日ご相談いただきました{what}につきまして、
相手方ドラフトに対する修正案を作成いたしましたので、お送りいたします。
修正箇所は変更履歴でお示しし、主な論点はコメントを付しております。

特に、損害賠償の上限（第14条）と契約解除の条項（第18条）については、
貴社のお考えを伺いたく存じます。

添付ファイルはパスワードを設定しております。パスワードは別途お送りいたします。

―――――――――――――――――――――――
中央総合法律事務所
弁護士　木村 恵子
{LETTERHEAD[CHUO.domain][0]}
TEL：{LETTERHEAD[CHUO.domain][1]}　FAX：{LETTERHEAD[CHUO.domain][2]}
―――――――――――――――――――――――
"""
    inner = [
        (
            f"{what}（修正案）_{t:%Y%m%d}.pdf",
            pdf(
                f"Draft contract {t:%Y%m%d}",
                ["Chuo Sogo Law Office", "Privileged and confidential"],
                "Microsoft Word 2021",
                t,
            ),
        )
    ]
    z = encrypted_zip(inner, pw, t, rng, utf8_names=rng.random() < 0.5)
    d1 = corr_draft(
        rng,
        ("木村 恵子", c.address),
        [r],
        subject,
        plain1,
        t,
        [zip_att(z, f"{what}_修正案_{t:%Y%m%d}.zip", "outlook", t)],
    )
    t2 = t + timedelta(seconds=rng.randrange(60, 600))
    plain2 = f"""{r.name}様

中央総合法律事務所の木村です。
先ほどお送りした「{subject}」の添付ファイルのパスワードをお知らせします。

パスワード：{pw}

よろしくお願いいたします。

中央総合法律事務所　弁護士　木村 恵子
"""
    d2 = corr_draft(rng, ("木村 恵子", c.address), [r], f"パスワードのご連絡（{subject}）", plain2, t2)
    return [d1, d2]


@template("ppap", "test", 2)
def share_box(rng: random.Random) -> Draft:
    """A vendor shares documents through a cloud storage service notification."""
    r = rng.choice((KATO, KATO, WATANABE))
    t = when(rng, "biz")
    folder = rng.choice(
        ("みなと精機様_サーバー更改資料", "みなと精機様_ネットワーク構成図", "みなと精機様_保守報告書")
    )
    link = f"https://fuji-systems.app.box.com/s/{rs(rng, 32, LOWER)}"
    subject = f"清水 亮さんがあなたをBoxのフォルダ「{folder}」に招待しました"
    msg = rng.choice(
        (
            "サーバー更改の見積資料と構成案を格納しました。ご確認ください。",
            "先日の作業報告書をアップロードしました。",
            "お打ち合わせ資料を共有します。",
        )
    )
    plain = f"""清水 亮 ({FUJI.contact.address}) さんがあなたをフォルダ「{folder}」に招待しました。

清水 亮さんからのメッセージ:
「{msg}」

フォルダを開く:
{link}

Boxでは、ファイルの安全な保存、共有、共同作業を行うことができます。

このメールはBoxから {r.address} 宛に送信されました。
Box, Inc., 900 Jefferson Ave, Redwood City, CA 94063
"""
    page = (
        '<table width="100%" cellpadding="0" cellspacing="0" '
        'style="font-family:Lato,Helvetica,Arial,sans-serif;">'
        '<tr><td align="center"><table width="560" cellpadding="0" cellspacing="0">'
        '<tr><td style="padding:24px 0;"><img src="https://e3.boxcdn.net/box-installers/email/box-logo.png" '
        'alt="Box" width="60"></td></tr>'
        f'<tr><td style="font-size:18px;color:#222;">清水 亮さんがあなたをフォルダ「{escape(folder)}」'
        "に招待しました</td></tr>"
        f'<tr><td style="padding:16px 0;font-size:14px;color:#4e4e4e;">「{escape(msg)}」</td></tr>'
        f'<tr><td><a href="{link}" style="display:inline-block;background:#0061d5;color:#fff;padding:10px '
        "24px;border-radius:4px;"
        'text-decoration:none;">フォルダを開く</a></td></tr>'
        f'<tr><td style="padding:24px 0;font-size:11px;color:#909090;">このメールはBoxから {r.address} '
        "宛に送信されました。<br>"
        "Box, Inc., 900 Jefferson Ave, Redwood City, CA 94063</td></tr></table></td></tr></table>\n"
    )
    host = f"mail-{rng.randrange(1, 30)}.box.com"
    route = r_service(
        rng,
        f"bounce+{hexs(rng, 20)}@notify.box.com",
        host,
        ip4(rng, "74.112.186"),
        f"{hexs(rng, 32)}@box.com",
        [("box.com", "s1")],
        r.address,
    )
    body = multi(
        "alternative",
        [text(plain, "utf-8", "quoted-printable"), html(page, "utf-8", "quoted-printable")],
        boundary(rng, "php"),
    )
    return _svc(
        rng,
        t,
        r,
        ("Box", "noreply@box.com"),
        subject,
        body,
        route,
        extra=[("Reply-To", mbox("清水 亮", FUJI.contact.address))],
    )


# ============================================================================================
# 8. mailing lists


@dataclass(frozen=True)
class Member:
    name: str
    address: str
    dkim: bool  # whether the poster's own system signs (the list breaks that signature)


ML_MEMBERS_DEV = (
    Member("山田 太郎", "t-yamada@sanei-kogyo.co.jp", True),
    Member("石井 健", "ishii@kougu-net.co.jp", True),
    Member("小野 健司", "kenji.ono1972@gmail.com", True),
    Member("西村 和也", "k-nishimura@tokai-kenma.co.jp", True),
    Member("後藤 真由美", "goto-m@kk-goto-seisakusho.jp", False),
)
ML_MEMBERS_TEST = (
    Member("田村 聡", "tamura@yokohama-seiko.co.jp", True),
    Member("原田 修", "harada@nagano-precision.co.jp", False),
    Member("松田 隆之", "matsuda@oomori-kikai.co.jp", False),
    Member("森田 美穂", "m-morita@sagami-kinzoku.co.jp", True),
    Member("川口 浩", "kawaguchi@shonan-press.co.jp", True),
)


def _poster_hop(rng: random.Random, m: Member, list_host: str, list_addr: str) -> list[tuple[int, Hop]]:
    """The poster's server handing the post to the list server."""
    dom = domain_of(m.address)
    if dom == "gmail.com":
        src, ip = (
            f"mail-{rng.choice(('pl1', 'oi1', 'qt1'))}-f{rng.randrange(170, 200)}.google.com",
            ip4(rng, "209.85.214"),
        )
    else:
        src, ip = f"mail.{dom}", ip4(rng, rng.choice(("153.142", "210.171", "61.197", "183.90.24")))

    def h(t: datetime) -> str:
        return (
            f"from {src} ({src} [{ip}])\n\tby {list_host} (Postfix) with ESMTPS id {qid(rng)}\n"
            f"\tfor <{list_addr}>; {postfix_date(t)}"
        )

    return [(rng.randrange(1, 4), h)]


def _member_client(rng: random.Random, m: Member, t: datetime) -> tuple[str, list[tuple[str, str]]]:
    """Message-ID and mailer headers of a list member's own mail program."""
    dom = domain_of(m.address)
    if dom == "gmail.com":
        return f"CA{rs(rng, 50, ALNUM + '+_-')}@mail.gmail.com", []
    kind = sum(map(ord, m.address)) % 3
    if kind == 0:
        return f"{uuid4(rng)}@{dom}", [("User-Agent", "Mozilla Thunderbird")]
    if kind == 1:
        return f"{t:%Y%m%d%H%M%S}.{hexs(rng, 4, True)}.{hexs(rng, 8, True)}@{dom}", [
            ("X-Mailer", "Becky! ver. 2.81.05 [ja]")
        ]
    return f"00{hexs(rng, 2)}01db{hexs(rng, 4)}${hexs(rng, 8)}${hexs(rng, 8)}$@{dom}", [
        ("X-Mailer", "Microsoft Outlook 16.0")
    ]


def gmail_attr(t: datetime, name: str, address: str) -> str:
    return f"{t.year}年{t.month}月{t.day}日({WEEKDAYS[t.weekday()]}) {t:%H:%M} {name} <{address}>:"


def _ml_dkim(m: Member) -> list[tuple[str, str, str]]:
    if not m.dkim:
        return []
    dom = domain_of(m.address)
    return [(dom, "20230601" if dom == "gmail.com" else "default", "fail")]


ML_THREADS_FML = (
    (
        "SUS303の仕上げ面粗さについて",
        "いつもお世話になっております。\nSUS303のφ20丸棒を旋盤で仕上げているのですが、Ra0.8がなかなか安定しません。\n"
        "現在、CVDコーティングのチップで、周速150m/min、送り0.08mm/revです。\nチップの選定や条件について、アドバイスいただけないでしょうか。",
        "ステンレスは構成刃先ができやすいので、周速をもう少し上げて（200m/min前後）、\n"
        "サーメットかPVDのチップを試されてはいかがでしょうか。\nノーズRを0.4から0.8にすると、同じ送りでも面粗さは改善すると思います。",
    ),
    (
        "SKD11焼入れ後の穴加工",
        "焼入れ後（HRC60程度）のSKD11に、φ3の穴を深さ10mmで追加工する必要が出てきました。\n"
        "放電加工以外で現実的な方法があれば教えてください。",
        "超硬の高硬度材用ドリルで加工できなくはないですが、本数が少ないなら\n細穴放電が確実です。当社でよければ外注でお受けできます。",
    ),
    (
        "測定室の温度管理について",
        "三次元測定機を導入するにあたり、測定室の温度管理をどこまでやるべきか悩んでいます。\n"
        "皆さんの会社では、何度±何度で管理されていますか。",
        "当社は20℃±1℃で管理しています。エアコンの風が直接測定機に当たらないように、\n吹き出し口の位置を変えたのが一番効果がありました。",
    ),
)


@template("mailing-list", "dev", 9)
def ml_fml_seimitsu(rng: random.Random) -> Draft:
    """An industry study group's fml list: [name:count] tags, X-ML headers, quoted replies."""
    r = rng.choice((WATANABE, WATANABE, YOSHIDA, TAKAHASHI))
    t = when(rng, "biz")
    lst, host = "seimitsu-ml", "ml.seimitsu-ken.jp"
    count = 1200 + (t - START).days * 2 // 3 + rng.randrange(0, 2)
    members = [m for m in ML_MEMBERS_DEV if dmarc_policy(domain_of(m.address)) in (None, "none")]
    kind = rng.randrange(4)
    if kind == 3:
        m = Member("精密加工技術研究会 事務局", "jimukyoku@seimitsu-ken.jp", False)
        day = next_business_day(t, rng.randrange(14, 30))
        subj = f"第{40 + (t - START).days // 60}回 技術講演会のご案内（{day.month}/{day.day}）"
        plain = f"""会員各位

精密加工技術研究会 事務局です。
第{40 + (t - START).days // 60}回技術講演会を下記のとおり開催いたします。

日時：{jdate(day)} 14:00〜17:00
会場：川崎市産業振興会館 4階 第1研修室（オンライン併用）
演題：「微細加工における工具摩耗のモニタリング」
参加費：会員無料、非会員3,000円

お申し込みは、{mday(next_business_day(t, 7))}までに下記フォームからお願いします。
https://www.seimitsu-ken.jp/event/entry.html

ご参加をお待ちしております。

--
精密加工技術研究会 事務局
jimukyoku@seimitsu-ken.jp
"""
    else:
        topic, question, answer = ML_THREADS_FML[kind]
        asker, m = rng.sample(members, 2)
        if rng.random() < 0.4:
            m = asker
            subj, plain = (
                topic,
                f"{sei(Person(asker.name, '', ''))}です。\n\n{question}\n\nよろしくお願いいたします。\n\n"
                f"--\n{asker.name}\n{asker.address}\n",
            )
        else:
            subj = f"Re: {topic}"
            q = gt_quote(question)
            plain = (
                f"{sei(Person(m.name, '', ''))}です。\n\n{asker.name}さん:\n{q}\n\n{answer}\n\n"
                f"ご参考まで。\n\n--\n{m.name}\n{m.address}\n"
            )
    subject = f"[{lst}:{count:05d}] {subj}"
    footer = f"\n--\n精密加工技術研究会 メーリングリスト\n投稿：{lst}@{host}　管理：{lst}-admin@{host}\n"
    softfail = rng.random() < 0.3
    mid, client = _member_client(rng, m, t)
    route = Route(
        return_path=m.address if softfail else f"{lst}-admin@{host}",
        msgid=mid,
        mx=(host, host, ip4(rng, "160.16.57")),
        hops=_poster_hop(rng, m, host, f"{lst}@{host}"),
        dkim=_ml_dkim(m),
        spf="softfail" if softfail else "pass",
        dmarc_fail_ok=True,
        tls="1.2",
    )
    headers = [
        ("Reply-To", f"{lst}@{host}"),
        ("Sender", f"{lst}-admin@{host}"),
        ("Errors-To", f"{lst}-admin@{host}"),
        ("X-ML-Name", lst),
        ("X-Mail-Count", f"{count:05d}"),
        ("X-MLServer", "fml [fml 8.0.0]; post only (only members can post)"),
        (
            "X-ML-Info",
            "If you have a question, send e-mail with the body\n"
            f'\t"help" (without quotes) to the address {lst}-ctl@{host};\n'
            f"\thelp=<mailto:{lst}-ctl@{host}?body=help>",
        ),
        ("List-Id", f"{lst}.{host}"),
        ("List-Post", f"<mailto:{lst}@{host}>"),
        ("List-Owner", f"<mailto:{lst}-admin@{host}>"),
        ("List-Help", f"<mailto:{lst}-ctl@{host}?body=help>"),
        ("List-Unsubscribe", f"<mailto:{lst}-ctl@{host}?body=unsubscribe>"),
        ("Precedence", "bulk"),
        *client,
    ]
    if subj.startswith("Re:"):
        headers.insert(
            0,
            (
                "In-Reply-To",
                f"<{t - timedelta(days=1):%Y%m%d%H%M%S}.{hexs(rng, 8, True)}@{domain_of(m.address)}>",
            ),
        )
    body = text(plain + footer, "iso-2022-jp", "7bit", ctype="text/plain; charset=ISO-2022-JP")
    return Draft(
        route,
        mbox(m.name, m.address, "iso-2022-jp"),
        f"{lst}@{host}",
        hdr(subject, "iso-2022-jp"),
        t,
        r.address,
        body,
        headers,
    )


ML_THREADS_GG = (
    (
        "5軸加工のポスト設定で困っています",
        "はじめて投稿します。\n同時5軸のテーブル傾斜型マシンで、CAMから出したNCをそのまま流すと\n"
        "B軸の回転方向が逆になってしまいます。ポストプロセッサのどの設定を見ればよいでしょうか。",
        "マシン定義の回転軸の向き（右手系か左手系か）が逆になっていないか確認してみてください。\n"
        "うちも同じ症状で、ポストではなくマシン定義の設定ミスでした。",
    ),
    (
        "STEPファイルの受け渡しで形状が崩れる件",
        "お客様から受け取ったSTEP（AP214）を読み込むと、一部のフィレット面が欠けてしまいます。\n"
        "同じような経験がある方はいらっしゃいますか。",
        "公差（トレランス）の違いが原因のことが多いです。\n読み込み時に面の修復オプションをオンにするか、\n"
        "可能ならParasolidで再出力してもらうと改善すると思います。",
    ),
)


@template("mailing-list", "dev", 7)
def ml_google_group(rng: random.Random) -> Draft:
    """A user group on Google Groups: From rewritten for strict-DMARC posters, the Groups footer."""
    r = rng.choice((KATO, WATANABE, YOSHIDA))
    t = when(rng, "any")
    grp, gname = "kanto-cadcam", "関東CAD/CAMユーザー会"
    group_addr = f"{grp}@googlegroups.com"
    kind = rng.randrange(3)
    m = rng.choice(ML_MEMBERS_DEV)
    if kind == 2:
        day = next_business_day(t, rng.randrange(10, 25))
        subj = f"[{grp}] 【告知】次回勉強会 {day.month}/{day.day}（{WEEKDAYS[day.weekday()]}）オンライン開催"
        plain = f"""皆さま

世話人の{m.name}です。
次回の勉強会のご案内です。

日時：{jdate(day)} 19:00〜20:30
形式：オンライン（Zoom）
テーマ：「CAMの工具ライブラリ、どう管理していますか」
参加申込：https://connpass.com/event/{rng.randrange(300000, 380000)}/

LT（5分）をしてくださる方も募集しています。
お気軽にご参加ください。

{m.name}"""
    else:
        topic, question, answer = ML_THREADS_GG[kind]
        asker = rng.choice([x for x in ML_MEMBERS_DEV if x != m])
        subj = f"[{grp}] Re: {topic}"
        asked = t - timedelta(hours=rng.randrange(3, 40))
        plain = (
            f"{asker.name}さん\n\n{m.name}です。\n\n{answer}\n\n{m.name}\n\n"
            f"{gmail_attr(asked, asker.name, asker.address)}\n{gt_quote(question)}"
        )
    mid = (
        f"CA{rs(rng, 50, ALNUM + '+_-')}@mail.gmail.com"
        if domain_of(m.address) == "gmail.com"
        else f"{uuid4(rng)}@{domain_of(m.address)}"
    )
    footer = (
        f"\n\n-- \nこのメールは Google グループのグループ「{gname}」に登録しているユーザーに送られています。"
        "\n"
        "このグループから退会し、"
        f"グループからのメールの配信を停止するには {grp}+unsubscribe@googlegroups.com "
        "にメールを送信してください。\n"
        f"このディスカッションをウェブ上で閲覧するには https://groups.google.com/d/msgid/{grp}/"
        f"{quote(mid, safe='')} にアクセスしてください。\n"
    )
    policy = dmarc_policy(domain_of(m.address))
    rewrite = policy in ("quarantine", "reject")
    frm = mbox(f"'{m.name}' via {gname}", group_addr) if rewrite else mbox(m.name, m.address)
    host = f"mail-{rng.choice(('qt1', 'yb1', 'oo1'))}-f{rng.randrange(180, 200)}.google.com"
    bnc = f"{grp}+bncBD{rs(rng, 40, ALNUM)}@googlegroups.com"

    def h1(tt: datetime) -> str:
        return (
            f"by {host} with SMTP id "
            f"{hexs(rng, 8)}-{hexs(rng, 12)}so{num(rng, 8)}.{rng.randrange(1, 3)}\n"
            f"        for <{r.address}>; {pacific(tt)}"
        )

    orig_ar = (
        f"mx.google.com;\n       dkim={'pass' if m.dkim else 'none'} header.i=@{domain_of(m.address)};\n"
        f"       spf=pass (google.com: domain of {m.address} designates {ip4(rng, '153.142')} as permitted "
        f"sender) smtp.mailfrom={m.address};\n"
        f"       dmarc={'pass' if policy else 'none'} (p={(policy or 'none').upper()}) "
        f"header.from={domain_of(m.address)}"
    )
    route = Route(
        return_path=bnc,
        msgid=mid,
        mx=(host, host, ip4(rng, "209.85.160")),
        hops=[(rng.randrange(1, 5), h1)],
        dkim=[
            (domain_of(m.address), "default" if domain_of(m.address) != "gmail.com" else "20230601", "fail")
        ]
        * m.dkim
        + [("googlegroups.com", "20230601", "pass")],
        arc=("google.com", "arc-20240605", f"i=1; mx.google.com;\n       {orig_ar.split(';', 1)[1].strip()}"),
        dmarc_fail_ok=True,
        style="gmail",
    )
    headers = [
        ("X-Original-Sender", m.address),
        ("X-Original-Authentication-Results", orig_ar),
        ("Precedence", "list"),
        ("Mailing-list", f"list {group_addr}; contact {grp}+owners@googlegroups.com"),
        ("List-ID", f"<{grp}.googlegroups.com>"),
        ("X-Spam-Checked-In-Group", f"{m.address}"),
        ("X-Google-Group-Id", num(rng, 12)),
        ("List-Post", f"<https://groups.google.com/group/{grp}/post>, <mailto:{group_addr}>"),
        ("List-Help", f"<https://groups.google.com/support/>, <mailto:{grp}+help@googlegroups.com>"),
        ("List-Archive", f"<https://groups.google.com/group/{grp}/>"),
        (
            "List-Subscribe",
            f"<https://groups.google.com/group/{grp}/subscribe>, <mailto:{grp}+subscribe@googlegroups.com>",
        ),
        (
            "List-Unsubscribe",
            f"<mailto:googlegroups-manage+{num(rng, 12)}+unsubscribe@googlegroups.com>,\n <https://groups.google.com/group/{grp}/subscribe>",
        ),
    ]
    if rewrite:
        headers.insert(0, ("Reply-To", mbox(m.name, m.address)))
    full = plain + footer
    body = multi(
        "alternative",
        [
            text(full, "utf-8", "quoted-printable", ctype='text/plain; charset="UTF-8"'),
            html(
                gmail_html(plain) + "<p></p>\n-- <br />\n"
                f"このメールは Google グループのグループ「{gname}」に登録しているユーザーに送られています。"
                "<br />\n",
                "utf-8",
                "quoted-printable",
                ctype='text/html; charset="UTF-8"',
            ),
        ],
        boundary(rng, "gmail"),
    )
    return Draft(route, frm, mbox(gname, group_addr), hdr(subj), t, r.address, body, headers)


ML_POSTS_MAILMAN = (
    (
        "jimu",
        "令和{r}年度 定時総会開催のご案内",
        "会員各位\n\n全国精密部品工業会 事務局です。\n令和{r}年度 定時総会を下記のとおり開催いたします。\n\n"
        "日時：{day} 15:00〜17:00（終了後、懇親会）\n会場：東京・飯田橋 日本機械会館 3階ホール\n\n"
        "出欠のご回答は、{due}までに会員専用ページからお願いいたします。\nhttps://www.zenseibu.or.jp/member/\n\n"
        "ご欠席の場合は、委任状のご提出をお願いいたします。",
    ),
    (
        "jimu",
        "【会員各位】省エネ設備導入補助金 説明会のお知らせ",
        "会員各位\n\n事務局です。\n"
        "省エネ設備の導入に関する補助金の説明会を、会員向けに開催いたします。\n\n日時：{day} 13:30〜15:00\n"
        "形式：オンライン（Teams）\n\n"
        "参加をご希望の方は、{due}までに本メールにご返信ください（メーリングリストではなく事務局宛にお願いします）。\n"
        "事務局：info@zenseibu.or.jp",
    ),
    (
        "jimu",
        "年会費ご請求のお知らせ（令和{r}年度）",
        "会員各位\n\n事務局です。\n令和{r}年度の年会費のご請求書を、本日、各社ご担当者様宛に郵送いたしました。\n"
        "お振込期限：{due}\n\nなお、振込先口座は昨年度から変更ございません。\n"
        "当会から、メールで振込先の変更をお願いすることはございませんので、ご注意ください。",
    ),
    (
        "member",
        "熱処理業者のご紹介のお願い",
        "会員の皆さま\n\nいつもお世話になっております。\n"
        "SCM415の浸炭焼入れ（有効硬化層深さ0.8mm程度）を、小ロット（月50個程度）で\nお願いできる熱処理業者を探しております。\n"
        "神奈川・東京近郊でご存じの会社がございましたら、ご紹介いただけないでしょうか。\nどうぞよろしくお願いいたします。",
    ),
)


@template("mailing-list", "test", 9)
def ml_mailman(rng: random.Random) -> Draft:
    """An industry association's Mailman 2.1 list: subject prefix, footer, From munged for strict DMARC."""
    r = rng.choice((TAKAHASHI, TAKAHASHI, WATANABE, ITO))
    t = when(rng, "biz")
    lst, host = "zsb-info", "ml.zenseibu.or.jp"
    count = 300 + (t - START).days // 3
    kind, subj, body_t = rng.choice(ML_POSTS_MAILMAN)
    day = next_business_day(t, rng.randrange(20, 40))
    due = next_business_day(t, rng.randrange(8, 15))
    if kind == "jimu":
        m = Member("全国精密部品工業会 事務局", "info@zenseibu.or.jp", True)
        sig = (
            "\n\n--------------------------------\n一般社団法人 全国精密部品工業会 事務局\n"
            "TEL 03-3434-7081\ninfo@zenseibu.or.jp\n--------------------------------"
        )
    else:
        m = rng.choice(ML_MEMBERS_TEST)
        sig = f"\n\n{m.name}\n{m.address}"
    text_ = body_t.format(r=reiwa(t.year), day=jdate(day), due=jdate(due)) + sig
    subj = subj.format(r=reiwa(t.year))
    reply = kind == "member" and rng.random() < 0.5
    if reply:
        asker, m = m, rng.choice([x for x in ML_MEMBERS_TEST if x != m])
        subj = "Re: " + subj
        text_ = (
            f"{asker.name}様\n\n{m.name}です。\n横浜市内の「有限会社ハマ熱処理」さんが小ロットに対応してくれます。\n"
            f"当社も浸炭をお願いしています。必要でしたら担当の方をご紹介します。\n\n{m.name}\n\n"
            + gt_quote(body_t.split("\n\n", 1)[1][:120])
        )
    footer = f"\n_______________________________________________\n{lst} mailing list\n{lst}@{host}\nhttps://{host}/mailman/listinfo/{lst}\n"
    policy = dmarc_policy(domain_of(m.address))
    munge = policy in ("quarantine", "reject")
    frm = (
        mbox(f"{m.name} via {lst}", f"{lst}@{host}", "iso-2022-jp")
        if munge
        else mbox(m.name, m.address, "iso-2022-jp")
    )
    route = Route(
        return_path=f"{lst}-bounces+{local_of(r.address)}={domain_of(r.address)}@{host}",
        msgid=_member_client(rng, m, t)[0],
        mx=(host, host, ip4(rng, "133.242.147")),
        hops=_poster_hop(rng, m, host, f"{lst}@{host}"),
        dkim=[*_ml_dkim(m), ("ml.zenseibu.or.jp", "ml2024", "pass")],
        dmarc_fail_ok=True,
    )
    headers = [
        ("X-BeenThere", f"{lst}@{host}"),
        ("X-Mailman-Version", "2.1.39"),
        ("Precedence", "list"),
        ("List-Id", f"{ew('全精部工 会員連絡', 'iso-2022-jp')} <{lst}.{host}>"),
        (
            "List-Unsubscribe",
            f"<https://{host}/mailman/options/{lst}>,\n <mailto:{lst}-request@{host}?subject=unsubscribe>",
        ),
        ("List-Archive", f"<https://{host}/pipermail/{lst}/>"),
        ("List-Post", f"<mailto:{lst}@{host}>"),
        ("List-Help", f"<mailto:{lst}-request@{host}?subject=help>"),
        (
            "List-Subscribe",
            f"<https://{host}/mailman/listinfo/{lst}>,\n <mailto:{lst}-request@{host}?subject=subscribe>",
        ),
        ("Errors-To", f"{lst}-bounces@{host}"),
        ("Sender", f'"{lst}" <{lst}-bounces@{host}>'),
    ]
    if munge:
        headers.insert(0, ("Reply-To", mbox(m.name, m.address, "iso-2022-jp")))
        headers.insert(1, ("Cc", f"{lst}@{host}"))
    body = text(text_ + "\n" + footer, "iso-2022-jp", "7bit", ctype='text/plain; charset="iso-2022-jp"')
    subject = f"[{lst}:{count:05d}] {subj}"
    return Draft(route, frm, f"{lst}@{host}", hdr(subject, "iso-2022-jp"), t, r.address, body, headers)


ML_POSTS_SYMPA = (
    (
        "交流会のご案内（{m}月）",
        "川崎ものづくりネットの皆さま\n\n幹事の{me}です。\n{m}月の交流会を下記のとおり開催します。\n\n"
        "日時：{day} 18:30〜\n場所：川崎駅東口 かわさき産業プラザ 2F 会議室（終了後、懇親会）\n"
        "会費：懇親会 4,000円\n\n"
        "参加される方は、{due}までにこのメールに返信（幹事宛）でお知らせください。",
    ),
    (
        "余剰設備（汎用旋盤）お譲りします",
        "皆さま\n\n{me}です。\n工場のレイアウト変更に伴い、汎用旋盤を1台お譲りします。\n\n"
        "・メーカー：国産、芯間800mm\n・年式：2008年\n・状態：稼働中（{m}月末まで使用）\n・価格：無償（搬出費用はご負担ください）\n\n"
        "ご興味のある方は、直接メールかお電話でご連絡ください。現物の確認も可能です。",
    ),
    (
        "求人情報の共有：CADオペレーター（川崎市内）",
        "皆さま\n\n{me}です。\n会員企業様から求人情報の共有依頼がありましたので、お知らせします。\n\n"
        "職種：CADオペレーター（2D/3D）\n勤務地：川崎市高津区\n詳細：https://www.kawasaki-mono.net/recruit/{n}.html\n\n"
        "お知り合いで興味のある方がいらっしゃいましたら、お伝えいただけると幸いです。",
    ),
)


@template("mailing-list", "test", 7)
def ml_sympa(rng: random.Random) -> Draft:
    """A local manufacturers' network on Sympa (UTF-8); some copies reach us through a forward."""
    r = rng.choice((WATANABE, YOSHIDA, TAKAHASHI, NAKAMURA))
    t = when(rng, "biz")
    lst, host = "kawasaki-mono", "lists.kawasaki-mono.net"
    seq = 60 + (t - START).days // 5
    subj_t, body_t = rng.choice(ML_POSTS_SYMPA)
    m = rng.choice(ML_MEMBERS_TEST)
    day = next_business_day(t, rng.randrange(14, 28))
    plain = body_t.format(
        me=m.name, m=day.month, day=jdate(day), due=jdate(next_business_day(t, 7)), n=rng.randrange(100, 999)
    )
    plain += f"\n\n{m.name}\n{m.address}\n"
    subj = subj_t.format(m=day.month)
    if rng.random() < 0.3:
        subj = "Re: " + subj
        plain = f"{m.name}さん\n\nご案内ありがとうございます。\n{rng.choice(SYMPA_REPLIES)}\n\n" + gt_quote(
            plain[:160]
        )
        m = rng.choice([x for x in ML_MEMBERS_TEST if x != m])
        plain += f"\n\n{m.name}\n"
    footer = f"\n--\n川崎ものづくりネット メーリングリスト\n投稿先：{lst}@{host}\n"
    policy = dmarc_policy(domain_of(m.address))
    munge = policy in ("quarantine", "reject")
    frm = mbox(f"{m.name} via {lst}", f"{lst}@{host}") if munge else mbox(m.name, m.address)
    forwarded = rng.random() < 0.35
    hops = _poster_hop(rng, m, host, f"{lst}@{host}")
    mx = (host, host, ip4(rng, "160.16.210"))
    if forwarded:
        fwd = "mail.kawasaki-cci.or.jp"

        def hf(tt: datetime) -> str:
            return (
                f"from {host} ({host} [{mx[2]}])\n\tby {fwd} (Postfix) with ESMTPS id {qid(rng)}\n"
                f"\tfor <watanabe@kawasaki-cci.or.jp>; {postfix_date(tt)}"
            )

        hops = [*hops, (rng.randrange(1, 3), hf)]
        mx = (fwd, fwd, ip4(rng, "219.117.230"))
        r = WATANABE
    route = Route(
        return_path=f"{lst}-owner@{host}",
        msgid=_member_client(rng, m, t)[0],
        mx=mx,
        hops=hops,
        dkim=[*_ml_dkim(m), (host, "sympa", "pass")],
        spf="softfail" if forwarded else "pass",
        dmarc_fail_ok=True,
    )
    headers = [
        ("X-Loop", f"{lst}@{host}"),
        ("X-Sequence", str(seq)),
        ("Errors-To", f"{lst}-owner@{host}"),
        ("Precedence", "list"),
        ("Precedence", "bulk"),
        ("Sender", f"{lst}-request@{host}"),
        ("List-Id", f"<{lst}.{host}>"),
        ("List-Help", f"<mailto:sympa@{host}?subject=help>"),
        ("List-Subscribe", f"<mailto:sympa@{host}?subject=subscribe%20{lst}>"),
        ("List-Unsubscribe", f"<mailto:sympa@{host}?subject=unsubscribe%20{lst}>"),
        ("List-Post", f"<mailto:{lst}@{host}>"),
        ("List-Owner", f"<mailto:{lst}-request@{host}>"),
        ("List-Archive", f"<https://{host}/sympa/arc/{lst}>"),
    ]
    if munge:
        headers.insert(0, ("Reply-To", mbox(m.name, m.address)))
    subject = f"[{lst}:{seq:05d}] {subj}"
    body = text(plain + footer, "utf-8", "8bit", ctype="text/plain; charset=UTF-8; format=flowed")
    return Draft(route, frm, f"{lst}@{host}", hdr(subject), t, r.address, body, headers)


# ============================================================================================
# 9. ordinary person-to-person business mail


def fake_msgid(rng: random.Random, address: str) -> str:
    """A Message-ID as the mail system of ``address`` writes it (for References)."""
    dom = domain_of(address)
    if dom in (DAIWA.domain, TOYO.domain):
        box = f"TYCPR01MB{rng.randrange(10000, 14000)}"
        return f"<{box}{hexs(rng, 28, True)}@{box}.jpnprd01.prod.outlook.com>"
    if dom in (FUJI.domain, CHIYODA.domain, "gmail.com"):
        return f"<CA{rs(rng, 50, ALNUM + '+_-')}@mail.gmail.com>"
    if dom == ORG_DOMAIN:
        return f"<000001db{hexs(rng, 4)}${hexs(rng, 8)}${hexs(rng, 8)}$@{ORG_DOMAIN}>"
    return f"<{uuid4(rng)}@{dom}>"


def thread_headers(rng: random.Random, chain: list[str]) -> list[tuple[str, str]]:
    ids = [fake_msgid(rng, a_) for a_ in chain]
    return [("In-Reply-To", ids[-1]), ("References", "\n ".join(ids))]


@template("business", "dev", 6)
def biz_toyo_schedule(rng: random.Random) -> Draft:
    """A customer asks for a meeting; sometimes the reply confirming the slot."""
    r = rng.choice((YOSHIDA, YOSHIDA, WATANABE))
    t = when(rng)
    c = TOYO.contact
    slots = [next_business_day(t, k) for k in sorted(rng.sample(range(3, 12), 3))]
    hours = [rng.choice(("10:00", "13:30", "14:00", "15:00", "16:00")) for _ in slots]
    topic = rng.choice(
        (
            "次期モデル用ブラケットの量産立ち上げ",
            "品質監査（工程監査）の日程",
            "年間単価の見直し",
            "試作品の評価結果のご報告",
        )
    )
    cands = "\n".join(
        f"　{i}. {jdate(d)} {h}〜" for i, (d, h) in enumerate(zip(slots, hours, strict=True), 1)
    )
    sig = f"""------------------------------------
東洋電機株式会社　購買部
井上 真一
{LETTERHEAD[TOYO.domain][0]}
TEL：{LETTERHEAD[TOYO.domain][1]}（内線 3215）
------------------------------------"""
    first = f"""{ORG_NAME}
{r.title}　{r.name}様

いつもお世話になっております。
東洋電機の井上です。

{topic}の件で、一度お打ち合わせのお時間をいただけないでしょうか。
1時間ほどを想定しております。以下の候補日でご都合いかがでしょうか。

{cands}

貴社にお伺いする形でも、Teamsでも構いません。
ご都合のよい日時をお知らせいただけますと幸いです。
他の日程のほうがよろしければ、候補をいただければ調整いたします。

よろしくお願いいたします。

{sig}
"""
    subject = f"{topic}のお打ち合わせについて"
    if rng.random() < 0.5:
        return corr_draft(rng, (c.name, c.address), [r], subject, first, t)
    pick = rng.randrange(3)
    mine_t = later(rng, t, 30, 240)
    sent = later(rng, mine_t, 20, 180)
    mine = f"""東洋電機株式会社
井上様

いつもお世話になっております。
みなと精機の{sei(r)}です。

ご連絡ありがとうございます。
{pick + 1}番の{jdate(slots[pick])} {hours[pick]}〜でお願いできますでしょうか。
弊社からは{sei(r)}と製造部の担当者の2名で伺います。

よろしくお願いいたします。

{r.name}
"""
    reply = (
        f"""{r.name}様

いつもお世話になっております。
東洋電機の井上です。

ご調整いただきありがとうございます。
それでは、{jdate(slots[pick])} {hours[pick]}〜でお待ちしております。
当日は正門の守衛所で受付をお願いいたします。

引き続きよろしくお願いいたします。

{sig}
"""
        + outlook_quote(p2t(r), mine_t, [(c.name, c.address)], f"RE: {subject}", mine)
        + outlook_quote((c.name, c.address), t, [p2t(r)], subject, first)
    )
    d = corr_draft(
        rng,
        (c.name, c.address),
        [r],
        f"RE: {subject}",
        reply,
        sent,
        extra=thread_headers(rng, [c.address, r.address]),
    )
    return d


@template("business", "dev", 5)
def biz_chiyoda_quote(rng: random.Random) -> Draft:
    """A printer sends a quotation PDF from Gmail (Google Workspace)."""
    r = rng.choice((NAKAMURA, NAKAMURA, YOSHIDA))
    t = when(rng)
    c = CHIYODA.contact
    what, qty = rng.choice(
        (
            ("会社案内パンフレット（A4・8ページ）", "1,000部"),
            ("製品カタログ（A4・24ページ）", "500部"),
            ("展示会用リーフレット（A4三つ折り）", "3,000部"),
            ("名刺（両面カラー）", "各100枚×12名分"),
        )
    )
    price = rng.randrange(30, 600) * 1000
    subject = f"御見積書送付の件（{what.split('（')[0]}）"
    plain = f"""株式会社みなと精機
{r.title}　{r.name} 様

いつもお世話になっております。
千代田印刷の森です。

先日はお打ち合わせのお時間をいただき、ありがとうございました。
ご依頼いただきました{what}の御見積書をお送りいたします。

　品名：{what}
　数量：{qty}
　金額：{yen(price)}円（税抜）
　納期：校了後 {rng.randrange(5, 12)}営業日

用紙を再生紙に変更した場合のお見積りも、2枚目に記載しております。
ご検討のほど、よろしくお願いいたします。

--
千代田印刷株式会社
営業部　森 雄一
{LETTERHEAD[CHIYODA.domain][0]}
TEL {LETTERHEAD[CHIYODA.domain][1]}　FAX {LETTERHEAD[CHIYODA.domain][2]}
"""
    doc = pdf(
        f"Quotation CI-Q{t:%y%m%d}",
        ["Chiyoda Insatsu Co., Ltd.", f"JPY {price:,} (tax excluded)"],
        "Microsoft Excel for Microsoft 365",
        t,
    )
    return corr_draft(
        rng,
        ("森 雄一", c.address),
        [r],
        subject,
        plain,
        t,
        [pdf_att(doc, f"御見積書_{what.split('（')[0]}.pdf", "gmail", t)],
    )


@template("business", "dev", 6)
def biz_daiwa_thread(rng: random.Random) -> Draft:
    """A long Outlook thread with the supplier about a delivery date."""
    r = YOSHIDA if rng.random() < 0.8 else WATANABE
    c = DAIWA.contact
    t0 = when(rng)
    po = f"MS-{t0:%y%m}-{rng.randrange(100, 999)}"
    item = rng.choice(
        ("SUS304 丸棒 φ50×2000", "A5052 板材 t10×1250×2500", "S45C 丸棒 φ80×1000", "SCM435 丸棒 φ30×4000")
    )
    n = rng.randrange(30, 120)
    early = rng.randrange(10, n // 2)
    base = f"【納期ご確認】{item} 発注分（{po}）"
    sig_them = signature(
        "大和商事株式会社", "営業部", "松本　隆", "Takashi Matsumoto", DAIWA.domain, c.address
    )
    sig_us = f"{r.name}\n{ORG_NAME} {r.title}\n{ORG_TEL}"
    d1 = next_business_day(t0, rng.randrange(3, 8))
    steps = [
        (
            p2t(r),
            f"""大和商事株式会社
松本様

いつもお世話になっております。
みなと精機の{sei(r)}です。

発注書No.{po}（{item}　{n}本）の件で、納期を確認させてください。
客先から前倒しの要望があり、{jdate(d1)}までに一部でも入荷できると助かります。

お忙しいところ恐縮ですが、ご確認のほどよろしくお願いいたします。

{sig_us}
""",
        ),
        (
            (c.name, c.address),
            f"""{r.name}様

いつも大変お世話になっております。
大和商事の松本でございます。

メーカーに確認いたしましたところ、通常納期は3週間とのことですが、
弊社在庫で{early}本まででしたら、{jdate(d1)}に納品可能です。
残りの{n - early}本は、通常納期での納品となります。

分納でよろしければ、手配を進めさせていただきます。
ご検討のほど、よろしくお願いいたします。

{sig_them}
""",
        ),
        (
            p2t(r),
            f"""松本様

お世話になっております。
ご確認いただきありがとうございます。大変助かります。

在庫分の{early}本を{jdate(d1)}に先行で納品いただけますでしょうか。
残りは通常納期で構いません。

お手数をおかけしますが、よろしくお願いいたします。

{sig_us}
""",
        ),
        (
            (c.name, c.address),
            f"""{r.name}様

いつも大変お世話になっております。
大和商事の松本でございます。

承知いたしました。在庫分{early}本を{jdate(d1)}午前着で出荷いたします。
分納となりますので、納品書は2回に分けてお送りいたします。
残り{n - early}本の入荷日が確定しましたら、改めてご連絡いたします。

引き続きよろしくお願い申し上げます。

{sig_them}
""",
        ),
    ]
    k = rng.choice((2, 4, 4))
    times = [t0]
    for _ in range(1, k):
        times.append(later(rng, times[-1], 25, 300))
    chain = steps[:k]
    subject_of = [base if i == 0 else f"RE: {base}" for i in range(k)]
    body_ = chain[-1][1]
    for i in range(k - 2, -1, -1):
        who, txt = chain[i]
        other = chain[i + 1][0]
        body_ += outlook_quote(who, times[i], [other], subject_of[i], txt)
    return corr_draft(
        rng,
        (c.name, c.address),
        [r],
        subject_of[-1],
        body_,
        times[-1],
        extra=thread_headers(rng, [ch[0][1] for ch in chain[:-1]]),
    )


@template("business", "dev", 4)
def biz_internal_dev(rng: random.Random) -> Draft:
    """Colleagues writing to each other."""
    t = when(rng)
    kind = rng.randrange(3)
    if kind == 0:
        meeting = next_business_day(t, rng.randrange(3, 8))
        subject = f"{mday(meeting)} 役員会資料の件"
        plain = f"""伊藤部長

お疲れさまです。渡辺です。
{jdate(meeting)}の役員会の資料について、ご相談です。

第3四半期の部門別損益の資料に、設備投資の回収見込みを1枚追加していただけますか。
社長から、新しいマシニングセンタの稼働率と合わせて説明してほしいとの話がありました。

前日の昼までにいただければ、こちらで全体をまとめます。
よろしくお願いします。

渡辺
"""
        return internal_draft(rng, WATANABE, subject, plain, t, to=[ITO], cc=[TAKAHASHI])
    if kind == 1:
        subject = f"{(t.replace(day=1) - timedelta(days=1)).month}月度 月次決算の進め方"
        plain = f"""小林さん

お疲れさまです。伊藤です。
今月の月次決算ですが、以下の順で進めてください。

1. 売掛金の消込（{mday(next_business_day(t, 2))}まで）
2. 仕入先の請求書の照合（大和商事さん、千代田印刷さんの分が届いています）
3. 未払金・前払費用の計上

大和商事さんから振込先変更の書面が届いているので、
登録変更の前に、必ず松本さんに電話で確認してから進めてください。
確認した日時と相手のお名前をメモに残しておいてください。

不明点があれば声をかけてください。

伊藤
"""
        return internal_draft(rng, ITO, subject, plain, t, to=[KOBAYASHI])
    subject = "出張報告（東洋電機 相模原工場）"
    plain = f"""渡辺専務

お疲れさまです。吉田です。
本日の東洋電機様 相模原工場への訪問について、ご報告します。

■面談者：購買部 井上様、品質保証部 ご担当者様
■内容
・次期モデル用ブラケットは、来期から月産3,000個の見込み
・初回ロットは{jdate(next_business_day(t, 30), False)}納品希望
・品質監査（工程監査）を来月実施したいとのこと。日程は別途調整

見積依頼が来週届く予定です。届き次第、製造部と相談のうえ回答します。
詳細は明日の朝会で共有します。

吉田
"""
    return internal_draft(rng, YOSHIDA, subject, plain, t, to=[WATANABE], cc=[TAKAHASHI])


@template("business", "dev", 1)
def biz_mobile(rng: random.Random) -> Draft:
    """A sales rep writes from her phone carrier address while travelling (rare, genuine)."""
    t = when(rng)
    sender = "a-yoshida.0415@docomo.ne.jp"
    plain = """渡辺専務

お疲れさまです。吉田です。
出張中のため携帯から失礼します。

東洋電機様との打ち合わせが終わりました。
試作品の評価は概ね良好で、量産の見積依頼をいただけそうです。
詳細は明日出社してから報告します。

新幹線の遅れで、本日は直帰させていただきます。

吉田
"""
    host = f"mfsmax{rng.randrange(1, 30):02d}.docomo.ne.jp"
    route = r_service(
        rng,
        sender,
        host,
        ip4(rng, "203.138.180"),
        f"{hexs(rng, 16)}.{num(rng, 5)}@docomo.ne.jp",
        [("docomo.ne.jp", "20190131")],
        WATANABE.address,
    )
    body = text(plain, "utf-8", "base64", ctype='text/plain; charset="UTF-8"')
    return Draft(
        route,
        mbox(YOSHIDA.name, sender),
        WATANABE.address,
        hdr("出張先より（東洋電機様 打合せ結果）"),
        t,
        WATANABE.address,
        body,
    )


@template("business", "dev", 4)
def biz_chuo_thanks(rng: random.Random) -> Draft:
    """The company lawyer thanks the president for a meeting and reports on a review."""
    t = when(rng)
    c = CHUO.contact
    kind = rng.randrange(2)
    if kind == 0:
        subject = "先日のご面談のお礼"
        main = f"""先日はお忙しいところ、弊所までお越しいただき誠にありがとうございました。

ご相談いただきました取引先との契約更新の件につきましては、
お預かりした資料を拝見のうえ、{mday(next_business_day(t, 7))}頃までに
論点を整理したメモをお送りいたします。

追加で確認させていただきたい事項が出てまいりましたら、
改めてご連絡いたします。"""
    else:
        subject = "秘密保持契約書のレビュー結果について"
        main = """ご依頼いただいておりました秘密保持契約書のレビューが完了いたしました。

結論といたしましては、大きな問題はございませんが、
以下の2点について修正をご提案いたします。

1. 秘密情報の定義に、口頭で開示された情報の扱いを明記すること
2. 契約終了後の秘密保持期間を「5年間」とすること

修正案は別途お送りいたします。
お電話でご説明することも可能ですので、お申し付けください。"""
    plain = f"""株式会社みなと精機
代表取締役社長　高橋 健一様

いつも大変お世話になっております。
中央総合法律事務所の木村でございます。

{main}

今後ともよろしくお願い申し上げます。

―――――――――――――――――――――――
中央総合法律事務所
弁護士　木村 恵子
{LETTERHEAD[CHUO.domain][0]}
TEL：{LETTERHEAD[CHUO.domain][1]}　FAX：{LETTERHEAD[CHUO.domain][2]}
―――――――――――――――――――――――
"""
    return corr_draft(rng, ("木村 恵子", c.address), [TAKAHASHI], subject, plain, t)


@template("business", "test", 5)
def biz_hokuto_schedule(rng: random.Random) -> Draft:
    """The carrier asks about delivery schedules (Thunderbird, text, quoted reply)."""
    r = rng.choice((YOSHIDA, NAKAMURA))
    t = when(rng, months=(11, 12, 1, 3, 4, 7, 8))
    c = HOKUTO.contact
    if t.month in (11, 12, 1):
        subject = "年末年始の集荷スケジュールについて"
        ask = """年末年始の集荷スケジュールについて、ご確認をお願いいたします。

　最終集荷：12月27日（土）午前
　年始集荷：1月5日（月）から通常どおり

年末の最終便は混み合いますので、
出荷予定がございましたら、12月20日までにお知らせいただけますと助かります。"""
    else:
        subject = (
            "お盆・連休期間の配送について" if t.month in (4, 7, 8) else "来月以降の定期便の時間変更のお願い"
        )
        ask = """弊社ドライバーの勤務時間見直しに伴い、
定期便の集荷時間を16時から15時30分に変更させていただきたく、ご相談です。

ご都合が悪い場合は、代替案をご提案いたしますので、お知らせください。"""
    quoted = rng.random() < 0.5
    plain = f"""株式会社みなと精機
{r.title}　{r.name}様

いつもお世話になっております。
北斗運輸の林です。

{ask}

よろしくお願いいたします。

{SIG_DASH}
北斗運輸株式会社　配車係
林 健太
TEL：{LETTERHEAD[HOKUTO.domain][1]}　FAX：{LETTERHEAD[HOKUTO.domain][2]}
"""
    extra: list[tuple[str, str]] = []
    if quoted:
        prev = t
        t = later(rng, prev, 30, 300)
        mine = (
            f"林様\n\nお世話になっております。みなと精機の{sei(r)}です。\n"
            f"{subject.replace('について', '')}の件、承知しました。\n社内で確認して、改めてご連絡します。\n"
            f"\n{r.name}"
        )
        plain = f"""{r.name}様

ご確認ありがとうございます。
それでは、ご連絡をお待ちしております。

林

On {prev:%Y/%m/%d %H:%M}, {r.name} wrote:
{gt_quote(mine)}
>
> -----Original Message-----
> From: 林 健太 <{c.address}>
{gt_quote(plain)}"""
        subject = "Re: RE: " + subject
        extra = thread_headers(rng, [c.address, r.address])
    return corr_draft(rng, ("林 健太", c.address), [r], subject, plain, t, extra=extra)


@template("business", "test", 5)
def biz_sato_meeting(rng: random.Random) -> Draft:
    """The tax accountant asks for documents and a meeting (Becky!, ISO-2022-JP)."""
    t = when(rng)
    c = SATO.contact
    visit = next_business_day(t, rng.randrange(4, 10))
    docs = rng.sample(
        [
            "総勘定元帳（{m}月分）",
            "売掛金・買掛金の残高一覧",
            "固定資産の取得に関する請求書の写し",
            "棚卸表",
            "借入金の返済予定表",
            "役員報酬の支給明細",
        ],
        3,
    )
    m_ = (t.replace(day=1) - timedelta(days=1)).month
    subject = rng.choice(
        (f"{visit.month}月の訪問日程と資料のお願い", "月次監査の資料準備のお願い", "決算打合せの日程のご相談")
    )
    plain = (
        f"""株式会社みなと精機
経理部長　伊藤 由美 様

いつもお世話になっております。
佐藤税理士事務所の佐藤です。

次回の訪問ですが、{jdate(visit)} 10:00〜でいかがでしょうか。
ご都合が悪いようでしたら、別の日程をお知らせください。

当日までに、以下の資料をご準備いただけますと助かります。
"""
        + "\n".join(f"　・{d.format(m=m_)}" for d in docs)
        + f"""

また、先日お話のあった新しい機械の購入について、
特別償却や税額控除の適用可否を検討しておきますので、
見積書か契約書の写しがあればお送りください。

よろしくお願いいたします。

------------------------------------------
佐藤税理士事務所
税理士　佐藤 浩
{LETTERHEAD[SATO.domain][0]}
TEL {LETTERHEAD[SATO.domain][1]}　FAX {LETTERHEAD[SATO.domain][2]}
------------------------------------------
"""
    )
    return corr_draft(
        rng,
        ("佐藤 浩", c.address),
        [ITO],
        subject,
        plain,
        t,
        cc=[p2t(KOBAYASHI)] if rng.random() < 0.4 else (),
    )


@template("business", "test", 6)
def biz_fuji_thread(rng: random.Random) -> Draft:
    """A Gmail thread with the IT vendor about replacing the server, quoted with '>'."""
    c = FUJI.contact
    t0 = when(rng)
    t1 = later(rng, t0, 60, 600)
    tq = later(rng, t1, 20, 240)
    t2 = later(rng, tq, 20, 240)
    model = rng.choice(("タワー型サーバー（Xeon Silver、メモリ64GB）", "NAS（4ベイ、RAID6）", "UTM後継機"))
    price = rng.randrange(80, 400) * 10000
    q1 = """清水様

いつもお世話になっております。
みなと精機の加藤です。

ファイルサーバーの保守期限が来年3月で切れるため、更改を検討しています。
現在の利用容量は約2.4TBで、年に300GBほど増えています。
構成案とお見積りをいただけますでしょうか。

加藤"""
    a1 = f"""加藤様

いつもお世話になっております。富士システムズの清水です。

ご連絡ありがとうございます。
現在の構成と増加ペースから、{model}での構成をご提案いたします。
概算で{yen(price)}円（税抜、設置・データ移行作業込み）となります。

正式なお見積りは、現地で配線とラックの空きを確認してから作成いたします。
来週のどこかで1時間ほどお伺いできますでしょうか。

清水"""
    q2 = f"""清水様

ありがとうございます。
{mday(next_business_day(t1, 3))}の午後でしたら対応できます。
14時からでいかがでしょうか。

加藤"""
    a2 = f"""加藤様

ご調整ありがとうございます。
それでは、{mday(next_business_day(t1, 3))} 14:00に伺います。
当日は、現在のサーバーの管理画面を拝見できると助かります。

よろしくお願いいたします。

--
富士システムズ株式会社　カスタマーサポート
清水 亮
TEL：{LETTERHEAD[FUJI.domain][1]}"""
    deep = rng.random() < 0.6
    subject = "Re: ファイルサーバー更改のご相談"
    if deep:
        quoted = (
            q2
            + "\n\n"
            + gmail_attr(t1, c.name + " (富士システムズ)", c.address)
            + "\n"
            + gt_quote(a1 + "\n\n" + gmail_attr(t0, KATO.name, KATO.address) + "\n" + gt_quote(q1))
        )
        body = body_gmail(rng, a2, quoted=quoted, attribution=gmail_attr(tq, KATO.name, KATO.address))
        chain = [KATO.address, c.address, KATO.address]
        t = t2
    else:
        body = body_gmail(rng, a1, quoted=q1, attribution=gmail_attr(t0, KATO.name, KATO.address))
        chain = [KATO.address]
        t = t1
    route = r_google(rng, c.address, KATO.address)
    return Draft(
        route,
        mbox(f"{c.name} (富士システムズ)", c.address),
        mbox(KATO.name, KATO.address),
        hdr(subject),
        t,
        KATO.address,
        body,
        thread_headers(rng, chain),
    )


@template("business", "test", 4)
def biz_suzuki_rules(rng: random.Random) -> Draft:
    """The labour consultant sends a draft of the revised work rules."""
    t = when(rng)
    c = SUZUKI.contact
    subject = rng.choice(("就業規則改定案の送付", "育児・介護休業規程の改定について", "36協定の更新について"))
    plain = f"""株式会社みなと精機
人事部　山本 さくら様

いつもお世話になっております。
鈴木社会保険労務士事務所の鈴木です。

先日ご相談いただきました「{subject.replace("の送付", "").replace("について", "")}」の件、
改定案を作成しましたのでお送りいたします。

法改正に対応する箇所は赤字、貴社のご要望を反映した箇所は青字にしております。
社内でご確認いただき、ご意見をお聞かせください。

従業員代表の意見書のひな形も同封しております。
労働基準監督署への届出は、弊所で電子申請にて代行いたします。

何卒よろしくお願いいたします。

**************************************************
鈴木社会保険労務士事務所
特定社会保険労務士　鈴木 明美
{LETTERHEAD[SUZUKI.domain][0]}
TEL {LETTERHEAD[SUZUKI.domain][1]} / FAX {LETTERHEAD[SUZUKI.domain][2]}
**************************************************
"""
    doc = pdf("Draft work rules", ["Minato Seiki Co., Ltd.", "Draft for review"], "Microsoft Word 2019", t)
    return corr_draft(
        rng,
        ("鈴木 明美", c.address),
        [YAMAMOTO],
        subject,
        plain,
        t,
        [pdf_att(doc, f"{subject[:8]}_改定案.pdf", "outlook", t)],
    )


@template("business", "test", 5)
def biz_internal_test(rng: random.Random) -> Draft:
    """More colleagues: approvals, visitors, a new colleague."""
    t = when(rng)
    kind = rng.randrange(3)
    if kind == 0:
        subject = "【承認依頼】PC更新の見積もり（5台分）"
        plain = f"""渡辺専務

お疲れさまです。加藤です。
Windows 10のサポート終了に伴うPC更新について、承認をお願いします。

・台数：5台（製造部3台、営業部2台）
・金額：{yen(rng.randrange(80, 120) * 10000)}円（税抜、富士システムズ見積）
・納期：発注から約2週間

見積書は共有フォルダに保存しています。
\\\\fs01\\総務\\見積\\{t:%Y}\\PC更新_富士システムズ.pdf

ご確認のほど、よろしくお願いします。

加藤
"""
        return internal_draft(rng, KATO, subject, plain, t, to=[WATANABE], client="thunderbird")
    if kind == 1:
        visit = next_business_day(t, 2)
        subject = f"{mday(visit)} 来客駐車場の使用について"
        plain = f"""各位

総務部の中村です。
{jdate(visit)}は東洋電機様の工程監査のため、来客駐車場を終日使用します。
当日は社用車を第2駐車場に移動していただくよう、お願いします。

よろしくお願いします。

総務部　中村
"""
        return internal_draft(rng, NAKAMURA, subject, plain, t)
    subject = "新しく入社された方のご紹介"
    plain = f"""社員各位

人事部の山本です。
本日付で、製造部に{rng.choice(("村上 大樹", "斎藤 結衣", "岡本 拓海"))}さんが入社されました。
前職では自動車部品の加工に携わっていたそうです。

席は製造部の島（3番）です。
皆さん、どうぞよろしくお願いします。

人事部　山本
"""
    return internal_draft(rng, YAMAMOTO, subject, plain, t)


@template("business", "test", 1)
def biz_freemail(rng: random.Random) -> Draft:
    """A colleague writes from a personal Gmail account because her work PC is broken (rare, genuine)."""
    t = when(rng)
    sender = "sakura.yamamoto.0703@gmail.com"
    plain = """加藤さん

お疲れさまです。人事部の山本です。
会社のPCが起動しなくなってしまったため、個人のGmailから失礼します。

電源は入るのですが、メーカーのロゴのところで止まってしまいます。
本日中に給与計算の確認があるため、代わりのPCをお借りできないでしょうか。

内線214にいますので、お手すきの際にご連絡ください。

山本
"""
    route = r_google(rng, sender, KATO.address, consumer=True)
    body = body_gmail(rng, plain)
    return Draft(
        route,
        mbox(YAMAMOTO.name, sender),
        mbox(KATO.name, KATO.address),
        hdr("PCが起動しません（個人アドレスから失礼します）"),
        t,
        KATO.address,
        body,
    )


# ============================================================================================
# 10. notifications from SaaS and cloud services


def r_microsoft(rng: random.Random, sender: str, rcpt: str) -> Route:
    """Microsoft's own notification mail, out of Exchange Online Protection."""
    eop_pod = rng.choice(("dm6nam12", "bn8nam12", "co1nam11", "sn4nam04"))
    eop = f"mail-{eop_pod}on{rng.randrange(2040, 2200)}.outbound.protection.outlook.com"
    box_pod = rng.choice(("BY5PR", "SA1PR", "CH3PR", "DM4PR"))
    box = f"{box_pod}{rng.randrange(10, 22)}MB{rng.randrange(1000, 9999)}"

    def h1(t: datetime) -> str:
        return (
            f"from {box}.namprd{rng.randrange(10, 22)}.prod.outlook.com "
            f"(2603:10b6:{hexs(rng, 3)}:{hexs(rng, 2)}::{rng.randrange(2, 9)}) by\n"
            f"\t{box}.namprd{rng.randrange(10, 22)}.prod.outlook.com with Microsoft SMTP Server\n"
            "\t(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id "
            f"15.20.{rng.randrange(8200, 9400)}.{rng.randrange(10, 40)};\n"
            f"\t{utc_date(t)}"
        )

    dom = domain_of(sender)
    return Route(
        return_path=sender,
        msgid=f"{uuid4(rng)}@az.{rng.choice(('westus2', 'eastus', 'centralus'))}.microsoft.com",
        mx=(eop, eop, ip4(rng, rng.choice(("40.107.92", "40.107.236", "52.100.165")))),
        hops=[(rng.randrange(1, 3), h1)],
        dkim=[(dom, "S1024-meo", "pass") if dom == "microsoft.com" else (dom, "selector1", "pass")],
        tls="1.2",
    )


@template("saas-notice", "dev", 4)
def saas_microsoft(rng: random.Random) -> Draft:
    """Microsoft 365 admin notices and account security codes."""
    r = KATO if rng.random() < 0.8 else TAKAHASHI
    t = when(rng, "any")
    kind = rng.randrange(3)
    if kind == 0:
        sender, name = (
            "account-security-noreply@accountprotection.microsoft.com",
            "Microsoft アカウント チーム",
        )
        code = num(rng, 6) if rng.random() < 0.5 else f"{rng.randrange(0, 10)}{num(rng, 5)}"
        subject = "Microsoft アカウントのセキュリティ コード"
        plain = f"""Microsoft アカウント
セキュリティ コード

Microsoft アカウント {r.address[:2]}*****@{ORG_DOMAIN} の
セキュリティ コードとして次のコードを使用してください。

セキュリティ コード: {code}

このコードを要求していない場合は、このメールを無視してください。
他のユーザーが誤ってお客様のメール アドレスを入力した可能性があります。

ありがとうございました。
Microsoft アカウント チーム
"""
    elif kind == 1:
        sender, name = "o365mc@microsoft.com", "Microsoft 365 Message center"
        subject = f"Message center weekly digest: {t:%B %d, %Y}"
        plain = f"""Microsoft 365 管理センター
メッセージ センターの週次ダイジェスト

{ORG_NAME} 宛の過去 7 日間の新しいメッセージ: {rng.randrange(3, 14)} 件

・(更新) Microsoft Teams: 会議の録画の既定の保存期間の変更
・Exchange Online: 基本認証の廃止に関するリマインダー
・Microsoft 365 アプリ: 新しい Outlook for Windows への切り替え

メッセージ センターですべてのメッセージを確認してください。
https://admin.microsoft.com/AdminPortal/home#/MessageCenter

このメールは、Microsoft 365 管理センターのメッセージ センターの設定に基づいて送信されています。
Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA
"""
    else:
        sender, name = "microsoft-noreply@microsoft.com", "Microsoft"
        renew = t + timedelta(days=30)
        subject = "Microsoft 365 Business Standard のサブスクリプションの更新が近づいています"
        plain = f"""{ORG_NAME} の管理者様

Microsoft 365 Business Standard のサブスクリプションは
{renew.year}/{renew.month}/{renew.day} に自動更新されます。

ライセンス数: {rng.randrange(10, 20)}
お支払い方法: 請求書払い

ライセンス数の変更やお支払い方法の確認は、Microsoft 365 管理センターの「課金」から行えます。
https://admin.microsoft.com/Adminportal/Home#/subscriptions

このメッセージは、サブスクリプションの管理者に送信されています。
Microsoft Corporation, One Microsoft Way, Redmond, WA 98052 USA
プライバシーに関する声明: https://go.microsoft.com/fwlink/?LinkId=521839
"""
    route = r_microsoft(rng, sender, r.address)
    body = multi(
        "alternative",
        [
            text(plain, "utf-8", "quoted-printable", ctype='text/plain; charset="utf-8"'),
            html(
                "<html><body><div style=\"font-family:'Segoe UI',sans-serif;font-size:14px;\">"
                + _autolink(escape(plain)).replace("\n", "<br>\n")
                + "</div></body></html>\n",
                "utf-8",
                "quoted-printable",
                ctype='text/html; charset="utf-8"',
            ),
        ],
        f"--boundary_{rng.randrange(100, 999)}_{uuid4(rng)}",
    )
    return Draft(route, mbox(name, sender), r.address, hdr(subject), t, r.address, body, date_tz=UTC)


@template("saas-notice", "dev", 4)
def saas_chatwork(rng: random.Random) -> Draft:
    """A business chat service's unread-message and contact-request notices (Amazon SES)."""
    r = rng.choice((YOSHIDA, WATANABE, KATO, NAKAMURA))
    t = when(rng, "any")
    esp = esp_ses(rng, "chatwork.com", r.address, t, "https://www.chatwork.com/mail_setting")
    who = rng.choice(
        (
            (DAIWA.contact.name, "大和商事株式会社"),
            (TOYO.contact.name, "東洋電機株式会社"),
            (FUJI.contact.name, "富士システムズ株式会社"),
        )
    )
    rid = rng.randrange(100000000, 400000000)
    if rng.random() < 0.7:
        n = rng.randrange(1, 12)
        subject = f"[Chatwork] 未読のメッセージが{n}件あります"
        plain = f"""{r.name}さん

Chatworkに未読のメッセージが{n}件あります。

■{who[1]}（{who[0]}）
「{rng.choice(CHATWORK_SNIPPETS)}」

メッセージを確認する
https://www.chatwork.com/#!rid{rid}

※このメールは送信専用です。
※メール通知の設定は、Chatworkの「環境設定」から変更できます。
Chatwork株式会社
"""
    else:
        subject = "[Chatwork] コンタクト承認リクエストが届いています"
        plain = f"""{r.name}さん

{who[1]}の{who[0]}さんから、コンタクト承認リクエストが届いています。

コンタクト承認リクエストを確認する
https://www.chatwork.com/#!contact_request

※心当たりのないリクエストは、承認しないでください。
Chatwork株式会社
"""
    body = text(plain, "utf-8", "base64", ctype="text/plain; charset=UTF-8")
    return Draft(
        esp.route, mbox("Chatwork", "noreply@chatwork.com"), r.address, hdr(subject), t, r.address, body
    )


@template("saas-notice", "dev", 4)
def saas_backlog(rng: random.Random) -> Draft:
    """Project-management notifications for the IT vendor's migration project (Amazon SES)."""
    r = KATO
    t = when(rng, "biz")
    esp = esp_ses(
        rng, "backlog.com", r.address, t, "https://minato-sys.backlog.com/EditUserMailSetting.action"
    )
    n = rng.randrange(10, 90)
    title = rng.choice(
        (
            "ファイルサーバー移行手順の確認",
            "旧サーバーのデータ削除可否",
            "VPN装置のファームウェア更新日程",
            "プリンタードライバの配布方法",
        )
    )
    action = rng.choice(
        ("課題にコメントを追加しました", "課題の状態を「処理中」に変更しました", "課題を追加しました")
    )
    subject = f"[MINATO_SYS-{n}] {title}"
    comment = rng.choice(
        (
            "手順書を更新しました。5章のドライブ割り当ての部分をご確認ください。",
            "来週の作業日で問題ないか、ご確認をお願いします。",
            "事前のバックアップは弊社で取得済みです。",
        )
    )
    plain = f"""{r.name}さん

{FUJI.contact.name}さんが{action}。

[MINATO_SYS-{n}] {title}
https://minato-sys.backlog.com/view/MINATO_SYS-{n}#comment-{rng.randrange(100000000, 500000000)}

----------------------------------------------------------------------
{comment}
----------------------------------------------------------------------

プロジェクト：みなと精機 システム更改（MINATO_SYS）
担当者：{FUJI.contact.name}
期限日：{sdate(next_business_day(t, 7))}

--
※このメールにご返信いただいても、課題にコメントは追加されません。
※通知の設定は個人設定の「メール設定」から変更できます。
Backlog
"""
    body = text(plain, "utf-8", "quoted-printable", ctype="text/plain; charset=UTF-8")
    return Draft(
        esp.route,
        mbox(f"{FUJI.contact.name} (Backlog)", "noreply@backlog.com"),
        r.address,
        hdr(subject),
        t,
        r.address,
        body,
        [("X-Backlog-Project", "MINATO_SYS")],
    )


@template("saas-notice", "dev", 4)
def saas_freee(rng: random.Random) -> Draft:
    """A cloud accounting service: a new-device login notice (genuine) and a bank-sync failure (SendGrid)."""
    r = rng.choice((ITO, KOBAYASHI, KOBAYASHI))
    t = when(rng, "any")
    esp = esp_sendgrid(rng, "freee.co.jp", r.address)
    if rng.random() < 0.5:
        subject = "【freee】新しい端末からのログインがありました"
        plain = f"""{r.name} 様

freeeアカウントに、新しい端末からのログインがありました。

日時：{t:%Y/%m/%d %H:%M}
端末：{rng.choice(("Windows / Chrome", "Windows / Microsoft Edge", "iPhone / freee会計アプリ"))}
IPアドレス：{ip4(rng, rng.choice(("153.156", "126.36", "60.112")))}
おおよその場所：日本 神奈川県

このログインに心当たりがある場合は、対応は不要です。
心当たりがない場合は、すぐにパスワードを変更し、二段階認証を設定してください。
https://accounts.secure.freee.co.jp/password/edit

※本メールは送信専用のアドレスからお送りしています。
freee株式会社
"""
    else:
        bank = rng.choice(("横浜銀行", "みずほ銀行", "三井住友銀行"))
        subject = f"【freee会計】口座の同期に失敗しました（{bank}）"
        plain = f"""{r.name} 様

{ORG_NAME}の口座「{bank} 法人口座」の明細の同期に失敗しました。
銀行側でパスワードや電子証明書の更新が必要になっている可能性があります。

freee会計にログインし、「口座」→「同期の設定」から再設定してください。
https://secure.freee.co.jp/walletables

※本メールは送信専用のアドレスからお送りしています。
freee株式会社
"""
    body = text(plain, "utf-8", "base64", ctype="text/plain; charset=UTF-8")
    return Draft(
        esp.route, mbox("freee", "no-reply@freee.co.jp"), r.address, hdr(subject), t, r.address, body
    )


@template("saas-notice", "dev", 4)
def saas_zoom(rng: random.Random) -> Draft:
    """A video-meeting service: sign-in codes and cloud recordings."""
    r = rng.choice((YOSHIDA, WATANABE, KATO))
    t = when(rng, "any")
    if rng.random() < 0.5:
        subject = "Zoom: サインインの確認コード"
        plain = f"""こんにちは、{r.name.split()[1]}さん

Zoomへのサインインを完了するには、次の確認コードを入力してください。

{num(rng, 6)}

このコードは10分間有効です。
このサインインに心当たりがない場合は、パスワードを変更してください。
https://zoom.us/profile

ありがとうございます。
Zoomチーム
"""
    else:
        topic = rng.choice(("東洋電機様 定例会議", "営業部 週次ミーティング", "展示会 事前打ち合わせ"))
        subject = f"クラウドレコーディング - {topic}が利用可能になりました"
        plain = f"""こんにちは、{r.name.split()[1]}さん

ミーティング「{topic}」のクラウドレコーディングが利用可能になりました。

日時：{t:%Y/%m/%d %H:%M} 大阪、札幌、東京
ミーティングID：{num(rng, 3)} {num(rng, 4)} {num(rng, 4)}

レコーディングを表示する：
https://us06web.zoom.us/rec/share/{rs(rng, 60, URLSAFE)}

ありがとうございます。
Zoomチーム
"""
    host = f"mail{rng.randrange(1, 40)}.zoom.us"
    route = r_service(
        rng,
        f"bounces+{hexs(rng, 16)}@mailer.zoom.us",
        host,
        ip4(rng, "170.114.10"),
        f"{uuid4(rng)}@zoom.us",
        [("zoom.us", "zoom1")],
        r.address,
    )
    body = multi(
        "alternative",
        [
            text(plain, "utf-8", "quoted-printable"),
            html(
                f"<html><body>{_autolink(escape(plain)).replace(chr(10), '<br>')}</body></html>\n",
                "utf-8",
                "quoted-printable",
            ),
        ],
        boundary(rng, "java"),
    )
    return Draft(route, mbox("Zoom", "no-reply@zoom.us"), r.address, hdr(subject), t, r.address, body)


@template("saas-notice", "test", 4)
def saas_google(rng: random.Random) -> Draft:
    """Google: a genuine new-sign-in security alert and Google Workspace billing."""
    r = KATO if rng.random() < 0.7 else ITO
    t = when(rng, "any")
    if rng.random() < 0.55:
        sender, name = "no-reply@accounts.google.com", "Google"
        device = rng.choice(("Windows", "Mac", "iPhone", "Android"))
        subject = "セキュリティ通知"
        link = (
            f"https://accounts.google.com/AccountChooser?Email={quote(r.address)}&continue=https://"
            "myaccount.google.com/alert/nt/"
            f"{int(t.timestamp() * 1000)}?rfn%3D325%26rfnc%3D1%26eid%3D{rs(rng, 20, ALNUM + '-_')}%26et%3D0"
        )
        plain = f"""{device} で新しいログインがありました

{r.address}

Google アカウントへの新しいログインが {device} デバイスで検出されました。このログインに心当たりがない場合は、
不正なユーザーがお客様のアカウントにアクセスした可能性があります。アカウントを保護してください。

アクティビティを確認
{link}

このメールは、Google アカウントとサービスの重要な変更についてお知らせするために送信されました。
© {t.year} Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA
"""
        rp = f"3{rs(rng, 30, ALNUM + '-')}.{rs(rng, 20, LOWER)}@gaia.bounces.google.com"
        d = "accounts.google.com"
    else:
        sender, name = "payments-noreply@google.com", "Google Payments"
        prev = t.replace(day=1) - timedelta(days=1)
        subject = f"Google Workspace: {prev.year}年{prev.month}月の請求書をご確認ください"
        plain = f"""Google Workspace

{ORG_NAME} の {prev.year}年{prev.month}月分の請求書を発行しました。

請求先アカウント ID：{num(rng, 4)}-{num(rng, 4)}-{num(rng, 4)}
ドメイン：{ORG_DOMAIN}
金額：￥{yen(rng.randrange(8, 20) * 1360)}

請求書は管理コンソールの［お支払い］からダウンロードできます。
https://admin.google.com/ac/billing/accounts

この通知は、Google Workspace の請求先連絡先に送信されています。
© {t.year} Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA
"""
        rp = f"3{rs(rng, 30, ALNUM + '-')}.{rs(rng, 20, LOWER)}@scoutcamp.bounces.google.com"
        d = "google.com"
    host = f"mail-{rng.choice(('sor', 'pj1', 'yb1'))}-f{rng.randrange(65, 200)}.google.com"

    def h1(tt: datetime) -> str:
        return (
            f"by {host} with SMTP id {hexs(rng, 12)}sor{num(rng, 8)}.{rng.randrange(1, 9)}\n"
            f"        for <{r.address}>\n        (Google Transport Security);\n        {pacific(tt)}"
        )

    route = Route(
        return_path=rp,
        msgid=f"{rs(rng, 22, URLSAFE)}@notifications.google.com",
        mx=(host, host, ip4(rng, "209.85.220")),
        hops=[(0, h1)],
        dkim=[(d, "20230601", "pass")],
        style="gmail",
    )
    rest_html = _autolink(escape("\n".join(plain.splitlines()[1:]))).replace("\n", "<br>")
    page = (
        '<!DOCTYPE html><html lang="ja"><head><meta name="format-detection" content="email=no"/></head><'
        'body style="margin:0;padding:0;">'
        '<table width="100%" style="min-width:348px;" border="0" cellspacing="0" cellpadding="0"><tr><'
        'td align="center">'
        '<div style="border:thin solid #dadce0;border-radius:8px;padding:40px '
        '20px;max-width:516px;font-family:Google Sans,Roboto,Arial,sans-serif;">'
        '<img src="https://www.gstatic.com/images/branding/googlelogo/2x/googlelogo_color_74x24dp.png" '
        'width="74" height="24" alt="Google">'
        f'<div style="font-size:24px;padding-top:24px;">{escape(plain.splitlines()[0])}</div>'
        f'<div style="font-size:14px;line-height:20px;padding-top:20px;">{rest_html}</div>'
        "</div></td></tr></table></body></html>\n"
    )
    body = multi(
        "alternative",
        [
            text(plain, "utf-8", "base64", ctype='text/plain; charset="UTF-8"; format=flowed; delsp=yes'),
            html(page, "utf-8", "quoted-printable", ctype='text/html; charset="UTF-8"'),
        ],
        boundary(rng, "gmail"),
    )
    return Draft(route, mbox(name, sender), r.address, hdr(subject), t, r.address, body, date_tz=UTC)


@template("saas-notice", "test", 4)
def saas_slack(rng: random.Random) -> Draft:
    """A chat workspace: confirmation codes and new sign-in notices."""
    r = rng.choice((KATO, YOSHIDA, WATANABE))
    t = when(rng, "any")
    ws = "minato-seiki"
    if rng.random() < 0.5:
        code = f"{rs(rng, 3, UPPER)}-{rs(rng, 3, UPPER)}"
        subject = f"Slack 確認コード: {code}"
        plain = f"""確認コード

以下の確認コードを、開いているブラウザウィンドウに入力すると、サインインが完了します。

{code}

このメールをリクエストしていない場合は、心配する必要はありません。無視していただいて問題ありません。

Slack Technologies, LLC, a Salesforce company
415 Mission Street, 3rd Floor, San Francisco, CA 94105
"""
    else:
        subject = f"{ws} で新しいデバイスからのサインインがありました"
        plain = f"""{r.name.split()[1]} さん、こんにちは

{t:%Y年%m月%d日 %H:%M} に、新しいデバイスからワークスペース「{ws}」にサインインがありました。

デバイス：{rng.choice(("Windows 上の Chrome", "Mac 上の Safari", "iOS 上の Slack アプリ"))}
場所：日本 神奈川県（推定）

心当たりがある場合は、対応は不要です。
心当たりがない場合は、パスワードを変更し、すべてのセッションからサインアウトしてください。
https://{ws}.slack.com/account/settings

Slack Technologies, LLC, a Salesforce company
"""
    host = f"mail-{rng.choice(('a', 'b', 'c'))}{rng.randrange(10, 99)}.slack-mail.com"
    route = r_service(
        rng,
        f"bounces-{hexs(rng, 24)}@slack-mail.com",
        host,
        ip4(rng, "54.240.2"),
        f"{hexs(rng, 32)}@slack-mail.com",
        [("slack.com", "slack2024"), ("slack-mail.com", "s1")],
        r.address,
    )
    body = multi(
        "alternative",
        [
            text(plain, "utf-8", "quoted-printable"),
            html(
                "<html><body>" + _autolink(escape(plain)).replace("\n", "<br>") + "</body></html>\n",
                "utf-8",
                "quoted-printable",
            ),
        ],
        boundary(rng, "php"),
    )
    return Draft(route, mbox("Slack", "no-reply@slack.com"), r.address, hdr(subject), t, r.address, body)


@template("saas-notice", "test", 4)
def saas_kintone(rng: random.Random) -> Draft:
    """A no-code database service's record and comment notifications."""
    r = rng.choice((YOSHIDA, WATANABE, NAKAMURA, ITO))
    t = when(rng, "biz")
    app, app_id = rng.choice((("案件管理", 12), ("設備保全記録", 27), ("見積依頼", 8)))
    rec = rng.randrange(100, 2000)
    who = rng.choice([p for p in EVERYONE if p != r])
    subject = f"[kintone] {app}：レコード（{rec}）にコメントが書き込まれました"
    plain = f"""{who.name}さんが、{app}のレコード（{rec}）にコメントを書き込みました。

「@{r.name} {rng.choice(KINTONE_COMMENTS)}」

https://minato-seiki.cybozu.com/k/{app_id}/show#record={rec}&comment={rng.randrange(1, 30)}

--
この通知は、kintoneの通知設定に基づいて送信されています。
cybozu.com
"""
    host = f"mx{rng.randrange(1, 9)}.cybozu.com"
    route = r_service(
        rng,
        f"noreply-bounce@{host}",
        host,
        ip4(rng, "103.79.14"),
        f"{uuid4(rng)}@cybozu.com",
        [("cybozu.com", "cy2023")],
        r.address,
    )
    body = text(plain, "utf-8", "base64", ctype="text/plain; charset=UTF-8")
    return Draft(route, mbox("kintone", "noreply@cybozu.com"), r.address, hdr(subject), t, r.address, body)


@template("saas-notice", "test", 4)
def saas_moneyforward(rng: random.Random) -> Draft:
    """A cloud accounting service: a genuine login notice and a one-time code (SendGrid)."""
    r = rng.choice((ITO, KOBAYASHI))
    t = when(rng, "any")
    esp = esp_sendgrid(rng, "moneyforward.com", r.address)
    if rng.random() < 0.5:
        subject = "【マネーフォワード クラウド】新しい端末からログインがありました"
        plain = f"""{r.name} 様

マネーフォワード クラウドをご利用いただき、ありがとうございます。
お客様のアカウントに、新しい端末からのログインがありました。

ログイン日時：{t:%Y年%m月%d日 %H:%M}
ブラウザ　　：{rng.choice(("Chrome", "Microsoft Edge", "Safari"))}
OS　　　　　：{rng.choice(("Windows", "macOS", "iOS"))}
IPアドレス　：{ip4(rng, rng.choice(("153.156", "126.36")))}

ご本人によるログインの場合は、このメールを破棄してください。
心当たりがない場合は、速やかにパスワードを変更してください。
https://id.moneyforward.com/me

※本メールは送信専用アドレスから送信しています。
株式会社マネーフォワード
"""
    else:
        subject = "【マネーフォワード ID】認証コードのお知らせ"
        plain = f"""{r.name} 様

マネーフォワード IDの認証コードをお知らせします。

認証コード：{num(rng, 6)}

認証コードの有効期限は10分です。
このメールに心当たりがない場合は、破棄してください。

株式会社マネーフォワード
"""
    body = text(plain, "utf-8", "base64", ctype="text/plain; charset=UTF-8")
    return Draft(
        esp.route,
        mbox("マネーフォワード クラウド", "no-reply@moneyforward.com"),
        r.address,
        hdr(subject),
        t,
        r.address,
        body,
    )


@template("saas-notice", "test", 4)
def saas_lineworks(rng: random.Random) -> Draft:
    """A business chat service's login notice and digest of unread messages."""
    r = rng.choice((YOSHIDA, NAKAMURA, YAMAMOTO))
    t = when(rng, "any")
    if rng.random() < 0.5:
        subject = "[LINE WORKS] 新しい環境からログインしました"
        plain = f"""{r.name}さん

新しい環境からLINE WORKSにログインしました。

日時：{t:%Y/%m/%d %H:%M} (GMT+09:00)
環境：{rng.choice(("PCブラウザ（Windows）", "iOSアプリ", "Androidアプリ"))}

本人がログインした場合は、このメールを無視してください。
本人がログインしていない場合は、すぐにパスワードを変更し、管理者に連絡してください。

LINE WORKS
"""
    else:
        n = rng.randrange(2, 20)
        subject = f"[LINE WORKS] 未読のメッセージが{n}件あります"
        plain = f"""{r.name}さん

トークに未読のメッセージが{n}件あります。

・製造部グループ（{rng.randrange(1, 9)}件）
・{rng.choice(EVERYONE).name}（{rng.randrange(1, 5)}件）

LINE WORKSアプリで確認してください。
https://talk.worksmobile.com/

LINE WORKS
"""
    host = f"mail{rng.randrange(1, 12)}.worksmobile.com"
    route = r_service(
        rng,
        f"noreply-bounce@{host}",
        host,
        ip4(rng, "211.249.40"),
        f"{hexs(rng, 24)}.{num(rng, 13)}@worksmobile.com",
        [("worksmobile.com", "works")],
        r.address,
    )
    body = text(plain, "utf-8", "base64", ctype="text/plain; charset=UTF-8")
    return Draft(
        route, mbox("LINE WORKS", "noreply@worksmobile.com"), r.address, hdr(subject), t, r.address, body
    )


# ============================================================================================
# the corpus


def messages(split: str, seed: int = 1) -> list[tuple[str, bytes]]:
    """(name, RFC 5322 message bytes). split is "dev" or "test"."""
    if split not in ("dev", "test"):
        raise ValueError(f"split must be 'dev' or 'test', not {split!r}")
    master = random.Random(f"mailwarden-ja-business:{split}:{seed}")
    out: list[tuple[str, bytes]] = []
    for family in FAMILIES:
        k = 0
        for tpl in TEMPLATES:
            if tpl.family != family or tpl.split != split:
                continue
            for _ in range(tpl.calls):
                rng = random.Random(master.getrandbits(64))
                for draft in tpl.make(rng):
                    out.append((f"{family}-{k:04d}", render(draft, rng)))
                    k += 1
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Print the counts of the Japanese business-mail corpus and optionally write it."
    )
    parser.add_argument("--out", type=Path, help="write DIR/dev/*.eml and DIR/test/*.eml")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for split in ("dev", "test"):
        msgs = messages(split, args.seed)
        counts = {f: sum(1 for n, _ in msgs if n.rsplit("-", 1)[0] == f) for f in FAMILIES}
        templates = {f: sum(1 for t in TEMPLATES if t.family == f and t.split == split) for f in FAMILIES}
        print(f"{split}: {len(msgs)} messages")
        for f in FAMILIES:
            print(f"  {f:<18} {counts[f]:>4}  ({templates[f]} templates)")
        if args.out:
            d = args.out / split
            d.mkdir(parents=True, exist_ok=True)
            for name, data in msgs:
                (d / f"{name}.eml").write_bytes(data)
    if args.out:
        print(f"written to {args.out}")


if __name__ == "__main__":
    main()
