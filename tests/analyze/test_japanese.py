"""Japanese read word by word (SudachiPy): conjugated and re-spelled variants meet one rule,
ordinary business phrasing does not."""

from __future__ import annotations

import pytest

from mailwarden.analyze.japanese import matches, words
from mailwarden.analyze.text import PHRASE_SET


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("お振り込み先を変更いたしました。", "text.payment-change"),
        ("弊社の入金口座が変わりましたのでご注意ください", "text.payment-change"),
        ("ご利用のカードを一時的に停止させていただきました", "text.account-suspension"),
        ("ご本人様の確認が取れておりません", "text.credential-request"),
        ("この件は誰にも相談しないでください", "text.secrecy"),
        ("専務からのご依頼です", "text.executive-request"),
    ],
)
def test_variants_meet_the_rule(text, code):
    assert code in matches(words(text)), (text, [w[0] for w in words(text)])


@pytest.mark.parametrize(
    "text", ["お振り込み先を変更いたしました。", "弊社の入金口座が変わりましたのでご注意ください"]
)
def test_the_surface_patterns_alone_miss_them(text):
    # what the tokenizer adds: no surface regular expression catches these spellings
    assert "text.payment-change" not in PHRASE_SET.first_matches(text)


@pytest.mark.parametrize(
    "text",
    [
        "今月の振込期日は月末です。",
        "パスワードは別途お送りします。",
        "なお、電話番号およびお振込先に変更はございません。",
        "来週の定例会議の資料を添付します。",
    ],
)
def test_ordinary_business_phrasing_is_quiet(text):
    found = matches(words(text))
    assert "text.credential-request" not in found and "text.account-suspension" not in found
    if "変更はございません" not in text:
        assert "text.payment-change" not in found


def test_text_without_japanese_costs_nothing():
    assert words("Hello world, nothing Japanese here.") == []
