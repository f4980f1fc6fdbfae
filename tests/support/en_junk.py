"""Unsolicited marketing spam and scam offers (2023-2026) as the MX of a small US dental practice
receives them from strangers.

The receiving organisation is Northfield Dental Group (``northfield-dental.com``); every message is
a whole RFC 5322 message as it sits in a mailbox after ``mx.northfield-dental.com`` has added its
``Received`` and ``Authentication-Results`` headers. ``messages(split, seed)`` returns
``(name, bytes)`` pairs; only the ``test`` split exists (``dev`` is empty).

Families: health-plan / Medicare / dental / life-insurance offers under invented brands, car and home
warranty, diet pills / keto gummies / CBD / potency / hair-loss / miracle cures, casino, betting and
lottery, dating and adult-dating lures, prize and "mystery box" loyalty rewards that name big shop
brands (in English and in Dutch, German, Spanish, Portuguese, French and Italian), survey rewards,
solar / heat-pump / roofing / gutter offers, loans and debt relief, crypto and "AI trading"
platforms, SEO / web-design / guest-post pitches, fake directory-listing and domain-renewal
invoices, antivirus-renewal tech-support scams with a phone number, work-from-home and job offers,
inheritance / beneficiary / charity advance-fee letters, sextortion, counterfeit goods and online
pharmacies, and newsletters of small shops sent without consent.

Senders are throwaway and randomly named domains (look-alikes, compound brand names, cheap TLDs),
hacked small-business sites, abused bulk-mail accounts and free mail; authentication results vary
as they do in practice (many spammers pass SPF and DKIM for their own domain). The set was written
from general knowledge of real-world junk mail, blind to any analyser.

``python -m tests.support.en_junk [--seed N] [--out DIR]`` prints the counts per family and writes
``DIR/*.eml``. Every person, company, phone number, wallet, URL path and domain other than
well-known brands named in the scam text is invented; brands are never the sending domain, and no
domain is resolved.
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

ORG = "Northfield Dental Group"
DOM = "northfield-dental.com"
MX = "mx.northfield-dental.com"
MX_IP = "203.0.113.25"

ALNUM = string.ascii_letters + string.digits
LOWER = string.ascii_lowercase + string.digits
ALPHA = string.ascii_lowercase
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"
URLSAFE = ALNUM + "-_"
BECH = "023456789acdefghjklmnpqrstuvwxyz"

# mailboxes at the practice: (display name, address); role accounts receive most spam
RCPTS = [
    ("", f"info@{DOM}"),
    ("", f"info@{DOM}"),
    ("", f"office@{DOM}"),
    ("", f"frontdesk@{DOM}"),
    ("", f"billing@{DOM}"),
    ("", f"appointments@{DOM}"),
    ("", f"webmaster@{DOM}"),
    ("", f"careers@{DOM}"),
    ("Miriam Eastwood", f"meastwood@{DOM}"),
    ("Carlos Ibarra", f"cibarra@{DOM}"),
    ("Jenna Koval", f"jkoval@{DOM}"),
    ("Priscilla Noor", f"pnoor@{DOM}"),
    ("Owen Thackeray", f"othackeray@{DOM}"),
]
FIRST_OF = {
    "meastwood": "Miriam",
    "cibarra": "Carlos",
    "jkoval": "Jenna",
    "pnoor": "Priscilla",
    "othackeray": "Owen",
}

FIRST = [
    "James",
    "Linda",
    "Robert",
    "Karen",
    "Michael",
    "Susan",
    "David",
    "Nancy",
    "Kevin",
    "Brenda",
    "Jason",
    "Amanda",
    "Eric",
    "Melissa",
    "Ryan",
    "Stephanie",
    "Gary",
    "Heather",
    "Scott",
    "Tiffany",
    "Mark",
    "Ashley",
    "Derek",
    "Crystal",
    "Travis",
    "Vanessa",
    "Wesley",
    "Monique",
    "Curtis",
    "Allison",
]
LAST = [
    "Hollister",
    "Brandt",
    "Caldwell",
    "Quarles",
    "Pellham",
    "Fenwick",
    "Garrison",
    "Hargrove",
    "Kessler",
    "Lockhart",
    "Wexford",
    "Norwood",
    "Pendleton",
    "Radcliffe",
    "Sutter",
    "Thornbury",
    "Oakridge",
    "Whitmore",
    "Ashby",
    "Blackwell",
    "Corbin",
    "Dunbar",
    "Easton",
    "Forsythe",
    "Granger",
    "Holloway",
    "Ingalls",
    "Jessup",
]
WOMEN = [
    "Anna",
    "Katya",
    "Olivia",
    "Jessica",
    "Natalie",
    "Sofia",
    "Emily",
    "Mia",
    "Veronika",
    "Chloe",
    "Alina",
    "Brittany",
    "Daria",
    "Kimberly",
    "Lena",
    "Marissa",
    "Nikki",
    "Tara",
    "Yulia",
    "Zoe",
]
SEO_NAMES = [
    "Ankita Bhardwaj",
    "Nitin Kashyap",
    "Simran Dhillon",
    "Vivek Rathore",
    "Kavya Menon",
    "Harsh Tiwari",
    "Megha Saxena",
    "Aditya Chauhan",
    "Riya Kapoor",
    "Tarun Bansal",
    "Jessica Millbrook",
    "Kevin Ashford",
    "Emma Whitlow",
    "Ravi Pathania",
    "Sneha Kulkarni",
    "Sarah Dunmore",
]

ADJ = [
    "bright",
    "prime",
    "swift",
    "daily",
    "smart",
    "green",
    "blue",
    "alpha",
    "nova",
    "zen",
    "vital",
    "pure",
    "peak",
    "true",
    "royal",
    "golden",
    "rapid",
    "clear",
    "happy",
    "lucky",
    "urban",
    "silver",
    "fresh",
    "next",
    "bold",
    "solid",
    "first",
    "star",
    "magic",
    "epic",
    "cozy",
    "noble",
    "quick",
    "wise",
    "sunny",
    "open",
]
NOUN = [
    "deals",
    "offers",
    "health",
    "benefit",
    "rewards",
    "hub",
    "zone",
    "path",
    "link",
    "wave",
    "spark",
    "nest",
    "leaf",
    "ridge",
    "point",
    "line",
    "gate",
    "mart",
    "club",
    "plus",
    "flow",
    "box",
    "loop",
    "base",
    "bay",
    "field",
    "core",
    "shift",
    "trend",
    "vista",
    "orbit",
    "pulse",
    "haven",
    "forge",
    "grove",
    "quest",
]
CHEAP_TLD = [
    "xyz",
    "top",
    "shop",
    "click",
    "online",
    "site",
    "info",
    "live",
    "icu",
    "sbs",
    "cfd",
    "buzz",
    "rest",
    "quest",
    "lol",
    "bond",
    "cyou",
    "fun",
    "store",
    "pro",
    "today",
    "life",
    "space",
    "website",
    "monster",
]
COMMON_TLD = ["com", "com", "com", "net", "us", "biz", "co", "org", "io"]
HACKED = [
    "hollowcreekfarmstand.com",
    "kesslerchiropracticwi.com",
    "marinasdaycare-tx.org",
    "tiendaelsolmx.com",
    "autoteile-kruegermann.de",
    "pousadaverdemar-ba.com.br",
    "studiolegalerinaldi-bo.it",
    "bakkerijdevriesdoorn.nl",
    "stmarksyouthsoccer-oh.org",
    "lakesidepotteryworks.com",
    "brennanplumbingco.net",
    "oakhavenvet.com",
    "cafe-lumiere-lyon.fr",
    "hoteldelmarrosarito.com",
    "greenvalleyrotary.org",
    "tallgrassquilts.com",
    "pinecrestdentallab.net",
    "sunnyside-academy.co.za",
    "fotostudio-helm.de",
    "agroindustrialsantarita.com.ar",
]
SHORT = [
    "bit.ly",
    "tinyurl.com",
    "rb.gy",
    "cutt.ly",
    "is.gd",
    "shorturl.at",
    "t.ly",
    "s.id",
    "ow.ly",
    "tiny.cc",
]
STREETS = [
    "Commerce Pkwy Ste 300",
    "W Sahara Ave #1142",
    "Corporate Circle Suite 410",
    "N Federal Hwy #220",
    "Industrial Blvd Unit B",
    "Executive Dr Suite 175",
    "Lakeshore Rd #9",
    "Market St PMB 5521",
    "Sunset Blvd #4417",
    "Meadowbrook Ln Ste 12",
]
CITYS = [
    ("Henderson", "NV", "89074"),
    ("Sheridan", "WY", "82801"),
    ("Boca Raton", "FL", "33431"),
    ("Dover", "DE", "19904"),
    ("Scottsdale", "AZ", "85251"),
    ("Irvine", "CA", "92618"),
    ("Plano", "TX", "75024"),
    ("Provo", "UT", "84604"),
    ("Tampa", "FL", "33602"),
    ("Cheyenne", "WY", "82001"),
]


def rs(r: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def digits(r: random.Random, n: int) -> str:
    return str(r.randint(1, 9)) + "".join(r.choice("0123456789") for _ in range(n - 1))


def pick(r: random.Random, *opts):
    return r.choice(opts)


def pname(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def phone(r: random.Random, tollfree: bool = True) -> str:
    area = (
        r.choice(["800", "833", "844", "855", "866", "877", "888"]) if tollfree else str(r.randint(201, 989))
    )
    fmt = r.randrange(4)
    n = f"{r.randint(0, 99):02d}"
    if fmt == 0:
        return f"1-{area}-555-01{n}"
    if fmt == 1:
        return f"+1 ({area}) 555-01{n}"
    if fmt == 2:
        return f"({area}) 555-01{n}"
    return f"+1 {area} 555 01{n}"


def postal(r: random.Random) -> str:
    c, st, z = r.choice(CITYS)
    return f"{r.randint(100, 9899)} {r.choice(STREETS)}, {c}, {st} {z}"


# ------------------------------------------------------------------ dates
ZONES = {
    "ET": (-5, True),
    "CT": (-6, True),
    "MT": (-7, True),
    "PT": (-8, True),
    "UK": (0, True),
    "CE": (1, True),
    "UTC": (0, False),
    "IN": (5.5, False),
    "CN": (8, False),
    "VN": (7, False),
    "NG": (1, False),
    "BR": (-3, False),
    "RU": (3, False),
    "PH": (8, False),
    "AR": (-3, False),
}


def tz(zone: str, month: int) -> timezone:
    base, dst = ZONES[zone]
    if dst and 3 < month < 11:
        base += 1
    return timezone(timedelta(hours=base))


def rdate(r: random.Random, zone: str | None = None) -> datetime:
    zone = zone or r.choice(["ET", "ET", "CT", "PT", "UTC", "UTC", "CE", "UK", "IN", "CN", "VN", "BR"])
    year = r.choice((2023, 2024, 2025, 2025, 2026, 2026))
    month = r.randint(1, 11 if year == 2026 else 12)
    dt = datetime(year, month, r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
    return dt.replace(tzinfo=tz(zone, month))


def hdate(dt: datetime) -> str:
    return format_datetime(dt)


def ldate(dt: datetime) -> str:
    return f"{dt:%B} {dt.day}, {dt.year}"


# ------------------------------------------------------------------ domains and links
def dom_compound(r: random.Random, tlds: Sequence[str] | None = None) -> str:
    a, b = r.choice(ADJ), r.choice(NOUN)
    style = r.randrange(5)
    if style == 0:
        core = f"{a}{b}"
    elif style == 1:
        core = f"{a}-{b}"
    elif style == 2:
        core = f"{a}{b}{r.randint(1, 99)}"
    elif style == 3:
        core = f"{b}{a}{rs(r, 2, ALPHA)}"
    else:
        core = f"get{a}{b}"
    return f"{core}.{r.choice(tlds or CHEAP_TLD)}"


def dom_gibberish(r: random.Random) -> str:
    n = r.randint(5, 11)
    if r.random() < 0.4:
        return f"{rs(r, n, ALPHA)}{r.randint(1, 999)}.{r.choice(CHEAP_TLD + COMMON_TLD)}"
    return f"{rs(r, n, ALPHA)}.{r.choice(CHEAP_TLD + COMMON_TLD)}"


def dom_brand(r: random.Random, brand: str, words: Sequence[str]) -> str:
    b = brand.lower().replace("'", "").replace(" ", "").replace("&", "")
    w = r.choice(words)
    style = r.randrange(4)
    if style == 0:
        core = f"{b}-{w}"
    elif style == 1:
        core = f"{w}{b}{r.randint(2, 99)}"
    elif style == 2:
        core = f"{b}{w}-{rs(r, 3, ALPHA)}"
    else:
        core = f"my{b}{w}"
    return f"{core}.{r.choice([*CHEAP_TLD, 'com', 'net'])}"


def path_token(r: random.Random) -> str:
    return rs(r, r.randint(6, 14), URLSAFE)


def landing(r: random.Random, host: str | None = None) -> str:
    host = host or pick(r, dom_compound(r), dom_gibberish(r), f"{rs(r, 4, ALPHA)}.{dom_compound(r)}")
    style = r.randrange(6)
    if style == 0:
        return f"https://{host}/?c={digits(r, 5)}&s1={rs(r, 8, LOWER)}&sub2={digits(r, 6)}"
    if style == 1:
        return f"https://{host}/{path_token(r)}/{rs(r, 24, LOWER)}"
    if style == 2:
        return f"https://{host}/l/{digits(r, 4)}/{rs(r, 10, HEX)}?uid={rs(r, 16, HEX)}"
    if style == 3:
        return f"http://{host}/track/click?id={rs(r, 32, HEX)}"
    if style == 4:
        return f"https://{host}/lp/{r.choice(['offer', 'start', 'claim', 'go', 'promo', 'v2', 'index.php'])}?aff_id={digits(r, 4)}&tid={rs(r, 20, LOWER)}"
    return f"https://{host}/r/{base64.urlsafe_b64encode(r.randbytes(18)).decode().rstrip('=')}"


def shortlink(r: random.Random) -> str:
    return f"https://{r.choice(SHORT)}/{rs(r, r.randint(5, 8))}"


def redirector(r: random.Random, target: str) -> str:
    from urllib.parse import quote

    style = r.randrange(5)
    if style == 0:
        return f"https://www.google.com/url?q={quote(target, safe='')}&sa=D&sntz=1&usg=AOvVaw{rs(r, 22, URLSAFE)}"
    if style == 1:
        return f"https://storage.googleapis.com/{rs(r, 10, LOWER)}-{rs(r, 4, LOWER)}/index.html#{rs(r, 12)}"
    if style == 2:
        h = r.choice(HACKED)
        return f"https://{h}/wp-content/{r.choice(['uploads', 'plugins/wp-sm', 'themes/astra'])}/{rs(r, 6, LOWER)}.php?r={rs(r, 10, LOWER)}"
    if style == 3:
        return f"https://{rs(r, 10, LOWER)}.blob.core.windows.net/{rs(r, 6, LOWER)}/{rs(r, 8, LOWER)}.html?{rs(r, 10, LOWER)}"
    return f"https://{r.choice(HACKED)}/redirect.php?url={quote(target, safe='')}"


def anylink(r: random.Random, host: str | None = None) -> str:
    x = r.random()
    if x < 0.2:
        return shortlink(r)
    if x < 0.35:
        return redirector(r, landing(r, host))
    return landing(r, host)


def pixel(r: random.Random, host: str) -> str:
    style = r.randrange(3)
    if style == 0:
        u = f"https://{host}/o/{rs(r, 24, LOWER)}.gif"
    elif style == 1:
        u = f"https://{host}/open.php?m={digits(r, 7)}&e={rs(r, 20, HEX)}"
    else:
        u = f"http://{host}/t/{rs(r, 12, HEX)}/{rs(r, 12, HEX)}/pixel.png"
    return f'<img src="{u}" width="1" height="1" border="0" alt="" style="display:block">'


def b64mail(addr: str) -> str:
    return base64.urlsafe_b64encode(addr.encode()).decode().rstrip("=")


# ------------------------------------------------------------------ MIME helpers
def ew(s: str, cs: str = "utf-8", force: bool = False, q: bool = False) -> str:
    """RFC 2047 encoded word(s) if the text is not ASCII (or if forced, as spammers often do)."""
    try:
        s.encode("ascii")
        if not force:
            return s
    except UnicodeEncodeError:
        pass
    try:
        s.encode(cs)
    except UnicodeEncodeError:
        cs = "utf-8"
    label = cs.upper()
    out, cur = [], ""
    for ch in s:
        if len((cur + ch).encode(cs)) > (30 if q else 42):
            out.append(cur)
            cur = ch
        else:
            cur += ch
    out.append(cur)
    if q:

        def qenc(w: str) -> str:
            res = []
            for b in w.encode(cs):
                c = chr(b)
                if c.isalnum() and b < 128:
                    res.append(c)
                elif c == " ":
                    res.append("_")
                else:
                    res.append(f"={b:02X}")
            return "".join(res)

        return "\n ".join(f"=?{label}?Q?{qenc(w)}?=" for w in out)
    return "\n ".join(f"=?{label}?B?{base64.b64encode(w.encode(cs)).decode()}?=" for w in out)


def addr(name: str, email: str, cs: str = "utf-8", force: bool = False) -> str:
    if not name:
        return email
    enc = ew(name, cs, force)
    if enc != name:
        return f"{enc} <{email}>"
    if any(c in name for c in ',.()<>@:;"[]'):
        return f'"{name}" <{email}>'
    return f"{name} <{email}>"


def fits(text: str, cs: str) -> bool:
    try:
        text.encode(cs)
        return True
    except UnicodeEncodeError:
        return False


def choose_cs(r: random.Random, text: str, latin_ok: bool = True) -> str:
    opts = ["utf-8", "utf-8", "utf-8"]
    if latin_ok:
        opts += ["iso-8859-1", "windows-1252", "iso-8859-15", "us-ascii"]
    for _ in range(6):
        cs = r.choice(opts)
        if fits(text, cs):
            return cs
    return "utf-8"


def leaf(ctype: str, text: str, cs: str, cte: str) -> Ent:
    text = text.replace("\r\n", "\n")
    if ctype == "text/html":
        text = text.replace("charset=utf-8", f"charset={cs}")
    if cte == "quoted-printable":
        body = quopri.encodestring(text.encode(cs))
    elif cte == "base64":
        body = base64.encodebytes(text.encode(cs))
    else:
        if any(len(line) > 900 for line in text.split("\n")):
            text = text.replace("><", ">\n<")
        if any(len(line) > 900 for line in text.split("\n")):
            return leaf(ctype, text, cs, "quoted-printable")
        body = text.encode(cs)
        if cte == "7bit" and not fits(text, "ascii"):
            cte = "8bit"
    if not body.endswith(b"\n"):
        body += b"\n"
    csl = cs.upper() if cs != "utf-8" and cs != "us-ascii" else cs
    return [
        ("Content-Type", f'{ctype}; charset="{csl}"' if len(text) % 3 else f"{ctype}; charset={csl}"),
        ("Content-Transfer-Encoding", cte),
    ], body


def pick_cte(r: random.Random, text: str) -> str:
    opts = [
        "quoted-printable",
        "quoted-printable",
        "base64",
        "base64",
        "7bit" if fits(text, "ascii") else "8bit",
    ]
    return r.choice(opts)


def boundary(r: random.Random) -> str:
    style = r.randrange(5)
    if style == 0:
        return f"----=_Part_{r.randint(1000, 999999)}_{digits(r, 9)}.{digits(r, 13)}"
    if style == 1:
        return f"b1_{rs(r, 32, HEX)}"
    if style == 2:
        return f"--=_{rs(r, 24, ALNUM)}"
    if style == 3:
        return f"----=_NextPart_000_00{r.randint(10, 99)}_01D{rs(r, 5, UHEX)}.{rs(r, 8, UHEX)}"
    return "000000000000" + rs(r, 16, HEX)


def hbytes(hs: Sequence[Header]) -> bytes:
    return b"".join(f"{k}: {v}\n".encode("ascii") for k, v in hs)


def multi(r: random.Random, sub: str, parts: Sequence[Ent]) -> Ent:
    b = boundary(r)
    chunks = [b"This is a multi-part message in MIME format.\n"] if r.random() < 0.4 else []
    for hs, body in parts:
        chunks.append(f"\n--{b}\n".encode())
        chunks.append(hbytes(hs) + b"\n" + body)
    chunks.append(f"\n--{b}--\n".encode())
    return [("Content-Type", f'multipart/{sub};\n\tboundary="{b}"')], b"".join(chunks)


def body(
    r: random.Random, text: str | None, htm: str | None, mode: str | None = None, latin_ok: bool = True
) -> Ent:
    """text/plain only, text/html only or multipart/alternative, with a charset and CTE the content fits."""
    if mode is None:
        mode = "alt" if text and htm else ("html" if htm else "plain")
    sample = (text or "") + (htm or "")
    cs = choose_cs(r, sample, latin_ok)
    cte = pick_cte(r, sample)
    if cs == "us-ascii":
        cte = r.choice(["7bit", "quoted-printable"])
    if mode == "plain":
        return leaf("text/plain", text or "", cs, cte)
    if mode == "html":
        return leaf("text/html", htm or "", cs, cte)
    return multi(
        r, "alternative", [leaf("text/plain", text or "", cs, cte), leaf("text/html", htm or "", cs, cte)]
    )


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


SALAD_WORDS = [
    "the",
    "council",
    "voted",
    "on",
    "tuesday",
    "to",
    "extend",
    "the",
    "library",
    "hours",
    "while",
    "farmers",
    "in",
    "the",
    "valley",
    "reported",
    "an",
    "early",
    "harvest",
    "of",
    "apples",
    "and",
    "pears",
    "and",
    "the",
    "weather",
    "service",
    "expects",
    "light",
    "rain",
    "over",
    "the",
    "weekend",
    "with",
    "temperatures",
    "near",
    "seasonal",
    "averages",
    "a",
    "local",
    "bakery",
    "celebrated",
    "its",
    "fortieth",
    "anniversary",
    "and",
    "the",
    "high",
    "school",
    "band",
    "will",
    "perform",
    "at",
    "the",
    "county",
    "fair",
    "next",
    "month",
    "volunteers",
    "are",
    "still",
    "needed",
    "for",
    "the",
    "river",
    "cleanup",
    "and",
    "residents",
    "can",
    "register",
    "online",
    "before",
    "friday",
    "traffic",
    "on",
    "the",
    "bridge",
]


def salad(r: random.Random, n: int = 60) -> str:
    return " ".join(r.choice(SALAD_WORDS) for _ in range(n))


def hidden(r: random.Random) -> str:
    style = r.randrange(4)
    txt = salad(r, r.randint(40, 120))
    if style == 0:
        return (
            f'<div style="display:none;max-height:0;overflow:hidden;font-size:1px;color:#ffffff">{txt}</div>'
        )
    if style == 1:
        return f'<p style="font-size:0px;line-height:0;color:transparent">{txt}</p>'
    if style == 2:
        return f'<span style="color:#FEFEFE;font-size:2px">{txt}</span>'
    return f'<div style="opacity:0;height:1px;width:1px;overflow:hidden">{txt}</div>'


def preheader(text: str) -> str:
    return f'<div style="display:none;font-size:1px;color:#fff;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden">{esc(text)}&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;</div>'


def page(inner: str, title: str = "") -> str:
    t = f"<title>{esc(title)}</title>" if title else ""
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width">{t}</head>\n'
        f'<body style="margin:0;padding:0;background:#f2f2f2">\n{inner}\n</body></html>\n'
    )


def img_host(r: random.Random, host: str | None = None) -> str:
    style = r.randrange(5)
    if style == 0:
        return f"https://i.imgur.com/{rs(r, 7)}.png"
    if style == 1:
        return f"https://{host or dom_compound(r)}/img/{rs(r, 10, LOWER)}.jpg"
    if style == 2:
        return f"https://storage.googleapis.com/{rs(r, 8, LOWER)}/{rs(r, 6, LOWER)}.jpg"
    if style == 3:
        return f"https://{rs(r, 12, LOWER)}.s3.amazonaws.com/{rs(r, 8, LOWER)}.png"
    return f"https://{r.choice(HACKED)}/wp-content/uploads/{r.randint(2022, 2026)}/{r.randint(1, 12):02d}/{rs(r, 9, LOWER)}.jpg"


def image_only(
    r: random.Random,
    link: str,
    alt: str,
    host: str | None,
    unsub: str,
    address: str,
    n: int = 2,
    extra: str = "",
) -> str:
    imgs = "\n".join(
        f'<tr><td align="center"><a href="{link}" target="_blank"><img src="{img_host(r, host)}" width="600" alt="{esc(alt) if k == 0 else ""}" style="display:block;border:0;max-width:100%"></a></td></tr>'
        for k in range(n)
    )
    foot = (
        (
            f'<tr><td align="center" style="font:11px Arial;color:#999;padding:20px">{extra}If you no longer wish to receive these emails, '
            f'<a href="{unsub}" style="color:#999">unsubscribe here</a> or write to {esc(address)}</td></tr>'
        )
        if unsub
        else ""
    )
    return f'<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center"><table width="600" cellpadding="0" cellspacing="0">\n{imgs}\n{foot}\n</table></td></tr></table>'


def button(link: str, label: str, color: str = "#e4002b") -> str:
    return (
        f'<table cellpadding="0" cellspacing="0" align="center"><tr><td style="background:{color};border-radius:6px;padding:14px 34px">'
        f'<a href="{link}" style="color:#ffffff;font:bold 18px Arial,Helvetica,sans-serif;text-decoration:none">{esc(label)}</a></td></tr></table>'
    )


def promo(
    r: random.Random,
    head: str,
    paras: Sequence[str],
    cta: str,
    link: str,
    foot: str = "",
    color: str | None = None,
    img: bool = True,
    host: str | None = None,
) -> str:
    color = color or r.choice(["#e4002b", "#0a7d36", "#ff6a00", "#1a5fd0", "#8b1ea8", "#d4145a"])
    ps = "\n".join(
        f'<p style="font:16px/1.5 Arial,Helvetica,sans-serif;color:#222;margin:0 0 14px">{p}</p>'
        for p in paras
    )
    im = (
        f'<a href="{link}"><img src="{img_host(r, host)}" width="560" style="display:block;max-width:100%;border:0" alt=""></a>'
        if img
        else ""
    )
    return (
        f'<table width="100%" bgcolor="#f2f2f2" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:16px">\n'
        f'<table width="600" bgcolor="#ffffff" cellpadding="20" cellspacing="0" style="border-radius:8px"><tr><td>\n'
        f'<h1 style="font:bold 24px Arial,Helvetica,sans-serif;color:{color};text-align:center;margin:0 0 16px">{head}</h1>\n{im}\n{ps}\n'
        f"{button(link, cta, color)}\n</td></tr></table>\n"
        f'<p style="font:11px Arial;color:#8a8a8a;max-width:600px;text-align:center">{foot}</p>\n</td></tr></table>'
    )


def text_footer(r: random.Random, unsub: str | None, address: str | None) -> str:
    out = []
    if unsub:
        out.append(
            pick(
                r,
                f"To unsubscribe click here: {unsub}",
                f"Unsubscribe: {unsub}",
                f"If you prefer not to receive future emails, unsubscribe here {unsub}",
                f"Don't want these? {unsub}",
            )
        )
    if address:
        out.append(pick(r, f"or write to: {address}", address, f"Mailing address: {address}"))
    return "\n\n" + "\n".join(out) + "\n" if out else "\n"


# ------------------------------------------------------------------ how a message reached the MX
@dataclass
class Snd:
    addr: str  # header From address
    envelope: str
    helo: str
    ip: str
    rdns: str = ""
    signers: list[tuple[str, str, str]] = field(default_factory=list)  # (d, s, result)
    spf: str = "pass"
    dmarc: str = "none"
    policy: str = ""
    msgid_host: str = ""
    hops: list[str] = field(default_factory=list)
    xmailer: str | None = None
    tls: bool = True
    extra: list[Header] = field(default_factory=list)

    @property
    def from_dom(self) -> str:
        return self.addr.split("@", 1)[1]


def ip_vps(r: random.Random) -> str:
    a = r.choice(
        [
            5,
            23,
            31,
            37,
            45,
            46,
            62,
            77,
            79,
            80,
            85,
            89,
            91,
            92,
            93,
            94,
            103,
            104,
            107,
            109,
            139,
            141,
            146,
            147,
            149,
            154,
            158,
            162,
            167,
            172,
            176,
            178,
            185,
            188,
            193,
            194,
            195,
            198,
            212,
            213,
        ]
    )
    return f"{a}.{r.randint(1, 254)}.{r.randint(0, 254)}.{r.randint(2, 253)}"


def vps_rdns(r: random.Random, ip: str, dom: str) -> str:
    a, b, c, d = ip.split(".")
    style = r.randrange(6)
    if style == 0:
        return f"mail.{dom}"
    if style == 1:
        return f"{rs(r, r.randint(3, 7), ALPHA)}.{dom}"
    if style == 2:
        return f"static.{d}.{c}.{b}.{a}.clients.{pick(r, 'vpscloud-de.net', 'hostserv-eu.com')}"
    if style == 3:
        return f"vps-{rs(r, 8, HEX)}.{pick(r, 'vps.cheaphost-cloud.net', 'srv.nodepanel.io', 'kvm.lowendbox-hosting.com')}"
    if style == 4:
        return f"{d}-{c}-{b}-{a}.{pick(r, 'rev.dedicatedpoint.net', 'host.colo-atlanta.net', 'ptr.bulletcloud.ru')}"
    return f"smtp{r.randint(1, 40)}.{dom}"


def dkim_sel(r: random.Random) -> str:
    return r.choice(
        [
            "default",
            "mail",
            "dkim",
            "s1",
            "x",
            "k1",
            "selector1",
            "key1",
            "mx",
            "api",
            rs(r, 6, LOWER),
            f"s{r.randint(1, 9)}",
        ]
    )


def s_own(
    r: random.Random,
    dom: str,
    local: str | None = None,
    env_dom: str | None = None,
    sign: float = 0.75,
    spf_pass: float = 0.85,
    dmarc_rec: float = 0.6,
) -> Snd:
    """Spammer's own throwaway domain on a VPS: SPF and DKIM usually set up properly."""
    local = local or r.choice(
        ["info", "news", "offers", "support", "hello", "noreply", "contact", "mail", "team", rs(r, 6, LOWER)]
    )
    ip = ip_vps(r)
    edom = env_dom or (
        dom
        if r.random() < 0.6
        else pick(r, f"bounce.{dom}", f"mail.{dom}", f"{rs(r, 4, ALPHA)}.{dom}", f"em{digits(r, 4)}.{dom}")
    )
    envelope = pick(
        r,
        f"{local}@{edom}",
        f"bounce-{digits(r, 6)}-{rs(r, 8, HEX)}@{edom}",
        f"{rs(r, 10, LOWER)}@{edom}",
        f"return@{edom}",
    )
    rdns = vps_rdns(r, ip, dom)
    helo = rdns if r.random() < 0.7 else pick(r, f"mail.{dom}", dom, f"{rs(r, 6, LOWER)}.{dom}")
    spf = "pass" if r.random() < spf_pass else r.choice(["softfail", "neutral", "none", "fail"])
    signers = []
    if r.random() < sign:
        signers.append((env_dom or dom, dkim_sel(r), "pass" if r.random() < 0.93 else "fail"))
    aligned_spf = spf == "pass" and (edom == dom or edom.endswith("." + dom))
    aligned_dkim = any(d == dom and res == "pass" for d, _, res in signers)
    if r.random() < dmarc_rec:
        dmarc = "pass" if aligned_spf or aligned_dkim else "fail"
        policy = r.choice(
            ["none", "none", "none", "quarantine", "reject"]
            if dmarc == "pass"
            else ["none", "none", "none", "quarantine"]
        )
    else:
        policy, dmarc = "", "none"
    hops = []
    if r.random() < 0.5:
        hops.append(
            f"from {pick(r, 'localhost', '[127.0.0.1]', 'web' + str(r.randint(1, 9)))} (localhost [127.0.0.1])\n\tby {rdns} ({pick(r, 'Postfix', 'Exim 4.96', 'Postfix')}) with ESMTPSA id {qid(r)}\n\tfor <{{rcpt}}>; {{when}}"
        )
    return Snd(f"{local}@{dom}", envelope, helo, ip, rdns, signers, spf, dmarc, policy, dom, hops)


def s_hacked(r: random.Random, dom: str | None = None, local: str | None = None) -> Snd:
    """Mail sent through a compromised small-business mailbox or web site."""
    dom = dom or r.choice(HACKED)
    local = local or r.choice(
        ["info", "admin", "contact", "office", "reservas", "sales", "wordpress", "noreply", rs(r, 5, LOWER)]
    )
    ip = f"{r.choice([50, 67, 69, 96, 108, 162, 173, 192, 198, 207, 208])}.{r.randint(1, 254)}.{r.randint(0, 254)}.{r.randint(2, 253)}"
    host = f"{pick(r, 'server', 'cpanel', 'box', 's', 'host', 'vps')}{r.randint(10, 4999)}.{pick(r, 'webhostpros-cloud.net', 'sitegrid-hosting.com', 'hostmonsterous.net', 'cp-shared.net')}"
    spf = r.choice(["pass", "pass", "pass", "neutral", "softfail"])
    signers = [(dom, "default", "pass")] if r.random() < 0.7 else []
    if r.random() < 0.5:
        policy = r.choice(["none", "none", "quarantine"])
        dmarc = "pass" if signers or spf == "pass" else "fail"
    else:
        policy, dmarc = "", "none"
    hops = [
        f"from [{pick(r, ip_vps(r), '127.0.0.1')}] (port={r.randint(40000, 65000)} helo={pick(r, '[127.0.0.1]', 'User', 'localhost', 'WIN-' + rs(r, 11, UHEX))})\n\tby {host} with esmtpsa  (TLS1.2) tls TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n\t(Exim 4.96.2)\n\t(envelope-from <{local}@{dom}>)\n\tid 1{rs(r, 5, ALNUM)}-{rs(r, 6, ALNUM)}-{rs(r, 2, ALNUM)}\n\tfor {{rcpt}}; {{when}}"
    ]
    extra = []
    if r.random() < 0.4:
        extra.append(
            (
                "X-PHP-Script",
                f"{dom}/wp-content/{pick(r, 'plugins/wp-mail-smtp-pro', 'uploads/2024/lib', 'themes/twentyten/inc')}/{rs(r, 6, LOWER)}.php for {ip_vps(r)}",
            )
        )
        hops = [
            f"from {host} (localhost [127.0.0.1])\n\tby {host} with local (Exim 4.96.2)\n\t(envelope-from <{local}@{dom}>)\n\tid 1{rs(r, 5, ALNUM)}-{rs(r, 6, ALNUM)}-{rs(r, 2, ALNUM)}\n\tfor {{rcpt}}; {{when}}"
        ]
    return Snd(
        f"{local}@{dom}",
        f"{local}@{dom}",
        host,
        ip,
        host,
        signers,
        spf,
        dmarc,
        policy,
        dom,
        hops,
        extra=extra,
    )


FREEMAIL = [
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "yahoo.com",
    "aol.com",
    "gmx.com",
    "gmx.de",
    "web.de",
    "gmx.net",
]


def free_local(r: random.Random, name: str | None = None) -> str:
    name = name or pname(r)
    parts = name.lower().replace("'", "").split()
    f, last = parts[0], parts[-1]
    style = r.randrange(6)
    if style == 0:
        return f"{f}.{last}{r.randint(1, 99)}"
    if style == 1:
        return f"{f}{last}{r.randint(1960, 2005)}"
    if style == 2:
        return f"{f[0]}{last}.{rs(r, 3, LOWER)}"
    if style == 3:
        return f"{f}.{last}.{pick(r, 'seo', 'web', 'digital', 'official', 'marketing')}"
    if style == 4:
        return f"{rs(r, 8, ALPHA)}{r.randint(10, 9999)}"
    return f"{f}{last}{rs(r, 2, LOWER)}"


def s_free(r: random.Random, prov: str | None = None, local: str | None = None) -> Snd:
    prov = prov or r.choice(FREEMAIL)
    local = local or free_local(r)
    a = f"{local}@{prov}"
    if prov == "gmail.com":
        ip = f"209.85.{r.randint(128, 222)}.{r.randint(2, 250)}"
        helo = f"mail-{pick(r, 'wr1', 'pl1', 'ej1', 'qk1', 'oi1', 'yb1', 'lf1')}-f{r.randint(41, 199)}.google.com"
        sig = [("gmail.com", "20230601", "pass")]
        dm, pol = "pass", "none"
        mid_host = "mail.gmail.com"
    elif prov in ("outlook.com", "hotmail.com"):
        ip = f"40.92.{r.randint(10, 110)}.{r.randint(2, 250)}"
        helo = f"{pick(r, 'NAM', 'EUR', 'APC')}{r.randint(2, 12)}-{pick(r, 'DM6', 'BN8', 'MW2', 'AM7', 'SG2')}-obe.outbound.protection.outlook.com"
        sig = (
            [(prov, "selector1", "pass")] if prov == "outlook.com" else [("hotmail.com", "selector1", "pass")]
        )
        dm, pol = "pass", "none"
        mid_host = f"{rs(r, 4, UHEX)}PR{r.randint(10, 99)}MB{r.randint(1000, 9999)}.namprd{r.randint(10, 20)}.prod.outlook.com"
    elif prov in ("yahoo.com", "aol.com"):
        ip = f"{pick(r, '74.6', '66.163', '98.137', '77.238')}.{r.randint(128, 200)}.{r.randint(2, 250)}"
        helo = f"sonic{r.randint(300, 330)}-{r.randint(1, 60)}.consmr.mail.{pick(r, 'ne1', 'bf2', 'gq1', 'ir2')}.yahoo.com"
        sig = [(prov, "s2048" if prov == "yahoo.com" else "a2048", "pass")]
        dm, pol = "pass", "reject"
        mid_host = "mail.yahoo.com"
    else:
        ip = f"{pick(r, '212.227.17', '212.227.15', '217.72.192')}.{r.randint(2, 250)}"
        helo = f"mout.{'web.de' if prov == 'web.de' else 'gmx.net'}"
        sig = [(prov, f"s{digits(r, 8)}", "pass")]
        dm, pol = "pass", "none"
        mid_host = prov
    return Snd(a, a, helo, ip, helo, sig, "pass", dm, pol, mid_host)


def s_forged(r: random.Random, from_addr: str, env: str | None = None) -> Snd:
    """Botnet or open-proxy delivery: claims a domain it has no authority for."""
    ip = f"{r.randint(1, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 253)}"
    a, b, c, d = ip.split(".")
    rdns = pick(
        r,
        "unknown",
        f"{d}-{c}-{b}-{a}.dynamic.{pick(r, 'telemar-broadband.com.br', 'vnpt-static.vn', 'airtelbroadband.in', 'cable-home-net.mx')}",
        f"host-{a}-{b}-{c}-{d}.{pick(r, 'pppoe.tt-net.tr', 'ip.ptcl-dsl.pk', 'res.dslnet.ro')}",
    )
    helo = pick(
        r,
        "User",
        f"[{ip}]",
        f"WIN-{rs(r, 11, UHEX)}",
        f"{rs(r, 6, ALPHA)}.{from_addr.split('@')[1]}",
        "localhost",
        f"DESKTOP-{rs(r, 7, UHEX)}",
    )
    env = env or pick(
        r, from_addr, f"{rs(r, 7, LOWER)}@{dom_gibberish(r)}", f"{rs(r, 6, LOWER)}@{from_addr.split('@')[1]}"
    )
    spf = r.choice(["softfail", "fail", "none", "neutral", "none"])
    dom = from_addr.split("@")[1]
    if dom == DOM:
        dmarc, pol = "fail", "quarantine"
    elif r.random() < 0.4:
        dmarc, pol = "fail", r.choice(["none", "none", "none", "quarantine", "reject"])
    else:
        dmarc, pol = "none", ""
    return Snd(
        from_addr,
        env,
        helo,
        ip,
        rdns if rdns != "unknown" else "",
        [],
        spf,
        dmarc,
        pol,
        pick(r, dom, helo.strip("[]") if "." in helo else dom),
        tls=r.random() < 0.4,
    )


def s_esp(r: random.Random, dom: str, local: str | None = None) -> Snd:
    """An abused bulk-mail service account (SendGrid or Amazon SES) sending for a throwaway domain."""
    local = local or r.choice(["info", "news", "hello", "rewards", "no-reply", "team"])
    if r.random() < 0.55:
        n = digits(r, 4)
        env = f"bounces+{digits(r, 8)}-{rs(r, 4, HEX)}-{{verp}}@em{n}.{dom}"
        ip = f"{pick(r, '149.72', '167.89', '168.245', '159.183')}.{r.randint(1, 254)}.{r.randint(2, 250)}"
        helo = (
            f"{pick(r, 'o1', 'o2', 'wrqvxzbp', 'xtrwkwqc')}.ptr{digits(r, 4)}.{dom}"
            if r.random() < 0.5
            else f"{rs(r, 8, LOWER)}.outbound-mail.sendgrid.net"
        )
        sig = [(dom, "s1", "pass"), ("sendgrid.net", "smtpapi", "pass")]
        xm = None
        mh = f"geopod-ismtpd-{r.randint(1, 40)}"
        extra = [
            ("X-SG-EID", fold(base64.b64encode(r.randbytes(90)).decode())),
            ("X-Entity-ID", base64.b64encode(r.randbytes(16)).decode()),
        ]
    else:
        env = f"0100019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}-000000@{pick(r, 'amazonses.com', 'mail.' + dom)}"
        ip = f"{pick(r, '54.240', '23.251', '69.169')}.{r.randint(1, 254)}.{r.randint(2, 250)}"
        helo = f"a{r.randint(8, 48)}-{r.randint(1, 250)}.smtp-out.amazonses.com"
        sig = [(dom, rs(r, 32, LOWER), "pass"), ("amazonses.com", rs(r, 32, LOWER), "pass")]
        xm = None
        mh = "email.amazonses.com"
        extra = [
            ("Feedback-ID", f"::1.us-east-1.{rs(r, 43, URLSAFE)}=:AmazonSES"),
            ("X-SES-Outgoing", f"{r.randint(2023, 2026)}.{r.randint(1, 12):02d}.{r.randint(1, 28):02d}-{ip}"),
        ]
    spf = "pass"
    policy = r.choice(["none", "none", "quarantine", ""])
    dmarc = "pass" if policy else "none"
    return Snd(f"{local}@{dom}", env, helo, ip, helo, sig, spf, dmarc, policy, mh, [], xm, extra=extra)


def fold(s: str, first: int = 60, width: int = 70) -> str:
    parts = [s[:first]] + [s[i : i + width] for i in range(first, len(s), width)]
    return "\n\t".join(parts)


def qid(r: random.Random) -> str:
    return f"4{rs(r, 1, 'bcdfgh')}{rs(r, 2, 'BCDFGHJKLMNPQRSTVWXYZ')}{digits(r, 1)}{rs(r, 7, 'bcdfghjklmnpqrstvwxyz0123456789')}"


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


BULK_MAILERS = [
    "PHPMailer 6.8.1 (https://github.com/PHPMailer/PHPMailer)",
    "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)",
    "PHPMailer 5.2.22 (https://github.com/PHPMailer/PHPMailer)",
    "Sendy (https://sendy.co)",
    "MailWizz; https://www.mailwizz.com",
    "Interspire Email Marketer",
    "Acelle/4.0.30",
    "Microsoft Outlook Express 6.00.2900.5512",
    "Turbo-Mailer 2.7.10",
    "Atomic Mail Sender 9.60",
    "SendBlaster 4",
    "Microsoft Office Outlook 12.0",
    "Power Mailer 4.2",
]


def mid(r: random.Random, host: str, dt: datetime | None = None) -> str:
    style = r.randrange(6)
    if host == "mail.gmail.com":
        return f"<CA{rs(r, 3, ALNUM)}{rs(r, 40, URLSAFE)}@mail.gmail.com>"
    if host.endswith("prod.outlook.com"):
        return f"<{host.split('.')[0]}{rs(r, 22, UHEX)}@{host}>"
    if host == "mail.yahoo.com":
        return f"<{digits(r, 9)}.{digits(r, 7)}.{digits(r, 13)}@mail.yahoo.com>"
    if host == "email.amazonses.com":
        return f"<0100019{rs(r, 9, HEX)}-{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}-000000@email.amazonses.com>"
    if host.startswith("geopod"):
        return f"<{rs(r, 22, URLSAFE)}@{host}>"
    if style == 0:
        return f"<{rs(r, 32, HEX)}@{host}>"
    if style == 1:
        return f"<{digits(r, 10)}.{rs(r, 12, LOWER)}@{host}>"
    if style == 2:
        return f"<{rs(r, 8, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 4, HEX)}-{rs(r, 12, HEX)}@{host}>"
    if style == 3:
        return f"<{rs(r, 20, ALNUM)}@{host}>"
    if style == 4:
        stamp = (
            dt.astimezone(UTC).strftime("%Y%m%d%H%M%S")
            if dt
            else f"20{r.randint(23, 26)}{r.randint(1, 12):02d}{r.randint(10, 28)}{r.randint(100000, 235959)}"
        )
        return f"<{stamp}.{rs(r, 8, UHEX)}@{host}>"
    return f"<{rs(r, 6, LOWER)}.{rs(r, 4, LOWER)}{digits(r, 5)}@{host}>"


def rcpt_pick(r: random.Random, prefer_person: bool = False) -> tuple[str, str]:
    if prefer_person and r.random() < 0.6:
        return r.choice(RCPTS[8:])
    return r.choice(RCPTS)


def to_header(r: random.Random, name: str, rcpt: str, snd: Snd, p_bcc: float = 0.3) -> str:
    x = r.random()
    if x < p_bcc * 0.6:
        return "undisclosed-recipients:;"
    if x < p_bcc:
        return pick(
            r,
            snd.addr,
            f"{rs(r, 7, LOWER)}@{snd.from_dom}",
            f"{free_local(r)}@{r.choice(FREEMAIL)}",
            "Recipients <" + snd.addr + ">",
        )
    if name and r.random() < 0.5:
        return addr(name, rcpt)
    if r.random() < 0.15:
        return f'"{rcpt}" <{rcpt}>'
    return rcpt if r.random() < 0.6 else f"<{rcpt}>"


def deliver(
    r: random.Random,
    snd: Snd,
    rcpt: str,
    to: str,
    frm_name: str,
    subject: str,
    dt: datetime,
    ent: Ent,
    extra: Sequence[Header] = (),
    reply_to: str | None = None,
    xmailer: str | bool | None = None,
    unsub: str | None = None,
    unsub_post: bool = False,
    force_ew: bool = False,
    subj_cs: str = "utf-8",
    q: bool = False,
    prio: bool = False,
) -> bytes:
    ehs, payload = ent
    verp = rcpt.replace("@", "=")
    envelope = snd.envelope.replace("{verp}", verp)
    hdrs: list[Header] = [("From", addr(frm_name, snd.addr, subj_cs, force_ew and r.random() < 0.7))]
    hdrs.append(("To", to))
    hdrs.append(("Subject", ew(subject, subj_cs, force_ew, q)))
    hdrs.append(("Date", hdate(dt)))
    hdrs.append(("Message-ID", mid(r, snd.msgid_host or snd.from_dom, dt)))
    if reply_to:
        hdrs.append(("Reply-To", reply_to))
    if xmailer is True:
        hdrs.append(("X-Mailer", r.choice(BULK_MAILERS)))
    elif isinstance(xmailer, str):
        hdrs.append(("X-Mailer", xmailer))
    if prio:
        hdrs += [("X-Priority", "1 (Highest)"), ("Importance", "High")]
    if unsub:
        hdrs.append(("List-Unsubscribe", unsub))
        if unsub_post:
            hdrs.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    hdrs += list(extra) + snd.extra
    hdrs.append(("MIME-Version", "1.0"))
    r.shuffle(hdrs) if r.random() < 0.25 else None
    signed = (
        ":".join(
            k
            for k, _ in hdrs
            if k
            in ("From", "To", "Subject", "Date", "Message-ID", "Reply-To", "List-Unsubscribe", "MIME-Version")
        )
        + ":Content-Type"
    )
    canon = payload.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    sigs: list[Header] = []
    results: list[str] = []
    for d, s, res in snd.signers:
        bh = base64.b64encode(hashlib.sha256(canon).digest()).decode()
        b = base64.b64encode(r.randbytes(128 if r.random() < 0.3 else 256)).decode()
        t = int(dt.timestamp()) - r.randint(1, 30)
        sigs.append(
            (
                "DKIM-Signature",
                f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d};\n\ts={s}; t={t};\n\th={signed};\n\tbh={bh};\n\tb={fold(b)}",
            )
        )
        why = (
            " (body hash did not verify)"
            if res == "fail"
            else pick(r, " (2048-bit key; unprotected)", " (1024-bit key; unprotected)", "")
        )
        results.append(f"dkim={res}{why} header.d={d} header.i=@{d} header.s={s} header.b={b[:8]}")
    if not results:
        results.append("dkim=none (message not signed)")
    fd = snd.from_dom
    if snd.dmarc == "none":
        dmarc = (
            f"dmarc=none header.from={fd}"
            if not snd.policy
            else f"dmarc=none (p=none dis=none) header.from={fd}"
        )
    else:
        dis = "none"
        if snd.dmarc == "fail" and snd.policy in ("quarantine", "reject"):
            dis = "quarantine"
        dmarc = f"dmarc={snd.dmarc} (p={snd.policy or 'none'} dis={dis}) header.from={fd}"
    auth = ";\n\t".join([MX, spf_text(snd.spf, envelope, snd.ip), *results, dmarc])
    arrived = dt + timedelta(seconds=r.randint(2, 240))
    rdns = snd.rdns or "unknown"
    tls = (
        "\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n\t(No client certificate requested)"
        if snd.tls
        else ""
    )
    local = arrived.astimezone(tz("CT", arrived.month))
    received = (
        f"from {snd.helo} ({rdns} [{snd.ip}]){tls}\n\tby {MX} (Postfix) with {'ESMTPS' if snd.tls else 'ESMTP'} "
        f"id {qid(r)}\n\tfor <{rcpt}>; {hdate(local)}"
    )
    top: list[Header] = [
        ("Return-Path", f"<{envelope}>"),
        ("Delivered-To", rcpt),
        ("Authentication-Results", auth),
        ("Received", received),
    ]
    top += [
        ("Received", h.replace("{when}", hdate(dt + timedelta(seconds=1))).replace("{rcpt}", rcpt))
        for h in snd.hops
    ]
    top += sigs
    data = hbytes(top) + hbytes(hdrs) + hbytes(ehs) + b"\n" + payload
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def lu(r: random.Random, host: str, rcpt: str, mailto: bool | None = None) -> str:
    url = f"https://{host}/{pick(r, 'unsubscribe', 'unsub', 'u', 'optout', 'list/unsubscribe')}?{pick(r, 'e', 'email', 'm', 'uid')}={b64mail(rcpt) if r.random() < 0.5 else rs(r, 24, HEX)}"
    if mailto is None:
        mailto = r.random() < 0.5
    if mailto:
        return f"<mailto:unsubscribe-{rs(r, 10, LOWER)}@{host}?subject=unsubscribe>, <{url}>"
    return f"<{url}>"


def send(
    r: random.Random,
    snd: Snd,
    frm_name: str,
    subject: str,
    text: str | None,
    htm: str | None,
    *,
    dt: datetime | None = None,
    zone: str | None = None,
    rcpt: tuple[str, str] | None = None,
    p_bcc: float = 0.3,
    unsub_host: str | None = None,
    p_lu: float = 0.5,
    reply_to: str | None = None,
    xmailer: str | bool | None = None,
    mode: str | None = None,
    latin_ok: bool = True,
    extra: Sequence[Header] = (),
    prio: bool = False,
    subj_cs: str | None = None,
    to: str | None = None,
) -> bytes:
    """Build the entity, pick a recipient and To header, and deliver."""
    dt = dt or rdate(r, zone)
    name, rc = rcpt or rcpt_pick(r)
    to = to or to_header(r, name, rc, snd, p_bcc)
    unsub = lu(r, unsub_host, rc) if unsub_host and r.random() < p_lu else None
    if xmailer is None and r.random() < 0.35:
        xmailer = True
    force = r.random() < 0.3
    scs = subj_cs or (
        "utf-8"
        if not fits(subject, "iso-8859-1") or r.random() < 0.6
        else r.choice(["iso-8859-1", "windows-1252"])
    )
    ent = body(r, text, htm, mode, latin_ok)
    return deliver(
        r,
        snd,
        rc,
        to,
        frm_name,
        subject,
        dt,
        ent,
        extra,
        reply_to,
        xmailer,
        unsub,
        unsub is not None and r.random() < 0.6,
        force,
        scs,
        r.random() < 0.3,
        prio,
    )


def snd_mix(r: random.Random, dom: str, local: str | None = None, kinds: str = "oooouhex") -> Snd:
    k = r.choice(kinds)
    if k == "o":
        return s_own(r, dom, local)
    if k == "u":
        return s_own(r, dom, local, env_dom=dom_gibberish(r))
    if k == "h":
        return s_hacked(r, local=None)
    if k == "f":
        return s_free(r)
    if k == "e":
        return s_esp(r, dom, local)
    return s_forged(r, f"{local or rs(r, 6, LOWER)}@{dom}")


def greet(r: random.Random, rc: tuple[str, str]) -> str:
    first = FIRST_OF.get(rc[1].split("@")[0])
    if first and r.random() < 0.7:
        return pick(r, f"Hi {first},", f"Dear {first},", f"{first},", f"Hello {first}!")
    return pick(
        r,
        "Hello,",
        "Dear Customer,",
        "Hi there,",
        "Dear Sir/Madam,",
        "Greetings,",
        f"Hello {rc[1].split('@')[0]},",
        "Dear Friend,",
        "",
    )


# ================================================================== families
def f_health_plans(r: random.Random, i: int) -> bytes:
    t = i % 5
    rc = rcpt_pick(r)
    if t == 0:  # Medicare Advantage
        brand = pick(
            r,
            "UnitedCare Benefits Official",
            "Medicare Benefits Center",
            "SeniorShield Plans",
            "MediGuard Enrollment",
            "AmeriHealth Options Desk",
        )
        dom = pick(
            r,
            dom_compound(r),
            f"medicare{pick(r, 'plans', 'advantage', 'benefits', 'help')}{rs(r, 3, ALPHA)}.{r.choice(CHEAP_TLD)}",
        )
        snd = snd_mix(r, dom)
        subj = pick(
            r,
            "2025 Medicare Benefits: You may qualify for $0 premium plans",
            "Your Medicare Advantage options for 2026 are ready",
            "Claim your Flex Card - up to $2,800/yr for groceries & bills",
            "\u26a0\ufe0f Open Enrollment ends Dec 7 - review your plan",
            "Re: your Medicare benefits update",
        )
        link = anylink(r)
        text = (
            f"{greet(r, rc)}\n\nMedicare Open Enrollment is here. Many seniors in your area may qualify for a $0-premium Medicare Advantage plan "
            f"with dental, vision and hearing included - plus a Flex Card worth up to ${pick(r, '2,800', '3,100', '1,500')} a year for groceries, rent and utilities.\n\n"
            f"See the plans available in your ZIP code (takes 60 seconds):\n{link}\n\nOr call a licensed agent: {phone(r)} (TTY 711)\n\n"
            f"{brand} is not connected with or endorsed by the U.S. Government or the federal Medicare program. We do not offer every plan available in your area."
        )
        htm = page(
            preheader("Benefits you may be missing")
            + promo(
                r,
                "You May Qualify For Extra Medicare Benefits",
                [
                    "Millions of Americans on Medicare are missing out on <b>extra benefits</b> they already qualify for.",
                    f"$0 premium plans &bull; Dental, Vision &amp; Hearing &bull; Grocery allowance up to <b>${pick(r, '2,800', '3,100', '1,500')}</b>",
                    f"Speak to a licensed agent now: <b>{phone(r)}</b> (TTY 711)",
                ],
                "CHECK MY BENEFITS",
                link,
                f"{esc(brand)} is not connected with or endorsed by the U.S. Government or the federal Medicare program.<br>{postal(r)}<br><a href='{anylink(r)}'>Unsubscribe</a>",
            )
        )
        return send(
            r, snd, brand, subj, text if r.random() < 0.6 else None, htm, rcpt=rc, unsub_host=dom, zone="ET"
        )
    if t == 1:  # ACA / health insurance
        brand = pick(
            r,
            "HealthMarket Quotes",
            "ACA Plan Finder",
            "Affordable Health Advisors",
            "Obamacare Enrollment Team",
            "BlueHarbor Health Plans",
        )
        dom = dom_compound(r)
        snd = snd_mix(r, dom)
        subj = pick(
            r,
            "Health plans as low as $0/month - see if you qualify",
            f"{rc[1].split('@')[0].title()}, your 2026 health coverage quote",
            "Last chance: ACA enrollment closes soon",
            "Lower your health insurance by up to 70%",
        )
        link = anylink(r)
        text = (
            f"{greet(r, rc)}\n\nWith the new subsidies, a family of four can get full health coverage starting at $0/month. "
            f"Doctor visits, prescriptions and ER covered.\n\nGet your free quote: {link}\n\nQuestions? {phone(r)}\n"
            + text_footer(r, anylink(r), postal(r))
        )
        return send(r, snd, brand, subj, text, None, rcpt=rc, unsub_host=dom)
    if t == 2:  # dental plans (to a dental office, ironically)
        brand = pick(
            r,
            "DentaSmile Savings Plan",
            "National Dental Benefits",
            "BrightBite Dental Plans",
            "SmileFirst Coverage",
        )
        dom = pick(
            r,
            dom_compound(r),
            f"dental{pick(r, 'plans', 'savers', 'benefit')}{r.randint(2, 99)}.{r.choice(CHEAP_TLD)}",
        )
        snd = snd_mix(r, dom)
        link = anylink(r)
        subj = pick(
            r,
            "Dental coverage with NO waiting period",
            "Get 2 FREE cleanings a year - plans from $19.95",
            "Implants, crowns & dentures covered day one",
        )
        htm = page(
            promo(
                r,
                "Dental Insurance With No Waiting Period",
                [
                    "Cleanings, fillings, crowns, implants and dentures. Use any dentist you like.",
                    "Plans start at <b>$19.95/mo</b>. No age limit. Instant approval.",
                ],
                "See My Plan Options",
                link,
                f"{postal(r)} &middot; <a href='{anylink(r)}'>Remove me</a>",
            )
            + pixel(r, dom)
        )
        return send(r, snd, brand, subj, None, htm, rcpt=rc, unsub_host=dom)
    if t == 3:  # life insurance
        brand = pick(
            r,
            "Guardian Life Quotes",
            "Final Expense Benefits",
            "TermLife Compare",
            "LifeShield Direct",
            "Senior Burial Fund",
        )
        dom = dom_compound(r)
        snd = snd_mix(r, dom)
        amount = pick(r, "$250,000", "$500,000", "$1,000,000", "$25,000")
        cost = pick(r, "$9", "$14", "$1/day", "$21")
        subj = pick(
            r,
            f"{amount} in life coverage for just {cost}/mo",
            "Burial expenses average $12,000 - are your loved ones protected?",
            "No medical exam life insurance - approved in minutes",
            "Your life insurance quote is ready",
        )
        link = anylink(r)
        text = (
            f"{greet(r, rc)}\n\nDid you know you can lock in {amount} of term life coverage for about {cost} a month?\n\n"
            "- No medical exam\n- Ages 50 to 85 accepted\n- Rates can never go up\n- Coverage begins immediately\n\n"
            f"Compare quotes from top-rated carriers: {link}\n\n" + text_footer(r, anylink(r), postal(r))
        )
        htm = None
        if r.random() < 0.5:
            htm = page(
                image_only(r, link, f"{amount} Life Insurance from {cost}", dom, anylink(r), postal(r), 2)
                + hidden(r)
                + pixel(r, dom)
            )
        return send(r, snd, brand, subj, text, htm, rcpt=rc, unsub_host=dom)
    # generic "benefits notice" look-alike, from hacked / unaligned
    brand = pick(r, "Benefits Notification", "Health Coverage Dept.", "Member Services", "Enrollment Center")
    snd = snd_mix(r, dom_gibberish(r), kinds="hux")
    link = anylink(r)
    subj = pick(
        r,
        f"Action Required: Coverage Update #{digits(r, 6)}",
        "Notice: You have unclaimed health benefits",
        "Your benefits card is ready to activate",
    )
    text = (
        f"{greet(r, rc)}\n\nOur records show you have not yet claimed your {pick(r, 'OTC allowance', 'healthy-food card', 'benefits card')} "
        f"for this year. Unclaimed funds of up to ${r.randint(9, 36)}00 will be forfeited on {ldate(rdate(r))}.\n\nActivate your card here: {link}\n\n"
        f"Reference: NB-{digits(r, 8)}\n\nThank you,\nMember Services"
    )
    return send(r, snd, brand, subj, text, None, rcpt=rc, mode="plain", prio=r.random() < 0.4)


def f_warranty(r: random.Random, i: int) -> bytes:
    t = i % 4
    rc = rcpt_pick(r)
    veh = pick(
        r,
        "2017 Ford F-150",
        "2019 Toyota Camry",
        "2016 Honda CR-V",
        "2018 Chevrolet Silverado",
        "2020 Nissan Altima",
        "your vehicle",
        "2015 Jeep Grand Cherokee",
    )
    if t == 0:
        brand = pick(
            r,
            "Vehicle Services Dept.",
            "Auto Protection Center",
            "CarShield Coverage Team",
            "Endurance Auto Plans",
            "Driver Protection Notice",
        )
        dom = dom_compound(r)
        snd = snd_mix(r, dom)
        link = anylink(r)
        subj = pick(
            r,
            f"FINAL NOTICE: Your {veh} warranty has expired",
            "Your factory warranty is expiring - extend now",
            "Don't pay for repairs out of pocket",
            f"Re: extended coverage for {veh}",
            "\U0001f697 Protect your car from costly repairs",
        )
        text = (
            f"{greet(r, rc)}\n\nWe've been trying to reach you concerning your vehicle's extended warranty. Our records indicate the factory coverage on your {veh} "
            f"may have expired.\n\nWithout protection, a single transmission repair can cost $4,000 or more. Reactivate coverage today and get:\n\n"
            f"  * Up to {pick(r, '60', '30', '45')} days FREE\n  * 24/7 roadside assistance & rental car\n  * Any licensed repair shop\n\n"
            f"Get your free quote: {link}\nOr call {phone(r)}\n\nFile #: {rs(r, 2, UHEX)}-{digits(r, 7)}"
            + text_footer(r, anylink(r), postal(r))
        )
        htm = (
            page(
                promo(
                    r,
                    "Your Vehicle Coverage May Have Expired",
                    [f"Protect your {esc(veh)} from expensive repair bills.", f"Call now: <b>{phone(r)}</b>"],
                    "GET MY FREE QUOTE",
                    link,
                    postal(r),
                )
                + pixel(r, dom)
            )
            if r.random() < 0.6
            else None
        )
        return send(r, snd, brand, subj, text, htm, rcpt=rc, unsub_host=dom, prio=r.random() < 0.3)
    if t == 1:
        brand = pick(
            r, "Home Warranty Offers", "Choice Home Protect", "American Home Shield Deals", "HomeSure Plans"
        )
        dom = dom_brand(
            r, pick(r, "homewarranty", "homeshield", "homeguard"), ["plans", "deals", "quote", "pro"]
        )
        snd = snd_mix(r, dom)
        link = anylink(r)
        subj = pick(
            r,
            "Is your AC covered? Home warranty from $1/day",
            "Get 2 months FREE on a home warranty",
            "Appliance broke? You could've been covered",
        )
        htm = page(
            preheader("Covers HVAC, plumbing, electrical and appliances")
            + image_only(
                r, link, "Home Warranty - 2 Months Free", dom, anylink(r), postal(r), r.randint(1, 3)
            )
            + pixel(r, dom)
        )
        return send(r, snd, brand, subj, None, htm, rcpt=rc, unsub_host=dom, p_lu=0.8)
    if t == 2:
        brand = pick(r, "Auto Warranty", "Extended Warranty Notice", "Motor Vehicle Dept")
        snd = snd_mix(r, dom_gibberish(r), kinds="hxxu")
        link = shortlink(r)
        subj = pick(
            r,
            "Warranty Expiration Notice",
            "Notice of Warranty Cancellation",
            f"Last notice for VIN ending {digits(r, 4)}",
        )
        text = (
            f"WARRANTY EXPIRATION NOTICE\n\nVehicle: {veh}\nStatus: EXPIRED\nReference: W{digits(r, 9)}\n\n"
            f"This is your final courtesy notice before we close your file. To keep coverage active, respond within 48 hours.\n\n{link}\n\n"
            "Reply STOP to opt out."
        )
        return send(r, snd, brand, subj, text, None, rcpt=rc, mode="plain", prio=True)
    brand = pick(r, "Protect My Car", "AutoGuard Direct", "Mechanical Breakdown Coverage")
    dom = dom_compound(r)
    snd = s_esp(r, dom)
    link = anylink(r)
    subj = pick(
        r,
        "Repair bills are going up. Your coverage shouldn't.",
        "Quote in 2 minutes: cover your engine & transmission",
        "We pay the mechanic directly",
    )
    htm = page(
        promo(
            r,
            "Car Repairs Are Expensive. Coverage Isn't.",
            [
                "Engine, transmission, A/C, electrical &mdash; covered.",
                "Plans for cars with up to 250,000 miles.",
            ],
            "Get My Quote",
            link,
            f"You are receiving this because you opted in at one of our partner sites.<br>{postal(r)}<br><a href='{anylink(r)}'>Unsubscribe</a>",
        )
        + hidden(r)
        + pixel(r, dom)
    )
    return send(
        r,
        snd,
        brand,
        subj,
        "Car repairs are expensive. Coverage isn't.\n\nGet my quote: " + link,
        htm,
        rcpt=rc,
        unsub_host=dom,
        p_lu=0.9,
    )


def f_health_products(r: random.Random, i: int) -> bytes:
    t = i % 7
    rc = rcpt_pick(r)
    dom = pick(r, dom_compound(r), dom_gibberish(r))
    snd = snd_mix(r, dom, kinds="oooouhxxe")
    link = anylink(r)
    if t == 0:
        celeb = pick(r, "Shark Tank", "Oprah", "Dr. Oz", "Kelly Clarkson")
        subj = pick(
            r,
            f"{celeb}'s keto gummies SOLD OUT twice \u2014 back in stock",
            "Melt 23 lbs in 30 days without diet or exercise",
            "This bedtime 'gummy' burns belly fat while you sleep",
            "Doctors stunned by this 7-second fat-burning ritual",
        )
        text = (
            f"{greet(r, rc)}\n\nAfter appearing on {celeb}, these ACV keto gummies became the #1 selling weight-loss supplement in America.\n\n"
            f"Users report losing {r.randint(14, 40)} lbs in {pick(r, '30 days', 'a month', '6 weeks')} - no diet, no gym.\n\n"
            f"Claim your discounted bottle (only {r.randint(11, 93)} left): {link}\n"
        )
        htm = page(
            image_only(r, link, "Keto Gummies - Limited Stock", None, anylink(r), postal(r), 2)
            + hidden(r)
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, "Keto Burn", "Slim Gummies", "Health News Daily", "Ashley @ KetoLife"),
            subj,
            text if r.random() < 0.5 else None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 1:
        subj = pick(
            r,
            "Full Spectrum CBD - 60% OFF today only",
            "The CBD gummies that replaced my pain pills",
            "\U0001f33f Sleep better tonight: premium CBD oil",
            "Free bottle of CBD - just cover shipping",
        )
        htm = page(
            promo(
                r,
                "Premium CBD Gummies",
                [
                    "Relief from joint pain, anxiety and sleepless nights.",
                    "Lab tested &bull; 0% THC &bull; Made in USA",
                    "<b>Buy 3 Get 2 FREE</b> - limited time",
                ],
                "CLAIM MY DISCOUNT",
                link,
                f"These statements have not been evaluated by the FDA.<br>{postal(r)}<br><a href='{anylink(r)}'>Unsubscribe</a>",
                host=dom,
            )
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, "CBD Wellness", "Nature's Relief CBD", "Green Leaf Labs", "Hemp Health"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 2:
        subj = pick(
            r,
            "Last longer in bed - guaranteed",
            "Men over 40: try this before bed tonight",
            "Be the man she craves \U0001f525",
            "Blue pill alternative - 100% natural",
            "Get harder, bigger, stronger",
        )
        text = (
            f"{pick(r, 'Hey,', 'Hi,', '')}\n\nTired of disappointing her? This natural formula works in 15 minutes. No prescription needed.\n\n"
            f"{pick(r, 'Doctors hate it. She will love it.', 'Over 250,000 men already use it.', 'Discreet shipping to your door.')}\n\n{link}\n\n"
            + (salad(r, 30) if r.random() < 0.4 else "")
        )
        return send(
            r,
            snd,
            pick(r, "Men's Health", "Vital Boost", "Derek", "Stallion Formula", ""),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            p_bcc=0.6,
        )
    if t == 3:
        subj = pick(
            r,
            "Bald men: this 'weird trick' regrows hair in weeks",
            "Hair loss? Don't shave it off yet...",
            "Stop thinning hair - 94% saw results",
        )
        htm = page(
            preheader("A barber's secret from Okinawa")
            + promo(
                r,
                "The Hair-Regrowth Secret Doctors Don't Want You To Know",
                [
                    "A little-known root from Japan is helping men and women regrow thick, full hair.",
                    "Watch the short video before it's taken down.",
                ],
                "WATCH VIDEO",
                link,
                postal(r),
            )
            + hidden(r)
        )
        return send(
            r,
            snd,
            pick(r, "Folexin Research", "Hair Health Report", "Natural Health Journal"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 4:
        cond = pick(
            r,
            "diabetes",
            "tinnitus",
            "neuropathy",
            "high blood pressure",
            "toenail fungus",
            "joint pain",
            "memory loss",
        )
        subj = pick(
            r,
            f"Reverse {cond} with this 10-second morning habit",
            f"Big Pharma furious: {cond} 'cure' leaked",
            f"Harvard doctor: '{cond} is not genetic'",
            f"1 simple trick to end {cond}",
        )
        text = (
            f"{greet(r, rc)}\n\nA retired {pick(r, 'Navy doctor', 'Harvard neurologist', 'Amish farmer', 'Japanese scientist')} discovered a simple drink that "
            f"{pick(r, 'flushes out', 'reverses', 'melts away')} {cond} - and Big Pharma is trying to bury it.\n\n"
            f"Watch the free presentation before it gets taken down:\n{link}\n\nTo your health,\n{pname(r)}\nEditor, {pick(r, 'Natural Cures Weekly', 'Healthy Living Insider', 'Longevity Report')}"
            + text_footer(r, anylink(r), postal(r))
        )
        return send(
            r,
            snd,
            pick(r, "Healthy Living Insider", "Dr. Sarah's Tip", "Natural Cures Weekly", "Health Alert"),
            subj,
            text,
            None,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 5:
        subj = pick(
            r,
            "GLP-1 weight loss - no insurance needed",
            "Semaglutide from $149/mo, shipped to your door",
            "Ozempic alternative: lose 20% body weight",
        )
        htm = page(
            promo(
                r,
                "Medical Weight Loss, Online",
                [
                    "Compounded semaglutide &amp; tirzepatide prescribed online.",
                    "No insurance needed. Cancel anytime.",
                    "<small>*Results vary.</small>",
                ],
                "See If I Qualify",
                link,
                f"{postal(r)} | <a href='{anylink(r)}'>Unsubscribe</a>",
                color="#2a9d8f",
            )
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, "SlimRx Telehealth", "GLP Clinic Online", "WeightCare MD"),
            subj,
            "Compounded semaglutide from $149/mo. See if you qualify: " + link,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    subj = pick(
        r,
        "Your prostate is begging for this",
        "Eat this before bed to fix your eyesight",
        "This fruit cleans your arteries overnight",
    )
    text = f"{salad(r, 12)}\n\n{subj}!\n\n{link}\n\n\n\n\n\n{salad(r, 80)}\n"
    return send(
        r,
        snd,
        pick(r, "Health Tip", "Prostate Health", "Vision Secret"),
        subj,
        text,
        None,
        rcpt=rc,
        mode="plain",
    )


def f_casino(r: random.Random, i: int) -> bytes:
    t = i % 6
    rc = rcpt_pick(r)
    dom = pick(
        r,
        dom_compound(r),
        dom_gibberish(r),
        f"{pick(r, 'spin', 'slots', 'jackpot', 'vegas', 'lucky', 'royal')}{pick(r, 'palace', 'city', 'king', 'win', 'star')}{r.randint(7, 777)}.{r.choice(CHEAP_TLD)}",
    )
    snd = snd_mix(r, dom, kinds="ooouuhxe")
    link = anylink(r)
    if t == 0:
        subj = pick(
            r,
            "\U0001f3b0 200 FREE SPINS are waiting for you",
            "Your $1,500 welcome bonus expires tonight",
            "\U0001f4b0 500% match bonus + 100 free spins",
            "You've been credited 50 free spins",
        )
        htm = page(
            preheader("No deposit needed")
            + promo(
                r,
                "100 FREE SPINS + $1,500 BONUS",
                [
                    "Sign up in 30 seconds &bull; Instant withdrawals &bull; Crypto accepted",
                    "<small>18+ only. T&amp;Cs apply. Play responsibly.</small>",
                ],
                "SPIN NOW",
                link,
                f"{postal(r)}<br><a href='{anylink(r)}'>unsubscribe</a>",
                color="#c9a227",
            )
            + hidden(r)
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, "Vegas Palace Casino", "SpinKing", "Lucky Star Casino", "Jackpot City VIP"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 1:
        sport = pick(
            r,
            "NFL Sunday",
            "the Super Bowl",
            "March Madness",
            "the NBA Finals",
            "the Champions League final",
            "the World Cup",
        )
        subj = pick(
            r,
            f"Bet $5, get $200 in bonus bets for {sport}",
            f"Risk-free first bet on {sport} \U0001f3c8",
            "Your bonus bets are ready - lock in the odds",
        )
        text = (
            f"{greet(r, rc)}\n\n{sport} is here! New players: bet $5 and get $200 in bonus bets, win or lose.\n\n"
            f"Claim now: {link}\n\nMust be 21+. Gambling problem? Help is available - play responsibly."
            + text_footer(r, anylink(r), postal(r))
        )
        return send(
            r,
            snd,
            pick(r, "BetRush Sportsbook", "ProPicks", "Sharp Edge Bets", "WinLine Sports"),
            subj,
            text,
            None,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 2:
        amt = pick(r, "$2,500,000.00", "$1,850,000.00", "\u00a3850,000", "\u20ac1.200.000,00")
        subj = pick(
            r,
            "CONGRATULATIONS! YOUR EMAIL WON",
            f"Winning Notification - Ref {rs(r, 3, UHEX)}/{digits(r, 5)}",
            "Powerball International Award Notice",
            "Your email address has been selected",
        )
        agent = pname(r)
        fmail = f"{free_local(r, agent)}@{r.choice(FREEMAIL)}"
        text = (
            f"ATTN: Winner,\n\nWe are pleased to inform you that your e-mail address attached to ticket number {digits(r, 6)}-{digits(r, 4)} "
            f"drew the lucky numbers {'-'.join(str(r.randint(1, 49)) for _ in range(6))} in our {pick(r, 'International', 'Online', 'Annual')} "
            f"{pick(r, 'Email Lottery', 'Microsoft & Google Promo', 'Euro-Millions Online Draw')} held on {ldate(rdate(r))}.\n\n"
            f"You have therefore been approved for a lump sum pay out of {amt}.\n\nTo file your claim, contact our claims agent:\n\n"
            f"Name: {agent}\nEmail: {fmail}\nPhone: +44 20 7946 0{r.randint(100, 999)}\n\nWith the following: full name, address, age, occupation, phone.\n\n"
            "Keep this award confidential until your claim is processed to avoid double claiming.\n\nCongratulations once again.\n"
            f"{pname(r)}\n(Promotions Manager)"
        )
        snd = snd_mix(r, dom, kinds="fffxh")
        return send(
            r,
            snd,
            pick(r, "Lottery Board", "Euro Millions", "Award Department", "Claims Department", ""),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            reply_to=fmail if fmail != snd.addr else None,
            p_bcc=0.8,
            latin_ok=True,
        )
    if t == 3:  # German casino
        subj = pick(
            r,
            "Ihr 500\u20ac Willkommensbonus wartet \U0001f3b0",
            "100 Freispiele ohne Einzahlung - nur heute!",
            "Gl\u00fcckwunsch! Ihr Bonus wurde freigeschaltet",
        )
        text = (
            f"Hallo,\n\nals neuer Spieler erhalten Sie 100 % bis zu 500 \u20ac Bonus plus 100 Freispiele. Keine Wartezeit, Auszahlung in 5 Minuten.\n\n"
            f"Jetzt Bonus sichern: {link}\n\n18+ | Gl\u00fccksspiel kann s\u00fcchtig machen. Spielen Sie verantwortungsbewusst.\n\n"
            f"Abmelden: {anylink(r)}"
        )
        htm = page(
            promo(
                r,
                "500 \u20ac BONUS + 100 FREISPIELE",
                [
                    "Keine Einzahlung n\u00f6tig &bull; Sofortige Auszahlung",
                    "<small>18+ | AGB gelten</small>",
                ],
                "JETZT SPIELEN",
                link,
                f"<a href='{anylink(r)}'>Abmelden</a>",
                color="#b8860b",
            )
        )
        return send(
            r,
            snd,
            pick(r, "Casino Royal Club", "SpinFabrik", "Gl\u00fcckspalast"),
            subj,
            text,
            htm,
            rcpt=rc,
            unsub_host=dom,
            zone="CE",
        )
    if t == 4:
        subj = pick(
            r,
            "Spin the wheel - guaranteed prize inside",
            "You have 1 unclaimed reward",
            "\u2b50 Daily jackpot: $48,210 - enter free",
        )
        htm = page(image_only(r, link, "Spin & Win", dom, anylink(r), postal(r), 1) + hidden(r))
        return send(
            r,
            snd,
            pick(r, "Wheel of Riches", "Daily Jackpot", "Rewards"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    subj = pick(
        r, "Bonos de bienvenida: 200% + 50 giros gratis", "Gana hasta 1.000 \u20ac en tu primer dep\u00f3sito"
    )
    text = f"Hola,\n\nReg\u00edstrate hoy y recibe un bono del 200% m\u00e1s 50 giros gratis en las mejores tragaperras.\n\nJuega ahora: {link}\n\n+18. Juega con responsabilidad.\nDarse de baja: {anylink(r)}"
    return send(
        r, snd, pick(r, "Casino Estrella", "Giros VIP"), subj, text, None, rcpt=rc, unsub_host=dom, zone="CE"
    )


def f_dating(r: random.Random, i: int) -> bytes:
    t = i % 6
    rc = rcpt_pick(r, prefer_person=True)
    w = r.choice(WOMEN)
    age = r.randint(23, 38)
    dom = pick(
        r,
        dom_compound(r),
        dom_gibberish(r),
        f"{pick(r, 'date', 'flirt', 'meet', 'love', 'hot', 'single')}{pick(r, 'now', 'local', 'mates', 'chat', 'hub')}{r.randint(1, 99)}.{r.choice(CHEAP_TLD)}",
    )
    link = anylink(r)
    if t == 0:
        snd = snd_mix(r, dom, kinds="oooue")
        subj = pick(
            r,
            f"{w} sent you a message",
            f"\U0001f48c {w} ({age}) wants to chat",
            f"New message from {w}",
            f"{w} liked your profile \u2764\ufe0f",
        )
        htm = page(
            promo(
                r,
                f"You have 1 new message from {esc(w)}",
                [
                    f"<b>{esc(w)}, {age}</b> &bull; {r.randint(1, 9)} miles away",
                    f"&ldquo;{esc(pick(r, 'Hey you, saw your pic... are you free tonight?', 'hi handsome, I am new here and a little shy', 'Are you still looking? I am :)'))}&rdquo;",
                ],
                "READ MESSAGE",
                link,
                f"{postal(r)}<br><a href='{anylink(r)}'>Unsubscribe</a>",
                color="#e91e63",
            )
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, f"{w} via MeetLocal", "FlirtAlert", "Dating Notifications", w),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 1:
        n = r.randint(3, 12)
        snd = snd_mix(r, dom, kinds="ooux")
        subj = pick(
            r,
            f"{n} women near you want to meet",
            f"{n} single moms in your area \U0001f525",
            f"{n} new matches nearby - see photos",
            f"Lonely wives within {r.randint(2, 15)} miles",
        )
        text = f"{n} women within {r.randint(2, 15)} miles of you are online right now and looking for discreet fun.\n\nSee their photos (18+): {link}\n\n{salad(r, 25) if r.random() < 0.5 else ''}"
        return send(
            r,
            snd,
            pick(r, "Local Singles", "Discreet Encounters", "Hookup Alerts", ""),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            p_bcc=0.5,
        )
    if t == 2:
        snd = s_free(r, local=f"{w.lower()}{pick(r, '.', '_', '')}{r.choice(LAST).lower()}{r.randint(1, 99)}")
        subj = pick(r, "hi", "hello dear", "Is this you?", "my photos for you", "I saw your profile", "hi :)")
        text = (
            f"Hello dear,\n\nMy name is {w}, I am {age} years old from {pick(r, 'Ukraine', 'Russia', 'Belarus', 'Kazakhstan', 'Philippines')}. "
            f"I found your email on a dating site and I decided to write you. I am looking for serious relationship with a kind man. "
            f"I am not interested in games.\n\nIf you want to know me more and see my photos, write me back to my private email {w.lower()}.{rs(r, 4, ALPHA)}{r.randint(80, 99)}@{pick(r, 'gmail.com', 'mail.ru', 'yahoo.com')}\n\n"
            f"Waiting for your answer,\n{w}"
        )
        return send(r, snd, w, subj, text, None, rcpt=rc, mode="plain", p_bcc=0.1, xmailer=False)
    if t == 3:
        snd = snd_mix(r, dom, kinds="hhxu")
        subj = pick(
            r,
            f"{w} is waiting in private chat",
            "Your video call request was accepted",
            f"[Private] {w} shared 3 photos with you",
        )
        text = f"{w} shared 3 private photos with you.\n\nThey will be deleted in 24 hours.\n\nView now: {shortlink(r)}\n"
        htm = page(
            f'<div style="text-align:center;font:16px Arial">{esc(w)} shared 3 private photos with you.<br><br><a href="{link}"><img src="{img_host(r)}" width="320" alt="photo"></a><br><a href="{link}">View now</a></div>'
            + hidden(r)
        )
        return send(r, snd, pick(r, w, "Private Chat"), subj, text, htm, rcpt=rc)
    if t == 4:
        snd = snd_mix(r, dom, kinds="oe")
        subj = pick(
            r,
            "Meet Christian singles over 50",
            "Find someone special this year",
            "Your compatibility matches are in",
        )
        htm = page(
            promo(
                r,
                "Your Top Matches Are Waiting",
                [
                    "Thousands of singles over 50 are looking for love.",
                    "Join free and see who's compatible with you today.",
                ],
                "See My Matches",
                link,
                f"You received this email because you signed up at one of our partners.<br>{postal(r)}<br><a href='{anylink(r)}'>Unsubscribe</a>",
                color="#7b1fa2",
            )
        )
        return send(
            r,
            snd,
            pick(r, "SeniorMatch Connect", "Faithful Singles", "Over50Love"),
            subj,
            "Your compatibility matches are in: " + link,
            htm,
            rcpt=rc,
            unsub_host=dom,
            p_lu=0.8,
        )
    snd = snd_mix(r, dom, kinds="oux")
    subj = pick(
        r,
        "Du hast eine neue Nachricht von " + w,
        f"{w} ({age}) m\u00f6chte dich kennenlernen",
        "3 Frauen in deiner N\u00e4he suchen ein Treffen",
    )
    text = f"Hallo,\n\n{w} ({age}) hat dir eine private Nachricht geschickt:\n\n\u201eHey, hast du heute Abend Zeit? \U0001f60a\u201c\n\nNachricht lesen: {link}\n\nNur f\u00fcr Personen ab 18 Jahren.\nAbmelden: {anylink(r)}"
    return send(
        r,
        snd,
        pick(r, w, "Flirtkontakt", "Singlebörse Benachrichtigung"),
        subj,
        text,
        None,
        rcpt=rc,
        zone="CE",
    )


BRANDS_US = [
    "Costco",
    "Walmart",
    "Amazon",
    "Kohl's",
    "Target",
    "Home Depot",
    "Lowe's",
    "Sam's Club",
    "Kroger",
    "CVS",
    "Walgreens",
    "Best Buy",
    "Dick's Sporting Goods",
    "Harbor Freight",
    "Aldi",
    "Bass Pro Shops",
    "Starbucks",
    "McDonald's",
    "Dunkin'",
]
PRIZES = [
    "KitchenAid Stand Mixer",
    "Dyson V15 Detect",
    "Apple iPhone 16 Pro",
    "Ninja Air Fryer",
    "Milwaukee M18 Tool Kit",
    "Yeti Tundra 45 Cooler",
    'Samsung 65" Smart TV',
    "Apple AirPods Pro",
    "Emergency Car Kit",
    "Le Creuset Dutch Oven",
    "$500 Gift Card",
    "$750 Gift Card",
    "Stanley Quencher Tumbler",
    "Traeger Grill",
    "Mystery Box",
    "Coleman Camping Set",
    "DeWalt 20V Drill Set",
]


def f_rewards_en(r: random.Random, i: int) -> bytes:
    t = i % 5
    rc = rcpt_pick(r)
    brand = r.choice(BRANDS_US)
    prize = r.choice(PRIZES)
    dom = pick(
        r,
        dom_brand(r, brand, ["rewards", "members", "club", "gift", "promo", "survey", "loyalty"]),
        dom_compound(r),
        dom_gibberish(r),
    )
    snd = snd_mix(r, dom, kinds="oooouuhxe")
    link = anylink(r)
    if t == 0:
        subj = pick(
            r,
            f"{brand} Loyalty Program: you've been selected!",
            f"Your {brand} reward is waiting \U0001f381",
            f"Congratulations! You've been chosen to receive a {prize}",
            f"{brand}: confirm your shipping for the {prize}",
        )
        htm = page(
            preheader(f"Exclusive offer for {brand} customers")
            + image_only(
                r,
                link,
                f"{brand} - Claim your {prize}",
                None,
                anylink(r),
                postal(r),
                r.randint(1, 3),
                extra=f"This is an advertisement. {esc(brand)} is a registered trademark and is not affiliated with this promotion. ",
            )
            + hidden(r)
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(
                r,
                f"{brand} Rewards",
                f"{brand} Loyalty",
                f"{brand} Member Club",
                f"{brand}\u00ae Official",
                brand,
            ),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
            subj_cs="utf-8",
        )
    if t == 1:
        subj = pick(
            r,
            f"Your {brand} Mystery Box is ready for shipping",
            f"\U0001f4e6 {brand} Mystery Box - only $2.95 shipping",
            f"You received a {brand} Mystery Box!",
            f"Final reminder: unclaimed {brand} package",
        )
        text = (
            f"{greet(r, rc)}\n\nThanks for being a loyal {brand} customer! As part of our anniversary, you can receive a Mystery Box with products worth up to ${r.randint(3, 9)}00.\n\n"
            f"You only pay ${pick(r, '2.95', '1.99', '4.95')} for shipping. Hurry, offer ends {pick(r, 'today', 'in 24 hours', 'at midnight')}.\n\n{link}\n"
        )
        htm = page(
            promo(
                r,
                f"{esc(brand)} Mystery Box",
                [
                    f"Products worth up to <b>${r.randint(3, 9)}00</b>",
                    f"Pay only shipping: <b>${pick(r, '2.95', '1.99', '4.95')}</b>",
                    f"Units left: <b style='color:red'>{r.randint(2, 19)}</b>",
                ],
                "CLAIM MY BOX",
                link,
                f"{postal(r)} &bull; <a href='{anylink(r)}'>Unsubscribe</a>",
            )
            + hidden(r)
        )
        return send(
            r,
            snd,
            pick(r, f"{brand}", f"{brand} Customer Care", "Mystery Box", f"{brand} Anniversary"),
            subj,
            text,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 2:
        subj = pick(
            r,
            f"Re: Your {prize} order #{digits(r, 7)}",
            f"Shipment on hold: {prize}",
            f"Delivery attempt failed - {brand} reward",
        )
        text = (
            f"Dear customer,\n\nYour package containing a {prize} from the {brand} reward program could not be delivered because the shipping fee "
            f"(${pick(r, '1.95', '2.00', '2.99')}) was not paid.\n\nPlease confirm your address and pay the fee within 48 hours:\n{link}\n\nTracking: 1Z{rs(r, 16, UHEX)}\n"
        )
        return send(
            r,
            snd,
            pick(r, f"{brand} Delivery", "Shipping Department", "Customer Rewards"),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            prio=r.random() < 0.5,
        )
    if t == 3:
        subj = pick(
            r,
            f"{pick(r, 'Costco', 'Walmart', 'Amazon')} is giving away {prize}s to {r.randint(50, 500)} lucky customers",
            "Winners announced - are you one of them?",
            "(1) Unclaimed Prize In Your Account",
        )
        htm = page(
            f'<center><a href="{link}"><img src="{img_host(r)}" width="600" alt="Prize"></a><br><a href="{link}" style="font:bold 22px Arial;color:#0060a9">Click here to claim &raquo;</a></center>'
            + hidden(r)
            + f'<p style="font-size:9px;color:#aaa;text-align:center">{postal(r)} <a href="{anylink(r)}">opt-out</a></p>'
        )
        return send(
            r,
            snd,
            pick(r, "Prize Notification", "Winner Team", "Customer Rewards Dept", f"{brand} Giveaway"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    subj = pick(
        r,
        f"${r.randint(50, 100)} {brand} gift card - confirm now",
        f"{brand} points expiring: {r.randint(3000, 90000):,} pts",
        "Your points balance is about to expire",
    )
    text = (
        f"{greet(r, rc)}\n\nYou have {r.randint(3000, 90000):,} unredeemed points that will expire on {ldate(rdate(r))}.\nRedeem them now for a ${r.randint(50, 250)} {brand} gift card:\n\n{link}\n\n"
        + text_footer(r, anylink(r), postal(r))
    )
    return send(
        r,
        snd,
        pick(r, f"{brand} Points", "Rewards Center", f"{brand} Member Services"),
        subj,
        text,
        None,
        rcpt=rc,
        unsub_host=dom,
    )


INTL = {
    "nl": {
        "zone": "CE",
        "brands": [
            "Albert Heijn",
            "Lidl",
            "Kruidvat",
            "Action",
            "Jumbo",
            "bol.com",
            "HEMA",
            "Gamma",
            "Praxis",
            "Etos",
        ],
        "prizes": [
            "Philips Airfryer XXL",
            "Dyson V15",
            "iPhone 16",
            "Weber barbecue",
            "Samsung Galaxy S24",
            "cadeaukaart t.w.v. \u20ac500",
            "verrassingsbox",
            "Nespresso-machine",
        ],
        "subj": [
            "Gefeliciteerd! U bent geselecteerd voor een {prize}",
            "Uw {brand} verrassingsbox staat klaar \U0001f381",
            "{brand}: laatste herinnering - uw beloning verloopt vandaag",
            "Vul onze enqu\u00eate in en ontvang een {prize}",
            "Uw pakket kon niet worden bezorgd - betaal \u20ac{fee}",
        ],
        "body": [
            "Beste klant,\n\nTer ere van ons jubileum verloot {brand} deze week {n} exemplaren van de {prize}. U bent geselecteerd om mee te doen!\n\nBeantwoord slechts 3 korte vragen en claim uw beloning. U betaalt alleen \u20ac{fee} verzendkosten.\n\n{link}\n\nDeze aanbieding is geldig tot {date}.",
            "Hallo,\n\nU heeft een {brand} verrassingsbox gewonnen met producten ter waarde van \u20ac{value}! Bevestig uw adres voordat de aanbieding verloopt.\n\nNog maar {n} boxen beschikbaar.\n\n\U0001f449 {link}",
            "Geachte heer/mevrouw,\n\nUw zending met een {prize} ligt klaar in ons distributiecentrum. Omdat de verzendkosten van \u20ac{fee} nog niet zijn voldaan, kunnen wij het pakket niet bezorgen.\n\nBetaal binnen 48 uur via: {link}\n\nMet vriendelijke groet,\nKlantenservice",
        ],
        "cta": "CLAIM NU",
        "unsub": "Afmelden",
        "unsub_text": "Wilt u geen e-mails meer ontvangen? Klik hier om u af te melden:",
        "ad": "{brand} is niet betrokken bij deze actie.",
        "title": "Uw beloning wacht!",
        "greet": "Beste klant,",
        "currency": "\u20ac",
    },
    "de": {
        "zone": "CE",
        "brands": [
            "Lidl",
            "Aldi",
            "dm",
            "Rossmann",
            "MediaMarkt",
            "Kaufland",
            "Otto",
            "Tchibo",
            "Edeka",
            "Bauhaus",
            "OBI",
        ],
        "prizes": [
            "Dyson V15 Detect",
            "iPhone 16 Pro",
            "Thermomix TM6",
            "Bosch Akkuschrauber-Set",
            "Weber Gasgrill",
            "500\u20ac-Gutschein",
            "\u00dcberraschungsbox",
            "Samsung QLED-Fernseher",
        ],
        "subj": [
            "Herzlichen Gl\u00fcckwunsch! Sie wurden f\u00fcr {prize} ausgew\u00e4hlt",
            "Ihre {brand} \u00dcberraschungsbox wartet auf Sie \U0001f381",
            "{brand} Treueprogramm: Ihre Pr\u00e4mie l\u00e4uft heute ab",
            "Nehmen Sie an unserer Umfrage teil und erhalten Sie {prize}",
            "Zustellung fehlgeschlagen: Versandkosten von {fee}\u20ac offen",
            "Letzte Erinnerung: Ihr Gewinn bei {brand}",
        ],
        "body": [
            "Sehr geehrte Kundin, sehr geehrter Kunde,\n\nanl\u00e4sslich unseres Jubil\u00e4ums verlost {brand} in dieser Woche {n} St\u00fcck {prize}. Sie wurden ausgew\u00e4hlt!\n\nBeantworten Sie nur 3 kurze Fragen und sichern Sie sich Ihre Pr\u00e4mie. Sie zahlen lediglich {fee} \u20ac Versand.\n\n{link}\n\nDas Angebot gilt bis {date}.",
            "Hallo,\n\nSie haben eine {brand} \u00dcberraschungsbox im Wert von bis zu {value} \u20ac gewonnen! Best\u00e4tigen Sie Ihre Lieferadresse, bevor das Angebot abl\u00e4uft.\n\nNur noch {n} Boxen verf\u00fcgbar.\n\n\u27a4 {link}",
            "Guten Tag,\n\nIhre Sendung mit einem {prize} liegt in unserem Verteilzentrum bereit. Da die Versandgeb\u00fchr von {fee} \u20ac noch nicht beglichen wurde, k\u00f6nnen wir das Paket nicht zustellen.\n\nBitte zahlen Sie innerhalb von 48 Stunden: {link}\n\nMit freundlichen Gr\u00fc\u00dfen\nIhr Kundenservice",
        ],
        "cta": "JETZT ANFORDERN",
        "unsub": "Abmelden",
        "unsub_text": "Sie m\u00f6chten keine E-Mails mehr erhalten? Hier abmelden:",
        "ad": "Diese Aktion steht in keiner Verbindung zu {brand}.",
        "title": "Ihre Pr\u00e4mie wartet!",
        "greet": "Hallo,",
        "currency": "\u20ac",
    },
    "es": {
        "zone": "CE",
        "brands": [
            "Mercadona",
            "El Corte Ingl\u00e9s",
            "Carrefour",
            "Lidl",
            "Leroy Merlin",
            "Decathlon",
            "MediaMarkt",
            "Coppel",
            "Liverpool",
            "Walmart M\u00e9xico",
        ],
        "prizes": [
            "Thermomix TM6",
            "iPhone 16",
            "Dyson V15",
            "freidora de aire Cecotec",
            "tarjeta regalo de 500 \u20ac",
            "caja sorpresa",
            "Samsung Galaxy S24",
            "robot aspirador Roomba",
        ],
        "subj": [
            "\u00a1Enhorabuena! Ha sido seleccionado para recibir un {prize}",
            "Su caja sorpresa de {brand} le est\u00e1 esperando \U0001f381",
            "{brand}: \u00faltimo aviso, su recompensa caduca hoy",
            "Complete nuestra encuesta y reciba un {prize}",
            "No pudimos entregar su paquete - pague {fee} \u20ac",
        ],
        "body": [
            "Estimado cliente:\n\nCon motivo de nuestro aniversario, {brand} sortea esta semana {n} unidades de {prize}. \u00a1Usted ha sido seleccionado!\n\nResponda solo 3 preguntas y reclame su premio. Solo paga {fee} \u20ac de gastos de env\u00edo.\n\n{link}\n\nOferta v\u00e1lida hasta el {date}.",
            "Hola:\n\n\u00a1Ha ganado una caja sorpresa de {brand} con productos por valor de hasta {value} \u20ac! Confirme su direcci\u00f3n antes de que caduque la oferta.\n\nSolo quedan {n} cajas.\n\n\U0001f449 {link}",
            "Estimado/a cliente:\n\nSu env\u00edo con un {prize} se encuentra en nuestro centro de distribuci\u00f3n. Como los gastos de env\u00edo de {fee} \u20ac no se han abonado, no podemos entregar el paquete.\n\nPague en las pr\u00f3ximas 48 horas: {link}\n\nAtentamente,\nAtenci\u00f3n al cliente",
        ],
        "cta": "RECLAMAR AHORA",
        "unsub": "Darse de baja",
        "unsub_text": "\u00bfNo desea recibir m\u00e1s correos? Darse de baja aqu\u00ed:",
        "ad": "{brand} no patrocina ni est\u00e1 asociado a esta promoci\u00f3n.",
        "title": "\u00a1Su premio le espera!",
        "greet": "Hola,",
        "currency": "\u20ac",
    },
    "pt": {
        "zone": "BR",
        "brands": [
            "Continente",
            "Pingo Doce",
            "Worten",
            "Lidl",
            "Mercado Livre",
            "Americanas",
            "Magazine Luiza",
            "Casas Bahia",
            "Renner",
            "Carrefour",
        ],
        "prizes": [
            "iPhone 16",
            "Air Fryer Philips Walita",
            'Smart TV Samsung 55"',
            "kit de ferramentas Bosch",
            "vale-presente de R$ 1.000",
            "caixa surpresa",
            "Galaxy S24",
            "aspirador Dyson",
        ],
        "subj": [
            "Parab\u00e9ns! Voc\u00ea foi selecionado para receber um {prize}",
            "Sua caixa surpresa {brand} est\u00e1 esperando \U0001f381",
            "{brand}: \u00faltimo aviso - seu pr\u00eamio expira hoje",
            "Responda nossa pesquisa e ganhe um {prize}",
            "Encomenda retida: taxa de envio pendente",
        ],
        "body": [
            "Prezado cliente,\n\nEm comemora\u00e7\u00e3o ao nosso anivers\u00e1rio, a {brand} est\u00e1 sorteando {n} unidades de {prize}. Voc\u00ea foi selecionado!\n\nResponda apenas 3 perguntas r\u00e1pidas e resgate seu pr\u00eamio. Voc\u00ea paga apenas o frete de {fee}.\n\n{link}\n\nPromo\u00e7\u00e3o v\u00e1lida at\u00e9 {date}.",
            "Ol\u00e1!\n\nVoc\u00ea ganhou uma caixa surpresa {brand} com produtos no valor de at\u00e9 {value}! Confirme seu endere\u00e7o antes que a oferta expire.\n\nRestam apenas {n} caixas.\n\n\U0001f449 {link}",
            "Caro(a) cliente,\n\nSua encomenda com um {prize} est\u00e1 em nosso centro de distribui\u00e7\u00e3o. Como a taxa de envio de {fee} ainda n\u00e3o foi paga, n\u00e3o podemos entregar o pacote.\n\nPague em at\u00e9 48 horas: {link}\n\nAtenciosamente,\nServi\u00e7o ao Cliente",
        ],
        "cta": "RESGATAR AGORA",
        "unsub": "Cancelar inscri\u00e7\u00e3o",
        "unsub_text": "N\u00e3o quer mais receber nossos e-mails? Cancele aqui:",
        "ad": "A {brand} n\u00e3o patrocina esta promo\u00e7\u00e3o.",
        "title": "Seu pr\u00eamio est\u00e1 esperando!",
        "greet": "Ol\u00e1,",
        "currency": "R$ ",
    },
    "fr": {
        "zone": "CE",
        "brands": [
            "Carrefour",
            "E.Leclerc",
            "Auchan",
            "Leroy Merlin",
            "Intermarch\u00e9",
            "Lidl",
            "Decathlon",
            "Fnac",
            "Castorama",
            "Boulanger",
        ],
        "prizes": [
            "Thermomix TM6",
            "iPhone 16 Pro",
            "aspirateur Dyson V15",
            "Airfryer Philips",
            "carte cadeau de 500 \u20ac",
            "coffret myst\u00e8re",
            "Samsung Galaxy S24",
            "perceuse Makita",
        ],
        "subj": [
            "F\u00e9licitations ! Vous avez \u00e9t\u00e9 s\u00e9lectionn\u00e9(e) pour recevoir un {prize}",
            "Votre coffret myst\u00e8re {brand} vous attend \U0001f381",
            "{brand} : dernier rappel, votre r\u00e9compense expire aujourd'hui",
            "R\u00e9pondez \u00e0 notre enqu\u00eate et recevez un {prize}",
            "Votre colis est en attente - frais de {fee} \u20ac",
        ],
        "body": [
            "Cher client, ch\u00e8re cliente,\n\n\u00c0 l'occasion de son anniversaire, {brand} fait gagner cette semaine {n} exemplaires du {prize}. Vous avez \u00e9t\u00e9 s\u00e9lectionn\u00e9(e) !\n\nR\u00e9pondez \u00e0 3 questions et r\u00e9cup\u00e9rez votre r\u00e9compense. Seuls {fee} \u20ac de frais de port sont \u00e0 r\u00e9gler.\n\n{link}\n\nOffre valable jusqu'au {date}.",
            "Bonjour,\n\nVous avez gagn\u00e9 un coffret myst\u00e8re {brand} d'une valeur allant jusqu'\u00e0 {value} \u20ac ! Confirmez votre adresse avant l'expiration de l'offre.\n\nIl ne reste que {n} coffrets.\n\n\U0001f449 {link}",
            "Madame, Monsieur,\n\nVotre envoi contenant un {prize} est en attente dans notre centre de distribution. Les frais de livraison de {fee} \u20ac n'ayant pas \u00e9t\u00e9 r\u00e9gl\u00e9s, nous ne pouvons pas livrer le colis.\n\nVeuillez r\u00e9gler sous 48 heures : {link}\n\nCordialement,\nService client",
        ],
        "cta": "J'EN PROFITE",
        "unsub": "Se d\u00e9sinscrire",
        "unsub_text": "Vous ne souhaitez plus recevoir nos e-mails ? D\u00e9sinscrivez-vous ici :",
        "ad": "{brand} n'est pas associ\u00e9 \u00e0 cette offre.",
        "title": "Votre r\u00e9compense vous attend !",
        "greet": "Bonjour,",
        "currency": "\u20ac",
    },
    "it": {
        "zone": "CE",
        "brands": [
            "Esselunga",
            "Conad",
            "Coop",
            "Lidl",
            "MediaWorld",
            "Eurospin",
            "Carrefour",
            "Unieuro",
            "Leroy Merlin",
            "Decathlon",
        ],
        "prizes": [
            "Bimby TM6",
            "iPhone 16",
            "aspirapolvere Dyson V15",
            "friggitrice ad aria De'Longhi",
            "buono regalo da 500 \u20ac",
            "box a sorpresa",
            "Samsung Galaxy S24",
            "macchina da caff\u00e8 Lavazza",
        ],
        "subj": [
            "Congratulazioni! Sei stato selezionato per ricevere un {prize}",
            "La tua box a sorpresa {brand} ti aspetta \U0001f381",
            "{brand}: ultimo avviso, il tuo premio scade oggi",
            "Partecipa al sondaggio e ricevi un {prize}",
            "Il tuo pacco \u00e8 in giacenza - paga {fee} \u20ac",
        ],
        "body": [
            "Gentile cliente,\n\nper festeggiare il nostro anniversario, {brand} mette in palio questa settimana {n} {prize}. Sei stato selezionato!\n\nRispondi a sole 3 domande e riscatta il tuo premio. Paghi solo {fee} \u20ac di spedizione.\n\n{link}\n\nOfferta valida fino al {date}.",
            "Ciao,\n\nhai vinto una box a sorpresa {brand} con prodotti per un valore fino a {value} \u20ac! Conferma il tuo indirizzo prima che l'offerta scada.\n\nSono rimaste solo {n} box.\n\n\U0001f449 {link}",
            "Gentile cliente,\n\nla tua spedizione contenente un {prize} \u00e8 in giacenza presso il nostro centro di distribuzione. Poich\u00e9 le spese di spedizione di {fee} \u20ac non sono state pagate, non possiamo consegnare il pacco.\n\nPaga entro 48 ore: {link}\n\nCordiali saluti,\nServizio clienti",
        ],
        "cta": "RISCATTA ORA",
        "unsub": "Annulla l'iscrizione",
        "unsub_text": "Non vuoi pi\u00f9 ricevere le nostre email? Cancellati qui:",
        "ad": "{brand} non \u00e8 associato a questa promozione.",
        "title": "Il tuo premio ti aspetta!",
        "greet": "Ciao,",
        "currency": "\u20ac",
    },
}
LANGS = ["nl", "de", "es", "pt", "fr", "it"]


def intl_fill(r: random.Random, s: str, lang: str, brand: str, prize: str, link: str) -> str:
    L = INTL[lang]
    fee = (
        pick(r, "1,95", "2,00", "1,99", "2,95", "3,50")
        if lang != "pt"
        else pick(r, "R$ 9,90", "R$ 12,90", "\u20ac1,99")
    )
    value = f"{r.randint(3, 9)}00" if lang != "pt" else pick(r, "R$ 1.500", "R$ 2.000", "\u20ac500")
    d = rdate(r)
    return s.format(
        brand=brand,
        prize=prize,
        link=link,
        fee=fee,
        value=value,
        n=r.randint(3, 100),
        date=f"{d.day:02d}/{d.month:02d}/{d.year}",
        cur=L["currency"],
    )


def f_rewards_intl(r: random.Random, i: int) -> bytes:
    lang = LANGS[i % 6]
    L = INTL[lang]
    rc = rcpt_pick(r)
    brand = r.choice(L["brands"])
    prize = r.choice(L["prizes"])
    tld_local = {
        "nl": ["nl", "eu"],
        "de": ["de", "eu"],
        "es": ["es", "eu"],
        "pt": ["pt", "com.br"],
        "fr": ["fr", "eu"],
        "it": ["it", "eu"],
    }[lang]
    dom = pick(
        r,
        dom_brand(r, brand.split()[0], ["actie", "promo", "club", "gift", "bonus", "win", "premio", "box"]),
        dom_compound(r),
        dom_gibberish(r),
        f"{rs(r, 6, ALPHA)}{r.randint(1, 99)}.{r.choice(tld_local)}",
    )
    snd = snd_mix(r, dom, kinds="ooouuhhxe")
    link = anylink(r)
    k = (i // 6) % 5
    subj = intl_fill(r, L["subj"][k % len(L["subj"])], lang, brand, prize, link)
    text = intl_fill(r, L["body"][(k + i) % 3], lang, brand, prize, link)
    unsub = anylink(r)
    style = r.randrange(4)
    if style == 0:
        t, h = text + f"\n\n{L['unsub_text']} {unsub}\n", None
    elif style == 1:
        paras = [esc(p).replace("\n", "<br>") for p in text.replace(link, "").split("\n\n") if p.strip()]
        t = None
        h = page(
            preheader(L["title"])
            + promo(
                r,
                esc(L["title"]),
                paras,
                L["cta"],
                link,
                f"{esc(intl_fill(r, L['ad'], lang, brand, prize, link))}<br><a href='{unsub}'>{L['unsub']}</a>",
            )
            + hidden(r)
            + pixel(r, dom),
            L["title"],
        )
    elif style == 2:
        t = text + f"\n\n{L['unsub_text']} {unsub}\n"
        h = page(
            image_only(
                r,
                link,
                L["title"],
                None,
                unsub,
                intl_fill(r, L["ad"], lang, brand, prize, link),
                r.randint(1, 3),
            )
            + pixel(r, dom)
        )
    else:
        t = None
        h = page(
            f'<div style="text-align:center"><a href="{link}"><img src="{img_host(r)}" alt="{esc(brand)}" width="600"></a></div>'
            f'<p style="font:15px Arial">{esc(text).replace(chr(10), "<br>")}</p><p style="font-size:10px;color:#999">{esc(L["unsub_text"])} <a href="{unsub}">{L["unsub"]}</a></p>'
            + hidden(r)
        )
    frm = pick(
        r,
        brand,
        f"{brand} {pick(r, 'Club', 'Promo', 'Service', 'Rewards')}",
        L["title"].rstrip("!"),
        f"{brand}\u00ae",
    )
    return send(r, snd, frm, subj, t, h, rcpt=rc, unsub_host=dom, zone=L["zone"])


SURVEY = {
    "en": (
        "{brand} Customer Survey - ${amt} reward inside",
        "Complete our 30-second survey and get a ${amt} reward",
        "{greet}\n\nCongratulations! You have been chosen to take part in our short, anonymous {brand} customer satisfaction survey. It takes just 30 seconds.\n\nAs a thank-you, you will receive an exclusive reward worth ${amt}.\n\nStart the survey: {link}\n\nThis offer expires {date}. Only one reward per household.",
    ),
    "en2": (
        "Quick question about your last {brand} visit",
        "We value your opinion: ${amt} thank-you gift",
        "{greet}\n\nHow was your recent experience at {brand}? Tell us in 5 quick questions and pick your thank-you gift (valued at ${amt}).\n\n-> {link}\n\nSurvey ID: {sid}",
    ),
    "es": (
        "Encuesta de satisfacci\u00f3n {brand}: recompensa de {amt} \u20ac",
        "Responda 5 preguntas y gane {amt} \u20ac",
        "Hola,\n\nHa sido seleccionado para participar en nuestra breve encuesta de satisfacci\u00f3n de {brand}. Solo le llevar\u00e1 30 segundos.\n\nComo agradecimiento recibir\u00e1 una recompensa exclusiva valorada en {amt} \u20ac.\n\nEmpezar la encuesta: {link}\n\nID de encuesta: {sid}",
    ),
    "de": (
        "{brand} Kundenumfrage: {amt}\u20ac Pr\u00e4mie f\u00fcr Ihre Meinung",
        "Nur 30 Sekunden - {amt}\u20ac Belohnung sichern",
        "Guten Tag,\n\nSie wurden ausgew\u00e4hlt, an unserer kurzen {brand} Kundenzufriedenheitsumfrage teilzunehmen. Es dauert nur 30 Sekunden.\n\nAls Dankesch\u00f6n erhalten Sie eine exklusive Pr\u00e4mie im Wert von {amt} \u20ac.\n\nZur Umfrage: {link}\n\nUmfrage-ID: {sid}",
    ),
}


def f_survey(r: random.Random, i: int) -> bytes:
    keys = ["en", "en2", "en", "es", "en2", "de"]
    key = keys[i % len(keys)]
    rc = rcpt_pick(r)
    if key == "es":
        brand = r.choice(INTL["es"]["brands"])
    elif key == "de":
        brand = r.choice(INTL["de"]["brands"])
    else:
        brand = r.choice(
            [
                *BRANDS_US,
                "AT&T",
                "Verizon",
                "T-Mobile",
                "Xfinity",
                "State Farm",
                "Geico",
                "UPS",
                "USPS",
                "FedEx",
                "Delta Air Lines",
            ]
        )
    s1, s2, b = SURVEY[key]
    amt = r.choice([50, 75, 90, 100, 150])
    dom = pick(
        r,
        dom_brand(r, brand.split()[0], ["survey", "feedback", "opinion", "research", "rewards"]),
        dom_compound(r),
        dom_gibberish(r),
    )
    snd = snd_mix(r, dom, kinds="oooouhxe")
    link = anylink(r)
    subj = pick(r, s1, s2).format(brand=brand, amt=amt)
    text = b.format(
        brand=brand,
        amt=amt,
        greet=greet(r, rc),
        link=link,
        sid=f"{rs(r, 3, UHEX)}-{digits(r, 6)}",
        date=ldate(rdate(r)),
    )
    htm = None
    if r.random() < 0.6:
        paras = [esc(p).replace("\n", "<br>") for p in text.replace(link, "").split("\n\n") if p.strip()]
        cta = {"es": "EMPEZAR", "de": "JETZT STARTEN"}.get(
            key, pick(r, "START SURVEY", "Begin Now", "CLAIM MY REWARD")
        )
        htm = page(
            promo(
                r,
                esc(subj),
                paras,
                cta,
                link,
                f"{postal(r)}<br><a href='{anylink(r)}'>{'unsubscribe' if key.startswith('en') else 'unsubscribe / abmelden'}</a>",
            )
            + hidden(r)
            + pixel(r, dom)
        )
        if r.random() < 0.5:
            text = None
    return send(
        r,
        snd,
        pick(
            r,
            f"{brand} Survey",
            f"{brand} Feedback",
            "Customer Opinion Panel",
            f"{brand} Customer Care",
            brand,
        ),
        subj,
        text,
        htm,
        rcpt=rc,
        unsub_host=dom,
        zone={"es": "CE", "de": "CE"}.get(key),
    )


def f_home_improvement(r: random.Random, i: int) -> bytes:
    t = i % 6
    rc = rcpt_pick(r)
    dom = pick(
        r,
        dom_compound(r),
        dom_gibberish(r),
        f"{pick(r, 'solar', 'sun', 'roof', 'gutter', 'energy', 'heatpump')}{pick(r, 'savers', 'pros', 'quotes', 'direct', 'america', 'nation')}{r.randint(1, 99)}.{r.choice([*CHEAP_TLD, 'com', 'us'])}",
    )
    snd = snd_mix(r, dom, kinds="oooouhxe")
    link = anylink(r)
    foot = text_footer(r, anylink(r), postal(r))
    if t == 0:
        subj = pick(
            r,
            "New 2025 program pays homeowners to go solar",
            "Solar panels for $0 down - check eligibility",
            "\u2600\ufe0f Your electric bill could drop 90%",
            "Tax credit for solar ends soon - see if your roof qualifies",
        )
        text = (
            f"{greet(r, rc)}\n\nHomeowners in your area are getting solar panels installed for $0 out of pocket thanks to a little-known program. "
            f"The average family saves ${r.randint(1100, 2400):,} a year on electricity.\n\nEnter your ZIP to check eligibility: {link}\n"
            + foot
        )
        htm = (
            page(image_only(r, link, "Go Solar for $0 Down", dom, anylink(r), postal(r), 2) + pixel(r, dom))
            if r.random() < 0.5
            else None
        )
        return send(
            r,
            snd,
            pick(
                r, "Solar Savings Program", "SunPower Partners", "Energy Rebate Center", "Home Solar Quotes"
            ),
            subj,
            text,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 1:
        subj = pick(
            r,
            "Is your business overpaying for electricity?",
            "Commercial solar: cut your practice's energy costs",
            "Quick question about your building's energy bills",
        )
        n = pname(r)
        text = (
            f"{greet(r, rc)}\n\nI work with {pick(r, 'dental practices', 'medical offices', 'small businesses')} in your area to lower their energy costs with commercial solar and LED retrofits. "
            f"Most of our clients see a {r.randint(25, 60)}% reduction in their monthly bill, and with the 30% federal tax credit the system often pays for itself in 4 years.\n\n"
            f"Would you be open to a free 15-minute energy assessment next week?\n\nBest,\n{n}\n{pick(r, 'Energy Consultant', 'Business Development', 'Senior Advisor')}\n{phone(r, False)}"
        )
        snd = snd_mix(r, dom, local=n.split()[0].lower(), kinds="oof")
        return send(r, snd, n, subj, text, None, rcpt=rc, mode="plain", p_bcc=0.1, xmailer=False)
    if t == 2:
        subj = pick(
            r,
            "Heat pumps now up to $8,000 cheaper",
            "Replace your furnace with a heat pump - rebates available",
            "Stay cool for less: heat pump rebates in your area",
        )
        htm = page(
            promo(
                r,
                "Heat Pump Rebates Are Here",
                [
                    "Get up to <b>$8,000</b> in rebates plus a 30% federal tax credit.",
                    "Heat and cool your home for less &mdash; free in-home estimate.",
                ],
                "Check My Rebate",
                link,
                f"{postal(r)} &bull; <a href='{anylink(r)}'>Unsubscribe</a>",
                color="#0077b6",
            )
            + hidden(r)
        )
        return send(
            r,
            snd,
            pick(r, "HVAC Rebate Center", "Heat Pump Deals", "Comfort Home Energy"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 3:
        subj = pick(
            r,
            "Storm damage? Your insurance may pay for a new roof",
            "Free roof inspection this week",
            "Roof replacement from $99/mo",
        )
        text = (
            f"{greet(r, rc)}\n\nRecent storms in your area caused hidden damage to thousands of roofs. Most homeowner's insurance policies cover a full replacement.\n\n"
            f"Book your FREE inspection: {link}\nor call {phone(r, False)}\n" + foot
        )
        return send(
            r,
            snd,
            pick(r, "Roofing Pros", "Storm Restoration Team", "Roof Replacement Quotes"),
            subj,
            text,
            None,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 4:
        subj = pick(
            r,
            "Never clean your gutters again",
            "LeafFilter-style gutter guards: 30% OFF",
            "Stop climbing ladders - gutter protection installed in one day",
        )
        htm = page(
            preheader("Plus an extra 10% off for seniors & veterans")
            + image_only(r, link, "Gutter Guards - 30% Off", dom, anylink(r), postal(r), r.randint(1, 3))
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, "Gutter Guard Deals", "Clog-Free Gutters", "HomeAdvisor Offers"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
            p_lu=0.8,
        )
    subj = pick(
        r,
        "Walk-in tubs for seniors - see prices",
        "Replace your windows for $0 down",
        "New bath in one day - $1,500 off",
    )
    text = f"{subj}!\n\nLimited-time offer for homeowners. Get your free quote today: {link}\n" + foot
    htm = page(
        promo(
            r,
            esc(subj),
            ["Financing available. Free in-home consultation.", "Offer ends soon."],
            "Get Free Quote",
            link,
            postal(r),
        )
    )
    return send(
        r,
        snd,
        pick(r, "Home Improvement Deals", "Bath Remodel Quotes", "Window Replacement"),
        subj,
        text,
        htm,
        rcpt=rc,
        unsub_host=dom,
    )


def f_loans(r: random.Random, i: int) -> bytes:
    t = i % 6
    rc = rcpt_pick(r)
    dom = pick(
        r,
        dom_compound(r),
        dom_gibberish(r),
        f"{pick(r, 'fast', 'quick', 'easy', 'capital', 'fund', 'cash')}{pick(r, 'lending', 'funding', 'loans', 'capital', 'advance')}{pick(r, 'now', 'usa', 'group', '')}.{r.choice([*CHEAP_TLD, 'com', 'net'])}",
    )
    snd = snd_mix(r, dom, kinds="ooouuhxfe")
    link = anylink(r)
    amt = r.choice([5000, 15000, 25000, 50000, 75000, 150000, 250000, 500000])
    foot = text_footer(r, anylink(r), postal(r))
    if t == 0:
        subj = pick(
            r,
            f"You're pre-approved for ${amt:,}",
            f"Pre-Approved: ${amt:,} business funding",
            f"Funds available: ${amt:,} - same day",
            f"RE: your ${amt:,} approval",
        )
        text = (
            f"{greet(r, rc)}\n\nGood news - {ORG if r.random() < 0.4 else 'your business'} has been pre-approved for up to ${amt:,} in working capital.\n\n"
            f"- No collateral\n- Bad credit OK\n- Funds in as little as 24 hours\n\nCheck your offer (won't affect your credit): {link}\n\n"
            f"Reply REMOVE to opt out." + foot
        )
        return send(
            r,
            snd,
            pick(r, "Business Funding Dept.", "Capital Approval Team", "Merchant Funding", pname(r)),
            subj,
            text,
            None,
            rcpt=rc,
            unsub_host=dom,
            mode="plain",
        )
    if t == 1:
        subj = pick(
            r,
            "Struggling with debt? Cut it in half",
            "Get out of debt up to 50% faster",
            "Credit card debt relief - see if you qualify",
            "Tired of minimum payments?",
        )
        htm = page(
            promo(
                r,
                "Reduce Your Debt By Up To 50%",
                [
                    "One low monthly payment. No loan required.",
                    "If you owe <b>$10,000 or more</b>, you may qualify.",
                ],
                "See If I Qualify",
                link,
                f"Not available in all states. {postal(r)}<br><a href='{anylink(r)}'>Unsubscribe</a>",
                color="#2e7d32",
            )
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, "Debt Relief Program", "National Debt Help", "Freedom Debt Advisors"),
            subj,
            "Reduce your debt by up to 50%: " + link,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 2:
        subj = pick(
            r,
            "Raise your credit score 100+ points",
            "Remove negative items from your credit report",
            "720+ credit score in 30 days \u2714",
        )
        text = (
            f"{greet(r, rc)}\n\nOur credit experts removed over 1,000,000 negative items last year - collections, late payments, charge-offs.\n\nFree consultation: {link}\n"
            + foot
        )
        return send(
            r,
            snd,
            pick(r, "Credit Repair Experts", "ScoreBoost", "Credit Restoration"),
            subj,
            text,
            None,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 3:
        subj = pick(
            r,
            "Need cash today? Get up to $5,000",
            "Emergency loan - approved in 5 minutes",
            "\U0001f4b5 $1,000 deposited tomorrow",
        )
        htm = page(image_only(r, link, "Cash Loans Up To $5,000", dom, anylink(r), postal(r), 1) + hidden(r))
        return send(
            r,
            snd,
            pick(r, "CashNow", "Loan Approval", "Payday Express"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 4:
        n = pname(r)
        subj = pick(
            r, "Loan Offer", "Do you need a loan?", "Financial Assistance", "LOAN AT 2% INTEREST RATE"
        )
        fm = f"{free_local(r, n)}@{r.choice(FREEMAIL)}"
        text = (
            f"Good day,\n\nAre you in need of a loan for business, personal use, debt consolidation or to pay bills? We offer loans to individuals and companies at a low interest rate of "
            f"{pick(r, '2%', '3%', '1.5%')} per annum. Loan amount from $5,000 to $50,000,000.\n\nIf interested, contact us with:\n\nFull name:\nCountry:\nAmount needed:\nDuration:\nPhone:\n\n"
            f"Contact: {fm}\n\nRegards,\n{n}\n{pick(r, 'Global Trust Finance Ltd', 'Crestline Lending Co.', 'Oakmont Private Lenders')}"
        )
        snd = snd_mix(r, dom, kinds="fffhx")
        return send(r, snd, n, subj, text, None, rcpt=rc, mode="plain", reply_to=fm, p_bcc=0.7)
    subj = pick(
        r,
        "Equipment financing for dental practices - 0% down",
        "SBA loans up to $5M: rates just dropped",
        "Line of credit for your practice",
    )
    n = pname(r)
    text = (
        f"{greet(r, rc)}\n\nI help {pick(r, 'dental offices', 'medical practices', 'healthcare businesses')} finance new equipment (CBCT, chairs, lasers) and expansions. "
        f"We can approve up to ${amt:,} with 0% down and the first payment in 90 days.\n\nWorth a quick call? Or just reply with a good time.\n\n{n}\n{pick(r, 'Senior Funding Advisor', 'Managing Director')}\n{phone(r, False)}\n\n"
        "If you'd prefer not to hear from me again, reply 'no thanks'."
    )
    snd = snd_mix(r, dom, local=n.split()[0].lower(), kinds="ooof")
    return send(r, snd, n, subj, text, None, rcpt=rcpt_pick(r, True), mode="plain", p_bcc=0.05, xmailer=False)


def btc_addr(r: random.Random) -> str:
    return (
        "bc1q" + rs(r, 38, BECH)
        if r.random() < 0.6
        else pick(r, "1", "3") + rs(r, 33, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
    )


def f_crypto(r: random.Random, i: int) -> bytes:
    t = i % 6
    rc = rcpt_pick(r)
    dom = pick(
        r,
        dom_compound(r),
        dom_gibberish(r),
        f"{pick(r, 'quantum', 'bit', 'crypto', 'ai', 'neo', 'smart')}{pick(r, 'trade', 'profit', 'capital', 'invest', 'wealth')}{pick(r, 'ai', 'x', 'pro', '360', '')}.{r.choice([*CHEAP_TLD, 'com', 'io'])}",
    )
    snd = snd_mix(r, dom, kinds="ooouuhxfe")
    link = anylink(r)
    if t == 0:
        subj = pick(
            r,
            "This AI trading bot made me $3,412 last week",
            "AI investment platform: earn up to $1,500/day",
            "The 'Quantum AI' platform everyone is talking about",
            "Your account is ready: $250 deposit -> passive income",
        )
        text = (
            f"{greet(r, rc)}\n\nOur AI trading platform uses advanced algorithms to trade crypto, stocks and forex automatically - with a {r.randint(85, 99)}% success rate.\n\n"
            f"Members start with just $250 and see profits in their first 24 hours. A dedicated account manager will call you to set everything up.\n\n"
            f"Register free: {link}\n\nRisk warning: trading involves risk."
        )
        htm = page(
            promo(
                r,
                "Let AI Trade For You",
                [
                    "Start with $250 &bull; Withdraw anytime &bull; No experience needed",
                    f"&ldquo;I earned my first $1,000 in 3 days.&rdquo; &mdash; {esc(pname(r))}",
                ],
                "OPEN FREE ACCOUNT",
                link,
                f"<a href='{anylink(r)}'>Unsubscribe</a>",
                color="#0b3d91",
            )
            + hidden(r)
        )
        return send(
            r,
            snd,
            pick(r, "Quantum AI", "Immediate Edge", "CryptoPro AI", "Bitcoin Profit Team", pname(r)),
            subj,
            text,
            htm if r.random() < 0.6 else None,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 1:
        who = pick(r, "Elon Musk", "Tesla", "SpaceX", "MicroStrategy")
        coin = pick(r, "BTC", "ETH", "DOGE", "USDT")
        subj = pick(
            r,
            f"{who} Giveaway: 5,000 {coin} - double your deposit",
            f"Official {who} crypto event - LIVE now",
            f"\U0001f680 {who} is giving back to the community",
        )
        text = (
            f"To celebrate {pick(r, 'our new AI chip launch', 'the Starship milestone', 'Bitcoin reaching a new all-time high')}, {who} is giving away 5,000 {coin} to the community!\n\n"
            f"HOW IT WORKS: send between 0.1 and 20 {coin} to the event address and you will instantly receive DOUBLE back.\n\n"
            f"Send 0.1 {coin} -> get 0.2 {coin} back\nSend 1 {coin} -> get 2 {coin} back\n\nEvent address: {btc_addr(r) if coin == 'BTC' else '0x' + rs(r, 40, HEX)}\n\n"
            f"Live page: {link}\n\nOnly the first 500 participants. Event ends in {r.randint(2, 9)} hours."
        )
        return send(
            r,
            snd,
            pick(r, f"{who} Event", f"{who} Official", "Crypto Giveaway"),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            p_bcc=0.6,
        )
    if t == 2:
        subj = pick(
            r,
            f"Withdrawal pending: {r.uniform(0.3, 2.4):.4f} BTC in your account",
            "You have unclaimed crypto: $48,750.20",
            "Your cloud mining balance is ready for withdrawal",
        )
        text = (
            f"{greet(r, rc)}\n\nYour account balance of {r.uniform(0.3, 2.4):.4f} BTC (\u2248${r.randint(21000, 160000):,}) from our cloud mining program is available for withdrawal.\n\n"
            f"Unclaimed balances are returned after 7 days. Log in to withdraw: {link}\n\nUser ID: {digits(r, 8)}\nSupport: support@{dom}"
        )
        return send(
            r,
            snd,
            pick(r, "Cloud Mining", "BTC Wallet Service", "Withdrawal Dept.", "Crypto Exchange"),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            prio=r.random() < 0.5,
        )
    if t == 3:
        subj = pick(
            r,
            "The next 100x coin launches Friday",
            "Presale ends in 48h: get in before Binance listing",
            "Insider alert: this AI token could explode",
        )
        htm = page(
            preheader("Early buyers get 40% bonus tokens")
            + promo(
                r,
                "PRESALE IS LIVE",
                [
                    f"Stage {r.randint(2, 9)} of 12 &bull; Price rises in 48h",
                    "Audited &bull; Listing confirmed",
                ],
                "BUY NOW",
                link,
                f"Not financial advice. <a href='{anylink(r)}'>Unsubscribe</a>",
                color="#f7931a",
            )
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, "Crypto Insider", "Token Alerts", "Altcoin Daily Picks"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 4:  # German
        subj = pick(
            r,
            "Neue Plattform: Mit KI bis zu 1.200 \u20ac am Tag verdienen",
            "Deutsche Sparer nutzen diese KI-Plattform",
            "Ihr Konto wurde freigeschaltet",
        )
        text = (
            f"Guten Tag,\n\nimmer mehr Deutsche verdienen mit unserer KI-gest\u00fctzten Handelsplattform ein passives Einkommen. Starten Sie mit nur 250 \u20ac - "
            f"ein pers\u00f6nlicher Kontomanager ruft Sie an und richtet alles f\u00fcr Sie ein.\n\nJetzt kostenlos registrieren: {link}\n\nRisikohinweis: Der Handel ist mit Risiken verbunden.\nAbmelden: {anylink(r)}"
        )
        return send(
            r,
            snd,
            pick(r, "KI Invest", "Finanz-Nachrichten", "Bitcoin Code Deutschland"),
            subj,
            text,
            None,
            rcpt=rc,
            unsub_host=dom,
            zone="CE",
        )
    # Dutch
    subj = pick(
        r,
        "Nederlanders verdienen duizenden euro's met dit AI-platform",
        "Uw account is geactiveerd - start met \u20ac250",
        "Nieuw: beleggen met kunstmatige intelligentie",
    )
    text = (
        f"Beste lezer,\n\nMet ons AI-handelsplatform verdienen steeds meer Nederlanders een passief inkomen. Start met slechts \u20ac250; een persoonlijke accountmanager belt u om alles in te stellen.\n\n"
        f"Registreer gratis: {link}\n\nRisicowaarschuwing: beleggen brengt risico's met zich mee.\nAfmelden: {anylink(r)}"
    )
    return send(
        r,
        snd,
        pick(r, "AI Beleggen", "Crypto Nieuws NL", "Financieel Nieuws"),
        subj,
        text,
        None,
        rcpt=rc,
        unsub_host=dom,
        zone="CE",
    )


def f_seo(r: random.Random, i: int) -> bytes:
    t = i % 6
    rc = rcpt_pick(r)
    name = r.choice(SEO_NAMES)
    snd = (
        s_free(
            r,
            pick(r, "gmail.com", "gmail.com", "outlook.com", "yahoo.com", "hotmail.com"),
            local=free_local(r, name),
        )
        if r.random() < 0.75
        else s_own(r, dom_compound(r, COMMON_TLD + CHEAP_TLD[:6]), name.split()[0].lower())
    )
    site = DOM
    if t == 0:
        subj = pick(
            r,
            f"Proposal for {site}",
            "Re: Website Ranking on Google",
            f"{site} - first page of Google?",
            "Quick question",
            "SEO Proposal",
        )
        text = (
            f"{pick(r, 'Hi,', 'Hello,', 'Hi Team,', 'Dear Business Owner,')}\n\nI was checking your website {site} and noticed it is not ranking on the first page of Google for keywords like "
            f'"{pick(r, "dentist near me", "family dentist", "teeth whitening", "dental implants")}". I also found a few errors:\n\n'
            "1. Website is not mobile-friendly\n2. Low domain authority\n3. Missing meta tags and slow loading speed\n4. Not enough backlinks\n\n"
            "We can fix these and get you on page 1 with an affordable plan. Can I send you a free audit report and our price list?\n\n"
            f"Thanks & Regards,\n{name}\n{pick(r, 'SEO Consultant', 'Digital Marketing Executive', 'Business Development Manager')}\n\n"
            f'PS: If you\'re not interested, reply with "{pick(r, "No", "Remove", "Unsubscribe")}".'
        )
    elif t == 1:
        subj = pick(
            r,
            "Website Redesign",
            f"Redesign of {site}",
            "Your website looks outdated",
            "Re: Website Development",
        )
        text = (
            f"Hi,\n\nI came across {site} and I really like your business, but the website design looks a bit outdated and is not converting visitors into appointments.\n\n"
            "We are a team of 25+ developers and designers (WordPress, Shopify, Wix, custom) and can give it a modern, fast and SEO-friendly look at a very reasonable cost.\n\n"
            f"May I send you some of our past work and a quote?\n\nBest,\n{name}"
        )
    elif t == 2:
        subj = pick(
            r,
            "Guest Post Inquiry",
            "Collaboration request",
            "Paid guest post on your site?",
            "Sponsored article placement",
        )
        text = (
            f"Hello Admin,\n\nI am {name}, a content writer. I would like to contribute a high-quality, unique article on your website {site} related to {pick(r, 'oral health', 'healthcare', 'wellness', 'lifestyle')}.\n\n"
            f"We can pay ${r.randint(30, 150)} per post with one do-follow link. Please share your price and guidelines.\n\n"
            f"Also we have guest posts available on {r.randint(500, 3000)}+ sites with DA 30-90 if you are interested in link building.\n\nLooking forward,\n{name}"
        )
    elif t == 3:
        subj = pick(
            r,
            "More patients for your practice",
            "Lead generation for dentists",
            "20+ new patient appointments per month?",
        )
        text = (
            f"Hi {FIRST_OF.get(rc[1].split('@')[0], 'there')},\n\nWe help dental practices book 20-40 new patient appointments per month using Google Ads, Facebook and AI chat. "
            "You only pay for results.\n\nOpen to a 10-minute call this week? Here's my calendar: "
            + shortlink(r)
            + f"\n\n{name}\n{pick(r, 'Growth Partner', 'Founder')}, {pick(r, 'DentalLeadsPro', 'SmileGrowth Agency', 'PatientFlow Marketing')}\n\nNot interested? Just reply 'stop'."
        )
    elif t == 4:
        subj = pick(r, f"Follow up: {site}", "Re: Re: Proposal", "Did you get my last email?", "Following up")
        text = (
            f"Hi,\n\nJust following up on my previous email. Did you get a chance to review it?\n\nWe can help {site} get more traffic and leads. Please let me know.\n\n"
            f"Regards,\n{name}\n\n-----Original Message-----\nI was checking your website and noticed some issues that are affecting your Google ranking...\n"
        )
    else:
        subj = pick(
            r,
            "Mobile app for your business",
            "Google Business Profile suspended?",
            "1000+ reviews for your Google profile",
        )
        text = (
            f"Hello,\n\nI noticed your Google Business Profile has only a few reviews. We can help you get more 5-star reviews and rank in the Map Pack within 30 days. "
            f"Also we develop mobile apps for clinics at a low cost.\n\nReply for prices.\n\n{name}\nWhatsApp: +91 {r.randint(70000, 99999)} {r.randint(10000, 99999)}"
        )
    htm = None
    if r.random() < 0.35:
        htm = '<div dir="ltr">' + "<br>".join(esc(x) for x in text.split("\n")) + "</div>\n"
    return send(r, snd, name, subj, text, htm, rcpt=rc, p_bcc=0.15, xmailer=False, subj_cs="utf-8")


def f_fake_invoice(r: random.Random, i: int) -> bytes:
    t = i % 4
    rc = ("", f"billing@{DOM}") if r.random() < 0.5 else rcpt_pick(r)
    inv = f"{pick(r, 'INV', 'DS', 'WD', '')}{digits(r, 7)}"
    if t == 0:  # domain slamming
        brand = pick(
            r,
            "Domain Services",
            "Domain Registration Services",
            "DNS Registry Notice",
            "Web Domain Services Inc.",
            "Domain Listing Corp",
        )
        dom = pick(
            r,
            f"domain{pick(r, 'serviceinc', 'registry-notice', 'renewals', 'listingcorp')}.{r.choice(['com', 'net', 'org', 'us'])}",
            dom_compound(r),
        )
        snd = snd_mix(r, dom, kinds="oooux")
        price = pick(r, "$89.00", "$75.00", "$119.00", "$199.00")
        subj = pick(
            r,
            f"{DOM} - Domain Service Notice",
            f"Final Notice: {DOM} expiration",
            f"DOMAIN SERVICE EXPIRATION NOTICE - {DOM.upper()}",
            f"Attn: {DOM} Invoice #{inv}",
        )
        text = (
            f"DOMAIN NAME: {DOM}\nORDER ID: {inv}\nTERM: 12 months\nAMOUNT: {price}\n\nATTN: Accounts Payable\n\n"
            f"This is your final notice of domain listing. This letter is to inform you that it's time to send in your search engine registration for {DOM}.\n\n"
            f"Failure to complete your search engine registration by {ldate(rdate(r))} may result in the cancellation of this offer (making it difficult for your customers to locate you using search engines on the web).\n\n"
            f"Your registration includes search engine submission for {DOM} for 1 year. You are under no obligation to pay the amount stated above unless you accept this offer. "
            f"This notice is not an invoice. It is a courtesy reminder to register your domain name search engine listing so your customers can locate you on the web.\n\n"
            f"Secure online payment: {landing(r, dom)}\n\nThis offer for the domain {DOM} will expire on {ldate(rdate(r))}. Act today!\n\n"
            f"To opt out of future notices: {landing(r, dom)}\n{brand}, {postal(r)}"
        )
        htm = None
        if r.random() < 0.5:
            htm = page(
                f'<table width="640" style="font:13px Arial;border:1px solid #999" cellpadding="8"><tr><td colspan="2" style="background:#1c3f6e;color:#fff;font-size:18px"><b>DOMAIN SERVICE NOTICE</b></td></tr>'
                f"<tr><td>Domain</td><td><b>{DOM}</b></td></tr><tr><td>Order ID</td><td>{inv}</td></tr><tr><td>Amount</td><td><b>{price}</b></td></tr>"
                f'<tr><td colspan="2">{esc(text.split(chr(10) * 2)[2])}</td></tr><tr><td colspan="2" align="center"><a href="{landing(r, dom)}" style="background:#d9534f;color:#fff;padding:10px 20px;text-decoration:none">SECURE PAYMENT</a></td></tr>'
                f'<tr><td colspan="2" style="font-size:10px;color:#666">This notice is not an invoice. {esc(brand)}, {postal(r)}</td></tr></table>'
            )
        return send(r, snd, brand, subj, text, htm, rcpt=rc, p_bcc=0.2, prio=r.random() < 0.4)
    if t == 1:  # directory listing invoice
        directory = pick(
            r,
            "Dental Professionals Directory",
            "US Business Register",
            "World Business Guide",
            "Healthcare Providers Index",
            "National Medical Listings",
        )
        dom = dom_compound(r, COMMON_TLD + CHEAP_TLD[:5])
        snd = snd_mix(r, dom, kinds="ooouhf")
        price = pick(r, "$1,187.00", "$995.00", "$1,295.00", "$877.00", "\u20ac1.271,00")
        subj = pick(
            r,
            f"Invoice {inv} - {ORG}",
            f"{directory}: annual listing renewal",
            f"Payment reminder - entry {inv}",
            f"Update of your company data - {ORG}",
        )
        text = (
            f"Dear Sir or Madam,\n\nPlease find below the invoice for the annual publication of your entry in the {directory} (online edition {r.randint(2024, 2027)}).\n\n"
            f"Company: {ORG}\nWebsite: www.{DOM}\nEntry no.: {inv}\nAnnual fee: {price}\nDue date: {ldate(rdate(r))}\n\n"
            f"Please remit payment within 10 days to avoid a late fee. Payment details and the full invoice can be viewed here:\n{landing(r, dom)}\n\n"
            f"If your data has changed, please correct it on the form and return it signed. By signing, you agree to a 3-year listing contract.\n\n"
            f"Accounts Department\n{directory}\n{postal(r)}"
        )
        return send(
            r,
            snd,
            pick(r, directory, "Accounts Department", "Billing"),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            p_bcc=0.15,
        )
    if t == 2:  # fake invoice with tiny PDF-like html, generic overdue
        vendor = pick(
            r,
            "Office Supply Solutions",
            "MedSupply Partners",
            "Toner & Ink Direct",
            "Global Web Hosting Services",
        )
        dom = r.choice(HACKED)
        snd = s_hacked(r, dom, pick(r, "billing", "accounts", "invoice"))
        amount = f"${r.randint(300, 4900)}.{r.randint(0, 99):02d}"
        subj = pick(
            r,
            f"OVERDUE: Invoice #{inv} from {vendor}",
            f"Payment Due - Invoice {inv}",
            f"Past due notice #{inv} ({amount})",
        )
        link = anylink(r)
        text = (
            f"Hello,\n\nOur records indicate invoice #{inv} for {amount} is now {r.randint(15, 60)} days past due. "
            f"Please review the invoice and arrange payment at your earliest convenience to avoid service interruption and collection fees.\n\n"
            f"View invoice: {link}\n\nIf you have already paid, please disregard this message.\n\nThank you,\nAccounts Receivable\n{vendor}"
        )
        return send(r, snd, vendor, subj, text, None, rcpt=rc, mode="plain")
    # toner / supplies "confirmation"
    dom = dom_compound(r, COMMON_TLD)
    snd = snd_mix(r, dom, kinds="oouf")
    subj = pick(
        r,
        "Order confirmation - toner cartridges",
        f"Re: Order {inv} - please confirm shipping address",
        "Confirmation of your annual service agreement",
    )
    text = (
        f"Hi,\n\nThis is to confirm the order placed by phone with your office on {ldate(rdate(r))} for:\n\n"
        f"  {r.randint(4, 12)} x {pick(r, 'HP 58X', 'Brother TN-760', 'Canon 055H')} high-yield toner  @ ${r.randint(140, 260)}.00\n\n"
        f"Shipment will go out within 2 business days and will be invoiced on net 30 terms. If you did not authorize this order, call {phone(r)} to cancel.\n\n"
        f"Thanks,\n{pname(r)}\nOrder Desk"
    )
    return send(
        r,
        snd,
        pick(r, "Order Desk", "Supply Services", pname(r)),
        subj,
        text,
        None,
        rcpt=rc,
        mode="plain",
        p_bcc=0.1,
    )


def f_tech_support(r: random.Random, i: int) -> bytes:
    t = i % 5
    rc = rcpt_pick(r)
    brand = pick(
        r,
        "Norton",
        "McAfee",
        "Geek Squad",
        "PayPal",
        "Norton 360",
        "McAfee Total Protection",
        "Best Buy Geek Squad",
        "Microsoft 365",
        "Avast Premium",
    )
    amount = pick(r, "$399.99", "$349.00", "$289.99", "$499.99", "$299.00", "$449.00")
    ph = phone(r)
    order = f"{pick(r, 'NR', 'MC', 'GS', 'INV', 'ORD')}-{digits(r, 8)}"
    snd = s_free(r) if r.random() < 0.7 else snd_mix(r, dom_gibberish(r), kinds="hux")
    dt = rdate(r)
    subj = pick(
        r,
        f"Your {brand} subscription has been renewed",
        f"Invoice {order}: {amount} charged",
        f"Order Confirmation #{order}",
        f"Payment received - {brand} ({amount})",
        f"Auto-Renewal Successful: {brand}",
        f"Thank you for your purchase {order}",
    )
    if t in (0, 1):
        text = (
            f"{greet(r, rc)}\n\nThank you for renewing your {brand} subscription. Your payment has been successfully processed.\n\n"
            f"Invoice Number: {order}\nProduct: {brand} {pick(r, 'Total Protection - 5 Devices', 'Deluxe Security 3-Year Plan', 'Tech Support Plan (Annual)', 'Antivirus Plus')}\n"
            f"Amount: {amount}\nPayment Method: {pick(r, 'Auto-debit', 'Credit card ending ' + digits(r, 4), 'Bank account')}\nDate: {dt:%m/%d/%Y}\n\n"
            f"The amount will reflect in your account within 24-48 hours. If you did not authorize this charge or wish to cancel and get a refund, "
            f"please call our billing department immediately at {ph}.\n\nRegards,\nBilling Team"
        )
        htm = None
        if t == 1:
            htm = page(
                f'<table width="600" align="center" style="font:14px Arial;border:1px solid #ddd" cellpadding="10"><tr><td style="background:#{pick(r, "ffd400", "c01818", "0046be", "003087")};font:bold 22px Arial;color:#{pick(r, "000", "fff")}">{esc(brand)}</td></tr>'
                + "".join(f"<tr><td>{esc(line)}</td></tr>" for line in text.split("\n") if line.strip())
                + "</table>"
            )
            text = text if r.random() < 0.4 else None
        return send(
            r,
            snd,
            pick(r, f"{brand} Billing", brand, "Billing Support", pname(r), "Customer Service"),
            subj,
            text,
            htm,
            rcpt=rc,
            dt=dt,
            p_bcc=0.5,
            xmailer=False if snd.from_dom in FREEMAIL else None,
        )
    if t == 2:  # text in image + PDF-less, body mostly phone number spaced out to evade
        ph2 = ph.replace("-", " - ")
        text = (
            f"Dear Customer,\n\nYour order {order} of {amount} has been processed and will be debited from your account.\n\n"
            f"For any query or cancellation, contact: {ph2}\n\nThanks,\n{brand} Team\n\n\n{salad(r, 20) if r.random() < 0.5 else ''}"
        )
        return send(
            r,
            snd,
            pick(r, brand, "Order Update", pname(r)),
            subj,
            text,
            None,
            rcpt=rc,
            dt=dt,
            mode="plain",
            p_bcc=0.6,
            xmailer=False,
        )
    if t == 3:
        subj = pick(
            r,
            "Your computer is infected - 5 viruses detected",
            f"{brand}: Your protection has expired",
            "Security Alert: your device is at risk",
        )
        link = anylink(r)
        htm = page(
            promo(
                r,
                "Your Subscription Has Expired",
                [
                    "Your PC may be unprotected against viruses and ransomware.",
                    f"Renew today and save <b>{pick(r, '80', '70', '85')}%</b>.",
                    f"Need help? Call {ph}",
                ],
                "RENEW NOW",
                link,
                f"<a href='{anylink(r)}'>unsubscribe</a>",
                color="#ffc107",
            )
            + hidden(r)
        )
        snd2 = snd_mix(
            r, dom_brand(r, brand.split()[0], ["security", "antivirus", "protect", "renew"]), kinds="ooouh"
        )
        return send(
            r, snd2, pick(r, f"{brand} Protection", "Security Center", brand), subj, None, htm, rcpt=rc, dt=dt
        )
    text = (
        f"Hello,\n\nWe noticed a purchase of {pick(r, 'Bitcoin', 'an Apple MacBook Pro', 'a PlayStation 5', 'Gift Cards')} for {amount} on your account. "
        f"If you didn't make this purchase, call us now at {ph} to cancel and secure your account.\n\nTransaction ID: {rs(r, 17, UHEX)}\n\n{brand if 'PayPal' in brand else 'PayPal'} Support"
    )
    return send(
        r,
        snd,
        pick(r, "Service Notification", "Account Support", pname(r)),
        pick(r, f"Transaction alert {order}", "Suspicious payment - action needed", subj),
        text,
        None,
        rcpt=rc,
        dt=dt,
        mode="plain",
        p_bcc=0.6,
        xmailer=False,
    )


def f_work_from_home(r: random.Random, i: int) -> bytes:
    t = i % 5
    rc = rcpt_pick(r)
    dom = pick(r, dom_compound(r), dom_gibberish(r))
    link = anylink(r)
    n = pname(r)
    if t == 0:
        snd = snd_mix(r, dom, kinds="fffh")
        subj = pick(
            r,
            "Part-time job offer - $400/day",
            "Remote position available",
            "Job opportunity for you",
            "Work from home: 1-2 hours a day",
        )
        text = (
            f"Hello,\n\nI'm {n}, HR at {pick(r, 'a well-known recruitment agency', 'TalentBridge Staffing', 'Nova Hire Partners')}. We found your resume online and believe you're a great fit for a part-time remote position.\n\n"
            f"- Daily pay: ${r.randint(200, 800)}\n- 60-90 minutes a day, work from your phone\n- No experience needed, age 22+\n\n"
            f"Please contact us on WhatsApp: +1 {r.randint(201, 989)} 555 01{r.randint(10, 99)} or Telegram @{rs(r, 8, ALPHA)}_hr\n\nBest regards,\n{n}"
        )
        return send(
            r, snd, n, subj, text, None, rcpt=rcpt_pick(r, True), mode="plain", p_bcc=0.5, xmailer=False
        )
    if t == 1:
        snd = snd_mix(r, dom, kinds="oouhx")
        subj = pick(
            r,
            "Mystery Shoppers Needed - earn $350 per assignment",
            "You've been selected as a Secret Shopper",
            "Evaluate stores in your area and get paid",
        )
        text = (
            f"{greet(r, rc)}\n\nWe are recruiting Mystery Shoppers in your area to evaluate customer service at {pick(r, 'Walmart', 'Target', 'Western Union', 'CVS')} and other retailers.\n\n"
            f"You will be paid ${r.randint(250, 450)} per assignment. Your first assignment and a training check will be mailed to you.\n\n"
            f"To register, reply with your full name, mailing address, cell phone and age, or apply here: {link}\n\nSincerely,\n{n}\nField Coordinator"
        )
        return send(
            r,
            snd,
            pick(r, "Mystery Shopper Program", "Secret Shopper USA", n),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            reply_to=f"{free_local(r, n)}@{r.choice(FREEMAIL)}",
        )
    if t == 2:
        snd = snd_mix(r, dom, kinds="oooe")
        subj = pick(
            r,
            "Make $7,500/month from your kitchen table",
            "Single mom earns $9k/month online (real story)",
            "Get paid to review products from home",
        )
        htm = page(
            preheader("No experience. No selling.")
            + promo(
                r,
                "Start Earning From Home Today",
                [
                    "Thousands of everyday people are earning an extra $3,000-$7,500 a month.",
                    "No experience needed. Just a phone and 1 hour a day.",
                ],
                "WATCH THE FREE VIDEO",
                link,
                f"Earnings not typical. {postal(r)}<br><a href='{anylink(r)}'>Unsubscribe</a>",
            )
            + pixel(r, dom)
        )
        return send(
            r,
            snd,
            pick(r, "Home Income Report", "Work From Home Success", n),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 3:
        snd = snd_mix(r, dom, kinds="ffh")
        subj = pick(
            r,
            "Payment processing assistant needed",
            "Personal assistant position",
            "Job Offer: Remote Administrative Assistant",
        )
        text = (
            f"Hello,\n\nI am {n}, a {pick(r, 'marine engineer', 'real estate developer', 'art collector')} currently working offshore. I'm looking for a reliable personal assistant to "
            f"handle errands, receive packages and process some payments on my behalf. Pay is ${r.randint(500, 900)} weekly.\n\n"
            f"If interested, reply with your full name, address and phone number.\n\nThanks,\n{n}"
        )
        return send(r, snd, n, subj, text, None, rcpt=rcpt_pick(r, True), mode="plain", p_bcc=0.7)
    snd = snd_mix(r, dom, kinds="fffoo")
    subj = pick(
        r,
        "Dental Receptionist - Remote - $38/hr",
        "We're hiring: Remote Data Entry Clerk",
        "Interview invitation - Customer Support (remote)",
    )
    text = (
        f"{greet(r, rc)}\n\nYour profile on {pick(r, 'Indeed', 'LinkedIn', 'ZipRecruiter')} was shortlisted for a remote position with {pick(r, 'Corvana Health', 'BrightPath Logistics', 'Meridian Claims Group')}.\n\n"
        f"Rate: ${r.randint(28, 45)}/hr, flexible hours. Equipment will be provided (we send you a check to purchase it from our vendor).\n\n"
        f"The interview is conducted via text chat on {pick(r, 'Telegram', 'Signal', 'Microsoft Teams', 'WhatsApp')}. Please add the hiring manager: {rs(r, 6, ALPHA)}{digits(r, 3)}\n\nRegards,\n{n}\nTalent Acquisition"
    )
    return send(
        r,
        snd,
        pick(r, n, "Talent Acquisition", "HR Department"),
        subj,
        text,
        None,
        rcpt=rc,
        mode="plain",
        p_bcc=0.4,
        xmailer=False,
    )


def f_advance_fee(r: random.Random, i: int) -> bytes:
    t = i % 5
    rc = rcpt_pick(r)
    n = pname(r)
    snd = snd_mix(r, dom_gibberish(r), kinds="fffhhx")
    fm = f"{free_local(r, n)}@{pick(r, 'gmail.com', 'outlook.com', 'yahoo.com', 'protonmail.com', 'aol.com', 'mail.com')}"
    reply = fm if fm != snd.addr and r.random() < 0.7 else None
    amount = pick(
        r,
        "US$10,500,000.00",
        "$7.2 Million",
        "Eighteen Million Five Hundred Thousand US Dollars ($18,500,000)",
        "\u20ac4,850,000.00",
        "US$25.5M",
    )
    if t == 0:
        subj = pick(
            r,
            "Inheritance Claim",
            "Your late relative's estate",
            "URGENT: Next of kin",
            "Unclaimed Deposit - Attention Required",
            "Re: Beneficiary",
        )
        barrister = pick(r, "Barrister", "Attorney", "Solicitor", "Esq.")
        text = (
            f"Dear {rc[1].split('@')[0].title() if r.random() < 0.3 else 'Friend'},\n\nI am {n} {barrister}, personal attorney to late {pick(r, 'Engr.', 'Mr.', 'Dr.')} {pname(r).split()[0]} {rc[1].split('@')[0].title() if r.random() < 0.2 else r.choice(LAST)}, "
            f"a national of your country, who died with his wife and only daughter in a car accident on {ldate(rdate(r))}.\n\n"
            f"He left a deposit of {amount} with a bank here. After several unsuccessful attempts to locate any of his relatives, I contacted you because you share the same last name.\n\n"
            f"I seek your consent to present you as the next of kin so the proceeds can be paid to you. We shall share 50/50. This transaction is 100% risk free.\n\n"
            f"Please reply to my private email {fm} with your full name, phone number and address.\n\nYours faithfully,\n{n} {barrister}"
        )
    elif t == 1:
        subj = pick(
            r, "Donation For You", "Charity Grant", "Your Donation Pledge", "Philanthropy Grant Notification"
        )
        donor = pick(r, "MacKenzie Scott", "Warren Buffett", "Bill Gates", "a Powerball winner")
        text = (
            f"Hello,\n\nThis is to inform you that you have been selected to receive a grant of $2,500,000.00 from {donor} as part of a charity giveaway to randomly selected email addresses.\n\n"
            f"To claim your donation, contact my foundation's claim agent: {fm}\n\nFor verification, reply with your full name, country and phone.\n\nRegards,\n{pick(r, 'Foundation Secretary', 'Grant Coordinator')}"
        )
    elif t == 2:
        subj = pick(
            r,
            "Business Proposal",
            "Confidential Business Partnership",
            "Private and Confidential",
            "Request for cooperation",
        )
        text = (
            f"Greetings,\n\nI am {n}, {pick(r, 'a senior auditor', 'the head of procurement', 'a director of operations')} with {pick(r, 'a petroleum company', 'a state bank', 'a mining corporation')} in "
            f"{pick(r, 'Ghana', 'Malaysia', 'Turkey', 'South Africa', 'Dubai, UAE')}. I have a lucrative business proposal of mutual interest involving the transfer of {amount}.\n\n"
            f"I need a reliable foreign partner to receive the funds. You will receive 40% of the total sum for your assistance.\n\nKindly reply for more details.\n\nBest regards,\n{n}"
        )
    elif t == 3:
        subj = pick(
            r,
            "Please help our children \U0001f64f",
            "Urgent appeal for flood victims",
            "Help us feed 500 orphans this Christmas",
            "Humanitarian appeal",
        )
        link = anylink(r)
        text = (
            f"Dear kind friend,\n\nI am {pick(r, 'Pastor', 'Sister', 'Reverend', 'Mrs.')} {n}, founder of {pick(r, 'Hope Haven Orphanage', 'Little Lambs Children Home', 'Grace Relief Mission')}. "
            f"Following the {pick(r, 'recent floods', 'earthquake', 'fighting', 'drought')} our {r.randint(80, 400)} children have no food or shelter.\n\n"
            f"Any gift, even $20, will help. You can donate by {pick(r, 'gift card', 'Bitcoin', 'Western Union', 'Zelle')} or through this link: {link}\n\n"
            f"For Bitcoin: {btc_addr(r)}\n\nGod bless you,\n{n}"
        )
    else:
        subj = pick(
            r,
            "COMPENSATION PAYMENT",
            "United Nations Compensation Fund",
            "ATM Card Delivery Notification",
            "Fund Release Approval",
        )
        text = (
            f"ATTENTION: BENEFICIARY\n\nThis is to notify you that the {pick(r, 'United Nations', 'IMF', 'World Bank', 'Federal Reserve')} in conjunction with the {pick(r, 'Ministry of Finance', 'FBI', 'Department of Treasury')} "
            f"has approved the sum of {amount} as compensation to scam victims. Your email was listed among the beneficiaries.\n\n"
            f"Your funds have been loaded on an ATM Master Card which will be delivered via courier. You are required to pay only the delivery fee of ${r.randint(95, 450)}.\n\n"
            f"Contact the delivery officer {pname(r)} at {fm} immediately.\n\nRef No: {rs(r, 3, UHEX)}/{digits(r, 4)}/{r.randint(2023, 2026)}"
        )
    return send(
        r,
        snd,
        pick(r, n, f"{n} {pick(r, 'Esq', 'Chambers', 'Foundation')}", "", "Payment Office"),
        subj,
        text,
        None,
        rcpt=rc,
        mode="plain",
        reply_to=reply,
        p_bcc=0.7,
        zone=pick(r, "NG", "UK", "UTC", "CE"),
    )


def f_sextortion(r: random.Random, i: int) -> bytes:
    t = i % 4
    rc = rcpt_pick(r, prefer_person=True)
    amount = pick(r, "$1450", "$1,950", "$950", "1650 USD", "$2000", "$1200")
    btc = btc_addr(r)
    hours = pick(r, "48 hours", "50 hours", "72 hours", "2 days")
    if t == 0:
        snd = s_forged(r, rc[1])  # spoofs the recipient's own address
        subj = pick(
            r,
            "Security Alert. Your accounts were hacked by a criminal group.",
            f"{rc[1]} has been compromised",
            "Your account has been hacked! You need to unlock it.",
            "I know what you did",
        )
        name_to = rc[1]
    else:
        snd = s_free(r) if r.random() < 0.5 else snd_mix(r, dom_gibberish(r), kinds="hxu")
        subj = pick(
            r,
            f"Payment overdue - {rs(r, 6, UHEX)}",
            "Your device was hacked",
            f"Case #{digits(r, 6)}",
            f"{rc[0] or rc[1].split('@')[0]}",
            "I recorded you",
            "Check this message",
        )
        name_to = ""
    if t == 3:  # German
        amount = pick(r, "1.450 \u20ac", "1300 EUR", "1.950 \u20ac", "900 Euro")
        text = (
            f"Hallo!\n\nIch bin ein Programmierer, der sich vor ein paar Monaten in Ihr Ger\u00e4t gehackt hat. Ich habe Zugriff auf Ihre Kamera, Ihr Mikrofon und alle Ihre Kontakte.\n\n"
            f"Ich habe ein Video aufgenommen, auf dem Sie sich ... vergn\u00fcgen, w\u00e4hrend Sie Seiten f\u00fcr Erwachsene besuchen. Mit einem Klick kann ich dieses Video an alle Ihre Kontakte senden.\n\n"
            f"Wenn Sie das verhindern wollen, \u00fcberweisen Sie {amount} in Bitcoin an diese Adresse:\n\n{btc}\n\nSie haben {hours.replace('hours', 'Stunden').replace('2 days', '48 Stunden')} Zeit. Ich sehe, wann Sie diese E-Mail ge\u00f6ffnet haben."
        )
        return send(
            r,
            snd,
            name_to,
            pick(r, "Ihr Ger\u00e4t wurde gehackt", "Zahlung ausstehend", subj) if t == 3 else subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            p_bcc=0.2,
            xmailer=False,
            zone=pick(r, "CE", "RU", "UTC"),
            to=rc[1] if t == 0 else None,
        )
    pw = pick(
        r,
        "",
        f"\n\nI know that {rs(r, 3, LOWER)}{r.randint(10, 99)}{rs(r, 3, LOWER)} is your password.",
        f"\n\nYour password: {rs(r, 2, ALPHA)}****{r.randint(10, 99)}",
    )
    text = (
        f"{pick(r, 'Hello!', 'Hi, pervert.', 'Hello there,', 'Greetings!')}{pw}\n\n"
        f"I have to share bad news with you. Approximately {pick(r, 'a few months ago', 'six months ago', 'two weeks ago')} I gained access to your devices, which you use for internet browsing. "
        f"After that, I started tracking your internet activities. I used a trojan that gives me full control over your device, camera and microphone.\n\n"
        f"I made a split-screen video: on one side the video you were watching, on the other side - you, via your webcam. I also have all your contacts, emails and social networks.\n\n"
        f"If you want me to delete all the data, transfer {amount} to my Bitcoin wallet (BTC):\n\n{btc}\n\n"
        f"After receiving the payment I will delete the video and you will never hear from me again. You have {hours}. The timer started when you opened this email.\n\n"
        f"Do not reply - this address is not monitored. Do not contact the police: I will know, and the video goes out immediately.\n"
    )
    if r.random() < 0.4:
        text = text.replace(
            "a", "\u0430", r.randint(3, 12)
        )  # Cyrillic look-alike letters, a common filter-evasion trick
    return send(
        r,
        snd,
        name_to,
        subj,
        text,
        None,
        rcpt=rc,
        mode="plain",
        p_bcc=0.2,
        xmailer=False,
        to=rc[1] if t == 0 else None,
        latin_ok=False,
    )


def f_counterfeit_pharma(r: random.Random, i: int) -> bytes:
    t = i % 5
    rc = rcpt_pick(r)
    dom = pick(
        r,
        dom_compound(r),
        dom_gibberish(r),
        f"{pick(r, 'rx', 'meds', 'pharma', 'pill', 'canada')}{pick(r, 'express', 'direct', 'store', 'mart', 'online')}{r.randint(1, 99)}.{r.choice(CHEAP_TLD)}",
    )
    snd = snd_mix(r, dom, kinds="ouuhhxxf")
    link = anylink(r)
    if t == 0:
        subj = pick(
            r,
            "Luxury watches -80% Rolex Omega replicas",
            "Swiss replica watches at 1/10 price",
            "AAA+ quality Rolex - free shipping worldwide",
        )
        text = (
            f"{pick(r, 'Hello', 'Hi', 'Dear friend')},\n\nTop quality replica watches: Rolex, Omega, Patek Philippe, Cartier, Breitling.\nSwiss movement, sapphire glass, 1:1 details.\n\n"
            f"Prices from $159 - free shipping - 1 year warranty.\n\nVisit: {link}\n\n{salad(r, 30) if r.random() < 0.5 else ''}"
        )
        return send(
            r,
            snd,
            pick(r, "Replica Watches", "Luxury Outlet", "Watch Store", ""),
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            p_bcc=0.6,
        )
    if t == 1:
        subj = pick(
            r,
            "Designer bags outlet - Louis Vuitton, Gucci up to 90% off",
            "Michael Kors / Coach clearance - 85% OFF",
            "Ray-Ban sunglasses $19.99 today only",
        )
        htm = page(
            image_only(r, link, "Designer Outlet Sale", None, anylink(r), postal(r), r.randint(2, 4))
            + hidden(r)
        )
        return send(
            r,
            snd,
            pick(r, "Outlet Store", "Designer Clearance", "Brand Sale"),
            subj,
            None,
            htm,
            rcpt=rc,
            unsub_host=dom,
        )
    if t == 2:
        subj = pick(
            r,
            "Viagra 100mg $0.89/pill - no prescription",
            "Cheap meds from Canada - save 85%",
            "Cialis, Levitra, Viagra - discreet delivery",
            "Tramadol, Xanax, Valium - overnight shipping",
        )
        drugs = r.sample(
            [
                "Viagra 100mg",
                "Cialis 20mg",
                "Levitra 20mg",
                "Propecia 1mg",
                "Tramadol 50mg",
                "Xanax 2mg",
                "Valium 10mg",
                "Ambien 10mg",
                "Soma 350mg",
                "Amoxicillin 500mg",
                "Ozempic pen",
            ],
            5,
        )
        lines = "\n".join(f"  {d:<20} ${r.uniform(0.7, 4.5):.2f}/pill" for d in drugs)
        text = f"Our best offers:\n\n{lines}\n\nNo prescription needed. Discreet packaging. Worldwide shipping.\nOrder now: {link}\n"
        htm = None
        if r.random() < 0.5:
            htm = page(
                "<table style='font:14px Verdana' cellpadding='6'>"
                + "".join(
                    f"<tr><td><a href='{link}'>{esc(d)}</a></td><td><b>${r.uniform(0.7, 4.5):.2f}</b></td></tr>"
                    for d in drugs
                )
                + f"</table><p><a href='{link}'>ORDER NOW &raquo;</a></p>"
                + hidden(r)
            )
        return send(
            r,
            snd,
            pick(r, "Canadian Pharmacy", "RxOnline", "Pharmacy Deals", "Dr. " + r.choice(LAST)),
            subj,
            text,
            htm,
            rcpt=rc,
            p_bcc=0.6,
        )
    if t == 3:
        subj = pick(
            r,
            "Wholesale N95 / nitrile gloves - factory price",
            "Dental supplies at 70% off: gloves, masks, burs",
            "Medical gloves in stock - FOB price",
        )
        n = pname(r)
        text = (
            f"Dear Purchasing Manager,\n\nWe are a factory in {pick(r, 'Shenzhen', 'Guangzhou', 'Ningbo', 'Hebei')} producing nitrile gloves, masks and disposable dental supplies with FDA and CE certificates.\n\n"
            f"Nitrile gloves: ${r.uniform(1.8, 3.5):.2f}/box (100pcs), MOQ {r.randint(1, 10)}0 cartons.\n\nPlease let me know your requirements so I can send our catalog and price list.\n\n"
            f"Best regards,\n{pick(r, 'Lily', 'Amy', 'Jack', 'Coco', 'Tony')} {pick(r, 'Zhang', 'Wang', 'Li', 'Chen')}\nSales Manager\nWhatsApp/WeChat: +86 1{r.randint(30, 89)} {r.randint(1000, 9999)} {r.randint(1000, 9999)}"
        )
        snd2 = snd_mix(r, dom_compound(r, ["com", "com", "net", "cn", "top"]), kinds="oof")
        return send(
            r,
            snd2,
            n if r.random() < 0.3 else "Sales",
            subj,
            text,
            None,
            rcpt=rc,
            mode="plain",
            zone="CN",
            p_bcc=0.3,
            xmailer=pick(r, "Foxmail 7.2.25.228[cn]", None, False),
        )
    subj = pick(
        r, "NFL jerseys $25 - all teams", "Nike Air Jordan outlet - 70% off", "UGG boots clearance \u2013 $39"
    )
    htm = page(
        promo(
            r,
            esc(subj),
            ["All sizes in stock. Free shipping on 2+ items.", "Secure checkout. 30-day returns."],
            "SHOP NOW",
            link,
            f"<a href='{anylink(r)}'>Unsubscribe</a>",
        )
        + hidden(r)
    )
    return send(
        r,
        snd,
        pick(r, "Outlet Shop", "Jersey Store", "Factory Outlet"),
        subj,
        None,
        htm,
        rcpt=rc,
        unsub_host=dom,
    )


SHOPS = [
    ("Willow & Thread", "willowandthread", "handmade linen aprons and tea towels", "#6b705c"),
    ("Copper Kettle Coffee Roasters", "copperkettleroasters", "small-batch coffee", "#7f5539"),
    ("Ridgeback Outdoor Supply", "ridgebackoutdoor", "camping and hiking gear", "#386641"),
    ("Luna Bloom Skincare", "lunabloomskin", "clean skincare", "#b5838d"),
    ("Pawsome Provisions", "pawsomeprovisions", "natural dog treats", "#e76f51"),
    ("Harbor Lane Candles", "harborlanecandles", "soy candles", "#264653"),
    ("Tidewater Fishing Tackle", "tidewatertackle", "fishing tackle", "#1d3557"),
    ("Ember & Oak Leather", "emberoakleather", "leather wallets and belts", "#7c4a2d"),
    ("Little Sprout Toys", "littlesprouttoys", "wooden toys", "#2a9d8f"),
    ("Kinfolk Kitchenware", "kinfolkkitchen", "cast iron and kitchen tools", "#343a40"),
    ("Dentalux Supply Co.", "dentaluxsupply", "discount dental consumables", "#0077b6"),
    ("Sunday Seed Company", "sundayseedco", "heirloom seeds", "#588157"),
]


def f_shop_newsletter(r: random.Random, i: int) -> bytes:
    shop, slug, what, color = SHOPS[(i + r.randrange(3)) % len(SHOPS)]
    rc = rcpt_pick(r)
    dom = f"{slug}.{pick(r, 'com', 'com', 'co', 'shop', 'store')}"
    kind = r.randrange(3)
    if kind == 0:
        snd = s_own(r, dom, pick(r, "hello", "news", "shop", "team"), sign=0.9, spf_pass=0.95, dmarc_rec=0.7)
    elif kind == 1:
        snd = s_esp(r, dom, pick(r, "hello", "news"))
    else:
        snd = s_own(
            r,
            dom,
            "hello",
            env_dom=f"{pick(r, 'mail', 'send', 'em')}.{pick(r, 'klaviyomail-relay.net', 'shopmailer-sends.com', 'bulkpost-relay.io')}",
            sign=0.9,
        )
    pct = pick(r, "15", "20", "25", "30", "40")
    code = pick(r, "WELCOME", "HELLO", "FALL", "SPRING", "VIP", "THANKS", "BF") + str(pct)
    occ = pick(
        r,
        "Black Friday",
        "our Spring Sale",
        "Mother's Day",
        "Father's Day",
        "our 5th birthday",
        "Cyber Monday",
        "the holidays",
        "Summer Clearance",
    )
    subj = pick(
        r,
        f"{pct}% off everything for {occ} \U0001f389",
        "New arrivals just dropped",
        f"Last chance: code {code} expires tonight",
        f"Our {what} are back in stock!",
        f"A little thank-you from {shop}",
        f"\u2728 {occ} starts NOW",
    )

    def shop_link() -> str:
        return f"https://{dom}/{pick(r, 'collections/all', 'collections/new', 'products/' + rs(r, 8, ALPHA), 'pages/sale')}?utm_source=newsletter&utm_medium=email&utm_campaign={rs(r, 8, LOWER)}"

    unsub = f"https://{dom}/unsubscribe?e={b64mail(rc[1])}"
    products = "".join(
        f'<td width="33%" align="center" style="font:13px Georgia;color:#333"><a href="{shop_link()}"><img src="https://{pick(r, "cdn." + dom, dom)}/files/{rs(r, 10, LOWER)}.jpg" width="170" alt="" style="display:block;border:0"></a>{esc(pick(r, "Best seller", "New", "Limited", "Staff pick"))}<br><b>${r.randint(12, 140)}.00</b></td>'
        for _ in range(3)
    )
    htm = page(
        preheader(f"Use code {code} at checkout")
        + f'<table width="600" align="center" bgcolor="#ffffff" cellpadding="16" style="font-family:Georgia,serif"><tr><td align="center" style="font-size:28px;color:{color}"><b>{esc(shop)}</b></td></tr>'
        f'<tr><td><a href="{shop_link()}"><img src="https://{dom}/files/hero-{rs(r, 6, LOWER)}.jpg" width="568" alt="{esc(occ)}" style="display:block;border:0"></a></td></tr>'
        f'<tr><td style="font-size:16px;color:#333">Hi friend,<br><br>{esc(pick(r, f"It is {occ} and we are celebrating with {pct}% off everything in the shop.", f"Our {what} sell out fast, so we wanted you to hear it first.", f"We are a tiny team making {what}, and your support means the world."))} Use code <b>{code}</b> at checkout.</td></tr>'
        f'<tr><td><table width="100%"><tr>{products}</tr></table></td></tr><tr><td align="center">{button(shop_link(), "SHOP NOW", color)}</td></tr>'
        f'<tr><td align="center" style="font:11px Arial;color:#999">{esc(shop)} &middot; {postal(r)}<br>You are receiving this email because you signed up on our website or made a purchase. '
        f'<a href="{unsub}" style="color:#999">Unsubscribe</a> | <a href="https://{dom}/pages/privacy" style="color:#999">Privacy</a></td></tr></table>'
        + pixel(r, dom)
    )
    text = (
        (
            f"{shop}\n\n{subj}\n\nUse code {code} at checkout.\n\nShop now: {shop_link()}\n\n{shop} - {postal(r)}\nUnsubscribe: {unsub}\n"
        )
        if r.random() < 0.6
        else None
    )
    return send(
        r,
        snd,
        pick(r, shop, f"{shop.split()[0]} from {shop}", f"{shop} Team"),
        subj,
        text,
        htm,
        rcpt=rc,
        unsub_host=dom,
        p_lu=0.7,
        p_bcc=0.05,
        xmailer=pick(r, None, False),
        mode=None,
    )


PLAN: list[tuple[str, Builder, int]] = [
    ("health-plans", f_health_plans, 12),
    ("warranty", f_warranty, 10),
    ("health-products", f_health_products, 12),
    ("casino-lottery", f_casino, 11),
    ("dating", f_dating, 11),
    ("rewards-en", f_rewards_en, 12),
    ("rewards-intl", f_rewards_intl, 30),
    ("survey-rewards", f_survey, 12),
    ("home-improvement", f_home_improvement, 12),
    ("loans-debt", f_loans, 12),
    ("crypto-invest", f_crypto, 12),
    ("seo-pitches", f_seo, 12),
    ("fake-invoices", f_fake_invoice, 10),
    ("tech-support", f_tech_support, 10),
    ("work-from-home", f_work_from_home, 10),
    ("advance-fee", f_advance_fee, 10),
    ("sextortion", f_sextortion, 8),
    ("counterfeit-pharma", f_counterfeit_pharma, 10),
    ("shop-newsletters", f_shop_newsletter, 10),
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
