"""A seeded, labelled corpus of tables for the DLP quality benchmark: CRM exports, HR lists,
corporate lists and order lists in Japanese and English, in every format of ``tablefiles``.

The point is the hard negatives: member, employee, supplier, order and slip numbers that pass
the My Number or Corporate Number check digit, or Luhn with a real issuer prefix, in about half
the rows of their column — only a detector that reads the column header tells them apart."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from mailwarden.dlp.checks import card_issuer, corporate_number_ok, luhn_ok, my_number_ok

from .tablefiles import FORMATS, Cell, mail_with, write_table

KINDS: tuple[str, ...] = ("crm", "hr", "corporate", "orders")

HEADERS: dict[tuple[str, str], list[str]] = {
    ("ja", "crm"): ["会員番号", "氏名", "電話番号", "メールアドレス", "カード番号", "有効期限"],
    ("en", "crm"): ["Member ID", "Name", "Phone", "Email", "Card number", "Expiry"],
    ("ja", "hr"): ["社員番号", "氏名", "個人番号", "生年月日", "住所"],
    ("en", "hr"): ["Employee ID", "Name", "My Number", "Date of birth", "Address"],
    ("ja", "corporate"): ["取引先コード", "法人番号", "会社名", "所在地", "代表電話"],
    ("en", "corporate"): ["Supplier code", "Corporate number", "Company", "Address", "Phone"],
    ("ja", "orders"): ["注文番号", "注文日", "伝票番号", "商品", "金額"],
    ("en", "orders"): ["Order number", "Order date", "Slip number", "Item", "Amount"],
}
NAMES = {
    ("ja", "crm"): "顧客一覧",
    ("en", "crm"): "customers",
    ("ja", "hr"): "社員名簿",
    ("en", "hr"): "employees",
    ("ja", "corporate"): "取引先一覧",
    ("en", "corporate"): "suppliers",
    ("ja", "orders"): "注文一覧",
    ("en", "orders"): "orders",
}
SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田"]
GIVEN = ["太郎", "花子", "一郎", "美咲", "翔太", "陽子", "健", "由美", "大輔", "さくら", "直樹", "恵"]
FIRST = ["John", "Mary", "James", "Emma", "Robert", "Olivia", "Ken", "Yuki", "David", "Sarah"]
LAST = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Sato", "Suzuki", "Miller", "Davis", "Clark"]
DOMAINS = ["docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp", "gmail.com", "yahoo.co.jp", "example.co.jp"]
PLACES = [
    ("東京都千代田区丸の内", "Marunouchi, Chiyoda-ku, Tokyo", "100-0005"),
    ("大阪府大阪市北区梅田", "Umeda, Kita-ku, Osaka", "530-0001"),
    ("愛知県名古屋市中村区名駅", "Meieki, Nakamura-ku, Nagoya", "450-0002"),
    ("福岡県福岡市博多区博多駅前", "Hakataekimae, Hakata-ku, Fukuoka", "812-0011"),
    ("北海道札幌市中央区北五条西", "Kita 5 Jonishi, Chuo-ku, Sapporo", "060-0005"),
]
COMPANIES = ["東和システム", "山田商事", "北斗物産", "さくら精機", "みらい建設", "日本データサービス"]
ITEMS = {
    "ja": [
        "コピー用紙 A4",
        "トナーカートリッジ",
        "ノートPC",
        "USBメモリ 32GB",
        "事務椅子",
        "ボールペン 10本",
    ],
    "en": ["Copy paper A4", "Toner cartridge", "Laptop", "USB stick 32GB", "Office chair", "Pens (10)"],
}


@dataclass
class TableCase:
    fmt: str
    lang: str  # "ja" or "en"
    kind: str  # one of KINDS
    header: list[str]
    rows: list[list[Cell]]
    expected: set[tuple[str, str]] = field(default_factory=set)  # (detector id, digits or address)
    negatives: set[str] = field(default_factory=set)  # digits that pass a check but are no identifier

    def file(self) -> tuple[str, bytes]:
        """(file name, content) of the table in its format."""
        return write_table(self.fmt, self.header, self.rows, name=NAMES[self.lang, self.kind])

    def mail(self) -> bytes:
        """The whole message carrying the table."""
        filename, content = self.file()
        return mail_with(
            self.fmt, filename, content, subject="資料送付" if self.lang == "ja" else "Documents"
        )


def my_number(rnd: random.Random) -> str:
    body = "".join(str(rnd.randint(0, 9)) for _ in range(11))
    total = sum(int(p) * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(body), 1))
    r = total % 11
    return body + str(0 if r <= 1 else 11 - r)


def corporate(rnd: random.Random) -> str:
    body = "".join(str(rnd.randint(0, 9)) for _ in range(12))
    total = sum(int(p) * (1 if n % 2 else 2) for n, p in enumerate(reversed(body), 1))
    return str(9 - total % 9) + body


def card(rnd: random.Random, prefixes: tuple[str, ...] = ("4", "5", "35", "37", "6011", "2221")) -> str:
    """A number passing Luhn with a real issuer prefix: Visa, Mastercard, JCB, Amex, Discover."""
    prefix = rnd.choice(prefixes)
    length = 15 if prefix == "37" else 16
    if prefix == "35":
        prefix = str(rnd.randint(3528, 3589))
    elif prefix == "5":
        prefix = str(rnd.randint(51, 55))
    elif prefix == "2221":
        prefix = str(rnd.randint(2221, 2720))
    body = prefix + "".join(str(rnd.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    return next(body + c for c in "0123456789" if luhn_ok(body + c))


def grouped(rnd: random.Random, value: str, styles: str = "psh") -> str:
    """``value`` plain (p), in groups of four with spaces (s) or hyphens (h); Amex as 4-6-5."""
    style = rnd.choice(styles)
    if style == "p":
        return value
    cuts = [0, 4, 10, 15] if len(value) == 15 else list(range(0, len(value) + 1, 4))
    return (" " if style == "s" else "-").join(value[a:b] for a, b in itertools.pairwise(cuts))


def passes(value: str) -> bool:
    """Whether a detector without context would take ``value`` for an identifier."""
    return (
        my_number_ok(value)
        or corporate_number_ok(value)
        or (luhn_ok(value) and len(value) >= 15 and card_issuer(value) is not None)
    )


class _Builder:
    def __init__(self, rnd: random.Random, lang: str) -> None:
        self.rnd, self.lang = rnd, lang
        self.expected: set[tuple[str, str]] = set()
        self.negatives: set[str] = set()

    def look_alike(self) -> Callable[[], Cell]:
        """A column of IDs of one length; about half pass a check (hard negatives), the rest fail."""
        rnd = self.rnd
        makers: list[Callable[[random.Random], str]] = [
            my_number,
            corporate,
            partial(card, prefixes=("4", "5", "35")),
        ]
        make = rnd.choice(makers)
        as_int = rnd.random() < 0.4

        def one() -> Cell:
            value = make(rnd)
            if rnd.random() < 0.5:
                self.negatives.add(value)
            else:
                while passes(value):
                    value = value[:-1] + str(rnd.randint(0, 9))
            return int(value) if as_int and len(value) <= 13 and value[0] != "0" else value

        return one

    def name(self) -> str:
        if self.lang == "ja":
            return f"{self.rnd.choice(SURNAMES)} {self.rnd.choice(GIVEN)}"
        return f"{self.rnd.choice(FIRST)} {self.rnd.choice(LAST)}"

    def phone(self, landline: bool = False) -> str:
        rnd = self.rnd
        if landline or rnd.random() < 0.3:
            area = rnd.choice(["3", "6", "52", "92"])
            local = rnd.randint(10 ** (4 - len(area)), 10 ** (5 - len(area)) - 1)  # 03-1234, 052-123
            number = f"0{area}-{local}-{rnd.randint(1000, 9999)}"
        else:
            number = f"0{rnd.choice('789')}0-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}"
        if rnd.random() < 0.3:
            return number.replace("-", "")
        return "+81 " + number[1:] if self.lang == "en" and rnd.random() < 0.5 else number

    def email(self) -> str:
        rnd = self.rnd
        local = rnd.choice(["tanaka", "sato.h", "yamada_t", "k-suzuki", "john.smith", "mary"]) + str(
            rnd.randint(1, 999)
        )
        address = f"{local}@{rnd.choice(DOMAINS)}"
        self.expected.add(("email-address", address))
        return address

    def date(self, start: int, end: int) -> str:
        y, m, d = self.rnd.randint(start, end), self.rnd.randint(1, 12), self.rnd.randint(1, 28)
        if self.lang == "ja":
            return self.rnd.choice([f"{y}/{m:02d}/{d:02d}", f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}"])
        return self.rnd.choice([f"{y}-{m:02d}-{d:02d}", f"{m:02d}/{d:02d}/{y}"])

    def address(self) -> str:
        ja, en, postal = self.rnd.choice(PLACES)
        n = f"{self.rnd.randint(1, 9)}-{self.rnd.randint(1, 30)}-{self.rnd.randint(1, 20)}"
        return f"〒{postal} {ja}{n}" if self.lang == "ja" else f"{n} {en} {postal}"

    def row(self, kind: str, ids: list[Callable[[], Cell]]) -> list[Cell]:
        rnd, ja = self.rnd, self.lang == "ja"
        if kind == "crm":
            number = card(rnd)
            self.expected.add(("credit-card", number))
            expiry = f"{rnd.randint(1, 12):02d}/{rnd.choice(['20', ''])}{rnd.randint(26, 33)}"
            return [ids[0](), self.name(), self.phone(), self.email(), grouped(rnd, number), expiry]
        if kind == "hr":
            mn = my_number(rnd)
            self.expected.add(("jp.my-number", mn))
            shown: Cell = int(mn) if mn[0] != "0" and rnd.random() < 0.3 else grouped(rnd, mn)
            return [ids[0](), self.name(), shown, self.date(1955, 2004), self.address()]
        if kind == "corporate":
            cn = corporate(rnd)
            self.expected.add(("jp.corporate-number", cn))
            shown = int(cn) if rnd.random() < 0.3 else cn
            company = f"株式会社{rnd.choice(COMPANIES)}" if ja else f"{rnd.choice(LAST)} Trading Co., Ltd."
            return [ids[0](), shown, company, self.address(), self.phone(landline=True)]
        yen = rnd.randint(1, 500) * 100
        amounts: list[Cell] = [yen, f"￥{yen:,}" if ja else f"JPY {yen:,}", f"{yen:,}円" if ja else str(yen)]
        amount = rnd.choice(amounts)
        return [ids[0](), self.date(2023, 2025), ids[1](), rnd.choice(ITEMS[self.lang]), amount]


def build_cases(n: int, seed: int, formats: tuple[str, ...] = FORMATS) -> list[TableCase]:
    """Seeded (random.Random(seed)), n cases spread evenly over formats and both languages, each
    5–40 rows; the kinds rotate too."""
    rnd = random.Random(seed)
    combos = [(fmt, lang) for fmt in formats for lang in ("ja", "en")]
    cases = []
    for i in range(n):
        fmt, lang = combos[i % len(combos)]
        kind = KINDS[(i % len(combos) // 2 + i // len(combos)) % len(KINDS)]
        header = list(HEADERS[lang, kind])
        if kind == "hr" and rnd.random() < 0.5:
            header[2] = "マイナンバー" if lang == "ja" else "Individual number"
        b = _Builder(rnd, lang)
        ids = [b.look_alike(), b.look_alike()]
        rows = [b.row(kind, ids) for _ in range(rnd.randint(5, 40))]
        b.negatives -= {v for _, v in b.expected}
        cases.append(TableCase(fmt, lang, kind, header, rows, b.expected, b.negatives))
    return cases


def digits(value: Cell) -> str:
    """Only the digits of a cell."""
    return re.sub(r"\D", "", str(value))
