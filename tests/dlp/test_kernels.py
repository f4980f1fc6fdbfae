"""Whole cells settled in bulk (dlp/kernels.py) find exactly what ``detect`` finds cell by
cell: the two compared on columns built to stress every rule — numbers of every length and
grouping around the limits, phone numbers inside longer numbers, 123-45-6789 groups, check
digits that pass and fail, addresses with digits, capitals and secrets' prefixes — under
headers that name, rule out or say nothing."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from mailwarden.dlp import bulkchecks, checks, kernels
from mailwarden.dlp.cells import scan_table
from mailwarden.dlp.tables import Table
from tests.support.tablecorpus import card, corporate, my_number


def _digits(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice("0123456789") for _ in range(n))


def _grouped(rnd: random.Random, digits: str, sep: str) -> str:
    out, i = [], 0
    while i < len(digits):
        k = rnd.choice((1, 2, 3, 4, 4, 4, 5, 6, 7))
        out.append(digits[i : i + k])
        i += k
    return sep.join(out)


def _number(rnd: random.Random) -> str:
    kind = rnd.random()
    if kind < 0.2:
        digits = card(rnd)
    elif kind < 0.3:
        digits = my_number(rnd)
    elif kind < 0.4:
        digits = corporate(rnd)
    elif kind < 0.55:
        digits = rnd.choice(("090", "080", "070", "0120", "03", "0")) + _digits(rnd, rnd.randint(5, 9))
    elif kind < 0.65:  # a fixed line's ten digits (a phone only under a phone header)
        digits = "0" + rnd.choice("0345679") + _digits(rnd, 8)
    else:
        digits = _digits(rnd, rnd.choice((*range(5, 21), 25, 40, 61, 62, 70)))
    if rnd.random() < 0.1 and len(digits) > 2:  # a check digit broken
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    style = rnd.random()
    if style < 0.4:
        return digits
    if style < 0.6:
        return _grouped(rnd, digits, " ")
    if style < 0.85:
        return _grouped(rnd, digits, "-")
    if style < 0.9:  # the SSN's grouping
        tail = rnd.choice(("", "-1", "-" + digits[:4]))
        return f"{_digits(rnd, 3)}-{_digits(rnd, 2)}-{_digits(rnd, 4)}{tail}"
    if style < 0.95:
        joined = rnd.choice(("", " ", "-", "--", "  ")).join((digits[:4], digits[4:]))
        return joined + rnd.choice(("", " ", "-"))
    return "".join(chr(ord(c) + 0xFEE0) for c in digits)  # full width


LOCALS = ("user", "taro.yamada", "a_b", "x+tag", "ghost", "xoxb-1", "sk_live_x", "Info", "TANAKA")
DOMAINS = ("example.co.jp", "docomo.ne.jp", "gmail.com", "a-b.jp", "x", "EXAMPLE.JP", "xn--abc.jp")


def _address(rnd: random.Random) -> str:
    local = rnd.choice(LOCALS)
    local += rnd.choice(("", str(rnd.randint(0, 99)), _digits(rnd, rnd.randint(1, 12))))
    domain = rnd.choice(DOMAINS)
    cell = f"{local}@{domain}"
    if rnd.random() < 0.05:
        cell = "www." + cell
    if rnd.random() < 0.05:
        cell = cell * 3
    if rnd.random() < 0.05:
        cell += rnd.choice((" ", ".", " 090-1234-5678", "@x.jp"))
    return cell


LONG_RUN = "普通 " + "1 " * 27 + "999 1234567"  # the account's digits cut by a run's longest


def _other(rnd: random.Random) -> str:
    return rnd.choice(
        (
            "",
            "",
            "山田 太郎",
            "〒100-0001 東京都千代田区千代田1-1",
            "東京都港区芝公園4-2-8",
            "123-4567",
            "TEL 03-1234-5678",
            "(03)1234-5678",
            "090 1234 5678",
            "0120 12 3456",
            "TEL 03 5555 1234",
            "03(3581)3111",
            "+81 90-1234-5678",
            "+81(0)3 1234 5678",
            "（０３）１２３４－５６７８",
            "カード番号 4111 1111 1111 1111",
            "AB1234567",
            "AKIAIOSFODNN7EXAMPLE",
            "VIP",
            "08/31",
            "https://example.jp/4111111111111111",
            LONG_RUN,
            "振込先 普通 " + "0-" * 26 + "12 001 1234567",
            "\x1f\n〒100-0001",
            "\x1f\n普通 1234567",
        )
    )


POSTAL_PIECES = (
    "〒100-0001",
    "〒 1000001",
    "〒",
    "東京都千代田区千代田1-1",
    "神奈川県横浜市西区みなとみらい２－３－１",
    "北海道札幌市中央区北1条西2丁目",
    "大阪府",
    "123-4567",
    " ",
    "、",
    "住所",
    "Address:",
    "ビル3F",
    "ABビル",
    "1-2-3",
    "12345678",
    "090-1234-5678",
    "www.example.jp",
    "あ" * 40,
    "\x1f",
    "ー",
    "4ー5",
    "ghp",
)


def _postal_text(rnd: random.Random) -> str:
    return "".join(rnd.choice(POSTAL_PIECES) for _ in range(rnd.randint(1, 6)))


def _column(rnd: random.Random, n: int) -> list[str]:
    makers = (_number, _address, _other, _postal_text)
    weights = [rnd.random() for _ in makers]
    return [rnd.choices(makers, weights)[0](rnd) for _ in range(n)]


HEADERS = ["", "カード番号", "マイナンバー", "法人番号", "電話番号", "メールアドレス"]
HEADERS += ["会員番号", "ID", "口座番号", "備考", "住所"]


def _found(table: Table, settle: bool) -> list[tuple[int, int, str, str, float, str, int]]:
    return [
        (h.col, row, det, value, conf, h.header, h.block)
        for h in scan_table(table, settle=settle)
        for row, det, value, conf in zip(h.rows, h.detectors, h.values, h.confidences, strict=True)
    ]


def _table(seed: int) -> Table:
    rnd = random.Random(seed)
    width = rnd.randint(1, 4)
    columns = [_column(rnd, rnd.choice((3, 20, 60, 200))) for _ in range(width)]
    height = max(len(c) for c in columns)
    rows = [[c[i] if i < len(c) else "" for c in columns] for i in range(height)]
    header = [rnd.choice(HEADERS) for _ in range(width)]
    return Table("attachment:t.xlsx!s", [header, *rows] if rnd.random() < 0.8 else rows)


@pytest.mark.parametrize("seeds", [range(0, 100), range(100, 200), range(200, 300)])
def test_settled_cells_match_detect_cell_by_cell(seeds: range) -> None:
    found = 0
    for seed in seeds:
        table = _table(seed)
        settled = _found(table, settle=True)
        assert settled == _found(table, settle=False), seed
        found += len(settled)
    assert found > 100  # the generator makes columns with something to find


def test_columns_of_one_kind_are_settled_in_bulk() -> None:
    """The common case takes the bulk path at all: a column of cards leaves nothing to detect."""
    rnd = random.Random(5)
    cells = [f"{c[:4]} {c[4:8]} {c[8:12]} {c[12:]}" for c in (card(rnd, ("4", "5")) for _ in range(50))]
    done = kernels.settle(cells, frozenset(), frozenset())
    assert done.left == [] and done.detectors == ["credit-card"] * 50
    assert done.values == [c.replace(" ", "") for c in cells]


def test_a_phone_number_inside_a_longer_number_is_left_to_detect() -> None:
    done = kernels.settle(["4111-0111-1111-1112", "090-1234-5678", "123-45-6789"], frozenset(), frozenset())
    assert done.cells == [1] and done.detectors == ["jp.phone"]
    assert done.left == [0, 2]  # a phone inside a failed card; an SSN's grouping


@pytest.mark.parametrize("length", range(12, 20))
def test_check_digits_over_many_numbers_agree_with_one_by_one(length: int) -> None:
    rnd = random.Random(length)
    prefixes = ("4", "51", "55", "2221", "2720", "34", "37", "36", "300", "305", "3528", "3589", "6011")
    prefixes += ("65", "644", "649", "622126", "622925", "62", "1", "0")
    numbers = []
    for _ in range(3000):
        head = rnd.choice(prefixes)
        numbers.append(head + _digits(rnd, length - len(head)))
    numbers += [c for c in (card(rnd) for _ in range(400)) if len(c) == length]  # 15 and 16
    luhn = bulkchecks.luhn_many(numbers)
    issuer = bulkchecks.issuer_many(numbers)
    assert [bool(x) for x in luhn] == [checks.luhn_ok(n) for n in numbers]
    assert [bool(x) for x in issuer] == [checks.card_issuer(n) is not None for n in numbers]
    assert any(luhn & issuer) and not all(luhn)
    if length == 12:
        numbers += [my_number(rnd) for _ in range(200)]
        mine = [bool(x) for x in bulkchecks.my_number_many(numbers)]
        assert mine == [checks.my_number_ok(n) for n in numbers] and any(mine)
    if length == 13:
        numbers += [corporate(rnd) for _ in range(200)]
        theirs = [bool(x) for x in bulkchecks.corporate_many(numbers)]
        assert theirs == [checks.corporate_number_ok(n) for n in numbers] and any(theirs)


@pytest.mark.parametrize("settle", [True, False])
def test_a_postal_code_is_not_read_with_the_next_cells_prefecture(settle: bool) -> None:
    """A pattern's look-ahead once read past the cell's end: "123-4567" above "東京都…" was
    reported as a postal address, the same code above "abc" not."""
    table = Table("x", [["メモ"], ["123-4567"], ["東京都千代田区1"], ["123-4567 東京都"]])
    found = _found(table, settle)
    assert [(row, value) for _, row, _, value, *_ in found] == [(2, "東京都千代田区1"), (3, "〒123-4567")]


MOBILES = [["090-1234-5678"]] * 30  # enough settled cells for a column to be settled


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        ("", ["090-1234-5678", "\x1f\n〒100-0001"]),  # a separator inside a cell
        ("", ["090-1234-5678", "\x1f\n普通 1234567"]),
        ("電話番号", [LONG_RUN, "090-1234-5678"]),  # the next cell's run reached back into it
        ("備考", [LONG_RUN, "090-1234-5678"]),
        ("", [LONG_RUN, "", "", "", "", "", "", "TEL 03-1234-5678"]),
        ("電話番号", ["振込先 普通 " + "0-" * 26 + "12 001 1234567", "03-1234-5678"]),
    ],
)
def test_a_cell_reads_the_same_whatever_its_neighbours(header: str, cells: list[str]) -> None:
    """Found by a review: ``detect`` read a cell differently by what stood next to it — a
    "\x1f" inside a cell passed for the separator, and the bank account finder searched back
    into the cell before (where an account cut by a run's 61-character limit was otherwise
    missed). Settling moves a cell's neighbours, so both paths must read it alone."""
    table = Table("x", [[header], *[[c] for c in cells], *MOBILES])
    assert _found(table, settle=True) == _found(table, settle=False)
    alone = _found(Table("x", [[header], [cells[0]]]), settle=False)
    mine = [(det, value) for _, row, det, value, *_ in _found(table, settle=False) if row == 1]
    assert mine == [(det, value) for _, _, det, value, *_ in alone]


def test_an_account_cut_by_a_runs_longest_is_found() -> None:
    from mailwarden.dlp.scan import detect

    found = [(m.detector, m.value) for m in detect(LONG_RUN)]
    assert ("jp.bank-account", "9991234567") in found


NUMPY_PROBE = """
import random, sys
from email.message import EmailMessage
from mailwarden.dlp import kernels
from mailwarden.dlp.service import check_message
from mailwarden.gateway import screen, server
from tests.support.tablecorpus import card

msg = EmailMessage()
msg["From"], msg["To"], msg["Subject"] = "a@example.jp", "b@example.jp", "x"
msg.set_content("カード 4111 1111 1111 1111\\n\\n"
                "氏名\\t電話\\n山田\\t090-1234-5678\\n佐藤\\t080-2345-6789\\n")
result = check_message(msg.as_bytes())
assert result["tables"] == 1 and result["counts"].get("credit-card") == 1, result
before = "numpy" in sys.modules
rnd = random.Random(1)
done = kernels.settle([card(rnd, ("4",)) for _ in range(kernels.SMALL)], frozenset(), frozenset())
assert done.detectors == ["credit-card"] * kernels.SMALL
print(before, "numpy" in sys.modules)
"""


def test_numpy_is_loaded_only_for_a_column_of_many_numbers() -> None:
    """A gateway worker and ``dlp check`` on mail without a long table do not load numpy (20 MB
    of each worker's memory, 0.1 s of each command's start); a column of many numbers does."""
    out = subprocess.run(
        [sys.executable, "-c", NUMPY_PROBE], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert out == ["False", "True"]
