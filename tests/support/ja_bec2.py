"""Japanese BEC evaluation set no. 2: business-email-compromise and targeted fraud mail received by
the fictitious company of ``ja_org``.

Written blind by a second author, after the analyser's signals were frozen, from public
descriptions of 2025-2026 campaigns: polite keigo, short, mostly no links and no attachments, and
authentication that *passes* for the domain the mail really comes from (free mail, or a lookalike
domain the attacker registered and configured with SPF/DKIM, sometimes without DMARC).  It exists
to measure whether the analyser catches BEC it was never tuned on; it must not be used to tune it.

``messages()`` is deterministic per seed.  Everything is invented: people, companies, domains,
accounts and telephone numbers.  The domains are never resolved."""

from __future__ import annotations

import base64
import html
import quopri
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from .ja_org import CEO, CORRESPONDENTS, MX_HOST, ORG_DOMAIN, ORG_NAME, STAFF, VIPS, Correspondent, Person

FAMILIES: tuple[str, ...] = (
    "exec-contact",
    "exec-payment",
    "data-request",
    "deal-deposit",
    "callback",
    "supplier-redirect",
    "gift-card",
    "payroll-change",
    "fake-invoice",
    "english-mixed",
)
PER_FAMILY = 11

JST = timezone(timedelta(hours=9))
UTC = UTC
WEEKDAYS = "月火水木金土日"
CRLF = "\r\n"

# ---------------------------------------------------------------------------------------------
# people and places


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

EXEC_MD = VIPS[1]  # 専務
EXEC_FIN = VIPS[2]  # 経理部長


def _staff(dept: str) -> Person:
    return next(p for p in STAFF if p.title == dept)


ACCOUNTING = _staff("経理部")
HR = _staff("人事部")
GENERAL = _staff("総務部")
IT = _staff("情報システム部")
SALES = _staff("営業部")


def _corr(domain: str) -> Correspondent:
    return next(c for c in CORRESPONDENTS if c.domain == domain)


def _sei(p: Person) -> str:
    return p.name.split()[0]


def _romaji(p: Person) -> tuple[str, str]:
    if p.name in ROMAJI:
        return ROMAJI[p.name]
    local = p.address.split("@")[0].replace(".", " ").split()
    return (local[-1], local[0])


# Lookalikes of the domains the company really deals with, with the technique used.
LOOKALIKES: dict[str, tuple[tuple[str, str], ...]] = {
    ORG_DOMAIN: (
        ("minato-seikl.co.jp", "i->l confusable"),
        ("mlnato-seiki.co.jp", "i->l confusable"),
        ("rninato-seiki.co.jp", "m->rn confusable"),
        ("minato-seiki.com", "suffix .co.jp->.com"),
        ("minatoseiki.jp", "hyphen dropped, .co.jp->.jp"),
        ("minato-seiki-co.jp", "dot replaced by hyphen"),
        ("minato-seki.co.jp", "letter dropped"),
        ("minnato-seiki.co.jp", "letter doubled"),
        ("minato-seiki-hd.com", "word added"),
    ),
    "daiwa-shoji.co.jp": (
        ("daiwa-syoji.co.jp", "sho->syo romanisation"),
        ("daiwa-shouji.co.jp", "long vowel o->ou"),
        ("daiwa-shozi.co.jp", "ji->zi romanisation"),
        ("daiwa-shoji.jp", "suffix .co.jp->.jp"),
        ("daiwa-shojl.co.jp", "i->l confusable"),
        ("daiwashoji.com", "hyphen dropped, .com"),
        ("daiwa-shoji-group.com", "word added"),
    ),
    "chiyoda-insatsu.co.jp": (
        ("chiyoda-insatu.co.jp", "tsu->tu romanisation"),
        ("tiyoda-insatsu.co.jp", "chi->ti romanisation"),
        ("chiyoda-insatsu.jp", "suffix .co.jp->.jp"),
        ("chiyoda-lnsatsu.co.jp", "i->l confusable"),
        ("chiyoda-insatsu.net", "suffix .co.jp->.net"),
        ("chiyoda-insastu.co.jp", "letters transposed"),
    ),
    "hokuto-unyu.co.jp": (
        ("hokutou-unyu.co.jp", "long vowel o->ou"),
        ("hokuto-unyuu.co.jp", "long vowel u->uu"),
        ("hokuto-unyu.biz", "suffix .co.jp->.biz"),
        ("hokut0-unyu.co.jp", "o->0 confusable"),
        ("hokuto-unyu-logistics.jp", "word added"),
    ),
    "fuji-systems.co.jp": (
        ("huji-systems.co.jp", "fu->hu romanisation"),
        ("fuzi-systems.co.jp", "ji->zi romanisation"),
        ("fuji-systerns.co.jp", "m->rn confusable"),
        ("fuji-sytems.co.jp", "letter dropped"),
        ("fuji-systems.net", "suffix .co.jp->.net"),
    ),
    "toyo-denki.co.jp": (
        ("touyou-denki.co.jp", "long vowels o->ou"),
        ("tohyoh-denki.co.jp", "long vowels o->oh"),
        ("toyo-denki.com", "suffix .co.jp->.com"),
        ("t0yo-denki.co.jp", "o->0 confusable"),
    ),
    "sato-zeirishi.jp": (
        ("satou-zeirishi.jp", "long vowel o->ou"),
        ("satoh-zeirishi.jp", "long vowel o->oh"),
        ("sato-zeirisi.jp", "shi->si romanisation"),
        ("sato-zeirishi.com", "suffix .jp->.com"),
        ("sato-zeirishi-office.jp", "word added"),
        ("sato-zeir1shi.jp", "i->1 confusable"),
    ),
    "suzuki-sharoushi.jp": (
        ("suzuki-syaroushi.jp", "sha->sya romanisation"),
        ("suzuki-sharoshi.jp", "long vowel ou->o"),
        ("suzuki-sharoushi.com", "suffix .jp->.com"),
        ("suzuki-sharoushi-office.jp", "word added"),
        ("suzukl-sharoushi.jp", "i->l confusable"),
    ),
    "chuo-sogo-law.jp": (
        ("chuou-sougou-law.jp", "long vowels o->ou"),
        ("chuo-sogo-law.com", "suffix .jp->.com"),
        ("chuo-sogo-1aw.jp", "l->1 confusable"),
        ("tyuo-sogo-law.jp", "chu->tyu romanisation"),
        ("chuo-sogo-lawoffice.jp", "word added"),
    ),
}

# Signatures as the real correspondents write them; attackers copy them verbatim.
RULE = "━━━━━━━━━━━━━━━━━━━━"
CORR_INFO: dict[str, dict[str, str]] = {
    "daiwa-shoji.co.jp": {
        "short": "大和商事",
        "kana": "ダイワシヨウジ（カ",
        "addr": "〒541-0051 大阪府大阪市中央区備後町2-4-9 大和ビル5F",
        "tel": "06-6201-4418",
        "fax": "06-6201-4419",
        "acct": "岡田 美穂",
        "item": "精密部品（ベアリングユニット）",
    },
    "chiyoda-insatsu.co.jp": {
        "short": "千代田印刷",
        "kana": "チヨダインサツ（カ",
        "addr": "〒101-0054 東京都千代田区神田錦町3-12-6",
        "tel": "03-3291-7705",
        "fax": "03-3291-7706",
        "acct": "西田 由紀",
        "item": "製品カタログ・取扱説明書印刷",
    },
    "hokuto-unyu.co.jp": {
        "short": "北斗運輸",
        "kana": "ホクトウンユ（カ",
        "addr": "〒143-0006 東京都大田区平和島4-1-23",
        "tel": "03-3768-2290",
        "fax": "03-3768-2291",
        "acct": "原田 久美子",
        "item": "製品配送・チャーター便",
    },
    "fuji-systems.co.jp": {
        "short": "富士システムズ",
        "kana": "フジシステムズ（カ",
        "addr": "〒220-0012 神奈川県横浜市西区みなとみらい3-6-1",
        "tel": "045-228-6110",
        "fax": "045-228-6111",
        "acct": "坂本 和也",
        "item": "基幹システム年間保守",
    },
    "toyo-denki.co.jp": {
        "short": "東洋電機",
        "kana": "トウヨウデンキ（カ",
        "addr": "〒460-0003 愛知県名古屋市中区錦2-15-19",
        "tel": "052-231-8840",
        "fax": "052-231-8841",
        "acct": "石川 智子",
        "item": "制御盤部品",
    },
    "sato-zeirishi.jp": {
        "short": "佐藤税理士事務所",
        "kana": "サトウゼイリシジムシヨ",
        "addr": "〒144-0051 東京都大田区西蒲田7-37-10 蒲田ビル3F",
        "tel": "03-5714-3302",
        "fax": "03-5714-3303",
        "acct": "前田 里奈",
        "item": "",
    },
    "suzuki-sharoushi.jp": {
        "short": "鈴木社会保険労務士事務所",
        "kana": "スズキシヤロウシジムシヨ",
        "addr": "〒140-0013 東京都品川区南大井6-20-14",
        "tel": "03-6404-1175",
        "fax": "03-6404-1176",
        "acct": "藤井 恵",
        "item": "",
    },
    "chuo-sogo-law.jp": {
        "short": "中央総合法律事務所",
        "kana": "チユウオウソウゴウホウリツジムシヨ",
        "addr": "〒100-0005 東京都千代田区丸の内2-3-2 丸の内中央ビル12F",
        "tel": "03-6206-3850",
        "fax": "03-6206-3851",
        "acct": "",
        "item": "",
    },
}


def _signature(rng: random.Random, corr: Correspondent, person: Person, email_addr: str) -> str:
    info = CORR_INFO[corr.domain]
    if rng.random() < 0.5:
        lines = [
            RULE,
            corr.name,
            f"{person.title}　{person.name}",
            info["addr"],
            f"TEL：{info['tel']}　FAX：{info['fax']}",
            f"E-mail：{email_addr}",
            RULE,
        ]
    else:
        lines = [
            "--",
            corr.name,
            f"{person.title} {person.name}",
            info["addr"],
            f"TEL {info['tel']} / FAX {info['fax']}",
            f"Mail {email_addr}",
        ]
    return "\n".join(lines)


JP_BANKS = (
    ("楽天銀行", "第一営業支店", "251"),
    ("楽天銀行", "サンバ支店", "207"),
    ("PayPay銀行", "ビジネス営業部", "005"),
    ("PayPay銀行", "はやぶさ支店", "003"),
    ("住信SBIネット銀行", "法人第一支店", "106"),
    ("GMOあおぞらネット銀行", "法人営業部", "101"),
    ("auじぶん銀行", "本店", "101"),
    ("三井住友銀行", "新宿西口支店", "225"),
    ("みずほ銀行", "渋谷中央支店", "210"),
    ("三菱UFJ銀行", "上野広小路支店", "418"),
    ("りそな銀行", "池袋支店", "354"),
    ("ゆうちょ銀行", "〇一八店", "018"),
)
MULE_HOLDERS = (
    "カ）エムアンドエーパートナーズ",
    "ド）グローバルアセツトマネジメント",
    "カ）ケイエスホールディングス",
    "ド）ティーエヌコンサルティング",
    "カ）アークトレーディング",
    "タナカ マサヒロ",
    "ヤマグチ ユウタ",
    "イシイ カズキ",
)


def _bank(rng: random.Random, holder: str, style: int | None = None) -> str:
    bank, branch, code = rng.choice(JP_BANKS)
    acct = f"{rng.randrange(1000000, 9999999)}"
    style = rng.randrange(3) if style is None else style
    if style == 0:
        return "\n".join(
            [
                f"銀行名：{bank}",
                f"支店名：{branch}（{code}）",
                "口座種別：普通",
                f"口座番号：{acct}",
                f"口座名義：{holder}",
            ]
        )
    if style == 1:
        return "\n".join(
            [
                f"　金融機関　　{bank}",
                f"　支店　　　　{branch}（店番{code}）",
                f"　普通預金　　{acct}",
                f"　名義　　　　{holder}",
            ]
        )
    return f"{bank} {branch}（{code}） 普通 {acct}\n口座名義：{holder}"


def _yen(rng: random.Random, lo: int, hi: int, step: int = 1000) -> str:
    return f"{rng.randrange(lo // step, hi // step) * step:,}"


def _phone(rng: random.Random, kind: str = "any") -> str:
    kind = rng.choice(["050", "0120", "03", "0800"]) if kind == "any" else kind
    if kind == "050":
        return f"050-{rng.randrange(3100, 6999)}-{rng.randrange(1000, 9999)}"
    if kind == "0120":
        return f"0120-{rng.randrange(100, 999)}-{rng.randrange(100, 999)}"
    if kind == "0800":
        return f"0800-{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}"
    return f"03-{rng.randrange(4500, 6999)}-{rng.randrange(1000, 9999)}"


def _jdate(d: datetime) -> str:
    return f"{d.month}月{d.day}日（{WEEKDAYS[d.weekday()]}）"


def _add_bizdays(d: datetime, n: int) -> datetime:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


# ---------------------------------------------------------------------------------------------
# senders


@dataclass
class Sender:
    display: str
    address: str
    kind: str  # gmail, outlook, yahoo, icloud, m365, vps
    client: str = ""  # vps: thunderbird, roundcube, outlook16, phpmailer, becky
    dmarc: str = "pass"

    @property
    def domain(self) -> str:
        return self.address.split("@")[1]


FREE_DOMAINS = (
    ("gmail.com", "gmail"),
    ("gmail.com", "gmail"),
    ("gmail.com", "gmail"),
    ("outlook.jp", "outlook"),
    ("outlook.com", "outlook"),
    ("hotmail.com", "outlook"),
    ("yahoo.co.jp", "yahoo"),
    ("icloud.com", "icloud"),
)


def _free_local(rng: random.Random, p: Person) -> str:
    sei, mei = _romaji(p)
    n = rng.randrange(1, 99)
    pats = (
        f"{sei}.{mei}",
        f"{mei}.{sei}{n:02d}",
        f"{mei[0]}.{sei}.minato",
        f"{sei}{mei}{rng.randrange(1960, 1999)}",
        f"{sei}_{mei[0]}{n}",
        f"{sei}.{mei}.office",
        f"{mei[0]}{sei}.minatoseiki",
        f"{sei}.{mei}{n}",
    )
    return rng.choice(pats)


def _free_sender(rng: random.Random, p: Person, display: str | None = None) -> Sender:
    dom, kind = rng.choice(FREE_DOMAINS)
    return Sender(display or _display(rng, p), f"{_free_local(rng, p)}@{dom}", kind)


def _display(rng: random.Random, p: Person) -> str:
    sei, mei = _romaji(p)
    return rng.choice(
        (p.name, p.name, p.name.replace(" ", ""), f"{p.name}（{p.title}）", f"{mei.title()} {sei.title()}")
    )


def _lookalike(rng: random.Random, domain: str) -> tuple[str, str]:
    return rng.choice(LOOKALIKES[domain])


def _domain_sender(rng: random.Random, display: str, local: str, domain: str) -> Sender:
    kind = rng.choice(("m365", "m365", "vps", "vps"))
    client = "" if kind == "m365" else rng.choice(("thunderbird", "roundcube", "outlook16", "becky"))
    dmarc = "none" if rng.random() < 0.35 else "pass"
    return Sender(display, f"{local}@{domain}", kind, client, dmarc)


# ---------------------------------------------------------------------------------------------
# message model


@dataclass
class Mail:
    sender: Sender
    to: list[tuple[str, str]]
    subject: str
    body: str
    date: datetime
    cc: list[tuple[str, str]] = field(default_factory=list)
    reply_to: tuple[str, str] | None = None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    attachment: tuple[str, bytes] | None = None
    charset: str | None = None


@dataclass
class Record:
    name: str
    family: str
    mail: Mail
    data: bytes
    technique: str = ""


def _date(rng: random.Random) -> datetime:
    start = datetime(2025, 1, 6, tzinfo=JST)
    while True:
        d = start + timedelta(days=rng.randrange(540))
        if d.weekday() < 5 or rng.random() < 0.08:
            break
    hour = rng.choice((7, 8, 8, 9, 9, 10, 10, 11, 13, 14, 14, 15, 16, 17, 18, 19, 21))
    return d.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))


def _person_addr(p: Person) -> tuple[str, str]:
    return (p.name, p.address)


def _exec_sign(rng: random.Random, ex: Person) -> str:
    return rng.choice((_sei(ex), ex.name, f"{ex.title} {ex.name}", f"{ex.name}\n{ORG_NAME} {ex.title}", ""))


def _exec_sender(rng: random.Random, ex: Person) -> tuple[Sender, str]:
    """An executive from free mail or from a lookalike of the company's own domain."""
    if rng.random() < 0.3:
        dom, tech = _lookalike(rng, ORG_DOMAIN)
        s = _domain_sender(rng, _display(rng, ex), ex.address.split("@")[0], dom)
        return s, tech
    return _free_sender(rng, ex), "free mail"


def _exec_and_target(rng: random.Random) -> tuple[Person, Person]:
    ex = rng.choice((CEO, CEO, CEO, EXEC_MD, EXEC_FIN))
    pool = [ACCOUNTING, GENERAL, SALES] if ex is EXEC_FIN else [EXEC_FIN, ACCOUNTING, ACCOUNTING, GENERAL]
    return ex, rng.choice(pool)


def _maybe_reply_to(rng: random.Random, mail: Mail, p: Person, prob: float = 0.3) -> None:
    if rng.random() < prob:
        dom = rng.choice(("gmail.com", "outlook.jp", "yahoo.co.jp", "icloud.com"))
        if dom == mail.sender.domain:
            dom = "outlook.com"
        mail.reply_to = (mail.sender.display, f"{_free_local(rng, p)}@{dom}")


# ---------------------------------------------------------------------------------------------
# 1. executive first contact

F1_BODIES = (
    """{to_sei}さん

お疲れ様です。
今、席にいらっしゃいますか。
少しお願いしたいことがありますので、このメールに返信をください。

{sign}""",
    """{to_sei}さん

お疲れ様です。{ex_sei}です。
業務連絡用に、LINEで新しいグループを作成していただけますか。
グループには他の方を招待せず、作成後にQRコードの画像を
このメールに返信で送ってください。

よろしくお願いします。
{sign}""",
    """{to_sei}さん

お疲れ様です。
社用の携帯電話が故障しており、しばらく電話に出られません。
急ぎでお願いしたい件がありますので、当面の連絡は
こちらのアドレスにお願いします。

{sign}""",
    """{to_sei}さん

内密にご相談したい案件があります。
本日中に対応していただけるか確認したいので、
手が空きましたらこのアドレスに返信してください。
この件はまだ他の方には共有しないでください。

{sign}""",
    """{to_sei}さん

おはようございます。
これから終日打ち合わせが続くため、電話に出られません。
お願いしたい業務があるのですが、今対応できますか。
メールで返信をお願いします。

{sign}""",
    """{to_sei}さん

お疲れ様です。
今後進める案件について、{to_dept}との連絡をLINEで行いたいと考えています。
お手数ですが、LINEグループを作成し、招待用のQRコードを送ってください。
メンバーは私のほうで追加します。
作成が終わったら、このメールへの返信で教えてください。

{sign}""",
)
F1_SUBJECTS = (
    "",
    "お疲れ様です",
    "確認",
    "至急",
    "ご相談",
    "お願い",
    "{to_sei}さん",
    "業務連絡",
    "【至急】確認",
)


def _f1(rng: random.Random, i: int) -> tuple[Mail, str]:
    ex, to = _exec_and_target(rng)
    sender, tech = _exec_sender(rng, ex)
    v = {
        "to_sei": _sei(to),
        "ex_sei": _sei(ex),
        "sign": _exec_sign(rng, ex),
        "to_dept": to.title if to.title.endswith("部") else "経理部",
    }
    body = F1_BODIES[i % len(F1_BODIES)].format(**v).rstrip() + "\n"
    subj = rng.choice(F1_SUBJECTS).format(**v)
    mail = Mail(sender, [_person_addr(to)], subj, body, _date(rng))
    _maybe_reply_to(rng, mail, ex)
    return mail, tech


# ---------------------------------------------------------------------------------------------
# 2. executive orders an urgent payment

DEALS = (
    "新工場用地の取得",
    "ある企業との業務提携",
    "非公開で進めている事業買収",
    "海外拠点の設立",
    "新規取引先との独占販売契約",
    "設備メーカーとの共同開発",
)
REASONS = (
    "取引先に差し入れる保証金です。",
    "先方指定の口座に前払い金を入れる必要があります。",
    "契約締結のための手付金です。",
    "仲介会社への着手金です。",
)
F2_BODIES = (
    """{to_sei}さん

現在、{deal}の件を進めています。
先方との契約にあたり、本日中に手付金として{amount}円を振り込む必要があります。
稟議は後ほど私のほうで回しますので、先に支払いの手配をお願いします。

{bank}

正式に発表するまでは社内でも非公開の案件です。他の方には話さないでください。
手配が済みましたら、振込控えをこのメールに返信で送ってください。

{sign}""",
    """{to_sei}さん

お疲れ様です。
現在の当座預金の残高を教えてもらえますか。
本日中に取引先への支払いが1件発生しそうです。
詳細は確認でき次第連絡します。

{sign}""",
    """{to_sei}さん

急ぎの支払いを1件お願いします。
{reason}
金額は{amount}円で、本日15時までに着金させたいです。
承認は明日出社してからまとめて行います。

【振込先】
{bank}

会議中のため電話には出られません。進捗はメールで教えてください。""",
    """{to_sei}さん

先ほどの件、進んでいますか。
先方から本日中の入金を強く求められています。
今回の件は私が責任を持ちますので、通常の手続きは省略して構いません。
振込が完了したら、控えの画像を送ってください。

{sign}""",
    """{to_sei}さん

お疲れ様です。
{deal}について、担当の弁護士の先生から振込先の連絡がありました。
下記の口座に{amount}円を本日中に送金してください。

{bank}

先生から直接メールが届くことがありますので、その際は指示に従ってください。
情報管理の都合上、この件は{other}にも伝えないようお願いします。

{sign}""",
)
F2_SUBJECTS = (
    "至急",
    "お振込みのお願い",
    "急ぎの支払い",
    "本日中の送金について",
    "Re: 確認",
    "支払い依頼",
    "",
)


def _f2(rng: random.Random, i: int) -> tuple[Mail, str]:
    ex, to = _exec_and_target(rng)
    sender, tech = _exec_sender(rng, ex)
    other = EXEC_MD if ex is not EXEC_MD else CEO
    v = {
        "to_sei": _sei(to),
        "sign": _exec_sign(rng, ex),
        "deal": rng.choice(DEALS),
        "reason": rng.choice(REASONS),
        "amount": _yen(rng, 1_800_000, 9_800_000, 10_000),
        "bank": _bank(rng, rng.choice(MULE_HOLDERS)),
        "other": f"{_sei(other)}{'専務' if other is EXEC_MD else '社長'}",
    }
    body = F2_BODIES[i % len(F2_BODIES)].format(**v).rstrip() + "\n"
    subj = rng.choice(F2_SUBJECTS)
    if body.startswith(f"{v['to_sei']}さん\n\n先ほど"):
        subj = "Re: " + rng.choice(("至急", "お願い", "確認"))
    mail = Mail(sender, [_person_addr(to)], subj, body, _date(rng))
    _maybe_reply_to(rng, mail, ex)
    return mail, tech


# ---------------------------------------------------------------------------------------------
# 3. requests for personal data

F3_ADVISER_BODIES = (
    (
        "suzuki-sharoushi.jp",
        "年末調整に伴う従業員情報のご提出について",
        """{org}
{to_dept} {to_sei}様

いつもお世話になっております。
{corr_name}の{from_sei}です。

年末調整および社会保険の各種手続きに伴い、
従業員の皆様の最新情報を確認させていただきたく存じます。
お手数ですが、下記のデータをご送付いただけますでしょうか。

・従業員名簿（氏名、生年月日、住所、入社日）
・マイナンバー（個人番号）の一覧
・扶養家族の情報

恐れ入りますが、{deadline}までにこのメールへのご返信にて
お送りいただけますと幸いです。

何卒よろしくお願い申し上げます。

{sig}""",
    ),
    (
        "sato-zeirishi.jp",
        "源泉徴収票・賃金台帳のご送付のお願い",
        """{to_sei}様

いつも大変お世話になっております。
{corr_name}の{from_sei}でございます。

税務署からの照会に対応するため、以下の資料を確認させていただく必要がございます。

・前年分の源泉徴収票（全従業員分）
・賃金台帳（直近12か月分）
・役員報酬の支給明細

お手数をおかけいたしますが、ExcelまたはPDFにて本メールへご返信ください。
{deadline}までにご対応いただけますと助かります。

よろしくお願いいたします。

{sig}""",
    ),
    (
        "suzuki-sharoushi.jp",
        "【ご連絡】メールアドレス変更および算定基礎届の資料について",
        """{org}
{to_dept}
{to_sei}様

いつもお世話になっております。
{corr_name}でございます。

当事務所のメールシステム移行に伴い、今後のご連絡は本アドレスにて承ります。
お手数ですが、アドレス帳のご登録変更をお願いいたします。

また、算定基礎届の作成のため、4月から6月分の賃金台帳と
対象となる従業員の皆様の個人番号をご送付ください。
パスワード付きファイルの場合、パスワードは同じメールに記載いただいて差し支えございません。

引き続きよろしくお願い申し上げます。

{sig}""",
    ),
    (
        "sato-zeirishi.jp",
        "住民税特別徴収に関する確認",
        """{org}
{to_dept} {to_sei}様

お世話になっております。
{corr_name}の{from_sei}です。

給与支払報告書の提出内容に一部確認が必要な箇所がございました。
恐れ入りますが、全従業員の氏名・住所・個人番号・年間支給額が分かる一覧を
本日中にご返送いただけますでしょうか。

ご多忙のところ申し訳ございませんが、よろしくお願いいたします。

{sig}""",
    ),
)
F3_EXEC_BODIES = (
    """{to_sei}さん

お疲れ様です。
来週の取締役会で人員計画を説明するため、全従業員の名簿と給与の一覧が必要です。
氏名、所属、基本給、住所が入ったものをExcelで送ってください。
外出先で確認するので、このアドレスにお願いします。

{sign}""",
    """{to_sei}さん

お疲れ様です。
銀行との面談で主要な取引先の状況を説明する必要があります。
得意先の一覧（会社名、担当者、連絡先、売掛金残高）を
今日中にこのアドレスへ送ってもらえますか。

{sign}""",
)
F3_AUDIT_BODY = """{org}
{to_dept} ご担当者様

突然のご連絡失礼いたします。
あおば総合監査法人の{from_name}と申します。

貴社の主要取引銀行からのご依頼により、財務デューデリジェンスを実施しております。
高橋社長にはご了承をいただいておりますので、下記資料のご提出をお願いいたします。

・得意先別の売掛金残高一覧（会社名、ご担当者、連絡先を含む）
・役員および従業員の給与一覧

機密保持の観点から、社内での共有は最小限にとどめていただけますと幸いです。

--
あおば総合監査法人
公認会計士 {from_name}
〒105-0001 東京都港区虎ノ門1-17-1
"""
F3_RECIPIENTS = (HR, HR, GENERAL, ACCOUNTING, EXEC_FIN)


def _f3(rng: random.Random, i: int) -> tuple[Mail, str]:
    to = F3_RECIPIENTS[i % len(F3_RECIPIENTS)]
    date = _date(rng)
    deadline = _jdate(_add_bizdays(date, rng.choice((1, 2, 3))))
    base = {"org": ORG_NAME, "to_dept": to.title, "to_sei": _sei(to), "deadline": deadline}
    kind = i % 7
    if kind < 4:
        real_domain, subj, tpl = F3_ADVISER_BODIES[kind]
        corr = _corr(real_domain)
        dom, tech = _lookalike(rng, real_domain)
        local = corr.contact.address.split("@")[0]
        person = corr.contact
        if rng.random() < 0.4:
            local = rng.choice(("info", "office", "jimu"))
            person = Person(CORR_INFO[real_domain]["acct"], "事務担当", "")
        shown = corr.contact.address if rng.random() < 0.6 else f"{local}@{dom}"
        sig = _signature(rng, corr, person, shown)
        v = base | {"corr_name": corr.name, "from_sei": _sei(person), "sig": sig}
        display = rng.choice((person.name, f"{corr.name} {person.name}", corr.name))
        sender = _domain_sender(rng, display, local, dom)
        body = tpl.format(**v)
    elif kind < 6:
        ex = rng.choice((CEO, EXEC_MD))
        sender, tech = _exec_sender(rng, ex)
        subj = rng.choice(("資料の件", "至急お願い", "名簿の送付", "お疲れ様です"))
        body = F3_EXEC_BODIES[kind - 4].format(**base, sign=_exec_sign(rng, ex))
    else:
        name = rng.choice(("村上 聡", "岡本 直子", "三浦 拓也"))
        dom = rng.choice(("aoba-sogo-audit.jp", "aoba-audit.com"))
        sender = _domain_sender(rng, name, rng.choice(("s.murakami", "audit-team", "dd-support")), dom)
        tech = "invented auditor domain"
        subj = "財務デューデリジェンスに関する資料ご提出のお願い"
        body = F3_AUDIT_BODY.format(**base, from_name=name)
    mail = Mail(sender, [_person_addr(to)], subj, body.rstrip() + "\n", date)
    return mail, tech


# ---------------------------------------------------------------------------------------------
# 4. lawyer / auditor / investment bank: acquisition, tender offer, capital tie-up, deposit

TARGETS = (
    "株式会社北陸プレシジョン",
    "三協メカトロ株式会社",
    "株式会社ケイエス工業",
    "東邦ダイカスト株式会社",
)
F4_BODIES = (
    (
        "law",
        "【機密】資本業務提携の件（{target_short}）",
        """{org}
{to_title} {to_name}様

突然のご連絡失礼いたします。
{firm}の弁護士、{from_name}でございます。

貴社代表取締役の高橋様より、現在進めております{target}との
資本業務提携の件につき、実務のご担当として{to_sei}様をご紹介いただきました。

本件は金融商品取引法上の重要事実に該当し得るため、公表までの間は
社内においてもごく限られた方のみで進める必要がございます。
恐れ入りますが、他の方への共有はお控えください。

契約締結に先立ち、先方へ差し入れる保証金{amount}円を
当事務所の預り金口座にてお預かりすることとなりました。
振込先の詳細は、{to_sei}様からご返信をいただいた後にお送りいたします。

ご確認のほど、よろしくお願い申し上げます。

{sig}""",
    ),
    (
        "bank",
        "公開買付けに関するご連絡",
        """{to_name}様

いつもお世話になっております。
{firm}の{from_name}でございます。

先日高橋社長とご面談させていただきました{target}株式の
公開買付けにつきまして、公開買付代理人口座への事前入金のご案内をお送りいたします。

・入金額：{amount}円
・入金期限：{deadline}
・振込先：
{bank}

期限までにご入金の確認が取れない場合、スケジュールに影響が生じる可能性がございます。
インサイダー取引規制の観点から、本件のお問い合わせはメールにてお願いいたします。

何卒よろしくお願い申し上げます。

{sig}""",
    ),
    (
        "law",
        "Re: 【機密】{target_short}の件",
        """{to_sei}様

ご返信いただきありがとうございます。
預り金口座の詳細は以下のとおりでございます。

{bank}

本日中にお振込みいただけましたら、明日の調印に間に合います。
お振込み後、控えをPDFでお送りいただけますと幸いです。

なお、本件につきましては高橋様より、
社内でのご相談は控えるようにとのご意向を伺っております。

{sig}""",
    ),
    (
        "audit",
        "株式取得に係るエスクロー口座へのご入金について",
        """{org}
{to_title} {to_name}様

いつもお世話になっております。
{firm}の{from_name}です。

貴社が検討されている{target}の株式取得について、
売主側との合意により、譲渡代金の一部をエスクロー口座にてお預かりすることとなりました。

・お預かり金額：{amount}円
・ご入金期限：{deadline}

振込先は別途お電話ではなく、本メールへのご返信にてご案内いたします。
秘密保持契約に基づき、本件は関係者限りでお取り扱いください。

{sig}""",
    ),
    (
        "bank",
        "第三者割当増資の払込みについて（ご案内）",
        """{to_name}様

お世話になっております。
{firm}の{from_name}です。

{target}との資本提携に伴う第三者割当増資について、
払込金の一部を本日中に仮受けする必要が生じました。
高橋社長には本日午前にご説明し、ご了解をいただいております。

{bank}

金額：{amount}円

急なお願いで恐縮ですが、ご対応のほどよろしくお願いいたします。

{sig}""",
    ),
)
F4_FIRMS = {
    "bank": (
        (
            "東京キャピタル・アドバイザリー株式会社",
            "tokyo-capital-advisory.com",
            "投資銀行本部 マネージングディレクター",
        ),
        (
            "ブライトン・パートナーズ株式会社",
            "brighton-partners.jp",
            "M&Aアドバイザリー部 ヴァイスプレジデント",
        ),
    ),
    "audit": (
        ("あおば総合監査法人", "aoba-sogo-audit.jp", "パートナー 公認会計士"),
        ("みらい共同会計事務所", "mirai-kyodo-cpa.com", "公認会計士"),
    ),
}


def _f4(rng: random.Random, i: int) -> tuple[Mail, str]:
    kind, subj, tpl = F4_BODIES[i % len(F4_BODIES)]
    to = rng.choice((EXEC_FIN, EXEC_FIN, EXEC_MD))
    date = _date(rng)
    target = rng.choice(TARGETS)
    v = {
        "org": ORG_NAME,
        "to_title": to.title,
        "to_name": to.name,
        "to_sei": _sei(to),
        "target": target,
        "target_short": target.replace("株式会社", ""),
        "amount": _yen(rng, 12_000_000, 48_000_000, 100_000),
        "deadline": _jdate(_add_bizdays(date, 1)),
        "bank": _bank(rng, rng.choice(MULE_HOLDERS[:5]) if kind != "law" else "ベンゴシ アズカリキン"),
    }
    if kind == "law":
        corr = _corr("chuo-sogo-law.jp")
        dom, tech = _lookalike(rng, corr.domain)
        lawyer = rng.choice((corr.contact, Person("村田 浩二", "弁護士", "k.murata@chuo-sogo-law.jp")))
        local = lawyer.address.split("@")[0]
        if "預り金" in tpl or "Re:" in subj:
            v["bank"] = _bank(rng, f"ベンゴシ {_kana_lawyer(lawyer)} アズカリキン")
        sig = _signature(rng, corr, lawyer, rng.choice((lawyer.address, f"{local}@{dom}")))
        v |= {"firm": corr.name, "from_name": lawyer.name, "sig": sig}
        sender = _domain_sender(rng, f"{lawyer.name}（{corr.name}）", local, dom)
    else:
        firm, dom, title = rng.choice(F4_FIRMS[kind])
        name = rng.choice(("長谷川 修", "新井 美和", "大野 俊介", "河合 理沙"))
        tech = "invented adviser domain"
        local = rng.choice(("o.hasegawa", "advisory", "m.arai", "deal-team"))
        sig = f"--\n{firm}\n{title}\n{name}\nTEL：{_phone(rng, '03')}\n{local}@{dom}"
        v |= {"firm": firm, "from_name": name, "sig": sig}
        sender = _domain_sender(rng, name, local, dom)
        sender.kind = "m365"
        sender.client = ""
    mail = Mail(sender, [_person_addr(to)], subj.format(**v), tpl.format(**v).rstrip() + "\n", date)
    if subj.startswith("Re:"):
        mail.in_reply_to = f"<{_hex(rng, 16)}@{ORG_DOMAIN}>"
        mail.references = [f"<{_ms_id(rng, 'TYCPR01MB')}>", mail.in_reply_to]
    return mail, tech


def _kana_lawyer(p: Person) -> str:
    return {"木村 恵子": "キムラ ケイコ", "村田 浩二": "ムラタ コウジ"}.get(p.name, "キムラ ケイコ")


# ---------------------------------------------------------------------------------------------
# 5. callback fraud

CB_SERVICES = (
    ("セキュアネット・プロ 法人版", "年間ライセンス（5台）"),
    ("オフィスクラウド ビジネスプラン", "年間契約（10ユーザー）"),
    ("ネットプロテクト プレミアム", "3年ライセンス"),
    ("ITサポート・プレミアム", "年間サポート契約"),
)
CB_ITEMS = (
    ("ノートパソコン 14インチ（3台）", 498_000),
    ("業務用カラー複合機 1台", 685_000),
    ("スマートフォン 256GB（2台）", 389_600),
    ("ゲーミングPC 一式", 452_800),
)
F5_BODIES = (
    """{to_name}様

この度はご利用いただき、誠にありがとうございます。
ご契約中の「{service}」が自動更新されましたので、お知らせいたします。

ご注文番号：{order}
更新日：{date}
ご契約内容：{plan}
お支払い金額：{amount}円（税込）
お支払い方法：ご登録のクレジットカード

本更新にお心当たりがない場合、または解約をご希望の場合は、
48時間以内に下記サポート窓口までお電話ください。
期限を過ぎますと返金の対象外となりますのでご注意ください。

サポート窓口：{phone}
受付時間：9:00〜21:00（土日祝も受付）

{shop}""",
    """{to_name}様

いつもご利用ありがとうございます。
以下の内容でご注文を承りました。

■ご注文内容
商品：{item}
数量：1
ご請求金額：{amount}円（税込・送料無料）
お届け予定：{date}

本メールは送信専用のため、ご返信いただいてもお答えできません。
ご注文の取消しは、お電話でのみ受け付けております。

ご注文センター：{phone}

{shop}""",
    """{to_name}様

法人カードのご利用について確認させていただきたいお取引がございます。

ご利用日：{date}
ご利用先：{merchant}
ご利用金額：{amount}円

お心当たりがない場合は、不正利用の可能性がございます。
カードのご利用を一時的に制限しておりますので、
お手数ですが下記の専用ダイヤルまでご連絡ください。
お電話の際は、ご照会番号 {order} をお伝えください。

不正利用調査センター：{phone}（24時間受付）

{shop}""",
    """{to_name}様

平素より格別のご高配を賜り、厚く御礼申し上げます。
お申し込みいただいた「{service}」のお支払い手続きが完了いたしました。

お取引番号：{order}
金額：{amount}円
次回更新日：{next}

本契約は、お手続きがない限り毎年自動で更新されます。
内容にお間違いがある場合は、本日中にお電話でご連絡ください。

お客様窓口 {phone}

{shop}""",
    """{to_name}様

ご請求書の発行のお知らせです。

請求番号：{order}
品目：{service} {plan}
金額：{amount}円（税込）
お支払期限：{next}

ご登録の口座より自動で引き落とされます。
キャンセルや内容のご確認は、お電話にて承ります。
※メールでのお問い合わせには対応しておりません。

請求窓口：{phone}

{shop}""",
)
CB_SHOPS = (
    ("セキュアネット カスタマーセンター", "securenet-support-center.com", "support"),
    ("オフィスクラウド 請求窓口", "officecloud-billing.net", "billing"),
    ("ビズストア 注文確認", "bizstore-order.jp", "order"),
    ("カードセキュリティセンター", "card-security-center.net", "notice"),
)


def _f5(rng: random.Random, i: int) -> tuple[Mail, str]:
    to = rng.choice((ACCOUNTING, GENERAL, IT, SALES, EXEC_FIN, HR))
    date = _date(rng)
    service, plan = rng.choice(CB_SERVICES)
    item, price = rng.choice(CB_ITEMS)
    tpl_i = i % len(F5_BODIES)
    amount = f"{price:,}" if tpl_i == 1 else _yen(rng, 49_800, 398_000, 100)
    shop_name, shop_dom, shop_local = rng.choice(CB_SHOPS)
    if tpl_i == 2:
        shop_name, shop_dom, shop_local = CB_SHOPS[3]
    elif shop_name == CB_SHOPS[3][0]:
        shop_name, shop_dom, shop_local = CB_SHOPS[tpl_i % 3]
    v = {
        "to_name": to.name,
        "service": service,
        "plan": plan,
        "item": item,
        "amount": amount,
        "order": f"{rng.choice(('JP', 'ORD', 'SN', 'A'))}-{rng.randrange(10**7, 10**8)}",
        "date": f"{date.year}年{date.month}月{date.day}日",
        "next": f"{date.year + 1}年{date.month}月{date.day}日",
        "phone": _phone(rng),
        "merchant": rng.choice(("ONLINE STORE JP", "APPLE.COM/BILL", "TOKYO ELECTRONICS", "GIFT MARKET")),
        "shop": shop_name,
    }
    if rng.random() < 0.5:
        sender = Sender(shop_name, f"{shop_local}.{rng.randrange(100, 999)}desk@gmail.com", "gmail")
        tech = "free mail"
    else:
        sender = Sender(
            shop_name, f"{shop_local}@{shop_dom}", "vps", "phpmailer", rng.choice(("pass", "none"))
        )
        tech = "cheap registered domain"
    subjects = (
        "【重要】自動更新完了のお知らせ",
        "ご注文ありがとうございます（注文番号：{order}）",
        "カードご利用内容の確認のお願い",
        "お支払い完了のお知らせ",
        "ご請求書発行のお知らせ {order}",
    )
    subj = subjects[tpl_i] if rng.random() < 0.8 else rng.choice(subjects[:2] + subjects[3:])
    mail = Mail(
        sender, [_person_addr(to)], subj.format(**v), F5_BODIES[tpl_i].format(**v).rstrip() + "\n", date
    )
    return mail, tech


# ---------------------------------------------------------------------------------------------
# 6. supplier payment redirection (incl. thread hijack)

F6_NOTICE_BODIES = (
    """{org}
経理部 {to_sei}様

いつも大変お世話になっております。
{short}の{from_sei}でございます。

この度、弊社取引銀行の見直しに伴い、お支払いの振込先口座を
変更させていただくこととなりました。
誠に恐れ入りますが、{month}月末お支払い分より、下記口座へのお振込みをお願いいたします。

【新しいお振込先】
{bank}

旧口座は近日中に解約予定のため、旧口座へのお振込みはお受けできかねます。
正式な書面は追って郵送いたします。
お手数をおかけしますが、何卒よろしくお願い申し上げます。

{sig}""",
    """{to_sei}様

お世話になっております。
{short}の{from_sei}です。

今月のお支払い予定日を教えていただけますでしょうか。
弊社で決算期の口座整理を行っており、今回から入金先が変わります。
ご確認いただけましたら、新しい口座情報をお送りいたします。

よろしくお願いいたします。

{sig}""",
    """{org}
経理ご担当者様

平素は格別のお引き立てを賜り、厚く御礼申し上げます。
{short}でございます。

弊社では売掛債権の管理業務を関連会社へ移管いたしました。
つきましては、{month}月分以降のお支払いは下記の口座へお願い申し上げます。

{bank}

ご不明点がございましたら、本メールにてお問い合わせください。
何卒ご理解賜りますようお願い申し上げます。

{sig}""",
    """{to_sei}様

いつもお世話になっております。
{short}の{from_sei}です。

先日ご連絡いたしました口座変更の件、ご確認いただけましたでしょうか。
本日が月末の締めとなりますので、まだの場合は
お手数ですが新しい口座へのお振込みをお願いいたします。

{bank}

お振込み後にご一報いただけますと幸いです。

{sig}""",
)
F6_HIJACK_REPLIES = (
    """{to_sei}様

ご確認いただきありがとうございます。
大変申し訳ございません、前回のメールでお伝えし忘れておりました。
現在、弊社の口座が監査の関係で一時的に入金を受け付けられないため、
今回のお支払いは下記の口座にお願いできますでしょうか。

{bank}

ご面倒をおかけして恐縮ですが、よろしくお願いいたします。

{sig_short}""",
    """{to_sei}様

お世話になっております。
お支払いの件、ありがとうございます。

一点ご連絡が漏れておりました。
今月より弊社のお振込先が下記に変更となっております。
旧口座に入金されますと返金の手続きにお時間をいただきますので、
お手数ですがこちらにお願いいたします。

{bank}

引き続きよろしくお願いいたします。

{sig_short}""",
    """{to_sei}様

ご対応ありがとうございます。
お振込みの状況はいかがでしょうか。
本日中にご確認いただけますと大変助かります。

念のため、振込先を再掲いたします。
{bank}

{sig_short}""",
)


def _f6_prior(rng: random.Random, corr: Correspondent, to: Person, date: datetime) -> tuple[str, str, str]:
    """The earlier real-looking exchange that the hijacker quotes: (subject, quoted text, style)."""
    info = CORR_INFO[corr.domain]
    month = (date.month - 2) % 12 + 1
    subj = rng.choice(
        (
            f"{month}月分ご請求書送付の件",
            f"{month}月度 請求書のご送付",
            f"【{info['short']}】{month}月分請求書",
        )
    )
    t0 = date - timedelta(days=rng.randrange(3, 9), hours=rng.randrange(1, 6))
    t1 = t0 + timedelta(hours=rng.randrange(2, 30))
    orig = (
        f"{ORG_NAME}\n{to.title} {to.name}様\n\nいつもお世話になっております。\n"
        f"{info['short']}の{_sei(corr.contact)}です。\n\n{month}月分のご請求書を添付にてお送りいたします。\n"
        "ご査収のほどよろしくお願いいたします。\n"
    )
    reply = (
        f"{_sei(corr.contact)}様\n\nいつもお世話になっております。\nみなと精機の{_sei(to)}です。\n\n"
        "請求書を受領いたしました。\n"
        f"{rng.choice(PAY_PLANS)}\n\n"
        "引き続きよろしくお願いいたします。\n"
    )
    style = rng.choice(("gmail", "outlook"))
    if style == "gmail":
        q1 = _quote_gmail(t0, corr.contact.name, corr.contact.address, orig)
        text = _quote_gmail(t1, to.name, to.address, reply + "\n" + q1)
    else:
        head0 = _outlook_head(corr.contact, to, t0, subj)
        head1 = _outlook_head(to, corr.contact, t1, "RE: " + subj)
        text = head1 + "\n\n" + reply + "\n" + head0 + "\n\n" + orig
    return subj, text, style


def _quote_gmail(d: datetime, name: str, addr: str, text: str) -> str:
    head = f"{d.year}年{d.month}月{d.day}日({WEEKDAYS[d.weekday()]}) {d:%H:%M} {name} <{addr}>:"
    return head + "\n" + "\n".join(("> " + ln) if ln else ">" for ln in text.rstrip("\n").split("\n"))


def _outlook_head(frm: Person, to: Person, d: datetime, subj: str) -> str:
    return "\n".join(
        (
            "________________________________",
            f"差出人: {frm.name} <{frm.address}>",
            f"送信日時: {d.year}年{d.month}月{d.day}日 {d:%H:%M}",
            f"宛先: {to.name} <{to.address}>",
            f"件名: {subj}",
        )
    )


PAY_PLANS = (
    "月末にお支払いの予定です。",
    "今月25日にお支払い予定です。",
    "社内承認後、月末にお振込みいたします。",
)
SUPPLIERS = ("daiwa-shoji.co.jp", "chiyoda-insatsu.co.jp", "hokuto-unyu.co.jp", "fuji-systems.co.jp")


def _f6(rng: random.Random, i: int) -> tuple[Mail, str]:
    corr = _corr(SUPPLIERS[i % len(SUPPLIERS)])
    info = CORR_INFO[corr.domain]
    dom, tech = _lookalike(rng, corr.domain)
    to = rng.choice((ACCOUNTING, ACCOUNTING, EXEC_FIN))
    date = _date(rng)
    person = corr.contact
    local = person.address.split("@")[0]
    holder = rng.choice((info["kana"], info["kana"], rng.choice(MULE_HOLDERS[:5])))
    shown = person.address if rng.random() < 0.5 else f"{local}@{dom}"
    v = {
        "org": ORG_NAME,
        "to_sei": _sei(to),
        "short": info["short"],
        "from_sei": _sei(person),
        "month": date.month % 12 + 1,
        "bank": _bank(rng, holder),
        "sig": _signature(rng, corr, person, shown),
        "sig_short": f"{corr.name}\n{person.title} {person.name}\nTEL：{info['tel']}",
    }
    hijack = i % 11 >= 6
    if hijack:
        subj0, quoted, style = _f6_prior(rng, corr, to, date)
        tpl = F6_HIJACK_REPLIES[i % len(F6_HIJACK_REPLIES)]
        body = tpl.format(**v).rstrip() + "\n\n" + quoted
        subj = ("Re: RE: " if style == "outlook" else "Re: ") + subj0
        tech += ", thread hijack"
    else:
        tpl = F6_NOTICE_BODIES[i % len(F6_NOTICE_BODIES)]
        body = tpl.format(**v)
        subj = rng.choice(
            (
                "【重要】お振込先口座変更のお知らせ",
                "振込先口座変更のご案内",
                "お支払い予定日のご確認",
                f"{info['short']}より口座変更のお願い",
                "Re: 口座変更の件",
            )
        )
    display = rng.choice((person.name, f"{person.name}（{info['short']}）", f"{corr.name} {person.name}"))
    sender = _domain_sender(rng, display, local, dom)
    mail = Mail(sender, [_person_addr(to)], subj, body.rstrip() + "\n", date)
    if hijack:
        mail.in_reply_to = f"<{_hex(rng, 20)}@{ORG_DOMAIN}>"
        mail.references = [f"<{_hex(rng, 24)}@{corr.domain}>", mail.in_reply_to]
        if rng.random() < 0.5:
            other = EXEC_FIN if to is not EXEC_FIN else ACCOUNTING
            odom, _ = _lookalike(rng, ORG_DOMAIN)
            mail.cc = [(other.name, f"{other.address.split('@')[0]}@{odom}")]
            tech += ", cc lookalike of own domain"
    return mail, tech


# ---------------------------------------------------------------------------------------------
# 7. gift cards

F7_BODIES = (
    """{to_sei}さん

お疲れ様です。
取引先へのお礼として、{card}を用意したいと考えています。
近くのコンビニで{face}円分を{count}枚購入してもらえますか。
購入後、カード裏面のコードを削って写真を撮り、このメールに送ってください。
費用は後ほど精算します。

{sign}""",
    """{to_sei}さん

今、外出できますか。
社員への表彰の記念品として{card}が必要になりました。
{face}円のものを{count}枚お願いします。
サプライズなので、他の人には内緒で進めてください。

{sign}""",
    """{to_sei}さん

ありがとうございます。
何枚購入できましたか。
番号が見えるように写真を撮って、先に送ってください。
レシートは経費精算に使うので捨てずに保管しておいてください。

{sign}""",
    """{to_sei}さん

お疲れ様です。
顧客向けキャンペーンの景品として、{card}を至急揃えたいです。
{face}円分を{count}枚、本日中に購入できますか。
会議中で電話には出られないので、メールで返信ください。

{sign}""",
    """{to_sei}さん

お願いがあります。
今日中に{card}を{count}枚（各{face}円）用意してほしいです。
近くのコンビニで買えると思います。
用途は後で説明します。私が立て替えた形で精算します。

{sign}""",
)
CARDS = ("Appleギフトカード", "Amazonギフトカード", "Google Playギフトカード", "Appleギフトカード")


def _f7(rng: random.Random, i: int) -> tuple[Mail, str]:
    ex = rng.choice((CEO, CEO, EXEC_MD))
    to = rng.choice((GENERAL, ACCOUNTING, SALES, IT))
    sender, tech = _exec_sender(rng, ex)
    v = {
        "to_sei": _sei(to),
        "sign": _exec_sign(rng, ex),
        "card": rng.choice(CARDS),
        "face": rng.choice(("10,000", "30,000", "50,000", "20,000")),
        "count": rng.choice((5, 6, 8, 10)),
    }
    tpl_i = i % len(F7_BODIES)
    subj = "Re: お願い" if tpl_i == 2 else rng.choice(("お願い", "至急", "確認", "", "今お時間ありますか"))
    mail = Mail(sender, [_person_addr(to)], subj, F7_BODIES[tpl_i].format(**v).rstrip() + "\n", _date(rng))
    _maybe_reply_to(rng, mail, ex, 0.2)
    return mail, tech


# ---------------------------------------------------------------------------------------------
# 8. payroll diversion

F8_BODIES = (
    """人事部 {hr_sei}様

お疲れ様です。{dept}の{sei}です。
給与の振込口座を変更したいのですが、
次回の給与から新しい口座に振り込んでいただくことは可能でしょうか。

新しい口座は以下のとおりです。
{bank}

必要な手続きや書類があれば教えてください。
よろしくお願いします。

{name}""",
    """{hr_sei}さん

お疲れ様です。{sei}です。
メインバンクをネット銀行に変更したため、給与の振込先を変更させてください。
今月の締めに間に合えば、今月分からお願いしたいです。

{bank}

社用のメールが今開けないため、個人のアドレスから失礼します。

{name}""",
    """人事部 ご担当者様

お世話になっております。{dept}の{name}です。
以前の口座を解約することになりましたので、給与の受取口座の変更をお願いします。
今月の給与の締め日はいつでしょうか。

{bank}

お手数をおかけしますが、よろしくお願いいたします。""",
    """{hr_sei}さん

お疲れ様です。{dept}の{sei}です。
先ほどの口座変更の件、今月分に反映できそうでしょうか。
お手数ですが、変更が完了したらこのアドレスに返信いただけると助かります。

{name}""",
    """{hr_sei}様

{dept}の{sei}です。いつもありがとうございます。
給与振込口座の変更をお願いしたくご連絡しました。
前の口座がキャッシュカードの紛失で使えなくなってしまったためです。
新しい口座情報を記載します。

{bank}

スマートフォンから送信しているため、読みにくかったらすみません。

{name}""",
)


def _f8(rng: random.Random, i: int) -> tuple[Mail, str]:
    emp = rng.choice((ACCOUNTING, GENERAL, IT, SALES))
    sei, mei = _romaji(emp)
    kana = {
        "小林": "コバヤシ ナオキ",
        "中村": "ナカムラ シヨウ",
        "加藤": "カトウ ダイスケ",
        "吉田": "ヨシダ アヤ",
    }[_sei(emp)]
    v = {
        "hr_sei": _sei(HR),
        "dept": emp.title,
        "sei": _sei(emp),
        "name": emp.name,
        "bank": _bank(rng, kana),
    }
    dom, kind = rng.choice(FREE_DOMAINS)
    local = rng.choice(
        (f"{sei}.{mei}", f"{mei}{sei}{rng.randrange(10, 99)}", f"{mei[0]}.{sei}{rng.randrange(100, 999)}")
    )
    sender = Sender(_display(rng, emp), f"{local}@{dom}", kind)
    subj = rng.choice(
        (
            "給与振込口座の変更について",
            "給与口座変更のお願い",
            "口座変更",
            "Re: 口座変更の件",
            "給与の振込先について",
        )
    )
    to = rng.choice((HR, HR, HR, GENERAL))
    mail = Mail(
        sender,
        [_person_addr(to)],
        subj,
        F8_BODIES[i % len(F8_BODIES)].format(**v).rstrip() + "\n",
        _date(rng),
    )
    return mail, "free mail"


# ---------------------------------------------------------------------------------------------
# 9. fake invoices and overdue reminders

F9_BODIES = (
    """{org}
経理ご担当者様

いつもお世話になっております。
{corr_name} 経理課の{acct}でございます。

{month}月分のご請求（請求書番号：{inv}、金額：{amount}円）につきまして、
お支払期日の{due}を過ぎておりますが、本日時点でご入金の確認ができておりません。

行き違いでございましたら申し訳ございません。
未済の場合は、恐れ入りますが下記口座へ至急お振込みいただけますでしょうか。
なお、システム移行に伴い、振込先が従来と異なっておりますのでご注意ください。

{bank}

何卒よろしくお願い申し上げます。

{sig}""",
    """{org}
{to_dept} {to_sei}様

いつも大変お世話になっております。
{corr_name}でございます。

{month}月分のご請求書をお送りいたします。

■ご請求内容
請求書番号：{inv}
件名：{item}
ご請求金額：{amount}円（税込）
お支払期日：{due}
登録番号：{reg}

■お振込先
{bank}

※今回より振込先口座が変更となっております。
ご査収のほど、よろしくお願いいたします。

{sig}""",
    """{to_sei}様

お世話になっております。
{corr_name}の{acct}です。

先日お送りいたしました請求書（{inv}）について、再送いたします。
ご請求金額は{amount}円、お支払期日は{due}となっております。
お振込先は下記の新口座にてお願いいたします。

{bank}

ご不明な点がございましたらご返信ください。

{sig}""",
    """{org}
経理部 御中

平素より大変お世話になっております。
{corr_name} 管理部でございます。

{item}に係る年間費用のご請求につきまして、ご案内申し上げます。

ご請求金額：{amount}円（税込）
請求書番号：{inv}
お支払期限：{due}

お振込先：
{bank}

請求書の原本は後日郵送いたします。
ご確認のほどよろしくお願い申し上げます。

{sig}""",
    """{to_sei}様

いつもお世話になっております。
{corr_name}の{acct}でございます。

請求書番号{inv}（{amount}円）のお支払いについて、
本日が最終期日となっております。
期日を過ぎますと、今後のお取引条件を見直させていただく場合がございます。

恐れ入りますが、本日中に下記口座へのお振込みをお願いいたします。
{bank}

{sig}""",
)


def _pdf(lines: list[str]) -> bytes:
    stream = "BT /F1 11 Tf 56 780 Td 16 TL " + " ".join(f"({ln}) '" for ln in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        " /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("ascii")


def _f9(rng: random.Random, i: int) -> tuple[Mail, str]:
    corr = _corr(SUPPLIERS[(i + 1) % len(SUPPLIERS)])
    info = CORR_INFO[corr.domain]
    dom, tech = _lookalike(rng, corr.domain)
    to = rng.choice((ACCOUNTING, ACCOUNTING, EXEC_FIN))
    date = _date(rng)
    acct = Person(info["acct"], "経理課", f"keiri@{corr.domain}")
    local = rng.choice(("keiri", "seikyu", "accounting", corr.contact.address.split("@")[0]))
    tpl_i = i % len(F9_BODIES)
    month = (date.month - 2) % 12 + 1
    due = date - timedelta(days=rng.randrange(2, 9)) if tpl_i in (0, 4) else _add_bizdays(date, 7)
    if tpl_i == 4:
        due = date
    amount = _yen(rng, 380_000, 4_800_000, 10)
    inv = f"{rng.choice(('INV', 'No.', 'S'))}{date.year % 100}{month:02d}-{rng.randrange(1000, 9999)}"
    v = {
        "org": ORG_NAME,
        "to_dept": to.title,
        "to_sei": _sei(to),
        "corr_name": corr.name,
        "acct": _sei(acct),
        "month": month,
        "inv": inv,
        "amount": amount,
        "due": _jdate(due),
        "item": info["item"],
        "reg": f"T{rng.randrange(10**12, 10**13)}",
        "bank": _bank(rng, rng.choice((info["kana"], info["kana"], rng.choice(MULE_HOLDERS[:5])))),
        "sig": _signature(rng, corr, acct, rng.choice((acct.address, f"{local}@{dom}"))),
    }
    subjects = (
        f"【再送】{month}月分お支払いのご確認",
        f"{month}月分 ご請求書送付のご案内（{inv}）",
        f"Re: 請求書再送の件（{inv}）",
        "年間保守費用のご請求について",
        "【至急】お支払期日のお知らせ",
    )
    display = rng.choice((f"{corr.name} 経理課", f"{acct.name}（{info['short']}）", corr.name))
    sender = _domain_sender(rng, display, local, dom)
    if rng.random() < 0.25:
        sender.kind, sender.client = "vps", "phpmailer"
    mail = Mail(
        sender, [_person_addr(to)], subjects[tpl_i], F9_BODIES[tpl_i].format(**v).rstrip() + "\n", date
    )
    if tpl_i == 1 and rng.random() < 0.7:
        lines = [
            "INVOICE",
            f"No. {inv}",
            f"Date: {date:%Y-%m-%d}",
            "To: Minato Seiki Co., Ltd.",
            f"Amount: JPY {amount}",
            f"Registration: {v['reg']}",
        ]
        mail.attachment = (f"invoice_{inv.replace('.', '')}.pdf", _pdf(lines))
    return mail, tech


# ---------------------------------------------------------------------------------------------
# 10. English / mixed language

INTL_BANKS = (
    ("DBS Bank Ltd, Singapore", "DBSSSGSG"),
    ("Bangkok Bank Public Company Limited", "BKKBTHBK"),
    ("HSBC Hong Kong", "HSBCHKHHHKH"),
    ("Bank of America, N.A.", "BOFAUS3N"),
    ("Standard Chartered Bank Malaysia", "SCBLMYKX"),
)
INTL_BENEFICIARIES = (
    "Everbright Trading Pte. Ltd.",
    "Golden Harbor Holdings Limited",
    "Siam Precision Supply Co., Ltd.",
    "Crestline Advisory LLC",
)
F10_BODIES = (
    """{to_sei}さん

I am in {city} for meetings with our partner and can only check email.
Please process an urgent wire transfer today. Details below.

Beneficiary: {benef}
Bank: {intl_bank}
SWIFT: {swift}
Account No.: {iban}
Amount: {usd}

稟議は帰国後に回します。よろしくお願いします。

{ex_en}
Sent from my iPhone""",
    """Hi {to_en},

Are you available at your desk? I need you to handle a task for me discreetly.
I'm travelling and it is difficult to take calls. Reply to this email when you see it.

Regards,
{ex_en}""",
    """Dear {to_en},

I hope this email finds you well.
This is {sub_person} (Finance Controller, {sub}).

Due to a change in our banking arrangement, intercompany payments for {month_en}
should be sent to our new account below. The previous account is under review
and cannot receive funds for the time being.

Account name: {sub}
Bank: {intl_bank}
SWIFT: {swift}
Account No.: {iban}

Kindly confirm once the invoice {inv} ({usd}) has been settled.

Best regards,
{sub_person}
Finance Controller
{sub}""",
    """{to_sei}様

いつもお世話になっております。
Please find below the updated remittance details for our invoice {inv}.
請求書番号 {inv}、金額 {eur} のお支払いを、下記の新しい口座へお願いいたします。

Beneficiary: Kessler Präzisionstechnik GmbH
Bank: Commerzbank AG, Stuttgart
IBAN: {de_iban}
BIC: COBADEFFXXX

Our previous account will be closed at the end of this month.
ご不明点がございましたら、本メールにご返信ください。

Mit freundlichen Grüßen / Best regards
{partner}
Accounts Receivable
Kessler Präzisionstechnik GmbH""",
    """Dear {to_en},

STRICTLY PRIVATE AND CONFIDENTIAL

We act as counsel to {ceo_en} in connection with a proposed acquisition
in {city}. Mr. Takahashi has authorised us to contact you directly regarding
the escrow deposit of {usd}, which must be received before the signing.

Due to disclosure regulations, please do not discuss this matter with other
members of staff until the public announcement. Wire instructions will follow
upon your acknowledgement of this email.

Yours faithfully,
{lawyer}
Partner
Harrington & Vale LLP""",
    """{to_sei}さん

Quick request. I'm at the airport in {city} and my Japanese phone is not working.
至急、新規の取引先に前払いが必要になりました。
Can you confirm how much we can transfer today from the USD account?
詳細は返信をもらってから送ります。

{ex_en}""",
)
CITIES = ("Singapore", "Bangkok", "Hong Kong", "Los Angeles", "Frankfurt", "Kuala Lumpur")
CITY_TZ = {
    "Singapore": 8,
    "Bangkok": 7,
    "Hong Kong": 8,
    "Los Angeles": -7,
    "Frankfurt": 2,
    "Kuala Lumpur": 8,
}
SUBSIDIARIES = (
    ("Minato Seiki (Thailand) Co., Ltd.", "minato-seiki-th.com", "Bangkok"),
    ("Minato Seiki America, Inc.", "minatoseiki-usa.com", "Los Angeles"),
    ("Minato Seiki Singapore Pte. Ltd.", "minato-seiki-sg.com", "Singapore"),
)


def _f10(rng: random.Random, i: int) -> tuple[Mail, str]:
    tpl_i = i % len(F10_BODIES)
    to = rng.choice((EXEC_FIN, ACCOUNTING, ACCOUNTING))
    sei, mei = _romaji(to)
    ceo_sei, ceo_mei = _romaji(CEO)
    city = rng.choice(CITIES)
    date = _date(rng)
    intl_bank, swift = rng.choice(INTL_BANKS)
    sub, sub_dom, sub_city = rng.choice(SUBSIDIARIES)
    v = {
        "to_sei": _sei(to),
        "to_en": f"{mei.title()}-san"
        if rng.random() < 0.5
        else f"Ms. {sei.title()}"
        if to is EXEC_FIN
        else mei.title(),
        "ex_en": f"{ceo_mei.title()} {ceo_sei.title()}",
        "ceo_en": f"Mr. {ceo_mei.title()} {ceo_sei.title()}, President of Minato Seiki Co., Ltd.",
        "city": city,
        "benef": rng.choice(INTL_BENEFICIARIES),
        "intl_bank": intl_bank,
        "swift": swift,
        "iban": f"{rng.randrange(10**9, 10**10)}{rng.randrange(10, 99)}",
        "usd": f"USD {rng.randrange(38, 240) * 1000 + rng.choice((0, 500, 750)):,}.00",
        "eur": f"EUR {rng.randrange(20, 160) * 1000 + rng.randrange(1000):,}.00",
        "de_iban": f"DE{rng.randrange(10, 99)} 6004 0071 {rng.randrange(1000, 9999)} "
        f"{rng.randrange(1000, 9999)} 00",
        "sub": sub,
        "sub_person": rng.choice(("Somchai Rattanakul", "Jennifer Lau", "Michael Tan", "Priya Raman")),
        "month_en": date.strftime("%B %Y"),
        "inv": f"IC-{date.year}-{rng.randrange(100, 999)}",
        "partner": rng.choice(("Katrin Vogel", "Stefan Brandt", "Julia Hoffmann")),
        "lawyer": rng.choice(("Jonathan Hale", "Catherine Moore", "Richard Ellison")),
    }
    if tpl_i == 2:
        v["city"] = sub_city
    body = F10_BODIES[tpl_i].format(**v).rstrip() + "\n"
    offset = 9
    if tpl_i in (0, 1, 5):
        ex_display = rng.choice(
            (f"{ceo_mei.title()} {ceo_sei.title()}", CEO.name, "Kenichi Takahashi (Minato Seiki)")
        )
        sender = _free_sender(rng, CEO, ex_display)
        tech = "free mail"
        subj = rng.choice(("Urgent", "Wire transfer today", "Are you available?", "Request", "至急 / Urgent"))
        offset = CITY_TZ[city]
        if tpl_i == 1:
            subj = rng.choice(("Are you available?", "Quick task", "Hi"))
    elif tpl_i == 2:
        dom = sub_dom
        local = v["sub_person"].split()[0].lower() + "." + v["sub_person"].split()[1].lower()[:1]
        sender = _domain_sender(rng, f"{v['sub_person']} - {sub}", local, dom)
        tech = "invented subsidiary lookalike"
        subj = f"Updated bank details for intercompany payment / {v['inv']}"
        offset = CITY_TZ[sub_city]
    elif tpl_i == 3:
        dom = rng.choice(("kessler-praezision-gmbh.com", "kessler-prazision.de", "kesslerpraezision.com"))
        sender = _domain_sender(rng, f"{v['partner']} | Kessler Präzisionstechnik", "ar", dom)
        tech = "invented foreign partner lookalike"
        subj = f"Change of bank details / 振込先変更のご案内 {v['inv']}"
        offset = 1 if date.month in (11, 12, 1, 2, 3) else 2
    else:
        dom = rng.choice(("harrington-vale.com", "harringtonvale-llp.com"))
        sender = _domain_sender(
            rng, v["lawyer"], v["lawyer"].split()[0][0].lower() + v["lawyer"].split()[1].lower(), dom
        )
        sender.kind, sender.client = "m365", ""
        tech = "invented law firm domain"
        subj = "Strictly Confidential - Project " + rng.choice(("Orchid", "Falcon", "Harbor", "Summit"))
        offset = rng.choice((0, 1, 8))
    date = date.astimezone(timezone(timedelta(hours=offset)))
    mail = Mail(sender, [_person_addr(to)], subj, body, date)
    mail.charset = "utf-8"
    return mail, tech


BUILDERS = {
    "exec-contact": _f1,
    "exec-payment": _f2,
    "data-request": _f3,
    "deal-deposit": _f4,
    "callback": _f5,
    "supplier-redirect": _f6,
    "gift-card": _f7,
    "payroll-change": _f8,
    "fake-invoice": _f9,
    "english-mixed": _f10,
}


# ---------------------------------------------------------------------------------------------
# wire format

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
QID = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(rng.randbytes(n)).decode()


def _ip(rng: random.Random) -> str:
    return f"{rng.randrange(100, 223)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _ms_id(rng: random.Random, prefix: str) -> str:
    host = f"{prefix}{rng.randrange(1000, 9999)}"
    return f"{host}{_hex(rng, 25).upper()}@{host}.jpnprd01.prod.outlook.com"


def _fold(value: str, width: int = 72) -> str:
    return "\r\n\t".join(value[i : i + width] for i in range(0, len(value), width))


def _rfc2822(d: datetime) -> str:
    return d.strftime("%a, %d %b %Y %H:%M:%S %z")


CODECS = {"iso-2022-jp": "iso2022_jp", "utf-8": "utf-8", "shift_jis": "shift_jis", "us-ascii": "ascii"}


def _ew(text: str, charset: str, label: str, per: int = 10) -> str:
    """RFC 2047 encoded words, each self-contained, keeping a leading ASCII reply prefix."""
    if text.isascii():
        return text
    prefix = ""
    for p in ("Re: RE: ", "Re: ", "RE: ", "Fw: "):
        if text.startswith(p):
            prefix, text = p, text[len(p) :]
            break
    codec = CODECS[charset]
    words = []
    for k in range(0, len(text), per):
        chunk = text[k : k + per].encode(codec)
        words.append(f"=?{label}?B?{base64.b64encode(chunk).decode()}?=")
    return prefix + "\r\n ".join(words)


def _addr(display: str, address: str, charset: str, label: str) -> str:
    if display.isascii():
        return f'"{display}" <{address}>'
    return f"{_ew(display, charset, label, 60)} <{address}>"  # one encoded word, as webmail does


def _encode_body(text: str, charset: str, cte: str) -> bytes:
    codec = CODECS[charset]
    if cte in ("7bit", "8bit"):
        return (
            CRLF.join(text.split("\n")).encode(codec)
            if charset != "iso-2022-jp"
            else b"\r\n".join(ln.encode(codec) for ln in text.split("\n"))
        )
    raw = text.encode(codec)
    if cte == "base64":
        return base64.encodebytes(raw).replace(b"\n", b"\r\n")
    return quopri.encodestring(raw).replace(b"\n", b"\r\n")


def _leaf(ctype: str, charset: str, label: str, cte: str, text: str, extra: str = "") -> bytes:
    head = f"Content-Type: {ctype}; charset={label}{extra}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
    body = _encode_body(text, charset, cte)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    return head.encode("ascii") + body


def _multipart(subtype: str, boundary: str, parts: list[bytes]) -> bytes:
    """A multipart entity: its Content-Type header, a blank line, then the parts."""
    out = f'Content-Type: multipart/{subtype};\r\n\tboundary="{boundary}"\r\n\r\n'.encode()
    for p in parts:
        out += f"--{boundary}\r\n".encode() + p + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def _html_gmail(text: str) -> str:
    divs = "".join(
        "<div><br></div>" if not ln else f"<div>{html.escape(ln)}</div>" for ln in text.split("\n")
    )
    return f'<div dir="ltr">{divs}</div>\n'


def _html_outlook(text: str, label: str) -> str:
    rows = "\n".join(
        f'<p class="MsoNormal">{html.escape(ln) if ln else "<o:p>&nbsp;</o:p>"}<o:p></o:p></p>'
        for ln in text.split("\n")
    )
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n'
        f'<meta http-equiv="Content-Type" content="text/html; charset={label}">\n'
        '</head>\n<body lang="JA" style="word-wrap:break-word">\n<div class="WordSection1">\n'
        f"{rows}\n</div>\n</body>\n</html>\n"
    )


@dataclass
class Infra:
    trace: list[tuple[str, str]]
    extra: list[tuple[str, str]]
    message_id: str
    charset: str
    label: str
    cte: str
    alternative: str  # "", "gmail", "outlook"
    html_cte: str = ""
    order: str = "gmail"


def _dkim(rng: random.Random, d: str, s: str, h: str, t: datetime) -> str:
    return _fold(
        f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={d}; s={s}; t={int(t.timestamp())}; h={h}; "
        f"bh={_b64(rng, 32)}; b={_b64(rng, 256)}"
    )


def _mx_received(rng: random.Random, helo: str, rdns: str, ip: str, to: str, t: datetime) -> tuple[str, str]:
    qid = "4" + "".join(rng.choice(QID) for _ in range(rng.randrange(11, 14)))
    t = t.astimezone(JST) + timedelta(seconds=rng.randrange(1, 9))
    return (
        "Received",
        f"from {helo} ({rdns} [{ip}])\r\n\tby {MX_HOST} (Postfix) with ESMTPS id {qid}\r\n"
        f"\tfor <{to}>; {_rfc2822(t)}",
    )


def _pacific(t: datetime) -> datetime:
    u = t.astimezone(UTC)
    dst = 3 < u.month < 11 or (u.month == 3 and u.day > 9) or (u.month == 11 and u.day < 3)
    return u.astimezone(timezone(timedelta(hours=-7 if dst else -8)))


def _infra(rng: random.Random, mail: Mail) -> Infra:
    s, to, t = mail.sender, mail.to[0][1], mail.date
    utc = t.astimezone(UTC)
    if s.kind == "gmail":
        pool = ("pj1", "pl1", "qk1", "ej1", "oi1", "yb1", "wm1", "ot1")
        host = f"mail-{rng.choice(pool)}-f{rng.randrange(41, 200)}.google.com"
        ip = f"209.85.{rng.choice((128, 160, 166, 208, 210, 214, 216, 218, 221))}.{rng.randrange(2, 250)}"
        pt = _pacific(t)
        pzone = "PDT" if pt.utcoffset() == timedelta(hours=-7) else "PST"
        trace = [
            _mx_received(rng, host, host, ip, to, t),
            (
                "DKIM-Signature",
                _dkim(
                    rng,
                    "gmail.com",
                    "20230601",
                    "to:subject:message-id:date:from:mime-version:from:to:cc:subject:date:message-id:reply-to",
                    t,
                ),
            ),
            (
                "X-Google-DKIM-Signature",
                _dkim(
                    rng,
                    "1e100.net",
                    "20230601",
                    "x-gm-message-state:from:to:cc:subject:date:message-id:reply-to",
                    t,
                ),
            ),
            ("X-Gm-Message-State", _fold("AOJu0Y" + _b64(rng, 90))),
            ("X-Google-Smtp-Source", "AGHT+I" + _b64(rng, 60)),
            (
                "X-Received",
                f"by 2002:a17:90b:{rng.randrange(0x1000, 0xFFFF):x}:b0:{rng.randrange(0x100, 0xFFF):x}:"
                f"{rng.randrange(0x1000, 0xFFFF):x} with SMTP id {_hex(rng, 16)}"
                f"mr{rng.randrange(10**6, 10**7)}pjb.{rng.randrange(10, 99)};\r\n"
                f"        {_rfc2822(pt)} ({pzone})",
            ),
        ]
        mid = (
            "CA"
            + "".join(rng.choice(B64[:-2] + "+_=-") for _ in range(rng.randrange(40, 56)))
            + "@mail.gmail.com"
        )
        cs = mail.charset or "utf-8"
        return Infra(
            trace,
            [],
            mid,
            cs,
            "UTF-8" if cs == "utf-8" else cs.upper(),
            "base64",
            "gmail",
            "quoted-printable",
        )
    if s.kind == "outlook":
        n = rng.randrange(2010, 2099)
        host = "JPN01-TYC-obe.outbound.protection.outlook.com"
        rdns = f"mail-tycjpn01olkn{n}.outbound.protection.outlook.com"
        box = f"TYWP286MB{rng.randrange(1000, 9999)}"
        ll = "fe80::" + ":".join(_hex(rng, 4) for _ in range(4))
        trace = [
            _mx_received(rng, host, rdns, f"40.92.99.{rng.randrange(2, 250)}", to, t),
            (
                "ARC-Seal",
                _fold(f"i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none; b={_b64(rng, 256)}"),
            ),
            (
                "DKIM-Signature",
                _dkim(
                    rng,
                    s.domain,
                    "selector1",
                    "From:Date:Subject:Message-ID:Content-Type:MIME-Version:X-MS-Exchange-SenderADCheck",
                    t,
                ),
            ),
            (
                "Received",
                f"from {box}.JPNP286.PROD.OUTLOOK.COM ([{ll}%7])\r\n"
                f"\tby {box}.JPNP286.PROD.OUTLOOK.COM ([{ll}%7])"
                f" with mapi id 15.20.{rng.randrange(8000, 9300)}.{rng.randrange(10, 40)}; {_rfc2822(utc)}",
            ),
        ]
        mid = f"{box}{_hex(rng, 25).upper()}@{box}.JPNP286.PROD.OUTLOOK.COM"
        extra = [
            ("Thread-Topic", ""),
            ("Thread-Index", "AQH" + _b64(rng, 21)),
            ("Accept-Language", "ja-JP, en-US"),
            ("Content-Language", "ja-JP"),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", ""),
            ("x-ms-publictraffictype", "Email"),
            ("x-tmn", f"[{_b64(rng, 24)}]"),
        ]
        cs = mail.charset or rng.choice(("utf-8", "utf-8", "iso-2022-jp"))
        label = "iso-2022-jp" if cs == "iso-2022-jp" else "utf-8"
        cte = "7bit" if cs == "iso-2022-jp" else "base64"
        return Infra(trace, extra, mid, cs, f'"{label}"', cte, "outlook", cte, "outlook")
    if s.kind == "yahoo":
        n = rng.randrange(100, 999)
        host = f"mta{n}.mail.kks.yahoo.co.jp"
        trace = [
            _mx_received(rng, host, host, f"182.22.{rng.randrange(12, 30)}.{rng.randrange(2, 250)}", to, t),
            (
                "DKIM-Signature",
                _dkim(
                    rng,
                    "yahoo.co.jp",
                    "yj20110701",
                    "Date:From:Reply-To:To:Message-ID:Subject:MIME-Version:Content-Type:Content-Transfer-Encoding",
                    t,
                ),
            ),
            (
                "Received",
                f"from [{_ip(rng)}]"
                f" by web{rng.randrange(1000, 9999)}.mail.ssk.yahoo.co.jp via HTTP; {_rfc2822(t)}",
            ),
        ]
        web = f"web{rng.randrange(1000, 9999)}.mail.ssk.yahoo.co.jp"
        mid = f"{rng.randrange(10**9, 10**10)}.{rng.randrange(10**4, 10**5)}.{int(t.timestamp())}@{web}"
        cs = mail.charset or rng.choice(("iso-2022-jp", "iso-2022-jp", "utf-8"))
        label = "ISO-2022-JP" if cs == "iso-2022-jp" else "UTF-8"
        return Infra(
            trace, [], mid, cs, label, "7bit" if cs == "iso-2022-jp" else "base64", "", order="yahoo"
        )
    if s.kind == "icloud":
        host = f"st43p00im-ztfb{rng.randrange(10000000, 99999999)}.me.com"
        trace = [
            _mx_received(rng, host, host, f"17.58.{rng.randrange(6, 90)}.{rng.randrange(2, 250)}", to, t),
            (
                "DKIM-Signature",
                _dkim(
                    rng,
                    "icloud.com",
                    "1a1hai",
                    "From:Content-Type:Mime-Version:Subject:Message-Id:Date:To",
                    t,
                ),
            ),
            (
                "Received",
                f"from smtpclient.apple (st43p00im-dlb-asmtp-mailmevip.me.com [17.42.251.41])\r\n\tby {host}"
                f" (Postfix) with ESMTPSA id {_hex(rng, 10).upper()}\r\n\tfor <{to}>; {_rfc2822(utc)}",
            ),
        ]
        mid = _uuid(rng).upper() + "@icloud.com"
        extra = [("X-Mailer", f"iPhone Mail (22{rng.choice('ABDEFG')}{rng.randrange(50, 99)})")]
        cs = mail.charset or "utf-8"
        return Infra(
            trace, extra, mid, cs, "utf-8", rng.choice(("base64", "quoted-printable")), "", order="icloud"
        )
    if s.kind == "m365":
        region = rng.choice(
            (
                ("JPN01-OS0-obe", "mail-os0jpn01on", "40.107.74", "TYCPR01MB", "jpnprd01"),
                ("JPN01-TYC-obe", "mail-tycjpn01on", "40.107.114", "OS3PR01MB", "jpnprd01"),
                ("APC01-SG2-obe", "mail-sgaapc01on", "40.107.215", "SEZPR06MB", "apcprd06"),
                ("NAM12-DM6-obe", "mail-dm6nam12on", "40.107.192", "PH7PR12MB", "namprd12"),
            )
        )
        n = rng.randrange(2050, 2130)
        box = f"{region[3]}{rng.randrange(1000, 9999)}"
        fqdn = f"{box}.{region[4]}.prod.outlook.com"
        hub = f"{region[3]}{rng.randrange(1000, 9999)}"
        tenant = str(uuid.UUID(int=random.Random(s.domain).getrandbits(128), version=4))
        trace = [
            _mx_received(
                rng,
                f"{region[0]}.outbound.protection.outlook.com",
                f"{region[1]}{n}.outbound.protection.outlook.com",
                f"{region[2]}.{n % 256}",
                to,
                t,
            ),
            (
                "ARC-Seal",
                _fold(f"i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none; b={_b64(rng, 256)}"),
            ),
            (
                "DKIM-Signature",
                _dkim(
                    rng,
                    s.domain,
                    rng.choice(("selector1", "selector2")),
                    "From:Date:Subject:Message-ID:Content-Type:MIME-Version:X-MS-Exchange-SenderADCheck",
                    t,
                ),
            ),
            (
                "Received",
                f"from {fqdn}\r\n\t(2603:1096:{rng.randrange(0x100, 0xFFF):x}:"
                f"{rng.randrange(0x10, 0xFF):x}::{rng.randrange(0x10, 0xFF):x})"
                f" by {hub}.{region[4]}.prod.outlook.com with\r\n"
                "\tMicrosoft SMTP Server (version=TLS1_2,\r\n\t"
                "cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20."
                f"{rng.randrange(8000, 9300)}.{rng.randrange(10, 40)}; {_rfc2822(utc)}",
            ),
        ]
        mid = f"{box}{_hex(rng, 25).upper()}@{fqdn}"
        extra = [
            ("Thread-Topic", ""),
            ("Thread-Index", "AQH" + _b64(rng, 21)),
            ("Accept-Language", "ja-JP, en-US"),
            ("Content-Language", "ja-JP" if (mail.charset or "") != "utf-8" else "en-US"),
            ("X-MS-Has-Attach", "yes" if mail.attachment else ""),
            ("X-MS-TNEF-Correlator", ""),
            ("X-MS-Exchange-CrossTenant-AuthAs", "Internal"),
            ("X-MS-Exchange-CrossTenant-AuthSource", fqdn),
            ("X-MS-Exchange-CrossTenant-id", tenant),
            ("X-MS-Exchange-Transport-CrossTenantHeadersStamped", fqdn.split(".")[0]),
        ]
        cs = mail.charset or "iso-2022-jp"
        label = '"iso-2022-jp"' if cs == "iso-2022-jp" else '"utf-8"'
        cte = "7bit" if cs == "iso-2022-jp" else "base64"
        return Infra(trace, extra, mid, cs, label, cte, "outlook", cte, "outlook")
    # vps / shared hosting run by the attacker, authenticated for its own lookalike domain
    hosting = rng.choice(
        (
            (lambda ip: f"vmi{rng.randrange(1000000, 2999999)}.contaboserver.net", "161.97"),
            (lambda ip: f"srv{rng.randrange(400000, 800000)}.hstgr.cloud", "31.220"),
            (lambda ip: f"{ip.replace('.', '-')}.vultrusercontent.com"[4:], "139.180"),
            (lambda ip: f"sv{rng.randrange(10000, 16000)}.xserver.jp", "183.90"),
            (
                lambda ip: f"os3-{rng.randrange(300, 399)}-{rng.randrange(10000, 99999)}.vs.sakura.ne.jp",
                "153.127",
            ),
            (lambda ip: f"v{ip.replace('.', '-')}.a0a4.g.tyo1.static.cnode.io", "133.18"),
        )
    )
    ip = f"{hosting[1]}.{rng.randrange(1, 255)}.{rng.randrange(2, 250)}"
    rdns = hosting[0](ip)
    helo = f"mail.{s.domain}"
    sel = rng.choice(("default", "mail", "dkim", f"s{t.year}", "x"))
    client = s.client
    trace = [
        _mx_received(rng, helo, rdns, ip, to, t),
        (
            "DKIM-Signature",
            _dkim(rng, s.domain, sel, "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type", t),
        ),
    ]
    cip = f"{rng.randrange(27, 223)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    qid = "".join(rng.choice("0123456789ABCDEF") for _ in range(10))
    if client == "phpmailer":
        trace.append(("Received", f"by {helo} (Postfix, from userid 1001)\r\n\tid {qid}; {_rfc2822(t)}"))
    elif client == "roundcube":
        trace.append(
            (
                "Received",
                f"from webmail.{s.domain} (localhost [127.0.0.1])\r\n"
                f"\tby {helo} (Postfix) with ESMTPSA id {qid}; {_rfc2822(t)}",
            )
        )
    else:
        trace.append(
            (
                "Received",
                f"from [192.168.{rng.randrange(0, 3)}.{rng.randrange(2, 250)}] (unknown [{cip}])\r\n"
                f"\tby {helo} (Postfix) with ESMTPSA id {qid}\r\n\tfor <{to}>; {_rfc2822(t)}",
            )
        )
    if client == "thunderbird":
        extra = [("User-Agent", "Mozilla Thunderbird")]
        mid = f"{_uuid(rng)}@{s.domain}"
        cs = mail.charset or "utf-8"
        return Infra(trace, extra, mid, cs, "UTF-8" if cs == "utf-8" else cs, "8bit", "", order="vps")
    if client == "roundcube":
        extra = [("User-Agent", "Roundcube Webmail/1.6.9")]
        mid = f"{_hex(rng, 32)}@{s.domain}"
        cs = mail.charset or "utf-8"
        return Infra(trace, extra, mid, cs, "UTF-8", "quoted-printable", "", order="vps")
    if client == "phpmailer":
        extra = [("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)")]
        mid = "".join(rng.choice(B64[:62]) for _ in range(43)) + f"@{helo}"
        cs = mail.charset or "shift_jis"
        return Infra(
            trace, extra, mid, cs, "Shift_JIS" if cs == "shift_jis" else "UTF-8", "base64", "", order="vps"
        )
    if client == "becky":
        extra = [("X-Mailer", "Becky! ver. 2.81.07 [ja]")]
        mid = f"{t:%Y%m%d%H%M%S}.{_hex(rng, 4).upper()}.{_hex(rng, 8).upper()}@{s.domain}"
        cs = mail.charset or "iso-2022-jp"
        label = "ISO-2022-JP" if cs == "iso-2022-jp" else "UTF-8"
        return Infra(
            trace, extra, mid, cs, label, "7bit" if cs == "iso-2022-jp" else "base64", "", order="vps"
        )
    # Outlook desktop sending through the hoster's SMTP
    extra = [
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AQH" + _b64(rng, 21)),
        ("Content-Language", "ja"),
    ]
    mid = f"000{rng.randrange(0, 9)}01dc{_hex(rng, 4)}${_hex(rng, 8)}${_hex(rng, 8)}$@{s.domain}"
    cs = mail.charset or rng.choice(("iso-2022-jp", "iso-2022-jp", "shift_jis"))
    label = {"iso-2022-jp": '"iso-2022-jp"', "shift_jis": '"shift_jis"', "utf-8": '"utf-8"'}[cs]
    cte = "7bit" if cs == "iso-2022-jp" else "base64"
    return Infra(trace, extra, mid, cs, label, cte, "outlook", cte, "outlook")


def _render(rng: random.Random, mail: Mail) -> bytes:
    inf = _infra(rng, mail)
    s = mail.sender
    cs = inf.charset
    if cs in ("iso-2022-jp", "shift_jis"):
        try:
            (mail.subject + mail.body + s.display).encode(CODECS[cs])
        except UnicodeEncodeError:
            cs, inf.label, inf.cte = "utf-8", "UTF-8", "base64"
            inf.html_cte = "base64"
    if mail.body.isascii() and mail.subject.isascii() and s.display.isascii():
        cs, inf.label, inf.cte, inf.html_cte = "us-ascii", "us-ascii", "7bit", "7bit"
    if cs == "iso-2022-jp":
        hcs, hlabel = cs, "iso-2022-jp" if inf.order == "outlook" else "ISO-2022-JP"
    elif cs == "shift_jis":
        hcs, hlabel = cs, "Shift_JIS"
    else:
        hcs, hlabel = "utf-8", "utf-8" if inf.order == "outlook" else "UTF-8"
    subj = _ew(mail.subject, hcs, hlabel)
    envelope = s.address
    ar = (
        f"{MX_HOST};\r\n\tspf=pass smtp.mailfrom={s.domain};\r\n\tdkim=pass header.d={s.domain};\r\n"
        f"\tdmarc={s.dmarc} header.from={s.domain}"
    )
    headers: list[tuple[str, str]] = [("Return-Path", f"<{envelope}>"), ("Authentication-Results", ar)]
    headers += inf.trace
    frm = _addr(s.display, s.address, hcs, hlabel)
    to = ", ".join(_addr(n, a, hcs, hlabel) for n, a in mail.to)
    own: list[tuple[str, str]] = [
        ("From", frm),
        ("To", to),
    ]
    if mail.cc:
        own.append(
            (
                "CC" if inf.order == "outlook" else "Cc",
                ", ".join(_addr(n, a, hcs, hlabel) for n, a in mail.cc),
            )
        )
    if mail.reply_to:
        own.append(("Reply-To", _addr(mail.reply_to[0], mail.reply_to[1], hcs, hlabel)))
    own += [("Subject", subj), ("Date", _rfc2822(mail.date)), ("Message-ID", f"<{inf.message_id}>")]
    if mail.in_reply_to:
        own += [("In-Reply-To", mail.in_reply_to), ("References", "\r\n ".join(mail.references))]
    if inf.order == "gmail":
        order = [
            "MIME-Version",
            "References",
            "In-Reply-To",
            "From",
            "Date",
            "Message-ID",
            "Subject",
            "To",
            "Cc",
            "Reply-To",
        ]
        own.append(("MIME-Version", "1.0"))
        own.sort(key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    else:
        own.append(("MIME-Version", "1.0 (1.0)" if inf.order == "icloud" else "1.0"))
    extra = [(k, subj if k == "Thread-Topic" else v) for k, v in inf.extra]
    headers += own + extra

    plain_extra = "; format=flowed" if inf.order == "vps" and s.client == "thunderbird" else ""
    plain = _leaf("text/plain", cs, inf.label, inf.cte, mail.body, plain_extra)
    if inf.alternative == "gmail":
        hpart = _leaf("text/html", cs, inf.label, inf.html_cte or inf.cte, _html_gmail(mail.body))
        body = _multipart("alternative", f"000000000000{_hex(rng, 16)}", [plain, hpart])
    elif inf.alternative == "outlook":
        hpart = _leaf(
            "text/html",
            cs,
            inf.label,
            inf.html_cte or inf.cte,
            _html_outlook(mail.body, inf.label.strip('"')),
        )
        body = _multipart("alternative", f"_000_{inf.message_id.split('@')[0][:40]}_", [plain, hpart])
    else:
        body = plain
    if mail.attachment:
        fname, data = mail.attachment
        att = (
            f'Content-Type: application/pdf; name="{fname}"\r\n'
            f'Content-Disposition: attachment; filename="{fname}"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n"
        ).encode() + base64.encodebytes(data).replace(b"\n", b"\r\n")
        body = _multipart("mixed", f"----=_NextPart_{_hex(rng, 8)}_{_hex(rng, 8)}", [body, att])
    head = "".join(f"{k}: {v}\r\n" if v else f"{k}:\r\n" for k, v in headers)
    return head.encode("ascii") + body


# ---------------------------------------------------------------------------------------------
# public interface


def _records(seed: int = 1) -> list[Record]:
    out: list[Record] = []
    for family in FAMILIES:
        rng = random.Random(f"ja_bec2/{seed}/{family}")
        for i in range(PER_FAMILY):
            mail, tech = BUILDERS[family](rng, i)
            data = _render(rng, mail)
            out.append(Record(f"{family}-{i:04d}", family, mail, data, tech))
    return out


def messages(split: str = "test", seed: int = 1) -> list[tuple[str, bytes]]:
    """(name, RFC 5322 bytes). Only split "test" exists."""
    if split != "test":
        raise ValueError(f"unknown split {split!r}: only 'test' exists")
    return [(r.name, r.data) for r in _records(seed)]
