"""Japanese bank accounts (issue 16, point 4): the forms transfer details are written in,
found with few false positives, shown masked."""

from __future__ import annotations

import random

import pytest

from mailwarden.dlp import anchors, detectors
from mailwarden.dlp.normalize import normalise
from mailwarden.dlp.scan import detect


def accounts(text: str) -> list[tuple[str, str]]:
    return [(m.value, m.masked) for m in detect(text) if m.detector == "jp.bank-account"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("お振込先：みずほ銀行 新宿支店 普通 7654321", "7654321"),
        ("三井住友銀行 渋谷支店 普通預金 口座番号 1234567 ヤマダ タロウ", "1234567"),
        ("りそな銀行 本店営業部 当座 2345678", "2345678"),
        ("城南信用金庫 五反田支店 当座預金 No.3456789", "3456789"),
        ("ＪＡバンク東京 三鷹出張所 貯蓄 ４５６７８９０", "4567890"),
        ("中央労働金庫 新宿支店 口座番号：5678901", "5678901"),
        ("振込先 三菱UFJ銀行（店番 135）普通 1234567", "1351234567"),
        ("口座番号 123-4567890", "1234567890"),
        ("ゆうちょ銀行 記号 12345 番号 12345671", "1234512345671"),
        ("ゆうちょ銀行の口座へお振込みください。記号番号：12345-12345671", "1234512345671"),
        ("郵便局の口座\n記号：10230、番号：9876541", "102309876541"),
    ],
)
def test_accounts_in_the_forms_they_are_written_in(text: str, value: str) -> None:
    found = accounts(text)
    assert [v for v, _ in found] == [value], found
    masked = found[0][1]
    assert masked.endswith(value[-4:]) and value[:-4] not in masked and set(masked[:-4]) == {"*"}


@pytest.mark.parametrize(
    "text",
    [
        "TEL 03-1234-5678 / FAX 03-1234-5679（みずほ銀行 新宿支店）",
        "携帯 090-1234-5678 普通",  # a phone number, a type word after it
        "〒160-0023 東京都新宿区西新宿2-8-1 新宿支店",
        "2024年12月04日 銀行振込にて支払い済み",
        "注文番号 123-4567890（銀行振込）",  # an order number, a bank's name on its line
        "ご注文番号：1234567 普通郵便でお送りします",
        "受付番号 1234567 支店窓口でお受け取りください",
        "伝票番号 123-4567890 を新宿支店で確認しました",
        "記号 12345 番号 1234567 の保険証",  # a health insurance card, not ゆうちょ
        "商品コード 12345-1234567（銀行のノベルティ）",
        "振込 1234567",  # digits and no account word
        "みずほ銀行 1234567",  # a bank's name alone: no type, no branch
        "普通列車 1234567 号",
        "JAN 4901234567894 普通",
    ],
)
def test_realistic_numbers_that_are_not_accounts(text: str) -> None:
    assert accounts(text) == []


def test_an_account_counts_once_whatever_words_come_with_it() -> None:
    text = "普通 7654321\n（再掲）普通預金 口座番号 7654321"
    assert [v for v, _ in accounts(text)] == ["7654321", "7654321"]
    assert detectors.unique_counts(detect(text))["jp.bank-account"] == 1


def test_the_detector_says_what_it_finds_and_its_words_pass_the_gate() -> None:
    det = detectors.BY_ID["jp.bank-account"]
    assert "ゆうちょ" in det.description and det.needs_context
    assert "jp.bank-account" in detectors.PERSONAL


def test_bank_accounts_anchored_on_digit_runs_match_a_whole_scan() -> None:
    """The finder tries the pattern only before runs of seven digits: on texts stitched from
    the pieces of every form it finds exactly what a scan of the whole text finds."""
    pieces = ["普通", "当座預金", "支店", "営業部", "口座", "番号", "No.", "記号", "12345", "1234567",
              "12345678", "123", "-", " ", ":", "、", "あ", "\n", "１２３", "ゆうちょ"]  # fmt: skip
    rng = random.Random(41)
    det = detectors.BY_ID["jp.bank-account"]
    for _ in range(6000):
        text = normalise("".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))))
        runs = anchors.digit_runs(text, anchors.classes_of(text))
        whole = [(m.start(), m.end(), m.group(0)) for m in det.pattern.finditer(text)]
        assert list(anchors._bank_candidates(det.pattern, text, runs)) == whole, text
