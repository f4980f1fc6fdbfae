"""Japanese text longer than SudachiPy takes at once (49,149 bytes: about 16,000 characters on
one line, as HTML made text often is) is read in pieces: the text check neither fails
(analysis.uninspected) nor loses the phrases it holds; short text is read as before."""

from __future__ import annotations

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.japanese import PIECE_CHARS, _lines, matches, words
from mailwarden.analyze.rules import load_rules

from .mail import message

FILLER = "弊社サービスをご利用いただき誠にありがとうございます。今後ともよろしくお願い申し上げます。"


def long_line(ending: str, chars: int = 40_000) -> str:
    return FILLER * (chars // len(FILLER)) + ending


def test_a_line_over_the_tokenizer_limit_is_read():
    text = long_line("この件は内密にお願いします。")
    assert len(text.encode()) > 49_149
    found = matches(words(text))
    assert found.get("text.secrecy") == "内密"


def test_pieces_stay_under_the_byte_limit_and_lose_nothing():
    for text in (long_line("至急"), "漢" * 50_000, ("あいう " * 10_000)):
        pieces = _lines(text)
        assert len(pieces) > 1
        assert all(len(p) <= PIECE_CHARS and len(p.encode()) <= 49_149 for p in pieces)
        assert "".join(pieces) == text
    # cut after a sentence's end where there is one: no word is cut in two
    assert all(p.endswith("。") for p in _lines(long_line("至急"))[:-1])


def test_short_text_is_read_as_before():
    text = "お世話になっております。\n\nABC only line\n振込先を変更いたしました。\n  \n至急ご確認ください。"
    assert _lines(text) == ["お世話になっております。", "振込先を変更いたしました。", "至急ご確認ください。"]
    assert set(matches(words(text))) == {"text.payment-change", "text.urgency"}


def test_long_html_mail_keeps_its_signals_and_nothing_is_uninspected():
    html = (
        "<html><body><p>"
        + long_line("社長からの依頼です。この件は内密にお願いします。")
        + "</p></body></html>"
    )
    v = analyze(message("", html=html, reply_to="boss@gmail.com"), load_rules()).to_dict()
    codes = {s["code"] for s in v["signals"]}
    assert "text.secrecy" in codes
    assert "analysis.uninspected" not in codes


def test_squared_words_the_tokenizer_lengthens_stay_under_its_limit():
    # ㌕ is 3 bytes and キログラム after the tokenizer's normalisation: 15
    from mailwarden.analyze.japanese import words

    assert list(words("お知らせ" + "㌕" * 30_000))
