"""DLP detectors: check digits, every width of digits and hyphens, numbers touching kana and
kanji, context, and the hard negatives (order numbers, dates, bad check digits, links)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from mailwarden.dlp import anchors, detectors, scan
from mailwarden.dlp.checks import card_issuer, corporate_number_ok, iban_ok, luhn_ok, my_number_ok
from mailwarden.dlp.detectors import mask, unique_counts
from mailwarden.dlp.normalize import normalise
from mailwarden.dlp.scan import detect


def stitched(pieces: list[str], *, seed: int, count: int, longest: int) -> Iterator[str]:
    """Texts made of random runs of ``pieces``: edges for anchored matchers to get wrong."""
    rnd = random.Random(seed)
    for _ in range(count):
        yield "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest)))


def my_number(body: str) -> str:
    total = sum(int(p) * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(body), 1))
    r = total % 11
    return body + str(0 if r <= 1 else 11 - r)


def test_check_digits():
    assert my_number_ok("123456789018") and not my_number_ok("123456789019")
    assert my_number_ok(my_number("98765432109"))
    assert corporate_number_ok("7000012050002") and not corporate_number_ok("7000012050003")  # 国税庁
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert card_issuer("3530111333300000") == "JCB" and card_issuer("9999999999999995") is None
    assert iban_ok("GB82 WEST 1234 5698 7654 32") and not iban_ok("GB82 WEST 1234 5698 7654 33")


def test_normalise_keeps_offsets():
    text = "番号：１２３４ー５６７８　ラーメン"
    norm = normalise(text)
    assert norm == "番号:1234-5678 ラーメン"  # ー between digits is a hyphen, between kana a mark
    assert len(norm) == len(text) and text[norm.index("5")] == "５"


@pytest.mark.parametrize(
    "text",
    [
        "マイナンバーは123456789018です",  # touching kana
        "個人番号１２３４５６７８９０１８",  # full-width, touching kanji
        "番号 1234 5678 9018",
        "番号 1234－5678－9018",  # full-width hyphen
        "番号 1234‐5678‐9018",  # U+2010
        "番号 1234ー5678ー9018",  # long vowel mark typed as a hyphen
        "番号 1234\n5678\n9018",  # broken across lines
    ],
)
def test_my_number_in_every_form(text):
    found = detect(text)
    assert [m.detector for m in found] == ["jp.my-number"], found
    assert found[0].value == "123456789018"


@pytest.mark.parametrize(
    "text",
    [
        "注文番号 123456789012 をご確認ください",  # 12 digits, check digit wrong
        "日付 2024-11-27 10:00",
        "https://example.com/items/123456789018",  # valid digits, but inside a link
        "伝票番号 4111111111111112",  # fails Luhn
        "電話番号 03-1234-567",  # too short
        "振込 1234567",  # an account number without banking words around it
        "注文番号 123456789018 の発送",  # a valid check digit, but labelled an order number
        "Order #4111111111111111 shipped",  # passes Luhn, labelled an order
    ],
)
def test_hard_negatives(text):
    found = [m for m in detect(text) if m.detector in ("jp.my-number", "credit-card", "jp.bank-account")]
    assert found == [], found


def test_cards_context_and_masking():
    found = detect(
        "カード番号 4111-1111-1111-1111 有効期限 12/28。"
        + "その他のご連絡事項です。" * 10
        + "3530 1113 3330 0000"
    )
    cards = [m for m in found if m.detector == "credit-card"]
    assert [m.masked for m in cards] == ["4111 **** **** 1111", "3530 **** **** 0000"]
    assert cards[0].confidence > cards[1].confidence  # context words near the first
    assert not [m for m in found if m.detector == "jp.my-number"]  # a card is not also a My Number


def test_japanese_identifiers_and_secrets():
    text = (
        "振込先: みずほ銀行 渋谷支店 普通 123 1234567\n"
        "パスポート番号 TK1234567、在留カード AB12345678CD、基礎年金番号 1234-567890\n"
        "〒150-0002 東京都渋谷区渋谷2-21-1 携帯 090-1234-5678 tanaka@example.co.jp\n"
        "aws_access_key_id=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
        "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        "token ghp_" + "a" * 36 + "\n"
    )
    counts = unique_counts(detect(text))
    for detector in (
        "jp.bank-account",
        "jp.passport",
        "jp.residence-card",
        "jp.pension-number",
        "jp.postal-address",
        "jp.phone",
        "email-address",
        "secret.aws-access-key",
        "secret.aws-secret-key",
        "secret.private-key",
        "secret.api-token",
    ):
        assert counts.get(detector, 0) >= 1, (detector, counts)
    secret = next(m for m in detect(text) if m.detector == "secret.aws-secret-key")
    assert "EXAMPLEKEY" not in secret.masked


def test_unique_instances():
    found = detect("4111111111111111 と 4111 1111 1111 1111 と 5555555555554444")
    assert unique_counts(found) == {"credit-card": 2}


def test_mask_never_shows_the_whole_value():
    assert mask("123456789018") == "1234 **** 9018"
    assert mask("tanaka@example.co.jp") == "t***@example.co.jp"
    assert mask("AKIAIOSFODNN7EXAMPLE", secret=True) == "AKIA…"


def test_postal_anchors_find_what_a_whole_scan_finds():
    """The postal-address detector tries its pattern only near 〒 and 都道府県: on texts made of
    address fragments, spaces and noise it must find exactly what a scan of every position does."""
    pieces = [
        "〒100-0005",
        "〒 1000005",
        "東京都千代田区丸の内1-1-1",
        "100-0005 東京都港区",
        "大阪府大阪市北区梅田3丁目",
        "北海道",
        "京都府",
        "神奈川県横浜市西区みなとみらい２－３－１",
        "都道府県",
        "県",
        "123-4567\n\n埼玉県さいたま市",
        "〒",
        "-",
        "1",
        "あいう",
        "\n",
        " " * 12,
        "、",
        "。",
        "鹿児島県" + "あ" * 30 + "1",
    ]
    pattern = detectors.BY_ID["jp.postal-address"].pattern
    for raw in stitched(pieces, seed=5, count=3000, longest=40):
        text = normalise(raw)
        whole = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
        assert list(anchors._postal_candidates(pattern, text)) == whole, text


def test_url_spans_match_the_regex_scan():
    pieces = [
        "https://a.example/x?1=2",
        "http://b",
        "HTTPS://C",
        "www.d.example",
        "WWW.E",
        "Www.f",
        "wWw.g",
        "ftp://h",
        "://",
        "https:/",
        "www",
        ".",
        " ",
        "\n",
        "あ",
        "x",
        "hhttps://i",
        "xwww.j",
        "ſ",
        "K",
        "İ",
        "ｗｗｗ.",
    ]
    for text in stitched(pieces, seed=3, count=3000, longest=25):
        assert anchors.url_spans(text) == [m.span() for m in anchors._URL.finditer(text)], text


def test_anchored_detectors_find_what_a_whole_scan_finds():
    """Email addresses are found outwards from each "@", passports, residence cards and IBANs
    from where two capitals and two digits stand: on texts built to stress the edges, exactly the
    matches of each pattern run over the whole text."""
    pieces = [
        "a",
        "b.c",
        "@",
        "x@y.jp",
        "-",
        "_",
        "+",
        ".",
        " ",
        "\n",
        "あ",
        "漢字",
        "AB",
        "CD",
        "1",
        "12345678",
        "AB1234567",
        "AB12345678CD",
        "GB82 WEST 1234 5698 7654 32",
        "DE89370400440532013000",
        "w" * 70,
        "taro.yamada+tag@mail.example.co.jp",
        "@@",
        "a@b",
        "Z9",
    ]
    for text in stitched(pieces, seed=11, count=4000, longest=30):
        email = detectors.BY_ID["email-address"].pattern
        whole = [(m.start(), m.end(), m.group(0)) for m in email.finditer(text)]
        assert list(anchors._email_candidates(text)) == whole, text
        upper = [m.start() for m in anchors._UPPER2_DIGIT.finditer(text)]
        for name in sorted(scan.UPPER_ANCHORED):
            det = detectors.BY_ID[name]
            whole = [(m.start(), m.end(), m.group(0)) for m in det.pattern.finditer(text)]
            assert list(scan._candidates(det, text, [], upper)) == whole, (name, text)


def test_normalise_is_the_one_to_one_table():
    from mailwarden.dlp import normalize as n

    pieces = [
        "１２３",
        "－",
        "ー",
        "1ー2",
        "ア",
        "ｱ",
        "　",
        "Ａｂｃ",
        "‐",
        "—",
        "−",
        "x",
        "\n",
        "（注）",
        "～",
        "、",
        "ーー",
        "9ー",
        "ー0",
        "１ー２ー３",
    ]
    for text in stitched(pieces, seed=17, count=3000, longest=20):
        expected = n._LONG_VOWEL_BETWEEN_DIGITS.sub("-", text.translate(n._TABLE))
        assert n.normalise(text) == expected and len(n.normalise(text)) == len(text), text


def test_bank_accounts_anchored_on_digit_runs_match_a_whole_scan():
    pieces = [
        "普通",
        "口座",
        "123",
        "-",
        " ",
        "1234567",
        "12345678",
        "支店",
        "番号",
        "あいうえお",
        "\n",
        "0",
        "98765",
        "店番 001 普通 7654321",
        "x" * 13,
        "、",
        "１２３",
    ]
    det = detectors.BY_ID["jp.bank-account"]
    for raw in stitched(pieces, seed=23, count=4000, longest=25):
        text = normalise(raw)
        runs = []
        for m in anchors._RUN.finditer(text):
            run = m.group(0).rstrip(" \t\r\n-")
            runs.append((m.start(), run, len(run) - sum(map(run.count, " \t\r\n-"))))
        whole = [(m.start(), m.end(), m.group(0)) for m in det.pattern.finditer(text)]
        assert list(anchors._bank_candidates(det.pattern, text, runs)) == whole, text


def test_capitals_and_digit_found_in_byte_classes_match_the_regex_scan():
    """Text is searched for two capitals and two digits as bytes of character classes: the same
    places as the regex finds, in ASCII text and in any other."""
    pieces = ["A", "B", "Z", "a", "1", "0", "9", " ", "-", "AB1", "ABC12", "@", "\n", "あ", "Ⅻ", "١", "AB12"]
    for text in stitched(pieces, seed=29, count=4000, longest=30):
        whole = [m.start() for m in anchors._UPPER2_DIGIT.finditer(text)]
        assert anchors.upper_starts(anchors.classes_of(text)) == whole, text


def test_digit_runs_and_key_characters_found_in_byte_classes_match_the_regex_scans():
    pieces = [
        "1",
        "23",
        "4567890",
        " ",
        "-",
        "\t",
        "\r\n",
        "\n",
        "x",
        "あ",
        "１",
        "١",
        "ー",
        "A" * 20,
        "b/+" * 7,
    ]
    key = re.compile(r"[A-Za-z0-9/+]{40}")
    for text in stitched(pieces, seed=37, count=4000, longest=40):
        whole = []
        for m in anchors._RUN.finditer(text):
            run = m.group(0).rstrip(" \t\r\n-")
            whole.append((m.start(), run, sum(c.isdigit() for c in run)))
        assert anchors.digit_runs(text, anchors.classes_of(text)) == whole, text
        has_key = b"x" * 40 in anchors.classes_of(text).translate(anchors._TOKEN_CHARS)
        assert has_key == (key.search(text) is not None), text


def test_context_gates_cover_every_context_word():
    """A detector that needs context is skipped when none of its gates stands in the text: each
    of its context words must hold one of them."""
    for det in detectors.DETECTORS:
        if det.needs_context:
            gates = scan.GATES.get(det.id, scan._FOLDED_CONTEXT[det.id])
            for word in scan._FOLDED_CONTEXT[det.id]:
                assert any(g in word for g in gates), (det.id, word)


def test_secrets_found_from_their_anchors_match_a_whole_scan():
    """Access keys, tokens and private keys are tried only where their first letters stand,
    secret keys only at runs of exactly 40 key characters: the same matches as each pattern
    run over the whole text."""
    pieces = [
        "AKIA",
        "ASIA",
        "A",
        "IOSFODNN7EXAMPLE",
        "Z9",
        "ghp_",
        "gh",
        "glpat-",
        "xoxb-",
        "xox",
        "AIza",
        "sk_live_",
        "a" * 20,
        "b" * 16,
        "/+",
        "=",
        "_",
        "-",
        " ",
        "\n",
        "あ",
        "-----BEGIN ",
        "RSA PRIVATE KEY-----",
        "OPENSSH ",
        "PRIVATE KEY-----",
    ]
    names = ("secret.aws-access-key", "secret.api-token", "secret.private-key", "secret.aws-secret-key")
    for text in stitched(pieces, seed=41, count=4000, longest=14):
        for name in names:
            det = detectors.BY_ID[name]
            whole = [(m.start(), m.end(), m.group(0)) for m in det.pattern.finditer(text)]
            assert list(scan._candidates(det, text, [], [])) == whole, (name, text)


def test_a_number_labelled_otherwise_on_its_own_line_is_not_personal():
    """注文番号 before a number on its line outweighs a context word on another line; on the
    same line the context word still counts."""
    valid = "123456789018"  # a My Number whose check digit holds
    assert my_number_ok(valid)
    apart = f"マイナンバー：1234 5678 9018を登録しました\n注文番号 {valid} の発送"
    assert [m.start for m in detect(apart) if m.detector == "jp.my-number"] == [7]
    same = f"注文番号 {valid} はマイナンバーです"
    assert [m.detector for m in detect(same)] == ["jp.my-number"]


def _luhn_by_the_book(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_luhn_agrees_with_the_textbook_on_generated_numbers():
    import random

    rnd = random.Random(11)
    for _ in range(20_000):
        digits = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(12, 19)))
        assert luhn_ok(digits) == _luhn_by_the_book(digits), digits
    assert not luhn_ok("４１１１１１１１１１１１１１１１")  # only ASCII digits are digits here
