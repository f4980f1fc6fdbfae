"""Japanese business-email-compromise (BEC) and related targeted fraud, as one company receives it.

``messages(split, seed)`` returns ``(name, bytes)`` pairs: whole RFC 5322 messages addressed to the
staff of :mod:`tests.support.ja_org` in 2025-2026, written the way attackers write them now: like
ordinary business mail, short and polite, mostly without links or attachments, from free-mail
accounts or from lookalike domains the attacker registered, so SPF, DKIM and DMARC pass for the
domain the mail really comes from. They impersonate the company's executives, its staff and the
correspondents of ``ja_org.CORRESPONDENTS``. The set measures whether a phishing analyser catches
them; it was written blind to the analyser's rules and nothing was made more obvious than
attackers make it.

Families (``FAMILIES``): CEO "are you available?", urgent wire bypassing approval, data requests
(My Number, payroll ledger, employee and customer lists), lawyer / M&A, callback scam, supplier
bank-detail change and reply-chain hijack, gift cards, payroll diversion, fake invoice, and mixed
English/Japanese. Every family has at least four templates; each template belongs to one split, so
``dev`` and ``test`` share no wording, pretext or lookalike technique within a family. A template
is a function that builds one :class:`Mail` from a seeded ``random.Random``.

``python -m tests.support.ja_bec --out DIR`` prints the counts and writes the messages to
``DIR/dev`` and ``DIR/test`` as ``.eml`` files. All people, companies, banks, numbers and texts are
invented; the free-mail providers and hosting services appear only as their mail carries them.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import quopri
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.generator import BytesGenerator
from email.message import Message
from email.policy import compat32
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

from tests.support.ja_org import CEO, CORRESPONDENTS, MX_HOST, ORG_DOMAIN, ORG_NAME, STAFF, VIPS, Person

FAMILIES: tuple[str, ...] = (
    "ceo-available",
    "wire-urgent",
    "data-request",
    "lawyer-mna",
    "callback",
    "supplier-bank",
    "gift-card",
    "payroll-diversion",
    "fake-invoice",
    "mixed-english",
)
PER_FAMILY = 12  # messages per family and split

JST = timezone(timedelta(hours=9))
START = datetime(2025, 1, 6, tzinfo=JST)
DAYS = 448  # up to the end of March 2026

ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
QID = "0123456789BCDFGHJKLMNPQRSTVWXYbcdfghjklmnpqrstvwxy"
CODECS = {"iso-2022-jp": "iso2022_jp", "shift_jis": "cp932", "utf-8": "utf-8", "us-ascii": "ascii"}

# --------------------------------------------------------------------------------------------
# the company and the people the attackers imitate


def _member(local: str) -> Person:
    return next(p for p in (*VIPS, *STAFF) if p.address.split("@")[0] == local)


def _correspondent(domain: str):
    return next(c for c in CORRESPONDENTS if c.domain == domain)


TAKAHASHI = CEO
WATANABE = _member("m.watanabe")
ITO = _member("y.ito")
KOBAYASHI = _member("n.kobayashi")
YAMAMOTO = _member("s.yamamoto")
NAKAMURA = _member("s.nakamura")
KATO = _member("d.kato")
YOSHIDA = _member("a.yoshida")
EXECS = (TAKAHASHI, WATANABE)  # the people whose name opens a payment
ACCOUNTING = (ITO, KOBAYASHI)

DAIWA = _correspondent("daiwa-shoji.co.jp")
TOYO = _correspondent("toyo-denki.co.jp")
SATO = _correspondent("sato-zeirishi.jp")
CHUO = _correspondent("chuo-sogo-law.jp")
HOKUTO = _correspondent("hokuto-unyu.co.jp")
FUJI = _correspondent("fuji-systems.co.jp")
SUZUKI = _correspondent("suzuki-sharoushi.jp")
CHIYODA = _correspondent("chiyoda-insatsu.co.jp")

# what the attackers copied from earlier mail: the company's and correspondents' letterheads
ORG_ADDRESS = "〒213-0031 神奈川県川崎市高津区宇奈根1-4-12"
ORG_TEL = "044-833-5120"
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

# how the people's names are romanised in the free-mail addresses made up for them
ROMAJI = {
    "高橋 健一": ("takahashi", "kenichi"),
    "渡辺 誠": ("watanabe", "makoto"),
    "伊藤 由美": ("ito", "yumi"),
    "小林 直樹": ("kobayashi", "naoki"),
    "山本 さくら": ("yamamoto", "sakura"),
    "中村 翔": ("nakamura", "sho"),
    "加藤 大輔": ("kato", "daisuke"),
    "吉田 彩": ("yoshida", "aya"),
}

# invented banks and branches for the accounts the money is sent to
BANKS = (
    ("ひかり銀行", ("日本橋支店", "新宿西口支店", "渋谷中央支店", "上野支店")),
    ("あおば銀行", ("本店営業部", "池袋支店", "横浜駅前支店", "大宮支店")),
    ("東都信用金庫", ("本店", "錦糸町支店", "北千住支店")),
    ("みらいネット銀行", ("ダリア支店", "ガーベラ支店", "コスモス支店", "第一営業部")),
    ("ことぶき銀行", ("梅田支店", "難波支店", "名古屋駅前支店")),
    ("はやぶさネット銀行", ("法人営業部", "ソレイユ支店", "リーフ支店")),
)

# --------------------------------------------------------------------------------------------
# random pieces


def rs(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def hexs(rng: random.Random, n: int, upper: bool = False) -> str:
    s = rs(rng, n, HEX)
    return s.upper() if upper else s


def digits(rng: random.Random, n: int) -> str:
    return str(rng.randrange(1, 10)) + rs(rng, n - 1, string.digits)


def ip4(rng: random.Random, prefix: str) -> str:
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(rng.randrange(2, 254)))
    return ".".join(parts)


def uuid(rng: random.Random, upper: bool = False) -> str:
    h = hexs(rng, 32, upper)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab' if not upper else '89AB')}{h[17:20]}-{h[20:]}"


def qid(rng: random.Random) -> str:
    return rs(rng, rng.randrange(11, 14), QID)


def yen(n: int) -> str:
    return f"{n:,}"


def amount(rng: random.Random, lo: int, hi: int, step: int = 10_000) -> int:
    return rng.randrange(lo // step, hi // step + 1) * step


WEEKDAYS = "月火水木金土日"


def md(d: datetime) -> str:
    """5月28日（水）"""
    return f"{d.month}月{d.day}日（{WEEKDAYS[d.weekday()]}）"


def ymd(d: datetime) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def next_weekday(d: datetime, n: int = 1) -> datetime:
    while n:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def when(rng: random.Random, hours: tuple[int, int] = (8, 19), weekend: float = 0.04) -> datetime:
    """A moment of 2025-2026 (JST) in working hours, rarely on a weekend."""
    while True:
        d = START + timedelta(days=rng.randrange(DAYS))
        if d.weekday() < 5 or rng.random() < weekend:
            break
    return d.replace(hour=rng.randrange(*hours), minute=rng.randrange(60), second=rng.randrange(60))


def bank_account(rng: random.Random, holder: str, personal: bool = False) -> list[str]:
    bank, branches = rng.choice(BANKS)
    return [
        f"銀行名：{bank}",
        f"支店名：{rng.choice(branches)}（{rng.randrange(100, 990)}）",
        f"口座種別：{'普通' if personal else rng.choice(('普通', '普通', '普通', '当座'))}",
        f"口座番号：{digits(rng, 7)}",
        f"口座名義：{holder}",
    ]


def surname(p: Person) -> str:
    return p.name.split()[0]


def nospace(name: str) -> str:
    return name.replace(" ", "")


def lines(*parts: str | list[str] | tuple[str, ...]) -> str:
    """Join text lines; a list or tuple among them is spliced in."""
    out: list[str] = []
    for p in parts:
        out.extend(p if isinstance(p, (list, tuple)) else [p])
    return "\n".join(out) + "\n"


def pick(rng: random.Random, *options):
    return rng.choice(options)


# --------------------------------------------------------------------------------------------
# RFC 2047 and dates


def ew(text: str, charset: str = "utf-8", upper: bool = True, limit: int = 75) -> str:
    """``text`` as B encoded words cut on character boundaries, folded, or as is when ASCII."""
    if all(" " <= c < "\x7f" for c in text):
        return text
    codec = CODECS[charset]
    label = charset.upper() if upper else charset
    words: list[str] = []
    cur = ""
    for ch in text:
        trial = cur + ch
        if cur and len(base64.b64encode(trial.encode(codec))) + len(label) + 7 > limit:
            words.append(cur)
            cur = ch
        else:
            cur = trial
    words.append(cur)
    return "\n ".join(f"=?{label}?B?{base64.b64encode(w.encode(codec)).decode()}?=" for w in words)


def subject_hdr(text: str, charset: str = "utf-8", upper: bool = True) -> str:
    """Re:/RE:/Fw: prefixes stay in ASCII as mailers leave them."""
    prefix = ""
    while True:
        for p in ("Re: ", "RE: ", "Fw: ", "FW: ", "Fwd: "):
            if text.startswith(p):
                prefix += p
                text = text[len(p) :]
                break
        else:
            break
    if not prefix:
        return ew(text, charset, upper)
    return (
        prefix + ew(text, charset, upper)
        if all(ord(c) < 128 for c in text)
        else prefix.rstrip() + ("\n " + ew(text, charset, upper))
    )


_SPECIALS = set('()<>[]:;@\\,."')


def mailbox(name: str, address: str, charset: str = "utf-8", upper: bool = True) -> str:
    if not name:
        return address
    if all(ord(c) < 128 for c in name):
        shown = f'"{name}"' if _SPECIALS & set(name) else name
        return f"{shown} <{address}>"
    single = ew(name, charset, upper, limit=10_000)
    if len(single) <= 75 or " " not in name:
        return f"{single} <{address}>"
    # a long name: one encoded word per space-separated piece, as mailers cut it at the spaces
    pieces = []
    for piece in name.split(" "):
        ascii_atom = all(" " < c < "\x7f" for c in piece) and not (_SPECIALS & set(piece))
        pieces.append(piece if ascii_atom else ew(piece, charset, upper, limit=10_000))
    return "\n ".join(pieces) + f" <{address}>"


def rfc_date(t: datetime, tz: timezone = JST, suffix: str = "") -> str:
    return format_datetime(t.astimezone(tz)) + suffix


def postfix_date(t: datetime) -> str:
    return rfc_date(t, JST, " (JST)")


def utc_date(t: datetime) -> str:
    return rfc_date(t, UTC)


def _summer(t: datetime, region: str) -> bool:
    """Daylight saving time in the United States or in Europe (rules of 2025-2026)."""
    u = t.astimezone(UTC)
    y = u.year
    if region == "us":
        march = datetime(y, 3, 8, 10, tzinfo=UTC)  # second Sunday of March
        begin = march + timedelta(days=(6 - march.weekday()) % 7)
        nov = datetime(y, 11, 1, 9, tzinfo=UTC)  # first Sunday of November
        return begin <= u < nov + timedelta(days=(6 - nov.weekday()) % 7)
    march = datetime(y, 3, 25, 1, tzinfo=UTC)  # last Sunday of March
    october = datetime(y, 10, 25, 1, tzinfo=UTC)  # last Sunday of October
    return (
        march + timedelta(days=(6 - march.weekday()) % 7)
        <= u
        < october + timedelta(days=(6 - october.weekday()) % 7)
    )


def eastern(t: datetime) -> str:
    if _summer(t, "us"):
        return rfc_date(t, timezone(timedelta(hours=-4)), " (EDT)")
    return rfc_date(t, timezone(timedelta(hours=-5)), " (EST)")


def central_europe(t: datetime) -> str:
    return rfc_date(t, timezone(timedelta(hours=2 if _summer(t, "eu") else 1)))


def pacific(t: datetime) -> str:
    if _summer(t, "us"):
        return rfc_date(t, timezone(timedelta(hours=-7)), " (PDT)")
    return rfc_date(t, timezone(timedelta(hours=-8)), " (PST)")


# --------------------------------------------------------------------------------------------
# the message as the attacker writes it


@dataclass
class Mail:
    sender: tuple[str, str]  # display name, address
    to: list[tuple[str, str]]
    subject: str
    text: str
    date: datetime
    via: str  # gmail, outlook, yahoo, icloud, workspace, m365 or hosting:<provider>:<client>
    cc: list[tuple[str, str]] = field(default_factory=list)
    reply_to: tuple[str, str] | None = None
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)  # filename, type, data
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    dmarc: str | None = "none"  # the From domain's published policy; None: no DMARC record
    charset: str = ""  # a body charset other than the sending system's usual one


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[1].lower()


# --------------------------------------------------------------------------------------------
# bodies


def _encode_text(text: str, charset: str, cte: str) -> str:
    data = text.encode(CODECS[charset])
    if cte == "base64":
        b = base64.b64encode(data).decode()
        return "\n".join(b[i : i + 76] for i in range(0, len(b), 76)) + "\n"
    if cte == "quoted-printable":
        return quopri.encodestring(data).decode("ascii")
    return data.decode("ascii" if cte == "7bit" else CODECS[charset])


def leaf(text: str, subtype: str, charset: str, cte: str, label: str = "", params: str = "") -> Message:
    """One text part; ``label`` is the charset as the mailer writes it (with quotes if any)."""
    m = Message()
    m["Content-Type"] = f"text/{subtype}; charset={label or charset}{params}"
    m["Content-Transfer-Encoding"] = cte
    m.set_payload(_encode_text(text.replace("\r\n", "\n"), charset, cte))
    return m


def container(subtype: str, parts: list[Message], boundary: str) -> Message:
    m = Message()
    m["Content-Type"] = f'multipart/{subtype};\n\tboundary="{boundary}"'
    for p in parts:
        m.attach(p)
    return m


def attachment_part(filename: str, ctype: str, data: bytes, style: str) -> Message:
    """An attachment with the filename encoded as the mailer does: RFC 2231 or RFC 2047."""
    m = Message()
    if all(ord(c) < 128 for c in filename):
        ct, cd = f'{ctype}; name="{filename}"', f'attachment; filename="{filename}"'
    elif style == "2047":
        enc = ew(filename, "iso-2022-jp", upper=False, limit=200)
        ct, cd = f'{ctype}; name="{enc}"', f'attachment; filename="{enc}"'
    else:
        enc = quote(filename.encode("utf-8"), safe="")
        ct, cd = f"{ctype}; name*=UTF-8''{enc}", f"attachment; filename*=UTF-8''{enc}"
    m["Content-Type"] = ct
    m["Content-Disposition"] = cd
    m["Content-Transfer-Encoding"] = "base64"
    b = base64.b64encode(data).decode()
    m.set_payload("\n".join(b[i : i + 76] for i in range(0, len(b), 76)) + "\n")
    return m


def html_of(text: str, style: str, charset: str = "iso-2022-jp") -> str:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    rows = esc.rstrip("\n").split("\n")
    if style == "gmail":
        inner = "<br>".join(rows)
        return f'<div dir="ltr">{inner}</div>\n'
    if style == "ox":
        body = "\n".join(f"<div>{r or '&nbsp;'}</div>" for r in rows)
        head = '<!doctype html>\n<html>\n <head>\n  <meta charset="UTF-8">\n </head>\n <body>\n'
        return f"{head}{body}\n </body>\n</html>\n"
    # Outlook (desktop and web)
    paras = "\n".join(
        f'<p class="MsoNormal">{r}<o:p></o:p></p>' if r else '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
        for r in rows
    )
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word">\n<head>\n'
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n</head>\n'
        f'<body lang="JA" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
        f'<div class="WordSection1">\n{paras}\n</div>\n</body>\n</html>\n'
    )


def pdf(lines_: list[str], title: str, when_: datetime) -> bytes:
    """A one-page PDF in Helvetica: what a quickly made fake invoice carries."""
    content = ["BT", "/F1 11 Tf", "56 780 Td", "14 TL"]
    for ln in lines_:
        safe = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content.append(f"({safe}) Tj T*")
    content.append("ET")
    stream = "\n".join(content).encode("ascii")
    stamp = when_.strftime("D:%Y%m%d%H%M%S+09'00'")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        f"<< /Title ({title}) /Producer (Microsoft: Print To PDF) /CreationDate ({stamp}) >>".encode("ascii"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# sending systems: free mail, Google Workspace and Microsoft 365 tenants, rental servers and VPS


Trace = Callable[[datetime, Callable[[datetime], str]], tuple[list[tuple[str, str]], datetime]]


@dataclass
class System:
    """How the sending system writes and relays a message: the host that reaches our MX, the
    Message-ID, the trace it adds above the message (newest first, with the DKIM signature where
    it belongs), the headers its client adds, the header order (``@mime`` marks where the MIME
    fields go), the body format and the charset of encoded words."""

    peer: tuple[str, str, str]  # HELO, reverse DNS, IP
    msgid: str
    trace: Trace
    dkim: tuple[str, str, int]  # d=, s=, key bits
    order: list[str]
    extra: list[tuple[str, str]] = field(default_factory=list)
    charset: str = "utf-8"
    cte: str = "base64"
    label: str = '"UTF-8"'
    html: str | None = None  # CTE of an HTML alternative, or no alternative
    html_style: str = "outlook"
    boundary: str = ""
    hdr_charset: str = "utf-8"
    hdr_upper: bool = True
    params: str = ""
    date_suffix: str = ""
    mime_version: str = "1.0"
    attach_style: str = "2231"
    tls: str = "1.3"


def _dkim_value(rng, d, s, bits, bh, names, t, gmail_style=False) -> str:
    b = base64.b64encode(rng.randbytes(bits // 8)).decode()
    if gmail_style:
        head = (
            f"v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d={d}; s={s}; t={int(t.timestamp())}; "
            f"x={int(t.timestamp()) + 604800}; darn={ORG_DOMAIN};\n        h={':'.join(names)};\n"
            f"        bh={bh};\n        b="
        )
        return head + "\n         ".join(b[i : i + 70] for i in range(0, len(b), 70))
    head = f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\n\ts={s}; t={int(t.timestamp())};\n"
    head += f"\th={':'.join(names)};\n"
    return head + f"\tbh={bh};\n\tb=" + "\n\t ".join(b[i : i + 70] for i in range(0, len(b), 70))


def _gmailish(rng: random.Random, m: Mail, workspace: bool) -> System:
    dom = domain_of(m.sender[1])
    f = rng.randrange(170, 200)
    host = f"mail-{rng.choice(('pl1', 'pj1', 'oi1', 'ed1', 'lf1', 'yw1', 'qk1'))}-f{f}.google.com"
    ip = rng.choice(("209.85.214", "209.85.216", "209.85.208", "209.85.167", "209.85.128")) + f".{f}"
    smtp_id = f"{rs(rng, 13, LOWER)}-{hexs(rng, 12)}so{digits(rng, 7)}a12.{rng.randrange(0, 4)}"
    rcpt = m.to[0][1]

    def trace(t0: datetime, sign: Callable[[datetime], str]):
        t1 = t0 + timedelta(seconds=rng.randrange(0, 2))
        x_id = f"{hexs(rng, 8)}-{hexs(rng, 12)}mr{digits(rng, 7)}pgb.{rng.randrange(1, 9)}"
        hs = [
            ("Received", f"by {host} with SMTP id {smtp_id}\n        for <{rcpt}>; {pacific(t1)}"),
            ("DKIM-Signature", sign(t1)),
            (
                "X-Google-DKIM-Signature",
                "v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=1e100.net; s=20230601; "
                f"t={int(t1.timestamp())}; x={int(t1.timestamp()) + 604800};\n"
                "        h=to:subject:message-id:date:from:mime-version:x-gm-message-state\n"
                "         :from:to:cc:subject:date:message-id:reply-to;\n"
                f"        bh={base64.b64encode(rng.randbytes(32)).decode()};\n"
                f"        b={base64.b64encode(rng.randbytes(96)).decode()}",
            ),
            ("X-Gm-Message-State", "AOJu0Y" + rs(rng, 62, B64)),
            ("X-Gm-Gg", "ASbGnc" + rs(rng, 74, B64) + "\n\t" + rs(rng, 60, B64)),
            ("X-Google-Smtp-Source", "AGHT+I" + rs(rng, 66, B64) + "="),
            (
                "X-Received",
                f"by 2002:a17:90b:{hexs(rng, 4)}:b0:{hexs(rng, 3)}:{hexs(rng, 4)} with SMTP id\n"
                f" {x_id}; {pacific(t1)}",
            ),
        ]
        return hs, t1

    return System(
        peer=(host, host, ip),
        msgid=f"CA{rng.choice('+BKFJLMN')}{rs(rng, rng.randrange(40, 58), ALNUM + '+-_=')}@mail.gmail.com",
        trace=trace,
        dkim=(dom, "google" if workspace else "20230601", 2048),
        order=[
            "MIME-Version",
            "References",
            "In-Reply-To",
            "Reply-To",
            "From",
            "Date",
            "X-Gm-Features",
            "Message-ID",
            "Subject",
            "To",
            "Cc",
            "@mime",
        ],
        extra=[("X-Gm-Features", "AX0GCF" + rs(rng, 50, ALNUM + "-_"))],
        charset="utf-8",
        cte="base64",
        label='"UTF-8"',
        html="base64",
        html_style="gmail",
        boundary="000000000000" + hexs(rng, 16),
        hdr_charset="utf-8",
        hdr_upper=True,
    )


def link_local(rng: random.Random) -> str:
    return "fe80::" + ":".join(hexs(rng, 4) for _ in range(4))


def _exchange(rng: random.Random, m: Mail, consumer: bool) -> System:
    """Outlook.com (consumer, Outlook on the web) or an attacker's own Microsoft 365 tenant."""
    dom = domain_of(m.sender[1])
    if consumer:
        pods = ("TYCP286MB", "TYWP286MB", "OS3P286MB", "OSZP286MB", "TY3P286MB")
        suffix = "JPNP286.PROD.OUTLOOK.COM"
        peer_host = f"mail-{rng.choice(('tycjpn01', 'os0jpn01', 'tyzjpn01'))}olkn20{rng.randrange(10, 99)}"
        peer = (
            f"JPN01-{rng.choice(('TYC', 'OS0', 'TYZ'))}-obe.outbound.protection.outlook.com",
            f"{peer_host}.outbound.protection.outlook.com",
            ip4(rng, rng.choice(("40.92.98", "40.92.99", "40.92.100", "40.92.101"))),
        )
    else:
        pods = ("TYCPR01MB", "TYWPR01MB", "OS3PR01MB", "OSZPR01MB", "TY3PR01MB")
        suffix = "jpnprd01.prod.outlook.com"
        eop = f"mail-{rng.choice(('tycjpn01', 'os0jpn01', 'tyzjpn01'))}on20{rng.randrange(40, 99)}"
        peer = (
            f"{eop}.outbound.protection.outlook.com",
            f"{eop}.outbound.protection.outlook.com",
            ip4(rng, rng.choice(("40.107.74", "40.107.114", "52.101.228", "52.101.229"))),
        )
    box = f"{rng.choice(pods)}{rng.randrange(1000, 14000)}"
    box2 = f"{rng.choice(pods)}{rng.randrange(1000, 14000)}"
    build = f"15.20.{rng.randrange(8300, 9400)}.{rng.randrange(10, 40)}"
    v6 = f"2603:1096:{rng.choice(('400', '404', '405', '604'))}:{hexs(rng, 3)}::{rng.randrange(4, 16)}"
    v6b = f"2603:1096:{rng.choice(('400', '404', '405', '604'))}:{hexs(rng, 3)}::{rng.randrange(4, 16)}"
    local_id = f"{box}{hexs(rng, 28, upper=True)}"
    msgid = f"{local_id}@{box}.{suffix}"
    topic = m.subject
    for p in ("RE: ", "Re: ", "FW: ", "Fw: "):
        topic = topic.removeprefix(p)
    aar = (
        f"i=1; mx.microsoft.com 1; spf=none; dmarc=none action=none\n header.from={dom}; dkim=none; arc=none"
    )

    def trace(t0: datetime, sign: Callable[[datetime], str]):
        t1 = t0 + timedelta(seconds=rng.randrange(0, 2))
        t2 = t1 + timedelta(seconds=rng.randrange(0, 2))
        mapi = (
            f"from {box}.{suffix}\n ([{link_local(rng)}]) by "
            f"{box}.{suffix}\n ([{link_local(rng)}%{rng.randrange(3, 7)}]) "
            f"with mapi id {build[:-2]}0{build[-2:]}; {utc_date(t1)}"
        )
        relay = (
            f"from {box}.{suffix} ({v6}) by\n {box2}.{suffix} ({v6b}) with\n Microsoft SMTP Server "
            f"(version=TLS1_2,\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id {build}; {utc_date(t2)}"
        )
        seal = base64.b64encode(rng.randbytes(256)).decode()
        ams = base64.b64encode(rng.randbytes(256)).decode()
        hs = [
            (
                "ARC-Seal",
                "i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none;\n b="
                + "\n ".join(seal[i : i + 76] for i in range(0, len(seal), 76)),
            ),
            (
                "ARC-Message-Signature",
                "i=1; a=rsa-sha256; c=relaxed/relaxed; d=microsoft.com;\n"
                " s=arcselector10001;\n h=From:Date:Subject:Message-ID:Content-Type:MIME-Version:"
                "X-MS-Exchange-AntiSpam-MessageData-ChunkCount:X-MS-Exchange-AntiSpam-MessageData-0;\n"
                f" bh={base64.b64encode(rng.randbytes(32)).decode()};\n b="
                + "\n ".join(ams[i : i + 76] for i in range(0, len(ams), 76)),
            ),
            ("ARC-Authentication-Results", aar),
            ("DKIM-Signature", sign(t2)),
            ("Received", relay),
            ("Received", mapi),
        ]
        return hs, t2

    extra = [
        *(
            [("Thread-Topic", ew(topic, "utf-8" if consumer else "iso-2022-jp", upper=False))]
            if topic
            else []
        ),
        ("Thread-Index", "AQH" + rs(rng, rng.randrange(20, 40), B64) + "=="),
        ("Accept-Language", "ja-JP, en-US"),
        ("Content-Language", "ja-JP"),
        ("X-MS-Has-Attach", "yes" if m.attachments else ""),
        ("X-MS-TNEF-Correlator", ""),
    ]
    if consumer:
        extra += [
            ("msip_labels", ""),
            ("x-ms-exchange-messagesentrepresentingtype", "1"),
            ("x-tmn", f"[{rs(rng, 32, ALNUM)}]"),
            ("x-ms-publictraffictype", "Email"),
            ("x-ms-traffictypediagnostic", f"{box}:EE_|{box2}:EE_"),
            ("x-ms-office365-filtering-correlation-id", uuid(rng)),
            (
                "x-microsoft-antispam",
                "BCL:0;ARA:14566002|15080799006|8060799006|461199028|7092599003|"
                "19110799003|440099028|3412199025|102099032;",
            ),
        ]
    else:
        extra += [
            ("x-ms-publictraffictype", "Email"),
            ("x-ms-traffictypediagnostic", f"{box}:EE_|{box2}:EE_"),
            ("x-ms-office365-filtering-correlation-id", uuid(rng)),
            ("X-OriginatorOrg", dom),
            (
                "X-MS-Exchange-CrossTenant-originalarrivaltime",
                f"{m.date.astimezone(UTC):%d %b %Y %H:%M:%S}.{rng.randrange(10000):04d}\n (UTC)",
            ),
            ("X-MS-Exchange-CrossTenant-id", uuid(rng)),
        ]
    return System(
        peer=peer,
        msgid=msgid,
        trace=trace,
        dkim=(dom, "selector1", 2048),
        order=[
            "From",
            "To",
            "CC",
            "Reply-To",
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
        extra=extra,
        charset="utf-8" if consumer else "iso-2022-jp",
        cte="base64" if consumer else "7bit",
        label='"utf-8"' if consumer else '"iso-2022-jp"',
        html="quoted-printable",
        html_style="outlook",
        boundary=f"_000_{local_id}{box}{suffix.replace('.', '').lower()}_",
        hdr_charset="utf-8" if consumer else "iso-2022-jp",
        hdr_upper=not consumer,
        attach_style="2047",
        tls="1.2",
    )


def _yahoo(rng: random.Random, m: Mail) -> System:
    n = rng.randrange(601, 609)
    web = f"web{rng.randrange(100001, 101999)}.mail.ssk.yahoo.co.jp"
    omp = f"omp10{rng.randrange(10, 50)}.mail.ssk.yahoo.co.jp"
    isp = ip4(rng, rng.choice(("126.", "153.", "60.", "133.106", "49.98")).rstrip("."))

    def nnfmp(t: datetime) -> str:
        return format_datetime(t.astimezone(UTC)).replace("+0000", "-0000")[5:]

    def trace(t0: datetime, sign: Callable[[datetime], str]):
        t1 = t0 + timedelta(seconds=rng.randrange(0, 2))
        osg = rs(rng, 260, ALNUM + "._")
        hs = [
            (
                "Received",
                f"from [182.22.66.{rng.randrange(100, 120)}] by nh{n}.bullet.mail.ssk.yahoo.co.jp "
                f"with NNFMP; {nnfmp(t1)}",
            ),
            (
                "Received",
                f"from [182.22.91.{rng.randrange(120, 140)}] by t{n}.bullet.mail.ssk.yahoo.co.jp "
                f"with NNFMP; {nnfmp(t1)}",
            ),
            ("Received", f"from [127.0.0.1] by {omp} with NNFMP; {nnfmp(t1)}"),
            ("X-Yahoo-Newman-Property", "ymail-3"),
            ("X-Yahoo-Newman-Id", f"{digits(rng, 6)}.{digits(rng, 5)}.bm@{omp}"),
            ("DKIM-Signature", sign(t1)),
            ("X-YMail-OSG", "\n ".join(osg[i : i + 70] for i in range(0, len(osg), 70))),
            (
                "Received",
                f"from [{isp}] by {web} via HTTP;\n\t{format_datetime(t0.astimezone(JST))[:-6]} JST",
            ),
        ]
        return hs, t1

    host = f"nh{n}-vm{rng.randrange(1, 12)}.bullet.mail.ssk.yahoo.co.jp"
    return System(
        peer=(host, host, ip4(rng, "182.22.90")),
        msgid=f"{digits(rng, 9)}.{digits(rng, 5)}.qm@{web}",
        trace=trace,
        dkim=("yahoo.co.jp", "yj20110701", 1024),
        order=[
            "Date",
            "From",
            "Reply-To",
            "Subject",
            "To",
            "Cc",
            "In-Reply-To",
            "References",
            "MIME-Version",
            "@mime",
            "Message-ID",
            "X-Mailer",
        ],
        extra=[("X-Mailer", f"YahooMailWebService/0.8.{rng.randrange(100, 300)}.{rng.randrange(100, 999)}")],
        charset="iso-2022-jp",
        cte="7bit",
        label="ISO-2022-JP",
        hdr_charset="iso-2022-jp",
        hdr_upper=True,
        date_suffix=" (JST)",
        tls="1.2",
    )


def _icloud(rng: random.Random, m: Mail) -> System:
    srv = (
        f"{rng.choice(('st43p00im', 'ms11p00im', 'mr85p00im', 'pv50p00im'))}-"
        f"{rng.choice(('ztdg', 'zteg', 'qufo', 'ztfb', 'ztbu'))}{digits(rng, 8)}.me.com"
    )
    ip = ip4(rng, rng.choice(("17.58.63", "17.58.23", "17.57.155", "17.57.156")))

    def trace(t0: datetime, sign: Callable[[datetime], str]):
        t1 = t0 + timedelta(seconds=rng.randrange(1, 4))
        hs = [
            ("DKIM-Signature", sign(t1)),
            (
                "Received",
                f"from smtpclient.apple (unknown [17.{rng.randrange(40, 60)}.{rng.randrange(1, 250)}."
                f"{rng.randrange(1, 250)}])\n\tby {srv} (Postfix) with ESMTPSA id {hexs(rng, 10, True)};\n"
                f"\t{utc_date(t1)} (UTC)",
            ),
        ]
        return hs, t1

    guid = rs(rng, 32, string.ascii_letters + string.digits + "-_")
    build = f"22{rng.choice('ABCDEF')}{rng.randrange(40, 260)}"
    return System(
        peer=(srv, srv, ip),
        msgid=f"{uuid(rng, upper=True)}@icloud.com",
        trace=trace,
        dkim=("icloud.com", "1a1hai", 2048),
        order=[
            "@mime",
            "From",
            "Mime-Version",
            "Date",
            "Subject",
            "Message-Id",
            "References",
            "In-Reply-To",
            "Cc",
            "Reply-To",
            "To",
            "X-Mailer",
        ],
        extra=[
            ("X-Mailer", f"iPhone Mail ({build})"),
            ("X-Proofpoint-ORIG-GUID", guid),
            ("X-Proofpoint-GUID", guid),
            (
                "X-Proofpoint-Virus-Version",
                "vendor=baseguard\n engine=ICAP:2.0.293,Aquarius:18.0.1099,"
                "Hydra:6.0.736,FMLib:17.12.80.40\n definitions="
                f"{m.date:%Y-%m-%d}_0{rng.randrange(1, 5)},{(m.date - timedelta(days=1)):%Y-%m-%d}_02,"
                "2025-02-21_01",
            ),
        ],
        charset="utf-8",
        cte="base64",
        label="utf-8",
        hdr_charset="utf-8",
        hdr_upper=False,
        mime_version="1.0 (1.0)",
    )


def _isp(rng: random.Random) -> tuple[str, str]:
    """Where the attacker connects from: a Japanese line or a VPN exit abroad."""
    kind = rng.randrange(5)
    if kind == 0:
        ip = ip4(rng, rng.choice(("153.156", "153.232")))
        return f"p{digits(rng, 7)}-ipoe.ipoe.ocn.ne.jp", ip
    if kind == 1:
        ip = ip4(rng, rng.choice(("126.36", "126.163")))
        return f"softbank{ip.replace('.', '')[:12].ljust(12, '0')}.bbtec.net", ip
    if kind == 2:
        ip = ip4(rng, rng.choice(("185.220.101", "45.134.140", "146.70.117", "89.187.162")))
        return "unknown", ip
    if kind == 3:
        ip = ip4(rng, rng.choice(("103.152.220", "113.161.73", "171.244.140")))
        return "unknown", ip
    ip = ip4(rng, rng.choice(("219.100.37", "138.199.21")))
    return "unknown", ip


def _hosting(rng: random.Random, m: Mail, provider: str, client: str) -> System:
    """A lookalike domain on a rental server, a mail-only plan or a VPS, with its own DKIM key."""
    dom = domain_of(m.sender[1])
    sender = m.sender[1]
    rcpt = m.to[0][1]
    rdns, src = _isp(rng)
    hops: list[Callable[[datetime], tuple[str, str]]] = []
    if provider == "xserver":
        srv = f"sv{rng.randrange(8000, 16000)}.xserver.jp"
        ip = ip4(rng, rng.choice(("183.90.24", "162.43.1", "210.140.7", "162.43.119")))
        selector = "default"
        via_web = client == "roundcube"

        def h1(t: datetime) -> tuple[str, str]:
            frm = (
                "localhost (localhost [127.0.0.1])"
                if via_web
                else f"[192.168.{rng.randrange(0, 3)}.{rng.randrange(10, 200)}] ({rdns} [{src}])"
            )
            return "Received", (
                f"from {frm}\n\t(Authenticated sender: {sender})\n\tby {srv} (Postfix) with "
                f"{'ESMTPA' if via_web else 'ESMTPSA'} id {qid(rng)}\n\tfor <{rcpt}>; {postfix_date(t)}"
            )

        hops.append(h1)
    elif provider == "sakura":
        srv = f"www{rng.randrange(100, 9999)}.sakura.ne.jp"
        ip = ip4(rng, rng.choice(("49.212.34", "153.120.162", "219.94.200", "59.106.13")))
        selector = "rs" + str(rng.randrange(2024, 2026)) + f"{rng.randrange(1, 13):02d}"

        def h1(t: datetime) -> tuple[str, str]:
            return "Received", (
                f"from [192.168.{rng.randrange(0, 3)}.{rng.randrange(10, 200)}] ({rdns} [{src}])\n"
                f"\t(authenticated bits=0)\n\tby {srv} (8.17.1/8.17.1) with ESMTPSA id {rs(rng, 14)}\n"
                f"\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO);\n"
                f"\t{postfix_date(t)}\n\t(envelope-from {sender})"
            )

        hops.append(h1)
    elif provider == "conoha":
        srv = f"mail{rng.randrange(10, 99)}.conoha.ne.jp"
        ip = ip4(rng, rng.choice(("133.130.96", "163.44.185", "160.251.140")))
        selector = "default"

        def h1(t: datetime) -> tuple[str, str]:
            return "Received", (
                f"from [192.168.{rng.randrange(0, 3)}.{rng.randrange(10, 200)}] (unknown [{src}])\n"
                f"\t(Authenticated sender: {sender})\n\tby {srv} (Postfix) with ESMTPSA id {qid(rng)};\n"
                f"\t{postfix_date(t)}"
            )

        hops.append(h1)
    elif provider == "privateemail":
        n = rng.randrange(101, 420)
        srv = f"mta-{n}.privateemail.com"
        ip = ip4(rng, rng.choice(("198.54.118", "198.54.122", "198.54.127")))
        selector = "default"
        app = f"APP-{rng.randrange(1, 20):02d}"

        def h1(t: datetime) -> tuple[str, str]:
            return "Received", (
                f"from {app} (unknown [10.20.151.{rng.randrange(2, 250)}])\n\tby {srv} (Postfix) with ESMTPA "
                f"id 4Z{rs(rng, 10, ALNUM)};\n\t{eastern(t)}"
            )

        def h2(t: datetime) -> tuple[str, str]:
            return "Received", (
                f"from {srv} (localhost [127.0.0.1])\n\tby {srv} (Postfix) with ESMTP id "
                f"4Z{rs(rng, 10, ALNUM)};\n"
                f"\t{eastern(t)}"
            )

        hops += [h1, h2]
    else:  # a VPS running Postfix, the mail written by a PHP script
        n = rng.randrange(1_000_000, 2_800_000)
        srv = f"vmi{n}.contaboserver.net"
        ip = ip4(rng, rng.choice(("161.97.", "173.249.", "62.171.", "194.163.")).rstrip("."))
        selector = rng.choice(("mail", "dkim", "s1"))

        def h1(t: datetime) -> tuple[str, str]:
            return (
                "Received",
                f"by {srv} (Postfix, from userid 33)\n\tid {qid(rng)}; {central_europe(t)}",
            )

        hops.append(h1)
    helo = f"mail.{dom}" if provider == "vps" else srv

    def trace(t0: datetime, sign: Callable[[datetime], str]):
        t = t0 + timedelta(seconds=rng.randrange(0, 2))
        hs: list[tuple[str, str]] = []
        for h in hops:
            t += timedelta(seconds=rng.randrange(0, 2))
            hs.insert(0, h(t))
        hs.insert(0, ("DKIM-Signature", sign(t)))
        return hs, t

    sys_ = System(peer=(helo, srv, ip), msgid="", trace=trace, dkim=(dom, selector, 2048), order=[])
    if client == "outlook":
        sys_.msgid = (
            f"00{rng.choice('01')}{rng.choice('01')}01db{hexs(rng, 4)}${hexs(rng, 8)}${hexs(rng, 8)}$@{dom}"
        )
        sys_.extra = [
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Thread-Index", "AQ" + rs(rng, 22, B64) + "=="),
            ("Content-Language", "ja"),
        ]
        sys_.order = [
            "From",
            "To",
            "Cc",
            "Reply-To",
            "References",
            "In-Reply-To",
            "Subject",
            "Date",
            "Message-ID",
            "MIME-Version",
            "@mime",
            "X-Mailer",
            "Thread-Index",
            "Content-Language",
        ]
        sys_.charset, sys_.cte, sys_.label = "iso-2022-jp", "7bit", '"iso-2022-jp"'
        sys_.html, sys_.html_style = "quoted-printable", "outlook"
        sys_.boundary = (
            f"----=_NextPart_000_00{hexs(rng, 2, True)}_01DB{hexs(rng, 4, True)}.{hexs(rng, 8, True)}"
        )
        sys_.hdr_charset, sys_.hdr_upper, sys_.attach_style = "iso-2022-jp", False, "2047"
    elif client == "thunderbird":
        sys_.msgid = f"{uuid(rng)}@{dom}"
        sys_.extra = [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "ja")]
        sys_.order = [
            "Message-ID",
            "Date",
            "MIME-Version",
            "User-Agent",
            "Subject",
            "References",
            "In-Reply-To",
            "Content-Language",
            "To",
            "Cc",
            "From",
            "Reply-To",
            "@mime",
        ]
        sys_.charset, sys_.cte, sys_.label = "iso-2022-jp", "7bit", "ISO-2022-JP"
        sys_.hdr_charset, sys_.hdr_upper = "utf-8", True
    elif client == "becky":
        stamp = m.date.strftime("%Y%m%d%H%M%S")
        sys_.msgid = f"{stamp}.{hexs(rng, 4, True)}.{hexs(rng, 8, True)}@{dom}"
        sys_.extra = [("X-Mailer", f"Becky! ver. 2.{rng.choice(('81.04', '81.05', '82', '82.01'))} [ja]")]
        sys_.order = [
            "Date",
            "From",
            "To",
            "Cc",
            "Reply-To",
            "Subject",
            "In-Reply-To",
            "References",
            "Message-Id",
            "MIME-Version",
            "@mime",
            "X-Mailer",
        ]
        sys_.charset, sys_.cte, sys_.label = "iso-2022-jp", "7bit", '"ISO-2022-JP"'
        sys_.hdr_charset, sys_.hdr_upper = "iso-2022-jp", True
    elif client == "roundcube":
        sys_.msgid = f"{hexs(rng, 32)}@{dom}"
        sys_.extra = [("User-Agent", f"Roundcube Webmail/1.6.{rng.randrange(6, 11)}")]
        sys_.order = [
            "MIME-Version",
            "Date",
            "From",
            "To",
            "Cc",
            "Subject",
            "Reply-To",
            "Mail-Reply-To",
            "In-Reply-To",
            "References",
            "User-Agent",
            "Message-ID",
            "X-Sender",
            "@mime",
        ]
        sys_.extra.append(("X-Sender", sender))
        sys_.charset, sys_.cte, sys_.label = "utf-8", "quoted-printable", "UTF-8"
        sys_.params = ";\n format=flowed"
        sys_.hdr_charset, sys_.hdr_upper = "utf-8", True
    elif client == "ox":
        sys_.msgid = f"{digits(rng, 9)}.{digits(rng, 6)}.{int(m.date.timestamp() * 1000)}@privateemail.com"
        sys_.extra = [
            ("X-Priority", "3"),
            ("Importance", "Normal"),
            ("X-Mailer", f"Open-Xchange Mailer v7.10.6-Rev{rng.randrange(40, 75)}"),
            ("X-Originating-Client", "open-xchange-appsuite"),
        ]
        sys_.order = [
            "Date",
            "From",
            "Reply-To",
            "To",
            "Cc",
            "Message-ID",
            "In-Reply-To",
            "References",
            "Subject",
            "MIME-Version",
            "@mime",
            "X-Priority",
            "Importance",
            "X-Mailer",
            "X-Originating-Client",
        ]
        sys_.charset, sys_.cte, sys_.label = "utf-8", "quoted-printable", "UTF-8"
        sys_.html, sys_.html_style = "quoted-printable", "ox"
        sys_.boundary = (
            f"----=_Part_{rng.randrange(100000, 999999)}_{digits(rng, 9)}.{int(m.date.timestamp() * 1000)}"
        )
        sys_.hdr_charset, sys_.hdr_upper = "utf-8", True
    else:  # phpmailer
        sys_.msgid = f"{rs(rng, 43, ALNUM)}@{dom}"
        sys_.extra = [("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)")]
        sys_.order = [
            "Date",
            "To",
            "From",
            "Reply-To",
            "Subject",
            "Message-ID",
            "X-Mailer",
            "MIME-Version",
            "@mime",
        ]
        sjis = m.charset == "shift_jis"
        sys_.charset = "shift_jis" if sjis else "iso-2022-jp"
        sys_.cte = "base64" if sjis else "7bit"
        sys_.label = "Shift_JIS" if sjis else "ISO-2022-JP"
        sys_.hdr_charset = sys_.charset
        sys_.hdr_upper = True
    if m.charset == "shift_jis" and client != "phpmailer":
        sys_.charset, sys_.cte, sys_.label = "shift_jis", "base64", '"Shift_JIS"'
        sys_.html = None
    return sys_


def system_for(rng: random.Random, m: Mail) -> System:
    if m.via == "gmail":
        return _gmailish(rng, m, workspace=False)
    if m.via == "workspace":
        return _gmailish(rng, m, workspace=True)
    if m.via == "outlook":
        return _exchange(rng, m, consumer=True)
    if m.via == "m365":
        return _exchange(rng, m, consumer=False)
    if m.via == "yahoo":
        return _yahoo(rng, m)
    if m.via == "icloud":
        return _icloud(rng, m)
    _, provider, client = m.via.split(":")
    return _hosting(rng, m, provider, client)


# --------------------------------------------------------------------------------------------
# rendering


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
)


def _relaxed_bh(body: bytes) -> str:
    rows = [b" ".join(r.replace(b"\t", b" ").split(b" ")).rstrip(b" ") for r in body.split(b"\r\n")]
    rows = [b" ".join(x for x in r.split(b" ") if x) if r.strip() else b"" for r in rows]
    while rows and not rows[-1]:
        rows.pop()
    return base64.b64encode(hashlib.sha256(b"".join(r + b"\r\n" for r in rows)).digest()).decode()


def _mime_tree(m: Mail, s: System, rng: random.Random) -> Message:
    plain = leaf(m.text, "plain", s.charset, s.cte, s.label, s.params)
    body = plain
    if s.html:
        hcs = "utf-8" if s.charset == "utf-8" else s.charset
        html = leaf(html_of(m.text, s.html_style, s.charset), "html", hcs, s.html, s.label)
        body = container("alternative", [plain, html], s.boundary or f"----=_Part_{hexs(rng, 24)}")
    if m.attachments:
        outer = (
            "----=_NextPart_" + hexs(rng, 24, True)
            if not s.boundary.startswith("000")
            else ("000000000000" + hexs(rng, 16))
        )
        if s.boundary.startswith("_000_"):
            outer = s.boundary.replace("_000_", "_004_")
        parts = [body] + [attachment_part(f, t, d, s.attach_style) for f, t, d in m.attachments]
        body = container("mixed", parts, outer)
    return body


def render(m: Mail, rng: random.Random) -> bytes:
    s = system_for(rng, m)
    tree = _mime_tree(m, s, rng)
    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False, policy=compat32.clone(linesep="\r\n", max_line_length=0)).flatten(
        tree
    )
    head, _, body = buf.getvalue().partition(b"\r\n\r\n")
    mime_fields: list[str] = []
    for row in head.decode("ascii").split("\r\n"):
        if row[:1] in (" ", "\t"):
            mime_fields[-1] += "\n" + row
        else:
            mime_fields.append(row)

    cs, up = s.hdr_charset, s.hdr_upper
    own: dict[str, str] = {
        "From": mailbox(*m.sender, cs, up),
        "To": ",\n ".join(mailbox(n, a, cs, up) for n, a in m.to),
        "Subject": subject_hdr(m.subject, cs, up),
        "Date": rfc_date(m.date) + s.date_suffix,
    }
    if m.cc:
        own["Cc"] = ",\n ".join(mailbox(n, a, cs, up) for n, a in m.cc)
    if m.reply_to:
        own["Reply-To"] = mailbox(*m.reply_to, cs, up)
    if m.in_reply_to:
        own["In-Reply-To"] = f"<{m.in_reply_to}>"
    if m.references:
        own["References"] = "\n ".join(f"<{r}>" for r in m.references)
    if not m.subject:
        del own["Subject"]
    for k, v in s.extra:
        own[k] = v
    fields: list[str] = []
    for name in s.order:
        if name == "@mime":
            fields += mime_fields
            continue
        key = next((k for k in own if k.lower() == name.lower()), None)
        if name.lower() == "mime-version":
            fields.append(f"{name}: {s.mime_version}")
        elif name.lower() == "message-id":
            fields.append(f"{name}: <{s.msgid}>")
        elif key is not None:
            fields.append(f"{name}: {own.pop(key)}")
    if "mime-version" not in (n.lower() for n in s.order):
        own["MIME-Version"] = s.mime_version
    if "message-id" not in (n.lower() for n in s.order):
        own["Message-ID"] = f"<{s.msgid}>"
    fields += [f"{k}: {v}" for k, v in own.items()]
    if "@mime" not in s.order:
        fields += mime_fields

    present = {f.split(":", 1)[0].lower() for f in fields}
    signed = [n for n in _SIGNED if n in present]
    if s.dkim[1] == "20230601" or s.dkim[1] == "google":
        signed = [
            n
            for n in (
                "mime-version",
                "references",
                "in-reply-to",
                "reply-to",
                "from",
                "date",
                "message-id",
                "subject",
                "to",
                "cc",
            )
            if n in present
        ]
        signed += ["from", "to", "cc", "subject", "date", "message-id", "reply-to"]
    bh = _relaxed_bh(body)
    b8: list[str] = []
    gmail_style = s.dkim[1] in ("20230601", "google")

    def sign(t: datetime) -> str:
        v = _dkim_value(rng, s.dkim[0], s.dkim[1], s.dkim[2], bh, signed, t, gmail_style)
        b8.append(v.rsplit("b=", 1)[1].replace("\n", "").replace(" ", "")[:8])
        return v

    t0 = m.date + timedelta(seconds=rng.randrange(0, 3))
    trace, t = s.trace(t0, sign)
    t += timedelta(seconds=rng.randrange(1, 4))
    helo, rdns, ip = s.peer
    tls = (
        "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
        "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
        if s.tls == "1.3"
        else "\t(using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits))\n"
    )
    rcpt = m.to[0][1]
    mx = (
        f"from {helo} ({rdns} [{ip}])\n{tls}\t(No client certificate requested)\n"
        f"\tby {MX_HOST} (Postfix) with ESMTPS id {qid(rng)}\n\tfor <{rcpt}>; {postfix_date(t)}"
    )
    t += timedelta(seconds=rng.randrange(0, 2))
    lmtp = (
        f"from {MX_HOST}\n\tby {MX_HOST} with LMTP\n\tid {rs(rng, 22, B64)}\n"
        f"\t(envelope-from <{m.sender[1]}>)\n\tfor <{rcpt}>; {rfc_date(t)}"
    )
    dom = domain_of(m.sender[1])
    dmarc = (
        f"dmarc=pass (p={m.dmarc} dis=none) header.from={dom}" if m.dmarc else f"dmarc=none header.from={dom}"
    )
    auth = (
        f"{MX_HOST};\n\tspf=pass smtp.mailfrom={dom};\n"
        f"\tdkim=pass ({s.dkim[2]}-bit key; unprotected) header.d={s.dkim[0]} header.s={s.dkim[1]} "
        f"header.b={b8[0]};\n\t{dmarc}"
    )
    top = [
        ("Return-Path", f"<{m.sender[1]}>"),
        ("Delivered-To", rcpt),
        ("Received", lmtp),
        ("Authentication-Results", auth),
        ("Received", mx),
        *trace,
    ]
    text = "\n".join([f"{k}: {v}" for k, v in top] + fields)
    text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text.encode("ascii") + b"\r\n\r\n" + body


# --------------------------------------------------------------------------------------------
# senders and recipients

FREE = {
    "gmail": ("gmail.com",),
    "outlook": ("outlook.jp", "outlook.jp", "outlook.com", "hotmail.co.jp"),
    "yahoo": ("yahoo.co.jp",),
    "icloud": ("icloud.com",),
}
FREE_DMARC = {
    "gmail.com": "none",
    "outlook.jp": "none",
    "outlook.com": "none",
    "hotmail.co.jp": "none",
    "yahoo.co.jp": "none",
    "icloud.com": "quarantine",
}


def free_address(rng: random.Random, p: Person, provider: str) -> str:
    last, first = ROMAJI[p.name]
    patterns = [
        f"{last}.{first}{rng.randrange(1, 99)}",
        f"{first[0]}.{last}.{rng.choice(('ms', 'minato', 'office', 'biz', 'work'))}",
        f"{last}{first}{rng.randrange(60, 99)}",
        f"{last}-{first[0]}-{rs(rng, 3, string.ascii_lowercase)}",
        f"minato.{last}{rng.choice(('', '1', '01', '.jp'))}".rstrip("."),
        f"{last}.minatoseiki",
        f"{first}.{last}.{rng.randrange(1000, 9999)}",
    ]
    if p in EXECS:
        patterns += [f"ceo.{last}{rng.randrange(1, 30)}", f"president.{last}", f"{last}.{first[0]}.ceo"]
    local = rng.choice(patterns)
    if provider == "gmail":
        local = local.replace("-", ".")
    return f"{local}@{rng.choice(FREE[provider])}"


def free_name(rng: random.Random, p: Person) -> str:
    last, first = ROMAJI[p.name]
    options = [p.name, p.name, nospace(p.name), nospace(p.name), f"{first.capitalize()} {last.capitalize()}"]
    if p in VIPS:
        options += [f"{p.title} {nospace(p.name)}", f"{p.name}（{ORG_NAME.removeprefix('株式会社')}）"]
    return rng.choice(options)


def free_sender(
    rng: random.Random, p: Person, providers: tuple[str, ...]
) -> tuple[tuple[str, str], str, str]:
    """(display name, address), via, DMARC policy of a free-mail account in ``p``'s name."""
    provider = rng.choice(providers)
    address = free_address(rng, p, provider)
    return (free_name(rng, p), address), provider, FREE_DMARC[domain_of(address)]


def other_free(rng: random.Random, p: Person, name: str) -> tuple[str, str]:
    """A second free-mail address for Reply-To, in the same name."""
    return name, free_address(rng, p, rng.choice(("gmail", "outlook", "yahoo")))


def rcpt(rng: random.Random, p: Person) -> tuple[str, str]:
    r = rng.random()
    if r < 0.45:
        return "", p.address
    if r < 0.85:
        return p.name, p.address
    return f"{surname(p)}さん" if r < 0.93 else f"{nospace(p.name)}様", p.address


def formal_rcpt(p: Person) -> tuple[str, str]:
    return p.name, p.address


def iphone(rng: random.Random, via: str, text: str) -> str:
    if via == "icloud" and rng.random() < 0.7:
        return text + "\n" + rng.choice(("iPhoneから送信", "iPhoneから送信", "Sent from my iPhone")) + "\n"
    return text


def org_signature(p: Person) -> list[str]:
    return [
        "――――――――――――――――",
        ORG_NAME,
        f"{p.title} {p.name}",
        ORG_ADDRESS,
        f"TEL {ORG_TEL}",
        "――――――――――――――――",
    ]


def corr_signature(
    c, person: Person | None = None, dept: str = "", email: str = "", style: int = 0
) -> list[str]:
    p = person or c.contact
    addr, tel, fax = LETTERHEAD[c.domain]
    who = f"{dept or p.title} {p.name}".strip()
    if style == 0:
        out = ["--------------------------------------------", c.name, who, addr, f"TEL：{tel}　FAX：{fax}"]
        if email:
            out.append(f"Mail：{email}")
        return [*out, "--------------------------------------------"]
    if style == 1:
        out = ["***************************", c.name, who, addr, f"TEL {tel} / FAX {fax}"]
        if email:
            out.append(f"E-mail {email}")
        return [*out, "***************************"]
    out = [
        "＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝",
        f"{c.name}　{who}",
        addr,
        f"Tel：{tel}",
        "＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝",
    ]
    return out


HOLDERS = (
    "カ）ジエイ・トレーデイング",
    "ゴ）ケイエスコンサルテイング",
    "カ）アオイキカクサービス",
    "カ）エムアンドエイアドバイザーズ",
    "ヤマグチ タケシ",
    "カ）サンライズコーポレーシヨン",
    "ゴ）テイーエヌインターナシヨナル",
)


# --------------------------------------------------------------------------------------------
# templates


@dataclass(frozen=True)
class Template:
    family: str
    split: str
    fn: Callable[[random.Random], Mail]


TEMPLATES: list[Template] = []


def template(
    family: str, split: str
) -> Callable[[Callable[[random.Random], Mail]], Callable[[random.Random], Mail]]:
    def register(fn: Callable[[random.Random], Mail]) -> Callable[[random.Random], Mail]:
        TEMPLATES.append(Template(family, split, fn))
        return fn

    return register


# 1. CEO "are you available?" ----------------------------------------------------------------


@template("ceo-available", "dev")
def ceo_available_now(rng: random.Random) -> Mail:
    boss = TAKAHASHI if rng.random() < 0.75 else WATANABE
    target = rng.choice((KOBAYASHI, NAKAMURA, YAMAMOTO, YOSHIDA, ITO, KATO))
    sender, via, dmarc = free_sender(rng, boss, ("gmail", "gmail", "icloud"))
    sn = surname(target)
    text = rng.choice(
        (
            lines(
                f"{sn}さん",
                "",
                "今、お時間ありますか？",
                "至急対応してほしい件があります。このメールに返信ください。",
            ),
            lines(
                f"{sn}さん", "今お時間ありますか。", "急ぎでお願いしたい件があります。メールで返信ください。"
            ),
            lines(
                f"{sn}さん、お疲れ様です。",
                "今、手は空いていますか？",
                "至急確認したいことがあるので、このメールに返信をお願いします。",
            ),
        )
    )
    if rng.random() < 0.5:
        text += "\n" + surname(boss) + "\n"
    subject = pick(rng, "", "お疲れ様です", "至急", "確認", f"{surname(boss)}です", "お願い")
    reply_to = other_free(rng, boss, sender[0]) if rng.random() < 0.15 else None
    return Mail(
        sender,
        [rcpt(rng, target)],
        subject,
        iphone(rng, via, text),
        when(rng),
        via,
        reply_to=reply_to,
        dmarc=dmarc,
    )


@template("ceo-available", "dev")
def ceo_line_group(rng: random.Random) -> Mail:
    boss = TAKAHASHI if rng.random() < 0.8 else WATANABE
    target = rng.choice((KOBAYASHI, NAKAMURA, YOSHIDA, ITO, YAMAMOTO))
    sender, via, dmarc = free_sender(rng, boss, ("outlook", "yahoo", "outlook"))
    sn = surname(target)
    text = rng.choice(
        (
            lines(
                f"{sn}さん",
                "",
                "業務の都合で、LINEのグループを作成してください。",
                "グループを作成したら、QRコードをこのメールに返信で送ってください。",
                "他の社員は招待しないでください。",
            ),
            lines(
                "お疲れ様です。",
                "新しい案件の連絡用に、LINEのグループを作ってもらえますか。",
                "作成後、招待用のQRコードをスクリーンショットで送ってください。",
            ),
            lines(
                f"{sn}さん",
                "LINEでグループを作成し、QRコードを私に送ってください。",
                "詳細はグループで伝えます。よろしくお願いします。",
            ),
        )
    )
    text += rng.choice(("", "\n" + surname(boss) + "\n", "\n" + nospace(boss.name) + "\n"))
    subject = pick(rng, "LINEグループ作成", "お願い", "業務連絡", "", "至急")
    reply_to = other_free(rng, boss, sender[0]) if rng.random() < 0.2 else None
    return Mail(sender, [rcpt(rng, target)], subject, text, when(rng), via, reply_to=reply_to, dmarc=dmarc)


@template("ceo-available", "test")
def ceo_in_office(rng: random.Random) -> Mail:
    boss = TAKAHASHI if rng.random() < 0.7 else WATANABE
    target = rng.choice((KOBAYASHI, ITO, NAKAMURA, YAMAMOTO, YOSHIDA))
    sender, via, dmarc = free_sender(rng, boss, ("yahoo", "outlook"))
    sn = surname(target)
    text = rng.choice(
        (
            lines(
                f"{sn}さん、お疲れ様です。",
                "今日は会社にいますか？",
                "お願いしたい仕事があるので、確認でき次第ご返信ください。",
            ),
            lines(
                f"{sn}さん",
                "",
                "本日出社されていますか。",
                "内密にお願いしたいことがあります。手が空いたら返信をください。",
            ),
            lines(
                f"お疲れ様です。{surname(boss)}です。",
                "今から少し対応してもらえますか？会議中なので、メールで返信ください。",
            ),
        )
    )
    subject = pick(rng, "確認です", "本日の件", "（至急）", "", "ご確認ください")
    reply_to = other_free(rng, boss, sender[0]) if rng.random() < 0.3 else None
    return Mail(sender, [rcpt(rng, target)], subject, text, when(rng), via, reply_to=reply_to, dmarc=dmarc)


@template("ceo-available", "test")
def ceo_mobile_number(rng: random.Random) -> Mail:
    boss = TAKAHASHI if rng.random() < 0.75 else WATANABE
    target = rng.choice((KOBAYASHI, ITO, NAKAMURA, YOSHIDA, KATO))
    sender, via, dmarc = free_sender(rng, boss, ("icloud", "gmail"))
    sn = surname(target)
    text = rng.choice(
        (
            lines(
                f"{sn}さん",
                "",
                "取引先との打ち合わせ中で電話に出られません。",
                "携帯番号を教えてもらえますか。ショートメールで指示を送ります。",
            ),
            lines(
                "お疲れ様です。",
                "この件は今後LINEで連絡を取りたいので、LINEのIDを教えてください。",
                "社内の人にはまだ話さないでください。",
            ),
            lines(f"{sn}さん", "携帯の番号を送ってください。SMSで詳しく伝えます。", "よろしく。"),
        )
    )
    subject = pick(rng, "連絡先", "至急確認", "", "お願いがあります")
    return Mail(sender, [rcpt(rng, target)], subject, iphone(rng, via, text), when(rng), via, dmarc=dmarc)


# 2. urgent wire bypassing approval ------------------------------------------------------------


@template("wire-urgent", "dev")
def wire_secret_acquisition(rng: random.Random) -> Mail:
    target = rng.choice(ACCOUNTING)
    sender, via, dmarc = free_sender(rng, TAKAHASHI, ("gmail", "icloud", "gmail"))
    sn = surname(target)
    amt = amount(rng, 3_000_000, 38_000_000, 100_000)
    text = rng.choice(
        (
            lines(
                f"{sn}さん",
                "",
                "お疲れ様です。",
                "現在、ある企業の買収案件を極秘で進めています。",
                "契約の関係で、本日中に手付金を振り込む必要があります。",
                "社内の稟議は後日私の方で回しますので、先に対応をお願いします。",
                "この件は正式発表まで、他の社員には話さないでください。",
                "",
                "振込先と金額は、担当の弁護士から別途連絡させます。",
                "対応できるかどうか、すぐに返信ください。",
                "",
                "高橋",
            ),
            lines(
                f"{sn}さん",
                "",
                "高橋です。",
                f"本日、新規取引先への前払い金として{yen(amt)}円の振込が必要になりました。",
                f"先方の都合で、今日の{rng.choice(('14', '15'))}時までに着金させなければなりません。",
                "承認の書類は明日私が用意しますので、先に手続きを進めてください。",
                "まだ社内には公表できない案件なので、他の方には伝えないようお願いします。",
                "",
                "今、オンラインバンキングで振込の処理はできますか？",
            ),
        )
    )
    subject = pick(rng, "極秘案件について", "至急のお願い", "本日中の振込について", "内密のお願い")
    d = when(rng, (9, 13))
    reply_to = other_free(rng, TAKAHASHI, sender[0]) if rng.random() < 0.2 else None
    return Mail(
        sender, [rcpt(rng, target)], subject, iphone(rng, via, text), d, via, reply_to=reply_to, dmarc=dmarc
    )


@template("wire-urgent", "dev")
def wire_own_lookalike(rng: random.Random) -> Mail:
    target = rng.choice(ACCOUNTING)
    dom = rng.choice(("rninato-seiki.co.jp", "minato-seiki.jp", "minato-seiki.com", "rninato-seiki.com"))
    via = rng.choice(("hosting:xserver:outlook", "m365", "hosting:xserver:outlook", "hosting:conoha:outlook"))
    sender = (TAKAHASHI.name, f"k.takahashi@{dom}")
    amt = amount(rng, 2_400_000, 29_800_000, 10_000)
    pretext = rng.choice(
        ("海外の取引先との契約締結に伴う手付金", "事業譲受に伴う預託金", "新工場用地の申込金")
    )
    deadline = rng.choice(("14時", "14時30分", "15時"))
    text = lines(
        f"{surname(target)}さん",
        "",
        "お疲れ様です。高橋です。",
        "",
        f"本日{deadline}までに、下記口座へ{yen(amt)}円のお振込みをお願いします。",
        f"{pretext}で、急ぎで対応が必要です。",
        "稟議書は明日私が起票しますので、先に処理を進めてください。",
        "",
        bank_account(rng, rng.choice(HOLDERS)),
        "",
        "振込が完了しましたら、振込明細をこのメールに返信で送ってください。",
        "なお、本件はまだ社内に公表できませんので、他の方には内密にお願いします。",
        "",
        org_signature(TAKAHASHI),
    )
    subject = pick(rng, "【至急】お振込みのお願い", "本日中のお振込みについて", "振込依頼（内密）")
    d = when(rng, (9, 13))
    return Mail(
        sender, [formal_rcpt(target)], subject, text, d, via, dmarc=rng.choice(("none", "none", None))
    )


@template("wire-urgent", "test")
def wire_before_bank_closes(rng: random.Random) -> Mail:
    target = ITO if rng.random() < 0.6 else KOBAYASHI
    boss = TAKAHASHI if rng.random() < 0.75 else WATANABE
    last = ROMAJI[boss.name][0]
    dom = rng.choice(
        ("minato-seiki-group.com", "minatoseiki.co.jp", "minato-seik1.co.jp", "minato-seiki-jp.com")
    )
    via = rng.choice(("hosting:sakura:becky", "hosting:conoha:thunderbird", "hosting:privateemail:ox"))
    sender = (nospace(boss.name) if rng.random() < 0.5 else boss.name, f"{boss.address.split('@')[0]}@{dom}")
    if rng.random() < 0.3:
        sender = (sender[0], f"{last}@{dom}")
    amt = amount(rng, 4_000_000, 45_000_000, 500_000)
    greet = "伊藤部長" if target is ITO else "小林さん"
    text = lines(
        greet,
        "",
        "お疲れ様です。",
        "現在、出張先で取引先と商談中です。",
        f"本日中に保証金として{yen(amt)}円を入金する必要があり、至急手配をお願いできますでしょうか。",
        f"銀行の窓口が閉まる前に処理したいので、{rng.choice(('14時', '14時半', '13時半'))}"
        "までに対応してください。",
        "社内の承認手続きは、帰社後に私が行います。",
        "まだ公にできない案件のため、他の方には内密にお願いします。",
        "",
        "入金先は、対応可能とのご返事をいただいてからお送りします。",
        "",
        surname(boss),
    )
    subject = pick(
        rng, "至急対応のお願い", "保証金の入金について", "本日中にお願いします", "【重要】入金手配"
    )
    d = when(rng, (10, 14))
    return Mail(
        sender, [formal_rcpt(target)], subject, text, d, via, dmarc=rng.choice(("none", "quarantine", None))
    )


@template("wire-urgent", "test")
def wire_director_no_approval(rng: random.Random) -> Mail:
    target = KOBAYASHI
    sender, via, dmarc = free_sender(rng, WATANABE, ("yahoo", "outlook"))
    text = rng.choice(
        (
            lines(
                "小林さん",
                "",
                "渡辺です。社長の了承を得ている案件で、本日中に振込をお願いしたいものがあります。",
                "相手先との守秘義務契約があるため、社内ではまだ共有しないでください。",
                "稟議は事後で構いません。",
                "",
                "今、振込の手続きはできますか。可能であれば振込先と金額を送ります。",
                "なお、会議が続くため電話には出られません。メールでやり取りさせてください。",
            ),
            lines(
                "小林さん",
                "",
                "お疲れ様です。渡辺です。",
                "急ぎの支払いが一件あります。銀行が閉まる前に処理しなければなりません。",
                "伊藤部長への報告と承認は私から後でしておきますので、先に動いてもらえますか。",
                "本日の振込限度額がいくらまで可能かも教えてください。",
            ),
        )
    )
    subject = pick(rng, "急ぎの振込", "本日中の処理について", "", "お願い（至急）")
    reply_to = other_free(rng, WATANABE, sender[0]) if rng.random() < 0.35 else None
    d = when(rng, (9, 14))
    return Mail(sender, [rcpt(rng, target)], subject, text, d, via, reply_to=reply_to, dmarc=dmarc)


def deadline_after(d: datetime, n: int) -> str:
    return md(next_weekday(d, n))


def jp_phone(rng: random.Random, kind: str = "") -> str:
    kind = kind or rng.choice(("050", "03", "0120", "06"))
    if kind == "050":
        return f"050-{digits(rng, 4)}-{rs(rng, 4, string.digits)}"
    if kind == "0120":
        return f"0120-{digits(rng, 3)}-{rs(rng, 3, string.digits)}"
    if kind == "06":
        return f"06-{digits(rng, 4)}-{rs(rng, 4, string.digits)}"
    return f"03-{digits(rng, 4)}-{rs(rng, 4, string.digits)}"


# 3. data requests -----------------------------------------------------------------------------


@template("data-request", "dev")
def data_tax_accountant(rng: random.Random) -> Mail:
    dom = rng.choice(("satou-zeirishi.jp", "sato-zeirisi.jp", "sato-zeirishi.co.jp", "satou-zeirishi.com"))
    via = rng.choice(("hosting:xserver:outlook", "hosting:sakura:becky", "hosting:xserver:outlook"))
    sender = (pick(rng, SATO.contact.name, SATO.name, f"{SATO.name} {SATO.contact.name}"), f"hiroshi@{dom}")
    d = when(rng)
    year = d.year - 1 if d.month <= 3 else d.year
    sig = corr_signature(SATO, email=sender[1], style=rng.randrange(3))
    if rng.random() < 0.5:
        text = lines(
            ORG_NAME,
            "人事部 山本様",
            "",
            "いつも大変お世話になっております。",
            "佐藤税理士事務所の佐藤でございます。",
            "",
            f"{year}年分の法定調書合計表および給与支払報告書の作成にあたり、",
            "下記の資料をご用意いただけますでしょうか。",
            "",
            "・従業員の皆様のマイナンバー一覧（氏名・住所・生年月日・個人番号）",
            f"・{year}年分の源泉徴収簿（賃金台帳でも結構です）",
            "・扶養控除等申告書の記載内容",
            "",
            "お手数をおかけしますが、Excel形式にてこのメールへご返信いただけますと幸いです。",
            f"提出期限が迫っておりますので、{deadline_after(d, 2)}までに"
            "ご送付いただけますようお願い申し上げます。",
            "",
            "何卒よろしくお願いいたします。",
            "",
            sig,
        )
        subject = pick(
            rng,
            "法定調書作成に伴う資料ご提出のお願い",
            "【ご依頼】源泉徴収票・マイナンバー一覧のご送付について",
        )
    else:
        text = lines(
            "山本様",
            "",
            "お世話になっております。佐藤税理士事務所の佐藤です。",
            "源泉所得税の納付書作成のため、直近3か月分の給与支給一覧（Excel）と、",
            "従業員の皆様のマイナンバー一覧をお送りいただけますでしょうか。",
            "なお、従来のファイル共有の仕組みが現在メンテナンス中のため、今回はメール添付にてお願いいたします。",
            "本日中にご対応いただけますと大変助かります。",
            "",
            "よろしくお願いいたします。",
            "",
            sig,
        )
        subject = pick(
            rng, "資料ご送付のお願い", "源泉所得税の納付書作成について", "年末調整関係書類のご依頼"
        )
    return Mail(
        sender, [formal_rcpt(YAMAMOTO)], subject, text, d, via, dmarc=rng.choice(("none", "quarantine", None))
    )


@template("data-request", "dev")
def data_exec_employee_list(rng: random.Random) -> Mail:
    boss = WATANABE if rng.random() < 0.6 else TAKAHASHI
    sender, via, dmarc = free_sender(rng, boss, ("gmail", "outlook", "icloud"))
    if boss is WATANABE:
        text = lines(
            "山本さん",
            "",
            "お疲れ様です。渡辺です。",
            "来週の取締役会で使う資料のため、全従業員の名簿をExcelで送ってもらえますか。",
            "氏名、部署、入社日、生年月日、住所、携帯番号が入っているものでお願いします。",
            "外出先なので、このアドレスに送ってください。",
            "急ぎで申し訳ないですが、今日中にお願いします。",
        )
    else:
        text = lines(
            "山本さん",
            "",
            "高橋です。",
            "人員計画の見直しのため、社員の給与一覧（基本給・手当・振込口座を含むもの）を送ってください。",
            "社外で作業しているため、こちらのメールアドレス宛にお願いします。",
            "内容が内容なので、他の人には共有しないでください。",
        )
    subject = pick(rng, "資料のお願い", "社員名簿の件", "至急お願いします", "")
    reply_to = other_free(rng, boss, sender[0]) if rng.random() < 0.2 else None
    return Mail(
        sender,
        [rcpt(rng, YAMAMOTO)],
        subject,
        iphone(rng, via, text),
        when(rng),
        via,
        reply_to=reply_to,
        dmarc=dmarc,
    )


@template("data-request", "test")
def data_labour_consultant(rng: random.Random) -> Mail:
    dom = rng.choice(
        ("suzuki-syaroushi.jp", "suzuki-sharoshi.jp", "suzuki-sharoushi-office.jp", "suzukisharoushi.jp")
    )
    via = rng.choice(("m365", "hosting:conoha:thunderbird", "hosting:privateemail:ox"))
    sender = (pick(rng, SUZUKI.contact.name, f"{SUZUKI.name} {SUZUKI.contact.name}"), f"akemi@{dom}")
    d = when(rng)
    sig = corr_signature(SUZUKI, email=sender[1], style=rng.randrange(3))
    if rng.random() < 0.5:
        text = lines(
            ORG_NAME,
            "人事部 山本 さくら 様",
            "",
            "いつもお世話になっております。",
            "鈴木社会保険労務士事務所の鈴木でございます。",
            "",
            "今年度の算定基礎届の作成に向けて、下記資料のご提出をお願いいたします。",
            "",
            "1. 4月〜6月分の賃金台帳（全従業員分）",
            "2. 従業員名簿（氏名・生年月日・住所・基礎年金番号・個人番号）",
            "",
            "Excelデータのまま、本メールにご返信の形でお送りいただければ結構です。",
            f"{deadline_after(d, 3)}までにご提出いただけますと幸いです。",
            "",
            "ご不明な点がございましたら、お気軽にお問い合わせください。",
            "何卒よろしくお願い申し上げます。",
            "",
            sig,
        )
        subject = pick(rng, "算定基礎届作成資料のご依頼", "【ご依頼】賃金台帳・従業員名簿のご提出について")
    else:
        text = lines(
            "山本様",
            "",
            "お世話になっております。鈴木社労士事務所の鈴木です。",
            "労働保険の年度更新の申告書作成のため、昨年4月から今年3月までの賃金台帳をExcelでお送りいただけますでしょうか。",
            "あわせて、マイナンバーの管理台帳も最新のものをご共有いただけますと助かります。",
            "申告期限が近いため、今週中にいただけますと幸いです。",
            "",
            "よろしくお願いいたします。",
            "",
            sig,
        )
        subject = pick(rng, "労働保険年度更新に伴う資料のお願い", "【至急】賃金台帳のご送付のお願い")
    return Mail(
        sender, [formal_rcpt(YAMAMOTO)], subject, text, d, via, dmarc=rng.choice(("none", "none", None))
    )


@template("data-request", "test")
def data_customer_supply_chain(rng: random.Random) -> Mail:
    dom = rng.choice(("toyo-denki-jp.com", "toyodenki.co.jp", "toyo-denkl.co.jp", "toyoh-denki.co.jp"))
    via = rng.choice(("hosting:xserver:roundcube", "m365", "hosting:conoha:thunderbird"))
    contact = TOYO.contact
    sender = (pick(rng, contact.name, f"{contact.name}（東洋電機）"), f"s.inoue@{dom}")
    d = when(rng)
    sig = corr_signature(TOYO, dept="購買部", email=sender[1], style=rng.randrange(3))
    if rng.random() < 0.5:
        text = lines(
            ORG_NAME,
            "営業部 吉田様",
            "",
            "いつも大変お世話になっております。",
            "東洋電機購買部の井上です。",
            "",
            "弊社では現在、BCP（事業継続計画）の見直しに伴い、お取引先様のサプライチェーン調査を実施しております。",
            "お手数ですが、貴社の主要なお取引先（販売先・仕入先）の一覧を、",
            "会社名・ご担当者名・連絡先・年間取引額がわかる形でExcelにてご提出いただけますでしょうか。",
            "",
            "いただいた情報は本調査の目的にのみ使用いたします。",
            f"{deadline_after(d, 4)}までにご返信いただけますと幸いです。",
            "",
            "何卒よろしくお願い申し上げます。",
            "",
            sig,
        )
        subject = pick(
            rng, "【ご協力のお願い】サプライチェーン調査について", "サプライチェーン調査へのご協力のお願い"
        )
    else:
        text = lines(
            "吉田様",
            "",
            "お世話になっております。東洋電機の井上です。",
            "社内の与信審査の更新にあたり、貴社の取引先一覧（上位20社程度、所在地とご担当者の連絡先を含む）を",
            "ご提供いただくことは可能でしょうか。",
            "形式は問いませんので、Excel等でお送りいただけますと助かります。",
            "急ぎのお願いで恐縮ですが、よろしくお願いいたします。",
            "",
            sig,
        )
        subject = pick(rng, "取引先情報のご提供のお願い", "与信審査に関するお願い")
    return Mail(
        sender, [formal_rcpt(YOSHIDA)], subject, text, d, via, dmarc=rng.choice(("none", "reject", None))
    )


# 4. lawyer / M&A ------------------------------------------------------------------------------


@template("lawyer-mna", "dev")
def lawyer_lookalike_escrow(rng: random.Random) -> Mail:
    dom = rng.choice(("chuo-sogo-law.com", "chuou-sogo-law.jp", "chuo-sougou-law.jp", "chuo-sogo-law.co.jp"))
    via = rng.choice(("hosting:xserver:outlook", "m365", "hosting:sakura:thunderbird"))
    lawyer = CHUO.contact
    sender = (
        pick(rng, lawyer.name, f"弁護士 {lawyer.name}", f"{lawyer.name}（{CHUO.name}）"),
        f"k.kimura@{dom}",
    )
    target = ITO if rng.random() < 0.7 else KOBAYASHI
    title = "経理部長 伊藤 由美 様" if target is ITO else "経理部 小林 直樹 様"
    amt = amount(rng, 8_000_000, 60_000_000, 1_000_000)
    text = lines(
        ORG_NAME,
        title,
        "",
        "突然のご連絡失礼いたします。",
        "中央総合法律事務所の弁護士、木村でございます。",
        "",
        "高橋社長よりすでにお聞き及びのことと存じますが、",
        "現在弊所にて、貴社の企業買収案件の法務手続きを担当しております。",
        "本件は公表前の重要事実に該当するため、公表までの間、社内においても限られた方のみでのご対応をお願いしております。",
        "",
        f"契約締結に伴い、手付金として{yen(amt)}円を本日中に弊所指定のエスクロー口座へお振込みいただく必要がございます。",
        "振込先の詳細は、ご対応いただけることを確認させていただいたうえでお送りいたします。",
        "",
        "ご確認のほど、何卒よろしくお願い申し上げます。",
        "",
        corr_signature(CHUO, dept="弁護士", style=rng.randrange(3)),
    )
    subject = pick(
        rng,
        "【機密】株式取得に関する手付金のお支払いについて",
        "高橋社長よりご依頼の件（機密）",
        "【親展】買収案件に関するご連絡",
    )
    return Mail(
        sender,
        [formal_rcpt(target)],
        subject,
        text,
        when(rng, (9, 14)),
        via,
        dmarc=rng.choice(("none", "quarantine", None)),
    )


@template("lawyer-mna", "dev")
def lawyer_invented_firm_intro(rng: random.Random) -> Mail:
    dom = rng.choice(("marunouchi-partners-law.com", "marunouchi-lp.jp"))
    via = rng.choice(("workspace", "m365"))
    sender = (pick(rng, "西村 拓也", "弁護士 西村拓也", "Takuya Nishimura"), f"t.nishimura@{dom}")
    target = ITO
    text = lines(
        ORG_NAME,
        "経理部長 伊藤 由美 様",
        "",
        "初めてご連絡いたします。",
        "丸の内パートナーズ法律事務所の弁護士、西村と申します。",
        "",
        "高橋社長からお聞きになっているかと存じますが、現在、貴社が進めておられる企業買収について、",
        "弊所が代理人を務めております。",
        "社長より、資金のお手続きについては伊藤様にご相談するよう伺っております。",
        "",
        "本件は公表前の重要事実にあたるため、社内でも伊藤様以外の方には共有されませんよう、お願い申し上げます。",
        "",
        "つきましては、クロージングに必要な預託金のお手続きについてご説明させていただきたく、",
        "本日ご対応可能なお時間をお知らせいただけますでしょうか。",
        "",
        "何卒よろしくお願い申し上げます。",
        "",
        "丸の内パートナーズ法律事務所",
        "弁護士 西村 拓也",
        "〒100-0005 東京都千代田区丸の内1-6-5 丸の内北口ビル9階",
        f"TEL 03-6269-{rs(rng, 4, string.digits)}",
    )
    subject = pick(
        rng, "高橋社長からのご紹介の件", "M&A案件に関するご連絡（機密）", "【機密】預託金のお手続きについて"
    )
    return Mail(
        sender,
        [formal_rcpt(target)],
        subject,
        text,
        when(rng, (9, 15)),
        via,
        dmarc=rng.choice(("none", "quarantine", "reject")),
    )


@template("lawyer-mna", "test")
def lawyer_lookalike_share_transfer(rng: random.Random) -> Mail:
    dom = rng.choice(("chuo-sogo-lawoffice.jp", "tyuo-sogo-law.jp", "chuo-sogo-iaw.jp", "chuosogo-law.jp"))
    via = rng.choice(("hosting:privateemail:ox", "hosting:conoha:becky", "m365"))
    lawyer = CHUO.contact
    sender = (pick(rng, lawyer.name, f"{CHUO.name} 木村"), f"kimura@{dom}")
    target = ITO if rng.random() < 0.6 else KOBAYASHI
    text = lines(
        f"{surname(target)}様",
        "",
        "お世話になっております。中央総合法律事務所の木村です。",
        "",
        "先日来、高橋社長とご相談しております株式譲渡契約の件につき、",
        f"社長のご指示により{surname(target)}様にご連絡を差し上げております。",
        "",
        "本契約は守秘義務契約の対象となっており、公表までの間、本件に関するご連絡は本メールアドレスのみでお願いしております。",
        "また、社長はご多忙のため、本件について直接お問い合わせになることはお控えいただくよう承っております。",
        "",
        "契約締結に先立ち、売主側への手付金のお振込みが必要となります。",
        "金額およびお振込先は、ご対応いただける旨のご返信をいただき次第、お送りいたします。",
        "",
        "ご不明な点がございましたら、私までご連絡ください。",
        "よろしくお願いいたします。",
        "",
        corr_signature(CHUO, dept="弁護士", email=sender[1], style=rng.randrange(3)),
    )
    subject = pick(
        rng,
        "株式譲渡契約の件（社長よりご指示）",
        "【守秘】株式譲渡に関するお手続きについて",
        "社長ご依頼の件",
    )
    return Mail(
        sender,
        [formal_rcpt(target)],
        subject,
        text,
        when(rng, (9, 15)),
        via,
        dmarc=rng.choice(("none", "none", None)),
    )


@template("lawyer-mna", "test")
def lawyer_invented_firm_deposit(rng: random.Random) -> Mail:
    dom = rng.choice(("tokyo-global-law.jp", "tglaw-office.com"))
    via = rng.choice(("hosting:privateemail:ox", "m365", "hosting:xserver:outlook"))
    sender = (pick(rng, "藤原 修", "弁護士 藤原 修", "東京グローバル法律事務所 藤原"), f"fujiwara@{dom}")
    target = KOBAYASHI if rng.random() < 0.6 else ITO
    amt = amount(rng, 5_000_000, 40_000_000, 500_000)
    text = lines(
        ORG_NAME,
        f"経理ご担当 {surname(target)}様",
        "",
        "突然のご連絡失礼いたします。",
        "東京グローバル法律事務所の弁護士、藤原でございます。",
        "",
        "高橋社長よりすでにお話があったかと存じますが、",
        "貴社と海外企業との資本業務提携について、弊所が法務手続きを担当しております。",
        f"契約上、本日中に証拠金{yen(amt)}円を下記の弊所預り金口座にお振込みいただく必要がございます。",
        "",
        bank_account(rng, "トウキヨウグローバルホウリツジムシヨ アズカリキン"),
        "",
        "本件はインサイダー取引規制の対象となる情報を含みますので、社内でのご共有はお控えいただき、",
        "お手続き完了後、振込控えを本メールにご返信ください。",
        "社内の決裁につきましては、社長が後日ご対応されると伺っております。",
        "",
        "何卒よろしくお願い申し上げます。",
        "",
        "東京グローバル法律事務所",
        "弁護士 藤原 修",
        "〒105-0001 東京都港区虎ノ門4-3-1 城山トラストタワー21階",
        f"TEL 03-5403-{rs(rng, 4, string.digits)}",
    )
    subject = pick(
        rng, "資本業務提携に関する証拠金のお手続きについて", "【至急・機密】証拠金お振込みのお願い"
    )
    return Mail(
        sender,
        [formal_rcpt(target)],
        subject,
        text,
        when(rng, (9, 13)),
        via,
        dmarc=rng.choice(("none", "quarantine", None)),
    )


# 5. callback scams: a large charge and only a telephone number to cancel it -----------------------


def _period(d: datetime) -> tuple[str, str]:
    end = d.replace(year=d.year + 1) - timedelta(days=1)
    return f"{d.year}/{d.month:02d}/{d.day:02d}", f"{end.year}/{end.month:02d}/{end.day:02d}"


@template("callback", "dev")
def callback_antivirus_renewal(rng: random.Random) -> Mail:
    target = rng.choice((KATO, NAKAMURA, KOBAYASHI, YOSHIDA, YAMAMOTO))
    provider = rng.choice(("gmail", "gmail", "outlook"))
    address = (
        f"{rng.choice(('guardnet.support', 'guardnet.billing', 'gn.renewal.center'))}{rng.randrange(1, 99)}@"
        + ("gmail.com" if provider == "gmail" else rng.choice(FREE["outlook"]))
    )
    sender = (
        pick(rng, "ガードネット サポートセンター", "GuardNet Billing", "ガードネット お客様窓口"),
        address,
    )
    d = when(rng, (6, 23), weekend=0.25)
    start, end = _period(d)
    seats = rng.choice((5, 10, 20, 25))
    amt = rng.choice((49_800, 89_800, 128_000, 238_000, 398_000))
    phone = jp_phone(rng, rng.choice(("050", "03")))
    text = lines(
        f"{target.name}様" if rng.random() < 0.5 else "お客様各位",
        "",
        "いつもガードネットをご利用いただきありがとうございます。",
        "",
        "お客様のご契約は本日、自動更新されました。",
        "ご登録のお支払い方法に、下記の金額を請求いたしました。",
        "",
        "――――――――――――――",
        f"請求番号：GN-{digits(rng, 8)}",
        f"製品名：ガードネット トータルセキュリティ（法人向け・{seats}台）",
        f"契約期間：{start}〜{end}（1年間）",
        f"ご請求金額：{yen(amt)}円（税込）",
        "お支払い方法：ご登録のクレジットカード",
        "――――――――――――――",
        "",
        "本更新にお心当たりがない場合、または自動更新の停止・返金をご希望の場合は、",
        "48時間以内に下記のサポート窓口までお電話ください。",
        "",
        f"サポート窓口：{phone}",
        "受付時間：平日 9:00〜18:00",
        "",
        "※本メールは送信専用アドレスから配信しております。",
        "",
        "ガードネット株式会社 お客様サポートセンター",
    )
    subject = pick(
        rng,
        f"ご注文確認：お支払い完了（請求番号 GN-{digits(rng, 6)}）",
        "自動更新完了のお知らせ",
        "【ガードネット】ご契約更新・ご請求のお知らせ",
    )
    return Mail(sender, [rcpt(rng, target)], subject, text, d, provider, dmarc=FREE_DMARC[domain_of(address)])


@template("callback", "dev")
def callback_order_confirmation(rng: random.Random) -> Mail:
    target = rng.choice((NAKAMURA, KOBAYASHI, KATO, ITO))
    provider = rng.choice(("outlook", "gmail"))
    address = f"bizmart.{rng.choice(('order', 'houjin', 'juchu'))}{rng.randrange(10, 999)}@" + (
        "gmail.com" if provider == "gmail" else rng.choice(FREE["outlook"])
    )
    sender = (pick(rng, "ビズマート 法人窓口", "ビズマート受注センター", "BizMart"), address)
    d = when(rng, (7, 21), weekend=0.2)
    qty = rng.choice((8, 10, 12, 15, 20))
    unit = rng.choice((148_000, 168_800, 189_800, 219_780))
    phone = jp_phone(rng, rng.choice(("03", "06", "050")))
    text = lines(
        ORG_NAME,
        "ご担当者様",
        "",
        "この度は「ビズマート」をご利用いただき、誠にありがとうございます。",
        "以下の内容でご注文を承りました。",
        "",
        f"【ご注文番号】BM-{digits(rng, 10)}",
        f"【ご注文日】{ymd(d)}",
        f"【商品】ノートパソコン 15.6型 Core i7 / 16GB / 512GB SSD ×{qty}台",
        f"【合計金額】{yen(qty * unit)}円（税込）",
        "【お支払い方法】請求書払い（翌月末）",
        f"【お届け予定】{md(next_weekday(d, 3))}",
        "",
        "ご注文内容に誤りがある場合や、キャンセルをご希望の場合は、",
        "出荷手配前に、下記の受注センターまでお電話にてご連絡ください。",
        "メールでのキャンセルは承っておりません。",
        "",
        f"受注センター：{phone}（平日 9:30〜17:30）",
        "",
        "株式会社ビズマート 法人営業部",
    )
    subject = pick(
        rng, "ご注文ありがとうございます", "【ビズマート】ご注文内容の確認", "ご注文確定のお知らせ"
    )
    return Mail(sender, [rcpt(rng, target)], subject, text, d, provider, dmarc=FREE_DMARC[domain_of(address)])


@template("callback", "test")
def callback_licence_renewal(rng: random.Random) -> Mail:
    target = rng.choice((KATO, NAKAMURA, ITO, KOBAYASHI))
    dom = rng.choice(("office-license-center.jp", "cloudoffice-support.com", "license-renewal-desk.jp"))
    sjis = rng.random() < 0.6
    via = "hosting:vps:phpmailer"
    sender = (
        pick(rng, "クラウドオフィス ライセンス管理センター", "クラウドオフィス更新窓口"),
        f"{rng.choice(('info', 'no-reply', 'license', 'support'))}@{dom}",
    )
    d = when(rng, (8, 20))
    start, end = _period(next_weekday(d, 5))
    users = rng.choice((30, 50, 80, 100))
    amt = users * rng.choice((16_500, 19_800, 26_400))
    phone = jp_phone(rng, rng.choice(("0120", "03")))
    text = lines(
        f"{ORG_NAME} 御中",
        "",
        "平素より「クラウドオフィス ビジネス」をご利用いただき、誠にありがとうございます。",
        "",
        f"ご契約中のライセンス（{users}ユーザー）の年間更新手続きが完了いたしましたので、ご案内いたします。",
        "",
        f"・契約番号：CO-{digits(rng, 9)}",
        f"・更新後の契約期間：{start}〜{end}",
        f"・更新料金：{yen(amt)}円（税込）",
        f"・お支払い：{md(next_weekday(d, 7))}にご登録口座より引き落とし",
        "",
        "今回の更新をご希望でない場合は、引き落とし日の3営業日前までに",
        f"ライセンス管理センター（{phone}）までご連絡ください。",
        "期日を過ぎますと、解約・返金のお手続きができなくなりますのでご注意ください。",
        "",
        "クラウドオフィス ライセンス管理センター",
        "受付時間 平日10:00〜17:00",
    )
    subject = pick(rng, "年間ライセンス更新完了のご案内", "【重要】ライセンス更新料金のお引き落としについて")
    return Mail(
        sender,
        [rcpt(rng, target)],
        subject,
        text,
        d,
        via,
        dmarc=rng.choice(("none", None)),
        charset="shift_jis" if sjis else "",
    )


@template("callback", "test")
def callback_maintenance_paid(rng: random.Random) -> Mail:
    target = rng.choice((KATO, NAKAMURA, YOSHIDA, KOBAYASHI, YAMAMOTO))
    provider = rng.choice(("yahoo", "gmail", "outlook"))
    local = f"techsupport.{rng.choice(('japan', 'jp', 'billing'))}{rng.randrange(1, 99)}"
    address = f"{local.replace('.', '_') if provider == 'yahoo' else local}@{rng.choice(FREE[provider])}"
    sender = (pick(rng, "テックサポート・ジャパン", "テックサポート・ジャパン 請求管理部"), address)
    d = when(rng, (7, 22), weekend=0.3)
    pcs = rng.choice((10, 15, 30))
    amt = pcs * rng.choice((9_800, 14_800, 19_800))
    phone = jp_phone(rng, rng.choice(("050", "03", "06")))
    text = lines(
        f"{target.name}様",
        "",
        "このたびは「PCまるごと保守サービス」の年間契約を更新いただき、ありがとうございます。",
        "下記のとおりお支払いが完了しましたのでお知らせいたします。",
        "",
        f"お取引番号：TSJ-{digits(rng, 9)}",
        f"内容：PCまるごと保守サービス 年間プラン（{pcs}台）",
        f"お支払い金額：{yen(amt)}円",
        f"お支払い日：{ymd(d)}",
        "",
        "このお取引にお心当たりのない場合は、24時間以内にカスタマーセンターまでご連絡ください。",
        "ご連絡がない場合、ご契約は自動的に確定いたします。",
        "",
        f"カスタマーセンター：{phone}（24時間受付）",
        "",
        "テックサポート・ジャパン 請求管理部",
    )
    subject = pick(
        rng,
        "お支払い完了のお知らせ",
        "年間保守契約の更新について",
        f"お取引番号 TSJ-{digits(rng, 6)} のご確認",
    )
    return Mail(sender, [rcpt(rng, target)], subject, text, d, provider, dmarc=FREE_DMARC[domain_of(address)])


# 6. supplier bank-detail change, payment redirection, reply-chain hijack ----------------------------


def outlook_msgid(rng: random.Random, dom: str) -> str:
    return f"00{rng.choice('01')}{rng.choice('01')}01db{hexs(rng, 4)}${hexs(rng, 8)}${hexs(rng, 8)}$@{dom}"


def workday(d: datetime) -> datetime:
    """``d`` or the Friday before it."""
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def gmail_stamp(d: datetime) -> str:
    """2025年6月3日(火) 10:21, as Gmail introduces a quotation."""
    return f"{d.year}年{d.month}月{d.day}日({WEEKDAYS[d.weekday()]}) {d.hour}:{d.minute:02d}"


def stamp(d: datetime) -> str:
    return f"{d.year}年{d.month}月{d.day}日 {d.hour}:{d.minute:02d}"


def kobayashi_signature() -> list[str]:
    return [
        "━━━━━━━━━━━━━━━━━━",
        f"{ORG_NAME} 経理部",
        KOBAYASHI.name,
        ORG_ADDRESS,
        f"TEL {ORG_TEL}",
        f"Mail {KOBAYASHI.address}",
        "━━━━━━━━━━━━━━━━━━",
    ]


def company_kana(c) -> str:
    return {
        DAIWA.domain: "ダイワシヨウジ（カ",
        CHIYODA.domain: "チヨダインサツ（カ",
        HOKUTO.domain: "ホクトウンユ（カ",
        FUJI.domain: "フジシステムズ（カ",
    }[c.domain]


def supplier_holder(rng: random.Random, c) -> str:
    return rng.choice((company_kana(c), company_kana(c), rng.choice(HOLDERS)))


@template("supplier-bank", "dev")
def supplier_audit_bank_change(rng: random.Random) -> Mail:
    dom = rng.choice(("daiwa-syoji.co.jp", "daiwa-shoji.jp", "daiwa-shouji.co.jp", "daiwa-syouji.jp"))
    via = rng.choice(("hosting:xserver:outlook", "hosting:sakura:becky", "m365"))
    d = when(rng)
    month = next_weekday(d, 10).month
    if rng.random() < 0.5:
        sender = ("岡田 美香", f"m.okada@{dom}")
        text = lines(
            ORG_NAME,
            "経理部 ご担当者様",
            "",
            "いつも大変お世話になっております。",
            "大和商事株式会社 経理部の岡田でございます。",
            "",
            "この度、弊社の監査法人による監査の一環として取引銀行口座の見直しを行い、",
            "お振込先口座を下記のとおり変更させていただくことになりました。",
            f"{month}月末お支払い分より、新しい口座へお振込みいただけますようお願い申し上げます。",
            "",
            "【新しいお振込先】",
            bank_account(rng, supplier_holder(rng, DAIWA)),
            "",
            "現在の口座は、監査期間中は入金の確認ができない状態となっております。",
            "正式な変更届は後日郵送にてお送りいたしますが、先にメールにてご案内申し上げます。",
            "",
            "ご不明な点がございましたら、本メールにてお問い合わせください。",
            "何卒よろしくお願い申し上げます。",
            "",
            corr_signature(
                DAIWA, Person("岡田 美香", "経理部", sender[1]), email=sender[1], style=rng.randrange(3)
            ),
        )
        subject = pick(rng, "【重要】お振込先口座変更のお知らせ", "振込先変更のご連絡（大和商事）")
    else:
        sender = (DAIWA.contact.name, f"t.matsumoto@{dom}")
        text = lines(
            "小林様",
            "",
            "お世話になっております。大和商事の松本です。",
            "経理から依頼があり、ご連絡いたします。",
            "弊社で現在、会計監査に伴う口座の切り替えを行っておりまして、今月のお支払いから振込先が変わります。",
            "新しい口座の情報を記載した依頼書をお送りしますので、",
            "現在、弊社宛に未払いとなっているご請求の一覧（請求番号・金額・お支払予定日）をお知らせいただけますでしょうか。",
            "照合のうえ、改めてご案内いたします。",
            "",
            "お手数をおかけしますが、よろしくお願いいたします。",
            "",
            corr_signature(DAIWA, email=sender[1], style=rng.randrange(3)),
        )
        subject = pick(rng, "お振込先変更に伴うお願い", "未払いご請求の確認のお願い")
    return Mail(
        sender,
        [formal_rcpt(KOBAYASHI)],
        subject,
        text,
        d,
        via,
        dmarc=rng.choice(("none", "quarantine", None)),
    )


@template("supplier-bank", "dev")
def supplier_hijack_outlook(rng: random.Random) -> Mail:
    corr = rng.choice((DAIWA, CHIYODA))
    if corr is DAIWA:
        dom = rng.choice(("daiwa-shouji.co.jp", "daiwa-shoji.jp", "daiwa-syoji.co.jp"))
    else:
        dom = rng.choice(("chiyoda-insatsu.jp", "chiyoda-insatsu.co", "chiyoda-insatsu.ne.jp"))
    contact = corr.contact
    local = contact.address.split("@")[0]
    via = rng.choice(("hosting:xserver:outlook", "m365", "hosting:conoha:outlook"))
    d = when(rng, (9, 18))
    d_orig = workday(d - timedelta(days=rng.randrange(3, 9))).replace(
        hour=rng.randrange(9, 18), minute=rng.randrange(60)
    )
    d_reply = next_weekday(d_orig, rng.randrange(1, 3)).replace(
        hour=rng.randrange(9, 12), minute=rng.randrange(60)
    )
    if d_reply >= d:
        d_reply = d - timedelta(hours=3)
    month = d_orig.month - 1 or 12
    short = corr.name.replace("株式会社", "")
    topic = f"【{short}】{month}月分ご請求書送付の件"
    pay = md(next_weekday(d_reply, rng.randrange(5, 12)))
    id_orig = outlook_msgid(rng, corr.domain)
    id_reply = outlook_msgid(rng, ORG_DOMAIN)
    text = lines(
        "小林様",
        "",
        f"お世話になっております。{short}の{surname(contact)}です。",
        "ご連絡ありがとうございます。",
        "",
        "大変恐縮なのですが、現在弊社では取引口座の変更手続きを行っておりまして、",
        "今回のお支払いにつきましては、下記の新しい口座へお振込みをお願いできますでしょうか。",
        "",
        bank_account(rng, supplier_holder(rng, corr)),
        "",
        "変更の経緯につきましては、改めてご説明いたします。",
        "お手数をおかけしますが、何卒よろしくお願いいたします。",
        "",
        corr_signature(corr, email=f"{local}@{dom}", style=0),
        "",
        f"差出人: {KOBAYASHI.name} <{KOBAYASHI.address}>",
        f"送信日時: {stamp(d_reply)}",
        f"宛先: {contact.name} <{contact.address}>",
        f"件名: RE: {topic}",
        "",
        f"{surname(contact)}様",
        "",
        "いつもお世話になっております。",
        "みなと精機の小林です。",
        "",
        f"{month}月分のご請求書、確かに受領いたしました。",
        f"お支払いは{pay}を予定しております。",
        "",
        "引き続きよろしくお願いいたします。",
        "",
        kobayashi_signature(),
        "",
        f"差出人: {contact.name} <{contact.address}>",
        f"送信日時: {stamp(d_orig)}",
        f"宛先: {KOBAYASHI.name} <{KOBAYASHI.address}>",
        f"件名: {topic}",
        "",
        "小林様",
        "",
        "いつもお世話になっております。",
        f"{short}の{surname(contact)}です。",
        "",
        f"{month}月分のご請求書をお送りいたします。",
        "ご査収のほど、よろしくお願いいたします。",
        "",
        corr_signature(corr, email=contact.address, style=0),
    )
    return Mail(
        (contact.name, f"{local}@{dom}"),
        [formal_rcpt(KOBAYASHI)],
        f"RE: {topic}",
        text,
        d,
        via,
        in_reply_to=id_reply,
        references=(id_orig, id_reply),
        dmarc=rng.choice(("none", "none", None)),
    )


@template("supplier-bank", "test")
def supplier_payables_list(rng: random.Random) -> Mail:
    dom = rng.choice(
        ("tiyoda-insatsu.co.jp", "chiyoda-insatu.co.jp", "chiyoda-insatsu-group.com", "chiyodainsatsu.co.jp")
    )
    via = rng.choice(("hosting:conoha:thunderbird", "hosting:privateemail:ox", "m365"))
    contact = CHIYODA.contact
    sender = (pick(rng, contact.name, f"{contact.name}（千代田印刷）"), f"y.mori@{dom}")
    target = KOBAYASHI if rng.random() < 0.7 else ITO
    greet = f"経理部 {surname(target)}様"
    d = when(rng)
    sig = corr_signature(CHIYODA, email=sender[1], style=rng.randrange(3))
    if rng.random() < 0.5:
        text = lines(
            ORG_NAME,
            greet,
            "",
            "いつもお世話になっております。",
            "千代田印刷の森でございます。",
            "",
            "弊社の決算監査にあたり、お取引先様ごとの債権残高の確認を行っております。",
            "お手数ですが、現時点で貴社にてお支払い予定となっている弊社宛のご請求（請求書番号・金額・お支払予定日）を",
            "一覧にてお知らせいただけますでしょうか。",
            "",
            "また、監査対応に伴い入金口座を一時的に変更しております。",
            "今後のお支払いは、下記口座へお願いいたします。",
            "",
            bank_account(rng, supplier_holder(rng, CHIYODA)),
            "",
            "お忙しいところ恐縮ですが、何卒よろしくお願いいたします。",
            "",
            sig,
        )
        subject = pick(rng, "債権残高確認のお願い", "【千代田印刷】残高確認およびお振込先についてのお願い")
    else:
        amt = amount(rng, 380_000, 2_900_000, 1_000)
        text = lines(
            f"{surname(target)}様",
            "",
            "お世話になっております。千代田印刷の森です。",
            f"先月納品分の印刷代金（{yen(amt)}円）につきまして、誠に恐縮ながら本日中にお支払いいただくことは可能でしょうか。",
            "弊社の資金繰りの都合で、急なお願いとなり申し訳ございません。",
            "なお、現在通常の口座が監査対応で使えないため、下記口座へお振込みいただけますと幸いです。",
            "",
            bank_account(rng, supplier_holder(rng, CHIYODA)),
            "",
            "ご対応の可否だけでも、本日中にご返信いただけますと助かります。",
            "",
            sig,
        )
        subject = pick(rng, "お支払いのご相談", "【至急】印刷代金のお支払いについて")
    return Mail(
        sender, [formal_rcpt(target)], subject, text, d, via, dmarc=rng.choice(("none", "reject", None))
    )


@template("supplier-bank", "test")
def supplier_hijack_quoted(rng: random.Random) -> Mail:
    corr = rng.choice((FUJI, HOKUTO))
    if corr is FUJI:
        dom = rng.choice(
            ("huji-systems.co.jp", "fuzi-systems.co.jp", "fuji-systems-jp.com", "fuji-sytems.co.jp")
        )
        local = rng.choice(("shimizu", "r.shimizu", "support"))
        person = Person("清水 亮", "サポート", "")
        first = (
            "清水様",
            "",
            "お世話になっております。みなと精機の小林です。",
            "お見積りいただいた年間保守契約の更新について、",
            "社内の承認が下りましたので、発注させていただきます。",
            "注文書は別途郵送いたします。",
        )
        orig = (
            "小林様",
            "",
            "いつもお世話になっております。",
            "富士システムズの清水です。",
            "年間保守契約更新の御見積をお送りいたします。",
            "ご検討のほど、よろしくお願いいたします。",
        )
        topic = "【御見積】年間保守契約更新の件"
        ask = (
            "ご発注いただき、誠にありがとうございます。",
            "",
            "請求書につきましては改めてお送りいたしますが、",
        )
    else:
        dom = rng.choice(
            ("hokuto-unyu-jp.com", "hokutounyu.co.jp", "hokuto-unyu-group.com", "hokuto-unnyu.co.jp")
        )
        local = "k.hayashi"
        person = HOKUTO.contact
        first = (
            "林様",
            "",
            "お世話になっております。みなと精機の小林です。",
            "先月分の運賃明細、確認いたしました。",
            "金額に相違ございませんので、通常どおり月末にお支払いいたします。",
        )
        orig = (
            "小林様",
            "",
            "いつもお世話になっております。",
            "北斗運輸の林です。",
            "先月分の運賃明細をお送りいたします。",
            "ご確認のほど、よろしくお願いいたします。",
        )
        topic = "運賃明細送付の件"
        ask = ("ご確認いただき、ありがとうございます。", "", "お支払いにつきまして、")
    via = rng.choice(("workspace", "hosting:conoha:thunderbird", "workspace"))
    d = when(rng, (9, 18))
    d_orig = workday(d - timedelta(days=rng.randrange(3, 10))).replace(
        hour=rng.randrange(9, 17), minute=rng.randrange(60)
    )
    d_reply = next_weekday(d_orig).replace(hour=rng.randrange(9, 18), minute=rng.randrange(60))
    if d_reply >= d:
        d_reply = d - timedelta(hours=2)
    month = (d.month % 12) + 1
    short = corr.name.replace("株式会社", "")
    sender = (person.name, f"{local}@{dom}")
    contact_addr = corr.contact.address
    if via == "workspace":
        head1 = f"{gmail_stamp(d_reply)} {KOBAYASHI.name} <{KOBAYASHI.address}>:"
        head2 = f"{gmail_stamp(d_orig)} {person.name} <{contact_addr}>:"
    else:
        head1 = f"On {d_reply:%Y/%m/%d} {d_reply.hour}:{d_reply.minute:02d}, {KOBAYASHI.name} wrote:"
        head2 = f"On {d_orig:%Y/%m/%d} {d_orig.hour}:{d_orig.minute:02d}, {person.name} wrote:"
    quoted = [
        f"> {x}".rstrip()
        for x in (*first, "", "よろしくお願いいたします。", "", *kobayashi_signature(), "", head2)
    ]
    quoted += [f">> {x}".rstrip() for x in orig]
    text = lines(
        "小林様",
        "",
        f"お世話になっております。{short}の{surname(person)}でございます。",
        *ask,
        f"弊社の振込先口座が{month}月より変更となっておりますので、",
        "お支払いの際は下記口座をご利用いただけますようお願い申し上げます。",
        "",
        bank_account(rng, supplier_holder(rng, corr)),
        "",
        "旧口座へのお振込みは、弊社にて確認ができなくなっております。",
        "お手数をおかけいたしますが、よろしくお願いいたします。",
        "",
        corr_signature(corr, person, email=sender[1], style=rng.randrange(3)),
        "",
        head1,
        quoted,
    )
    id_orig = (
        f"CA{rng.choice('BKMN')}{rs(rng, 44, ALNUM + '+-_')}@mail.gmail.com"
        if corr is FUJI
        else outlook_msgid(rng, corr.domain)
    )
    id_reply = outlook_msgid(rng, ORG_DOMAIN)
    return Mail(
        sender,
        [formal_rcpt(KOBAYASHI)],
        f"Re: {topic}",
        text,
        d,
        via,
        in_reply_to=id_reply,
        references=(id_orig, id_reply),
        dmarc=rng.choice(("none", "quarantine", None)),
    )


# 7. gift cards --------------------------------------------------------------------------------


@template("gift-card", "dev")
def gift_amazon_ceo(rng: random.Random) -> Mail:
    target = rng.choice((NAKAMURA, YOSHIDA, KOBAYASHI, KATO))
    sender, via, dmarc = free_sender(rng, TAKAHASHI, ("gmail", "gmail", "outlook"))
    sn = surname(target)
    if rng.random() < 0.5:
        text = lines(
            f"{sn}さん",
            "",
            "お疲れ様です。",
            "取引先へのお礼として、Amazonギフトカードを用意してほしいです。",
            "5万円分を10枚、近くのコンビニで購入できます。",
            "購入したら、カード裏面のコードを削って、写真をこのメールに送ってください。",
            "費用は後で精算しますので、領収書は保管しておいてください。",
            "",
            "会議中なので、メールで連絡お願いします。",
        )
    else:
        text = lines(
            f"{sn}さん",
            "今日中にお願いしたいことがあります。",
            "お客様へのプレゼント用に、Amazonギフトカードを3万円分×10枚購入してもらえますか。",
            "サプライズにしたいので、社内の人には内緒でお願いします。",
            "買えたら番号を送ってください。",
        )
    subject = pick(rng, "お願い", "至急", "取引先へのお礼の件", "")
    reply_to = other_free(rng, TAKAHASHI, sender[0]) if rng.random() < 0.2 else None
    return Mail(sender, [rcpt(rng, target)], subject, text, when(rng), via, reply_to=reply_to, dmarc=dmarc)


@template("gift-card", "dev")
def gift_apple_director(rng: random.Random) -> Mail:
    target = rng.choice((YOSHIDA, NAKAMURA, KOBAYASHI))
    sender, via, dmarc = free_sender(rng, WATANABE, ("icloud", "icloud", "gmail"))
    sn = surname(target)
    n = rng.choice((10, 15, 20))
    text = rng.choice(
        (
            lines(
                f"{sn}さん",
                "",
                "お疲れ様です。渡辺です。",
                "大事なお客様への贈り物として、Apple Gift Cardを用意したいと思っています。",
                f"1万円のカードを{n}枚、コンビニか家電量販店で購入してもらえますか。",
                "購入後、裏面のコードが見えるように写真を撮って送ってください。",
                "立替分は明日精算します。",
            ),
            lines(
                f"{sn}さん",
                "急ぎで頼みたいことがあります。",
                f"Appleのギフトカードを{n}枚（各1万円）買ってきてもらえますか。",
                "取引先の記念品に使います。番号の写真をここに送ってください。",
            ),
        )
    )
    subject = pick(rng, "急ぎのお願い", "", "お客様への贈り物", "確認")
    reply_to = other_free(rng, WATANABE, sender[0]) if rng.random() < 0.2 else None
    return Mail(
        sender,
        [rcpt(rng, target)],
        subject,
        iphone(rng, via, text),
        when(rng),
        via,
        reply_to=reply_to,
        dmarc=dmarc,
    )


@template("gift-card", "test")
def gift_google_play_ceo(rng: random.Random) -> Mail:
    target = rng.choice((NAKAMURA, YOSHIDA, KATO, YAMAMOTO))
    sender, via, dmarc = free_sender(rng, TAKAHASHI, ("yahoo", "icloud"))
    sn = surname(target)
    n = rng.choice((5, 8, 10))
    text = rng.choice(
        (
            lines(
                f"{sn}さん",
                "",
                "高橋です。",
                "取引先の担当者へのお祝いとして、Google Playギフトカードが必要になりました。",
                f"3万円分を{n}枚、今日中に購入してもらえますか。",
                "購入後、カードの番号をこのメールで送ってください。",
                "経費は経理に伝えておきます。",
            ),
            lines(
                f"{sn}さん、お疲れ様です。",
                "個人的にお願いしたいことがあります。",
                f"Google Playカード（1万円）を{n}枚、帰りにコンビニで買ってもらえますか。",
                "レシートとカードの裏の番号を写真で送ってください。明日返します。",
            ),
        )
    )
    subject = pick(rng, "お願いがあります", "本日中に", "")
    reply_to = other_free(rng, TAKAHASHI, sender[0]) if rng.random() < 0.25 else None
    return Mail(
        sender,
        [rcpt(rng, target)],
        subject,
        iphone(rng, via, text),
        when(rng, (10, 18)),
        via,
        reply_to=reply_to,
        dmarc=dmarc,
    )


@template("gift-card", "test")
def gift_email_type_manager(rng: random.Random) -> Mail:
    boss = ITO if rng.random() < 0.6 else WATANABE
    target = KOBAYASHI if boss is ITO else rng.choice((KOBAYASHI, NAKAMURA))
    sender, via, dmarc = free_sender(rng, boss, ("outlook", "gmail"))
    n = rng.choice((4, 6, 8))
    text = lines(
        f"{surname(target)}さん",
        "",
        f"お疲れ様です。{surname(boss)}です。",
        "社長から頼まれた件で、取引先への謝礼としてAmazonギフト券（Eメールタイプ）を購入してほしいです。",
        f"金額は5万円を{n}枚です。",
        "購入したら、ギフト券番号を一覧にしてこのアドレスに送ってください。",
        "今は社外にいて会社のメールが見られないので、こちらでお願いします。",
        "領収書は後で経費で処理します。",
    )
    subject = pick(rng, "ギフト券購入のお願い", "謝礼の件", "至急お願いします")
    return Mail(sender, [rcpt(rng, target)], subject, text, when(rng), via, dmarc=dmarc)


# 8. payroll diversion -------------------------------------------------------------------------

KANA = {
    KOBAYASHI.name: "コバヤシ ナオキ",
    NAKAMURA.name: "ナカムラ シヨウ",
    KATO.name: "カトウ ダイスケ",
    YOSHIDA.name: "ヨシダ アヤ",
}
EMPLOYEES = (KOBAYASHI, NAKAMURA, KATO, YOSHIDA)


@template("payroll-diversion", "dev")
def payroll_probe_gmail(rng: random.Random) -> Mail:
    who = rng.choice(EMPLOYEES)
    sender, via, dmarc = free_sender(rng, who, ("gmail",))
    text = rng.choice(
        (
            lines(
                "山本さん",
                "",
                f"お疲れ様です。{who.title}の{surname(who)}です。",
                "給与の振込口座を変更したいのですが、今月分の給与から新しい口座に変更することは可能でしょうか。",
                "必要な手続きがあれば教えてください。",
                "よろしくお願いします。",
            ),
            lines(
                "山本さん",
                "",
                f"お疲れ様です。{surname(who)}です。",
                "今月の給料日の前に、振込先の口座を変更したいと思っています。",
                "締め日はいつまででしょうか。ご確認よろしくお願いします。",
            ),
        )
    )
    subject = pick(rng, "給与振込口座の変更について", "口座変更の件", "質問です")
    reply_to = other_free(rng, who, sender[0]) if rng.random() < 0.15 else None
    return Mail(sender, [rcpt(rng, YAMAMOTO)], subject, text, when(rng), via, reply_to=reply_to, dmarc=dmarc)


@template("payroll-diversion", "dev")
def payroll_details_outlook(rng: random.Random) -> Mail:
    who = rng.choice(EMPLOYEES)
    sender, via, dmarc = free_sender(rng, who, ("outlook",))
    target = YAMAMOTO if rng.random() < 0.8 else ITO
    text = lines(
        f"{surname(target)}さん",
        "",
        f"お疲れ様です。{who.title}の{who.name}です。",
        "メインで使っている口座を変更したため、給与の振込先を下記の口座に変更していただけますでしょうか。",
        "",
        bank_account(rng, KANA[who.name], personal=True),
        "",
        "今月の給与からの反映をお願いできればと思います。",
        "急なお願いで申し訳ありません。",
        "社用のPCを修理に出しているため、個人のアドレスから失礼します。",
    )
    subject = pick(rng, "給与振込先変更のお願い", "【お願い】振込口座の変更", "口座変更")
    return Mail(sender, [rcpt(rng, target)], subject, text, when(rng), via, dmarc=dmarc)


@template("payroll-diversion", "test")
def payroll_closed_account_yahoo(rng: random.Random) -> Mail:
    who = rng.choice(EMPLOYEES)
    sender, via, dmarc = free_sender(rng, who, ("yahoo",))
    text = lines(
        "山本様",
        "",
        f"お疲れ様です。{who.title}の{surname(who)}です。",
        "先日、以前の口座を解約いたしましたので、次回の給与は下記の口座にお振込みいただけますでしょうか。",
        "",
        bank_account(rng, KANA[who.name], personal=True),
        "",
        "変更届の用紙が必要でしたら、後日提出いたします。",
        "お手数をおかけしますが、よろしくお願いいたします。",
    )
    subject = pick(rng, "給与振込口座変更のお願い", "次回給与の振込先について")
    reply_to = other_free(rng, who, sender[0]) if rng.random() < 0.2 else None
    return Mail(sender, [rcpt(rng, YAMAMOTO)], subject, text, when(rng), via, reply_to=reply_to, dmarc=dmarc)


@template("payroll-diversion", "test")
def payroll_probe_phone(rng: random.Random) -> Mail:
    who = rng.choice(EMPLOYEES)
    sender, via, dmarc = free_sender(rng, who, ("icloud", "icloud", "outlook"))
    text = rng.choice(
        (
            lines(
                "人事ご担当 山本さん",
                "",
                f"お疲れ様です。{surname(who)}です。",
                "給与の振込先の変更は、どなたに連絡すればよいでしょうか。",
                "今月25日の支給分から変更したいと考えています。",
                "外出中のため、スマホから失礼します。",
            ),
            lines(
                "山本さん",
                f"{who.title}の{surname(who)}です。お疲れ様です。",
                "給与口座を別の銀行に移したいので、変更の手続きを教えてもらえますか。",
                "できれば今月から反映したいです。",
            ),
        )
    )
    subject = pick(rng, "給与口座について", "確認させてください", "")
    return Mail(sender, [rcpt(rng, YAMAMOTO)], subject, iphone(rng, via, text), when(rng), via, dmarc=dmarc)


# 9. fake invoices -----------------------------------------------------------------------------


def invoice_pdf(rng: random.Random, no: str, issuer: str, amt: int, due: datetime, d: datetime) -> bytes:
    return pdf(
        [
            "INVOICE",
            "",
            f"Invoice No.: {no}",
            f"Issue date: {d:%Y/%m/%d}",
            "",
            "Bill to: Minato Seiki Co., Ltd.",
            f"Issuer: {issuer}",
            "",
            f"Amount due (tax incl.): JPY {amt:,}",
            f"Due date: {due:%Y/%m/%d}",
            "",
            "Payment: bank transfer to the account stated in our notice.",
        ],
        no,
        d,
    )


@template("fake-invoice", "dev")
def invoice_overdue_daiwa(rng: random.Random) -> Mail:
    dom = rng.choice(("daiwa-shoji.jp", "daiwa-shouji.co.jp", "daiwa-syoji.jp"))
    via = rng.choice(("hosting:xserver:outlook", "hosting:xserver:thunderbird", "m365"))
    d = when(rng)
    month = d.month - 1 or 12
    due = d - timedelta(days=d.day + rng.randrange(0, 3))
    no = f"DS-{d.year}{month:02d}-{rng.randrange(100, 999)}"
    amt = amount(rng, 420_000, 4_800_000, 1)
    attach = rng.random() < 0.5
    sender = (pick(rng, "大和商事株式会社 経理部", "大和商事 経理部 岡田"), f"keiri@{dom}")
    text = lines(
        ORG_NAME,
        "経理部 御中",
        "",
        "いつもお世話になっております。",
        "大和商事株式会社 経理部でございます。",
        "",
        f"{month}月分のご請求（請求書番号：{no}、ご請求金額：{yen(amt)}円）につきまして、",
        f"お支払期日の{md(due)}を過ぎておりますが、本日時点でご入金の確認が取れておりません。",
        "",
        "行き違いでお支払いいただいている場合は、ご容赦ください。",
        f"なお、{d.month}月より弊社の入金口座が変更となっておりますので、",
        "下記口座へ至急お振込みいただけますようお願い申し上げます。",
        "",
        bank_account(rng, supplier_holder(rng, DAIWA)),
        "",
        *(["請求書を再度添付いたしますので、ご確認ください。", ""] if attach else []),
        "何卒よろしくお願い申し上げます。",
        "",
        corr_signature(DAIWA, Person("岡田 美香", "経理部", ""), email=sender[1], style=rng.randrange(3)),
    )
    subject = pick(
        rng, f"【再送】ご請求書（{month}月分）のお支払いについて", f"お支払期日経過のご連絡（{month}月分）"
    )
    files = (
        [(f"請求書_{no}.pdf", "application/pdf", invoice_pdf(rng, no, "Daiwa Shoji Co., Ltd.", amt, due, d))]
        if attach
        else []
    )
    return Mail(
        sender,
        [formal_rcpt(KOBAYASHI)],
        subject,
        text,
        d,
        via,
        attachments=files,
        dmarc=rng.choice(("none", "none", None)),
    )


@template("fake-invoice", "dev")
def invoice_carrier_new_system(rng: random.Random) -> Mail:
    dom = rng.choice(("hokutou-unyu.co.jp", "hokuto-unyu.jp", "hokutou-unyu.jp"))
    via = rng.choice(("hosting:sakura:becky", "m365", "hosting:xserver:outlook"))
    d = when(rng)
    month = d.month - 1 or 12
    due = next_weekday(d, rng.randrange(3, 7))
    no = f"HU{d.year % 100}{month:02d}-{digits(rng, 5)}"
    amt = amount(rng, 180_000, 1_600_000, 1)
    attach = rng.random() < 0.5
    who = pick(rng, "業務課 小野", "経理課 石川")
    sender = (f"北斗運輸 {who.split()[1]}", f"{rng.choice(('seikyu', 'gyomu', 'keiri'))}@{dom}")
    text = lines(
        "みなと精機 御中",
        "経理ご担当者様",
        "",
        "いつも大変お世話になっております。",
        f"北斗運輸株式会社 {who}でございます。",
        "",
        f"{month}月度の運送料金につきまして、ご請求をお送りいたします。",
        "今月より請求業務をシステム化いたしましたため、お振込先が下記のとおり変更となっております。",
        "",
        f"請求番号：{no}",
        f"請求金額：{yen(amt)}円（税込）",
        f"お支払期限：{md(due)}",
        "",
        "【お振込先】",
        bank_account(rng, supplier_holder(rng, HOKUTO)),
        "",
        "また、前月分のご入金がまだ確認できておりませんので、あわせてご確認をお願いいたします。",
        "ご不明な点がございましたら、本メールにご返信ください。",
        "よろしくお願いいたします。",
        "",
        corr_signature(HOKUTO, Person(f"{who.split()[1]}", who.split()[0], ""), style=rng.randrange(3)),
    )
    subject = pick(
        rng, f"{month}月度 運送料金ご請求のご案内", "【北斗運輸】ご請求書送付およびお振込先変更のお知らせ"
    )
    files = (
        [(f"請求書_{no}.pdf", "application/pdf", invoice_pdf(rng, no, "Hokuto Unyu Co., Ltd.", amt, due, d))]
        if attach
        else []
    )
    sjis = via.startswith("hosting:") and rng.random() < 0.4
    return Mail(
        sender,
        [formal_rcpt(KOBAYASHI)],
        subject,
        text,
        d,
        via,
        attachments=files,
        dmarc=rng.choice(("none", "quarantine", None)),
        charset="shift_jis" if sjis else "",
    )


@template("fake-invoice", "test")
def invoice_printing_reminder(rng: random.Random) -> Mail:
    dom = rng.choice(
        ("chiyoda-insatsuu.co.jp", "tiyoda-insatsu.co.jp", "chiyoda-lnsatsu.co.jp", "chiyoda-insatu.co.jp")
    )
    sjis = rng.random() < 0.5
    via = (
        "hosting:vps:phpmailer"
        if sjis and rng.random() < 0.5
        else rng.choice(("hosting:xserver:becky", "hosting:conoha:outlook"))
    )
    d = when(rng)
    due = d - timedelta(days=rng.randrange(5, 20))
    no = f"CP-{digits(rng, 6)}"
    amt = amount(rng, 120_000, 1_980_000, 1)
    attach = rng.random() < 0.4
    sender = (pick(rng, "千代田印刷株式会社 経理課", "千代田印刷 経理課"), f"keiri@{dom}")
    text = lines(
        ORG_NAME,
        "経理部 御中",
        "",
        "平素は格別のお引き立てを賜り、厚く御礼申し上げます。",
        "千代田印刷株式会社 経理課でございます。",
        "",
        "下記ご請求につきまして、お支払期日を経過しておりますが、ご入金の確認ができておりません。",
        f"お手数ですが、ご確認のうえ{md(next_weekday(d, 2))}までに"
        "お振込みくださいますようお願い申し上げます。",
        "",
        f"請求書番号：{no}",
        f"件名：{rng.choice(('会社案内パンフレット 増刷', '製品カタログ 2026年版', '展示会用リーフレット'))}",
        f"ご請求金額：{yen(amt)}円（税込）",
        f"お支払期日：{md(due)}",
        "",
        "なお、弊社の振込口座が変更となっておりますので、下記口座へお願いいたします。",
        "",
        bank_account(rng, supplier_holder(rng, CHIYODA)),
        "",
        "本状と行き違いにご送金いただいている場合は、悪しからずご容赦ください。",
        "",
        corr_signature(CHIYODA, Person("経理課", "", ""), dept="", style=rng.randrange(2)),
    )
    subject = pick(
        rng, "お支払期日超過のご連絡", "【督促】印刷代金のご入金について", f"ご入金確認のお願い（{no}）"
    )
    files = (
        [
            (
                f"{no}_請求書.pdf",
                "application/pdf",
                invoice_pdf(rng, no, "Chiyoda Insatsu Co., Ltd.", amt, due, d),
            )
        ]
        if attach
        else []
    )
    return Mail(
        sender,
        [formal_rcpt(KOBAYASHI)],
        subject,
        text,
        d,
        via,
        attachments=files,
        dmarc=rng.choice(("none", "none", None)),
        charset="shift_jis" if sjis else "",
    )


@template("fake-invoice", "test")
def invoice_maintenance_suspension(rng: random.Random) -> Mail:
    dom = rng.choice(
        ("fuji-systems-jp.com", "fuzi-systems.co.jp", "fuji-sysytems.co.jp", "fujl-systems.co.jp")
    )
    via = rng.choice(("m365", "hosting:privateemail:ox", "workspace"))
    d = when(rng, (9, 14))
    amt = amount(rng, 360_000, 2_400_000, 100)
    attach = rng.random() < 0.5
    no = f"FS{d:%y%m}{digits(rng, 4)}"
    sender = (
        pick(rng, "富士システムズ サポート", "清水 亮", "富士システムズ株式会社 清水"),
        f"support@{dom}",
    )
    to = [formal_rcpt(KATO)] if rng.random() < 0.5 else [formal_rcpt(KOBAYASHI)]
    cc = [formal_rcpt(KOBAYASHI)] if to[0][1] == KATO.address else []
    text = lines(
        ORG_NAME,
        f"{KATO.title} 加藤様" if cc else "経理部 ご担当者様",
        "",
        "いつもお世話になっております。",
        "富士システムズ株式会社 サポート窓口の清水です。",
        "",
        f"年間保守サービス料金（請求番号：{no}、{yen(amt)}円）のお支払いにつきまして、期日を過ぎてもご入金が確認できておりません。",
        "本日17時までにご入金の確認が取れない場合、誠に恐縮ながら保守サービスを一時停止させていただくことになります。",
        "",
        "お振込先は、弊社口座の変更に伴い下記となっておりますのでご注意ください。",
        "",
        bank_account(rng, supplier_holder(rng, FUJI)),
        "",
        "お振込み後、ご連絡をいただけますと幸いです。",
        "",
        corr_signature(FUJI, email=sender[1], style=rng.randrange(3)),
    )
    subject = pick(
        rng,
        "【重要】保守サービス料金のお支払いについて",
        "保守料金のご請求（督促）",
        "ご入金のお願い（本日期限）",
    )
    files = (
        [(f"請求書_{no}.pdf", "application/pdf", invoice_pdf(rng, no, "Fuji Systems Co., Ltd.", amt, d, d))]
        if attach
        else []
    )
    return Mail(
        sender,
        to,
        subject,
        text,
        d,
        via,
        cc=cc,
        attachments=files,
        dmarc=rng.choice(("none", "quarantine", None)),
    )


# 10. mixed English and Japanese ---------------------------------------------------------------

INTL_BANKS = (
    ("Siam Metro Bank Public Company Limited", "SMTRTHBK", "Bangkok, Thailand"),
    ("Harbour Commercial Bank Limited", "HBCMHKHH", "Hong Kong"),
    ("Pacific Union Bank Ltd.", "PUBKSGSG", "Singapore"),
    ("Lion City Trust Bank", "LCTBSGSG", "Singapore"),
)


def intl_account(rng: random.Random, name: str) -> list[str]:
    bank, swift, where = rng.choice(INTL_BANKS)
    return [
        f"Bank: {bank}",
        f"Branch: {where}",
        f"SWIFT: {swift}",
        f"Account name: {name}",
        f"Account No.: {digits(rng, 3)}-{digits(rng, 6)}-{rng.randrange(0, 9)}",
    ]


@template("mixed-english", "dev")
def mixed_subsidiary_intercompany(rng: random.Random) -> Mail:
    dom = rng.choice(("minato-seiki.com", "minato-seiki.asia", "rninato-seiki.co.th"))
    via = rng.choice(("hosting:xserver:roundcube", "hosting:privateemail:ox", "m365"))
    target = ITO if rng.random() < 0.6 else KOBAYASHI
    sender = ("Somchai Wongsakul", f"somchai.w@{dom}")
    amt = amount(rng, 28_000, 160_000, 500)
    d = when(rng)
    text = lines(
        f"Dear {ROMAJI[target.name][0].capitalize()}-san,",
        "",
        "お疲れ様です。",
        "This is Somchai from the accounting team at Minato Seiki (Thailand).",
        "",
        "Our bank account in Bangkok is currently under review by our auditors,",
        "so we kindly ask you to remit this month's intercompany payment to our new account below.",
        "",
        intl_account(rng, "MINATO SEIKI (THAILAND) CO., LTD."),
        "",
        f"The amount is USD {amt:,} and it should arrive by {next_weekday(d, 3):%B %d}.",
        "Please keep this matter confidential until the audit is completed.",
        "",
        "よろしくお願いいたします。",
        "",
        "Somchai Wongsakul",
        "Accounting Manager",
        "Minato Seiki (Thailand) Co., Ltd.",
        "700/123 Moo 5, Amata City Chonburi Industrial Estate, Chonburi 20000, Thailand",
    )
    subject = pick(
        rng,
        "Intercompany payment - new bank account / 口座変更のお願い",
        "【Urgent】Change of bank account",
        "Re: intercompany settlement",
    )
    return Mail(
        sender, [formal_rcpt(target)], subject, text, d, via, dmarc=rng.choice(("none", "none", None))
    )


@template("mixed-english", "dev")
def mixed_ceo_abroad(rng: random.Random) -> Mail:
    target = rng.choice(ACCOUNTING)
    sender, via, dmarc = free_sender(rng, TAKAHASHI, ("gmail", "icloud"))
    city = rng.choice(("Singapore", "Bangkok", "Frankfurt", "Chicago"))
    amt = amount(rng, 6_000_000, 32_000_000, 100_000)
    d = when(rng, (8, 20))
    text = lines(
        f"{ROMAJI[target.name][0].capitalize()}-san,",
        "",
        "お疲れ様です。高橋です。",
        f"I am in {city} for the meeting with our new partner and cannot take calls today.",
        f"We need to send a deposit of JPY {amt:,} to their local account before the end of business today.",
        f"I will handle the internal approval (稟議) when I return on {next_weekday(d, 2):%B %d}.",
        "Please do not share this with anyone else yet.",
        "",
        "Can you process an overseas remittance today? Please reply by email.",
        "",
        "よろしく。",
        "Takahashi",
    )
    subject = pick(rng, "Urgent / 至急", "Confidential - remittance today", "海外送金の件 (urgent)")
    reply_to = other_free(rng, TAKAHASHI, sender[0]) if rng.random() < 0.2 else None
    return Mail(
        sender, [rcpt(rng, target)], subject, iphone(rng, via, text), d, via, reply_to=reply_to, dmarc=dmarc
    )


@template("mixed-english", "test")
def mixed_supplier_hk_branch(rng: random.Random) -> Mail:
    dom = rng.choice(("daiwa-shoji-hk.com", "daiwashoji-hk.com", "daiwa-shoji-group.com"))
    via = rng.choice(("workspace", "hosting:privateemail:ox", "m365"))
    target = KOBAYASHI
    sender = ("Kevin Lau", f"kevin.lau@{dom}")
    d = when(rng)
    text = lines(
        "Dear Kobayashi-san,",
        "",
        "いつもお世話になっております。",
        "I am Kevin Lau from the finance department of Daiwa Shoji (Hong Kong) Limited.",
        "Matsumoto-san in Tokyo asked me to contact you directly.",
        "",
        "Due to a tax audit in Japan, the payments for the import orders will be received",
        "by our Hong Kong office from this month.",
        "Could you kindly send us the list of outstanding invoices (invoice number, amount and due date)?",
        "We will then send you the updated remittance details.",
        "",
        "ご協力のほどよろしくお願いいたします。",
        "",
        "Best regards,",
        "Kevin Lau",
        "Finance Department",
        "Daiwa Shoji (Hong Kong) Limited",
        "Unit 1208, 12/F, Harbour Centre Tower 2, 8 Hok Cheung Street, Hung Hom, Kowloon, Hong Kong",
        f"Tel: +852 {digits(rng, 4)} {rs(rng, 4, string.digits)}",
    )
    subject = pick(
        rng,
        "Outstanding invoices / 未払い請求一覧のお願い",
        "Daiwa Shoji HK - payment arrangement",
        "Request for statement of account",
    )
    return Mail(
        sender,
        [formal_rcpt(target)],
        subject,
        text,
        d,
        via,
        cc=[],
        dmarc=rng.choice(("none", "quarantine", None)),
    )


@template("mixed-english", "test")
def mixed_us_subsidiary_hr(rng: random.Random) -> Mail:
    dom = rng.choice(("minato-seiki-us.com", "minatoseiki-usa.com", "minato-seiki-america.com"))
    via = rng.choice(("m365", "workspace", "hosting:xserver:roundcube"))
    d = when(rng)
    sender = ("Jennifer Clark", f"jclark@{dom}")
    if rng.random() < 0.5:
        target = YAMAMOTO
        text = lines(
            "Hello Yamamoto-san,",
            "",
            "お疲れ様です。",
            "This is Jennifer Clark, HR Manager at Minato Seiki America.",
            "For the group-wide compensation review requested by Watanabe-san, could you send me",
            "the current employee list of the head office with name, department, date of birth,",
            "base salary and the bank account used for payroll?",
            f"An Excel file is fine. We need it by {next_weekday(d, 2):%B %d} for the board materials.",
            "",
            "お手数をおかけしますが、よろしくお願いします。",
            "",
            "Jennifer Clark",
            "HR Manager | Minato Seiki America, Inc.",
            "1500 Woodfield Rd, Suite 410, Schaumburg, IL 60173",
            f"Tel: +1 847-555-01{rng.randrange(10, 99)}",
        )
        subject = pick(
            rng, "Employee list for compensation review / 社員一覧のお願い", "Group HR review - data request"
        )
    else:
        target = ITO
        amt = amount(rng, 40_000, 240_000, 1_000)
        text = lines(
            "Dear Ito-san,",
            "",
            "お疲れ様です。",
            "I hope you are well. This is Jennifer Clark from Minato Seiki America.",
            f"Takahashi-san approved a short-term loan of USD {amt:,} to cover our payroll this month,",
            "because a large customer payment was delayed. Could you arrange the transfer today?",
            "Our usual account is being migrated, so please use the account below.",
            "",
            intl_account(rng, "MINATO SEIKI AMERICA INC"),
            "",
            "The formal paperwork will follow after Takahashi-san signs it.",
            "",
            "よろしくお願いいたします。",
            "",
            "Jennifer Clark",
            "Minato Seiki America, Inc.",
        )
        subject = pick(rng, "Urgent: intercompany loan for payroll", "Funding request / 送金のお願い")
    return Mail(
        sender, [formal_rcpt(target)], subject, text, d, via, dmarc=rng.choice(("none", "reject", None))
    )


# --------------------------------------------------------------------------------------------
# the sets


def messages(split: str, seed: int = 1) -> list[tuple[str, bytes]]:
    """(name, RFC 5322 message bytes). split is "dev" or "test"."""
    if split not in ("dev", "test"):
        raise ValueError(f"unknown split {split!r}")
    out: list[tuple[str, bytes]] = []
    for family in FAMILIES:
        pool = [t for t in TEMPLATES if t.family == family and t.split == split]
        for i in range(PER_FAMILY):
            t = pool[i % len(pool)]
            rng = random.Random(f"ja-bec:{seed}:{split}:{family}:{i}:{t.fn.__name__}")
            mail = t.fn(rng)
            out.append((f"{family}-{i + 1:04d}", render(mail, rng)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the messages to OUT/dev and OUT/test as .eml files")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for split in ("dev", "test"):
        msgs = messages(split, args.seed)
        counts = {f: sum(1 for name, _ in msgs if name.startswith(f + "-")) for f in FAMILIES}
        print(f"{split}: {len(msgs)} messages")
        for family, n in counts.items():
            print(f"  {family:<20} {n}")
        if args.out:
            folder = args.out / split
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in msgs:
                (folder / f"{name}.eml").write_bytes(data)


if __name__ == "__main__":
    main()
