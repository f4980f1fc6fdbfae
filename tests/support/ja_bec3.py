"""Japanese BEC evaluation set no. 3: business-email-compromise and targeted fraud mail received by
the MX of the fictitious company of ``ja_org``.

Written blind by a third author: without reading the analyser, its rules, benchmarks or tests, or
the earlier BEC sets (beyond their interface), and without running the analyser on the output. It
is for measuring once whether the analyser catches BEC it was never tuned on; do not tune on it.

The mail is written as the 2025-2026 campaigns described in public alerts (IPA, JPCERT/CC, the
National Police Agency and prefectural police, the FBI IC3) are written: short, polite keigo, mostly
without links or attachments, from free or carrier mail with an executive's or employee's name as
display name, or from lookalike domains the attacker registered and configured, so that SPF, DKIM
and DMARC pass (or DMARC is ``none``) for the domain the mail really comes from.

``messages(split="test", seed=1)`` returns ``(name, RFC 5322 bytes)`` pairs, 12 per family,
deterministic per seed; only the ``test`` split exists (``dev`` is empty). ``FAMILIES`` lists the
families; every name starts with its family. ``python -m tests.support.ja_bec3 [--seed N] [--out
DIR]`` prints the counts and writes ``DIR/*.eml``. Everything is invented: people, companies,
domains, banks, accounts and telephone numbers; no domain is resolved."""

from __future__ import annotations

import argparse
import base64
import html
import quopri
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from .ja_org import CORRESPONDENTS, MX_HOST, ORG_DOMAIN, STAFF, VIPS, Correspondent, Person

FAMILIES: tuple[str, ...] = (
    "exec-reachout",
    "exec-wire",
    "hr-data",
    "tob-deposit",
    "phone-callback",
    "vendor-bank",
    "thread-hijack",
    "giftcard",
    "salary-redirect",
    "overdue-invoice",
    "overseas-sub",
    "novel-pretext",
)
PER_FAMILY = 12

JST = timezone(timedelta(hours=9))
CEO, SENMU, CFO = VIPS
KOBAYASHI, YAMAMOTO, NAKAMURA, KATO, YOSHIDA = STAFF
DAIWA, TOYO, SATO, CHUO, HOKUTO, FUJI, SUZUKI, CHIYODA = CORRESPONDENTS

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

# Lookalikes of the real correspondents' domains; the technique is noted for the reader.
LOOKALIKES: dict[str, tuple[str, ...]] = {
    DAIWA.domain: (
        "daiwa-syoji.co.jp",  # sho/syo
        "daiwa-shoji-group.com",  # added word, TLD swap
        "dalwa-shoji.co.jp",  # l/i
        "daiwa-shouji.jp",  # long vowel ou, .co.jp -> .jp
        "daiwashoji-hd.com",  # dropped hyphen, added -hd
        "daiwa-shoji.net",  # TLD swap
    ),
    TOYO.domain: (
        "touyou-denki.co.jp",  # long vowels ou
        "tohyo-denki.com",  # long vowel oh, TLD swap
        "toyo-dennki.co.jp",  # n/nn (IME spelling of ん)
        "toyo-denki-jp.com",  # added -jp
        "toyo-denkl.co.jp",  # l/i
        "toyo-denki.net",  # TLD swap
    ),
    SATO.domain: (
        "satoh-zeirishi.jp",  # long vowel oh
        "sato-zeirisi.jp",  # shi/si
        "satou-zeirishi.com",  # long vowel ou, TLD swap
        "sato-zeirishi.co.jp",  # .jp -> .co.jp
        "sato-zeirishl.jp",  # l/i
    ),
    SUZUKI.domain: (
        "suzuki-syaroushi.jp",  # sha/sya
        "suzuki-sharoshi.jp",  # dropped long vowel
        "suzuki-sharousi.jp",  # shi/si
        "suzuki-sharoushi-office.com",  # added word
        "suzukl-sharoushi.jp",  # l/i
    ),
    CHUO.domain: (
        "tyuo-sogo-law.jp",  # chu/tyu
        "chuo-sougou-law.jp",  # long vowels ou
        "chuuou-sogo-law.com",  # long vowels, TLD swap
        "chuo-sogo-iaw.jp",  # l/i
        "chuo-sogolaw.jp",  # dropped hyphen
    ),
    HOKUTO.domain: (
        "hokutou-unyu.co.jp",  # long vowel ou
        "hokuto-unnyu.co.jp",  # n/nn
        "hokuto-unyu-group.com",  # added word, TLD swap
        "hokuto-unyu.jp",  # .co.jp -> .jp
    ),
    FUJI.domain: (
        "huji-systems.co.jp",  # fu/hu
        "fuji-systerns.co.jp",  # m/rn
        "fuji-systems-jp.com",  # added -jp
        "fujl-systems.co.jp",  # l/i
    ),
    CHIYODA.domain: (
        "tiyoda-insatsu.co.jp",  # chi/ti
        "chiyoda-insatu.co.jp",  # tsu/tu
        "chiyoda-insatsu.jp",  # .co.jp -> .jp
        "chiyoda-lnsatsu.co.jp",  # l/i
        "chiyoda-insatsu-hd.com",  # added -hd
    ),
    ORG_DOMAIN: (
        "minato-seiki.jp",  # .co.jp -> .jp
        "minato-seikl.co.jp",  # l/i
        "rninato-seiki.co.jp",  # m/rn
        "minatoseiki-hd.com",  # dropped hyphen, added -hd
    ),
}
# Registered lookalikes whose owner published no DMARC record
NO_DMARC = (
    "daiwa-shoji-group.com",
    "dalwa-shoji.co.jp",
    "tohyo-denki.com",
    "toyo-denkl.co.jp",
    "sato-zeirisi.jp",
    "suzuki-sharoshi.jp",
    "suzukl-sharoushi.jp",
    "chuo-sogo-iaw.jp",
    "hokuto-unnyu.co.jp",
    "fujl-systems.co.jp",
    "chiyoda-lnsatsu.co.jp",
    "rninato-seiki.co.jp",
    "minatoseiki-th.com",
    "e-nta-kanpu.jp",
    "execlink-career.com",
)

KANA_CORP = {
    DAIWA.domain: "ダイワシヨウジ（カ",
    TOYO.domain: "トウヨウデンキ（カ",
    HOKUTO.domain: "ホクトウンユ（カ",
    FUJI.domain: "フジシステムズ（カ",
    CHIYODA.domain: "（カ）チヨダインサツ",
    CHUO.domain: "チユウオウソウゴウホウリツジムシヨ アズカリキン",
}
KANA_FAMILY = ("ヤマダ", "オカモト", "ニシムラ", "フジタ", "イシカワ", "マエダ", "ハラダ", "ノグチ", "ミウラ")
KANA_GIVEN = ("タロウ", "ヒロシ", "ユウキ", "ケンジ", "アヤカ", "ミホ", "ダイキ", "シヨウタ", "ナオミ")
BANKS = (
    ("あおば銀行", ("本店営業部", "新宿西口支店", "梅田支店", "渋谷中央支店")),
    ("しらかば信用金庫", ("本店", "中野支店", "大宮支店")),
    ("なぎさ銀行", ("東京営業部", "名古屋駅前支店", "神戸支店")),
    ("ひかりネット銀行", ("ソナタ支店", "ミント支店", "法人第二営業部")),
    ("さつきネット銀行", ("かえで支店", "第一営業部", "すずらん支店")),
    ("東邦みらい銀行", ("日本橋支店", "横浜支店", "本店営業部")),
)
WEEKDAYS = "月火水木金土日"


# --------------------------------------------------------------------------------------------
# small helpers


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def token(r: random.Random, n: int, alphabet: str = "") -> str:
    alphabet = alphabet or "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(r.choice(alphabet) for _ in range(n))


def hexs(r: random.Random, n: int, upper: bool = False) -> str:
    s = token(r, n, "0123456789abcdef")
    return s.upper() if upper else s


def ruuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def yen(n: int) -> str:
    return f"{n:,}円"


def jday(d: datetime) -> str:
    return f"{d.month}月{d.day}日（{WEEKDAYS[d.weekday()]}）"


def business_after(d: datetime, days: int) -> datetime:
    out = d
    while days > 0:
        out += timedelta(days=1)
        if out.weekday() < 5:
            days -= 1
    return out


def phone(r: random.Random, kind: str = "050") -> str:
    if kind == "0120":
        return f"0120-{digits(r, 3)}-{digits(r, 3)}"
    if kind == "03":
        return f"03-{r.randint(3100, 6999)}-{digits(r, 4)}"
    if kind == "06":
        return f"06-{r.randint(6100, 6999)}-{digits(r, 4)}"
    if kind == "090":
        return f"{r.choice(('080', '090', '070'))}-{r.randint(1000, 9999)}-{digits(r, 4)}"
    return f"050-{r.randint(3000, 7999)}-{digits(r, 4)}"


def kana_person(r: random.Random) -> str:
    return f"{r.choice(KANA_FAMILY)} {r.choice(KANA_GIVEN)}"


def bank_block(r: random.Random, holder: str, current: bool = False) -> str:
    bank, branches = r.choice(BANKS)
    kind = "当座" if current else r.choice(("普通", "普通", "当座"))
    return (
        f"銀行名：{bank}\n支店名：{r.choice(branches)}（{digits(r, 3)}）\n"
        f"口座種別：{kind}\n口座番号：{r.randint(1000000, 9999999)}\n口座名義：{holder}"
    )


def when(r: random.Random, h0: int = 9, h1: int = 18) -> datetime:
    day = datetime(2026, 1, 6, tzinfo=JST) + timedelta(days=r.randint(0, 170))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.replace(hour=r.randint(h0, h1 - 1), minute=r.randint(0, 59), second=r.randint(0, 59))


def last(p: Person) -> str:
    return p.name.split()[0]


def roman(p: Person) -> tuple[str, str]:
    return ROMAJI[p.name]


# --------------------------------------------------------------------------------------------
# sending systems

FREE = ("gmail", "outlookcom", "yahoojp", "icloud", "docomo", "au", "softbank")
FREE_DOMAINS = {
    "gmail": ("gmail.com",),
    "outlookcom": ("outlook.jp", "outlook.com", "hotmail.co.jp"),
    "yahoojp": ("yahoo.co.jp",),
    "icloud": ("icloud.com", "me.com"),
    "docomo": ("docomo.ne.jp",),
    "au": ("au.com", "ezweb.ne.jp"),
    "softbank": ("i.softbank.jp", "softbank.ne.jp"),
}
# hosted systems for lookalike domains: (system, mailer)
HOSTED = ("m365", "gws", "xserver", "sakura", "pemail", "vps")


def free_address(r: random.Random, p: Person, system: str) -> str:
    fam, giv = roman(p)
    forms = (
        f"{giv}.{fam}{r.randint(10, 99)}",
        f"{fam}.{giv[0]}.{r.choice(('office', 'biz', 'work', 'pres', 'ms'))}",
        f"{fam}{giv}{r.choice(('0612', '1975', '1126', '88', '2026'))}",
        f"{giv[0]}-{fam}.{r.choice(('minato', 'mnt', 'mseiki'))}",
        f"{fam}_{giv}_{r.randint(100, 999)}",
    )
    return f"{r.choice(forms)}@{r.choice(FREE_DOMAINS[system])}"


@dataclass
class Mail:
    from_name: str
    from_addr: str
    to: list[tuple[str, str]]
    subject: str
    body: str
    system: str
    date: datetime
    cc: list[tuple[str, str]] = field(default_factory=list)
    reply_to: tuple[str, str] | None = None
    charset: str = ""  # jis, utf8b, utf8q, utf8-8bit, sjis-b, sjis-8bit; "" = the system's own
    html: bool | None = None  # None = the system's own
    mailer: str = ""  # for hosted systems: outlook, thunderbird, becky, roundcube; "" = random
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)


def _b64_lines(data: bytes, width: int = 76) -> str:
    s = base64.b64encode(data).decode("ascii")
    return "\r\n".join(s[i : i + width] for i in range(0, len(s), width))


def encode_words(text: str, charset: str, label: str, step: int = 0) -> str:
    """RFC 2047 B-encoded words, each a whole run of characters (ISO-2022-JP words are self-contained).
    Display names go in one word, as most Japanese mailers write a short name."""
    if text.isascii():
        return text
    codec = {"jis": "iso-2022-jp", "sjis": "shift_jis"}.get(charset, "utf-8")
    step = step or (10 if codec == "iso-2022-jp" else 12)
    words = []
    for i in range(0, len(text), step):
        chunk = text[i : i + step].encode(codec)
        words.append(f"=?{label}?B?{base64.b64encode(chunk).decode('ascii')}?=")
    return "\r\n ".join(words)


def format_addr(name: str, addr: str, charset: str, label: str) -> str:
    if not name:
        return addr
    if name.isascii():
        if any(c in name for c in '()<>[]:;@\\,."'):
            name = '"' + name.replace('"', "") + '"'
        return f"{name} <{addr}>"
    return f"{encode_words(name, charset, label, step=len(name))} <{addr}>"


@dataclass
class Transport:
    """What the sending system adds: the Received chain below the MX, DKIM selector, Message-ID."""

    helo: str
    rdns: str
    ip: str
    chain: list[str]
    selector: str
    msgid: str
    headers: list[str]
    dkim_h: str
    date_utc: bool = False


def octets(r: random.Random, n: int) -> str:
    return ".".join(str(r.randint(1, 254)) for _ in range(n))


def _pacific(d: datetime) -> str:
    u = d.astimezone(UTC)
    dst = datetime(2026, 3, 8, 10, tzinfo=UTC) <= u < datetime(2026, 11, 1, 9, tzinfo=UTC)
    tz = timezone(timedelta(hours=-7 if dst else -8))
    return format_datetime(u.astimezone(tz)) + (" (PDT)" if dst else " (PST)")


def _utc(d: datetime) -> str:
    return format_datetime(d.astimezone(UTC))


def _exchange_box(r: random.Random) -> str:
    return f"{r.choice(('TYCP286', 'TYWP286', 'OS3P286', 'TY3P286', 'OSZP286'))}MB{r.randint(1000, 9999)}"


def _google(r: random.Random, rcpt: str, d: datetime) -> Transport:
    host = (
        f"mail-{r.choice(('pj1', 'pl1', 'pf1', 'oi1', 'yb1', 'qk1', 'ej1'))}-f{r.randint(41, 199)}.google.com"
    )
    ip = f"209.85.{r.randint(128, 223)}.{r.randint(2, 250)}"
    smtp_id = f"d9443c01a7336-{hexs(r, 9)}so{digits(r, 7)}a{digits(r, 2)}.{r.randint(1, 3)}"
    chain = [
        f"by {host} with SMTP id {smtp_id}\r\n        for <{rcpt}>; {_pacific(d)}",
    ]
    extra = [
        f"X-Received: by 2002:a17:90b:{hexs(r, 4)}:b0:{hexs(r, 3)}:{hexs(r, 3)}:{hexs(r, 4)} with SMTP id\r\n"
        f" {hexs(r, 15)}-{hexs(r, 3)}.{r.randint(10, 99)}.{digits(r, 13)}; {_pacific(d)}",
        f"X-Google-Smtp-Source: AGHT+I{token(r, 82)}",
    ]
    mid = f"<CA{r.choice(('Hx', 'L7', 'KD', 'PZ', 'N1', 'M5', 'Ob'))}{token(r, 40, '')}"
    mid += (
        f"{token(r, 8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_-=')}@mail.gmail.com>"
    )
    return Transport(
        host,
        host,
        ip,
        chain,
        "20230601",
        mid,
        extra,
        "to:subject:message-id:date:from:mime-version:from:to:cc:subject:date:message-id:reply-to",
    )


def _exchange(r: random.Random, rcpt: str, d: datetime, consumer: bool) -> Transport:
    edge = r.choice(("TYVP286CU001", "TY3P286CU002", "OS0P286CU010", "TYDP286CU001"))
    helo = f"{edge}.outbound.protection.outlook.com"
    if consumer:
        rdns = f"mail-japaneastazolkn{r.randint(19010000, 19019999)}.outbound.protection.outlook.com"
        ip = f"52.103.{r.randint(43, 67)}.{r.randint(1, 250)}"
    else:
        rdns = f"mail-japaneastazon{r.randint(11010000, 11019999)}.outbound.protection.outlook.com"
        ip = f"40.107.{r.randint(74, 75)}.{r.randint(1, 250)}"
    box, hub = _exchange_box(r), _exchange_box(r)
    v6a, v6b = (
        f"2603:1096:{hexs(r, 3)}:{hexs(r, 3)}::{r.randint(5, 15)}",
        f"2603:1096:{hexs(r, 3)}:1b2::{r.randint(5, 15)}",
    )
    link_local = ":".join(hexs(r, 4) for _ in range(4))
    chain = [
        f"from {box}.JPNP286.PROD.OUTLOOK.COM ({v6a}) by\r\n {hub}.JPNP286.PROD.OUTLOOK.COM ({v6b}) with "
        "Microsoft SMTP Server (version=TLS1_2,\r\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id "
        f"15.20.{r.randint(8300, 8900)}.{r.randint(10, 30)}; {_utc(d)}",
        f"from {box}.JPNP286.PROD.OUTLOOK.COM\r\n ([fe80::{link_local}]) by "
        f"{box}.JPNP286.PROD.OUTLOOK.COM\r\n ([fe80::{link_local}%7]) "
        f"with mapi id 15.20.{r.randint(8300, 8900)}.{r.randint(10, 30)}; {_utc(d)}",
    ]
    mid = f"<{box}{hexs(r, 40, True)}@{box}.JPNP286.PROD.OUTLOOK.COM>"
    extra = [
        f"Thread-Index: AQH{token(r, 25)}==",
        "Accept-Language: ja-JP, en-US",
        "Content-Language: ja-JP",
        "X-MS-Has-Attach: ",
        "X-MS-TNEF-Correlator: ",
        "x-ms-publictraffictype: Email",
        f"x-ms-traffictypediagnostic: {box}:EE_|{hub}:EE_",
    ]
    return Transport(
        helo,
        rdns,
        ip,
        chain,
        "selector1",
        mid,
        extra,
        "From:Date:Subject:Message-ID:Content-Type:MIME-Version",
        True,
    )


def _yahoo(r: random.Random, rcpt: str, d: datetime) -> Transport:
    host = f"mta{r.randint(1001, 1099)}.mail.kks.yahoo.co.jp"
    web = f"web{r.randint(10001, 10999)}.mail.kks.yahoo.co.jp"
    chain = [f"from [126.{octets(r, 3)}] by {web} via HTTP; {format_datetime(d)}"]
    mid = f"<{r.randint(100000, 999999)}.{r.randint(10000, 99999)}.qm@{web}>"
    extra = [f"X-YMail-OSG: {token(r, 60)}", f"X-YMail-JAS: {token(r, 40)}"]
    return Transport(
        host,
        host,
        f"182.22.{r.randint(12, 24)}.{r.randint(2, 250)}",
        chain,
        "yj20110701",
        mid,
        extra,
        "Date:From:Reply-To:Subject:To:MIME-Version:Content-Type:Content-Transfer-Encoding:Message-ID",
    )


def _icloud(r: random.Random, rcpt: str, d: datetime) -> Transport:
    host = f"st43p00im-zteg{r.randint(10060000, 10079999)}.me.com"
    chain = [
        f"from smtpclient.apple (st43p00im-dlb-asmtp-mailmevip.me.com [17.42.251.41])\r\n"
        f"\tby {host} (Postfix) with ESMTPSA id {token(r, 11, 'ABCDEF0123456789')}\r\n"
        f"\tfor <{rcpt}>; {_utc(d)} (UTC)",
    ]
    mid = f"<{ruuid(r).upper()}@icloud.com>"
    extra = [f"X-Mailer: iPhone Mail ({r.choice(('22G86', '23A341', '23B85', '23C55'))})"]
    return Transport(
        host,
        host,
        f"17.58.63.{r.randint(160, 190)}",
        chain,
        "1a1hai",
        mid,
        extra,
        "Content-Type:From:Mime-Version:Subject:Message-Id:Date:To:x-icloud-hme",
    )


def _carrier(r: random.Random, rcpt: str, d: datetime, system: str, domain: str) -> Transport:
    if system == "docomo":
        host, ip, sel = (
            f"mfsmax{r.randint(10, 40)}.docomo.ne.jp",
            f"203.138.{r.randint(180, 190)}.{r.randint(2, 250)}",
            "dcm1",
        )
        inner = (
            f"from docomo.ne.jp ([10.{octets(r, 3)}])\r\n\tby mfsvsmtp{r.randint(1, 9)}.docomo.ne.jp"
            f" with ESMTP id {token(r, 12)}; {format_datetime(d)}"
        )
        mid = f"<{hexs(r, 16)}.{r.randint(1000, 9999)}@docomo.ne.jp>"
    elif system == "au":
        host, ip, sel = (
            f"omta{r.randint(1000, 1099)}.au.com",
            f"111.86.{r.randint(140, 150)}.{r.randint(2, 250)}",
            "au2022",
        )
        inner = (
            f"from au.com ([10.{octets(r, 3)}])\r\n\tby mta{r.randint(10, 90)}.au.com"
            f" with ESMTP id {token(r, 14)}; {format_datetime(d)}"
        )
        mid = f"<{d.strftime('%Y%m%d%H%M%S')}.{hexs(r, 8)}@{domain}>"
    else:
        host, ip, sel = (
            f"mo{r.randint(10, 60)}.i.softbank.jp",
            f"126.240.{r.randint(60, 70)}.{r.randint(2, 250)}",
            "sb1",
        )
        inner = (
            f"from [10.{octets(r, 3)}] by imap{r.randint(10, 60)}.i.softbank.jp (mwmta)"
            f" with ESMTPA id {token(r, 10)}; {format_datetime(d)}"
        )
        mid = f"<{ruuid(r).upper()}@{domain}>"
    return Transport(
        host, host, ip, [inner], sel, mid, [], "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type"
    )


def _hosted(r: random.Random, rcpt: str, d: datetime, system: str, domain: str, sender: str) -> Transport:
    client_ip = (
        f"{r.choice((126, 133, 153, 180, 219))}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    )
    if system == "xserver":
        host = f"sv{r.randint(10000, 16999)}.xserver.jp"
        ip = f"{r.choice(('183.90', '162.43', '210.140'))}.{r.randint(0, 255)}.{r.randint(2, 250)}"
        chain = [
            f"from [192.168.{octets(r, 2)}] (unknown [{client_ip}])\r\n"
            f"\t(Authenticated sender: {sender})\r\n"
            f"\tby {host} (Postfix) with ESMTPSA id {hexs(r, 10, True)};\r\n\t{format_datetime(d)}"
        ]
        sel = "default"
    elif system == "sakura":
        host = f"www{r.randint(1000, 9999)}.sakura.ne.jp"
        ip = f"49.212.{r.randint(0, 255)}.{r.randint(2, 250)}"
        chain = [
            f"from [10.0.{octets(r, 2)}] (softbank{client_ip.replace('.', '')}.bbtec.net [{client_ip}])\r\n"
            f"\t(authenticated bits=0)\r\n"
            f"\tby {host} (8.16.1/8.16.1) with ESMTPSA id {r.randint(10, 99)}{token(r, 10)}\r\n"
            f"\t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO);\r\n\t{format_datetime(d)}"
        ]
        sel = "rs20250611"
    elif system == "pemail":
        n = r.randint(1, 9)
        host = f"mta-0{n}-{r.randint(1, 4)}.privateemail.com"
        ip = f"198.54.{r.choice((118, 122, 127))}.{r.randint(2, 250)}"
        chain = [
            f"from mta-0{n}.privateemail.com (localhost [127.0.0.1])\r\n"
            f"\tby mta-0{n}.privateemail.com (Postfix) with ESMTP id "
            f"4d{token(r, 10)}\r\n\tfor <{rcpt}>; {_utc(d)} (UTC)",
            f"from [192.168.1.{r.randint(2, 250)}] (unknown [{client_ip}])\r\n"
            f"\tby mta-0{n}.privateemail.com (Postfix) with ESMTPA;\r\n"
            f"\t{_utc(d)} (UTC)",
        ]
        sel = "default"
    else:  # a rented VPS with Postfix, OpenDKIM and Roundcube
        a, b = r.randint(100, 220), r.randint(0, 255)
        host = f"mail.{domain}"
        ip = f"{a}.{b}.{r.randint(0, 255)}.{r.randint(2, 250)}"
        chain = [
            f"from localhost (localhost [127.0.0.1])\r\n"
            f"\tby mail.{domain} (Postfix) with ESMTPSA id {hexs(r, 11, True)}\r\n"
            f"\tfor <{rcpt}>; {format_datetime(d)}"
        ]
        sel = "mail"
        return Transport(
            host,
            f"v{ip.replace('.', '-')}.{r.choice(('a1b2', 'c3d4', '9f2e'))}.static.cnode.io",
            ip,
            chain,
            sel,
            f"<{hexs(r, 32)}@{domain}>",
            [],
            "From:Date:Subject:To:Message-ID:MIME-Version:Content-Type",
        )
    return Transport(
        host, host, ip, chain, sel, "", [], "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type"
    )


DMARC_POLICY = {
    "gmail.com": "none",
    "yahoo.co.jp": "none",
    "icloud.com": "quarantine",
    "me.com": "quarantine",
    "outlook.jp": "none",
    "outlook.com": "none",
    "hotmail.co.jp": "none",
}


def transport(r: random.Random, mail: Mail, mailer: str) -> Transport:
    rcpt = mail.to[0][1]
    domain = mail.from_addr.split("@", 1)[1]
    s, d = mail.system, mail.date
    if s in ("gmail", "gws"):
        t = _google(r, rcpt, d)
        if s == "gws":
            t.selector = "google"
            t.headers.insert(0, _dkim(r, "1e100.net", "20230601", t.dkim_h, d, "X-Google-DKIM-Signature"))
        return t
    if s in ("outlookcom", "m365"):
        return _exchange(r, rcpt, d, s == "outlookcom")
    if s == "yahoojp":
        return _yahoo(r, rcpt, d)
    if s == "icloud":
        return _icloud(r, rcpt, d)
    if s in ("docomo", "au", "softbank"):
        return _carrier(r, rcpt, d, s, domain)
    t = _hosted(r, rcpt, d, s, domain, mail.from_addr)
    if not t.msgid:
        if mailer == "outlook":
            t.msgid = (
                f"<00{r.randint(0, 9)}{r.randint(0, 9)}01dc{hexs(r, 4)}${hexs(r, 8)}${hexs(r, 8)}$@{domain}>"
            )
        elif mailer == "becky":
            t.msgid = f"<{d.strftime('%Y%m%d%H%M%S')}.{hexs(r, 4, True)}.{hexs(r, 8, True)}@{domain}>"
        elif mailer == "thunderbird":
            t.msgid = f"<{ruuid(r)}@{domain}>"
        else:
            t.msgid = f"<{hexs(r, 32)}@{domain}>"
    return t


def _dkim(r: random.Random, d: str, s: str, h: str, when_: datetime, name: str = "DKIM-Signature") -> str:
    ts = int(when_.timestamp())
    b = base64.b64encode(r.randbytes(256)).decode("ascii")
    bh = base64.b64encode(r.randbytes(32)).decode("ascii")
    folded = "\r\n         ".join(b[i : i + 70] for i in range(0, len(b), 70))
    expiry = f" x={ts + 604800};" if s in ("20230601", "google") else ""
    return (
        f"{name}: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n        d={d}; s={s}; t={ts};{expiry}"
        f" darn={ORG_DOMAIN};\r\n        h={h};\r\n        bh={bh};\r\n        b={folded}"
    )


MAILER_HEADERS = {
    "outlook": ["X-Mailer: Microsoft Outlook 16.0", "Content-Language: ja"],
    "thunderbird": ["User-Agent: Mozilla Thunderbird", "Content-Language: ja"],
    "becky": ["X-Mailer: Becky! ver. 2.81.07 [ja]"],
    "roundcube": ["User-Agent: Roundcube Webmail/1.6.10"],
}
SYSTEM_STYLE = {  # system: (charset, html, style)
    "gmail": ("utf8b", True, "gmail"),
    "gws": ("utf8b", True, "gmail"),
    "outlookcom": ("jis", True, "outlook"),
    "m365": ("jis", True, "outlook"),
    "yahoojp": ("jis", False, "plain"),
    "icloud": ("utf8q", False, "plain"),
    "docomo": ("sjis-b", False, "plain"),
    "au": ("jis", False, "plain"),
    "softbank": ("sjis-8bit", False, "plain"),
}
MAILER_STYLE = {
    "outlook": ("jis", True, "outlook"),
    "thunderbird": ("utf8-8bit", False, "thunderbird"),
    "becky": ("jis", False, "plain"),
    "roundcube": ("utf8q", True, "roundcube"),
}
CHARSET = {  # our code: (Python codec, MIME label, transfer encoding)
    "jis": ("iso-2022-jp", "ISO-2022-JP", "7bit"),
    "utf8b": ("utf-8", "UTF-8", "base64"),
    "utf8q": ("utf-8", "UTF-8", "quoted-printable"),
    "utf8-8bit": ("utf-8", "UTF-8", "8bit"),
    "sjis-b": ("shift_jis", "Shift_JIS", "base64"),
    "sjis-8bit": ("shift_jis", "Shift_JIS", "8bit"),
}


def encode_text(text: str, cs: str) -> bytes:
    codec, _label, cte = CHARSET[cs]
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    if codec == "iso-2022-jp":
        return b"\r\n".join(line.encode(codec) for line in lines) + b"\r\n"
    raw = "\r\n".join(lines).encode(codec) + b"\r\n"
    if cte == "base64":
        return _b64_lines(raw).encode("ascii") + b"\r\n"
    if cte == "quoted-printable":
        qp = quopri.encodestring(raw.replace(b"\r\n", b"\n"))
        return qp.replace(b"\n", b"\r\n")
    return raw


def to_html(text: str, style: str, codec_label: str) -> str:
    lines = [html.escape(x) for x in text.rstrip("\n").split("\n")]
    if style == "gmail":
        return '<div dir="ltr">' + "<br>".join(lines) + "</div>\n"
    if style == "outlook":
        paras = "\n".join(f'<p class="MsoNormal">{x or "&nbsp;"}<o:p></o:p></p>' for x in lines)
        return (
            '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n'
            f'<head>\n<meta http-equiv="Content-Type" content="text/html; charset={codec_label.lower()}">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            "<style><!--\np.MsoNormal {margin:0mm; font-size:10.5pt;"
            ' font-family:"游ゴシック",sans-serif;}\n--></style>\n'
            '</head>\n<body lang="JA" link="#0563C1" vlink="#954F72" style="word-wrap:break-word;'
            'text-justify-trim:punctuation">\n<div class="WordSection1">\n'
            f"{paras}\n</div>\n</body>\n</html>\n"
        )
    body = "<br>\n".join(lines)
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={codec_label}" /></head>'
        '<body style="font-size: 10pt; font-family: Verdana,Geneva,sans-serif">\n'
        f"<p>{body}</p>\n</body></html>\n"
    )


def leaf(content: bytes, ctype: str, cs: str, flowed: bool = False) -> bytes:
    _codec, label, cte = CHARSET[cs]
    extra = "; format=flowed" if flowed else ""
    head = f"Content-Type: {ctype}; charset={label}{extra}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
    return head.encode("ascii") + content


def boundary(r: random.Random, style: str) -> str:
    if style == "gmail":
        return "000000000000" + hexs(r, 12)
    if style == "exchange":
        return f"_000_{_exchange_box(r)}{hexs(r, 12, True)}_"
    if style == "outlook":
        return f"----=_NextPart_000_{hexs(r, 4, True)}_01DC{hexs(r, 4, True)}.{hexs(r, 8, True)}"
    if style == "thunderbird":
        return "------------" + token(r, 24)
    return (
        f"----=_Part_{r.randint(10000, 99999)}_{r.randint(100000000, 999999999)}.{r.randint(10**12, 10**13)}"
    )


def multipart(sub: str, bnd: str, parts: list[bytes]) -> bytes:
    out = f'Content-Type: multipart/{sub}; boundary="{bnd}"\r\n\r\n'.encode("ascii")
    for p in parts:
        out += f"--{bnd}\r\n".encode("ascii") + p + b"\r\n"
    return out + f"--{bnd}--\r\n".encode("ascii")


def attachment(name: str, ctype: str, data: bytes) -> bytes:
    if name.isascii():
        params = f'; name="{name}"', f'; filename="{name}"'
    else:
        from urllib.parse import quote

        q = quote(name.encode("utf-8"), safe="")
        params = f"; name*=UTF-8''{q}", f"; filename*=UTF-8''{q}"
    head = (
        f"Content-Type: {ctype}{params[0]}\r\nContent-Disposition: attachment{params[1]}\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
    )
    return head.encode("ascii") + _b64_lines(data).encode("ascii") + b"\r\n"


def render(r: random.Random, mail: Mail) -> bytes:
    if mail.system in SYSTEM_STYLE:
        mailer = ""
        cs, want_html, style = SYSTEM_STYLE[mail.system]
    else:
        mailer = mail.mailer or (
            "outlook" if mail.system == "m365" else r.choice(("thunderbird", "becky", "roundcube", "outlook"))
        )
        cs, want_html, style = MAILER_STYLE[mailer]
    if mail.system == "gws":
        cs, want_html, style = SYSTEM_STYLE["gws"]
        mailer = ""
    cs = mail.charset or cs
    want_html = want_html if mail.html is None else mail.html
    codec, label, _cte = CHARSET[cs]
    hlabel = label if style != "outlook" else label.lower()
    hcs = "jis" if codec == "iso-2022-jp" else ("sjis" if codec == "shift_jis" else "utf8")
    t = transport(r, mail, mailer)
    domain = mail.from_addr.split("@", 1)[1]
    policy = DMARC_POLICY.get(domain, "none" if hash_pick(domain) else "quarantine")
    dmarc = (
        "dmarc=none header.from=" + domain
        if domain in NO_DMARC
        else f"dmarc=pass (p={policy} dis=none) header.from={domain}"
    )
    dkim = _dkim(r, domain, t.selector, t.dkim_h, mail.date)
    bline = dkim.split("b=")[-1][:8]
    received_at = mail.date + timedelta(seconds=r.randint(1, 9))
    rcpt = mail.to[0][1]
    head = [
        f"Return-Path: <{mail.from_addr}>",
        f"Authentication-Results: {MX_HOST};\r\n\tspf=pass smtp.mailfrom={mail.from_addr};\r\n"
        f"\tdkim=pass (2048-bit key) header.d={domain} header.s={t.selector} header.b={bline};\r\n\t{dmarc}",
        f"Received: from {t.helo} ({t.rdns} [{t.ip}])\r\n"
        f"\tby {MX_HOST} (Postfix) with ESMTPS id 4d{token(r, 12)}\r\n"
        f"\tfor <{rcpt}>; {format_datetime(received_at)} (JST)",
    ]
    head += [f"Received: {c}" for c in t.chain]
    head.append(dkim)
    head += t.headers
    head.append(f"From: {format_addr(mail.from_name, mail.from_addr, hcs, hlabel)}")
    head.append("To: " + ",\r\n\t".join(format_addr(n, a, hcs, hlabel) for n, a in mail.to))
    if mail.cc:
        head.append("Cc: " + ",\r\n\t".join(format_addr(n, a, hcs, hlabel) for n, a in mail.cc))
    if mail.reply_to:
        head.append(f"Reply-To: {format_addr(mail.reply_to[0], mail.reply_to[1], hcs, hlabel)}")
    head.append(f"Subject: {encode_words(mail.subject, hcs, hlabel)}")
    exchange = mail.system in ("outlookcom", "m365")
    if exchange:
        head.append(f"Thread-Topic: {encode_words(mail.subject, hcs, hlabel)}")
    head.append(
        "Date: "
        + (_utc(mail.date) if t.date_utc and mail.system == "outlookcom" else format_datetime(mail.date))
    )
    head.append(f"Message-ID: {t.msgid}")
    if mail.in_reply_to:
        head.append(f"In-Reply-To: {mail.in_reply_to}")
    if mail.references:
        head.append("References: " + "\r\n ".join(mail.references))
    head += MAILER_HEADERS.get(mailer, [])
    head.append("MIME-Version: 1.0 (1.0)" if mail.system == "icloud" else "MIME-Version: 1.0")

    text_leaf = leaf(encode_text(mail.body, cs), "text/plain", cs, flowed=style == "thunderbird")
    body = text_leaf
    if want_html:
        html_leaf = leaf(encode_text(to_html(mail.body, style, label), cs), "text/html", cs)
        body = multipart(
            "alternative", boundary(r, "exchange" if exchange else style), [text_leaf, html_leaf]
        )
    if mail.attachments:
        parts = [body] + [attachment(*a) for a in mail.attachments]
        body = multipart("mixed", boundary(r, "exchange" if exchange else style), parts)
    return ("\r\n".join(head) + "\r\n").encode("ascii") + body


def hash_pick(domain: str) -> bool:
    """A stable pseudo-random choice per domain (no dependence on PYTHONHASHSEED)."""
    return sum(domain.encode("ascii")) % 3 != 0


# --------------------------------------------------------------------------------------------
# small PDFs (Japanese text in a non-embedded Adobe-Japan1 font) and a QR code (version 4-L, byte mode)


def _gf_mul(x: int, y: int) -> int:
    z = 0
    for i in reversed(range(8)):
        z = (z << 1) ^ ((z >> 7) * 0x11D)
        z ^= ((y >> i) & 1) * x
    return z


def _rs_remainder(data: list[int], degree: int) -> list[int]:
    divisor = [0] * (degree - 1) + [1]
    root = 1
    for _ in range(degree):
        for j in range(degree):
            divisor[j] = _gf_mul(divisor[j], root)
            if j + 1 < degree:
                divisor[j] ^= divisor[j + 1]
        root = _gf_mul(root, 0x02)
    result = [0] * degree
    for b in data:
        factor = b ^ result.pop(0)
        result.append(0)
        for i, coef in enumerate(divisor):
            result[i] ^= _gf_mul(coef, factor)
    return result


def qr_matrix(text: str) -> list[list[bool]]:
    """A QR code, version 4, error correction L, byte mode, mask 0 (at most 78 bytes)."""
    size, data_cw, ecc_cw = 33, 80, 20
    payload = text.encode("utf-8")
    assert len(payload) <= 78
    bits = [0, 1, 0, 0] + [(len(payload) >> i) & 1 for i in range(7, -1, -1)]
    for byte in payload:
        bits += [(byte >> i) & 1 for i in range(7, -1, -1)]
    bits += [0] * min(4, data_cw * 8 - len(bits))
    bits += [0] * (-len(bits) % 8)
    codewords = [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits), 8)]
    pad = 0xEC
    while len(codewords) < data_cw:
        codewords.append(pad)
        pad ^= 0xEC ^ 0x11
    allcw = codewords + _rs_remainder(codewords, ecc_cw)
    mod = [[False] * size for _ in range(size)]
    fun = [[False] * size for _ in range(size)]

    def put(x: int, y: int, dark: bool) -> None:
        mod[y][x] = dark
        fun[y][x] = True

    for i in range(size):
        put(6, i, i % 2 == 0)
        put(i, 6, i % 2 == 0)
    for cx, cy in ((3, 3), (size - 4, 3), (3, size - 4)):
        for dy in range(-4, 5):
            for dx in range(-4, 5):
                x, y = cx + dx, cy + dy
                if 0 <= x < size and 0 <= y < size:
                    put(x, y, max(abs(dx), abs(dy)) not in (2, 4))
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            put(26 + dx, 26 + dy, max(abs(dx), abs(dy)) != 1)
    fmt_data = (1 << 3) | 0  # ECC level L, mask 0
    rem = fmt_data
    for _ in range(10):
        rem = (rem << 1) ^ ((rem >> 9) * 0x537)
    fmt = ((fmt_data << 10) | rem) ^ 0x5412
    fb = [(fmt >> i) & 1 == 1 for i in range(15)]
    for i in range(6):
        put(8, i, fb[i])
    put(8, 7, fb[6])
    put(8, 8, fb[7])
    put(7, 8, fb[8])
    for i in range(9, 15):
        put(14 - i, 8, fb[i])
    for i in range(8):
        put(size - 1 - i, 8, fb[i])
    for i in range(8, 15):
        put(8, size - 15 + i, fb[i])
    put(8, size - 8, True)
    i = 0
    right = size - 1
    while right >= 1:
        if right == 6:
            right = 5
        for vert in range(size):
            for j in range(2):
                x = right - j
                upward = ((right + 1) & 2) == 0
                y = size - 1 - vert if upward else vert
                if not fun[y][x] and i < len(allcw) * 8:
                    mod[y][x] = (allcw[i >> 3] >> (7 - (i & 7))) & 1 == 1
                    i += 1
        right -= 2
    for y in range(size):
        for x in range(size):
            if not fun[y][x] and (x + y) % 2 == 0:
                mod[y][x] = not mod[y][x]
    return mod


def make_pdf(lines: list[tuple[float, float, float, str]], d: datetime, producer: str, qr: str = "") -> bytes:
    """One A4 page; lines are (x, y, font size, text)."""
    ops = []
    for x, y, sz, text in lines:
        ops.append(f"BT /F1 {sz:g} Tf {x:g} {y:g} Td <{text.encode('utf-16-be').hex().upper()}> Tj ET")
    if qr:
        m = qr_matrix(qr)
        cell, x0, y0 = 4.0, 380.0, 420.0
        ops.append("0 0 0 rg")
        for row, cells in enumerate(m):
            for col, dark in enumerate(cells):
                if dark:
                    ops.append(f"{x0 + col * cell:g} {y0 + (len(m) - 1 - row) * cell:g} {cell:g} {cell:g} re")
        ops.append("f")
    stream = "\n".join(ops).encode("ascii")
    stamp = d.strftime("D:%Y%m%d%H%M%S+09'00'")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UTF16-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> "
        b"/FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [-437 -340 1147 1317] "
        b"/ItalicAngle 0 /Ascent 1317 /Descent -349 /CapHeight 742 /StemV 80 >>",
        f"<< /Producer ({producer}) /CreationDate ({stamp}) /ModDate ({stamp}) >>".encode("ascii"),
    ]
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 8 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


# --------------------------------------------------------------------------------------------
# senders, signatures


def J(*lines: str) -> str:
    return "\n".join(lines)


ADDRESSES = {
    DAIWA.domain: "〒541-0046 大阪市中央区平野町3-4-12 平野町センタービル5F",
    TOYO.domain: "〒330-0854 さいたま市大宮区桜木町2-7-3",
    SATO.domain: "〒160-0022 東京都新宿区新宿1-18-6 第三松村ビル4F",
    CHUO.domain: "〒105-0003 東京都港区西新橋1-9-8 西新橋スクエア7F",
    HOKUTO.domain: "〒143-0006 東京都大田区平和島4-2-15",
    FUJI.domain: "〒104-0032 東京都中央区八丁堀3-25-9",
    SUZUKI.domain: "〒210-0007 川崎市川崎区駅前本町11-2 フロンティアビル9F",
    CHIYODA.domain: "〒101-0047 東京都千代田区内神田2-14-7",
}


def recipient(r: random.Random, p: Person) -> tuple[str, str]:
    return (p.name if r.random() < 0.6 else "", p.address)


@dataclass
class Sender:
    name: str
    addr: str
    system: str


def exec_sender(r: random.Random, p: Person, systems: tuple[str, ...] = FREE) -> Sender:
    system = r.choice(systems)
    fam, giv = roman(p)
    names = (
        p.name,
        p.name.replace(" ", ""),
        p.name,
        f"{p.name}（みなと精機）",
        f"{giv.title()} {fam.title()}",
    )
    return Sender(r.choice(names), free_address(r, p, system), system)


def spoof_sender(r: random.Random, c: Correspondent, i: int, person: str = "", local: str = "") -> Sender:
    domains = LOOKALIKES[c.domain]
    domain = domains[i % len(domains)]
    local = local or c.contact.address.split("@")[0]
    person = person or c.contact.name
    name = r.choice((person, f"{c.name} {last_of(person)}", f"{last_of(person)}（{c.name}）", person))
    return Sender(name, f"{local}@{domain}", r.choice(HOSTED))


def last_of(name: str) -> str:
    return name.split()[0]


def corp_sig(r: random.Random, c: Correspondent, s: Sender, person: str = "", dept: str = "") -> str:
    person = person or c.contact.name
    dept = dept or c.contact.title
    tel = phone(r, "06" if c is DAIWA else "03")
    return J(
        "",
        "-----------------------------------------",
        c.name,
        f"{dept}　{person}",
        ADDRESSES[c.domain],
        f"TEL：{tel}　FAX：{tel[:-4]}{digits(r, 4)}",
        f"Mail：{s.addr}",
        "-----------------------------------------",
    )


def exec_signoff(r: random.Random, p: Person, system: str) -> str:
    sign = r.choice((last_of(p.name), p.name, p.name.replace(" ", ""), f"{p.title} {p.name}"))
    foot = {
        "icloud": "\n\niPhoneから送信",
        "softbank": "\n\niPhoneから送信",
        "outlookcom": r.choice(("", "\n\nOutlook for iOS を入手")),
        "docomo": "",
    }.get(system, "")
    return f"\n{sign}{foot}"


def free_reply_to(r: random.Random, p: Person, s: Sender) -> tuple[str, str] | None:
    if r.random() < 0.3:
        other = r.choice([x for x in ("gmail", "outlookcom", "yahoojp") if x != s.system])
        return (s.name, free_address(r, p, other))
    return None


def mk(
    r: random.Random, s: Sender, to: list[tuple[str, str]], subject: str, body: str, d: datetime, **kw: object
) -> Mail:
    m = Mail(s.name, s.addr, to, subject, body, s.system, d)
    for k, v in kw.items():
        setattr(m, k, v)
    return m


# --------------------------------------------------------------------------------------------
# 1. exec-reachout: an executive on free or carrier mail wants to talk elsewhere


def reach_desk(r: random.Random, i: int) -> Mail:
    boss = r.choice((CEO, SENMU, CEO))
    target = r.choice((KOBAYASHI, NAKAMURA, YOSHIDA, CFO, YAMAMOTO))
    s = exec_sender(r, boss, ("gmail", "yahoojp", "icloud", "outlookcom"))
    you = last_of(target.name)
    body = r.choice(
        (
            J(
                f"{you}さん",
                "",
                "お疲れ様です。今、社内にいますか？",
                "少しお願いしたい件があります。",
                "手が空いたら、このメールに返信してください。",
            ),
            J(
                f"{you}さん",
                "",
                "今日は席にいますか。",
                "社外秘の件で、急ぎ対応してほしいことがあります。",
                "会議の合間なので電話には出られません。メールで返信ください。",
            ),
            J(
                "お疲れ様です。",
                f"{you}さん、今少しだけ時間をもらえますか。",
                "詳細は返信をもらってから伝えます。",
                "この件は、まだ他の人には言わないでください。",
            ),
        )
    )
    subject = r.choice(("確認", "お願い", "今よろしいですか", "至急", f"{you}さんへ"))
    return mk(
        r,
        s,
        [recipient(r, target)],
        subject,
        body + "\n" + exec_signoff(r, boss, s.system),
        when(r),
        reply_to=free_reply_to(r, boss, s),
    )


def reach_phone(r: random.Random, i: int) -> Mail:
    boss = r.choice((CEO, SENMU))
    target = r.choice((KOBAYASHI, NAKAMURA, CFO, KATO))
    s = exec_sender(r, boss, ("docomo", "au", "softbank", "icloud"))
    you = last_of(target.name)
    body = r.choice(
        (
            J(
                f"{you}さん",
                "",
                "出先から個人の携帯で送っています。",
                "社用のスマホを会社に置いてきてしまいました。",
                "急ぎで相談したいことがあるので、",
                f"{you}さんの携帯番号を返信してもらえますか。",
                "こちらからかけ直します。",
            ),
            J(
                f"{you}さん",
                "",
                "出張先から携帯のメールで失礼します。",
                "至急確認したいことがあります。",
                "知らない番号から着信があると思いますが、私なので出てください。",
                "念のため、今つながる携帯の番号を返信してください。",
            ),
            J(
                "お疲れ様です。",
                "社用携帯が故障して修理に出しています。",
                "しばらくはこの携帯のアドレスに連絡をください。",
                f"{you}さんに一件頼みたいことがあるので、",
                "個人の携帯番号かLINEのIDを教えてもらえますか。",
            ),
        )
    )
    subject = r.choice(("連絡ください", "携帯から", "確認です", "急ぎ"))
    return mk(
        r, s, [recipient(r, target)], subject, body + "\n" + exec_signoff(r, boss, s.system), when(r, 8, 20)
    )


def reach_chat(r: random.Random, i: int) -> Mail:
    boss = r.choice((CEO, SENMU, CFO))
    target = r.choice((KOBAYASHI, YAMAMOTO, NAKAMURA))
    s = exec_sender(r, boss, ("gmail", "outlookcom", "icloud"))
    you = last_of(target.name)
    body = r.choice(
        (
            J(
                f"{you}さん",
                "",
                "取締役会の資料の件で相談があります。",
                "社外でも見られるように、個人のTeamsでやり取りしたいです。",
                "Microsoftアカウントに登録しているメールアドレスを返信してください。",
                "こちらから招待を送ります。",
            ),
            J(
                f"{you}さん",
                "",
                "お疲れ様です。",
                "社内のチャットは記録が残るので、この件は個人のLINEで話したいです。",
                "LINEのIDか、登録している電話番号を教えてください。友だち追加します。",
                "追加したら、すぐに確認してもらえると助かります。",
            ),
            J(
                f"{you}さん",
                "",
                "今日は外で打ち合わせが続いていて、PCが開けません。",
                "スマホのTeamsから話したいので、Teamsで私を検索して、個人アカウントの方に連絡をください。",
                "アカウント名は下記です。",
                f"{s.addr}",
                "社内の方のアカウントではないので注意してください。",
            ),
        )
    )
    subject = r.choice(("相談", "Teamsの件", "LINEで話せますか", "少し相談です"))
    return mk(r, s, [recipient(r, target)], subject, body + "\n" + exec_signoff(r, boss, s.system), when(r))


def reach_newaddr(r: random.Random, i: int) -> Mail:
    boss = r.choice((CEO, SENMU))
    s = exec_sender(r, boss, ("gmail", "yahoojp", "outlookcom"))
    targets = r.sample([CFO, KOBAYASHI, NAKAMURA, YOSHIDA], 2)
    body = J(
        "各位",
        "",
        "お疲れ様です。",
        "社用のメールがスマホで受信できなくなっているため、",
        "しばらくはこのアドレスから連絡します。返信もこちらにお願いします。",
        "",
        f"午後に{last_of(targets[0].name)}さんにお願いしたい件があります。",
        "今日の予定と、会社にいる時間を返信してください。",
    )
    subject = r.choice(
        ("【連絡先変更】一時的にこちらのアドレスを使います", "連絡先について", "メールアドレスの件")
    )
    return mk(
        r,
        s,
        [recipient(r, t) for t in targets],
        subject,
        body + "\n" + exec_signoff(r, boss, s.system),
        when(r),
    )


# --------------------------------------------------------------------------------------------
# 2. exec-wire: a payment today, before the bank's cut-off, approval afterwards


def wire_today(r: random.Random, i: int) -> Mail:
    boss = r.choice((CEO, SENMU))
    target = r.choice((KOBAYASHI, CFO))
    s = exec_sender(r, boss, ("gmail", "outlookcom", "yahoojp", "icloud"))
    amount = r.randrange(2_800_000, 9_800_000, 10_000)
    purpose = r.choice(
        ("新規取引先との契約に伴う前払金", "設備導入の着手金", "展示会の共同出展費用", "業務提携の保証金")
    )
    holder = r.choice(
        (
            kana_person(r),
            "カ）エムケイトレーディング",
            "カ）サンライズパートナーズ",
            "ゴウドウガイシヤ ケイアンドエス",
        )
    )
    body = J(
        f"{last_of(target.name)}さん",
        "",
        "お疲れ様です。",
        f"本日15時までに、下記口座へ{yen(amount)}の振込をお願いします。",
        f"{purpose}です。",
        "契約書と稟議は、私が明日戻ってから回しますので、先に振込だけ処理してください。",
        "",
        bank_block(r, holder),
        "",
        "振込が終わったら、控えの画像をこのメールに返信してください。",
        "移動中のため電話には出られません。",
    )
    subject = r.choice(
        ("本日中のお振込について", "【至急】振込のお願い", "至急対応お願いします", "本日15時まで")
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        subject,
        body + "\n" + exec_signoff(r, boss, s.system),
        when(r, 9, 13),
        reply_to=free_reply_to(r, boss, s),
    )


def wire_deposit(r: random.Random, i: int) -> Mail:
    s = exec_sender(r, SENMU, ("gmail", "outlookcom", "docomo", "au"))
    amount = r.randrange(12_000_000, 38_000_000, 100_000)
    purpose = r.choice(("工場隣接地の買付けの手付金", "取引先との和解金", "新工場の設備の予約金"))
    body = J(
        "伊藤部長",
        "",
        "お疲れ様です。渡辺です。",
        f"先ほど社長とも話しましたが、{purpose}の件で本日中に支払いが必要になりました。",
        "銀行の締めに間に合わせるため、14時半までに手配をお願いできますか。",
        "承認は社長が出張から戻り次第、事後で回します。",
        f"金額は{yen(amount)}、振込先は以下のとおりです。",
        "",
        bank_block(
            r, r.choice(("カ）ヒガシエステート", kana_person(r), "カ）トウワコウギヨウ")), current=True
        ),
        "",
        "本件は社内で公表前ですので、経理の中でも最小限の人数で進めてください。",
        "手配の状況をこのメールでご報告ください。",
    )
    subject = r.choice(("本日の支払の件", "至急：本日中の支払い", "【社外秘】支払手配のお願い"))
    return mk(
        r, s, [recipient(r, CFO)], subject, body + "\n" + exec_signoff(r, SENMU, s.system), when(r, 9, 13)
    )


def wire_second(r: random.Random, i: int) -> Mail:
    boss = r.choice((CEO, SENMU))
    target = r.choice((KOBAYASHI, CFO))
    s = exec_sender(r, boss, ("gmail", "icloud", "yahoojp"))
    a1, a2 = r.randrange(3_000_000, 5_000_000, 10_000), r.randrange(2_000_000, 6_000_000, 10_000)
    body = J(
        f"{last_of(target.name)}さん",
        "",
        f"1件目の{yen(a1)}は振込できましたか？",
        f"先方から、残りの{yen(a2)}も本日中にと言われています。",
        "振込の限度額を超える場合は、2回に分けてもらってかまいません。",
        "口座は1件目と同じです。念のため再掲します。",
        "",
        bank_block(r, r.choice(("カ）グローバルアセツト", kana_person(r)))),
        "",
        "承認は戻ってから私がまとめて入れます。終わったら連絡ください。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        r.choice(("Re: 振込の件", "Re: お願い", "RE: 至急")),
        body + "\n" + exec_signoff(r, boss, s.system),
        when(r, 11, 14),
    )


def wire_who(r: random.Random, i: int) -> Mail:
    s = exec_sender(r, CEO, ("gmail", "outlookcom", "icloud"))
    target = r.choice((KOBAYASHI, CFO))
    body = J(
        f"{last_of(target.name)}さん",
        "",
        "高橋です。会議を抜けて連絡しています。",
        "本日中に、ある案件の支払いを処理してもらう必要があります。",
        "ネットバンキングで振込の承認ができるのは、今日は誰になりますか。",
        "あわせて、本日中に振込可能な金額の目安を教えてください。",
        "詳細は返信をもらい次第お送りします。",
        "監査法人の確認前の案件のため、この件は他の人には伝えないでください。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        r.choice(("本日の振込について", "確認してください", "至急")),
        body + "\n" + exec_signoff(r, CEO, s.system),
        when(r, 9, 12),
        reply_to=free_reply_to(r, CEO, s),
    )


# --------------------------------------------------------------------------------------------
# 3. hr-data: employee personal data from lookalikes of the tax accountant and labour consultant


def data_tax(r: random.Random, i: int) -> Mail:
    s = spoof_sender(r, SATO, i)
    target = r.choice((YAMAMOTO, KOBAYASHI))
    d = when(r)
    body = J(
        "株式会社みなと精機",
        f"{target.title} {last_of(target.name)}様",
        "",
        "いつも大変お世話になっております。",
        "佐藤税理士事務所の佐藤でございます。",
        "",
        r.choice(
            ("法定調書および給与支払報告書の作成にあたり、", "年末調整の再計算が必要となりましたため、")
        ),
        "下記の資料を頂戴したく存じます。",
        "",
        "1. 従業員様全員の個人番号（マイナンバー）一覧",
        "　（氏名・生年月日・住所を含むもの）",
        "2. 令和7年分 源泉徴収票（全従業員分）",
        "3. 扶養控除等申告書の写し",
        "",
        "Excel形式のままで結構ですので、本メールへの返信に添付いただけますと幸いです。",
        f"提出期限が迫っておりますため、{jday(business_after(d, 2))}までにご送付いただけますでしょうか。",
        "",
        "お手数をおかけいたしますが、何卒よろしくお願い申し上げます。",
    )
    subject = r.choice(
        (
            "【ご依頼】法定調書作成資料のご送付について",
            "給与支払報告書作成のための資料ご依頼",
            "資料ご送付のお願い（マイナンバー一覧ほか）",
        )
    )
    return mk(r, s, [recipient(r, target)], subject, body + corp_sig(r, SATO, s), d)


def data_labour(r: random.Random, i: int) -> Mail:
    s = spoof_sender(r, SUZUKI, i)
    target = r.choice((YAMAMOTO, NAKAMURA))
    d = when(r)
    task = r.choice(("労働保険の年度更新", "算定基礎届", "被扶養者の資格確認", "社会保険の電子申請への切替"))
    body = J(
        f"みなと精機 {target.title} {last_of(target.name)}様",
        "",
        "お世話になっております。鈴木社会保険労務士事務所の鈴木です。",
        f"今年度の{task}の準備を前倒しで進めております。",
        "つきましては、以下のデータをご用意いただけますでしょうか。",
        "",
        "・給与台帳（直近6か月分、賞与を含む）",
        "・従業員名簿（入社日、生年月日、住所、基礎年金番号、個人番号）",
        "・給与振込口座の一覧",
        "",
        "ファイルはExcelのままで差し支えございません。",
        "パスワードを設定される場合は、別メールでお知らせください。",
        f"恐れ入りますが、{jday(business_after(d, 3))}中にお送りいただけますと助かります。",
        "",
        "引き続きよろしくお願いいたします。",
    )
    subject = f"{task}の準備資料について（ご依頼）"
    return mk(r, s, [recipient(r, target)], subject, body + corp_sig(r, SUZUKI, s), d)


def data_newstaff(r: random.Random, i: int) -> Mail:
    firm = r.choice((SATO, SUZUKI))
    new, local = r.choice(
        (
            ("田中 美咲", "m.tanaka"),
            ("岡田 悠人", "y.okada"),
            ("村上 沙織", "office"),
            ("石井 浩平", "h.ishii"),
        )
    )
    s = spoof_sender(r, firm, i + 1, person=new, local=local)
    target = r.choice((YAMAMOTO, KOBAYASHI))
    what = (
        "最新の従業員名簿と、直近の給与明細データ一式"
        if firm is SUZUKI
        else "従業員様の源泉徴収簿と、マイナンバーを含む扶養親族の一覧"
    )
    body = J(
        "株式会社みなと精機",
        f"{last_of(target.name)}様",
        "",
        "突然のご連絡失礼いたします。",
        f"このたび{firm.name}で貴社を担当させていただくことになりました、{new}と申します。",
        f"前任の{last_of(firm.contact.name)}より引継ぎを受けております。今後ともよろしくお願い申し上げます。",
        "",
        "引継ぎにあたり、事務所のシステムへ貴社の情報を登録し直す必要がございます。",
        f"お手数ですが、{what}を",
        "本メールへの返信にてお送りいただけますでしょうか。",
        "",
        f"なお、今後のご連絡は本アドレス（{s.addr}）宛にお願いいたします。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        r.choice(("担当変更のご挨拶とお願い", "【ご挨拶】担当者変更のお知らせ")),
        body + corp_sig(r, firm, s, person=new, dept="担当"),
        when(r),
    )


def data_upload(r: random.Random, i: int) -> Mail:
    firm = r.choice((SUZUKI, SATO))
    s = spoof_sender(r, firm, i + 2)
    target = YAMAMOTO
    domain = s.addr.split("@")[1]
    link = f"https://{domain}/share/upload/{token(r, 10, 'abcdefghijkmnpqrstuvwxyz23456789')}"
    body = J(
        f"{last_of(target.name)}様",
        "",
        "いつもお世話になっております。",
        f"{firm.name}の{last_of(firm.contact.name)}です。",
        "個人情報を含むファイルのやり取りについて、メール添付を廃止し、",
        "当事務所の専用アップロードページをご利用いただく運用に変更いたしました。",
        "",
        "お手数ですが、従業員名簿（個人番号を含む）と給与台帳を下記よりアップロードください。",
        link,
        "",
        "ページのパスワードは、貴社の電話番号（ハイフンなし）です。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        "【ご案内】資料ご提出方法の変更について",
        body + corp_sig(r, firm, s),
        when(r),
    )


# --------------------------------------------------------------------------------------------
# 4. tob-deposit: lawyer, advisers and the CEO about a secret acquisition and a deposit


def tob_lawyer(r: random.Random, i: int) -> Mail:
    lawyer, local = r.choice(
        ((CHUO.contact.name, "k.kimura"), ("木村 恵子", "kimura"), ("大野 隆之", "t.ono"))
    )
    s = spoof_sender(r, CHUO, i, person=lawyer, local=local)
    amount = r.randrange(20_000_000, 80_000_000, 1_000_000)
    body = J(
        "株式会社みなと精機",
        "経理部長 伊藤 由美 様",
        "",
        f"突然のご連絡失礼いたします。中央総合法律事務所の弁護士、{last_of(lawyer)}でございます。",
        "高橋社長より既にお聞き及びかと存じますが、",
        "現在、貴社による株式取得案件につき、当職が代理人を務めております。",
        "",
        "本件は公表前の重要事実に該当するため、",
        "関係者以外への開示は控えていただく必要がございます。",
        "社内でのご共有は伊藤様までに留めていただきますようお願いいたします。",
        "",
        "つきましては、売主側との合意に基づき、本日中に手付金を",
        "下記の当事務所預り金口座へお振込みいただきたく存じます。",
        "",
        f"金額：{yen(amount)}",
        bank_block(r, KANA_CORP[CHUO.domain], current=True),
        "",
        "ご不明な点は、お電話ではなく本メールにてお問い合わせください。",
    )
    subject = r.choice(
        (
            "【機密】株式取得案件に関するお手続きのお願い",
            "【至急・機密】手付金お振込のお願い",
            "株式譲渡契約に関する件（極秘）",
        )
    )
    return mk(
        r,
        s,
        [recipient(r, CFO)],
        subject,
        body + corp_sig(r, CHUO, s, person=lawyer, dept="弁護士"),
        when(r, 9, 13),
    )


def tob_adviser(r: random.Random, i: int) -> Mail:
    firms = (
        ("グローブブリッジ・アドバイザリー株式会社", "globebridge-advisory.com"),
        ("東京キャピタル・ストラテジー株式会社", "tokyo-capstrategy.jp"),
        ("みらいコーポレートファイナンス株式会社", "mirai-cf.co"),
    )
    fname, fdom = r.choice(firms)
    person = r.choice(("山下 剛", "長谷川 聡", "川口 真理子"))
    s = Sender(
        r.choice((person, f"{person}（{fname}）")), f"{roman_mail(person)}@{fdom}", r.choice(("m365", "gws"))
    )
    amount = r.randrange(50_000_000, 150_000_000, 5_000_000)
    body = J(
        "株式会社みなと精機",
        "伊藤様",
        "",
        f"{fname}の{last_of(person)}でございます。",
        "高橋社長とご相談のうえで進めております公開買付け（TOB）の件でご連絡いたしました。",
        "",
        "公表に先立ち、公開買付代理人の指定するエスクロー口座へ、",
        f"買付資金の一部として{yen(amount)}を預け入れていただく必要がございます。",
        "本日の取引時間内に着金が確認できない場合、スケジュール全体が延期となります。",
        "",
        bank_block(r, "カ）エスクローサービス ヨウシヤク", current=True),
        "",
        "インサイダー取引規制の対象となる情報ですので、",
        "社内外を問わず、本件について口外されないようお願いいたします。",
        "高橋社長には本メールをCCでお送りしております。",
        "",
        "どうぞよろしくお願い申し上げます。",
        "",
        fname,
        f"マネージングディレクター　{person}",
    )
    ceo_cc = (CEO.name, f"k.takahashi@{r.choice(LOOKALIKES[ORG_DOMAIN])}")
    return mk(
        r,
        s,
        [recipient(r, CFO)],
        "公開買付けに関する証拠金のお預け入れについて",
        body,
        when(r, 9, 13),
        cc=[ceo_cc],
    )


def roman_mail(name: str) -> str:
    table = {
        "山下 剛": "t.yamashita",
        "長谷川 聡": "s.hasegawa",
        "川口 真理子": "m.kawaguchi",
        "Daniel Wong": "daniel.wong",
        "Priya Nair": "priya.nair",
        "Somchai Rattanakul": "somchai.r",
        "Nguyen Thi Lan": "lan.nguyen",
        "Kevin Tan": "kevin.tan",
    }
    return table[name]


def tob_ceo(r: random.Random, i: int) -> Mail:
    systems = ("gmail", "outlookcom", "m365")
    system = r.choice(systems)
    if system == "m365":
        s = Sender(CEO.name, f"k.takahashi@{LOOKALIKES[ORG_DOMAIN][i % 4]}", "m365")
    else:
        s = exec_sender(r, CEO, (system,))
    body = J(
        "伊藤さん",
        "",
        "高橋です。",
        "現在、ある企業の買収について最終段階の交渉を進めています。",
        "取締役会にはまだ諮っていないため、伊藤さんと私だけの案件として扱ってください。",
        "",
        "法務は中央総合法律事務所の木村先生にお願いしています。",
        "本日中に先生から直接連絡がありますので、先生の指示どおりに対応してください。",
        "私は終日交渉の場にいるため、電話には出られません。",
        "進捗はこのメールで報告してください。",
    )
    return mk(
        r,
        s,
        [recipient(r, CFO)],
        r.choice(("極秘案件について", "【極秘】", "内密にお願いします")),
        body + "\n" + exec_signoff(r, CEO, s.system),
        when(r, 8, 11),
    )


def tob_chase(r: random.Random, i: int) -> Mail:
    s = spoof_sender(r, CHUO, i + 2)
    body = J(
        "伊藤様",
        "",
        "中央総合法律事務所の木村です。",
        "先ほどご連絡いたしました件、高橋社長からご確認いただけましたでしょうか。",
        "先方との期限が本日16時となっております。",
        "お振込みのご予定時刻を、本メールにてお知らせいただけますと幸いです。",
        "",
        "また、ご入金後は振込受付書の写しをお送りください。",
        "社長は現在交渉中のため、ご連絡は当職宛にお願いいたします。",
    )
    return mk(
        r,
        s,
        [recipient(r, CFO)],
        "Re: 【機密】株式取得案件に関するお手続きのお願い",
        body + corp_sig(r, CHUO, s, dept="弁護士"),
        when(r, 12, 15),
    )


# --------------------------------------------------------------------------------------------
# 5. phone-callback: a large charge or refund, and only a telephone number


def cb_sender(r: random.Random, names: tuple[str, ...]) -> Sender:
    system = r.choice(("gmail", "outlookcom", "gmail"))
    local = r.choice(("support.center", "billing.desk", "order.info", "customer.care", "kessai.center"))
    domain = r.choice(FREE_DOMAINS[system])
    return Sender(r.choice(names), f"{local}{r.randint(100, 9999)}@{domain}", system)


def cb_renewal(r: random.Random, i: int) -> Mail:
    s = cb_sender(r, ("法人サポートセンター", "ライセンス管理センター", "お客様サポート窓口"))
    n = r.choice((10, 25, 50))
    amount = r.randrange(298_000, 698_000, 1_000)
    tel = phone(r, r.choice(("0120", "050")))
    body = J(
        "株式会社みなと精機 ご担当者様",
        "",
        "平素より弊社サービスをご利用いただき、誠にありがとうございます。",
        f"ご契約中の「法人向けセキュリティ プレミアム（{n}台）」は、本日付で自動更新されました。",
        "",
        f"ご契約番号：{r.choice('ABCDEFGHJK')}{digits(r, 9)}",
        "更新期間：1年間",
        f"ご請求金額：{yen(amount)}（税込）",
        "お支払方法：ご登録の法人カード／口座振替",
        "",
        "ご更新を希望されない場合、または本請求にお心当たりのない場合は、",
        "48時間以内に下記窓口までお電話ください。期間を過ぎますと返金はいたしかねます。",
        "",
        f"更新停止・返金受付窓口：{tel}",
        "受付時間：平日9:00-18:00",
        "",
        "※本メールは送信専用アドレスから送信しています。ご返信いただいてもお答えできません。",
    )
    subject = f"【自動更新のお知らせ】年間ライセンスのご請求（{yen(amount)}）"
    target = r.choice((NAKAMURA, KATO, KOBAYASHI))
    return mk(r, s, [recipient(r, target)], subject, body, when(r), html=False)


def cb_order(r: random.Random, i: int) -> Mail:
    s = cb_sender(r, ("ご注文確認センター", "法人購買サービス", "注文受付"))
    d = when(r)
    items = r.sample(
        [
            ("業務用ノートPC 15.6型", 189_800),
            ("A3カラー複合機", 698_000),
            ("27型モニター", 42_800),
            ("ドッキングステーション", 28_600),
            ("タブレット 11型 256GB", 118_000),
            ("無停電電源装置", 86_900),
        ],
        3,
    )
    rows, total = [], 0
    for name, price in items:
        q = r.randint(2, 8)
        total += price * q
        rows.append(f"・{name}　数量 {q}　{yen(price * q)}")
    tel = phone(r, r.choice(("050", "03")))
    body = J(
        "株式会社みなと精機 様",
        "",
        "このたびはご注文いただき、誠にありがとうございます。",
        "以下の内容でご注文を承りました。",
        "",
        f"注文番号：{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}",
        *rows,
        f"合計金額（税込）：{yen(total)}",
        "お支払方法：請求書払い（翌月末）",
        f"お届け予定：{jday(business_after(d, 2))}",
        "",
        "このご注文にお心当たりがない場合は、発送手続き前に",
        f"キャンセル受付センター（{tel}）までお電話ください。",
        "発送後のキャンセルはお受けできませんので、ご了承ください。",
    )
    target = r.choice((NAKAMURA, KOBAYASHI, YOSHIDA))
    return mk(r, s, [recipient(r, target)], "ご注文内容の確認（発送準備中）", body, d, html=r.random() < 0.5)


def cb_refund(r: random.Random, i: int) -> Mail:
    s = cb_sender(r, ("料金センター", "お客様返金窓口", "請求管理部"))
    tel = phone(r, "03")
    month = r.randint(1, 5)
    body = J(
        "株式会社みなと精機",
        "経理ご担当者様",
        "",
        "いつもご利用いただき、ありがとうございます。",
        f"お客様のご契約におきまして、{month}月分のご利用料金が二重に引き落とされていることが判明いたしました。",
        "ご迷惑をおかけし、深くお詫び申し上げます。",
        "",
        "ご返金の手続きにあたり、担当者よりご本人様確認をさせていただく必要がございます。",
        f"お手数ですが、{tel}までお電話いただき、受付番号をお伝えください。",
        "",
        f"受付番号：R{digits(r, 8)}",
        f"返金予定額：{yen(r.randrange(48_000, 260_000, 100))}",
        "",
        "7日以内にご連絡がない場合、返金手続きは取消となります。",
    )
    return mk(
        r,
        s,
        [recipient(r, r.choice((KOBAYASHI, CFO)))],
        "【重要】二重引き落としに関するご返金のご案内",
        body,
        when(r),
        html=False,
    )


def cb_maint(r: random.Random, i: int) -> Mail:
    s = spoof_sender(r, FUJI, i, person="清水 亮", local=r.choice(("support", "billing", "keiyaku")))
    tel = phone(r, "03")
    amount = r.randrange(980_000, 1_980_000, 10_000)
    body = J(
        "株式会社みなと精機",
        "情報システム部 ご担当者様",
        "",
        "いつも大変お世話になっております。富士システムズ サポート窓口でございます。",
        "ご契約中のサーバー保守サポート契約（プレミアム）につきまして、",
        "契約条項に基づき自動更新の手続きを行いましたので、ご案内いたします。",
        "",
        "更新後契約期間：1年間",
        f"ご請求金額：{yen(amount)}（税込）",
        "お支払期日：翌月末日",
        "",
        "契約内容の変更・解約につきましては、お電話でのみ承っております。",
        f"契約管理デスク：{tel}（平日10:00-17:00）",
        "",
        "引き続きよろしくお願い申し上げます。",
    )
    return mk(
        r,
        s,
        [recipient(r, KATO)],
        "保守サポート契約 自動更新のご案内とご請求について",
        body + corp_sig(r, FUJI, s),
        when(r),
    )


# --------------------------------------------------------------------------------------------
# 6. vendor-bank: bank-account change and open-payables requests from supplier lookalikes

VB_CORRS = (DAIWA, CHIYODA, HOKUTO, FUJI)


def vb_change(r: random.Random, i: int) -> Mail:
    c = VB_CORRS[i % len(VB_CORRS)]
    s = spoof_sender(r, c, i)
    reason = r.choice(
        (
            "社内の資金管理体制の見直し",
            "決済業務の一元化",
            "本年度の会計監査における指摘",
            "グループ会社との経理統合",
        )
    )
    d = when(r)
    month = d.month % 12 + 1
    body = J(
        "株式会社みなと精機",
        "経理部 ご担当者様",
        "",
        "いつも格別のお引き立てを賜り、厚く御礼申し上げます。",
        f"{c.name}の{last_of(c.contact.name)}でございます。",
        "",
        f"さて、このたび弊社では{reason}に伴い、お取引銀行を変更することとなりました。",
        f"誠に勝手ながら、{month}月お支払い分より、下記口座へのお振込みをお願い申し上げます。",
        "",
        "【新しいお振込先】",
        bank_block(r, KANA_CORP[c.domain]),
        "",
        f"旧口座は{d.month}月末をもって閉鎖予定のため、旧口座へのお振込みは組戻しとなる場合がございます。",
        "お手数をおかけいたしますが、経理ご担当者様へのご周知をお願いいたします。",
        "正式な書面は後日郵送いたします。",
    )
    subject = r.choice(
        ("【重要】お振込先口座変更のお願い", "お振込口座変更のご案内", "【ご依頼】振込先変更について")
    )
    to = r.choice((KOBAYASHI, CFO))
    return mk(r, s, [recipient(r, to)], subject, body + corp_sig(r, c, s), d)


def vb_payables(r: random.Random, i: int) -> Mail:
    c = VB_CORRS[(i + 1) % len(VB_CORRS)]
    s = spoof_sender(r, c, i + 1, local=r.choice(("keiri", "accounting", c.contact.address.split("@")[0])))
    body = J(
        "株式会社みなと精機",
        f"経理部 {last_of(KOBAYASHI.name)}様",
        "",
        "いつもお世話になっております。",
        f"{c.name} 経理課の{r.choice(('大西', '堀', '安藤'))}でございます。",
        "",
        "期末の残高照合を行っておりまして、",
        "貴社にてご計上いただいている弊社宛の買掛金（未払金）の明細を",
        "請求書番号・金額・お支払予定日がわかる形でお送りいただけますでしょうか。",
        "Excelなどの形式で差し支えございません。",
        "",
        "あわせて、現在お支払いいただいている振込先の口座情報もご教示いただけますと幸いです。",
        "監査の日程の都合上、今週中にご返信いただけますと大変助かります。",
    )
    return mk(
        r,
        s,
        [recipient(r, KOBAYASHI)],
        r.choice(("未払金残高明細のご送付のお願い", "【ご依頼】買掛金残高のご確認")),
        body + corp_sig(r, c, s, dept="経理課"),
        when(r),
    )


def vb_chase(r: random.Random, i: int) -> Mail:
    c = VB_CORRS[(i + 2) % len(VB_CORRS)]
    s = spoof_sender(r, c, i + 2)
    body = J(
        f"{last_of(KOBAYASHI.name)}様",
        "",
        "お世話になっております。",
        f"{c.name}の{last_of(c.contact.name)}です。",
        "",
        "先日お送りいたしました振込口座変更の件、ご確認いただけましたでしょうか。",
        "今月末のお支払い分から新しい口座へお振込みいただきたく、",
        "本日中に変更の可否をご返信いただけますと幸いです。",
        "",
        "担当者が外出しておりますので、お電話ではなくメールにてご連絡をお願いいたします。",
    )
    return mk(
        r,
        s,
        [recipient(r, KOBAYASHI)],
        "Re: 【重要】お振込先口座変更のお願い",
        body + corp_sig(r, c, s),
        when(r),
    )


# --------------------------------------------------------------------------------------------
# 7. thread-hijack: a reply into an earlier (real-looking) thread with a new account


def _quote_outlook(frm: Person, to: Person, d: datetime, subject: str, text: str) -> str:
    return J(
        "",
        "-----Original Message-----",
        f"差出人: {frm.name} <{frm.address}>",
        f"送信日時: {d.year}年{d.month}月{d.day}日 {d.hour}:{d.minute:02d}",
        f"宛先: {to.name} <{to.address}>",
        f"件名: {subject}",
        "",
        text,
    )


def _quote_gmail(frm: Person, d: datetime, text: str) -> str:
    stamp = f"{d.year}年{d.month}月{d.day}日({WEEKDAYS[d.weekday()]}) {d.hour}:{d.minute:02d}"
    head = f"{stamp} {frm.name} <{frm.address}>:"
    return J("", head, *[("> " + x) if x else ">" for x in text.split("\n")])


def _refs(r: random.Random, earlier: list[Person]) -> list[str]:
    return [f"<{hexs(r, 8, True)}{hexs(r, 8, True)}@{p.address.split('@')[1]}>" for p in earlier]


THREADS = (
    (
        DAIWA,
        KOBAYASHI,
        "【見積依頼】アルミ素材（A5052）納品分",
        "松本様\n\nいつもお世話になっております。\nみなと精機の小林です。\nお見積りありがとうございました。\n"
        "ご提示の内容で発注いたします。注文書は別途郵送いたします。\n\nよろしくお願いいたします。",
    ),
    (
        TOYO,
        YOSHIDA,
        "2月分お支払いの件",
        "井上様\n\nお世話になっております。みなと精機の吉田です。\n2月分のご入金、確認いたしました。\n"
        "いつもありがとうございます。\n引き続きよろしくお願いいたします。",
    ),
    (
        HOKUTO,
        NAKAMURA,
        "配送料の改定について",
        "林様\n\nお世話になっております。みなと精機 総務の中村です。\n配送料改定のご案内、拝見しました。\n"
        "4月以降の単価表をPDFでお送りいただけますでしょうか。",
    ),
    (
        CHIYODA,
        YOSHIDA,
        "会社案内パンフレット 校正の件",
        "森様\n\nお世話になっております。吉田です。\n二校の確認が終わりました。修正点は3ページ目の住所表記のみです。\n"
        "こちらで校了としていただいて問題ありません。",
    ),
)


def hijack(r: random.Random, i: int) -> Mail:
    c, colleague, subj, earlier = THREADS[i % len(THREADS)]
    s = spoof_sender(r, c, i)
    d = when(r)
    before = (d - timedelta(days=r.randint(1, 6))).replace(hour=r.randint(9, 18), minute=r.randint(0, 59))
    you = last_of(colleague.name)
    me = last_of(c.contact.name)
    if c is DAIWA:
        new = J(
            f"{you}様",
            "",
            f"お世話になっております。大和商事の{me}です。",
            f"ご発注ありがとうございました。納品は予定どおり{jday(business_after(d, 8))}となります。",
            "つきましては、今回のお取引分から弊社の入金口座が変更となっておりますので、",
            "請求書記載の口座ではなく、下記へお振込みいただけますでしょうか。",
            "",
            bank_block(r, KANA_CORP[c.domain]),
            "",
            "経理担当からも別途ご連絡いたしますが、先にご案内まで。",
        )
    elif c is TOYO:
        amt = r.randrange(380_000, 1_900_000, 1_000)
        new = J(
            f"{you}様",
            "",
            f"お世話になっております。東洋電機の{me}です。",
            "ご確認ありがとうございます。社内で照合したところ、2月分を二重にお振込みしておりました。",
            f"恐れ入りますが、差額の{yen(amt)}を下記口座へご返金いただけますでしょうか。",
            "",
            bank_block(r, kana_person(r)),
            "",
            "弊社経理の締めの都合で、今週中にお手続きいただけますと助かります。",
            "口座名義は担当者個人となっておりますが、社内規程によるものですのでご安心ください。",
        )
    elif c is HOKUTO:
        new = J(
            f"{you}様",
            "",
            f"お世話になっております。北斗運輸の{me}です。",
            "単価表は改めてお送りします。",
            "なお、4月より弊社の請求・入金管理をグループ会社へ移管いたしましたため、",
            "今後の運賃のお振込先が下記に変わります。",
            "",
            bank_block(r, "ホクトロジステイクスサービス（カ"),
            "",
            "旧口座へのお振込みは月末で受付終了となりますので、ご注意ください。",
        )
    else:
        amt = r.randrange(300_000, 900_000, 10_000)
        new = J(
            f"{you}様",
            "",
            f"お世話になっております。千代田印刷の{me}です。",
            "校了のご連絡ありがとうございます。",
            "今回は用紙代の高騰もあり、印刷に入る前に前金として半額を頂戴しております。",
            f"お手数ですが、{yen(amt)}を下記口座へお振込みいただけますでしょうか。",
            "",
            bank_block(r, KANA_CORP[c.domain]),
            "",
            "ご入金を確認後、すぐに印刷工程に入ります。",
        )
    gmail_quote = s.system in ("gws", "vps") or r.random() < 0.3
    if gmail_quote:
        quoted = _quote_gmail(colleague, before, earlier)
        subject = f"Re: {subj}"
    else:
        quoted = _quote_outlook(colleague, c.contact, before, subj, earlier)
        subject = f"RE: {subj}"
    refs = _refs(r, [c.contact, colleague])
    body = new + corp_sig(r, c, s) + "\n" + quoted
    return mk(
        r,
        s,
        [recipient(r, colleague)],
        subject,
        body,
        d,
        in_reply_to=refs[-1],
        references=refs,
        cc=[(CFO.name, CFO.address)] if r.random() < 0.25 else [],
    )


# --------------------------------------------------------------------------------------------
# 8. giftcard


def gc_apple(r: random.Random, i: int) -> Mail:
    boss = r.choice((CEO, SENMU))
    target = r.choice((NAKAMURA, YOSHIDA, KOBAYASHI, YAMAMOTO))
    s = exec_sender(r, boss)
    value, count = r.choice((10_000, 30_000, 50_000)), r.randint(5, 12)
    brand = r.choice(("Apple Gift Card", "Apple Gift Card", "App Store & iTunes ギフトカード"))
    body = J(
        f"{last_of(target.name)}さん",
        "",
        "お疲れ様です。",
        f"取引先の担当者へのお礼として、{brand}を用意したいです。",
        f"{yen(value)}分を{count}枚、近くのコンビニか家電量販店で購入してもらえますか。",
        "立替分は後で私から精算します。",
        "",
        "購入したら、裏面のシールを削ってコードが読めるように写真を撮り、",
        "このメールに送ってください。",
        "今日は外出が続くので、よろしくお願いします。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        r.choice(("お願い", "買い物をお願いできますか", "至急お願い")),
        body + "\n" + exec_signoff(r, boss, s.system),
        when(r),
    )


def gc_award(r: random.Random, i: int) -> Mail:
    s = exec_sender(r, SENMU, ("gmail", "yahoojp", "icloud", "au"))
    target = r.choice((NAKAMURA, YAMAMOTO))
    count = r.randint(8, 20)
    body = J(
        f"{last_of(target.name)}さん",
        "",
        "渡辺です。",
        "来週の社内表彰で、永年勤続の方に記念品としてAmazonギフトカードを渡したいと考えています。",
        f"1万円分を{count}枚、カードタイプで購入してもらえますか。",
        "表彰式まではサプライズにしたいので、総務の中でも内密にお願いします。",
        "",
        "番号を先に登録しておきたいので、購入後、カードの番号を全部このメールで送ってください。",
        "費用は経費で処理しますので、領収書は保管しておいてください。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        r.choice(("社内表彰の記念品の件", "記念品の購入のお願い")),
        body + "\n" + exec_signoff(r, SENMU, s.system),
        when(r),
    )


def gc_free(r: random.Random, i: int) -> Mail:
    boss = r.choice((CFO, CEO))
    target = KOBAYASHI if boss is CFO else r.choice((KOBAYASHI, NAKAMURA))
    s = exec_sender(r, boss, ("gmail", "outlookcom", "docomo", "softbank"))
    body = J(
        f"{last_of(target.name)}さん",
        "",
        "今、手は空いていますか。",
        "顧客向けキャンペーンの景品として、Google Play ギフトカードが急ぎで必要になりました。",
        f"5,000円のものを{r.randint(10, 20)}枚、会社の近くで購入してきてもらえますか。",
        "",
        "私は会議が続くので電話に出られません。",
        "買えたら、カードの番号が見える写真をこのメールに返信してください。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        r.choice(("急ぎ", "手が空いていたら", "お願いがあります")),
        body + "\n" + exec_signoff(r, boss, s.system),
        when(r),
    )


def gc_chase(r: random.Random, i: int) -> Mail:
    boss = r.choice((CEO, SENMU))
    target = r.choice((NAKAMURA, YOSHIDA, KOBAYASHI))
    s = exec_sender(r, boss, ("gmail", "icloud", "yahoojp"))
    body = J(
        f"{last_of(target.name)}さん",
        "",
        "ありがとうございます。",
        "ただ、写真が何枚かぼやけていて番号が読み取れませんでした。",
        "お手数ですが、番号を文字で打ってこのメールに送ってもらえますか。",
        f"それと、先方の人数が増えたので、同じものをあと{r.randint(3, 6)}枚お願いします。",
        "精算は明日まとめてします。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        r.choice(("Re: お願い", "Re: 買い物をお願いできますか")),
        body + "\n" + exec_signoff(r, boss, s.system),
        when(r),
    )


# --------------------------------------------------------------------------------------------
# 9. salary-redirect: an employee on free mail asks for the salary to go to a new account


def _employee(r: random.Random) -> tuple[Person, Person]:
    emp = r.choice((KOBAYASHI, NAKAMURA, KATO, YOSHIDA, YOSHIDA, KATO, SENMU))
    hr = YAMAMOTO
    return emp, hr


def _emp_sender(r: random.Random, emp: Person) -> Sender:
    system = r.choice(("gmail", "yahoojp", "icloud", "outlookcom", "docomo", "au"))
    return Sender(r.choice((emp.name, emp.name.replace(" ", ""))), free_address(r, emp, system), system)


def _net_bank(r: random.Random, emp: Person) -> str:
    fam, giv = roman(emp)
    holder = {
        "kobayashi": "コバヤシ",
        "nakamura": "ナカムラ",
        "kato": "カトウ",
        "yoshida": "ヨシダ",
        "watanabe": "ワタナベ",
    }[fam]
    given = {"naoki": "ナオキ", "sho": "シヨウ", "daisuke": "ダイスケ", "aya": "アヤ", "makoto": "マコト"}[
        giv
    ]
    bank, branches = r.choice([b for b in BANKS if "ネット" in b[0]] + [BANKS[0]])
    return J(
        f"銀行名：{bank}",
        f"支店：{r.choice(branches)}",
        "種別：普通",
        f"口座番号：{r.randint(1000000, 9999999)}",
        f"名義：{holder} {given}",
    )


def sal_change(r: random.Random, i: int) -> Mail:
    emp, hr = _employee(r)
    s = _emp_sender(r, emp)
    body = J(
        f"人事部 {last_of(hr.name)}さん",
        "",
        f"お疲れ様です。{emp.title}の{last_of(emp.name)}です。",
        "個人のメールから失礼します。",
        "給与の振込口座を変更したく、ご連絡しました。",
        f"今月の{r.choice(('25', '20'))}日支給分から、下記の口座へ変更をお願いできますでしょうか。",
        "",
        _net_bank(r, emp),
        "",
        "手続きに必要な書類があれば教えてください。",
        "よろしくお願いします。",
    )
    return mk(
        r,
        s,
        [recipient(r, hr)],
        r.choice(("給与振込口座の変更について", "給与口座変更のお願い", "振込口座の件")),
        body + "\n" + exec_signoff(r, emp, s.system),
        when(r),
    )


def sal_lost(r: random.Random, i: int) -> Mail:
    emp, hr = _employee(r)
    s = _emp_sender(r, emp)
    reason = r.choice(
        (
            "キャッシュカードを紛失してしまい、以前の口座が使えなくなりました",
            "以前の口座が不正利用の疑いで一時的に止められてしまいました",
            "引っ越しに伴いメインバンクを変更しました",
        )
    )
    body = J(
        f"{last_of(hr.name)}さん",
        "",
        f"お疲れ様です、{last_of(emp.name)}です。",
        f"{reason}。",
        "締め日を過ぎていたら申し訳ないのですが、今月の給与から新しい口座でお願いできないでしょうか。",
        "",
        _net_bank(r, emp),
        "",
        "スマホから送っていますので、返信はこちらのアドレスにお願いします。",
    )
    return mk(
        r,
        s,
        [recipient(r, hr)],
        r.choice(("給与の振込先について（至急）", "口座変更のお願い")),
        body + "\n" + exec_signoff(r, emp, s.system),
        when(r),
    )


def sal_howto(r: random.Random, i: int) -> Mail:
    emp, hr = _employee(r)
    s = _emp_sender(r, emp)
    target = r.choice((hr, KOBAYASHI)) if emp is not KOBAYASHI else hr
    body = J(
        f"{last_of(target.name)}さん",
        "",
        f"お疲れ様です。{last_of(emp.name)}です。",
        "給与の振込先を変更する場合、どのような手続きが必要でしょうか。",
        "今週は出張中で、社内システムにログインできない状態です。",
        "このメールで対応していただけると大変助かります。",
        "変更先はネット銀行の口座になります。必要な情報があればお送りします。",
    )
    return mk(
        r,
        s,
        [recipient(r, target)],
        "給与振込先の変更手続きについて",
        body + "\n" + exec_signoff(r, emp, s.system),
        when(r),
    )


# --------------------------------------------------------------------------------------------
# 10. overdue-invoice: lookalike suppliers, overdue, new account, some with a PDF

INV_CORRS = (DAIWA, CHIYODA, HOKUTO, FUJI)
INV_ITEMS = {
    DAIWA.domain: ("アルミ丸棒 A5056 φ40", "ステンレス板 SUS304 t3"),
    CHIYODA.domain: ("会社案内パンフレット A4 12P", "製品カタログ 増刷"),
    HOKUTO.domain: ("チャーター便 運賃", "定期便 運賃"),
    FUJI.domain: ("クラウドサーバー利用料", "運用保守サービス"),
}


def _invoice_pdf(r: random.Random, c: Correspondent, no: str, d: datetime, amount: int, bank: str) -> bytes:
    lines: list[tuple[float, float, float, str]] = [
        (240, 780, 20, "請 求 書"),
        (60, 730, 11, "株式会社みなと精機 御中"),
        (380, 730, 9, f"請求番号：{no}"),
        (380, 716, 9, f"発行日：{d.year}年{d.month}月{d.day}日"),
        (380, 690, 10, c.name),
        (380, 676, 8, ADDRESSES[c.domain]),
        (60, 650, 11, f"ご請求金額　{yen(amount)}（税込）"),
        (60, 620, 9, f"品目：{INV_ITEMS[c.domain][0]}"),
        (60, 560, 10, "【お振込先】（口座が変更となっております）"),
    ]
    y = 544.0
    for line in bank.split("\n"):
        lines.append((70, y, 9, line))
        y -= 14
    lines.append((60, y - 20, 8, "恐れ入りますが、振込手数料は貴社にてご負担ください。"))
    return make_pdf(lines, d, r.choice(("Microsoft Excel for Microsoft 365", "Microsoft Word 2019")))


def _inv_head(r: random.Random, c: Correspondent, i: int) -> tuple[Sender, datetime, str, int, str]:
    s = spoof_sender(
        r, c, i + 3, local=r.choice(("keiri", "seikyu", "billing", c.contact.address.split("@")[0]))
    )
    d = when(r)
    no = f"{r.choice(('INV-', 'SK-', 'No.'))}{d.year}{d.month - 1 or 12:02d}-{digits(r, 4)}"
    amount = r.randrange(420_000, 4_800_000, 100)
    return s, d, no, amount, bank_block(r, KANA_CORP[c.domain])


def inv_overdue(r: random.Random, i: int) -> Mail:
    c = INV_CORRS[i % len(INV_CORRS)]
    s, d, no, amount, bank = _inv_head(r, c, i)
    body = J(
        "株式会社みなと精機",
        "経理部 ご担当者様",
        "",
        "いつもお世話になっております。",
        f"{c.name} 経理担当でございます。",
        "",
        "先月ご請求いたしました下記の件につきまして、お支払い期日を過ぎておりますが、",
        "現時点でご入金の確認が取れておりません。",
        "行き違いでしたら申し訳ございません。",
        "",
        f"請求番号：{no}",
        f"ご請求金額：{yen(amount)}（税込）",
        "",
        "なお、弊社の入金口座は先月より下記に変更となっております。",
        "旧口座へお振込みいただいた場合は、お手数ですがその旨ご連絡ください。",
        "",
        bank,
        "",
        "請求書を再送いたしますので、ご確認のほどよろしくお願いいたします。",
    )
    atts: list[tuple[str, str, bytes]] = []
    if i % 3 != 2:
        fname = r.choice((f"請求書_{no}.pdf", f"Invoice_{no}.pdf", f"seikyusho_{d.year}{d.month:02d}.pdf"))
        atts.append((fname, "application/pdf", _invoice_pdf(r, c, no, d, amount, bank)))
    subject = r.choice(
        (
            f"【再送】ご請求書（{no}）のお支払いについて",
            "お支払い期日経過のご連絡",
            f"【ご確認】{no} ご入金状況について",
        )
    )
    return mk(
        r,
        s,
        [recipient(r, r.choice((KOBAYASHI, CFO)))],
        subject,
        body + corp_sig(r, c, s, dept="経理部"),
        d,
        attachments=atts,
    )


def inv_second(r: random.Random, i: int) -> Mail:
    c = INV_CORRS[(i + 1) % len(INV_CORRS)]
    s, d, no, amount, bank = _inv_head(r, c, i)
    body = J(
        "株式会社みなと精機 御中",
        "",
        f"{c.name}でございます。",
        "再三のご案内にもかかわらず、下記ご請求分のご入金が確認できておりません。",
        "",
        f"請求番号：{no}",
        f"未入金額：{yen(amount)}",
        "",
        f"{jday(business_after(d, 2))}までにご入金いただけない場合、誠に遺憾ではございますが、",
        "今後の出荷・サービスのご提供を一時停止させていただく場合がございます。",
        "",
        "お振込先（変更後）",
        bank,
        "",
        "すでにお手続き済みの場合は、振込明細の写しを本メールへご返信ください。",
    )
    return mk(
        r,
        s,
        [recipient(r, KOBAYASHI)],
        f"【第2回】お支払いのお願い（{no}）",
        body + corp_sig(r, c, s, dept="債権管理"),
        d,
    )


def inv_stop(r: random.Random, i: int) -> Mail:
    s, d, no, amount, bank = _inv_head(r, FUJI, i)
    body = J(
        "株式会社みなと精機",
        "情報システム部 ご担当者様",
        "",
        "富士システムズ 請求管理担当でございます。",
        "クラウドサーバー利用料のお支払いが確認できていないため、ご連絡いたしました。",
        "",
        f"対象請求：{no}",
        f"金額：{yen(amount)}",
        "",
        f"{jday(business_after(d, 3))}の17時までにご入金が確認できない場合、",
        "ご契約のサーバーを停止させていただきます。停止後の再開には別途費用が発生いたします。",
        "",
        "お振込みは下記口座へお願いいたします（請求書記載の旧口座は閉鎖済みです）。",
        bank,
    )
    atts = [(f"{no}.pdf", "application/pdf", _invoice_pdf(r, FUJI, no, d, amount, bank))] if i % 2 else []
    return mk(
        r,
        s,
        [recipient(r, KATO)],
        "【重要】ご利用料金未払いによるサービス停止のご予告",
        body + corp_sig(r, FUJI, s),
        d,
        cc=[(KOBAYASHI.name, KOBAYASHI.address)],
        attachments=atts,
    )


# --------------------------------------------------------------------------------------------
# 11. overseas-sub: English with Japanese courtesy from "overseas" offices

SUBS = (
    ("Minato Seiki (Thailand) Co., Ltd.", "minatoseiki-th.com", "Somchai Rattanakul", "Bangkok"),
    ("Minato Seiki Vietnam Co., Ltd.", "minato-seiki-vn.com", "Nguyen Thi Lan", "Hai Phong"),
    ("Minato Precision (Singapore) Pte. Ltd.", "minato-precision-sg.com", "Kevin Tan", "Singapore"),
)
FOREIGN_BANKS = (
    "Harbourline Commercial Bank",
    "Straits Union Bank",
    "Pacific Meridian Bank",
    "Asia Crown Bank",
)


def intl_bank(r: random.Random, holder: str) -> str:
    return J(
        f"Beneficiary: {holder}",
        f"Bank: {r.choice(FOREIGN_BANKS)}, {r.choice(('Main Branch', 'Central Branch', 'Business Centre'))}",
        f"Account No.: {digits(r, 3)}-{digits(r, 6)}-{digits(r, 3)}",
        f"SWIFT: {token(r, 4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}{r.choice(('SG', 'TH', 'HK', 'VN'))}"
        f"{token(r, 2, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}",
    )


def en_sub_fee(r: random.Random, i: int) -> Mail:
    sub, dom, person, city = SUBS[i % len(SUBS)]
    s = Sender(person, f"{roman_mail(person)}@{dom}", r.choice(("m365", "gws", "pemail")))
    amount = r.randrange(8_000_000, 30_000_000, 100_000)
    body = J(
        "Dear Ito-san,",
        "",
        "いつもお世話になっております。",
        f"This is {person.split()[0]}, Finance Manager at {sub.rstrip('.')}.",
        "",
        "Our account at our usual bank has been temporarily restricted during the annual review",
        "by the local Revenue Department, so we cannot receive the intercompany fee on that account.",
        f"Could you kindly arrange this quarter's remittance of JPY {amount:,} to our alternative account?",
        f"Our auditors in {city} need to see the funds by {business_after(when(r), 1).strftime('%d %B')}.",
        "",
        intl_bank(r, sub),
        "",
        "Please keep this within the finance team for now; Takahashi-san has been informed.",
        "",
        "よろしくお願いいたします。",
        "Best regards,",
        person,
        sub,
    )
    return mk(
        r,
        s,
        [recipient(r, CFO)],
        r.choice(("Intercompany fee - new remittance account", "Urgent: remittance details")),
        body,
        when(r, 10, 17),
        cc=[(KOBAYASHI.name, KOBAYASHI.address)] if r.random() < 0.4 else [],
    )


def en_ceo(r: random.Random, i: int) -> Mail:
    s = exec_sender(r, CEO, ("gmail", "outlookcom", "icloud"))
    s.name = r.choice(("Kenichi Takahashi", CEO.name, "K. Takahashi"))
    adviser = r.choice(("Daniel Wong", "Priya Nair"))
    body = J(
        "Ito-san,",
        "",
        "お疲れ様です。",
        "I am in Singapore for the confidential negotiation I mentioned at the last board meeting.",
        "We need to pay a refundable deposit into the seller's escrow account today, Singapore time.",
        f"{'Mr.' if adviser.startswith('Daniel') else 'Ms.'} {adviser} of our advisers will send you",
        "the wire details shortly.",
        "Please handle it discreetly and confirm to me once it is done.",
        "I am in meetings all day, so email only please.",
        "",
        "Thank you for your support.",
        "高橋",
    )
    return mk(
        r,
        s,
        [recipient(r, CFO)],
        r.choice(("Confidential - today", "Singapore deal", "Urgent / 極秘")),
        body,
        when(r, 9, 14),
        reply_to=free_reply_to(r, CEO, s),
    )


def en_adviser(r: random.Random, i: int) -> Mail:
    person = r.choice(("Daniel Wong", "Priya Nair"))
    dom = r.choice(("crestbridge-partners.com", "lionsgate-advisory.sg", "harbour-capital-adv.com"))
    s = Sender(person, f"{roman_mail(person)}@{dom}", r.choice(("m365", "gws")))
    amount = r.randrange(300_000, 900_000, 10_000)
    body = J(
        "Dear Ms. Ito,",
        "",
        "はじめまして。",
        "I am writing at the request of Mr. Takahashi regarding Project "
        f"{r.choice(('Sakura', 'Falcon', 'Kestrel'))}.",
        f"As agreed with the seller, a refundable deposit of USD {amount:,} is due today.",
        "Please arrange the transfer to the escrow account below and send us the remittance advice.",
        "",
        intl_bank(r, "Escrow Services Client Account"),
        "",
        "This matter is strictly confidential and subject to a non-disclosure agreement.",
        "Please do not discuss it with anyone other than Mr. Takahashi.",
        "",
        "Kind regards,",
        person,
        "Managing Director",
    )
    return mk(
        r,
        s,
        [recipient(r, CFO)],
        "Project deposit - wire instructions",
        body,
        when(r, 10, 16),
        cc=[(CEO.name, f"k.takahashi@{LOOKALIKES[ORG_DOMAIN][i % 4]}")],
    )


def en_customs(r: random.Random, i: int) -> Mail:
    sub, dom, person, city = SUBS[(i + 1) % len(SUBS)]
    s = Sender(person, f"{roman_mail(person)}@{dom}", r.choice(("m365", "pemail", "vps")))
    amount = r.randrange(18_000, 64_000, 500)
    body = J(
        "Dear Kobayashi-san,",
        "",
        "お世話になっております。",
        f"Our shipment of spindle units from Yokohama is held at {city} customs.",
        f"To release it we must pay the import VAT and storage charges (USD {amount:,}) today,",
        "but our local account cannot send payments until the new signatory is registered.",
        "Could head office kindly pay the forwarder directly? Their account is below.",
        "",
        intl_bank(r, f"{r.choice(('Golden Dragon', 'Blue Ocean', 'Eastline'))} Logistics Co., Ltd."),
        "",
        "We will settle it with head office in the next intercompany invoice.",
        "申し訳ございませんが、よろしくお願いいたします。",
        "",
        person,
        sub,
    )
    return mk(r, s, [recipient(r, KOBAYASHI)], "Urgent: customs clearance payment", body, when(r, 10, 17))


# --------------------------------------------------------------------------------------------
# 12. novel-pretext: auditor balance confirmation, tax office / pension office refund call-back,
#     vendor onboarding form, recruiter reconnaissance, QR code in a PDF


def nv_audit(r: random.Random, i: int) -> Mail:
    c = (DAIWA, CHIYODA, HOKUTO)[i % 3]
    s = Sender(
        r.choice(("監査法人あさひ坂 確認手続担当", "監査法人あさひ坂 石田")),
        "confirm@asahizaka-audit.jp",
        r.choice(("m365", "xserver")),
    )
    d = when(r)
    body = J(
        "株式会社みなと精機",
        "経理部長 伊藤 由美 様",
        "",
        "拝啓 時下ますますご清栄のこととお慶び申し上げます。",
        f"当監査法人は、貴社のお取引先である{c.name}の会計監査人を務めております。",
        "同社の期末監査の手続として、貴社に対する債権残高の確認をお願い申し上げます。",
        "",
        f"確認基準日：{d.year if d.month > 1 else d.year - 1}年{(d.month - 2) % 12 + 1}月末日",
        f"同社が計上している貴社宛の売掛金残高：{yen(r.randrange(800_000, 6_000_000, 1))}",
        "",
        "上記金額が貴社の帳簿と一致するかご確認のうえ、差異がある場合はその明細を本メールへご返信ください。",
        "なお、同社では本年より入金口座を下記に変更しております。",
        "貴社のお支払い先登録が下記と一致していることも、あわせてご確認いただけますでしょうか。",
        "",
        bank_block(r, KANA_CORP[c.domain]),
        "",
        "監査手続の独立性の観点から、本件は同社のご担当者様へはお問い合わせにならないようお願いいたします。",
        "敬具",
        "",
        "監査法人あさひ坂",
        "〒100-0005 東京都千代田区丸の内2-5-1",
    )
    return mk(r, s, [recipient(r, CFO)], f"残高確認のお願い（{c.name}）", body, d)


def nv_taxoffice(r: random.Random, i: int) -> Mail:
    tel = phone(r, "03")
    if i % 3 == 2:
        office = r.choice(("品川", "港", "大田"))
        s = Sender(
            f"日本年金機構 {office}年金事務所",
            "kanpu-info@e-nenkin-kikou.jp",
            r.choice(("xserver", "sakura")),
        )
        body = J(
            "株式会社みなと精機",
            "社会保険ご担当者様",
            "",
            f"日本年金機構 {office}年金事務所 厚生年金適用調査課でございます。",
            "貴社にお納めいただいた厚生年金保険料につきまして、算定の誤りによる過誤納金が確認されました。",
            f"還付予定額：{yen(r.randrange(120_000, 880_000, 1))}",
            "",
            "還付のお手続きには、事業主様またはご担当者様との電話での確認が必要です。",
            f"お手数ですが、{tel}（直通）まで折り返しご連絡ください。",
            "受付時間：平日8時30分から17時15分まで",
            "",
            "期限内にご連絡がない場合、還付は翌年度以降の処理となります。",
        )
        target = YAMAMOTO
        subject = "厚生年金保険料の還付について（ご連絡）"
    else:
        office = r.choice(("芝", "麹町", "京橋", "品川"))
        s = Sender(
            f"{office}税務署 法人課税部門",
            "houjin-kanpu@e-nta-kanpu.jp",
            r.choice(("xserver", "sakura", "vps")),
        )
        body = J(
            "株式会社みなと精機",
            "経理ご担当者様",
            "",
            f"{office}税務署 法人課税第{r.randint(1, 4)}部門の{r.choice(('井上', '斎藤', '松田'))}です。",
            "前事業年度の申告内容を確認したところ、中間納付額の還付金が発生しております。",
            f"還付金額：{yen(r.randrange(300_000, 2_400_000, 100))}",
            "",
            "還付金の振込先口座の確認が必要となりますので、",
            f"お手数ですが、{tel}（担当直通）まで折り返しお電話ください。",
            "受付時間は平日8時30分から17時までです。",
            "",
            "なお、本メールへの返信では口座情報等をお送りにならないでください。",
        )
        target = r.choice((KOBAYASHI, CFO))
        subject = "法人税の還付金について（お電話でのご確認のお願い）"
    return mk(
        r, s, [recipient(r, target)], subject, body, when(r), html=False, charset=r.choice(("jis", "sjis-b"))
    )


def nv_onboard(r: random.Random, i: int) -> Mail:
    s = spoof_sender(r, TOYO, i, person="井上 真一", local=r.choice(("kobai", "s.inoue")))
    form_host = r.choice(("toyo-denki-jp.com", "touyou-denki.co.jp"))
    link = f"https://forms.{form_host}/supplier/entry?c=MS{digits(r, 6)}"
    s.addr = s.addr.split("@")[0] + "@" + link.split("/")[2].removeprefix("forms.")
    d = when(r)
    body = J(
        "株式会社みなと精機",
        "営業部・経理部 ご担当者様",
        "",
        "平素は格別のご高配を賜り、厚く御礼申し上げます。",
        "東洋電機 購買部の井上でございます。",
        "",
        "弊社では、来期より新しい購買・支払システムへ移行いたします。",
        "つきましては、お取引先様の情報を改めてご登録いただきたく、下記フォームよりご入力をお願いいたします。",
        "",
        link,
        "",
        "【ご登録いただく項目】",
        "・会社情報、適格請求書発行事業者登録番号",
        "・お支払い先口座（通帳またはネットバンキング画面の写し）",
        "・経理ご担当者様の携帯電話番号",
        "・代表者印の印影（画像）",
        "",
        f"ご登録期限：{jday(business_after(d, 5))}",
        "期限までにご登録がない場合、翌月以降のお支払いが遅れる場合がございます。",
    )
    return mk(
        r,
        s,
        [recipient(r, YOSHIDA)],
        "【ご依頼】新購買システム移行に伴うお取引先様情報のご登録",
        body + corp_sig(r, TOYO, s),
        d,
        cc=[(KOBAYASHI.name, KOBAYASHI.address)],
    )


def nv_recruit(r: random.Random, i: int) -> Mail:
    person = r.choice(("吉村 拓也", "佐野 里奈"))
    s = Sender(
        f"{person}（エグゼクティブリンク）",
        f"{'t.yoshimura' if person.startswith('吉村') else 'r.sano'}@execlink-career.com",
        r.choice(("gws", "pemail")),
    )
    body = J(
        f"{KOBAYASHI.name}様",
        "",
        "突然のご連絡失礼いたします。",
        f"管理部門専門の人材紹介会社、エグゼクティブリンクの{last_of(person)}と申します。",
        "経理部長の伊藤様のもとで資金管理をご担当されている小林様のご経歴を拝見し、ご連絡いたしました。",
        "",
        "現在、上場準備中のメーカー様より、経理マネージャー候補のご相談を受けております。",
        "年収は現在のご水準より150万円程度の上乗せを想定しております。",
        "",
        "ご経験の確認のため、差し支えない範囲で以下をお知らせいただけますでしょうか。",
        "・現在の振込承認のご権限（承認者・承認限度額）",
        "・ご利用中のネットバンキングと会計システム",
        "・月次の支払サイクル（締め日・支払日）",
        "・上長の伊藤様が不在の際の承認の流れ",
        "",
        "ご本人様以外に知られることのないよう、本メールは個人情報として厳重に管理いたします。",
        "ご興味がございましたら、ご返信をお待ちしております。",
    )
    return mk(
        r,
        s,
        [(KOBAYASHI.name, KOBAYASHI.address)],
        "【非公開求人】経理マネージャー候補のご案内",
        body,
        when(r, 11, 20),
    )


def nv_qr(r: random.Random, i: int) -> Mail:
    s = spoof_sender(r, FUJI, i + 1, person="清水 亮", local="support")
    domain = s.addr.split("@")[1]
    url = f"https://{domain}/mfa/reg?t={token(r, 12)}"
    d = when(r)
    target = r.choice((KOBAYASHI, CFO))
    pdf = make_pdf(
        [
            (60, 780, 16, "会計システム（クラウド版）多要素認証 再設定のご案内"),
            (60, 740, 10, "株式会社みなと精機 様"),
            (60, 712, 10, "セキュリティ強化のため、多要素認証の再設定をお願いしております。"),
            (60, 696, 10, "右のQRコードをスマートフォンで読み取り、画面の案内に従って"),
            (60, 680, 10, "会社のメールアドレスとパスワードでログインしてください。"),
            (60, 650, 10, f"設定期限：{d.year}年{business_after(d, 3).month}月{business_after(d, 3).day}日"),
            (60, 620, 9, "期限を過ぎると、会計システムへのログインができなくなります。"),
            (60, 580, 9, "富士システムズ株式会社 サポートセンター"),
        ],
        d,
        "Microsoft Word for Microsoft 365",
        qr=url,
    )
    body = J(
        "株式会社みなと精機",
        f"{last_of(target.name)}様",
        "",
        "いつもお世話になっております。富士システムズ サポートの清水でございます。",
        "ご利用中の会計システム（クラウド版）につきまして、認証基盤の更新に伴い、",
        "多要素認証の再設定をお願いしております。",
        "",
        "添付のPDFに記載のQRコードをスマートフォンで読み取り、",
        f"{jday(business_after(d, 3))}までに再設定を完了してください。",
        "期限を過ぎますと、ログインができなくなりますのでご注意ください。",
    )
    fname = r.choice(("多要素認証再設定のご案内.pdf", "MFA_setup_guide.pdf"))
    return mk(
        r,
        s,
        [recipient(r, target)],
        "【重要】会計システム 多要素認証の再設定のお願い",
        body + corp_sig(r, FUJI, s),
        d,
        attachments=[(fname, "application/pdf", pdf)],
    )


# --------------------------------------------------------------------------------------------
# the set

Template = Callable[[random.Random, int], Mail]
TEMPLATES: dict[str, tuple[Template, ...]] = {
    "exec-reachout": (reach_desk, reach_phone, reach_chat, reach_newaddr),
    "exec-wire": (wire_today, wire_deposit, wire_second, wire_who),
    "hr-data": (data_tax, data_labour, data_newstaff, data_upload),
    "tob-deposit": (tob_lawyer, tob_adviser, tob_ceo, tob_chase),
    "phone-callback": (cb_renewal, cb_order, cb_refund, cb_maint),
    "vendor-bank": (vb_change, vb_payables, vb_chase),
    "thread-hijack": (hijack,),
    "giftcard": (gc_apple, gc_award, gc_free, gc_chase),
    "salary-redirect": (sal_change, sal_lost, sal_howto),
    "overdue-invoice": (inv_overdue, inv_second, inv_stop),
    "overseas-sub": (en_sub_fee, en_ceo, en_adviser, en_customs),
    "novel-pretext": (nv_audit, nv_taxoffice, nv_taxoffice, nv_onboard, nv_recruit, nv_qr),
}


def messages(split: str = "test", seed: int = 1) -> list[tuple[str, bytes]]:
    if split == "dev":
        return []
    out: list[tuple[str, bytes]] = []
    for family in FAMILIES:
        r = random.Random(f"ja_bec3/{seed}/{family}")
        templates = TEMPLATES[family]
        for n in range(PER_FAMILY):
            mail = templates[n % len(templates)](r, n)
            out.append((f"{family}-{n + 1:04d}", render(r, mail)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    msgs = messages("test", args.seed)
    for family in FAMILIES:
        print(f"{family:16} {sum(1 for n, _ in msgs if n.startswith(family + '-'))}")
    print(f"{'total':16} {len(msgs)}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in msgs:
            (args.out / f"{name}.eml").write_bytes(data)


if __name__ == "__main__":
    main()
