"""A blind test set for DLP table detection: whole messages carrying the tables small Japanese and
English companies really mail out, written without knowledge of the detector's rules.

``build_blind_cases(n, seed)`` returns ``n`` :class:`BlindCase` objects, spread evenly over twelve
formats (``BLIND_FORMATS``: the tablefiles formats plus ``"xlsx-layout"``, a workbook written here
with title rows, a margin column, two tables on a sheet, several sheets and hidden sheets).

Scenarios (``kind`` is ``"<scenario>-<layout>"``): ``staff`` (employee roster with My Numbers),
``dependents`` (扶養親族 with their My Numbers, paired with staff), ``vendors`` (vendor master with
corporate numbers, invoice T-numbers and 会社法人等番号), ``payments`` (card payment export with
order numbers, some cards masked), ``members`` (loyalty members with point-card numbers),
``products`` (product master with JAN codes, sometimes a supplier's corporate number),
``shipments`` (shipping list with 12-digit waybill numbers), ``tickets`` (support desk log with
free-text notes), ``form`` (key/value forms: 扶養控除等申告書, card payment application, vendor
registration and their English counterparts) and ``unlabeled`` (a table without a header, or with
a neutral one such as 番号 / No.). Layouts: ``plain``, ``title`` (a title line, sometimes a second
line, a blank row, then the header on row 3 or 4), ``wide`` (15-25 columns, identifiers far right),
``stacked`` and ``side`` (two tables one below the other / side by side), ``kv`` (forms),
``noheader`` / ``neutral`` (unlabeled) and ``multisheet`` (xlsx-layout: a summary sheet, the
table, often a hidden sheet with a second table). A ``+hidden`` suffix marks an xlsx whose table
sits on a hidden sheet or whose last (identifier) column is hidden.

Rules used for ``expected`` and ``negatives``:

* Every identifier here is generated with a valid check digit, unless said otherwise. A value is
  expected when the column header, the form label or the words right before it in free text name
  the identifier: 個人番号 / マイナンバー / My Number / Individual Number -> jp.my-number; 法人番号 /
  Corporate Number -> jp.corporate-number; カード番号 / クレカ / Card # / CC / PAN / credit card ->
  credit-card. "Tax ID" names a My Number in a staff table (12 digits, Japanese staff) and a
  corporate number in a vendor table (13 digits): that is what a Japanese company's tax ID is.
  It stays expected whatever its layout or writing (spaces, hyphens, full-width digits, numeric
  cell, hidden sheet or column, title rows above, far-right column of a wide sheet).
* An invoice registration number ("T" + 13 digits) only appears next to the same company's 法人番号
  column, so its digits are expected through that column.
* Masked card numbers (4111-****-****-1111) and the occasional identifier with a wrong check digit
  (a typo, in an identifier column) are in neither set. US SSNs, 基礎年金番号, 雇用保険被保険者番号,
  phone numbers, postal codes, dates and amounts are in neither set unless their digits pass a
  check (then they are negatives).
* A value whose digits pass a check (12 digits: My Number; 13: corporate number; 12-19 digits with
  a card network prefix: Luhn) is a negative when its column header, label or the words before it
  name something else: order / ticket / waybill / reference / invoice / account / member numbers,
  point (loyalty) cards, JAN / EAN codes, 会社法人等番号. Such columns pass the check at 10-100 %
  (the header decides, not the pass rate).
* A column with no header or a neutral one (番号, No., ID, コード, Number, #, empty) is read the
  way a careful reviewer would: its values are expected only when every non-empty value passes
  that identifier's check (cards: with a network prefix), there are at least four of them and the
  rest of the table says what they are (names with birth dates -> My Number, company names ->
  corporate number, expiry dates -> card number). Otherwise most values fail the check (the
  generator lets at most 40 % of such a column pass, and at least one), the column holds
  arbitrary numbers (dates, amounts, maybe names next to it) and the passing ones are negatives.
  No generated unlabeled column sits between those two cases.
* Every e-mail address in a table cell or in a form value is expected, whatever its header
  (an address is self-evidently one), also when written as ``名前 <address>``. The addresses in
  the message's own From/To header fields are not part of any table and are not listed.
"""

from __future__ import annotations

import html
import io
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from mailwarden.dlp.checks import card_issuer, corporate_number_ok, luhn_ok, my_number_ok
from tests.support.tablefiles import mail_with, write_table

Cell = str | int

BLIND_FORMATS: tuple[str, ...] = (
    "xlsx-layout",
    "xlsx",
    "xls",
    "ods",
    "csv-utf8",
    "csv-sjis",
    "csv-utf16",
    "docx",
    "pptx",
    "html",
    "pdf",
    "text",
)
MY_NUMBER = "jp.my-number"
CORPORATE = "jp.corporate-number"
CARD = "credit-card"
EMAIL = "email-address"


@dataclass
class BlindCase:
    fmt: str  # a tablefiles FORMATS name or "xlsx-layout"
    lang: str  # "ja" | "en"
    kind: str  # "<scenario>-<layout>"
    data: bytes  # the whole RFC 5322 message
    expected: set[tuple[str, str]]  # (detector, value) that must be reported
    negatives: set[str]  # digits-only values that pass a check digit but are not identifiers


# --------------------------------------------------------------------------------------------
# check digits


def passes_any(digits: str) -> bool:
    """Whether a digits-only value passes one of the identifier checks."""
    if not digits.isdigit():
        return False
    n = len(digits)
    if n == 12 and my_number_ok(digits):
        return True
    if n == 13 and corporate_number_ok(digits):
        return True
    return 12 <= n <= 19 and luhn_ok(digits) and card_issuer(digits) is not None


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _with_last(body: str, ok: Callable[[str], bool]) -> str:
    for c in "0123456789":
        if ok(body + c):
            return body + c
    raise AssertionError(body)


def _my_number(rng: random.Random) -> str:
    while True:
        first = "0" if rng.random() < 0.08 else rng.choice("123456789")
        value = _with_last(first + _digits(rng, 10), my_number_ok)
        if not (luhn_ok(value) and card_issuer(value)):  # never also a card-like number
            return value


_OFFICES = ("0100", "0104", "0105", "0107", "0110", "0111", "1200", "1300", "1800", "2000", "3700", "4000")


def _corporate_body(rng: random.Random) -> str:
    return rng.choice(_OFFICES) + rng.choice(("01", "01", "01", "02", "03", "05")) + _digits(rng, 6)


def _corporate(rng: random.Random, body: str | None = None) -> str:
    while True:
        b = body if body is not None else _corporate_body(rng)
        for c in "123456789":
            if corporate_number_ok(c + b) and not (luhn_ok(c + b) and card_issuer(c + b)):
                return c + b
        if body is not None:  # this registry number cannot make an unambiguous corporate number
            body = None


_CARD_PREFIXES = (
    ("4", 16),
    ("4", 16),
    ("4", 16),
    ("51", 16),
    ("52", 16),
    ("53", 16),
    ("54", 16),
    ("55", 16),
    ("2221", 16),
    ("2720", 16),
    ("3528", 16),
    ("3540", 16),
    ("3566", 16),
    ("3589", 16),
    ("34", 15),
    ("37", 15),
    ("36", 14),
    ("6011", 16),
)


def _card(rng: random.Random) -> str:
    prefix, length = rng.choice(_CARD_PREFIXES)
    value = _with_last(prefix + _digits(rng, length - len(prefix) - 1), luhn_ok)
    assert card_issuer(value) is not None
    return value


def _forced(rng: random.Random, make: Callable[[random.Random], str], passing: bool) -> str:
    """A value from ``make`` that passes (or fails) every identifier check as asked."""
    for _ in range(500):
        value = make(rng)
        if passes_any(value) == passing:
            return value
    raise AssertionError("no value of the asked kind")


def _order12(rng: random.Random) -> str:
    d = date(2026, 1, 1) + timedelta(days=rng.randint(0, 330))
    return f"{d:%Y%m%d}{_digits(rng, 4)}"


def _waybill12(rng: random.Random) -> str:
    return rng.choice("2345") + _digits(rng, 11)


def _plain12(rng: random.Random) -> str:
    return rng.choice("123456789") + _digits(rng, 11)


def _plain13(rng: random.Random) -> str:
    return rng.choice("123456789") + _digits(rng, 12)


def _jan13(rng: random.Random) -> str:
    body = rng.choice(("45", "49")) + _digits(rng, 10)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _issuer16(rng: random.Random) -> str:
    prefix = rng.choice(("4", "4", "5", "35", "6011", "3"))
    if prefix == "5":
        prefix = rng.choice(("51", "52", "53", "54", "55"))
    elif prefix == "35":
        prefix = str(rng.randint(3528, 3589))
    elif prefix == "3":
        prefix = "36"
    return prefix + _digits(rng, 16 - len(prefix))


def _order16(rng: random.Random) -> str:
    d = date(2026, 1, 1) + timedelta(days=rng.randint(0, 330))
    return f"4{d:%y%m%d}{_digits(rng, 9)}"


def _touki12(rng: random.Random) -> str:
    return _corporate_body(rng)


_NEG_MAKERS: dict[str, Callable[[random.Random], str]] = {
    "order12": _order12,
    "waybill12": _waybill12,
    "plain12": _plain12,
    "plain13": _plain13,
    "jan13": _jan13,
    "issuer16": _issuer16,
    "order16": _order16,
    "touki12": _touki12,
}


# --------------------------------------------------------------------------------------------
# writing numbers

_FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def _groups(n: int) -> tuple[int, ...]:
    return {12: (4, 4, 4), 13: (1, 4, 4, 4), 14: (4, 6, 4), 15: (4, 6, 5), 16: (4, 4, 4, 4)}.get(n, (n,))


def _split(d: str) -> list[str]:
    out, i = [], 0
    for g in _groups(len(d)):
        out.append(d[i : i + g])
        i += g
    return out


def write_digits(d: str, style: str, numeric: bool) -> Cell:
    """``d`` written as ``style``: plain, int (a numeric cell where the format has them), space,
    hyphen, fw (full-width digits) or fw-hyphen."""
    if style == "int":
        return int(d) if numeric and d[0] != "0" and len(d) <= 15 else d
    if style == "space":
        return " ".join(_split(d))
    if style == "hyphen":
        return "-".join(_split(d))
    if style == "fw":
        return d.translate(_FULLWIDTH)
    if style == "fw-hyphen":
        return "-".join(_split(d)).translate(_FULLWIDTH)
    return d


# --------------------------------------------------------------------------------------------
# people, companies and other plain values

_SURNAMES = (
    ("佐藤", "sato", "サトウ"),
    ("鈴木", "suzuki", "スズキ"),
    ("高橋", "takahashi", "タカハシ"),
    ("田中", "tanaka", "タナカ"),
    ("伊藤", "ito", "イトウ"),
    ("渡辺", "watanabe", "ワタナベ"),
    ("山本", "yamamoto", "ヤマモト"),
    ("中村", "nakamura", "ナカムラ"),
    ("小林", "kobayashi", "コバヤシ"),
    ("加藤", "kato", "カトウ"),
    ("吉田", "yoshida", "ヨシダ"),
    ("山田", "yamada", "ヤマダ"),
    ("佐々木", "sasaki", "ササキ"),
    ("松本", "matsumoto", "マツモト"),
    ("井上", "inoue", "イノウエ"),
    ("木村", "kimura", "キムラ"),
    ("清水", "shimizu", "シミズ"),
    ("池田", "ikeda", "イケダ"),
    ("橋本", "hashimoto", "ハシモト"),
    ("森", "mori", "モリ"),
)
_GIVEN = (
    ("太郎", "taro", "タロウ"),
    ("花子", "hanako", "ハナコ"),
    ("健太", "kenta", "ケンタ"),
    ("美咲", "misaki", "ミサキ"),
    ("翔太", "shota", "ショウタ"),
    ("陽菜", "hina", "ヒナ"),
    ("大輔", "daisuke", "ダイスケ"),
    ("由美", "yumi", "ユミ"),
    ("直樹", "naoki", "ナオキ"),
    ("愛", "ai", "アイ"),
    ("誠", "makoto", "マコト"),
    ("恵子", "keiko", "ケイコ"),
    ("拓也", "takuya", "タクヤ"),
    ("さくら", "sakura", "サクラ"),
)
_WESTERN = (
    ("James", "Smith"),
    ("Mary", "Johnson"),
    ("Robert", "Brown"),
    ("Linda", "Miller"),
    ("Michael", "Davis"),
    ("Sarah", "Wilson"),
    ("David", "Taylor"),
    ("Emily", "Clark"),
    ("Daniel", "Walker"),
    ("Laura", "Young"),
)
_FREE_MAIL = (
    "gmail.com",
    "yahoo.co.jp",
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "icloud.com",
    "outlook.jp",
    "i.softbank.jp",
    "nifty.com",
    "hotmail.co.jp",
    "biglobe.ne.jp",
)
_STEMS = (
    ("さくら", "sakura", "Sakura"),
    ("青葉", "aoba", "Aoba"),
    ("東邦", "toho", "Toho"),
    ("北斗", "hokuto", "Hokuto"),
    ("みどり", "midori", "Midori"),
    ("大和", "yamato", "Yamato"),
    ("富士見", "fujimi", "Fujimi"),
    ("朝日", "asahi", "Asahi"),
    ("若葉", "wakaba", "Wakaba"),
    ("丸高", "marutaka", "Marutaka"),
    ("光和", "kowa", "Kowa"),
    ("瀬戸内", "setouchi", "Setouchi"),
)
_COMPANY_FORMS = (
    ("株式会社{}", "{} Co., Ltd.", "co"),
    ("{}商事株式会社", "{} Shoji K.K.", "shoji"),
    ("有限会社{}工業", "{} Kogyo Ltd.", "kogyo"),
    ("{}建設株式会社", "{} Construction Inc.", "kensetsu"),
    ("合同会社{}", "{} LLC", "llc"),
    ("株式会社{}フーズ", "{} Foods K.K.", "foods"),
    ("{}物流株式会社", "{} Logistics Co., Ltd.", "logi"),
)
_PLACES = (
    ("東京都", "新宿区西新宿", "Nishi-Shinjuku, Shinjuku-ku, Tokyo"),
    ("東京都", "港区芝浦", "Shibaura, Minato-ku, Tokyo"),
    ("大阪府", "大阪市北区梅田", "Umeda, Kita-ku, Osaka"),
    ("神奈川県", "横浜市中区山下町", "Yamashita-cho, Naka-ku, Yokohama"),
    ("愛知県", "名古屋市中村区名駅", "Meieki, Nakamura-ku, Nagoya"),
    ("福岡県", "福岡市博多区博多駅前", "Hakata-ekimae, Hakata-ku, Fukuoka"),
    ("北海道", "札幌市中央区北一条西", "Kita-Ichijo-Nishi, Chuo-ku, Sapporo"),
    ("埼玉県", "さいたま市大宮区桜木町", "Sakuragi-cho, Omiya-ku, Saitama"),
)
_DEPTS = {
    "ja": ("総務部", "営業部", "製造部", "経理部", "開発部", "物流センター"),
    "en": ("Admin", "Sales", "Plant", "Finance", "R&D"),
}


@dataclass
class _Person:
    kanji: str
    kana: str
    first: str
    last: str
    birth: date
    western: bool = False

    def name(self, lang: str) -> str:
        if lang == "ja" and not self.western:
            return self.kanji
        return f"{self.first.title()} {self.last.title()}"


@dataclass
class _Company:
    ja: str
    en: str
    domain: str

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


# --------------------------------------------------------------------------------------------
# the generator: values and the truth they carry


class _Gen:
    def __init__(self, rng: random.Random, lang: str, numeric: bool) -> None:
        self.rng = rng
        self.lang = lang
        self.numeric = numeric
        self.expected: set[tuple[str, str]] = set()
        self.negatives: set[str] = set()

    def ja(self) -> bool:
        return self.lang == "ja"

    def pick(self, ja: Sequence[str], en: Sequence[str]) -> str:
        return self.rng.choice(ja if self.ja() else en)

    # plain values

    def person(self, adult: bool = True) -> _Person:
        rng = self.rng
        birth = date(rng.randint(1958, 2003) if adult else rng.randint(2008, 2024), rng.randint(1, 12), 1)
        birth += timedelta(days=rng.randint(0, 27))
        if self.lang == "en" and rng.random() < 0.3:
            first, last = rng.choice(_WESTERN)
            return _Person(last, last, first.lower(), last.lower(), birth, western=True)
        sur, given = rng.choice(_SURNAMES), rng.choice(_GIVEN)
        return _Person(
            f"{sur[0]} {given[0]}" if rng.random() < 0.7 else sur[0] + given[0],
            f"{sur[2]} {given[2]}",
            given[1],
            sur[1],
            birth,
        )

    def company(self) -> _Company:
        stem, romaji, title = self.rng.choice(_STEMS)
        ja, en, word = self.rng.choice(_COMPANY_FORMS)
        tld = self.rng.choice(("co.jp", "co.jp", "jp", "com"))
        return _Company(
            ja.format(stem), en.format(title), f"{romaji}-{word}.{tld}" if word != "co" else f"{romaji}.{tld}"
        )

    def date_text(self, d: date, birth: bool = False) -> str:
        rng = self.rng
        if self.ja():
            style = rng.choice(("slash", "slash", "hyphen", "kanji", "era"))
            if style == "slash":
                return f"{d.year}/{d.month:02d}/{d.day:02d}"
            if style == "hyphen":
                return f"{d:%Y-%m-%d}"
            if style == "kanji":
                return f"{d.year}年{d.month}月{d.day}日"
            if d.year >= 2019:
                return f"R{d.year - 2018}.{d.month}.{d.day}"
            if d.year >= 1989:
                return f"H{d.year - 1988}.{d.month}.{d.day}"
            return f"S{d.year - 1925}.{d.month}.{d.day}"
        style = rng.choice(("us", "iso", "text"))
        if style == "us":
            return f"{d.month:02d}/{d.day:02d}/{d.year}"
        if style == "iso":
            return f"{d:%Y-%m-%d}"
        return f"{d.day} {d:%b} {d.year}"

    def recent(self) -> str:
        return self.date_text(date(2026, 1, 5) + timedelta(days=self.rng.randint(0, 320)))

    def phone(self) -> str:
        rng = self.rng
        style = rng.choice(("land", "mobile", "mobile", "free", "intl", "bare"))
        if style == "land":
            return (
                rng.choice(("03", "06", "045", "052", "092"))
                + f"-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
            )
        if style == "mobile":
            return f"0{rng.choice('789')}0-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        if style == "free":
            return f"0120-{rng.randint(100, 999)}-{rng.randint(100, 999)}"
        if style == "intl":
            digits = f"81{rng.choice('789')}0{rng.randint(10000000, 99999999)}"
            self.negative(digits)
            return f"+81 {digits[2:4]} {digits[4:8]} {digits[8:]}"
        return f"0{rng.choice('789')}0{rng.randint(10000000, 99999999)}"

    def postal(self) -> str:
        code = f"{self.rng.randint(100, 999)}-{self.rng.randint(0, 9999):04d}"
        return ("〒" + code) if self.ja() and self.rng.random() < 0.4 else code

    def address(self) -> str:
        pref, city, en = self.rng.choice(_PLACES)
        n = f"{self.rng.randint(1, 5)}-{self.rng.randint(1, 20)}-{self.rng.randint(1, 30)}"
        if self.ja():
            return f"{pref}{city}{n}" + self.rng.choice(("", "", " 第2ビル3F", " メゾン桜201"))
        return f"{n} {en}"

    def amount(self) -> Cell:
        value = self.rng.randint(5, 4000) * 100 - self.rng.choice((0, 0, 20, 80))
        style = self.rng.choice(("int", "yen", "text"))
        if style == "int":
            return value if self.numeric else str(value)
        if style == "yen":
            return f"￥{value:,}" if self.ja() else f"JPY {value:,}"
        return f"{value:,}円" if self.ja() else f"${value / 100:,.2f}"

    def email(self, p: _Person | None = None, company: _Company | None = None, display: bool = False) -> str:
        rng = self.rng
        p = p or self.person()
        first, last = p.first, p.last
        local = rng.choice(
            (
                f"{first}.{last}",
                f"{last}.{first}",
                f"{first[0]}.{last}",
                f"{last}{rng.randint(1, 99)}",
                f"{first}_{last}{p.birth.year % 100:02d}",
                f"{last}-{first[0]}",
            )
        )
        domain = company.domain if company is not None else rng.choice(_FREE_MAIL)
        address = f"{local}@{domain}"
        self.expected.add((EMAIL, address))
        if display and rng.random() < 0.5:
            return f"{p.name(self.lang)} <{address}>"
        return address

    # identifiers and look-alikes

    def ident(self, detector: str, digits: str, style: str) -> Cell:
        self.expected.add((detector, digits))
        return write_digits(digits, style, self.numeric)

    def negative(self, digits: str) -> None:
        if passes_any(digits):
            self.negatives.add(digits)

    def neg_cell(self, digits: str, style: str) -> Cell:
        self.negative(digits)
        return write_digits(digits, style, self.numeric)

    def style(self, kind: str) -> str:
        """A column's writing style for an identifier kind."""
        rng = self.rng
        if kind == "mn":
            styles = ["plain", "plain", "int", "space", "hyphen", "hyphen"]
        elif kind == "corp":
            styles = ["plain", "plain", "plain", "int"]
        elif kind == "card":
            styles = ["plain", "plain", "space", "hyphen", "hyphen"]
        else:
            styles = ["plain", "plain", "int"]
        if self.ja():
            styles.append("fw" if kind != "card" else rng.choice(("fw", "plain")))
        return rng.choice(styles)

    def vary(self, style: str, kind: str = "mn") -> str:
        """Mostly the column's style, now and then another one (hand-typed rows)."""
        if self.rng.random() < 0.15:
            if kind == "corp":
                return self.rng.choice(("plain", "fw" if self.ja() else "plain"))
            return self.rng.choice(("plain", "space", "hyphen", "fw" if self.ja() else "plain"))
        return style

    def id_column(
        self,
        detector: str,
        n: int,
        style: str,
        *,
        empty: float = 0.0,
        typo: bool = False,
        values: list[str] | None = None,
    ) -> list[Cell]:
        """A column of identifiers: all valid, some cells empty or "未提出", maybe one typo."""
        rng = self.rng
        make = {MY_NUMBER: _my_number, CORPORATE: _corporate, CARD: _card}[detector]
        cells: list[Cell] = []
        typo_row = rng.randrange(n) if typo and n > 3 else -1
        for i in range(n):
            if rng.random() < empty:
                cells.append(rng.choice(("", "", "未提出" if self.ja() else "pending", "-")))
                continue
            value = values[i] if values is not None else make(rng)
            if i == typo_row:
                bad = _forced(rng, lambda r, v=value: v[:-1] + r.choice("0123456789"), False)
                cells.append(write_digits(bad, self.vary(style), self.numeric))
                continue
            cells.append(
                self.ident(detector, value, self.vary(style, "corp" if detector == CORPORATE else ""))
            )
        return cells

    def neg_column(
        self, maker: str, n: int, rate: float, style: str, *, cap: float | None = None
    ) -> list[Cell]:
        """A column of look-alikes, ``rate`` of them passing a check (at most ``cap`` of them, and
        then at least one, when given: an unlabeled column must not look like real identifiers)."""
        rng = self.rng
        flags = [rng.random() < rate for _ in range(n)]
        if cap is not None:
            passing = [i for i, f in enumerate(flags) if f]
            rng.shuffle(passing)
            for i in passing[max(1, int(cap * n)) :]:
                flags[i] = False
        return [self.neg_cell(_forced(rng, _NEG_MAKERS[maker], f), style) for f in flags]

    def hard_rate(self) -> float:
        return self.rng.choice((0.1, 0.15, 0.3, 0.5, 0.6, 0.8, 0.9, 1.0))

    def masked(self, card: str) -> str:
        style = self.rng.choice(("a", "b", "c"))
        if style == "a":
            return f"{card[:4]}-****-****-{card[-4:]}"
        if style == "b":
            return "*" * (len(card) - 4) + card[-4:]
        return f"{card[:6]}{'*' * (len(card) - 10)}{card[-4:]}"

    # free text

    def note(self, topics: Sequence[str]) -> str:
        """A remarks cell: mostly plain words, sometimes an identifier or a look-alike with the words
        that name it."""
        rng = self.rng
        topic = rng.choice([*topics, "plain", "plain", "plain"])
        ja = self.ja()
        style = rng.choice(("plain", "space", "hyphen", "fw" if ja else "plain"))
        if topic == "mn":
            value = _my_number(rng)
            self.expected.add((MY_NUMBER, value))
            text = str(write_digits(value, style, False))
            return rng.choice(
                (
                    "マイナンバー {} 確認済",
                    "個人番号カード写し受領（個人番号 {}）",
                    "個人番号：{} ※通知カードより転記",
                    "本人確認済 マイナンバー{}",
                )
                if ja
                else (
                    "My Number {} received",
                    "Individual Number {} copied from card",
                    "my number: {} (verified)",
                )
            ).format(text)
        if topic == "corp":
            value = _corporate(rng)
            self.expected.add((CORPORATE, value))
            text = str(write_digits(value, "fw" if style == "fw" else "plain", False))
            return rng.choice(
                ("法人番号 {} 国税庁サイトで確認済", "合併により新法人番号 {} に変更")
                if ja
                else ("Corporate number {} checked on the NTA site", "new corporate no. {} after merger")
            ).format(text)
        if topic == "card":
            value = _card(rng)
            self.expected.add((CARD, value))
            text = str(write_digits(value, "plain" if style == "fw" else style, False))
            if ja:
                return rng.choice(
                    (
                        "カード番号 {} にて決済済み",
                        "クレカ番号 {}（電話で聴取）要削除",
                        "クレジットカード {} 与信NGのため再決済",
                    )
                ).format(text)
            template = rng.choice(
                (
                    "Card ending {last}; full no. {v} on file",
                    "card number {v} declined, retried",
                    "customer read credit card {v} over the phone",
                )
            )
            return template.format(v=text, last=value[-4:])
        if topic == "email":
            address = self.email(display=False)
            return rng.choice(
                ("請求書は {} 宛に送付", "連絡先メール変更 → {}", "CC: {}")
                if ja
                else ("send invoices to {}", "cc {}", "new contact: {}")
            ).format(address)
        if topic in ("order", "track", "point", "ticket"):
            maker = {"order": "order12", "track": "waybill12", "point": "issuer16", "ticket": "plain12"}[
                topic
            ]
            value = _forced(rng, _NEG_MAKERS[maker], rng.random() < 0.7)
            self.negative(value)
            text = str(
                write_digits(value, "hyphen" if topic == "track" and rng.random() < 0.5 else "plain", False)
            )
            templates = {
                "order": (
                    ("注文番号 {} で再発送済", "受注No.{} と同梱"),
                    ("Order {} reshipped", "see order no. {}"),
                ),
                "track": (
                    ("お問い合わせ伝票番号 {} 持戻り", "再配達 伝票番号 {}"),
                    ("tracking {} returned to sender", "redelivery, waybill {}"),
                ),
                "point": (
                    ("ポイントカード {} にポイント付与", "ポイントカード番号 {} 統合済"),
                    ("loyalty card {} credited", "points merged into point card {}"),
                ),
                "ticket": (("受付No.{} 参照", "前回問い合わせ {} と同件"), ("dup of ticket #{}", "ref {}")),
            }[topic]
            return rng.choice(templates[0] if ja else templates[1]).format(text)
        return rng.choice(
            (
                "",
                "",
                "要確認",
                "再送依頼あり",
                "11/5 電話済",
                "住所変更あり",
                "ー",
                "対応中",
                "ご本人より連絡あり",
            )
            if ja
            else ("", "", "Called back 11/3", "VIP", "address changed", "pending", "n/a", "refund issued")
        )


# --------------------------------------------------------------------------------------------
# header words

_H_MY_NUMBER = (
    (
        "個人番号",
        "マイナンバー",
        "個人番号（マイナンバー）",
        "マイナンバー(12桁)",
        "ﾏｲﾅﾝﾊﾞｰ",
        "個人番号(12桁)",
        "本人 個人番号",
        "個人番号/ﾏｲﾅﾝﾊﾞｰ",
        "マイナンバー（個人番号）",
        "個人番号 ※取扱注意",
        "ﾏｲﾅﾝﾊﾞｰ(本人)",
    ),
    (
        "My Number",
        "MyNumber",
        "Individual Number",
        "Individual No.",
        "My Number (12 digits)",
        "Personal No. (My Number)",
        "Tax ID",
        "Tax ID (My Number)",
        "my_number",
        "INDIVIDUAL_NO",
    ),
)
_H_SPOUSE = (
    ("配偶者 個人番号", "配偶者マイナンバー", "配偶者の個人番号"),
    ("Spouse My Number", "Spouse Individual No."),
)
_H_DEPENDENT = (
    ("個人番号", "扶養親族 個人番号", "マイナンバー", "ﾏｲﾅﾝﾊﾞｰ"),
    ("Individual Number", "Dependent's My Number", "My Number"),
)
_H_CORP = (
    (
        "法人番号",
        "法人番号(13桁)",
        "法人No",
        "法人番号（国税庁）",
        "法人番号 13桁",
        "法人ＮＯ．",
        "取引先法人番号",
    ),
    (
        "Corporate Number",
        "Corporate No.",
        "Corp. No. (Japan)",
        "Tax ID",
        "Houjin Bangou",
        "corporate_number",
        "Company Tax ID",
    ),
)
_H_CARD = (
    (
        "カード番号",
        "カード番号(16桁)",
        "ｶｰﾄﾞNo",
        "クレカ番号",
        "クレジットカード番号",
        "クレジットカードNo.",
        "決済カード番号",
        "ｸﾚｼﾞｯﾄｶｰﾄﾞ番号",
        "カードＮｏ．",
        "クレカNo",
    ),
    (
        "Card #",
        "CC Number",
        "PAN",
        "Card Number",
        "Credit Card",
        "CC#",
        "card_no",
        "Card No.",
        "Credit card number",
        "Payment card no.",
    ),
)
_H_EMAIL = (
    (
        "メールアドレス",
        "E-mail",
        "Eメール",
        "連絡先メール",
        "メアド",
        "ﾒｰﾙｱﾄﾞﾚｽ",
        "PCメール",
        "携帯メール",
        "Ｅメール",
        "メール",
        "ご連絡先（メール）",
    ),
    ("Email", "E-mail", "Email Address", "e-mail addr.", "Contact email", "Mail", "EMAIL", "Billing email"),
)
_H_ORDER = (
    ("注文番号", "受注番号", "受注No", "Order No.", "オーダー番号", "ご注文番号"),
    ("Order No.", "Order #", "Order ID", "order_number"),
)
_H_WAYBILL = (
    ("お問い合わせ伝票番号", "伝票番号", "伝票No", "追跡番号", "送り状番号", "問合せ番号"),
    ("Tracking No.", "Tracking #", "Waybill", "Shipment ID"),
)
_H_TICKET = (
    ("受付No.", "受付番号", "問い合わせ番号", "チケット番号", "整理番号"),
    ("Ticket", "Ticket #", "Case No.", "Ref", "Reference no.", "Request ID"),
)
_H_POINT = (
    ("ポイントカード番号", "ポイントカードNo", "ポイントカード", "ポイント会員番号"),
    ("Loyalty card no.", "Point card #", "Rewards card", "Points card number"),
)
_H_MEMBER = (
    ("会員証番号", "会員番号", "顧客ID", "顧客番号", "お客様番号"),
    ("Member No.", "Customer ID", "Account ID", "Account no."),
)
_H_JAN = (
    ("JANコード", "JAN", "ＪＡＮコード", "バーコード", "商品バーコード"),
    ("JAN", "EAN", "Barcode", "EAN/JAN code", "UPC/EAN"),
)
_H_INVOICE = (
    ("請求書番号", "管理No", "管理番号", "整理番号", "伝票No"),
    ("Invoice #", "Invoice No.", "Ref", "Control No."),
)
_H_TOUKI = (("会社法人等番号",), ("Company registry no.", "Commercial registry no."))
_H_NEUTRAL = (("番号", "No.", "No", "ＮＯ．", "コード", "ID", ""), ("No.", "Number", "#", "ID", "Code", ""))


def _h(g: _Gen, words: tuple[Sequence[str], Sequence[str]]) -> str:
    return g.pick(words[0], words[1])


# --------------------------------------------------------------------------------------------
# tables


@dataclass
class _Column:
    header: str
    cells: list[Cell]
    ident: bool = False


@dataclass
class _Table:
    title: list[str]
    columns: list[_Column] = field(default_factory=list)
    form: list[list[Cell]] | None = None  # key/value rows of a form

    def add(self, header: str, cells: Sequence[Cell], ident: bool = False) -> None:
        self.columns.append(_Column(header, list(cells), ident))


def _titles(g: _Gen, ja: str, en: str) -> list[str]:
    rng = g.rng
    month = rng.randint(1, 12)
    if g.ja():
        lines = [
            rng.choice(
                (f"{ja}一覧 2026年{month}月", f"{ja}リスト（2026/{month:02d}現在）", f"【社外秘】{ja}一覧")
            )
        ]
        if rng.random() < 0.5:
            lines.append(
                rng.choice(
                    ("作成日：2026/11/05　総務部", "※取扱注意　社外秘", f"出力日時 2026/{month:02d}/28 17:02")
                )
            )
    else:
        lines = [
            rng.choice(
                (
                    f"{en} list - {date(2026, month, 1):%B} 2026",
                    f"{en} (as of 2026-{month:02d}-01)",
                    f"CONFIDENTIAL - {en}",
                )
            )
        ]
        if rng.random() < 0.5:
            lines.append(
                rng.choice(("Prepared by: Admin dept.", "Internal use only", "Exported 2026-11-05 17:02"))
            )
    return lines


def _staff(g: _Gen, n: int) -> _Table:
    rng, ja = g.rng, g.ja()
    t = _Table(_titles(g, "社員名簿", "Employee roster"))
    people = [g.person() for _ in range(n)]
    t.add(
        g.pick(("社員番号", "社員No", "従業員番号", "社員コード"), ("Employee ID", "Emp. No.", "Staff code")),
        [
            f"{rng.randint(100, 99999):05d}" if rng.random() < 0.7 else f"E{rng.randint(1, 999):04d}"
            for _ in people
        ],
    )
    t.add(
        g.pick(("氏名", "名前", "従業員氏名", "氏名（漢字）"), ("Name", "Full name", "Employee")),
        [p.name(g.lang) for p in people],
    )
    if ja and rng.random() < 0.5:
        t.add(rng.choice(("フリガナ", "ﾌﾘｶﾞﾅ", "氏名カナ")), [p.kana for p in people])
    if rng.random() < 0.7:
        t.add(
            g.pick(("所属", "部署", "部門"), ("Dept.", "Department")),
            [rng.choice(_DEPTS[g.lang]) for _ in people],
        )
    t.add(
        g.pick(("生年月日", "誕生日"), ("Date of birth", "DOB", "Birth date")),
        [g.date_text(p.birth, True) for p in people],
    )
    ssn = not ja and rng.random() < 0.3
    header = _h(g, _H_MY_NUMBER)
    if ssn and header.startswith("Tax"):
        header = "My Number"
    t.add(
        header,
        g.id_column(MY_NUMBER, n, g.style("mn"), empty=rng.choice((0.0, 0.1, 0.2)), typo=rng.random() < 0.1),
        ident=True,
    )
    if ssn:
        t.add(
            rng.choice(("SSN", "SSN (US staff)")),
            [
                f"{rng.randint(100, 665):03d}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
                if rng.random() < 0.4
                else ""
                for _ in people
            ],
        )
    if rng.random() < 0.3:
        t.add(_h(g, _H_SPOUSE), g.id_column(MY_NUMBER, n, g.style("mn"), empty=0.5), ident=True)
    if rng.random() < 0.3:
        t.add(
            g.pick(("基礎年金番号", "年金番号"), ("Pension no.",)),
            [f"{rng.randint(1000, 9999)}-{rng.randint(100000, 999999)}" for _ in people],
        )
    if rng.random() < 0.6:
        t.add(
            g.pick(("電話番号", "携帯番号", "緊急連絡先"), ("Phone", "Mobile")), [g.phone() for _ in people]
        )
    if rng.random() < 0.6:
        t.add(_h(g, _H_EMAIL), [g.email(p) for p in people])
    if rng.random() < 0.4:
        t.add(
            g.pick(("備考", "メモ", "特記事項"), ("Notes", "Memo", "Remarks")),
            [g.note(("mn", "email")) for _ in people],
        )
    return t


def _dependents(g: _Gen, n: int) -> _Table:
    rng = g.rng
    t = _Table(_titles(g, "扶養親族", "Dependents"))
    rows = [
        (g.person(), rng.choice(("配偶者", "長男", "長女", "次男", "母")), g.person(adult=rng.random() < 0.4))
        for _ in range(n)
    ]
    t.add(g.pick(("社員番号", "社員No"), ("Employee ID",)), [f"{rng.randint(100, 99999):05d}" for _ in rows])
    t.add(g.pick(("本人氏名", "従業員氏名"), ("Employee",)), [r[0].name(g.lang) for r in rows])
    t.add(g.pick(("扶養親族氏名", "氏名"), ("Dependent", "Name")), [r[2].name(g.lang) for r in rows])
    rel = {"配偶者": "Spouse", "長男": "Son", "長女": "Daughter", "次男": "Son", "母": "Mother"}
    t.add(g.pick(("続柄",), ("Relationship",)), [r[1] if g.ja() else rel[r[1]] for r in rows])
    t.add(g.pick(("生年月日",), ("Date of birth",)), [g.date_text(r[2].birth, True) for r in rows])
    t.add(_h(g, _H_DEPENDENT), g.id_column(MY_NUMBER, n, g.style("mn"), empty=0.1), ident=True)
    if rng.random() < 0.5:
        t.add(g.pick(("同居区分",), ("Lives with",)), [g.pick(("同居", "別居"), ("yes", "no")) for _ in rows])
    return t


def _vendors(g: _Gen, n: int) -> _Table:
    rng = g.rng
    t = _Table(_titles(g, "取引先", "Vendor master"))
    companies = [g.company() for _ in range(n)]
    touki_rate = g.hard_rate()
    bodies = [_forced(rng, _touki12, rng.random() < touki_rate) for _ in companies]
    corps = [_corporate(rng, b) for b in bodies]
    bodies = [c[1:] for c in corps]
    t.add(
        g.pick(("取引先コード", "仕入先CD", "取引先No"), ("Vendor code", "Supplier ID")),
        [
            f"V{rng.randint(1, 9999):04d}" if rng.random() < 0.5 else str(rng.randint(100000, 999999))
            for _ in companies
        ],
    )
    t.add(
        g.pick(("会社名", "取引先名", "商号"), ("Company", "Vendor name")),
        [c.name(g.lang) for c in companies],
    )
    t.add(
        _h(g, _H_CORP),
        g.id_column(CORPORATE, n, g.style("corp"), values=corps, typo=rng.random() < 0.1),
        ident=True,
    )
    if rng.random() < 0.4:
        t.add(
            g.pick(
                ("適格請求書発行事業者登録番号", "インボイス登録番号", "登録番号"),
                ("Invoice reg. no.", "T-number"),
            ),
            ["T" + c for c in corps],
        )
    if rng.random() < 0.4:
        for b in bodies:
            g.negative(b)
        t.add(_h(g, _H_TOUKI), [b if rng.random() < 0.5 else f"{b[:4]}-{b[4:6]}-{b[6:]}" for b in bodies])
    t.add(g.pick(("郵便番号", "〒"), ("Postal code", "ZIP")), [g.postal() for _ in companies])
    t.add(
        g.pick(("所在地", "住所", "本店所在地"), ("Address", "Head office")), [g.address() for _ in companies]
    )
    t.add(g.pick(("代表電話", "電話番号", "TEL"), ("Phone", "Tel")), [g.phone() for _ in companies])
    if rng.random() < 0.7:
        contacts = [g.person() for _ in companies]
        t.add(g.pick(("担当者", "ご担当者名"), ("Contact",)), [p.name(g.lang) for p in contacts])
        t.add(_h(g, _H_EMAIL), [g.email(p, c) for p, c in zip(contacts, companies, strict=True)])
    if rng.random() < 0.4:
        t.add(
            g.pick(("支払条件",), ("Payment terms",)),
            [
                g.pick(("月末締め翌月末払い", "20日締め翌月10日払い"), ("Net 30", "EOM + 30"))
                for _ in companies
            ],
        )
    if rng.random() < 0.3:
        t.add(g.pick(("備考", "メモ"), ("Notes",)), [g.note(("corp", "email")) for _ in companies])
    return t


def _payments(g: _Gen, n: int) -> _Table:
    rng = g.rng
    t = _Table(_titles(g, "決済データ", "Card payments"))
    people = [g.person() for _ in range(n)]
    maker = rng.choice(("order12", "order16", "plain12"))
    t.add(_h(g, _H_ORDER), g.neg_column(maker, n, g.hard_rate(), rng.choice(("plain", "int"))))
    t.add(g.pick(("注文日", "受注日", "決済日"), ("Order date", "Date")), [g.recent() for _ in people])
    t.add(
        g.pick(("お客様名", "顧客名", "カード名義"), ("Customer", "Cardholder")),
        [p.name(g.lang) if rng.random() < 0.8 else f"{p.first.upper()} {p.last.upper()}" for p in people],
    )
    if rng.random() < 0.7:
        t.add(_h(g, _H_EMAIL), [g.email(p) for p in people])
    style = g.style("card")
    masked = rng.choice((0.0, 0.0, 0.3, 0.6))
    cards: list[Cell] = []
    for _ in people:
        value = _card(rng)
        cards.append(g.masked(value) if rng.random() < masked else g.ident(CARD, value, g.vary(style)))
    t.add(_h(g, _H_CARD), cards, ident=True)
    t.add(
        g.pick(("有効期限", "期限(MM/YY)"), ("Expiry", "Exp. date", "Valid thru")),
        [f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}" for _ in people],
    )
    t.add(g.pick(("金額", "決済金額", "合計(税込)"), ("Amount", "Total")), [g.amount() for _ in people])
    t.add(
        g.pick(("ステータス", "決済状況"), ("Status",)),
        [
            g.pick(("承認", "売上確定", "取消", "与信NG"), ("captured", "authorized", "voided", "declined"))
            for _ in people
        ],
    )
    if rng.random() < 0.3:
        t.add(_h(g, _H_POINT), g.neg_column("issuer16", n, g.hard_rate(), rng.choice(("plain", "space"))))
    if rng.random() < 0.4:
        t.add(
            g.pick(("備考", "メモ", "Memo"), ("Memo", "Notes", "Remarks")),
            [g.note(("card", "order", "point")) for _ in people],
        )
    return t


def _members(g: _Gen, n: int) -> _Table:
    rng = g.rng
    t = _Table(_titles(g, "ポイント会員", "Loyalty members"))
    people = [g.person() for _ in range(n)]
    maker = rng.choice(("plain12", "plain13", "plain12"))
    t.add(_h(g, _H_MEMBER), g.neg_column(maker, n, g.hard_rate(), rng.choice(("plain", "int"))))
    t.add(g.pick(("氏名", "会員氏名"), ("Name", "Member")), [p.name(g.lang) for p in people])
    t.add(
        _h(g, _H_POINT),
        g.neg_column("issuer16", n, g.hard_rate(), rng.choice(("plain", "plain", "space", "hyphen"))),
    )
    if rng.random() < 0.4:
        t.add(
            g.pick(("会員証番号",), ("Member card no.",)), g.neg_column("plain13", n, g.hard_rate(), "plain")
        )
    t.add(g.pick(("入会日", "登録日"), ("Joined", "Sign-up date")), [g.recent() for _ in people])
    t.add(
        g.pick(("ポイント残高", "保有ポイント"), ("Points", "Balance (pt)")),
        [rng.randint(0, 20000) if g.numeric else str(rng.randint(0, 20000)) for _ in people],
    )
    if rng.random() < 0.8:
        t.add(_h(g, _H_EMAIL), [g.email(p) for p in people])
    if rng.random() < 0.5:
        t.add(g.pick(("電話番号", "TEL"), ("Phone",)), [g.phone() for _ in people])
    if rng.random() < 0.3:
        t.add(g.pick(("備考", "メモ"), ("Notes",)), [g.note(("point", "email")) for _ in people])
    return t


_PRODUCTS = {
    "ja": (
        "有機緑茶 100g",
        "玄米 5kg",
        "濃口醤油 1L",
        "ほうじ茶ティーバッグ 20P",
        "煎餅詰め合わせ",
        "梅干し 500g",
        "味噌 1kg",
    ),
    "en": (
        "Organic green tea 100g",
        "Brown rice 5kg",
        "Soy sauce 1L",
        "Hojicha tea bags 20p",
        "Rice cracker box",
    ),
}


def _products(g: _Gen, n: int) -> _Table:
    rng = g.rng
    t = _Table(_titles(g, "商品マスタ", "Product master"))
    t.add(
        g.pick(("商品コード", "品番", "SKU"), ("SKU", "Item code")),
        [f"{rng.choice('ABCK')}-{rng.randint(100, 9999)}" for _ in range(n)],
    )
    t.add(
        g.pick(("商品名", "品名"), ("Product", "Description")),
        [rng.choice(_PRODUCTS[g.lang]) for _ in range(n)],
    )
    t.add(_h(g, _H_JAN), g.neg_column("jan13", n, g.hard_rate(), rng.choice(("plain", "int"))))
    t.add(g.pick(("入数", "ケース入数"), ("Case qty",)), [str(rng.choice((6, 12, 24, 48))) for _ in range(n)])
    t.add(g.pick(("単価", "卸単価", "税抜単価"), ("Unit price", "Price")), [g.amount() for _ in range(n)])
    t.add(g.pick(("在庫数", "在庫"), ("Stock", "On hand")), [str(rng.randint(0, 900)) for _ in range(n)])
    if rng.random() < 0.4:
        companies = [g.company() for _ in range(n)]
        t.add(g.pick(("仕入先", "メーカー"), ("Supplier", "Maker")), [c.name(g.lang) for c in companies])
        t.add(
            _h(g, _H_CORP)
            if rng.random() < 0.5
            else g.pick(("仕入先法人番号",), ("Supplier corporate no.",)),
            g.id_column(CORPORATE, n, g.style("corp")),
            ident=True,
        )
    return t


def _shipments(g: _Gen, n: int) -> _Table:
    rng = g.rng
    t = _Table(_titles(g, "出荷", "Shipments"))
    people = [g.person() for _ in range(n)]
    t.add(g.pick(("出荷日", "発送日"), ("Ship date",)), [g.recent() for _ in people])
    t.add(
        _h(g, _H_WAYBILL),
        g.neg_column("waybill12", n, g.hard_rate(), rng.choice(("plain", "hyphen", "hyphen", "int"))),
    )
    t.add(
        g.pick(("お届け先", "お届け先氏名", "受取人"), ("Recipient", "Ship to")),
        [p.name(g.lang) for p in people],
    )
    t.add(g.pick(("郵便番号", "〒"), ("ZIP", "Postal code")), [g.postal() for _ in people])
    t.add(g.pick(("お届け先住所", "住所"), ("Address",)), [g.address() for _ in people])
    t.add(g.pick(("電話番号", "お届け先TEL"), ("Phone",)), [g.phone() for _ in people])
    if rng.random() < 0.6:
        t.add(_h(g, _H_EMAIL), [g.email(p) for p in people])
    t.add(g.pick(("品名",), ("Item",)), [rng.choice(_PRODUCTS[g.lang]) for _ in people])
    t.add(g.pick(("個数", "口数"), ("Pieces",)), [str(rng.randint(1, 5)) for _ in people])
    if rng.random() < 0.4:
        t.add(_h(g, _H_ORDER), g.neg_column("order12", n, g.hard_rate(), "plain"))
    if rng.random() < 0.3:
        t.add(g.pick(("備考", "配達メモ"), ("Notes",)), [g.note(("track", "order")) for _ in people])
    return t


def _tickets(g: _Gen, n: int) -> _Table:
    rng = g.rng
    t = _Table(_titles(g, "問い合わせ対応履歴", "Support tickets"))
    people = [g.person() for _ in range(n)]
    t.add(
        _h(g, _H_TICKET),
        g.neg_column(rng.choice(("plain12", "issuer16", "order12")), n, g.hard_rate(), "plain"),
    )
    t.add(g.pick(("受付日", "日付"), ("Opened", "Date")), [g.recent() for _ in people])
    t.add(g.pick(("お客様名", "顧客名"), ("Customer",)), [p.name(g.lang) for p in people])
    t.add(_h(g, _H_EMAIL), [g.email(p, display=True) for p in people])
    t.add(
        g.pick(("件名", "内容"), ("Subject", "Topic")),
        [
            g.pick(
                ("配送遅延", "返品依頼", "請求書再発行", "カード決済エラー", "会員情報変更", "年末調整書類"),
                ("Late delivery", "Return request", "Invoice copy", "Card payment error", "Account update"),
            )
            for _ in people
        ],
    )
    if rng.random() < 0.4:
        t.add(_h(g, _H_INVOICE), g.neg_column(rng.choice(("plain12", "plain13")), n, g.hard_rate(), "plain"))
    t.add(
        g.pick(("対応メモ", "備考", "メモ"), ("Memo", "Notes", "Agent notes")),
        [g.note(("mn", "card", "corp", "email", "order", "point", "ticket", "track")) for _ in people],
    )
    t.add(
        g.pick(("ステータス", "対応状況"), ("Status",)),
        [g.pick(("対応中", "完了", "保留"), ("open", "closed", "on hold")) for _ in people],
    )
    return t


def _unlabeled(g: _Gen, n: int, neutral: bool) -> _Table:
    """A table read without a (telling) header; see the module docstring for the rule."""
    rng = g.rng
    n = max(n, 5)
    kind = rng.choice(("mn", "card", "corp", "neg", "neg"))
    topic = {"mn": ("従業員", "Staff"), "card": ("決済", "Payments"), "corp": ("取引先", "Partners")}
    t = _Table(_titles(g, *topic.get(kind, ("処理状況", "Processing"))))

    def h(word: str) -> str:
        return word if neutral else ""

    nh = _h(g, _H_NEUTRAL) if neutral else ""
    if kind == "mn":
        people = [g.person() for _ in range(n)]
        t.add(h(g.pick(("氏名",), ("Name",))), [p.name(g.lang) for p in people])
        t.add(h(g.pick(("生年月日",), ("DOB",))), [g.date_text(p.birth, True) for p in people])
        t.add(nh, g.id_column(MY_NUMBER, n, g.style("mn")), ident=True)
        if rng.random() < 0.5:
            t.add(h(g.pick(("住所",), ("Address",))), [g.address() for _ in people])
    elif kind == "card":
        people = [g.person() for _ in range(n)]
        t.add(h(g.pick(("名義",), ("Name",))), [f"{p.first.upper()} {p.last.upper()}" for p in people])
        t.add(nh, g.id_column(CARD, n, g.style("card")), ident=True)
        t.add(
            h(g.pick(("期限",), ("Exp",))),
            [f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}" for _ in people],
        )
        t.add(h(g.pick(("金額",), ("Amount",))), [g.amount() for _ in people])
    elif kind == "corp":
        companies = [g.company() for _ in range(n)]
        t.add(h(g.pick(("会社名",), ("Company",))), [c.name(g.lang) for c in companies])
        t.add(nh, g.id_column(CORPORATE, n, g.style("corp")), ident=True)
        t.add(h(g.pick(("所在地",), ("Address",))), [g.address() for _ in companies])
    else:
        maker = rng.choice(("plain12", "order12", "plain13", "jan13", "issuer16", "waybill12"))
        t.add(h(g.pick(("日付",), ("Date",))), [g.recent() for _ in range(n)])
        if rng.random() < 0.5:
            t.add(h(g.pick(("氏名",), ("Name",))), [g.person().name(g.lang) for _ in range(n)])
        t.add(nh, g.neg_column(maker, n, rng.choice((0.1, 0.2, 0.3, 0.4)), "plain", cap=0.4))
        t.add(h(g.pick(("金額",), ("Amount",))), [g.amount() for _ in range(n)])
        t.add(
            h(g.pick(("状態",), ("Status",))),
            [g.pick(("済", "未", "保留"), ("done", "open")) for _ in range(n)],
        )
    if rng.random() < 0.4:
        t.add(h(g.pick(("連絡先",), ("Contact",))), [g.email() for _ in range(n)])
    return t


def _form(g: _Gen) -> _Table:
    """A key/value form: label then value."""
    rng, ja = g.rng, g.ja()
    which = rng.choice(("dependents", "card", "vendor"))
    p = g.person()
    rows: list[list[Cell]] = []

    def mn(label: str) -> None:
        rows.append([label, g.ident(MY_NUMBER, _my_number(rng), g.style("mn"))])

    if which == "dependents":
        title = "令和8年分 給与所得者の扶養控除等（異動）申告書" if ja else "Employee onboarding form"
        rows += [
            [g.pick(("氏名", "氏名："), ("Name",)), p.name(g.lang)],
            [g.pick(("フリガナ",), ("Name (kana)",)), p.kana],
            [g.pick(("生年月日",), ("Date of birth",)), g.date_text(p.birth, True)],
            [g.pick(("住所",), ("Address",)), g.address()],
        ]
        mn(
            g.pick(
                ("個人番号", "あなたの個人番号", "個人番号（マイナンバー）："),
                ("Individual Number (My Number)", "My Number"),
            )
        )
        if rng.random() < 0.6:
            rows.append([g.pick(("メールアドレス",), ("Email",)), g.email(p)])
        rows.append([g.pick(("配偶者の氏名",), ("Spouse name",)), g.person().name(g.lang)])
        mn(_h(g, _H_SPOUSE))
        for i in range(rng.randint(0, 2)):
            rows.append(
                [
                    g.pick((f"控除対象扶養親族({i + 1}) 氏名",), (f"Dependent {i + 1} name",)),
                    g.person(False).name(g.lang),
                ]
            )
            mn(g.pick((f"控除対象扶養親族({i + 1}) 個人番号",), (f"Dependent {i + 1} Individual Number",)))
        rows.append([g.pick(("提出日",), ("Submitted",)), g.recent()])
        rows.append([_h(g, _H_TICKET), g.neg_cell(_forced(rng, _plain12, rng.random() < 0.6), "plain")])
        rows.append([g.pick(("社員番号",), ("Employee ID",)), f"{rng.randint(100, 99999):05d}"])
    elif which == "card":
        title = "クレジットカード決済 申込書" if ja else "Credit card authorization form"
        card = _card(rng)
        rows += [
            [g.pick(("お名前", "ご契約者名"), ("Cardholder name",)), p.name(g.lang)],
            [g.pick(("メールアドレス", "Eメール"), ("Billing email", "Email")), g.email(p)],
            [g.pick(("電話番号",), ("Phone",)), g.phone()],
            [_h(g, _H_CARD), g.ident(CARD, card, g.style("card"))],
            [g.pick(("有効期限",), ("Expiry",)), f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}"],
            [g.pick(("カード名義",), ("Name on card",)), f"{p.first.upper()} {p.last.upper()}"],
        ]
        if rng.random() < 0.7:
            rows.append([_h(g, _H_MEMBER), g.neg_cell(_forced(rng, _plain13, rng.random() < 0.6), "plain")])
        if rng.random() < 0.7:
            rows.append(
                [
                    g.pick(("申込番号", "受付No."), ("Reference no.", "Invoice #")),
                    g.neg_cell(_forced(rng, _order16, rng.random() < 0.7), "plain"),
                ]
            )
        if rng.random() < 0.5:
            rows.append([_h(g, _H_POINT), g.neg_cell(_forced(rng, _issuer16, rng.random() < 0.7), "space")])
    else:
        title = "取引先登録申請書" if ja else "Vendor registration form"
        c = g.company()
        corp = _corporate(rng, _forced(rng, _touki12, rng.random() < 0.5))
        rows += [
            [g.pick(("会社名", "商号"), ("Company name",)), c.name(g.lang)],
            [_h(g, _H_CORP), g.ident(CORPORATE, corp, g.style("corp"))],
        ]
        if rng.random() < 0.6:
            rows.append([_h(g, _H_TOUKI), g.neg_cell(corp[1:], "plain")])
        rows += [
            [g.pick(("所在地",), ("Address",)), g.address()],
            [g.pick(("代表電話",), ("Phone",)), g.phone()],
            [g.pick(("ご担当者",), ("Contact",)), p.name(g.lang)],
            [g.pick(("ご担当者メール", "メール"), ("Contact email",)), g.email(p, c)],
            [_h(g, _H_INVOICE), g.neg_cell(_forced(rng, _plain12, rng.random() < 0.6), "plain")],
        ]
        if rng.random() < 0.5:
            rows.append(
                [
                    g.pick(("代表商品JANコード",), ("Main product EAN",)),
                    g.neg_cell(_forced(rng, _jan13, rng.random() < 0.7), "plain"),
                ]
            )
    if rng.random() < 0.4:  # two label/value pairs a row
        if len(rows) % 2:
            rows.append(["", ""])
        rows = [rows[i] + rows[i + 1] for i in range(0, len(rows), 2)]
    return _Table([title], form=rows)


# (Japanese header, English header, kind of values)
_FILLERS: tuple[tuple[str, str, str], ...] = (
    ("都道府県", "State", "pref"),
    ("市区町村", "City", "city"),
    ("建物名", "Building", "building"),
    ("FAX", "Fax", "phone"),
    ("性別", "Gender", "gender"),
    ("年齢", "Age", "age"),
    ("登録日", "Created", "date"),
    ("更新日", "Updated", "date"),
    ("前回購入日", "Last order", "date"),
    ("担当者", "Owner", "owner"),
    ("ステータス", "Status", "status"),
    ("区分", "Segment", "segment"),
    ("ランク", "Tier", "segment"),
    ("フラグ", "Flag", "flag"),
    ("DM可否", "Opt-in", "flag"),
    ("累計金額", "LTV", "amount"),
    ("流入元", "Source", "source"),
    ("支店", "Branch", "branch"),
    ("予備1", "Custom 1", "spare"),
    ("予備2", "Custom 2", "spare"),
    ("予備3", "Custom 3", "spare"),
)


def _filler(g: _Gen, kind: str) -> Cell:
    rng = g.rng
    if kind == "pref":
        return rng.choice(_PLACES)[0] if g.ja() else rng.choice(("Tokyo", "Osaka", "Aichi", "Fukuoka"))
    if kind == "city":
        return rng.choice(_PLACES)[1] if g.ja() else rng.choice(_PLACES)[2].split(", ", 1)[1]
    if kind == "building":
        return g.pick(("", "", "第2ビル3F", "メゾン桜201"), ("", "", "Bldg. 2, 3F", "Sakura Heights 201"))
    if kind == "phone":
        return g.phone() if rng.random() < 0.5 else ""
    if kind == "gender":
        return g.pick(("男", "女", ""), ("M", "F", ""))
    if kind == "age":
        return str(rng.randint(18, 80))
    if kind == "date":
        return g.recent()
    if kind == "owner":
        return g.person().name(g.lang)
    if kind == "flag":
        return rng.choice(("0", "1", "TRUE", "FALSE"))
    if kind == "amount":
        return g.amount()
    if kind == "segment":
        return rng.choice(("A", "B", "C", g.pick(("一般", "VIP"), ("regular", "VIP"))))
    if kind == "source":
        return g.pick(("Web", "紹介", "店頭", "展示会"), ("Web", "Referral", "Store", "Trade show"))
    if kind == "branch":
        return g.pick(("本店", "大阪支店", "名古屋営業所"), ("HQ", "Osaka", "Nagoya"))
    if kind == "status":
        return g.pick(("有効", "休眠", "解約", ""), ("active", "dormant", "closed", ""))
    return ""


def _far(c: _Column) -> bool:
    """An identifier column or a column of long numbers: the columns a wide sheet puts at the right."""
    long = [v for v in c.cells if len("".join(ch for ch in str(v) if ch.isdigit())) >= 12]
    return c.ident or len(long) * 2 > len(c.cells)


def _widen(g: _Gen, t: _Table) -> None:
    """15-25 columns, the identifier columns at the far right."""
    width = g.rng.randint(15, 25)
    extra = max(0, width - len(t.columns))
    n = len(t.columns[0].cells)
    kinds = g.rng.sample(_FILLERS, min(extra, len(_FILLERS)))
    fillers = [_Column(ja if g.ja() else en, [_filler(g, kind) for _ in range(n)]) for ja, en, kind in kinds]
    plain = [c for c in t.columns if not _far(c)]
    ident = [c for c in t.columns if _far(c)]
    tail = [plain.pop()] if plain and g.rng.random() < 0.3 else []
    t.columns = plain + fillers + ident + tail


# --------------------------------------------------------------------------------------------
# documents


@dataclass
class _Block:
    title: list[str]
    header: list[str] | None
    rows: list[list[Cell]]
    form: bool = False


@dataclass
class _Sheet:
    name: str
    blocks: list[_Block]
    side: bool = False
    hidden: bool = False


def _block(t: _Table, titled: bool, header: bool = True) -> _Block:
    title = t.title if titled else []
    if t.form is not None:
        return _Block(title, None, t.form, form=True)
    rows = [list(r) for r in zip(*(c.cells for c in t.columns), strict=True)]
    return _Block(title, [c.header for c in t.columns] if header else None, rows)


def _block_grid(b: _Block) -> list[list[Cell]]:
    grid: list[list[Cell]] = [[line] for line in b.title]
    if b.title:
        grid.append([])
    if b.header is not None:
        grid.append(list(b.header))
    grid += b.rows
    return grid


def _pad(grid: list[list[Cell]], width: int | None = None) -> list[list[Cell]]:
    w = width if width is not None else max((len(r) for r in grid), default=1)
    return [r + [""] * (w - len(r)) for r in grid]


def _sheet_grid(sheet: _Sheet) -> list[list[Cell]]:
    grids = [_block_grid(b) for b in sheet.blocks]
    if sheet.side and len(grids) > 1:
        out: list[list[Cell]] = []
        padded = [_pad(gr) for gr in grids]
        height = max(len(gr) for gr in padded)
        for r in range(height):
            row: list[Cell] = []
            for k, gr in enumerate(padded):
                width = len(gr[0]) if gr else 0
                row += (gr[r] if r < len(gr) else [""] * width) + ([""] if k < len(padded) - 1 else [])
            out.append(row)
        return _pad(out)
    out = []
    for k, gr in enumerate(grids):
        if k:
            out.append([])
        out += gr
    return _pad(out)


def _doc_grid(sheets: list[_Sheet]) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for k, s in enumerate(sheets):
        if k:
            out += [[], []]
        out += _sheet_grid(s)
    return _pad(out)


def _check_cp932(grid: list[list[Cell]]) -> None:
    for row in grid:
        for v in row:
            str(v).encode("cp932")


def _xlsx_layout(sheets: list[_Sheet], rng: random.Random) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]

    wb = Workbook()
    bold = Font(bold=True)
    big = Font(bold=True, size=14)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for k, sheet in enumerate(sheets):
        ws = wb.active if k == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = sheet.name[:31]
        if sheet.hidden:
            ws.sheet_state = "hidden"
        row0, col0 = rng.choice((1, 1, 2)), rng.choice((1, 1, 2))
        r, c = row0, col0
        for block in sheet.blocks:
            width = max([len(block.header or [])] + [len(x) for x in block.rows] + [1])
            rr = r
            for i, line in enumerate(block.title):
                cell = ws.cell(row=rr, column=c, value=line)
                cell.data_type = "s"
                cell.font = big if i == 0 else Font(size=9)
                if i == 0 and width > 1 and rng.random() < 0.5:
                    ws.merge_cells(start_row=rr, start_column=c, end_row=rr, end_column=c + width - 1)
                rr += 1
            if block.title:
                rr += 1
            if block.header is not None:
                for j, h in enumerate(block.header):
                    cell = ws.cell(row=rr, column=c + j, value=h)
                    cell.data_type = "s"
                    cell.font = bold
                    cell.fill = fill
                if rng.random() < 0.4 and not sheet.side:
                    ws.freeze_panes = ws.cell(row=rr + 1, column=c)
                rr += 1
            for values in block.rows:
                for j, v in enumerate(values):
                    if v == "":
                        continue
                    cell = ws.cell(row=rr, column=c + j, value=v)
                    if isinstance(v, str):
                        cell.data_type = "s"
                    elif v >= 10**9:
                        cell.number_format = "0"
                    if block.form and j % 2 == 0:
                        cell.font = bold
                rr += 1
            if sheet.side:
                c += width + 1
            else:
                r = rr + rng.choice((1, 2))
    if sheets[0].hidden:
        raise AssertionError("the first sheet must stay visible")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _docx(sheets: list[_Sheet], title: str) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for sheet in sheets:
        for block in sheet.blocks:
            for i, line in enumerate(block.title):
                if line != title:
                    doc.add_paragraph(line, style="Heading 2" if i == 0 else None)
            grid = _pad(([list(block.header)] if block.header is not None else []) + block.rows)
            table = doc.add_table(rows=0, cols=len(grid[0]))
            table.style = "Table Grid"
            for r, values in enumerate(grid):
                cells = table.add_row().cells
                for j, (cell, v) in enumerate(zip(cells, values, strict=True)):
                    cell.text = str(v)
                    if (r == 0 and block.header is not None) or (block.form and j % 2 == 0):
                        for run in cell.paragraphs[0].runs:
                            run.font.bold = True
            doc.add_paragraph("")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pptx(sheets: list[_Sheet], title: str) -> bytes:
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    prs = Presentation()
    for sheet in sheets:
        for block in sheet.blocks:
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            assert slide.shapes.title is not None
            slide.shapes.title.text = block.title[0] if block.title else title
            grid = _pad(([list(block.header)] if block.header is not None else []) + block.rows)
            height = Emu(Inches(0.25) * len(grid))
            shape = slide.shapes.add_table(
                len(grid), len(grid[0]), Inches(0.3), Inches(1.5), Inches(9.4), height
            )
            for tr, values in zip(shape.table.rows, grid, strict=True):
                for cell, v in zip(tr.cells, values, strict=True):
                    cell.text_frame.text = str(v)
                    for run in cell.text_frame.paragraphs[0].runs:
                        run.font.size = Pt(7 if len(values) > 8 else 9)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


_GREETING = {
    "ja": ("総務部の田中です。", "下記のとおりお送りします。", "以上、よろしくお願いいたします。"),
    "en": ("Hi all,", "Please see the data below.", "Thanks, and let me know if anything is missing."),
}


def _html(sheets: list[_Sheet], lang: str, rng: random.Random) -> bytes:
    hello, lead, bye = _GREETING[lang]
    th_style = rng.random() < 0.6
    parts = ['<html><head><meta charset="utf-8"></head><body>', f"<p>{hello}<br>{lead}</p>"]
    for sheet in sheets:
        for block in sheet.blocks:
            for i, line in enumerate(block.title):
                parts.append(
                    f"<p><b>{html.escape(line)}</b></p>" if i == 0 else f"<p>{html.escape(line)}</p>"
                )
            parts.append(
                '<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse">'
            )
            if block.header is not None:
                cells = "".join(
                    f"<th>{html.escape(h)}</th>"
                    if th_style
                    else f'<td bgcolor="#ddebf7"><b>{html.escape(h)}</b></td>'
                    for h in block.header
                )
                parts.append(f"<tr>{cells}</tr>")
            for values in block.rows:
                cells = "".join(
                    f"<th align=left>{html.escape(str(v))}</th>"
                    if block.form and j % 2 == 0 and th_style
                    else f"<td>{html.escape(str(v))}</td>"
                    for j, v in enumerate(values)
                )
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</table><br>")
    parts += [f"<p>{bye}</p>", "</body></html>", ""]
    return "\n".join(parts).encode()


def _text(sheets: list[_Sheet], lang: str, rng: random.Random) -> bytes:
    hello, lead, bye = _GREETING[lang]
    lines = [hello, lead, ""]
    colon = rng.random() < 0.5
    for sheet in sheets:
        for block in sheet.blocks:
            lines += [*block.title, ""] if block.title else []
            if block.header is not None:
                lines.append("\t".join(block.header))
            for values in block.rows:
                if block.form and colon:
                    sep = "：" if lang == "ja" else ": "
                    for j in range(0, len(values), 2):
                        if values[j] != "":
                            lines.append(f"{str(values[j]).rstrip('：:')}{sep}{values[j + 1]}")
                else:
                    lines.append("\t".join(str(v) for v in values))
            lines.append("")
    lines += [bye, ""]
    return "\n".join(lines).encode()


# --------------------------------------------------------------------------------------------
# cases

_SCENARIOS: tuple[tuple[str, int], ...] = (
    ("staff", 4),
    ("vendors", 3),
    ("payments", 4),
    ("members", 3),
    ("products", 2),
    ("shipments", 3),
    ("tickets", 3),
    ("form", 3),
    ("unlabeled", 3),
)
_PARTNERS = {
    "staff": ("dependents", "vendors"),
    "vendors": ("products", "staff"),
    "payments": ("members", "shipments"),
    "members": ("payments",),
    "products": ("vendors",),
    "shipments": ("tickets", "payments"),
    "tickets": ("shipments", "members"),
}
_BUILDERS: dict[str, Callable[[_Gen, int], _Table]] = {
    "staff": _staff,
    "dependents": _dependents,
    "vendors": _vendors,
    "payments": _payments,
    "members": _members,
    "products": _products,
    "shipments": _shipments,
    "tickets": _tickets,
}
_GRIDLIKE = frozenset({"xlsx-layout", "xlsx", "xls", "ods", "csv-utf8", "csv-sjis", "csv-utf16"})
_SUBJECTS = {
    "staff": ("【社外秘】社員名簿送付の件", "Employee list"),
    "vendors": ("取引先一覧（更新版）", "Vendor master (updated)"),
    "payments": ("決済データ送付", "Payment export"),
    "members": ("会員リストの件", "Member list"),
    "products": ("商品マスタ送付", "Product master"),
    "shipments": ("出荷リスト", "Shipping list"),
    "tickets": ("問い合わせ対応履歴", "Support log"),
    "form": ("申請書の送付", "Form attached"),
    "unlabeled": ("ご依頼の資料", "Requested data"),
}
_FILES = {
    "staff": ("社員名簿", "staff_list"),
    "vendors": ("取引先マスタ", "vendors"),
    "payments": ("決済データ", "payments"),
    "members": ("会員一覧", "members"),
    "products": ("商品マスタ", "products"),
    "shipments": ("出荷一覧", "shipments"),
    "tickets": ("対応履歴", "tickets"),
    "form": ("申請書", "form"),
    "unlabeled": ("データ", "data"),
}


def _layout(rng: random.Random, scenario: str, fmt: str) -> str:
    if scenario == "form":
        return "kv"
    if scenario == "unlabeled":
        return rng.choice(("noheader", "neutral"))
    choices = ["plain", "title", "title", "wide", "stacked"]
    if fmt in _GRIDLIKE:
        choices.append("side")
    if fmt == "xlsx-layout":
        choices += ["multisheet"] * 4
        choices.remove("plain")
    if fmt == "pptx":
        choices.remove("wide")
    return rng.choice(choices)


def _build_case(rng: random.Random, fmt: str, lang: str) -> BlindCase:
    g = _Gen(rng, lang, numeric=fmt in ("xlsx-layout", "xlsx", "xls", "ods"))
    names = [s for s, _ in _SCENARIOS]
    scenario = rng.choices(names, weights=[w for _, w in _SCENARIOS])[0]
    layout = _layout(rng, scenario, fmt)
    n = rng.randint(4, 8) if fmt == "pptx" else rng.randint(5, 12)
    sheet_names = ("一覧", "Sheet1", "データ") if lang == "ja" else ("Sheet1", "Data", "List")
    main = rng.choice(sheet_names)
    kind = f"{scenario}-{layout}"
    last_ident = False
    titled = fmt == "xlsx-layout" or rng.random() < 0.3
    if layout == "kv":
        sheets = [_Sheet(main, [_block(_form(g), True)])]
    elif layout in ("noheader", "neutral"):
        t = _unlabeled(g, n, neutral=layout == "neutral")
        sheets = [_Sheet(main, [_block(t, titled and layout == "neutral", header=layout == "neutral")])]
    elif layout in ("stacked", "side"):
        partner = rng.choice(_PARTNERS[scenario])
        kind = f"{scenario}+{partner}-{layout}"
        first = _BUILDERS[scenario](g, n)
        second = _BUILDERS[partner](g, rng.randint(3, 7))
        sheets = [_Sheet(main, [_block(first, True), _block(second, True)], side=layout == "side")]
    elif layout == "multisheet":
        t = _BUILDERS[scenario](g, n)
        summary = _Table(
            [g.pick(("集計", "サマリー"), ("Summary",))],
            [
                _Column(
                    g.pick(("区分",), ("Group",)),
                    [g.pick(("件数",), ("Count",)), g.pick(("合計金額",), ("Total",))],
                ),
                _Column(g.pick(("値",), ("Value",)), [str(n) if not g.numeric else n, g.amount()]),
            ],
        )
        sheets = [
            _Sheet(g.pick(("集計", "表紙"), ("Summary", "Cover")), [_block(summary, True)]),
            _Sheet(main, [_block(t, True)]),
        ]
        if rng.random() < 0.7:
            partner = rng.choice(_PARTNERS[scenario])
            kind = f"{scenario}+{partner}-multisheet"
            sheets.append(
                _Sheet(
                    g.pick(("元データ", "作業用", "secret"), ("raw", "work", "hidden")),
                    [_block(_BUILDERS[partner](g, rng.randint(3, 8)), rng.random() < 0.5)],
                    hidden=rng.random() < 0.7,
                )
            )
        if rng.random() < 0.3:
            sheets.append(_Sheet("Sheet3", [_Block([], None, [])]))
    else:
        t = _BUILDERS[scenario](g, n)
        if layout == "wide":
            _widen(g, t)
        sheets = [_Sheet(main, [_block(t, layout == "title" or (layout == "wide" and titled))])]
        last_ident = t.columns[-1].ident

    title_ja, title_en = _FILES[scenario]
    stem = title_ja if lang == "ja" else title_en
    stem += rng.choice(("", "_202611", "_v2", "（最新）" if lang == "ja" else "_final"))
    subject = _SUBJECTS[scenario][0 if lang == "ja" else 1]
    doc_title = next((b.title[0] for s in sheets for b in s.blocks if b.title), stem)
    if fmt == "xlsx-layout":
        filename, content, mail_fmt = f"{stem}.xlsx", _xlsx_layout(sheets, rng), "xlsx"
    elif fmt == "docx":
        filename, content, mail_fmt = f"{stem}.docx", _docx(sheets, doc_title), "docx"
    elif fmt == "pptx":
        filename, content, mail_fmt = f"{stem}.pptx", _pptx(sheets, doc_title), "pptx"
    elif fmt == "html":
        filename, content, mail_fmt = f"{stem}.html", _html(sheets, lang, rng), "html"
    elif fmt == "text":
        filename, content, mail_fmt = f"{stem}.txt", _text(sheets, lang, rng), "text"
    else:
        if fmt == "pdf":  # the PDF prints its own title above the table
            for s in sheets:
                if s.blocks and s.blocks[0].title:
                    doc_title = s.blocks[0].title[0]
                    s.blocks[0].title = []
        grid = _doc_grid(sheets)
        if fmt == "csv-sjis":
            _check_cp932(grid)
        options: dict[str, bool] = {}
        if fmt == "xlsx" and layout in ("plain", "title", "wide") and rng.random() < 0.5:
            options["hidden_column" if last_ident and rng.random() < 0.6 else "hidden_sheet"] = True
            kind += "+hidden"
        header = [str(v) for v in grid[0]]
        name, content = write_table(fmt, header, grid[1:], sheet=main, name=doc_title, **options)
        filename, mail_fmt = f"{stem}.{name.rsplit('.', 1)[1]}", fmt
    sender_local, sender_domain = rng.choice(
        (
            ("soumu", "sakura-shoji.co.jp"),
            ("keiri", "aoba-foods.jp"),
            ("tanaka", "example.co.jp"),
            ("admin", "toho.com"),
        )
    )
    data = mail_with(
        mail_fmt,
        filename,
        content,
        subject=subject,
        sender=f"{sender_local}@{sender_domain}",
        to=rng.choice(("partner@example.net", "sharoushi@example.jp", "accounting@example.com")),
    )
    negatives = g.negatives - {v for _, v in g.expected}
    return BlindCase(fmt, lang, kind, data, set(g.expected), negatives)


def build_blind_cases(n: int, seed: int) -> list[BlindCase]:
    """``n`` cases, the formats in turn (a seeded order), Japanese a bit more often than English."""
    rng = random.Random(seed)
    order = list(BLIND_FORMATS)
    rng.shuffle(order)
    cases = []
    for i in range(n):
        fmt = order[i % len(order)]
        lang = "ja" if rng.random() < 0.6 else "en"
        cases.append(_build_case(rng, fmt, lang))
    return cases
