"""Unsolicited junk mail, scam offers and spam of 2023-2026 as the MX of a small Irish accounting
practice receives it, including a long-published role address that now works as a spam trap.

The receiving organisation is Corrib Ledger Accountants (``corribledger.ie``, Galway); every message
is a whole RFC 5322 message as it sits in a mailbox after ``mx1.corribledger.ie`` has added its
``Received`` and ``Authentication-Results`` headers. ``messages(split, seed)`` returns
``(name, bytes)`` pairs; only the ``test`` split exists (``dev`` is empty).

Families: health and supplement marketing, insurance and funeral/health plans, warranties and home
improvement (solar, heat pumps, batteries, windows, roofing, walk-in tubs), celebrity-endorsed
investment advertorials, casinos/betting/lotteries, dating and adult, loyalty-points expiry and
mystery-box prizes in eight languages, "customs fee" parcel lures, survey rewards, debt relief,
loans and grants, job offers and money-mule recruiting, SEO/web/app/lead-list pitches, Chinese
factory and B2B supplier pitches, fake directory/trademark/domain-renewal invoices, pay-to-play
awards and conferences, fake charity appeals, romance openers, advance-fee fraud, sextortion,
small-shop newsletters sent without consent, political and religious spam, and token/NFT launches.
Senders are throwaway domains, compromised sites of unrelated businesses, look-alike and compound
brand domains, abused ESP accounts and free mail; authentication results vary accordingly.
The set was written blind to the analyser, from general knowledge of real-world spam.

``python -m tests.support.en_junk2 [--seed N] [--out DIR]`` prints the counts per family and
writes ``DIR/*.eml``. Every person, company, phone number and URL path is invented; well-known
brands are only named in text, never used as a sending domain. Hosts use documentation address
ranges where they are invented.
"""

# ruff: noqa: E501
from __future__ import annotations

import argparse
import base64
import hashlib
import quopri
import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

Header = tuple[str, str]
Ent = tuple[list[Header], bytes]
Builder = Callable[[random.Random, int], bytes]

ORG = "Corrib Ledger Accountants"
DOM = "corribledger.ie"
MX = "mx1.corribledger.ie"
MX_IP = "198.51.100.40"

ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase + string.digits
LETTERS = string.ascii_lowercase
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"

# Addresses that receive junk: role accounts published on the web for years, staff, and leavers.
RCPTS = [
    ("info", "", 6),
    ("accounts", "", 3),
    ("reception", "", 2),
    ("careers", "", 1),
    ("webmaster", "", 2),
    ("enquiries", "", 4),  # dormant since 2019: effectively a spam trap
    ("niamh.keogh", "Niamh Keogh", 2),
    ("ciaran.moloney", "Ciaran Moloney", 2),
    ("aoife.brennan", "Aoife Brennan", 1),
    ("d.flanagan", "Declan Flanagan", 2),  # left in 2021
    ("admin", "", 2),
    ("payroll", "", 1),
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
    "Nancy",
    "Steven",
    "Lisa",
    "Mark",
    "Sandra",
    "Paul",
    "Helen",
    "Kevin",
    "Donna",
    "Brian",
    "Carol",
    "George",
    "Amanda",
    "Edward",
    "Melissa",
    "Ronald",
    "Deborah",
    "Anthony",
    "Stephanie",
    "Jason",
    "Rebecca",
]
LAST = [
    "Harlow",
    "Pembury",
    "Castell",
    "Drayton",
    "Ellery",
    "Fenwick",
    "Garside",
    "Holloway",
    "Ingleby",
    "Jarrow",
    "Kettering",
    "Lambert",
    "Marston",
    "Northcott",
    "Oakley",
    "Prescott",
    "Quarry",
    "Ridley",
    "Stannard",
    "Thornbury",
    "Upton",
    "Varley",
    "Walsby",
    "Yardley",
]
CN_FIRST = [
    "Lily",
    "Amy",
    "Jenny",
    "Coco",
    "Vivian",
    "Sunny",
    "Cherry",
    "Kevin",
    "Jack",
    "Tony",
    "Alice",
    "Emma",
    "Grace",
    "Helen",
    "Judy",
]
WORDS = [
    "river",
    "candle",
    "orbit",
    "harbor",
    "maple",
    "velvet",
    "copper",
    "lantern",
    "meadow",
    "pixel",
    "quarry",
    "saddle",
    "timber",
    "violet",
    "walnut",
    "yellow",
    "zephyr",
    "anchor",
    "breeze",
    "cobalt",
    "dawn",
    "ember",
    "falcon",
    "glacier",
    "hollow",
    "island",
    "jasper",
    "kettle",
    "lilac",
    "marble",
    "nectar",
    "oyster",
    "pebble",
    "quill",
    "ribbon",
    "sparrow",
    "thistle",
    "umber",
    "vapor",
    "willow",
    "yarrow",
    "zinnia",
    "almond",
    "basket",
    "cactus",
    "dolphin",
    "eagle",
    "feather",
    "garnet",
    "hazel",
    "igloo",
    "jungle",
    "koala",
    "lemon",
    "mango",
    "nutmeg",
    "olive",
    "panda",
    "quartz",
    "raven",
    "salmon",
    "tulip",
]


# --------------------------------------------------------------------------------------------
# small helpers


def rs(r: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def digits(r: random.Random, n: int) -> str:
    return str(r.randint(1, 9)) + "".join(r.choice("0123456789") for _ in range(n - 1))


def pname(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def pick(r: random.Random, *opts: str) -> str:
    return r.choice(opts)


def rdate(r: random.Random, offset: float | None = None) -> datetime:
    year = r.choice((2023, 2024, 2025, 2026))
    month = r.randint(1, 11 if year == 2026 else 12)
    dt = datetime(year, month, r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
    if offset is None:
        offset = r.choice([0, 1, 2, 3, -4, -5, -7, 8, 5.5, 7, 10, -3])
    return dt.replace(tzinfo=timezone(timedelta(hours=offset)))


def dublin(dt: datetime) -> datetime:
    u = dt.astimezone(UTC)
    summer = 3 < u.month < 11 or (u.month == 3 and u.day > 27) or (u.month == 10 and u.day < 27)
    return u.astimezone(timezone(timedelta(hours=1 if summer else 0)))


def hdate(dt: datetime) -> str:
    return format_datetime(dt)


def syll_domain(r: random.Random, tlds: Sequence[str] = ()) -> str:
    sy = [
        "ka",
        "lo",
        "ven",
        "tri",
        "mo",
        "zu",
        "rex",
        "pa",
        "li",
        "nor",
        "qui",
        "sta",
        "vel",
        "dro",
        "mi",
        "xan",
        "ber",
        "tal",
        "fio",
        "gru",
        "nex",
        "ora",
        "plu",
        "sen",
    ]
    name = "".join(r.choice(sy) for _ in range(r.randint(2, 4)))
    if r.random() < 0.25:
        name += str(r.randint(2, 99))
    return (
        name
        + "."
        + r.choice(
            tlds
            or [
                "top",
                "xyz",
                "shop",
                "click",
                "online",
                "site",
                "store",
                "info",
                "icu",
                "sbs",
                "cfd",
                "live",
                "buzz",
                "monster",
                "rest",
                "lat",
                "pics",
                "cyou",
                "bond",
                "today",
            ]
        )
    )


def word_domain(
    r: random.Random, words: Sequence[str], tlds: Sequence[str] = ("com", "net", "co", "us", "org", "biz")
) -> str:
    a, b = r.sample(list(words), 2)
    sep = r.choice(["", "", "-"])
    return f"{a}{sep}{b}.{r.choice(tlds)}"


HACKED = [
    ("hollowayplumbing.co.uk", "Holloway Plumbing"),
    ("bellavistadental.com.br", "Clinica Bella Vista"),
    ("oakridgevets.com.au", "Oakridge Vets"),
    ("kwiaciarnia-roza.pl", "Kwiaciarnia Roza"),
    ("stmaryschoir-leeds.org.uk", "St Mary's Choir"),
    ("taller-mecanico-ruiz.es", "Taller Ruiz"),
    ("lakeshoreyoga.ca", "Lakeshore Yoga"),
    ("bakkerij-vandenberg.nl", "Bakkerij van den Berg"),
    ("agriturismo-ilpoggio.it", "Il Poggio"),
    ("sunsetmotelinn.com", "Sunset Motel"),
    ("fahrschule-kellner.de", "Fahrschule Kellner"),
    ("pinecrestdaycare.org", "Pinecrest Daycare"),
    ("mwangi-safaris.co.ke", "Mwangi Safaris"),
    ("thaiorchidbistro.com", "Thai Orchid"),
    ("harrowgatejoinery.co.uk", "Harrowgate Joinery"),
    ("ecole-lespetitspas.fr", "Les Petits Pas"),
    ("ramos-advocacia.com.br", "Ramos Advocacia"),
    ("dunmoreanglingclub.ie", "Dunmore Angling Club"),
]

SHORT = [
    "bit.ly",
    "tinyurl.com",
    "cutt.ly",
    "rebrand.ly",
    "is.gd",
    "t.ly",
    "shorturl.at",
    "rb.gy",
    "s.id",
    "ow.ly",
]


def shortlink(r: random.Random) -> str:
    host = r.choice(SHORT)
    return f"https://{host}/{rs(r, r.randint(5, 8))}"


def cloudlink(r: random.Random, tag: str = "") -> str:
    b = f"{tag or r.choice(WORDS)}{rs(r, 5, LOWER)}"
    k = r.randint(0, 8)
    if k == 0:
        return f"https://storage.googleapis.com/{b}/index.html#{rs(r, 10, LOWER)}"
    if k == 1:
        return f"https://{b}.blob.core.windows.net/$web/index.html?c={rs(r, 8)}"
    if k == 2:
        return f"https://firebasestorage.googleapis.com/v0/b/{b}.appspot.com/o/go.html?alt=media&token={rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}"
    if k == 3:
        return f"https://sites.google.com/view/{b}/home"
    if k == 4:
        return f"https://{b}.web.app/?id={rs(r, 12, LOWER)}"
    if k == 5:
        return f"https://pub-{rs(r, 32, HEX)}.r2.dev/{b}.html"
    if k == 6:
        return f"https://{b}.s3.{r.choice(['us-east-1', 'eu-west-2', 'ap-southeast-1'])}.amazonaws.com/land.html?u={rs(r, 10)}"
    if k == 7:
        return f"https://{b}.netlify.app/offer/{rs(r, 6, LOWER)}"
    return f"https://{b}.pages.dev/?r={rs(r, 8)}"


def redirect(r: random.Random, target: str) -> str:
    from urllib.parse import quote

    q = quote(target, safe="")
    k = r.randint(0, 3)
    if k == 0:
        return f"https://www.google.com/url?q={q}&sa=D&sntz=1&usg=AOvVaw{rs(r, 22)}"
    if k == 1:
        return f"https://{r.choice(HACKED)[0]}/wp-content/plugins/redirect/go.php?url={q}"
    if k == 2:
        return f"https://l.{syll_domain(r, ['com', 'net'])}/r?u={q}"
    return f"https://www.bing.com/ck/a?!&&p={rs(r, 40, HEX)}&u=a1{base64.urlsafe_b64encode(target.encode()).decode().rstrip('=')}&ntb=1"


def anylink(r: random.Random, dom: str, path: str = "") -> str:
    k = r.random()
    direct = f"https://{pick(r, '', 'www.', 'go.', 'secure.', 'app.')}{dom}/{path or rs(r, 6, LOWER)}?{pick(r, 'id', 'uid', 'c', 'ref', 'sub')}={rs(r, 10)}"
    if k < 0.35:
        return direct
    if k < 0.55:
        return shortlink(r)
    if k < 0.8:
        return cloudlink(r)
    return redirect(r, direct)


def salad(r: random.Random, n: int) -> str:
    return " ".join(r.choice(WORDS) for _ in range(n))


ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def zw(r: random.Random, s: str) -> str:
    out = []
    for w in s.split(" "):
        if len(w) > 4 and r.random() < 0.6:
            k = r.randint(1, len(w) - 1)
            w = w[:k] + r.choice(ZW) + w[k:]
        out.append(w)
    return " ".join(out)


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------------------------
# MIME construction


def ew(s: str, cs: str = "utf-8", enc: str = "B") -> str:
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        pass
    try:
        s.encode(cs)
    except UnicodeEncodeError:
        cs = "utf-8"
    out, cur = [], ""
    for ch in s:
        if len((cur + ch).encode(cs)) > 36:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    out.append(cur)
    label = cs.upper() if r_upper(cs) else cs
    words = []
    for w in out:
        raw = w.encode(cs)
        if enc == "Q":
            q = "".join(
                chr(b) if (chr(b).isalnum() and b < 128) else ("_" if b == 32 else f"={b:02X}") for b in raw
            )
            words.append(f"=?{label}?Q?{q}?=")
        else:
            words.append(f"=?{label}?B?{base64.b64encode(raw).decode()}?=")
    return "\n ".join(words)


def r_upper(cs: str) -> bool:
    return not cs.startswith("utf")


def addr(name: str, email: str, cs: str = "utf-8", enc: str = "B") -> str:
    if not name:
        return email
    e = ew(name, cs, enc)
    if e != name:
        return f"{e} <{email}>"
    if any(c in name for c in ',.()<>@:;"[]'):
        return f'"{name}" <{email}>'
    return f"{name} <{email}>"


def fit_cs(text: str, cs: str) -> str:
    chain = {
        "iso-8859-1": ["iso-8859-1", "windows-1252", "iso-8859-15"],
        "us-ascii": ["us-ascii", "windows-1252"],
    }.get(cs, [cs])
    for c in chain:
        try:
            text.encode(c)
            return c
        except UnicodeEncodeError:
            pass
    return "utf-8"


def leaf(ctype: str, text: str, cs: str, cte: str) -> Ent:
    cs = fit_cs(text, cs)
    if ctype == "text/html":
        text = text.replace('charset=utf-8"', f'charset={cs}"')
    raw = text.replace("\r\n", "\n").encode(cs)
    if cte == "7bit" and any(b > 127 for b in raw):
        cte = "8bit"
    if cte == "quoted-printable":
        body = quopri.encodestring(raw)
    elif cte == "base64":
        body = base64.encodebytes(raw)
    else:
        body = raw
    if not body.endswith(b"\n"):
        body += b"\n"
    return [("Content-Type", f'{ctype}; charset="{cs}"'), ("Content-Transfer-Encoding", cte)], body


def boundary(r: random.Random) -> str:
    k = r.randint(0, 3)
    if k == 0:
        return f"----=_Part_{r.randint(1000, 999999)}_{r.randint(100000000, 999999999)}.{digits(r, 13)}"
    if k == 1:
        return f"--{rs(r, 32, HEX)}"
    if k == 2:
        return f"b1_{rs(r, 32, HEX)}"
    return f"=_{rs(r, 24, ALNUM)}"


def multi(r: random.Random, sub: str, parts: Sequence[Ent]) -> Ent:
    b = boundary(r)
    chunks = []
    for hs, body in parts:
        chunks.append(f"\n--{b}\n".encode())
        chunks.append(hbytes(hs) + b"\n" + body)
    chunks.append(f"\n--{b}--\n".encode())
    return [("Content-Type", f'multipart/{sub}; boundary="{b}"')], b"".join(chunks)[1:]


def hbytes(hs: Sequence[Header]) -> bytes:
    return b"".join(f"{k}: {v}\n".encode("ascii") for k, v in hs)


def pick_cte(r: random.Random, text: str, cs: str) -> str:
    ascii_ok = all(ord(c) < 128 for c in text)
    if ascii_ok:
        return r.choice(["7bit", "7bit", "quoted-printable", "base64"])
    return r.choice(["quoted-printable", "quoted-printable", "base64", "8bit"])


def body(r: random.Random, text: str, htm: str | None, cs: str = "utf-8", mode: str = "") -> Ent:
    """text/plain, text/html or multipart/alternative with a seed-chosen encoding."""
    if not mode:
        mode = r.choice(["text", "html", "alt", "alt"]) if htm else "text"
    cte = pick_cte(r, text + (htm or ""), cs)
    if mode == "text" or htm is None:
        return leaf("text/plain", text, cs, cte)
    if mode == "html":
        return leaf("text/html", htm, cs, cte)
    return multi(r, "alternative", [leaf("text/plain", text, cs, cte), leaf("text/html", htm, cs, cte)])


def pixel(r: random.Random, dom: str) -> str:
    return f'<img src="https://{pick(r, "t", "trk", "open", "px")}.{dom}/o/{rs(r, 24)}.gif" width="1" height="1" alt="" style="display:none">'


def to_html(
    r: random.Random,
    paras: Sequence[str],
    link: str,
    cta: str,
    dom: str,
    *,
    title: str = "",
    color: str = "",
    hidden: bool | None = None,
    img_only: bool = False,
    footer: str = "",
) -> str:
    color = color or r.choice(["#d32f2f", "#1565c0", "#2e7d32", "#ff6f00", "#6a1b9a", "#00897b", "#e91e63"])
    parts = [
        '<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    ]
    if title:
        parts.append(f"<title>{esc(title)}</title>")
    parts.append('</head>\n<body style="margin:0;padding:0;background:#f2f2f2">')
    if hidden is None:
        hidden = r.random() < 0.35
    if hidden:
        parts.append(
            f'<div style="display:none;max-height:0;overflow:hidden;font-size:1px;color:#f2f2f2">{salad(r, r.randint(20, 60))}</div>'
        )
    parts.append('<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center">')
    parts.append(
        '<table width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;font-family:Arial,Helvetica,sans-serif">'
    )
    if img_only:
        img = f"https://{pick(r, 'img', 'cdn', 'static', 'i')}.{dom}/{rs(r, 10, LOWER)}.{pick(r, 'jpg', 'png', 'gif')}"
        if r.random() < 0.4:
            img = (
                f"https://i.imgur.com/{rs(r, 7)}.png"
                if r.random() < 0.5
                else f"https://i.ibb.co/{rs(r, 7)}/{rs(r, 6, LOWER)}.jpg"
            )
        parts.append(
            f'<tr><td><a href="{esc(link)}"><img src="{esc(img)}" width="600" alt="{esc(cta)}" style="display:block;border:0"></a></td></tr>'
        )
    else:
        if title:
            parts.append(
                f'<tr><td style="background:{color};color:#fff;font-size:22px;font-weight:bold;padding:18px 24px">{esc(title)}</td></tr>'
            )
        for p in paras:
            parts.append(
                f'<tr><td style="padding:8px 24px;font-size:15px;line-height:22px;color:#333">{esc(p)}</td></tr>'
            )
        parts.append(
            f'<tr><td align="center" style="padding:20px"><a href="{esc(link)}" style="background:{color};color:#fff;padding:14px 30px;text-decoration:none;border-radius:4px;font-weight:bold;display:inline-block">{esc(cta)}</a></td></tr>'
        )
    if footer:
        parts.append(f'<tr><td style="padding:16px 24px;font-size:11px;color:#999">{esc(footer)}</td></tr>')
    parts.append("</table></td></tr></table>")
    if r.random() < 0.6:
        parts.append(pixel(r, dom))
    if r.random() < 0.2:
        parts.append(f'<p style="color:#ffffff;font-size:2px">{salad(r, r.randint(30, 80))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def unsub_footer(r: random.Random, dom: str, lang: str = "en") -> str:
    addr_line = pick(
        r,
        f"{r.randint(10, 9999)} {pick(r, 'Commerce', 'Market', 'Industrial', 'Lake')} {pick(r, 'St', 'Ave', 'Blvd', 'Rd')}, Suite {r.randint(100, 999)}, {pick(r, 'Wilmington DE 19801', 'Las Vegas NV 89101', 'Sheridan WY 82801', 'Miami FL 33131')}",
        f"PO Box {r.randint(100, 9999)}, {pick(r, 'Road Town, Tortola', 'Limassol, Cyprus', 'Valletta, Malta', 'Victoria, Seychelles')}",
        f"{r.randint(1, 200)} {pick(r, 'Kingsway', 'Old Street', 'High Street')}, London {pick(r, 'WC2B', 'EC1V', 'N1')} {r.randint(1, 9)}{rs(r, 2, 'ABDEFGHJ')}",
    )
    u = f"https://{dom}/unsubscribe?e={rs(r, 16)}"
    txt = {
        "en": f"If you no longer wish to receive these emails, unsubscribe here: {u} or write to {addr_line}.",
        "nl": f"Wilt u geen e-mails meer ontvangen? Afmelden: {u}",
        "de": f"Sie möchten keine E-Mails mehr erhalten? Hier abmelden: {u}",
        "fr": f"Pour ne plus recevoir nos messages, désinscrivez-vous ici : {u}",
        "es": f"Si no desea recibir más correos, darse de baja aquí: {u}",
        "pt": f"Se não deseja receber mais e-mails, cancele a subscrição aqui: {u}",
        "it": f"Se non desideri più ricevere queste email, annulla l'iscrizione qui: {u}",
        "pl": f"Jeśli nie chcesz otrzymywać wiadomości, wypisz się tutaj: {u}",
    }
    return txt.get(lang, txt["en"])


# --------------------------------------------------------------------------------------------
# routes and delivery


@dataclass
class Route:
    email: str  # header From address
    envelope: str
    helo: str
    ip: str
    rdns: str
    spf: str = "pass"
    dkim: list[tuple[str, str, str]] = field(default_factory=list)  # (d, s, result)
    dmarc: str = "pass"
    policy: str = "none"
    hops: list[str] = field(default_factory=list)
    extra: list[Header] = field(default_factory=list)
    tls: bool = True

    @property
    def from_dom(self) -> str:
        return self.email.rsplit("@", 1)[1]


def doc_ip(r: random.Random) -> str:
    return f"{r.choice(['198.51.100', '203.0.113', '192.0.2'])}.{r.randint(2, 254)}"


def vps_rdns(r: random.Random, ip: str) -> str:
    d = ip.split(".")
    k = r.randint(0, 4)
    if k == 0:
        return f"vmi{digits(r, 7)}.cloudvps-eu.net"
    if k == 1:
        return f"{d[3]}.{d[2]}.{d[1]}.{d[0]}.static.hostnet-dc.example"
    if k == 2:
        return f"ip-{'-'.join(d)}.{pick(r, 'eu-west', 'us-east', 'ap-south')}.compute.cloudhost.example"
    if k == 3:
        return f"srv{r.randint(10, 999)}.vpsnode.example"
    return "unknown"


def res_rdns(r: random.Random, ip: str) -> str:
    d = ip.split(".")
    return pick(
        r,
        f"{'-'.join(d)}.dynamic.isp-broadband.example",
        f"host-{d[3]}-{d[2]}.{pick(r, 'vnpt', 'telkom', 'claro', 'bsnl', 'turk')}-res.example",
        f"dsl-{digits(r, 6)}.cust.netline.example",
        "unknown",
    )


def r_throwaway(r: random.Random, dom: str, local: str) -> Route:
    ip = doc_ip(r)
    rd = pick(r, f"mail.{dom}", dom, f"mx{r.randint(1, 9)}.{dom}", vps_rdns(r, ip))
    k = r.random()
    if k < 0.55:
        return Route(
            f"{local}@{dom}",
            f"bounce-{rs(r, 8, LOWER)}@{dom}" if r.random() < 0.5 else f"{local}@{dom}",
            rd if rd != "unknown" else f"mail.{dom}",
            ip,
            rd,
            "pass",
            [(dom, pick(r, "default", "mail", "dkim", "s1", "x"), "pass")],
            "pass",
            pick(r, "none", "none", "quarantine"),
        )
    if k < 0.8:
        return Route(f"{local}@{dom}", f"{local}@{dom}", f"mail.{dom}", ip, rd, "pass", [], "none", "none")
    return Route(
        f"{local}@{dom}",
        f"{rs(r, 6, LOWER)}@{syll_domain(r)}",
        pick(r, f"mail.{dom}", "localhost", f"{rs(r, 8, LOWER)}"),
        ip,
        rd,
        pick(r, "softfail", "neutral", "none"),
        [(dom, "default", pick(r, "pass", "fail"))],
        pick(r, "none", "fail"),
        "none",
    )


def r_hacked(r: random.Random, local: str = "") -> Route:
    dom, _ = r.choice(HACKED)
    local = local or pick(r, "info", "wordpress", "admin", "contact", "noreply", rs(r, 7, LETTERS), "office")
    ip = doc_ip(r)
    host = pick(
        r,
        f"server{r.randint(1, 400)}.sharedhost-{pick(r, 'uk', 'us', 'eu')}.example",
        f"cp{r.randint(10, 99)}.webhostbox.example",
        f"s{r.randint(100, 999)}.cpanelhost.example",
    )
    env = pick(r, f"{local}@{dom}", f"{rs(r, 8, LOWER)}@{host}", f"{local}@{dom}")
    rt = Route(
        f"{local}@{dom}",
        env,
        host,
        ip,
        host,
        "pass" if env.endswith(dom) else pick(r, "pass", "none"),
        [(dom, "default", "pass")] if r.random() < 0.75 else [],
        "",
        pick(r, "none", "none", "quarantine"),
    )
    rt.dmarc = "pass" if (rt.dkim or (rt.spf == "pass" and env.endswith(dom))) else pick(r, "fail", "none")
    if r.random() < 0.5:
        rt.hops.append(
            f"from localhost (localhost [127.0.0.1])\n\tby {host} (Postfix) with ESMTP id {rs(r, 10, UHEX)}"
        )
        rt.extra.append(
            (
                "X-PHP-Originating-Script",
                f"{r.randint(500, 2000)}:{pick(r, 'class-phpmailer.php', 'wp-mail.php', 'index.php', 'ssx.php', 'mailer.php')}",
            )
        )
    else:
        rt.hops.append(
            f"from [{doc_ip(r)}] (port={r.randint(40000, 65000)} helo=[{pick(r, '127.0.0.1', '192.168.1.' + str(r.randint(2, 99)), 'localhost')}])\n\tby {host} with esmtpsa (TLS1.2) tls TLS_AES_256_GCM_SHA384\n\t(Exim 4.96.2)\n\t(envelope-from <{env}>)\n\tid 1r{rs(r, 5)}-{rs(r, 6)}-{rs(r, 2)}"
        )
    if r.random() < 0.4:
        rt.extra.append(
            (
                "X-Mailer",
                pick(
                    r,
                    "PHPMailer 6.8.1 (https://github.com/PHPMailer/PHPMailer)",
                    "PHPMailer 5.2.27",
                    "Microsoft Outlook 16.0",
                    "Sendy (https://sendy.co)",
                ),
            )
        )
    return rt


def r_spoof(r: random.Random, from_email: str) -> Route:
    ip = doc_ip(r)
    env = pick(
        r, from_email, f"{rs(r, 6, LOWER)}@{syll_domain(r)}", f"{rs(r, 5, LOWER)}@{r.choice(HACKED)[0]}"
    )
    pol = pick(r, "reject", "quarantine", "none", "none")
    rt = Route(
        from_email,
        env,
        pick(r, rs(r, 8, LETTERS).upper(), f"[{ip}]", res_rdns(r, ip), "localhost.localdomain"),
        ip,
        res_rdns(r, ip),
        pick(r, "softfail", "fail", "none", "neutral")
        if env == from_email
        else pick(r, "pass", "none", "neutral"),
        [],
        "fail" if env == from_email or r.random() < 0.6 else "none",
        pol,
        tls=r.random() < 0.4,
    )
    if rt.dmarc == "none":
        rt.policy = "none"
    return rt


def r_bot(r: random.Random, from_email: str) -> Route:
    ip = doc_ip(r)
    rd = res_rdns(r, ip)
    return Route(
        from_email,
        from_email,
        pick(r, rd, f"[{ip}]", rs(r, 10, LETTERS).upper()),
        ip,
        rd,
        "none",
        [],
        "none",
        "none",
        tls=r.random() < 0.3,
    )


FREE = {
    "gmail.com": ("209.85.{a}.{b}", "mail-{x}-f{b}.google.com", "20230601", "none"),
    "outlook.com": ("40.92.{a}.{b}", "{X}-obe.outbound.protection.outlook.com", "selector1", "none"),
    "hotmail.com": ("40.92.{a}.{b}", "{X}-obe.outbound.protection.outlook.com", "selector1", "none"),
    "yahoo.com": ("74.6.{a}.{b}", "sonic{b}-{a}.consmr.mail.ne1.yahoo.com", "s2048", "reject"),
    "aol.com": ("74.6.{a}.{b}", "sonic{b}-{a}.consmr.mail.bf2.yahoo.com", "a2048", "reject"),
    "163.com": ("220.197.{a}.{b}", "m{b}-{a}.mail.163.com", "s110527", "none"),
    "126.com": ("220.197.{a}.{b}", "m{b}-{a}.mail.126.com", "s110527", "none"),
    "qq.com": ("43.163.{a}.{b}", "out{b}-{a}.mail.qq.com", "s201512", "quarantine"),
    "mail.ru": ("94.100.{a}.{b}", "smtp{b}.i.mail.ru", "mail4", "reject"),
    "gmx.com": ("212.227.{a}.{b}", "mout.gmx.com", "s1089575", "none"),
    "proton.me": ("185.70.{a}.{b}", "mail-{b}{a}.protonmail.ch", "protonmail3", "quarantine"),
}


def r_free(r: random.Random, local: str, prov: str = "") -> Route:
    prov = prov or r.choice(
        [
            "gmail.com",
            "gmail.com",
            "gmail.com",
            "outlook.com",
            "hotmail.com",
            "yahoo.com",
            "aol.com",
            "gmx.com",
        ]
    )
    ipf, helof, sel, pol = FREE[prov]
    a, b = r.randint(10, 250), r.randint(10, 250)
    helo = helof.format(
        a=a, b=b, x=pick(r, "ej1", "wm1", "pl1", "qk1", "yw1"), X=pick(r, "EUR05", "NAM12", "APC01", "EUR03")
    )
    rt = Route(
        f"{local}@{prov}",
        f"{local}@{prov}",
        helo,
        ipf.format(a=a, b=b),
        helo,
        "pass",
        [(prov, sel, "pass")],
        "pass",
        pol,
    )
    if prov == "gmail.com":
        rt.hops.append(
            f"by 2002:a05:{rs(r, 4, HEX)}:{rs(r, 4, HEX)}:b0:{rs(r, 3, HEX)}:{rs(r, 4, HEX)} with SMTP id {rs(r, 12, LOWER)}csp{digits(r, 7)}"
        )
    return rt


def r_esp(
    r: random.Random, dom: str, local: str, rcpt: str, esp: str = "", own_dkim: bool | None = None
) -> Route:
    esp = esp or r.choice(["sendgrid", "mailgun", "ses", "brevo", "mailchimp", "sparkpost", "mailjet"])
    if own_dkim is None:
        own_dkim = r.random() < 0.65
    v = rcpt.replace("@", "=")
    if esp == "sendgrid":
        env = (
            f"bounces+{r.randint(1000000, 49999999)}-{rs(r, 4, HEX)}-{v}@em{r.randint(1000, 9999)}.{dom}"
            if own_dkim
            else f"bounces+{r.randint(1000000, 49999999)}-{rs(r, 4, HEX)}-{v}@sendgrid.net"
        )
        ip = f"149.72.{r.randint(1, 250)}.{r.randint(1, 250)}"
        helo = (
            f"o{r.randint(1, 30)}.ptr{r.randint(1000, 9999)}.{dom}"
            if own_dkim
            else f"{rs(r, 8, LETTERS)}.outbound-mail.sendgrid.net"
        )
        esd, ess = "sendgrid.info", "smtpapi"
        extra = [("X-SG-EID", f"u001.{rs(r, 80)}"), ("X-Entity-ID", f"u001.{rs(r, 22)}==")]
    elif esp == "mailgun":
        env = f"bounce+{rs(r, 6, HEX)}.{rs(r, 6, HEX)}-{v}@{'mg.' + dom if own_dkim else 'mailgun.org'}"
        ip = f"159.135.{r.randint(224, 239)}.{r.randint(1, 250)}"
        helo = f"m{r.randint(200, 250)}-{r.randint(1, 99)}.mailgun.net"
        esd, ess = "mailgun.org", "mailo"
        extra = [("X-Mailgun-Sid", rs(r, 60)), ("X-Mailgun-Sending-Ip", ip)]
    elif esp == "ses":
        env = f"0102019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}-000000@{'bounce.' + dom if own_dkim else 'eu-west-1.amazonses.com'}"
        a, b = r.randint(1, 250), r.randint(1, 250)
        ip, helo = f"54.240.{a}.{b}", f"a{a}-{b}.smtp-out.eu-west-1.amazonses.com"
        esd, ess = "amazonses.com", "ihchhvubuqgjsxyuhssfvqohv7z3u4hn"
        extra = [
            ("Feedback-ID", f"::1.eu-west-1.{rs(r, 43)}=:AmazonSES"),
            ("X-SES-Outgoing", f"2025.{r.randint(1, 12):02d}.{r.randint(1, 28):02d}-{ip}"),
        ]
    elif esp == "brevo":
        env = f"{rs(r, 20, LOWER)}@{'b' + str(r.randint(1, 9)) + '.' + dom if own_dkim else 'sendinblue.com'}"
        ip = f"77.32.{r.randint(128, 255)}.{r.randint(1, 250)}"
        helo = f"mail{r.randint(1, 200)}.{pick(r, 'sendinblue.com', 'brevo.com')}"
        esd, ess = "sendinblue.com", "mail"
        extra = [
            ("X-Mailer", "Sendinblue"),
            ("X-sib-id", rs(r, 60)),
            ("Feedback-ID", f"{doc_ip(r)}:{r.randint(1000, 9999)}_-1:{r.randint(1000, 9999)}:Sendinblue"),
        ]
    elif esp == "mailchimp":
        host = pick(r, "mcsv.net", "mcdlv.net", "rsgsv.net")
        helo = f"mail{r.randint(10, 240)}.atl{r.randint(11, 241)}.{host}"
        env = f"bounce-mc.us{r.randint(1, 21)}_{r.randint(10000000, 99999999)}.{rs(r, 7, HEX)}-{rs(r, 10, HEX)}@{helo}"
        ip = f"198.2.{r.randint(128, 191)}.{r.randint(1, 250)}"
        esd, ess = host, "k1"
        u = rs(r, 25, HEX)
        extra = [
            ("X-Mailer", f"MailChimp Mailer - **CID{rs(r, 20, HEX)}**"),
            (
                "X-Report-Abuse",
                f"Please report abuse for this campaign here: https://mailchimp.com/contact/abuse/?u={u}&id={rs(r, 10, HEX)}",
            ),
            ("X-MC-User", u),
        ]
    elif esp == "sparkpost":
        env = f"msprvs1={rs(r, 17)}=bounces-{r.randint(100000, 999999)}@{'spmail.' + dom if own_dkim else 'sparkpostmail.com'}"
        ip = f"192.174.{r.randint(80, 95)}.{r.randint(1, 250)}"
        helo = f"mta-{r.randint(1, 250)}.sparkpostmail.com"
        esd, ess = "sparkpostmail.com", "scph0920"
        extra = [("X-MSFBL", rs(r, 80))]
    else:
        env = f"bnc3.mailjet={rs(r, 8, HEX)}=mjt=ZTpgN-{rs(r, 10)}@bnc3.mailjet.com"
        ip = f"87.253.{r.randint(232, 239)}.{r.randint(1, 250)}"
        helo = f"o{r.randint(100, 250)}.p{r.randint(1, 30)}.mailjet.com"
        esd, ess = "mailjet.com", "mailjet"
        extra = [("X-MJ-Mid", rs(r, 40)), ("X-CSA-Complaints", "csa-complaints@eco.de")]
    sigs = [(dom, pick(r, "s1", "k1", "mte1", "mail", "krs", "mandrill"), "pass")] if own_dkim else []
    sigs.append((esd, ess, "pass"))
    rt = Route(
        f"{local}@{dom}",
        env,
        helo,
        ip,
        helo,
        "pass",
        sigs,
        "pass" if own_dkim else pick(r, "none", "fail"),
        pick(r, "none", "quarantine") if own_dkim else "none",
    )
    rt.extra = extra
    return rt


def route_any(
    r: random.Random, dom: str, local: str, rcpt: str, weights: Sequence[float] = (4, 2, 2, 1, 1)
) -> Route:
    """Throwaway / hacked / ESP / spoof-without-auth / free-mail mix."""
    k = r.choices(["throw", "hacked", "esp", "bot", "free"], weights=weights)[0]
    if k == "throw":
        return r_throwaway(r, dom, local)
    if k == "hacked":
        return r_hacked(r)
    if k == "esp":
        return r_esp(r, dom, local, rcpt)
    if k == "bot":
        return r_bot(r, f"{local}@{dom}")
    return r_free(r, f"{local}{pick(r, '', '.', '_')}{rs(r, 4, LOWER)}")


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


def fold_b64(s: str, first: int = 60, width: int = 70) -> str:
    parts = [s[:first]] + [s[i : i + width] for i in range(first, len(s), width)]
    return "\n\t ".join(parts)


def pick_rcpt(r: random.Random) -> tuple[str, str]:
    loc, name, _ = r.choices(RCPTS, weights=[w for _, _, w in RCPTS])[0]
    return f"{loc}@{DOM}", name


def deliver(
    r: random.Random,
    rt: Route,
    dt: datetime,
    frm_name: str,
    subject: str,
    ent: Ent,
    rcpt: tuple[str, str] | None = None,
    *,
    to_mode: str = "",
    extra: Sequence[Header] = (),
    reply_to: str = "",
    unsub: str | None = None,
    name_cs: str = "utf-8",
    subj_cs: str = "utf-8",
    msgid: str = "",
) -> bytes:
    rcpt_addr, rcpt_name = rcpt or pick_rcpt(r)
    to_mode = (
        to_mode or r.choices(["to", "toname", "bcc", "undisclosed", "multi"], weights=[5, 2, 2, 1, 1])[0]
    )
    if to_mode == "toname" and rcpt_name:
        to = addr(rcpt_name, rcpt_addr)
    elif to_mode == "bcc":
        to = rt.email
    elif to_mode == "undisclosed":
        to = "undisclosed-recipients:;"
    elif to_mode == "multi":
        others = [
            f"{pick(r, 'info', 'sales', 'office', 'contact', 'admin')}@{syll_domain(r, ['ie', 'co.uk', 'com', 'com.au'])}"
            for _ in range(r.randint(2, 5))
        ]
        to = ",\n ".join([rcpt_addr, *others] if r.random() < 0.5 else [*others, rcpt_addr])
    else:
        to = rcpt_addr
    ehs, payload = ent
    hlist = [("From", addr(frm_name, rt.email, name_cs, r.choice("BQ")))]
    hlist.append(("To", to))
    if reply_to:
        hlist.append(("Reply-To", reply_to))
    hlist.append(("Subject", ew(subject, subj_cs, r.choice("BBQ"))))
    hlist.append(("Date", hdate(dt)))
    fd = rt.from_dom
    if not msgid and fd in FREE:
        if fd == "gmail.com":
            msgid = f"<CA{rs(r, 3)}{rs(r, 40, ALNUM + '-_+')}@mail.gmail.com>"
        elif fd in ("outlook.com", "hotmail.com"):
            h = f"{pick(r, 'DB9', 'AS8', 'PA4', 'SY4', 'TYZ')}P{r.randint(190, 195)}MB{r.randint(1000, 2999)}"
            msgid = f"<{h}{rs(r, 20, UHEX)}@{h}.{pick(r, 'eurprd', 'apcprd', 'namprd')}0{r.randint(1, 9)}.prod.outlook.com>"
        elif fd in ("yahoo.com", "aol.com"):
            msgid = f"<{r.randint(100000000, 2099999999)}.{r.randint(1000000, 9999999)}.{digits(r, 13)}@mail.yahoo.com>"
        else:
            msgid = f"<{r.randint(10**9, 2 * 10**9)}.{rs(r, 10, LOWER)}@{fd}>"
    hlist.append(
        (
            "Message-ID",
            msgid
            or f"<{rs(r, r.randint(16, 32), r.choice([LOWER, HEX, ALNUM]))}{pick(r, '', '.' + digits(r, 10))}@{rt.helo if '.' in rt.helo and not rt.helo.startswith('[') else rt.from_dom}>",
        )
    )
    if unsub:
        hlist.append(
            (
                "List-Unsubscribe",
                f"<{unsub}>"
                if r.random() < 0.5
                else f"<mailto:unsub-{rs(r, 10, LOWER)}@{rt.from_dom}>, <{unsub}>",
            )
        )
        if r.random() < 0.6:
            hlist.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    hlist += list(extra) + rt.extra
    hlist.append(("MIME-Version", "1.0"))
    signed = "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type"
    sigs: list[Header] = []
    results: list[str] = []
    for d, s, res in rt.dkim:
        bh = base64.b64encode(hashlib.sha256(payload.replace(b"\n", b"\r\n")).digest()).decode()
        b = base64.b64encode(r.randbytes(128 if r.random() < 0.3 else 256)).decode()
        t = int(dt.timestamp()) - r.randint(1, 30)
        sigs.append(
            (
                "DKIM-Signature",
                f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\n\ts={s}; t={t};\n\th={signed};\n\tbh={bh};\n\tb={fold_b64(b)}",
            )
        )
        why = (
            " (body hash did not verify)"
            if res == "fail"
            else f" ({'1024' if len(b) < 200 else '2048'}-bit key; unprotected)"
        )
        results.append(f"dkim={res}{why} header.d={d} header.i=@{d} header.s={s} header.b={b[:8]}")
    arrived = dublin(dt + timedelta(seconds=r.randint(2, 400)))
    if not rt.dkim and not rt.spf and not rt.dmarc:
        auth = None
    else:
        if not results:
            results.append("dkim=none (message not signed)")
        if rt.dmarc == "none":
            dm = (
                f"dmarc=none header.from={rt.from_dom}"
                if rt.policy == "none"
                else f"dmarc=none (p={rt.policy} dis=none) header.from={rt.from_dom}"
            )
        elif rt.dmarc == "fail":
            dis = {"reject": "quarantine", "quarantine": "quarantine", "none": "none"}[rt.policy]
            dm = f"dmarc=fail (p={rt.policy} dis={dis}) header.from={rt.from_dom}"
        else:
            dm = f"dmarc=pass (p={rt.policy} dis=none) header.from={rt.from_dom}"
        auth = ";\n\t".join([MX, spf_text(rt.spf, rt.envelope, rt.ip), *results, dm])
    tls = (
        "\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n\t(No client certificate requested)"
        if rt.tls
        else ""
    )
    received = f"from {rt.helo} ({rt.rdns} [{rt.ip}]){tls}\n\tby {MX} (Postfix) with {'ESMTPS' if rt.tls else 'ESMTP'} id {qid(r)}\n\tfor <{rcpt_addr}>; {hdate(arrived)}"
    top: list[Header] = [("Return-Path", f"<{rt.envelope}>"), ("Delivered-To", rcpt_addr)]
    if r.random() < 0.35:
        top.append(("X-Spam-Status", f"{pick(r, 'Yes', 'No')}, score={r.uniform(-0.5, 14):.1f} required=6.0"))
    if auth:
        top.append(("Authentication-Results", auth))
    top.append(("Received", received))
    for h in rt.hops:
        top.append(("Received", f"{h};\n\t{hdate(dt + timedelta(seconds=1))}"))
    top += sigs
    data = hbytes(top) + hbytes(hlist) + hbytes(ehs) + b"\n" + payload
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def simple(
    r: random.Random,
    rt: Route,
    frm_name: str,
    subject: str,
    paras: Sequence[str],
    link: str,
    cta: str,
    *,
    lang: str = "en",
    cs: str = "utf-8",
    dt: datetime | None = None,
    mode: str = "",
    img_only: bool | None = None,
    unsub: bool | None = None,
    reply_to: str = "",
    title: str = "",
    sign: str = "",
    extra: Sequence[Header] = (),
    to_mode: str = "",
) -> bytes:
    """Common marketing-spam shape: paragraphs, one call to action, optional footer/unsubscribe."""
    dt = dt or rdate(r)
    dom = rt.from_dom if rt.from_dom not in FREE else syll_domain(r)
    if unsub is None:
        unsub = r.random() < 0.5
    foot = unsub_footer(r, rt.from_dom, lang) if (unsub or r.random() < 0.4) else ""
    text = (
        "\n\n".join([*paras, f"{cta}: {link}", *([sign] if sign else []), *([foot] if foot else [])]) + "\n"
    )
    if img_only is None:
        img_only = r.random() < 0.12
    htm = to_html(
        r, [*paras, *([sign] if sign else [])], link, cta, dom, title=title, img_only=img_only, footer=foot
    )
    if img_only:
        mode = mode or r.choice(["html", "alt"])
    ent = body(r, text, htm, cs, mode)
    u = f"https://{rt.from_dom}/u/{rs(r, 20)}" if unsub else None
    return deliver(
        r,
        rt,
        dt,
        frm_name,
        subject,
        ent,
        extra=extra,
        reply_to=reply_to,
        unsub=u,
        name_cs=cs,
        subj_cs=cs,
        to_mode=to_mode,
    )


# --------------------------------------------------------------------------------------------
# families


def f_health(r: random.Random, i: int) -> bytes:
    t = i % 7
    dom = (
        syll_domain(r)
        if r.random() < 0.6
        else word_domain(
            r, ["vital", "pure", "nature", "health", "wellness", "daily", "smart", "life", "glow", "herbal"]
        )
    )
    rcpt = pick_rcpt(r)
    local = pick(r, "news", "offers", "info", "dr.report", "health", rs(r, 6, LETTERS))
    rt = route_any(r, dom, local, rcpt[0], (4, 2, 3, 1, 0))
    doc = f"Dr. {pick(r, 'Richard', 'Susan', 'Alan', 'Margaret', 'Steven')} {r.choice(LAST)}"
    link = anylink(r, dom, pick(r, "watch", "video", "story", "vsl", "lp"))
    if t == 0:
        prod = pick(r, "Keto", "Slim", "Lean")
        subj = pick(
            r,
            f"Lose {r.randint(18, 40)} lbs before {pick(r, 'summer', 'Christmas', 'the holidays')}? This gummy says YES",
            f"Shark Tank's {prod} gummies SOLD OUT (restock today only)",
            f"{r.choice(FIRST)}, the 'Pink Salt Trick' for weight loss",
        )
        paras = [
            f"Doctors are stunned. A simple {pick(r, '7-second', 'morning', 'bedtime')} ritual is helping people over {r.choice([40, 50, 60])} melt stubborn belly fat without diets or exercise.",
            f"{doc} explains why the {prod}Burn formula works even if nothing else has.",
            f"Supplies are limited - {r.randint(3, 19)} bottles left at the {r.randint(50, 75)}% discount.",
        ]
        cta = pick(r, "Watch the free video", "Claim my discounted bottle", "See the trick")
        name = pick(r, f"{prod}Burn Official", "Health Discovery", doc, "Weight Loss News")
    elif t == 1:
        subj = pick(
            r,
            "Ringing in your ears? Do this tonight",
            "Tinnitus 'cure' hidden for 40 years",
            f"{doc}: stop ear ringing in {r.randint(7, 21)} days",
        )
        paras = [
            f"If you hear buzzing, hissing or ringing, {doc} has released a short presentation revealing the real cause - and it isn't your ears.",
            "Over 90,000 people have used this simple natural fix from home.",
            "The video will be taken down soon by big pharma.",
        ]
        cta = "Watch before it's removed"
        name = pick(r, "Tinnitus Relief", "Quiet Mind Health", doc)
    elif t == 2:
        brand = pick(r, "AuraSound", "ClearHear Pro", "EarWise", "Audiona")
        subj = pick(
            r,
            f"Invisible hearing aids now {r.randint(70, 90)}% off",
            f"{brand}: hear clearly again for under £{r.randint(99, 199)}",
            "New rechargeable hearing aids - free trial for seniors",
            "Hearing aids at a fraction of the clinic price",
        )
        paras = [
            f"{brand} micro hearing aids sit invisibly in the ear canal and cost a fraction of what clinics charge.",
            f"No prescription, no audiologist, no waiting list. {pick(r, '45-day', '60-day', '100-day')} money-back guarantee.",
            f"Special pricing for readers over {r.choice([55, 60, 65])} ends {pick(r, 'tonight', 'Sunday', 'in 48 hours')}.",
        ]
        cta = "Get my hearing aids"
        name = pick(r, brand, f"{brand} Hearing", "Hearing Deals")
    elif t == 3:
        subj = pick(
            r,
            "Men over 50: do this before bed (prostate)",
            "The #1 prostate mistake men make",
            "Urologist: 'Stop peeing at night with this'",
            "Blood sugar dropped to normal in 3 weeks",
        )
        paras = [
            f"{doc}, a former {pick(r, 'urologist', 'endocrinologist', 'Harvard researcher')}, reveals the {pick(r, 'Japanese', 'Amazonian', 'Himalayan', 'Mediterranean')} {pick(r, 'tonic', 'ritual', 'root')} that targets the real cause.",
            pick(
                r,
                "Sleep through the night again.",
                "Normal blood sugar without injections.",
                "Big pharma does not want you to see this.",
            ),
            "Watch the free presentation while it's still online.",
        ]
        cta = "Watch the presentation"
        name = pick(r, "Prostate Health News", "Sugar Balance", "Men's Health Report", doc)
    elif t == 4:
        subj = pick(
            r,
            "CBD gummies - 3 bottles for the price of 1",
            "Joint pain gone? 'Doctor-recommended' CBD",
            "Pain relief that pharmacies don't sell",
        )
        paras = [
            f"Our {pick(r, 'full-spectrum', 'premium', 'organic')} CBD gummies help with joint pain, anxiety and sleep - recommended by {doc}.",
            f"Order today and get {r.randint(2, 4)} free bottles plus free shipping to Ireland and the UK.",
            "Results may vary. These statements have not been evaluated by any authority.",
        ]
        cta = "Order my free bottles"
        name = pick(r, "CBD Wellness", "Nature Leaf CBD", "Green Relief")
    elif t == 5:
        subj = pick(
            r,
            "Memory loss linked to this breakfast food",
            "Neurologist: 'This stops brain fog'",
            "Forgetting names? Try this 10-second trick",
        )
        paras = [
            f"A {pick(r, 'Stanford', 'Oxford', 'Johns Hopkins')} study has linked memory decline to a common food in your kitchen.",
            f"{doc} reveals the simple morning {pick(r, 'brain drink', 'nootropic', 'mushroom blend')} that sharpens focus in days.",
            "Watch the free video now.",
        ]
        cta = "Watch now"
        name = pick(r, "Brain Health Daily", doc)
    else:
        zwsubj = zw(r, "Your order of Viagra and Cialis is ready")
        subj = pick(
            r, zwsubj, "Men's pharmacy - no prescription, discreet delivery", "Generic ED pills from $0.79"
        )
        paras = [
            "Generic Viagra, Cialis, Levitra - no prescription needed, discreet packaging, worldwide shipping.",
            f"Bonus: {r.randint(4, 10)} free pills with every order. {salad(r, 12)}",
        ]
        cta = "Visit online pharmacy"
        name = pick(r, "Canadian Pharmacy", "RX Men", "Online Drugstore", r.choice(FIRST))
    return simple(r, rt, name, subj, paras, link, cta)


def f_insurance(r: random.Random, i: int) -> bytes:
    t = i % 5
    rcpt = pick_rcpt(r)
    if t == 0:
        brand = pick(
            r, "Evermore Funeral Plans", "Serenity Over-50s", "Golden Years Cover", "Trusted Farewell"
        )
        dom = word_domain(
            r,
            ["farewell", "serenity", "golden", "plans", "cover", "family", "legacy", "peace"],
            ["co.uk", "com", "uk"],
        )
        subj = pick(
            r,
            "Fixed-price funeral plan - from £3.99 a week",
            "Don't leave your family with a £4,800 bill",
            "Guaranteed acceptance for over 50s - no medical questions",
            f"{rcpt[1].split(' ')[0] if rcpt[1] else 'Hello'}, protect your loved ones today",
        )
        paras = [
            "The average funeral in the UK and Ireland now costs over £4,800 - and it's rising every year.",
            f"With {brand} you lock in today's price. Guaranteed acceptance for ages 50-80, no medical questions.",
            f"Get a free pen worth £{r.choice([10, 15])} when you request your quote.",
        ]
        cta = "Get my free quote"
    elif t == 1:
        brand = pick(
            r, "SeniorShield Advantage", "MediPath Plus", "BrightCare Medicare Options", "AmeriHealthPath"
        )
        dom = word_domain(
            r, ["medicare", "senior", "benefits", "plan", "advantage", "health"], ["com", "net", "us"]
        )
        subj = pick(
            r,
            "You may qualify for $0 premium Medicare Advantage plans",
            "New 2025 benefits: dental, vision + grocery allowance",
            "Your Medicare giveback benefit - claim up to $174/month",
            "Open enrollment ends soon - compare plans",
        )
        paras = [
            f"Seniors in your area may be eligible for new {pick(r, '2024', '2025', '2026')} Medicare Advantage benefits including dental, vision, hearing and a flex card for groceries.",
            f"A licensed agent from {brand} can review your options in minutes. Call {pick(r, '(888)', '(877)', '(866)')} 555-01{r.randint(10, 99)} TTY 711.",
            "Not affiliated with or endorsed by the government or the federal Medicare program.",
        ]
        cta = "Check my eligibility"
    elif t == 2:
        brand = pick(r, "VitaCover Health", "ClearPath Health Insurance", "Emerald Health Plans")
        dom = word_domain(
            r, ["health", "cover", "quote", "compare", "plans", "insure"], ["ie", "com", "co.uk", "info"]
        )
        subj = pick(
            r,
            "Are you overpaying for health insurance?",
            "Private health cover from €1.19/day",
            f"Switch and save up to {r.randint(20, 45)}% on your health plan",
            "Skip the waiting lists - private cover for the family",
        )
        paras = [
            "Families are saving hundreds by switching health insurance providers this year.",
            f"{brand} compares plans from leading insurers in 60 seconds. No obligation.",
            "Skip the waiting lists with private hospital cover.",
        ]
        cta = "Compare quotes"
    elif t == 3:
        brand = pick(r, "LifeSure Direct", "Guardian Family Life", "AssureOne")
        dom = word_domain(r, ["life", "term", "quote", "secure", "family", "assure"])
        subj = pick(
            r,
            f"$500,000 life insurance from ${r.randint(9, 19)}/month",
            "Life insurance rates just dropped",
            "No-exam term life - approved in minutes",
        )
        paras = [
            f"Get ${r.choice([250, 500, 750])},000 in term life coverage for as little as ${r.randint(9, 19)} per month. No medical exam required.",
            f"{brand} compares top-rated carriers for you.",
            "Rates are based on age - lock in yours today.",
        ]
        cta = "See my rate"
    else:
        brand = pick(r, "Pawfect Cover", "TailSafe Pet Insurance", "FurGuard")
        dom = word_domain(r, ["paw", "pet", "tail", "cover", "insure", "furry"], ["ie", "co.uk", "com"])
        subj = pick(
            r,
            "Vet bills can cost thousands - are you covered?",
            "Pet insurance from €9.99 - first month FREE",
            "Your pet quote is waiting",
        )
        paras = [
            "The average vet bill for an emergency is over €1,500.",
            f"{brand} covers accidents, illness and dental from day one.",
            "Get your first month free when you sign up this week.",
        ]
        cta = "Get my pet quote"
    rt = route_any(r, dom, pick(r, "quotes", "info", "news", "hello"), rcpt[0], (3, 2, 4, 1, 0))
    return simple(
        r, rt, brand, subj, paras, anylink(r, dom, "quote"), cta, sign=pick(r, "", f"The {brand} team")
    )


def f_home(r: random.Random, i: int) -> bytes:
    t = i % 7
    rcpt = pick_rcpt(r)
    if t == 0:
        brand = pick(r, "Vehicle Protection Center", "AutoShield Direct", "DriveSafe Warranty Services")
        dom = word_domain(r, ["auto", "drive", "vehicle", "shield", "motor", "car", "protect"])
        subj = pick(
            r,
            "FINAL NOTICE: your vehicle warranty is about to expire",
            "Your car's factory warranty has expired - act now",
            "Re: extended vehicle service contract",
            "Avoid costly repairs - vehicle coverage notice",
        )
        paras = [
            f"Our records indicate that the factory warranty on your vehicle may have expired or is about to expire. Reference: VSC-{digits(r, 7)}.",
            "Don't be stuck paying for expensive repairs out of pocket. Reactivate your coverage today with no down payment.",
            f"Call {pick(r, '(888)', '(855)')} 555-01{r.randint(10, 99)} or click below before {pick(r, 'Friday', 'the 30th', 'end of day')}.",
        ]
        cta = "Reactivate coverage"
    elif t == 1:
        brand = pick(r, "HomeGuard Select", "First Shield Home Warranty", "Choice Home Protect")
        dom = word_domain(r, ["home", "guard", "shield", "warranty", "house", "protect"])
        subj = pick(
            r,
            "Your home warranty offer: first month FREE",
            "Protect your HVAC, plumbing and appliances",
            "Appliance broke? You could be covered",
        )
        paras = [
            "When your boiler, washing machine or fridge breaks, repairs add up fast.",
            f"{brand} covers repairs and replacements on major systems and appliances.",
            "Get your first month free plus $50 off with this email.",
        ]
        cta = "Get my free month"
    elif t == 2:
        brand = pick(r, "SunSave Solar", "Green Roof Energy", "Emerald Solar Grants", "SolarFirst Homes")
        dom = word_domain(
            r,
            ["solar", "sun", "energy", "panel", "grant", "green", "power"],
            ["ie", "co.uk", "com", "com.au", "info"],
        )
        subj = pick(
            r,
            "Government solar grant - are you eligible?",
            "Free solar panels for homeowners in your area",
            f"Cut your electricity bill by up to {r.randint(60, 90)}%",
            "Solar + battery: zero upfront cost",
            "SEAI grant of €1,800 still available",
        )
        paras = [
            "Energy prices are rising again. Homeowners are installing solar panels with zero upfront cost and cutting their bills dramatically.",
            f"{brand} will check your eligibility for grants worth up to {pick(r, '€1,800', '£7,500', '$3,000')} in under 60 seconds.",
            "Limited installation slots this month.",
        ]
        cta = "Check my eligibility"
    elif t == 3:
        brand = pick(r, "HeatWise Pumps", "WarmEarth Heating", "Eco Air Source Ltd", "PowerVault Home")
        dom = word_domain(
            r, ["heat", "pump", "warm", "eco", "battery", "grant", "home"], ["co.uk", "ie", "com"]
        )
        subj = pick(
            r,
            "£7,500 boiler upgrade grant - heat pump for £0?",
            "Replace your gas boiler with a FREE heat pump",
            "Home battery: store cheap night energy",
            "Tesla Powerwall alternative at half the price",
        )
        paras = [
            pick(
                r,
                "Homeowners can now replace an old oil or gas boiler with an air-source heat pump, funded by a government grant.",
                "Store cheap off-peak electricity in a home battery and use it at peak times.",
            ),
            f"{brand} handles the survey, paperwork and installation.",
            "Answer 4 quick questions to see if you qualify.",
        ]
        cta = "See if I qualify"
    elif t == 4:
        brand = pick(
            r,
            "ClearView Windows",
            "Everglaze",
            "TopCoat Roofing",
            "Apex Roof & Gutter",
            "LeafFree Gutter Guards",
        )
        dom = word_domain(r, ["window", "glaze", "roof", "gutter", "home", "view", "pro"])
        subj = pick(
            r,
            "New windows: 40% off + interest-free",
            "Is your roof costing you money?",
            "Free roof inspection in your area this week",
            "Never clean your gutters again",
        )
        paras = [
            pick(
                r,
                "Drafty windows can add hundreds to your heating bills.",
                "Storm damage and ageing roofs cause leaks you may not see until it's too late.",
                "Clogged gutters cause thousands in water damage.",
            ),
            f"{brand} is offering {pick(r, '40% off', 'a free inspection', 'no payments for 12 months')} to homeowners in your area.",
            "Offer ends this month.",
        ]
        cta = "Book my free quote"
    elif t == 5:
        brand = pick(r, "SafeStep Walk-In Baths", "Serene Bath Co.", "Independence Bathing")
        dom = word_domain(
            r, ["bath", "walkin", "safe", "step", "mobility", "senior"], ["com", "co.uk", "net"]
        )
        subj = pick(
            r,
            "Walk-in tubs for seniors - price drop",
            "Bathe safely again: walk-in tub offer",
            "Stairlifts & walk-in baths - free brochure",
        )
        paras = [
            "Getting in and out of the bath shouldn't be dangerous.",
            f"{brand} walk-in baths have a low step, built-in seat and hydrotherapy jets.",
            f"Save up to ${r.randint(1, 3)},500 this month - free in-home consultation.",
        ]
        cta = "Request free brochure"
    else:
        brand = pick(r, "BrightHome Upgrades", "Renovate Rewards")
        dom = syll_domain(r)
        subj = pick(
            r,
            "You've been pre-approved for a home improvement rebate",
            "Energy upgrade rebate reserved in your name",
            "Congratulations homeowner - free smart thermostat",
        )
        paras = [
            f"As a homeowner near {pick(r, 'Galway', 'you', 'your postcode')}, you've been pre-approved for an energy rebate worth up to {pick(r, '€2,500', '$2,500', '£2,500')}.",
            "Claim before the programme closes - funds are limited.",
            salad(r, 15) if r.random() < 0.5 else "",
        ]
        paras = [p for p in paras if p]
        cta = "Claim my rebate"
    rt = route_any(
        r, dom, pick(r, "offers", "info", "noreply", "savings", rs(r, 7, LETTERS)), rcpt[0], (4, 2, 3, 2, 0)
    )
    return simple(
        r,
        rt,
        pick(r, brand, brand, f"{brand} Team", pick(r, "Homeowner Alerts", "Energy Savings Desk")),
        subj,
        paras,
        anylink(r, dom, "quote"),
        cta,
    )


CELEB_OUTLETS = [
    "Irish Daily Journal",
    "The Financial Bulletin",
    "Morning Post Review",
    "Business Insight Today",
    "National Tribune",
]


def f_investment(r: random.Random, i: int) -> bytes:
    t = i % 4
    rcpt = pick_rcpt(r)
    platform = pick(
        r,
        "Quantum AI",
        "Immediate Edge",
        "Bitcoin Prime Pro",
        "Nexus Trade AI",
        "Tesla X Energy",
        "Solaris Profit",
        "Neuron Finance",
    )
    dom = (
        syll_domain(r)
        if r.random() < 0.7
        else word_domain(
            r,
            ["news", "daily", "report", "insider", "times", "journal", "finance"],
            ["com", "online", "news", "live"],
        )
    )
    link = anylink(r, dom, pick(r, "article", "news", "interview", "register"))
    amount = pick(r, "€250", "£250", "$250", "A$350")
    if t == 0:
        subj = pick(
            r,
            "Elon Musk's new project pays Irish families €1,400 a day",
            "Musk: 'This AI platform will make ordinary people rich'",
            f"{platform}: Elon Musk confirms investment",
            "Why banks are furious about Musk's new energy platform",
        )
        paras = [
            f"In a recent interview, Elon Musk revealed that he is backing {platform}, an AI trading platform that anyone can use with as little as {amount}.",
            f"Early users report daily returns of {r.randint(800, 3000)} euro. The banks are trying to shut it down.",
            "Registration is open to a limited number of residents this week only.",
        ]
        cta = "Register now"
        name = pick(r, "Finance News", "Breaking Report", platform)
    elif t == 1:
        outlet = r.choice(CELEB_OUTLETS)
        subj = pick(
            r,
            "Live TV scandal: presenter's secret revealed on air",
            "The interview that was pulled from the evening news",
            f"{outlet}: the video everyone is talking about",
            "Shocking end to popular presenter's career",
        )
        paras = [
            f"{outlet} - A well-known television presenter accidentally revealed during a live broadcast how she earns more than her salary each month.",
            f"The host was cut off mid-sentence, but not before describing {platform}, an automated trading platform she says 'anyone can use'.",
            f"Our reporter tested it with {amount}. After {r.randint(5, 9)} days the account balance was {pick(r, '€9,640', '£7,212', '$11,035')}.",
        ]
        cta = "Read the full story"
        name = pick(r, outlet, "News Alert", "Editorial Team")
    elif t == 2:
        subj = pick(
            r,
            "Tesla energy stock for 250 euro - own a share of the future",
            "Government-backed AI investment now open to Irish residents",
            "Invest in lithium & AI from €250 - guaranteed returns",
            "Your account has been activated: €250 starter",
        )
        paras = [
            f"With {platform} you can invest in {pick(r, 'Tesla', 'SpaceX', 'OpenAI', 'Amazon', 'lithium')} from just {amount}. Our personal account manager will call you within 24 hours.",
            f"Average customer earnings last month: {pick(r, '€4,120', '€6,880', '€3,990')}.",
            "Spots are limited by region.",
        ]
        cta = "Start earning"
        name = pick(r, platform, "Account Manager", f"{r.choice(FIRST)} from {platform}")
    else:
        subj = pick(
            r,
            "We owe you an apology (your pending funds)",
            "Your crypto withdrawal of 0.7841 BTC is pending",
            f"Notification: {r.randint(2, 9)}.{r.randint(10, 99)} BTC credited",
        )
        paras = [
            f"Your {platform} account has an unclaimed balance of {pick(r, '0.7841 BTC', '$48,213.00', '€39,760.55')} from automated trading.",
            "To withdraw, log in and confirm your identity. Unclaimed funds are closed after 48 hours.",
            f"Client ID: {digits(r, 8)}",
        ]
        cta = "Withdraw funds"
        name = pick(r, f"{platform} Support", "Withdrawals", "Crypto Wallet")
    rt = route_any(r, dom, pick(r, "news", "editor", "alerts", rs(r, 6, LETTERS)), rcpt[0], (4, 3, 2, 2, 1))
    return simple(r, rt, name, subj, paras, link, cta, img_only=r.random() < 0.2, unsub=r.random() < 0.3)


def f_casino(r: random.Random, i: int) -> bytes:
    t = i % 5
    rcpt = pick_rcpt(r)
    casino = pick(
        r,
        "SpinLuxe",
        "Royal Vegas Club",
        "Lucky Dragon Casino",
        "BetNova",
        "Jackpot Palace",
        "GoldenReels",
        "CasinoStar",
    )
    dom = (
        syll_domain(r, ["com", "bet", "casino", "top", "xyz", "club", "win"])
        if r.random() < 0.7
        else f"{casino.lower().replace(' ', '')}{r.randint(1, 99)}.com"
    )
    lang = pick(r, "en", "en", "en", "de", "pl")
    if lang == "de":
        subj = pick(
            r,
            f"🎰 {r.randint(100, 500)} Freispiele warten auf Sie!",
            "Ihr Willkommensbonus: 200% bis 1000 €",
            "Letzte Chance: Bonus läuft heute ab",
        )
        paras = [
            f"Willkommen bei {casino}! Ihr exklusiver Bonus von 200% bis zu 1.000 € plus {r.randint(50, 300)} Freispiele ist aktiviert.",
            "Keine Wartezeit, sofortige Auszahlungen, über 3.000 Spiele.",
            "18+. Spielen Sie verantwortungsbewusst.",
        ]
        cta = "Bonus sichern"
        cs = pick(r, "iso-8859-15", "utf-8")
    elif lang == "pl":
        subj = pick(
            r,
            f"🎁 {r.randint(100, 500)} darmowych spinów czeka!",
            "Twój bonus powitalny 200% jest aktywny",
            "Wygraj do 50 000 zł - tylko dziś",
        )
        paras = [
            f"Witaj w {casino}! Twój bonus 200% do 4000 zł oraz {r.randint(50, 300)} darmowych spinów jest gotowy.",
            "Szybkie wypłaty, ponad 3000 gier.",
            "18+. Graj odpowiedzialnie.",
        ]
        cta = "Odbierz bonus"
        cs = pick(r, "iso-8859-2", "windows-1250", "utf-8")
    elif t in (0, 1):
        subj = pick(
            r,
            f"🎰 {r.randint(100, 500)} FREE SPINS credited to your account",
            f"Your €{r.choice([500, 1000, 1500])} welcome bonus expires tonight",
            "You have 1 unclaimed bonus",
            "Withdraw your winnings: €2,483.00 pending",
            "🔥 Mega Jackpot alert: €2.4M tonight",
        )
        paras = [
            f"Congratulations! {r.randint(100, 500)} free spins have been credited to your {casino} account.",
            f"Deposit €20 and get a {r.choice([200, 300, 400])}% match bonus up to €{r.choice([500, 1000, 2000])}. Fast withdrawals, no KYC, crypto accepted.",
            "18+ | T&Cs apply | Gamble responsibly.",
        ]
        cta = pick(r, "CLAIM SPINS", "Play now", "Get bonus")
        cs = "utf-8"
    elif t == 2:
        subj = pick(
            r,
            "Acca boost: 50/1 on tonight's matches",
            "Free £30 bet - no deposit needed",
            "Premier League price boosts inside",
            "Cheltenham: bet £10 get £40",
        )
        paras = [
            f"Bet £10 on any {pick(r, 'Premier League', 'Champions League', 'racing', 'GAA')} market and get £{r.choice([30, 40, 50])} in free bets.",
            "Not on GamStop? No problem. Instant withdrawals.",
            "18+ BeGambleAware.",
        ]
        cta = "Bet now"
        cs = "utf-8"
    elif t == 3:
        subj = pick(
            r,
            "Your EuroMillions ticket is a WINNER",
            "Claim your lottery prize: ref EM-" + digits(r, 6),
            "You've been entered into the €10,000,000 draw",
            "Powerball: 3 free lines credited",
        )
        paras = [
            f"Your free lines have been entered into this week's {pick(r, 'EuroMillions', 'Powerball', 'EuroJackpot', 'Mega Millions')} syndicate draw.",
            f"Ticket reference: {rs(r, 3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}-{digits(r, 8)}. Confirm your details to receive the prize notification.",
            "Play from anywhere in the world.",
        ]
        cta = "Check my ticket"
        cs = "utf-8"
    else:
        subj = pick(
            r,
            "VIP invitation: crypto casino with 500% bonus",
            "Your VIP status has been upgraded",
            "Cashback 25% this weekend only",
        )
        paras = [
            f"{casino} has upgraded you to {pick(r, 'Gold', 'Platinum', 'Diamond')} VIP. Enjoy {r.randint(10, 30)}% weekly cashback and a personal manager.",
            f"Use promo code {rs(r, 6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')} on your next deposit.",
            "18+ T&Cs apply.",
        ]
        cta = "Enter VIP lounge"
        cs = "utf-8"
    rt = route_any(r, dom, pick(r, "promo", "vip", "bonus", "noreply", "support"), rcpt[0], (3, 2, 4, 1, 0))
    return simple(
        r,
        rt,
        casino,
        subj,
        paras,
        anylink(r, dom, "promo"),
        cta,
        lang=lang,
        cs=cs,
        img_only=r.random() < 0.25,
        unsub=r.random() < 0.6,
    )


def f_dating(r: random.Random, i: int) -> bytes:
    t = i % 4
    rcpt = pick_rcpt(r)
    girl = pick(
        r,
        "Anastasia",
        "Olga",
        "Marina",
        "Kristina",
        "Jessica",
        "Ashley",
        "Tiffany",
        "Sofia",
        "Lena",
        "Viktoria",
    )
    dom = (
        syll_domain(r)
        if r.random() < 0.7
        else word_domain(
            r, ["date", "love", "match", "single", "hot", "flirt", "meet"], ["com", "net", "online"]
        )
    )
    if t == 0:
        subj = pick(
            r,
            f"{girl} ({r.randint(22, 34)}) sent you {r.randint(2, 9)} private photos",
            f"{girl} wants to chat with you 😘",
            "You have 3 new messages from women near you",
            f"{girl} liked your profile",
        )
        paras = [
            f"{girl}, {r.randint(22, 34)}, {pick(r, '2 km away', '5 km from you', 'online now')}, has sent you a private message.",
            "Sign up free to read your messages and see her photos.",
            pick(r, "Discreet. No credit card required.", "100% free and anonymous."),
        ]
        cta = "Read message"
        name = pick(r, girl, f"{girl} via LocalFlirt", "Private Message")
    elif t == 1:
        subj = pick(
            r,
            "Beautiful Ukrainian women are looking for serious relationship",
            "Meet single ladies from Eastern Europe and Asia",
            "Your perfect bride is waiting",
            "Marriage agency: 5000+ verified profiles",
        )
        paras = [
            f"Thousands of {pick(r, 'Ukrainian', 'Slavic', 'Filipina', 'Colombian', 'Thai')} women are looking for a kind and reliable man from the West.",
            "Video chat, letters, real meetings. Our agency has made over 2,000 happy couples.",
            f"Register today and get {r.randint(20, 100)} free credits.",
        ]
        cta = "See profiles"
        name = pick(r, "Elite Brides Agency", "Soulmate Connect", "Eastern Hearts")
    elif t == 2:
        subj = pick(
            r,
            "Bored housewives in your area",
            "Hook up tonight - no strings",
            "Discreet affairs for married people",
            "18+ Don't open at work",
        )
        paras = [
            f"{r.randint(14, 90)} women in your area are looking for a discreet encounter tonight.",
            "No strings. No questions. 100% anonymous.",
            salad(r, 20),
        ]
        cta = "View her profile"
        name = pick(r, girl, "Discreet Dating", "Adult Finder")
    else:
        subj = pick(
            r,
            "Men: last longer in bed with this",
            "She will thank you (extra strength)",
            "Enlarge naturally - 3 inches in 30 days",
        )
        paras = [
            "Clinically proven formula for stamina and size.",
            f"Order {r.randint(2, 6)} bottles, get {r.randint(1, 3)} free. Discreet shipping worldwide.",
            salad(r, 15),
        ]
        cta = "Order discreetly"
        name = pick(r, "Men's Health", r.choice(FIRST), "Male Enhancement")
    rt = route_any(
        r, dom, pick(r, girl.lower(), "noreply", "notify", rs(r, 8, LOWER)), rcpt[0], (4, 3, 1, 3, 1)
    )
    if r.random() < 0.3:
        subj = zw(r, subj)
    return simple(
        r,
        rt,
        name,
        subj,
        paras,
        anylink(r, dom, "profile"),
        cta,
        img_only=r.random() < 0.2,
        unsub=r.random() < 0.35,
    )


LANGS = ["en", "nl", "de", "fr", "es", "pt", "it", "pl"]
LANG_CS = {
    "en": ["utf-8", "us-ascii", "windows-1252"],
    "nl": ["utf-8", "iso-8859-1", "windows-1252"],
    "de": ["utf-8", "iso-8859-1", "iso-8859-15"],
    "fr": ["utf-8", "iso-8859-1", "iso-8859-15", "windows-1252"],
    "es": ["utf-8", "iso-8859-1", "windows-1252"],
    "pt": ["utf-8", "iso-8859-1", "iso-8859-15"],
    "it": ["utf-8", "iso-8859-1", "windows-1252"],
    "pl": ["utf-8", "iso-8859-2", "windows-1250"],
}
BRANDS = {
    "en": [
        "Tesco Clubcard",
        "Boots Advantage Card",
        "Woolworths Everyday Rewards",
        "Qantas Frequent Flyer",
        "Aer Lingus AerClub",
        "Vodafone",
        "Costco",
        "Dunnes Stores",
        "Flybuys",
    ],
    "nl": ["Albert Heijn", "KPN", "Bol", "KLM Flying Blue", "Jumbo", "Kruidvat", "Ziggo"],
    "de": ["Lidl Plus", "PAYBACK", "Telekom", "Miles & More", "dm", "ADAC", "Kaufland"],
    "fr": ["Carrefour", "Orange", "SFR", "Flying Blue", "Leroy Merlin", "Decathlon", "Auchan"],
    "es": ["Mercadona", "Movistar", "Iberia Plus", "El Corte Inglés", "Vodafone", "Carrefour"],
    "pt": ["Continente", "Pingo Doce", "MEO", "NOS", "TAP Miles&Go", "Worten"],
    "it": ["Esselunga", "Coop", "TIM", "Conad", "Volare", "MediaWorld"],
    "pl": ["Biedronka", "Orlen VITAY", "Rossmann", "Play", "Lidl Plus", "Żabka"],
}
PRIZES = {
    "en": [
        "a Dyson V15 vacuum",
        "a Stanley Quencher tumbler set",
        "an iPhone 16 Pro",
        "a Ninja air fryer",
        "a Le Creuset cookware set",
        "a mystery box",
    ],
    "nl": ["een Philips Airfryer", "een iPhone 16 Pro", "een Dyson stofzuiger", "een verrassingsbox"],
    "de": [
        "eine Dyson V15",
        "ein iPhone 16 Pro",
        "ein Thermomix",
        "eine Überraschungsbox",
        "einen Ninja Heißluftfrittierer",
    ],
    "fr": [
        "un aspirateur Dyson",
        "un iPhone 16 Pro",
        "une Nintendo Switch",
        "une box mystère",
        "un robot Moulinex",
    ],
    "es": ["una freidora de aire", "un iPhone 16 Pro", "una caja misteriosa", "un set de sartenes"],
    "pt": ["uma Bimby", "um iPhone 16 Pro", "uma caixa mistério", "uma fritadeira sem óleo"],
    "it": ["un Bimby", "un iPhone 16 Pro", "una scatola misteriosa", "una friggitrice ad aria"],
    "pl": ["odkurzacz Dyson", "iPhone 16 Pro", "pudełko niespodzianek", "frytkownicę beztłuszczową"],
}
LOY = {
    "en": {
        "subj": [
            "Your {pts} {brand} points expire on {date}",
            "⚠️ {brand}: points expiring - redeem now",
            "Final reminder: {pts} points will be lost",
            "Congratulations! You've been selected to receive {prize}",
            "🎁 Your {brand} loyalty reward is waiting",
        ],
        "p1": [
            "Dear customer, your {brand} account has {pts} points that will expire on {date}.",
            "Thank you for being a loyal {brand} customer. You have been selected to receive {prize}.",
        ],
        "p2": [
            "Exchange them now for {prize} - you only pay {fee} for delivery.",
            "To claim, answer 3 short questions and pay a small shipping fee of {fee}.",
        ],
        "p3": [
            "This offer is valid for 24 hours only.",
            "Only {n} rewards remain.",
            "Unclaimed rewards will be given to another customer.",
        ],
        "cta": ["Redeem points", "Claim my reward", "Use my points"],
    },
    "nl": {
        "subj": [
            "Uw {pts} {brand}-punten verlopen op {date}",
            "Laatste herinnering: uw punten vervallen",
            "Gefeliciteerd! U bent geselecteerd voor {prize}",
            "🎁 Uw {brand} spaarbeloning wacht op u",
        ],
        "p1": [
            "Beste klant, op uw {brand}-account staan {pts} punten die verlopen op {date}.",
            "Als trouwe klant van {brand} bent u geselecteerd voor {prize}.",
        ],
        "p2": [
            "Wissel ze nu in voor {prize} - u betaalt alleen {fee} verzendkosten.",
            "Beantwoord 3 korte vragen en betaal {fee} verzendkosten.",
        ],
        "p3": ["Deze aanbieding is slechts 24 uur geldig.", "Er zijn nog maar {n} beloningen beschikbaar."],
        "cta": ["Punten inwisselen", "Beloning ophalen"],
    },
    "de": {
        "subj": [
            "Ihre {pts} {brand}-Punkte verfallen am {date}",
            "Letzte Erinnerung: Ihre Punkte verfallen",
            "Glückwunsch! Sie wurden für {prize} ausgewählt",
            "🎁 Ihre {brand} Treueprämie wartet",
        ],
        "p1": [
            "Sehr geehrter Kunde, auf Ihrem {brand}-Konto befinden sich {pts} Punkte, die am {date} verfallen.",
            "Als treuer {brand}-Kunde wurden Sie für {prize} ausgewählt.",
        ],
        "p2": [
            "Lösen Sie sie jetzt gegen {prize} ein - Sie zahlen nur {fee} Versandkosten.",
            "Beantworten Sie 3 kurze Fragen und zahlen Sie lediglich {fee} für den Versand.",
        ],
        "p3": ["Dieses Angebot gilt nur 24 Stunden.", "Nur noch {n} Prämien verfügbar."],
        "cta": ["Punkte einlösen", "Prämie sichern"],
    },
    "fr": {
        "subj": [
            "Vos {pts} points {brand} expirent le {date}",
            "Dernier rappel : vos points vont expirer",
            "Félicitations ! Vous avez été sélectionné(e) pour {prize}",
            "🎁 Votre récompense fidélité {brand} vous attend",
        ],
        "p1": [
            "Cher client, votre compte {brand} contient {pts} points qui expireront le {date}.",
            "En tant que client fidèle {brand}, vous avez été sélectionné(e) pour recevoir {prize}.",
        ],
        "p2": [
            "Échangez-les dès maintenant contre {prize} - seuls {fee} de frais de livraison sont à régler.",
            "Répondez à 3 questions et payez seulement {fee} de frais d'envoi.",
        ],
        "p3": ["Offre valable 24 heures seulement.", "Il ne reste que {n} cadeaux."],
        "cta": ["Utiliser mes points", "Récupérer mon cadeau"],
    },
    "es": {
        "subj": [
            "Sus {pts} puntos {brand} caducan el {date}",
            "Último aviso: sus puntos están a punto de caducar",
            "¡Enhorabuena! Ha sido seleccionado para recibir {prize}",
            "🎁 Su recompensa de fidelidad {brand} le espera",
        ],
        "p1": [
            "Estimado cliente, su cuenta {brand} tiene {pts} puntos que caducan el {date}.",
            "Como cliente fiel de {brand}, ha sido seleccionado para recibir {prize}.",
        ],
        "p2": [
            "Canjéelos ahora por {prize}; solo paga {fee} de gastos de envío.",
            "Responda 3 preguntas y pague únicamente {fee} de envío.",
        ],
        "p3": ["Oferta válida solo 24 horas.", "Solo quedan {n} premios."],
        "cta": ["Canjear puntos", "Reclamar mi premio"],
    },
    "pt": {
        "subj": [
            "Os seus {pts} pontos {brand} expiram a {date}",
            "Último aviso: os seus pontos vão expirar",
            "Parabéns! Foi selecionado para receber {prize}",
            "🎁 A sua recompensa {brand} está à espera",
        ],
        "p1": [
            "Caro cliente, a sua conta {brand} tem {pts} pontos que expiram a {date}.",
            "Como cliente fiel {brand}, foi selecionado para receber {prize}.",
        ],
        "p2": [
            "Troque-os agora por {prize} - paga apenas {fee} de portes.",
            "Responda a 3 perguntas e pague apenas {fee} de envio.",
        ],
        "p3": ["Oferta válida apenas por 24 horas.", "Restam apenas {n} prémios."],
        "cta": ["Trocar pontos", "Receber o meu prémio"],
    },
    "it": {
        "subj": [
            "I tuoi {pts} punti {brand} scadono il {date}",
            "Ultimo avviso: i tuoi punti stanno per scadere",
            "Congratulazioni! Sei stato selezionato per ricevere {prize}",
            "🎁 Il tuo premio fedeltà {brand} ti aspetta",
        ],
        "p1": [
            "Gentile cliente, il tuo account {brand} ha {pts} punti che scadranno il {date}.",
            "Come cliente fedele {brand}, sei stato selezionato per ricevere {prize}.",
        ],
        "p2": [
            "Convertili ora in {prize}: paghi solo {fee} di spedizione.",
            "Rispondi a 3 domande e paga solo {fee} di spese di spedizione.",
        ],
        "p3": ["Offerta valida solo 24 ore.", "Sono rimasti solo {n} premi."],
        "cta": ["Usa i miei punti", "Ritira il premio"],
    },
    "pl": {
        "subj": [
            "Twoje {pts} punktów {brand} wygasa {date}",
            "Ostatnie przypomnienie: Twoje punkty wygasają",
            "Gratulacje! Zostałeś wybrany, aby otrzymać {prize}",
            "🎁 Twoja nagroda {brand} czeka",
        ],
        "p1": [
            "Drogi kliencie, na Twoim koncie {brand} jest {pts} punktów, które wygasają {date}.",
            "Jako stały klient {brand} zostałeś wybrany, aby otrzymać {prize}.",
        ],
        "p2": [
            "Wymień je teraz na {prize} - płacisz tylko {fee} za wysyłkę.",
            "Odpowiedz na 3 krótkie pytania i zapłać tylko {fee} za dostawę.",
        ],
        "p3": ["Oferta ważna tylko 24 godziny.", "Zostało tylko {n} nagród."],
        "cta": ["Wymień punkty", "Odbierz nagrodę"],
    },
}
FEE = {"en": ["€1.95", "£1.99", "$2.00", "A$2.95"], "pl": ["9,99 zł", "4,99 zł"]}


def lang_date(r: random.Random, lang: str, dt: datetime) -> str:
    d = dt + timedelta(days=r.randint(1, 4))
    if lang == "en":
        return f"{d.day} {d:%B} {d.year}"
    return (
        f"{d.day:02d}.{d.month:02d}.{d.year}"
        if lang in ("de", "pl")
        else f"{d.day:02d}/{d.month:02d}/{d.year}"
    )


def f_loyalty(r: random.Random, i: int) -> bytes:
    lang = LANGS[i % len(LANGS)] if i % 11 != 10 else "en"
    L = LOY[lang]
    brand = r.choice(BRANDS[lang])
    rcpt = pick_rcpt(r)
    dt = rdate(r, pick(r, 1, 2, 0) if lang != "en" else None)
    slug = brand.lower().replace(" ", "").replace("&", "").replace("é", "e").replace("ż", "z")[:10]
    kind = r.randint(0, 4)
    if kind == 0:
        dom = f"{slug}-{pick(r, 'rewards', 'punten', 'bonus', 'club', 'premios', 'points', 'fidelite', 'premi')}.{pick(r, 'shop', 'top', 'online', 'click', 'com')}"
    elif kind == 1:
        dom = f"{pick(r, 'my', 'secure', 'app', 'club', 'info')}{slug}{r.randint(1, 99)}.{pick(r, 'xyz', 'live', 'sbs', 'info')}"
    else:
        dom = syll_domain(r)
    fee = r.choice(FEE.get(lang, ["1,95 €", "2,00 €", "1,99 €"]))
    fmt = {
        "brand": brand,
        "pts": f"{r.randint(2, 48) * 500:,}".replace(",", "." if lang != "en" else ","),
        "date": lang_date(r, lang, dt),
        "prize": r.choice(PRIZES[lang]),
        "fee": fee,
        "n": r.randint(3, 12),
    }
    subj = r.choice(L["subj"]).format(**fmt)
    if r.random() < 0.2:
        subj = zw(r, subj)
    elif r.random() < 0.3:
        subj = f"{subj} #{digits(r, 5)}"
    paras = [
        r.choice(L["p1"]).format(**fmt),
        r.choice(L["p2"]).format(**fmt),
        r.choice(L["p3"]).format(**fmt),
    ]
    if r.random() < 0.25:
        paras.append(salad(r, r.randint(10, 25)))
    cs = r.choice(LANG_CS[lang])
    local = pick(r, "noreply", "info", "rewards", "service", rs(r, 8, LOWER), "news")
    rt = route_any(r, dom, local, rcpt[0], (4, 3, 3, 2, 0))
    name = pick(
        r,
        brand,
        f"{brand} Club",
        f"{brand} {pick(r, 'Rewards', 'Service', 'Team')}",
        "Loyalty Program",
        rs(r, 6, LETTERS).capitalize(),
    )
    return simple(
        r,
        rt,
        name,
        subj,
        paras,
        anylink(r, dom, pick(r, "claim", "gift", "r", "loyalty")),
        r.choice(L["cta"]),
        lang=lang,
        cs=cs,
        dt=dt,
        img_only=r.random() < 0.15,
        unsub=r.random() < 0.3,
    )


PARCEL = {
    "en": (
        ["An Post", "Royal Mail", "Australia Post", "Evri", "DPD", "DHL Express", "USPS"],
        [
            "Your parcel is on hold: customs fee of {fee} unpaid",
            "Delivery attempt failed - action required",
            "📦 Your package {track} could not be delivered",
            "Final notice: parcel will be returned to sender",
        ],
        "We attempted to deliver your parcel {track} but it could not be completed because an import charge of {fee} has not been paid.",
        "Please pay the outstanding fee within 48 hours, otherwise the item will be returned to the sender.",
        "Pay now and reschedule delivery",
    ),
    "nl": (
        ["PostNL", "DHL", "DPD"],
        [
            "Uw pakket {track} kan niet worden bezorgd",
            "Douanekosten van {fee} nog niet betaald",
            "📦 Actie vereist: uw zending staat klaar",
        ],
        "Wij hebben geprobeerd uw pakket {track} te bezorgen, maar er zijn nog invoerkosten van {fee} verschuldigd.",
        "Betaal binnen 48 uur, anders wordt het pakket teruggestuurd naar de afzender.",
        "Nu betalen",
    ),
    "de": (
        ["DHL", "Deutsche Post", "Hermes", "GLS"],
        [
            "Ihr Paket {track} wartet auf Zustellung",
            "Zollgebühr von {fee} ausstehend",
            "📦 Zustellversuch fehlgeschlagen",
        ],
        "Wir konnten Ihr Paket {track} nicht zustellen, da eine Zollgebühr von {fee} noch offen ist.",
        "Bitte begleichen Sie den Betrag innerhalb von 48 Stunden, andernfalls wird die Sendung an den Absender zurückgeschickt.",
        "Gebühr bezahlen",
    ),
    "fr": (
        ["La Poste", "Colissimo", "Chronopost", "Mondial Relay"],
        [
            "Votre colis {track} est en attente",
            "Frais de douane de {fee} à régler",
            "📦 Échec de livraison : action requise",
        ],
        "Nous n'avons pas pu livrer votre colis {track} car des frais de dédouanement de {fee} restent impayés.",
        "Veuillez régler ces frais sous 48 heures, sinon le colis sera retourné à l'expéditeur.",
        "Payer et reprogrammer",
    ),
    "es": (
        ["Correos", "SEUR", "MRW"],
        [
            "Su paquete {track} está retenido en aduanas",
            "Pago pendiente de {fee} - envío retenido",
            "📦 No hemos podido entregar su paquete",
        ],
        "No hemos podido entregar su paquete {track} porque tiene pendiente el pago de tasas de aduana de {fee}.",
        "Si no se abona en 48 horas, el envío será devuelto al remitente.",
        "Pagar ahora",
    ),
    "pt": (
        ["CTT", "CTT Expresso", "Correios"],
        [
            "A sua encomenda {track} está retida",
            "Taxa alfandegária de {fee} por pagar",
            "📦 Entrega não efetuada: ação necessária",
        ],
        "A sua encomenda {track} encontra-se retida na alfândega. É necessário pagar uma taxa de {fee}.",
        "Caso o pagamento não seja efetuado em 48 horas, a encomenda será devolvida ao remetente.",
        "Pagar taxa",
    ),
    "it": (
        ["Poste Italiane", "BRT", "SDA"],
        [
            "Il tuo pacco {track} è in giacenza",
            "Spese doganali di {fee} da pagare",
            "📦 Consegna non riuscita: azione richiesta",
        ],
        "Non è stato possibile consegnare il tuo pacco {track} perché risultano da pagare spese doganali di {fee}.",
        "Se il pagamento non viene effettuato entro 48 ore, il pacco sarà restituito al mittente.",
        "Paga ora",
    ),
    "pl": (
        ["InPost", "Poczta Polska", "DPD Polska"],
        [
            "Twoja przesyłka {track} oczekuje na dopłatę",
            "Opłata celna {fee} nieuregulowana",
            "📦 Nieudana próba doręczenia",
        ],
        "Nie mogliśmy doręczyć Twojej przesyłki {track}, ponieważ nie uiszczono opłaty celnej w wysokości {fee}.",
        "Jeśli opłata nie zostanie uiszczona w ciągu 48 godzin, paczka wróci do nadawcy.",
        "Zapłać teraz",
    ),
}


def f_parcel(r: random.Random, i: int) -> bytes:
    lang = LANGS[i % len(LANGS)]
    carriers, subjs, p1, p2, cta = PARCEL[lang]
    carrier = r.choice(carriers)
    rcpt = pick_rcpt(r)
    track = pick(
        r,
        f"{rs(r, 2, 'ABCDEFGHJKLMNPRSTUVW')}{digits(r, 9)}{pick(r, 'IE', 'GB', 'NL', 'DE', 'FR', 'ES', 'PT', 'IT', 'PL')}",
        f"3S{rs(r, 4, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}{digits(r, 9)}",
        digits(r, 14),
    )
    fee = r.choice(FEE.get(lang, ["1,99 €", "2,45 €", "1,49 €", "3,20 €"]))
    if lang == "pl":
        fee = pick(r, "4,99 zł", "2,50 zł", "6,30 zł")
    slug = carrier.lower().replace(" ", "")[:8]
    dom = pick(
        r,
        f"{slug}-{pick(r, 'delivery', 'track', 'paket', 'colis', 'envio', 'zoll')}.{pick(r, 'top', 'info', 'online', 'cfd', 'com')}",
        syll_domain(r),
        f"parcel{rs(r, 4, LOWER)}.{pick(r, 'xyz', 'sbs', 'shop')}",
    )
    fmt = {"track": track, "fee": fee}
    subj = r.choice(subjs).format(**fmt)
    paras = [p1.format(**fmt), p2.format(**fmt)]
    if r.random() < 0.4:
        paras.insert(0, pick(r, f"{carrier}", f"Ref: {rs(r, 10, UHEX)}"))
    rt = route_any(
        r, dom, pick(r, "noreply", "tracking", "service", "info", rs(r, 8, LOWER)), rcpt[0], (4, 3, 2, 3, 0)
    )
    if r.random() < 0.25:
        rt = r_hacked(r)
    cs = r.choice(LANG_CS[lang])
    name = pick(
        r,
        carrier,
        f"{carrier} {pick(r, 'Service', 'Tracking', 'Info')}",
        f"{carrier} Delivery",
        "Delivery Notification",
    )
    return simple(
        r,
        rt,
        name,
        subj,
        paras,
        anylink(r, dom, pick(r, "track", "pay", "fee", "p")),
        cta,
        lang=lang,
        cs=cs,
        unsub=False,
        img_only=r.random() < 0.1,
    )


SURVEY = {
    "en": (
        ["Costco", "Walmart", "Lidl", "Aldi", "Tesco", "Amazon", "Home Depot"],
        [
            "{brand} customer survey: get a {amount} reward",
            "Thank you! Your {amount} {brand} reward is waiting",
            "Share your opinion - win {amount}",
            "Congrats! You've been chosen for the {brand} loyalty program",
        ],
        "Take our 30-second survey about your shopping experience at {brand} and receive a {amount} reward.",
        "Only one reward per household. Limited time.",
        "Start survey",
    ),
    "de": (
        ["Aldi", "Lidl", "Rewe", "MediaMarkt"],
        ["{brand} Kundenumfrage: {amount} Prämie", "Danke! Ihre {amount} {brand} Belohnung wartet"],
        "Nehmen Sie an unserer 30-Sekunden-Umfrage zu {brand} teil und erhalten Sie eine Prämie im Wert von {amount}.",
        "Nur eine Prämie pro Haushalt.",
        "Umfrage starten",
    ),
    "fr": (
        ["Carrefour", "Leclerc", "Lidl", "Intermarché"],
        ["Enquête {brand} : recevez {amount}", "Merci ! Votre récompense {brand} de {amount} vous attend"],
        "Répondez à notre questionnaire de 30 secondes sur {brand} et recevez une récompense de {amount}.",
        "Une seule récompense par foyer.",
        "Commencer",
    ),
    "es": (
        ["Mercadona", "Lidl", "Carrefour", "Dia"],
        ["Encuesta {brand}: gane {amount}", "¡Gracias! Su recompensa de {amount} le espera"],
        "Complete nuestra encuesta de 30 segundos sobre {brand} y reciba una recompensa de {amount}.",
        "Solo una recompensa por hogar.",
        "Empezar encuesta",
    ),
    "it": (
        ["Esselunga", "Lidl", "Conad"],
        ["Sondaggio {brand}: ricevi {amount}", "Grazie! Il tuo premio {brand} da {amount} ti aspetta"],
        "Partecipa al nostro sondaggio di 30 secondi su {brand} e ricevi un premio di {amount}.",
        "Un solo premio per famiglia.",
        "Inizia il sondaggio",
    ),
    "nl": (
        ["Albert Heijn", "Lidl", "Action"],
        ["{brand} klantenonderzoek: ontvang {amount}", "Bedankt! Uw beloning van {amount} wacht"],
        "Vul onze enquête van 30 seconden over {brand} in en ontvang een beloning van {amount}.",
        "Slechts één beloning per huishouden.",
        "Start enquête",
    ),
    "pt": (
        ["Continente", "Lidl", "Pingo Doce"],
        ["Inquérito {brand}: receba {amount}", "Obrigado! A sua recompensa de {amount} está à espera"],
        "Responda ao nosso inquérito de 30 segundos sobre o {brand} e receba uma recompensa de {amount}.",
        "Apenas uma recompensa por agregado.",
        "Começar inquérito",
    ),
    "pl": (
        ["Biedronka", "Lidl", "Kaufland"],
        ["Ankieta {brand}: odbierz {amount}", "Dziękujemy! Twoja nagroda {amount} czeka"],
        "Wypełnij naszą 30-sekundową ankietę o {brand} i odbierz nagrodę o wartości {amount}.",
        "Tylko jedna nagroda na gospodarstwo domowe.",
        "Rozpocznij ankietę",
    ),
}


def f_survey(r: random.Random, i: int) -> bytes:
    lang = LANGS[i % len(LANGS)]
    brands, subjs, p1, p2, cta = SURVEY[lang]
    brand = r.choice(brands)
    amount = {"en": pick(r, "$90", "$100", "£75", "€90"), "pl": "500 zł"}.get(
        lang, pick(r, "90 €", "100 €", "75 €")
    )
    rcpt = pick_rcpt(r)
    dom = syll_domain(r)
    fmt = {"brand": brand, "amount": amount}
    rt = route_any(r, dom, pick(r, "survey", "rewards", rs(r, 8, LOWER)), rcpt[0], (3, 3, 2, 2, 0))
    paras = [p1.format(**fmt), p2.format(**fmt)]
    if r.random() < 0.4:
        paras.append(salad(r, r.randint(15, 40)))
    return simple(
        r,
        rt,
        pick(r, f"{brand} Survey", f"{brand} Opinion", "Customer Rewards", brand),
        r.choice(subjs).format(**fmt),
        paras,
        cloudlink(r) if r.random() < 0.6 else shortlink(r),
        cta,
        lang=lang,
        cs=r.choice(LANG_CS[lang]),
        img_only=r.random() < 0.3,
    )


def plain_msg(
    r: random.Random,
    rt: Route,
    frm_name: str,
    subject: str,
    text: str,
    *,
    dt: datetime | None = None,
    cs: str = "utf-8",
    reply_to: str = "",
    htm: bool | None = None,
    extra: Sequence[Header] = (),
    to_mode: str = "",
) -> bytes:
    """Personal-looking text mail, sometimes with a bare HTML twin."""
    dt = dt or rdate(r)
    if htm is None:
        htm = r.random() < 0.45
    h = None
    if htm:
        paras = "".join(
            f"<div>{esc(p).replace(chr(10), '<br>')}</div><div><br></div>" for p in text.strip().split("\n\n")
        )
        h = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={cs}"></head><body><div style="font-family:{pick(r, "Calibri", "Arial", "Verdana", "Tahoma")},sans-serif;font-size:{pick(r, "10pt", "11pt", "14px")}">{paras}</div></body></html>'
    ent = body(r, text, h, cs, "alt" if h else "text")
    return deliver(
        r,
        rt,
        dt,
        frm_name,
        subject,
        ent,
        reply_to=reply_to,
        extra=extra,
        name_cs=cs,
        subj_cs=cs,
        to_mode=to_mode,
    )


def f_debt_loans(r: random.Random, i: int) -> bytes:
    t = i % 5
    rcpt = pick_rcpt(r)
    dom = (
        syll_domain(r)
        if r.random() < 0.5
        else word_domain(r, ["debt", "loan", "cash", "fund", "credit", "relief", "capital", "grant", "fast"])
    )
    if t == 0:
        brand = pick(r, "ClearSlate Debt Solutions", "FreshStart IVA Advice", "National Debt Relief Network")
        subj = pick(
            r,
            "Write off up to 80% of your debt - government scheme",
            "New rules: debts over €5,000 can be written off",
            "Are you struggling with credit card debt?",
            "Check if you qualify for debt relief (60 sec)",
        )
        paras = [
            "A little-known government-backed scheme lets people write off up to 80% of unsecured debt.",
            f"{brand} can tell you in 60 seconds if you qualify. No impact on your credit score.",
            "Stop the calls from creditors - one affordable monthly payment.",
        ]
        cta = "Check if I qualify"
    elif t == 1:
        brand = pick(r, "QuickCash Today", "PayDay Express", "LoanLine Direct", "FlexiFunds")
        subj = pick(
            r,
            f"Approved: €{r.choice([500, 1000, 1500, 2500])} in your account today",
            "Bad credit OK - cash in 15 minutes",
            "Your loan application has been pre-approved",
            "Need cash before payday?",
        )
        paras = [
            f"Borrow €{r.choice([100, 250])} to €{r.choice([2500, 5000])} with a decision in minutes. Bad credit accepted.",
            "No guarantor, no paperwork, money in your account the same day.",
            f"Representative APR {r.randint(49, 1294)}.{r.randint(0, 9)}% (variable). Late repayment can cause serious money problems.",
        ]
        cta = "Get my cash"
    elif t == 2:
        brand = pick(r, "Small Business Funding Desk", "Merchant Capital Partners", "SwiftBiz Finance")
        subj = pick(
            r,
            f"{ORG} - pre-approved for up to €{r.choice([50, 75, 150, 250])},000",
            "Working capital approved, funds in 24h",
            "Re: your business funding request",
            "Merchant cash advance - no credit check",
        )
        paras = [
            f"Based on your business profile, {ORG} has been pre-qualified for working capital of up to €{r.choice([50, 75, 150, 250])},000.",
            "No collateral, no credit check, funds in as little as 24 hours.",
            "Reply YES and a funding specialist will call you today.",
        ]
        cta = "View my offer"
    elif t == 3:
        brand = pick(r, "Federal Grants Office", "Business Grant Finder", "EU Funding Advisory")
        subj = pick(
            r,
            "You may qualify for a $9,000 government grant (not a loan)",
            "Unclaimed business grant in your name",
            "EU recovery fund: grants for small firms in Ireland",
            "Free grant money - never repay",
        )
        paras = [
            "Billions in grants go unclaimed every year. These are not loans and never have to be repaid.",
            f"{brand} will match you with grants you qualify for. Application fee refunded if you are not approved.",
            f"Reference: GR-{digits(r, 6)}",
        ]
        cta = "See my grants"
    else:
        brand = pick(r, "Mortgage Rate Watch", "HomeEquity Direct", "RefiNow")
        subj = pick(
            r,
            "Mortgage rates just fell - see your new rate",
            "Homeowners: lower your payment by €300/month",
            "Your remortgage quote is ready",
        )
        paras = [
            "Rates have dropped. Homeowners are cutting hundreds from their monthly payments by switching.",
            f"{brand} compares {r.randint(40, 90)} lenders in seconds.",
            "Your home may be repossessed if you do not keep up repayments.",
        ]
        cta = "See my new rate"
    rt = route_any(
        r, dom, pick(r, "offers", "approval", "info", "funding", rs(r, 6, LETTERS)), rcpt[0], (4, 2, 3, 2, 1)
    )
    return simple(r, rt, brand, subj, paras, anylink(r, dom, "apply"), cta)


def f_jobs(r: random.Random, i: int) -> bytes:
    t = i % 5
    rcpt = pick_rcpt(r)
    f, ln = pname(r)
    co = pick(
        r,
        "Nordvale Logistics Group",
        "Brightwave Holdings Ltd",
        "Castellan Trade Solutions",
        "Meridian Art Exports",
        "Helix Remote Staffing",
        "Apex Global Recruitment",
    )
    local = f"{f.lower()}{pick(r, '.', '_', '')}{ln.lower()}{pick(r, '', str(r.randint(1, 99)))}"
    if t == 0:
        subj = pick(
            r,
            "Part-time job: payment processing agent (remote)",
            "Vacancy: Financial Assistant - work from home",
            "Remote position - €3,000/month, 2-3 hours a day",
            "Job offer: Accounts Receivable Representative (Ireland)",
        )
        text = f"Good day,\n\nMy name is {f} {ln}, HR manager at {co}. We are expanding our operations in {pick(r, 'Ireland', 'the UK and Ireland', 'Europe')} and we are looking for a local representative to assist with processing payments from our clients.\n\nDuties:\n- receive payments from our customers into your personal bank account\n- transfer funds to our suppliers according to instructions\n- keep {r.randint(8, 15)}% of every transfer as your commission\n\nNo experience needed, only 2-3 hours a day, no investment required. You must be over 18 with a bank account in {pick(r, 'Ireland', 'the EU', 'the UK')}.\n\nIf interested please reply with your full name, address, phone number and CV.\n\nBest regards,\n{f} {ln}\nHR Department\n{co}\n"
        rt = r_free(r, local) if r.random() < 0.6 else r_hacked(r)
        return plain_msg(
            r,
            rt,
            f"{f} {ln}",
            subj,
            text,
            reply_to=addr(f"{f} {ln}", f"{local}.hr@{pick(r, 'outlook.com', 'gmail.com', 'proton.me')}")
            if r.random() < 0.5
            else "",
        )
    if t == 1:
        subj = pick(
            r,
            "Earn €500-€1,200/day from your phone",
            "We're hiring! Online review job, paid daily",
            "Simple task job: like videos and get paid",
            "Your application has been approved - start today",
        )
        text = f"Hello!\n\nI'm {f} from {co}'s recruitment team. We found your contact via {pick(r, 'LinkedIn', 'a job portal', 'Indeed')}.\n\nWe offer a flexible part-time job: {pick(r, 'rate hotels', 'like YouTube videos', 'boost app downloads', 'review products')} on our platform. Each task takes a few minutes. Daily pay €{r.randint(100, 300)}-{r.randint(500, 1200)}.\n\nPlease add our HR on WhatsApp: +{pick(r, '44 7700 900', '353 85 555 0', '1 202 555 0')}{r.randint(100, 999)} or Telegram @{rs(r, 8, LOWER)}_hr\n\nMust be 23+.\n\nThank you!\n"
        rt = route_any(r, syll_domain(r), local, rcpt[0], (3, 3, 1, 2, 3))
        return plain_msg(r, rt, pick(r, f"{f} {ln}", f"{co} HR", "Recruitment Team"), subj, text)
    if t == 2:
        subj = pick(
            r,
            "Mystery shopper needed in Galway - €300 per assignment",
            "Become a secret shopper - evaluate Western Union/money transfer services",
        )
        text = f"Dear Applicant,\n\nYou have been selected as a mystery shopper for {co}. Your first assignment is to evaluate a money transfer service in your area.\n\nWe will send you a cheque of €{r.randint(1500, 2900)}. Deposit it, keep €300 as your pay, and send the remainder through the money transfer service you are evaluating, then report on the customer service.\n\nReply with your name and postal address to receive your training pack.\n\nRegards,\n{f} {ln}\nAssignment Coordinator\n"
        rt = r_free(r, local)
        return plain_msg(r, rt, f"{f} {ln}", subj, text, htm=False)
    if t == 3:
        subj = pick(
            r,
            f"{rcpt[1].split(' ')[0] if rcpt[1] else 'Hi'}, are you open to new opportunities?",
            "Executive role - confidential",
            "Partner opportunity: represent us in Ireland (commission)",
        )
        text = f"Hi,\n\nI'm reaching out because your profile matches a {pick(r, 'Finance Manager', 'Country Representative', 'Regional Agent', 'Bookkeeper')} position with one of our clients, {co}.\n\nThe role is fully remote, {pick(r, '€65,000', '€4,500/month', '$80k')} + bonus. The client is an international {pick(r, 'art exporter', 'steel trader', 'crypto payment provider', 'furniture supplier')} that needs someone in Ireland to handle invoices and receive payments from local customers.\n\nCan you send your CV and a contact number?\n\n{f} {ln}\nSenior Talent Partner\n"
        rt = route_any(
            r,
            word_domain(r, ["talent", "recruit", "staff", "hire", "career", "global"]),
            local,
            rcpt[0],
            (3, 2, 2, 1, 2),
        )
        return plain_msg(r, rt, f"{f} {ln}", subj, text)
    dom = syll_domain(r)
    subj = pick(
        r,
        "Work from home - €1,450/week guaranteed",
        "Be your own boss: proven system",
        "Ireland: remote data entry jobs available",
    )
    paras = [
        f"{co} is looking for motivated people in Ireland to work from home.",
        f"No experience required. Average earnings €{r.randint(900, 1800)} per week.",
        "Places are limited - apply now.",
    ]
    rt = route_any(r, dom, "jobs", rcpt[0], (3, 2, 2, 2, 0))
    return simple(r, rt, co, subj, paras, anylink(r, dom, "apply"), "Apply now")


def f_seo_web(r: random.Random, i: int) -> bytes:
    t = i % 6
    f, ln = pname(r)
    site = f"www.{DOM}"
    local = f"{f.lower()}{pick(r, '.', '', '_')}{pick(r, ln.lower(), 'seo', 'webdesign', 'digital', 'marketing')}{pick(r, '', str(r.randint(1, 999)))}"
    if t == 0:
        subj = pick(
            r,
            f"Re: {site} - 1st page Google ranking",
            f"Proposal for {DOM}",
            "SEO Errors on your website",
            f"Your website {site} is not ranking on Google",
            f"{DOM} - quick question",
        )
        text = f'Hi {pick(r, "Business Owner", "Team", "Sir/Madam", "there")},\n\nI was checking your website {site} and noticed that it is not ranking on the first page of Google for many important keywords. I also found some errors:\n\n1. Website not mobile optimized properly\n2. Low domain authority and very few backlinks\n3. Slow page loading speed\n4. Missing meta tags and poor on-page SEO\n\nWe can bring your website to the first page of Google, Yahoo and Bing at a very affordable price.\n\nIf you are interested, I can send you a proposal and our price list.\n\nThanks & Regards,\n{f} {ln}\n{pick(r, "SEO Consultant", "Digital Marketing Manager", "Business Development Executive")}\n\nP.S. If you don\'t want to receive further emails, please reply with "REMOVE".\n'
    elif t == 1:
        subj = pick(
            r,
            "Website redesign",
            "Want a new website?",
            f"Re: {DOM} website",
            "Website design & development at affordable price",
            "Modern website for your business",
        )
        text = f"Hello,\n\nI am {f}, a web designer. I came across your website and I think it looks a little outdated and may not be converting visitors into clients.\n\nWe can redesign it with a modern, responsive look (WordPress, Shopify, Wix or custom) starting from ${r.choice([299, 399, 499])}.\n\nCan I send you some samples of our past work?\n\nRegards,\n{f}\n"
    elif t == 2:
        subj = pick(
            r,
            "Mobile app development",
            "Do you need a mobile app for your business?",
            "App development - iOS & Android",
        )
        text = f"Hi,\n\nHope you are doing well.\n\nWe are an app development company with {r.randint(5, 15)}+ years of experience and {r.randint(150, 900)}+ apps delivered. We build iOS, Android and web apps, AI chatbots and CRM integrations.\n\nWould you like to have a quick call this week to discuss your requirements?\n\nBest,\n{f} {ln}\nBusiness Consultant\n"
    elif t == 3:
        subj = pick(
            r,
            "Accountants email list",
            "Would you be interested in Accounting Firms Email List?",
            "CFO/Finance Decision Makers Contact List",
            "Re: Attendees list",
            "Verified B2B contact data - UK & Ireland",
        )
        text = f'Hi,\n\nWould you be interested in acquiring a list of {pick(r, "Accounting Firms", "CFOs and Finance Directors", "Small Business Owners", "Tax Professionals")} in {pick(r, "Ireland", "UK & Ireland", "Europe", "North America")}?\n\nInformation fields: Contact name, Title, Email, Phone, Company, Industry, Revenue, Employee size, LinkedIn URL.\n\nTotal counts: {r.randint(12, 95)},{r.randint(100, 999)} records. {r.randint(90, 97)}% deliverability guaranteed.\n\nLet me know your target audience and I will share the counts, pricing and a sample for your review.\n\nRegards,\n{f} {ln}\nMarketing Executive\n\nIf you don\'t wish to receive emails from us reply back with "Opt-Out".\n'
    elif t == 4:
        subj = pick(
            r,
            "Attendees List - Accountex 2025",
            "Re: Attendees Data",
            "Interested in acquiring the attendee list?",
        )
        text = f"Hi,\n\nI hope this email finds you well. Would you be interested in acquiring the {pick(r, 'Accountex', 'Xerocon', 'Digital Accounting Forum', 'Tax Summit')} {pick(r, '2024', '2025', '2026')} Attendees Data List?\n\nList includes: company name, contact name, job title, verified email address, phone, website.\n\nAttendee counts: {r.randint(3, 18)},{r.randint(100, 999)} contacts.\n\nLet me know if you are interested and I will get back with pricing.\n\nBest Regards,\n{f} {ln}\nDemand Generation Manager\n"
    else:
        subj = pick(
            r,
            "Guest post / sponsored article on your site?",
            "Link insertion request",
            "Collaboration proposal",
        )
        text = f"Hi there,\n\nI'm {f}, a content manager. I really enjoyed the articles on {site}. I'd like to publish a guest post with one do-follow link to our client's site (niche: {pick(r, 'fintech', 'crypto', 'casino', 'CBD', 'home improvement')}).\n\nWe can pay ${r.choice([50, 80, 120, 150])} per post via PayPal. Do you also accept link insertions in existing articles?\n\nCheers,\n{f}\n"
    k = r.random()
    if k < 0.55:
        rt = r_free(r, local)
    elif k < 0.8:
        rt = r_throwaway(
            r,
            word_domain(
                r,
                ["seo", "rank", "web", "digital", "pixel", "growth", "leads", "data", "lab", "solutions"],
                ["com", "net", "co", "io", "in"],
            ),
            f.lower(),
        )
    else:
        rt = r_hacked(r)
    rto = (
        addr(f"{f} {ln}", f"{local}{r.randint(1, 99)}@{pick(r, 'gmail.com', 'outlook.com', 'hotmail.com')}")
        if r.random() < 0.3
        else ""
    )
    return plain_msg(
        r,
        rt,
        pick(r, f"{f} {ln}", f, f"{f} | Web Solutions"),
        subj,
        text,
        reply_to=rto,
        cs=pick(r, "utf-8", "us-ascii", "windows-1252"),
    )


def f_b2b(r: random.Random, i: int) -> bytes:
    t = i % 5
    rcpt = pick_rcpt(r)
    name = r.choice(CN_FIRST)
    city = pick(r, "Shenzhen", "Ningbo", "Guangzhou", "Yiwu", "Xiamen", "Dongguan", "Qingdao", "Foshan")
    prod = pick(
        r,
        "LED lighting",
        "PCB and PCBA",
        "custom packaging boxes",
        "CNC machining parts",
        "silicone products",
        "stainless steel fasteners",
        "solar panels and inverters",
        "promotional gifts",
        "office furniture",
        "injection moulds",
    )
    co = f"{city} {pick(r, 'Hengda', 'Xinyuan', 'Jinlong', 'Huatai', 'Everbright', 'Longsheng', 'Rongda')} {pick(r, 'Technology', 'Industrial', 'Import & Export', 'Manufacturing')} Co., Ltd."
    local = f"{name.lower()}{pick(r, '', '.', '_')}{pick(r, 'sales', 'export', rs(r, 3, LOWER), '')}"
    if t == 0:
        subj = pick(
            r,
            f"{prod.capitalize()} manufacturer - factory price",
            f"Re: {prod} inquiry",
            f"Professional {prod} supplier from China",
            "Cooperation request",
        )
        text = f"Dear Purchasing Manager,\n\nGood day! This is {name} from {co}.\n\nWe are a professional manufacturer of {prod} with {r.randint(8, 25)} years experience, ISO9001 certified, exporting to over {r.randint(30, 80)} countries.\n\nOur advantages:\n* Factory direct price\n* OEM/ODM service available\n* Fast delivery: {r.randint(7, 25)} days\n* Free samples\n\nIf you have any needs, please feel free to contact me. Catalogue and price list will be sent upon request.\n\nBest regards,\n{name}\nSales Manager\n{co}\nTel/WhatsApp: +86 1{digits(r, 2)} {digits(r, 4)} {digits(r, 4)}\n"
    elif t == 1:
        subj = pick(r, "Re: Follow up", "Re: Re: quotation", "Did you receive my email?", "Hello friend")
        text = f"Hi friend,\n\nSorry to disturb you again. Did you receive my last email about {prod}?\n\nWe have a new promotion this month, price 10% off for new customers. Can I send you our latest catalogue?\n\nLooking forward to your reply.\n\n{name}\n{co}\n"
    elif t == 2:
        subj = pick(
            r,
            "Container shipping from China - best freight rate",
            "Sea freight & air freight DDP to Ireland",
            "Freight forwarder: door to door from China",
        )
        text = f"Dear Sir/Madam,\n\nThis is {name} from {city} {pick(r, 'Speedy', 'OceanLink', 'Sunrise')} International Logistics.\n\nWe offer DDP door-to-door shipping from China to Ireland/UK by sea, air and rail, customs clearance included. FCL 20GP from USD {r.randint(900, 2400)}.\n\nPlease tell me your cargo details and I will quote you the best rate.\n\nBest regards,\n{name}\n"
    elif t == 3:
        subj = pick(r, "New product catalogue 2025", "Price list attached", "Christmas promotion")
        text = f"Dear customer,\n\nPlease find our {pick(r, '2024', '2025', '2026')} catalogue via the link below:\n{cloudlink(r, 'catalog')}\n\nHot sales: {prod}. MOQ {r.randint(50, 1000)} pcs.\n\nThanks\n{name}\n{co}\n"
    else:
        subj = pick(r, "Inquiry for your products", "Purchase inquiry", "Request for quotation")
        text = f"Hello,\n\nWe are {pick(r, 'a trading company in Dubai', 'an importer in Turkey', 'a distributor in Poland')} interested in your products. Kindly send us your catalogue and FOB prices.\n\nAlso let us know payment terms and MOQ.\n\nRegards,\n{r.choice(FIRST)} {r.choice(LAST)}\nPurchasing Manager\n"
    k = r.random()
    if k < 0.5:
        rt = r_free(r, local, pick(r, "163.com", "126.com", "qq.com", "gmail.com", "outlook.com"))
    elif k < 0.85:
        rt = r_throwaway(
            r,
            f"{pick(r, 'hd', 'xy', 'jl', 'ht', 'ls')}{pick(r, 'tech', 'ind', 'mfg', 'led', 'pcb', 'pack')}{r.randint(1, 999)}.{pick(r, 'com', 'cn', 'com.cn', 'net')}",
            local,
        )
    else:
        rt = r_esp(r, syll_domain(r, ["com", "cn"]), local, rcpt[0], "brevo")
    return plain_msg(
        r,
        rt,
        pick(r, name, f"{name}-{co.split(' Co')[0]}", f"{co}"),
        subj,
        text,
        dt=rdate(r, 8),
        cs=pick(r, "utf-8", "gb2312", "us-ascii") if t != 0 else "utf-8",
    )


def fake_pdf(r: random.Random, lines: Sequence[str]) -> bytes:
    stream = (
        "BT /F1 11 Tf 50 780 Td 14 TL\n"
        + "\n".join(
            f"({ln.encode('latin-1', 'replace').decode('latin-1').replace('(', '[').replace(')', ']')}) '"
            for ln in lines
        )
        + "\nET"
    )
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = "%PDF-1.4\n"
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out.encode("latin-1")))
        out += f"{n} 0 obj\n{o}\nendobj\n"
    x = len(out.encode("latin-1"))
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offs)
    out += (
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /ID [<{rs(r, 32, HEX)}>] >>\nstartxref\n{x}\n%%EOF\n"
    )
    return out.encode("latin-1")


def attach(filename: str, ctype: str, data: bytes) -> Ent:
    return (
        [
            ("Content-Type", f'{ctype}; name="{filename}"'),
            ("Content-Disposition", f'attachment; filename="{filename}"'),
            ("Content-Transfer-Encoding", "base64"),
        ],
        base64.encodebytes(data),
    )


def f_fake_invoice(r: random.Random, i: int) -> bytes:
    t = i % 4
    rcpt = (f"{pick(r, 'accounts', 'info', 'admin', 'webmaster')}@{DOM}", "")
    dt = rdate(r)
    ref = f"{rs(r, 2, 'ABCDEFGHKLMNPRSTUVWXYZ')}-{digits(r, 6)}"
    if t == 0:
        brand = pick(
            r,
            "Domain Services Registry",
            "Web Listing Services",
            "DNS Renewal Center",
            "IE Domain Registry Services",
        )
        dom = word_domain(
            r,
            ["domain", "registry", "dns", "web", "listing", "renewal", "services"],
            ["com", "net", "org", "eu"],
        )
        subj = pick(
            r,
            f"Domain Name Expiration Notice: {DOM}",
            f"FINAL NOTICE: {DOM} will expire",
            f"{DOM} - Search Engine Registration Renewal",
            f"Invoice {ref}: annual renewal {DOM}",
        )
        text = f"DOMAIN NAME: {DOM}\nORDER ID: {ref}\nEXPIRATION DATE: {(dt + timedelta(days=r.randint(2, 9))):%d %b %Y}\n\nAttention: Administrator\n\nYour search engine registration for {DOM} is expiring. Failure to complete your registration by the expiration date may result in the loss of online visibility, making it difficult for customers to find you online.\n\nSecure online payment: {anylink(r, dom, 'renew')}\n\nPlan: {pick(r, '12 months', '1 year')} - {pick(r, '$86.00', '€119.00', '$299.00')}\n\nThis notice is not a bill. This is a solicitation for search engine optimization services. You are under no obligation to pay unless you accept this offer. We do not register or renew domain names.\n"
    elif t == 1:
        brand = pick(
            r,
            "World Trademark Register",
            "European Patent & Trademark Publication",
            "Trademark Publication Office (TMPO)",
            "International Register of Brands",
        )
        dom = word_domain(
            r,
            ["trademark", "register", "patent", "brands", "publication", "ip", "official"],
            ["org", "eu", "com", "net"],
        )
        subj = pick(
            r,
            f"Trademark registration publication - ref {ref}",
            f"Publication of your trademark: {ORG.upper()}",
            f"Invoice {ref} - Trademark Registration Entry",
            "Payment notice: trademark database entry",
        )
        text = f"Reference: {ref}\nApplicant: {ORG}\n\nYour trademark application has been recorded. To ensure publication in the {brand} for a period of 10 years, payment of the publication fee is required.\n\nAmount due: EUR {r.randint(1, 3)},{r.randint(100, 990)}.00\nDue date: {(dt + timedelta(days=8)):%d.%m.%Y}\nIBAN: {pick(r, 'SK', 'CZ', 'HU', 'LV')}{digits(r, 2)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)}\n\nThe publication in our register is a private service and is not connected to any official registration office.\n"
    elif t == 2:
        brand = pick(
            r,
            "European Business Directory",
            "Euro Company Guide",
            "Global Business Register",
            "Construct-Data Directory",
        )
        dom = word_domain(
            r,
            ["euro", "business", "directory", "guide", "register", "company", "data"],
            ["eu", "com", "org", "net"],
        )
        subj = pick(
            r,
            f"Update your company data - {ORG}",
            "Please check and correct your company entry",
            f"{ORG}: free update of your entry",
            "Reminder: correction form not yet returned",
        )
        text = f"Dear Sir/Madam,\n\nTo keep our {brand} up to date, we kindly ask you to check your company details and return the corrected form signed.\n\nCompany: {ORG}\nAddress: 14 Eyre Square, Galway\nActivity: Accountancy\n\nThe update is {pick(r, 'easy', 'quick and simple')}: {anylink(r, dom, 'update')}\n\nBy signing, you place an order for an entry in the {brand} for a period of three years at an annual price of EUR {r.choice([995, 1190, 1271, 1490])} (small print on the form).\n"
    else:
        brand = pick(
            r, "Central Trade Register Services", "Corporate Filings Office", "Business Compliance Bureau"
        )
        dom = word_domain(
            r, ["compliance", "filing", "register", "corporate", "annual", "office"], ["com", "org", "net"]
        )
        subj = pick(
            r,
            "Annual compliance statement - action required",
            f"{ORG}: annual registration due",
            "Notice of required filing",
        )
        text = f"NOTICE OF FILING REQUIREMENT\n\nEntity: {ORG}\nReference: {ref}\n\nOur records indicate that your annual {pick(r, 'compliance certificate', 'business profile', 'beneficial ownership statement')} has not been filed. Complete the enclosed form and pay the processing fee of €{r.choice([95, 150, 245])} to avoid penalties.\n\n{brand} is a private company and not a government agency.\n"
    rt = route_any(
        r, dom, pick(r, "billing", "renewals", "office", "noreply", "info"), rcpt[0], (5, 1, 2, 2, 0)
    )
    tx = leaf("text/plain", text, "utf-8", pick(r, "7bit", "quoted-printable"))
    if r.random() < 0.55:
        pdf = fake_pdf(r, [brand, f"Reference {ref}", ORG, *text.splitlines()[:10]])
        ent = multi(
            r,
            "mixed",
            [
                tx,
                attach(
                    f"{pick(r, 'Invoice', 'Form', 'Notice', 'Renewal')}_{ref}.pdf", "application/pdf", pdf
                ),
            ],
        )
    else:
        ent = tx
    return deliver(r, rt, dt, brand, subj, ent, rcpt)


def f_awards(r: random.Random, i: int) -> bytes:
    t = i % 4
    rcpt = pick_rcpt(r)
    yr = r.choice([2023, 2024, 2025, 2026])
    f, ln = pname(r)
    if t == 0:
        award = pick(
            r,
            "Irish Business Excellence Awards",
            "European SME Leaders Awards",
            "Global Finance Elite Awards",
            "Accountancy Firm of the Year (Connacht)",
        )
        dom = word_domain(
            r,
            ["awards", "excellence", "business", "elite", "leaders", "global", "honours"],
            ["com", "org", "co.uk", "eu"],
        )
        subj = pick(
            r,
            f"Congratulations - {ORG} has been nominated",
            f"{award} {yr}: you are a finalist",
            f"You've been shortlisted - {award}",
            "Winner announcement: please confirm",
        )
        text = f'Dear {rcpt[1] or "Team"},\n\nCongratulations! Following extensive research by our panel, {ORG} has been selected as the winner of the "{pick(r, "Best Accountancy Practice", "Most Trusted Tax Advisor", "Excellence in Client Service")} - {pick(r, "Galway", "West of Ireland", "Ireland")} {yr}" in the {award}.\n\nTo claim your award, please choose one of our winner packages: Digital (€{r.choice([495, 695])}), Trophy + Certificate (€{r.choice([995, 1295])}) or Premium Media Package (€{r.choice([2495, 2995])}).\n\nPlease confirm your package by {pick(r, "Friday", "the end of the month")}.\n\nKind regards,\n{f} {ln}\nAwards Coordinator\n'
    elif t == 1:
        conf = pick(
            r,
            "World Congress on Finance & Accounting",
            "International Conference on Business, Economics and Management",
            "Global Summit on Tax Technology",
            "Euro Business Leaders Forum",
        )
        dom = word_domain(
            r,
            ["conference", "congress", "summit", "scholars", "meet", "global", "forum"],
            ["com", "org", "net"],
        )
        subj = pick(
            r,
            f"Invitation to speak: {conf} {yr}",
            f"Speaker invitation - {conf}",
            f"Call for papers: {conf}",
            "Keynote opportunity in Dubai/Paris",
        )
        text = f"Dear Distinguished Colleague,\n\nOn behalf of the organising committee, it is our pleasure to invite you as a speaker at the {conf}, to be held {pick(r, 'in Paris, France', 'in Dubai, UAE', 'in Rome, Italy', 'virtually')} on {pick(r, 'September', 'October', 'November', 'March')} {r.randint(10, 25)}-{r.randint(26, 28)}, {yr}.\n\nGiven your expertise, we would be honoured to have you deliver a talk. Speaker registration fee: €{r.choice([599, 799, 999])} (includes lunch and certificate).\n\nKindly submit your abstract via {anylink(r, dom, 'abstract')}\n\nSincerely,\n{f} {ln}\nProgram Manager\n"
    elif t == 2:
        mag = pick(
            r,
            "CEO Insight Magazine",
            "Business Leaders Review",
            "Finance Today Europe",
            "Top 10 Firms Monthly",
        )
        dom = word_domain(r, ["ceo", "insight", "review", "leaders", "magazine", "top10"], ["com", "net"])
        subj = pick(
            r,
            f"{ORG} featured in '{mag} Top 10'",
            "Interview request - cover story",
            f"Feature opportunity: {mag}",
        )
        text = f'Hi,\n\nI\'m {f}, senior editor at {mag}. Our editorial board has chosen {ORG} for our upcoming issue "Top 10 Accounting Firms to Watch {yr}".\n\nThe feature includes a 2-page profile, an interview and a digital certificate. There is a small sponsorship contribution of ${r.choice([1499, 2499, 3499])} to cover design and distribution.\n\nCan we schedule a call?\n\n{f} {ln}\n'
    else:
        dom = word_domain(r, ["who", "whos", "registry", "leaders", "biography", "honor"], ["com", "org"])
        subj = pick(
            r,
            "You have been selected for inclusion in Who's Who of Business Professionals",
            "Biography verification request",
            "Congratulations on your selection",
        )
        text = f"Dear Professional,\n\nYou have been selected for inclusion in the {yr} edition of the Premier Registry of Distinguished Professionals. Your profile will be published alongside leaders from across the world.\n\nPlease verify your biography at {anylink(r, dom, 'verify')} . Optional commemorative plaque and lifetime membership packages are available.\n\nRegistrar's Office\n"
    rt = route_any(r, dom, pick(r, "awards", "info", "editor", "invite", f.lower()), rcpt[0], (3, 1, 3, 1, 2))
    return plain_msg(
        r, rt, pick(r, f"{f} {ln}", "Awards Committee", "Organising Committee", "Editorial Board"), subj, text
    )


def f_charity(r: random.Random, i: int) -> bytes:
    t = i % 4
    rcpt = pick_rcpt(r)
    if t == 0:
        place = pick(r, "Gaza", "Ukraine", "Türkiye and Syria", "Morocco", "Libya", "Sudan", "Myanmar")
        subj = pick(
            r,
            f"URGENT: children in {place} need your help tonight",
            f"Emergency appeal: {place}",
            f"{place} - every €10 feeds a family",
            "🙏 They have nothing left",
        )
        paras = [
            f"The crisis in {place} is worsening by the hour. Families have lost everything - homes, food, clean water.",
            f"A gift of €{r.choice([10, 25, 50])} provides emergency food and medicine for a family for a week.",
            pick(
                r,
                "Donations in Bitcoin, USDT and Ethereum are accepted.",
                "100% of your gift goes to families in need.",
            ),
        ]
        name = pick(
            r,
            "Hope Relief International",
            "Children First Aid Network",
            "Global Mercy Appeal",
            "Humanity Bridge Foundation",
        )
    elif t == 1:
        subj = pick(
            r, "Please help Lily fight cancer", "A mother's last request", "Please help us bring Jamie home"
        )
        name = f"{r.choice(FIRST)} {r.choice(LAST)}"
        paras = [
            f"My name is {name.split(' ')[0]} and my {pick(r, 'daughter', 'son', 'husband')} has been diagnosed with a rare form of cancer. The treatment abroad costs €{r.randint(80, 300)},000.",
            "We have sold our car and our home. We are asking strangers for any help they can give.",
            "God bless you for reading this.",
        ]
    elif t == 2:
        subj = pick(
            r,
            "Sponsor a child for €1 a day",
            "Your donation will be tripled until midnight",
            "Christmas appeal: give a warm meal",
        )
        paras = [
            "For just €1 a day you can give a child food, school and hope.",
            f"A generous donor will {pick(r, 'double', 'triple')} every gift made before midnight.",
            "Your gift is tax deductible.",
        ]
        name = pick(r, "Little Lights Foundation", "Warm Meals Trust", "Orphan Care Worldwide")
    else:
        subj = pick(
            r,
            "Wildfire relief fund - donate now",
            "Flood victims urgently need help",
            "Earthquake emergency - give today",
        )
        paras = [
            f"Thousands of families have been displaced by the {pick(r, 'wildfires', 'floods', 'earthquake')}.",
            "Your donation provides shelter, blankets and emergency supplies.",
            f"Donate via PayPal or crypto: {rs(r, 1, '13')}{rs(r, 33, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ123456789')}",
        ]
        name = pick(r, "Disaster Response Fund", "Red Relief Network", "Emergency Aid Alliance")
    dom = (
        syll_domain(r)
        if r.random() < 0.5
        else word_domain(
            r, ["hope", "relief", "aid", "mercy", "children", "help", "care", "giving"], ["org", "com", "net"]
        )
    )
    if t == 1:
        rt = r_free(r, f"{name.split(' ')[0].lower()}{rs(r, 3, LOWER)}")
        return plain_msg(
            r,
            rt,
            name,
            subj,
            "Hello,\n\n"
            + "\n\n".join(paras)
            + f"\n\nGoFundMe page: https://gofund.me/{rs(r, 8, HEX)}\n\n{name}\n",
        )
    rt = route_any(r, dom, pick(r, "donate", "appeal", "info", "help"), rcpt[0], (4, 2, 3, 1, 0))
    return simple(
        r, rt, name, subj, paras, anylink(r, dom, "donate"), pick(r, "Donate now", "Give today", "Help now")
    )


def f_romance(r: random.Random, i: int) -> bytes:
    t = i % 4
    girl = pick(r, "Natalia", "Elena", "Jennifer", "Irina", "Amina", "Grace", "Svetlana", "Linda")
    local = f"{girl.lower()}{pick(r, '', '.', '_')}{pick(r, rs(r, 3, LOWER), str(r.randint(80, 99)), 'love', 'sweet')}"
    if t == 0:
        subj = pick(r, "Hello dear", "hi", "Hello my dear friend", "Greetings", "Can we be friends?")
        text = f"Hello dear,\n\nHow are you today? My name is {girl}, I am {r.randint(26, 38)} years old. I saw your email and I decided to write to you. I hope you don't mind.\n\nI am looking for a kind man for serious relationship. I am from {pick(r, 'Ukraine', 'Russia', 'Belarus', 'Kazakhstan')}, I work as a {pick(r, 'nurse', 'teacher', 'accountant')}. If you want to know more about me and see my photos please write me back to my private email {girl.lower()}{r.randint(1980, 1999)}@{pick(r, 'mail.ru', 'gmail.com', 'yandex.com')}\n\nI will wait for your answer.\n{girl}\n"
    elif t == 1:
        subj = pick(r, "Please I need your help", "I am Sgt. " + r.choice(LAST), "From a US soldier in Syria")
        text = f"Hello,\n\nI am Sergeant {r.choice(FIRST)} {r.choice(LAST)}, a US Army officer currently on a peacekeeping mission in {pick(r, 'Syria', 'Yemen', 'Afghanistan')}. I am a widower with one daughter.\n\nI am looking for an honest and trustworthy person to talk with and share my life. I also have a small business proposal that I will discuss once I trust you.\n\nReply me if you are interested.\n"
    elif t == 2:
        subj = pick(r, "I saw your profile", "Is this still your email?", "Remember me?")
        text = f"Hi handsome,\n\nI'm {girl}. I think we talked before on {pick(r, 'Facebook', 'Instagram', 'a dating site')}? I lost my phone and only have your email. Write me back if you remember me :)\n\nKisses,\n{girl}\n"
    else:
        subj = pick(r, "Hello, wrong number?", "Are you free for coffee this week?", "Long time no see")
        text = f"Hi, is this {pick(r, 'David', 'Michael', 'Mr. Chen', 'Tom')}? My aunt gave me your email, she said you were looking for a {pick(r, 'golf partner', 'wine tasting friend', 'investment mentor')}. My name is {girl}, I live in {pick(r, 'Hong Kong', 'Singapore', 'London', 'Dublin')} and work in {pick(r, 'fashion', 'finance', 'crypto trading')}.\n\nSorry if I have the wrong person! 😊 Maybe we can still be friends?\n\n{girl}\n"
    rt = (
        r_free(r, local, pick(r, "gmail.com", "outlook.com", "yahoo.com", "mail.ru", "hotmail.com"))
        if r.random() < 0.75
        else r_hacked(r)
    )
    rto = (
        f"{girl.lower()}{rs(r, 4, LOWER)}@{pick(r, 'mail.ru', 'gmail.com', 'outlook.com', 'yandex.com')}"
        if r.random() < 0.4
        else ""
    )
    return plain_msg(r, rt, girl, subj, text, reply_to=rto, htm=r.random() < 0.3)


def f_advance_fee(r: random.Random, i: int) -> bytes:
    t = i % 6
    rcpt = pick_rcpt(r)
    f, ln = pname(r)
    amt = f"{pick(r, 'US$', 'EUR', 'GBP', '$')}{r.randint(3, 28)},{r.randint(100, 900)},000.00"
    if t == 0:
        subj = pick(
            r,
            "Inheritance claim - your late relative",
            "Re: Estate of late "
            + f"{r.choice(FIRST)} {rcpt[1].split(' ')[-1] if rcpt[1] else r.choice(LAST)}",
            "Confidential: next of kin",
            "Unclaimed deposit",
        )
        text = f"Dear Friend,\n\nI am Barrister {f} {ln}, a solicitor based in {pick(r, 'Lome, Togo', 'Accra, Ghana', 'London', 'Madrid')}. I am writing to you regarding my late client, an engineer who died in a car accident with his wife and only daughter in {r.randint(2015, 2021)}, leaving a deposit of {amt} with a bank here.\n\nAfter several unsuccessful attempts to locate his relatives, I am contacting you because you share the same surname/nationality. I propose to present you as the next of kin so that the funds can be released to you. We will share the proceeds 50/50.\n\nThis transaction is 100% risk free. Please reply with your full name, telephone number and address.\n\nBarrister {f} {ln} (Esq.)\n"
    elif t == 1:
        subj = pick(
            r,
            "UN COVID-19 COMPENSATION FUND PAYMENT",
            "United Nations Compensation Unit - your payment file",
            "ATM CARD PAYMENT NOTIFICATION",
            "Your compensation fund has been approved",
        )
        text = f"ATTENTION: BENEFICIARY,\n\nThis is to inform you that the United Nations in conjunction with the {pick(r, 'World Bank', 'IMF', 'European Union')} has approved the sum of {amt} as compensation to victims of scams and the pandemic. Your email was selected among the beneficiaries.\n\nYour payment has been loaded on an ATM CARD and will be delivered by courier. Contact the payment director below with your full name, address, phone number and a copy of your ID.\n\nDirector: Dr. {f} {ln}\nEmail: {f.lower()}.unpayment@{pick(r, 'gmail.com', 'outlook.com', 'aol.com')}\n\nNote: pay only the delivery fee of $175.\n"
    elif t == 2:
        subj = pick(
            r,
            "YOUR EMAIL HAS WON",
            "Congratulations Winner!!!",
            "Microsoft/Google Lottery Award Notification",
            "Official winning notification",
        )
        text = f"CONGRATULATIONS!!!\n\nYour email address has won {amt} in the {pick(r, 'Euro-Millions International Email Draw', 'Google Anniversary Promotion', 'Coca-Cola Online Lottery', 'Microsoft Windows Award')} held on {rdate(r):%d/%m/%Y}.\n\nWinning number: {digits(r, 3)}-{digits(r, 5)}-{digits(r, 2)}\nBatch: {rs(r, 2, 'ABCDEFGHJK')}/{digits(r, 4)}/{digits(r, 2)}\n\nTo claim, contact our claims agent with: full name, address, age, occupation, phone number.\n\nClaims agent: {f} {ln}\n"
    elif t == 3:
        subj = pick(
            r,
            "Business proposal",
            "Partnership",
            "Strictly confidential",
            "Request for cooperation",
            "Reply urgently",
        )
        text = f"Good day,\n\nI am {f} {ln}, {pick(r, 'a senior auditor', 'the head of accounts', 'a director')} with {pick(r, 'a bank in Dubai', 'an oil company in Nigeria', 'a bank in Hong Kong', 'a mining firm in South Africa')}. During our last audit I discovered a dormant account of {amt} belonging to a foreign client who died without any heir.\n\nI need a trustworthy foreign partner to stand as beneficiary. You will receive 40% of the total sum.\n\nIf you are interested, reply to my private email for more details.\n\nRegards,\n{f} {ln}\n"
    elif t == 4:
        subj = pick(
            r,
            "Donation for you",
            "I have a donation of €1,500,000.00 for you",
            "Charity donation from a lottery winner",
        )
        text = f"Hello,\n\nI am {f} {ln}, winner of the {pick(r, '€', '$')}{r.randint(200, 700)} million {pick(r, 'Powerball', 'EuroMillions')} jackpot. I am donating part of my winnings to randomly selected people to help them. Your email was selected.\n\nPlease reply to claim your donation of {amt}.\n\nBest wishes,\n{f}\n"
    else:
        subj = pick(r, "Greetings from the widow", "Please read my letter", "My last wish")
        text = f"Dearest,\n\nI am Mrs. {f} {ln}, a widow suffering from long-term cancer. My late husband left {amt} in a fixed deposit. My doctor says I have a few months to live and I want the money to go to charity through an honest person.\n\nI will give you 30% for your effort. Please reply so I can give you the bank contact.\n\nRemain blessed,\nMrs. {f} {ln}\n"
    rt = (
        r_free(
            r,
            f"{f.lower()}{ln.lower()}{r.randint(1, 99)}",
            pick(r, "gmail.com", "outlook.com", "yahoo.com", "aol.com", "hotmail.com"),
        )
        if r.random() < 0.55
        else (
            r_hacked(r)
            if r.random() < 0.6
            else r_bot(r, f"{pick(r, 'info', 'admin', 'office')}@{syll_domain(r)}")
        )
    )
    rto = (
        f"{f.lower()}.{ln.lower()}{r.randint(1, 99)}@{pick(r, 'gmail.com', 'outlook.com', 'aol.com', 'proton.me', 'mail.com')}"
        if r.random() < 0.65
        else ""
    )
    if r.random() < 0.3:
        text = text.upper()
    return plain_msg(
        r,
        rt,
        pick(r, f"{f} {ln}", f"Barr. {f} {ln}", "Claims Department", "UNITED NATIONS", f"Mrs. {f} {ln}"),
        subj,
        text,
        reply_to=rto,
        to_mode=pick(r, "bcc", "undisclosed", "to"),
        htm=r.random() < 0.25,
        cs=pick(r, "utf-8", "us-ascii", "iso-8859-1"),
    )


SEXT = {
    "en": (
        "I know everything about you",
        "Hello!\n\nI have very bad news for you. {months} months ago I got access to the device you use to browse the internet. After that I started tracking your internet activity.\n\nYour device was infected with my trojan when you visited one of the adult websites. I recorded a video of you via your camera while you were watching. I also have all your contacts.\n\nIf you want me to delete this data, transfer {amount} (USD) in Bitcoin to my wallet:\n\n{btc}\n\nYou have 48 hours from the moment you opened this email. I can see when you read it. If I don't receive the payment, the video will be sent to all your contacts and colleagues.\n\nDon't try to reply, this address was generated automatically. Going to the police is useless.\n",
    ),
    "de": (
        "Ich weiß alles über Sie",
        "Hallo!\n\nIch habe schlechte Nachrichten für Sie. Vor {months} Monaten habe ich Zugriff auf das Gerät erhalten, mit dem Sie im Internet surfen.\n\nIhr Gerät wurde mit meinem Trojaner infiziert, als Sie eine Erwachsenen-Website besucht haben. Ich habe ein Video von Ihnen über Ihre Kamera aufgenommen.\n\nWenn Sie möchten, dass ich die Daten lösche, überweisen Sie {amount} USD in Bitcoin an meine Wallet:\n\n{btc}\n\nSie haben 48 Stunden Zeit. Andernfalls wird das Video an alle Ihre Kontakte gesendet.\n",
    ),
    "fr": (
        "Je sais tout sur vous",
        "Bonjour !\n\nJ'ai de mauvaises nouvelles pour vous. Il y a {months} mois, j'ai obtenu l'accès à l'appareil que vous utilisez pour naviguer sur Internet.\n\nVotre appareil a été infecté par mon cheval de Troie lorsque vous avez visité un site pour adultes. J'ai enregistré une vidéo de vous grâce à votre caméra.\n\nSi vous voulez que je supprime ces données, transférez {amount} USD en Bitcoin sur mon portefeuille :\n\n{btc}\n\nVous avez 48 heures. Sinon, la vidéo sera envoyée à tous vos contacts.\n",
    ),
    "es": (
        "Lo sé todo sobre usted",
        "¡Hola!\n\nTengo malas noticias para usted. Hace {months} meses obtuve acceso al dispositivo que utiliza para navegar por Internet.\n\nSu dispositivo fue infectado con mi troyano cuando visitó un sitio web para adultos. Grabé un vídeo suyo con su cámara.\n\nSi quiere que borre estos datos, transfiera {amount} USD en Bitcoin a mi billetera:\n\n{btc}\n\nTiene 48 horas. De lo contrario, el vídeo se enviará a todos sus contactos.\n",
    ),
    "it": (
        "So tutto di te",
        "Ciao!\n\nHo brutte notizie per te. {months} mesi fa ho ottenuto l'accesso al dispositivo che usi per navigare in Internet.\n\nIl tuo dispositivo è stato infettato dal mio trojan quando hai visitato un sito per adulti. Ho registrato un video di te tramite la tua webcam.\n\nSe vuoi che cancelli questi dati, trasferisci {amount} USD in Bitcoin al mio portafoglio:\n\n{btc}\n\nHai 48 ore. Altrimenti il video sarà inviato a tutti i tuoi contatti.\n",
    ),
}


def btc_addr(r: random.Random) -> str:
    if r.random() < 0.6:
        return "bc1q" + rs(r, 38, "023456789acdefghjklmnpqrstuvwxyz")
    return r.choice("13") + rs(r, 33, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")


def f_sextortion(r: random.Random, i: int) -> bytes:
    lang = ["en", "en", "de", "fr", "es", "it", "en", "de"][i % 8]
    rcpt = pick_rcpt(r)
    subj0, text = SEXT[lang]
    text = text.format(
        months=r.randint(2, 6), amount=r.choice([950, 1200, 1450, 1650, 2000]), btc=btc_addr(r)
    )
    pw = f"{pick(r, 'galway', 'summer', 'Password', 'ledger', 'qwerty')}{r.randint(1, 2024)}"
    if lang == "en" and r.random() < 0.5:
        text = f"I know that {pw} is one of your passwords.\n\n" + text
        subj = pick(
            r,
            f"{rcpt[0]}: {pw}",
            "Your account has been hacked",
            subj0,
            f"Payment required: {rs(r, 6, UHEX)}",
        )
    else:
        subj = pick(r, subj0, f"{rcpt[0]}", f"{subj0} #{digits(r, 6)}")
    if r.random() < 0.4:
        text = zw(r, text)
    k = r.random()
    if k < 0.5:
        rt = r_spoof(r, rcpt[0])  # "sent from your own account"; the practice publishes p=none
        rt.dmarc, rt.policy = "fail", "none"
        frm = pick(r, "", rcpt[1] or rcpt[0].split("@")[0])
    elif k < 0.8:
        rt = r_bot(r, f"{rs(r, 8, LOWER)}@{syll_domain(r)}")
        frm = pick(r, "", "Hacker", "Anonymous")
    else:
        rt = r_hacked(r)
        frm = ""
    cs = "utf-8" if lang in ("en",) or r.random() < 0.5 else pick(r, "iso-8859-1", "windows-1252")
    ent = body(r, text, None, cs, "text")
    if r.random() < 0.3:
        h = "<html><body>" + "".join(f"<p>{esc(p)}</p>" for p in text.split("\n\n")) + "</body></html>"
        ent = body(r, text, h, "utf-8", "html")
    return deliver(r, rt, rdate(r), frm, subj, ent, rcpt, to_mode="to", name_cs=cs, subj_cs=cs)


def f_shop_news(r: random.Random, i: int) -> bytes:
    rcpt = pick_rcpt(r)
    shop = pick(
        r,
        "Wildflower Candle Co.",
        "The Tea Nook",
        "Bramble & Oak Furniture",
        "North Shore Fishing Tackle",
        "Little Acorn Baby Boutique",
        "Velo Parts Direct",
        "Harbour Vape Supplies",
        "Copperleaf Jewellery",
        "Bulk Printer Ink UK",
    )
    base = shop.lower().removesuffix(" co.").replace(" & ", "and").replace(" ", "")[:16]
    dom = f"{base}{pick(r, '-hq', '-store', '-shop', '-online')}{pick(r, '.co.uk', '.com', '.ie', '.com.au')}"
    subj = pick(
        r,
        f"{pick(r, '🎄', '🛍️', '🔥', '✨', '')} {pick(r, 'Black Friday', 'Summer Sale', 'Flash Sale', 'Spring Clearance', 'New arrivals')}: up to {r.randint(20, 70)}% off".strip(),
        f"Welcome to the {shop} family!",
        "Last chance - free shipping ends tonight",
        f"{pick(r, 'Our', 'The')} {pick(r, 'autumn', 'winter', 'spring')} collection is here",
        "We miss you! Here's 15% off",
    )
    paras = [
        "Hi there,",
        f"Thanks for being part of the {shop} community! {pick(r, 'Our biggest sale of the year is on.', 'We have just restocked our best sellers.', 'Here is a little treat for you.')}",
        f"Use code {rs(r, 4, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{r.randint(10, 50)} at checkout for {r.randint(10, 30)}% off everything.",
        f"You are receiving this email because you {pick(r, 'subscribed on our website', 'made a purchase', 'entered our giveaway')}.",
    ]
    esp = pick(r, "mailchimp", "brevo", "sendgrid", "mailjet")
    rt = r_esp(r, dom, pick(r, "hello", "shop", "news", "info"), rcpt[0], esp)
    return simple(
        r,
        rt,
        shop,
        subj,
        paras,
        f"https://{dom}/{pick(r, 'collections/sale', 'shop', 'new-in')}?utm_source={esp}&utm_medium=email&utm_campaign={rs(r, 8, LOWER)}",
        pick(r, "Shop now", "Shop the sale", "Browse"),
        unsub=True,
        img_only=r.random() < 0.2,
        to_mode=pick(r, "to", "to", "toname"),
    )


def f_political(r: random.Random, i: int) -> bytes:
    t = i % 4
    rcpt = pick_rcpt(r)
    if t == 0:
        name = pick(r, "Patriots for Freedom PAC", "Save Our Nation Fund", "Grassroots Victory Committee")
        dom = word_domain(
            r, ["patriot", "freedom", "victory", "nation", "vote", "action", "pac"], ["com", "org", "us"]
        )
        subj = pick(
            r,
            "URGENT: 5X MATCH EXPIRES AT MIDNIGHT",
            "We've been trying to reach you",
            "You're on the list. Respond immediately.",
            "FINAL NOTICE: membership lapsed",
            "Official 2026 Survey - response required",
        )
        paras = [
            "Patriot, we've noticed you haven't responded yet. The other side just raised RECORD amounts and we are falling behind.",
            f"If you chip in ${r.choice([5, 10, 25])} in the next hour, a generous supporter will MATCH it 500%.",
            "Please, don't let us down.",
        ]
        cta = "Rush $25 now"
    elif t == 1:
        name = pick(
            r, "Citizens for Honest Government", "Irish Sovereignty Movement", "Stop the Globalists Campaign"
        )
        dom = syll_domain(r)
        subj = pick(
            r,
            "Sign the petition before it's too late",
            "They don't want you to read this",
            "The truth the media is hiding",
        )
        paras = [
            "The government is about to pass a law that will change everything - and they don't want you to know.",
            "Over 180,000 people have already signed. Add your name now.",
            "Forward this to everyone you know.",
        ]
        cta = "Sign the petition"
    elif t == 2:
        name = pick(
            r,
            "Pastor " + r.choice(FIRST) + " " + r.choice(LAST),
            "Voice of Prophecy Ministry",
            "Living Waters Fellowship",
        )
        dom = word_domain(
            r,
            ["faith", "grace", "prophecy", "living", "blessing", "ministry", "prayer"],
            ["org", "com", "net"],
        )
        subj = pick(
            r,
            "A prophetic word for you today",
            "God has not forgotten you",
            "Your prayer request has been received",
            "🙏 Seed of faith - a blessing is coming",
        )
        paras = [
            "Beloved, the Lord laid your name on my heart during prayer this morning.",
            f"I believe a breakthrough is coming in your {pick(r, 'finances', 'health', 'family')} within 7 days. Sow a seed of faith of ${r.choice([27, 58, 77, 100])} to release your blessing.",
            "Reply with your prayer request and I will pray over it personally.",
        ]
        cta = "Sow my seed"
    else:
        name = pick(r, "End Times Watch", "Daily Bible Truth", "The Awakening Newsletter")
        dom = syll_domain(r)
        subj = pick(
            r,
            "Are you ready for what's coming?",
            "The sign everyone missed",
            "Bible prophecy is being fulfilled now",
        )
        paras = [
            "The signs are all around us. Wars, earthquakes, pestilence - just as scripture foretold.",
            "Watch this short video before it's censored.",
            salad(r, 12),
        ]
        cta = "Watch the video"
    rt = route_any(r, dom, pick(r, "info", "team", "action", "pastor", "news"), rcpt[0], (3, 1, 4, 1, 1))
    return simple(r, rt, name, subj, paras, anylink(r, dom, pick(r, "donate", "sign", "pray")), cta)


def f_crypto(r: random.Random, i: int) -> bytes:
    t = i % 4
    rcpt = pick_rcpt(r)
    tok = pick(r, "$NOVA", "$PEPE2", "$ORBX", "$MOONCAT", "$AIDOGE", "$QNTX", "$SOLFI")
    dom = syll_domain(r, ["io", "xyz", "app", "finance", "network", "ai", "top"])
    if t == 0:
        subj = pick(
            r,
            f"🚀 {tok} presale is LIVE - 100x potential",
            f"Last stage of {tok} presale: price increases in 12h",
            f"Whitelist confirmed: {tok} airdrop",
        )
        paras = [
            f"{tok} presale is now live! Over ${r.randint(2, 19)}.{r.randint(1, 9)}M raised already.",
            f"Early buyers get a {r.randint(20, 60)}% bonus and staking APY of {r.randint(200, 2000)}%.",
            "Listing on major exchanges confirmed for next month.",
        ]
        cta = "Buy presale"
    elif t == 1:
        coll = pick(r, "Bored Penguins", "Cyber Samurai", "Pixel Punks Genesis", "Meta Lions Club")
        subj = pick(
            r,
            f"You're eligible: free {coll} NFT mint",
            f"{coll} - 1 free mint reserved for your wallet",
            "Claim your NFT airdrop before it expires",
        )
        paras = [
            f"Congratulations! Your wallet has been selected for a free {coll} NFT mint. Floor price: {r.randint(1, 9)}.{r.randint(1, 99)} ETH.",
            "Connect your wallet to claim. Only gas fees apply.",
            "Unclaimed NFTs will be burned in 48 hours.",
        ]
        cta = "Connect wallet & mint"
    elif t == 2:
        subj = pick(
            r,
            f"Airdrop: 2,500 {tok} credited",
            "Your USDT reward is pending",
            f"{tok} - claim your allocation",
        )
        paras = [
            f"Your {pick(r, 'MetaMask', 'Trust Wallet', 'Phantom')} address has been allocated {r.randint(500, 5000):,} {tok} tokens as part of our community airdrop.",
            "Verify your wallet to receive your tokens.",
            f"Campaign ID: {rs(r, 12, UHEX)}",
        ]
        cta = "Claim airdrop"
    else:
        subj = pick(
            r,
            "This AI trading bot made 37% last week",
            "Copy our crypto signals - 94% win rate",
            "Join our private Telegram: next 50x gem",
        )
        paras = [
            f"Our {pick(r, 'AI bot', 'signals group', 'whale tracker')} called the last {r.randint(5, 12)} pumps in a row.",
            "Join free for 7 days - limited seats.",
            "Not financial advice.",
        ]
        cta = "Join now"
    rt = route_any(r, dom, pick(r, "team", "airdrop", "presale", "hello"), rcpt[0], (3, 2, 3, 1, 0))
    return simple(
        r,
        rt,
        pick(r, f"{tok[1:]} Team", tok, "Crypto Alerts", "Airdrop Bot"),
        subj,
        paras,
        anylink(r, dom, pick(r, "claim", "mint", "presale")),
        cta,
        img_only=r.random() < 0.2,
    )


PLAN: list[tuple[str, Builder, int]] = [
    ("health-supplements", f_health, 13),
    ("insurance-plans", f_insurance, 10),
    ("home-warranty-energy", f_home, 12),
    ("celebrity-investment", f_investment, 10),
    ("casino-betting-lottery", f_casino, 10),
    ("dating-adult", f_dating, 9),
    ("loyalty-prize", f_loyalty, 28),
    ("parcel-customs", f_parcel, 18),
    ("survey-rewards", f_survey, 12),
    ("debt-loans-grants", f_debt_loans, 10),
    ("jobs-mule", f_jobs, 10),
    ("seo-web-leads", f_seo_web, 12),
    ("b2b-supplier", f_b2b, 10),
    ("fake-invoices", f_fake_invoice, 9),
    ("awards-conferences", f_awards, 8),
    ("charity-appeals", f_charity, 7),
    ("romance-hello", f_romance, 8),
    ("advance-fee", f_advance_fee, 11),
    ("sextortion", f_sextortion, 8),
    ("shop-newsletters", f_shop_news, 7),
    ("political-religious", f_political, 6),
    ("crypto-nft", f_crypto, 7),
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
        print(f"{fam:24} {counts.get(fam, 0):4}")
    print(f"{'total':24} {len(msgs):4}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in msgs:
            (args.out / f"{name}.eml").write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
