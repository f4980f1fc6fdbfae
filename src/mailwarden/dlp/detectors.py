"""Detectors of personal data and secrets, Japanese first.

Each detector has an id, a description, a pattern run over normalised text (normalize.py),
an optional validator (check digits, issuer ranges), context words that raise its confidence
when they stand within ``WINDOW`` characters, and whether it needs context at all (a bank
account is just digits without 口座 nearby). Numbers may carry spaces, hyphens of any width
and line breaks between digits; they are found next to kana or kanji because the patterns
look for digit boundaries, not word boundaries. A digit is 0-9 once full-width digits are
folded (normalize.py); digits of other scripts do not make numbers here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..core.i18n import N_
from . import checks

WINDOW = 60


SEP = r"[ \t\r\n-]?"  # what may stand between two digits of one number


def _digits(n: int) -> str:
    """n digits with optional separators, not part of a longer number."""
    return rf"(?<![0-9])(?<![0-9][ -])([0-9](?:{SEP}[0-9]){{{n - 1}}})(?!{SEP}[0-9])"


_NON_DIGIT = re.compile(r"[^0-9]")


def _only_digits(s: str) -> str:
    return _NON_DIGIT.sub("", s)


@dataclass(frozen=True, slots=True)
class Detector:
    id: str
    description: str
    pattern: re.Pattern[str]
    validate: Callable[[str], bool] | None = None
    context: tuple[str, ...] = ()
    needs_context: bool = False
    base: float = 0.8
    secret: bool = False
    #: the context words one match needs by its form, beyond ``needs_context`` (a ゆうちょ
    #: 記号番号 needs ゆうちょ near it, not just any banking word); none: nothing more
    requires: Callable[[str], tuple[str, ...]] | None = None


# Japanese bank accounts, in the forms transfer details are written in:
#  - a 3-digit branch number and a 7-digit account number (123-1234567, 店番 123 口座番号 1234567),
#    with banking words near;
#  - an account type and a 7-digit number (普通 7654321, 当座預金 口座番号 1234567): the type
#    word is the context;
#  - a branch and a 7-digit number (新宿支店 口座番号 1234567, 本店営業部 1234567);
#  - ゆうちょ銀行's 記号 (5 digits starting with 1) and 番号 (7 or 8 digits), labelled
#    (記号 12345 番号 12345671) or joined by a hyphen (12345-12345671), with ゆうちょ near.
# Every form ends in the account number's run of seven or more digits, and starts at most
# ``anchors._BANK_BEFORE`` characters before that run: the finder looks only there.
_ACCOUNT_LABEL = r"(?:[ :#]|口座|番号|No\.?){0,5}"
BANK_ACCOUNT = re.compile(
    r"(?<![0-9])([0-9]{3})[ -]?(?:[^0-9\x1f]{0,12}?)([0-9]{7})(?![0-9])"
    rf"|(?:普通|当座|貯蓄)(?:預金)?{_ACCOUNT_LABEL}([0-9]{{7}})(?![0-9])"
    rf"|(?:支店|出張所|営業部){_ACCOUNT_LABEL}([0-9]{{7}})(?![0-9])"
    r"|記号[ :]{0,2}(1[0-9]{4})[ 、,]{0,2}番号[ :]{0,2}([0-9]{7,8})(?![0-9])"
    r"|(?<![0-9])(1[0-9]{4})[ -]([0-9]{7,8})(?![0-9])"
)
#: words of which one must stand near a ゆうちょ 記号番号
YUCHO = ("ゆうちょ", "郵便貯金", "郵便局", "japan post bank")
_YUCHO_FORM = re.compile(r"記号|1[0-9]{4}[ -][0-9]")


#: words of which one must stand near a branch number and account number (123-1234567):
#: a bank's name alone does not make two numbers an account
ACCOUNT_WORDS = ("口座番号", "普通", "当座", "貯蓄", "支店", "出張所", "営業部", "店番", "振込先")


def bank_account_requires(raw: str) -> tuple[str, ...]:
    """What a bank account match needs near it by its form: a ゆうちょ 記号番号, ゆうちょ (a
    health insurance card has a 記号 and a 番号 too); a branch number and account number, an
    account word (not just 銀行); an account type or branch in the match itself, nothing more."""
    if _YUCHO_FORM.match(raw):
        return YUCHO
    return ACCOUNT_WORDS if raw[:1].isdigit() else ()


PREFECTURES = (
    "北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|新潟県|富山県|"
    "石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|奈良県|和歌山県|鳥取県|島根県|"
    "岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県"
)
# a prefecture, the town and a number; after a postal code (spaces between, not a cell's end)
# it is part of one address, one value with the code
_ADDRESS = rf"(?:{PREFECTURES})[^\s、。]{{2,20}}[0-9０-９一二三四五六七八九十]+"
_ADDRESS_AFTER = rf"[^\S\x1f]{{0,8}}{_ADDRESS}"

DETECTORS: tuple[Detector, ...] = (
    Detector(
        "jp.my-number",
        N_("My Number (individual number, check digit verified)"),
        re.compile(_digits(12)),
        lambda m: checks.my_number_ok(_only_digits(m)),
        ("マイナンバー", "個人番号", "my number", "通知カード"),
    ),
    Detector(
        "jp.corporate-number",
        N_("Corporate Number (check digit verified)"),
        re.compile(_digits(13)),
        lambda m: checks.corporate_number_ok(_only_digits(m)),
        ("法人番号", "corporate number"),
        base=0.6,  # published openly: personal data it is not, but a policy may count it
    ),
    Detector(
        "credit-card",
        N_("Payment card number (Luhn and issuer range verified)"),
        re.compile(rf"(?<![0-9])(?<![0-9][ -])([0-9](?:{SEP}[0-9]){{12,18}})(?!{SEP}[0-9])"),
        lambda m: checks.card_ok(_only_digits(m)),
        (
            "カード番号",
            "クレジットカード",
            "クレカ",
            "card number",
            "credit card",
            "card no",
            "有効期限",
            "expiry",
            "cvv",
            "セキュリティコード",
        ),
    ),
    Detector(
        "jp.bank-account",
        N_("Japanese bank account (account number with its account type, branch or bank; ゆうちょ 記号番号)"),
        BANK_ACCOUNT,
        None,
        (
            "口座番号",
            "普通預金",
            "当座預金",
            "貯蓄預金",
            "普通",
            "当座",
            "貯蓄",
            "支店",
            "出張所",
            "営業部",
            "店番",
            "振込先",
            "銀行",
            "信用金庫",
            "信金",
            "労働金庫",
            "農協",
            "JAバンク",
            *YUCHO,
        ),
        needs_context=True,
        base=0.7,
        requires=bank_account_requires,
    ),
    Detector(
        "jp.passport",
        N_("Japanese passport number"),
        re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}[0-9]{7})(?![A-Za-z0-9])"),
        None,
        ("旅券", "パスポート", "passport"),
        needs_context=True,
    ),
    Detector(
        "jp.drivers-licence",
        N_("Japanese driver's licence number"),
        re.compile(_digits(12)),
        None,
        ("運転免許", "免許証", "driver"),
        needs_context=True,
    ),
    Detector(
        "jp.residence-card",
        N_("Residence card number"),
        re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}[0-9]{8}[A-Z]{2})(?![A-Za-z0-9])"),
        None,
        ("在留カード", "residence card", "特別永住者"),
        base=0.75,
    ),
    Detector(
        "jp.pension-number",
        N_("Basic pension number"),
        re.compile(r"(?<![0-9])([0-9]{4}-?[0-9]{6})(?![0-9])"),
        None,
        ("基礎年金番号", "年金手帳", "pension"),
        needs_context=True,
    ),
    Detector(
        "jp.phone",
        N_("Japanese phone number"),
        re.compile(
            r"(?<![0-9])(0(?:[789]0-?[0-9]{4}-?[0-9]{4}|[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}|120-?[0-9]{3}-?[0-9]{3}))"
            r"(?![0-9])"
            # a fixed line's ten digits together, or a number in groups spaced apart, standing
            # alone (no digit group beside it): a phone only after a phone label or under a
            # phone header (phones.needs_label)
            r"|(?<![0-9][ -])(?<![0-9])(0[1-9](?:[0-9]{8}|[0-9]{0,3} [0-9]{1,4} [0-9]{4}))(?![ -]?[0-9])"
        ),
        None,
        ("電話", "tel", "携帯", "連絡先"),
        base=0.6,
    ),
    Detector(
        "jp.postal-address",
        N_("Japanese postal address (postal code or prefecture)"),
        re.compile(
            rf"(〒\s?\d{{3}}-?\d{{4}}(?:{_ADDRESS_AFTER})?|(?<![0-9])\d{{3}}-\d{{4}}(?![0-9])(?=[^\S\x1f]{{0,8}}(?:{PREFECTURES}))"
            rf"(?:{_ADDRESS_AFTER})?|{_ADDRESS})"
        ),
        None,
        ("住所", "address", "〒"),
        base=0.7,
    ),
    Detector(
        "email-address",
        N_("Email address"),
        re.compile(r"([\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+)"),
        None,
        (),
        base=0.9,
    ),
    Detector(
        "iban",
        N_("IBAN (mod-97 verified)"),
        re.compile(
            r"(?<![A-Za-z0-9])([A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?![A-Za-z0-9])"
        ),
        checks.iban_ok,
        ("iban",),
    ),
    Detector(
        "us.ssn",
        N_("US Social Security number"),
        re.compile(r"(?<![0-9])([0-9]{3})-([0-9]{2})-([0-9]{4})(?![0-9])"),
        lambda m: checks.ssn_ok(*m.split("-")),
        ("ssn", "social security"),
        base=0.6,
    ),
    Detector(
        "secret.aws-access-key",
        N_("AWS access key ID"),
        re.compile(r"(?<![A-Z0-9])((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16})(?![A-Z0-9])"),
        None,
        ("aws", "access key"),
        base=0.95,
        secret=True,
    ),
    Detector(
        "secret.aws-secret-key",
        N_("AWS secret access key"),
        re.compile(r"(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
        None,
        ("aws_secret_access_key", "secret access key", "secretaccesskey", "aws secret"),
        needs_context=True,
        base=0.9,
        secret=True,
    ),
    Detector(
        "secret.private-key",
        N_("Private key"),
        re.compile(r"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)"),
        None,
        (),
        base=0.99,
        secret=True,
    ),
    Detector(
        "secret.api-token",
        N_("API token (GitHub, Slack, Google, Stripe and the like)"),
        re.compile(
            r"(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36}|xox[abposr]-[A-Za-z0-9-]{10,72}|AIza[0-9A-Za-z_-]{35}"
            r"|sk_live_[0-9A-Za-z]{24,99}|glpat-[0-9A-Za-z_-]{20})(?![A-Za-z0-9_])"
        ),
        None,
        (),
        base=0.95,
        secret=True,
    ),
)
BY_ID = {d.id: d for d in DETECTORS}
#: the detectors whose data is about a person (a Corporate Number is published; secrets are
#: not personal data): a table row holding one of these holds personal data
PERSONAL = frozenset(d.id for d in DETECTORS if not d.secret and d.id != "jp.corporate-number")
# Words that say a number is something else: an order, a slip, a phone. Near them a number
# counts only when its own context words stand near it too.
NOT_PERSONAL = (
    "注文番号",
    "受注",
    "発注",
    "伝票",
    "送り状",
    "問い合わせ",
    "問合せ",
    "受付番号",
    "受付no",
    "会員番号",
    "ポイントカード",
    "登記",
    "order",
    "invoice",
    "tracking",
    "waybill",
    "ticket",
    "loyalty card",
    "rewards card",
    "point card",
    "points card",
    "registry",
    "customer id",
    "member id",
    "account id",
    "ean:",
    "jan:",
    "janコード",
    "upc",
    "電話",
    "tel",
    "fax",
)
# A number that is one identifier is not also another: the stronger claim wins on overlap.
PRECEDENCE = ("credit-card", "jp.my-number", "jp.corporate-number", "jp.drivers-licence", "jp.pension-number")


@dataclass(frozen=True, slots=True)
class Match:
    detector: str
    value: str  # normalised, separators removed for numbers; never shown unmasked
    start: int  # offsets in the original text
    end: int
    confidence: float

    @property
    def masked(self) -> str:
        if self.detector == "jp.postal-address":
            return self.value[:4] + "…"
        if self.detector == "jp.bank-account":  # the last four digits, as a bank's own letters do
            return "*" * (len(self.value) - 4) + self.value[-4:]
        return mask(self.value, secret=BY_ID[self.detector].secret)


def mask(value: str, *, secret: bool = False) -> str:
    """Enough to recognise, not enough to use: 4111 **** **** 1111, t***@example.jp, AKIA…"""
    if secret:
        return value[:4] + "…" if len(value) > 8 else "…"
    if "@" in value:
        local, domain = value.rsplit("@", 1)
        return f"{local[:1]}***@{domain}"
    digits = value.replace("-", "").replace(" ", "")
    if len(digits) >= 12:
        groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
        return " ".join([groups[0], *(["****"] * (len(groups) - 2)), groups[-1]])
    if len(value) > 4:
        return "*" * (len(value) - 4) + value[-4:]
    return "*" * len(value)


def unique_counts(matches: list[Match]) -> dict[str, int]:
    """Unique instances per detector: the same card twice is one card."""
    seen: dict[str, set[str]] = {}
    for m in matches:
        seen.setdefault(m.detector, set()).add(m.value)
    return {k: len(v) for k, v in sorted(seen.items())}
